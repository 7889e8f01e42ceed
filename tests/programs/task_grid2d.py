# Tests: 2-D regions: tuples from ispace, bounds as tuples, global (i, j) indexing in tasks, a 5-point stencil with two regions.
import pyc_task as pt
from pyc_task import task, fieldspace, float64, int64, Region, R, RW, WD, fill


@fieldspace
class Heat:
    t: float64
    t_new: float64


@task(privileges=[WD('t')])
def init(g: Region[Heat, 2]) -> None:
    for p in g.ispace:
        i, j = p
        g.t[i, j] = 1.0 * (i * 7 + j * 3) % 5.0


@task(privileges=[RW('t', 't_new')])
def relax(g: Region[Heat, 2]) -> float64:
    lo, hi = g.ispace.bounds
    diff = 0.0
    for p in g.ispace:
        i, j = p
        if i == lo[0] or i == hi[0] or j == lo[1] or j == hi[1]:
            g.t_new[i, j] = g.t[i, j]
        else:
            g.t_new[i, j] = 0.2 * (g.t[i, j] + g.t[i - 1, j] + g.t[i + 1, j] + g.t[i, j - 1] + g.t[i, j + 1])
        diff = max(diff, abs(g.t_new[i, j] - g.t[i, j]))
    for p in g.ispace:
        i, j = p
        g.t[i, j] = g.t_new[i, j]
    return diff


@task(privileges=[R('t')])
def total(g: Region[Heat, 2]) -> float64:
    s = 0.0
    for p in g.ispace:
        i, j = p
        s += g.t[i, j] * (1 + i + 2 * j)
    return s


@task(top_level=True)
def main():
    a = Region([6, 9], Heat)
    b = Region([5, 4], Heat)
    init(a)
    init(b)
    lo, hi = a.ispace.bounds
    print('a bounds', lo[0], lo[1], hi[0], hi[1], 'volume', a.ispace.volume)
    for it in range(5):
        da = relax(a)
        db = relax(b)
        print(f'iter {it}: {da.get():.6f} {db.get():.6f}')
    print(f'totals {total(a).get():.9f} {total(b).get():.9f}')
    print('a[2, 3] =', a.t[2, 3])


if __name__ == '__main__':
    main()
