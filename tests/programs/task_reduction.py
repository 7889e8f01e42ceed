# Tests: Reduce('+') and Reduce('*') tasks onto one region (they may run in parallel), then a reader sees every update.
import pyc_task as pt
from pyc_task import task, fieldspace, float64, int64, Region, R, RW, Reduce, fill


@fieldspace
class Acc:
    total: float64
    count: int64
    prod: float64


@task(privileges=[Reduce('+', 'total', 'count')])
def deposit(r: Region[Acc], amount: float64) -> None:
    for i in r.ispace:
        r.total[i] += amount * (i + 1)
        r.count[i] += 1


@task(privileges=[Reduce('*', 'prod')])
def scale(r: Region[Acc], k: float64) -> None:
    for i in r.ispace:
        r.prod[i] *= k


@task(privileges=[R])
def report(r: Region[Acc]) -> float64:
    s = 0.0
    for i in r.ispace:
        s += r.total[i] + r.count[i] + r.prod[i]
    return s


@task(top_level=True)
def main():
    acc = Region([6], Acc)
    fill(acc, 'prod', 1.0)
    for k in range(10):
        deposit(acc, 0.5 * k)
        scale(acc, 2.0)
    print('report', report(acc).get())
    print('total[5] =', acc.total[5], 'count[0] =', acc.count[0], 'prod[2] =', acc.prod[2])


if __name__ == '__main__':
    main()
