// callgraph.c - IR_FN_MAYRAISE (ir_compute_mayraise): a function may raise
// when it has a raising op other than CALL, or calls a function that may
// raise, transitively. The functions that raise by themselves are propagated
// to their callers over the reversed call graph (a worklist), in
// O(functions + call sites); the fixed point it replaces swept the whole
// module once per link of the longest call chain, with a linear callee
// lookup per call (quadratic and worse in the number of functions).
#include "ir.h"

#include <stdio.h>
#include <stdlib.h>

typedef struct Edges {
  uint32_t *callee, *caller;  // heap, one entry per call site
  uint32_t len, cap;
} Edges;

static void *xrealloc(void *p, size_t n) {
  void *q = realloc(p, n ? n : 1);
  if (!q) {
    fputs("pyc: out of memory\n", stderr);
    abort();
  }
  return q;
}

static void edge_push(Edges *e, uint32_t callee, uint32_t caller) {
  if (e->len == e->cap) {
    e->cap = e->cap ? e->cap * 2 : 64;
    e->callee = xrealloc(e->callee, sizeof(uint32_t) * e->cap);
    e->caller = xrealloc(e->caller, sizeof(uint32_t) * e->cap);
  }
  e->callee[e->len] = callee;
  e->caller[e->len++] = caller;
}

// Whether blk raises by itself (ops other than CALL); its calls go to e.
static bool scan(const IrModule *m, const IrBlock *blk, uint32_t caller, Edges *e) {
  bool raises = false;
  for (uint32_t i = 0; i < blk->insts.len; i++) {
    const IrInst *in = blk->insts.data[i];
    if ((unsigned)in->op >= IR_OP_COUNT) continue;
    if (in->op == IR_OP_CALL) {
      const IrFunc *g = in->sym ? ir_module_find(m, in->sym) : NULL;
      if (g) edge_push(e, g->index, caller);
    } else if (ir_op_info[in->op].flags & IR_F_RAISE) {
      raises = true;
    }
    for (int k = 0; k < 2; k++)
      if (in->body[k]) raises |= scan(m, in->body[k], caller, e);
  }
  return raises;
}

void ir_compute_mayraise(IrModule *m) {
  uint32_t n = m->funcs.len;
  Edges e = {0};
  uint32_t *work = xrealloc(NULL, sizeof(uint32_t) * (n + 1));
  uint32_t nwork = 0;
  for (uint32_t i = 0; i < n; i++) {
    IrFunc *fn = m->funcs.data[i];
    PYC_ASSERT(fn->index == i);  // ir_func_new keeps it
    fn->flags &= ~(unsigned)IR_FN_MAYRAISE;
    if (scan(m, fn->body, i, &e)) {
      fn->flags |= IR_FN_MAYRAISE;
      work[nwork++] = i;
    }
  }
  // Callers by callee, compressed: the callers of f are caller[first[f]..first[f+1]).
  uint32_t *first = calloc((size_t)n + 2, sizeof(uint32_t));
  uint32_t *callers = xrealloc(NULL, sizeof(uint32_t) * (e.len + 1));
  if (!first) abort();
  for (uint32_t k = 0; k < e.len; k++) first[e.callee[k] + 2]++;
  for (uint32_t f = 2; f < n + 2; f++) first[f] += first[f - 1];
  for (uint32_t k = 0; k < e.len; k++) callers[first[e.callee[k] + 1]++] = e.caller[k];
  while (nwork) {
    uint32_t f = work[--nwork];
    for (uint32_t k = first[f]; k < first[f + 1]; k++) {
      IrFunc *c = m->funcs.data[callers[k]];
      if (c->flags & IR_FN_MAYRAISE) continue;
      c->flags |= IR_FN_MAYRAISE;
      work[nwork++] = callers[k];  // each function enters the worklist once: n slots
    }
  }
  free(first);
  free(callers);
  free(work);
  free(e.callee);
  free(e.caller);
}
