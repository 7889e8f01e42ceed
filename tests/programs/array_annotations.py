# Tests: every array annotation spelling: pt.float64[:], [:, ::1], [:, :], Array[...], strings.
import numpy as np
import pyc_task as pt
from pyc_task import kernel, task, int64, float64, Array


@kernel
def s1(a: pt.float64[:]) -> float64:
    return a[0] + a[-1]


@kernel
def s2(a: pt.float64[:, ::1]) -> float64:
    return a[0, 0] + a[1, 1]


@kernel
def s3(a: pt.float64[:, :]) -> float64:
    return a[1, 0]


@kernel
def s4(a: Array[float64, 2]) -> float64:
    return a[0, 1]


@kernel
def s5(a: Array[float64, 2, 'C']) -> float64:
    return a[1, 1] * 2.0


@kernel
def s6(a: 'float64[:]') -> float64:
    return a[1]


@kernel
def s7(a: 'float64[:, :]') -> float64:
    return a[0, 0] - a[1, 1]


@kernel
def s8(a: pt.int64[:], b: Array[int64, 1]) -> int64:
    return a[0] * b[0]


@kernel
def s9(a: pt.f64[::1]) -> float64:
    return a[2]


@task(top_level=True)
def main():
    v = np.arange(4, dtype=np.float64)
    m = np.zeros((2, 2))
    for i in range(2):
        for j in range(2):
            m[i, j] = i * 2.0 + j
    iv = np.arange(1, 4, dtype=np.int64)
    print(s1(v), s2(m), s3(m), s4(m), s5(m), s6(v), s7(m), s8(iv, iv), s9(v))


if __name__ == '__main__':
    main()
