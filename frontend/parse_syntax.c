// parse_syntax.c - syntax diagnostics from the tree-sitter CST.
// ERROR nodes give "invalid syntax: unexpected 'tok'" (or "'(' was never
// closed", or "expected an expression after '+'"), MISSING nodes "invalid
// syntax: expected ')'"; each top-level ERROR once, children not reported.
// The bare slice annotation `x: float64[:]` is not Python syntax tree-sitter
// accepts (identifier[...] is a generic type there, slices are ERRORs, and the
// recovery can swallow a whole def): it is found by scanning the source text
// around each ERROR and diagnosed with the spellings to use instead.
// All walks are iterative (cursors), so any nesting depth is fine.
#include "cst.h"

#include <ctype.h>

static bool diag_full(FeParser *p) { return p->cx->diags->nerrors >= DIAG_MAX_ERRORS; }

// Calls fn on every top-level ERROR node (and, when missing_too, on MISSING
// nodes outside ERRORs), pruning subtrees without errors.
typedef void (*ErrFn)(FeParser *p, TSNode n, void *ud);
static void walk_errors(FeParser *p, TSTree *tree, bool missing_too, ErrFn fn, void *ud) {
  TSNode root = ts_tree_root_node(tree);
  if (!ts_node_has_error(root)) return;
  TSTreeCursor c = ts_tree_cursor_new(root);
  for (;;) {
    if (diag_full(p)) break;
    TSNode n = ts_tree_cursor_current_node(&c);
    bool descend = false;
    if (strcmp(ts_node_type(n), "ERROR") == 0) fn(p, n, ud);
    else if (ts_node_is_missing(n)) { if (missing_too) fn(p, n, ud); }
    else descend = ts_node_has_error(n);
    if (descend && ts_tree_cursor_goto_first_child(&c)) continue;
    bool up = false;
    while (!ts_tree_cursor_goto_next_sibling(&c)) {
      if (!ts_tree_cursor_goto_parent(&c)) { up = true; break; }
    }
    if (up) break;
  }
  ts_tree_cursor_delete(&c);
}

// ---- the bare `NAME[...:...]` annotation ------------------------------------------
typedef struct BadAnnots {
  char *text;          // the text being parsed (blanked in place)
  uint32_t found;
  uint32_t seen[64];   // starts already reported (dedupe across overlapping regions)
  uint32_t nseen;
  uint32_t errors_visited;
} BadAnnots;

static bool is_id_start(char c) { return isalpha((unsigned char)c) || c == '_'; }
static bool is_id_char(char c) { return isalnum((unsigned char)c) || c == '_'; }

// At `j` (just after ':' or '->'): NAME [ ... ] with a ':' at the top bracket level?
static bool match_annot(const char *t, uint32_t len, uint32_t j, uint32_t *s, uint32_t *open,
                        uint32_t *close) {
  while (j < len && (t[j] == ' ' || t[j] == '\t')) j++;
  if (j >= len || !is_id_start(t[j])) return false;
  *s = j;
  while (j < len && is_id_char(t[j])) j++;
  while (j < len && (t[j] == ' ' || t[j] == '\t')) j++;
  if (j >= len || t[j] != '[') return false;
  *open = j;
  int depth = 0;
  bool colon = false;
  for (uint32_t k = j; k < len && k < j + 300; k++) {
    char c = t[k];
    if (c == '[' || c == '(' || c == '{') depth++;
    else if (c == ']' || c == ')' || c == '}') {
      if (--depth == 0) {
        if (c != ']') return false;
        *close = k;
        return colon;
      }
    } else if (c == ':' && depth == 1) colon = true;
    else if (c == '\'' || c == '"' || c == '#' || c == '\n' || c == '=') return false;
  }
  return false;
}

// `:` of a parameter or variable annotation: `(name:`, `, name:` or `name:` first on its line.
static bool annot_colon(const char *t, uint32_t lo, uint32_t i) {
  if (i + 1 < lo + 1) return false;
  uint32_t k = i;
  while (k > lo && (t[k - 1] == ' ' || t[k - 1] == '\t')) k--;
  uint32_t e = k;
  while (k > lo && is_id_char(t[k - 1])) k--;
  if (k == e || !is_id_start(t[k])) return false;
  while (k > lo && (t[k - 1] == ' ' || t[k - 1] == '\t')) k--;
  return k == lo || t[k - 1] == '(' || t[k - 1] == ',' || t[k - 1] == '\n';
}

static void report_annot(FeParser *p, BadAnnots *b, uint32_t s, uint32_t open, uint32_t close) {
  for (uint32_t i = 0; i < b->nseen; i++)
    if (b->seen[i] == s) return;
  if (b->nseen < 64) b->seen[b->nseen++] = s;
  const char *t = b->text;
  // the annotation as written (whitespace runs collapsed), its name and shape
  Str annot;
  str_init(&annot);
  for (uint32_t k = s; k <= close; k++) {
    char c = t[k];
    if (c == '\n' || c == '\t' || c == '\r') c = ' ';
    if (c == ' ' && annot.len && annot.data[annot.len - 1] == ' ') continue;
    str_putc(&annot, c);
  }
  uint32_t name_end = s;
  while (is_id_char(t[name_end])) name_end++;
  unsigned ndim = 1;
  uint32_t last_item = open + 1;
  int depth = 0;
  for (uint32_t k = open + 1; k < close; k++) {
    char c = t[k];
    if (c == '[' || c == '(' || c == '{') depth++;
    else if (c == ']' || c == ')' || c == '}') depth--;
    else if (c == ',' && depth == 0) ndim++, last_item = k + 1;
  }
  char last[8];
  uint32_t nl = 0;
  for (uint32_t k = last_item; k < close && nl < 7; k++)
    if (t[k] != ' ' && t[k] != '\t' && t[k] != '\n') last[nl++] = t[k];
  last[nl] = 0;
  bool contig = strcmp(last, "::1") == 0;
  diag_error(p->cx->diags, cst_at(p, s, close + 1),
             "annotation '%s' is not valid Python syntax for tree-sitter; write 'pt.%s', "
             "'Array[%.*s, %u%s]' or the string '%s'",
             annot.data, annot.data, (int)(name_end - s), t + s, ndim, contig ? ", 'C'" : "",
             annot.data);
  str_fini(&annot);
  for (uint32_t k = open; k <= close; k++)
    if (t[k] != '\n' && t[k] != '\r') b->text[k] = ' ';
  b->found++;
}

static void scan_bad_annots(FeParser *p, TSNode err, void *ud) {
  BadAnnots *b = ud;
  if (ts_node_is_missing(err) || ++b->errors_visited > 1000) return;
  const char *t = b->text;
  uint32_t len = p->len;
  uint32_t es = ts_node_start_byte(err), ee = ts_node_end_byte(err);
  if (es > len) es = len;
  if (ee > len) ee = len;
  uint32_t lo = es, hi = ee;
  while (lo > 0 && t[lo - 1] != '\n' && es - lo < 1024) lo--;
  while (hi < len && t[hi] != '\n' && hi - ee < 1024) hi++;
  for (uint32_t i = lo; i < hi && !diag_full(p); i++) {
    char c = t[i];
    if (c == '#') {   // comment: to the end of the line
      while (i < hi && t[i] != '\n') i++;
      continue;
    }
    if (c == '\'' || c == '"') {   // a string on this line
      uint32_t k = i + 1;
      while (k < hi && t[k] != c && t[k] != '\n') k += (t[k] == '\\') ? 2 : 1;
      i = k;
      continue;
    }
    uint32_t s, open, close;
    if (c == '-' && i + 1 < hi && t[i + 1] == '>') {
      if (match_annot(t, len, i + 2, &s, &open, &close)) report_annot(p, b, s, open, close);
    } else if (c == ':' && (i + 1 >= len || (t[i + 1] != ':' && t[i + 1] != '=')) &&
               (i == 0 || t[i - 1] != ':') && annot_colon(t, lo, i)) {
      if (match_annot(t, len, i + 1, &s, &open, &close)) report_annot(p, b, s, open, close);
    }
  }
}

uint32_t fe_bad_annotations(FeParser *p, TSTree *tree, char *text) {
  BadAnnots b = {0};
  b.text = text;
  walk_errors(p, tree, false, scan_bad_annots, &b);
  return b.found;
}

// ---- generic syntax errors ------------------------------------------------------------
// 'tok' for a message: at most 20 bytes, non-printable bytes escaped.
static const char *quote_token(FeParser *p, uint32_t s, uint32_t e) {
  Str q;
  str_init(&q);
  for (uint32_t k = s; k < e && k < s + 20; k++) {
    unsigned char c = (unsigned char)p->src[k];
    if (c == '\n' || c == ' ' || c == '\t' || c == '\r') {
      if (k == s) str_puts(&q, c == '\n' ? "\\n" : c == '\t' ? "\\t" : c == '\r' ? "\\r" : " ");
      if (k == s) continue;
      break;
    }
    if (c < 0x20 || c >= 0x7f || c == '\'' || c == '\\') str_printf(&q, "\\x%02x", c);
    else str_putc(&q, (char)c);
  }
  if (e > s + 20) str_puts(&q, "...");
  const char *r = arena_strdup(p->cx->arena, q.data ? q.data : "");
  str_fini(&q);
  return r;
}

static bool continues_expression(const char *tok) {
  static const char *const ops[] = {"+", "-", "*", "/", "//", "%", "**", "<<", ">>", "|", "^",
                                    "&", "@", "=", "==", "!=", "<", ">", "<=", ">=", "and",
                                    "or", "not", "in", "is", "+=", "-=", "*=", "/=", "->"};
  for (size_t i = 0; i < sizeof ops / sizeof ops[0]; i++)
    if (strcmp(tok, ops[i]) == 0) return true;
  return false;
}

static bool is_compound_keyword(const char *tok) {
  static const char *const kws[] = {"if", "elif", "else", "while", "for", "def", "class",
                                    "try", "except", "finally", "with"};
  for (size_t i = 0; i < sizeof kws / sizeof kws[0]; i++)
    if (strcmp(tok, kws[i]) == 0) return true;
  return false;
}

#define OPEN_MAX 256

static void report_error(FeParser *p, TSNode err, void *ud) {
  (void)ud;
  uint32_t es = ts_node_start_byte(err), ee = ts_node_end_byte(err);
  if (ee > p->len) ee = p->len;
  if (es > ee) es = ee;
  if (ts_node_is_missing(err)) {
    const char *t = ts_node_type(err);
    diag_error(p->cx->diags, cst_at(p, es, es),
               ts_node_is_named(err) ? "invalid syntax: expected %s" : "invalid syntax: expected '%s'", t);
    return;
  }
  // the leaves of the ERROR: first, last, and the brackets left open
  TSNode first = {0}, last = {0}, bad_char = {0}, header_end = {0};
  bool colon = false, same_line = true;
  uint32_t mismatch_open = 0;
  TSNode mismatch = {0};
  uint32_t open[OPEN_MAX], nopen = 0, nleaves = 0;
  TSTreeCursor c = ts_tree_cursor_new(err);
  for (;;) {
    TSNode n = ts_tree_cursor_current_node(&c);
    if (ts_tree_cursor_goto_first_child(&c)) continue;
    if (n.id != err.id && !ts_node_is_extra(n) && ts_node_end_byte(n) > ts_node_start_byte(n)) {
      if (!ts_node_is_null(last) && same_line) {
        for (uint32_t k = ts_node_end_byte(last); k < ts_node_start_byte(n) && k < p->len; k++)
          if (p->src[k] == '\n') same_line = false;
      }
      if (ts_node_is_null(first)) first = n;
      if (same_line) header_end = n;
      last = n;
      const char *t = ts_node_type(n);
      if (!strcmp(t, "ERROR") && ts_node_is_null(bad_char)) bad_char = n;   // a lexical error
      if (!strcmp(t, ":")) colon = true;
      if (!strcmp(t, "(") || !strcmp(t, "[") || !strcmp(t, "{")) {
        if (nopen < OPEN_MAX) open[nopen] = ts_node_start_byte(n);
        nopen++;
      } else if ((!strcmp(t, ")") || !strcmp(t, "]") || !strcmp(t, "}")) && nopen) {
        nopen--;
        char want = p->src[open[nopen < OPEN_MAX ? nopen : OPEN_MAX - 1]];
        want = want == '(' ? ')' : want == '[' ? ']' : '}';
        if (nopen < OPEN_MAX && t[0] != want && ts_node_is_null(mismatch)) {
          mismatch = n;
          mismatch_open = open[nopen];
        }
      }
    }
    if (++nleaves > 100000) break;
    bool done = false;
    while (!ts_tree_cursor_goto_next_sibling(&c)) {
      if (!ts_tree_cursor_goto_parent(&c) || ts_tree_cursor_current_node(&c).id == err.id) {
        done = true;
        break;
      }
    }
    if (done) break;
  }
  ts_tree_cursor_delete(&c);
  if (!ts_node_is_null(mismatch)) {
    diag_error(p->cx->diags, cst_loc(p, mismatch),
               "closing parenthesis '%s' does not match opening parenthesis '%c'",
               ts_node_type(mismatch), p->src[mismatch_open]);
    return;
  }
  if (nopen && nopen <= OPEN_MAX) {
    uint32_t at = open[nopen - 1];
    diag_error(p->cx->diags, cst_at(p, at, at + 1), "'%c' was never closed", p->src[at]);
    return;
  }
  if (!ts_node_is_null(bad_char)) {
    uint32_t s = ts_node_start_byte(bad_char), e = ts_node_end_byte(bad_char);
    diag_error(p->cx->diags, cst_at(p, s, e), "invalid syntax: unexpected '%s'", quote_token(p, s, e));
    return;
  }
  if (!ts_node_is_null(first) && !colon && is_compound_keyword(ts_node_type(first))) {
    uint32_t e = ts_node_end_byte(header_end);
    diag_error(p->cx->diags, cst_at(p, e, e), "invalid syntax: expected ':'");
    return;
  }
  if (!ts_node_is_null(last) && !ts_node_is_named(last) && continues_expression(ts_node_type(last))) {
    uint32_t k = ts_node_end_byte(last);
    while (k < p->len && (p->src[k] == ' ' || p->src[k] == '\t' || p->src[k] == '\r')) k++;
    if (k >= p->len || p->src[k] == '\n' || p->src[k] == '#') {
      diag_error(p->cx->diags, cst_loc(p, last), "invalid syntax: expected an expression after '%s'",
                 ts_node_type(last));
      return;
    }
  }
  uint32_t s = es, e = ee;
  if (!ts_node_is_null(first)) s = ts_node_start_byte(first), e = ts_node_end_byte(first);
  if (e > p->len) e = p->len;
  if (s >= e) {   // an empty ERROR: point at what follows
    diag_error(p->cx->diags, cst_at(p, es, es), "invalid syntax");
    return;
  }
  diag_error(p->cx->diags, cst_at(p, s, e), "invalid syntax: unexpected '%s'",
             quote_token(p, s, e));
}

void fe_syntax_errors(FeParser *p, TSTree *tree) { walk_errors(p, tree, true, report_error, NULL); }
