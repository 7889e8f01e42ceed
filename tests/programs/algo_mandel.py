# Tests: small Mandelbrot set escape counts (float loops with early exit) and an ASCII picture.
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
        for x in range(w):
            out[y, x] = escape(-2.0 + 3.0 * x / w, -1.2 + 2.4 * y / h, max_iter)


@task(top_level=True)
def main():
    out = np.zeros((24, 64), dtype=np.int64)
    mandel(out, 100)
    total = 0
    for y in range(out.shape[0]):
        for x in range(out.shape[1]):
            v = out[y, x]
            total += v
            if v >= 100:
                print('#', end='')
            elif v > 10:
                print('+', end='')
            elif v > 4:
                print('.', end='')
            else:
                print(' ', end='')
        print()
    print(total)


if __name__ == '__main__':
    main()
