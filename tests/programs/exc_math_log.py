# Tests: math.log(0.0) raises ValueError; exit status 1.
import math
import pyc_task as pt
from pyc_task import kernel, task, float64


@task(top_level=True)
def main():
    print(math.log(1.0), math.log(0.5))
    y = 0.0
    print(math.log(y))
    print('unreachable')


if __name__ == '__main__':
    main()
