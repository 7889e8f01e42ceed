"""The import hook (pyc_task.install_hook, pyc_task/hook.py) and
`python3 -m pyc_task script.py [args]` (pyc_task/__main__.py), in fresh
processes: modules that import pyc_task are compiled at import (their
dispatchers hold NativeFunctions before any call), the others are left
alone, the script itself runs as __main__ compiled the same way with its
arguments, output and exit status equal to the plain run, and pure mode
changes nothing."""

import os

from aot_helpers import pyc_task, python, write  # noqa: F401
from conftest import needs_core

pytestmark = needs_core

HELPER = '''
from pyc_task import kernel, int64


@kernel
def tri(n: int64) -> int64:
    s = 0
    for i in range(n + 1):
        s += i
    return s
'''

PLAIN = '''
def twice(x):
    return 2 * x
'''

SCRIPT = '''
import sys
import pyc_task as pt
from pyc_task import kernel, int64
import helper
import plain


@kernel
def sq(n: int64) -> int64:
    return n * n


def kinds():
    return (type(getattr(sq, 'target', None)).__name__,
            type(getattr(helper.tri, 'target', None)).__name__,
            sorted(globals().get('__pyc_task_native__', {})),
            hasattr(plain, '__pyc_task_native__'))


print(__name__, sys.argv[1:], sq(12), helper.tri(100), plain.twice(21))
if len(sys.argv) > 1 and sys.argv[1] == 'kinds':
    print(kinds(), file=sys.stderr)
if len(sys.argv) > 1 and sys.argv[1] == 'fail':
    sq(1) // 0
'''


def make(tmp_path):
    write(str(tmp_path / 'helper.py'), HELPER)
    write(str(tmp_path / 'plain.py'), PLAIN)
    return write(str(tmp_path / 'script.py'), SCRIPT)


def test_python_m_pyc_task(tmp_path):
    make(tmp_path)
    pure = python(['script.py', 'kinds', 'x'], cwd=str(tmp_path), pure=True)
    r = python(['-m', 'pyc_task', 'script.py', 'kinds', 'x'], cwd=str(tmp_path))
    assert r.returncode == 0, r.stderr
    assert r.stdout == pure.stdout == "__main__ ['kinds', 'x'] 144 5050 42\n"
    assert "('NativeFunction', 'NativeFunction', ['sq'], False)" in r.stderr


def test_python_m_pyc_task_from_another_directory(tmp_path):
    make(tmp_path / 'app')
    os.makedirs(str(tmp_path / 'elsewhere'))
    r = python(['-m', 'pyc_task', '../app/script.py'], cwd=str(tmp_path / 'elsewhere'))
    assert r.returncode == 0, r.stderr
    assert r.stdout == "__main__ [] 144 5050 42\n"


def test_python_m_pyc_task_exception(tmp_path):
    make(tmp_path)
    pure = python(['script.py', 'fail'], cwd=str(tmp_path), pure=True)
    r = python(['-m', 'pyc_task', 'script.py', 'fail'], cwd=str(tmp_path))
    assert r.returncode == pure.returncode == 1
    assert r.stdout == pure.stdout
    assert r.stderr.rstrip().splitlines()[-1] == 'ZeroDivisionError: integer division or modulo by zero'
    assert 'script.py", line 24, in <module>' in r.stderr
    assert 'pyc_task/__main__.py' not in r.stderr


def test_python_m_pyc_task_usage(tmp_path):
    r = python(['-m', 'pyc_task'], cwd=str(tmp_path))
    assert r.returncode == 2 and 'usage' in r.stderr
    r = python(['-m', 'pyc_task', 'nope.py'], cwd=str(tmp_path))
    assert r.returncode == 2 and 'nope.py' in r.stderr


def test_pure_mode(tmp_path):
    make(tmp_path)
    r = python(['-m', 'pyc_task', 'script.py', 'kinds'], cwd=str(tmp_path), pure=True)
    assert r.returncode == 0, r.stderr
    assert r.stdout == "__main__ ['kinds'] 144 5050 42\n"
    assert "('NoneType', 'NoneType', [], False)" in r.stderr
    r = python(['-c', 'from pyc_task import hook; print(hook.install_hook())'],
               cwd=str(tmp_path), pure=True)
    assert r.stdout == 'False\n'


def test_install_hook_in_process(tmp_path):
    make(tmp_path)
    code = '''
import sys
from pyc_task import hook
assert hook.install_hook() is True and hook.install_hook() is True
assert hook.hook_installed() and sys.meta_path.count(hook._finder) == 1
import helper, plain
assert type(helper.tri.target).__name__ == 'NativeFunction', helper.tri.target
assert sorted(helper.__pyc_task_native__) == ['tri']
assert not hasattr(plain, '__pyc_task_native__')
assert type(helper.__loader__).__name__ == 'PycTaskLoader'
assert type(plain.__loader__).__name__ == 'SourceFileLoader'
print(helper.tri(10))
hook.uninstall_hook()
assert not hook.hook_installed()
'''
    r = python(['-c', code], cwd=str(tmp_path), path=[str(tmp_path)])
    assert r.returncode == 0, r.stderr
    assert r.stdout == '55\n'


def test_hook_module_level_failure_falls_back(tmp_path):
    # A module the compiler cannot take as a whole: a warning, then it runs.
    write(str(tmp_path / 'odd.py'), '''
        from pyc_task import kernel, int64
        import pyc_task


        @kernel
        def good(n: int64) -> int64:
            return n + 1


        @kernel
        def uses_dict(n: int64) -> int64:
            d = {1: 2}
            return d[n]


        print(good(1), uses_dict(1))
        ''')
    r = python(['-m', 'pyc_task', 'odd.py'], cwd=str(tmp_path))
    pure = python(['odd.py'], cwd=str(tmp_path), pure=True)
    assert r.returncode == 0, r.stderr
    assert r.stdout == pure.stdout == '2 2\n'
    assert 'uses_dict' in r.stderr  # the CompileWarning names the function
    assert r.stderr.count('runs as Python') == 1  # compiled once, warned once
