// emit_task.c - the task layer in the LLVM backend (issue 4; runtime ABI in
// runtime/include/pyc/tasks.h). Region values are PycRegion* (refcounted:
// slots retain/release as arrays do, see cg_refcount). Field elements are
// addressed inline: data(field) + sum_d (p[d] - lo[d]) * stride[d], the
// innermost stride being 1 (C order); for a region parameter the base
// pointer, lo and strides are loaded once in the entry block, and the
// accessor calls are declared memory(none) so LLVM hoists the others.
// Each launchable task @t gets a wrapper `pyt_t` of type PycTaskFn:
//   void pyt_t(void *args, PycRegion **regions, void *result)
// args holds the scalar parameters in order, 8 bytes each (bool as one
// byte 0/1 at the slot's start); regions[k] is the k-th region parameter;
// the result (if any) is stored at `result` in its memory type (8 bytes
// reserved). Every launchable task gets one (cg_task_wrappers), an
// external symbol (JIT lookup by the Python entry). LAUNCH builds the blob and a PycReq array (privilege, field
// mask and reduction operator from the callee's IrFunc.privs) on the stack
// and calls pyc_launch (pyc_launch_ex with PYC_LAUNCH_INDEPENDENT for a
// launch marked [independent] by passes/taskgraph.c); FUTURE_GET calls
// pyc_future_get; a top-level task calls pyc_runtime_fence before it
// returns, so task errors surface there.
#include <stdio.h>
#include <stdlib.h>

#include "pyc/runtime.h"
#include "pyc/tasks.h"

#include "cg.h"

#define V(k) (f->vals[in->args[(k)]])
#define T(k) (ir_value_type(f->fn, in->args[(k)]))

// Per-function cache of the entry-block loads for region parameters.
typedef struct CgTaskCache {
  uint32_t nparams;
  int async;             // -1 unknown; 1: a top-level task with launch/fill/copy ops
  LLVMValueRef dirty;    // i1 alloca: an async op ran since the last fence
  LLVMValueRef *data;    // [param * 64 + field]
  LLVMValueRef *lo;      // [param * 3 + axis]
  LLVMValueRef *stride;  // [param * 3 + axis]
} CgTaskCache;

void cg_task_fn_end(CgFn *f) {
  if (!f->task) return;
  free(f->task->data);
  free(f->task->lo);
  free(f->task->stride);
  free(f->task);
  f->task = NULL;
}

static LLVMTypeRef i64t(CgModule *cm) { return LLVMInt64TypeInContext(cm->ctx); }
static LLVMTypeRef ptrt(CgModule *cm) { return LLVMPointerTypeInContext(cm->ctx, 0); }

// A call to runtime accessor `name` (memory(none): the region's shape and
// storage never change while it is alive).
static LLVMValueRef accessor(CgFn *f, LLVMBuilderRef b, const char *name, LLVMValueRef r,
                             int32_t k) {
  LLVMTypeRef fty;
  LLVMValueRef fn = cg_rt(f->cm, name, &fty);
  unsigned mem = LLVMGetEnumAttributeKindForName("memory", 6);
  if (mem && !LLVMGetEnumAttributeAtIndex(fn, LLVMAttributeFunctionIndex, mem)) {
    LLVMAddAttributeAtIndex(fn, LLVMAttributeFunctionIndex, LLVMCreateEnumAttribute(f->cm->ctx, mem, 0));
    unsigned wr = LLVMGetEnumAttributeKindForName("willreturn", 10);
    LLVMAddAttributeAtIndex(fn, LLVMAttributeFunctionIndex, LLVMCreateEnumAttribute(f->cm->ctx, wr, 0));
  }
  LLVMValueRef a[2] = {r, cg_const_i32(f->cm, k)};
  return LLVMBuildCall2(b, fty, fn, a, 2, "");
}

// A builder at the end of the entry block (before its terminator, if any).
static LLVMBuilderRef entry_builder(CgFn *f) {
  LLVMBuilderRef b = LLVMCreateBuilderInContext(f->cm->ctx);
  LLVMBasicBlockRef entry = LLVMGetEntryBasicBlock(f->llfn);
  LLVMValueRef term = LLVMGetBasicBlockTerminator(entry);
  if (term) LLVMPositionBuilderBefore(b, term);
  else LLVMPositionBuilderAtEnd(b, entry);
  return b;
}

static CgTaskCache *cache(CgFn *f) {
  if (f->task) return f->task;
  uint32_t n = f->fn->nparams ? f->fn->nparams : 1;
  CgTaskCache *c = calloc(1, sizeof *c);
  c->nparams = n;
  c->async = -1;
  c->data = calloc((size_t)n * 64, sizeof(LLVMValueRef));
  c->lo = calloc((size_t)n * 3, sizeof(LLVMValueRef));
  c->stride = calloc((size_t)n * 3, sizeof(LLVMValueRef));
  f->task = c;
  return c;
}

// name: "pyc_region_field_data" / "pyc_region_lo" / "pyc_region_stride"
static LLVMValueRef region_info(CgFn *f, IrValue rv, const char *name, int32_t k) {
  bool param = rv < f->fn->nparams;
  if (!param) return accessor(f, f->b, name, f->vals[rv], k);
  CgTaskCache *c = cache(f);
  LLVMValueRef *slot = strcmp(name, "pyc_region_field_data") == 0 ? &c->data[rv * 64 + (uint32_t)k]
                       : strcmp(name, "pyc_region_lo") == 0       ? &c->lo[rv * 3 + (uint32_t)k]
                                                                  : &c->stride[rv * 3 + (uint32_t)k];
  if (!*slot) {
    LLVMBuilderRef b = entry_builder(f);
    *slot = accessor(f, b, name, f->vals[rv], k);
    LLVMDisposeBuilder(b);
  }
  return *slot;
}

// With boundscheck: IndexError unless lo <= p[d] <= hi on every axis, with
// numpy's message for a root region ("index 10 is out of bounds for axis 0
// with size 10": regions index from 0 like arrays, but do not wrap).
static void region_boundscheck(CgFn *f, IrInst *in) {
  CgModule *cm = f->cm;
  const Type *rt = T(0);
  for (unsigned d = 0; d < rt->ndim; d++) {
    LLVMValueRef lo = region_info(f, in->args[0], "pyc_region_lo", (int32_t)d);
    LLVMValueRef hi = accessor(f, f->b, "pyc_region_hi", V(0), (int32_t)d);
    LLVMValueRef size = LLVMBuildAdd(f->b, LLVMBuildSub(f->b, hi, lo, ""), cg_const_i64(cm, 1), "");
    LLVMValueRef t = LLVMBuildSub(f->b, V(1 + d), lo, "");
    LLVMValueRef bad = LLVMBuildICmp(f->b, LLVMIntUGE, t, size, "oob");
    LLVMBasicBlockRef raise = cg_block(f, "region_oob"), ok = cg_block(f, "region_inbounds");
    LLVMBuildCondBr(f->b, bad, raise, ok);
    LLVMPositionBuilderAtEnd(f->b, raise);
    cg_raise_index(f, in, V(1 + d), d, size);
    LLVMPositionBuilderAtEnd(f->b, ok);
  }
}

// Address of r.field[p] for REGION_LOAD/STORE/REDUCE (args 1..ndim).
static LLVMValueRef field_addr(CgFn *f, IrInst *in, uint32_t field) {
  const Type *rt = T(0);
  LLVMBuilderRef B = f->b;
  LLVMValueRef data = region_info(f, in->args[0], "pyc_region_field_data", (int32_t)field);
  LLVMValueRef off = NULL;
  for (unsigned d = 0; d < rt->ndim; d++) {
    LLVMValueRef lo = region_info(f, in->args[0], "pyc_region_lo", (int32_t)d);
    LLVMValueRef t = LLVMBuildNSWSub(B, V(1 + d), lo, "");
    if (d + 1 < rt->ndim)
      t = LLVMBuildNSWMul(B, t, region_info(f, in->args[0], "pyc_region_stride", (int32_t)d), "");
    off = off ? LLVMBuildNSWAdd(B, off, t, "") : t;
  }
  const Type *et = rt->elem->elems[field];
  return LLVMBuildInBoundsGEP2(B, cg_mem_type(f->cm, et), data, &off, 1, "");
}

static LLVMValueRef reduce_op(CgFn *f, const Type *t, int op, LLVMValueRef a, LLVMValueRef b) {
  LLVMBuilderRef B = f->b;
  bool fl = t->kind == TY_FLOAT;
  switch (op) {
  case IR_REDOP_ADD: return fl ? LLVMBuildFAdd(B, a, b, "") : LLVMBuildAdd(B, a, b, "");
  case IR_REDOP_MUL: return fl ? LLVMBuildFMul(B, a, b, "") : LLVMBuildMul(B, a, b, "");
  default: {
    bool mx = op == IR_REDOP_MAX;
    LLVMValueRef c = fl ? LLVMBuildFCmp(B, mx ? LLVMRealOGT : LLVMRealOLT, b, a, "")
                        : LLVMBuildICmp(B, mx ? (t->is_signed ? LLVMIntSGT : LLVMIntUGT)
                                              : (t->is_signed ? LLVMIntSLT : LLVMIntULT),
                                        b, a, "");
    return LLVMBuildSelect(B, c, b, a, "");
  }
  }
}

static LLVMValueRef emit_region_new(CgFn *f, IrInst *in) {
  CgModule *cm = f->cm;
  const Type *rt = in->type, *fs = rt->elem;
  LLVMValueRef ext = cg_entry_alloca(f, LLVMArrayType(i64t(cm), 3), "extents");
  LLVMValueRef sizes = cg_entry_alloca(f, LLVMArrayType(i64t(cm), 64), "field_sizes");
  for (uint32_t d = 0; d < rt->ndim; d++) {
    LLVMValueRef idx = cg_const_i64(cm, d);
    LLVMBuildStore(f->b, V(d), LLVMBuildGEP2(f->b, i64t(cm), ext, &idx, 1, ""));
  }
  for (uint32_t k = 0; k < fs->nelems && k < 64; k++) {
    const Type *e = fs->elems[k];
    LLVMValueRef idx = cg_const_i64(cm, k);
    uint64_t size = e->kind == TY_BOOL ? 1 : e->kind == TY_TUPLE ? 8 * e->nelems : e->bits / 8u;
    LLVMBuildStore(f->b, cg_const_i64(cm, (int64_t)size),  // a point field: its int64s
                   LLVMBuildGEP2(f->b, i64t(cm), sizes, &idx, 1, ""));
  }
  LLVMValueRef a[4] = {cg_const_i32(cm, rt->ndim), ext, cg_const_i32(cm, (int32_t)fs->nelems), sizes};
  LLVMValueRef r = cg_rt_call(f, "pyc_region_new", a, 4);
  cg_check_err(f, in, true);
  return r;
}

static int32_t elem_code(const Type *t) {
  if (t->kind == TY_FLOAT) return t->bits == 32 ? PYC_ELEM_F32 : PYC_ELEM_F64;
  return t->bits == 32 ? PYC_ELEM_I32 : PYC_ELEM_I64;
}

static IrFunc *find_func(CgModule *cm, const char *name, uint32_t *index) {
  for (uint32_t i = 0; name && i < cm->ir->funcs.len; i++)
    if (strcmp(cm->ir->funcs.data[i]->name, name) == 0) {
      *index = i;
      return cm->ir->funcs.data[i];
    }
  return NULL;
}

// The wrapper of task fn (index i), created on first use.
static LLVMValueRef wrapper(CgModule *cm, uint32_t index) {
  IrFunc *fn = cm->ir->funcs.data[index];
  char name[512];
  snprintf(name, sizeof name, "pyt_%s", fn->name);
  LLVMValueRef w = LLVMGetNamedFunction(cm->mod, name);
  if (w) return w;
  LLVMTypeRef p3[3] = {ptrt(cm), ptrt(cm), ptrt(cm)};
  LLVMTypeRef wty = LLVMFunctionType(LLVMVoidTypeInContext(cm->ctx), p3, 3, 0);
  w = LLVMAddFunction(cm->mod, name, wty);  // external: the Python entry looks it up
  LLVMBuilderRef b = LLVMCreateBuilderInContext(cm->ctx);
  LLVMPositionBuilderAtEnd(b, LLVMAppendBasicBlockInContext(cm->ctx, w, "entry"));
  uint32_t n = fn->nparams, nreg = 0, nscal = 0;
  LLVMValueRef *args = malloc(sizeof(LLVMValueRef) * (n + 1));
  for (uint32_t i = 0; i < n; i++) {
    const Type *t = fn->value_types.data[i];
    if (t->kind == TY_REGION) {
      LLVMValueRef idx = cg_const_i64(cm, nreg++);
      LLVMValueRef p = LLVMBuildGEP2(b, ptrt(cm), LLVMGetParam(w, 1), &idx, 1, "");
      args[i] = LLVMBuildLoad2(b, ptrt(cm), p, "region");
    } else {
      LLVMValueRef idx = cg_const_i64(cm, nscal++);
      LLVMValueRef p = LLVMBuildGEP2(b, i64t(cm), LLVMGetParam(w, 0), &idx, 1, "");
      LLVMValueRef v = LLVMBuildLoad2(b, cg_mem_type(cm, t), p, "arg");
      if (t->kind == TY_BOOL) v = LLVMBuildICmp(b, LLVMIntNE, v, LLVMConstInt(LLVMTypeOf(v), 0, 0), "");
      args[i] = v;
    }
  }
  LLVMValueRef callee = cm->fn_values[index];
  LLVMValueRef r = LLVMBuildCall2(b, LLVMGlobalGetValueType(callee), callee, args, n, "");
  if (fn->ret_type->kind != TY_VOID) {
    if (fn->ret_type->kind == TY_BOOL) r = LLVMBuildZExt(b, r, LLVMInt8TypeInContext(cm->ctx), "");
    LLVMBuildStore(b, r, LLVMGetParam(w, 2));
  }
  LLVMBuildRetVoid(b);
  LLVMDisposeBuilder(b);
  free(args);
  return w;
}

void cg_task_wrappers(CgModule *cm) {
  for (uint32_t i = 0; i < cm->ir->funcs.len; i++) {
    IrFunc *fn = cm->ir->funcs.data[i];
    if (!(fn->flags & IR_FN_TASK) || (fn->flags & IR_FN_TOP_LEVEL)) continue;
    bool ok = fn->ret_type->kind == TY_VOID || type_is_scalar(fn->ret_type);
    for (uint32_t k = 0; k < fn->nparams && ok; k++) {
      const Type *t = fn->value_types.data[k];
      ok = t->kind == TY_REGION || type_is_scalar(t);
    }
    if (ok) wrapper(cm, i);
  }
}

// The argument blob and PycReq array of a launch of g whose parameter i is
// operand first + i (INDEX_LAUNCH: a partition operand goes in the
// requirement's region slot). Returns g's wrapper (NULL if unknown).
LLVMValueRef cg_task_launch_args(CgFn *f, IrInst *in, uint32_t first, LLVMValueRef *blob_out,
                                 LLVMValueRef *reqs_out, uint32_t *nreg_out, uint32_t *nscal_out) {
  CgModule *cm = f->cm;
  uint32_t gi;
  IrFunc *g = find_func(cm, in->sym, &gi);
  if (!g || !(g->flags & IR_FN_TASK) || g->nparams + first != in->nargs) {
    cg_fail(cm, "codegen: launch of unknown task @%s", in->sym ? in->sym : "?");
    return NULL;
  }
  LLVMTypeRef req_t;
  {
    LLVMTypeRef i32 = LLVMInt32TypeInContext(cm->ctx);
    LLVMTypeRef fl[6] = {ptrt(cm), i64t(cm), i32, i32, i32, i32};
    req_t = LLVMStructTypeInContext(cm->ctx, fl, 6, 0);
  }
  uint32_t nreg = 0, nscal = 0;
  for (uint32_t i = 0; i < g->nparams; i++)
    if (g->value_types.data[i]->kind == TY_REGION) nreg++;
    else nscal++;
  LLVMValueRef blob = cg_entry_alloca(f, LLVMArrayType(i64t(cm), nscal ? nscal : 1), "args");
  LLVMValueRef reqs = cg_entry_alloca(f, LLVMArrayType(req_t, nreg ? nreg : 1), "reqs");
  uint32_t kr = 0, ks = 0;
  for (uint32_t i = 0; i < g->nparams && first + i < in->nargs; i++) {
    const Type *t = g->value_types.data[i];
    if (t->kind != TY_REGION) {
      LLVMValueRef idx = cg_const_i64(cm, ks++);
      LLVMValueRef p = LLVMBuildGEP2(f->b, i64t(cm), blob, &idx, 1, "");
      LLVMBuildStore(f->b, cg_to_mem(f, t, V(first + i)), p);
      continue;
    }
    IrPriv pv = g->privs ? g->privs[i] : (IrPriv){IR_PRIV_RW, 0, 0};
    int32_t et = PYC_ELEM_F64;
    for (uint32_t k = 0; k < t->elem->nelems && k < 64; k++)
      if (pv.fields >> k & 1) {
        et = elem_code(t->elem->elems[k]);
        break;
      }
    LLVMValueRef idx[2] = {cg_const_i32(cm, 0), cg_const_i32(cm, (int32_t)kr++)};
    LLVMValueRef rq = LLVMBuildGEP2(f->b, LLVMArrayType(req_t, nreg), reqs, idx, 2, "");
    LLVMValueRef vals[6] = {V(first + i), LLVMConstInt(i64t(cm), pv.fields, 0), cg_const_i32(cm, pv.mode),
                            cg_const_i32(cm, pv.mode == IR_PRIV_REDUCE ? pv.redop : 0),
                            cg_const_i32(cm, pv.mode == IR_PRIV_REDUCE ? et : 0), cg_const_i32(cm, 0)};
    for (unsigned k = 0; k < 6; k++)
      LLVMBuildStore(f->b, vals[k], LLVMBuildStructGEP2(f->b, req_t, rq, k, ""));
  }
  *blob_out = blob;
  *reqs_out = reqs;
  *nreg_out = nreg;
  *nscal_out = nscal;
  return wrapper(cm, gi);
}

static LLVMValueRef emit_launch(CgFn *f, IrInst *in) {
  CgModule *cm = f->cm;
  LLVMValueRef blob, reqs;
  uint32_t nreg, nscal;
  LLVMValueRef w = cg_task_launch_args(f, in, 0, &blob, &reqs, &nreg, &nscal);
  if (!w) return NULL;
  uint32_t gi;
  IrFunc *g = find_func(cm, in->sym, &gi);
  bool has_result = g->ret_type->kind != TY_VOID;
  LLVMValueRef a[8] = {cg_cstring(cm, g->name, (uint32_t)strlen(g->name)), w, blob,
                       cg_const_i64(cm, 8 * (int64_t)nscal), cg_const_i32(cm, (int32_t)nreg), reqs,
                       cg_const_i64(cm, has_result ? 8 : 0),
                       cg_const_i32(cm, PYC_LAUNCH_INDEPENDENT)};
  // Proved independent by the task-graph pass: the runtime skips the search.
  bool indep = (in->ival & IR_LAUNCH_INDEPENDENT) != 0;
  LLVMValueRef fut = cg_rt_call(f, indep ? "pyc_launch_ex" : "pyc_launch", a, indep ? 8 : 7);
  cg_check_err(f, in, true);
  if (!has_result) {
    cg_rt_call(f, "pyc_future_release", &fut, 1);
    return NULL;
  }
  return fut;
}

static LLVMValueRef emit_future_get(CgFn *f, IrInst *in) {
  CgModule *cm = f->cm;
  LLVMValueRef tmp = cg_entry_alloca(f, i64t(cm), "result");
  LLVMValueRef a[2] = {V(0), tmp};
  LLVMValueRef st = cg_rt_call(f, "pyc_future_get", a, 2);
  // The task's error (with its own line) is raised in this thread's slot.
  cg_err_if(f, in, LLVMBuildICmp(f->b, LLVMIntNE, st, cg_const_i32(cm, 0), ""), false);
  return cg_from_mem(f, in->type, LLVMBuildLoad2(f->b, cg_mem_type(cm, in->type), tmp, ""));
}

static bool block_has_async(const IrBlock *blk) {
  for (uint32_t i = 0; i < blk->insts.len; i++) {
    const IrInst *in = blk->insts.data[i];
    if (in->op == IR_OP_LAUNCH || in->op == IR_OP_REGION_FILL || in->op == IR_OP_REGION_COPY ||
        in->op == IR_OP_INDEX_LAUNCH)
      return true;
    for (int k = 0; k < 2; k++)
      if (in->body[k] && block_has_async(in->body[k])) return true;
  }
  return false;
}

// The top-level task touches region fields directly: launches, fills and
// copies before it may still run, so the first direct access after one
// waits for them (pyc_runtime_fence; Legion's inline mapping, coarsely).
static CgTaskCache *async_state(CgFn *f) {
  CgTaskCache *c = cache(f);
  if (c->async < 0) {
    c->async = (f->fn->flags & IR_FN_TOP_LEVEL) && block_has_async(f->fn->body);
    if (c->async) {
      LLVMTypeRef i1 = LLVMInt1TypeInContext(f->cm->ctx);
      c->dirty = cg_entry_alloca(f, i1, "launched");
      LLVMBuilderRef b = entry_builder(f);
      LLVMBuildStore(b, LLVMConstInt(i1, 0, 0), c->dirty);
      LLVMDisposeBuilder(b);
    }
  }
  return c;
}

static void mark_async(CgFn *f) {
  CgTaskCache *c = async_state(f);
  if (c->async) LLVMBuildStore(f->b, LLVMConstInt(LLVMInt1TypeInContext(f->cm->ctx), 1, 0), c->dirty);
}

static void sync_before_access(CgFn *f) {
  CgTaskCache *c = async_state(f);
  if (!c->async) return;
  LLVMTypeRef i1 = LLVMInt1TypeInContext(f->cm->ctx);
  LLVMValueRef d = LLVMBuildLoad2(f->b, i1, c->dirty, "");
  LLVMBasicBlockRef wait = cg_block(f, "inline_map"), go = cg_block(f, "mapped");
  LLVMBuildCondBr(f->b, d, wait, go);
  LLVMPositionBuilderAtEnd(f->b, wait);
  LLVMBuildStore(f->b, LLVMConstInt(i1, 0, 0), c->dirty);
  LLVMValueRef st = cg_rt_call(f, "pyc_runtime_fence", NULL, 0);
  cg_err_if(f, NULL, LLVMBuildICmp(f->b, LLVMIntNE, st, cg_const_i32(f->cm, 0), ""), false);
  LLVMBuildBr(f->b, go);
  LLVMPositionBuilderAtEnd(f->b, go);
}

static bool block_uses_tasks(const IrBlock *blk) {
  for (uint32_t i = 0; i < blk->insts.len; i++) {
    const IrInst *in = blk->insts.data[i];
    if (in->op == IR_OP_LAUNCH || in->op == IR_OP_REGION_NEW || in->op == IR_OP_INDEX_LAUNCH)
      return true;
    for (int k = 0; k < 2; k++)
      if (in->body[k] && block_uses_tasks(in->body[k])) return true;
  }
  return false;
}

bool cg_module_uses_tasks(const IrModule *m) {
  for (uint32_t i = 0; i < m->funcs.len; i++)
    if (block_uses_tasks(m->funcs.data[i]->body)) return true;
  return false;
}

void cg_task_fence(CgFn *f) {
  if (!(f->fn->flags & IR_FN_TOP_LEVEL) || !cg_module_uses_tasks(f->cm->ir)) return;
  LLVMValueRef st = cg_rt_call(f, "pyc_runtime_fence", NULL, 0);
  cg_err_if(f, NULL, LLVMBuildICmp(f->b, LLVMIntNE, st, cg_const_i32(f->cm, 0), ""), false);
}

bool cg_emit_task_inst(CgFn *f, IrInst *in, LLVMValueRef *out) {
  CgModule *cm = f->cm;
  LLVMBuilderRef B = f->b;
  LLVMValueRef r = NULL;
  if (in->op == IR_OP_REGION_LOAD || in->op == IR_OP_REGION_STORE || in->op == IR_OP_REGION_REDUCE) {
    sync_before_access(f);
    if (f->fn->flags & IR_FN_BOUNDSCHECK) region_boundscheck(f, in);
  }
  switch (in->op) {
  case IR_OP_REGION_NEW: r = emit_region_new(f, in); break;
  case IR_OP_REGION_LOAD: {
    const Type *et = T(0)->elem->elems[in->ival];
    r = cg_from_mem(f, et, LLVMBuildLoad2(B, cg_mem_type(cm, et), field_addr(f, in, (uint32_t)in->ival), ""));
    break;
  }
  case IR_OP_REGION_STORE: {
    const Type *et = T(0)->elem->elems[in->ival];
    LLVMBuildStore(B, cg_to_mem(f, et, V(in->nargs - 1)), field_addr(f, in, (uint32_t)in->ival));
    break;
  }
  case IR_OP_REGION_REDUCE: {
    uint32_t field = (uint32_t)(in->ival & 255);
    const Type *et = T(0)->elem->elems[field];
    LLVMValueRef p = field_addr(f, in, field);
    LLVMValueRef cur = LLVMBuildLoad2(B, cg_mem_type(cm, et), p, "");
    LLVMBuildStore(B, reduce_op(f, et, (int)(in->ival >> 8), cur, V(in->nargs - 1)), p);
    break;
  }
  case IR_OP_REGION_BOUND:
    r = accessor(f, f->b, (in->ival & 1) ? "pyc_region_hi" : "pyc_region_lo", V(0),
                 (int32_t)(in->ival >> 1));
    break;
  case IR_OP_REGION_VOLUME: r = cg_rt_call(f, "pyc_region_volume", &V(0), 1); break;
  case IR_OP_REGION_FILL: {
    const Type *et = T(0)->elem->elems[in->ival];
    LLVMValueRef tmp = cg_entry_alloca(f, cg_mem_type(cm, et), "fill_value");  // scalar or point
    LLVMBuildStore(B, cg_to_mem(f, et, V(1)), tmp);
    LLVMValueRef a[3] = {V(0), cg_const_i32(cm, (int32_t)in->ival), tmp};
    cg_rt_call(f, "pyc_region_fill", a, 3);
    cg_check_err(f, in, true);
    break;
  }
  case IR_OP_REGION_COPY: {
    LLVMValueRef a[4] = {V(0), cg_const_i32(cm, (int32_t)(in->ival & 255)), V(1),
                         cg_const_i32(cm, (int32_t)(in->ival >> 8))};
    cg_rt_call(f, "pyc_region_copy", a, 4);
    cg_check_err(f, in, true);
    break;
  }
  case IR_OP_LAUNCH: r = emit_launch(f, in); break;
  case IR_OP_FUTURE_GET: r = emit_future_get(f, in); break;
  default:
    if (!cg_emit_partition_inst(f, in, &r)) return false;  // emit_partition.c
    break;
  }
  if (in->op == IR_OP_LAUNCH || in->op == IR_OP_REGION_FILL || in->op == IR_OP_REGION_COPY ||
      in->op == IR_OP_INDEX_LAUNCH)
    mark_async(f);
  *out = r;
  return true;
}
