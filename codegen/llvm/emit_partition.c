// emit_partition.c - partitions and index launches in the LLVM backend
// (issue 5; runtime ABI in the "Partitions and index launches" section of
// runtime/include/pyc/tasks.h). A partition is a PycPartition* (refcounted
// like regions, see cg_refcount); PARTITION_EQUAL / RESTRICT / HALO / IMAGE /
// BY_FIELD / PREIMAGE call the runtime constructors (i64 operands in a stack
// array; the last three fence first in the top-level task: they read data);
// REGION_SPARSE / REGION_POINT walk a sparse piece's points (any rank);
// PARTITION_GET returns the borrowed piece; INDEX_LAUNCH builds the blob
// and PycReq array as LAUNCH does (cg_task_launch_args, a partition operand
// in the region slot with its bit set in `projected`) and calls
// pyc_index_launch, which runs the point launches and, for reduce=op, gives
// the future of the folded result (without reduce= and with a futuremap<T>
// result: PYC_INDEX_GATHER, the future of all the point results, which
// FUTURE_MAP_GET reads with pyc_future_map_get). PARTITION_COLORS is
// pyc_partition_colors (P.color_space).
#include <string.h>

#include "pyc/tasks.h"

#include "cg.h"

#define V(k) (f->vals[in->args[(k)]])
#define T(k) (ir_value_type(f->fn, in->args[(k)]))

static LLVMTypeRef i64t(CgModule *cm) { return LLVMInt64TypeInContext(cm->ctx); }

// Operands [from, from + n) stored in an i64 stack array.
static LLVMValueRef i64_array(CgFn *f, IrInst *in, uint32_t from, uint32_t n, const char *name) {
  CgModule *cm = f->cm;
  LLVMTypeRef at = LLVMArrayType(i64t(cm), n ? n : 1);
  LLVMValueRef a = cg_entry_alloca(f, at, name);
  for (uint32_t i = 0; i < n; i++) {
    LLVMValueRef idx[2] = {cg_const_i32(cm, 0), cg_const_i32(cm, (int32_t)i)};
    LLVMBuildStore(f->b, V(from + i), LLVMBuildGEP2(f->b, at, a, idx, 2, ""));
  }
  return a;
}

static LLVMValueRef emit_index_launch(CgFn *f, IrInst *in) {
  CgModule *cm = f->cm;
  unsigned cd = IR_INDEX_CDIM(in->ival);
  LLVMValueRef blob, reqs;
  uint32_t nreg, nscal;
  LLVMValueRef w = cg_task_launch_args(f, in, cd, &blob, &reqs, &nreg, &nscal);
  if (!w) return NULL;
  const IrFunc *g = ir_module_find(cm->ir, in->sym);
  uint64_t projected = 0;
  int32_t id_slot = -1, idp = IR_INDEX_ID_PARAM(in->ival);
  for (uint32_t i = 0, kr = 0, ks = 0; i < g->nparams; i++) {
    if (g->value_types.data[i]->kind == TY_REGION) {
      if (T(cd + i)->kind == TY_PARTITION) projected |= 1ull << kr;
      kr++;
    } else {
      if ((int)i == idp) id_slot = (int32_t)ks;
      ks++;
    }
  }
  int redop = IR_INDEX_REDOP(in->ival);
  bool has_result = g->ret_type->kind != TY_VOID;
  bool map = redop < 0 && in->type->kind == TY_FUTURE;  // a FutureMap: gather the results
  int32_t reduce =
      redop < 0 ? (map ? PYC_INDEX_GATHER : -1)
                : redop | (g->ret_type->kind == TY_FLOAT ? PYC_ELEM_F64 : PYC_ELEM_I64) << 8;
  LLVMValueRef a[12] = {cg_cstring(cm, g->name, (uint32_t)strlen(g->name)),
                        w,
                        blob,
                        cg_const_i64(cm, 8 * (int64_t)nscal),
                        cg_const_i32(cm, (int32_t)nreg),
                        reqs,
                        LLVMConstInt(i64t(cm), projected, 0),
                        cg_const_i32(cm, (int32_t)cd),
                        i64_array(f, in, 0, cd, "colors"),
                        cg_const_i32(cm, id_slot),
                        cg_const_i64(cm, has_result ? 8 : 0),
                        cg_const_i32(cm, reduce)};
  LLVMValueRef fut = cg_rt_call(f, "pyc_index_launch", a, 12);
  cg_check_err(f, in, true);
  return redop < 0 && !map ? NULL : fut;
}

// fm[i].get(): point i of a FutureMap's gathered results (IndexError outside).
static LLVMValueRef emit_future_map_get(CgFn *f, IrInst *in) {
  CgModule *cm = f->cm;
  LLVMValueRef tmp = cg_entry_alloca(f, i64t(cm), "point_result");
  LLVMValueRef a[4] = {V(0), cg_const_i32(cm, (int32_t)(in->nargs - 1)),
                       i64_array(f, in, 1, in->nargs - 1, "point"), tmp};
  LLVMValueRef st = cg_rt_call(f, "pyc_future_map_get", a, 4);
  cg_err_if(f, in, LLVMBuildICmp(f->b, LLVMIntNE, st, cg_const_i32(cm, 0), ""), false);
  return cg_from_mem(f, in->type, LLVMBuildLoad2(f->b, cg_mem_type(cm, in->type), tmp, ""));
}

bool cg_emit_partition_inst(CgFn *f, IrInst *in, LLVMValueRef *out) {
  CgModule *cm = f->cm;
  LLVMValueRef r = NULL;
  switch (in->op) {
  case IR_OP_PARTITION_EQUAL: {
    LLVMValueRef a[3] = {V(0), cg_const_i32(cm, (int32_t)in->type->ndim),
                         i64_array(f, in, 1, in->type->ndim, "colors")};
    r = cg_rt_call(f, "pyc_partition_equal", a, 3);
    cg_check_err(f, in, true);
    break;
  }
  case IR_OP_PARTITION_RESTRICT: {
    uint32_t cd = in->type->ndim, nd = T(0)->ndim;
    LLVMValueRef a[5] = {V(0), cg_const_i32(cm, (int32_t)cd), i64_array(f, in, 1, cd, "colors"),
                         i64_array(f, in, 1 + cd, nd * cd, "transform"),
                         i64_array(f, in, 1 + cd + nd * cd, nd, "extent")};
    r = cg_rt_call(f, "pyc_partition_restrict", a, 5);
    cg_check_err(f, in, true);
    break;
  }
  case IR_OP_PARTITION_HALO: {
    LLVMValueRef a[2] = {V(0), V(1)};
    r = cg_rt_call(f, "pyc_partition_halo", a, 2);
    cg_check_err(f, in, true);
    break;
  }
  case IR_OP_PARTITION_IMAGE:
  case IR_OP_PARTITION_BY_FIELD:
  case IR_OP_PARTITION_PREIMAGE: {
    if (f->fn->flags & IR_FN_TOP_LEVEL) {  // reads data: after the launches that write it
      LLVMValueRef st = cg_rt_call(f, "pyc_runtime_fence", NULL, 0);
      cg_err_if(f, in, LLVMBuildICmp(f->b, LLVMIntNE, st, cg_const_i32(cm, 0), ""), false);
    }
    LLVMValueRef k = cg_const_i32(cm, (int32_t)in->ival);
    if (in->op == IR_OP_PARTITION_BY_FIELD) {
      LLVMValueRef a[4] = {V(0), k, cg_const_i32(cm, (int32_t)in->type->ndim),
                           i64_array(f, in, 1, in->type->ndim, "colors")};
      r = cg_rt_call(f, "pyc_partition_by_field", a, 4);
    } else {
      LLVMValueRef a[3] = {V(0), V(1), k};
      r = cg_rt_call(f, in->op == IR_OP_PARTITION_IMAGE ? "pyc_partition_image"
                                                        : "pyc_partition_preimage",
                     a, 3);
    }
    cg_check_err(f, in, true);
    break;
  }
  case IR_OP_REGION_SPARSE: {
    LLVMValueRef pts = cg_rt_call(f, "pyc_region_points", &V(0), 1);
    r = LLVMBuildIsNotNull(f->b, pts, "sparse");
    break;
  }
  case IR_OP_REGION_POINT: {  // 1-d: the point; n-d: its coordinate on axis ival
    LLVMTypeRef i32 = LLVMInt32TypeInContext(f->cm->ctx);
    LLVMValueRef a[3] = {V(0), V(1), LLVMConstInt(i32, (unsigned long long)in->ival, 0)};
    bool nd = T(0)->ndim > 1;
    r = cg_rt_call(f, nd ? "pyc_region_point_axis" : "pyc_region_point", a, nd ? 3 : 2);
    break;
  }
  case IR_OP_PARTITION_GET: {
    if (in->ival) {
      LLVMValueRef a[2] = {V(0), V(1)};
      r = cg_rt_call(f, "pyc_partition_piece", a, 2);
    } else {
      LLVMValueRef a[2] = {V(0), i64_array(f, in, 1, in->nargs - 1, "color")};
      r = cg_rt_call(f, "pyc_partition_get", a, 2);
    }
    cg_check_err(f, in, true);
    break;
  }
  case IR_OP_PARTITION_VOLUME: r = cg_rt_call(f, "pyc_partition_volume", &V(0), 1); break;
  case IR_OP_PARTITION_COLORS: {
    LLVMValueRef a[2] = {V(0), cg_const_i32(cm, (int32_t)in->ival)};
    r = cg_rt_call(f, "pyc_partition_colors", a, 2);
    break;
  }
  case IR_OP_FUTURE_MAP_GET: r = emit_future_map_get(f, in); break;
  case IR_OP_FUTURE_WAIT: {
    LLVMValueRef st = cg_rt_call(f, "pyc_future_wait", &V(0), 1);
    cg_err_if(f, in, LLVMBuildICmp(f->b, LLVMIntNE, st, cg_const_i32(cm, 0), ""), false);
    break;
  }
  case IR_OP_INDEX_LAUNCH: r = emit_index_launch(f, in); break;
  default: return false;
  }
  *out = r;
  return true;
}
