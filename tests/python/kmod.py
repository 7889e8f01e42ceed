"""Kernels used by test_core.py (compiled on the first call of any of them)."""
import numpy as np
import pyc_task as pt
from pyc_task import kernel, task, int64, int8, uint8, float64, float32, int32


@kernel
def inc(x: int64) -> int64:
    return x + 1


@kernel
def add8(a: int8, b: uint8) -> int64:
    return a + b


@kernel
def half(x: float64) -> float64:
    return x / 2.0


@kernel
def f32(x: float32) -> float32:
    return x * 2


@kernel
def neg(b: bool) -> bool:
    return not b


@kernel
def saxpy(a: float64, x: pt.float64[:], y: pt.float64[:]) -> None:
    for i in range(x.shape[0]):
        y[i] += a * x[i]


@kernel
def total(x: pt.float64[:]) -> float64:
    s = 0.0
    for i in range(x.shape[0]):
        s += x[i]
    return s


@kernel
def csum(x: pt.float64[::1]) -> float64:
    s = 0.0
    for i in range(x.shape[0]):
        s += x[i]
    return s


@kernel
def msum(m: pt.float64[:, :]) -> float64:
    s = 0.0
    for i in range(m.shape[0]):
        for j in range(m.shape[1]):
            s += m[i, j] * (i + 1) + j
    return s


@kernel
def isum(x: pt.int32[:]) -> int64:
    s = 0
    for i in range(x.shape[0]):
        s += x[i]
    return s


@kernel
def set_at(x: pt.float64[:], i: int64, v: float64) -> None:
    x[i] = v


@kernel
def calls_set(x: pt.float64[:], y: pt.float64[:]) -> float64:
    set_at(x, 0, 7.0)
    return y[0]


@kernel
def make(n: int64) -> pt.float64[:]:
    a = np.zeros(n)
    for i in range(n):
        a[i] = i * 0.5
    return a


@kernel
def make2(n: int64, m: int64) -> pt.float64[:, :]:
    a = np.zeros((n, m))
    for i in range(n):
        for j in range(m):
            a[i, j] = i * 10 + j
    return a


@kernel
def same(x: pt.float64[:]) -> pt.float64[:]:
    return x


@kernel
def stats(x: pt.float64[:]) -> tuple[float64, int64, pt.float64[:]]:
    y = np.zeros(x.shape[0])
    for i in range(x.shape[0]):
        y[i] = 2 * x[i]
    return (x[0], x.shape[0], y)


@kernel
def checked(x: int64) -> int64:
    if x < 0:
        raise ValueError(f"negative: {x}")
    return x


@kernel
def divide(a: int64, b: int64) -> int64:
    return a // b


@kernel(boundscheck=True)
def at(x: pt.float64[:], i: int64) -> float64:
    return x[i]


@kernel
def shout(n: int64) -> None:
    for i in range(n):
        print("compiled", i)


@task(top_level=True)
def main() -> None:
    print("main", inc(1))


@task
def tsq(n: int64) -> int64:
    return inc(n) * 2


@kernel(nogil=True)
def spin(n: int64) -> int64:
    s = 0
    for i in range(n):
        s = (s * 31 + i) % 1000003
    return s
