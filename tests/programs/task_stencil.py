# Tests: a 1-D stencil on two separate regions (left and right halves): two independent tasks per step, ghost values exchanged by small tasks.
import pyc_task as pt
from pyc_task import task, fieldspace, float64, int64, Region, R, RW, fill


@fieldspace
class Cell:
    u: float64
    u_new: float64


@task(privileges=[RW('u', 'u_new')])
def smooth(r: Region[Cell], left: float64, right: float64) -> float64:
    lo, hi = r.ispace.bounds
    err = 0.0
    for i in r.ispace:
        a = left if i == lo else r.u[i - 1]
        b = right if i == hi else r.u[i + 1]
        v = 0.5 * r.u[i] + 0.25 * (a + b)
        err = max(err, abs(v - r.u[i]))
        r.u_new[i] = v
    for i in r.ispace:
        r.u[i] = r.u_new[i]
    return err


@task(privileges=[R('u')])
def edge(r: Region[Cell], hi_end: bool) -> float64:
    lo, hi = r.ispace.bounds
    return r.u[hi] if hi_end else r.u[lo]


@task(privileges=[RW('u')])
def spike(r: Region[Cell], at: int64, v: float64) -> None:
    r.u[at] = v


@task(top_level=True)
def main():
    n = 16
    left = Region([n], Cell)
    right = Region([n], Cell)
    fill(left, 'u', 1.0)
    fill(right, 'u', 0.0)
    spike(right, 3, 8.0)
    for step in range(20):
        gl = edge(left, True)
        gr = edge(right, False)
        fl = smooth(left, 1.0, gr.get())
        fr = smooth(right, gl.get(), 0.0)
        err = max(fl.get(), fr.get())
        if step % 5 == 4:
            print(f'step {step}: err = {err:.6f}')
    s = 0.0
    for i in left.ispace:
        s += left.u[i]
    for i in right.ispace:
        s += right.u[i]
    print(f'sum = {s:.9f}  left[15] = {left.u[15]:.6f}  right[0] = {right.u[0]:.6f}')


if __name__ == '__main__':
    main()
