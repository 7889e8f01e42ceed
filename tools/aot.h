// aot.h - ahead-of-time output: `pyc-task compile script.py [-o DIR]` and
// `pyc-task compile pkg/`. A module becomes a CPython extension module
// `<name><EXT_SUFFIX>` (e.g. script.cpython-311-x86_64-linux-gnu.so) holding
// the module's compiled functions (object code), their signatures and the
// module's Python source. Its init imports pyc_task._core, binds the
// compiled functions as native callables into the module's
// `__pyc_task_native__` dict, then runs the embedded source in the module,
// so `import script` compiles nothing. The extension is linked with the
// system `cc`; it calls the runtime inside pyc_task._core (one runtime per
// process) through trampolines resolved when the module is imported.
#ifndef PYC_TOOLS_AOT_H
#define PYC_TOOLS_AOT_H

#include "driver.h"

#include <stdbool.h>
#include <stdio.h>

// The interpreter's extension suffix and include dir (from CMake's Python3;
// $PYC_TASK_PY_EXT_SUFFIX / $PYC_TASK_PY_INCLUDE override them).
const char *pyc_aot_ext_suffix(void);
const char *pyc_aot_py_include(void);

// Compiles one module: the Python file `py_path`, module name `modname` (the
// last dotted component names PyInit_<x>), into the extension `out_path`
// (written atomically). Diagnostics and errors go to `diag`. False on errors.
bool pyc_aot_compile_module(const char *py_path, const char *modname, const char *out_path,
                            const PycOptions *opts, FILE *diag);

// `pyc-task compile PATH [-o DIR]`: PATH a .py file, or a package directory
// (every .py that imports pyc_task is compiled; with -o DIR the package is
// mirrored into DIR/<pkg>/ with the other files copied). Default DIR: next to
// the sources. Prints one line per module written. Returns the exit status.
int pyc_aot_command(const char *path, const char *out_dir, const PycOptions *opts);

#endif
