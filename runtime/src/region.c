// Regions: an index space (a 1-3 dimensional rectangle, bounds inclusive as
// Legion's) times a field space (n fields with element sizes). A root region
// owns one zero-filled, 64-byte-aligned array per field in C order; a
// subregion is a rectangle inside its parent that shares the root's storage
// and keeps global coordinates; a reduction instance is a private root over
// a requirement's rectangle (only the reduced fields allocated), filled with
// the operator's identity and folded back when its task ends. Lifetime is a
// refcount (atomic): launches retain their regions, subregions their parent.
#define _DEFAULT_SOURCE  // madvise
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>

#include "task_internal.h"

#define REGION_ALIGN 64       // bytes; a cache line, enough for AVX-512
#define HUGE_PAGE ((size_t)2 << 20)
#define HUGE_MIN ((uint64_t)4 << 20)
#define MAX_FIELD_SIZE 4096   // bytes per element: larger is surely a bug

int rect_overlap(int32_t ndim, const Rect *a, const Rect *b) {
  for (int32_t d = 0; d < ndim; d++)
    if (a->lo[d] > a->hi[d] || b->lo[d] > b->hi[d] || a->hi[d] < b->lo[d] || b->hi[d] < a->lo[d])
      return 0;
  return 1;
}

int rect_contains(int32_t ndim, const Rect *outer, const Rect *inner) {
  for (int32_t d = 0; d < ndim; d++)
    if (inner->lo[d] > inner->hi[d]) return 1;  // empty
  for (int32_t d = 0; d < ndim; d++)
    if (inner->lo[d] < outer->lo[d] || inner->hi[d] > outer->hi[d]) return 0;
  return 1;
}

void region_rect(const PycRegion *r, Rect *out) {
  memset(out, 0, sizeof *out);
  for (int32_t d = 0; d < r->ndim; d++) {
    out->lo[d] = r->lo[d];
    out->hi[d] = r->hi[d];
  }
}

static int64_t rect_volume(int32_t ndim, const int64_t *lo, const int64_t *hi) {
  int64_t v = 1;
  for (int32_t d = 0; d < ndim; d++) {
    if (hi[d] < lo[d]) return 0;
    if (__builtin_mul_overflow(v, hi[d] - lo[d] + 1, &v)) return -1;
  }
  return v;
}

// A root (or instance) over [lo, hi] with the given fields; fields not in
// `mask` get no storage. Returns NULL (MemoryError raised) on failure.
static PycRegion *root_new(PycRuntime *rt, int32_t ndim, const int64_t *lo, const int64_t *hi,
                           int32_t nfields, const int64_t *field_sizes, uint64_t mask) {
  int64_t vol = rect_volume(ndim, lo, hi);
  PycRegion *r = rt_alloc(rt, sizeof *r);
  if (!r) goto oom;
  memset(r, 0, sizeof *r);
  r->field_sizes = rt_alloc(rt, sizeof(int64_t) * (size_t)nfields);
  r->field_data = rt_alloc(rt, sizeof(char *) * (size_t)nfields);
  r->field_raw = rt_alloc(rt, sizeof(void *) * (size_t)nfields);
  r->field_rawsize = rt_alloc(rt, sizeof(size_t) * (size_t)nfields);
  atomic_init(&r->refs, 1);
  r->ndim = ndim;
  r->nfields = nfields;
  r->root = r;
  pthread_mutex_init(&r->fold_mu, NULL);
  if (!r->field_sizes || !r->field_data || !r->field_raw || !r->field_rawsize) goto fail;
  memset(r->field_data, 0, sizeof(char *) * (size_t)nfields);
  memset(r->field_raw, 0, sizeof(void *) * (size_t)nfields);
  memset(r->field_rawsize, 0, sizeof(size_t) * (size_t)nfields);
  if (vol < 0) goto fail;
  int64_t s = 1;
  for (int32_t d = PYC_MAX_DIM - 1; d >= 0; d--) {
    r->lo[d] = d < ndim ? lo[d] : 0;
    r->hi[d] = d < ndim ? hi[d] : 0;
    r->stride[d] = d < ndim ? s : 0;
    if (d < ndim && hi[d] >= lo[d]) s *= hi[d] - lo[d] + 1;
  }
  for (int32_t f = 0; f < nfields; f++) {
    r->field_sizes[f] = field_sizes[f];
    if (!(mask >> f & 1)) continue;
    int64_t bytes;
    if (vol < 0 || __builtin_mul_overflow(vol, field_sizes[f], &bytes) ||
        bytes > INT64_MAX - 2 * REGION_ALIGN || (uint64_t)bytes > SIZE_MAX / 2)
      goto fail;
    // Fields of 4 MiB and more start on a 2 MiB boundary and are advised for
    // transparent huge pages, as arrays are (array.c): streaming stencils
    // miss the TLB on 4 KiB pages.
    size_t align = (uint64_t)bytes >= HUGE_MIN ? HUGE_PAGE : REGION_ALIGN;
    size_t raw = (size_t)bytes + align;
    r->field_raw[f] = rt_alloc(rt, raw);
    if (!r->field_raw[f]) goto fail;
    r->field_rawsize[f] = raw;
    uintptr_t p = ((uintptr_t)r->field_raw[f] + align - 1) & ~(uintptr_t)(align - 1);
    r->field_data[f] = (char *)p;
    if (align == HUGE_PAGE)  // advice only: failure is harmless
      madvise(r->field_data[f], (size_t)bytes & ~(size_t)4095, MADV_HUGEPAGE);
    memset(r->field_data[f], 0, (size_t)bytes);
  }
  return r;
fail:
  pyc_region_release(r);
oom:
  pyc_raise(PYC_EXC_MEMORY, "Unable to allocate region storage", NULL, 0);
  return NULL;
}

PYC_API PycRegion *pyc_region_new(int32_t ndim, const int64_t *extents, int32_t nfields,
                                  const int64_t *field_sizes) {
  if (ndim < 1 || ndim > PYC_MAX_DIM || !extents) {
    pyc_raise(PYC_EXC_VALUE, "a region has 1 to 3 dimensions", NULL, 0);
    return NULL;
  }
  if (nfields < 1 || nfields > PYC_MAX_FIELDS || !field_sizes) {
    pyc_raise(PYC_EXC_VALUE, "a field space has 1 to 64 fields", NULL, 0);
    return NULL;
  }
  int64_t lo[PYC_MAX_DIM] = {0}, hi[PYC_MAX_DIM] = {0};
  for (int32_t d = 0; d < ndim; d++) {
    if (extents[d] < 0) {
      pyc_raise(PYC_EXC_VALUE, "negative dimensions are not allowed", NULL, 0);
      return NULL;
    }
    hi[d] = extents[d] - 1;
  }
  for (int32_t f = 0; f < nfields; f++)
    if (field_sizes[f] < 1 || field_sizes[f] > MAX_FIELD_SIZE) {
      pyc_raise(PYC_EXC_VALUE, "field size must be 1 to 4096 bytes", NULL, 0);
      return NULL;
    }
  uint64_t all = nfields == 64 ? ~(uint64_t)0 : ((uint64_t)1 << nfields) - 1;
  return root_new(rt_ctx(), ndim, lo, hi, nfields, field_sizes, all);
}

static int region_set_points(PycRegion *r, const int64_t *points, int64_t n);

PYC_API PycRegion *pyc_region_subregion(PycRegion *parent, const int64_t *lo, const int64_t *hi) {
  if (!parent || !lo || !hi) {
    pyc_raise(PYC_EXC_VALUE, "subregion of a null region", NULL, 0);
    return NULL;
  }
  Rect pr, sr;
  region_rect(parent, &pr);
  memset(&sr, 0, sizeof sr);
  for (int32_t d = 0; d < parent->ndim; d++) {
    sr.lo[d] = lo[d];
    sr.hi[d] = hi[d];
  }
  if (!rect_contains(parent->ndim, &pr, &sr)) {
    pyc_raise(PYC_EXC_INDEX, "subregion rectangle is not inside its parent", NULL, 0);
    return NULL;
  }
  PycRuntime *rt = rt_ctx();
  PycRegion *r = rt_alloc(rt, sizeof *r);
  char **fd = rt_alloc(rt, sizeof(char *) * (size_t)parent->nfields);
  if (!r || !fd) {
    rt_free(rt, r, sizeof *r);
    rt_free(rt, fd, sizeof(char *) * (size_t)parent->nfields);
    pyc_raise(PYC_EXC_MEMORY, "Unable to allocate a subregion", NULL, 0);
    return NULL;
  }
  memset(r, 0, sizeof *r);
  atomic_init(&r->refs, 1);
  r->ndim = parent->ndim;
  r->nfields = parent->nfields;
  r->root = parent->root;
  r->parent = parent;
  pyc_region_retain(parent);
  r->field_sizes = parent->field_sizes;
  r->field_data = fd;
  int empty = rect_volume(r->ndim, sr.lo, sr.hi) == 0;
  int64_t off = 0;  // elements from the parent's lo to ours
  for (int32_t d = 0; d < PYC_MAX_DIM; d++) {
    r->lo[d] = sr.lo[d];
    r->hi[d] = sr.hi[d];
    r->stride[d] = parent->stride[d];
    if (d < r->ndim && !empty) off += (sr.lo[d] - parent->lo[d]) * parent->stride[d];
  }
  for (int32_t f = 0; f < r->nfields; f++)
    fd[f] = parent->field_data[f] ? parent->field_data[f] + off * r->field_sizes[f] : NULL;
  if (parent->points) {  // a rectangle of a sparse region: its points in the rectangle
    int64_t *in = rt_alloc(rt, sizeof(int64_t) * (size_t)(parent->npoints ? parent->npoints : 1));
    int64_t m = 0;
    for (int64_t k = 0; in && !empty && k < parent->npoints; k++) {
      int64_t x[PYC_MAX_DIM];
      region_key_point(parent, parent->points[k], x);
      bool inside = true;
      for (int32_t d = 0; d < r->ndim; d++) inside &= x[d] >= sr.lo[d] && x[d] <= sr.hi[d];
      if (inside) in[m++] = parent->points[k];
    }
    int ok = in && region_set_points(r, in, m);
    if (!in) pyc_raise(PYC_EXC_MEMORY, "Unable to allocate a sparse subregion", NULL, 0);
    rt_free(rt, in, sizeof(int64_t) * (size_t)(parent->npoints ? parent->npoints : 1));
    if (!ok) {
      pyc_region_release(r);
      return NULL;
    }
  }
  return r;
}

// Sparse points are keys: the row-major index of the point in its root's
// rectangle (in 1-d the coordinate itself: roots start at 0), so sorted keys
// are the points in row-major order (the order of the pure package).
int64_t region_point_key(const PycRegion *r, const int64_t *x) {
  if (r->ndim == 1) return x[0];
  const PycRegion *o = r->root;
  int64_t key = 0;
  for (int32_t d = 0; d < r->ndim; d++) key = key * (o->hi[d] - o->lo[d] + 1) + (x[d] - o->lo[d]);
  return key;
}

void region_key_point(const PycRegion *r, int64_t key, int64_t *x) {
  if (r->ndim == 1) {
    x[0] = key;
    return;
  }
  const PycRegion *o = r->root;
  for (int32_t d = r->ndim - 1; d >= 0; d--) {
    int64_t e = o->hi[d] - o->lo[d] + 1;
    x[d] = o->lo[d] + key % e;
    key /= e;
  }
}

// The k-th point of r (row-major; a rectangle's points in its box) into x.
void region_point_at(const PycRegion *r, int64_t k, int64_t *x) {
  if (r->points) {
    region_key_point(r, k >= 0 && k < r->npoints ? r->points[k] : r->points[0], x);
    return;
  }
  for (int32_t d = r->ndim - 1; d >= 0; d--) {
    int64_t e = r->hi[d] - r->lo[d] + 1;
    x[d] = r->lo[d] + (e > 0 ? k % e : 0);
    k = e > 0 ? k / e : 0;
  }
}

// Whether r holds point x (a binary search in a sparse region's keys).
bool region_holds(const PycRegion *r, const int64_t *x) {
  for (int32_t d = 0; d < r->ndim; d++)
    if (x[d] < r->lo[d] || x[d] > r->hi[d]) return false;
  if (!r->points) return true;
  int64_t key = region_point_key(r, x), a = 0, b = r->npoints;
  while (a < b) {
    int64_t m = a + (b - a) / 2;
    if (r->points[m] < key)
      a = m + 1;
    else
      b = m;
  }
  return a < r->npoints && r->points[a] == key;
}

// Makes r (a fresh subregion) sparse: a copy of keys[0..n) (sorted), and
// lo/hi their bounding box (an empty box at the old lo when n == 0). Points
// that fill their box stay a plain rectangle. 0 on OOM (raised).
static int region_set_points(PycRegion *r, const int64_t *points, int64_t n) {
  int64_t old_lo[PYC_MAX_DIM], lo[PYC_MAX_DIM], hi[PYC_MAX_DIM];
  for (int32_t d = 0; d < PYC_MAX_DIM; d++) {
    old_lo[d] = r->lo[d];
    lo[d] = INT64_MAX;
    hi[d] = INT64_MIN;
  }
  for (int64_t k = 0; k < n; k++) {
    int64_t x[PYC_MAX_DIM];
    region_key_point(r, points[k], x);
    for (int32_t d = 0; d < r->ndim; d++) {
      if (x[d] < lo[d]) lo[d] = x[d];
      if (x[d] > hi[d]) hi[d] = x[d];
    }
  }
  for (int32_t d = 0; d < r->ndim; d++) {
    r->lo[d] = n ? lo[d] : old_lo[d];
    r->hi[d] = n ? hi[d] : old_lo[d] - 1;
  }
  if (n == 0 || rect_volume(r->ndim, r->lo, r->hi) != n) {  // else dense after all
    r->points = rt_alloc(rt_ctx(), sizeof(int64_t) * (size_t)(n ? n : 1));
    if (!r->points) {
      pyc_raise(PYC_EXC_MEMORY, "Unable to allocate a sparse subregion", NULL, 0);
      return 0;
    }
    if (n) memcpy(r->points, points, sizeof(int64_t) * (size_t)n);
    r->npoints = n;
  }
  int64_t off = 0;  // elements from the old lo to the new one
  for (int32_t d = 0; d < r->ndim && n; d++) off += (r->lo[d] - old_lo[d]) * r->stride[d];
  for (int32_t f = 0; f < r->nfields; f++)  // element at the new lo
    if (r->field_data[f]) r->field_data[f] += off * r->field_sizes[f];
  return 1;
}

PYC_API PycRegion *pyc_region_subregion_points(PycRegion *parent, int64_t n,
                                               const int64_t *points) {
  if (!parent || n < 0 || (n && !points)) {
    pyc_raise(PYC_EXC_VALUE, "sparse subregion: needs a region and its points", NULL, 0);
    return NULL;
  }
  for (int64_t i = 0; i < n; i++) {
    int64_t x[PYC_MAX_DIM];
    region_key_point(parent, points[i], x);
    if ((i && points[i] <= points[i - 1]) || points[i] < 0 || !region_holds(parent, x) ||
        region_point_key(parent, x) != points[i]) {
      pyc_raise(PYC_EXC_VALUE, "sparse subregion: the points must be sorted, distinct and in "
                "the parent", NULL, 0);
      return NULL;
    }
  }
  PycRegion *r = pyc_region_subregion(parent, parent->lo, parent->hi);
  if (!r) return NULL;
  if (r->points) {
    rt_free(rt_ctx(), r->points, sizeof(int64_t) * (size_t)(r->npoints ? r->npoints : 1));
    r->points = NULL;
    r->npoints = 0;
  }
  if (!region_set_points(r, points, n)) {
    pyc_region_release(r);
    return NULL;
  }
  return r;
}

PYC_API const int64_t *pyc_region_points(const PycRegion *r) { return r ? r->points : NULL; }

PYC_API int64_t pyc_region_point(const PycRegion *r, int64_t k) {
  if (!r) return 0;
  if (r->points) return k >= 0 && k < r->npoints ? r->points[k] : 0;
  return r->lo[0] + k;
}

PYC_API int64_t pyc_region_point_axis(const PycRegion *r, int64_t k, int32_t d) {
  if (!r || d < 0 || d >= r->ndim) return 0;
  int64_t x[PYC_MAX_DIM];
  region_point_at(r, k, x);
  return x[d];
}

PYC_API int32_t pyc_region_contains(const PycRegion *r, int64_t x) {
  return r && r->ndim == 1 && region_holds(r, &x);
}

PYC_API void pyc_region_retain(PycRegion *r) {
  if (r) atomic_fetch_add_explicit(&r->refs, 1, memory_order_relaxed);
}

PYC_API void pyc_region_release(PycRegion *r) {
  if (!r || atomic_fetch_sub_explicit(&r->refs, 1, memory_order_acq_rel) != 1) return;
  PycRuntime *rt = rt_ctx();
  size_t nf = (size_t)r->nfields;
  if (r->root == r) {
    if (!r->is_instance) deps_region_free(rt, r);
    for (size_t f = 0; r->field_raw && f < nf; f++) rt_free(rt, r->field_raw[f], r->field_rawsize[f]);
    rt_free(rt, r->field_raw, sizeof(void *) * nf);
    rt_free(rt, r->field_rawsize, sizeof(size_t) * nf);
    rt_free(rt, r->field_sizes, sizeof(int64_t) * nf);
    pthread_mutex_destroy(&r->fold_mu);
  }
  rt_free(rt, r->field_data, sizeof(char *) * nf);
  if (r->points) rt_free(rt, r->points, sizeof(int64_t) * (size_t)(r->npoints ? r->npoints : 1));
  PycRegion *parent = r->parent;
  rt_free(rt, r, sizeof *r);
  pyc_region_release(parent);
}

PYC_API int32_t pyc_region_ndim(const PycRegion *r) { return r ? r->ndim : 0; }

PYC_API int64_t pyc_region_lo(const PycRegion *r, int32_t d) {
  return r && d >= 0 && d < r->ndim ? r->lo[d] : 0;
}

PYC_API int64_t pyc_region_hi(const PycRegion *r, int32_t d) {
  return r && d >= 0 && d < r->ndim ? r->hi[d] : -1;
}

PYC_API int64_t pyc_region_volume(const PycRegion *r) {
  if (r && r->points) return r->npoints;
  return r ? rect_volume(r->ndim, r->lo, r->hi) : 0;
}

PYC_API int32_t pyc_region_nfields(const PycRegion *r) { return r ? r->nfields : 0; }

PYC_API int64_t pyc_region_field_size(const PycRegion *r, int32_t f) {
  return r && f >= 0 && f < r->nfields ? r->field_sizes[f] : 0;
}

PYC_API void *pyc_region_field_data(const PycRegion *r, int32_t f) {
  return r && f >= 0 && f < r->nfields ? r->field_data[f] : NULL;
}

PYC_API int64_t pyc_region_stride(const PycRegion *r, int32_t d) {
  return r && d >= 0 && d < r->ndim ? r->stride[d] : 0;
}

PYC_API PycRegion *pyc_region_parent(const PycRegion *r) { return r ? r->parent : NULL; }

PYC_API int64_t pyc_region_refcount(const PycRegion *r) { return r ? atomic_load(&r->refs) : 0; }

// ---- reduction instances ---------------------------------------------------

// Calls fn(elem_ptr_in_a, elem_ptr_in_b) for every point of a's rectangle
// (b covers it too), field f of both. Elements are elem bytes.
static void for_each_point(PycRegion *a, PycRegion *b, int32_t f, int32_t fb, void *ctx,
                           void (*fn)(void *ctx, char *pa, char *pb)) {
  if (pyc_region_volume(a) == 0) return;
  int64_t ea = a->field_sizes[f], eb = b->field_sizes[fb];
  if (a->points || b->points) {  // sparse: a's points that b holds
    for (int64_t k = 0; k < pyc_region_volume(a); k++) {
      int64_t x[PYC_MAX_DIM], ia = 0, ib = 0;
      region_point_at(a, k, x);
      if (!region_holds(b, x)) continue;
      for (int32_t d = 0; d < a->ndim; d++) {
        ia += (x[d] - a->lo[d]) * a->stride[d];
        ib += (x[d] - b->lo[d]) * b->stride[d];
      }
      fn(ctx, a->field_data[f] + ia * ea, b->field_data[fb] + ib * eb);
    }
    return;
  }
  int64_t n0 = a->ndim > 0 ? a->hi[0] - a->lo[0] + 1 : 1;
  int64_t n1 = a->ndim > 1 ? a->hi[1] - a->lo[1] + 1 : 1;
  int64_t n2 = a->ndim > 2 ? a->hi[2] - a->lo[2] + 1 : 1;
  int64_t boff = 0;  // b's element index of a's lo point
  for (int32_t d = 0; d < a->ndim; d++) boff += (a->lo[d] - b->lo[d]) * b->stride[d];
  for (int64_t i = 0; i < n0; i++)
    for (int64_t j = 0; j < n1; j++) {
      int64_t ia = i * a->stride[0] + j * a->stride[1];
      int64_t ib = boff + i * b->stride[0] + j * b->stride[1];
      for (int64_t k = 0; k < n2; k++) {
        int64_t sa = a->ndim > 2 ? a->stride[2] : 0, sb = b->ndim > 2 ? b->stride[2] : 0;
        fn(ctx, a->field_data[f] + (ia + k * sa) * ea, b->field_data[fb] + (ib + k * sb) * eb);
      }
    }
}

typedef struct RedCtx {
  int32_t redop, type;
  const void *value;
  int64_t size;
} RedCtx;

static void set_value(void *ctx, char *pa, char *pb) {
  (void)pb;
  RedCtx *c = ctx;
  memcpy(pa, c->value, (size_t)c->size);
}

static void fold_value(void *ctx, char *pinst, char *pdst) {
  RedCtx *c = ctx;
  redop_apply(c->redop, c->type, pdst, pinst);
}

static void copy_value(void *ctx, char *pdst, char *psrc) {
  RedCtx *c = ctx;
  memcpy(pdst, psrc, (size_t)c->size);
}

// The instance of a sparse r holds r's points only (keyed in the instance's
// own rectangle, r's bounding box), so the task visits exactly them
// (`for p in b.ispace`, b.ispace.volume) and the fold writes only them.
static int instance_points(PycRegion *inst, const PycRegion *r) {
  if (!r->points) return 1;
  PycRuntime *rt = rt_ctx();
  int64_t n = r->npoints;
  int64_t *keys = rt_alloc(rt, sizeof(int64_t) * (size_t)(n ? n : 1));
  if (!keys) {
    pyc_raise(PYC_EXC_MEMORY, "Unable to allocate a reduction instance", NULL, 0);
    return 0;
  }
  for (int64_t k = 0; k < n; k++) {
    int64_t x[PYC_MAX_DIM];
    region_point_at(r, k, x);
    keys[k] = region_point_key(inst, x);
  }
  int ok = region_set_points(inst, keys, n);
  rt_free(rt, keys, sizeof(int64_t) * (size_t)(n ? n : 1));
  return ok;
}

PycRegion *region_instance_new(PycRegion *r, uint64_t mask, int32_t redop, int32_t type) {
  PycRuntime *rt = rt_ctx();
  PycRegion *inst = root_new(rt, r->ndim, r->lo, r->hi, r->nfields, r->field_sizes, mask);
  if (!inst) return NULL;
  inst->is_instance = 1;
  if (!instance_points(inst, r)) {
    pyc_region_release(inst);
    return NULL;
  }
  unsigned char ident[8];
  redop_identity(redop, type, ident);
  RedCtx c = {redop, type, ident, elem_type_size(type)};
  for (int32_t f = 0; f < r->nfields; f++)
    if (mask >> f & 1) for_each_point(inst, inst, f, f, &c, set_value);
  return inst;
}

PycRegion *region_instance_take(PycRegion *inst, uint64_t mask, int32_t redop, int32_t type) {
  PycRegion *snap =
      root_new(rt_ctx(), inst->ndim, inst->lo, inst->hi, inst->nfields, inst->field_sizes, mask);
  if (!snap) return NULL;
  snap->is_instance = 1;
  if (!instance_points(snap, inst)) {
    pyc_region_release(snap);
    return NULL;
  }
  int64_t vol = rect_volume(inst->ndim, inst->lo, inst->hi);  // the whole box: a sparse
                                                              // instance's storage
  unsigned char ident[8];
  redop_identity(redop, type, ident);
  RedCtx c = {redop, type, ident, elem_type_size(type)};
  for (int32_t f = 0; f < inst->nfields; f++) {
    if (!(mask >> f & 1)) continue;
    memcpy(snap->field_data[f], inst->field_data[f], (size_t)(vol * inst->field_sizes[f]));
    for_each_point(inst, inst, f, f, &c, set_value);
  }
  return snap;
}

void region_fold(PycRegion *r, PycRegion *inst, uint64_t mask, int32_t redop, int32_t type) {
  RedCtx c = {redop, type, NULL, elem_type_size(type)};
  pthread_mutex_lock(&r->root->fold_mu);
  for (int32_t f = 0; f < r->nfields; f++)
    if (mask >> f & 1) for_each_point(inst, r, f, f, &c, fold_value);
  pthread_mutex_unlock(&r->root->fold_mu);
}

// ---- fill and copy (operations in launch order) ------------------------------

typedef struct FillArgs {
  int32_t field;
  int32_t pad;
  unsigned char value[];  // field_size bytes
} FillArgs;

static void fill_task(void *args, PycRegion **regions, void *result) {
  (void)result;
  FillArgs *a = args;
  PycRegion *r = regions[0];
  RedCtx c = {0, 0, a->value, r->field_sizes[a->field]};
  for_each_point(r, r, a->field, a->field, &c, set_value);
}

PYC_API void pyc_region_fill(PycRegion *r, int32_t field, const void *value) {
  if (!r || field < 0 || field >= r->nfields || !value) {
    pyc_raise(PYC_EXC_VALUE, "fill: no such field", NULL, 0);
    return;
  }
  int64_t size = r->field_sizes[field];
  _Alignas(8) unsigned char buf[sizeof(FillArgs) + MAX_FIELD_SIZE];
  FillArgs *a = (FillArgs *)buf;
  a->field = field;
  a->pad = 0;
  memcpy(a->value, value, (size_t)size);
  PycReq req = {r, (uint64_t)1 << field, PYC_PRIV_WRITE_DISCARD, 0, 0, 0};
  pyc_future_release(pyc_launch("fill", fill_task, a, (int64_t)sizeof(FillArgs) + size, 1, &req, 0));
}

PYC_API void pyc_region_fill_i64(PycRegion *r, int32_t field, int64_t value) {
  if (r && field >= 0 && field < r->nfields && r->field_sizes[field] != 8) {
    pyc_raise(PYC_EXC_VALUE, "fill: the field is not 8 bytes wide", NULL, 0);
    return;
  }
  pyc_region_fill(r, field, &value);
}

PYC_API void pyc_region_fill_f64(PycRegion *r, int32_t field, double value) {
  if (r && field >= 0 && field < r->nfields && r->field_sizes[field] != 8) {
    pyc_raise(PYC_EXC_VALUE, "fill: the field is not 8 bytes wide", NULL, 0);
    return;
  }
  pyc_region_fill(r, field, &value);
}

typedef struct CopyArgs {
  int32_t fsrc, fdst;
} CopyArgs;

static void copy_task(void *args, PycRegion **regions, void *result) {
  (void)result;
  CopyArgs *a = args;
  PycRegion *src = regions[0], *dst = regions[1];
  RedCtx c = {0, 0, NULL, dst->field_sizes[a->fdst]};
  for_each_point(dst, src, a->fdst, a->fsrc, &c, copy_value);
}

// Validates copy arguments; raises ValueError and returns 0 when invalid.
static int copy_check(PycRegion *src, int32_t fsrc, PycRegion *dst, int32_t fdst) {
  if (!src || !dst || fsrc < 0 || fsrc >= src->nfields || fdst < 0 || fdst >= dst->nfields) {
    pyc_raise(PYC_EXC_VALUE, "copy: no such field", NULL, 0);
    return 0;
  }
  Rect rs, rd;
  region_rect(src, &rs);
  region_rect(dst, &rd);
  if (src->ndim != dst->ndim || !rect_contains(src->ndim, &rs, &rd)) {
    pyc_raise(PYC_EXC_VALUE, "copy: the destination is not inside the source's index space", NULL,
              0);
    return 0;
  }
  if (src->field_sizes[fsrc] != dst->field_sizes[fdst]) {
    pyc_raise(PYC_EXC_VALUE, "copy: fields of different sizes", NULL, 0);
    return 0;
  }
  return 1;
}

PYC_API void pyc_region_copy(PycRegion *src, int32_t fsrc, PycRegion *dst, int32_t fdst) {
  if (!copy_check(src, fsrc, dst, fdst)) return;
  if (src->root == dst->root && fsrc == fdst) return;  // every point onto itself
  CopyArgs a = {fsrc, fdst};
  PycReq reqs[2] = {{src, (uint64_t)1 << fsrc, PYC_PRIV_READ, 0, 0, 0},
                    {dst, (uint64_t)1 << fdst, PYC_PRIV_WRITE_DISCARD, 0, 0, 0}};
  pyc_future_release(pyc_launch("copy", copy_task, &a, sizeof a, 2, reqs, 0));
}

// copy(src, fsrc, dst, fdst, redop=op): dst[p] = dst[p] op src[p]. The task
// holds REDUCE on dst, so its regions[1] is an identity-filled instance that
// the runtime folds into dst afterwards; concurrent reducing copies with the
// same operator run in parallel.
typedef struct CopyRedArgs {
  int32_t fsrc, fdst, redop, type;
} CopyRedArgs;

static void apply_into(void *ctx, char *pacc, char *pv) {
  RedCtx *c = ctx;
  redop_apply(c->redop, c->type, pacc, pv);
}

static void copy_reduce_task(void *args, PycRegion **regions, void *result) {
  (void)result;
  CopyRedArgs *a = args;
  RedCtx c = {a->redop, a->type, NULL, elem_type_size(a->type)};
  for_each_point(regions[1], regions[0], a->fdst, a->fsrc, &c, apply_into);
}

PYC_API void pyc_region_copy_reduce(PycRegion *src, int32_t fsrc, PycRegion *dst, int32_t fdst,
                                    int32_t redop, int32_t elem_type) {
  if (redop < 0 || redop >= PYC_REDOP_COUNT || !elem_type_size(elem_type)) {
    pyc_raise(PYC_EXC_VALUE, "copy: unknown reduction operator or element type", NULL, 0);
    return;
  }
  if (!copy_check(src, fsrc, dst, fdst)) return;
  if (src->field_sizes[fsrc] != elem_type_size(elem_type)) {
    pyc_raise(PYC_EXC_VALUE, "copy: the fields are not of the reduction's element type", NULL, 0);
    return;
  }
  CopyRedArgs a = {fsrc, fdst, redop, elem_type};
  PycReq reqs[2] = {{src, (uint64_t)1 << fsrc, PYC_PRIV_READ, 0, 0, 0},
                    {dst, (uint64_t)1 << fdst, PYC_PRIV_REDUCE, redop, elem_type, 0}};
  pyc_future_release(pyc_launch("copy_reduce", copy_reduce_task, &a, sizeof a, 2, reqs, 0));
}
