# Tests: // and % on ints of every sign combination (Python floors; C truncates).
import pyc_task as pt
from pyc_task import kernel, task, int64


@kernel
def fd(a: int64, b: int64) -> int64:
    return a // b


@kernel
def md(a: int64, b: int64) -> int64:
    return a % b


@kernel
def check(a: int64, b: int64) -> bool:
    return (a // b) * b + a % b == a


@task(top_level=True)
def main():
    for a in range(-7, 8, 7):
        for b in range(-3, 4):
            if b != 0:
                print(a, b, fd(a, b), md(a, b), check(a, b))
    print(7 // 2, -7 // 2, 7 // -2, -7 // -2)
    print(7 % 3, -7 % 3, 7 % -3, -7 % -3)
    print(1 // 5, -1 // 5, 1 % 5, -1 % 5)
    print(fd(-9223372036854775807, 2), md(-9223372036854775807, 2))
    print(fd(1000000007, -13), md(1000000007, -13))
    n = -17
    n //= 5
    m = -17
    m %= 5
    print(n, m)


if __name__ == '__main__':
    main()
