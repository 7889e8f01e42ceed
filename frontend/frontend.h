// frontend.h - the frontend subsystem: Python source -> AST -> typed AST -> TIR.
// Takes a source file registered in the SrcManager; gives an IrModule, or
// diagnostics in the DiagSink. Stages can be run one at a time for dumps.
#ifndef PYC_FRONTEND_FRONTEND_H
#define PYC_FRONTEND_FRONTEND_H

#include "../ir/ir.h"
#include "ast.h"

typedef struct FeOptions {
  bool boundscheck;   // --boundscheck: emit BOUNDSCHECK for every array index
  bool fastmath;      // --fastmath: every function gets IR_FN_FASTMATH
  // Names of decorated functions to treat as plain Python (not compiled): the
  // driver's drop_failed_functions mode re-checks without the functions that
  // had errors. NULL/0 = none. Not owned.
  const char *const *exclude;
  uint32_t nexclude;
} FeOptions;

typedef struct FeCtx {
  Arena *arena;        // not owned: AST, symbols, TIR all live here
  SrcManager *sm;      // not owned
  DiagSink *diags;     // not owned
  TypeTable *types;    // not owned
  Interner *strs;      // not owned
  FeOptions opts;
} FeCtx;

// parse.c: tree-sitter CST -> AST. Syntax errors (ERROR/MISSING nodes) and the
// bare `float64[:]` annotation are diagnosed here. Returns NULL only when the
// file could not be parsed at all; the Module may be partial when errors were reported.
Module *fe_parse(FeCtx *cx, uint32_t file);

// check.c: names and types of every compiled function (@kernel, @task) and the
// functions they call; all semantic diagnostics. Returns false on errors.
bool fe_check(FeCtx *cx, Module *mod);

// lower.c: typed AST -> TIR. Only called on a module that checked cleanly.
IrModule *fe_lower(FeCtx *cx, Module *mod);

#endif
