// Private header of the stdlib formatting code (float_repr.c, format_spec.c,
// arith.c): decimal digit generation in the style of David Gay's dtoa (built
// on glibc's correctly rounded printf/strtod) and the float layout of CPython's
// format_float_short. Not installed; only runtime/include/pyc is public.
#ifndef PYC_STDLIB_FMT_H
#define PYC_STDLIB_FMT_H

#include <stddef.h>
#include <stdint.h>

// These functions are global within libpyctask_rt, which is linked into user
// programs whose symbols come from Python names; the pyc__ prefix keeps a
// user function called `fmt_float` from colliding with them.
#define fmt_str_putc pyc__fmt_str_putc
#define fmt_str_putn pyc__fmt_str_putn
#define fmt_str_fill pyc__fmt_str_fill
#define fmt_str_free pyc__fmt_str_free
#define fmt_digits_shortest pyc__fmt_digits_shortest
#define fmt_digits_sig pyc__fmt_digits_sig
#define fmt_digits_fixed pyc__fmt_digits_fixed
#define fmt_digits_free pyc__fmt_digits_free
#define fmt_float pyc__fmt_float
#define fmt_float_layout pyc__fmt_float_layout
#define fmt_spec_parse pyc__fmt_spec_parse
#define fmt_is_float_type pyc__fmt_is_float_type
#define fmt_utf8_encode pyc__fmt_utf8_encode
#define fmt_utf8_count pyc__fmt_utf8_count

// Growable string; every helper keeps p NUL-terminated. On allocation failure
// `oom` is set and further appends are dropped.
typedef struct FmtStr {
  char *p;       // owned
  size_t len;    // bytes used
  size_t cap;    // bytes allocated
  int oom;       // 1 after an allocation failure
  int borrowed;  // p is a caller's (stack) buffer: copy, never realloc/free
} FmtStr;

// Declares an FmtStr `name` that starts in a stack buffer of `size` bytes.
#define FMT_STR_STACK(name, size)                                                                  \
  char name##_stack[size];                                                                         \
  FmtStr name = {.p = name##_stack, .cap = (size), .borrowed = 1}

void fmt_str_putc(FmtStr *s, char c);
void fmt_str_putn(FmtStr *s, const char *src, size_t n);
void fmt_str_fill(FmtStr *s, char c, size_t n);
void fmt_str_free(FmtStr *s);

// Decimal digits of |v|: value = 0.DIGITS * 10^decpt, no leading zeros and no
// trailing zeros, except that an exact zero is "0" with decpt 1 and a value
// that rounds to nothing in fixed mode is "" with decpt = -ndigits (exactly
// what dtoa returns). special: 0 finite, 1 inf, 2 nan.
typedef struct FmtDigits {
  char *digits;  // NUL-terminated; points into inline_buf or heap
  int ndigits;   // strlen(digits)
  int decpt;     // decimal point position
  int sign;      // 1 if negative (signbit), never for nan
  int special;   // 0 finite, 1 inf, 2 nan
  char *heap;    // owned heap buffer, or NULL
  char inline_buf[48];
} FmtDigits;

// dtoa mode 0: shortest digits that round-trip (as float32 if is_f32).
void fmt_digits_shortest(FmtDigits *d, double v, int is_f32);
// dtoa mode 2: at most `ndigits` (>= 1) significant digits, correctly rounded.
// Returns 0 on allocation failure.
int fmt_digits_sig(FmtDigits *d, double v, int ndigits);
// dtoa mode 3: digits through 10^-ndigits (ndigits >= 0), correctly rounded.
int fmt_digits_fixed(FmtDigits *d, double v, int ndigits);
void fmt_digits_free(FmtDigits *d);

// Flags for fmt_float_layout (CPython's Py_DTSF_*).
enum {
  FMT_SIGN = 1,       // always add a sign
  FMT_ADD_DOT_0 = 2,  // integers get ".0" (repr and the '' type)
  FMT_ALT = 4,        // '#': keep the trailing point / trailing zeros in 'g'
  FMT_NO_NEG_0 = 8,   // 'z'
  FMT_UPPER = 16,     // 'E', 'F', 'G': "E", "INF", "NAN"
};

// Appends the text of PyOS_double_to_string(v, code, precision, flags) to out.
// code is one of 'e' 'f' 'g' 'r' (lower case; FMT_UPPER selects the upper
// case forms); precision as the caller of PyOS_double_to_string passes it.
void fmt_float(FmtStr *out, double v, char code, int precision, int flags);

// Lays out already generated digits (the core of format_float_short). For
// 'r' with is_f32 the exponent switch follows numpy's float32 rule.
void fmt_float_layout(FmtStr *out, const FmtDigits *d, char code, int precision, int flags,
                      int use_exp_override);

// ---- format specs (format_parse.c) ---------------------------------------------

// A parsed format spec: [[fill]align][sign][z][#][0][width][grouping][.precision][type].
typedef struct FmtSpec {
  char fill[5];         // UTF-8 bytes of the fill code point
  int fill_len;         // bytes in fill
  int fill_is_zero;     // fill is '0'
  int fill_specified;   // an explicit fill was given
  char align;           // '<' '>' '^' '='
  int align_specified;  // an explicit align was given
  char sign;            // '\0' '+' '-' ' '
  int no_neg_0;         // 'z'
  int alt;              // '#'
  long long width;      // -1 = none
  char grouping;        // '\0' ',' '_'
  int group_size;       // 3, or 4 for '_' with b o x X
  long long precision;  // -1 = none
  unsigned type;        // presentation type code point, '\0' = none
} FmtSpec;

// Parses `spec` for a value of kind PYC_SPEC_* and applies CPython's validity
// rules for that kind. Returns 1 if valid; otherwise writes CPython's
// ValueError message to err[0..cap) (if err) and returns 0. Pure.
int fmt_spec_parse(const char *spec, int32_t kind, FmtSpec *f, char *err, size_t cap);
// 1 for the float presentation types e E f F g G %.
int fmt_is_float_type(unsigned type);
// UTF-8 encoding of code point cp into out (4 bytes room); returns the length.
int fmt_utf8_encode(unsigned cp, char *out);
// Number of code points in s[0..n).
size_t fmt_utf8_count(const char *s, size_t n);

#endif  // PYC_STDLIB_FMT_H
