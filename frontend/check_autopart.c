// check_autopart.c - @task(parallel=True) (issue 5): the compiler partitions
// the task's launches by itself. The body must be one loop over a region
// parameter's index space (`for i in W.ispace:`, n-d: `for p in W.ispace:`
// then `i, j = p`) plus statements that touch no region. Every region access
// in the loop is analysed per axis as `point + constant`: a region written
// only at the point gets a piece of the equal partition (row blocks along
// axis 0, one per worker); a region only read gets the halo of that
// partition whose width is the largest |constant| (u[i-1], u[i+1]: 1). The
// result is fn->autopart, used by the lowering of each call (an index launch
// over the workers, lower_partition.c). Anything it cannot analyse is a
// compile error naming the access (a user who asked for parallelism must
// not lose it silently, as with Regent's __demand(__parallel)). The order
// of the point launches and the runtime's dependences keep the sequential
// meaning; the analysis guarantees that pieces hold every point accessed.
#include "check.h"

#include <stdio.h>

#include "../ir/ir.h"

typedef struct Ap {
  Checker *ck;
  FuncDef *fn;
  const char *comp[3];  // interned names of the point's components
  unsigned nd;
  int width[64];  // per parameter: -1 not accessed, else max |offset|
  bool written[64];
  bool in_loop;
  int loop_depth;           // loops nested in the region loop
  const char *carried[64];  // names assigned before the region loop
  unsigned ncarried;
  bool ok;
} Ap;

static void fail(Ap *ap, SrcLoc loc, const char *fmt, const char *a, const char *b) {
  char msg[400];
  snprintf(msg, sizeof msg, fmt, a, b);
  ck_error(ap->ck, loc, "parallel task '%s': %s", ap->fn->name, msg);
  ap->ok = false;
}

static int region_param(const Ap *ap, const Expr *x) {
  if (!x || x->kind != EX_NAME || !x->name.sym || x->name.sym->kind != SYM_PARAM) return -1;
  const Type *t = x->name.sym->ty;
  return t && t->kind == TY_REGION && x->name.sym->index < 64 ? (int)x->name.sym->index : -1;
}

// Offset of index expression x on axis d from the point: true if `c_d + k`.
static bool offset_of(const Ap *ap, const Expr *x, unsigned d, int64_t *off) {
  const char *c = ap->comp[d];
  if (x->kind == EX_NAME) {
    *off = 0;
    return x->name.id == c;
  }
  if (x->kind != EX_BINOP || (x->bin.op != BIN_ADD && x->bin.op != BIN_SUB)) return false;
  int64_t k;
  if (x->bin.l->kind == EX_NAME && x->bin.l->name.id == c && ck_const_int(x->bin.r, &k)) {
    *off = x->bin.op == BIN_ADD ? k : -k;
    return *off > -(1 << 20) && *off < (1 << 20);
  }
  if (x->bin.op == BIN_ADD && x->bin.r->kind == EX_NAME && x->bin.r->name.id == c &&
      ck_const_int(x->bin.l, &k)) {
    *off = k;
    return k > -(1 << 20) && k < (1 << 20);
  }
  return false;
}

static void walk_expr(Ap *ap, Expr *e, bool store);

static void access(Ap *ap, Expr *e, bool store) {
  Expr *base = e->sub.value;
  int x = region_param(ap, base->attr.value);
  const char *src = ck_src(ap->ck, e->loc);
  if (!ap->in_loop) {
    fail(ap, e->loc,
         "%s is outside the loop over the region's index space (only that loop may touch regions)",
         src, "");
    return;
  }
  if (x < 0) {
    fail(ap, e->loc, "cannot analyse the access %s: not a region parameter", src, "");
    return;
  }
  int64_t w = 0;
  for (unsigned d = 0; d < e->sub.n; d++) {
    int64_t off;
    if (d >= ap->nd || !offset_of(ap, e->sub.index[d], d, &off)) {
      char ax[32];
      snprintf(ax, sizeof ax, "%u", d);
      fail(ap, e->sub.index[d]->loc,
           "cannot analyse the access %s: its index on axis %s is not the loop point plus a "
           "constant",
           src, ax);
      return;
    }
    if (off) {
      if (store) {
        fail(ap, e->loc, "writes %s, off the loop point (each piece may write only its own points)",
             src, "");
        return;
      }
      if ((off < 0 ? -off : off) > w) w = off < 0 ? -off : off;
    }
  }
  if (store) ap->written[x] = true;
  if (ap->width[x] < w) ap->width[x] = (int)w;
  if (ap->width[x] < 0) ap->width[x] = 0;
}

static void walk_list(Ap *ap, Expr **xs, uint32_t n) {
  for (uint32_t i = 0; i < n; i++) walk_expr(ap, xs[i], false);
}

static void walk_expr(Ap *ap, Expr *e, bool store) {
  if (!e) return;
  switch (e->kind) {
  case EX_SUBSCRIPT:
    if (e->sub.skind == SUB_RFIELD) {
      access(ap, e, store);
      return;
    }
    walk_expr(ap, e->sub.value, false);
    walk_list(ap, e->sub.index, e->sub.n);
    return;
  case EX_ATTR:
    if (e->attr.akind == ATTR_ISPACE || e->attr.akind == ATTR_VOLUME ||
        e->attr.akind == ATTR_BOUNDS) {
      fail(ap, e->loc, "uses %s (a piece's index space differs from the region's)",
           ck_src(ap->ck, e->loc), "");
      return;
    }
    walk_expr(ap, e->attr.value, false);
    return;
  case EX_NAME:
    if (region_param(ap, e) >= 0)
      fail(ap, e->loc,
           "passes region '%s' on (only accesses r.f[point + constant] can be analysed)",
           e->name.id, "");
    return;
  case EX_CALL:
    if (e->call.ckind == CALL_LAUNCH || e->call.ckind == CALL_FILL || e->call.ckind == CALL_COPY ||
        e->call.ckind == CALL_INDEX_LAUNCH || e->call.ckind == CALL_REGION_NEW ||
        e->call.ckind == CALL_PARTITION) {
      fail(ap, e->loc, "cannot analyse %s: a parallel task launches nothing and creates no region",
           ck_src(ap->ck, e->loc), "");
      return;
    }
    walk_list(ap, e->call.args, e->call.nargs);
    for (uint32_t i = 0; i < e->call.nkw; i++) walk_expr(ap, e->call.kw[i].value, false);
    return;
  case EX_BINOP:
    walk_expr(ap, e->bin.l, false);
    walk_expr(ap, e->bin.r, false);
    return;
  case EX_UNARY: walk_expr(ap, e->un.x, false); return;
  case EX_BOOLOP: walk_list(ap, e->boolop.xs, e->boolop.n); return;
  case EX_COMPARE:
    walk_expr(ap, e->cmp.first, false);
    walk_list(ap, e->cmp.rest, e->cmp.n);
    return;
  case EX_IFEXP:
    walk_expr(ap, e->ifexp.cond, false);
    walk_expr(ap, e->ifexp.then, false);
    walk_expr(ap, e->ifexp.els, false);
    return;
  case EX_TUPLE:
  case EX_LIST: walk_list(ap, e->seq.xs, e->seq.n); return;
  case EX_FSTRING:
    for (uint32_t i = 0; i < e->fstr.n; i++)
      if (e->fstr.parts[i].is_expr) walk_expr(ap, e->fstr.parts[i].expr, false);
    return;
  default: return;
  }
}

static void walk_block(Ap *ap, Block *b);

// A name assigned in the loop that was assigned before it is carried from
// one iteration (piece) to the next: the pieces would start from the wrong value.
static void assigned(Ap *ap, Expr *t) {
  if (!t) return;
  if (t->kind == EX_TUPLE || t->kind == EX_LIST) {
    for (uint32_t i = 0; i < t->seq.n; i++) assigned(ap, t->seq.xs[i]);
    return;
  }
  if (t->kind != EX_NAME) return;
  if (!ap->in_loop) {
    if (ap->ncarried < 64) ap->carried[ap->ncarried++] = t->name.id;
    return;
  }
  for (unsigned i = 0; i < ap->ncarried; i++)
    if (ap->carried[i] == t->name.id)
      fail(ap, t->loc,
           "'%s' is assigned before the loop and in it: its value would be carried from one piece "
           "to the next",
           t->name.id, "");
}

static void walk_stmt(Ap *ap, Stmt *s) {
  switch (s->kind) {
  case ST_EXPR: walk_expr(ap, s->expr, false); return;
  case ST_ASSIGN:
    for (uint32_t i = 0; i < s->assign.ntargets; i++) {
      walk_expr(ap, s->assign.targets[i], true);
      assigned(ap, s->assign.targets[i]);
    }
    walk_expr(ap, s->assign.value, false);
    return;
  case ST_AUGASSIGN:
    walk_expr(ap, s->aug.target, true);
    assigned(ap, s->aug.target);
    walk_expr(ap, s->aug.value, false);
    return;
  case ST_ANNASSIGN:
    walk_expr(ap, s->ann.target, true);
    assigned(ap, s->ann.target);
    walk_expr(ap, s->ann.value, false);
    return;
  case ST_IF:
    walk_expr(ap, s->if_.cond, false);
    walk_block(ap, &s->if_.then);
    walk_block(ap, &s->if_.els);
    return;
  case ST_WHILE:
    walk_expr(ap, s->while_.cond, false);
    ap->loop_depth++;
    walk_block(ap, &s->while_.body);
    ap->loop_depth--;
    return;
  case ST_FOR:
    walk_expr(ap, s->for_.iter, false);
    assigned(ap, s->for_.target);
    ap->loop_depth++;
    walk_block(ap, &s->for_.body);
    ap->loop_depth--;
    return;
  case ST_RETURN:
    if (ap->in_loop)
      fail(ap, s->loc, "cannot analyse '%s' inside the loop (a piece would stop alone)", "return",
           "");
    return;
  case ST_BREAK:
    if (ap->in_loop && ap->loop_depth == 0)
      fail(ap, s->loc, "cannot analyse '%s' out of the loop over the index space", "break", "");
    return;
  case ST_ASSERT:
    walk_expr(ap, s->assert_.test, false);
    walk_expr(ap, s->assert_.msg, false);
    return;
  case ST_RAISE: walk_expr(ap, s->raise.exc, false); return;
  default: return;
  }
}

static void walk_block(Ap *ap, Block *b) {
  for (uint32_t i = 0; i < b->n; i++)
    if (b->stmts[i]) walk_stmt(ap, b->stmts[i]);
}

void ck_autopart(Checker *ck, FuncDef *fn) {
  Ap ap = {.ck = ck, .fn = fn, .ok = true};
  for (int i = 0; i < 64; i++) ap.width[i] = -1;
  if (fn->nparams > 64 || !fn->privs) {
    ck_error(ck, fn->name_loc,
             "parallel task '%s' needs region parameters (and at most 64 parameters)", fn->name);
    return;
  }
  if (fn->ret_ty && fn->ret_ty->kind != TY_VOID) {
    ck_error(ck, fn->ret_annot ? fn->ret_annot->loc : fn->name_loc,
             "parallel task '%s' returns a value; its calls become index launches, which return "
             "nothing (use index_launch(..., reduce=op) by hand)",
             fn->name);
    return;
  }
  Stmt *loop = NULL;
  int w = -1;
  for (uint32_t i = 0; i < fn->body.n; i++) {
    Stmt *s = fn->body.stmts[i];
    Expr *it = s && s->kind == ST_FOR ? s->for_.iter : NULL;
    if (it && it->kind == EX_ATTR && it->attr.akind == ATTR_ISPACE &&
        region_param(&ap, it->attr.value) >= 0) {
      if (loop) {
        ck_error(
            ck, s->loc,
            "parallel task '%s' has more than one loop over an index space; it can partition one",
            fn->name);
        return;
      }
      loop = s;
      w = region_param(&ap, it->attr.value);
    }
  }
  if (!loop) {
    ck_error(ck, fn->name_loc,
             "parallel task '%s' has no loop over a region parameter's index space (for i in "
             "r.ispace:) to partition",
             fn->name);
    return;
  }
  const Type *wt = fn->params[w].ty;
  ap.nd = wt->ndim;
  Block *body = &loop->for_.body;
  uint32_t first = 0;
  Expr *t = loop->for_.target;
  if (!t || t->kind != EX_NAME) return;  // (reported by the checker)
  if (ap.nd == 1) {
    ap.comp[0] = t->name.id;
  } else {
    Stmt *u = body->n ? body->stmts[0] : NULL;
    Expr *tt = u && u->kind == ST_ASSIGN && u->assign.ntargets == 1 ? u->assign.targets[0] : NULL;
    bool ok = tt && tt->kind == EX_TUPLE && tt->seq.n == ap.nd &&
              u->assign.value->kind == EX_NAME && u->assign.value->name.id == t->name.id;
    for (unsigned d = 0; ok && d < ap.nd; d++) {
      ok = tt->seq.xs[d]->kind == EX_NAME;
      if (ok) ap.comp[d] = tt->seq.xs[d]->name.id;
    }
    if (!ok) {
      ck_error(ck, loop->loc,
               "parallel task '%s': the loop over a %u-d index space starts with the point's "
               "components (%s = %s)",
               fn->name, ap.nd, ap.nd == 2 ? "i, j" : "i, j, k", t->name.id);
      return;
    }
    first = 1;
  }
  for (uint32_t i = 0; i < fn->body.n; i++) {
    Stmt *s = fn->body.stmts[i];
    if (!s) continue;
    if (s != loop) {
      walk_stmt(&ap, s);
      continue;
    }
    ap.in_loop = true;
    for (uint32_t k = first; k < body->n; k++)
      if (body->stmts[k]) walk_stmt(&ap, body->stmts[k]);
    ap.in_loop = false;
  }
  for (uint32_t k = 0; ap.ok && k < fn->nparams; k++) {
    if (ap.width[k] < 0) continue;
    const Type *pt = fn->params[k].ty;
    if (pt->ndim != wt->ndim) {
      fail(&ap, fn->params[k].loc,
           "region '%s' has a different rank from '%s', the region it loops over",
           fn->params[k].name, fn->params[w].name);
    } else if (ap.written[k] && ap.width[k] > 0) {
      fail(&ap, fn->params[k].loc,
           "region '%s' is written at the loop point and read at an offset from it: a piece and a "
           "halo cannot be the same argument (read and write through two region parameters)",
           fn->params[k].name, "");
    }
  }
  if (!ap.ok) return;
  int16_t *plan = ARENA_ARRAY(ck->fe->arena, int16_t, fn->nparams ? fn->nparams : 1);
  for (uint32_t k = 0; k < fn->nparams; k++)
    plan[k] = (int16_t)(k == (uint32_t)w && ap.width[k] < 0 ? 0 : ap.width[k]);
  // The region looped over comes first in the plan's eyes: its equal
  // partition gives the pieces (lower_partition.c reads w as the first 0).
  fn->autopart = plan;
  fn->autopart_iter = (int16_t)w;
}
