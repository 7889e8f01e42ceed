# Benchmark: benchmarks-game 5-body simulation, 1,000,000 steps of dt = 0.01, best of reps.
import math
import numpy as np
import pyc_task as pt
from pyc_task import kernel, task, int64, float64


@kernel
def setup(pos: pt.float64[:, ::1], vel: pt.float64[:, ::1], mass: pt.float64[:]) -> None:
    days = 365.24
    sm = 4.0 * math.pi * math.pi
    for i in range(5):
        for k in range(3):
            pos[i, k] = 0.0
            vel[i, k] = 0.0
    mass[0] = sm
    pos[1, 0] = 4.84143144246472090e+00
    pos[1, 1] = -1.16032004402742839e+00
    pos[1, 2] = -1.03622044471123109e-01
    vel[1, 0] = 1.66007664274403694e-03 * days
    vel[1, 1] = 7.69901118419740425e-03 * days
    vel[1, 2] = -6.90460016972063023e-05 * days
    mass[1] = 9.54791938424326609e-04 * sm
    pos[2, 0] = 8.34336671824457987e+00
    pos[2, 1] = 4.12479856412430479e+00
    pos[2, 2] = -4.03523417114321381e-01
    vel[2, 0] = -2.76742510726862411e-03 * days
    vel[2, 1] = 4.99852801234917238e-03 * days
    vel[2, 2] = 2.30417297573763929e-05 * days
    mass[2] = 2.85885980666130812e-04 * sm
    pos[3, 0] = 1.28943695621391310e+01
    pos[3, 1] = -1.51111514016986312e+01
    pos[3, 2] = -2.23307578892655734e-01
    vel[3, 0] = 2.96460137564761618e-03 * days
    vel[3, 1] = 2.37847173959480950e-03 * days
    vel[3, 2] = -2.96589568540237556e-05 * days
    mass[3] = 4.36624404335156298e-05 * sm
    pos[4, 0] = 1.53796971148509165e+01
    pos[4, 1] = -2.59193146099879641e+01
    pos[4, 2] = 1.79258772950371181e-01
    vel[4, 0] = 2.68067772490389322e-03 * days
    vel[4, 1] = 1.62824170038242295e-03 * days
    vel[4, 2] = -9.51592254519715870e-05 * days
    mass[4] = 5.15138902046611451e-05 * sm
    for k in range(3):
        p = 0.0
        for i in range(5):
            p += vel[i, k] * mass[i]
        vel[0, k] = -p / sm


@kernel
def energy(pos: pt.float64[:, ::1], vel: pt.float64[:, ::1], mass: pt.float64[:]) -> float64:
    e = 0.0
    n = mass.shape[0]
    for i in range(n):
        e += 0.5 * mass[i] * (vel[i, 0] * vel[i, 0] + vel[i, 1] * vel[i, 1] + vel[i, 2] * vel[i, 2])
        for j in range(i + 1, n):
            dx = pos[i, 0] - pos[j, 0]
            dy = pos[i, 1] - pos[j, 1]
            dz = pos[i, 2] - pos[j, 2]
            e -= mass[i] * mass[j] / math.sqrt(dx * dx + dy * dy + dz * dz)
    return e


@kernel
def advance(pos: pt.float64[:, ::1], vel: pt.float64[:, ::1], mass: pt.float64[:], dt: float64, steps: int64) -> None:
    n = mass.shape[0]
    for s in range(steps):
        for i in range(n):
            for j in range(i + 1, n):
                dx = pos[i, 0] - pos[j, 0]
                dy = pos[i, 1] - pos[j, 1]
                dz = pos[i, 2] - pos[j, 2]
                d2 = dx * dx + dy * dy + dz * dz
                mag = dt / (d2 * math.sqrt(d2))
                mj = mass[j] * mag
                mi = mass[i] * mag
                vel[i, 0] -= dx * mj
                vel[i, 1] -= dy * mj
                vel[i, 2] -= dz * mj
                vel[j, 0] += dx * mi
                vel[j, 1] += dy * mi
                vel[j, 2] += dz * mi
        for i in range(n):
            pos[i, 0] += dt * vel[i, 0]
            pos[i, 1] += dt * vel[i, 1]
            pos[i, 2] += dt * vel[i, 2]


@kernel
def bench(steps: int64, reps: int64) -> float64:
    pos = np.zeros((5, 3))
    vel = np.zeros((5, 3))
    mass = np.zeros(5)
    best = 1e30
    for r in range(reps):
        setup(pos, vel, mass)
        t0 = pt.wtime()
        advance(pos, vel, mass, 0.01, steps)
        best = min(best, pt.wtime() - t0)
    print(f'checksum: {energy(pos, vel, mass):.12e}')
    print(f'best_s: {best:.6f}')
    return best


@task(top_level=True)
def main():
    bench(1000000, 3)


if __name__ == '__main__':
    main()
