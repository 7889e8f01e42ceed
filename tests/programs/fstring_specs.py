# Tests: f-string float specs f e g with width and precision.
import math
import pyc_task as pt
from pyc_task import kernel, task, int64, float64


@kernel
def show(x: float64) -> None:
    print(f'{x:.6f}|{x:.2f}|{x:10.3f}|{x:e}|{x:.3e}|{x:>12.3e}|{x:g}|{x:.3g}|{x:12.5g}|')


@task(top_level=True)
def main():
    show(0.0)
    show(1.0)
    show(-1.5)
    show(3.141592653589793)
    show(123456789.125)
    show(0.000012345)
    show(1e16)
    show(-2.5e-8)
    show(1e100)
    x = 2.0 / 3.0
    n = 42
    print(f'x={x} n={n} x*n={x * n:.4f} plain {x:.0f}')
    print(f'{x:E} {x:.2E} {x:G} {1e-10:G} {1e20:g} {1e-5:g} {123456.0:g} {1234567.0:g}')
    print(f'{{braces}} {n}')


if __name__ == '__main__':
    main()
