#!/usr/bin/env bash
# Fetches /api/v1/openapi.json from a real igsgovd and validates it with an
# independent validator (npm @apidevtools/swagger-parser, installed from the
# committed package-lock.json). A deliberately broken copy must be refused, so
# the oracle is shown to be able to fail. Then generates a TypeScript client's
# types with openapi-typescript and compiles node/client.ts against them with
# tsc --strict; node/client-wrong.ts (an undeclared field) must not compile.
# Usage: openapi-valid.sh BUILD_DIR
set -euo pipefail
build=$1
here=$(cd "$(dirname "$0")" && pwd)
work="${IGSGOV_TEST_SCRATCH:-$build/tests}/httpd-work/openapi"
rm -rf "$work" && mkdir -p "$work"
pid=
cleanup() { if [ -n "$pid" ]; then kill -TERM "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi; }
trap cleanup EXIT

if [ ! -d "$here/node/node_modules/@apidevtools/swagger-parser" ] || [ ! -x "$here/node/node_modules/.bin/tsc" ]; then
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

# The answers this script receives, checked against the document with the shared
# node helper (node/check-answer.mjs, ajv), as the node and shell tests of other
# folders do; a drifted answer must be caught.
answer() { # METHOD PATH FILE: fetch and check
  local code type
  read -r code type < <(curl -sS -X "$1" "http://127.0.0.1:$port$2" -o "$3" -w '%{http_code} %{content_type}\n')
  node "$here/node/check-answer.mjs" "$work/openapi.json" "$1" "$2" "$code" "$type" "$3"
}
answer GET /api/v1/health "$work/health.json"
answer GET /api/v1/openapi.json "$work/openapi-again.json"
answer GET /api/v1/cooperation.list "$work/unauthorised.json"  # 401, the Error schema
echo '{"status": "ok", "journal_head": "drie"}' >"$work/drifted.json"
if node "$here/node/check-answer.mjs" "$work/openapi.json" GET /api/v1/health 200 application/json "$work/drifted.json" 2>/dev/null; then
  echo "check-answer.mjs accepted a drifted answer" >&2
  exit 1
fi
echo "answers match the document; a drifted one is caught"

# The TypeScript client: generated types, a client that compiles, one that must not
# (in the work folder, so the source tree gets no generated files).
node="$here/node"
mkdir -p "$work/ts/generated"
cp "$node/client.ts" "$node/client-wrong.ts" "$node/tsconfig.json" "$work/ts/"
"$node/node_modules/.bin/openapi-typescript" "$work/openapi.json" -o "$work/ts/generated/igsgov.ts" >/dev/null 2>&1
"$node/node_modules/.bin/tsc" -p "$work/ts/tsconfig.json"
echo "client.ts compiles against the generated types"
sed -i 's/"client.ts"/"client-wrong.ts"/' "$work/ts/tsconfig.json"
if "$node/node_modules/.bin/tsc" -p "$work/ts/tsconfig.json" >"$work/tsc-wrong.log" 2>&1; then
  echo "client-wrong.ts compiled: the generated types do not describe the answers" >&2
  exit 1
fi
grep -q "persoon" "$work/tsc-wrong.log" || { cat "$work/tsc-wrong.log" >&2; exit 1; }
echo "client-wrong.ts is refused by tsc (undeclared field)"
