# Tests: repr of computed floats (sums, products, math results) in loops.
import math
import pyc_task as pt
from pyc_task import kernel, task, int64, float64


@kernel
def harmonic(n: int64) -> float64:
    h = 0.0
    for k in range(1, n + 1):
        h += 1.0 / k
    return h


@kernel
def geometric(r: float64, n: int64) -> float64:
    s = 0.0
    t = 1.0
    for k in range(n):
        s += t
        t *= r
    return s


@task(top_level=True)
def main():
    for n in range(1, 12):
        print(n, harmonic(n), geometric(0.5, n), geometric(1.1, n))
    x = 1.0
    for i in range(25):
        x *= 7.0
        print(x, 1.0 / x)


if __name__ == '__main__':
    main()
