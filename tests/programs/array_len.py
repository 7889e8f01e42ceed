# Tests: len(a) and a.shape[k] on 1-D and 2-D arrays, shape used in loop bounds and arithmetic.
import numpy as np
import pyc_task as pt
from pyc_task import kernel, task, int64, float64


@kernel
def dims(m: pt.float64[:, :]) -> int64:
    return len(m) * 1000 + m.shape[1] * 10 + m.shape[0]


@kernel
def size1(v: pt.int64[:]) -> int64:
    return len(v) + v.shape[0]


@kernel
def cells(m: pt.float64[:, :]) -> int64:
    n = 0
    for i in range(m.shape[0]):
        for j in range(len(m) - i, m.shape[1]):
            n += 1
    return n


@task(top_level=True)
def main():
    print(dims(np.zeros((3, 7))), dims(np.zeros((1, 1))), dims(np.zeros((0, 5))))
    print(size1(np.zeros(9, dtype=np.int64)), size1(np.zeros(0, dtype=np.int64)))
    print(cells(np.zeros((4, 6))), cells(np.zeros((6, 4))))


if __name__ == '__main__':
    main()
