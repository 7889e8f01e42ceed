// check_stmt.c - statements of compiled functions and the function body
// check. Locals get one type each, from their first assignment in source
// order (for-loop targets: int64); a later assignment of another type is an
// error naming both places. Return types come from the annotation or from
// the first return. Statements outside the subset (try, with, global, del,
// nested def, import, for-else, ...) are reported with what to use instead.
#include "check.h"

#include <stdio.h>

// ---- pre-scan: names assigned anywhere (so a use before the first
// assignment says so instead of "not defined") -----------------------------------
static void scan_target(Checker *ck, FnState *fs, Expr *t) {
  if (!t) return;
  if (t->kind == EX_NAME) vec_push(ck->fe->arena, &fs->assigned, t);
  if (t->kind == EX_TUPLE || t->kind == EX_LIST)
    for (uint32_t i = 0; i < t->seq.n; i++) scan_target(ck, fs, t->seq.xs[i]);
}

static void scan_block(Checker *ck, FnState *fs, Block *b) {
  for (uint32_t i = 0; i < b->n; i++) {
    Stmt *s = b->stmts[i];
    if (!s) continue;
    switch (s->kind) {
    case ST_ASSIGN:
      for (uint32_t k = 0; k < s->assign.ntargets; k++) scan_target(ck, fs, s->assign.targets[k]);
      break;
    case ST_AUGASSIGN: scan_target(ck, fs, s->aug.target); break;
    case ST_ANNASSIGN: scan_target(ck, fs, s->ann.target); break;
    case ST_FOR:
      scan_target(ck, fs, s->for_.target);
      scan_block(ck, fs, &s->for_.body);
      scan_block(ck, fs, &s->for_.orelse);
      break;
    case ST_IF:
      scan_block(ck, fs, &s->if_.then);
      scan_block(ck, fs, &s->if_.els);
      break;
    case ST_WHILE:
      scan_block(ck, fs, &s->while_.body);
      scan_block(ck, fs, &s->while_.orelse);
      break;
    default: break;
    }
  }
}

// ---- locals by name: linear up to NAMES_LINEAR, then hashed (interned names) ------------
enum { NAMES_LINEAR = 8 };

Symbol *ck_local_find(Checker *ck, const char *name) {
  FnState *fs = ck->fs;
  if (fs->local_index.count) return hmap_get(&fs->local_index, hash_ptr(name), name, NULL);
  for (uint32_t i = 0; i < fs->fn->locals.len; i++)
    if (fs->fn->locals.data[i]->name == name) return fs->fn->locals.data[i];
  return NULL;
}

static void index_name(Checker *ck, HashMap *map, const char *name, void *val) {
  if (!hmap_get(map, hash_ptr(name), name, NULL))  // the first stays
    hmap_put(ck->fe->arena, map, hash_ptr(name), name, val, NULL);
}

static void add_local(Checker *ck, Symbol *s) {
  FnState *fs = ck->fs;
  vec_push(ck->fe->arena, &fs->fn->locals, s);
  if (fs->local_index.count) {
    index_name(ck, &fs->local_index, s->name, s);
  } else if (fs->fn->locals.len > NAMES_LINEAR) {
    for (uint32_t i = 0; i < fs->fn->locals.len; i++)
      index_name(ck, &fs->local_index, fs->fn->locals.data[i]->name, fs->fn->locals.data[i]);
  }
}

Expr *ck_first_assigned(Checker *ck, const char *name) {
  FnState *fs = ck->fs;
  if (!fs) return NULL;
  if (fs->first_assigned.count) return hmap_get(&fs->first_assigned, hash_ptr(name), name, NULL);
  for (uint32_t i = 0; i < fs->assigned.len; i++)
    if (fs->assigned.data[i]->name.id == name) return fs->assigned.data[i];
  return NULL;
}

// ---- assignment ----------------------------------------------------------------------
static Symbol *own_name(Checker *ck, const char *name) {
  FnState *fs = ck->fs;
  Symbol *l = ck_local_find(ck, name);
  if (l) return l;
  for (uint32_t i = 0; i < fs->fn->nparams; i++)
    if (fs->params[i] && fs->params[i]->name == name) return fs->params[i];
  return NULL;
}

// May a variable of type `to` be re-assigned value `v` of type `vt`? Exact
// types only, except int literals into int variables that hold them, float
// literals into float32 variables, and contiguous arrays into
// any-layout array variables.
static bool local_assignable(Checker *ck, Expr *v, const Type *vt, const Type *to) {
  if (vt == to) return true;
  int64_t k;
  if (v && type_is_scalar(to)) {
    if (ck_is_weak_int(v) && to->kind == TY_INT && ck_const_int(v, &k) &&
        ck_convertible(ck, v, vt, to, false))
      return true;
    if (ck_is_weak_float(v) && to->kind == TY_FLOAT) return true;
    return false;
  }
  if (vt->kind == TY_ARRAY && to->kind == TY_ARRAY)
    return vt->elem == to->elem && vt->ndim == to->ndim && (vt->contig || !to->contig);
  if (v && v->kind == EX_TUPLE && to->kind == TY_TUPLE && to->nelems == v->seq.n) {
    for (uint32_t i = 0; i < v->seq.n; i++)
      if (!v->seq.xs[i]->ty || !local_assignable(ck, v->seq.xs[i], v->seq.xs[i]->ty, to->elems[i]))
        return false;
    return true;
  }
  return false;
}

static void type_change(Checker *ck, Symbol *s, SrcLoc at, const Type *vt, const char *extra) {
  Diag *d = ck_error(ck, at, "variable '%s' changes type from %s to %s%s", s->name,
                     ck_tyname(ck, s->ty), ck_tyname(ck, vt), extra);
  vec_push(ck->fe->arena, &ck->poisoned, s);
  if (s->kind == SYM_PARAM)
    ck_note(ck, d, s->def_loc, "parameter '%s' is declared here as %s", s->name,
            ck_tyname(ck, s->ty));
  else
    ck_note(ck, d, s->def_loc, "'%s' first assigned here as %s", s->name, ck_tyname(ck, s->ty));
}

// name = value (v may be NULL for an element of a tuple value).
static void assign_name(Checker *ck, Expr *t, Expr *v, const Type *vt, SrcLoc vloc) {
  Symbol *s = own_name(ck, t->name.id);
  if (!s) {
    if (vt && vt->kind == TY_VOID) {
      ck_error(ck, vloc,
               "this value is None (a call of a function that returns nothing); it cannot be "
               "assigned to '%s'",
               t->name.id);
      vt = NULL;
    }
    s = ck_sym_new(ck, SYM_LOCAL, t->name.id, vt, t->loc);
    add_local(ck, s);
    t->name.sym = s;
    t->ty = vt;
    return;
  }
  t->name.sym = s;
  t->ty = s->ty;
  if (!vt || !s->ty) return;
  if (local_assignable(ck, v, vt, s->ty)) {
    if (v && v->kind == EX_TUPLE) v->ty = s->ty;
    return;
  }
  bool layout = vt->kind == TY_ARRAY && s->ty->kind == TY_ARRAY && vt->elem == s->ty->elem &&
                vt->ndim == s->ty->ndim;
  char extra[160] = "";
  if (layout)
    snprintf(extra, sizeof extra,
             " (to hold arrays of any layout, declare it first: `%s: pt.%s = ...`)", s->name,
             ck_tyname(ck, type_array(ck->tt, vt->elem, vt->ndim, false)));
  type_change(ck, s, v ? v->loc : vloc, vt, extra);
}

static void assign_target(Checker *ck, Expr *t, Expr *v, const Type *vt, SrcLoc vloc);

static void assign_unpack(Checker *ck, Expr *t, Expr *v, const Type *vt, SrcLoc vloc) {
  uint32_t n = t->seq.n;
  if (vt && vt->kind != TY_TUPLE) {
    ck_error(ck, vloc, "cannot unpack a value of type %s into %u targets (only tuples unpack)",
             ck_tyname(ck, vt), n);
    vt = NULL;
  } else if (vt && vt->nelems != n) {
    ck_error(ck, vloc, "cannot unpack a tuple of %u values into %u targets", vt->nelems, n);
    vt = NULL;
  }
  for (uint32_t i = 0; i < n; i++) {
    Expr *ti = t->seq.xs[i];
    if (!ti) continue;
    if (!vt)
      assign_target(ck, ti, NULL, NULL, vloc);
    else if (v && v->kind == EX_TUPLE)
      assign_target(ck, ti, v->seq.xs[i], vt->elems[i], v->seq.xs[i]->loc);
    else
      assign_target(ck, ti, NULL, vt->elems[i], ti->loc);
  }
  t->ty = vt;
}

static void assign_target(Checker *ck, Expr *t, Expr *v, const Type *vt, SrcLoc vloc) {
  if (!t) return;
  switch (t->kind) {
  case EX_NAME: assign_name(ck, t, v, vt, vloc); return;
  case EX_TUPLE:
  case EX_LIST: assign_unpack(ck, t, v, vt, vloc); return;
  case EX_SUBSCRIPT: {
    const Type *et = ck_expr(ck, t);
    if (!et) return;
    if (t->sub.skind == SUB_TUPLE) {
      ck_error(ck, t->loc, "tuples are immutable; build a new tuple instead");
      return;
    }
    if (vt && !ck_convertible(ck, v, vt, et, true))
      ck_error(ck, v ? v->loc : vloc,
               "cannot store a value of type %s into an element of type %s%s", ck_tyname(ck, vt),
               ck_tyname(ck, et),
               vt->kind == TY_FLOAT && et->kind != TY_FLOAT ? " (convert explicitly with int(...))"
                                                            : "");
    return;
  }
  case EX_ATTR: {
    const Type *ft = ck_expr(ck, t);
    if (!ft) return;
    if (t->attr.akind != ATTR_FIELD) {
      ck_error(ck, t->loc, "cannot assign to '%s'", ck_src(ck, t->loc));
      return;
    }
    Expr *base = t->attr.value;
    if (base->kind != EX_NAME || !base->name.sym ||
        (base->name.sym->kind != SYM_LOCAL && base->name.sym->kind != SYM_PARAM)) {
      ck_error(ck, t->loc,
               "only fields of a variable can be assigned (x.%s = ...); fieldspace values are "
               "copied, so this assignment would be lost",
               t->attr.attr);
      return;
    }
    if (vt && !ck_convertible(ck, v, vt, ft, false))
      ck_error(ck, v ? v->loc : vloc, "field '%s' is %s, but the value has type %s", t->attr.attr,
               ck_tyname(ck, ft), ck_tyname(ck, vt));
    return;
  }
  default:
    ck_error(ck, t->loc,
             "cannot assign to '%s' in compiled code (assign to a variable, an array element, "
             "a field or a tuple of them)",
             ck_src(ck, t->loc));
    return;
  }
}

static void check_assign(Checker *ck, Stmt *s) {
  Expr *v = s->assign.value;
  const Type *vt = ck_expr(ck, v);
  for (uint32_t i = 0; i < s->assign.ntargets; i++)
    assign_target(ck, s->assign.targets[i], v, vt, v ? v->loc : s->loc);
}

// x: float64 = value
static void check_annassign(Checker *ck, Stmt *s) {
  Expr *t = s->ann.target, *v = s->ann.value;
  const Type *at = ck_annot(ck, s->ann.annot, false);
  const Type *vt = v ? ck_expr(ck, v) : NULL;
  if (!t) return;
  if (t->kind != EX_NAME) {
    ck_error(ck, t->loc, "annotated assignment needs a variable name on the left");
    return;
  }
  Symbol *sym = own_name(ck, t->name.id);
  if (sym) {
    t->name.sym = sym;
    t->ty = sym->ty;
    if (at && sym->ty && at != sym->ty)
      type_change(ck, sym, s->ann.annot->loc, at, " (by annotation)");
  } else {
    sym = ck_sym_new(ck, SYM_LOCAL, t->name.id, at, t->loc);
    add_local(ck, sym);
    t->name.sym = sym;
    t->ty = at;
  }
  if (!v || !vt || !at) return;
  if (ck_is_weak_int(v) && at->kind == TY_FLOAT) {
    ck_error(ck, v->loc,
             "int literal assigned to float variable '%s'; write it as a float (%s.0): CPython "
             "would keep an int here",
             t->name.id, ck_src(ck, v->loc));
    return;
  }
  if (!ck_convertible(ck, v, vt, at, false)) {
    ck_error(ck, v->loc, "a value of type %s cannot initialize '%s: %s'", ck_tyname(ck, vt),
             t->name.id, ck_tyname(ck, at));
    return;
  }
  if (v->kind == EX_TUPLE) v->ty = at;
}

// target op= value
static void check_augassign(Checker *ck, Stmt *s) {
  Expr *t = s->aug.target, *v = s->aug.value;
  if (!t) return;
  if (t->kind != EX_NAME && t->kind != EX_SUBSCRIPT && t->kind != EX_ATTR) {
    ck_expr(ck, v);
    ck_error(ck, t->loc,
             "augmented assignment needs a variable, an array element or a field on the left");
    return;
  }
  const Type *tt = ck_expr(ck, t);
  const Type *vt = ck_expr(ck, v);
  if (!tt || !vt) return;
  if (t->kind == EX_SUBSCRIPT && t->sub.skind == SUB_TUPLE) {
    ck_error(ck, t->loc, "tuples are immutable; build a new tuple instead");
    return;
  }
  if (t->kind == EX_ATTR && t->attr.akind != ATTR_FIELD) {
    ck_error(ck, t->loc, "cannot assign to '%s'", ck_src(ck, t->loc));
    return;
  }
  const Type *rt = ck_binop_type(ck, s->aug.op, t, v, s->loc, &s->aug.opty);
  if (!rt) return;
  if (t->kind == EX_NAME) {
    Symbol *sym = t->name.sym;
    if (rt == tt || !sym) return;
    char extra[96];
    snprintf(extra, sizeof extra, " ('%s=' gives %s%s)", binop_text[s->aug.op], ck_tyname(ck, rt),
             s->aug.op == BIN_TRUEDIV ? "; use //= for integer division" : "");
    type_change(ck, sym, v->loc, rt, extra);
    return;
  }
  bool lenient = t->kind == EX_SUBSCRIPT;
  if (!ck_convertible(ck, NULL, rt, tt, lenient))
    ck_error(ck, s->loc, "'%s=' gives %s, which cannot be stored into %s %s", binop_text[s->aug.op],
             ck_tyname(ck, rt), lenient ? "an element of type" : "a field of type",
             ck_tyname(ck, tt));
}

// ---- control flow -----------------------------------------------------------------------
static void cond(Checker *ck, Expr *c, const char *what) {
  const Type *t = ck_expr(ck, c);
  if (t && !type_is_scalar(t))
    ck_error(ck, c->loc, "%s must be a number or bool, found %s", what, ck_tyname(ck, t));
}

static void no_else(Checker *ck, Block *b, const char *what) {
  if (b->n == 0 || !b->stmts[0]) return;
  ck_error(ck, b->stmts[0]->loc,
           "%s-else is not supported in compiled code; use a flag variable set before 'break'",
           what);
}

static void check_for(Checker *ck, Stmt *s) {
  Expr *it = s->for_.iter, *t = s->for_.target;
  bool is_range = false;
  const Type *pt = ck_task_for(ck, it);  // for p in r.ispace
  if (pt) {
    if (!t || t->kind != EX_NAME)
      ck_error(ck, t ? t->loc : s->loc, "the target of a loop over an index space is one variable");
    else
      assign_name(ck, t, NULL, pt, t->loc);
    no_else(ck, &s->for_.orelse, "for");
    ck->fs->loop_depth++;
    ck_block(ck, &s->for_.body);
    ck->fs->loop_depth--;
    ck_part_for_done(ck, s);  // an IndexLaunch loop: verified (check_partition.c)
    return;
  }
  bool ok = ck_range_call(ck, it, &is_range);
  if (!is_range && it) {
    const Type *itt = ck_expr(ck, it);
    if (itt || it->kind == EX_LIST)
      ck_error(ck, it->loc,
               "for loops in compiled code iterate over range(...) or prange(...); found '%s'",
               ck_src(ck, it->loc));
  }
  if (t && t->kind != EX_NAME) {
    ck_error(ck, t->loc, "the target of a for loop over range() must be a single variable");
  } else if (t) {
    assign_name(ck, t, NULL, ok ? ck->tt->t_i64 : NULL, t->loc);
  }
  no_else(ck, &s->for_.orelse, "for");
  ck->fs->loop_depth++;
  ck_block(ck, &s->for_.body);
  ck->fs->loop_depth--;
}

static void check_return(Checker *ck, Stmt *s) {
  FnState *fs = ck->fs;
  FuncDef *fn = fs->fn;
  Expr *v = s->ret.value;
  const Type *vt;
  if (!v || v->kind == EX_NONE) {
    vt = ck->tt->t_void;
    if (v) v->ty = vt;
  } else {
    vt = ck_expr(ck, v);
    if (vt && vt->kind == TY_COLORSPACE) {
      ck_error(ck, v->loc,
               "'%s' returns a color space, which compiled code does not pass between "
               "functions; return len(...) or the values you need",
               fn->name);
      vt = NULL;
    }
    if (!vt) {
      fs->has_ret = true;  // unknown: do not default to None
      return;
    }
  }
  SrcLoc at = v ? v->loc : s->loc;
  if (!fn->ret_ty) {
    if (fn->ret_annot || fs->has_ret) return;  // bad annotation / failed first return: stay quiet
    fn->ret_ty = vt;
    fs->has_ret = true;
    fs->ret_loc = at;
    fs->ret_weak_int = v && ck_is_weak_int(v);
    return;
  }
  const Type *rt = fn->ret_ty;
  if (vt == rt) return;
  // Annotated: any implicit conversion (int -> float, ...). Inferred: the
  // first return's type exactly, or a literal that fits it.
  bool conv = rt->kind != TY_VOID && vt->kind != TY_VOID &&
              (fn->ret_annot ? ck_convertible(ck, v, vt, rt, false)
                             : local_assignable(ck, v, vt, rt) ||
                                   (ck_is_weak_int(v) && rt->kind == TY_FLOAT));
  if (conv) {
    if (v->kind == EX_TUPLE) v->ty = rt;
    return;
  }
  // `return 0` first, `return x / 2` later: the function returns float (as numba unifies).
  if (!fn->ret_annot && fs->ret_weak_int && !fs->ret_used && vt->kind == TY_FLOAT &&
      rt->kind == TY_INT) {
    fn->ret_ty = vt;
    fs->ret_weak_int = false;
    return;
  }
  Diag *d;
  if (rt->kind == TY_VOID && fn->ret_annot)
    d = ck_error(ck, at, "function '%s' is annotated '-> None' but returns a value of type %s",
                 fn->name, ck_tyname(ck, vt));
  else if (vt->kind == TY_VOID)
    d = ck_error(ck, at, "function '%s' returns %s, but this return has no value", fn->name,
                 ck_tyname(ck, rt));
  else
    d = ck_error(ck, at,
                 "return type mismatch in '%s': this return gives %s, but the function returns %s",
                 fn->name, ck_tyname(ck, vt), ck_tyname(ck, rt));
  if (fn->ret_annot)
    ck_note(ck, d, fn->ret_annot->loc, "return type declared here");
  else
    ck_note(ck, d, fs->ret_loc, "the first return gives %s", ck_tyname(ck, rt));
}

static void check_raise(Checker *ck, Stmt *s) {
  Expr *x = s->raise.exc;
  if (!x) {
    ck_error(ck, s->loc,
             "bare 'raise' is not supported in compiled code (there is no exception being "
             "handled); raise an exception: raise ValueError(\"message\")");
    return;
  }
  if (x->kind == EX_CALL) {
    const Type *t = ck_call(ck, x, true);
    if (x->call.ckind == CALL_EXCEPTION || !t) return;
    ck_error(ck, x->loc,
             "raise needs a builtin exception such as ValueError(\"message\"), found '%s' (%s)",
             ck_src(ck, x->loc), ck_tyname(ck, t));
    return;
  }
  if (x->kind == EX_NAME) {
    Symbol *sym = ck_lookup(ck, x->name.id);
    if (sym && sym->kind == SYM_EXCEPTION) {
      x->name.sym = sym;
      x->ty = ck->tt->t_void;
      return;
    }
  }
  const Type *t = ck_expr(ck, x);
  if (t || x->kind != EX_NAME)
    ck_error(ck, x->loc,
             "raise needs a builtin exception (%s) such as ValueError(\"message\"), found '%s'",
             fe_exception_list(), ck_src(ck, x->loc));
}

static const char *stmt_hint(const char *what) {
  static const struct {
    const char *key, *hint;
  } hints[] = {
      {"try", "raise is supported; catch exceptions in the Python caller"},
      {"with", "open resources in the Python caller"},
      {"global", "pass values in as parameters and return results"},
      {"nonlocal", "pass values in as parameters and return results"},
      {"del", "variables live until the function returns; assign a new value instead"},
      {"match", "use if/elif/else"},
      {"async", "compiled code is synchronous"},
      {"from ...", "raise the exception without 'from'"},
      {"class", "define @fieldspace classes at module level"},
      {"print statement", "use print(...)"},
  };
  for (size_t i = 0; i < sizeof hints / sizeof *hints; i++)
    if (strstr(what, hints[i].key)) return hints[i].hint;
  return NULL;
}

static void check_stmt(Checker *ck, Stmt *s) {
  if (!s) return;
  FnState *fs = ck->fs;
  switch (s->kind) {
  case ST_EXPR:
    if (!s->expr) return;
    if (s->expr->kind == EX_STR) {  // a bare string (comment-like): no effect
      s->expr->ty = ck->tt->t_str;
      return;
    }
    if (s->expr->kind == EX_CALL)
      ck_call(ck, s->expr, false);
    else
      ck_expr(ck, s->expr);
    ck_part_discarded(ck, s->expr);  // index_launch(...) whose FutureMap is dropped
    return;
  case ST_ASSIGN: check_assign(ck, s); return;
  case ST_AUGASSIGN: check_augassign(ck, s); return;
  case ST_ANNASSIGN: check_annassign(ck, s); return;
  case ST_IF:
    cond(ck, s->if_.cond, "an if condition");
    ck_block(ck, &s->if_.then);
    ck_block(ck, &s->if_.els);
    return;
  case ST_WHILE:
    cond(ck, s->while_.cond, "a while condition");
    no_else(ck, &s->while_.orelse, "while");
    fs->loop_depth++;
    ck_block(ck, &s->while_.body);
    fs->loop_depth--;
    return;
  case ST_FOR: check_for(ck, s); return;
  case ST_BREAK:
  case ST_CONTINUE:
    if (fs->loop_depth == 0)
      ck_error(ck, s->loc, "'%s' outside a loop", s->kind == ST_BREAK ? "break" : "continue");
    return;
  case ST_RETURN: check_return(ck, s); return;
  case ST_PASS: return;
  case ST_ASSERT:
    cond(ck, s->assert_.test, "an assert condition");
    ck_message(ck, s->assert_.msg, "an assert");
    return;
  case ST_RAISE: check_raise(ck, s); return;
  case ST_FUNCDEF:
    ck_error(
        ck, s->funcdef ? s->funcdef->name_loc : s->loc,
        "nested function definitions are not supported in compiled code; define '%s' at module "
        "level and decorate it with @kernel",
        s->funcdef && s->funcdef->name ? s->funcdef->name : "it");
    return;
  case ST_IMPORT:
    ck_error(ck, s->loc,
             "import inside a compiled function is not supported; import at module level");
    return;
  case ST_UNSUPPORTED: {
    const char *what = s->unsupported ? s->unsupported : "this statement";
    const char *hint = stmt_hint(what);
    if (hint)
      ck_error(ck, s->loc, "%s is not supported in compiled code; %s", what, hint);
    else
      ck_error(ck, s->loc, "%s is not supported in compiled code", what);
    return;
  }
  default: return;
  }
}

void ck_block(Checker *ck, Block *b) {
  FnState *fs = ck->fs;
  if (fs && fs->block_depth >= FE_MAX_BLOCK_DEPTH) {
    if (b->n && b->stmts[0])
      ck_error(ck, b->stmts[0]->loc,
               "statements nested too deeply (limit %d levels; each elif is one more)",
               FE_MAX_BLOCK_DEPTH);
    return;
  }
  if (fs) fs->block_depth++;
  for (uint32_t i = 0; i < b->n; i++) check_stmt(ck, b->stmts[i]);
  if (fs) fs->block_depth--;
}

// Does every path through `b` end in return/raise (structurally)?
static bool block_returns(const Block *b);

static bool has_break(const Block *b) {
  for (uint32_t i = 0; i < b->n; i++) {
    const Stmt *s = b->stmts[i];
    if (!s) continue;
    if (s->kind == ST_BREAK) return true;
    if (s->kind == ST_IF && (has_break(&s->if_.then) || has_break(&s->if_.els))) return true;
  }
  return false;
}

static bool stmt_returns(const Stmt *s) {
  if (!s) return false;
  switch (s->kind) {
  case ST_RETURN:
  case ST_RAISE: return true;
  case ST_IF: return block_returns(&s->if_.then) && block_returns(&s->if_.els);
  case ST_WHILE:  // while True: ... without break
    return s->while_.cond &&
           ((s->while_.cond->kind == EX_BOOL && s->while_.cond->bval) ||
            (s->while_.cond->kind == EX_INT && s->while_.cond->ival != 0)) &&
           !has_break(&s->while_.body);
  case ST_ASSERT:  // assert False
    return s->assert_.test && s->assert_.test->kind == EX_BOOL && !s->assert_.test->bval;
  default: return false;
  }
}

static bool block_returns(const Block *b) {
  for (uint32_t i = 0; i < b->n; i++)
    if (stmt_returns(b->stmts[i])) return true;
  return false;
}

void ck_func_body(Checker *ck, FuncDef *fn) {
  FnState fs = {.fn = fn, .outer = ck->fs};
  fs.params = ARENA_ARRAY(ck->fe->arena, Symbol *, fn->nparams ? fn->nparams : 1);
  for (uint32_t i = 0; i < fn->nparams; i++) {
    Param *p = &fn->params[i];
    Symbol *s = ck_sym_new(ck, SYM_PARAM, p->name, p->ty, p->loc);
    s->index = i;
    fs.params[i] = s;
  }
  fn->locals.len = 0;
  scan_block(ck, &fs, &fn->body);
  if (fs.assigned.len > NAMES_LINEAR)
    for (uint32_t i = 0; i < fs.assigned.len; i++)
      index_name(ck, &fs.first_assigned, fs.assigned.data[i]->name.id, fs.assigned.data[i]);
  if (fn->ret_annot) fs.has_ret = !fn->ret_ty;  // a failed annotation: never default to None
  FnState *saved = ck->fs;
  ck->fs = &fs;
  ck_block(ck, &fn->body);
  ck->fs = saved;
  if (!fn->ret_ty && !fs.has_ret && !fn->ret_annot) fn->ret_ty = ck->tt->t_void;
  fn->checked = true;
  if (fn->parallel) ck_autopart(ck, fn);  // @task(parallel=True) (check_autopart.c)
  if (fn->ret_ty && fn->ret_ty->kind != TY_VOID && !block_returns(&fn->body))
    diag_warning(ck->fe->diags, fn->name_loc,
                 "function '%s' returns %s but may reach its end without a return (that raises "
                 "RuntimeError 'missing return'; Python would return None)",
                 fn->name, ck_tyname(ck, fn->ret_ty));
}
