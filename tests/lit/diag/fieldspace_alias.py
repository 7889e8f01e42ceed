# Diagnostic test: @fieldspace values CPython would share (check_alias.c).
# A changed struct variable must be unshared: a changed parameter, a local
# changed after `q = p`, after a call that may hand an argument back, after
# `a = b = P(...)`, and a changed local whose object reaches another
# variable are errors (the first in each group is at the change, with a
# note at the assignment; a leak is at the use, with a note at the change).
# The accepted functions come first: no error before the first CHECK.
# RUN: not %pyc-task check %s 2>&1 | FileCheck %s
from pyc_task import kernel, task, fieldspace, int64, float64

# CHECK-NOT: error


@fieldspace
class P:
    x: int64
    y: int64


@kernel
def same(a: P) -> P:
    return a


@kernel
def moved(a: P, d: int64) -> P:
    return P(a.x + d, a.y)


@kernel
def norm1(a: P) -> int64:
    return abs(a.x) + abs(a.y)


@kernel
def ok_fresh(n: int64) -> P:
    acc = P(0, 0)
    for i in range(n):
        c = P(i, 2 * i)
        c.x += 1
        acc.x += norm1(c)
        acc = moved(acc, 1)
        acc = same(acc)
    r = P(1, 2) if n > 0 else moved(acc, 3)
    r.y = norm1(acc)
    w = moved(r, 1)
    t = (moved(acc, 0), 1)
    return acc


@kernel
def bump(a: P) -> int64:
    # CHECK: fieldspace_alias.py:[[@LINE+2]]:5: error: parameter 'a' of 'bump' is changed here; under CPython this changes the caller's object, in compiled code only a copy; change a local copy instead: a2 = P(a.x, a.y)
    # CHECK: fieldspace_alias.py:[[@LINE-2]]:10: note: 'a' is a parameter of 'bump'
    a.x += 1
    a.y = 2
    return a.x


@task(top_level=True)
def main():
    p = P(1, 2)
    # CHECK: fieldspace_alias.py:[[@LINE+5]]:5: error: 'q' is changed here, but after `q = p` (line [[@LINE+4]]) it is the same object as 'p' under CPython and a copy in compiled code, so the change would show through 'p' only under CPython; make a new value: q = P(p.x, p.y)
    # CHECK: fieldspace_alias.py:[[@LINE+3]]:5: note: 'q' is assigned here
    # CHECK: fieldspace_alias.py:[[@LINE+2]]:9: error: 'p' is changed at line [[@LINE+7]], but here 'q' gets the same object as 'p' under CPython and would see that change, while compiled code copies it; write a new value here instead of 'p': P(p.x, p.y)
    # CHECK: fieldspace_alias.py:[[@LINE+6]]:5: note: 'p' is changed here
    q = p
    q.x = 7
    print(p.x)
    # CHECK: fieldspace_alias.py:[[@LINE+1]]:14: error: 'p' is changed at line [[@LINE+2]], but here 'r' may get the same object as 'p' under CPython (`same(p)` may hand it back) and would see that change, while compiled code copies it; write a new value here instead of 'p': P(p.x, p.y)
    r = same(p)
    p.y = 9
    print(r.y)
    # CHECK: fieldspace_alias.py:[[@LINE+2]]:5: error: 'u' is changed here, but after `u = same(r)` (line [[@LINE+1]]) it may be the same object as 'r' under CPython (a call can hand its argument back) and is a copy in compiled code; pass the call a new value instead of 'r': P(r.x, r.y)
    u = same(r)
    u.x = 0
    # CHECK: fieldspace_alias.py:[[@LINE+2]]:5: error: 'a' is changed here, but `a = b = P(1, 2)` (line [[@LINE+1]]) may give it the same object as another variable under CPython, and copies in compiled code; give each variable its own P(...)
    a = b = P(1, 2)
    a.x = 3
    print(b.x)
    # CHECK: fieldspace_alias.py:[[@LINE+1]]:10: error: 'p' is changed at line {{[0-9]+}}, but here 't' may get the same object as 'p' under CPython
    t = (p, 1)
    # CHECK: fieldspace_alias.py:[[@LINE+2]]:5: error: 'c' is changed here, but after `c = P(0, 0) if p.x > 0 else u` (line [[@LINE+1]]) it may be the same object as 'u' under CPython
    c = P(0, 0) if p.x > 0 else u
    c.y = 1
    # CHECK: fieldspace_alias.py:[[@LINE+2]]:5: error: 'v' is changed here, but after `v, n = t` (line [[@LINE+1]]) it is the same object as one held by 't' under CPython and a copy in compiled code, so the change would show through 't' only under CPython; make a new value: v = P(...)
    v, n = t
    v.x = n
    # A later iteration reaches an earlier statement: after `e = d`, the next
    # `d.x += 1` changes e's object under CPython.
    d = P(0, 0)
    e = P(0, 0)
    for i in range(3):
        d.x += 1
        print(e.x)
        # CHECK: fieldspace_alias.py:[[@LINE+2]]:13: error: 'd' is changed at line [[@LINE-2]], but here 'e' gets the same object as 'd' under CPython and would see that change, while compiled code copies it; write a new value here instead of 'd': P(d.x, d.y)
        # CHECK: fieldspace_alias.py:[[@LINE-3]]:9: note: 'd' is changed here
        e = d
# CHECK-NOT: error
