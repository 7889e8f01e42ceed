# Diagnostic test: @fieldspace values changed in place that CPython never
# shares (check_alias.c accepts them): new values, the variable itself handed
# back by a call, results of calls that always build new values, uses that
# cannot reach another variable (field reads, returns, float-returning calls).
# RUN: %pyc-task check %s 2>&1 | FileCheck %s --allow-empty
# CHECK-NOT: error
from pyc_task import kernel, task, fieldspace, int64, float64


@fieldspace
class P:
    x: int64
    y: int64


@kernel
def same(a: P) -> P:
    return a


@kernel
def step(a: P, n: int64) -> tuple[P, int64]:
    return (a, n + 1)


@kernel
def twice(a: P) -> P:
    b = P(a.x * 2, a.y * 2)  # a new value: twice never hands `a` back
    c = b
    return c


@kernel
def norm1(a: P) -> int64:
    return abs(a.x) + abs(a.y)


@kernel
def walk(n: int64) -> tuple[P, int64]:
    v = P(0, 0)
    k = 0
    for i in range(n):
        v, k = step(v, k)  # only v goes in: v comes back or a new value
        v.x += norm1(v)
        w, m = P(v.x, 0), 1  # pairwise: w gets the new P
        w.y = m
        v.y += w.y
        u = twice(v)  # twice builds a new value
        u.x = 0
        v = same(v)
    return (v, k)


@task(top_level=True)
def main():
    q, k = walk(4)
    q.y = k
    print(q.x, q.y)
