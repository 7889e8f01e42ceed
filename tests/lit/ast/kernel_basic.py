# RUN: %pyc-task ir %s --stage=ast | FileCheck %s
# The AST of a typical kernel: imports, decorators, the three array
# annotation spellings, prange loop, augmented assignment on an element.
import numpy as np
import pyc_task as pt
from pyc_task import kernel, task, prange, Array, float64


@kernel
def saxpy(a: float64, x: pt.float64[:], y: Array[float64, 1], out: 'float64[:, ::1]') -> None:
    for i in prange(x.shape[0]):
        y[i] += a * x[i]


@task(top_level=True)
def main():
    n = 10
    x = np.zeros(n, dtype=np.float64)
    saxpy(2.0, x, x, x)


if __name__ == '__main__':
    main()

# CHECK-LABEL: module "{{.*}}kernel_basic.py"
# CHECK-NEXT:   import numpy as np @4:8
# CHECK-NEXT:   import pyc_task as pt @5:8
# CHECK-NEXT:   from pyc_task import kernel as kernel @6:22
# CHECK:        from pyc_task import float64 as float64 @6:51
# CHECK-NEXT:   def saxpy @10:5
# CHECK-NEXT:     decorator (name kernel)
# CHECK-NEXT:     param a: (name float64) @10:11
# CHECK-NEXT:     param x: (subscript (attr (name pt) float64) (slice _ _ _)) @10:23
# CHECK-NEXT:     param y: (subscript (name Array) (name float64) (int 1)) @10:41
# CHECK-NEXT:     param out: (subscript (name float64) (slice _ _ _) (slice _ _ (int 1))) @10:63
# CHECK-NEXT:     returns (None)
# CHECK-NEXT:     body
# CHECK-NEXT:       for @11:5
# CHECK-NEXT:         target (name i)
# CHECK-NEXT:         iter (call (name prange) (subscript (attr (name x) shape) (int 0)))
# CHECK-NEXT:         body
# CHECK-NEXT:           augassign + @12:9
# CHECK-NEXT:             target (subscript (name y) (name i))
# CHECK-NEXT:             value (binop * (name a) (subscript (name x) (name i)))
# CHECK-NEXT:   def main @16:5
# CHECK-NEXT:     decorator (call (name task) (kw top_level (bool True)))
# CHECK-NEXT:     body
# CHECK-NEXT:       assign @17:5
# CHECK-NEXT:         target (name n)
# CHECK-NEXT:         value (int 10)
# CHECK-NEXT:       assign @18:5
# CHECK-NEXT:         target (name x)
# CHECK-NEXT:         value (call (attr (name np) zeros) (name n) (kw dtype (attr (name np) float64)))
# CHECK-NEXT:       expr (call (name saxpy) (float 2.0) (name x) (name x) (name x)) @19:5
# CHECK-NEXT:   toplevel
# CHECK-NEXT:     if @22:1
# CHECK-NEXT:       cond (compare (name __name__) == (str "__main__"))
# CHECK-NEXT:       then
# CHECK-NEXT:         expr (call (name main)) @23:5
