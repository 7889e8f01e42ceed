// bench_cache.c - what the disk cache saves: the first call of a compiled
// function in a new process, with a cold cache (full compile: frontend,
// passes, LLVM -O3, object emission, store, JIT-link) and with a warm one
// (read + verify the entry, JIT-link the object), against a warm call.
//   bench_cache [FILE.py FUNC]   (default: bench/cache/kernels.py-like source
//                                 embedded below, function `dot`)
// Each measurement runs in a fresh process (fork + exec of itself); prints
// medians over several runs, in ms.
#define _POSIX_C_SOURCE 200809L
#include "../../tools/cache.h"
#include "../../tools/driver.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static const char src[] =
    "import math\n"
    "import pyc_task as pt\n"
    "from pyc_task import kernel, int64, float64\n"
    "\n"
    "@kernel\n"
    "def poly(x: float64) -> float64:\n"
    "    return ((x * 3.0 + 2.0) * x - 1.0) * x + 0.5\n"
    "\n"
    "@kernel\n"
    "def sumsq(n: int64) -> float64:\n"
    "    s = 0.0\n"
    "    for i in range(n):\n"
    "        s += poly(i * 0.001) * math.sqrt(i + 1.0)\n"
    "    return s\n"
    "\n"
    "@kernel\n"
    "def collatz(n: int64) -> int64:\n"
    "    steps = 0\n"
    "    while n != 1:\n"
    "        if n % 2 == 0:\n"
    "            n = n // 2\n"
    "        else:\n"
    "            n = 3 * n + 1\n"
    "        steps += 1\n"
    "    return steps\n"
    "\n"
    "@kernel\n"
    "def dot(x: pt.float64[::1], y: pt.float64[::1]) -> float64:\n"
    "    s = 0.0\n"
    "    for i in range(x.shape[0]):\n"
    "        s += x[i] * y[i]\n"
    "    return s\n";

static double now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

typedef struct Arr1 {
  void *meminfo;
  double *data;
  int64_t shape[1], strides[1];
} Arr1;

// One measurement in this (fresh) process: "first_ms warm_ns how".
static int measure(const char *dir) {
  double x[64], y[64];
  for (int i = 0; i < 64; i++) x[i] = y[i] = i;
  Arr1 ax = {NULL, x, {64}, {1}}, ay = {NULL, y, {64}, {1}};
  double t0 = now_ms();
  PycOptions o;
  pyc_options_default(&o);
  PycCompiler *c = pyc_compiler_new(&o);
  pyc_compiler_load_buffer(c, "bench.py", src, strlen(src));
  PycCacheConfig cfg = {.dir = dir};
  char *sigs = NULL;
  PycCachedHow how;
  if (!pyc_compiler_jit_cached(c, &cfg, &sigs, &how)) {
    pyc_compiler_print_diags(c, stderr);
    return 1;
  }
  void *addr = pyc_compiler_lookup(c, "pyk_dot");
  double (*dot)(Arr1 *, Arr1 *);
  memcpy(&dot, &addr, sizeof dot);
  volatile double r = dot(&ax, &ay);
  double first = now_ms() - t0;
  // Warm calls.
  enum { N = 100000 };
  double t1 = now_ms();
  for (int i = 0; i < N; i++) r += dot(&ax, &ay);
  double warm_ns = (now_ms() - t1) * 1e6 / N;
  printf("%.3f %.1f %s\n", first, warm_ns, how == PYC_CACHED_LOADED ? "loaded" : "compiled");
  free(sigs);
  pyc_compiler_delete(c);
  return r > 0 ? 0 : 1;
}

static int cmp(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return x < y ? -1 : x > y;
}

// Runs `self measure DIR` in a new process; returns first-call ms.
static double run_child(const char *self, const char *dir, double *warm_ns, char *how) {
  int fd[2];
  if (pipe(fd) != 0) return -1;
  pid_t pid = fork();
  if (pid == 0) {
    dup2(fd[1], 1);
    close(fd[0]);
    execl(self, self, "measure", dir, (char *)NULL);
    _exit(127);
  }
  close(fd[1]);
  char buf[256] = {0};
  ssize_t n = read(fd[0], buf, sizeof buf - 1);
  close(fd[0]);
  int st;
  waitpid(pid, &st, 0);
  double first = -1;
  if (n > 0) sscanf(buf, "%lf %lf %15s", &first, warm_ns, how);
  return first;
}

int main(int argc, char **argv) {
  if (argc == 3 && strcmp(argv[1], "measure") == 0) return measure(argv[2]);
  char tmpl[] = "/tmp/pyc-bench-cache-XXXXXX";
  char *dir = mkdtemp(tmpl);
  if (!dir) return 1;
  enum { RUNS = 7 };
  double cold[RUNS], warm[RUNS], call_ns = 0;
  char how[16];
  char cmd[256];
  for (int i = 0; i < RUNS; i++) {
    snprintf(cmd, sizeof cmd, "rm -f %s/*.pyco", dir);
    if (system(cmd) != 0) return 1;
    cold[i] = run_child(argv[0], dir, &call_ns, how);
    if (strcmp(how, "compiled") != 0) fprintf(stderr, "cold run was not compiled\n");
    warm[i] = run_child(argv[0], dir, &call_ns, how);
    if (strcmp(how, "loaded") != 0) fprintf(stderr, "warm run was not a cache hit\n");
  }
  qsort(cold, RUNS, sizeof *cold, cmp);
  qsort(warm, RUNS, sizeof *warm, cmp);
  printf("first call in a new process, median of %d (4 kernels, -O3):\n", RUNS);
  printf("  cold cache (compile + store): %8.3f ms\n", cold[RUNS / 2]);
  printf("  warm cache (load + JIT-link): %8.3f ms  (min %.3f, max %.3f)\n", warm[RUNS / 2],
         warm[0], warm[RUNS - 1]);
  printf("  warm call:                    %8.1f ns\n", call_ns);
  printf("  warm-cache first call over a warm call: %.3f ms (goal: < 5 ms)\n",
         warm[RUNS / 2] - call_ns * 1e-6);
  snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
  return system(cmd) == 0 ? 0 : 1;
}
