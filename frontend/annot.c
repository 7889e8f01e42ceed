// annot.c - type annotations -> Type. Accepts scalar names and aliases
// (float64, f64, int, float, bool, np.float64, pt.float64), arrays
// (pt.float64[:], pt.float64[:, ::1], float64[:] from a string annotation,
// Array[float64, 2], Array[float64, 2, 'C']), tuple[...], the point types
// int2d / int3d (tuple[int64, int64], ...), @fieldspace class names and None
// (returns only). Every other annotation is one diagnostic
// saying what was found and what is supported. Annotations resolve in the
// module scope (imports), with unbound scalar names accepted as spelled.
#include "check.h"

#define ANNOT_HELP                                                                                 \
  "supported: int, float, bool, int8..int64, uint8..uint64, float32, float64, arrays "             \
  "(pt.float64[:], pt.float64[:, ::1], Array[float64, 2]), tuple[...], @fieldspace "               \
  "classes, and None for returns"

// The module a name or attribute chain refers to (no diagnostics).
static const char *module_of(Checker *ck, Expr *e) {
  if (e && e->kind == EX_NAME) {
    Symbol *s = ck_global(ck, e->name.id);
    if (s && s->kind == SYM_MODULE) return s->name;
    if (!s && fe_known_module(e->name.id)) return fe_known_module(e->name.id);
  }
  if (e && e->kind == EX_ATTR && e->attr.attr && strcmp(e->attr.attr, "types") == 0) {
    const char *m = module_of(ck, e->attr.value);
    if (m && strcmp(m, "pyc_task") == 0) return "pyc_task.types";
  }
  return NULL;
}

// The type a name or module attribute names (a scalar, or a point type
// int2d / int3d), or NULL.
static const Type *named_type(Checker *ck, Expr *e) {
  if (!e) return NULL;
  switch (e->kind) {
  case EX_NAME: {
    Symbol *s = ck_global(ck, e->name.id);
    if (s) return s->kind == SYM_TYPE ? s->ty : NULL;
    return fe_scalar_name(ck->tt, e->name.id);
  }
  case EX_ATTR: {
    const char *m = module_of(ck, e->attr.value);
    if (!m || !fe_known_module(m)) return NULL;
    Symbol *s = ck_module_member(ck, m, e->attr.attr, e->loc);
    return s && s->kind == SYM_TYPE ? s->ty : NULL;
  }
  case EX_STR: return fe_scalar_name(ck->tt, e->str.s);
  default: return NULL;
  }
}

const Type *ck_scalar_type_expr(Checker *ck, Expr *e) {
  const Type *t = named_type(ck, e);
  return t && type_is_scalar(t) ? t : NULL;
}

static bool is_name(Expr *e, const char *a, const char *b) {
  return e && e->kind == EX_NAME &&
         (strcmp(e->name.id, a) == 0 || (b && strcmp(e->name.id, b) == 0));
}

// Array / Tuple / Region spelled as a name or module attribute: the member name.
static const char *generic_name(Checker *ck, Expr *e) {
  if (!e) return NULL;
  if (e->kind == EX_NAME) {
    Symbol *s = ck_global(ck, e->name.id);
    if (s && (s->kind == SYM_TYPE || s->kind == SYM_BUILTIN) && s->name) {
      const char *dot = strrchr(s->name, '.');
      return dot ? dot + 1 : s->name;
    }
    return e->name.id;
  }
  if (e->kind == EX_ATTR && module_of(ck, e->attr.value)) return e->attr.attr;
  return NULL;
}

static const Type *bad(Checker *ck, Expr *e) {
  ck_error(ck, e->loc, "unsupported type annotation '%s'; " ANNOT_HELP, ck_src(ck, e->loc));
  return NULL;
}

// Array[float64, 2] / Array[float64, 2, 'C']
static const Type *array_generic(Checker *ck, Expr *e) {
  if (e->sub.n < 2 || e->sub.n > 3) {
    ck_error(ck, e->loc, "Array annotation takes [dtype, ndim] or [dtype, ndim, 'C'], found '%s'",
             ck_src(ck, e->loc));
    return NULL;
  }
  if (!e->sub.index[0] || !e->sub.index[1]) return NULL;
  const Type *el = ck_scalar_type_expr(ck, e->sub.index[0]);
  if (!el) {
    ck_error(ck, e->sub.index[0]->loc,
             "array element type '%s' is not a scalar type (bool, int8..int64, uint8..uint64, "
             "float32, float64)",
             ck_src(ck, e->sub.index[0]->loc));
    return NULL;
  }
  Expr *nd = e->sub.index[1];
  if (!nd || nd->kind != EX_INT || nd->ival < 1 || nd->ival > 8) {
    ck_error(ck, nd ? nd->loc : e->loc,
             "array rank must be an integer literal from 1 to 8, found '%s'",
             ck_src(ck, nd ? nd->loc : e->loc));
    return NULL;
  }
  bool contig = false;
  if (e->sub.n == 3) {
    Expr *lay = e->sub.index[2];
    if (lay && lay->kind == EX_STR &&
        (strcmp(lay->str.s, "C") == 0 || strcmp(lay->str.s, "A") == 0)) {
      contig = lay->str.s[0] == 'C';
    } else {
      ck_error(ck, lay ? lay->loc : e->loc,
               "array layout must be 'C' (contiguous) or 'A' (any), found '%s'",
               ck_src(ck, lay ? lay->loc : e->loc));
      return NULL;
    }
  }
  return type_array(ck->tt, el, (unsigned)nd->ival, contig);
}

// float64[:, ::1] (pt.float64[...], or a name inside a string annotation)
static const Type *array_slices(Checker *ck, Expr *e, const Type *el) {
  Expr *base = e->sub.value;
  if (base->kind == EX_ATTR) {
    const char *m = module_of(ck, base->attr.value);
    if (m && strcmp(m, "numpy") == 0) {
      ck_error(ck, e->loc,
               "'%s' is not an array annotation (numpy scalar types cannot be subscripted); "
               "write pt.%s[...] or Array[%s, %u]",
               ck_src(ck, e->loc), base->attr.attr, ck_tyname(ck, el), e->sub.n);
      return NULL;
    }
  }
  if (e->sub.n > 8) {
    ck_error(ck, e->loc, "arrays have at most 8 dimensions");
    return NULL;
  }
  bool contig = false;
  for (uint32_t i = 0; i < e->sub.n; i++) {
    Expr *x = e->sub.index[i];
    if (!x || x->kind != EX_SLICE || x->slice.lo || x->slice.hi) {
      ck_error(ck, x ? x->loc : e->loc,
               "array annotation axes are written ':' (any stride) or '::1' (contiguous, last axis "
               "only), found '%s'",
               ck_src(ck, x ? x->loc : e->loc));
      return NULL;
    }
    if (x->slice.step) {
      Expr *st = x->slice.step;
      if (st->kind != EX_INT || st->ival != 1) {
        ck_error(ck, st->loc, "array annotation step must be 1 ('::1'), found '%s'",
                 ck_src(ck, st->loc));
        return NULL;
      }
      if (i + 1 != e->sub.n) {
        ck_error(ck, x->loc,
                 "only the innermost (last) axis can be marked contiguous with '::1' (C order)");
        return NULL;
      }
      contig = true;
    }
  }
  return type_array(ck->tt, el, e->sub.n, contig);
}

static const Type *subscript_annot(Checker *ck, Expr *e) {
  Expr *base = e->sub.value;
  if (!base) return NULL;
  const Type *el = ck_scalar_type_expr(ck, base);
  if (el) return array_slices(ck, e, el);
  const char *g = generic_name(ck, base);
  if (g && strcmp(g, "Array") == 0) return array_generic(ck, e);
  if (is_name(base, "tuple", "Tuple") || (g && strcmp(g, "Tuple") == 0)) {
    const Type *elems[64];
    if (e->sub.n > 64) return bad(ck, e);
    bool ok = true;
    for (uint32_t i = 0; i < e->sub.n; i++) {
      Expr *x = e->sub.index[i];
      if (x && x->kind == EX_UNSUPPORTED) {  // tuple[int, ...]
        ck_error(ck, x->loc, "tuple annotations list every element type (tuple[int64, float64])");
        return NULL;
      }
      elems[i] = ck_annot(ck, x, false);
      if (!elems[i])
        ok = false;
      else if (elems[i]->kind == TY_VOID) {
        ck_error(ck, x->loc, "a tuple element cannot be None");
        ok = false;
      }
    }
    return ok ? type_tuple(ck->tt, elems, e->sub.n) : NULL;
  }
  if (g && (strcmp(g, "Region") == 0 || strcmp(g, "Partition") == 0 || strcmp(g, "Future") == 0))
    return ck_task_annot(ck, e, g);
  if (is_name(base, "list", "List") || is_name(base, "dict", "Dict")) {
    ck_error(ck, e->loc,
             "'%s' annotation: lists and dicts are not supported in compiled code; "
             "use an array (pt.float64[:]) or a tuple",
             ck_src(ck, e->loc));
    return NULL;
  }
  return bad(ck, e);
}

const Type *ck_annot(Checker *ck, Expr *e, bool allow_none) {
  if (!e) return NULL;
  switch (e->kind) {
  case EX_NONE:
    if (allow_none) return ck->tt->t_void;
    ck_error(ck, e->loc, "None is only supported as a return annotation (-> None)");
    return NULL;
  case EX_SUBSCRIPT: return subscript_annot(ck, e);
  case EX_UNSUPPORTED:
    ck_error(ck, e->loc, "unsupported type annotation: %s", e->unsupported);
    return NULL;
  case EX_STR:
    ck_error(ck, e->loc, "string annotation '%s' could not be read; " ANNOT_HELP, e->str.s);
    return NULL;
  default: break;
  }
  const Type *t = named_type(ck, e);
  if (t) return t;
  if (e->kind == EX_NAME && !e->name.id) return NULL;
  if (e->kind == EX_NAME) {
    Symbol *s = ck_global(ck, e->name.id);
    if (s && s->kind == SYM_STRUCT) {
      if (s->ty) return s->ty;
      if (s->index == 1) return NULL;  // broken @fieldspace: already reported
      ck_error(ck, e->loc,
               "class '%s' is not a @fieldspace class; only @fieldspace classes can be "
               "used as types in compiled code",
               e->name.id);
      return NULL;
    }
    const char *g = generic_name(ck, e);
    if (g && strcmp(g, "Array") == 0) {
      ck_error(ck, e->loc, "'Array' needs an element type and a rank: Array[float64, 1]");
      return NULL;
    }
    if (strcmp(e->name.id, "tuple") == 0) {
      ck_error(ck, e->loc, "a tuple annotation lists its element types: tuple[int64, float64]");
      return NULL;
    }
    if (strcmp(e->name.id, "str") == 0 || strcmp(e->name.id, "list") == 0 ||
        strcmp(e->name.id, "dict") == 0 || strcmp(e->name.id, "complex") == 0 ||
        strcmp(e->name.id, "set") == 0 || strcmp(e->name.id, "object") == 0) {
      ck_error(
          ck, e->loc,
          "unsupported type annotation '%s' (%s values do not exist in compiled code); " ANNOT_HELP,
          e->name.id, e->name.id);
      return NULL;
    }
  }
  if (e->kind == EX_ATTR && e->attr.attr && strcmp(e->attr.attr, "ndarray") == 0) {
    ck_error(ck, e->loc,
             "'%s' does not say the element type and rank: write pt.float64[:] or "
             "Array[float64, 1]",
             ck_src(ck, e->loc));
    return NULL;
  }
  return bad(ck, e);
}
