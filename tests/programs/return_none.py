# Tests: kernels returning None, bare return, early return from loops, writes through arrays.
import numpy as np
import pyc_task as pt
from pyc_task import kernel, task, int64, float64


@kernel
def fill_upto(a: pt.int64[:], n: int64) -> None:
    for i in range(a.shape[0]):
        if i >= n:
            return
        a[i] = i * i


@kernel
def maybe_print(x: int64):
    if x < 0:
        return
    print('non-negative', x)


@kernel
def find(a: pt.int64[:], v: int64) -> int64:
    for i in range(len(a)):
        if a[i] == v:
            return i
    return -1


@task(top_level=True)
def main():
    a = np.zeros(8, dtype=np.int64)
    fill_upto(a, 5)
    for i in range(8):
        print(a[i], end=' ')
    print()
    maybe_print(-1)
    maybe_print(4)
    print(find(a, 9), find(a, 7), find(a, 0), find(a, 16))


if __name__ == '__main__':
    main()
