# Tests: print with sep= and end= keyword arguments.
import pyc_task as pt
from pyc_task import kernel, task, int64


@kernel
def row(n: int64) -> None:
    for i in range(n):
        print(i, end=' ')
    print()


@task(top_level=True)
def main():
    print(1, 2, 3, sep=', ')
    print(1, 2, 3, sep='')
    print('a', 'b', sep='-', end='|\n')
    print('no newline', end='')
    print(' continued')
    print(1.5, True, 7, sep=' :: ', end=' <end>\n')
    for n in range(4):
        row(n)
    print('x', end='')
    print('y', end='')
    print()
    print(sep='*')
    print(3, sep='')


if __name__ == '__main__':
    main()
