#!/usr/bin/env python3
"""Wall and CPU time of checks on the hostile inputs of tests/hostile, at
--timeout 1 and 2: a table for RESULTS.md (min and median wall time of
RUNS runs, median CPU time of the whole process, the exit statuses).

Usage: bench-hostile.py TOLLGATE [RUNS]
"""

import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

TOLLGATE = os.path.abspath(sys.argv[1])
RUNS = int(sys.argv[2]) if len(sys.argv) > 2 else 3


def policy(statements):
    return json.dumps({"Version": "2012-10-17", "Statement": statements})


def stmt(resource, **extra):
    s = {"Effect": "Allow", "Action": "s3:GetObject", "Resource": resource}
    s.update(extra)
    return s


INPUTS = {
    "small.json": lambda: policy([stmt("arn:aws:s3:::bucket/*")]),
    "lit1m.json": lambda: policy([stmt("arn:aws:s3:::" + "x" * 1000000)]),
    "stara.json": lambda: policy([stmt("arn:aws:s3:::" + "*a" * 500000)]),
    "stara-b.json": lambda: policy([stmt("arn:aws:s3:::" + "*a" * 499999)]),
    "lit100k.json": lambda: policy([stmt("arn:aws:s3:::" + "y" * 100000)]),
    "keys10k.json": lambda: policy([stmt("*", Condition={"StringEquals": {
        "aws:RequestTag/k%d" % i: "v%d" % i for i in range(10000)}})]),
    "stmts100k.json": lambda: policy(
        [stmt("arn:aws:s3:::bucket-%d/*" % i) for i in range(100000)]),
    "stmts20k.json": lambda: policy(
        [stmt("arn:aws:s3:::bucket-%d/*" % i) for i in range(20000)]),
}

CASES = [
    ("check no-new-access, 1 MB *a*a...",
     ["check", "no-new-access", "--baseline", "stara-b.json", "stara.json"]),
    ("check equivalent, 1 MB *a*a...",
     ["check", "equivalent", "stara-b.json", "stara.json"]),
    ("check equivalent, small / 1 MB literal",
     ["check", "equivalent", "small.json", "lit1m.json"]),
    ("check equivalent, 100 KB literal",
     ["check", "equivalent", "lit100k.json", "lit100k.json"]),
    ("check access-not-granted, 10,000 keys",
     ["check", "access-not-granted", "--action", "s3:GetObject",
      "keys10k.json"]),
    ("diff, small / 1 MB *a*a...", ["diff", "small.json", "stara.json"]),
    ("check equivalent, 100,000 / 20,000 statements",
     ["check", "equivalent", "stmts100k.json", "stmts20k.json"]),
]


def main():
    work = tempfile.mkdtemp(prefix="tollgate-bench-hostile-")
    try:
        for name, make in INPUTS.items():
            with open(os.path.join(work, name), "w") as f:
                f.write(make())
        print("| command | --timeout | wall s, min / median | CPU s | exit |")
        print("|---|---:|---:|---:|---:|")
        for name, args in CASES:
            for t in (1, 2):
                walls, cpus, codes = [], [], set()
                for _ in range(RUNS):
                    before = resource.getrusage(resource.RUSAGE_CHILDREN)
                    start = time.monotonic()
                    p = subprocess.run([TOLLGATE] + args + ["--timeout", str(t)],
                                       cwd=work, stdout=subprocess.DEVNULL,
                                       stderr=subprocess.DEVNULL)
                    walls.append(time.monotonic() - start)
                    after = resource.getrusage(resource.RUSAGE_CHILDREN)
                    cpus.append(after.ru_utime - before.ru_utime +
                                after.ru_stime - before.ru_stime)
                    codes.add(p.returncode)
                print("| %s | %d | %.2f / %.2f | %.2f | %s |" %
                      (name, t, min(walls), statistics.median(walls),
                       statistics.median(cpus),
                       ",".join(map(str, sorted(codes)))), flush=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
