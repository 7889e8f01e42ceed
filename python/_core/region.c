// region.c - runtime regions and task launches for Python (docs/python.md
// "Tasks from Python"). RuntimeRegion owns one PycRegion reference; its
// array(f, typenum) is a numpy view of field f whose base keeps the region
// alive. TaskFn is a compiled task's PycTaskFn wrapper (pyt_<task>, found by
// lookup()) with a name that outlives the runtime; TaskFn.launch() calls
// pyc_launch and returns a TaskFuture, whose get() waits without the GIL and
// returns the result bytes or raises the task's exception. fence() is
// pyc_runtime_fence. The Python layer (pyc_task/_launch.py) packs arguments,
// maps privileges to PycReq and fences before field memory is read.
#include "core.h"

#define NPY_NO_DEPRECATED_API NPY_1_7_API_VERSION
#define PY_ARRAY_UNIQUE_SYMBOL pyc_core_ARRAY_API
#define NO_IMPORT_ARRAY
#include <numpy/arrayobject.h>
#include <stdlib.h>
#include <string.h>

#include "pyc/tasks.h"

// ---- RuntimeRegion ------------------------------------------------------------

typedef struct RuntimeRegion {
  PyObject_HEAD
  PycRegion *r;
} RuntimeRegion;

static PyTypeObject RuntimeRegionType;

// Raises the pending runtime error (or a generic one) as a Python exception.
static void raise_rt(const char *what) {
  if (pyc_err_occurred()) core_raise_pending(what);
  else PyErr_Format(PyExc_RuntimeError, "%s failed", what);
}

static PyObject *region_wrap(PycRegion *r) {
  RuntimeRegion *o = PyObject_New(RuntimeRegion, &RuntimeRegionType);
  if (!o) {
    pyc_region_release(r);
    return NULL;
  }
  o->r = r;
  return (PyObject *)o;
}

static PyObject *region_new(PyTypeObject *type, PyObject *args, PyObject *kw) {
  (void)type;
  static const char *kwlist[] = {"extents", "field_sizes", NULL};
  PyObject *ext, *fs;
  if (!PyArg_ParseTupleAndKeywords(args, kw, "O!O!", (char **)kwlist, &PyTuple_Type, &ext,
                                   &PyTuple_Type, &fs))
    return NULL;
  Py_ssize_t nd = PyTuple_GET_SIZE(ext), nf = PyTuple_GET_SIZE(fs);
  if (nd < 1 || nd > PYC_MAX_DIM || nf < 1 || nf > PYC_MAX_FIELDS) {
    PyErr_Format(PyExc_ValueError, "a runtime region has 1 to %d dimensions and 1 to %d fields",
                 PYC_MAX_DIM, PYC_MAX_FIELDS);
    return NULL;
  }
  int64_t e[PYC_MAX_DIM], s[PYC_MAX_FIELDS];
  for (Py_ssize_t i = 0; i < nd; i++)
    if ((e[i] = PyLong_AsLongLong(PyTuple_GET_ITEM(ext, i))) == -1 && PyErr_Occurred()) return NULL;
  for (Py_ssize_t i = 0; i < nf; i++)
    if ((s[i] = PyLong_AsLongLong(PyTuple_GET_ITEM(fs, i))) == -1 && PyErr_Occurred()) return NULL;
  PycRegion *r = pyc_region_new((int32_t)nd, e, (int32_t)nf, s);
  if (!r) {
    raise_rt("Region");
    return NULL;
  }
  return region_wrap(r);
}

static void region_dealloc(PyObject *self) {
  pyc_region_release(((RuntimeRegion *)self)->r);
  PyObject_Free(self);
}

// array(f, typenum[, inner]): the numpy view of field f over the region's
// rectangle; inner > 1 (a point field: inner int64 per element) adds a
// trailing axis of that length.
static PyObject *region_array(PyObject *self, PyObject *args) {
  PycRegion *r = ((RuntimeRegion *)self)->r;
  int f, typenum, inner = 1;
  if (!PyArg_ParseTuple(args, "ii|i", &f, &typenum, &inner)) return NULL;
  void *data = pyc_region_field_data(r, f);
  PyArray_Descr *d = PyArray_DescrFromType(typenum);
  if (!d) return NULL;
  if (!data || inner < 1 || inner > PYC_MAX_DIM ||
      pyc_region_field_size(r, f) != (int64_t)d->elsize * inner) {
    PyErr_Format(PyExc_ValueError, "region has no field %d of %d x %d bytes", f, inner,
                 (int)d->elsize);
    Py_DECREF(d);
    return NULL;
  }
  int nd = pyc_region_ndim(r);
  npy_intp shape[PYC_MAX_DIM + 1], strides[PYC_MAX_DIM + 1];
  for (int k = 0; k < nd; k++) {
    int64_t n = pyc_region_hi(r, k) - pyc_region_lo(r, k) + 1;
    shape[k] = n > 0 ? (npy_intp)n : 0;
    strides[k] = (npy_intp)(pyc_region_stride(r, k) * d->elsize * inner);
  }
  if (inner > 1) {
    shape[nd] = inner;
    strides[nd++] = d->elsize;
  }
  PyObject *a = PyArray_NewFromDescr(&PyArray_Type, d, nd, shape, strides, data, NPY_ARRAY_WRITEABLE,
                                     NULL);
  if (!a) return NULL;
  Py_INCREF(self);
  if (PyArray_SetBaseObject((PyArrayObject *)a, self) < 0) {
    Py_DECREF(a);
    return NULL;
  }
  return a;
}

// subregion(lo, hi): a RuntimeRegion sharing this one's storage.
static PyObject *region_subregion(PyObject *self, PyObject *args) {
  PycRegion *r = ((RuntimeRegion *)self)->r;
  PyObject *lo, *hi;
  if (!PyArg_ParseTuple(args, "O!O!", &PyTuple_Type, &lo, &PyTuple_Type, &hi)) return NULL;
  int nd = pyc_region_ndim(r);
  if (PyTuple_GET_SIZE(lo) != nd || PyTuple_GET_SIZE(hi) != nd) {
    PyErr_SetString(PyExc_ValueError, "subregion bounds do not match the region's dimensions");
    return NULL;
  }
  int64_t l[PYC_MAX_DIM], h[PYC_MAX_DIM];
  for (int k = 0; k < nd; k++) {
    l[k] = PyLong_AsLongLong(PyTuple_GET_ITEM(lo, k));
    h[k] = PyLong_AsLongLong(PyTuple_GET_ITEM(hi, k));
  }
  if (PyErr_Occurred()) return NULL;
  PycRegion *s = pyc_region_subregion(r, l, h);
  if (!s) {
    raise_rt("subregion");
    return NULL;
  }
  return region_wrap(s);
}

static PyObject *region_refcount(PyObject *self, PyObject *unused) {
  (void)unused;
  return PyLong_FromLongLong(pyc_region_refcount(((RuntimeRegion *)self)->r));
}

static PyMethodDef region_methods[] = {
    {"array", region_array, METH_VARARGS, "array(f, typenum[, inner]): numpy view of field f"},
    {"subregion", region_subregion, METH_VARARGS, "subregion(lo, hi) (inclusive)"},
    {"refcount", region_refcount, METH_NOARGS, "the runtime's reference count"},
    {NULL, NULL, 0, NULL},
};

static PyTypeObject RuntimeRegionType = {
    PyVarObject_HEAD_INIT(NULL, 0).tp_name = "pyc_task._core.RuntimeRegion",
    .tp_basicsize = sizeof(RuntimeRegion),
    .tp_dealloc = region_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_new = region_new,
    .tp_methods = region_methods,
    .tp_doc = "RuntimeRegion(extents, field_sizes): a region of the task runtime.",
};

// ---- TaskFuture ---------------------------------------------------------------

typedef struct TaskFn {
  PyObject_HEAD
  PycTaskFn fn;
  char *name;       // never freed: the runtime's trace may name it at exit
  PyObject *owner;  // keeps the code alive
} TaskFn;

typedef struct TaskFuture {
  PyObject_HEAD
  PycFuture *f;
  int64_t result_size;
  PyObject *task;  // the TaskFn (keeps the code alive while the task runs)
} TaskFuture;

static void future_dealloc(PyObject *self) {
  TaskFuture *o = (TaskFuture *)self;
  pyc_future_release(o->f);
  Py_XDECREF(o->task);
  PyObject_Free(self);
}

// get(): waits; the result bytes, or the task's exception.
static PyObject *future_get(PyObject *self, PyObject *unused) {
  (void)unused;
  TaskFuture *o = (TaskFuture *)self;
  char buf[64] = {0};
  int32_t rc;
  Py_BEGIN_ALLOW_THREADS
  rc = pyc_future_get(o->f, o->result_size ? buf : NULL);
  Py_END_ALLOW_THREADS
  core_output_flush();
  if (rc != PYC_TASK_OK) {
    // The exception now belongs to Python: clear the runtime's failure (a
    // fence drains what was launched after it) so later launches run.
    raise_rt(((TaskFn *)o->task)->name);
    PyObject *et, *ev, *tb;
    PyErr_Fetch(&et, &ev, &tb);
    Py_BEGIN_ALLOW_THREADS
    pyc_runtime_fence();
    Py_END_ALLOW_THREADS
    pyc_err_clear();
    PyErr_Restore(et, ev, tb);
    return NULL;
  }
  return PyBytes_FromStringAndSize(buf, (Py_ssize_t)o->result_size);
}

static PyObject *future_done(PyObject *self, PyObject *unused) {
  (void)unused;
  return PyBool_FromLong(pyc_future_ready(((TaskFuture *)self)->f));
}

static PyMethodDef future_methods[] = {
    {"get", future_get, METH_NOARGS, "wait; the result bytes (raises the task's exception)"},
    {"done", future_done, METH_NOARGS, "whether the task has finished"},
    {NULL, NULL, 0, NULL},
};

static PyTypeObject TaskFutureType = {
    PyVarObject_HEAD_INIT(NULL, 0).tp_name = "pyc_task._core.TaskFuture",
    .tp_basicsize = sizeof(TaskFuture),
    .tp_dealloc = future_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_methods = future_methods,
    .tp_doc = "The future of a launch from Python.",
};

// ---- TaskFn -------------------------------------------------------------------

static PyObject *taskfn_new(PyTypeObject *type, PyObject *args, PyObject *kw) {
  (void)type;
  static const char *kwlist[] = {"name", "address", "owner", NULL};
  const char *name;
  PyObject *addr, *owner;
  if (!PyArg_ParseTupleAndKeywords(args, kw, "sOO", (char **)kwlist, &name, &addr, &owner))
    return NULL;
  void *a = PyLong_AsVoidPtr(addr);
  if (!a) {
    if (!PyErr_Occurred()) PyErr_SetString(PyExc_ValueError, "null task address");
    return NULL;
  }
  TaskFn *o = PyObject_New(TaskFn, type);
  if (!o) return NULL;
  o->fn = (PycTaskFn)a;
  o->name = strdup(name);
  Py_INCREF(owner);
  o->owner = owner;
  return (PyObject *)o;
}

static void taskfn_dealloc(PyObject *self) {
  Py_XDECREF(((TaskFn *)self)->owner);
  PyObject_Free(self);
}

// launch(args: bytes, regions: tuple[RuntimeRegion], reqs: tuple[(priv, fields,
// redop, elem_type)], result_size) -> TaskFuture
static PyObject *taskfn_launch(PyObject *self, PyObject *args) {
  TaskFn *t = (TaskFn *)self;
  Py_buffer blob;
  PyObject *regs, *reqs;
  long long rsize;
  if (*core_intr_flag && core_interrupt_stale() < 0) return NULL;  // Ctrl-C before the launch
  if (!PyArg_ParseTuple(args, "y*O!O!L", &blob, &PyTuple_Type, &regs, &PyTuple_Type, &reqs, &rsize))
    return NULL;
  PyObject *res = NULL;
  Py_ssize_t n = PyTuple_GET_SIZE(regs);
  PycReq req[CORE_MAX_PARAMS];
  if (n > CORE_MAX_PARAMS || PyTuple_GET_SIZE(reqs) != n || rsize < 0 || rsize > 64) {
    PyErr_SetString(PyExc_ValueError, "bad launch");
    goto done;
  }
  for (Py_ssize_t i = 0; i < n; i++) {
    PyObject *r = PyTuple_GET_ITEM(regs, i);
    if (!PyObject_TypeCheck(r, &RuntimeRegionType)) {
      PyErr_SetString(PyExc_TypeError, "launch: a region argument is not a runtime region");
      goto done;
    }
    int pr, ro, et;
    unsigned long long mask;
    if (!PyArg_ParseTuple(PyTuple_GET_ITEM(reqs, i), "iKii", &pr, &mask, &ro, &et)) goto done;
    req[i] = (PycReq){((RuntimeRegion *)r)->r, mask, pr, ro, et, 0};
  }
  PycFuture *f = pyc_launch(t->name, t->fn, blob.len ? blob.buf : NULL, (int64_t)blob.len,
                            (int32_t)n, req, (int64_t)rsize);
  if (!f) {
    raise_rt(t->name);
    goto done;
  }
  TaskFuture *o = PyObject_New(TaskFuture, &TaskFutureType);
  if (!o) {
    pyc_future_release(f);
    goto done;
  }
  o->f = f;
  o->result_size = rsize;
  Py_INCREF(self);
  o->task = self;
  res = (PyObject *)o;
done:
  PyBuffer_Release(&blob);
  return res;
}

static PyMethodDef taskfn_methods[] = {
    {"launch", taskfn_launch, METH_VARARGS,
     "launch(args, regions, reqs, result_size) -> TaskFuture"},
    {NULL, NULL, 0, NULL},
};

static PyTypeObject TaskFnType = {
    PyVarObject_HEAD_INIT(NULL, 0).tp_name = "pyc_task._core.TaskFn",
    .tp_basicsize = sizeof(TaskFn),
    .tp_dealloc = taskfn_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_new = taskfn_new,
    .tp_methods = taskfn_methods,
    .tp_doc = "TaskFn(name, address, owner): a compiled task's PycTaskFn wrapper.",
};

// ---- module functions -----------------------------------------------------------

static PyObject *fence(PyObject *self, PyObject *unused) {
  (void)self;
  (void)unused;
  int32_t rc;
  Py_BEGIN_ALLOW_THREADS
  rc = pyc_runtime_fence();
  Py_END_ALLOW_THREADS
  core_output_flush();
  if (rc != PYC_TASK_OK) {
    raise_rt("task");
    return NULL;
  }
  Py_RETURN_NONE;
}

static PyMethodDef region_funcs[] = {
    {"fence", fence, METH_NOARGS, "fence(): wait for every launch (raises a task's exception)"},
    {NULL, NULL, 0, NULL},
};

int core_region_init(PyObject *m) {
  if (PyType_Ready(&RuntimeRegionType) < 0 || PyType_Ready(&TaskFutureType) < 0 ||
      PyType_Ready(&TaskFnType) < 0)
    return -1;
  PyObject *types[] = {(PyObject *)&RuntimeRegionType, (PyObject *)&TaskFutureType,
                       (PyObject *)&TaskFnType};
  const char *names[] = {"RuntimeRegion", "TaskFuture", "TaskFn"};
  for (int i = 0; i < 3; i++) {
    Py_INCREF(types[i]);
    if (PyModule_AddObject(m, names[i], types[i]) < 0) {
      Py_DECREF(types[i]);
      return -1;
    }
  }
  return PyModule_AddFunctions(m, region_funcs);
}
