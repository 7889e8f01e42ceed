// Python arithmetic that C does differently: floor division and modulo
// (int and float, CPython's float_floor_div/float_rem incl. signed zeros),
// int true division (correctly rounded), float ** (float_pow's special
// cases and errors), int ** (numpy-style wrapping), round() with and without
// ndigits (correctly rounded on the exact decimal value, like CPython's
// dtoa-based double_round) and float -> int conversions with CPython's
// errors. Every error is raised with pyc_raise(kind, msg, NULL, 0).
#include "pyc/runtime.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char msg_int_too_large[] = "Python int too large to convert to C long";

// ---- integers ----------------------------------------------------------------

PYC_API int64_t pyc_floordiv_i64(int64_t a, int64_t b) {
  if (b == 0) {
    pyc_raise(PYC_EXC_ZERO_DIVISION, "integer division or modulo by zero", NULL, 0);
    return 0;
  }
  if (b == -1) return (int64_t)(0 - (uint64_t)a);  // INT64_MIN // -1 wraps (numpy)
  int64_t q = a / b;
  if (a % b != 0 && ((a < 0) != (b < 0))) q--;
  return q;
}

PYC_API int64_t pyc_mod_i64(int64_t a, int64_t b) {
  if (b == 0) {
    pyc_raise(PYC_EXC_ZERO_DIVISION, "integer modulo by zero", NULL, 0);
    return 0;
  }
  if (b == -1) return 0;
  int64_t r = a % b;
  if (r != 0 && ((r < 0) != (b < 0))) r += b;
  return r;
}

__extension__ typedef unsigned __int128 u128;

static int bit_length(uint64_t v) { return v ? 64 - __builtin_clzll(v) : 0; }

PYC_API double pyc_truediv_i64(int64_t a, int64_t b) {
  if (b == 0) {
    pyc_raise(PYC_EXC_ZERO_DIVISION, "division by zero", NULL, 0);
    return 0.0;
  }
  uint64_t ua = a < 0 ? 0 - (uint64_t)a : (uint64_t)a;
  uint64_t ub = b < 0 ? 0 - (uint64_t)b : (uint64_t)b;
  if (ua <= (1ULL << 53) && ub <= (1ULL << 53))
    return (double)a / (double)b;  // both exact: one correctly rounded op
  int neg = (a < 0) != (b < 0);
  if (ua == 0) return neg ? -0.0 : 0.0;
  // Scale so the integer quotient has >= 55 bits, fold the remainder into a
  // sticky bit, and let the uint64 -> double conversion round once.
  int shift = 55 + bit_length(ub) - bit_length(ua);
  if (shift < 0) shift = 0;
  u128 n = (u128)ua << shift;
  u128 q = n / ub, r = n % ub;
  int extra = 0;
  while (q >> 63) {  // keep q within uint64 while preserving stickiness
    r |= q & 1;
    q >>= 1;
    extra++;
  }
  uint64_t q64 = (uint64_t)q | (r != 0);
  double res = ldexp((double)q64, extra - shift);
  return neg ? -res : res;
}

PYC_API int64_t pyc_ipow(int64_t base, int64_t exp) {
  if (exp < 0) {
    pyc_raise(PYC_EXC_VALUE, "Integers to negative integer powers are not allowed.", NULL, 0);
    return 0;
  }
  uint64_t result = 1, b = (uint64_t)base;
  uint64_t e = (uint64_t)exp;
  while (e) {
    if (e & 1) result *= b;
    b *= b;
    e >>= 1;
  }
  return (int64_t)result;
}

// ---- floats ------------------------------------------------------------------

PYC_API double pyc_div_f64(double a, double b) {
  if (b == 0.0) {
    pyc_raise(PYC_EXC_ZERO_DIVISION, "float division by zero", NULL, 0);
    return 0.0;
  }
  return a / b;
}

// CPython's _float_div_mod: floor quotient and remainder with b's sign.
static void float_divmod(double vx, double wx, double *floordiv, double *mod) {
  double m = fmod(vx, wx);
  double div = (vx - m) / wx;  // (vx - m) is an exact multiple of wx mathematically
  if (m != 0.0) {
    if ((wx < 0) != (m < 0)) {
      m += wx;
      div -= 1.0;
    }
  } else {
    m = copysign(0.0, wx);
  }
  double fd;
  if (div != 0.0) {
    fd = floor(div);
    if (div - fd > 0.5) fd += 1.0;
  } else {
    fd = copysign(0.0, vx / wx);
  }
  *floordiv = fd;
  *mod = m;
}

PYC_API double pyc_floordiv_f64(double a, double b) {
  if (b == 0.0) {
    pyc_raise(PYC_EXC_ZERO_DIVISION, "float floor division by zero", NULL, 0);
    return 0.0;
  }
  double q, m;
  float_divmod(a, b, &q, &m);
  return q;
}

PYC_API double pyc_mod_f64(double a, double b) {
  if (b == 0.0) {
    pyc_raise(PYC_EXC_ZERO_DIVISION, "float modulo", NULL, 0);
    return 0.0;
  }
  double m = fmod(a, b);
  if (m != 0.0) {
    if ((b < 0) != (m < 0)) m += b;
  } else {
    m = copysign(0.0, b);
  }
  return m;
}

static int is_odd_integer(double x) { return fmod(fabs(x), 2.0) == 1.0; }

PYC_API double pyc_fpow(double iv, double iw) {
  if (iw == 0.0) return 1.0;  // v**0 is 1, even 0**0 and nan**0
  if (isnan(iv)) return iv;
  if (isnan(iw)) return iv == 1.0 ? 1.0 : iw;
  if (isinf(iw)) {
    double a = fabs(iv);
    if (a == 1.0) return 1.0;
    if ((iw > 0.0) == (a > 1.0)) return fabs(iw);
    return 0.0;
  }
  if (isinf(iv)) {
    int odd = is_odd_integer(iw);
    if (iw > 0.0) return odd ? iv : fabs(iv);
    return odd ? copysign(0.0, iv) : 0.0;
  }
  if (iv == 0.0) {
    if (iw < 0.0) {
      pyc_raise(PYC_EXC_ZERO_DIVISION, "0.0 cannot be raised to a negative power", NULL, 0);
      return 0.0;
    }
    return is_odd_integer(iw) ? iv : 0.0;
  }
  int negate = 0;
  if (iv < 0.0) {
    if (iw != floor(iw)) {  // CPython returns a complex number here
      pyc_raise(PYC_EXC_VALUE, "math domain error", NULL, 0);
      return NAN;
    }
    iv = -iv;
    negate = is_odd_integer(iw);
  }
  if (iv == 1.0) return negate ? -1.0 : 1.0;
  double r = pow(iv, iw);
  if (isinf(r)) {  // finite ** finite overflowed; underflow to 0 is fine
    pyc_raise(PYC_EXC_OVERFLOW, "(34, 'Numerical result out of range')", NULL, 0);
    return negate ? -r : r;
  }
  return negate ? -r : r;
}

// ---- round -------------------------------------------------------------------

// round(x, n) for n < 0: round |x| half-even to a multiple of 10^k (k = -n),
// working on the exact decimal expansion of x (a double has at most 767
// significant digits, so %.800e is exact).
static double round_negative(double x, int k) {
  char digits[820];
  snprintf(digits, sizeof digits, "%.800e", fabs(x));
  char *e = strchr(digits, 'e');
  int exp10 = atoi(e + 1);
  *e = '\0';
  // digits = "D.DDDD...": remove the point.
  memmove(digits + 1, digits + 2, strlen(digits + 2) + 1);
  int nd = (int)strlen(digits);
  int keep = exp10 + 1 - k;  // digits left of the 10^k place
  char out[400];
  int n = 0;
  if (keep < 0) {
    out[n++] = '0';
  } else {
    // Decide rounding from digit[keep] and everything after it.
    int up = 0;
    char rd = keep < nd ? digits[keep] : '0';
    if (rd > '5') {
      up = 1;
    } else if (rd == '5') {
      int rest_nonzero = 0;
      for (int i = keep + 1; i < nd; i++)
        if (digits[i] != '0') {
          rest_nonzero = 1;
          break;
        }
      int last_odd = keep > 0 && ((digits[keep - 1] - '0') & 1);
      up = rest_nonzero || last_odd;
    }
    out[n++] = '0';  // room for a carry
    memcpy(out + n, digits, (size_t)keep);
    n += keep;
    if (up) {
      int i = n - 1;
      while (out[i] == '9') out[i--] = '0';
      out[i]++;
    }
  }
  n += snprintf(out + n, sizeof out - (size_t)n, "e%d", k);
  errno = 0;
  double r = strtod(out, NULL);
  if (errno == ERANGE && fabs(r) >= 1.0) {
    pyc_raise(PYC_EXC_OVERFLOW, "rounded value too large to represent", NULL, 0);
    return x;
  }
  return copysign(r, x);
}

#define ROUND_NDIGITS_MAX 323   // (DBL_MANT_DIG - DBL_MIN_EXP) * log10(2)
#define ROUND_NDIGITS_MIN -308  // -(DBL_MAX_EXP + 1) * log10(2)

PYC_API double pyc_round_f64(double x, int64_t ndigits) {
  if (!isfinite(x)) return x;
  if (ndigits > ROUND_NDIGITS_MAX) return x;
  if (ndigits < ROUND_NDIGITS_MIN) return 0.0 * x;
  if (ndigits < 0) return round_negative(x, (int)-ndigits);
  char buf[700];  // 309 integer digits + point + 323 decimals
  snprintf(buf, sizeof buf, "%.*f", (int)ndigits, x);
  double r = strtod(buf, NULL);
  return r == 0.0 ? copysign(0.0, x) : r;
}

// PyLong_FromDouble's checks plus the int64 range.
static int64_t to_i64_checked(double r) {
  if (isnan(r)) {
    pyc_raise(PYC_EXC_VALUE, "cannot convert float NaN to integer", NULL, 0);
    return 0;
  }
  if (isinf(r)) {
    pyc_raise(PYC_EXC_OVERFLOW, "cannot convert float infinity to integer", NULL, 0);
    return 0;
  }
  if (r >= 9223372036854775808.0 || r < -9223372036854775808.0) {
    pyc_raise(PYC_EXC_OVERFLOW, msg_int_too_large, NULL, 0);
    return 0;
  }
  return (int64_t)r;
}

PYC_API int64_t pyc_round_to_i64(double x) {
  double r = round(x);
  if (fabs(x - r) == 0.5) r = 2.0 * round(x / 2.0);  // halfway: to even
  return to_i64_checked(r);
}

PYC_API int64_t pyc_f64_to_i64(double x) { return to_i64_checked(trunc(x)); }

PYC_API int64_t pyc_math_floor_i64(double x) { return to_i64_checked(floor(x)); }
PYC_API int64_t pyc_math_ceil_i64(double x) { return to_i64_checked(ceil(x)); }
PYC_API int64_t pyc_math_trunc_i64(double x) { return to_i64_checked(trunc(x)); }
