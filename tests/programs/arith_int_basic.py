# Tests: integer + - * , unary minus, precedence, abs, int64 parameters and returns.
import pyc_task as pt
from pyc_task import kernel, task, int64


@kernel
def poly(x: int64) -> int64:
    return 3 * x * x - 7 * x + 2


@kernel
def mix(a: int64, b: int64) -> int64:
    return (a + b) * (a - b) - -a + abs(b - a) * 2


@kernel
def alt_sum(n: int64) -> int64:
    s = 0
    for i in range(n):
        if i % 2 == 0:
            s += i * i
        else:
            s -= i
    return s


@task(top_level=True)
def main():
    for x in range(-3, 4):
        print(x, poly(x))
    print(mix(7, 3), mix(-7, 3), mix(3, -7), mix(0, 0))
    print(alt_sum(10), alt_sum(1001))
    print(1 + 2 * 3 - 4, (1 + 2) * (3 - 4), -(-5), +5, -2 * -3)
    print(abs(-12), abs(12), abs(0))
    big = 3037000499
    print(big * big, big * big - big)


if __name__ == '__main__':
    main()
