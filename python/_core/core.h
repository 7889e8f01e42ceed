// core.h - private header of the pyc_task._core extension (python/_core/*.c).
//
// Pieces: signatures (sig.c: the driver's signature lines -> CoreSig),
// argument conversion and results (convert.c), the NativeFunction type and
// its call paths (native.c), exceptions/tracebacks and the stdout hook
// (errors.c), and the module with compile_module (module.c). The boundary
// contract is docs/python.md; the C ABI of compiled functions is
// codegen/codegen.h.
#ifndef PYC_PYTHON_CORE_H
#define PYC_PYTHON_CORE_H

#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdbool.h>
#include <stdint.h>

#define CORE_MAX_PARAMS 16
#define CORE_MAX_NDIM 8
#define CORE_MAX_ELEMS 16  // tuple result elements (flattened tree size)

// Scalar kinds, also the element types of arrays.
typedef enum CoreScalar {
  CS_NONE, CS_BOOL, CS_I8, CS_I16, CS_I32, CS_I64, CS_U8, CS_U16, CS_U32, CS_U64, CS_F32, CS_F64,
} CoreScalar;

typedef enum CoreKind { CK_VOID, CK_SCALAR, CK_ARRAY, CK_TUPLE } CoreKind;

// A boundary type: scalar, array, or tuple (of these).
typedef struct CoreType {
  CoreKind kind;
  CoreScalar scalar;  // CK_SCALAR; CK_ARRAY: element type
  int ndim;           // CK_ARRAY
  bool contig;        // CK_ARRAY: innermost axis unit stride (::1)
  int nelems;         // CK_TUPLE
  struct CoreType *elems;  // CK_TUPLE (malloc'd)
  size_t size, align;      // memory layout (bool = 1 byte)
} CoreType;

typedef struct CoreSig {
  char *name;            // malloc'd
  int nparams;
  CoreType params[CORE_MAX_PARAMS];
  char *pnames[CORE_MAX_PARAMS];  // malloc'd
  bool written[CORE_MAX_PARAMS];
  CoreType ret;
  bool mayraise, top_level;
  int nint, nfloat;      // register classes used by the direct path (-1: not eligible)
  bool direct;           // x86-64 SysV direct call possible (no libffi)
} CoreSig;

// sig.c: parses one signature line; on failure returns false with a message
// in err (unsupported type at the boundary, malformed line).
bool core_sig_parse(const char *line, CoreSig *sig, char *err, size_t errcap);
void core_sig_free(CoreSig *sig);
void core_type_free(CoreType *t);
// User spelling: "float64[:, ::1]"; and the long form "2-D C-contiguous float64 array".
void core_type_spell(const CoreType *t, char *out, size_t cap);
void core_type_describe(const CoreType *t, char *out, size_t cap);
const char *core_scalar_name(CoreScalar s);
size_t core_scalar_size(CoreScalar s);

// The memory struct of an array argument/result: strides in elements.
typedef struct CoreArrayMem {
  void *meminfo;
  void *data;
  int64_t dims[2 * CORE_MAX_NDIM];  // shape[ndim] then strides[ndim]
} CoreArrayMem;

// One argument's converted value.
typedef union CoreSlot {
  int64_t i;
  uint64_t u;
  double d;
  float f;
  uint8_t b;
  void *p;
} CoreSlot;

// Per-call conversion state (on the caller's stack: no allocation).
typedef struct CoreCall {
  CoreSlot slots[CORE_MAX_PARAMS];
  CoreArrayMem arrays[CORE_MAX_PARAMS];
  Py_buffer views[CORE_MAX_PARAMS];
  bool has_view[CORE_MAX_PARAMS];
  PyObject *const *args;  // the Python arguments (borrowed), in parameter order
} CoreCall;

// convert.c
int core_numpy_init(void);  // import_array(); -1 with an exception
// Converts args[i] for parameter i of sig into call; -1 with TypeError/
// ValueError/OverflowError set (naming fname and the parameter).
int core_convert_arg(const CoreSig *sig, const char *fname, int i, PyObject *arg, CoreCall *call);
void core_release_args(const CoreSig *sig, CoreCall *call);
// The Python value of a result in memory `mem` of type t (owned references of
// arrays inside are transferred; on error the rest are released).
PyObject *core_result(const CoreType *t, void *mem, const CoreSig *sig, CoreCall *call);
// Releases the array references inside a result that was not converted.
void core_result_drop(const CoreType *t, void *mem);

// errors.c
// Turns the pending runtime exception into a Python exception with a
// traceback entry at its file:line (function name fname); clears it.
void core_raise_pending(const char *fname);
int core_output_init(void);      // installs the stdout hook
void core_output_flush(void);    // writes what worker threads printed
extern volatile int core_output_pending;

// interrupt.c: Ctrl-C. The SIGINT handler chained in front of CPython's
// (1 if installed; 0 when SIGINT is SIG_DFL/SIG_IGN: nothing to chain to).
int core_interrupt_install(void);
PyObject *core_install_interrupt_handler(PyObject *self, PyObject *noargs);
// The runtime's interrupt flag (pyc_interrupt_flag()), set at import.
extern volatile int32_t *core_intr_flag;
// A call found the flag set before it started: runs Python's pending signal
// handlers (-1: one raised) and clears the flag.
int core_interrupt_stale(void);
// Compiled code stopped with KeyboardInterrupt: clears the flag and sets the
// Python exception (Python's SIGINT handler's, else KeyboardInterrupt).
void core_interrupt_raise(void);

// native.c
extern PyTypeObject CoreNativeType;
extern PyTypeObject CoreOwnerType;
extern PyTypeObject CoreDispatcherType;  // dispatch.c
// A NativeFunction for a signature line and an address; owner keeps the code alive.
PyObject *core_native_new(const char *sigline, void *addr, PyObject *owner, PyObject *pyfunc);

// region.c: RuntimeRegion, TaskFn, TaskFuture and fence() (Tasks from Python).
int core_region_init(PyObject *m);

#endif
