// dce.c - dead code elimination on TIR (docs/ir.md §6). Repeats until
// nothing changes: count the uses of every value over the whole function,
// then drop instructions that can have no effect: PURE or READ ops whose
// result is unused, everything after a terminator in a block (unreachable),
// and IFs whose two blocks are empty. Finally drops local slots that no
// LGET/LSET names. Ops with effects (stores, calls, prints, raises, loops)
// always stay.
#include "passes.h"

typedef struct Dce {
  IrModule *m;
  uint32_t *uses;     // per value id
  uint32_t nvalues;
} Dce;

static void count_uses(Dce *d, const IrBlock *blk) {
  for (uint32_t i = 0; i < blk->insts.len; i++) {
    const IrInst *in = blk->insts.data[i];
    for (uint32_t k = 0; k < in->nargs; k++)
      if (in->args[k] < d->nvalues) d->uses[in->args[k]]++;
    for (int k = 0; k < 2; k++)
      if (in->body[k]) count_uses(d, in->body[k]);
  }
}

static bool dead(const Dce *d, const IrInst *in) {
  unsigned f = ir_op_info[in->op].flags;
  if (f & (IR_F_PURE | IR_F_READ))
    return in->result == IR_NOVALUE || (in->result < d->nvalues && d->uses[in->result] == 0);
  return in->op == IR_OP_IF && in->body[0] && in->body[1] && in->body[0]->insts.len == 0 &&
         in->body[1]->insts.len == 0;
}

// Compacts blk in place; returns true when something was removed.
static bool sweep(Dce *d, IrBlock *blk) {
  bool changed = false;
  uint32_t out = 0;
  for (uint32_t i = 0; i < blk->insts.len; i++) {
    IrInst *in = blk->insts.data[i];
    for (int k = 0; k < 2; k++)
      if (in->body[k]) changed |= sweep(d, in->body[k]);
    if (dead(d, in)) {
      changed = true;
      continue;
    }
    blk->insts.data[out++] = in;
    if (ir_op_info[in->op].flags & IR_F_TERM) {
      changed |= i + 1 < blk->insts.len;
      break;  // the rest of the block is unreachable
    }
  }
  blk->insts.len = out;
  return changed;
}

static void mark_locals(const IrBlock *blk, const IrFunc *fn, bool *used) {
  for (uint32_t i = 0; i < blk->insts.len; i++) {
    const IrInst *in = blk->insts.data[i];
    const IrLocal *l = (in->op == IR_OP_LGET || in->op == IR_OP_LSET) && in->sym
                           ? ir_local_find(fn, in->sym) : NULL;
    if (l) used[l - fn->locals.data] = true;
    for (int k = 0; k < 2; k++)
      if (in->body[k]) mark_locals(in->body[k], fn, used);
  }
}

void pass_dce(IrFunc *fn, PassCtx *cx) {
  Dce d = {.m = cx->m, .nvalues = fn->value_types.len};
  d.uses = ARENA_ARRAY(cx->m->arena, uint32_t, d.nvalues ? d.nvalues : 1);
  for (bool changed = true; changed;) {
    memset(d.uses, 0, sizeof(uint32_t) * d.nvalues);
    count_uses(&d, fn->body);
    changed = sweep(&d, fn->body);
  }
  bool *used = ARENA_ARRAY(cx->m->arena, bool, fn->locals.len ? fn->locals.len : 1);
  mark_locals(fn->body, fn, used);
  uint32_t out = 0;
  for (uint32_t k = 0; k < fn->locals.len; k++)
    if (used[k]) fn->locals.data[out++] = fn->locals.data[k];
  if (out != fn->locals.len) {
    fn->locals.len = out;
    ir_locals_reindex(cx->m, fn);
  }
}
