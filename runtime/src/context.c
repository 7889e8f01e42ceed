// The runtime context: the one PycRuntime of the process, home of all task
// runtime state (allocation hook, worker pool, dependence lock, first error,
// trace settings). Its mutexes are set up once (pthread_once); the worker
// pool starts lazily on first use (rt_get) or by pyc_runtime_init, and stops
// in pyc_runtime_shutdown or at exit. Also: the allocation choke point
// (STYLE 9.6) and copying exceptions between threads' pending slots.
#define _DEFAULT_SOURCE  // clock_gettime, sysconf(_SC_NPROCESSORS_ONLN)
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "task_internal.h"

#define DEFAULT_WINDOW (1 << 16)  // outstanding tasks before a non-worker launcher blocks

static PycRuntime runtime;  // the context (see docs/runtime.md)
static pthread_once_t runtime_once = PTHREAD_ONCE_INIT;

_Thread_local Worker *tl_worker;
_Thread_local PycTask *tl_task;

static void *default_alloc(void *ud, void *ptr, size_t old_size, size_t new_size) {
  (void)ud;
  (void)old_size;
  if (new_size == 0) {
    free(ptr);
    return NULL;
  }
  return realloc(ptr, new_size);
}

static void at_exit(void);

static void runtime_setup(void) {
  PycRuntime *rt = &runtime;
  rt->alloc = default_alloc;
  pthread_mutex_init(&rt->life_mu, NULL);
  pthread_mutex_init(&rt->sleep_mu, NULL);
  pthread_cond_init(&rt->sleep_cv, NULL);
  pthread_mutex_init(&rt->wait_mu, NULL);
  pthread_cond_init(&rt->wait_cv, NULL);
  pthread_mutex_init(&rt->deps_mu, NULL);
  pthread_mutex_init(&rt->err_mu, NULL);
  rt->t0 = rt_now();
  atexit(at_exit);
}

PycRuntime *rt_ctx(void) {
  pthread_once(&runtime_once, runtime_setup);
  return &runtime;
}

static int32_t env_threads(void) {
  const char *s = getenv("PYC_TASK_THREADS");
  if (s && *s) {
    long v = strtol(s, NULL, 10);
    if (v > 0 && v <= 1024) return (int32_t)v;
  }
  long n = sysconf(_SC_NPROCESSORS_ONLN);
  return n > 0 ? (int32_t)n : 1;
}

// Starts the pool with n workers (n <= 0: from the environment). Holds life_mu.
static int start_locked(PycRuntime *rt, int32_t n) {
  if (n <= 0) n = env_threads();
  const char *w = getenv("PYC_TASK_WINDOW");
  rt->window = w && atol(w) > 0 ? atol(w) : DEFAULT_WINDOW;
  const char *ci = getenv("PYC_TASK_CHECK_INDEPENDENT");  // deps.c
  rt->check_independent = ci && *ci && strcmp(ci, "0") != 0;
  const char *tp = getenv("PYC_TASK_TRACE");
  if (tp && *tp && !rt->trace_path) {
    size_t len = strlen(tp) + 1;
    rt->trace_path = rt_alloc_or_die(rt, len);
    memcpy(rt->trace_path, tp, len);
  }
  if (!pool_start(rt, n)) return 0;
  atomic_store(&rt->running, 1);
  return 1;
}

PycRuntime *rt_get(void) {
  PycRuntime *rt = rt_ctx();
  if (atomic_load_explicit(&rt->running, memory_order_acquire)) return rt;
  pthread_mutex_lock(&rt->life_mu);
  if (!atomic_load(&rt->running) && !start_locked(rt, 0)) {
    fprintf(stderr, "pyc-task runtime: cannot start worker threads\n");
    abort();
  }
  pthread_mutex_unlock(&rt->life_mu);
  return rt;
}

PYC_API int32_t pyc_runtime_init(int32_t nthreads) {
  PycRuntime *rt = rt_ctx();
  pthread_mutex_lock(&rt->life_mu);
  int32_t rc = PYC_TASK_OK;
  if (atomic_load(&rt->running)) {
    if (nthreads > 0 && nthreads != rt->nthreads) {
      pyc_raise(PYC_EXC_RUNTIME, "task runtime already running with another thread count", NULL,
                0);
      rc = PYC_TASK_ERROR;
    }
  } else if (!start_locked(rt, nthreads)) {
    pyc_raise(PYC_EXC_RUNTIME, "cannot start worker threads", NULL, 0);
    rc = PYC_TASK_ERROR;
  }
  pthread_mutex_unlock(&rt->life_mu);
  return rc;
}

PYC_API int32_t pyc_runtime_shutdown(void) {
  PycRuntime *rt = rt_ctx();
  if (tl_worker) {
    pyc_raise(PYC_EXC_RUNTIME, "pyc_runtime_shutdown called from inside a task", NULL, 0);
    return PYC_TASK_ERROR;
  }
  int32_t rc = PYC_TASK_OK;
  pthread_mutex_lock(&rt->life_mu);
  if (atomic_load(&rt->running)) {
    rc = pyc_runtime_fence();
    pool_stop(rt);  // writes the trace
    atomic_store(&rt->running, 0);
  }
  pthread_mutex_unlock(&rt->life_mu);
  return rc;
}

// At exit: finish the launches and write the trace. A task error that no
// wait has reported yet is printed like pyc_run_main prints one, and the
// exit status becomes 1 (the program failed even though main returned).
static void at_exit(void) {
  PycRuntime *rt = &runtime;
  if (!atomic_load(&rt->running)) return;
  if (tl_worker) {  // exit() from inside a task: the pool cannot be joined
    trace_write(rt);
    return;
  }
  pthread_mutex_lock(&rt->err_mu);
  int32_t delivered = rt->err_delivered;
  pthread_mutex_unlock(&rt->err_mu);
  ErrCopy saved;
  saved.kind = 0;
  if (pyc_err_occurred()) err_copy_take(&saved);
  if (pyc_runtime_shutdown() != PYC_TASK_OK) {
    if (!delivered) {
      fflush(stdout);
      pyc_err_print();
      _exit(1);
    }
    pyc_err_clear();
  }
  if (saved.kind) err_copy_raise(&saved);
}

PYC_API int32_t pyc_runtime_threads(void) { return rt_get()->nthreads; }

PYC_API int32_t pyc_runtime_worker_id(void) { return tl_worker ? tl_worker->id : -1; }

PYC_API int32_t pyc_runtime_set_alloc(PycAllocFn fn, void *ud) {
  PycRuntime *rt = rt_ctx();
  pthread_mutex_lock(&rt->life_mu);
  int ok = !atomic_load(&rt->running) && atomic_load(&rt->live_allocs) == 0;
  if (ok) {
    rt->alloc = fn ? fn : default_alloc;
    rt->alloc_ud = fn ? ud : NULL;
  }
  pthread_mutex_unlock(&rt->life_mu);
  return ok;
}

PYC_API int64_t pyc_runtime_live_allocs(void) { return atomic_load(&rt_ctx()->live_allocs); }

void *rt_alloc(PycRuntime *rt, size_t n) {
  void *p = rt->alloc(rt->alloc_ud, NULL, 0, n ? n : 1);
  if (p) atomic_fetch_add_explicit(&rt->live_allocs, 1, memory_order_relaxed);
  return p;
}

void *rt_alloc_or_die(PycRuntime *rt, size_t n) {
  void *p = rt_alloc(rt, n);
  if (!p) {
    fprintf(stderr, "pyc-task runtime: out of memory (%zu bytes)\n", n);
    abort();
  }
  return p;
}

void rt_free(PycRuntime *rt, void *p, size_t n) {
  if (!p) return;
  rt->alloc(rt->alloc_ud, p, n ? n : 1, 0);
  atomic_fetch_sub_explicit(&rt->live_allocs, 1, memory_order_relaxed);
}

double rt_now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

// ---- errors --------------------------------------------------------------------

static void copy_str(char *dst, size_t cap, const char *src) {
  size_t n = src ? strlen(src) : 0;
  if (n >= cap) n = cap - 1;
  if (n) memcpy(dst, src, n);
  dst[n] = '\0';
}

void err_copy_take(ErrCopy *e) {
  e->kind = pyc_err_occurred();
  e->line = pyc_err_line();
  copy_str(e->msg, sizeof e->msg, pyc_err_message());
  copy_str(e->file, sizeof e->file, pyc_err_file());
  pyc_err_clear();
}

void err_copy_raise(const ErrCopy *e) {
  pyc_raise(e->kind ? e->kind : PYC_EXC_RUNTIME, e->msg, e->file[0] ? e->file : NULL, e->line);
}

void rt_record_error(PycRuntime *rt, const ErrCopy *e) {
  pthread_mutex_lock(&rt->err_mu);
  if (!rt->first_err.kind) rt->first_err = *e;
  atomic_store(&rt->failed, 1);
  pthread_mutex_unlock(&rt->err_mu);
}
