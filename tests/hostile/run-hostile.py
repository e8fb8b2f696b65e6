#!/usr/bin/env python3
"""Hostile and oversized inputs for every subcommand.

Generates each input at run time (nothing large is committed), runs
tollgate on it under an address-space limit (prlimit --as) and a time limit,
and asserts a documented exit status and a message. No run may end with a
signal or run out of time.

Usage: run-hostile.py TOLLGATE [CASE-SUBSTRING]
"""

import json
import os
import re
import resource
import shutil
import stat
import subprocess
import sys
import tempfile
import time

TOLLGATE = os.path.abspath(sys.argv[1])
ONLY = sys.argv[2] if len(sys.argv) > 2 else ""
MEMORY = 1 << 30  # prlimit --as
SECONDS = 60      # per run; a hang is a failure
# A check given --timeout T must answer within T and this much more (the
# process starts, reads its input and prints; the machine may be busy).
TIMEOUT_SLACK = 2.0

SMALL = {"Version": "2012-10-17",
         "Statement": [{"Effect": "Allow", "Action": "s3:GetObject",
                        "Resource": "arn:aws:s3:::bucket/*"}]}


def policy(statements):
    return json.dumps({"Version": "2012-10-17", "Statement": statements})


def stmt(resource, action="s3:GetObject", **extra):
    s = {"Effect": "Allow", "Action": action, "Resource": resource}
    s.update(extra)
    return s


class Suite:
    def __init__(self, work):
        self.work = work
        self.failures = []
        self.count = 0

    def path(self, name):
        return os.path.join(self.work, name)

    def write(self, name, text, mode="w"):
        p = self.path(name)
        os.makedirs(os.path.dirname(p), exist_ok=True)
        with open(p, mode) as f:
            f.write(text)
        return p

    def run(self, name, args, codes, message, stdin=None, stdout=None,
            cwd=None, as_user=None, max_seconds=None, max_output=None):
        """Runs tollgate ARGS; the status must be in CODES and the output
        (stdout and stderr) must match the regular expression MESSAGE. With
        MAX_SECONDS the run must take at most that many seconds of wall time
        or of CPU time: a run that does not stop at its deadline exceeds
        both, while the load of a shared machine stretches only the wall
        time and threads add up only CPU time. With MAX_OUTPUT it may write
        at most that many bytes."""
        if ONLY and ONLY not in name:
            return
        self.count += 1
        binary = TOLLGATE
        if as_user is not None:
            # The build folder may be closed to other users (a clone in a
            # mode-0700 temporary folder): run a copy from the work folder.
            binary = os.path.join(self.work, "tollgate-copy")
            if not os.path.exists(binary):
                shutil.copy(TOLLGATE, binary)
                os.chmod(binary, 0o755)
        cmd = ["prlimit", "--as=%d" % MEMORY, binary] + args
        if as_user is not None:
            cmd = ["setpriv", "--reuid=%d" % as_user, "--regid=%d" % as_user,
                   "--clear-groups"] + cmd
        start = time.monotonic()
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        out_file = stdout or subprocess.PIPE
        try:
            p = subprocess.run(cmd, stdin=stdin or subprocess.DEVNULL,
                               stdout=out_file, stderr=subprocess.PIPE,
                               cwd=cwd or self.work, timeout=SECONDS)
        except subprocess.TimeoutExpired:
            self.fail(name, "no answer within %d s (a hang)" % SECONDS)
            return
        took = time.monotonic() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime - before.ru_utime) + \
            (after.ru_stime - before.ru_stime)
        raw = ((p.stdout or b"") if stdout is None else b"") + p.stderr
        text = raw.decode("utf-8", "replace")
        if p.returncode < 0:
            self.fail(name, "ended with signal %d: %s" %
                      (-p.returncode, text[-400:]))
        elif p.returncode not in codes:
            self.fail(name, "exit status %d, expected %s: %s" %
                      (p.returncode, codes, text[-400:]))
        elif not re.search(message, text):
            self.fail(name, "no message matching /%s/ in: %s" %
                      (message, text[-400:]))
        elif max_seconds is not None and min(took, cpu) > max_seconds:
            self.fail(name, "took %.2f s (%.2f s of CPU), more than %.2f s" %
                      (took, cpu, max_seconds))
        elif max_output is not None and len(raw) > max_output:
            self.fail(name, "wrote %d bytes, more than %d" %
                      (len(raw), max_output))
        else:
            print("ok   %-58s %5.2f s  exit %d" % (name, took, p.returncode))

    def fail(self, name, why):
        print("FAIL %s: %s" % (name, why))
        self.failures.append(name)


def main():
    work = tempfile.mkdtemp(prefix="tollgate-hostile-")
    os.chmod(work, 0o755)
    s = Suite(work)
    try:
        cases(s)
    finally:
        for root, dirs, _ in os.walk(work):
            for d in dirs:
                os.chmod(os.path.join(root, d), 0o755)
        shutil.rmtree(work, ignore_errors=True)
    print("%d runs, %d failed" % (s.count, len(s.failures)))
    return 1 if s.failures else 0


def cases(s):
    small = s.write("small.json", json.dumps(SMALL))
    limit = r"larger than \d+ bytes|file is \d+ bytes"

    # 1. Reads stop at the size limit whatever the input is.
    s.run("lint /dev/zero", ["lint", "/dev/zero"], [2], r"IAM004.*|" + limit)
    with open("/dev/zero", "rb") as zero:
        s.run("lint - < /dev/zero", ["lint", "-"], [2], limit, stdin=zero)
    s.run("lint --config /dev/zero", ["lint", "--config", "/dev/zero", small],
          [2], r"cannot read configuration file: .*(" + limit + ")")
    s.run("lint --baseline /dev/zero",
          ["lint", "--baseline", "/dev/zero", small], [2],
          r"cannot use baseline.*(" + limit + ")")
    s.run("eval --request /dev/zero",
          ["eval", "--request", "/dev/zero", "--identity", small], [2], limit)
    s.run("eval --identity /dev/zero",
          ["eval", "--identity", "/dev/zero", "--action", "s3:GetObject"], [2],
          limit)
    s.run("check equivalent /dev/zero",
          ["check", "equivalent", "/dev/zero", small], [2], limit)
    s.run("diff /dev/zero", ["diff", small, "/dev/zero"], [2], limit)
    s.run("lint --max-file-size 100 on a pipe",
          ["lint", "--max-file-size", "100", "-"], [2], limit,
          stdin=open(small, "rb"))
    os.makedirs(s.path("zeroconf"))
    os.symlink("/dev/zero", s.path("zeroconf/.tollgate.yaml"))
    shutil.copy(small, s.path("zeroconf/p.json"))
    s.run(".tollgate.yaml -> /dev/zero", ["lint", "zeroconf"], [2],
          r"cannot read configuration file: .*(" + limit + ")")

    # 2. Deep nesting (JSON readers; the YAML reader has its own tests).
    deep = s.write("deep.json", "[" * 1000000)
    s.run("lint JSON 1M deep", ["lint", deep], [2],
          r"deeper than 256 levels \[IAM004")
    s.run("lint --baseline JSON 1M deep", ["lint", "--baseline", deep, small],
          [2], r"cannot use baseline.*deeper than 256")
    s.run("eval --request JSON 1M deep",
          ["eval", "--request", deep, "--identity", small], [2],
          r"deeper than 256")
    s.run("check JSON 1M deep", ["check", "equivalent", deep, small], [2],
          r"IAM004")
    deep_obj = s.write("deep-obj.json", '{"a":' * 300000 + "1" +
                       "}" * 300000)
    s.run("lint --baseline objects 300k deep",
          ["lint", "--baseline", deep_obj, small], [2], r"deeper than 256")
    s.run("terraform plan 100k deep", ["lint", s.write(
        "plan.json", '{"format_version":"1.2","planned_values":' +
        '{"a":' * 100000 + "1" + "}" * 100000 + "}")], [2], r"IAM004")

    # 3. The verifier: --timeout bounds the whole check (every phase, both
    # directions of an equivalence); memory is bounded.
    lit = s.write("lit1m.json", policy([stmt("arn:aws:s3:::" + "x" * 1000000)]))
    star = s.write("stara.json", policy([stmt("arn:aws:s3:::" + "*a" * 500000)]))
    star_b = s.write("stara-b.json",
                     policy([stmt("arn:aws:s3:::" + "*a" * 499999)]))
    lit100k = s.write("lit100k.json",
                      policy([stmt("arn:aws:s3:::" + "y" * 100000)]))
    public_star = s.write("public-stara.json", policy([stmt(
        "arn:aws:s3:::" + "*a" * 500000, Principal="*")]))
    keys = s.write("keys10k.json", policy([stmt("*", Condition={
        "StringEquals": {"aws:RequestTag/k%d" % i: "v%d" % i
                         for i in range(10000)}})]))
    for t in (1, 2):
        bound = t + TIMEOUT_SLACK
        timeout = ["--timeout", str(t)]
        s.run("check 1 MB literal resource --timeout %d" % t,
              ["check", "equivalent", small, lit] + timeout, [1, 3],
              r"FAIL|UNKNOWN", max_seconds=bound)
        s.run("check 1 MB *a*a... --timeout %d" % t,
              ["check", "no-new-access", "--baseline", star_b, star] + timeout,
              [1, 3], r"UNKNOWN|FAIL", max_seconds=bound)
        s.run("check equivalent 1 MB *a*a... --timeout %d" % t,
              ["check", "equivalent", star_b, star] + timeout, [1, 3],
              r"UNKNOWN|FAIL", max_seconds=bound)
        s.run("check no-public-access 1 MB *a*a... --timeout %d" % t,
              ["check", "no-public-access", "--resource-type",
               "AWS::S3::Bucket", public_star] + timeout, [0, 1, 3],
              r"PASS|FAIL|UNKNOWN", max_seconds=bound)
        s.run("check 100 KB literal --timeout %d" % t,
              ["check", "equivalent", lit100k, lit100k] + timeout,
              [0, 3], r"PASS|UNKNOWN", max_seconds=bound)
        s.run("check access-not-granted, 10,000 condition keys --timeout %d"
              % t, ["check", "access-not-granted", "--action", "s3:GetObject",
                    keys] + timeout, [1, 3], r"FAIL|UNKNOWN",
              max_seconds=bound)
        s.run("diff 1 MB *a*a... --timeout %d" % t,
              ["diff", small, star] + timeout, [0, 1, 3], r"\S",
              max_seconds=bound)
    # The answer is UNKNOWN with the reason: the time limit, or (on a fast
    # machine) strings longer than the solver is given.
    s.run("check 1 MB *a*a...: UNKNOWN with the reason",
          ["check", "no-new-access", "--baseline", star_b, star,
           "--timeout", "1"], [3],
          r"reason: (the time limit of 1 s ran out|a string of 1000013 bytes)")
    s.run("eval 1 MB *a*a...", ["eval", "--identity", star, "--action",
                                "s3:GetObject", "--resource",
                                "arn:aws:s3:::" + "a" * 1000], [0, 1],
          r"Allow|Deny")
    s.run("--timeout 4294968 is refused",
          ["check", "equivalent", small, small, "--timeout", "4294968"], [2],
          r"at most 4294967")
    s.run("diff --timeout 4294968 is refused",
          ["diff", small, small, "--timeout", "4294968"], [2],
          r"at most 4294967")

    # 4. Failed writes are errors.
    star_any = s.write("any.json", policy([stmt("*", action="s3:*")]))
    s.run("lint -o /dev/full", ["lint", "-o", "/dev/full", star_any], [2],
          r"cannot write the output: No space left")
    with open("/dev/full", "wb") as full:
        s.run("lint > /dev/full", ["lint", star_any], [2],
              r"cannot write the output", stdout=full)
        s.run("check > /dev/full", ["check", "equivalent", small, small],
              [2], r"cannot write the output", stdout=full)
        s.run("eval > /dev/full", ["eval", "--identity", small, "--action",
                                   "s3:GetObject"], [2],
              r"cannot write the output", stdout=full)
        s.run("rules > /dev/full", ["rules"], [2], r"cannot write the output",
              stdout=full)
    s.run("lint --write-baseline /dev/full",
          ["lint", "--write-baseline", "/dev/full", small], [2],
          r"cannot write baseline")

    # 5. Directory walks: symbolic-link loops, FIFOs, sockets.
    os.makedirs(s.path("tree/a/b"))
    shutil.copy(small, s.path("tree/a/b/p.json"))
    os.symlink("../..", s.path("tree/a/b/loop"))
    os.symlink(".", s.path("tree/a/self"))
    os.mkfifo(s.path("tree/a/fifo.json"))
    s.run("lint: symlink loop and FIFO", ["lint", "tree"], [0, 1],
          r"(?s)fifo.json' is a FIFO.*skipped.*already searched")
    os.makedirs(s.path("old/a"))
    shutil.copy(small, s.path("old/a/p.json"))
    os.mkfifo(s.path("old/a/q.json"))
    s.run("check folders: symlink loop and FIFO",
          ["check", "no-new-access", "--baseline", "old", "tree"], [0, 1, 3],
          r"(?s)is a FIFO.*skipped")

    # 7. An unreadable folder is an error (the file permission only holds
    # for a user other than root).
    os.makedirs(s.path("locked/in"))
    shutil.copy(small, s.path("locked/p.json"))
    shutil.copy(small, s.path("locked/in/q.json"))
    os.chmod(s.path("locked/in"), 0)
    user = 65534 if os.geteuid() == 0 else None
    s.run("lint: unreadable subfolder", ["lint", "locked"], [2],
          r"locked/in.*Permission denied.*IAM001", as_user=user)

    # 6. Near-linear redundancy checks, long lines, output amplification.
    s.write("stmts100k.json", policy(
        [stmt("arn:aws:s3:::bucket-%d/*" % i) for i in range(100000)]))
    s.run("lint 100,000 statements", ["lint", "stmts100k.json"], [0, 1],
          r"IAM026")
    s.write("stmts20k.json", policy(
        [stmt("arn:aws:s3:::bucket-%d/*" % i) for i in range(20000)]))
    # Proofs from the text compare each statement with the few that may
    # cover it. Reading 17 MB of policies is not part of the time limit.
    s.run("check equivalent 100,000 and 20,000 statements --timeout 1",
          ["check", "equivalent", "stmts100k.json", "stmts20k.json",
           "--timeout", "1"], [1, 3], r"FAIL|UNKNOWN",
          max_seconds=1 + TIMEOUT_SLACK + 6)
    s.write("res20k.json", policy([stmt(
        ["arn:aws:s3:::bucket-%d/*" % i for i in range(20000)])]))
    s.run("lint 20,000 resources", ["lint", "res20k.json"], [0, 1], r"file")
    s.write("oneline.json", json.dumps(
        {"Version": "2012-10-17",
         "Statement": [stmt("*") for _ in range(25000)]},
        separators=(",", ":")))
    s.run("lint 1.4 MB on one line", ["lint", "oneline.json"], [0, 1],
          r"more findings are not shown")
    s.write("dupkeys.json", '{"Version":"2012-10-17","Statement":[{' +
            '"Effect":"Allow",' * 80000 +
            '"Action":"s3:GetObject","Resource":"*"}]}')
    s.run("lint 1.4 MB of duplicate keys",
          ["lint", "--format", "json", "dupkeys.json"], [1],
          r'"omittedDiagnostics": 79')
    # A baseline of them holds one entry with a count (all 80,001 entries
    # made 18 MB, more than a baseline may be to be read back).
    s.run("lint --write-baseline: 1.4 MB of duplicate keys",
          ["lint", "--write-baseline", "dupkeys-baseline.json",
           "dupkeys.json"], [0], r"wrote 8000\d findings")
    written = s.path("dupkeys-baseline.json")
    size = os.path.getsize(written) if os.path.exists(written) else 0
    if size > 1 << 20:
        s.fail("lint --write-baseline: 1.4 MB of duplicate keys",
               "the baseline is %d bytes" % size)
    s.run("lint --baseline: 1.4 MB of duplicate keys, all in the baseline",
          ["lint", "--baseline", "dupkeys-baseline.json", "dupkeys.json"],
          [0], r"^(?![\s\S]*IAM005)")
    # Every command that prints findings or errors per finding is bounded:
    # unbounded, the duplicate keys make 14 MB (check, diff) and 67 MB
    # (gate) of text.
    s.run("check: 1.4 MB of duplicate keys",
          ["check", "equivalent", "dupkeys.json", small], [2],
          r"78999 more errors are not shown", max_output=1 << 20)
    s.run("diff: 1.4 MB of duplicate keys", ["diff", small, "dupkeys.json"],
          [2], r"78999 more errors are not shown", max_output=1 << 20)

    # 8. Options and encodings.
    s.run("lint -j1", ["lint", "-j1", small], [0, 1], r"s3:GetObject|^$")
    s.write("bom.json", "\ufeff" + json.dumps(SMALL))
    s.run("lint: UTF-8 byte order mark", ["lint", "bom.json"], [0, 1],
          r"byte order mark")

    # The gate refuses files over the size limit like lint does.
    if shutil.which("git"):
        repo = s.path("repo")
        os.makedirs(repo)
        git = ["git", "-C", repo, "-c", "user.name=t", "-c",
               "user.email=t@example.com"]
        subprocess.run(git + ["init", "-q"], check=True)
        shutil.copy(small, os.path.join(repo, "p.json"))
        subprocess.run(git + ["add", "p.json"], check=True)
        subprocess.run(git + ["commit", "-qm", "base"], check=True)
        with open(os.path.join(repo, "p.json"), "w") as f:
            f.write(policy([stmt("arn:aws:s3:::bucket-%d/*" % i)
                            for i in range(250000)]))
        s.run("gate: a policy over the size limit",
              ["gate", "--base", "HEAD"], [2], r"IAM004|larger than",
              cwd=repo)
        s.run("gate --no-lint: a policy over the size limit",
              ["gate", "--base", "HEAD", "--no-lint"], [2],
              r"IAM004|larger than", cwd=repo)
        # The gate's report is capped per file like lint's, in every format.
        shutil.copy(s.path("dupkeys.json"), os.path.join(repo, "p.json"))
        notes = {"text": r"79\d{3} more findings are not shown",
                 "json": r'"omittedDiagnostics": 79\d{3}',
                 "sarif": r"79\d{3} more findings .*--max-findings",
                 "github": r"79\d{3} more findings",
                 "markdown": r"79\d{3} more findings are not shown"}
        for fmt, note in notes.items():
            s.run("gate --format %s: 1.4 MB of duplicate keys" % fmt,
                  ["gate", "--base", "HEAD", "--format", fmt], [1], note,
                  cwd=repo, max_output=4 << 20)
        s.run("gate --max-findings 10: 1.4 MB of duplicate keys",
              ["gate", "--base", "HEAD", "--max-findings", "10"], [1],
              r"79\d{3} more findings are not shown", cwd=repo,
              max_output=64 << 10)


if __name__ == "__main__":
    sys.exit(main())
