# RUN: %pyc-task ir %s --stage=ast | FileCheck %s
# Constructs outside the subset parse into EX_UNSUPPORTED / ST_UNSUPPORTED
# nodes (not errors: the checker decides, and they are fine in Python-only code).
import math


def f(xs):
    ys = [x * 2 for x in xs]
    g = lambda v: v + 1
    s = {1, 2}
    d = {'x': 1.0}
    try:
        pass
    except ValueError:
        pass
    with open('f') as fh:
        pass
    global q
    del ys
    import os
    def inner():
        pass
    class Local:
        pass
    print(*xs, sep='')
    return (n := 3)


async def h():
    await f(1)

# CHECK:      def f @7:5
# CHECK:        value (unsupported "list comprehension")
# CHECK:        value (unsupported "lambda")
# CHECK:        value (unsupported "set display")
# CHECK:        value (dict ((str "x") (float 1.0)))
# CHECK-NEXT:   unsupported "try statement" @12:5
# CHECK-NEXT:   unsupported "with statement" @16:5
# CHECK-NEXT:   unsupported "global statement" @18:5
# CHECK-NEXT:   unsupported "del statement" @19:5
# CHECK-NEXT:   import-stmt @20:5
# CHECK-NEXT:   def inner @21:9
# CHECK-NEXT:     body
# CHECK-NEXT:       pass @22:9
# CHECK-NEXT:   unsupported "class definition inside a function" @23:5
# CHECK-NEXT:   expr (call (name print) (unsupported "*args argument") (kw sep (str ""))) @25:5
# CHECK-NEXT:   return (unsupported "assignment expression (walrus operator)") @26:5
# CHECK-NEXT: def h @29:11 [async]
# CHECK-NEXT:   body
# CHECK-NEXT:     expr (unsupported "await expression") @30:5
