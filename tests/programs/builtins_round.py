# Tests: round() with banker's rounding (half to even) and round(x, n) on floats.
import pyc_task as pt
from pyc_task import kernel, task, int64, float64


@kernel
def r0(x: float64) -> int64:
    return round(x)


@kernel
def r2(x: float64) -> float64:
    return round(x, 2)


@task(top_level=True)
def main():
    print(r0(0.5), r0(1.5), r0(2.5), r0(-0.5), r0(-1.5), r0(-2.5), r0(2.4999), r0(2.5001))
    print(r0(1e15 + 0.5), r0(-7.0), r0(0.49999999999999994))
    print(r2(2.675), r2(1.005), r2(0.125), r2(0.135), r2(-1.2345), r2(100.0))
    print(round(3.7), round(-3.7), round(7), round(1.23456, 3), round(-0.0049, 2))


if __name__ == '__main__':
    main()
