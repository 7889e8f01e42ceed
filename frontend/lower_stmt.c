// lower_stmt.c - typed AST statements -> TIR: assignment (names, tuple
// unpacking, array elements, struct fields), augmented assignment, if,
// while, for over range/prange, break/continue (with loop else clauses),
// return, assert and raise. Statements after a terminator are dropped.
// One Python construct per function.
#include "lower.h"

#include "pyc/runtime.h"

static void lower_stmt(Lower *l, Stmt *s);

void lw_block(Lower *l, const Block *b) {
  for (uint32_t i = 0; i < b->n && !ir_block_terminated(l->blk); i++) lower_stmt(l, b->stmts[i]);
}

// Lower `b` into `into`, then come back to the current block.
static void block_into(Lower *l, IrBlock *into, const Block *b) {
  IrBlock *outer = l->blk;
  l->blk = into;
  lw_block(l, b);
  l->blk = outer;
}

static bool is_nonzero_const(Expr *e) {
  if (e->kind == EX_INT) return e->ival != 0;
  if (e->kind == EX_UNARY && e->un.op == UN_NEG && e->un.x->kind == EX_INT)
    return e->un.x->ival != 0;
  return false;
}

static void raise_msg(Lower *l, int kind, const char *msg, uint32_t len, SrcLoc loc) {
  IrInst *in = lw_emit(l, IR_OP_RAISE, NULL, NULL, 0, loc);
  in->ival = kind;
  in->sym = msg ? lw_bytes(l, msg, len) : NULL;
  in->symlen = msg ? len : 0;
}

// Raise `kind` with message expression `msg` (NULL: empty): literal bytes, or the fmt buffer.
static void raise_with(Lower *l, int kind, Expr *msg, SrcLoc loc) {
  if (!msg) {
    raise_msg(l, kind, "", 0, loc);
    return;
  }
  if (msg->kind == EX_STR) {
    raise_msg(l, kind, msg->str.s, msg->str.len, loc);
    return;
  }
  LwVals vals = {0};
  uint32_t next = 0;
  lw_fmt_eval(l, msg, &vals);
  lw_emit(l, IR_OP_FMT_BEGIN, NULL, NULL, 0, msg->loc);
  lw_fmt_emit(l, msg, &vals, &next);
  raise_msg(l, kind, NULL, 0, loc);
}

// ---- assignment ----------------------------------------------------------------------

void lw_assign_to(Lower *l, Expr *t, IrValue v, SrcLoc loc) {
  if (v == IR_NOVALUE) {
    lw_fail(l, t->loc, "an assignment of None");
    return;
  }
  switch (t->kind) {
  case EX_NAME: {  // x = v
    const char *slot = lw_name_slot(l, t);
    if (!slot) {
      lw_fail(l, t->loc, "an assignment target");
      return;
    }
    lw_lset(l, slot, v, loc);
    return;
  }
  case EX_TUPLE:
  case EX_LIST: {  // a, b = v
    const Type *tt = ir_value_type(l->fn, v);
    if (!tt || tt->kind != TY_TUPLE || tt->nelems != t->seq.n) {
      lw_fail(l, t->loc, "tuple unpacking");
      return;
    }
    IrValue *xs = ARENA_ARRAY(l->cx->arena, IrValue, t->seq.n ? t->seq.n : 1);
    for (uint32_t i = 0; i < t->seq.n; i++) {
      IrInst *in = lw_emit(l, IR_OP_TUPLE_GET, tt->elems[i], &v, 1, t->seq.xs[i]->loc);
      in->ival = i;
      xs[i] = in->result;
    }
    for (uint32_t i = 0; i < t->seq.n; i++) lw_assign_to(l, t->seq.xs[i], xs[i], loc);
    return;
  }
  case EX_SUBSCRIPT: {  // a[i, j] = v
    IrValue args[18];
    if (t->sub.skind == SUB_RFIELD) {
      lw_task_store(l, t, v, loc);
      return;
    }
    if (t->sub.skind != SUB_ELEMENT || t->sub.n > 16) break;
    IrValue arr = lw_element_ref(l, t, args + 1);
    if (arr == IR_NOVALUE) return;
    args[0] = arr;
    args[t->sub.n + 1] = lw_cast(l, v, ir_value_type(l->fn, arr)->elem, loc);
    lw_emit(l, IR_OP_STORE, NULL, args, t->sub.n + 2, loc);
    return;
  }
  case EX_ATTR: {  // c.u = v: c = struct.set(c, u, v)
    if (t->attr.akind != ATTR_FIELD) break;
    IrValue base = lw_expr(l, t->attr.value);
    const Type *st = ir_value_type(l->fn, base);
    if (st->kind != TY_STRUCT || t->attr.field >= st->nelems) break;
    IrValue args[2] = {base, lw_cast(l, v, st->elems[t->attr.field], loc)};
    IrInst *in = lw_emit(l, IR_OP_STRUCT_SET, st, args, 2, loc);
    in->ival = t->attr.field;
    lw_assign_to(l, t->attr.value, in->result, loc);
    return;
  }
  default: break;
  }
  lw_fail(l, t->loc, "an assignment target");
}

// a = b = value / a, b = b, a
static void lower_assign(Lower *l, Stmt *s) {
  Expr *v = s->assign.value;
  if (lw_task_assign_reduce(l, s)) return;  // r.u[i] = min/max(r.u[i], v)
  if (s->assign.ntargets == 1 && s->assign.targets[0]->kind == EX_TUPLE && v->kind == EX_TUPLE &&
      v->seq.n == s->assign.targets[0]->seq.n) {
    // Right side first, element by element; then the targets left to right.
    Expr *t = s->assign.targets[0];
    IrValue *xs = ARENA_ARRAY(l->cx->arena, IrValue, v->seq.n ? v->seq.n : 1);
    for (uint32_t i = 0; i < v->seq.n; i++) xs[i] = lw_expr(l, v->seq.xs[i]);
    for (uint32_t i = 0; i < t->seq.n; i++) lw_assign_to(l, t->seq.xs[i], xs[i], s->loc);
    return;
  }
  IrValue x = lw_expr(l, v);
  for (uint32_t i = 0; i < s->assign.ntargets; i++)
    lw_assign_to(l, s->assign.targets[i], x, s->loc);
}

// x: T = value
static void lower_annassign(Lower *l, Stmt *s) {
  if (s->ann.value) lw_assign_to(l, s->ann.target, lw_expr(l, s->ann.value), s->loc);
}

static bool is_weak_literal(Expr *e) {
  if (e->kind == EX_UNARY && (e->un.op == UN_NEG || e->un.op == UN_POS)) e = e->un.x;
  return e->kind == EX_INT || e->kind == EX_FLOAT;
}

// The operand type of `target op= value` when the checker left aug.opty NULL.
static const Type *aug_opty(Lower *l, Stmt *s, const Type *tt) {
  if (s->aug.opty) return s->aug.opty;
  Expr *v = s->aug.value;
  const Type *vt = v->ty ? v->ty : tt;
  const Type *ot;
  bool weak =
      is_weak_literal(v) && (tt->kind == TY_FLOAT || (tt->kind == TY_INT && vt->kind != TY_FLOAT));
  ot = weak ? tt : (type_is_scalar(tt) && type_is_scalar(vt) ? type_promote(l->tt, tt, vt) : tt);
  if (s->aug.op == BIN_TRUEDIV && ot->kind != TY_FLOAT) ot = l->tt->t_f64;
  if (s->aug.op == BIN_POW && ot->kind != TY_FLOAT && v->kind == EX_UNARY && v->un.op == UN_NEG &&
      v->un.x->kind == EX_INT)
    ot = l->tt->t_f64;
  return ot;
}

static IrOp aug_ir(BinOp op) {
  static const IrOp map[BIN_COUNT] = {
      [BIN_ADD] = IR_OP_ADD,         [BIN_SUB] = IR_OP_SUB,           [BIN_MUL] = IR_OP_MUL,
      [BIN_TRUEDIV] = IR_OP_TRUEDIV, [BIN_FLOORDIV] = IR_OP_FLOORDIV, [BIN_MOD] = IR_OP_MOD,
      [BIN_POW] = IR_OP_POW,         [BIN_LSHIFT] = IR_OP_SHL,        [BIN_RSHIFT] = IR_OP_SHR,
      [BIN_BITOR] = IR_OP_BOR,       [BIN_BITXOR] = IR_OP_BXOR,       [BIN_BITAND] = IR_OP_BAND,
      [BIN_MATMUL] = IR_OP_COUNT};
  return op < BIN_COUNT ? map[op] : IR_OP_COUNT;
}

// cur op value on the operand type
static IrValue aug_apply(Lower *l, Stmt *s, IrValue cur) {
  const Type *ot = aug_opty(l, s, ir_value_type(l->fn, cur));
  IrOp op = aug_ir(s->aug.op);
  if (op == IR_OP_COUNT) return lw_fail(l, s->loc, "this augmented assignment");
  IrValue a = lw_cast(l, cur, ot, s->loc);
  IrValue b = lw_expr_to(l, s->aug.value, ot);
  return lw_bin(l, op, ot, a, b, s->loc);
}

IrValue lw_aug_apply(Lower *l, Stmt *s, IrValue cur) { return aug_apply(l, s, cur); }

// x += v / a[i] += v / c.u += v
static void lower_augassign(Lower *l, Stmt *s) {
  Expr *t = s->aug.target;
  if (t->kind == EX_SUBSCRIPT && t->sub.skind == SUB_RFIELD) {
    lw_task_augassign(l, s);
    return;
  }
  if (t->kind == EX_NAME) {
    IrValue r = aug_apply(l, s, lw_expr(l, t));
    lw_assign_to(l, t, r, s->loc);
    return;
  }
  if (t->kind == EX_SUBSCRIPT && t->sub.skind == SUB_ELEMENT && t->sub.n <= 16) {
    IrValue args[18];
    IrValue arr = lw_element_ref(l, t, args + 1);  // array and indices evaluated once
    if (arr == IR_NOVALUE) return;
    args[0] = arr;
    const Type *et = ir_value_type(l->fn, arr)->elem;
    IrValue cur = lw_emit(l, IR_OP_LOAD, et, args, t->sub.n + 1, t->loc)->result;
    args[t->sub.n + 1] = lw_cast(l, aug_apply(l, s, cur), et, s->loc);
    lw_emit(l, IR_OP_STORE, NULL, args, t->sub.n + 2, s->loc);
    return;
  }
  if (t->kind == EX_ATTR && t->attr.akind == ATTR_FIELD) {
    IrValue base = lw_expr(l, t->attr.value);
    const Type *st = ir_value_type(l->fn, base);
    if (st->kind != TY_STRUCT || t->attr.field >= st->nelems) {
      lw_fail(l, t->loc, "a field");
      return;
    }
    IrInst *g = lw_emit(l, IR_OP_STRUCT_GET, st->elems[t->attr.field], &base, 1, t->loc);
    g->ival = t->attr.field;
    IrValue args[2] = {base,
                       lw_cast(l, aug_apply(l, s, g->result), st->elems[t->attr.field], s->loc)};
    IrInst *in = lw_emit(l, IR_OP_STRUCT_SET, st, args, 2, s->loc);
    in->ival = t->attr.field;
    lw_assign_to(l, t->attr.value, in->result, s->loc);
    return;
  }
  lw_fail(l, t->loc, "an augmented assignment target");
}

// ---- control flow ------------------------------------------------------------------

// if c: ... elif d: ... else: ...
static void lower_if(Lower *l, Stmt *s) {
  IrInst *in = lw_if(l, lw_cond(l, s->if_.cond), s->loc);
  block_into(l, in->body[0], &s->if_.then);
  block_into(l, in->body[1], &s->if_.els);
}

// Loop body with the loop pushed; `broke` is the else-clause flag slot or NULL.
static void loop_body(Lower *l, const Block *body, const char *broke) {
  LwLoop lp = {broke};
  vec_push(l->cx->arena, &l->loops, lp);
  lw_block(l, body);
  l->loops.len--;
}

static const char *loop_else_begin(Lower *l, const Block *orelse, SrcLoc loc) {
  if (!orelse->n) return NULL;
  const char *broke = lw_temp(l, l->tt->t_bool);
  lw_lset(l, broke, lw_const_int(l, l->tt->t_bool, 0, loc), loc);
  return broke;
}

// else: runs when the loop ended without break
static void loop_else_end(Lower *l, const Block *orelse, const char *broke, SrcLoc loc) {
  if (!broke) return;
  IrValue b = lw_lget(l, broke, loc);
  IrInst *in = lw_if(l, lw_un(l, IR_OP_NOT, l->tt->t_bool, b, loc), loc);
  block_into(l, in->body[0], orelse);
}

// while c: body
static void lower_while(Lower *l, Stmt *s) {
  const char *broke = loop_else_begin(l, &s->while_.orelse, s->loc);
  IrInst *loop = lw_emit(l, IR_OP_LOOP, NULL, NULL, 0, s->loc);
  IrBlock *outer = l->blk;
  l->blk = loop->body[0];
  Expr *c = s->while_.cond;
  if (!(c->kind == EX_BOOL && c->bval)) {  // `while True:` needs no test
    IrValue v = lw_cond(l, c);
    IrInst *in = lw_if(l, lw_un(l, IR_OP_NOT, l->tt->t_bool, v, c->loc), c->loc);
    l->blk = in->body[0];
    lw_emit(l, IR_OP_BREAK, NULL, NULL, 0, c->loc);
    l->blk = loop->body[0];
  }
  loop_body(l, &s->while_.body, broke);
  l->blk = outer;
  loop_else_end(l, &s->while_.orelse, broke, s->loc);
}

// for v in range(a, b, s) / prange(...)
static void ispace_body(Lower *l, const Block *body) { loop_body(l, body, NULL); }

static void lower_for(Lower *l, Stmt *s) {
  Expr *it = s->for_.iter;
  const Type *i64 = l->tt->t_i64;
  if ((it->kind == EX_ATTR && it->attr.akind == ATTR_ISPACE) ||
      (it->ty && it->ty->kind == TY_COLORSPACE)) {  // for p in r.ispace / P.color_space / cs
    lw_task_for(l, s, ispace_body);
    return;
  }
  if (lw_part_for(l, s, ispace_body)) return;  // IndexLaunch / pieces (lower_partition.c)
  const char *cn = it->kind == EX_CALL ? it->call.callee_name : NULL;
  if (!cn || it->call.ckind != CALL_BUILTIN || it->call.nargs < 1 || it->call.nargs > 3 ||
      (strcmp(cn, "range") != 0 && !strstr(cn, "prange"))) {
    lw_fail(l, it->loc, "a for loop iterable");
    return;
  }
  uint32_t n = it->call.nargs;
  SrcLoc loc = it->loc;
  IrValue a = n == 1 ? lw_const_int(l, i64, 0, loc) : lw_expr_to(l, it->call.args[0], i64);
  IrValue b = lw_expr_to(l, it->call.args[n == 1 ? 0 : 1], i64);
  IrValue st = n == 3 ? lw_expr_to(l, it->call.args[2], i64) : lw_const_int(l, i64, 1, loc);
  if (n == 3 && !is_nonzero_const(it->call.args[2])) {  // if step == 0: raise ValueError
    IrValue z = lw_bin(l, IR_OP_CMP_EQ, l->tt->t_bool, st, lw_const_int(l, i64, 0, loc), loc);
    IrInst *in = lw_if(l, z, it->call.args[2]->loc);
    IrBlock *outer = l->blk;
    l->blk = in->body[0];
    static const char msg[] = "range() arg 3 must not be zero";
    raise_msg(l, PYC_EXC_VALUE, msg, sizeof msg - 1, it->call.args[2]->loc);
    l->blk = outer;
  }
  const char *broke = loop_else_begin(l, &s->for_.orelse, s->loc);
  IrValue args[3] = {a, b, st};
  IrInst *f = lw_emit(l, IR_OP_FOR, NULL, args, 3, s->loc);
  if (strstr(cn, "prange")) f->ival = IR_FOR_PARALLEL;
  IrBlock *outer = l->blk;
  l->blk = f->body[0];
  lw_assign_to(l, s->for_.target, f->result, s->for_.target->loc);
  loop_body(l, &s->for_.body, broke);
  l->blk = outer;
  loop_else_end(l, &s->for_.orelse, broke, s->loc);
}

// break / continue
static void lower_jump(Lower *l, Stmt *s) {
  if (!l->loops.len) {
    lw_fail(l, s->loc, "break/continue outside a loop");
    return;
  }
  const char *broke = l->loops.data[l->loops.len - 1].broke;
  if (s->kind == ST_BREAK && broke)
    lw_lset(l, broke, lw_const_int(l, l->tt->t_bool, 1, s->loc), s->loc);
  lw_emit(l, s->kind == ST_BREAK ? IR_OP_BREAK : IR_OP_CONTINUE, NULL, NULL, 0, s->loc);
}

// return [value]
static void lower_return(Lower *l, Stmt *s) {
  Expr *v = s->ret.value;
  const Type *rt = l->fn->ret_type;
  if (!v || v->kind == EX_NONE || rt->kind == TY_VOID) {
    if (v && v->kind != EX_NONE) lw_expr_void(l, v);  // return f() in a None function
    lw_emit(l, IR_OP_RET, NULL, NULL, 0, s->loc);
    return;
  }
  IrValue x = lw_expr_to(l, v, rt);
  lw_emit(l, IR_OP_RET, NULL, &x, 1, s->loc);
}

// assert test, msg
static void lower_assert(Lower *l, Stmt *s) {
  IrValue c = lw_cond(l, s->assert_.test);
  IrInst *in = lw_if(l, lw_un(l, IR_OP_NOT, l->tt->t_bool, c, s->loc), s->loc);
  IrBlock *outer = l->blk;
  l->blk = in->body[0];
  raise_with(l, PYC_EXC_ASSERTION, s->assert_.msg, s->loc);
  l->blk = outer;
}

// raise E("msg") / raise E(f"...") / raise E / raise
static void lower_raise(Lower *l, Stmt *s) {
  Expr *e = s->raise.exc;
  if (!e) {
    static const char msg[] = "No active exception to reraise";
    raise_msg(l, PYC_EXC_RUNTIME, msg, sizeof msg - 1, s->loc);
    return;
  }
  if (e->kind == EX_CALL && e->call.ckind == CALL_EXCEPTION) {
    raise_with(l, e->call.exc_kind, e->call.nargs ? e->call.args[0] : NULL, s->loc);
    return;
  }
  if (e->kind == EX_NAME && e->name.sym && e->name.sym->kind == SYM_EXCEPTION) {
    raise_msg(l, (int)e->name.sym->index, "", 0, s->loc);
    return;
  }
  lw_fail(l, e->loc, "a raise operand");
}

// expression statement (docstrings and other bare constants are dropped)
static void lower_expr_stmt(Lower *l, Stmt *s) {
  switch (s->expr->kind) {
  case EX_STR:
  case EX_FSTRING:
  case EX_NONE:
  case EX_INT:
  case EX_FLOAT:
  case EX_BOOL: return;
  default: lw_expr_void(l, s->expr);
  }
}

static void lower_stmt(Lower *l, Stmt *s) {
  switch (s->kind) {
  case ST_EXPR: lower_expr_stmt(l, s); break;
  case ST_ASSIGN: lower_assign(l, s); break;
  case ST_AUGASSIGN: lower_augassign(l, s); break;
  case ST_ANNASSIGN: lower_annassign(l, s); break;
  case ST_IF: lower_if(l, s); break;
  case ST_WHILE: lower_while(l, s); break;
  case ST_FOR: lower_for(l, s); break;
  case ST_BREAK:
  case ST_CONTINUE: lower_jump(l, s); break;
  case ST_RETURN: lower_return(l, s); break;
  case ST_PASS: break;
  case ST_ASSERT: lower_assert(l, s); break;
  case ST_RAISE: lower_raise(l, s); break;
  default: lw_fail(l, s->loc, "this statement"); break;
  }
}
