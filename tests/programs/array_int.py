# Tests: int64 arrays: histogram counting, prefix sums, integer array arithmetic.
import numpy as np
import pyc_task as pt
from pyc_task import kernel, task, int64


@kernel
def lcg_fill(a: pt.int64[:], seed: int64) -> None:
    x = seed
    for i in range(a.shape[0]):
        x = (x * 1103515245 + 12345) % 2147483648
        a[i] = x % 100


@kernel
def histogram(a: pt.int64[:], bins: int64) -> pt.int64[:]:
    h = np.zeros(bins, dtype=np.int64)
    for i in range(a.shape[0]):
        h[a[i] * bins // 100] += 1
    return h


@kernel
def prefix(a: pt.int64[:]) -> pt.int64[:]:
    p = np.empty(a.shape[0] + 1, dtype=np.int64)
    p[0] = 0
    for i in range(a.shape[0]):
        p[i + 1] = p[i] + a[i]
    return p


@task(top_level=True)
def main():
    a = np.zeros(1000, dtype=np.int64)
    lcg_fill(a, 42)
    print(a[0], a[1], a[999])
    h = histogram(a, 10)
    for i in range(10):
        print(h[i], end=' ')
    print()
    p = prefix(a)
    print(p[0], p[500], p[1000], len(p))


if __name__ == '__main__':
    main()
