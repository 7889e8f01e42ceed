# Tests: f-strings with expressions, kernel calls, conditional expressions and several fields per string.
import math
import pyc_task as pt
from pyc_task import kernel, task, int64, float64


@kernel
def area(r: float64) -> float64:
    return math.pi * r * r


@task(top_level=True)
def main():
    for i in range(1, 6):
        r = i * 0.5
        print(f'r={r:4.1f} area={area(r):8.4f} big={area(r) > 10.0} i^2={i * i:3d} {(r if i % 2 == 0 else -r):+.2f}')
    n = 12345
    x = 1.0 / 7.0
    print(f'{n}{x}{n:>8d}{x:<12.5f}|{n // 100:04d}|{x * 1e6:.3e}|{-x:g}|')
    print(f'{n % 7} {n / 7:.2f} {2 ** 10} {n > 100 and x < 1.0} {not (n > 5)}')


if __name__ == '__main__':
    main()
