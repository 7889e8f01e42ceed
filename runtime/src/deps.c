// Dependence tracking. Each root region keeps a list of users: (task,
// rectangle, field mask, privilege, reduction op/type) of launches that may
// still be unfinished. A new launch gets an edge from every unfinished user
// it interferes with: rectangles overlap, fields overlap, neither side is
// NONE, and not (both READ) and not (both REDUCE with the same op and type).
// Launch order thereby becomes the order of interfering tasks; everything
// else may run in parallel. The list stays short: finished users are dropped
// as they are met, and a new RW/WD user drops the users it covers (same or
// larger rectangle and field set), because anything later that would
// interfere with them interferes with the new one, which comes after them.
// Nested launches follow Legion's contexts: a task launched inside task P
// waits only for users launched inside P (and their descendants), never for
// its ancestors, and drops only its siblings. P finishes only when all its
// children have (launch.c), so a later launch that interferes with P also
// waits for P's children. This relies on a child's data and privileges being
// within its parent's, which the compiler checks. All of it runs under
// rt->deps_mu.
#include <string.h>

#include "task_internal.h"

struct DepUser {
  DepUser *next;  // owned
  PycTask *task;  // retained
  Rect rect;
  uint64_t mask;
  int32_t privilege, redop, type;
};

static int interferes(const DepUser *u, const ReqState *q, int32_t ndim) {
  if (!(u->mask & q->mask)) return 0;
  if (u->privilege == PYC_PRIV_READ && q->privilege == PYC_PRIV_READ) return 0;
  if (u->privilege == PYC_PRIV_REDUCE && q->privilege == PYC_PRIV_REDUCE && u->redop == q->redop &&
      u->type == q->type)
    return 0;
  return rect_overlap(ndim, &u->rect, &q->rect);
}

static int is_ancestor(const PycTask *a, const PycTask *t) {
  for (const PycTask *p = t->parent; p; p = p->parent)
    if (p == a) return 1;
  return 0;
}

// u belongs to t's context (Legion's: the launches made by t's parent, and
// their descendants) and is not one of t's ancestors.
static int in_context(const PycTask *u, const PycTask *t) {
  if (is_ancestor(u, t)) return 0;
  if (!t->parent) return 1;
  return is_ancestor(t->parent, u);
}

static void add_edge(PycRuntime *rt, PycTask *from, PycTask *to) {
  if (from->mark == to->serial) return;  // already an edge from this launch
  from->mark = to->serial;
  if (from->nsucc == from->capsucc) {
    int32_t cap = from->capsucc ? from->capsucc * 2 : 4;
    PycTask **s = rt_alloc_or_die(rt, sizeof(PycTask *) * (size_t)cap);
    if (from->nsucc) memcpy(s, from->succ, sizeof(PycTask *) * (size_t)from->nsucc);
    rt_free(rt, from->succ, sizeof(PycTask *) * (size_t)from->capsucc);
    from->succ = s;
    from->capsucc = cap;
  }
  from->succ[from->nsucc++] = to;
  to->npending++;
}

static void user_free(PycRuntime *rt, DepUser *u) {
  task_release(u->task);
  rt_free(rt, u, sizeof *u);
}

int32_t deps_register(PycRuntime *rt, PycTask *t) {
  t->npending = 0;
  t->serial = ++rt->launch_serial;  // never 0, so a fresh mark never matches
  // 1. edges from unfinished interfering users
  for (int32_t i = 0; i < t->nreqs; i++) {
    ReqState *q = &t->reqs[i];
    if (q->privilege == PYC_PRIV_NONE) continue;
    PycRegion *root = q->region->root;
    for (DepUser **pu = &root->users; *pu;) {
      DepUser *u = *pu;
      if (u->task != t && atomic_load_explicit(&u->task->state, memory_order_relaxed) == TASK_DONE) {
        *pu = u->next;
        user_free(rt, u);
        continue;
      }
      if (u->task != t && interferes(u, q, root->ndim) && in_context(u->task, t))
        add_edge(rt, u->task, t);
      pu = &u->next;
    }
  }
  // 2. register t's requirements, dropping the users a writer covers
  for (int32_t i = 0; i < t->nreqs; i++) {
    ReqState *q = &t->reqs[i];
    if (q->privilege == PYC_PRIV_NONE) continue;
    PycRegion *root = q->region->root;
    if (q->privilege == PYC_PRIV_READ_WRITE || q->privilege == PYC_PRIV_WRITE_DISCARD) {
      for (DepUser **pu = &root->users; *pu;) {
        DepUser *u = *pu;
        if (u->task != t && u->task->parent == t->parent && (u->mask & ~q->mask) == 0 &&
            rect_contains(root->ndim, &q->rect, &u->rect)) {
          *pu = u->next;
          user_free(rt, u);
          continue;
        }
        pu = &u->next;
      }
    }
    DepUser *u = rt_alloc_or_die(rt, sizeof *u);
    u->task = t;
    atomic_fetch_add_explicit(&t->refs, 1, memory_order_relaxed);
    u->rect = q->rect;
    u->mask = q->mask;
    u->privilege = q->privilege;
    u->redop = q->redop;
    u->type = q->type;
    u->next = root->users;
    root->users = u;
  }
  return t->npending;
}

void deps_complete(PycRuntime *rt, PycTask *t, PycTask ***ready, int32_t *n) {
  (void)rt;
  atomic_store(&t->state, TASK_DONE);
  int32_t k = 0;
  for (int32_t i = 0; i < t->nsucc; i++)
    if (--t->succ[i]->npending == 0) t->succ[k++] = t->succ[i];
  t->nsucc = k;
  *ready = t->succ;
  *n = k;
}

void deps_region_free(PycRuntime *rt, PycRegion *root) {
  pthread_mutex_lock(&rt->deps_mu);
  DepUser *u = root->users;
  root->users = NULL;
  pthread_mutex_unlock(&rt->deps_mu);
  // Users of a region that is being freed are finished tasks (an unfinished
  // one would hold a reference): releasing them frees no region.
  while (u) {
    DepUser *next = u->next;
    user_free(rt, u);
    u = next;
  }
}
