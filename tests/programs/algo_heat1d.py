# Tests: 1-D heat equation with two buffers swapped by tuple assignment each step.
import numpy as np
import pyc_task as pt
from pyc_task import kernel, task, prange, int64, float64


@kernel
def step(u: pt.float64[:], v: pt.float64[:], r: float64) -> None:
    n = u.shape[0]
    v[0] = u[0]
    v[n - 1] = u[n - 1]
    for i in prange(1, n - 1):
        v[i] = u[i] + r * (u[i - 1] - 2.0 * u[i] + u[i + 1])


@kernel
def run(u: pt.float64[:], v: pt.float64[:], r: float64, steps: int64) -> pt.float64[:]:
    a = u
    b = v
    for s in range(steps):
        step(a, b, r)
        a, b = b, a
    return a


@task(top_level=True)
def main():
    n = 101
    u = np.zeros(n)
    v = np.zeros(n)
    for i in range(n):
        u[i] = 1.0 if 40 <= i <= 60 else 0.0
    res = run(u, v, 0.25, 500)
    total = 0.0
    for i in range(n):
        total += res[i]
    print(res[50], res[30], res[0], total)


if __name__ == '__main__':
    main()
