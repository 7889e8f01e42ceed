# Tests: int/float promotion in arithmetic and comparisons between int and float.
import pyc_task as pt
from pyc_task import kernel, task, int64, float64


@kernel
def blend(i: int64, x: float64) -> float64:
    return i + x * i - i / 2 + 1


@kernel
def same(i: int64, x: float64) -> bool:
    return i == x


@task(top_level=True)
def main():
    print(blend(3, 0.5), blend(-4, 2.25), blend(0, 1e10))
    print(same(1, 1.0), same(1, 1.5), same(-2, -2.0))
    print(1 < 1.5, 2 > 2.0, 2 >= 2.0, 3 != 3.0, 1 + 0.5, 2 * 0.25, 7 - 0.5)
    print(9007199254740993 == 9007199254740992.0, 2 ** 53 + 1 > 9007199254740992.0)
    n = 5
    x = n * 1.0
    y = float(n) / 2
    z = n + 0.0
    print(x, y, z, x == n)


if __name__ == '__main__':
    main()
