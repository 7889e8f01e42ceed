// units.c - codegen units: a large module is emitted as several LLVM modules,
// each in its own LLVMContext with its own target machine, which LLVM then
// optimizes and turns into machine code on parallel threads (the idea of
// Rust's codegen units). Every function is defined in exactly one unit, the
// units balanced by TIR size (largest first, into the lightest unit). A small
// function is also copied, `available_externally`, into every other unit
// that calls it (transitively), so calls to it are still inlined there; a
// call to a large function of another unit is a plain external call, which
// costs nothing next to the callee's own work.
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "cg.h"

enum {
  UNIT_MIN_WEIGHT = 400,  // TIR instructions per unit below which splitting does not pay
  SMALL_FUNC = 40,        // TIR instructions: copied into the units that call it
  MAX_UNITS = 16,
};

// ---- the plan --------------------------------------------------------------------

static uint32_t block_weight(const IrBlock *b) {
  uint32_t w = 0;
  for (uint32_t i = 0; i < b->insts.len; i++) {
    const IrInst *in = b->insts.data[i];
    w++;
    for (int k = 0; k < 2; k++)
      if (in->body[k]) w += block_weight(in->body[k]);
  }
  return w;
}

// Marks as copies in unit u the small functions of other units that the
// functions defined in u call, transitively.
static void add_copies(const IrBlock *b, const uint32_t *weight, uint8_t *defines,
                       const IrModule *m) {
  for (uint32_t i = 0; i < b->insts.len; i++) {
    const IrInst *in = b->insts.data[i];
    if (in->op == IR_OP_CALL) {
      const IrFunc *g = in->sym ? ir_module_find(m, in->sym) : NULL;
      if (g && !defines[g->index] && weight[g->index] <= SMALL_FUNC) {
        defines[g->index] = CG_UNIT_COPY;
        add_copies(g->body, weight, defines, m);
      }
    }
    for (int k = 0; k < 2; k++)
      if (in->body[k]) add_copies(in->body[k], weight, defines, m);
  }
}

typedef struct ByWeight {
  uint32_t w, idx;
} ByWeight;

static int cmp_weight_desc(const void *a, const void *b) {
  const ByWeight *x = a, *y = b;
  if (x->w != y->w) return x->w < y->w ? 1 : -1;
  return x->idx < y->idx ? -1 : (x->idx > y->idx);
}

uint8_t *cg_plan_units(const IrModule *m, int requested, bool by_size,
                       uint32_t *nunits) {
  uint32_t n = m->funcs.len;
  *nunits = 1;
  uint32_t *weight = calloc(n + 1, sizeof *weight);
  uint64_t total = 0;
  for (uint32_t i = 0; i < n; i++) total += weight[i] = block_weight(m->funcs.data[i]->body);
  uint64_t units_by_size = total / UNIT_MIN_WEIGHT;
  uint32_t k = requested < 1 ? 1 : requested > MAX_UNITS ? MAX_UNITS : (uint32_t)requested;
  if (by_size && units_by_size < k) k = units_by_size < 1 ? 1 : (uint32_t)units_by_size;
  if (k > n) k = n ? n : 1;
  uint8_t *defines = calloc((size_t)k * n + 1, 1);
  if (k == 1) {
    memset(defines, CG_UNIT_OWN, n);
  } else {
    ByWeight *order = malloc(sizeof *order * (n + 1));
    for (uint32_t i = 0; i < n; i++) order[i] = (ByWeight){weight[i], i};
    qsort(order, n, sizeof *order, cmp_weight_desc);
    uint64_t load[MAX_UNITS] = {0};
    for (uint32_t j = 0; j < n; j++) {
      uint32_t best = 0;
      for (uint32_t u = 1; u < k; u++)
        if (load[u] < load[best]) best = u;
      load[best] += order[j].w;
      defines[(size_t)best * n + order[j].idx] = CG_UNIT_OWN;
    }
    free(order);
    for (uint32_t u = 0; u < k; u++) {
      uint8_t *d = defines + (size_t)u * n;
      for (uint32_t i = 0; i < n; i++)
        if (d[i] == CG_UNIT_OWN) add_copies(m->funcs.data[i]->body, weight, d, m);
    }
  }
  free(weight);
  *nunits = k;
  return defines;
}

// ---- running the units on threads ------------------------------------------------

typedef struct UnitJob {
  CgUnitFn fn;
  CgModule *unit;
  uint32_t index;
  void *arg;
  bool ok;
  char *err;
} UnitJob;

static void *run_job(void *p) {
  UnitJob *j = p;
  j->ok = j->fn(j->unit, j->index, j->arg, &j->err);
  return NULL;
}

bool cg_for_each_unit(CgModule *cm, CgUnitFn fn, void *arg, char **err) {
  uint32_t n = 0;
  for (CgModule *u = cm; u; u = u->next_unit) n++;
  UnitJob *jobs = calloc(n, sizeof *jobs);
  pthread_t *tids = calloc(n, sizeof *tids);
  bool *started = calloc(n, sizeof *started);
  uint32_t i = 0;
  for (CgModule *u = cm; u; u = u->next_unit, i++) jobs[i] = (UnitJob){fn, u, i, arg, false, NULL};
  // Units 1.. on their own threads; unit 0 here. A thread that cannot be
  // started runs here too, afterwards.
  for (i = 1; i < n; i++) started[i] = pthread_create(&tids[i], NULL, run_job, &jobs[i]) == 0;
  run_job(&jobs[0]);
  for (i = 1; i < n; i++) {
    if (started[i]) pthread_join(tids[i], NULL);
    else run_job(&jobs[i]);
  }
  bool ok = true;
  for (i = 0; i < n; i++) {
    if (!jobs[i].ok && ok) {
      ok = false;
      if (err) *err = jobs[i].err;
      else free(jobs[i].err);
    } else {
      free(jobs[i].err);
    }
  }
  free(jobs);
  free(tids);
  free(started);
  return ok;
}

int cg_llvm_unit_count(const CgModule *cm) {
  int n = 0;
  for (const CgModule *u = cm; u; u = u->next_unit) n++;
  return n;
}
