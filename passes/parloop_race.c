// parloop_race.c - the race check of pass parloop: can two iterations of a
// prange loop touch the same array element, one of them writing it?
// Every LOAD/STORE of the body (inner loops and ifs included) gets an array
// base (a parameter or a value from before the loop, or a local slot that
// the body does not write; arrays made inside the body are private) and,
// per axis, an affine form  a*i + sum(k*sym) + c  in the loop variable i,
// loop-invariant symbols and inner-loop variables. For each store W and each
// access X of the same base: an axis where both forms are a*i + S + c with
// the same a != 0, S and c keeps iterations apart (no conflict); a[i + 1]
// against a[i] (same a, constant distance) or the same element on every
// axis (a[k] written by every iteration) is a conflict: an error naming
// both accesses; anything else (a[idx[i]], a[2*i] against a[i]) cannot be
// proven either way: a warning naming the store, the loop stays parallel.
// Different bases are assumed not to alias (as Numba does; documented).
#include "parloop.h"

#define AFF_TERMS 4
#define KEY_SLOT 0x80000000u   // a read-only local slot (index in the low bits)
#define KEY_INNER 0x40000000u  // an inner loop variable (varies inside one iteration)

typedef struct Aff {
  bool ok;
  int64_t a, c;  // coefficient of the loop variable, constant
  uint32_t n;
  uint32_t key[AFF_TERMS];
  int64_t k[AFF_TERMS];
} Aff;

typedef struct Access {
  IrInst *in;
  bool cond;      // under an IF of the body: perhaps not run by every iteration
  uint32_t base;  // value id, or KEY_SLOT | local
  uint32_t ndim;
  Aff *idx;  // ndim forms
} Access;

static Aff aff_bad(void) { return (Aff){.ok = false}; }

static void aff_add_term(Aff *r, uint32_t key, int64_t k) {
  for (uint32_t i = 0; i < r->n; i++)
    if (r->key[i] == key) {
      r->k[i] += k;
      return;
    }
  if (r->n == AFF_TERMS) {
    r->ok = false;
    return;
  }
  r->key[r->n] = key;
  r->k[r->n++] = k;
}

static Aff aff_scale(Aff x, int64_t s) {
  x.a *= s;
  x.c *= s;
  for (uint32_t i = 0; i < x.n; i++) x.k[i] *= s;
  return x;
}

static Aff aff_sum(Aff x, Aff y, int64_t sy) {
  if (!x.ok || !y.ok) return aff_bad();
  x.a += sy * y.a;
  x.c += sy * y.c;
  for (uint32_t i = 0; i < y.n && x.ok; i++) aff_add_term(&x, y.key[i], sy * y.k[i]);
  return x;
}

static bool aff_const(const Aff *x) { return x->ok && x->a == 0 && x->n == 0; }

static Aff aff_term(uint32_t key) {
  Aff r = {.ok = true, .n = 1};
  r.key[0] = key;
  r.k[0] = 1;
  return r;
}

static bool inner_iv(const Par *p, IrValue v) {
  // the induction variable of a FOR nested in the body
  const IrInst *d = p->def[v];
  return d && d->op == IR_OP_FOR && v != p->iv;
}

static Aff aff_of(const Par *p, IrValue v, int depth) {
  if (v >= p->nvalues || depth > 32) return aff_bad();
  if (v == p->iv) return (Aff){.ok = true, .a = 1};
  if (!p->inbody[v]) return aff_term(v);  // a parameter or a value from before the loop
  if (inner_iv(p, v)) return aff_term(KEY_INNER | v);
  const IrInst *d = p->def[v];
  if (!d) return aff_bad();
  const Type *t = d->type;
  switch (d->op) {
  case IR_OP_CONST: return t->kind == TY_INT ? (Aff){.ok = true, .c = d->ival} : aff_bad();
  case IR_OP_LGET: {
    int k = pl_local_index(p->fn, d->sym);
    if (k < 0) return aff_bad();
    if (k == p->ivslot) return (Aff){.ok = true, .a = 1};
    unsigned f = p->lflags[k];
    if (!(f & PL_WRITE)) return aff_term(KEY_SLOT | (uint32_t)k);
    if (f & PL_INNER_IV) return aff_term(KEY_INNER | KEY_SLOT | (uint32_t)k);
    return aff_bad();
  }
  case IR_OP_ADD:
    return aff_sum(aff_of(p, d->args[0], depth + 1), aff_of(p, d->args[1], depth + 1), 1);
  case IR_OP_SUB:
    return aff_sum(aff_of(p, d->args[0], depth + 1), aff_of(p, d->args[1], depth + 1), -1);
  case IR_OP_NEG: {
    Aff x = aff_of(p, d->args[0], depth + 1);
    return x.ok ? aff_scale(x, -1) : x;
  }
  case IR_OP_MUL: {
    Aff x = aff_of(p, d->args[0], depth + 1), y = aff_of(p, d->args[1], depth + 1);
    if (aff_const(&x) && y.ok) return aff_scale(y, x.c);
    if (aff_const(&y) && x.ok) return aff_scale(x, y.c);
    return aff_bad();
  }
  case IR_OP_CAST: {
    const Type *from = p->fn->value_types.data[d->args[0]];
    return t->kind == TY_INT && from->kind == TY_INT ? aff_of(p, d->args[0], depth + 1) : aff_bad();
  }
  case IR_OP_SELECT: {
    // the lowering's negative-index wrap: select(x < 0, x + dim, x) is x for
    // the indices a prange touches
    const IrInst *c = p->def[d->args[0]];
    if (c && c->op == IR_OP_CMP_LT && c->args[0] == d->args[2])
      return aff_of(p, d->args[2], depth + 1);
    return aff_bad();
  }
  default: return aff_bad();
  }
}

// ---- accesses ----------------------------------------------------------------------

// Base of an array value; false when the array is private to the iteration
// (made in the body, or held in a local the body writes) or unknown.
static bool base_of(const Par *p, IrValue v, uint32_t *base) {
  if (v >= p->nvalues) return false;
  if (!p->inbody[v]) {
    *base = v;
    return true;
  }
  const IrInst *d = p->def[v];
  if (d && d->op == IR_OP_LGET) {
    int k = pl_local_index(p->fn, d->sym);
    if (k >= 0 && !(p->lflags[k] & PL_WRITE)) {
      // the same slot read before the loop: compare by slot
      *base = KEY_SLOT | (uint32_t)k;
      return true;
    }
  }
  return false;
}

typedef Vec(Access) AccessVec;

static void collect(Par *p, IrBlock *blk, bool cond, AccessVec *out) {
  Arena *ar = p->cx->m->arena;
  for (uint32_t i = 0; i < blk->insts.len; i++) {
    IrInst *in = blk->insts.data[i];
    if ((in->op == IR_OP_LOAD || in->op == IR_OP_STORE) && in->nargs >= 2) {
      Access acc = {.in = in, .cond = cond};
      uint32_t nidx = in->nargs - 1 - (in->op == IR_OP_STORE);
      if (base_of(p, in->args[0], &acc.base)) {
        acc.ndim = nidx;
        acc.idx = ARENA_ARRAY(ar, Aff, nidx ? nidx : 1);
        for (uint32_t k = 0; k < nidx; k++) acc.idx[k] = aff_of(p, in->args[1 + k], 0);
        vec_push(ar, out, acc);
      }
    }
    for (int k = 0; k < 2; k++)
      if (in->body[k]) collect(p, in->body[k], cond || in->op == IR_OP_IF, out);
  }
}

// Base of the access in a local slot key: a base read through `lget $a`
// inside the body and the same array as a value before the loop are the
// same array only when the value is that slot's lget; compare the keys of
// the two forms through the slot they were read from.
static uint32_t canon_base(const Par *p, uint32_t base) {
  if (base & KEY_SLOT) return base;
  const IrInst *d = p->def[base];
  if (d && d->op == IR_OP_LGET) {
    int k = pl_local_index(p->fn, d->sym);
    if (k >= 0 && !(p->lflags[k] & PL_WRITE)) return KEY_SLOT | (uint32_t)k;
  }
  return base;
}

static bool same_terms(const Aff *x, const Aff *y) {
  Aff d = aff_sum(*x, *y, -1);
  if (!d.ok) return false;
  for (uint32_t i = 0; i < d.n; i++)
    if (d.k[i] != 0) return false;
  return true;
}

typedef enum { AX_APART, AX_DIST, AX_SAME, AX_UNKNOWN } AxisRel;

static AxisRel axis_rel(const Aff *x, const Aff *y) {
  if (!x->ok || !y->ok || !same_terms(x, y)) return AX_UNKNOWN;
  if (x->a != y->a) return AX_UNKNOWN;
  int64_t dist = y->c - x->c;
  if (x->a == 0) return dist == 0 ? AX_SAME : AX_APART;
  if (dist == 0) return AX_APART;  // equal only in the same iteration
  return dist % x->a == 0 ? AX_DIST : AX_APART;
}

static void check_pair(Par *p, const Access *w, const Access *x, bool *warned) {
  if (w->ndim != x->ndim) return;
  bool apart = false, unknown = false;
  for (uint32_t k = 0; k < w->ndim; k++) {
    AxisRel r = axis_rel(&w->idx[k], &x->idx[k]);
    apart |= r == AX_APART;
    unknown |= r == AX_UNKNOWN;
  }
  if (apart) return;
  DiagSink *ds = p->cx->diags;
  if (unknown) {
    const Access *u = w;
    for (uint32_t k = 0; k < w->ndim; k++)
      if (!w->idx[k].ok)
        u = w;
      else if (!x->idx[k].ok)
        u = x;
    if (!warned[u == w ? 0 : 1] && !p->errors) {
      diag_warning(ds, u->in->loc,
                   "prange: cannot prove that iterations do not conflict on %s (index not "
                   "affine in the loop variable); the loop runs in parallel",
                   pl_access_text(p, u->in));
      warned[u == w ? 0 : 1] = true;
    }
    return;
  }
  // every axis: same element, or a constant distance between iterations
  if (w == x) {
    // a store at an index free of the loop variable (a[k], or a[j] for an
    // inner loop's j): every iteration writes the same elements; under an
    // if (`if i == 0: a[0] = v`) perhaps only one iteration does
    if (w->cond) {
      if (!warned[0])
        diag_warning(ds, w->in->loc,
                     "prange: iterations may conflict: %s does not depend on the loop variable "
                     "(written only under a condition here); the loop runs in parallel",
                     pl_access_text(p, w->in));
      warned[0] = true;
      return;
    }
    Diag *d = diag_error(ds, w->in->loc, "prange iterations conflict: every iteration writes %s",
                         pl_access_text(p, w->in));
    if (d) diag_note(ds, d, p->loop->loc, "in this prange loop");
    p->errors = true;
    return;
  }
  Diag *d = diag_error(ds, w->in->loc, "prange iterations conflict: %s written here",
                       pl_access_text(p, w->in));
  if (d)
    diag_note(ds, d, x->in->loc, "another iteration %s the same element here as %s",
              x->in->op == IR_OP_STORE ? "writes" : "reads", pl_access_text(p, x->in));
  p->errors = true;
}

void pl_check_arrays(Par *p) {
  AccessVec acc = {0};
  collect(p, p->loop->body[0], false, &acc);
  for (uint32_t i = 0; i < acc.len; i++) acc.data[i].base = canon_base(p, acc.data[i].base);
  for (uint32_t i = 0; i < acc.len; i++) {
    const Access *w = &acc.data[i];
    if (w->in->op != IR_OP_STORE) continue;
    bool warned[2] = {false, false};
    for (uint32_t j = 0; j < acc.len; j++) {
      const Access *x = &acc.data[j];
      if (x->base != w->base) continue;
      if (x->in->op == IR_OP_STORE && j < i) continue;  // store pairs once
      check_pair(p, w, x, warned);
      if (p->errors) return;  // one conflict per loop is enough
    }
  }
}

const char *pl_access_text(Par *p, const IrInst *in) {
  SrcManager *sm = p->cx->diags->sm;
  if (sm && in->loc.file != SRC_NONE && in->loc.file < sm->files.len) {
    SrcFile *f = srcmgr_file(sm, in->loc.file);
    uint32_t s = in->loc.start, e = s;
    while (e < f->len &&
           (f->text[e] == '_' || f->text[e] == '.' || (unsigned char)f->text[e] >= 0x80 ||
            (f->text[e] >= '0' && f->text[e] <= '9') ||
            ((f->text[e] | 32) >= 'a' && (f->text[e] | 32) <= 'z')))
      e++;
    if (e > s && e < f->len && f->text[e] == '[') {
      int depth = 0;
      for (; e < f->len && f->text[e] != '\n'; e++) {
        depth += f->text[e] == '[';
        if (f->text[e] == ']' && --depth == 0) break;
      }
      if (e < f->len && f->text[e] == ']')
        return arena_printf(p->cx->m->arena, "%.*s", (int)(e + 1 - s), f->text + s);
    }
  }
  const char *nm = "an array";
  IrValue a = in->args[0];
  if (a < p->fn->nparams && p->fn->param_names[a])
    nm = p->fn->param_names[a];
  else if (p->def[a] && p->def[a]->op == IR_OP_LGET)
    nm = p->def[a]->sym;
  return arena_printf(p->cx->m->arena, "%s[...]", nm);
}
