# Tests: @fieldspace value semantics: functions build new structs (dot, cross, add, scale) in loops.
import pyc_task as pt
from pyc_task import kernel, task, int64, float64, fieldspace


@fieldspace
class Vec3:
    x: float64
    y: float64
    z: float64


@kernel
def add(a: Vec3, b: Vec3) -> Vec3:
    return Vec3(a.x + b.x, a.y + b.y, a.z + b.z)


@kernel
def scale(a: Vec3, s: float64) -> Vec3:
    return Vec3(a.x * s, a.y * s, a.z * s)


@kernel
def dot(a: Vec3, b: Vec3) -> float64:
    return a.x * b.x + a.y * b.y + a.z * b.z


@kernel
def cross(a: Vec3, b: Vec3) -> Vec3:
    return Vec3(a.y * b.z - a.z * b.y, a.z * b.x - a.x * b.z, a.x * b.y - a.y * b.x)


@kernel
def spiral(n: int64) -> Vec3:
    acc = Vec3(0.0, 0.0, 0.0)
    d = Vec3(1.0, 0.0, 0.0)
    up = Vec3(0.0, 0.0, 1.0)
    for i in range(n):
        acc = add(acc, scale(d, 1.0 / (i + 1)))
        d = add(scale(cross(up, d), 0.5), scale(d, 0.5))
    return acc


@task(top_level=True)
def main():
    a = Vec3(1.0, 2.0, 3.0)
    b = Vec3(-2.0, 0.5, 4.0)
    c = cross(a, b)
    print(c.x, c.y, c.z, dot(a, b), dot(c, a), dot(c, b))
    s = spiral(20)
    print(s.x, s.y, s.z)
    t = add(a, b)
    t.z = 0.0
    print(t.x, t.y, t.z, a.z)


if __name__ == '__main__':
    main()
