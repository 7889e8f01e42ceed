// parse_expr.c - expressions: tree-sitter expression nodes -> Expr. Every
// Python expression gets a node; constructs outside the subset (lambda,
// comprehensions, walrus, await, ...) become EX_UNSUPPORTED with a readable
// name, for the checker to judge. Parentheses make no node. Annotations
// (`type` nodes) are expressions too; a whole-string annotation
// ('float64[:]') is parsed a second time as an expression.
// Recursion is bounded by FE_MAX_DEPTH; long `and`/`or` chains are flattened.
#include "cst.h"

#include <stdio.h>

static Expr **expr_list(FeParser *p, CstKids *k, uint32_t *n) {
  Expr **xs = k->n ? ARENA_ARRAY(p->cx->arena, Expr *, k->n) : NULL;
  uint32_t m = 0;
  for (uint32_t i = 0; i < k->n; i++) xs[m++] = pe_expr(p, k->v[i]);
  *n = m;
  return xs;
}

// (a, b) / a, b / [a, b] / a, b = ... targets
static Expr *seq_expr(FeParser *p, TSNode n, ExprKind kind) {
  CstKids k;
  cst_kids(p, n, true, &k);
  Expr *e = cst_new_expr(p, kind, cst_loc(p, n));
  e->seq.xs = expr_list(p, &k, &e->seq.n);
  return e;
}

static Expr *invalid_syntax(FeParser *p, TSNode n) {
  return cst_unsupported(p, cst_loc(p, n), "invalid syntax");
}

// The named children of n, when there are exactly `want` of them.
static bool kids_exactly(FeParser *p, TSNode n, uint32_t want, CstKids *k) {
  cst_kids(p, n, true, k);
  return k->n == want;
}

// l op r (both converted, left first) with n's span.
static Expr *binop_expr(FeParser *p, TSNode n, BinOp op, TSNode l, TSNode r) {
  Expr *e = cst_new_expr(p, EX_BINOP, cst_loc(p, n));
  e->bin.op = op;
  e->bin.l = pe_expr(p, l);
  e->bin.r = pe_expr(p, r);
  return e;
}

// op x, where x is n's `argument` and `tok` the operator token (a line
// break between them is an error outside brackets).
static Expr *unary_expr(FeParser *p, TSNode n, UnaryOp op, TSNode tok) {
  Expr *e = cst_new_expr(p, EX_UNARY, cst_loc(p, n));
  TSNode arg = cst_field(n, "argument");
  e->un.op = op;
  e->un.x = pe_expr(p, arg);
  cst_check_newline(p, tok, arg);
  return e;
}

static Expr *bool_lit(FeParser *p, TSNode n, bool v) {
  Expr *e = cst_new_expr(p, EX_BOOL, cst_loc(p, n));
  e->bval = v;
  return e;
}

static bool binop_of(const char *t, BinOp *op) {
  static const char *const ops[BIN_COUNT] = {"+", "-", "*", "/", "//", "%", "**",
                                             "<<", ">>", "|", "^", "&", "@"};
  for (int i = 0; i < BIN_COUNT; i++)
    if (strcmp(t, ops[i]) == 0) { *op = (BinOp)i; return true; }
  return false;
}

static Expr *binary(FeParser *p, TSNode n) {
  TSNode op = cst_field(n, "operator");
  BinOp b;
  if (ts_node_is_null(op) || !binop_of(ts_node_type(op), &b))
    return cst_unsupported(p, cst_loc(p, n), "operator");
  Expr *e = binop_expr(p, n, b, cst_field(n, "left"), cst_field(n, "right"));
  cst_check_newline(p, op, cst_field(n, "right"));
  return e;
}

static Expr *unary(FeParser *p, TSNode n) {
  TSNode op = cst_field(n, "operator");
  const char *t = ts_node_is_null(op) ? "" : ts_node_type(op);
  return unary_expr(p, n, strcmp(t, "-") == 0 ? UN_NEG : strcmp(t, "+") == 0 ? UN_POS : UN_INVERT,
                    op);
}

// a if c else b
static Expr *ifexp(FeParser *p, TSNode n) {
  CstKids k;
  if (!kids_exactly(p, n, 3, &k)) return invalid_syntax(p, n);
  Expr *e = cst_new_expr(p, EX_IFEXP, cst_loc(p, n));
  e->ifexp.then = pe_expr(p, k.v[0]);
  e->ifexp.cond = pe_expr(p, k.v[1]);
  e->ifexp.els = pe_expr(p, k.v[2]);
  return e;
}

// a and b and c: the left spine of same-operator nodes is walked in a loop.
static Expr *boolop(FeParser *p, TSNode n) {
  TSNode op = cst_field(n, "operator");
  bool is_and = cst_is(op, "and");
  uint32_t cnt = 1;
  TSNode cur = n;
  while (cst_is(cur, "boolean_operator") && cst_is(cst_field(cur, "operator"), is_and ? "and" : "or")) {
    cnt++;
    cur = cst_field(cur, "left");
  }
  Expr *e = cst_new_expr(p, EX_BOOLOP, cst_loc(p, n));
  e->boolop.is_and = is_and;
  e->boolop.n = cnt;
  e->boolop.xs = ARENA_ARRAY(p->cx->arena, Expr *, cnt);
  cur = n;
  for (uint32_t i = cnt - 1; i > 0; i--) {
    e->boolop.xs[i] = pe_expr(p, cst_field(cur, "right"));
    cst_check_newline(p, cst_field(cur, "operator"), cst_field(cur, "right"));
    cur = cst_field(cur, "left");
  }
  e->boolop.xs[0] = pe_expr(p, cur);
  return e;
}

// a < b <= c is not d not in e
static Expr *compare(FeParser *p, TSNode n) {
  CstKids k;
  cst_kids(p, n, false, &k);
  Expr *e = cst_new_expr(p, EX_COMPARE, cst_loc(p, n));
  e->cmp.ops = ARENA_ARRAY(p->cx->arena, CmpOp, k.n + 1);
  e->cmp.rest = ARENA_ARRAY(p->cx->arena, Expr *, k.n + 1);
  static const char *const ops[CMP_COUNT] = {"<", "<=", ">", ">=", "==", "!=",
                                             "is", "is not", "in", "not in"};
  bool have_op = false;
  TSNode last_op = {0};
  for (uint32_t i = 0; i < k.n; i++) {
    if (k.field[i] && strcmp(k.field[i], "operators") == 0) {
      const char *t = ts_node_type(k.v[i]);
      CmpOp op = CMP_NE;   // `<>` (Python 2)
      for (int j = 0; j < CMP_COUNT; j++)
        if (strcmp(t, ops[j]) == 0) op = (CmpOp)j;
      e->cmp.ops[e->cmp.n] = op;
      have_op = true;
      last_op = k.v[i];
    } else if (ts_node_is_named(k.v[i])) {
      Expr *x = pe_expr(p, k.v[i]);
      if (!e->cmp.first) e->cmp.first = x;
      else if (have_op) {
        e->cmp.rest[e->cmp.n++] = x;
        have_op = false;
        cst_check_newline(p, last_op, k.v[i]);
      }
    }
  }
  if (!e->cmp.first || e->cmp.n == 0) return invalid_syntax(p, n);
  return e;
}

// lo:hi:step, any part absent
static Expr *slice(FeParser *p, TSNode n) {
  CstKids k;
  cst_kids(p, n, false, &k);
  Expr *e = cst_new_expr(p, EX_SLICE, cst_loc(p, n));
  int part = 0;
  for (uint32_t i = 0; i < k.n; i++) {
    if (!ts_node_is_named(k.v[i])) {
      if (strcmp(ts_node_type(k.v[i]), ":") == 0) part++;
      continue;
    }
    Expr *x = pe_expr(p, k.v[i]);
    if (part == 0) e->slice.lo = x;
    else if (part == 1) e->slice.hi = x;
    else e->slice.step = x;
  }
  return e;
}

static Expr *subscript(FeParser *p, TSNode n) {
  CstKids k;
  cst_kids(p, n, true, &k);
  Expr *e = cst_new_expr(p, EX_SUBSCRIPT, cst_loc(p, n));
  e->sub.index = ARENA_ARRAY(p->cx->arena, Expr *, k.n + 1);
  for (uint32_t i = 0; i < k.n; i++) {
    if (k.field[i] && strcmp(k.field[i], "value") == 0) e->sub.value = pe_expr(p, k.v[i]);
    else if (k.field[i] && strcmp(k.field[i], "subscript") == 0) e->sub.index[e->sub.n++] = pe_expr(p, k.v[i]);
  }
  if (!e->sub.value) e->sub.value = invalid_syntax(p, n);
  return e;
}

static Expr *attribute(FeParser *p, TSNode n) {
  Expr *e = cst_new_expr(p, EX_ATTR, cst_loc(p, n));
  TSNode a = cst_field(n, "attribute");
  e->attr.value = pe_expr(p, cst_field(n, "object"));
  e->attr.attr = ts_node_is_null(a) ? intern_cstr(p->cx->strs, "") : cst_intern(p, a);
  e->attr.attr_loc = ts_node_is_null(a) ? e->loc : cst_loc(p, a);
  return e;
}

static Expr *call(FeParser *p, TSNode n) {
  Expr *e = cst_new_expr(p, EX_CALL, cst_loc(p, n));
  e->call.func = pe_expr(p, cst_field(n, "function"));
  TSNode args = cst_field(n, "arguments");
  if (cst_is(args, "generator_expression")) {
    e->call.args = ARENA_ARRAY(p->cx->arena, Expr *, 1);
    e->call.args[e->call.nargs++] = cst_unsupported(p, cst_loc(p, args), "generator expression");
    return e;
  }
  if (ts_node_is_null(args)) return e;
  CstKids k;
  cst_kids(p, args, true, &k);
  e->call.args = ARENA_ARRAY(p->cx->arena, Expr *, k.n + 1);
  e->call.kw = ARENA_ARRAY(p->cx->arena, Keyword, k.n + 1);
  for (uint32_t i = 0; i < k.n; i++) {
    TSNode a = k.v[i];
    if (cst_is(a, "keyword_argument")) {
      Keyword *kw = &e->call.kw[e->call.nkw++];
      TSNode name = cst_field(a, "name");
      kw->name = ts_node_is_null(name) ? intern_cstr(p->cx->strs, "") : cst_intern(p, name);
      kw->loc = cst_loc(p, a);
      kw->value = pe_expr(p, cst_field(a, "value"));
    } else if (cst_is(a, "dictionary_splat")) {
      e->call.args[e->call.nargs++] = cst_unsupported(p, cst_loc(p, a), "**kwargs argument");
    } else if (cst_is(a, "list_splat")) {
      e->call.args[e->call.nargs++] = cst_unsupported(p, cst_loc(p, a), "*args argument");
    } else {
      e->call.args[e->call.nargs++] = pe_expr(p, a);
    }
  }
  return e;
}

static Expr *dict(FeParser *p, TSNode n) {
  CstKids k;
  cst_kids(p, n, true, &k);
  Expr *e = cst_new_expr(p, EX_DICT, cst_loc(p, n));
  e->dict.keys = ARENA_ARRAY(p->cx->arena, Expr *, k.n + 1);
  e->dict.values = ARENA_ARRAY(p->cx->arena, Expr *, k.n + 1);
  for (uint32_t i = 0; i < k.n; i++) {
    if (!cst_is(k.v[i], "pair")) return cst_unsupported(p, e->loc, "dict unpacking");
    e->dict.keys[e->dict.n] = pe_expr(p, cst_field(k.v[i], "key"));
    e->dict.values[e->dict.n++] = pe_expr(p, cst_field(k.v[i], "value"));
  }
  return e;
}

// Array[float64, 2] in an annotation: generic_type = identifier type_parameter
static Expr *generic_type(FeParser *p, TSNode n) {
  CstKids k;
  cst_kids(p, n, true, &k);
  Expr *e = cst_new_expr(p, EX_SUBSCRIPT, cst_loc(p, n));
  for (uint32_t i = 0; i < k.n; i++) {
    if (cst_is(k.v[i], "type_parameter")) {
      CstKids tk;
      cst_kids(p, k.v[i], true, &tk);
      e->sub.index = expr_list(p, &tk, &e->sub.n);
    } else if (!e->sub.value) {
      e->sub.value = pe_expr(p, k.v[i]);
    }
  }
  if (!e->sub.value) e->sub.value = invalid_syntax(p, n);
  return e;
}

// a.b in an annotation
static Expr *member_type(FeParser *p, TSNode n) {
  CstKids k;
  if (!kids_exactly(p, n, 2, &k)) return invalid_syntax(p, n);
  Expr *e = cst_new_expr(p, EX_ATTR, cst_loc(p, n));
  e->attr.value = pe_expr(p, k.v[0]);
  e->attr.attr = cst_intern(p, k.v[1]);
  e->attr.attr_loc = cst_loc(p, k.v[1]);
  return e;
}

// Nodes with one meaningful named child: (x), type, a `type` in type_parameter.
static Expr *only_child(FeParser *p, TSNode n) {
  CstKids k;
  if (!kids_exactly(p, n, 1, &k)) return invalid_syntax(p, n);
  return pe_expr(p, k.v[0]);
}

// A | B in an annotation
static Expr *union_type(FeParser *p, TSNode n) {
  CstKids k;
  if (!kids_exactly(p, n, 2, &k)) return invalid_syntax(p, n);
  return binop_expr(p, n, BIN_BITOR, k.v[0], k.v[1]);
}

static Expr *name(FeParser *p, TSNode n) {
  Expr *e = cst_new_expr(p, EX_NAME, cst_loc(p, n));
  e->name.id = cst_intern(p, n);
  return e;
}

typedef struct UnsupportedName {
  const char *type;
  const char *what;
} UnsupportedName;

static const UnsupportedName unsupported_names[] = {
    {"lambda", "lambda"},
    {"list_comprehension", "list comprehension"},
    {"set_comprehension", "set comprehension"},
    {"dictionary_comprehension", "dict comprehension"},
    {"generator_expression", "generator expression"},
    {"await", "await expression"},
    {"yield", "yield expression"},
    {"named_expression", "assignment expression (walrus operator)"},
    {"list_splat", "starred expression"},
    {"list_splat_pattern", "starred assignment target"},
    {"dictionary_splat", "** unpacking"},
    {"parenthesized_list_splat", "starred expression"},
    {"set", "set display"},
    {"ellipsis", "ellipsis"},
    {"as_pattern", "'as' pattern"},
    {"splat_type", "starred type"},
    {"constrained_type", "constrained type"},
    {"print_statement", "print statement"},
    {"ERROR", "invalid syntax"},
};

static Expr *convert(FeParser *p, TSNode n) {
  const char *t = ts_node_type(n);
  switch (t[0]) {
  case 'a':
    if (!strcmp(t, "attribute")) return attribute(p, n);
    break;
  case 'b':
    if (!strcmp(t, "binary_operator")) return binary(p, n);
    if (!strcmp(t, "boolean_operator")) return boolop(p, n);
    break;
  case 'c':
    if (!strcmp(t, "call")) return call(p, n);
    if (!strcmp(t, "comparison_operator")) return compare(p, n);
    if (!strcmp(t, "concatenated_string")) return pl_string(p, n);
    if (!strcmp(t, "conditional_expression")) return ifexp(p, n);
    break;
  case 'd':
    if (!strcmp(t, "dictionary")) return dict(p, n);
    break;
  case 'e':
    if (!strcmp(t, "expression_list")) return seq_expr(p, n, EX_TUPLE);
    break;
  case 'f':
    if (!strcmp(t, "float")) return pl_float(p, n);
    if (!strcmp(t, "false")) return bool_lit(p, n, false);
    break;
  case 'g':
    if (!strcmp(t, "generic_type")) return generic_type(p, n);
    break;
  case 'i':
    if (!strcmp(t, "identifier")) return name(p, n);
    if (!strcmp(t, "integer")) return pl_integer(p, n);
    break;
  case 'k':
    if (!strcmp(t, "keyword_identifier")) return name(p, n);
    break;
  case 'l':
    if (!strcmp(t, "list") || !strcmp(t, "list_pattern")) return seq_expr(p, n, EX_LIST);
    break;
  case 'm':
    if (!strcmp(t, "member_type")) return member_type(p, n);
    break;
  case 'n':
    if (!strcmp(t, "none")) return cst_new_expr(p, EX_NONE, cst_loc(p, n));
    if (!strcmp(t, "not_operator")) return unary_expr(p, n, UN_NOT, ts_node_child(n, 0));
    break;
  case 'p':
    if (!strcmp(t, "parenthesized_expression")) return only_child(p, n);
    if (!strcmp(t, "pattern_list")) return seq_expr(p, n, EX_TUPLE);
    break;
  case 's':
    if (!strcmp(t, "string")) return pl_string(p, n);
    if (!strcmp(t, "subscript")) return subscript(p, n);
    if (!strcmp(t, "slice")) return slice(p, n);
    break;
  case 't':
    if (!strcmp(t, "true")) return bool_lit(p, n, true);
    if (!strcmp(t, "tuple") || !strcmp(t, "tuple_pattern")) return seq_expr(p, n, EX_TUPLE);
    if (!strcmp(t, "type")) return only_child(p, n);
    break;
  case 'u':
    if (!strcmp(t, "unary_operator")) return unary(p, n);
    if (!strcmp(t, "union_type")) return union_type(p, n);
    break;
  default:
    break;
  }
  for (size_t i = 0; i < sizeof unsupported_names / sizeof unsupported_names[0]; i++)
    if (!strcmp(t, unsupported_names[i].type))
      return cst_unsupported(p, cst_loc(p, n), unsupported_names[i].what);
  return cst_unsupported(p, cst_loc(p, n), "expression");
}

// Inside these, line breaks are free (implicit line joining).
static bool opens_bracket(TSNode n) {
  static const char *const types[] = {"parenthesized_expression", "tuple", "list", "dictionary",
                                      "set", "call", "subscript", "generic_type", "string",
                                      "concatenated_string", "list_comprehension",
                                      "generator_expression", "set_comprehension",
                                      "dictionary_comprehension", "tuple_pattern", "list_pattern"};
  const char *t = ts_node_type(n);
  for (size_t i = 0; i < sizeof types / sizeof types[0]; i++)
    if (strcmp(t, types[i]) == 0) return true;
  return false;
}

Expr *pe_expr(FeParser *p, TSNode n) {
  if (ts_node_is_null(n)) return cst_unsupported(p, cst_at(p, 0, 0), "invalid syntax");
  if (p->expr_depth >= FE_MAX_DEPTH) {
    cst_depth_error(p, cst_loc(p, n), "expression");
    return cst_unsupported(p, cst_loc(p, n), "expression nested too deeply");
  }
  p->expr_depth++;
  bool br = opens_bracket(n);
  p->brackets += br;
  Expr *e = convert(p, n);
  p->brackets -= br;
  p->expr_depth--;
  return e;
}

// ---- annotations -----------------------------------------------------------------
// 'float64[:, ::1]' -> parse `_ = (<text>)` and convert the parenthesized
// expression; every node of it gets the string literal's span.
static Expr *string_annot(FeParser *p, TSNode str, Expr *lit) {
  SrcLoc loc = cst_loc(p, str);
  size_t n = (size_t)lit->str.len + 7;
  char *buf = arena_alloc(p->cx->arena, n + 1);
  memcpy(buf, "_ = (", 5);
  memcpy(buf + 5, lit->str.s, lit->str.len);
  memcpy(buf + 5 + lit->str.len, ")\n", 2);
  TSTree *tree = ts_parser_parse_string(p->ts, NULL, buf, (uint32_t)n);
  if (!tree) {
    ts_parser_reset(p->ts);
    diag_error(p->cx->diags, loc, "could not parse the string annotation");
    return cst_unsupported(p, loc, "invalid string annotation");
  }
  TSNode root = ts_tree_root_node(tree);
  // Only a clean `_ = (...)` is looked into: with errors, the statement or the
  // assignment may be missing (null nodes; `x: "TIR verifier"` crashed here).
  bool clean = !ts_node_has_error(root) && ts_node_named_child_count(root) == 1;
  TSNode stmt = clean ? ts_node_named_child(root, 0) : (TSNode){0};
  TSNode asg = !ts_node_is_null(stmt) && ts_node_named_child_count(stmt) >= 1
                   ? ts_node_named_child(stmt, 0) : (TSNode){0};
  TSNode rhs = cst_field(asg, "right");
  Expr *e;
  if (!clean || !cst_is(rhs, "parenthesized_expression") || ts_node_start_byte(rhs) != 4 ||
      ts_node_end_byte(rhs) != n - 1) {
    diag_error(p->cx->diags, loc, "invalid syntax in the string annotation '%.*s'",
               (int)(lit->str.len > 60 ? 60 : lit->str.len), lit->str.s);
    e = cst_unsupported(p, loc, "invalid string annotation");
  } else {
    FeParser sub = *p;
    sub.src = buf;
    sub.len = (uint32_t)n;
    sub.has_override = true;
    sub.override = loc;
    e = pe_expr(&sub, rhs);
    p->depth_reported = sub.depth_reported;
  }
  ts_tree_delete(tree);
  return e;
}

Expr *pe_annot(FeParser *p, TSNode n) {
  if (ts_node_is_null(n)) return NULL;
  TSNode inner = n;
  if (cst_is(n, "type") && ts_node_named_child_count(n) == 1) inner = ts_node_named_child(n, 0);
  if (cst_is(inner, "string") && !p->has_override) {
    Expr *lit = pl_string(p, inner);
    if (lit->kind == EX_STR) return string_annot(p, inner, lit);
    return lit;
  }
  return pe_expr(p, n);
}
