from pyc_task import kernel, int64


@kernel
def f(n: ")", m: "", k: "#") -> "(":
    x: "TIR verifier" = 1
    return n
