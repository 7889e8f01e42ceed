"""@fieldspace aliasing (frontend/check_alias.c): a kernel that changes a
struct CPython shares with another name is a compile error, so in compiled
mode it is left out and runs as Python, printing what CPython prints; a
kernel that changes only its own new values is compiled."""

import os
import subprocess
import sys
import textwrap

from conftest import BUILD_PY, needs_core

SRC = textwrap.dedent('''
    import warnings
    from pyc_task import kernel, fieldspace, int64

    @fieldspace
    class P:
        x: int64
        y: int64

    @kernel
    def same(a: P) -> P:
        return a

    @kernel
    def shared() -> int64:
        p = P(1, 2)
        q = p
        q.x = 7
        r = same(p)
        p.y = 9
        return p.x * 10 + r.y   # CPython: 79; compiled copies would give 12

    @kernel
    def fresh(n: int64) -> int64:
        p = P(1, 2)
        for i in range(n):
            p.x += i
            p = same(p)
        return p.x

    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter('always')
        print(shared())
        print(fresh(4))
    text = ' '.join(str(x.message) for x in w)
    print('shared()' in text, "'q' is changed here" in text, 'fresh()' in text)
''')


def run(tmp_path, disable):
    prog = tmp_path / 'aliasmod.py'
    prog.write_text(SRC)
    env = dict(os.environ, PYTHONPATH=BUILD_PY, PYC_TASK_NO_CACHE='1')
    env.pop('PYC_TASK_DISABLE', None)
    if disable:
        env['PYC_TASK_DISABLE'] = '1'
    r = subprocess.run([sys.executable, str(prog)], capture_output=True, text=True, env=env,
                       timeout=120)
    assert r.returncode == 0, r.stderr
    return r.stdout.splitlines()


@needs_core
def test_shared_struct_change_runs_as_python(tmp_path):
    compiled = run(tmp_path, False)
    assert compiled[:2] == ['79', '7']
    assert compiled[2] == 'True True False'   # shared() left out with the error; fresh() compiled
    assert run(tmp_path, True)[:2] == compiled[:2]
