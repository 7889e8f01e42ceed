// parse_stmt.c - statements, blocks, function and class definitions: CST ->
// Stmt / FuncDef / ClassDef. elif chains become nested ST_IF in `els`;
// `a = b = v` is one ST_ASSIGN with two targets; statements outside the
// subset (try, with, global, del, match, async, class in a function, ...)
// become ST_UNSUPPORTED naming the construct (the checker decides whether
// that is an error: it is not in Python-only code). ERROR nodes inside a
// block were reported by parse_syntax.c and are skipped here.
#include "cst.h"

static Expr *target_or_value(FeParser *p, TSNode n) { return pe_expr(p, n); }

// expression_statement: assignment / augmented_assignment / expression / a, b
static Stmt *expr_stmt(FeParser *p, TSNode n) {
  SrcLoc loc = cst_loc(p, n);
  CstKids k;
  cst_kids(p, n, true, &k);
  if (k.n == 0) return NULL;
  if (k.n > 1) {   // `a, b` as a statement
    Stmt *s = cst_new_stmt(p, ST_EXPR, loc);
    Expr *t = cst_new_expr(p, EX_TUPLE, loc);
    t->seq.xs = ARENA_ARRAY(p->cx->arena, Expr *, k.n);
    for (uint32_t i = 0; i < k.n; i++) t->seq.xs[t->seq.n++] = pe_expr(p, k.v[i]);
    s->expr = t;
    return s;
  }
  TSNode c = k.v[0];
  if (cst_is(c, "assignment")) {
    TSNode type = cst_field(c, "type");
    if (!ts_node_is_null(type)) {   // x: T [= v]
      Stmt *s = cst_new_stmt(p, ST_ANNASSIGN, loc);
      s->ann.target = target_or_value(p, cst_field(c, "left"));
      s->ann.annot = pe_annot(p, type);
      TSNode v = cst_field(c, "right");
      s->ann.value = ts_node_is_null(v) ? NULL : pe_expr(p, v);
      return s;
    }
    // a = b = v: the right side nests further assignments (walked in a loop)
    uint32_t cnt = 0;
    TSNode cur = c;
    while (cst_is(cur, "assignment") && ts_node_is_null(cst_field(cur, "type"))) {
      cnt++;
      cur = cst_field(cur, "right");
    }
    Stmt *s = cst_new_stmt(p, ST_ASSIGN, loc);
    s->assign.targets = ARENA_ARRAY(p->cx->arena, Expr *, cnt);
    cur = c;
    for (uint32_t i = 0; i < cnt; i++) {
      s->assign.targets[s->assign.ntargets++] = target_or_value(p, cst_field(cur, "left"));
      cst_check_newline(p, cst_token(p, cur, "="), cst_field(cur, "right"));
      cur = cst_field(cur, "right");
    }
    if (cst_is(cur, "assignment") || cst_is(cur, "augmented_assignment"))
      s->assign.value = cst_unsupported(p, cst_loc(p, cur), "chained annotated or augmented assignment");
    else
      s->assign.value = pe_expr(p, cur);
    return s;
  }
  if (cst_is(c, "augmented_assignment")) {
    Stmt *s = cst_new_stmt(p, ST_AUGASSIGN, loc);
    TSNode op = cst_field(c, "operator");
    static const char *const ops[BIN_COUNT] = {"+=", "-=", "*=", "/=", "//=", "%=", "**=",
                                               "<<=", ">>=", "|=", "^=", "&=", "@="};
    s->aug.op = BIN_ADD;
    for (int i = 0; i < BIN_COUNT; i++)
      if (cst_is(op, ops[i])) s->aug.op = (BinOp)i;
    s->aug.target = target_or_value(p, cst_field(c, "left"));
    s->aug.value = pe_expr(p, cst_field(c, "right"));
    cst_check_newline(p, op, cst_field(c, "right"));
    return s;
  }
  Stmt *s = cst_new_stmt(p, ST_EXPR, loc);
  s->expr = pe_expr(p, c);
  return s;
}

// if / elif / else: each elif becomes an ST_IF alone in the previous `els`.
static Stmt *if_stmt(FeParser *p, TSNode n) {
  CstKids k;
  cst_kids(p, n, true, &k);
  Stmt *top = cst_new_stmt(p, ST_IF, cst_loc(p, n));
  top->if_.cond = pe_expr(p, cst_field(n, "condition"));
  top->if_.then = ps_block(p, cst_field(n, "consequence"));
  Stmt *cur = top;
  for (uint32_t i = 0; i < k.n; i++) {
    if (!k.field[i] || strcmp(k.field[i], "alternative") != 0) continue;
    TSNode a = k.v[i];
    if (cst_is(a, "elif_clause")) {
      // the elif's span runs to the end of the whole statement (the rest of the chain)
      SrcLoc loc = cst_loc_span(p, a, k.v[k.n - 1]);
      Stmt *s = cst_new_stmt(p, ST_IF, loc);
      s->if_.cond = pe_expr(p, cst_field(a, "condition"));
      s->if_.then = ps_block(p, cst_field(a, "consequence"));
      cur->if_.els.stmts = ARENA_ARRAY(p->cx->arena, Stmt *, 1);
      cur->if_.els.stmts[0] = s;
      cur->if_.els.n = 1;
      cur = s;
    } else if (cst_is(a, "else_clause")) {
      cur->if_.els = ps_block(p, cst_field(a, "body"));
    }
  }
  return top;
}

static Block else_block(FeParser *p, TSNode n) {
  TSNode a = cst_field(n, "alternative");
  if (cst_is(a, "else_clause")) return ps_block(p, cst_field(a, "body"));
  return (Block){0};
}

static Stmt *unsupported_stmt(FeParser *p, TSNode n, const char *what) {
  Stmt *s = cst_new_stmt(p, ST_UNSUPPORTED, cst_loc(p, n));
  s->unsupported = what;
  return s;
}

// The single optional expression child of return / raise / ...
static TSNode first_named(FeParser *p, TSNode n) {
  CstKids k;
  cst_kids(p, n, true, &k);
  return k.n ? k.v[0] : (TSNode){0};
}

static Stmt *convert(FeParser *p, TSNode n) {
  const char *t = ts_node_type(n);
  SrcLoc loc = cst_loc(p, n);
  if (!strcmp(t, "expression_statement")) return expr_stmt(p, n);
  if (!strcmp(t, "pass_statement")) return cst_new_stmt(p, ST_PASS, loc);
  if (!strcmp(t, "break_statement")) return cst_new_stmt(p, ST_BREAK, loc);
  if (!strcmp(t, "continue_statement")) return cst_new_stmt(p, ST_CONTINUE, loc);
  if (!strcmp(t, "return_statement")) {
    Stmt *s = cst_new_stmt(p, ST_RETURN, loc);
    TSNode v = first_named(p, n);
    s->ret.value = ts_node_is_null(v) ? NULL : pe_expr(p, v);
    return s;
  }
  if (!strcmp(t, "if_statement")) return if_stmt(p, n);
  if (!strcmp(t, "while_statement")) {
    Stmt *s = cst_new_stmt(p, ST_WHILE, loc);
    s->while_.cond = pe_expr(p, cst_field(n, "condition"));
    s->while_.body = ps_block(p, cst_field(n, "body"));
    s->while_.orelse = else_block(p, n);
    return s;
  }
  if (!strcmp(t, "for_statement")) {
    if (cst_has_token(p, n, "async")) return unsupported_stmt(p, n, "async for");
    Stmt *s = cst_new_stmt(p, ST_FOR, loc);
    s->for_.target = pe_expr(p, cst_field(n, "left"));
    s->for_.iter = pe_expr(p, cst_field(n, "right"));
    s->for_.body = ps_block(p, cst_field(n, "body"));
    s->for_.orelse = else_block(p, n);
    return s;
  }
  if (!strcmp(t, "assert_statement")) {
    CstKids k;
    cst_kids(p, n, true, &k);
    Stmt *s = cst_new_stmt(p, ST_ASSERT, loc);
    s->assert_.test = k.n > 0 ? pe_expr(p, k.v[0]) : cst_unsupported(p, loc, "invalid syntax");
    s->assert_.msg = k.n > 1 ? pe_expr(p, k.v[1]) : NULL;
    return s;
  }
  if (!strcmp(t, "raise_statement")) {
    if (!ts_node_is_null(cst_field(n, "cause"))) return unsupported_stmt(p, n, "raise ... from ...");
    Stmt *s = cst_new_stmt(p, ST_RAISE, loc);
    TSNode v = first_named(p, n);
    s->raise.exc = ts_node_is_null(v) ? NULL : pe_expr(p, v);
    return s;
  }
  if (!strcmp(t, "function_definition") || !strcmp(t, "decorated_definition")) {
    TSNode def = n;
    if (!strcmp(t, "decorated_definition")) def = cst_field(n, "definition");
    if (cst_is(def, "function_definition")) {
      Stmt *s = cst_new_stmt(p, ST_FUNCDEF, loc);
      s->funcdef = ps_funcdef(p, def, def.id == n.id ? (TSNode){0} : n);
      return s;
    }
    return unsupported_stmt(p, n, "class definition inside a function");
  }
  if (!strcmp(t, "class_definition")) return unsupported_stmt(p, n, "class definition inside a function");
  if (!strcmp(t, "import_statement") || !strcmp(t, "import_from_statement")) {
    Stmt *s = cst_new_stmt(p, ST_IMPORT, loc);
    s->unsupported = "import statement";
    return s;
  }
  static const struct { const char *type, *what; } unsupported[] = {
      {"try_statement", "try statement"},
      {"with_statement", "with statement"},
      {"global_statement", "global statement"},
      {"nonlocal_statement", "nonlocal statement"},
      {"delete_statement", "del statement"},
      {"match_statement", "match statement"},
      {"print_statement", "Python 2 print statement"},
      {"exec_statement", "exec statement"},
      {"type_alias_statement", "type alias statement"},
      {"future_import_statement", "from __future__ import"},
  };
  for (size_t i = 0; i < sizeof unsupported / sizeof unsupported[0]; i++)
    if (!strcmp(t, unsupported[i].type)) return unsupported_stmt(p, n, unsupported[i].what);
  if (!strcmp(t, "ERROR") || ts_node_is_missing(n)) return NULL;
  if (!ts_node_is_named(n)) return NULL;   // `;` between simple statements
  return unsupported_stmt(p, n, "statement");
}

Stmt *ps_stmt(FeParser *p, TSNode n) {
  if (p->stmt_depth >= FE_MAX_DEPTH) {
    cst_depth_error(p, cst_loc(p, n), "statement");
    return NULL;
  }
  p->stmt_depth++;
  Stmt *s = convert(p, n);
  p->stmt_depth--;
  return s;
}

Block ps_block(FeParser *p, TSNode block) {
  Block b = {0};
  if (ts_node_is_null(block)) return b;
  CstKids k;
  cst_kids(p, block, false, &k);
  if (!k.n) return b;
  b.stmts = ARENA_ARRAY(p->cx->arena, Stmt *, k.n);
  uint32_t col = UINT32_MAX;
  for (uint32_t i = 0; i < k.n; i++) {
    if (ts_node_is_named(k.v[i]) && !cst_is(k.v[i], "ERROR")) cst_check_indent(p, k.v[i], &col);
    Stmt *s = ps_stmt(p, k.v[i]);
    if (s) b.stmts[b.n++] = s;
  }
  return b;
}

// ---- definitions -----------------------------------------------------------------
static void decorators(FeParser *p, TSNode decorated, Expr ***out, uint32_t *n) {
  *out = NULL;
  *n = 0;
  if (ts_node_is_null(decorated)) return;
  CstKids k;
  cst_kids(p, decorated, true, &k);
  *out = ARENA_ARRAY(p->cx->arena, Expr *, k.n + 1);
  for (uint32_t i = 0; i < k.n; i++) {
    if (!cst_is(k.v[i], "decorator")) continue;
    TSNode x = first_named(p, k.v[i]);
    (*out)[(*n)++] = ts_node_is_null(x) ? cst_unsupported(p, cst_loc(p, k.v[i]), "invalid syntax")
                                        : pe_expr(p, x);
  }
}

// One entry of `parameters`: a, a: T, a=v, a: T = v, *args, **kw, *, /
static void param(FeParser *p, FuncDef *fn, TSNode n) {
  const char *t = ts_node_type(n);
  Param *pr = &fn->params[fn->nparams];
  pr->loc = cst_loc(p, n);
  TSNode name = {0};
  if (!strcmp(t, "identifier") || !strcmp(t, "keyword_identifier")) {
    name = n;
  } else if (!strcmp(t, "typed_parameter")) {
    name = first_named(p, n);
    if (!cst_is(name, "identifier")) { fn->has_varargs = true; return; }   // *a: T / **k: T
    pr->annot = pe_annot(p, cst_field(n, "type"));
  } else if (!strcmp(t, "default_parameter") || !strcmp(t, "typed_default_parameter")) {
    name = cst_field(n, "name");
    if (!cst_is(name, "identifier")) { fn->has_varargs = true; return; }
    TSNode type = cst_field(n, "type");
    if (!ts_node_is_null(type)) pr->annot = pe_annot(p, type);
    pr->default_value = pe_expr(p, cst_field(n, "value"));
  } else if (!strcmp(t, "positional_separator")) {
    return;   // `/`: harmless for positional calls
  } else {
    fn->has_varargs = true;   // *args, **kwargs, `*`, tuple parameters
    return;
  }
  pr->name = cst_intern(p, name);
  fn->nparams++;
}

FuncDef *ps_funcdef(FeParser *p, TSNode def, TSNode decorated) {
  FuncDef *fn = ARENA_NEW(p->cx->arena, FuncDef);
  TSNode name = cst_field(def, "name");
  fn->loc = cst_loc(p, def);
  fn->name = ts_node_is_null(name) ? intern_cstr(p->cx->strs, "") : cst_intern(p, name);
  fn->name_loc = ts_node_is_null(name) ? fn->loc : cst_loc(p, name);
  fn->is_async = cst_has_token(p, def, "async");
  decorators(p, decorated, &fn->decorators, &fn->ndecorators);
  TSNode params = cst_field(def, "parameters");
  if (!ts_node_is_null(params)) {
    CstKids k;
    cst_kids(p, params, true, &k);
    fn->params = ARENA_ARRAY(p->cx->arena, Param, k.n + 1);
    p->brackets++;
    for (uint32_t i = 0; i < k.n; i++) param(p, fn, k.v[i]);
    p->brackets--;
  }
  TSNode ret = cst_field(def, "return_type");
  fn->ret_annot = ts_node_is_null(ret) ? NULL : pe_annot(p, ret);
  fn->body = ps_block(p, cst_field(def, "body"));
  return fn;
}

static bool is_docstring(TSNode n) {
  if (!cst_is(n, "expression_statement") || ts_node_named_child_count(n) != 1) return false;
  TSNode c = ts_node_named_child(n, 0);
  return cst_is(c, "string") || cst_is(c, "concatenated_string");
}

ClassDef *ps_classdef(FeParser *p, TSNode def, TSNode decorated) {
  ClassDef *cd = ARENA_NEW(p->cx->arena, ClassDef);
  TSNode name = cst_field(def, "name");
  cd->loc = cst_loc(p, def);
  cd->name = ts_node_is_null(name) ? intern_cstr(p->cx->strs, "") : cst_intern(p, name);
  cd->name_loc = ts_node_is_null(name) ? cd->loc : cst_loc(p, name);
  decorators(p, decorated, &cd->decorators, &cd->ndecorators);
  TSNode body = cst_field(def, "body");
  if (ts_node_is_null(body)) return cd;
  CstKids k;
  cst_kids(p, body, false, &k);
  cd->field_names = ARENA_ARRAY(p->cx->arena, const char *, k.n + 1);
  cd->field_annots = ARENA_ARRAY(p->cx->arena, Expr *, k.n + 1);
  cd->field_locs = ARENA_ARRAY(p->cx->arena, SrcLoc, k.n + 1);
  cd->other.stmts = ARENA_ARRAY(p->cx->arena, Stmt *, k.n + 1);
  uint32_t col = UINT32_MAX;
  for (uint32_t i = 0; i < k.n; i++) {
    TSNode s = k.v[i];
    if (ts_node_is_named(s) && !cst_is(s, "ERROR")) cst_check_indent(p, s, &col);
    if (i == 0 && is_docstring(s)) continue;
    // `name: annotation` (no value) is a field
    TSNode asg = ts_node_named_child_count(s) == 1 ? ts_node_named_child(s, 0) : (TSNode){0};
    if (cst_is(s, "expression_statement") && cst_is(asg, "assignment") &&
        !ts_node_is_null(cst_field(asg, "type")) && ts_node_is_null(cst_field(asg, "right")) &&
        cst_is(cst_field(asg, "left"), "identifier")) {
      cd->field_names[cd->nfields] = cst_intern(p, cst_field(asg, "left"));
      cd->field_annots[cd->nfields] = pe_annot(p, cst_field(asg, "type"));
      cd->field_locs[cd->nfields] = cst_loc(p, s);
      cd->nfields++;
      continue;
    }
    Stmt *st = ps_stmt(p, s);
    if (st) cd->other.stmts[cd->other.n++] = st;
  }
  return cd;
}
