# Benchmark: saxpy y += a * x on float64 vectors (n = 10**7), best of reps.
import numpy as np
import pyc_task as pt
from pyc_task import kernel, task, prange, int64, float64


@kernel
def saxpy(a: float64, x: pt.float64[:], y: pt.float64[:]) -> None:
    for i in prange(x.shape[0]):
        y[i] += a * x[i]


@kernel
def init(x: pt.float64[:], y: pt.float64[:]) -> None:
    for i in range(x.shape[0]):
        x[i] = (i % 1000) * 0.001
        y[i] = 1.0


@kernel
def checksum(y: pt.float64[:]) -> float64:
    s = 0.0
    for i in range(y.shape[0]):
        s += y[i]
    return s


@kernel
def bench(n: int64, reps: int64) -> float64:
    x = np.empty(n)
    y = np.empty(n)
    best = 1e30
    for r in range(reps):
        init(x, y)
        t0 = pt.wtime()
        saxpy(2.0, x, y)
        best = min(best, pt.wtime() - t0)
    print(f'checksum: {checksum(y):.12e}')
    print(f'best_s: {best:.6f}')
    return best


@task(top_level=True)
def main():
    bench(10000000, 5)


if __name__ == '__main__':
    main()
