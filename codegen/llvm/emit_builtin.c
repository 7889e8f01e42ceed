// emit_builtin.c - BUILTIN ops: "math.<fn>" (every function of the runtime's
// math lists plus floor/ceil/trunc returning int, isnan/isinf/isfinite,
// factorial/gcd/lcm/isqrt/comb/perm/isclose, frexp/modf with tuple results,
// hypot/gcd/lcm with any number of arguments), "int", "round", "round_n",
// "wtime" (pt.wtime(), also spelled "pyc_task.wtime").
// Where CPython semantics allow it the op is inlined (fabs, copysign, sqrt
// with its domain check, the range-checked fast path of float -> int), so
// loops calling them stay vectorizable; everything else calls the runtime and
// checks pyc_err_occurred() afterwards, adding this op's location.
#include <stdio.h>

#include "pyc/runtime.h"

#include "cg.h"

#define V(k) (f->vals[in->args[(k)]])
#define T(k) (ir_value_type(f->fn, in->args[(k)]))

static LLVMValueRef intrin1(CgFn *f, const char *name, LLVMValueRef x) {
  LLVMTypeRef t = LLVMTypeOf(x);
  return cg_intrinsic(f, name, &t, 1, &x, 1);
}

static LLVMValueRef rt_checked(CgFn *f, IrInst *in, const char *fn, LLVMValueRef *a, unsigned n) {
  LLVMValueRef r = cg_rt_call(f, fn, a, n);
  cg_check_err(f, in, true);
  return r;
}

// Converts a runtime result (double, int64 or int32 flag) to the op's type.
static LLVMValueRef fit(CgFn *f, IrInst *in, LLVMValueRef r) {
  const Type *t = in->type;
  LLVMTypeRef rt = LLVMTypeOf(r);
  if (t->kind == TY_BOOL) {
    if (LLVMGetTypeKind(rt) == LLVMIntegerTypeKind)
      return LLVMBuildICmp(f->b, LLVMIntNE, r, LLVMConstInt(rt, 0, 0), "");
    return r;
  }
  bool is_dbl = LLVMGetTypeKind(rt) == LLVMDoubleTypeKind;
  const Type *from = is_dbl ? f->cm->ir->types->t_f64 : f->cm->ir->types->t_i64;
  if (LLVMGetTypeKind(rt) == LLVMIntegerTypeKind && LLVMGetIntTypeWidth(rt) == 32)
    from = f->cm->ir->types->t_i32;
  return cg_cast(f, from, t, r);
}

// float -> int64 like CPython: round with `rnd` (NULL: truncate), convert
// inline when in range, else let the runtime function `slow` raise.
static LLVMValueRef float_to_int(CgFn *f, IrInst *in, const char *rnd, const char *slow) {
  CgModule *cm = f->cm;
  const Type *t0 = T(0);
  if (t0->kind != TY_FLOAT) return cg_cast(f, t0, in->type, V(0));
  LLVMBuilderRef B = f->b;
  LLVMValueRef x = cg_to_f64(f, t0, V(0));
  LLVMTypeRef d = LLVMTypeOf(x), i64 = LLVMInt64TypeInContext(cm->ctx);
  LLVMValueRef y = rnd ? intrin1(f, rnd, x) : x;
  LLVMValueRef lo = LLVMBuildFCmp(B, LLVMRealOGE, y, LLVMConstReal(d, -0x1p63), "");
  LLVMValueRef hi = LLVMBuildFCmp(B, LLVMRealOLT, y, LLVMConstReal(d, 0x1p63), "");
  LLVMValueRef ok = LLVMBuildAnd(B, lo, hi, "");
  LLVMBasicBlockRef fast = cg_block(f, "toint"), slowb = cg_block(f, "toint.slow"),
                    join = cg_block(f, "toint.done");
  LLVMBuildCondBr(B, ok, fast, slowb);
  LLVMPositionBuilderAtEnd(B, fast);
  LLVMValueRef r1 = LLVMBuildFPToSI(B, y, i64, "");
  LLVMBuildBr(B, join);
  LLVMPositionBuilderAtEnd(B, slowb);
  LLVMValueRef r2 = rt_checked(f, in, slow, &x, 1);
  LLVMBasicBlockRef slow_end = LLVMGetInsertBlock(B);
  LLVMBuildBr(B, join);
  LLVMPositionBuilderAtEnd(B, join);
  LLVMValueRef phi = LLVMBuildPhi(B, i64, "");
  LLVMValueRef vs[2] = {r1, r2};
  LLVMBasicBlockRef bs[2] = {fast, slow_end};
  LLVMAddIncoming(phi, vs, bs, 2);
  return fit(f, in, phi);
}

// Left fold of a two-argument integer function over all arguments (gcd, lcm):
// no argument gives `empty`, one gives abs(a) (computed as f(a, 0) for gcd,
// f(a, a) for lcm: both equal |a| with CPython's errors).
static LLVMValueRef int_fold(CgFn *f, IrInst *in, const char *rt, int64_t empty) {
  if (in->nargs == 0) return fit(f, in, cg_const_i64(f->cm, empty));
  LLVMValueRef acc = cg_to_i64(f, T(0), V(0));
  if (in->nargs == 1) {
    LLVMValueRef a[2] = {acc, empty == 0 ? cg_const_i64(f->cm, 0) : acc};
    return fit(f, in, rt_checked(f, in, rt, a, 2));
  }
  for (uint32_t k = 1; k < in->nargs; k++) {
    LLVMValueRef a[2] = {acc, cg_to_i64(f, T(k), V(k))};
    acc = rt_checked(f, in, rt, a, 2);
  }
  return fit(f, in, acc);
}

// Builds the op's tuple type from two scalars given as f64/i64 values.
static LLVMValueRef pair(CgFn *f, IrInst *in, LLVMValueRef a, const Type *ta, LLVMValueRef b,
                         const Type *tb) {
  const Type *t = in->type;
  if (t->kind != TY_TUPLE || t->nelems != 2) {
    cg_fail(f->cm, "codegen: %s must return a 2-tuple", in->sym);
    return NULL;
  }
  LLVMValueRef r = LLVMGetUndef(cg_type(f->cm, t));
  LLVMValueRef e0 = cg_to_mem(f, t->elems[0], cg_cast(f, ta, t->elems[0], a));
  LLVMValueRef e1 = cg_to_mem(f, t->elems[1], cg_cast(f, tb, t->elems[1], b));
  r = LLVMBuildInsertValue(f->b, r, e0, 0, "");
  return LLVMBuildInsertValue(f->b, r, e1, 1, "");
}

// math.frexp(x) = (m, e) with 0.5 <= |m| < 1; (x, 0) for 0, inf and nan.
static LLVMValueRef emit_frexp(CgFn *f, IrInst *in, LLVMValueRef x) {
  CgModule *cm = f->cm;
  LLVMBuilderRef B = f->b;
  LLVMTypeRef d = LLVMTypeOf(x), i64 = LLVMInt64TypeInContext(cm->ctx);
  LLVMValueRef ax = intrin1(f, "llvm.fabs", x);
  LLVMValueRef special = LLVMBuildOr(
      B, LLVMBuildFCmp(B, LLVMRealOEQ, x, LLVMConstReal(d, 0.0), ""),
      LLVMBuildFCmp(B, LLVMRealUGE, ax, LLVMConstReal(d, __builtin_inf()), ""), "");
  LLVMValueRef sub = LLVMBuildFCmp(B, LLVMRealOLT, ax, LLVMConstReal(d, 0x1p-1022), "");
  LLVMValueRef scaled = LLVMBuildFMul(B, x, LLVMConstReal(d, 0x1p54), "");
  LLVMValueRef xs = LLVMBuildSelect(B, sub, scaled, x, "");
  LLVMValueRef bits = LLVMBuildBitCast(B, xs, i64, "");
  LLVMValueRef ex = LLVMBuildAnd(B, LLVMBuildLShr(B, bits, cg_const_i64(cm, 52), ""),
                                 cg_const_i64(cm, 0x7ff), "");
  LLVMValueRef e = LLVMBuildSub(B, ex, LLVMBuildSelect(B, sub, cg_const_i64(cm, 1022 + 54),
                                                       cg_const_i64(cm, 1022), ""), "");
  LLVMValueRef frac = LLVMBuildAnd(B, bits, cg_const_i64(cm, (int64_t)~(0x7ffULL << 52)), "");
  LLVMValueRef mb = LLVMBuildOr(B, frac, cg_const_i64(cm, (int64_t)(1022ULL << 52)), "");
  LLVMValueRef m = LLVMBuildBitCast(B, mb, d, "");
  m = LLVMBuildSelect(B, special, x, m, "");
  e = LLVMBuildSelect(B, special, cg_const_i64(cm, 0), e, "");
  return pair(f, in, m, cm->ir->types->t_f64, e, cm->ir->types->t_i64);
}

// math.modf(x) = (fraction, integer part), both with x's sign; inf -> (+-0.0, inf).
static LLVMValueRef emit_modf(CgFn *f, IrInst *in, LLVMValueRef x) {
  LLVMBuilderRef B = f->b;
  LLVMTypeRef d = LLVMTypeOf(x);
  LLVMValueRef ip = intrin1(f, "llvm.trunc", x);
  LLVMValueRef a[2] = {LLVMBuildFSub(B, x, ip, ""), x};
  LLVMValueRef fr = cg_intrinsic(f, "llvm.copysign", &d, 1, a, 2);
  LLVMValueRef z[2] = {LLVMConstReal(d, 0.0), x};
  LLVMValueRef isinf = LLVMBuildFCmp(B, LLVMRealOEQ, intrin1(f, "llvm.fabs", x),
                                     LLVMConstReal(d, __builtin_inf()), "");
  fr = LLVMBuildSelect(B, isinf, cg_intrinsic(f, "llvm.copysign", &d, 1, z, 2), fr, "");
  const Type *f64 = f->cm->ir->types->t_f64;
  return pair(f, in, fr, f64, ip, f64);
}

static LLVMValueRef emit_math(CgFn *f, IrInst *in, const char *fn) {
  CgModule *cm = f->cm;
  LLVMBuilderRef B = f->b;
  LLVMTypeRef d = LLVMDoubleTypeInContext(cm->ctx);
  LLVMValueRef x = in->nargs > 0 ? V(0) : NULL;
  const Type *t0 = in->nargs > 0 ? T(0) : NULL;
  LLVMValueRef xd = x && t0->kind != TY_ARRAY ? cg_to_f64(f, t0, x) : NULL;
  LLVMValueRef yd = in->nargs > 1 ? cg_to_f64(f, T(1), V(1)) : NULL;
  LLVMValueRef inf = LLVMConstReal(d, __builtin_inf());
  if (in->nargs == 1 && !strcmp(fn, "isnan")) return LLVMBuildFCmp(B, LLVMRealUNO, xd, xd, "");
  if (in->nargs == 1 && !strcmp(fn, "isinf"))
    return LLVMBuildFCmp(B, LLVMRealOEQ, intrin1(f, "llvm.fabs", xd), inf, "");
  if (in->nargs == 1 && !strcmp(fn, "isfinite"))
    return LLVMBuildFCmp(B, LLVMRealOLT, intrin1(f, "llvm.fabs", xd), inf, "");
  if (in->nargs == 1 && !strcmp(fn, "fabs")) return fit(f, in, intrin1(f, "llvm.fabs", xd));
  if (in->nargs == 1 && !strcmp(fn, "sqrt")) {
    cg_raise_if(f, in, LLVMBuildFCmp(B, LLVMRealOLT, xd, LLVMConstReal(d, 0.0), ""), PYC_EXC_VALUE,
                "math domain error");
    return fit(f, in, intrin1(f, "llvm.sqrt", xd));
  }
  if (in->nargs == 2 && !strcmp(fn, "copysign")) {
    LLVMValueRef a[2] = {xd, yd};
    return fit(f, in, cg_intrinsic(f, "llvm.copysign", &d, 1, a, 2));
  }
  static const char *const rounders[][3] = {{"floor", "llvm.floor", "pyc_math_floor_i64"},
                                            {"ceil", "llvm.ceil", "pyc_math_ceil_i64"},
                                            {"trunc", "llvm.trunc", "pyc_math_trunc_i64"}};
  for (int k = 0; k < 3; k++) {
    if (in->nargs != 1 || strcmp(fn, rounders[k][0]) != 0) continue;
    if (in->type->kind == TY_FLOAT) return fit(f, in, intrin1(f, rounders[k][1], xd));
    return float_to_int(f, in, rounders[k][1], rounders[k][2]);
  }
  if (!strcmp(fn, "gcd")) return int_fold(f, in, "pyc_math_gcd", 0);
  if (!strcmp(fn, "lcm")) return int_fold(f, in, "pyc_math_lcm", 1);
  if (!strcmp(fn, "perm") && in->nargs == 1) {  // perm(n) = n!, with perm's messages
    LLVMValueRef a[2] = {cg_to_i64(f, t0, x), cg_to_i64(f, t0, x)};
    return fit(f, in, rt_checked(f, in, "pyc_math_perm", a, 2));
  }
  if (!strcmp(fn, "frexp") && in->nargs == 1) return emit_frexp(f, in, xd);
  if (!strcmp(fn, "modf") && in->nargs == 1) return emit_modf(f, in, xd);
  if (!strcmp(fn, "hypot") && in->nargs != 2) {
    // hypot() = 0.0, hypot(x) = |x|; more arguments fold pairwise (CPython
    // scales all coordinates at once: the last bit may differ; see docs).
    if (in->nargs == 0) return fit(f, in, LLVMConstReal(d, 0.0));
    LLVMValueRef acc = intrin1(f, "llvm.fabs", xd);
    for (uint32_t k = 1; k < in->nargs; k++) {
      LLVMValueRef a[2] = {acc, cg_to_f64(f, T(k), V(k))};
      acc = rt_checked(f, in, "pyc_math_hypot", a, 2);
    }
    return fit(f, in, acc);
  }
  static const char *const int1[] = {"factorial", "isqrt"};
  static const char *const int2[] = {"comb", "perm"};
  char rt[64];
  for (int k = 0; k < 2; k++)
    if (in->nargs == 1 && !strcmp(fn, int1[k])) {
      snprintf(rt, sizeof rt, "pyc_math_%s", fn);
      LLVMValueRef a = cg_to_i64(f, t0, x);
      return fit(f, in, rt_checked(f, in, rt, &a, 1));
    }
  for (int k = 0; k < 2; k++)
    if (in->nargs == 2 && !strcmp(fn, int2[k])) {
      snprintf(rt, sizeof rt, "pyc_math_%s", fn);
      LLVMValueRef a[2] = {cg_to_i64(f, t0, x), cg_to_i64(f, T(1), V(1))};
      return fit(f, in, rt_checked(f, in, rt, a, 2));
    }
  if (!strcmp(fn, "isclose") && (in->nargs == 2 || in->nargs == 4)) {
    LLVMValueRef a[4] = {xd, yd, LLVMConstReal(d, 1e-09), LLVMConstReal(d, 0.0)};
    if (in->nargs == 4) {
      a[2] = cg_to_f64(f, T(2), V(2));
      a[3] = cg_to_f64(f, T(3), V(3));
    }
    return fit(f, in, rt_checked(f, in, "pyc_math_isclose", a, 4));
  }
  if (!strcmp(fn, "log") && in->nargs == 2) fn = "log_base";
  if (!strcmp(fn, "ldexp") && in->nargs == 2) fn = "ldexp_f";
  snprintf(rt, sizeof rt, "pyc_math_%s", fn);
  if ((in->nargs == 1 || in->nargs == 2) && cg_rt_known(rt)) {
    LLVMTypeRef fty;
    cg_rt(cm, rt, &fty);
    if (LLVMCountParamTypes(fty) == in->nargs) {
      LLVMValueRef a[2] = {xd, yd};
      return fit(f, in, rt_checked(f, in, rt, a, in->nargs));
    }
  }
  cg_fail(cm, "codegen: unknown builtin 'math.%s' with %u argument(s)", fn, in->nargs);
  return NULL;
}

// pt.wtime(): CLOCK_MONOTONIC seconds as f64, straight from libc's
// clock_gettime (struct timespec is {int64 tv_sec; int64 tv_nsec} on
// x86-64/aarch64 Linux).
static LLVMValueRef emit_wtime(CgFn *f, IrInst *in) {
  CgModule *cm = f->cm;
  LLVMContextRef c = cm->ctx;
  LLVMTypeRef i32 = LLVMInt32TypeInContext(c), i64 = LLVMInt64TypeInContext(c);
  LLVMTypeRef ptr = LLVMPointerTypeInContext(c, 0), d = LLVMDoubleTypeInContext(c);
  LLVMTypeRef ps[2] = {i32, ptr};
  LLVMTypeRef fty = LLVMFunctionType(i32, ps, 2, 0);
  LLVMValueRef fn = LLVMGetNamedFunction(cm->mod, "clock_gettime");
  if (!fn) fn = LLVMAddFunction(cm->mod, "clock_gettime", fty);
  LLVMTypeRef tsf[2] = {i64, i64};
  LLVMTypeRef ts_t = LLVMStructTypeInContext(c, tsf, 2, 0);
  LLVMValueRef ts = cg_entry_alloca(f, ts_t, "timespec");
  LLVMValueRef a[2] = {LLVMConstInt(i32, 1 /* CLOCK_MONOTONIC */, 0), ts};
  LLVMBuildCall2(f->b, fty, fn, a, 2, "");
  LLVMValueRef v = LLVMBuildLoad2(f->b, ts_t, ts, "");
  LLVMValueRef sec = LLVMBuildSIToFP(f->b, LLVMBuildExtractValue(f->b, v, 0, ""), d, "");
  LLVMValueRef ns = LLVMBuildSIToFP(f->b, LLVMBuildExtractValue(f->b, v, 1, ""), d, "");
  LLVMValueRef nsec = LLVMBuildFMul(f->b, ns, LLVMConstReal(d, 1e-9), "");
  LLVMValueRef r = LLVMBuildFAdd(f->b, sec, nsec, "");
  return fit(f, in, r);
}

LLVMValueRef cg_emit_builtin(CgFn *f, IrInst *in) {
  const char *name = in->sym ? in->sym : "";
  if ((!strcmp(name, "wtime") || !strcmp(name, "pyc_task.wtime")) && in->nargs == 0)
    return emit_wtime(f, in);
  if (!strncmp(name, "math.", 5)) return emit_math(f, in, name + 5);
  if (!strcmp(name, "int") && in->nargs == 1) return float_to_int(f, in, NULL, "pyc_f64_to_i64");
  if (!strcmp(name, "round") && in->nargs == 1)
    return float_to_int(f, in, "llvm.roundeven", "pyc_round_to_i64");
  if (!strcmp(name, "round_n") && in->nargs == 2) {
    LLVMValueRef a[2] = {cg_to_f64(f, T(0), V(0)), cg_to_i64(f, T(1), V(1))};
    return fit(f, in, rt_checked(f, in, "pyc_round_f64", a, 2));
  }
  cg_fail(f->cm, "codegen: unknown builtin '%s' with %u argument(s)", name, in->nargs);
  return NULL;
}
