#!/usr/bin/env python3
"""Merges AWS managed policies into two big policies for the verifier at
scale: OLD holds each policy's previous version, NEW its latest, in name
order, until NEW has at least N statements (Sids dropped: they repeat).

Usage: merge-policies.py CORPUS N OUT_DIR  (writes OUT_DIR/old.json, new.json)
"""
import json
import os
import sys


def statements(path):
    with open(path) as f:
        doc = json.load(f)
    s = doc.get("Statement", [])
    return s if isinstance(s, list) else [s]


def main():
    corpus, n, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    versions = os.path.join(corpus, "versions")
    old, new = [], []
    for name in sorted(os.listdir(versions)):
        folder = os.path.join(versions, name)
        vs = sorted(os.listdir(folder), key=lambda v: int(v[1:-5]))
        old += statements(os.path.join(folder, vs[-2 if len(vs) > 1 else -1]))
        new += statements(os.path.join(folder, vs[-1]))
        if len(new) >= n:
            break
    for name, stmts in (("old.json", old), ("new.json", new)):
        for s in stmts:
            s.pop("Sid", None)
        with open(os.path.join(out, name), "w") as f:
            json.dump({"Version": "2012-10-17", "Statement": stmts}, f)
    print("%d and %d statements" % (len(old), len(new)))


if __name__ == "__main__":
    main()
