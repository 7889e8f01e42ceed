// task_ops.c - the task layer's pieces of TIR (issue 4): the spellings of
// privileges and reduction operators, and the type rules of the task ops
// (REGION_*, LAUNCH, FUTURE_GET) that the verifier applies. docs/ir.md
// "Task ops" is the specification.
#include "ir.h"

#include <inttypes.h>
#include <stdio.h>

const char *const ir_redop_text[IR_REDOP_COUNT] = {"+", "*", "min", "max"};

const char *ir_priv_text(const IrPriv *p) {
  static const char *const modes[] = {"N", "R", "RW", "WD"};
  static const char *const reds[] = {"reduce.add", "reduce.mul", "reduce.min", "reduce.max"};
  if (p->mode == IR_PRIV_REDUCE) return p->redop < IR_REDOP_COUNT ? reds[p->redop] : "reduce.?";
  return p->mode < IR_PRIV_REDUCE ? modes[p->mode] : "?";
}

static bool is_i64(const IrModule *m, const Type *t) { return !t || t == m->types->t_i64; }

// Operands [from, to) are i64; else "<what> <k> must be i64", k counted from
// `first` at `from`.
static bool i64_operands(const IrModule *m, const Type **at, uint32_t from, uint32_t to,
                         const char *what, uint32_t first, char *msg, size_t n) {
  for (uint32_t i = from; i < to; i++)
    if (!is_i64(m, at[i])) {
      snprintf(msg, n, "%s %u must be i64", what, first + i - from);
      return false;
    }
  return true;
}

// A region operand, its field (ival's low byte for REDUCE) and the indices.
static bool region_access(const IrModule *m, const IrInst *in, const Type **at, int64_t field,
                          uint32_t nvalue, const Type **elem, char *msg, size_t n) {
  if (in->nargs < 1 || !at[0] || at[0]->kind != TY_REGION) {
    snprintf(msg, n, "operand 0 must be a region");
    return false;
  }
  const Type *r = at[0];
  if (field < 0 || field >= (int64_t)r->elem->nelems) {
    snprintf(msg, n, "field %" PRId64 " out of range for region<@%s>", field, r->elem->name);
    return false;
  }
  if (in->nargs != 1u + r->ndim + nvalue) {
    snprintf(msg, n, "%u indices for a %u-d region", in->nargs - 1 - nvalue, r->ndim);
    return false;
  }
  if (!i64_operands(m, at, 1, r->ndim + 1, "index", 0, msg, n)) return false;
  *elem = r->elem->elems[field];
  return true;
}

static bool check_launch(const IrModule *m, const IrInst *in, const Type **at, char *msg,
                         size_t n) {
  IrFunc *g = in->sym ? ir_module_find(m, in->sym) : NULL;
  if (!g) {
    snprintf(msg, n, "launch of unknown task @%s", in->sym ? in->sym : "?");
    return false;
  }
  if (!(g->flags & IR_FN_TASK) || (g->flags & IR_FN_TOP_LEVEL)) {
    snprintf(msg, n, "@%s is not a launchable task", g->name);
    return false;
  }
  if (in->nargs != g->nparams) {
    snprintf(msg, n, "%u operands for @%s, which takes %u", in->nargs, g->name, g->nparams);
    return false;
  }
  for (uint32_t i = 0; i < in->nargs; i++)
    if (at[i] && at[i] != g->value_types.data[i]) {
      snprintf(msg, n, "operand %u does not match parameter %u of @%s", i, i, g->name);
      return false;
    }
  bool want_future = g->ret_type->kind != TY_VOID;
  if (want_future ? (in->type->kind != TY_FUTURE || in->type->elem != g->ret_type)
                  : in->type->kind != TY_VOID) {
    snprintf(msg, n, "result must be %s", want_future ? "future<ret>" : "void (no result)");
    return false;
  }
  return true;
}

// Partition ops and INDEX_LAUNCH (issue 5, docs/ir.md 4.10).
static bool check_partition_op(const IrModule *m, const IrInst *in, const Type **at, char *msg,
                               size_t n) {
  const Type *pt = in->type;
  if (in->op == IR_OP_PARTITION_EQUAL || in->op == IR_OP_PARTITION_RESTRICT) {
    const Type *r = in->nargs ? at[0] : NULL;
    uint32_t cd = pt->kind == TY_PARTITION ? pt->ndim : 0;
    uint32_t want = r && r->kind == TY_REGION
                        ? (in->op == IR_OP_PARTITION_EQUAL ? 1 + cd : 1 + cd + r->ndim * cd + r->ndim)
                        : 0;
    if (!r || r->kind != TY_REGION || pt->kind != TY_PARTITION || pt->elem != r ||
        in->nargs != want || (in->op == IR_OP_PARTITION_EQUAL && cd != r->ndim)) {
      snprintf(msg, n, "takes a region and its i64 colors (transform, extent) and gives its partition");
      return false;
    }
    return i64_operands(m, at, 1, in->nargs, "operand", 1, msg, n);
  }
  if (in->op == IR_OP_PARTITION_BY_FIELD || in->op == IR_OP_PARTITION_PREIMAGE) {
    const Type *r = in->nargs ? at[0] : NULL, *q = in->nargs > 1 ? at[1] : NULL;
    bool by = in->op == IR_OP_PARTITION_BY_FIELD;
    bool other = by ? pt->kind == TY_PARTITION && in->nargs == 1u + pt->ndim
                    : in->nargs == 2 && q && q->kind == TY_PARTITION && pt->ndim == q->ndim;
    for (uint32_t i = 1; by && i < in->nargs; i++) other = other && at[i] && is_i64(m, at[i]);
    unsigned want = by ? (pt->kind == TY_PARTITION ? pt->ndim : 0)
                       : q && q->kind == TY_PARTITION ? q->elem->ndim : 0;
    if (!r || !q || r->kind != TY_REGION || pt->kind != TY_PARTITION || pt->elem != r || !other ||
        in->ival < 0 || in->ival >= (int64_t)r->elem->nelems ||
        type_point_rank(r->elem->elems[in->ival]) != want) {
      snprintf(msg, n, "takes a region with %s field (ival) and %s and gives its partition",
               by ? "a color" : "a pointer",
               by ? "one color count per color axis" : "a partition whose region it points into");
      return false;
    }
    return true;
  }
  if (in->op == IR_OP_PARTITION_IMAGE) {
    const Type *r = at[0], *s = in->nargs == 2 ? at[1] : NULL;
    if (!r || !s || r->kind != TY_REGION || s->kind != TY_PARTITION ||
        pt->kind != TY_PARTITION || pt->elem != r || pt->ndim != s->ndim || in->ival < 0 ||
        in->ival >= (int64_t)s->elem->elem->nelems ||
        type_point_rank(s->elem->elem->elems[in->ival]) != r->ndim) {
      snprintf(msg, n, "takes a region and a partition with a field of its points (ival) and gives a partition of the region");
      return false;
    }
    return true;
  }
  const Type *p = in->nargs ? at[0] : NULL;
  if (in->op == IR_OP_INDEX_LAUNCH) {
    IrFunc *g = in->sym ? ir_module_find(m, in->sym) : NULL;
    unsigned cd = IR_INDEX_CDIM(in->ival);
    if (!g || !(g->flags & IR_FN_TASK) || cd < 1 || in->nargs != cd + g->nparams) {
      snprintf(msg, n, "index launch of @%s needs its color counts and one operand per parameter",
               in->sym ? in->sym : "?");
      return false;
    }
    for (uint32_t i = 0; i < g->nparams; i++) {
      const Type *a = at[cd + i], *want = g->value_types.data[i];
      if (a && a != want && !(a->kind == TY_PARTITION && a->elem == want && a->ndim == cd)) {
        snprintf(msg, n, "operand %u does not match parameter %u of @%s", cd + i, i, g->name);
        return false;
      }
    }
    bool red = IR_INDEX_REDOP(in->ival) >= 0;
    bool map = !red && in->type->kind == TY_FUTURE;  // futuremap<ret>: the points' results
    if (red ? in->type->kind != TY_FUTURE || in->type->ndim || in->type->elem != g->ret_type
            : map ? in->type->ndim != cd || in->type->elem != g->ret_type
                  : in->type->kind != TY_VOID) {
      snprintf(msg, n, "result must be %s", red ? "future<ret>" : "void or futuremap<ret>");
      return false;
    }
    return true;
  }
  if (!p || p->kind != TY_PARTITION) {
    snprintf(msg, n, "operand 0 must be a partition");
    return false;
  }
  switch (in->op) {
  case IR_OP_PARTITION_HALO:
    if (pt->kind != TY_PARTITION || pt->elem != p->elem || pt->ndim != p->ndim || !is_i64(m, at[1])) {
      snprintf(msg, n, "takes a partition and an i64 width and gives a partition of the same region");
      return false;
    }
    return true;
  case IR_OP_PARTITION_COLORS:
    if (in->type != m->types->t_i64 || in->ival < 0 || in->ival >= (int64_t)p->ndim) {
      snprintf(msg, n, "gives i64, the color count of an axis (ival) of the partition");
      return false;
    }
    return true;
  case IR_OP_PARTITION_GET:
    if (in->type != p->elem || in->nargs != (in->ival ? 2u : 1u + p->ndim)) {
      snprintf(msg, n, "takes a partition and a color (ival 0) or a linear index (ival 1) and gives a piece");
      return false;
    }
    return true;
  default:
    if (in->type != m->types->t_i64) {
      snprintf(msg, n, "gives i64");
      return false;
    }
    return true;
  }
}

bool ir_verify_task_op(const IrModule *m, const IrInst *in, const Type **at, char *msg,
                       size_t n) {
  const Type *elem = NULL;
  switch (in->op) {
  case IR_OP_REGION_NEW:
    if (in->type->kind != TY_REGION || in->type->ndim != in->nargs) {
      snprintf(msg, n, "result needs one i64 extent per axis");
      return false;
    }
    return i64_operands(m, at, 0, in->nargs, "extent", 0, msg, n);
  case IR_OP_REGION_LOAD:
    if (!region_access(m, in, at, in->ival, 0, &elem, msg, n)) return false;
    if (in->type != elem) {
      snprintf(msg, n, "result type differs from the field's");
      return false;
    }
    return true;
  case IR_OP_REGION_STORE:
  case IR_OP_REGION_REDUCE: {
    int64_t field = in->op == IR_OP_REGION_REDUCE ? (in->ival & 255) : in->ival;
    if (in->op == IR_OP_REGION_REDUCE && ((in->ival >> 8) >= IR_REDOP_COUNT || in->ival < 0)) {
      snprintf(msg, n, "unknown reduction operator %" PRId64, in->ival >> 8);
      return false;
    }
    if (!region_access(m, in, at, field, 1, &elem, msg, n)) return false;
    if (at[in->nargs - 1] && at[in->nargs - 1] != elem) {
      snprintf(msg, n, "value type differs from the field's");
      return false;
    }
    return true;
  }
  case IR_OP_REGION_FILL:
    if (in->nargs != 2 || !at[0] || at[0]->kind != TY_REGION || in->ival < 0 ||
        in->ival >= (int64_t)at[0]->elem->nelems) {
      snprintf(msg, n, "takes a region, a value and a field of the region");
      return false;
    }
    if (at[1] && at[1] != at[0]->elem->elems[in->ival]) {
      snprintf(msg, n, "value type differs from the field's");
      return false;
    }
    return true;
  case IR_OP_REGION_COPY: {
    int64_t fs = in->ival & 255, fd = in->ival >> 8;
    if (in->nargs != 2 || !at[0] || !at[1] || at[0]->kind != TY_REGION || fd < 0 ||
        at[1]->kind != TY_REGION || fs >= (int64_t)at[0]->elem->nelems ||
        fd >= (int64_t)at[1]->elem->nelems || at[0]->ndim != at[1]->ndim) {
      snprintf(msg, n, "takes two regions of one rank and a field of each");
      return false;
    }
    if (at[0]->elem->elems[fs] != at[1]->elem->elems[fd]) {
      snprintf(msg, n, "the two fields have different types");
      return false;
    }
    return true;
  }
  case IR_OP_REGION_BOUND:
  case IR_OP_REGION_VOLUME:
    if (in->nargs != 1 || !at[0] || at[0]->kind != TY_REGION || in->type != m->types->t_i64 ||
        (in->op == IR_OP_REGION_BOUND && (in->ival < 0 || in->ival >= 2 * at[0]->ndim))) {
      snprintf(msg, n, "takes a region (and an axis in range) and gives i64");
      return false;
    }
    return true;
  case IR_OP_LAUNCH: return check_launch(m, in, at, msg, n);
  case IR_OP_PARTITION_EQUAL:
  case IR_OP_PARTITION_RESTRICT:
  case IR_OP_PARTITION_HALO:
  case IR_OP_PARTITION_IMAGE:
  case IR_OP_PARTITION_GET:
  case IR_OP_PARTITION_VOLUME:
  case IR_OP_PARTITION_COLORS:
  case IR_OP_PARTITION_BY_FIELD:
  case IR_OP_PARTITION_PREIMAGE:
  case IR_OP_INDEX_LAUNCH: return check_partition_op(m, in, at, msg, n);
  case IR_OP_REGION_SPARSE:
  case IR_OP_REGION_POINT:
    if (!at[0] || at[0]->kind != TY_REGION ||
        in->type != (in->op == IR_OP_REGION_SPARSE ? m->types->t_bool : m->types->t_i64) ||
        (in->op == IR_OP_REGION_POINT &&
         (!is_i64(m, at[1]) || in->ival < 0 || in->ival >= (int64_t)at[0]->ndim))) {
      snprintf(msg, n, "takes a region%s and gives %s",
               in->op == IR_OP_REGION_POINT ? " and an i64 index (ival: an axis of the region)"
                                            : "",
               in->op == IR_OP_REGION_POINT ? "i64" : "bool");
      return false;
    }
    return true;
  case IR_OP_FUTURE_GET:
    if (!at[0] || at[0]->kind != TY_FUTURE || at[0]->ndim || in->type != at[0]->elem) {
      snprintf(msg, n, "takes a future<T> and gives T");
      return false;
    }
    return true;
  case IR_OP_FUTURE_MAP_GET:
    if (!at[0] || at[0]->kind != TY_FUTURE || !at[0]->ndim || in->type != at[0]->elem ||
        in->type->kind == TY_VOID || in->nargs != 1u + at[0]->ndim) {
      snprintf(msg, n, "takes a futuremap<T,cdim> (T not void) and a point (cdim i64) and gives T");
      return false;
    }
    return i64_operands(m, at, 1, in->nargs, "operand", 1, msg, n);
  case IR_OP_FUTURE_WAIT:
    if (!at[0] || at[0]->kind != TY_FUTURE || in->type->kind != TY_VOID) {
      snprintf(msg, n, "takes a future or a futuremap and gives nothing");
      return false;
    }
    return true;
  default: return true;
  }
}
