# Tests: tasks that print, made deterministic by chaining: each launch holds RW on one region, so they run in program order.
import pyc_task as pt
from pyc_task import task, fieldspace, int64, Region, RW, R


@task(privileges=[RW])
def greet(log: Region[{'count': int64}], who: int64) -> None:
    log.count[0] += 1
    print('hello from task', who, 'call', log.count[0])


@task(privileges=[R])
def count(log: Region[{'count': int64}]) -> int64:
    return log.count[0]


@task(top_level=True)
def main():
    log = Region([1], {'count': int64})
    for who in range(6):
        greet(log, who * 10)
    print('calls:', count(log).get())


if __name__ == '__main__':
    main()
