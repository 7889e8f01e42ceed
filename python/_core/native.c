// native.c - NativeFunction: a compiled function callable from Python.
// A vectorcall object holding the parsed signature, the code address and a
// reference to the owner of the code (a Compilation, or whatever P2's
// object-file loader hands in), so the JIT'd code lives as long as any of
// its callables. A call converts the arguments into a stack CoreCall (no
// allocation), calls the code, maps a pending runtime exception, and
// converts the result. Two call paths: direct (x86-64 SysV: int-class and
// double arguments travel in independent register files, so one prototype
// `R f(i64 x6, double x8)` calls any signature whose arguments fit in
// registers, including the sret pointer) and libffi (a cif prepared once).
#include "core.h"

#include <ffi.h>
#include <stdlib.h>
#include <string.h>
#include <structmember.h>

#include "pyc/runtime.h"

typedef struct NativeFunction {
  PyObject_HEAD
  vectorcallfunc vectorcall;
  CoreSig sig;
  void *addr;
  PyObject *owner;   // keeps the code alive
  PyObject *pyfunc;  // the Python function (or None)
  PyObject *name;    // str
  PyObject *sigtext; // str: the signature line
  ffi_cif cif;
  ffi_type *atypes[CORE_MAX_PARAMS + 1];
  char nogil;        // release the GIL around the call (@kernel(nogil=True))
} NativeFunction;

// ---- the call ---------------------------------------------------------------------

typedef int64_t (*DirectI)(int64_t, int64_t, int64_t, int64_t, int64_t, int64_t, double, double,
                           double, double, double, double, double, double);
typedef double (*DirectD)(int64_t, int64_t, int64_t, int64_t, int64_t, int64_t, double, double,
                          double, double, double, double, double, double);

static ffi_type *ffi_of(const CoreType *t) {
  if (t->kind == CK_VOID) return &ffi_type_void;
  if (t->kind != CK_SCALAR) return &ffi_type_pointer;
  switch (t->scalar) {
  case CS_BOOL: return &ffi_type_uint8;
  case CS_I8: return &ffi_type_sint8;
  case CS_I16: return &ffi_type_sint16;
  case CS_I32: return &ffi_type_sint32;
  case CS_I64: return &ffi_type_sint64;
  case CS_U8: return &ffi_type_uint8;
  case CS_U16: return &ffi_type_uint16;
  case CS_U32: return &ffi_type_uint32;
  case CS_U64: return &ffi_type_uint64;
  case CS_F32: return &ffi_type_float;
  case CS_F64: return &ffi_type_double;
  default: return &ffi_type_pointer;
  }
}

static bool is_aggregate(const CoreType *t) { return t->kind == CK_ARRAY || t->kind == CK_TUPLE; }

// Scalar result register -> memory of its type.
static void store_ret(const CoreType *t, int64_t iv, double dv, float fv, void *out) {
  switch (t->scalar) {
  case CS_BOOL: *(uint8_t *)out = (uint8_t)((iv & 0xff) != 0); break;
  case CS_I8: case CS_U8: *(uint8_t *)out = (uint8_t)iv; break;
  case CS_I16: case CS_U16: *(uint16_t *)out = (uint16_t)iv; break;
  case CS_I32: case CS_U32: *(uint32_t *)out = (uint32_t)iv; break;
  case CS_I64: case CS_U64: *(int64_t *)out = iv; break;
  case CS_F32: *(float *)out = fv; break;
  case CS_F64: *(double *)out = dv; break;
  default: break;
  }
}

// Calls the code with converted arguments; the result lands in `ret`
// (scalars: their memory type; aggregates: the sret memory).
static void invoke(NativeFunction *nf, CoreCall *call, void *ret) {
  const CoreSig *sig = &nf->sig;
  if (sig->direct) {
    int64_t ia[6] = {0};
    double fa[8] = {0};
    int ni = 0, nfl = 0;
    if (is_aggregate(&sig->ret)) ia[ni++] = (int64_t)(intptr_t)ret;
    for (int i = 0; i < sig->nparams; i++) {
      const CoreType *t = &sig->params[i];
      if (t->kind == CK_SCALAR && t->scalar == CS_F64) {
        fa[nfl++] = call->slots[i].d;
      } else if (t->kind == CK_SCALAR) {
        int64_t v;
        switch (t->scalar) {
        case CS_BOOL: case CS_U8: v = call->slots[i].b; break;
        case CS_I8: v = (int8_t)call->slots[i].i; break;
        case CS_I16: v = (int16_t)call->slots[i].i; break;
        case CS_I32: v = (int32_t)call->slots[i].i; break;
        case CS_U16: v = (uint16_t)call->slots[i].i; break;
        case CS_U32: v = (uint32_t)call->slots[i].i; break;
        default: v = call->slots[i].i; break;
        }
        ia[ni++] = v;
      } else {
        ia[ni++] = (int64_t)(intptr_t)call->slots[i].p;
      }
    }
    // ISO C forbids object <-> function pointer casts; POSIX guarantees them.
    if (sig->ret.kind == CK_SCALAR && sig->ret.scalar == CS_F64) {
      DirectD f;
      memcpy(&f, &nf->addr, sizeof f);
      double d = f(ia[0], ia[1], ia[2], ia[3], ia[4], ia[5], fa[0], fa[1], fa[2], fa[3], fa[4],
                   fa[5], fa[6], fa[7]);
      *(double *)ret = d;
    } else {
      DirectI f;
      memcpy(&f, &nf->addr, sizeof f);
      int64_t v = f(ia[0], ia[1], ia[2], ia[3], ia[4], ia[5], fa[0], fa[1], fa[2], fa[3], fa[4],
                    fa[5], fa[6], fa[7]);
      if (sig->ret.kind == CK_SCALAR) store_ret(&sig->ret, v, 0, 0, ret);
    }
    return;
  }
  void *argp[CORE_MAX_PARAMS + 1];
  void *sret = ret;
  int k = 0;
  if (is_aggregate(&sig->ret)) argp[k++] = &sret;
  for (int i = 0; i < sig->nparams; i++) argp[k++] = &call->slots[i];
  union {
    ffi_arg a;
    int64_t i;
    double d;
    float f;
  } rv;
  memset(&rv, 0, sizeof rv);
  void (*fn)(void);
  memcpy(&fn, &nf->addr, sizeof fn);
  ffi_call(&nf->cif, fn, &rv, argp);
  if (sig->ret.kind == CK_SCALAR) {
    if (sig->ret.scalar == CS_F64) *(double *)ret = rv.d;
    else if (sig->ret.scalar == CS_F32) *(float *)ret = rv.f;
    else store_ret(&sig->ret, (int64_t)rv.a, 0, 0, ret);
  }
}

static PyObject *call_converted(NativeFunction *nf, CoreCall *call) {
  const CoreSig *sig = &nf->sig;
  _Alignas(16) unsigned char retbuf[16 + 16 * CORE_MAX_NDIM + 16 * CORE_MAX_ELEMS * 8];
  void *ret = retbuf;
  void *heap = NULL;
  if (sig->ret.size > sizeof retbuf) {
    heap = calloc(1, sig->ret.size);
    if (!heap) {
      core_release_args(sig, call);
      return PyErr_NoMemory();
    }
    ret = heap;
  }
  if (nf->nogil) {
    Py_BEGIN_ALLOW_THREADS
    invoke(nf, call, ret);
    Py_END_ALLOW_THREADS
  } else {
    invoke(nf, call, ret);
  }
  if (core_output_pending) core_output_flush();
  PyObject *res;
  const char *fname = PyUnicode_AsUTF8(nf->name);
  if (pyc_err_occurred()) {
    core_raise_pending(fname ? fname : "?");
    res = NULL;
  } else {
    res = core_result(&sig->ret, ret, sig, call);
  }
  core_release_args(sig, call);
  free(heap);
  return res;
}

static int bind_keywords(NativeFunction *nf, PyObject *const *args, size_t nargs,
                         PyObject *kwnames, PyObject **out) {
  const CoreSig *sig = &nf->sig;
  const char *fname = PyUnicode_AsUTF8(nf->name);
  for (int i = 0; i < sig->nparams; i++) out[i] = i < (int)nargs ? args[i] : NULL;
  Py_ssize_t nkw = PyTuple_GET_SIZE(kwnames);
  for (Py_ssize_t k = 0; k < nkw; k++) {
    const char *kn = PyUnicode_AsUTF8(PyTuple_GET_ITEM(kwnames, k));
    int i = 0;
    while (i < sig->nparams && strcmp(sig->pnames[i], kn ? kn : "") != 0) i++;
    if (i == sig->nparams) {
      PyErr_Format(PyExc_TypeError, "%s() got an unexpected keyword argument '%s'", fname, kn);
      return -1;
    }
    if (out[i]) {
      PyErr_Format(PyExc_TypeError, "%s() got multiple values for argument '%s'", fname, kn);
      return -1;
    }
    out[i] = args[nargs + k];
  }
  for (int i = 0; i < sig->nparams; i++)
    if (!out[i]) {
      PyErr_Format(PyExc_TypeError, "%s() missing required argument '%s' (pos %d)", fname,
                   sig->pnames[i], i + 1);
      return -1;
    }
  return 0;
}

static PyObject *native_vectorcall(PyObject *self, PyObject *const *args, size_t nargsf,
                                   PyObject *kwnames) {
  NativeFunction *nf = (NativeFunction *)self;
  const CoreSig *sig = &nf->sig;
  size_t nargs = PyVectorcall_NARGS(nargsf);
  PyObject *bound[CORE_MAX_PARAMS];
  if (kwnames && PyTuple_GET_SIZE(kwnames)) {
    if (nargs > (size_t)sig->nparams) goto count;
    if (bind_keywords(nf, args, nargs, kwnames, bound) < 0) return NULL;
    args = bound;
  } else if (nargs != (size_t)sig->nparams) {
    goto count;
  }
  if (*core_intr_flag && core_interrupt_stale() < 0) return NULL;  // Ctrl-C before the call
  CoreCall call;
  call.args = args;
  const char *fname = sig->name;
  for (int i = 0; i < sig->nparams; i++) {
    call.has_view[i] = false;
    if (core_convert_arg(sig, fname, i, args[i], &call) < 0) {
      for (int k = 0; k < i; k++)
        if (call.has_view[k]) PyBuffer_Release(&call.views[k]);
      if (call.has_view[i]) PyBuffer_Release(&call.views[i]);
      return NULL;
    }
  }
  return call_converted(nf, &call);
count:
  PyErr_Format(PyExc_TypeError, "%s() takes %d positional argument%s but %zu %s given",
               sig->name, sig->nparams, sig->nparams == 1 ? "" : "s", nargs,
               nargs == 1 ? "was" : "were");
  return NULL;
}

// ---- the type -----------------------------------------------------------------------

static void native_dealloc(PyObject *self) {
  NativeFunction *nf = (NativeFunction *)self;
  core_sig_free(&nf->sig);
  Py_XDECREF(nf->owner);
  Py_XDECREF(nf->pyfunc);
  Py_XDECREF(nf->name);
  Py_XDECREF(nf->sigtext);
  PyObject_Free(self);
}

static PyObject *native_repr(PyObject *self) {
  NativeFunction *nf = (NativeFunction *)self;
  return PyUnicode_FromFormat("<pyc_task native function %U>", nf->name);
}

static PyObject *native_get(PyObject *self, PyObject *obj, PyObject *type) {
  (void)obj;
  (void)type;
  Py_INCREF(self);  // behaves like a staticmethod: no binding
  return self;
}

static PyMemberDef native_members[] = {
    {"__name__", T_OBJECT, offsetof(NativeFunction, name), READONLY, NULL},
    {"signature", T_OBJECT, offsetof(NativeFunction, sigtext), READONLY,
     "the driver's signature line"},
    {"py_func", T_OBJECT, offsetof(NativeFunction, pyfunc), READONLY, "the Python function"},
    {"owner", T_OBJECT, offsetof(NativeFunction, owner), READONLY, "keeps the code alive"},
    {"nogil", T_BOOL, offsetof(NativeFunction, nogil), 0,
     "release the GIL during the call (compiled print is then buffered until it returns)"},
    {NULL, 0, 0, 0, NULL},
};

static PyObject *native_address(PyObject *self, void *closure) {
  (void)closure;
  return PyLong_FromVoidPtr(((NativeFunction *)self)->addr);
}

static PyObject *native_direct(PyObject *self, void *closure) {
  (void)closure;
  return PyBool_FromLong(((NativeFunction *)self)->sig.direct);
}

static PyGetSetDef native_getset[] = {
    {"address", native_address, NULL, "the code address", NULL},
    {"direct", native_direct, NULL, "True: direct call path; False: libffi", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

PyTypeObject CoreNativeType = {
    PyVarObject_HEAD_INIT(NULL, 0).tp_name = "pyc_task._core.NativeFunction",
    .tp_basicsize = sizeof(NativeFunction),
    .tp_dealloc = native_dealloc,
    .tp_vectorcall_offset = offsetof(NativeFunction, vectorcall),
    .tp_call = PyVectorcall_Call,
    .tp_repr = native_repr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_VECTORCALL,
    .tp_doc = "A compiled function: converts the arguments, calls native code, converts the "
              "result.",
    .tp_members = native_members,
    .tp_getset = native_getset,
    .tp_descr_get = native_get,
};

PyObject *core_native_new(const char *sigline, void *addr, PyObject *owner, PyObject *pyfunc) {
  CoreSig sig;
  char err[512];
  if (!core_sig_parse(sigline, &sig, err, sizeof err)) {
    PyErr_SetString(PyExc_TypeError, err);
    return NULL;
  }
  NativeFunction *nf = PyObject_New(NativeFunction, &CoreNativeType);
  if (!nf) {
    core_sig_free(&sig);
    return NULL;
  }
  nf->vectorcall = native_vectorcall;
  nf->sig = sig;
  nf->addr = addr;
  nf->nogil = 0;
  nf->owner = owner ? owner : Py_None;
  Py_INCREF(nf->owner);
  nf->pyfunc = pyfunc ? pyfunc : Py_None;
  Py_INCREF(nf->pyfunc);
  nf->name = PyUnicode_FromString(sig.name);
  size_t n = strcspn(sigline, "\n");
  nf->sigtext = PyUnicode_FromStringAndSize(sigline, (Py_ssize_t)n);
  int k = 0;
  if (is_aggregate(&sig.ret)) nf->atypes[k++] = &ffi_type_pointer;
  for (int i = 0; i < sig.nparams; i++) nf->atypes[k++] = ffi_of(&nf->sig.params[i]);
  ffi_type *rt = is_aggregate(&sig.ret) ? &ffi_type_void : ffi_of(&sig.ret);
  if (!nf->name || !nf->sigtext ||
      ffi_prep_cif(&nf->cif, FFI_DEFAULT_ABI, (unsigned)k, rt, nf->atypes) != FFI_OK) {
    if (!PyErr_Occurred()) PyErr_SetString(PyExc_RuntimeError, "ffi_prep_cif failed");
    Py_DECREF(nf);
    return NULL;
  }
  if (getenv("PYC_TASK_FFI_ONLY") && *getenv("PYC_TASK_FFI_ONLY") == '1') nf->sig.direct = false;
  return (PyObject *)nf;
}
