// pyc/tasks.h: the task runtime of libpyctask_rt (Legion's model, Pygion's
// names): regions (index space x field space), asynchronous task launches
// with region requirements and privileges, futures, a work-stealing thread
// pool, parallel_for for prange loops, and Chrome-trace output.
//
// Contract summary (docs/runtime.md "Tasks: internals" and docs/tasks.md have
// the long form):
// - All state lives in one process-wide runtime context (PycRuntime), created
//   on first use or by pyc_runtime_init(). Workers: PYC_TASK_THREADS, default
//   the number of cores. Trace: PYC_TASK_TRACE=file.json.
// - A launch returns at once. Two launches run in parallel exactly when they
//   cannot interfere (disjoint rectangles or fields, both READ, or the same
//   REDUCE operator and type); otherwise in launch order. The result of a
//   program is its sequential result.
// - An exception raised in a task (pending pyc_err when the task returns) is
//   captured; launches not yet started are drained (not run); every wait that
//   observes the failure returns PYC_TASK_ERROR and raises a copy of the
//   first error (kind, message, file, line) in the waiting thread's slot.
// - Only integers and pointers cross this ABI (no structs by value, no
//   varargs). PycReq is the one struct, passed by pointer, all fields 8 or 4
//   bytes: LLVM type { ptr, i64, i32, i32, i32, i32 }.
// C99-clean; may be included from C++.
#ifndef PYC_TASKS_H
#define PYC_TASKS_H

#include <stddef.h>
#include <stdint.h>

#include "pyc/runtime.h"

#ifdef __cplusplus
extern "C" {
#endif

/// Bumped when a signature, struct layout or enum value below changes.
#define PYC_TASK_ABI_VERSION 2

/// Most dimensions of an index space (Legion's rectangles, 1 to 3 here).
#define PYC_MAX_DIM 3
/// Most fields of a field space: requirements name fields by a 64-bit mask.
#define PYC_MAX_FIELDS 64

/// Status codes of waits and of pyc_parallel_for.
#define PYC_TASK_OK 0
#define PYC_TASK_ERROR (-1)

typedef struct PycRuntime PycRuntime;  // the runtime context (opaque)
typedef struct PycRegion PycRegion;    // a region or subregion (opaque, refcounted)
typedef struct PycTask PycFuture;      // a launch's future (opaque, refcounted)

/// Privileges (ABI: never reorder).
typedef enum PycPrivilege {
  PYC_PRIV_NONE = 0,           // N: no access, no dependence
  PYC_PRIV_READ = 1,           // R
  PYC_PRIV_READ_WRITE = 2,     // RW
  PYC_PRIV_WRITE_DISCARD = 3,  // WD: writes everything it needs, old values unused
  PYC_PRIV_REDUCE = 4,         // Reduce(op): the task sees a private instance
                               // filled with the identity; the runtime folds it
  PYC_PRIV_COUNT
} PycPrivilege;

/// Reduction operators (REDUCE privilege and pyc_parallel_for).
typedef enum PycRedop {
  PYC_REDOP_SUM = 0,  // +
  PYC_REDOP_PROD,     // *
  PYC_REDOP_MIN,      // min
  PYC_REDOP_MAX,      // max
  PYC_REDOP_COUNT
} PycRedop;

/// Element types a reduction works on. pyc_parallel_for takes I64 and F64.
typedef enum PycElemType {
  PYC_ELEM_I64 = 0,
  PYC_ELEM_F64,
  PYC_ELEM_I32,
  PYC_ELEM_F32,
  PYC_ELEM_COUNT
} PycElemType;

/// Allocation hook (Lua's lua_Alloc): new_size == 0 frees `ptr` (returns
/// NULL); otherwise (re)allocates to new_size and returns NULL on failure.
/// `old_size` is the size of `ptr` (0 when ptr is NULL).
typedef void *(*PycAllocFn)(void *ud, void *ptr, size_t old_size, size_t new_size);

/// A compiled task: `args` is the launch's copy of the argument blob (NULL
/// if empty), `regions[i]` the region of requirement i (NULL when there is
/// none; for REDUCE, a private instance with the same rectangle, filled with
/// the identity), `result` result_size zeroed bytes to fill (NULL if 0).
/// It raises by leaving an exception pending (pyc_raise) and returning.
typedef void (*PycTaskFn)(void *args, PycRegion **regions, void *result);

/// A prange body: runs iterations [lo, hi) and accumulates reduction i into
/// the 8-byte slot ((int64_t *)acc)[i] or ((double *)acc)[i], which starts at
/// the operator's identity. May raise like a task.
typedef void (*PycLoopFn)(void *env, int64_t lo, int64_t hi, void *acc);

/// One region requirement of a launch.
typedef struct PycReq {
  PycRegion *region;  // borrowed; the launch retains it until the task ends
  uint64_t fields;    // bit i = field i; 0 means every field of the region
  int32_t privilege;  // PycPrivilege
  int32_t redop;      // PycRedop (REDUCE only)
  int32_t elem_type;  // PycElemType of the reduced fields (REDUCE only)
  int32_t reserved;   // 0
} PycReq;

// ============================================================================
// Section - Runtime context (runtime/src/context.c)
// ============================================================================

/// Starts the runtime with `nthreads` workers (<= 0: PYC_TASK_THREADS, else
/// the number of cores). Returns PYC_TASK_OK, or PYC_TASK_ERROR with a
/// RuntimeError pending if it is already running with another count.
/// Optional: every entry point below starts the runtime on first use.
PYC_API int32_t pyc_runtime_init(int32_t nthreads);

/// Waits for every launch (pyc_runtime_fence), stops and joins the workers,
/// writes the trace (PYC_TASK_TRACE). Regions stay valid; a later launch
/// starts the pool again. Returns the fence's status (raising as it does).
/// Also run at exit (atexit). Must not be called from inside a task.
PYC_API int32_t pyc_runtime_shutdown(void);

/// Number of workers of the running pool (starts the runtime if needed).
PYC_API int32_t pyc_runtime_threads(void);

/// Index of the calling worker thread, or -1 on a thread that is not one.
PYC_API int32_t pyc_runtime_worker_id(void);

/// Installs the allocation hook used for regions, tasks and every runtime
/// structure. Only while the runtime holds no allocation (before first use,
/// or after shutdown with all regions released): returns 1 if installed, 0
/// if refused. NULL restores the default (realloc/free).
PYC_API int32_t pyc_runtime_set_alloc(PycAllocFn fn, void *ud);

/// Live allocations made through the hook (for leak tests).
PYC_API int64_t pyc_runtime_live_allocs(void);

/// Waits until every task launched so far (from any thread) has finished or
/// been drained. Returns PYC_TASK_OK, or PYC_TASK_ERROR if a task failed
/// since the last fence: the first error is raised in the caller's slot and
/// the failure is cleared, so launches run again afterwards.
PYC_API int32_t pyc_runtime_fence(void);

// ============================================================================
// Section - Regions (runtime/src/region.c)
// ============================================================================
// A root region created with extents (e0, e1, e2) has the rectangle
// lo = (0, 0, 0), hi = (e0-1, e1-1, e2-1) (inclusive, as Legion's). Each field
// is a separate zero-filled, 64-byte-aligned array in C order. Element p of
// field f lives at
//   (char *)pyc_region_field_data(r, f)
//     + elem_size * sum_d (p[d] - pyc_region_lo(r, d)) * pyc_region_stride(r, d)
// for the root, a subregion (same storage, the parent's coordinates) and a
// reduction instance alike.

/// New root region: `ndim` in 1..3, extents[d] >= 0, `nfields` in 1..64,
/// field_sizes[f] in 1..4096 bytes. Refcount 1. Errors raise (ValueError for
/// bad shapes, MemoryError when storage fails) and return NULL.
PYC_API PycRegion *pyc_region_new(int32_t ndim, const int64_t *extents, int32_t nfields,
                                  const int64_t *field_sizes);

/// Subregion with rectangle lo[0..ndim) .. hi[0..ndim) (inclusive, global
/// coordinates), which must lie inside the parent (an empty rectangle,
/// lo > hi on some axis, is allowed). Shares the parent's storage and keeps
/// it alive. Refcount 1. Errors raise IndexError and return NULL.
PYC_API PycRegion *pyc_region_subregion(PycRegion *parent, const int64_t *lo, const int64_t *hi);

/// A sparse subregion of a region (Partition.by_field / preimage / image): the
/// n points (sorted, distinct, each in parent) keep the parent's coordinates
/// and storage; lo/hi become their bounding box. The dependence analysis is
/// exact: it compares the boxes, then the points (two sparse pieces whose
/// boxes overlap but which share no point are not ordered; distinct pieces
/// of one disjoint partition are known apart without looking at their
/// points). pyc_region_volume is the number of points; a rectangle of a
/// sparse region (pyc_region_subregion) holds the parent's points inside
/// it; fill and copy visit only the points. NULL with ValueError on bad
/// points. Points that fill their bounding box give a plain rectangle.
/// In n-d a point is its key: its row-major index in the root region's
/// rectangle ((x0 - lo0) * E1 + (x1 - lo1) for a root of extents E0 x E1),
/// so the sorted keys are the points in row-major order.
PYC_API PycRegion *pyc_region_subregion_points(PycRegion *parent, int64_t n,
                                               const int64_t *points);
/// The sorted points of a sparse region (borrowed), or NULL for a rectangle.
PYC_API const int64_t *pyc_region_points(const PycRegion *r);
/// Point k (0 <= k < volume) of a 1-d region in order: points[k] or lo + k.
PYC_API int64_t pyc_region_point(const PycRegion *r, int64_t k);
/// Coordinate d of point k (0 <= k < volume, row-major) of a region of any rank.
PYC_API int64_t pyc_region_point_axis(const PycRegion *r, int64_t k, int32_t d);
/// 1 if the 1-d region holds point x (its rectangle, or its points).
PYC_API int32_t pyc_region_contains(const PycRegion *r, int64_t x);

/// Adds a reference (atomic). NULL-safe.
PYC_API void pyc_region_retain(PycRegion *r);

/// Drops a reference; the last one frees the region (a root: its storage).
/// Launches hold their own references, so releasing right after a launch is
/// fine. NULL-safe.
PYC_API void pyc_region_release(PycRegion *r);

/// Number of dimensions (1..3).
PYC_API int32_t pyc_region_ndim(const PycRegion *r);

/// Inclusive bounds of axis d (0 for lo, -1 for hi when d is out of range).
PYC_API int64_t pyc_region_lo(const PycRegion *r, int32_t d);
PYC_API int64_t pyc_region_hi(const PycRegion *r, int32_t d);

/// Number of points (0 for an empty rectangle).
PYC_API int64_t pyc_region_volume(const PycRegion *r);

/// Number of fields and the size in bytes of field f (0 if out of range).
PYC_API int32_t pyc_region_nfields(const PycRegion *r);
PYC_API int64_t pyc_region_field_size(const PycRegion *r, int32_t f);

/// Address of the element at the region's lo point in field f (see the
/// formula above); NULL if f is out of range (or the field is not part of a
/// reduction instance).
PYC_API void *pyc_region_field_data(const PycRegion *r, int32_t f);

/// Stride of axis d in elements (C order of the underlying storage).
PYC_API int64_t pyc_region_stride(const PycRegion *r, int32_t d);

/// Parent region (NULL for a root); borrowed.
PYC_API PycRegion *pyc_region_parent(const PycRegion *r);

/// Current refcount (tests and debugging).
PYC_API int64_t pyc_region_refcount(const PycRegion *r);

/// Fills field `field` of every point of `r` with the field_size bytes at
/// `value` (copied). An operation in launch order (like a task holding
/// WRITE_DISCARD on that field): returns at once. Bad arguments raise
/// ValueError and launch nothing.
PYC_API void pyc_region_fill(PycRegion *r, int32_t field, const void *value);

/// pyc_region_fill for an 8-byte field from a scalar (for generated code):
/// ValueError if the field is not 8 bytes wide.
PYC_API void pyc_region_fill_i64(PycRegion *r, int32_t field, int64_t value);
PYC_API void pyc_region_fill_f64(PycRegion *r, int32_t field, double value);

/// Copies field `fsrc` of `src` into field `fdst` of `dst` at every point of
/// dst's rectangle, which must lie inside src's (same root or not; same
/// field size). An operation in launch order (READ on src, WRITE_DISCARD on
/// dst). Bad arguments raise ValueError and launch nothing.
PYC_API void pyc_region_copy(PycRegion *src, int32_t fsrc, PycRegion *dst, int32_t fdst);

/// copy(src, fsrc, dst, fdst, redop=op) (Pygion): dst[p] = dst[p] op src[p]
/// at every point of dst's rectangle, with op a PycRedop on elem_type (the
/// fields' element type). An operation in launch order holding READ on src
/// and REDUCE(op) on dst, so reducing copies with one operator into the same
/// data run in parallel. Bad arguments raise ValueError and launch nothing.
PYC_API void pyc_region_copy_reduce(PycRegion *src, int32_t fsrc, PycRegion *dst, int32_t fdst,
                                    int32_t redop, int32_t elem_type);

// ============================================================================
// Section - Launches and futures (runtime/src/launch.c, runtime/src/future.c)
// ============================================================================

/// Launches `fn` asynchronously. `name` (for the trace; must outlive the
/// runtime, e.g. a string constant; NULL = "task"), `args[0..args_size)` is
/// copied, `reqs[0..nreqs)` are the region requirements (copied; regions
/// retained until the task ends), `result_size` bytes of result are kept in
/// the future. Returns the future with one reference (the caller's: drop it
/// with pyc_future_release), or
/// NULL with ValueError pending for an invalid requirement (nothing launched).
PYC_API PycFuture *pyc_launch(const char *name, PycTaskFn fn, const void *args, int64_t args_size,
                              int32_t nreqs, const PycReq *reqs, int64_t result_size);

/// pyc_launch_ex flag: the caller guarantees that this launch interferes
/// with no unfinished launch of its context (launches made earlier by the
/// same task, or from outside any task for a top-level caller, and their
/// descendants). The runtime then skips the search for predecessors (the
/// task is ready at once) but still registers the requirements, so later
/// launches are ordered after it. A wrong promise is a data race.
#define PYC_LAUNCH_INDEPENDENT 1

/// pyc_launch with flags (PYC_LAUNCH_* bits; others raise ValueError).
PYC_API PycFuture *pyc_launch_ex(const char *name, PycTaskFn fn, const void *args,
                                 int64_t args_size, int32_t nreqs, const PycReq *reqs,
                                 int64_t result_size, int32_t flags);

/// Same as pyc_launch with the requirements as parallel arrays (for code
/// generators that prefer arrays of scalars): regions[i], fields[i],
/// privileges[i], redops[i], elem_types[i] (redops/elem_types may be NULL
/// when no requirement is REDUCE).
PYC_API PycFuture *pyc_launch_arrays(const char *name, PycTaskFn fn, const void *args,
                                     int64_t args_size, int32_t nreqs, PycRegion *const *regions,
                                     const uint64_t *fields, const int32_t *privileges,
                                     const int32_t *redops, const int32_t *elem_types,
                                     int64_t result_size);

/// Waits for the task. Returns PYC_TASK_OK, or PYC_TASK_ERROR when it failed
/// or was drained after another task's failure: then a copy of the first
/// error is raised in the caller's slot. Inside a task the worker runs other
/// tasks while it waits. NULL-safe (returns OK).
PYC_API int32_t pyc_future_wait(PycFuture *f);

/// pyc_future_wait, then copies the result_size result bytes into `out`
/// (when OK and out is not NULL). Returns the wait's status.
PYC_API int32_t pyc_future_get(PycFuture *f, void *out);

/// Typed helpers for generated code: wait and return the 8-byte result (0
/// on error, with the error pending).
PYC_API int64_t pyc_future_get_i64(PycFuture *f);
PYC_API double pyc_future_get_f64(PycFuture *f);

/// 1 if the task has finished (or was drained), else 0. Does not wait.
PYC_API int32_t pyc_future_ready(PycFuture *f);

/// Adds a reference to the future (atomic), for a second owner. NULL-safe.
PYC_API void pyc_future_retain(PycFuture *f);

/// Drops a reference; the task runs anyway. NULL-safe.
PYC_API void pyc_future_release(PycFuture *f);

// ============================================================================
// Section - parallel_for (runtime/src/parallel_for.c)
// ============================================================================

/// Runs body(env, a, b, acc) over [lo, hi) split in a fixed number of chunks
/// (4 per worker, fewer when hi - lo is small) on the workers, and waits.
/// Reductions: nred slots, redops[i] (PycRedop) on elem_types[i] (PYC_ELEM_I64
/// or PYC_ELEM_F64); results[i] (8 bytes each) holds the initial value on
/// entry and `init op c0 op c1 op ...` on return, chunk results combined in
/// chunk order: the same thread count gives the same bits every run.
/// Returns PYC_TASK_OK, or PYC_TASK_ERROR with the error of the lowest
/// failing chunk raised (chunks not yet started are skipped; results are
/// left unchanged). `name` is for the trace (NULL = "parallel_for").
PYC_API int32_t pyc_parallel_for(const char *name, int64_t lo, int64_t hi, PycLoopFn body,
                                 void *env, int32_t nred, const int32_t *redops,
                                 const int32_t *elem_types, void *results);

// ============================================================================
// Section - Symbols (runtime/src/task_symbols.c)
// ============================================================================

/// Every PYC_API function of this header, for the JIT (same shape as
/// pyc_rt_symbols; define both tables). Stores the length in *count.
PYC_API const PycRtSymbol *pyc_task_symbols(size_t *count);

// ============================================================================
// Section - Partitions and index launches (runtime/src/partition.c)
// ============================================================================

/// A partition of a region into subregions ("pieces"), one per color of a
/// 1- to 3-d color space, stored in row-major color order. Pieces are
/// subregions (they keep the parent's coordinates) and may be empty.
typedef struct PycPartition PycPartition;  // opaque, refcounted

/// What is known about a partition (bits of pyc_partition_kind).
#define PYC_PART_DISJOINT 1  // no point is in two pieces
#define PYC_PART_COMPLETE 2  // every point of the parent is in some piece

/// Partition.equal(r, colors): color c of an axis of extent E (from lo)
/// gets [lo + E*c//n, lo + E*(c+1)//n). cdim == ndim of r. Disjoint and
/// complete. A count of 0 means one color per worker thread (@task(parallel=
/// True) launches). NULL with ValueError pending on bad input.
PYC_API PycPartition *pyc_partition_equal(PycRegion *r, int32_t cdim, const int64_t *colors);

/// Partition.restrict(r, colors, transform, extent): color c gets the
/// points transform @ c + [0, extent) clipped to r; transform is ndim x
/// cdim, row-major. Disjointness is computed (pairwise rectangles).
PYC_API PycPartition *pyc_partition_restrict(PycRegion *r, int32_t cdim, const int64_t *colors,
                                             const int64_t *transform, const int64_t *extent);

/// Partition.halo(p, width): each piece of p grown by width on every side,
/// clipped to p's parent. Aliased unless width == 0 and p is disjoint.
PYC_API PycPartition *pyc_partition_halo(PycPartition *p, int64_t width);

/// Partition.image(r, src, field): piece c is exactly the set of points of
/// region r (1-3 d) named by pointer field `field` of src's piece c (its
/// points only when sparse; duplicates once, points outside r dropped), as
/// Legion's image: sparse unless they fill their bounding box. A pointer
/// field of an n-d region holds n int64 per element (field size 8n: int64,
/// int2d, int3d). The kind is computed exactly.
/// Reads the field now: the caller orders it after the writers (compiled
/// code fences first). NULL with ValueError pending on bad input.
PYC_API PycPartition *pyc_partition_image(PycRegion *r, PycPartition *src, int32_t field);

/// Partition.by_field(r, 'f', colors): r 1-3 d, colors the cdim (1-3) color
/// counts, f a field of r holding a color point (cdim int64: int64, int2d,
/// int3d); piece c holds the points of r whose f is c (sparse pieces; a
/// point whose f is outside the color space is in none). Disjoint; complete
/// when every point is colored.
PYC_API PycPartition *pyc_partition_by_field(PycRegion *r, int32_t field, int32_t cdim,
                                             const int64_t *colors);

/// Partition.preimage(r, target, 'f'): r 1-3 d, f a pointer field of r
/// holding points of target's parent (1-3 d: n int64 per element, as for
/// image); piece c holds the points of r whose f lies in target's piece c. Disjoint when target is (each point lands in
/// one piece at most), else as computed; the color space is target's.
PYC_API PycPartition *pyc_partition_preimage(PycRegion *r, PycPartition *target, int32_t field);

/// The piece of color point `color` (cdim coordinates): borrowed (the
/// partition holds it). NULL with IndexError pending outside the colors.
PYC_API PycRegion *pyc_partition_get(PycPartition *p, const int64_t *color);
/// The piece of linear (row-major) color k, borrowed; NULL + IndexError.
PYC_API PycRegion *pyc_partition_piece(PycPartition *p, int64_t k);
PYC_API int32_t pyc_partition_cdim(const PycPartition *p);
PYC_API int64_t pyc_partition_colors(const PycPartition *p, int32_t d);  // extent of axis d
PYC_API int64_t pyc_partition_volume(const PycPartition *p);             // number of pieces
PYC_API int32_t pyc_partition_kind(const PycPartition *p);               // PYC_PART_* bits
PYC_API PycRegion *pyc_partition_parent(const PycPartition *p);          // borrowed
PYC_API void pyc_partition_retain(PycPartition *p);                      // NULL-safe
PYC_API void pyc_partition_release(PycPartition *p);                     // NULL-safe

/// An index launch: one point launch of `fn` per point of the color space
/// (cdim extents `colors`, row-major), in point order. Requirement k whose
/// bit is set in `projected` names a PycPartition (cast into reqs[k].region)
/// and the point gets its piece at the point (the identity projection);
/// the others are the same region for every point. When id_slot >= 0 the
/// 8-byte argument slot id_slot receives the point (1-d colors). The points
/// are ordinary launches, so dependences are tracked piece by piece.
/// reduce < 0: returns NULL (no error) once launched; else reduce = redop |
/// elem_type << 8 (PycRedop, PYC_ELEM_I64 or F64) and the result is a future
/// of the point results folded in point order (v0 op v1 op ...).
/// reduce = PYC_INDEX_GATHER (a FutureMap): the result is a future of all
/// the point results (result_size 0 or 8 bytes each) in point order after a
/// 32-byte header (cdim, the 3 extents), done when every point is; read one
/// with pyc_future_map_get. NULL with an error pending on bad input.
#define PYC_INDEX_GATHER (-2)
PYC_API PycFuture *pyc_index_launch(const char *name, PycTaskFn fn, const void *args,
                                    int64_t args_size, int32_t nreqs, const PycReq *reqs,
                                    uint64_t projected, int32_t cdim, const int64_t *colors,
                                    int32_t id_slot, int64_t result_size, int32_t reduce);

/// fm[point].get(): waits for f, the future of a PYC_INDEX_GATHER launch (as
/// pyc_future_wait), and copies the result of the point (cdim coordinates)
/// into out. IndexError (PYC_TASK_ERROR) when the point is outside the
/// launch's color space.
PYC_API int32_t pyc_future_map_get(PycFuture *f, int32_t cdim, const int64_t *point, void *out);

#ifdef __cplusplus
}
#endif

#endif  // PYC_TASKS_H
