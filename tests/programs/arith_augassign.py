# Tests: every augmented assignment operator on int and float locals and array elements.
import numpy as np
import pyc_task as pt
from pyc_task import kernel, task, int64, float64


@kernel
def int_ops(a: int64) -> int64:
    x = a
    x += 5
    x -= 2
    x *= 3
    x //= 4
    x %= 7
    x **= 2
    x <<= 1
    x >>= 1
    x |= 8
    x &= 14
    x ^= 5
    return x


@kernel
def float_ops(a: float64) -> float64:
    y = a
    y += 1.5
    y -= 0.25
    y *= 2.0
    y /= 3.0
    y //= 0.5
    y %= 2.5
    y **= 2.0
    return y


@kernel
def arr_ops(v: pt.float64[:]) -> float64:
    v[0] += 1.0
    v[1] -= 2.0
    v[2] *= 3.0
    v[3] /= 4.0
    v[-1] += v[0]
    return v[0] + v[1] + v[2] + v[3] + v[4]


@task(top_level=True)
def main():
    for a in range(-4, 5):
        print(a, int_ops(a), float_ops(a * 1.5))
    v = np.ones(5)
    print(arr_ops(v), arr_ops(v), v[0], v[1], v[2], v[3], v[4])


if __name__ == '__main__':
    main()
