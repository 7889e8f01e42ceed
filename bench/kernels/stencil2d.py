# Benchmark: 2-D 5-point Jacobi stencil, 2000 x 2000 grid, 50 iterations, best of reps.
import numpy as np
import pyc_task as pt
from pyc_task import kernel, task, prange, int64, float64


@kernel
def step(u: pt.float64[:, ::1], v: pt.float64[:, ::1]) -> None:
    n = u.shape[0]
    m = u.shape[1]
    for i in prange(1, n - 1):
        for j in range(1, m - 1):
            v[i, j] = 0.25 * (u[i - 1, j] + u[i + 1, j] + u[i, j - 1] + u[i, j + 1])


@kernel
def init(u: pt.float64[:, ::1], v: pt.float64[:, ::1]) -> None:
    for i in range(u.shape[0]):
        for j in range(u.shape[1]):
            b = 1.0 if i == 0 else 0.0
            u[i, j] = b
            v[i, j] = b


@kernel
def run(u: pt.float64[:, ::1], v: pt.float64[:, ::1], iters: int64) -> None:
    for it in range(iters // 2):
        step(u, v)
        step(v, u)


@kernel
def checksum(u: pt.float64[:, ::1]) -> float64:
    s = 0.0
    for i in range(u.shape[0]):
        for j in range(u.shape[1]):
            s += u[i, j]
    return s


@kernel
def bench(n: int64, iters: int64, reps: int64) -> float64:
    u = np.empty((n, n))
    v = np.empty((n, n))
    best = 1e30
    for r in range(reps):
        init(u, v)
        t0 = pt.wtime()
        run(u, v, iters)
        best = min(best, pt.wtime() - t0)
    print(f'checksum: {checksum(u):.12e}')
    print(f'best_s: {best:.6f}')
    return best


@task(top_level=True)
def main():
    bench(2000, 50, 3)


if __name__ == '__main__':
    main()
