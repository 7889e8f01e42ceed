// test_base.c - unit tests of the substrate: arena, Vec, Str, interning,
// source manager line/column lookup, diagnostics rendering and limits, types.
#include "../../ir/diag.h"
#include "../../ir/types.h"
#include "test_base.h"

#include <stdlib.h>

static void test_arena(void) {
  Arena a;
  arena_init(&a);
  char *p = arena_alloc(&a, 10);
  CHECK(((uintptr_t)p & 15) == 0);
  for (int i = 0; i < 10; i++) CHECK(p[i] == 0);
  // Big allocations get their own chunk.
  char *big = arena_alloc(&a, 1 << 20);
  big[(1 << 20) - 1] = 1;
  // Growing the newest block keeps its contents.
  int *v = arena_alloc(&a, sizeof(int) * 4);
  for (int i = 0; i < 4; i++) v[i] = i;
  int *w = arena_realloc(&a, v, sizeof(int) * 4, sizeof(int) * 1000);
  for (int i = 0; i < 4; i++) CHECK(w[i] == i);
  CHECK(w[999] == 0);
  CHECK_STR(arena_printf(&a, "%d-%s", 42, "x"), "42-x");
  arena_fini(&a);
}

typedef Vec(int) IntVec;

static void test_vec(void) {
  Arena a;
  arena_init(&a);
  IntVec v = {0};
  for (int i = 0; i < 1000; i++) vec_push(&a, &v, i * 2);
  CHECK(v.len == 1000);
  CHECK(vec_at(&v, 999) == 1998);
  CHECK(vec_last(&v) == 1998);
  arena_fini(&a);
}

static void test_str_intern(void) {
  Str s;
  str_init(&s);
  for (int i = 0; i < 1000; i++) str_printf(&s, "%d,", i);
  CHECK(s.len > 3000);
  CHECK(strncmp(s.data, "0,1,2,", 6) == 0);
  char *t = str_take(&s);
  CHECK(s.data == NULL);
  free(t);

  Arena a;
  arena_init(&a);
  Interner in;
  interner_init(&in, &a);
  const char *x = intern_cstr(&in, "hello");
  char buf[16] = "hello";
  CHECK(intern(&in, buf, 5) == x);
  CHECK(intern(&in, "hell", 4) != x);
  for (int i = 0; i < 5000; i++) {  // forces the table to grow
    char k[16];
    snprintf(k, sizeof k, "k%d", i);
    intern_cstr(&in, k);
  }
  CHECK(intern_cstr(&in, "hello") == x);
  CHECK(strcmp(intern_cstr(&in, "k4999"), "k4999") == 0);
  interner_fini(&in);
  arena_fini(&a);
}

static void test_diag(void) {
  Arena a;
  arena_init(&a);
  SrcManager sm;
  srcmgr_init(&sm, &a);
  const char *src = "def f():\n    return 1 + x\n\xc3\xa9 = 3\n";
  uint32_t id = srcmgr_add(&sm, "t.py", src, (uint32_t)strlen(src));
  uint32_t line, col;
  srcmgr_linecol(&sm, (SrcLoc){id, 24, 25}, &line, &col);
  CHECK(line == 2 && col == 16);
  // Columns count code points: the '=' after a two-byte letter is column 3.
  srcmgr_linecol(&sm, (SrcLoc){id, 29, 30}, &line, &col);
  CHECK(line == 3 && col == 3);

  DiagSink ds;
  diag_init(&ds, &sm, &a);
  Diag *d = diag_error(&ds, ((SrcLoc){id, 20, 25}), "unsupported operand types for +: '%s' and '%s'",
                       "int", "str");
  diag_note(&ds, d, (SrcLoc){id, 0, 3}, "declared here");
  Str out;
  str_init(&out);
  diag_render_all(&ds, &out);
  CHECK_STR(out.data,
            "t.py:2:12: error: unsupported operand types for +: 'int' and 'str'\n"
            " 2 |     return 1 + x\n"
            "   |            ^~~~~\n"
            "t.py:1:1: note: declared here\n"
            " 1 | def f():\n"
            "   | ^~~\n");
  str_fini(&out);
  CHECK(diag_has_errors(&ds));

  // The error limit bounds the output.
  for (int i = 0; i < 100; i++) diag_error(&ds, ((SrcLoc){id, 0, 1}), "e%d", i);
  CHECK(ds.truncated);
  uint32_t kept = 0;
  for (Diag *p = ds.first; p; p = p->next) kept++;
  CHECK(kept == DIAG_MAX_ERRORS);
  arena_fini(&a);
}

static void test_types(void) {
  Arena a;
  arena_init(&a);
  TypeTable tt;
  types_init(&tt, &a);
  const Type *arr = type_array(&tt, tt.t_f64, 2, true);
  CHECK(type_array(&tt, tt.t_f64, 2, true) == arr);
  CHECK(type_array(&tt, tt.t_f64, 2, false) != arr);
  Str s;
  str_init(&s);
  type_print(arr, &s);
  CHECK_STR(s.data, "array<f64,2,C>");
  const char *p = s.data;
  CHECK(type_parse(&tt, &p) == arr);
  str_fini(&s);
  CHECK_STR(type_py_name(&tt, arr), "float64[:, ::1]");
  const Type *els[2] = {tt.t_i64, arr};
  const Type *tup = type_tuple(&tt, els, 2);
  CHECK(type_tuple(&tt, els, 2) == tup);
  CHECK_STR(type_py_name(&tt, tup), "tuple[int64, float64[:, ::1]]");
  // numpy promotion
  CHECK(type_promote(&tt, tt.t_i32, tt.t_i64) == tt.t_i64);
  CHECK(type_promote(&tt, tt.t_i64, tt.t_u64) == tt.t_f64);
  CHECK(type_promote(&tt, tt.t_i8, tt.t_u8) == tt.t_i16);
  CHECK(type_promote(&tt, tt.t_i16, tt.t_f32) == tt.t_f32);
  CHECK(type_promote(&tt, tt.t_i32, tt.t_f32) == tt.t_f64);
  CHECK(type_promote(&tt, tt.t_bool, tt.t_u8) == tt.t_u8);
  const char *u16 = "u16>";
  CHECK(type_parse(&tt, &u16) == tt.t_u16 && *u16 == '>');
  arena_fini(&a);
}

int main(void) {
  test_arena();
  test_vec();
  test_str_intern();
  test_diag();
  test_types();
  return test_report("test_base");
}
