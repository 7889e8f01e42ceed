# Tests: int / int is CPython's correctly rounded true division (also past 2**53),
# and int / 0 raises ZeroDivisionError 'division by zero' (not the float message).
from pyc_task import kernel, task, int64


@kernel
def ratio(a: int64, b: int64) -> float:
    return a / b


@task(top_level=True)
def main():
    print(ratio(7, 2), ratio(-7, 2), ratio(1, 3), ratio(2, -3))
    print(ratio(9007199254740993, 1), ratio(2**62 + 1, 3), ratio(-(2**63) + 1, 7))
    x = 10
    y = 4
    print(x / y, -x / y, x / -y)
    for d in range(2, -1, -1):
        print('d', d, ratio(5, d))


if __name__ == '__main__':
    main()
