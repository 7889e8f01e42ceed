// parloop.c - pass "parloop": decides which `for ... [parallel]` loops
// (prange) run through the runtime's parallel_for (docs/tasks.md "prange").
// For every outermost parallel FOR it classifies the local slots the body
// touches (read-only: copied in; private: written before read in every
// iteration; reductions `s = s + e`, `s -= e`, `s *= e`, `s = min(s, e)`,
// `s = max(s, e)` as Numba recognizes them), rejects loop-carried locals and provably
// conflicting array accesses (parloop_race.c) with errors, and then marks
// the loop IR_FOR_OUTLINE with its reductions in IrInst.sym ("add $s,min
// $m"). A loop that must keep its sequential meaning (a float + or *
// reduction without fastmath, print, return/break, a private local used
// after the loop) stays sequential with a warning saying why. Inner
// prange loops of an outlined body run sequentially.
#include "parloop.h"

#include <stdio.h>

int pl_local_index(const IrFunc *fn, const char *name) {
  const IrLocal *l = ir_local_find(fn, name);
  return l ? (int)(l - fn->locals.data) : -1;
}

static void fill_defs(Par *p, IrBlock *blk) {
  for (uint32_t i = 0; i < blk->insts.len; i++) {
    IrInst *in = blk->insts.data[i];
    if (in->result < p->nvalues) {
      p->def[in->result] = in;
      p->defblk[in->result] = blk;
    }
    for (uint32_t k = 0; k < in->nargs; k++)
      if (in->args[k] < p->nvalues) p->uses[in->args[k]]++;
    for (int k = 0; k < 2; k++)
      if (in->body[k]) fill_defs(p, in->body[k]);
  }
}

static void mark_body(Par *p, const IrBlock *blk) {
  for (uint32_t i = 0; i < blk->insts.len; i++) {
    const IrInst *in = blk->insts.data[i];
    if (in->result < p->nvalues) p->inbody[in->result] = true;
    for (int k = 0; k < 2; k++)
      if (in->body[k]) mark_body(p, in->body[k]);
  }
}

// Local flags: PL_READ/PL_WRITE inside the loop's body, PL_OUTSIDE elsewhere.
static void scan_locals(Par *p, const IrBlock *blk, bool body) {
  for (uint32_t i = 0; i < blk->insts.len; i++) {
    const IrInst *in = blk->insts.data[i];
    if ((in->op == IR_OP_LGET || in->op == IR_OP_LSET) && in->sym) {
      int k = pl_local_index(p->fn, in->sym);
      if (k >= 0)
        p->lflags[k] |= !body ? (in->op == IR_OP_LGET ? PL_OUTSIDE : 0)
                              : (in->op == IR_OP_LGET ? PL_READ : PL_WRITE);
    }
    if (body && in->op == IR_OP_FOR && in->body[0] && in->body[0]->insts.len) {
      const IrInst *first = in->body[0]->insts.data[0];
      if (first->op == IR_OP_LSET && first->nargs == 1 && first->args[0] == in->result) {
        int k = pl_local_index(p->fn, first->sym);
        if (k >= 0) p->lflags[k] |= PL_INNER_IV;
      }
    }
    for (int k = 0; k < 2; k++)
      if (in->body[k]) scan_locals(p, in->body[k], body || in == p->loop);
  }
}

// Why the body must run in order (NULL if nothing): return, a break of this
// loop, print. depth counts the inner loops around `blk`.
static const IrInst *serial_op(const IrBlock *blk, int depth, const char **why) {
  for (uint32_t i = 0; i < blk->insts.len; i++) {
    const IrInst *in = blk->insts.data[i];
    if (in->op == IR_OP_RET)
      *why = "it contains 'return'";
    else if (in->op == IR_OP_BREAK && depth == 0)
      *why = "it contains 'break'";
    else if (in->op == IR_OP_PRINT)
      *why = "it prints (the output order would change)";
    if (*why) return in;
    int d = depth + (in->op == IR_OP_FOR || in->op == IR_OP_LOOP);
    for (int k = 0; k < 2; k++) {
      const IrInst *r = in->body[k] ? serial_op(in->body[k], d, why) : NULL;
      if (r) return r;
    }
  }
  return NULL;
}

// ---- reductions ---------------------------------------------------------------

static bool is_lget_of(const Par *p, IrValue v, const char *name) {
  const IrInst *d = v < p->nvalues ? p->def[v] : NULL;
  return d && d->op == IR_OP_LGET && d->sym && strcmp(d->sym, name) == 0;
}

// Does the chain of `fam` ops (ADD with SUB, or MUL) rooted at v, each
// used once, reach an `lget $s` (used once)? SUB continues only through
// its first operand: s - a - b is s + (-a) + (-b), b - s is not.
static bool chain_reaches(const Par *p, IrValue v, const char *s, IrOp fam, int depth) {
  if (v >= p->nvalues || p->uses[v] != 1 || depth > 16) return false;
  if (is_lget_of(p, v, s)) return true;
  const IrInst *d = p->def[v];
  if (!d || d->nargs != 2) return false;
  if (d->op == fam)
    return chain_reaches(p, d->args[0], s, fam, depth + 1) ||
           chain_reaches(p, d->args[1], s, fam, depth + 1);
  if (fam == IR_OP_ADD && d->op == IR_OP_SUB)
    return chain_reaches(p, d->args[0], s, fam, depth + 1);
  return false;
}

// `lset $s, r`: the op of the update r = s op e (ADD for + and -, MUL,
// CMP_LT for min, CMP_GT for max), or IR_OP_COUNT. Counts the LGETs of $s
// it consumes (a second `s` in e is then an unmatched read).
static IrOp match_update(const Par *p, const IrInst *set, const Type *t, uint32_t *gets) {
  IrValue r = set->args[0];
  const IrInst *d = r < p->nvalues ? p->def[r] : NULL;
  if (!d || p->uses[r] != 1) return IR_OP_COUNT;
  const char *s = set->sym;
  if ((d->op == IR_OP_ADD || d->op == IR_OP_SUB || d->op == IR_OP_MUL) && d->nargs == 2) {
    IrOp fam = d->op == IR_OP_MUL ? IR_OP_MUL : IR_OP_ADD;
    if (!chain_reaches(p, r, s, fam, 0)) return IR_OP_COUNT;
    *gets += 1;
    return fam;
  }
  if (d->op != IR_OP_SELECT || d->nargs != 3) return IR_OP_COUNT;
  const IrInst *c = d->args[0] < p->nvalues ? p->def[d->args[0]] : NULL;
  if (!c || (c->op != IR_OP_CMP_LT && c->op != IR_OP_CMP_GT) || p->uses[d->args[0]] != 1)
    return IR_OP_COUNT;
  IrValue b = d->args[1], a = d->args[2];
  if (c->args[0] != b || c->args[1] != a) return IR_OP_COUNT;
  // min(s, e) = select(e < s, e, s); for ints also min(e, s) = select(s < e, s, e)
  // (equal ints are indistinguishable; floats keep Python's tie rule only in the first form).
  IrValue g = is_lget_of(p, a, s) ? a : (t->kind == TY_INT && is_lget_of(p, b, s)) ? b : IR_NOVALUE;
  if (g == IR_NOVALUE || p->uses[g] != 2 || (g == a ? is_lget_of(p, b, s) : false))
    return IR_OP_COUNT;
  *gets += 1;
  return c->op;
}

typedef struct RedScan {
  const char *name;
  const Type *type;
  IrOp op;  // IR_OP_COUNT: none yet
  bool bad;
  uint32_t gets, matched;
} RedScan;

static void scan_reduction(const Par *p, const IrBlock *blk, RedScan *rs) {
  for (uint32_t i = 0; i < blk->insts.len && !rs->bad; i++) {
    const IrInst *in = blk->insts.data[i];
    if (in->sym && strcmp(in->sym, rs->name) == 0) {
      if (in->op == IR_OP_LGET) rs->gets++;
      if (in->op == IR_OP_LSET) {
        IrOp op = match_update(p, in, rs->type, &rs->matched);
        if (op == IR_OP_COUNT || (rs->op != IR_OP_COUNT && rs->op != op)) rs->bad = true;
        rs->op = op;
      }
    }
    for (int k = 0; k < 2; k++)
      if (in->body[k]) scan_reduction(p, in->body[k], rs);
  }
}

static const char *redop_text(IrOp op) {
  return op == IR_OP_ADD ? "add" : op == IR_OP_MUL ? "mul" : op == IR_OP_CMP_LT ? "min" : "max";
}

// ---- must-define: is every read of a written local preceded by a write? ----------

// Walks blk with defd[] (locals surely written in this iteration so far);
// returns false when the block ends in a terminator (its state does not
// flow on).
static bool must_def(Par *p, const IrBlock *blk, bool *defd) {
  for (uint32_t i = 0; i < blk->insts.len; i++) {
    IrInst *in = blk->insts.data[i];
    if ((in->op == IR_OP_LGET || in->op == IR_OP_LSET) && in->sym) {
      int k = pl_local_index(p->fn, in->sym);
      if (k < 0) continue;
      if (in->op == IR_OP_LSET)
        defd[k] = true;
      else if ((p->lflags[k] & PL_WRITE) && !(p->lflags[k] & PL_REDUCTION) && !defd[k] &&
               !(p->lflags[k] & PL_RBW)) {
        p->lflags[k] |= PL_RBW;
        p->rbw_at[k] = in;
      }
      continue;
    }
    if (ir_op_info[in->op].flags & IR_F_TERM) return false;
    if (!in->body[0]) continue;
    size_t sz = sizeof(bool) * (p->nlocals ? p->nlocals : 1);
    bool *a = arena_alloc(p->cx->m->arena, sz);
    memcpy(a, defd, sz);
    if (in->op == IR_OP_IF) {
      bool *b = arena_alloc(p->cx->m->arena, sz);
      memcpy(b, defd, sz);
      bool live_a = must_def(p, in->body[0], a);
      bool live_b = in->body[1] ? must_def(p, in->body[1], b) : true;
      if (!live_a && !live_b) return false;
      for (uint32_t k = 0; k < p->nlocals; k++)
        defd[k] = !live_a ? b[k] : !live_b ? a[k] : (a[k] && b[k]);
    } else {
      must_def(p, in->body[0], a);  // an inner loop may run zero times: defd unchanged
    }
  }
  return true;
}

static uint32_t count_sets(const IrBlock *blk, const char *name) {
  uint32_t n = 0;
  for (uint32_t i = 0; i < blk->insts.len; i++) {
    const IrInst *in = blk->insts.data[i];
    n += in->op == IR_OP_LSET && in->sym && strcmp(in->sym, name) == 0;
    for (int k = 0; k < 2; k++)
      if (in->body[k]) n += count_sets(in->body[k], name);
  }
  return n;
}

// ---- the decision ---------------------------------------------------------------

static bool red_type_ok(const Type *t, IrOp op) {
  if (t->kind == TY_FLOAT) return true;
  if (t->kind != TY_INT) return false;
  // u64 min/max would compare signed in the runtime's i64 slots
  return !(t->bits == 64 && !t->is_signed && (op == IR_OP_CMP_LT || op == IR_OP_CMP_GT));
}

static void analyse(Par *p, IrInst *loop) {
  PassCtx *cx = p->cx;
  IrFunc *fn = p->fn;
  Arena *a = cx->m->arena;
  p->loop = loop;
  p->iv = loop->result;
  p->errors = false;
  memset(p->inbody, 0, sizeof(bool) * p->nvalues);
  memset(p->lflags, 0, sizeof(unsigned) * (p->nlocals ? p->nlocals : 1));
  mark_body(p, loop->body[0]);
  scan_locals(p, fn->body, false);
  p->ivslot = -1;
  const IrBlock *body = loop->body[0];
  if (body->insts.len) {
    const IrInst *first = body->insts.data[0];
    if (first->op == IR_OP_LSET && first->nargs == 1 && first->args[0] == p->iv)
      p->ivslot = pl_local_index(fn, first->sym);
  }
  // A loop variable assigned again in the body is an ordinary private local.
  if (p->ivslot >= 0 && count_sets(body, fn->locals.data[p->ivslot].name) > 1) p->ivslot = -1;
  const char *why = NULL;
  const IrInst *why_at = NULL;
  const char *reds = NULL;
  // reductions
  for (uint32_t k = 0; k < p->nlocals; k++) {
    if (!(p->lflags[k] & PL_WRITE) || (int)k == p->ivslot || !(p->lflags[k] & PL_READ)) continue;
    RedScan rs = {
        .name = fn->locals.data[k].name, .type = fn->locals.data[k].type, .op = IR_OP_COUNT};
    scan_reduction(p, body, &rs);
    if (rs.bad || rs.op == IR_OP_COUNT || rs.gets != rs.matched) continue;
    p->lflags[k] |= PL_REDUCTION;
    p->redop[k] = rs.op;
    const Type *t = rs.type;
    if (!why && !red_type_ok(t, rs.op)) {
      why = arena_printf(a, "its %s reduction of '%s' is on a type parallel_for cannot combine",
                         redop_text(rs.op), rs.name);
    } else if (!why && t->kind == TY_FLOAT && (rs.op == IR_OP_ADD || rs.op == IR_OP_MUL) &&
               !(fn->flags & IR_FN_FASTMATH)) {
      why = arena_printf(a,
                         "the float reduction '%s %s= ...' would round differently when split "
                         "across threads; use @kernel(fastmath=True) or --fastmath to allow it",
                         rs.name, rs.op == IR_OP_ADD ? "+" : "*");
    }
    reds = arena_printf(a, "%s%s%s $%s", reds ? reds : "", reds ? "," : "", redop_text(rs.op),
                        rs.name);
  }
  // loop-carried locals: errors
  bool *defd = arena_alloc(a, sizeof(bool) * (p->nlocals ? p->nlocals : 1));
  must_def(p, body, defd);
  for (uint32_t k = 0; k < p->nlocals; k++) {
    if (!(p->lflags[k] & PL_RBW)) continue;
    const char *nm = fn->locals.data[k].name;
    Diag *d = diag_error(cx->diags, p->rbw_at[k]->loc,
                         "prange iterations conflict: '%s' is read here before it is assigned in "
                         "the same iteration, so it carries a value from one iteration to the next",
                         nm);
    if (d)
      diag_note(cx->diags, d, loop->loc,
                "in this prange loop; only 'x += e', 'x -= e', 'x *= e', 'x = min(x, e)' and "
                "'x = max(x, e)' reductions may carry a value across iterations");
    p->errors = true;
  }
  // private locals used after the loop keep the last iteration's value only in order
  for (uint32_t k = 0; k < p->nlocals && !why; k++) {
    unsigned f = p->lflags[k];
    const char *nm = fn->locals.data[k].name;
    if ((f & PL_WRITE) && (f & PL_OUTSIDE) && !(f & PL_REDUCTION) && (int)k != p->ivslot &&
        nm[0] != '.')
      why = arena_printf(a, "'%s' is assigned in the body and used outside the loop", nm);
  }
  const char *sw = NULL;
  const IrInst *sat = serial_op(body, 0, &sw);
  if (!why && sat) {
    why = sw;
    why_at = sat;
  }
  pl_check_arrays(p);
  if (p->errors) return;
  if (why) {
    Diag *d = diag_warning(cx->diags, loop->loc, "prange loop runs sequentially: %s", why);
    if (d && why_at) diag_note(cx->diags, d, why_at->loc, "here");
    return;
  }
  loop->ival |= IR_FOR_OUTLINE;
  loop->sym = reds;
  loop->symlen = reds ? (uint32_t)strlen(reds) : 0;
}

// Outermost parallel loops only: a prange nested in an outlined body stays a
// sequential loop (its own flag IR_FOR_PARALLEL is kept).
static void walk(Par *p, IrBlock *blk) {
  for (uint32_t i = 0; i < blk->insts.len; i++) {
    IrInst *in = blk->insts.data[i];
    if (in->op == IR_OP_FOR && (in->ival & IR_FOR_PARALLEL) && in->body[0]) {
      in->ival &= ~(int64_t)IR_FOR_OUTLINE;
      in->sym = NULL;
      in->symlen = 0;
      analyse(p, in);
      continue;
    }
    for (int k = 0; k < 2; k++)
      if (in->body[k]) walk(p, in->body[k]);
  }
}

void pass_parloop(IrFunc *fn, PassCtx *cx) {
  Arena *a = cx->m->arena;
  Par p = {.cx = cx, .fn = fn, .nvalues = fn->value_types.len, .nlocals = fn->locals.len};
  uint32_t nv = p.nvalues ? p.nvalues : 1, nl = p.nlocals ? p.nlocals : 1;
  p.def = ARENA_ARRAY(a, IrInst *, nv);
  p.defblk = ARENA_ARRAY(a, IrBlock *, nv);
  p.uses = ARENA_ARRAY(a, uint32_t, nv);
  p.inbody = ARENA_ARRAY(a, bool, nv);
  p.lflags = ARENA_ARRAY(a, unsigned, nl);
  p.redop = ARENA_ARRAY(a, IrOp, nl);
  p.rbw_at = ARENA_ARRAY(a, IrInst *, nl);
  fill_defs(&p, fn->body);
  walk(&p, fn->body);
}
