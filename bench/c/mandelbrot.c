/* mandelbrot.c: escape counts over [-2,1] x [-1.2,1.2] on a w x h grid.
   usage: mandelbrot [w=800] [h=600] [max_iter=256] [reps=3]; checksum = sum of counts. */
#include "bench_util.h"
#include <stdio.h>

static long escape(double cr, double ci, long max_iter) {
  double zr = 0.0, zi = 0.0;
  for (long k = 0; k < max_iter; k++) {
    double zr2 = zr * zr, zi2 = zi * zi;
    if (zr2 + zi2 > 4.0) return k;
    zi = 2.0 * zr * zi + ci;
    zr = zr2 - zi2 + cr;
  }
  return max_iter;
}

int main(int argc, char **argv) {
  long w = arg_long(argc, argv, 1, 800), h = arg_long(argc, argv, 2, 600);
  long max_iter = arg_long(argc, argv, 3, 256), reps = arg_long(argc, argv, 4, 3);
  long *out = malloc(sizeof(long) * (size_t)(w * h));
  double best = 1e30;
  for (long r = 0; r < reps; r++) {
    double t0 = wtime();
    for (long y = 0; y < h; y++) {
      double ci = -1.2 + 2.4 * (double)y / (double)h;
      for (long x = 0; x < w; x++) out[y * w + x] = escape(-2.0 + 3.0 * (double)x / (double)w, ci, max_iter);
    }
    double t = wtime() - t0;
    if (t < best) best = t;
  }
  long s = 0;
  for (long i = 0; i < w * h; i++) s += out[i];
  printf("checksum: %ld\nbest_s: %.6f\n", s, best);
  free(out);
  return 0;
}
