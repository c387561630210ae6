#!/bin/sh
# Dumps docxtemplater's fixtures with node and runs them through our engine.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
harness=$1
if [ ! -d "$here/node/node_modules/docxtemplater" ]; then
  echo "docxtemplater missing: run 'npm ci' in $here/node" >&2
  exit 1
fi
dump=$(mktemp)
trap 'rm -f "$dump"' EXIT
node "$here/node/fixtures-dump.js" > "$dump"
"$harness" "$dump" "$here/fixtures-known-differences.txt"
