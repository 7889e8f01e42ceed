/* stencil2d.c: 5-point Jacobi on an n x n grid (top row fixed at 1), iters sweeps, two buffers.
   usage: stencil2d [n=2000] [iters=50] [reps=3]; same checksum as bench/kernels/stencil2d.py. */
#include "bench_util.h"
#include <stdio.h>

static void step(long n, const double *restrict u, double *restrict v) {
  for (long i = 1; i < n - 1; i++)
    for (long j = 1; j < n - 1; j++)
      v[i * n + j] = 0.25 * (u[(i - 1) * n + j] + u[(i + 1) * n + j] + u[i * n + j - 1] + u[i * n + j + 1]);
}

int main(int argc, char **argv) {
  long n = arg_long(argc, argv, 1, 2000), iters = arg_long(argc, argv, 2, 50), reps = arg_long(argc, argv, 3, 3);
  double *u = malloc(sizeof(double) * (size_t)(n * n)), *v = malloc(sizeof(double) * (size_t)(n * n));
  double best = 1e30;
  for (long r = 0; r < reps; r++) {
    for (long i = 0; i < n; i++)
      for (long j = 0; j < n; j++) u[i * n + j] = v[i * n + j] = i == 0 ? 1.0 : 0.0;
    double t0 = wtime();
    for (long it = 0; it < iters / 2; it++) { step(n, u, v); step(n, v, u); }
    double t = wtime() - t0;
    if (t < best) best = t;
  }
  double s = 0.0;
  for (long i = 0; i < n * n; i++) s += u[i];
  printf("checksum: %.12e\nbest_s: %.6f\n", s, best);
  free(u); free(v);
  return 0;
}
