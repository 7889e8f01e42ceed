# Tests: prange loops with independent iterations and an integer sum reduction.
import numpy as np
import pyc_task as pt
from pyc_task import kernel, task, prange, int64, float64


@kernel
def squares(out: pt.float64[:]) -> None:
    for i in prange(out.shape[0]):
        out[i] = i * 0.5 * i


@kernel
def isum(n: int64) -> int64:
    s = 0
    for i in prange(n):
        s += i % 7
    return s


@kernel
def rows(m: pt.int64[:, ::1]) -> None:
    for i in prange(m.shape[0]):
        for j in range(m.shape[1]):
            m[i, j] = i * 100 + j


@task(top_level=True)
def main():
    out = np.zeros(1000)
    squares(out)
    print(out[0], out[1], out[999], out[500])
    print(isum(0), isum(10), isum(1000000))
    m = np.zeros((50, 3), dtype=np.int64)
    rows(m)
    print(m[49, 2], m[0, 0], m[25, 1])


if __name__ == '__main__':
    main()
