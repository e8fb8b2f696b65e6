#!/usr/bin/env python3
"""Near-linear growth: for each workload, ten times the input may take at
most fifteen times as long (the best of a few runs of each size, so that
the noise of a shared machine does not decide).

Usage: scaling.py TOLLGATE [WORKLOAD-SUBSTRING]
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

TOLLGATE = os.path.abspath(sys.argv[1])
ONLY = sys.argv[2] if len(sys.argv) > 2 else ""
MAX_RATIO = 15.0
RUNS = 3


def policy(statements, compact=False):
    doc = {"Version": "2012-10-17", "Statement": statements}
    return json.dumps(doc, separators=(",", ":") if compact else None)


def statements(n):
    # IAM111 (redundant statements) over n statements.
    return policy([{"Effect": "Allow", "Action": "s3:GetObject",
                    "Resource": "arn:aws:s3:::bucket-%d/*" % i}
                   for i in range(n)])


def resources(n):
    # IAM110 (redundant resources) over n entries of one statement.
    return policy([{"Effect": "Allow", "Action": "s3:GetObject",
                    "Resource": ["arn:aws:s3:::bucket-%d/*" % i
                                 for i in range(n)]}])


def actions(n):
    # IAM109 (redundant actions) over n wildcard entries.
    return policy([{"Effect": "Allow",
                    "Action": ["s3:Get%d*" % i for i in range(n)],
                    "Resource": "*"}])


def one_line(n):
    # Columns of findings on one long line.
    return policy([{"Effect": "Allow", "Action": "s3:GetObject",
                    "Resource": "*"} for _ in range(n)], compact=True)


def condition_keys(n):
    return policy([{"Effect": "Allow", "Action": "s3:GetObject",
                    "Resource": "*", "Condition": {"StringEquals": {
                        "aws:RequestTag/k%d" % i: "v%d" % i
                        for i in range(n)}}}])


WORKLOADS = [
    ("lint: statements (IAM111)", statements, 10000, ["lint"]),
    ("lint: resources of one statement (IAM110)", resources, 2000, ["lint"]),
    ("lint: wildcard actions (IAM109)", actions, 2000, ["lint"]),
    ("lint: findings on one long line", one_line, 2500,
     ["lint", "--max-findings", "0"]),
    ("check access-not-granted: condition keys", condition_keys, 1000,
     ["check", "access-not-granted", "--action", "s3:GetObject"]),
]


def best_time(args):
    best = None
    for _ in range(RUNS):
        start = time.monotonic()
        p = subprocess.run([TOLLGATE] + args, stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL, timeout=300)
        took = time.monotonic() - start
        if p.returncode < 0 or p.returncode > 3:
            raise RuntimeError("%s ended with %d" % (args, p.returncode))
        best = took if best is None else min(best, took)
    return best


def main():
    work = tempfile.mkdtemp(prefix="tollgate-scaling-")
    failed = 0
    try:
        for name, make, n, args in WORKLOADS:
            if ONLY and ONLY not in name:
                continue
            times = []
            for size in (n, 10 * n):
                path = os.path.join(work, "in-%d.json" % size)
                with open(path, "w") as f:
                    f.write(make(size))
                times.append(best_time(args + [path]))
            ratio = times[1] / times[0]
            ok = ratio <= MAX_RATIO
            failed += not ok
            print("%s %-45s n=%-6d %6.2f s  10n %6.2f s  ratio %5.1f (max %g)"
                  % ("ok  " if ok else "FAIL", name, n, times[0], times[1],
                     ratio, MAX_RATIO))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
