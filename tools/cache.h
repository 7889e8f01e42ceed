// cache.h - the disk cache of compiled modules (object code + metadata).
//
// Directory: $PYC_TASK_CACHE_DIR, else $XDG_CACHE_HOME/pyc-task, else
// ~/.cache/pyc-task (created on first store). PYC_TASK_NO_CACHE=1 disables
// the cache (every load misses, nothing is stored).
//
// Key: SHA-256 over the source name and text, the flags (opt level,
// boundscheck, fastmath, strict, fallback, TIR pass list), the target (triple,
// host CPU name and features) and the compiler version (PYC_VERSION_STRING +
// the runtime ABI + the build: size and mtime of the binary holding the
// compiler, so a rebuilt compiler never loads an older build's code).
// Entry file `<hex key>.pyco`: a fixed header (magic, format version,
// compiler version, key, payload sizes, SHA-256 of the payload) followed by
// the payload: metadata text (the signatures) then the object file bytes.
//
// Writes are atomic: a temporary file `.tmp-<key>-<pid>-<n>` in the same
// directory, fsync, rename. Concurrent writers of one key each rename a
// complete file, so the last one wins and the entry is always valid; a
// writer killed mid-write leaves only a temporary file, which is never
// loaded and is removed later (dead writer or older than an hour).
//
// A damaged entry (truncated, checksum mismatch, foreign format or compiler
// version, key mismatch) is reported through the warning callback, deleted,
// and loads as PYC_CACHE_CORRUPT: the caller recompiles and stores it again.
#ifndef PYC_TOOLS_CACHE_H
#define PYC_TOOLS_CACHE_H

#include "sha256.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define PYC_CACHE_FORMAT_VERSION 1
#define PYC_CACHE_SUFFIX ".pyco"

typedef struct PycCacheKey {
  uint8_t bytes[PYC_SHA256_SIZE];
} PycCacheKey;

// What a compilation's cache key is made of (strings not owned).
typedef struct PycCacheKeyInput {
  const char *name;  // the source name (appears in messages of compiled code)
  const char *text;  // the source text
  size_t len;
  int opt_level;
  bool boundscheck, fastmath, strict;
  bool fallback;       // drop_failed_functions
  const char *passes;  // a custom TIR pass list (NULL: the default pipeline)
  const char *target;  // triple, CPU, features (cg_host_description)
} PycCacheKeyInput;

// Receives each warning (one line, no newline), e.g. "pyc-task cache: entry
// /x/ab12.pyco is corrupt (payload checksum mismatch); rebuilding".
typedef void (*PycCacheWarnFn)(void *user, const char *message);

typedef struct PycCache {
  char *dir;            // owned; NULL when disabled
  bool disabled;        // PYC_TASK_NO_CACHE=1, or no usable directory
  PycCacheWarnFn warn;  // may be NULL (warnings dropped)
  void *warn_user;
} PycCache;

typedef enum PycCacheStatus {
  PYC_CACHE_HIT,       // *entry filled
  PYC_CACHE_MISS,      // no entry
  PYC_CACHE_CORRUPT,   // an entry was there, was bad, was warned about and deleted
  PYC_CACHE_DISABLED,  // the cache is off
} PycCacheStatus;

typedef struct PycCacheEntry {
  char *meta;  // malloc'd, NUL-terminated (meta_size bytes before the NUL)
  size_t meta_size;
  void *object;  // malloc'd
  size_t object_size;
} PycCacheEntry;

// The cache at `dir`, or (dir NULL) the directory from the environment.
// Honours PYC_TASK_NO_CACHE. Never fails: a cache without a directory is
// disabled.
void pyc_cache_init(PycCache *c, const char *dir, PycCacheWarnFn warn, void *warn_user);
void pyc_cache_fini(PycCache *c);

// The compiler version string that goes into keys and headers.
const char *pyc_cache_compiler_version(void);
void pyc_cache_key(const PycCacheKeyInput *in, PycCacheKey *out);
// Path of the entry of `key` (malloc'd); NULL when the cache is disabled.
char *pyc_cache_entry_path(const PycCache *c, const PycCacheKey *key);

PycCacheStatus pyc_cache_load(const PycCache *c, const PycCacheKey *key, PycCacheEntry *out);
// Atomic store; false (with a warning) when it could not be written. A
// failed store is never fatal for the compile.
bool pyc_cache_store(const PycCache *c, const PycCacheKey *key, const char *meta,
                     size_t meta_size, const void *object, size_t object_size);
void pyc_cache_entry_fini(PycCacheEntry *e);
// Removes temporary files left by dead writers (or older than an hour);
// returns how many. pyc_cache_store calls it.
int pyc_cache_clean_temps(const PycCache *c);

// ---- the cached compile (tools/driver_cache.c) ------------------------------

typedef struct PycCompiler PycCompiler;

typedef struct PycCacheConfig {
  const char *dir;       // NULL: $PYC_TASK_CACHE_DIR / XDG default
  bool strict;           // part of the key (the decorators' strict=)
  PycCacheWarnFn warn;   // cache warnings (may be NULL)
  void *warn_user;
} PycCacheConfig;

typedef enum PycCachedHow {
  PYC_CACHED_COMPILED,  // compiled now (cache off, miss, or damaged entry) and stored
  PYC_CACHED_LOADED,    // loaded from the cache: no frontend, no LLVM optimization
} PycCachedHow;

// JIT the source loaded into c (pyc_compiler_load_buffer/_file) through the
// disk cache. A hit JIT-links the cached object; a miss compiles, emits the
// object, stores it with the signatures and JIT-links that same object. Then
// pyc_compiler_lookup(c, "pyk_<name>") gives the functions. *signatures gets
// the pyc_compiler_signatures text (malloc'd, caller frees). A module with
// functions dropped by drop_failed_functions is compiled but not stored (its
// warnings must show every time). False when the compile failed
// (diagnostics in c); cache trouble only warns.
bool pyc_compiler_jit_cached(PycCompiler *c, const PycCacheConfig *cfg, char **signatures,
                             PycCachedHow *how);

#endif
