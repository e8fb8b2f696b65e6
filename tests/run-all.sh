#!/usr/bin/env bash
# Sets up and builds tollgate with its tests, runs every test through ctest,
# and ends with the line "N passed, N failed".
#
# Usage: tests/run-all.sh
set -uo pipefail
cd "$(dirname "$0")/.."

tools/bootstrap.sh --with-tests || { echo "0 passed, 1 failed"; exit 1; }

log=$(mktemp)
ctest --test-dir build --output-on-failure -j "$(nproc)" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# ctest ends with "NN% tests passed, F tests failed out of T".
line=$(grep -E 'tests passed, [0-9]+ tests? failed out of [0-9]+' "$log" | tail -n 1)
rm -f "$log"
if [ -z "$line" ]; then
  echo "0 passed, 1 failed"
  exit 1
fi
failed=$(sed -E 's/.* ([0-9]+) tests? failed out of ([0-9]+).*/\1/' <<<"$line")
total=$(sed -E 's/.* ([0-9]+) tests? failed out of ([0-9]+).*/\2/' <<<"$line")
echo "$((total - failed)) passed, $failed failed"
exit "$status"
