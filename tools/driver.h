// driver.h - the pyc-task compiler as a library: the one place that chains
// the stages (frontend -> passes -> codegen) and the one public compiler
// header, used by the `pyc-task` command (tools/main.c) and by the CPython
// extension (python/).
//
// A PycCompiler is one compilation of one source. It owns every piece of
// compiler state (Arena, SrcManager, DiagSink, TypeTable, Interner, the LLVM
// module and the JIT) and releases all of it in pyc_compiler_delete. Nothing
// here exits, aborts on user errors or keeps global state, so it can run many
// times inside a long-lived process.
//
// Stages run on demand and in order: asking for a later stage runs the earlier
// ones first. Every stage function returns false when the compile failed (at
// that stage or before); the reasons are diagnostics, printed with
// pyc_compiler_print_diags. A source whose name ends in ".tir" is read as TIR
// text (ir_parse) and skips the frontend.
#ifndef PYC_TOOLS_DRIVER_H
#define PYC_TOOLS_DRIVER_H

#include "../ir/diag.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#define PYC_VERSION_STRING "0.1.0"

// Options of one compilation. Zero-initialised is not the default: call
// pyc_options_default first.
typedef struct PycOptions {
  int opt_level;           // 0..3, default 3 (LLVM default<ON>)
  bool boundscheck;        // IndexError on out-of-bounds array indices
  bool fastmath;           // allow FP reassociation everywhere (reductions vectorize)
  bool verify_each;        // run the TIR verifier after every pass
  const char *passes;      // comma-separated pass list; NULL = the default pipeline ("" = none)
  const char *rt_lib_dir;  // runtime library dir for executables; NULL = $PYC_TASK_RT_LIB_DIR
                           // or the build tree's lib dir (not owned)
  // Per-function fallback (the Python decorators): a compiled function whose
  // check reports errors is dropped (treated as plain Python, not compiled)
  // together with the compiled functions that call it, and the rest of the
  // module compiles. The errors move from the DiagSink to the dropped list
  // (pyc_compiler_dropped). Errors outside any compiled function (syntax,
  // imports, module level) still fail the compilation. Default false.
  bool drop_failed_functions;
  // Executables (pyc_compiler_build_executable): the module is compiled as
  // this many codegen units on parallel threads (codegen/llvm/units.c; at
  // most one per function). 0 = one per online CPU (at most 8), fewer for a
  // small module; 1 = one unit. The LLVM dumps use N units only when N > 1
  // is given (the modules one after the other); the JIT and single object
  // files always use one unit.
  int codegen_units;
} PycOptions;

void pyc_options_default(PycOptions *o);

// The dumps of `pyc-task ir --stage=NAME`, in pipeline order.
typedef enum PycStage {
  PYC_STAGE_AST,       // the AST (ast_dump_module)
  PYC_STAGE_TYPED,     // the AST with the checker's types
  PYC_STAGE_TIR,       // TIR as lowered (or as parsed from a .tir file)
  PYC_STAGE_TIR_OPT,   // TIR after the passes
  PYC_STAGE_TASKGRAPH, // the top-level task's launch graph, Graphviz DOT (passes/taskgraph.c)
  PYC_STAGE_LLVM,      // LLVM IR before LLVM's optimizer
  PYC_STAGE_LLVM_OPT,  // LLVM IR after default<ON>
  PYC_STAGE_ASM,       // host assembly
  PYC_STAGE_COUNT
} PycStage;

const char *pyc_stage_name(PycStage s);  // "ast", "typed", ...
bool pyc_stage_lookup(const char *name, PycStage *out);

// Timed phases (milliseconds, wall clock). PYC_PHASE_LINK and PYC_PHASE_RUN
// are outside "compile" in pyc_compiler_print_times' total.
typedef enum PycPhase {
  PYC_PHASE_READ,      // reading the file
  PYC_PHASE_PARSE,     // fe_parse (or ir_parse for .tir)
  PYC_PHASE_CHECK,     // fe_check
  PYC_PHASE_LOWER,     // fe_lower
  PYC_PHASE_PASSES,    // TIR passes
  PYC_PHASE_CODEGEN,   // TIR -> LLVM IR
  PYC_PHASE_LLVM_OPT,  // LLVM's optimizer
  PYC_PHASE_JIT,       // JIT: add + lookup (machine code)
  PYC_PHASE_OBJECT,    // object file (machine code)
  PYC_PHASE_LINK,      // cc: linking the executable
  PYC_PHASE_RUN,       // running main()
  PYC_PHASE_COUNT
} PycPhase;

typedef struct PycCompiler PycCompiler;

// A fresh compilation with a copy of *opts (NULL = defaults). NULL only when
// out of memory.
PycCompiler *pyc_compiler_new(const PycOptions *opts);
// Releases everything, including JIT-compiled code: addresses from
// pyc_compiler_lookup are invalid afterwards.
void pyc_compiler_delete(PycCompiler *c);

// The source: a file (read now) or a buffer (copied). `name` is the name used
// in diagnostics and in runtime error messages; a name ending in ".tir" means
// TIR text. Exactly one source per compilation; false with a diagnostic on an
// I/O error.
bool pyc_compiler_load_file(PycCompiler *c, const char *path);
bool pyc_compiler_load_buffer(PycCompiler *c, const char *name, const char *text, size_t len);
bool pyc_compiler_is_tir(const PycCompiler *c);

// The stages. Each runs the earlier stages first if needed and is a no-op when
// already done. parse/check are skipped (true) for TIR input; check on TIR
// input runs the verifier.
bool pyc_compiler_parse(PycCompiler *c);
bool pyc_compiler_check(PycCompiler *c);
bool pyc_compiler_lower(PycCompiler *c);
bool pyc_compiler_passes(PycCompiler *c);
bool pyc_compiler_codegen(PycCompiler *c);   // LLVM IR, not yet optimized
bool pyc_compiler_optimize(PycCompiler *c);  // LLVM's optimizer at opt_level

// The text of a stage's output (malloc'd, caller frees), running the pipeline
// up to it; NULL on errors. Stages only move forward: asking for a stage the
// compilation has already gone past (e.g. "tir" after the passes ran) is an
// error.
char *pyc_compiler_dump(PycCompiler *c, PycStage stage);

// Outputs. Each runs the whole pipeline first.
bool pyc_compiler_write_object(PycCompiler *c, const char *path);
// Object in a temporary directory, then `cc` with libpyctask_main.a and
// libpyctask_rt.a. The temporary files are removed.
bool pyc_compiler_build_executable(PycCompiler *c, const char *out_path);
// JIT-compile the module (once) and return the address of `symbol` (e.g.
// "pyk_saxpy", "pyc_user_main"); NULL with a diagnostic if it is missing.
void *pyc_compiler_lookup(PycCompiler *c, const char *symbol);
// JIT-compile and run the program's main() under the runtime (pyc_run_main:
// an uncaught exception is printed as `file:line: Kind: message`). Returns the
// program's exit status (0, or 1 after an uncaught exception), or -1 when the
// program could not be compiled (diagnostics say why). argv[0] should be the
// script's name.
int pyc_compiler_run_main(PycCompiler *c, int argc, char **argv);

// ---- the Python boundary (python/_core, docs/python.md) ----------------------
// Functions left out by drop_failed_functions, in the order they were dropped.
// Everything points into the compilation (valid until pyc_compiler_delete).
typedef struct PycDropped {
  const char *name;      // the Python function name
  const char *message;   // the first error's message
  const char *file;      // source name of that error
  uint32_t line, col;    // 1-based; col counts code points (SyntaxError.offset)
  const char *text;      // that source line, without its newline
  const char *rendered;  // every error of the function, rendered as pyc-task prints them
} PycDropped;
size_t pyc_compiler_dropped_count(const PycCompiler *c);
const PycDropped *pyc_compiler_dropped(const PycCompiler *c, size_t i);  // NULL past the end

// The signature of every compiled function (@kernel/@task) of the module,
// running the pipeline up to the TIR passes: malloc'd text (caller frees),
// NULL on errors. One line per function, fields separated by TABs:
//   name  param types  return type  param names  flags
// Types in IR spelling (i64, f64, bool, array<f64,1>, array<f64,2,C>,
// tuple<i64,f64>, struct@Cell, void), params separated by top-level commas
// (a tuple's own commas are inside <>), names separated by commas; both
// fields empty for no parameters. Flags: comma-separated tokens, any of
// `kernel` `task` `top_level` `mayraise`, and `wN` when parameter N (0-based)
// may be written through (a STORE into it or a view of it, here or in a
// callee). The JIT symbol of `name` is `pyk_<name>`.
char *pyc_compiler_signatures(PycCompiler *c);

// ---- object code and the disk cache (tools/cache.h, tools/driver_cache.c) ----
// The optimized module as an ELF object file in memory (malloc'd, *size
// bytes; caller frees), running the whole pipeline; NULL on errors. Not
// available once the module was handed to the JIT.
void *pyc_compiler_object_bytes(PycCompiler *c, size_t *size);
// JIT-link an object file (from pyc_compiler_object_bytes or the disk cache)
// as this compilation's code, without the frontend or LLVM's optimizer: the
// stages are skipped and pyc_compiler_lookup/run_main use the object. Only
// before anything else was JIT-compiled; false with a diagnostic on errors.
bool pyc_compiler_jit_object(PycCompiler *c, const void *bytes, size_t size);
// The loaded source: its text (*len bytes) and name; NULL before a load.
const char *pyc_compiler_source(const PycCompiler *c, size_t *len, const char **name);
const PycOptions *pyc_compiler_options(const PycCompiler *c);

// Diagnostics and statistics.
DiagSink *pyc_compiler_diags(PycCompiler *c);
bool pyc_compiler_failed(const PycCompiler *c);
void pyc_compiler_print_diags(PycCompiler *c, FILE *f);  // prints each diagnostic once
double pyc_compiler_phase_ms(const PycCompiler *c, PycPhase p);
// One line per phase that ran, then the compile total (all phases except link
// and run): "time: parse 1.234 ms" ... "time: compile 12.345 ms".
void pyc_compiler_print_times(const PycCompiler *c, FILE *f);

#endif
