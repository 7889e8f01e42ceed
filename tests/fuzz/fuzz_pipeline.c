// fuzz_pipeline.c - libFuzzer target: a Python source through the whole
// pipeline to LLVM IR (parse, check, lower, the default passes with the
// verifier after each, TIR -> LLVM IR with LLVM's module verifier); nothing
// is JIT-compiled or run. Its inputs are near-valid programs made by the
// line/token mutator of fuzz_mutator.c from tests/programs. A crash, a
// sanitizer report, an internal error, broken TIR or an LLVM module that
// LLVM's verifier rejects is a finding.
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  PycCompiler *c = fuzz_compiler(NULL);
  if (!c) return 0;
  pyc_compiler_load_buffer(c, "fuzz.py", (const char *)data, size);
  char *ll = pyc_compiler_dump(c, PYC_STAGE_LLVM);
  free(ll);
  if (fuzz_has_internal_error(c, true)) fuzz_bug(c, "pipeline");
  pyc_compiler_delete(c);
  return 0;
}
