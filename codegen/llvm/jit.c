// jit.c - the in-process JIT: ORC LLJIT for the host CPU (O3 codegen), with
// the runtime's functions defined as absolute symbols from the table in
// emit_rt.c (so the compiler need not export them with -rdynamic) and a
// process search generator for libc/libm. Modules are added to the main
// JITDylib, so two modules in one CgJit must not define the same symbol.
// Object files (the disk cache's) are added with cg_jit_add_object: the JIT
// only links them.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <llvm-c/Error.h>
#include <llvm-c/LLJIT.h>

#include "pyc/tasks.h"

#include "cg.h"

struct CgJit {
  LLVMOrcLLJITRef jit;  // owned
};

static bool take_error(LLVMErrorRef e, const char *what, char **err) {
  if (!e) return false;
  char *m = LLVMGetErrorMessage(e);
  if (err) {
    size_t n = strlen(m) + strlen(what) + 16;
    *err = malloc(n);
    snprintf(*err, n, "%s: %s", what, m);
  }
  LLVMDisposeErrorMessage(m);
  return true;
}

CgJit *cg_jit_new(char **err) {
  LLVMTargetMachineRef tm = cg_host_tm(3, err);
  if (!tm) return NULL;
  LLVMOrcLLJITBuilderRef jb = LLVMOrcCreateLLJITBuilder();
  LLVMOrcLLJITBuilderSetJITTargetMachineBuilder(
      jb, LLVMOrcJITTargetMachineBuilderCreateFromTargetMachine(tm));
  LLVMOrcLLJITRef j;
  if (take_error(LLVMOrcCreateLLJIT(&j, jb), "JIT: cannot create LLJIT", err)) return NULL;
  LLVMOrcJITDylibRef jd = LLVMOrcLLJITGetMainJITDylib(j);
  size_t n, ntask;
  const CgRtSym *syms = cg_rt_symbols(&n);
  const PycRtSymbol *tsyms = pyc_task_symbols(&ntask);  // pyc/tasks.h, minus those above
  LLVMOrcCSymbolMapPair *pairs = calloc(n + ntask, sizeof *pairs);
  size_t np = 0;
  for (size_t i = 0; i < n + ntask; i++) {
    const char *nm = i < n ? syms[i].name : tsyms[i - n].name;
    void (*addr)(void) = i < n ? syms[i].addr : (void (*)(void))tsyms[i - n].fn;
    bool dup = false;
    for (size_t k = 0; i >= n && k < n && !dup; k++) dup = strcmp(syms[k].name, nm) == 0;
    if (dup) continue;
    pairs[np].Name = LLVMOrcLLJITMangleAndIntern(j, nm);
    pairs[np].Sym.Address = (LLVMOrcExecutorAddress)(uintptr_t)addr;
    pairs[np].Sym.Flags.GenericFlags =
        LLVMJITSymbolGenericFlagsExported | LLVMJITSymbolGenericFlagsCallable;
    pairs[np++].Sym.Flags.TargetFlags = 0;
  }
  LLVMOrcMaterializationUnitRef mu = LLVMOrcAbsoluteSymbols(pairs, np);
  free(pairs);
  if (take_error(LLVMOrcJITDylibDefine(jd, mu), "JIT: cannot define runtime symbols", err)) {
    LLVMOrcDisposeLLJIT(j);
    return NULL;
  }
  LLVMOrcDefinitionGeneratorRef gen;
  if (take_error(LLVMOrcCreateDynamicLibrarySearchGeneratorForProcess(
                     &gen, LLVMOrcLLJITGetGlobalPrefix(j), NULL, NULL),
                 "JIT: cannot search the process", err)) {
    LLVMOrcDisposeLLJIT(j);
    return NULL;
  }
  LLVMOrcJITDylibAddGenerator(jd, gen);
  CgJit *cj = calloc(1, sizeof *cj);
  cj->jit = j;
  return cj;
}

bool cg_jit_add(CgJit *j, CgModule *cm, char **err) {
  bool ok = true;
  for (CgModule *u = cm; u && ok; u = u->next_unit) {  // every codegen unit
    LLVMOrcThreadSafeModuleRef tsm = LLVMOrcCreateNewThreadSafeModule(u->mod, u->tsc);
    u->mod = NULL;  // owned by tsm now
    LLVMOrcJITDylibRef jd = LLVMOrcLLJITGetMainJITDylib(j->jit);
    LLVMErrorRef e = LLVMOrcLLJITAddLLVMIRModule(j->jit, jd, tsm);
    ok = !take_error(e, "JIT: cannot add module", err);
    if (!ok) LLVMOrcDisposeThreadSafeModule(tsm);
  }
  cg_llvm_dispose(cm);
  return ok;
}

bool cg_jit_add_object(CgJit *j, const void *bytes, size_t size, char **err) {
  if (!bytes || size < 64 || memcmp(bytes, "\177ELF", 4) != 0) {
    if (err) *err = strdup("JIT: cannot add object: not an ELF object file");
    return false;
  }
  // Copied: the JIT owns the buffer (the caller's bytes may be freed next).
  LLVMMemoryBufferRef buf =
      LLVMCreateMemoryBufferWithMemoryRangeCopy(bytes, size, "pyc-task-cached.o");
  LLVMOrcJITDylibRef jd = LLVMOrcLLJITGetMainJITDylib(j->jit);
  LLVMErrorRef e = LLVMOrcLLJITAddObjectFile(j->jit, jd, buf);  // takes buf
  return !take_error(e, "JIT: cannot add object", err);
}

void *cg_jit_lookup(CgJit *j, const char *symbol, char **err) {
  LLVMOrcExecutorAddress addr = 0;
  if (take_error(LLVMOrcLLJITLookup(j->jit, &addr, symbol), "JIT: lookup failed", err)) return NULL;
  return (void *)(uintptr_t)addr;
}

void cg_jit_dispose(CgJit *j) {
  if (!j) return;
  LLVMOrcDisposeLLJIT(j->jit);
  free(j);
}
