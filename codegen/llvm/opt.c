// opt.c - the host target machine (CPU name and features of this machine,
// PIC, optimization level) and the optimization pipeline: LLVM's new pass
// manager "default<ON>" with the loop and SLP vectorizers on at O2/O3, plus
// assembly text for `--stage=asm`. No fast-math: FP results stay bit-equal to
// CPython (reductions vectorize only through the loop metadata of emit_ctrl.c).
#include <stdio.h>
#include <stdlib.h>

#include <llvm-c/Transforms/PassBuilder.h>

#include "cg.h"

void cg_init_native(void) {
  LLVMInitializeNativeTarget();
  LLVMInitializeNativeAsmPrinter();
  LLVMInitializeNativeAsmParser();
}

static LLVMCodeGenOptLevel cg_level(int opt) {
  switch (opt) {
  case 0: return LLVMCodeGenLevelNone;
  case 1: return LLVMCodeGenLevelLess;
  case 2: return LLVMCodeGenLevelDefault;
  default: return LLVMCodeGenLevelAggressive;
  }
}

LLVMTargetMachineRef cg_host_tm(int opt_level, char **err) {
  cg_init_native();
  char *triple = LLVMGetDefaultTargetTriple();
  LLVMTargetRef target;
  char *msg = NULL;
  if (LLVMGetTargetFromTriple(triple, &target, &msg)) {
    if (err) {
      size_t n = strlen(msg ? msg : "") + 64;
      *err = malloc(n);
      snprintf(*err, n, "codegen: no LLVM target for the host: %s", msg ? msg : "");
    }
    LLVMDisposeMessage(msg);
    LLVMDisposeMessage(triple);
    return NULL;
  }
  char *cpu = LLVMGetHostCPUName(), *features = LLVMGetHostCPUFeatures();
  LLVMTargetMachineRef tm = LLVMCreateTargetMachine(target, triple, cpu, features,
                                                    cg_level(opt_level), LLVMRelocPIC,
                                                    LLVMCodeModelDefault);
  LLVMDisposeMessage(cpu);
  LLVMDisposeMessage(features);
  LLVMDisposeMessage(triple);
  if (!tm && err) *err = strdup("codegen: could not create the host target machine");
  return tm;
}

static bool optimize_unit(CgModule *cm, uint32_t index, void *arg, char **err) {
  (void)index;
  (void)arg;
  int level = cm->opts.opt_level;
  if (level < 0) level = 0;
  if (level > 3) level = 3;
  char pipeline[32];
  snprintf(pipeline, sizeof pipeline, "default<O%d>", level);
  LLVMPassBuilderOptionsRef po = LLVMCreatePassBuilderOptions();
  LLVMPassBuilderOptionsSetLoopVectorization(po, level >= 2);
  LLVMPassBuilderOptionsSetSLPVectorization(po, level >= 2);
  LLVMPassBuilderOptionsSetLoopUnrolling(po, level >= 2);
  LLVMPassBuilderOptionsSetLoopInterleaving(po, level >= 2);
  LLVMErrorRef e = LLVMRunPasses(cm->mod, pipeline, cm->tm, po);
  LLVMDisposePassBuilderOptions(po);
  if (e) {
    char *m = LLVMGetErrorMessage(e);
    if (err) {
      size_t n = strlen(m) + 64;
      *err = malloc(n);
      snprintf(*err, n, "codegen: LLVM passes failed: %s", m);
    }
    LLVMDisposeErrorMessage(m);
    return false;
  }
  return true;
}


// Codegen units are optimized on parallel threads (units.c).
bool cg_llvm_optimize(CgModule *cm, char **err) {
  return cg_for_each_unit(cm, optimize_unit, NULL, err);
}
