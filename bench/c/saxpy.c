/* saxpy.c: y += a * x on float64 vectors; same data and checksum as bench/kernels/saxpy.py.
   usage: saxpy [n=10000000] [reps=5]; prints "checksum:" and "best_s:" (best of reps). */
#include "bench_util.h"
#include <stdio.h>

static void saxpy(long n, double a, const double *restrict x, double *restrict y) {
  for (long i = 0; i < n; i++) y[i] += a * x[i];
}

int main(int argc, char **argv) {
  long n = arg_long(argc, argv, 1, 10000000), reps = arg_long(argc, argv, 2, 5);
  double *x = malloc(sizeof(double) * (size_t)n), *y = malloc(sizeof(double) * (size_t)n);
  double best = 1e30;
  for (long r = 0; r < reps; r++) {
    for (long i = 0; i < n; i++) { x[i] = (double)(i % 1000) * 0.001; y[i] = 1.0; }
    double t0 = wtime();
    saxpy(n, 2.0, x, y);
    double t = wtime() - t0;
    if (t < best) best = t;
  }
  double s = 0.0;
  for (long i = 0; i < n; i++) s += y[i];
  printf("checksum: %.12e\nbest_s: %.6f\n", s, best);
  free(x); free(y);
  return 0;
}
