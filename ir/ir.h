// ir.h - TIR, the task-region IR: the one header of the IR subsystem.
//
// A module holds struct declarations and functions. A function has typed
// parameters (values %0..%n-1), typed mutable local slots ($name: mem2reg in
// LLVM makes them SSA), and a body block. Control flow is structured: IF,
// LOOP and FOR ops own nested blocks; BREAK/CONTINUE/RET/RAISE end a block.
// Every other value is SSA: defined once by one instruction, visible in its
// block after the definition and in blocks nested below. Memory is explicit
// (LOAD/STORE on arrays). The op table is ops.def; the text form and the
// semantics of each op are specified in docs/ir.md.
//
// Sections: module/build (build.c), printer (print.c), parser (parse.c),
// verifier (verify.c).
#ifndef PYC_IR_IR_H
#define PYC_IR_IR_H

#include "base.h"
#include "diag.h"
#include "types.h"

typedef enum IrOp {
#define X(e, text, nargs, flags) IR_OP_##e,
#include "ops.def"
#undef X
  IR_OP_COUNT
} IrOp;

enum {
  IR_F_PURE = 1 << 0,
  IR_F_READ = 1 << 1,
  IR_F_RAISE = 1 << 2,
  IR_F_TERM = 1 << 3,
  IR_F_BLOCKS1 = 1 << 4,
  IR_F_BLOCKS2 = 1 << 5,
  IR_F_SIDE = 1 << 6,
};

typedef struct IrOpInfo {
  const char *text;
  int nargs;       // -1: variadic
  unsigned flags;
} IrOpInfo;
extern const IrOpInfo ir_op_info[IR_OP_COUNT];

// Task ops (ops.def): encodings of ival.
#define IR_LAUNCH_INDEPENDENT 1   // LAUNCH: proved independent of every op that can run before it (passes/taskgraph.c)
// INDEX_LAUNCH ival: cdim (bits 0-1) | (redop + 1) << 4 (0: no reduction)
// | (param receiving the point ID + 1) << 8 (0: none).
#define IR_INDEX_CDIM(iv) ((unsigned)((iv) & 3))
#define IR_INDEX_REDOP(iv) ((int)(((iv) >> 4) & 15) - 1)
#define IR_INDEX_ID_PARAM(iv) ((int)(((iv) >> 8) & 255) - 1)
#define IR_INDEX_IVAL(cdim, redop, idp) \
  ((int64_t)(cdim) | (int64_t)((redop) + 1) << 4 | (int64_t)((idp) + 1) << 8)
#define IR_REGION_COPY_FIELDS(fs, fd) ((int64_t)(fs) | ((int64_t)(fd) << 8))
// REGION_REDUCE ival: field | redop << 8, redop one of IrRedop.
typedef enum IrRedop { IR_REDOP_ADD, IR_REDOP_MUL, IR_REDOP_MIN, IR_REDOP_MAX, IR_REDOP_COUNT } IrRedop;
extern const char *const ir_redop_text[IR_REDOP_COUNT];  // "+", "*", "min", "max"

// A task's privilege on one region parameter (IrFunc.privs). The modes have
// the values of the runtime's PycPrivilege; `fields` is a mask of the field
// space's fields (bit i = field i; never 0 for a region parameter).
typedef enum IrPrivMode {
  IR_PRIV_N, IR_PRIV_R, IR_PRIV_RW, IR_PRIV_WD, IR_PRIV_REDUCE, IR_PRIV_COUNT
} IrPrivMode;
typedef struct IrPriv {
  uint8_t mode;       // IrPrivMode
  uint8_t redop;      // IrRedop (IR_PRIV_REDUCE)
  uint64_t fields;
} IrPriv;
// Text: N R RW WD reduce.add reduce.mul reduce.min reduce.max
const char *ir_priv_text(const IrPriv *p);

// FOR flags (in IrInst.ival)
#define IR_FOR_PARALLEL 1   // a prange loop
#define IR_FOR_OUTLINE 2    // set by pass parloop: run through pyc_parallel_for; then
                            // sym = its reductions "add $s,min $m" (NULL when none)

typedef uint32_t IrValue;   // index into IrFunc.value_types
#define IR_NOVALUE UINT32_MAX

typedef struct IrBlock IrBlock;

typedef struct IrInst {
  IrOp op;
  const Type *type;   // result type; t_void when the op defines no value
  IrValue result;     // IR_NOVALUE when none
  IrValue *args;      // arena
  uint32_t nargs;
  IrBlock *body[2];   // nested blocks (see ops.def); IF always has both (else may be empty)
  int64_t ival;       // CONST int/bool; DIM/TUPLE_GET/STRUCT_* index; BOUNDSCHECK axis; RAISE kind; FOR flags
  double fval;        // CONST float
  const char *sym;    // CALL callee, BUILTIN name, LGET/LSET local, FMT_STR bytes, FMT_SPEC spec, RAISE message
  uint32_t symlen;    // length of sym in bytes (FMT_STR and RAISE messages may hold any byte)
  SrcLoc loc;         // source span (file SRC_NONE when parsed from text without its source)
  uint32_t line, col; // 1-based, 0 if unknown; what the printer prints
} IrInst;

struct IrBlock {
  Vec(IrInst *) insts;
};

typedef struct IrLocal {
  const char *name;   // interned; hidden temporaries start with '.'
  const Type *type;
} IrLocal;

enum {
  IR_FN_KERNEL = 1 << 0,     // @kernel
  IR_FN_TASK = 1 << 1,       // @task
  IR_FN_TOP_LEVEL = 1 << 2,  // @task(top_level=True): the program entry (main)
  IR_FN_FASTMATH = 1 << 3,   // reassociation allowed: reductions may vectorize
  IR_FN_BOUNDSCHECK = 1 << 4,// lowering emitted BOUNDSCHECK ops
  IR_FN_MAYRAISE = 1 << 5,   // filled by the verifier/analysis: the function may raise
};

typedef struct IrFunc {
  const char *name;           // interned, without '@'
  uint32_t index;             // its position in IrModule.funcs
  uint32_t nparams;           // params are values 0..nparams-1
  const char **param_names;   // arena (for dumps and messages)
  const Type *ret_type;       // t_void for None
  Vec(IrLocal) locals;        // add through ir_local (it keeps local_index)
  HashMap local_index;        // name -> 1 + its index in locals, once there are many (build.c)
  IrBlock *body;
  Vec(const Type *) value_types;  // type of every value, by IrValue
  unsigned flags;             // IR_FN_*
  IrPriv *privs;              // tasks: one per parameter (used for region parameters), or NULL
  SrcLoc loc;
  uint32_t line;
} IrFunc;

typedef struct IrModule {
  Arena *arena;          // not owned: everything below lives in it
  TypeTable *types;      // not owned
  Interner *strs;        // not owned
  const char *source;    // source file path (for error messages of compiled code)
  Vec(const Type *) structs;   // TY_STRUCT declarations, in order
  Vec(IrFunc *) funcs;   // add through ir_func_new only (it keeps by_name)
  HashMap by_name;       // name -> the first IrFunc of that name (ir_module_find)
} IrModule;

// ---- module and builder (build.c) -----------------------------------------
IrModule *ir_module_new(Arena *arena, TypeTable *types, Interner *strs, const char *source);
IrFunc *ir_func_new(IrModule *m, const char *name, const Type **param_types,
                    const char **param_names, uint32_t nparams, const Type *ret_type);
// The function called `name` (the first one, if defined twice), or NULL: a
// hash lookup, so a call site costs O(1) whatever the module's size. Its
// position in m->funcs is ->index (codegen's per-function arrays).
IrFunc *ir_module_find(const IrModule *m, const char *name);
IrBlock *ir_block_new(IrModule *m);
IrValue ir_value_new(IrModule *m, IrFunc *fn, const Type *t);
const Type *ir_value_type(const IrFunc *fn, IrValue v);
// Declare (or find) a local slot; returns its interned name.
const char *ir_local(IrModule *m, IrFunc *fn, const char *name, const Type *t);
// The local called `name`, or NULL: O(1) (a hash lookup) however many
// locals fn has, once the index is in step with fn->locals.
const IrLocal *ir_local_find(const IrFunc *fn, const char *name);
// Rebuilds fn's local index after fn->locals was changed in place (dce
// removes unused locals); lookups stay correct without it, but linear.
void ir_locals_reindex(IrModule *m, IrFunc *fn);

// Append an instruction to blk. A result value is created when `type` is not
// void (and for FOR, whose result is the induction variable). args are copied.
IrInst *ir_emit(IrModule *m, IrFunc *fn, IrBlock *blk, IrOp op, const Type *type,
                const IrValue *args, uint32_t nargs, SrcLoc loc);
// Convenience forms.
IrValue ir_const_int(IrModule *m, IrFunc *fn, IrBlock *blk, const Type *t, int64_t v, SrcLoc loc);
IrValue ir_const_float(IrModule *m, IrFunc *fn, IrBlock *blk, const Type *t, double v, SrcLoc loc);
IrValue ir_binary(IrModule *m, IrFunc *fn, IrBlock *blk, IrOp op, const Type *t, IrValue a,
                  IrValue b, SrcLoc loc);
IrValue ir_unary(IrModule *m, IrFunc *fn, IrBlock *blk, IrOp op, const Type *t, IrValue a,
                 SrcLoc loc);
bool ir_block_terminated(const IrBlock *blk);  // last inst is a terminator
// The instruction defining v in blk or the blocks nested in it (a linear
// search), or NULL: parameters and values of other blocks have none here.
const IrInst *ir_def_of(const IrBlock *blk, IrValue v);
// Set line/col of an instruction from its SrcLoc (needs the source manager).
void ir_set_linecol(IrInst *in, SrcManager *sm);

// ---- printer (print.c) --------------------------------------------------------
void ir_print_module(const IrModule *m, Str *out);
void ir_print_func(const IrModule *m, const IrFunc *fn, Str *out);

// ---- parser (parse.c): the printer's text back into a module ----------------
// Errors go to diags (file id `file` of the text, registered by the caller).
IrModule *ir_parse(Arena *arena, TypeTable *types, Interner *strs, DiagSink *diags,
                   uint32_t file, const char *text, uint32_t len);

// ---- verifier (verify.c) ----------------------------------------------------
// Checks structure and types (operand counts and types, SSA dominance within
// the structured blocks, terminators last, BREAK/CONTINUE inside loops, locals
// declared, callees exist with matching signatures). Reports internal errors
// to diags ("TIR verifier: ..."). Returns true when the module is valid.
bool ir_verify(IrModule *m, DiagSink *diags);
// One function alone (no IR_FN_MAYRAISE computation): used by the pass
// pipeline's per-function "verify" entry.
bool ir_verify_func(IrModule *m, IrFunc *fn, DiagSink *diags);
// Sets IR_FN_MAYRAISE on every function that may raise: a raising op other
// than CALL, or a call of such a function, transitively (callgraph.c; the
// verifier calls it). O(functions + call sites).
void ir_compute_mayraise(IrModule *m);
// Types of one task op (verify_task.c): false with a message in msg.
bool ir_verify_task_op(const IrModule *m, const IrInst *in, const Type **at, char *msg,
                       size_t n);

#endif
