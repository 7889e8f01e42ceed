// Float to text, CPython style. Three digit generators reproduce the modes of
// David Gay's dtoa that CPython uses -- mode 0 (shortest round-trip), mode 2
// (n significant digits) and mode 3 (n digits after the point) -- on top of
// glibc's printf/strtod, which are correctly rounded (half-even on the exact
// binary value, as dtoa). fmt_float_layout then places the digits the way
// CPython's format_float_short does: fixed or exponent, zero padding, sign,
// ".0" for repr, alt form. pyc_buf_f64 is repr(float); pyc_buf_f32 is numpy's
// repr of a float32 scalar (shortest float32 digits, fixed iff 1e-4 <= |v| <
// 1e16 on the actual value).
#include "fmt.h"
#include "pyc/runtime.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

// ---- FmtStr ------------------------------------------------------------------

static int str_grow(FmtStr *s, size_t extra) {
  if (s->oom) return 0;
  if (s->len + extra + 1 <= s->cap) return 1;
  size_t cap = s->cap ? s->cap * 2 : 64;
  while (cap < s->len + extra + 1) cap *= 2;
  char *p = s->borrowed ? malloc(cap) : realloc(s->p, cap);
  if (!p) {
    s->oom = 1;
    return 0;
  }
  if (s->borrowed && s->len) memcpy(p, s->p, s->len + 1);
  s->borrowed = 0;
  s->p = p;
  s->cap = cap;
  return 1;
}

void fmt_str_putc(FmtStr *s, char c) {
  if (!str_grow(s, 1)) return;
  s->p[s->len++] = c;
  s->p[s->len] = '\0';
}

void fmt_str_putn(FmtStr *s, const char *src, size_t n) {
  if (!str_grow(s, n)) return;
  memcpy(s->p + s->len, src, n);
  s->len += n;
  s->p[s->len] = '\0';
}

void fmt_str_fill(FmtStr *s, char c, size_t n) {
  if (!str_grow(s, n)) return;
  memset(s->p + s->len, c, n);
  s->len += n;
  s->p[s->len] = '\0';
}

void fmt_str_free(FmtStr *s) {
  if (!s->borrowed) free(s->p);
  s->p = NULL;
  s->len = s->cap = 0;
}

// ---- digit generation --------------------------------------------------------

// Returns a buffer of at least n bytes for d's digits.
static char *digits_buf(FmtDigits *d, size_t n) {
  if (n <= sizeof d->inline_buf) return d->inline_buf;
  d->heap = malloc(n);
  return d->heap;
}

void fmt_digits_free(FmtDigits *d) {
  free(d->heap);
  d->heap = NULL;
}

// Fills inf/nan; returns 1 if v was special.
static int digits_special(FmtDigits *d, double v) {
  d->heap = NULL;
  d->sign = signbit(v) ? 1 : 0;
  d->special = 0;
  if (isnan(v)) {
    d->special = 2;
    d->sign = 0;
  } else if (isinf(v)) {
    d->special = 1;
  } else {
    return 0;
  }
  d->digits = d->inline_buf;
  d->digits[0] = '\0';
  d->ndigits = 0;
  d->decpt = 0;
  return 1;
}

static void digits_zero(FmtDigits *d) {
  d->digits = d->inline_buf;
  strcpy(d->digits, "0");
  d->ndigits = 1;
  d->decpt = 1;
}

// Strips trailing zeros from d->digits (keeping at least one digit).
static void digits_trim(FmtDigits *d) {
  while (d->ndigits > 1 && d->digits[d->ndigits - 1] == '0') d->digits[--d->ndigits] = '\0';
}

// Parses "D.DDDDe[+-]X" (printf %e of a non-negative finite value) into
// digits (without the point) and decpt = X + 1.
static void digits_from_e(FmtDigits *d, const char *s) {
  int n = 0;
  const char *p = s;
  for (; *p && *p != 'e'; p++)
    if (*p != '.') d->digits[n++] = *p;
  d->digits[n] = '\0';
  d->ndigits = n;
  d->decpt = atoi(p + 1) + 1;
  digits_trim(d);
}

// 1 if the decimal string reads back as exactly v (as float32 when is_f32).
static int round_trips(const char *s, double v, int is_f32) {
  if (is_f32) return strtof(s, NULL) == (float)v;
  return strtod(s, NULL) == v;
}

// Shortest search state: the value's digits correctly rounded to `maxp`
// significant digits (one printf), from which every shorter rounding is
// derived by string arithmetic.
typedef struct Shortest {
  double v;              // the finite, positive value
  int is_f32;            // round-trip as float32
  char full[20];         // maxp digits, no point
  int exp10;             // v ~ full[0].full[1..] * 10^exp10
  int maxp;              // 17 for double, 9 for float32
  unsigned long long m;  // chosen mantissa (p digits) after try_p succeeds
  int m_exp;             // its power of ten: value = m * 10^m_exp
  int pow2;              // v is a power of two (lopsided rounding interval)
} Shortest;

// Correctly rounded p-digit mantissa of v (p < maxp) from the maxp-digit
// string; an exact "5000.." tail is ambiguous there, so printf decides.
static unsigned long long round_to_p(const Shortest *sh, int p, int *m_exp) {
  int up;
  char c = sh->full[p];
  if (c != '5') {
    up = c > '5';
  } else {
    up = -1;
    for (int i = p + 1; i < sh->maxp; i++)
      if (sh->full[i] != '0') up = 1;
  }
  unsigned long long m = 0;
  if (up < 0) {  // tie in the rounded digits: ask printf for the exact rounding
    char s[40];
    snprintf(s, sizeof s, "%.*e", p - 1, sh->v);
    for (const char *q = s; *q != 'e'; q++)
      if (*q != '.') m = m * 10 + (unsigned long long)(*q - '0');
    *m_exp = atoi(strchr(s, 'e') + 1) - (p - 1);
    return m;
  }
  for (int i = 0; i < p; i++) m = m * 10 + (unsigned long long)(sh->full[i] - '0');
  *m_exp = sh->exp10 - (p - 1);
  return m + (unsigned long long)up;  // a carry to 10^p is still the right value
}

// Writes "<m>e<e>" into s (no printf: this is the hot path of repr).
static void mantissa_text(char *s, unsigned long long m, int e) {
  char tmp[24];
  int n = 0;
  do {
    tmp[n++] = (char)('0' + m % 10);
    m /= 10;
  } while (m);
  while (n) *s++ = tmp[--n];
  *s++ = 'e';
  if (e < 0) {
    *s++ = '-';
    e = -e;
  }
  do {
    tmp[n++] = (char)('0' + e % 10);
    e /= 10;
  } while (e);
  while (n) *s++ = tmp[--n];
  *s = '\0';
}

static int mantissa_round_trips(const Shortest *sh, unsigned long long m, int e) {
  char s[48];
  mantissa_text(s, m, e);
  return round_trips(s, sh->v, sh->is_f32);
}

// 1 if some p-digit decimal reads back as v; records the closest in sh->m.
// The nearest p-digit decimal is tried first. Only when v is a power of two
// is its rounding interval lopsided (the gap below is half the gap above), so
// that the neighbour on the wide side may read back when the nearest does not.
static int try_p(Shortest *sh, int p) {
  int e;
  unsigned long long m;
  if (p >= sh->maxp) {
    m = 0;
    for (int i = 0; i < sh->maxp; i++) m = m * 10 + (unsigned long long)(sh->full[i] - '0');
    e = sh->exp10 - (sh->maxp - 1);
  } else {
    m = round_to_p(sh, p, &e);
  }
  unsigned long long cand[3] = {m, m - 1, m + 1};
  int ncand = sh->pow2 ? 3 : 1;
  for (int i = 0; i < ncand; i++) {
    if (cand[i] == 0) continue;
    if (mantissa_round_trips(sh, cand[i], e)) {
      sh->m = cand[i];
      sh->m_exp = e;
      return 1;
    }
  }
  return 0;
}

void fmt_digits_shortest(FmtDigits *d, double v, int is_f32) {
  if (digits_special(d, v)) return;
  v = fabs(v);
  if (v == 0) {
    digits_zero(d);
    return;
  }
  Shortest sh = {.v = v, .is_f32 = is_f32, .maxp = is_f32 ? 9 : 17};
  int e2;
  sh.pow2 = frexp(v, &e2) == 0.5;  // subnormals too: harmless extra checks
  char s[40];
  snprintf(s, sizeof s, "%.*e", sh.maxp - 1, v);
  int n = 0;
  for (const char *q = s; *q != 'e'; q++)
    if (*q != '.') sh.full[n++] = *q;
  sh.full[n] = '\0';
  sh.exp10 = atoi(strchr(s, 'e') + 1);
  // "Some p-digit decimal reads back as v" is monotone in p (a k-digit
  // decimal is also a p-digit one for p > k), so binary search for the least p.
  int lo = 1, hi = sh.maxp, found = 0;  // found: sh.m holds the result for hi
  // Computed values mostly need maxp-1 or maxp digits: try those first.
  if (!try_p(&sh, sh.maxp - 1)) {
    lo = sh.maxp;
  } else {
    hi = sh.maxp - 1;
    found = 1;
    if (!try_p(&sh, sh.maxp - 2))
      lo = hi;
    else
      hi = sh.maxp - 2;
  }
  while (lo < hi) {
    int mid = (lo + hi) / 2;
    if (try_p(&sh, mid)) {
      hi = mid;
      found = 1;
    } else {
      lo = mid + 1;
    }
  }
  if (!found) try_p(&sh, lo);
  // Digits of m, trailing zeros dropped; decpt from m's length and exponent.
  char u[24];
  int nd = snprintf(u, sizeof u, "%llu", sh.m);
  d->digits = d->inline_buf;
  memcpy(d->digits, u, (size_t)nd + 1);
  d->ndigits = nd;
  d->decpt = sh.m_exp + nd;
  digits_trim(d);
}

int fmt_digits_sig(FmtDigits *d, double v, int ndigits) {
  if (digits_special(d, v)) return 1;
  if (ndigits < 1) ndigits = 1;
  v = fabs(v);
  if (v == 0) {
    digits_zero(d);
    return 1;
  }
  size_t n = (size_t)ndigits + 16;
  char *s = malloc(n);
  d->digits = digits_buf(d, (size_t)ndigits + 2);
  if (!s || !d->digits) {
    free(s);
    digits_zero(d);
    return 0;
  }
  snprintf(s, n, "%.*e", ndigits - 1, v);
  digits_from_e(d, s);
  free(s);
  return 1;
}

int fmt_digits_fixed(FmtDigits *d, double v, int ndigits) {
  if (digits_special(d, v)) return 1;
  if (ndigits < 0) ndigits = 0;
  v = fabs(v);
  if (v == 0) {
    digits_zero(d);
    return 1;
  }
  size_t n = (size_t)ndigits + 330;  // 309 integer digits at most
  char *s = malloc(n);
  d->digits = digits_buf(d, n);
  if (!s || !d->digits) {
    free(s);
    digits_zero(d);
    return 0;
  }
  snprintf(s, n, "%.*f", ndigits, v);
  int nd = 0, decpt = -1;
  for (const char *p = s; *p; p++) {
    if (*p == '.')
      decpt = nd;
    else
      d->digits[nd++] = *p;
  }
  if (decpt < 0) decpt = nd;
  free(s);
  int lead = 0;
  while (lead < nd && d->digits[lead] == '0') lead++;
  if (lead == nd) {  // rounds to nothing: dtoa's "no digits, fcvt style"
    d->digits[0] = '\0';
    d->ndigits = 0;
    d->decpt = -ndigits;
    return 1;
  }
  memmove(d->digits, d->digits + lead, (size_t)(nd - lead));
  d->ndigits = nd - lead;
  d->digits[d->ndigits] = '\0';
  d->decpt = decpt - lead;
  digits_trim(d);
  return 1;
}

// ---- layout ------------------------------------------------------------------

void fmt_float_layout(FmtStr *out, const FmtDigits *d, char code, int precision, int flags,
                      int use_exp_override) {
  int upper = (flags & FMT_UPPER) != 0;
  int sign = d->sign;
  if (d->special) {
    if (sign)
      fmt_str_putc(out, '-');
    else if (flags & FMT_SIGN)
      fmt_str_putc(out, '+');
    const char *t = d->special == 1 ? (upper ? "INF" : "inf") : (upper ? "NAN" : "nan");
    fmt_str_putn(out, t, 3);
    return;
  }
  int nd = d->ndigits;
  if ((flags & FMT_NO_NEG_0) && sign && (nd == 0 || (nd == 1 && d->digits[0] == '0'))) sign = 0;
  int add_dot_0 = (flags & FMT_ADD_DOT_0) != 0, alt = (flags & FMT_ALT) != 0;
  long decpt = d->decpt, vend = nd;
  int use_exp = 0;
  switch (code) {
  case 'e':
    use_exp = 1;
    vend = precision;
    break;
  case 'f': vend = decpt + precision; break;
  case 'g':
    if (decpt <= -4 || decpt > (add_dot_0 ? precision - 1 : precision)) use_exp = 1;
    if (alt) vend = precision;
    break;
  default:  // 'r'
    if (decpt <= -4 || decpt > 16) use_exp = 1;
    break;
  }
  if (use_exp_override >= 0) use_exp = use_exp_override;
  long exp10 = 0;
  if (use_exp) {
    exp10 = decpt - 1;
    decpt = 1;
  }
  // Output the slice [vstart, vend) of the digits padded with zeros on both
  // sides, with the point before index decpt.
  long vstart = decpt <= 0 ? decpt - 1 : 0;
  long minend = (!use_exp && add_dot_0) ? decpt + 1 : decpt;
  if (vend < minend) vend = minend;
  if (sign)
    fmt_str_putc(out, '-');
  else if (flags & FMT_SIGN)
    fmt_str_putc(out, '+');
  if (vstart < 0) {  // leading zeros then the point: "0.000"
    fmt_str_fill(out, '0', (size_t)(decpt - vstart));
    fmt_str_putc(out, '.');
    fmt_str_fill(out, '0', (size_t)(0 - decpt));
    fmt_str_putn(out, d->digits, (size_t)nd);
    fmt_str_fill(out, '0', (size_t)(vend - nd));
  } else if (decpt <= nd) {  // point inside the digits
    fmt_str_putn(out, d->digits, (size_t)decpt);
    fmt_str_putc(out, '.');
    fmt_str_putn(out, d->digits + decpt, (size_t)(nd - decpt));
    fmt_str_fill(out, '0', (size_t)(vend - nd));
  } else {  // point after the digits: "12300.00"
    fmt_str_putn(out, d->digits, (size_t)nd);
    fmt_str_fill(out, '0', (size_t)(decpt - nd));
    fmt_str_putc(out, '.');
    fmt_str_fill(out, '0', (size_t)(vend - decpt));
  }
  if (!alt && out->len && out->p[out->len - 1] == '.') out->p[--out->len] = '\0';
  if (use_exp) {
    char e[16];
    int n = snprintf(e, sizeof e, "%c%c%02ld", upper ? 'E' : 'e', exp10 < 0 ? '-' : '+',
                     exp10 < 0 ? -exp10 : exp10);
    fmt_str_putn(out, e, (size_t)n);
  }
}

void fmt_float(FmtStr *out, double v, char code, int precision, int flags) {
  FmtDigits d;
  int ok = 1;
  switch (code) {
  case 'e':
    precision += 1;
    ok = fmt_digits_sig(&d, v, precision);
    break;
  case 'f': ok = fmt_digits_fixed(&d, v, precision); break;
  case 'g':
    if (precision == 0) precision = 1;
    ok = fmt_digits_sig(&d, v, precision);
    break;
  default:
    code = 'r';
    precision = 0;
    fmt_digits_shortest(&d, v, 0);
    break;
  }
  if (!ok)
    out->oom = 1;
  else
    fmt_float_layout(out, &d, code, precision, flags, -1);
  fmt_digits_free(&d);
}

// ---- public entry points -----------------------------------------------------

// Appends a finished FmtStr to the text buffer (MemoryError if it overflowed).
static void put_result(FmtStr *s) {
  if (s->oom)
    pyc_raise(PYC_EXC_MEMORY, "out of memory formatting a float", NULL, 0);
  else
    pyc_buf_str(s->p, (int64_t)s->len);
  fmt_str_free(s);
}

PYC_API void pyc_buf_f64(double v) {
  char small[64];  // repr(float) is at most 24 bytes: never grows
  FmtStr s = {.p = small, .cap = sizeof small, .borrowed = 1};
  FmtDigits d;
  fmt_digits_shortest(&d, v, 0);
  fmt_float_layout(&s, &d, 'r', 0, FMT_ADD_DOT_0, -1);
  put_result(&s);
}

PYC_API void pyc_buf_f32(float f) {
  double v = (double)f;
  char small[64];
  FmtStr s = {.p = small, .cap = sizeof small, .borrowed = 1};
  FmtDigits d;
  fmt_digits_shortest(&d, v, 1);
  double a = fabs(v);
  int positional = a == 0 || (a >= 1e-4 && a < 1e16);
  fmt_float_layout(&s, &d, 'r', 0, FMT_ADD_DOT_0, d.special ? -1 : !positional);
  put_result(&s);
}
