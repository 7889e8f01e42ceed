# Tests: conditional expressions (a if c else b), nested, in arguments and returns.
import pyc_task as pt
from pyc_task import kernel, task, int64, float64


@kernel
def clamp(x: int64, lo: int64, hi: int64) -> int64:
    return lo if x < lo else (hi if x > hi else x)


@kernel
def relu(x: float64) -> float64:
    return x if x > 0.0 else 0.0


@task(top_level=True)
def main():
    for x in range(-3, 14, 4):
        print(x, clamp(x, 0, 10), relu(x * 0.5), 1 if x % 4 == 1 else 0)
    n = 7
    y = n * 2 if n > 5 else n - 2
    z = 1.5 if n < 0 else -1.5
    print(y, z, (1 if True else 2) + (3 if False else 4))


if __name__ == '__main__':
    main()
