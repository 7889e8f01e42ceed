// dispatch.c - Dispatcher: what @kernel / @task return in compiled mode.
// A vectorcall object with a target: while the target is unset, a call asks
// the Python hook (pyc_task._jit) to compile the function's module, which
// sets the target of every dispatcher of that module (a NativeFunction, or
// the Python function for one that runs as Python); from then on a call is
// one C-level forward to the target. Has a __dict__ (functools.wraps
// attributes, __pyc_task__) and binds like a staticmethod.
#include "core.h"

#include <structmember.h>

typedef struct Dispatcher {
  PyObject_HEAD
  vectorcallfunc vectorcall;
  PyObject *pyfunc;  // the Python function
  PyObject *hook;    // callable(dispatcher) that sets the target; may be None
  PyObject *target;  // NULL until compiled
  PyObject *dict;
  PyObject *weakrefs;
} Dispatcher;

static PyObject *dispatcher_vectorcall(PyObject *self, PyObject *const *args, size_t nargsf,
                                       PyObject *kwnames) {
  Dispatcher *d = (Dispatcher *)self;
  PyObject *t = d->target;
  if (t) return PyObject_Vectorcall(t, args, nargsf, kwnames);
  if (d->hook && d->hook != Py_None) {
    PyObject *r = PyObject_CallOneArg(d->hook, self);
    if (!r) return NULL;
    Py_DECREF(r);
  }
  if (!d->target) {
    d->target = d->pyfunc;
    Py_INCREF(d->target);
  }
  return PyObject_Vectorcall(d->target, args, nargsf, kwnames);
}

static int dispatcher_traverse(PyObject *self, visitproc visit, void *arg) {
  Dispatcher *d = (Dispatcher *)self;
  Py_VISIT(d->pyfunc);
  Py_VISIT(d->hook);
  Py_VISIT(d->target);
  Py_VISIT(d->dict);
  return 0;
}

static int dispatcher_clear(PyObject *self) {
  Dispatcher *d = (Dispatcher *)self;
  Py_CLEAR(d->pyfunc);
  Py_CLEAR(d->hook);
  Py_CLEAR(d->target);
  Py_CLEAR(d->dict);
  return 0;
}

static void dispatcher_dealloc(PyObject *self) {
  PyObject_GC_UnTrack(self);
  Dispatcher *d = (Dispatcher *)self;
  if (d->weakrefs) PyObject_ClearWeakRefs(self);
  dispatcher_clear(self);
  PyObject_GC_Del(self);
}

static PyObject *dispatcher_new(PyTypeObject *type, PyObject *args, PyObject *kw) {
  static const char *kwlist[] = {"pyfunc", "hook", "target", NULL};
  PyObject *pyfunc, *hook = Py_None, *target = Py_None;
  if (!PyArg_ParseTupleAndKeywords(args, kw, "O|OO", (char **)kwlist, &pyfunc, &hook, &target))
    return NULL;
  Dispatcher *d = PyObject_GC_New(Dispatcher, type);
  if (!d) return NULL;
  d->vectorcall = dispatcher_vectorcall;
  d->pyfunc = pyfunc;
  Py_INCREF(pyfunc);
  d->hook = hook;
  Py_INCREF(hook);
  d->target = target == Py_None ? NULL : target;
  Py_XINCREF(d->target);
  d->dict = NULL;
  d->weakrefs = NULL;
  PyObject_GC_Track(d);
  return (PyObject *)d;
}

static PyObject *dispatcher_get(PyObject *self, PyObject *obj, PyObject *type) {
  (void)obj;
  (void)type;
  Py_INCREF(self);
  return self;
}

static PyObject *get_target(PyObject *self, void *c) {
  (void)c;
  PyObject *t = ((Dispatcher *)self)->target;
  if (!t) Py_RETURN_NONE;
  Py_INCREF(t);
  return t;
}

static int set_target(PyObject *self, PyObject *v, void *c) {
  (void)c;
  Dispatcher *d = (Dispatcher *)self;
  PyObject *old = d->target;
  d->target = v && v != Py_None ? v : NULL;
  Py_XINCREF(d->target);
  Py_XDECREF(old);
  return 0;
}

static PyGetSetDef dispatcher_getset[] = {
    {"target", get_target, set_target,
     "what a call runs: a NativeFunction, the Python function, or None before the first call",
     NULL},
    {"__dict__", PyObject_GenericGetDict, PyObject_GenericSetDict, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyMemberDef dispatcher_members[] = {
    {"py_func", T_OBJECT, offsetof(Dispatcher, pyfunc), READONLY, "the Python function"},
    {NULL, 0, 0, 0, NULL},
};

static PyObject *dispatcher_repr(PyObject *self) {
  Dispatcher *d = (Dispatcher *)self;
  PyObject *name = PyObject_GetAttrString(d->pyfunc, "__qualname__");
  if (!name) {
    PyErr_Clear();
    return PyUnicode_FromString("<pyc_task dispatcher>");
  }
  PyObject *r = PyUnicode_FromFormat("<pyc_task %s %U>",
                                     !d->target ? "dispatcher (not compiled yet)"
                                     : d->target == d->pyfunc ? "dispatcher (Python)"
                                                              : "dispatcher (native)",
                                     name);
  Py_DECREF(name);
  return r;
}

PyTypeObject CoreDispatcherType = {
    PyVarObject_HEAD_INIT(NULL, 0).tp_name = "pyc_task._core.Dispatcher",
    .tp_basicsize = sizeof(Dispatcher),
    .tp_dealloc = dispatcher_dealloc,
    .tp_vectorcall_offset = offsetof(Dispatcher, vectorcall),
    .tp_call = PyVectorcall_Call,
    .tp_repr = dispatcher_repr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_VECTORCALL | Py_TPFLAGS_HAVE_GC,
    .tp_doc = "Dispatcher(pyfunc, hook=None, target=None): compiles on first call, then "
              "forwards to native code.",
    .tp_traverse = dispatcher_traverse,
    .tp_clear = dispatcher_clear,
    .tp_getset = dispatcher_getset,
    .tp_members = dispatcher_members,
    .tp_dictoffset = offsetof(Dispatcher, dict),
    .tp_weaklistoffset = offsetof(Dispatcher, weakrefs),
    .tp_descr_get = dispatcher_get,
    .tp_new = dispatcher_new,
};
