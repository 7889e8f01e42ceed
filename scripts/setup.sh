#!/usr/bin/env bash
# Install what pyc-task needs on Debian 12 (bookworm): compilers, LLVM 16,
# tree-sitter, libffi, CPython 3.11 headers + numpy/numba/pythran (tests and
# benchmarks), OpenMPI, and node/npm for fetching the grammar. Skips apt
# entirely when everything is installed already (fast, works offline).
# Needs root only when something is missing. Usage: scripts/setup.sh
set -euo pipefail

PACKAGES=(
  build-essential cmake ninja-build pkg-config openssl
  llvm-16-dev llvm-16-tools clang-16 libclang-rt-16-dev
  libtree-sitter-dev libffi-dev
  python3-dev python3-numpy python3-numba python3-pythran python3-pytest
  libopenmpi-dev openmpi-bin
  hyperfine valgrind
)

installed() {
  [ "$(dpkg-query -W -f='${db:Status-Status}' "$1" 2>/dev/null)" = installed ]
}

if ! command -v dpkg-query >/dev/null 2>&1; then
  echo "setup.sh: this script is for Debian 12 (dpkg/apt); install the equivalents of:" >&2
  echo "  ${PACKAGES[*]} nodejs npm" >&2
  exit 1
fi

missing=()
for p in "${PACKAGES[@]}"; do
  installed "$p" || missing+=("$p")
done
# npm fetches the pinned tree-sitter-python grammar (scripts/fetch-grammar.sh).
# Only install Debian's nodejs/npm when there is no npm at all: an npm from
# elsewhere (e.g. nodesource's nodejs) conflicts with Debian's npm package.
if ! command -v npm >/dev/null 2>&1; then
  installed nodejs || missing+=(nodejs)
  installed npm || missing+=(npm)
fi

if [ ${#missing[@]} -eq 0 ]; then
  echo "setup.sh: all packages present"
  exit 0
fi

echo "setup.sh: missing packages: ${missing[*]}"
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    SUDO=(sudo -n)
  else
    echo "setup.sh: installing them needs root; run as root, or:" >&2
    echo "  sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
else
  SUDO=()
fi
export DEBIAN_FRONTEND=noninteractive
"${SUDO[@]}" apt-get update
"${SUDO[@]}" apt-get install -y "${missing[@]}"
echo "setup.sh: done"
