// stencil2d_omp.c - the same PRK 2-D star stencil (radius 2, 4096x4096, 100
// iterations, the same update order and row-block loops) by hand in C with
// OpenMP: the baseline of bench/partition/run.sh. OMP_NUM_THREADS threads.
// Built with -DHUGE_PAGES, the two grids are 2 MiB-aligned and advised for
// transparent huge pages, as pyc-task's region fields of 4 MiB and more are.
#define _DEFAULT_SOURCE
#include <math.h>
#include <omp.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>

static double *grid(long n) {
#ifdef HUGE_PAGES
  size_t bytes = sizeof(double) * (size_t)n * (size_t)n, huge = (size_t)2 << 20;
  double *p = aligned_alloc(huge, (bytes + huge - 1) & ~(huge - 1));
  if (p) madvise(p, bytes & ~(size_t)4095, MADV_HUGEPAGE);
  return p;
#else
  return aligned_alloc(64, sizeof(double) * (size_t)n * (size_t)n);
#endif
}

int main(void) {
  const long n = 4096, iters = 100;
  double *in = grid(n), *out = grid(n);
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
#ifdef HUGE_PAGES
  const char *pages = ", huge pages";
#else
  const char *pages = "";
#endif
  printf("C+OpenMP (%d threads%s): %ld iterations of %ldx%ld radius 2: %.3f s, norm %.6f\n",
         omp_get_max_threads(), pages, iters, n, n, t1 - t0, s / ((double)(n - 4) * (n - 4)));
  free(in);
  free(out);
  return 0;
}
