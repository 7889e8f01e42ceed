# Tests: with boundscheck=True a region point outside the index space raises IndexError (numpy's message) inside a task; exit status 1.
import pyc_task as pt
from pyc_task import task, fieldspace, float64, int64, Region, R, RW, fill


@fieldspace
class Cell:
    u: float64


@task(privileges=[R], boundscheck=True)
def peek(r: Region[Cell], i: int64) -> float64:
    return r.u[i]


@task(top_level=True)
def main():
    r = Region([5], Cell)
    fill(r, 'u', 2.5)
    for i in range(3, 8):
        print('u at', i, '=', peek(r, i).get())


if __name__ == '__main__':
    main()
