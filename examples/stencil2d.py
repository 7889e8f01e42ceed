# stencil2d: steady-state heat on a square plate by Jacobi iteration (5-point stencil).
# The top edge is held at 100 degrees, the other edges at 0; interior starts at 0.
# Prints the largest change per sweep as it converges and a coarse picture of the plate.
import numpy as np
import pyc_task as pt
from pyc_task import kernel, task, prange, int64, float64


@kernel
def init(u: pt.float64[:, ::1], top: float64) -> None:
    for i in range(u.shape[0]):
        for j in range(u.shape[1]):
            u[i, j] = top if i == 0 else 0.0


@kernel
def sweep(u: pt.float64[:, ::1], v: pt.float64[:, ::1]) -> float64:
    """One Jacobi sweep u -> v over the interior; returns the largest change."""
    n = u.shape[0]
    m = u.shape[1]
    delta = 0.0
    for i in prange(1, n - 1):
        for j in range(1, m - 1):
            new = 0.25 * (u[i - 1, j] + u[i + 1, j] + u[i, j - 1] + u[i, j + 1])
            delta = max(delta, abs(new - u[i, j]))
            v[i, j] = new
    return delta


@kernel
def copy_edges(u: pt.float64[:, ::1], v: pt.float64[:, ::1]) -> None:
    n = u.shape[0]
    m = u.shape[1]
    for j in range(m):
        v[0, j] = u[0, j]
        v[n - 1, j] = u[n - 1, j]
    for i in range(n):
        v[i, 0] = u[i, 0]
        v[i, m - 1] = u[i, m - 1]


@kernel
def solve(u: pt.float64[:, ::1], v: pt.float64[:, ::1], max_sweeps: int64, tol: float64) -> int64:
    """Sweeps u -> v -> u ... until the change drops below tol; result ends in u."""
    copy_edges(u, v)
    for k in range(0, max_sweeps, 2):
        d1 = sweep(u, v)
        d2 = sweep(v, u)
        if k % 200 == 0:
            print(f'sweep {k + 2:5d}: max change {d2:.3e}')
        if d1 < tol and d2 < tol:
            return k + 2
    return max_sweeps


@kernel
def mean(u: pt.float64[:, ::1]) -> float64:
    s = 0.0
    for i in range(u.shape[0]):
        for j in range(u.shape[1]):
            s += u[i, j]
    return s / (u.shape[0] * u.shape[1])


@task(top_level=True)
def main():
    n = 48
    u = np.empty((n, n))
    v = np.empty((n, n))
    init(u, 100.0)
    sweeps = solve(u, v, 5000, 1e-4)
    print('converged after', sweeps, 'sweeps')
    print(f'mean temperature {mean(u):.4f}, centre {u[n // 2, n // 2]:.4f}')
    for i in range(0, n, 6):
        for j in range(0, n, 6):
            print(f'{u[i, j]:6.1f}', end='')
        print()


if __name__ == '__main__':
    main()
