// jit.c - the in-process JIT: ORC LLJIT for the host CPU (O3 codegen), with
// the runtime's functions defined as absolute symbols from the table in
// emit_rt.c (so the compiler need not export them with -rdynamic) and a
// process search generator for libc/libm. Modules are added to the main
// JITDylib, so two modules in one CgJit must not define the same symbol.
#include <stdio.h>
#include <stdlib.h>

#include <llvm-c/Error.h>
#include <llvm-c/LLJIT.h>

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
  size_t n;
  const CgRtSym *syms = cg_rt_symbols(&n);
  LLVMOrcCSymbolMapPair *pairs = calloc(n, sizeof *pairs);
  for (size_t i = 0; i < n; i++) {
    pairs[i].Name = LLVMOrcLLJITMangleAndIntern(j, syms[i].name);
    pairs[i].Sym.Address = (LLVMOrcExecutorAddress)(uintptr_t)syms[i].addr;
    pairs[i].Sym.Flags.GenericFlags =
        LLVMJITSymbolGenericFlagsExported | LLVMJITSymbolGenericFlagsCallable;
    pairs[i].Sym.Flags.TargetFlags = 0;
  }
  LLVMOrcMaterializationUnitRef mu = LLVMOrcAbsoluteSymbols(pairs, n);
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
  LLVMOrcThreadSafeModuleRef tsm = LLVMOrcCreateNewThreadSafeModule(cm->mod, cm->tsc);
  cm->mod = NULL;  // owned by tsm now
  LLVMOrcJITDylibRef jd = LLVMOrcLLJITGetMainJITDylib(j->jit);
  LLVMErrorRef e = LLVMOrcLLJITAddLLVMIRModule(j->jit, jd, tsm);
  bool ok = !take_error(e, "JIT: cannot add module", err);
  if (!ok) LLVMOrcDisposeThreadSafeModule(tsm);
  cg_llvm_dispose(cm);
  return ok;
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
