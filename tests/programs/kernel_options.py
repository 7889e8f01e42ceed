# Tests: decorator forms @kernel(...) with options, @task(top_level=True) main with -> None.
import numpy as np
import pyc_task as pt
from pyc_task import kernel, task, int64, float64


@kernel(boundscheck=True)
def checked_sum(a: pt.float64[:]) -> float64:
    s = 0.0
    for i in range(a.shape[0]):
        s += a[i]
    return s


@kernel(strict=False)
def lenient(n: int64) -> int64:
    return n * 2


@kernel(fastmath=False)
def precise(x: float64) -> float64:
    return (x + 1e16) - 1e16


@kernel(boundscheck=False, strict=True, fastmath=False)
def all_opts(n: int64) -> int64:
    return n + 1


@kernel()
def empty_parens(n: int64) -> int64:
    return n - 1


@task(top_level=True)
def main() -> None:
    a = np.arange(10, dtype=np.float64)
    print(checked_sum(a), lenient(21), precise(1.0), precise(3.0), all_opts(1), empty_parens(1))


if __name__ == '__main__':
    main()
