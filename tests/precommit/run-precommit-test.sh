#!/usr/bin/env bash
# Runs tollgate's pre-commit hooks the way the pre-commit framework does:
# a temporary repository whose .pre-commit-config.yaml names this checkout
# (at its HEAD commit) as the hook repository, with the hooks' own `files`
# patterns, beside files that are not policies (package.json, the
# pre-commit configuration, a buildspec, a Kubernetes manifest, a
# tsconfig.json with comments). A clean commit passes; a commit that widens
# a policy fails with the gate's finding; a commit that narrows it passes;
# a broken policy fails the lint hook.
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
      - id: tollgate-gate
YAML
cat > package.json <<'JSON'
{
  "name": "app",
  "version": "1.0.0",
  "scripts": { "test": "jest" }
}
JSON
cat > buildspec.yml <<'YAML'
version: 0.2
phases:
  build:
    commands:
      - make test
YAML
mkdir k8s
cat > k8s/deployment.yaml <<'YAML'
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      containers:
        - name: web
          image: nginx:1.25
YAML
cat > tsconfig.json <<'JSON'
{
  // tsc accepts comments; JSON does not
  "compilerOptions": { "strict": true }
}
JSON
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
git commit -q -m narrow

# 4. Changes to files that are not policies pass both hooks.
sed -i 's/1.0.0/1.0.1/' package.json
sed -i 's/make test/make check/' buildspec.yml
git add -A
pre-commit run > "$WORK/out" 2>&1 || fail "the hooks fail on files that are not policies"
grep -q "tollgate lint.*Passed" "$WORK/out" || fail "tollgate-lint did not run"
git commit -q -m other

# 5. A broken policy is still reported.
printf '{"Version": "2012-10-17", "Statement": [' > policies/broken.json
git add -A
if pre-commit run > "$WORK/out" 2>&1; then
  fail "the hooks passed a broken policy"
fi
grep -q "IAM002 json-syntax-error" "$WORK/out" || fail "no json-syntax-error finding"

echo "pre-commit hooks: 5 passed, 0 failed"
