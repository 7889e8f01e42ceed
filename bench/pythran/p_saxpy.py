# Pythran version of bench/kernels/saxpy.py (same loop).
#pythran export saxpy(float64, float64[], float64[])
#pythran export init(float64[], float64[])
def saxpy(a, x, y):
    for i in range(x.shape[0]):
        y[i] += a * x[i]


def init(x, y):
    for i in range(x.shape[0]):
        x[i] = (i % 1000) * 0.001
        y[i] = 1.0
