#!/bin/sh
# Runs the template benchmark: igsgov vs docxtemplater, same letter and data.
# Usage: tests/bench/docs/run.sh [BUILD_DIR] [N]
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
build=${1:-$root/build}
n=${2:-2000}
if [ ! -d "$root/tests/integration/docs/node/node_modules/docxtemplater" ]; then
  (cd "$root/tests/integration/docs/node" && npm ci --no-audit --no-fund)
fi
cmake --build "$build" --target bench_docs -j2 >/dev/null
exec "$build/bench/bench_docs" "$n"
