// test_driver.c - unit tests of the driver (tools/driver.h) on TIR input:
// stage names, loading (buffer, missing file), stage order and dumps
// (tir, tir-opt, a stage already gone past), failure propagation after a
// parse error, diagnostics, timing, and the JIT path end to end: lookup of
// a compiled function and calling it. Many compilations in one process, each
// released completely (run under valgrind/ASan to check).
#include "../../tools/driver.h"
#include "test_base.h"

#include <stdint.h>
#include <stdlib.h>

static const char good_tir[] = "module \"t.py\"\n"
                               "\n"
                               "func @f(%0 n: i64) -> i64 {\n"
                               "  %1 = const 2 : i64\n"
                               "  %2 = const 3 : i64\n"
                               "  %3 = add %1, %2 : i64\n"
                               "  %4 = mul %3, %0 : i64\n"
                               "  ret %4\n"
                               "}\n";

static PycCompiler *from_text(const char *name, const char *text) {
  PycCompiler *c = pyc_compiler_new(NULL);
  CHECK(c != NULL);
  CHECK(pyc_compiler_load_buffer(c, name, text, strlen(text)));
  return c;
}

static void test_stage_names(void) {
  PycStage s;
  for (int i = 0; i < PYC_STAGE_COUNT; i++) {
    CHECK(pyc_stage_lookup(pyc_stage_name((PycStage)i), &s));
    CHECK(s == (PycStage)i);
  }
  CHECK(pyc_stage_lookup("tir-opt", &s) && s == PYC_STAGE_TIR_OPT);
  CHECK(!pyc_stage_lookup("bogus", &s));
  PycOptions o;
  pyc_options_default(&o);
  CHECK(o.opt_level == 3 && !o.boundscheck && !o.fastmath && !o.passes);
}

static void test_missing_file(void) {
  PycCompiler *c = pyc_compiler_new(NULL);
  CHECK(!pyc_compiler_load_file(c, "/nonexistent/dir/x.py"));
  CHECK(pyc_compiler_failed(c));
  CHECK(diag_has_errors(pyc_compiler_diags(c)));
  CHECK(!pyc_compiler_check(c));
  pyc_compiler_delete(c);
  pyc_compiler_delete(NULL);
  // No source at all: stages fail with a diagnostic, nothing crashes.
  c = pyc_compiler_new(NULL);
  CHECK(!pyc_compiler_parse(c));
  CHECK(pyc_compiler_dump(c, PYC_STAGE_TIR) == NULL);
  pyc_compiler_delete(c);
}

static void test_tir_dumps(void) {
  PycCompiler *c = from_text("t.tir", good_tir);
  CHECK(pyc_compiler_is_tir(c));
  char *t = pyc_compiler_dump(c, PYC_STAGE_TIR);
  CHECK_STR(t, good_tir);
  free(t);
  CHECK(pyc_compiler_check(c));  // TIR: parse + verify
  char *opt = pyc_compiler_dump(c, PYC_STAGE_TIR_OPT);
  CHECK(opt != NULL && strstr(opt, "func @f(") != NULL);
  free(opt);
  // The passes ran: the unoptimized TIR is gone.
  CHECK(pyc_compiler_dump(c, PYC_STAGE_TIR) == NULL);
  CHECK(pyc_compiler_failed(c));
  pyc_compiler_delete(c);

  // AST stages need Python source.
  c = from_text("t.tir", good_tir);
  CHECK(pyc_compiler_dump(c, PYC_STAGE_AST) == NULL);
  pyc_compiler_delete(c);
}

static void test_tir_errors(void) {
  PycCompiler *c = from_text("bad.tir", "module \"x\"\nfunc @f( -> i64 {\n}\n");
  CHECK(!pyc_compiler_lower(c));
  CHECK(pyc_compiler_failed(c));
  DiagSink *ds = pyc_compiler_diags(c);
  CHECK(ds->nerrors >= 1);
  CHECK(ds->first && ds->first->loc.file == 0);
  // Every later stage fails without running.
  CHECK(!pyc_compiler_passes(c));
  CHECK(!pyc_compiler_codegen(c));
  CHECK(pyc_compiler_lookup(c, "pyk_f") == NULL);
  CHECK(pyc_compiler_run_main(c, 0, NULL) == -1);
  CHECK(pyc_compiler_phase_ms(c, PYC_PHASE_PARSE) >= 0.0);
  pyc_compiler_delete(c);
}

static void test_jit(void) {
  for (int opt = 0; opt <= 3; opt += 3) {
    PycOptions o;
    pyc_options_default(&o);
    o.opt_level = opt;
    PycCompiler *c = pyc_compiler_new(&o);
    CHECK(pyc_compiler_load_buffer(c, "t.tir", good_tir, strlen(good_tir)));
    void *addr = pyc_compiler_lookup(c, "pyk_f");
    CHECK(addr != NULL);
    if (addr) {
      int64_t (*f)(int64_t);
      memcpy(&f, &addr, sizeof f);
      CHECK(f(4) == 20);
      CHECK(f(-1) == -5);
    } else {
      pyc_compiler_print_diags(c, stderr);
    }
    // A missing symbol is a diagnostic, not a failed compilation.
    CHECK(pyc_compiler_lookup(c, "pyk_nope") == NULL);
    pyc_compiler_delete(c);
  }
}

int main(void) {
  test_stage_names();
  test_missing_file();
  test_tir_dumps();
  test_tir_errors();
  test_jit();
  return test_report("test_driver");
}
