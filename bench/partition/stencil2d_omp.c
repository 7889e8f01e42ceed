// stencil2d_omp.c - the same PRK 2-D star stencil (radius 2, 4096x4096, 100
// iterations, the same update order and row-block loops) by hand in C with
// OpenMP: the baseline of bench/partition/run.sh. OMP_NUM_THREADS threads.
#include <math.h>
#include <omp.h>
#include <stdio.h>
#include <stdlib.h>

int main(void) {
  const long n = 4096, iters = 100;
  double *in = aligned_alloc(64, sizeof(double) * n * n),
         *out = aligned_alloc(64, sizeof(double) * n * n);
#pragma omp parallel for schedule(static)
  for (long i = 0; i < n; i++)
    for (long j = 0; j < n; j++) {
      in[i * n + j] = (double)(i + j);
      out[i * n + j] = 0.0;
    }
  double t0 = omp_get_wtime();
  for (long it = 0; it < iters; it++) {
#pragma omp parallel for schedule(static)
    for (long i = 2; i < n - 2; i++)
      for (long j = 2; j < n - 2; j++)
        out[i * n + j] += (0.25 * (in[i * n + j + 1] - in[i * n + j - 1]) +
                           0.125 * (in[i * n + j + 2] - in[i * n + j - 2]) +
                           0.25 * (in[(i + 1) * n + j] - in[(i - 1) * n + j]) +
                           0.125 * (in[(i + 2) * n + j] - in[(i - 2) * n + j]));
#pragma omp parallel for schedule(static)
    for (long i = 0; i < n; i++)
      for (long j = 0; j < n; j++) in[i * n + j] += 1.0;
  }
  double s = 0.0;
#pragma omp parallel for reduction(+ : s) schedule(static)
  for (long i = 2; i < n - 2; i++)
    for (long j = 2; j < n - 2; j++) s += fabs(out[i * n + j]);
  double t1 = omp_get_wtime();
  printf("C+OpenMP (%d threads): %ld iterations of %ldx%ld radius 2: %.3f s, norm %.6f\n",
         omp_get_max_threads(), iters, n, n, t1 - t0, s / ((double)(n - 4) * (n - 4)));
  free(in);
  free(out);
  return 0;
}
