# Tests: kernels that create and return arrays, chained through other kernels.
import numpy as np
import pyc_task as pt
from pyc_task import kernel, task, int64, float64


@kernel
def linspace_k(a: float64, b: float64, n: int64) -> pt.float64[:]:
    out = np.empty(n, dtype=np.float64)
    for i in range(n):
        out[i] = a + (b - a) * i / (n - 1)
    return out


@kernel
def squares(x: pt.float64[:]) -> pt.float64[:]:
    y = np.zeros(x.shape[0])
    for i in range(x.shape[0]):
        y[i] = x[i] * x[i]
    return y


@kernel
def total(x: pt.float64[:]) -> float64:
    s = 0.0
    for i in range(len(x)):
        s += x[i]
    return s


@kernel
def outer(x: pt.float64[:], y: pt.float64[:]) -> pt.float64[:, ::1]:
    m = np.zeros((x.shape[0], y.shape[0]))
    for i in range(x.shape[0]):
        for j in range(y.shape[0]):
            m[i, j] = x[i] * y[j]
    return m


@task(top_level=True)
def main():
    x = linspace_k(0.0, 1.0, 11)
    print(x[0], x[3], x[10], len(x))
    y = squares(x)
    print(y[3], total(y), total(squares(squares(x))))
    m = outer(x, y)
    print(m.shape[0], m.shape[1], m[10, 10], m[3, 5])


if __name__ == '__main__':
    main()
