// parse.c - fe_parse: Python source -> tree-sitter CST -> Module (AST).
// Rejects what the parser cannot take first (invalid UTF-8, indentation too
// deep or too wide), runs tree-sitter-python on a copy of the file, diagnoses syntax errors
// (parse_syntax.c; when bare `float64[:]` annotations are found, their
// brackets are blanked and the text parsed again so the rest of the file gets
// a clean recovery), then converts the module: imports into ImportItems,
// top-level defs and classes (decorated or not), every other statement into
// `toplevel`. The CST and the parser are freed before returning: the AST lives
// in cx->arena alone and holds copies of all the text it needs.
#include "cst.h"

static const char *dotted(FeParser *p, TSNode n) {
  // dotted_name: identifiers joined by '.', whatever whitespace was written
  if (!cst_is(n, "dotted_name")) return cst_intern(p, n);
  CstKids k;
  cst_kids(p, n, true, &k);
  Str s;
  str_init(&s);
  for (uint32_t i = 0; i < k.n; i++) {
    uint32_t len;
    const char *t = cst_text(p, k.v[i], &len);
    if (i) str_putc(&s, '.');
    str_putn(&s, t, len);
  }
  const char *r = intern(p->cx->strs, s.data ? s.data : "", s.len);
  str_fini(&s);
  return r;
}

static const char *first_component(FeParser *p, const char *name) {
  const char *dot = strchr(name, '.');
  return dot ? intern(p->cx->strs, name, (size_t)(dot - name)) : name;
}

// import numpy as np, math / import os.path
static void import_stmt(FeParser *p, Module *m, TSNode n) {
  CstKids k;
  cst_kids(p, n, true, &k);
  for (uint32_t i = 0; i < k.n; i++) {
    ImportItem it = {0};
    it.loc = cst_loc(p, k.v[i]);
    if (cst_is(k.v[i], "aliased_import")) {
      it.module = dotted(p, cst_field(k.v[i], "name"));
      it.asname = cst_intern(p, cst_field(k.v[i], "alias"));
    } else if (cst_is(k.v[i], "dotted_name")) {
      it.module = dotted(p, k.v[i]);
      it.asname = first_component(p, it.module);   // `import a.b` binds `a`
    } else {
      continue;
    }
    vec_push(p->cx->arena, &m->imports, it);
  }
}

// from pyc_task import kernel, float64 as f / from . import x / from m import *
static void import_from(FeParser *p, Module *m, TSNode n) {
  TSNode mod = cst_field(n, "module_name");
  const char *module = ts_node_is_null(mod) ? intern_cstr(p->cx->strs, "") : dotted(p, mod);
  CstKids k;
  cst_kids(p, n, true, &k);
  for (uint32_t i = 0; i < k.n; i++) {
    if (k.v[i].id == mod.id) continue;
    ImportItem it = {0};
    it.module = module;
    it.loc = cst_loc(p, k.v[i]);
    if (cst_is(k.v[i], "aliased_import")) {
      it.name = dotted(p, cst_field(k.v[i], "name"));
      it.asname = cst_intern(p, cst_field(k.v[i], "alias"));
    } else if (cst_is(k.v[i], "dotted_name")) {
      it.name = it.asname = dotted(p, k.v[i]);
    } else if (cst_is(k.v[i], "wildcard_import")) {
      it.name = it.asname = intern_cstr(p->cx->strs, "*");
    } else {
      continue;
    }
    vec_push(p->cx->arena, &m->imports, it);
  }
}

static void toplevel(FeParser *p, Module *m, TSNode n) {
  const char *t = ts_node_type(n);
  if (!strcmp(t, "import_statement")) { import_stmt(p, m, n); return; }
  if (!strcmp(t, "import_from_statement")) { import_from(p, m, n); return; }
  TSNode def = n, decorated = {0};
  if (!strcmp(t, "decorated_definition")) {
    decorated = n;
    def = cst_field(n, "definition");
  }
  if (cst_is(def, "function_definition")) {
    FuncDef *fn = ps_funcdef(p, def, decorated);
    vec_push(p->cx->arena, &m->funcs, fn);
    return;
  }
  if (cst_is(def, "class_definition")) {
    ClassDef *cd = ps_classdef(p, def, decorated);
    vec_push(p->cx->arena, &m->classes, cd);
    return;
  }
  Stmt *s = ps_stmt(p, n);
  if (s) vec_push(p->cx->arena, &m->toplevel, s);
}

// ---- guarding libtree-sitter 0.20.7 ----------------------------------------------------
// libtree-sitter 0.20.7 corrupts its heap (double free, then abort) when one
// node gets 65,536 or more extras or error-recovery children: e.g. 65,536
// consecutive comment lines, or ~260 KB of `a[:] $ ) : float64[:] ` (fixed
// upstream in 0.20.8). For inputs large enough to get there, a logger counts
// consecutive extras and error-recovery steps and cancels the parse well
// before the limit; the file is then rejected with a diagnostic. Small files
// (all real programs) parse without the logger, which halves parse speed.
#define FE_GUARD_MIN_BYTES (64u * 1024u)
#define FE_GUARD_MAX_EXTRAS 60000u
#define FE_GUARD_MAX_RECOVERIES 100000u

typedef struct ParseGuard {
  size_t cancel;          // tree-sitter's cancellation flag
  uint32_t extras_run;    // consecutive extra tokens (comments)
  uint32_t recoveries;    // error-recovery steps in this parse
  bool tripped;
} ParseGuard;

static void guard_log(void *payload, TSLogType type, const char *msg) {
  ParseGuard *g = payload;
  if (type != TSLogTypeParse) return;
  if (strncmp(msg, "shift_extra", 11) == 0) g->extras_run++;
  else if (strncmp(msg, "shift", 5) == 0) g->extras_run = 0;
  else if (strncmp(msg, "skip_", 5) == 0 || strncmp(msg, "recover", 7) == 0) g->recoveries++;
  if (g->extras_run > FE_GUARD_MAX_EXTRAS || g->recoveries > FE_GUARD_MAX_RECOVERIES) {
    g->tripped = true;
    g->cancel = 1;
  }
}

static TSTree *parse_text(FeParser *p, ParseGuard *g, const char *text, uint32_t len) {
  *g = (ParseGuard){0};
  if (len >= FE_GUARD_MIN_BYTES) {
    ts_parser_set_cancellation_flag(p->ts, &g->cancel);
    ts_parser_set_logger(p->ts, (TSLogger){g, guard_log});
  }
  TSTree *t = ts_parser_parse_string(p->ts, NULL, text, len);
  ts_parser_set_logger(p->ts, (TSLogger){NULL, NULL});
  ts_parser_set_cancellation_flag(p->ts, NULL);
  if (!t) ts_parser_reset(p->ts);
  return t;
}

// Python source is UTF-8 (PEP 3120): the offset of the first byte that is not
// part of a well-formed UTF-8 sequence (no overlong forms, surrogates or code
// points past U+10FFFF), or len when the text is valid.
static uint32_t utf8_invalid_at(const unsigned char *s, uint32_t len) {
  uint32_t i = 0;
  while (i < len) {
    unsigned c = s[i];
    uint32_t n = c < 0x80 ? 0 : (c >= 0xC2 && c <= 0xDF) ? 1 : (c >= 0xE0 && c <= 0xEF) ? 2
                 : (c >= 0xF0 && c <= 0xF4) ? 3 : 4;
    if (n == 4 || len - i <= n) return i;  // a bad lead byte or a cut sequence
    unsigned lo = 0x80, hi = 0xBF;  // the allowed range of the second byte
    if (c == 0xE0) lo = 0xA0;
    else if (c == 0xED) hi = 0x9F;
    else if (c == 0xF0) lo = 0x90;
    else if (c == 0xF4) hi = 0x8F;
    for (uint32_t k = 1; k <= n; k++) {
      unsigned b = s[i + k];
      if (b < (k == 1 ? lo : 0x80) || b > (k == 1 ? hi : 0xBF)) return i;
    }
    i += n + 1;
  }
  return len;
}

// Statements nest at most FE_MAX_DEPTH (200) levels (CPython: 100); the
// indentation is measured before tree-sitter sees the file, as 10,000
// nested blocks are a 50 MB file the parser would chew on for its whole
// timeout. Lines are measured as written (tabs to multiples of 8); blank and
// comment lines do not count. Continuation lines are counted too, which only
// matters for two hundred ever-deeper ones in a row. tree-sitter-python keeps
// indentation widths in bytes: a line indented 256 columns or more breaks its
// scanner (a bogus syntax error at the top of the file), so that is reported
// too (*wide set). The offset of the first line past a limit, or len.
#define FE_MAX_INDENT_LEVELS FE_MAX_DEPTH
#define FE_MAX_INDENT_WIDTH 255

static uint32_t indent_too_deep_at(const char *s, uint32_t len, bool *wide) {
  *wide = false;
  uint32_t stack[FE_MAX_INDENT_LEVELS + 1] = {0};
  uint32_t depth = 0;
  for (uint32_t i = 0; i < len;) {
    uint32_t w = 0, j = i;
    for (; j < len && (s[j] == ' ' || s[j] == '\t' || s[j] == '\f'); j++)
      w = s[j] == '\t' ? (w / 8 + 1) * 8 : s[j] == ' ' ? w + 1 : 0;
    bool blank = j >= len || s[j] == '\n' || s[j] == '\r' || s[j] == '#';
    if (!blank && w > FE_MAX_INDENT_WIDTH) {
      *wide = true;
      return i;
    }
    if (!blank && w > stack[depth]) {
      if (depth == FE_MAX_INDENT_LEVELS) return i;
      stack[++depth] = w;
    } else if (!blank) {
      while (depth > 0 && w < stack[depth]) depth--;
    }
    while (j < len && s[j] != '\n') j++;
    i = j + 1;
  }
  return len;
}

Module *fe_parse(FeCtx *cx, uint32_t file) {
  SrcFile *f = srcmgr_file(cx->sm, file);
  SrcLoc whole = {file, 0, 0};
  FeParser p = {0};
  p.cx = cx;
  p.file = file;
  p.len = f->len;
  uint32_t bad = utf8_invalid_at((const unsigned char *)f->text, f->len);
  if (bad < f->len) {
    SrcLoc at = {file, bad, bad + 1};
    diag_error(cx->diags, at,
               "invalid UTF-8 in the source: byte 0x%02x cannot start or continue a character "
               "here (Python source files are UTF-8)", (unsigned char)f->text[bad]);
    return NULL;
  }
  bool wide;
  uint32_t deep = indent_too_deep_at(f->text, f->len, &wide);
  if (deep < f->len) {
    SrcLoc at = {file, deep, deep};
    if (wide)
      diag_error(cx->diags, at, "indentation wider than %d columns is not supported "
                 "(a limit of the tree-sitter-python parser)", FE_MAX_INDENT_WIDTH);
    else
      diag_error(cx->diags, at, "statement nested too deeply (limit %d)", FE_MAX_INDENT_LEVELS);
    return NULL;
  }
  char *text = arena_alloc(cx->arena, (size_t)f->len + 1);   // blanked in place, see above
  memcpy(text, f->text, f->len);
  p.src = text;
  p.ts = ts_parser_new();
  if (!ts_parser_set_language(p.ts, tree_sitter_python())) {
    diag_error(cx->diags, whole, "tree-sitter-python grammar version not supported by libtree-sitter");
    ts_parser_delete(p.ts);
    return NULL;
  }
  ts_parser_set_timeout_micros(p.ts, FE_PARSE_TIMEOUT_US);
  ParseGuard guard;
  TSTree *tree = parse_text(&p, &guard, text, p.len);
  for (int round = 0; tree && round < 4 && ts_node_has_error(ts_tree_root_node(tree)); round++) {
    if (!fe_bad_annotations(&p, tree, text)) break;
    TSTree *again = parse_text(&p, &guard, text, p.len);
    ts_tree_delete(tree);
    tree = again;
  }
  if (!tree && guard.tripped) {
    diag_error(cx->diags, whole,
               "could not parse the file: more than %u consecutive comments or too many syntax "
               "errors for the parser (libtree-sitter 0.20.7 limit)", FE_GUARD_MAX_EXTRAS);
    ts_parser_delete(p.ts);
    return NULL;
  }
  if (!tree) {
    diag_error(cx->diags, whole, "could not parse the file: the parser gave up (input too large or too irregular)");
    ts_parser_delete(p.ts);
    return NULL;
  }
  fe_syntax_errors(&p, tree);

  Module *m = ARENA_NEW(cx->arena, Module);
  m->path = f->name;
  m->file = file;
  CstKids k;
  cst_kids(&p, ts_tree_root_node(tree), false, &k);
  uint32_t col = 0;   // top-level statements start in column 0
  for (uint32_t i = 0; i < k.n; i++) {
    if (ts_node_is_named(k.v[i]) && !cst_is(k.v[i], "ERROR")) cst_check_indent(&p, k.v[i], &col);
    toplevel(&p, m, k.v[i]);
  }
  ts_tree_delete(tree);
  ts_parser_delete(p.ts);
  return m;
}
