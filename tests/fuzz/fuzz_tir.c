// fuzz_tir.c - libFuzzer target: arbitrary bytes as TIR text. ir_parse ->
// ir_verify; when both accept the module: print -> parse again -> print must
// give the same text (the round trip is exact), and the default pass pipeline
// with the verifier after every pass must keep it valid. A crash, a sanitizer
// report, a round-trip mismatch or a pass that breaks verified IR is a finding.
#include "fuzz_common.h"

// Parse + verify TIR text; the printed module (malloc'd) or NULL when rejected.
static char *parse_print(const char *text, size_t len, PycCompiler **out) {
  PycCompiler *c = fuzz_compiler(NULL);
  *out = c;
  if (!c) return NULL;
  pyc_compiler_load_buffer(c, "fuzz.tir", text, len);
  if (!pyc_compiler_check(c)) return NULL;  // .tir: parse + verify
  return pyc_compiler_dump(c, PYC_STAGE_TIR);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  PycCompiler *c1;
  char *p1 = parse_print((const char *)data, size, &c1);
  if (!c1) return 0;
  if (fuzz_has_internal_error(c1, false)) fuzz_bug(c1, "TIR parse/verify");
  if (p1) {
    PycCompiler *c2;
    char *p2 = parse_print(p1, strlen(p1), &c2);
    if (!p2) {
      fprintf(stderr, "printed TIR:\n%s\n", p1);
      fuzz_bug(c2, "the printed TIR of a verified module does not parse/verify");
    }
    if (strcmp(p1, p2) != 0) {
      fprintf(stderr, "first print:\n%s\nsecond print:\n%s\n", p1, p2);
      fuzz_bug(NULL, "TIR print -> parse -> print is not exact");
    }
    free(p2);
    pyc_compiler_delete(c2);
    // The passes (with the verifier after each) on the verified module.
    pyc_compiler_passes(c1);
    if (fuzz_has_internal_error(c1, true)) fuzz_bug(c1, "a pass broke verified TIR");
    free(p1);
  }
  pyc_compiler_delete(c1);
  return 0;
}
