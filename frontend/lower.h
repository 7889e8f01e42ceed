// lower.h - private to frontend/lower*.c: the state of lowering one function
// from the typed AST to TIR, and the helpers the lower_*.c files share.
// The TIR conventions lowering follows are documented atop lower.c.
#ifndef PYC_FRONTEND_LOWER_H
#define PYC_FRONTEND_LOWER_H

#include "frontend.h"

// One enclosing LOOP/FOR, for break of loops that have an `else:` clause.
typedef struct LwLoop {
  const char *broke;  // hidden bool slot set before BREAK (NULL: no else clause)
} LwLoop;

typedef struct Lower {
  FeCtx *cx;                // not owned
  IrModule *m;              // not owned
  TypeTable *tt;            // not owned
  FuncDef *fd;              // the function being lowered
  IrFunc *fn;               // its TIR
  IrBlock *blk;             // where instructions go now
  const char **param_slot;  // per parameter: slot name when the body assigns it, else NULL
  uint32_t ntemps;          // hidden slots made so far (.t0, .t1, ...)
  Vec(LwLoop) loops;        // enclosing loops, innermost last
} Lower;

// ---- lower.c: emission helpers -------------------------------------------------
IrInst *lw_emit(Lower *l, IrOp op, const Type *t, const IrValue *args, uint32_t n, SrcLoc loc);
IrValue lw_const_int(Lower *l, const Type *t, int64_t v, SrcLoc loc);
IrValue lw_const_float(Lower *l, const Type *t, double v, SrcLoc loc);
IrValue lw_bin(Lower *l, IrOp op, const Type *t, IrValue a, IrValue b, SrcLoc loc);
IrValue lw_un(Lower *l, IrOp op, const Type *t, IrValue a, SrcLoc loc);
IrValue lw_cast(Lower *l, IrValue v, const Type *to, SrcLoc loc);  // no-op when same type
// The elements of tuple value v (its first `max` at most), each as i64 (a
// point, extents, color counts); their number.
uint32_t lw_tuple_i64s(Lower *l, IrValue v, IrValue *out, uint32_t max, SrcLoc loc);
IrValue lw_lget(Lower *l, const char *slot, SrcLoc loc);
void lw_lset(Lower *l, const char *slot, IrValue v, SrcLoc loc);
const char *lw_temp(Lower *l, const Type *t);  // a fresh hidden slot .tN
// An owned value (ARRAY_NEW, CALL result): moved into a hidden slot when its
// type holds arrays (LSET + DECREF); returns a borrowed LGET of the slot.
IrValue lw_own(Lower *l, IrValue v, SrcLoc loc);
bool lw_type_has_array(const Type *t);
IrValue lw_truth(Lower *l, IrValue v, SrcLoc loc);          // bool value of a scalar
IrInst *lw_if(Lower *l, IrValue cond, SrcLoc loc);          // emits IF; caller fills body[0]/[1]
IrValue lw_fail(Lower *l, SrcLoc loc, const char *what);    // internal diagnostic + dummy value
const char *lw_bytes(Lower *l, const char *s, uint32_t n);  // arena copy, NUL-terminated

// ---- lower_expr.c ------------------------------------------------------------------
IrValue lw_expr(Lower *l, Expr *e);       // a value (a None value is an internal error)
IrValue lw_expr_void(Lower *l, Expr *e);  // IR_NOVALUE for a call of a None function
IrValue lw_expr_to(Lower *l, Expr *e, const Type *t);  // lw_expr + CAST to t
IrValue lw_cond(Lower *l, Expr *e);                    // truth value of e (bool)
IrValue lw_index(Lower *l, IrValue arr, IrValue idx, Expr *ie, unsigned axis, SrcLoc loc);
// Evaluate the array and normalized (and bounds-checked) indices of `a[i, j]`.
IrValue lw_element_ref(Lower *l, Expr *sub, IrValue *idx);
const char *lw_name_slot(Lower *l, Expr *name);  // the slot a name is written to

// ---- lower_call.c ------------------------------------------------------------------
IrValue lw_call(Lower *l, Expr *e);
// Text of print/raise arguments, in two steps: every value is computed first
// (a callee may print, reusing the runtime's text buffer), then after
// FMT_BEGIN the FMT_STR / FMT_VAL / FMT_SPEC parts are emitted in order.
typedef Vec(IrValue) LwVals;
void lw_fmt_eval(Lower *l, Expr *e, LwVals *vals);
void lw_fmt_emit(Lower *l, Expr *e, const LwVals *vals, uint32_t *next);
Keyword *lw_kwarg(Expr *call, const char *name);

// ---- lower_stmt.c ------------------------------------------------------------------
void lw_block(Lower *l, const Block *b);
void lw_assign_to(Lower *l, Expr *target, IrValue v, SrcLoc loc);
IrValue lw_aug_apply(Lower *l, Stmt *s, IrValue cur);  // cur op= value, on the operand type

// ---- lower_task.c: regions, launches, futures ----------------------------------------
IrValue lw_task_call(Lower *l, Expr *e);       // CALL_LAUNCH/FUTURE_GET/REGION_NEW/FILL/COPY
IrValue lw_task_attr(Lower *l, Expr *e);       // ATTR_ISPACE/VOLUME/BOUNDS
IrValue lw_task_load(Lower *l, Expr *e);       // r.u[p] (SUB_RFIELD)
void lw_task_store(Lower *l, Expr *t, IrValue v, SrcLoc loc);
void lw_task_augassign(Lower *l, Stmt *s);     // r.u[p] op= v
bool lw_task_assign_reduce(Lower *l, Stmt *s); // r.u[p] = max(r.u[p], v) -> REGION_REDUCE (false: not that)
void lw_task_for(Lower *l, Stmt *s, void (*body)(Lower *, const Block *));  // for p in r.ispace
// ---- lower_partition.c (issue 5) ----
IrValue lw_part_call(Lower *l, Expr *e);   // CALL_PARTITION / CALL_INDEX_LAUNCH
IrValue lw_part_piece(Lower *l, Expr *e);  // P[i] (SUB_PIECE)
IrValue lw_part_attr(Lower *l, Expr *e);   // P.color_space.volume / .bounds
IrValue lw_part_len(Lower *l, Expr *a);    // len(P), len(P.color_space)
// The color counts of a color space (P.color_space or a variable) into out.
uint32_t lw_part_counts(Lower *l, Expr *x, IrValue *out);
// The slot type of a variable of type t: a color space's counts (i64, or a
// tuple), else t.
const Type *lw_part_slot_type(TypeTable *tt, const Type *t);
// for i in IndexLaunch(...) / for q in P; false: not such a loop.
bool lw_part_for(Lower *l, Stmt *s, void (*body)(Lower *, const Block *));
IrValue lw_part_autolaunch(Lower *l, Expr *e);  // a launch of a @task(parallel=True) task

#endif
