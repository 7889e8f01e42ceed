# Tests: print() of tuples (CPython's str(): nested, one element, floats, bools, negative ints), from kernels and tasks, with sep= and end=, and tuples in f-strings ({t}, {t!r}).
from pyc_task import kernel, task, int64, float64


@kernel
def pair(a: int64, b: float64) -> tuple[int64, float64]:
    return (a * 2, b / 4.0)


@kernel
def show(n: int64) -> None:
    for i in range(n):
        t = pair(i - 1, i * 1.5)
        print(t, (i,), (t, i > 1), sep=' | ')
    print((1.0e20, -0.0, 1 / 3), end='!\n')


@task(top_level=True)
def main():
    show(3)
    p = (3, -4)
    print(p, ((1, 2), (3, (4, 5))), True, ())
    q = (0.1 + 0.2, 2.5e-300, float(10 ** 16))
    print('q =', q)
    print(f"p={p} q={q!r} nested={(p, (1,))}!")


if __name__ == '__main__':
    main()
