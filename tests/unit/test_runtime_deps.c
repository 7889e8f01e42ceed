// Tests of the dependence index (runtime/src/deps.c) and of independent
// launches (pyc_launch_ex with PYC_LAUNCH_INDEPENDENT):
// - random launches over many overlapping rectangles of 1-, 2- and 3-d
//   regions (random subregions, pieces of equal partitions split along
//   either axis, halo pieces, sparse by_field pieces and rectangles of them,
//   index launches through partitions with
//   broadcast requirements), random fields and privileges: the final data
//   and every task's result equal those of the same launches serialized by
//   fences, and no two interfering tasks (by a brute-force oracle over the
//   launch list) ever overlap in time (start/end ticks of a global clock);
// - many readers of a whole region, then a writer, then readers again (the
//   read class is not searched by readers, the writer waits for them all);
// - a blocked whole-region writer, then two rounds of RW tasks on the
//   columns of a 2-d region (the tree keyed on axis 0 is re-keyed on axis
//   1): every column task runs after the writer and after its first round;
// - an independent launch is registered: a later interfering launch waits
//   for it; it skips the search: it runs while an earlier (deliberately
//   interfering) launch is still blocked; an unknown flag raises ValueError;
// - PYC_TASK_CHECK_INDEPENDENT=1 (in a child process, forked before the
//   runtime starts): a correct independent launch passes, a wrong one aborts
//   with a message naming both launches;
// - sparse pieces (by_field by key % 2 and % 3, 1- and 2-d) are tracked by
//   their points: in the random launches above (the oracle checks the points
//   by brute force), and directed: writers of interleaved pieces run
//   concurrently (the first waits for a flag the second sets), so do a
//   sparse piece and a rectangle holding none of its points, and the points
//   of an index launch over interleaved pieces, whether a disjoint partition
//   relates the pieces or only their keys do; overlapping sets stay ordered,
//   and a sparse writer removes only the users whose points it holds;
// - no leak (counting allocator) after shutdown.
// Usage: test_runtime_deps [quick]   ("quick": smaller sizes, for TSan).
#define _POSIX_C_SOURCE 200809L  // nanosleep, setenv
#include "pyc/tasks.h"

#include "priv_effect.h"

#include <signal.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static int failures;
static int quick;

#define CHECK(cond)                                                                                \
  do {                                                                                             \
    if (!(cond)) {                                                                                 \
      fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond);                     \
      failures++;                                                                                  \
    }                                                                                              \
  } while (0)

static void *count_alloc(void *ud, void *ptr, size_t old_size, size_t new_size) {
  (void)ud;
  (void)old_size;
  if (new_size == 0) {
    free(ptr);
    return NULL;
  }
  return realloc(ptr, new_size);
}

typedef struct Rng {
  uint64_t s;
} Rng;

static uint64_t rng_next(Rng *g) {
  g->s ^= g->s << 13;
  g->s ^= g->s >> 7;
  g->s ^= g->s << 17;
  return g->s;
}

static int64_t rng_in(Rng *g, int64_t lo, int64_t hi) {
  return lo + (int64_t)(rng_next(g) % (uint64_t)(hi - lo + 1));
}

// ---- random launches vs serialized, with an interference oracle ----------------

#define NROOTS 3
#define MAXREQ 3
#define MAXTASKS 4000

static _Atomic int64_t clock_ticks;

typedef struct Rec {  // one launched task, as the oracle sees it
  int root[MAXREQ];
  int64_t lo[MAXREQ][3], hi[MAXREQ][3];
  int32_t smod[MAXREQ], srem[MAXREQ];  // sparse: the points of the box whose key % smod is srem
  uint64_t mask[MAXREQ];
  int32_t priv[MAXREQ], redop[MAXREQ];
  int32_t nreqs;
  _Atomic int64_t start, end;
} Rec;

typedef struct Args {
  int64_t id;
  Rec *rec;  // NULL in an index launch's shared blob: the point id picks it
  Rec *recs;
} Args;

static void rand_task(void *args, PycRegion **regions, void *result) {
  Args *a = args;
  Rec *rec = a->rec ? a->rec : &a->recs[a->id];
  atomic_store(&rec->start, atomic_fetch_add(&clock_ticks, 1));
  uint64_t h = (uint64_t)a->id * 0x9E3779B97F4A7C15ull + 1;
  for (int32_t i = 0; i < rec->nreqs; i++) {
    PycRegion *r = regions[i];
    int32_t nd = pyc_region_ndim(r);
    if (pyc_region_volume(r) == 0) continue;
    for (int32_t f = 0; f < pyc_region_nfields(r); f++) {
      if (!(rec->mask[i] >> f & 1)) continue;
      int64_t *base = pyc_region_field_data(r, f);
      int64_t p[3] = {0, 0, 0}, ext[3] = {1, 1, 1};
      if (pyc_region_points(r)) {  // sparse: only its points
        for (int64_t k = 0; k < pyc_region_volume(r); k++) {
          int64_t off = 0;
          for (int32_t d = 0; d < nd; d++) {
            p[d] = pyc_region_point_axis(r, k, d) - pyc_region_lo(r, d);
            off += p[d] * pyc_region_stride(r, d);
          }
          uint64_t pt = (uint64_t)((p[0] + pyc_region_lo(r, 0)) * 131 + p[1] * 17 + p[2]);
          h = priv_effect(rec->priv[i], rec->redop[i], a->id, base + off, h, pt);
        }
        continue;
      }
      for (int32_t d = 0; d < nd; d++) ext[d] = pyc_region_hi(r, d) - pyc_region_lo(r, d) + 1;
      for (p[0] = 0; p[0] < ext[0]; p[0]++)
        for (p[1] = 0; p[1] < ext[1]; p[1]++)
          for (p[2] = 0; p[2] < ext[2]; p[2]++) {
            int64_t off = 0;
            for (int32_t d = 0; d < nd; d++) off += p[d] * pyc_region_stride(r, d);
            int64_t *e = base + off;
            uint64_t pt = (uint64_t)((p[0] + pyc_region_lo(r, 0)) * 131 + p[1] * 17 + p[2]);
            h = priv_effect(rec->priv[i], rec->redop[i], a->id, e, h, pt);
          }
    }
  }
  memcpy(result, &h, sizeof h);
  atomic_store(&rec->end, atomic_fetch_add(&clock_ticks, 1));
}

// Whether requirement i of a holds point x (key: its row-major index in the root).
static int rec_holds(const Rec *a, int i, const int64_t *x, int64_t key) {
  for (int d = 0; d < 3; d++)
    if (x[d] < a->lo[i][d] || x[d] > a->hi[i][d]) return 0;
  return a->smod[i] == 0 || key % a->smod[i] == a->srem[i];
}

// Whether requirements i of a and j of b (boxes meeting) share a point: by
// brute force over the boxes' intersection.
static int rec_share(const Rec *a, int i, const Rec *b, int j, const int64_t *ext) {
  if (!a->smod[i] && !b->smod[j]) return 1;
  int64_t lo[3], hi[3], x[3];
  for (int d = 0; d < 3; d++) {
    lo[d] = a->lo[i][d] > b->lo[j][d] ? a->lo[i][d] : b->lo[j][d];
    hi[d] = a->hi[i][d] < b->hi[j][d] ? a->hi[i][d] : b->hi[j][d];
  }
  for (x[0] = lo[0]; x[0] <= hi[0]; x[0]++)
    for (x[1] = lo[1]; x[1] <= hi[1]; x[1]++)
      for (x[2] = lo[2]; x[2] <= hi[2]; x[2]++) {
        int64_t key = (x[0] * ext[1] + x[1]) * ext[2] + x[2];
        if (rec_holds(a, i, x, key) && rec_holds(b, j, x, key)) return 1;
      }
  return 0;
}

static int rec_interfere(const Rec *a, const Rec *b, const int32_t *ndims,
                         const int64_t (*exts)[3]) {
  for (int32_t i = 0; i < a->nreqs; i++)
    for (int32_t j = 0; j < b->nreqs; j++) {
      if (a->root[i] != b->root[j] || !(a->mask[i] & b->mask[j])) continue;
      int32_t pa = a->priv[i], pb = b->priv[j];
      if (pa == PYC_PRIV_NONE || pb == PYC_PRIV_NONE) continue;
      if (pa == PYC_PRIV_READ && pb == PYC_PRIV_READ) continue;
      if (pa == PYC_PRIV_REDUCE && pb == PYC_PRIV_REDUCE && a->redop[i] == b->redop[j]) continue;
      int meet = 1;
      for (int32_t d = 0; d < ndims[a->root[i]]; d++)
        if (a->lo[i][d] > a->hi[i][d] || b->lo[j][d] > b->hi[j][d] || a->hi[i][d] < b->lo[j][d] ||
            b->hi[j][d] < a->lo[i][d])
          meet = 0;
      if (meet && rec_share(a, i, b, j, exts[a->root[i]])) return 1;
    }
  return 0;
}

// A requirement's region: a random subregion, a piece of a partition (kept in
// parts), or the root. Fills the oracle's view of it.
#define NPARTS 6

typedef struct World {
  PycRegion *roots[NROOTS];
  // equal along axis 0, along the last axis, 2-d blocks, halo, by_field by key % 2 and
  // key % 3 (sparse pieces whose boxes overlap)
  PycPartition *parts[NROOTS][NPARTS];
  int32_t ndims[NROOTS];
  int64_t ext[NROOTS][3];
} World;

static void rec_req(Rec *rc, int i, int root, PycRegion *r, int nd, uint64_t mask, int32_t priv,
                    int32_t redop, int32_t smod, int32_t srem) {
  rc->root[i] = root;
  rc->smod[i] = smod;
  rc->srem[i] = srem;
  for (int d = 0; d < 3; d++) {
    rc->lo[i][d] = d < nd ? pyc_region_lo(r, d) : 0;
    rc->hi[i][d] = d < nd ? pyc_region_hi(r, d) : 0;
  }
  rc->mask[i] = mask;
  rc->priv[i] = priv;
  rc->redop[i] = redop;
}

static int32_t rand_priv(Rng *g, int32_t *redop) {
  int64_t roll = rng_in(g, 0, 99);
  *redop = rng_in(g, 0, 1) ? PYC_REDOP_SUM : PYC_REDOP_MAX;
  return roll < 35 ? PYC_PRIV_READ : roll < 65 ? PYC_PRIV_READ_WRITE
         : roll < 75 ? PYC_PRIV_WRITE_DISCARD : roll < 95 ? PYC_PRIV_REDUCE : PYC_PRIV_NONE;
}

// Runs one random program; serialized: a fence after every launch. Stores
// every result and the final data in out; returns the number of tasks.
static int run_random(uint64_t seed, int nlaunch, int serialized, Rec *recs, int64_t *out,
                      int64_t *nout) {
  Rng g = {seed * 2654435761u + 7};
  World w;
  int64_t exts[NROOTS][3] = {{300, 1, 1}, {24, 30, 1}, {10, 8, 6}};
  int64_t fs[3] = {8, 8, 8};
  for (int k = 0; k < NROOTS; k++) {
    w.ndims[k] = k + 1;
    memcpy(w.ext[k], exts[k], sizeof exts[k]);
    w.roots[k] = pyc_region_new(w.ndims[k], exts[k], 3, fs);
    int64_t c0[3] = {1, 1, 1}, c1[3] = {1, 1, 1}, c2[3] = {1, 1, 1};
    c0[0] = 6;                  // slabs along axis 0
    c1[w.ndims[k] - 1] = 5;     // slabs along the last axis (all of axis 0 each)
    c2[0] = 3;                  // blocks
    if (w.ndims[k] > 1) c2[1] = 4;
    w.parts[k][0] = pyc_partition_equal(w.roots[k], w.ndims[k], c0);
    w.parts[k][1] = pyc_partition_equal(w.roots[k], w.ndims[k], c1);
    w.parts[k][2] = pyc_partition_equal(w.roots[k], w.ndims[k], c2);
    w.parts[k][3] = pyc_partition_halo(w.parts[k][(int)rng_in(&g, 0, 2)], 1);
    for (int m = 2; m <= 3; m++) {  // field 0 = key % m, then colored by it
      int64_t *d = pyc_region_field_data(w.roots[k], 0);
      for (int64_t i = 0; i < pyc_region_volume(w.roots[k]); i++) d[i] = i % m;
      int64_t colors = m;
      w.parts[k][2 + m] = pyc_partition_by_field(w.roots[k], 0, 1, &colors);
      CHECK(w.parts[k][2 + m] && pyc_region_points(pyc_partition_piece(w.parts[k][2 + m], 1)));
      memset(d, 0, sizeof(int64_t) * (size_t)pyc_region_volume(w.roots[k]));
    }
  }
  PycFuture **futs = malloc(sizeof(PycFuture *) * MAXTASKS);
  int n = 0;
  for (int l = 0; l < nlaunch && n < MAXTASKS - 64; l++) {
    if (rng_in(&g, 0, 9) == 0) {  // an index launch through a partition
      int k = (int)rng_in(&g, 0, NROOTS - 1), pi = (int)rng_in(&g, 0, NPARTS - 1);
      int32_t smod = pi >= 4 ? pi - 2 : 0;
      PycPartition *p = w.parts[k][pi];
      int64_t np = pyc_partition_volume(p);
      int64_t colors[3];
      int32_t cdim = pyc_partition_cdim(p);
      for (int d = 0; d < cdim; d++) colors[d] = pyc_partition_colors(p, d);
      PycReq reqs[2];
      int32_t nreqs = 1 + (int32_t)rng_in(&g, 0, 1), redop0, redop1 = 0;
      int32_t priv0 = rand_priv(&g, &redop0), priv1 = PYC_PRIV_READ;
      uint64_t m0 = (uint64_t)rng_in(&g, 1, 7), m1 = (uint64_t)rng_in(&g, 1, 7);
      int k1 = (int)rng_in(&g, 0, NROOTS - 1);
      if (rng_in(&g, 0, 3) == 0) priv1 = rand_priv(&g, &redop1);  // usually a broadcast read
      reqs[0] = (PycReq){(PycRegion *)(void *)p, m0, priv0, redop0, PYC_ELEM_I64, 0};
      reqs[1] = (PycReq){w.roots[k1], m1, priv1, redop1, PYC_ELEM_I64, 0};
      for (int64_t c = 0; c < np; c++) {
        Rec *rc = &recs[n + c];
        rc->nreqs = nreqs;
        rec_req(rc, 0, k, pyc_partition_piece(p, c), w.ndims[k], m0, priv0, redop0, smod,
                (int32_t)c);
        if (nreqs > 1) rec_req(rc, 1, k1, w.roots[k1], w.ndims[k1], m1, priv1, redop1, 0, 0);
      }
      Args a = {0, NULL, recs + n};
      if (cdim == 1) {
        CHECK(pyc_index_launch("pt", rand_task, &a, sizeof a, nreqs, reqs, 1, cdim, colors, 0, 8,
                               -1) == NULL);
      } else {  // id_slot needs 1-d colors: launch the points one by one
        for (int64_t c = 0; c < np; c++) {
          Args ac = {c, NULL, recs + n};
          PycReq rq[2] = {reqs[0], reqs[1]};
          rq[0].region = pyc_partition_piece(p, c);
          pyc_future_release(pyc_launch("pt", rand_task, &ac, sizeof ac, nreqs, rq, 8));
        }
      }
      for (int64_t c = 0; c < np; c++) futs[n + c] = NULL;
      n += (int)np;
    } else {
      Rec *rc = &recs[n];
      rc->nreqs = (int32_t)rng_in(&g, 0, MAXREQ);
      PycReq reqs[MAXREQ];
      PycRegion *tmp[MAXREQ] = {NULL, NULL, NULL};
      for (int i = 0; i < rc->nreqs; i++) {
        int k = (int)rng_in(&g, 0, NROOTS - 1);
        PycRegion *r = w.roots[k];
        int64_t how = rng_in(&g, 0, 9);
        int32_t smod = 0, srem = 0;
        if (how < 5) {  // a random rectangle, often small (of a sparse piece: its points in it)
          int64_t lo[3], hi[3];
          for (int d = 0; d < w.ndims[k]; d++) {
            lo[d] = rng_in(&g, 0, w.ext[k][d] - 1);
            hi[d] = rng_in(&g, lo[d], how < 3 ? lo[d] + w.ext[k][d] / 8 : w.ext[k][d] - 1);
            if (hi[d] >= w.ext[k][d]) hi[d] = w.ext[k][d] - 1;
          }
          PycRegion *in = w.roots[k];
          if (rng_in(&g, 0, 2) == 0) {
            smod = (int32_t)rng_in(&g, 2, 3);
            srem = (int32_t)rng_in(&g, 0, smod - 1);
            in = pyc_partition_piece(w.parts[k][2 + smod], srem);
            for (int d = 0; d < w.ndims[k]; d++) {  // inside the piece's bounding box
              if (lo[d] < pyc_region_lo(in, d)) lo[d] = pyc_region_lo(in, d);
              if (hi[d] > pyc_region_hi(in, d)) hi[d] = pyc_region_hi(in, d);
            }
          }
          r = tmp[i] = pyc_region_subregion(in, lo, hi);
        } else if (how < 9) {
          int pi = (int)rng_in(&g, 0, NPARTS - 1);
          PycPartition *p = w.parts[k][pi];
          int64_t c = rng_in(&g, 0, pyc_partition_volume(p) - 1);
          r = pyc_partition_piece(p, c);
          if (pi >= 4) {
            smod = pi - 2;
            srem = (int32_t)c;
          }
        }
        int32_t redop, priv = rand_priv(&g, &redop);
        uint64_t mask = (uint64_t)rng_in(&g, 1, 7);
        reqs[i] = (PycReq){r, mask, priv, redop, PYC_ELEM_I64, 0};
        rec_req(rc, i, k, r, w.ndims[k], mask, priv, redop, smod, srem);
      }
      Args a = {n, rc, NULL};
      futs[n] = pyc_launch("rand", rand_task, &a, sizeof a, rc->nreqs, reqs, 8);
      for (int i = 0; i < rc->nreqs; i++) pyc_region_release(tmp[i]);
      n++;
    }
    if (serialized) CHECK(pyc_runtime_fence() == PYC_TASK_OK);
  }
  CHECK(pyc_runtime_fence() == PYC_TASK_OK);
  int64_t m = 0;
  for (int t = 0; t < n; t++) {
    int64_t h = 0;
    if (futs[t]) {
      CHECK(pyc_future_get(futs[t], &h) == PYC_TASK_OK);
      pyc_future_release(futs[t]);
    }
    out[m++] = h;
  }
  free(futs);
  for (int k = 0; k < NROOTS; k++) {
    for (int f = 0; f < 3; f++) {
      int64_t *d = pyc_region_field_data(w.roots[k], f);
      for (int64_t i = 0; i < pyc_region_volume(w.roots[k]); i++) out[m++] = d[i];
    }
    for (int pi = 0; pi < NPARTS; pi++) pyc_partition_release(w.parts[k][pi]);
    pyc_region_release(w.roots[k]);
  }
  *nout = m;
  return n;
}

static void test_random(void) {
  int seeds = quick ? 6 : 40, nlaunch = quick ? 300 : 1500;
  size_t cap = MAXTASKS + 3 * (300 + 720 + 480);
  int64_t *par = malloc(sizeof(int64_t) * cap), *seq = malloc(sizeof(int64_t) * cap);
  Rec *recs = calloc(MAXTASKS, sizeof(Rec));
  int32_t ndims[NROOTS] = {1, 2, 3};
  const int64_t exts[NROOTS][3] = {{300, 1, 1}, {24, 30, 1}, {10, 8, 6}};
  int bad = 0, clashes = 0;
  for (int seed = 1; seed <= seeds; seed++) {
    int64_t np = 0, ns = 0;
    run_random((uint64_t)seed, nlaunch, 1, recs, seq, &ns);
    int n = run_random((uint64_t)seed, nlaunch, 0, recs, par, &np);
    if (np != ns || memcmp(par, seq, sizeof(int64_t) * (size_t)np) != 0)
      if (bad++ < 3) fprintf(stderr, "random launches seed %d: parallel != serialized\n", seed);
    for (int j = 0; j < n; j++)
      for (int i = 0; i < j; i++)
        if (atomic_load(&recs[j].start) < atomic_load(&recs[i].end) &&
            rec_interfere(&recs[i], &recs[j], ndims, exts)) {
          if (clashes++ < 3)
            fprintf(stderr, "seed %d: tasks %d and %d interfere but overlapped\n", seed, i, j);
        }
  }
  CHECK(bad == 0);
  CHECK(clashes == 0);
  free(par);
  free(seq);
  free(recs);
}

// ---- many readers, a writer, readers ---------------------------------------------

static _Atomic int64_t readers_done;

static void reader_task(void *args, PycRegion **regions, void *result) {
  (void)args;
  int64_t *d = pyc_region_field_data(regions[0], 0);
  memcpy(result, &d[0], 8);
  atomic_fetch_add(&readers_done, 1);
}

static void writer_task(void *args, PycRegion **regions, void *result) {
  (void)args;
  int64_t *d = pyc_region_field_data(regions[0], 0);
  int64_t seen = atomic_load(&readers_done);
  memcpy(result, &seen, 8);
  d[0] = 7;
}

static void test_readers_writer(void) {
  int64_t n[1] = {16}, fs[1] = {8};
  PycRegion *r = pyc_region_new(1, n, 1, fs);
  PycReq rd = {r, 0, PYC_PRIV_READ, 0, 0, 0}, wr = {r, 0, PYC_PRIV_READ_WRITE, 0, 0, 0};
  int nr = quick ? 500 : 5000;
  atomic_store(&readers_done, 0);
  for (int i = 0; i < nr; i++)
    pyc_future_release(pyc_launch("rd", reader_task, NULL, 0, 1, &rd, 8));
  PycFuture *w = pyc_launch("wr", writer_task, NULL, 0, 1, &wr, 8);
  PycFuture *after = pyc_launch("rd", reader_task, NULL, 0, 1, &rd, 8);
  CHECK(pyc_future_get_i64(w) == nr);  // after every earlier reader
  CHECK(pyc_future_get_i64(after) == 7);
  pyc_future_release(w);
  pyc_future_release(after);
  CHECK(pyc_runtime_fence() == PYC_TASK_OK);
  pyc_region_release(r);
}

// ---- a whole-region user, then column slabs: the index re-keys its tree -----------

static _Atomic int32_t gate;

static void gated_fill(void *args, PycRegion **regions, void *result) {
  (void)args;
  (void)result;
  while (!atomic_load(&gate)) {
    struct timespec ts = {0, 100000};
    nanosleep(&ts, NULL);
  }
  int64_t *d = pyc_region_field_data(regions[0], 0);
  for (int64_t i = 0; i < pyc_region_volume(regions[0]); i++) d[i] = 1;
}

static void col_task(void *args, PycRegion **regions, void *result) {
  (void)result;
  int64_t c = *(int64_t *)args;
  PycRegion *r = regions[0];
  for (int64_t i = pyc_region_lo(r, 0); i <= pyc_region_hi(r, 0); i++) {
    int64_t p[2] = {i, c};
    int64_t off =
        (p[0] - pyc_region_lo(r, 0)) * pyc_region_stride(r, 0) + (p[1] - pyc_region_lo(r, 1));
    int64_t *e = (int64_t *)pyc_region_field_data(r, 0) + off;
    *e = *e * 10 + c % 7;
  }
}

static void test_rekey(void) {
  int64_t ncol = quick ? 300 : 3000;
  int64_t ext[2] = {4, ncol}, fs[1] = {8}, colors[2] = {1, ncol};
  PycRegion *r = pyc_region_new(2, ext, 1, fs);
  PycPartition *p = pyc_partition_equal(r, 2, colors);
  PycReq whole = {r, 0, PYC_PRIV_READ_WRITE, 0, 0, 0};
  atomic_store(&gate, 0);
  // The whole region first (its tree keys on axis 0), blocked until the end.
  pyc_future_release(pyc_launch("whole", gated_fill, NULL, 0, 1, &whole, 0));
  for (int round = 0; round < 2; round++)  // two rounds of one task per column
    for (int64_t c = 0; c < ncol; c++) {
      PycReq q = {pyc_partition_piece(p, c), 0, PYC_PRIV_READ_WRITE, 0, 0, 0};
      pyc_future_release(pyc_launch("col", col_task, &c, sizeof c, 1, &q, 0));
    }
  atomic_store(&gate, 1);
  CHECK(pyc_runtime_fence() == PYC_TASK_OK);
  int64_t *d = pyc_region_field_data(r, 0);
  int bad = 0;
  for (int64_t i = 0; i < 4; i++)
    for (int64_t c = 0; c < ncol; c++)
      bad += d[i * pyc_region_stride(r, 0) + c] != 100 + 11 * (c % 7);
  CHECK(bad == 0);
  pyc_partition_release(p);
  pyc_region_release(r);
}

// ---- exact sparse dependences ----------------------------------------------------

static _Atomic int32_t flag, a_done;

// Waits (bounded: fails rather than hangs) for flag, which a later launch
// sets: returns 1 when it came, i.e. the two ran concurrently.
static void wait_flag(void *args, PycRegion **regions, void *result) {
  (void)args;
  (void)regions;
  int64_t seen = 0;
  struct timespec t0, now;
  clock_gettime(CLOCK_MONOTONIC, &t0);
  do {  // 10 s at most
    struct timespec ts = {0, 50000};
    nanosleep(&ts, NULL);
    clock_gettime(CLOCK_MONOTONIC, &now);
  } while (!(seen = atomic_load(&flag)) && now.tv_sec - t0.tv_sec < 10);
  memcpy(result, &seen, 8);
}

static void set_flag(void *args, PycRegion **regions, void *result) {
  (void)args;
  (void)regions;
  (void)result;
  atomic_store(&flag, 1);
}

// Blocked until gate, then marks a_done.
static void gated_mark(void *args, PycRegion **regions, void *result) {
  (void)args;
  (void)regions;
  (void)result;
  while (!atomic_load(&gate)) {
    struct timespec ts = {0, 100000};
    nanosleep(&ts, NULL);
  }
  atomic_store(&a_done, 1);
}

static void read_done(void *args, PycRegion **regions, void *result) {
  (void)args;
  (void)regions;
  int64_t v = atomic_load(&a_done);
  memcpy(result, &v, 8);
}

// Point 0 of an index launch waits for the flag, point 1 sets it.
static void point_flag(void *args, PycRegion **regions, void *result) {
  int64_t zero = 0;
  if (*(int64_t *)args == 0)
    wait_flag(args, regions, result);
  else {
    set_flag(args, regions, result);
    memcpy(result, &zero, 8);
  }
}

// a, then b: whether b ran while a was still running (no edge a -> b).
static int concurrent(PycReq a, PycReq b) {
  atomic_store(&flag, 0);
  PycFuture *fa = pyc_launch("a", wait_flag, NULL, 0, 1, &a, 8);
  pyc_future_release(pyc_launch("b", set_flag, NULL, 0, 1, &b, 0));
  int64_t seen = pyc_future_get_i64(fa);
  pyc_future_release(fa);
  CHECK(pyc_runtime_fence() == PYC_TASK_OK);
  return seen == 1;
}

// a (blocked), then the others, the last of which reports whether a had
// finished when it ran (1: it waited for a).
static int64_t waits_for_first(int n, const PycReq *reqs) {
  atomic_store(&gate, 0);
  atomic_store(&a_done, 0);
  pyc_future_release(pyc_launch("a", gated_mark, NULL, 0, 1, &reqs[0], 0));
  for (int i = 1; i < n - 1; i++)
    pyc_future_release(pyc_launch("mid", set_flag, NULL, 0, 1, &reqs[i], 0));
  PycFuture *last = pyc_launch("last", read_done, NULL, 0, 1, &reqs[n - 1], 8);
  struct timespec ts = {0, 20000000};  // lets a wrongly unordered `last` run first
  nanosleep(&ts, NULL);
  atomic_store(&gate, 1);
  int64_t v = pyc_future_get_i64(last);
  pyc_future_release(last);
  CHECK(pyc_runtime_fence() == PYC_TASK_OK);
  return v;
}

// Pieces colored key % m by a by_field partition of a fresh region.
static PycPartition *by_key_mod(PycRegion *r, int64_t m) {
  int64_t *d = pyc_region_field_data(r, 0);
  for (int64_t i = 0; i < pyc_region_volume(r); i++) d[i] = i % m;
  return pyc_partition_by_field(r, 0, 1, &m);
}

static void test_sparse(void) {
  int64_t n1[1] = {64}, n2[2] = {6, 8}, fs[2] = {8, 8};
  PycRegion *r1 = pyc_region_new(1, n1, 2, fs), *r2 = pyc_region_new(2, n2, 2, fs);
  PycPartition *even1 = by_key_mod(r1, 2), *three1 = by_key_mod(r1, 3);
  PycPartition *even2 = by_key_mod(r2, 2), *three2 = by_key_mod(r2, 3);
  for (int k = 0; k < 2; k++) {  // 1-d, then 2-d (columns of one parity)
    PycPartition *two = k ? even2 : even1, *three = k ? three2 : three1;
    PycRegion *root = k ? r2 : r1;
    PycRegion *ev = pyc_partition_piece(two, 0), *od = pyc_partition_piece(two, 1);
    CHECK(pyc_region_points(ev) && pyc_region_points(od));
    CHECK(pyc_region_lo(ev, 0) <= pyc_region_hi(od, 0));  // the boxes overlap
    PycReq ev_rw = {ev, 1, PYC_PRIV_READ_WRITE, 0, 0, 0},
           od_rw = {od, 1, PYC_PRIV_READ_WRITE, 0, 0, 0};
    PycReq od_rd = {od, 1, PYC_PRIV_READ, 0, 0, 0};
    PycReq t0_rw = {pyc_partition_piece(three, 0), 1, PYC_PRIV_READ_WRITE, 0, 0, 0};
    PycReq t0_rd = {pyc_partition_piece(three, 0), 1, PYC_PRIV_READ, 0, 0, 0};
    // 1. disjoint interleaved writers (sparse x sparse) run concurrently
    CHECK(concurrent(ev_rw, od_rw));
    CHECK(concurrent(od_rd, ev_rw));
    // 2. sparse x rectangle: a rectangle holding only odd points (1-d: one
    // point; 2-d: one column) meets the even piece's box but no point of it
    int64_t lo[2] = {1, 1}, hi[2] = {1, k ? 5 : 1};
    if (k) hi[0] = 5, hi[1] = 1, lo[0] = 0;
    PycRegion *odd_rect = pyc_region_subregion(root, lo, hi);
    PycReq rect_rw = {odd_rect, 1, PYC_PRIV_READ_WRITE, 0, 0, 0};
    CHECK(concurrent(ev_rw, rect_rw));
    CHECK(concurrent(rect_rw, ev_rw));
    // ... but a rectangle with an even point in it is ordered after the writer
    int64_t lo2[2] = {0, 0}, hi2[2] = {1, 1};
    PycRegion *mixed = pyc_region_subregion(root, lo2, hi2);
    PycReq pair[2] = {ev_rw, {mixed, 1, PYC_PRIV_READ, 0, 0, 0}};
    CHECK(waits_for_first(2, pair) == 1);
    // 3. overlapping sparse sets (key % 2 == 0 and key % 3 == 0) are ordered
    PycReq p3[2] = {ev_rw, t0_rd};
    CHECK(waits_for_first(2, p3) == 1);
    PycReq p4[2] = {t0_rw, od_rd};  // key 3 is in both
    CHECK(waits_for_first(2, p4) == 1);
    // 4. a sparse writer removes only the users it covers: the reader of
    // key % 3 == 0 (blocked) is not covered by the even writer (their boxes
    // nest), so the odd writer after both still waits for it
    PycReq p5[3] = {t0_rd, ev_rw, od_rw};
    CHECK(waits_for_first(3, p5) == 1);
    // ... and a writer of the same piece is covered: a chain stays ordered
    PycReq p6[3] = {ev_rw, ev_rw, {ev, 1, PYC_PRIV_READ, 0, 0, 0}};
    CHECK(waits_for_first(3, p6) == 1);
    // 5. the same point sets made without a partition (no disjoint
    // partition relates them: their keys are compared)
    PycRegion *evp =
        pyc_region_subregion_points(root, pyc_region_volume(ev), pyc_region_points(ev));
    PycRegion *odp =
        pyc_region_subregion_points(root, pyc_region_volume(od), pyc_region_points(od));
    PycReq evp_rw = {evp, 1, PYC_PRIV_READ_WRITE, 0, 0, 0},
           odp_rd = {odp, 1, PYC_PRIV_READ, 0, 0, 0};
    CHECK(concurrent(evp_rw, odp_rd));
    CHECK(concurrent(odp_rd, ev_rw));
    CHECK(concurrent(evp_rw, odp_rd));  // again: the regions remember the merge
    PycReq p7[2] = {evp_rw, {ev, 1, PYC_PRIV_READ, 0, 0, 0}};
    CHECK(waits_for_first(2, p7) == 1);
    CHECK(waits_for_first(2, p7) == 1);
    PycReq p8[2] = {t0_rw, odp_rd};
    CHECK(waits_for_first(2, p8) == 1);
    PycReq p9[3] = {t0_rd, evp_rw, odp_rd};  // evp does not cover the reader: odp still waits
    p9[2].privilege = PYC_PRIV_READ_WRITE;
    CHECK(waits_for_first(3, p9) == 1);
    pyc_region_release(evp);
    pyc_region_release(odp);
    pyc_region_release(odd_rect);
    pyc_region_release(mixed);
  }
  // 6. an index launch over interleaved pieces: its points run concurrently
  // (point 0 waits for the flag that point 1 sets)
  {
    PycReq rq = {(PycRegion *)(void *)even1, 1, PYC_PRIV_READ_WRITE, 0, 0, 0};
    int64_t colors[1] = {2}, id = 0;
    atomic_store(&flag, 0);
    PycFuture *sum = pyc_index_launch("pt", point_flag, &id, sizeof id, 1, &rq, 1, 1, colors, 0, 8,
                                      PYC_REDOP_SUM | PYC_ELEM_I64 << 8);
    CHECK(sum && pyc_future_get_i64(sum) == 1);
    pyc_future_release(sum);
    CHECK(pyc_runtime_fence() == PYC_TASK_OK);
  }
  pyc_partition_release(even1);
  pyc_partition_release(three1);
  pyc_partition_release(even2);
  pyc_partition_release(three2);
  pyc_region_release(r1);
  pyc_region_release(r2);
}

// ---- independent launches --------------------------------------------------------

static _Atomic int32_t b_ran;

static void gated_write(void *args, PycRegion **regions, void *result) {
  (void)args;
  (void)result;
  while (!atomic_load(&gate)) {
    struct timespec ts = {0, 100000};
    nanosleep(&ts, NULL);
  }
  int64_t *d = pyc_region_field_data(regions[0], 0);
  d[0] = 42;
}

static void read_first(void *args, PycRegion **regions, void *result) {
  (void)args;
  int64_t *d = pyc_region_field_data(regions[0], 0);
  memcpy(result, &d[0], 8);
  atomic_store(&b_ran, 1);
}

static void test_independent(void) {
  int64_t n[1] = {8}, fs[1] = {8};
  PycRegion *r = pyc_region_new(1, n, 1, fs);
  PycReq rw = {r, 0, PYC_PRIV_READ_WRITE, 0, 0, 0}, rd = {r, 0, PYC_PRIV_READ, 0, 0, 0};
  // 1. An independent launch is registered: a later reader waits for it.
  atomic_store(&gate, 0);
  PycFuture *a = pyc_launch_ex("a", gated_write, NULL, 0, 1, &rw, 0, PYC_LAUNCH_INDEPENDENT);
  CHECK(a != NULL);
  PycFuture *b = pyc_launch("b", read_first, NULL, 0, 1, &rd, 8);
  atomic_store(&gate, 1);
  CHECK(pyc_future_get_i64(b) == 42);
  pyc_future_release(a);
  pyc_future_release(b);
  CHECK(pyc_runtime_fence() == PYC_TASK_OK);
  // 2. It skips the search: a (wrongly) independent reader runs while the
  // earlier writer is still blocked, and sees the old value.
  int64_t *d = pyc_region_field_data(r, 0);
  d[0] = 5;
  atomic_store(&gate, 0);
  atomic_store(&b_ran, 0);
  a = pyc_launch("a", gated_write, NULL, 0, 1, &rw, 0);
  b = pyc_launch_ex("b", read_first, NULL, 0, 1, &rd, 8, PYC_LAUNCH_INDEPENDENT);
  for (int i = 0; i < 200000 && !atomic_load(&b_ran); i++) {  // bounded: fail, never hang
    struct timespec ts = {0, 50000};
    nanosleep(&ts, NULL);
  }
  CHECK(atomic_load(&b_ran) == 1);
  atomic_store(&gate, 1);
  CHECK(pyc_future_get_i64(b) == 5);
  pyc_future_release(a);
  pyc_future_release(b);
  CHECK(pyc_runtime_fence() == PYC_TASK_OK && d[0] == 42);
  // 3. The flag is the same as pyc_launch for an empty region index, and
  // unknown flags are refused.
  CHECK(pyc_launch_ex("c", read_first, NULL, 0, 1, &rd, 8, 2) == NULL);
  CHECK(pyc_err_occurred());
  pyc_err_clear();
  pyc_region_release(r);
}

// PYC_TASK_CHECK_INDEPENDENT=1 verifies the promise (and aborts when broken).
// Runs in the child process of test_check.
static int check_mode(void) {
  setenv("PYC_TASK_CHECK_INDEPENDENT", "1", 1);
  CHECK(pyc_runtime_init(2) == PYC_TASK_OK);
  int64_t n[1] = {8}, fs[1] = {8};
  PycRegion *r = pyc_region_new(1, n, 1, fs), *other = pyc_region_new(1, n, 1, fs);
  PycReq rw = {r, 0, PYC_PRIV_READ_WRITE, 0, 0, 0}, rd = {r, 0, PYC_PRIV_READ, 0, 0, 0};
  PycReq rw2 = {other, 0, PYC_PRIV_READ_WRITE, 0, 0, 0};
  atomic_store(&gate, 0);
  pyc_future_release(pyc_launch("writer", gated_fill, NULL, 0, 1, &rw, 0));
  // Correct: another region.
  pyc_future_release(
      pyc_launch_ex("fine", read_first, NULL, 0, 1, &rw2, 8, PYC_LAUNCH_INDEPENDENT));
  printf("a correct independent launch passes the check\n");
  fflush(stdout);
  // Wrong: reads what the blocked writer writes.
  pyc_future_release(
      pyc_launch_ex("wrong", read_first, NULL, 0, 1, &rd, 8, PYC_LAUNCH_INDEPENDENT));
  printf("not reached\n");
  return 1;
}

static void test_check(void) {
  int fd[2];
  CHECK(pipe(fd) == 0);
  fflush(NULL);
  pid_t pid = fork();
  if (pid == 0) {
    dup2(fd[1], 1);
    dup2(fd[1], 2);
    close(fd[0]);
    _exit(check_mode());
  }
  close(fd[1]);
  char out[2048];
  size_t len = 0;
  ssize_t k;
  while (len < sizeof out - 1 && (k = read(fd[0], out + len, sizeof out - 1 - len)) > 0)
    len += (size_t)k;
  out[len] = 0;
  close(fd[0]);
  int status = 0;
  CHECK(waitpid(pid, &status, 0) == pid);
  CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGABRT);
  CHECK(strstr(out, "a correct independent launch passes the check") != NULL);
  CHECK(strstr(out, "launch of 'wrong' is marked independent (PYC_LAUNCH_INDEPENDENT) but "
                    "interferes with the unfinished launch of 'writer'") != NULL);
  CHECK(strstr(out, "not reached") == NULL);
}

int main(int argc, char **argv) {
  quick = argc > 1 && strcmp(argv[1], "quick") == 0;
  test_check();  // forks: before this process starts any thread
  CHECK(pyc_runtime_set_alloc(count_alloc, NULL) == 1);
  CHECK(pyc_runtime_init(4) == PYC_TASK_OK);
  test_random();
  test_readers_writer();
  test_rekey();
  test_sparse();
  test_independent();
  CHECK(pyc_runtime_shutdown() == PYC_TASK_OK);
  CHECK(pyc_runtime_live_allocs() == 0);
  if (failures) {
    fprintf(stderr, "test_runtime_deps: %d failure(s)\n", failures);
    return 1;
  }
  printf("test_runtime_deps: ok%s\n", quick ? " (quick)" : "");
  return 0;
}
