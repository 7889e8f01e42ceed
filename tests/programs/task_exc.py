# Tests: an exception inside a task stops the program with exit status 1; output printed before it is kept.
import pyc_task as pt
from pyc_task import task, fieldspace, float64, int64, Region, RW


@fieldspace
class Cell:
    u: float64


@task(privileges=[RW])
def divide(r: Region[Cell], k: int64) -> float64:
    s = 0.0
    for i in r.ispace:
        r.u[i] = 12.0 / k
        s += r.u[i]
    return s


@task(top_level=True)
def main():
    r = Region([4], Cell)
    for k in range(3, -1, -1):
        print('k =', k, 'sum =', divide(r, k).get())
    print('unreachable')


if __name__ == '__main__':
    main()
