# Tests: kernels returning tuples of mixed types, unpacking, passing results on.
import math
import numpy as np
import pyc_task as pt
from pyc_task import kernel, task, int64, float64


@kernel
def divmod_py(a: int64, b: int64) -> tuple[int64, int64]:
    return a // b, a % b


@kernel
def stats(n: int64) -> tuple[float64, float64, int64]:
    s = 0.0
    s2 = 0.0
    for i in range(1, n + 1):
        s += i
        s2 += i * i
    mean = s / n
    return mean, math.sqrt(s2 / n - mean * mean), n


@kernel
def polar(x: float64, y: float64):
    return math.hypot(x, y), math.atan2(y, x)


@kernel
def minmax(a: pt.float64[:]):
    lo = a[0]
    hi = a[0]
    for i in range(1, a.shape[0]):
        lo = min(lo, a[i])
        hi = max(hi, a[i])
    return lo, hi


@task(top_level=True)
def main():
    for k in range(-7, 8, 7):
        q, rem = divmod_py(k, 3)
        print(k, q, rem)
    m, sd, n = stats(10)
    print(m, sd, n)
    r, th = polar(1.0, 1.0)
    print(r, th)
    r, th = polar(-3.0, -4.0)
    print(r, th)
    arr = np.arange(7, dtype=np.float64)
    lo, hi = minmax(arr)
    print(lo, hi)
    t = divmod_py(100, 7)
    u, v = t
    print(u, v)


if __name__ == '__main__':
    main()
