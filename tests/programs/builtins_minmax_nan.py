# Tests: min/max follow Python's rule (keep the first argument unless the other compares smaller/larger): nan and -0.0 cases.
import math
import pyc_task as pt
from pyc_task import kernel, task, float64


@kernel
def lo(a: float64, b: float64) -> float64:
    return min(a, b)


@kernel
def hi(a: float64, b: float64) -> float64:
    return max(a, b)


@task(top_level=True)
def main():
    nan = math.nan
    print(lo(nan, 1.0), lo(1.0, nan), hi(nan, 1.0), hi(1.0, nan))
    print(lo(-0.0, 0.0), lo(0.0, -0.0), hi(-0.0, 0.0), hi(0.0, -0.0))
    print(min(2.0, nan, 1.0), max(nan, 5.0, 7.0), min(3.0, 1.0, nan))
    print(lo(math.inf, 1e308), hi(-math.inf, -1e308))


if __name__ == '__main__':
    main()
