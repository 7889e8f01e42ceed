# Tests: sieve of Eratosthenes on an int64 array; prime counts and sums.
import numpy as np
import pyc_task as pt
from pyc_task import kernel, task, int64


@kernel
def sieve(n: int64) -> pt.int64[:]:
    flags = np.ones(n + 1, dtype=np.int64)
    flags[0] = 0
    flags[1] = 0
    i = 2
    while i * i <= n:
        if flags[i] == 1:
            for j in range(i * i, n + 1, i):
                flags[j] = 0
        i += 1
    return flags


@kernel
def count_and_sum(flags: pt.int64[:]) -> tuple[int64, int64]:
    c = 0
    s = 0
    for i in range(flags.shape[0]):
        if flags[i] == 1:
            c += 1
            s += i
    return c, s


@task(top_level=True)
def main():
    for n in range(10, 100001, 9999):
        c, s = count_and_sum(sieve(n))
        print(n, c, s)
    f = sieve(100)
    for i in range(100):
        if f[i] == 1:
            print(i, end=' ')
    print()


if __name__ == '__main__':
    main()
