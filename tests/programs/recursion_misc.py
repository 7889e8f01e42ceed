# Tests: recursion with several parameters: Ackermann, gcd, Hanoi move count, power by squaring.
import pyc_task as pt
from pyc_task import kernel, task, int64, float64


@kernel
def ack(m: int64, n: int64) -> int64:
    if m == 0:
        return n + 1
    if n == 0:
        return ack(m - 1, 1)
    return ack(m - 1, ack(m, n - 1))


@kernel
def gcd(a: int64, b: int64) -> int64:
    if b == 0:
        return a
    return gcd(b, a % b)


@kernel
def hanoi(n: int64, src: int64, dst: int64, tmp: int64) -> int64:
    if n == 0:
        return 0
    moves = hanoi(n - 1, src, tmp, dst)
    moves += 1
    moves += hanoi(n - 1, tmp, dst, src)
    return moves


@kernel
def fast_pow(x: float64, n: int64) -> float64:
    if n == 0:
        return 1.0
    half = fast_pow(x, n // 2)
    if n % 2 == 0:
        return half * half
    return half * half * x


@task(top_level=True)
def main():
    print(ack(0, 0), ack(1, 2), ack(2, 3), ack(3, 3))
    print(gcd(48, 18), gcd(17, 5), gcd(0, 9), gcd(1071, 462), gcd(-48, 18))
    print(hanoi(1, 1, 3, 2), hanoi(10, 1, 3, 2), hanoi(16, 1, 3, 2))
    print(fast_pow(2.0, 10), fast_pow(1.0001, 10000), fast_pow(0.5, 30), fast_pow(3.0, 0))


if __name__ == '__main__':
    main()
