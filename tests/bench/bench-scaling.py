#!/usr/bin/env python3
"""Growth of lint, eval and check with the size of a real policy.

Usage: bench-scaling.py TOLLGATE CORPUS [N]

CORPUS is a corpus written by tests/corpus/fetch-corpus.sh. A policy of 10 N
statements (N defaults to 300) is made of the statements of the latest
versions of the managed policies in sorted file order (Sids dropped, so that
no duplicate-Sid finding grows with the merge), and one of N statements of
every tenth of them; the baseline of `check` is the same policy with its
statements in reverse order, so the verifier proves equivalence rather
than stopping at the first difference. Each command runs RUNS times (default 5) per size, the
sizes alternating, and the table gives min and median whole-process wall
time for both sizes and their ratio (goal: at most about 15 for ten times
the input). A one-statement policy gives the process floor (start-up and
exit), and "ratio above floor" divides the times less that floor.
"""

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

RUNS = int(os.environ.get("RUNS", "5"))


def corpus_statements(corpus, count):
    out = []
    root = os.path.join(corpus, "latest")
    for name in sorted(os.listdir(root)):
        if not name.endswith(".json"):
            continue
        with open(os.path.join(root, name)) as f:
            doc = json.load(f)
        stmts = doc.get("Statement", [])
        if isinstance(stmts, dict):
            stmts = [stmts]
        for s in stmts:
            s = {k: v for k, v in s.items() if k != "Sid"}
            out.append(s)
            if len(out) == count:
                return out
    raise SystemExit("the corpus has fewer than %d statements" % count)


def write_policy(path, statements):
    with open(path, "w") as f:
        json.dump({"Version": "2012-10-17", "Statement": statements}, f,
                  indent=2)
    return os.path.getsize(path)


def commands(tollgate, policy, reverse):
    return {
        "lint": [tollgate, "lint", "--format", "json", "--type", "identity",
                 "--fail-on", "error", "--max-findings", "0", "--jobs", "1",
                 "-o", os.devnull, policy],
        "eval": [tollgate, "eval", "--identity", policy,
                 "--principal", "arn:aws:iam::111122223333:user/alice",
                 "--action", "s3:GetObject",
                 "--resource", "arn:aws:s3:::example-bucket/key"],
        "check": [tollgate, "check", "no-new-access", "--baseline", reverse,
                  policy],
    }


def run(cmd):
    start = time.monotonic()
    p = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                       timeout=600)
    took = time.monotonic() - start
    if p.returncode < 0 or p.returncode > 3:
        sys.stderr.write(p.stderr.decode(errors="replace"))
        raise SystemExit("%s exited with %d" % (" ".join(cmd), p.returncode))
    return took, p.returncode


def main():
    if len(sys.argv) not in (3, 4):
        raise SystemExit(__doc__)
    tollgate = os.path.abspath(sys.argv[1])
    corpus = sys.argv[2]
    n = int(sys.argv[3]) if len(sys.argv) == 4 else 300
    work = tempfile.mkdtemp(prefix="tollgate-scaling-")
    try:
        stmts = corpus_statements(corpus, 10 * n)
        sizes = {}
        cmds = {}
        # The small policy takes every tenth statement of the large one, so
        # that it is about a tenth of its size in bytes too.
        for label, chosen in (("floor", stmts[:1]), ("n", stmts[::10]),
                              ("10n", stmts)):
            policy = os.path.join(work, "p-%s.json" % label)
            reverse = os.path.join(work, "r-%s.json" % label)
            sizes[label] = write_policy(policy, chosen)
            write_policy(reverse, list(reversed(chosen)))
            cmds[label] = commands(tollgate, policy, reverse)
        times = {(c, l): [] for c in cmds["n"] for l in cmds}
        codes = {}
        for c in cmds["n"]:
            for label in cmds:
                run(cmds[label][c])  # warm-up
            for _ in range(RUNS):
                for label in cmds:
                    took, code = run(cmds[label][c])
                    times[(c, label)].append(took)
                    codes[(c, label)] = code
        print("%d and %d statements of the corpus's latest versions "
              "(%.1f KB and %.1f KB), %d runs each after a warm-up"
              % (n, 10 * n, sizes["n"] / 1e3, sizes["10n"] / 1e3, RUNS))
        print()
        print("| command | floor median s | n min / median s | "
              "10n min / median s | ratio of medians | ratio above floor "
              "| exit n / 10n |")
        print("|---|---:|---:|---:|---:|---:|---|")
        for c in cmds["n"]:
            floor = statistics.median(times[(c, "floor")])
            small = times[(c, "n")]
            big = times[(c, "10n")]
            ms, mb = statistics.median(small), statistics.median(big)
            above = (mb - floor) / (ms - floor) if ms > floor else float("nan")
            print("| %s | %.4f | %.4f / %.4f | %.4f / %.4f | %.1f | %.1f | "
                  "%d / %d |" % (c, floor, min(small), ms, min(big), mb,
                                 mb / ms, above, codes[(c, "n")],
                                 codes[(c, "10n")]))
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
