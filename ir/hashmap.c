// hashmap.c - the hash functions and HashMap (base.h): open addressing with
// linear probing over a power-of-two table in the arena, grown at half full.
// The stored hash is compared first, so `eq` runs only on likely matches.
#include "base.h"

uint32_t hash_bytes(const char *s, size_t n) {
  uint32_t h = 2166136261u;
  for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)s[i]) * 16777619u;
  return h;
}

uint32_t hash_str(const char *s) { return hash_bytes(s, strlen(s)); }

// splitmix64's finalizer: every input bit reaches every output bit.
static uint64_t mix64(uint64_t x) {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ull;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebull;
  x ^= x >> 31;
  return x;
}

uint32_t hash_ptr(const void *p) { return (uint32_t)mix64((uint64_t)(uintptr_t)p); }

uint32_t hash_mix(uint32_t h, uint64_t v) {
  return (uint32_t)mix64(v ^ mix64((uint64_t)h + 0x9e3779b97f4a7c15ull));
}

bool hash_streq(const void *stored_key, const void *key) {
  return strcmp((const char *)stored_key, (const char *)key) == 0;
}

// The slot holding key, or the free slot where it belongs.
static HashSlot *probe(const HashMap *m, uint32_t hash, const void *key, HashEq eq) {
  uint32_t mask = m->cap - 1;
  for (uint32_t j = hash & mask;; j = (j + 1) & mask) {
    HashSlot *s = &m->slots[j];
    if (!s->val) return s;
    if (s->hash == hash && (s->key == key || (eq && eq(s->key, key)))) return s;
  }
}

void *hmap_get(const HashMap *m, uint32_t hash, const void *key, HashEq eq) {
  if (!m->count) return NULL;
  return probe(m, hash, key, eq)->val;
}

static void grow(Arena *a, HashMap *m) {
  uint32_t cap = m->cap ? m->cap * 2 : 16;
  PYC_ASSERT(cap > m->cap);
  HashSlot *old = m->slots;
  uint32_t ocap = m->cap;
  m->slots = ARENA_ARRAY(a, HashSlot, cap);
  m->cap = cap;
  for (uint32_t i = 0; i < ocap; i++) {
    if (!old[i].val) continue;
    uint32_t j = old[i].hash & (cap - 1);
    while (m->slots[j].val) j = (j + 1) & (cap - 1);
    m->slots[j] = old[i];
  }
}

void *hmap_put(Arena *a, HashMap *m, uint32_t hash, const void *key, void *val, HashEq eq) {
  PYC_ASSERT(val != NULL);
  if ((m->count + 1) * 2 > m->cap) grow(a, m);
  HashSlot *s = probe(m, hash, key, eq);
  void *old = s->val;
  if (!old) m->count++;
  *s = (HashSlot){key, val, hash};
  return old;
}
