"""Helpers of the cache / AOT / hook tests (test_cache*.py, test_aot*.py,
test_hook*.py): the build tree's pyc-task command, fresh interpreter runs
with a chosen PYTHONPATH and environment, and small sample programs."""

import os
import subprocess
import sys
import textwrap

from conftest import BUILD_PY, ROOT

PYC_TASK = os.path.join(os.path.dirname(BUILD_PY), 'bin', 'pyc-task')
PURE_PY = os.path.join(ROOT, 'python')


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, 'w') as f:
        f.write(textwrap.dedent(text).lstrip('\n'))
    return path


def python(args, cwd, path=(), pure=False, env=None, timeout=300):
    """Run /usr/bin/python3 (sys.executable) in a fresh process."""
    e = dict(os.environ)
    e.pop('PYC_TASK_DISABLE', None)
    e['PYTHONPATH'] = os.pathsep.join(list(path) + [PURE_PY if pure else BUILD_PY])
    if pure:
        e['PYC_TASK_DISABLE'] = '1'
    if env:
        e.update(env)
    return subprocess.run([sys.executable] + list(args), cwd=cwd, env=e,
                          capture_output=True, text=True, timeout=timeout)


def pyc_task(args, cwd, env=None):
    e = dict(os.environ)
    if env:
        e.update(env)
    return subprocess.run([PYC_TASK] + list(args), cwd=cwd, env=e,
                          capture_output=True, text=True, timeout=300)


# A module with compiled functions, module-level Python code and output.
SAMPLE = '''
import numpy as np
import pyc_task as pt
from pyc_task import kernel, int64, float64


@kernel
def fib(n: int64) -> int64:
    a = 0
    b = 1
    for i in range(n):
        a, b = b, a + b
    return a


@kernel
def dot(x: pt.float64[::1], y: pt.float64[::1]) -> float64:
    s = 0.0
    for i in range(x.shape[0]):
        s += x[i] * y[i]
    return s


@kernel
def safe_div(a: int64, b: int64) -> int64:
    return a // b


TABLE = [fib(i) for i in range(10)]
print("fib:", TABLE, fib(80))
x = np.linspace(0.0, 1.0, 1001)
print("dot: %.12f" % dot(x, x))
'''
