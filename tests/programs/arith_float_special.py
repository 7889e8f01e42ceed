# Tests: inf and nan arithmetic, comparisons with nan, signed zeros.
import math
import pyc_task as pt
from pyc_task import kernel, task, int64, float64


@kernel
def classify(x: float64) -> int64:
    if math.isnan(x):
        return 0
    if math.isinf(x):
        return 1 if x > 0.0 else -1
    return 2


@task(top_level=True)
def main():
    inf = math.inf
    nan = math.nan
    big = 1e308
    print(big * 10.0, -big * 10.0, inf - inf, inf * 0.0, 1.0 / inf, -1.0 / inf)
    print(nan == nan, nan != nan, nan < 1.0, nan > 1.0, inf > 1e308, -inf < -1e308)
    print(classify(inf), classify(-inf), classify(nan), classify(0.0), classify(big * big))
    print(0.0 == -0.0, -0.0, 0.0 * -1.0, -0.0 + 0.0, math.copysign(1.0, -0.0))
    print(min(inf, 3.0), max(-inf, -3.0), abs(-inf), abs(-0.0))
    print(5e-324, 5e-324 / 2.0, 2.2250738585072014e-308, 1.7976931348623157e308)


if __name__ == '__main__':
    main()
