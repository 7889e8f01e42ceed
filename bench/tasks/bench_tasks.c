// Task runtime benchmarks (bench/tasks/run.py prints them with the Python
// thread-pool baseline). Modes, one line of "key value" output each:
//   empty N T      launch-to-completion of N empty tasks on T workers: each
//                  launched with no requirement and its future released, then
//                  one fence. Prints ns_per_task (best of 3).
//   pair N T K     two independent tasks (RW on two different regions) each
//                  running kernel K ("poly": 16-term Horner per element,
//                  compute bound; "saxpy": y += a*x, memory bound) over N
//                  doubles; prints seconds (best of 5) for the pair and the
//                  CPU seconds of that run (cpu/seconds = cores actually used).
//   prange N T     saxpy over N doubles with pyc_parallel_for (and a sum
//                  reduction of y); prints seconds (best of 5) and CPU seconds.
//   writers N T    like empty, each task with RW on one 16-element region (a
//                  chain: the dependence tracker's per-launch cost; ns_per_task).
//   readers N T    the same with R (independent readers of one region: N
//                  users alive at once in the dependence index).
#define _POSIX_C_SOURCE 200809L
#include "pyc/tasks.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static double cpu_now(void) {  // CPU seconds of all threads of the process
  struct timespec ts;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static void empty_task(void *args, PycRegion **regions, void *result) {
  (void)args;
  (void)regions;
  (void)result;
}

typedef struct KArgs {
  int32_t kernel;  // 0 poly, 1 saxpy
} KArgs;

static void kernel_task(void *args, PycRegion **regions, void *result) {
  (void)result;
  KArgs *a = args;
  PycRegion *r = regions[0];
  double *x = pyc_region_field_data(r, 0), *y = pyc_region_field_data(r, 1);
  int64_t n = pyc_region_volume(r);
  if (a->kernel == 0) {
    for (int64_t i = 0; i < n; i++) {
      double v = x[i], acc = 0.0;
      for (int k = 0; k < 16; k++) acc = acc * v + (double)(k + 1);
      y[i] = acc;
    }
  } else {
    for (int64_t i = 0; i < n; i++) y[i] += 2.5 * x[i];
  }
}

typedef struct Saxpy {
  const double *x;
  double *y;
  double a;
} Saxpy;

static void saxpy_body(void *env, int64_t lo, int64_t hi, void *acc) {
  Saxpy *s = env;
  double sum = 0.0;
  for (int64_t i = lo; i < hi; i++) {
    s->y[i] += s->a * s->x[i];
    sum += s->y[i];
  }
  *(double *)acc += sum;
}

int main(int argc, char **argv) {
  if (argc < 4) {
    fprintf(stderr,
            "usage: bench_tasks empty|writers|readers|pair|prange N THREADS [poly|saxpy]\n");
    return 2;
  }
  int64_t n = atoll(argv[2]);
  int32_t threads = atoi(argv[3]);
  if (pyc_runtime_init(threads) != PYC_TASK_OK) return 1;
  double best = 1e30, best_cpu = 0;
  if (strcmp(argv[1], "empty") == 0) {
    for (int rep = 0; rep < 3; rep++) {
      double t0 = now();
      for (int64_t i = 0; i < n; i++)
        pyc_future_release(pyc_launch("empty", empty_task, NULL, 0, 0, NULL, 0));
      pyc_runtime_fence();
      double t = now() - t0;
      if (t < best) best = t;
    }
    printf("ns_per_task %.1f\n", best / (double)n * 1e9);
  } else if (strcmp(argv[1], "writers") == 0 || strcmp(argv[1], "readers") == 0) {
    int64_t ext = 16, fs = 8;
    PycRegion *r = pyc_region_new(1, &ext, 1, &fs);
    PycReq q = {r, 0, argv[1][0] == 'r' ? PYC_PRIV_READ : PYC_PRIV_READ_WRITE, 0, 0, 0};
    for (int rep = 0; rep < 3; rep++) {
      double t0 = now();
      for (int64_t i = 0; i < n; i++)
        pyc_future_release(pyc_launch("empty", empty_task, NULL, 0, 1, &q, 0));
      pyc_runtime_fence();
      double t = now() - t0;
      if (t < best) best = t;
    }
    printf("ns_per_task %.1f\n", best / (double)n * 1e9);
    pyc_region_release(r);
  } else if (strcmp(argv[1], "pair") == 0) {
    KArgs ka = {argc > 4 && strcmp(argv[4], "saxpy") == 0 ? 1 : 0};
    int64_t fs[2] = {8, 8};
    PycRegion *r[2];
    for (int k = 0; k < 2; k++) {
      r[k] = pyc_region_new(1, &n, 2, fs);
      double *x = pyc_region_field_data(r[k], 0);
      for (int64_t i = 0; i < n; i++) x[i] = 1e-3 * (double)(i % 1000);
    }
    for (int rep = 0; rep < 5; rep++) {
      double t0 = now(), c0 = cpu_now();
      for (int k = 0; k < 2; k++) {
        PycReq q = {r[k], 0, PYC_PRIV_READ_WRITE, 0, 0, 0};
        pyc_future_release(pyc_launch(ka.kernel ? "saxpy" : "poly", kernel_task, &ka, sizeof ka,
                                      1, &q, 0));
      }
      pyc_runtime_fence();
      double t = now() - t0;
      if (t < best) {
        best = t;
        best_cpu = cpu_now() - c0;
      }
    }
    printf("seconds %.4f cpu %.4f\n", best, best_cpu);
    pyc_region_release(r[0]);
    pyc_region_release(r[1]);
  } else if (strcmp(argv[1], "prange") == 0) {
    double *x = malloc(sizeof(double) * (size_t)n), *y = malloc(sizeof(double) * (size_t)n);
    if (!x || !y) return 1;
    Saxpy s = {x, y, 2.5};
    int32_t op = PYC_REDOP_SUM, ty = PYC_ELEM_F64;
    double init = 0.0;  // first touch in parallel, as numpy would not: fill sequentially
    for (int64_t i = 0; i < n; i++) {
      x[i] = 1e-3 * (double)(i % 1000);
      y[i] = 0.0;
    }
    for (int rep = 0; rep < 5; rep++) {
      double sum = init;
      double t0 = now(), c0 = cpu_now();
      pyc_parallel_for("saxpy", 0, n, saxpy_body, &s, 1, &op, &ty, &sum);
      double t = now() - t0;
      if (t < best) {
        best = t;
        best_cpu = cpu_now() - c0;
      }
      if (rep == 0) fprintf(stderr, "checksum %.6e\n", sum);
    }
    printf("seconds %.4f cpu %.4f\n", best, best_cpu);
    free(x);
    free(y);
  } else {
    fprintf(stderr, "unknown mode %s\n", argv[1]);
    return 2;
  }
  return pyc_runtime_shutdown() == PYC_TASK_OK ? 0 : 1;
}
