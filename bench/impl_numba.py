"""Numba @njit versions of the benchmarks: the same loops as bench/kernels/*.py.

Single-threaded (plain range, no parallel=True) and without fastmath, like
the C baselines, so every variant computes the same thing in the same order.
"""

import math

from numba import njit


@njit(cache=False)
def saxpy(a, x, y):
    for i in range(x.shape[0]):
        y[i] += a * x[i]


@njit(cache=False)
def stencil_step(u, v):
    n = u.shape[0]
    m = u.shape[1]
    for i in range(1, n - 1):
        for j in range(1, m - 1):
            v[i, j] = 0.25 * (u[i - 1, j] + u[i + 1, j] + u[i, j - 1] + u[i, j + 1])


@njit(cache=False)
def stencil_run(u, v, iters):
    for it in range(iters // 2):
        stencil_step(u, v)
        stencil_step(v, u)


@njit(cache=False)
def matmul(a, b, c):
    n = a.shape[0]
    m = a.shape[1]
    p = b.shape[1]
    for i in range(n):
        for j in range(p):
            c[i, j] = 0.0
        for k in range(m):
            aik = a[i, k]
            for j in range(p):
                c[i, j] += aik * b[k, j]


@njit(cache=False)
def escape(cr, ci, max_iter):
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


@njit(cache=False)
def mandel(out, max_iter):
    h = out.shape[0]
    w = out.shape[1]
    for y in range(h):
        ci = -1.2 + 2.4 * y / h
        for x in range(w):
            out[y, x] = escape(-2.0 + 3.0 * x / w, ci, max_iter)


@njit(cache=False)
def nbody_advance(pos, vel, mass, dt, steps):
    n = mass.shape[0]
    for s in range(steps):
        for i in range(n):
            for j in range(i + 1, n):
                dx = pos[i, 0] - pos[j, 0]
                dy = pos[i, 1] - pos[j, 1]
                dz = pos[i, 2] - pos[j, 2]
                d2 = dx * dx + dy * dy + dz * dz
                mag = dt / (d2 * math.sqrt(d2))
                mj = mass[j] * mag
                mi = mass[i] * mag
                vel[i, 0] -= dx * mj
                vel[i, 1] -= dy * mj
                vel[i, 2] -= dz * mj
                vel[j, 0] += dx * mi
                vel[j, 1] += dy * mi
                vel[j, 2] += dz * mi
        for i in range(n):
            pos[i, 0] += dt * vel[i, 0]
            pos[i, 1] += dt * vel[i, 1]
            pos[i, 2] += dt * vel[i, 2]
