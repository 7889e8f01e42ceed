// parloop.h - private header of the prange analysis (parloop.c: loops,
// locals, reductions, the decision; parloop_race.c: array accesses and the
// cross-iteration race check). Not part of passes.h: only pass_parloop is
// public.
#ifndef PYC_PASSES_PARLOOP_H
#define PYC_PASSES_PARLOOP_H

#include "passes.h"

// What one prange body does to a local slot.
enum {
  PL_READ = 1 << 0,       // an LGET in the body
  PL_WRITE = 1 << 1,      // an LSET in the body
  PL_OUTSIDE = 1 << 2,    // an LGET anywhere outside the body
  PL_INNER_IV = 1 << 3,   // first LSET of an inner FOR's body, from its induction variable
  PL_REDUCTION = 1 << 4,  // a recognized reduction (see Par.redop)
  PL_RBW = 1 << 5,        // read before written on some path of one iteration
};

typedef struct Par {
  PassCtx *cx;
  IrFunc *fn;
  IrInst *loop;  // the FOR [parallel] being analysed
  IrValue iv;    // its induction variable
  int ivslot;    // local written by the body's first `lset $v, iv`, or -1
  uint32_t nvalues;
  IrInst **def;      // defining instruction of every value (whole function)
  IrBlock **defblk;  // the block holding it
  uint32_t *uses;    // uses of every value (whole function)
  bool *inbody;      // value defined inside the loop body
  uint32_t nlocals;
  unsigned *lflags;  // PL_* per local
  IrOp *redop;       // per local with PL_REDUCTION: ADD, MUL, CMP_LT (min), CMP_GT (max)
  IrInst **rbw_at;   // per local with PL_RBW: the first such read
  bool errors;       // a conflict was reported
} Par;

int pl_local_index(const IrFunc *fn, const char *name);
// The source text of an access (`a[i + 1]`) from its span, or a fallback.
const char *pl_access_text(Par *p, const IrInst *in);
// Array accesses of the body: conflicts (errors) and unprovable accesses
// (warnings) go to the diagnostics; sets p->errors on a conflict.
void pl_check_arrays(Par *p);

#endif
