# Tests: int() float() bool() conversions and pt.<type>() converters with truncation and wrapping.
import pyc_task as pt
from pyc_task import kernel, task, int64, float64


@kernel
def conv(x: float64) -> None:
    print(x, int(x), bool(x), pt.int64(x), pt.int32(x), pt.int8(x), pt.uint8(x))


@task(top_level=True)
def main():
    conv(3.7)
    conv(-3.7)
    conv(0.0)
    conv(-0.0)
    conv(200.0)
    conv(-129.5)
    conv(1e10)
    print(float(3), float(-2), float(0), int(True), int(False), bool(0), bool(-1))
    print(pt.float64(2), pt.float64(7) / 2, pt.int64(2.9999), pt.int16(40000), pt.uint16(-1))
    print(pt.uint32(4294967296 + 5), pt.int32(2147483648), pt.uint64(5), pt.bool_(0), pt.bool_(2))
    n = int(7.9) + int(-7.9)
    x = float(n) + 0.5
    print(n, x)


if __name__ == '__main__':
    main()
