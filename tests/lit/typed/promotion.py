# Typed AST: numpy promotion with weak Python literals (NEP 50), true
# division of ints, int ** negative literal, math.floor -> int64, and the
# return type inferred from the tuple returned.
# RUN: %pyc-task ir %s --stage=typed | FileCheck %s
import math
from pyc_task import kernel, float64, int64, int32, float32, uint8

# CHECK-LABEL: def promote
# CHECK-SAME: -> tuple<i32,f32,f64,f64,i64,i64,f64,i32>
# CHECK: local x : i32
# CHECK: local y : f32
# CHECK: local z : f64
# CHECK: local w : f64
# CHECK: local v : i64
# CHECK: local f : i64
# CHECK: local g : f64
# CHECK: local h : i32
# CHECK: (binop + (name a param : i32) (int 1 : i64) opty=i32 : i32)
# CHECK: (binop * (name b param : f32) (float {{2(\.0)?}} : f64) opty=f32 : f32)
# CHECK: (binop / (name n param : i64) (int 2 : i64) opty=f64 : f64)
# CHECK: (binop ** (name n param : i64) (unary - (int 1 : i64) : i64) opty=f64 : f64)
# CHECK: (binop + (name a param : i32) (name n param : i64) opty=i64 : i64)
# CHECK: builtin:math.floor : i64
# CHECK: (binop * (name a param : i32) (name b param : f32) opty=f64 : f64)
# CHECK: (binop - (name u param : u8) (name a param : i32) opty=i32 : i32)


@kernel
def promote(a: int32, b: float32, n: int64, u: uint8):
    x = a + 1
    y = b * 2.0
    z = n / 2
    w = n ** -1
    v = a + n
    f = math.floor(2.5)
    g = a * b
    h = u - a
    return x, y, z, w, v, f, g, h
