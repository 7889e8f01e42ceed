#!/usr/bin/env bash
# Seed corpora for the fuzz targets, generated from the sources in the repo
# (nothing large is committed): DEST/frontend and DEST/pipeline get
# tests/programs/*.py, examples/*.py and tests/lit/**/*.py; DEST/tir gets
# tests/lit/**/*.tir. The committed regression inputs of each target are
# added too. Usage: tests/fuzz/make_corpus.sh DEST
set -euo pipefail
dest=${1:?usage: make_corpus.sh DEST}
root=$(cd "$(dirname "$0")/../.." && pwd)
mkdir -p "$dest/frontend" "$dest/tir" "$dest/pipeline"
copy() {  # copy FILE into DIR under a flat, unique name
  local f=$1 dir=$2 name
  name=$(printf '%s' "${f#"$root"/}" | tr '/' '_')
  cp -f "$f" "$dir/seed_$name"
}
while IFS= read -r -d '' f; do
  copy "$f" "$dest/frontend"
  copy "$f" "$dest/pipeline"
done < <(find "$root/tests/programs" "$root/examples" "$root/tests/lit" -name '*.py' \
           ! -name 'lit.cfg.py' ! -name 'run_differential.py' -print0)
while IFS= read -r -d '' f; do copy "$f" "$dest/tir"; done \
  < <(find "$root/tests/lit" -name '*.tir' -print0)
for t in frontend tir pipeline; do
  find "$root/tests/fuzz/regressions/$t" -type f ! -name '.keep' -exec cp -f {} "$dest/$t/" \;
done
for t in frontend tir pipeline; do
  echo "make_corpus: $t: $(find "$dest/$t" -type f | wc -l) seeds"
done
