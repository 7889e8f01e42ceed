# Tests: math.floor/ceil/trunc return ints; math.gcd, math.factorial, math.isqrt; int()/round() on floats.
import math
import pyc_task as pt
from pyc_task import kernel, task, int64, float64


@kernel
def fl(x: float64) -> int64:
    return math.floor(x)


@kernel
def ce(x: float64) -> int64:
    return math.ceil(x)


@task(top_level=True)
def main():
    for k in range(-6, 7, 3):
        x = k * 0.75
        print(x, fl(x), ce(x), math.trunc(x), int(x), round(x))
    print(math.floor(-0.5), math.ceil(-0.5), math.floor(1e15 + 0.5), math.ceil(2.0))
    print(math.gcd(12, 18), math.gcd(0, 5), math.gcd(-12, 18), math.gcd(17, 0))
    print(math.factorial(0), math.factorial(5), math.factorial(20))
    print(math.isqrt(0), math.isqrt(15), math.isqrt(16), math.isqrt(10 ** 18))
    n = math.floor(7.9) + math.ceil(0.1)
    print(n, n * 2)


if __name__ == '__main__':
    main()
