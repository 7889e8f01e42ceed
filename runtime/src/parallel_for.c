// pyc_parallel_for: the runtime side of prange. [lo, hi) is cut into a
// fixed number of chunks (4 per worker, at most one per iteration) of sizes
// differing by at most one; each chunk is a job on the pool with its own
// reduction slots, initialised to the identities. The caller waits (a worker
// runs chunks meanwhile), then folds the slots into results[] in chunk
// order, so a given thread count always gives the same bits. A body that
// raises stops the chunks not yet started; the error of the lowest failing
// chunk is raised in the caller. A chunk that starts while the interrupt
// flag is set raises KeyboardInterrupt instead of running (the bodies poll
// the flag themselves while they run). No dependence tracking: the compiler has
// proven the iterations independent (or the user asked for prange).
#include <string.h>

#include "task_internal.h"

#define CHUNKS_PER_WORKER 4  // some slack for load balance, still deterministic

typedef struct Loop Loop;

typedef struct Chunk {
  Job job;      // kind JOB_CHUNK (first member)
  Loop *loop;   // borrowed: lives on the caller's stack until all chunks end
  int32_t index;
} Chunk;

struct Loop {
  PycLoopFn body;
  void *env;
  int64_t lo, n;
  int32_t nchunks, nred;
  const int32_t *redops, *types;
  int64_t *slots;          // owned by the caller; nchunks * nred 8-byte slots
  ErrCopy **errs;          // owned by the caller; per chunk, NULL = no error
  const char *name;
  _Atomic int32_t failed;
  _Atomic int32_t remaining;  // chunks not finished: the last access to Loop
};

static int loop_done(void *arg) { return atomic_load(&((Loop *)arg)->remaining) == 0; }

// First iteration of chunk c (sizes differ by at most one, no overflow).
static int64_t chunk_start(const Loop *L, int32_t c) {
  int64_t base = L->n / L->nchunks, rem = L->n % L->nchunks;
  return L->lo + base * c + (c < rem ? c : rem);
}

void loop_chunk_run(Job *j);

void loop_chunk_run(Job *j) {
  Chunk *ch = (Chunk *)j;
  Loop *L = ch->loop;
  PycRuntime *rt = rt_ctx();
  int32_t c = ch->index;
  if (!atomic_load(&L->failed)) {
    ErrCopy saved;
    saved.kind = 0;
    if (pyc_err_occurred()) err_copy_take(&saved);
    double t0 = rt->trace_path ? rt_now() : 0;
    int64_t *acc = L->slots + (size_t)c * (size_t)L->nred;
    for (int32_t i = 0; i < L->nred; i++) redop_identity(L->redops[i], L->types[i], &acc[i]);
    if (pyc_interrupt_requested())  // Ctrl-C: the chunks not yet started stop here
      pyc_raise_interrupt(NULL, 0);
    else
      L->body(L->env, chunk_start(L, c), chunk_start(L, c + 1), acc);
    if (pyc_err_occurred()) {
      ErrCopy *e = rt_alloc_or_die(rt, sizeof *e);
      err_copy_take(e);
      L->errs[c] = e;
      atomic_store(&L->failed, 1);
    }
    if (rt->trace_path && tl_worker) trace_record(tl_worker, L->name, t0, rt_now());
    if (saved.kind) err_copy_raise(&saved);
  }
  if (atomic_fetch_sub(&L->remaining, 1) == 1) pool_notify(rt);
}

PYC_API int32_t pyc_parallel_for(const char *name, int64_t lo, int64_t hi, PycLoopFn body,
                                 void *env, int32_t nred, const int32_t *redops,
                                 const int32_t *elem_types, void *results) {
  if (!body || nred < 0 || (nred > 0 && (!redops || !elem_types || !results))) {
    pyc_raise(PYC_EXC_VALUE, "parallel_for: invalid arguments", NULL, 0);
    return PYC_TASK_ERROR;
  }
  for (int32_t i = 0; i < nred; i++)
    if (redops[i] < 0 || redops[i] >= PYC_REDOP_COUNT ||
        (elem_types[i] != PYC_ELEM_I64 && elem_types[i] != PYC_ELEM_F64)) {
      pyc_raise(PYC_EXC_VALUE, "parallel_for: reductions are + * min max on i64 or f64", NULL, 0);
      return PYC_TASK_ERROR;
    }
  if (hi <= lo) return PYC_TASK_OK;
  uint64_t n = (uint64_t)hi - (uint64_t)lo;
  if (n > INT64_MAX) {
    pyc_raise(PYC_EXC_OVERFLOW, "parallel_for: range too large", NULL, 0);
    return PYC_TASK_ERROR;
  }
  PycRuntime *rt = rt_get();
  int64_t want = (int64_t)rt->nthreads * CHUNKS_PER_WORKER;
  Loop L;
  memset(&L, 0, sizeof L);
  L.body = body;
  L.env = env;
  L.lo = lo;
  L.n = (int64_t)n;
  L.nchunks = (int32_t)((int64_t)n < want ? (int64_t)n : want);
  L.nred = nred;
  L.redops = redops;
  L.types = elem_types;
  L.name = name ? name : "parallel_for";
  size_t nslots = (size_t)L.nchunks * (size_t)(nred ? nred : 1);
  L.slots = rt_alloc_or_die(rt, sizeof(int64_t) * nslots);
  L.errs = rt_alloc_or_die(rt, sizeof(ErrCopy *) * (size_t)L.nchunks);
  memset(L.errs, 0, sizeof(ErrCopy *) * (size_t)L.nchunks);
  Chunk *chunks = rt_alloc_or_die(rt, sizeof(Chunk) * (size_t)L.nchunks);
  atomic_init(&L.failed, 0);
  atomic_init(&L.remaining, L.nchunks);
  for (int32_t c = 0; c < L.nchunks; c++) {
    chunks[c].job.kind = JOB_CHUNK;
    chunks[c].loop = &L;
    chunks[c].index = c;
  }
  for (int32_t c = 0; c < L.nchunks; c++) pool_push(rt, &chunks[c].job);
  pool_wait(rt, loop_done, &L);
  int32_t rc = PYC_TASK_OK;
  const ErrCopy *first = NULL;
  for (int32_t c = 0; c < L.nchunks && !first; c++) first = L.errs[c];
  if (first) {
    err_copy_raise(first);
    rc = PYC_TASK_ERROR;
  } else {
    int64_t *out = results;
    for (int32_t c = 0; c < L.nchunks; c++)
      for (int32_t i = 0; i < nred; i++)
        redop_apply(redops[i], elem_types[i], &out[i], &L.slots[(size_t)c * (size_t)nred + (size_t)i]);
  }
  for (int32_t c = 0; c < L.nchunks; c++) rt_free(rt, L.errs[c], sizeof(ErrCopy));
  rt_free(rt, chunks, sizeof(Chunk) * (size_t)L.nchunks);
  rt_free(rt, L.errs, sizeof(ErrCopy *) * (size_t)L.nchunks);
  rt_free(rt, L.slots, sizeof(int64_t) * nslots);
  return rc;
}
