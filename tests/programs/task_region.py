# Tests: create a region in main, fill a field, read and write it in tasks (R / RW privileges), ispace volume and bounds.
import pyc_task as pt
from pyc_task import task, fieldspace, float64, int64, Region, R, RW, fill


@fieldspace
class Point:
    x: float64
    y: float64
    n: int64


@task(privileges=[R('x')])
def total_x(r: Region[Point]) -> float64:
    s = 0.0
    for i in r.ispace:
        s += r.x[i]
    return s


@task(privileges=[RW('y', 'n')])
def ramp(r: Region[Point], scale: float64) -> None:
    lo, hi = r.ispace.bounds
    for i in r.ispace:
        r.y[i] = scale * (i - lo)
        r.n[i] = hi - i


@task(privileges=[R])
def checksum(r: Region[Point]) -> float64:
    s = 0.0
    for i in r.ispace:
        s += r.x[i] + 2.0 * r.y[i] + 3.0 * r.n[i]
    return s


@task(top_level=True)
def main():
    points = Region([10], Point)
    print('volume', points.ispace.volume)
    lo, hi = points.ispace.bounds
    print('bounds', lo, hi)
    fill(points, 'x', 0.5)
    print('sum x', total_x(points).get())
    ramp(points, 1.5)
    print('checksum', checksum(points).get())
    print('y[3] =', points.y[3], 'n[3] =', points.n[3])
    points.x[0] = 10.0
    print('sum x', total_x(points).get())


if __name__ == '__main__':
    main()
