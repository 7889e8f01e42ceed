# Diagnostic test: a tuple in an f-string is written as str() writes it, but
# a format spec on it is CPython's TypeError (tuple.__format__), so an error.
# RUN: not %pyc-task check %s 2>&1 | FileCheck %s
from pyc_task import kernel, int64, float64


@kernel
def f(n: int64) -> None:
    p = (n, n * 0.5)
    # CHECK-NOT: fstring_tuple.py:[[@LINE+1]]:
    print(f"p={p} {p!r} {(p, n)}")
    # CHECK: fstring_tuple.py:[[@LINE+1]]:14: error: f-string fields must be numbers or bools (a tuple without a format spec), found tuple[int64, float64]
    print(f"{p:>10}")
