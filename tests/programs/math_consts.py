# Tests: math constants and predicates: pi e tau inf nan, isnan isinf isfinite isclose.
import math
import pyc_task as pt
from pyc_task import kernel, task, float64


@kernel
def predicates(x: float64) -> None:
    print(x, math.isnan(x), math.isinf(x), math.isfinite(x))


@task(top_level=True)
def main():
    print(math.pi, math.e, math.tau, math.inf, -math.inf, math.nan)
    predicates(1.0)
    predicates(math.inf)
    predicates(-math.inf)
    predicates(math.nan)
    predicates(0.0)
    print(math.isclose(1.0, 1.0 + 1e-12), math.isclose(1.0, 1.1), math.isclose(0.0, 1e-300))
    print(math.sin(math.pi), math.cos(math.pi), math.pi * 2 == math.tau, math.exp(1.0) == math.e)


if __name__ == '__main__':
    main()
