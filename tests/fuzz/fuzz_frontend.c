// fuzz_frontend.c - libFuzzer target: arbitrary bytes as a Python source
// through the frontend (tree-sitter parse, AST, type check, lowering to TIR)
// and the TIR verifier (the pass list "verify"); no optimizing passes, no
// LLVM, no execution. A crash, a sanitizer report, an internal error or
// unverifiable TIR from a source the checker accepted is a finding.
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  PycCompiler *c = fuzz_compiler("verify");
  if (!c) return 0;
  pyc_compiler_load_buffer(c, "fuzz.py", (const char *)data, size);
  if (pyc_compiler_lower(c)) {
    char *tir = pyc_compiler_dump(c, PYC_STAGE_TIR);  // the printer on every lowered module
    free(tir);
    pyc_compiler_passes(c);
  }
  if (fuzz_has_internal_error(c, true)) fuzz_bug(c, "frontend");
  pyc_compiler_delete(c);
  return 0;
}
