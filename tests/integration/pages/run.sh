#!/usr/bin/env bash
# End-to-end test of the intranet pages: installs playwright-core from the
# committed package-lock.json when node_modules is missing (same convention as
# scripts/setup), then runs node/pages.mjs, which starts igsgovd itself.
# Usage: run.sh BUILD_DIR
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
if [ ! -d "$here/node/node_modules/playwright-core" ]; then
  (cd "$here/node" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
fi
exec node "$here/node/pages.mjs" "$1"
