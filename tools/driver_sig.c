// driver_sig.c - the signature lines of pyc_compiler_signatures: name, IR
// parameter and return types, parameter names and flags of every @kernel /
// @task function. The `wN` flag ("parameter N may be written through") is a
// small taint analysis over TIR: a value is derived from a parameter when it
// is the parameter, or an array-holding result of an op with a derived
// operand, or read from a local slot a derived value was stored to. STORE
// into a derived array writes the parameter, and so does passing a derived
// value to a callee parameter that is written; callees are iterated to a
// fixed point. The Python extension requires writable buffers for them.
#include "driver_sig.h"

#include <stdlib.h>
#include <string.h>

// Taint state of one (function, parameter) analysis.
typedef struct Taint {
  bool *val;       // by IrValue
  const char **locals;  // tainted local names (interned)
  uint32_t nlocals, caplocals;
  bool changed;
} Taint;

typedef struct SigCtx {
  IrModule *m;
  bool **written;  // [func][param]
} SigCtx;

static bool type_holds_array(const Type *t) {
  if (!t) return false;
  if (t->kind == TY_ARRAY) return true;
  if (t->kind == TY_TUPLE || t->kind == TY_STRUCT)
    for (uint32_t i = 0; i < t->nelems; i++)
      if (type_holds_array(t->elems[i])) return true;
  return false;
}

static bool local_tainted(const Taint *t, const char *name) {
  for (uint32_t i = 0; i < t->nlocals; i++)
    if (t->locals[i] == name) return true;
  return false;
}

static void taint_local(Taint *t, const char *name) {
  if (local_tainted(t, name)) return;
  if (t->nlocals == t->caplocals) {
    uint32_t cap = t->caplocals ? 2 * t->caplocals : 8;
    const char **p = realloc(t->locals, cap * sizeof *p);
    if (!p) return;
    t->locals = p;
    t->caplocals = cap;
  }
  t->locals[t->nlocals++] = name;
  t->changed = true;
}

static int func_index(const IrModule *m, const char *name) {
  const IrFunc *g = ir_module_find(m, name);
  return g ? (int)g->index : -1;
}

// One walk over blk; returns true when a write through a tainted value is seen.
static bool walk(SigCtx *cx, const IrFunc *fn, Taint *t, const IrBlock *blk) {
  bool writes = false;
  for (uint32_t k = 0; k < blk->insts.len; k++) {
    const IrInst *in = blk->insts.data[k];
    bool any = false;
    for (uint32_t a = 0; a < in->nargs; a++)
      if (in->args[a] != IR_NOVALUE && t->val[in->args[a]]) any = true;
    switch (in->op) {
    case IR_OP_STORE:
      if (in->nargs && t->val[in->args[0]]) writes = true;
      break;
    case IR_OP_LSET:
      if (any && type_holds_array(in->nargs ? ir_value_type(fn, in->args[0]) : NULL))
        taint_local(t, in->sym);
      break;
    case IR_OP_LGET:
      if (in->result != IR_NOVALUE && local_tainted(t, in->sym) && !t->val[in->result]) {
        t->val[in->result] = true;
        t->changed = true;
      }
      break;
    case IR_OP_CALL: {
      int g = in->sym ? func_index(cx->m, in->sym) : -1;
      for (uint32_t a = 0; a < in->nargs; a++)
        if (in->args[a] != IR_NOVALUE && t->val[in->args[a]] && (g < 0 || a >= cx->m->funcs.data[g]->nparams ||
                                    cx->written[g][a]))
          writes = true;
      break;
    }
    default: break;
    }
    if (any && in->result != IR_NOVALUE && in->op != IR_OP_LGET && !t->val[in->result] &&
        type_holds_array(in->type)) {
      t->val[in->result] = true;
      t->changed = true;
    }
    for (int b = 0; b < 2; b++)
      if (in->body[b] && walk(cx, fn, t, in->body[b])) writes = true;
  }
  return writes;
}

// Whether parameter p of fn may be written (with the current callee facts).
static bool param_written(SigCtx *cx, const IrFunc *fn, uint32_t p) {
  if (!type_holds_array(ir_value_type(fn, p)) || !fn->body) return false;
  Taint t = {0};
  t.val = calloc(fn->value_types.len + 1, sizeof *t.val);
  if (!t.val) return true;
  t.val[p] = true;
  bool writes = false;
  do {
    t.changed = false;
    writes = walk(cx, fn, &t, fn->body) || writes;
  } while (t.changed);
  free(t.val);
  free(t.locals);
  return writes;
}

static void put_type(Str *s, const Type *t) { type_print(t, s); }

char *drv_signatures(IrModule *m) {
  SigCtx cx = {.m = m};
  uint32_t n = m->funcs.len;
  cx.written = calloc(n ? n : 1, sizeof *cx.written);
  if (!cx.written) return NULL;
  for (uint32_t i = 0; i < n; i++)
    cx.written[i] = calloc(m->funcs.data[i]->nparams + 1, sizeof **cx.written);
  for (bool changed = true; changed;) {
    changed = false;
    for (uint32_t i = 0; i < n; i++) {
      IrFunc *fn = m->funcs.data[i];
      if (!cx.written[i]) continue;
      for (uint32_t p = 0; p < fn->nparams; p++)
        if (!cx.written[i][p] && param_written(&cx, fn, p)) cx.written[i][p] = changed = true;
    }
  }
  Str s;
  str_init(&s);
  for (uint32_t i = 0; i < n; i++) {
    IrFunc *fn = m->funcs.data[i];
    if (!(fn->flags & (IR_FN_KERNEL | IR_FN_TASK))) continue;
    str_printf(&s, "%s\t", fn->name);
    for (uint32_t p = 0; p < fn->nparams; p++) {
      if (p) str_puts(&s, ",");
      put_type(&s, ir_value_type(fn, p));
    }
    str_puts(&s, "\t");
    put_type(&s, fn->ret_type);
    str_puts(&s, "\t");
    for (uint32_t p = 0; p < fn->nparams; p++)
      str_printf(&s, "%s%s", p ? "," : "", fn->param_names ? fn->param_names[p] : "?");
    str_puts(&s, "\t");
    const char *sep = "";
    if (fn->flags & IR_FN_KERNEL) str_printf(&s, "%skernel", sep), sep = ",";
    if (fn->flags & IR_FN_TASK) str_printf(&s, "%stask", sep), sep = ",";
    if (fn->flags & IR_FN_TOP_LEVEL) str_printf(&s, "%stop_level", sep), sep = ",";
    if (fn->flags & IR_FN_MAYRAISE) str_printf(&s, "%smayraise", sep), sep = ",";
    for (uint32_t p = 0; p < fn->nparams; p++)
      if (cx.written[i] && cx.written[i][p]) str_printf(&s, "%sw%u", sep, p), sep = ",";
    str_puts(&s, "\n");
  }
  for (uint32_t i = 0; i < n; i++) free(cx.written[i]);
  free(cx.written);
  char *out = str_take(&s);
  if (!out) out = calloc(1, 1);
  return out;
}
