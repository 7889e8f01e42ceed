"""Tasks with region parameters called from Python (docs/python.md "Tasks
from Python"): regions in the runtime's memory viewed as numpy arrays, a
call launches the compiled task and returns a future, results and
exceptions through get(), and the same program's output with
PYC_TASK_DISABLE=1 (tasks_mod.py)."""

import os
import subprocess
import sys

import numpy as np
import pytest

from conftest import BUILD_PY, HERE, ROOT, needs_core

pytestmark = needs_core


@pytest.fixture(scope='module')
def tm():
    import warnings
    import pyc_task
    with warnings.catch_warnings():
        warnings.simplefilter('error', pyc_task.CompileWarning)
        import tasks_mod
        r = tasks_mod.Region([4], tasks_mod.Cell)
        tasks_mod.init(r, 1.0).get()   # compiles the module
    return tasks_mod


def test_region_is_runtime_memory(tm):
    from pyc_task import _core
    r = tm.Region([5], tm.Cell)
    a = r.u
    assert isinstance(a, np.ndarray) and a.dtype == np.float64 and a.shape == (5,)
    assert isinstance(a.base, _core.RuntimeRegion)
    assert a.ctypes.data % 64 == 0
    assert r.n.dtype == np.int64
    assert r.ispace.volume == 5 and r.ispace.bounds == (0, 4)
    a[:] = 7.0
    assert list(r.u) == [7.0] * 5
    g = tm.Region([2, 3], tm.Cell)
    assert g.u.shape == (2, 3) and g.ispace.bounds == ((0, 0), (1, 2))


def test_fill_read_by_task(tm):
    r = tm.Region([6], tm.Cell)
    f = tm.init(r, 0.5)
    assert type(f).__name__ == 'LaunchedFuture'
    assert f.get() is None
    assert list(r.u) == [0.5 * i for i in range(6)]       # the task's writes
    assert list(r.n) == [i * i for i in range(6)]
    tm.fill(r, 'u', 2.0)
    assert tm.total(r).get() == 12.0 + sum(i * i for i in range(6))
    tm.copy(r, 'u', r, 'v')
    assert list(r.v) == [2.0] * 6
    r.u[:] = np.arange(6.0)                                  # numpy writes seen by tasks
    assert tm.total(r).get() == 15.0 + 55


def test_reduction_task(tm):
    r = tm.Region([10], tm.Cell)
    futures = [tm.count(r, k) for k in range(1, 5)]
    for f in futures:
        assert f.get() is None
    assert list(r.n) == [10] * 10


def test_result_and_two_regions(tm):
    r = tm.Region([8], tm.Cell)
    tm.init(r, 1.0)
    assert tm.smooth(r, r).get() == 0.0
    assert list(r.v) == [float(i) for i in range(8)]
    r.u[3] = 5.0
    f = tm.smooth(r, r)
    assert f.get() == f.get() == 1.0
    g = tm.Region([3, 4], tm.Cell)
    assert tm.twod(g).get() == sum(10.0 * i + j for i in range(3) for j in range(4))
    assert g.u[2, 3] == 23.0


def test_exception_in_task(tm):
    r = tm.Region([4], tm.Cell)
    tm.init(r, 1.0)
    with pytest.raises(ValueError, match='n too large'):
        tm.check(r, 2).get()
    with pytest.raises(ZeroDivisionError, match='integer division or modulo by zero'):
        tm.ratio(r, 1).get()
    assert tm.check(r, 100).get() == 4      # the runtime runs launches again


def test_subregion_argument(tm):
    from pyc_task import Partition
    r = tm.Region([8], tm.Cell)
    p = Partition.equal(r, 2)
    tm.init(p[1], 1.0)
    assert list(r.u) == [0.0] * 4 + [4.0, 5.0, 6.0, 7.0]


def test_inline_fieldspace_and_mismatch(tm):
    d = tm.Region([2, 3], {'x': tm.float64, 'k': tm.int64})
    f = tm.dsum(d, 1)
    assert type(f).__name__ == 'LaunchedFuture' and f.get() == 9
    assert d.k.tolist() == [[0, 1, 2], [1, 2, 3]]
    # a region of another field space or shape runs the Python function
    other = tm.Region([2, 3], {'k': tm.int64, 'x': tm.float64})
    f = tm.dsum(other, 1)
    assert type(f).__name__ == 'Future' and f.get() == 9
    assert other.k.tolist() == [[0, 1, 2], [1, 2, 3]]


def test_keyword_arguments(tm):
    r = tm.Region([3], tm.Cell)
    f = tm.init(r, scale=2.0)
    assert type(f).__name__ == 'LaunchedFuture'
    f.get()
    assert list(r.u) == [0.0, 2.0, 4.0]


def test_scalar_argument_errors(tm):
    r = tm.Region([4], tm.Cell)
    with pytest.raises(TypeError):
        tm.count(r, 1.5)


def run(compiled):
    env = dict(os.environ)
    env['PYTHONHASHSEED'] = '0'
    if compiled:
        env['PYTHONPATH'] = os.pathsep.join([BUILD_PY, HERE])
        env.pop('PYC_TASK_DISABLE', None)
    else:
        env['PYTHONPATH'] = os.pathsep.join([os.path.join(ROOT, 'python'), HERE])
        env['PYC_TASK_DISABLE'] = '1'
    return subprocess.run([sys.executable, '-c', 'import tasks_mod; tasks_mod.program()'],
                          capture_output=True, text=True, env=env, cwd=ROOT, timeout=300)


def test_same_output_as_pure_python():
    c, p = run(True), run(False)
    assert p.returncode == 0, p.stderr
    assert c.returncode == 0, c.stderr
    assert 'Warning' not in c.stderr, c.stderr
    assert c.stdout == p.stdout
    assert 'ZeroDivisionError integer division' in c.stdout


def test_point_field(tm):
    """An int2d field in runtime memory: n int64 per point (a trailing axis),
    read as tuples, written by a compiled task, used as a region index."""
    from pyc_task import _core
    pr = tm.Region([4], tm.Probe)
    raw = pr._data['at']
    assert isinstance(raw.base, _core.RuntimeRegion) and raw.shape == (4, 2)
    f = tm.aim(pr, 3)
    assert type(f).__name__ == 'LaunchedFuture'
    f.get()
    assert [pr.at[k] for k in range(4)] == [(0, -1), (1, 1), (2, 0), (0, -1)]
    assert raw.tolist() == [[0, -1], [1, 1], [2, 0], [0, -1]]
    pr.at[1] = (2, 2)                                        # written from Python
    g = tm.Region([3, 3], tm.Cell)
    g.u[:] = np.arange(9.0).reshape(3, 3)
    f = tm.gather(pr, g)
    assert type(f).__name__ == 'LaunchedFuture'
    assert f.get() == 8.0 * 2 + 6.0 * 3
