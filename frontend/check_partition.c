// check_partition.c - partitions and index launches in the checker (issue 5):
// Partition.equal / restrict / halo / image / by_field / preimage (a
// Partition type that records how the partition was made, hence whether it
// is disjoint), P.color_space, FutureMaps (fm[i].get(), fm.wait()), pieces
// P[i] / P[i, j] / P[c], `for q in P`, `for i in IndexLaunch([n]): t(P[i], ...)` and
// `index_launch([n], t, P[ID], ..., reduce=op)`. An index launch is verified
// here: every region argument the task writes (RW, WD) must be a piece of a
// disjoint partition through the identity projection (P[i] / P[ID]);
// aliased partitions and whole regions may only be read or reduced.
// Otherwise a compile error names the argument and says why.
#include "check.h"

#include <stdio.h>

#include "../ir/ir.h"

static const Type *set(Expr *e, const Type *t) {
  e->ty = t;
  return t;
}

// The canonical name of the pyc_task builtin that x names (Partition,
// pt.ID, ...), or NULL; no diagnostics. Records the symbol on x.
static const char *builtin_of(Checker *ck, Expr *x) {
  Symbol *s = NULL;
  if (x && x->kind == EX_NAME) {
    s = ck_lookup(ck, x->name.id);
    if (s && s->kind == SYM_BUILTIN) x->name.sym = s;
  } else if (x && x->kind == EX_ATTR) {
    Symbol *m = ck_module_sym(ck, x->attr.value);
    if (m && fe_known_module(m->name)) s = ck_module_member(ck, m->name, x->attr.attr, x->loc);
    if (s && s->kind == SYM_BUILTIN) {
      x->attr.akind = ATTR_MODULE;
      x->attr.sym = s;
    }
  }
  return s && s->kind == SYM_BUILTIN ? s->name : NULL;
}

static bool is_id(Checker *ck, Expr *x) {
  const char *n = builtin_of(ck, x);
  return n && strcmp(n, "pyc_task.ID") == 0;
}

// Is x spelled `NAME.color_space` (a partition's color space, once checked)?
static bool is_color_space(const Expr *x) {
  return x && x->kind == EX_ATTR && x->attr.attr && strcmp(x->attr.attr, "color_space") == 0 &&
         x->attr.value && x->attr.value->kind == EX_NAME;
}

static bool int_expr(Checker *ck, Expr *x, const char *what) {
  const Type *t = x ? ck_expr(ck, x) : NULL;
  if (t && t->kind != TY_INT && t->kind != TY_BOOL) {
    ck_error(ck, x->loc, "%s must be an integer, found %s", what, ck_tyname(ck, t));
    return false;
  }
  return t != NULL;
}

// Integers of a list/tuple (nested one level when `flat2`), or one integer:
// stored in out[0..max); returns the count, or -1 after a diagnostic.
static int int_list(Checker *ck, Expr *x, Expr **out, int max, bool flat2, const char *what) {
  if (!x) return -1;
  if (x->kind != EX_LIST && x->kind != EX_TUPLE) {
    const Type *t = max < 1 ? NULL : ck_expr(ck, x);
    if (!t) return -1;
    if (t->kind == TY_COLORSPACE) {  // P.color_space or cs: its color counts, one per axis
      if ((int)t->ndim > max) {
        ck_error(ck, x->loc, "%s: too many values (at most %d)", what, max);
        return -1;
      }
      for (unsigned d = 0; d < t->ndim; d++) out[d] = x;
      return (int)t->ndim;
    }
    if (t->kind != TY_INT && t->kind != TY_BOOL) {
      ck_error(ck, x->loc, "%s must be an integer, found %s", what, ck_tyname(ck, t));
      return -1;
    }
    out[0] = x;
    return 1;
  }
  int n = 0;
  bool ok = true;
  for (uint32_t i = 0; i < x->seq.n; i++) {
    Expr *y = x->seq.xs[i];
    if (flat2 && y && (y->kind == EX_LIST || y->kind == EX_TUPLE)) {
      int k = int_list(ck, y, out + n, max - n, false, what);
      if (k < 0) return -1;
      n += k;
      continue;
    }
    if (n >= max) {
      ck_error(ck, x->loc, "%s: too many values (at most %d)", what, max);
      return -1;
    }
    if (!int_expr(ck, y, what)) ok = false;
    out[n++] = y;
  }
  return ok ? n : -1;
}

// ---- Partition.equal / restrict / halo ----------------------------------------------
static const Type *region_operand(Checker *ck, Expr *a, const char *what) {
  const Type *t = a ? ck_expr(ck, a) : NULL;
  if (t && t->kind != TY_REGION) {
    ck_error(ck, a->loc, "%s needs a region, found %s", what, ck_tyname(ck, t));
    return NULL;
  }
  return t;
}

// restrict: disjoint when every color axis moves one region axis by a
// constant step at least the extent on that axis (as Legion's
// create_partition_by_restriction with a diagonal transform).
static bool restrict_disjoint(Expr **tr, Expr **ext, unsigned nd, unsigned cd) {
  for (unsigned j = 0; j < cd; j++) {
    bool ok = false;
    for (unsigned d = 0; d < nd; d++) {
      int64_t s, e;
      if (!ck_const_int(tr[d * cd + j], &s) || !ck_const_int(ext[d], &e) || s == 0) continue;
      bool only = true;
      for (unsigned k = 0; k < cd; k++) {
        int64_t o;
        if (k != j && (!ck_const_int(tr[d * cd + k], &o) || o != 0)) only = false;
      }
      if (only && (s < 0 ? -s : s) >= e) ok = true;
    }
    if (!ok) return false;
  }
  return true;
}

static const char *point_name(unsigned nd) { return nd == 1 ? "int64" : nd == 2 ? "int2d" : "int3d"; }

// The index of field `f` of region type `holder` holding points of the
// nd-d region `target` (int64 in 1-d, int2d / int3d), or -1 after a
// diagnostic naming the constructor.
static int pointer_field(Checker *ck, Expr *f, const Type *holder, unsigned nd, const char *what,
                         SrcLoc at) {
  const Type *fs = holder->elem;
  int k = f && f->kind == EX_STR ? type_struct_field(fs, f->str.s) : -1;
  if (k >= 0 && type_point_rank(fs->elems[k]) == nd) return k;
  const char *name = f && f->kind == EX_STR ? f->str.s : "?";
  if (k < 0)
    ck_error(ck, f ? f->loc : at, "Partition.%s: %s has no field '%s'", what,
             ck_tyname(ck, holder), name);
  else if (strcmp(what, "by_field") == 0)
    ck_error(ck, f->loc, "Partition.%s: field '%s' is %s; the colors of a %u-d color space are %s",
             what, name, ck_tyname(ck, fs->elems[k]), nd, point_name(nd));
  else
    ck_error(ck, f->loc, "Partition.%s: field '%s' is %s; pointers into a %u-d region are %s", what,
             name, ck_tyname(ck, fs->elems[k]), nd, point_name(nd));
  return -1;
}

// by_field(R, 'color', [n, ...]): piece c = the points whose color field
// (int64 for 1-d colors, int2d / int3d for 2-d / 3-d) is c. Disjoint by
// construction (each point has one color).
static const Type *by_field(Checker *ck, Expr *e) {
  Expr **a = e->call.args, *xs[3];
  if (e->call.nargs != 3) {
    ck_error(ck, e->loc, "Partition.by_field takes (region, 'color field', colors)");
    return set(e, NULL);
  }
  const Type *r = region_operand(ck, a[0], "Partition.by_field");
  int n = int_list(ck, a[2], xs, 3, false, "a color count");
  if (!r || n < 1) return set(e, NULL);
  int k = pointer_field(ck, a[1], r, (unsigned)n, "by_field", e->loc);
  if (k < 0) return set(e, NULL);
  e->call.ckind = CALL_PARTITION;
  e->call.field_a = 6;
  e->call.field_b = k;
  return set(e, type_partition(ck->tt, r, (unsigned)n, PART_BY_FIELD));
}

// preimage(R, P, 'ptr'[, colors]): piece c = the points of R whose pointer
// field ptr (a point of P's region: int64, int2d, int3d) lies in P[c]. Disjoint when P is (statically), else aliased, as
// in Legion.
static const Type *preimage(Checker *ck, Expr *e) {
  Expr **a = e->call.args, *xs[3];
  if (e->call.nargs < 3 || e->call.nargs > 4) {
    ck_error(ck, e->loc, "Partition.preimage takes (region, partition, 'pointer field'[, colors])");
    return set(e, NULL);
  }
  const Type *r = region_operand(ck, a[0], "Partition.preimage");
  const Type *p = ck_expr(ck, a[1]);
  int n = e->call.nargs == 4 ? int_list(ck, a[3], xs, 3, false, "a color count") : 0;
  if (p && p->kind != TY_PARTITION) {
    ck_error(ck, a[1]->loc, "Partition.preimage needs a partition, found %s", ck_tyname(ck, p));
    return set(e, NULL);
  }
  if (!r || !p || n < 0) return set(e, NULL);
  if (n && (unsigned)n != p->ndim) {
    ck_error(ck, a[3]->loc, "Partition.preimage: the colors are those of %s (%u-d), found %d",
             ck_src(ck, a[1]->loc), p->ndim, n);
    return set(e, NULL);
  }
  int k = pointer_field(ck, a[2], r, p->elem->ndim, "preimage", e->loc);
  if (k < 0) return set(e, NULL);
  e->call.ckind = CALL_PARTITION;
  e->call.field_a = 7;
  e->call.field_b = k;
  unsigned kind = type_part_disjoint(p) ? PART_PREIMAGE : PART_PREIMAGE_ALIASED;
  return set(e, type_partition(ck->tt, r, p->ndim, kind));
}

static const Type *partition_ctor(Checker *ck, Expr *e, const char *what) {
  Expr **a = e->call.args;
  uint32_t na = e->call.nargs;
  if (e->call.nkw) {
    ck_error(ck, e->call.kw[0].loc, "Partition.%s takes no keyword arguments", what);
    return set(e, NULL);
  }
  Expr *xs[16];
  if (strcmp(what, "equal") == 0) {
    if (na != 2) {
      ck_error(ck, e->loc,
               "Partition.equal takes a region and color counts: Partition.equal(R, [n])");
      return set(e, NULL);
    }
    const Type *r = region_operand(ck, a[0], "Partition.equal");
    int n = int_list(ck, a[1], xs, 3, false, "a color count");
    if (!r || n < 0) return set(e, NULL);
    if ((unsigned)n != r->ndim) {
      ck_error(ck, a[1]->loc, "Partition.equal of a %u-d region takes %u color count%s, found %d",
               r->ndim, r->ndim, r->ndim == 1 ? "" : "s", n);
      return set(e, NULL);
    }
    e->call.ckind = CALL_PARTITION;
    e->call.field_a = 0;
    return set(e, type_partition(ck->tt, r, r->ndim, PART_EQUAL));
  }
  if (strcmp(what, "restrict") == 0) {
    if (na != 4) {
      ck_error(ck, e->loc, "Partition.restrict takes (region, colors, transform, extent)");
      return set(e, NULL);
    }
    const Type *r = region_operand(ck, a[0], "Partition.restrict");
    Expr *tr[9], *ext[3];
    int cd = int_list(ck, a[1], xs, 3, false, "a color count");
    int nt = int_list(ck, a[2], tr, 9, true, "a transform entry");
    int nx = int_list(ck, a[3], ext, 3, false, "an extent");
    if (!r || cd < 1 || nt < 0 || nx < 0) return set(e, NULL);
    if ((unsigned)nt != r->ndim * (unsigned)cd || (unsigned)nx != r->ndim) {
      ck_error(ck, e->loc,
               "Partition.restrict of a %u-d region with %d color axes takes a %ux%d transform and "
               "%u extent%s",
               r->ndim, cd, r->ndim, cd, r->ndim, r->ndim == 1 ? "" : "s");
      return set(e, NULL);
    }
    e->call.ckind = CALL_PARTITION;
    e->call.field_a = 1;
    unsigned kind =
        restrict_disjoint(tr, ext, r->ndim, (unsigned)cd) ? PART_RESTRICT : PART_RESTRICT_ALIASED;
    return set(e, type_partition(ck->tt, r, (unsigned)cd, kind));
  }
  if (strcmp(what, "halo") == 0) {
    if (na != 2) {
      ck_error(ck, e->loc, "Partition.halo takes a partition and a width: Partition.halo(P, 1)");
      return set(e, NULL);
    }
    const Type *p = ck_expr(ck, a[0]);
    bool w = int_expr(ck, a[1], "a halo width");
    if (p && p->kind != TY_PARTITION) {
      ck_error(ck, a[0]->loc, "Partition.halo needs a partition, found %s", ck_tyname(ck, p));
      return set(e, NULL);
    }
    if (!p || !w) return set(e, NULL);
    e->call.ckind = CALL_PARTITION;
    e->call.field_a = 2;
    return set(e, type_partition(ck->tt, p->elem, p->ndim, PART_HALO));
  }
  if (strcmp(what, "image") == 0) {  // image(R, P, 'ptr', colors): exact (sparse) pieces;
                                     // ptr holds points of R (int64, int2d, int3d)
    if (na < 3 || na > 4) {
      ck_error(ck, e->loc, "Partition.image takes (region, partition, 'pointer field'[, colors])");
      return set(e, NULL);
    }
    const Type *r = region_operand(ck, a[0], "Partition.image");
    const Type *p = ck_expr(ck, a[1]);
    if (na == 4 && int_list(ck, a[3], xs, 3, false, "a color count") < 0) return set(e, NULL);
    if (p && p->kind != TY_PARTITION) {
      ck_error(ck, a[1]->loc, "Partition.image needs a partition, found %s", ck_tyname(ck, p));
      return set(e, NULL);
    }
    if (!r || !p) return set(e, NULL);
    int k = pointer_field(ck, a[2], p->elem, r->ndim, "image", e->loc);
    if (k < 0) return set(e, NULL);
    e->call.ckind = CALL_PARTITION;
    e->call.field_a = 3;
    e->call.field_b = k;
    return set(e, type_partition(ck->tt, r, p->ndim, PART_IMAGE));
  }
  if (strcmp(what, "by_field") == 0) return by_field(ck, e);
  if (strcmp(what, "preimage") == 0) return preimage(ck, e);
  ck_error(ck, e->loc,
           "Partition has no constructor '%s' (equal, restrict, halo, image, by_field, preimage)",
           what);
  return set(e, NULL);
}

static const Type *future_map_method(Checker *ck, Expr *e, bool *handled);

const Type *ck_part_method(Checker *ck, Expr *e, bool *handled) {
  Expr *f = e->call.func;
  *handled = false;
  if (!f || f->kind != EX_ATTR || !f->attr.attr) return NULL;
  const Type *fm = future_map_method(ck, e, handled);  // fm[i].get(), fm.wait()
  if (*handled) return fm;
  const char *n = builtin_of(ck, f->attr.value);
  if (!n || strcmp(n, "pyc_task.Partition") != 0) return NULL;
  *handled = true;
  return partition_ctor(ck, e, f->attr.attr);
}

// ---- pieces: P[i] ------------------------------------------------------------------
static const Type *partition_of(Checker *ck, Expr *x) {
  if (!x || x->kind != EX_NAME) return NULL;
  Symbol *s = ck_lookup(ck, x->name.id);
  return s && s->ty && s->ty->kind == TY_PARTITION ? s->ty : NULL;
}

// Is x a variable that holds a color space (cs = P.color_space)?
static bool color_space_var(Checker *ck, Expr *x) {
  if (!x || x->kind != EX_NAME) return false;
  Symbol *s = ck_lookup(ck, x->name.id);
  return s && s->ty && s->ty->kind == TY_COLORSPACE;
}

const Type *ck_part_subscript(Checker *ck, Expr *e, bool *handled) {
  *handled = false;
  if (!partition_of(ck, e->sub.value)) return NULL;
  *handled = true;
  const Type *p = ck_expr(ck, e->sub.value);
  if (!p) return set(e, NULL);
  if (e->sub.n == 1 && e->sub.index[0] && is_id(ck, e->sub.index[0])) {
    ck_error(ck, e->loc, "%s is only an argument of index_launch(...); in a loop use P[i]",
             ck_src(ck, e->loc));
    return set(e, NULL);
  }
  bool ok = true;
  if (e->sub.n == 1 && p->ndim > 1) {  // P[c] with c a tuple point
    const Type *t = e->sub.index[0] ? ck_expr(ck, e->sub.index[0]) : NULL;
    bool pt = t && t->kind == TY_TUPLE && t->nelems == p->ndim;
    for (uint32_t i = 0; pt && i < t->nelems; i++) pt = t->elems[i]->kind == TY_INT;
    if (t && !pt) {
      ck_error(ck, e->sub.index[0]->loc,
               "a piece of a %u-d partition is P[i, j%s] or P[c] with c a point", p->ndim,
               p->ndim == 3 ? ", k" : "");
      ok = false;
    }
    if (!t) ok = false;
  } else {
    for (uint32_t i = 0; i < e->sub.n; i++) {
      Expr *x = e->sub.index[i];
      if (!x || x->kind == EX_SLICE) {
        if (x) ck_error(ck, x->loc, "partition pieces are indexed by colors, not slices");
        ok = false;
      } else if (!int_expr(ck, x, "a color")) {
        ok = false;
      }
    }
    if (ok && e->sub.n != p->ndim) {
      ck_error(ck, e->loc,
               "a partition with a %u-d color space is indexed with %u color%s, found %u", p->ndim,
               p->ndim, p->ndim == 1 ? "" : "s", e->sub.n);
      ok = false;
    }
  }
  if (!ok) return set(e, NULL);
  e->sub.skind = SUB_PIECE;
  return set(e, p->elem);
}

// ---- index launches ----------------------------------------------------------------
enum { ARG_PLAIN, ARG_PROJECTED, ARG_ID };

static const char *part_origin(Checker *ck, Expr *pexpr, char *buf, size_t n) {
  const Type *p = pexpr->ty;
  const char *kind = p && p->bits < PART_KIND_COUNT ? type_part_kind_text[p->bits] : "?";
  Symbol *s = pexpr->kind == EX_NAME ? pexpr->name.sym : NULL;
  if (s && s->def_loc.file != SRC_NONE)
    snprintf(buf, n, "Partition.%s at line %u", kind, srcmgr_line(ck->fe->sm, s->def_loc));
  else
    snprintf(buf, n, "Partition.%s", kind);
  return buf;
}

// The non-interference check of an index launch of g.
static bool verify_points(Checker *ck, FuncDef *g, Expr **args, const uint8_t *kind) {
  bool ok = true;
  for (uint32_t k = 0; k < g->nparams; k++) {
    const Type *t = g->params[k].ty;
    if (!t || t->kind != TY_REGION || !args[k]) continue;
    IrPriv pv = g->privs ? g->privs[k] : (IrPriv){IR_PRIV_RW, 0, 0};
    bool writes = pv.mode == IR_PRIV_RW || pv.mode == IR_PRIV_WD;
    if (!writes) continue;
    Expr *a = args[k];
    if (kind[k] == ARG_PROJECTED) {
      Expr *pe = a->sub.value;
      if (pe->ty && !type_part_disjoint(pe->ty)) {
        char org[160];
        ck_error(ck, a->loc, "index launch writes %s of aliased partition %s (from %s%s)",
                 ck_src(ck, a->loc), ck_src(ck, pe->loc), part_origin(ck, pe, org, sizeof org),
                 pe->ty->bits == PART_RESTRICT_ALIASED   ? ", whose pieces may overlap"
                 : pe->ty->bits == PART_PREIMAGE_ALIASED ? ", the preimage of an aliased partition"
                                                         : "");
        ok = false;
      }
      continue;
    }
    ck_error(ck, a->loc,
             "index launch writes %s in every point task (parameter '%s' of '%s' is %s); only "
             "pieces of a disjoint partition through the identity projection (P[i]) may be written",
             ck_src(ck, a->loc), g->params[k].name, g->name, pv.mode == IR_PRIV_WD ? "WD" : "RW");
    ok = false;
  }
  return ok;
}

// Does the source text of x mention identifier `id`?
static bool mentions(Checker *ck, Expr *x, const char *id) {
  SrcFile *f = srcmgr_file(ck->fe->sm, x->loc.file);
  size_t n = strlen(id);
  if (!f || x->loc.end > f->len) return false;
  for (uint32_t i = x->loc.start; i + n <= x->loc.end; i++) {
    if (strncmp(f->text + i, id, n) != 0) continue;
    char b = i > x->loc.start ? f->text[i - 1] : ' ', c = i + n < x->loc.end ? f->text[i + n] : ' ';
    bool wb = b == '_' || (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') ||
              (b >= '0' && b <= '9') || b == '.';
    bool wc =
        c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    if (!wb && !wc) return true;
  }
  return false;
}

static const Type *index_space(Checker *ck, Expr *it, unsigned *cdim) {
  Expr *xs[3];
  if (it->call.nargs != 1 || it->call.nkw) {
    ck_error(ck, it->loc,
             "IndexLaunch takes the color counts: IndexLaunch([n]) or IndexLaunch([n, m])");
    return NULL;
  }
  int n = int_list(ck, it->call.args[0], xs, 3, false, "a color count");
  if (n < 1) return NULL;
  *cdim = (unsigned)n;
  return type_point(ck->tt, (unsigned)n);
}

const Type *ck_part_for(Checker *ck, Expr *it) {
  if (!it) return NULL;
  if ((is_color_space(it) && partition_of(ck, it->attr.value)) || color_space_var(ck, it)) {
    const Type *c = ck_expr(ck, it);  // for c in P.color_space / for c in cs
    return c && c->kind == TY_COLORSPACE ? type_point(ck->tt, c->ndim) : NULL;
  }
  if (it->kind == EX_NAME && partition_of(ck, it)) {  // for q in P: the pieces
    const Type *p = ck_expr(ck, it);
    return p ? p->elem : NULL;
  }
  if (it->kind != EX_CALL) return NULL;
  const char *n = builtin_of(ck, it->call.func);
  if (!n || strcmp(n, "pyc_task.IndexLaunch") != 0) return NULL;
  unsigned cd = 0;
  const Type *pt = index_space(ck, it, &cd);
  if (!pt) {
    // keep the loop checkable: the point type of a 1-d launch
    return ck->tt->t_i64;
  }
  it->call.ckind = CALL_INDEX_SPACE;
  it->call.field_a = (int)cd;
  return set(it, pt);
}

void ck_part_for_done(Checker *ck, Stmt *s) {
  Expr *it = s->for_.iter, *t = s->for_.target;
  if (!it || it->kind != EX_CALL || it->call.ckind != CALL_INDEX_SPACE || !t || t->kind != EX_NAME)
    return;
  Block *b = &s->for_.body;
  Stmt *st = b->n == 1 ? b->stmts[0] : NULL;
  Expr *c = st && st->kind == ST_EXPR ? st->expr : NULL;
  if (!c || c->kind != EX_CALL || c->call.ckind != CALL_LAUNCH || !c->call.callee) {
    if (!c || c->kind != EX_CALL || c->ty)  // (a launch with errors was reported already)
      ck_error(ck, st ? st->loc : s->loc,
               "the body of an IndexLaunch loop is one task launch, t(P[%s], ...), whose region "
               "arguments are the pieces",
               t->name.id);
    it->call.ckind = CALL_UNRESOLVED;
    return;
  }
  FuncDef *g = c->call.callee;
  uint8_t kind[64] = {0};
  bool ok = c->call.nargs == g->nparams && g->nparams <= 64;
  for (uint32_t k = 0; ok && k < c->call.nargs; k++) {
    Expr *a = c->call.args[k];
    if (a->kind == EX_SUBSCRIPT && a->sub.skind == SUB_PIECE && a->sub.n == 1 &&
        a->sub.index[0]->kind == EX_NAME && a->sub.index[0]->name.id == t->name.id) {
      kind[k] = ARG_PROJECTED;
    } else if (a->kind == EX_NAME && a->name.id == t->name.id) {
      kind[k] = ARG_ID;
      if (it->call.field_a != 1) {
        ck_error(ck, a->loc,
                 "the point of a %d-d IndexLaunch cannot be passed to a task (only 1-d points are)",
                 it->call.field_a);
        ok = false;
      }
    } else if (mentions(ck, a, t->name.id)) {
      ck_error(ck, a->loc,
               "index launch argument '%s' depends on the launch point; pass P[%s] (a piece) or "
               "%s itself",
               ck_src(ck, a->loc), t->name.id, t->name.id);
      ok = false;
    }
  }
  if (ok) ok = verify_points(ck, g, c->call.args, kind);
  if (!ok) it->call.ckind = CALL_UNRESOLVED;
}

// index_launch(colors, t, args..., reduce=op)
const Type *ck_part_index_launch(Checker *ck, Expr *e) {
  Expr **a = e->call.args;
  uint32_t na = e->call.nargs;
  if (na < 2) {
    ck_error(ck, e->loc, "index_launch takes the color counts, a task and its arguments");
    return set(e, NULL);
  }
  Expr *xs[3];
  int cd = int_list(ck, a[0], xs, 3, false, "a color count");
  Symbol *ts = a[1] && a[1]->kind == EX_NAME ? ck_lookup(ck, a[1]->name.id) : NULL;
  FuncDef *g = ts && ts->kind == SYM_FUNC ? ts->func : NULL;
  if (!g || g->fkind != FN_TASK) {
    ck_error(ck, a[1] ? a[1]->loc : e->loc,
             "the second argument of index_launch is a @task, found '%s'",
             a[1] ? ck_src(ck, a[1]->loc) : "");
    return set(e, NULL);
  }
  if (na - 2 != g->nparams || g->nparams > 64) {
    ck_error(ck, e->loc, "task '%s' takes %u argument%s, index_launch passes %u", g->name,
             g->nparams, g->nparams == 1 ? "" : "s", na - 2);
    return set(e, NULL);
  }
  int redop = -1;
  for (uint32_t k = 0; k < e->call.nkw; k++) {
    Keyword *kw = &e->call.kw[k];
    Expr *v = kw->value;
    if (!kw->name || strcmp(kw->name, "reduce") != 0) {
      ck_error(ck, kw->loc,
               "index_launch takes one keyword argument, reduce='+' ('*', 'min', 'max')");
      return set(e, NULL);
    }
    for (int i = 0; v && v->kind == EX_STR && i < IR_REDOP_COUNT; i++)
      if (strcmp(v->str.s, ir_redop_text[i]) == 0) redop = i;
    if (redop < 0) {
      ck_error(ck, kw->loc, "reduce= is one of '+', '*', 'min', 'max'");
      return set(e, NULL);
    }
    const Type *rt = g->ret_ty;
    if (!rt || !((rt->kind == TY_INT && rt->bits == 64 && rt->is_signed) ||
                 (rt->kind == TY_FLOAT && rt->bits == 64))) {
      ck_error(
          ck, kw->loc,
          "index_launch(..., reduce=) needs a task returning int64 or float64; '%s' returns %s",
          g->name, rt ? ck_tyname(ck, rt) : "nothing");
      return set(e, NULL);
    }
  }
  bool ok = cd >= 1;
  uint8_t kind[64] = {0};
  int id_param = -1;
  for (uint32_t k = 0; k < g->nparams; k++) {
    Expr *x = a[2 + k];
    const Type *pt = g->params[k].ty;
    if (!x || !pt) {
      ok = false;
      continue;
    }
    if (x->kind == EX_SUBSCRIPT && x->sub.n == 1 && x->sub.index[0] && is_id(ck, x->sub.index[0])) {
      const Type *p = ck_expr(ck, x->sub.value);
      if (p && (p->kind != TY_PARTITION || p->elem != pt || (cd >= 1 && p->ndim != (unsigned)cd))) {
        ck_error(
            ck, x->loc,
            "%s: argument %u of '%s' is %s; P[ID] needs a partition of it with a %d-d color space",
            ck_src(ck, x->loc), k + 1, g->name, ck_tyname(ck, pt), cd);
        ok = false;
      } else if (!p) {
        ok = false;
      } else {
        x->sub.skind = SUB_PIECE;
        x->ty = p->elem;
        kind[k] = ARG_PROJECTED;
      }
      continue;
    }
    if (is_id(ck, x)) {
      if (pt->kind != TY_INT || cd != 1) {
        ck_error(ck, x->loc, "ID is passed to an integer parameter of a 1-d index launch");
        ok = false;
      }
      x->ty = ck->tt->t_i64;
      kind[k] = ARG_ID;
      id_param = (int)k;
      continue;
    }
    const Type *t = ck_expr(ck, x);
    if (!t) {
      ok = false;
    } else if (t != pt && (pt->kind == TY_REGION || !ck_convertible(ck, x, t, pt, false))) {
      ck_error(ck, x->loc, "argument %u of '%s' is %s, found %s", k + 1, g->name, ck_tyname(ck, pt),
               ck_tyname(ck, t));
      ok = false;
    }
  }
  if (!ok || !verify_points(ck, g, a + 2, kind)) return set(e, NULL);
  e->call.ckind = CALL_INDEX_LAUNCH;
  e->call.callee = g;
  e->call.field_a = redop;
  e->call.field_b = id_param;
  // Without reduce=: a FutureMap (its gather is dropped where the statement
  // discards it, ck_part_discarded).
  return set(e, redop >= 0 ? type_future(ck->tt, g->ret_ty)
                           : type_future_map(ck->tt, g->ret_ty ? g->ret_ty : ck->tt->t_void,
                                             (unsigned)cd));
}

void ck_part_discarded(Checker *ck, Expr *e) {
  if (e && e->kind == EX_CALL && e->call.ckind == CALL_INDEX_LAUNCH && e->ty &&
      e->ty->kind == TY_FUTURE && e->ty->ndim)
    e->ty = ck->tt->t_void;
}

// ---- P.color_space -----------------------------------------------------------------
// `P.color_space` (ATTR_ISPACE) is a value of type ColorSpace[cdim]: the
// colors 0..counts-1 per axis, which is all a color space is (only P's
// number of color axes is static). It is kept in variables (`cs =
// P.color_space`, lowered to the color counts), iterated (`for c in cs`, the
// colors in row-major order), passed as color counts (IndexLaunch,
// index_launch, Partition.equal), measured (len(), .volume) or bounded
// (.bounds: lo and hi inclusive, as r.ispace).
const Type *ck_part_attr(Checker *ck, Expr *e, const Type *vt) {
  if (vt->kind == TY_COLORSPACE) {
    if (strcmp(e->attr.attr, "volume") == 0) {
      e->attr.akind = ATTR_VOLUME;
      return set(e, ck->tt->t_i64);
    }
    if (strcmp(e->attr.attr, "bounds") == 0) {
      const Type *pt = type_point(ck->tt, vt->ndim);
      const Type *two[2] = {pt, pt};
      e->attr.akind = ATTR_BOUNDS;
      return set(e, type_tuple(ck->tt, two, 2));
    }
    ck_error(ck, e->loc,
             "a color space has .volume and .bounds (and is iterable, and len() of it is its "
             "volume), not '.%s'",
             e->attr.attr);
    return set(e, NULL);
  }
  if (strcmp(e->attr.attr, "color_space") == 0) {
    e->attr.akind = ATTR_ISPACE;
    return set(e, type_color_space(ck->tt, vt->ndim));
  }
  ck_error(ck, e->loc,
           "a partition has .color_space (and pieces P[i], and is iterable), not '.%s'",
           e->attr.attr);
  return set(e, NULL);
}

// ---- FutureMap: fm[i].get(), fm[i, j].get(), fm.wait() -----------------------------
static const Type *future_map_of(Checker *ck, Expr *x) {
  if (!x || x->kind != EX_NAME) return NULL;
  Symbol *s = ck_lookup(ck, x->name.id);
  return s && s->ty && s->ty->kind == TY_FUTURE && s->ty->ndim ? s->ty : NULL;
}

static const Type *future_map_method(Checker *ck, Expr *e, bool *handled) {
  Expr *f = e->call.func, *v = f->attr.value;
  const char *m = f->attr.attr;
  bool piece = v && v->kind == EX_SUBSCRIPT && future_map_of(ck, v->sub.value);
  if (!piece && !future_map_of(ck, v)) return NULL;
  *handled = true;
  if (e->call.nargs || e->call.nkw) {
    ck_error(ck, e->loc, "%s() takes no arguments", ck_src(ck, f->loc));
    return set(e, NULL);
  }
  const Type *fm = ck_expr(ck, piece ? v->sub.value : v);
  if (!fm) return set(e, NULL);
  if (!piece) {
    if (strcmp(m, "wait") == 0) {
      e->call.ckind = CALL_PARTITION;
      e->call.field_a = 5;
      return set(e, ck->tt->t_void);
    }
    if (strcmp(m, "get") == 0) {  // the list of every point's result: pure package only
      ck_error(ck, e->loc,
               "%s (the list of every point's result) is pure-Python only (compiled code has no "
               "lists): read %s[c].get() in a loop over the launch's colors (for c in "
               "P.color_space), or fold the results with index_launch(..., reduce='+')",
               ck_src(ck, e->loc), ck_src(ck, v->loc));
      return set(e, NULL);
    }
    ck_error(ck, e->loc,
             "a FutureMap in compiled code has fm[i].get() (point i's result) and fm.wait(), "
             "not .%s()",
             m);
    return set(e, NULL);
  }
  if (strcmp(m, "get") != 0) {
    ck_error(ck, e->loc, "fm[i] of a FutureMap has .get() in compiled code, not .%s()", m);
    return set(e, NULL);
  }
  if (fm->elem->kind == TY_VOID) {
    ck_error(ck, e->loc, "%s: the task returns nothing (use fm.wait())", ck_src(ck, e->loc));
    return set(e, NULL);
  }
  bool ok = true;
  for (uint32_t i = 0; i < v->sub.n; i++) {
    Expr *x = v->sub.index[i];
    if (!x || x->kind == EX_SLICE) {
      if (x) ck_error(ck, x->loc, "a FutureMap is indexed by launch points, not slices");
      ok = false;
    } else if (!int_expr(ck, x, "a launch point")) {
      ok = false;
    }
  }
  if (ok && v->sub.n != fm->ndim) {
    ck_error(ck, v->loc,
             "the FutureMap of a %u-d index launch is indexed with %u coordinate%s, found %u",
             fm->ndim, fm->ndim, fm->ndim == 1 ? "" : "s", v->sub.n);
    ok = false;
  }
  if (!ok) return set(e, NULL);
  e->call.ckind = CALL_PARTITION;
  e->call.field_a = 4;
  return set(e, fm->elem);
}
