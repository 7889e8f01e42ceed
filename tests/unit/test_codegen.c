// test_codegen.c - codegen/llvm end to end without the frontend: TIR modules
// built with ir/build.c are compiled (emit, O3), JIT-compiled and called
// through the C ABI of codegen.h (saxpy, recursion, Python floor division
// and modulo, raise and error propagation, bounds checks, math builtins,
// arrays with refcounts, tuple returns via sret, the fast-math reduction);
// then an object file is linked into an executable whose output and exit
// status are checked. Prints the JIT/O3 timings it measured.
#define _POSIX_C_SOURCE 200809L
#include <libgen.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "../../codegen/codegen.h"
#include "pyc/runtime.h"
#include "test_base.h"

typedef struct Arr1 {
  void *meminfo;
  void *data;
  int64_t shape[1];
  int64_t strides[1];
} Arr1;

typedef struct Ctx {
  Arena arena;
  TypeTable tt;
  Interner strs;
  IrModule *m;
  const Type *arr1;  // array<f64,1,C>
} Ctx;

static const SrcLoc NOLOC = {SRC_NONE, 0, 0};

// Process CPU time: the timings stay meaningful on a loaded shared machine.
static double now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static void ctx_init(Ctx *c, const char *source) {
  arena_init(&c->arena);
  types_init(&c->tt, &c->arena);
  interner_init(&c->strs, &c->arena);
  c->m = ir_module_new(&c->arena, &c->tt, &c->strs, source);
  c->arr1 = type_array(&c->tt, c->tt.t_f64, 1, true);
}

static void ctx_fini(Ctx *c) {
  interner_fini(&c->strs);
  arena_fini(&c->arena);
}

static IrInst *emit(Ctx *c, IrFunc *fn, IrBlock *b, IrOp op, const Type *t, const IrValue *a,
                    uint32_t n) {
  return ir_emit(c->m, fn, b, op, t, a, n, NOLOC);
}
static IrValue ci(Ctx *c, IrFunc *fn, IrBlock *b, int64_t v) {
  return ir_const_int(c->m, fn, b, c->tt.t_i64, v, NOLOC);
}
static IrValue cf(Ctx *c, IrFunc *fn, IrBlock *b, double v) {
  return ir_const_float(c->m, fn, b, c->tt.t_f64, v, NOLOC);
}
static IrValue bin(Ctx *c, IrFunc *fn, IrBlock *b, IrOp op, const Type *t, IrValue x, IrValue y) {
  return ir_binary(c->m, fn, b, op, t, x, y, NOLOC);
}
static void ret(Ctx *c, IrFunc *fn, IrBlock *b, IrValue v) {
  emit(c, fn, b, IR_OP_RET, NULL, &v, v == IR_NOVALUE ? 0 : 1);
}
static IrValue lget(Ctx *c, IrFunc *fn, IrBlock *b, const char *name, const Type *t) {
  IrInst *in = emit(c, fn, b, IR_OP_LGET, t, NULL, 0);
  in->sym = ir_local(c->m, fn, name, t);
  return in->result;
}
static void lset(Ctx *c, IrFunc *fn, IrBlock *b, const char *name, const Type *t, IrValue v) {
  IrInst *in = emit(c, fn, b, IR_OP_LSET, NULL, &v, 1);
  in->sym = ir_local(c->m, fn, name, t);
}
static IrValue call(Ctx *c, IrFunc *fn, IrBlock *b, const char *callee, const Type *t,
                    const IrValue *a, uint32_t n) {
  IrInst *in = emit(c, fn, b, IR_OP_CALL, t, a, n);
  in->sym = intern_cstr(&c->strs, callee);
  return in->result;
}
static IrValue builtin(Ctx *c, IrFunc *fn, IrBlock *b, const char *name, const Type *t,
                       const IrValue *a, uint32_t n, uint32_t line) {
  IrInst *in = emit(c, fn, b, IR_OP_BUILTIN, t, a, n);
  in->sym = intern_cstr(&c->strs, name);
  in->symlen = (uint32_t)strlen(name);
  in->line = line;
  return in->result;
}
static IrFunc *func(Ctx *c, const char *name, const Type **ps, uint32_t n, const Type *rt) {
  return ir_func_new(c->m, name, ps, NULL, n, rt);
}
static IrValue dim0(Ctx *c, IrFunc *fn, IrBlock *b, IrValue arr) {
  IrInst *in = emit(c, fn, b, IR_OP_DIM, c->tt.t_i64, &arr, 1);
  in->ival = 0;
  return in->result;
}
// for i in range(0, n): returns the FOR instruction (body in body[0])
static IrInst *for_range(Ctx *c, IrFunc *fn, IrBlock *b, IrValue n) {
  IrValue a[3] = {ci(c, fn, b, 0), n, ci(c, fn, b, 1)};
  return emit(c, fn, b, IR_OP_FOR, NULL, a, 3);
}

// ---- the kernels -------------------------------------------------------------------

static void build_saxpy(Ctx *c) {
  const Type *ps[3] = {c->tt.t_f64, c->arr1, c->arr1};
  IrFunc *fn = func(c, "saxpy", ps, 3, c->tt.t_void);
  IrBlock *b = fn->body;
  IrInst *lp = for_range(c, fn, b, dim0(c, fn, b, 1));
  IrBlock *body = lp->body[0];
  IrValue i = lp->result;
  IrValue xi_a[2] = {1, i}, yi_a[2] = {2, i};
  IrValue xi = emit(c, fn, body, IR_OP_LOAD, c->tt.t_f64, xi_a, 2)->result;
  IrValue yi = emit(c, fn, body, IR_OP_LOAD, c->tt.t_f64, yi_a, 2)->result;
  IrValue ax = bin(c, fn, body, IR_OP_MUL, c->tt.t_f64, 0, xi);
  IrValue s = bin(c, fn, body, IR_OP_ADD, c->tt.t_f64, ax, yi);
  IrValue st[3] = {2, i, s};
  emit(c, fn, body, IR_OP_STORE, NULL, st, 3);
  ret(c, fn, b, IR_NOVALUE);
}

static void build_fib(Ctx *c) {
  const Type *i64 = c->tt.t_i64;
  IrFunc *fn = func(c, "fib", &i64, 1, i64);
  IrBlock *b = fn->body;
  IrValue lt = bin(c, fn, b, IR_OP_CMP_LT, c->tt.t_bool, 0, ci(c, fn, b, 2));
  IrInst *iff = emit(c, fn, b, IR_OP_IF, NULL, &lt, 1);
  ret(c, fn, iff->body[0], 0);
  IrValue a = bin(c, fn, b, IR_OP_SUB, i64, 0, ci(c, fn, b, 1));
  IrValue fa = call(c, fn, b, "fib", i64, &a, 1);
  IrValue bb = bin(c, fn, b, IR_OP_SUB, i64, 0, ci(c, fn, b, 2));
  IrValue fb = call(c, fn, b, "fib", i64, &bb, 1);
  ret(c, fn, b, bin(c, fn, b, IR_OP_ADD, i64, fa, fb));
}

static void build_binop(Ctx *c, const char *name, IrOp op, const Type *t, uint32_t line) {
  const Type *ps[2] = {t, t};
  IrFunc *fn = func(c, name, ps, 2, t);
  IrInst *in = emit(c, fn, fn->body, op, t, (IrValue[]){0, 1}, 2);
  in->line = line;
  ret(c, fn, fn->body, in->result);
}

static void build_raise(Ctx *c) {
  const Type *i64 = c->tt.t_i64;
  IrFunc *fn = func(c, "checked", &i64, 1, i64);
  IrBlock *b = fn->body;
  IrValue lt = bin(c, fn, b, IR_OP_CMP_LT, c->tt.t_bool, 0, ci(c, fn, b, 0));
  IrInst *iff = emit(c, fn, b, IR_OP_IF, NULL, &lt, 1);
  IrInst *r = emit(c, fn, iff->body[0], IR_OP_RAISE, NULL, NULL, 0);
  r->ival = PYC_EXC_VALUE;
  r->sym = "negative input";
  r->symlen = 14;
  r->line = 12;
  ret(c, fn, b, bin(c, fn, b, IR_OP_MUL, i64, 0, ci(c, fn, b, 2)));
  IrFunc *g = func(c, "caller", &i64, 1, i64);
  IrValue v = call(c, g, g->body, "checked", i64, (IrValue[]){0}, 1);
  ret(c, g, g->body, bin(c, g, g->body, IR_OP_ADD, i64, v, ci(c, g, g->body, 1)));
}

static void build_getx(Ctx *c) {
  const Type *ps[2] = {c->arr1, c->tt.t_i64};
  IrFunc *fn = func(c, "getx", ps, 2, c->tt.t_f64);
  IrBlock *b = fn->body;
  IrValue chk[2] = {1, dim0(c, fn, b, 0)};
  IrInst *bc = emit(c, fn, b, IR_OP_BOUNDSCHECK, NULL, chk, 2);
  bc->line = 21;
  ret(c, fn, b, emit(c, fn, b, IR_OP_LOAD, c->tt.t_f64, (IrValue[]){0, 1}, 2)->result);
}

static void build_math(Ctx *c) {
  const Type *f64 = c->tt.t_f64;
  IrFunc *fn = func(c, "msqrt", &f64, 1, f64);
  ret(c, fn, fn->body, builtin(c, fn, fn->body, "math.sqrt", f64, (IrValue[]){0}, 1, 31));
  fn = func(c, "mfloor", &f64, 1, c->tt.t_i64);
  ret(c, fn, fn->body, builtin(c, fn, fn->body, "math.floor", c->tt.t_i64, (IrValue[]){0}, 1, 32));
  fn = func(c, "mlog", &f64, 1, f64);
  ret(c, fn, fn->body, builtin(c, fn, fn->body, "math.log", f64, (IrValue[]){0}, 1, 33));
  fn = func(c, "wtime", NULL, 0, f64);
  ret(c, fn, fn->body, builtin(c, fn, fn->body, "wtime", f64, NULL, 0, 35));
  fn = func(c, "mround", &f64, 1, c->tt.t_i64);
  ret(c, fn, fn->body, builtin(c, fn, fn->body, "round", c->tt.t_i64, (IrValue[]){0}, 1, 34));
}

static void build_sum(Ctx *c, const char *name, bool fast) {
  IrFunc *fn = func(c, name, &c->arr1, 1, c->tt.t_f64);
  if (fast) fn->flags |= IR_FN_FASTMATH;
  IrBlock *b = fn->body;
  lset(c, fn, b, "s", c->tt.t_f64, cf(c, fn, b, 0.0));
  IrInst *lp = for_range(c, fn, b, dim0(c, fn, b, 0));
  IrBlock *body = lp->body[0];
  IrValue v = emit(c, fn, body, IR_OP_LOAD, c->tt.t_f64, (IrValue[]){0, lp->result}, 2)->result;
  IrValue s = lget(c, fn, body, "s", c->tt.t_f64);
  lset(c, fn, body, "s", c->tt.t_f64, bin(c, fn, body, IR_OP_ADD, c->tt.t_f64, s, v));
  ret(c, fn, b, lget(c, fn, b, "s", c->tt.t_f64));
}

static void build_arange(Ctx *c) {
  const Type *i64 = c->tt.t_i64;
  IrFunc *fn = func(c, "arange", &i64, 1, c->arr1);
  IrBlock *b = fn->body;
  IrValue arr = emit(c, fn, b, IR_OP_ARRAY_NEW, c->arr1, (IrValue[]){0}, 1)->result;
  lset(c, fn, b, "a", c->arr1, arr);
  emit(c, fn, b, IR_OP_DECREF, NULL, &arr, 1);
  IrInst *lp = for_range(c, fn, b, 0);
  IrBlock *body = lp->body[0];
  IrValue a = lget(c, fn, body, "a", c->arr1);
  IrValue x = emit(c, fn, body, IR_OP_CAST, c->tt.t_f64, &lp->result, 1)->result;
  emit(c, fn, body, IR_OP_STORE, NULL, (IrValue[]){a, lp->result, x}, 3);
  ret(c, fn, b, lget(c, fn, b, "a", c->arr1));
}

static void build_tuple(Ctx *c) {
  const Type *i64 = c->tt.t_i64;
  const Type *tt[2] = {i64, i64};
  const Type *tup = type_tuple(&c->tt, tt, 2);
  IrFunc *fn = func(c, "tdivmod", tt, 2, tup);
  IrBlock *b = fn->body;
  IrValue q = bin(c, fn, b, IR_OP_FLOORDIV, i64, 0, 1), r = bin(c, fn, b, IR_OP_MOD, i64, 0, 1);
  ret(c, fn, b, emit(c, fn, b, IR_OP_TUPLE, tup, (IrValue[]){q, r}, 2)->result);
}

// struct Cell {u: f64, on: bool}; flip(c) = Cell(c.u * 2, not c.on) via struct.set;
// pack(n) = (arange(n), n): a tuple holding an array, returned through sret.
static void build_aggregates(Ctx *c) {
  const char *names[2] = {intern_cstr(&c->strs, "u"), intern_cstr(&c->strs, "on")};
  const Type *ft[2] = {c->tt.t_f64, c->tt.t_bool};
  const Type *cell = type_struct(&c->tt, intern_cstr(&c->strs, "Cell"), names, ft, 2);
  vec_push(c->m->arena, &c->m->structs, cell);
  IrFunc *fn = func(c, "flip", &cell, 1, cell);
  IrBlock *b = fn->body;
  IrInst *gu = emit(c, fn, b, IR_OP_STRUCT_GET, c->tt.t_f64, (IrValue[]){0}, 1);
  gu->ival = 0;
  IrInst *go = emit(c, fn, b, IR_OP_STRUCT_GET, c->tt.t_bool, (IrValue[]){0}, 1);
  go->ival = 1;
  IrValue u2 = bin(c, fn, b, IR_OP_MUL, c->tt.t_f64, gu->result, cf(c, fn, b, 2.0));
  IrValue no = ir_unary(c->m, fn, b, IR_OP_NOT, c->tt.t_bool, go->result, NOLOC);
  IrInst *s1 = emit(c, fn, b, IR_OP_STRUCT_SET, cell, (IrValue[]){0, u2}, 2);
  s1->ival = 0;
  IrInst *s2 = emit(c, fn, b, IR_OP_STRUCT_SET, cell, (IrValue[]){s1->result, no}, 2);
  s2->ival = 1;
  ret(c, fn, b, s2->result);

  const Type *tt[2] = {c->arr1, c->tt.t_i64};
  const Type *tup = type_tuple(&c->tt, tt, 2);
  const Type *i64 = c->tt.t_i64;
  fn = func(c, "pack", &i64, 1, tup);
  b = fn->body;
  IrValue a = call(c, fn, b, "arange", c->arr1, (IrValue[]){0}, 1);
  lset(c, fn, b, ".t", c->arr1, a);
  emit(c, fn, b, IR_OP_DECREF, NULL, &a, 1);
  IrValue av = lget(c, fn, b, ".t", c->arr1);
  ret(c, fn, b, emit(c, fn, b, IR_OP_TUPLE, tup, (IrValue[]){av, 0}, 2)->result);
}

// Mixed int/float comparisons (exact, as Python): ilt(a, x) = a < x,
// ieq(a, x) = a == x, fge(x, a) = x >= a.
static void build_mixed_cmp(Ctx *c) {
  const Type *ps[2] = {c->tt.t_i64, c->tt.t_f64};
  IrFunc *fn = func(c, "ilt", ps, 2, c->tt.t_bool);
  ret(c, fn, fn->body, bin(c, fn, fn->body, IR_OP_CMP_LT, c->tt.t_bool, 0, 1));
  fn = func(c, "ieq", ps, 2, c->tt.t_bool);
  ret(c, fn, fn->body, bin(c, fn, fn->body, IR_OP_CMP_EQ, c->tt.t_bool, 0, 1));
  const Type *qs[2] = {c->tt.t_f64, c->tt.t_i64};
  fn = func(c, "fge", qs, 2, c->tt.t_bool);
  ret(c, fn, fn->body, bin(c, fn, fn->body, IR_OP_CMP_GE, c->tt.t_bool, 0, 1));
}

// ---- JIT tests ---------------------------------------------------------------------

typedef void (*AnyFn)(void);
static AnyFn sym(CgJit *j, const char *name) {
  char *err = NULL;
  void *p = cg_jit_lookup(j, name, &err);
  if (!p) fprintf(stderr, "lookup %s: %s\n", name, err ? err : "?");
  free(err);
  CHECK(p != NULL);
  return (AnyFn)(uintptr_t)p;
}

static Arr1 arr1_of(double *d, int64_t n) {
  Arr1 a = {NULL, d, {n}, {1}};
  return a;
}

static void test_jit(void) {
  Ctx c;
  ctx_init(&c, "kernels.py");
  build_saxpy(&c);
  build_fib(&c);
  build_binop(&c, "ifloordiv", IR_OP_FLOORDIV, c.tt.t_i64, 3);
  build_binop(&c, "imod", IR_OP_MOD, c.tt.t_i64, 4);
  build_binop(&c, "ffloordiv", IR_OP_FLOORDIV, c.tt.t_f64, 5);
  build_binop(&c, "fmod_", IR_OP_MOD, c.tt.t_f64, 6);
  build_binop(&c, "fdiv", IR_OP_TRUEDIV, c.tt.t_f64, 7);
  build_binop(&c, "ipow", IR_OP_POW, c.tt.t_i64, 8);
  build_raise(&c);
  build_getx(&c);
  build_math(&c);
  build_arange(&c);
  build_tuple(&c);
  build_aggregates(&c);
  build_mixed_cmp(&c);
  CgOptions o = {.opt_level = 3, .fastmath = false};
  char *err = NULL;
  if (getenv("PYC_CG_TIR")) {  // the module as TIR text (for writing lit tests)
    Str t;
    str_init(&t);
    ir_print_module(c.m, &t);
    printf("%s\n", t.data);
    str_fini(&t);
  }
  double t0 = now_ms();
  CgModule *cm = cg_llvm_emit(c.m, &o, &err);
  if (!cm) fprintf(stderr, "emit: %s\n", err);
  CHECK(cm != NULL);
  if (!cm) return;
  double t1 = now_ms();
  CHECK(cg_llvm_optimize(cm, &err));
  double t2 = now_ms();
  CgJit *j = cg_jit_new(&err);
  CHECK(j != NULL);
  CHECK(cg_jit_add(j, cm, &err));
  void (*saxpy)(double, Arr1 *, Arr1 *) = (void (*)(double, Arr1 *, Arr1 *))sym(j, "pyk_saxpy");
  double t3 = now_ms();
  printf("timing (CPU): %u functions: emit %.2f ms, O3 %.2f ms, JIT codegen+lookup %.2f ms\n",
         c.m->funcs.len, t1 - t0, t2 - t1, t3 - t2);

  double x[37], y[37];
  for (int i = 0; i < 37; i++) x[i] = i, y[i] = 0.5 * i;
  Arr1 ax = arr1_of(x, 37), ay = arr1_of(y, 37);
  saxpy(2.0, &ax, &ay);
  int ok = 1;
  for (int i = 0; i < 37; i++) ok &= y[i] == 2.0 * i + 0.5 * i;
  CHECK(ok);

  int64_t (*fib)(int64_t) = (int64_t (*)(int64_t))sym(j, "pyk_fib");
  CHECK(fib(20) == 6765);

  int64_t (*fd)(int64_t, int64_t) = (int64_t (*)(int64_t, int64_t))sym(j, "pyk_ifloordiv");
  int64_t (*md)(int64_t, int64_t) = (int64_t (*)(int64_t, int64_t))sym(j, "pyk_imod");
  CHECK(fd(-7, 2) == -4 && md(-7, 2) == 1);
  CHECK(fd(7, -2) == -4 && md(7, -2) == -1);
  CHECK(fd(-7, -2) == 3 && md(-7, -2) == -1);
  CHECK(fd(6, 3) == 2 && md(-6, 3) == 0);
  CHECK(fd(INT64_MIN, -1) == INT64_MIN && md(INT64_MIN, -1) == 0);
  CHECK(pyc_err_occurred() == 0);
  fd(1, 0);
  CHECK(pyc_err_occurred() == PYC_EXC_ZERO_DIVISION);
  CHECK_STR(pyc_err_message(), "integer division or modulo by zero");
  CHECK(pyc_err_line() == 3);
  CHECK_STR(pyc_err_file(), "kernels.py");
  pyc_err_clear();
  md(1, 0);
  CHECK_STR(pyc_err_message(), "integer modulo by zero");
  pyc_err_clear();

  double (*ffd)(double, double) = (double (*)(double, double))sym(j, "pyk_ffloordiv");
  double (*fmd)(double, double) = (double (*)(double, double))sym(j, "pyk_fmod_");
  double (*fdv)(double, double) = (double (*)(double, double))sym(j, "pyk_fdiv");
  CHECK(ffd(-7.0, 2.0) == -4.0 && fmd(-7.0, 2.0) == 1.0);
  CHECK(ffd(7.0, -2.0) == -4.0 && fmd(7.0, -2.0) == -1.0);
  CHECK(ffd(7.5, 2.0) == 3.0 && fmd(7.5, 2.0) == 1.5);
  CHECK(signbit(ffd(-0.0, 1.0)) && signbit(fmd(0.0, -1.0)) && !signbit(fmd(-0.0, 1.0)));
  CHECK(signbit(ffd(0.5, -1.0)) && ffd(0.5, -1.0) == -1.0);
  CHECK(isnan(fmd(INFINITY, 2.0)));
  CHECK(pyc_err_occurred() == 0);
  fmd(1.0, 0.0);
  CHECK_STR(pyc_err_message(), "float modulo");
  pyc_err_clear();
  ffd(1.0, 0.0);
  CHECK_STR(pyc_err_message(), "float floor division by zero");
  pyc_err_clear();
  CHECK(fdv(1.0, 4.0) == 0.25);
  fdv(1.0, -0.0);
  CHECK_STR(pyc_err_message(), "float division by zero");
  CHECK(pyc_err_line() == 7);
  pyc_err_clear();

  int64_t (*ipw)(int64_t, int64_t) = (int64_t (*)(int64_t, int64_t))sym(j, "pyk_ipow");
  CHECK(ipw(3, 4) == 81 && pyc_err_occurred() == 0);

  int64_t (*caller)(int64_t) = (int64_t (*)(int64_t))sym(j, "pyk_caller");
  CHECK(caller(5) == 11 && pyc_err_occurred() == 0);
  caller(-1);
  CHECK(pyc_err_occurred() == PYC_EXC_VALUE);
  CHECK_STR(pyc_err_message(), "negative input");
  CHECK(pyc_err_line() == 12);
  pyc_err_clear();

  double (*getx)(Arr1 *, int64_t) = (double (*)(Arr1 *, int64_t))sym(j, "pyk_getx");
  double ten[10] = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
  Arr1 a10 = arr1_of(ten, 10);
  CHECK(getx(&a10, 9) == 9.0 && pyc_err_occurred() == 0);
  getx(&a10, 10);
  CHECK_STR(pyc_err_message(), "index 10 is out of bounds for axis 0 with size 10");
  CHECK(pyc_err_line() == 21);
  pyc_err_clear();
  getx(&a10, -1);  // the normalized form of a[-11]
  CHECK_STR(pyc_err_message(), "index -11 is out of bounds for axis 0 with size 10");
  pyc_err_clear();

  double (*msqrt)(double) = (double (*)(double))sym(j, "pyk_msqrt");
  int64_t (*mfloor)(double) = (int64_t (*)(double))sym(j, "pyk_mfloor");
  double (*mlog)(double) = (double (*)(double))sym(j, "pyk_mlog");
  int64_t (*mround)(double) = (int64_t (*)(double))sym(j, "pyk_mround");
  CHECK(msqrt(2.25) == 1.5 && mfloor(-2.5) == -3 && mround(2.5) == 2 && mround(3.5) == 4);
  CHECK(mlog(1.0) == 0.0 && pyc_err_occurred() == 0);
  double (*wtime)(void) = (double (*)(void))sym(j, "pyk_wtime");
  double w0 = wtime(), w1 = wtime();
  CHECK(w0 > 0.0 && w1 >= w0 && w1 - w0 < 1.0);
  msqrt(-1.0);
  CHECK_STR(pyc_err_message(), "math domain error");
  CHECK(pyc_err_line() == 31);
  pyc_err_clear();
  mfloor(NAN);
  CHECK(pyc_err_occurred() == PYC_EXC_VALUE);
  CHECK(pyc_err_line() == 32);
  pyc_err_clear();
  mlog(0.0);
  CHECK_STR(pyc_err_message(), "math domain error");
  CHECK(pyc_err_line() == 33);
  pyc_err_clear();

  void (*arange)(Arr1 *, int64_t) = (void (*)(Arr1 *, int64_t))sym(j, "pyk_arange");
  int64_t live = pyc_array_live_count();
  Arr1 r;
  arange(&r, 5);
  CHECK(r.meminfo && r.shape[0] == 5 && r.strides[0] == 1);
  CHECK(pyc_array_refcount(r.meminfo) == 1);
  CHECK(((double *)r.data)[4] == 4.0);
  pyc_array_decref(r.meminfo);
  CHECK(pyc_array_live_count() == live);
  arange(&r, -1);
  CHECK(pyc_err_occurred() == PYC_EXC_VALUE);
  pyc_err_clear();
  CHECK(pyc_array_live_count() == live);

  struct { int64_t q, r; } qr;
  void (*tdm)(void *, int64_t, int64_t) = (void (*)(void *, int64_t, int64_t))sym(j, "pyk_tdivmod");
  tdm(&qr, -7, 2);
  CHECK(qr.q == -4 && qr.r == 1);

  struct { double u; uint8_t on; } cell = {1.5, 1}, cell2;
  void (*flip)(void *, void *) = (void (*)(void *, void *))sym(j, "pyk_flip");
  flip(&cell2, &cell);
  CHECK(cell2.u == 3.0 && cell2.on == 0);
  struct { Arr1 a; int64_t n; } pk;
  void (*pack)(void *, int64_t) = (void (*)(void *, int64_t))sym(j, "pyk_pack");
  pack(&pk, 3);
  CHECK(pk.n == 3 && pk.a.shape[0] == 3 && ((double *)pk.a.data)[2] == 2.0);
  CHECK(pyc_array_refcount(pk.a.meminfo) == 1);
  pyc_array_decref(pk.a.meminfo);
  CHECK(pyc_array_live_count() == live);

  bool (*ilt)(int64_t, double) = (bool (*)(int64_t, double))sym(j, "pyk_ilt");
  bool (*ieq)(int64_t, double) = (bool (*)(int64_t, double))sym(j, "pyk_ieq");
  bool (*fge)(double, int64_t) = (bool (*)(double, int64_t))sym(j, "pyk_fge");
  int64_t p53 = (int64_t)1 << 53;
  CHECK(!ieq(p53 + 1, 0x1p53) && ieq(p53, 0x1p53) && !ilt(p53 + 1, 0x1p53));
  CHECK(ilt(p53, 0x1p53 + 2) && ilt(2, 2.5) && !ilt(3, 2.5) && ilt(-3, -2.5) && !ilt(-2, -2.5));
  CHECK(ilt(INT64_MAX, 0x1p63) && !ilt(INT64_MIN, -0x1p63) && ieq(INT64_MIN, -0x1p63));
  CHECK(!ilt(0, NAN) && !ieq(0, NAN) && !fge(NAN, 0) && ilt(5, INFINITY) && !ilt(5, -INFINITY));
  CHECK(fge(2.5, 2) && !fge(2.5, 3) && fge(0x1p53, p53) && !fge(0x1p53, p53 + 1));

  cg_jit_dispose(j);
  ctx_fini(&c);
}

// JIT time of one small kernel in a fresh JIT (the `pyc-task run` path).
static void test_jit_timing(void) {
  Ctx c;
  ctx_init(&c, "t.py");
  build_saxpy(&c);
  CgOptions o = {.opt_level = 3, .fastmath = false};
  char *err = NULL;
  double t0 = now_ms();
  CgModule *cm = cg_llvm_emit(c.m, &o, &err);
  double t1 = now_ms();
  CHECK(cm && cg_llvm_optimize(cm, &err));
  double t2 = now_ms();
  // saxpy vectorizes (AVX2/AVX-512 host): packed multiply and add, no FMA contraction.
  char *ir = cg_llvm_ir_text(cm), *as = cg_llvm_asm_text(cm, &err);
  CHECK(strstr(ir, "fmul <") && strstr(ir, "fadd <") && !strstr(ir, "fmuladd"));
  CHECK(as && strstr(as, "vmulpd") && !strstr(as, "vfmadd"));
  if (getenv("PYC_CG_DUMP")) printf("%s\n%s\n", ir, as);
  free(ir);
  free(as);
  t2 = now_ms();
  CgJit *j = cg_jit_new(&err);
  CHECK(j && cg_jit_add(j, cm, &err));
  CHECK(sym(j, "pyk_saxpy") != NULL);
  double t3 = now_ms();
  printf("timing (CPU): saxpy alone: emit %.2f ms, O3 %.2f ms, LLJIT new+add+lookup %.2f ms, "
         "total %.2f ms\n",
         t1 - t0, t2 - t1, t3 - t2, t3 - t0);
  cg_jit_dispose(j);
  ctx_fini(&c);
}

static char *optimized_ir(bool fastmath_fn, bool fastmath_opt, double *result) {
  Ctx c;
  ctx_init(&c, "sum.py");
  build_sum(&c, "fsum", fastmath_fn);
  CgOptions o = {.opt_level = 3, .fastmath = fastmath_opt};
  char *err = NULL;
  CgModule *cm = cg_llvm_emit(c.m, &o, &err);
  CHECK(cm && cg_llvm_optimize(cm, &err));
  if (!cm) return NULL;
  char *ir = cg_llvm_ir_text(cm);
  char *as = cg_llvm_asm_text(cm, &err);
  CHECK(as != NULL);
  free(as);
  CgJit *j = cg_jit_new(&err);
  CHECK(cg_jit_add(j, cm, &err));
  double (*fs)(Arr1 *) = (double (*)(Arr1 *))sym(j, "pyk_fsum");
  double d[1000];
  for (int i = 0; i < 1000; i++) d[i] = 1.0 / (i + 1);
  Arr1 a = arr1_of(d, 1000);
  *result = fs(&a);
  cg_jit_dispose(j);
  ctx_fini(&c);
  return ir;
}

static void test_fastmath_reduction(void) {
  double exact = 0;
  double d[1000];
  for (int i = 0; i < 1000; i++) d[i] = 1.0 / (i + 1);
  for (int i = 0; i < 1000; i++) exact += d[i];
  double r1, r2, r3;
  char *strict = optimized_ir(false, false, &r1);
  char *fast = optimized_ir(true, false, &r2);
  char *fast_opt = optimized_ir(false, true, &r3);
  CHECK(strict && !strstr(strict, "fadd <"));
  CHECK(fast && strstr(fast, "fadd <"));
  CHECK(fast_opt && strstr(fast_opt, "fadd <"));
  CHECK(r1 == exact);                      // bit-identical in order
  CHECK(fabs(r2 - exact) < 1e-12 && fabs(r3 - exact) < 1e-12);
  free(strict);
  free(fast);
  free(fast_opt);
}

// Reserved task-layer ops are an internal error (a message, no crash); so
// is a launch of no task (unverified TIR).
static void test_reserved_op(void) {
  Ctx c;
  ctx_init(&c, "r.py");
  IrFunc *fn = func(&c, "k", NULL, 0, c.tt.t_void);
  emit(&c, fn, fn->body, IR_OP_LAUNCH, NULL, NULL, 0);
  ret(&c, fn, fn->body, IR_NOVALUE);
  char *err0 = NULL;
  CgOptions o0 = {.opt_level = 3, .fastmath = false};
  CHECK(cg_llvm_emit(c.m, &o0, &err0) == NULL && err0 && strstr(err0, "launch of unknown task"));
  free(err0);
  ctx_fini(&c);
  ctx_init(&c, "r.py");
  fn = func(&c, "k", NULL, 0, c.tt.t_void);
  emit(&c, fn, fn->body, IR_OP_PARTITION_NEW, NULL, NULL, 0);
  ret(&c, fn, fn->body, IR_NOVALUE);
  char *err = NULL;
  CgOptions o = {.opt_level = 3, .fastmath = false};
  CgModule *cm = cg_llvm_emit(c.m, &o, &err);
  CHECK(cm == NULL && err && strstr(err, "'partition.new' is not supported"));
  free(err);
  ctx_fini(&c);
}

// ---- executable --------------------------------------------------------------------

static void fmt_str(Ctx *c, IrFunc *fn, IrBlock *b, const char *s) {
  IrInst *in = emit(c, fn, b, IR_OP_FMT_STR, NULL, NULL, 0);
  in->sym = s;
  in->symlen = (uint32_t)strlen(s);
}

static void test_executable(const char *libdir) {
  Ctx c;
  ctx_init(&c, "prog.py");
  IrFunc *fn = func(&c, "main", NULL, 0, c.tt.t_void);
  fn->flags |= IR_FN_TOP_LEVEL;
  IrBlock *b = fn->body;
  emit(&c, fn, b, IR_OP_FMT_BEGIN, NULL, NULL, 0);
  fmt_str(&c, fn, b, "hello ");
  IrValue v = ci(&c, fn, b, 42);
  emit(&c, fn, b, IR_OP_FMT_VAL, NULL, &v, 1);
  fmt_str(&c, fn, b, " ");
  v = cf(&c, fn, b, 0.1);
  emit(&c, fn, b, IR_OP_FMT_VAL, NULL, &v, 1);
  fmt_str(&c, fn, b, " ");
  v = ir_const_int(c.m, fn, b, c.tt.t_bool, 1, NOLOC);
  emit(&c, fn, b, IR_OP_FMT_VAL, NULL, &v, 1);
  fmt_str(&c, fn, b, " ");
  v = cf(&c, fn, b, 3.14159);
  IrInst *sp = emit(&c, fn, b, IR_OP_FMT_SPEC, NULL, &v, 1);
  sp->sym = ">8.2f";
  sp->symlen = 5;
  fmt_str(&c, fn, b, "\n");
  emit(&c, fn, b, IR_OP_PRINT, NULL, NULL, 0);
  IrValue one = ci(&c, fn, b, 1), zero = ci(&c, fn, b, 0);
  IrInst *dv = emit(&c, fn, b, IR_OP_FLOORDIV, c.tt.t_i64, (IrValue[]){one, zero}, 2);
  dv->line = 7;
  ret(&c, fn, b, IR_NOVALUE);
  char *err = NULL;
  CgOptions o = {.opt_level = 2, .fastmath = false};
  CgModule *cm = cg_llvm_emit(c.m, &o, &err);
  CHECK(cm && cg_llvm_optimize(cm, &err));
  char obj[] = "/tmp/pyc-cg-test-XXXXXX";
  int fd = mkstemp(obj);
  close(fd);
  char objo[64], exe[64], out[64], errf[64];
  snprintf(objo, sizeof objo, "%s.o", obj);
  snprintf(exe, sizeof exe, "%s.exe", obj);
  snprintf(out, sizeof out, "%s.out", obj);
  snprintf(errf, sizeof errf, "%s.err", obj);
  CHECK(cg_llvm_write_object(cm, objo, &err));
  cg_llvm_dispose(cm);
  const char *objs[1] = {objo};
  bool linked = cg_link_executable(objs, 1, exe, libdir, &err);
  if (!linked) fprintf(stderr, "link: %s\n", err);
  CHECK(linked);
  if (linked) {
    char cmd[256];
    snprintf(cmd, sizeof cmd, "%s >%s 2>%s", exe, out, errf);
    int st = system(cmd);
    CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 1);
    char buf[256] = {0};
    FILE *fp = fopen(out, "r");
    if (fp) {
      size_t n = fread(buf, 1, sizeof buf - 1, fp);
      buf[n] = 0;
      fclose(fp);
    }
    CHECK_STR(buf, "hello 42 0.1 True     3.14\n");
    memset(buf, 0, sizeof buf);
    fp = fopen(errf, "r");
    if (fp) {
      size_t n = fread(buf, 1, sizeof buf - 1, fp);
      buf[n] = 0;
      fclose(fp);
    }
    CHECK_STR(buf, "prog.py:7: ZeroDivisionError: integer division or modulo by zero\n");
  }
  // A bad link reports the linker's message.
  const char *bad[1] = {"/nonexistent.o"};
  char *lerr = NULL;
  CHECK(!cg_link_executable(bad, 1, exe, libdir, &lerr) && lerr && strstr(lerr, "nonexistent"));
  free(lerr);
  unlink(obj);
  unlink(objo);
  unlink(exe);
  unlink(out);
  unlink(errf);
  ctx_fini(&c);
}

int main(int argc, char **argv) {
  (void)argc;
  test_jit();
  test_jit_timing();
  test_fastmath_reduction();
  test_reserved_op();
  // Runtime archives: <build>/lib next to <build>/bin/test_codegen.
  char exe[4096];
  ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
  exe[n > 0 ? n : 0] = 0;
  char libdir[4200];
  snprintf(libdir, sizeof libdir, "%s/../lib", dirname(n > 0 ? exe : argv[0]));
  test_executable(libdir);
  return test_report("test_codegen");
}
