"""Tasks with region parameters called from Python (test_tasks_python.py).
Run as a script it prints a small program's output, identical in compiled
mode and with PYC_TASK_DISABLE=1."""

import pyc_task as pt
from pyc_task import task, fieldspace, float64, int64, int2d, Region, R, RW, WD, Reduce, fill, copy
from pyc_task import Partition


@fieldspace
class Cell:
    u: float64
    v: float64
    n: int64


@task(privileges=[WD('u', 'n')])
def init(r: Region[Cell], scale: float64):
    for i in r.ispace:
        r.u[i] = scale * i
        r.n[i] = i * i


@task(privileges=[R('u'), RW('v')])
def smooth(a: Region[Cell], b: Region[Cell]) -> float64:
    lo, hi = a.ispace.bounds
    err = 0.0
    for i in b.ispace:
        x = a.u[i] if i == lo or i == hi else 0.5 * a.u[i] + 0.25 * (a.u[i - 1] + a.u[i + 1])
        err = max(err, abs(x - a.u[i]))
        b.v[i] = x
    return err


@task(privileges=[Reduce('+', 'n')])
def count(r: Region[Cell], k: int64):
    for i in r.ispace:
        r.n[i] += k


@task(privileges=[R('u', 'n')])
def total(r: Region[Cell]) -> float64:
    s = 0.0
    for i in r.ispace:
        s += r.u[i] + r.n[i]
    return s


@task(privileges=[R('n')])
def check(r: Region[Cell], limit: int64) -> int64:
    for i in r.ispace:
        if r.n[i] > limit:
            raise ValueError('n too large')
    return r.ispace.volume


@task(privileges=[R('u')])
def ratio(r: Region[Cell], k: int64) -> int64:
    return r.ispace.volume // (k - k)


@task(privileges=[RW('u', 'v')])
def twod(g: Region[Cell, 2]) -> float64:
    s = 0.0
    lo, hi = g.ispace.bounds
    for i in range(lo[0], hi[0] + 1):
        for j in range(lo[1], hi[1] + 1):
            g.u[i, j] = 10.0 * i + j
            s += g.u[i, j]
    return s


@task(privileges=[RW('k')])
def dsum(r: Region[{'x': float64, 'k': int64}, 2], add: int64) -> int64:
    s = 0
    lo, hi = r.ispace.bounds
    for i in range(lo[0], hi[0] + 1):
        for j in range(lo[1], hi[1] + 1):
            r.k[i, j] += add * (i + j)
            s += r.k[i, j]
    return s


@fieldspace
class Probe:
    at: int2d
    w: int64


@task(privileges=[WD('at', 'w')])
def aim(pr: Region[Probe], n: int64):
    for k in pr.ispace:
        pr.at[k] = (k % n, (k * 2) % n - 1)
        pr.w[k] = k


@task(privileges=[R('at'), R('u')])
def gather(pr: Region[Probe], g: Region[Cell, 2]) -> float64:
    s = 0.0
    for k in pr.ispace:
        i, j = pr.at[k]
        if j >= 0:
            s += g.u[pr.at[k]] * (k + 1)
    return s


def program():
    r = Region([8], Cell)
    init(r, 0.5)
    print('u', list(r.u))
    print('n', list(r.n))
    f = smooth(r, r)
    print('err', f.get())
    print('v', list(r.v))
    count(r, 3)
    count(r, 4)
    print('n+7', list(r.n))
    print('total', total(r).get())
    fill(r, 'u', 2.0)
    copy(r, 'u', r, 'v')
    print('v', list(r.v), total(r).get())
    print('check', check(r, 1000).get())
    try:
        check(r, 10).get()
    except ValueError as e:
        print('ValueError', e)
    try:
        ratio(r, 2).get()
    except ZeroDivisionError as e:
        print('ZeroDivisionError', e)
    g = Region([3, 4], Cell)
    print('2d', twod(g).get(), g.u.tolist())
    d = Region([2, 3], {'x': float64, 'k': int64})
    print('dsum', dsum(d, 2).get(), dsum(d, 1).get(), d.k.tolist())
    print('volume', r.ispace.volume, r.ispace.bounds, g.ispace.bounds)
    pr = Region([5], Probe)
    aim(pr, 3)
    print('probes', [pr.at[k] for k in range(5)], pr.at[4], gather(pr, g).get())
    seen = Partition.image(g, Partition.equal(pr, [2]), 'at')
    print('image', [sorted(seen[c].ispace) for c in range(2)])


if __name__ == '__main__':
    program()
