// diag.c - source manager (line tables, line/column lookup by bisection) and
// diagnostics: collection with an error limit, and clang-style rendering
//   file:line:col: error: message
//       3 |     return total + name
//         |            ^~~~~
#include "diag.h"

#include <stdarg.h>
#include <stdlib.h>

void srcmgr_init(SrcManager *sm, Arena *arena) {
  sm->arena = arena;
  sm->files.data = NULL;
  sm->files.len = sm->files.cap = 0;
}

uint32_t srcmgr_add(SrcManager *sm, const char *name, const char *text, uint32_t len) {
  SrcFile *f = ARENA_NEW(sm->arena, SrcFile);
  f->name = arena_strdup(sm->arena, name);
  char *t = arena_alloc(sm->arena, (size_t)len + 1);
  memcpy(t, text, len);
  f->text = t;
  f->len = len;
  uint32_t n = 1;
  for (uint32_t i = 0; i < len; i++)
    if (text[i] == '\n') n++;
  f->line_starts = ARENA_ARRAY(sm->arena, uint32_t, n);
  f->nlines = n;
  uint32_t k = 0;
  f->line_starts[k++] = 0;
  for (uint32_t i = 0; i < len; i++)
    if (text[i] == '\n') f->line_starts[k++] = i + 1;
  vec_push(sm->arena, &sm->files, f);
  return sm->files.len - 1;
}

SrcFile *srcmgr_file(SrcManager *sm, uint32_t id) { return vec_at(&sm->files, id); }

static uint32_t line_index(const SrcFile *f, uint32_t off) {
  uint32_t lo = 0, hi = f->nlines;  // invariant: line_starts[lo] <= off
  while (hi - lo > 1) {
    uint32_t mid = lo + (hi - lo) / 2;
    if (f->line_starts[mid] <= off) lo = mid;
    else hi = mid;
  }
  return lo;
}

// Code points between two byte offsets (UTF-8 continuation bytes skipped).
static uint32_t count_cps(const char *s, uint32_t from, uint32_t to) {
  uint32_t n = 0;
  for (uint32_t i = from; i < to; i++)
    if (((unsigned char)s[i] & 0xC0) != 0x80) n++;
  return n;
}

void srcmgr_linecol(SrcManager *sm, SrcLoc loc, uint32_t *line, uint32_t *col) {
  if (loc.file == SRC_NONE || loc.file >= sm->files.len) {
    *line = 0;
    *col = 0;
    return;
  }
  SrcFile *f = sm->files.data[loc.file];
  uint32_t off = loc.start > f->len ? f->len : loc.start;
  uint32_t li = line_index(f, off);
  *line = li + 1;
  *col = count_cps(f->text, f->line_starts[li], off) + 1;
}

uint32_t srcmgr_line(SrcManager *sm, SrcLoc loc) {
  uint32_t line, col;
  srcmgr_linecol(sm, loc, &line, &col);
  return line;
}

void diag_init(DiagSink *ds, SrcManager *sm, Arena *arena) {
  memset(ds, 0, sizeof *ds);
  ds->sm = sm;
  ds->arena = arena;
}

static Diag *make(DiagSink *ds, DiagLevel level, SrcLoc loc, const char *fmt, va_list ap) {
  va_list ap2;
  va_copy(ap2, ap);
  int n = vsnprintf(NULL, 0, fmt, ap);
  char *msg = arena_alloc(ds->arena, (size_t)n + 1);
  vsnprintf(msg, (size_t)n + 1, fmt, ap2);
  va_end(ap2);
  Diag *d = ARENA_NEW(ds->arena, Diag);
  d->level = level;
  d->loc = loc;
  d->msg = msg;
  return d;
}

Diag *diag_emit(DiagSink *ds, DiagLevel level, SrcLoc loc, const char *fmt, ...) {
  if (level == DIAG_ERROR) {
    if (ds->nerrors >= DIAG_MAX_ERRORS) {
      ds->truncated = true;
      ds->nerrors++;
      return NULL;
    }
    ds->nerrors++;
  } else if (level == DIAG_WARNING) {
    ds->nwarnings++;
  }
  va_list ap;
  va_start(ap, fmt);
  Diag *d = make(ds, level, loc, fmt, ap);
  va_end(ap);
  if (ds->last) ds->last->next = d;
  else ds->first = d;
  ds->last = d;
  return d;
}

void diag_note(DiagSink *ds, Diag *parent, SrcLoc loc, const char *fmt, ...) {
  if (!parent) return;
  va_list ap;
  va_start(ap, fmt);
  Diag *d = make(ds, DIAG_NOTE, loc, fmt, ap);
  va_end(ap);
  Diag **p = &parent->notes;
  while (*p) p = &(*p)->next;
  *p = d;
}

bool diag_has_errors(const DiagSink *ds) { return ds->nerrors > 0; }

static const char *level_name[DIAG_LEVEL_COUNT] = {"error", "warning", "note"};

// Source line with a caret under the span's first code point and '~' under
// the rest of the span on that line. Tabs are kept so columns line up.
static void render_snippet(DiagSink *ds, SrcLoc loc, Str *out) {
  if (loc.file == SRC_NONE || loc.file >= ds->sm->files.len) return;
  SrcFile *f = ds->sm->files.data[loc.file];
  uint32_t off = loc.start > f->len ? f->len : loc.start;
  uint32_t li = line_index(f, off);
  uint32_t ls = f->line_starts[li], le = ls;
  while (le < f->len && f->text[le] != '\n' && f->text[le] != '\r') le++;
  if (le - ls > 400) return;  // huge lines (minified input): the header says enough
  char num[16];
  int w = snprintf(num, sizeof num, "%u", li + 1);
  str_printf(out, " %s | ", num);
  for (uint32_t i = ls; i < le; i++) {
    char c = f->text[i];
    str_putc(out, c == 0 ? ' ' : c);
  }
  str_putc(out, '\n');
  str_printf(out, " %*s | ", w, "");
  for (uint32_t i = ls; i < off; i++) {
    unsigned char c = (unsigned char)f->text[i];
    if ((c & 0xC0) == 0x80) continue;
    str_putc(out, c == '\t' ? '\t' : ' ');
  }
  str_putc(out, '^');
  uint32_t end = loc.end < le ? loc.end : le;
  for (uint32_t i = off + 1; i < end; i++)
    if (((unsigned char)f->text[i] & 0xC0) != 0x80) str_putc(out, '~');
  str_putc(out, '\n');
}

static void render_one(DiagSink *ds, const Diag *d, Str *out) {
  if (d->loc.file != SRC_NONE && d->loc.file < ds->sm->files.len) {
    uint32_t line, col;
    srcmgr_linecol(ds->sm, d->loc, &line, &col);
    str_printf(out, "%s:%u:%u: %s: %s\n", ds->sm->files.data[d->loc.file]->name, line, col,
               level_name[d->level], d->msg);
    render_snippet(ds, d->loc, out);
  } else {
    str_printf(out, "pyc-task: %s: %s\n", level_name[d->level], d->msg);
  }
}

void diag_render(DiagSink *ds, const Diag *d, Str *out) {
  render_one(ds, d, out);
  for (const Diag *n = d->notes; n; n = n->next) render_one(ds, n, out);
}

void diag_render_all(DiagSink *ds, Str *out) {
  for (const Diag *d = ds->first; d; d = d->next) diag_render(ds, d, out);
  if (ds->truncated)
    str_printf(out, "pyc-task: note: too many errors (%u), stopped after %u\n", ds->nerrors,
               DIAG_MAX_ERRORS);
}

void diag_print_all(DiagSink *ds, FILE *f) {
  Str s;
  str_init(&s);
  diag_render_all(ds, &s);
  if (s.data) fputs(s.data, f);
  str_fini(&s);
}
