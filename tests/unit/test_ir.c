// test_ir.c - unit tests of the TIR text form and verifier: a module built
// with the builder prints, parses back and prints byte-identically; malformed
// text gives a positioned diagnostic (never a crash); the verifier rejects
// use-before-definition, type mismatches, BREAK outside loops and terminators
// that are not last; IR_FN_MAYRAISE follows calls (through a 20,000-function
// chain too, with hashed callee lookups); constfold + dce fold a
// small function. Exit status 0 when every check passes.
#include "ir/ir.h"
#include "passes/passes.h"

#include "pyc/runtime.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int failures;

#define CHECK(c)                                                              \
  do {                                                                        \
    if (!(c)) {                                                               \
      fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #c);   \
      failures++;                                                             \
    }                                                                         \
  } while (0)

typedef struct Ctx {
  Arena arena;
  SrcManager sm;
  DiagSink diags;
  TypeTable types;
  Interner strs;
} Ctx;

static void ctx_init(Ctx *c) {
  arena_init(&c->arena);
  srcmgr_init(&c->sm, &c->arena);
  diag_init(&c->diags, &c->sm, &c->arena);
  types_init(&c->types, &c->arena);
  interner_init(&c->strs, &c->arena);
}

static void ctx_fini(Ctx *c) {
  interner_fini(&c->strs);
  arena_fini(&c->arena);
}

static char *print_module(const IrModule *m) {
  Str s;
  str_init(&s);
  ir_print_module(m, &s);
  return str_take(&s);
}

static IrModule *parse_text(Ctx *c, const char *text) {
  uint32_t id = srcmgr_add(&c->sm, "t.tir", text, (uint32_t)strlen(text));
  return ir_parse(&c->arena, &c->types, &c->strs, &c->diags, id, text, (uint32_t)strlen(text));
}

static char *diags_text(Ctx *c) {
  Str s;
  str_init(&s);
  diag_render_all(&c->diags, &s);
  if (!s.data) str_puts(&s, "");
  return str_take(&s);
}

static const SrcLoc noloc = {SRC_NONE, 0, 0};

// ---- a module with every kind of construct, built with the builder ----------

static IrModule *build_sample(Ctx *c) {
  TypeTable *tt = &c->types;
  IrModule *m = ir_module_new(&c->arena, tt, &c->strs, "tests/programs/sample.py");
  const char *fnames[] = {"u", "v"};
  const Type *ftypes[] = {tt->t_f64, tt->t_f64};
  const Type *cell = type_struct(tt, "Cell", fnames, ftypes, 2);
  vec_push(&c->arena, &m->structs, cell);

  const Type *arr = type_array(tt, tt->t_f64, 1, false);
  const Type *ptypes[] = {tt->t_f64, arr};
  const char *pnames[] = {"a", "x"};
  IrFunc *fn = ir_func_new(m, "scale", ptypes, pnames, 2, tt->t_void);
  fn->flags = IR_FN_KERNEL;
  fn->line = 4;
  const char *li = ir_local(m, fn, "i", tt->t_i64);
  IrBlock *b = fn->body;
  IrInst *dim = ir_emit(m, fn, b, IR_OP_DIM, tt->t_i64, (IrValue[]){1}, 1, noloc);
  dim->ival = 0;
  dim->line = 5;
  dim->col = 20;
  IrValue zero = ir_const_int(m, fn, b, tt->t_i64, 0, noloc);
  IrValue one = ir_const_int(m, fn, b, tt->t_i64, 1, noloc);
  IrInst *loop = ir_emit(m, fn, b, IR_OP_FOR, NULL, (IrValue[]){zero, one, dim->result}, 3, noloc);
  loop->args[1] = dim->result;
  loop->args[2] = one;
  loop->ival = IR_FOR_PARALLEL;
  IrBlock *body = loop->body[0];
  IrInst *set = ir_emit(m, fn, body, IR_OP_LSET, NULL, &loop->result, 1, noloc);
  set->sym = li;
  set->symlen = 1;
  IrInst *get = ir_emit(m, fn, body, IR_OP_LGET, tt->t_i64, NULL, 0, noloc);
  get->sym = li;
  get->symlen = 1;
  IrValue ld = ir_emit(m, fn, body, IR_OP_LOAD, tt->t_f64, (IrValue[]){1, get->result}, 2, noloc)
                   ->result;
  IrValue mul = ir_binary(m, fn, body, IR_OP_MUL, tt->t_f64, 0, ld, noloc);
  ir_emit(m, fn, body, IR_OP_STORE, NULL, (IrValue[]){1, get->result, mul}, 3, noloc);
  IrValue lim = ir_const_float(m, fn, body, tt->t_f64, 1e300, noloc);
  IrValue big = ir_binary(m, fn, body, IR_OP_CMP_GT, tt->t_bool, mul, lim, noloc);
  IrInst *iff = ir_emit(m, fn, body, IR_OP_IF, NULL, &big, 1, noloc);
  IrInst *s = ir_emit(m, fn, iff->body[0], IR_OP_FMT_STR, NULL, NULL, 0, noloc);
  s->sym = "big\n\"\x01\xff";
  s->symlen = 7;
  ir_emit(m, fn, iff->body[0], IR_OP_PRINT, NULL, NULL, 0, noloc);
  ir_emit(m, fn, iff->body[1], IR_OP_BREAK, NULL, NULL, 0, noloc);
  ir_emit(m, fn, b, IR_OP_RET, NULL, NULL, 0, noloc)->line = 4;

  // @helper(%0: f64) -> f64: may raise (truediv), called by @main.
  IrFunc *h = ir_func_new(m, "helper", (const Type *[]){tt->t_f64}, NULL, 1, tt->t_f64);
  IrValue third = ir_const_float(m, h, h->body, tt->t_f64, 1.0 / 3.0, noloc);
  IrValue q = ir_emit(m, h, h->body, IR_OP_TRUEDIV, tt->t_f64, (IrValue[]){0, third}, 2, noloc)
                  ->result;
  ir_emit(m, h, h->body, IR_OP_RET, NULL, &q, 1, noloc);

  IrFunc *mn = ir_func_new(m, "main", NULL, NULL, 0, tt->t_void);
  mn->flags = IR_FN_TASK | IR_FN_TOP_LEVEL;
  IrBlock *mb = mn->body;
  IrValue nan = ir_const_float(m, mn, mb, tt->t_f64, 0.0 / 0.0 * -1.0, noloc);
  IrValue inf = ir_const_float(m, mn, mb, tt->t_f64, -1.0 / 0.0, noloc);
  IrValue nz = ir_const_float(m, mn, mb, tt->t_f64, -0.0, noloc);
  IrValue u = ir_const_int(m, mn, mb, tt->t_u64, -1, noloc);
  IrValue t = ir_const_int(m, mn, mb, tt->t_bool, 1, noloc);
  (void)inf;
  (void)u;
  IrInst *call = ir_emit(m, mn, mb, IR_OP_CALL, tt->t_f64, &nz, 1, noloc);
  call->sym = intern_cstr(&c->strs, "helper");
  call->symlen = 6;
  IrValue cv = ir_emit(m, mn, mb, IR_OP_STRUCT_NEW, cell, (IrValue[]){nan, call->result}, 2, noloc)
                   ->result;
  IrInst *sg = ir_emit(m, mn, mb, IR_OP_STRUCT_GET, tt->t_f64, &cv, 1, noloc);
  sg->ival = 1;
  const Type *tup = type_tuple(tt, (const Type *[]){tt->t_f64, tt->t_bool}, 2);
  IrValue tv = ir_emit(m, mn, mb, IR_OP_TUPLE, tup, (IrValue[]){sg->result, t}, 2, noloc)->result;
  IrInst *tg = ir_emit(m, mn, mb, IR_OP_TUPLE_GET, tt->t_bool, &tv, 1, noloc);
  tg->ival = 1;
  IrInst *lp = ir_emit(m, mn, mb, IR_OP_LOOP, NULL, NULL, 0, noloc);
  IrInst *bi = ir_emit(m, mn, lp->body[0], IR_OP_BUILTIN, tt->t_f64, &sg->result, 1, noloc);
  bi->sym = "math.sqrt";
  bi->symlen = 9;
  IrInst *sp = ir_emit(m, mn, lp->body[0], IR_OP_FMT_SPEC, NULL, &bi->result, 1, noloc);
  sp->sym = ">10.3f";
  sp->symlen = 6;
  ir_emit(m, mn, lp->body[0], IR_OP_BREAK, NULL, NULL, 0, noloc);
  IrInst *r = ir_emit(m, mn, mb, IR_OP_RAISE, NULL, NULL, 0, noloc);
  r->ival = PYC_EXC_VALUE;
  r->sym = "bad value";
  r->symlen = 9;
  return m;
}

static void test_roundtrip(void) {
  Ctx c;
  ctx_init(&c);
  IrModule *m = build_sample(&c);
  CHECK(ir_verify(m, &c.diags));
  CHECK(!diag_has_errors(&c.diags));
  char *t1 = print_module(m);
  CHECK(strstr(t1, "for %5 = %3 to %2 step %4 [parallel] {") != NULL);
  CHECK(strstr(t1, "%2 = dim %1, 0 : i64 !5:20") != NULL);
  CHECK(strstr(t1, "fmt.str \"big\\n\\\"\\x01\\xff\"") != NULL);
  CHECK(strstr(t1, "raise ValueError \"bad value\"") != NULL);
  CHECK(strstr(t1, "= const nan : f64") != NULL);
  CHECK(strstr(t1, "= const -inf : f64") != NULL);
  CHECK(strstr(t1, "= const -0.0 : f64") != NULL);
  CHECK(strstr(t1, "= const 18446744073709551615 : u64") != NULL);
  CHECK(strstr(t1, "func @helper(%0: f64) -> f64 [mayraise] {") != NULL);
  CHECK(strstr(t1, "func @main() -> void [task, top_level, mayraise] {") != NULL);
  CHECK(strstr(t1, "func @scale(%0 a: f64, %1 x: array<f64,1>) -> void [kernel] !4 {") != NULL);
  IrModule *m2 = parse_text(&c, t1);
  CHECK(m2 != NULL);
  if (m2) {
    char *t2 = print_module(m2);
    CHECK(strcmp(t1, t2) == 0);
    if (strcmp(t1, t2) != 0) fprintf(stderr, "---- first\n%s---- second\n%s", t1, t2);
    CHECK(ir_verify(m2, &c.diags));
    free(t2);
  }
  char *d = diags_text(&c);
  if (*d) fprintf(stderr, "%s", d);
  free(d);
  free(t1);
  ctx_fini(&c);
}

// ---- parser errors -------------------------------------------------------------

static void expect_parse_error(const char *text, const char *want) {
  Ctx c;
  ctx_init(&c);
  IrModule *m = parse_text(&c, text);
  char *d = diags_text(&c);
  CHECK(m == NULL);
  CHECK(strstr(d, want) != NULL);
  if (!strstr(d, want)) fprintf(stderr, "wanted '%s' in:\n%s", want, d);
  free(d);
  ctx_fini(&c);
}

static void test_parse_errors(void) {
  expect_parse_error("func @f() -> void {\n  %1 = frob %0 : i64\n}\n", "t.tir:2:8: error: unknown op 'frob'");
  expect_parse_error("func @f() -> void {\n  ret\n", "expected '}' before the end of file");
  expect_parse_error("func @f(%1 x: i64) -> void {\n}\n", "parameter 0 must be %0");
  expect_parse_error("func @f() -> void {\n  %1 = const 1 : i64\n  %1 = const 2 : i64\n}\n",
                     "value %1 defined twice");
  expect_parse_error("func @f() -> void {\n  %1 = const 1 : i65\n}\n", "expected a type");
  expect_parse_error("func @f() -> void {\n  fmt.str \"a\\q\"\n}\n", "unknown escape");
  expect_parse_error("func @f() -> void {\n  fmt.str \"a\\x4\"\n}\n", "two hex digits");
  expect_parse_error("func @f() -> void {\n  raise Nonsense \"x\"\n}\n", "unknown exception 'Nonsense'");
  expect_parse_error("func @f() -> void {\n  %1 = call @g() : i64\n}\n", "call to undefined function @g");
  expect_parse_error("func @f() -> void {\n  lset $q, %0\n}\n", "undeclared local $q");
  expect_parse_error("func @f() -> void {\n  %99999999999 = const 1 : i64\n}\n", "value number too large");
  expect_parse_error("func @f() -> void {\n  %1 = const 99999999999999999999 : i64\n}\n", "too large");
  expect_parse_error("func @f() -> void {\n  %1 = const 1.5x : f64\n}\n", "malformed float constant");
  expect_parse_error("func @f() -> void {\n  %1 = const 1 : void\n}\n", "'void' is not a value type");
  expect_parse_error("func @f() -> void {\n  %1 = const 1 : struct@Nope\n}\n", "expected a type");
  expect_parse_error("func @f() -> void {\n  %1 = const 1 : tuple<tuple<tuple<tuple<tuple<tuple<tuple<tuple<"
                     "tuple<tuple<tuple<tuple<tuple<tuple<tuple<tuple<tuple<tuple<tuple<tuple<tuple<tuple<"
                     "tuple<tuple<tuple<tuple<tuple<tuple<tuple<tuple<tuple<tuple<tuple<tuple<i64>>>>>>>>>"
                     ">>>>>>>>>>>>>>>>>>>>>>>>>\n}\n",
                     "expected a type");
  expect_parse_error("func @f() -> void {\n  ret\n}\nfunc @f() -> void {\n  ret\n}\n", "function @f defined twice");
  expect_parse_error("junk", "expected 'struct' or 'func'");
  expect_parse_error("func @f() -> void {\n  ret %1 %2\n}\n", "expected end of line");
  // Deep nesting is bounded, not a stack overflow.
  Str deep;
  str_init(&deep);
  str_puts(&deep, "func @f() -> void {\n");
  for (int i = 0; i < 5000; i++) str_puts(&deep, "loop {\n");
  expect_parse_error(deep.data, "nested too deeply");
  str_fini(&deep);
  // Embedded NUL and stray bytes.
  Ctx c;
  ctx_init(&c);
  const char bad[] = "func @f() -> void {\n  fmt.str \"a\0b\"\n}\n";
  uint32_t id = srcmgr_add(&c.sm, "n.tir", bad, sizeof bad - 1);
  IrModule *m = ir_parse(&c.arena, &c.types, &c.strs, &c.diags, id, bad, sizeof bad - 1);
  CHECK(m != NULL);  // NUL is an ordinary byte inside a string
  if (m) {
    char *t = print_module(m);
    CHECK(strstr(t, "fmt.str \"a\\x00b\"") != NULL);
    free(t);
  }
  ctx_fini(&c);
}

// ---- verifier ---------------------------------------------------------------------

static void expect_verify_error(const char *text, const char *want) {
  Ctx c;
  ctx_init(&c);
  IrModule *m = parse_text(&c, text);
  CHECK(m != NULL);
  if (m) CHECK(!ir_verify(m, &c.diags));
  char *d = diags_text(&c);
  CHECK(strstr(d, want) != NULL);
  if (!strstr(d, want)) fprintf(stderr, "wanted '%s' in:\n%s", want, d);
  free(d);
  ctx_fini(&c);
}

static void test_verifier(void) {
  // Built with the builder: a use before its definition.
  Ctx c;
  ctx_init(&c);
  TypeTable *tt = &c.types;
  IrModule *m = ir_module_new(&c.arena, tt, &c.strs, "v.py");
  IrFunc *fn = ir_func_new(m, "f", NULL, NULL, 0, tt->t_i64);
  IrValue later = ir_value_new(m, fn, tt->t_i64);  // %0, defined below
  IrValue s = ir_binary(m, fn, fn->body, IR_OP_ADD, tt->t_i64, later, later, noloc);
  IrInst *def = ir_emit(m, fn, fn->body, IR_OP_CONST, tt->t_i64, NULL, 0, noloc);
  def->result = later;
  fn->value_types.len--;  // drop the value ir_emit made: `later` is its result
  ir_emit(m, fn, fn->body, IR_OP_RET, NULL, &s, 1, noloc);
  CHECK(!ir_verify(m, &c.diags));
  char *d = diags_text(&c);
  CHECK(strstr(d, "TIR verifier: @f: add: %0 used before definition") != NULL);
  free(d);
  ctx_fini(&c);

  expect_verify_error("func @f(%0 x: i64) -> void {\n  %1 = const 1.5 : f64\n  %2 = add %0, %1 : i64\n  ret\n}\n",
                      "TIR verifier: @f: add: operand types differ (i64 and f64)");
  expect_verify_error("func @f() -> void {\n  break\n}\n", "TIR verifier: @f: break: outside a loop");
  expect_verify_error("func @f() -> void {\n  ret !3:4\n  ret\n}\n",
                      "ret: terminator is not the last instruction of its block (at !3:4)");
  expect_verify_error("func @f(%0 x: i64) -> void {\n  if %0 {\n  } else {\n  }\n  ret\n}\n",
                      "if: condition must be bool");
  expect_verify_error("func @f(%0 c: bool) -> void {\n  if %0 {\n    %1 = const 1 : i64\n  } else {\n  }\n"
                      "  %2 = neg %1 : i64\n  ret\n}\n",
                      "%1 used outside the block that defines it");
  expect_verify_error("func @f(%0 x: array<f64,2>) -> void {\n  %1 = const 0 : i64\n  %2 = load %0[%1] : f64\n  ret\n}\n",
                      "load: 1 indices for a 2-d array");
  expect_verify_error("func @g(%0 x: i64) -> i64 {\n  ret %0\n}\nfunc @f() -> void {\n  %0 = const 1.0 : f64\n"
                      "  %1 = call @g(%0) : i64\n  ret\n}\n",
                      "argument 0 of @g is f64, the parameter is i64");
  expect_verify_error("func @f() -> i64 {\n  ret\n}\n", "ret: @f returns i64");
  expect_verify_error("func @f() -> void {\n  local $x: i64\n  %0 = const 1.0 : f64\n  lset $x, %0\n  ret\n}\n",
                      "lset: $x is i64, not f64");
  expect_verify_error("func @f() -> void {\n  %0 = const 0 : i64\n  for %1 = %0 to %0 step %0 {\n  }\n"
                      "  %2 = neg %1 : i64\n  ret\n}\n",
                      "%1 used outside the block that defines it");
  expect_verify_error("func @f() -> void {\n  %0 = const 300 : u8\n  ret\n}\n", "constant 300 out of range for u8");
}

static void test_mayraise(void) {
  Ctx c;
  ctx_init(&c);
  IrModule *m = parse_text(&c,
                           "func @a() -> void {\n  %0 = call @b() : i64\n  ret\n}\n"
                           "func @b() -> i64 {\n  %0 = call @c() : i64\n  ret %0\n}\n"
                           "func @c() -> i64 {\n  %0 = const 1 : i64\n  %1 = floordiv %0, %0 : i64\n  ret %1\n}\n"
                           "func @d() -> void [mayraise] {\n  ret\n}\n");
  CHECK(m && ir_verify(m, &c.diags));
  if (m) {
    CHECK(ir_module_find(m, "a")->flags & IR_FN_MAYRAISE);
    CHECK(ir_module_find(m, "b")->flags & IR_FN_MAYRAISE);
    CHECK(ir_module_find(m, "c")->flags & IR_FN_MAYRAISE);
    CHECK(!(ir_module_find(m, "d")->flags & IR_FN_MAYRAISE));  // recomputed, not trusted
  }
  ctx_fini(&c);
}

// 20,000 functions, each calling the next: the last raises, so all may.
// Callee lookups are hashed and IR_FN_MAYRAISE is propagated over the
// reversed call graph: the old fixed point took one sweep of the module per
// link of this chain with a linear lookup per call (hours at this size).
static void test_many_funcs(void) {
  enum { N = 20000 };
  Ctx c;
  ctx_init(&c);
  Str t;
  str_init(&t);
  for (int i = 0; i < N; i++) {
    str_printf(&t, "func @f%d() -> i64 {\n", i);
    if (i + 1 < N) str_printf(&t, "  %%0 = call @f%d() : i64\n  ret %%0\n}\n", i + 1);
    else str_puts(&t, "  %0 = const 1 : i64\n  %1 = floordiv %0, %0 : i64\n  ret %1\n}\n");
    str_printf(&t, "func @g%d() -> void {\n", i);  // a chain that never raises
    if (i + 1 < N) str_printf(&t, "  call @g%d()\n", i + 1);
    str_puts(&t, "  ret\n}\n");
  }
  IrModule *m = parse_text(&c, t.data);
  str_fini(&t);
  CHECK(m && ir_verify(m, &c.diags));
  if (m) {
    int raise = 0, quiet = 0, indexed = 0;
    for (int i = 0; i < N; i++) {
      char name[32];
      snprintf(name, sizeof name, "f%d", i);
      IrFunc *f = ir_module_find(m, name);
      raise += f && (f->flags & IR_FN_MAYRAISE);
      indexed += f && m->funcs.data[f->index] == f;
      snprintf(name, sizeof name, "g%d", i);
      IrFunc *g = ir_module_find(m, name);
      quiet += g && !(g->flags & IR_FN_MAYRAISE);
    }
    CHECK(raise == N && quiet == N && indexed == N);
    CHECK(m->by_name.count == m->funcs.len);
  }
  ctx_fini(&c);
  // Two functions of one name (built directly; the text parser refuses
  // them): the name finds the first, the verifier reports the second once.
  ctx_init(&c);
  IrModule *d = ir_module_new(&c.arena, &c.types, &c.strs, "t.py");
  IrFunc *first = ir_func_new(d, "x", NULL, NULL, 0, NULL);
  ir_emit(d, first, first->body, IR_OP_RET, NULL, NULL, 0, noloc);
  IrFunc *second = ir_func_new(d, "x", NULL, NULL, 0, NULL);
  ir_emit(d, second, second->body, IR_OP_RET, NULL, NULL, 0, noloc);
  CHECK(ir_module_find(d, "x") == first && second->index == 1);
  CHECK(!ir_verify(d, &c.diags) && c.diags.nerrors == 1);
  char *dt = diags_text(&c);
  CHECK(strstr(dt, "TIR verifier: @x: defined twice") != NULL);
  free(dt);
  ctx_fini(&c);
}

static void test_passes(void) {
  Ctx c;
  ctx_init(&c);
  IrModule *m = parse_text(&c,
                           "func @f(%0 x: i64) -> i64 {\n"
                           "  %1 = const -7 : i64\n  %2 = const 2 : i64\n"
                           "  %3 = floordiv %1, %2 : i64\n  %4 = mod %1, %2 : i64\n"
                           "  %5 = mul %3, %4 : i64\n  %6 = cmp.eq %5, %3 : bool\n"
                           "  if %6 {\n    %7 = add %0, %5 : i64\n    ret %7\n  } else {\n  }\n"
                           "  ret %0\n}\n");
  CHECK(m != NULL);
  if (m) {
    PassCtx cx = {m, &c.diags, true};
    CHECK(pass_run_default(&cx));
    char *t = print_module(m);
    const char *want = "func @f(%0 x: i64) -> i64 {\n  %5 = const -4 : i64\n  %7 = add %0, %5 : i64\n"
                       "  ret %7\n}\n";
    CHECK(strstr(t, want) != NULL);
    if (!strstr(t, want)) fprintf(stderr, "%s", t);
    free(t);
    CHECK(!pass_run_list(&cx, "constfold,nonsense"));
  }
  ctx_fini(&c);
}

int main(void) {
  test_roundtrip();
  test_parse_errors();
  test_verifier();
  test_mayraise();
  test_many_funcs();
  test_passes();
  if (failures) fprintf(stderr, "test_ir: %d checks failed\n", failures);
  else printf("test_ir: all checks passed\n");
  return failures != 0;
}
