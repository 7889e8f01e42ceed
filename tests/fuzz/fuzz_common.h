// fuzz_common.h - shared helpers of the libFuzzer targets (fuzz_*.c) and of
// their replay driver (replay.c): run the compiler through the public driver
// API (tools/driver.h) and turn the diagnostics that mean a compiler bug
// ("internal error", a TIR verifier failure on IR the compiler made itself)
// into an abort, so libFuzzer records the input. User errors are fine.
#ifndef PYC_TESTS_FUZZ_COMMON_H
#define PYC_TESTS_FUZZ_COMMON_H

#include "driver.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

// The entry point every target defines (libFuzzer's contract).
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

// True when some diagnostic says the compiler itself failed.
static inline bool fuzz_has_internal_error(PycCompiler *c, bool verifier_is_bug) {
  DiagSink *ds = pyc_compiler_diags(c);
  for (const Diag *d = ds->first; d; d = d->next) {
    if (!d->msg) continue;
    // Prefixes only: user text quoted in a message may say anything.
    if (strncmp(d->msg, "internal error", 14) == 0) return true;
    // The verifier's nesting bound is a documented limit, not a bug (the
    // checker's limits keep real programs well below it).
    if (verifier_is_bug && strncmp(d->msg, "TIR verifier", 12) == 0 &&
        !strstr(d->msg, "nested too deeply"))
      return true;
  }
  return false;
}

// Abort (a finding) with the diagnostics on stderr.
static inline void fuzz_bug(PycCompiler *c, const char *what) {
  fprintf(stderr, "fuzz: compiler bug: %s\n", what);
  if (c) pyc_compiler_print_diags(c, stderr);
  abort();
}

// Options for fuzzing: the pass list (NULL = the default pipeline), the
// verifier after every pass, no LLVM optimizer (the targets stop before it).
static inline PycCompiler *fuzz_compiler(const char *passes) {
  PycOptions o;
  pyc_options_default(&o);
  o.verify_each = true;
  o.opt_level = 0;
  o.passes = passes;
  return pyc_compiler_new(&o);
}

#endif
