// errors.c - runtime exceptions -> Python exceptions, and compiled print()
// -> sys.stdout.
// A pending pyc_err after a call becomes the builtin exception of the same
// kind and message; a traceback entry naming the source file and line of the
// raise is added the way Cython does it (PyCode_NewEmpty with that line as
// co_firstlineno, PyFrame_New, PyTraceBack_Here), so tracebacks and
// linecache show the source line. Output: the runtime's write hook sends
// every compiled print() to sys.stdout.write when the printing thread holds
// the GIL; other threads (task workers) append to a locked pending buffer
// that is written before the next print of a GIL holder and after each call.
#include "core.h"

#include <frameobject.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "pyc/runtime.h"

static PyObject *exc_class(int32_t kind) {
  switch (kind) {
  case PYC_EXC_EXCEPTION: return PyExc_Exception;
  case PYC_EXC_ARITHMETIC: return PyExc_ArithmeticError;
  case PYC_EXC_ZERO_DIVISION: return PyExc_ZeroDivisionError;
  case PYC_EXC_OVERFLOW: return PyExc_OverflowError;
  case PYC_EXC_VALUE: return PyExc_ValueError;
  case PYC_EXC_TYPE: return PyExc_TypeError;
  case PYC_EXC_INDEX: return PyExc_IndexError;
  case PYC_EXC_KEY: return PyExc_KeyError;
  case PYC_EXC_ASSERTION: return PyExc_AssertionError;
  case PYC_EXC_RUNTIME: return PyExc_RuntimeError;
  case PYC_EXC_NOT_IMPLEMENTED: return PyExc_NotImplementedError;
  case PYC_EXC_MEMORY: return PyExc_MemoryError;
  case PYC_EXC_RECURSION: return PyExc_RecursionError;
  case PYC_EXC_KEYBOARD_INTERRUPT: return PyExc_KeyboardInterrupt;
  default: return PyExc_RuntimeError;
  }
}

static void add_traceback(const char *file, int line, const char *fname) {
  PyObject *et, *ev, *tb;
  PyErr_Fetch(&et, &ev, &tb);  // PyFrame_New must not run with an exception set
  PyCodeObject *code = PyCode_NewEmpty(file, fname, line);
  PyObject *globals = code ? PyDict_New() : NULL;
  PyFrameObject *frame = globals ? PyFrame_New(PyThreadState_Get(), code, globals, NULL) : NULL;
  PyErr_Clear();
  PyErr_Restore(et, ev, tb);
  if (frame) PyTraceBack_Here(frame);
  Py_XDECREF(frame);
  Py_XDECREF(globals);
  Py_XDECREF(code);
}

void core_raise_pending(const char *fname) {
  int32_t kind = pyc_err_occurred();
  const char *msg = pyc_err_message();
  const char *file = pyc_err_file();
  int line = pyc_err_line();
  PyObject *cls = exc_class(kind);
  char *fcopy = file ? strdup(file) : NULL;
  if (kind == PYC_EXC_KEYBOARD_INTERRUPT) {
    pyc_err_clear();  // before Python code (the SIGINT handler) runs
    core_interrupt_raise();  // Python's SIGINT handler decides what is raised
  } else if (!msg || !*msg) {
    PyErr_SetNone(cls);  // `raise ValueError` has no args
  } else {
    PyObject *m = PyUnicode_DecodeUTF8(msg, (Py_ssize_t)strlen(msg), "replace");
    if (m) {
      PyErr_SetObject(cls, m);
      Py_DECREF(m);
    }
  }
  pyc_err_clear();
  if (fcopy && line > 0) add_traceback(fcopy, line, fname);
  free(fcopy);
}

// ---- output -------------------------------------------------------------------

static pthread_mutex_t out_lock = PTHREAD_MUTEX_INITIALIZER;
static char *pending;          // bytes printed by threads without the GIL
static size_t pending_len, pending_cap;
volatile int core_output_pending;

static void write_py(const char *data, size_t len) {
  PyObject *out = PySys_GetObject("stdout");  // borrowed
  if (!out || out == Py_None) {
    fwrite(data, 1, len, stdout);
    return;
  }
  PyObject *s = PyUnicode_DecodeUTF8(data, (Py_ssize_t)len, "surrogateescape");
  PyObject *r = s ? PyObject_CallMethod(out, "write", "O", s) : NULL;
  if (!r) {
    PyErr_Clear();
    fwrite(data, 1, len, stdout);
  }
  Py_XDECREF(r);
  Py_XDECREF(s);
}

// Writes the pending bytes (caller holds the GIL).
static void flush_pending(void) {
  pthread_mutex_lock(&out_lock);
  if (pending_len) {
    PyObject *et, *ev, *tb;
    PyErr_Fetch(&et, &ev, &tb);
    write_py(pending, pending_len);
    PyErr_Restore(et, ev, tb);
    pending_len = 0;
  }
  core_output_pending = 0;
  pthread_mutex_unlock(&out_lock);
}

void core_output_flush(void) { flush_pending(); }

static void hook(const char *data, size_t len, void *ctx) {
  (void)ctx;
  if (Py_IsInitialized() && PyGILState_Check()) {
    if (core_output_pending) flush_pending();
    PyObject *et, *ev, *tb;
    PyErr_Fetch(&et, &ev, &tb);
    write_py(data, len);
    PyErr_Restore(et, ev, tb);
    return;
  }
  pthread_mutex_lock(&out_lock);
  if (pending_len + len > pending_cap) {
    size_t cap = (pending_len + len) * 2 + 256;
    char *p = realloc(pending, cap);
    if (!p) {
      fwrite(data, 1, len, stdout);
      pthread_mutex_unlock(&out_lock);
      return;
    }
    pending = p;
    pending_cap = cap;
  }
  memcpy(pending + pending_len, data, len);
  pending_len += len;
  core_output_pending = 1;
  pthread_mutex_unlock(&out_lock);
}

int core_output_init(void) {
  if (getenv("PYC_TASK_RAW_STDOUT") && *getenv("PYC_TASK_RAW_STDOUT") == '1') return 0;
  pyc_set_write_hook(hook, NULL);
  return 0;
}
