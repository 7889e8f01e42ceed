// arena.c - bump allocation in chunks, growable heap strings, and the
// internal-error hook. The arena hands out zeroed 16-byte aligned memory and
// frees everything in arena_fini; realloc of the most recent block grows in
// place, others copy (the old block is simply abandoned until fini).
#include "base.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#define ARENA_CHUNK_MIN (64 * 1024)

struct ArenaChunk {
  ArenaChunk *next;
  size_t used, cap;
  _Alignas(16) unsigned char mem[];
};

void pyc_internal_error(const char *file, int line, const char *msg) {
  fprintf(stderr, "pyc: internal error at %s:%d: %s\n", file, line, msg);
  abort();
}

void arena_init(Arena *a) { a->head = NULL; a->total = 0; }

void arena_fini(Arena *a) {
  ArenaChunk *c = a->head;
  while (c) {
    ArenaChunk *next = c->next;
    free(c);
    c = next;
  }
  a->head = NULL;
  a->total = 0;
}

static size_t align16(size_t n) { return (n + 15) & ~(size_t)15; }

void *arena_alloc(Arena *a, size_t size) {
  size = align16(size ? size : 1);
  ArenaChunk *c = a->head;
  if (!c || c->cap - c->used < size) {
    size_t cap = size > ARENA_CHUNK_MIN ? size : ARENA_CHUNK_MIN;
    c = malloc(sizeof(ArenaChunk) + cap);
    if (!c) {
      fputs("pyc: out of memory\n", stderr);
      abort();
    }
    c->cap = cap;
    c->used = 0;
    c->next = a->head;
    a->head = c;
  }
  void *p = c->mem + c->used;
  c->used += size;
  a->total += size;
  memset(p, 0, size);
  return p;
}

void *arena_realloc(Arena *a, void *old, size_t old_size, size_t new_size) {
  if (new_size <= old_size) return old;
  ArenaChunk *c = a->head;
  // Grow in place when `old` is the last allocation of the newest chunk.
  if (old && c && (unsigned char *)old + align16(old_size) == c->mem + c->used &&
      c->used - align16(old_size) + align16(new_size) <= c->cap) {
    c->used = c->used - align16(old_size) + align16(new_size);
    memset((unsigned char *)old + old_size, 0, new_size - old_size);
    return old;
  }
  void *p = arena_alloc(a, new_size);
  if (old) memcpy(p, old, old_size);
  return p;
}

char *arena_strndup(Arena *a, const char *s, size_t n) {
  char *p = arena_alloc(a, n + 1);
  memcpy(p, s, n);
  p[n] = 0;
  return p;
}

char *arena_strdup(Arena *a, const char *s) { return arena_strndup(a, s, strlen(s)); }

char *arena_printf(Arena *a, const char *fmt, ...) {
  va_list ap, ap2;
  va_start(ap, fmt);
  va_copy(ap2, ap);
  int n = vsnprintf(NULL, 0, fmt, ap);
  va_end(ap);
  char *p = arena_alloc(a, (size_t)n + 1);
  vsnprintf(p, (size_t)n + 1, fmt, ap2);
  va_end(ap2);
  return p;
}

// ---- Str ---------------------------------------------------------------------

void str_init(Str *s) { s->data = NULL; s->len = s->cap = 0; }
void str_fini(Str *s) { free(s->data); str_init(s); }

static void str_reserve(Str *s, size_t extra) {
  if (s->len + extra + 1 <= s->cap) return;
  size_t cap = s->cap ? s->cap : 256;
  while (cap < s->len + extra + 1) cap *= 2;
  char *p = realloc(s->data, cap);
  if (!p) {
    fputs("pyc: out of memory\n", stderr);
    abort();
  }
  s->data = p;
  s->cap = cap;
}

void str_putn(Str *s, const char *z, size_t n) {
  str_reserve(s, n);
  memcpy(s->data + s->len, z, n);
  s->len += n;
  s->data[s->len] = 0;
}
void str_putc(Str *s, char c) { str_putn(s, &c, 1); }
void str_puts(Str *s, const char *z) { str_putn(s, z, strlen(z)); }

void str_printf(Str *s, const char *fmt, ...) {
  va_list ap, ap2;
  va_start(ap, fmt);
  va_copy(ap2, ap);
  int n = vsnprintf(NULL, 0, fmt, ap);
  va_end(ap);
  str_reserve(s, (size_t)n);
  vsnprintf(s->data + s->len, (size_t)n + 1, fmt, ap2);
  va_end(ap2);
  s->len += (size_t)n;
}

char *str_take(Str *s) {
  char *p = s->data;
  if (!p) {
    p = malloc(1);
    if (p) p[0] = 0;
  }
  str_init(s);
  return p;
}
