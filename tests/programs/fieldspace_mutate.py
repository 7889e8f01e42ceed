# Tests: @fieldspace values changed in place where CPython and compiled code agree (check_alias.c): new locals changed in loops, passed to float-returning kernels, returned, rebuilt through calls that return new values.
import pyc_task as pt
from pyc_task import kernel, task, int64, float64, fieldspace


@fieldspace
class Body:
    x: float64
    v: float64
    n: int64


@kernel
def energy(b: Body) -> float64:
    return 0.5 * b.v * b.v + 0.5 * b.x * b.x


@kernel
def kick(b: Body, dt: float64) -> Body:
    return Body(b.x, b.v - b.x * dt, b.n)


@kernel
def keep(b: Body) -> Body:
    return b


@kernel
def pair(x: float64) -> tuple[Body, int64]:
    b = Body(x, 0.0, 0)
    return (b, 3)


@kernel
def fresh_copy(b: Body) -> Body:
    c = Body(b.x, b.v, b.n)
    c.n += 100
    return c


@kernel
def orbit(steps: int64, dt: float64) -> Body:
    b = Body(1.0, 0.0, 0)
    for i in range(steps):
        b = kick(b, dt)  # a new value each step
        b.x += b.v * dt
        b.n += 1
    return b


@kernel
def relax(steps: int64) -> float64:
    total = 0.0
    for i in range(steps):
        c = Body(float(i), 1.0, i)  # new in every iteration
        c.v = c.v * 0.5 + c.x
        c.n = c.n * 2
        total += energy(c)  # energy returns a float: it cannot hand c back
    return total


@kernel
def rebuild(x: float64) -> Body:
    b = Body(x, x, 0)
    b = keep(b)  # the same object under CPython: still only b holds it
    b.v = -b.v
    if x > 1.0:
        b = Body(0.0, 0.0, -1) if x > 5.0 else kick(b, 0.5)
    b.n += 1
    return b


@task(top_level=True)
def main():
    b = orbit(100, 0.01)
    print(b.x, b.v, b.n, energy(b))
    print(relax(10))
    r = rebuild(0.5)
    print(r.x, r.v, r.n)
    r = rebuild(2.0)
    print(r.x, r.v, r.n)
    r = rebuild(7.0)
    print(r.x, r.v, r.n)
    p, k = pair(2.5)
    p.v = 4.0
    print(p.x, p.v, p.n, k)
    q = fresh_copy(p)
    q.x = -1.0
    print(p.x, p.n, q.x, q.n)
    s = Body(3.0, 4.0, 5)
    s.n = 6
    print(energy(s), s.n)


if __name__ == '__main__':
    main()
