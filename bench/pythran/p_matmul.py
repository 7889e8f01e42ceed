# Pythran version of bench/kernels/matmul.py (same i-k-j loops).
#pythran export matmul(float64[:, :], float64[:, :], float64[:, :])
def matmul(a, b, c):
    n = a.shape[0]
    m = a.shape[1]
    p = b.shape[1]
    for i in range(n):
        for j in range(p):
            c[i, j] = 0.0
        for k in range(m):
            aik = a[i, k]
            for j in range(p):
                c[i, j] += aik * b[k, j]
