#!/usr/bin/env bash
# Runs tollgate's pre-commit hooks the way the pre-commit framework does:
# a temporary repository whose .pre-commit-config.yaml names this checkout
# (at its HEAD commit) as the hook repository. A clean commit passes; a
# commit that widens a policy fails with the gate's finding; a commit that
# narrows it passes.
#
# usage: run-precommit-test.sh TOLLGATE SOURCE-DIR
# Exits 77 (skipped) when pre-commit is not installed.
set -euo pipefail

TOLLGATE=$(realpath "$1")
SRC=$(realpath "$2")
if ! command -v pre-commit >/dev/null 2>&1; then
  echo "SKIPPED: pre-commit is not installed (apt-get install -y pre-commit)"
  exit 77
fi
if ! git -C "$SRC" cat-file -e HEAD:.pre-commit-hooks.yaml 2>/dev/null; then
  echo "SKIPPED: .pre-commit-hooks.yaml is not committed in $SRC"
  exit 77
fi

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
export PRE_COMMIT_HOME=$WORK/cache
export PATH="$(dirname "$TOLLGATE"):$PATH"
export GIT_CONFIG_NOSYSTEM=1 HOME=$WORK/home NO_COLOR=1
mkdir -p "$HOME"
REV=$(git -C "$SRC" rev-parse HEAD)

cd "$WORK"
git init -q repo
cd repo
git config user.email hooks@example.com
git config user.name hooks
mkdir policies
cat > policies/app.json <<'JSON'
{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": ["s3:GetObject", "s3:PutObject"],
      "Resource": "arn:aws:s3:::app-data/*"
    }
  ]
}
JSON
cat > .pre-commit-config.yaml <<YAML
repos:
  - repo: $SRC
    rev: $REV
    hooks:
      - id: tollgate-lint
        files: ^policies/
      - id: tollgate-gate
        files: ^policies/
YAML
git add -A
git commit -q -m base

fail() { echo "FAIL: $*"; cat "$WORK/out" || true; exit 1; }

# 1. Every hook passes on the clean repository.
pre-commit run --all-files > "$WORK/out" 2>&1 || fail "hooks fail on a clean repository"
grep -q "tollgate lint.*Passed" "$WORK/out" || fail "tollgate-lint did not run"
grep -q "tollgate gate.*Passed" "$WORK/out" || fail "tollgate-gate did not run"

# 2. A staged change that grants new access fails the gate.
sed -i 's/"s3:PutObject"\]/"s3:PutObject", "s3:DeleteObject"]/' policies/app.json
git add policies/app.json
if pre-commit run > "$WORK/out" 2>&1; then
  fail "the gate passed a change that grants s3:DeleteObject"
fi
grep -q "tollgate gate.*Failed" "$WORK/out" || fail "tollgate-gate did not fail"
grep -q "IAM950 new-access" "$WORK/out" || fail "no new-access finding"
grep -q "s3:DeleteObject" "$WORK/out" || fail "no counterexample action"

# 3. A staged change that only narrows access passes.
git checkout -q -- policies/app.json 2>/dev/null || true
git reset -q --hard
sed -i 's/"s3:GetObject", "s3:PutObject"/"s3:GetObject"/' policies/app.json
git add policies/app.json
pre-commit run > "$WORK/out" 2>&1 || fail "the gate failed a change that only narrows access"

echo "pre-commit hooks: 3 passed, 0 failed"
