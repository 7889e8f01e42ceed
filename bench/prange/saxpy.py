# prange saxpy over 10^8 float64 elements (issue 4's target: >= 1.8x faster
# on 2 threads than on 1). The kernel is timed with pt.wtime() around the
# call, best of 5, after one warm-up call (page faults of fresh arrays).
# Run: bench/prange/run.sh  (PYC_TASK_THREADS=1 and 2; see docs/tasks.md)
import numpy as np
import pyc_task as pt
from pyc_task import kernel, task, prange, int64, float64


@kernel
def saxpy(a: float64, x: pt.float64[:], y: pt.float64[:]) -> None:
    for i in prange(x.shape[0]):
        y[i] = a * x[i] + y[i]


@kernel
def saxpy_seq(a: float64, x: pt.float64[:], y: pt.float64[:]) -> None:
    for i in range(x.shape[0]):
        y[i] = a * x[i] + y[i]


@task(top_level=True)
def main():
    n = 100000000
    x = np.ones(n)
    y = np.zeros(n)
    saxpy(2.0, x, y)
    best = 1e30
    seq = 1e30
    for r in range(5):
        t0 = pt.wtime()
        saxpy(2.0, x, y)
        t = pt.wtime() - t0
        if t < best:
            best = t
        t0 = pt.wtime()
        saxpy_seq(2.0, x, y)
        t = pt.wtime() - t0
        if t < seq:
            seq = t
    print(f'saxpy n={n} prange best={best * 1000.0:.1f} ms ({n * 24 / best / 1e9:.2f} GB/s)  '
          f'range best={seq * 1000.0:.1f} ms  y[7]={y[7]}')


if __name__ == '__main__':
    main()
