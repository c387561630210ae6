#!/usr/bin/env bash
# virtuoso.sh: run Debian's Virtuoso (package virtuoso-opensource) for a test.
#
#   virtuoso.sh start DIR TTL...   create DIR, pick two free ports on 127.0.0.1,
#                                  start virtuoso-t in the foreground (background
#                                  job), wait until SQL answers, load each Turtle
#                                  file into graph https://igsgov.example/fixture/graph,
#                                  write DIR/pid, DIR/sql_port, DIR/http_port and
#                                  print the SPARQL endpoint URL.
#   virtuoso.sh load DIR GRAPH TTL...
#                                  load more Turtle files into graph GRAPH of the
#                                  Virtuoso that `start DIR` started (one server
#                                  for several test binaries: CI time).
#   virtuoso.sh stop DIR           "shutdown" through isql-vt, then kill the PID
#                                  from DIR/pid if still alive (TERM, then KILL).
#
# Only the process whose PID this script recorded is ever signalled.
set -euo pipefail

GRAPH="https://igsgov.example/fixture/graph"

free_port() {
  python3 - <<'PY' 2>/dev/null || perl -MIO::Socket::INET -e 'my $s=IO::Socket::INET->new(Listen=>1,LocalAddr=>"127.0.0.1:0") or die; print $s->sockport'
import socket
s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()
PY
}

isql() { # port, sql
  isql-vt "127.0.0.1:$1" dba dba "exec=$2" </dev/null
}

cmd_start() {
  local dir="$1"; shift
  mkdir -p "$dir/db"
  dir="$(cd "$dir" && pwd)"
  local sql_port http_port
  sql_port="$(free_port)"
  http_port="$(free_port)"
  while [ "$http_port" = "$sql_port" ]; do http_port="$(free_port)"; done
  mkdir -p "$dir/data"
  local i=0
  for ttl in "$@"; do
    cp "$ttl" "$dir/data/load-$i.ttl"; i=$((i + 1))
  done
  cat > "$dir/virtuoso.ini" <<INI
[Database]
DatabaseFile       = $dir/db/virtuoso.db
ErrorLogFile       = $dir/db/virtuoso.log
LockFile           = $dir/db/virtuoso.lck
TransactionFile    = $dir/db/virtuoso.trx
xa_persistent_file = $dir/db/virtuoso.pxa
ErrorLogLevel      = 7
FileExtend         = 200
Striping           = 0
TempStorage        = TempDatabase

[TempDatabase]
DatabaseFile       = $dir/db/virtuoso-temp.db
TransactionFile    = $dir/db/virtuoso-temp.trx

[Parameters]
ServerPort               = 127.0.0.1:$sql_port
DisableUnixSocket        = 1
MaxClientConnections     = 10
CheckpointInterval       = 0
CaseMode                 = 2
DirsAllowed              = ., $dir/data
NumberOfBuffers          = 2000
MaxDirtyBuffers          = 1500
ThreadsPerQuery          = 2
MaxQueryMem              = 256M

[HTTPServer]
ServerPort               = 127.0.0.1:$http_port
ServerRoot               = $dir
MaxClientConnections     = 5
ServerThreads            = 5
MaxKeepAlives            = 5
KeepAliveTimeout         = 10
Charset                  = UTF-8

[SPARQL]
ResultSetMaxRows           = 10000
MaxQueryExecutionTime      = 60
INI
  ( cd "$dir" && exec virtuoso-t -f -c "$dir/virtuoso.ini" >"$dir/virtuoso.out" 2>&1 ) &
  echo $! > "$dir/pid"
  echo "$sql_port" > "$dir/sql_port"
  echo "$http_port" > "$dir/http_port"
  local ok=0
  for _ in $(seq 1 120); do
    if ! kill -0 "$(cat "$dir/pid")" 2>/dev/null; then
      echo "virtuoso-t exited early:" >&2; tail -20 "$dir/virtuoso.out" "$dir/db/virtuoso.log" >&2 || true
      return 1
    fi
    if isql "$sql_port" "status();" >/dev/null 2>&1; then ok=1; break; fi
    sleep 0.25
  done
  [ "$ok" = 1 ] || { echo "virtuoso did not answer on 127.0.0.1:$sql_port" >&2; return 1; }
  load_files "$sql_port" "$GRAPH" "$dir"/data/load-*.ttl
  echo "http://127.0.0.1:$http_port/sparql"
}

load_files() { # sql_port graph file... (files inside a DirsAllowed directory)
  local sql_port="$1" graph="$2"; shift 2
  local f out
  for f in "$@"; do
    [ -e "$f" ] || continue
    out="$(isql "$sql_port" "DB.DBA.TTLP_MT(file_to_string_output('$f'), '', '$graph', 0); checkpoint;" 2>&1)" || {
      echo "loading $f failed: $out" >&2; return 1; }
    if echo "$out" | grep -q "\*\*\* Error"; then echo "loading $f failed: $out" >&2; return 1; fi
  done
}

cmd_load() {
  local dir graph
  dir="$(cd "$1" && pwd)"; graph="$2"; shift 2
  local i ttl files=()
  i=$(find "$dir/data" -name 'load-*.ttl' | wc -l)
  for ttl in "$@"; do
    cp "$ttl" "$dir/data/load-$i.ttl"; files+=("$dir/data/load-$i.ttl"); i=$((i + 1))
  done
  load_files "$(cat "$dir/sql_port")" "$graph" "${files[@]}"
}

cmd_stop() {
  local dir="$1"
  [ -f "$dir/pid" ] || return 0
  local pid sql_port
  pid="$(cat "$dir/pid")"
  sql_port="$(cat "$dir/sql_port" 2>/dev/null || true)"
  if kill -0 "$pid" 2>/dev/null && [ -n "$sql_port" ]; then
    timeout 10 isql-vt "127.0.0.1:$sql_port" dba dba "exec=shutdown;" </dev/null >/dev/null 2>&1 || true
  fi
  for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 20); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$dir/pid"
}

case "${1:-}" in
  start) shift; cmd_start "$@" ;;
  load) shift; cmd_load "$@" ;;
  stop) shift; cmd_stop "$@" ;;
  *) echo "usage: $0 start DIR TTL... | load DIR GRAPH TTL... | stop DIR" >&2; exit 2 ;;
esac
