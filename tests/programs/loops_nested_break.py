# Tests: break and continue in nested loops affect only the innermost loop.
import pyc_task as pt
from pyc_task import kernel, task, int64


@kernel
def pairs(n: int64) -> int64:
    c = 0
    for i in range(n):
        for j in range(n):
            if j > i:
                break
            if (i + j) % 3 == 0:
                continue
            c += i * 10 + j
    return c


@kernel
def find_triple(target: int64) -> int64:
    for a in range(1, target):
        for b in range(a, target):
            c2 = a * a + b * b
            c = 1
            while c * c < c2:
                c += 1
            if c * c == c2 and a + b + c == target:
                return a * 1000000 + b * 1000 + c
    return -1


@task(top_level=True)
def main():
    print(pairs(1), pairs(5), pairs(20))
    print(find_triple(12), find_triple(30), find_triple(1000), find_triple(7))
    total = 0
    i = 0
    while i < 5:
        i += 1
        for j in range(10):
            if j == i:
                break
            total += j
        if i == 3:
            continue
        total += 100
    print(total)


if __name__ == '__main__':
    main()
