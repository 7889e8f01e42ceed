# Tests: integer % by zero raises ZeroDivisionError inside a nested call; exit status 1.
import pyc_task as pt
from pyc_task import kernel, task, int64


@kernel
def wrap(i: int64, n: int64) -> int64:
    return i % n


@kernel
def ring(n: int64) -> int64:
    s = 0
    for i in range(10):
        s += wrap(i, n)
    return s


@task(top_level=True)
def main():
    print(ring(3))
    print(ring(1))
    print(ring(0))
    print('unreachable')


if __name__ == '__main__':
    main()
