# Tests: 2-D arrays: shape[0]/shape[1], a[i, j] reads and writes, transposed access, row sums.
import numpy as np
import pyc_task as pt
from pyc_task import kernel, task, int64, float64


@kernel
def init(m: pt.float64[:, ::1]) -> None:
    for i in range(m.shape[0]):
        for j in range(m.shape[1]):
            m[i, j] = (i + 1) * 0.5 - j * 0.25


@kernel
def trace(m: pt.float64[:, :]) -> float64:
    t = 0.0
    for i in range(min(m.shape[0], m.shape[1])):
        t += m[i, i]
    return t


@kernel
def transpose_into(src: pt.float64[:, :], dst: pt.float64[:, :]) -> None:
    for i in range(src.shape[0]):
        for j in range(src.shape[1]):
            dst[j, i] = src[i, j]


@kernel
def row_sum(m: pt.float64[:, :], i: int64) -> float64:
    s = 0.0
    for j in range(m.shape[1]):
        s += m[i, j]
    return s


@task(top_level=True)
def main():
    m = np.zeros((4, 5))
    init(m)
    print(m.shape[0], m.shape[1], trace(m), m[3, 4], m[0, 1])
    t = np.zeros((5, 4))
    transpose_into(m, t)
    print(t[4, 3], t[1, 0], trace(t))
    for i in range(4):
        print(i, row_sum(m, i))
    s = np.zeros((3, 3))
    print(trace(s), len(m), len(t))


if __name__ == '__main__':
    main()
