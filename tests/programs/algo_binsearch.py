# Tests: binary search (lower bound) on a sorted int64 array; loop with // midpoints.
import numpy as np
import pyc_task as pt
from pyc_task import kernel, task, int64


@kernel
def lower_bound(a: pt.int64[:], v: int64) -> int64:
    lo = 0
    hi = a.shape[0]
    while lo < hi:
        mid = (lo + hi) // 2
        if a[mid] < v:
            lo = mid + 1
        else:
            hi = mid
    return lo


@task(top_level=True)
def main():
    a = np.empty(1000, dtype=np.int64)
    for i in range(1000):
        a[i] = i * i - 500 * i
    for i in range(1, 1000):
        if a[i] < a[i - 1]:
            a[i] = a[i - 1]
    for v in range(-70000, 800000, 54321):
        print(v, lower_bound(a, v))


if __name__ == '__main__':
    main()
