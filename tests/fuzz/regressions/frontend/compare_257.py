from pyc_task import kernel, task, int64, float64


@kernel
def f(n: int64) -> int64:
    x = n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n < n
    return n
