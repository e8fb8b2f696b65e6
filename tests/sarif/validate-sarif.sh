#!/usr/bin/env bash
# Validate tollgate's SARIF output with Microsoft's SARIF Multitool.
#
# Usage: tests/sarif/validate-sarif.sh TOLLGATE
#
# Installs the npm package @microsoft/sarif-multitool-linux (pinned below)
# into tests/sarif/node_modules unless it is there already, lints the bundled
# examples and a small configured project (configuration findings, notes,
# an unreadable file), an empty file and a verdict of `tollgate check` with --format sarif,
# and validates each log against
# the SARIF 2.1.0 schema and the Multitool's rules at its default levels
# (error and warning). Any validation result fails the test; the results are
# printed.
set -euo pipefail

PKG=@microsoft/sarif-multitool-linux
PKG_VERSION=5.7.0

if [[ $# -ne 1 ]]; then
  echo "usage: $0 TOLLGATE" >&2
  exit 2
fi
TOLLGATE=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
PKG_DIR=$HERE/node_modules/$PKG
MULTITOOL=$PKG_DIR/Sarif.Multitool

installed_version() {
  grep -o '"version": *"[^"]*"' "$PKG_DIR/package.json" 2>/dev/null |
    head -n 1 | sed 's/.*"\([^"]*\)"$/\1/' || true
}
if [[ ! -x $MULTITOOL || $(installed_version) != "$PKG_VERSION" ]]; then
  echo "installing $PKG@$PKG_VERSION into $HERE/node_modules" >&2
  npm install --prefix "$HERE" --no-save --no-package-lock --no-audit \
    --no-fund --loglevel=error "$PKG@$PKG_VERSION" >&2
fi
# The Multitool is a .NET program; it needs no ICU data in invariant mode.
export DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

# lint_sarif NAME DIR ARGS...: runs tollgate in DIR and keeps the log. Lint
# exits with 1 or 2 when it finds something; only a missing log is a failure.
lint_sarif() {
  local name=$1 dir=$2
  shift 2
  (cd "$dir" && "$TOLLGATE" lint --format sarif -o "$WORK/$name.sarif" "$@") || true
  if [[ ! -s $WORK/$name.sarif ]]; then
    echo "FAIL: tollgate wrote no SARIF log for $name" >&2
    exit 1
  fi
}

# The bundled examples, from the repository root as in CI.
lint_sarif examples "$ROOT" examples

# A configured project: a mistake in the configuration (IAM901), an unused
# suppression (IAM900), a finding with a note (relatedLocations), a file
# that is not JSON and one that does not exist.
PROJECT=$WORK/project
mkdir -p "$PROJECT/.git" "$PROJECT/policies"
cat > "$PROJECT/.tollgate.yaml" <<'YAML'
severity: {IAM019: error}
suppress:
  - path: policies/admin.json
    sid: Nothing
    rules: [IAM101]
    reason: kept to test unused suppressions
  - path: policies/admin.json
    rules: [no-such-check]
    reason: a mistake
YAML
cat > "$PROJECT/policies/admin.json" <<'JSON'
{
  "Version": "2012-10-17",
  "Statement": [
    {"Sid": "Admin", "Effect": "Allow", "Action": "*", "Resource": "*"},
    {"Sid": "Admin", "Effect": "Allow", "NotAction": "iam:*", "Resource": "*"}
  ]
}
JSON
printf '{"Version": "2012-10-17", "Statement": [' > "$PROJECT/policies/broken.json"
lint_sarif project "$PROJECT" policies missing.json

# An empty file: its finding has no context region (one that equals the
# region is SARIF1008).
: > "$PROJECT/empty.json"
lint_sarif empty "$PROJECT" --type identity empty.json

# A verdict of `tollgate check`: a counterexample located at the statement
# that allows it, and a pass.
cat > "$PROJECT/old.json" <<'JSON'
{"Version": "2012-10-17", "Statement": [
  {"Sid": "Read", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]}
JSON
cat > "$PROJECT/new.json" <<'JSON'
{"Version": "2012-10-17", "Statement": [
  {"Sid": "ReadWrite", "Effect": "Allow",
   "Action": ["s3:GetObject", "s3:PutObject"], "Resource": "*"}]}
JSON
(cd "$PROJECT" && "$TOLLGATE" check no-new-access --baseline old.json new.json --format sarif > "$WORK/check.sarif") || true
if [[ ! -s $WORK/check.sarif ]]; then
  echo "FAIL: tollgate check wrote no SARIF log" >&2
  exit 1
fi

failed=0
for log in "$WORK/examples.sarif" "$WORK/project.sarif" "$WORK/empty.sarif" "$WORK/check.sarif"; do
  out=${log%.sarif}.validation.sarif
  # (--quiet is rejected by this version's option parser.)
  "$MULTITOOL" validate -o "$out" "$log" > "$out.console" 2>&1 || true
  if [[ ! -s $out ]]; then
    echo "FAIL: the Multitool wrote no validation log for $(basename "$log")" >&2
    cat "$out.console" >&2
    failed=1
    continue
  fi
  count=$(python3 - "$out" <<'PY'
import json, sys
log = json.load(open(sys.argv[1]))
results = [r for run in log.get("runs", []) for r in run.get("results", [])]
rules = {}
for run in log.get("runs", []):
    for rule in run.get("tool", {}).get("driver", {}).get("rules", []):
        rules[rule["id"]] = rule
for r in results:
    msg = r.get("message", {})
    text = msg.get("text")
    if text is None:
        template = rules.get(r.get("ruleId"), {}).get("messageStrings", {}).get(msg.get("id"), {}).get("text", "")
        text = template
        for i, arg in enumerate(msg.get("arguments", [])):
            text = text.replace("{%d}" % i, str(arg))
    print("  %s %s: %s" % (r.get("level", "warning"), r.get("ruleId"), text), file=sys.stderr)
print(len(results))
PY
)
  if [[ $count -ne 0 ]]; then
    echo "FAIL: $(basename "$log"): $count validation results" >&2
    failed=1
  else
    echo "ok: $(basename "$log") is valid SARIF 2.1.0"
  fi
done
exit $failed
