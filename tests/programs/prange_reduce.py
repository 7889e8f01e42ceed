# Tests: prange reductions (+ on ints, + on exactly representable floats, max, min) give exact results.
import numpy as np
import pyc_task as pt
from pyc_task import kernel, task, prange, int64, float64


@kernel
def fsum_exact(a: pt.float64[:]) -> float64:
    s = 0.0
    for i in prange(a.shape[0]):
        s += a[i]
    return s


@kernel
def imax(a: pt.int64[:]) -> int64:
    m = -1
    for i in prange(a.shape[0]):
        m = max(m, a[i])
    return m


@kernel
def imin(a: pt.int64[:]) -> int64:
    m = 1000000000
    for i in prange(a.shape[0]):
        m = min(m, a[i])
    return m


@kernel
def count_if(a: pt.int64[:], t: int64) -> int64:
    c = 0
    for i in prange(a.shape[0]):
        if a[i] > t:
            c += 1
    return c


@task(top_level=True)
def main():
    n = 100000
    a = np.empty(n)
    b = np.empty(n, dtype=np.int64)
    for i in range(n):
        a[i] = (i % 13) * 0.25
        b[i] = (i * 7919) % 100003
    print(fsum_exact(a), imax(b), imin(b), count_if(b, 50000))


if __name__ == '__main__':
    main()
