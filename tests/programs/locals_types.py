# Tests: locals keep one inferred type for their life: float accumulators, int counters, bool flags, updated in branches.
import pyc_task as pt
from pyc_task import kernel, task, int64, float64


@kernel
def scan(n: int64) -> float64:
    total = 0.0
    count = 0
    seen_big = False
    last = -1
    for i in range(n):
        v = (i * 37) % 101
        if v > 90:
            seen_big = True
            last = i
        elif v % 2 == 0:
            total += v / 2
            count += 1
        else:
            total -= 0.5
    if seen_big:
        print('big value last seen at', last)
    print('count', count, 'total', total)
    return total / count if count > 0 else 0.0


@task(top_level=True)
def main():
    r = scan(0)
    print(r)
    r = scan(10)
    print(r)
    r = scan(1000)
    print(r)
    x = 1.0
    k = 0
    while x < 1e6:
        x *= 3.5
        k += 1
    print(k, x)


if __name__ == '__main__':
    main()
