# Tests: f-string formatting of inf, nan, -0.0, round-half-even, tiny and huge values.
import math
import pyc_task as pt
from pyc_task import kernel, task, float64


@task(top_level=True)
def main():
    inf = math.inf
    nan = math.nan
    print(f'{inf:f} {-inf:.2f} {nan:.3f} {inf:e} {nan:g} {inf:10.1f}|')
    print(f'{-0.0:f} {-0.0:.0f} {-0.0:e} {-0.0:g} {-0.0}')
    print(f'{0.5:.0f} {1.5:.0f} {2.5:.0f} {3.5:.0f} {-0.5:.0f} {-1.5:.0f}')
    print(f'{0.125:.2f} {0.375:.2f} {2.675:.2f} {1.005:.2f} {0.045:.2f}')
    print(f'{1e-320:e} {5e-324:.3g} {1.7976931348623157e308:e} {1e308:.2f}')
    print(f'{123.456:.0e} {0.0001:g} {0.00001:g} {999999.5:g} {9999995.0:.6g}')
    print(f'{1.0:.15f} {0.1:.20f} {2.0 ** 60:.1f}')


if __name__ == '__main__':
    main()
