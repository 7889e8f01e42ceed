# Tests: if / elif / else chains, nested ifs, pass, early return.
import pyc_task as pt
from pyc_task import kernel, task, int64, float64


@kernel
def grade(score: int64) -> int64:
    if score >= 90:
        return 4
    elif score >= 80:
        return 3
    elif score >= 70:
        return 2
    elif score >= 60:
        return 1
    else:
        return 0


@kernel
def sign(x: float64) -> int64:
    if x > 0.0:
        return 1
    if x < 0.0:
        return -1
    return 0


@kernel
def fizz(n: int64) -> None:
    if n % 15 == 0:
        print('FizzBuzz')
    elif n % 3 == 0:
        print('Fizz')
    elif n % 5 == 0:
        print('Buzz')
    else:
        print(n)


@kernel
def quadrant(x: int64, y: int64) -> int64:
    q = 0
    if x >= 0:
        if y >= 0:
            q = 1
        else:
            q = 4
    else:
        if y >= 0:
            q = 2
        else:
            pass
            q = 3
    return q


@task(top_level=True)
def main():
    for s in range(55, 101, 5):
        print(s, grade(s))
    print(sign(2.5), sign(-0.1), sign(0.0), sign(-0.0))
    for n in range(1, 16):
        fizz(n)
    print(quadrant(1, 1), quadrant(-1, 1), quadrant(-1, -1), quadrant(1, -1), quadrant(0, 0))
    if not (sign(1.0) == 1):
        print('bad')
    else:
        print('good')


if __name__ == '__main__':
    main()
