# Tests: in-place array updates a[i] op= v, a[i, j] op= v, arrays shared between calls.
import numpy as np
import pyc_task as pt
from pyc_task import kernel, task, int64, float64


@kernel
def axpy(a: float64, x: pt.float64[:], y: pt.float64[:]) -> None:
    for i in range(x.shape[0]):
        y[i] += a * x[i]


@kernel
def scale_rows(m: pt.float64[:, ::1]) -> None:
    for i in range(m.shape[0]):
        for j in range(m.shape[1]):
            m[i, j] *= i + 1
            m[i, j] -= 0.5


@kernel
def bump(c: pt.int64[:]) -> None:
    for i in range(c.shape[0]):
        c[i] += i
        c[i] *= 2
        c[i] //= 3
        c[i] %= 5


@task(top_level=True)
def main():
    x = np.arange(5, dtype=np.float64)
    y = np.ones(5)
    axpy(2.0, x, y)
    axpy(-0.5, x, y)
    print(y[0], y[1], y[4])
    m = np.ones((3, 2))
    scale_rows(m)
    print(m[0, 0], m[1, 1], m[2, 0])
    c = np.arange(10, dtype=np.int64)
    for i in range(10):
        c[i] *= 7
    bump(c)
    for i in range(10):
        print(c[i], end=' ')
    print()


if __name__ == '__main__':
    main()
