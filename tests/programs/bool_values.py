# Tests: bools as values: locals, parameters, returns, not, comparisons of bools, bool() of ints.
import pyc_task as pt
from pyc_task import kernel, task, int64


@kernel
def is_prime(n: int64) -> bool:
    if n < 2:
        return False
    d = 2
    while d * d <= n:
        if n % d == 0:
            return False
        d += 1
    return True


@kernel
def xor(a: bool, b: bool) -> bool:
    return a != b


@task(top_level=True)
def main():
    count = 0
    for n in range(100):
        p = is_prime(n)
        if p:
            count += 1
    print(count, is_prime(97), is_prime(91), is_prime(2), is_prime(1))
    t = True
    f = False
    print(t and f, t or f, not t, xor(t, f), xor(t, t), t == f, t != f)
    flag = False
    for i in range(5):
        flag = not flag
    print(flag, bool(0), bool(5), bool(-5), int(flag))


if __name__ == '__main__':
    main()
