// emit_array.c - array ops: element addresses (strides in elements; the
// innermost stride of array<..,C> is known to be 1 and not loaded, so loops
// vectorize without a runtime stride check), ARRAY_NEW (one zero-filled
// C-contiguous block from pyc_array_new, refcount 1) and BOUNDSCHECK (the
// IndexError message numpy gives, with the index as the user wrote it).
#include <stdio.h>

#include "pyc/runtime.h"

#include "cg.h"

#define V(k) (f->vals[in->args[(k)]])
#define T(k) (ir_value_type(f->fn, in->args[(k)]))

static unsigned elem_size(const Type *e) { return e->kind == TY_BOOL ? 1 : e->bits / 8; }

// Address of element (args 1..ndim) of the array in arg0.
LLVMValueRef cg_elem_addr(CgFn *f, IrInst *in) {
  const Type *at = T(0);
  LLVMValueRef arr = V(0);
  LLVMBuilderRef B = f->b;
  LLVMValueRef data = LLVMBuildExtractValue(B, arr, 1, "data");
  LLVMValueRef strides = LLVMBuildExtractValue(B, arr, 3, "strides");
  LLVMValueRef off = NULL;
  for (unsigned k = 0; k < at->ndim; k++) {
    LLVMValueRef idx = V(1 + k);
    LLVMValueRef term = idx;
    if (!(at->contig && k == at->ndim - 1u)) {
      LLVMValueRef st = LLVMBuildExtractValue(B, strides, k, "");
      term = LLVMBuildNSWMul(B, idx, st, "");
    }
    off = off ? LLVMBuildNSWAdd(B, off, term, "") : term;
  }
  LLVMValueRef idx[1] = {off ? off : cg_const_i64(f->cm, 0)};
  return LLVMBuildInBoundsGEP2(B, cg_mem_type(f->cm, at->elem), data, idx, 1, "");
}

LLVMValueRef cg_emit_array_new(CgFn *f, IrInst *in) {
  CgModule *cm = f->cm;
  LLVMBuilderRef B = f->b;
  const Type *at = in->type;
  LLVMTypeRef st = cg_type(cm, at);
  LLVMValueRef zero = cg_const_i64(cm, 0);
  LLVMValueRef n = cg_const_i64(cm, 1), neg = LLVMConstInt(LLVMInt1TypeInContext(cm->ctx), 0, 0);
  for (uint32_t k = 0; k < in->nargs; k++) {
    n = LLVMBuildMul(B, n, V(k), "");
    neg = LLVMBuildOr(B, neg, LLVMBuildICmp(B, LLVMIntSLT, V(k), zero, ""), "");
  }
  LLVMValueRef nbytes = LLVMBuildMul(B, n, cg_const_i64(cm, elem_size(at->elem)), "nbytes");
  nbytes = LLVMBuildSelect(B, neg, cg_const_i64(cm, -1), nbytes, "");
  LLVMValueRef dslot = cg_entry_alloca(f, LLVMPointerTypeInContext(cm->ctx, 0), "data.out");
  LLVMValueRef a[2] = {nbytes, dslot};
  LLVMValueRef mi = cg_rt_call(f, "pyc_array_new", a, 2);
  cg_err_if(f, in, LLVMBuildIsNull(B, mi, ""), true);
  LLVMValueRef data = LLVMBuildLoad2(B, LLVMPointerTypeInContext(cm->ctx, 0), dslot, "data");
  LLVMValueRef v = LLVMGetUndef(st);
  v = LLVMBuildInsertValue(B, v, mi, 0, "");
  v = LLVMBuildInsertValue(B, v, data, 1, "");
  LLVMValueRef shape = LLVMGetUndef(LLVMArrayType(LLVMInt64TypeInContext(cm->ctx), at->ndim));
  LLVMValueRef strides = shape;
  LLVMValueRef stride = cg_const_i64(cm, 1);
  for (int k = (int)at->ndim - 1; k >= 0; k--) {
    LLVMValueRef ext = (uint32_t)k < in->nargs ? V(k) : zero;
    shape = LLVMBuildInsertValue(B, shape, ext, (unsigned)k, "");
    strides = LLVMBuildInsertValue(B, strides, stride, (unsigned)k, "");
    stride = LLVMBuildMul(B, stride, ext, "");
  }
  v = LLVMBuildInsertValue(B, v, shape, 2, "");
  return LLVMBuildInsertValue(B, v, strides, 3, "");
}

void cg_raise_index(CgFn *f, IrInst *in, LLVMValueRef shown, int64_t axis, LLVMValueRef size) {
  CgModule *cm = f->cm;
  LLVMValueRef a[5] = {shown, cg_const_i32(cm, (int32_t)axis), size, cm->file_str, cg_line(in, cm)};
  cg_rt_call(f, "pyc_err_index", a, 5);
  LLVMBuildBr(f->b, cg_err_exit(f));
}

void cg_emit_boundscheck(CgFn *f, IrInst *in) {
  CgModule *cm = f->cm;
  LLVMValueRef idx = V(0), size = V(1);
  LLVMValueRef bad = LLVMBuildICmp(f->b, LLVMIntUGE, idx, size, "oob");
  LLVMBasicBlockRef raise = cg_block(f, "oob"), ok = cg_block(f, "inbounds");
  LLVMTypeRef i1 = LLVMInt1TypeInContext(cm->ctx);
  LLVMValueRef ea[2] = {bad, LLVMConstInt(i1, 0, 0)};
  LLVMBuildCondBr(f->b, cg_intrinsic(f, "llvm.expect", &i1, 1, ea, 2), raise, ok);
  LLVMPositionBuilderAtEnd(f->b, raise);
  // arg0 is the normalized index (i < 0 ? i + size : i): a negative one came
  // from a negative user index, which the message shows as written (numpy).
  LLVMValueRef neg = LLVMBuildICmp(f->b, LLVMIntSLT, idx, cg_const_i64(cm, 0), "");
  LLVMValueRef shown = LLVMBuildSelect(f->b, neg, LLVMBuildSub(f->b, idx, size, ""), idx, "");
  cg_raise_index(f, in, shown, in->ival, size);
  LLVMPositionBuilderAtEnd(f->b, ok);
}
