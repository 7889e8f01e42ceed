// check_call.c - calls inside compiled functions: other compiled functions
// (arity, argument conversions, return types through ck_need_func),
// builtins (abs min max len int float bool round print), math.* (signature
// table in builtins.c), numpy array creation (empty zeros ones full arange
// with dtype=), numeric casts (pt.float64(x)), @fieldspace constructors,
// exception constructors (raise operands only), and range/prange as for-loop
// iterables. Sets call.ckind, callee_name, callee, exc_kind and e->ty.
#include "check.h"

#include <stdio.h>

static const Type *set(Expr *e, const Type *t) {
  e->ty = t;
  return t;
}

static bool check_args(Checker *ck, Expr *e) {
  bool ok = true;
  for (uint32_t i = 0; i < e->call.nargs; i++) {
    const Type *t = ck_expr(ck, e->call.args[i]);
    if (!t)
      ok = false;
    else if (t->kind == TY_VOID) {
      ck_error(ck, e->call.args[i]->loc,
               "this call returns None; it cannot be passed as an argument");
      ok = false;
    }
  }
  return ok;
}

static bool no_keywords(Checker *ck, Expr *e, const char *what) {
  if (e->call.nkw == 0) return true;
  ck_error(ck, e->call.kw[0].loc, "%s takes no keyword arguments", what);
  return false;
}

static bool arity(Checker *ck, Expr *e, const char *what, uint32_t lo, uint32_t hi) {
  uint32_t n = e->call.nargs;
  if (n >= lo && n <= hi) return true;
  if (lo == hi)
    ck_error(ck, e->loc, "%s takes %u argument%s but %u %s given", what, lo, lo == 1 ? "" : "s", n,
             n == 1 ? "was" : "were");
  else if (hi == UINT32_MAX)
    ck_error(ck, e->loc, "%s takes at least %u argument%s but %u %s given", what, lo,
             lo == 1 ? "" : "s", n, n == 1 ? "was" : "were");
  else
    ck_error(ck, e->loc, "%s takes %u to %u arguments but %u %s given", what, lo, hi, n,
             n == 1 ? "was" : "were");
  return false;
}

static bool scalar_arg(Checker *ck, Expr *a, const char *what) {
  if (!a->ty) return false;
  if (type_is_scalar(a->ty)) return true;
  ck_error(ck, a->loc, "%s needs a number or bool argument, found %s", what, ck_tyname(ck, a->ty));
  return false;
}

// ---- the callee ---------------------------------------------------------------------
static Symbol *callee(Checker *ck, Expr *f) {
  if (!f) return NULL;
  if (f->kind == EX_NAME) {
    Symbol *s = ck_lookup(ck, f->name.id);
    if (!s) {
      ck_expr(ck, f);  // reports undefined / used before assignment
      return NULL;
    }
    f->name.sym = s;
    return s;
  }
  if (f->kind == EX_ATTR) {
    Symbol *m = ck_module_sym(ck, f->attr.value);
    if (m) {
      if (!fe_known_module(m->name)) {
        ck_error(ck, f->loc,
                 "module '%s' is not supported in compiled code (supported: math, numpy, pyc_task)",
                 m->name);
        return NULL;
      }
      Symbol *s = ck_module_member(ck, m->name, f->attr.attr, f->loc);
      if (!s) {
        if (strcmp(m->name, "math") == 0)
          ck_error(ck, f->loc, "unknown math function 'math.%s'", f->attr.attr);
        else if (strcmp(m->name, "numpy") == 0)
          ck_error(ck, f->loc,
                   "numpy function 'np.%s' is not supported in compiled code (supported: np.empty, "
                   "np.zeros, np.ones, np.full, np.arange; math.* for scalars)",
                   f->attr.attr);
        else
          ck_error(ck, f->loc, "'%s.%s' is not supported in compiled code", m->name, f->attr.attr);
        return NULL;
      }
      f->attr.akind = ATTR_MODULE;
      f->attr.sym = s;
      return s;
    }
    const Type *vt = ck_expr(ck, f->attr.value);
    if (vt)
      ck_error(ck, f->loc,
               "method calls are not supported in compiled code ('.%s()' on a %s value)",
               f->attr.attr, ck_tyname(ck, vt));
    return NULL;
  }
  ck_error(ck, f->loc, "only named functions can be called in compiled code");
  return NULL;
}

// ---- user functions ----------------------------------------------------------------------
static const Type *user_call(Checker *ck, Expr *e, FuncDef *g) {
  bool ok = check_args(ck, e);
  if (g->fkind == FN_PLAIN) {
    Diag *d = ck_error(ck, e->call.func->loc,
                       "'%s' is not a compiled function; decorate it with @kernel to call it from "
                       "compiled code",
                       g->name);
    ck_note(ck, d, g->name_loc, "'%s' is defined here", g->name);
    return set(e, NULL);
  }
  e->call.ckind = CALL_FUNC;
  e->call.callee = g;
  e->call.callee_name = g->name;
  if (e->call.nkw) {
    ck_error(ck, e->call.kw[0].loc,
             "keyword arguments to compiled function '%s' are not supported; pass the arguments "
             "positionally",
             g->name);
    ok = false;
  }
  if (e->call.nkw) {
    // arity and types are not checked: the keywords already failed
  } else if (e->call.nargs != g->nparams) {
    Diag *d =
        ck_error(ck, e->loc, "'%s' takes %u argument%s but %u %s given", g->name, g->nparams,
                 g->nparams == 1 ? "" : "s", e->call.nargs, e->call.nargs == 1 ? "was" : "were");
    ck_note(ck, d, g->name_loc, "'%s' is defined here", g->name);
    ok = false;
  } else {
    for (uint32_t i = 0; i < e->call.nargs; i++) {
      Expr *a = e->call.args[i];
      const Type *pt = g->params[i].ty;
      if (!a || !a->ty || !pt) continue;
      if (ck_convertible(ck, a, a->ty, pt, false)) {
        if (a->kind == EX_TUPLE) a->ty = pt;  // literal elements convert one by one
        continue;
      }
      bool narrowing = type_is_scalar(a->ty) && type_is_scalar(pt);
      Diag *d =
          ck_error(ck, a->loc, "argument %u of '%s' has type %s, but parameter '%s' is %s%s", i + 1,
                   g->name, ck_tyname(ck, a->ty), g->params[i].name, ck_tyname(ck, pt),
                   narrowing ? " (narrowing conversions are not implicit; convert explicitly, "
                               "e.g. int(x) or pt.int32(x))"
                             : "");
      ck_note(ck, d, g->params[i].loc, "parameter '%s' is declared here", g->params[i].name);
      ok = false;
    }
  }
  if (!ck_need_func(ck, g)) {
    if (!g->checked && !g->ret_annot && ck_check_nesting(ck) >= FE_MAX_CHECK_NESTING) {
      Diag *d = ck_error(ck, e->loc,
                         "the return type of '%s' is not known at this call: inferring it "
                         "needs more than %d nested function checks; annotate it "
                         "(def %s(...) -> float64)",
                         g->name, FE_MAX_CHECK_NESTING, g->name);
      ck_note(ck, d, g->name_loc, "'%s' is defined here", g->name);
    } else if (!g->checked && !g->ret_annot) {  // (a failed annotation was reported already)
      Diag *d =
          ck_error(ck, e->loc,
                   "the return type of recursive function '%s' is not known at this call; "
                   "annotate it (def %s(...) -> float64) or put a non-recursive return before "
                   "the recursive call",
                   g->name, g->name);
      ck_note(ck, d, g->name_loc, "'%s' is defined here", g->name);
    }
    return set(e, NULL);
  }
  for (FnState *f = ck->fs; f; f = f->outer)
    if (f->fn == g) f->ret_used = true;
  if (g->fkind == FN_TASK) {  // calling a task launches it (check_task.c, lower_task.c)
    if (g->top_level) {
      ck_error(ck, e->loc, "top-level task '%s' cannot be called from compiled code", g->name);
      return set(e, NULL);
    }
    e->call.ckind = CALL_LAUNCH;
    if (!ok || !g->ret_ty) return set(e, NULL);
    if (g->ret_ty->kind != TY_VOID && !type_is_scalar(g->ret_ty)) {
      ck_error(ck, e->loc, "task '%s' returns %s; a launched task returns a scalar or None", g->name,
               ck_tyname(ck, g->ret_ty));
      return set(e, NULL);
    }
    return set(e, g->ret_ty->kind == TY_VOID ? g->ret_ty : type_future(ck->tt, g->ret_ty));
  }
  return set(e, ok ? g->ret_ty : NULL);
}

// ---- builtins --------------------------------------------------------------------------------
static const Type *promote_all(Checker *ck, Expr *e) {
  const Type *t = NULL;
  Expr *prev = NULL;
  for (uint32_t i = 0; i < e->call.nargs; i++) {
    Expr *a = e->call.args[i];
    if (!t) {
      t = a->ty;
      prev = a;
      continue;
    }
    t = ck_promote_weak(ck, prev, t, a, a->ty);
    prev = NULL;  // the accumulated type is not a literal any more
  }
  if (t && t->kind == TY_BOOL && e->call.nargs > 1) return t;
  return t;
}

// A value print() and f-strings write: a scalar, or a tuple of them (nested
// too), as CPython's str() (a point from a region's index space or a point
// field).
bool ck_printable(const Type *t) {
  if (type_is_scalar(t)) return true;
  if (t->kind != TY_TUPLE) return false;  // () prints as ()
  for (uint32_t i = 0; i < t->nelems; i++)
    if (!ck_printable(t->elems[i])) return false;
  return true;
}

static const Type *print_call(Checker *ck, Expr *e) {
  e->call.ckind = CALL_BUILTIN;
  e->call.callee_name = intern_cstr(ck->fe->strs, "print");
  for (uint32_t i = 0; i < e->call.nargs; i++) {
    Expr *a = e->call.args[i];
    if (!a) continue;
    if (a->kind == EX_STR) {
      a->ty = ck->tt->t_str;
      continue;
    }
    if (a->kind == EX_FSTRING) {
      ck_fstring(ck, a);
      continue;
    }
    const Type *t = ck_expr(ck, a);
    if (t && !ck_printable(t))
      ck_error(ck, a->loc,
               "print() in compiled code takes numbers, bools, tuples of them, string literals "
               "and f-strings; found %s",
               ck_tyname(ck, t));
  }
  for (uint32_t i = 0; i < e->call.nkw; i++) {
    Keyword *k = &e->call.kw[i];
    if (k->name && (strcmp(k->name, "sep") == 0 || strcmp(k->name, "end") == 0)) {
      if (k->value && k->value->kind == EX_STR) {
        k->value->ty = ck->tt->t_str;
        continue;
      }
      ck_error(ck, k->value ? k->value->loc : k->loc, "print(%s=...) must be a string literal",
               k->name);
    } else if (k->name && strcmp(k->name, "flush") == 0) {
      if (k->value && k->value->kind == EX_BOOL) {
        k->value->ty = ck->tt->t_bool;
        continue;
      }
      ck_error(ck, k->value ? k->value->loc : k->loc, "print(flush=...) must be True or False");
    } else {
      ck_error(ck, k->loc,
               "print() in compiled code supports only the sep=, end= and flush= keywords");
    }
  }
  return set(e, ck->tt->t_void);
}

static const Type *math_call(Checker *ck, Expr *e, const char *canon) {
  const MathFn *m = fe_math_fn(canon + 5);
  bool ok = check_args(ck, e);
  if (!arity(ck, e, canon, m->nmin, m->nmax == 255 ? UINT32_MAX : m->nmax)) ok = false;
  size_t ncodes = strlen(m->args);
  for (uint32_t i = 0; ok && i < e->call.nargs; i++) {
    Expr *a = e->call.args[i];
    char code = m->args[i < ncodes ? i : ncodes - 1];
    if (!scalar_arg(ck, a, canon)) {
      ok = false;
    } else if (code == 'I' && a->ty->kind == TY_FLOAT) {
      ck_error(ck, a->loc, "%s() needs integer arguments, found %s", canon, ck_tyname(ck, a->ty));
      ok = false;
    }
  }
  for (uint32_t i = 0; i < e->call.nkw; i++) {
    Keyword *k = &e->call.kw[i];
    if (strcmp(canon, "math.isclose") == 0 && k->name && k->value &&
        (strcmp(k->name, "rel_tol") == 0 || strcmp(k->name, "abs_tol") == 0)) {
      const Type *t = ck_expr(ck, k->value);
      if (t && !type_is_scalar(t)) {
        ck_error(ck, k->value->loc, "%s= needs a number, found %s", k->name, ck_tyname(ck, t));
        ok = false;
      }
      continue;
    }
    ck_error(ck, k->loc, "%s() takes no keyword argument '%s'", canon, k->name ? k->name : "?");
    ok = false;
  }
  e->call.ckind = CALL_BUILTIN;
  e->call.callee_name = canon;
  if (!ok) return set(e, NULL);
  TypeTable *tt = ck->tt;
  switch (m->ret) {
  case MR_F64: return set(e, tt->t_f64);
  case MR_I64: return set(e, tt->t_i64);
  case MR_BOOL: return set(e, tt->t_bool);
  case MR_FREXP: {
    const Type *el[2] = {tt->t_f64, tt->t_i64};
    return set(e, type_tuple(tt, el, 2));
  }
  case MR_MODF: {
    const Type *el[2] = {tt->t_f64, tt->t_f64};
    return set(e, type_tuple(tt, el, 2));
  }
  default: return set(e, e->call.args[0]->ty);
  }
}

// Rank of a shape argument: an int, a tuple/list of ints, or a tuple value
// of ints (a.shape). 0 after a diagnostic.
static unsigned shape_rank(Checker *ck, Expr *s) {
  if (!s) return 0;
  if (s->kind == EX_TUPLE || s->kind == EX_LIST) {
    const Type *el[8];
    if (s->seq.n == 0 || s->seq.n > 8) {
      ck_error(ck, s->loc, "array shapes have 1 to 8 dimensions");
      return 0;
    }
    for (uint32_t i = 0; i < s->seq.n; i++) {
      const Type *t = ck_expr(ck, s->seq.xs[i]);
      if (!t) return 0;
      if (t->kind != TY_INT && t->kind != TY_BOOL) {
        ck_error(ck, s->seq.xs[i]->loc, "array dimensions must be integers, found %s",
                 ck_tyname(ck, t));
        return 0;
      }
      el[i] = t;
    }
    s->ty = type_tuple(ck->tt, el, s->seq.n);
    return s->seq.n;
  }
  const Type *t = ck_expr(ck, s);
  if (!t) return 0;
  if (t->kind == TY_INT) return 1;
  if (t->kind == TY_TUPLE && t->nelems >= 1 && t->nelems <= 8) {
    for (uint32_t i = 0; i < t->nelems; i++)
      if (t->elems[i]->kind != TY_INT) goto bad;
    return t->nelems;
  }
bad:
  ck_error(ck, s->loc, "an array shape is an integer or a tuple of integers, found %s",
           ck_tyname(ck, t));
  return 0;
}

static const Type *dtype_of(Checker *ck, Expr *d, bool *bad) {
  if (!d) {
    *bad = true;
    return NULL;
  }
  const Type *t = ck_scalar_type_expr(ck, d);
  if (!t) {
    ck_error(ck, d->loc,
             "unsupported dtype '%s'; use a numeric type such as np.float64, np.int64, np.int32, "
             "pt.float32, float, int or bool",
             ck_src(ck, d->loc));
    *bad = true;
  }
  return t;
}

static const Type *numpy_call(Checker *ck, Expr *e, const char *canon) {
  const char *fn = canon + 6;
  e->call.ckind = CALL_BUILTIN;
  e->call.callee_name = canon;
  bool is_full = strcmp(fn, "full") == 0, is_arange = strcmp(fn, "arange") == 0;
  bool bad = false;
  Expr *shape = NULL, *fill = NULL, *dtype = NULL;
  // positional: empty/zeros/ones(shape, dtype), full(shape, fill, dtype), arange(a, b, c)
  uint32_t npos = e->call.nargs;
  if (!is_arange) {
    uint32_t maxpos = is_full ? 3 : 2;
    if (npos > maxpos) {
      ck_error(ck, e->call.args[maxpos] ? e->call.args[maxpos]->loc : e->loc,
               "np.%s takes at most %u positional arguments", fn, maxpos);
      return set(e, NULL);
    }
    if (npos > 0) shape = e->call.args[0];
    if (is_full && npos > 1) fill = e->call.args[1];
    if (npos == maxpos) dtype = e->call.args[maxpos - 1];
  }
  for (uint32_t i = 0; i < e->call.nkw; i++) {
    Keyword *k = &e->call.kw[i];
    if (!k->name) continue;
    if (strcmp(k->name, "dtype") == 0)
      dtype = k->value;
    else if (!is_arange && strcmp(k->name, "shape") == 0)
      shape = k->value;
    else if (is_full && strcmp(k->name, "fill_value") == 0)
      fill = k->value;
    else {
      ck_error(ck, k->loc, "np.%s() keyword '%s' is not supported (supported: dtype=)", fn,
               k->name);
      bad = true;
    }
  }
  const Type *el = dtype ? dtype_of(ck, dtype, &bad) : NULL;
  if (is_arange) {
    if (!arity(ck, e, "np.arange", 1, 3) || !check_args(ck, e)) return set(e, NULL);
    bool any_float = false;
    for (uint32_t i = 0; i < npos; i++) {
      Expr *a = e->call.args[i];
      if (!scalar_arg(ck, a, "np.arange")) return set(e, NULL);
      any_float |= a->ty->kind == TY_FLOAT;
    }
    if (bad) return set(e, NULL);
    if (!el) el = any_float ? ck->tt->t_f64 : ck->tt->t_i64;
    return set(e, type_array(ck->tt, el, 1, true));
  }
  if (!shape) {
    ck_error(ck, e->loc, "np.%s needs a shape argument: np.%s(n) or np.%s((n, m))", fn, fn, fn);
    return set(e, NULL);
  }
  unsigned nd = shape_rank(ck, shape);
  if (is_full) {
    if (!fill) {
      ck_error(ck, e->loc, "np.full needs a fill value: np.full(shape, value)");
      return set(e, NULL);
    }
    const Type *ft = ck_expr(ck, fill);
    if (!ft || !scalar_arg(ck, fill, "np.full")) return set(e, NULL);
    if (!el)
      el = ft;
    else if (!ck_convertible(ck, fill, ft, el, true)) {
      ck_error(ck, fill->loc, "np.full fill value of type %s does not convert to dtype %s",
               ck_tyname(ck, ft), ck_tyname(ck, el));
      return set(e, NULL);
    }
  }
  if (!nd || bad) return set(e, NULL);
  if (!el) el = ck->tt->t_f64;
  return set(e, type_array(ck->tt, el, nd, true));
}

static const Type *builtin_call(Checker *ck, Expr *e, Symbol *s) {
  const char *n = s->name;
  TypeTable *tt = ck->tt;
  if (strcmp(n, "print") == 0) return print_call(ck, e);
  if (strncmp(n, "math.", 5) == 0 && fe_math_fn(n + 5)) return math_call(ck, e, n);
  if (strncmp(n, "numpy.", 6) == 0 &&
      (strcmp(n + 6, "empty") == 0 || strcmp(n + 6, "zeros") == 0 || strcmp(n + 6, "ones") == 0 ||
       strcmp(n + 6, "full") == 0 || strcmp(n + 6, "arange") == 0))
    return numpy_call(ck, e, n);
  if (strcmp(n, "pyc_task.wtime") == 0) {  // seconds from a monotonic clock
    e->call.ckind = CALL_BUILTIN;
    e->call.callee_name = n;
    if (!no_keywords(ck, e, "pt.wtime()") || !arity(ck, e, "pt.wtime()", 0, 0)) return set(e, NULL);
    return set(e, tt->t_f64);
  }
  if (strcmp(n, "range") == 0 || strcmp(n, "pyc_task.prange") == 0) {
    check_args(ck, e);
    ck_error(ck, e->loc, "%s() can only be used as the iterable of a for loop",
             n[0] == 'r' ? "range" : "prange");
    return set(e, NULL);
  }
  bool known = strcmp(n, "abs") == 0 || strcmp(n, "min") == 0 || strcmp(n, "max") == 0 ||
               strcmp(n, "len") == 0 || strcmp(n, "int") == 0 || strcmp(n, "float") == 0 ||
               strcmp(n, "bool") == 0 || strcmp(n, "round") == 0;
  if (!known) {
    check_args(ck, e);
    if (strncmp(n, "pyc_task.", 9) == 0 &&
        (strstr(n, "kernel") || strstr(n, "task") || strstr(n, "fieldspace")))
      ck_error(ck, e->loc, "'%s' is a decorator; it cannot be called in compiled code", n);
    else
      ck_error(ck, e->loc, "'%s' is not supported in compiled code", n);
    return set(e, NULL);
  }
  e->call.ckind = CALL_BUILTIN;
  e->call.callee_name = n;
  bool ok = check_args(ck, e);
  ok &= no_keywords(ck, e, n);
  if (strcmp(n, "min") == 0 || strcmp(n, "max") == 0) {
    if (e->call.nargs < 2) {
      ck_error(ck, e->loc,
               "%s() in compiled code takes 2 or more numbers (%s() of an array or iterable is not "
               "supported yet)",
               n, n);
      return set(e, NULL);
    }
    for (uint32_t i = 0; ok && i < e->call.nargs; i++) ok &= scalar_arg(ck, e->call.args[i], n);
    return set(e, ok ? promote_all(ck, e) : NULL);
  }
  if (strcmp(n, "round") == 0) {
    if (!arity(ck, e, "round()", 1, 2) || !ok) return set(e, NULL);
    if (!scalar_arg(ck, e->call.args[0], "round()")) return set(e, NULL);
    if (e->call.nargs == 2) {
      Expr *nd = e->call.args[1];
      if (nd->ty->kind != TY_INT && nd->ty->kind != TY_BOOL) {
        ck_error(ck, nd->loc, "round() ndigits must be an integer, found %s",
                 ck_tyname(ck, nd->ty));
        return set(e, NULL);
      }
      int64_t k;
      if (e->call.args[0]->ty->kind != TY_FLOAT && !(ck_const_int(nd, &k) && k >= 0)) {
        ck_error(ck, nd->loc,
                 "round() of an integer takes no ndigits, or a non-negative literal (which changes "
                 "nothing); for other ndigits round a float");
        return set(e, NULL);
      }
      return set(e, e->call.args[0]->ty->kind == TY_FLOAT ? tt->t_f64 : tt->t_i64);
    }
    return set(e, tt->t_i64);
  }
  if (!arity(ck, e, n, 1, 1) || !ok) return set(e, NULL);
  Expr *a = e->call.args[0];
  if (strcmp(n, "len") == 0) {
    if (a->ty->kind != TY_ARRAY && a->ty->kind != TY_PARTITION &&
        a->ty->kind != TY_COLORSPACE) {  // len(P), len(P.color_space), len(cs)
      ck_error(ck, a->loc, "len() in compiled code needs an array, found %s", ck_tyname(ck, a->ty));
      return set(e, NULL);
    }
    return set(e, tt->t_i64);
  }
  if (!scalar_arg(ck, a, n)) return set(e, NULL);
  if (strcmp(n, "abs") == 0) return set(e, a->ty->kind == TY_BOOL ? tt->t_i64 : a->ty);
  if (strcmp(n, "int") == 0) return set(e, tt->t_i64);
  if (strcmp(n, "float") == 0) return set(e, tt->t_f64);
  return set(e, tt->t_bool);
}

// ---- casts, structs, exceptions --------------------------------------------------------------
static const Type *cast_call(Checker *ck, Expr *e, Symbol *s) {
  bool ok = check_args(ck, e) && no_keywords(ck, e, ck_src(ck, e->call.func->loc));
  if (!s->ty || !type_is_scalar(s->ty)) {  // int2d(...): a point is a tuple, (x, y)
    ck_error(ck, e->loc, "'%s' cannot be called in compiled code%s", ck_src(ck, e->call.func->loc),
             s->ty ? "; a point is written as a tuple: (x, y)" : "");
    return set(e, NULL);
  }
  if (!arity(ck, e, ck_src(ck, e->call.func->loc), 1, 1) || !ok) return set(e, NULL);
  if (!scalar_arg(ck, e->call.args[0], ck_src(ck, e->call.func->loc))) return set(e, NULL);
  e->call.ckind = CALL_CAST;
  e->call.callee_name = s->name;
  return set(e, s->ty);
}

// Does evaluating `e` call anything (so its order relative to others matters)?
static bool has_call(const Expr *e) {
  if (!e) return false;
  switch (e->kind) {
  case EX_CALL: return true;
  case EX_BINOP: return has_call(e->bin.l) || has_call(e->bin.r);
  case EX_UNARY: return has_call(e->un.x);
  case EX_IFEXP:
    return has_call(e->ifexp.cond) || has_call(e->ifexp.then) || has_call(e->ifexp.els);
  case EX_ATTR: return has_call(e->attr.value);
  case EX_BOOLOP:
    for (uint32_t i = 0; i < e->boolop.n; i++)
      if (has_call(e->boolop.xs[i])) return true;
    return false;
  case EX_COMPARE:
    if (has_call(e->cmp.first)) return true;
    for (uint32_t i = 0; i < e->cmp.n; i++)
      if (has_call(e->cmp.rest[i])) return true;
    return false;
  case EX_TUPLE:
  case EX_LIST:
    for (uint32_t i = 0; i < e->seq.n; i++)
      if (has_call(e->seq.xs[i])) return true;
    return false;
  case EX_SUBSCRIPT:
    if (has_call(e->sub.value)) return true;
    for (uint32_t i = 0; i < e->sub.n; i++)
      if (has_call(e->sub.index[i])) return true;
    return false;
  default: return false;
  }
}

// Cell(u=1.0, v=2.0): keyword fields become positional arguments in
// declaration order (CALL_STRUCT's contract). Values that call functions
// must already be in that order, so evaluation order stays Python's.
static bool struct_keywords(Checker *ck, Expr *e, const Type *st) {
  uint32_t n = st->nelems;
  Expr **args = ARENA_ARRAY(ck->fe->arena, Expr *, n ? n : 1);
  for (uint32_t i = 0; i < e->call.nargs && i < n; i++) args[i] = e->call.args[i];
  if (e->call.nargs > n) return true;  // arity reports it
  bool ok = true, in_order = true;
  int last = -1;
  for (uint32_t k = 0; k < e->call.nkw; k++) {
    Keyword *kw = &e->call.kw[k];
    int f = kw->name ? type_struct_field(st, kw->name) : -1;
    if (f < 0) {
      ck_error(ck, kw->loc, "'%s' has no field '%s'", st->name, kw->name ? kw->name : "?");
      ok = false;
      continue;
    }
    if (args[f]) {
      ck_error(ck, kw->loc, "field '%s' of '%s' is given twice", kw->name, st->name);
      ok = false;
      continue;
    }
    const Type *t = ck_expr(ck, kw->value);
    if (!t) ok = false;
    args[f] = kw->value;
    if (f < last) in_order = false;
    last = f;
  }
  if (!ok) return false;
  for (uint32_t i = 0; i < n; i++)
    if (!args[i]) {
      ck_error(ck, e->loc, "'%s' needs a value for field '%s'", st->name, st->field_names[i]);
      return false;
    }
  if (!in_order)
    for (uint32_t k = 0; k < e->call.nkw; k++)
      if (has_call(e->call.kw[k].value)) {
        ck_error(ck, e->call.kw[k].loc,
                 "keyword fields whose values call functions must be given in declaration order");
        return false;
      }
  e->call.args = args;
  e->call.nargs = n;
  e->call.nkw = 0;
  return true;
}

static const Type *struct_call(Checker *ck, Expr *e, Symbol *s) {
  bool ok = check_args(ck, e);
  if (!s->ty) {
    if (s->index != 1)
      ck_error(
          ck, e->call.func->loc,
          "class '%s' is not a @fieldspace class; only @fieldspace classes can be constructed in "
          "compiled code",
          s->name);
    return set(e, NULL);
  }
  const Type *st = s->ty;
  e->call.ckind = CALL_STRUCT;
  e->call.callee_name = st->name;
  if (e->call.nkw && !struct_keywords(ck, e, st)) return set(e, NULL);
  if (!arity(ck, e, st->name, st->nelems, st->nelems) || !ok) return set(e, NULL);
  for (uint32_t i = 0; i < e->call.nargs; i++) {
    Expr *a = e->call.args[i];
    if (!ck_convertible(ck, a, a->ty, st->elems[i], false)) {
      ck_error(ck, a->loc, "field '%s' of '%s' is %s, but the argument has type %s",
               st->field_names[i], st->name, ck_tyname(ck, st->elems[i]), ck_tyname(ck, a->ty));
      ok = false;
    }
  }
  return set(e, ok ? st : NULL);
}

static const Type *exception_call(Checker *ck, Expr *e, Symbol *s, bool raise_operand) {
  e->call.ckind = CALL_EXCEPTION;
  e->call.callee_name = s->name;
  e->call.exc_kind = (int)s->index;
  if (!raise_operand) {
    ck_error(ck, e->loc,
             "exception objects can only be raised in compiled code: raise %s(\"message\")",
             s->name);
    return set(e, NULL);
  }
  no_keywords(ck, e, s->name);
  if (e->call.nargs > 1) {
    ck_error(ck, e->call.args[1] ? e->call.args[1]->loc : e->loc,
             "%s() in compiled code takes one message (a string or f-string)", s->name);
    return set(e, NULL);
  }
  if (e->call.nargs == 1) ck_message(ck, e->call.args[0], "an exception");
  return set(e, ck->tt->t_void);
}

const Type *ck_call(Checker *ck, Expr *e, bool raise_operand) {
  bool handled;
  const Type *mt = ck_task_method(ck, e, &handled);  // f.get()
  if (handled) return mt;
  Symbol *s = callee(ck, e->call.func);
  if (s && s->kind == SYM_BUILTIN && s->name) {
    const Type *bt = ck_task_builtin(ck, e, s->name, &handled);  // Region, fill, copy
    if (handled) return bt;
  }
  if (!s) {
    for (uint32_t i = 0; i < e->call.nargs; i++)
      if (e->call.args[i] && e->call.args[i]->kind != EX_STR && e->call.args[i]->kind != EX_FSTRING)
        ck_expr(ck, e->call.args[i]);
    return set(e, NULL);
  }
  switch (s->kind) {
  case SYM_FUNC: return user_call(ck, e, s->func);
  case SYM_BUILTIN: return builtin_call(ck, e, s);
  case SYM_TYPE: return cast_call(ck, e, s);
  case SYM_STRUCT: return struct_call(ck, e, s);
  case SYM_EXCEPTION: return exception_call(ck, e, s, raise_operand);
  case SYM_MODULE: ck_error(ck, e->call.func->loc, "module '%s' is not callable", s->name); break;
  default:
    ck_error(ck, e->call.func->loc, "'%s' is a %s value; it cannot be called",
             ck_src(ck, e->call.func->loc), ck_tyname(ck, s->ty));
    break;
  }
  check_args(ck, e);
  return set(e, NULL);
}

// ---- range / prange as a for-loop iterable -------------------------------------------------------
bool ck_range_call(Checker *ck, Expr *e, bool *is_range) {
  *is_range = false;
  if (!e || e->kind != EX_CALL) return false;
  Expr *f = e->call.func;
  Symbol *s = NULL;
  if (f && f->kind == EX_NAME) {
    s = ck_lookup(ck, f->name.id);
    if (s) f->name.sym = s;
  } else if (f && f->kind == EX_ATTR) {
    Symbol *m = ck_module_sym(ck, f->attr.value);
    if (m && fe_known_module(m->name)) {
      s = ck_module_member(ck, m->name, f->attr.attr, f->loc);
      if (s) {
        f->attr.akind = ATTR_MODULE;
        f->attr.sym = s;
      }
    }
  }
  if (!s || s->kind != SYM_BUILTIN ||
      (strcmp(s->name, "range") != 0 && strcmp(s->name, "pyc_task.prange") != 0))
    return false;
  *is_range = true;
  const char *what = s->name[0] == 'r' ? "range()" : "prange()";
  e->call.ckind = CALL_BUILTIN;
  e->call.callee_name = s->name;
  bool ok = check_args(ck, e);
  ok &= no_keywords(ck, e, what);  // both run: each reports its own errors
  if (!arity(ck, e, what, 1, 3)) ok = false;
  for (uint32_t i = 0; ok && i < e->call.nargs; i++) {
    Expr *a = e->call.args[i];
    if (a->ty->kind != TY_INT && a->ty->kind != TY_BOOL) {
      ck_error(ck, a->loc, "%s arguments must be integers, found %s", what, ck_tyname(ck, a->ty));
      ok = false;
    }
  }
  e->ty = ok ? ck->tt->t_i64 : NULL;  // the element type
  return ok;
}
