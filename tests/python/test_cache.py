"""The disk cache seen from Python (tools/cache.c through _core.jit_compile):
fresh processes share $PYC_TASK_CACHE_DIR; the first run stores one entry
per compiled module, the next runs load them (entries untouched, same
output); damaged entries (truncated, flipped payload byte, foreign compiler
version, garbage) give a RuntimeWarning naming the entry, the program still
runs right, and the entry is rebuilt; PYC_TASK_NO_CACHE=1 writes nothing;
concurrent first runs leave valid entries and no temporary files. The C
tests (tests/cache/test_cache.c) cover the format, fork()ed writers and
kill -9 in detail."""

import os
import subprocess
import sys

import pytest

from aot_helpers import SAMPLE, python, write
from conftest import needs_core

pytestmark = needs_core


def entries(d):
    if not os.path.isdir(d):
        return {}
    return {f: os.stat(os.path.join(d, f)) for f in sorted(os.listdir(d))}


def run(tmp_path, cache, extra_env=None, args=('prog.py',)):
    env = {'PYC_TASK_CACHE_DIR': str(cache)}
    env.update(extra_env or {})
    return python(['-W', 'error::pyc_task.CompileWarning'] + list(args),
                  cwd=str(tmp_path), env=env)


@pytest.fixture
def prog(tmp_path):
    write(str(tmp_path / 'prog.py'), SAMPLE)
    want = python(['prog.py'], cwd=str(tmp_path), pure=True)
    assert want.returncode == 0, want.stderr
    return want.stdout


def first_run(tmp_path, cache, want):
    r = run(tmp_path, cache)
    assert r.returncode == 0, r.stderr
    assert r.stdout == want
    got = entries(str(cache))
    if not got:
        pytest.skip('pyc_task._core.jit_compile does not go through the disk cache')
    return got


def test_miss_then_hit(tmp_path, prog):
    cache = tmp_path / 'cache'
    e1 = first_run(tmp_path, cache, prog)
    assert all(f.endswith('.pyco') for f in e1)
    for _ in range(2):
        r = run(tmp_path, cache, {'PYTHONWARNINGS': 'error::RuntimeWarning'})
        assert r.returncode == 0, r.stderr
        assert r.stdout == prog
        e2 = entries(str(cache))
        assert list(e2) == list(e1)
        assert all(e2[f].st_ino == e1[f].st_ino and e2[f].st_mtime_ns == e1[f].st_mtime_ns
                   for f in e1), 'a hit must not rewrite the entry'
    # Another source text: another entry.
    with open(str(tmp_path / 'prog.py'), 'a') as f:
        f.write('print("more")\n')
    r = run(tmp_path, cache)
    assert r.stdout == prog + 'more\n'
    assert len(entries(str(cache))) == len(e1) + 1


def _damage(path, how):
    data = bytearray(open(path, 'rb').read())
    if how == 'truncated':
        data = data[:len(data) // 2]
    elif how == 'flipped':
        data[-10] ^= 0x40
    elif how == 'version':
        data[16:30] = b'pyc-task 9.9.9'
    elif how == 'garbage':
        data = bytearray(b'garbage')
    with open(path, 'wb') as f:
        f.write(data)


@pytest.mark.parametrize('how,why', [('truncated', 'truncated'),
                                     ('flipped', 'checksum mismatch'),
                                     ('version', 'another compiler version'),
                                     ('garbage', 'truncated header')])
def test_damaged_entry_is_warned_deleted_rebuilt(tmp_path, prog, how, why):
    cache = tmp_path / 'cache'
    e1 = first_run(tmp_path, cache, prog)
    name = list(e1)[0]
    path = os.path.join(str(cache), name)
    _damage(path, how)
    r = run(tmp_path, cache)
    assert r.returncode == 0, r.stderr
    assert r.stdout == prog
    assert 'RuntimeWarning' in r.stderr and name in r.stderr and why in r.stderr, r.stderr
    assert list(entries(str(cache))) == list(e1)  # rebuilt
    r = run(tmp_path, cache, {'PYTHONWARNINGS': 'error::RuntimeWarning'})
    assert r.returncode == 0 and r.stdout == prog, r.stderr


def test_no_cache(tmp_path, prog):
    cache = tmp_path / 'cache'
    r = run(tmp_path, cache, {'PYC_TASK_NO_CACHE': '1'})
    assert r.returncode == 0, r.stderr
    assert r.stdout == prog
    assert not os.path.exists(str(cache))


def test_default_dir_is_xdg_cache_home(tmp_path, prog):
    env = dict(os.environ)
    env.pop('PYC_TASK_CACHE_DIR', None)
    r = python(['prog.py'], cwd=str(tmp_path),
               env={'XDG_CACHE_HOME': str(tmp_path / 'xdg'), 'PYC_TASK_CACHE_DIR': ''})
    assert r.returncode == 0 and r.stdout == prog, r.stderr
    if not entries(str(tmp_path / 'xdg' / 'pyc-task')):
        pytest.skip('pyc_task._core.jit_compile does not go through the disk cache')


def test_concurrent_first_runs(tmp_path, prog):
    cache = tmp_path / 'cache'
    env = dict(os.environ)
    env['PYTHONPATH'] = python.__globals__['BUILD_PY']
    env['PYC_TASK_CACHE_DIR'] = str(cache)
    env.pop('PYC_TASK_DISABLE', None)
    procs = [subprocess.Popen([sys.executable, 'prog.py'], cwd=str(tmp_path), env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for _ in range(5)]
    outs = [p.communicate(timeout=300) for p in procs]
    for p, (out, err) in zip(procs, outs):
        assert p.returncode == 0, err
        assert out == prog
        assert 'RuntimeWarning' not in err, err
    got = entries(str(cache))
    if not got:
        pytest.skip('pyc_task._core.jit_compile does not go through the disk cache')
    assert not [f for f in got if f.startswith('.tmp-')]
    r = run(tmp_path, cache, {'PYTHONWARNINGS': 'error::RuntimeWarning'})
    assert r.returncode == 0 and r.stdout == prog, r.stderr
    assert entries(str(cache)).keys() == got.keys()
