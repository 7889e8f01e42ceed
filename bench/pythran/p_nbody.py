# Pythran version of bench/kernels/nbody.py advance() (same loops).
#pythran export advance(float64[:, :], float64[:, :], float64[:], float64, int)
import math


def advance(pos, vel, mass, dt, steps):
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
