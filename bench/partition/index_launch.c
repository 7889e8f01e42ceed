// index_launch.c - time of an index launch of 1,000 empty point tasks, from
// pyc_index_launch to the end of pyc_runtime_fence (best of 50), with one
// piece of a 1,000-color partition per point (RW) and with no requirement.
// Usage: index_launch [threads]   (built by bench/partition/run.sh)
#define _POSIX_C_SOURCE 200809L
#include "pyc/tasks.h"
#include <stdio.h>
#include <time.h>
#include <stdlib.h>
static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec + 1e-9 * ts.tv_nsec;
}
static void empty(void *a, PycRegion **r, void *res) {
  (void)a;
  (void)r;
  (void)res;
}
int main(int argc, char **argv) {
  int th = argc > 1 ? atoi(argv[1]) : 2;
  pyc_runtime_init(th);
  int64_t n[1] = {1000}, sz[1] = {8};
  PycRegion *big = pyc_region_new(1, n, 1, sz);
  PycPartition *p = pyc_partition_equal(big, 1, n);
  PycReq rb = {(PycRegion *)(void *)p, 0, PYC_PRIV_READ_WRITE, 0, 0, 0};
  double best = 1e9, bestn = 1e9;
  for (int rep = 0; rep < 50; rep++) {
    double t0 = now();
    pyc_index_launch("empty", empty, NULL, 0, 1, &rb, 1, 1, n, -1, 0, -1);
    pyc_runtime_fence();
    double t = now() - t0;
    if (t < best) best = t;
    t0 = now();
    pyc_index_launch("empty", empty, NULL, 0, 0, NULL, 0, 1, n, -1, 0, -1);
    pyc_runtime_fence();
    t = now() - t0;
    if (t < bestn) bestn = t;
  }
  printf("threads %d: 1000 point tasks with a piece each: best %.3f ms; without requirements: best "
         "%.3f ms\n",
         th, best * 1e3, bestn * 1e3);
  return 0;
}
