// codegen.h - TIR -> native code through the LLVM 16 C API.
// Takes a verified IrModule; gives LLVM IR text, assembly, object files, an
// in-process JIT (ORC LLJIT), and executables linked with the system `cc`
// against libpyctask_rt. Reads IR only, never frontend data.
//
// Symbols: a TIR function @f becomes the C-ABI function `pyk_f` (scalars as
// their C types, bool as i1/uint8, arrays as a pointer to a PycArrayN struct
// described in docs/ir.md, tuples/structs returned through a hidden sret
// pointer). The top-level main() also gets `void pyc_user_main(void)`, which
// the runtime's main stub (libpyctask_main) and `pyc-task run` call.
#ifndef PYC_CODEGEN_CODEGEN_H
#define PYC_CODEGEN_CODEGEN_H

#include "../ir/ir.h"

typedef struct CgOptions {
  int opt_level;       // 0..3 (default 3)
  bool fastmath;       // allow reassociation everywhere (else only IR_FN_FASTMATH functions)
  int units;           // codegen units: this many LLVM modules (at most one per function),
                       // optimized and compiled on parallel threads (codegen/llvm/units.c);
                       // 0 or 1: one. A module with tasks is never split.
  bool units_by_size;  // fewer units for a small module (splitting would not pay)
} CgOptions;

typedef struct CgModule CgModule;   // an LLVM context + module + target machine (opaque)

// Translate; NULL with a message in *err (malloc'd) on failure (internal error).
CgModule *cg_llvm_emit(IrModule *m, const CgOptions *opts, char **err);
// Run LLVM's default<O0..O3> pipeline for the host CPU (vectorizers on at O2/O3).
bool cg_llvm_optimize(CgModule *cm, char **err);
char *cg_llvm_ir_text(CgModule *cm);            // malloc'd
char *cg_llvm_asm_text(CgModule *cm, char **err);// malloc'd
bool cg_llvm_write_object(CgModule *cm, const char *path, char **err);  // one unit only
// The number of codegen units the module got (1 unless CgOptions.units > 1).
int cg_llvm_unit_count(const CgModule *cm);
// One object file per unit (paths[u]), compiled on parallel threads.
bool cg_llvm_write_objects(CgModule *cm, const char *const *paths, char **err);
// The object file in memory (malloc'd, *size bytes); NULL with *err on failure.
// Same bytes as cg_llvm_write_object (one unit only). The disk cache stores them.
void *cg_llvm_object_bytes(CgModule *cm, size_t *size, char **err);
void cg_llvm_dispose(CgModule *cm);

typedef struct CgJit CgJit;
CgJit *cg_jit_new(char **err);
bool cg_jit_add(CgJit *j, CgModule *cm, char **err);   // consumes cm (even on failure)
// Add an object file (bytes copied; e.g. from cg_llvm_object_bytes or the disk
// cache): only JIT-linking, no LLVM optimization or code generation. The
// runtime symbols are defined as for cg_jit_add. A malformed object is an
// error in *err, not a crash.
bool cg_jit_add_object(CgJit *j, const void *bytes, size_t size, char **err);
void *cg_jit_lookup(CgJit *j, const char *symbol, char **err);
void cg_jit_dispose(CgJit *j);

// The host target: triple, CPU name and CPU features, as LLVM reports them
// (malloc'd strings; part of the disk cache key).
char *cg_host_description(void);

// Link objects into an executable with `cc`, against libpyctask_main.a and
// libpyctask_rt.a found in rt_lib_dir.
bool cg_link_executable(const char *const *objects, int nobjects, const char *out,
                        const char *rt_lib_dir, char **err);

#endif
