#!/usr/bin/env bash
# Account-wide analysis at scale: a generated account of 5,000 roles, 2,000
# users and 3,000 customer managed policies (tests/bench/gen-account.py).
#
# Usage: tests/bench/bench-account.sh TOLLGATE [WORKDIR]
#
# Runs `tollgate account FILE Q` for Q in lint, external, who-can, admins and
# escalation, with -j 1 and -j 2, RUNS rounds each (default 3), after one
# untimed warm-up. Prints a Markdown table: min and median wall time and
# peak RSS (largest over the runs, from GNU time: needs /usr/bin/time,
# Debian package `time`).
set -euo pipefail

if [[ $# -lt 1 ]]; then
  echo "usage: $0 TOLLGATE [WORKDIR]" >&2
  exit 2
fi
TOLLGATE=$1
WORK=${2:-$(mktemp -d)}
RUNS=${RUNS:-3}
HERE=$(cd "$(dirname "$0")" && pwd)
ACCOUNT=$WORK/generated-account.json
[[ -f $ACCOUNT ]] || python3 "$HERE/gen-account.py" "$ACCOUNT"

declare -A ARGS=(
  [lint]="lint"
  [external]="external"
  [who-can]="who-can --action s3:GetObject --resource arn:aws:s3:::app-0001-bucket/x"
  [admins]="admins"
  [escalation]="escalation"
)

echo "| question | -j | min s | median s | peak RSS MB |"
echo "|---|---|---|---|---|"
for Q in lint external who-can admins escalation; do
  for J in 1 2; do
    # shellcheck disable=SC2086
    "$TOLLGATE" account "$ACCOUNT" ${ARGS[$Q]} -j "$J" > /dev/null || true
    TIMES=()
    PEAK=0
    for ((R = 0; R < RUNS; R++)); do
      # shellcheck disable=SC2086
      /usr/bin/time -f "%e %M" -o "$WORK/time.txt" \
        "$TOLLGATE" account "$ACCOUNT" ${ARGS[$Q]} -j "$J" > /dev/null || true
      read -r T M < <(tail -1 "$WORK/time.txt")
      TIMES+=("$T")
      ((M > PEAK)) && PEAK=$M
    done
    SORTED=$(printf '%s\n' "${TIMES[@]}" | sort -n)
    MIN=$(echo "$SORTED" | head -1)
    MED=$(echo "$SORTED" | sed -n "$(((RUNS + 1) / 2))p")
    echo "| $Q | $J | $MIN | $MED | $((PEAK / 1024)) |"
  done
done
