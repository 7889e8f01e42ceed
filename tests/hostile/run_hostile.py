#!/usr/bin/python3
"""Hostile-input tests of the pyc-task command (docs/reliability.md).

Generates each input in a temporary directory at test time (nothing big is
committed), runs `pyc-task check` on it (`build` for the no-execution test)
under a wall-clock timeout and, unless --no-memory-limit (sanitizer builds
reserve terabytes of virtual memory), an address-space limit, and checks:
the exit status is the expected one (1 for a diagnostic, 0 where the input is
valid Python), never a crash (a signal or status >= 128), the expected
diagnostic text appears, and time and peak memory stay bounded. Prints one
line per case (its time and memory, for the table in docs/reliability.md) and
ends with `N passed, N failed`.

  tests/hostile/run_hostile.py --pyc-task build/bin/pyc-task [-v] [NAME...]
"""
import argparse
import os
import random
import resource
import subprocess
import sys
import tempfile
import time

HEADER = b"from pyc_task import kernel, task, int64, float64\n\n\n"


def kernel_body(lines):
    """A @kernel whose body is the given (already indented) lines."""
    return HEADER + b"@kernel\ndef f(n: int64) -> int64:\n" + lines + b"    return n\n"


def nested_blocks(n):
    return b"".join(b" " * i + b"if True:\n" for i in range(n)) + b" " * n + b"pass\n"


def elf_bytes():
    with open("/bin/true", "rb") as f:
        return f.read()


def random_bytes():
    rng = random.Random(6)
    return bytes(rng.randrange(256) for _ in range(200000))


NOEXEC = b'''import os
from pyc_task import kernel, task, int64

# Module-level code: CPython runs it on import; the compiler must never.
open(os.environ["PYC_NOEXEC_MARKER"], "w").write("module code ran\\n")


@kernel
def f(n: int64) -> int64:
    return n + 1


@task(top_level=True)
def main() -> None:
    print(f(41))


if __name__ == '__main__':
    main()
'''

# (name, what, generator, command, expected statuses, expected text or None)
CASES = [
    ("parens_10k", "10,000 nested parentheses",
     lambda: kernel_body(b"    x = " + b"(" * 10000 + b"1" + b")" * 10000 + b"\n"),
     "check", {1}, "nested too deeply"),
    ("brackets_10k", "10,000 nested list brackets",
     lambda: kernel_body(b"    x = " + b"[" * 10000 + b"]" * 10000 + b"\n"),
     "check", {1}, "nested too deeply"),
    ("blocks_10k", "10,000 nested blocks (a 50 MB file)",
     lambda: nested_blocks(10000), "check", {1}, "nested too deeply"),
    ("blocks_1k_kernel", "1,000 nested blocks in a kernel",
     lambda: HEADER + b"@kernel\ndef f(n: int64) -> int64:\n" + b"".join(
         b" " * (4 + i) + b"if n > 0:\n" for i in range(1000)) + b" " * 1004 + b"n += 1\n"
     + b"    return n\n", "check", {1}, "nested too deeply"),
    ("blocks_90_kernel", "90 nested blocks in a kernel (under the limit: compiles to asm)",
     lambda: HEADER + b"@kernel\ndef f(n: int64) -> int64:\n" + b"".join(
         b" " * (4 + i) + b"if n > 0:\n" for i in range(90)) + b" " * 94 + b"n += 1\n"
     + b"    return n\n", "asm", {0}, None),
    ("elif_10k", "an if with 10,000 elif branches",
     lambda: kernel_body(b"    if n == 0:\n        n = 1\n" + b"".join(
         b"    elif n == %d:\n        n = %d\n" % (i, i) for i in range(1, 10000))),
     "check", {1}, "nested too deeply"),
    ("and_10k", "10,000 operands of one 'and'",
     lambda: kernel_body(b"    x = n" + b" and n" * 10000 + b"\n"), "check", {1}, "at most 256"),
    ("compare_10k", "a chained comparison of 10,000 operators",
     lambda: kernel_body(b"    x = n" + b" < n" * 10000 + b"\n"), "check", {1}, "at most 256"),
    ("tuple_10k", "a 10,000-element tuple",
     lambda: kernel_body(b"    x = (" + b"n, " * 10000 + b")\n"), "check", {1}, "at most 100"),
    ("indent_300", "a line indented 300 columns",
     lambda: kernel_body(b"    if n > 0:\n" + b" " * 300 + b"n -= 1\n"), "check", {1},
     "wider than 255"),
    ("call_chain_20k", "20,000 kernels, each returning the next one's result (no annotations)",
     lambda: HEADER + b"".join(b"@kernel\ndef f%d(n: int64):\n    return f%d(n) + 1\n\n" % (i, i + 1)
                               for i in range(20000)) + b"@kernel\ndef f20000(n: int64):\n    return n\n",
     "check", {1}, "nested function checks"),
    ("cr_line_ends", "old Mac line ends (CR only)",
     lambda: kernel_body(b"    x = 1\n").replace(b"\n", b"\r"), "check", {1}, "invalid syntax"),
    ("huge_int", "a 100,000-digit integer literal",
     lambda: kernel_body(b"    x = " + b"9" * 100000 + b"\n"), "check", {1}, "does not fit in int64"),
    ("huge_float", "a 1e999999 float literal (inf, as in CPython)",
     lambda: HEADER + b"@kernel\ndef f() -> float64:\n    return 1" + b"0" * 5000
     + b".5e999999\n", "check", {0}, None),
    ("line_1mb_expr", "a 1 MB single line: 1 + 1 + ... + 1",
     lambda: kernel_body(b"    x = " + b"1 + " * 262144 + b"1\n"), "check", {1}, "nested too deeply"),
    ("line_1mb_list", "a 1 MB single line: a flat list of 400,000 items (module level)",
     lambda: b"x = [" + b"0," * 400000 + b"0]\n", "check", {0}, None),
    ("line_1mb_string", "a 1 MB single-line string printed by main()",
     lambda: HEADER + b"@task(top_level=True)\ndef main() -> None:\n    print(\"" + b"a" * (1 << 20)
     + b"\")\n", "check", {0}, None),
    ("stmts_70k", "70,000 module-level statements (more than 65,536 children)",
     lambda: b"x = 1\n" * 70000, "check", {0}, None),
    ("comments_70k", "70,000 comment lines (libtree-sitter 0.20.7 double-free trigger)",
     lambda: b"#\n" * 70000, "check", {1}, "consecutive comments"),
    ("errors_300k", "300 KB of syntax errors (libtree-sitter error-recovery trigger)",
     lambda: b"a[:] $ ) : float64[:] " * 14000 + b"\n", "check", {1}, "error"),
    ("nul_bytes", "NUL bytes in a kernel",
     lambda: kernel_body(b"    x = 1\x00\x00\n"), "check", {1}, "unexpected"),
    ("invalid_utf8", "invalid UTF-8 in a string literal",
     lambda: kernel_body(b'    print("\xff\xfe\xc3\x28")\n'), "check", {1}, "invalid UTF-8"),
    ("overlong_utf8", "an overlong UTF-8 encoding of '/' in a comment",
     lambda: b"# \xc0\xaf\nx = 1\n", "check", {1}, "invalid UTF-8"),
    ("elf", "an ELF executable (/bin/true)", elf_bytes, "check", {1}, "error"),
    ("random_bytes", "200 KB of random bytes", random_bytes, "check", {1}, "error"),
    ("empty", "an empty file (valid Python: nothing to check)", lambda: b"", "check", {0}, None),
    ("empty_build", "an empty file, built (no main())", lambda: b"", "build", {1}, "has no main"),
    ("c_source", "C source",
     lambda: b"#include <stdio.h>\nint main(void) { printf(\"hi\\n\"); return 0; }\n",
     "check", {1}, "invalid syntax"),
    ("json", "JSON (also a valid Python expression statement)",
     lambda: b'{"a": [1, 2.5, {"b": null}], "c": true}\n', "check", {0}, None),
    ("json_build", "JSON, built (no main())",
     lambda: b'{"a": [1, 2.5, {"b": null}], "c": true}\n', "build", {1}, "has no main"),
    ("noexec", "module-level code that writes a file: never executed by check/build/ir",
     lambda: NOEXEC, "noexec", {0}, None),
]


def limit_memory(mb):
    def fn():
        resource.setrlimit(resource.RLIMIT_AS, (mb << 20, mb << 20))
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    return fn


def run(cmd, env, args, tmp):
    """(status or "timeout", output, seconds, peak RSS in MB) of one command.
    The peak RSS comes from GNU time (/usr/bin/time -f %M) when installed."""
    pre = None if args.no_memory_limit else limit_memory(args.memory_mb)
    memfile = os.path.join(tmp, "maxrss.txt")
    timer = ["/usr/bin/time", "-q", "-f", "%M", "-o", memfile] if os.path.exists("/usr/bin/time") else []
    t0 = time.monotonic()
    try:
        p = subprocess.run(timer + cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env,
                           preexec_fn=pre, timeout=args.timeout)
        rc, out = p.returncode, p.stdout.decode("utf-8", "replace")
    except subprocess.TimeoutExpired:
        rc, out = "timeout", ""
    secs = time.monotonic() - t0
    mem = 0
    try:
        with open(memfile) as f:
            mem = int(f.read().split()[-1]) // 1024
    except (OSError, ValueError, IndexError):
        pass
    if timer and isinstance(rc, int) and rc > 128 and "Command terminated by signal" in open(memfile).read():
        rc = -(rc - 128)
    return rc, out, secs, mem


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pyc-task", required=True)
    ap.add_argument("--timeout", type=float, default=60.0, help="seconds per case (default 60)")
    ap.add_argument("--memory-mb", type=int, default=2048, help="address-space limit (default 2048)")
    ap.add_argument("--no-memory-limit", action="store_true", help="for ASan builds")
    ap.add_argument("-v", "--verbose", action="store_true")
    ap.add_argument("names", nargs="*")
    args = ap.parse_args()
    exe = os.path.abspath(args.pyc_task)
    passed = failed = 0
    with tempfile.TemporaryDirectory(prefix="pyc-hostile-") as tmp:
        for name, what, gen, mode, want, text in CASES:
            if args.names and name not in args.names:
                continue
            src = os.path.join(tmp, name + ".py")
            with open(src, "wb") as f:
                f.write(gen())
            env = dict(os.environ)
            marker = os.path.join(tmp, name + ".marker")
            env["PYC_NOEXEC_MARKER"] = marker
            problems = []
            if mode == "noexec":
                outs = []
                for cmd in (["check", src], ["ir", "--stage=asm", src],
                            ["build", src, "-o", os.path.join(tmp, "noexec.exe")],
                            ["run", src]):
                    rc, out, secs, mem = run([exe] + cmd, env, args, tmp)
                    outs.append(out)
                    if rc != 0:
                        problems.append("%s: status %s" % (cmd[0], rc))
                out = "".join(outs)
                if os.path.exists(marker):
                    problems.append("the module-level code ran (the marker file exists)")
            else:
                cmd = [exe, mode, src]
                if mode == "build":
                    cmd += ["-o", os.path.join(tmp, name + ".exe")]
                elif mode == "asm":
                    cmd = [exe, "ir", "--stage=asm", src]
                rc, out, secs, mem = run(cmd, env, args, tmp)
                if rc == "timeout":
                    problems.append("timed out after %.0f s" % args.timeout)
                elif rc < 0 or rc >= 128:
                    problems.append("CRASH: status %d" % rc)
                elif rc not in want:
                    problems.append("status %d, expected %s" % (rc, sorted(want)))
                if text and text not in out:
                    problems.append("output lacks %r" % text)
                if "Sanitizer" in out or "runtime error:" in out:
                    problems.append("sanitizer report")
            first = next((ln for ln in out.splitlines() if "error" in ln), "")[:110]
            status = "ok  " if not problems else "FAIL"
            print("%s %-18s rc=%-4s %6.2f s %5d MB  %s" % (status, name, rc, secs, mem, first or "-"))
            if problems or args.verbose:
                for pr in problems:
                    print("     problem: " + pr)
                if problems:
                    print("     " + "\n     ".join(out.splitlines()[:8]))
            if problems:
                failed += 1
            else:
                passed += 1
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
