// cache.c - the disk cache of compiled modules (cache.h): key hashing, the
// entry file format (128-byte header + metadata + object bytes), validated
// loads that delete damaged entries with a warning, atomic stores (mkstemp
// in the cache directory, write, fsync, rename, fsync of the directory), and
// removal of temporary files left by killed writers. POSIX only.
#define _GNU_SOURCE  // dladdr

#include "cache.h"

#include "driver.h"
#include "pyc/runtime.h"
#include "pyc/tasks.h"

#include <dirent.h>
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define STR2(x) #x
#define STR(x) STR2(x)

static const char magic[8] = {'P', 'Y', 'C', 'T', 'C', 'A', 'C', 'H'};
enum {
  HDR_SIZE = 128,
  OFF_FORMAT = 8,
  OFF_HDRSIZE = 12,
  OFF_VERSION = 16,  // 32 bytes, NUL-padded
  OFF_KEY = 48,
  OFF_META = 80,
  OFF_OBJ = 88,
  OFF_SUM = 96,
  VERSION_LEN = 32,
  MAX_ENTRY = 1 << 30,    // larger files are not ours
  TEMP_MAX_AGE_S = 3600,  // a temp file this old is abandoned
};

const char *pyc_cache_compiler_version(void) {
  return "pyc-task " PYC_VERSION_STRING " rt" STR(PYC_RT_ABI_VERSION) " task" STR(PYC_TASK_ABI_VERSION);
}

static void warnf(const PycCache *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void warnf(const PycCache *c, const char *fmt, ...) {
  if (!c->warn) return;
  char buf[1024];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(buf, sizeof buf, fmt, ap);
  va_end(ap);
  c->warn(c->warn_user, buf);
}

static char *join(const char *a, const char *b) {
  size_t n = strlen(a) + strlen(b) + 2;
  char *s = malloc(n);
  if (s) snprintf(s, n, "%s/%s", a, b);
  return s;
}

static bool env_set(const char *name) {
  const char *v = getenv(name);
  return v && *v && strcmp(v, "0") != 0;
}

void pyc_cache_init(PycCache *c, const char *dir, PycCacheWarnFn warn, void *warn_user) {
  memset(c, 0, sizeof *c);
  c->warn = warn;
  c->warn_user = warn_user;
  if (env_set("PYC_TASK_NO_CACHE")) {
    c->disabled = true;
    return;
  }
  const char *env = getenv("PYC_TASK_CACHE_DIR");
  const char *xdg = getenv("XDG_CACHE_HOME");
  const char *home = getenv("HOME");
  if (dir && *dir)
    c->dir = strdup(dir);
  else if (env && *env)
    c->dir = strdup(env);
  else if (xdg && *xdg == '/')
    c->dir = join(xdg, "pyc-task");
  else if (home && *home)
    c->dir = join(home, ".cache/pyc-task");
  if (!c->dir) c->disabled = true;
}

void pyc_cache_fini(PycCache *c) {
  free(c->dir);
  c->dir = NULL;
}

// ---- keys -------------------------------------------------------------------

// Each field is length-prefixed, so ("ab","c") and ("a","bc") differ.
static void put_field(PycSha256 *s, const char *tag, const void *p, size_t n) {
  uint8_t len[8];
  for (int i = 0; i < 8; i++) len[i] = (uint8_t)((uint64_t)n >> (8 * i));
  pyc_sha256_update(s, tag, strlen(tag) + 1);
  pyc_sha256_update(s, len, sizeof len);
  pyc_sha256_update(s, p, n);
}

static void put_str(PycSha256 *s, const char *tag, const char *v) {
  put_field(s, tag, v ? v : "", v ? strlen(v) : 0);
}

// The build of the compiler itself: path, size and mtime of the binary or
// shared object this code is linked into (pyc-task, _core*.so). A rebuilt
// compiler with the same version string must not load the old one's code.
static void put_build_stamp(PycSha256 *s) {
  Dl_info info;
  struct stat st;
  char stamp[64] = "unknown";
  if (dladdr((void *)(uintptr_t)&put_build_stamp, &info) && info.dli_fname &&
      stat(info.dli_fname, &st) == 0) {
    snprintf(stamp, sizeof stamp, "%lld %lld.%09ld", (long long)st.st_size,
             (long long)st.st_mtim.tv_sec, (long)st.st_mtim.tv_nsec);
    put_str(s, "binary", info.dli_fname);
  }
  put_str(s, "build", stamp);
}

void pyc_cache_key(const PycCacheKeyInput *in, PycCacheKey *out) {
  PycSha256 s;
  pyc_sha256_init(&s);
  put_str(&s, "format", STR(PYC_CACHE_FORMAT_VERSION));
  put_str(&s, "compiler", pyc_cache_compiler_version());
  put_build_stamp(&s);
  put_str(&s, "target", in->target);
  char flags[64];
  snprintf(flags, sizeof flags, "O%d bc%d fm%d st%d fb%d", in->opt_level,
           in->boundscheck ? 1 : 0, in->fastmath ? 1 : 0, in->strict ? 1 : 0,
           in->fallback ? 1 : 0);
  put_str(&s, "flags", flags);
  put_str(&s, "passes", in->passes ? in->passes : "<default>");
  put_str(&s, "name", in->name);
  put_field(&s, "source", in->text ? in->text : "", in->text ? in->len : 0);
  pyc_sha256_final(&s, out->bytes);
}

char *pyc_cache_entry_path(const PycCache *c, const PycCacheKey *key) {
  if (c->disabled || !c->dir) return NULL;
  char hex[2 * PYC_SHA256_SIZE + 1 + sizeof PYC_CACHE_SUFFIX];
  pyc_sha256_hex(key->bytes, hex);
  strcat(hex, PYC_CACHE_SUFFIX);
  return join(c->dir, hex);
}

// ---- header encoding --------------------------------------------------------

static void put_u32(uint8_t *p, uint32_t v) {
  for (int i = 0; i < 4; i++) p[i] = (uint8_t)(v >> (8 * i));
}
static void put_u64(uint8_t *p, uint64_t v) {
  for (int i = 0; i < 8; i++) p[i] = (uint8_t)(v >> (8 * i));
}
static uint32_t get_u32(const uint8_t *p) {
  uint32_t v = 0;
  for (int i = 3; i >= 0; i--) v = v << 8 | p[i];
  return v;
}
static uint64_t get_u64(const uint8_t *p) {
  uint64_t v = 0;
  for (int i = 7; i >= 0; i--) v = v << 8 | p[i];
  return v;
}

static void payload_sum(const void *meta, size_t nm, const void *obj, size_t no,
                        uint8_t out[PYC_SHA256_SIZE]) {
  PycSha256 s;
  pyc_sha256_init(&s);
  pyc_sha256_update(&s, meta, nm);
  pyc_sha256_update(&s, obj, no);
  pyc_sha256_final(&s, out);
}

// ---- load -------------------------------------------------------------------

static bool read_all(int fd, uint8_t *p, size_t n) {
  while (n > 0) {
    ssize_t r = read(fd, p, n);
    if (r < 0 && errno == EINTR) continue;
    if (r <= 0) return false;
    p += r;
    n -= (size_t)r;
  }
  return true;
}

// Checks a whole entry file in memory; NULL when valid, else why not.
static const char *validate(const uint8_t *b, size_t n, const PycCacheKey *key) {
  if (n < HDR_SIZE) return "truncated header";
  if (memcmp(b, magic, sizeof magic) != 0) return "not a pyc-task cache entry";
  if (get_u32(b + OFF_FORMAT) != PYC_CACHE_FORMAT_VERSION || get_u32(b + OFF_HDRSIZE) != HDR_SIZE)
    return "foreign cache format version";
  char version[VERSION_LEN] = {0};
  strncpy(version, pyc_cache_compiler_version(), VERSION_LEN - 1);
  if (memcmp(b + OFF_VERSION, version, VERSION_LEN) != 0) return "written by another compiler version";
  if (memcmp(b + OFF_KEY, key->bytes, PYC_SHA256_SIZE) != 0) return "key mismatch";
  uint64_t nm = get_u64(b + OFF_META), no = get_u64(b + OFF_OBJ);
  if (nm > n || no > n || HDR_SIZE + nm + no != n) return "truncated or oversized payload";
  uint8_t sum[PYC_SHA256_SIZE];
  payload_sum(b + HDR_SIZE, (size_t)nm, b + HDR_SIZE + nm, (size_t)no, sum);
  if (memcmp(sum, b + OFF_SUM, PYC_SHA256_SIZE) != 0) return "payload checksum mismatch";
  return NULL;
}

// Deletes a bad entry, unless another process has replaced it meanwhile.
static void drop_entry(const char *path, const struct stat *seen) {
  struct stat now;
  if (stat(path, &now) == 0 && now.st_ino == seen->st_ino && now.st_dev == seen->st_dev)
    unlink(path);
}

PycCacheStatus pyc_cache_load(const PycCache *c, const PycCacheKey *key, PycCacheEntry *out) {
  memset(out, 0, sizeof *out);
  char *path = pyc_cache_entry_path(c, key);
  if (!path) return PYC_CACHE_DISABLED;
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    if (errno != ENOENT) warnf(c, "pyc-task cache: cannot read %s: %s", path, strerror(errno));
    free(path);
    return PYC_CACHE_MISS;
  }
  struct stat st;
  PycCacheStatus status = PYC_CACHE_CORRUPT;
  const char *why = NULL;
  uint8_t *b = NULL;
  if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    why = "not a regular file";
  } else if (st.st_size > MAX_ENTRY) {
    why = "too large";
  } else {
    size_t n = (size_t)st.st_size;
    b = malloc(n ? n : 1);
    if (!b || !read_all(fd, b, n))
      why = "read error";
    else
      why = validate(b, n, key);
    if (!why) {
      size_t nm = (size_t)get_u64(b + OFF_META), no = (size_t)get_u64(b + OFF_OBJ);
      out->meta = malloc(nm + 1);
      out->object = malloc(no ? no : 1);
      if (!out->meta || !out->object) {
        pyc_cache_entry_fini(out);
        why = "out of memory";
      } else {
        memcpy(out->meta, b + HDR_SIZE, nm);
        out->meta[nm] = 0;
        out->meta_size = nm;
        memcpy(out->object, b + HDR_SIZE + nm, no);
        out->object_size = no;
        status = PYC_CACHE_HIT;
      }
    }
  }
  close(fd);
  free(b);
  if (status == PYC_CACHE_CORRUPT) {
    warnf(c, "pyc-task cache: entry %s is invalid (%s); deleted, recompiling", path,
          why ? why : "unknown");
    drop_entry(path, &st);
  }
  free(path);
  return status;
}

void pyc_cache_entry_fini(PycCacheEntry *e) {
  free(e->meta);
  free(e->object);
  memset(e, 0, sizeof *e);
}

// ---- store ------------------------------------------------------------------

// mkdir -p (mode 0777 & ~umask)
static bool make_dirs(const char *dir) {
  char *p = strdup(dir);
  if (!p) return false;
  bool ok = true;
  for (char *s = p + 1;; s++) {
    if (*s == '/' || *s == 0) {
      char save = *s;
      *s = 0;
      if (mkdir(p, 0777) != 0 && errno != EEXIST) ok = false;
      *s = save;
      if (!save || !ok) break;
    }
  }
  free(p);
  struct stat st;
  return ok && stat(dir, &st) == 0 && S_ISDIR(st.st_mode);
}

static bool write_all(int fd, const void *data, size_t n) {
  const uint8_t *p = data;
  while (n > 0) {
    ssize_t w = write(fd, p, n);
    if (w < 0 && errno == EINTR) continue;
    if (w <= 0) return false;
    p += w;
    n -= (size_t)w;
  }
  return true;
}

bool pyc_cache_store(const PycCache *c, const PycCacheKey *key, const char *meta,
                     size_t meta_size, const void *object, size_t object_size) {
  if (c->disabled || !c->dir) return false;
  if (!make_dirs(c->dir)) {
    warnf(c, "pyc-task cache: cannot create %s: %s; not caching", c->dir, strerror(errno));
    return false;
  }
  pyc_cache_clean_temps(c);
  char *path = pyc_cache_entry_path(c, key);
  char hex[2 * PYC_SHA256_SIZE + 1];
  pyc_sha256_hex(key->bytes, hex);
  size_t tn = strlen(c->dir) + sizeof hex + 64;
  char *tmp = malloc(tn);
  if (!path || !tmp) {
    free(path);
    free(tmp);
    return false;
  }
  snprintf(tmp, tn, "%s/.tmp-%s-%ld-XXXXXX", c->dir, hex, (long)getpid());
  int fd = mkstemp(tmp);
  if (fd < 0) {
    warnf(c, "pyc-task cache: cannot create a file in %s: %s; not caching", c->dir,
          strerror(errno));
    free(path);
    free(tmp);
    return false;
  }
  uint8_t h[HDR_SIZE] = {0};
  memcpy(h, magic, sizeof magic);
  put_u32(h + OFF_FORMAT, PYC_CACHE_FORMAT_VERSION);
  put_u32(h + OFF_HDRSIZE, HDR_SIZE);
  strncpy((char *)h + OFF_VERSION, pyc_cache_compiler_version(), VERSION_LEN - 1);
  memcpy(h + OFF_KEY, key->bytes, PYC_SHA256_SIZE);
  put_u64(h + OFF_META, meta_size);
  put_u64(h + OFF_OBJ, object_size);
  payload_sum(meta, meta_size, object, object_size, h + OFF_SUM);
  // The file is complete and on disk before its name appears.
  bool ok = fchmod(fd, 0644) == 0 && write_all(fd, h, sizeof h) &&
            write_all(fd, meta, meta_size) && write_all(fd, object, object_size) &&
            fsync(fd) == 0;
  int err = errno;
  if (close(fd) != 0 && ok) {
    ok = false;
    err = errno;
  }
  if (ok && rename(tmp, path) != 0) {
    ok = false;
    err = errno;
  }
  if (!ok) {
    unlink(tmp);
    warnf(c, "pyc-task cache: cannot write %s: %s; not caching", path, strerror(err));
  } else {
    int dfd = open(c->dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dfd >= 0) {
      fsync(dfd);  // the rename itself survives a crash
      close(dfd);
    }
  }
  free(path);
  free(tmp);
  return ok;
}

// ".tmp-<64 hex>-<pid>-XXXXXX": the writer's pid, or -1 if the name is not ours.
static long temp_pid(const char *name) {
  if (strncmp(name, ".tmp-", 5) != 0 || strlen(name) < 5 + 64 + 2) return -1;
  const char *p = name + 5 + 64;
  if (*p != '-') return -1;
  char *end;
  long pid = strtol(p + 1, &end, 10);
  return end != p + 1 && *end == '-' && pid > 0 ? pid : -1;
}

int pyc_cache_clean_temps(const PycCache *c) {
  if (c->disabled || !c->dir) return 0;
  DIR *d = opendir(c->dir);
  if (!d) return 0;
  int removed = 0;
  time_t now = time(NULL);
  struct dirent *e;
  while ((e = readdir(d)) != NULL) {
    long pid = temp_pid(e->d_name);
    if (pid < 0) continue;
    char *p = join(c->dir, e->d_name);
    struct stat st;
    if (!p || lstat(p, &st) != 0) {
      free(p);
      continue;
    }
    bool dead = pid != (long)getpid() && kill((pid_t)pid, 0) != 0 && errno == ESRCH;
    bool old = now - st.st_mtime > TEMP_MAX_AGE_S;
    if ((dead || old) && unlink(p) == 0) removed++;
    free(p);
  }
  closedir(d);
  return removed;
}
