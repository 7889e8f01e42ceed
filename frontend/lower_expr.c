// lower_expr.c - typed AST expressions -> TIR values: constants, names,
// attributes, subscripts (array elements with index normalization and
// bounds checks, tuple elements, shape), arithmetic, comparisons (chains),
// short-circuit boolean operators, conditional expressions and tuples.
// Calls are in lower_call.c. One construct per function.
#include "lower.h"

static const Type *ty_or_i64(Lower *l, Expr *e) { return e->ty ? e->ty : l->tt->t_i64; }

// 42 / 1.5 / True
static IrValue lower_const(Lower *l, Expr *e) {
  const Type *t = ty_or_i64(l, e);
  if (e->kind == EX_FLOAT) return lw_const_float(l, t, e->fval, e->loc);
  if (e->kind == EX_BOOL) return lw_const_int(l, t, e->bval, e->loc);
  if (t->kind == TY_FLOAT) return lw_const_float(l, t, (double)e->ival, e->loc);
  return lw_const_int(l, t, (int64_t)e->ival, e->loc);
}

static IrValue lower_symconst(Lower *l, Symbol *s, const Type *t, SrcLoc loc) {
  if (!t) t = s->ty;
  if (!t) return lw_fail(l, loc, "constant without a type");
  if (t->kind == TY_FLOAT)
    return lw_const_float(l, t, s->ty && s->ty->kind == TY_FLOAT ? s->cval_f : (double)s->cval_i,
                          loc);
  return lw_const_int(l, t, s->cval_i, loc);
}

const char *lw_name_slot(Lower *l, Expr *name) {
  Symbol *s = name->name.sym;
  if (!s) return NULL;
  if (s->kind == SYM_LOCAL) {
    const IrLocal *lo = ir_local_find(l->fn, s->name);
    return lo ? lo->name
              : ir_local(l->m, l->fn, s->name, lw_part_slot_type(l->tt, s->ty ? s->ty : name->ty));
  }
  if (s->kind == SYM_PARAM && s->index < l->fd->nparams) return l->param_slot[s->index];
  return NULL;
}

// x (local, parameter or constant)
static IrValue lower_name(Lower *l, Expr *e) {
  Symbol *s = e->name.sym;
  if (!s) return lw_fail(l, e->loc, "an unresolved name");
  switch (s->kind) {
  case SYM_LOCAL: return lw_lget(l, lw_name_slot(l, e), e->loc);
  case SYM_PARAM: {
    const char *slot = lw_name_slot(l, e);
    if (slot) return lw_lget(l, slot, e->loc);
    if (s->index >= l->fn->nparams) return lw_fail(l, e->loc, "a parameter");
    return s->index;
  }
  case SYM_CONST: return lower_symconst(l, s, e->ty, e->loc);
  default: return lw_fail(l, e->loc, "a name used as a value");
  }
}

// a.shape / c.field / math.pi
static IrValue lower_attr(Lower *l, Expr *e) {
  switch (e->attr.akind) {
  case ATTR_SHAPE: {
    IrValue arr = lw_expr(l, e->attr.value);
    const Type *at = ir_value_type(l->fn, arr);
    unsigned nd = at->kind == TY_ARRAY ? at->ndim : 0;
    IrValue dims[8];
    if (nd > 8) return lw_fail(l, e->loc, "shape of an array of rank > 8");
    for (unsigned k = 0; k < nd; k++) {
      IrInst *in = lw_emit(l, IR_OP_DIM, l->tt->t_i64, &arr, 1, e->loc);
      in->ival = k;
      dims[k] = in->result;
    }
    return lw_emit(l, IR_OP_TUPLE, e->ty, dims, nd, e->loc)->result;
  }
  case ATTR_FIELD: {
    IrValue v = lw_expr(l, e->attr.value);
    IrInst *in = lw_emit(l, IR_OP_STRUCT_GET, ty_or_i64(l, e), &v, 1, e->loc);
    in->ival = e->attr.field;
    return in->result;
  }
  case ATTR_MODULE:
    if (e->attr.sym && e->attr.sym->kind == SYM_CONST)
      return lower_symconst(l, e->attr.sym, e->ty, e->loc);
    return lw_fail(l, e->loc, "a module attribute used as a value");
  case ATTR_ISPACE: case ATTR_VOLUME: case ATTR_BOUNDS: return lw_task_attr(l, e);
  default: return lw_fail(l, e->loc, "an unresolved attribute");
  }
}

static bool const_int_value(Expr *e, int64_t *v) {
  if (e->kind == EX_INT && !e->int_overflow) {
    *v = (int64_t)e->ival;
    return true;
  }
  if (e->kind == EX_BOOL) {
    *v = e->bval;
    return true;
  }
  if (e->kind == EX_UNARY && e->un.op == UN_NEG && e->un.x->kind == EX_INT &&
      !e->un.x->int_overflow) {
    *v = (int64_t)(0 - e->un.x->ival);
    return true;
  }
  return false;
}

// One index of a[...] on `axis`: i64, negative normalized, bounds-checked.
IrValue lw_index(Lower *l, IrValue arr, IrValue idx, Expr *ie, unsigned axis, SrcLoc loc) {
  const Type *i64 = l->tt->t_i64;
  bool check = (l->fn->flags & IR_FN_BOUNDSCHECK) != 0;
  int64_t c = 0;
  bool is_const = ie && const_int_value(ie, &c);
  IrValue dim = IR_NOVALUE;
  if ((is_const && c < 0) || !is_const || check) {
    IrInst *d = lw_emit(l, IR_OP_DIM, i64, &arr, 1, loc);
    d->ival = axis;
    dim = d->result;
  }
  if (is_const) {
    idx = lw_const_int(l, i64, c, ie->loc);
    if (c < 0) idx = lw_bin(l, IR_OP_ADD, i64, idx, dim, loc);
  } else {
    idx = lw_cast(l, idx, i64, loc);
    const Type *it = ir_value_type(l->fn, idx);
    bool is_unsigned = ie && ie->ty && ie->ty->kind == TY_INT && !ie->ty->is_signed;
    bool is_bool = ie && ie->ty && ie->ty->kind == TY_BOOL;
    if (it == i64 && !is_unsigned && !is_bool) {
      IrValue zero = lw_const_int(l, i64, 0, loc);
      IrValue neg = lw_bin(l, IR_OP_CMP_LT, l->tt->t_bool, idx, zero, loc);
      IrValue wrapped = lw_bin(l, IR_OP_ADD, i64, idx, dim, loc);
      IrValue args[3] = {neg, wrapped, idx};
      idx = lw_emit(l, IR_OP_SELECT, i64, args, 3, loc)->result;
    }
  }
  if (check) {
    IrValue args[2] = {idx, dim};
    IrInst *b = lw_emit(l, IR_OP_BOUNDSCHECK, NULL, args, 2, loc);
    b->ival = axis;
  }
  return idx;
}

IrValue lw_element_ref(Lower *l, Expr *sub, IrValue *idx) {
  IrValue arr = lw_expr(l, sub->sub.value);
  const Type *at = ir_value_type(l->fn, arr);
  if (!at || at->kind != TY_ARRAY || sub->sub.n != at->ndim) {
    lw_fail(l, sub->loc, "an array subscript");
    return IR_NOVALUE;
  }
  IrValue raw[16];
  if (sub->sub.n > 16) {
    lw_fail(l, sub->loc, "an index with more than 16 axes");
    return IR_NOVALUE;
  }
  // Python evaluates all index expressions before indexing.
  for (uint32_t k = 0; k < sub->sub.n; k++) {
    int64_t c;
    Expr *ie = sub->sub.index[k];
    raw[k] = const_int_value(ie, &c) ? IR_NOVALUE : lw_expr(l, ie);
  }
  for (uint32_t k = 0; k < sub->sub.n; k++)
    idx[k] = lw_index(l, arr, raw[k], sub->sub.index[k], k, sub->sub.index[k]->loc);
  return arr;
}

// a[i, j] / t[k] / a.shape[k]
static IrValue lower_subscript(Lower *l, Expr *e) {
  if (e->sub.skind == SUB_TUPLE) {
    Expr *v = e->sub.value;
    if (v->kind == EX_ATTR && v->attr.akind == ATTR_SHAPE) {  // a.shape[k] -> DIM
      IrValue arr = lw_expr(l, v->attr.value);
      IrInst *in = lw_emit(l, IR_OP_DIM, l->tt->t_i64, &arr, 1, e->loc);
      in->ival = e->sub.tuple_index;
      return lw_cast(l, in->result, e->ty, e->loc);
    }
    IrValue t = lw_expr(l, v);
    IrInst *in = lw_emit(l, IR_OP_TUPLE_GET, ty_or_i64(l, e), &t, 1, e->loc);
    in->ival = e->sub.tuple_index;
    return in->result;
  }
  if (e->sub.skind == SUB_RFIELD) return lw_task_load(l, e);
  if (e->sub.skind == SUB_PIECE) return lw_part_piece(l, e);
  if (e->sub.skind != SUB_ELEMENT) return lw_fail(l, e->loc, "a subscript");
  IrValue args[17];
  IrValue arr = lw_element_ref(l, e, args + 1);
  if (arr == IR_NOVALUE) return lw_const_int(l, ty_or_i64(l, e), 0, e->loc);
  args[0] = arr;
  const Type *et = ir_value_type(l->fn, arr)->elem;
  IrValue v = lw_emit(l, IR_OP_LOAD, et, args, e->sub.n + 1, e->loc)->result;
  return lw_cast(l, v, e->ty, e->loc);
}

static IrOp binop_ir(BinOp op) {
  switch (op) {
  case BIN_ADD: return IR_OP_ADD;
  case BIN_SUB: return IR_OP_SUB;
  case BIN_MUL: return IR_OP_MUL;
  case BIN_TRUEDIV: return IR_OP_TRUEDIV;
  case BIN_FLOORDIV: return IR_OP_FLOORDIV;
  case BIN_MOD: return IR_OP_MOD;
  case BIN_POW: return IR_OP_POW;
  case BIN_LSHIFT: return IR_OP_SHL;
  case BIN_RSHIFT: return IR_OP_SHR;
  case BIN_BITOR: return IR_OP_BOR;
  case BIN_BITXOR: return IR_OP_BXOR;
  case BIN_BITAND: return IR_OP_BAND;
  default: return IR_OP_COUNT;
  }
}

// l <op> r
static IrValue lower_binop(Lower *l, Expr *e) {
  IrOp op = binop_ir(e->bin.op);
  const Type *ot = e->bin.opty ? e->bin.opty : e->ty;
  if (op == IR_OP_COUNT || !ot) return lw_fail(l, e->loc, "a binary operator");
  const Type *lt = e->bin.l->ty, *rt = e->bin.r->ty;
  if (op == IR_OP_TRUEDIV && lt && rt && lt->kind != TY_FLOAT && rt->kind != TY_FLOAT) {
    // int / int: CPython divides the exact integers (correctly rounded, and
    // 'division by zero' on 0), so keep the operands integral.
    const Type *i64 = l->tt->t_i64;
    IrValue a = lw_expr_to(l, e->bin.l, i64);
    IrValue b = lw_expr_to(l, e->bin.r, i64);
    return lw_cast(l, lw_bin(l, op, ot, a, b, e->loc), e->ty, e->loc);
  }
  IrValue a = lw_expr_to(l, e->bin.l, ot);
  IrValue b = lw_expr_to(l, e->bin.r, ot);
  IrValue r = lw_bin(l, op, ot, a, b, e->loc);
  return lw_cast(l, r, e->ty, e->loc);
}

// -x / +x / not x / ~x
static IrValue lower_unary(Lower *l, Expr *e) {
  const Type *t = ty_or_i64(l, e);
  switch (e->un.op) {
  case UN_POS: return lw_expr_to(l, e->un.x, t);
  case UN_NEG:
    if (e->un.x->kind == EX_INT && t->kind == TY_INT && !e->un.x->int_overflow)
      return lw_const_int(l, t, (int64_t)(0 - e->un.x->ival), e->loc);
    if (e->un.x->kind == EX_FLOAT && t->kind == TY_FLOAT)
      return lw_const_float(l, t, -e->un.x->fval, e->loc);
    return lw_un(l, IR_OP_NEG, t, lw_expr_to(l, e->un.x, t), e->loc);
  case UN_INVERT: return lw_un(l, IR_OP_INVERT, t, lw_expr_to(l, e->un.x, t), e->loc);
  case UN_NOT: return lw_un(l, IR_OP_NOT, l->tt->t_bool, lw_cond(l, e->un.x), e->loc);
  default: return lw_fail(l, e->loc, "a unary operator");
  }
}

// Pure and cheap: may be evaluated unconditionally (SELECT instead of IF).
static bool is_trivial(Expr *e) {
  switch (e->kind) {
  case EX_INT:
  case EX_FLOAT:
  case EX_BOOL: return true;
  case EX_NAME: return e->name.sym && e->name.sym->kind != SYM_FUNC;
  default: return false;
  }
}

// a and b and c / a or b
static IrValue lower_boolop(Lower *l, Expr *e) {
  const Type *t = ty_or_i64(l, e);
  const char *slot = lw_temp(l, t);
  IrBlock *outer = l->blk;
  for (uint32_t i = 0; i < e->boolop.n; i++) {
    IrValue v = lw_expr_to(l, e->boolop.xs[i], t);
    lw_lset(l, slot, v, e->boolop.xs[i]->loc);
    if (i + 1 == e->boolop.n) break;
    IrValue c = lw_truth(l, v, e->boolop.xs[i]->loc);
    IrInst *in = lw_if(l, c, e->loc);
    l->blk = e->boolop.is_and ? in->body[0] : in->body[1];  // and: go on if true; or: if false
  }
  l->blk = outer;
  return lw_lget(l, slot, e->loc);
}

static IrOp cmp_ir(CmpOp op) {
  switch (op) {
  case CMP_LT: return IR_OP_CMP_LT;
  case CMP_LE: return IR_OP_CMP_LE;
  case CMP_GT: return IR_OP_CMP_GT;
  case CMP_GE: return IR_OP_CMP_GE;
  case CMP_EQ: return IR_OP_CMP_EQ;
  case CMP_NE: return IR_OP_CMP_NE;
  default: return IR_OP_COUNT;
  }
}

static bool is_int64(const Type *t) { return t && t->kind == TY_INT && t->bits == 64; }

// A 64-bit int `a` against a float64 `b`, exactly as CPython compares them:
// when (f64)a == b (b is then integral), the ints a and (int)b decide.
static IrValue compare_exact(Lower *l, IrOp op, IrValue a, IrValue b, bool int_left, SrcLoc loc) {
  const Type *it = ir_value_type(l->fn, a), *bt = l->tt->t_bool;
  IrValue fa = lw_cast(l, a, l->tt->t_f64, loc);
  IrValue tie = lw_bin(l, IR_OP_CMP_EQ, bt, fa, b, loc);
  IrValue bi = lw_cast(l, b, it, loc);
  IrValue ci = int_left ? lw_bin(l, op, bt, a, bi, loc) : lw_bin(l, op, bt, bi, a, loc);
  IrValue cf = int_left ? lw_bin(l, op, bt, fa, b, loc) : lw_bin(l, op, bt, b, fa, loc);
  IrValue args[3] = {tie, ci, cf};
  return lw_emit(l, IR_OP_SELECT, bt, args, 3, loc)->result;
}

static IrValue compare_one(Lower *l, Expr *e, uint32_t k, IrValue a, IrValue b) {
  IrOp op = cmp_ir(e->cmp.ops[k]);
  const Type *ot = e->cmp.optys ? e->cmp.optys[k] : NULL;
  if (op == IR_OP_COUNT) return lw_fail(l, e->loc, "this comparison operator");
  const Type *ta = ir_value_type(l->fn, a), *tb = ir_value_type(l->fn, b);
  if (ot == l->tt->t_f64 && is_int64(ta) && tb == ot)
    return compare_exact(l, op, a, b, true, e->loc);
  if (ot == l->tt->t_f64 && is_int64(tb) && ta == ot)
    return compare_exact(l, op, b, a, false, e->loc);
  a = lw_cast(l, a, ot, e->loc);
  b = lw_cast(l, b, ot, e->loc);
  return lw_bin(l, op, l->tt->t_bool, a, b, e->loc);
}

// a < b, a < b <= c (each operand once, short-circuit)
static IrValue lower_compare(Lower *l, Expr *e) {
  IrValue a = lw_expr(l, e->cmp.first);
  if (e->cmp.n == 1) return compare_one(l, e, 0, a, lw_expr(l, e->cmp.rest[0]));
  const char *slot = lw_temp(l, l->tt->t_bool);
  IrBlock *outer = l->blk;
  for (uint32_t k = 0; k < e->cmp.n; k++) {
    IrValue b = lw_expr(l, e->cmp.rest[k]);
    IrValue c = compare_one(l, e, k, a, b);
    lw_lset(l, slot, c, e->loc);
    if (k + 1 < e->cmp.n) l->blk = lw_if(l, c, e->loc)->body[0];
    a = b;
  }
  l->blk = outer;
  return lw_lget(l, slot, e->loc);
}

// then if cond else els
static IrValue lower_ifexp(Lower *l, Expr *e) {
  const Type *t = lw_part_slot_type(l->tt, ty_or_i64(l, e));  // a color space: its counts
  IrValue c = lw_cond(l, e->ifexp.cond);
  if (is_trivial(e->ifexp.then) && is_trivial(e->ifexp.els)) {
    IrValue args[3] = {c, lw_expr_to(l, e->ifexp.then, t), lw_expr_to(l, e->ifexp.els, t)};
    return lw_emit(l, IR_OP_SELECT, t, args, 3, e->loc)->result;
  }
  const char *slot = lw_temp(l, t);
  IrInst *in = lw_if(l, c, e->loc);
  IrBlock *outer = l->blk;
  l->blk = in->body[0];
  lw_lset(l, slot, lw_expr_to(l, e->ifexp.then, t), e->ifexp.then->loc);
  l->blk = in->body[1];
  lw_lset(l, slot, lw_expr_to(l, e->ifexp.els, t), e->ifexp.els->loc);
  l->blk = outer;
  return lw_lget(l, slot, e->loc);
}

// (a, b, c)
static IrValue lower_tuple(Lower *l, Expr *e) {
  const Type *t = e->ty;
  if (!t || t->kind != TY_TUPLE || t->nelems != e->seq.n) return lw_fail(l, e->loc, "a tuple");
  IrValue *xs = ARENA_ARRAY(l->cx->arena, IrValue, e->seq.n ? e->seq.n : 1);
  for (uint32_t i = 0; i < e->seq.n; i++) xs[i] = lw_expr_to(l, e->seq.xs[i], t->elems[i]);
  return lw_emit(l, IR_OP_TUPLE, t, xs, e->seq.n, e->loc)->result;
}

IrValue lw_expr_void(Lower *l, Expr *e) {
  switch (e->kind) {
  case EX_INT:
  case EX_FLOAT:
  case EX_BOOL: return lower_const(l, e);
  case EX_NAME: return lower_name(l, e);
  case EX_ATTR: return lower_attr(l, e);
  case EX_SUBSCRIPT: return lower_subscript(l, e);
  case EX_CALL: return lw_call(l, e);
  case EX_BINOP: return lower_binop(l, e);
  case EX_UNARY: return lower_unary(l, e);
  case EX_BOOLOP: return lower_boolop(l, e);
  case EX_COMPARE: return lower_compare(l, e);
  case EX_IFEXP: return lower_ifexp(l, e);
  case EX_TUPLE: return lower_tuple(l, e);
  default: return lw_fail(l, e->loc, "this expression");
  }
}

IrValue lw_expr(Lower *l, Expr *e) {
  IrValue v = lw_expr_void(l, e);
  return v != IR_NOVALUE ? v : lw_fail(l, e->loc, "a None value");
}

IrValue lw_expr_to(Lower *l, Expr *e, const Type *t) {
  int64_t c;
  if (t && t->kind == TY_FLOAT && e->kind == EX_INT)
    return lw_const_float(l, t, (double)e->ival, e->loc);
  if (t && (t->kind == TY_INT || t->kind == TY_FLOAT) && const_int_value(e, &c) &&
      e->kind != EX_BOOL)
    return lw_const_int(l, t, c, e->loc);  // a literal converted at compile time
  if (t && t->kind == TY_FLOAT && e->kind == EX_FLOAT) return lw_const_float(l, t, e->fval, e->loc);
  return lw_cast(l, lw_expr(l, e), t, e->loc);
}

IrValue lw_cond(Lower *l, Expr *e) { return lw_truth(l, lw_expr(l, e), e->loc); }
