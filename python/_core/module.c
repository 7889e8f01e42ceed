// module.c - the pyc_task._core module: compile_module and the pieces it is
// made of, for the disk cache / AOT layers to wrap (docs/python.md):
//   jit_compile(source, filename, boundscheck, fastmath)
//       -> (owner, signatures, {name: address}, dropped)
//   bind_all(owner, signatures, addresses, dropped, strict=False) -> {name: NativeFunction}
//   compile_module(source, filename, *, boundscheck, fastmath, strict) = both
//   bind(signature_line, address, owner, pyfunc=None) -> NativeFunction
// `owner` is a Compilation (holds the PycCompiler and so the JIT'd code); a
// NativeFunction keeps a reference to it. `dropped` lists the functions left
// out by the per-function fallback: (name, message, filename, lineno,
// offset, text, rendered) tuples; bind_all warns (pyc_task.CompileWarning)
// or raises pyc_task.CompileError for them.
#include "core.h"

#include <stdlib.h>
#include <string.h>

#include "cache.h"
#include "driver.h"
#include "pyc/runtime.h"

// ---- Compilation: owns one PycCompiler ----------------------------------------

typedef struct Compilation {
  PyObject_HEAD
  PycCompiler *c;
} Compilation;

static void compilation_dealloc(PyObject *self) {
  Compilation *co = (Compilation *)self;
  pyc_compiler_delete(co->c);
  PyObject_Free(self);
}

PyTypeObject CoreOwnerType = {
    PyVarObject_HEAD_INIT(NULL, 0).tp_name = "pyc_task._core.Compilation",
    .tp_basicsize = sizeof(Compilation),
    .tp_dealloc = compilation_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_doc = "One JIT compilation; its code lives as long as this object.",
};

// The diagnostics of a failed compilation, as text.
static PyObject *diag_text(PycCompiler *c) {
  char *buf = NULL;
  size_t len = 0;
  FILE *f = open_memstream(&buf, &len);
  if (!f) return PyUnicode_FromString("compilation failed");
  pyc_compiler_print_diags(c, f);
  fclose(f);
  PyObject *s = PyUnicode_DecodeUTF8(buf ? buf : "", (Py_ssize_t)len, "replace");
  free(buf);
  return s;
}

static PyObject *import_attr(const char *mod, const char *name) {
  PyObject *m = PyImport_ImportModule(mod);
  if (!m) return NULL;
  PyObject *a = PyObject_GetAttrString(m, name);
  Py_DECREF(m);
  return a;
}

// CompileError(message, (filename, lineno, offset, text)) set as the exception.
static void set_compile_error(PyObject *msg, PyObject *filename, long line, long col,
                              PyObject *text) {
  PyObject *cls = import_attr("pyc_task", "CompileError");
  if (!cls) return;
  PyObject *err = PyObject_CallFunction(cls, "O(OllO)", msg, filename, line, col, text);
  if (err) {
    PyErr_SetObject(cls, err);
    Py_DECREF(err);
  }
  Py_DECREF(cls);
}

// Whole-module failure: CompileError at the first diagnostic's location.
static PyObject *raise_module_error(PycCompiler *c, PyObject *filename) {
  PyObject *text = diag_text(c);
  long line = 0, col = 0;
  PyObject *srcline = Py_None;
  Py_INCREF(srcline);
  DiagSink *ds = pyc_compiler_diags(c);
  const Diag *d = ds->first;
  while (d && d->level != DIAG_ERROR) d = d->next;
  if (d && d->loc.file != SRC_NONE) {
    uint32_t l, k;
    srcmgr_linecol(ds->sm, d->loc, &l, &k);
    line = l;
    col = k;
    SrcFile *f = srcmgr_file(ds->sm, d->loc.file);
    if (f && l >= 1 && l <= f->nlines) {
      uint32_t a = f->line_starts[l - 1], b = a;
      while (b < f->len && f->text[b] != '\n') b++;
      Py_DECREF(srcline);
      srcline = PyUnicode_DecodeUTF8(f->text + a, b - a, "replace");
    }
  }
  if (text) set_compile_error(text, filename, line, col, srcline ? srcline : Py_None);
  Py_XDECREF(text);
  Py_XDECREF(srcline);
  return NULL;
}

static PyObject *dropped_list(PycCompiler *c) {
  size_t n = pyc_compiler_dropped_count(c);
  PyObject *l = PyList_New(0);
  for (size_t i = 0; l && i < n; i++) {
    const PycDropped *d = pyc_compiler_dropped(c, i);
    PyObject *t = Py_BuildValue("(sssIIss)", d->name, d->message, d->file, d->line, d->col,
                                d->text, d->rendered);
    if (!t || PyList_Append(l, t) < 0) {
      Py_XDECREF(t);
      Py_DECREF(l);
      return NULL;
    }
    Py_DECREF(t);
  }
  return l;
}

// ---- disk cache (tools/cache.h; added by the cache/AOT work) ---------------
// jit_compile goes through the disk cache: a hit JIT-links the cached object
// (no frontend, no LLVM optimizer); a miss compiles and stores. Cache
// warnings (a damaged entry, an unwritable directory) are collected while the
// GIL is released and issued as RuntimeWarning afterwards.
typedef struct CacheWarnings {
  char *msg[8];
  int n;
} CacheWarnings;

static void cache_warn(void *user, const char *msg) {
  CacheWarnings *w = user;
  if (w->n < 8) w->msg[w->n++] = strdup(msg);
}

static int cache_warn_flush(CacheWarnings *w) {
  int rc = 0;
  for (int i = 0; i < w->n; i++) {
    if (rc == 0 && w->msg[i] && PyErr_WarnEx(PyExc_RuntimeWarning, w->msg[i], 1) < 0) rc = -1;
    free(w->msg[i]);
  }
  w->n = 0;
  return rc;
}

static PyObject *jit_compile(PyObject *self, PyObject *args, PyObject *kw) {
  (void)self;
  static const char *kwlist[] = {"source", "filename", "boundscheck", "fastmath", "opt_level", NULL};
  const char *src, *filename;
  Py_ssize_t srclen;
  int boundscheck = 0, fastmath = 0, opt = 3;
  if (!PyArg_ParseTupleAndKeywords(args, kw, "s#s|ppi", (char **)kwlist, &src, &srclen, &filename,
                                   &boundscheck, &fastmath, &opt))
    return NULL;
  PycOptions o;
  pyc_options_default(&o);
  o.boundscheck = boundscheck;
  o.fastmath = fastmath;
  o.opt_level = opt;
  o.drop_failed_functions = true;
  PycCompiler *c = pyc_compiler_new(&o);
  if (!c) return PyErr_NoMemory();
  Compilation *owner = PyObject_New(Compilation, &CoreOwnerType);
  if (!owner) {
    pyc_compiler_delete(c);
    return NULL;
  }
  owner->c = c;
  PyObject *fn = PyUnicode_FromString(filename);
  PyObject *result = NULL, *addrs = NULL, *sigs = NULL, *dropped = NULL;
  char *sigtext = NULL;
  bool ok;
  CacheWarnings cw = {{0}, 0};
  PycCacheConfig cfg = {.warn = cache_warn, .warn_user = &cw};
  PycCachedHow how;
  Py_BEGIN_ALLOW_THREADS
  ok = pyc_compiler_load_buffer(c, filename, src, (size_t)srclen) &&
       pyc_compiler_jit_cached(c, &cfg, &sigtext, &how);
  Py_END_ALLOW_THREADS
  if (cache_warn_flush(&cw) < 0) {
    free(sigtext);
    sigtext = NULL;
    goto done;
  }
  if (!ok || !sigtext) {
    raise_module_error(c, fn);
    goto done;
  }
  addrs = PyDict_New();
  char *save = NULL;
  char *copy = strdup(sigtext);
  bool any = copy && *copy;
  if (any) {
    // The first lookup JITs the whole module: without the GIL.
    char first[512];
    snprintf(first, sizeof first, "pyk_%.*s", (int)strcspn(copy, "\t"), copy);
    void *probe;
    Py_BEGIN_ALLOW_THREADS
    probe = pyc_compiler_lookup(c, first);
    Py_END_ALLOW_THREADS
    (void)probe;
  }
  for (char *line = copy ? strtok_r(copy, "\n", &save) : NULL; line && addrs;
       line = strtok_r(NULL, "\n", &save)) {
    size_t n = strcspn(line, "\t");
    char sym[512];
    snprintf(sym, sizeof sym, "pyk_%.*s", (int)n, line);
    void *a = pyc_compiler_lookup(c, sym);
    if (!a) {
      free(copy);
      raise_module_error(c, fn);
      goto done;
    }
    PyObject *v = PyLong_FromVoidPtr(a);
    PyObject *k = PyUnicode_FromStringAndSize(line, (Py_ssize_t)n);
    if (!v || !k || PyDict_SetItem(addrs, k, v) < 0) Py_CLEAR(addrs);
    Py_XDECREF(v);
    Py_XDECREF(k);
  }
  free(copy);
  sigs = PyUnicode_FromString(sigtext);
  dropped = dropped_list(c);
  if (addrs && sigs && dropped)
    result = PyTuple_Pack(4, (PyObject *)owner, sigs, addrs, dropped);
done:
  free(sigtext);
  Py_XDECREF(addrs);
  Py_XDECREF(sigs);
  Py_XDECREF(dropped);
  Py_XDECREF(fn);
  Py_DECREF(owner);
  return result;
}

static PyObject *bind(PyObject *self, PyObject *args, PyObject *kw) {
  (void)self;
  static const char *kwlist[] = {"signature", "address", "owner", "pyfunc", NULL};
  const char *line;
  PyObject *addr, *owner, *pyfunc = NULL;
  if (!PyArg_ParseTupleAndKeywords(args, kw, "sOO|O", (char **)kwlist, &line, &addr, &owner, &pyfunc))
    return NULL;
  void *a = PyLong_AsVoidPtr(addr);
  if (!a && PyErr_Occurred()) return NULL;
  return core_native_new(line, a, owner, pyfunc);
}

// Warns (CompileWarning) or raises (CompileError) for each dropped function.
static int report_dropped(PyObject *dropped, int strict) {
  Py_ssize_t n = PyList_Size(dropped);
  for (Py_ssize_t i = 0; i < n; i++) {
    PyObject *t = PyList_GET_ITEM(dropped, i);
    const char *name, *msg, *file, *text, *rendered;
    unsigned line, col;
    if (!PyArg_ParseTuple(t, "sssIIss", &name, &msg, &file, &line, &col, &text, &rendered))
      return -1;
    if (strict) {
      PyObject *m = PyUnicode_FromFormat("%s() is not compiled: %s", name, msg);
      PyObject *f = PyUnicode_FromString(file);
      PyObject *tx = PyUnicode_FromString(text);
      if (m && f && tx) set_compile_error(m, f, (long)line, (long)col, tx);
      Py_XDECREF(m);
      Py_XDECREF(f);
      Py_XDECREF(tx);
      return -1;
    }
    PyObject *cat = import_attr("pyc_task", "CompileWarning");
    if (!cat) return -1;
    int rc = PyErr_WarnFormat(cat, 1, "%s() runs as Python: %s", name, rendered);
    Py_DECREF(cat);
    if (rc < 0) return -1;
  }
  return 0;
}

static PyObject *bind_all(PyObject *self, PyObject *args, PyObject *kw) {
  (void)self;
  static const char *kwlist[] = {"owner", "signatures", "addresses", "dropped", "strict", NULL};
  PyObject *owner, *addrs, *dropped;
  const char *sigs;
  int strict = 0;
  if (!PyArg_ParseTupleAndKeywords(args, kw, "OsO!O!|p", (char **)kwlist, &owner, &sigs, &PyDict_Type,
                                   &addrs, &PyList_Type, &dropped, &strict))
    return NULL;
  if (report_dropped(dropped, strict) < 0) return NULL;
  PyObject *out = PyDict_New();
  char *copy = strdup(sigs), *save = NULL;
  for (char *line = copy ? strtok_r(copy, "\n", &save) : NULL; line && out;
       line = strtok_r(NULL, "\n", &save)) {
    size_t n = strcspn(line, "\t");
    PyObject *k = PyUnicode_FromStringAndSize(line, (Py_ssize_t)n);
    PyObject *a = k ? PyDict_GetItemWithError(addrs, k) : NULL;
    PyObject *nf = NULL;
    if (a) {
      void *p = PyLong_AsVoidPtr(a);
      if (p) nf = core_native_new(line, p, owner, NULL);
      if (!nf && PyErr_ExceptionMatches(PyExc_TypeError)) {
        // A signature that does not cross the boundary (struct parameters, ...):
        // compiled callers use the code; Python calls run the Python function.
        PyErr_Clear();
      }
    }
    if (PyErr_Occurred() || (nf && PyDict_SetItem(out, k, nf) < 0)) Py_CLEAR(out);
    Py_XDECREF(nf);
    Py_XDECREF(k);
  }
  free(copy);
  return out;
}

static PyObject *compile_module(PyObject *self, PyObject *args, PyObject *kw) {
  static const char *kwlist[] = {"source", "filename", "boundscheck", "fastmath", "strict", NULL};
  PyObject *src, *filename;
  int boundscheck = 0, fastmath = 0, strict = 0;
  if (!PyArg_ParseTupleAndKeywords(args, kw, "UU|$ppp", (char **)kwlist, &src, &filename, &boundscheck,
                                   &fastmath, &strict))
    return NULL;
  PyObject *jargs = Py_BuildValue("(OO)", src, filename);
  PyObject *jkw = Py_BuildValue("{sOsO}", "boundscheck", boundscheck ? Py_True : Py_False,
                                "fastmath", fastmath ? Py_True : Py_False);
  PyObject *r = jargs && jkw ? jit_compile(self, jargs, jkw) : NULL;
  Py_XDECREF(jargs);
  Py_XDECREF(jkw);
  if (!r) return NULL;
  PyObject *bargs = PyTuple_Pack(4, PyTuple_GET_ITEM(r, 0), PyTuple_GET_ITEM(r, 1),
                                 PyTuple_GET_ITEM(r, 2), PyTuple_GET_ITEM(r, 3));
  PyObject *bkw = Py_BuildValue("{sO}", "strict", strict ? Py_True : Py_False);
  PyObject *out = bargs && bkw ? bind_all(self, bargs, bkw) : NULL;
  Py_XDECREF(bargs);
  Py_XDECREF(bkw);
  Py_DECREF(r);
  return out;
}

// lookup(owner, symbol) -> address or None (a Compilation's JIT symbol).
static PyObject *lookup(PyObject *self, PyObject *args) {
  (void)self;
  PyObject *owner;
  const char *sym;
  if (!PyArg_ParseTuple(args, "Os", &owner, &sym)) return NULL;
  void *a = PyObject_TypeCheck(owner, &CoreOwnerType) ? pyc_compiler_lookup(((Compilation *)owner)->c, sym) : NULL;
  if (!a) Py_RETURN_NONE;
  return PyLong_FromVoidPtr(a);
}

static PyObject *live_count(PyObject *self, PyObject *unused) {
  (void)self;
  (void)unused;
  return PyLong_FromLongLong(pyc_array_live_count());
}

static PyMethodDef methods[] = {
    {"compile_module", (PyCFunction)(void (*)(void))compile_module, METH_VARARGS | METH_KEYWORDS,
     "compile_module(source, filename, *, boundscheck=False, fastmath=False, strict=False)"
     " -> {name: NativeFunction}"},
    {"jit_compile", (PyCFunction)(void (*)(void))jit_compile, METH_VARARGS | METH_KEYWORDS,
     "jit_compile(source, filename, boundscheck=False, fastmath=False, opt_level=3)"
     " -> (owner, signatures, {name: address}, dropped)"},
    {"lookup", lookup, METH_VARARGS, "lookup(owner, symbol) -> address or None"},
    {"bind_all", (PyCFunction)(void (*)(void))bind_all, METH_VARARGS | METH_KEYWORDS,
     "bind_all(owner, signatures, addresses, dropped, strict=False) -> {name: NativeFunction}"},
    {"bind", (PyCFunction)(void (*)(void))bind, METH_VARARGS | METH_KEYWORDS,
     "bind(signature_line, address, owner, pyfunc=None) -> NativeFunction"},
    {"install_interrupt_handler", core_install_interrupt_handler, METH_NOARGS,
     "(re)chains the Ctrl-C handler in front of CPython's C-level SIGINT handler (done at "
     "import; call again after signal.signal(SIGINT, ...)) -> True if installed"},
    {"array_live_count", live_count, METH_NOARGS,
     "arrays allocated by compiled code and not yet freed (pyc_array_live_count)"},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef moddef = {
    PyModuleDef_HEAD_INIT, "_core",
    "The pyc-task compiler and runtime inside CPython (docs/python.md).", -1, methods,
    NULL, NULL, NULL, NULL,
};

PyMODINIT_FUNC PyInit__core(void);
PyMODINIT_FUNC PyInit__core(void) {
  if (core_numpy_init() < 0) return NULL;
  if (PyType_Ready(&CoreNativeType) < 0 || PyType_Ready(&CoreOwnerType) < 0 ||
      PyType_Ready(&CoreDispatcherType) < 0)
    return NULL;
  PyObject *m = PyModule_Create(&moddef);
  if (!m) return NULL;
  Py_INCREF(&CoreNativeType);
  Py_INCREF(&CoreOwnerType);
  Py_INCREF(&CoreDispatcherType);
  if (PyModule_AddObject(m, "NativeFunction", (PyObject *)&CoreNativeType) < 0 ||
      PyModule_AddObject(m, "Compilation", (PyObject *)&CoreOwnerType) < 0 ||
      PyModule_AddObject(m, "Dispatcher", (PyObject *)&CoreDispatcherType) < 0 ||
      PyModule_AddStringConstant(m, "version", PYC_VERSION_STRING) < 0 ||
      core_output_init() < 0 || core_region_init(m) < 0) {
    Py_DECREF(m);
    return NULL;
  }
  (void)core_interrupt_install();  // 0 when SIGINT is SIG_DFL/SIG_IGN: nothing to chain
  return m;
}
