# Tests: min / max with 2 and 3 arguments on ints and floats, abs on ints and floats.
import pyc_task as pt
from pyc_task import kernel, task, int64, float64


@kernel
def clamp3(a: int64, b: int64, c: int64) -> int64:
    return max(min(a, b), min(max(a, b), c))


@task(top_level=True)
def main():
    print(min(3, 5), max(3, 5), min(-3, -5), max(-3, -5), min(4, 4))
    print(min(1, 2, 3), max(1, 2, 3), min(3, 1, 2), max(2, 3, 1))
    print(min(1.5, 2.5), max(1.5, 2.5), min(-0.0, 0.0), max(0.0, -0.0), max(-1.5, -2.5, -0.5))
    print(abs(-3), abs(3), abs(-2.5), abs(2.5), abs(-0.0), abs(-9223372036854775807))
    for a in range(0, 3):
        print(clamp3(a, 1, 2), clamp3(5, a, 3), clamp3(-a, a, 0))


if __name__ == '__main__':
    main()
