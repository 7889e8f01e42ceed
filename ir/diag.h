// diag.h - source files, locations and diagnostics.
// Takes: source text registered with srcmgr_add, spans (byte offsets).
// Gives: `file:line:col: severity: message` + source line + caret rendering,
// collected in a DiagSink (library code never exits; the driver maps
// "any error" to exit status 1).
#ifndef PYC_IR_DIAG_H
#define PYC_IR_DIAG_H

#include "base.h"

#include <stdio.h>

// A span of source: file id (index in the SrcManager) and byte offsets
// [start, end). file == SRC_NONE means "no location".
#define SRC_NONE UINT32_MAX
typedef struct SrcLoc {
  uint32_t file;
  uint32_t start, end;
} SrcLoc;

typedef struct SrcFile {
  const char *name;       // path as given (arena)
  const char *text;       // contents (arena, NUL-terminated; may contain NULs)
  uint32_t len;           // bytes
  uint32_t *line_starts;  // byte offset of each line start (arena)
  uint32_t nlines;
} SrcFile;

typedef struct SrcManager {
  Arena *arena;                  // not owned
  Vec(SrcFile *) files;
} SrcManager;

void srcmgr_init(SrcManager *sm, Arena *arena);
uint32_t srcmgr_add(SrcManager *sm, const char *name, const char *text, uint32_t len);
SrcFile *srcmgr_file(SrcManager *sm, uint32_t id);
// 1-based line and column; columns count code points (as SyntaxError.offset).
void srcmgr_linecol(SrcManager *sm, SrcLoc loc, uint32_t *line, uint32_t *col);
uint32_t srcmgr_line(SrcManager *sm, SrcLoc loc);

typedef enum DiagLevel { DIAG_ERROR, DIAG_WARNING, DIAG_NOTE, DIAG_LEVEL_COUNT } DiagLevel;

typedef struct Diag Diag;
struct Diag {
  DiagLevel level;
  SrcLoc loc;
  const char *msg;   // arena
  Diag *notes;       // child notes, in order (arena list)
  Diag *next;        // next sibling
};

#define DIAG_MAX_ERRORS 20   // stop collecting after this many: enough to fix a file, bounded output

typedef struct DiagSink {
  SrcManager *sm;        // not owned
  Arena *arena;          // not owned
  Diag *first, *last;    // in emission order
  uint32_t nerrors, nwarnings;
  bool truncated;        // more than DIAG_MAX_ERRORS errors were dropped
} DiagSink;

void diag_init(DiagSink *ds, SrcManager *sm, Arena *arena);
// Emit a diagnostic; returns it (NULL if dropped past the limit) so notes can be attached.
Diag *diag_emit(DiagSink *ds, DiagLevel level, SrcLoc loc, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
#define diag_error(ds, loc, ...) diag_emit((ds), DIAG_ERROR, (loc), __VA_ARGS__)
#define diag_warning(ds, loc, ...) diag_emit((ds), DIAG_WARNING, (loc), __VA_ARGS__)
void diag_note(DiagSink *ds, Diag *parent, SrcLoc loc, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
bool diag_has_errors(const DiagSink *ds);
// Render one diagnostic (with its notes) or all of them as text.
void diag_render(DiagSink *ds, const Diag *d, Str *out);
void diag_render_all(DiagSink *ds, Str *out);
void diag_print_all(DiagSink *ds, FILE *f);

#endif
