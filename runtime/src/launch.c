// Task launches: pyc_launch checks and copies the requirements and the
// argument blob into one allocation (the PycTask, which is also the future),
// registers the requirements with the dependence tracker, and pushes the task
// to the pool when it has no unfinished predecessor. task_run executes it on
// a worker: REDUCE requirements get a private instance (identity-filled,
// folded back afterwards), an exception left pending is captured as the
// runtime's first error, and after a failure every task not yet started is
// drained (completed without running). A task that starts while the
// interrupt flag is set fails with KeyboardInterrupt. Completion releases successors that
// became ready, the task's regions, and wakes waiters. A launcher that is not
// a worker blocks while more than rt->window tasks are outstanding.
// pyc_launch_ex(..., PYC_LAUNCH_INDEPENDENT) is a launch the compiler proved
// independent of everything unfinished in its context: deps.c skips the
// search for predecessors and only registers it.
#include <stdio.h>
#include <string.h>

#include "task_internal.h"

#define ALIGN8(n) (((size_t)(n) + 7) & ~(size_t)7)

static _Thread_local int tl_folding;  // launching fold children: no recursion

static PycFuture *launch(const char *name, PycTaskFn fn, const void *args, int64_t args_size,
                         int32_t nreqs, const PycReq *reqs, int64_t result_size,
                         void (*on_drop)(void *), int32_t flags);

static int below_window(void *arg) {
  PycRuntime *rt = arg;
  return atomic_load(&rt->outstanding) < rt->window;
}

int task_is_done(void *t) { return atomic_load(&((PycTask *)t)->state) == TASK_DONE; }

void task_release(PycTask *t) {
  if (!t || atomic_fetch_sub_explicit(&t->refs, 1, memory_order_acq_rel) != 1) return;
  PycRuntime *rt = rt_ctx();
  PycTask *parent = t->parent;
  rt_free(rt, t->succ, sizeof(PycTask *) * (size_t)t->capsucc);
  rt_free(rt, t->err, sizeof(ErrCopy));
  rt_free(rt, t, t->alloc_size);
  task_release(parent);
}

// Checks one requirement; raises ValueError and returns 0 when invalid.
static int req_check(const PycReq *q, int32_t i) {
  const char *why = NULL;
  if (!q->region)
    why = "null region";
  else if (q->privilege < 0 || q->privilege >= PYC_PRIV_COUNT)
    why = "unknown privilege";
  else if (q->region->nfields < 64 && (q->fields >> q->region->nfields) != 0)
    why = "field mask names a field the region does not have";
  else if (q->privilege == PYC_PRIV_REDUCE) {
    int size = elem_type_size(q->elem_type);
    if (q->redop < 0 || q->redop >= PYC_REDOP_COUNT || !size)
      why = "unknown reduction operator or element type";
    for (int32_t f = 0; !why && f < q->region->nfields; f++)
      if ((!q->fields || (q->fields >> f & 1)) && q->region->field_sizes[f] != size)
        why = "reduced field has another element size than the reduction type";
  }
  if (!why) return 1;
  char msg[160];
  snprintf(msg, sizeof msg, "launch: requirement %d: %s", (int)i, why);
  pyc_raise(PYC_EXC_VALUE, msg, NULL, 0);
  return 0;
}

static void task_end(PycRuntime *rt, PycTask *t);

// Marks t finished (status already set), releases what it holds, wakes waiters.
static void task_finish(PycRuntime *rt, PycTask *t) {
  if (t->on_drop) t->on_drop(t->args);  // no-op when the body consumed the args
  if (t->tracked) {
    PycTask **ready;
    int32_t n;
    pthread_mutex_lock(&rt->deps_mu);
    deps_complete(rt, t, &ready, &n);
    pthread_mutex_unlock(&rt->deps_mu);
    for (int32_t i = 0; i < n; i++) pool_push(rt, &ready[i]->job);
  } else {
    atomic_store(&t->state, TASK_DONE);
  }
  for (int32_t i = 0; i < t->nreqs; i++) {
    pyc_region_release(t->reqs[i].inst);
    t->reqs[i].inst = NULL;
    pyc_region_release(t->reqs[i].region);
  }
  if (atomic_load(&t->waited)) pool_notify(rt);
  int64_t left = atomic_fetch_sub(&rt->outstanding, 1) - 1;
  if (left == 0 || left == rt->window / 2) pool_notify(rt);
  PycTask *parent = t->parent;
  task_release(t);  // the runtime's reference (the child's ref keeps parent alive)
  if (parent) task_end(rt, parent);
}

// One of t's body or children ended; the last one finishes t.
static void task_end(PycRuntime *rt, PycTask *t) {
  if (atomic_fetch_sub(&t->unfinished, 1) == 1) task_finish(rt, t);
}

static void task_fail(PycRuntime *rt, PycTask *t) {
  ErrCopy *e = rt_alloc_or_die(rt, sizeof *e);
  err_copy_take(e);
  rt_record_error(rt, e);
  t->err = e;
  t->status = TASK_FAILED;
}

// ---- reductions of a task that launches children ------------------------------
// A task's REDUCE instance is normally folded when its body returns. A task
// that launches children must not fold behind their backs: a child launched
// after some reductions has to see them, and one still running when the body
// returns may touch the same data. So the pending contents of its instances
// are handed to a "fold" child (a REDUCE launch in the task's context, hence
// ordered against its other children) at each child launch and at the end.

typedef struct FoldArgs {
  PycRegion *snap;  // owned: the contents to fold
  uint64_t mask;
  int32_t redop, type;
} FoldArgs;

static void fold_task(void *args, PycRegion **regions, void *result) {
  (void)result;
  FoldArgs *a = args;
  region_fold(regions[0], a->snap, a->mask, a->redop, a->type);
  pyc_region_release(a->snap);
  a->snap = NULL;
}

// The fold task did not run (drained, or its own instance failed).
static void fold_drop(void *args) {
  FoldArgs *a = args;
  pyc_region_release(a->snap);
  a->snap = NULL;
}

static int has_instances(const PycTask *t) {
  for (int32_t i = 0; i < t->nreqs; i++)
    if (t->reqs[i].inst) return 1;
  return 0;
}

// Launches one fold child of t (the running task on this thread) per instance.
static void fold_via_children(PycTask *t) {
  tl_folding = 1;
  for (int32_t i = 0; i < t->nreqs && !pyc_err_occurred(); i++) {
    ReqState *q = &t->reqs[i];
    if (!q->inst) continue;
    FoldArgs a = {region_instance_take(q->inst, q->mask, q->redop, q->type), q->mask, q->redop,
                  q->type};
    if (!a.snap) break;  // MemoryError pending
    PycReq req = {q->region, q->mask, PYC_PRIV_REDUCE, q->redop, q->type, 0};
    pyc_future_release(launch("fold", fold_task, &a, sizeof a, 1, &req, 0, fold_drop, 0));
  }
  tl_folding = 0;
}

void task_run(PycTask *t) {
  PycRuntime *rt = rt_ctx();
  if (atomic_load(&rt->failed)) {
    t->status = TASK_DRAINED;
    task_end(rt, t);
    return;
  }
  // A worker that runs t while waiting inside another task may hold that
  // task's pending error: keep it aside.
  ErrCopy saved;
  saved.kind = 0;
  if (pyc_err_occurred()) err_copy_take(&saved);
  double t0 = rt->trace_path ? rt_now() : 0;
  for (int32_t i = 0; i < t->nreqs; i++) {
    ReqState *q = &t->reqs[i];
    if (q->privilege != PYC_PRIV_REDUCE) continue;
    q->inst = region_instance_new(q->region, q->mask, q->redop, q->type);
    if (!q->inst) break;  // MemoryError pending
    t->regs[i] = q->inst;
  }
  if (!pyc_err_occurred() && pyc_interrupt_requested()) {
    pyc_raise_interrupt(NULL, 0);  // Ctrl-C: fails like a raise, the rest is drained
  } else if (!pyc_err_occurred()) {
    PycTask *prev = tl_task;
    tl_task = t;
    t->fn(t->args, t->regs, t->result);
    tl_task = prev;
  }
  if (!pyc_err_occurred() && t->nchildren > 0 && has_instances(t)) {
    PycTask *prev = tl_task;
    tl_task = t;
    fold_via_children(t);
    tl_task = prev;
  } else if (!pyc_err_occurred()) {
    for (int32_t i = 0; i < t->nreqs; i++) {
      ReqState *q = &t->reqs[i];
      if (q->inst) region_fold(q->region, q->inst, q->mask, q->redop, q->type);
    }
  }
  if (pyc_err_occurred()) task_fail(rt, t);
  if (rt->trace_path && tl_worker) trace_record(tl_worker, t->name, t0, rt_now());
  if (saved.kind) err_copy_raise(&saved);
  task_end(rt, t);
}

PYC_API PycFuture *pyc_launch(const char *name, PycTaskFn fn, const void *args, int64_t args_size,
                              int32_t nreqs, const PycReq *reqs, int64_t result_size) {
  return launch(name, fn, args, args_size, nreqs, reqs, result_size, NULL, 0);
}

PYC_API PycFuture *pyc_launch_ex(const char *name, PycTaskFn fn, const void *args,
                                 int64_t args_size, int32_t nreqs, const PycReq *reqs,
                                 int64_t result_size, int32_t flags) {
  return launch(name, fn, args, args_size, nreqs, reqs, result_size, NULL, flags);
}

static PycFuture *launch(const char *name, PycTaskFn fn, const void *args, int64_t args_size,
                         int32_t nreqs, const PycReq *reqs, int64_t result_size,
                         void (*on_drop)(void *), int32_t flags) {
  if (!fn || nreqs < 0 || (nreqs > 0 && !reqs) || args_size < 0 || (args_size > 0 && !args) ||
      result_size < 0 || (flags & ~PYC_LAUNCH_INDEPENDENT)) {
    pyc_raise(PYC_EXC_VALUE, "launch: invalid arguments", NULL, 0);
    return NULL;
  }
  for (int32_t i = 0; i < nreqs; i++)
    if (!req_check(&reqs[i], i)) return NULL;
  PycRuntime *rt = rt_get();
  if (tl_task && !tl_folding && has_instances(tl_task)) {
    fold_via_children(tl_task);  // reductions so far come before this child
    if (pyc_err_occurred()) return NULL;
  }
  if (tl_task) tl_task->nchildren++;
  size_t size = sizeof(PycTask) + sizeof(ReqState) * (size_t)nreqs +
                ALIGN8(sizeof(PycRegion *) * (size_t)nreqs) + ALIGN8(args_size) +
                ALIGN8(result_size);
  PycTask *t = rt_alloc_or_die(rt, size);
  memset(t, 0, sizeof *t);
  char *p = (char *)(t + 1);
  t->reqs = (ReqState *)p;
  p += sizeof(ReqState) * (size_t)nreqs;
  t->regs = nreqs ? (PycRegion **)p : NULL;
  p += ALIGN8(sizeof(PycRegion *) * (size_t)nreqs);
  t->args = args_size ? p : NULL;
  if (args_size) memcpy(p, args, (size_t)args_size);
  p += ALIGN8(args_size);
  t->result = result_size ? p : NULL;
  if (result_size) memset(p, 0, (size_t)result_size);
  t->job.kind = JOB_TASK;
  atomic_init(&t->refs, 2);  // the future and the runtime
  atomic_init(&t->state, TASK_PENDING);
  atomic_init(&t->waited, 0);
  t->fn = fn;
  t->on_drop = on_drop;
  t->name = name ? name : "task";
  t->args_size = args_size;
  t->result_size = result_size;
  t->nreqs = nreqs;
  t->alloc_size = size;
  atomic_init(&t->unfinished, 1);
  t->parent = tl_task;
  if (t->parent) {  // the parent finishes after this child
    atomic_fetch_add_explicit(&t->parent->refs, 1, memory_order_relaxed);
    atomic_fetch_add(&t->parent->unfinished, 1);
  }
  for (int32_t i = 0; i < nreqs; i++) {
    ReqState *q = &t->reqs[i];
    PycRegion *r = reqs[i].region;
    pyc_region_retain(r);
    q->region = r;
    q->inst = NULL;
    q->tree = NULL;  // not in the dependence index (yet)
    region_rect(r, &q->rect);
    q->points = r->points;
    q->npoints = r->npoints;
    uint64_t all = r->nfields == 64 ? ~(uint64_t)0 : ((uint64_t)1 << r->nfields) - 1;
    q->mask = reqs[i].fields ? reqs[i].fields : all;
    q->privilege = reqs[i].privilege;
    q->redop = reqs[i].redop;
    q->type = reqs[i].elem_type;
    t->regs[i] = r;
    if (q->privilege != PYC_PRIV_NONE) t->tracked = 1;
  }
  atomic_fetch_add(&rt->outstanding, 1);
  if (atomic_load(&rt->failed)) {  // drained at once: it would not run anyway
    t->status = TASK_DRAINED;
    task_end(rt, t);
    return t;
  }
  int32_t npred = 0;
  if (t->tracked) {
    pthread_mutex_lock(&rt->deps_mu);
    npred = deps_register(rt, t, flags & PYC_LAUNCH_INDEPENDENT);
    pthread_mutex_unlock(&rt->deps_mu);
  }
  if (npred == 0) pool_push(rt, &t->job);
  if (!tl_worker && atomic_load_explicit(&rt->outstanding, memory_order_relaxed) >= rt->window)
    pool_wait(rt, below_window, rt);
  return t;
}

PYC_API PycFuture *pyc_launch_arrays(const char *name, PycTaskFn fn, const void *args,
                                     int64_t args_size, int32_t nreqs, PycRegion *const *regions,
                                     const uint64_t *fields, const int32_t *privileges,
                                     const int32_t *redops, const int32_t *elem_types,
                                     int64_t result_size) {
  enum { SMALL = 16 };
  PycReq small[SMALL];
  PycReq *reqs = small;
  PycRuntime *rt = rt_ctx();
  if (nreqs > SMALL) reqs = rt_alloc_or_die(rt, sizeof(PycReq) * (size_t)nreqs);
  for (int32_t i = 0; i < nreqs; i++) {
    reqs[i].region = regions ? regions[i] : NULL;
    reqs[i].fields = fields ? fields[i] : 0;
    reqs[i].privilege = privileges ? privileges[i] : PYC_PRIV_READ_WRITE;
    reqs[i].redop = redops ? redops[i] : 0;
    reqs[i].elem_type = elem_types ? elem_types[i] : 0;
    reqs[i].reserved = 0;
  }
  PycFuture *f = pyc_launch(name, fn, args, args_size, nreqs, reqs, result_size);
  if (reqs != small) rt_free(rt, reqs, sizeof(PycReq) * (size_t)nreqs);
  return f;
}
