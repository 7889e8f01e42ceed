# Tests: negative indices count from the end, on 1-D and 2-D arrays, for reads and writes.
import numpy as np
import pyc_task as pt
from pyc_task import kernel, task, int64, float64


@kernel
def last(a: pt.float64[:]) -> float64:
    return a[-1]


@kernel
def corners(m: pt.int64[:, ::1]) -> int64:
    return m[0, 0] + 10 * m[0, -1] + 100 * m[-1, 0] + 1000 * m[-1, -1]


@kernel
def reverse_inplace(a: pt.int64[:]) -> None:
    n = a.shape[0]
    for i in range(n // 2):
        a[i], a[-1 - i] = a[-1 - i], a[i]


@task(top_level=True)
def main():
    a = np.arange(6, dtype=np.float64)
    print(last(a), a[-2], a[-6])
    m = np.zeros((3, 4), dtype=np.int64)
    for i in range(3):
        for j in range(4):
            m[i, j] = i * 4 + j
    print(corners(m), m[-2, -3], m[1, -1])
    b = np.arange(7, dtype=np.int64)
    reverse_inplace(b)
    for i in range(-1, -8, -1):
        print(b[i], end=' ')
    print()
    b[-3] = 99
    print(b[4], b[-3])


if __name__ == '__main__':
    main()
