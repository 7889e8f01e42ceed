# Tests: f-string alignment and fill characters for ints and floats, signs on floats.
import pyc_task as pt
from pyc_task import kernel, task, int64, float64


@task(top_level=True)
def main():
    x = 3.14159
    y = -2.5
    n = 17
    print(f'|{x:<10.2f}|{x:>10.2f}|{x:^10.2f}|')
    print(f'|{y:<10.2f}|{y:>10.2f}|{y:^10.2f}|')
    print(f'|{n:<9}|{n:>9}|{n:^9}|{n:*^9}|{n:_<6d}|{n:0>6d}|')
    print(f'|{x:+.2f}|{y:+.2f}|{x: .3f}|{y: .3f}|{x:-.1f}|')
    print(f'|{x:*>12.4e}|{y:#<12.1e}|{x:0=+10.2f}|{y: =10.2f}|')
    print(f'|{x:10}|{y:<8}|{n:>4d}|{0.0:+.1f}|{-0.0:+.1f}|')


if __name__ == '__main__':
    main()
