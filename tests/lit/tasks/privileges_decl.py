# Errors in privilege declarations: missing, wrong count, unknown field,
# unknown privilege, bad reduction operator.
# RUN: not %pyc-task check %s 2>&1 | FileCheck %s
from pyc_task import task, fieldspace, float64, Region, R, RW, Reduce


@fieldspace
class Cell:
    u: float64


# CHECK: privileges_decl.py:[[@LINE+2]]:5: error: task 'a' takes regions but declares no privileges; add @task(privileges=[...]) with one privilege per region parameter
@task
def a(r: Region[Cell]) -> None:
    pass


# CHECK: privileges_decl.py:[[@LINE+1]]:18: error: task 'b' has 2 region parameters but 1 privilege
@task(privileges=[R])
def b(r: Region[Cell], s: Region[Cell]) -> None:
    pass


# CHECK: privileges_decl.py:[[@LINE+1]]:21: error: field space 'Cell' has no field 'v'
@task(privileges=[R('v')])
def c(r: Region[Cell]) -> None:
    pass


# CHECK: privileges_decl.py:[[@LINE+1]]:26: error: Reduce takes an operator first: Reduce('+'), '*', 'min' or 'max'
@task(privileges=[Reduce('-', 'u')])
def d(r: Region[Cell]) -> None:
    pass


# CHECK: privileges_decl.py:[[@LINE+1]]:19: error: a privilege is R, RW, WD, N or Reduce(op), optionally with fields (R('x', 'y')); found 'W'
@task(privileges=[W])
def e(r: Region[Cell]) -> None:
    pass
