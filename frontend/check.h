// check.h - private to the checker (check.c, check_expr.c, check_call.c,
// check_stmt.c, annot.c, builtins.c): the checker's context, the
// per-function state and the tables of library names. Nothing else includes
// it; the contract with lowering is the set of annotation fields in ast.h.
#ifndef PYC_FRONTEND_CHECK_H
#define PYC_FRONTEND_CHECK_H

#include "frontend.h"

typedef struct FnState FnState;

// Limits that keep the lowered TIR within the verifier's nesting bound (1000
// blocks) with a clear diagnostic instead: statement blocks nested in one
// function (an elif nests one more if), operands of one and/or or of one
// chained comparison (each nests a block when lowered).
#define FE_MAX_BLOCK_DEPTH 400
#define FE_MAX_CHAIN 256
// Elements of a tuple value: LLVM's optimizer is far worse than linear in the
// size of one aggregate (256 elements: 2 s, 1,000: 2 minutes at -O3).
#define FE_MAX_TUPLE 100
// Function checks nested to infer return types (a call to a function not
// checked yet checks it first): deeper chains need annotated return types.
#define FE_MAX_CHECK_NESTING 100

// The whole-module checker context (one per fe_check call).
typedef struct Checker {
  FeCtx *fe;                 // not owned
  Module *mod;               // not owned
  TypeTable *tt;             // = fe->types
  // Module-level bindings (imports, functions, classes, constants): interned
  // source name -> Symbol (whose `name` is canonical for library symbols:
  // `np` -> SYM_MODULE "numpy", `sqrt` -> "math.sqrt"); a later binding of a
  // name replaces the earlier one.
  HashMap globals;
  FnState *fs;               // innermost function being checked (NULL between functions)
  Vec(Symbol *) poisoned;    // locals whose type changed (an error): later uses stay quiet
  HashMap pyglobals;  // module-level variables that are not constants (Python-only): name -> name
  HashMap first_class;  // class name -> the first ClassDef of that name in the module
} Checker;

// State of one function body check. Checks nest when a call needs the
// return type of a function that was not checked yet.
struct FnState {
  FuncDef *fn;
  FnState *outer;        // the check that asked for this one
  Symbol **params;       // one per parameter (arena)
  Vec(Expr *) assigned;  // EX_NAME targets of every assignment in the body (pre-scan)
  // With many names (check_stmt.c): name -> the local Symbol (fn->locals),
  // name -> the first of `assigned`; empty while a linear search is as fast.
  HashMap local_index, first_assigned;
  bool ret_weak_int;     // the first return gave an int literal (a later float return upgrades)
  bool ret_used;         // a recursive call read ret_ty before the body was done
  uint32_t loop_depth;
  uint32_t block_depth;  // nested statement blocks (ck_block), bounded by FE_MAX_BLOCK_DEPTH
  bool has_ret;    // a `return` was seen (ret_ty set from it, or left NULL after its error)
  SrcLoc ret_loc;  // that first return (for mismatch notes)
};

// ---- check.c ---------------------------------------------------------------
// Error helpers: every semantic diagnostic goes through these.
Diag *ck_error(Checker *ck, SrcLoc loc, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
void ck_note(Checker *ck, Diag *d, SrcLoc loc, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
const char *ck_tyname(Checker *ck, const Type *t);  // user spelling ("float64[:]")
const char *ck_src(Checker *ck, SrcLoc loc);  // the source text of a span (arena copy, shortened)
Symbol *ck_sym_new(Checker *ck, SymKind kind, const char *name, const Type *ty, SrcLoc loc);
Symbol *ck_global(Checker *ck, const char *name);  // module-level lookup, NULL if unbound
bool ck_is_pyglobal(const Checker *ck, const char *name);  // in ck->pyglobals (interned name)?
// Makes sure `fn`'s signature and (if possible) body were checked, so that
// fn->ret_ty is known; returns false if the return type is still unknown
// (recursion without an annotation and no earlier return).
bool ck_need_func(Checker *ck, FuncDef *fn);

// ---- annot.c ----------------------------------------------------------------
// Type of an annotation expression, or NULL after a diagnostic.
// `allow_none`: a return annotation (None -> void).
const Type *ck_annot(Checker *ck, Expr *e, bool allow_none);
// A type expression used as a value (dtype=..., the callee of a cast): the
// scalar type or NULL (no diagnostic).
const Type *ck_scalar_type_expr(Checker *ck, Expr *e);

// ---- builtins.c ---------------------------------------------------------------
// Scalar type spelled by a name (float64, f64, int, bool_, double...), NULL if none.
const Type *fe_scalar_name(TypeTable *tt, const char *name);
unsigned fe_point_name(const char *name);  // int1d / int2d / int3d: 1..3, else 0

typedef enum MathRet { MR_F64, MR_I64, MR_BOOL, MR_ARG, MR_FREXP, MR_MODF } MathRet;
typedef struct MathFn {
  const char *name;    // "sqrt" (canonical name "math.sqrt")
  const char *args;    // one code per parameter: F float64, I int64, N numeric kept as is
  uint8_t nmin, nmax;  // argument counts (nmax 255: variadic, repeating the last code)
  MathRet ret;
} MathFn;
const MathFn *fe_math_fn(const char *name);
// math.pi & co: value, or false if not a math constant.
bool fe_math_const(const char *name, double *val);
// Exception class names -> PycExcKind, or -1.
int fe_exception_kind(const char *name);
const char *fe_exception_list(void);
// A Python builtin outside the subset (sum, enumerate, ...): a hint ("" if
// none), or NULL if `name` is not one.
const char *
fe_unsupported_builtin(const char *name);  // "ValueError, ZeroDivisionError, ..." for messages
// Module members: resolves `module.member` (module canonical: "math", "numpy",
// "pyc_task") to a new symbol, or NULL if the module has no such member we support.
Symbol *ck_module_member(Checker *ck, const char *module, const char *member, SrcLoc loc);
// Canonical module name for an import ("np" is not a module: "numpy"),
// or NULL when the module is unknown to the compiler.
const char *fe_known_module(const char *name);

// ---- check_expr.c -------------------------------------------------------------
// Checks `e` as a value; returns its type (also stored in e->ty), NULL after
// an error (callers stay quiet about NULL operands to avoid cascades).
const Type *ck_expr(Checker *ck, Expr *e);
// Lookup of a name in the current function, then the module, then builtins.
Symbol *ck_lookup(Checker *ck, const char *name);
// The module an expression names (SYM_MODULE; sets name.sym), or NULL; no diagnostics.
Symbol *ck_module_sym(Checker *ck, Expr *e);
// Common operand type of l and r with Python literals weak (NEP 50).
const Type *ck_promote_weak(Checker *ck, const Expr *l, const Type *lt, const Expr *r,
                            const Type *rt);
// Value of a (possibly negated) int literal.
bool ck_const_int(const Expr *e, int64_t *v);
// Python int/float literals (possibly negated): "weak" in promotions (NEP 50).
bool ck_is_weak_int(const Expr *e);
bool ck_is_weak_float(const Expr *e);
// Result type of `l op r` for arithmetic (sets nothing); NULL + diagnostic if invalid.
const Type *ck_binop_type(Checker *ck, BinOp op, Expr *l, Expr *r, SrcLoc loc, const Type **opty);
// Can a value of type `from` (expression `e`, for literal weakness) flow into
// a place of type `to`? `lenient`: array element stores (numpy casting on assignment).
bool ck_convertible(Checker *ck, const Expr *e, const Type *from, const Type *to, bool lenient);
// Checks the message of raise/assert: string literal, f-string.
void ck_message(Checker *ck, Expr *msg, const char *what);

// ---- check_call.c ---------------------------------------------------------------
// Checks a call; `raise_operand`: an exception constructor is allowed.
const Type *ck_call(Checker *ck, Expr *e, bool raise_operand);
// Checks a call that must be a for-loop iterable: range/prange. False after
// a diagnostic (or when `e` is not such a call: then nothing is reported
// and *is_range is false).
bool ck_range_call(Checker *ck, Expr *e, bool *is_range);
// Checks print() / message f-strings (in check_expr.c).
bool ck_printable(const Type *t);  // print() / f-string values: scalars, tuples of them
void ck_fstring(Checker *ck, Expr *e);

// ---- check_task.c: regions, futures, privileges, launches --------------------
// Region[Fields, ndim], Region[{'x': float64}], Future[T]; g is the generic's name.
const Type *ck_task_annot(Checker *ck, Expr *e, const char *g);
// Reads fn->privileges against the region parameters into fn->privs.
void ck_task_signature(Checker *ck, FuncDef *fn);
// r.ispace / r.ispace.volume / r.ispace.bounds / r.u (vt: the value's type).
const Type *ck_task_attr(Checker *ck, Expr *e, const Type *vt);
// r.u[i, j]
const Type *ck_task_subscript(Checker *ck, Expr *e, bool *handled);
// Region(...), fill(...), copy(...) (canon: "pyc_task.Region" ...); NULL when
// `canon` is not one of them (*handled false).
const Type *ck_task_builtin(Checker *ck, Expr *e, const char *canon, bool *handled);
// f.get(): *handled false when e is not a .get() call on a non-module value.
const Type *ck_task_method(Checker *ck, Expr *e, bool *handled);
// The loop variable type of `for i in r.ispace` (NULL if `it` is not that).
const Type *ck_task_for(Checker *ck, Expr *it);

// ---- check_partition.c: partitions and index launches (issue 5) ------------------
const Type *ck_part_method(Checker *ck, Expr *e, bool *handled);     // Partition.equal(...)
const Type *ck_part_subscript(Checker *ck, Expr *e, bool *handled);  // P[i], P[i, j], P[c]
const Type *ck_part_index_launch(Checker *ck, Expr *e);              // index_launch(...)
const Type *ck_part_for(Checker *ck, Expr *it);  // IndexLaunch([n]) / P as a loop iterable, or NULL
void ck_part_for_done(Checker *ck, Stmt *s);     // verifies an IndexLaunch loop after its body
const Type *ck_part_attr(Checker *ck, Expr *e, const Type *vt);  // P.color_space(.volume/.bounds)
void ck_part_discarded(Checker *ck, Expr *e);  // an expression statement: index_launch's map unused
// check_autopart.c: @task(parallel=True): the affine-access analysis that
// sets fn->autopart, or compile errors naming the access that stops it.
void ck_autopart(Checker *ck, FuncDef *fn);
// check_alias.c: a changed @fieldspace variable must not share its object
// with any other name under CPython (parameters, copies, calls handing it
// back): compile errors, since compiled code copies struct values. Run after
// every body is checked (fe_check).
void ck_alias(Checker *ck, FuncDef *fn);

// ---- check_stmt.c -------------------------------------------------------------
void ck_block(Checker *ck, Block *b);
// The current function's own local `name` (not a parameter), or NULL; and
// the first assignment target naming it (pre-scan), or NULL. Both O(1).
Symbol *ck_local_find(Checker *ck, const char *name);
Expr *ck_first_assigned(Checker *ck, const char *name);
uint32_t ck_check_nesting(const Checker *ck);  // function checks in progress (FnState chain)
void ck_func_body(Checker *ck, FuncDef *fn);

#endif
