// taskgraph.c - dependence analysis of the top-level task (issue 4). The
// operations that touch regions in launch order (launches, fill, copy) are
// the graph's nodes, in program order (an operation inside a loop is one
// node). Each requirement is (region, fields, privilege), the region being
// the REGION_NEW it was created by (traced through local slots; named by
// the first user variable it was stored in). Two operations depend when
// they share a region field and not both read it (R), nor both reduce it
// with one operator: RAW (the later reads what the earlier wrote), WAR,
// WAW. The pass marks a launch IR_LAUNCH_INDEPENDENT when it provably
// depends on no operation that can run before it: none earlier in program
// order and, inside a loop, none of the outermost loop's operations (the
// previous iteration of itself and of those after it in the body). Codegen
// then calls pyc_launch_ex(..., PYC_LAUNCH_INDEPENDENT): the runtime skips
// the search for its predecessors but still registers it. Sound because the
// top-level task's launch context is everything it launched (and their
// descendants, whose data is within their parents'), every requirement of
// every node is traced to its REGION_NEW (else the node is `unknown` and
// nothing after it is proved), and regions are created in this function.
// pass_taskgraph_dot writes the graph as Graphviz DOT for
// `pyc-task ir --stage=taskgraph`, edges labelled `RAW on grid.u`.
// Index launches (issue 5) are nodes too: a requirement through a
// partition piece (P[i]) belongs to the partition's parent region; when
// both ends of a dependence go through pieces of the same disjoint
// partition, the edge says `per piece of P` (point i waits for point i
// only), otherwise the runtime orders the points by overlap.
#include "passes.h"

#include <stdio.h>

enum { TG_READ = 1, TG_WRITE = 2, TG_REDUCE = 4 };

typedef struct TgReq {
  const IrInst *region;   // the REGION_NEW, or NULL if unknown
  const IrInst *part;     // INDEX_LAUNCH through a piece: the PARTITION_* op, else NULL
  uint64_t fields;
  int mode;               // TG_*
  int redop;
  int elem;               // TG_REDUCE: element type of the first field (the runtime's)
} TgReq;

typedef struct TgNode {
  const IrInst *in;
  bool in_loop;
  const IrInst *loop;     // the outermost enclosing FOR/LOOP, or NULL
  TgReq reqs[8];
  uint32_t nreqs;
  bool unknown;           // a requirement whose region could not be traced
} TgNode;

typedef Vec(TgNode) TgNodes;

typedef struct Tg {
  IrModule *m;
  IrFunc *fn;
  TgNodes nodes;
} Tg;

static const IrInst *trace(const IrFunc *fn, IrValue v, int depth, bool part);
static const IrInst *origin(const IrFunc *fn, IrValue v, int depth) { return trace(fn, v, depth, false); }

// The one REGION_NEW (part: PARTITION_* op) every LSET of `slot` stores
// (NULL if none or several).
static const IrInst *slot_origin(const IrFunc *fn, const IrBlock *blk, const char *slot, int depth,
                                 const IrInst *found, bool *conflict, bool part) {
  for (uint32_t i = 0; i < blk->insts.len; i++) {
    const IrInst *in = blk->insts.data[i];
    if (in->op == IR_OP_LSET && in->sym && strcmp(in->sym, slot) == 0 && in->nargs == 1) {
      const IrInst *o = trace(fn, in->args[0], depth + 1, part);
      if (!o || (found && o != found)) *conflict = true;
      found = o;
    }
    for (int k = 0; k < 2; k++)
      if (in->body[k]) found = slot_origin(fn, in->body[k], slot, depth, found, conflict, part);
  }
  return found;
}

static bool is_partition_op(IrOp op) {
  return op == IR_OP_PARTITION_EQUAL || op == IR_OP_PARTITION_RESTRICT || op == IR_OP_PARTITION_HALO ||
         op == IR_OP_PARTITION_IMAGE || op == IR_OP_PARTITION_BY_FIELD ||
         op == IR_OP_PARTITION_PREIMAGE;
}

// Pieces and partitions belong to their parent region (part: the partition op).
static const IrInst *trace(const IrFunc *fn, IrValue v, int depth, bool part) {
  if (depth > 16 || v < fn->nparams) return NULL;
  const IrInst *d = ir_def_of(fn->body, v);
  if (!d) return NULL;
  if (part && is_partition_op(d->op)) return d;
  if (!part && d->op == IR_OP_REGION_NEW) return d;
  if (!part && (is_partition_op(d->op) || d->op == IR_OP_PARTITION_GET) && d->nargs)
    return trace(fn, d->args[0], depth + 1, part);
  if (d->op != IR_OP_LGET || !d->sym) return NULL;
  bool conflict = false;
  const IrInst *o = slot_origin(fn, fn->body, d->sym, depth, NULL, &conflict, part);
  return conflict ? NULL : o;
}

// The user variable a REGION_NEW was first stored in (through hidden slots).
static const char *region_name(const IrFunc *fn, const IrInst *rn, char *buf, size_t n) {
  for (uint32_t i = 0; rn && i < fn->locals.len; i++) {
    const char *s = fn->locals.data[i].name;
    if (s[0] == '.' || fn->locals.data[i].type->kind != TY_REGION) continue;
    bool conflict = false;
    if (slot_origin(fn, fn->body, s, 0, NULL, &conflict, false) == rn && !conflict) return s;
  }
  snprintf(buf, n, "region@%u", rn ? rn->line : 0);
  return buf;
}

// The user variable a PARTITION_* op was stored in, or "partition@LINE".
static const char *part_name(const IrFunc *fn, const IrInst *po, char *buf, size_t n) {
  for (uint32_t i = 0; po && i < fn->locals.len; i++) {
    const char *s = fn->locals.data[i].name;
    if (s[0] == '.' || fn->locals.data[i].type->kind != TY_PARTITION) continue;
    bool conflict = false;
    if (slot_origin(fn, fn->body, s, 0, NULL, &conflict, true) == po && !conflict) return s;
  }
  snprintf(buf, n, "partition@%u", po ? po->line : 0);
  return buf;
}

static void add_req(TgNode *nd, const IrFunc *fn, IrValue v, uint64_t fields, int mode, int redop) {
  if (nd->nreqs == 8) {
    nd->unknown = true;
    return;
  }
  TgReq *r = &nd->reqs[nd->nreqs++];
  r->region = origin(fn, v, 0);
  r->fields = fields;
  r->mode = mode;
  r->redop = redop;
  r->elem = 0;
  if (!r->region) {
    nd->unknown = true;
    return;
  }
  const Type *fs = r->region->type->elem;
  for (uint32_t k = 0; fs && k < fs->nelems && k < 64; k++)
    if (fields >> k & 1) {
      r->elem = (int)fs->elems[k]->kind * 256 + fs->elems[k]->bits;
      break;
    }
}

static void collect(Tg *tg, const IrBlock *blk, const IrInst *loop) {
  for (uint32_t i = 0; i < blk->insts.len; i++) {
    IrInst *in = blk->insts.data[i];
    TgNode nd = {0};
    nd.in = in;
    nd.in_loop = loop != NULL;
    nd.loop = loop;
    if (in->op == IR_OP_LAUNCH || in->op == IR_OP_INDEX_LAUNCH) {
      IrFunc *g = ir_module_find(tg->m, in->sym);
      uint32_t first = in->op == IR_OP_INDEX_LAUNCH ? IR_INDEX_CDIM(in->ival) : 0;
      if (!g) nd.unknown = true;
      for (uint32_t k = 0; g && first + k < in->nargs && k < g->nparams; k++) {
        if (g->value_types.data[k]->kind != TY_REGION) continue;
        // no privileges: codegen passes RW on every field
        const IrPriv *p = g->privs ? &g->privs[k] : &(IrPriv){IR_PRIV_RW, 0, ~0ull};
        int mode = p->mode == IR_PRIV_R ? TG_READ
                   : p->mode == IR_PRIV_REDUCE ? TG_REDUCE
                   : p->mode == IR_PRIV_N ? 0 : TG_READ | TG_WRITE;
        if (!mode) continue;
        add_req(&nd, tg->fn, in->args[first + k], p->fields, mode, p->redop);
        if (ir_value_type(tg->fn, in->args[first + k])->kind == TY_PARTITION)
          nd.reqs[nd.nreqs - 1].part = trace(tg->fn, in->args[first + k], 0, true);
      }
      vec_push(tg->m->arena, &tg->nodes, nd);
    } else if (in->op == IR_OP_REGION_FILL) {
      add_req(&nd, tg->fn, in->args[0], 1ull << in->ival, TG_WRITE, 0);
      vec_push(tg->m->arena, &tg->nodes, nd);
    } else if (in->op == IR_OP_REGION_COPY) {
      add_req(&nd, tg->fn, in->args[0], 1ull << (in->ival & 255), TG_READ, 0);
      add_req(&nd, tg->fn, in->args[1], 1ull << (in->ival >> 8), TG_WRITE, 0);
      vec_push(tg->m->arena, &tg->nodes, nd);
    }
    const IrInst *inner = loop ? loop : (in->op == IR_OP_FOR || in->op == IR_OP_LOOP) ? in : NULL;
    for (int k = 0; k < 2; k++)
      if (in->body[k]) collect(tg, in->body[k], inner);
  }
}

// Kind of dependence of b (later) on a for one pair of requirements: 0 none.
static const char *dep_kind(const TgReq *a, const TgReq *b) {
  if (a->mode == TG_REDUCE && b->mode == TG_REDUCE && a->redop == b->redop && a->elem == b->elem)
    return NULL;
  bool aw = a->mode & (TG_WRITE | TG_REDUCE), bw = b->mode & (TG_WRITE | TG_REDUCE);
  bool br = b->mode & TG_READ;
  if (aw && br) return "RAW";
  if (aw && bw) return "WAW";
  if (bw) return "WAR";
  return NULL;
}

// Appends "RAW on grid.u" items for b depending on a; returns whether any.
static bool deps(const Tg *tg, const TgNode *a, const TgNode *b, Str *label) {
  bool any = false;
  for (uint32_t i = 0; i < a->nreqs; i++)
    for (uint32_t j = 0; j < b->nreqs; j++) {
      const TgReq *x = &a->reqs[i], *y = &b->reqs[j];
      if (!x->region || x->region != y->region) continue;
      const char *kind = dep_kind(x, y);
      if (!kind) continue;
      const Type *fs = x->region->type->elem;
      char buf[32];
      const char *rn = region_name(tg->fn, x->region, buf, sizeof buf);
      for (uint32_t k = 0; k < fs->nelems && k < 64; k++)
        if ((x->fields & y->fields) >> k & 1) {
          if (label) str_printf(label, "%s%s on %s.%s", any ? ", " : "", kind, rn, fs->field_names[k]);
          if (label && x->part && x->part == y->part && type_part_disjoint(x->part->type))
            str_puts(label, " (per piece)");  // point i after point i only
          any = true;
        }
    }
  return any;
}

static IrFunc *top_level(IrModule *m) {
  for (uint32_t i = 0; i < m->funcs.len; i++)
    if (m->funcs.data[i]->flags & IR_FN_TOP_LEVEL) return m->funcs.data[i];
  return NULL;
}

static void build(Tg *tg, IrModule *m, IrFunc *fn) {
  tg->m = m;
  tg->fn = fn;
  tg->nodes.len = 0;
  collect(tg, fn->body, NULL);
}

void pass_taskgraph(IrFunc *fn, PassCtx *cx) {
  if (!(fn->flags & IR_FN_TOP_LEVEL)) return;
  Tg tg = {0};
  build(&tg, cx->m, fn);
  for (uint32_t j = 0; j < tg.nodes.len; j++) {
    TgNode *b = &tg.nodes.data[j];
    if (b->in->op != IR_OP_LAUNCH) continue;
    bool indep = !b->unknown;
    // everything before it, and (in a loop) every node of the loop: their
    // previous iterations run before it (itself included)
    for (uint32_t i = 0; i < tg.nodes.len && indep; i++) {
      const TgNode *a = &tg.nodes.data[i];
      if (i >= j && !(b->loop && a->loop == b->loop)) continue;
      if (a->unknown || deps(&tg, a, b, NULL)) indep = false;
    }
    if (indep) ((IrInst *)b->in)->ival |= IR_LAUNCH_INDEPENDENT;
    else ((IrInst *)b->in)->ival &= ~(int64_t)IR_LAUNCH_INDEPENDENT;
  }
}

static void put_label(Str *out, const Tg *tg, const TgNode *n) {
  const IrInst *in = n->in;
  if (in->op == IR_OP_LAUNCH) {
    str_printf(out, "%s", in->sym);
  } else if (in->op == IR_OP_INDEX_LAUNCH) {
    str_printf(out, "index launch %s", in->sym);
    for (uint32_t k = 0; k < n->nreqs; k++)
      if (n->reqs[k].part) {
        char buf[32], rb[32];
        const IrInst *po = n->reqs[k].part;
        str_printf(out, "\\n%s[i]: %s of %s", part_name(tg->fn, po, buf, sizeof buf),
                   type_part_disjoint(po->type) ? "disjoint" : "aliased",
                   n->reqs[k].region ? region_name(tg->fn, n->reqs[k].region, rb, sizeof rb) : "?");
      }
  } else {
    str_puts(out, in->op == IR_OP_REGION_FILL ? "fill" : "copy");
    for (uint32_t k = 0; k < n->nreqs; k++) {  // fill r.f / copy a.f -> b.g
      const TgReq *r = &n->reqs[k];
      char buf[32];
      const char *rn = r->region ? region_name(tg->fn, r->region, buf, sizeof buf) : "?";
      const Type *fs = r->region ? r->region->type->elem : NULL;
      uint32_t f = 0;
      while (f < 63 && !(r->fields >> f & 1)) f++;
      str_printf(out, "%s%s.%s", k ? " -> " : " ", rn, fs && f < fs->nelems ? fs->field_names[f] : "?");
    }
  }
  str_printf(out, "\\nline %u%s", in->line, n->in_loop ? " (in a loop)" : "");
}

void pass_taskgraph_dot(IrModule *m, Str *out) {
  IrFunc *fn = top_level(m);
  str_puts(out, "digraph taskgraph {\n  node [shape=box, fontname=\"monospace\"];\n");
  if (fn) {
    Tg tg = {0};
    build(&tg, m, fn);
    str_printf(out, "  label=\"task graph of %s\";\n", fn->name);
    for (uint32_t i = 0; i < tg.nodes.len; i++) {
      const TgNode *n = &tg.nodes.data[i];
      str_printf(out, "  n%u [label=\"", i);
      put_label(out, &tg, n);
      str_puts(out, "\"");
      if (n->in->op == IR_OP_INDEX_LAUNCH) str_puts(out, ", peripheries=2");
      else if (n->in->op != IR_OP_LAUNCH) str_puts(out, ", shape=ellipse");
      else if (n->in->ival & IR_LAUNCH_INDEPENDENT) str_puts(out, ", style=bold");
      str_puts(out, "];\n");
    }
    for (uint32_t j = 0; j < tg.nodes.len; j++) {
      for (uint32_t i = 0; i < j; i++) {
        Str label;
        str_init(&label);
        if (deps(&tg, &tg.nodes.data[i], &tg.nodes.data[j], &label))
          str_printf(out, "  n%u -> n%u [label=\"%s\"];\n", i, j, label.data);
        str_fini(&label);
      }
      const TgNode *n = &tg.nodes.data[j];
      for (uint32_t i = j; n->loop && i < tg.nodes.len; i++) {  // i's previous iteration
        if (tg.nodes.data[i].loop != n->loop) continue;
        Str label;
        str_init(&label);
        if (deps(&tg, &tg.nodes.data[i], n, &label))
          str_printf(out, "  n%u -> n%u [label=\"%s (next iteration)\"];\n", i, j, label.data);
        str_fini(&label);
      }
      if (n->unknown)
        str_printf(out, "  n%u [color=red, xlabel=\"region not traced: ordered by the runtime\"];\n", j);
    }
  }
  str_puts(out, "}\n");
}
