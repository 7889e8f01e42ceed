// Dependence tracking. Every requirement of an unfinished tracked task is a
// node (its ReqState) in an index on its root region: one interval treap
// per privilege class (READ; RW/WD; REDUCE per operator and element type),
// keyed on the rectangle's extent along one axis (chosen per tree when it
// gets its first node: the axis the rectangle covers the smallest part of)
// and augmented with the subtree's largest upper bound on that axis. A new
// launch gets an edge from every unfinished user it interferes with: they
// share a point, fields overlap, neither side is NONE, and not (both READ)
// and not (both REDUCE with the same op and type). Sharing a point is
// decided on the rectangles; a sparse region (Partition.by_field /
// preimage / image: sorted keys in ReqState.points) is indexed by its
// bounding box, and only for the candidates whose boxes meet are the
// points compared: distinct pieces of one disjoint partition share none
// (O(depth^2) up the region tree, as in Legion), else the keys are merged
// (galloping, O(a + b) at worst; each region remembers the last 8 sparse
// regions found apart from it, so repeated launches merge a pair once) or,
// against a rectangle, searched (1-d:
// one binary search; n-d: a walk that gallops to the rectangle's next row).
// Rectangles pay nothing more. The classes that
// cannot interfere with a requirement are not searched at all (readers skip
// the readers, a reduction skips its own operator's); in the others, the
// search visits only the nodes whose interval meets the new rectangle's
// (O(log n + k) expected for n live users and k overlapping ones), so the
// points of an index launch over a disjoint partition of rectangles never
// look at each other beyond a root-to-leaf path (interleaved sparse pieces,
// whose boxes overlap, do: O(depth^2) each). A search that visits many nodes which
// meet the new rectangle on the key axis but not on another one re-keys the
// tree on the axis the new rectangle would pick (a whole-region user chose
// axis 0, then column slabs arrive). A task's nodes leave the index when it
// completes (deps_complete), and a new RW/WD user removes the users it
// covers (a field superset and every point of the user: a rectangle covers
// a user whose box it contains, a sparse writer a sparse user whose keys
// are among its own, never a rectangle), because anything later
// that would interfere with them interferes with the new one, which comes
// after them (this keeps a chain of writers at one node).
// Nested launches follow Legion's contexts: a task launched inside task P
// waits only for users launched inside P (and their descendants), never for
// its ancestors, and removes only its siblings. P finishes only when all its
// children have (launch.c), so a later launch that interferes with P also
// waits for P's children. This relies on a child's data and privileges being
// within its parent's, which the compiler checks. An independent launch
// (PYC_LAUNCH_INDEPENDENT: the caller proved it interferes with nothing
// unfinished in its context) skips the search and is only registered;
// with PYC_TASK_CHECK_INDEPENDENT=1 it is searched anyway and a conflict
// with an unfinished launch aborts with a message (a compiler bug). All of
// it runs under rt->deps_mu.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "task_internal.h"

enum { CLS_READ = 0, CLS_WRITE = 1, CLS_REDUCE = 2 };

struct DepTree {
  DepTree *next;        // owned: the root's next tree
  int32_t cls;          // CLS_*
  int32_t redop, type;  // CLS_REDUCE: the operator and element type
  int32_t axis;         // key axis, chosen when the tree is empty (or re-keyed)
  ReqState *top;        // treap root
  int64_t count;        // nodes
};

// ---- exact overlap of sparse requirements -----------------------------------
// A sparse requirement is its sorted keys (region_point_key: the row-major
// index in the root's rectangle, the coordinate in 1-d). These run only for
// pairs whose rectangles (bounding boxes) already meet.

// The first index >= from of sorted v[0..n) whose key is >= key (n if none):
// galloping from `from`, then a binary search (O(log of the distance)).
static int64_t gallop(const int64_t *v, int64_t n, int64_t from, int64_t key) {
  if (from >= n || v[from] >= key) return from;
  int64_t lo = from, hi = from + 1, step = 1;  // v[lo] < key
  while (hi < n && v[hi] < key) {
    lo = hi;
    step *= 2;
    hi = from + step;
  }
  if (hi > n) hi = n;
  while (hi - lo > 1) {  // v[lo] < key; hi == n or v[hi] >= key
    int64_t m = lo + (hi - lo) / 2;
    if (v[m] < key)
      lo = m;
    else
      hi = m;
  }
  return hi;
}

// Whether two sorted key sets share a key: a galloping merge (O(a + b) at
// worst, O(a log(b / a)) when a is much smaller, early out at the first).
static int keys_meet(const int64_t *a, int64_t na, const int64_t *b, int64_t nb) {
  int64_t i = 0, j = 0;
  while (i < na && j < nb) {
    if (a[i] == b[j]) return 1;
    if (a[i] < b[j])
      i = gallop(a, na, i, b[j]);
    else
      j = gallop(b, nb, j, a[i]);
  }
  return 0;
}

// Whether every key of a is a key of b.
static int keys_within(const int64_t *a, int64_t na, const int64_t *b, int64_t nb) {
  if (a == b) return na <= nb;  // the same region's points
  if (na > nb) return 0;
  int64_t j = 0;
  for (int64_t i = 0; i < na; i++) {
    j = gallop(b, nb, j, a[i]);
    if (j == nb || b[j] != a[i]) return 0;
  }
  return 1;
}

// The first point y of rectangle r at or after x (a point of the root) in
// row-major order; 0 if none.
static int next_in_rect(int32_t ndim, const Rect *r, const int64_t *x, int64_t *y) {
  int32_t d = 0;
  while (d < ndim && x[d] >= r->lo[d] && x[d] <= r->hi[d]) d++;
  for (int32_t a = 0; a < ndim; a++) y[a] = x[a];
  if (d == ndim) return 1;
  if (x[d] > r->hi[d]) {  // past r on axis d: carry into the prefix (inside r)
    do d--;
    while (d >= 0 && x[d] == r->hi[d]);
    if (d < 0) return 0;
    y[d]++;
  } else {
    y[d] = r->lo[d];
  }
  for (int32_t a = d + 1; a < ndim; a++) y[a] = r->lo[a];
  return 1;
}

// Whether a key of sorted v[0..n) (keys of root) lies in rectangle r: in
// 1-d one binary search; in n-d the keys from r's first point's on, each
// miss galloping to the next point of r (one step per row of r crossed).
static int keys_meet_rect(const PycRegion *root, const int64_t *v, int64_t n, const Rect *r) {
  if (root->ndim == 1) {
    int64_t k = gallop(v, n, 0, r->lo[0]);
    return k < n && v[k] <= r->hi[0];
  }
  int64_t last = region_point_key(root, r->hi);
  int64_t k = gallop(v, n, 0, region_point_key(root, r->lo));
  while (k < n && v[k] <= last) {
    int64_t x[PYC_MAX_DIM], y[PYC_MAX_DIM];
    region_key_point(root, v[k], x);
    if (!next_in_rect(root->ndim, r, x, y)) return 0;
    int64_t key = region_point_key(root, y);
    if (key == v[k]) return 1;
    k = gallop(v, n, k, key);
  }
  return 0;
}

// Whether a and b lie below distinct pieces of one disjoint partition (as
// in Legion's region tree): then they share no point. O(depth^2).
static int disjoint_pieces(const PycRegion *a, const PycRegion *b) {
  for (; a; a = a->parent) {
    if (!a->disjoint_in) continue;
    for (const PycRegion *y = b; y; y = y->parent)
      if (y->disjoint_in == a->disjoint_in) return y != a;
  }
  return 0;
}

enum { APART = sizeof(((PycRegion *)0)->apart) / sizeof(uint64_t) };

static uint64_t dep_serial(PycRuntime *rt, PycRegion *r) {
  if (!r->dep_serial) r->dep_serial = ++rt->region_serial;
  return r->dep_serial;
}

// Whether a's cache says b's points are apart from its own.
static int known_apart(const PycRegion *a, uint64_t b) {
  for (int i = 0; i < APART; i++)
    if (a->apart[i] == b) return 1;
  return 0;
}

static void remember_apart(PycRegion *a, uint64_t b) { a->apart[a->apart_next++ % APART] = b; }

// Whether two sparse regions share a point: a merge of their keys, whose
// negative answers the regions remember (points never change), so
// launches repeated over the same pieces merge each pair once.
static int sparse_meet(PycRuntime *rt, const ReqState *u, const ReqState *q) {
  if (u->points == q->points) return u->npoints > 0;  // one region
  uint64_t su = dep_serial(rt, u->region), sq = dep_serial(rt, q->region);
  if (known_apart(u->region, sq) || known_apart(q->region, su)) return 0;
  if (keys_meet(u->points, u->npoints, q->points, q->npoints)) return 1;
  remember_apart(u->region, sq);
  remember_apart(q->region, su);
  return 0;
}

// u and q (on the same root, rectangles meeting) share a point: the
// partitions first, then the keys.
static int points_meet(PycRuntime *rt, const ReqState *u, const ReqState *q) {
  if (!u->points && !q->points) return 1;
  if (disjoint_pieces(u->region, q->region)) return 0;
  if (u->points && q->points) return sparse_meet(rt, u, q);
  const ReqState *sp = u->points ? u : q, *re = u->points ? q : u;
  return keys_meet_rect(sp->region->root, sp->points, sp->npoints, &re->rect);
}

// Every point of u is a point of q. A sparse q covers no rectangle
// (conservative: u then stays indexed, which only costs edges).
static int covers(const ReqState *q, const ReqState *u, int32_t ndim) {
  if (!rect_contains(ndim, &q->rect, &u->rect)) return 0;  // u's box is tight
  if (!q->points) return 1;
  return u->points && keys_within(u->points, u->npoints, q->points, q->npoints);
}

static int interferes(PycRuntime *rt, const ReqState *u, const ReqState *q, int32_t ndim) {
  if (!(u->mask & q->mask)) return 0;
  if (u->privilege == PYC_PRIV_READ && q->privilege == PYC_PRIV_READ) return 0;
  if (u->privilege == PYC_PRIV_REDUCE && q->privilege == PYC_PRIV_REDUCE && u->redop == q->redop &&
      u->type == q->type)
    return 0;
  return rect_overlap(ndim, &u->rect, &q->rect) && points_meet(rt, u, q);
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

// ---- the interval treap ------------------------------------------------------
// Ordered by (rect.lo[axis], address); prio is a max-heap.

static int before(const ReqState *a, const ReqState *b, int32_t ax) {
  return a->rect.lo[ax] < b->rect.lo[ax] ||
         (a->rect.lo[ax] == b->rect.lo[ax] && (uintptr_t)a < (uintptr_t)b);
}

static void update(ReqState *n, int32_t ax) {
  int64_t m = n->rect.hi[ax];
  if (n->left && n->left->maxhi > m) m = n->left->maxhi;
  if (n->right && n->right->maxhi > m) m = n->right->maxhi;
  n->maxhi = m;
}

// Splits t into the nodes before k (*l) and the others (*r).
static void split(ReqState *t, const ReqState *k, int32_t ax, ReqState **l, ReqState **r) {
  if (!t) {
    *l = *r = NULL;
    return;
  }
  if (before(t, k, ax)) {
    split(t->right, k, ax, &t->right, r);
    *l = t;
  } else {
    split(t->left, k, ax, l, &t->left);
    *r = t;
  }
  update(t, ax);
}

// Every node of a comes before every node of b.
static ReqState *merge(ReqState *a, ReqState *b, int32_t ax) {
  if (!a) return b;
  if (!b) return a;
  if (a->prio > b->prio) {
    a->right = merge(a->right, b, ax);
    update(a, ax);
    return a;
  }
  b->left = merge(a, b->left, ax);
  update(b, ax);
  return b;
}

static ReqState *insert(ReqState *t, ReqState *n, int32_t ax) {
  if (!t || n->prio > t->prio) {
    split(t, n, ax, &n->left, &n->right);
    update(n, ax);
    return n;
  }
  if (before(n, t, ax))
    t->left = insert(t->left, n, ax);
  else
    t->right = insert(t->right, n, ax);
  update(t, ax);
  return t;
}

static ReqState *erase(ReqState *t, ReqState *n, int32_t ax) {
  if (!t) return NULL;
  if (t == n) return merge(t->left, t->right, ax);
  if (before(n, t, ax))
    t->left = erase(t->left, n, ax);
  else
    t->right = erase(t->right, n, ax);
  update(t, ax);
  return t;
}

// Threads the nodes of t onto *list (through drop).
static void flatten(ReqState *t, ReqState **list) {
  while (t) {
    flatten(t->left, list);
    ReqState *r = t->right;
    t->left = t->right = NULL;
    t->drop = *list;
    *list = t;
    t = r;
  }
}

// Rebuilds tr keyed on another axis (O(n log n); only after a search that
// wasted more than that).
static void rekey(DepTree *tr, int32_t axis) {
  ReqState *list = NULL;
  flatten(tr->top, &list);
  tr->top = NULL;
  tr->axis = axis;
  while (list) {
    ReqState *n = list;
    list = n->drop;
    n->drop = NULL;
    tr->top = insert(tr->top, n, axis);
  }
}

static void tree_remove(ReqState *n) {
  DepTree *tr = n->tree;
  tr->top = erase(tr->top, n, tr->axis);
  tr->count--;
  n->tree = NULL;
  n->left = n->right = NULL;
}

// ---- search ------------------------------------------------------------------

typedef struct Search {
  PycRuntime *rt;
  PycTask *t;
  const ReqState *q;
  int32_t ndim, ax;
  int writer;      // q is RW/WD: collect the users it covers
  int check;       // t is independent: a conflict is a broken promise
  ReqState *drop;  // covered users, removed after the search
  int64_t wasted;  // nodes visited whose rectangles do not meet q's
} Search;

static void visit(Search *s, ReqState *u) {
  if (!rect_overlap(s->ndim, &u->rect, &s->q->rect)) {
    s->wasted++;
    return;
  }
  if (u->task == s->t || !interferes(s->rt, u, s->q, s->ndim) || !in_context(u->task, s->t)) return;
  if (s->check) {
    fprintf(stderr,
            "pyc-task runtime: launch of '%s' is marked independent (PYC_LAUNCH_INDEPENDENT) "
            "but interferes with the unfinished launch of '%s'\n",
            s->t->name, u->task->name);
    abort();
  }
  add_edge(s->rt, u->task, s->t);
  if (s->writer && u->task->parent == s->t->parent && (u->mask & ~s->q->mask) == 0 &&
      covers(s->q, u, s->ndim)) {
    u->drop = s->drop;
    s->drop = u;
  }
}

// Visits the nodes of n's subtree whose interval on the axis meets q's.
static void search(Search *s, ReqState *n) {
  int64_t lo = s->q->rect.lo[s->ax], hi = s->q->rect.hi[s->ax];
  while (n && n->maxhi >= lo) {
    if (n->left) search(s, n->left);
    if (n->rect.lo[s->ax] > hi) return;
    if (n->rect.hi[s->ax] >= lo) visit(s, n);
    n = n->right;
  }
}

static int rect_empty(int32_t ndim, const Rect *r) {
  for (int32_t d = 0; d < ndim; d++)
    if (r->lo[d] > r->hi[d]) return 1;
  return 0;
}

// Readers need not look at readers, a reduction not at its own operator's.
static int class_skips(const DepTree *tr, const ReqState *q) {
  if (tr->cls == CLS_READ) return q->privilege == PYC_PRIV_READ;
  if (tr->cls == CLS_REDUCE)
    return q->privilege == PYC_PRIV_REDUCE && q->redop == tr->redop && q->type == tr->type;
  return 0;
}

static DepTree *tree_of(PycRuntime *rt, PycRegion *root, const ReqState *q) {
  int32_t cls = q->privilege == PYC_PRIV_READ     ? CLS_READ
                : q->privilege == PYC_PRIV_REDUCE ? CLS_REDUCE
                                                  : CLS_WRITE;
  int32_t redop = cls == CLS_REDUCE ? q->redop : 0, type = cls == CLS_REDUCE ? q->type : 0;
  for (DepTree *tr = root->dep_trees; tr; tr = tr->next)
    if (tr->cls == cls && tr->redop == redop && tr->type == type) return tr;
  DepTree *tr = rt_alloc_or_die(rt, sizeof *tr);
  memset(tr, 0, sizeof *tr);
  tr->cls = cls;
  tr->redop = redop;
  tr->type = type;
  tr->next = root->dep_trees;
  root->dep_trees = tr;
  return tr;
}

// The axis r covers the smallest part of (of root's extent).
static int32_t pick_axis(const PycRegion *root, const Rect *r) {
  int32_t best = 0;
  double bestf = 2.0;
  for (int32_t d = 0; d < root->ndim; d++) {
    double f = (double)(r->hi[d] - r->lo[d] + 1) / (double)(root->hi[d] - root->lo[d] + 1);
    if (f < bestf) {
      bestf = f;
      best = d;
    }
  }
  return best;
}

static uint64_t mix64(uint64_t x) {  // splitmix64's finalizer
  x += 0x9E3779B97F4A7C15ull;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
  return x ^ (x >> 31);
}

int32_t deps_register(PycRuntime *rt, PycTask *t, int independent) {
  t->npending = 0;
  t->serial = ++rt->launch_serial;  // never 0, so a fresh mark never matches
  // 1. edges from unfinished interfering users (removing those a writer
  // covers); an independent launch has none (checked on request)
  int check = independent && rt->check_independent;
  for (int32_t i = 0; i < t->nreqs && (!independent || check); i++) {
    ReqState *q = &t->reqs[i];
    PycRegion *root = q->region->root;
    if (q->privilege == PYC_PRIV_NONE || rect_empty(root->ndim, &q->rect)) continue;
    Search s = {.rt = rt, .t = t, .q = q, .ndim = root->ndim, .check = check};
    s.writer = q->privilege == PYC_PRIV_READ_WRITE || q->privilege == PYC_PRIV_WRITE_DISCARD;
    for (DepTree *tr = root->dep_trees; tr; tr = tr->next) {
      if (!tr->top || class_skips(tr, q)) continue;
      s.ax = tr->axis;
      s.wasted = 0;
      search(&s, tr->top);
      while (s.drop) {  // the covered users (of this tree)
        ReqState *u = s.drop;
        s.drop = u->drop;
        u->drop = NULL;
        tree_remove(u);
      }
      // re-keying costs O(n log n): only after wasting over n/2 visits
      if (s.wasted > 64 && 2 * s.wasted > tr->count) {
        int32_t ax = pick_axis(root, &q->rect);
        if (ax != tr->axis) rekey(tr, ax);
      }
    }
  }
  // 2. index t's requirements
  for (int32_t i = 0; i < t->nreqs; i++) {
    ReqState *q = &t->reqs[i];
    PycRegion *root = q->region->root;
    if (q->privilege == PYC_PRIV_NONE || rect_empty(root->ndim, &q->rect)) continue;
    DepTree *tr = tree_of(rt, root, q);
    if (!tr->top) tr->axis = pick_axis(root, &q->rect);
    q->task = t;
    q->left = q->right = q->drop = NULL;
    q->prio = mix64(t->serial * 64 + (uint64_t)i);
    q->tree = tr;
    tr->top = insert(tr->top, q, tr->axis);
    tr->count++;
  }
  return t->npending;
}

void deps_complete(PycRuntime *rt, PycTask *t, PycTask ***ready, int32_t *n) {
  (void)rt;
  atomic_store(&t->state, TASK_DONE);
  for (int32_t i = 0; i < t->nreqs; i++)
    if (t->reqs[i].tree) tree_remove(&t->reqs[i]);
  int32_t k = 0;
  for (int32_t i = 0; i < t->nsucc; i++)
    if (--t->succ[i]->npending == 0) t->succ[k++] = t->succ[i];
  t->nsucc = k;
  *ready = t->succ;
  *n = k;
}

void deps_region_free(PycRuntime *rt, PycRegion *root) {
  pthread_mutex_lock(&rt->deps_mu);
  DepTree *tr = root->dep_trees;
  root->dep_trees = NULL;
  pthread_mutex_unlock(&rt->deps_mu);
  // A region being freed has no unfinished user (an unfinished task holds a
  // reference), so its trees are empty.
  while (tr) {
    DepTree *next = tr->next;
    rt_free(rt, tr, sizeof *tr);
    tr = next;
  }
}
