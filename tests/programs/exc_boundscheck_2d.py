# Tests: boundscheck on a 2-D array: a negative index below -n raises IndexError; exit status 1.
import numpy as np
import pyc_task as pt
from pyc_task import kernel, task, int64, float64


@kernel(boundscheck=True)
def at(m: pt.float64[:, ::1], i: int64, j: int64) -> float64:
    return m[i, j]


@task(top_level=True)
def main():
    m = np.ones((3, 4))
    print(at(m, 2, 3), at(m, -3, -4), at(m, 0, -1))
    print(at(m, -4, 0))
    print('unreachable')


if __name__ == '__main__':
    main()
