// intern.c - string interning: equal text gives the same pointer, so names
// compare with ==. Open addressing over an FNV-1a hash (hash_bytes, in
// hashmap.c); text lives in the arena, the table itself on the heap (freed by
// interner_fini).
#include "base.h"

#include <stdio.h>
#include <stdlib.h>

void interner_init(Interner *in, Arena *arena) {
  in->arena = arena;
  in->cap = 256;
  in->count = 0;
  in->slots = calloc(in->cap, sizeof(char *));
  if (!in->slots) abort();
}

void interner_fini(Interner *in) {
  free(in->slots);
  in->slots = NULL;
  in->cap = in->count = 0;
}

static void grow(Interner *in) {
  uint32_t cap = in->cap * 2;
  const char **slots = calloc(cap, sizeof(char *));
  if (!slots) abort();
  for (uint32_t i = 0; i < in->cap; i++) {
    const char *s = in->slots[i];
    if (!s) continue;
    uint32_t j = hash_bytes(s, strlen(s)) & (cap - 1);
    while (slots[j]) j = (j + 1) & (cap - 1);
    slots[j] = s;
  }
  free(in->slots);
  in->slots = slots;
  in->cap = cap;
}

const char *intern(Interner *in, const char *s, size_t n) {
  if ((in->count + 1) * 2 > in->cap) grow(in);
  uint32_t j = hash_bytes(s, n) & (in->cap - 1);
  while (in->slots[j]) {
    const char *t = in->slots[j];
    if (strncmp(t, s, n) == 0 && t[n] == 0) return t;
    j = (j + 1) & (in->cap - 1);
  }
  const char *t = arena_strndup(in->arena, s, n);
  in->slots[j] = t;
  in->count++;
  return t;
}

const char *intern_cstr(Interner *in, const char *s) { return intern(in, s, strlen(s)); }
