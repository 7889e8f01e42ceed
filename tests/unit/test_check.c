// test_check.c - unit tests of fe_check: annotations filled on clean
// programs (types of locals, returns, opty, call kinds), the exact text of
// the main diagnostics, and robustness: every prefix and many mutations of a
// program are parsed and checked without a crash, and hand-built ASTs with
// NULL children are checked without a crash.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "frontend/frontend.h"

static int failures, checks;

#define CHECK(c)                                                                                   \
  do {                                                                                             \
    checks++;                                                                                      \
    if (!(c)) {                                                                                    \
      failures++;                                                                                  \
      fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #c);                        \
    }                                                                                              \
  } while (0)

typedef struct Env {
  Arena arena;
  SrcManager sm;
  DiagSink ds;
  TypeTable tt;
  Interner in;
  FeCtx cx;
  Module *m;
  bool ok;    // fe_check's result
  Str diags;  // rendered diagnostics
  Str dump;   // typed dump
} Env;

static void env_init(Env *e) {
  arena_init(&e->arena);
  srcmgr_init(&e->sm, &e->arena);
  diag_init(&e->ds, &e->sm, &e->arena);
  types_init(&e->tt, &e->arena);
  interner_init(&e->in, &e->arena);
  e->cx = (FeCtx){&e->arena, &e->sm, &e->ds, &e->tt, &e->in, {0}};
  str_init(&e->diags);
  str_init(&e->dump);
  e->m = NULL;
  e->ok = false;
}

static void env_check(Env *e, const char *src, size_t len) {
  env_init(e);
  uint32_t id = srcmgr_add(&e->sm, "t.py", src, (uint32_t)len);
  e->m = fe_parse(&e->cx, id);
  if (e->m) e->ok = fe_check(&e->cx, e->m);
  diag_render_all(&e->ds, &e->diags);
  if (e->m) ast_dump_module(e->m, &e->sm, true, &e->dump);
  if (!e->diags.data) str_puts(&e->diags, "");
  if (!e->dump.data) str_puts(&e->dump, "");
}

static void env_fini(Env *e) {
  str_fini(&e->diags);
  str_fini(&e->dump);
  interner_fini(&e->in);
  arena_fini(&e->arena);
}

#define HDR                                                                                        \
  "import math\nimport numpy as np\nimport pyc_task as pt\n"                                       \
  "from pyc_task import kernel, task, float64, int64, int32, float32, fieldspace\n"

static FuncDef *func(Env *e, const char *name) {
  for (uint32_t i = 0; e->m && i < e->m->funcs.len; i++)
    if (strcmp(e->m->funcs.data[i]->name, name) == 0) return e->m->funcs.data[i];
  return NULL;
}

static Symbol *local(FuncDef *f, const char *name) {
  for (uint32_t i = 0; f && i < f->locals.len; i++)
    if (strcmp(f->locals.data[i]->name, name) == 0) return f->locals.data[i];
  return NULL;
}

// Checks src; expects it clean.
static void test_clean(void) {
  static const char src[] = HDR "@fieldspace\nclass Cell:\n    u: float64\n    n: int64\n"
                                "@kernel(boundscheck=True)\n"
                                "def f(a: pt.float64[:], k: int32) -> float64:\n"
                                "    s = 0.0\n"
                                "    for i in range(a.shape[0]):\n"
                                "        s += a[i] * k\n"
                                "    c = Cell(s, 1)\n"
                                "    t = (1, 2.5)\n"
                                "    return c.u + t[-1]\n"
                                "@kernel\n"
                                "def g(n: int64):\n"
                                "    if n < 2:\n"
                                "        return n\n"
                                "    return g(n - 1) + g(n - 2)\n"
                                "@task(top_level=True)\n"
                                "def main():\n"
                                "    a = np.zeros(4)\n"
                                "    print(f(a, 3), g(10), math.sqrt(2.0), sep=' ')\n";
  Env e;
  env_check(&e, src, sizeof src - 1);
  CHECK(e.ok);
  CHECK(e.ds.nerrors == 0);
  if (e.ds.nerrors) fprintf(stderr, "%s", e.diags.data);
  FuncDef *f = func(&e, "f"), *g = func(&e, "g"), *m = func(&e, "main");
  CHECK(f && f->fkind == FN_KERNEL && f->boundscheck && !f->fastmath);
  CHECK(f && f->ret_ty == e.tt.t_f64);
  CHECK(f && f->params[0].ty == type_array(&e.tt, e.tt.t_f64, 1, false));
  CHECK(f && f->params[1].ty == e.tt.t_i32);
  CHECK(local(f, "s") && local(f, "s")->ty == e.tt.t_f64);
  CHECK(local(f, "i") && local(f, "i")->ty == e.tt.t_i64);
  CHECK(local(f, "c") && local(f, "c")->ty && local(f, "c")->ty->kind == TY_STRUCT);
  CHECK(local(f, "t") && local(f, "t")->ty && local(f, "t")->ty->kind == TY_TUPLE);
  CHECK(g && g->ret_ty == e.tt.t_i64);
  CHECK(m && m->fkind == FN_TASK && m->top_level && m->ret_ty == e.tt.t_void);
  CHECK(local(m, "a") && local(m, "a")->ty == type_array(&e.tt, e.tt.t_f64, 1, true));
  // s += a[i] * k: the product is f64 (float64 * int32), the aug op f64.
  CHECK(strstr(e.dump.data, "augassign + opty=f64"));
  CHECK(strstr(
      e.dump.data,
      "(binop * (subscript (name a param : array<f64,1>) (name i local : i64) element : f64) "
      "(name k param : i32) opty=f64 : f64)"));
  CHECK(strstr(e.dump.data, "func:g : i64"));
  CHECK(strstr(e.dump.data, "builtin:math.sqrt : f64"));
  CHECK(strstr(e.dump.data, "tuple#1 : f64"));
  env_fini(&e);
}

// Checks src; expects `needle` among the diagnostics (and at least one error).
static void expect_diag(const char *body, const char *needle, int line) {
  char src[4096];
  snprintf(src, sizeof src, HDR "%s", body);
  Env e;
  env_check(&e, src, strlen(src));
  bool found = strstr(e.diags.data, needle) != NULL;
  if (!found || e.ok)
    fprintf(stderr, "%s:%d: expected diagnostic '%s', got:\n%s\n", __FILE__, line, needle,
            e.diags.data);
  checks++;
  if (!found || e.ok) failures++;
  env_fini(&e);
}
#define EXPECT_DIAG(body, needle) expect_diag(body, needle, __LINE__)

static void test_diags(void) {
  EXPECT_DIAG("@kernel\ndef f() -> float64:\n    s = 0.0\n    s = 1\n    return s\n",
              "t.py:8:9: error: variable 's' changes type from float64 to int64");
  EXPECT_DIAG("@kernel\ndef f() -> float64:\n    s = 0.0\n    s = 1\n    return s\n",
              "t.py:7:5: note: 's' first assigned here as float64");
  EXPECT_DIAG("@kernel\ndef f(x: float64) -> float64:\n    return y\n",
              "t.py:7:12: error: name 'y' is not defined");
  EXPECT_DIAG("@kernel\ndef f(x, y: float64) -> float64:\n    return y\n",
              "error: parameter 'x' of compiled function 'f' needs a type annotation");
  EXPECT_DIAG("@kernel\ndef f(a: pt.float64[:]) -> float64:\n    return a[0, 1]\n",
              "has 1 dimension but is indexed with 2 indexes");
  EXPECT_DIAG("@kernel\ndef f(a: pt.float64[:]) -> float64:\n    return a[1:2]\n",
              "error: array slicing is not supported yet");
  EXPECT_DIAG("@kernel\ndef g(n: int64) -> int64:\n    return n\n@kernel\ndef f() -> int64:\n    "
              "return g(1.5)\n",
              "argument 1 of 'g' has type float64, but parameter 'n' is int64");
  EXPECT_DIAG("@kernel\ndef f(n: int64) -> int64:\n    n /= 2\n    return n\n",
              "variable 'n' changes type from int64 to float64 ('/=' gives float64; use //= for "
              "integer division)");
  EXPECT_DIAG("@kernel\ndef f(n: int64):\n    return f(n - 1)\n",
              "the return type of recursive function 'f' is not known at this call");
  EXPECT_DIAG("@kernel\ndef f(n: int64) -> None:\n    print(f'{n:z}')\n",
              "invalid format spec 'z'");
  EXPECT_DIAG("@kernel\ndef f(n: int64) -> None:\n    raise\n", "bare 'raise' is not supported");
  EXPECT_DIAG("@kernel\ndef f(x: float64) -> int64:\n    return x\n",
              "this return gives float64, but the function returns int64");
  EXPECT_DIAG("@kernel\ndef f(n: int64) -> None:\n    a = np.zeros(n, dtype=str)\n",
              "unsupported dtype 'str'");
  EXPECT_DIAG("@kernel\ndef f(n: int64) -> None:\n    a, b = (1, 2, 3)\n",
              "cannot unpack a tuple of 3 values into 2 targets");
  EXPECT_DIAG("def h(x):\n    return x\n@kernel\ndef f(n: int64) -> int64:\n    return h(n)\n",
              "'h' is not a compiled function; decorate it with @kernel");
  EXPECT_DIAG("@kernel\ndef f(n: int64) -> float64:\n    return math.sqr(2.0)\n",
              "unknown math function 'math.sqr'");
  EXPECT_DIAG("@kernel\ndef f(b: bool) -> int64:\n    return -b\n",
              "unary '-' on a bool is not supported");
  EXPECT_DIAG("@kernel\ndef f(n: int64) -> int64:\n    try:\n        pass\n    finally:\n        "
              "pass\n    return n\n",
              "try statement is not supported in compiled code");
}

// Several errors in one file are all reported, without cascades.
static void test_many_errors(void) {
  static const char src[] = HDR "@kernel\n"
                                "def f(x: float64) -> float64:\n"
                                "    a = nope1\n"
                                "    b = a + 1.0\n"  // a is unknown: no second error here
                                "    c = nope2 * 2\n"
                                "    d = [1, 2]\n"
                                "    return x\n";
  Env e;
  env_check(&e, src, sizeof src - 1);
  CHECK(!e.ok);
  CHECK(e.ds.nerrors == 3);
  CHECK(strstr(e.diags.data, "name 'nope1' is not defined"));
  CHECK(strstr(e.diags.data, "name 'nope2' is not defined"));
  CHECK(strstr(e.diags.data, "list values are not supported"));
  env_fini(&e);
}

// Every prefix and single-character mutations of a program: no crash.
static void test_robust(void) {
  static const char src[] = HDR "@fieldspace\nclass C:\n    u: float64\n"
                                "@kernel(fastmath=True)\n"
                                "def f(a: pt.float64[:, ::1], n: int64) -> float64:\n"
                                "    s = 0.0\n"
                                "    for i in range(n):\n"
                                "        for j in range(1, n, 2):\n"
                                "            s += a[i, j] if i < j else -a[j, i]\n"
                                "    while s > 1.0 and not n == 0:\n"
                                "        s /= 2.0\n"
                                "    t = (s, n)\n"
                                "    u, v = t\n"
                                "    assert u >= 0.0, f'bad {u:.3f}'\n"
                                "    if v < 0:\n"
                                "        raise ValueError(f'negative {v}')\n"
                                "    return C(u).u + math.hypot(u, 1.0)\n";
  size_t n = sizeof src - 1;
  for (size_t cut = 0; cut <= n; cut++) {
    Env e;
    env_check(&e, src, cut);
    env_fini(&e);
  }
  static const char subst[] = "([:,.)=+ 0a'\"\n]";
  char buf[sizeof src];
  unsigned seed = 12345;
  for (int k = 0; k < 600; k++) {
    memcpy(buf, src, n);
    for (int r = 0; r < 3; r++) {
      seed = seed * 1103515245u + 12345u;
      size_t at = (seed >> 8) % n;
      seed = seed * 1103515245u + 12345u;
      buf[at] = subst[(seed >> 8) % (sizeof subst - 1)];
    }
    Env e;
    env_check(&e, buf, n);
    env_fini(&e);
  }
  checks++;
}

// Keyword fields of a fieldspace constructor become positional, in order;
// a warning (falling off the end) does not fail the check.
static void test_struct_keywords(void) {
  static const char src[] = HDR "@fieldspace\nclass Cell:\n    u: float64\n    n: int64\n"
                                "@kernel\n"
                                "def f(x: float64) -> Cell:\n"
                                "    if x > 0.0:\n"
                                "        return Cell(n=1, u=x)\n";
  Env e;
  env_check(&e, src, sizeof src - 1);
  CHECK(e.ok);
  CHECK(e.ds.nerrors == 0 && e.ds.nwarnings == 1);
  CHECK(strstr(e.diags.data,
               "warning: function 'f' returns Cell but may reach its end without a return"));
  CHECK(
      strstr(e.dump.data,
             "(call (name Cell struct) (name x param : f64) (int 1 : i64) struct : struct@Cell)"));
  env_fini(&e);
}

// A hand-built AST with NULL children where the parser could leave them.
static void test_null_children(void) {
  Env e;
  env_init(&e);
  uint32_t id = srcmgr_add(&e.sm, "h.py", "x\n", 2);
  Arena *a = &e.arena;
  SrcLoc loc = {id, 0, 1};
  Module *m = ARENA_NEW(a, Module);
  m->path = "h.py";
  m->file = id;
  FuncDef *fn = ARENA_NEW(a, FuncDef);
  fn->name = intern_cstr(&e.in, "k");
  fn->loc = fn->name_loc = loc;
  Expr *dec = ARENA_NEW(a, Expr);
  dec->kind = EX_NAME;
  dec->loc = loc;
  dec->name.id = intern_cstr(&e.in, "kernel");
  fn->decorators = ARENA_ARRAY(a, Expr *, 1);
  fn->decorators[0] = dec;
  fn->ndecorators = 1;
  // Statements whose children are all NULL.
  static const StmtKind kinds[] = {ST_EXPR,   ST_ASSIGN, ST_AUGASSIGN, ST_ANNASSIGN,
                                   ST_IF,     ST_WHILE,  ST_FOR,       ST_RETURN,
                                   ST_ASSERT, ST_RAISE,  ST_FUNCDEF,   ST_UNSUPPORTED};
  uint32_t ns = sizeof kinds / sizeof *kinds;
  fn->body.stmts = ARENA_ARRAY(a, Stmt *, ns + 8);
  for (uint32_t i = 0; i < ns; i++) {
    Stmt *s = ARENA_NEW(a, Stmt);
    s->kind = kinds[i];
    s->loc = loc;
    fn->body.stmts[fn->body.n++] = s;
  }
  // Expressions whose children are NULL.
  static const ExprKind ek[] = {EX_ATTR,  EX_SUBSCRIPT, EX_CALL,        EX_BINOP,
                                EX_UNARY, EX_COMPARE,   EX_IFEXP,       EX_BOOLOP,
                                EX_TUPLE, EX_FSTRING,   EX_UNSUPPORTED, EX_SLICE};
  for (uint32_t i = 0; i < sizeof ek / sizeof *ek; i++) {
    Expr *x = ARENA_NEW(a, Expr);
    x->kind = ek[i];
    x->loc = loc;
    if (ek[i] == EX_ATTR) x->attr.attr = intern_cstr(&e.in, "shape");
    Stmt *s = ARENA_NEW(a, Stmt);
    s->kind = ST_EXPR;
    s->loc = loc;
    s->expr = x;
    fn->body.stmts[fn->body.n++] = s;
  }
  vec_push(a, &m->funcs, fn);
  vec_push(a, &m->funcs, (FuncDef *)NULL);
  vec_push(a, &m->classes, (ClassDef *)NULL);
  vec_push(a, &m->toplevel, (Stmt *)NULL);
  bool ok = fe_check(&e.cx, m);
  CHECK(!ok || e.ds.nerrors == 0);
  CHECK(fe_check(&e.cx, NULL) == false);
  env_fini(&e);
}

int main(void) {
  test_clean();
  test_diags();
  test_many_errors();
  test_struct_keywords();
  test_null_children();
  test_robust();
  printf("test_check: %d checks, %d failures\n", checks, failures);
  return failures ? 1 : 0;
}
