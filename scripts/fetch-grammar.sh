#!/usr/bin/env bash
# Fetch the tree-sitter-python grammar sources from the npm registry at a
# pinned version, check the tarball against its pinned sha512 integrity, and
# unpack src/ and LICENSE into DEST. Never committed: DEST lives in the build
# tree. Usage: fetch-grammar.sh DEST
set -euo pipefail
VERSION=0.23.6
INTEGRITY=sha512-yIM9z0oxKIxT7bAtPOhgoVl6gTXlmlIhue7liFT4oBPF/lha7Ha4dQBS82Av6hMMRZoVnFJI8M6mL+SwWoLD3A==
dest=${1:?usage: fetch-grammar.sh DEST}
if [ -f "$dest/.ok-$VERSION" ]; then exit 0; fi
mkdir -p "$dest"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
( cd "$tmp" && npm pack --silent "tree-sitter-python@$VERSION" >/dev/null )
tgz="$tmp/tree-sitter-python-$VERSION.tgz"
actual="sha512-$(openssl dgst -sha512 -binary "$tgz" | base64 -w0)"
if [ "$actual" != "$INTEGRITY" ]; then
  echo "fetch-grammar: integrity mismatch for tree-sitter-python@$VERSION" >&2
  echo "  expected $INTEGRITY" >&2
  echo "  got      $actual" >&2
  exit 1
fi
tar -xzf "$tgz" -C "$dest" --strip-components=1 package/src package/LICENSE
touch "$dest/.ok-$VERSION"
echo "fetch-grammar: tree-sitter-python@$VERSION ok ($dest)"
