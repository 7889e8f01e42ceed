# Tests: recursive in-place quicksort and insertion sort on arrays filled by an integer LCG.
import numpy as np
import pyc_task as pt
from pyc_task import kernel, task, int64, float64


@kernel
def fill(a: pt.float64[:], seed: int64) -> None:
    x = seed
    for i in range(a.shape[0]):
        x = (x * 1103515245 + 12345) % 2147483648
        a[i] = x / 2147483648.0 - 0.5


@kernel
def quicksort(a: pt.float64[:], lo: int64, hi: int64) -> None:
    if lo >= hi:
        return
    p = a[(lo + hi) // 2]
    i = lo
    j = hi
    while i <= j:
        while a[i] < p:
            i += 1
        while a[j] > p:
            j -= 1
        if i <= j:
            a[i], a[j] = a[j], a[i]
            i += 1
            j -= 1
    quicksort(a, lo, j)
    quicksort(a, i, hi)


@kernel
def insertion_sort(a: pt.float64[:]) -> None:
    for i in range(1, a.shape[0]):
        v = a[i]
        j = i - 1
        while j >= 0 and a[j] > v:
            a[j + 1] = a[j]
            j -= 1
        a[j + 1] = v


@kernel
def is_sorted(a: pt.float64[:]) -> bool:
    for i in range(1, a.shape[0]):
        if a[i - 1] > a[i]:
            return False
    return True


@kernel
def checksum(a: pt.float64[:]) -> float64:
    s = 0.0
    for i in range(a.shape[0]):
        s += a[i] * (i + 1)
    return s


@task(top_level=True)
def main():
    a = np.empty(5000)
    fill(a, 12345)
    b = np.empty(500)
    fill(b, 999)
    print(is_sorted(a), a[0], a[4999])
    quicksort(a, 0, a.shape[0] - 1)
    insertion_sort(b)
    print(is_sorted(a), is_sorted(b), a[0], a[2500], a[4999], b[0], b[499])
    print(checksum(a), checksum(b))


if __name__ == '__main__':
    main()
