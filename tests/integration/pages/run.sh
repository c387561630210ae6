#!/usr/bin/env bash
# End-to-end test of the intranet pages: installs playwright-core from the
# committed package-lock.json when node_modules is missing (same convention as
# scripts/setup), then runs one script of node/ (pages.mjs or a journey-*.mjs),
# which starts igsgovd itself through node/harness.mjs.
# Usage: run.sh BUILD_DIR [SCRIPT]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
if [ ! -d "$here/node/node_modules/playwright-core" ] || [ ! -d "$here/node/node_modules/axe-core" ]; then
  (cd "$here/node" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
fi
exec node "$here/node/${2:-pages.mjs}" "$1"
