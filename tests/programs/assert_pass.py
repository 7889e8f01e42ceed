# Tests: asserts that hold (with and without messages) do nothing; exit status 0.
import pyc_task as pt
from pyc_task import kernel, task, int64, float64


@kernel
def safe_mean(total: float64, n: int64) -> float64:
    assert n > 0, 'need at least one item'
    assert total == total
    return total / n


@task(top_level=True)
def main():
    print(safe_mean(10.0, 4), safe_mean(-1.0, 3))
    assert 1 < 2 < 3, 'chained'
    assert not (2 > 3)
    print('all asserts held')


if __name__ == '__main__':
    main()
