# Tests: a FutureMap indexed outside its index launch's points raises IndexError (fm[i].get(), 1-d).
from pyc_task import task, fieldspace, int64, Region, R, RW
from pyc_task import Partition, index_launch, ID


@fieldspace
class Cell:
    k: int64


@task(privileges=[R])
def size(b: Region[Cell]) -> int64:
    return b.ispace.volume


@task(top_level=True)
def main():
    g = Region([10], Cell)
    p = Partition.equal(g, [4])
    fm = index_launch(p.color_space, size, p[ID])
    print('point 3:', fm[3].get())
    n = len(p.color_space)
    print('point', n, ':', fm[n].get())
    print('unreachable')


if __name__ == '__main__':
    main()
