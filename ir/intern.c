// intern.c - string interning: equal text gives the same pointer, so names
// compare with ==. A HashMap (hashmap.c) from the text (bytes + length, an
// InternKey) to its interned copy, which follows the key in one arena
// allocation; the table lives in the arena too.
#include "base.h"

typedef struct InternKey {
  const char *s;  // not NUL-terminated in a lookup; the interned copy when stored
  size_t n;
} InternKey;

static bool key_eq(const void *stored_key, const void *key) {
  const InternKey *a = stored_key, *b = key;
  return a->n == b->n && (a->n == 0 || memcmp(a->s, b->s, a->n) == 0);
}

void interner_init(Interner *in, Arena *arena) {
  in->arena = arena;
  in->map = (HashMap){0};
}

void interner_fini(Interner *in) { in->map = (HashMap){0}; }  // the arena holds the rest

const char *intern(Interner *in, const char *s, size_t n) {
  InternKey k = {s, n};
  uint32_t h = hash_bytes(s, n);
  const char *t = hmap_get(&in->map, h, &k, key_eq);
  if (t) return t;
  InternKey *stored = arena_alloc(in->arena, sizeof *stored + n + 1);  // the key, then the copy
  char *copy = (char *)(stored + 1);
  if (n) memcpy(copy, s, n);  // the arena zeroed the NUL
  *stored = (InternKey){copy, n};
  hmap_put(in->arena, &in->map, h, stored, copy, key_eq);
  return copy;
}

const char *intern_cstr(Interner *in, const char *s) { return intern(in, s, strlen(s)); }
