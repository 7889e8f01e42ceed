# Tests: raise RuntimeError with a message after partial output with end=''; exit status 1.
import pyc_task as pt
from pyc_task import kernel, task, int64


@kernel
def check(n: int64) -> None:
    if n == 4:
        raise RuntimeError('four is not allowed')


@task(top_level=True)
def main():
    for n in range(10):
        print(n, end=' ')
        check(n)
    print()


if __name__ == '__main__':
    main()
