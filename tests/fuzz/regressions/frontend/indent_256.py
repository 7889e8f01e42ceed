from pyc_task import kernel, task, int64, float64


@kernel
def f(n: int64) -> int64:
    if n > 0:
                                                                                                                                                                                                                                                                n -= 1
    return n
