# A compute-bound prange (math per element, little memory traffic), to
# separate the runtime's scaling from saxpy's memory bandwidth limit.
# Run: bench/prange/run.sh (after saxpy.py).
import math
import numpy as np
import pyc_task as pt
from pyc_task import kernel, task, prange, int64, float64


@kernel
def waves(out: pt.float64[:]) -> None:
    for i in prange(out.shape[0]):
        x = i * 1e-3
        out[i] = math.sin(x) * math.cos(0.5 * x) + math.sqrt(x)


@task(top_level=True)
def main():
    n = 20000000
    out = np.zeros(n)
    waves(out)
    best = 1e30
    for r in range(3):
        t0 = pt.wtime()
        waves(out)
        t = pt.wtime() - t0
        if t < best:
            best = t
    print(f'waves n={n} prange best={best * 1000.0:.1f} ms  out[12345]={out[12345]:.6f}')


if __name__ == '__main__':
    main()
