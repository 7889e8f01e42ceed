# Tests: partitions and index launches (copy of examples/partition_nbody.py): Partition.equal/halo, IndexLaunch, index_launch with reduce, identical to CPython.
# partition_nbody: a 2-D n-body simulation with index launches. The bodies
# are split into 4 disjoint blocks (Partition.equal); each step launches one
# point task per block that reads every body's position (the whole region,
# read-only, so the points do not interfere) and updates its own block's
# velocities, then one per block that moves its bodies. The total energy is
# an index launch whose point results are reduced into one Future
# (index_launch(..., reduce='+'), folded in point order).
# Run: pyc-task run examples/partition_nbody.py (or under CPython).
import math
from pyc_task import task, fieldspace, float64, int64, Region, R, RW
from pyc_task import Partition, IndexLaunch, index_launch, ID


@fieldspace
class Body:
    x: float64
    y: float64
    vx: float64
    vy: float64
    m: float64


@task(privileges=[RW])
def init(b: Region[Body], n: int64):
    for i in b.ispace:
        a = 2.0 * math.pi * i / n
        r = 1.0 + 0.5 * (i % 3)
        b.x[i] = r * math.cos(a)
        b.y[i] = r * math.sin(a)
        b.vx[i] = -0.3 * math.sin(a)
        b.vy[i] = 0.3 * math.cos(a)
        b.m[i] = 1.0 / n * (1.0 + (i % 2))


@task(privileges=[R('x', 'y', 'm'), RW('vx', 'vy')])
def accelerate(everyone: Region[Body], mine: Region[Body], dt: float64):
    lo, hi = everyone.ispace.bounds
    for i in mine.ispace:
        ax = 0.0
        ay = 0.0
        for j in range(lo, hi + 1):
            if j != i:
                dx = everyone.x[j] - everyone.x[i]
                dy = everyone.y[j] - everyone.y[i]
                d2 = dx * dx + dy * dy + 0.01
                inv = everyone.m[j] / (d2 * math.sqrt(d2))
                ax += dx * inv
                ay += dy * inv
        mine.vx[i] += dt * ax
        mine.vy[i] += dt * ay


@task(privileges=[RW('x', 'y', 'vx', 'vy')])
def move(mine: Region[Body], dt: float64):
    for i in mine.ispace:
        mine.x[i] += dt * mine.vx[i]
        mine.y[i] += dt * mine.vy[i]


@task(privileges=[R, R])
def energy(everyone: Region[Body], mine: Region[Body]) -> float64:
    lo, hi = everyone.ispace.bounds
    e = 0.0
    for i in mine.ispace:
        e += 0.5 * mine.m[i] * (mine.vx[i] * mine.vx[i] + mine.vy[i] * mine.vy[i])
        for j in range(lo, hi + 1):
            if j > i:
                dx = everyone.x[j] - mine.x[i]
                dy = everyone.y[j] - mine.y[i]
                e -= mine.m[i] * everyone.m[j] / math.sqrt(dx * dx + dy * dy + 0.01)
    return e


@task(top_level=True)
def main():
    n = 256
    bodies = Region([n], Body)
    blocks = Partition.equal(bodies, [4])
    index_launch([4], init, blocks[ID], n)
    e0 = index_launch([4], energy, bodies, blocks[ID], reduce='+')
    print(f'energy at t=0: {e0.get():.12f}')
    dt = 0.001
    for step in range(20):
        for i in IndexLaunch([4]):
            accelerate(bodies, blocks[i], dt)
        for i in IndexLaunch([4]):
            move(blocks[i], dt)
    e1 = index_launch([4], energy, bodies, blocks[ID], reduce='+')
    print(f'energy after 20 steps: {e1.get():.12f}')
    print(f'body 0 at ({bodies.x[0]:.9f}, {bodies.y[0]:.9f})')


if __name__ == '__main__':
    main()
