#!/usr/bin/env bash
# run-with-virtuoso.sh TEST_BINARY TTL [gtest args...]
# Starts Virtuoso on 127.0.0.1 (free ports, temp dir), loads TTL, runs the test
# binary with IGSGOV_SPARQL_ENDPOINT set, and always stops Virtuoso by PID
# (shutdown through isql, then kill), also when the test fails or is interrupted.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
bin="$1"; ttl="$2"; shift 2
dir="$(mktemp -d "${TMPDIR:-/tmp}/igsgov-virtuoso.XXXXXX")"
cleanup() {
  "$here/virtuoso.sh" stop "$dir" || true
  rm -rf "$dir"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
endpoint="$("$here/virtuoso.sh" start "$dir" "$ttl")"
echo "virtuoso: $endpoint (pid $(cat "$dir/pid"))"
IGSGOV_SPARQL_ENDPOINT="$endpoint" IGSGOV_SPARQL_GRAPH="https://igsgov.example/fixture/graph" "$bin" "$@"
