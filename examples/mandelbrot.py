# mandelbrot: escape-time picture of the Mandelbrot set, printed as ASCII art,
# plus the area estimate from the fraction of points that never escape.
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
def render(out: pt.int64[:, ::1], x0: float64, x1: float64, y0: float64, y1: float64,
           max_iter: int64) -> None:
    h = out.shape[0]
    w = out.shape[1]
    for r in prange(h):
        ci = y0 + (y1 - y0) * (r + 0.5) / h
        for c in range(w):
            out[r, c] = escape(x0 + (x1 - x0) * (c + 0.5) / w, ci, max_iter)


@kernel
def count_inside(out: pt.int64[:, ::1], max_iter: int64) -> int64:
    n = 0
    for r in range(out.shape[0]):
        for c in range(out.shape[1]):
            if out[r, c] == max_iter:
                n += 1
    return n


@kernel
def show(out: pt.int64[:, ::1], max_iter: int64) -> None:
    for r in range(out.shape[0]):
        for c in range(out.shape[1]):
            k = out[r, c]
            if k == max_iter:
                print('@', end='')
            elif k > 20:
                print('%', end='')
            elif k > 8:
                print('+', end='')
            elif k > 4:
                print('-', end='')
            elif k > 2:
                print('.', end='')
            else:
                print(' ', end='')
        print()


@task(top_level=True)
def main():
    max_iter = 500
    pic = np.zeros((30, 78), dtype=np.int64)
    render(pic, -2.2, 0.8, -1.25, 1.25, max_iter)
    show(pic, max_iter)
    grid = np.zeros((600, 600), dtype=np.int64)
    render(grid, -2.0, 0.5, -1.25, 1.25, max_iter)
    inside = count_inside(grid, max_iter)
    area = 2.5 * 2.5 * inside / (grid.shape[0] * grid.shape[1])
    print(f'{inside} of {grid.shape[0] * grid.shape[1]} points inside; area ~ {area:.4f} (true value ~1.5066)')


if __name__ == '__main__':
    main()
