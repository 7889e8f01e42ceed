"""`pyc-task compile`: the extension-module output (tools/aot.c), imported in
fresh /usr/bin/python3 processes. The module's Python code runs with its
compiled functions already bound (Dispatcher.target is a NativeFunction
before any call), nothing is compiled at import or at call time
(_core.jit_compile is replaced by a function that fails), and the output is
the pure-Python run's. Also: packages, compile errors, exceptions from AOT
code with their source line, PYC_TASK_DISABLE=1."""

import os
import sysconfig

import pytest

from aot_helpers import PYC_TASK, SAMPLE, pyc_task, python, write
from conftest import needs_core

SUFFIX = sysconfig.get_config_var('EXT_SUFFIX')

pytestmark = [needs_core,
              pytest.mark.skipif(not os.path.exists(PYC_TASK), reason='pyc-task not built')]

# Imports the module with the JIT disabled: any compile would raise.
NO_JIT = '''
import sys
from pyc_task import _core
def _no_jit(*a, **k):
    raise AssertionError("compiled at import: " + repr(a[1:2]))
_core.jit_compile = _no_jit
_core.compile_module = _no_jit
'''


def test_compile_script_and_import(tmp_path):
    src = write(str(tmp_path / 'src' / 'sample.py'), SAMPLE)
    out = tmp_path / 'out'
    r = pyc_task(['compile', src, '-o', str(out)], cwd=str(tmp_path))
    assert r.returncode == 0, r.stderr
    so = out / ('sample' + SUFFIX)
    assert so.exists()
    assert 'sample.cpython-311-x86_64-linux-gnu.so' == so.name or SUFFIX != '.cpython-311-x86_64-linux-gnu.so'
    pure = python([src], cwd=str(tmp_path), pure=True)
    assert pure.returncode == 0, pure.stderr
    # A fresh interpreter, cwd without the .py: only the extension can be imported.
    code = NO_JIT + '''
import sample
print(type(sample.fib.target).__name__, type(sample.dot.target).__name__,
      sorted(sample.__pyc_task_native__), file=sys.stderr)
assert sample.__file__.endswith(%r)
assert sample.__pyc_task_source__.endswith('sample.py')
import numpy as np
assert sample.fib(90) == 2880067194370816120
assert sample.dot(np.ones(3), np.arange(3.0)) == 3.0
''' % SUFFIX
    r = python(['-c', code], cwd=str(tmp_path), path=[str(out)])
    assert r.returncode == 0, r.stderr
    assert r.stdout == pure.stdout
    assert 'NativeFunction NativeFunction' in r.stderr
    assert "['dot', 'fib', 'safe_div']" in r.stderr


def test_exception_in_aot_code(tmp_path):
    src = write(str(tmp_path / 'm.py'), SAMPLE)
    assert pyc_task(['compile', src, '-o', str(tmp_path / 'o')], cwd=str(tmp_path)).returncode == 0
    code = NO_JIT + '''
import m
try:
    m.safe_div(1, 0)
except ZeroDivisionError as e:
    import traceback
    tb = traceback.extract_tb(e.__traceback__)[-1]
    print(type(e).__name__, e, tb.filename.endswith('m.py'), tb.lineno)
'''
    r = python(['-c', code], cwd=str(tmp_path / 'o'), path=[str(tmp_path / 'o')])
    assert r.returncode == 0, r.stderr
    assert r.stdout.splitlines()[-1] == \
        'ZeroDivisionError integer division or modulo by zero True 25'


def test_default_output_dir_is_next_to_the_source(tmp_path):
    src = write(str(tmp_path / 'd' / 'nxt.py'), SAMPLE)
    r = pyc_task(['compile', 'd/nxt.py'], cwd=str(tmp_path))
    assert r.returncode == 0, r.stderr
    assert (tmp_path / 'd' / ('nxt' + SUFFIX)).exists()
    assert src in r.stdout or 'nxt.py' in r.stdout


def test_pure_mode_runs_the_embedded_source(tmp_path):
    src = write(str(tmp_path / 'pm.py'), SAMPLE)
    out = tmp_path / 'o'
    assert pyc_task(['compile', src, '-o', str(out)], cwd=str(tmp_path)).returncode == 0
    pure = python([src], cwd=str(tmp_path), pure=True)
    r = python(['-c', 'import pm; print(pm.__pyc_task_native__)'], cwd=str(out),
               path=[str(out)], env={'PYC_TASK_DISABLE': '1'})
    assert r.returncode == 0, r.stderr
    assert r.stdout == pure.stdout + '{}\n'


def test_compile_package(tmp_path):
    pkg = tmp_path / 'src' / 'mypkg'
    write(str(pkg / '__init__.py'), 'VERSION = 1\n')
    write(str(pkg / 'kern.py'), '''
        from pyc_task import kernel, int64


        @kernel
        def triple(n: int64) -> int64:
            return 3 * n
        ''')
    write(str(pkg / 'plain.py'), 'def helper():\n    return "plain"\n')
    write(str(pkg / 'data.txt'), 'data\n')
    write(str(pkg / 'sub' / '__init__.py'), '')
    write(str(pkg / 'sub' / 'deep.py'), '''
        import pyc_task as pt
        from pyc_task import kernel, float64
        from mypkg.kern import triple


        @kernel
        def half(x: float64) -> float64:
            return x / 2.0

        print("deep loaded", triple(5), half(5.0))
        ''')
    out = tmp_path / 'out'
    r = pyc_task(['compile', str(pkg), '-o', str(out)], cwd=str(tmp_path))
    assert r.returncode == 0, r.stderr
    assert (out / 'mypkg' / ('kern' + SUFFIX)).exists()
    assert (out / 'mypkg' / 'sub' / ('deep' + SUFFIX)).exists()
    assert (out / 'mypkg' / 'plain.py').exists()
    assert (out / 'mypkg' / 'data.txt').exists()
    assert (out / 'mypkg' / '__init__.py').exists()
    assert not (out / 'mypkg' / 'kern.py').exists()
    code = NO_JIT + '''
import mypkg.sub.deep as d, mypkg.kern as k, mypkg.plain as p
print(type(k.triple.target).__name__, type(d.half.target).__name__, p.helper(), k.__file__.endswith(%r))
''' % SUFFIX
    r = python(['-c', code], cwd=str(tmp_path), path=[str(out)])
    assert r.returncode == 0, r.stderr
    assert r.stdout == 'deep loaded 15 2.5\nNativeFunction NativeFunction plain True\n'
    # In place: the extensions land next to the sources.
    r = pyc_task(['compile', str(pkg)], cwd=str(tmp_path))
    assert r.returncode == 0, r.stderr
    assert (pkg / ('kern' + SUFFIX)).exists() and (pkg / 'sub' / ('deep' + SUFFIX)).exists()
    assert not (pkg / ('plain' + SUFFIX)).exists()


def test_compile_errors(tmp_path):
    bad = write(str(tmp_path / 'bad.py'), '''
        from pyc_task import kernel, int64


        @kernel
        def f(n: int64) -> int64:
            return undefined_name + n
        ''')
    r = pyc_task(['compile', bad, '-o', str(tmp_path / 'o')], cwd=str(tmp_path))
    assert r.returncode == 1
    assert "bad.py:6:12: error: name 'undefined_name' is not defined" in r.stderr
    assert not (tmp_path / 'o' / ('bad' + SUFFIX)).exists()
    r = pyc_task(['compile', str(tmp_path / 'missing.py')], cwd=str(tmp_path))
    assert r.returncode == 1 and 'missing.py' in r.stderr
    r = pyc_task(['compile'], cwd=str(tmp_path))
    assert r.returncode == 2
    r = pyc_task(['compile', bad, '-o'], cwd=str(tmp_path))
    assert r.returncode == 2


def test_extension_imports_no_runtime_symbols(tmp_path):
    # Runtime calls go through trampolines filled from _core at import: the
    # extension must not need pyc_* symbols from the dynamic linker.
    import subprocess
    src = write(str(tmp_path / 'syms.py'), SAMPLE)
    assert pyc_task(['compile', src], cwd=str(tmp_path)).returncode == 0
    so = str(tmp_path / ('syms' + SUFFIX))
    nm = subprocess.run(['nm', '-D', '--undefined-only', so], capture_output=True, text=True)
    if nm.returncode != 0:
        pytest.skip('nm not available')
    assert [l for l in nm.stdout.split() if l.startswith('pyc_')] == []
    nm = subprocess.run(['nm', '-D', '--defined-only', so], capture_output=True, text=True)
    assert 'PyInit_syms' in nm.stdout


def test_bad_module_name(tmp_path):
    src = write(str(tmp_path / 'my-script.py'), SAMPLE)
    r = pyc_task(['compile', src], cwd=str(tmp_path))
    assert r.returncode == 1
    assert "'my-script' is not a module name" in r.stderr
