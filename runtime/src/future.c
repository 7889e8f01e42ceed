// Futures and the fence. A future is the launch's PycTask (refcounted: the
// caller's handle, the runtime until completion, dependence-list entries).
// Waiting marks the task as waited (so its completion wakes wait_cv) and
// blocks in pool_wait; a worker runs other tasks meanwhile. A failed or
// drained task makes the wait return PYC_TASK_ERROR with the error raised in
// the waiter's slot: the task's own error, else the runtime's first error.
// The fence waits for the outstanding count to reach 0 and then clears the
// failure state, raising the first error once.
#include <string.h>

#include "task_internal.h"

static int all_done(void *arg) { return atomic_load(&((PycRuntime *)arg)->outstanding) == 0; }

PYC_API int32_t pyc_future_wait(PycFuture *f) {
  if (!f) return PYC_TASK_OK;
  PycRuntime *rt = rt_ctx();
  if (!task_is_done(f)) {
    atomic_store(&f->waited, 1);  // seq_cst: pairs with the completer's state store
    pool_wait(rt, task_is_done, f);
  }
  if (f->status == TASK_OK) return PYC_TASK_OK;
  pthread_mutex_lock(&rt->err_mu);
  rt->err_delivered = 1;
  pthread_mutex_unlock(&rt->err_mu);
  if (f->err) {
    err_copy_raise(f->err);
  } else {
    pthread_mutex_lock(&rt->err_mu);
    ErrCopy e = rt->first_err;
    pthread_mutex_unlock(&rt->err_mu);
    if (e.kind)
      err_copy_raise(&e);
    else
      pyc_raise(PYC_EXC_RUNTIME, "task not run: an earlier task failed", NULL, 0);
  }
  return PYC_TASK_ERROR;
}

PYC_API int32_t pyc_future_get(PycFuture *f, void *out) {
  int32_t rc = pyc_future_wait(f);
  if (rc == PYC_TASK_OK && f && out && f->result_size)
    memcpy(out, f->result, (size_t)f->result_size);
  return rc;
}

PYC_API int64_t pyc_future_get_i64(PycFuture *f) {
  int64_t v = 0;
  if (f && f->result_size < (int64_t)sizeof v) {
    pyc_raise(PYC_EXC_TYPE, "future has no 8-byte result", NULL, 0);
    return 0;
  }
  return pyc_future_get(f, &v) == PYC_TASK_OK ? v : 0;
}

PYC_API double pyc_future_get_f64(PycFuture *f) {
  double v = 0;
  if (f && f->result_size < (int64_t)sizeof v) {
    pyc_raise(PYC_EXC_TYPE, "future has no 8-byte result", NULL, 0);
    return 0;
  }
  return pyc_future_get(f, &v) == PYC_TASK_OK ? v : 0;
}

PYC_API int32_t pyc_future_ready(PycFuture *f) { return f ? task_is_done(f) : 1; }

PYC_API void pyc_future_retain(PycFuture *f) {
  if (f) atomic_fetch_add_explicit(&f->refs, 1, memory_order_relaxed);
}

PYC_API void pyc_future_release(PycFuture *f) { task_release(f); }

PYC_API int32_t pyc_runtime_fence(void) {
  PycRuntime *rt = rt_ctx();
  if (tl_worker) {
    pyc_raise(PYC_EXC_RUNTIME, "fence inside a task: wait for the futures instead", NULL, 0);
    return PYC_TASK_ERROR;
  }
  pool_wait(rt, all_done, rt);
  if (!atomic_load(&rt->failed)) return PYC_TASK_OK;
  pthread_mutex_lock(&rt->err_mu);
  ErrCopy e = rt->first_err;
  memset(&rt->first_err, 0, sizeof rt->first_err);
  rt->err_delivered = 0;
  atomic_store(&rt->failed, 0);
  pthread_mutex_unlock(&rt->err_mu);
  err_copy_raise(&e);
  return PYC_TASK_ERROR;
}
