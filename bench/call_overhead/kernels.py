"""Kernels of the call-overhead benchmark (bench/call_overhead/bench.py)."""
import pyc_task as pt
from pyc_task import kernel, int64, float64


@kernel
def inc(x: int64) -> int64:
    return x + 1


@kernel
def first2(x: pt.float64[:], y: pt.float64[:]) -> float64:
    return x[0] + y[0]


@kernel
def noop() -> None:
    pass
