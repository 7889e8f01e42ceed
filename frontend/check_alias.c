// check_alias.c - @fieldspace values that CPython would share. Under
// CPython a fieldspace instance is a mutable object (`q = p` names the same
// object, a call receives the caller's object and may hand it back); in
// compiled code it is a struct value, copied on assignment, argument passing
// and return. The two agree unless an object reachable through two names is
// changed, so a struct variable that is changed (`v.f = e`, `v.f op= e`)
// must be unshared (docs/language.md "Structs"). Flow-insensitive (a loop's
// next iteration reaches earlier statements), per function, on the typed
// AST, once every body is checked:
//   1. a changed parameter is an error (the caller's object under CPython);
//   2. every value assigned to a changed local `v` is new: a constructor
//      `F(...)`, a call (its result is new unless the callee may hand back
//      an argument: fn_fresh), or `v` itself; any other variable it may come
//      from, through a tuple, a conditional or a call's argument, is an
//      error (at the change, with a note at the assignment); so is one value
//      going to two variables (`a = b = F()`, `v, w = pair()`);
//   3. the value of a changed local never reaches another variable (`w = v`,
//      `t = (v, 1)`, `w = same(v)`): an error at that use, with a note at the
//      change. Other uses are harmless: field reads, `return` (the frame
//      ends), arguments of calls whose result cannot be that object (the
//      callee cannot change its parameter, by 1, nor hand it back).
// Only locals hold struct values (arrays and regions hold scalars, compiled
// code has no globals), so 1-3 keep a changed variable's object unreachable
// from any other name.
#include "check.h"

#include <stdio.h>
#include <string.h>

typedef struct Mut {
  Symbol *sym;
  Expr *at;         // its first change (the target `v.f`)
  Stmt *leak_stmt;  // the last statement that reported a leak of it (one error each)
} Mut;

typedef enum LeafKind { LF_FRESH, LF_NAME, LF_OTHER } LeafKind;
// Where a struct value in an expression may come from: a new value, a
// variable, or something else; `via` is the outermost call it went through.
typedef struct Leaf {
  LeafKind kind;
  Expr *e;
  Expr *via;
} Leaf;
typedef Vec(Leaf) LeafVec;

typedef struct Al {
  Checker *ck;
  FuncDef *fn;
  HashMap muts;  // Symbol * -> Mut *
  uint32_t nmuts;
  LeafVec leaves;
} Al;

static Mut *mut_of(const Al *al, const Symbol *s) {
  return s ? hmap_get(&al->muts, hash_ptr(s), s, NULL) : NULL;
}

// Can a value of type t hold a value of struct type f (any struct when f is NULL)?
static bool holds(const Type *t, const Type *f) {
  if (!t) return false;
  if (t->kind == TY_STRUCT) return !f || t == f;
  if (t->kind == TY_TUPLE)
    for (uint32_t i = 0; i < t->nelems; i++)
      if (holds(t->elems[i], f)) return true;
  return false;
}

static void leaf(Al *al, LeafKind k, Expr *e, Expr *via) {
  vec_push(al->ck->fe->arena, &al->leaves, ((Leaf){k, e, via}));
}

// ---- what a function returns --------------------------------------------------------
// A call's result is a new value unless the callee may hand back (part of)
// an argument: fn->ret_shares, worked out from the callee's returns. A
// local "may hold a caller's object" when some value assigned to it may
// (a parameter, such a local, a call handing back such an argument): a
// fixpoint over the function's assignments, flow-insensitive as the rule.
typedef struct Pair {
  Symbol *sym;
  Expr *value;
} Pair;
typedef Vec(Pair) PairVec;
typedef Vec(Expr *) ExprVec;

typedef struct Sum {
  Checker *ck;
  HashMap marked;  // Symbol * -> itself: a local that may hold a caller's object
  PairVec pairs;   // (local, a value assigned to it), struct-holding values only
  ExprVec rets;    // returned values
  uint32_t depth;  // functions being worked out (bounded like nested checks)
} Sum;

static bool fn_fresh(Checker *ck, FuncDef *fn, uint32_t depth);

static bool from_caller(Sum *sm, Expr *e) {
  if (!e || !holds(e->ty, NULL)) return false;
  switch (e->kind) {
  case EX_NAME: {
    Symbol *y = e->name.sym;
    if (y && y->kind == SYM_LOCAL) return hmap_get(&sm->marked, hash_ptr(y), y, NULL) != NULL;
    return true;  // a parameter
  }
  case EX_TUPLE:
  case EX_LIST:
    for (uint32_t i = 0; i < e->seq.n; i++)
      if (from_caller(sm, e->seq.xs[i])) return true;
    return false;
  case EX_IFEXP: return from_caller(sm, e->ifexp.then) || from_caller(sm, e->ifexp.els);
  case EX_SUBSCRIPT: return e->sub.skind != SUB_TUPLE || from_caller(sm, e->sub.value);
  case EX_CALL:
    if (e->call.ckind == CALL_STRUCT) return false;
    if (e->call.ckind == CALL_FUNC && e->call.callee && fn_fresh(sm->ck, e->call.callee, sm->depth))
      return false;
    for (uint32_t i = 0; i < e->call.nargs; i++)
      if (from_caller(sm, e->call.args[i])) return true;
    for (uint32_t i = 0; i < e->call.nkw; i++)
      if (from_caller(sm, e->call.kw[i].value)) return true;
    return false;
  default: return true;
  }
}

static void pair_target(Sum *sm, Expr *t, Expr *v) {
  if (!t || !v) return;
  if (t->kind == EX_TUPLE || t->kind == EX_LIST) {
    bool display = (v->kind == EX_TUPLE || v->kind == EX_LIST) && v->seq.n == t->seq.n;
    for (uint32_t i = 0; i < t->seq.n; i++)
      pair_target(sm, t->seq.xs[i], display ? v->seq.xs[i] : v);
    return;
  }
  if (t->kind == EX_NAME && t->name.sym && t->name.sym->kind == SYM_LOCAL && holds(v->ty, NULL))
    vec_push(sm->ck->fe->arena, &sm->pairs, ((Pair){t->name.sym, v}));
}

static void sum_block(Sum *sm, Block *b) {
  for (uint32_t i = 0; i < b->n; i++) {
    Stmt *s = b->stmts[i];
    if (!s) continue;
    switch (s->kind) {
    case ST_ASSIGN:
      for (uint32_t k = 0; k < s->assign.ntargets; k++)
        pair_target(sm, s->assign.targets[k], s->assign.value);
      break;
    case ST_ANNASSIGN: pair_target(sm, s->ann.target, s->ann.value); break;
    case ST_FOR:
      pair_target(sm, s->for_.target, s->for_.iter);
      sum_block(sm, &s->for_.body);
      sum_block(sm, &s->for_.orelse);
      break;
    case ST_RETURN:
      if (s->ret.value) vec_push(sm->ck->fe->arena, &sm->rets, s->ret.value);
      break;
    case ST_IF:
      sum_block(sm, &s->if_.then);
      sum_block(sm, &s->if_.els);
      break;
    case ST_WHILE:
      sum_block(sm, &s->while_.body);
      sum_block(sm, &s->while_.orelse);
      break;
    default: break;
    }
  }
}

// Is every result of `fn` a new value (never a caller's object)? Recursion
// and very deep call chains count as "may hand back".
static bool fn_fresh(Checker *ck, FuncDef *fn, uint32_t depth) {
  if (fn->ret_shares == 2) return true;
  if (fn->ret_shares) return false;
  if (!holds(fn->ret_ty, NULL)) return true;
  if (!fn->checked || depth >= FE_MAX_CHECK_NESTING) return false;
  fn->ret_shares = 1;
  Sum sm = {.ck = ck, .depth = depth + 1};
  sum_block(&sm, &fn->body);
  for (bool changed = true; changed;) {
    changed = false;
    for (uint32_t i = 0; i < sm.pairs.len; i++) {
      Symbol *y = sm.pairs.data[i].sym;
      if (hmap_get(&sm.marked, hash_ptr(y), y, NULL) || !from_caller(&sm, sm.pairs.data[i].value))
        continue;
      hmap_put(ck->fe->arena, &sm.marked, hash_ptr(y), y, y, NULL);
      changed = true;
    }
  }
  bool fresh = true;
  for (uint32_t i = 0; i < sm.rets.len && fresh; i++) fresh = !from_caller(&sm, sm.rets.data[i]);
  fn->ret_shares = fresh ? 2 : 3;
  return fresh;
}

// Appends to al->leaves where the struct values of type f in e may come from.
static void flow(Al *al, Expr *e, const Type *f, Expr *via) {
  if (!e || !holds(e->ty, f)) return;
  switch (e->kind) {
  case EX_NAME: leaf(al, LF_NAME, e, via); return;
  case EX_TUPLE:
  case EX_LIST:
    for (uint32_t i = 0; i < e->seq.n; i++) flow(al, e->seq.xs[i], f, via);
    return;
  case EX_IFEXP:
    flow(al, e->ifexp.then, f, via);
    flow(al, e->ifexp.els, f, via);
    return;
  case EX_SUBSCRIPT:
    if (e->sub.skind == SUB_TUPLE)
      flow(al, e->sub.value, f, via);
    else
      leaf(al, LF_OTHER, e, via);
    return;
  case EX_CALL:
    leaf(al, LF_FRESH, e, via);
    if (e->call.ckind == CALL_STRUCT) return;  // fields are scalars and points
    if (e->call.ckind == CALL_FUNC && e->call.callee && fn_fresh(al->ck, e->call.callee, 0)) return;
    for (uint32_t i = 0; i < e->call.nargs; i++) flow(al, e->call.args[i], f, via ? via : e);
    for (uint32_t i = 0; i < e->call.nkw; i++) flow(al, e->call.kw[i].value, f, via ? via : e);
    return;
  default: leaf(al, LF_OTHER, e, via); return;
  }
}

static const char *ctor_text(Al *al, const Type *f, const char *from);

// ---- changes ----------------------------------------------------------------------
static void note_change(Al *al, Expr *t) {
  if (!t) return;
  if (t->kind == EX_TUPLE || t->kind == EX_LIST) {
    for (uint32_t i = 0; i < t->seq.n; i++) note_change(al, t->seq.xs[i]);
    return;
  }
  if (t->kind != EX_ATTR || t->attr.akind != ATTR_FIELD) return;
  Expr *b = t->attr.value;
  Symbol *s = b && b->kind == EX_NAME ? b->name.sym : NULL;
  if (!s || (s->kind != SYM_LOCAL && s->kind != SYM_PARAM) || !s->ty || s->ty->kind != TY_STRUCT ||
      mut_of(al, s))
    return;
  Mut *m = ARENA_NEW(al->ck->fe->arena, Mut);
  m->sym = s;
  m->at = t;
  hmap_put(al->ck->fe->arena, &al->muts, hash_ptr(s), s, m, NULL);
  al->nmuts++;
  if (s->kind != SYM_PARAM) return;
  Diag *d = ck_error(al->ck, t->loc,
                     "parameter '%s' of '%s' is changed here; under CPython this changes the "
                     "caller's object, in compiled code only a copy; change a local copy instead: "
                     "%s2 = %s",
                     s->name, al->fn->name, s->name, ctor_text(al, s->ty, s->name));
  ck_note(al->ck, d, s->def_loc, "'%s' is a parameter of '%s'", s->name, al->fn->name);
}

static void collect_block(Al *al, Block *b);

static void collect_stmt(Al *al, Stmt *s) {
  if (!s) return;
  switch (s->kind) {
  case ST_ASSIGN:
    for (uint32_t i = 0; i < s->assign.ntargets; i++) note_change(al, s->assign.targets[i]);
    return;
  case ST_AUGASSIGN: note_change(al, s->aug.target); return;
  case ST_IF:
    collect_block(al, &s->if_.then);
    collect_block(al, &s->if_.els);
    return;
  case ST_WHILE:
    collect_block(al, &s->while_.body);
    collect_block(al, &s->while_.orelse);
    return;
  case ST_FOR:
    collect_block(al, &s->for_.body);
    collect_block(al, &s->for_.orelse);
    return;
  default: return;
  }
}

static void collect_block(Al *al, Block *b) {
  for (uint32_t i = 0; i < b->n; i++) collect_stmt(al, b->stmts[i]);
}

// ---- messages -----------------------------------------------------------------------
// "P(p.x, p.y)": a new value with the fields of `from` (shortened when long).
static const char *ctor_text(Al *al, const Type *f, const char *from) {
  char buf[300];
  size_t n = (size_t)snprintf(buf, sizeof buf, "%s(", f->name);
  for (uint32_t i = 0; i < f->nelems && n < sizeof buf; i++) {
    if (n + strlen(from) + strlen(f->field_names[i]) + 8 > 240) {
      n += (size_t)snprintf(buf + n, sizeof buf - n, ", ...");
      break;
    }
    n += (size_t)snprintf(buf + n, sizeof buf - n, "%s%s.%s", i ? ", " : "", from,
                          f->field_names[i]);
  }
  if (n < sizeof buf) snprintf(buf + n, sizeof buf - n, ")");
  return arena_strdup(al->ck->fe->arena, buf);
}

static const char *name_of(const Expr *e) { return e && e->kind == EX_NAME ? e->name.id : NULL; }

static uint32_t line_of(Al *al, SrcLoc loc) { return srcmgr_line(al->ck->fe->sm, loc); }

// The target names (of a single or unpacking target) that can hold f.
static uint32_t count_holders(const Expr *t, const Type *f) {
  if (!t) return 0;
  if (t->kind == EX_TUPLE || t->kind == EX_LIST) {
    uint32_t n = 0;
    for (uint32_t i = 0; i < t->seq.n; i++) n += count_holders(t->seq.xs[i], f);
    return n;
  }
  return t->kind == EX_NAME && t->name.sym && holds(t->name.sym->ty, f) ? 1 : 0;
}

static bool target_names(const Expr *t, const Symbol *s) {
  if (!t) return false;
  if (t->kind == EX_TUPLE || t->kind == EX_LIST) {
    for (uint32_t i = 0; i < t->seq.n; i++)
      if (target_names(t->seq.xs[i], s)) return true;
    return false;
  }
  return t->kind == EX_NAME && t->name.sym == s;
}

// Rule 2 for the changed local `m` assigned by `st` (target `whole`, value v;
// `multi`: one of several targets `a = b = v`).
static void check_fresh(Al *al, Stmt *st, Mut *m, Expr *whole, Expr *v, bool multi) {
  const Type *f = m->sym->ty;
  const char *nm = m->sym->name, *fname = f->name;
  al->leaves.len = 0;
  flow(al, v, f, NULL);
  Leaf *bad = NULL;
  for (uint32_t i = 0; i < al->leaves.len && !bad; i++) {
    Leaf *l = &al->leaves.data[i];
    if (l->kind == LF_OTHER || (l->kind == LF_NAME && l->e->name.sym != m->sym)) bad = l;
  }
  const char *stmt = ck_src(al->ck, st->loc);
  Diag *d = NULL;
  if (bad && bad->kind == LF_NAME && !bad->via) {
    const char *other = bad->e->name.id;
    bool whole_value = bad->e->ty == f;  // else a tuple holding one
    char fix[320];
    snprintf(fix, sizeof fix, "%s", whole_value ? ctor_text(al, f, other) : fname);
    if (!whole_value) strcat(fix, "(...)");
    d = ck_error(al->ck, m->at->loc,
                 "'%s' is changed here, but after `%s` (line %u) it %s the same object as %s'%s' "
                 "under CPython and a copy in compiled code, so the change would show through "
                 "'%s' only under CPython; make a new value: %s = %s",
                 nm, stmt, line_of(al, st->loc), v->kind == EX_NAME ? "is" : "may be",
                 whole_value ? "" : "one held by ", other, other, nm, fix);
  } else if (bad && bad->kind == LF_NAME) {
    const char *other = bad->e->name.id;
    d = ck_error(al->ck, m->at->loc,
                 "'%s' is changed here, but after `%s` (line %u) it may be the same object as "
                 "'%s' under CPython (a call can hand its argument back) and is a copy in "
                 "compiled code; pass the call a new value instead of '%s'%s%s",
                 nm, stmt, line_of(al, st->loc), other, other, bad->e->ty == f ? ": " : "",
                 bad->e->ty == f ? ctor_text(al, f, other) : "");
  } else if (bad) {
    d = ck_error(al->ck, m->at->loc,
                 "'%s' is changed here, but after `%s` (line %u) it may share its object with "
                 "another value under CPython (`%s` is not a new value) while compiled code "
                 "copies it; assign '%s' a new value: %s(...)",
                 nm, stmt, line_of(al, st->loc), ck_src(al->ck, bad->e->loc), nm, fname);
  } else if (al->leaves.len && (multi || count_holders(whole, f) > 1)) {
    d = ck_error(al->ck, m->at->loc,
                 "'%s' is changed here, but `%s` (line %u) may give it the same object as another "
                 "variable under CPython, and copies in compiled code; give each variable its own "
                 "%s(...)",
                 nm, stmt, line_of(al, st->loc), fname);
  }
  ck_note(al->ck, d, st->loc, "'%s' is assigned here", nm);
}

// Rule 3: a changed local's value reaching the target `whole` of `st`.
static void check_leaks(Al *al, Stmt *st, Expr *whole, Expr *v) {
  al->leaves.len = 0;
  flow(al, v, NULL, NULL);
  bool any = false;
  for (uint32_t i = 0; i < al->leaves.len && !any; i++) {
    Leaf *l = &al->leaves.data[i];
    Mut *m = l->kind == LF_NAME ? mut_of(al, l->e->name.sym) : NULL;
    any = m && m->sym->kind == SYM_LOCAL && m->leak_stmt != st && !target_names(whole, m->sym);
  }
  if (!any) return;
  // Again per struct type (a call returning a Q cannot hand back a P).
  LeafVec all = al->leaves;
  al->leaves = (LeafVec){0};
  for (uint32_t i = 0; i < all.len; i++) {
    Leaf *l = &all.data[i];
    Mut *m = l->kind == LF_NAME ? mut_of(al, l->e->name.sym) : NULL;
    if (!m || m->sym->kind != SYM_LOCAL || m->leak_stmt == st || target_names(whole, m->sym))
      continue;
    al->leaves.len = 0;
    flow(al, v, m->sym->ty, NULL);
    Leaf *hit = NULL;
    for (uint32_t k = 0; k < al->leaves.len && !hit; k++)
      if (al->leaves.data[k].kind == LF_NAME && al->leaves.data[k].e->name.sym == m->sym)
        hit = &al->leaves.data[k];
    if (!hit) continue;
    m->leak_stmt = st;
    const char *nm = m->sym->name, *to = name_of(whole);
    char who[200];
    if (to)
      snprintf(who, sizeof who, "'%s'", to);
    else
      snprintf(who, sizeof who, "a target of `%s`", ck_src(al->ck, st->loc));
    char how[200] = "";
    if (hit->via)
      snprintf(how, sizeof how, " (`%s` may hand it back)", ck_src(al->ck, hit->via->loc));
    Diag *d = ck_error(al->ck, hit->e->loc,
                       "'%s' is changed at line %u, but here %s %s the same object as '%s' under "
                       "CPython%s and would see that change, while compiled code copies it; write "
                       "a new value here instead of '%s': %s",
                       nm, line_of(al, m->at->loc), who,
                       hit->via || v->kind != EX_NAME ? "may get" : "gets", nm, how, nm,
                       ctor_text(al, m->sym->ty, nm));
    ck_note(al->ck, d, m->at->loc, "'%s' is changed here", nm);
  }
  al->leaves = all;
}

// `target = v` (also one pair of an unpacking `a, b = x, y`, an annotated
// assignment, one of the targets of `a = b = v`).
static void check_fresh_targets(Al *al, Stmt *st, Expr *t, Expr *whole, Expr *v, bool multi) {
  if (!t) return;
  if (t->kind == EX_TUPLE || t->kind == EX_LIST) {
    for (uint32_t i = 0; i < t->seq.n; i++)
      check_fresh_targets(al, st, t->seq.xs[i], whole, v, multi);
    return;
  }
  Mut *m = t->kind == EX_NAME ? mut_of(al, t->name.sym) : NULL;
  if (m && m->sym->kind == SYM_LOCAL) check_fresh(al, st, m, whole, v, multi);
}

static void assign(Al *al, Stmt *st, Expr *t, Expr *v, bool multi) {
  if (!t || !v) return;
  if ((t->kind == EX_TUPLE || t->kind == EX_LIST) && (v->kind == EX_TUPLE || v->kind == EX_LIST) &&
      t->seq.n == v->seq.n && !multi) {
    for (uint32_t i = 0; i < t->seq.n; i++) assign(al, st, t->seq.xs[i], v->seq.xs[i], false);
    return;
  }
  if (!holds(v->ty, NULL)) return;
  check_fresh_targets(al, st, t, t, v, multi);
  check_leaks(al, st, t, v);
}

// A loop variable is never a new value (and no loop gives structs today).
static void loop_target(Al *al, Stmt *st, Expr *t) {
  if (!t) return;
  if (t->kind == EX_TUPLE || t->kind == EX_LIST) {
    for (uint32_t i = 0; i < t->seq.n; i++) loop_target(al, st, t->seq.xs[i]);
    return;
  }
  Mut *m = t->kind == EX_NAME ? mut_of(al, t->name.sym) : NULL;
  if (!m || m->sym->kind != SYM_LOCAL) return;
  Diag *d = ck_error(al->ck, m->at->loc,
                     "'%s' is changed here, but it is a loop variable, which CPython shares with "
                     "the iterable; assign a new value first: %s = %s",
                     m->sym->name, m->sym->name, ctor_text(al, m->sym->ty, m->sym->name));
  ck_note(al->ck, d, t->loc, "'%s' is the loop variable here", m->sym->name);
}

static void check_block(Al *al, Block *b);

static void check_stmt(Al *al, Stmt *s) {
  if (!s) return;
  switch (s->kind) {
  case ST_ASSIGN:
    for (uint32_t i = 0; i < s->assign.ntargets; i++)
      assign(al, s, s->assign.targets[i], s->assign.value, s->assign.ntargets > 1);
    return;
  case ST_ANNASSIGN: assign(al, s, s->ann.target, s->ann.value, false); return;
  case ST_IF:
    check_block(al, &s->if_.then);
    check_block(al, &s->if_.els);
    return;
  case ST_WHILE:
    check_block(al, &s->while_.body);
    check_block(al, &s->while_.orelse);
    return;
  case ST_FOR:
    loop_target(al, s, s->for_.target);
    if (holds(s->for_.iter ? s->for_.iter->ty : NULL, NULL))
      check_leaks(al, s, s->for_.target, s->for_.iter);
    check_block(al, &s->for_.body);
    check_block(al, &s->for_.orelse);
    return;
  default: return;
  }
}

static void check_block(Al *al, Block *b) {
  for (uint32_t i = 0; i < b->n; i++) check_stmt(al, b->stmts[i]);
}

void ck_alias(Checker *ck, FuncDef *fn) {
  Al al = {.ck = ck, .fn = fn};
  collect_block(&al, &fn->body);
  if (!al.nmuts) return;
  check_block(&al, &fn->body);
}
