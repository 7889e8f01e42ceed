# Tests: Gaussian elimination with partial pivoting (determinant and solve) on a 2-D array.
import numpy as np
import pyc_task as pt
from pyc_task import kernel, task, int64, float64


@kernel
def hilbert_like(a: pt.float64[:, ::1], b: pt.float64[:]) -> None:
    n = a.shape[0]
    for i in range(n):
        b[i] = 1.0
        for j in range(n):
            a[i, j] = 1.0 / (i + j + 1) + (1.0 if i == j else 0.0)


@kernel
def solve(a: pt.float64[:, ::1], b: pt.float64[:]) -> float64:
    n = a.shape[0]
    det = 1.0
    for k in range(n):
        p = k
        for i in range(k + 1, n):
            if abs(a[i, k]) > abs(a[p, k]):
                p = i
        if p != k:
            det = -det
            for j in range(n):
                a[k, j], a[p, j] = a[p, j], a[k, j]
            b[k], b[p] = b[p], b[k]
        det *= a[k, k]
        for i in range(k + 1, n):
            f = a[i, k] / a[k, k]
            for j in range(k, n):
                a[i, j] -= f * a[k, j]
            b[i] -= f * b[k]
    for i in range(n - 1, -1, -1):
        s = b[i]
        for j in range(i + 1, n):
            s -= a[i, j] * b[j]
        b[i] = s / a[i, i]
    return det


@task(top_level=True)
def main():
    for n in range(1, 9, 3):
        a = np.zeros((n, n))
        b = np.zeros(n)
        hilbert_like(a, b)
        det = solve(a, b)
        print(n, det, b[0], b[n - 1])


if __name__ == '__main__':
    main()
