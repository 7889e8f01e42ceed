# Typed AST: names imported from math/pyc_task, module constants (SYM_CONST),
# numeric constructors (CALL_CAST), fieldspace-free struct-less code, print
# keywords, f-string fields.
# RUN: %pyc-task ir %s --stage=typed | FileCheck %s
import numpy as np
import pyc_task as pt
from math import sqrt, pi, floor
from pyc_task import kernel, float64, int64, int32, uint8
from pyc_task.types import float32

LIMIT = 10
SCALE = 2.5

# CHECK-LABEL: def casts
# CHECK: local a : f64
# CHECK: local b : f32
# CHECK: local c : u8
# CHECK: (call (attr (name np module) float64 module) (name x param : f64) cast : f64)
# CHECK: (call (attr (name pt module) int32 module) (int 3 : i64) cast : i32)
# CHECK: (call (name float32 type) (float 1.5 : f64) cast : f32)
# CHECK: (binop + (call (name uint8 type) (int 200 : i64) cast : u8) (int 100 : i64) opty=u8 : u8)
# CHECK: (fstr (field (name x param : f64) !r :">10") " " (field (name a local : f64) :"+.2e") : str)
# CHECK-SAME: (kw sep (str "" : str))
# CHECK: builtin:math.sqrt : f64
# CHECK-SAME: (name pi const : f64)
# CHECK-SAME: builtin:math.floor : i64
# CHECK-SAME: (name LIMIT const : i64) (name SCALE const : f64)
@kernel
def casts(x: float64) -> float64:
    a = np.float64(x) + pt.int32(3)
    b = float32(1.5) * 2.0
    c = uint8(200) + 100
    print(f"{x!r:>10} {a:+.2e}", c, sep="")
    return sqrt(a) * pi + floor(b) + LIMIT * SCALE
