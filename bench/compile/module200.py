# Compile-latency benchmark input: a 200-line module of typical kernels
# (reductions, stencils, a small linear solver, statistics, integer code).
# `pyc-task build --time bench/compile/module200.py` reports the compile time
# without the final link. It also runs under CPython.
import math
import numpy as np
import pyc_task as pt
from pyc_task import kernel, task, prange, int64, float64


@kernel
def dot(x: pt.float64[::1], y: pt.float64[::1]) -> float64:
    s = 0.0
    for i in range(x.shape[0]):
        s += x[i] * y[i]
    return s


@kernel
def norm2(x: pt.float64[::1]) -> float64:
    return math.sqrt(dot(x, x))


@kernel
def axpy(a: float64, x: pt.float64[::1], y: pt.float64[::1]) -> None:
    for i in prange(x.shape[0]):
        y[i] += a * x[i]


@kernel
def scale(a: float64, x: pt.float64[::1]) -> None:
    for i in range(x.shape[0]):
        x[i] *= a


@kernel
def mean(x: pt.float64[::1]) -> float64:
    s = 0.0
    for i in range(x.shape[0]):
        s += x[i]
    return s / x.shape[0]


@kernel
def variance(x: pt.float64[::1]) -> float64:
    m = mean(x)
    s = 0.0
    for i in range(x.shape[0]):
        d = x[i] - m
        s += d * d
    return s / (x.shape[0] - 1)


@kernel
def minmax(x: pt.float64[::1]) -> tuple[float64, float64]:
    lo = x[0]
    hi = x[0]
    for i in range(1, x.shape[0]):
        lo = min(lo, x[i])
        hi = max(hi, x[i])
    return lo, hi


@kernel
def stencil5(u: pt.float64[:, ::1], v: pt.float64[:, ::1]) -> None:
    n = u.shape[0]
    m = u.shape[1]
    for i in range(1, n - 1):
        for j in range(1, m - 1):
            v[i, j] = 0.25 * (u[i - 1, j] + u[i + 1, j] + u[i, j - 1] + u[i, j + 1])


@kernel
def residual(u: pt.float64[:, ::1], v: pt.float64[:, ::1]) -> float64:
    r = 0.0
    for i in range(u.shape[0]):
        for j in range(u.shape[1]):
            r = max(r, abs(u[i, j] - v[i, j]))
    return r


@kernel
def jacobi(u: pt.float64[:, ::1], iters: int64) -> float64:
    v = np.zeros((u.shape[0], u.shape[1]))
    for i in range(u.shape[0]):
        for j in range(u.shape[1]):
            v[i, j] = u[i, j]
    r = 0.0
    for k in range(iters):
        stencil5(u, v)
        r = residual(u, v)
        stencil5(v, u)
    return r


@kernel
def matvec(a: pt.float64[:, ::1], x: pt.float64[::1], y: pt.float64[::1]) -> None:
    for i in range(a.shape[0]):
        s = 0.0
        for j in range(a.shape[1]):
            s += a[i, j] * x[j]
        y[i] = s


@kernel
def tridiag_solve(a: float64, b: float64, c: float64, d: pt.float64[::1]) -> None:
    n = d.shape[0]
    cp = np.empty(n)
    cp[0] = c / b
    d[0] = d[0] / b
    for i in range(1, n):
        w = b - a * cp[i - 1]
        cp[i] = c / w
        d[i] = (d[i] - a * d[i - 1]) / w
    for i in range(n - 2, -1, -1):
        d[i] -= cp[i] * d[i + 1]


@kernel
def gcd(a: int64, b: int64) -> int64:
    while b != 0:
        a, b = b, a % b
    return a


@kernel
def collatz_len(n: int64) -> int64:
    steps = 0
    while n != 1:
        if n % 2 == 0:
            n = n // 2
        else:
            n = 3 * n + 1
        steps += 1
    return steps


@kernel
def longest_collatz(limit: int64) -> tuple[int64, int64]:
    best = 0
    arg = 1
    for n in range(1, limit):
        s = collatz_len(n)
        if s > best:
            best = s
            arg = n
    return arg, best


@kernel
def primes_below(n: int64) -> int64:
    sieve = np.ones(n, dtype=np.int64)
    sieve[0] = 0
    sieve[1] = 0
    i = 2
    while i * i < n:
        if sieve[i] == 1:
            for j in range(i * i, n, i):
                sieve[j] = 0
        i += 1
    count = 0
    for k in range(n):
        count += sieve[k]
    return count


@kernel
def simpson(a: float64, b: float64, n: int64) -> float64:
    h = (b - a) / n
    s = math.sin(a) + math.sin(b)
    for i in range(1, n):
        x = a + i * h
        if i % 2 == 1:
            s += 4.0 * math.sin(x)
        else:
            s += 2.0 * math.sin(x)
    return s * h / 3.0


@task(top_level=True)
def main():
    n = 1000
    x = np.arange(n, dtype=np.float64)
    y = np.ones(n)
    axpy(0.5, x, y)
    scale(2.0, y)
    lo, hi = minmax(y)
    print(f'{norm2(y):.6f} {mean(y):.6f} {variance(y):.6f} {lo} {hi}')
    u = np.zeros((64, 64))
    for j in range(64):
        u[0, j] = 1.0
    print(f'jacobi residual {jacobi(u, 20):.6e}')
    a = np.ones((8, 8))
    v = np.empty(8)
    matvec(a, np.arange(8, dtype=np.float64), v)
    print(v[0], v[7])
    d = np.ones(16)
    tridiag_solve(-1.0, 4.0, -1.0, d)
    print(f'{d[0]:.12f} {d[15]:.12f}')
    arg, steps = longest_collatz(1000)
    print(gcd(1071, 462), arg, steps, primes_below(10000))
    print(f'{simpson(0.0, math.pi, 1000):.12f}')


if __name__ == '__main__':
    main()
