# RUN: not %pyc-task check %s 2>&1 | FileCheck %s
def f(n: int) -> int:
    # CHECK: {{.*}}syntax_mismatch.py:[[@LINE+1]]:18: error: closing parenthesis ')' does not match opening parenthesis '['
    x = [n, n + 1)
    return n
