// emit_range.c - `for i in range(lo, hi, step)` (TIR FOR, and the chunk
// loop of an outlined prange body) with Python's semantics for any step,
// never overflowing int64, and with interrupt polls (emit_poll.c) placed so
// that innermost loops stay plain single-exit loops for LLVM's vectorizer:
// - step +1/-1, body holds a loop: one canonical loop (header phi, latch
//   `i.next = add nsw`), polling at the latch.
// - step +1/-1, innermost, indexing an array with its loop variable on
//   every iteration (memory_bounded below): the same canonical loop, no poll.
// - step +1/-1, any other innermost loop (inside a nest or not): strip-mined.
//   An outer loop over blocks of
//   POLL_BLOCK iterations, `for (b = lo; b before hi; b = end)` with
//   end = b + POLL_BLOCK*step if that is before hi, else hi; the inner
//   canonical loop runs [b, end); the poll sits between blocks (only when
//   there is a next block: a loop of one block never polls).
// - any other step: the same blocks, each one counted: the block's trip
//   count n = min(POLL_BLOCK, ceil(distance / |step|)) (unsigned, so no
//   overflow near the int64 limits), an inner loop k = 0..n with
//   i = b + k*step, then the next block starts at b + POLL_BLOCK*step unless
//   this one was the last. Polls between blocks, and also at the latch
//   when the body holds a loop.
#include <string.h>

#include "cg.h"

#define POLL_BLOCK ((int64_t)1 << 16)

// ---- memory-bounded loops ------------------------------------------------------
// A loop that, on every iteration, indexes an array (or a region field) with its own loop
// variable (i, i + c or i - c, possibly through the negative-index wrap the
// lowering emits) runs at most about as many iterations as that array has
// elements: it cannot outlast a pass over memory, so it needs no polls and
// is not strip-mined (blocks cost LLVM about 15% more compile time on
// bench/compile/module200.py, whose loops are all of this kind). "Every
// iteration": the access is in the body's own block (not under an if or an
// inner loop), the body has no `continue`, and the loop variable's local is
// written only by the loop itself.

enum { BOUND_SCAN_ACCESSES = 64, BOUND_SCAN_BACK = 16 };

// The instruction of `blk` (before position `before`) that defines v, or NULL.
static const IrInst *def_before(const IrBlock *blk, uint32_t before, IrValue v) {
  uint32_t stop = before > BOUND_SCAN_BACK ? before - BOUND_SCAN_BACK : 0;
  for (uint32_t k = before; k-- > stop;)
    if (blk->insts.data[k]->result == v) return blk->insts.data[k];
  return NULL;
}

// v is the loop variable (FOR result `iv`, or `lget $ivname`), maybe +- a
// constant, maybe through `select(cmp.lt(x, 0), add(x, dim), x)`.
static bool is_iv_index(const IrBlock *blk, uint32_t at, IrValue v, IrValue iv,
                        const char *ivname, int depth) {
  if (v == iv) return true;
  const IrInst *d = def_before(blk, at, v);
  if (!d || depth > 3) return false;
  if (d->op == IR_OP_LGET) return ivname && d->sym && strcmp(d->sym, ivname) == 0;
  if (d->op == IR_OP_SELECT && d->nargs == 3)  // the wrap: its "else" operand is the index
    return is_iv_index(blk, at, d->args[2], iv, ivname, depth + 1);
  if ((d->op == IR_OP_ADD || d->op == IR_OP_SUB) && d->nargs == 2) {
    const IrInst *c = def_before(blk, at, d->args[1]);
    return c && c->op == IR_OP_CONST && is_iv_index(blk, at, d->args[0], iv, ivname, depth + 1);
  }
  return false;
}

// ---- what a loop body holds: one walk -------------------------------------------
// Everything cg_emit_range needs to know about a body, gathered in one walk
// that ends at the first inner loop or call of a looping function (the loop
// is then a nest, and nothing else matters). A walk never enters an inner
// loop, so the walks of a whole loop nest cost the function's size once,
// not its depth times its size.
typedef struct LoopScan {
  const CgModule *cm;
  const IrInst *loop;
  const char *ivname;     // the loop variable's local (body's first LSET), or NULL
  bool want_bounded;      // gather the memory-bounded facts too
  bool nest;              // holds a loop, or calls a function that holds one
                          // (which polls itself): polls at the latch
  bool cont_or_lset;      // a CONTINUE, or an LSET of ivname other than the first
  bool iv_access;         // one of the first BOUND_SCAN_ACCESSES accesses in
                          // the body's own block indexes with the loop variable
  uint32_t seen;          // accesses looked at
} LoopScan;

// The access `in` (at position k of the body's own block) indexes with the loop variable.
static bool iv_access(const LoopScan *s, const IrBlock *body, uint32_t k, const IrInst *in) {
  bool store = in->op == IR_OP_STORE || in->op == IR_OP_REGION_STORE ||
               in->op == IR_OP_REGION_REDUCE;  // these end with the value
  uint32_t nidx = in->nargs - 1 - (store ? 1 : 0);
  for (uint32_t a = 1; a <= nidx; a++)
    if (is_iv_index(body, k, in->args[a], s->loop->result, s->ivname, 0)) return true;
  return false;
}

static bool is_access(const IrInst *in) {
  return in->op == IR_OP_STORE || in->op == IR_OP_REGION_STORE || in->op == IR_OP_REGION_REDUCE ||
         in->op == IR_OP_LOAD || in->op == IR_OP_REGION_LOAD;
}

// Walks blk (the body itself when `top`); true once the loop is a nest.
static bool scan_block(LoopScan *s, const IrBlock *blk, bool top) {
  for (uint32_t k = 0; blk && k < blk->insts.len; k++) {
    const IrInst *in = blk->insts.data[k];
    const IrFunc *g = in->op == IR_OP_CALL && in->sym ? ir_module_find(s->cm->ir, in->sym) : NULL;
    if (in->op == IR_OP_FOR || in->op == IR_OP_LOOP || (g && s->cm->fn_flags[g->index].loops)) {
      s->nest = true;
      return true;
    }
    if (s->want_bounded) {
      if (in->op == IR_OP_CONTINUE) s->cont_or_lset = true;
      if (in->op == IR_OP_LSET && !(top && k == 0) && s->ivname && in->sym &&
          strcmp(in->sym, s->ivname) == 0)
        s->cont_or_lset = true;
      if (top && !s->iv_access && s->seen < BOUND_SCAN_ACCESSES && is_access(in)) {
        s->seen++;
        s->iv_access = iv_access(s, blk, k, in);
      }
    }
    if (scan_block(s, in->body[0], false) || scan_block(s, in->body[1], false)) return true;
  }
  return false;
}

// The facts of loop's body (memory-bounded ones only when want_bounded).
static LoopScan scan_loop(const CgModule *cm, const IrInst *loop, bool want_bounded) {
  const IrBlock *body = loop->body[0];
  LoopScan s = {cm, loop, NULL, want_bounded && body && loop->result != IR_NOVALUE,
                false, false, false, 0};
  if (body && body->insts.len && body->insts.data[0]->op == IR_OP_LSET &&
      body->insts.data[0]->nargs == 1 && body->insts.data[0]->args[0] == loop->result)
    s.ivname = body->insts.data[0]->sym;
  scan_block(&s, body, true);
  return s;
}

// A memory-bounded loop (see above): no CONTINUE or other write of the loop
// variable's local anywhere in the body, and an access indexed by it.
static bool memory_bounded(const LoopScan *s) {
  return s->want_bounded && !s->cont_or_lset && s->iv_access;
}

// iv has not passed bound: iv < bound (step > 0) or iv > bound (step < 0).
static LLVMValueRef range_cond(CgFn *f, LLVMValueRef iv, LLVMValueRef bound, LLVMValueRef step,
                               int64_t cstep) {
  if (cstep > 0) return LLVMBuildICmp(f->b, LLVMIntSLT, iv, bound, "");
  if (cstep < 0) return LLVMBuildICmp(f->b, LLVMIntSGT, iv, bound, "");
  LLVMValueRef up = LLVMBuildICmp(f->b, LLVMIntSGT, step, cg_const_i64(f->cm, 0), "");
  return LLVMBuildSelect(f->b, up, LLVMBuildICmp(f->b, LLVMIntSLT, iv, bound, ""),
                         LLVMBuildICmp(f->b, LLVMIntSGT, iv, bound, ""), "");
}

// Unsigned distance from b0 to hi (b0 not past hi) and |step| (at least 1).
static void distance(CgFn *f, LLVMValueRef b0, LLVMValueRef hi, LLVMValueRef step, int64_t cstep,
                     LLVMValueRef *rem, LLVMValueRef *mag) {
  CgModule *cm = f->cm;
  LLVMBuilderRef B = f->b;
  if (cstep) {
    *rem = cstep > 0 ? LLVMBuildSub(B, hi, b0, "blk.rem") : LLVMBuildSub(B, b0, hi, "blk.rem");
    *mag = LLVMConstInt(LLVMInt64TypeInContext(cm->ctx),
                        cstep > 0 ? (uint64_t)cstep : 0 - (uint64_t)cstep, 0);
    return;
  }
  LLVMValueRef zero = cg_const_i64(cm, 0);
  LLVMValueRef up = LLVMBuildICmp(B, LLVMIntSGT, step, zero, "");
  *rem = LLVMBuildSelect(B, up, LLVMBuildSub(B, hi, b0, ""), LLVMBuildSub(B, b0, hi, ""), "blk.rem");
  LLVMValueRef m = LLVMBuildSelect(B, up, step, LLVMBuildSub(B, zero, step, ""), "");
  // step 0 never gets here from Python (ValueError first); keep the division defined
  *mag = LLVMBuildSelect(B, LLVMBuildICmp(B, LLVMIntEQ, m, zero, ""), cg_const_i64(cm, 1), m, "");
}

// The loop value: iv, or base + iv*scale (prange chunks).
static LLVMValueRef loop_value(CgFn *f, LLVMValueRef iv, LLVMValueRef base, LLVMValueRef scale) {
  return base ? LLVMBuildAdd(f->b, base, LLVMBuildMul(f->b, iv, scale, ""), "i") : iv;
}

// Emits the body and the latch of a loop whose header is `head` with phi
// `phi` (starting at `start` from `pre`), stepping by `inc` (nsw when
// `nsw`), exiting to `brk` on break. Leaves the builder at `after`.
static void loop_rest(CgFn *f, IrInst *in, LLVMValueRef phi, LLVMValueRef start,
                      LLVMBasicBlockRef pre, LLVMValueRef inc, bool nsw, LLVMBasicBlockRef body,
                      LLVMBasicBlockRef latch, LLVMBasicBlockRef brk, bool poll) {
  CgLoop lp = {brk, latch, f->loop};
  f->loop = &lp;
  f->dead = false;
  LLVMPositionBuilderAtEnd(f->b, body);
  cg_emit_block(f, in->body[0]);
  if (!f->dead) LLVMBuildBr(f->b, latch);
  f->loop = lp.outer;
  LLVMPositionBuilderAtEnd(f->b, latch);
  if (poll) cg_poll_interrupt(f, in);  // a loop nest: once per iteration of this loop
  // +-1 steps cannot overflow (the bound check comes first): nsw helps SCEV.
  LLVMValueRef next = nsw ? LLVMBuildNSWAdd(f->b, phi, inc, "i.next")
                          : LLVMBuildAdd(f->b, phi, inc, "i.next");
  LLVMValueRef br = LLVMBuildBr(f->b, LLVMGetInstructionParent(phi));
  if (f->fast_loops) cg_mark_vectorize(f, br);
  LLVMValueRef inc_v[2] = {start, next};
  LLVMBasicBlockRef inc_b[2] = {pre, LLVMGetInsertBlock(f->b)};
  LLVMAddIncoming(phi, inc_v, inc_b, 2);
}

void cg_emit_range(CgFn *f, IrInst *in, LLVMValueRef lo, LLVMValueRef hi, LLVMValueRef step,
                   LLVMValueRef base, LLVMValueRef scale) {
  CgModule *cm = f->cm;
  LLVMBuilderRef B = f->b;
  LLVMTypeRef i64 = LLVMInt64TypeInContext(cm->ctx);
  int64_t cstep = 0;
  if (LLVMIsAConstantInt(step)) cstep = LLVMConstIntGetSExtValue(step);
  bool unit = cstep == 1 || cstep == -1;
  LoopScan facts = scan_loop(cm, in, unit);
  bool nest = facts.nest;
  // Plain: a nest (polls at its latch) or a loop bounded by the array it
  // indexes (no poll, see above). Any other loop, inside a nest or not, runs
  // in blocks with polls between them.
  bool plain = unit && (nest || memory_bounded(&facts));
  LLVMBasicBlockRef pre = LLVMGetInsertBlock(B);
  LLVMBasicBlockRef exit = cg_block(f, "endfor");
  if (plain) {  // canonical loop, poll at the latch of a nest
    LLVMBasicBlockRef head = cg_block(f, "for"), body = cg_block(f, "for.body"),
                      latch = cg_block(f, "for.latch");
    LLVMBuildBr(B, head);
    LLVMPositionBuilderAtEnd(B, head);
    LLVMValueRef iv = LLVMBuildPhi(B, i64, "i");
    LLVMBuildCondBr(B, range_cond(f, iv, hi, step, cstep), body, exit);
    LLVMPositionBuilderAtEnd(B, body);
    f->vals[in->result] = loop_value(f, iv, base, scale);
    loop_rest(f, in, iv, lo, pre, step, true, LLVMGetInsertBlock(B), latch, exit, nest);
  } else {  // blocks of POLL_BLOCK iterations
    LLVMBasicBlockRef bhead = cg_block(f, "for.blocks"), bset = cg_block(f, "for.block"),
                      bend = cg_block(f, "for.block.end");
    LLVMBuildBr(B, bhead);
    LLVMPositionBuilderAtEnd(B, bhead);
    LLVMValueRef b0 = LLVMBuildPhi(B, i64, "blk");
    LLVMBuildCondBr(B, range_cond(f, b0, hi, step, cstep), bset, exit);
    LLVMPositionBuilderAtEnd(B, bset);
    if (cstep) {  // blocks only move away from lo: tells SCEV the range of i
      LLVMValueRef as[1] = {LLVMBuildICmp(B, cstep > 0 ? LLVMIntSGE : LLVMIntSLE, b0, lo, "")};
      cg_intrinsic(f, "llvm.assume", NULL, 0, as, 1);
    }
    LLVMValueRef rem, mag;
    distance(f, b0, hi, step, cstep, &rem, &mag);
    LLVMValueRef far = LLVMBuildAdd(B, b0, LLVMBuildMul(B, step, cg_const_i64(cm, POLL_BLOCK), ""),
                                    "blk.far");  // only used when it lies before hi
    LLVMValueRef next_b0, last = NULL;
    LLVMBasicBlockRef head = cg_block(f, "for"), body = cg_block(f, "for.body"),
                      latch = cg_block(f, "for.latch");
    if (unit) {  // [b0, end) with end = far or hi
      LLVMValueRef room = LLVMBuildICmp(B, LLVMIntUGT, rem, cg_const_i64(cm, POLL_BLOCK), "");
      LLVMValueRef end = LLVMBuildSelect(B, room, far, hi, "blk.end");
      LLVMBasicBlockRef ipre = LLVMGetInsertBlock(B);
      LLVMBuildBr(B, head);
      LLVMPositionBuilderAtEnd(B, head);
      LLVMValueRef iv = LLVMBuildPhi(B, i64, "i");
      LLVMBuildCondBr(B, range_cond(f, iv, end, step, cstep), body, bend);
      LLVMPositionBuilderAtEnd(B, body);
      f->vals[in->result] = loop_value(f, iv, base, scale);
      loop_rest(f, in, iv, b0, ipre, step, true, LLVMGetInsertBlock(B), latch, exit, nest);
      next_b0 = end;
    } else {  // k = 0 .. n with i = b0 + k*step
      LLVMValueRef one = cg_const_i64(cm, 1);
      LLVMValueRef trips = LLVMBuildAdd(
          B, LLVMBuildUDiv(B, LLVMBuildSub(B, rem, one, ""), mag, ""), one, "blk.trips");
      last = LLVMBuildICmp(B, LLVMIntULE, trips, cg_const_i64(cm, POLL_BLOCK), "blk.last");
      LLVMValueRef n = LLVMBuildSelect(B, last, trips, cg_const_i64(cm, POLL_BLOCK), "blk.n");
      LLVMBasicBlockRef ipre = LLVMGetInsertBlock(B);
      LLVMBuildBr(B, head);
      LLVMPositionBuilderAtEnd(B, head);
      LLVMValueRef k = LLVMBuildPhi(B, i64, "k");
      LLVMBuildCondBr(B, LLVMBuildICmp(B, LLVMIntULT, k, n, ""), body, bend);
      LLVMPositionBuilderAtEnd(B, body);
      LLVMValueRef iv = LLVMBuildAdd(B, b0, LLVMBuildMul(B, k, step, ""), "");
      f->vals[in->result] = loop_value(f, iv, base, scale);
      loop_rest(f, in, k, cg_const_i64(cm, 0), ipre, one, true, LLVMGetInsertBlock(B), latch,
                exit, nest);
      next_b0 = far;
    }
    // Another block? Only then poll: a loop that fits in one block (the
    // common case inside a loop nest, whose latch polls anyway) never does.
    LLVMPositionBuilderAtEnd(B, bend);
    LLVMBasicBlockRef more = cg_block(f, "for.block.next");
    if (last)  // the last block of a counted range ends the loop
      LLVMBuildCondBr(B, last, exit, more);
    else
      LLVMBuildCondBr(B, range_cond(f, next_b0, hi, step, cstep), more, exit);
    LLVMPositionBuilderAtEnd(B, more);
    if (!nest) cg_poll_interrupt(f, in);
    LLVMBuildBr(B, bhead);
    LLVMValueRef bv[2] = {lo, next_b0};
    LLVMBasicBlockRef bb[2] = {pre, LLVMGetInsertBlock(B)};
    LLVMAddIncoming(b0, bv, bb, 2);
  }
  LLVMMoveBasicBlockAfter(exit, LLVMGetLastBasicBlock(f->llfn));  // readable block order
  LLVMPositionBuilderAtEnd(B, exit);
  f->dead = false;
}
