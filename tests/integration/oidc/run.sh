#!/usr/bin/env bash
# igsgovd's sign-in with OpenID Connect against a real OpenID provider: installs
# oidc-provider from the committed package-lock.json when node_modules is
# missing (same convention as the other tests/**/node folders), then runs
# node/oidc.mjs, which starts the provider and igsgovd itself and stops both by PID.
# Usage: run.sh BUILD_DIR
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
if [ ! -d "$here/node/node_modules/oidc-provider" ]; then
  (cd "$here/node" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
fi
exec node "$here/node/oidc.mjs" "$1"
