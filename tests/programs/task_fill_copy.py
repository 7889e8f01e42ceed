# Tests: fill and copy in Pygion's argument order, between fields of one region and across regions (2-D too).
import pyc_task as pt
from pyc_task import task, fieldspace, float64, int64, Region, R, RW, WD, fill, copy


@fieldspace
class Cell:
    a: float64
    b: float64


@task(privileges=[R('a', 'b')])
def sums(r: Region[Cell]) -> float64:
    s = 0.0
    for i in r.ispace:
        s += r.a[i] + 10.0 * r.b[i]
    return s


@task(privileges=[WD('a')])
def index_a(r: Region[Cell]) -> None:
    for i in r.ispace:
        r.a[i] = 1.0 * i


@task(privileges=[R])
def grid_sum(g: Region[{'v': int64}, 2]) -> int64:
    s = 0
    for p in g.ispace:
        i, j = p
        s += g.v[i, j] * (i + 1) * (j + 2)
    return s


@task(top_level=True)
def main():
    r = Region([8], Cell)
    fill(r, 'a', 2.0)
    fill(r, 'b', 0.25)
    print('after fill', sums(r).get())
    copy(r, 'a', r, 'b')
    print('after copy a->b', sums(r).get())
    index_a(r)
    s = Region([8], Cell)
    copy(r, 'a', s, 'b')
    print('copied across', sums(s).get(), s.b[7])
    g = Region([3, 4], {'v': int64})
    fill(g, 'v', 3)
    print('grid', grid_sum(g).get(), g.ispace.volume)
    lo, hi = g.ispace.bounds
    print('grid bounds', lo[0], lo[1], hi[0], hi[1])


if __name__ == '__main__':
    main()
