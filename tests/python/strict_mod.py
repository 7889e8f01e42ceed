"""strict=True on a function outside the subset (test_core.py)."""
from pyc_task import kernel, int64


@kernel
def fine(x: int64) -> int64:
    return x + 1


@kernel(strict=True)
def picky(x: int64) -> int64:
    y = [x, x]
    return x
