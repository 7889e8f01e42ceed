// emit_rt.c - the runtime functions that generated code calls: one table of
// name, C signature and address (runtime/include/pyc/runtime.h). Codegen
// declares an entry on first use (cg_rt); the JIT defines every entry as an
// absolute symbol (cg_rt_symbols), so the compiler binary can link the
// runtime statically without -rdynamic.
#include <stdio.h>
#include <string.h>

#include "pyc/runtime.h"
#include "pyc/tasks.h"

#include "cg.h"

// Signature codes: first char the result, then the parameters.
// v void, i int32, l int64, d double, f float, p pointer.
typedef CgRtSym RtEntry;

#define RT(name, sig) {#name, (void (*)(void))name, sig},
#define RT_M1(n) {"pyc_math_" #n, (void (*)(void))pyc_math_##n, "dd"},
#define RT_M2(n) {"pyc_math_" #n, (void (*)(void))pyc_math_##n, "ddd"},
static const RtEntry rt_table[] = {
    RT(pyc_raise, "vippi") RT(pyc_err_occurred, "i") RT(pyc_err_set_location, "vpi")
    RT(pyc_buf_reset, "v") RT(pyc_buf_str, "vpl") RT(pyc_buf_i64, "vl") RT(pyc_buf_u64, "vl")
    RT(pyc_buf_f64, "vd") RT(pyc_buf_f32, "vf") RT(pyc_buf_bool, "vi")
    RT(pyc_buf_fmt_i64, "vlp") RT(pyc_buf_fmt_u64, "vlp") RT(pyc_buf_fmt_f64, "vdp")
    RT(pyc_buf_fmt_f32, "vfp") RT(pyc_buf_fmt_bool, "vip") RT(pyc_buf_fmt_str, "vplp")
    RT(pyc_buf_print, "v") RT(pyc_buf_raise, "vipi") RT(pyc_err_index, "vlilpi")
    PYC_MATH_1(RT_M1) PYC_MATH_2(RT_M2)
    RT(pyc_math_floor_i64, "ld") RT(pyc_math_ceil_i64, "ld") RT(pyc_math_trunc_i64, "ld")
    RT(pyc_math_factorial, "ll") RT(pyc_math_gcd, "lll") RT(pyc_math_lcm, "lll")
    RT(pyc_math_isqrt, "ll") RT(pyc_math_comb, "lll") RT(pyc_math_perm, "lll")
    RT(pyc_math_isclose, "idddd")
    RT(pyc_ipow, "lll") RT(pyc_fpow, "ddd") RT(pyc_round_f64, "ddl") RT(pyc_round_to_i64, "ld")
    RT(pyc_f64_to_i64, "ld") RT(pyc_floordiv_i64, "lll") RT(pyc_mod_i64, "lll")
    RT(pyc_truediv_i64, "dll") RT(pyc_div_f64, "ddd") RT(pyc_floordiv_f64, "ddd")
    RT(pyc_mod_f64, "ddd")
    RT(pyc_array_new, "plp") RT(pyc_array_incref, "vp") RT(pyc_array_decref, "vp")
    // task layer (issue 4, emit_task.c; pyc/tasks.h)
    RT(pyc_region_new, "pipip") RT(pyc_region_retain, "vp") RT(pyc_region_release, "vp")
    RT(pyc_region_lo, "lpi") RT(pyc_region_hi, "lpi") RT(pyc_region_volume, "lp")
    RT(pyc_region_field_data, "ppi") RT(pyc_region_stride, "lpi")
    RT(pyc_region_fill, "vpip") RT(pyc_region_copy, "vpipi")
    RT(pyc_launch, "pppplipl") RT(pyc_launch_ex, "pppplipli") RT(pyc_future_get, "ipp") RT(pyc_future_release, "vp") RT(pyc_future_retain, "vp")
    RT(pyc_runtime_fence, "i")
    // partitions and index launches (issue 5, emit_partition.c)
    RT(pyc_partition_equal, "ppip") RT(pyc_partition_restrict, "ppippp") RT(pyc_partition_halo, "ppl") RT(pyc_partition_image, "pppi")
    RT(pyc_partition_get, "ppp") RT(pyc_partition_piece, "ppl") RT(pyc_partition_volume, "lp")
    RT(pyc_partition_colors, "lpi") RT(pyc_partition_by_field, "ppiip") RT(pyc_partition_preimage, "pppi")
    RT(pyc_region_points, "pp") RT(pyc_region_point, "lpl")
    RT(pyc_region_point_axis, "lpli") RT(pyc_future_map_get, "ipipp") RT(pyc_future_wait, "ip")
    RT(pyc_partition_retain, "vp") RT(pyc_partition_release, "vp") RT(pyc_index_launch, "ppppliplipili")
    RT(pyc_parallel_for, "ipllppippp")  // pyc/tasks.h (prange: emit_parfor.c)
    RT(pyc_interrupt_flag, "p") RT(pyc_raise_interrupt, "vpi")  // polls: emit_poll.c
};
#undef RT
#undef RT_M1
#undef RT_M2

enum { RT_COUNT = sizeof rt_table / sizeof rt_table[0] };

static const RtEntry *rt_find(const char *name) {
  for (int i = 0; i < RT_COUNT; i++)
    if (strcmp(rt_table[i].name, name) == 0) return &rt_table[i];
  return NULL;
}

bool cg_rt_known(const char *name) { return rt_find(name) != NULL; }

static LLVMTypeRef sig_type(LLVMContextRef c, char k) {
  switch (k) {
  case 'v': return LLVMVoidTypeInContext(c);
  case 'i': return LLVMInt32TypeInContext(c);
  case 'l': return LLVMInt64TypeInContext(c);
  case 'd': return LLVMDoubleTypeInContext(c);
  case 'f': return LLVMFloatTypeInContext(c);
  default: return LLVMPointerTypeInContext(c, 0);
  }
}

static LLVMTypeRef rt_fn_type(LLVMContextRef c, const char *sig) {
  LLVMTypeRef params[12];
  unsigned n = 0;
  for (const char *p = sig + 1; *p && n < 12; p++) params[n++] = sig_type(c, *p);
  return LLVMFunctionType(sig_type(c, sig[0]), params, n, 0);
}

LLVMValueRef cg_rt(CgModule *cm, const char *name, LLVMTypeRef *fty) {
  const RtEntry *e = rt_find(name);
  if (!e) {
    cg_fail(cm, "codegen: unknown runtime function '%s'", name);
    e = rt_find("pyc_err_occurred");
  }
  LLVMTypeRef t = rt_fn_type(cm->ctx, e->sig);
  if (fty) *fty = t;
  LLVMValueRef fn = LLVMGetNamedFunction(cm->mod, e->name);
  if (!fn) {
    fn = LLVMAddFunction(cm->mod, e->name, t);
    unsigned kind = LLVMGetEnumAttributeKindForName("nounwind", 8);
    LLVMAddAttributeAtIndex(fn, LLVMAttributeFunctionIndex,
                            LLVMCreateEnumAttribute(cm->ctx, kind, 0));
  }
  return fn;
}

LLVMValueRef cg_rt_call(CgFn *f, const char *name, LLVMValueRef *args, unsigned nargs) {
  LLVMTypeRef fty;
  LLVMValueRef fn = cg_rt(f->cm, name, &fty);
  return LLVMBuildCall2(f->b, fty, fn, args, nargs, "");
}

const CgRtSym *cg_rt_symbols(size_t *count) {
  *count = RT_COUNT;
  return rt_table;
}
