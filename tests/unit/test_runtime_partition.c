// Unit tests of partitions and index launches (runtime/src/partition.c):
// Partition.equal pieces (1-3 d, E*c//n bounds, disjoint + complete, on a
// subregion too), restrict (disjoint or aliased, clipped), halo (grown and
// clipped, aliased), image (exact point sets), by_field / preimage (1-d and
// 2-d sparse pieces), bad input raising, refcounts (no live allocation at the
// end), an index launch writing each piece, a reduction over point results
// in point order, dependences at piece granularity (block 0 of the next step
// of a stencil runs while block 3 of the previous step is still running),
// and the time of an index launch of 1,000 empty point tasks.
#define _POSIX_C_SOURCE 200809L
#include "pyc/tasks.h"

#include <stdatomic.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

static int failures;

#define CHECK(cond)                                                                                \
  do {                                                                                             \
    if (!(cond)) {                                                                                 \
      fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond);                     \
      failures++;                                                                                  \
    }                                                                                              \
  } while (0)

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

static void test_equal(void) {
  int64_t ext[1] = {10}, sz[1] = {8}, n[1] = {3};
  PycRegion *r = pyc_region_new(1, ext, 1, sz);
  PycPartition *p = pyc_partition_equal(r, 1, n);
  CHECK(p && pyc_partition_volume(p) == 3 && pyc_partition_cdim(p) == 1);
  CHECK(pyc_partition_kind(p) == (PYC_PART_DISJOINT | PYC_PART_COMPLETE));
  int64_t want[3][2] = {{0, 2}, {3, 5}, {6, 9}};
  for (int64_t c = 0; c < 3; c++) {
    PycRegion *q = pyc_partition_get(p, &c);
    CHECK(q && pyc_region_lo(q, 0) == want[c][0] && pyc_region_hi(q, 0) == want[c][1]);
    CHECK(pyc_region_parent(q) == r);
  }
  int64_t bad = 3;
  CHECK(pyc_partition_get(p, &bad) == NULL && pyc_err_occurred() == PYC_EXC_INDEX);
  pyc_err_clear();
  // a partition of a piece: coordinates stay the parent's
  int64_t c1 = 2, two[1] = {2};
  PycPartition *pp = pyc_partition_equal(pyc_partition_get(p, &c1), 1, two);
  CHECK(pp && pyc_region_lo(pyc_partition_piece(pp, 1), 0) == 8 &&
        pyc_region_hi(pyc_partition_piece(pp, 1), 0) == 9);
  // halo: grown by 1, clipped, aliased
  PycPartition *h = pyc_partition_halo(p, 1);
  CHECK(h && pyc_partition_kind(h) == 0);
  CHECK(pyc_region_lo(pyc_partition_piece(h, 0), 0) == 0 &&
        pyc_region_hi(pyc_partition_piece(h, 0), 0) == 3);
  CHECK(pyc_region_lo(pyc_partition_piece(h, 2), 0) == 5 &&
        pyc_region_hi(pyc_partition_piece(h, 2), 0) == 9);
  pyc_partition_release(h);
  pyc_partition_release(pp);
  pyc_partition_release(p);
  // 2-D and 3-D, more colors than points (empty pieces)
  int64_t e2[2] = {5, 7}, n2[2] = {2, 3};
  PycRegion *g = pyc_region_new(2, e2, 1, sz);
  PycPartition *p2 = pyc_partition_equal(g, 2, n2);
  CHECK(p2 && pyc_partition_volume(p2) == 6);
  int64_t c[2] = {1, 2};
  PycRegion *q = pyc_partition_get(p2, c);
  CHECK(pyc_region_lo(q, 0) == 2 && pyc_region_hi(q, 0) == 4 && pyc_region_lo(q, 1) == 4 &&
        pyc_region_hi(q, 1) == 6);
  int64_t e3[3] = {2, 2, 2}, n3[3] = {4, 1, 1};
  PycRegion *g3 = pyc_region_new(3, e3, 1, sz);
  PycPartition *p3 = pyc_partition_equal(g3, 3, n3);
  int64_t vol = 0;
  for (int64_t k = 0; k < 4; k++) vol += pyc_region_volume(pyc_partition_piece(p3, k));
  CHECK(p3 && vol == 8 && pyc_region_volume(pyc_partition_piece(p3, 0)) == 0);
  CHECK(pyc_partition_equal(g, 1, n2) == NULL && pyc_err_occurred() == PYC_EXC_VALUE);
  pyc_err_clear();
  pyc_partition_release(p3);
  pyc_partition_release(p2);
  pyc_region_release(g3);
  pyc_region_release(g);
  // restrict: step 4, extent 4 -> disjoint and complete; extent 6 -> aliased
  int64_t e16[1] = {16}, col[1] = {4}, tr[1] = {4}, x4[1] = {4}, x6[1] = {6};
  PycRegion *r16 = pyc_region_new(1, e16, 1, sz);
  PycPartition *a = pyc_partition_restrict(r16, 1, col, tr, x4);
  PycPartition *b = pyc_partition_restrict(r16, 1, col, tr, x6);
  CHECK(a && pyc_partition_kind(a) == (PYC_PART_DISJOINT | PYC_PART_COMPLETE));
  CHECK(b && pyc_partition_kind(b) == 0 && pyc_region_hi(pyc_partition_piece(b, 3), 0) == 15);
  // image: exactly the points named by int64 pointers over each piece of a
  // (a permutation: disjoint and complete although the boxes overlap)
  int64_t *ptr = pyc_region_field_data(r16, 0);
  for (int64_t i = 0; i < 16; i++) ptr[i] = (i * 5) % 16;
  PycPartition *im = pyc_partition_image(r16, a, 0);
  CHECK(im && pyc_partition_volume(im) == 4 &&
        pyc_partition_kind(im) == (PYC_PART_DISJOINT | PYC_PART_COMPLETE));
  const PycRegion *i0 = pyc_partition_piece(im, 0), *i1 = pyc_partition_piece(im, 1);
  CHECK(pyc_region_lo(i0, 0) == 0 && pyc_region_hi(i0, 0) == 15);  // 0 5 10 15
  CHECK(pyc_region_volume(i0) == 4 && pyc_region_contains(i0, 5) && !pyc_region_contains(i0, 6));
  CHECK(pyc_region_lo(i1, 0) == 3 && pyc_region_hi(i1, 0) == 14);  // 4 9 14 3 -> 3 4 9 14
  CHECK(pyc_region_volume(i1) == 4 && pyc_region_point(i1, 1) == 4 &&
        pyc_region_point(i1, 3) == 14);
  pyc_partition_release(im);
  // duplicate pointers, pointers outside the region, a run: 0 0 1 99 -> a rectangle 0..1;
  // the pieces overlap -> aliased
  for (int64_t i = 0; i < 16; i++) ptr[i] = i < 4 ? (int64_t[]){0, 0, 1, 99}[i] : 2 + (i % 2);
  im = pyc_partition_image(r16, a, 0);
  CHECK(im && pyc_partition_kind(im) == 0);
  i0 = pyc_partition_piece(im, 0);
  CHECK(pyc_region_points(i0) == NULL && pyc_region_volume(i0) == 2 && pyc_region_hi(i0, 0) == 1);
  CHECK(pyc_region_volume(pyc_partition_piece(im, 1)) == 2);
  pyc_partition_release(im);
  pyc_partition_release(a);
  pyc_partition_release(b);
  pyc_region_release(r16);
  pyc_region_release(r);
}

// ---- index launches ----------------------------------------------------------
static void fill_point(void *args, PycRegion **regions, void *result) {
  int64_t i, v;
  memcpy(&i, args, 8);
  memcpy(&v, (char *)args + 8, 8);
  PycRegion *q = regions[0];
  int64_t *d = pyc_region_field_data(q, 0);
  int64_t lo = pyc_region_lo(q, 0), plo = pyc_region_lo(pyc_region_parent(q), 0);
  (void)plo;
  for (int64_t j = lo; j <= pyc_region_hi(q, 0); j++) d[j - lo] = v * 100 + i;
  double r = (double)i + 0.5;
  memcpy(result, &r, 8);
}

static void empty_task(void *args, PycRegion **regions, void *result) {
  (void)args;
  (void)regions;
  (void)result;
}

static atomic_int released, late;

// Block 3 of step 1: waits (up to 2 s) for block 0 of step 2 to have run.
static void slow_block(void *args, PycRegion **regions, void *result) {
  (void)args;
  (void)regions;
  (void)result;
  double t0 = now();
  while (!atomic_load(&released) && now() - t0 < 2.0) {
  }
  if (!atomic_load(&released)) atomic_store(&late, 1);
}

static void release_block(void *args, PycRegion **regions, void *result) {
  (void)args;
  (void)regions;
  (void)result;
  atomic_store(&released, 1);
}

static void test_index_launch(void) {
  int64_t ext[1] = {12}, sz[1] = {8}, n[1] = {4};
  PycRegion *r = pyc_region_new(1, ext, 1, sz);
  PycPartition *p = pyc_partition_equal(r, 1, n);
  int64_t args[2] = {0, 7};
  PycReq req = {(PycRegion *)(void *)p, 0, PYC_PRIV_READ_WRITE, 0, 0, 0};
  PycFuture *f = pyc_index_launch("fill_point", fill_point, args, 16, 1, &req, 1, 1, n, 0, 8,
                                  PYC_REDOP_SUM | PYC_ELEM_F64 << 8);
  double sum = 0;
  CHECK(f && pyc_future_get(f, &sum) == PYC_TASK_OK && sum == 0.5 + 1.5 + 2.5 + 3.5);
  pyc_future_release(f);
  CHECK(pyc_runtime_fence() == PYC_TASK_OK);
  int64_t *d = pyc_region_field_data(r, 0);
  CHECK(d[0] == 700 && d[2] == 700 && d[3] == 701 && d[11] == 703);
  // mismatched color space
  int64_t n5[1] = {5};
  CHECK(!pyc_index_launch("x", empty_task, NULL, 0, 1, &req, 1, 1, n5, -1, 0, -1) &&
        pyc_err_occurred() == PYC_EXC_VALUE);
  pyc_err_clear();
  // Piece granularity: step 1 writes block 3 slowly; step 2 reads halo[0]
  // (blocks 0 and 1 and a point of 1) and writes block 0: it does not wait
  // for block 3.
  PycPartition *h = pyc_partition_halo(p, 1);
  PycReq w3 = {pyc_partition_piece(p, 3), 0, PYC_PRIV_READ_WRITE, 0, 0, 0};
  PycFuture *s = pyc_launch("slow", slow_block, NULL, 0, 1, &w3, 0);
  PycReq two[2] = {{pyc_partition_piece(h, 0), 0, PYC_PRIV_READ, 0, 0, 0},
                   {pyc_partition_piece(p, 0), 0, PYC_PRIV_READ_WRITE, 0, 0, 0}};
  PycFuture *q = pyc_launch("step2.block0", release_block, NULL, 0, 2, two, 0);
  CHECK(pyc_future_wait(q) == PYC_TASK_OK && pyc_future_wait(s) == PYC_TASK_OK);
  CHECK(atomic_load(&late) == 0);
  pyc_future_release(q);
  pyc_future_release(s);
  pyc_partition_release(h);
  // 1,000 empty point tasks: launch to completion
  int64_t n1000[1] = {1000}, ext1000[1] = {1000};
  PycRegion *big = pyc_region_new(1, ext1000, 1, sz);
  PycPartition *pb = pyc_partition_equal(big, 1, n1000);
  PycReq rb = {(PycRegion *)(void *)pb, 0, PYC_PRIV_READ_WRITE, 0, 0, 0};
  double best = 1e9;
  for (int rep = 0; rep < 20; rep++) {
    double t0 = now();
    pyc_index_launch("empty", empty_task, NULL, 0, 1, &rb, 1, 1, n1000, -1, 0, -1);
    CHECK(pyc_runtime_fence() == PYC_TASK_OK);
    double t = now() - t0;
    if (t < best) best = t;
  }
  printf("index launch of 1000 empty point tasks: best %.3f ms (of 20)\n", best * 1e3);
  pyc_partition_release(pb);
  pyc_region_release(big);
  pyc_partition_release(p);
  pyc_region_release(r);
}

// A FutureMap: PYC_INDEX_GATHER keeps every point's result, read by point.
static void test_future_map(void) {
  int64_t ext[1] = {12}, sz[1] = {8}, n[1] = {4};
  PycRegion *r = pyc_region_new(1, ext, 1, sz);
  PycPartition *p = pyc_partition_equal(r, 1, n);
  int64_t args[2] = {0, 3};
  PycReq req = {(PycRegion *)(void *)p, 0, PYC_PRIV_READ_WRITE, 0, 0, 0};
  PycFuture *f = pyc_index_launch("fill_point", fill_point, args, 16, 1, &req, 1, 1, n, 0, 8,
                                  PYC_INDEX_GATHER);
  CHECK(f != NULL);
  for (int64_t i = 3; i >= 0; i--) {
    double v = -1;
    CHECK(pyc_future_map_get(f, 1, &i, &v) == PYC_TASK_OK && v == (double)i + 0.5);
  }
  int64_t out = 4, neg = -1;
  double v;
  CHECK(pyc_future_map_get(f, 1, &out, &v) == PYC_TASK_ERROR &&
        pyc_err_occurred() == PYC_EXC_INDEX);
  pyc_err_clear();
  CHECK(pyc_future_map_get(f, 1, &neg, &v) == PYC_TASK_ERROR &&
        pyc_err_occurred() == PYC_EXC_INDEX);
  pyc_err_clear();
  int64_t two[2] = {0, 0};  // a 2-d point of a 1-d launch
  CHECK(pyc_future_map_get(f, 2, two, &v) == PYC_TASK_ERROR && pyc_err_occurred() == PYC_EXC_INDEX);
  pyc_err_clear();
  pyc_future_release(f);
  // 2-d colors, void tasks: the map is done when every point is.
  int64_t ext2[2] = {4, 6}, n2[2] = {2, 3};
  PycRegion *r2 = pyc_region_new(2, ext2, 1, sz);
  PycPartition *p2 = pyc_partition_equal(r2, 2, n2);
  PycReq req2 = {(PycRegion *)(void *)p2, 0, PYC_PRIV_READ_WRITE, 0, 0, 0};
  f = pyc_index_launch("empty", empty_task, NULL, 0, 1, &req2, 1, 2, n2, -1, 0, PYC_INDEX_GATHER);
  CHECK(f && pyc_future_wait(f) == PYC_TASK_OK);
  int64_t pt[2] = {1, 2};
  CHECK(pyc_future_map_get(f, 2, pt, &v) == PYC_TASK_OK);
  pt[1] = 3;
  CHECK(pyc_future_map_get(f, 2, pt, &v) == PYC_TASK_ERROR && pyc_err_occurred() == PYC_EXC_INDEX);
  pyc_err_clear();
  pyc_future_release(f);
  // a gather needs 0- or 8-byte results
  CHECK(!pyc_index_launch("x", empty_task, NULL, 0, 1, &req, 1, 1, n, -1, 16, PYC_INDEX_GATHER) &&
        pyc_err_occurred() == PYC_EXC_VALUE);
  pyc_err_clear();
  pyc_partition_release(p2);
  pyc_region_release(r2);
  pyc_partition_release(p);
  pyc_region_release(r);
}

// Sparse pieces: by_field, preimage, rectangles of sparse regions, fill.
static void test_by_field_preimage(void) {
  int64_t ext[1] = {10}, sz[2] = {8, 8}, three = 3;
  PycRegion *r = pyc_region_new(1, ext, 2, sz);
  int64_t *color = pyc_region_field_data(r, 0), *ptr = pyc_region_field_data(r, 1);
  const int64_t cs[10] = {0, 1, 0, 2, 1, 1, 7, 0, 2, 2};  // 7: in no piece
  for (int i = 0; i < 10; i++) {
    color[i] = cs[i];
    ptr[i] = 9 - i;
  }
  PycPartition *p = pyc_partition_by_field(r, 0, 1, &three);
  CHECK(p && pyc_partition_kind(p) == PYC_PART_DISJOINT);  // point 6 uncolored: not complete
  PycRegion *q = pyc_partition_piece(p, 0);
  const int64_t *pts = pyc_region_points(q);
  CHECK(pts && pyc_region_volume(q) == 3 && pts[0] == 0 && pts[1] == 2 && pts[2] == 7);
  CHECK(pyc_region_lo(q, 0) == 0 && pyc_region_hi(q, 0) == 7 && pyc_region_point(q, 1) == 2);
  CHECK(pyc_region_contains(q, 2) && !pyc_region_contains(q, 1) && !pyc_region_contains(q, 8));
  // a run of points is a plain rectangle: piece 2 = {3, 8, 9} is not, {8, 9} below is
  int64_t lo[1] = {5}, hi[1] = {9};
  PycRegion *t = pyc_region_subregion(pyc_partition_piece(p, 2), lo, hi);
  CHECK(t && !pyc_region_points(t) && pyc_region_lo(t, 0) == 8 && pyc_region_volume(t) == 2);
  pyc_region_release(t);
  // fill visits only the points
  pyc_region_fill_i64(pyc_partition_piece(p, 1), 1, -5);
  CHECK(pyc_runtime_fence() == PYC_TASK_OK);
  CHECK(ptr[1] == -5 && ptr[4] == -5 && ptr[5] == -5 && ptr[0] == 9 && ptr[2] == 7 && ptr[3] == 6);
  for (int i = 0; i < 10; i++) ptr[i] = 9 - i;
  // preimage of the by_field partition through ptr: disjoint (the target is)
  PycPartition *pre = pyc_partition_preimage(r, p, 1);
  CHECK(pre && (pyc_partition_kind(pre) & PYC_PART_DISJOINT));
  q = pyc_partition_piece(pre, 0);  // ptr in {0, 2, 7}: points 9, 7, 2
  CHECK(pyc_region_volume(q) == 3 && pyc_region_point(q, 0) == 2 && pyc_region_point(q, 2) == 9);
  // preimage of an aliased partition: a point may be in two pieces
  int64_t two = 2;
  PycPartition *eq = pyc_partition_equal(r, 1, &two);
  PycPartition *h = pyc_partition_halo(eq, 1);
  PycPartition *pa = pyc_partition_preimage(r, h, 1);
  CHECK(pa && pyc_partition_kind(pa) == 0 && pyc_region_volume(pyc_partition_piece(pa, 0)) == 6);
  CHECK(!pyc_partition_by_field(r, 5, 1, &three) && pyc_err_occurred() == PYC_EXC_VALUE);
  pyc_err_clear();
  const int64_t bad[2] = {3, 3};
  CHECK(!pyc_region_subregion_points(r, 2, bad) && pyc_err_occurred() == PYC_EXC_VALUE);
  pyc_err_clear();
  pyc_partition_release(pa);
  pyc_partition_release(h);
  pyc_partition_release(eq);
  pyc_partition_release(pre);
  pyc_partition_release(p);
  pyc_region_release(r);
}

// Sparse n-d pieces: a 2-d checkerboard by_field (keys, row-major points,
// bounding box), rectangles of a sparse 2-d piece, fill, a 2-d preimage.
static void test_by_field_2d(void) {
  int64_t ext[2] = {3, 4}, sz[2] = {8, 8}, two = 2;
  PycRegion *r = pyc_region_new(2, ext, 2, sz);
  int64_t *color = pyc_region_field_data(r, 0), *v = pyc_region_field_data(r, 1);
  for (int i = 0; i < 3; i++)
    for (int j = 0; j < 4; j++) {
      color[i * 4 + j] = (i + j) % 2;
      v[i * 4 + j] = i * 4 + j;
    }
  PycPartition *p = pyc_partition_by_field(r, 0, 1, &two);
  CHECK(p && pyc_partition_kind(p) == (PYC_PART_DISJOINT | PYC_PART_COMPLETE));
  PycRegion *q = pyc_partition_piece(p, 1);  // (0,1) (0,3) (1,0) (1,2) (2,1) (2,3)
  const int64_t *keys = pyc_region_points(q);
  CHECK(keys && pyc_region_volume(q) == 6 && keys[0] == 1 && keys[2] == 4 && keys[5] == 11);
  CHECK(pyc_region_lo(q, 0) == 0 && pyc_region_lo(q, 1) == 0 && pyc_region_hi(q, 1) == 3);
  CHECK(pyc_region_point_axis(q, 2, 0) == 1 && pyc_region_point_axis(q, 2, 1) == 0);
  CHECK(pyc_region_point_axis(q, 5, 0) == 2 && pyc_region_point_axis(q, 5, 1) == 3);
  // a rectangle of a sparse piece keeps its points; one point is a rectangle
  int64_t lo[2] = {1, 1}, hi[2] = {2, 2}, lo1[2] = {1, 2}, hi1[2] = {1, 3};
  PycRegion *t = pyc_region_subregion(q, lo, hi);
  CHECK(t && pyc_region_volume(t) == 2 && pyc_region_point_axis(t, 1, 0) == 2 &&
        pyc_region_point_axis(t, 1, 1) == 1);
  PycRegion *t1 = pyc_region_subregion(q, lo1, hi1);
  CHECK(t1 && !pyc_region_points(t1) && pyc_region_volume(t1) == 1 && pyc_region_lo(t1, 1) == 2);
  pyc_region_release(t1);
  pyc_region_release(t);
  // fill visits only the points
  pyc_region_fill_i64(q, 1, -1);
  CHECK(pyc_runtime_fence() == PYC_TASK_OK);
  CHECK(v[0] == 0 && v[1] == -1 && v[4] == -1 && v[5] == 5 && v[11] == -1 && v[10] == 10);
  for (int i = 0; i < 12; i++) v[i] = 11 - i;
  // preimage of a 1-d partition through the int64 field v (2-d source)
  int64_t e12[1] = {12};
  PycRegion *flat = pyc_region_new(1, e12, 1, sz);
  int64_t three = 3;
  PycPartition *thirds = pyc_partition_equal(flat, 1, &three);
  PycPartition *pre = pyc_partition_preimage(r, thirds, 1);
  CHECK(pre && pyc_partition_kind(pre) == (PYC_PART_DISJOINT | PYC_PART_COMPLETE));
  q = pyc_partition_piece(pre, 0);  // v in 0..3: the last row, a rectangle
  CHECK(!pyc_region_points(q) && pyc_region_lo(q, 0) == 2 && pyc_region_volume(q) == 4);
  const int64_t bad[2] = {5, 12};  // key 12 is outside the 3 x 4 root
  CHECK(!pyc_region_subregion_points(r, 2, bad) && pyc_err_occurred() == PYC_EXC_VALUE);
  pyc_err_clear();
  pyc_partition_release(pre);
  pyc_partition_release(thirds);
  pyc_region_release(flat);
  pyc_partition_release(p);
  pyc_region_release(r);
}

// Point fields (n int64 per point, int2d / int3d): by_field with 2-d colors,
// image into a 2-d region (pointers outside dropped, duplicates once, exact
// kind), preimage of a 2-d partition, and the field-size checks.
static void test_point_fields(void) {
  int64_t ext[2] = {4, 4}, sz[2] = {16, 8};  // field 0: int2d, field 1: int64
  PycRegion *g = pyc_region_new(2, ext, 2, sz);
  int64_t *col = pyc_region_field_data(g, 0);
  for (int i = 0; i < 4; i++)
    for (int j = 0; j < 4; j++) {
      col[2 * (i * 4 + j)] = i / 2;      // 2 x 2 colors: the quadrants,
      col[2 * (i * 4 + j) + 1] = j / 2;  // but (3, 3) is colored (1, 5): in none
    }
  col[2 * 15 + 1] = 5;
  int64_t cc[2] = {2, 2};
  PycPartition *quad = pyc_partition_by_field(g, 0, 2, cc);
  CHECK(quad && pyc_partition_kind(quad) == PYC_PART_DISJOINT && pyc_partition_cdim(quad) == 2);
  int64_t c11[2] = {1, 1}, c01[2] = {0, 1};
  CHECK(pyc_region_volume(pyc_partition_get(quad, c11)) == 3);
  CHECK(!pyc_region_points(pyc_partition_get(quad, c01)) &&
        pyc_region_lo(pyc_partition_get(quad, c01), 1) == 2);  // a full quadrant: a rectangle
  CHECK(!pyc_partition_by_field(g, 1, 2, cc) && pyc_err_occurred() == PYC_EXC_VALUE);
  pyc_err_clear();
  // probes: 6 int2d pointers into g, two pieces of 3
  int64_t e6[1] = {6}, psz[1] = {16}, two = 2;
  PycRegion *pr = pyc_region_new(1, e6, 1, psz);
  int64_t *at = pyc_region_field_data(pr, 0);
  const int64_t pts[12] = {0, 0, 3, 3, 0, 0, /* | */ -1, 2, 1, 2, 3, 0};
  memcpy(at, pts, sizeof pts);
  PycPartition *halves = pyc_partition_equal(pr, 1, &two);
  PycPartition *img = pyc_partition_image(g, halves, 0);
  CHECK(img && pyc_partition_kind(img) == PYC_PART_DISJOINT);
  PycRegion *q0 = pyc_partition_piece(img, 0), *q1 = pyc_partition_piece(img, 1);
  CHECK(pyc_region_volume(q0) == 2 && pyc_region_points(q0)[0] == 0 && pyc_region_points(q0)[1] == 15);
  CHECK(pyc_region_volume(q1) == 2 && pyc_region_point_axis(q1, 0, 0) == 1 &&
        pyc_region_point_axis(q1, 1, 0) == 3 && pyc_region_point_axis(q1, 1, 1) == 0);
  at[6] = 0;  // now (0, 2) and (1, 2), (3, 0): still disjoint from {(0,0), (3,3)}; (0,0) twice
  at[7] = 0;
  PycPartition *img2 = pyc_partition_image(g, halves, 0);
  CHECK(img2 && pyc_partition_kind(img2) == 0);  // (0, 0) is in both pieces
  CHECK(!pyc_partition_image(pr, halves, 0) && pyc_err_occurred() == PYC_EXC_VALUE);  // 1-d target
  pyc_err_clear();
  // preimage of the quadrants: the probes pointing into each (colors 2 x 2)
  PycPartition *pre = pyc_partition_preimage(pr, quad, 0);
  CHECK(pre && (pyc_partition_kind(pre) & PYC_PART_DISJOINT) && pyc_partition_cdim(pre) == 2);
  int64_t c00[2] = {0, 0}, c10[2] = {1, 0};
  CHECK(pyc_region_volume(pyc_partition_get(pre, c00)) == 3);  // probes 0, 2, 3
  CHECK(pyc_region_volume(pyc_partition_get(pre, c10)) == 1);  // probe 5 at (3, 0)
  CHECK(pyc_region_volume(pyc_partition_get(pre, c11)) == 0);  // (3, 3) is in no quadrant
  CHECK(pyc_region_volume(pyc_partition_get(pre, c01)) == 1);  // probe 4 at (1, 2)
  pyc_partition_release(pre);
  pyc_partition_release(img2);
  pyc_partition_release(img);
  pyc_partition_release(halves);
  pyc_region_release(pr);
  pyc_partition_release(quad);
  pyc_region_release(g);
}

int main(void) {
  CHECK(pyc_runtime_init(2) == PYC_TASK_OK);
  test_by_field_preimage();
  test_by_field_2d();
  test_point_fields();
  test_equal();
  test_index_launch();
  test_future_map();
  CHECK(pyc_runtime_fence() == PYC_TASK_OK);
  CHECK(pyc_runtime_shutdown() == PYC_TASK_OK);
  CHECK(pyc_runtime_live_allocs() == 0);
  if (failures) {
    fprintf(stderr, "%d check(s) failed\n", failures);
    return 1;
  }
  printf("test_runtime_partition: ok\n");
  return 0;
}
