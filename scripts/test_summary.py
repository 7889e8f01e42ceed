#!/usr/bin/python3
"""Summarize the test suites run by scripts/test.sh.

Reads the JUnit XML of ctest and lit and the output of the differential
runner (its last "N passed, N failed" line), prints one line per suite and a
final line "N passed, N failed". A suite that exited non-zero without any
counted failure (crash, missing results) counts as one failure. Exit status 1
when anything failed.
"""
import argparse
import os
import re
import sys
import xml.etree.ElementTree as ET


def junit_counts(path):
    """(passed, failed, skipped, failed test names) from a JUnit XML file, or None."""
    if not path or not os.path.isfile(path):
        return None
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError:
        return None
    passed = failed = skipped = 0
    names = []
    for case in root.iter("testcase"):
        if case.find("failure") is not None or case.find("error") is not None:
            failed += 1
            names.append(case.get("name", "?"))
        elif case.find("skipped") is not None:
            skipped += 1
        else:
            passed += 1
    return passed, failed, skipped, names


def text_counts(path):
    """(passed, failed, skipped, []) from the last 'N passed, N failed' line of a log."""
    if not path or not os.path.isfile(path):
        return None
    found = None
    with open(path, errors="replace") as f:
        for line in f:
            m = re.search(r"(\d+) passed, (\d+) failed(?:, (\d+) skipped)?", line)
            if m:
                found = (int(m.group(1)), int(m.group(2)), int(m.group(3) or 0), [])
    return found


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    for suite in ("unit", "lit", "programs", "python"):
        ap.add_argument("--" + suite)
        ap.add_argument("--%s-rc" % suite, type=int, default=0)
    ap.add_argument("--build-rc", type=int, default=0)
    # More suites (scripts/test.sh: sanitizer builds, fuzzing, hostile input):
    # NAME junit|text RESULTS-FILE EXIT-STATUS, repeatable.
    ap.add_argument("--suite", nargs=4, action="append", default=[],
                    metavar=("NAME", "KIND", "FILE", "RC"))
    args = ap.parse_args()

    total_p = total_f = total_s = 0
    if args.build_rc:
        print("build:    FAILED (status %d)" % args.build_rc)
        total_f += 1
    suites = [(name, reader, getattr(args, name), getattr(args, name + "_rc"))
              for name, reader in (("unit", junit_counts), ("lit", junit_counts),
                                   ("programs", text_counts), ("python", junit_counts))]
    for name, kind, path, rc in args.suite:
        suites.append((name, junit_counts if kind == "junit" else text_counts, path, int(rc)))
    for suite, reader, path, rc in suites:
        counts = reader(path)
        if counts is None:
            counts = (0, 1 if rc else 0, 0, ["(suite exited %d without results)" % rc] if rc else [])
        p, f, s, names = counts
        if rc and f == 0:
            f, names = 1, names + ["(suite exited with status %d)" % rc]
        total_p, total_f, total_s = total_p + p, total_f + f, total_s + s
        line = "%-14s %d passed, %d failed" % (suite + ":", p, f)
        if s:
            line += ", %d skipped/unsupported" % s
        print(line)
        for n in names[:50]:
            print("    FAILED: %s" % n)
    print("%d passed, %d failed" % (total_p, total_f))
    return 1 if total_f else 0


if __name__ == "__main__":
    sys.exit(main())
