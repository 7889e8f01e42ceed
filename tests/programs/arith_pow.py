# Tests: ** on ints (incl. negative literal exponent -> float), floats, 0**0.
import pyc_task as pt
from pyc_task import kernel, task, int64, float64


@kernel
def ipow(b: int64, e: int64) -> int64:
    return b ** e


@kernel
def fpow(b: float64, e: float64) -> float64:
    return b ** e


@kernel
def fipow(b: float64, e: int64) -> float64:
    return b ** e


@task(top_level=True)
def main():
    for e in range(0, 6):
        print(ipow(2, e), ipow(-3, e), ipow(0, e), ipow(1, e))
    print(ipow(2, 62), ipow(-2, 63), ipow(10, 18), ipow(7, 1))
    print(2 ** -1, 2 ** -2, 10 ** -3, (-2) ** -3, 4 ** -1)
    print(0 ** 0, 3 ** 4, -3 ** 2, (-3) ** 2)
    print(fpow(2.0, 0.5), fpow(9.0, 0.5), fpow(2.0, -1.5), fpow(0.0, 0.0), fpow(1.5, 2.5))
    print(fipow(1.5, 3), fipow(-2.0, 3), fipow(10.0, -2), fipow(2.0, 0))
    x = 3
    x **= 3
    y = 1.5
    y **= 2
    print(x, y)


if __name__ == '__main__':
    main()
