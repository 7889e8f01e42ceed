# Tests: tuple assignment and swaps (a, b = b, a), rotations, Fibonacci via tuples.
import pyc_task as pt
from pyc_task import kernel, task, int64, float64


@kernel
def fib_iter(n: int64) -> int64:
    a, b = 0, 1
    for i in range(n):
        a, b = b, a + b
    return a


@kernel
def gcd_iter(a: int64, b: int64) -> int64:
    while b != 0:
        a, b = b, a % b
    return a


@task(top_level=True)
def main():
    a = 1
    b = 2
    a, b = b, a
    print(a, b)
    x, y, z = 1.5, 2.5, 3.5
    x, y, z = z, x, y
    print(x, y, z)
    p, q = 10, 20
    p, q = q - p, p + q
    print(p, q)
    print(fib_iter(0), fib_iter(1), fib_iter(10), fib_iter(90))
    print(gcd_iter(1071, 462), gcd_iter(270, 192), gcd_iter(7, 0))


if __name__ == '__main__':
    main()
