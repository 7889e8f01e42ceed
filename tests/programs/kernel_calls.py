# Tests: kernels calling kernels with int, float and bool arguments and implicit int->float.
import math
import pyc_task as pt
from pyc_task import kernel, task, int64, float64


@kernel
def sq(x: float64) -> float64:
    return x * x


@kernel
def dist(x1: float64, y1: float64, x2: float64, y2: float64) -> float64:
    return math.sqrt(sq(x2 - x1) + sq(y2 - y1))


@kernel
def choose(flag: bool, a: float64, b: float64) -> float64:
    if flag:
        return a
    return b


@kernel
def perimeter(n: int64) -> float64:
    p = 0.0
    for k in range(n):
        a = 2.0 * math.pi * k / n
        b = 2.0 * math.pi * (k + 1) / n
        p += dist(math.cos(a), math.sin(a), math.cos(b), math.sin(b))
    return p


@kernel
def nothing() -> None:
    pass


@task(top_level=True)
def main() -> None:
    print(dist(0.0, 0.0, 3.0, 4.0), dist(1.0, 1.0, 1.0, 1.0))
    print(choose(True, 1.5, 2.5), choose(False, 1.5, 2.5), choose(3 > 2, sq(3.0), 0.0))
    print(sq(float(3)), sq(-2.0))
    for n in range(3, 9):
        print(n, perimeter(n))
    print(perimeter(1000))
    nothing()
    print('done')


if __name__ == '__main__':
    main()
