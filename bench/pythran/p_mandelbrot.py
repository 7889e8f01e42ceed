# Pythran version of bench/kernels/mandelbrot.py (same loops).
#pythran export mandel(int64[:, :], int)
def escape(cr, ci, max_iter):
    zr = 0.0
    zi = 0.0
    for k in range(max_iter):
        zr2 = zr * zr
        zi2 = zi * zi
        if zr2 + zi2 > 4.0:
            return k
        zi = 2.0 * zr * zi + ci
        zr = zr2 - zi2 + cr
    return max_iter


def mandel(out, max_iter):
    h = out.shape[0]
    w = out.shape[1]
    for y in range(h):
        ci = -1.2 + 2.4 * y / h
        for x in range(w):
            out[y, x] = escape(-2.0 + 3.0 * x / w, ci, max_iter)
