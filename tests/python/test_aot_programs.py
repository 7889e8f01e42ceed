"""The differential programs (tests/programs) a fourth way: compiled ahead
of time by `pyc-task compile tests/programs -o DIR` (the directory mode),
each extension imported in a fresh interpreter with its main() called,
against the pure-Python run: same stdout, same exit status, and the last line of
the pure run's stderr (the exception, when one escapes) in the compiled
run's stderr (the traceback frames differ because main() itself is
compiled code; the task runtime also prints an escaping task exception)."""

import concurrent.futures
import os
import sysconfig

import pytest

from aot_helpers import PYC_TASK, pyc_task, python
from conftest import ROOT, needs_core

PROGRAMS = os.path.join(ROOT, 'tests', 'programs')
PROGS = sorted(f[:-3] for f in os.listdir(PROGRAMS)
               if f.endswith('.py') and f != 'run_differential.py')
SUFFIX = sysconfig.get_config_var('EXT_SUFFIX')

pytestmark = [needs_core,
              pytest.mark.skipif(not os.path.exists(PYC_TASK), reason='pyc-task not built')]

RUN = '''
import sys
sys.argv = [%r]
import %s as m
if hasattr(m, 'main'):
    m.main()
'''


def last_line(text):
    lines = [l for l in text.strip().splitlines() if l.strip()]
    return lines[-1] if lines else ''


@pytest.fixture(scope='module')
def compiled(tmp_path_factory):
    out = tmp_path_factory.mktemp('aot')
    r = pyc_task(['compile', PROGRAMS, '-o', str(out)], cwd=ROOT)
    return str(out / 'programs'), r


def _pair(name, outdir, cwd):
    path = os.path.join(PROGRAMS, name + '.py')
    want = python([path], cwd=cwd, pure=True, env={'PYTHONHASHSEED': '0'})
    got = python(['-c', RUN % (path, name)], cwd=cwd, path=[outdir],
                 env={'PYTHONHASHSEED': '0'})
    return want, got


def test_programs_aot(compiled, tmp_path):
    outdir, r = compiled
    # A program the compiler rejects (`pyc-task check` fails too) is the
    # compiler's business, not the AOT output's: left out here.
    missing = [p for p in PROGS if not os.path.exists(os.path.join(outdir, p + SUFFIX))]
    rejected = [p for p in missing
                if pyc_task(['check', os.path.join(PROGRAMS, p + '.py')], cwd=ROOT).returncode != 0]
    assert sorted(missing) == sorted(rejected), r.stderr[-3000:]
    progs = [p for p in PROGS if p not in missing]
    failures = []
    with concurrent.futures.ThreadPoolExecutor(max_workers=4) as ex:
        results = dict(zip(progs, ex.map(lambda n: _pair(n, outdir, str(tmp_path)), progs)))
    for name, (want, got) in results.items():
        if (got.stdout != want.stdout or got.returncode != want.returncode
                or (last_line(want.stderr) and
                    last_line(want.stderr) not in got.stderr.splitlines())):
            failures.append('%s: rc %d/%d\n--- want\n%s%s\n--- got\n%s%s' % (
                name, want.returncode, got.returncode, want.stdout[-500:], want.stderr[-500:],
                got.stdout[-500:], got.stderr[-500:]))
    assert not failures, '\n'.join(failures)[:6000]
