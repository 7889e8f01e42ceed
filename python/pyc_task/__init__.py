"""pyc_task: type-annotated Python task code, compiled to native code.

This package gives the decorators (``kernel``, ``task``, ``fieldspace``),
the types (``int64``, ``float64[:]``, ``Array[float64, 2]``, ...) and the
task layer (``Region``, ``Partition``, ``index_launch``, ...).

Compiled mode (the default when the extension ``pyc_task._core`` imports):
the first call of a decorated function compiles its module's source and
every decorated function of the module then runs native code.

Pure-Python mode: with ``PYC_TASK_DISABLE=1``, or while the compiled
extension ``pyc_task._core`` is not there, everything runs as plain Python:
kernels are the functions themselves, tasks run at once, regions are numpy
arrays. That mode is the sequential reference compiled code is tested
against (tests/programs/run_differential.py). ``pyc_task.mode`` says which
mode is on: 'pure' or 'compiled'.
"""

import os as _os
import time as _time

from .types import (ScalarType, ArrayType, Array, bool_,
                    int8, int16, int32, int64, uint8, uint16, uint32, uint64,
                    float32, float64, complex128,
                    i8, i16, i32, i64, u8, u16, u32, u64, f32, f64, c128,
                    PointType, int1d, int2d, int3d, type_from_name)
from .errors import CompileError, CompileWarning
from .decorators import kernel, task, fieldspace, is_kernel, is_task, fields_of
from .regions import (Future, FutureMap, Region, Partition, IndexSpace,
                      IndexLaunch, index_launch, ID, Privilege,
                      R, RW, WD, N, Reduce, fill, copy)

__version__ = '0.1.0'

prange = range


def wtime():
    """Seconds from a monotonic clock, as a float64 (for timing inside a
    compiled main(); compiled code reads CLOCK_MONOTONIC)."""
    return _time.perf_counter()


def _pick_mode():
    if _os.environ.get('PYC_TASK_DISABLE', '') not in ('', '0'):
        return 'pure'
    try:
        from . import _core  # noqa: F401  (the compiled extension)
    except ImportError:
        return 'pure'
    return 'compiled'


mode = _pick_mode()


def install_hook():
    """Compile whole modules at import (pyc_task/hook.py): modules that
    import pyc_task are compiled when imported, through the disk cache.
    Returns True; in pure-Python mode returns False and changes nothing."""
    from .hook import install_hook as _install
    return _install()

__all__ = [
    'kernel', 'task', 'fieldspace', 'prange', 'wtime',
    'ScalarType', 'ArrayType', 'Array', 'bool_',
    'int8', 'int16', 'int32', 'int64', 'uint8', 'uint16', 'uint32', 'uint64',
    'float32', 'float64', 'complex128',
    'i8', 'i16', 'i32', 'i64', 'u8', 'u16', 'u32', 'u64', 'f32', 'f64', 'c128',
    'PointType', 'int1d', 'int2d', 'int3d',
    'Future', 'FutureMap', 'Region', 'Partition', 'IndexSpace',
    'IndexLaunch', 'index_launch', 'ID', 'Privilege',
    'R', 'RW', 'WD', 'N', 'Reduce', 'fill', 'copy', 'mode', 'install_hook',
    'CompileError', 'CompileWarning',
]
