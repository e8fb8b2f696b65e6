#!/bin/bash
# Whole-process start-up as pre-commit hooks and editors see it: medians of
# `hyperfine -N` (no shell), one command after another in one run, with
# /bin/true for the cost of a process on this machine, and the instructions
# each command runs (callgrind), which the machine's load does not change.
#   tests/bench/bench-coldstart.sh TOLLGATE [RUNS]
set -euo pipefail
TOLLGATE=${1:?usage: bench-coldstart.sh TOLLGATE [RUNS]}
RUNS=${2:-50}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
# One statement; the same with PutObject added; a pair whose conditions are
# narrowed (a prefix and an address network within the old ones); the same
# with two networks, which the term layer does not fold (it needs the
# solver).
cat >"$dir/small.json" <<'JSON'
{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}]}
JSON
cat >"$dir/small2.json" <<'JSON'
{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:GetObject","s3:PutObject"],"Resource":"arn:aws:s3:::b/*"}]}
JSON
cat >"$dir/cond-wide.json" <<'JSON'
{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*","Condition":{"StringLike":{"aws:PrincipalTag/team":"a*"},"IpAddress":{"aws:SourceIp":"10.0.0.0/8"}}}]}
JSON
cat >"$dir/cond-narrow.json" <<'JSON'
{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:Get*","Resource":"*","Condition":{"StringLike":{"aws:PrincipalTag/team":"ab*"},"IpAddress":{"aws:SourceIp":"10.1.0.0/16"}}}]}
JSON
cat >"$dir/cond-narrow2.json" <<'JSON'
{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:Get*","Resource":"*","Condition":{"StringLike":{"aws:PrincipalTag/team":"ab*"},"IpAddress":{"aws:SourceIp":["10.1.0.0/16","10.2.0.0/16"]}}}]}
JSON
commands=(
  "/bin/true"
  "$TOLLGATE --version"
  "$TOLLGATE lint $dir/small.json"
  "$TOLLGATE check no-new-access --baseline $dir/small2.json $dir/small.json"
  "$TOLLGATE check no-new-access --baseline $dir/small.json $dir/small2.json"
  "$TOLLGATE check no-new-access --baseline $dir/cond-wide.json $dir/cond-narrow.json"
  "$TOLLGATE check no-new-access --baseline $dir/cond-wide.json $dir/cond-narrow2.json"
)
hyperfine -N -i -w 3 -r "$RUNS" --export-json "$dir/times.json" "${commands[@]}" \
  >/dev/null 2>&1
python3 - "$dir/times.json" "$dir" <<'PY'
import json, sys
for r in json.load(open(sys.argv[1]))["results"]:
    print(f"{r['command'].replace(sys.argv[2] + '/', '')}\n    median {r['median']*1000:.1f} ms wall, "
          f"mean {(r['user']+r['system'])*1000:.1f} ms CPU")
PY
for c in "${commands[@]:1}"; do
  n=$(valgrind --tool=callgrind --callgrind-out-file=/dev/null $c 2>&1 >/dev/null |
      sed -n 's/.*Collected : //p' || true)
  echo "instructions: $n  ${c#$TOLLGATE }" | sed "s|$dir/||g"
done
