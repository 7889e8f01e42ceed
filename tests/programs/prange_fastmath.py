# Tests: a float + reduction under fastmath runs in parallel; printed with a format that hides last-bit rounding differences.
import numpy as np
import pyc_task as pt
from pyc_task import kernel, task, prange, int64, float64


@kernel(fastmath=True)
def dot(x: pt.float64[:], y: pt.float64[:]) -> float64:
    s = 0.0
    for i in prange(x.shape[0]):
        s += x[i] * y[i]
    return s


@kernel(fastmath=True)
def mean_sq(x: pt.float64[:]) -> float64:
    s = 0.0
    for i in prange(x.shape[0]):
        s += x[i] * x[i]
    return s / x.shape[0]


@task(top_level=True)
def main():
    n = 200001
    x = np.empty(n)
    y = np.empty(n)
    for i in range(n):
        x[i] = (i % 1000) * 0.001 + 0.1
        y[i] = 1.0 / (1.0 + (i % 37))
    print(f'{dot(x, y):.6e}')
    print(f'{mean_sq(x):.9f}')


if __name__ == '__main__':
    main()
