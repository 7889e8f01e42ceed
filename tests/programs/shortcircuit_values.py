# Tests: and / or on ints and floats yield an operand (not a bool), as in Python.
import pyc_task as pt
from pyc_task import kernel, task, int64, float64


@kernel
def first_nonzero(a: int64, b: int64) -> int64:
    return a or b


@kernel
def both(a: float64, b: float64) -> float64:
    return a and b


@task(top_level=True)
def main():
    print(first_nonzero(0, 5), first_nonzero(3, 5), first_nonzero(0, 0), first_nonzero(-1, 0))
    print(both(0.0, 2.5), both(1.5, 2.5), both(1.5, 0.0), both(-0.0, 3.0))
    print(3 and 5, 0 and 5, 3 or 5, 0 or 0)


if __name__ == '__main__':
    main()
