# Tests: while loops with break and continue; Collatz and digit sums.
import pyc_task as pt
from pyc_task import kernel, task, int64


@kernel
def collatz_len(n: int64) -> int64:
    steps = 0
    while n != 1:
        if n % 2 == 0:
            n = n // 2
        else:
            n = 3 * n + 1
        steps += 1
    return steps


@kernel
def digit_sum(n: int64) -> int64:
    s = 0
    while n > 0:
        s += n % 10
        n //= 10
    return s


@kernel
def first_square_above(limit: int64) -> int64:
    k = 0
    while True:
        k += 1
        if k * k <= limit:
            continue
        break
    return k


@kernel
def odd_sum_until(limit: int64) -> int64:
    i = 0
    s = 0
    while i < 1000:
        i += 1
        if i % 2 == 0:
            continue
        if s + i > limit:
            break
        s += i
    return s


@task(top_level=True)
def main():
    best = 0
    arg = 0
    for n in range(1, 10000):
        c = collatz_len(n)
        if c > best:
            best = c
            arg = n
    print(arg, best, collatz_len(27), collatz_len(1))
    print(digit_sum(0), digit_sum(9), digit_sum(123456789), digit_sum(9223372036854775807))
    print(first_square_above(0), first_square_above(99), first_square_above(100))
    print(odd_sum_until(0), odd_sum_until(10), odd_sum_until(1000000))


if __name__ == '__main__':
    main()
