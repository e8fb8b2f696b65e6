#!/usr/bin/env python3
"""Writes a generated `aws iam get-account-authorization-details` file.

Usage: tests/bench/gen-account.py [--roles N] [--users N] [--policies N]
                                  [--seed S] OUT.json

Defaults: 5,000 roles, 2,000 users in 100 groups, 3,000 customer managed
policies (plus AdministratorAccess and ReadOnly-like AWS policies). The
shapes follow real accounts: most roles trusted by a compute service, some
by another account with an external id or by the account itself; policies
of one to five statements over common services, some with conditions, a few
with wildcards; some users and roles with inline policies and boundaries; a
handful of administrators and a few privilege-escalation permissions.
Deterministic for a given seed.
"""
import argparse
import json
import random

ACCOUNT = "123456789012"
SERVICES = {
    "s3": (["GetObject", "PutObject", "ListBucket", "DeleteObject", "Get*", "List*"],
           "arn:aws:s3:::{name}-bucket/*"),
    "dynamodb": (["GetItem", "PutItem", "Query", "Scan", "UpdateItem", "Describe*"],
                 "arn:aws:dynamodb:us-east-1:" + ACCOUNT + ":table/{name}"),
    "sqs": (["SendMessage", "ReceiveMessage", "DeleteMessage", "GetQueueAttributes"],
            "arn:aws:sqs:us-east-1:" + ACCOUNT + ":{name}"),
    "logs": (["CreateLogStream", "PutLogEvents", "CreateLogGroup"],
             "arn:aws:logs:us-east-1:" + ACCOUNT + ":log-group:/app/{name}:*"),
    "kms": (["Decrypt", "Encrypt", "GenerateDataKey"],
            "arn:aws:kms:us-east-1:" + ACCOUNT + ":key/{name}"),
    "ec2": (["DescribeInstances", "Describe*", "StartInstances", "StopInstances"], "*"),
    "lambda": (["InvokeFunction", "GetFunction", "UpdateFunctionCode"],
               "arn:aws:lambda:us-east-1:" + ACCOUNT + ":function:{name}"),
    "secretsmanager": (["GetSecretValue", "DescribeSecret"],
                       "arn:aws:secretsmanager:us-east-1:" + ACCOUNT + ":secret:{name}-*"),
}
COMPUTE = ["lambda.amazonaws.com", "ec2.amazonaws.com", "ecs-tasks.amazonaws.com",
           "codebuild.amazonaws.com", "states.amazonaws.com"]


def doc(statements):
    return {"Version": "2012-10-17", "Statement": statements}


def statement(rng, name):
    svc = rng.choice(list(SERVICES))
    actions, res = SERVICES[svc]
    s = {"Effect": "Allow",
         "Action": [svc + ":" + a for a in rng.sample(actions, rng.randint(1, min(3, len(actions))))],
         "Resource": res.format(name=name)}
    r = rng.random()
    if r < 0.1:
        s["Condition"] = {"StringEquals": {"aws:RequestedRegion": "us-east-1"}}
    elif r < 0.15:
        s["Condition"] = {"Bool": {"aws:MultiFactorAuthPresent": "true"}}
    elif r < 0.18:
        s["Resource"] = "*"
    return s


def policy_doc(rng, name):
    stmts = [statement(rng, name) for _ in range(rng.randint(1, 5))]
    r = rng.random()
    if r < 0.01:
        stmts.append({"Effect": "Allow", "Action": "iam:PassRole",
                      "Resource": "arn:aws:iam::" + ACCOUNT + ":role/svc-*"})
    elif r < 0.015:
        stmts.append({"Effect": "Allow", "Action": ["iam:CreateAccessKey", "iam:AttachUserPolicy"],
                      "Resource": "*"})
    if rng.random() < 0.05:
        stmts.append({"Effect": "Deny", "Action": "s3:DeleteBucket", "Resource": "*"})
    return doc(stmts)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--roles", type=int, default=5000)
    ap.add_argument("--users", type=int, default=2000)
    ap.add_argument("--policies", type=int, default=3000)
    ap.add_argument("--groups", type=int, default=100)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("out")
    a = ap.parse_args()
    rng = random.Random(a.seed)

    admin = "arn:aws:iam::aws:policy/AdministratorAccess"
    policies = [{
        "PolicyName": "AdministratorAccess", "PolicyId": "ANPAADMIN", "Arn": admin,
        "Path": "/", "DefaultVersionId": "v1", "AttachmentCount": 0, "IsAttachable": True,
        "PolicyVersionList": [{"Document": doc([{"Effect": "Allow", "Action": "*", "Resource": "*"}]),
                               "VersionId": "v1", "IsDefaultVersion": True}]}]
    arns = []
    for i in range(a.policies):
        name = "app-%04d" % i
        arn = "arn:aws:iam::%s:policy/%s" % (ACCOUNT, name)
        arns.append(arn)
        versions = [{"Document": policy_doc(rng, name), "VersionId": "v%d" % (v + 1),
                     "IsDefaultVersion": False} for v in range(rng.randint(1, 3))]
        versions[-1]["IsDefaultVersion"] = True
        policies.append({"PolicyName": name, "PolicyId": "ANPA%08d" % i, "Arn": arn, "Path": "/",
                         "DefaultVersionId": versions[-1]["VersionId"], "AttachmentCount": 1,
                         "IsAttachable": True, "PolicyVersionList": versions})

    def attached(n, admin_rate):
        chosen = rng.sample(arns, n)
        if rng.random() < admin_rate:
            chosen.append(admin)
        return [{"PolicyName": x.rsplit("/", 1)[1], "PolicyArn": x} for x in chosen]

    groups = []
    for g in range(a.groups):
        name = "team-%03d" % g
        groups.append({"Path": "/", "GroupName": name, "GroupId": "AGPA%06d" % g,
                       "Arn": "arn:aws:iam::%s:group/%s" % (ACCOUNT, name),
                       "GroupPolicyList": [], "AttachedManagedPolicies": attached(rng.randint(1, 3), 0.02)})
    users = []
    for u in range(a.users):
        name = "user-%05d" % u
        user = {"Path": "/", "UserName": name, "UserId": "AIDA%08d" % u,
                "Arn": "arn:aws:iam::%s:user/%s" % (ACCOUNT, name),
                "GroupList": [groups[i]["GroupName"] for i in rng.sample(range(a.groups), rng.randint(0, 2))],
                "UserPolicyList": [], "AttachedManagedPolicies": attached(rng.randint(0, 2), 0.005),
                "Tags": []}
        if rng.random() < 0.2:
            user["UserPolicyList"].append({"PolicyName": "own", "PolicyDocument": policy_doc(rng, name)})
        if rng.random() < 0.05:
            user["PermissionsBoundary"] = {"PermissionsBoundaryType": "Policy",
                                           "PermissionsBoundaryArn": rng.choice(arns)}
        users.append(user)
    roles = []
    for r in range(a.roles):
        name = ("svc-%05d" if r % 3 == 0 else "app-%05d") % r
        x = rng.random()
        if x < 0.8:
            trust = {"Effect": "Allow", "Principal": {"Service": rng.choice(COMPUTE)},
                     "Action": "sts:AssumeRole"}
        elif x < 0.9:
            trust = {"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::%012d:root" % rng.randint(1, 10**11)},
                     "Action": "sts:AssumeRole",
                     "Condition": {"StringEquals": {"sts:ExternalId": "ext-%d" % r}}}
        else:
            trust = {"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::%s:root" % ACCOUNT},
                     "Action": "sts:AssumeRole"}
        role = {"Path": "/", "RoleName": name, "RoleId": "AROA%08d" % r,
                "Arn": "arn:aws:iam::%s:role/%s" % (ACCOUNT, name),
                "AssumeRolePolicyDocument": doc([trust]),
                "InstanceProfileList": [], "RolePolicyList": [],
                "AttachedManagedPolicies": attached(rng.randint(1, 3), 0.005), "Tags": []}
        if rng.random() < 0.3:
            role["RolePolicyList"].append({"PolicyName": "inline", "PolicyDocument": policy_doc(rng, name)})
        roles.append(role)
    out = {"UserDetailList": users, "GroupDetailList": groups,
           "RoleDetailList": roles, "Policies": policies}
    with open(a.out, "w") as f:
        json.dump(out, f, indent=1)


if __name__ == "__main__":
    main()
