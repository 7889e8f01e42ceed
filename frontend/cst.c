// cst.c - helpers over tree-sitter nodes for the CST -> AST conversion:
// spans (byte offsets into the file, or the enclosing string literal's span
// inside a string annotation), node text, children without extras (comments,
// line continuations) gathered with a cursor (ts_node_child is linear in the
// index, so loops over it would be quadratic on huge lists), node allocation.
#include "cst.h"

#include <stdlib.h>

SrcLoc cst_loc(FeParser *p, TSNode n) {
  if (p->has_override) return p->override;
  uint32_t s = ts_node_start_byte(n), e = ts_node_end_byte(n);
  if (s > p->len) s = p->len;
  if (e > p->len) e = p->len;
  if (e < s) e = s;
  return (SrcLoc){p->file, s, e};
}

SrcLoc cst_at(FeParser *p, uint32_t start, uint32_t end) {
  if (p->has_override) return p->override;
  if (end > p->len) end = p->len;
  if (start > end) start = end;
  return (SrcLoc){p->file, start, end};
}

SrcLoc cst_loc_span(FeParser *p, TSNode a, TSNode b) {
  SrcLoc la = cst_loc(p, a), lb = cst_loc(p, b);
  if (lb.end > la.end) la.end = lb.end;
  return la;
}

bool cst_is(TSNode n, const char *type) {
  return !ts_node_is_null(n) && strcmp(ts_node_type(n), type) == 0;
}

const char *cst_text(FeParser *p, TSNode n, uint32_t *len) {
  uint32_t s = ts_node_start_byte(n), e = ts_node_end_byte(n);
  if (s > p->len) s = p->len;
  if (e > p->len) e = p->len;
  if (e < s) e = s;
  *len = e - s;
  return p->src + s;
}

const char *cst_intern(FeParser *p, TSNode n) {
  uint32_t len;
  const char *s = cst_text(p, n, &len);
  return intern(p->cx->strs, s, len);
}

void cst_kids(FeParser *p, TSNode n, bool named_only, CstKids *out) {
  uint32_t cap = ts_node_child_count(n);
  out->n = 0;
  out->v = cap ? ARENA_ARRAY(p->cx->arena, TSNode, cap) : NULL;
  out->field = cap ? ARENA_ARRAY(p->cx->arena, const char *, cap) : NULL;
  if (!cap) return;
  TSTreeCursor c = ts_tree_cursor_new(n);
  if (ts_tree_cursor_goto_first_child(&c)) {
    do {
      TSNode k = ts_tree_cursor_current_node(&c);
      if (ts_node_is_extra(k) || (named_only && !ts_node_is_named(k))) continue;
      if (out->n == cap) break;
      out->v[out->n] = k;
      out->field[out->n] = ts_tree_cursor_current_field_name(&c);
      out->n++;
    } while (ts_tree_cursor_goto_next_sibling(&c));
  }
  ts_tree_cursor_delete(&c);
}

TSNode cst_field(TSNode n, const char *field) {
  // libtree-sitter 0.20.7 dereferences a null node here (found by fuzzing).
  if (ts_node_is_null(n)) return n;
  return ts_node_child_by_field_name(n, field, (uint32_t)strlen(field));
}

TSNode cst_token(FeParser *p, TSNode n, const char *tok) {
  CstKids k;
  cst_kids(p, n, false, &k);
  for (uint32_t i = 0; i < k.n; i++)
    if (!ts_node_is_named(k.v[i]) && strcmp(ts_node_type(k.v[i]), tok) == 0) return k.v[i];
  return (TSNode){0};
}

bool cst_has_token(FeParser *p, TSNode n, const char *tok) {
  return !ts_node_is_null(cst_token(p, n, tok));
}

void cst_check_newline(FeParser *p, TSNode op, TSNode next) {
  if (p->brackets || p->has_override || ts_node_is_null(op) || ts_node_is_null(next)) return;
  uint32_t s = ts_node_end_byte(op), e = ts_node_start_byte(next);
  if (e > p->len) e = p->len;
  bool comment = false;
  for (uint32_t i = s; i < e; i++) {
    char c = p->src[i];
    if (c == '#') comment = true;
    if (c != '\n') continue;
    uint32_t k = i;
    while (k > s && p->src[k - 1] == '\r') k--;
    if (!comment && k > s && p->src[k - 1] == '\\') continue;   // explicit line continuation
    diag_error(p->cx->diags, cst_loc(p, op), "invalid syntax: expected an expression after '%s'",
               ts_node_type(op));
    return;
  }
}

void cst_check_indent(FeParser *p, TSNode n, uint32_t *col) {
  if (p->has_override) return;
  uint32_t s = ts_node_start_byte(n), k = s;
  if (s > p->len) return;
  while (k > 0 && s - k < 256 && (p->src[k - 1] == ' ' || p->src[k - 1] == '\t')) k--;
  if (k > 0 && p->src[k - 1] != '\n' && p->src[k - 1] != '\r' && p->src[k - 1] != '\f') return;   // not first on its line
  uint32_t c = s - k;
  if (*col == UINT32_MAX) *col = c;
  else if (c > *col) diag_error(p->cx->diags, cst_loc(p, n), "unexpected indent");
}

bool cst_depth_error(FeParser *p, SrcLoc loc, const char *what) {
  if (!p->depth_reported) {
    p->depth_reported = true;
    diag_error(p->cx->diags, loc, "%s nested too deeply (limit %d)", what, FE_MAX_DEPTH);
  }
  return true;
}

Expr *cst_new_expr(FeParser *p, ExprKind k, SrcLoc loc) {
  Expr *e = ARENA_NEW(p->cx->arena, Expr);
  e->kind = k;
  e->loc = loc;
  return e;
}

Stmt *cst_new_stmt(FeParser *p, StmtKind k, SrcLoc loc) {
  Stmt *s = ARENA_NEW(p->cx->arena, Stmt);
  s->kind = k;
  s->loc = loc;
  return s;
}

Expr *cst_unsupported(FeParser *p, SrcLoc loc, const char *what) {
  Expr *e = cst_new_expr(p, EX_UNSUPPORTED, loc);
  e->unsupported = what;
  return e;
}
