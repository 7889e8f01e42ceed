// check_task.c - the task layer in the checker (issue 4): Region[...] and
// Future[...] annotations (inline dict field spaces become structs named
// `_fs_<field>_<type>...`), @task(privileges=[...]) read against the region
// parameters into FuncDef.privs, region fields `r.u[i, j]`, `r.ispace`,
// `.volume`, `.bounds`, `for p in r.ispace`, Region(...), fill(...),
// copy(...), and `f.get()` on futures. Launches are marked in
// check_call.c (a @task called from compiled code). Privileges are checked
// against the bodies later, on TIR (passes/privilege.c).
#include "check.h"

#include <stdio.h>

#include "../ir/ir.h"

static const Type *set(Expr *e, const Type *t) {
  e->ty = t;
  return t;
}

// ---- annotations ----------------------------------------------------------------
// {'x': float64, 'y': int64} -> struct _fs_x_f64_y_i64
static const Type *dict_fieldspace(Checker *ck, Expr *d) {
  uint32_t n = d->dict.n;
  if (n == 0 || n > 64) {
    ck_error(ck, d->loc, "an inline field space names 1 to 64 fields: {'x': float64}");
    return NULL;
  }
  const char **names = ARENA_ARRAY(ck->fe->arena, const char *, n);
  const Type **tys = ARENA_ARRAY(ck->fe->arena, const Type *, n);
  Str nm;
  str_init(&nm);
  str_puts(&nm, "_fs");
  bool ok = true;
  for (uint32_t i = 0; i < n; i++) {
    Expr *k = d->dict.keys[i], *v = d->dict.values[i];
    if (!k || k->kind != EX_STR || !k->str.len || strlen(k->str.s) != k->str.len) {
      ck_error(ck, k ? k->loc : d->loc, "inline field space keys are field names ('x')");
      ok = false;
      continue;
    }
    tys[i] = v ? ck_annot(ck, v, false) : NULL;
    if (tys[i] && !type_is_field(tys[i])) {
      ck_error(ck, v->loc, "field '%s' must have a scalar type or be a point (int2d, int3d), found %s",
               k->str.s, ck_tyname(ck, tys[i]));
      tys[i] = NULL;
    }
    if (!tys[i]) ok = false;
    names[i] = k->str.s;
    for (const char *c = k->str.s; *c; c++)
      if (!(*c == '_' || (*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') ||
            (*c >= '0' && *c <= '9'))) {
        ck_error(ck, k->loc, "field name '%s' is not an identifier", k->str.s);
        ok = false;
        break;
      }
    Str ts;
    str_init(&ts);
    if (tys[i] && type_point_rank(tys[i]) >= 2)  // a name without <,>: int2d
      str_printf(&ts, "int%ud", type_point_rank(tys[i]));
    else if (tys[i])
      type_print(tys[i], &ts);
    str_printf(&nm, "_%s_%s", k->str.s, ts.data ? ts.data : "");
    str_fini(&ts);
  }
  const Type *t = NULL;
  if (ok) {
    const Type *old = type_struct_lookup(ck->tt, nm.data);
    t = old ? old : type_struct(ck->tt, nm.data, names, tys, n);
  }
  str_fini(&nm);
  return t;
}

const Type *ck_task_annot(Checker *ck, Expr *e, const char *g) {
  if (strcmp(g, "Future") == 0) {
    const Type *v = e->sub.n == 1 ? ck_annot(ck, e->sub.index[0], false) : NULL;
    if (e->sub.n != 1 || (v && !type_is_scalar(v))) {
      ck_error(ck, e->loc, "Future annotations take one scalar type: Future[float64]");
      return NULL;
    }
    return v ? type_future(ck->tt, v) : NULL;
  }
  if (strcmp(g, "Region") != 0) {
    ck_error(ck, e->loc, "%s values are not supported by the compiler yet (issue 5)", g);
    return NULL;
  }
  if (e->sub.n < 1 || e->sub.n > 2 || !e->sub.index[0]) {
    ck_error(ck, e->loc, "Region annotations are Region[Fields] or Region[Fields, ndim]");
    return NULL;
  }
  Expr *fe = e->sub.index[0];
  const Type *fs = fe->kind == EX_DICT ? dict_fieldspace(ck, fe) : ck_annot(ck, fe, false);
  if (!fs) return NULL;
  if (fs->kind != TY_STRUCT) {
    ck_error(ck, fe->loc, "a region's field space is a @fieldspace class or a dict, found %s",
             ck_tyname(ck, fs));
    return NULL;
  }
  int64_t nd = 1;
  if (e->sub.n == 2 && (!e->sub.index[1] || !ck_const_int(e->sub.index[1], &nd) || nd < 1 ||
                        nd > 3)) {
    ck_error(ck, e->sub.index[1] ? e->sub.index[1]->loc : e->loc,
             "a region has 1 to 3 dimensions (an integer literal)");
    return NULL;
  }
  return type_region(ck->tt, fs, (unsigned)nd);
}

// ---- privileges -------------------------------------------------------------------
static const char *callee_word(Expr *f) {
  if (!f) return NULL;
  if (f->kind == EX_NAME) return f->name.id;
  if (f->kind == EX_ATTR) return f->attr.attr;
  return NULL;
}

static bool one_privilege(Checker *ck, Expr *x, const Type *rt, IrPriv *out) {
  Expr *f = x->kind == EX_CALL ? x->call.func : x;
  const char *w = callee_word(f);
  static const char *const modes[] = {"N", "R", "RW", "WD", "Reduce"};
  int mode = -1;
  for (int i = 0; w && i < 5; i++)
    if (strcmp(w, modes[i]) == 0) mode = i;
  if (mode < 0) {
    ck_error(ck, x->loc,
             "a privilege is R, RW, WD, N or Reduce(op), optionally with fields (R('x', 'y')); "
             "found '%s'",
             ck_src(ck, x->loc));
    return false;
  }
  out->mode = (uint8_t)mode;
  uint32_t first = 0, nargs = x->kind == EX_CALL ? x->call.nargs : 0;
  if (mode == IR_PRIV_REDUCE) {
    Expr *op = nargs ? x->call.args[0] : NULL;
    int k = -1;
    for (int i = 0; op && op->kind == EX_STR && i < IR_REDOP_COUNT; i++)
      if (strcmp(op->str.s, ir_redop_text[i]) == 0) k = i;
    if (k < 0) {
      ck_error(ck, op ? op->loc : x->loc,
               "Reduce takes an operator first: Reduce('+'), '*', 'min' or 'max'");
      return false;
    }
    out->redop = (uint8_t)k;
    first = 1;
  }
  const Type *fs = rt->elem;
  out->fields = 0;
  for (uint32_t i = first; i < nargs; i++) {
    Expr *a = x->call.args[i];
    int k = a && a->kind == EX_STR ? type_struct_field(fs, a->str.s) : -2;
    if (k == -2) {
      ck_error(ck, a ? a->loc : x->loc, "privilege fields are field names in quotes ('u')");
      return false;
    }
    if (k < 0) {
      ck_error(ck, a->loc, "field space '%s' has no field '%s'", fs->name, a->str.s);
      return false;
    }
    out->fields |= 1ull << k;
  }
  if (!out->fields) out->fields = fs->nelems >= 64 ? ~0ull : (1ull << fs->nelems) - 1;
  return true;
}

void ck_task_signature(Checker *ck, FuncDef *fn) {
  uint32_t nreg = 0;
  for (uint32_t i = 0; i < fn->nparams; i++) {
    const Type *t = fn->params[i].ty;
    if (!t) continue;
    if (t->kind == TY_REGION) nreg++;
    if (t->kind == TY_FUTURE)
      ck_error(ck, fn->params[i].loc, "futures cannot be passed to compiled functions; pass f.get()");
    else if (fn->fkind == FN_TASK && t->kind != TY_REGION && !type_is_scalar(t))
      ck_error(ck, fn->params[i].loc,
               "parameter '%s' of task '%s' has type %s; task parameters are regions and scalars",
               fn->params[i].name, fn->name, ck_tyname(ck, t));
  }
  bool bad_ret = fn->ret_ty && (fn->ret_ty->kind == TY_REGION || fn->ret_ty->kind == TY_FUTURE);
  if (bad_ret) ck_error(ck, fn->ret_annot->loc, "compiled functions cannot return regions or futures");
  if (fn->fkind != FN_TASK) {
    if (nreg)
      ck_error(ck, fn->name_loc,
               "'%s' takes a region; only a @task can (regions move with privileges)", fn->name);
    return;
  }
  if (!bad_ret && fn->ret_ty && fn->ret_ty->kind != TY_VOID && !type_is_scalar(fn->ret_ty))
    ck_error(ck, fn->ret_annot->loc, "a task returns a scalar (through a Future) or None");
  Expr *pl = fn->privileges;
  if (!nreg) {
    if (pl && pl->kind == EX_LIST && pl->seq.n)
      ck_error(ck, pl->loc, "task '%s' has privileges but no region parameters", fn->name);
    return;
  }
  if (!pl) {
    ck_error(ck, fn->name_loc,
             "task '%s' takes regions but declares no privileges; add "
             "@task(privileges=[...]) with one privilege per region parameter",
             fn->name);
    return;
  }
  if (pl->kind != EX_LIST && pl->kind != EX_TUPLE) {
    ck_error(ck, pl->loc, "privileges= is a list with one privilege per region parameter");
    return;
  }
  if (pl->seq.n != nreg) {
    ck_error(ck, pl->loc, "task '%s' has %u region parameter%s but %u privilege%s", fn->name,
             nreg, nreg == 1 ? "" : "s", pl->seq.n, pl->seq.n == 1 ? "" : "s");
    return;
  }
  IrPriv *privs = ARENA_ARRAY(ck->fe->arena, IrPriv, fn->nparams);
  memset(privs, 0, sizeof(IrPriv) * fn->nparams);
  bool ok = true;
  for (uint32_t i = 0, k = 0; i < fn->nparams; i++) {
    const Type *t = fn->params[i].ty;
    if (!t || t->kind != TY_REGION) continue;
    Expr *x = pl->seq.xs[k++];
    if (!x || !one_privilege(ck, x, t, &privs[i])) ok = false;
  }
  if (ok) fn->privs = privs;
}

// ---- expressions -------------------------------------------------------------------
static void list_fields(const Type *fs, Str *out) {
  for (uint32_t i = 0; i < fs->nelems; i++)
    str_printf(out, "%s%s", i ? ", " : "", fs->field_names[i]);
}

const Type *ck_task_attr(Checker *ck, Expr *e, const Type *vt) {
  Expr *base = e->attr.value;
  if (base->kind == EX_ATTR && base->attr.akind == ATTR_ISPACE) {
    if (strcmp(e->attr.attr, "volume") == 0) {
      e->attr.akind = ATTR_VOLUME;
      return set(e, ck->tt->t_i64);
    }
    if (strcmp(e->attr.attr, "bounds") == 0) {
      const Type *p = type_point(ck->tt, vt->ndim);
      const Type *two[2] = {p, p};
      e->attr.akind = ATTR_BOUNDS;
      return set(e, type_tuple(ck->tt, two, 2));
    }
    ck_error(ck, e->loc, "an index space has .volume and .bounds (and is iterable), not '.%s'",
             e->attr.attr);
    return set(e, NULL);
  }
  if (strcmp(e->attr.attr, "ispace") == 0) {
    e->attr.akind = ATTR_ISPACE;
    return set(e, vt);
  }
  Str fl;
  str_init(&fl);
  list_fields(vt->elem, &fl);
  if (type_struct_field(vt->elem, e->attr.attr) >= 0)
    ck_error(ck, e->loc,
             "field '%s' of a region is used by point in compiled code: %s[i] (whole-field "
             "views are not supported)",
             e->attr.attr, ck_src(ck, e->loc));
  else
    ck_error(ck, e->loc, "region has no field '%s' (fields: %s; also .ispace)", e->attr.attr,
             fl.data);
  str_fini(&fl);
  return set(e, NULL);
}

// The length of a tuple of integers (a point of that rank), or 0.
static unsigned tuple_point(const Type *t) {
  if (t->kind != TY_TUPLE) return 0;
  for (uint32_t i = 0; i < t->nelems; i++)
    if (t->elems[i]->kind != TY_INT) return 0;
  return t->nelems;
}

const Type *ck_task_subscript(Checker *ck, Expr *e, bool *handled) {
  const Type *pt = ck_part_subscript(ck, e, handled);  // P[i] (check_partition.c)
  if (*handled) return pt;
  Expr *base = e->sub.value;
  if (!base || base->kind != EX_ATTR || !base->attr.attr || ck_module_sym(ck, base->attr.value))
    return NULL;
  const Type *rt = ck_expr(ck, base->attr.value);
  if (rt && rt->kind != TY_REGION) return NULL;
  *handled = true;
  bool ok = rt != NULL;
  for (uint32_t i = 0; i < e->sub.n; i++) {
    Expr *x = e->sub.index[i];
    if (!x || x->kind == EX_SLICE) {
      if (x) ck_error(ck, x->loc, "region fields are indexed by points, not slices");
      ok = false;
      continue;
    }
    const Type *it = ck_expr(ck, x);
    if (it && e->sub.n == 1 && rt && rt->ndim > 1 && tuple_point(it) == rt->ndim)
      continue;  // g.u[p], p a point tuple (from g.ispace, a point field, ...)
    if (it && it->kind != TY_INT) {
      ck_error(ck, x->loc, "a region index must be an integer%s, found %s",
               rt && rt->ndim > 1 ? " (or one tuple of them, a point)" : "", ck_tyname(ck, it));
      ok = false;
    } else if (!it) {
      ok = false;
    }
  }
  if (!rt) return set(e, NULL);
  int k = type_struct_field(rt->elem, base->attr.attr);
  if (k < 0) {
    Str fl;
    str_init(&fl);
    list_fields(rt->elem, &fl);
    ck_error(ck, base->loc, "region has no field '%s' (fields: %s)", base->attr.attr, fl.data);
    str_fini(&fl);
    return set(e, NULL);
  }
  if (ok && e->sub.n != rt->ndim && !(e->sub.n == 1 && rt->ndim > 1)) {
    ck_error(ck, e->loc, "a %u-d region is indexed with %u integer%s (a global point), found %u",
             rt->ndim, rt->ndim, rt->ndim == 1 ? "" : "s", e->sub.n);
    return set(e, NULL);
  }
  base->attr.akind = ATTR_RFIELD;
  base->attr.field = (uint32_t)k;
  base->ty = rt;
  e->sub.skind = SUB_RFIELD;
  return set(e, ok ? rt->elem->elems[k] : NULL);
}

// 'u' naming a field of region type rt; -1 after a diagnostic.
static int field_arg(Checker *ck, Expr *a, const Type *rt) {
  if (!a || a->kind != EX_STR) {
    ck_error(ck, a ? a->loc : (SrcLoc){0}, "the field is named by a string literal ('u')");
    return -1;
  }
  int k = type_struct_field(rt->elem, a->str.s);
  if (k < 0) {
    Str fl;
    str_init(&fl);
    list_fields(rt->elem, &fl);
    ck_error(ck, a->loc, "region has no field '%s' (fields: %s)", a->str.s, fl.data);
    str_fini(&fl);
  }
  return k;
}

static const Type *region_arg(Checker *ck, Expr *a, const char *what) {
  const Type *t = a ? ck_expr(ck, a) : NULL;
  if (t && t->kind != TY_REGION) {
    ck_error(ck, a->loc, "%s needs a region, found %s", what, ck_tyname(ck, t));
    return NULL;
  }
  return t;
}

static const Type *region_new(Checker *ck, Expr *e) {
  if (e->call.nargs != 2 || e->call.nkw) {
    ck_error(ck, e->loc, "Region takes a shape and a field space: Region([n, m], Cell)");
    return set(e, NULL);
  }
  Expr *sh = e->call.args[0], *fe = e->call.args[1];
  Expr *one[1] = {sh};
  Expr **xs = one;
  uint32_t nd = 1;
  if (sh && (sh->kind == EX_LIST || sh->kind == EX_TUPLE)) {
    xs = sh->seq.xs;
    nd = sh->seq.n;
  }
  if (nd < 1 || nd > 3) {
    ck_error(ck, sh ? sh->loc : e->loc, "a region has 1 to 3 dimensions");
    return set(e, NULL);
  }
  bool ok = true;
  for (uint32_t i = 0; i < nd; i++) {
    const Type *t = xs[i] ? ck_expr(ck, xs[i]) : NULL;
    if (t && t->kind != TY_INT && t->kind != TY_BOOL) {
      ck_error(ck, xs[i]->loc, "a region extent must be an integer, found %s", ck_tyname(ck, t));
      ok = false;
    }
    if (!t) ok = false;
  }
  const Type *fs = NULL;
  if (fe && fe->kind == EX_DICT) fs = dict_fieldspace(ck, fe);
  else if (fe && fe->kind == EX_NAME) {
    Symbol *s = ck_lookup(ck, fe->name.id);
    if (s && s->kind == SYM_STRUCT && s->ty) fs = s->ty;
    else
      ck_error(ck, fe->loc, "'%s' is not a @fieldspace class", ck_src(ck, fe->loc));
  } else if (fe) {
    ck_error(ck, fe->loc, "a region's field space is a @fieldspace class or a dict");
  }
  if (!fs || !ok) return set(e, NULL);
  e->call.ckind = CALL_REGION_NEW;
  return set(e, type_region(ck->tt, fs, nd));
}

const Type *ck_task_builtin(Checker *ck, Expr *e, const char *canon, bool *handled) {
  *handled = true;
  if (strcmp(canon, "pyc_task.Region") == 0) return region_new(ck, e);
  if (strcmp(canon, "pyc_task.index_launch") == 0) return ck_part_index_launch(ck, e);
  if (strcmp(canon, "pyc_task.IndexLaunch") == 0 || strcmp(canon, "pyc_task.Partition") == 0) {
    ck_error(ck, e->loc, strcmp(canon, "pyc_task.Partition") == 0
                             ? "partitions are made by Partition.equal / restrict / halo"
                             : "IndexLaunch(...) is only the iterable of a for loop: for i in IndexLaunch([n]): t(P[i])");
    return set(e, NULL);
  }
  bool is_fill = strcmp(canon, "pyc_task.fill") == 0;
  if (!is_fill && strcmp(canon, "pyc_task.copy") != 0) {
    *handled = false;
    return NULL;
  }
  if (e->call.nkw) {
    ck_error(ck, e->call.kw[0].loc, "%s takes no keyword arguments in compiled code",
             is_fill ? "fill" : "copy (redop=)");
    return set(e, NULL);
  }
  if (e->call.nargs != (is_fill ? 3u : 4u)) {
    ck_error(ck, e->loc, is_fill ? "fill takes (region, 'field', value)"
                                 : "copy takes (src, 'field', dst, 'field')");
    return set(e, NULL);
  }
  Expr **a = e->call.args;
  const Type *r = region_arg(ck, a[0], is_fill ? "fill" : "copy");
  if (is_fill) {
    const Type *vt = a[2] ? ck_expr(ck, a[2]) : NULL;
    if (!r) return set(e, NULL);
    int k = field_arg(ck, a[1], r);
    if (k < 0 || !vt) return set(e, NULL);
    if (!ck_convertible(ck, a[2], vt, r->elem->elems[k], false)) {
      ck_error(ck, a[2]->loc, "field '%s' is %s; cannot fill it with %s",
               r->elem->field_names[k], ck_tyname(ck, r->elem->elems[k]), ck_tyname(ck, vt));
      return set(e, NULL);
    }
    e->call.ckind = CALL_FILL;
    e->call.field_a = k;
    return set(e, ck->tt->t_void);
  }
  const Type *d = region_arg(ck, a[2], "copy");
  if (!r || !d) return set(e, NULL);
  int ks = field_arg(ck, a[1], r), kd = field_arg(ck, a[3], d);
  if (ks < 0 || kd < 0) return set(e, NULL);
  if (r->ndim != d->ndim || r->elem->elems[ks] != d->elem->elems[kd]) {
    ck_error(ck, e->loc, "copy needs regions of one rank and fields of one type");
    return set(e, NULL);
  }
  e->call.ckind = CALL_COPY;
  e->call.field_a = ks;
  e->call.field_b = kd;
  return set(e, ck->tt->t_void);
}

const Type *ck_task_method(Checker *ck, Expr *e, bool *handled) {
  const Type *pm = ck_part_method(ck, e, handled);  // Partition.equal(...) (check_partition.c)
  if (*handled) return pm;
  Expr *f = e->call.func;
  if (!f || f->kind != EX_ATTR || !f->attr.attr || strcmp(f->attr.attr, "get") != 0 ||
      ck_module_sym(ck, f->attr.value))
    return NULL;
  const Type *t = ck_expr(ck, f->attr.value);
  if (t && t->kind != TY_FUTURE) return NULL;
  *handled = true;
  if (!t) return set(e, NULL);
  if (e->call.nargs || e->call.nkw) {
    ck_error(ck, e->loc, "Future.get() takes no arguments");
    return set(e, NULL);
  }
  e->call.ckind = CALL_FUTURE_GET;
  return set(e, t->elem);
}

const Type *ck_task_for(Checker *ck, Expr *it) {
  const Type *pp = ck_part_for(ck, it);  // IndexLaunch([n]) / a partition's pieces
  if (pp) return pp;
  if (!it || it->kind != EX_ATTR || !it->attr.attr || strcmp(it->attr.attr, "ispace") != 0)
    return NULL;
  const Type *t = ck_expr(ck, it);
  if (!t || it->attr.akind != ATTR_ISPACE) return NULL;
  return type_point(ck->tt, t->ndim);
}
