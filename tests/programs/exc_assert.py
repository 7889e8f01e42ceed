# Tests: a failing assert with a message raises AssertionError; exit status 1.
import pyc_task as pt
from pyc_task import kernel, task, int64


@kernel
def checked_sqrt(n: int64) -> int64:
    assert n >= 0, 'n must be non-negative'
    r = 0
    while (r + 1) * (r + 1) <= n:
        r += 1
    return r


@task(top_level=True)
def main():
    print(checked_sqrt(17), checked_sqrt(0), checked_sqrt(1000000))
    print(checked_sqrt(-4))
    print('unreachable')


if __name__ == '__main__':
    main()
