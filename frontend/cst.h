// cst.h - private to the parse*.c files: the CST -> AST conversion context
// and small helpers over tree-sitter nodes (text, spans, children, fields).
// Nothing here outlives fe_parse: the AST keeps copies of all text.
#ifndef PYC_FRONTEND_CST_H
#define PYC_FRONTEND_CST_H

#include <tree_sitter/api.h>

#include "frontend.h"

const TSLanguage *tree_sitter_python(void);

// Nesting limit for the recursive conversion functions (expressions and
// statement blocks each): deep enough for any real program, far from
// exhausting the C stack. CPython's tokenizer stops at 200 parentheses too.
#define FE_MAX_DEPTH 200
// Upper bound on a tree-sitter parse (microseconds): error recovery can be
// slow on hostile input; we give up with a diagnostic rather than hang.
#define FE_PARSE_TIMEOUT_US 20000000u

typedef struct FeParser {
  FeCtx *cx;
  uint32_t file;
  const char *src;       // text being converted (the file, or a string annotation)
  uint32_t len;
  TSParser *ts;          // owned by fe_parse; reused for string annotations
  bool has_override;     // inside a string annotation: every node gets `override`
  SrcLoc override;
  uint32_t expr_depth;   // current nesting of pe_expr
  uint32_t stmt_depth;   // current nesting of blocks
  bool depth_reported;   // one "nested too deeply" diagnostic per file
  uint32_t brackets;     // open (), [], {} around the node being converted
} FeParser;

// The children of a node, comments and other extras left out (arena arrays).
typedef struct CstKids {
  TSNode *v;
  const char **field;    // field name or NULL (static strings of the grammar)
  uint32_t n;
} CstKids;

// ---- cst.c -----------------------------------------------------------------
SrcLoc cst_loc(FeParser *p, TSNode n);
SrcLoc cst_loc_span(FeParser *p, TSNode a, TSNode b);  // from a's start to b's end
SrcLoc cst_at(FeParser *p, uint32_t start, uint32_t end);  // byte offsets (override applies)
bool cst_is(TSNode n, const char *type);
const char *cst_text(FeParser *p, TSNode n, uint32_t *len);  // into p->src, not copied
const char *cst_intern(FeParser *p, TSNode n);
void cst_kids(FeParser *p, TSNode n, bool named_only, CstKids *out);
TSNode cst_field(TSNode n, const char *field);          // null node if absent
bool cst_has_token(FeParser *p, TSNode n, const char *tok);  // anonymous child `tok`
TSNode cst_token(FeParser *p, TSNode n, const char *tok);   // that child, or a null node
// tree-sitter-python accepts `x = 1 +` NEWLINE `2` outside brackets; Python
// does not. Reports a line break between operator `op` and operand `next`.
void cst_check_newline(FeParser *p, TSNode op, TSNode next);
// Statement indentation: checks `n` against *col (the block's column, set by
// its first statement that starts a line; UINT32_MAX = not known yet) and
// reports "unexpected indent" (tree-sitter-python accepts it silently).
void cst_check_indent(FeParser *p, TSNode n, uint32_t *col);
bool cst_depth_error(FeParser *p, SrcLoc loc, const char *what);  // reports once
Expr *cst_new_expr(FeParser *p, ExprKind k, SrcLoc loc);
Stmt *cst_new_stmt(FeParser *p, StmtKind k, SrcLoc loc);
Expr *cst_unsupported(FeParser *p, SrcLoc loc, const char *what);

// ---- parse_lit.c: literals -------------------------------------------------------
Expr *pl_integer(FeParser *p, TSNode n);
Expr *pl_float(FeParser *p, TSNode n);
Expr *pl_string(FeParser *p, TSNode n);   // string or concatenated_string
// Decodes the body of a (non-bytes) string literal: escapes unless raw,
// `{{`/`}}` when fstring. Returns arena bytes (NUL-terminated), length in *out_len.
char *pl_decode(FeParser *p, const char *s, uint32_t n, bool raw, bool fstring,
                uint32_t *out_len);

// ---- parse_expr.c: expressions and annotations ----------------------------------
Expr *pe_expr(FeParser *p, TSNode n);
// An annotation (`type` node or expression); a whole-string annotation is
// parsed again as an expression.
Expr *pe_annot(FeParser *p, TSNode n);

// ---- parse_stmt.c: statements, blocks, defs ---------------------------------------
Block ps_block(FeParser *p, TSNode block);
Stmt *ps_stmt(FeParser *p, TSNode n);     // NULL for nothing (ERROR nodes, `;`)
FuncDef *ps_funcdef(FeParser *p, TSNode def, TSNode decorated);
ClassDef *ps_classdef(FeParser *p, TSNode def, TSNode decorated);

// ---- parse_syntax.c: syntax diagnostics ----------------------------------------------
// Finds bare `NAME[...:...]` annotations near the ERROR nodes of `tree`,
// diagnoses them and blanks their `[...]` in `text` (same length, newlines
// kept) so the caller can parse again with a better error recovery. Returns
// how many were found.
uint32_t fe_bad_annotations(FeParser *p, TSTree *tree, char *text);
// Reports the ERROR and MISSING nodes of `tree`, each distinct ERROR once.
void fe_syntax_errors(FeParser *p, TSTree *tree);

#endif
