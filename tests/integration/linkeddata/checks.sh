#!/usr/bin/env bash
# checks.sh MODE BUILD_DIR WORK [ROUNDTRIP_BINARY]
# Makes two registers (the sample, and tests/fixtures/linkeddata/lastig.json with
# one mandate retracted), exports each with `igsgov export --format turtle|jsonld|json`
# under its own base URI, then checks them (MODE):
#   parse      python3-rdflib parses Turtle and JSON-LD, they agree, and say what the register says (check_rdf.py);
#              the example query of docs/open-data.md gives the register's mandates of its day (doc_query.py);
#              a second export is byte-identical, and one after a change keeps every IRI (stable_iris.py)
#   shacl      rdf-validate-shacl: conform to tests/fixtures/shacl/mandaten.ttl; a broken copy must not
#   roundtrip  both Turtle files into Virtuoso (graph of its own; the SPARQL tests' server when
#              run as their guest, VIRTUOSO_DIR set); the designation query reads back exactly the designations
#   rest       igsgovd (linked_data.base_uri configured) answers the same documents with their media types
# Each check also runs a negative control, so it is shown to be able to fail.
set -euo pipefail
mode=$1 build=$2 work=$3
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
igsgov="$build/bin/igsgov"
py=/usr/bin/python3  # Debian's python, with python3-rdflib (scripts/packages/linkeddata.txt)
rm -rf "$work" && mkdir -p "$work"

declare -A base=([sample]="https://data.voorbeeld.be/id/" [lastig]="https://igs.voorbeeld.be/open/ld/")
make_register() { # name interchange-file
  "$igsgov" --db "$work/$1.db" init >/dev/null
  "$igsgov" --db "$work/$1.db" import "$2" >/dev/null
}
make_register sample "$root/config/sample/register.json"
make_register lastig "$root/tests/fixtures/linkeddata/lastig.json"
"$igsgov" --db "$work/lastig.db" mandate retract --id m-8 --reason "test: ingetrokken mandaat wordt niet gepubliceerd" >/dev/null
for name in sample lastig; do
  "$igsgov" --db "$work/$name.db" export --format turtle --base-uri "${base[$name]}" >"$work/$name.ttl"
  "$igsgov" --db "$work/$name.db" export --format jsonld --base-uri "${base[$name]}" >"$work/$name.jsonld"
  "$igsgov" --db "$work/$name.db" --format json export >"$work/$name.json"
done

case "$mode" in
parse)
  for name in sample lastig; do
    "$py" "$here/check_rdf.py" "$work/$name.ttl" "$work/$name.jsonld" "$work/$name.json" "${base[$name]}"
  done
  # The users' guide's example query (docs/open-data.md) gives the register's mandates of its day.
  "$py" "$here/doc_query.py" "$root/docs/open-data.md" "$work/sample.ttl" "$work/sample.json" \
    "$work/lastig.ttl" "$work/lastig.json"
  # Negative controls: a Turtle file with one literal's escaping undone does not parse;
  # one with a mandate's start changed parses but no longer says what the register says.
  sed 's/\\"Samen\\"/"Samen"/' "$work/lastig.ttl" >"$work/broken-escape.ttl"
  if "$py" -c 'import rdflib,sys; rdflib.Graph().parse(sys.argv[1], format="turtle")' "$work/broken-escape.ttl" 2>/dev/null; then
    echo "negative control: unescaped quotes were parsed" >&2; exit 1
  fi
  sed 's/mandaat:start "2019-03-01"/mandaat:start "2019-03-02"/' "$work/lastig.ttl" >"$work/changed.ttl"
  if "$py" "$here/check_rdf.py" "$work/changed.ttl" "$work/lastig.jsonld" "$work/lastig.json" "${base[lastig]}" >/dev/null; then
    echo "negative control: a changed start date was not noticed" >&2; exit 1
  fi
  if "$py" "$here/doc_query.py" "$root/docs/open-data.md" "$work/changed.ttl" "$work/lastig.json" 2>/dev/null; then
    echo "negative control: the example query did not notice a changed start date" >&2; exit 1
  fi
  # Stable URIs: exporting again gives the same bytes; after a change (m-7 ends, m-7b takes over)
  # every IRI of the earlier export is still there. Negative control: another base renames them all.
  cp "$work/lastig.db" "$work/later.db"
  "$igsgov" --db "$work/later.db" export --format turtle --base-uri "${base[lastig]}" | cmp - "$work/lastig.ttl"
  "$igsgov" --db "$work/later.db" mandate change --id m-7 --new-id m-7b --from 2026-01-01 --fractie "Nieuwe \"lijst\"" \
    --reason "test: stabiele URI's" >/dev/null
  "$igsgov" --db "$work/later.db" export --format turtle --base-uri "${base[lastig]}" >"$work/later.ttl"
  "$igsgov" --db "$work/later.db" export --format turtle --base-uri "${base[sample]}" >"$work/other-base.ttl"
  "$py" "$here/stable_iris.py" "$work/lastig.ttl" "$work/later.ttl"
  if "$py" "$here/stable_iris.py" "$work/lastig.ttl" "$work/other-base.ttl" 2>/dev/null; then
    echo "negative control: IRIs under another base were taken as stable" >&2; exit 1
  fi
  # A URI that is no absolute URI is refused when it is written (model/Identifiers), and the register
  # is unchanged; one that got into a register before that check (written here behind the library's
  # back with sqlite3) stops the export with a Dutch message naming the record.
  cp "$work/lastig.db" "$work/bad-uri.db"
  before=$(sha256sum <"$work/bad-uri.db")
  if "$igsgov" --db "$work/bad-uri.db" person correct --id lp-6 --uri "www.voorbeeld.be/persoon 6" --reason "test" \
      >/dev/null 2>"$work/bad-uri-write.err"; then
    echo "a person URI without scheme was stored" >&2; exit 1
  fi
  grep -q "lp-6" "$work/bad-uri-write.err" || { cat "$work/bad-uri-write.err" >&2; exit 1; }
  [ "$(sha256sum <"$work/bad-uri.db")" = "$before" ] || { echo "a refused URI changed the register" >&2; exit 1; }
  sqlite3 "$work/bad-uri.db" "UPDATE person SET uri = 'www.voorbeeld.be/persoon 6' WHERE id = 'lp-6' AND rec_to IS NULL"
  if "$igsgov" --db "$work/bad-uri.db" export --format turtle --base-uri "${base[lastig]}" >/dev/null 2>"$work/bad-uri.err"; then
    echo "a person URI without scheme was published" >&2; exit 1
  fi
  grep -q "geen absolute URI.*persoon 'lp-6', veld 'uri'" "$work/bad-uri.err" || { cat "$work/bad-uri.err" >&2; exit 1; }
  echo "parse: ok (negative controls refused)"
  ;;
shacl)
  node_dir="$here/node"
  if [ ! -d "$node_dir/node_modules/rdf-validate-shacl" ]; then
    (cd "$node_dir" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
  fi
  shapes="$root/tests/fixtures/shacl/mandaten.ttl"
  # Negative controls (must not conform): a mandataris without start, a start typed as a plain
  # string, a person with an identifier. One node process for all files.
  grep -v 'mandaat:start "2019-03-01"' "$work/lastig.ttl" >"$work/no-start.ttl"
  sed 's/mandaat:start "2025-02-01"^^xsd:date/mandaat:start "2025-02-01"/' "$work/lastig.ttl" >"$work/untyped.ttl"
  printf '\n<https://igs.voorbeeld.be/open/ld/personen/lp-1> <http://www.w3.org/ns/adms#identifier> "x" .\n' \
    | cat "$work/lastig.ttl" - >"$work/identifier.ttl"
  node "$node_dir/validate-shacl.mjs" "$shapes" "$work/sample.ttl" "$work/lastig.ttl" \
    --expect-invalid "$work/no-start.ttl" "$work/untyped.ttl" "$work/identifier.ttl"
  echo "shacl: ok (negative controls refused)"
  ;;
roundtrip)
  bin=$4
  virtuoso="$root/tests/integration/sparql/virtuoso.sh"
  graph="https://igsgov.example/linkeddata/graph"
  if [ -n "${VIRTUOSO_DIR:-}" ]; then
    # A guest of the SPARQL tests' Virtuoso (run-with-virtuoso.sh --then): one server start.
    vdir=$VIRTUOSO_DIR endpoint=$IGSGOV_SPARQL_ENDPOINT
  else
    vdir="$work/virtuoso"
    cleanup() { "$virtuoso" stop "$vdir" || true; }
    trap cleanup EXIT
    trap 'exit 130' INT TERM
    endpoint=$("$virtuoso" start "$vdir")
  fi
  "$virtuoso" load "$vdir" "$graph" "$work/sample.ttl" "$work/lastig.ttl"
  echo "virtuoso: $endpoint (pid $(cat "$vdir/pid")), graph $graph"
  cases="${base[sample]}|$work/sample.json;${base[lastig]}|$work/lastig.json"
  export IGSGOV_SPARQL_ENDPOINT="$endpoint" IGSGOV_SPARQL_GRAPH="$graph"
  IGSGOV_LD_CASES="$cases" "$bin"
  # Negative control: the register changed after the export (a mandate ended) no longer matches.
  "$igsgov" --db "$work/lastig.db" mandate end --id m-2 --until 2024-06-30 --reason "test" >/dev/null
  "$igsgov" --db "$work/lastig.db" --format json export >"$work/lastig-changed.json"
  if IGSGOV_LD_CASES="${base[lastig]}|$work/lastig-changed.json" "$bin" >"$work/negative.log" 2>&1; then
    echo "negative control: a changed register still matched what was read back" >&2; exit 1
  fi
  echo "roundtrip: ok (negative control refused)"
  ;;
rest)
  port=$("$py" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
  printf '{"register": "%s", "linked_data": {"base_uri": "%s"}}\n' "$work/lastig.db" "${base[lastig]}" >"$work/igsgovd.json"
  secret=$("$igsgov" --db "$work/lastig.db" --format json token create --name t-ld --role auditor \
             | "$py" -c 'import json,sys; print(json.load(sys.stdin)["secret"])')
  "$build/bin/igsgovd" --config "$work/igsgovd.json" --port "$port" 2>"$work/igsgovd.log" &
  pid=$!
  trap 'kill -TERM "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true' EXIT
  for _ in $(seq 1 200); do
    curl -fsS "http://127.0.0.1:$port/api/v1/health" >/dev/null 2>&1 && break
    sleep 0.05
  done
  api="http://127.0.0.1:$port/api/v1/register.export"
  auth="Authorization: Bearer $secret"
  # Every answer is also checked against the published OpenAPI document
  # (tests/integration/httpd/node/check-answer.mjs, with that folder's ajv).
  oracle="$(cd "$(dirname "$0")/../httpd/node" && pwd)"
  [ -d "$oracle/node_modules/ajv" ] || { echo "run 'npm ci' in $oracle first" >&2; exit 1; }
  curl -fsS "http://127.0.0.1:$port/api/v1/openapi.json" -o "$work/openapi.json"
  schema_check() { # METHOD PATH STATUS CONTENT-TYPE FILE
    node "$oracle/check-answer.mjs" "$work/openapi.json" "$@" || exit 1
  }
  check() { # format media-type file
    local type
    type=$(curl -fsS -H "$auth" "$api?format=$1" -o "$work/rest.$1" -w '%{content_type}')
    schema_check GET "/api/v1/register.export?format=$1" 200 "$type" "$work/rest.$1"
    [ "$type" = "$2" ] || { echo "REST $1: Content-Type '$type', expected '$2'" >&2; exit 1; }
    cmp "$work/rest.$1" "$3" || { echo "REST $1 differs from the CLI's export" >&2; exit 1; }
  }
  check turtle "text/turtle; charset=utf-8" "$work/lastig.ttl"
  check jsonld "application/ld+json" "$work/lastig.jsonld"
  # POST with a JSON body, the same document.
  type=$(curl -fsS -H "$auth" -H 'Content-Type: application/json' -d '{"format":"turtle"}' "$api" -o "$work/rest.post" -w '%{content_type}')
  [ "$type" = "text/turtle; charset=utf-8" ] && cmp "$work/rest.post" "$work/lastig.ttl"
  # Errors stay JSON: an unknown format, and a bad base URI in the request.
  status=$(curl -sS -H "$auth" "$api?format=rdfxml" -o "$work/rest.err" -w '%{http_code} %{content_type}')
  [ "$status" = "400 application/json; charset=utf-8" ] || { echo "REST bad format: $status" >&2; exit 1; }
  schema_check GET /api/v1/register.export 400 "application/json" "$work/rest.err"
  grep -q '"field":"'"'"'format'"'"'"' "$work/rest.err" || { cat "$work/rest.err" >&2; exit 1; }
  status=$(curl -sS -H "$auth" "$api?format=turtle&base_uri=ftp://x/" -o "$work/rest.err2" -w '%{http_code}')
  [ "$status" = "400" ] || { echo "REST bad base: $status" >&2; exit 1; }
  # The interchange format is unchanged: JSON.
  type=$(curl -fsS -H "$auth" "$api" -o "$work/rest.json" -w '%{content_type}')
  [ "$type" = "application/json; charset=utf-8" ]
  schema_check GET /api/v1/register.export 200 "$type" "$work/rest.json"
  echo "rest: ok"
  ;;
*) echo "usage: $0 parse|shacl|roundtrip|rest BUILD_DIR WORK [BINARY]" >&2; exit 2 ;;
esac
