// cg.h - private header of the LLVM backend (codegen/llvm/*.c).
//
// Sections: the CgModule object and the per-function emitter state (emit.c),
// LLVM type mapping and helpers (emit.c), instructions (emit_inst.c),
// structured control flow (emit_ctrl.c), runtime declarations and their
// addresses for the JIT (emit_rt.c), target machine and passes (opt.c).
//
// ABI (also in docs/architecture.md): TIR function @f is the C function
// `pyk_f`. Scalars by value (bool = `zeroext i1`, i.e. C `bool`); arrays,
// tuples and structs as parameters: a pointer to their memory struct
// (borrowed; the callee does not keep it). Array/tuple/struct results: a
// hidden `sret` pointer as the first parameter, the function returns void;
// the caller receives an owned reference to every array inside. Memory
// layout of TIR types: bool is one byte (0/1), tuples and structs are LLVM
// literal structs (= the C struct with the same members), an array of rank N
// is `struct { void *meminfo; void *data; int64_t shape[N]; int64_t
// strides[N]; }` with strides counted in elements.
#ifndef PYC_CODEGEN_LLVM_CG_H
#define PYC_CODEGEN_LLVM_CG_H

#include <llvm-c/Core.h>
#include <llvm-c/Orc.h>
#include <llvm-c/Target.h>
#include <llvm-c/TargetMachine.h>

#include "../codegen.h"

// What every codegen unit needs to know of each function, computed once.
typedef struct CgFnFlags {
  bool mayraise;  // computed may-raise (ir_compute_mayraise)
  bool loops;     // its body holds a loop (cg_block_has_loop)
} CgFnFlags;

struct CgModule {
  LLVMOrcThreadSafeContextRef tsc;  // owned (NULL once handed to the JIT)
  LLVMContextRef ctx;               // owned by tsc
  LLVMModuleRef mod;                // owned (NULL once handed to the JIT)
  LLVMTargetMachineRef tm;          // owned: host machine
  CgOptions opts;
  IrModule *ir;                     // not owned
  LLVMValueRef *fn_values;          // malloc'd: LLVM function of ir->funcs[i]
  const CgFnFlags *fn_flags;        // of ir->funcs[i]: malloc'd and owned by the first
                                    // unit (freed by cg_llvm_dispose), shared read-only
                                    // by the others
  LLVMValueRef file_str;            // global: the source path, NUL-terminated
  char *err;                        // first internal error (malloc'd)
  CgModule *next_unit;              // owned: the next codegen unit (units.c), or NULL
};

// One loop of the structured nesting: where BREAK and CONTINUE go.
typedef struct CgLoop {
  LLVMBasicBlockRef brk, cont;
  struct CgLoop *outer;
} CgLoop;

// Per-function emission state.
typedef struct CgFn {
  CgModule *cm;
  IrFunc *fn;
  LLVMValueRef llfn;
  LLVMBuilderRef b;
  LLVMValueRef *vals;           // malloc'd: IrValue -> LLVM value
  LLVMValueRef *slots;          // malloc'd: local index -> alloca
  LLVMValueRef sret;            // sret pointer parameter or NULL
  LLVMBasicBlockRef err_exit;   // created on first use
  CgLoop *loop;                 // innermost loop
  bool fast_loops;              // mark FOR loops vectorize.enable
  struct CgTaskCache *task;     // emit_task.c: entry-block loads of region parameters
  bool dead;                    // current block already terminated
  bool outlined;                // an outlined prange body (emit_parfor.c): returns void
  LLVMValueRef intr_flag;       // emit_poll.c: the interrupt flag's address (entry block)
} CgFn;

// ---- units.c: codegen units compiled on parallel threads -----------------------
enum { CG_UNIT_OWN = 1, CG_UNIT_COPY = 2 };
// How many units (`requested`, at most one per function; with by_size fewer
// for a small module: *nunits) and what each defines: result[u * nfuncs + i]
// is 0, CG_UNIT_OWN or CG_UNIT_COPY (malloc'd).
uint8_t *cg_plan_units(const IrModule *m, int requested, bool by_size,
                       uint32_t *nunits);
// Runs fn(unit, index, arg) for every unit of cm's chain, the units after the
// first on their own threads; false with the first failure's message in *err.
typedef bool (*CgUnitFn)(CgModule *unit, uint32_t index, void *arg, char **err);
bool cg_for_each_unit(CgModule *cm, CgUnitFn fn, void *arg, char **err);

// ---- emit.c ------------------------------------------------------------------
void cg_fail(CgModule *cm, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
LLVMTypeRef cg_type(CgModule *cm, const Type *t);       // register type (bool = i1)
LLVMTypeRef cg_mem_type(CgModule *cm, const Type *t);   // memory type (bool = i8)
bool cg_type_has_array(const Type *t);
bool cg_is_aggregate(const Type *t);                    // array, tuple or struct
LLVMValueRef cg_const_i64(CgModule *cm, int64_t v);
LLVMValueRef cg_const_i32(CgModule *cm, int32_t v);
LLVMValueRef cg_cstring(CgModule *cm, const char *s, uint32_t len);  // private global, NUL added
LLVMBasicBlockRef cg_block(CgFn *f, const char *name);
LLVMValueRef cg_entry_alloca(CgFn *f, LLVMTypeRef t, const char *name);
// Register value <-> memory value (bool i1 <-> i8; aggregates unchanged).
LLVMValueRef cg_to_mem(CgFn *f, const Type *t, LLVMValueRef v);
LLVMValueRef cg_from_mem(CgFn *f, const Type *t, LLVMValueRef v);
// incref (inc) or decref every array inside v of type t
void cg_refcount(CgFn *f, const Type *t, LLVMValueRef v, bool inc);
void cg_decref_slots(CgFn *f);
// numpy's IndexError ("index 5 is out of bounds for axis 0 with size 3", the
// index as the user wrote it) through pyc_err_index, then the error exit.
void cg_raise_index(CgFn *f, IrInst *in, LLVMValueRef shown, int64_t axis, LLVMValueRef size);
LLVMBasicBlockRef cg_err_exit(CgFn *f);
// Branch to the error exit when pyc_err_occurred() != 0 (set_loc: also add
// this instruction's location to the pending exception).
void cg_check_err(CgFn *f, const IrInst *in, bool set_loc);
// Same with an explicit condition (true = an exception is pending).
void cg_err_if(CgFn *f, const IrInst *in, LLVMValueRef cond, bool set_loc);
// Raise kind with a constant message at in's line and go to the error exit.
void cg_raise_const(CgFn *f, const IrInst *in, int kind, const char *msg);
// if (cond) { raise kind msg } (continues in the fall-through block)
void cg_raise_if(CgFn *f, const IrInst *in, LLVMValueRef cond, int kind, const char *msg);
LLVMValueRef cg_line(const IrInst *in, CgModule *cm);

// ---- emit_inst.c -------------------------------------------------------------
void cg_emit_inst(CgFn *f, IrInst *in);
LLVMValueRef cg_intrinsic(CgFn *f, const char *name, LLVMTypeRef *over, unsigned nover,
                          LLVMValueRef *args, unsigned nargs);
LLVMValueRef cg_cast(CgFn *f, const Type *from, const Type *to, LLVMValueRef v);
LLVMValueRef cg_to_f64(CgFn *f, const Type *t, LLVMValueRef v);
LLVMValueRef cg_to_i64(CgFn *f, const Type *t, LLVMValueRef v);

// ---- emit_array.c -------------------------------------------------------------
LLVMValueRef cg_elem_addr(CgFn *f, IrInst *in);   // LOAD/STORE: arg0 array, then indices
LLVMValueRef cg_emit_array_new(CgFn *f, IrInst *in);
void cg_emit_boundscheck(CgFn *f, IrInst *in);

// ---- emit_task.c: regions, launches, futures (issue 4) -------------------------
bool cg_emit_task_inst(CgFn *f, IrInst *in, LLVMValueRef *out);  // false: not a task op
void cg_task_fence(CgFn *f);      // top-level task of a module with tasks: pyc_runtime_fence
void cg_task_fn_end(CgFn *f);     // frees the per-function cache
bool cg_module_uses_tasks(const IrModule *m);
void cg_task_wrappers(CgModule *cm);  // `pyt_<task>` (PycTaskFn) for every launchable task
// The blob and PycReq array of a launch whose parameters start at operand
// `first`; returns the task's wrapper (NULL after cg_fail).
LLVMValueRef cg_task_launch_args(CgFn *f, IrInst *in, uint32_t first, LLVMValueRef *blob,
                                 LLVMValueRef *reqs, uint32_t *nreg, uint32_t *nscal);

// ---- emit_partition.c: partitions and index launches (issue 5) -----------------
bool cg_emit_partition_inst(CgFn *f, IrInst *in, LLVMValueRef *out);  // false: not one

// ---- emit_builtin.c ----------------------------------------------------------
LLVMValueRef cg_emit_builtin(CgFn *f, IrInst *in);

// ---- emit_ctrl.c -------------------------------------------------------------
void cg_emit_block(CgFn *f, IrBlock *blk);
bool cg_emit_ctrl(CgFn *f, IrInst *in);   // false if `in` is not a control op
void cg_emit_ret(CgFn *f, LLVMValueRef v, const Type *t);
// !llvm.loop vectorize.enable on a loop's back edge (fastmath loops).
void cg_mark_vectorize(CgFn *f, LLVMValueRef br);
// `for iv in range(lo, hi, step)` running in->body[0] with interrupt polls
// (strip-mined when the body holds no loop); the loop value is iv, or
// base + iv*scale when base is given (prange's outlined chunks).
void cg_emit_range(CgFn *f, IrInst *in, LLVMValueRef lo, LLVMValueRef hi, LLVMValueRef step,
                   LLVMValueRef base, LLVMValueRef scale);

// ---- emit_poll.c: interrupt polls -------------------------------------------
// Address of the runtime's interrupt flag (one call in the entry block).
LLVMValueRef cg_interrupt_flag(CgFn *f);
// if (*flag) { pyc_raise_interrupt(file, in's line); goto error exit }
void cg_poll_interrupt(CgFn *f, const IrInst *in);
// Whether a block contains a FOR or LOOP at any depth.
bool cg_block_has_loop(const IrBlock *blk);

// ---- emit_parfor.c -----------------------------------------------------------
// A FOR with IR_FOR_OUTLINE: outline the body, call pyc_parallel_for.
void cg_emit_parfor(CgFn *f, IrInst *in);

// ---- emit_rt.c ---------------------------------------------------------------
// Declares (once) and returns the runtime function `name` (a pyc_* name from
// the table in emit_rt.c); *fty gets its type for LLVMBuildCall2.
LLVMValueRef cg_rt(CgModule *cm, const char *name, LLVMTypeRef *fty);
LLVMValueRef cg_rt_call(CgFn *f, const char *name, LLVMValueRef *args, unsigned nargs);
bool cg_rt_known(const char *name);
// Every runtime function codegen may call, with its address in this process.
typedef struct CgRtSym {
  const char *name;
  void (*addr)(void);   // the function, cast
  const char *sig;   // result then parameters: v void, i i32, l i64, d f64, f f32, p ptr
} CgRtSym;
const CgRtSym *cg_rt_symbols(size_t *count);

// ---- opt.c -------------------------------------------------------------------
LLVMTargetMachineRef cg_host_tm(int opt_level, char **err);
void cg_init_native(void);

#endif
