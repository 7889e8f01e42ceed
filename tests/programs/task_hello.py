# Tests: Pygion-style hello: tasks launched from main return values through futures; main prints in order.
import pyc_task as pt
from pyc_task import task, int64, float64


@task
def hello(i: int64) -> int64:
    return 100 + i * i


@task
def half(x: float64) -> float64:
    return x / 2.0


@task
def is_even(i: int64) -> bool:
    return i % 2 == 0


@task(top_level=True)
def main():
    print('hello from main')
    total = 0
    for i in range(5):
        f = hello(i)
        v = f.get()
        total += v
        print('hello from task', i, '->', v, 'even:', is_even(i).get())
    print('total', total)
    print('half', half(float(total)).get())


if __name__ == '__main__':
    main()
