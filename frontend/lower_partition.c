// lower_partition.c - partitions and index launches in lowering (issue 5):
// - Partition.equal(R, [n..]) -> PARTITION_EQUAL, restrict -> PARTITION_RESTRICT
//   (colors, the transform flattened row-major, the extent), halo ->
//   PARTITION_HALO, image / by_field / preimage -> PARTITION_IMAGE / BY_FIELD
//   / PREIMAGE (ival the field); each result is owned (a hidden slot,
//   released at exit).
// - P.color_space -> PARTITION_COLORS per axis (as color counts, in `for c in
//   P.color_space` (lower_task.c), .bounds); len() / .volume ->
//   PARTITION_VOLUME. `cs = P.color_space` keeps the counts (i64, or a tuple
//   in n-d) in cs; cs's uses read them (TUPLE_GET; MUL for len / .volume).
//   index_launch(...) without reduce= whose value is kept
//   -> INDEX_LAUNCH : futuremap<T,cdim>; fm[i].get() -> FUTURE_MAP_GET,
//   fm.wait() -> FUTURE_WAIT.
// - P[i] / P[i, j] / P[c] -> PARTITION_GET (the piece, borrowed).
// - for q in P -> FOR k in 0..PARTITION_VOLUME, q = PARTITION_GET P, k (ival 1).
// - for i in IndexLaunch([n]): t(P[i], x, i) and index_launch([n], t, P[ID],
//   x, ID, reduce=op) -> one INDEX_LAUNCH @t: the color counts, then per
//   parameter the partition (P[i] / P[ID], the identity projection), the
//   value, or 0 for the point (its parameter in ival); the checker verified
//   them (check_partition.c).
#include "lower.h"

// The elements of a list/tuple (nested one level when flat2) or one value.
static uint32_t flat_exprs(Expr *x, Expr **out, uint32_t max, bool flat2) {
  if (x->kind != EX_LIST && x->kind != EX_TUPLE) {
    out[0] = x;
    return 1;
  }
  uint32_t n = 0;
  for (uint32_t i = 0; i < x->seq.n && n < max; i++) {
    Expr *y = x->seq.xs[i];
    if (flat2 && (y->kind == EX_LIST || y->kind == EX_TUPLE))
      n += flat_exprs(y, out + n, max - n, false);
    else
      out[n++] = y;
  }
  return n;
}

// A color space (checked: ColorSpace[cdim]): P.color_space or a variable.
static bool color_space(const Expr *x) { return x->ty && x->ty->kind == TY_COLORSPACE; }

const Type *lw_part_slot_type(TypeTable *tt, const Type *t) {
  if (!t || t->kind != TY_COLORSPACE) return t;
  return type_point(tt, t->ndim);  // the color counts: i64, or a tuple of them
}

uint32_t lw_part_counts(Lower *l, Expr *x, IrValue *out) {
  unsigned cd = x->ty->ndim;
  if (x->kind == EX_ATTR && x->attr.akind == ATTR_ISPACE) {  // P.color_space: PARTITION_COLORS
    IrValue p = lw_expr(l, x->attr.value);
    for (unsigned d = 0; d < cd; d++) {
      IrInst *c = lw_emit(l, IR_OP_PARTITION_COLORS, l->tt->t_i64, &p, 1, x->loc);
      c->ival = d;
      out[d] = c->result;
    }
    return cd;
  }
  IrValue v = lw_expr(l, x);  // cs: the counts it holds (i64, or a tuple in n-d)
  if (cd == 1) {
    out[0] = v;
    return 1;
  }
  return lw_tuple_i64s(l, v, out, cd, x->loc);
}

// The number of colors of a color space: PARTITION_VOLUME of P for
// P.color_space, the product of the counts of a variable.
static IrValue color_volume(Lower *l, Expr *x, SrcLoc loc) {
  const Type *i64 = l->tt->t_i64;
  if (x->kind == EX_ATTR && x->attr.akind == ATTR_ISPACE) {
    IrValue p = lw_expr(l, x->attr.value);
    return lw_emit(l, IR_OP_PARTITION_VOLUME, i64, &p, 1, loc)->result;
  }
  IrValue c[3];
  uint32_t cd = lw_part_counts(l, x, c);
  IrValue v = c[0];
  for (uint32_t d = 1; d < cd; d++) v = lw_bin(l, IR_OP_MUL, i64, v, c[d], loc);
  return v;
}

static uint32_t lower_ints(Lower *l, Expr *x, IrValue *out, uint32_t max, bool flat2) {
  if (color_space(x)) return lw_part_counts(l, x, out);  // IndexLaunch(P.color_space / cs)
  Expr *xs[9];
  uint32_t n = flat_exprs(x, xs, max < 9 ? max : 9, flat2);
  for (uint32_t i = 0; i < n; i++) out[i] = lw_expr_to(l, xs[i], l->tt->t_i64);
  return n;
}

static bool names_id(const Expr *x) {
  const Symbol *s = x->kind == EX_NAME ? x->name.sym : x->kind == EX_ATTR ? x->attr.sym : NULL;
  if (x->kind == EX_ATTR && x->attr.akind != ATTR_MODULE) s = NULL;
  return s && s->kind == SYM_BUILTIN && strcmp(s->name, "pyc_task.ID") == 0;
}

static IrValue index_launch(Lower *l, FuncDef *g, Expr *colors, Expr **args, const char *point,
                            int redop, const Type *rty, SrcLoc loc) {
  IrValue ops[3 + 64];
  uint32_t cd = lower_ints(l, colors, ops, 3, false);
  int idp = -1;
  for (uint32_t k = 0; k < g->nparams; k++) {
    Expr *a = args[k];
    bool projected = a->kind == EX_SUBSCRIPT && a->sub.skind == SUB_PIECE && a->sub.n == 1 &&
                     (point ? a->sub.index[0]->kind == EX_NAME && a->sub.index[0]->name.id == point
                            : names_id(a->sub.index[0]));
    bool id = point ? a->kind == EX_NAME && a->name.id == point : names_id(a);
    if (projected) {
      ops[cd + k] = lw_expr(l, a->sub.value);
    } else if (id) {
      ops[cd + k] = lw_const_int(l, g->params[k].ty, 0, a->loc);
      idp = (int)k;
    } else {
      ops[cd + k] = lw_expr_to(l, a, g->params[k].ty);
    }
  }
  IrInst *in = lw_emit(l, IR_OP_INDEX_LAUNCH, rty, ops, cd + g->nparams, loc);
  in->sym = g->name;
  in->symlen = (uint32_t)strlen(g->name);
  in->ival = IR_INDEX_IVAL(cd, redop, idp);
  return rty ? lw_own(l, in->result, loc) : IR_NOVALUE;  // the future is owned: slot + decref
}

// fm[i].get() (FUTURE_MAP_GET) and fm.wait() (FUTURE_WAIT).
static IrValue future_map_call(Lower *l, Expr *e) {
  Expr *v = e->call.func->attr.value;
  if (e->call.field_a == 5) {
    IrValue fm = lw_expr(l, v);
    lw_emit(l, IR_OP_FUTURE_WAIT, l->tt->t_void, &fm, 1, e->loc);
    return IR_NOVALUE;
  }
  IrValue ops[4] = {lw_expr(l, v->sub.value)};
  for (uint32_t i = 0; i < v->sub.n && i < 3; i++)
    ops[1 + i] = lw_expr_to(l, v->sub.index[i], l->tt->t_i64);
  return lw_emit(l, IR_OP_FUTURE_MAP_GET, e->ty, ops, 1 + (v->sub.n < 3 ? v->sub.n : 3), e->loc)
      ->result;
}

IrValue lw_part_call(Lower *l, Expr *e) {
  Expr **a = e->call.args;
  if (e->call.ckind == CALL_INDEX_LAUNCH) {  // a future (reduce=), a futuremap, or nothing
    const Type *rt = e->ty && e->ty->kind == TY_FUTURE ? e->ty : NULL;
    return index_launch(l, e->call.callee, a[0], a + 2, NULL, e->call.field_a, rt, e->loc);
  }
  if (e->call.ckind == CALL_PARTITION && (e->call.field_a == 4 || e->call.field_a == 5))
    return future_map_call(l, e);
  if (e->call.ckind != CALL_PARTITION) return lw_fail(l, e->loc, "a call");
  IrValue ops[1 + 3 + 9 + 3];
  IrInst *in;
  if (e->call.field_a == 6 || e->call.field_a == 7) {  // by_field(R, 'f', [n, ...]), preimage(R, P, 'f')
    ops[0] = lw_expr(l, a[0]);
    uint32_t n = 2;
    if (e->call.field_a == 6) {
      n = 1 + lower_ints(l, a[2], ops + 1, 3, false);
    } else {
      ops[1] = lw_expr(l, a[1]);
    }
    in = lw_emit(l, e->call.field_a == 6 ? IR_OP_PARTITION_BY_FIELD : IR_OP_PARTITION_PREIMAGE,
                 e->ty, ops, n, e->loc);
    in->ival = e->call.field_b;
  } else if (e->call.field_a == 3) {  // image
    ops[0] = lw_expr(l, a[0]);
    ops[1] = lw_expr(l, a[1]);
    in = lw_emit(l, IR_OP_PARTITION_IMAGE, e->ty, ops, 2, e->loc);
    in->ival = e->call.field_b;
  } else if (e->call.field_a == 2) {  // halo
    ops[0] = lw_expr(l, a[0]);
    ops[1] = lw_expr_to(l, a[1], l->tt->t_i64);
    in = lw_emit(l, IR_OP_PARTITION_HALO, e->ty, ops, 2, e->loc);
  } else {
    ops[0] = lw_expr(l, a[0]);
    uint32_t n = 1 + lower_ints(l, a[1], ops + 1, 3, false);
    if (e->call.field_a == 1) {
      n += lower_ints(l, a[2], ops + n, 9, true);
      n += lower_ints(l, a[3], ops + n, 3, false);
    }
    in = lw_emit(l, e->call.field_a ? IR_OP_PARTITION_RESTRICT : IR_OP_PARTITION_EQUAL, e->ty, ops,
                 n, e->loc);
  }
  return lw_own(l, in->result, e->loc);
}

IrValue lw_part_piece(Lower *l, Expr *e) {
  IrValue ops[4];
  ops[0] = lw_expr(l, e->sub.value);
  const Type *pt = ir_value_type(l->fn, ops[0]);
  uint32_t n = 1;
  if (e->sub.n == 1 && pt->ndim > 1) {  // P[c], c a tuple point
    n += lw_tuple_i64s(l, lw_expr(l, e->sub.index[0]), ops + 1, pt->ndim, e->loc);
  } else {
    for (uint32_t i = 0; i < e->sub.n && i < 3; i++)
      ops[n++] = lw_expr_to(l, e->sub.index[i], l->tt->t_i64);
  }
  return lw_emit(l, IR_OP_PARTITION_GET, pt->elem, ops, n, e->loc)->result;
}

bool lw_part_for(Lower *l, Stmt *s, void (*body)(Lower *, const Block *)) {
  Expr *it = s->for_.iter;
  if (it->kind == EX_CALL && it->call.ckind == CALL_INDEX_SPACE) {
    Expr *c = s->for_.body.stmts[0]->expr;
    Expr *colors = it->call.args[0];
    index_launch(l, c->call.callee, colors, c->call.args, s->for_.target->name.id, -1, NULL,
                 s->loc);
    return true;
  }
  if (!(it->kind == EX_NAME && it->ty && it->ty->kind == TY_PARTITION)) return false;
  const Type *i64 = l->tt->t_i64;
  IrValue p = lw_expr(l, it);
  IrValue args[3] = {lw_const_int(l, i64, 0, it->loc),
                     lw_emit(l, IR_OP_PARTITION_VOLUME, i64, &p, 1, it->loc)->result,
                     lw_const_int(l, i64, 1, it->loc)};
  IrInst *f = lw_emit(l, IR_OP_FOR, NULL, args, 3, s->loc);
  IrBlock *outer = l->blk;
  l->blk = f->body[0];
  IrValue ops[2] = {p, f->result};
  IrInst *g = lw_emit(l, IR_OP_PARTITION_GET, it->ty->elem, ops, 2, it->loc);
  g->ival = 1;
  lw_assign_to(l, s->for_.target, g->result, s->for_.target->loc);
  body(l, &s->for_.body);
  l->blk = outer;
  return true;
}

// A launch of a @task(parallel=True) task (check_autopart.c set the plan):
// if every partitioned region argument has the bounds of the region the
// task loops over, an index launch over the workers (an equal partition of
// row blocks, 0 = one per worker; halos as wide as the reads' offsets),
// else the plain launch (same meaning, one task).
IrValue lw_part_autolaunch(Lower *l, Expr *e) {
  FuncDef *g = e->call.callee;
  const Type *i64 = l->tt->t_i64, *tb = l->tt->t_bool;
  IrValue vals[64], ops[3 + 64];
  for (uint32_t k = 0; k < g->nparams && k < 64; k++)
    vals[k] = lw_expr_to(l, e->call.args[k], g->params[k].ty);
  uint32_t w = (uint32_t)g->autopart_iter;
  unsigned nd = g->params[w].ty->ndim;
  IrValue cond = IR_NOVALUE;
  for (uint32_t k = 0; k < g->nparams; k++) {
    if (k == w || g->autopart[k] < 0) continue;
    for (unsigned b = 0; b < 2 * nd; b++) {
      IrInst *x = lw_emit(l, IR_OP_REGION_BOUND, i64, &vals[k], 1, e->loc);
      IrInst *y = lw_emit(l, IR_OP_REGION_BOUND, i64, &vals[w], 1, e->loc);
      x->ival = y->ival = b;
      IrValue eq = lw_bin(l, IR_OP_CMP_EQ, tb, x->result, y->result, e->loc);
      cond = cond == IR_NOVALUE ? eq : lw_bin(l, IR_OP_BAND, tb, cond, eq, e->loc);
    }
  }
  IrBlock *outer = l->blk;
  IrInst *iff = cond == IR_NOVALUE ? NULL : lw_if(l, cond, e->loc);
  if (iff) l->blk = iff->body[0];
  IrValue colors[4] = {lw_const_int(l, i64, 0, e->loc), lw_const_int(l, i64, 1, e->loc),
                       lw_const_int(l, i64, 1, e->loc)};
  IrValue pw = IR_NOVALUE;
  for (uint32_t k = 0; k < g->nparams; k++) {
    if (g->autopart[k] < 0) {
      ops[nd + k] = vals[k];
      continue;
    }
    const Type *rt = g->params[k].ty;
    IrValue a[4] = {vals[k], colors[0], colors[1], colors[2]};
    IrInst *p = lw_emit(l, IR_OP_PARTITION_EQUAL, type_partition(l->tt, rt, nd, PART_EQUAL), a,
                        1 + nd, e->loc);
    IrValue pv = lw_own(l, p->result, e->loc);
    if (k == w) pw = pv;
    if (g->autopart[k] > 0) {
      IrValue h[2] = {pv, lw_const_int(l, i64, g->autopart[k], e->loc)};
      p = lw_emit(l, IR_OP_PARTITION_HALO, type_partition(l->tt, rt, nd, PART_HALO), h, 2, e->loc);
      pv = lw_own(l, p->result, e->loc);
    }
    ops[nd + k] = pv;
  }
  ops[0] = lw_emit(l, IR_OP_PARTITION_VOLUME, i64, &pw, 1, e->loc)->result;
  for (unsigned d = 1; d < nd; d++) ops[d] = colors[d];
  IrInst *in = lw_emit(l, IR_OP_INDEX_LAUNCH, NULL, ops, nd + g->nparams, e->loc);
  in->sym = g->name;
  in->symlen = (uint32_t)strlen(g->name);
  in->ival = IR_INDEX_IVAL(nd, -1, -1);
  if (iff) {
    l->blk = iff->body[1];
    IrInst *one = lw_emit(l, IR_OP_LAUNCH, NULL, vals, g->nparams, e->loc);
    one->sym = g->name;
    one->symlen = (uint32_t)strlen(g->name);
    l->blk = outer;
  }
  return IR_NOVALUE;
}

// len(P), len(P.color_space), len(cs): the number of colors.
IrValue lw_part_len(Lower *l, Expr *a) {
  if (color_space(a)) return color_volume(l, a, a->loc);
  IrValue p = lw_expr(l, a);
  return lw_emit(l, IR_OP_PARTITION_VOLUME, l->tt->t_i64, &p, 1, a->loc)->result;
}

// P.color_space as a value (kept in a variable): its color counts, i64 or a
// tuple (lw_part_slot_type). cs.volume / .bounds (a color space starts at
// 0): from the color counts.
IrValue lw_part_attr(Lower *l, Expr *e) {
  const Type *i64 = l->tt->t_i64;
  IrValue c[3], lo[3], hi[3], ends[2];
  if (color_space(e)) {
    uint32_t cd = lw_part_counts(l, e, c);
    if (cd == 1) return c[0];
    return lw_emit(l, IR_OP_TUPLE, lw_part_slot_type(l->tt, e->ty), c, cd, e->loc)->result;
  }
  Expr *cs = e->attr.value;  // .volume / .bounds of a color space
  if (e->attr.akind == ATTR_VOLUME) return color_volume(l, cs, e->loc);
  if (e->attr.akind != ATTR_BOUNDS || !e->ty) return lw_fail(l, e->loc, "a color space attribute");
  uint32_t cd = lw_part_counts(l, cs, c);
  for (unsigned d = 0; d < cd; d++) {
    lo[d] = lw_const_int(l, i64, 0, e->loc);
    hi[d] = lw_bin(l, IR_OP_SUB, i64, c[d], lw_const_int(l, i64, 1, e->loc), e->loc);
  }
  ends[0] = cd == 1 ? lo[0] : lw_emit(l, IR_OP_TUPLE, e->ty->elems[0], lo, cd, e->loc)->result;
  ends[1] = cd == 1 ? hi[0] : lw_emit(l, IR_OP_TUPLE, e->ty->elems[1], hi, cd, e->loc)->result;
  return lw_emit(l, IR_OP_TUPLE, e->ty, ends, 2, e->loc)->result;
}
