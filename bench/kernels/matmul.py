# Benchmark: naive i-k-j matrix multiply of 512 x 512 float64 matrices, best of reps.
import numpy as np
import pyc_task as pt
from pyc_task import kernel, task, prange, int64, float64


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
def init(a: pt.float64[:, ::1], s: float64) -> None:
    for i in range(a.shape[0]):
        for j in range(a.shape[1]):
            a[i, j] = ((i * 7 + j * 3) % 11) * s - 1.0


@kernel
def checksum(c: pt.float64[:, ::1]) -> float64:
    s = 0.0
    for i in range(c.shape[0]):
        for j in range(c.shape[1]):
            s += c[i, j] * (1.0 + i - 0.5 * j)
    return s


@kernel
def bench(n: int64, reps: int64) -> float64:
    a = np.empty((n, n))
    b = np.empty((n, n))
    c = np.empty((n, n))
    init(a, 0.25)
    init(b, 0.125)
    best = 1e30
    for r in range(reps):
        t0 = pt.wtime()
        matmul(a, b, c)
        best = min(best, pt.wtime() - t0)
    print(f'checksum: {checksum(c):.12e}')
    print(f'best_s: {best:.6f}')
    return best


@task(top_level=True)
def main():
    bench(512, 3)


if __name__ == '__main__':
    main()
