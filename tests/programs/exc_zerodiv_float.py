# Tests: float / 0.0 raises ZeroDivisionError (not inf as in C); exit status 1.
import pyc_task as pt
from pyc_task import kernel, task, float64


@kernel
def inv(x: float64) -> float64:
    return 1.0 / x


@task(top_level=True)
def main():
    x = 2.0
    while True:
        print(inv(x))
        x -= 0.5


if __name__ == '__main__':
    main()
