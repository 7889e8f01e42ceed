# Tests: prange min/max reductions on ints and floats (exact when split), with the value before the loop taking part, int sums/products over a negative-step range, and +/- chains.
import numpy as np
import pyc_task as pt
from pyc_task import kernel, task, prange, int64, int32, float64


@kernel
def fminmax(a: pt.float64[:], start: float64) -> float64:
    lo = start
    hi = -start
    for i in prange(a.shape[0]):
        lo = min(lo, a[i])
        hi = max(hi, a[i])
    return hi - lo


@kernel
def imin_init(a: pt.int64[:], init: int64) -> int64:
    m = init
    for i in prange(a.shape[0]):
        m = min(m, a[i] * 3 - 7)
    return m


@kernel
def down_sum(n: int64) -> int64:
    s = 0
    p = 1
    for i in prange(n, 0, -3):
        s += i * i
        if i % 5000 == 1:
            p *= 3
    return s * 1000 + p % 1000 + i


@kernel
def narrow(a: pt.int32[:]) -> int32:
    s = pt.int32(0)
    m = pt.int32(0)
    for i in prange(a.shape[0]):
        s += a[i]
        m = max(m, a[i])
    return s + m


@kernel
def chain(a: pt.int64[:], b: pt.int64[:]) -> int64:
    s = 100
    for i in prange(a.shape[0]):
        s = s + a[i] - b[i] * 2
        s -= 3
    return s


@task(top_level=True)
def main():
    n = 100003
    a = np.empty(n)
    b = np.empty(n, dtype=np.int64)
    c = np.empty(n, dtype=np.int32)
    for i in range(n):
        a[i] = ((i * 7919) % 10007) * 0.125 - 600.0
        b[i] = (i * 104729) % 99991 - 50000
        c[i] = (i * 31) % 20000
    print(fminmax(a, 0.0), fminmax(a, 1e9))
    print(imin_init(b, 0), imin_init(b, -10000000))
    print(down_sum(100000), down_sum(7), down_sum(1))
    print(narrow(c), chain(b, b), chain(np.zeros(0, dtype=np.int64), b))


if __name__ == '__main__':
    main()
