# Tests: naive i-k-j matrix multiply on small 2-D arrays with a repr checksum.
import numpy as np
import pyc_task as pt
from pyc_task import kernel, task, prange, int64, float64


@kernel
def init(m: pt.float64[:, ::1], s: float64) -> None:
    for i in range(m.shape[0]):
        for j in range(m.shape[1]):
            m[i, j] = ((i * 7 + j * 3) % 11) * s - 1.0


@kernel
def matmul(a: pt.float64[:, ::1], b: pt.float64[:, ::1], c: pt.float64[:, ::1]) -> None:
    n = a.shape[0]
    m = a.shape[1]
    p = b.shape[1]
    for i in prange(n):
        for j in range(p):
            c[i, j] = 0.0
        for k in range(m):
            aik = a[i, k]
            for j in range(p):
                c[i, j] += aik * b[k, j]


@kernel
def checksum(c: pt.float64[:, ::1]) -> float64:
    s = 0.0
    for i in range(c.shape[0]):
        for j in range(c.shape[1]):
            s += c[i, j] * (1.0 + i - j * 0.5)
    return s


@task(top_level=True)
def main():
    a = np.zeros((37, 29))
    b = np.zeros((29, 41))
    c = np.zeros((37, 41))
    init(a, 0.25)
    init(b, 0.125)
    matmul(a, b, c)
    print(c[0, 0], c[36, 40], c[17, 3], checksum(c))


if __name__ == '__main__':
    main()
