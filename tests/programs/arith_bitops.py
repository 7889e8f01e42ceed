# Tests: integer bit operations & | ^ ~ << >> incl. arithmetic shift of negatives.
import pyc_task as pt
from pyc_task import kernel, task, int64


@kernel
def popcount(x: int64) -> int64:
    c = 0
    while x != 0:
        c += x & 1
        x >>= 1
    return c


@kernel
def bits(a: int64, b: int64) -> int64:
    return ((a & b) | (a ^ b)) + (~a & 255) + (a << 3) - (b >> 2)


@task(top_level=True)
def main():
    print(12 & 10, 12 | 10, 12 ^ 10, ~12, ~-1, ~0)
    print(1 << 10, 1 << 62, 1024 >> 3, -1024 >> 3, -1 >> 5, -7 >> 1)
    print(popcount(0), popcount(1), popcount(255), popcount(1 << 40), popcount(123456789))
    print(bits(5, 9), bits(-5, 9), bits(1000, -3))
    x = 0xFF
    x &= 0x0F
    x |= 0x100
    x ^= 0x3
    x <<= 2
    x >>= 1
    print(x, 0x7FFFFFFFFFFFFFFF, (-0x7FFFFFFFFFFFFFFF - 1) >> 63)


if __name__ == '__main__':
    main()
