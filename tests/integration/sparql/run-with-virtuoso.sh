#!/usr/bin/env bash
# run-with-virtuoso.sh TEST_BINARY TTL [gtest args...] [--then COMMAND ARGS... [--then ...]]
# Starts Virtuoso on 127.0.0.1 (free ports, temp dir), loads TTL, runs the test
# binary with IGSGOV_SPARQL_ENDPOINT set, and always stops Virtuoso by PID
# (shutdown through isql, then kill), also when the test fails or is interrupted.
#
# Each `--then COMMAND ARGS...` runs afterwards against the same server (one
# Virtuoso start per CI run instead of one per test folder: it is the slowest
# part of these tests), with IGSGOV_SPARQL_ENDPOINT, IGSGOV_SPARQL_GRAPH (the
# fixture's graph) and VIRTUOSO_DIR (for `virtuoso.sh load VIRTUOSO_DIR GRAPH
# TTL...`) in its environment. A guest reads the fixture's graph, or loads its
# own data into a graph of its own, so guests do not see each other's data. Every command runs even when an earlier one failed; the exit status
# is the first failure's.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
bin="$1"; ttl="$2"; shift 2
main_args=()
while [ $# -gt 0 ] && [ "$1" != "--then" ]; do main_args+=("$1"); shift; done
guests=()  # each guest as one string of NUL-free words separated by \x1f
while [ $# -gt 0 ]; do
  shift  # --then
  words=()
  while [ $# -gt 0 ] && [ "$1" != "--then" ]; do words+=("$1"); shift; done
  guests+=("$(IFS=$'\x1f'; echo "${words[*]}")")
done
dir="$(mktemp -d "${TMPDIR:-/tmp}/igsgov-virtuoso.XXXXXX")"
cleanup() {
  "$here/virtuoso.sh" stop "$dir" || true
  rm -rf "$dir"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
endpoint="$("$here/virtuoso.sh" start "$dir" "$ttl")"
echo "virtuoso: $endpoint (pid $(cat "$dir/pid"))"
graph="https://igsgov.example/fixture/graph"  # where virtuoso.sh start loads TTL
status=0
IGSGOV_SPARQL_ENDPOINT="$endpoint" IGSGOV_SPARQL_GRAPH="$graph" "$bin" "${main_args[@]+"${main_args[@]}"}" || status=$?
for guest in "${guests[@]+"${guests[@]}"}"; do
  IFS=$'\x1f' read -r -a words <<<"$guest"
  echo "--- then: ${words[*]}"
  rc=0
  IGSGOV_SPARQL_ENDPOINT="$endpoint" IGSGOV_SPARQL_GRAPH="$graph" VIRTUOSO_DIR="$dir" "${words[@]}" || rc=$?
  [ "$rc" = 0 ] || { echo "--- failed ($rc): ${words[*]}" >&2; [ "$status" != 0 ] || status=$rc; }
done
exit "$status"
