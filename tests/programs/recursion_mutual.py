# Tests: mutual recursion between kernels, incl. a call to a kernel defined later in the file.
import pyc_task as pt
from pyc_task import kernel, task, int64


@kernel
def is_even(n: int64) -> bool:
    if n == 0:
        return True
    return is_odd(n - 1)


@kernel
def is_odd(n: int64) -> bool:
    if n == 0:
        return False
    return is_even(n - 1)


@kernel
def hofstadter_f(n: int64) -> int64:
    if n == 0:
        return 1
    return n - hofstadter_m(hofstadter_f(n - 1))


@kernel
def hofstadter_m(n: int64) -> int64:
    if n == 0:
        return 0
    return n - hofstadter_f(hofstadter_m(n - 1))


@task(top_level=True)
def main():
    print(is_even(0), is_even(7), is_even(10), is_odd(7), is_odd(500))
    for n in range(15):
        print(hofstadter_f(n), end=' ')
    print()
    for n in range(15):
        print(hofstadter_m(n), end=' ')
    print()


if __name__ == '__main__':
    main()
