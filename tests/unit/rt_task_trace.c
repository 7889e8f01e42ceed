// A small task program for the trace test (check_task_trace.py runs it with
// PYC_TASK_TRACE set): a fill, two independent "work" tasks per round on the
// halves of a region, a "sum" task reading all of it, and a parallel_for.
// The trace is written when the program exits (atexit), as in real programs.
// With argument "raise": one task raises and main returns without waiting;
// the runtime reports the error at exit and the exit status is 1.
#include "pyc/tasks.h"

#include <stdio.h>
#include <string.h>

static void boom(void *args, PycRegion **regions, void *result) {
  (void)args;
  (void)regions;
  (void)result;
  pyc_raise(PYC_EXC_ZERO_DIVISION, "float division by zero", "trace.py", 12);
}

static void work(void *args, PycRegion **regions, void *result) {
  (void)args;
  (void)result;
  double *d = pyc_region_field_data(regions[0], 0);
  for (int64_t i = 0; i < pyc_region_volume(regions[0]); i++) d[i] = d[i] * 0.5 + 1.0;
}

static void sum(void *args, PycRegion **regions, void *result) {
  (void)args;
  double s = 0, *d = pyc_region_field_data(regions[0], 0);
  for (int64_t i = 0; i < pyc_region_volume(regions[0]); i++) s += d[i];
  *(double *)result = s;
}

static void body(void *env, int64_t lo, int64_t hi, void *acc) {
  (void)env;
  for (int64_t i = lo; i < hi; i++) *(double *)acc += (double)i;
}

int main(int argc, char **argv) {
  if (argc > 1 && strcmp(argv[1], "raise") == 0) {
    pyc_future_release(pyc_launch("boom", boom, NULL, 0, 0, NULL, 0));
    return 0;
  }
  int64_t n[1] = {200000}, fs[1] = {8};
  PycRegion *r = pyc_region_new(1, n, 1, fs);
  int64_t lo0[1] = {0}, hi0[1] = {99999}, lo1[1] = {100000}, hi1[1] = {199999};
  PycRegion *h0 = pyc_region_subregion(r, lo0, hi0), *h1 = pyc_region_subregion(r, lo1, hi1);
  double one = 1.0;
  pyc_region_fill(r, 0, &one);
  PycFuture *f = NULL;
  for (int round = 0; round < 5; round++) {
    PycReq q0 = {h0, 0, PYC_PRIV_READ_WRITE, 0, 0, 0}, q1 = {h1, 0, PYC_PRIV_READ_WRITE, 0, 0, 0};
    pyc_future_release(pyc_launch("work", work, NULL, 0, 1, &q0, 0));
    pyc_future_release(pyc_launch("work", work, NULL, 0, 1, &q1, 0));
    PycReq qa = {r, 0, PYC_PRIV_READ, 0, 0, 0};
    pyc_future_release(f);
    f = pyc_launch("sum", sum, NULL, 0, 1, &qa, 8);
  }
  double s = pyc_future_get_f64(f);
  pyc_future_release(f);
  double acc = 0;
  int32_t op = PYC_REDOP_SUM, ty = PYC_ELEM_F64;
  pyc_parallel_for("prange", 0, 1000000, body, NULL, 1, &op, &ty, &acc);
  printf("sum %.1f prange %.1f\n", s, acc);
  pyc_region_release(h0);
  pyc_region_release(h1);
  pyc_region_release(r);
  return pyc_runtime_fence() == PYC_TASK_OK ? 0 : 1;
}
