"""Ctrl-C during compiled code called from Python (docs/python.md, "Ctrl-C"):
a child interpreter runs long compiled loops (a loop nest, one long
innermost loop, a while loop, a prange loop, a nogil call, a loop that owns
an array); the test sends it SIGINT 0.3 s into each call and expects
KeyboardInterrupt, then a normal call of the same function with the right
answer, no leaked arrays, a stale Ctrl-C (handled by Python) not aborting
the next call, and a user's SIGINT handler (after
_core.install_interrupt_handler()) deciding what is raised. The bounds are
hang guards, not timing assertions."""

import os
import queue
import signal
import subprocess
import sys
import threading
import time

import pytest

from aot_helpers import write
from conftest import BUILD_PY, needs_core

pytestmark = needs_core

KERNELS = '''
import numpy as np
import pyc_task as pt
from pyc_task import kernel, prange, int64, float64


@kernel
def nest(n: int64) -> float64:
    s = 0.0
    for i in range(n):
        for j in range(n):
            s = s * 0.999999 + float((i ^ j) & 7)
    return s


@kernel
def single(n: int64) -> float64:
    s = 0.0
    for i in range(n):
        s = s * 0.999999 + float(i & 7)
    return s


@kernel
def strided(n: int64) -> float64:
    s = 0.0
    for i in range(n, -n, -3):
        s = s * 0.999999 + float(i & 7)
    return s


@kernel
def whiles(n: int64) -> float64:
    s = 0.0
    i = 0
    while i < n:
        s = s * 0.999999 + float(i & 7)
        i += 1
    return s


@kernel
def par(n: int64) -> int64:
    s = 0
    for i in prange(n):
        s += (i * 2654435761) % 1009
    return s


@kernel(nogil=True)
def single_nogil(n: int64) -> float64:
    s = 0.0
    for i in range(n):
        s = s * 0.999999 + float(i & 7)
    return s


@kernel
def owns(n: int64) -> float64:
    a = np.zeros(1000)
    for i in range(n):
        a[i % 1000] = a[i % 1000] * 0.5 + 1.0
    return a[0]
'''

DRIVER = '''
import signal, sys, time
import ikern
from pyc_task import _core

LONG = 10 ** 15
SMALL = {'nest': 50, 'single': 1000, 'strided': 1000, 'whiles': 1000, 'par': 100000,
         'single_nogil': 1000, 'owns': 5000}


def say(*a):
    print(*a, flush=True)


def check(name):
    f = getattr(ikern, name)
    want = f.py_func(SMALL[name])
    got = f(SMALL[name])
    assert got == want, (name, got, want)


for name in SMALL:
    check(name)                 # compiled, and a first correct answer
live = _core.array_live_count()
for name in SMALL:
    f = getattr(ikern, name)
    say('READY', name)
    t0 = time.monotonic()
    try:
        f(LONG)   # nest: the inner loop alone runs for ages: polled between its blocks
        say('FINISHED', name)   # never: the loop takes days
    except KeyboardInterrupt:
        say('INTERRUPTED', name, '%.3f' % (time.monotonic() - t0))
    check(name)                 # callable again, right answer
assert _core.array_live_count() == live, 'arrays leaked'

# A Ctrl-C that Python handled while no compiled code ran does not abort the next call.
say('READY', 'python')
try:
    time.sleep(30)
except KeyboardInterrupt:
    say('INTERRUPTED', 'python')
check('single')

# A user's handler (installed after import: re-chain ours) decides what is raised.
def handler(sig, frame):
    raise RuntimeError('user handler ran')
signal.signal(signal.SIGINT, handler)
say('CHAINED', _core.install_interrupt_handler())
say('READY', 'user')
try:
    ikern.single(LONG)
except RuntimeError as e:
    say('INTERRUPTED', 'user', e)
check('single')
say('DONE')
'''


def test_ctrl_c_interrupts_compiled_code(tmp_path):
    write(str(tmp_path / 'ikern.py'), KERNELS)
    drive = write(str(tmp_path / 'drive.py'), DRIVER)
    env = dict(os.environ)
    env.pop('PYC_TASK_DISABLE', None)
    env['PYTHONPATH'] = os.pathsep.join([str(tmp_path), BUILD_PY])
    env['PYC_TASK_THREADS'] = '2'
    env['PYC_TASK_CACHE_DIR'] = str(tmp_path / 'cache')
    p = subprocess.Popen([sys.executable, drive], cwd=str(tmp_path), env=env,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    out = queue.Queue()   # lines from a reader thread (select + readline would buffer)
    threading.Thread(target=lambda: [out.put(ln) for ln in p.stdout] + [out.put('')],
                     daemon=True).start()
    lines = []
    try:
        while True:
            try:
                line = out.get(timeout=120)   # hang guard (the first call compiles)
            except queue.Empty:
                raise AssertionError('no output for 120 s: %r' % lines)
            if not line:
                break
            lines.append(line.strip())
            if line.startswith('READY'):
                time.sleep(0.3)
                p.send_signal(signal.SIGINT)
                try:
                    line = out.get(timeout=10)   # hang guard
                except queue.Empty:
                    raise AssertionError('Ctrl-C ignored for 10 s during %s' % line.split()[1])
                if not line:
                    break
                lines.append(line.strip())
    finally:
        if p.poll() is None:
            p.kill()
        err = p.stderr.read()
        p.wait()
    assert p.returncode == 0, (lines, err)
    names = ['nest', 'single', 'strided', 'whiles', 'par', 'single_nogil', 'owns']
    got = [ln.split()[1] for ln in lines if ln.startswith('INTERRUPTED')]
    assert got == names + ['python', 'user'], (lines, err)
    assert 'CHAINED True' in lines
    assert 'INTERRUPTED user user handler ran' in lines
    assert lines[-1] == 'DONE'
    assert not any(ln.startswith('FINISHED') for ln in lines)


PROGRAM = '''
from pyc_task import kernel, task, int64, float64


@kernel
def spin(n: int64) -> float64:
    s = 0.0
    for i in range(n):
        s = s * 0.999999 + float(i & 7)
    return s


@task(top_level=True)
def main():
    print(spin(10 ** 15))
'''


def _catches_sigint(pid):
    with open('/proc/%d/status' % pid) as f:
        for line in f:
            if line.startswith('SigCgt:'):
                return int(line.split()[1], 16) & (1 << (signal.SIGINT - 1)) != 0
    return False


@pytest.mark.parametrize('mode', ['run', 'build'])
def test_ctrl_c_standalone_program(tmp_path, mode):
    """`pyc-task run` and a `pyc-task build` executable: Ctrl-C stops compiled
    code at its next poll; the program prints KeyboardInterrupt and exits
    with status 130, like CPython."""
    from aot_helpers import PYC_TASK
    if not os.path.exists(PYC_TASK):
        pytest.skip('pyc-task not built')
    src = write(str(tmp_path / 'spin.py'), PROGRAM)
    if mode == 'build':
        exe = str(tmp_path / 'spin')
        r = subprocess.run([PYC_TASK, 'build', src, '-o', exe], capture_output=True, text=True)
        assert r.returncode == 0, r.stderr
        cmd = [exe]
    else:
        cmd = [PYC_TASK, 'run', src]
    p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        # stdout is a pipe (block-buffered): wait for pyc_run_main's SIGINT
        # handler instead (SigCgt bit 2 in /proc), then 0.3 s into main().
        deadline = time.monotonic() + 120    # hang guard (`run` compiles first)
        while not _catches_sigint(p.pid):
            assert p.poll() is None, p.communicate()
            assert time.monotonic() < deadline, 'no SIGINT handler after 120 s'
            time.sleep(0.02)
        time.sleep(0.3)
        p.send_signal(signal.SIGINT)
        out, err = p.communicate(timeout=10)   # hang guard
    finally:
        if p.poll() is None:
            p.kill()
            p.wait()
    assert p.returncode == 130, (p.returncode, err)
    assert 'KeyboardInterrupt' in err
