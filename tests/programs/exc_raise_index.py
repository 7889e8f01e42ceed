# Tests: raise IndexError('...') explicitly from a kernel; exit status 1.
import numpy as np
import pyc_task as pt
from pyc_task import kernel, task, int64, float64


@kernel
def get(a: pt.float64[:], i: int64) -> float64:
    if i < 0 or i >= a.shape[0]:
        raise IndexError('index out of range')
    return a[i]


@task(top_level=True)
def main():
    a = np.arange(5, dtype=np.float64)
    for i in range(0, 10, 2):
        print(i, get(a, i))
    print('unreachable')


if __name__ == '__main__':
    main()
