# Tests: chained comparisons evaluate the middle operand once and short-circuit.
import pyc_task as pt
from pyc_task import kernel, task, int64


@kernel
def loud(x: int64) -> int64:
    print('eval', x)
    return x


@kernel
def between(a: int64, b: int64, c: int64) -> bool:
    return a < b < c


@task(top_level=True)
def main():
    print(between(1, 2, 3), between(1, 3, 2), between(2, 2, 3))
    print(1 < 2 < 3 < 4, 1 < 2 > 3, 5 >= 5 >= 4 > 3, 1 == 1 == 1, 1 != 2 != 1)
    print(loud(1) < loud(2) < loud(3))
    print(loud(3) < loud(2) < loud(1))
    print(0 <= loud(5) <= 10)
    x = 2.5
    print(0.0 < x < 3.0, -1 < x <= 2.5, 3 > x > 2)


if __name__ == '__main__':
    main()
