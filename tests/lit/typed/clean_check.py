# A program using most of the subset checks cleanly: `check` prints nothing
# and exits 0.
# RUN: %pyc-task check %s 2>&1 | count 0
import math
import numpy as np
import pyc_task as pt
from pyc_task import kernel, task, prange, float64, int64, int32

N = 10


@kernel
def norm(a: pt.float64[:]) -> float64:
    s = 0.0
    for i in prange(a.shape[0]):
        s += a[i] * a[i]
    return math.sqrt(s)


@kernel
def collatz(n: int64) -> int64:
    steps = 0
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        steps += 1
    return steps


@kernel
def checked(x: float64) -> float64:
    assert x >= 0.0, f"negative input {x!r}"
    if math.isnan(x):
        raise ValueError("nan input")
    return x ** 0.5


@task(top_level=True)
def main() -> None:
    a = np.ones(N)
    a[0] = 3
    lo, hi = 0, N
    lo, hi = hi, lo
    t = (1, 2.5)
    print(norm(a), collatz(27), checked(2.0), t[0], t[-1], lo, hi)
    print(f"{norm(a):.3f} {collatz(7):>5d}", end="\n")
    print(min(1, 2.5), max(int32(3), 4), abs(-2), round(2.5), round(2.567, 2))
    ok = 1 < N <= 10 and not (N == 3)
    print(ok)


if __name__ == '__main__':
    main()
