"""Shared setup of the Python tests: the build tree's package first on
sys.path (PYC_TASK_BUILD, default build/python, then build-py/python), so
`import pyc_task` gets the compiled extension."""

import os
import sys

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def _build_py():
    env = os.environ.get('PYC_TASK_BUILD')
    if env:
        return os.path.join(os.path.abspath(env), 'python')
    for b in ('build', 'build-py'):
        p = os.path.join(ROOT, b, 'python')
        if os.path.isdir(os.path.join(p, 'pyc_task')):
            return p
    return os.path.join(ROOT, 'build', 'python')


BUILD_PY = _build_py()
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, BUILD_PY)
sys.path.insert(0, HERE)
os.environ.pop('PYC_TASK_DISABLE', None)

try:
    from pyc_task import _core  # noqa: F401
    HAVE_CORE = True
except ImportError:
    HAVE_CORE = False

needs_core = pytest.mark.skipif(not HAVE_CORE, reason='pyc_task._core is not built')
