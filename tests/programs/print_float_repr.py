# Tests: print of floats uses CPython's shortest round-trip repr, incl. exponent switch points.
import math
import pyc_task as pt
from pyc_task import kernel, task, int64, float64


@kernel
def tenth_sum(n: int64) -> float64:
    s = 0.0
    for i in range(n):
        s += 0.1
    return s


@task(top_level=True)
def main():
    print(1e16, 1e15, 123456789012345678.0, 1e-05, 1e-04, 0.0001234)
    print(0.1 + 0.2, 1 / 3, 2 / 3, 1.0, 100.0, -2.5, 0.5)
    print(1e22, 1e23, 9.999999999999999e22, 1.5e-10, 2e-7, 1e100)
    print(math.inf, -math.inf, math.nan, -0.0, 0.0)
    print(tenth_sum(10), tenth_sum(3), tenth_sum(100))
    print(9007199254740992.0, 9007199254740993.0, 4503599627370497.5)
    print(5e-324, 1.7976931348623157e308, 2.2250738585072014e-308)
    print(math.pi, math.e, math.sqrt(2.0), 1.1 * 1.1, 3.3 * 3)
    print(12345.678, 0.000123, 1234567890123456.7, 1e+16 + 2.0)


if __name__ == '__main__':
    main()
