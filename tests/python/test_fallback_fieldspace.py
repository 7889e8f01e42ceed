"""Regression: when one function of a module is left out (fallback), the
driver checks the module again; its @fieldspace classes must not then count
as defined twice (which made every task of the module run as Python)."""

import os
import subprocess
import sys
import textwrap

from conftest import BUILD_PY, needs_core

SRC = textwrap.dedent('''
    import warnings
    from pyc_task import task, kernel, fieldspace, float64, int64

    @fieldspace
    class Cell:
        u: float64

    @kernel
    def twice(c: Cell) -> float64:
        return 2.0 * c.u

    @kernel
    def bad(n: int64) -> int64:
        x = [1, 2]          # outside the subset: this function is left out
        return n

    @kernel
    def good(n: int64) -> float64:
        return twice(Cell(1.5)) * n

    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter('always')
        print(good(2))
        print(bad(3))
    text = ' '.join(str(x.message) for x in w)
    print('defined twice' in text, 'bad()' in text)
''')


@needs_core
def test_fieldspace_survives_fallback(tmp_path):
    prog = tmp_path / 'fsmod.py'
    prog.write_text(SRC)
    env = dict(os.environ, PYTHONPATH=BUILD_PY, PYC_TASK_NO_CACHE='1')
    env.pop('PYC_TASK_DISABLE', None)
    r = subprocess.run([sys.executable, str(prog)], capture_output=True, text=True, env=env,
                       timeout=120)
    assert r.returncode == 0, r.stderr
    lines = r.stdout.splitlines()
    assert lines[0] == '6.0'
    assert lines[1] == '3'
    assert lines[2] == 'False True'   # bad() warned about; no 'defined twice'
