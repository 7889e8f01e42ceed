// format(value, spec) exactly as CPython 3.11's int/float/str/bool
// __format__ (Python/formatter_unicode.c is the reference for behaviour; this
// is an independent implementation), given a spec parsed and checked by
// format_parse.c: render the number into sign / prefix / digits / decimal
// point / remainder (float text from float_repr.c), then lay it out with
// padding, '=' alignment and thousands grouping -- including CPython's habit of
// grouping the zero padding of '0'/'=' fills (format(1234, '08,') is
// '0,001,234'). Errors are ValueError (OverflowError for 'c' out of range)
// raised through pyc_raise; on error nothing is appended.
#include "fmt.h"
#include "pyc/runtime.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FMT_MAX_WIDTH (1LL << 30)  // beyond this MemoryError instead of a 1 GiB string

// Parses and checks; raises ValueError on a bad spec.
static int spec_or_raise(const char *spec, int32_t kind, FmtSpec *f) {
  char msg[256];
  if (fmt_spec_parse(spec, kind, f, msg, sizeof msg)) {
    if (f->width > FMT_MAX_WIDTH) {
      pyc_raise(PYC_EXC_MEMORY, "format width too large", NULL, 0);
      return 0;
    }
    return 1;
  }
  pyc_raise(PYC_EXC_VALUE, msg, NULL, 0);
  return 0;
}

static void put_fill(FmtStr *out, const FmtSpec *f, long long count) {
  if (f->fill_len == 1) {
    if (count > 0) fmt_str_fill(out, f->fill[0], (size_t)count);
    return;
  }
  for (long long i = 0; i < count; i++) fmt_str_putn(out, f->fill, (size_t)f->fill_len);
}

// Appends the digits with separators every group_size digits (from the
// right), padding with '0' digits (and separators) until at least min_width
// characters are written -- CPython's _PyUnicode_InsertThousandsGrouping.
static void put_grouped(FmtStr *out, const char *digits, long long nd, long long min_width,
                        char sep, int group) {
  if (!sep) {
    long long zeros = min_width > nd ? min_width - nd : 0;
    fmt_str_fill(out, '0', (size_t)zeros);
    fmt_str_putn(out, digits, (size_t)nd);
    return;
  }
  // Build right to left into a scratch string, then reverse-copy.
  FMT_STR_STACK(rev, 128);
  long long remaining = nd;
  int use_sep = 0;
  for (;;) {
    long long l = group;
    long long lim = remaining > min_width ? remaining : min_width;
    if (lim < 1) lim = 1;
    if (l > lim) l = lim;
    long long zeros = l > remaining ? l - remaining : 0;
    long long chars = remaining < l ? (remaining > 0 ? remaining : 0) : l;
    if (use_sep) fmt_str_putc(&rev, sep);
    for (long long i = 0; i < chars; i++) fmt_str_putc(&rev, digits[remaining - 1 - i]);
    fmt_str_fill(&rev, '0', (size_t)zeros);
    use_sep = 1;
    remaining -= chars;
    min_width -= l;
    if (remaining <= 0 && min_width <= 0) break;
    min_width -= 1;  // the separator
  }
  if (rev.oom) {
    out->oom = 1;
  } else {
    for (size_t i = rev.len; i > 0; i--) fmt_str_putc(out, rev.p[i - 1]);
  }
  fmt_str_free(&rev);
}

// Length of put_grouped's output without writing it.
static long long grouped_len(long long nd, long long min_width, char sep, int group) {
  if (!sep) return min_width > nd ? min_width : nd;
  long long count = 0, remaining = nd;
  int use_sep = 0;
  for (;;) {
    long long l = group;
    long long lim = remaining > min_width ? remaining : min_width;
    if (lim < 1) lim = 1;
    if (l > lim) l = lim;
    long long chars = remaining < l ? (remaining > 0 ? remaining : 0) : l;
    count += (use_sep ? 1 : 0) + l;
    use_sep = 1;
    remaining -= chars;
    min_width -= l;
    if (remaining <= 0 && min_width <= 0) break;
    min_width -= 1;
  }
  return count;
}

// Step 3 for numbers (calc_number_widths + fill_number):
// <lpad><sign><prefix><spad><grouped digits><.><remainder><rpad>.
// `digits` are ASCII except for 'c', whose one code point may be multibyte
// (digits_width is then 1).
static void layout_number(FmtStr *out, const FmtSpec *f, char sign_char, const char *prefix,
                          const char *digits, long long nd_bytes, long long nd_width,
                          int has_decimal, const char *rem, long long nrem) {
  long long nprefix = (long long)strlen(prefix);
  char sign = 0;
  if (f->sign == '+')
    sign = sign_char == '-' ? '-' : '+';
  else if (f->sign == ' ')
    sign = sign_char == '-' ? '-' : ' ';
  else if (sign_char == '-')
    sign = '-';
  long long nsign = sign ? 1 : 0;
  long long rem_width = (long long)fmt_utf8_count(rem, (size_t)nrem);
  long long non_digit = nsign + nprefix + (has_decimal ? 1 : 0) + rem_width;
  long long min_width = (f->fill_is_zero && f->align == '=') ? f->width - non_digit : 0;
  int sep = f->grouping;
  long long ngrouped;
  if (nd_width == 0)
    ngrouped = 0;
  else if (nd_bytes != nd_width)  // 'c': never grouped
    ngrouped = (min_width > 1 ? min_width : 1);
  else
    ngrouped = grouped_len(nd_width, min_width, (char)sep, f->group_size);
  long long pad = f->width - (non_digit + ngrouped);
  long long lpad = 0, spad = 0, rpad = 0;
  if (pad > 0) {
    switch (f->align) {
    case '<': rpad = pad; break;
    case '^':
      lpad = pad / 2;
      rpad = pad - lpad;
      break;
    case '=': spad = pad; break;
    default: lpad = pad; break;
    }
  }
  put_fill(out, f, lpad);
  if (sign) fmt_str_putc(out, sign);
  fmt_str_putn(out, prefix, (size_t)nprefix);
  put_fill(out, f, spad);
  if (nd_width > 0) {
    if (nd_bytes != nd_width) {
      fmt_str_fill(out, '0', (size_t)(ngrouped - 1));
      fmt_str_putn(out, digits, (size_t)nd_bytes);
    } else {
      put_grouped(out, digits, nd_width, min_width, (char)sep, f->group_size);
    }
  }
  if (has_decimal) fmt_str_putc(out, '.');
  fmt_str_putn(out, rem, (size_t)nrem);
  put_fill(out, f, rpad);
}

static void put_result(FmtStr *s) {
  if (s->oom)
    pyc_raise(PYC_EXC_MEMORY, "out of memory in format()", NULL, 0);
  else
    pyc_buf_str(s->p, (int64_t)s->len);
  fmt_str_free(s);
}

// format_float_internal: v is the value, f an already checked spec.
static void format_float(FmtStr *out, double v, const FmtSpec *f) {
  int flags = 0;
  unsigned type = f->type;
  int precision = (int)f->precision, default_precision = 6, add_pct = 0;
  if (f->alt) flags |= FMT_ALT;
  if (f->no_neg_0) flags |= FMT_NO_NEG_0;
  if (type == '\0') {
    flags |= FMT_ADD_DOT_0;
    type = 'r';
    default_precision = 0;
  }
  if (type == 'n') type = 'g';
  if (type == '%') {
    type = 'f';
    v *= 100;
    add_pct = 1;
  }
  if (precision < 0)
    precision = default_precision;
  else if (type == 'r')
    type = 'g';
  if (type == 'E' || type == 'F' || type == 'G') {
    flags |= FMT_UPPER;
    type = type - 'A' + 'a';
  }
  FMT_STR_STACK(num, 128);
  fmt_float(&num, v, (char)type, precision, flags);
  if (add_pct) fmt_str_putc(&num, '%');
  if (num.oom) {
    out->oom = 1;
    fmt_str_free(&num);
    return;
  }
  // parse_number: [-]digits[.]remainder
  const char *p = num.p;
  char sign_char = 0;
  if (*p == '-') {
    sign_char = '-';
    p++;
  }
  const char *dg = p;
  while (*p >= '0' && *p <= '9') p++;
  long long nd = p - dg;
  int has_decimal = *p == '.';
  if (has_decimal) p++;
  layout_number(out, f, sign_char, "", dg, nd, nd, has_decimal, p,
                (long long)(num.p + num.len - p));
  fmt_str_free(&num);
}

// format_long_internal for a magnitude `mag` with sign flag `neg`.
// Returns 0 after raising (only 'c' out of range can fail).
static int format_int(FmtStr *out, uint64_t mag, int neg, const FmtSpec *f) {
  char digits[80];
  const char *prefix = "";
  if (f->type == 'c') {
    if (!neg && mag > (uint64_t)INT64_MAX) {  // beyond a C long: CPython's conversion error
      pyc_raise(PYC_EXC_OVERFLOW, "Python int too large to convert to C long", NULL, 0);
      return 0;
    }
    if (neg || mag > 0x10FFFF) {
      pyc_raise(PYC_EXC_OVERFLOW, "%c arg not in range(0x110000)", NULL, 0);
      return 0;
    }
    int nb = fmt_utf8_encode((unsigned)mag, digits);
    layout_number(out, f, 0, "", digits, nb, 1, 0, "", 0);
    return 1;
  }
  unsigned base = 10;
  const char *alphabet = "0123456789abcdef";
  switch (f->type) {
  case 'b':
    base = 2;
    prefix = "0b";
    break;
  case 'o':
    base = 8;
    prefix = "0o";
    break;
  case 'x':
    base = 16;
    prefix = "0x";
    break;
  case 'X':
    base = 16;
    prefix = "0X";
    alphabet = "0123456789ABCDEF";
    break;
  default: break;
  }
  if (!f->alt) prefix = "";
  char tmp[80];
  int n = 0;
  do {
    tmp[n++] = alphabet[mag % base];
    mag /= base;
  } while (mag);
  for (int i = 0; i < n; i++) digits[i] = tmp[n - 1 - i];
  digits[n] = '\0';
  layout_number(out, f, neg ? '-' : 0, prefix, digits, n, n, 0, "", 0);
  return 1;
}

static void fmt_integer(uint64_t mag, int neg, double as_float, const char *spec, int32_t kind) {
  FmtSpec f;
  if (!spec_or_raise(spec, kind, &f)) return;
  FMT_STR_STACK(out, 128);
  if (fmt_is_float_type(f.type)) {
    format_float(&out, as_float, &f);
  } else if (!format_int(&out, mag, neg, &f)) {
    fmt_str_free(&out);
    return;
  }
  put_result(&out);
}

PYC_API void pyc_buf_fmt_i64(int64_t v, const char *spec) {
  if (!spec || !spec[0]) {
    pyc_buf_i64(v);
    return;
  }
  uint64_t mag = v < 0 ? 0 - (uint64_t)v : (uint64_t)v;
  fmt_integer(mag, v < 0, (double)v, spec, PYC_SPEC_INT);
}

PYC_API void pyc_buf_fmt_u64(uint64_t v, const char *spec) {
  if (!spec || !spec[0]) {
    pyc_buf_u64(v);
    return;
  }
  fmt_integer(v, 0, (double)v, spec, PYC_SPEC_INT);
}

PYC_API void pyc_buf_fmt_bool(int32_t v, const char *spec) {
  if (!spec || !spec[0]) {
    pyc_buf_bool(v);
    return;
  }
  fmt_integer(v ? 1 : 0, 0, v ? 1.0 : 0.0, spec, PYC_SPEC_BOOL);
}

PYC_API void pyc_buf_fmt_f64(double v, const char *spec) {
  if (!spec || !spec[0]) {
    pyc_buf_f64(v);
    return;
  }
  FmtSpec f;
  if (!spec_or_raise(spec, PYC_SPEC_FLOAT, &f)) return;
  FMT_STR_STACK(out, 128);
  format_float(&out, v, &f);
  put_result(&out);
}

PYC_API void pyc_buf_fmt_f32(float v, const char *spec) { pyc_buf_fmt_f64((double)v, spec); }

PYC_API void pyc_buf_fmt_str(const char *s, int64_t len, const char *spec) {
  if (!s) s = "";
  size_t n = len < 0 ? strlen(s) : (size_t)len;
  if (!spec || !spec[0]) {
    pyc_buf_str(s, (int64_t)n);
    return;
  }
  FmtSpec f;
  if (!spec_or_raise(spec, PYC_SPEC_STR, &f)) return;
  long long width = (long long)fmt_utf8_count(s, n);
  size_t nbytes = n;
  if (f.precision >= 0 && width > f.precision) {  // truncate to precision code points
    long long cps = 0;
    size_t i = 0;
    for (; i < n; i++) {
      if (((unsigned char)s[i] & 0xC0) != 0x80) {
        if (cps == f.precision) break;
        cps++;
      }
    }
    nbytes = i;
    width = f.precision;
  }
  long long pad = f.width > width ? f.width - width : 0;
  long long lpad = f.align == '>' ? pad : f.align == '^' ? pad / 2 : 0;
  FMT_STR_STACK(out, 128);
  put_fill(&out, &f, lpad);
  fmt_str_putn(&out, s, nbytes);
  put_fill(&out, &f, pad - lpad);
  put_result(&out);
}
