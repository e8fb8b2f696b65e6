#!/usr/bin/env bash
# Installs what tollgate needs on Debian 12 (only what is missing) and builds
# it in Release into build/. Safe to run again: it does nothing that is done.
#
# Usage: tools/bootstrap.sh [--with-tests]
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(cmake ninja-build g++ python3 llvm-14-dev llvm-14-tools libz3-dev
          nlohmann-json3-dev catch2 zlib1g-dev libtinfo-dev libxml2-dev
          libedit-dev libffi-dev libyaml-dev pre-commit dpkg-dev time neovim)
command -v node >/dev/null && command -v npm >/dev/null || packages+=(nodejs npm)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" ||
    missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "bootstrap: installing ${missing[*]}"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

tests=OFF
[ "${1:-}" = "--with-tests" ] && tests=ON
if [ ! -f build/build.ninja ]; then
  cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DTOLLGATE_TESTS=$tests >/dev/null
else
  cmake build -DTOLLGATE_TESTS=$tests >/dev/null
fi
cmake --build build -j "$(nproc)"
