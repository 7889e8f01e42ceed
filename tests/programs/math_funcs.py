# Tests: math.* float functions give CPython's (libm's) exact results.
import math
import pyc_task as pt
from pyc_task import kernel, task, int64, float64


@kernel
def row(x: float64) -> None:
    print(x, math.sqrt(x), math.exp(x), math.log(x), math.log10(x), math.log2(x))
    print(' ', math.sin(x), math.cos(x), math.tan(x), math.atan(x), math.sinh(x), math.cosh(x), math.tanh(x))
    print(' ', math.log1p(x), math.expm1(x), math.pow(x, 1.5), math.asinh(x), math.erf(x))


@task(top_level=True)
def main():
    row(0.5)
    row(1.0)
    row(2.0)
    row(10.0)
    row(1e-10)
    print(math.asin(0.5), math.acos(0.5), math.acosh(2.0), math.atanh(0.5))
    print(math.atan2(1.0, -1.0), math.atan2(-0.0, -1.0), math.hypot(3.0, 4.0), math.hypot(1e200, 1e200))
    print(math.log(8.0, 2.0), math.log(100.0, 10.0), math.exp(710.0 - 1.0), math.exp(-1000.0))
    print(math.fmod(7.5, 2.0), math.fmod(-7.5, 2.0), math.fabs(-3.25), math.copysign(2.0, -1.0))
    print(math.degrees(math.pi), math.radians(180.0), math.erfc(1.0))
    print(math.sqrt(2.0) ** 2, math.sqrt(1e-300), math.sqrt(0.0), math.sqrt(-0.0))


if __name__ == '__main__':
    main()
