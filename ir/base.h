// base.h - the compiler's substrate: arenas, growable vectors, interned
// strings, assertions. Every compiler structure lives in an Arena that is
// released in one call when a compile ends (the compiler runs inside
// long-lived Python processes, so nothing may outlive its compile).
#ifndef PYC_IR_BASE_H
#define PYC_IR_BASE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

// ---- assertions (internal bugs only; user errors are diagnostics) ---------
void pyc_internal_error(const char *file, int line, const char *msg);
#define PYC_ASSERT(c) ((c) ? (void)0 : pyc_internal_error(__FILE__, __LINE__, #c))
#define pyc_unreachable() pyc_internal_error(__FILE__, __LINE__, "unreachable")

// ---- Arena: bump allocator in chunks, freed all at once -------------------
typedef struct ArenaChunk ArenaChunk;
typedef struct Arena {
  ArenaChunk *head;   // owned list of chunks, newest first
  size_t total;       // bytes handed out (statistics)
} Arena;

void arena_init(Arena *a);
void arena_fini(Arena *a);                 // frees every chunk
void *arena_alloc(Arena *a, size_t size);  // zeroed, 16-byte aligned; aborts on OOM
void *arena_realloc(Arena *a, void *old, size_t old_size, size_t new_size);
char *arena_strndup(Arena *a, const char *s, size_t n);
char *arena_strdup(Arena *a, const char *s);
char *arena_printf(Arena *a, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
#define ARENA_NEW(a, T) ((T *)arena_alloc((a), sizeof(T)))
#define ARENA_ARRAY(a, T, n) ((T *)arena_alloc((a), sizeof(T) * (size_t)(n)))

// ---- Vec(T): growable array in an arena ------------------------------------
// Declare a vector type with `typedef Vec(IrInst *) InstVec;`.
#define Vec(T) struct { T *data; uint32_t len, cap; }
#define vec_push(arena, v, x)                                                \
  do {                                                                       \
    if ((v)->len == (v)->cap) {                                              \
      uint32_t nc_ = (v)->cap ? (v)->cap * 2 : 8;                            \
      (v)->data = arena_realloc((arena), (v)->data,                          \
                                sizeof(*(v)->data) * (v)->cap,               \
                                sizeof(*(v)->data) * nc_);                   \
      (v)->cap = nc_;                                                        \
    }                                                                        \
    (v)->data[(v)->len++] = (x);                                             \
  } while (0)
#define vec_at(v, i) (PYC_ASSERT((uint32_t)(i) < (v)->len), (v)->data[(i)])
#define vec_last(v) vec_at((v), (v)->len - 1)

// ---- Str: growable text buffer (heap; used by printers/dumps) -------------
typedef struct Str {
  char *data;   // owned, NUL-terminated, malloc'd
  size_t len, cap;
} Str;
void str_init(Str *s);
void str_fini(Str *s);
void str_putc(Str *s, char c);
void str_puts(Str *s, const char *z);
void str_putn(Str *s, const char *z, size_t n);
void str_printf(Str *s, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
char *str_take(Str *s);   // returns data (caller frees), leaves s empty

// ---- HashMap: key -> value lookup in O(1) (hashmap.c) --------------------
// Open addressing over (hash, key, value) slots held in an arena (a grown
// table's old slots stay there until the arena is released). The caller
// hashes the key (hash_bytes/hash_str/hash_ptr/hash_mix) and says how keys
// compare: `eq(stored_key, key)`, or NULL for pointer equality (interned
// strings, types). A zeroed HashMap is empty; values are never NULL. Used for
// the compiler's by-name and by-structure lookups, which were linear scans
// (a file of 20,000 functions compiled in quadratic time).
typedef bool (*HashEq)(const void *stored_key, const void *key);
typedef struct HashSlot {
  const void *key;
  void *val;       // NULL: the slot is free
  uint32_t hash;
} HashSlot;
typedef struct HashMap {
  HashSlot *slots;   // arena; cap a power of two (0 when empty)
  uint32_t cap, count;
} HashMap;
uint32_t hash_bytes(const char *s, size_t n);    // FNV-1a
uint32_t hash_str(const char *s);
uint32_t hash_ptr(const void *p);
uint32_t hash_mix(uint32_t h, uint64_t v);       // h combined with v
bool hash_streq(const void *stored_key, const void *key);  // strcmp == 0 (an HashEq)
// The value stored under key, or NULL.
void *hmap_get(const HashMap *m, uint32_t hash, const void *key, HashEq eq);
// Stores val (not NULL) under key, replacing an equal key's value; returns
// the value replaced, or NULL. The key is not copied: it must live as long.
void *hmap_put(Arena *a, HashMap *m, uint32_t hash, const void *key, void *val, HashEq eq);

// ---- Interned strings: equal text <=> equal pointer -----------------------
// A HashMap (above) from the text to its copy in the arena (intern.c): the
// text's bytes and length compare, so it may hold NUL bytes; the copy is
// NUL-terminated. Everything lives in the arena (interner_fini only forgets).
typedef struct Interner {
  Arena *arena;  // not owned
  HashMap map;   // InternKey (intern.c) -> the interned copy
} Interner;
void interner_init(Interner *in, Arena *arena);
void interner_fini(Interner *in);
const char *intern(Interner *in, const char *s, size_t n);
const char *intern_cstr(Interner *in, const char *s);

#endif
