#!/usr/bin/env bash
# Fetches /api/v1/openapi.json from a real igsgovd and validates it with an
# independent validator (npm @apidevtools/swagger-parser, installed from the
# committed package-lock.json). A deliberately broken copy must be refused, so
# the oracle is shown to be able to fail.
# Usage: openapi-valid.sh BUILD_DIR
set -euo pipefail
build=$1
here=$(cd "$(dirname "$0")" && pwd)
work="$build/tests/httpd-work/openapi"
rm -rf "$work" && mkdir -p "$work"
pid=
cleanup() { if [ -n "$pid" ]; then kill -TERM "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi; }
trap cleanup EXIT

if [ ! -d "$here/node/node_modules/@apidevtools/swagger-parser" ]; then
  (cd "$here/node" && npm ci --no-audit --no-fund >/dev/null)
fi

"$build/bin/igsgov" --db "$work/register.db" init >/dev/null
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
"$build/bin/igsgovd" --register "$work/register.db" --port "$port" 2>"$work/igsgovd.log" &
pid=$!
for _ in $(seq 1 200); do
  curl -fsS "http://127.0.0.1:$port/api/v1/health" >/dev/null 2>&1 && break
  sleep 0.05
done
curl -fsS "http://127.0.0.1:$port/api/v1/openapi.json" -o "$work/openapi.json"
node "$here/node/validate.mjs" "$work/openapi.json"
# Negative control: a response without its required description is invalid OpenAPI.
python3 - "$work/openapi.json" "$work/broken.json" <<'PY'
import json, sys
doc = json.load(open(sys.argv[1]))
op = doc["paths"]["/api/v1/body.composition"]["post"]
del op["responses"]["200"]["description"]
json.dump(doc, open(sys.argv[2], "w"))
PY
node "$here/node/validate.mjs" "$work/broken.json" --expect-invalid
