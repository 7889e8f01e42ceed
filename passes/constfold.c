// constfold.c - constant folding on TIR (docs/ir.md §6). One walk over the
// nested blocks in program order. Operands are first rewritten through a
// use-replacement map; then an op whose operands are all CONSTs becomes a
// CONST in place (its result id is kept, so no use changes), with exactly the
// semantics codegen implements: ints wrap in their width (signed or unsigned),
// floats are IEEE double or float, shifts by >= the width give 0 (or -1 for a
// negative signed SHR), float->int casts truncate and wrap (NaN, inf -> 0).
// Ops that may raise are folded only when they cannot: int FLOORDIV/MOD (Python floor semantics) with
// a non-zero divisor, TRUEDIV with a non-zero divisor (int operands: when
// both are exact doubles, |x| <= 2^53), int POW with a
// non-negative exponent. SELECT with a known condition, TUPLE_GET of a TUPLE
// and STRUCT_GET of STRUCT_NEW/STRUCT_SET become replacements; an IF with a
// constant condition is replaced by the instructions of its taken block
// (values keep their ids; what follows a spliced terminator is dropped).
// Dead leftovers are dce's job.
#include "passes.h"

#include <math.h>

typedef struct Fold {
  IrModule *m;
  IrFunc *fn;
  IrValue *repl;     // per value: its replacement, or IR_NOVALUE
  IrInst **def;      // per value: the defining instruction seen so far
  uint32_t nvalues;
} Fold;

static IrValue resolve(const Fold *f, IrValue v) {
  for (int guard = 0; v < f->nvalues && f->repl[v] != IR_NOVALUE && guard < 64; guard++)
    v = f->repl[v];
  return v;
}

static IrInst *const_def(const Fold *f, IrValue v) {
  IrInst *d = v < f->nvalues ? f->def[v] : NULL;
  return d && d->op == IR_OP_CONST ? d : NULL;
}

// An integer in the canonical form of t: sign-extended for signed types,
// zero-extended for unsigned ones (docs/ir.md: CONST).
static int64_t wrap(const Type *t, uint64_t x) {
  unsigned bits = t->kind == TY_BOOL ? 1 : t->bits;
  if (bits >= 64) return (int64_t)x;
  uint64_t mask = ((uint64_t)1 << bits) - 1;
  x &= mask;
  if (t->kind == TY_INT && t->is_signed && (x >> (bits - 1)) & 1) x |= ~mask;
  return (int64_t)x;
}

static bool is_unsigned(const Type *t) { return t->kind == TY_INT && !t->is_signed; }

static double round_to(const Type *t, double d) { return t->bits == 32 ? (double)(float)d : d; }

static void make_int(IrInst *in, int64_t v) {
  in->op = IR_OP_CONST;
  in->nargs = 0;
  in->args = NULL;
  in->ival = v;
  in->fval = 0;
}

static void make_float(IrInst *in, double v) {
  make_int(in, 0);
  in->fval = round_to(in->type, v);
}

// ---- scalar semantics -----------------------------------------------------------

static int64_t ipow_wrap(const Type *t, uint64_t base, uint64_t e) {
  uint64_t r = 1;
  while (e) {
    if (e & 1) r *= base;
    base *= base;
    e >>= 1;
  }
  return wrap(t, r);
}

// Integer binary op on canonical operands; false when it must not fold.
static bool int_binary(IrOp op, const Type *t, int64_t a, int64_t b, int64_t *out) {
  uint64_t ua = (uint64_t)a, ub = (uint64_t)b;
  unsigned bits = t->kind == TY_BOOL ? 1 : t->bits;
  bool u = is_unsigned(t);
  switch (op) {
  case IR_OP_ADD: *out = wrap(t, ua + ub); return true;
  case IR_OP_SUB: *out = wrap(t, ua - ub); return true;
  case IR_OP_MUL: *out = wrap(t, ua * ub); return true;
  case IR_OP_BAND: *out = wrap(t, ua & ub); return true;
  case IR_OP_BOR: *out = wrap(t, ua | ub); return true;
  case IR_OP_BXOR: *out = wrap(t, ua ^ ub); return true;
  case IR_OP_SHL: *out = ub >= bits ? 0 : wrap(t, ua << ub); return true;
  case IR_OP_SHR:
    if (ub >= bits) *out = u ? 0 : (a < 0 ? -1 : 0);
    else *out = u ? (int64_t)(ua >> ub) : (a < 0 ? ~(~a >> ub) : a >> ub);
    return true;
  case IR_OP_FLOORDIV:
  case IR_OP_MOD: {
    if (b == 0) return false;
    if (u) {
      *out = wrap(t, op == IR_OP_FLOORDIV ? ua / ub : ua % ub);
      return true;
    }
    int64_t q, r;
    if (a == INT64_MIN && b == -1) {
      q = INT64_MIN;  // wraps, as numpy and pyc_floordiv_i64
      r = 0;
    } else {
      q = a / b;
      r = a % b;
      if (r != 0 && ((r < 0) != (b < 0))) {
        q -= 1;
        r += b;
      }
    }
    *out = wrap(t, (uint64_t)(op == IR_OP_FLOORDIV ? q : r));
    return true;
  }
  case IR_OP_POW:
    if (b < 0) return false;  // ValueError at run time (a u64 exponent >= 2^63 too: pyc_ipow takes i64)
    *out = ipow_wrap(t, ua, ub);
    return true;
  default: return false;
  }
}

static bool float_binary(IrOp op, const Type *t, double a, double b, double *out) {
  if (t->bits == 32) {
    float x = (float)a, y = (float)b, r;
    switch (op) {
    case IR_OP_ADD: r = x + y; break;
    case IR_OP_SUB: r = x - y; break;
    case IR_OP_MUL: r = x * y; break;
    case IR_OP_TRUEDIV:
      if (y == 0) return false;
      r = x / y;
      break;
    default: return false;
    }
    *out = r;
    return true;
  }
  switch (op) {
  case IR_OP_ADD: *out = a + b; return true;
  case IR_OP_SUB: *out = a - b; return true;
  case IR_OP_MUL: *out = a * b; return true;
  case IR_OP_TRUEDIV:
    if (b == 0) return false;
    *out = a / b;
    return true;
  default: return false;
  }
}

static bool compare(IrOp op, const Type *t, const IrInst *x, const IrInst *y) {
  int c;  // -1, 0, 1; 2 = unordered
  if (t->kind == TY_FLOAT) {
    double a = x->fval, b = y->fval;
    c = a < b ? -1 : a > b ? 1 : a == b ? 0 : 2;
  } else if (is_unsigned(t)) {
    uint64_t a = (uint64_t)x->ival, b = (uint64_t)y->ival;
    c = a < b ? -1 : a > b;
  } else {
    c = x->ival < y->ival ? -1 : x->ival > y->ival;
  }
  switch (op) {
  case IR_OP_CMP_EQ: return c == 0;
  case IR_OP_CMP_NE: return c != 0;
  case IR_OP_CMP_LT: return c == -1;
  case IR_OP_CMP_LE: return c == -1 || c == 0;
  case IR_OP_CMP_GT: return c == 1;
  default: return c == 1 || c == 0;
  }
}

// float -> int exactly as codegen's CAST (docs/ir.md): truncate toward zero,
// then wrap modulo 2^64 (and then to the target width); NaN and infinities
// give 0. |x| >= 2^63 is an exact integer m * 2^k with k >= 11.
static int64_t float_to_int(const Type *t, double d) {
  if (isnan(d) || isinf(d)) return 0;
  d = trunc(d);
  uint64_t w;
  if (fabs(d) < 0x1p63) {
    w = (uint64_t)(int64_t)d;
  } else {
    int e;
    double fr = frexp(fabs(d), &e);  // |d| = fr * 2^e, fr in [0.5, 1)
    uint64_t m = (uint64_t)ldexp(fr, 53);
    int k = e - 53;
    w = k >= 64 ? 0 : m << k;
    if (d < 0) w = 0 - w;
  }
  return wrap(t, w);
}

static void fold_cast(IrInst *in, const Type *from, const IrInst *c) {
  const Type *to = in->type;
  if (to->kind == TY_BOOL) {
    make_int(in, from->kind == TY_FLOAT ? c->fval != 0 : c->ival != 0);
  } else if (to->kind == TY_INT) {
    make_int(in, from->kind == TY_FLOAT ? float_to_int(to, c->fval) : wrap(to, (uint64_t)c->ival));
  } else if (to->kind == TY_FLOAT) {
    double d;
    if (from->kind == TY_FLOAT) d = c->fval;
    else if (to->bits == 32) d = is_unsigned(from) ? (float)(uint64_t)c->ival : (float)c->ival;
    else d = is_unsigned(from) ? (double)(uint64_t)c->ival : (double)c->ival;
    make_float(in, d);
  }
}

static void fold_unary(IrInst *in, const IrInst *c) {
  const Type *t = in->type;
  if (t->kind == TY_FLOAT) {
    if (in->op == IR_OP_NEG) make_float(in, -c->fval);
    else if (in->op == IR_OP_ABS) make_float(in, fabs(c->fval));
    return;
  }
  uint64_t a = (uint64_t)c->ival;
  switch (in->op) {
  case IR_OP_NEG: make_int(in, wrap(t, 0 - a)); break;
  case IR_OP_NOT: make_int(in, c->ival == 0); break;
  case IR_OP_INVERT: make_int(in, wrap(t, ~a)); break;
  case IR_OP_ABS: make_int(in, !is_unsigned(t) && c->ival < 0 ? wrap(t, 0 - a) : c->ival); break;
  default: break;
  }
}

// ---- the walk ---------------------------------------------------------------------

static void replace(Fold *f, IrInst *in, IrValue with) {
  if (in->result < f->nvalues && with != in->result) f->repl[in->result] = resolve(f, with);
}

static void fold_inst(Fold *f, IrInst *in) {
  IrOp op = in->op;
  uint32_t n = in->nargs;
  IrInst *c0 = n > 0 ? const_def(f, in->args[0]) : NULL;
  IrInst *c1 = n > 1 ? const_def(f, in->args[1]) : NULL;
  const Type *t0 = n > 0 ? ir_value_type(f->fn, in->args[0]) : NULL;
  if (!t0 && n > 0) return;
  switch (op) {
  case IR_OP_NEG:
  case IR_OP_NOT:
  case IR_OP_INVERT:
  case IR_OP_ABS:
    if (c0 && n == 1) fold_unary(in, c0);
    return;
  case IR_OP_CAST:
    if (c0 && n == 1 && type_is_scalar(t0)) fold_cast(in, t0, c0);
    return;
  case IR_OP_SELECT:
    if (n != 3) return;
    if (c0) replace(f, in, c0->ival ? in->args[1] : in->args[2]);
    else if (in->args[1] == in->args[2]) replace(f, in, in->args[1]);
    return;
  case IR_OP_TUPLE_GET:
  case IR_OP_STRUCT_GET: {
    if (n != 1) return;
    IrValue agg = in->args[0];
    for (int guard = 0; guard < 64 && agg < f->nvalues && f->def[agg]; guard++) {
      IrInst *d = f->def[agg];
      if ((d->op == IR_OP_TUPLE || d->op == IR_OP_STRUCT_NEW) && in->ival >= 0 &&
          in->ival < (int64_t)d->nargs) {
        replace(f, in, d->args[in->ival]);
        return;
      }
      if (d->op != IR_OP_STRUCT_SET || d->nargs != 2) return;
      if (d->ival == in->ival) {
        replace(f, in, d->args[1]);
        return;
      }
      agg = d->args[0];
    }
    return;
  }
  default: break;
  }
  bool binary = (op >= IR_OP_ADD && op <= IR_OP_SHR) || (op >= IR_OP_CMP_EQ && op <= IR_OP_CMP_GE);
  if (!binary || n != 2 || !c0 || !c1 || !type_is_scalar(t0)) return;
  if (op >= IR_OP_CMP_EQ) {
    make_int(in, compare(op, t0, c0, c1));
    return;
  }
  if (op == IR_OP_TRUEDIV && t0->kind == TY_INT && in->type->kind == TY_FLOAT) {
    // int / int: exact when both convert exactly (|x| <= 2^53) and b != 0.
    double a = is_unsigned(t0) ? (double)(uint64_t)c0->ival : (double)c0->ival;
    double b = is_unsigned(t0) ? (double)(uint64_t)c1->ival : (double)c1->ival;
    if (c1->ival != 0 && fabs(a) <= 0x1p53 && fabs(b) <= 0x1p53) make_float(in, a / b);
    return;
  }
  if (t0 != in->type) return;
  if (t0->kind == TY_FLOAT) {
    double r;
    if (float_binary(op, t0, c0->fval, c1->fval, &r)) make_float(in, r);
  } else {
    int64_t r;
    if (int_binary(op, t0, c0->ival, c1->ival, &r)) make_int(in, r);
  }
}

static void fold_block(Fold *f, IrBlock *blk);

// Replaces blk's instruction i (an IF) by the instructions of `taken`.
static void splice(Fold *f, IrBlock *blk, uint32_t i, IrBlock *taken) {
  uint32_t keep_after = ir_block_terminated(taken) ? 0 : blk->insts.len - i - 1;
  uint32_t len = i + taken->insts.len + keep_after;
  IrInst **data = ARENA_ARRAY(f->m->arena, IrInst *, len ? len : 1);
  if (i) memcpy(data, blk->insts.data, sizeof(IrInst *) * i);
  if (taken->insts.len) memcpy(data + i, taken->insts.data, sizeof(IrInst *) * taken->insts.len);
  if (keep_after)
    memcpy(data + i + taken->insts.len, blk->insts.data + i + 1, sizeof(IrInst *) * keep_after);
  blk->insts.data = data;
  blk->insts.len = blk->insts.cap = len;
}

static void fold_block(Fold *f, IrBlock *blk) {
  for (uint32_t i = 0; i < blk->insts.len;) {
    IrInst *in = blk->insts.data[i];
    for (uint32_t k = 0; k < in->nargs; k++) in->args[k] = resolve(f, in->args[k]);
    if (in->op == IR_OP_IF && in->nargs == 1 && in->body[0] && in->body[1]) {
      IrInst *c = const_def(f, in->args[0]);
      if (c) {
        splice(f, blk, i, c->ival ? in->body[0] : in->body[1]);
        continue;  // fold the spliced instructions in place
      }
    }
    if (in->result < f->nvalues) f->def[in->result] = in;
    fold_inst(f, in);
    for (int k = 0; k < 2; k++)
      if (in->body[k]) fold_block(f, in->body[k]);
    i++;
  }
}

void pass_constfold(IrFunc *fn, PassCtx *cx) {
  Fold f = {.m = cx->m, .fn = fn, .nvalues = fn->value_types.len};
  f.repl = ARENA_ARRAY(cx->m->arena, IrValue, f.nvalues ? f.nvalues : 1);
  f.def = ARENA_ARRAY(cx->m->arena, IrInst *, f.nvalues ? f.nvalues : 1);
  for (uint32_t i = 0; i < f.nvalues; i++) f.repl[i] = IR_NOVALUE;
  fold_block(&f, fn->body);
}
