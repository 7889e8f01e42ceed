// sparse_overlap.c - exact dependences of sparse pieces (runtime/src/deps.c):
// 1. two RW tasks on the even and the odd points of a 1-d region (by_field
//    colors i % 2: disjoint pieces whose bounding boxes are the whole
//    region), each doing busy work per point: wall time of the pair against
//    one task alone (best of 5). Tracked by bounding boxes they ran one
//    after the other (~2x); tracked by points they overlap (~1x on 2 idle
//    cores). Also the part of the shorter run during which both ran (0% when
//    ordered; near 100% when concurrent, even on a loaded machine);
// 2. the cost of the exact check: c empty RW tasks on the c pieces of colors
//    i % c of a 2^20-point region, launch to fence (best of 5): as an index
//    launch over the by_field partition (disjoint: the pieces are known
//    apart at once) and as launches of the same point sets made with
//    pyc_region_subregion_points (no partition relates them: each pair of
//    live tasks is compared by a merge of their keys, O(2^20 / c) each).
// Usage: sparse_overlap [threads]   (built by bench/partition/run.sh)
#define _POSIX_C_SOURCE 200809L
#include "pyc/tasks.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

static double t_start[2], t_end[2];  // of the last run of point 0 and point 1

static void busy(void *a, PycRegion **r, void *res) {
  (void)res;
  int64_t id = *(int64_t *)a;
  double t0 = now();
  int64_t *d = pyc_region_field_data(r[0], 1), lo = pyc_region_lo(r[0], 0);
  for (int64_t k = 0; k < pyc_region_volume(r[0]); k++) {
    int64_t i = pyc_region_point(r[0], k) - lo;
    uint64_t x = (uint64_t)d[i];
    for (int it = 0; it < 200; it++) x = x * 6364136223846793005ull + 1442695040888963407ull;
    d[i] = (int64_t)x;
  }
  t_start[id] = t0;  // distinct slots; read after the fence
  t_end[id] = now();
}

static void empty(void *a, PycRegion **r, void *res) {
  (void)a;
  (void)r;
  (void)res;
}

// A region of n points whose field 0 is i % c, and its by_field partition.
static PycPartition *colored(int64_t n, int64_t c, PycRegion **out) {
  int64_t ext[1] = {n}, fs[2] = {8, 8};
  PycRegion *r = pyc_region_new(1, ext, 2, fs);
  int64_t *col = pyc_region_field_data(r, 0);
  for (int64_t i = 0; i < n; i++) col[i] = i % c;
  *out = r;
  return pyc_partition_by_field(r, 0, 1, &c);
}

int main(int argc, char **argv) {
  int th = argc > 1 ? atoi(argv[1]) : 2;
  pyc_runtime_init(th);
  PycRegion *r;
  PycPartition *two = colored(1 << 20, 2, &r);
  PycReq q = {(PycRegion *)(void *)two, 2, PYC_PRIV_READ_WRITE, 0, 0, 0};
  int64_t colors[1] = {2};
  double one = 1e9, pair = 1e9, overlap = 0;
  for (int rep = 0; rep < 5; rep++) {
    PycReq q0 = {pyc_partition_piece(two, 0), 2, PYC_PRIV_READ_WRITE, 0, 0, 0};
    int64_t id = 0;
    double t0 = now();
    pyc_future_release(pyc_launch("busy", busy, &id, sizeof id, 1, &q0, 0));
    pyc_runtime_fence();
    double t = now() - t0;
    if (t < one) one = t;
    t0 = now();
    pyc_index_launch("busy", busy, &id, sizeof id, 1, &q, 1, 1, colors, 0, 0, -1);
    pyc_runtime_fence();
    t = now() - t0;
    if (t < pair) pair = t;
    // the part of the shorter task's run during which the other one ran too
    double lo = t_start[0] > t_start[1] ? t_start[0] : t_start[1];
    double hi = t_end[0] < t_end[1] ? t_end[0] : t_end[1];
    double d0 = t_end[0] - t_start[0], d1 = t_end[1] - t_start[1];
    double f = hi > lo ? (hi - lo) / (d0 < d1 ? d0 : d1) : 0;
    if (f > overlap) overlap = f;
  }
  printf("threads %d: one task on 2^19 sparse points: best %.1f ms; two (even, odd): best %.1f ms "
         "(%.2fx); the two runs overlap %.0f%% (best)\n",
         th, one * 1e3, pair * 1e3, pair / one, overlap * 1e2);
  pyc_partition_release(two);
  pyc_region_release(r);
  for (int64_t c = 2; c <= 64; c *= 4) {
    PycPartition *p = colored(1 << 20, c, &r);
    PycReq qc = {(PycRegion *)(void *)p, 2, PYC_PRIV_READ_WRITE, 0, 0, 0};
    int64_t nc[1] = {c};
    double best = 1e9;
    for (int rep = 0; rep < 5; rep++) {
      double t0 = now();
      pyc_index_launch("empty", empty, NULL, 0, 1, &qc, 1, 1, nc, -1, 0, -1);
      pyc_runtime_fence();
      double t = now() - t0;
      if (t < best) best = t;
    }
    PycRegion **own = malloc(sizeof(PycRegion *) * (size_t)c);
    for (int64_t k = 0; k < c; k++) {
      PycRegion *piece = pyc_partition_piece(p, k);
      own[k] = pyc_region_subregion_points(r, pyc_region_volume(piece), pyc_region_points(piece));
    }
    double bestk = 1e9;
    for (int rep = 0; rep < 5; rep++) {
      double t0 = now();
      for (int64_t k = 0; k < c; k++) {
        PycReq qk = {own[k], 2, PYC_PRIV_READ_WRITE, 0, 0, 0};
        pyc_future_release(pyc_launch("empty", empty, NULL, 0, 1, &qk, 0));
      }
      pyc_runtime_fence();
      double t = now() - t0;
      if (t < bestk) bestk = t;
    }
    printf("threads %d: %lld empty tasks on the pieces i %% %lld of 2^20 points: by_field index "
           "launch best %.3f ms; point sets without a partition best %.3f ms\n",
           th, (long long)c, (long long)c, best * 1e3, bestk * 1e3);
    for (int64_t k = 0; k < c; k++) pyc_region_release(own[k]);
    free(own);
    pyc_partition_release(p);
    pyc_region_release(r);
  }
  return 0;
}
