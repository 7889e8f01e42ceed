// Unit tests for the runtime's number formatting and Python arithmetic,
// against expected strings produced by CPython 3.11 (and numpy 1.24 for
// float32 repr): repr(float), format(value, spec) for float/int/str/bool,
// CPython's ValueError messages for bad specs, round(x, n), floor division
// and modulo for every sign combination, float ** and the math module's
// error rules. tests/unit/check_format_vs_cpython.py does the same against
// a live interpreter with thousands of random cases.
#include "pyc/runtime.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static int failures, checks;

// Compares the text buffer (or "!Kind: message" if an error is pending) to
// want, then resets both.
static void expect(const char *want, const char *what, const char *detail) {
  char got[512];
  checks++;
  if (pyc_err_occurred())
    snprintf(got, sizeof got, "!%s: %s", pyc_exc_name(pyc_err_occurred()), pyc_err_message());
  else
    snprintf(got, sizeof got, "%s", pyc_buf_data(NULL));
  pyc_err_clear();
  pyc_buf_reset();
  if (strcmp(got, want) != 0) {
    fprintf(stderr, "FAIL %s(%s): got \"%s\", want \"%s\"\n", what, detail, got, want);
    failures++;
  }
}

static const struct {
  double v;
  const char *want;
} repr_cases[] = {
    {0x0.0p+0, "0.0"},
    {-0x0.0p+0, "-0.0"},
    {0x1.0000000000000p+0, "1.0"},
    {-0x1.8000000000000p+0, "-1.5"},
    {0x1.999999999999ap-4, "0.1"},
    {0x1.3333333333334p-2, "0.30000000000000004"},
    {0x1.5555555555555p-2, "0.3333333333333333"},
    {0x1.1c37937e08000p+53, "1e+16"},
    {0x1.c6bf526340000p+49, "1000000000000000.0"},
    {0x1.1c37937e07fffp+53, "9999999999999998.0"},
    {0x1.4f8b588e368f1p-17, "1e-05"},
    {0x1.a36e2eb1c432dp-14, "0.0001"},
    {0x1.02c9dedbc309dp-13, "0.0001234"},
    {0x1.d6f3454000000p+26, "123456789.0"},
    {0x1.0f0cf064dd592p+73, "1e+22"},
    {0x1.52d02c7e14af6p+76, "1e+23"},
    {0x0.0000000000001p-1022, "5e-324"},
    {0x1.0000000000000p-1022, "2.2250738585072014e-308"},
    {0x1.fffffffffffffp+1023, "1.7976931348623157e+308"},
    {0x0.0000000000003p-1022, "1.5e-323"},
    {INFINITY, "inf"},
    {-INFINITY, "-inf"},
    {NAN, "nan"},
    {0x1.0000000000000p+53, "9007199254740992.0"},
    {0x1.ad7f29abcaf48p-24, "1e-07"},
    {0x1.edd2f1a9fbe77p+6, "123.456"},
    {0x1.9000000000000p+6, "100.0"},
    {0x1.1eb2d66005835p+997, "1.5e+300"},
    {-0x1.12e0be826d695p-32, "-2.5e-10"},
};
static const struct {
  float v;
  const char *want;
} repr32_cases[] = {
    {0x1.99999a0000000p-4f, "0.1"},
    {0x1.a36e2e0000000p-14f, "1e-04"},
    {0x1.1c37940000000p+53f, "1e+16"},
    {0x1.c6bf520000000p+49f, "1000000000000000.0"},
    {0x1.d6f3460000000p+26f, "123456790.0"},
    {0x1.ff933c0000000p+127f, "3.4e+38"},
    {0x1.0000000000000p-149f, "1e-45"},
    {0x0.0p+0f, "0.0"},
    {-0x0.0p+0f, "-0.0"},
    {0x1.0000000000000p+0f, "1.0"},
    {0x1.0000000000000p+24f, "16777216.0"},
    {0x1.3333340000000p-2f, "0.3"},
    {0x1.4000000000000p+1f, "2.5"},
    {0x1.4f8b580000000p-17f, "1e-05"},
    {0x1.cd5f9a0000000p-14f, "0.00011"},
};
static const struct {
  double v;
  const char *spec;
  const char *want;
} f64_cases[] = {
    {0x1.921f9f01b866ep+1, ".2f", "3.14"},
    {0x1.921f9f01b866ep+1, "10.3f", "     3.142"},
    {0x1.921f9f01b866ep+1, "<10.3f", "3.142     "},
    {0x1.921f9f01b866ep+1, "^12g", "  3.14159   "},
    {-0x1.921f9f01b866ep+1, "+.2f", "-3.14"},
    {0x1.4000000000000p+1, ".0f", "2"},
    {0x1.c000000000000p+1, ".0f", "4"},
    {0x1.0000000000000p-3, ".2f", "0.12"},
    {0x1.1c37937e08000p+53, "", "1e+16"},
    {0x1.1c37937e08000p+53, ".3", "1e+16"},
    {0x1.0000000000000p+0, ".3", "1.0"},
    {0x1.2d687e4189375p+20, ",.2f", "1,234,567.89"},
    {0x1.2d687e4189375p+20, "_.1f", "1_234_567.9"},
    {0x1.0000000000000p-1, "%", "50.000000%"},
    {0x1.f972474538ef3p-4, ".1%", "12.3%"},
    {0x1.81cd6c8b43958p+13, "e", "1.234568e+04"},
    {0x1.81cd6c8b43958p+13, "E", "1.234568E+04"},
    {0x1.4f8b588e368f1p-17, "g", "1e-05"},
    {0x1.4f8b588e368f1p-17, ".3g", "1e-05"},
    {0x1.d6f3454000000p+26, "g", "1.23457e+08"},
    {0x1.0000000000000p+0, "#.3g", "1.00"},
    {NAN, "+", "+nan"},
    {INFINITY, "010", "0000000inf"},
    {-INFINITY, "F", "-INF"},
    {-0x0.0p+0, "z.1f", "0.0"},
    {-0x1.a36e2eb1c432dp-14, "z.2f", "0.00"},
    {-0x0.0p+0, "", "-0.0"},
    {0x1.34a0000000000p+10, "010,.1f", "0,001,234.5"},
    {0x1.34a0000000000p+10, "08.3f", "1234.500"},
    {-0x1.34a0000000000p+10, "=+12.2f", "-    1234.50"},
    {0x1.8000000000000p+0, "*^9.2f", "**1.50***"},
    {0x1.9000000000000p+6, "n", "100"},
    {0x1.7e43c8800759cp+996, ".3e", "1.000e+300"},
    {0x0.0000000000001p-1022, ".3g", "4.94e-324"},
    {0x1.5666666666666p+1, ".2f", "2.67"},
    {0x1.0000000000000p+0, "#", "1.0"},
    {0x1.1c37937e08000p+53, "#", "1.e+16"},
    {0x0.0p+0, ".0e", "0e+00"},
    {0x1.3ff7ced916873p+3, ".2g", "10"},
    {0x1.8000000000000p+0, " g", " 1.5"},
};
static const struct {
  int64_t v;
  const char *spec;
  const char *want;
} i64_cases[] = {
    {0LL, "5d", "    0"},
    {42LL, "5d", "   42"},
    {-42LL, "05d", "-0042"},
    {1234567LL, ",d", "1,234,567"},
    {1234567LL, "_d", "1_234_567"},
    {INT64_MIN, "d", "-9223372036854775808"},
    {9223372036854775807LL, ",", "9,223,372,036,854,775,807"},
    {255LL, "x", "ff"},
    {255LL, "#x", "0xff"},
    {255LL, "#X", "0XFF"},
    {255LL, "b", "11111111"},
    {255LL, "#o", "0o377"},
    {255LL, "_b", "1111_1111"},
    {3735928559LL, "_x", "dead_beef"},
    {65LL, "c", "A"},
    {233LL, "c", "é"},
    {42LL, " d", " 42"},
    {42LL, "+d", "+42"},
    {-42LL, " d", "-42"},
    {1234LL, "08,", "0,001,234"},
    {1234LL, "010,", "00,001,234"},
    {42LL, "<8", "42      "},
    {42LL, "^8", "   42   "},
    {42LL, "*>8", "******42"},
    {42LL, "=+8", "+     42"},
    {42LL, ".2f", "42.00"},
    {42LL, "e", "4.200000e+01"},
    {42LL, "%", "4200.000000%"},
    {9007199254740993LL, ".0f", "9007199254740992"},
    {-7LL, "#010x", "-0x0000007"},
    {12LL, "n", "12"},
    {5LL, "05c", "0000"},
    {1234LL, "", "1234"},
};
static const struct {
  const char *v;
  const char *spec;
  const char *want;
} str_cases[] = {
    {"abc", "<8", "abc     "},   {"abc", ">8", "     abc"},      {"abc", "^8", "  abc   "},
    {"abc", "*^9", "***abc***"}, {"abcdef", ".3", "abc"},        {"abcdef", "8.2", "ab      "},
    {"héllo", ">7", "  héllo"},  {"日本語", "^7", "  日本語  "}, {"日本語", ".2", "日本"},
    {"abc", "", "abc"},          {"ab", "05", "ab000"},          {"a", "0>5", "0000a"},
    {"x", "é^5", "ééxéé"},
};
static const struct {
  int v;
  const char *spec;
  const char *want;
} bool_cases[] = {
    {1, "", "True"},    {0, "", "False"}, {1, ">6", "     1"},  {1, "d", "1"},
    {0, ".2f", "0.00"}, {1, "x", "1"},    {1, "^7", "   1   "},
};
static const struct {
  int kind;
  const char *spec;
  const char *msg;
} bad_specs[] = {
    {0, ".2d", "Precision not allowed in integer format specifier"},
    {0, "z", "Negative zero coercion (z) not allowed in integer format specifier"},
    {0, "+c", "Sign not allowed with integer format specifier 'c'"},
    {0, "q", "Unknown format code 'q' for object of type 'int'"},
    {0, "dd", "Invalid format specifier 'dd' for object of type 'int'"},
    {0, ",x", "Cannot specify ',' with 'x'."},
    {0, ",_", "Cannot specify both ',' and '_'."},
    {0, ".", "Format specifier missing precision"},
    {1, "f.", "Invalid format specifier 'f.' for object of type 'float'"},
    {1, "d", "Unknown format code 'd' for object of type 'float'"},
    {1, ",n", "Cannot specify ',' with 'n'."},
    {2, "+", "Sign not allowed in string format specifier"},
    {2, "=", "'=' alignment not allowed in string format specifier"},
    {2, "#", "Alternate form (#) not allowed in string format specifier"},
    {2, ",", "Cannot specify ',' with 's'."},
    {2, "d", "Unknown format code 'd' for object of type 'str'"},
    {3, "q", "Unknown format code 'q' for object of type 'bool'"},
    {0, "_c", "Cannot specify '_' with 'c'."},
    {0, "99999999999999999999", "Too many decimal digits in format string"},
};
static const struct {
  double v;
  int n;
  const char *want;
} round_cases[] = {
    {0x1.5666666666666p+1, 2, "2.67"},        {0x1.0000000000000p-1, 0, "0.0"},
    {0x1.8000000000000p+0, 0, "2.0"},         {0x1.4000000000000p+1, 0, "2.0"},
    {-0x1.0000000000000p-1, 0, "-0.0"},       {0x1.34a456d5cfaadp+10, -2, "1200.0"},
    {0x1.3880000000000p+10, -2, "1200.0"},    {0x1.5180000000000p+10, -2, "1400.0"},
    {0x1.3880000000000p+12, -4, "0.0"},       {0x1.d4c0000000000p+13, -4, "20000.0"},
    {0x1.0000000000000p-3, 2, "0.12"},        {0x1.8000000000000p-2, 2, "0.38"},
    {0x1.7e43c8800759cp+996, -300, "1e+300"}, {0x1.9e409301b5a02p-17, 7, "1.23e-05"},
    {-0x1.999999999999ap-2, 0, "-0.0"},       {0x1.edd2f1a9fbe77p+6, 10, "123.456"},
    {0x0.00000000007e8p-1022, 323, "1e-320"}, {0x1.c000000000000p+2, -400, "0.0"},
    {-0x1.c000000000000p+2, -400, "-0.0"},
};
static const struct {
  double a, b;
  const char *fdiv, *fmod;
} fdivmod_cases[] = {
    {0x1.e000000000000p+2, 0x1.0000000000000p+1, "3.0", "1.5"},
    {0x1.e000000000000p+2, -0x1.0000000000000p+1, "-4.0", "-0.5"},
    {0x1.e000000000000p+2, 0x1.999999999999ap-4, "74.0", "0.09999999999999959"},
    {0x1.e000000000000p+2, -0x1.999999999999ap-4, "-75.0", "-4.163336342344337e-16"},
    {0x1.e000000000000p+2, 0x0.0p+0, "!ZeroDivisionError: float floor division by zero",
     "!ZeroDivisionError: float modulo"},
    {0x1.e000000000000p+2, INFINITY, "0.0", "7.5"},
    {0x1.e000000000000p+2, -INFINITY, "-1.0", "-inf"},
    {-0x1.e000000000000p+2, 0x1.0000000000000p+1, "-4.0", "0.5"},
    {-0x1.e000000000000p+2, -0x1.0000000000000p+1, "3.0", "-1.5"},
    {-0x1.e000000000000p+2, 0x1.999999999999ap-4, "-75.0", "4.163336342344337e-16"},
    {-0x1.e000000000000p+2, -0x1.999999999999ap-4, "74.0", "-0.09999999999999959"},
    {-0x1.e000000000000p+2, 0x0.0p+0, "!ZeroDivisionError: float floor division by zero",
     "!ZeroDivisionError: float modulo"},
    {-0x1.e000000000000p+2, INFINITY, "-1.0", "inf"},
    {-0x1.e000000000000p+2, -INFINITY, "0.0", "-7.5"},
    {0x1.0000000000000p+1, 0x1.0000000000000p+1, "1.0", "0.0"},
    {0x1.0000000000000p+1, -0x1.0000000000000p+1, "-1.0", "-0.0"},
    {0x1.0000000000000p+1, 0x1.999999999999ap-4, "19.0", "0.0999999999999999"},
    {0x1.0000000000000p+1, -0x1.999999999999ap-4, "-20.0", "-1.1102230246251565e-16"},
    {0x1.0000000000000p+1, 0x0.0p+0, "!ZeroDivisionError: float floor division by zero",
     "!ZeroDivisionError: float modulo"},
    {0x1.0000000000000p+1, INFINITY, "0.0", "2.0"},
    {0x1.0000000000000p+1, -INFINITY, "-1.0", "-inf"},
    {-0x1.0000000000000p+1, 0x1.0000000000000p+1, "-1.0", "0.0"},
    {-0x1.0000000000000p+1, -0x1.0000000000000p+1, "1.0", "-0.0"},
    {-0x1.0000000000000p+1, 0x1.999999999999ap-4, "-20.0", "1.1102230246251565e-16"},
    {-0x1.0000000000000p+1, -0x1.999999999999ap-4, "19.0", "-0.0999999999999999"},
    {-0x1.0000000000000p+1, 0x0.0p+0, "!ZeroDivisionError: float floor division by zero",
     "!ZeroDivisionError: float modulo"},
    {-0x1.0000000000000p+1, INFINITY, "-1.0", "inf"},
    {-0x1.0000000000000p+1, -INFINITY, "0.0", "-2.0"},
    {0x0.0p+0, 0x1.0000000000000p+1, "0.0", "0.0"},
    {0x0.0p+0, -0x1.0000000000000p+1, "-0.0", "-0.0"},
    {0x0.0p+0, 0x1.999999999999ap-4, "0.0", "0.0"},
    {0x0.0p+0, -0x1.999999999999ap-4, "-0.0", "-0.0"},
    {0x0.0p+0, 0x0.0p+0, "!ZeroDivisionError: float floor division by zero",
     "!ZeroDivisionError: float modulo"},
    {0x0.0p+0, INFINITY, "0.0", "0.0"},
    {0x0.0p+0, -INFINITY, "-0.0", "-0.0"},
    {-0x0.0p+0, 0x1.0000000000000p+1, "-0.0", "0.0"},
    {-0x0.0p+0, -0x1.0000000000000p+1, "0.0", "-0.0"},
    {-0x0.0p+0, 0x1.999999999999ap-4, "-0.0", "0.0"},
    {-0x0.0p+0, -0x1.999999999999ap-4, "0.0", "-0.0"},
    {-0x0.0p+0, 0x0.0p+0, "!ZeroDivisionError: float floor division by zero",
     "!ZeroDivisionError: float modulo"},
    {-0x0.0p+0, INFINITY, "-0.0", "0.0"},
    {-0x0.0p+0, -INFINITY, "0.0", "-0.0"},
    {INFINITY, 0x1.0000000000000p+1, "nan", "nan"},
    {INFINITY, -0x1.0000000000000p+1, "nan", "nan"},
    {INFINITY, 0x1.999999999999ap-4, "nan", "nan"},
    {INFINITY, -0x1.999999999999ap-4, "nan", "nan"},
    {INFINITY, 0x0.0p+0, "!ZeroDivisionError: float floor division by zero",
     "!ZeroDivisionError: float modulo"},
    {INFINITY, INFINITY, "nan", "nan"},
    {INFINITY, -INFINITY, "nan", "nan"},
    {-INFINITY, 0x1.0000000000000p+1, "nan", "nan"},
    {-INFINITY, -0x1.0000000000000p+1, "nan", "nan"},
    {-INFINITY, 0x1.999999999999ap-4, "nan", "nan"},
    {-INFINITY, -0x1.999999999999ap-4, "nan", "nan"},
    {-INFINITY, 0x0.0p+0, "!ZeroDivisionError: float floor division by zero",
     "!ZeroDivisionError: float modulo"},
    {-INFINITY, INFINITY, "nan", "nan"},
    {-INFINITY, -INFINITY, "nan", "nan"},
    {0x1.999999999999ap-4, 0x1.0000000000000p+1, "0.0", "0.1"},
    {0x1.999999999999ap-4, -0x1.0000000000000p+1, "-1.0", "-1.9"},
    {0x1.999999999999ap-4, 0x1.999999999999ap-4, "1.0", "0.0"},
    {0x1.999999999999ap-4, -0x1.999999999999ap-4, "-1.0", "-0.0"},
    {0x1.999999999999ap-4, 0x0.0p+0, "!ZeroDivisionError: float floor division by zero",
     "!ZeroDivisionError: float modulo"},
    {0x1.999999999999ap-4, INFINITY, "0.0", "0.1"},
    {0x1.999999999999ap-4, -INFINITY, "-1.0", "-inf"},
    {-0x1.999999999999ap-4, 0x1.0000000000000p+1, "-1.0", "1.9"},
    {-0x1.999999999999ap-4, -0x1.0000000000000p+1, "0.0", "-0.1"},
    {-0x1.999999999999ap-4, 0x1.999999999999ap-4, "-1.0", "0.0"},
    {-0x1.999999999999ap-4, -0x1.999999999999ap-4, "1.0", "-0.0"},
    {-0x1.999999999999ap-4, 0x0.0p+0, "!ZeroDivisionError: float floor division by zero",
     "!ZeroDivisionError: float modulo"},
    {-0x1.999999999999ap-4, INFINITY, "-1.0", "inf"},
    {-0x1.999999999999ap-4, -INFINITY, "0.0", "-0.1"},
};
static const struct {
  int64_t a, b;
  const char *idiv, *imod;
} idivmod_cases[] = {
    {7LL, 2LL, "3", "1"},
    {7LL, -2LL, "-4", "-1"},
    {7LL, 3LL, "2", "1"},
    {7LL, -3LL, "-3", "-2"},
    {7LL, 1LL, "7", "0"},
    {7LL, -1LL, "-7", "0"},
    {7LL, 0LL, "!ZeroDivisionError: integer division or modulo by zero",
     "!ZeroDivisionError: integer modulo by zero"},
    {7LL, 9223372036854775807LL, "0", "7"},
    {-7LL, 2LL, "-4", "1"},
    {-7LL, -2LL, "3", "-1"},
    {-7LL, 3LL, "-3", "2"},
    {-7LL, -3LL, "2", "-1"},
    {-7LL, 1LL, "-7", "0"},
    {-7LL, -1LL, "7", "0"},
    {-7LL, 0LL, "!ZeroDivisionError: integer division or modulo by zero",
     "!ZeroDivisionError: integer modulo by zero"},
    {-7LL, 9223372036854775807LL, "-1", "9223372036854775800"},
    {6LL, 2LL, "3", "0"},
    {6LL, -2LL, "-3", "0"},
    {6LL, 3LL, "2", "0"},
    {6LL, -3LL, "-2", "0"},
    {6LL, 1LL, "6", "0"},
    {6LL, -1LL, "-6", "0"},
    {6LL, 0LL, "!ZeroDivisionError: integer division or modulo by zero",
     "!ZeroDivisionError: integer modulo by zero"},
    {6LL, 9223372036854775807LL, "0", "6"},
    {-6LL, 2LL, "-3", "0"},
    {-6LL, -2LL, "3", "0"},
    {-6LL, 3LL, "-2", "0"},
    {-6LL, -3LL, "2", "0"},
    {-6LL, 1LL, "-6", "0"},
    {-6LL, -1LL, "6", "0"},
    {-6LL, 0LL, "!ZeroDivisionError: integer division or modulo by zero",
     "!ZeroDivisionError: integer modulo by zero"},
    {-6LL, 9223372036854775807LL, "-1", "9223372036854775801"},
    {0LL, 2LL, "0", "0"},
    {0LL, -2LL, "0", "0"},
    {0LL, 3LL, "0", "0"},
    {0LL, -3LL, "0", "0"},
    {0LL, 1LL, "0", "0"},
    {0LL, -1LL, "0", "0"},
    {0LL, 0LL, "!ZeroDivisionError: integer division or modulo by zero",
     "!ZeroDivisionError: integer modulo by zero"},
    {0LL, 9223372036854775807LL, "0", "0"},
    {1LL, 2LL, "0", "1"},
    {1LL, -2LL, "-1", "-1"},
    {1LL, 3LL, "0", "1"},
    {1LL, -3LL, "-1", "-2"},
    {1LL, 1LL, "1", "0"},
    {1LL, -1LL, "-1", "0"},
    {1LL, 0LL, "!ZeroDivisionError: integer division or modulo by zero",
     "!ZeroDivisionError: integer modulo by zero"},
    {1LL, 9223372036854775807LL, "0", "1"},
    {-1LL, 2LL, "-1", "1"},
    {-1LL, -2LL, "0", "-1"},
    {-1LL, 3LL, "-1", "2"},
    {-1LL, -3LL, "0", "-1"},
    {-1LL, 1LL, "-1", "0"},
    {-1LL, -1LL, "1", "0"},
    {-1LL, 0LL, "!ZeroDivisionError: integer division or modulo by zero",
     "!ZeroDivisionError: integer modulo by zero"},
    {-1LL, 9223372036854775807LL, "-1", "9223372036854775806"},
    {9223372036854775807LL, 2LL, "4611686018427387903", "1"},
    {9223372036854775807LL, -2LL, "-4611686018427387904", "-1"},
    {9223372036854775807LL, 3LL, "3074457345618258602", "1"},
    {9223372036854775807LL, -3LL, "-3074457345618258603", "-2"},
    {9223372036854775807LL, 1LL, "9223372036854775807", "0"},
    {9223372036854775807LL, -1LL, "-9223372036854775807", "0"},
    {9223372036854775807LL, 0LL, "!ZeroDivisionError: integer division or modulo by zero",
     "!ZeroDivisionError: integer modulo by zero"},
    {9223372036854775807LL, 9223372036854775807LL, "1", "0"},
    {-9223372036854775807LL, 2LL, "-4611686018427387904", "1"},
    {-9223372036854775807LL, -2LL, "4611686018427387903", "-1"},
    {-9223372036854775807LL, 3LL, "-3074457345618258603", "2"},
    {-9223372036854775807LL, -3LL, "3074457345618258602", "-1"},
    {-9223372036854775807LL, 1LL, "-9223372036854775807", "0"},
    {-9223372036854775807LL, -1LL, "9223372036854775807", "0"},
    {-9223372036854775807LL, 0LL, "!ZeroDivisionError: integer division or modulo by zero",
     "!ZeroDivisionError: integer modulo by zero"},
    {-9223372036854775807LL, 9223372036854775807LL, "-1", "0"},
};
static const struct {
  double a, b;
  const char *want;
} fpow_cases[] = {
    {0x1.0000000000000p+1, 0x1.4000000000000p+3, "1024.0"},
    {0x0.0p+0, -0x1.0000000000000p+0,
     "!ZeroDivisionError: 0.0 cannot be raised to a negative power"},
    {-0x1.0000000000000p+3, 0x1.5555555555555p-2, "!ValueError: math domain error"},
    {0x1.0000000000000p+1, 0x1.3880000000000p+13,
     "!OverflowError: (34, 'Numerical result out of range')"},
    {-0x1.0000000000000p+1, 0x1.8000000000000p+1, "-8.0"},
    {-0x1.0000000000000p+0, 0x1.7e43c8800759cp+996, "1.0"},
    {0x0.0p+0, 0x0.0p+0, "1.0"},
    {NAN, 0x0.0p+0, "1.0"},
    {0x1.0000000000000p+0, NAN, "1.0"},
    {-0x0.0p+0, 0x1.8000000000000p+1, "-0.0"},
    {-0x0.0p+0, -0x1.8000000000000p+1,
     "!ZeroDivisionError: 0.0 cannot be raised to a negative power"},
    {-INFINITY, 0x1.8000000000000p+1, "-inf"},
    {-INFINITY, -0x1.8000000000000p+1, "-0.0"},
    {0x1.0000000000000p-1, INFINITY, "0.0"},
    {0x1.0000000000000p+1, -0x1.0e00000000000p+10, "0.0"},
};
static const struct {
  const char *fn;
  double x;
  const char *want;
} math1_cases[] = {
    {"sqrt", -0x1.0000000000000p+0, "!ValueError: math domain error"},
    {"sqrt", 0x1.0000000000000p+1, "1.4142135623730951"},
    {"log", 0x0.0p+0, "!ValueError: math domain error"},
    {"log", -0x1.0000000000000p+0, "!ValueError: math domain error"},
    {"log", 0x1.5bf0a8b145769p+1, "1.0"},
    {"exp", 0x1.f400000000000p+9, "!OverflowError: math range error"},
    {"exp", -0x1.f400000000000p+9, "0.0"},
    {"acos", 0x1.0000000000000p+1, "!ValueError: math domain error"},
    {"gamma", 0x0.0p+0, "!ValueError: math domain error"},
    {"gamma", -0x1.0000000000000p+0, "!ValueError: math domain error"},
    {"gamma", 0x1.4000000000000p+2, "24.0"},
    {"gamma", 0x1.5800000000000p+7, "!OverflowError: math range error"},
    {"lgamma", 0x0.0p+0, "!ValueError: math domain error"},
    {"atanh", 0x1.0000000000000p+0, "!ValueError: math domain error"},
    {"cosh", 0x1.f400000000000p+9, "!OverflowError: math range error"},
    {"tan", INFINITY, "!ValueError: math domain error"},
    {"log1p", -0x1.0000000000000p+0, "!ValueError: math domain error"},
    {"sqrt", -0x0.0p+0, "-0.0"},
    {"degrees", 0x1.921fb54442d18p+1, "180.0"},
    {"radians", 0x1.6800000000000p+7, "3.141592653589793"},
    {"exp2", 0x1.0000000000000p+10, "!OverflowError: math range error"},
    {"erfc", -0x1.1ccf385ebc8a0p+1023, "2.0"},
};
static const struct {
  const char *fn;
  double x, y;
  const char *want;
} math2_cases[] = {
    {"pow", 0x0.0p+0, -0x1.0000000000000p+0, "!ValueError: math domain error"},
    {"pow", -0x1.0000000000000p+3, 0x1.5555555555555p-2, "!ValueError: math domain error"},
    {"pow", 0x1.4000000000000p+3, 0x1.9000000000000p+8, "!OverflowError: math range error"},
    {"fmod", 0x1.0000000000000p+0, 0x0.0p+0, "!ValueError: math domain error"},
    {"fmod", 0x1.6000000000000p+2, INFINITY, "5.5"},
    {"remainder", 0x1.0000000000000p+0, 0x0.0p+0, "!ValueError: math domain error"},
    {"remainder", 0x1.c000000000000p+2, 0x1.0000000000000p+1, "-1.0"},
    {"atan2", 0x1.0000000000000p+0, -0x1.0000000000000p+0, "2.356194490192345"},
    {"hypot", 0x1.8000000000000p+1, 0x1.0000000000000p+2, "5.0"},
    {"copysign", 0x1.0000000000000p+0, -0x0.0p+0, "-1.0"},
    {"ldexp_f", 0x1.0000000000000p+0, 0x1.3880000000000p+12, "!OverflowError: math range error"},
    {"ldexp_f", 0x1.0000000000000p+0, -0x1.3880000000000p+12, "0.0"},
    {"ldexp_f", 0x1.8000000000000p+1, 0x1.0000000000000p+2, "48.0"},
    {"log_base", 0x1p+3, 0x1p+1, "3.0"},
    {"log_base", 0x1p+3, 0x1p+0, "!ZeroDivisionError: float division by zero"},
};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

static void test_repr(void) {
  char d[64];
  for (size_t i = 0; i < COUNT(repr_cases); i++) {
    pyc_buf_f64(repr_cases[i].v);
    snprintf(d, sizeof d, "%a", repr_cases[i].v);
    expect(repr_cases[i].want, "repr", d);
  }
  for (size_t i = 0; i < COUNT(repr32_cases); i++) {
    pyc_buf_f32(repr32_cases[i].v);
    snprintf(d, sizeof d, "%a", (double)repr32_cases[i].v);
    expect(repr32_cases[i].want, "repr32", d);
  }
}

static void test_format(void) {
  char d[96];
  for (size_t i = 0; i < COUNT(f64_cases); i++) {
    pyc_buf_fmt_f64(f64_cases[i].v, f64_cases[i].spec);
    snprintf(d, sizeof d, "%a, '%s'", f64_cases[i].v, f64_cases[i].spec);
    expect(f64_cases[i].want, "format_f64", d);
  }
  for (size_t i = 0; i < COUNT(i64_cases); i++) {
    pyc_buf_fmt_i64(i64_cases[i].v, i64_cases[i].spec);
    snprintf(d, sizeof d, "%lld, '%s'", (long long)i64_cases[i].v, i64_cases[i].spec);
    expect(i64_cases[i].want, "format_i64", d);
  }
  for (size_t i = 0; i < COUNT(str_cases); i++) {
    pyc_buf_fmt_str(str_cases[i].v, -1, str_cases[i].spec);
    snprintf(d, sizeof d, "'%s', '%s'", str_cases[i].v, str_cases[i].spec);
    expect(str_cases[i].want, "format_str", d);
  }
  for (size_t i = 0; i < COUNT(bool_cases); i++) {
    pyc_buf_fmt_bool(bool_cases[i].v, bool_cases[i].spec);
    snprintf(d, sizeof d, "%d, '%s'", bool_cases[i].v, bool_cases[i].spec);
    expect(bool_cases[i].want, "format_bool", d);
  }
  pyc_buf_fmt_u64(UINT64_MAX, ",");
  expect("18,446,744,073,709,551,615", "format_u64", "max");
  pyc_buf_fmt_u64(UINT64_MAX, "#x");
  expect("0xffffffffffffffff", "format_u64", "#x");
  pyc_buf_fmt_i64(-1, "c");
  expect("!OverflowError: %c arg not in range(0x110000)", "format_i64", "-1 c");
  pyc_buf_fmt_f64(1.0, "d");
  expect("!ValueError: Unknown format code 'd' for object of type 'float'", "format_f64", "d");
}

static void test_bad_specs(void) {
  char msg[256];
  for (size_t i = 0; i < COUNT(bad_specs); i++) {
    checks++;
    int ok = pyc_buf_spec_error(bad_specs[i].spec, bad_specs[i].kind, msg, sizeof msg);
    if (ok || strcmp(msg, bad_specs[i].msg) != 0 ||
        pyc_buf_spec_ok(bad_specs[i].spec, bad_specs[i].kind)) {
      fprintf(stderr, "FAIL spec '%s' kind %d: ok=%d msg \"%s\", want \"%s\"\n", bad_specs[i].spec,
              bad_specs[i].kind, ok, msg, bad_specs[i].msg);
      failures++;
    }
  }
  // Validity per kind, from CPython: {spec, int ok, float ok, str ok}.
  static const struct {
    const char *spec;
    int i, f, s;
  } good[] = {
      {"", 1, 1, 1},     {".6f", 1, 1, 0}, {"5d", 1, 0, 0}, {">10.3e", 1, 1, 0}, {"+.2f", 1, 1, 0},
      {"^12g", 1, 1, 0}, {",d", 1, 0, 0},  {"_d", 1, 0, 0}, {"08.3f", 1, 1, 0},  {".0f", 1, 1, 0},
      {".3g", 1, 1, 0},  {"e", 1, 1, 0},   {"%", 1, 1, 0},  {" d", 1, 0, 0},     {"x", 1, 0, 0},
      {"#x", 1, 0, 0},   {"<8", 1, 1, 1},  {".3", 0, 1, 1}, {"s", 0, 0, 1},      {">5s", 0, 0, 1},
  };
  for (size_t i = 0; i < COUNT(good); i++) {
    checks++;
    int gi = pyc_buf_spec_ok(good[i].spec, PYC_SPEC_INT);
    int gf = pyc_buf_spec_ok(good[i].spec, PYC_SPEC_FLOAT);
    int gs = pyc_buf_spec_ok(good[i].spec, PYC_SPEC_STR);
    int gb = pyc_buf_spec_ok(good[i].spec, PYC_SPEC_BOOL);
    if (gi != good[i].i || gf != good[i].f || gs != good[i].s || gb != good[i].i) {
      fprintf(stderr, "FAIL spec_ok '%s': int %d float %d str %d bool %d\n", good[i].spec, gi, gf,
              gs, gb);
      failures++;
    }
  }
}

static void test_round(void) {
  char d[64];
  for (size_t i = 0; i < COUNT(round_cases); i++) {
    double r = pyc_round_f64(round_cases[i].v, round_cases[i].n);
    if (!pyc_err_occurred()) pyc_buf_f64(r);
    snprintf(d, sizeof d, "%a, %d", round_cases[i].v, round_cases[i].n);
    expect(round_cases[i].want, "round", d);
  }
  (void)pyc_round_f64(1.7976931348623157e308, -308);
  expect("!OverflowError: rounded value too large to represent", "round", "max,-308");
  struct {
    double v;
    const char *want;
  } ri[] = {{0.5, "0"},
            {1.5, "2"},
            {2.5, "2"},
            {-2.5, "-2"},
            {-3.5, "-4"},
            {2.675, "3"},
            {4503599627370497.0, "4503599627370497"},
            {NAN, "!ValueError: cannot convert float NaN to integer"},
            {INFINITY, "!OverflowError: cannot convert float infinity to integer"},
            {1e19, "!OverflowError: Python int too large to convert to C long"}};
  for (size_t i = 0; i < COUNT(ri); i++) {
    int64_t r = pyc_round_to_i64(ri[i].v);
    if (!pyc_err_occurred()) pyc_buf_i64(r);
    snprintf(d, sizeof d, "%a", ri[i].v);
    expect(ri[i].want, "round_to_i64", d);
  }
  int64_t t = pyc_f64_to_i64(-2.9);
  pyc_buf_i64(t);
  expect("-2", "f64_to_i64", "-2.9");
  (void)pyc_f64_to_i64(-INFINITY);
  expect("!OverflowError: cannot convert float infinity to integer", "f64_to_i64", "-inf");
  pyc_buf_i64(pyc_f64_to_i64(-9223372036854775808.0));
  expect("-9223372036854775808", "f64_to_i64", "-2^63");
  pyc_buf_i64(pyc_math_floor_i64(-0.5));
  expect("-1", "floor_i64", "-0.5");
  pyc_buf_i64(pyc_math_ceil_i64(-0.5));
  expect("0", "ceil_i64", "-0.5");
}

static void test_divmod(void) {
  char d[96];
  for (size_t i = 0; i < COUNT(fdivmod_cases); i++) {
    double a = fdivmod_cases[i].a, b = fdivmod_cases[i].b;
    snprintf(d, sizeof d, "%a, %a", a, b);
    double q = pyc_floordiv_f64(a, b);
    if (!pyc_err_occurred()) pyc_buf_f64(q);
    expect(fdivmod_cases[i].fdiv, "floordiv_f64", d);
    double m = pyc_mod_f64(a, b);
    if (!pyc_err_occurred()) pyc_buf_f64(m);
    expect(fdivmod_cases[i].fmod, "mod_f64", d);
  }
  for (size_t i = 0; i < COUNT(idivmod_cases); i++) {
    int64_t a = idivmod_cases[i].a, b = idivmod_cases[i].b;
    snprintf(d, sizeof d, "%lld, %lld", (long long)a, (long long)b);
    int64_t q = pyc_floordiv_i64(a, b);
    if (!pyc_err_occurred()) pyc_buf_i64(q);
    expect(idivmod_cases[i].idiv, "floordiv_i64", d);
    int64_t m = pyc_mod_i64(a, b);
    if (!pyc_err_occurred()) pyc_buf_i64(m);
    expect(idivmod_cases[i].imod, "mod_i64", d);
  }
  // numpy-style wrap where Python would grow a big int.
  pyc_buf_i64(pyc_floordiv_i64(INT64_MIN, -1));
  expect("-9223372036854775808", "floordiv_i64", "min,-1");
  pyc_buf_i64(pyc_mod_i64(INT64_MIN, -1));
  expect("0", "mod_i64", "min,-1");
  pyc_buf_f64(pyc_truediv_i64(1, 3));
  expect("0.3333333333333333", "truediv_i64", "1,3");
  pyc_buf_f64(pyc_truediv_i64(INT64_MAX, 3));  // Python: 9223372036854775807 / 3
  expect("3.0744573456182584e+18", "truediv_i64", "max,3");
  pyc_buf_f64(pyc_truediv_i64(0, -5));
  expect("-0.0", "truediv_i64", "0,-5");
  (void)pyc_truediv_i64(1, 0);
  expect("!ZeroDivisionError: division by zero", "truediv_i64", "1,0");
  (void)pyc_div_f64(1.0, 0.0);
  expect("!ZeroDivisionError: float division by zero", "div_f64", "1,0");
  pyc_buf_i64(pyc_ipow(3, 40));  // wraps mod 2^64 like numpy int64
  expect("-6289078614652622815", "ipow", "3,40");
  pyc_buf_i64(pyc_ipow(-2, 63));
  expect("-9223372036854775808", "ipow", "-2,63");
  pyc_buf_i64(pyc_ipow(0, 0));
  expect("1", "ipow", "0,0");
  (void)pyc_ipow(2, -1);
  expect("!ValueError: Integers to negative integer powers are not allowed.", "ipow", "2,-1");
}

static void test_pow_math(void) {
  char d[96];
  for (size_t i = 0; i < COUNT(fpow_cases); i++) {
    double r = pyc_fpow(fpow_cases[i].a, fpow_cases[i].b);
    if (!pyc_err_occurred()) pyc_buf_f64(r);
    snprintf(d, sizeof d, "%a, %a", fpow_cases[i].a, fpow_cases[i].b);
    expect(fpow_cases[i].want, "fpow", d);
  }
  for (size_t i = 0; i < COUNT(math1_cases); i++) {
    int id = -1;
    for (int k = 0; k < PYC_MATH_1_COUNT; k++)
      if (strcmp(pyc_math_name(1, k), math1_cases[i].fn) == 0) id = k;
    double r = pyc_math_1(id, math1_cases[i].x);
    if (!pyc_err_occurred()) pyc_buf_f64(r);
    snprintf(d, sizeof d, "%s(%a)", math1_cases[i].fn, math1_cases[i].x);
    expect(math1_cases[i].want, "math_1", d);
  }
  for (size_t i = 0; i < COUNT(math2_cases); i++) {
    int id = -1;
    for (int k = 0; k < PYC_MATH_2_COUNT; k++)
      if (strcmp(pyc_math_name(2, k), math2_cases[i].fn) == 0) id = k;
    double r = pyc_math_2(id, math2_cases[i].x, math2_cases[i].y);
    if (!pyc_err_occurred()) pyc_buf_f64(r);
    snprintf(d, sizeof d, "%s(%a, %a)", math2_cases[i].fn, math2_cases[i].x, math2_cases[i].y);
    expect(math2_cases[i].want, "math_2", d);
  }
  pyc_buf_i64(pyc_math_factorial(20));
  expect("2432902008176640000", "factorial", "20");
  (void)pyc_math_factorial(-1);
  expect("!ValueError: factorial() not defined for negative values", "factorial", "-1");
  pyc_buf_i64(pyc_math_comb(60, 30));
  expect("118264581564861424", "comb", "60,30");
  pyc_buf_i64(pyc_math_perm(10, 3));
  expect("720", "perm", "10,3");
  (void)pyc_math_comb(5, -1);
  expect("!ValueError: k must be a non-negative integer", "comb", "5,-1");
  pyc_buf_i64(pyc_math_gcd(-12, 18));
  expect("6", "gcd", "-12,18");
  pyc_buf_i64(pyc_math_isqrt(INT64_MAX));
  expect("3037000499", "isqrt", "max");
  (void)pyc_math_isqrt(-1);
  expect("!ValueError: isqrt() argument must be nonnegative", "isqrt", "-1");
  pyc_buf_bool(pyc_math_isclose(1.0, 1.0 + 1e-10, 1e-9, 0.0));
  expect("True", "isclose", "1,1+1e-10");
  (void)pyc_math_isclose(1.0, 1.0, -1.0, 0.0);
  expect("!ValueError: tolerances must be non-negative", "isclose", "neg tol");
  pyc_buf_f64(pyc_math_sqrt(2.0));  // direct entry points exist too
  expect("1.4142135623730951", "pyc_math_sqrt", "2");
}

int main(void) {
  test_repr();
  test_format();
  test_bad_specs();
  test_round();
  test_divmod();
  test_pow_math();
  if (failures) {
    fprintf(stderr, "test_runtime_format: %d of %d checks failed\n", failures, checks);
    return 1;
  }
  printf("test_runtime_format: %d checks passed\n", checks);
  return 0;
}
