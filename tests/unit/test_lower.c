// test_lower.c - unit tests of fe_lower (typed AST -> TIR). The typed ASTs
// are built by hand here, with the annotations the checker would fill (so
// lowering is tested independently of parse and check); the resulting TIR is
// printed with ir_print_module and checked for the expected instructions,
// and a few properties are checked on the instruction stream directly.
#include "frontend/frontend.h"
#include "test_base.h"

#include "pyc/runtime.h"

#include <stdio.h>
#include <stdlib.h>

typedef struct T {
  Arena arena;
  Interner strs;
  TypeTable tt;
  SrcManager sm;
  DiagSink diags;
  FeCtx cx;
  Module mod;
  FuncDef *fd;  // the function being built
  const Type *i64, *f64, *bl, *f64a1, *f64a2;
} T;

static SrcLoc noloc(void) {
  SrcLoc l = {SRC_NONE, 0, 0};
  return l;
}

static void t_init(T *t) {
  memset(t, 0, sizeof *t);
  arena_init(&t->arena);
  interner_init(&t->strs, &t->arena);
  types_init(&t->tt, &t->arena);
  srcmgr_init(&t->sm, &t->arena);
  diag_init(&t->diags, &t->sm, &t->arena);
  t->cx.arena = &t->arena;
  t->cx.sm = &t->sm;
  t->cx.diags = &t->diags;
  t->cx.types = &t->tt;
  t->cx.strs = &t->strs;
  t->mod.path = "test.py";
  t->mod.file = SRC_NONE;
  t->i64 = t->tt.t_i64;
  t->f64 = t->tt.t_f64;
  t->bl = t->tt.t_bool;
  t->f64a1 = type_array(&t->tt, t->f64, 1, false);
  t->f64a2 = type_array(&t->tt, t->f64, 2, true);
}

static void t_fini(T *t) {
  interner_fini(&t->strs);
  arena_fini(&t->arena);
}

// ---- AST builders (with checker annotations) ------------------------------------------

static Expr *ex(T *t, ExprKind k, const Type *ty) {
  Expr *e = ARENA_NEW(&t->arena, Expr);
  e->kind = k;
  e->ty = ty;
  e->loc = noloc();
  return e;
}
static Expr *eint(T *t, int64_t v, const Type *ty) {
  Expr *e = ex(t, EX_INT, ty);
  e->ival = (uint64_t)v;
  return e;
}
static Expr *eflt(T *t, double v) {
  Expr *e = ex(t, EX_FLOAT, t->f64);
  e->fval = v;
  return e;
}
static Expr *estr(T *t, const char *s) {
  Expr *e = ex(t, EX_STR, t->tt.t_str);
  e->str.s = s;
  e->str.len = (uint32_t)strlen(s);
  return e;
}
static Expr *eneg(T *t, int64_t v) {
  Expr *e = ex(t, EX_UNARY, t->i64);
  e->un.op = UN_NEG;
  e->un.x = eint(t, v, t->i64);
  return e;
}

static Symbol *sym(T *t, SymKind k, const char *name, const Type *ty, uint32_t index) {
  Symbol *s = ARENA_NEW(&t->arena, Symbol);
  s->kind = k;
  s->name = intern_cstr(&t->strs, name);
  s->ty = ty;
  s->index = index;
  return s;
}
static Expr *ename(T *t, Symbol *s) {
  Expr *e = ex(t, EX_NAME, s->ty);
  e->name.id = s->name;
  e->name.sym = s;
  return e;
}
static Symbol *local(T *t, const char *name, const Type *ty) {
  Symbol *s = sym(t, SYM_LOCAL, name, ty, 0);
  vec_push(&t->arena, &t->fd->locals, s);
  return s;
}

static Expr *ebin(T *t, BinOp op, Expr *l, Expr *r, const Type *opty, const Type *ty) {
  Expr *e = ex(t, EX_BINOP, ty);
  e->bin.op = op;
  e->bin.l = l;
  e->bin.r = r;
  e->bin.opty = opty;
  return e;
}
static Expr *ecmp(T *t, Expr *first, uint32_t n, const CmpOp *ops, Expr **rest,
                  const Type **optys) {
  Expr *e = ex(t, EX_COMPARE, t->bl);
  e->cmp.first = first;
  e->cmp.n = n;
  e->cmp.ops = ARENA_ARRAY(&t->arena, CmpOp, n);
  e->cmp.rest = ARENA_ARRAY(&t->arena, Expr *, n);
  e->cmp.optys = ARENA_ARRAY(&t->arena, const Type *, n);
  for (uint32_t i = 0; i < n; i++) {
    e->cmp.ops[i] = ops[i];
    e->cmp.rest[i] = rest[i];
    e->cmp.optys[i] = optys[i];
  }
  return e;
}
static Expr *ecall(T *t, CallKind ck, const char *name, const Type *ty, uint32_t n, Expr **args) {
  Expr *e = ex(t, EX_CALL, ty);
  e->call.ckind = ck;
  e->call.callee_name = name ? intern_cstr(&t->strs, name) : NULL;
  e->call.nargs = n;
  e->call.args = ARENA_ARRAY(&t->arena, Expr *, n ? n : 1);
  for (uint32_t i = 0; i < n; i++) e->call.args[i] = args[i];
  return e;
}
static Expr *esub(T *t, Expr *arr, uint32_t n, Expr **idx, const Type *ty) {
  Expr *e = ex(t, EX_SUBSCRIPT, ty);
  e->sub.value = arr;
  e->sub.n = n;
  e->sub.index = ARENA_ARRAY(&t->arena, Expr *, n);
  for (uint32_t i = 0; i < n; i++) e->sub.index[i] = idx[i];
  e->sub.skind = SUB_ELEMENT;
  return e;
}
static Expr *etuple(T *t, uint32_t n, Expr **xs) {
  const Type *ets[8];
  for (uint32_t i = 0; i < n; i++) ets[i] = xs[i]->ty;
  Expr *e = ex(t, EX_TUPLE, type_tuple(&t->tt, ets, n));
  e->seq.n = n;
  e->seq.xs = ARENA_ARRAY(&t->arena, Expr *, n);
  for (uint32_t i = 0; i < n; i++) e->seq.xs[i] = xs[i];
  return e;
}

static Stmt *st(T *t, StmtKind k) {
  Stmt *s = ARENA_NEW(&t->arena, Stmt);
  s->kind = k;
  s->loc = noloc();
  return s;
}
static Stmt *sassign(T *t, Expr *target, Expr *v) {
  Stmt *s = st(t, ST_ASSIGN);
  s->assign.targets = ARENA_ARRAY(&t->arena, Expr *, 1);
  s->assign.targets[0] = target;
  s->assign.ntargets = 1;
  s->assign.value = v;
  return s;
}
static Stmt *saug(T *t, BinOp op, Expr *target, Expr *v) {
  Stmt *s = st(t, ST_AUGASSIGN);
  s->aug.op = op;
  s->aug.target = target;
  s->aug.value = v;
  return s;
}
static Stmt *sret(T *t, Expr *v) {
  Stmt *s = st(t, ST_RETURN);
  s->ret.value = v;
  return s;
}
static Stmt *sexpr(T *t, Expr *e) {
  Stmt *s = st(t, ST_EXPR);
  s->expr = e;
  return s;
}
static Block blk(T *t, uint32_t n, Stmt **xs) {
  Block b = {ARENA_ARRAY(&t->arena, Stmt *, n ? n : 1), n};
  for (uint32_t i = 0; i < n; i++) b.stmts[i] = xs[i];
  return b;
}
static Stmt *sfor(T *t, Expr *target, Expr *iter, Block body) {
  Stmt *s = st(t, ST_FOR);
  s->for_.target = target;
  s->for_.iter = iter;
  s->for_.body = body;
  return s;
}

// def name(params) -> ret: a @kernel with the given parameters.
static FuncDef *func(T *t, const char *name, uint32_t np, const char **pnames, const Type **ptys,
                     const Type *ret) {
  FuncDef *fd = ARENA_NEW(&t->arena, FuncDef);
  fd->name = intern_cstr(&t->strs, name);
  fd->loc = noloc();
  fd->nparams = np;
  fd->params = ARENA_ARRAY(&t->arena, Param, np ? np : 1);
  for (uint32_t i = 0; i < np; i++) {
    fd->params[i].name = intern_cstr(&t->strs, pnames[i]);
    fd->params[i].ty = ptys[i];
    fd->params[i].loc = noloc();
  }
  fd->fkind = FN_KERNEL;
  fd->ret_ty = ret ? ret : t->tt.t_void;
  fd->checked = true;
  vec_push(&t->arena, &t->mod.funcs, fd);
  t->fd = fd;
  return fd;
}

// Lower the module and print it; returns malloc'd text (caller frees).
static char *lower_text(T *t) {
  IrModule *m = fe_lower(&t->cx, &t->mod);
  CHECK(m != NULL);
  CHECK(t->diags.nerrors == 0);
  if (t->diags.nerrors) diag_print_all(&t->diags, stderr);
  Str out;
  str_init(&out);
  ir_print_module(m, &out);
  if (getenv("TEST_LOWER_VERBOSE")) fputs(out.data, stdout);
  return str_take(&out);
}

#define CHECK_HAS(text, needle)                                                                    \
  do {                                                                                             \
    test_checks++;                                                                                 \
    if (!strstr((text), (needle))) {                                                               \
      test_failures++;                                                                             \
      fprintf(stderr, "%s:%d: missing \"%s\" in:\n%s\n", __FILE__, __LINE__, (needle), (text));    \
    }                                                                                              \
  } while (0)
#define CHECK_LACKS(text, needle)                                                                  \
  do {                                                                                             \
    test_checks++;                                                                                 \
    if (strstr((text), (needle))) {                                                                \
      test_failures++;                                                                             \
      fprintf(stderr, "%s:%d: unexpected \"%s\" in:\n%s\n", __FILE__, __LINE__, (needle), (text)); \
    }                                                                                              \
  } while (0)

static int count(const char *text, const char *needle) {
  int n = 0;
  for (const char *p = strstr(text, needle); p; p = strstr(p + 1, needle)) n++;
  return n;
}

// ---- tests --------------------------------------------------------------------------------

// def f(a: int, x: float) -> float: return a + x // 2   (casts, floordiv)
static void test_arith(void) {
  T t;
  t_init(&t);
  const char *pn[] = {"a", "x"};
  const Type *pt[] = {t.i64, t.f64};
  func(&t, "f", 2, pn, pt, t.f64);
  Symbol *a = sym(&t, SYM_PARAM, "a", t.i64, 0), *x = sym(&t, SYM_PARAM, "x", t.f64, 1);
  Expr *fd = ebin(&t, BIN_FLOORDIV, ename(&t, x), eint(&t, 2, t.f64), t.f64, t.f64);
  Stmt *body[] = {sret(&t, ebin(&t, BIN_ADD, ename(&t, a), fd, t.f64, t.f64))};
  t.fd->body = blk(&t, 1, body);
  char *s = lower_text(&t);
  CHECK_HAS(s, "cast %0");
  CHECK_HAS(s, "floordiv %1");
  CHECK_HAS(s, "ret ");
  CHECK_LACKS(s, "local");  // params read directly
  free(s);
  t_fini(&t);
}

// for i in range(10, 0, -2): s += i   and   for j in range(0, n, k): (step check)
static void test_for_range(void) {
  T t;
  t_init(&t);
  const char *pn[] = {"n", "k"};
  const Type *pt[] = {t.i64, t.i64};
  func(&t, "g", 2, pn, pt, t.i64);
  Symbol *n = sym(&t, SYM_PARAM, "n", t.i64, 0), *k = sym(&t, SYM_PARAM, "k", t.i64, 1);
  Symbol *s = local(&t, "s", t.i64), *i = local(&t, "i", t.i64), *j = local(&t, "j", t.i64);
  Expr *r1a[] = {eint(&t, 10, t.i64), eint(&t, 0, t.i64), eneg(&t, 2)};
  Stmt *b1[] = {saug(&t, BIN_ADD, ename(&t, s), ename(&t, i))};
  Expr *r2a[] = {eint(&t, 0, t.i64), ename(&t, n), ename(&t, k)};
  Stmt *b2[] = {saug(&t, BIN_SUB, ename(&t, s), ename(&t, j))};
  Stmt *body[] = {
      sassign(&t, ename(&t, s), eint(&t, 0, t.i64)),
      sfor(&t, ename(&t, i), ecall(&t, CALL_BUILTIN, "range", NULL, 3, r1a), blk(&t, 1, b1)),
      sfor(&t, ename(&t, j), ecall(&t, CALL_BUILTIN, "range", NULL, 3, r2a), blk(&t, 1, b2)),
      sret(&t, ename(&t, i)),
  };
  t.fd->body = blk(&t, 4, body);
  char *txt = lower_text(&t);
  CHECK_HAS(txt, "for %");
  CHECK_HAS(txt, "lset $i, %");
  CHECK_HAS(txt, "local $s: i64");
  CHECK(count(txt, "range() arg 3 must not be zero") == 1);  // only for the variable step
  CHECK(count(txt, "for %") == 2);
  free(txt);
  t_fini(&t);
}

// while n > 0: n -= 1; if n == 5: break; if n == 7: continue    (param assigned -> slot)
static void test_while(void) {
  T t;
  t_init(&t);
  const char *pn[] = {"n"};
  const Type *pt[] = {t.i64};
  func(&t, "w", 1, pn, pt, NULL);
  Symbol *n = sym(&t, SYM_PARAM, "n", t.i64, 0);
  CmpOp gt = CMP_GT, eq = CMP_EQ;
  const Type *ot[] = {t.i64};
  Expr *z[] = {eint(&t, 0, t.i64)}, *five[] = {eint(&t, 5, t.i64)}, *seven[] = {eint(&t, 7, t.i64)};
  Stmt *if1 = st(&t, ST_IF), *if2 = st(&t, ST_IF);
  Stmt *brk[] = {st(&t, ST_BREAK)}, *cont[] = {st(&t, ST_CONTINUE)};
  if1->if_.cond = ecmp(&t, ename(&t, n), 1, &eq, five, ot);
  if1->if_.then = blk(&t, 1, brk);
  if2->if_.cond = ecmp(&t, ename(&t, n), 1, &eq, seven, ot);
  if2->if_.then = blk(&t, 1, cont);
  Stmt *wb[] = {saug(&t, BIN_SUB, ename(&t, n), eint(&t, 1, t.i64)), if1, if2};
  Stmt *w = st(&t, ST_WHILE);
  w->while_.cond = ecmp(&t, ename(&t, n), 1, &gt, z, ot);
  w->while_.body = blk(&t, 3, wb);
  Stmt *body[] = {w};
  t.fd->body = blk(&t, 1, body);
  char *txt = lower_text(&t);
  CHECK_HAS(txt, "local $n: i64");
  CHECK_HAS(txt, "lset $n, %0");
  CHECK_HAS(txt, "loop");
  CHECK(count(txt, "break") == 2);
  CHECK_HAS(txt, "continue");
  CHECK_HAS(txt, "ret");
  free(txt);
  t_fini(&t);
}

// return a < b < c and (x or y)  (chained compare, short circuit)
static void test_shortcircuit(void) {
  T t;
  t_init(&t);
  const char *pn[] = {"a", "b", "c"};
  const Type *pt[] = {t.i64, t.f64, t.i64};
  func(&t, "sc", 3, pn, pt, t.bl);
  Symbol *a = sym(&t, SYM_PARAM, "a", t.i64, 0), *b = sym(&t, SYM_PARAM, "b", t.f64, 1),
         *c = sym(&t, SYM_PARAM, "c", t.i64, 2);
  CmpOp ops[] = {CMP_LT, CMP_LT};
  Expr *rest[] = {ename(&t, b), ename(&t, c)};
  const Type *ot[] = {t.f64, t.f64};
  Expr *chain = ecmp(&t, ename(&t, a), 2, ops, rest, ot);
  Expr *bo = ex(&t, EX_BOOLOP, t.bl);
  bo->boolop.is_and = true;
  bo->boolop.n = 2;
  bo->boolop.xs = ARENA_ARRAY(&t.arena, Expr *, 2);
  bo->boolop.xs[0] = chain;
  bo->boolop.xs[1] = ex(&t, EX_BOOL, t.bl);
  bo->boolop.xs[1]->bval = true;
  Stmt *body[] = {sret(&t, bo)};
  t.fd->body = blk(&t, 1, body);
  char *txt = lower_text(&t);
  CHECK(count(txt, "cmp.lt") == 4);  // int64 vs float64: exact (f64 compare + int tie-break)
  CHECK(count(txt, "select") == 2);
  CHECK(count(txt, "if %") == 2);
  CHECK_HAS(txt, "local $.t0: bool");
  CHECK_HAS(txt, "local $.t1: bool");
  free(txt);
  t_fini(&t);
}

// a[-1] = a[i, 0] + 1.0 on a 2-D array (index normalization), with boundscheck
static void test_array_index(bool check) {
  T t;
  t_init(&t);
  t.cx.opts.boundscheck = check;
  const char *pn[] = {"a", "i"};
  const Type *pt[] = {t.f64a2, t.i64};
  func(&t, "ix", 2, pn, pt, NULL);
  Symbol *a = sym(&t, SYM_PARAM, "a", t.f64a2, 0), *i = sym(&t, SYM_PARAM, "i", t.i64, 1);
  Expr *li[] = {ename(&t, i), eint(&t, 0, t.i64)};
  Expr *si[] = {eneg(&t, 1), eint(&t, 2, t.i64)};
  Expr *rhs = ebin(&t, BIN_ADD, esub(&t, ename(&t, a), 2, li, t.f64), eflt(&t, 1.0), t.f64, t.f64);
  Stmt *body[] = {sassign(&t, esub(&t, ename(&t, a), 2, si, t.f64), rhs),
                  saug(&t, BIN_MUL, esub(&t, ename(&t, a), 2, li, t.f64), eflt(&t, 2.0))};
  t.fd->body = blk(&t, 2, body);
  char *txt = lower_text(&t);
  CHECK_HAS(txt, "select");
  CHECK_HAS(txt, "load %0");
  CHECK_HAS(txt, "store %0");
  CHECK(count(txt, "load %0") == 2);  // a[i, 0] once for the read, once for +=
  CHECK(count(txt, "store %0") == 2);
  if (check) {
    CHECK(count(txt, "boundscheck %") == 6);
  } else {
    CHECK_LACKS(txt, "boundscheck");
  }
  free(txt);
  t_fini(&t);
}

// z = np.zeros((n, 3)); return z   (refcount slot + DECREF, fill loop nest)
static void test_np_zeros(void) {
  T t;
  t_init(&t);
  const char *pn[] = {"n"};
  const Type *pt[] = {t.i64};
  func(&t, "mk", 1, pn, pt, t.f64a2);
  Symbol *n = sym(&t, SYM_PARAM, "n", t.i64, 0);
  Symbol *z = local(&t, "z", t.f64a2);
  Expr *sh[] = {ename(&t, n), eint(&t, 3, t.i64)};
  Expr *args[] = {etuple(&t, 2, sh)};
  Expr *arange_a[] = {ename(&t, n)};
  const Type *i64a = type_array(&t.tt, t.i64, 1, true);
  Symbol *r = local(&t, "r", i64a);
  Stmt *body[] = {
      sassign(&t, ename(&t, z), ecall(&t, CALL_BUILTIN, "numpy.zeros", t.f64a2, 1, args)),
      sassign(&t, ename(&t, r), ecall(&t, CALL_BUILTIN, "numpy.arange", i64a, 1, arange_a)),
      sret(&t, ename(&t, z))};
  t.fd->body = blk(&t, 3, body);
  char *txt = lower_text(&t);
  CHECK_HAS(txt, "array.new");
  CHECK_HAS(txt, "local $.t0: array<f64,2,C>");
  CHECK_HAS(txt, "lset $.t0, %");
  CHECK_HAS(txt, "decref %");
  CHECK_HAS(txt, "lset $z, %");
  CHECK(count(txt, "for %") == 3);  // 2-D fill nest + arange
  CHECK(count(txt, "decref") == 2);
  CHECK_HAS(txt, "floordiv");
  free(txt);
  t_fini(&t);
}

// a, b = b, a ; c.u = 3.0  (tuple swap, struct field set)
static void test_swap_struct(void) {
  T t;
  t_init(&t);
  func(&t, "sw", 0, NULL, NULL, t.f64);
  const char *fnames[] = {intern_cstr(&t.strs, "u"), intern_cstr(&t.strs, "v")};
  const Type *ftys[] = {t.f64, t.f64};
  const Type *cell = type_struct(&t.tt, intern_cstr(&t.strs, "Cell"), fnames, ftys, 2);
  ClassDef *cd = ARENA_NEW(&t.arena, ClassDef);
  cd->ty = cell;
  vec_push(&t.arena, &t.mod.classes, cd);
  Symbol *a = local(&t, "a", t.i64), *b = local(&t, "b", t.i64), *c = local(&t, "c", cell);
  Expr *lhs[] = {ename(&t, a), ename(&t, b)}, *rhs[] = {ename(&t, b), ename(&t, a)};
  Expr *cargs[] = {eflt(&t, 1.0), eint(&t, 2, t.f64)};
  Expr *fld = ex(&t, EX_ATTR, t.f64);
  fld->attr.value = ename(&t, c);
  fld->attr.akind = ATTR_FIELD;
  fld->attr.field = 0;
  Expr *fld2 = ex(&t, EX_ATTR, t.f64);
  *fld2 = *fld;
  fld2->attr.field = 1;
  Stmt *body[] = {sassign(&t, ename(&t, a), eint(&t, 1, t.i64)),
                  sassign(&t, ename(&t, b), eint(&t, 2, t.i64)),
                  sassign(&t, etuple(&t, 2, lhs), etuple(&t, 2, rhs)),
                  sassign(&t, ename(&t, c), ecall(&t, CALL_STRUCT, NULL, cell, 2, cargs)),
                  sassign(&t, fld, eflt(&t, 3.0)),
                  sret(&t, fld2)};
  t.fd->body = blk(&t, 6, body);
  char *txt = lower_text(&t);
  CHECK_HAS(txt, "struct.new");
  CHECK_HAS(txt, "struct.set");
  CHECK_HAS(txt, "struct.get");
  // The swap reads both before writing either.
  const char *g1 = strstr(txt, "lget $b"), *g2 = strstr(txt, "lget $a"),
             *s1 = strstr(txt, "lset $a, %");
  s1 = s1 ? strstr(s1 + 1, "lset $a, %") : NULL;  // the second write of a (the swap)
  CHECK(g1 && g2 && s1 && g1 < s1 && g2 < s1);
  free(txt);
  t_fini(&t);
}

// print(f"x={x:.3f}", x, sep=", "); raise ValueError("bad"); assert x > 0, "neg"
static void test_print_raise_assert(void) {
  T t;
  t_init(&t);
  const char *pn[] = {"x"};
  const Type *pt[] = {t.f64};
  func(&t, "pr", 1, pn, pt, NULL);
  Symbol *x = sym(&t, SYM_PARAM, "x", t.f64, 0);
  Expr *fs = ex(&t, EX_FSTRING, t.tt.t_str);
  fs->fstr.n = 2;
  fs->fstr.parts = ARENA_ARRAY(&t.arena, FStrPart, 2);
  fs->fstr.parts[0].text = "x=";
  fs->fstr.parts[0].len = 2;
  fs->fstr.parts[1].is_expr = true;
  fs->fstr.parts[1].expr = ename(&t, x);
  fs->fstr.parts[1].spec = ".3f";
  Expr *pargs[] = {fs, ename(&t, x)};
  Expr *pcall = ecall(&t, CALL_BUILTIN, "print", t.tt.t_void, 2, pargs);
  pcall->call.nkw = 1;
  pcall->call.kw = ARENA_NEW(&t.arena, Keyword);
  pcall->call.kw[0].name = intern_cstr(&t.strs, "sep");
  pcall->call.kw[0].value = estr(&t, ", ");
  CmpOp gt = CMP_GT;
  Expr *zero[] = {eint(&t, 0, t.f64)};
  const Type *ot[] = {t.f64};
  Stmt *as = st(&t, ST_ASSERT);
  as->assert_.test = ecmp(&t, ename(&t, x), 1, &gt, zero, ot);
  as->assert_.msg = estr(&t, "neg");
  Expr *rargs[] = {estr(&t, "bad")};
  Expr *exc = ecall(&t, CALL_EXCEPTION, "ValueError", NULL, 1, rargs);
  exc->call.exc_kind = PYC_EXC_VALUE;
  Stmt *rs = st(&t, ST_RAISE);
  rs->raise.exc = exc;
  Stmt *body[] = {sexpr(&t, pcall), as, rs, sexpr(&t, pcall)};
  t.fd->body = blk(&t, 4, body);
  char *txt = lower_text(&t);
  CHECK_HAS(txt, "fmt.begin");
  CHECK_HAS(txt, "fmt.str \"x=\"");
  CHECK_HAS(txt, "fmt.spec");
  CHECK_HAS(txt, "\".3f\"");
  CHECK_HAS(txt, "fmt.str \", \"");
  CHECK_HAS(txt, "fmt.str \"\\n\"");
  CHECK_HAS(txt, "\"bad\"");
  CHECK_HAS(txt, "\"neg\"");
  CHECK(count(txt, "print") == 1);  // the print after the raise is dropped
  CHECK_LACKS(txt, "ret");          // the body ends with the raise
  free(txt);
  t_fini(&t);
}

// max(a, x, 2) with promotion to f64, int(x), math.sqrt(a)
static void test_builtins(void) {
  T t;
  t_init(&t);
  const char *pn[] = {"a", "x"};
  const Type *pt[] = {t.i64, t.f64};
  func(&t, "bi", 2, pn, pt, t.f64);
  Symbol *a = sym(&t, SYM_PARAM, "a", t.i64, 0), *x = sym(&t, SYM_PARAM, "x", t.f64, 1);
  Expr *margs[] = {ename(&t, a), ename(&t, x), eint(&t, 2, t.i64)};
  Expr *iargs[] = {ename(&t, x)};
  Expr *sargs[] = {ename(&t, a)};
  Expr *mx = ecall(&t, CALL_BUILTIN, "max", t.f64, 3, margs);
  Expr *iv = ecall(&t, CALL_BUILTIN, "int", t.i64, 1, iargs);
  Expr *sq = ecall(&t, CALL_BUILTIN, "math.sqrt", t.f64, 1, sargs);
  Expr *sum = ebin(&t, BIN_ADD, ebin(&t, BIN_ADD, mx, iv, t.f64, t.f64), sq, t.f64, t.f64);
  Stmt *body[] = {sret(&t, sum)};
  t.fd->body = blk(&t, 1, body);
  char *txt = lower_text(&t);
  CHECK(count(txt, "select") == 2);
  CHECK(count(txt, "cmp.gt") == 2);
  CHECK_HAS(txt, "\"int\"");
  CHECK_HAS(txt, "\"math.sqrt\"");
  free(txt);
  t_fini(&t);
}

// ---- from source: parse + check + lower + verify ------------------------------------

static const char kSource[] = "import numpy as np\n"
                              "import pyc_task as pt\n"
                              "from pyc_task import kernel, task, int64, float64\n"
                              "\n"
                              "@kernel\n"
                              "def fib(n: int64) -> int64:\n"
                              "    a, b = 0, 1\n"
                              "    for i in range(n):\n"
                              "        a, b = b, a + b\n"
                              "    return a\n"
                              "\n"
                              "@kernel\n"
                              "def stats(n: int64) -> float64:\n"
                              "    z = np.zeros(n)\n"
                              "    for i in range(n):\n"
                              "        z[i] = i * 0.5\n"
                              "    s = 0.0\n"
                              "    k = n\n"
                              "    while k > 0:\n"
                              "        k -= 1\n"
                              "        if k % 3 == 0:\n"
                              "            continue\n"
                              "        s += z[-k - 1] if 0 < k < n else 0.0\n"
                              "    assert s >= 0.0, f\"negative {s:.2f}\"\n"
                              "    return max(s, 1.0, float(n))\n"
                              "\n"
                              "@task(top_level=True)\n"
                              "def main():\n"
                              "    print(fib(10), stats(5), sep=', ')\n";

static void test_from_source(void) {
  T t;
  t_init(&t);
  uint32_t file = srcmgr_add(&t.sm, "src.py", kSource, (uint32_t)strlen(kSource));
  Module *mod = fe_parse(&t.cx, file);
  CHECK(mod != NULL);
  bool ok = mod && fe_check(&t.cx, mod);
  CHECK(ok);
  if (!ok) {
    diag_print_all(&t.diags, stderr);
    t_fini(&t);
    return;
  }
  IrModule *m = fe_lower(&t.cx, mod);
  CHECK(t.diags.nerrors == 0);
  CHECK(m && m->funcs.len == 3);
  CHECK(m && ir_verify(m, &t.diags));
  if (t.diags.nerrors) diag_print_all(&t.diags, stderr);
  Str out;
  str_init(&out);
  if (m) ir_print_module(m, &out);
  if (getenv("TEST_LOWER_VERBOSE")) fputs(out.data ? out.data : "", stdout);
  const char *txt = out.data ? out.data : "";
  CHECK_HAS(txt, "!9:");  // line/col set from the source locations
  CHECK_HAS(txt, "array.new");
  CHECK_HAS(txt, "raise AssertionError buffer");
  CHECK_HAS(txt, "call @fib(");
  str_fini(&out);
  t_fini(&t);
}

int main(void) {
  test_from_source();
  test_arith();
  test_for_range();
  test_while();
  test_shortcircuit();
  test_array_index(false);
  test_array_index(true);
  test_np_zeros();
  test_swap_struct();
  test_print_raise_assert();
  test_builtins();
  return test_report("test_lower");
}
