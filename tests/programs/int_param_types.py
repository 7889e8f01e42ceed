# Tests: parameters and returns of every integer width, bool, float32 conversions (values in range).
import pyc_task as pt
from pyc_task import kernel, task, int8, int16, int32, int64, uint8, uint16, uint32, uint64, float32, float64


@kernel
def add8(a: int8, b: int8) -> int8:
    return a + b


@kernel
def add16(a: int16, b: int16) -> int16:
    return a + b


@kernel
def mul32(a: int32, b: int32) -> int32:
    return a * b


@kernel
def addu8(a: uint8, b: uint8) -> uint8:
    return a + b


@kernel
def addu16(a: uint16, b: uint16) -> uint16:
    return a + b


@kernel
def mulu32(a: uint32, b: uint32) -> uint32:
    return a * b


@kernel
def addu64(a: uint64, b: uint64) -> uint64:
    return a + b


@kernel
def short_names(a: pt.i32, b: pt.i64, c: pt.f64, d: pt.u16) -> pt.f64:
    return a + b + c + d


@kernel
def widen(a: int8, b: int64) -> int64:
    return a * b


@kernel
def to_f32_and_back(x: float64) -> float64:
    y = pt.float32(x)
    return float(y)


@kernel
def flag(a: bool, b: bool) -> bool:
    return a != b


@task(top_level=True)
def main():
    print(add8(100, 27), add8(-100, -28), add16(30000, 2767), mul32(46340, 46340))
    print(addu8(200, 55), addu16(60000, 5535), mulu32(65535, 65537), addu64(9223372036854775807, 100))
    print(short_names(1, 2, 0.5, 3), widen(-3, 1000000000000))
    print(to_f32_and_back(0.1), to_f32_and_back(1.5), to_f32_and_back(16777217.0))
    print(flag(True, False), flag(True, True))


if __name__ == '__main__':
    main()
