// Stress and unit tests of the task runtime (pyc/tasks.h): regions (shapes,
// strides, alignment, subregions, refcounts), fill/copy in launch order, a
// million empty tasks, random task graphs over random subregions, fields and
// privileges (some tasks launching a child, waited for or not) checked
// against the same launches serialized by fences,
// REDUCE privileges, parallel_for with reductions (exact, reproducible, vs
// sequential), errors in tasks and loops (drained, first error, no hang),
// nested launches, concurrency of independent tasks and exclusion of
// interfering ones, the trace file, and leaks (counting allocator).
// Usage: test_runtime_tasks [quick]   ("quick": smaller sizes, for TSan).
#define _POSIX_C_SOURCE 200809L  // nanosleep
#include "pyc/tasks.h"

#include "priv_effect.h"

#include <math.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static int failures;
static int quick;

#define CHECK(cond)                                                                                \
  do {                                                                                             \
    if (!(cond)) {                                                                                 \
      fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond);                     \
      failures++;                                                                                  \
    }                                                                                              \
  } while (0)

// ---- counting allocator (STYLE 9.6: tests assert no live allocation) --------

static _Atomic int64_t alloc_calls;

static void *count_alloc(void *ud, void *ptr, size_t old_size, size_t new_size) {
  (void)ud;
  (void)old_size;
  if (new_size == 0) {
    free(ptr);
    return NULL;
  }
  atomic_fetch_add_explicit(&alloc_calls, 1, memory_order_relaxed);
  return realloc(ptr, new_size);
}

static int64_t *elem64(PycRegion *r, int32_t f, const int64_t *p) {
  int64_t off = 0;
  for (int32_t d = 0; d < pyc_region_ndim(r); d++)
    off += (p[d] - pyc_region_lo(r, d)) * pyc_region_stride(r, d);
  return (int64_t *)pyc_region_field_data(r, f) + off;
}

// Iterates p over the rectangle of r (C order). Returns 0 when done.
static int next_point(PycRegion *r, int64_t *p) {
  for (int32_t d = pyc_region_ndim(r) - 1; d >= 0; d--) {
    if (++p[d] <= pyc_region_hi(r, d)) return 1;
    p[d] = pyc_region_lo(r, d);
  }
  return 0;
}

static int first_point(PycRegion *r, int64_t *p) {
  if (pyc_region_volume(r) == 0) return 0;
  for (int32_t d = 0; d < PYC_MAX_DIM; d++) p[d] = d < pyc_region_ndim(r) ? pyc_region_lo(r, d) : 0;
  return 1;
}

// ---- regions -----------------------------------------------------------------

static void test_regions(void) {
  int64_t ext[3] = {5, 6, 7}, fs[3] = {8, 4, 1};
  PycRegion *r = pyc_region_new(3, ext, 3, fs);
  CHECK(r && pyc_region_ndim(r) == 3 && pyc_region_volume(r) == 210);
  CHECK(pyc_region_lo(r, 0) == 0 && pyc_region_hi(r, 2) == 6);
  CHECK(pyc_region_stride(r, 0) == 42 && pyc_region_stride(r, 1) == 7 &&
        pyc_region_stride(r, 2) == 1);
  CHECK(pyc_region_nfields(r) == 3 && pyc_region_field_size(r, 1) == 4);
  for (int f = 0; f < 3; f++) {
    unsigned char *d = pyc_region_field_data(r, f);
    CHECK(((uintptr_t)d & 63) == 0);
    int zero = 1;
    for (int64_t i = 0; i < 210 * fs[f]; i++) zero &= d[i] == 0;
    CHECK(zero);
  }
  // Subregion: global coordinates, shared storage.
  int64_t lo[3] = {1, 2, 3}, hi[3] = {3, 4, 6};
  PycRegion *s = pyc_region_subregion(r, lo, hi);
  CHECK(s && pyc_region_volume(s) == 3 * 3 * 4 && pyc_region_parent(s) == r);
  CHECK(pyc_region_refcount(r) == 2);
  int64_t p[3] = {2, 3, 4};
  *elem64(s, 0, p) = 77;
  CHECK(*elem64(r, 0, p) == 77);
  CHECK(((int64_t *)pyc_region_field_data(r, 0))[2 * 42 + 3 * 7 + 4] == 77);
  // Sub-subregion and bad rectangles.
  int64_t lo2[3] = {2, 3, 4}, hi2[3] = {2, 3, 4};
  PycRegion *ss = pyc_region_subregion(s, lo2, hi2);
  CHECK(ss && *elem64(ss, 0, p) == 77 && pyc_region_volume(ss) == 1);
  int64_t bad[3] = {0, 0, 0};
  CHECK(pyc_region_subregion(s, bad, hi2) == NULL && pyc_err_occurred() == PYC_EXC_INDEX);
  pyc_err_clear();
  int64_t elo[3] = {3, 3, 3}, ehi[3] = {2, 2, 2};
  PycRegion *empty = pyc_region_subregion(s, elo, ehi);
  CHECK(empty && pyc_region_volume(empty) == 0);
  pyc_region_release(empty);
  pyc_region_release(ss);
  pyc_region_release(s);
  CHECK(pyc_region_refcount(r) == 1);
  pyc_region_release(r);
  // Argument errors.
  CHECK(pyc_region_new(4, ext, 1, fs) == NULL && pyc_err_occurred() == PYC_EXC_VALUE);
  pyc_err_clear();
  int64_t neg[1] = {-1};
  CHECK(pyc_region_new(1, neg, 1, fs) == NULL && pyc_err_occurred() == PYC_EXC_VALUE);
  pyc_err_clear();
  int64_t huge[3] = {1 << 30, 1 << 30, 1 << 30};
  CHECK(pyc_region_new(3, huge, 1, fs) == NULL && pyc_err_occurred() == PYC_EXC_MEMORY);
  pyc_err_clear();
  int64_t z[1] = {0};
  PycRegion *zr = pyc_region_new(1, z, 1, fs);
  CHECK(zr && pyc_region_volume(zr) == 0);
  pyc_region_release(zr);
}

// ---- fill and copy --------------------------------------------------------------

static void test_fill_copy(void) {
  int64_t ext[2] = {10, 12}, fs[2] = {8, 8};
  PycRegion *a = pyc_region_new(2, ext, 2, fs);
  PycRegion *b = pyc_region_new(2, ext, 2, fs);
  int64_t v = 5;
  pyc_region_fill(a, 0, &v);
  int64_t lo[2] = {2, 3}, hi[2] = {4, 8};
  PycRegion *sa = pyc_region_subregion(a, lo, hi);
  v = 9;
  pyc_region_fill(sa, 0, &v);         // after the first fill (launch order)
  pyc_region_copy(a, 0, a, 1);         // field 0 -> field 1, same region
  PycRegion *sb = pyc_region_subregion(b, lo, hi);
  pyc_region_copy(a, 0, sb, 1);        // into a subregion of another region
  CHECK(pyc_runtime_fence() == PYC_TASK_OK);
  int ok = 1;
  for (int64_t i = 0; i < 10; i++)
    for (int64_t j = 0; j < 12; j++) {
      int64_t p[2] = {i, j};
      int in = i >= 2 && i <= 4 && j >= 3 && j <= 8;
      ok &= *elem64(a, 0, p) == (in ? 9 : 5);
      ok &= *elem64(a, 1, p) == (in ? 9 : 5);
      ok &= *elem64(b, 1, p) == (in ? 9 : 0);
      ok &= *elem64(b, 0, p) == 0;
    }
  CHECK(ok);
  // Typed fills.
  pyc_region_fill_i64(b, 0, -3);
  pyc_region_fill_f64(sb, 0, 2.5);
  CHECK(pyc_runtime_fence() == PYC_TASK_OK);
  int64_t q0[2] = {0, 0}, q1[2] = {3, 4};
  CHECK(*elem64(b, 0, q0) == -3);
  double dv;
  memcpy(&dv, elem64(b, 0, q1), 8);
  CHECK(dv == 2.5);
  // Reducing copies: b.f0 (-3 outside sb, 2.5 as bits inside) += a.f0 (i64).
  PycRegion *c64 = pyc_region_new(2, ext, 2, fs);
  pyc_region_fill_i64(c64, 0, 10);
  pyc_region_fill_i64(c64, 1, 10);
  for (int k = 0; k < 4; k++) pyc_region_copy_reduce(a, 0, c64, 0, PYC_REDOP_SUM, PYC_ELEM_I64);
  pyc_region_copy_reduce(a, 0, c64, 1, PYC_REDOP_MAX, PYC_ELEM_I64);
  CHECK(pyc_runtime_fence() == PYC_TASK_OK);
  CHECK(*elem64(c64, 0, q0) == 10 + 4 * 5 && *elem64(c64, 0, q1) == 10 + 4 * 9);
  CHECK(*elem64(c64, 1, q0) == 10 && *elem64(c64, 1, q1) == 10);
  pyc_region_copy_reduce(a, 0, c64, 0, PYC_REDOP_SUM, PYC_ELEM_F32);  // 4-byte type, 8-byte field
  CHECK(pyc_err_occurred() == PYC_EXC_VALUE);
  pyc_err_clear();
  pyc_region_release(c64);
  // Errors: bad field, destination outside the source, size mismatch.
  pyc_region_fill(a, 2, &v);
  CHECK(pyc_err_occurred() == PYC_EXC_VALUE);
  pyc_err_clear();
  pyc_region_copy(sa, 0, b, 0);
  CHECK(pyc_err_occurred() == PYC_EXC_VALUE);
  pyc_err_clear();
  int64_t fs1[1] = {4};
  PycRegion *c = pyc_region_new(2, ext, 1, fs1);
  pyc_region_copy(a, 0, c, 0);
  CHECK(pyc_err_occurred() == PYC_EXC_VALUE);
  pyc_err_clear();
  pyc_region_release(c);
  // Releasing regions right after launching is fine: the launch holds them.
  PycRegion *d = pyc_region_new(2, ext, 2, fs);
  pyc_region_fill(d, 1, &v);
  pyc_region_copy(d, 1, a, 0);
  pyc_region_release(d);
  CHECK(pyc_runtime_fence() == PYC_TASK_OK);
  int64_t p0[2] = {0, 0};
  CHECK(*elem64(a, 0, p0) == 9);
  pyc_region_release(sa);
  pyc_region_release(sb);
  pyc_region_release(a);
  pyc_region_release(b);
}

// ---- a million empty tasks ------------------------------------------------------

static _Atomic int64_t counter;

static void count_task(void *args, PycRegion **regions, void *result) {
  (void)args;
  (void)regions;
  (void)result;
  atomic_fetch_add_explicit(&counter, 1, memory_order_relaxed);
}

static void test_many_tasks(void) {
  int64_t n = quick ? 20000 : 1000000;
  atomic_store(&counter, 0);
  for (int64_t i = 0; i < n; i++) pyc_future_release(pyc_launch("empty", count_task, NULL, 0, 0, NULL, 0));
  CHECK(pyc_runtime_fence() == PYC_TASK_OK);
  CHECK(atomic_load(&counter) == n);
}

// ---- random task graphs ----------------------------------------------------------

#define RG_REGIONS 3
#define RG_SUBS 6
#define RG_MAXREQ 3

typedef struct RgArgs {
  int64_t id;
  int32_t nest;  // 1: launch a child on regions[0] and wait, 2: and do not wait
  int32_t nreqs;
  int32_t priv[RG_MAXREQ];
  int32_t redop[RG_MAXREQ];
  uint64_t mask[RG_MAXREQ];
} RgArgs;

// A deterministic function of the task's inputs: reads fold into h, writes
// and reductions store functions of h and the point.
static void rg_task(void *args, PycRegion **regions, void *result) {
  RgArgs *a = args;
  uint64_t h = (uint64_t)a->id * 0x9E3779B97F4A7C15ull;
  for (int32_t i = 0; i < a->nreqs; i++) {
    PycRegion *r = regions[i];
    for (int32_t f = 0; f < pyc_region_nfields(r); f++) {
      if (!(a->mask[i] >> f & 1)) continue;
      int64_t p[3];
      if (!first_point(r, p)) continue;
      do {
        int64_t *e = elem64(r, f, p);
        uint64_t pt = (uint64_t)(p[0] * 131 + p[1] * 17 + p[2]);
        h = priv_effect(a->priv[i], a->redop[i], a->id, e, h, pt);
      } while (next_point(r, p));
    }
  }
  if (a->nest && a->nreqs > 0 && a->priv[0] == PYC_PRIV_READ_WRITE) {
    // A child with the parent's own requirement: ordered after what the
    // parent wrote so far, and before anything launched after the parent.
    RgArgs c;
    memset(&c, 0, sizeof c);
    c.id = a->id + 100000;
    c.nreqs = 1;
    c.priv[0] = PYC_PRIV_READ_WRITE;
    c.mask[0] = a->mask[0];
    PycReq q = {regions[0], a->mask[0], PYC_PRIV_READ_WRITE, 0, 0, 0};
    PycFuture *f = pyc_launch("rg.child", rg_task, &c, sizeof c, 1, &q, 8);
    if (a->nest == 1) h += (uint64_t)pyc_future_get_i64(f);
    pyc_future_release(f);
  }
  memcpy(result, &h, sizeof h);
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

// Runs one random graph; serialized = fence after every launch. Stores the
// final contents of every field and every future's result in out.
static void rg_run(uint64_t seed, int ntasks, int serialized, int64_t *out, int64_t *nout) {
  Rng g = {seed * 2654435761u + 1};
  int64_t exts[RG_REGIONS][3] = {{48, 1, 1}, {8, 9, 1}, {4, 5, 3}};
  int32_t ndims[RG_REGIONS] = {1, 2, 3};
  int64_t fs[3] = {8, 8, 8};
  PycRegion *roots[RG_REGIONS];
  PycRegion *subs[RG_REGIONS][RG_SUBS];
  for (int k = 0; k < RG_REGIONS; k++) {
    roots[k] = pyc_region_new(ndims[k], exts[k], 3, fs);
    subs[k][0] = roots[k];
    pyc_region_retain(roots[k]);
    for (int s = 1; s < RG_SUBS; s++) {
      int64_t lo[3], hi[3];
      for (int d = 0; d < ndims[k]; d++) {
        lo[d] = rng_in(&g, 0, exts[k][d] - 1);
        hi[d] = rng_in(&g, lo[d], exts[k][d] - 1);
      }
      subs[k][s] = pyc_region_subregion(roots[k], lo, hi);
    }
  }
  PycFuture **futs = malloc(sizeof(PycFuture *) * (size_t)ntasks);
  for (int t = 0; t < ntasks; t++) {
    RgArgs a;
    memset(&a, 0, sizeof a);
    a.id = t;
    a.nest = rng_in(&g, 0, 9) == 0 ? (int32_t)rng_in(&g, 1, 2) : 0;
    a.nreqs = (int32_t)rng_in(&g, 0, RG_MAXREQ);
    PycReq reqs[RG_MAXREQ];
    for (int i = 0; i < a.nreqs; i++) {
      int k = (int)rng_in(&g, 0, RG_REGIONS - 1);
      int s = (int)rng_in(&g, 0, RG_SUBS - 1);
      uint64_t mask = (uint64_t)rng_in(&g, 1, 7);
      int64_t roll = rng_in(&g, 0, 99);
      int32_t priv = roll < 35   ? PYC_PRIV_READ
                     : roll < 65 ? PYC_PRIV_READ_WRITE
                     : roll < 75 ? PYC_PRIV_WRITE_DISCARD
                     : roll < 95 ? PYC_PRIV_REDUCE
                                 : PYC_PRIV_NONE;
      int32_t redop = rng_in(&g, 0, 1) ? PYC_REDOP_SUM : PYC_REDOP_MAX;
      reqs[i] = (PycReq){subs[k][s], mask, priv, redop, PYC_ELEM_I64, 0};
      a.priv[i] = priv;
      a.redop[i] = redop;
      a.mask[i] = mask;
    }
    futs[t] = pyc_launch("rg", rg_task, &a, sizeof a, a.nreqs, reqs, 8);
    if (serialized) CHECK(pyc_runtime_fence() == PYC_TASK_OK);
  }
  int64_t n = 0;
  for (int t = 0; t < ntasks; t++) {
    int64_t h = 0;
    CHECK(pyc_future_get(futs[t], &h) == PYC_TASK_OK);
    out[n++] = h;
    pyc_future_release(futs[t]);
  }
  free(futs);
  CHECK(pyc_runtime_fence() == PYC_TASK_OK);
  for (int k = 0; k < RG_REGIONS; k++) {
    for (int f = 0; f < 3; f++) {
      int64_t *d = pyc_region_field_data(roots[k], f);
      for (int64_t i = 0; i < pyc_region_volume(roots[k]); i++) out[n++] = d[i];
    }
    for (int s = 0; s < RG_SUBS; s++) pyc_region_release(subs[k][s]);
    pyc_region_release(roots[k]);
  }
  *nout = n;
}

static void test_random_graphs(void) {
  int seeds = quick ? 8 : 200, ntasks = quick ? 150 : 400;
  size_t cap = (size_t)ntasks + 3 * (48 + 72 + 60) + 16;
  int64_t *par = malloc(sizeof(int64_t) * cap), *seq = malloc(sizeof(int64_t) * cap);
  int bad = 0;
  for (int seed = 1; seed <= seeds; seed++) {
    int64_t np = 0, ns = 0;
    rg_run((uint64_t)seed, ntasks, 1, seq, &ns);
    rg_run((uint64_t)seed, ntasks, 0, par, &np);
    if (np != ns || memcmp(par, seq, sizeof(int64_t) * (size_t)np) != 0) {
      if (bad++ < 3) fprintf(stderr, "random graph seed %d: parallel != serialized\n", seed);
    }
  }
  CHECK(bad == 0);
  free(par);
  free(seq);
}

// ---- REDUCE privileges ------------------------------------------------------------

typedef struct RedArgs {
  double v;
} RedArgs;

static void red_task(void *args, PycRegion **regions, void *result) {
  (void)result;
  RedArgs *a = args;
  PycRegion *r = regions[0];
  int64_t *ci = pyc_region_field_data(r, 0);
  double *cf = pyc_region_field_data(r, 1);
  // The task sees the identities, not the region's values; only the reduced
  // field exists in its instance.
  if ((ci && ci[0] != 0) || (cf && cf[0] != -INFINITY) || (!ci == !cf))
    pyc_raise(PYC_EXC_ASSERTION, "not the identity", NULL, 0);
  for (int64_t i = 0; ci && i < pyc_region_volume(r); i++) ci[i] += 1;
  for (int64_t i = 0; cf && i < pyc_region_volume(r); i++)
    if (a->v > cf[i]) cf[i] = a->v;
}

static void test_reduce(void) {
  int64_t ext[1] = {100}, fs[2] = {8, 8};
  PycRegion *r = pyc_region_new(1, ext, 2, fs);
  int64_t one = 7;
  double start = 0.5;
  pyc_region_fill(r, 0, &one);
  pyc_region_fill(r, 1, &start);
  int n = quick ? 50 : 300;
  for (int k = 0; k < n; k++) {
    RedArgs a = {(double)(k % 97)};
    // One requirement per field, different operators: they run in parallel
    // with the other launches of the same operator, folded under a lock.
    PycReq q0 = {r, 1, PYC_PRIV_REDUCE, PYC_REDOP_SUM, PYC_ELEM_I64, 0};
    PycReq q1 = {r, 2, PYC_PRIV_REDUCE, PYC_REDOP_MAX, PYC_ELEM_F64, 0};
    PycReq pair[2] = {q0, q1};
    pyc_future_release(pyc_launch("reduce", red_task, &a, sizeof a, 1, &pair[0], 0));
    pyc_future_release(pyc_launch("reduce", red_task, &a, sizeof a, 1, &pair[1], 0));
  }
  CHECK(pyc_runtime_fence() == PYC_TASK_OK);
  int64_t *ci = pyc_region_field_data(r, 0);
  double *cf = pyc_region_field_data(r, 1);
  int ok = 1;
  double vmax = n > 96 ? 96.0 : (double)(n - 1);
  for (int i = 0; i < 100; i++) ok &= ci[i] == 7 + n && cf[i] == vmax;
  CHECK(ok);
  // Wrong element size for the reduction type: rejected at launch.
  PycReq badq = {r, 1, PYC_PRIV_REDUCE, PYC_REDOP_SUM, PYC_ELEM_I32, 0};
  CHECK(pyc_launch("bad", red_task, NULL, 0, 1, &badq, 0) == NULL);
  CHECK(pyc_err_occurred() == PYC_EXC_VALUE);
  pyc_err_clear();
  PycReq badf = {r, 4, PYC_PRIV_READ, 0, 0, 0};
  CHECK(pyc_launch("bad", red_task, NULL, 0, 1, &badf, 0) == NULL);
  pyc_err_clear();
  pyc_region_release(r);
}

// ---- parallel_for ------------------------------------------------------------------

typedef struct LoopEnv {
  const double *x;
  double *y;
  double a;
  int64_t fail_at;  // -1: never
} LoopEnv;

static void loop_body(void *env, int64_t lo, int64_t hi, void *acc) {
  LoopEnv *e = env;
  int64_t *ai = acc;
  double *af = acc;
  for (int64_t i = lo; i < hi; i++) {
    if (i == e->fail_at) {
      char msg[64];
      snprintf(msg, sizeof msg, "bad index %lld", (long long)i);
      pyc_raise(PYC_EXC_INDEX, msg, "loop.py", (int32_t)(10 + i % 7));
      return;
    }
    e->y[i] = e->a * e->x[i] + e->y[i];
    ai[0] += i;                                // + i64
    af[1] += e->x[i];                          // + f64
    if (e->y[i] < af[2]) af[2] = e->y[i];      // min f64
    int64_t m = (i * 7919) % 100003;
    if (m > ai[3]) ai[3] = m;                  // max i64
    if (i % 1000 == 1) ai[4] = (int64_t)((uint64_t)ai[4] * 3);  // * i64 (wraps)
  }
}

// One + reduction over i64: sum of i; raises at fail_at.
static void sum_body(void *env, int64_t lo, int64_t hi, void *acc) {
  LoopEnv *e = env;
  for (int64_t i = lo; i < hi; i++) {
    if (i == e->fail_at) {
      char msg[64];
      snprintf(msg, sizeof msg, "bad index %lld", (long long)i);
      pyc_raise(PYC_EXC_INDEX, msg, "loop.py", (int32_t)(10 + i % 7));
      return;
    }
    *(int64_t *)acc += i;
  }
}

static void test_parallel_for(void) {
  int64_t n = quick ? 20000 : 2000000;
  double *x = malloc(sizeof(double) * (size_t)n), *y = malloc(sizeof(double) * (size_t)n);
  double *y2 = malloc(sizeof(double) * (size_t)n);
  for (int64_t i = 0; i < n; i++) {
    x[i] = 1.0 / (double)(i + 1);
    y[i] = y2[i] = (double)(i % 13);
  }
  int32_t ops[5] = {PYC_REDOP_SUM, PYC_REDOP_SUM, PYC_REDOP_MIN, PYC_REDOP_MAX, PYC_REDOP_PROD};
  int32_t ty[5] = {PYC_ELEM_I64, PYC_ELEM_F64, PYC_ELEM_F64, PYC_ELEM_I64, PYC_ELEM_I64};
  // Sequential reference.
  int64_t seq[5];
  ((int64_t *)seq)[0] = 5;
  ((double *)seq)[1] = 0.0;
  ((double *)seq)[2] = INFINITY;
  seq[3] = INT64_MIN;
  seq[4] = 1;
  LoopEnv e2 = {x, y2, 2.0, -1};
  loop_body(&e2, 0, n, seq);
  int64_t first[5];
  for (int rep = 0; rep < 3; rep++) {
    int64_t res[5];
    res[0] = 0;
    ((double *)res)[1] = 0.0;
    ((double *)res)[2] = INFINITY;
    res[3] = INT64_MIN;
    res[4] = 1;
    res[0] = 5;
    LoopEnv e = {x, y, 2.0, -1};
    for (int64_t i = 0; i < n; i++) y[i] = (double)(i % 13);
    CHECK(pyc_parallel_for("saxpy", 0, n, loop_body, &e, 5, ops, ty, res) == PYC_TASK_OK);
    CHECK(res[0] == seq[0] && res[3] == seq[3] && res[4] == seq[4]);
    CHECK(((double *)res)[2] == ((double *)seq)[2]);
    CHECK(fabs(((double *)res)[1] - ((double *)seq)[1]) < 1e-9);
    CHECK(memcmp(y, y2, sizeof(double) * (size_t)n) == 0);
    if (rep == 0) memcpy(first, res, sizeof res);
    CHECK(memcmp(first, res, sizeof res) == 0);  // same bits every run
  }
  // Empty and tiny ranges.
  int64_t r0 = 42;
  int32_t op0 = PYC_REDOP_SUM, ty0 = PYC_ELEM_I64;
  LoopEnv e = {x, y, 2.0, -1};
  CHECK(pyc_parallel_for(NULL, 5, 5, sum_body, &e, 1, &op0, &ty0, &r0) == PYC_TASK_OK && r0 == 42);
  CHECK(pyc_parallel_for(NULL, 3, 5, sum_body, &e, 1, &op0, &ty0, &r0) == PYC_TASK_OK && r0 == 49);
  // Errors: the lowest failing chunk's error, results unchanged.
  e.fail_at = n / 2;
  r0 = 1;
  CHECK(pyc_parallel_for(NULL, 0, n, sum_body, &e, 1, &op0, &ty0, &r0) == PYC_TASK_ERROR);
  CHECK(pyc_err_occurred() == PYC_EXC_INDEX && r0 == 1);
  char want[64];
  snprintf(want, sizeof want, "bad index %lld", (long long)(n / 2));
  CHECK(strcmp(pyc_err_message(), want) == 0);
  CHECK(pyc_err_file() && strcmp(pyc_err_file(), "loop.py") == 0);
  pyc_err_clear();
  int32_t badty = PYC_ELEM_I32;
  CHECK(pyc_parallel_for(NULL, 0, n, sum_body, &e, 1, &op0, &badty, &r0) == PYC_TASK_ERROR);
  CHECK(pyc_err_occurred() == PYC_EXC_VALUE);
  pyc_err_clear();
  free(x);
  free(y);
  free(y2);
}

// ---- errors in tasks ------------------------------------------------------------

typedef struct ErrArgs {
  int64_t i, fail_at;
} ErrArgs;

static void err_task(void *args, PycRegion **regions, void *result) {
  ErrArgs *a = args;
  atomic_fetch_add(&counter, 1);
  if (a->i == a->fail_at) {
    pyc_raise(PYC_EXC_VALUE, "task 100 failed", "prog.py", 42);
    return;
  }
  if (regions) {
    int64_t *d = pyc_region_field_data(regions[0], 0);
    d[0] += 1;
  }
  if (result) memcpy(result, &a->i, sizeof a->i);
}

static void test_errors(void) {
  int64_t ext[1] = {4}, fs[1] = {8};
  PycRegion *r = pyc_region_new(1, ext, 1, fs);
  // A chain (RW on one region): tasks after the failing one are drained.
  atomic_store(&counter, 0);
  PycFuture *f100 = NULL, *f99 = NULL, *last = NULL;
  for (int64_t i = 0; i < 1000; i++) {
    ErrArgs a = {i, 100};
    PycReq q = {r, 0, PYC_PRIV_READ_WRITE, 0, 0, 0};
    PycFuture *f = pyc_launch("chain", err_task, &a, sizeof a, 1, &q, 8);
    if (i == 99) f99 = f;
    else if (i == 100) f100 = f;
    else if (i == 999) last = f;
    else pyc_future_release(f);
  }
  int64_t v = 0;
  CHECK(pyc_future_get(f99, &v) == PYC_TASK_OK && v == 99);
  CHECK(pyc_future_wait(f100) == PYC_TASK_ERROR);
  CHECK(pyc_err_occurred() == PYC_EXC_VALUE && pyc_err_line() == 42);
  pyc_err_clear();
  CHECK(pyc_future_wait(last) == PYC_TASK_ERROR);  // drained: the first error again
  CHECK(pyc_err_occurred() == PYC_EXC_VALUE && strcmp(pyc_err_message(), "task 100 failed") == 0);
  pyc_err_clear();
  CHECK(pyc_runtime_fence() == PYC_TASK_ERROR);
  CHECK(pyc_err_occurred() == PYC_EXC_VALUE && pyc_err_file() &&
        strcmp(pyc_err_file(), "prog.py") == 0 && pyc_err_line() == 42);
  pyc_err_clear();
  CHECK(atomic_load(&counter) == 101);
  CHECK(((int64_t *)pyc_region_field_data(r, 0))[0] == 100);
  pyc_future_release(f99);
  pyc_future_release(f100);
  pyc_future_release(last);
  // After the fence the runtime runs tasks again.
  ErrArgs ok = {1, -1};
  PycFuture *f = pyc_launch("again", err_task, &ok, sizeof ok, 0, NULL, 8);
  pyc_future_retain(f);
  pyc_future_release(f);
  CHECK(pyc_future_get_i64(f) == 1 && !pyc_err_occurred());
  pyc_future_release(f);
  // Independent tasks, one fails: no hang, the error comes out of the fence.
  for (int64_t i = 0; i < 2000; i++) {
    ErrArgs a = {i, 777};
    pyc_future_release(pyc_launch("indep", err_task, &a, sizeof a, 0, NULL, 0));
  }
  CHECK(pyc_runtime_fence() == PYC_TASK_ERROR && pyc_err_occurred() == PYC_EXC_VALUE);
  pyc_err_clear();
  CHECK(pyc_runtime_fence() == PYC_TASK_OK);
  pyc_region_release(r);
}

// ---- nested launches, concurrency, exclusion --------------------------------------

static void child_task(void *args, PycRegion **regions, void *result) {
  int64_t *d = pyc_region_field_data(regions[0], 0);
  d[0] += *(int64_t *)args;
  memcpy(result, &d[0], 8);
}

static void parent_task(void *args, PycRegion **regions, void *result) {
  (void)args;
  int64_t sum = 0;
  for (int64_t k = 1; k <= 10; k++) {
    PycReq q = {regions[0], 0, PYC_PRIV_READ_WRITE, 0, 0, 0};
    PycFuture *f = pyc_launch("child", child_task, &k, sizeof k, 1, &q, 8);
    sum += pyc_future_get_i64(f);
    pyc_future_release(f);
    if (pyc_err_occurred()) return;
  }
  memcpy(result, &sum, 8);
}

static _Atomic int32_t arrived, inside;

static void rendezvous_task(void *args, PycRegion **regions, void *result) {
  (void)args;
  (void)regions;
  int32_t met = 0;
  atomic_fetch_add(&arrived, 1);
  for (int i = 0; i < 2000 && !met; i++) {  // up to 2 s
    met = atomic_load(&arrived) >= 2;
    struct timespec ts = {0, 1000000};
    if (!met) nanosleep(&ts, NULL);
  }
  memcpy(result, &met, 4);
}

static void exclusive_task(void *args, PycRegion **regions, void *result) {
  (void)args;
  int32_t clash = atomic_fetch_add(&inside, 1) != 0;
  int64_t *d = pyc_region_field_data(regions[0], 0);
  for (int i = 0; i < 1000; i++) d[i % 8] += 1;
  atomic_fetch_sub(&inside, 1);
  memcpy(result, &clash, 4);
}

static void test_nested_and_concurrency(void) {
  int64_t ext[1] = {8}, fs[1] = {8};
  PycRegion *r = pyc_region_new(1, ext, 1, fs);
  PycReq q = {r, 0, PYC_PRIV_READ_WRITE, 0, 0, 0};
  PycFuture *p = pyc_launch("parent", parent_task, NULL, 0, 1, &q, 8);
  // A later sibling conflicting with the parent waits for it (and its children).
  PycFuture *after = pyc_launch("child", child_task, &(int64_t){100}, 8, 1, &q, 8);
  CHECK(pyc_future_get_i64(p) == 1 + 3 + 6 + 10 + 15 + 21 + 28 + 36 + 45 + 55);
  CHECK(pyc_future_get_i64(after) == 155);
  pyc_future_release(p);
  pyc_future_release(after);
  if (pyc_runtime_threads() >= 2) {
    // Independent (both READ): must be able to run at the same time.
    atomic_store(&arrived, 0);
    PycReq rq = {r, 0, PYC_PRIV_READ, 0, 0, 0};
    PycFuture *a = pyc_launch("meet", rendezvous_task, NULL, 0, 1, &rq, 4);
    PycFuture *b = pyc_launch("meet", rendezvous_task, NULL, 0, 1, &rq, 4);
    int32_t ma = 0, mb = 0;
    pyc_future_get(a, &ma);
    pyc_future_get(b, &mb);
    CHECK(ma && mb);
    pyc_future_release(a);
    pyc_future_release(b);
  }
  // Interfering (RW on overlapping subregions): never at the same time.
  int64_t lo1[1] = {0}, hi1[1] = {5}, lo2[1] = {3}, hi2[1] = {7};
  PycRegion *s1 = pyc_region_subregion(r, lo1, hi1), *s2 = pyc_region_subregion(r, lo2, hi2);
  PycFuture *fs2[200];
  for (int i = 0; i < 200; i++) {
    PycReq w = {i % 2 ? s1 : s2, 0, PYC_PRIV_READ_WRITE, 0, 0, 0};
    fs2[i] = pyc_launch("excl", exclusive_task, NULL, 0, 1, &w, 4);
  }
  int clashes = 0;
  for (int i = 0; i < 200; i++) {
    int32_t c = 0;
    pyc_future_get(fs2[i], &c);
    clashes += c;
    pyc_future_release(fs2[i]);
  }
  CHECK(clashes == 0);
  pyc_region_release(s1);
  pyc_region_release(s2);
  pyc_region_release(r);
}

// ---- trace ------------------------------------------------------------------------

static void test_symbols(void) {
  size_t n = 0;
  const PycRtSymbol *s = pyc_task_symbols(&n);
  CHECK(n == 60);  // + pyc_launch_ex; pyc_future_map_get, pyc_partition_by_field / preimage,
                   // pyc_region_contains / point / point_axis / points / subregion_points (issue 5)
  for (size_t i = 0; i < n; i++) CHECK(s[i].name && s[i].fn && strncmp(s[i].name, "pyc_", 4) == 0);
}

int main(int argc, char **argv) {
  quick = argc > 1 && strcmp(argv[1], "quick") == 0;
  CHECK(pyc_runtime_set_alloc(count_alloc, NULL) == 1);
  CHECK(pyc_runtime_init(4) == PYC_TASK_OK);
  CHECK(pyc_runtime_threads() == 4 && pyc_runtime_worker_id() == -1);
  CHECK(pyc_runtime_set_alloc(NULL, NULL) == 0);  // refused while running
  test_regions();
  test_fill_copy();
  test_many_tasks();
  test_random_graphs();
  test_reduce();
  test_parallel_for();
  test_errors();
  test_nested_and_concurrency();
  test_symbols();
  CHECK(pyc_runtime_shutdown() == PYC_TASK_OK);
  CHECK(pyc_runtime_live_allocs() == 0);
  CHECK(atomic_load(&alloc_calls) > 0);
  // The pool starts again on demand after a shutdown.
  atomic_store(&counter, 0);
  pyc_future_release(pyc_launch("again", count_task, NULL, 0, 0, NULL, 0));
  CHECK(pyc_runtime_shutdown() == PYC_TASK_OK && atomic_load(&counter) == 1);
  CHECK(pyc_runtime_live_allocs() == 0);
  if (failures) {
    fprintf(stderr, "test_runtime_tasks: %d failure(s)\n", failures);
    return 1;
  }
  printf("test_runtime_tasks: ok%s\n", quick ? " (quick)" : "");
  return 0;
}
