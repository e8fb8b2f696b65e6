#!/usr/bin/env python3
"""Reads every file of the CloudFormation samples corpus with tollgate.

Usage: check-templates.py TOLLGATE CORPUS_DIR [--summary]

Every file must be either read as a template (the directory walk picks it
and lint reports no input error on it) or left out of the walk as not a
template; no template may be rejected. With --summary, prints the counts of
files, policies and findings per check. Exits 77 (skipped) when the corpus
is missing.
"""
import collections
import json
import os
import subprocess
import sys

INPUT_ERRORS = {"IAM001", "IAM002", "IAM003", "IAM004", "IAM029", "IAM030"}


def main():
    tollgate, corpus = sys.argv[1], sys.argv[2]
    summary = "--summary" in sys.argv[3:]
    if not os.path.isdir(corpus):
        print(f"skipped: the corpus {corpus} is missing (it sits beside the "
              "clone, as ../shared/corpora/cloudformation-awslabs)")
        return 77
    every = sorted(os.path.join(d, f) for d, _, fs in os.walk(corpus)
                   for f in fs)
    run = subprocess.run([tollgate, "lint", "--format", "json", corpus],
                         capture_output=True, text=True)
    if run.returncode not in (0, 1):
        print(f"tollgate lint exited {run.returncode}: {run.stderr.strip()}")
    report = json.loads(run.stdout)
    read = {f["path"] for f in report["files"]}
    rejected = [d for d in report["diagnostics"] if d["code"] in INPUT_ERRORS]
    for d in rejected:
        start = d["span"]["start"]
        print(f"rejected: {d['file']}:{start['line']}:{start['column']}: "
              f"{d['name']}: {d['message']}")
    skipped = [f for f in every if f not in read]
    # Policies: every finding names its policy in a note; count the files
    # that hold one with `tollgate lint` on each template would be slow, so
    # the summary counts findings per check.
    if summary or rejected:
        checks = collections.Counter(d["name"] for d in report["diagnostics"])
        print(f"{len(every)} files: {len(read)} read as templates, "
              f"{len(skipped)} skipped as not a template, "
              f"{len(rejected)} rejected")
        for f in skipped:
            print(f"  skipped: {os.path.relpath(f, corpus)}")
        print(f"{len(report['diagnostics'])} findings "
              f"({report['summary']})")
        for name, n in checks.most_common():
            print(f"  {n:4} {name}")
    if run.returncode not in (0, 1) and not rejected:
        return 1
    return 1 if rejected else 0


if __name__ == "__main__":
    sys.exit(main())
