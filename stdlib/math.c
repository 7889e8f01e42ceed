// Python's math module over libm, with CPython's error rules: a NaN result
// from a non-NaN argument is ValueError("math domain error"); an infinite
// result from finite arguments is OverflowError("math range error") for the
// functions that can overflow (exp, expm1, exp2, cosh, sinh, pow, ldexp,
// gamma, lgamma) and ValueError("math domain error") for singularities (log(0),
// atanh(1), ...). Functions are reached by id (PYC_MATH_1/PYC_MATH_2 tables in
// the public header) or directly as pyc_math_<name>. Integer functions
// (factorial, gcd, comb, ...) work in int64 and raise OverflowError where
// Python would produce a bigger int. Where CPython does not use libm --
// gamma, lgamma (a Lanczos approximation) and hypot (a compensated sum of
// squares with one correction step) -- the same numerical method is used
// here so that results agree bit for bit (checked by
// check_format_vs_cpython.py). Needs strict IEEE evaluation: the runtime is
// built with -ffp-contract=off and never with -ffast-math.
#include "pyc/runtime.h"

#include <float.h>
#include <math.h>
#include <stddef.h>

static const char msg_domain[] = "math domain error";
static const char msg_range[] = "math range error";
static const char msg_int_too_large[] = "Python int too large to convert to C long";

static double domain_error(void) {
  pyc_raise(PYC_EXC_VALUE, msg_domain, NULL, 0);
  return NAN;
}

static double range_error(double r) {
  pyc_raise(PYC_EXC_OVERFLOW, msg_range, NULL, 0);
  return r;
}

// CPython's math_1 check of r = f(x).
static double check1(double x, double r, int can_overflow) {
  if (isnan(r) && !isnan(x)) return domain_error();
  if (isinf(r) && isfinite(x)) return can_overflow ? range_error(r) : domain_error();
  return r;
}

// CPython's math_2 check of r = f(x, y).
static double check2(double x, double y, double r) {
  if (isnan(r) && !isnan(x) && !isnan(y)) return domain_error();
  if (isinf(r) && isfinite(x) && isfinite(y)) return range_error(r);
  return r;
}

#define PYC_PI 3.141592653589793238462643383279502884197

// ---- one argument ------------------------------------------------------------

PYC_API double pyc_math_sqrt(double x) { return check1(x, sqrt(x), 0); }
PYC_API double pyc_math_exp(double x) { return check1(x, exp(x), 1); }
PYC_API double pyc_math_expm1(double x) { return check1(x, expm1(x), 1); }
PYC_API double pyc_math_exp2(double x) { return check1(x, exp2(x), 1); }
PYC_API double pyc_math_log(double x) { return check1(x, log(x), 0); }
PYC_API double pyc_math_log2(double x) { return check1(x, log2(x), 0); }
PYC_API double pyc_math_log10(double x) { return check1(x, log10(x), 0); }
PYC_API double pyc_math_log1p(double x) { return check1(x, log1p(x), 0); }
PYC_API double pyc_math_sin(double x) { return check1(x, sin(x), 0); }
PYC_API double pyc_math_cos(double x) { return check1(x, cos(x), 0); }
PYC_API double pyc_math_tan(double x) { return check1(x, tan(x), 0); }
PYC_API double pyc_math_asin(double x) { return check1(x, asin(x), 0); }
PYC_API double pyc_math_acos(double x) { return check1(x, acos(x), 0); }
PYC_API double pyc_math_atan(double x) { return check1(x, atan(x), 0); }
PYC_API double pyc_math_sinh(double x) { return check1(x, sinh(x), 1); }
PYC_API double pyc_math_cosh(double x) { return check1(x, cosh(x), 1); }
PYC_API double pyc_math_tanh(double x) { return check1(x, tanh(x), 0); }
PYC_API double pyc_math_asinh(double x) { return check1(x, asinh(x), 0); }
PYC_API double pyc_math_acosh(double x) { return check1(x, acosh(x), 0); }
PYC_API double pyc_math_atanh(double x) { return check1(x, atanh(x), 0); }
PYC_API double pyc_math_fabs(double x) { return fabs(x); }
PYC_API double pyc_math_erf(double x) { return erf(x); }
PYC_API double pyc_math_erfc(double x) { return erfc(x); }
PYC_API double pyc_math_cbrt(double x) { return cbrt(x); }
PYC_API double pyc_math_degrees(double x) { return x * (180.0 / PYC_PI); }
PYC_API double pyc_math_radians(double x) { return x * (PYC_PI / 180.0); }
PYC_API double pyc_math_ceil_f(double x) { return ceil(x); }
PYC_API double pyc_math_floor_f(double x) { return floor(x); }
PYC_API double pyc_math_trunc_f(double x) { return trunc(x); }

// ---- gamma and lgamma: Lanczos approximation ---------------------------------
// Lanczos sum with g = 6.024680040776729583740234375 and the 13-term rational
// coefficients published by Boost (lanczos13m53); the same choice as CPython,
// so math.gamma/math.lgamma results match exactly.

#define LANCZOS_N 13
static const double lanczos_g = 6.024680040776729583740234375;
static const double lanczos_g_minus_half = 5.524680040776729583740234375;
static const double lanczos_num[LANCZOS_N] = {
    23531376880.410759688572007674451636754734846804940,
    42919803642.649098768957899047001988850926355848959,
    35711959237.355668049440185451547166705960488635843,
    17921034426.037209699919755754458931112671403265390,
    6039542586.3520280050642916443072979210699388420708,
    1439720407.3117216736632230727949123939715485786772,
    248874557.86205415651146038641322942321632125127801,
    31426415.585400194380614231628318205362874684987640,
    2876370.6289353724412254090516208496135991145378768,
    186056.26539522349504029498971604569928220784236328,
    8071.6720023658162106380029022722506138218516325024,
    210.82427775157934587250973392071336271166969580291,
    2.5066282746310002701649081771338373386264310793408,
};
// Denominator: x (x+1) ... (x+11) expanded.
static const double lanczos_den[LANCZOS_N] = {
    0.0,       39916800.0, 120543840.0, 150917976.0, 105258076.0, 45995730.0, 13339535.0,
    2637558.0, 357423.0,   32670.0,     1925.0,      66.0,        1.0,
};
#define LOG_PI 1.144729885849400174143427351353058711647
#define GAMMA_EXACT_MAX 23  // gamma(n) = (n-1)! is exact in a double up to n = 23

// The rational function for x > 0; for large x it is evaluated in 1/x to
// avoid overflow.
static double lanczos_sum(double x) {
  double num = 0.0, den = 0.0;
  if (x < 5.0) {
    for (int i = LANCZOS_N - 1; i >= 0; i--) {
      num = num * x + lanczos_num[i];
      den = den * x + lanczos_den[i];
    }
  } else {
    for (int i = 0; i < LANCZOS_N; i++) {
      num = num / x + lanczos_num[i];
      den = den / x + lanczos_den[i];
    }
  }
  return num / den;
}

// sin(pi * x), accurate for large x, via reduction mod 2 and octant choice.
static double sin_pi(double x) {
  double y = fmod(fabs(x), 2.0), r;
  switch ((int)round(2.0 * y)) {
  case 0: r = sin(PYC_PI * y); break;
  case 1: r = cos(PYC_PI * (y - 0.5)); break;
  case 2: r = sin(PYC_PI * (1.0 - y)); break;
  case 3: r = -cos(PYC_PI * (y - 1.5)); break;
  default: r = sin(PYC_PI * (y - 2.0)); break;
  }
  return copysign(1.0, x) * r;
}

PYC_API double pyc_math_gamma(double x) {
  if (isnan(x)) return x;
  if (isinf(x)) return x > 0 ? x : domain_error();
  if (x == floor(x)) {
    if (x <= 0.0) return domain_error();  // pole or negative integer
    if (x <= GAMMA_EXACT_MAX) {
      double f = 1.0;
      for (int i = 2; i < (int)x; i++) f *= i;
      return f;
    }
  }
  double ax = fabs(x);
  if (ax < 1e-20) {  // gamma(x) ~ 1/x
    double r = 1.0 / x;
    return isinf(r) ? range_error(r) : r;
  }
  if (ax > 200.0)  // overflows; for negative x underflows to +-0
    return x < 0.0 ? 0.0 / sin_pi(x) : range_error(INFINITY);
  // y = ax + g - 1/2, and z = the rounding error of that sum, scaled.
  double y = ax + lanczos_g_minus_half, z;
  if (ax > lanczos_g_minus_half) {
    double q = y - ax;
    z = q - lanczos_g_minus_half;
  } else {
    double q = y - lanczos_g_minus_half;
    z = q - ax;
  }
  z = z * lanczos_g / y;
  double r;
  if (x < 0.0) {  // reflection: gamma(x) = -pi / (sin(pi x) x gamma(-x))
    r = -PYC_PI / sin_pi(ax) / ax * exp(y) / lanczos_sum(ax);
    r -= z * r;
    if (ax < 140.0) {
      r /= pow(y, ax - 0.5);
    } else {
      double half = pow(y, ax / 2.0 - 0.25);
      r /= half;
      r /= half;
    }
  } else {
    r = lanczos_sum(ax) / exp(y);
    r += z * r;
    if (ax < 140.0) {
      r *= pow(y, ax - 0.5);
    } else {
      double half = pow(y, ax / 2.0 - 0.25);
      r *= half;
      r *= half;
    }
  }
  return isinf(r) ? range_error(r) : r;
}

PYC_API double pyc_math_lgamma(double x) {
  if (isnan(x)) return x;
  if (isinf(x)) return INFINITY;
  if (x == floor(x) && x <= 2.0) {
    if (x <= 0.0) return domain_error();
    return 0.0;  // lgamma(1) = lgamma(2) = 0
  }
  double ax = fabs(x);
  if (ax < 1e-20) return -log(ax);
  double r = log(lanczos_sum(ax)) - lanczos_g;
  r += (ax - 0.5) * (log(ax + lanczos_g - 0.5) - 1);
  if (x < 0.0) r = LOG_PI - log(fabs(sin_pi(ax))) - log(ax) - r;
  return isinf(r) ? range_error(r) : r;
}

PYC_API double pyc_math_ulp(double x) {
  if (isnan(x)) return x;
  x = fabs(x);
  if (isinf(x)) return x;
  double up = nextafter(x, INFINITY);
  if (isinf(up)) return x - nextafter(x, -INFINITY);
  return up - x;
}

// ---- two arguments -----------------------------------------------------------

PYC_API double pyc_math_pow(double x, double y) {
  if (!isfinite(x) || !isfinite(y)) {
    if (isnan(x)) return y == 0.0 ? 1.0 : x;
    if (isnan(y)) return x == 1.0 ? 1.0 : y;
    if (isinf(x)) {
      int odd_y = isfinite(y) && fmod(fabs(y), 2.0) == 1.0;
      if (y > 0.0) return odd_y ? x : fabs(x);
      if (y == 0.0) return 1.0;
      return odd_y ? copysign(0.0, x) : 0.0;
    }
    // y infinite
    if (fabs(x) == 1.0) return 1.0;
    if (y > 0.0 && fabs(x) > 1.0) return y;
    if (y < 0.0 && fabs(x) < 1.0) return -y;
    return 0.0;
  }
  double r = pow(x, y);
  if (isnan(r)) return domain_error();  // negative ** non-integer
  if (isinf(r)) return x == 0.0 ? domain_error() : range_error(r);
  return r;
}

PYC_API double pyc_math_atan2(double x, double y) { return check2(x, y, atan2(x, y)); }

// math.hypot(x, y): scale by a power of two so the larger value is in
// [0.5, 1), sum the squares exactly-ish (Dekker split of each value, three
// compensated partial sums), take the square root, then correct it once with
// the residual sum - h*h. Infinity wins over NaN; never raises.
#define DEKKER_SPLIT 134217729.0  // 2^27 + 1

// Adds v to *sum, accumulating the rounding error into *err (Fast2Sum; |*sum| >= |v|).
static void comp_add(double *sum, double *err, double v) {
  double old = *sum;
  *sum += v;
  *err += (old - *sum) + v;
}

PYC_API double pyc_math_hypot(double x, double y) {
  if (isinf(x) || isinf(y)) return INFINITY;
  if (isnan(x) || isnan(y)) return NAN;
  double m = fmax(fabs(x), fabs(y));
  if (m == 0.0) return 0.0;
  int e;
  frexp(m, &e);
  if (e < -1023)  // subnormal max: 2^-e would overflow; rescale to normals first
    return DBL_MIN * pyc_math_hypot(x / DBL_MIN, y / DBL_MIN);
  double scale = ldexp(1.0, -e);
  double csum = 1.0, f1 = 0.0, f2 = 0.0, f3 = 0.0;
  double v[2] = {x * scale, y * scale};
  for (int i = 0; i < 2; i++) {
    double t = v[i] * DEKKER_SPLIT, hi = t - (t - v[i]), lo = v[i] - hi;
    comp_add(&csum, &f1, hi * hi);
    comp_add(&csum, &f2, 2.0 * hi * lo);
    f3 += lo * lo;
  }
  double h = sqrt(csum - 1.0 + (f1 + f2 + f3));
  double t = h * DEKKER_SPLIT, hi = t - (t - h), lo = h - hi;
  comp_add(&csum, &f1, -hi * hi);
  comp_add(&csum, &f2, -2.0 * hi * lo);
  comp_add(&csum, &f3, -lo * lo);
  double resid = csum - 1.0 + (f1 + f2 + f3);
  return (h + resid / (2.0 * h)) / scale;
}

PYC_API double pyc_math_fmod(double x, double y) {
  if (isinf(y) && isfinite(x)) return x;
  double r = fmod(x, y);
  if (isnan(r) && !isnan(x) && !isnan(y)) return domain_error();
  return r;
}

PYC_API double pyc_math_copysign(double x, double y) { return copysign(x, y); }

PYC_API double pyc_math_remainder(double x, double y) { return check2(x, y, remainder(x, y)); }

PYC_API double pyc_math_nextafter(double x, double y) { return nextafter(x, y); }

PYC_API double pyc_math_log_base(double x, double base) {
  double num = pyc_math_log(x);
  if (pyc_err_occurred()) return num;
  double den = pyc_math_log(base);
  if (pyc_err_occurred()) return den;
  if (den == 0.0) {
    pyc_raise(PYC_EXC_ZERO_DIVISION, "float division by zero", NULL, 0);
    return 0.0;
  }
  return num / den;
}

PYC_API double pyc_math_ldexp_f(double x, double e) {
  if (e != floor(e) || isnan(e)) {
    pyc_raise(PYC_EXC_TYPE, "Expected an int as second argument to ldexp.", NULL, 0);
    return 0.0;
  }
  if (x == 0.0 || !isfinite(x)) return x;
  if (e > 2147483647.0) return range_error(copysign(INFINITY, x));
  if (e < -2147483648.0) return copysign(0.0, x);
  double r = ldexp(x, (int)e);
  return isinf(r) ? range_error(r) : r;
}

// ---- dispatch by id ----------------------------------------------------------

typedef double (*Math1Fn)(double);
typedef double (*Math2Fn)(double, double);

#define PYC_MATH_ENTRY_(name) pyc_math_##name,
static const Math1Fn math1_table[PYC_MATH_1_COUNT] = {PYC_MATH_1(PYC_MATH_ENTRY_)};
static const Math2Fn math2_table[PYC_MATH_2_COUNT] = {PYC_MATH_2(PYC_MATH_ENTRY_)};
#undef PYC_MATH_ENTRY_
#define PYC_MATH_NAME_(name) #name,
static const char *const math1_names[PYC_MATH_1_COUNT] = {PYC_MATH_1(PYC_MATH_NAME_)};
static const char *const math2_names[PYC_MATH_2_COUNT] = {PYC_MATH_2(PYC_MATH_NAME_)};
#undef PYC_MATH_NAME_

PYC_API double pyc_math_1(int32_t fn, double x) {
  if (fn < 0 || fn >= PYC_MATH_1_COUNT) {
    pyc_raise(PYC_EXC_RUNTIME, "unknown math function id", NULL, 0);
    return NAN;
  }
  return math1_table[fn](x);
}

PYC_API double pyc_math_2(int32_t fn, double x, double y) {
  if (fn < 0 || fn >= PYC_MATH_2_COUNT) {
    pyc_raise(PYC_EXC_RUNTIME, "unknown math function id", NULL, 0);
    return NAN;
  }
  return math2_table[fn](x, y);
}

PYC_API const char *pyc_math_name(int32_t arity, int32_t fn) {
  if (arity == 1 && fn >= 0 && fn < PYC_MATH_1_COUNT) return math1_names[fn];
  if (arity == 2 && fn >= 0 && fn < PYC_MATH_2_COUNT) return math2_names[fn];
  return NULL;
}

// ---- integer functions -------------------------------------------------------

static int64_t int_overflow(void) {
  pyc_raise(PYC_EXC_OVERFLOW, msg_int_too_large, NULL, 0);
  return 0;
}

PYC_API int64_t pyc_math_factorial(int64_t n) {
  if (n < 0) {
    pyc_raise(PYC_EXC_VALUE, "factorial() not defined for negative values", NULL, 0);
    return 0;
  }
  if (n > 20) return int_overflow();
  int64_t r = 1;
  for (int64_t i = 2; i <= n; i++) r *= i;
  return r;
}

static uint64_t ugcd(uint64_t a, uint64_t b) {
  while (b) {
    uint64_t t = a % b;
    a = b;
    b = t;
  }
  return a;
}

static uint64_t umag(int64_t v) { return v < 0 ? 0 - (uint64_t)v : (uint64_t)v; }

PYC_API int64_t pyc_math_gcd(int64_t a, int64_t b) {
  uint64_t g = ugcd(umag(a), umag(b));
  return g > (uint64_t)INT64_MAX ? int_overflow() : (int64_t)g;
}

PYC_API int64_t pyc_math_lcm(int64_t a, int64_t b) {
  if (a == 0 || b == 0) return 0;
  uint64_t ua = umag(a), ub = umag(b), g = ugcd(ua, ub);
  uint64_t q = ua / g, r;
  if (__builtin_mul_overflow(q, ub, &r) || r > (uint64_t)INT64_MAX) return int_overflow();
  return (int64_t)r;
}

PYC_API int64_t pyc_math_isqrt(int64_t n) {
  if (n < 0) {
    pyc_raise(PYC_EXC_VALUE, "isqrt() argument must be nonnegative", NULL, 0);
    return 0;
  }
  uint64_t u = (uint64_t)n, r = (uint64_t)sqrt((double)u);
  while (r * r > u)  // sqrt of a double near 2^63 may be one too high
    r--;
  while ((r + 1) * (r + 1) <= u) r++;
  return (int64_t)r;
}

static int check_nk(int64_t n, int64_t k) {
  if (n < 0) {
    pyc_raise(PYC_EXC_VALUE, "n must be a non-negative integer", NULL, 0);
    return 0;
  }
  if (k < 0) {
    pyc_raise(PYC_EXC_VALUE, "k must be a non-negative integer", NULL, 0);
    return 0;
  }
  return 1;
}

__extension__ typedef unsigned __int128 u128;

PYC_API int64_t pyc_math_comb(int64_t n, int64_t k) {
  if (!check_nk(n, k)) return 0;
  if (k > n) return 0;
  if (k > n - k) k = n - k;
  u128 r = 1;
  for (int64_t i = 0; i < k; i++) {
    r = r * (u128)(n - i) / (u128)(i + 1);  // exact: r is C(n, i+1)
    if (r > (u128)INT64_MAX) return int_overflow();
  }
  return (int64_t)r;
}

PYC_API int64_t pyc_math_perm(int64_t n, int64_t k) {
  if (!check_nk(n, k)) return 0;
  if (k > n) return 0;
  u128 r = 1;
  for (int64_t i = 0; i < k; i++) {
    r *= (u128)(n - i);
    if (r > (u128)INT64_MAX) return int_overflow();
  }
  return (int64_t)r;
}

PYC_API int32_t pyc_math_isclose(double a, double b, double rel_tol, double abs_tol) {
  if (rel_tol < 0.0 || abs_tol < 0.0) {
    pyc_raise(PYC_EXC_VALUE, "tolerances must be non-negative", NULL, 0);
    return 0;
  }
  if (a == b) return 1;
  if (isinf(a) || isinf(b)) return 0;
  double diff = fabs(b - a);
  return diff <= fabs(rel_tol * b) || diff <= fabs(rel_tol * a) || diff <= abs_tol;
}
