# Tests: a ZeroDivisionError raised in one iteration of a parallel prange stops the program with the same exception and exit status as CPython; output printed before it is kept.
import numpy as np
import pyc_task as pt
from pyc_task import kernel, task, prange, int64, float64


@kernel
def inverse(a: pt.int64[:], out: pt.int64[:]) -> int64:
    s = 0
    for i in prange(a.shape[0]):
        out[i] = 1000000 // int(a[i])
        s += out[i]
    return s


@task(top_level=True)
def main():
    n = 1000
    a = np.empty(n, dtype=np.int64)
    out = np.zeros(n, dtype=np.int64)
    for i in range(n):
        a[i] = i + 1
    print(inverse(a, out))
    a[637] = 0
    print(inverse(a, out))
    print('not reached')


if __name__ == '__main__':
    main()
