# Tests: math.sqrt of a negative number raises ValueError (math domain error); exit status 1.
import math
import pyc_task as pt
from pyc_task import kernel, task, float64


@kernel
def root(x: float64) -> float64:
    return math.sqrt(x)


@task(top_level=True)
def main():
    x = 2.0
    for i in range(5):
        print(root(x))
        x -= 1.0
    print('unreachable')


if __name__ == '__main__':
    main()
