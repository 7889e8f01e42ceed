# Tests: prange over the rows of 2-D arrays with inner sequential loops, private per-iteration locals, a reduction across the whole matrix, a prange nested in a prange body, and a prange in a kernel called from a prange body.
import numpy as np
import pyc_task as pt
from pyc_task import kernel, task, prange, int64, float64


@kernel
def fill(m: pt.int64[:, ::1]) -> None:
    for i in prange(m.shape[0]):
        for j in range(m.shape[1]):
            v = i * 37 + j * 11
            m[i, j] = v % 101


@kernel
def row_sums(m: pt.int64[:, ::1], out: pt.int64[:]) -> int64:
    total = 0
    for i in prange(m.shape[0]):
        r = 0
        for j in range(m.shape[1]):
            r += m[i, j]
        out[i] = r
        total += r
    return total


@kernel
def transpose(m: pt.int64[:, ::1], t: pt.int64[:, ::1]) -> None:
    for j in prange(m.shape[1]):
        for i in range(m.shape[0]):
            t[j, i] = m[i, j]


@kernel
def nested_prange(m: pt.int64[:, ::1]) -> int64:
    s = 0
    for i in prange(m.shape[0]):
        for j in prange(m.shape[1]):
            s += m[i, j] * (i + 1)
    return s


@kernel
def rowsum(m: pt.int64[:, ::1], i: int64) -> int64:
    s = 0
    for j in prange(m.shape[1]):
        s += m[i, j]
    return s


@kernel
def total(m: pt.int64[:, ::1]) -> int64:
    t = 0
    for i in prange(m.shape[0]):
        t += rowsum(m, i)
    return t


@task(top_level=True)
def main():
    m = np.zeros((301, 17), dtype=np.int64)
    fill(m)
    out = np.zeros(301, dtype=np.int64)
    print(row_sums(m, out), out[0], out[150], out[300])
    t = np.zeros((17, 301), dtype=np.int64)
    transpose(m, t)
    print(t[0, 0], t[16, 300], t[5, 77], m[77, 5])
    print(nested_prange(m), total(m))


if __name__ == '__main__':
    main()
