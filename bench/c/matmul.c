/* matmul.c: naive i-k-j product of n x n float64 matrices.
   usage: matmul [n=512] [reps=3]; same data and checksum as bench/kernels/matmul.py. */
#include "bench_util.h"
#include <stdio.h>

static void matmul(long n, const double *restrict a, const double *restrict b, double *restrict c) {
  for (long i = 0; i < n; i++) {
    for (long j = 0; j < n; j++) c[i * n + j] = 0.0;
    for (long k = 0; k < n; k++) {
      double aik = a[i * n + k];
      for (long j = 0; j < n; j++) c[i * n + j] += aik * b[k * n + j];
    }
  }
}

static void init(long n, double *m, double s) {
  for (long i = 0; i < n; i++)
    for (long j = 0; j < n; j++) m[i * n + j] = (double)((i * 7 + j * 3) % 11) * s - 1.0;
}

int main(int argc, char **argv) {
  long n = arg_long(argc, argv, 1, 512), reps = arg_long(argc, argv, 2, 3);
  double *a = malloc(sizeof(double) * (size_t)(n * n)), *b = malloc(sizeof(double) * (size_t)(n * n));
  double *c = malloc(sizeof(double) * (size_t)(n * n));
  init(n, a, 0.25);
  init(n, b, 0.125);
  double best = 1e30;
  for (long r = 0; r < reps; r++) {
    double t0 = wtime();
    matmul(n, a, b, c);
    double t = wtime() - t0;
    if (t < best) best = t;
  }
  double s = 0.0;
  for (long i = 0; i < n; i++)
    for (long j = 0; j < n; j++) s += c[i * n + j] * (1.0 + (double)i - 0.5 * (double)j);
  printf("checksum: %.12e\nbest_s: %.6f\n", s, best);
  free(a); free(b); free(c);
  return 0;
}
