"""NumPy (vectorized) versions of the benchmarks: what a NumPy user would write.

saxpy, stencil and mandelbrot do the same arithmetic as the loops, in the
same order per element. matmul uses `a @ b` (BLAS: a different algorithm,
listed because it is what NumPy users write). n-body vectorizes over the
10 pairs of each step (the per-pair sums run in another order, so the
energy agrees only to rounding).
"""

import numpy as np


def saxpy(a, x, y):
    y += a * x


def stencil_step(u, v):
    v[1:-1, 1:-1] = 0.25 * (u[:-2, 1:-1] + u[2:, 1:-1] + u[1:-1, :-2] + u[1:-1, 2:])


def stencil_run(u, v, iters):
    for it in range(iters // 2):
        stencil_step(u, v)
        stencil_step(v, u)


def matmul(a, b, c):
    np.matmul(a, b, out=c)


def mandel(out, max_iter):
    h, w = out.shape
    cr = (-2.0 + 3.0 * np.arange(w, dtype=np.float64) / w)[None, :].repeat(h, 0)
    ci = (-1.2 + 2.4 * np.arange(h, dtype=np.float64) / h)[:, None].repeat(w, 1)
    cr = cr.ravel()
    ci = ci.ravel()
    res = np.full(h * w, max_iter, dtype=np.int64)
    idx = np.arange(h * w)
    zr = np.zeros(h * w)
    zi = np.zeros(h * w)
    for k in range(max_iter):
        zr2 = zr * zr
        zi2 = zi * zi
        esc = zr2 + zi2 > 4.0
        if esc.any():
            res[idx[esc]] = k
            keep = ~esc
            idx, zr, zi, zr2, zi2 = idx[keep], zr[keep], zi[keep], zr2[keep], zi2[keep]
            cr, ci = cr[keep], ci[keep]
            if idx.size == 0:
                break
        zi = 2.0 * zr * zi + ci
        zr = zr2 - zi2 + cr
    out[:, :] = res.reshape(h, w)


_I, _J = np.triu_indices(5, 1)


def nbody_advance(pos, vel, mass, dt, steps):
    i, j = _I, _J
    mi_all = mass[i]
    mj_all = mass[j]
    for s in range(steps):
        d = pos[i] - pos[j]
        d2 = d[:, 0] * d[:, 0] + d[:, 1] * d[:, 1] + d[:, 2] * d[:, 2]
        mag = dt / (d2 * np.sqrt(d2))
        np.subtract.at(vel, i, d * (mj_all * mag)[:, None])
        np.add.at(vel, j, d * (mi_all * mag)[:, None])
        pos += dt * vel
