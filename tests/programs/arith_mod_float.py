# Tests: float // and % with negative operands and signed zero results.
import pyc_task as pt
from pyc_task import kernel, task, float64


@kernel
def fmodpy(a: float64, b: float64) -> float64:
    return a % b


@kernel
def ffloor(a: float64, b: float64) -> float64:
    return a // b


@task(top_level=True)
def main():
    print(7.5 % 2.0, -7.5 % 2.0, 7.5 % -2.0, -7.5 % -2.0)
    print(7.5 // 2.0, -7.5 // 2.0, 7.5 // -2.0, -7.5 // -2.0)
    print(fmodpy(0.0, 1.0), fmodpy(-0.0, 1.0), fmodpy(0.0, -1.0), fmodpy(-1.0, 1.0))
    print(fmodpy(1.0, -1.0), fmodpy(-2.0, 3.0), fmodpy(5.3, 0.1))
    print(ffloor(1.0, 0.1), ffloor(-1.0, 0.1), ffloor(0.5, -1.0), ffloor(-0.5, 1.0))
    print(fmodpy(1e300, 3.0), fmodpy(-1e-300, 1.0))
    x = 10.25
    x %= 3.0
    y = -10.25
    y //= 3.0
    print(x, y)
    print(7 % 2.5, -7 // 2.5)


if __name__ == '__main__':
    main()
