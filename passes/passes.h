// passes.h - passes on TIR. Every pass has the uniform signature
//   void pass_<name>(IrFunc *fn, PassCtx *cx)
// mutates the function in place and reports problems to cx->diags.
// pipeline.c is the only place that knows the order.
#ifndef PYC_PASSES_PASSES_H
#define PYC_PASSES_PASSES_H

#include "../ir/ir.h"

typedef struct PassCtx {
  IrModule *m;         // the module being transformed
  DiagSink *diags;     // not owned
  bool verify_each;    // run ir_verify after every pass (tests, debug)
} PassCtx;

typedef void (*PassFn)(IrFunc *fn, PassCtx *cx);

typedef struct PassInfo {
  const char *name;    // as given to --passes= / --stop-after=
  PassFn fn;
} PassInfo;

void pass_constfold(IrFunc *fn, PassCtx *cx);   // fold constant scalar ops, known IF conditions
void pass_dce(IrFunc *fn, PassCtx *cx);         // drop unused pure/read values and unreachable code
void pass_parloop(IrFunc *fn, PassCtx *cx);     // prange: reductions, race check, IR_FOR_OUTLINE
void pass_privilege(IrFunc *fn, PassCtx *cx);   // task bodies against their privileges (errors)
void pass_taskgraph(IrFunc *fn, PassCtx *cx);   // top-level task: launch dependences, IR_LAUNCH_INDEPENDENT
// The top-level task's graph as Graphviz DOT (--stage=taskgraph).
void pass_taskgraph_dot(IrModule *m, Str *out);

// The default pipeline: verify, constfold, dce, verify. Returns false on errors.
bool pass_run_default(PassCtx *cx);
// Run the named passes (comma separated) in order; false on an unknown name or errors.
bool pass_run_list(PassCtx *cx, const char *names);
const PassInfo *pass_find(const char *name);

#endif
