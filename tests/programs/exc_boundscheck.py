# Tests: @kernel(boundscheck=True) turns an out-of-bounds read into IndexError; exit status 1.
import numpy as np
import pyc_task as pt
from pyc_task import kernel, task, int64, float64


@kernel(boundscheck=True)
def window_sum(a: pt.float64[:], start: int64, width: int64) -> float64:
    s = 0.0
    for i in range(start, start + width):
        s += a[i]
    return s


@task(top_level=True)
def main():
    a = np.ones(8)
    print(window_sum(a, 0, 8), window_sum(a, -8, 8), window_sum(a, 5, 3))
    print(window_sum(a, 6, 3))
    print('unreachable')


if __name__ == '__main__':
    main()
