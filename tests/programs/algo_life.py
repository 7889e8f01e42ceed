# Tests: Conway's game of life on an int64 grid with wrap-around via Python % of negatives.
import numpy as np
import pyc_task as pt
from pyc_task import kernel, task, int64


@kernel
def step(g: pt.int64[:, ::1], out: pt.int64[:, ::1]) -> int64:
    h = g.shape[0]
    w = g.shape[1]
    alive = 0
    for y in range(h):
        for x in range(w):
            n = 0
            for dy in range(-1, 2):
                for dx in range(-1, 2):
                    if dy != 0 or dx != 0:
                        n += g[(y + dy) % h, (x + dx) % w]
            c = g[y, x]
            v = 1 if n == 3 or (c == 1 and n == 2) else 0
            out[y, x] = v
            alive += v
    return alive


@task(top_level=True)
def main():
    a = np.zeros((16, 16), dtype=np.int64)
    b = np.zeros((16, 16), dtype=np.int64)
    a[1, 2] = 1
    a[2, 3] = 1
    a[3, 1] = 1
    a[3, 2] = 1
    a[3, 3] = 1
    a[12, 1] = 1
    a[12, 2] = 1
    a[12, 3] = 1
    for gen in range(30):
        n = step(a, b)
        a, b = b, a
        if gen % 8 == 0:
            print(gen, n)
    for y in range(16):
        for x in range(16):
            if a[y, x] == 1:
                print('#', end='')
            else:
                print('.', end='')
        print()


if __name__ == '__main__':
    main()
