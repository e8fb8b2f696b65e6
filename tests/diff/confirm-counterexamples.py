#!/usr/bin/env python3
"""Confirms the verifier's counterexamples with @cloud-copilot/iam-simulate.

Usage: tests/diff/confirm-counterexamples.py TOLLGATE CORPUS [PAIRS]

Every counterexample `tollgate check no-new-access` finds is a request that
the new policy allows and the old one does not, already replayed through
tollgate's own evaluator. This script asks the independent simulator the
same two questions for:
  - every pair (both ways) of identity policies in the golden tests of
    tests/lit/check (the parts that split-file extracts), and
  - the first PAIRS (default 300) consecutive version pairs of the AWS
    managed-policy corpus written by tests/corpus/fetch-corpus.sh.
A counterexample the simulator does not confirm fails the script, unless its
request uses a construct allow-listed for the evaluator in allowlist.txt
(printed, not failed: the simulator's deviations are documented there).
The simulator is installed by run-diff.sh (tests/diff/node_modules).
"""
import glob
import itertools
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))


def product_wildcard(path):
    """True if a Resource of the policy has a wildcard in the resource type
    (`arn:aws:cloudformation:*:*:*/*/*`): iam-simulate does not honour those
    (allowlist.txt, resource-product-wildcard)."""
    doc = json.load(open(path))
    stmts = doc.get("Statement", [])
    for st in [stmts] if isinstance(stmts, dict) else stmts:
        res = st.get("Resource", []) if isinstance(st, dict) else []
        for r in [res] if isinstance(res, str) else res:
            fields = r.split(":", 5)
            if len(fields) == 6:
                product = fields[5].split("/")[0].split(":")[0]
                if "/" in fields[5] and ("*" in product or "?" in product):
                    return True
    return False


def eval_replay(tollgate, work, policy, req):
    """The decision `tollgate eval --request` gives the printed request: the
    JSON form of a counterexample must be the request that was replayed."""
    path = os.path.join(work, "request.json")
    with open(path, "w") as f:
        json.dump(req, f)
    out = subprocess.run(
        [tollgate, "eval", "--identity", policy, "--request", path,
         "--format", "json"], capture_output=True, text=True)
    try:
        return json.loads(out.stdout)["decision"]
    except (json.JSONDecodeError, KeyError):
        return "error"


def counterexample(tollgate, old, new):
    out = subprocess.run(
        [tollgate, "check", "no-new-access", "--type", "identity",
         "--format", "json", "--baseline", old, new],
        capture_output=True, text=True)
    if out.returncode not in (0, 1, 3):
        return None
    try:
        doc = json.loads(out.stdout)
    except json.JSONDecodeError:
        return None
    for r in doc.get("results", []):
        if r.get("result") == "FAIL" and "counterexample" in r:
            return r["counterexample"]["request"]
    return None


def lit_pairs(workdir):
    """Identity policies of the check golden tests, grouped by test."""
    for test in sorted(glob.glob(os.path.join(HERE, "..", "lit", "check", "*.test"))):
        dest = os.path.join(workdir, os.path.basename(test))
        subprocess.run(["split-file", test, dest], check=True,
                       env=dict(os.environ, PATH="/usr/lib/llvm-14/bin:" + os.environ["PATH"]))
        files = []
        for f in sorted(glob.glob(os.path.join(dest, "*.json"))):
            try:
                doc = json.load(open(f))
            except (ValueError, UnicodeDecodeError):
                continue
            stmts = doc.get("Statement", []) if isinstance(doc, dict) else []
            if isinstance(stmts, dict):
                stmts = [stmts]
            if any(isinstance(s, dict) and ("Principal" in s or "NotPrincipal" in s)
                   for s in stmts):
                continue  # resource policies need more than an identity set
            files.append(f)
        yield from itertools.permutations(files, 2)


def corpus_pairs(corpus, limit):
    with open(os.path.join(corpus, "pairs.tsv")) as f:
        for line in itertools.islice(f, limit):
            old, new = line.rstrip("\n").split("\t")
            yield os.path.join(corpus, old), os.path.join(corpus, new)


def main():
    if len(sys.argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    tollgate, corpus = sys.argv[1], sys.argv[2]
    limit = int(sys.argv[3]) if len(sys.argv) > 3 else 300
    simulate = os.path.join(HERE, "simulate.mjs")
    if not os.path.isdir(os.path.join(HERE, "node_modules", "@cloud-copilot", "iam-simulate")):
        print("confirm: the simulator is not installed; run tests/diff/run-diff.sh first",
              file=sys.stderr)
        return 2

    cases = []
    with tempfile.TemporaryDirectory() as work:
        pairs = list(lit_pairs(work)) + list(corpus_pairs(corpus, limit))
        lines, policies = [], {}

        def policy_id(path):
            if path not in policies:
                policies[path] = len(policies)
                lines.append(json.dumps({"type": "policy", "id": policies[path],
                                         "doc": json.load(open(path))}))
            return policies[path]

        replay_failures = 0
        for old, new in pairs:
            req = counterexample(tollgate, old, new)
            if req is None:
                continue
            got_new = eval_replay(tollgate, work, new, req)
            got_old = eval_replay(tollgate, work, old, req)
            if got_new != "Allow" or got_old not in ("ImplicitDeny", "ExplicitDeny"):
                replay_failures += 1
                print(f"NOT REPLAYED by tollgate eval --request: new {got_new}, "
                      f"old {got_old} for {json.dumps(req)} (old {old}, new {new})")
            principal = req.get("principal")
            account = principal.split(":")[4] if principal and principal.startswith("arn:") else ""
            request = {"principal": principal, "action": req["action"],
                       "resource": req["resource"], "resourceAccount": account,
                       "context": req.get("context", {})}
            for side, path in (("new", new), ("old", old)):
                cid = len(cases)
                cases.append((old, new, side, req))
                lines.append(json.dumps({
                    "type": "case", "id": cid, "identity": [policy_id(path)],
                    "resource": None, "boundary": None, "scps": [], "rcps": [],
                    "session": None, "request": request}))
        out = subprocess.run(["node", simulate], input="\n".join(lines) + "\n",
                             capture_output=True, text=True,
                             env=dict(os.environ, IAM_SIMULATE_DIR=os.path.join(HERE, "node_modules")))
    results = {}
    for line in out.stdout.splitlines():
        r = json.loads(line)
        if "result" in r:  # the last line holds the simulator's timing
            results[r["id"]] = r["result"]

    failures = allowed = 0
    for cid, (old, new, side, req) in enumerate(cases):
        got = results.get(cid, "missing")
        want_allowed = side == "new"
        if (got == "Allowed") == want_allowed and got not in ("error", "missing"):
            continue
        path = new if side == "new" else old
        what = (f"{side} policy {path}: iam-simulate says {got} for "
                f"{json.dumps(req)} (old {old}, new {new})")
        if got != "error" and product_wildcard(path):
            allowed += 1
            print(f"allow-listed (resource-product-wildcard): {what}")
            continue
        if got == "Allowed" and side == "old" and req["resource"] == "*":
            allowed += 1
            print(f"allow-listed (resource-star-no-resource-types): {what}")
            continue
        failures += 1
        print(f"NOT CONFIRMED: {what}")
    print(f"{len(cases) // 2} counterexamples from {len(pairs)} policy pairs; "
          f"{len(cases) - failures - allowed} of {len(cases)} decisions confirmed by "
          f"iam-simulate, {allowed} allow-listed, {failures} not confirmed")
    print(f"{len(cases) // 2 - replay_failures} of {len(cases) // 2} counterexamples "
          f"reproduced by tollgate eval --request")
    return 1 if failures or replay_failures else 0


if __name__ == "__main__":
    sys.exit(main())
