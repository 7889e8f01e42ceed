# saxpy: y <- a*x + y on float64 vectors, the "hello world" of array kernels.
# Runs under CPython as is (PYTHONPATH=python /usr/bin/python3 examples/saxpy.py);
# pyc-task compiles the same file: `pyc-task run examples/saxpy.py`.
import math
import numpy as np
import pyc_task as pt
from pyc_task import kernel, task, prange, int64, float64


@kernel
def saxpy(a: float64, x: pt.float64[:], y: pt.float64[:]) -> None:
    """y[i] += a * x[i] for every i; iterations are independent (prange)."""
    for i in prange(x.shape[0]):
        y[i] += a * x[i]


@kernel
def fill_wave(x: pt.float64[:], freq: float64) -> None:
    n = x.shape[0]
    for i in prange(n):
        x[i] = math.sin(2.0 * math.pi * freq * i / n)


@kernel
def dot(x: pt.float64[:], y: pt.float64[:]) -> float64:
    s = 0.0
    for i in range(x.shape[0]):
        s += x[i] * y[i]
    return s


@kernel
def norm2(x: pt.float64[:]) -> float64:
    return math.sqrt(dot(x, x))


@task(top_level=True)
def main():
    n = 1000000
    x = np.empty(n)
    y = np.empty(n)
    fill_wave(x, 3.0)
    fill_wave(y, 5.0)
    print('n =', n)
    print(f'|x| = {norm2(x):.6f}  |y| = {norm2(y):.6f}  x.y = {dot(x, y):.3e}')
    saxpy(2.0, x, y)
    print(f'after y += 2x:  |y| = {norm2(y):.6f}  x.y = {dot(x, y):.6f}')
    saxpy(-2.0, x, y)
    print(f'after y -= 2x:  |y| = {norm2(y):.6f}')
    print('y[0] =', y[0], ' y[n // 4] =', y[n // 4], ' y[-1] =', y[-1])


if __name__ == '__main__':
    main()
