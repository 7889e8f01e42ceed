// lower_task.c - the task layer in lowering (issue 4): typed AST -> task ops.
// - Region(shape, F) -> REGION_NEW (extents i64), owned: moved into a hidden
//   slot (regions are refcounted like arrays: lw_type_has_array is true).
// - r.u[p] -> REGION_LOAD / REGION_STORE (ival field, global indices i64; a
//   point tuple p gives its elements);
//   `r.u[p] += v` / `*= v` -> REGION_REDUCE (ival field | redop << 8) when the
//   value converts to the field type; other augmented ops load, apply, store;
//   `r.u[p] = max(r.u[p], v)` (or min, either argument order, the same
//   variables or literals as indices) -> REGION_REDUCE with max / min.
// - r.ispace.volume -> REGION_VOLUME; r.ispace.bounds -> tuple of
//   REGION_BOUND (lo: ival 2*axis, hi: 2*axis+1); r.ispace -> the region.
// - for p in r.ispace -> a FOR nest from lo to hi+1 per axis (row-major), p
//   assigned the int (1-D) or the tuple of ints.
// - fill / copy -> REGION_FILL / REGION_COPY; calling a task -> LAUNCH @task
//   (args cast to the parameter types) giving future<T> or nothing; f.get()
//   -> FUTURE_GET.
#include "lower.h"

static IrValue region_of(Lower *l, Expr *rfield) { return lw_expr(l, rfield->attr.value); }

// Region and global indices of r.u[i, j] (args[0] region, then indices).
static uint32_t field_ref(Lower *l, Expr *sub, IrValue *args) {
  args[0] = region_of(l, sub->sub.value);
  Expr *x0 = sub->sub.index[0];
  if (sub->sub.n == 1 && x0->ty && x0->ty->kind == TY_TUPLE) {  // g.u[p], p a point tuple
    return 1 + lw_tuple_i64s(l, lw_expr(l, x0), args + 1, 3, x0->loc);
  }
  for (uint32_t k = 0; k < sub->sub.n && k < 3; k++)
    args[1 + k] = lw_expr_to(l, sub->sub.index[k], l->tt->t_i64);
  return 1 + sub->sub.n;
}

static const Type *field_type(Lower *l, Expr *sub, IrValue region) {
  const Type *rt = ir_value_type(l->fn, region);
  return rt->elem->elems[sub->sub.value->attr.field];
}

IrValue lw_task_load(Lower *l, Expr *e) {
  IrValue args[4];
  uint32_t n = field_ref(l, e, args);
  IrInst *in = lw_emit(l, IR_OP_REGION_LOAD, field_type(l, e, args[0]), args, n, e->loc);
  in->ival = e->sub.value->attr.field;
  return lw_cast(l, in->result, e->ty, e->loc);
}

void lw_task_store(Lower *l, Expr *t, IrValue v, SrcLoc loc) {
  IrValue args[5];
  uint32_t n = field_ref(l, t, args);
  args[n] = lw_cast(l, v, field_type(l, t, args[0]), loc);
  IrInst *in = lw_emit(l, IR_OP_REGION_STORE, NULL, args, n + 1, loc);
  in->ival = t->sub.value->attr.field;
}

void lw_task_augassign(Lower *l, Stmt *s) {
  Expr *t = s->aug.target;
  IrValue args[5];
  uint32_t n = field_ref(l, t, args);
  const Type *ft = field_type(l, t, args[0]);
  uint32_t field = t->sub.value->attr.field;
  const Type *vt = s->aug.value->ty;
  bool direct = vt && type_is_scalar(vt) &&
                (ft->kind == TY_FLOAT || (vt->kind != TY_FLOAT && ft->kind == TY_INT));
  if (direct && (s->aug.op == BIN_ADD || s->aug.op == BIN_MUL)) {
    args[n] = lw_expr_to(l, s->aug.value, ft);
    IrInst *in = lw_emit(l, IR_OP_REGION_REDUCE, NULL, args, n + 1, s->loc);
    in->ival = field | (int64_t)(s->aug.op == BIN_ADD ? IR_REDOP_ADD : IR_REDOP_MUL) << 8;
    return;
  }
  IrInst *ld = lw_emit(l, IR_OP_REGION_LOAD, ft, args, n, t->loc);
  ld->ival = field;
  args[n] = lw_cast(l, lw_aug_apply(l, s, ld->result), ft, s->loc);
  IrInst *st = lw_emit(l, IR_OP_REGION_STORE, NULL, args, n + 1, s->loc);
  st->ival = field;
}

IrValue lw_task_attr(Lower *l, Expr *e) {
  Expr *b = e->attr.akind == ATTR_ISPACE ? e : e->attr.value;
  if (b->ty && b->ty->kind == TY_COLORSPACE) return lw_part_attr(l, e);  // P.color_space, cs
  if (e->attr.akind == ATTR_ISPACE) return lw_expr(l, e->attr.value);
  IrValue r = lw_expr(l, e->attr.value);
  const Type *rt = ir_value_type(l->fn, r);
  const Type *i64 = l->tt->t_i64;
  if (e->attr.akind == ATTR_VOLUME)
    return lw_emit(l, IR_OP_REGION_VOLUME, i64, &r, 1, e->loc)->result;
  if (e->attr.akind != ATTR_BOUNDS || rt->kind != TY_REGION || !e->ty)
    return lw_fail(l, e->loc, "a region attribute");
  IrValue ends[2];
  for (int hi = 0; hi < 2; hi++) {
    IrValue ax[3];
    for (unsigned d = 0; d < rt->ndim; d++) {
      IrInst *in = lw_emit(l, IR_OP_REGION_BOUND, i64, &r, 1, e->loc);
      in->ival = 2 * d + hi;
      ax[d] = in->result;
    }
    ends[hi] = rt->ndim == 1 ? ax[0] : lw_emit(l, IR_OP_TUPLE, e->ty->elems[0], ax, rt->ndim, e->loc)->result;
  }
  return lw_emit(l, IR_OP_TUPLE, e->ty, ends, 2, e->loc)->result;
}

void lw_task_for(Lower *l, Stmt *s, void (*body)(Lower *, const Block *)) {
  Expr *it = s->for_.iter;
  bool colors = it->ty && it->ty->kind == TY_COLORSPACE;  // for c in P.color_space / cs
  IrValue r = IR_NOVALUE, counts[3];
  unsigned nd = colors ? lw_part_counts(l, it, counts) : 0;  // 0..counts per axis
  if (!colors) r = lw_expr(l, it);
  const Type *rt = colors ? NULL : ir_value_type(l->fn, r);
  const Type *i64 = l->tt->t_i64;
  if (!colors) nd = rt->ndim;
  if (!colors && rt->kind != TY_REGION) {
    lw_fail(l, it->loc, "a loop over an index space");
    return;
  }
  IrBlock *outer = l->blk;
  if (!colors) {  // a sparse piece (by_field / preimage / image): its points, row-major
    IrInst *iff = lw_if(l, lw_emit(l, IR_OP_REGION_SPARSE, l->tt->t_bool, &r, 1, it->loc)->result,
                        it->loc);
    l->blk = iff->body[0];
    IrValue args[3] = {lw_const_int(l, i64, 0, it->loc),
                       lw_emit(l, IR_OP_REGION_VOLUME, i64, &r, 1, it->loc)->result,
                       lw_const_int(l, i64, 1, it->loc)};
    IrInst *f = lw_emit(l, IR_OP_FOR, NULL, args, 3, s->loc);
    l->blk = f->body[0];
    IrValue ka[2] = {r, f->result}, x[3];
    for (unsigned d = 0; d < rt->ndim; d++) {
      IrInst *pt = lw_emit(l, IR_OP_REGION_POINT, i64, ka, 2, it->loc);
      pt->ival = d;
      x[d] = pt->result;
    }
    IrValue p = rt->ndim == 1
                    ? x[0]
                    : lw_emit(l, IR_OP_TUPLE, s->for_.target->ty, x, rt->ndim, it->loc)->result;
    lw_assign_to(l, s->for_.target, p, s->for_.target->loc);
    body(l, &s->for_.body);
    l->blk = iff->body[1];  // a rectangle: the loop below
  }
  IrValue pt[3];
  for (unsigned d = 0; d < nd; d++) {
    IrValue start, end;
    if (colors) {
      start = lw_const_int(l, i64, 0, it->loc);
      end = counts[d];
    } else {
      IrInst *lo = lw_emit(l, IR_OP_REGION_BOUND, i64, &r, 1, it->loc);
      lo->ival = 2 * d;
      IrInst *hi = lw_emit(l, IR_OP_REGION_BOUND, i64, &r, 1, it->loc);
      hi->ival = 2 * d + 1;
      start = lo->result;
      end = lw_bin(l, IR_OP_ADD, i64, hi->result, lw_const_int(l, i64, 1, it->loc), it->loc);
    }
    IrValue args[3] = {start, end, lw_const_int(l, i64, 1, it->loc)};
    IrInst *f = lw_emit(l, IR_OP_FOR, NULL, args, 3, s->loc);
    pt[d] = f->result;
    l->blk = f->body[0];
  }
  IrValue p =
      nd == 1 ? pt[0] : lw_emit(l, IR_OP_TUPLE, s->for_.target->ty, pt, nd, it->loc)->result;
  lw_assign_to(l, s->for_.target, p, s->for_.target->loc);
  body(l, &s->for_.body);
  l->blk = outer;
}

static IrValue launch(Lower *l, Expr *e) {
  FuncDef *g = e->call.callee;
  IrValue args[64];
  if (!g || e->call.nargs > 64 || e->call.nargs != g->nparams) return lw_fail(l, e->loc, "a launch");
  if (g->autopart) return lw_part_autolaunch(l, e);  // @task(parallel=True) (lower_partition.c)
  for (uint32_t i = 0; i < e->call.nargs; i++)
    args[i] = lw_expr_to(l, e->call.args[i], g->params[i].ty);
  const Type *t = e->ty && e->ty->kind == TY_FUTURE ? e->ty : NULL;
  IrInst *in = lw_emit(l, IR_OP_LAUNCH, t, args, e->call.nargs, e->loc);
  in->sym = g->name;
  in->symlen = (uint32_t)strlen(g->name);
  return t ? lw_own(l, in->result, e->loc) : IR_NOVALUE;  // the future is owned: slot + decref
}

IrValue lw_task_call(Lower *l, Expr *e) {
  switch (e->call.ckind) {
  case CALL_LAUNCH: return launch(l, e);
  case CALL_FUTURE_GET: {
    IrValue f = lw_expr(l, e->call.func->attr.value);
    return lw_emit(l, IR_OP_FUTURE_GET, e->ty, &f, 1, e->loc)->result;
  }
  case CALL_REGION_NEW: {
    Expr *sh = e->call.args[0];
    IrValue ext[3];
    uint32_t nd = e->ty->ndim;
    for (uint32_t d = 0; d < nd; d++) {
      Expr *x = (sh->kind == EX_LIST || sh->kind == EX_TUPLE) ? sh->seq.xs[d] : sh;
      ext[d] = lw_expr_to(l, x, l->tt->t_i64);
    }
    IrValue r = lw_emit(l, IR_OP_REGION_NEW, e->ty, ext, nd, e->loc)->result;
    return lw_own(l, r, e->loc);
  }
  case CALL_FILL: {
    IrValue r = lw_expr(l, e->call.args[0]);
    const Type *rt = ir_value_type(l->fn, r);
    IrValue a[2] = {r, lw_expr_to(l, e->call.args[2], rt->elem->elems[e->call.field_a])};
    lw_emit(l, IR_OP_REGION_FILL, NULL, a, 2, e->loc)->ival = e->call.field_a;
    return IR_NOVALUE;
  }
  case CALL_COPY: {
    IrValue a[2] = {lw_expr(l, e->call.args[0]), lw_expr(l, e->call.args[2])};
    lw_emit(l, IR_OP_REGION_COPY, NULL, a, 2, e->loc)->ival =
        IR_REGION_COPY_FIELDS(e->call.field_a, e->call.field_b);
    return IR_NOVALUE;
  }
  default: return lw_fail(l, e->loc, "a call");
  }
}

// Same variable or same integer literal (the index expressions of a
// min/max reduction pattern).
static bool same_simple(const Expr *a, const Expr *b) {
  if (!a || !b || a->kind != b->kind) return false;
  if (a->kind == EX_NAME) return a->name.sym && a->name.sym == b->name.sym;
  if (a->kind == EX_INT) return a->ival == b->ival;
  return false;
}

static bool same_field_ref(const Expr *a, const Expr *b) {
  if (a->kind != EX_SUBSCRIPT || b->kind != EX_SUBSCRIPT || a->sub.skind != SUB_RFIELD ||
      b->sub.skind != SUB_RFIELD || a->sub.n != b->sub.n ||
      a->sub.value->attr.field != b->sub.value->attr.field ||
      !same_simple(a->sub.value->attr.value, b->sub.value->attr.value))
    return false;
  for (uint32_t k = 0; k < a->sub.n; k++)
    if (!same_simple(a->sub.index[k], b->sub.index[k])) return false;
  return true;
}

bool lw_task_assign_reduce(Lower *l, Stmt *s) {
  if (s->assign.ntargets != 1) return false;
  Expr *t = s->assign.targets[0], *v = s->assign.value;
  if (!t || t->kind != EX_SUBSCRIPT || t->sub.skind != SUB_RFIELD || !v || v->kind != EX_CALL ||
      v->call.ckind != CALL_BUILTIN || v->call.nargs != 2 || !v->call.callee_name || v->ty != t->ty)
    return false;
  bool is_max = strcmp(v->call.callee_name, "max") == 0;
  if (!is_max && strcmp(v->call.callee_name, "min") != 0) return false;
  int self = same_field_ref(t, v->call.args[0]) ? 0 : same_field_ref(t, v->call.args[1]) ? 1 : -1;
  if (self < 0) return false;
  IrValue args[5];
  uint32_t n = field_ref(l, t, args);
  args[n] = lw_expr_to(l, v->call.args[1 - self], field_type(l, t, args[0]));
  IrInst *in = lw_emit(l, IR_OP_REGION_REDUCE, NULL, args, n + 1, s->loc);
  in->ival = t->sub.value->attr.field | (int64_t)(is_max ? IR_REDOP_MAX : IR_REDOP_MIN) << 8;
  return true;
}
