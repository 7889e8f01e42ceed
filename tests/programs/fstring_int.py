# Tests: f-string int specs: d, width, zero padding, sign, alignment.
import pyc_task as pt
from pyc_task import kernel, task, int64


@kernel
def show(n: int64) -> None:
    print(f'[{n:d}] [{n:5d}] [{n:<5d}] [{n:^7d}] [{n:>6}] [{n:05d}] [{n:+d}] [{n: d}] [{n}]')


@task(top_level=True)
def main():
    show(0)
    show(7)
    show(-7)
    show(42)
    show(-42)
    show(123456)
    show(-9223372036854775807)
    for i in range(1, 4):
        print(f'{i:3d}: {i * i:4d} {i * i * i:+5d}')
    b = 5 > 3
    print(f'{b} {not b}')


if __name__ == '__main__':
    main()
