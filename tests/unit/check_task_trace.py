"""Runs rt_task_trace with PYC_TASK_TRACE set and checks the Chrome trace:
valid JSON, one complete ("X") event per task and per parallel_for chunk,
with the names given at launch, tids in 0..threads-1, non-negative ts/dur,
and the events of one worker never overlapping."""
import json
import os
import subprocess
import sys
import tempfile


def main():
    exe = sys.argv[1]
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "trace.json")
        env = dict(os.environ, PYC_TASK_TRACE=path, PYC_TASK_THREADS="2")
        out = subprocess.run([exe], env=env, capture_output=True, text=True, timeout=120)
        assert out.returncode == 0, out.stderr
        assert out.stdout.strip() == "sum 393750.0 prange 499999500000.0", out.stdout
        with open(path) as f:
            doc = json.load(f)
    ev = [e for e in doc["traceEvents"] if e["ph"] == "X"]
    names = {}
    for e in ev:
        names[e["name"]] = names.get(e["name"], 0) + 1
        assert e["tid"] in (0, 1) and e["ts"] >= 0 and e["dur"] >= 0, e
    want = {"fill": 1, "work": 10, "sum": 5, "prange": 8}
    assert names == want, names
    for tid in (0, 1):
        mine = sorted((e["ts"], e["dur"]) for e in ev if e["tid"] == tid)
        for (a, da), (b, _) in zip(mine, mine[1:]):
            assert a + da <= b + 0.002, (a, da, b)
    meta = [e for e in doc["traceEvents"] if e["ph"] == "M" and e["name"] == "thread_name"]
    assert len(meta) == 2
    print("trace ok:", names)


if __name__ == "__main__":
    main()
