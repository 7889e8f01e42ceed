// emit_inst.c - one TIR instruction (other than control flow) -> LLVM IR:
// constants, local slots (with array refcounts), arithmetic with Python
// semantics (floor division/modulo for ints and floats as CPython, the
// ZeroDivisionError checks inline), comparisons (int vs float exactly, as
// Python), casts, LOAD/STORE, aggregates, calls (C ABI of cg.h, error check
// after may-raise callees) and the text-buffer ops. Array addressing, ARRAY_NEW
// and BOUNDSCHECK are in emit_array.c, BUILTIN calls in emit_builtin.c.
#include <stdio.h>
#include <stdlib.h>

#include "pyc/runtime.h"

#include "cg.h"

#define V(k) (f->vals[in->args[(k)]])
#define T(k) (ir_value_type(f->fn, in->args[(k)]))

LLVMValueRef cg_intrinsic(CgFn *f, const char *name, LLVMTypeRef *over, unsigned nover,
                          LLVMValueRef *args, unsigned nargs) {
  unsigned id = LLVMLookupIntrinsicID(name, strlen(name));
  if (!id) {
    cg_fail(f->cm, "codegen: unknown intrinsic %s", name);
    return LLVMGetUndef(LLVMTypeOf(args[0]));
  }
  LLVMValueRef fn = LLVMGetIntrinsicDeclaration(f->cm->mod, id, over, nover);
  LLVMTypeRef fty = LLVMIntrinsicGetType(f->cm->ctx, id, over, nover);
  return LLVMBuildCall2(f->b, fty, fn, args, nargs, "");
}

static bool is_float(const Type *t) { return t->kind == TY_FLOAT; }
static bool is_signed(const Type *t) { return t->kind == TY_INT && t->is_signed; }

static LLVMValueRef fconst(LLVMTypeRef t, double v) { return LLVMConstReal(t, v); }

static LLVMValueRef intrin1(CgFn *f, const char *name, LLVMValueRef x) {
  LLVMTypeRef t = LLVMTypeOf(x);
  return cg_intrinsic(f, name, &t, 1, &x, 1);
}

static LLVMValueRef copysign_(CgFn *f, LLVMValueRef mag, LLVMValueRef sgn) {
  LLVMTypeRef t = LLVMTypeOf(mag);
  LLVMValueRef a[2] = {mag, sgn};
  return cg_intrinsic(f, "llvm.copysign", &t, 1, a, 2);
}

static int slot_index(CgFn *f, const char *name) {
  const IrLocal *l = ir_local_find(f->fn, name);
  if (!l) {
    cg_fail(f->cm, "codegen: unknown local $%s in @%s", name, f->fn->name);
    return -1;
  }
  return (int)(l - f->fn->locals.data);
}

// ---- arithmetic --------------------------------------------------------------

// Python a // b and a % b for ints (b != 0 checked by the caller). Signed:
// truncating division, then adjust toward -inf; b == -1 is handled apart so
// INT_MIN // -1 wraps (numpy) instead of trapping.
static LLVMValueRef int_divmod(CgFn *f, const Type *t, LLVMValueRef a, LLVMValueRef b, bool mod) {
  LLVMBuilderRef B = f->b;
  if (!is_signed(t)) return mod ? LLVMBuildURem(B, a, b, "") : LLVMBuildUDiv(B, a, b, "");
  LLVMTypeRef ty = LLVMTypeOf(a);
  LLVMValueRef zero = LLVMConstInt(ty, 0, 0), one = LLVMConstInt(ty, 1, 0);
  LLVMValueRef m1 = LLVMConstAllOnes(ty);
  LLVMValueRef is_m1 = LLVMBuildICmp(B, LLVMIntEQ, b, m1, "");
  LLVMValueRef bs = LLVMBuildSelect(B, is_m1, one, b, "");  // avoid the INT_MIN / -1 trap
  LLVMValueRef r = LLVMBuildSRem(B, a, bs, "");
  LLVMValueRef fix = LLVMBuildAnd(B, LLVMBuildICmp(B, LLVMIntNE, r, zero, ""),
                                  LLVMBuildICmp(B, LLVMIntSLT, LLVMBuildXor(B, r, b, ""), zero, ""),
                                  "");
  if (mod) {
    LLVMValueRef m = LLVMBuildSelect(B, fix, LLVMBuildAdd(B, r, b, ""), r, "");
    return LLVMBuildSelect(B, is_m1, zero, m, "");
  }
  LLVMValueRef q = LLVMBuildSDiv(B, a, bs, "");
  q = LLVMBuildSelect(B, fix, LLVMBuildSub(B, q, one, ""), q, "");
  return LLVMBuildSelect(B, is_m1, LLVMBuildSub(B, zero, a, ""), q, "");
}

// CPython float_floor_div / float_rem (Objects/floatobject.c), b != 0.
static LLVMValueRef float_divmod(CgFn *f, LLVMValueRef vx, LLVMValueRef wx, bool want_mod) {
  LLVMBuilderRef B = f->b;
  LLVMTypeRef ty = LLVMTypeOf(vx);
  LLVMValueRef zero = fconst(ty, 0.0);
  LLVMValueRef mod = LLVMBuildFRem(B, vx, wx, "");
  LLVMValueRef mod_nz = LLVMBuildFCmp(B, LLVMRealUNE, mod, zero, "");
  LLVMValueRef w_neg = LLVMBuildFCmp(B, LLVMRealOLT, wx, zero, "");
  LLVMValueRef m_neg = LLVMBuildFCmp(B, LLVMRealOLT, mod, zero, "");
  LLVMValueRef adj = LLVMBuildAnd(B, mod_nz, LLVMBuildICmp(B, LLVMIntNE, w_neg, m_neg, ""), "");
  LLVMValueRef mod2 = LLVMBuildSelect(B, adj, LLVMBuildFAdd(B, mod, wx, ""), mod, "");
  LLVMValueRef modf = LLVMBuildSelect(B, mod_nz, mod2, copysign_(f, zero, wx), "");
  if (want_mod) return modf;
  LLVMValueRef div = LLVMBuildFDiv(B, LLVMBuildFSub(B, vx, mod, ""), wx, "");
  div = LLVMBuildSelect(B, adj, LLVMBuildFSub(B, div, fconst(ty, 1.0), ""), div, "");
  LLVMValueRef fl = intrin1(f, "llvm.floor", div);
  LLVMValueRef dfl = LLVMBuildFSub(B, div, fl, "");
  LLVMValueRef up = LLVMBuildFCmp(B, LLVMRealOGT, dfl, fconst(ty, 0.5), "");
  fl = LLVMBuildSelect(B, up, LLVMBuildFAdd(B, fl, fconst(ty, 1.0), ""), fl, "");
  LLVMValueRef div_nz = LLVMBuildFCmp(B, LLVMRealUNE, div, zero, "");
  return LLVMBuildSelect(B, div_nz, fl, copysign_(f, zero, LLVMBuildFDiv(B, vx, wx, "")), "");
}

LLVMValueRef cg_to_f64(CgFn *f, const Type *t, LLVMValueRef v) {
  LLVMTypeRef d = LLVMDoubleTypeInContext(f->cm->ctx);
  if (t->kind == TY_FLOAT) return t->bits == 64 ? v : LLVMBuildFPExt(f->b, v, d, "");
  if (is_signed(t)) return LLVMBuildSIToFP(f->b, v, d, "");
  return LLVMBuildUIToFP(f->b, v, d, "");
}

LLVMValueRef cg_to_i64(CgFn *f, const Type *t, LLVMValueRef v) {
  LLVMTypeRef l = LLVMInt64TypeInContext(f->cm->ctx);
  if (t->kind == TY_INT && t->bits == 64) return v;
  if (is_signed(t)) return LLVMBuildSExt(f->b, v, l, "");
  return LLVMBuildZExt(f->b, v, l, "");
}

static LLVMValueRef emit_pow(CgFn *f, IrInst *in) {
  const Type *t = in->type;
  LLVMValueRef r;
  if (is_float(t)) {
    LLVMValueRef a[2] = {cg_to_f64(f, T(0), V(0)), cg_to_f64(f, T(1), V(1))};
    r = cg_rt_call(f, "pyc_fpow", a, 2);
    if (t->bits == 32) r = LLVMBuildFPTrunc(f->b, r, cg_type(f->cm, t), "");
  } else if (LLVMIsAConstantInt(V(1)) && LLVMConstIntGetSExtValue(V(1)) >= 0 &&
             LLVMConstIntGetSExtValue(V(1)) <= 16) {
    // small constant exponent: square-and-multiply inline (wrapping, exact)
    int64_t e = LLVMConstIntGetSExtValue(V(1));
    LLVMValueRef base = V(0), acc = LLVMConstInt(LLVMTypeOf(base), 1, 0);
    for (; e; e >>= 1) {
      if (e & 1) acc = LLVMBuildMul(f->b, acc, base, "");
      if (e > 1) base = LLVMBuildMul(f->b, base, base, "");
    }
    return acc;
  } else {
    LLVMValueRef a[2] = {cg_to_i64(f, T(0), V(0)), cg_to_i64(f, T(1), V(1))};
    r = cg_rt_call(f, "pyc_ipow", a, 2);
    if (t->bits != 64) r = LLVMBuildTrunc(f->b, r, cg_type(f->cm, t), "");
  }
  cg_check_err(f, in, true);
  return r;
}

static LLVMValueRef emit_divide(CgFn *f, IrInst *in) {
  const Type *t = in->type;
  LLVMValueRef a = V(0), b = V(1);
  if (is_float(T(0))) {
    LLVMValueRef z = LLVMBuildFCmp(f->b, LLVMRealOEQ, b, fconst(LLVMTypeOf(b), 0.0), "");
    const char *msg = in->op == IR_OP_TRUEDIV    ? "float division by zero"
                      : in->op == IR_OP_FLOORDIV ? "float floor division by zero"
                                                 : "float modulo";
    cg_raise_if(f, in, z, PYC_EXC_ZERO_DIVISION, msg);
    if (in->op == IR_OP_TRUEDIV) return LLVMBuildFDiv(f->b, a, b, "");
    return float_divmod(f, a, b, in->op == IR_OP_MOD);
  }
  if (in->op == IR_OP_TRUEDIV) {  // ints: correctly rounded in the runtime
    LLVMValueRef args[2] = {cg_to_i64(f, T(0), a), cg_to_i64(f, T(1), b)};
    LLVMValueRef r = cg_rt_call(f, "pyc_truediv_i64", args, 2);
    cg_check_err(f, in, true);
    if (is_float(t) && t->bits == 32) r = LLVMBuildFPTrunc(f->b, r, cg_type(f->cm, t), "");
    return r;
  }
  LLVMValueRef z = LLVMBuildICmp(f->b, LLVMIntEQ, b, LLVMConstInt(LLVMTypeOf(b), 0, 0), "");
  const char *msg =
      in->op == IR_OP_MOD ? "integer modulo by zero" : "integer division or modulo by zero";
  cg_raise_if(f, in, z, PYC_EXC_ZERO_DIVISION, msg);
  return int_divmod(f, T(0), a, b, in->op == IR_OP_MOD);
}

static LLVMValueRef emit_shift(CgFn *f, IrInst *in) {
  LLVMValueRef a = V(0), c = V(1);
  LLVMTypeRef ty = LLVMTypeOf(a);
  unsigned bits = LLVMGetIntTypeWidth(ty);
  LLVMValueRef big = LLVMBuildICmp(f->b, LLVMIntUGE, c, LLVMConstInt(ty, bits, 0), "");
  if (in->op == IR_OP_SHL)
    return LLVMBuildSelect(f->b, big, LLVMConstInt(ty, 0, 0), LLVMBuildShl(f->b, a, c, ""), "");
  if (is_signed(T(0))) {
    LLVMValueRef cc = LLVMBuildSelect(f->b, big, LLVMConstInt(ty, bits - 1, 0), c, "");
    return LLVMBuildAShr(f->b, a, cc, "");
  }
  return LLVMBuildSelect(f->b, big, LLVMConstInt(ty, 0, 0), LLVMBuildLShr(f->b, a, c, ""), "");
}

// Python's exact comparison of an integer with a float (2**53 + 1 > 2.0**53 is
// True): returns -1/0/1 for a <=> x, or 2 when x is NaN (unordered).
// |x| >= 2^63 decides by the sign of x; otherwise compare a with trunc(x)
// as integers, then with the fraction's sign.
static LLVMValueRef int_float_order(CgFn *f, LLVMValueRef a, LLVMValueRef x) {
  LLVMBuilderRef B = f->b;
  CgModule *cm = f->cm;
  LLVMTypeRef d = LLVMTypeOf(x), i64 = LLVMInt64TypeInContext(cm->ctx);
  LLVMValueRef one = cg_const_i64(cm, 1), m1 = cg_const_i64(cm, -1), zero = cg_const_i64(cm, 0);
  LLVMValueRef lo = LLVMBuildFCmp(B, LLVMRealOGE, x, LLVMConstReal(d, -0x1p63), "");
  LLVMValueRef hi = LLVMBuildFCmp(B, LLVMRealOLT, x, LLVMConstReal(d, 0x1p63), "");
  LLVMValueRef t = intrin1(f, "llvm.trunc", x);
  LLVMValueRef it = LLVMBuildFPToSI(B, LLVMBuildSelect(B, LLVMBuildAnd(B, lo, hi, ""), t,
                                                       LLVMConstReal(d, 0.0), ""), i64, "");
  LLVMValueRef frac = LLVMBuildFSub(B, x, t, "");
  LLVMValueRef by_frac = LLVMBuildSelect(
      B, LLVMBuildFCmp(B, LLVMRealOGT, frac, LLVMConstReal(d, 0.0), ""), m1,
      LLVMBuildSelect(B, LLVMBuildFCmp(B, LLVMRealOLT, frac, LLVMConstReal(d, 0.0), ""), one,
                      zero, ""), "");
  LLVMValueRef by_int = LLVMBuildSelect(
      B, LLVMBuildICmp(B, LLVMIntSLT, a, it, ""), m1,
      LLVMBuildSelect(B, LLVMBuildICmp(B, LLVMIntSGT, a, it, ""), one, by_frac, ""), "");
  LLVMValueRef r = LLVMBuildSelect(B, lo, LLVMBuildSelect(B, hi, by_int, m1, ""), one, "");
  LLVMValueRef nan = LLVMBuildFCmp(B, LLVMRealUNO, x, x, "");
  return LLVMBuildSelect(B, nan, cg_const_i64(cm, 2), r, "");
}

static LLVMValueRef emit_cmp(CgFn *f, IrInst *in) {
  static const LLVMRealPredicate fp[] = {LLVMRealOEQ, LLVMRealUNE, LLVMRealOLT,
                                         LLVMRealOLE, LLVMRealOGT, LLVMRealOGE};
  static const LLVMIntPredicate sp[] = {LLVMIntEQ, LLVMIntNE, LLVMIntSLT,
                                        LLVMIntSLE, LLVMIntSGT, LLVMIntSGE};
  static const LLVMIntPredicate up[] = {LLVMIntEQ, LLVMIntNE, LLVMIntULT,
                                        LLVMIntULE, LLVMIntUGT, LLVMIntUGE};
  int k = in->op - IR_OP_CMP_EQ;
  const Type *t = T(0);
  if (is_float(t) != is_float(T(1)) && !(t->kind == TY_INT && t->bits == 64 && !t->is_signed) &&
      !(T(1)->kind == TY_INT && T(1)->bits == 64 && !T(1)->is_signed)) {
    // int vs float (either order): exact, as Python compares them
    bool swap = is_float(t);
    LLVMValueRef iv = cg_to_i64(f, swap ? T(1) : t, swap ? V(1) : V(0));
    LLVMValueRef fv = cg_to_f64(f, swap ? t : T(1), swap ? V(0) : V(1));
    LLVMValueRef o = int_float_order(f, iv, fv);
    if (swap) {  // x <=> a is the negation of a <=> x (2 stays unordered)
      LLVMValueRef un = LLVMBuildICmp(f->b, LLVMIntEQ, o, cg_const_i64(f->cm, 2), "");
      o = LLVMBuildSelect(f->b, un, o, LLVMBuildNeg(f->b, o, ""), "");
    }
    static const LLVMIntPredicate op[] = {LLVMIntEQ,  LLVMIntNE,  LLVMIntSLT,
                                          LLVMIntSLE, LLVMIntSGT, LLVMIntSGE};
    LLVMValueRef r = LLVMBuildICmp(f->b, op[k], o, cg_const_i64(f->cm, 0), "");
    if (k == 0 || k == 1) return r;  // NaN: o = 2 gives == false, != true
    LLVMValueRef ord = LLVMBuildICmp(f->b, LLVMIntNE, o, cg_const_i64(f->cm, 2), "");
    return LLVMBuildAnd(f->b, r, ord, "");
  }
  if (is_float(t)) return LLVMBuildFCmp(f->b, fp[k], V(0), V(1), "");
  if (t->kind == TY_STR) {
    cg_fail(f->cm, "codegen: comparison of str values is not supported");
    return LLVMConstInt(LLVMInt1TypeInContext(f->cm->ctx), 0, 0);
  }
  return LLVMBuildICmp(f->b, is_signed(t) ? sp[k] : up[k], V(0), V(1), "");
}

// float -> integer as pt.int32(x) etc.: truncate toward zero, then wrap modulo
// 2^64 (the caller truncates to narrower widths). |x| < 2^63 converts
// directly; larger finite x = m * 2^k (k >= 11) wraps to (m << k) mod 2^64,
// negated for negative x; NaN and infinities give 0. Branch-free, so loops
// with casts still vectorize.
static LLVMValueRef float_to_int_wrap(CgFn *f, LLVMValueRef x) {
  LLVMBuilderRef B = f->b;
  CgModule *cm = f->cm;
  LLVMTypeRef d = LLVMTypeOf(x), i64 = LLVMInt64TypeInContext(cm->ctx);
  LLVMValueRef small = LLVMBuildFCmp(B, LLVMRealOLT, intrin1(f, "llvm.fabs", x),
                                     LLVMConstReal(d, 0x1p63), "");
  LLVMValueRef fast = LLVMBuildFPToSI(B, x, i64, "");
  LLVMValueRef bits = LLVMBuildBitCast(B, x, i64, "");
  LLVMValueRef e = LLVMBuildAnd(B, LLVMBuildLShr(B, bits, cg_const_i64(cm, 52), ""),
                                cg_const_i64(cm, 0x7ff), "");
  LLVMValueRef m = LLVMBuildOr(B, LLVMBuildAnd(B, bits, cg_const_i64(cm, (1LL << 52) - 1), ""),
                               cg_const_i64(cm, 1LL << 52), "");
  LLVMValueRef k = LLVMBuildSub(B, e, cg_const_i64(cm, 1075), "");
  LLVMValueRef big = LLVMBuildICmp(B, LLVMIntUGE, k, cg_const_i64(cm, 64), "");
  LLVMValueRef kk = LLVMBuildSelect(B, big, cg_const_i64(cm, 0), k, "");
  LLVMValueRef w = LLVMBuildSelect(B, big, cg_const_i64(cm, 0), LLVMBuildShl(B, m, kk, ""), "");
  LLVMValueRef neg = LLVMBuildICmp(B, LLVMIntSLT, bits, cg_const_i64(cm, 0), "");
  w = LLVMBuildSelect(B, neg, LLVMBuildNeg(B, w, ""), w, "");
  return LLVMBuildSelect(B, small, fast, w, "");
}

LLVMValueRef cg_cast(CgFn *f, const Type *from, const Type *to, LLVMValueRef v) {
  if (from == to) return v;
  // array<T,N,C> -> array<T,N> (or back): one layout, nothing to convert
  if (from->kind == TY_ARRAY && to->kind == TY_ARRAY) return v;
  LLVMBuilderRef B = f->b;
  LLVMTypeRef lt = cg_type(f->cm, to);
  if (to->kind == TY_BOOL) {
    if (is_float(from)) return LLVMBuildFCmp(B, LLVMRealUNE, v, fconst(LLVMTypeOf(v), 0.0), "");
    return LLVMBuildICmp(B, LLVMIntNE, v, LLVMConstInt(LLVMTypeOf(v), 0, 0), "");
  }
  if (from->kind == TY_BOOL || from->kind == TY_INT) {
    bool s = is_signed(from);
    if (is_float(to)) return s ? LLVMBuildSIToFP(B, v, lt, "") : LLVMBuildUIToFP(B, v, lt, "");
    unsigned fb = from->kind == TY_BOOL ? 1 : from->bits;
    if (to->bits < fb) return LLVMBuildTrunc(B, v, lt, "");
    if (to->bits > fb) return s ? LLVMBuildSExt(B, v, lt, "") : LLVMBuildZExt(B, v, lt, "");
    return v;
  }
  if (is_float(from)) {
    if (is_float(to))
      return to->bits > from->bits ? LLVMBuildFPExt(B, v, lt, "") : LLVMBuildFPTrunc(B, v, lt, "");
    LLVMValueRef r = float_to_int_wrap(f, cg_to_f64(f, from, v));
    return to->bits < 64 ? LLVMBuildTrunc(B, r, lt, "") : r;
  }
  cg_fail(f->cm, "codegen: unsupported cast");
  return LLVMGetUndef(lt);
}

// ---- calls and text --------------------------------------------------------------

static LLVMValueRef emit_call(CgFn *f, IrInst *in) {
  CgModule *cm = f->cm;
  const IrFunc *g = in->sym ? ir_module_find(cm->ir, in->sym) : NULL;
  int idx = g ? (int)g->index : -1;
  if (idx < 0) {
    cg_fail(cm, "codegen: call to unknown function @%s", in->sym);
    return NULL;
  }
  IrFunc *callee = cm->ir->funcs.data[idx];
  LLVMValueRef fn = cm->fn_values[idx];
  LLVMTypeRef fty = LLVMGlobalGetValueType(fn);
  LLVMValueRef *args = malloc(sizeof(LLVMValueRef) * (in->nargs + 1));
  unsigned k = 0;
  LLVMValueRef sret = NULL;
  if (cg_is_aggregate(callee->ret_type)) {
    sret = cg_entry_alloca(f, cg_type(cm, callee->ret_type), "ret.tmp");
    args[k++] = sret;
  }
  for (uint32_t i = 0; i < in->nargs; i++) {
    const Type *t = T(i);
    if (cg_is_aggregate(t)) {
      LLVMValueRef tmp = cg_entry_alloca(f, cg_type(cm, t), "arg.tmp");
      LLVMBuildStore(f->b, V(i), tmp);
      args[k++] = tmp;
    } else {
      args[k++] = V(i);
    }
  }
  LLVMValueRef r = LLVMBuildCall2(f->b, fty, fn, args, k, "");
  free(args);
  // A call that runs once per call of the caller (no loop around it) to a
  // function that loops gains nothing measurable from inlining, while
  // inlining would make LLVM optimize and vectorize the callee's loops once
  // more in the caller: noinline at this call site (compile time). Calls
  // inside loops stay inlinable.
  if (!f->loop && !f->outlined && cm->fn_flags[idx].loops) {
    unsigned kind = LLVMGetEnumAttributeKindForName("noinline", 8);
    LLVMAddCallSiteAttribute(r, LLVMAttributeFunctionIndex, LLVMCreateEnumAttribute(cm->ctx, kind, 0));
  }
  if (cm->fn_flags[idx].mayraise) cg_check_err(f, in, false);
  if (sret) return LLVMBuildLoad2(f->b, cg_type(cm, callee->ret_type), sret, "");
  return callee->ret_type->kind == TY_VOID ? NULL : r;
}

static void emit_fmt(CgFn *f, IrInst *in) {
  CgModule *cm = f->cm;
  LLVMTypeRef i32 = LLVMInt32TypeInContext(cm->ctx);
  const Type *t = T(0);
  LLVMValueRef v = V(0);
  bool spec = in->op == IR_OP_FMT_SPEC;
  LLVMValueRef a[3];
  unsigned n = 1;
  const char *fn;
  switch (t->kind) {
  case TY_INT:
    if (t->is_signed) {
      a[0] = cg_to_i64(f, t, v);
      fn = spec ? "pyc_buf_fmt_i64" : "pyc_buf_i64";
    } else {
      a[0] = cg_to_i64(f, t, v);
      fn = spec ? "pyc_buf_fmt_u64" : "pyc_buf_u64";
    }
    break;
  case TY_FLOAT:
    a[0] = v;
    fn = t->bits == 32 ? (spec ? "pyc_buf_fmt_f32" : "pyc_buf_f32")
                       : (spec ? "pyc_buf_fmt_f64" : "pyc_buf_f64");
    break;
  case TY_BOOL:
    a[0] = LLVMBuildZExt(f->b, v, i32, "");
    fn = spec ? "pyc_buf_fmt_bool" : "pyc_buf_bool";
    break;
  case TY_STR:
    a[0] = v;
    a[1] = cg_const_i64(cm, -1);
    n = 2;
    fn = spec ? "pyc_buf_fmt_str" : "pyc_buf_str";
    break;
  default:
    cg_fail(cm, "codegen: cannot format a value of this type");
    return;
  }
  if (spec) a[n++] = cg_cstring(cm, in->sym, in->sym ? (uint32_t)strlen(in->sym) : 0);
  cg_rt_call(f, fn, a, n);
}

// ---- dispatch --------------------------------------------------------------------

static LLVMValueRef arith(CgFn *f, IrInst *in) {
  LLVMBuilderRef B = f->b;
  bool fl = is_float(in->type);
  LLVMValueRef a = V(0), b = in->nargs > 1 ? V(1) : NULL;
  switch (in->op) {
  case IR_OP_ADD: return fl ? LLVMBuildFAdd(B, a, b, "") : LLVMBuildAdd(B, a, b, "");
  case IR_OP_SUB: return fl ? LLVMBuildFSub(B, a, b, "") : LLVMBuildSub(B, a, b, "");
  case IR_OP_MUL: return fl ? LLVMBuildFMul(B, a, b, "") : LLVMBuildMul(B, a, b, "");
  case IR_OP_BAND: return LLVMBuildAnd(B, a, b, "");
  case IR_OP_BOR: return LLVMBuildOr(B, a, b, "");
  case IR_OP_BXOR: return LLVMBuildXor(B, a, b, "");
  case IR_OP_NEG: return fl ? LLVMBuildFNeg(B, a, "") : LLVMBuildNeg(B, a, "");
  case IR_OP_INVERT: return LLVMBuildNot(B, a, "");
  case IR_OP_NOT: return LLVMBuildNot(B, a, "");
  case IR_OP_ABS:
    if (fl) return intrin1(f, "llvm.fabs", a);
    if (!is_signed(in->type)) return a;
    return LLVMBuildSelect(B,
                           LLVMBuildICmp(B, LLVMIntSLT, a, LLVMConstInt(LLVMTypeOf(a), 0, 0), ""),
                           LLVMBuildNeg(B, a, ""), a, "");
  default: pyc_unreachable(); return NULL;
  }
}


void cg_emit_inst(CgFn *f, IrInst *in) {
  CgModule *cm = f->cm;
  LLVMBuilderRef B = f->b;
  LLVMValueRef r = NULL;
  for (uint32_t k = 0; k < in->nargs; k++)
    if (in->args[k] >= f->fn->value_types.len || !f->vals[in->args[k]]) {
      cg_fail(cm, "codegen: @%s: %s uses %%%u before its definition", f->fn->name,
              ir_op_info[in->op].text, in->args[k]);
      return;
    }
  switch (in->op) {
  case IR_OP_CONST: {
    const Type *t = in->type;
    if (t->kind == TY_FLOAT) r = LLVMConstReal(cg_type(cm, t), in->fval);
    else if (t->kind == TY_STR) r = cg_cstring(cm, in->sym, in->symlen);
    else if (t->kind == TY_BOOL || t->kind == TY_INT)
      r = LLVMConstInt(cg_type(cm, t), (unsigned long long)in->ival,
                       t->kind == TY_INT && t->is_signed);
    else r = LLVMConstNull(cg_type(cm, t));
    break;
  }
  case IR_OP_LGET: {
    int k = slot_index(f, in->sym);
    if (k < 0) return;
    r = LLVMBuildLoad2(B, cg_type(cm, f->fn->locals.data[k].type), f->slots[k], in->sym);
    break;
  }
  case IR_OP_LSET: {
    int k = slot_index(f, in->sym);
    if (k < 0) return;
    const Type *t = f->fn->locals.data[k].type;
    if (cg_type_has_array(t)) {
      cg_refcount(f, t, V(0), true);
      cg_refcount(f, t, LLVMBuildLoad2(B, cg_type(cm, t), f->slots[k], ""), false);
    }
    LLVMBuildStore(B, V(0), f->slots[k]);
    return;
  }
  case IR_OP_ADD: case IR_OP_SUB: case IR_OP_MUL: case IR_OP_BAND: case IR_OP_BOR:
  case IR_OP_BXOR: case IR_OP_NEG: case IR_OP_INVERT: case IR_OP_NOT: case IR_OP_ABS:
    r = arith(f, in);
    break;
  case IR_OP_TRUEDIV: case IR_OP_FLOORDIV: case IR_OP_MOD: r = emit_divide(f, in); break;
  case IR_OP_POW: r = emit_pow(f, in); break;
  case IR_OP_SHL: case IR_OP_SHR: r = emit_shift(f, in); break;
  case IR_OP_CMP_EQ: case IR_OP_CMP_NE: case IR_OP_CMP_LT: case IR_OP_CMP_LE:
  case IR_OP_CMP_GT: case IR_OP_CMP_GE:
    r = emit_cmp(f, in);
    break;
  case IR_OP_SELECT: r = LLVMBuildSelect(B, V(0), V(1), V(2), ""); break;
  case IR_OP_CAST: r = cg_cast(f, T(0), in->type, V(0)); break;
  case IR_OP_DIM:
    r = LLVMBuildExtractValue(B, LLVMBuildExtractValue(B, V(0), 2, ""), (unsigned)in->ival, "dim");
    break;
  case IR_OP_LOAD: {
    const Type *e = T(0)->elem;
    r = cg_from_mem(f, e, LLVMBuildLoad2(B, cg_mem_type(cm, e), cg_elem_addr(f, in), ""));
    break;
  }
  case IR_OP_STORE: {
    const Type *e = T(0)->elem;
    LLVMValueRef p = cg_elem_addr(f, in);
    LLVMBuildStore(B, cg_to_mem(f, e, V(in->nargs - 1)), p);
    return;
  }
  case IR_OP_BOUNDSCHECK: cg_emit_boundscheck(f, in); return;
  case IR_OP_ARRAY_NEW: r = cg_emit_array_new(f, in); break;
  case IR_OP_INCREF: case IR_OP_DECREF:
    cg_refcount(f, T(0), V(0), in->op == IR_OP_INCREF);
    return;
  case IR_OP_TUPLE: case IR_OP_STRUCT_NEW: {
    const Type *t = in->type;
    r = LLVMGetUndef(cg_type(cm, t));
    for (uint32_t k = 0; k < in->nargs && k < t->nelems; k++)
      r = LLVMBuildInsertValue(B, r, cg_to_mem(f, t->elems[k], V(k)), k, "");
    break;
  }
  case IR_OP_TUPLE_GET: case IR_OP_STRUCT_GET: {
    const Type *t = T(0);
    r = cg_from_mem(f, t->elems[in->ival], LLVMBuildExtractValue(B, V(0), (unsigned)in->ival, ""));
    break;
  }
  case IR_OP_STRUCT_SET: {
    const Type *t = T(0);
    LLVMValueRef fv = cg_to_mem(f, t->elems[in->ival], V(1));
    r = LLVMBuildInsertValue(B, V(0), fv, (unsigned)in->ival, "");
    break;
  }
  case IR_OP_CALL: r = emit_call(f, in); break;
  case IR_OP_BUILTIN: r = cg_emit_builtin(f, in); break;
  case IR_OP_FMT_BEGIN: cg_rt_call(f, "pyc_buf_reset", NULL, 0); return;
  case IR_OP_FMT_STR: {
    LLVMValueRef a[2] = {cg_cstring(cm, in->sym, in->symlen), cg_const_i64(cm, in->symlen)};
    cg_rt_call(f, "pyc_buf_str", a, 2);
    return;
  }
  case IR_OP_FMT_VAL: case IR_OP_FMT_SPEC: emit_fmt(f, in); return;
  case IR_OP_PRINT: cg_rt_call(f, "pyc_buf_print", NULL, 0); return;
  default:
    if (cg_emit_task_inst(f, in, &r)) break;  // region ops, launches, futures
    cg_fail(cm, "codegen: op '%s' is not supported by the LLVM backend yet (@%s)",
            ir_op_info[in->op].text, f->fn->name);
    return;
  }
  if (in->result != IR_NOVALUE) {
    if (!r) r = LLVMGetUndef(cg_type(cm, ir_value_type(f->fn, in->result)));
    f->vals[in->result] = r;
  }
}
