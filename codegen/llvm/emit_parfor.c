// emit_parfor.c - a FOR marked IR_FOR_OUTLINE by pass parloop becomes a call
// to the runtime's pyc_parallel_for (pyc/tasks.h). The body is outlined here,
// in codegen, into an internal function
//   void pyk_F.prange(env *e, i64 lo, i64 hi, i64/f64 *acc)
// that runs iterations k in [lo, hi) of the normalized trip count 0..n
// (i = start + k*step, any step sign). The env is a struct, built on the
// caller's stack, holding every value the body uses from outside (params,
// values defined before the loop; arrays as their struct) and the local
// slots the body only reads. Locals the body writes are private (fresh
// slots in the outlined function); reductions (IrInst.sym "add $s,min $m")
// start each chunk at their type's identity and leave the chunk's result in
// acc[i] (i64 for ints, f64 for floats); the runtime combines the chunks in
// order into results[i], which holds the slot's value before the loop. An
// exception in the body takes the outlined function's error exit (decref,
// return); pyc_parallel_for then returns PYC_TASK_ERROR with the error
// pending and the caller takes its own error exit. After the loop the loop
// variable's slot gets the last value, start + (n-1)*step, when n > 0.
#include <math.h>
#include <stdint.h>
#include <stdlib.h>

#include "pyc/tasks.h"

#include "cg.h"

typedef struct Outline {
  CgFn *f;
  IrInst *loop;
  bool *inside;   // value defined in the body (or the induction variable)
  uint32_t *cap;  // captured values, in first-use order
  uint32_t ncap;
  bool *captured;
  unsigned *lf;  // per local: 1 read, 2 written, 4 reduction
  int *redop;    // per local: PycRedop
  int ivslot;
} Outline;

// Index of local `name` in fn->locals, or -1 (ir_local_find is a hash lookup).
static int local_index(const IrFunc *fn, const char *name) {
  const IrLocal *l = name ? ir_local_find(fn, name) : NULL;
  return l ? (int)(l - fn->locals.data) : -1;
}

static void mark_inside(Outline *o, const IrBlock *blk) {
  for (uint32_t i = 0; i < blk->insts.len; i++) {
    const IrInst *in = blk->insts.data[i];
    if (in->result != IR_NOVALUE) o->inside[in->result] = true;
    for (int k = 0; k < 2; k++)
      if (in->body[k]) mark_inside(o, in->body[k]);
  }
}

static void scan(Outline *o, const IrBlock *blk) {
  const IrFunc *fn = o->f->fn;
  for (uint32_t i = 0; i < blk->insts.len; i++) {
    const IrInst *in = blk->insts.data[i];
    for (uint32_t k = 0; k < in->nargs; k++) {
      IrValue v = in->args[k];
      if (v < fn->value_types.len && !o->inside[v] && !o->captured[v]) {
        o->captured[v] = true;
        o->cap[o->ncap++] = v;
      }
    }
    if ((in->op == IR_OP_LGET || in->op == IR_OP_LSET) && in->sym) {
      int k = local_index(fn, in->sym);
      if (k >= 0) o->lf[k] |= in->op == IR_OP_LGET ? 1u : 2u;
    }
    for (int k = 0; k < 2; k++)
      if (in->body[k]) scan(o, in->body[k]);
  }
}

// "add $s,min $m" -> lf |= 4 and redop per local.
static bool parse_reductions(Outline *o) {
  const IrInst *in = o->loop;
  for (const char *r = in->sym; r && *r;) {
    const char *sp = strchr(r, ' ');
    if (!sp || sp[1] != '$') return false;
    int op = strncmp(r, "add", 3) == 0   ? PYC_REDOP_SUM
             : strncmp(r, "mul", 3) == 0 ? PYC_REDOP_PROD
             : strncmp(r, "min", 3) == 0 ? PYC_REDOP_MIN
                                         : PYC_REDOP_MAX;
    const char *nm = sp + 2, *e = strchr(nm, ',');
    size_t n = e ? (size_t)(e - nm) : strlen(nm);
    char buf[256];
    if (n >= sizeof buf) return false;
    memcpy(buf, nm, n);
    buf[n] = 0;
    int k = local_index(o->f->fn, buf);
    const Type *t = k >= 0 ? o->f->fn->locals.data[k].type : NULL;
    if (!t || (t->kind != TY_INT && t->kind != TY_FLOAT)) return false;
    o->lf[k] |= 4;
    o->redop[k] = op;
    r = e ? e + 1 : nm + n;
  }
  return true;
}

// The identity of op on t, in t's register type.
static LLVMValueRef identity(CgModule *cm, const Type *t, int op) {
  LLVMTypeRef lt = cg_type(cm, t);
  if (t->kind == TY_FLOAT) {
    double v = op == PYC_REDOP_SUM    ? 0.0
               : op == PYC_REDOP_PROD ? 1.0
               : op == PYC_REDOP_MIN  ? INFINITY
                                      : -INFINITY;
    return LLVMConstReal(lt, v);
  }
  if (op == PYC_REDOP_SUM) return LLVMConstInt(lt, 0, 0);
  if (op == PYC_REDOP_PROD) return LLVMConstInt(lt, 1, 0);
  unsigned b = t->bits;
  uint64_t maxv = t->is_signed ? (b == 64 ? (uint64_t)INT64_MAX : (1ull << (b - 1)) - 1)
                               : (b == 64 ? UINT64_MAX : (1ull << b) - 1);
  uint64_t minv = t->is_signed ? (uint64_t)(b == 64 ? INT64_MIN : -(int64_t)(1ull << (b - 1))) : 0;
  return LLVMConstInt(lt, op == PYC_REDOP_MIN ? maxv : minv, t->is_signed);
}

static const Type *acc_type(CgModule *cm, const Type *t) {
  return t->kind == TY_FLOAT ? type_float(cm->ir->types, 64) : type_int(cm->ir->types, 64, true);
}

// ---- the outlined function --------------------------------------------------------

static LLVMValueRef env_field(CgFn *g, LLVMTypeRef envt, LLVMValueRef env, unsigned i,
                              const Type *t) {
  LLVMValueRef p = LLVMBuildStructGEP2(g->b, envt, env, i, "");
  return cg_from_mem(g, t, LLVMBuildLoad2(g->b, cg_mem_type(g->cm, t), p, ""));
}

static LLVMValueRef emit_outlined(Outline *o, LLVMTypeRef envt, LLVMValueRef cstart,
                                  LLVMValueRef cstep) {
  CgFn *f = o->f;
  CgModule *cm = f->cm;
  IrFunc *fn = f->fn;
  LLVMContextRef c = cm->ctx;
  LLVMTypeRef ptr = LLVMPointerTypeInContext(c, 0), i64 = LLVMInt64TypeInContext(c);
  LLVMTypeRef pt[4] = {ptr, i64, i64, ptr};
  LLVMTypeRef fty = LLVMFunctionType(LLVMVoidTypeInContext(c), pt, 4, 0);
  char name[300];
  snprintf(name, sizeof name, "pyk_%s.prange", fn->name);
  LLVMValueRef llfn = LLVMAddFunction(cm->mod, name, fty);  // LLVM uniquifies the name
  LLVMSetLinkage(llfn, LLVMInternalLinkage);
  CgFn g = {0};
  g.cm = cm;
  g.fn = fn;
  g.llfn = llfn;
  g.outlined = true;
  g.fast_loops = f->fast_loops;
  g.b = LLVMCreateBuilderInContext(c);
  g.vals = calloc(fn->value_types.len + 1, sizeof(LLVMValueRef));
  g.slots = calloc(fn->locals.len + 1, sizeof(LLVMValueRef));
  LLVMPositionBuilderAtEnd(g.b, cg_block(&g, "entry"));
  LLVMValueRef env = LLVMGetParam(llfn, 0), lo = LLVMGetParam(llfn, 1), hi = LLVMGetParam(llfn, 2),
               acc = LLVMGetParam(llfn, 3);
  for (uint32_t i = 0; i < fn->locals.len; i++) {
    LLVMTypeRef t = cg_type(cm, fn->locals.data[i].type);
    g.slots[i] = cg_entry_alloca(&g, t, fn->locals.data[i].name);
    LLVMBuildStore(g.b, LLVMConstNull(t), g.slots[i]);
  }
  unsigned fi = 0;
  for (uint32_t i = 0; i < o->ncap; i++, fi++)
    g.vals[o->cap[i]] = env_field(&g, envt, env, fi, fn->value_types.data[o->cap[i]]);
  LLVMValueRef start =
      cstart ? cstart : env_field(&g, envt, env, fi++, type_int(cm->ir->types, 64, true));
  LLVMValueRef step =
      cstep ? cstep : env_field(&g, envt, env, fi, type_int(cm->ir->types, 64, true));
  if (!cstep) fi++;
  uint32_t nred = 0;
  for (uint32_t k = 0; k < fn->locals.len; k++) {
    const Type *t = fn->locals.data[k].type;
    if (o->lf[k] & 4) {
      LLVMBuildStore(g.b, identity(cm, t, o->redop[k]), g.slots[k]);
    } else if (o->lf[k] == 1) {  // read-only: copied in (the slot owns a reference)
      LLVMValueRef v = env_field(&g, envt, env, fi++, t);
      if (cg_type_has_array(t)) cg_refcount(&g, t, v, true);
      LLVMBuildStore(g.b, v, g.slots[k]);
    }
  }
  // The runtime's chunks lie in [0, n): lets LLVM drop the negative-index
  // wrap of a[i] when start is a constant >= 0, as in the sequential loop.
  LLVMValueRef zero = LLVMConstInt(i64, 0, 0);
  LLVMValueRef as[1] = {LLVMBuildICmp(g.b, LLVMIntSGE, lo, zero, "")};
  cg_intrinsic(&g, "llvm.assume", NULL, 0, as, 1);
  as[0] = LLVMBuildICmp(g.b, LLVMIntSLE, lo, hi, "");
  cg_intrinsic(&g, "llvm.assume", NULL, 0, as, 1);
  // for (k = lo; k < hi; k++) { i = start + k*step; body }, with interrupt
  // polls like a sequential loop (emit_range.c)
  cg_emit_range(&g, o->loop, lo, hi, LLVMConstInt(i64, 1, 0), start, step);
  for (uint32_t s = 0; s < fn->locals.len; s++) {
    if (!(o->lf[s] & 4)) continue;
    const Type *t = fn->locals.data[s].type, *at = acc_type(cm, t);
    LLVMValueRef v = LLVMBuildLoad2(g.b, cg_type(cm, t), g.slots[s], "");
    LLVMValueRef idx = LLVMConstInt(i64, nred++, 0);
    LLVMValueRef p = LLVMBuildGEP2(g.b, cg_type(cm, at), acc, &idx, 1, "");
    LLVMBuildStore(g.b, cg_cast(&g, t, at, v), p);
  }
  cg_decref_slots(&g);
  LLVMBuildRetVoid(g.b);
  LLVMDisposeBuilder(g.b);
  free(g.vals);
  free(g.slots);
  return llfn;
}

// ---- the call site -------------------------------------------------------------------

static LLVMValueRef const_i32_array(CgFn *f, const int32_t *v, uint32_t n, const char *nm) {
  LLVMTypeRef i32 = LLVMInt32TypeInContext(f->cm->ctx);
  LLVMTypeRef at = LLVMArrayType(i32, n ? n : 1);
  LLVMValueRef a = cg_entry_alloca(f, at, nm);
  for (uint32_t i = 0; i < n; i++) {
    LLVMValueRef idx[2] = {cg_const_i64(f->cm, 0), cg_const_i64(f->cm, i)};
    LLVMBuildStore(f->b, cg_const_i32(f->cm, v[i]), LLVMBuildGEP2(f->b, at, a, idx, 2, ""));
  }
  return a;
}

// Trip count of range(lo, hi, step) for any non-zero step, without overflow.
static LLVMValueRef trip_count(CgFn *f, LLVMValueRef lo, LLVMValueRef hi, LLVMValueRef step) {
  LLVMBuilderRef B = f->b;
  LLVMValueRef zero = cg_const_i64(f->cm, 0), one = cg_const_i64(f->cm, 1);
  LLVMValueRef up = LLVMBuildICmp(B, LLVMIntSGT, step, zero, "");
  LLVMValueRef nonempty = LLVMBuildSelect(B, up, LLVMBuildICmp(B, LLVMIntSLT, lo, hi, ""),
                                          LLVMBuildICmp(B, LLVMIntSGT, lo, hi, ""), "");
  LLVMValueRef dist =
      LLVMBuildSelect(B, up, LLVMBuildSub(B, hi, lo, ""), LLVMBuildSub(B, lo, hi, ""), "");
  LLVMValueRef mag = LLVMBuildSelect(B, up, step, LLVMBuildSub(B, zero, step, ""), "");
  LLVMValueRef n =
      LLVMBuildAdd(B, LLVMBuildUDiv(B, LLVMBuildSub(B, dist, one, ""), mag, ""), one, "");
  return LLVMBuildSelect(B, nonempty, n, zero, "trips");
}

void cg_emit_parfor(CgFn *f, IrInst *in) {
  CgModule *cm = f->cm;
  IrFunc *fn = f->fn;
  uint32_t nv = fn->value_types.len + 1, nl = fn->locals.len + 1;
  Outline o = {.f = f, .loop = in, .ivslot = -1};
  o.inside = calloc(nv, sizeof(bool));
  o.captured = calloc(nv, sizeof(bool));
  o.cap = calloc(nv, sizeof(uint32_t));
  o.lf = calloc(nl, sizeof(unsigned));
  o.redop = calloc(nl, sizeof(int));
  o.inside[in->result] = true;
  mark_inside(&o, in->body[0]);
  scan(&o, in->body[0]);
  if (!parse_reductions(&o))
    cg_fail(cm, "codegen: @%s: bad prange reductions '%s'", fn->name, in->sym);
  const IrBlock *body = in->body[0];
  if (body->insts.len) {
    const IrInst *first = body->insts.data[0];
    if (first->op == IR_OP_LSET && first->nargs == 1 && first->args[0] == in->result)
      o.ivslot = local_index(fn, first->sym);
  }
  for (uint32_t i = 0; i < o.ncap && !cm->err; i++)
    if (!f->vals[o.cap[i]])
      cg_fail(cm, "codegen: @%s: prange body uses %%%u before its definition", fn->name, o.cap[i]);
  LLVMValueRef lo = f->vals[in->args[0]], hi = f->vals[in->args[1]], step = f->vals[in->args[2]];
  LLVMValueRef cstep = LLVMIsAConstantInt(step) ? step : NULL;
  LLVMValueRef cstart = LLVMIsAConstantInt(lo) ? lo : NULL;
  if (!cm->err) {
    // env: captured values, start, step (unless constant), read-only locals
    LLVMTypeRef *ft = calloc(o.ncap + fn->locals.len + 2, sizeof(LLVMTypeRef));
    unsigned nf = 0;
    for (uint32_t i = 0; i < o.ncap; i++)
      ft[nf++] = cg_mem_type(cm, fn->value_types.data[o.cap[i]]);
    if (!cstart) ft[nf++] = LLVMInt64TypeInContext(cm->ctx);
    if (!cstep) ft[nf++] = LLVMInt64TypeInContext(cm->ctx);
    for (uint32_t k = 0; k < fn->locals.len; k++)
      if (o.lf[k] == 1) ft[nf++] = cg_mem_type(cm, fn->locals.data[k].type);
    LLVMTypeRef envt = LLVMStructTypeInContext(cm->ctx, ft, nf, 0);
    free(ft);
    LLVMBasicBlockRef here = LLVMGetInsertBlock(f->b);
    LLVMValueRef body_fn = emit_outlined(&o, envt, cstart, cstep);
    LLVMPositionBuilderAtEnd(f->b, here);
    LLVMValueRef env = cg_entry_alloca(f, envt, "prange.env");
    unsigned fi = 0;
    for (uint32_t i = 0; i < o.ncap; i++, fi++)
      LLVMBuildStore(f->b, cg_to_mem(f, fn->value_types.data[o.cap[i]], f->vals[o.cap[i]]),
                     LLVMBuildStructGEP2(f->b, envt, env, fi, ""));
    if (!cstart) LLVMBuildStore(f->b, lo, LLVMBuildStructGEP2(f->b, envt, env, fi++, ""));
    if (!cstep) LLVMBuildStore(f->b, step, LLVMBuildStructGEP2(f->b, envt, env, fi++, ""));
    for (uint32_t k = 0; k < fn->locals.len; k++)
      if (o.lf[k] == 1) {
        const Type *t = fn->locals.data[k].type;
        LLVMValueRef v = LLVMBuildLoad2(f->b, cg_type(cm, t), f->slots[k], "");
        LLVMBuildStore(f->b, cg_to_mem(f, t, v), LLVMBuildStructGEP2(f->b, envt, env, fi++, ""));
      }
    // reductions: results[] starts at the slots' values
    int32_t redops[64], types[64];
    uint32_t nred = 0;
    LLVMTypeRef i64 = LLVMInt64TypeInContext(cm->ctx);
    for (uint32_t k = 0; k < fn->locals.len && nred < 64; k++)
      if (o.lf[k] & 4) {
        redops[nred] = o.redop[k];
        types[nred++] = fn->locals.data[k].type->kind == TY_FLOAT ? PYC_ELEM_F64 : PYC_ELEM_I64;
      }
    LLVMValueRef results = cg_entry_alloca(f, LLVMArrayType(i64, nred ? nred : 1), "prange.acc");
    for (uint32_t k = 0, r = 0; k < fn->locals.len; k++) {
      if (!(o.lf[k] & 4)) continue;
      const Type *t = fn->locals.data[k].type, *at = acc_type(cm, t);
      LLVMValueRef idx = cg_const_i64(cm, r++);
      LLVMValueRef v = LLVMBuildLoad2(f->b, cg_type(cm, t), f->slots[k], "");
      LLVMBuildStore(f->b, cg_cast(f, t, at, v),
                     LLVMBuildGEP2(f->b, cg_type(cm, at), results, &idx, 1, ""));
    }
    LLVMValueRef n = trip_count(f, lo, hi, step);
    char tname[300];
    snprintf(tname, sizeof tname, "%s:prange@%u", fn->name, in->line);
    LLVMValueRef args[9] = {cg_cstring(cm, tname, (uint32_t)strlen(tname)),
                            cg_const_i64(cm, 0),
                            n,
                            body_fn,
                            env,
                            cg_const_i32(cm, (int32_t)nred),
                            const_i32_array(f, redops, nred, "prange.redops"),
                            const_i32_array(f, types, nred, "prange.types"),
                            results};
    LLVMValueRef rc = cg_rt_call(f, "pyc_parallel_for", args, 9);
    cg_err_if(f, in, LLVMBuildICmp(f->b, LLVMIntNE, rc, cg_const_i32(cm, PYC_TASK_OK), ""), false);
    for (uint32_t k = 0, r = 0; k < fn->locals.len; k++) {
      if (!(o.lf[k] & 4)) continue;
      const Type *t = fn->locals.data[k].type, *at = acc_type(cm, t);
      LLVMValueRef idx = cg_const_i64(cm, r++);
      LLVMValueRef v = LLVMBuildLoad2(
          f->b, cg_type(cm, at), LLVMBuildGEP2(f->b, cg_type(cm, at), results, &idx, 1, ""), "");
      LLVMBuildStore(f->b, cg_cast(f, at, t, v), f->slots[k]);
    }
    if (o.ivslot >= 0) {  // Python's loop variable keeps the last value
      LLVMValueRef last = LLVMBuildAdd(
          f->b, lo, LLVMBuildMul(f->b, LLVMBuildSub(f->b, n, cg_const_i64(cm, 1), ""), step, ""),
          "");
      const Type *t = fn->locals.data[o.ivslot].type;
      LLVMValueRef old = LLVMBuildLoad2(f->b, cg_type(cm, t), f->slots[o.ivslot], "");
      LLVMValueRef nz = LLVMBuildICmp(f->b, LLVMIntSGT, n, cg_const_i64(cm, 0), "");
      LLVMBuildStore(f->b,
                     LLVMBuildSelect(
                         f->b, nz, cg_cast(f, type_int(cm->ir->types, 64, true), t, last), old, ""),
                     f->slots[o.ivslot]);
    }
  }
  free(o.inside);
  free(o.captured);
  free(o.cap);
  free(o.lf);
  free(o.redop);
}
