// Format-spec parsing and validation, as CPython 3.11's
// parse_internal_render_format_spec plus the per-type checks of
// format_long_internal / format_float_internal / format_string_internal:
// [[fill]align][sign][z][#][0][width][grouping][.precision][type], with the
// same ValueError message for every invalid spec. Pure functions (no raise):
// the compiler validates f-string specs at compile time with
// pyc_buf_spec_ok/pyc_buf_spec_error, and format_spec.c raises the message.
// The fill may be any UTF-8 code point; widths count code points.
#include "fmt.h"
#include "pyc/runtime.h"

#include <limits.h>
#include <stdio.h>
#include <string.h>

static const char *kind_name(int32_t kind) {
  switch (kind) {
  case PYC_SPEC_INT: return "int";
  case PYC_SPEC_FLOAT: return "float";
  case PYC_SPEC_STR: return "str";
  default: return "bool";
  }
}

// Bytes in the UTF-8 sequence starting with lead byte c (1 for invalid bytes).
static int utf8_len(unsigned char c) {
  if (c >= 0xF0 && c < 0xF8) return 4;
  if (c >= 0xE0) return c < 0xF0 ? 3 : 1;
  if (c >= 0xC0) return 2;
  return 1;
}

// Decodes the code point at s (n bytes available); stores its byte length.
static unsigned utf8_decode(const char *s, size_t n, int *len) {
  const unsigned char *u = (const unsigned char *)s;
  int l = utf8_len(u[0]);
  if ((size_t)l > n) l = 1;
  unsigned cp = l == 1 ? u[0] : u[0] & (0x7F >> l);
  for (int i = 1; i < l; i++) cp = (cp << 6) | (u[i] & 0x3F);
  *len = l;
  return cp;
}

int fmt_utf8_encode(unsigned cp, char *out) {
  if (cp < 0x80) {
    out[0] = (char)cp;
    return 1;
  }
  if (cp < 0x800) {
    out[0] = (char)(0xC0 | (cp >> 6));
    out[1] = (char)(0x80 | (cp & 0x3F));
    return 2;
  }
  if (cp < 0x10000) {
    out[0] = (char)(0xE0 | (cp >> 12));
    out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[2] = (char)(0x80 | (cp & 0x3F));
    return 3;
  }
  out[0] = (char)(0xF0 | (cp >> 18));
  out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
  out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
  out[3] = (char)(0x80 | (cp & 0x3F));
  return 4;
}

// Number of code points in s[0..n).
size_t fmt_utf8_count(const char *s, size_t n) {
  size_t count = 0;
  for (size_t i = 0; i < n; i++)
    if (((unsigned char)s[i] & 0xC0) != 0x80) count++;
  return count;
}

static int is_align(char c) { return c == '<' || c == '>' || c == '=' || c == '^'; }

static void err_set(char *err, size_t cap, const char *msg) {
  if (err && cap) snprintf(err, cap, "%s", msg);
}

static void err_code(char *err, size_t cap, const char *fmt, unsigned type, const char *tname) {
  char code[16];
  if (type > 32 && type < 128)
    snprintf(code, sizeof code, "%c", (char)type);
  else
    snprintf(code, sizeof code, "\\x%x", type);
  char msg[160];
  snprintf(msg, sizeof msg, fmt, code, tname);
  err_set(err, cap, msg);
}

// Reads decimal digits at *pos; returns digit count, -1 on overflow.
static int read_int(const char *s, size_t n, size_t *pos, long long *out) {
  long long v = 0;
  int count = 0;
  while (*pos < n && s[*pos] >= '0' && s[*pos] <= '9') {
    int dgt = s[*pos] - '0';
    if (v > (LLONG_MAX - dgt) / 10) return -1;
    v = v * 10 + dgt;
    (*pos)++;
    count++;
  }
  *out = v;
  return count;
}

// Step 1: parse_internal_render_format_spec. Returns 1 if the spec is
// syntactically valid for `kind`, else writes the message and returns 0.
static int parse_spec(const char *spec, int32_t kind, FmtSpec *f, char *err, size_t cap) {
  size_t n = spec ? strlen(spec) : 0, pos = 0;
  const char *tname = kind_name(kind);
  char default_align = kind == PYC_SPEC_STR ? '<' : '>';
  memset(f, 0, sizeof *f);
  f->fill[0] = ' ';
  f->fill_len = 1;
  f->align = default_align;
  f->width = -1;
  f->precision = -1;
  f->group_size = 3;
  f->type = kind == PYC_SPEC_STR ? 's' : kind == PYC_SPEC_FLOAT ? '\0' : 'd';

  int l0 = 0;
  if (n > 0) (void)utf8_decode(spec, n, &l0);
  if (n > 0 && (size_t)l0 < n && is_align(spec[l0])) {
    memcpy(f->fill, spec, (size_t)l0);
    f->fill_len = l0;
    f->fill_is_zero = l0 == 1 && spec[0] == '0';
    f->fill_specified = 1;
    f->align = spec[l0];
    f->align_specified = 1;
    pos = (size_t)l0 + 1;
  } else if (n > 0 && is_align(spec[0])) {
    f->align = spec[0];
    f->align_specified = 1;
    pos = 1;
  }
  if (pos < n && (spec[pos] == '+' || spec[pos] == '-' || spec[pos] == ' ')) f->sign = spec[pos++];
  if (pos < n && spec[pos] == 'z') {
    f->no_neg_0 = 1;
    pos++;
  }
  if (pos < n && spec[pos] == '#') {
    f->alt = 1;
    pos++;
  }
  if (pos < n && spec[pos] == '0' && !f->fill_specified) {
    f->fill[0] = '0';
    f->fill_len = 1;
    f->fill_is_zero = 1;
    if (!f->align_specified && default_align == '>') f->align = '=';
    pos++;
  }
  long long v;
  int nd = read_int(spec, n, &pos, &v);
  if (nd < 0) {
    err_set(err, cap, "Too many decimal digits in format string");
    return 0;
  }
  if (nd > 0) f->width = v;
  if (pos < n && spec[pos] == ',') {
    f->grouping = ',';
    pos++;
  }
  if (pos < n && spec[pos] == '_') {
    if (f->grouping) {
      err_set(err, cap, "Cannot specify both ',' and '_'.");
      return 0;
    }
    f->grouping = '_';
    pos++;
  }
  if (pos < n && spec[pos] == ',' && f->grouping == '_') {
    err_set(err, cap, "Cannot specify both ',' and '_'.");
    return 0;
  }
  if (pos < n && spec[pos] == '.') {
    pos++;
    nd = read_int(spec, n, &pos, &v);
    if (nd < 0) {
      err_set(err, cap, "Too many decimal digits in format string");
      return 0;
    }
    if (nd == 0) {
      err_set(err, cap, "Format specifier missing precision");
      return 0;
    }
    f->precision = v;
  }
  if (pos < n) {
    int lt;
    unsigned cp = utf8_decode(spec + pos, n - pos, &lt);
    if (pos + (size_t)lt < n) {
      char msg[200];
      snprintf(msg, sizeof msg, "Invalid format specifier '%.100s' for object of type '%s'", spec,
               tname);
      err_set(err, cap, msg);
      return 0;
    }
    f->type = cp;
  }
  if (f->grouping) {
    switch (f->type) {
    case 'd':
    case 'e':
    case 'f':
    case 'g':
    case 'E':
    case 'G':
    case '%':
    case 'F':
    case '\0': break;
    case 'b':
    case 'o':
    case 'x':
    case 'X':
      if (f->grouping == '_') {
        f->group_size = 4;
        break;
      }
      // fall through
    default:
      err_code(err, cap,
               f->grouping == ',' ? "Cannot specify ',' with '%s'."
                                  : "Cannot specify '_' with '%s'.",
               f->type, tname);
      return 0;
    }
  }
  return 1;
}

int fmt_is_float_type(unsigned t) {
  return t == 'e' || t == 'E' || t == 'f' || t == 'F' || t == 'g' || t == 'G' || t == '%';
}

// The per-type checks CPython does after parsing (value-independent part).
static int check_spec(const FmtSpec *f, int32_t kind, char *err, size_t cap) {
  const char *tname = kind_name(kind);
  if (kind == PYC_SPEC_STR) {
    if (f->type != 's') {
      err_code(err, cap, "Unknown format code '%s' for object of type '%s'", f->type, tname);
      return 0;
    }
    if (f->sign == ' ') {
      err_set(err, cap, "Space not allowed in string format specifier");
      return 0;
    }
    if (f->sign) {
      err_set(err, cap, "Sign not allowed in string format specifier");
      return 0;
    }
    if (f->no_neg_0) {
      err_set(err, cap, "Negative zero coercion (z) not allowed in string format specifier");
      return 0;
    }
    if (f->alt) {
      err_set(err, cap, "Alternate form (#) not allowed in string format specifier");
      return 0;
    }
    if (f->align == '=') {
      err_set(err, cap, "'=' alignment not allowed in string format specifier");
      return 0;
    }
    return 1;
  }
  if (kind == PYC_SPEC_FLOAT) {
    if (!(fmt_is_float_type(f->type) || f->type == '\0' || f->type == 'n')) {
      err_code(err, cap, "Unknown format code '%s' for object of type '%s'", f->type, tname);
      return 0;
    }
    if (f->precision > INT_MAX) {
      err_set(err, cap, "precision too big");
      return 0;
    }
    return 1;
  }
  // int and bool
  if (fmt_is_float_type(f->type)) {
    if (f->precision > INT_MAX) {
      err_set(err, cap, "precision too big");
      return 0;
    }
    return 1;
  }
  switch (f->type) {
  case 'b':
  case 'c':
  case 'd':
  case 'o':
  case 'x':
  case 'X':
  case 'n': break;
  default:
    err_code(err, cap, "Unknown format code '%s' for object of type '%s'", f->type, tname);
    return 0;
  }
  if (f->precision != -1) {
    err_set(err, cap, "Precision not allowed in integer format specifier");
    return 0;
  }
  if (f->no_neg_0) {
    err_set(err, cap, "Negative zero coercion (z) not allowed in integer format specifier");
    return 0;
  }
  if (f->type == 'c') {
    if (f->sign) {
      err_set(err, cap, "Sign not allowed with integer format specifier 'c'");
      return 0;
    }
    if (f->alt) {
      err_set(err, cap, "Alternate form (#) not allowed with integer format specifier 'c'");
      return 0;
    }
  }
  return 1;
}

PYC_API int32_t pyc_buf_spec_error(const char *spec, int32_t kind, char *out, size_t cap) {
  FmtSpec f;
  if (out && cap) out[0] = '\0';
  if (kind < PYC_SPEC_INT || kind > PYC_SPEC_BOOL) {
    err_set(out, cap, "unknown value kind");
    return 0;
  }
  if ((!spec || !spec[0])) return 1;
  return parse_spec(spec, kind, &f, out, cap) && check_spec(&f, kind, out, cap);
}

PYC_API int32_t pyc_buf_spec_ok(const char *spec, int32_t kind) {
  return pyc_buf_spec_error(spec, kind, NULL, 0);
}

int fmt_spec_parse(const char *spec, int32_t kind, FmtSpec *f, char *err, size_t cap) {
  return parse_spec(spec, kind, f, err, cap) && check_spec(f, kind, err, cap);
}
