# The command line: usage errors exit 2 with a message and a short usage on
# stderr; help and version exit 0; an unreadable file is an error (exit 1).
# RUN: %python %S/Inputs/expect_rc.py 2 %pyc-task 2>&1 | FileCheck %s --check-prefix=NOCMD
# NOCMD: pyc-task: error: no command given
# NOCMD-NEXT: usage: pyc-task
# RUN: %python %S/Inputs/expect_rc.py 2 %pyc-task frobnicate %s 2>&1 | FileCheck %s --check-prefix=BADCMD
# BADCMD: pyc-task: error: unknown command 'frobnicate'
# RUN: %python %S/Inputs/expect_rc.py 2 %pyc-task check --frob %s 2>&1 | FileCheck %s --check-prefix=BADOPT
# BADOPT: pyc-task: error: unknown option '--frob'
# BADOPT-NEXT: usage: pyc-task check FILE
# RUN: %python %S/Inputs/expect_rc.py 2 %pyc-task check 2>&1 | FileCheck %s --check-prefix=NOFILE
# NOFILE: pyc-task: error: missing FILE
# RUN: %python %S/Inputs/expect_rc.py 2 %pyc-task check %s %s 2>&1 | FileCheck %s --check-prefix=TWO
# TWO: pyc-task: error: unexpected argument
# RUN: %python %S/Inputs/expect_rc.py 2 %pyc-task ir %s --stage=bogus 2>&1 | FileCheck %s --check-prefix=STAGE
# STAGE: pyc-task: error: unknown stage 'bogus' (stages: ast typed tir tir-opt taskgraph llvm llvm-opt asm)
# RUN: %python %S/Inputs/expect_rc.py 2 %pyc-task build %s 2>&1 | FileCheck %s --check-prefix=NOOUT
# NOOUT: pyc-task: error: missing -o PROG
# RUN: %python %S/Inputs/expect_rc.py 2 %pyc-task run -O7 %s 2>&1 | FileCheck %s --check-prefix=OPT
# OPT: pyc-task: error: unknown option '-O7'
# RUN: %python %S/Inputs/expect_rc.py 1 %pyc-task check %t.does-not-exist.py 2>&1 | FileCheck %s --check-prefix=NOENT
# NOENT: pyc-task: error: cannot open '{{.*}}does-not-exist.py': No such file or directory
# RUN: %python %S/Inputs/expect_rc.py 0 %pyc-task --version | FileCheck %s --check-prefix=VERSION
# VERSION: pyc-task {{[0-9]+\.[0-9]+\.[0-9]+}}
# RUN: %python %S/Inputs/expect_rc.py 0 %pyc-task --help | FileCheck %s --check-prefix=HELP
# HELP: Usage:
# HELP: pyc-task check FILE
# HELP: pyc-task ir FILE --stage=STAGE
# HELP: pyc-task run FILE
# HELP: pyc-task build FILE -o PROG
# RUN: %python %S/Inputs/expect_rc.py 0 %pyc-task ir --help | FileCheck %s --check-prefix=IRHELP
# IRHELP: Usage: pyc-task ir FILE --stage=STAGE
# IRHELP: tir-opt
# IRHELP: --stage=STAGE
# RUN: %python %S/Inputs/expect_rc.py 0 %pyc-task build -h | FileCheck %s --check-prefix=BUILDHELP
# BUILDHELP: -o PROG
