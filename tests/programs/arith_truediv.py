# Tests: / on ints gives a float; true division results printed as repr.
import pyc_task as pt
from pyc_task import kernel, task, int64, float64


@kernel
def ratio(a: int64, b: int64) -> float64:
    return a / b


@kernel
def mean3(a: int64, b: int64, c: int64) -> float64:
    return (a + b + c) / 3


@task(top_level=True)
def main():
    print(ratio(7, 2), ratio(-7, 2), ratio(1, 3), ratio(2, 3), ratio(10, 5))
    print(ratio(1, 7), ratio(-1, 10), ratio(9007199254740993, 1))
    print(mean3(1, 2, 4), mean3(-1, 0, 0))
    print(1 / 3, 2 / 3, 1 / 10, 3 / 4, 0 / 5, -0 / 5)
    print(10.0 / 4, 1.0 / 3.0, -1 / 3.0)
    x = 1
    y = x / 8
    print(y, y * 8, y / 8)


if __name__ == '__main__':
    main()
