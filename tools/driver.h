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
} PycOptions;

void pyc_options_default(PycOptions *o);

// The dumps of `pyc-task ir --stage=NAME`, in pipeline order.
typedef enum PycStage {
  PYC_STAGE_AST,       // the AST (ast_dump_module)
  PYC_STAGE_TYPED,     // the AST with the checker's types
  PYC_STAGE_TIR,       // TIR as lowered (or as parsed from a .tir file)
  PYC_STAGE_TIR_OPT,   // TIR after the passes
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

// Diagnostics and statistics.
DiagSink *pyc_compiler_diags(PycCompiler *c);
bool pyc_compiler_failed(const PycCompiler *c);
void pyc_compiler_print_diags(PycCompiler *c, FILE *f);  // prints each diagnostic once
double pyc_compiler_phase_ms(const PycCompiler *c, PycPhase p);
// One line per phase that ran, then the compile total (all phases except link
// and run): "time: parse 1.234 ms" ... "time: compile 12.345 ms".
void pyc_compiler_print_times(const PycCompiler *c, FILE *f);

#endif
