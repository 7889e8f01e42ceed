# Tests: Reduce('max') and Reduce('min') privileges written as r.f[i] = max(r.f[i], v) / min(v, r.f[i]); int and float fields.
import pyc_task as pt
from pyc_task import task, fieldspace, float64, int64, Region, R, RW, Reduce, fill


@fieldspace
class Stat:
    hi: float64
    lo: int64


@task(privileges=[Reduce('max', 'hi')])
def upd_hi(r: Region[Stat], v: float64) -> None:
    for i in r.ispace:
        r.hi[i] = max(r.hi[i], v * i)


@task(privileges=[Reduce('min', 'lo')])
def upd_lo(r: Region[Stat], v: int64) -> None:
    for i in r.ispace:
        r.lo[i] = min(v - i, r.lo[i])


@task(privileges=[R])
def show(r: Region[Stat]) -> float64:
    s = 0.0
    for i in r.ispace:
        s += r.hi[i] * 1000.0 + r.lo[i]
    return s


@task(top_level=True)
def main():
    r = Region([5], Stat)
    fill(r, 'hi', -1.0)
    fill(r, 'lo', 100)
    for k in range(6):
        upd_hi(r, 0.5 * k)
        upd_lo(r, 50 - 3 * k)
    print(show(r).get(), r.hi[4], r.lo[4])


if __name__ == '__main__':
    main()
