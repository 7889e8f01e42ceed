# Tests: Simpson and trapezoid integration plus Newton and bisection root finding with math calls.
import math
import pyc_task as pt
from pyc_task import kernel, task, int64, float64


@kernel
def f(x: float64) -> float64:
    return math.exp(-x * x) * math.cos(3.0 * x)


@kernel
def simpson(a: float64, b: float64, n: int64) -> float64:
    h = (b - a) / n
    s = f(a) + f(b)
    for i in range(1, n):
        w = 4.0 if i % 2 == 1 else 2.0
        s += w * f(a + i * h)
    return s * h / 3.0


@kernel
def trapezoid(a: float64, b: float64, n: int64) -> float64:
    h = (b - a) / n
    s = 0.5 * (f(a) + f(b))
    for i in range(1, n):
        s += f(a + i * h)
    return s * h


@kernel
def newton_sqrt(x: float64) -> float64:
    g = x if x > 1.0 else 1.0
    for i in range(60):
        g2 = 0.5 * (g + x / g)
        if g2 == g:
            break
        g = g2
    return g


@kernel
def bisect_cos(lo: float64, hi: float64) -> float64:
    while hi - lo > 1e-12:
        mid = 0.5 * (lo + hi)
        if math.cos(mid) - mid > 0.0:
            lo = mid
        else:
            hi = mid
    return 0.5 * (lo + hi)


@task(top_level=True)
def main():
    for n in range(2, 1025, 2 * 73):
        print(n, simpson(0.0, 2.0, n), trapezoid(0.0, 2.0, n))
    print(newton_sqrt(2.0), newton_sqrt(1e10), newton_sqrt(0.25), math.sqrt(2.0))
    print(bisect_cos(0.0, 1.0))


if __name__ == '__main__':
    main()
