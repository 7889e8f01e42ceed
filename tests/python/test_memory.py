"""No invalid access and no leak in _core: vg_script.py (new arrays, views
of them, tuples, borrowed results, buffers, exceptions, conversion errors,
compiled print) under valgrind with PYTHONMALLOC=malloc. Reports of glibc's
dynamic loader and of CPython/numpy themselves are ignored; any report whose
stack passes through _core or the runtime fails the test. Set
PYC_TASK_SKIP_VALGRIND=1 to skip (it takes about a minute)."""

import os
import re
import shutil
import subprocess
import sys

import pytest

from conftest import BUILD_PY, HERE, needs_core


@needs_core
@pytest.mark.skipif(shutil.which('valgrind') is None, reason='valgrind not installed')
@pytest.mark.skipif(os.environ.get('PYC_TASK_SKIP_VALGRIND') == '1', reason='skipped by request')
def test_valgrind_clean():
    env = dict(os.environ, PYTHONMALLOC='malloc', PYTHONPATH=BUILD_PY)
    r = subprocess.run(['valgrind', '--leak-check=full', '--show-leak-kinds=definite',
                        '--num-callers=30', sys.executable,
                        os.path.join(HERE, 'vg_script.py')],
                       capture_output=True, env=env, timeout=900)
    assert r.returncode == 0, r.stderr.decode(errors='replace')[-3000:]
    assert b'live 0' in r.stdout
    log = r.stderr.decode(errors='replace')
    blocks = re.split(r'\n==\d+== \n', log)
    ours = [b for b in blocks
            if ('Invalid' in b or 'uninitialised' in b or 'definitely lost' in b)
            and re.search(r'_core\.cpython|pyc_|pyk_|core_', b)]
    assert not ours, '\n\n'.join(ours)[:5000]
