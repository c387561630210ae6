#!/usr/bin/env bash
# postgres.sh: a throwaway PostgreSQL 15 cluster for a test (Debian's
# postgresql-15 server binaries; never the system service).
#
#   postgres.sh run CMD ARGS...   initdb a cluster in a new temporary folder
#                                 (locale C, UTF-8, trust for local and 127.0.0.1),
#                                 start `postgres` on 127.0.0.1 on a free port with
#                                 its unix socket in that folder, run CMD with
#                                 IGSGOV_TEST_DB=postgresql://igsgov@127.0.0.1:PORT/
#                                 (and IGSGOV_TEST_PGDATA, IGSGOV_TEST_PGPID), stop
#                                 the server by the PID this script started, remove
#                                 the folder, and exit with CMD's status. A
#                                 server CMD restarted (pg_ctl restart) is
#                                 stopped too, by the PID in its postmaster.pid.
#
# A server that does not start is a failure (exit 1), never a skip. As root
# (containers), the server runs as the `postgres` user: PostgreSQL refuses root.
set -euo pipefail

BIN="${IGSGOV_PG_BIN:-/usr/lib/postgresql/15/bin}"

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

as_server() {
  if [ "$(id -u)" = 0 ]; then setpriv --reuid=postgres --regid=postgres --clear-groups -- "$@"; else "$@"; fi
}

cmd_run() {
  [ -x "$BIN/postgres" ] || { echo "postgres.sh: $BIN/postgres not found (package postgresql-15)" >&2; exit 1; }
  local dir port pid status
  dir="$(mktemp -d "${TMPDIR:-/tmp}/igsgov-pg.XXXXXX")"
  chmod 755 "$dir"
  [ "$(id -u)" = 0 ] && chown postgres:postgres "$dir"
  as_server "$BIN/initdb" -D "$dir/data" -U igsgov -A trust -E UTF8 --locale=C --no-sync >"$dir/initdb.log" 2>&1 ||
    { cat "$dir/initdb.log" >&2; rm -rf "$dir"; exit 1; }
  port="$(free_port)"
  # Started with exec in the background job, so $! is the server itself (a
  # function would leave a subshell in between that ignores SIGINT).
  ( exec $([ "$(id -u)" = 0 ] && echo setpriv --reuid=postgres --regid=postgres --clear-groups --) \
      "$BIN/postgres" -D "$dir/data" -k "$dir" -c listen_addresses=127.0.0.1 -p "$port" \
      -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200 \
      >"$dir/server.log" 2>&1 ) &
  pid=$!
  local i
  for i in $(seq 1 300); do
    if "$BIN/pg_isready" -q -h 127.0.0.1 -p "$port" -U igsgov; then break; fi
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "postgres.sh: the server did not start:" >&2; cat "$dir/server.log" >&2; rm -rf "$dir"; exit 1
    fi
    sleep 0.1
  done
  if ! "$BIN/pg_isready" -q -h 127.0.0.1 -p "$port" -U igsgov; then
    echo "postgres.sh: the server did not answer within 30 s" >&2; cat "$dir/server.log" >&2
    kill -INT "$pid" 2>/dev/null || true; wait "$pid" || true; rm -rf "$dir"; exit 1
  fi
  set +e
  IGSGOV_TEST_DB="postgresql://igsgov@127.0.0.1:$port/" IGSGOV_TEST_PGDATA="$dir/data" IGSGOV_TEST_PGPID="$pid" "$@"
  status=$?
  set -e
  kill -INT "$pid" 2>/dev/null || true  # fast shutdown
  wait "$pid" 2>/dev/null || true
  # A test that restarted the server (pg_ctl restart: the fault tests of
  # tests/integration/httpd) leaves a new postmaster; its PID is in its own
  # data folder's postmaster.pid, so this stops that server and no other.
  local restarted
  restarted="$(head -1 "$dir/data/postmaster.pid" 2>/dev/null || true)"
  if [ -n "$restarted" ] && [ "$restarted" != "$pid" ] && kill -INT "$restarted" 2>/dev/null; then
    for i in $(seq 1 300); do kill -0 "$restarted" 2>/dev/null || break; sleep 0.1; done
  fi
  if [ "$status" != 0 ] && [ -s "$dir/server.log" ]; then
    echo "--- postgres server log (last 30 lines) ---" >&2; tail -30 "$dir/server.log" >&2
  fi
  rm -rf "$dir"
  exit "$status"
}

case "${1:-}" in
  run) shift; cmd_run "$@" ;;
  *) echo "usage: postgres.sh run CMD ARGS..." >&2; exit 2 ;;
esac
