# lit configuration for pyc-task's FileCheck tests (tests/lit/<area>/*.py|.tir).
# Run: /usr/bin/python3 /usr/lib/llvm-16/build/utils/lit/lit.py -sv tests/lit
# The pyc-task binary is found in $PYC_TASK_BUILD_DIR/bin (default: build/ at
# the repo root), or given directly with --param pyc_task=PATH. Without it the
# suite is reported unsupported rather than failing. Substitutions: %pyc-task,
# %python (/usr/bin/python3); FileCheck, not, count come from LLVM 16's bin dir.
# Features: numba, pythran, mpi, cuda (only when available).
import os
import shutil
import subprocess

import lit.formats

config.name = "pyc-task"
config.test_format = lit.formats.ShTest(execute_external=False)
config.suffixes = [".py", ".tir"]
# Inputs/ folders hold helper files for tests, not tests.
config.excludes = ["lit.cfg.py", "Inputs", "__pycache__"]
config.test_source_root = os.path.dirname(os.path.abspath(__file__))
repo_root = os.path.dirname(os.path.dirname(config.test_source_root))

build_dir = lit_config.params.get(
    "build_dir", os.environ.get("PYC_TASK_BUILD_DIR", os.path.join(repo_root, "build")))
build_dir = os.path.abspath(build_dir)
pyc_task = os.path.abspath(
    lit_config.params.get("pyc_task", os.path.join(build_dir, "bin", "pyc-task")))
# Scratch files (%t) go to the build tree, never into the source tree.
config.test_exec_root = os.path.join(build_dir, "lit")

python = "/usr/bin/python3"
llvm_bin = "/usr/lib/llvm-16/bin"

# LLVM 16's FileCheck/not/count first: the plain names on PATH are LLVM 14's or absent.
path = [llvm_bin, os.path.dirname(pyc_task), os.environ.get("PATH", "/usr/bin:/bin")]
config.environment["PATH"] = os.pathsep.join(path)
for var in ("HOME", "TMPDIR", "PYC_TASK_RT_LIB_DIR", "LANG", "LC_ALL"):
    if var in os.environ:
        config.environment[var] = os.environ[var]
# Compiled programs and python/pyc_task must see the repo's package.
config.environment["PYTHONPATH"] = os.path.join(repo_root, "python")
config.environment["PYTHONDONTWRITEBYTECODE"] = "1"

config.substitutions.append(("%pyc-task", pyc_task))
config.substitutions.append(("%python", python))

if not os.path.isfile(pyc_task) or not os.access(pyc_task, os.X_OK):
    lit_config.warning("pyc-task not found at %s: build it first "
                       "(cmake --build build); all tests unsupported" % pyc_task)
    config.unsupported = True
if not os.path.isfile(os.path.join(llvm_bin, "FileCheck")):
    lit_config.warning("FileCheck not found in %s (package llvm-16-tools); "
                       "all tests unsupported" % llvm_bin)
    config.unsupported = True


def python_has(module):
    try:
        return subprocess.run([python, "-c", "import " + module],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                              timeout=60).returncode == 0
    except (OSError, subprocess.SubprocessError):
        return False


for mod in ("numba", "pythran", "numpy"):
    if python_has(mod):
        config.available_features.add(mod)
if shutil.which("mpirun"):
    config.available_features.add("mpi")
# GPU tests say `REQUIRES: cuda`: NVRTC and a device must both be there.
if os.path.exists("/usr/local/cuda/lib64/libnvrtc.so") and os.path.exists("/dev/nvidia0"):
    config.available_features.add("cuda")
