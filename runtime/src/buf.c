// The thread-local text buffer behind print() and f-string exception
// messages: a growable byte string per thread. Appends of strings, ints and
// bools live here; float repr and format specs are in stdlib/float_repr.c and
// stdlib/format_spec.c, which append through pyc_buf_str/pyc_buf_char.
// The buffer keeps its memory across resets; it is freed when its thread
// exits (a pthread key destructor), so worker threads do not leak.
#include "pyc/runtime.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct TextBuf {
  char *data;  // owned; NUL-terminated when cap > 0
  size_t len;  // bytes used, excluding the NUL
  size_t cap;  // bytes allocated
} TextBuf;

static _Thread_local TextBuf text_buf;
static pthread_key_t buf_key;
static pthread_once_t buf_key_once = PTHREAD_ONCE_INIT;

static void buf_free(void *p) {
  TextBuf *b = p;
  free(b->data);
  b->data = NULL;
  b->len = b->cap = 0;
}

static void buf_key_init(void) { (void)pthread_key_create(&buf_key, buf_free); }

// Makes room for `extra` more bytes plus the NUL; 0 (and MemoryError) on failure.
static int buf_reserve(TextBuf *b, size_t extra) {
  if (b->len + extra + 1 <= b->cap) return 1;
  if (b->cap == 0) {
    pthread_once(&buf_key_once, buf_key_init);
    pthread_setspecific(buf_key, b);
  }
  size_t cap = b->cap ? b->cap : 256;
  while (cap < b->len + extra + 1) {
    if (cap > SIZE_MAX / 2) {
      pyc_raise(PYC_EXC_MEMORY, "text buffer too large", NULL, 0);
      return 0;
    }
    cap *= 2;
  }
  char *p = realloc(b->data, cap);
  if (!p) {
    pyc_raise(PYC_EXC_MEMORY, "out of memory in the text buffer", NULL, 0);
    return 0;
  }
  b->data = p;
  b->cap = cap;
  return 1;
}

PYC_API void pyc_buf_reset(void) {
  text_buf.len = 0;
  if (text_buf.data) text_buf.data[0] = '\0';
}

PYC_API void pyc_buf_str(const char *s, int64_t len) {
  if (!s) return;
  size_t n = len < 0 ? strlen(s) : (size_t)len;
  TextBuf *b = &text_buf;
  if (n == 0 || !buf_reserve(b, n)) return;
  memcpy(b->data + b->len, s, n);
  b->len += n;
  b->data[b->len] = '\0';
}

PYC_API void pyc_buf_char(char c) {
  TextBuf *b = &text_buf;
  if (!buf_reserve(b, 1)) return;
  b->data[b->len++] = c;
  b->data[b->len] = '\0';
}

// Decimal digits of v, written backwards from end; returns the start.
static char *u64_digits(uint64_t v, char *end) {
  do {
    *--end = (char)('0' + v % 10);
    v /= 10;
  } while (v);
  return end;
}

PYC_API void pyc_buf_i64(int64_t v) {
  char tmp[24], *end = tmp + sizeof tmp;
  char *p = u64_digits(v < 0 ? 0 - (uint64_t)v : (uint64_t)v, end);
  if (v < 0) *--p = '-';
  pyc_buf_str(p, end - p);
}

PYC_API void pyc_buf_u64(uint64_t v) {
  char tmp[24], *end = tmp + sizeof tmp;
  char *p = u64_digits(v, end);
  pyc_buf_str(p, end - p);
}

PYC_API void pyc_buf_bool(int32_t v) { pyc_buf_str(v ? "True" : "False", v ? 4 : 5); }

// The output hook (pyc_set_write_hook): process-wide, set by an embedder
// (the Python extension points it at sys.stdout) before compiled code runs.
static _Atomic(PycWriteHook) write_hook;
static void *_Atomic write_hook_ctx;

PYC_API void pyc_set_write_hook(PycWriteHook hook, void *ctx) {
  atomic_store(&write_hook_ctx, ctx);
  atomic_store(&write_hook, hook);
}

PYC_API void pyc_buf_print(void) {
  TextBuf *b = &text_buf;
  PycWriteHook hook = atomic_load(&write_hook);
  if (b->len && hook)
    hook(b->data, b->len, atomic_load(&write_hook_ctx));
  else if (b->len)
    fwrite(b->data, 1, b->len, stdout);
  pyc_buf_reset();
}

PYC_API void pyc_buf_raise(int32_t kind, const char *file, int32_t line) {
  pyc_raise(kind, text_buf.data ? text_buf.data : "", file, line);
  pyc_buf_reset();
}

PYC_API const char *pyc_buf_data(int64_t *len_out) {
  if (len_out) *len_out = (int64_t)text_buf.len;
  return text_buf.data ? text_buf.data : "";
}

PYC_API void pyc_flush(void) { fflush(stdout); }
