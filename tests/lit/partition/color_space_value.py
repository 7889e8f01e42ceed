# P.color_space is not a value in compiled code: kept in a variable, it is
# an error (at lowering) naming where it may be used.
# RUN: not %pyc-task ir %s --stage=tir 2>&1 | FileCheck %s
from pyc_task import task, fieldspace, int64, Region, Partition


@fieldspace
class Cell:
    k: int64


@task(top_level=True)
def main():
    g = Region([12], Cell)
    p = Partition.equal(g, [3])
    # CHECK: color_space_value.py:[[@LINE+1]]:10: error: a color space is used in `for c in P.color_space`, IndexLaunch(P.color_space), index_launch(P.color_space, ...), Partition.equal(R, P.color_space), len(...), .volume and .bounds in compiled code (it is not a value)
    cs = p.color_space
