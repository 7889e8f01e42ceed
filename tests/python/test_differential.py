"""The differential programs (tests/programs) and the examples (examples/) run a third way: as Python
scripts through the decorators in compiled mode (JIT on first call), against
the pure-Python oracle. stdout and the exit status must be identical."""

import os
import subprocess
import sys

import pytest

from conftest import BUILD_PY, ROOT, needs_core

PROGRAMS = os.path.join(ROOT, 'tests', 'programs')
EXAMPLES = os.path.join(ROOT, 'examples')
PROGS = sorted(os.path.join(PROGRAMS, f) for f in os.listdir(PROGRAMS)
               if f.endswith('.py') and f != 'run_differential.py') + \
    sorted(os.path.join(EXAMPLES, f) for f in os.listdir(EXAMPLES) if f.endswith('.py'))


def run(prog, compiled):
    env = dict(os.environ)
    env['PYTHONHASHSEED'] = '0'
    if compiled:
        env['PYTHONPATH'] = BUILD_PY
        env.pop('PYC_TASK_DISABLE', None)
    else:
        env['PYTHONPATH'] = os.path.join(ROOT, 'python')
        env['PYC_TASK_DISABLE'] = '1'
    return subprocess.run([sys.executable, '-W', 'error::pyc_task.CompileWarning',
                           prog] if compiled else [sys.executable, prog],
                          capture_output=True, env=env, cwd=ROOT, timeout=300)


@needs_core
@pytest.mark.parametrize('prog', PROGS, ids=[os.path.relpath(p, ROOT) for p in PROGS])
def test_program(prog):
    want = run(prog, compiled=False)
    got = run(prog, compiled=True)
    assert got.stdout.decode(errors='replace') == want.stdout.decode(errors='replace'), \
        got.stderr.decode(errors='replace')[-2000:]
    assert got.returncode == want.returncode, got.stderr.decode(errors='replace')[-2000:]
