#!/usr/bin/env python3
"""Validates tollgate's SARIF logs against the SARIF 2.1.0 JSON schema.

Usage: tests/sarif/check-schema.py TOLLGATE

Writes logs for the bundled examples, an empty file, a configured project
and a verdict of `tollgate check`, and validates each against the schema in
sarif-schema-2.1.0.json (from the npm package of Microsoft's SARIF
Multitool) with the jsonschema module (Debian package python3-jsonschema).
Checks besides what code scanning relies on: every result has a
fingerprint, every rule an absolute helpUri, and every contextRegion is
larger than its region. Exits with 77 (a skip ctest reports) when jsonschema
is missing.
"""
import json
import os
import subprocess
import sys
import tempfile

try:
    import jsonschema
except ImportError:
    print("SKIP: the jsonschema module is not installed "
          "(Debian package python3-jsonschema)")
    sys.exit(77)

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


def sarif(tollgate, cwd, *args):
    run = subprocess.run([tollgate, *args], cwd=cwd, capture_output=True,
                         text=True)
    if run.returncode not in (0, 1, 2) or not run.stdout.strip():
        sys.exit(f"FAIL: tollgate {' '.join(args)} wrote no log "
                 f"(exit {run.returncode}): {run.stderr}")
    return json.loads(run.stdout)


def region_span(region):
    return ((region["startLine"], region.get("startColumn", 1)),
            (region.get("endLine", region["startLine"]),
             region.get("endColumn", 1 << 30)))


def extra_checks(name, log):
    failures = []
    for run in log["runs"]:
        for rule in run["tool"]["driver"].get("rules", []):
            if not rule.get("helpUri", "").startswith(("https://", "http://")):
                failures.append(f"{name}: rule {rule['id']} has no helpUri")
        for i, result in enumerate(run["results"]):
            is_lint = result["ruleId"].startswith("IAM")
            if is_lint and "tollgateLocation/v1" not in result.get(
                    "partialFingerprints", {}):
                failures.append(f"{name}: result {i} has no fingerprint")
            for loc in result.get("locations", []):
                phys = loc.get("physicalLocation", {})
                if "contextRegion" in phys and "region" in phys:
                    (rb, re_), (cb, ce) = (region_span(phys["region"]),
                                           region_span(phys["contextRegion"]))
                    if not (cb <= rb and re_ <= ce and (cb, ce) != (rb, re_)):
                        failures.append(f"{name}: result {i}: the context "
                                        "region is not larger than the region")
    return failures


def main(tollgate):
    with open(os.path.join(HERE, "sarif-schema-2.1.0.json")) as f:
        schema = json.load(f)
    validator = jsonschema.Draft202012Validator(schema)
    logs = {}
    with tempfile.TemporaryDirectory() as work:
        logs["examples"] = sarif(tollgate, ROOT, "lint", "--format", "sarif",
                                 "examples")
        open(os.path.join(work, "empty.json"), "w").close()
        with open(os.path.join(work, "p.json"), "w") as f:
            f.write('{"Version": "2012-10-17", "Statement": [\n'
                    '  {"Effect": "Allow", "Action": "*", "Resource": "*"}]}\n')
        with open(os.path.join(work, "q.json"), "w") as f:
            f.write('{"Version": "2012-10-17", "Statement": [\n'
                    '  {"Effect": "Allow", "Action": "s3:GetObject",'
                    ' "Resource": "*"}]}\n')
        logs["empty file"] = sarif(tollgate, work, "lint", "--type",
                                   "identity", "--format", "sarif",
                                   "empty.json")
        logs["policies"] = sarif(tollgate, work, "lint", "--format", "sarif",
                                 "./p.json", "q.json", "missing.json")
        logs["check"] = sarif(tollgate, work, "check", "no-new-access",
                              "--baseline", "q.json", "p.json", "--format",
                              "sarif")
    failures = []
    for name, log in logs.items():
        for error in validator.iter_errors(log):
            path = "/".join(str(p) for p in error.absolute_path)
            failures.append(f"{name}: /{path}: {error.message[:200]}")
        failures += extra_checks(name, log)
        results = sum(len(r["results"]) for r in log["runs"])
        print(f"{name}: {results} results checked")
    for f in failures:
        print("FAIL:", f)
    if failures:
        sys.exit(1)
    print("ok: every log is valid SARIF 2.1.0")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    main(os.path.abspath(sys.argv[1]))
