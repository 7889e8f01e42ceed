# Typed AST: numpy creation (dtype, shape rank), .shape tuples, element
# subscripts, tuple subscripts with a negative constant index (normalized).
# RUN: %pyc-task ir %s --stage=typed | FileCheck %s
import numpy as np
import pyc_task as pt
from pyc_task import kernel, float64, int64, Array

# CHECK-LABEL: def arrays
# CHECK: local m : array<f64,2,C>
# CHECK: local k : array<i64,1,C>
# CHECK: local t : tuple<i64,i64>
# CHECK: local r : array<f64,1,C>
# CHECK: local q : array<i32,3,C>
# CHECK: builtin:numpy.zeros : array<f64,2,C>
# CHECK: builtin:numpy.arange : array<i64,1,C>
# CHECK: (attr (name m local : array<f64,2,C>) shape shape : tuple<i64,i64>)
# CHECK: builtin:numpy.arange : array<f64,1,C>
# CHECK: builtin:numpy.full : array<i32,3,C>
# CHECK: target (subscript (name m local : array<f64,2,C>) (int 0 : i64) (int 1 : i64) element : f64)
# CHECK: tuple#1 : i64


@kernel
def arrays(n: int64) -> float64:
    m = np.zeros((n, 3))
    k = np.arange(n)
    t = m.shape
    r = np.arange(0.0, 1.0, 0.25)
    q = np.full((2, 2, 2), 7, dtype=np.int32)
    m[0, 1] = k[0]
    return m[0, 1] + t[-1]


# CHECK-LABEL: def params
# CHECK: param a: {{.*}} : array<f64,1> @
# CHECK: param b: {{.*}} : array<f64,2,C> @
# CHECK: param c: {{.*}} : array<i64,2> @
# CHECK: param d: {{.*}} : array<f32,1,C> @
@kernel
def params(a: pt.float64[:], b: pt.float64[:, ::1], c: Array[int64, 2], d: 'float32[::1]') -> float64:
    return a[0] + b[0, 0] + c[0, 0] + d[0]
