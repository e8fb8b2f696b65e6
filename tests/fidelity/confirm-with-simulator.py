#!/usr/bin/env python3
"""Confirms the fidelity harness's evidence with @cloud-copilot/iam-simulate.

Usage: tests/fidelity/confirm-with-simulator.py BUILD_DIR
           [--pairs N] [--seed S] [--replay-per-pair K] [--show N]
           [--keep DIR]

Not part of the test suite. Runs BUILD_DIR/bin/fidelity on N pairs (default
2000), which writes, in the replay format of tests/diff/DiffEval.cpp:
  - every counterexample, once with the policy that allows it and once with
    the policy that does not, marked realistic or not by the harness's own
    rules, and
  - for every pair with a PASS, K requests drawn from its universe and K
    drawn from those with a non-ASCII character (default K = 2), each with
    both policies.
Then BUILD_DIR/bin/diff-eval --replay decides every case with tollgate's
evaluator and with the simulator (an external node program,
tests/diff/simulate.mjs; AGPL, never linked) and explains disagreements with
tests/diff/allowlist.txt.

A disagreement on a PASS universe means that the evaluator, which the harness
uses to check PASS verdicts, differs from the simulator there: the PASS may
be wrong. A disagreement on a realistic counterexample means the simulator
does not confirm it. Both fail the script unless allow-listed. Disagreements
on counterexamples the harness already rejects as unrealistic are counted
and shown, not failed (the simulator checks resources against the action,
for example, which such requests break).
"""
import argparse
import collections
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
DIFF = os.path.join(HERE, "..", "diff")

CASE = re.compile(
    r"^(DISAGREEMENT|allow-listed \((?P<id>[^)]*)\)) case \d+ \[(?P<origin>[^\]]*)\]")


def construct(replay_line):
    """A guess at the construct behind a disagreement, for grouping only."""
    try:
        case = json.loads(replay_line.split("replay: ", 1)[1])
    except (IndexError, ValueError):
        return "unreadable case"
    req = case.get("request", {})
    docs = case.get("identity", []) + [case.get("resource") or {}]
    text = json.dumps(docs, ensure_ascii=False)
    wide = any(ord(c) > 127 for c in json.dumps(req, ensure_ascii=False))
    if wide and "?" in text:
        return "`?` in a policy, a non-ASCII character in the request"
    if "${*}" in text or "${?}" in text:
        return "an escape (${*}, ${?}) in a policy"
    if req.get("resource") == "*":
        return "an action without resource types (resource *)"
    return "other"


def origin_class(origin):
    if origin.startswith("PASS universe"):
        return "PASS universe"
    if origin.startswith("realistic counterexample"):
        return "realistic counterexample"
    if origin.startswith("unrealistic counterexample"):
        return "unrealistic counterexample"
    return origin


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("build")
    ap.add_argument("--pairs", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--replay-per-pair", type=int, default=2)
    ap.add_argument("--show", type=int, default=3)
    ap.add_argument("--keep", help="a folder to keep the cases and the "
                    "simulator's report in")
    a = ap.parse_args()
    fidelity = os.path.join(a.build, "bin", "fidelity")
    diff_eval = os.path.join(a.build, "bin", "diff-eval")
    modules = subprocess.run([os.path.join(DIFF, "install-simulator.sh")],
                             check=True, capture_output=True,
                             text=True).stdout.strip()
    with tempfile.TemporaryDirectory() as work:
        replay = os.path.join(work, "cases.jsonl")
        f = subprocess.run(
            [fidelity, "--pairs", str(a.pairs), "--seed", str(a.seed),
             "--emit-replay", replay,
             "--replay-per-pair", str(a.replay_per_pair), "--show", "0"],
            capture_output=True, text=True)
        if f.returncode not in (0, 1):
            sys.stderr.write(f.stdout + f.stderr)
            return 2
        summary = [l for l in f.stdout.splitlines()
                   if l.startswith(("fidelity:", "check ", "universe:"))]
        cases = sum(1 for _ in open(replay))
        d = subprocess.run(
            [diff_eval, "--replay", replay, "--simulate",
             os.path.join(DIFF, "simulate.mjs"), "--modules", modules,
             "--allowlist", os.path.join(DIFF, "allowlist.txt"),
             "--work", work, "--show", "1000000"],
            capture_output=True, text=True)
        if a.keep:
            os.makedirs(a.keep, exist_ok=True)
            shutil.copy(replay, os.path.join(a.keep, "cases.jsonl"))
            with open(os.path.join(a.keep, "diff-eval.txt"), "w") as out:
                out.write(d.stdout)
    if "cases compared" not in d.stdout:
        sys.stderr.write(d.stdout[-4000:] + d.stderr[-4000:])
        return 2
    unexplained = collections.Counter()
    constructs = collections.defaultdict(collections.Counter)
    explained = collections.defaultdict(collections.Counter)
    examples = collections.defaultdict(list)
    block = None
    out = d.stdout.splitlines()
    for n, line in enumerate(out):
        m = CASE.match(line)
        if m:
            cls = origin_class(m.group("origin"))
            if m.group("id"):
                explained[cls][m.group("id")] += 1
                block = None
            else:
                unexplained[cls] += 1
                if n + 1 < len(out):
                    constructs[cls][construct(out[n + 1])] += 1
                block = examples[cls]
                if len(block) < a.show:
                    block.append([line])
                else:
                    block = None
        elif block is not None and line.startswith("  "):
            block[-1].append(line[:600])
        elif not line.startswith("  "):
            block = None
    print("confirm-with-simulator: seed %d, %d pairs, %d cases" %
          (a.seed, a.pairs, cases))
    for l in summary:
        print("  " + l)
    for l in d.stdout.splitlines():
        if l.startswith("diff-eval:"):
            print("  " + l)
    for cls in ("PASS universe", "realistic counterexample",
                "unrealistic counterexample"):
        ex = sum(explained[cls].values())
        print("%s: %d disagreements beyond the allow-list, %d allow-listed%s" %
              (cls, unexplained[cls], ex,
               "".join(" (%s %d)" % kv for kv in sorted(explained[cls].items()))))
        for what, n in constructs[cls].most_common():
            print("  %5d %s" % (n, what))
        for e in examples[cls]:
            print("\n".join("  " + x for x in e))
    bad = unexplained["PASS universe"] + unexplained["realistic counterexample"]
    print("confirm-with-simulator: %s" % ("OK" if not bad else "FAILED"))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
