// Partitions and index launches (issue 5): a PycPartition is its parent
// region plus one subregion ("piece") per color, row-major, and what is known
// about it (disjoint, complete). Partition.equal, .restrict and .halo build
// the pieces with pyc_region_subregion (pieces keep the parent's
// coordinates); .by_field, .preimage and .image (any rank) build
// sparse pieces (pyc_region_subregion_points: sorted points, bounding box).
// pyc_index_launch runs one ordinary launch per point, with the partitioned
// requirements replaced by the point's piece: dependences are therefore
// tracked at piece granularity by the overlap rules of deps.c (a stencil
// block waits only for the blocks it overlaps; sparse pieces by their
// points, and the pieces of a disjoint partition carry its number,
// disjoint_in, so deps.c tells them apart at once). A reduction over the
// point results is one more task, with no requirements, that waits for the
// point futures in point order and folds them (v0 op v1 op ...); without
// one, a FutureMap gathers them (PYC_INDEX_GATHER) and pyc_future_map_get
// reads one.
#include <stdatomic.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "task_internal.h"

struct PycPartition {
  atomic_llong refs;
  PycRegion *parent;  // retained
  int32_t cdim;
  int32_t kind;  // PYC_PART_* bits
  int64_t colors[PYC_MAX_DIM];
  int64_t npieces;
  PycRegion **pieces;  // retained, row-major colors
};

// Sets p's kind; the pieces of a disjoint partition get its number, which
// tells the dependence analysis that they share no point (deps.c).
static void set_kind(PycPartition *p, int32_t kind) {
  p->kind = kind;
  if (!(kind & PYC_PART_DISJOINT)) return;
  uint64_t serial = atomic_fetch_add(&rt_ctx()->partition_serial, 1) + 1;
  for (int64_t i = 0; i < p->npieces; i++)
    if (p->pieces[i]) p->pieces[i]->disjoint_in = serial;
}

static PycPartition *part_alloc(PycRegion *parent, int32_t cdim, const int64_t *colors) {
  if (!parent || cdim < 1 || cdim > PYC_MAX_DIM || !colors) {
    pyc_raise(PYC_EXC_VALUE, "partition: a region and 1 to 3 color extents are needed", NULL, 0);
    return NULL;
  }
  int64_t n = 1;
  for (int32_t d = 0; d < cdim; d++) {
    if (colors[d] < 1 || colors[d] > (1 << 24) || n > (1 << 24) / colors[d]) {
      pyc_raise(PYC_EXC_VALUE,
                "partition: color counts must be positive (and the color space at most 2**24)",
                NULL, 0);
      return NULL;
    }
    n *= colors[d];
  }
  PycPartition *p = calloc(1, sizeof *p);
  PycRegion **pieces = calloc((size_t)n, sizeof *pieces);
  if (!p || !pieces) {
    free(p);
    free(pieces);
    pyc_raise(PYC_EXC_MEMORY, "Unable to allocate a partition", NULL, 0);
    return NULL;
  }
  atomic_init(&p->refs, 1);
  pyc_region_retain(parent);
  p->parent = parent;
  p->cdim = cdim;
  memcpy(p->colors, colors, sizeof(int64_t) * (size_t)cdim);
  p->npieces = n;
  p->pieces = pieces;
  return p;
}

// Color point of linear index k (row-major).
static void color_of(const PycPartition *p, int64_t k, int64_t *c) {
  for (int32_t d = p->cdim - 1; d >= 0; d--) {
    c[d] = k % p->colors[d];
    k /= p->colors[d];
  }
}

// Piece k = the rectangle [lo, hi] clipped to the parent (may be empty).
static bool set_piece(PycPartition *p, int64_t k, int64_t *lo, int64_t *hi) {
  int32_t nd = pyc_region_ndim(p->parent);
  for (int32_t d = 0; d < nd; d++) {
    int64_t plo = pyc_region_lo(p->parent, d), phi = pyc_region_hi(p->parent, d);
    if (lo[d] < plo) lo[d] = plo;
    if (hi[d] > phi) hi[d] = phi;
    if (hi[d] < lo[d]) {  // empty: an empty rectangle inside the parent
      lo[d] = plo;
      hi[d] = plo - 1;
    }
  }
  p->pieces[k] = pyc_region_subregion(p->parent, lo, hi);
  return p->pieces[k] != NULL;
}

static bool rects_meet(int32_t nd, const PycRegion *a, const PycRegion *b) {
  for (int32_t d = 0; d < nd; d++) {
    int64_t alo = pyc_region_lo(a, d), ahi = pyc_region_hi(a, d);
    int64_t blo = pyc_region_lo(b, d), bhi = pyc_region_hi(b, d);
    if (ahi < alo || bhi < blo || ahi < blo || bhi < alo) return false;
  }
  return true;
}

static int32_t computed_kind(const PycPartition *p) {
  int32_t nd = pyc_region_ndim(p->parent);
  int32_t kind = PYC_PART_DISJOINT;
  for (int64_t i = 0; i < p->npieces && kind; i++)
    for (int64_t j = i + 1; j < p->npieces; j++)
      if (rects_meet(nd, p->pieces[i], p->pieces[j])) {
        kind = 0;
        break;
      }
  int64_t vol = 0;
  for (int64_t i = 0; i < p->npieces; i++) vol += pyc_region_volume(p->pieces[i]);
  // Disjoint pieces inside the parent cover it exactly when the volumes add up.
  if (kind && vol == pyc_region_volume(p->parent)) kind |= PYC_PART_COMPLETE;
  return kind;
}

PYC_API PycPartition *pyc_partition_equal(PycRegion *r, int32_t cdim, const int64_t *counts) {
  if (r && cdim != pyc_region_ndim(r)) {
    pyc_raise(PYC_EXC_VALUE, "equal: need one color count per dimension", NULL, 0);
    return NULL;
  }
  int64_t colors[PYC_MAX_DIM] = {1, 1, 1};
  for (int32_t d = 0; counts && d < cdim && d < PYC_MAX_DIM; d++)
    colors[d] = counts[d] == 0 ? pyc_runtime_threads() : counts[d];  // 0: one per worker
  if (!counts) return part_alloc(r, cdim, NULL);
  PycPartition *p = part_alloc(r, cdim, colors);
  if (!p) return NULL;
  for (int64_t k = 0; k < p->npieces; k++) {
    int64_t c[PYC_MAX_DIM], lo[PYC_MAX_DIM], hi[PYC_MAX_DIM];
    color_of(p, k, c);
    for (int32_t d = 0; d < cdim; d++) {
      int64_t base = pyc_region_lo(r, d), e = pyc_region_hi(r, d) - base + 1, n = colors[d];
      lo[d] = base + e * c[d] / n;
      hi[d] = base + e * (c[d] + 1) / n - 1;
    }
    if (!set_piece(p, k, lo, hi)) {
      pyc_partition_release(p);
      return NULL;
    }
  }
  set_kind(p, PYC_PART_DISJOINT | PYC_PART_COMPLETE);
  return p;
}

PYC_API PycPartition *pyc_partition_restrict(PycRegion *r, int32_t cdim, const int64_t *colors,
                                             const int64_t *transform, const int64_t *extent) {
  if (!transform || !extent) {
    pyc_raise(PYC_EXC_VALUE, "restrict: needs a transform and an extent", NULL, 0);
    return NULL;
  }
  PycPartition *p = part_alloc(r, cdim, colors);
  if (!p) return NULL;
  int32_t nd = pyc_region_ndim(r);
  for (int64_t k = 0; k < p->npieces; k++) {
    int64_t c[PYC_MAX_DIM], lo[PYC_MAX_DIM], hi[PYC_MAX_DIM];
    color_of(p, k, c);
    for (int32_t d = 0; d < nd; d++) {
      lo[d] = 0;
      for (int32_t j = 0; j < cdim; j++) lo[d] += transform[d * cdim + j] * c[j];
      hi[d] = lo[d] + extent[d] - 1;
    }
    if (!set_piece(p, k, lo, hi)) {
      pyc_partition_release(p);
      return NULL;
    }
  }
  set_kind(p, computed_kind(p));
  return p;
}

PYC_API PycPartition *pyc_partition_halo(PycPartition *src, int64_t width) {
  if (!src || width < 0) {
    pyc_raise(PYC_EXC_VALUE, "halo: needs a partition and a width >= 0", NULL, 0);
    return NULL;
  }
  PycPartition *p = part_alloc(src->parent, src->cdim, src->colors);
  if (!p) return NULL;
  int32_t nd = pyc_region_ndim(src->parent);
  for (int64_t k = 0; k < p->npieces; k++) {
    int64_t lo[PYC_MAX_DIM], hi[PYC_MAX_DIM];
    const PycRegion *q = src->pieces[k];
    bool empty = false;
    for (int32_t d = 0; d < nd; d++) empty |= pyc_region_hi(q, d) < pyc_region_lo(q, d);
    for (int32_t d = 0; d < nd; d++) {
      lo[d] = pyc_region_lo(q, d) - (empty ? 0 : width);
      hi[d] = pyc_region_hi(q, d) + (empty ? 0 : width);
    }
    if (!set_piece(p, k, lo, hi)) {
      pyc_partition_release(p);
      return NULL;
    }
  }
  set_kind(p, width == 0 ? src->kind : computed_kind(p));
  return p;
}

// The element of field f (nd int64s: an int64 or a point) at the k-th
// point of r (row-major); the point's key in *key if asked.
static const int64_t *field_at(const PycRegion *r, int32_t f, int32_t nd, int64_t k,
                               int64_t *key) {
  int64_t x[PYC_MAX_DIM], off = 0;
  region_point_at(r, k, x);
  if (key) *key = region_point_key(r, x);
  for (int32_t d = 0; d < pyc_region_ndim(r); d++)
    off += (x[d] - pyc_region_lo(r, d)) * pyc_region_stride(r, d);
  return (const int64_t *)pyc_region_field_data(r, f) + off * nd;
}

// Whether field f of r holds points of an nd-d region (nd int64s each).
static bool pointer_field(const PycRegion *r, int32_t field, int32_t nd) {
  return r && nd >= 1 && nd <= PYC_MAX_DIM && field >= 0 && field < pyc_region_nfields(r) &&
         pyc_region_field_size(r, field) == 8 * nd;
}

// The points stored in pointer field f (rank nd: nd int64s per element)
// over piece q (a sparse piece's points only) that region r holds, as keys
// of r's root (region_point_key), into out (room for pyc_region_volume(q)).
static int64_t pointed_keys(const PycRegion *q, int32_t f, int32_t nd, const PycRegion *r,
                            int64_t *out) {
  int64_t n = 0, vol = pyc_region_volume(q);
  for (int64_t k = 0; k < vol; k++) {
    const int64_t *ptr = field_at(q, f, nd, k, NULL);
    if (region_holds(r, ptr)) out[n++] = region_point_key(r, ptr);
  }
  return n;
}

static int cmp_i64(const void *a, const void *b) {
  int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
  return (x > y) - (x < y);
}

// Sorts v[0..n) and drops duplicates; the new count.
static int64_t sort_unique(int64_t *v, int64_t n) {
  qsort(v, (size_t)n, sizeof *v, cmp_i64);
  int64_t m = 0;
  for (int64_t i = 0; i < n; i++)
    if (m == 0 || v[i] != v[m - 1]) v[m++] = v[i];
  return m;
}

// The exact kind of a partition (any rank): every piece's points as keys
// of the root, sorted; disjoint when no key repeats, complete when they are
// as many as the parent's points (pieces lie inside the parent).
static int32_t exact_kind(const PycPartition *p) {
  int64_t total = 0;
  for (int64_t c = 0; c < p->npieces; c++) total += pyc_region_volume(p->pieces[c]);
  int64_t *keys = malloc(sizeof *keys * (size_t)(total ? total : 1));
  if (!keys) return computed_kind(p);  // conservative without memory
  int64_t n = 0;
  for (int64_t c = 0; c < p->npieces; c++) {
    const PycRegion *q = p->pieces[c];
    for (int64_t k = 0; k < pyc_region_volume(q); k++) {
      int64_t x[PYC_MAX_DIM];
      region_point_at(q, k, x);
      keys[n++] = region_point_key(q, x);
    }
  }
  int32_t kind = sort_unique(keys, n) == n ? PYC_PART_DISJOINT : 0;
  free(keys);
  if (kind && n == pyc_region_volume(p->parent)) kind |= PYC_PART_COMPLETE;
  return kind;
}

// Piece k = the given sorted point keys of the parent (region_point_key).
static bool set_sparse_piece(PycPartition *p, int64_t k, const int64_t *pts, int64_t n) {
  p->pieces[k] = pyc_region_subregion_points(p->parent, n, pts);
  return p->pieces[k] != NULL;
}

// Exact image (as in Legion): piece k = the points of r named by field over
// src's piece k (pointers outside r are dropped), sparse when not a run.
PYC_API PycPartition *pyc_partition_image(PycRegion *r, PycPartition *src, int32_t field) {
  if (!r || !src || !pointer_field(src->parent, field, pyc_region_ndim(r))) {
    pyc_raise(PYC_EXC_VALUE,
              "image: needs a region, a partition and a field of its region holding points of "
              "the region (int64 in 1-d, 2 or 3 int64 in 2-d or 3-d)",
              NULL, 0);
    return NULL;
  }
  PycPartition *p = part_alloc(r, src->cdim, src->colors);
  if (!p) return NULL;
  int64_t most = 1;
  for (int64_t k = 0; k < p->npieces; k++)
    if (pyc_region_volume(src->pieces[k]) > most) most = pyc_region_volume(src->pieces[k]);
  int64_t *v = malloc(sizeof *v * (size_t)most);
  bool ok = v != NULL;
  if (!ok) pyc_raise(PYC_EXC_MEMORY, "Unable to allocate a partition", NULL, 0);
  for (int64_t k = 0; ok && k < p->npieces; k++) {
    int64_t n = sort_unique(v, pointed_keys(src->pieces[k], field, pyc_region_ndim(r), r, v));
    ok = set_sparse_piece(p, k, v, n);
  }
  free(v);
  if (!ok) {
    pyc_partition_release(p);
    return NULL;
  }
  set_kind(p, exact_kind(p));
  return p;
}


// Builds the pieces from a color per point of the parent (-1: none):
// a counting sort, so each piece's points stay sorted.
static bool pieces_by_color(PycPartition *p, const int64_t *color, int64_t n) {
  int64_t *start = calloc((size_t)p->npieces + 1, sizeof *start);
  int64_t *pts = malloc(sizeof *pts * (size_t)(n ? n : 1));
  int64_t *fill = calloc((size_t)p->npieces + 1, sizeof *fill);
  bool ok = start && pts && fill;
  for (int64_t i = 0; ok && i < n; i++)
    if (color[i] >= 0) start[color[i] + 1]++;
  for (int64_t c = 0; ok && c < p->npieces; c++) start[c + 1] += start[c];
  for (int64_t i = 0; ok && i < n; i++)
    if (color[i] >= 0) {
      int64_t x[PYC_MAX_DIM];
      region_point_at(p->parent, i, x);
      pts[start[color[i]] + fill[color[i]]++] = region_point_key(p->parent, x);
    }
  if (!ok) pyc_raise(PYC_EXC_MEMORY, "Unable to allocate a partition", NULL, 0);
  for (int64_t c = 0; ok && c < p->npieces; c++)
    ok = set_sparse_piece(p, c, pts + start[c], start[c + 1] - start[c]);
  free(start);
  free(pts);
  free(fill);
  return ok;
}

// The kind of a partition whose pieces are disjoint by construction.
static int32_t disjoint_kind(const PycPartition *p) {
  int64_t vol = 0;
  for (int64_t i = 0; i < p->npieces; i++) vol += pyc_region_volume(p->pieces[i]);
  return PYC_PART_DISJOINT | (vol == pyc_region_volume(p->parent) ? PYC_PART_COMPLETE : 0);
}

PYC_API PycPartition *pyc_partition_by_field(PycRegion *r, int32_t field, int32_t cdim,
                                             const int64_t *colors) {
  if (!pointer_field(r, field, cdim)) {
    pyc_raise(PYC_EXC_VALUE,
              "by_field: needs a region and a color field of it (int64 for 1-d colors, 2 or 3 "
              "int64 for 2-d or 3-d colors)",
              NULL, 0);
    return NULL;
  }
  PycPartition *p = part_alloc(r, cdim, colors);
  if (!p) return NULL;
  int64_t n = pyc_region_volume(r);
  int64_t *color = malloc(sizeof *color * (size_t)(n ? n : 1));
  if (!color) {
    pyc_partition_release(p);
    pyc_raise(PYC_EXC_MEMORY, "Unable to allocate a partition", NULL, 0);
    return NULL;
  }
  for (int64_t i = 0; i < n; i++) {  // the piece of the color (row-major), or -1: in no piece
    const int64_t *c = field_at(r, field, cdim, i, NULL);
    color[i] = 0;
    for (int32_t d = 0; d < cdim && color[i] >= 0; d++)
      color[i] = c[d] >= 0 && c[d] < colors[d] ? color[i] * colors[d] + c[d] : -1;
  }
  bool ok = pieces_by_color(p, color, n);
  free(color);
  if (!ok) {
    pyc_partition_release(p);
    return NULL;
  }
  set_kind(p, disjoint_kind(p));
  return p;
}

PYC_API PycPartition *pyc_partition_preimage(PycRegion *r, PycPartition *target, int32_t field) {
  int32_t nd = target ? pyc_region_ndim(target->parent) : 0;
  if (!target || !pointer_field(r, field, nd)) {
    pyc_raise(PYC_EXC_VALUE,
              "preimage: needs a region, a partition and a field of the region holding points "
              "of the partition's region (int64 in 1-d, 2 or 3 int64 in 2-d or 3-d)",
              NULL, 0);
    return NULL;
  }
  PycPartition *p = part_alloc(r, target->cdim, target->colors);
  if (!p) return NULL;
  int64_t n = pyc_region_volume(r);
  bool ok = true;
  if (target->kind & PYC_PART_DISJOINT) {  // each point in at most one piece: one pass
    int64_t *color = malloc(sizeof *color * (size_t)(n ? n : 1));
    ok = color != NULL;
    for (int64_t i = 0; ok && i < n; i++) {
      const int64_t *x = field_at(r, field, nd, i, NULL);
      color[i] = -1;
      for (int64_t c = 0; c < p->npieces && color[i] < 0; c++)
        if (region_holds(target->pieces[c], x)) color[i] = c;
    }
    if (!ok) pyc_raise(PYC_EXC_MEMORY, "Unable to allocate a partition", NULL, 0);
    ok = ok && pieces_by_color(p, color, n);
    free(color);
    if (ok) set_kind(p, PYC_PART_DISJOINT | (disjoint_kind(p) & PYC_PART_COMPLETE));
  } else {  // aliased target: a point may be in several pieces
    int64_t *pts = malloc(sizeof *pts * (size_t)(n ? n : 1));
    ok = pts != NULL;
    if (!ok) pyc_raise(PYC_EXC_MEMORY, "Unable to allocate a partition", NULL, 0);
    for (int64_t c = 0; ok && c < p->npieces; c++) {
      int64_t m = 0;
      for (int64_t i = 0; i < n; i++) {
        int64_t key;
        if (region_holds(target->pieces[c], field_at(r, field, nd, i, &key))) pts[m++] = key;
      }
      ok = set_sparse_piece(p, c, pts, m);
    }
    free(pts);
    if (ok) set_kind(p, computed_kind(p));
  }
  if (!ok) {
    pyc_partition_release(p);
    return NULL;
  }
  return p;
}

PYC_API PycRegion *pyc_partition_piece(PycPartition *p, int64_t k) {
  if (!p || k < 0 || k >= p->npieces) {
    pyc_raise(PYC_EXC_INDEX, "color is outside the partition", NULL, 0);
    return NULL;
  }
  return p->pieces[k];
}

PYC_API PycRegion *pyc_partition_get(PycPartition *p, const int64_t *color) {
  if (!p || !color) return pyc_partition_piece(NULL, 0);
  int64_t k = 0;
  for (int32_t d = 0; d < p->cdim; d++) {
    if (color[d] < 0 || color[d] >= p->colors[d]) return pyc_partition_piece(NULL, 0);
    k = k * p->colors[d] + color[d];
  }
  return p->pieces[k];
}

PYC_API int32_t pyc_partition_cdim(const PycPartition *p) { return p ? p->cdim : 0; }
PYC_API int64_t pyc_partition_colors(const PycPartition *p, int32_t d) {
  return p && d >= 0 && d < p->cdim ? p->colors[d] : 0;
}
PYC_API int64_t pyc_partition_volume(const PycPartition *p) { return p ? p->npieces : 0; }
PYC_API int32_t pyc_partition_kind(const PycPartition *p) { return p ? p->kind : 0; }
PYC_API PycRegion *pyc_partition_parent(const PycPartition *p) { return p ? p->parent : NULL; }

PYC_API void pyc_partition_retain(PycPartition *p) {
  if (p) atomic_fetch_add(&p->refs, 1);
}

PYC_API void pyc_partition_release(PycPartition *p) {
  if (!p || atomic_fetch_sub(&p->refs, 1) != 1) return;
  for (int64_t k = 0; k < p->npieces; k++) pyc_region_release(p->pieces[k]);
  pyc_region_release(p->parent);
  free(p->pieces);
  free(p);
}

// ---- index launches ------------------------------------------------------------
typedef struct FoldArgs {
  int64_t n;
  int32_t redop, elem_type;  // redop < 0: gather (PYC_INDEX_GATHER)
  int64_t size;              // gather: bytes of one point's result
  int64_t header[4];         // gather: cdim, the 3 color extents (1 past cdim)
  PycFuture **futs;          // owned references
} FoldArgs;

// A gathered result (PYC_INDEX_GATHER): the header, then the point results.
#define GATHER_HEADER ((int64_t)sizeof(int64_t[4]))

// The reduction task: waits for the points in order (the worker runs other
// tasks meanwhile) and folds their 8-byte results; a gather (a FutureMap)
// copies each point's result to its place instead.
static void fold_task(void *args, PycRegion **regions, void *result) {
  (void)regions;
  FoldArgs *fa;
  memcpy(&fa, args, sizeof fa);
  bool failed = false;
  if (fa->redop < 0) memcpy(result, fa->header, sizeof fa->header);
  for (int64_t i = 0; i < fa->n; i++) {
    unsigned char v[8] = {0};
    if (!failed && pyc_future_get(fa->futs[i], v) != PYC_TASK_OK) failed = true;
    if (!failed && fa->redop < 0) {
      if (fa->size)
        memcpy((unsigned char *)result + GATHER_HEADER + i * fa->size, v, (size_t)fa->size);
    } else if (!failed) {
      if (i == 0)
        memcpy(result, v, 8);
      else
        redop_apply(fa->redop, fa->elem_type, result, v);
    }
    pyc_future_release(fa->futs[i]);
  }
  free(fa->futs);
  free(fa);
}

PYC_API PycFuture *pyc_index_launch(const char *name, PycTaskFn fn, const void *args,
                                    int64_t args_size, int32_t nreqs, const PycReq *reqs,
                                    uint64_t projected, int32_t cdim, const int64_t *colors,
                                    int32_t id_slot, int64_t result_size, int32_t reduce) {
  bool gather = reduce == PYC_INDEX_GATHER;
  int32_t redop = reduce < 0 ? -1 : (reduce & 255), elem_type = reduce < 0 ? 0 : reduce >> 8;
  int64_t n = 1;
  for (int32_t d = 0; d < cdim && colors; d++) n *= colors[d] > 0 ? colors[d] : 0;
  if (!fn || cdim < 1 || cdim > PYC_MAX_DIM || !colors || nreqs < 0 || nreqs > 64 ||
      (nreqs && !reqs) || (id_slot >= 0 && (cdim != 1 || 8 * (int64_t)id_slot + 8 > args_size)) ||
      (reduce < 0 && reduce != -1 && !gather) ||
      (gather && result_size != 0 && result_size != 8) ||
      (redop >= 0 && (redop >= PYC_REDOP_COUNT || result_size != 8 ||
                      (elem_type != PYC_ELEM_I64 && elem_type != PYC_ELEM_F64)))) {
    pyc_raise(PYC_EXC_VALUE, "index launch: invalid arguments", NULL, 0);
    return NULL;
  }
  for (int32_t k = 0; k < nreqs; k++) {
    if (!(projected >> k & 1)) continue;
    const PycPartition *p = (const PycPartition *)(void *)reqs[k].region;
    bool same = p && p->cdim == cdim;
    for (int32_t d = 0; same && d < cdim; d++) same = p->colors[d] == colors[d];
    if (!same) {
      pyc_raise(PYC_EXC_VALUE, "index launch: a partition's color space differs from the launch's",
                NULL, 0);
      return NULL;
    }
  }
  PycReq local[64];
  unsigned char blob_small[256];
  unsigned char *blob =
      args_size <= (int64_t)sizeof blob_small ? blob_small : malloc((size_t)args_size);
  FoldArgs *fa = NULL;
  if (redop >= 0 || gather) {
    fa = calloc(1, sizeof *fa);
    if (fa) fa->futs = calloc(n ? (size_t)n : 1, sizeof *fa->futs);
  }
  if (!blob || ((redop >= 0 || gather) && (!fa || !fa->futs))) {
    if (fa) free(fa->futs);
    free(fa);
    if (blob != blob_small) free(blob);
    pyc_raise(PYC_EXC_MEMORY, "Unable to allocate an index launch", NULL, 0);
    return NULL;
  }
  if (args_size) memcpy(blob, args, (size_t)args_size);
  if (nreqs) memcpy(local, reqs, sizeof(PycReq) * (size_t)nreqs);
  bool ok = true;
  int64_t launched = 0;
  for (int64_t i = 0; i < n && ok; i++) {
    for (int32_t k = 0; k < nreqs; k++)
      if (projected >> k & 1) local[k].region = ((PycPartition *)(void *)reqs[k].region)->pieces[i];
    if (id_slot >= 0) memcpy(blob + 8 * id_slot, &i, 8);
    PycFuture *f =
        pyc_launch(name, fn, args_size ? blob : NULL, args_size, nreqs, local, result_size);
    if (!f) {
      ok = false;
      break;
    }
    if (fa)
      fa->futs[launched++] = f;
    else
      pyc_future_release(f);
  }
  if (blob != blob_small) free(blob);
  if (!fa) return NULL;
  if (!ok) {
    for (int64_t i = 0; i < launched; i++) pyc_future_release(fa->futs[i]);
    free(fa->futs);
    free(fa);
    return NULL;
  }
  fa->n = n;
  fa->redop = redop;
  fa->elem_type = elem_type;
  fa->size = gather ? result_size : 8;
  fa->header[0] = cdim;
  for (int32_t d = 0; d < PYC_MAX_DIM; d++) fa->header[1 + d] = d < cdim ? colors[d] : 1;
  PycFuture *r = pyc_launch(name, fold_task, &fa, sizeof fa, 0, NULL,
                            gather ? GATHER_HEADER + n * result_size : 8);
  if (!r) {
    for (int64_t i = 0; i < n; i++) pyc_future_release(fa->futs[i]);
    free(fa->futs);
    free(fa);
  }
  return r;
}

PYC_API int32_t pyc_future_map_get(PycFuture *f, int32_t cdim, const int64_t *point, void *out) {
  int32_t rc = pyc_future_wait(f);
  if (rc != PYC_TASK_OK) return rc;
  int64_t h[4] = {0, 0, 0, 0};
  if (f && f->result_size >= GATHER_HEADER) memcpy(h, f->result, sizeof h);
  int64_t n = 1, k = 0;
  bool in = h[0] == cdim && cdim >= 1 && cdim <= PYC_MAX_DIM && point;
  for (int32_t d = 0; in && d < cdim; d++) {
    in = point[d] >= 0 && point[d] < h[1 + d];
    k = k * h[1 + d] + point[d];
    n *= h[1 + d];
  }
  int64_t size = in && n ? (f->result_size - GATHER_HEADER) / n : 0;
  if (!in) {
    char msg[160];  // as the pure package: point 7 / point (1, 2)
    int len = snprintf(msg, sizeof msg, "point %s", cdim > 1 ? "(" : "");
    for (int32_t d = 0; point && d < cdim && d < PYC_MAX_DIM && len < 100; d++)
      len += snprintf(msg + len, sizeof msg - (size_t)len, "%s%lld", d ? ", " : "",
                      (long long)point[d]);
    snprintf(msg + len, sizeof msg - (size_t)len, "%s is outside the index launch",
             cdim > 1 ? ")" : "");
    pyc_raise(PYC_EXC_INDEX, msg, NULL, 0);
    return PYC_TASK_ERROR;
  }
  if (out && size)
    memcpy(out, (const unsigned char *)f->result + GATHER_HEADER + k * size, (size_t)size);
  return PYC_TASK_OK;
}
