# Tests: simple and double recursion (Fibonacci, factorial) with int and float results.
import pyc_task as pt
from pyc_task import kernel, task, int64, float64


@kernel
def fib(n: int64) -> int64:
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


@kernel
def fact(n: int64) -> int64:
    if n <= 1:
        return 1
    return n * fact(n - 1)


@kernel
def ffact(n: int64) -> float64:
    if n <= 1:
        return 1.0
    return n * ffact(n - 1)


@task(top_level=True)
def main():
    for n in range(0, 25, 3):
        print(n, fib(n))
    print(fib(27))
    print(fact(0), fact(1), fact(10), fact(20))
    print(ffact(20), ffact(25), ffact(170), ffact(171))


if __name__ == '__main__':
    main()
