// Reduction operators (+ * min max) over the element types i64, f64, i32,
// f32: identities and the fold step, shared by REDUCE requirements (folding
// a private instance into a region) and pyc_parallel_for (combining chunk
// slots). Integer + and * wrap mod 2^n like numpy; float min/max keep the
// accumulator when the new value is NaN (a NaN already there stays).
#include <math.h>
#include <string.h>

#include "task_internal.h"

int elem_type_size(int32_t type) {
  switch (type) {
    case PYC_ELEM_I64:
    case PYC_ELEM_F64: return 8;
    case PYC_ELEM_I32:
    case PYC_ELEM_F32: return 4;
    default: return 0;
  }
}

#define IDENT(T, zero, one, maxv, minv)                         \
  do {                                                          \
    T v = redop == PYC_REDOP_SUM    ? (T)(zero)                 \
          : redop == PYC_REDOP_PROD ? (T)(one)                  \
          : redop == PYC_REDOP_MIN  ? (T)(maxv)                 \
                                    : (T)(minv);                \
    memcpy(out, &v, sizeof v);                                  \
  } while (0)

void redop_identity(int32_t redop, int32_t type, void *out) {
  switch (type) {
    case PYC_ELEM_I64: IDENT(int64_t, 0, 1, INT64_MAX, INT64_MIN); break;
    case PYC_ELEM_F64: IDENT(double, 0.0, 1.0, INFINITY, -INFINITY); break;
    case PYC_ELEM_I32: IDENT(int32_t, 0, 1, INT32_MAX, INT32_MIN); break;
    case PYC_ELEM_F32: IDENT(float, 0.0f, 1.0f, INFINITY, -INFINITY); break;
    default: break;
  }
}

// Unsigned arithmetic for the integer types: wrapping without UB.
#define APPLY_INT(T, U)                                                     \
  do {                                                                      \
    T a, b;                                                                 \
    memcpy(&a, acc, sizeof a);                                              \
    memcpy(&b, v, sizeof b);                                                \
    T r = redop == PYC_REDOP_SUM    ? (T)((U)a + (U)b)                      \
          : redop == PYC_REDOP_PROD ? (T)((U)a * (U)b)                      \
          : redop == PYC_REDOP_MIN  ? (b < a ? b : a)                       \
                                    : (b > a ? b : a);                      \
    memcpy(acc, &r, sizeof r);                                              \
  } while (0)

#define APPLY_FLT(T)                                                        \
  do {                                                                      \
    T a, b;                                                                 \
    memcpy(&a, acc, sizeof a);                                              \
    memcpy(&b, v, sizeof b);                                                \
    T r = redop == PYC_REDOP_SUM    ? a + b                                 \
          : redop == PYC_REDOP_PROD ? a * b                                 \
          : redop == PYC_REDOP_MIN  ? (b < a ? b : a)                       \
                                    : (b > a ? b : a);                      \
    memcpy(acc, &r, sizeof r);                                              \
  } while (0)

void redop_apply(int32_t redop, int32_t type, void *acc, const void *v) {
  switch (type) {
    case PYC_ELEM_I64: APPLY_INT(int64_t, uint64_t); break;
    case PYC_ELEM_F64: APPLY_FLT(double); break;
    case PYC_ELEM_I32: APPLY_INT(int32_t, uint32_t); break;
    case PYC_ELEM_F32: APPLY_FLT(float); break;
    default: break;
  }
}
