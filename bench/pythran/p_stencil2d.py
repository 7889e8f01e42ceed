# Pythran version of bench/kernels/stencil2d.py (same loops).
#pythran export run(float64[:, :], float64[:, :], int)
#pythran export init(float64[:, :], float64[:, :])
def step(u, v):
    n = u.shape[0]
    m = u.shape[1]
    for i in range(1, n - 1):
        for j in range(1, m - 1):
            v[i, j] = 0.25 * (u[i - 1, j] + u[i + 1, j] + u[i, j - 1] + u[i, j + 1])


def run(u, v, iters):
    for it in range(iters // 2):
        step(u, v)
        step(v, u)


def init(u, v):
    for i in range(u.shape[0]):
        for j in range(u.shape[1]):
            b = 1.0 if i == 0 else 0.0
            u[i, j] = b
            v[i, j] = b
