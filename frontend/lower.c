// lower.c - typed AST -> TIR: the module and function level (fe_lower), and
// the emission helpers the other lower_*.c files share. Expressions are in
// lower_expr.c, statements in lower_stmt.c, builtins/print/numpy in
// lower_call.c. Lowering reads only the checker's annotations (ast.h).
//
// TIR conventions produced here (codegen implements the matching semantics):
// - Functions: IrFunc name = Python name; params are values 0..n-1. Flags
//   KERNEL/TASK/TOP_LEVEL from the decorators; FASTMATH / BOUNDSCHECK from the
//   decorator or --fastmath / --boundscheck.
// - Every Python local is a slot named like the variable (printed `$x`) of its
//   one type. A parameter the body assigns (`p = ...`, `p += ...`, `p.f = ...`,
//   `for p in ...`) is copied into a slot of the same name at entry; reads of
//   other parameters use the parameter value directly. Hidden temporaries are
//   slots `.tN`. Reads are LGET, writes LSET.
// - CAST is inserted wherever a value's type differs from where it flows:
//   operands -> bin.opty / cmp.optys[k], call args -> parameter types,
//   element stores -> element type, returns -> return type, slots -> slot type.
//   CAST float -> int truncates toward zero and saturates (numpy's is UB);
//   pt.int8(x) etc. on a float go through i64 first (truncate, then wrap).
//   Comparing a 64-bit int with a float64 is exact as in CPython: cmp on f64,
//   except when (f64)i == x, where select picks cmp(i, (int)x) on the ints.
// - Refcounts: a slot whose type holds an array owns one reference (slots
//   start null; LSET increfs new / decrefs old; the epilogue, normal or error,
//   decrefs every such slot; RET increfs its operand, so callers receive +1).
//   Owned temporaries (ARRAY_NEW, CALL returning a type holding arrays) are
//   LSET into a fresh hidden slot immediately, followed by DECREF of the
//   temporary; their uses read the slot. Borrowed values need nothing.
// - Arrays: a.shape[k], len(a) -> DIM (ival axis); a.shape -> TUPLE of DIMs.
//   Index i is normalized: non-negative constant as is, negative constant +
//   DIM, otherwise select(cmp.lt i 0, add i dim, i); indices are i64. With
//   boundscheck, `boundscheck %i, %dim` (ival axis) follows normalization of
//   each index (the original index for the IndexError message is
//   i < 0 ? i - dim : i). `a[i] += v` evaluates a and i once: LOAD, op, STORE.
// - np.empty/zeros/ones/full -> extents (i64), ARRAY_NEW, hidden slot + DECREF,
//   then (except empty) a FOR nest storing the fill value (computed before the
//   allocation). np.arange -> count = max(0, ceil((stop-start)/step)) (ints:
//   -((start-stop) // step); floats: BUILTIN math.ceil of truediv), ARRAY_NEW,
//   FOR storing start + i*step.
// - Control flow: if -> IF (else block possibly empty). while c -> LOOP { c;
//   IF (not c) {BREAK} {}; body }. for v in range(a, b, s) / prange: a, b, s
//   evaluated once as i64; unless s is a non-zero constant: IF (s == 0)
//   {RAISE ValueError 'range() arg 3 must not be zero'}; FOR %iv = a to b step
//   s (ival IR_FOR_PARALLEL for prange) whose body starts LSET v, %iv.
//   Loops with `else:` keep a hidden bool slot set before each BREAK; the else
//   block runs in IF (not broke) after the loop. Nothing is emitted after a
//   terminator. Falling off the end: RET (void) or RAISE RuntimeError
//   'missing return' for non-void functions.
// - `a and b`, `a or b`, `x if c else y` (non-trivial operands) and chains
//   `a < b < c` go through a hidden slot + IF; each operand evaluated once.
// - min/max: left to right, acc = select(cmp.gt b acc, b, acc) (max) /
//   select(cmp.lt b acc, b, acc) (min) on the result type. int(float) ->
//   BUILTIN "int" (f64 -> i64); round(x) -> BUILTIN "round" (f64 -> i64);
//   round(x, n) -> BUILTIN "round_n" (f64, i64 -> f64); math.f -> BUILTIN
//   "math.f", args f64 (i64 for factorial gcd lcm isqrt comb perm, ldexp's 2nd).
// - print(...) -> FMT_BEGIN, FMT_STR/FMT_VAL/FMT_SPEC per arg, FMT_STR sep
//   between, FMT_STR end, PRINT. raise E("m") -> RAISE ival=PycExcKind,
//   sym/symlen = bytes ("" for none); raise E(f"...") -> FMT_* then RAISE with
//   sym NULL (message = buffer). assert c, m -> IF (not c) {RAISE AssertionError}.
#include "lower.h"

#include "pyc/runtime.h"

#include <stdio.h>

// ---- emission helpers ------------------------------------------------------------

IrInst *lw_emit(Lower *l, IrOp op, const Type *t, const IrValue *args, uint32_t n, SrcLoc loc) {
  IrInst *in = ir_emit(l->m, l->fn, l->blk, op, t, args, n, loc);
  if (loc.file != SRC_NONE && l->cx->sm) ir_set_linecol(in, l->cx->sm);
  return in;
}

IrValue lw_const_int(Lower *l, const Type *t, int64_t v, SrcLoc loc) {
  if (t->kind == TY_FLOAT) return lw_const_float(l, t, (double)v, loc);
  IrInst *in = lw_emit(l, IR_OP_CONST, t, NULL, 0, loc);
  in->ival = t->kind == TY_BOOL ? (v != 0) : v;
  return in->result;
}

IrValue lw_const_float(Lower *l, const Type *t, double v, SrcLoc loc) {
  if (t->kind != TY_FLOAT) return lw_const_int(l, t, (int64_t)v, loc);
  IrInst *in = lw_emit(l, IR_OP_CONST, t, NULL, 0, loc);
  in->fval = v;
  return in->result;
}

IrValue lw_bin(Lower *l, IrOp op, const Type *t, IrValue a, IrValue b, SrcLoc loc) {
  IrValue args[2] = {a, b};
  return lw_emit(l, op, t, args, 2, loc)->result;
}

IrValue lw_un(Lower *l, IrOp op, const Type *t, IrValue a, SrcLoc loc) {
  return lw_emit(l, op, t, &a, 1, loc)->result;
}

IrValue lw_cast(Lower *l, IrValue v, const Type *to, SrcLoc loc) {
  if (v == IR_NOVALUE) return v;
  const Type *from = ir_value_type(l->fn, v);
  if (!to || from == to || to->kind == TY_VOID) return v;
  if (!type_is_scalar(from) || !type_is_scalar(to)) return v;  // aggregates: checker matched them
  return lw_un(l, IR_OP_CAST, to, v, loc);
}

uint32_t lw_tuple_i64s(Lower *l, IrValue v, IrValue *out, uint32_t max, SrcLoc loc) {
  const Type *t = ir_value_type(l->fn, v);
  uint32_t n = t->nelems < max ? t->nelems : max;
  for (uint32_t i = 0; i < n; i++) {
    IrInst *in = lw_emit(l, IR_OP_TUPLE_GET, t->elems[i], &v, 1, loc);
    in->ival = i;
    out[i] = lw_cast(l, in->result, l->tt->t_i64, loc);
  }
  return n;
}

IrValue lw_lget(Lower *l, const char *slot, SrcLoc loc) {
  const IrLocal *lo = ir_local_find(l->fn, slot);
  PYC_ASSERT(lo);
  IrInst *in = lw_emit(l, IR_OP_LGET, lo->type, NULL, 0, loc);
  in->sym = lo->name;
  in->symlen = (uint32_t)strlen(lo->name);
  return in->result;
}

void lw_lset(Lower *l, const char *slot, IrValue v, SrcLoc loc) {
  const IrLocal *lo = ir_local_find(l->fn, slot);
  PYC_ASSERT(lo);
  v = lw_cast(l, v, lo->type, loc);
  IrInst *in = lw_emit(l, IR_OP_LSET, NULL, &v, 1, loc);
  in->sym = lo->name;
  in->symlen = (uint32_t)strlen(lo->name);
}

const char *lw_temp(Lower *l, const Type *t) {
  char name[32];
  snprintf(name, sizeof name, ".t%u", l->ntemps++);
  return ir_local(l->m, l->fn, name, t);
}

bool lw_type_has_array(const Type *t) {
  if (!t) return false;
  if (t->kind == TY_ARRAY || t->kind == TY_REGION || t->kind == TY_PARTITION ||
      t->kind == TY_FUTURE)
    return true;  // regions, partitions and futures: refcounted alike
  if (t->kind == TY_TUPLE || t->kind == TY_STRUCT)
    for (uint32_t i = 0; i < t->nelems; i++)
      if (lw_type_has_array(t->elems[i])) return true;
  return false;
}

IrValue lw_own(Lower *l, IrValue v, SrcLoc loc) {
  const Type *t = ir_value_type(l->fn, v);
  if (!lw_type_has_array(t)) return v;
  const char *slot = lw_temp(l, t);
  lw_lset(l, slot, v, loc);
  lw_emit(l, IR_OP_DECREF, NULL, &v, 1, loc);
  return lw_lget(l, slot, loc);
}

IrValue lw_truth(Lower *l, IrValue v, SrcLoc loc) {
  const Type *t = ir_value_type(l->fn, v);
  if (!t) return lw_fail(l, loc, "the truth value of None");
  if (t->kind == TY_BOOL) return v;
  if (!type_is_scalar(t)) return lw_fail(l, loc, "truth value of a non-scalar");
  IrValue zero = t->kind == TY_FLOAT ? lw_const_float(l, t, 0.0, loc) : lw_const_int(l, t, 0, loc);
  return lw_bin(l, IR_OP_CMP_NE, l->tt->t_bool, v, zero, loc);
}

IrInst *lw_if(Lower *l, IrValue cond, SrcLoc loc) {
  return lw_emit(l, IR_OP_IF, NULL, &cond, 1, loc);
}

IrValue lw_fail(Lower *l, SrcLoc loc, const char *what) {
  diag_error(l->cx->diags, loc, "internal error: cannot lower %s (checker annotation missing?)",
             what);
  return lw_const_int(l, l->tt->t_i64, 0, loc);
}

const char *lw_bytes(Lower *l, const char *s, uint32_t n) {
  return arena_strndup(l->cx->arena, s ? s : "", s ? n : 0);
}

// ---- functions -----------------------------------------------------------------------

static void scan_block(Lower *l, const Block *b);

// Mark the parameter a target expression rebinds (a name, or the base of `p.f`).
static void scan_target(Lower *l, Expr *t) {
  if (!t) return;
  if (t->kind == EX_TUPLE || t->kind == EX_LIST) {
    for (uint32_t i = 0; i < t->seq.n; i++) scan_target(l, t->seq.xs[i]);
  } else if (t->kind == EX_ATTR) {
    scan_target(l, t->attr.value);
  } else if (t->kind == EX_NAME && t->name.sym && t->name.sym->kind == SYM_PARAM) {
    uint32_t k = t->name.sym->index;
    if (k < l->fd->nparams && !l->param_slot[k])
      l->param_slot[k] = ir_local(l->m, l->fn, l->fd->params[k].name, l->fd->params[k].ty);
  }
}

static void scan_stmt(Lower *l, Stmt *s) {
  switch (s->kind) {
  case ST_ASSIGN:
    for (uint32_t i = 0; i < s->assign.ntargets; i++) scan_target(l, s->assign.targets[i]);
    break;
  case ST_AUGASSIGN: scan_target(l, s->aug.target); break;
  case ST_ANNASSIGN: scan_target(l, s->ann.target); break;
  case ST_IF:
    scan_block(l, &s->if_.then);
    scan_block(l, &s->if_.els);
    break;
  case ST_WHILE:
    scan_block(l, &s->while_.body);
    scan_block(l, &s->while_.orelse);
    break;
  case ST_FOR:
    scan_target(l, s->for_.target);
    scan_block(l, &s->for_.body);
    scan_block(l, &s->for_.orelse);
    break;
  default: break;
  }
}

static void scan_block(Lower *l, const Block *b) {
  for (uint32_t i = 0; i < b->n; i++) scan_stmt(l, b->stmts[i]);
}

static unsigned func_flags(FeCtx *cx, const FuncDef *fd) {
  unsigned f = 0;
  if (fd->fkind == FN_KERNEL) f |= IR_FN_KERNEL;
  if (fd->fkind == FN_TASK) f |= IR_FN_TASK;
  if (fd->top_level) f |= IR_FN_TOP_LEVEL;
  if (fd->fastmath || cx->opts.fastmath) f |= IR_FN_FASTMATH;
  if (fd->boundscheck || cx->opts.boundscheck) f |= IR_FN_BOUNDSCHECK;
  return f;
}

static IrFunc *declare_func(FeCtx *cx, IrModule *m, FuncDef *fd) {
  uint32_t n = fd->nparams;
  const Type **pt = ARENA_ARRAY(cx->arena, const Type *, n ? n : 1);
  const char **pn = ARENA_ARRAY(cx->arena, const char *, n ? n : 1);
  for (uint32_t i = 0; i < n; i++) {
    pt[i] = fd->params[i].ty ? fd->params[i].ty : cx->types->t_i64;
    pn[i] = fd->params[i].name;
  }
  IrFunc *fn = ir_func_new(m, fd->name, pt, pn, n, fd->ret_ty ? fd->ret_ty : cx->types->t_void);
  fn->flags = func_flags(cx, fd);
  fn->privs = fd->privs;  // tasks with region parameters (check_task.c)
  fn->loc = fd->loc;
  if (cx->sm && fd->loc.file != SRC_NONE) fn->line = srcmgr_line(cx->sm, fd->loc);
  return fn;
}

// def f(params): body
static void lower_func(FeCtx *cx, IrModule *m, FuncDef *fd, IrFunc *fn) {
  Lower l = {0};
  l.cx = cx;
  l.m = m;
  l.tt = cx->types;
  l.fd = fd;
  l.fn = fn;
  l.blk = fn->body;
  l.param_slot = ARENA_ARRAY(cx->arena, const char *, fd->nparams ? fd->nparams : 1);
  for (uint32_t i = 0; i < fd->locals.len; i++) {
    Symbol *s = fd->locals.data[i];
    if (s->ty && s->ty->kind != TY_VOID) ir_local(m, fn, s->name, lw_part_slot_type(l.tt, s->ty));
  }
  scan_block(&l, &fd->body);
  for (uint32_t i = 0; i < fd->nparams; i++)
    if (l.param_slot[i]) lw_lset(&l, l.param_slot[i], i, fd->params[i].loc);
  lw_block(&l, &fd->body);
  if (!ir_block_terminated(l.blk)) {
    SrcLoc end = fd->loc;
    end.start = end.end > 0 ? end.end - 1 : end.end;
    if (fn->ret_type->kind == TY_VOID) {
      lw_emit(&l, IR_OP_RET, NULL, NULL, 0, end);
    } else {
      IrInst *in = lw_emit(&l, IR_OP_RAISE, NULL, NULL, 0, end);
      in->ival = PYC_EXC_RUNTIME;
      in->sym = "missing return";
      in->symlen = (uint32_t)strlen(in->sym);
    }
  }
}

IrModule *fe_lower(FeCtx *cx, Module *mod) {
  const char *path = mod->path;
  if (cx->sm && mod->file != SRC_NONE && mod->file < cx->sm->files.len)
    path = srcmgr_file(cx->sm, mod->file)->name;
  IrModule *m = ir_module_new(cx->arena, cx->types, cx->strs, path);
  for (uint32_t i = 0; i < mod->classes.len; i++) {
    const Type *t = mod->classes.data[i]->ty;
    if (t && t->kind == TY_STRUCT) vec_push(cx->arena, &m->structs, t);
  }
  for (uint32_t i = 0; i < cx->types->all.len; i++) {  // inline field spaces {'x': f64}
    const Type *t = cx->types->all.data[i];
    if (t->kind == TY_STRUCT && strncmp(t->name, "_fs_", 4) == 0)
      vec_push(cx->arena, &m->structs, t);
  }
  // Declare every function first (calls name callees, recursion included).
  IrFunc **fns = ARENA_ARRAY(cx->arena, IrFunc *, mod->funcs.len ? mod->funcs.len : 1);
  for (uint32_t i = 0; i < mod->funcs.len; i++) {
    FuncDef *fd = mod->funcs.data[i];
    if (fd->fkind != FN_PLAIN && fd->checked) fns[i] = declare_func(cx, m, fd);
  }
  for (uint32_t i = 0; i < mod->funcs.len; i++)
    if (fns[i]) lower_func(cx, m, mod->funcs.data[i], fns[i]);
  return m;
}
