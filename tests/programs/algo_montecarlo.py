# Tests: deterministic Monte Carlo estimate of pi with an integer xorshift generator and bit ops.
import pyc_task as pt
from pyc_task import kernel, task, int64, float64


@kernel
def xorshift(x: int64) -> int64:
    x ^= (x << 13) & 0xFFFFFFFF
    x ^= x >> 17
    x ^= (x << 5) & 0xFFFFFFFF
    return x & 0xFFFFFFFF


@kernel
def estimate_pi(n: int64, seed: int64) -> float64:
    s = seed
    inside = 0
    for i in range(n):
        s = xorshift(s)
        x = s / 4294967296.0
        s = xorshift(s)
        y = s / 4294967296.0
        if x * x + y * y < 1.0:
            inside += 1
    return 4.0 * inside / n


@task(top_level=True)
def main():
    print(xorshift(1), xorshift(2463534242), xorshift(xorshift(7)))
    for k in range(1, 6):
        print(k, estimate_pi(10 ** k, 2463534242))


if __name__ == '__main__':
    main()
