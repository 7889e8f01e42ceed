# RUN: not %pyc-task check %s 2>&1 | FileCheck %s
def f(n: int) -> int:
    # CHECK: {{.*}}syntax_bad_char.py:[[@LINE+1]]:14: error: invalid syntax: unexpected '$'
    return n $ 2
