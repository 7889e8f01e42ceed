# Tests: a for-loop variable keeps its last value after the loop (and after break).
import pyc_task as pt
from pyc_task import kernel, task, int64


@kernel
def last_index(n: int64) -> int64:
    i = -1
    for i in range(n):
        pass
    return i


@kernel
def first_multiple(n: int64, d: int64) -> int64:
    k = 0
    for k in range(1, n):
        if k % d == 0:
            break
    return k


@task(top_level=True)
def main():
    print(last_index(10), last_index(1), last_index(0))
    print(first_multiple(100, 7), first_multiple(5, 70))
    j = 0
    for j in range(10, 0, -2):
        pass
    print(j)


if __name__ == '__main__':
    main()
