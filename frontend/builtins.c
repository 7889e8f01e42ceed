// builtins.c - the library names the checker knows: scalar type spellings,
// the math module (signature per function), math constants, builtin
// exception classes, and the members of the modules a compiled function may
// use (math, numpy, pyc_task). Pure const tables plus small lookups; the
// checker turns a hit into a Symbol (SYM_BUILTIN with the canonical name
// "math.sqrt", "numpy.zeros", "pyc_task.prange"; SYM_TYPE; SYM_CONST).
#include "check.h"

#include <math.h>

#include "pyc/runtime.h"

// ---- scalar type names ---------------------------------------------------------
typedef struct ScalarName {
  const char *name;
  char kind;  // 'b' bool, 'i' signed, 'u' unsigned, 'f' float
  uint8_t bits;
} ScalarName;

// The first NAMES_PT entries are pyc_task's spellings (also accepted bare);
// the rest exist only as numpy attributes (np.double, np.intc, ...).
static const ScalarName scalar_names[] = {
    {"bool", 'b', 1},      {"bool_", 'b', 1},      {"int", 'i', 64},    {"float", 'f', 64},
    {"int8", 'i', 8},      {"int16", 'i', 16},     {"int32", 'i', 32},  {"int64", 'i', 64},
    {"uint8", 'u', 8},     {"uint16", 'u', 16},    {"uint32", 'u', 32}, {"uint64", 'u', 64},
    {"float32", 'f', 32},  {"float64", 'f', 64},   {"i8", 'i', 8},      {"i16", 'i', 16},
    {"i32", 'i', 32},      {"i64", 'i', 64},       {"u8", 'u', 8},      {"u16", 'u', 16},
    {"u32", 'u', 32},      {"u64", 'u', 64},       {"f32", 'f', 32},    {"f64", 'f', 64},
    {"double", 'f', 64},   {"single", 'f', 32},    {"int_", 'i', 64},   {"float_", 'f', 64},
    {"intp", 'i', 64},     {"uintp", 'u', 64},     {"byte", 'i', 8},    {"ubyte", 'u', 8},
    {"short", 'i', 16},    {"ushort", 'u', 16},    {"intc", 'i', 32},   {"uintc", 'u', 32},
    {"longlong", 'i', 64}, {"ulonglong", 'u', 64},
};
#define NAMES_PT 24

static const Type *scalar_in(TypeTable *tt, const char *name, size_t n) {
  if (!name) return NULL;
  for (size_t i = 0; i < n; i++) {
    const ScalarName *s = &scalar_names[i];
    if (strcmp(s->name, name) != 0) continue;
    switch (s->kind) {
    case 'b': return tt->t_bool;
    case 'f': return type_float(tt, s->bits);
    default: return type_int(tt, s->bits, s->kind == 'i');
    }
  }
  return NULL;
}

const Type *fe_scalar_name(TypeTable *tt, const char *name) { return scalar_in(tt, name, NAMES_PT); }

// Pygion's point types int1d / int2d / int3d (region fields holding points):
// the rank, or 0.
unsigned fe_point_name(const char *name) {
  if (!name || strncmp(name, "int", 3) != 0 || name[3] < '1' || name[3] > '3') return 0;
  return strcmp(name + 4, "d") == 0 ? (unsigned)(name[3] - '0') : 0;
}

static const Type *numpy_scalar_name(TypeTable *tt, const char *name) {
  return scalar_in(tt, name, sizeof scalar_names / sizeof *scalar_names);
}

// ---- math ---------------------------------------------------------------------
// Python 3.11's math module, minus the functions that take iterables
// (fsum, prod, dist), which have no scalar form.
static const MathFn math_fns[] = {
    {"sqrt", "F", 1, 1, MR_F64},       {"exp", "F", 1, 1, MR_F64},
    {"exp2", "F", 1, 1, MR_F64},       {"expm1", "F", 1, 1, MR_F64},
    {"log", "FF", 1, 2, MR_F64},       {"log2", "F", 1, 1, MR_F64},
    {"log10", "F", 1, 1, MR_F64},      {"log1p", "F", 1, 1, MR_F64},
    {"sin", "F", 1, 1, MR_F64},        {"cos", "F", 1, 1, MR_F64},
    {"tan", "F", 1, 1, MR_F64},        {"asin", "F", 1, 1, MR_F64},
    {"acos", "F", 1, 1, MR_F64},       {"atan", "F", 1, 1, MR_F64},
    {"sinh", "F", 1, 1, MR_F64},       {"cosh", "F", 1, 1, MR_F64},
    {"tanh", "F", 1, 1, MR_F64},       {"asinh", "F", 1, 1, MR_F64},
    {"acosh", "F", 1, 1, MR_F64},      {"atanh", "F", 1, 1, MR_F64},
    {"erf", "F", 1, 1, MR_F64},        {"erfc", "F", 1, 1, MR_F64},
    {"gamma", "F", 1, 1, MR_F64},      {"lgamma", "F", 1, 1, MR_F64},
    {"fabs", "F", 1, 1, MR_F64},       {"degrees", "F", 1, 1, MR_F64},
    {"radians", "F", 1, 1, MR_F64},    {"cbrt", "F", 1, 1, MR_F64},
    {"ulp", "F", 1, 1, MR_F64},        {"atan2", "FF", 2, 2, MR_F64},
    {"copysign", "FF", 2, 2, MR_F64},  {"fmod", "FF", 2, 2, MR_F64},
    {"pow", "FF", 2, 2, MR_F64},       {"remainder", "FF", 2, 2, MR_F64},
    {"nextafter", "FF", 2, 2, MR_F64}, {"hypot", "F", 0, 255, MR_F64},
    {"ldexp", "FI", 2, 2, MR_F64},     {"floor", "N", 1, 1, MR_I64},
    {"ceil", "N", 1, 1, MR_I64},       {"trunc", "N", 1, 1, MR_I64},
    {"factorial", "I", 1, 1, MR_I64},  {"isqrt", "I", 1, 1, MR_I64},
    {"gcd", "I", 0, 255, MR_I64},      {"lcm", "I", 0, 255, MR_I64},
    {"comb", "II", 2, 2, MR_I64},      {"perm", "II", 1, 2, MR_I64},
    {"isnan", "F", 1, 1, MR_BOOL},     {"isinf", "F", 1, 1, MR_BOOL},
    {"isfinite", "F", 1, 1, MR_BOOL},  {"isclose", "FF", 2, 2, MR_BOOL},
    {"frexp", "F", 1, 1, MR_FREXP},    {"modf", "F", 1, 1, MR_MODF},
};

const MathFn *fe_math_fn(const char *name) {
  for (size_t i = 0; i < sizeof math_fns / sizeof *math_fns; i++)
    if (strcmp(math_fns[i].name, name) == 0) return &math_fns[i];
  return NULL;
}

bool fe_math_const(const char *name, double *val) {
  static const struct {
    const char *name;
    double v;
  } consts[] = {
      {"pi", 3.141592653589793},
      {"e", 2.718281828459045},
      {"tau", 6.283185307179586},
      {"inf", HUGE_VAL},
      {"nan", NAN},
  };
  for (size_t i = 0; i < sizeof consts / sizeof *consts; i++)
    if (strcmp(consts[i].name, name) == 0) {
      *val = consts[i].v;
      return true;
    }
  return false;
}

// ---- exceptions ------------------------------------------------------------------
static const struct {
  const char *name;
  int kind;
} exceptions[] = {
    {"ValueError", PYC_EXC_VALUE},       {"ZeroDivisionError", PYC_EXC_ZERO_DIVISION},
    {"IndexError", PYC_EXC_INDEX},       {"AssertionError", PYC_EXC_ASSERTION},
    {"RuntimeError", PYC_EXC_RUNTIME},   {"TypeError", PYC_EXC_TYPE},
    {"OverflowError", PYC_EXC_OVERFLOW}, {"ArithmeticError", PYC_EXC_ARITHMETIC},
    {"KeyError", PYC_EXC_KEY},           {"NotImplementedError", PYC_EXC_NOT_IMPLEMENTED},
    {"MemoryError", PYC_EXC_MEMORY},     {"RecursionError", PYC_EXC_RECURSION},
    {"Exception", PYC_EXC_EXCEPTION},
};

int fe_exception_kind(const char *name) {
  for (size_t i = 0; i < sizeof exceptions / sizeof *exceptions; i++)
    if (strcmp(exceptions[i].name, name) == 0) return exceptions[i].kind;
  return -1;
}

const char *fe_exception_list(void) {
  return "ValueError, ZeroDivisionError, IndexError, AssertionError, RuntimeError, "
         "TypeError, OverflowError, ArithmeticError, KeyError, NotImplementedError, "
         "MemoryError, RecursionError, Exception";
}

// Python builtins outside the subset, with what to write instead.
const char *fe_unsupported_builtin(const char *name) {
  static const struct {
    const char *name, *hint;
  } b[] = {
      {"sum", "accumulate in a for loop"},
      {"divmod", "use // and %"},
      {"pow", "use **"},
      {"enumerate", "loop over range(len(a))"},
      {"zip", "loop over range(n) and index each array"},
      {"sorted", "sort in a loop"},
      {"reversed", "use range(n - 1, -1, -1)"},
      {"any", "use a loop"},
      {"all", "use a loop"},
      {"map", "use a loop"},
      {"filter", "use a loop"},
      {"list", "use an array (np.empty(n))"},
      {"dict", NULL},
      {"set", NULL},
      {"tuple", "write a tuple literal (a, b)"},
      {"str", "print numbers directly or use an f-string in print()"},
      {"repr", "use an f-string field with !r in print()"},
      {"format", "use an f-string in print()"},
      {"isinstance", "types are known at compile time"},
      {"type", "types are known at compile time"},
      {"input", NULL},
      {"open", NULL},
      {"hex", "use an f-string with :x"},
      {"bin", "use an f-string with :b"},
      {"oct", "use an f-string with :o"},
      {"chr", NULL},
      {"ord", NULL},
      {"complex", NULL},
      {"iter", NULL},
      {"next", NULL},
      {"hash", NULL},
      {"id", NULL},
      {"getattr", NULL},
      {"setattr", NULL},
      {"hasattr", NULL},
      {"exit", "raise an exception or return from main()"},
      {"quit", "raise an exception or return from main()"},
  };
  for (size_t i = 0; i < sizeof b / sizeof *b; i++)
    if (strcmp(b[i].name, name) == 0) return b[i].hint ? b[i].hint : "";
  return NULL;
}

// ---- modules ----------------------------------------------------------------------
const char *fe_known_module(const char *name) {
  static const char *const known[] = {"math", "numpy", "pyc_task", "pyc_task.types"};
  for (size_t i = 0; i < sizeof known / sizeof *known; i++)
    if (strcmp(known[i], name) == 0) return known[i];
  return NULL;
}

static bool in_list(const char *name, const char *const *list) {
  for (; *list; list++)
    if (strcmp(*list, name) == 0) return true;
  return false;
}

Symbol *ck_module_member(Checker *ck, const char *module, const char *member, SrcLoc loc) {
  Interner *in = ck->fe->strs;
  const char *canon = intern_cstr(in, arena_printf(ck->fe->arena, "%s.%s", module, member));
  if (strcmp(module, "math") == 0) {
    double v;
    if (fe_math_fn(member)) return ck_sym_new(ck, SYM_BUILTIN, canon, NULL, loc);
    if (fe_math_const(member, &v)) {
      Symbol *s = ck_sym_new(ck, SYM_CONST, canon, ck->tt->t_f64, loc);
      s->cval_f = v;
      return s;
    }
    return NULL;
  }
  if (strcmp(module, "numpy") == 0) {
    static const char *const fns[] = {"empty", "zeros", "ones", "full", "arange", NULL};
    if (in_list(member, fns)) return ck_sym_new(ck, SYM_BUILTIN, canon, NULL, loc);
    double v;
    if (strcmp(member, "tau") != 0 && fe_math_const(member, &v)) {
      Symbol *s = ck_sym_new(ck, SYM_CONST, canon, ck->tt->t_f64, loc);
      s->cval_f = v;
      return s;
    }
    const Type *t = numpy_scalar_name(ck->tt, member);
    // numpy.int / numpy.float / numpy.bool are gone from numpy; only sized names.
    if (t && strcmp(member, "int") != 0 && strcmp(member, "float") != 0 &&
        strcmp(member, "bool") != 0)
      return ck_sym_new(ck, SYM_TYPE, canon, t, loc);
    return NULL;
  }
  if (strncmp(module, "pyc_task", 8) == 0) {
    static const char *const fns[] = {"kernel", "task", "fieldspace",  "prange",       "wtime",
                                      "Region", "fill", "copy",        "Partition",    "IndexLaunch",
                                      "ID",     "index_launch",        NULL};
    if (in_list(member, fns)) {
      const char *name = arena_printf(ck->fe->arena, "pyc_task.%s", member);
      return ck_sym_new(ck, SYM_BUILTIN, intern_cstr(in, name), NULL, loc);
    }
    if (strcmp(member, "Array") == 0)
      return ck_sym_new(ck, SYM_TYPE, intern_cstr(in, "pyc_task.Array"), NULL, loc);
    if (strcmp(member, "types") == 0)
      return ck_sym_new(ck, SYM_MODULE, intern_cstr(in, "pyc_task.types"), NULL, loc);
    const Type *t = fe_scalar_name(ck->tt, member);
    if (t && strcmp(member, "int") != 0 && strcmp(member, "float") != 0)
      return ck_sym_new(ck, SYM_TYPE, canon, t, loc);
    unsigned nd = fe_point_name(member);
    if (nd) return ck_sym_new(ck, SYM_TYPE, canon, type_point(ck->tt, nd), loc);
    return NULL;
  }
  return NULL;
}
