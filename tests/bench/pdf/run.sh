#!/bin/sh
# PDF benchmark: 285 engagementsverklaringen (every Flemish gemeente) as PDF,
# igsgov's LibreOffice batch against one soffice per document through
# libreoffice-convert, side by side with the ratio, in one run.
# Usage: tests/bench/pdf/run.sh [BUILD_DIR] [MEMBERS] [PARALLEL]
#   MEMBERS:  fewer members for a quick try (default or 0: all 285)
#   PARALLEL: baseline conversions at a time (default or 0: one per core, the
#             limit igsgov keeps)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
build=${1:-$root/build}
members=${2:-0}
parallel=${3:-0}
if [ ! -d "$here/node/node_modules/libreoffice-convert" ]; then
  (cd "$here/node" && npm ci --no-audit --no-fund)
fi
cmake --build "$build" --target bench_pdf -j2 >/dev/null
work=$(mktemp -d "${TMPDIR:-/tmp}/igsgov-pdfbench-XXXXXX")
trap 'rm -rf "$work"' EXIT
trap 'exit 130' INT TERM
echo "uptime before: $(uptime)"
"$build/bench/bench_pdf" "$work" "$members" "$parallel"
echo "uptime after: $(uptime)"
