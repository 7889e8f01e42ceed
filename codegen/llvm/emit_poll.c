// emit_poll.c - interrupt polls (docs/runtime.md "Interrupts"): compiled
// code reads the runtime's interrupt flag at a few places per loop nest and,
// when it is set, raises KeyboardInterrupt through the ordinary error exit.
// The flag's address comes from pyc_interrupt_flag(), declared readnone and
// speculatable (it is a constant), called once in the entry block; each poll
// is a volatile unordered-atomic i32 load (never hoisted or merged, and,
// unlike an ordered atomic, not a barrier to alias analysis) and a branch
// expected not taken. Where the polls go is emit_ctrl.c's business.
#include "cg.h"

// Declares pyc_interrupt_flag with the attributes that let LLVM treat it as
// a constant: memory(none) speculatable willreturn nounwind.
static LLVMValueRef flag_fn(CgModule *cm, LLVMTypeRef *fty) {
  LLVMValueRef fn = cg_rt(cm, "pyc_interrupt_flag", fty);
  static const char *const attrs[] = {"speculatable", "willreturn", "nosync"};
  for (size_t i = 0; i < sizeof attrs / sizeof attrs[0]; i++) {
    unsigned kind = LLVMGetEnumAttributeKindForName(attrs[i], strlen(attrs[i]));
    if (kind) LLVMAddAttributeAtIndex(fn, LLVMAttributeFunctionIndex,
                                      LLVMCreateEnumAttribute(cm->ctx, kind, 0));
  }
  unsigned mem = LLVMGetEnumAttributeKindForName("memory", 6);  // LLVM 16: value 0 = none
  if (mem) LLVMAddAttributeAtIndex(fn, LLVMAttributeFunctionIndex,
                                   LLVMCreateEnumAttribute(cm->ctx, mem, 0));
  return fn;
}

LLVMValueRef cg_interrupt_flag(CgFn *f) {
  if (f->intr_flag) return f->intr_flag;
  LLVMTypeRef fty;
  LLVMValueRef fn = flag_fn(f->cm, &fty);
  LLVMBuilderRef b = LLVMCreateBuilderInContext(f->cm->ctx);
  LLVMBasicBlockRef entry = LLVMGetEntryBasicBlock(f->llfn);
  LLVMValueRef first = LLVMGetFirstInstruction(entry);
  if (first) LLVMPositionBuilderBefore(b, first);
  else LLVMPositionBuilderAtEnd(b, entry);
  f->intr_flag = LLVMBuildCall2(b, fty, fn, NULL, 0, "intr.flag");
  LLVMDisposeBuilder(b);
  return f->intr_flag;
}

void cg_poll_interrupt(CgFn *f, const IrInst *in) {
  CgModule *cm = f->cm;
  LLVMTypeRef i32 = LLVMInt32TypeInContext(cm->ctx), i1 = LLVMInt1TypeInContext(cm->ctx);
  LLVMValueRef v = LLVMBuildLoad2(f->b, i32, cg_interrupt_flag(f), "intr");
  LLVMSetVolatile(v, 1);
  LLVMSetOrdering(v, LLVMAtomicOrderingUnordered);
  LLVMSetAlignment(v, 4);
  LLVMValueRef set = LLVMBuildICmp(f->b, LLVMIntNE, v, cg_const_i32(cm, 0), "");
  LLVMValueRef ex[2] = {set, LLVMConstInt(i1, 0, 0)};
  set = cg_intrinsic(f, "llvm.expect", &i1, 1, ex, 2);
  LLVMBasicBlockRef bad = cg_block(f, "interrupted"), ok = cg_block(f, "not.interrupted");
  LLVMBuildCondBr(f->b, set, bad, ok);
  LLVMPositionBuilderAtEnd(f->b, bad);
  LLVMValueRef a[2] = {cm->file_str, cg_line(in, cm)};
  cg_rt_call(f, "pyc_raise_interrupt", a, 2);
  LLVMBuildBr(f->b, cg_err_exit(f));
  LLVMPositionBuilderAtEnd(f->b, ok);
}

bool cg_block_has_loop(const IrBlock *blk) {
  for (uint32_t i = 0; blk && i < blk->insts.len; i++) {
    const IrInst *in = blk->insts.data[i];
    if (in->op == IR_OP_FOR || in->op == IR_OP_LOOP) return true;
    if (cg_block_has_loop(in->body[0]) || cg_block_has_loop(in->body[1])) return true;
  }
  return false;
}
