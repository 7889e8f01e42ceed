// emit.c - TIR module -> LLVM module: the CgModule object, the mapping of TIR
// types to LLVM types, function signatures (the C ABI described in cg.h),
// local slots, the error exit and refcount helpers shared by the other
// emit_*.c files, and the `pyc_user_main` entry for the top-level function.
// Instructions are in emit_inst.c, control flow in emit_ctrl.c.
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include <llvm-c/Analysis.h>

#include "pyc/runtime.h"

#include "cg.h"

void cg_fail(CgModule *cm, const char *fmt, ...) {
  if (cm->err) return;
  va_list ap;
  va_start(ap, fmt);
  char buf[512];
  vsnprintf(buf, sizeof buf, fmt, ap);
  va_end(ap);
  cm->err = strdup(buf);
}

// ---- types -------------------------------------------------------------------

static LLVMTypeRef agg_type(CgModule *cm, const Type *t) {
  LLVMContextRef c = cm->ctx;
  if (t->kind == TY_ARRAY) {
    LLVMTypeRef ptr = LLVMPointerTypeInContext(c, 0);
    LLVMTypeRef dims = LLVMArrayType(LLVMInt64TypeInContext(c), t->ndim);
    LLVMTypeRef f[4] = {ptr, ptr, dims, dims};
    return LLVMStructTypeInContext(c, f, 4, 0);
  }
  uint32_t n = t->nelems;
  LLVMTypeRef stack[16];
  LLVMTypeRef *f = n <= 16 ? stack : malloc(sizeof(LLVMTypeRef) * n);
  for (uint32_t i = 0; i < n; i++) f[i] = cg_mem_type(cm, t->elems[i]);
  LLVMTypeRef st = LLVMStructTypeInContext(c, f, n, 0);
  if (f != stack) free(f);
  return st;
}

LLVMTypeRef cg_type(CgModule *cm, const Type *t) {
  LLVMContextRef c = cm->ctx;
  switch (t->kind) {
  case TY_VOID: return LLVMVoidTypeInContext(c);
  case TY_BOOL: return LLVMInt1TypeInContext(c);
  case TY_INT: return LLVMIntTypeInContext(c, t->bits);
  case TY_FLOAT: return t->bits == 32 ? LLVMFloatTypeInContext(c) : LLVMDoubleTypeInContext(c);
  case TY_STR: return LLVMPointerTypeInContext(c, 0);
  case TY_ARRAY:
  case TY_TUPLE:
  case TY_STRUCT: return agg_type(cm, t);
  case TY_REGION:  // PycRegion* (emit_task.c)
  case TY_PARTITION:  // PycPartition* (emit_partition.c)
  case TY_FUTURE: return LLVMPointerTypeInContext(c, 0);  // PycFuture*
  default:
    cg_fail(cm, "codegen: type kind %d is reserved for the task layer", (int)t->kind);
    return LLVMInt64TypeInContext(c);
  }
}

LLVMTypeRef cg_mem_type(CgModule *cm, const Type *t) {
  if (t->kind == TY_BOOL) return LLVMInt8TypeInContext(cm->ctx);
  return cg_type(cm, t);
}

bool cg_type_has_array(const Type *t) {
  if (t->kind == TY_ARRAY || t->kind == TY_REGION || t->kind == TY_PARTITION || t->kind == TY_FUTURE)
    return true;  // retain/release
  if (t->kind == TY_TUPLE || t->kind == TY_STRUCT)
    for (uint32_t i = 0; i < t->nelems; i++)
      if (cg_type_has_array(t->elems[i])) return true;
  return false;
}

bool cg_is_aggregate(const Type *t) {
  return t->kind == TY_ARRAY || t->kind == TY_TUPLE || t->kind == TY_STRUCT;
}

LLVMValueRef cg_const_i64(CgModule *cm, int64_t v) {
  return LLVMConstInt(LLVMInt64TypeInContext(cm->ctx), (unsigned long long)v, 1);
}

LLVMValueRef cg_const_i32(CgModule *cm, int32_t v) {
  return LLVMConstInt(LLVMInt32TypeInContext(cm->ctx), (unsigned long long)(int64_t)v, 1);
}

LLVMValueRef cg_cstring(CgModule *cm, const char *s, uint32_t len) {
  LLVMValueRef init = LLVMConstStringInContext(cm->ctx, s ? s : "", s ? len : 0, 0);
  LLVMValueRef g = LLVMAddGlobal(cm->mod, LLVMTypeOf(init), ".str");
  LLVMSetInitializer(g, init);
  LLVMSetGlobalConstant(g, 1);
  LLVMSetLinkage(g, LLVMPrivateLinkage);
  LLVMSetUnnamedAddress(g, LLVMGlobalUnnamedAddr);
  LLVMSetAlignment(g, 1);
  return g;
}

// ---- per-function helpers --------------------------------------------------------

LLVMBasicBlockRef cg_block(CgFn *f, const char *name) {
  return LLVMAppendBasicBlockInContext(f->cm->ctx, f->llfn, name);
}

LLVMValueRef cg_entry_alloca(CgFn *f, LLVMTypeRef t, const char *name) {
  LLVMBuilderRef b = LLVMCreateBuilderInContext(f->cm->ctx);
  LLVMBasicBlockRef entry = LLVMGetEntryBasicBlock(f->llfn);
  LLVMValueRef first = LLVMGetFirstInstruction(entry);
  if (first) LLVMPositionBuilderBefore(b, first);
  else LLVMPositionBuilderAtEnd(b, entry);
  LLVMValueRef a = LLVMBuildAlloca(b, t, name);
  LLVMDisposeBuilder(b);
  return a;
}

LLVMValueRef cg_to_mem(CgFn *f, const Type *t, LLVMValueRef v) {
  if (t->kind == TY_BOOL) return LLVMBuildZExt(f->b, v, LLVMInt8TypeInContext(f->cm->ctx), "");
  return v;
}

LLVMValueRef cg_from_mem(CgFn *f, const Type *t, LLVMValueRef v) {
  if (t->kind == TY_BOOL)
    return LLVMBuildICmp(f->b, LLVMIntNE, v, LLVMConstInt(LLVMTypeOf(v), 0, 0), "");
  return v;
}

void cg_refcount(CgFn *f, const Type *t, LLVMValueRef v, bool inc) {
  if (t->kind == TY_ARRAY) {
    LLVMValueRef mi = LLVMBuildExtractValue(f->b, v, 0, "meminfo");
    cg_rt_call(f, inc ? "pyc_array_incref" : "pyc_array_decref", &mi, 1);
  } else if (t->kind == TY_REGION) {
    cg_rt_call(f, inc ? "pyc_region_retain" : "pyc_region_release", &v, 1);
  } else if (t->kind == TY_FUTURE) {
    cg_rt_call(f, inc ? "pyc_future_retain" : "pyc_future_release", &v, 1);
  } else if (t->kind == TY_PARTITION) {
    cg_rt_call(f, inc ? "pyc_partition_retain" : "pyc_partition_release", &v, 1);
  } else if (t->kind == TY_TUPLE || t->kind == TY_STRUCT) {
    for (uint32_t i = 0; i < t->nelems; i++)
      if (cg_type_has_array(t->elems[i]))
        cg_refcount(f, t->elems[i], LLVMBuildExtractValue(f->b, v, i, ""), inc);
  }
}

void cg_decref_slots(CgFn *f) {
  for (uint32_t i = 0; i < f->fn->locals.len; i++) {
    const Type *t = f->fn->locals.data[i].type;
    if (!cg_type_has_array(t)) continue;
    LLVMValueRef v = LLVMBuildLoad2(f->b, cg_type(f->cm, t), f->slots[i], "");
    cg_refcount(f, t, v, false);
  }
}

static LLVMValueRef zero_return(CgFn *f) {
  const Type *t = f->fn->ret_type;
  if (t->kind == TY_VOID || f->sret || f->outlined) return NULL;
  return LLVMConstNull(cg_type(f->cm, t));
}

LLVMBasicBlockRef cg_err_exit(CgFn *f) {
  if (f->err_exit) return f->err_exit;
  LLVMBasicBlockRef cur = LLVMGetInsertBlock(f->b);
  f->err_exit = cg_block(f, "error_exit");
  LLVMPositionBuilderAtEnd(f->b, f->err_exit);
  cg_decref_slots(f);
  LLVMValueRef z = zero_return(f);
  if (z) LLVMBuildRet(f->b, z);
  else LLVMBuildRetVoid(f->b);
  LLVMPositionBuilderAtEnd(f->b, cur);
  return f->err_exit;
}

LLVMValueRef cg_line(const IrInst *in, CgModule *cm) { return cg_const_i32(cm, (int32_t)in->line); }

static LLVMValueRef expect_false(CgFn *f, LLVMValueRef cond) {
  LLVMTypeRef i1 = LLVMInt1TypeInContext(f->cm->ctx);
  LLVMValueRef args[2] = {cond, LLVMConstInt(i1, 0, 0)};
  return cg_intrinsic(f, "llvm.expect", &i1, 1, args, 2);
}

void cg_err_if(CgFn *f, const IrInst *in, LLVMValueRef cond, bool set_loc) {
  LLVMBasicBlockRef ok = cg_block(f, "ok");
  LLVMBasicBlockRef bad = cg_err_exit(f);
  if (set_loc) {
    LLVMBasicBlockRef cur = LLVMGetInsertBlock(f->b);
    bad = cg_block(f, "raised");
    LLVMPositionBuilderAtEnd(f->b, bad);
    LLVMValueRef a[2] = {f->cm->file_str, cg_line(in, f->cm)};
    cg_rt_call(f, "pyc_err_set_location", a, 2);
    LLVMBuildBr(f->b, cg_err_exit(f));
    LLVMPositionBuilderAtEnd(f->b, cur);
  }
  LLVMBuildCondBr(f->b, expect_false(f, cond), bad, ok);
  LLVMPositionBuilderAtEnd(f->b, ok);
}

void cg_check_err(CgFn *f, const IrInst *in, bool set_loc) {
  LLVMValueRef occ = cg_rt_call(f, "pyc_err_occurred", NULL, 0);
  cg_err_if(f, in, LLVMBuildICmp(f->b, LLVMIntNE, occ, cg_const_i32(f->cm, 0), "raised"), set_loc);
}

void cg_raise_const(CgFn *f, const IrInst *in, int kind, const char *msg) {
  LLVMValueRef a[4] = {cg_const_i32(f->cm, kind),
                       cg_cstring(f->cm, msg, (uint32_t)strlen(msg)), f->cm->file_str,
                       cg_line(in, f->cm)};
  cg_rt_call(f, "pyc_raise", a, 4);
  LLVMBuildBr(f->b, cg_err_exit(f));
}

void cg_raise_if(CgFn *f, const IrInst *in, LLVMValueRef cond, int kind, const char *msg) {
  LLVMBasicBlockRef bad = cg_block(f, "raise");
  LLVMBasicBlockRef ok = cg_block(f, "ok");
  LLVMBuildCondBr(f->b, expect_false(f, cond), bad, ok);
  LLVMPositionBuilderAtEnd(f->b, bad);
  cg_raise_const(f, in, kind, msg);
  LLVMPositionBuilderAtEnd(f->b, ok);
}

// ---- functions -----------------------------------------------------------------

static void add_attr(CgModule *cm, LLVMValueRef fn, unsigned idx, const char *name) {
  unsigned kind = LLVMGetEnumAttributeKindForName(name, strlen(name));
  LLVMAddAttributeAtIndex(fn, idx, LLVMCreateEnumAttribute(cm->ctx, kind, 0));
}

static LLVMValueRef declare_func(CgModule *cm, IrFunc *fn) {
  LLVMContextRef c = cm->ctx;
  LLVMTypeRef ptr = LLVMPointerTypeInContext(c, 0);
  uint32_t n = fn->nparams;
  bool sret = cg_is_aggregate(fn->ret_type);
  LLVMTypeRef *ps = malloc(sizeof(LLVMTypeRef) * (n + 1));
  unsigned k = 0;
  if (sret) ps[k++] = ptr;
  for (uint32_t i = 0; i < n; i++) {
    const Type *t = fn->value_types.data[i];
    ps[k++] = cg_is_aggregate(t) ? ptr : cg_type(cm, t);
  }
  LLVMTypeRef rt = sret ? LLVMVoidTypeInContext(c) : cg_type(cm, fn->ret_type);
  LLVMTypeRef fty = LLVMFunctionType(rt, ps, k, 0);
  free(ps);
  char name[512];
  snprintf(name, sizeof name, "pyk_%s", fn->name);
  LLVMValueRef f = LLVMAddFunction(cm->mod, name, fty);
  add_attr(cm, f, LLVMAttributeFunctionIndex, "nounwind");
  if (sret) {
    unsigned kind = LLVMGetEnumAttributeKindForName("sret", 4);
    LLVMAddAttributeAtIndex(f, 1, LLVMCreateTypeAttribute(c, kind, cg_type(cm, fn->ret_type)));
    add_attr(cm, f, 1, "noalias");
  }
  if (fn->ret_type->kind == TY_BOOL) add_attr(cm, f, LLVMAttributeReturnIndex, "zeroext");
  for (uint32_t i = 0; i < n; i++) {
    const Type *t = fn->value_types.data[i];
    unsigned idx = i + 1 + (sret ? 1 : 0);
    if (t->kind == TY_BOOL) add_attr(cm, f, idx, "zeroext");
    if (cg_is_aggregate(t)) add_attr(cm, f, idx, "nocapture");
    LLVMSetValueName2(LLVMGetParam(f, idx - 1), fn->param_names[i] ? fn->param_names[i] : "",
                      fn->param_names[i] ? strlen(fn->param_names[i]) : 0);
  }
  return f;
}

static void emit_func(CgModule *cm, uint32_t index) {
  IrFunc *fn = cm->ir->funcs.data[index];
  CgFn f = {0};
  f.cm = cm;
  f.fn = fn;
  f.llfn = cm->fn_values[index];
  f.b = LLVMCreateBuilderInContext(cm->ctx);
  f.vals = calloc(fn->value_types.len + 1, sizeof(LLVMValueRef));
  f.slots = calloc(fn->locals.len + 1, sizeof(LLVMValueRef));
  f.fast_loops = cm->opts.fastmath || (fn->flags & IR_FN_FASTMATH);
  LLVMBasicBlockRef entry = cg_block(&f, "entry");
  LLVMPositionBuilderAtEnd(f.b, entry);
  unsigned pi = 0;
  if (cg_is_aggregate(fn->ret_type)) f.sret = LLVMGetParam(f.llfn, pi++);
  for (uint32_t i = 0; i < fn->nparams; i++, pi++) {
    const Type *t = fn->value_types.data[i];
    LLVMValueRef p = LLVMGetParam(f.llfn, pi);
    f.vals[i] = cg_is_aggregate(t) ? LLVMBuildLoad2(f.b, cg_type(cm, t), p, "") : p;
  }
  for (uint32_t i = 0; i < fn->locals.len; i++) {
    LLVMTypeRef t = cg_type(cm, fn->locals.data[i].type);
    f.slots[i] = cg_entry_alloca(&f, t, fn->locals.data[i].name);
    LLVMBuildStore(f.b, LLVMConstNull(t), f.slots[i]);
  }
  cg_emit_block(&f, fn->body);
  if (!f.dead) {  // falling off the end: return None / zero
    const Type *rt = fn->ret_type;
    cg_task_fence(&f);
    cg_emit_ret(&f, rt->kind == TY_VOID ? NULL : LLVMConstNull(cg_type(cm, rt)), rt);
  }
  LLVMDisposeBuilder(f.b);
  cg_task_fn_end(&f);
  free(f.vals);
  free(f.slots);
}

// The function behind `pyc_user_main`: the top-level task, else main(); -1: none.
static int user_main_index(const IrModule *m) {
  int idx = -1;
  for (uint32_t i = 0; i < m->funcs.len; i++)
    if (m->funcs.data[i]->flags & IR_FN_TOP_LEVEL) idx = (int)i;
  if (idx < 0)
    for (uint32_t i = 0; i < m->funcs.len; i++)
      if (strcmp(m->funcs.data[i]->name, "main") == 0) idx = (int)i;
  return idx;
}

static void emit_user_main(CgModule *cm, int idx) {
  if (idx < 0) return;
  IrFunc *fn = cm->ir->funcs.data[idx];
  if (fn->nparams != 0) return;
  LLVMTypeRef vt = LLVMFunctionType(LLVMVoidTypeInContext(cm->ctx), NULL, 0, 0);
  LLVMValueRef um = LLVMAddFunction(cm->mod, "pyc_user_main", vt);
  CgFn f = {0};
  f.cm = cm;
  f.fn = fn;
  f.llfn = um;
  f.b = LLVMCreateBuilderInContext(cm->ctx);
  LLVMPositionBuilderAtEnd(f.b, cg_block(&f, "entry"));
  LLVMValueRef callee = cm->fn_values[idx];
  LLVMTypeRef fty = LLVMGlobalGetValueType(callee);
  if (cg_is_aggregate(fn->ret_type)) {
    LLVMTypeRef rt = cg_type(cm, fn->ret_type);
    LLVMValueRef tmp = LLVMBuildAlloca(f.b, rt, "result");
    LLVMBuildCall2(f.b, fty, callee, &tmp, 1, "");
    // An owned result: drop it (only when the call did not raise).
    LLVMValueRef occ = cg_rt_call(&f, "pyc_err_occurred", NULL, 0);
    LLVMValueRef ok = LLVMBuildICmp(f.b, LLVMIntEQ, occ, cg_const_i32(cm, 0), "");
    LLVMBasicBlockRef drop = cg_block(&f, "drop"), done = cg_block(&f, "done");
    LLVMBuildCondBr(f.b, ok, drop, done);
    LLVMPositionBuilderAtEnd(f.b, drop);
    cg_refcount(&f, fn->ret_type, LLVMBuildLoad2(f.b, rt, tmp, ""), false);
    LLVMBuildBr(f.b, done);
    LLVMPositionBuilderAtEnd(f.b, done);
  } else {
    LLVMBuildCall2(f.b, fty, callee, NULL, 0, "");
  }
  // Tasks: drain the launches and take over a task's error (in sequential
  // order it came first), so it is reported once (emit_task.c).
  if (cg_module_uses_tasks(cm->ir)) cg_rt_call(&f, "pyc_runtime_fence", NULL, 0);
  LLVMBuildRetVoid(f.b);
  LLVMDisposeBuilder(f.b);
}

// A unit's LLVM context, module and target machine, every function declared.
static CgModule *unit_new(IrModule *m, const CgOptions *opts, char **err) {
  CgModule *cm = calloc(1, sizeof *cm);
  if (opts) cm->opts = *opts;
  else cm->opts.opt_level = 3;
  cm->ir = m;
  cm->tm = cg_host_tm(cm->opts.opt_level, err);
  if (!cm->tm) {
    free(cm);
    return NULL;
  }
  cm->tsc = LLVMOrcCreateNewThreadSafeContext();
  cm->ctx = LLVMOrcThreadSafeContextGetContext(cm->tsc);
  cm->mod = LLVMModuleCreateWithNameInContext(m->source ? m->source : "pyc", cm->ctx);
  char *triple = LLVMGetTargetMachineTriple(cm->tm);
  LLVMSetTarget(cm->mod, triple);
  LLVMDisposeMessage(triple);
  LLVMTargetDataRef td = LLVMCreateTargetDataLayout(cm->tm);
  char *dl = LLVMCopyStringRepOfTargetData(td);
  LLVMSetDataLayout(cm->mod, dl);
  LLVMDisposeMessage(dl);
  LLVMDisposeTargetData(td);

  const char *src = m->source ? m->source : "<unknown>";
  cm->file_str = cg_cstring(cm, src, (uint32_t)strlen(src));
  uint32_t n = m->funcs.len;
  cm->fn_values = calloc(n + 1, sizeof(LLVMValueRef));
  for (uint32_t i = 0; i < n; i++) cm->fn_values[i] = declare_func(cm, m->funcs.data[i]);
  return cm;
}

// Defines the functions `defines` marks (a copy: available_externally, for
// inlining only) and, when it owns main, pyc_user_main; then verifies.
static void unit_emit(CgModule *cm, const uint8_t *defines, int main_idx, bool first) {
  uint32_t n = cm->ir->funcs.len;
  for (uint32_t i = 0; i < n && !cm->err; i++) {
    if (!defines[i]) continue;
    emit_func(cm, i);
    if (defines[i] == CG_UNIT_COPY) LLVMSetLinkage(cm->fn_values[i], LLVMAvailableExternallyLinkage);
  }
  if (!cm->err && main_idx >= 0 && defines[main_idx] == CG_UNIT_OWN) emit_user_main(cm, main_idx);
  if (!cm->err && first) cg_task_wrappers(cm);
  if (!cm->err) {
    char *msg = NULL;
    if (LLVMVerifyModule(cm->mod, LLVMReturnStatusAction, &msg)) {
      cg_fail(cm, "codegen: LLVM module verification failed: %s", msg ? msg : "");
    }
    LLVMDisposeMessage(msg);
  }
}

CgModule *cg_llvm_emit(IrModule *m, const CgOptions *opts, char **err) {
  cg_init_native();
  CgModule *cm = unit_new(m, opts, err);
  if (!cm) return NULL;
  // May-raise of every function (an analysis the verifier also runs; here
  // for TIR that skipped it, e.g. a --passes list without verify).
  ir_compute_mayraise(m);
  CgFnFlags *flags = calloc(m->funcs.len + 1, sizeof *flags);  // cm owns it, units share it
  if (!flags) abort();
  for (uint32_t i = 0; i < m->funcs.len; i++) {
    flags[i].mayraise = (m->funcs.data[i]->flags & IR_FN_MAYRAISE) != 0;
    flags[i].loops = cg_block_has_loop(m->funcs.data[i]->body);
  }
  cm->fn_flags = flags;
  // Modules with tasks stay whole: a task's wrapper (`pyt_<task>`, emit_task.c)
  // is defined where it is first used, so two units could both define it.
  bool tasks = cg_module_uses_tasks(m);
  for (uint32_t i = 0; i < m->funcs.len; i++)
    if ((m->funcs.data[i]->flags & IR_FN_TASK) && !(m->funcs.data[i]->flags & IR_FN_TOP_LEVEL))
      tasks = true;
  uint32_t nunits = 1, n = m->funcs.len;
  uint8_t *defines = cg_plan_units(m, tasks ? 1 : cm->opts.units, cm->opts.units_by_size,
                                  &nunits);
  int main_idx = user_main_index(m);
  CgModule *last = cm;
  for (uint32_t u = 0; u < nunits && !cm->err; u++) {
    CgModule *unit = cm;
    if (u > 0) {
      unit = unit_new(m, &cm->opts, err);
      if (!unit) {
        cg_fail(cm, "codegen: cannot create codegen unit %u", u);
        break;
      }
      unit->fn_flags = cm->fn_flags;  // shared, not copied
      last->next_unit = unit;
      last = unit;
    }
    unit_emit(unit, defines + (size_t)u * n, main_idx, u == 0);
    if (unit->err && !cm->err) cm->err = strdup(unit->err);
  }
  free(defines);
  if (cm->err) {
    if (err) *err = cm->err;
    else free(cm->err);
    cm->err = NULL;
    cg_llvm_dispose(cm);
    return NULL;
  }
  return cm;
}

// Every unit's module, one after the other.
char *cg_llvm_ir_text(CgModule *cm) {
  size_t len = 0;
  char *r = strdup("");
  for (CgModule *u = cm; u; u = u->next_unit) {
    char *s = LLVMPrintModuleToString(u->mod);
    size_t k = strlen(s);
    r = realloc(r, len + k + 1);
    memcpy(r + len, s, k + 1);
    len += k;
    LLVMDisposeMessage(s);
  }
  return r;
}

// One unit's own memory (not the shared fn_flags: cg_llvm_dispose frees those).
static void unit_free(CgModule *u) {
  if (u->mod) LLVMDisposeModule(u->mod);
  if (u->tsc) LLVMOrcDisposeThreadSafeContext(u->tsc);
  if (u->tm) LLVMDisposeTargetMachine(u->tm);
  free(u->fn_values);
  free(u->err);
  free(u);
}

// cm is the first unit: it owns the flags every unit shares, and the chain.
void cg_llvm_dispose(CgModule *cm) {
  if (!cm) return;
  free((void *)cm->fn_flags);
  for (CgModule *u = cm, *next; u; u = next) {
    next = u->next_unit;
    unit_free(u);
  }
}
