// emit_range.c - `for i in range(lo, hi, step)` (TIR FOR, and the chunk
// loop of an outlined prange body) with Python's semantics for any step,
// never overflowing int64, and with interrupt polls (emit_poll.c) placed so
// that innermost loops stay plain single-exit loops for LLVM's vectorizer:
// - step +1/-1, body holds a loop: one canonical loop (header phi, latch
//   `i.next = add nsw`), polling at the latch.
// - step +1/-1, innermost inside another loop: the same canonical loop with
//   no poll (the enclosing loop polls once per run of this one; blocks here
//   cost a measured 5-10% on matmul's 512-iteration inner loop).
// - step +1/-1, innermost and outermost: strip-mined. An outer loop over blocks of
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
#include "cg.h"

#define POLL_BLOCK ((int64_t)1 << 16)

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
  bool nest = cg_block_has_loop(in->body[0]);
  bool inside = f->loop != NULL;  // an enclosing loop polls each iteration
  LLVMBasicBlockRef pre = LLVMGetInsertBlock(B);
  LLVMBasicBlockRef exit = cg_block(f, "endfor");
  if (unit && (nest || inside)) {  // canonical loop, poll at the latch of a nest
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
