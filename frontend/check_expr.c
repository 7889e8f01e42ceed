// check_expr.c - types of expressions inside compiled functions: literals,
// names, attributes, subscripts, operators (numpy promotion with Python's
// int/float literals weak, NEP 50), comparisons, and/or, conditional
// expressions, tuples, f-strings. Calls are in check_call.c. Each function
// sets e->ty (NULL after an error) and the kind fields of ast.h; users of a
// NULL operand stay quiet so one mistake gives one diagnostic.
#include "check.h"

#include <stdio.h>

#include "pyc/runtime.h"

static const Type *set(Expr *e, const Type *t) {
  e->ty = t;
  return t;
}

static const Expr *strip_sign(const Expr *e) {
  while (e && e->kind == EX_UNARY && (e->un.op == UN_NEG || e->un.op == UN_POS)) e = e->un.x;
  return e;
}

bool ck_is_weak_int(const Expr *e) {
  e = strip_sign(e);
  return e && e->kind == EX_INT;
}

bool ck_is_weak_float(const Expr *e) {
  e = strip_sign(e);
  return e && e->kind == EX_FLOAT;
}

// Value of a (possibly negated) int literal; false if not one or too big.
bool ck_const_int(const Expr *e, int64_t *v) {
  bool neg = false;
  while (e && e->kind == EX_UNARY && (e->un.op == UN_NEG || e->un.op == UN_POS)) {
    if (e->un.op == UN_NEG) neg = !neg;
    e = e->un.x;
  }
  if (!e || e->kind != EX_INT || e->int_overflow) return false;
  if (e->ival > (uint64_t)INT64_MAX) {
    if (neg && e->ival == (uint64_t)INT64_MAX + 1) {
      *v = INT64_MIN;
      return true;
    }
    return false;
  }
  *v = neg ? -(int64_t)e->ival : (int64_t)e->ival;
  return true;
}

static bool fits(const Type *t, int64_t v) {
  if (t->kind != TY_INT) return t->kind == TY_FLOAT;
  if (t->is_signed) {
    if (t->bits == 64) return true;
    int64_t lim = (int64_t)1 << (t->bits - 1);
    return v >= -lim && v < lim;
  }
  if (v < 0) return false;
  return t->bits == 64 || v < ((int64_t)1 << t->bits);
}

// ---- promotion --------------------------------------------------------------------
// Type both operands convert to, Python literals weak (NEP 50): `x_i32 + 1`
// is int32, `x_f32 * 2.0` is float32; a literal that does not fit the other
// operand's int type promotes normally.
const Type *ck_promote_weak(Checker *ck, const Expr *l, const Type *lt, const Expr *r,
                            const Type *rt) {
  bool lw = ck_is_weak_int(l) || ck_is_weak_float(l);
  bool rw = ck_is_weak_int(r) || ck_is_weak_float(r);
  if (lw != rw) {
    const Expr *w = lw ? l : r;
    const Type *other = lw ? rt : lt, *wt = lw ? lt : rt;
    if (ck_is_weak_int(w)) {
      int64_t v;
      if (other->kind == TY_FLOAT) return other;
      if (other->kind == TY_INT && ck_const_int(w, &v) && fits(other, v)) return other;
    } else if (other->kind == TY_FLOAT) {
      return other;
    }
    return type_promote(ck->tt, wt, other);
  }
  return type_promote(ck->tt, lt, rt);
}

// ---- conversions ----------------------------------------------------------------------
bool ck_convertible(Checker *ck, const Expr *e, const Type *from, const Type *to, bool lenient) {
  if (!from || !to || from == to) return true;
  if (type_is_scalar(from) && type_is_scalar(to)) {
    int64_t v;
    if (e && ck_is_weak_int(e) && ck_const_int(e, &v) &&
        (to->kind == TY_FLOAT || (to->kind == TY_INT && fits(to, v))))
      return true;
    if (e && ck_is_weak_float(e) && to->kind == TY_FLOAT) return true;
    switch (to->kind) {
    case TY_FLOAT:
      if (from->kind != TY_FLOAT) return true;  // bool/int -> float
      return from->bits < to->bits || lenient;  // float32 -> float64
    case TY_INT:
      if (from->kind == TY_BOOL) return true;
      if (from->kind == TY_FLOAT) return false;
      if (lenient) return true;  // numpy stores wrap
      if (from->is_signed == to->is_signed) return from->bits < to->bits;
      return !from->is_signed && to->is_signed && from->bits < to->bits;
    default: return false;  // -> bool only from bool
    }
  }
  if (from->kind == TY_ARRAY && to->kind == TY_ARRAY)
    return from->elem == to->elem && from->ndim == to->ndim && (from->contig || !to->contig);
  if (from->kind == TY_TUPLE && to->kind == TY_TUPLE && e && e->kind == EX_TUPLE &&
      from->nelems == to->nelems) {
    for (uint32_t i = 0; i < from->nelems; i++)
      if (!ck_convertible(ck, e->seq.xs[i], from->elems[i], to->elems[i], lenient)) return false;
    return true;
  }
  return false;
}

// ---- names ------------------------------------------------------------------------
static Symbol *builtin_name(Checker *ck, const char *name, SrcLoc loc) {
  static const char *const fns[] = {"abs",   "min",  "max",   "len",   "range", "int",
                                    "float", "bool", "round", "print", NULL};
  for (int i = 0; fns[i]; i++)
    if (strcmp(fns[i], name) == 0) return ck_sym_new(ck, SYM_BUILTIN, name, NULL, loc);
  int k = fe_exception_kind(name);
  if (k >= 0) {
    Symbol *s = ck_sym_new(ck, SYM_EXCEPTION, name, NULL, loc);
    s->index = (uint32_t)k;
    return s;
  }
  if (strcmp(name, "prange") == 0)
    return ck_sym_new(ck, SYM_BUILTIN, intern_cstr(ck->fe->strs, "pyc_task.prange"), NULL, loc);
  const Type *t = fe_scalar_name(ck->tt, name);
  if (t) return ck_sym_new(ck, SYM_TYPE, name, t, loc);
  return NULL;
}

Symbol *ck_lookup(Checker *ck, const char *name) {
  FnState *fs = ck->fs;
  if (fs) {
    Symbol *l = ck_local_find(ck, name);
    if (l) return l;
    for (uint32_t i = 0; i < fs->fn->nparams; i++)
      if (fs->params[i] && fs->params[i]->name == name) return fs->params[i];
    if (ck_first_assigned(ck, name)) return NULL;  // local, not assigned yet
  }
  Symbol *s = ck_global(ck, name);
  if (s) return s;
  return builtin_name(ck, name, (SrcLoc){SRC_NONE, 0, 0});
}

// The module a name refers to (SYM_MODULE), without diagnostics.
Symbol *ck_module_sym(Checker *ck, Expr *e) {
  if (!e) return NULL;
  if (e->kind == EX_NAME) {
    Symbol *s = ck_lookup(ck, e->name.id);
    if (s && s->kind == SYM_MODULE) {
      e->name.sym = s;
      return s;
    }
  }
  if (e->kind == EX_ATTR && e->attr.attr && strcmp(e->attr.attr, "types") == 0) {
    Symbol *m = ck_module_sym(ck, e->attr.value);
    if (m && strcmp(m->name, "pyc_task") == 0) {
      Symbol *s = ck_module_member(ck, "pyc_task", "types", e->loc);
      e->attr.akind = ATTR_MODULE;
      e->attr.sym = s;
      return s;
    }
  }
  return NULL;
}

static void not_assigned_yet(Checker *ck, Expr *e, Expr *first) {
  Diag *d = ck_error(ck, e->loc, "variable '%s' is used before it is assigned", e->name.id);
  ck_note(ck, d, first->loc, "'%s' is first assigned here", e->name.id);
}

static const Type *value_of_symbol(Checker *ck, Expr *e, Symbol *s, const char *shown) {
  switch (s->kind) {
  case SYM_LOCAL:
  case SYM_PARAM:
    for (uint32_t i = 0; i < ck->poisoned.len; i++)
      if (ck->poisoned.data[i] == s) return set(e, NULL);
    return set(e, s->ty);
  case SYM_CONST: return set(e, s->ty);
  case SYM_FUNC:
    ck_error(ck, e->loc,
             "function '%s' cannot be used as a value in compiled code; only calls are supported",
             shown);
    break;
  case SYM_MODULE:
    if (!fe_known_module(s->name))
      ck_error(ck, e->loc,
               "module '%s' is not supported in compiled code (supported: math, numpy, pyc_task)",
               s->name);
    else
      ck_error(ck, e->loc, "module '%s' cannot be used as a value", shown);
    break;
  case SYM_BUILTIN:
    ck_error(ck, e->loc, "'%s' is a function; it cannot be used as a value in compiled code",
             shown);
    break;
  case SYM_TYPE:
    ck_error(ck, e->loc, "type '%s' cannot be used as a value; call it to convert: %s(x)", shown,
             shown);
    break;
  case SYM_STRUCT:
    if (s->ty || s->index != 1)
      ck_error(ck, e->loc, "class '%s' cannot be used as a value; call it to construct one", shown);
    break;
  case SYM_EXCEPTION:
    ck_error(ck, e->loc, "exception class '%s' can only be raised: raise %s(\"message\")", shown,
             shown);
    break;
  default: break;
  }
  return set(e, NULL);
}

static const Type *check_name(Checker *ck, Expr *e) {
  if (!e->name.id) return set(e, NULL);
  Symbol *s = ck_lookup(ck, e->name.id);
  if (!s) {
    Expr *first = ck_first_assigned(ck, e->name.id);
    bool pyglobal = ck_is_pyglobal(ck, e->name.id);
    if (first)
      not_assigned_yet(ck, e, first);
    else if (fe_unsupported_builtin(e->name.id)) {
      const char *hint = fe_unsupported_builtin(e->name.id);
      ck_error(ck, e->loc, "builtin '%s' is not supported in compiled code%s%s", e->name.id,
               *hint ? "; " : "", hint);
    } else if (pyglobal)
      ck_error(ck, e->loc,
               "global variable '%s' cannot be used in compiled code (only module-level constants "
               "assigned once with a number literal can); pass it as a parameter",
               e->name.id);
    else
      ck_error(ck, e->loc, "name '%s' is not defined", e->name.id);
    return set(e, NULL);
  }
  e->name.sym = s;
  return value_of_symbol(ck, e, s, e->name.id);
}

// ---- attributes -------------------------------------------------------------------------
static const Type *check_attr(Checker *ck, Expr *e) {
  if (!e->attr.attr) return set(e, NULL);
  Symbol *m = ck_module_sym(ck, e->attr.value);
  if (m) {
    if (!fe_known_module(m->name)) {
      ck_error(ck, e->loc,
               "module '%s' is not supported in compiled code (supported: math, numpy, pyc_task)",
               m->name);
      return set(e, NULL);
    }
    Symbol *s = ck_module_member(ck, m->name, e->attr.attr, e->loc);
    if (!s) {
      if (strcmp(m->name, "math") == 0)
        ck_error(ck, e->loc, "unknown math function or constant 'math.%s'", e->attr.attr);
      else
        ck_error(ck, e->loc, "'%s.%s' is not supported in compiled code", m->name, e->attr.attr);
      return set(e, NULL);
    }
    e->attr.akind = ATTR_MODULE;
    e->attr.sym = s;
    return value_of_symbol(ck, e, s, ck_src(ck, e->loc));
  }
  const Type *vt = ck_expr(ck, e->attr.value);
  if (!vt) return set(e, NULL);
  if (vt->kind == TY_REGION) return ck_task_attr(ck, e, vt);
  if (vt->kind == TY_PARTITION || vt->kind == TY_COLORSPACE)
    return ck_part_attr(ck, e, vt);  // P.color_space, cs.volume (check_partition.c)
  if (vt->kind == TY_ARRAY) {
    if (strcmp(e->attr.attr, "shape") == 0) {
      const Type *el[8];
      for (unsigned i = 0; i < vt->ndim && i < 8; i++) el[i] = ck->tt->t_i64;
      e->attr.akind = ATTR_SHAPE;
      return set(e, type_tuple(ck->tt, el, vt->ndim));
    }
    ck_error(ck, e->loc,
             "array attribute '.%s' is not supported in compiled code (supported: .shape)",
             e->attr.attr);
    return set(e, NULL);
  }
  if (vt->kind == TY_STRUCT) {
    int k = type_struct_field(vt, e->attr.attr);
    if (k >= 0) {
      e->attr.akind = ATTR_FIELD;
      e->attr.field = (uint32_t)k;
      return set(e, vt->elems[k]);
    }
    Str fl;
    str_init(&fl);
    for (uint32_t i = 0; i < vt->nelems; i++)
      str_printf(&fl, "%s%s", i ? ", " : "", vt->field_names[i]);
    ck_error(ck, e->loc, "'%s' has no field '%s' (fields: %s)", vt->name, e->attr.attr, fl.data);
    str_fini(&fl);
    return set(e, NULL);
  }
  ck_error(ck, e->loc, "a value of type %s has no attribute '%s' in compiled code",
           ck_tyname(ck, vt), e->attr.attr);
  return set(e, NULL);
}

// ---- subscripts ---------------------------------------------------------------------------
static const Type *check_subscript(Checker *ck, Expr *e) {
  if (ck_scalar_type_expr(ck, e->sub.value)) {
    ck_error(ck, e->loc, "a type expression ('%s') cannot be used as a value", ck_src(ck, e->loc));
    return set(e, NULL);
  }
  bool region_field;
  const Type *rft = ck_task_subscript(ck, e, &region_field);  // r.u[i]
  if (region_field) return rft;
  const Type *vt = ck_expr(ck, e->sub.value);
  bool has_slice = false, bad_index = false;
  for (uint32_t i = 0; i < e->sub.n; i++) {
    Expr *x = e->sub.index[i];
    if (!x) {
      bad_index = true;
      continue;
    }
    if (x->kind == EX_SLICE) {
      has_slice = true;
      continue;
    }
    if (!ck_expr(ck, x)) bad_index = true;
  }
  if (!vt) return set(e, NULL);
  if (vt->kind == TY_ARRAY) {
    if (has_slice) {
      for (uint32_t i = 0; i < e->sub.n; i++)
        if (e->sub.index[i] && e->sub.index[i]->kind == EX_SLICE) {
          ck_error(ck, e->sub.index[i]->loc,
                   "array slicing is not supported yet; index single elements (a[i]) in a loop");
          break;
        }
      return set(e, NULL);
    }
    if (e->sub.n != vt->ndim) {
      ck_error(
          ck, e->loc,
          "array of type %s has %u dimension%s but is indexed with %u index%s; give exactly one "
          "integer index per dimension (views are not supported yet)",
          ck_tyname(ck, vt), vt->ndim, vt->ndim == 1 ? "" : "s", e->sub.n,
          e->sub.n == 1 ? "" : "es");
      return set(e, NULL);
    }
    if (bad_index) return set(e, NULL);
    for (uint32_t i = 0; i < e->sub.n; i++) {
      Expr *x = e->sub.index[i];
      if (x->ty->kind != TY_INT) {
        ck_error(ck, x->loc, "array index must be an integer, found %s", ck_tyname(ck, x->ty));
        return set(e, NULL);
      }
    }
    e->sub.skind = SUB_ELEMENT;
    return set(e, vt->elem);
  }
  if (bad_index) return set(e, NULL);
  if (vt->kind == TY_TUPLE) {
    int64_t k;
    if (e->sub.n != 1 || has_slice) {
      ck_error(ck, e->loc,
               "a tuple takes one constant integer index (t[0]); slicing is not supported");
      return set(e, NULL);
    }
    if (!ck_const_int(e->sub.index[0], &k)) {
      ck_error(ck, e->sub.index[0]->loc,
               "tuple index must be a constant integer (element types may differ), found '%s'",
               ck_src(ck, e->sub.index[0]->loc));
      return set(e, NULL);
    }
    int64_t n = vt->nelems;
    if (k < -n || k >= n) {
      ck_error(ck, e->sub.index[0]->loc, "tuple index %lld is out of range for %s", (long long)k,
               ck_tyname(ck, vt));
      return set(e, NULL);
    }
    e->sub.skind = SUB_TUPLE;
    e->sub.tuple_index = (uint32_t)(k < 0 ? k + n : k);
    return set(e, vt->elems[e->sub.tuple_index]);
  }
  ck_error(ck, e->loc, "a value of type %s cannot be indexed", ck_tyname(ck, vt));
  return set(e, NULL);
}

// ---- operators ------------------------------------------------------------------------------
static bool numeric_operands(Checker *ck, const char *op, Expr *l, Expr *r, SrcLoc loc) {
  const Type *lt = l->ty, *rt = r->ty;
  if (type_is_scalar(lt) && type_is_scalar(rt)) return true;
  const char *why = (lt->kind == TY_ARRAY || rt->kind == TY_ARRAY)
                        ? " (array arithmetic is not supported yet; loop over the elements)"
                        : "";
  ck_error(ck, loc, "unsupported operand types for %s: %s and %s%s", op, ck_tyname(ck, lt),
           ck_tyname(ck, rt), why);
  return false;
}

const Type *ck_binop_type(Checker *ck, BinOp op, Expr *l, Expr *r, SrcLoc loc, const Type **opty) {
  *opty = NULL;
  if (!l->ty || !r->ty) return NULL;
  const char *ops = binop_text[op];
  if (op == BIN_MATMUL) {
    ck_error(ck, loc, "the matrix multiplication operator '@' is not supported in compiled code");
    return NULL;
  }
  if (!numeric_operands(ck, ops, l, r, loc)) return NULL;
  TypeTable *tt = ck->tt;
  const Type *c = ck_promote_weak(ck, l, l->ty, r, r->ty);
  switch (op) {
  case BIN_ADD:
  case BIN_SUB:
  case BIN_MUL:
  case BIN_FLOORDIV:
  case BIN_MOD:
    if (c->kind == TY_BOOL) c = tt->t_i64;  // Python: True + True == 2
    break;
  case BIN_TRUEDIV:
    if (c->kind != TY_FLOAT) c = tt->t_f64;
    break;
  case BIN_POW: {
    if (c->kind == TY_BOOL) c = tt->t_i64;
    int64_t v;
    if (c->kind == TY_INT && ck_const_int(r, &v) && v < 0) c = tt->t_f64;  // 2 ** -1 == 0.5
    break;
  }
  case BIN_LSHIFT:
  case BIN_RSHIFT:
  case BIN_BITOR:
  case BIN_BITXOR:
  case BIN_BITAND:
    if (l->ty->kind == TY_FLOAT || r->ty->kind == TY_FLOAT) {
      ck_error(ck, loc, "bitwise operator '%s' needs integer or bool operands, found %s and %s",
               ops, ck_tyname(ck, l->ty), ck_tyname(ck, r->ty));
      return NULL;
    }
    if (c->kind == TY_BOOL && (op == BIN_LSHIFT || op == BIN_RSHIFT)) c = tt->t_i64;
    break;
  default: break;
  }
  *opty = c;
  return c;
}

static const Type *check_binop(Checker *ck, Expr *e) {
  const Type *lt = ck_expr(ck, e->bin.l), *rt = ck_expr(ck, e->bin.r);
  if (!lt || !rt) return set(e, NULL);
  if (lt->kind == TY_VOID || rt->kind == TY_VOID) {
    ck_error(ck, e->loc, "unsupported operand types for %s: %s and %s", binop_text[e->bin.op],
             ck_tyname(ck, lt), ck_tyname(ck, rt));
    return set(e, NULL);
  }
  return set(e, ck_binop_type(ck, e->bin.op, e->bin.l, e->bin.r, e->loc, &e->bin.opty));
}

static const Type *check_unary(Checker *ck, Expr *e) {
  const Type *t = ck_expr(ck, e->un.x);
  if (!t) return set(e, NULL);
  const char *op = unop_text[e->un.op];
  if (e->un.op == UN_NOT) {
    if (!type_is_scalar(t)) {
      ck_error(ck, e->loc, "'not' needs a number or bool, found %s", ck_tyname(ck, t));
      return set(e, NULL);
    }
    return set(e, ck->tt->t_bool);
  }
  if (!type_is_scalar(t)) {
    ck_error(ck, e->loc, "bad operand type for unary %s: %s", op, ck_tyname(ck, t));
    return set(e, NULL);
  }
  if (t->kind == TY_BOOL) {
    ck_error(ck, e->loc,
             "unary '%s' on a bool is not supported (numpy rejects it, Python gives an int); "
             "write %s in compiled code",
             op, e->un.op == UN_INVERT ? "`not x`" : "`-int(x)`");
    return set(e, NULL);
  }
  if (e->un.op == UN_INVERT && t->kind == TY_FLOAT) {
    ck_error(ck, e->loc, "bitwise '~' needs an integer operand, found %s", ck_tyname(ck, t));
    return set(e, NULL);
  }
  return set(e, t);
}

static bool truth_ok(Checker *ck, Expr *e, const char *what) {
  if (!e->ty) return false;
  if (type_is_scalar(e->ty)) return true;
  ck_error(ck, e->loc, "%s must be a number or bool, found %s", what, ck_tyname(ck, e->ty));
  return false;
}

static const Type *check_boolop(Checker *ck, Expr *e) {
  const char *op = e->boolop.is_and ? "and" : "or";
  if (e->boolop.n > FE_MAX_CHAIN) {
    ck_error(ck, e->loc, "'%s' with %u operands: at most %d in compiled code", op,
             e->boolop.n, FE_MAX_CHAIN);
    return set(e, NULL);
  }
  bool ok = true;
  for (uint32_t i = 0; i < e->boolop.n; i++)
    if (!ck_expr(ck, e->boolop.xs[i]) || !truth_ok(ck, e->boolop.xs[i], "an operand of 'and'/'or'"))
      ok = false;
  if (!ok || e->boolop.n == 0) return set(e, NULL);
  // Result: the operands' one type (weak literals adapt to it).
  const Type *t = NULL;
  for (uint32_t i = 0; i < e->boolop.n; i++) {
    Expr *x = e->boolop.xs[i];
    if (ck_is_weak_int(x) || ck_is_weak_float(x)) continue;
    if (!t) t = x->ty;
  }
  if (!t) t = e->boolop.xs[0]->ty;
  for (uint32_t i = 0; i < e->boolop.n; i++) {
    Expr *x = e->boolop.xs[i];
    if (x->ty == t) continue;
    int64_t v;
    if (ck_is_weak_int(x) && t->kind == TY_INT && ck_const_int(x, &v) && fits(t, v)) continue;
    if (ck_is_weak_float(x) && t->kind == TY_FLOAT) continue;
    ck_error(ck, x->loc,
             "operands of '%s' must all be bool or all have the same type (the result is one of "
             "them); found %s and %s",
             op, ck_tyname(ck, t), ck_tyname(ck, x->ty));
    return set(e, NULL);
  }
  return set(e, t);
}

static const Type *check_compare(Checker *ck, Expr *e) {
  if (e->cmp.n && (!e->cmp.ops || !e->cmp.rest)) return set(e, NULL);
  if (e->cmp.n > FE_MAX_CHAIN) {
    ck_error(ck, e->loc, "chained comparison with %u operators: at most %d in compiled code",
             e->cmp.n, FE_MAX_CHAIN);
    return set(e, NULL);
  }
  bool ok = ck_expr(ck, e->cmp.first) != NULL;
  for (uint32_t i = 0; i < e->cmp.n; i++) ok &= ck_expr(ck, e->cmp.rest[i]) != NULL;
  e->cmp.optys = ARENA_ARRAY(ck->fe->arena, const Type *, e->cmp.n ? e->cmp.n : 1);
  if (!ok) return set(e, NULL);
  Expr *l = e->cmp.first;
  for (uint32_t i = 0; i < e->cmp.n; i++) {
    Expr *r = e->cmp.rest[i];
    CmpOp op = e->cmp.ops[i];
    if (op == CMP_IS || op == CMP_ISNOT || op == CMP_IN || op == CMP_NOTIN) {
      ck_error(ck, e->loc,
               "'%s' comparisons are not supported in compiled code; compare numbers with == or !=",
               cmpop_text[op]);
      return set(e, NULL);
    }
    if (!type_is_scalar(l->ty) || !type_is_scalar(r->ty)) {
      ck_error(ck, e->loc,
               "'%s' is not supported between %s and %s (only numbers and bools compare)",
               cmpop_text[op], ck_tyname(ck, l->ty), ck_tyname(ck, r->ty));
      return set(e, NULL);
    }
    e->cmp.optys[i] = ck_promote_weak(ck, l, l->ty, r, r->ty);
    l = r;
  }
  return set(e, ck->tt->t_bool);
}

// Common type of two branches (conditional expression).
static const Type *unify(Checker *ck, Expr *a, Expr *b) {
  const Type *x = a->ty, *y = b->ty;
  if (x == y) return x;
  if (type_is_scalar(x) && type_is_scalar(y)) return ck_promote_weak(ck, a, x, b, y);
  if (x->kind == TY_ARRAY && y->kind == TY_ARRAY && x->elem == y->elem && x->ndim == y->ndim)
    return type_array(ck->tt, x->elem, x->ndim, false);
  return NULL;
}

static const Type *check_ifexp(Checker *ck, Expr *e) {
  bool ok = ck_expr(ck, e->ifexp.cond) && truth_ok(ck, e->ifexp.cond, "the condition");
  const Type *a = ck_expr(ck, e->ifexp.then), *b = ck_expr(ck, e->ifexp.els);
  if (!ok || !a || !b) return set(e, NULL);
  const Type *t = unify(ck, e->ifexp.then, e->ifexp.els);
  if (!t || t->kind == TY_VOID) {
    ck_error(ck, e->loc,
             "the branches of a conditional expression have incompatible types %s and %s",
             ck_tyname(ck, a), ck_tyname(ck, b));
    return set(e, NULL);
  }
  return set(e, t);
}

static const Type *check_tuple(Checker *ck, Expr *e) {
  if (e->seq.n > FE_MAX_TUPLE) {
    ck_error(ck, e->loc, "tuple with %u elements: at most %d in compiled code", e->seq.n,
             FE_MAX_TUPLE);
    return set(e, NULL);
  }
  const Type **el = ARENA_ARRAY(ck->fe->arena, const Type *, e->seq.n ? e->seq.n : 1);
  bool ok = true;
  for (uint32_t i = 0; i < e->seq.n; i++) {
    el[i] = ck_expr(ck, e->seq.xs[i]);
    if (!el[i])
      ok = false;
    else if (el[i]->kind == TY_VOID) {
      ck_error(ck, e->seq.xs[i]->loc, "a tuple element cannot be None");
      ok = false;
    } else if (el[i]->kind == TY_COLORSPACE) {
      ck_error(ck, e->seq.xs[i]->loc,
               "a color space cannot be a tuple element in compiled code (keep it in a variable: "
               "cs = P.color_space)");
      ok = false;
    }
  }
  return set(e, ok ? type_tuple(ck->tt, el, e->seq.n) : NULL);
}

// ---- f-strings and messages --------------------------------------------------------------
void ck_fstring(Checker *ck, Expr *e) {
  e->ty = ck->tt->t_str;
  for (uint32_t i = 0; e->fstr.parts && i < e->fstr.n; i++) {
    FStrPart *p = &e->fstr.parts[i];
    if (!p->is_expr || !p->expr) continue;
    if (p->expr->kind == EX_STR) {  // f"{'x'}": just write x
      ck_error(ck, p->expr->loc,
               "f-string fields must be numbers or bools; put literal text outside the braces");
      continue;
    }
    const Type *t = ck_expr(ck, p->expr);
    if (!t) continue;
    if (!type_is_scalar(t) && !(ck_printable(t) && (!p->spec || !*p->spec))) {
      ck_error(ck, p->expr->loc, "f-string fields must be numbers or bools%s, found %s",
               ck_printable(t) ? " (a tuple without a format spec)" : "", ck_tyname(ck, t));
      continue;
    }
    if (p->conversion && p->conversion != 'r' && p->conversion != 's') {
      ck_error(ck, p->expr->loc, "unknown f-string conversion '!%c' (supported: !r, !s)",
               p->conversion);
      continue;
    }
    if (!p->spec || !*p->spec) continue;
    int32_t kind = p->conversion        ? PYC_SPEC_STR
                   : t->kind == TY_BOOL ? PYC_SPEC_BOOL
                   : t->kind == TY_INT  ? PYC_SPEC_INT
                                        : PYC_SPEC_FLOAT;
    char why[256];
    if (!pyc_buf_spec_error(p->spec, kind, why, sizeof why)) {
      SrcLoc at = p->spec_loc.file == SRC_NONE ? p->expr->loc : p->spec_loc;
      ck_error(ck, at, "invalid format spec '%s' for a value of type %s: %s", p->spec,
               p->conversion ? "str" : ck_tyname(ck, t), why);
    }
  }
}

void ck_message(Checker *ck, Expr *msg, const char *what) {
  if (!msg) return;
  if (msg->kind == EX_STR) {
    msg->ty = ck->tt->t_str;
    return;
  }
  if (msg->kind == EX_FSTRING) {
    ck_fstring(ck, msg);
    return;
  }
  const Type *t = ck_expr(ck, msg);
  if (t)
    ck_error(ck, msg->loc, "the message of %s must be a string literal or an f-string, found %s",
             what, ck_tyname(ck, t));
}

// ---- dispatch ---------------------------------------------------------------------------
static const char *unsupported_hint(const char *what) {
  static const struct {
    const char *key, *hint;
  } hints[] = {
      {"lambda", "define a @kernel function at module level and call it"},
      {"comprehension", "allocate an array with np.empty(n) and fill it in a for loop"},
      {"generator", "use a for loop over range(...)"},
      {"walrus", "assign on its own line first"},
      {"assignment expression", "assign on its own line first"},
      {"named expression", "assign on its own line first"},
      {"await", "compiled code is synchronous"},
      {"yield", "compiled functions cannot be generators; fill an array instead"},
      {"star", "pass the arguments one by one"},
      {"set", "use an array or a tuple"},
      {"complex", "use two floats"},
      {"imaginary", "use two floats"},
      {"ellipsis", "index each axis explicitly"},
      {"bytes", "string and bytes values are not supported; use numbers"},
      {"conditional import", "import at module level"},
  };
  for (size_t i = 0; i < sizeof hints / sizeof *hints; i++)
    if (strstr(what, hints[i].key)) return hints[i].hint;
  return NULL;
}

const Type *ck_expr(Checker *ck, Expr *e) {
  if (!e) return NULL;
  switch (e->kind) {
  case EX_INT:
    if (e->int_overflow || e->ival > (uint64_t)INT64_MAX) {
      ck_error(ck, e->loc,
               "integer literal %s does not fit in int64 (compiled integers are 64-bit)",
               ck_src(ck, e->loc));
      return set(e, NULL);
    }
    return set(e, ck->tt->t_i64);
  case EX_FLOAT: return set(e, ck->tt->t_f64);
  case EX_BOOL: return set(e, ck->tt->t_bool);
  case EX_NONE:
    ck_error(ck, e->loc, "None is only supported as `return None` in compiled code");
    return set(e, NULL);
  case EX_STR:
    ck_error(ck, e->loc,
             "string values are not supported in compiled code; string literals may only appear in "
             "print(), raise and assert messages");
    return set(e, NULL);
  case EX_FSTRING:
    ck_error(ck, e->loc,
             "f-strings are only supported as print() arguments and raise/assert messages");
    ck_fstring(ck, e);
    return set(e, NULL);
  case EX_NAME: return check_name(ck, e);
  case EX_ATTR: return check_attr(ck, e);
  case EX_SUBSCRIPT: return check_subscript(ck, e);
  case EX_SLICE:
    ck_error(ck, e->loc,
             "a slice is only valid inside [] (and array slicing is not supported yet)");
    return set(e, NULL);
  case EX_CALL: return ck_call(ck, e, false);
  case EX_BINOP: return check_binop(ck, e);
  case EX_UNARY:
    if (e->un.op == UN_NEG && e->un.x && e->un.x->kind == EX_INT && !e->un.x->int_overflow &&
        e->un.x->ival == (uint64_t)INT64_MAX + 1) {  // -9223372036854775808
      e->un.x->ty = ck->tt->t_i64;
      return set(e, ck->tt->t_i64);
    }
    return check_unary(ck, e);
  case EX_BOOLOP: return check_boolop(ck, e);
  case EX_COMPARE: return check_compare(ck, e);
  case EX_IFEXP: return check_ifexp(ck, e);
  case EX_TUPLE: return check_tuple(ck, e);
  case EX_LIST:
    ck_error(ck, e->loc,
             "list values are not supported in compiled code; use a tuple, or an array "
             "(np.empty(n), np.zeros(n)) filled in a loop");
    return set(e, NULL);
  case EX_DICT:
    ck_error(ck, e->loc, "dict values are not supported in compiled code");
    return set(e, NULL);
  case EX_UNSUPPORTED: {
    const char *what = e->unsupported ? e->unsupported : "this expression";
    const char *hint = unsupported_hint(what);
    if (strcmp(what, "invalid syntax") == 0) return set(e, NULL);  // the parser reported it
    if (hint)
      ck_error(ck, e->loc, "%s is not supported in compiled code; %s", what, hint);
    else
      ck_error(ck, e->loc, "%s is not supported in compiled code", what);
    return set(e, NULL);
  }
  default: break;
  }
  return set(e, NULL);
}
