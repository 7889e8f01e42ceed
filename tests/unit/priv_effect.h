// priv_effect.h - what a task of the random task-graph tests does to one
// element under its privilege (test_runtime_tasks.c, test_runtime_deps.c):
// a read mixes the element into the task's running hash, a read-write mixes
// and then rewrites it, a write-discard overwrites it from the hash and the
// point, a reduction adds (sum) or maxes in a value made from the task id.
// Both tests compare the runtime's parallel schedule with a sequential run of
// the same effects, so they must agree on them. Returns the new hash.
#ifndef PYC_TESTS_PRIV_EFFECT_H
#define PYC_TESTS_PRIV_EFFECT_H

#include "pyc/tasks.h"

#include <stdint.h>

static inline uint64_t priv_effect(int32_t priv, int32_t redop, int64_t task_id, int64_t *e,
                                   uint64_t h, uint64_t pt) {
  switch (priv) {
  case PYC_PRIV_READ: h = h * 31 + (uint64_t)*e; break;
  case PYC_PRIV_READ_WRITE:
    h = h * 31 + (uint64_t)*e;
    *e = (int64_t)((uint64_t)*e * 3 + (h >> 7) % 1000 + pt);
    break;
  case PYC_PRIV_WRITE_DISCARD: *e = (int64_t)((h >> 5) % 10007 + pt); break;
  case PYC_PRIV_REDUCE: {
    int64_t v = (int64_t)(((uint64_t)task_id * 7 + pt) % 101);
    if (redop == PYC_REDOP_SUM)
      *e += v;
    else if (v > *e)
      *e = v;
    break;
  }
  default: break;
  }
  return h;
}

#endif
