// convert.c - Python values <-> the C ABI of compiled functions.
// Arguments: int/float/bool to scalars (range-checked: OverflowError; a
// float for an int is a TypeError), numpy arrays through the numpy C API
// (dtype, ndim, native byte order, writability for written parameters,
// unit inner stride for `::1`, byte strides divisible by the item size) and
// other buffer-protocol objects through PyObject_GetBuffer. Every error
// names the function, the parameter, the expected and the actual type.
// Results: scalars, tuples, and arrays as numpy arrays (owned memory: the
// base object is a capsule that drops the runtime reference; borrowed memory:
// a view whose base is the input argument it came from).
#include "core.h"

#define NPY_NO_DEPRECATED_API NPY_1_7_API_VERSION
#define PY_ARRAY_UNIQUE_SYMBOL pyc_core_ARRAY_API
#include <numpy/arrayobject.h>

#include "pyc/runtime.h"

#include <string.h>

int core_numpy_init(void) {
  import_array1(-1);
  return 0;
}

static int npy_type_of(CoreScalar s) {
  switch (s) {
  case CS_BOOL: return NPY_BOOL;
  case CS_I8: return NPY_INT8;
  case CS_I16: return NPY_INT16;
  case CS_I32: return NPY_INT32;
  case CS_I64: return NPY_INT64;
  case CS_U8: return NPY_UINT8;
  case CS_U16: return NPY_UINT16;
  case CS_U32: return NPY_UINT32;
  case CS_U64: return NPY_UINT64;
  case CS_F32: return NPY_FLOAT32;
  case CS_F64: return NPY_FLOAT64;
  default: return -1;
  }
}

// struct-module format characters accepted for a buffer of scalar s.
static bool format_ok(CoreScalar s, const char *fmt, Py_ssize_t itemsize) {
  if (!fmt) fmt = "B";
  if (*fmt == '<' || *fmt == '=' || *fmt == '@') fmt++;
  if (strlen(fmt) != 1 || (size_t)itemsize != core_scalar_size(s)) return false;
  char c = *fmt;
  switch (s) {
  case CS_BOOL: return c == '?';
  case CS_I8: return c == 'b';
  case CS_U8: return c == 'B';
  case CS_I16: return c == 'h';
  case CS_U16: return c == 'H';
  case CS_I32: return c == 'i' || c == 'l';
  case CS_U32: return c == 'I' || c == 'L';
  case CS_I64: return c == 'l' || c == 'q';
  case CS_U64: return c == 'L' || c == 'Q';
  case CS_F32: return c == 'f';
  case CS_F64: return c == 'd';
  default: return false;
  }
}

static void shape_text(int nd, const Py_ssize_t *shape, const npy_intp *nshape, char *out,
                       size_t cap) {
  size_t n = (size_t)snprintf(out, cap, "(");
  for (int i = 0; i < nd && n < cap; i++)
    n += (size_t)snprintf(out + n, cap - n, "%s%lld", i ? ", " : "",
                          (long long)(shape ? shape[i] : nshape[i]));
  if (n < cap) snprintf(out + n, cap - n, nd == 1 ? ",)" : ")");
}

// What the caller passed, for messages: "int64 array of shape (3, 4)", "float", "None".
static void actual_text(PyObject *o, char *out, size_t cap) {
  if (o == Py_None) {
    snprintf(out, cap, "None");
  } else if (PyArray_Check(o)) {
    PyArrayObject *a = (PyArrayObject *)o;
    char sh[128];
    shape_text(PyArray_NDIM(a), NULL, PyArray_DIMS(a), sh, sizeof sh);
    PyArray_Descr *d = PyArray_DESCR(a);
    PyObject *dn = PyObject_Str((PyObject *)d);
    const char *dname = dn ? PyUnicode_AsUTF8(dn) : "?";
    if (!dname) dname = "?";
    const char *order = PyArray_ISBYTESWAPPED(a) ? "byte-swapped " : "";
    snprintf(out, cap, "%s%s array of shape %s", order, dname, sh);
    Py_XDECREF(dn);
    PyErr_Clear();
  } else {
    snprintf(out, cap, "%s", Py_TYPE(o)->tp_name);
  }
}

static int arg_error(PyObject *exc, const CoreSig *sig, const char *fname, int i,
                     const char *expect_prefix, PyObject *o, const char *detail) {
  char want[200], got[512];
  core_type_describe(&sig->params[i], want, sizeof want);
  if (detail)
    snprintf(got, sizeof got, "%s", detail);
  else
    actual_text(o, got, sizeof got);
  PyErr_Format(exc, "%s() argument '%s': expected %s%s, got %s", fname, sig->pnames[i],
               expect_prefix, want, got);
  return -1;
}

// ---- scalars ------------------------------------------------------------------

static bool is_bool_obj(PyObject *o) { return PyBool_Check(o) || PyArray_IsScalar(o, Bool); }

static int convert_int(const CoreSig *sig, const char *fname, int i, PyObject *o, CoreSlot *s) {
  CoreScalar k = sig->params[i].scalar;
  PyObject *num = NULL;
  if (PyLong_Check(o)) {
    num = o;
    Py_INCREF(num);
  } else if (PyFloat_Check(o) || PyArray_IsScalar(o, Floating) || PyComplex_Check(o) ||
             !PyIndex_Check(o) || PyArray_Check(o)) {
    return arg_error(PyExc_TypeError, sig, fname, i, "", o, NULL);
  } else {
    num = PyNumber_Index(o);
    if (!num) {
      PyErr_Clear();
      return arg_error(PyExc_TypeError, sig, fname, i, "", o, NULL);
    }
  }
  int rc = 0;
  if (k == CS_U64) {
    unsigned long long v = PyLong_AsUnsignedLongLong(num);
    if (v == (unsigned long long)-1 && PyErr_Occurred()) goto range;
    s->u = v;
  } else {
    int overflow = 0;
    long long v = PyLong_AsLongLongAndOverflow(num, &overflow);
    if (v == -1 && PyErr_Occurred()) {
      rc = -1;
      goto out;
    }
    if (overflow) goto range;
    long long lo, hi;
    switch (k) {
    case CS_I8: lo = INT8_MIN, hi = INT8_MAX; break;
    case CS_I16: lo = INT16_MIN, hi = INT16_MAX; break;
    case CS_I32: lo = INT32_MIN, hi = INT32_MAX; break;
    case CS_U8: lo = 0, hi = UINT8_MAX; break;
    case CS_U16: lo = 0, hi = UINT16_MAX; break;
    case CS_U32: lo = 0, hi = UINT32_MAX; break;
    default: lo = INT64_MIN, hi = INT64_MAX; break;
    }
    if (v < lo || v > hi) goto range;
    s->i = v;
  }
  goto out;
range:
  PyErr_Clear();
  {
    PyObject *r = PyObject_Repr(num);
    PyErr_Format(PyExc_OverflowError, "%s() argument '%s': Python int %s out of range for %s",
                 fname, sig->pnames[i], r ? PyUnicode_AsUTF8(r) : "?",
                 core_scalar_name(k));
    Py_XDECREF(r);
  }
  rc = -1;
out:
  Py_DECREF(num);
  return rc;
}

static int convert_scalar(const CoreSig *sig, const char *fname, int i, PyObject *o,
                          CoreSlot *s) {
  CoreScalar k = sig->params[i].scalar;
  if (k == CS_BOOL) {
    if (!is_bool_obj(o)) return arg_error(PyExc_TypeError, sig, fname, i, "", o, NULL);
    s->i = 0;
    s->b = (uint8_t)(PyObject_IsTrue(o) == 1);
    return 0;
  }
  if (k == CS_F64 || k == CS_F32) {
    double v;
    if (PyFloat_CheckExact(o)) {
      v = PyFloat_AS_DOUBLE(o);
    } else if (PyFloat_Check(o) || PyLong_Check(o) || PyArray_IsScalar(o, Number)) {
      if (PyArray_IsScalar(o, ComplexFloating))
        return arg_error(PyExc_TypeError, sig, fname, i, "", o, NULL);
      v = PyFloat_AsDouble(o);
      if (v == -1.0 && PyErr_Occurred()) {
        if (PyErr_ExceptionMatches(PyExc_OverflowError)) {
          PyErr_Clear();
          PyErr_Format(PyExc_OverflowError,
                       "%s() argument '%s': int too large to convert to %s", fname,
                       sig->pnames[i], core_scalar_name(k));
        }
        return -1;
      }
    } else {
      return arg_error(PyExc_TypeError, sig, fname, i, "", o, NULL);
    }
    if (k == CS_F32) {
      s->i = 0;
      s->f = (float)v;
    } else {
      s->d = v;
    }
    return 0;
  }
  if (PyLong_CheckExact(o) && k == CS_I64) {  // the common case
    int overflow = 0;
    long long v = PyLong_AsLongLongAndOverflow(o, &overflow);
    if (!overflow && !(v == -1 && PyErr_Occurred())) {
      s->i = v;
      return 0;
    }
    PyErr_Clear();
  }
  return convert_int(sig, fname, i, o, s);
}

// ---- arrays -------------------------------------------------------------------

// Compiled code addresses element (i0, i1, ...) at byte offset
// sum(ik * stride_k) in int64 arithmetic (LLVM inbounds GEPs: an overflow
// is undefined behaviour). numpy guarantees size * itemsize fits, not the
// offsets of a view made with as_strided (shape (4,), strides (2**62,)), and
// a C buffer exporter guarantees nothing. Accepts an array when every shape
// is >= 0 and the byte extent sum((shape_k - 1) * |stride_k|) + itemsize,
// and the element count, fit in int64; an empty array always fits. Writes
// the reason into why otherwise.
static bool extent_ok(int nd, const int64_t *shape, const int64_t *bstride, int64_t item,
                      char *why, size_t cap) {
  int64_t ext = item, count = 1;
  for (int k = 0; k < nd; k++) {
    if (shape[k] < 0) {
      snprintf(why, cap, "a negative extent %lld on axis %d", (long long)shape[k], k);
      return false;
    }
    if (shape[k] == 0) return true;
  }
  for (int k = 0; k < nd; k++) {
    int64_t st = bstride[k], span;
    if (st == INT64_MIN || __builtin_mul_overflow(shape[k] - 1, st < 0 ? -st : st, &span) ||
        __builtin_add_overflow(ext, span, &ext) || __builtin_mul_overflow(count, shape[k], &count)) {
      snprintf(why, cap, "elements beyond the reach of a 64-bit index (axis %d: %lld x byte "
               "stride %lld)", k, (long long)shape[k], (long long)st);
      return false;
    }
  }
  return true;
}

// ValueError when extent_ok rejects the array in call->arrays[i].
static int check_extent(const CoreSig *sig, const char *fname, int i, PyObject *o,
                        const CoreArrayMem *m, int64_t item, const char *got) {
  int nd = sig->params[i].ndim;
  int64_t bst[CORE_MAX_NDIM];
  for (int k = 0; k < nd; k++) {
    if (__builtin_mul_overflow(m->dims[nd + k], item, &bst[k])) bst[k] = INT64_MIN;
  }
  char why[200], det[500];
  if (extent_ok(nd, m->dims, bst, item, why, sizeof why)) return 0;
  snprintf(det, sizeof det, "%s with %s", got, why);
  return arg_error(PyExc_ValueError, sig, fname, i, "", o, det);
}

static int convert_numpy(const CoreSig *sig, const char *fname, int i, PyArrayObject *a,
                         CoreCall *call) {
  const CoreType *t = &sig->params[i];
  PyArray_Descr *d = PyArray_DESCR(a);
  if (d->type_num != npy_type_of(t->scalar) || PyArray_NDIM(a) != t->ndim)
    return arg_error(PyExc_TypeError, sig, fname, i, "", (PyObject *)a, NULL);
  if (PyArray_ISBYTESWAPPED(a))
    return arg_error(PyExc_ValueError, sig, fname, i, "a native byte order ", (PyObject *)a,
                     NULL);
  if (sig->written[i] && !PyArray_ISWRITEABLE(a)) {
    char got[240], det[420];
    actual_text((PyObject *)a, got, sizeof got);
    snprintf(det, sizeof det, "a read-only %s", got);
    return arg_error(PyExc_ValueError, sig, fname, i, "a writable ", (PyObject *)a, det);
  }
  CoreArrayMem *m = &call->arrays[i];
  m->meminfo = NULL;
  m->data = PyArray_DATA(a);
  npy_intp item = d->elsize;
  int nd = t->ndim;
  for (int k = 0; k < nd; k++) {
    npy_intp st = PyArray_STRIDE(a, k);
    if (st % item) {
      char got[240], det[420];
      actual_text((PyObject *)a, got, sizeof got);
      snprintf(det, sizeof det, "%s with byte stride %lld on axis %d (not a multiple of %lld)",
               got, (long long)st, k, (long long)item);
      return arg_error(PyExc_ValueError, sig, fname, i, "", (PyObject *)a, det);
    }
    m->dims[k] = PyArray_DIM(a, k);
    m->dims[nd + k] = st / item;
  }
  {
    char got[240];
    actual_text((PyObject *)a, got, sizeof got);
    if (check_extent(sig, fname, i, (PyObject *)a, m, item, got) < 0) return -1;
  }
  if (t->contig && m->dims[nd - 1] > 1 && m->dims[2 * nd - 1] != 1) {
    char got[240], det[420];
    actual_text((PyObject *)a, got, sizeof got);
    snprintf(det, sizeof det, "a non-contiguous %s (stride %lld elements on the last axis)", got,
             (long long)m->dims[2 * nd - 1]);
    return arg_error(PyExc_ValueError, sig, fname, i, "", (PyObject *)a, det);
  }
  if (t->contig) m->dims[2 * nd - 1] = 1;
  call->slots[i].p = m;
  return 0;
}

static int convert_buffer(const CoreSig *sig, const char *fname, int i, PyObject *o,
                          CoreCall *call) {
  const CoreType *t = &sig->params[i];
  Py_buffer *v = &call->views[i];
  int flags = PyBUF_STRIDES | PyBUF_FORMAT | (sig->written[i] ? PyBUF_WRITABLE : 0);
  if (PyObject_GetBuffer(o, v, flags) < 0) {
    if (sig->written[i] && PyObject_CheckBuffer(o)) {
      PyErr_Clear();
      char det[240];
      snprintf(det, sizeof det, "a read-only %s", Py_TYPE(o)->tp_name);
      return arg_error(PyExc_ValueError, sig, fname, i, "a writable ", o, det);
    }
    PyErr_Clear();
    return arg_error(PyExc_TypeError, sig, fname, i, "", o, NULL);
  }
  call->has_view[i] = true;
  char det[420], sh[128];
  shape_text(v->ndim, v->shape, NULL, sh, sizeof sh);
  snprintf(det, sizeof det, "%s of format '%s' and shape %s", Py_TYPE(o)->tp_name,
           v->format ? v->format : "B", sh);
  if (!format_ok(t->scalar, v->format, v->itemsize) || v->ndim != t->ndim)
    return arg_error(PyExc_TypeError, sig, fname, i, "", o, det);
  CoreArrayMem *m = &call->arrays[i];
  m->meminfo = NULL;
  m->data = v->buf;
  int nd = t->ndim;
  for (int k = 0; k < nd; k++) {
    Py_ssize_t st = v->strides ? v->strides[k] : v->itemsize;
    if (st % v->itemsize) return arg_error(PyExc_ValueError, sig, fname, i, "", o, det);
    m->dims[k] = v->shape[k];
    m->dims[nd + k] = st / v->itemsize;
  }
  if (check_extent(sig, fname, i, o, m, v->itemsize, det) < 0) return -1;
  if (t->contig && m->dims[nd - 1] > 1 && m->dims[2 * nd - 1] != 1)
    return arg_error(PyExc_ValueError, sig, fname, i, "", o, det);
  if (t->contig) m->dims[2 * nd - 1] = 1;
  call->slots[i].p = m;
  return 0;
}

int core_convert_arg(const CoreSig *sig, const char *fname, int i, PyObject *arg,
                     CoreCall *call) {
  const CoreType *t = &sig->params[i];
  if (t->kind == CK_SCALAR) return convert_scalar(sig, fname, i, arg, &call->slots[i]);
  if (PyArray_Check(arg)) return convert_numpy(sig, fname, i, (PyArrayObject *)arg, call);
  if (arg == Py_None || PyList_Check(arg) || PyTuple_Check(arg) || !PyObject_CheckBuffer(arg))
    return arg_error(PyExc_TypeError, sig, fname, i, "", arg, NULL);
  return convert_buffer(sig, fname, i, arg, call);
}

void core_release_args(const CoreSig *sig, CoreCall *call) {
  for (int i = 0; i < sig->nparams; i++)
    if (call->has_view[i]) {
      PyBuffer_Release(&call->views[i]);
      call->has_view[i] = false;
    }
}

// ---- results ------------------------------------------------------------------

static void meminfo_release(PyObject *cap) {
  void *mi = PyCapsule_GetPointer(cap, "pyc_task.meminfo");
  if (mi) pyc_array_decref(mi);
}

// The input argument whose memory holds `data` (for borrowed result arrays).
static PyObject *borrowed_base(const CoreSig *sig, CoreCall *call, void *data) {
  for (int i = 0; i < sig->nparams; i++) {
    if (sig->params[i].kind != CK_ARRAY) continue;
    const CoreArrayMem *m = &call->arrays[i];
    int nd = sig->params[i].ndim;
    size_t item = core_scalar_size(sig->params[i].scalar);
    char *lo = m->data, *hi = m->data;
    bool empty = false;
    for (int k = 0; k < nd; k++) {
      if (m->dims[k] == 0) empty = true;
      int64_t ext = (m->dims[k] - 1) * m->dims[nd + k] * (int64_t)item;
      if (ext < 0) lo += ext;
      else hi += ext;
    }
    if (!empty && (char *)data >= lo && (char *)data < hi + item) {
      PyObject *src = call->args[i];
      if (PyArray_Check(src)) {
        Py_INCREF(src);
        return src;
      }
      return PyMemoryView_FromObject(src);
    }
  }
  return NULL;
}

static PyObject *array_result(const CoreType *t, CoreArrayMem *m, const CoreSig *sig,
                              CoreCall *call) {
  int nd = t->ndim;
  npy_intp shape[CORE_MAX_NDIM], strides[CORE_MAX_NDIM];
  size_t item = core_scalar_size(t->scalar);
  for (int k = 0; k < nd; k++) {
    shape[k] = m->dims[k];
    strides[k] = (npy_intp)(m->dims[nd + k] * (int64_t)item);
  }
  PyObject *base;
  if (m->meminfo) {
    base = PyCapsule_New(m->meminfo, "pyc_task.meminfo", meminfo_release);
    if (!base) {
      pyc_array_decref(m->meminfo);
      return NULL;
    }
  } else {
    base = borrowed_base(sig, call, m->data);
    if (!base) {
      if (!PyErr_Occurred())
        PyErr_SetString(PyExc_RuntimeError,
                        "pyc_task: a compiled function returned an array whose memory is not "
                        "one of its arguments'");
      return NULL;
    }
  }
  PyArray_Descr *d = PyArray_DescrFromType(npy_type_of(t->scalar));
  PyObject *arr = PyArray_NewFromDescr(&PyArray_Type, d, nd, shape, strides, m->data,
                                       NPY_ARRAY_WRITEABLE, NULL);
  if (!arr) {
    Py_DECREF(base);
    return NULL;
  }
  if (PyArray_SetBaseObject((PyArrayObject *)arr, base) < 0) {  // steals base
    Py_DECREF(arr);
    return NULL;
  }
  PyArray_UpdateFlags((PyArrayObject *)arr, NPY_ARRAY_UPDATE_ALL);
  return arr;
}

static PyObject *scalar_result(CoreScalar s, const void *p) {
  switch (s) {
  case CS_BOOL: return PyBool_FromLong(*(const uint8_t *)p != 0);
  case CS_I8: return PyLong_FromLong(*(const int8_t *)p);
  case CS_I16: return PyLong_FromLong(*(const int16_t *)p);
  case CS_I32: return PyLong_FromLong(*(const int32_t *)p);
  case CS_I64: return PyLong_FromLongLong(*(const int64_t *)p);
  case CS_U8: return PyLong_FromUnsignedLong(*(const uint8_t *)p);
  case CS_U16: return PyLong_FromUnsignedLong(*(const uint16_t *)p);
  case CS_U32: return PyLong_FromUnsignedLong(*(const uint32_t *)p);
  case CS_U64: return PyLong_FromUnsignedLongLong(*(const uint64_t *)p);
  case CS_F32: return PyFloat_FromDouble(*(const float *)p);
  case CS_F64: return PyFloat_FromDouble(*(const double *)p);
  default: Py_RETURN_NONE;
  }
}

void core_result_drop(const CoreType *t, void *mem) {
  if (t->kind == CK_ARRAY) {
    void *mi = ((CoreArrayMem *)mem)->meminfo;
    if (mi) pyc_array_decref(mi);
  } else if (t->kind == CK_TUPLE) {
    size_t off = 0;
    for (int i = 0; i < t->nelems; i++) {
      const CoreType *e = &t->elems[i];
      off = (off + e->align - 1) / e->align * e->align;
      core_result_drop(e, (char *)mem + off);
      off += e->size;
    }
  }
}

PyObject *core_result(const CoreType *t, void *mem, const CoreSig *sig, CoreCall *call) {
  switch (t->kind) {
  case CK_VOID: Py_RETURN_NONE;
  case CK_SCALAR: return scalar_result(t->scalar, mem);
  case CK_ARRAY: return array_result(t, mem, sig, call);
  case CK_TUPLE: {
    PyObject *tup = PyTuple_New(t->nelems);
    size_t off = 0;
    for (int i = 0; i < t->nelems; i++) {
      const CoreType *e = &t->elems[i];
      off = (off + e->align - 1) / e->align * e->align;
      PyObject *v = tup ? core_result(e, (char *)mem + off, sig, call) : NULL;
      if (!v) {
        // release what was not converted yet (this element consumed its own)
        size_t o2 = off + e->size;
        for (int k = i + 1; k < t->nelems; k++) {
          const CoreType *e2 = &t->elems[k];
          o2 = (o2 + e2->align - 1) / e2->align * e2->align;
          core_result_drop(e2, (char *)mem + o2);
          o2 += e2->size;
        }
        Py_XDECREF(tup);
        return NULL;
      }
      PyTuple_SET_ITEM(tup, i, v);
      off += e->size;
    }
    return tup;
  }
  }
  Py_RETURN_NONE;
}
