// Unit tests for the runtime's core: the thread-local exception slot (raise,
// replace, location, clear, print format, kind names and hierarchy), the
// program driver pyc_run_main, the text buffer, refcounted array blocks
// (alignment, zeroing, incref/decref, live count, atomic counts under
// threads, error paths) and the symbol table.
#define _POSIX_C_SOURCE 200809L  // fmemopen-free: we redirect stderr via tmpfile
#include "pyc/runtime.h"

#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int failures;

#define CHECK(cond)                                                                                \
  do {                                                                                             \
    if (!(cond)) {                                                                                 \
      fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond);                     \
      failures++;                                                                                  \
    }                                                                                              \
  } while (0)

#define CHECK_STR(a, b)                                                                            \
  do {                                                                                             \
    const char *a_ = (a), *b_ = (b);                                                               \
    if (!a_ || !b_ || strcmp(a_, b_) != 0) {                                                       \
      fprintf(stderr, "%s:%d: got \"%s\", want \"%s\"\n", __FILE__, __LINE__, a_ ? a_ : "(null)",  \
              b_ ? b_ : "(null)");                                                                 \
      failures++;                                                                                  \
    }                                                                                              \
  } while (0)

// Runs pyc_err_print with stderr captured; returns the text (static buffer).
static const char *capture_err_print(void) {
  static char out[512];
  fflush(stderr);
  int saved = dup(2);
  FILE *tmp = tmpfile();
  dup2(fileno(tmp), 2);
  pyc_err_print();
  fflush(stderr);
  dup2(saved, 2);
  close(saved);
  rewind(tmp);
  size_t n = fread(out, 1, sizeof out - 1, tmp);
  out[n] = '\0';
  fclose(tmp);
  return out;
}

static void test_exc_names(void) {
  CHECK_STR(pyc_exc_name(PYC_EXC_ZERO_DIVISION), "ZeroDivisionError");
  CHECK_STR(pyc_exc_name(PYC_EXC_RECURSION), "RecursionError");
  CHECK(pyc_exc_name(PYC_EXC_NONE) == NULL);
  CHECK(pyc_exc_name(PYC_EXC_COUNT) == NULL);
  CHECK(pyc_exc_name(-3) == NULL);
  for (int32_t k = 1; k < PYC_EXC_COUNT; k++) CHECK(pyc_exc_lookup(pyc_exc_name(k)) == k);
  CHECK(pyc_exc_lookup("NoSuchError") == PYC_EXC_NONE);
  CHECK(pyc_exc_lookup(NULL) == PYC_EXC_NONE);
  CHECK(pyc_exc_matches(PYC_EXC_ZERO_DIVISION, PYC_EXC_ARITHMETIC));
  CHECK(pyc_exc_matches(PYC_EXC_ZERO_DIVISION, PYC_EXC_EXCEPTION));
  CHECK(pyc_exc_matches(PYC_EXC_OVERFLOW, PYC_EXC_OVERFLOW));
  CHECK(!pyc_exc_matches(PYC_EXC_VALUE, PYC_EXC_ARITHMETIC));
  CHECK(pyc_exc_matches(PYC_EXC_RECURSION, PYC_EXC_RUNTIME));
  CHECK(pyc_exc_matches(PYC_EXC_NOT_IMPLEMENTED, PYC_EXC_RUNTIME));
  CHECK(!pyc_exc_matches(PYC_EXC_RUNTIME, PYC_EXC_NOT_IMPLEMENTED));
  CHECK(!pyc_exc_matches(PYC_EXC_NONE, PYC_EXC_EXCEPTION));
  CHECK_STR(pyc_exc_name(PYC_EXC_KEYBOARD_INTERRUPT), "KeyboardInterrupt");
  CHECK(!pyc_exc_matches(PYC_EXC_KEYBOARD_INTERRUPT, PYC_EXC_EXCEPTION));  // BaseException
}

static void test_exc_slot(void) {
  CHECK(pyc_err_occurred() == 0);
  CHECK_STR(pyc_err_message(), "");
  CHECK(pyc_err_file() == NULL);
  char msg[32];
  strcpy(msg, "bad value");
  pyc_raise(PYC_EXC_VALUE, msg, "prog.py", 12);
  strcpy(msg, "CLOBBERED");  // the slot must hold a copy
  CHECK(pyc_err_occurred() == PYC_EXC_VALUE);
  CHECK_STR(pyc_err_message(), "bad value");
  CHECK_STR(pyc_err_file(), "prog.py");
  CHECK(pyc_err_line() == 12);
  CHECK_STR(capture_err_print(), "prog.py:12: ValueError: bad value\n");
  // A newer raise replaces the pending one.
  pyc_raise(PYC_EXC_INDEX, "index out of range", "other.py", 3);
  CHECK(pyc_err_occurred() == PYC_EXC_INDEX);
  CHECK_STR(pyc_err_message(), "index out of range");
  CHECK_STR(pyc_err_file(), "other.py");
  // set_location does not override an existing location.
  pyc_err_set_location("late.py", 99);
  CHECK_STR(pyc_err_file(), "other.py");
  CHECK(pyc_err_line() == 3);
  pyc_err_clear();
  CHECK(pyc_err_occurred() == 0);
  CHECK(pyc_err_line() == 0);
  CHECK(pyc_err_file() == NULL);
  // Raised without a location (runtime helpers), the caller fills it in.
  pyc_raise(PYC_EXC_ZERO_DIVISION, "float division by zero", NULL, 0);
  CHECK(pyc_err_file() == NULL);
  CHECK_STR(capture_err_print(), "ZeroDivisionError: float division by zero\n");
  pyc_err_set_location("f.py", 8);
  CHECK_STR(pyc_err_file(), "f.py");
  CHECK(pyc_err_line() == 8);
  pyc_err_clear();
  // Empty message: no ": message" part. NULL message is empty.
  pyc_raise(PYC_EXC_ASSERTION, NULL, "a.py", 4);
  CHECK_STR(capture_err_print(), "a.py:4: AssertionError\n");
  pyc_err_clear();
  // Bad kinds become RuntimeError; set_location with nothing pending is a no-op.
  pyc_raise(777, "x", NULL, 0);
  CHECK(pyc_err_occurred() == PYC_EXC_RUNTIME);
  pyc_err_clear();
  pyc_err_set_location("x.py", 1);
  CHECK(pyc_err_occurred() == 0);
  CHECK(pyc_err_file() == NULL);
  // Re-raising from the slot's own strings (message and file alias the copies).
  pyc_raise(PYC_EXC_VALUE, "original", "orig.py", 5);
  pyc_raise(PYC_EXC_TYPE, pyc_err_message(), pyc_err_file(), pyc_err_line() + 1);
  CHECK(pyc_err_occurred() == PYC_EXC_TYPE);
  CHECK_STR(pyc_err_message(), "original");
  CHECK_STR(pyc_err_file(), "orig.py");
  CHECK(pyc_err_line() == 6);
  pyc_err_clear();
  pyc_err_index(-4, 0, 3, "ix.py", 9);
  CHECK(pyc_err_occurred() == PYC_EXC_INDEX);
  CHECK_STR(pyc_err_message(), "index -4 is out of bounds for axis 0 with size 3");
  CHECK(pyc_err_line() == 9);
  pyc_err_clear();
  CHECK(pyc_rt_abi_version() == PYC_RT_ABI_VERSION);
  // A long message is copied whole.
  char big[3000];
  memset(big, 'm', sizeof big - 1);
  big[sizeof big - 1] = '\0';
  pyc_raise(PYC_EXC_KEY, big, "k.py", 1);
  CHECK(strlen(pyc_err_message()) == sizeof big - 1);
  pyc_err_clear();
}

static void *thread_raise(void *arg) {
  (void)arg;
  // A fresh thread starts with an empty slot and its own buffer.
  int ok = pyc_err_occurred() == 0;
  pyc_raise(PYC_EXC_TYPE, "in thread", NULL, 0);
  pyc_buf_str("thread text", -1);
  int64_t n;
  ok = ok && strcmp(pyc_buf_data(&n), "thread text") == 0;
  return (void *)(intptr_t)ok;
}

static void test_exc_thread_local(void) {
  pyc_raise(PYC_EXC_VALUE, "main", NULL, 0);
  pyc_buf_str("main text", -1);
  pthread_t t;
  void *ok = NULL;
  pthread_create(&t, NULL, thread_raise, NULL);
  pthread_join(t, &ok);
  CHECK(ok == (void *)1);
  CHECK(pyc_err_occurred() == PYC_EXC_VALUE);
  CHECK_STR(pyc_err_message(), "main");
  CHECK_STR(pyc_buf_data(NULL), "main text");
  pyc_err_clear();
  pyc_buf_reset();
}

static void entry_ok(void) { pyc_buf_reset(); }
static void entry_raise(void) { pyc_raise(PYC_EXC_RUNTIME, "boom", "m.py", 2); }

static void test_run_main(void) {
  CHECK(pyc_run_main(entry_ok) == 0);
  fflush(stderr);
  int saved = dup(2);
  FILE *tmp = tmpfile();
  dup2(fileno(tmp), 2);
  int rc = pyc_run_main(entry_raise);
  fflush(stderr);
  dup2(saved, 2);
  close(saved);
  rewind(tmp);
  char out[128] = {0};
  size_t n = fread(out, 1, sizeof out - 1, tmp);
  out[n] = '\0';
  fclose(tmp);
  CHECK(rc == 1);
  CHECK_STR(out, "m.py:2: RuntimeError: boom\n");
  CHECK(pyc_err_occurred() == 0);  // run_main clears after printing
}

static void test_buffer(void) {
  pyc_buf_reset();
  pyc_buf_str("x=", -1);
  pyc_buf_i64(INT64_MIN);
  pyc_buf_char(' ');
  pyc_buf_u64(UINT64_MAX);
  pyc_buf_char(' ');
  pyc_buf_bool(0);
  pyc_buf_str("abcdef", 3);
  pyc_buf_str(NULL, 5);
  int64_t n;
  CHECK_STR(pyc_buf_data(&n), "x=-9223372036854775808 18446744073709551615 Falseabc");
  CHECK(n == (int64_t)strlen("x=-9223372036854775808 18446744073709551615 Falseabc"));
  // Growth well past the initial capacity.
  pyc_buf_reset();
  for (int i = 0; i < 10000; i++) pyc_buf_str("0123456789", 10);
  pyc_buf_data(&n);
  CHECK(n == 100000);
  pyc_buf_reset();
  pyc_buf_data(&n);
  CHECK(n == 0);
  // buf_raise moves the text into the exception and resets the buffer.
  pyc_buf_str("index ", -1);
  pyc_buf_i64(5);
  pyc_buf_str(" is out of bounds", -1);
  pyc_buf_raise(PYC_EXC_INDEX, "b.py", 10);
  CHECK(pyc_err_occurred() == PYC_EXC_INDEX);
  CHECK_STR(pyc_err_message(), "index 5 is out of bounds");
  CHECK_STR(pyc_buf_data(&n), "");
  pyc_err_clear();
}

#define N_THREADS 4
#define N_ITERS 200000

static void *thread_refcount(void *meminfo) {
  for (int i = 0; i < N_ITERS; i++) {
    pyc_array_incref(meminfo);
    pyc_array_decref(meminfo);
    pyc_array_incref(meminfo);
  }
  for (int i = 0; i < N_ITERS; i++) pyc_array_decref(meminfo);
  return NULL;
}

static void test_arrays(void) {
  int64_t live0 = pyc_array_live_count();
  void *data = (void *)1;
  void *mi = pyc_array_new(1000, &data);
  CHECK(mi != NULL);
  CHECK(data != NULL);
  CHECK(((uintptr_t)data & 63) == 0);
  CHECK(pyc_array_data(mi) == data);
  CHECK(pyc_array_nbytes(mi) == 1000);
  CHECK(pyc_array_refcount(mi) == 1);
  CHECK(pyc_array_live_count() == live0 + 1);
  int zero = 1;
  for (int i = 0; i < 1000; i++) zero = zero && ((unsigned char *)data)[i] == 0;
  CHECK(zero);
  memset(data, 0xAB, 1000);  // the whole range is writable
  pyc_array_incref(mi);
  CHECK(pyc_array_refcount(mi) == 2);
  pyc_array_decref(mi);
  CHECK(pyc_array_refcount(mi) == 1);
  CHECK(pyc_array_live_count() == live0 + 1);

  // Many threads hammering one block: the count must end where it started.
  pthread_t t[N_THREADS];
  for (int i = 0; i < N_THREADS; i++) pthread_create(&t[i], NULL, thread_refcount, mi);
  for (int i = 0; i < N_THREADS; i++) pthread_join(t[i], NULL);
  CHECK(pyc_array_refcount(mi) == 1);
  pyc_array_decref(mi);
  CHECK(pyc_array_live_count() == live0);

  // NULL meminfo = borrowed array: every operation is a no-op.
  pyc_array_incref(NULL);
  pyc_array_decref(NULL);
  CHECK(pyc_array_data(NULL) == NULL);
  CHECK(pyc_array_refcount(NULL) == 0);
  CHECK(pyc_array_live_count() == live0);

  // Zero-size blocks are real blocks.
  void *z = pyc_array_new(0, &data);
  CHECK(z != NULL && data != NULL && ((uintptr_t)data & 63) == 0);
  CHECK(pyc_array_live_count() == live0 + 1);
  pyc_array_decref(z);

  // Many blocks, freed in another order.
  void *blocks[100];
  for (int i = 0; i < 100; i++) blocks[i] = pyc_array_new(i * 8, NULL);
  CHECK(pyc_array_live_count() == live0 + 100);
  for (int i = 99; i >= 0; i -= 2) pyc_array_decref(blocks[i]);
  for (int i = 0; i < 100; i += 2) pyc_array_decref(blocks[i]);
  CHECK(pyc_array_live_count() == live0);

  // Errors: negative size -> ValueError, impossible size -> MemoryError.
  data = (void *)1;
  CHECK(pyc_array_new(-8, &data) == NULL);
  CHECK(data == NULL);
  CHECK(pyc_err_occurred() == PYC_EXC_VALUE);
  CHECK_STR(pyc_err_message(), "negative dimensions are not allowed");
  pyc_err_clear();
  CHECK(pyc_array_new(INT64_MAX - 10, &data) == NULL);
  CHECK(pyc_err_occurred() == PYC_EXC_MEMORY);
  pyc_err_clear();
  CHECK(pyc_array_live_count() == live0);
}

static void test_symbols(void) {
  size_t n = 0;
  const PycRtSymbol *syms = pyc_rt_symbols(&n);
  CHECK(n > 60);
  int found_raise = 0, found_sqrt = 0, found_pow = 0;
  for (size_t i = 0; i < n; i++) {
    CHECK(syms[i].name && syms[i].fn);
    if (strcmp(syms[i].name, "pyc_raise") == 0) found_raise = syms[i].fn == (PycRtFn)pyc_raise;
    if (strcmp(syms[i].name, "pyc_math_sqrt") == 0)
      found_sqrt = syms[i].fn == (PycRtFn)pyc_math_sqrt;
    if (strcmp(syms[i].name, "pyc_math_pow") == 0) found_pow = 1;
    for (size_t j = 0; j < i; j++) CHECK(strcmp(syms[i].name, syms[j].name) != 0);
  }
  CHECK(found_raise && found_sqrt && found_pow);
  CHECK(n == 75 + PYC_MATH_1_COUNT + PYC_MATH_2_COUNT);  // update with the header
  // Math ids and names agree.
  CHECK_STR(pyc_math_name(1, PYC_MATH_sqrt), "sqrt");
  CHECK_STR(pyc_math_name(2, PYC_MATH_log_base), "log_base");
  CHECK(pyc_math_name(1, PYC_MATH_1_COUNT) == NULL);
  CHECK(pyc_math_1(PYC_MATH_sqrt, 16.0) == 4.0);
  CHECK(pyc_math_2(PYC_MATH_pow, 2.0, 10.0) == 1024.0);
  (void)pyc_math_1(-1, 1.0);
  CHECK(pyc_err_occurred() == PYC_EXC_RUNTIME);
  pyc_err_clear();
}

// The interrupt flag: set/clear/poll, the raise it leads to, and
// pyc_run_main's exit status 130 for a KeyboardInterrupt.
static void entry_interrupted(void) {
  if (*pyc_interrupt_flag()) pyc_raise_interrupt("prog.py", 7);
}

static void test_interrupt(void) {
  CHECK(!pyc_interrupt_requested() && *pyc_interrupt_flag() == 0);
  pyc_request_interrupt();
  CHECK(pyc_interrupt_requested() && *pyc_interrupt_flag() == 1);
  CHECK(pyc_run_main(entry_interrupted) == 130);
  CHECK(pyc_err_occurred() == 0);
  pyc_clear_interrupt();
  CHECK(!pyc_interrupt_requested());
  CHECK(pyc_run_main(entry_interrupted) == 0);
  CHECK(pyc_install_sigint_flag() == 1);  // pyc_run_main installed it: idempotent
}

int main(void) {
  CHECK(PYC_RT_ABI_VERSION == 2);
  test_exc_names();
  test_exc_slot();
  test_exc_thread_local();
  test_run_main();
  test_interrupt();
  test_buffer();
  test_arrays();
  test_symbols();
  if (failures) {
    fprintf(stderr, "test_runtime_core: %d failure(s)\n", failures);
    return 1;
  }
  printf("test_runtime_core: all passed\n");
  return 0;
}
