// The work-stealing thread pool. Each worker owns a deque (a circular buffer
// under its own mutex: correctness first; the mutex is uncontended unless a
// thief is at work). A worker pushes jobs it makes ready to its own deque and
// pops the newest one (LIFO, for locality); idle workers steal the oldest job
// of another deque (FIFO). Threads that are not workers push round robin.
// A worker with nothing to do spins briefly, then sleeps on sleep_cv; a push
// wakes one sleeper. The sleeper count and the queued-job count are a Dekker
// pair (seq_cst), and the sleeper re-checks under sleep_mu, so no wakeup is
// lost. Threads waiting for a condition (futures, fence, parallel_for) sleep
// on wait_cv if they are not workers; workers run other jobs while waiting.
#define _POSIX_C_SOURCE 200809L  // clock_gettime, sched_yield
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "task_internal.h"

#define DEQUE_INIT_CAP 1024  // jobs; grows by doubling
#define SPIN_ROUNDS 200      // empty polls before sleeping (short: the cores are shared)

void loop_chunk_run(Job *j);  // parallel_for.c

static inline void cpu_relax(void) {
#if defined(__x86_64__) || defined(__i386__)
  __builtin_ia32_pause();
#endif
}

static void deque_push(PycRuntime *rt, Worker *w, Job *j) {
  pthread_mutex_lock(&w->mu);
  if (w->tail - w->head == w->cap) {
    Job **ring = rt_alloc_or_die(rt, sizeof(Job *) * (size_t)w->cap * 2);
    for (int64_t i = w->head; i < w->tail; i++) ring[i - w->head] = w->ring[i & (w->cap - 1)];
    rt_free(rt, w->ring, sizeof(Job *) * (size_t)w->cap);
    w->tail -= w->head;
    w->head = 0;
    w->ring = ring;
    w->cap *= 2;
  }
  w->ring[w->tail & (w->cap - 1)] = j;
  w->tail++;
  pthread_mutex_unlock(&w->mu);
}

// Newest job of w's own deque, or NULL.
static Job *deque_pop(Worker *w) {
  Job *j = NULL;
  pthread_mutex_lock(&w->mu);
  if (w->tail > w->head) j = w->ring[--w->tail & (w->cap - 1)];
  pthread_mutex_unlock(&w->mu);
  return j;
}

// Oldest job of victim v's deque, or NULL.
static Job *deque_steal(Worker *v) {
  Job *j = NULL;
  pthread_mutex_lock(&v->mu);
  if (v->tail > v->head) j = v->ring[v->head++ & (v->cap - 1)];
  pthread_mutex_unlock(&v->mu);
  return j;
}

void pool_push(PycRuntime *rt, Job *j) {
  Worker *w = tl_worker;
  if (!w) w = &rt->workers[atomic_fetch_add_explicit(&rt->next_push, 1, memory_order_relaxed) %
                           (uint32_t)rt->nthreads];
  deque_push(rt, w, j);
  atomic_fetch_add(&rt->nqueued, 1);  // seq_cst: pairs with nsleeping in worker_idle
  if (atomic_load(&rt->nsleeping) > 0) {
    pthread_mutex_lock(&rt->sleep_mu);
    pthread_cond_signal(&rt->sleep_cv);
    pthread_mutex_unlock(&rt->sleep_mu);
  }
}

static Job *take(PycRuntime *rt, Worker *w) {
  if (atomic_load_explicit(&rt->nqueued, memory_order_relaxed) <= 0) return NULL;
  Job *j = deque_pop(w);
  for (int32_t k = 1; !j && k < rt->nthreads; k++)
    j = deque_steal(&rt->workers[(w->id + k) % rt->nthreads]);
  if (j) atomic_fetch_sub_explicit(&rt->nqueued, 1, memory_order_relaxed);
  return j;
}

static void run_job(Job *j) {
  if (j->kind == JOB_TASK)
    task_run((PycTask *)j);
  else
    loop_chunk_run(j);
}

static void worker_idle(PycRuntime *rt) {
  for (int i = 0; i < SPIN_ROUNDS; i++) {
    if (atomic_load_explicit(&rt->nqueued, memory_order_relaxed) > 0 || atomic_load(&rt->stop))
      return;
    if (i < SPIN_ROUNDS / 2)
      cpu_relax();
    else
      sched_yield();
  }
  pthread_mutex_lock(&rt->sleep_mu);
  atomic_fetch_add(&rt->nsleeping, 1);
  while (atomic_load(&rt->nqueued) <= 0 && !atomic_load(&rt->stop))
    pthread_cond_wait(&rt->sleep_cv, &rt->sleep_mu);
  atomic_fetch_sub(&rt->nsleeping, 1);
  pthread_mutex_unlock(&rt->sleep_mu);
}

static void *worker_main(void *arg) {
  Worker *w = arg;
  PycRuntime *rt = w->rt;
  tl_worker = w;
  for (;;) {
    Job *j = take(rt, w);
    if (j) {
      run_job(j);
      continue;
    }
    if (atomic_load(&rt->stop)) break;
    worker_idle(rt);
  }
  tl_worker = NULL;
  return NULL;
}

int pool_start(PycRuntime *rt, int32_t n) {
  rt->workers = rt_alloc_or_die(rt, sizeof(Worker) * (size_t)n);
  memset(rt->workers, 0, sizeof(Worker) * (size_t)n);
  rt->nthreads = n;
  atomic_store(&rt->stop, 0);
  for (int32_t i = 0; i < n; i++) {
    Worker *w = &rt->workers[i];
    w->rt = rt;
    w->id = i;
    pthread_mutex_init(&w->mu, NULL);
    w->cap = DEQUE_INIT_CAP;
    w->ring = rt_alloc_or_die(rt, sizeof(Job *) * DEQUE_INIT_CAP);
  }
  for (int32_t i = 0; i < n; i++) {
    if (pthread_create(&rt->workers[i].thread, NULL, worker_main, &rt->workers[i]) != 0) {
      rt->nthreads = i;  // join what started
      pool_stop(rt);
      return 0;
    }
  }
  return 1;
}

void pool_stop(PycRuntime *rt) {
  atomic_store(&rt->stop, 1);
  pthread_mutex_lock(&rt->sleep_mu);
  pthread_cond_broadcast(&rt->sleep_cv);
  pthread_mutex_unlock(&rt->sleep_mu);
  for (int32_t i = 0; i < rt->nthreads; i++) pthread_join(rt->workers[i].thread, NULL);
  trace_write(rt);  // before the workers' event buffers go away
  for (int32_t i = 0; i < rt->nthreads; i++) {
    Worker *w = &rt->workers[i];
    rt_free(rt, w->ring, sizeof(Job *) * (size_t)w->cap);
    rt_free(rt, w->ev, sizeof(TraceEv) * (size_t)w->capev);
    pthread_mutex_destroy(&w->mu);
  }
  rt_free(rt, rt->workers, sizeof(Worker) * (size_t)rt->nthreads);
  rt->workers = NULL;
  rt->nthreads = 0;
}

void pool_notify(PycRuntime *rt) {
  if (atomic_load(&rt->nwaiters) > 0) {
    pthread_mutex_lock(&rt->wait_mu);
    pthread_cond_broadcast(&rt->wait_cv);
    pthread_mutex_unlock(&rt->wait_mu);
  }
}

void pool_wait(PycRuntime *rt, int (*done)(void *), void *arg) {
  Worker *w = tl_worker;
  if (w && w->rt == rt) {
    // A worker keeps working: it runs other ready jobs until done. With none
    // to run it naps on wait_cv for at most 1 ms (it is not told of pushes).
    while (!done(arg)) {
      Job *j = take(rt, w);
      if (j) {
        run_job(j);
        continue;
      }
      pthread_mutex_lock(&rt->wait_mu);
      atomic_fetch_add(&rt->nwaiters, 1);
      if (!done(arg) && atomic_load(&rt->nqueued) <= 0) {
        struct timespec ts;
        clock_gettime(CLOCK_REALTIME, &ts);
        ts.tv_nsec += 1000000;
        if (ts.tv_nsec >= 1000000000) {
          ts.tv_sec++;
          ts.tv_nsec -= 1000000000;
        }
        pthread_cond_timedwait(&rt->wait_cv, &rt->wait_mu, &ts);
      }
      atomic_fetch_sub(&rt->nwaiters, 1);
      pthread_mutex_unlock(&rt->wait_mu);
    }
    return;
  }
  if (done(arg)) return;
  pthread_mutex_lock(&rt->wait_mu);
  atomic_fetch_add(&rt->nwaiters, 1);  // seq_cst: pairs with the completer's store
  while (!done(arg)) pthread_cond_wait(&rt->wait_cv, &rt->wait_mu);
  atomic_fetch_sub(&rt->nwaiters, 1);
  pthread_mutex_unlock(&rt->wait_mu);
}
