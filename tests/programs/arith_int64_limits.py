# Tests: large int64 values near the limits (no overflow) and their printing.
import pyc_task as pt
from pyc_task import kernel, task, int64


@kernel
def halve(x: int64) -> int64:
    return x // 2


@kernel
def near_max() -> int64:
    return 9223372036854775807


@kernel
def near_min() -> int64:
    return -9223372036854775807 - 1


@task(top_level=True)
def main():
    mx = near_max()
    mn = near_min()
    print(mx, mn, halve(mx), halve(mn), mx % 10, mn % 10, mn // 10)
    print(mx - 1, mn + 1, -mx, mx // -1)
    print(4611686018427387904 + 4611686018427387903)
    print(abs(-9223372036854775807), 10 ** 18 * 9)


if __name__ == '__main__':
    main()
