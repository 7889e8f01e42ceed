# Tests: futures of int, float and bool results; get() twice; a future passed on as a value; tasks launching tasks.
import pyc_task as pt
from pyc_task import task, int64, float64


@task
def fib(n: int64) -> int64:
    if n < 2:
        return n
    return fib(n - 1).get() + fib(n - 2).get()


@task
def area(w: float64, h: float64) -> float64:
    return w * h


@task
def bigger(a: float64, b: float64) -> bool:
    return a > b


@task(top_level=True)
def main():
    f = fib(12)
    print('fib(12) =', f.get(), f.get())
    a1 = area(2.5, 4.0)
    a2 = area(1.5, 7.0)
    print('areas', a1.get(), a2.get(), 'bigger', bigger(a1.get(), a2.get()).get())
    s = 0
    for n in range(8):
        s += fib(n).get()
    print('sum fib(0..7) =', s)


if __name__ == '__main__':
    main()
