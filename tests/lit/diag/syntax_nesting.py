# RUN: %python -c "print('x = ' + '(' * 300 + '1' + ')' * 300)" > %t.py
# RUN: not %pyc-task check %t.py 2>&1 | FileCheck %s
# CHECK: {{.*}}.py:1:{{[0-9]+}}: error: expression nested too deeply (limit 200)
