# Tests: for over range with 1, 2 and 3 arguments, positive and negative steps, empty ranges.
import pyc_task as pt
from pyc_task import kernel, task, int64


@kernel
def count(a: int64, b: int64, s: int64) -> int64:
    c = 0
    for i in range(a, b, s):
        c += 1
    return c


@kernel
def weighted(a: int64, b: int64, s: int64) -> int64:
    t = 0
    k = 1
    for i in range(a, b, s):
        t += i * k
        k += 1
    return t


@task(top_level=True)
def main():
    for i in range(5):
        print(i, end=' ')
    print()
    for i in range(3, 8):
        print(i, end=' ')
    print()
    for i in range(10, 0, -3):
        print(i, end=' ')
    print()
    for i in range(-5, 6, 4):
        print(i, end=' ')
    print()
    for i in range(0):
        print('never')
    for i in range(5, 2):
        print('never')
    for i in range(2, 5, -1):
        print('never')
    print(count(0, 10, 1), count(0, 10, 3), count(10, 0, -1), count(10, 0, -4), count(-3, 3, 2))
    print(count(0, 0, 1), count(5, 5, -1), count(0, 1000001, 7), count(7, -8, -5))
    print(weighted(0, 10, 1), weighted(100, -100, -17), weighted(-50, 50, 9))
    n = 4
    for i in range(n):
        n = 100
        print(i, end=' ')
    print(n)


if __name__ == '__main__':
    main()
