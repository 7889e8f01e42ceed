# Tests: long innermost range loops (compiled as blocks of 65,536 iterations with an interrupt poll between blocks) give Python's results at and around the block edges, for steps 1, -1, 3, -7, a variable step, break/continue near an edge, the loop variable after the loop, and prange over long ranges.
import pyc_task as pt
from pyc_task import kernel, task, prange, int64


@kernel
def span(lo: int64, hi: int64, step: int64) -> int64:
    s = 0
    c = 0
    for i in range(lo, hi, step):
        s += i % 1000
        c += 1
    return s * 1000000 + c


@kernel
def span_const_up(lo: int64, hi: int64) -> int64:
    s = 0
    for i in range(lo, hi, 3):
        s += i % 97
    return s


@kernel
def span_const_down(lo: int64, hi: int64) -> int64:
    s = 0
    for i in range(lo, hi, -7):
        s += i % 89
    return s


@kernel
def last_value(n: int64) -> int64:
    j = -1
    for i in range(n):
        j = i
    return j


@kernel
def break_at(n: int64, stop: int64) -> int64:
    s = 0
    for i in range(n):
        if i == stop:
            break
        if i % 2 == 0:
            continue
        s += i
    return s


@kernel
def extremes() -> int64:
    # the last block ends at hi near the int64 limits: no overflow in the block bound
    c = 0
    for i in range(9223372036854775807 - 70000, 9223372036854775807):
        c += 1
    for i in range(-9223372036854775807 + 70000, -9223372036854775807, -1):
        c += 1
    for i in range(-9223372036854775807, 9223372036854775807, 4611686018427387904):
        c += 1
    return c


@kernel
def psum(n: int64) -> int64:
    s = 0
    for i in prange(n):
        s += i % 13
    return s


@kernel
def row(n: int64) -> None:
    print(n, span(0, n, 1), span(n, 0, -1), span(-n, n, 5), last_value(n))


@task(top_level=True)
def main():
    row(0)
    row(1)
    row(65535)
    row(65536)
    row(65537)
    row(131072)
    row(200003)
    print(span(5, 300000, 65536), span(300000, 5, -65537), span(0, 10, 1 << 50))
    print(span_const_up(-100000, 250001), span_const_down(250000, -100000))
    print(break_at(200000, 65535), break_at(200000, 65536), break_at(200000, 131073))
    print(extremes())
    print(psum(0), psum(65536 * 3 + 5), psum(1000003))


if __name__ == '__main__':
    main()
