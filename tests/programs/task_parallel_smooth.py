# Tests: @task(parallel=True) on a 1-D smoothing loop read through a halo of width 1 and written at the point; three parallel tasks per step; results identical to CPython.
from pyc_task import task, fieldspace, float64, int64, Region, R, RW


@fieldspace
class Cell:
    u: float64
    v: float64


@task(privileges=[RW('u')], parallel=True)
def init(b: Region[Cell]):
    for i in b.ispace:
        b.u[i] = float(i * i % 11)


@task(privileges=[R('u'), RW('v')], parallel=True)
def smooth(h: Region[Cell], b: Region[Cell], n: int64):
    for i in b.ispace:
        if i >= 1 and i <= n - 2:
            b.v[i] = 0.25 * h.u[i - 1] + 0.5 * h.u[i] + 0.25 * h.u[i + 1]
        else:
            b.v[i] = h.u[i]


@task(privileges=[RW('u'), R('v')], parallel=True)
def back(b: Region[Cell], s: Region[Cell]):
    for i in b.ispace:
        b.u[i] = s.v[i]


@task(top_level=True)
def main():
    n = 1000
    g = Region([n], Cell)
    init(g)
    for it in range(50):
        smooth(g, g, n)
        back(g, g)
    s = 0.0
    for i in range(n):
        s += g.u[i] * (i % 7)
    print(f'{s:.10f} {g.u[0]:.6f} {g.u[500]:.10f}')


if __name__ == '__main__':
    main()
