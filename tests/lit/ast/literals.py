# RUN: %pyc-task ir %s --stage=ast | FileCheck %s
# Literals: integer bases and underscores, overflow, floats, strings with
# escapes and concatenation, raw strings, f-strings with conversions/specs.
a = 0x_ff + 0o17 + 0b1_0 + 1_000
b = 18446744073709551615 + 18446744073709551616
c = 1e10 + .5 + 5. + 1_0.2_5
d = 'tab\there' "\x41\u20ac" r'\n'
e = f"{x!r:>10.3f} {{lit}} {n:,}"
f = True, False, None
g = b'bytes', 3j

# CHECK: value (binop + (binop + (binop + (int 255) (int 15)) (int 2)) (int 1000))
# CHECK: value (binop + (int 18446744073709551615) (int overflow))
# CHECK: value (binop + (binop + (binop + (float 1e+10) (float 0.5)) (float 5.0)) (float 10.25))
# CHECK: value (str "tab\there{{A€}}\\n")
# CHECK: value (fstr (field (name x) !r :">10.3f") " {lit} " (field (name n) :","))
# CHECK: value (tuple (bool True) (bool False) (None))
# CHECK: value (tuple (unsupported "bytes literal") (unsupported "complex literal"))
