// privilege.c - privilege checking of task bodies on TIR (issue 4). A task
// (IrFunc.privs) may only do to a region parameter what its privilege
// allows, field by field: R reads; RW and WD read and write (WD is checked
// as RW); Reduce(op) only updates with `op` (REGION_REDUCE with that
// operator); N nothing. Region values are traced back to the parameter
// through local slots (LGET -> the LSETs of that slot); regions the task
// creates itself are unrestricted. fill writes a field, copy reads its
// source field and writes its destination field, and a launch from a task
// (index launches too; pieces and partitions are traced to their region)
// needs the parent to hold what the child asks for. Each violation is one
// error at the offending instruction naming the task, the field, the region
// and the privilege as written in Python (R('u'), Reduce('+', 'x')). In a
// task other than the top-level one, touching a region's fields directly
// and also passing it to a launch, fill or copy is an error (no fence
// there: the two could race).
#include "passes.h"

#include <stdio.h>

// The parameter index a region value comes from, or -1.
static int param_of(const IrFunc *fn, const IrBlock *body, IrValue v, int depth);

static int slot_param(const IrFunc *fn, const IrBlock *body, const IrBlock *blk, const char *slot,
                      int depth) {
  for (uint32_t i = 0; i < blk->insts.len; i++) {
    const IrInst *in = blk->insts.data[i];
    if (in->op == IR_OP_LSET && in->sym && strcmp(in->sym, slot) == 0 && in->nargs == 1) {
      int p = param_of(fn, body, in->args[0], depth + 1);
      if (p >= 0) return p;
    }
    for (int k = 0; k < 2; k++)
      if (in->body[k]) {
        int p = slot_param(fn, body, in->body[k], slot, depth);
        if (p >= 0) return p;
      }
  }
  return -1;
}

// A partition of a region (or of a partition: halo) and its pieces come
// from that region: its arg0.
static bool from_region(IrOp op) {
  return op == IR_OP_PARTITION_GET || op == IR_OP_PARTITION_EQUAL ||
         op == IR_OP_PARTITION_RESTRICT || op == IR_OP_PARTITION_HALO ||
         op == IR_OP_PARTITION_IMAGE || op == IR_OP_PARTITION_BY_FIELD ||
         op == IR_OP_PARTITION_PREIMAGE;
}

static int param_of(const IrFunc *fn, const IrBlock *body, IrValue v, int depth) {
  if (v < fn->nparams) return (int)v;
  if (depth > 16) return -1;
  const IrInst *d = ir_def_of(body, v);
  if (d && from_region(d->op) && d->nargs) return param_of(fn, body, d->args[0], depth + 1);
  if (!d || d->op != IR_OP_LGET || !d->sym) return -1;
  return slot_param(fn, body, body, d->sym, depth);
}

// R('u', 'v') / Reduce('+', 'x') / N
static void priv_py(const IrPriv *p, const Type *fs, Str *out) {
  static const char *const modes[] = {"N", "R", "RW", "WD", "Reduce"};
  str_puts(out, p->mode < 5 ? modes[p->mode] : "?");
  if (p->mode == IR_PRIV_N) return;
  str_putc(out, '(');
  bool first = true;
  if (p->mode == IR_PRIV_REDUCE) {
    str_printf(out, "'%s'", p->redop < IR_REDOP_COUNT ? ir_redop_text[p->redop] : "?");
    first = false;
  }
  for (uint32_t k = 0; k < fs->nelems && k < 64; k++)
    if (p->fields >> k & 1) {
      str_printf(out, "%s'%s'", first ? "" : ", ", fs->field_names[k]);
      first = false;
    }
  str_putc(out, ')');
}

typedef enum Access { AC_READ, AC_WRITE, AC_REDUCE } Access;

static void check_access(PassCtx *cx, IrFunc *fn, const IrInst *in, IrValue region, uint32_t field,
                         Access ac, int redop) {
  int p = param_of(fn, fn->body, region, 0);
  if (p < 0 || !fn->privs) return;
  const Type *rt = fn->value_types.data[p];
  if (rt->kind != TY_REGION || field >= rt->elem->nelems) return;
  const IrPriv *pv = &fn->privs[p];
  bool held = pv->mode != IR_PRIV_N && (pv->fields >> field & 1);
  const char *fname = rt->elem->field_names[field];
  const char *rname = fn->param_names && fn->param_names[p] ? fn->param_names[p] : "?";
  const char *verb = ac == AC_READ ? "reads" : ac == AC_WRITE ? "writes" : "updates";
  Str ps;
  str_init(&ps);
  priv_py(pv, rt->elem, &ps);
  if (!held) {
    diag_error(cx->diags, in->loc, "task '%s' %s field '%s' of region '%s', which it does not hold (%s)",
               fn->name, verb, fname, rname, ps.data);
  } else if (pv->mode == IR_PRIV_R && ac != AC_READ) {
    diag_error(cx->diags, in->loc, "task '%s' %s field '%s' of region '%s', which it holds read-only (%s)",
               fn->name, verb, fname, rname, ps.data);
  } else if (pv->mode == IR_PRIV_REDUCE && ac == AC_READ) {
    diag_error(cx->diags, in->loc,
               "task '%s' reads field '%s' of region '%s', which it holds for reduction only (%s)",
               fn->name, fname, rname, ps.data);
  } else if (pv->mode == IR_PRIV_REDUCE && ac == AC_WRITE) {
    diag_error(cx->diags, in->loc,
               "task '%s' writes field '%s' of region '%s', which it holds for reduction only (%s); "
               "update it with %s.%s[...] %s= value",
               fn->name, fname, rname, ps.data, rname, fname,
               pv->redop <= IR_REDOP_MUL ? ir_redop_text[pv->redop] : "+");
  } else if (pv->mode == IR_PRIV_REDUCE && ac == AC_REDUCE && redop != pv->redop) {
    diag_error(cx->diags, in->loc,
               "task '%s' reduces field '%s' of region '%s' with '%s', but it holds %s",
               fn->name, fname, rname, redop >= 0 && redop < IR_REDOP_COUNT ? ir_redop_text[redop] : "?",
               ps.data);
  }
  str_fini(&ps);
}

// A launch from a task: the child's privileges must be held by the parent.
// An index launch's arguments follow its color counts; a partition there
// (P[ID]) stands for its pieces, which come from P's region.
static void check_launch(PassCtx *cx, IrFunc *fn, const IrInst *in) {
  IrFunc *g = ir_module_find(cx->m, in->sym);
  if (!g || !g->privs) return;
  uint32_t first = in->op == IR_OP_INDEX_LAUNCH ? IR_INDEX_CDIM(in->ival) : 0;
  for (uint32_t i = 0; first + i < in->nargs && i < g->nparams; i++) {
    const Type *t = g->value_types.data[i];
    if (t->kind != TY_REGION) continue;
    const IrPriv *c = &g->privs[i];
    IrValue a = in->args[first + i];
    if (c->mode == IR_PRIV_N) continue;
    for (uint32_t k = 0; k < t->elem->nelems && k < 64; k++) {
      if (!(c->fields >> k & 1)) continue;
      if (c->mode == IR_PRIV_R) check_access(cx, fn, in, a, k, AC_READ, -1);
      else if (c->mode == IR_PRIV_REDUCE) check_access(cx, fn, in, a, k, AC_REDUCE, c->redop);
      else {
        check_access(cx, fn, in, a, k, AC_READ, -1);
        check_access(cx, fn, in, a, k, AC_WRITE, -1);
      }
    }
  }
}

static void walk(PassCtx *cx, IrFunc *fn, const IrBlock *blk) {
  for (uint32_t i = 0; i < blk->insts.len; i++) {
    const IrInst *in = blk->insts.data[i];
    switch (in->op) {
    case IR_OP_REGION_LOAD: check_access(cx, fn, in, in->args[0], (uint32_t)in->ival, AC_READ, -1); break;
    case IR_OP_REGION_STORE: check_access(cx, fn, in, in->args[0], (uint32_t)in->ival, AC_WRITE, -1); break;
    case IR_OP_REGION_REDUCE:
      check_access(cx, fn, in, in->args[0], (uint32_t)(in->ival & 255), AC_REDUCE, (int)(in->ival >> 8));
      break;
    case IR_OP_REGION_FILL: check_access(cx, fn, in, in->args[0], (uint32_t)in->ival, AC_WRITE, -1); break;
    case IR_OP_REGION_COPY:
      check_access(cx, fn, in, in->args[0], (uint32_t)(in->ival & 255), AC_READ, -1);
      check_access(cx, fn, in, in->args[1], (uint32_t)(in->ival >> 8), AC_WRITE, -1);
      break;
    case IR_OP_LAUNCH:
    case IR_OP_INDEX_LAUNCH: check_launch(cx, fn, in); break;
    default: break;
    }
    for (int k = 0; k < 2; k++)
      if (in->body[k]) walk(cx, fn, in->body[k]);
  }
}

// ---- direct access next to asynchronous use, in a task other than the top level
// The top-level task waits (a fence) before touching a region after a
// launch, fill or copy; a nested task cannot fence (it would wait for
// itself), so using a region both ways there is an error.

// Identity of a region value: "p<index>" for a parameter, "$slot" for a
// local slot, NULL if unknown (a region.new value used directly).
static const char *region_key(const IrFunc *fn, IrValue v, char *buf, size_t n) {
  int p = param_of(fn, fn->body, v, 0);
  if (p >= 0) {
    snprintf(buf, n, "p%d", p);
    return buf;
  }
  const IrInst *d = ir_def_of(fn->body, v);
  if (d && d->op == IR_OP_LGET && d->sym) {
    snprintf(buf, n, "$%s", d->sym);
    return buf;
  }
  return NULL;
}

static const char *region_label(const IrFunc *fn, IrValue v) {
  int p = param_of(fn, fn->body, v, 0);
  if (p >= 0 && fn->param_names && fn->param_names[p]) return fn->param_names[p];
  const IrInst *d = ir_def_of(fn->body, v);
  return d && d->op == IR_OP_LGET && d->sym ? d->sym : "?";
}

// The first launch/fill/copy in blk that uses a region with key `key` (a
// piece or a partition of it counts: param_of traces them to the region).
static const IrInst *async_use(const IrFunc *fn, const IrBlock *blk, const char *key) {
  for (uint32_t i = 0; i < blk->insts.len; i++) {
    const IrInst *in = blk->insts.data[i];
    uint32_t nr = in->op == IR_OP_LAUNCH || in->op == IR_OP_INDEX_LAUNCH ? in->nargs
                  : in->op == IR_OP_REGION_FILL ? 1 : in->op == IR_OP_REGION_COPY ? 2 : 0;
    for (uint32_t k = 0; k < nr; k++) {
      const Type *at = fn->value_types.data[in->args[k]];
      if (at->kind != TY_REGION && at->kind != TY_PARTITION) continue;
      char buf[80];
      const char *kk = region_key(fn, in->args[k], buf, sizeof buf);
      if (kk && strcmp(kk, key) == 0) return in;
    }
    for (int k = 0; k < 2; k++) {
      const IrInst *u = in->body[k] ? async_use(fn, in->body[k], key) : NULL;
      if (u) return u;
    }
  }
  return NULL;
}

static void check_direct(PassCtx *cx, IrFunc *fn, const IrBlock *blk, bool *reported) {
  for (uint32_t i = 0; i < blk->insts.len && !*reported; i++) {
    const IrInst *in = blk->insts.data[i];
    if (in->op == IR_OP_REGION_LOAD || in->op == IR_OP_REGION_STORE ||
        in->op == IR_OP_REGION_REDUCE) {
      char buf[80];
      const char *key = region_key(fn, in->args[0], buf, sizeof buf);
      const IrInst *u = key ? async_use(fn, fn->body, key) : NULL;
      if (u) {
        const char *what = u->op == IR_OP_LAUNCH || u->op == IR_OP_INDEX_LAUNCH
                               ? "launches a task on it"
                               : u->op == IR_OP_REGION_FILL ? "fills it" : "copies it";
        Diag *d = diag_error(cx->diags, in->loc,
                             "task '%s' accesses region '%s' directly and also %s (line %u); in a "
                             "task other than the top-level one the two may run at the same time: "
                             "move the access into a task, or the %s into the top-level task",
                             fn->name, region_label(fn, in->args[0]), what, u->line,
                             u->op == IR_OP_REGION_FILL ? "fill" : u->op == IR_OP_REGION_COPY ? "copy" : "launch");
        diag_note(cx->diags, d, u->loc, "the asynchronous use of '%s' is here",
                  region_label(fn, in->args[0]));
        *reported = true;
      }
    }
    for (int k = 0; k < 2; k++)
      if (in->body[k]) check_direct(cx, fn, in->body[k], reported);
  }
}

void pass_privilege(IrFunc *fn, PassCtx *cx) {
  if (!(fn->flags & IR_FN_TASK)) return;
  walk(cx, fn, fn->body);
  bool reported = false;
  if (!(fn->flags & IR_FN_TOP_LEVEL)) check_direct(cx, fn, fn->body, &reported);
}
