#!/usr/bin/env python3
"""Compares `tollgate account FILE lint` with Cloudsplaining's report.

Usage: compare-cloudsplaining.py TOLLGATE ACCOUNT.json REPORT.json EXPECTED.txt

Cloudsplaining flags each policy with six risk categories; tollgate has one
check for each:

  PrivilegeEscalation        IAM201 privilege-escalation
  ResourceExposure           IAM202 permissions-management-without-constraints
  CredentialsExposure        IAM203 credentials-exposure
  DataExfiltration           IAM204 data-exfiltration
  InfrastructureModification IAM205 infrastructure-modification
  ServiceWildcard            IAM104 service-wildcard-action or IAM103 wildcard-action

IAM202-IAM205 leave patterns such as `s3:*` to IAM104, `NotAction` to IAM102
and `*` on `*` to IAM101 (their documentation says so): a category that only
Cloudsplaining flags on a policy where tollgate reports one of those is
counted as covered, not as a difference. For every policy of the report that
the account file holds (managed policies by name, inline policies by name),
prints the categories on which the two disagree, and lists the policies of
the report that the file does not hold. EXPECTED.txt lists
each known difference with its explanation (POLICY<TAB>CATEGORY<TAB>SIDE<TAB>
why); the script fails when the differences are not exactly those.
"""
import json
import os
import subprocess
import sys

CHECKS = {
    "PrivilegeEscalation": {"IAM201"},
    "ResourceExposure": {"IAM202"},
    "CredentialsExposure": {"IAM203"},
    "DataExfiltration": {"IAM204"},
    "InfrastructureModification": {"IAM205"},
    "ServiceWildcard": {"IAM104", "IAM103"},
}


def policy_key(policy_field):
    # "inline policy NAME" or "managed policy ARN (vN)"
    if policy_field.startswith("inline policy "):
        return policy_field[len("inline policy "):]
    arn = policy_field[len("managed policy "):].rsplit(" (", 1)[0]
    return arn.rsplit("/", 1)[1]


def main():
    tollgate, account, report, expected = sys.argv[1:5]
    if not os.path.exists(account):
        # The shared corpora sit beside the checkout, not in it.
        print("skipped: " + account + " is not here")
        return 77
    out = subprocess.run([tollgate, "account", account, "lint", "--format", "json"],
                         capture_output=True, text=True)
    if out.returncode not in (0, 1):
        sys.exit("tollgate failed: " + out.stderr)
    ours = {}
    for f in json.loads(out.stdout)["findings"]:
        ours.setdefault(policy_key(f["policy"]), set()).add(f["code"])
    theirs = {}
    r = json.load(open(report))
    for section in ("aws_managed_policies", "customer_managed_policies", "inline_policies"):
        for p in r[section].values():
            theirs[p["PolicyName"]] = {c for c in CHECKS if p.get(c)}

    held = set()
    acct = json.load(open(account))
    for p in acct.get("Policies", []):
        held.add(p["PolicyName"])
    for lst, key in (("UserDetailList", "UserPolicyList"), ("GroupDetailList", "GroupPolicyList"),
                     ("RoleDetailList", "RolePolicyList")):
        for e in acct.get(lst, []):
            for p in e.get(key, []):
                held.add(p["PolicyName"])
    found = set()
    agree = covered = 0
    for name in sorted(theirs):
        if name not in held:
            found.add((name, "*", "not-in-file"))
            continue
        codes = ours.get(name, set())
        for cat, ids in CHECKS.items():
            t = cat in theirs[name]
            o = bool(codes & ids)
            if t == o:
                agree += 1
            elif t and codes & {"IAM101", "IAM102", "IAM104"}:
                covered += 1
            else:
                found.add((name, cat, "cloudsplaining-only" if t else "tollgate-only"))
    print("policies in the report: %d; categories: %d agree, %d covered by "
          "IAM101/IAM102/IAM104, %d differ or not in the file"
          % (len(theirs), agree, covered, len(found)))
    for d in sorted(found):
        print("\t".join(d))

    known = set()
    for line in open(expected):
        if line.strip() and not line.startswith("#"):
            f = line.rstrip("\n").split("\t")
            known.add(tuple(f[:3]))
    if found != known:
        for d in sorted(found - known):
            print("unexplained difference:", "\t".join(d))
        for d in sorted(known - found):
            print("explained but not found:", "\t".join(d))
        sys.exit(1)


if __name__ == "__main__":
    sys.exit(main())
