// Pending-exception slot: one per thread (thread-local), holding the kind,
// a copied message, a copied file name and a line. Compiled code raises with
// pyc_raise() and returns; callers poll pyc_err_occurred(). A newer raise
// replaces a pending one. Also the kind <-> name table, the except-clause
// hierarchy test, and pyc_run_main(), the driver behind the standalone main().
// Copies are malloc'd and reused across raises (freed at thread exit by a
// pthread key destructor); if a copy cannot be made the kind still becomes
// pending (message/file degrade to ""/NULL).
#include "pyc/runtime.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct ErrSlot {
  int32_t kind;   // PycExcKind or 0
  int32_t line;   // 0 = unknown
  char *msg;      // owned, NUL-terminated; NULL = ""
  size_t msgcap;  // bytes allocated for msg
  char *file;     // owned; NULL when has_file == 0
  size_t filecap;
  int has_file;
} ErrSlot;

static _Thread_local ErrSlot err_slot;
static pthread_key_t err_key;
static pthread_once_t err_key_once = PTHREAD_ONCE_INIT;

static void slot_free(void *p) {
  ErrSlot *e = p;
  free(e->msg);
  free(e->file);
  memset(e, 0, sizeof *e);
}

static void err_key_init(void) { (void)pthread_key_create(&err_key, slot_free); }

// Registers this thread's slot for freeing at thread exit (once per thread).
static void slot_register(ErrSlot *e) {
  if (e->msgcap || e->filecap) return;
  pthread_once(&err_key_once, err_key_init);
  pthread_setspecific(err_key, e);
}

// Names in PycExcKind order; index 0 is PYC_EXC_NONE.
static const char *const exc_names[PYC_EXC_COUNT] = {
    NULL,           "Exception",           "ArithmeticError", "ZeroDivisionError", "OverflowError",
    "ValueError",   "TypeError",           "IndexError",      "KeyError",          "AssertionError",
    "RuntimeError", "NotImplementedError", "MemoryError",     "RecursionError",
    "KeyboardInterrupt",
};

// Direct Python base class of each kind (0 = none above Exception).
static const int32_t exc_parent[PYC_EXC_COUNT] = {
    [PYC_EXC_EXCEPTION] = 0,
    [PYC_EXC_ARITHMETIC] = PYC_EXC_EXCEPTION,
    [PYC_EXC_ZERO_DIVISION] = PYC_EXC_ARITHMETIC,
    [PYC_EXC_OVERFLOW] = PYC_EXC_ARITHMETIC,
    [PYC_EXC_VALUE] = PYC_EXC_EXCEPTION,
    [PYC_EXC_TYPE] = PYC_EXC_EXCEPTION,
    [PYC_EXC_INDEX] = PYC_EXC_EXCEPTION,
    [PYC_EXC_KEY] = PYC_EXC_EXCEPTION,
    [PYC_EXC_ASSERTION] = PYC_EXC_EXCEPTION,
    [PYC_EXC_RUNTIME] = PYC_EXC_EXCEPTION,
    [PYC_EXC_NOT_IMPLEMENTED] = PYC_EXC_RUNTIME,
    [PYC_EXC_MEMORY] = PYC_EXC_EXCEPTION,
    [PYC_EXC_RECURSION] = PYC_EXC_RUNTIME,
    [PYC_EXC_KEYBOARD_INTERRUPT] = 0,  // a BaseException: `except Exception` misses it
};

PYC_API const char *pyc_exc_name(int32_t kind) {
  if (kind <= PYC_EXC_NONE || kind >= PYC_EXC_COUNT) return NULL;
  return exc_names[kind];
}

PYC_API int32_t pyc_exc_lookup(const char *name) {
  if (!name) return PYC_EXC_NONE;
  for (int32_t k = 1; k < PYC_EXC_COUNT; k++)
    if (strcmp(exc_names[k], name) == 0) return k;
  return PYC_EXC_NONE;
}

PYC_API int32_t pyc_exc_matches(int32_t kind, int32_t handler) {
  if (kind <= PYC_EXC_NONE || kind >= PYC_EXC_COUNT || handler <= PYC_EXC_NONE ||
      handler >= PYC_EXC_COUNT)
    return 0;
  for (int32_t k = kind; k != 0; k = exc_parent[k])
    if (k == handler) return 1;
  return 0;
}

// Copies s into *dst (growing it); returns 0 on allocation failure.
static int copy_into(char **dst, size_t *cap, const char *s) {
  size_t n = strlen(s) + 1;
  if (n > *cap) {
    char *p = realloc(*dst, n);
    if (!p) return 0;
    *dst = p;
    *cap = n;
  }
  memmove(*dst, s, n);  // s may be our own buffer (re-raise of pyc_err_message())
  return 1;
}

PYC_API void pyc_raise(int32_t kind, const char *msg, const char *file, int32_t line) {
  ErrSlot *e = &err_slot;
  slot_register(e);
  if (kind <= PYC_EXC_NONE || kind >= PYC_EXC_COUNT) kind = PYC_EXC_RUNTIME;
  e->kind = kind;
  e->line = line;
  if (!copy_into(&e->msg, &e->msgcap, msg ? msg : "") && e->msg) e->msg[0] = '\0';
  e->has_file = file && copy_into(&e->file, &e->filecap, file);
}

PYC_API int32_t pyc_err_occurred(void) { return err_slot.kind; }

PYC_API const char *pyc_err_message(void) {
  return err_slot.kind && err_slot.msg ? err_slot.msg : "";
}

PYC_API const char *pyc_err_file(void) {
  return err_slot.kind && err_slot.has_file ? err_slot.file : NULL;
}

PYC_API int32_t pyc_err_line(void) { return err_slot.kind ? err_slot.line : 0; }

PYC_API void pyc_err_clear(void) {
  err_slot.kind = PYC_EXC_NONE;
  err_slot.line = 0;
  err_slot.has_file = 0;
  if (err_slot.msg) err_slot.msg[0] = '\0';
}

PYC_API void pyc_err_set_location(const char *file, int32_t line) {
  ErrSlot *e = &err_slot;
  if (!e->kind || e->has_file || !file) return;
  slot_register(e);
  e->has_file = copy_into(&e->file, &e->filecap, file);
  e->line = line;
}

PYC_API void pyc_err_index(int64_t index, int32_t axis, int64_t size, const char *file,
                           int32_t line) {
  char msg[128];
  snprintf(msg, sizeof msg, "index %lld is out of bounds for axis %d with size %lld",
           (long long)index, (int)axis, (long long)size);
  pyc_raise(PYC_EXC_INDEX, msg, file, line);
}

PYC_API int32_t pyc_rt_abi_version(void) { return PYC_RT_ABI_VERSION; }

PYC_API void pyc_err_print(void) {
  const ErrSlot *e = &err_slot;
  if (!e->kind) return;
  if (e->has_file) {
    if (e->line > 0)
      fprintf(stderr, "%s:%d: ", e->file, (int)e->line);
    else
      fprintf(stderr, "%s: ", e->file);
  }
  const char *msg = pyc_err_message();
  if (msg[0])
    fprintf(stderr, "%s: %s\n", exc_names[e->kind], msg);
  else
    fprintf(stderr, "%s\n", exc_names[e->kind]);
  fflush(stderr);
}

PYC_API int pyc_run_main(void (*entry)(void)) {
  (void)pyc_install_sigint_flag();
  if (entry) entry();
  fflush(stdout);
  int32_t kind = pyc_err_occurred();
  if (!kind) return 0;
  pyc_err_print();
  pyc_err_clear();
  return kind == PYC_EXC_KEYBOARD_INTERRUPT ? 130 : 1;
}

// ---- program arguments (set once by main() before any thread starts) ------

static int prog_argc;
static char **prog_argv;

PYC_API void pyc_set_args(int argc, char **argv) {
  prog_argc = argc > 0 && argv ? argc : 0;
  prog_argv = argv;
}

PYC_API int32_t pyc_argc(void) { return prog_argc; }

PYC_API const char *pyc_argv(int32_t i) { return i >= 0 && i < prog_argc ? prog_argv[i] : NULL; }
