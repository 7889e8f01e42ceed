// object.c - machine code out of a CgModule: assembly text (`--stage=asm`),
// object files, and executables linked with the system `cc` against the
// runtime archives (posix_spawnp, no shell; the linker's stderr is captured
// into the error message). Object bytes in memory for the disk cache, and the
// host description (triple, CPU, features) that is part of its key.
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <fcntl.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cg.h"

extern char **environ;

static bool emit_to_memory(CgModule *cm, LLVMCodeGenFileType kind, LLVMMemoryBufferRef *out,
                           char **err) {
  char *msg = NULL;
  if (LLVMTargetMachineEmitToMemoryBuffer(cm->tm, cm->mod, kind, &msg, out)) {
    if (err) {
      size_t n = strlen(msg ? msg : "") + 64;
      *err = malloc(n);
      snprintf(*err, n, "codegen: LLVM code generation failed: %s", msg ? msg : "");
    }
    LLVMDisposeMessage(msg);
    return false;
  }
  return true;
}

// Every unit's assembly, one after the other.
char *cg_llvm_asm_text(CgModule *cm, char **err) {
  char *s = strdup("");
  size_t len = 0;
  for (CgModule *u = cm; u; u = u->next_unit) {
    LLVMMemoryBufferRef buf;
    if (!emit_to_memory(u, LLVMAssemblyFile, &buf, err)) {
      free(s);
      return NULL;
    }
    size_t n = LLVMGetBufferSize(buf);
    s = realloc(s, len + n + 1);
    memcpy(s + len, LLVMGetBufferStart(buf), n);
    len += n;
    s[len] = 0;
    LLVMDisposeMemoryBuffer(buf);
  }
  return s;
}

static bool write_unit(CgModule *cm, const char *path, char **err) {
  LLVMMemoryBufferRef buf;
  if (!emit_to_memory(cm, LLVMObjectFile, &buf, err)) return false;
  FILE *fp = fopen(path, "wb");
  bool ok = fp && fwrite(LLVMGetBufferStart(buf), 1, LLVMGetBufferSize(buf), fp) ==
                      LLVMGetBufferSize(buf);
  if (fp && fclose(fp) != 0) ok = false;
  LLVMDisposeMemoryBuffer(buf);
  if (!ok && err) {
    size_t n = strlen(path) + 64;
    *err = malloc(n);
    snprintf(*err, n, "cannot write object file '%s'", path);
  }
  return ok;
}

bool cg_llvm_write_object(CgModule *cm, const char *path, char **err) {
  if (cm->next_unit) {
    if (err) *err = strdup("codegen: a module of several codegen units has one object per unit");
    return false;
  }
  return write_unit(cm, path, err);
}

static bool write_unit_job(CgModule *unit, uint32_t index, void *arg, char **err) {
  const char *const *paths = arg;
  return write_unit(unit, paths[index], err);
}

bool cg_llvm_write_objects(CgModule *cm, const char *const *paths, char **err) {
  return cg_for_each_unit(cm, write_unit_job, (void *)paths, err);
}

void *cg_llvm_object_bytes(CgModule *cm, size_t *size, char **err) {
  LLVMMemoryBufferRef buf;
  *size = 0;
  if (cm->next_unit) {
    if (err) *err = strdup("codegen: a module of several codegen units has one object per unit");
    return NULL;
  }
  if (!emit_to_memory(cm, LLVMObjectFile, &buf, err)) return NULL;
  size_t n = LLVMGetBufferSize(buf);
  void *p = malloc(n ? n : 1);
  if (p) {
    memcpy(p, LLVMGetBufferStart(buf), n);
    *size = n;
  } else if (err) {
    *err = strdup("codegen: out of memory for the object file");
  }
  LLVMDisposeMemoryBuffer(buf);
  return p;
}

char *cg_host_description(void) {
  char *triple = LLVMGetDefaultTargetTriple();
  char *cpu = LLVMGetHostCPUName(), *features = LLVMGetHostCPUFeatures();
  size_t n = strlen(triple) + strlen(cpu) + strlen(features) + 4;
  char *s = malloc(n);
  if (s) snprintf(s, n, "%s\n%s\n%s", triple, cpu, features);
  LLVMDisposeMessage(triple);
  LLVMDisposeMessage(cpu);
  LLVMDisposeMessage(features);
  return s;
}

static char *errf(const char *a, const char *b) {
  size_t n = strlen(a) + strlen(b) + 8;
  char *s = malloc(n);
  snprintf(s, n, "%s%s", a, b);
  return s;
}

bool cg_link_executable(const char *const *objects, int nobjects, const char *out,
                        const char *rt_lib_dir, char **err) {
  const char *dir = rt_lib_dir && *rt_lib_dir ? rt_lib_dir : ".";
  size_t dn = strlen(dir) + 32;
  char *main_a = malloc(dn), *rt_a = malloc(dn);
  snprintf(main_a, dn, "%s/libpyctask_main.a", dir);
  snprintf(rt_a, dn, "%s/libpyctask_rt.a", dir);
  const char **argv = calloc((size_t)nobjects + 12, sizeof(char *));
  int k = 0;
  argv[k++] = "cc";
  argv[k++] = "-o";
  argv[k++] = out;
  for (int i = 0; i < nobjects; i++) argv[k++] = objects[i];
  argv[k++] = main_a;
  argv[k++] = rt_a;
  argv[k++] = "-lm";
  argv[k++] = "-lpthread";
#ifdef PYC_LINK_SANITIZE
  // A sanitizer build of pyc-task has an instrumented libpyctask_rt.a.
  argv[k++] = PYC_LINK_SANITIZE;
#endif
  argv[k] = NULL;
  // Capture the linker's stderr in a temporary file.
  char tmpl[] = "/tmp/pyc-link-XXXXXX";
  int efd = mkstemp(tmpl);
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  if (efd >= 0) {
    unlink(tmpl);
    posix_spawn_file_actions_adddup2(&fa, efd, 2);
  }
  pid_t pid;
  int rc = posix_spawnp(&pid, "cc", &fa, NULL, (char *const *)argv, environ);
  posix_spawn_file_actions_destroy(&fa);
  bool ok = false;
  if (rc != 0) {
    if (err) *err = errf("cannot run the linker 'cc': ", strerror(rc));
  } else {
    int st = 0;
    while (waitpid(pid, &st, 0) < 0 && errno == EINTR) {
    }
    ok = WIFEXITED(st) && WEXITSTATUS(st) == 0;
    if (!ok && err) {
      char buf[4096] = {0};
      ssize_t n = 0;
      if (efd >= 0 && lseek(efd, 0, SEEK_SET) == 0) n = read(efd, buf, sizeof buf - 1);
      buf[n > 0 ? n : 0] = 0;
      *err = errf("linking failed: ", buf[0] ? buf : "cc returned an error");
    }
  }
  if (efd >= 0) close(efd);
  free(argv);
  free(main_a);
  free(rt_a);
  return ok;
}
