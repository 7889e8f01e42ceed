"""`cmake --install BUILD --prefix P` gives a package that /usr/bin/python3
imports from P/lib/python3/dist-packages, compiled mode included."""

import os
import shutil
import subprocess
import sys

import pytest

from conftest import BUILD_PY, needs_core


@needs_core
@pytest.mark.skipif(shutil.which('cmake') is None, reason='cmake not installed')
def test_cmake_install(tmp_path):
    build = os.path.dirname(BUILD_PY)
    r = subprocess.run(['cmake', '--install', build, '--prefix', str(tmp_path),
                        '--component', 'Unspecified'], capture_output=True, timeout=300)
    assert r.returncode == 0, r.stderr
    site = tmp_path / 'lib' / 'python3' / 'dist-packages'
    code = ("import pyc_task\nfrom pyc_task import _core\nassert pyc_task.mode == 'compiled'\n"
            "d = _core.compile_module('from pyc_task import kernel, int64\\n@kernel\\n"
            "def f(x: int64) -> int64:\\n    return 3 * x\\n', 'm.py')\nprint(d['f'](3))\n")
    env = dict(os.environ, PYTHONPATH=str(site))
    env.pop('PYC_TASK_DISABLE', None)
    r = subprocess.run([sys.executable, '-c', code], capture_output=True, env=env,
                       cwd=str(tmp_path), timeout=120)
    assert r.returncode == 0, r.stderr
    assert r.stdout == b'9\n'
    assert (site / 'pyc_task' / '__init__.py').is_file()
