# Tests: @fieldspace classes as plain structs: construct, read and assign fields, pass, return.
import math
import pyc_task as pt
from pyc_task import kernel, task, int64, float64, fieldspace


@fieldspace
class Point:
    x: float64
    y: float64


@fieldspace
class Particle:
    id: int64
    pos: float64
    vel: float64


@kernel
def norm(p: Point) -> float64:
    return math.sqrt(p.x * p.x + p.y * p.y)


@kernel
def midpoint(a: Point, b: Point) -> Point:
    return Point((a.x + b.x) / 2.0, (a.y + b.y) / 2.0)


@kernel
def step(p: Particle, dt: float64) -> Particle:
    q = Particle(p.id, p.pos, p.vel)
    q.pos = p.pos + p.vel * dt
    q.vel = p.vel * 0.5
    return q


@task(top_level=True)
def main():
    p = Point(3.0, 4.0)
    print(p.x, p.y, norm(p))
    p.x = 6.0
    p.y = 8.0
    print(norm(p))
    m = midpoint(Point(0.0, 0.0), Point(1.0, 3.0))
    print(m.x, m.y)
    q = Particle(7, 0.0, 1.0)
    for i in range(4):
        q = step(q, 0.5)
        print(q.id, q.pos, q.vel)


if __name__ == '__main__':
    main()
