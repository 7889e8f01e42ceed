# Tests: launches the task-graph pass proves independent (pyc_launch_ex, PYC_LAUNCH_INDEPENDENT: no search for predecessors) are still waited for by later launches that use their data, and a launch in a loop that conflicts only with a later launch of the loop body (its previous iteration) is not proved: the results are the sequential ones.
from pyc_task import task, int64, Region, R, RW


@task(privileges=[RW])
def init(r: Region[{'v': int64}], base: int64) -> None:
    for i in r.ispace:
        r.v[i] = base + i


@task(privileges=[R])
def total(r: Region[{'v': int64}]) -> int64:
    s = 0
    for i in r.ispace:
        s += r.v[i]
    return s


@task(privileges=[RW])
def bump(r: Region[{'v': int64}]) -> None:
    for i in r.ispace:
        r.v[i] += 1


@task(top_level=True)
def main():
    n = 40000
    a = Region([n], {'v': int64})
    b = Region([n], {'v': int64})
    c = Region([n], {'v': int64})
    init(a, 1)  # proved: the first use of a
    init(b, 2)  # proved
    print('a', total(a).get(), 'b', total(b).get())  # wait for the inits
    acc = 0
    for k in range(20):
        s = total(c)  # not proved: the previous iteration's bump(c) writes c
        bump(c)
        acc += s.get()
        if k % 5 == 4:
            print('after', k + 1, 'bumps:', acc)
    print('c', acc, total(c).get())


if __name__ == '__main__':
    main()
