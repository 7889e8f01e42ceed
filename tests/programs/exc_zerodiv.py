# Tests: integer // by zero raises ZeroDivisionError: output before it is kept, exit status 1.
import pyc_task as pt
from pyc_task import kernel, task, int64


@kernel
def per_item(total: int64, count: int64) -> int64:
    return total // count


@task(top_level=True)
def main():
    for c in range(3, -1, -1):
        print('count', c)
        print('per item', per_item(12, c))
    print('unreachable')


if __name__ == '__main__':
    main()
