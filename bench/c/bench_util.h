/* bench_util.h: wall-clock timer and argument helpers shared by the C baselines. */
#ifndef BENCH_UTIL_H
#define BENCH_UTIL_H
#define _POSIX_C_SOURCE 200809L
#include <stdlib.h>
#include <time.h>

static double wtime(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

static long arg_long(int argc, char **argv, int i, long dflt) {
  return i < argc ? strtol(argv[i], NULL, 10) : dflt;
}

#endif
