// Internal header of the task runtime: the runtime context, regions, tasks,
// workers. Sectioned by the .c file that owns each part. Locking order:
// deps_mu, then a worker's deque mutex / sleep_mu / wait_mu (never the other
// way round); region fold_mu is taken alone.
#ifndef PYC_SRC_TASK_INTERNAL_H
#define PYC_SRC_TASK_INTERNAL_H

#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>

#include "pyc/tasks.h"

// ---- context.c ---------------------------------------------------------------

typedef struct Worker Worker;
typedef struct Job Job;
typedef struct PycTask PycTask;

/// A copied exception (kind, message, file, line).
typedef struct ErrCopy {
  int32_t kind;  // 0 = none
  int32_t line;
  char msg[512];
  char file[256];  // "" = unknown
} ErrCopy;

struct PycRuntime {
  // allocation (STYLE 9.6): every runtime allocation goes through alloc
  PycAllocFn alloc;          // never NULL
  void *alloc_ud;
  _Atomic int64_t live_allocs;

  pthread_mutex_t life_mu;   // serializes init/shutdown
  _Atomic int32_t running;   // 1 while workers exist
  int32_t nthreads;
  Worker *workers;           // owned, nthreads entries
  _Atomic uint32_t next_push;// round robin for pushes from non-workers
  _Atomic int32_t stop;      // tells workers to exit

  // idle workers
  pthread_mutex_t sleep_mu;
  pthread_cond_t sleep_cv;
  _Atomic int32_t nsleeping;
  _Atomic int64_t nqueued;   // jobs sitting in deques

  // waiters (futures, fence, parallel_for, launch throttling)
  pthread_mutex_t wait_mu;
  pthread_cond_t wait_cv;
  _Atomic int32_t nwaiters;  // threads blocked in wait_cv
  _Atomic int64_t outstanding;  // launched, not yet finished tasks
  int64_t window;            // throttle: most outstanding tasks from a non-worker

  // dependence tracking (deps.c)
  pthread_mutex_t deps_mu;
  uint64_t launch_serial;    // numbers tracked launches, under deps_mu
  uint64_t region_serial;    // numbers regions as deps.c meets them, under deps_mu
  int32_t check_independent; // PYC_TASK_CHECK_INDEPENDENT=1: verify independent launches
  _Atomic uint64_t partition_serial;  // numbers the disjoint partitions (partition.c)

  // errors
  pthread_mutex_t err_mu;
  _Atomic int32_t failed;    // a task failed since the last fence: drain
  ErrCopy first_err;         // under err_mu
  int32_t err_delivered;     // under err_mu: a wait has raised first_err

  // tracing (trace.c)
  char *trace_path;          // owned; NULL = off
  double t0;                 // monotonic seconds at start
};

/// The one runtime context of the process (zero-initialised statics + lazy start).
PycRuntime *rt_get(void);          // starts the pool if needed
PycRuntime *rt_ctx(void);          // context without starting the pool
void *rt_alloc(PycRuntime *rt, size_t n);         // NULL on failure
void *rt_alloc_or_die(PycRuntime *rt, size_t n);  // aborts with a message
void rt_free(PycRuntime *rt, void *p, size_t n);
void err_copy_take(ErrCopy *e);          // moves this thread's pending error into e
void err_copy_raise(const ErrCopy *e);   // raises e in this thread's slot
void rt_record_error(PycRuntime *rt, const ErrCopy *e);  // keeps the first
double rt_now(void);                     // monotonic seconds

extern _Thread_local Worker *tl_worker;     // NULL on non-worker threads
extern _Thread_local struct PycTask *tl_task;  // task running on this thread

// ---- pool.c ------------------------------------------------------------------

enum { JOB_TASK = 1, JOB_CHUNK = 2 };

/// What a deque holds: the first member of PycTask and of a loop chunk.
struct Job {
  int32_t kind;  // JOB_*
};

struct Worker {
  PycRuntime *rt;
  int32_t id;
  pthread_t thread;
  pthread_mutex_t mu;  // guards the deque
  Job **ring;          // owned; circular buffer, capacity a power of two
  int64_t cap, head, tail;  // jobs are ring[head..tail) mod cap; pop at tail, steal at head
  // trace events of this worker (trace.c); touched only by this worker
  struct TraceEv *ev;  // owned
  int64_t nev, capev;
  struct TraceName *names;  // owned; copies of the event names (see trace.c)
  int64_t nnames, capnames;
  char pad[64];
};

int pool_start(PycRuntime *rt, int32_t nthreads);  // 0 on failure
void pool_stop(PycRuntime *rt);
void pool_push(PycRuntime *rt, Job *j);            // a ready job
/// Blocks until done(arg) returns nonzero. A worker runs other jobs meanwhile.
void pool_wait(PycRuntime *rt, int (*done)(void *), void *arg);
void pool_notify(PycRuntime *rt);                  // wakes pool_wait callers

// ---- region.c ----------------------------------------------------------------

typedef struct DepTree DepTree;

struct PycRegion {
  _Atomic int64_t refs;
  int32_t ndim, nfields;
  int64_t lo[PYC_MAX_DIM], hi[PYC_MAX_DIM];  // inclusive, global coordinates
  int64_t stride[PYC_MAX_DIM];               // elements, of the storage
  int64_t *field_sizes;   // owned by the root (shared by subregions)
  char **field_data;      // owned; element at lo for each field (NULL: not present)
  PycRegion *parent;      // retained; NULL for a root
  PycRegion *root;        // self for a root or an instance
  // root only
  void **field_raw;       // owned: raw allocations (before alignment)
  size_t *field_rawsize;
  DepTree *dep_trees;     // owned: dependence index (deps.c), under rt->deps_mu
  pthread_mutex_t fold_mu;// serializes reduction folds into this root
  int32_t is_instance;    // a private reduction instance (not tracked)
  // A sparse subregion (Partition.by_field / preimage / image, any rank): its
  // points as keys (region_point_key: row-major index in the root's
  // rectangle; the coordinate in 1-d), sorted, owned; lo/hi are their
  // bounding box, which the storage uses (the dependence analysis compares
  // the boxes first, then the points: exact). NULL: the whole rectangle.
  // Never changed once the region is handed out.
  int64_t *points;
  int64_t npoints;
  // A piece of a disjoint partition: that partition's number (nonzero, from
  // rt->partition_serial; set before the piece is handed out), else 0. Two
  // regions below distinct pieces of one such partition share no point
  // (deps.c uses it before comparing sparse point sets).
  uint64_t disjoint_in;
  // deps.c, under rt->deps_mu: this region's number (0 until it first needs
  // one) and a small cache of the numbers of sparse regions whose points
  // were merged with its own and found apart (round robin).
  uint64_t dep_serial;
  uint64_t apart[8];
  uint32_t apart_next;
};

int64_t region_point_key(const PycRegion *r, const int64_t *x);  // x: ndim coordinates
void region_key_point(const PycRegion *r, int64_t key, int64_t *x);
void region_point_at(const PycRegion *r, int64_t k, int64_t *x);  // k-th point, row-major
bool region_holds(const PycRegion *r, const int64_t *x);          // x in r (its points)

/// Rectangles: empty when lo > hi on some axis.
typedef struct Rect {
  int64_t lo[PYC_MAX_DIM], hi[PYC_MAX_DIM];
} Rect;

int rect_overlap(int32_t ndim, const Rect *a, const Rect *b);
int rect_contains(int32_t ndim, const Rect *outer, const Rect *inner);
void region_rect(const PycRegion *r, Rect *out);
/// A private instance over r's rectangle holding the fields of `mask`,
/// filled with the identity of (redop, type). NULL on allocation failure.
PycRegion *region_instance_new(PycRegion *r, uint64_t mask, int32_t redop, int32_t type);
/// Moves the contents of instance `inst` (fields of mask) into a new
/// instance and refills `inst` with the identity. NULL (MemoryError) on failure.
PycRegion *region_instance_take(PycRegion *inst, uint64_t mask, int32_t redop, int32_t type);
/// Folds instance `inst` into r (fields of mask) under the root's fold_mu.
void region_fold(PycRegion *r, PycRegion *inst, uint64_t mask, int32_t redop, int32_t type);
int elem_type_size(int32_t type);  // 0 for an unknown type
void redop_identity(int32_t redop, int32_t type, void *out);
void redop_apply(int32_t redop, int32_t type, void *acc, const void *v);

// ---- launch.c ----------------------------------------------------------------

/// One requirement as the runtime keeps it; also its node in the root
/// region's dependence index while the task is unfinished (deps.c).
typedef struct ReqState {
  PycRegion *region;  // retained
  PycRegion *inst;    // reduction instance (REDUCE), owned, else NULL
  Rect rect;          // the region's rectangle (a sparse region's bounding box)
  const int64_t *points;  // a sparse region's sorted keys (region->points, which
  int64_t npoints;        // lives as long as the retained region), else NULL
  uint64_t mask;      // never 0 (0 was expanded to all fields)
  int32_t privilege, redop, type;
  // dependence index (deps.c), under rt->deps_mu
  DepTree *tree;                  // the tree holding this node; NULL: not indexed
  struct ReqState *left, *right;  // treap children
  struct ReqState *drop;          // deps_register's list of covered nodes to remove
  struct PycTask *task;           // the owner
  int64_t maxhi;                  // largest rect.hi[tree->axis] in this subtree
  uint64_t prio;                  // treap priority (a max-heap)
} ReqState;

enum { TASK_PENDING = 0, TASK_DONE = 1 };
enum { TASK_OK = 0, TASK_FAILED = 1, TASK_DRAINED = 2 };

struct PycTask {
  Job job;                    // kind JOB_TASK (first member)
  _Atomic int32_t refs;       // future handle + the runtime + dependence entries
  _Atomic int32_t state;      // TASK_PENDING / TASK_DONE
  int32_t status;             // TASK_OK/FAILED/DRAINED, written before state = DONE
  int32_t tracked;            // has requirements in dependence lists
  int32_t npending;           // unfinished predecessors (+1 while launching), under deps_mu
  int32_t nreqs;
  PycTaskFn fn;
  const char *name;
  void *args;                 // points into this allocation
  int64_t args_size;
  void *result;               // points into this allocation (NULL if size 0)
  int64_t result_size;
  ReqState *reqs;             // points into this allocation
  PycRegion **regs;           // what fn gets, points into this allocation
  struct PycTask **succ;      // successors (owned array), under deps_mu
  int32_t nsucc, capsucc;
  uint64_t mark;              // serial of the last launch that added an edge from here (dedupe)
  uint64_t serial;            // launch number (under deps_mu; tracked tasks only)
  struct PycTask *parent;     // retained; task that launched this one, or NULL
  _Atomic int32_t waited;     // a thread waits for it: notify on completion
  _Atomic int32_t unfinished; // 1 for the body + 1 per unfinished child task
  ErrCopy *err;               // owned; the task's own error (status FAILED)
  int32_t nchildren;          // launches made by its body (its thread only)
  void (*on_drop)(void *args);// frees what args own when the task does not run
  size_t alloc_size;
};

void task_release(PycTask *t);
int task_is_done(void *t);  // pool_wait condition
void task_run(PycTask *t);   // on a worker: run (or drain), fold, complete

// ---- deps.c ------------------------------------------------------------------

/// Adds edges from unfinished conflicting users to t and registers t's
/// requirements; returns the number of predecessors. independent: the
/// caller guarantees t interferes with no unfinished launch of its context
/// (PYC_LAUNCH_INDEPENDENT): no search, only the registration. Caller holds
/// deps_mu. t->reqs[i].tree must be NULL (launch.c).
int32_t deps_register(PycRuntime *rt, PycTask *t, int independent);
/// Marks t done, removes its requirements from the index and returns its
/// successors that became ready (count in *n; the array is t->succ,
/// reused). Caller holds deps_mu.
void deps_complete(PycRuntime *rt, PycTask *t, PycTask ***ready, int32_t *n);
/// Frees a root region's dependence index (the region is being freed).
void deps_region_free(PycRuntime *rt, PycRegion *root);

// ---- trace.c -----------------------------------------------------------------

typedef struct TraceName {
  const char *src;   // the pointer given at launch (compared, never read after recording)
  char *copy;        // owned copy of the text
  size_t size;       // bytes allocated for copy
} TraceName;

typedef struct TraceEv {
  const char *name;
  double ts, dur;  // seconds since rt->t0
} TraceEv;

void trace_record(Worker *w, const char *name, double t_start, double t_end);
void trace_write(PycRuntime *rt);  // writes and clears the events and names

#endif  // PYC_SRC_TASK_INTERNAL_H
