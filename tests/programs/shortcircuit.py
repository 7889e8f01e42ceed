# Tests: and / or / not short-circuit: the right operand runs only when needed.
import pyc_task as pt
from pyc_task import kernel, task, int64


@kernel
def t(n: int64) -> bool:
    print('t', n)
    return True


@kernel
def f(n: int64) -> bool:
    print('f', n)
    return False


@kernel
def safe_div_positive(a: int64, b: int64) -> bool:
    return b != 0 and a // b > 0


@task(top_level=True)
def main():
    print(t(1) and f(2))
    print(f(3) and t(4))
    print(t(5) or f(6))
    print(f(7) or t(8))
    print(f(9) or f(10) or t(11) or t(12))
    print(t(13) and t(14) and f(15) and t(16))
    print(not t(17), not f(18))
    print((f(19) and t(20)) or (t(21) and t(22)))
    print(safe_div_positive(5, 0), safe_div_positive(5, 2), safe_div_positive(-5, 2))
    if t(23) and not f(24):
        print('branch taken')
    while f(25) and t(26):
        print('never')


if __name__ == '__main__':
    main()
