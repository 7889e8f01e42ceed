"""Task runtime benchmarks: builds bench_tasks.c against a built
libpyctask_rt.a and prints one table:

  empty task, 1 worker      launch-to-completion per task (10^6 tasks)
  Python ThreadPoolExecutor the same with 1 worker thread (fewer tasks)
  pair poly / pair saxpy    two independent 10^7-element kernels, 1 vs 2 workers
  prange saxpy              parallel_for over 10^8 doubles, 1 vs 2 workers

Usage: /usr/bin/python3 bench/tasks/run.py [--build build-tasks] [--quick]
"""
import argparse
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


def run(cmd, env=None):
    out = subprocess.run(cmd, capture_output=True, text=True, env=env, check=True)
    return float(out.stdout.split()[1])


def run_cpu(cmd):
    """(wall seconds, cpu seconds) of a pair/prange run."""
    out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout.split()
    return float(out[1]), float(out[3])


def load():
    with open("/proc/loadavg") as f:
        return f.read().split()[0]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--build", default=os.path.join(ROOT, "build"))
    ap.add_argument("--quick", action="store_true")
    args = ap.parse_args()
    lib = os.path.join(args.build, "lib", "libpyctask_rt.a")
    if not os.path.exists(lib):
        sys.exit(f"{lib} not found: build the pyctask_rt target first")
    outdir = os.path.join(ROOT, "bench", "out")
    os.makedirs(outdir, exist_ok=True)
    exe = os.path.join(outdir, "bench_tasks")
    subprocess.run(["cc", "-std=c11", "-O2", "-o", exe, os.path.join(HERE, "bench_tasks.c"),
                    "-I", os.path.join(ROOT, "runtime", "include"), lib, "-lm", "-lpthread"],
                   check=True)
    n_empty = 100000 if args.quick else 1000000
    n_py = 20000 if args.quick else 200000
    n_pair = 1000000 if args.quick else 10000000
    n_prange = 10000000 if args.quick else 100000000
    rows = []
    load0 = load()
    c1 = run([exe, "empty", str(n_empty), "1"])
    rows.append(("empty task, pyc runtime, 1 worker", f"{c1:.0f} ns/task", f"{n_empty} tasks"))
    py = run(["/usr/bin/python3", os.path.join(HERE, "py_pool.py"), str(n_py), "1"])
    rows.append(("empty task, ThreadPoolExecutor(1)", f"{py:.0f} ns/task",
                 f"{n_py} tasks; {py / c1:.1f}x the runtime's"))
    def scaling(label, mode, n, *extra):
        t1, _ = run_cpu([exe, mode, str(n), "1", *extra])
        t2, c2 = run_cpu([exe, mode, str(n), "2", *extra])
        rows.append((label, f"{t1 * 1e3:.1f} -> {t2 * 1e3:.1f} ms",
                     f"speedup {t1 / t2:.2f}x; cores used at 2 workers {c2 / t2:.2f}"))

    for kernel in ("poly", "saxpy"):
        scaling(f"pair of {kernel} tasks (10^{len(str(n_pair)) - 1}), 1 -> 2 workers",
                "pair", n_pair, kernel)
    scaling(f"prange saxpy (10^{len(str(n_prange)) - 1}), 1 -> 2 workers", "prange", n_prange)
    print(f"load average before the run: {load0} (after: {load()}) on {os.cpu_count()} cores")
    w = [max(len(r[i]) for r in rows) for i in range(3)]
    print(f"{'benchmark':<{w[0]}}  {'time':<{w[1]}}  note")
    for r in rows:
        print(f"{r[0]:<{w[0]}}  {r[1]:<{w[1]}}  {r[2]}")


if __name__ == "__main__":
    main()
