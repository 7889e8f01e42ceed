# Tests: raise ValueError deep in recursion propagates out of main; exit status 1.
import pyc_task as pt
from pyc_task import kernel, task, int64


@kernel
def descend(n: int64, depth: int64) -> int64:
    if depth > 20:
        raise ValueError('recursion went too deep')
    if n == 1:
        return depth
    if n % 2 == 0:
        return descend(n // 2, depth + 1)
    return descend(3 * n + 1, depth + 1)


@task(top_level=True)
def main():
    for n in range(1, 30):
        print(n, descend(n, 0))


if __name__ == '__main__':
    main()
