# Tests: np.empty/zeros/ones/full/arange inside kernels, with dtypes and int or tuple shapes, returned.
import numpy as np
import pyc_task as pt
from pyc_task import kernel, task, int64, float64


@kernel
def make_zeros(n: int64) -> pt.float64[:]:
    return np.zeros(n, dtype=np.float64)


@kernel
def make_ones_int(n: int64) -> pt.int64[:]:
    return np.ones(n, dtype=np.int64)


@kernel
def make_full(n: int64, v: float64) -> pt.float64[:]:
    return np.full(n, v)


@kernel
def make_range(n: int64) -> pt.int64[:]:
    return np.arange(n)


@kernel
def make_frange(n: int64) -> pt.float64[:]:
    return np.arange(n, dtype=np.float64)


@kernel
def make_grid(r: int64, c: int64) -> pt.float64[:, ::1]:
    g = np.empty((r, c), dtype=np.float64)
    for i in range(r):
        for j in range(c):
            g[i, j] = i * 10.0 + j
    return g


@kernel
def make_zeros2(r: int64, c: int64) -> pt.int64[:, ::1]:
    return np.zeros((r, c), dtype=np.int64)


@kernel
def make_ones2(r: int64, c: int64) -> pt.float64[:, ::1]:
    return np.ones((r, c))


@kernel
def make_full2(r: int64, c: int64) -> pt.int64[:, ::1]:
    return np.full((r, c), 7, dtype=np.int64)


@kernel
def arange3(a: int64, b: int64, s: int64) -> pt.int64[:]:
    return np.arange(a, b, s)


@task(top_level=True)
def main():
    z = make_zeros(4)
    o = make_ones_int(3)
    f = make_full(2, 2.5)
    r = make_range(5)
    fr = make_frange(3)
    print(z.shape[0], z[0], z[3], o.shape[0], o[0] + o[1] + o[2], f[0], f[1])
    print(r[0], r[4], len(r), fr[2], fr[0] + fr[1] + fr[2])
    g = make_grid(3, 4)
    print(g.shape[0], g.shape[1], g[0, 0], g[2, 3], g[1, 2])
    z2 = make_zeros2(2, 3)
    o2 = make_ones2(2, 2)
    f2 = make_full2(3, 1)
    print(z2[1, 2], o2[1, 1], f2[2, 0], f2.shape[0], f2.shape[1])
    a3 = arange3(10, -10, -3)
    print(len(a3), a3[0], a3[1], a3[6])
    e = np.empty(3, dtype=np.int64)
    for i in range(3):
        e[i] = i - 1
    print(e[0], e[1], e[2])
    big = make_zeros(0)
    print(big.shape[0], len(big))


if __name__ == '__main__':
    main()
