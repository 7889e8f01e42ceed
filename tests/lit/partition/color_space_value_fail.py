# A color space kept in a variable (cs = P.color_space) lives in the
# function that reads it: a variable holds color spaces of one number of
# color axes, and a color space is not passed to a task or kernel, returned,
# put in a tuple or printed. Each is a compile error naming it.
# RUN: not %pyc-task check %s 2>&1 | FileCheck %s
from pyc_task import task, kernel, fieldspace, int64, Region, R
from pyc_task import Partition


@fieldspace
class Cell:
    k: int64


@task
def count(n: int64) -> int64:
    return n


@kernel
def twice(n: int64) -> int64:
    return 2 * n


@task(privileges=[R])
def colors(b: Region[Cell]):
    p = Partition.equal(b, [2])
    # CHECK: color_space_value_fail.py:[[@LINE+1]]:12: error: 'colors' returns a color space, which compiled code does not pass between functions; return len(...) or the values you need
    return p.color_space


@task(top_level=True)
def main():
    g = Region([12], Cell)
    p = Partition.equal(g, [3])
    g2 = Region([4, 6], Cell)
    p2 = Partition.equal(g2, [2, 3])
    c1 = p.color_space
    cs = p.color_space
    # CHECK: color_space_value_fail.py:[[@LINE+3]]:14: error: variable 'cs' changes type from ColorSpace[1] to ColorSpace[2]
    # CHECK: color_space_value_fail.py:[[@LINE-2]]:5: note: 'cs' first assigned here as ColorSpace[1]
    if len(p) > 2:
        cs = p2.color_space
    # CHECK: color_space_value_fail.py:[[@LINE+1]]:11: error: argument 1 of 'count' has type ColorSpace[1], but parameter 'n' is int64
    count(c1)
    # CHECK: color_space_value_fail.py:[[@LINE+1]]:11: error: argument 1 of 'twice' has type ColorSpace[1], but parameter 'n' is int64
    twice(c1)
    # CHECK: color_space_value_fail.py:[[@LINE+1]]:10: error: a color space cannot be a tuple element in compiled code (keep it in a variable: cs = P.color_space)
    t = (c1, 1)
    # CHECK: color_space_value_fail.py:[[@LINE+1]]:11: error: print() in compiled code takes numbers, bools, tuples of them, string literals and f-strings; found ColorSpace[1]
    print(c1)
    # CHECK: color_space_value_fail.py:[[@LINE+1]]:10: error: the branches of a conditional expression have incompatible types ColorSpace[2] and ColorSpace[1]
    c3 = p2.color_space if len(p) > 1 else p.color_space
    # CHECK: color_space_value_fail.py:[[@LINE+1]]:9: error: a value of type ColorSpace[1] cannot be indexed
    x = c1[0]
