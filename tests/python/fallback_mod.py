"""A module with functions outside the subset (test_core.py: fallback)."""
from pyc_task import kernel, int64


@kernel
def good(x: int64) -> int64:
    return x * 2


@kernel
def uses_dict(x: int64) -> int64:
    d = {1: 2}
    return d.get(x, 0)


@kernel
def caller(x: int64) -> int64:
    return uses_dict(x) + good(x)
