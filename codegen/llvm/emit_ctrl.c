// emit_ctrl.c - structured TIR control flow -> LLVM basic blocks: IF
// (then/else/merge), LOOP (header with an interrupt poll, body, exit), FOR
// (emit_range.c: Python range semantics, blocks with interrupt polls),
// BREAK/CONTINUE (innermost loop), RET (increfs an array result, decrefs the
// slots) and RAISE. Emission of a block stops after its terminator.
#include <llvm-c/DebugInfo.h>

#include "cg.h"

void cg_emit_block(CgFn *f, IrBlock *blk) {
  for (uint32_t i = 0; i < blk->insts.len && !f->dead && !f->cm->err; i++) {
    IrInst *in = blk->insts.data[i];
    if (!cg_emit_ctrl(f, in)) cg_emit_inst(f, in);
  }
}

void cg_emit_ret(CgFn *f, LLVMValueRef v, const Type *t) {
  if (v && cg_type_has_array(t)) cg_refcount(f, t, v, true);
  cg_decref_slots(f);
  if (f->sret) {
    LLVMBuildStore(f->b, v ? v : LLVMConstNull(cg_type(f->cm, t)), f->sret);
    LLVMBuildRetVoid(f->b);
  } else if (f->fn->ret_type->kind == TY_VOID) {
    LLVMBuildRetVoid(f->b);
  } else {
    LLVMBuildRet(f->b, v ? v : LLVMConstNull(cg_type(f->cm, f->fn->ret_type)));
  }
  f->dead = true;
}

static void emit_if(CgFn *f, IrInst *in) {
  LLVMBasicBlockRef th = cg_block(f, "then"), el = cg_block(f, "else");
  LLVMBasicBlockRef merge = cg_block(f, "endif");
  LLVMBuildCondBr(f->b, f->vals[in->args[0]], th, el);
  bool all_dead = true;
  for (int k = 0; k < 2; k++) {
    LLVMPositionBuilderAtEnd(f->b, k == 0 ? th : el);
    f->dead = false;
    if (in->body[k]) cg_emit_block(f, in->body[k]);
    if (!f->dead) {
      LLVMBuildBr(f->b, merge);
      all_dead = false;
    }
  }
  LLVMPositionBuilderAtEnd(f->b, merge);
  f->dead = false;
  if (all_dead) {
    LLVMBuildUnreachable(f->b);
    f->dead = true;
  }
}

static void emit_loop(CgFn *f, IrInst *in) {
  LLVMBasicBlockRef head = cg_block(f, "loop"), exit = cg_block(f, "endloop");
  LLVMBuildBr(f->b, head);
  LLVMPositionBuilderAtEnd(f->b, head);
  cg_poll_interrupt(f, in);  // every iteration (a while loop has no trip count to block)
  CgLoop lp = {exit, head, f->loop};
  f->loop = &lp;
  cg_emit_block(f, in->body[0]);
  if (!f->dead) LLVMBuildBr(f->b, head);
  f->loop = lp.outer;
  LLVMPositionBuilderAtEnd(f->b, exit);
  f->dead = false;
}

// !llvm.loop !{self, !{"llvm.loop.vectorize.enable", i1 true}}: lets the loop
// vectorizer reorder FP reductions (the LLVM 16 C API has no fast-math flags).
void cg_mark_vectorize(CgFn *f, LLVMValueRef br) {
  LLVMContextRef c = f->cm->ctx;
  LLVMMetadataRef tmp = LLVMTemporaryMDNode(c, NULL, 0);
  const char *key = "llvm.loop.vectorize.enable";
  LLVMMetadataRef kv[2] = {LLVMMDStringInContext2(c, key, strlen(key)),
                           LLVMValueAsMetadata(LLVMConstInt(LLVMInt1TypeInContext(c), 1, 0))};
  LLVMMetadataRef self[2] = {tmp, LLVMMDNodeInContext2(c, kv, 2)};
  LLVMMetadataRef node = LLVMMDNodeInContext2(c, self, 2);
  LLVMMetadataReplaceAllUsesWith(tmp, node);
  LLVMSetMetadata(br, LLVMGetMDKindIDInContext(c, "llvm.loop", 9), LLVMMetadataAsValue(c, node));
}

static void emit_for(CgFn *f, IrInst *in) {
  cg_emit_range(f, in, f->vals[in->args[0]], f->vals[in->args[1]], f->vals[in->args[2]], NULL,
                NULL);
}

static void emit_raise(CgFn *f, IrInst *in) {
  CgModule *cm = f->cm;
  if (in->sym) {
    LLVMValueRef a[4] = {cg_const_i32(cm, (int32_t)in->ival), cg_cstring(cm, in->sym, in->symlen),
                         cm->file_str, cg_line(in, cm)};
    cg_rt_call(f, "pyc_raise", a, 4);
  } else {
    LLVMValueRef a[3] = {cg_const_i32(cm, (int32_t)in->ival), cm->file_str, cg_line(in, cm)};
    cg_rt_call(f, "pyc_buf_raise", a, 3);
  }
  LLVMBuildBr(f->b, cg_err_exit(f));
  f->dead = true;
}

bool cg_emit_ctrl(CgFn *f, IrInst *in) {
  bool ctrl = in->op == IR_OP_IF || in->op == IR_OP_FOR || in->op == IR_OP_RET;
  for (uint32_t k = 0; ctrl && k < in->nargs; k++)
    if (in->args[k] >= f->fn->value_types.len || !f->vals[in->args[k]]) {
      cg_fail(f->cm, "codegen: @%s: %s uses %%%u before its definition", f->fn->name,
              ir_op_info[in->op].text, in->args[k]);
      return true;
    }
  switch (in->op) {
  case IR_OP_IF: emit_if(f, in); return true;
  case IR_OP_LOOP: emit_loop(f, in); return true;
  case IR_OP_FOR:
    if (in->ival & IR_FOR_OUTLINE) cg_emit_parfor(f, in);  // prange: emit_parfor.c
    else emit_for(f, in);
    return true;
  case IR_OP_BREAK:
  case IR_OP_CONTINUE:
    if (!f->loop) {
      cg_fail(f->cm, "codegen: %s outside a loop in @%s", ir_op_info[in->op].text, f->fn->name);
      return true;
    }
    LLVMBuildBr(f->b, in->op == IR_OP_BREAK ? f->loop->brk : f->loop->cont);
    f->dead = true;
    return true;
  case IR_OP_RET:
    cg_task_fence(f);  // a top-level task waits for its launches
    cg_emit_ret(f, in->nargs ? f->vals[in->args[0]] : NULL,
                in->nargs ? ir_value_type(f->fn, in->args[0]) : f->fn->ret_type);
    return true;
  case IR_OP_RAISE: emit_raise(f, in); return true;
  default: return false;
  }
}
