# Tests: print of ints, bools, string literals, several arguments, empty print.
import pyc_task as pt
from pyc_task import kernel, task, int64, float64


@kernel
def is_pos(x: int64) -> bool:
    return x > 0


@task(top_level=True)
def main():
    print('hello, world')
    print()
    print(42, -7, 0, True, False)
    print('n =', 10, 'x =', 2.5, 'ok', is_pos(3), is_pos(-3))
    print("double quotes", 'single quotes', 'tab\tand escapes \\ \'q\'')
    print('unicode: \u00e9\u00e8 \u03c0')
    b = is_pos(0)
    print(b, not b, not not b)
    print(-9223372036854775807, 1000000, 12)


if __name__ == '__main__':
    main()
