// test_cache.c - the disk cache (tools/cache.h) and the cached compile
// (pyc_compiler_jit_cached): SHA-256 test vectors, key sensitivity, store and
// load, every kind of damaged entry (truncated, flipped payload byte, wrong
// format or compiler version, wrong key) detected with a warning, deleted
// and rebuilt, PYC_TASK_NO_CACHE, N forked writers of one key, a writer
// killed with SIGKILL mid-write, and a module compiled once then loaded from
// the cache in a fresh process (fork) without the frontend.
#define _POSIX_C_SOURCE 200809L
#include "../../tools/cache.h"
#include "../../tools/driver.h"
#include "test_base.h"

#include <dirent.h>
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

typedef struct Warnings {
  int count;
  char last[1024];
} Warnings;

static void on_warn(void *user, const char *msg) {
  Warnings *w = user;
  w->count++;
  snprintf(w->last, sizeof w->last, "%s", msg);
}

static char *new_dir(void) {
  char tmpl[] = "/tmp/pyc-cache-test-XXXXXX";
  char *d = mkdtemp(tmpl);
  CHECK(d != NULL);
  return strdup(d ? d : "/tmp");
}

static void rm_dir(const char *dir) {
  DIR *d = opendir(dir);
  if (!d) return;
  struct dirent *e;
  char p[4096];
  while ((e = readdir(d)) != NULL) {
    if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0) continue;
    snprintf(p, sizeof p, "%s/%s", dir, e->d_name);
    unlink(p);
  }
  closedir(d);
  rmdir(dir);
}

// Files in dir whose names start with prefix.
static int count_files(const char *dir, const char *prefix) {
  DIR *d = opendir(dir);
  if (!d) return 0;
  int n = 0;
  struct dirent *e;
  while ((e = readdir(d)) != NULL)
    if (strncmp(e->d_name, prefix, strlen(prefix)) == 0 && strcmp(e->d_name, ".") != 0 &&
        strcmp(e->d_name, "..") != 0)
      n++;
  closedir(d);
  return n;
}

static void test_sha256(void) {
  char hex[65];
  uint8_t d[32];
  pyc_sha256("", 0, d);
  pyc_sha256_hex(d, hex);
  CHECK_STR(hex, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  pyc_sha256("abc", 3, d);
  pyc_sha256_hex(d, hex);
  CHECK_STR(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  const char *m = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
  pyc_sha256(m, strlen(m), d);
  pyc_sha256_hex(d, hex);
  CHECK_STR(hex, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  // One million 'a', fed in odd-sized pieces.
  PycSha256 s;
  pyc_sha256_init(&s);
  char a[1000];
  memset(a, 'a', sizeof a);
  size_t left = 1000000;
  for (size_t piece = 1; left > 0; piece = piece % 997 + 1) {
    size_t n = piece < left ? piece : left;
    pyc_sha256_update(&s, a, n);
    left -= n;
  }
  pyc_sha256_final(&s, d);
  pyc_sha256_hex(d, hex);
  CHECK_STR(hex, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

static const PycCacheKeyInput base_input = {
    .name = "m.py", .text = "x = 1\n", .len = 6, .opt_level = 3, .target = "x86_64\ncpu\n+avx"};

static void test_key(void) {
  PycCacheKey k0, k;
  pyc_cache_key(&base_input, &k0);
  pyc_cache_key(&base_input, &k);
  CHECK(memcmp(k0.bytes, k.bytes, 32) == 0);
  PycCacheKeyInput v[9];
  for (int i = 0; i < 9; i++) v[i] = base_input;
  v[0].name = "n.py";
  v[1].text = "x = 2\n";
  v[2].opt_level = 2;
  v[3].boundscheck = true;
  v[4].fastmath = true;
  v[5].strict = true;
  v[6].fallback = true;
  v[7].target = "x86_64\ncpu\n-avx";
  v[8].passes = "dce";
  for (int i = 0; i < 9; i++) {
    pyc_cache_key(&v[i], &k);
    CHECK(memcmp(k0.bytes, k.bytes, 32) != 0);
  }
}

static void store_sample(PycCache *c, const PycCacheKey *k, size_t objsize) {
  char *obj = malloc(objsize);
  for (size_t i = 0; i < objsize; i++) obj[i] = (char)(i * 7 + 3);
  CHECK(pyc_cache_store(c, k, "f\ti64\ti64\ta\tkernel\n", 20, obj, objsize));
  free(obj);
}

static bool sample_ok(const PycCacheEntry *e, size_t objsize) {
  if (e->meta_size != 20 || strcmp(e->meta, "f\ti64\ti64\ta\tkernel\n") != 0) return false;
  if (e->object_size != objsize) return false;
  const char *o = e->object;
  for (size_t i = 0; i < objsize; i++)
    if (o[i] != (char)(i * 7 + 3)) return false;
  return true;
}

static void test_roundtrip(void) {
  char *dir = new_dir();
  Warnings w = {0};
  PycCache c;
  pyc_cache_init(&c, dir, on_warn, &w);
  CHECK(!c.disabled);
  PycCacheKey k, k2;
  pyc_cache_key(&base_input, &k);
  PycCacheKeyInput other = base_input;
  other.text = "y = 1\n";
  pyc_cache_key(&other, &k2);
  PycCacheEntry e;
  CHECK(pyc_cache_load(&c, &k, &e) == PYC_CACHE_MISS);
  store_sample(&c, &k, 5000);
  CHECK(pyc_cache_load(&c, &k, &e) == PYC_CACHE_HIT);
  CHECK(sample_ok(&e, 5000));
  pyc_cache_entry_fini(&e);
  CHECK(pyc_cache_load(&c, &k2, &e) == PYC_CACHE_MISS);
  CHECK(w.count == 0);
  CHECK(count_files(dir, ".tmp-") == 0);
  pyc_cache_fini(&c);
  // A directory that does not exist yet is created (mkdir -p).
  char sub[4200];
  snprintf(sub, sizeof sub, "%s/a/b", dir);
  pyc_cache_init(&c, sub, on_warn, &w);
  store_sample(&c, &k, 10);
  CHECK(pyc_cache_load(&c, &k, &e) == PYC_CACHE_HIT);
  pyc_cache_entry_fini(&e);
  rm_dir(sub);
  snprintf(sub, sizeof sub, "%s/a", dir);
  rmdir(sub);
  pyc_cache_fini(&c);
  rm_dir(dir);
  free(dir);
}

// Damage the entry of k with `how`, then: a load warns, deletes, says CORRUPT;
// the next load misses; a store rebuilds it.
typedef enum Damage { TRUNCATE, FLIP_PAYLOAD, BAD_FORMAT, BAD_VERSION, WRONG_KEY, GARBAGE } Damage;

static void damage(const char *path, Damage how, const PycCache *c) {
  FILE *f = fopen(path, "r+b");
  CHECK(f != NULL);
  if (!f) return;
  fseek(f, 0, SEEK_END);
  long n = ftell(f);
  unsigned char b = 0;
  switch (how) {
  case TRUNCATE:
    fclose(f);
    CHECK(truncate(path, n - 100) == 0);
    return;
  case FLIP_PAYLOAD:
    fseek(f, n - 1234, SEEK_SET);
    b = (unsigned char)fgetc(f);
    fseek(f, n - 1234, SEEK_SET);
    fputc(b ^ 0x10, f);
    break;
  case BAD_FORMAT:
    fseek(f, 8, SEEK_SET);
    fputc(99, f);
    break;
  case BAD_VERSION:
    fseek(f, 16, SEEK_SET);
    fputs("pyc-task 0.0.1", f);
    break;
  case WRONG_KEY: {
    // The entry of another key copied under this key's name.
    fclose(f);
    PycCacheKeyInput other = base_input;
    other.name = "other.py";
    PycCacheKey k2;
    pyc_cache_key(&other, &k2);
    store_sample((PycCache *)c, &k2, 5000);
    char *p2 = pyc_cache_entry_path(c, &k2);
    CHECK(rename(p2, path) == 0);
    free(p2);
    return;
  }
  case GARBAGE:
    fclose(f);
    f = fopen(path, "wb");
    fputs("not a cache entry at all", f);
    break;
  }
  fclose(f);
}

static void test_corruption(void) {
  static const char *const what[] = {"truncated", "checksum", "format version",
                                     "compiler version", "key mismatch", "truncated header"};
  for (int how = TRUNCATE; how <= GARBAGE; how++) {
    char *dir = new_dir();
    Warnings w = {0};
    PycCache c;
    pyc_cache_init(&c, dir, on_warn, &w);
    PycCacheKey k;
    pyc_cache_key(&base_input, &k);
    store_sample(&c, &k, 5000);
    char *path = pyc_cache_entry_path(&c, &k);
    damage(path, (Damage)how, &c);
    PycCacheEntry e;
    CHECK(pyc_cache_load(&c, &k, &e) == PYC_CACHE_CORRUPT);
    CHECK(w.count == 1);
    if (!strstr(w.last, what[how]))
      fprintf(stderr, "damage %d: warning '%s' lacks '%s'\n", how, w.last, what[how]);
    CHECK(strstr(w.last, what[how]) != NULL);
    CHECK(strstr(w.last, path) != NULL);
    CHECK(access(path, F_OK) != 0);  // deleted
    CHECK(pyc_cache_load(&c, &k, &e) == PYC_CACHE_MISS);
    store_sample(&c, &k, 5000);  // rebuilt
    CHECK(pyc_cache_load(&c, &k, &e) == PYC_CACHE_HIT);
    CHECK(sample_ok(&e, 5000));
    pyc_cache_entry_fini(&e);
    CHECK(w.count == 1);
    free(path);
    pyc_cache_fini(&c);
    rm_dir(dir);
    free(dir);
  }
}

static void test_no_cache_env(void) {
  setenv("PYC_TASK_NO_CACHE", "1", 1);
  PycCache c;
  pyc_cache_init(&c, "/tmp/never-created-pyc-cache", NULL, NULL);
  CHECK(c.disabled);
  PycCacheKey k;
  pyc_cache_key(&base_input, &k);
  PycCacheEntry e;
  CHECK(pyc_cache_load(&c, &k, &e) == PYC_CACHE_DISABLED);
  CHECK(!pyc_cache_store(&c, &k, "", 0, "x", 1));
  CHECK(access("/tmp/never-created-pyc-cache", F_OK) != 0);
  pyc_cache_fini(&c);
  setenv("PYC_TASK_NO_CACHE", "0", 1);
  pyc_cache_init(&c, "/tmp/x", NULL, NULL);
  CHECK(!c.disabled);
  pyc_cache_fini(&c);
  unsetenv("PYC_TASK_NO_CACHE");
  // Default directory: $PYC_TASK_CACHE_DIR, then $XDG_CACHE_HOME/pyc-task.
  setenv("PYC_TASK_CACHE_DIR", "/tmp/pcd", 1);
  pyc_cache_init(&c, NULL, NULL, NULL);
  CHECK_STR(c.dir, "/tmp/pcd");
  pyc_cache_fini(&c);
  unsetenv("PYC_TASK_CACHE_DIR");
  setenv("XDG_CACHE_HOME", "/tmp/xdg", 1);
  pyc_cache_init(&c, NULL, NULL, NULL);
  CHECK_STR(c.dir, "/tmp/xdg/pyc-task");
  pyc_cache_fini(&c);
  unsetenv("XDG_CACHE_HOME");
}

// N processes store the same key (different payload sizes) many times at
// once; the entry left is always complete and valid, and no temp remains.
static void test_concurrent_writers(void) {
  char *dir = new_dir();
  PycCacheKey k;
  pyc_cache_key(&base_input, &k);
  enum { N = 6, ROUNDS = 15 };
  pid_t pids[N];
  for (int i = 0; i < N; i++) {
    pids[i] = fork();
    if (pids[i] == 0) {
      PycCache c;
      pyc_cache_init(&c, dir, NULL, NULL);
      for (int r = 0; r < ROUNDS; r++) {
        store_sample(&c, &k, (size_t)(200000 + 1000 * i));
        PycCacheEntry e;  // a reader meanwhile sees a valid entry or none
        PycCacheStatus st = pyc_cache_load(&c, &k, &e);
        if (st == PYC_CACHE_CORRUPT) _exit(3);
        if (st == PYC_CACHE_HIT && !sample_ok(&e, e.object_size)) _exit(4);
        pyc_cache_entry_fini(&e);
      }
      _exit(test_failures ? 2 : 0);
    }
  }
  for (int i = 0; i < N; i++) {
    int st = 0;
    waitpid(pids[i], &st, 0);
    CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 0);
  }
  Warnings w = {0};
  PycCache c;
  pyc_cache_init(&c, dir, on_warn, &w);
  PycCacheEntry e;
  CHECK(pyc_cache_load(&c, &k, &e) == PYC_CACHE_HIT);
  CHECK(e.object_size >= 200000 && sample_ok(&e, e.object_size));
  pyc_cache_entry_fini(&e);
  CHECK(w.count == 0);
  CHECK(count_files(dir, ".tmp-") == 0);
  CHECK(count_files(dir, "") == 1);
  pyc_cache_fini(&c);
  rm_dir(dir);
  free(dir);
}

// A writer killed with SIGKILL while it writes big entries: what is left is
// a valid entry or none, never a damaged one; its temp file is never loaded
// and the next store removes it.
static void test_kill_during_write(void) {
  char *dir = new_dir();
  PycCacheKey k;
  pyc_cache_key(&base_input, &k);
  int left_temp = 0;
  for (int attempt = 0; attempt < 4; attempt++) {
    pid_t pid = fork();
    if (pid == 0) {
      PycCache c;
      pyc_cache_init(&c, dir, NULL, NULL);
      for (;;) store_sample(&c, &k, (size_t)48 << 20);
    }
    struct timespec ts = {0, 30000000L + 37000000L * attempt};
    nanosleep(&ts, NULL);
    kill(pid, SIGKILL);
    int st;
    waitpid(pid, &st, 0);
    CHECK(WIFSIGNALED(st) && WTERMSIG(st) == SIGKILL);
    left_temp += count_files(dir, ".tmp-");
    Warnings w = {0};
    PycCache c;
    pyc_cache_init(&c, dir, on_warn, &w);
    PycCacheEntry e;
    PycCacheStatus s = pyc_cache_load(&c, &k, &e);
    CHECK(s == PYC_CACHE_HIT || s == PYC_CACHE_MISS);
    if (s == PYC_CACHE_HIT) CHECK(e.object_size == ((size_t)48 << 20));
    pyc_cache_entry_fini(&e);
    CHECK(w.count == 0);
    pyc_cache_clean_temps(&c);  // the writer is dead: its temp goes
    CHECK(count_files(dir, ".tmp-") == 0);
    pyc_cache_fini(&c);
  }
  // Also the state a kill leaves, made by hand: a partial temp of a dead pid.
  char p[4200];
  snprintf(p, sizeof p, "%s/.tmp-%064d-999999999-abcdef", dir, 0);
  FILE *f = fopen(p, "wb");
  fputs("PYCTCACH partial", f);
  fclose(f);
  PycCache c;
  pyc_cache_init(&c, dir, NULL, NULL);
  CHECK(pyc_cache_clean_temps(&c) == 1);
  CHECK(access(p, F_OK) != 0);
  pyc_cache_fini(&c);
  printf("kill -9 test: %d temp file(s) left by killed writers, all removed\n", left_temp);
  rm_dir(dir);
  free(dir);
}

// ---- the cached compile ------------------------------------------------------

static const char prog[] =
    "import pyc_task as pt\n"
    "from pyc_task import kernel, int64, float64\n"
    "\n"
    "@kernel\n"
    "def mix(a: int64, b: float64) -> float64:\n"
    "    return a * 2 + b\n"
    "\n"
    "@kernel\n"
    "def total(x: pt.float64[::1]) -> float64:\n"
    "    s = 0.0\n"
    "    for i in range(x.shape[0]):\n"
    "        s += x[i]\n"
    "    return s\n";

// Compile (or load) prog through the cache in dir; returns mix(20, 2.5) or -1.
static double cached_mix(const char *dir, PycCachedHow *how, int *warnings, char **sigs) {
  PycCompiler *c = pyc_compiler_new(NULL);
  CHECK(pyc_compiler_load_buffer(c, "prog.py", prog, strlen(prog)));
  Warnings w = {0};
  PycCacheConfig cfg = {.dir = dir, .warn = on_warn, .warn_user = &w};
  double r = -1;
  if (pyc_compiler_jit_cached(c, &cfg, sigs, how)) {
    void *addr = pyc_compiler_lookup(c, "pyk_mix");
    double (*fn)(int64_t, double);
    CHECK(addr != NULL);
    if (addr) {
      memcpy(&fn, &addr, sizeof fn);
      r = fn(20, 2.5);
    }
  }
  pyc_compiler_print_diags(c, stderr);
  pyc_compiler_delete(c);
  *warnings = w.count;
  return r;
}

static void test_cached_compile(void) {
  char *dir = new_dir();
  PycCachedHow how;
  int warns;
  char *sigs = NULL;
  CHECK(cached_mix(dir, &how, &warns, &sigs) == 42.5);
  CHECK(how == PYC_CACHED_COMPILED && warns == 0);
  CHECK(sigs && strncmp(sigs, "mix\ti64,f64\tf64\ta,b\t", 20) == 0);
  CHECK(sigs && strstr(sigs, "\ntotal\tarray<f64,1,C>\tf64\tx\t") != NULL);
  char *first = sigs;
  sigs = NULL;
  // A fresh process loads it from the cache.
  pid_t pid = fork();
  if (pid == 0) {
    double r = cached_mix(dir, &how, &warns, &sigs);
    int bad = r != 42.5 || how != PYC_CACHED_LOADED || warns != 0 || !sigs ||
              strcmp(sigs, first) != 0;
    _exit(bad ? 1 : 0);
  }
  int st;
  waitpid(pid, &st, 0);
  CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 0);
  CHECK(cached_mix(dir, &how, &warns, &sigs) == 42.5);
  CHECK(how == PYC_CACHED_LOADED && warns == 0);
  free(sigs);
  sigs = NULL;
  // A damaged entry: warning, recompiled, stored again.
  DIR *d = opendir(dir);
  struct dirent *e;
  char path[4200] = {0};
  while ((e = readdir(d)) != NULL)
    if (strstr(e->d_name, PYC_CACHE_SUFFIX)) snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
  closedir(d);
  CHECK(path[0] != 0);
  CHECK(truncate(path, 300) == 0);
  CHECK(cached_mix(dir, &how, &warns, &sigs) == 42.5);
  CHECK(how == PYC_CACHED_COMPILED && warns == 1);
  free(sigs);
  sigs = NULL;
  CHECK(cached_mix(dir, &how, &warns, &sigs) == 42.5);
  CHECK(how == PYC_CACHED_LOADED && warns == 0);
  free(sigs);
  sigs = NULL;
  // Other options: another entry.
  PycOptions o;
  pyc_options_default(&o);
  o.boundscheck = true;
  PycCompiler *c = pyc_compiler_new(&o);
  pyc_compiler_load_buffer(c, "prog.py", prog, strlen(prog));
  PycCacheConfig cfg = {.dir = dir};
  CHECK(pyc_compiler_jit_cached(c, &cfg, &sigs, &how) && how == PYC_CACHED_COMPILED);
  free(sigs);
  pyc_compiler_delete(c);
  // A compile error is reported, nothing stored, no crash.
  c = pyc_compiler_new(NULL);
  pyc_compiler_load_buffer(c, "bad.py", "@kernel\ndef f(x: int64) -> int64:\n    return y\n", 47);
  sigs = NULL;
  CHECK(!pyc_compiler_jit_cached(c, &cfg, &sigs, &how) && sigs == NULL);
  CHECK(pyc_compiler_failed(c));
  pyc_compiler_delete(c);
  CHECK(count_files(dir, "") == 2);
  free(first);
  rm_dir(dir);
  free(dir);
}

int main(void) {
  test_sha256();
  test_key();
  test_roundtrip();
  test_corruption();
  test_no_cache_env();
  test_concurrent_writers();
  test_kill_during_write();
  test_cached_compile();
  return test_report("test_cache");
}
