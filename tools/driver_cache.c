// driver_cache.c - the cached compile (cache.h: pyc_compiler_jit_cached) over
// the public driver API: key from the loaded source, options, host target
// and compiler version; on a hit the cached object is JIT-linked (no
// frontend, no LLVM optimizer); on a miss the module is compiled to an
// object, stored with its signatures, and that object is JIT-linked, so both
// paths run the very same machine code.
#include "cache.h"

#include "../codegen/codegen.h"
#include "driver.h"

#include <stdlib.h>
#include <string.h>

static void key_of(PycCompiler *c, const PycCacheConfig *cfg, PycCacheKey *key) {
  const PycOptions *o = pyc_compiler_options(c);
  PycCacheKeyInput in = {0};
  in.text = pyc_compiler_source(c, &in.len, &in.name);
  in.opt_level = o->opt_level;
  in.boundscheck = o->boundscheck;
  in.fastmath = o->fastmath;
  in.strict = cfg->strict;
  in.fallback = o->drop_failed_functions;  // changes what compiles
  in.passes = o->passes;
  char *target = cg_host_description();
  in.target = target;
  pyc_cache_key(&in, key);
  free(target);
}

bool pyc_compiler_jit_cached(PycCompiler *c, const PycCacheConfig *cfg, char **signatures,
                             PycCachedHow *how) {
  static const PycCacheConfig none = {0};
  if (!cfg) cfg = &none;
  *signatures = NULL;
  *how = PYC_CACHED_COMPILED;
  if (!pyc_compiler_source(c, NULL, NULL)) return pyc_compiler_passes(c);  // "no source" diag
  PycCache cache;
  pyc_cache_init(&cache, cfg->dir, cfg->warn, cfg->warn_user);
  PycCacheKey key;
  if (!cache.disabled) key_of(c, cfg, &key);
  PycCacheEntry e;
  if (!cache.disabled && pyc_cache_load(&cache, &key, &e) == PYC_CACHE_HIT) {
    bool ok = pyc_compiler_jit_object(c, e.object, e.object_size);
    if (ok) {
      *signatures = e.meta;  // ownership moves to the caller
      e.meta = NULL;
      *how = PYC_CACHED_LOADED;
    }
    pyc_cache_entry_fini(&e);
    pyc_cache_fini(&cache);
    return ok;
  }
  bool ok = false;
  char *sigs = pyc_compiler_signatures(c);
  size_t size = 0;
  void *obj = sigs ? pyc_compiler_object_bytes(c, &size) : NULL;
  if (obj && pyc_compiler_jit_object(c, obj, size)) {
    if (!cache.disabled && pyc_compiler_dropped_count(c) == 0)
      pyc_cache_store(&cache, &key, sigs, strlen(sigs), obj, size);
    *signatures = sigs;
    sigs = NULL;
    ok = true;
  }
  free(obj);
  free(sigs);
  pyc_cache_fini(&cache);
  return ok;
}
