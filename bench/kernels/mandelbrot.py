# Benchmark: Mandelbrot escape counts on an 800 x 600 grid, at most 256 iterations, best of reps.
import numpy as np
import pyc_task as pt
from pyc_task import kernel, task, prange, int64, float64


@kernel
def escape(cr: float64, ci: float64, max_iter: int64) -> int64:
    zr = 0.0
    zi = 0.0
    for k in range(max_iter):
        zr2 = zr * zr
        zi2 = zi * zi
        if zr2 + zi2 > 4.0:
            return k
        zi = 2.0 * zr * zi + ci
        zr = zr2 - zi2 + cr
    return max_iter


@kernel
def mandel(out: pt.int64[:, ::1], max_iter: int64) -> None:
    h = out.shape[0]
    w = out.shape[1]
    for y in prange(h):
        ci = -1.2 + 2.4 * y / h
        for x in range(w):
            out[y, x] = escape(-2.0 + 3.0 * x / w, ci, max_iter)


@kernel
def checksum(out: pt.int64[:, ::1]) -> int64:
    s = 0
    for y in range(out.shape[0]):
        for x in range(out.shape[1]):
            s += out[y, x]
    return s


@kernel
def bench(w: int64, h: int64, max_iter: int64, reps: int64) -> float64:
    out = np.zeros((h, w), dtype=np.int64)
    best = 1e30
    for r in range(reps):
        t0 = pt.wtime()
        mandel(out, max_iter)
        best = min(best, pt.wtime() - t0)
    print(f'checksum: {checksum(out)}')
    print(f'best_s: {best:.6f}')
    return best


@task(top_level=True)
def main():
    bench(800, 600, 256, 3)


if __name__ == '__main__':
    main()
