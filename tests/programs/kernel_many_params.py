# Tests: kernels with many parameters of mixed types, and expression arguments evaluated left to right.
import numpy as np
import pyc_task as pt
from pyc_task import kernel, task, int32, int64, float64


@kernel
def mix(a: int64, b: float64, c: int32, d: bool, e: float64, f: int64, g: pt.float64[:], h: int64, i: float64, j: int64) -> float64:
    s = a + b + c + e + f + h + i + j + g[0] + g[-1]
    if d:
        s = -s
    return s


@kernel
def trace(tag: int64, v: int64) -> int64:
    print('arg', tag)
    return v


@kernel
def three(a: int64, b: int64, c: int64) -> int64:
    return a * 100 + b * 10 + c


@task(top_level=True)
def main():
    g = np.ones(4)
    g[0] = 0.5
    print(mix(1, 2.5, 3, False, 4.25, 5, g, 6, 7.125, 8))
    print(mix(-1, -2.5, -3, True, 0.0, 0, g, 0, 0.0, 1))
    print(three(trace(1, 7), trace(2, 8), trace(3, 9)))
    print(three(three(1, 2, 3) % 10, 2 * 3 - 1, -1 + 1))


if __name__ == '__main__':
    main()
