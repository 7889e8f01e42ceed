// rt_format_check: a line-oriented driver over the runtime's formatting and
// arithmetic, used by check_format_vs_cpython.py to compare against the real
// CPython. Each stdin line is TAB-separated: an operation, then operands.
// Floats are C99 hex floats (Python's float.hex()), strings and specs are
// hex-encoded UTF-8 (so spaces, tabs and any fill character survive). Each
// output line is the result text, or "!Kind: message" if the call raised;
// '\' and newline in results are escaped as "\\" and "\n".
#define _POSIX_C_SOURCE 200809L  // getline
#include "pyc/runtime.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_FIELDS 5

static char *unhex(const char *h, size_t *len) {
  size_t n = strlen(h) / 2;
  char *out = malloc(n + 1);
  for (size_t i = 0; i < n; i++) {
    unsigned v;
    sscanf(h + 2 * i, "%2x", &v);
    out[i] = (char)v;
  }
  out[n] = '\0';
  *len = n;
  return out;
}

static void emit(void) {
  if (pyc_err_occurred()) {
    printf("!%s: %s\n", pyc_exc_name(pyc_err_occurred()), pyc_err_message());
    pyc_err_clear();
    pyc_buf_reset();
    return;
  }
  int64_t n;
  const char *s = pyc_buf_data(&n);
  for (int64_t i = 0; i < n; i++) {
    if (s[i] == '\\')
      fputs("\\\\", stdout);
    else if (s[i] == '\n')
      fputs("\\n", stdout);
    else
      putchar(s[i]);
  }
  putchar('\n');
  pyc_buf_reset();
}

static int math_id(int arity, const char *name) {
  int count = arity == 1 ? PYC_MATH_1_COUNT : PYC_MATH_2_COUNT;
  for (int i = 0; i < count; i++)
    if (strcmp(pyc_math_name(arity, i), name) == 0) return i;
  return -1;
}

static void run_line(char *line) {
  char *f[MAX_FIELDS] = {0};
  int nf = 0;
  for (char *p = line; nf < MAX_FIELDS;) {
    f[nf++] = p;
    char *tab = strchr(p, '\t');
    if (!tab) break;
    *tab = '\0';
    p = tab + 1;
  }
  for (int i = nf; i < MAX_FIELDS; i++) f[i] = line + strlen(line);  // an empty field
  const char *op = f[0];
  size_t slen = 0, vlen = 0;
  char *spec = NULL;
  if (!strcmp(op, "r")) {
    pyc_buf_f64(strtod(f[1], NULL));
  } else if (!strcmp(op, "r32")) {
    pyc_buf_f32((float)strtod(f[1], NULL));
  } else if (!strcmp(op, "f") || !strcmp(op, "i") || !strcmp(op, "u") || !strcmp(op, "b") ||
             !strcmp(op, "s")) {
    spec = unhex(f[2], &slen);
    if (op[0] == 'f') {
      pyc_buf_fmt_f64(strtod(f[1], NULL), spec);
    } else if (op[0] == 'i') {
      pyc_buf_fmt_i64(strtoll(f[1], NULL, 10), spec);
    } else if (op[0] == 'u') {
      pyc_buf_fmt_u64(strtoull(f[1], NULL, 10), spec);
    } else if (op[0] == 'b') {
      pyc_buf_fmt_bool(atoi(f[1]), spec);
    } else {
      char *v = unhex(f[1], &vlen);
      pyc_buf_fmt_str(v, (int64_t)vlen, spec);
      free(v);
    }
  } else if (!strcmp(op, "ok")) {
    spec = unhex(f[2], &slen);
    char msg[256];
    if (pyc_buf_spec_error(spec, atoi(f[1]), msg, sizeof msg))
      pyc_buf_str("ok", -1);
    else
      pyc_buf_str(msg, -1);
  } else if (!strcmp(op, "round")) {
    double r = pyc_round_f64(strtod(f[1], NULL), strtoll(f[2], NULL, 10));
    if (!pyc_err_occurred()) pyc_buf_f64(r);
  } else if (!strcmp(op, "roundi") || !strcmp(op, "int") || !strcmp(op, "floor") ||
             !strcmp(op, "ceil")) {
    double x = strtod(f[1], NULL);
    int64_t r = !strcmp(op, "roundi")  ? pyc_round_to_i64(x)
                : !strcmp(op, "int")   ? pyc_f64_to_i64(x)
                : !strcmp(op, "floor") ? pyc_math_floor_i64(x)
                                       : pyc_math_ceil_i64(x);
    if (!pyc_err_occurred()) pyc_buf_i64(r);
  } else if (!strcmp(op, "ffloordiv") || !strcmp(op, "fmod") || !strcmp(op, "fpow") ||
             !strcmp(op, "fdiv")) {
    double a = strtod(f[1], NULL), b = strtod(f[2], NULL);
    double r = op[1] == 'f'   ? pyc_floordiv_f64(a, b)
               : op[1] == 'm' ? pyc_mod_f64(a, b)
               : op[1] == 'p' ? pyc_fpow(a, b)
                              : pyc_div_f64(a, b);
    if (!pyc_err_occurred()) pyc_buf_f64(r);
  } else if (!strcmp(op, "ifloordiv") || !strcmp(op, "imod") || !strcmp(op, "ipow") ||
             !strcmp(op, "itruediv")) {
    long long a = strtoll(f[1], NULL, 10), b = strtoll(f[2], NULL, 10);
    if (op[1] == 't') {
      double r = pyc_truediv_i64(a, b);
      if (!pyc_err_occurred()) pyc_buf_f64(r);
    } else {
      int64_t r = op[1] == 'f'   ? pyc_floordiv_i64(a, b)
                  : op[1] == 'm' ? pyc_mod_i64(a, b)
                                 : pyc_ipow(a, b);
      if (!pyc_err_occurred()) pyc_buf_i64(r);
    }
  } else if (!strcmp(op, "m1") || !strcmp(op, "m2")) {
    int arity = op[1] - '0';
    int id = math_id(arity, f[1]);
    double r = arity == 1 ? pyc_math_1(id, strtod(f[2], NULL))
                          : pyc_math_2(id, strtod(f[2], NULL), strtod(f[3], NULL));
    if (!pyc_err_occurred()) pyc_buf_f64(r);
  } else if (!strcmp(op, "mi")) {
    long long a = strtoll(f[2], NULL, 10), b = strtoll(f[3], NULL, 10);
    const char *fn = f[1];
    int64_t r = !strcmp(fn, "factorial") ? pyc_math_factorial(a)
                : !strcmp(fn, "gcd")     ? pyc_math_gcd(a, b)
                : !strcmp(fn, "lcm")     ? pyc_math_lcm(a, b)
                : !strcmp(fn, "isqrt")   ? pyc_math_isqrt(a)
                : !strcmp(fn, "comb")    ? pyc_math_comb(a, b)
                                         : pyc_math_perm(a, b);
    if (!pyc_err_occurred()) pyc_buf_i64(r);
  } else if (!strcmp(op, "isclose")) {
    int32_t r = pyc_math_isclose(strtod(f[1], NULL), strtod(f[2], NULL), strtod(f[3], NULL),
                                 strtod(f[4], NULL));
    if (!pyc_err_occurred()) pyc_buf_bool(r);
  } else {
    pyc_raise(PYC_EXC_RUNTIME, "unknown op", NULL, 0);
  }
  free(spec);
  emit();
}

int main(void) {
  char *line = NULL;
  size_t cap = 0;
  ssize_t n;
  while ((n = getline(&line, &cap, stdin)) > 0) {
    if (line[n - 1] == '\n') line[n - 1] = '\0';
    run_line(line);
  }
  free(line);
  return 0;
}
