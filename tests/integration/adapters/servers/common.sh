# Shared helpers for the WebDAV test-server scripts (sourced, not run).
# Usage of every start-*.sh: start-X.sh DIR PORT OWNER_PID [MODE]
#   DIR        a fresh temporary folder (config, data in DIR/www/dav, logs)
#   PORT       free TCP port on 127.0.0.1
#   OWNER_PID  the test process: a watchdog stops the server when it dies
# Writes the server's PID to DIR/server.pid and returns when the port answers.
set -euo pipefail

DIR=$1
PORT=$2
OWNER=$3
MODE=${4:-basic}
USER_NAME=igsgov
USER_PASS=${IGSGOV_TEST_DAV_PASSWORD:-s3cret-pass}
mkdir -p "$DIR/www/dav" "$DIR/tmp" "$DIR/lock" "$DIR/run"

if [ "$(id -u)" = 0 ]; then
  RUN_USER=nobody
  RUN_GROUP=nogroup
else
  RUN_USER=$(id -un)
  RUN_GROUP=$(id -gn)
fi

own_data() {
  if [ "$(id -u)" = 0 ]; then chown -R "$RUN_USER:$RUN_GROUP" "$DIR/www" "$DIR/tmp" "$DIR/lock" "$DIR/run"; fi
}

# launch CMD...: starts the server in the background, records its PID and a watchdog.
launch() {
  "$@" >"$DIR/stdout.log" 2>"$DIR/stderr.log" </dev/null &
  local pid=$!
  echo "$pid" >"$DIR/server.pid"
  # Watchdog: stop the server if the test process goes away without stopping it.
  (
    while kill -0 "$OWNER" 2>/dev/null && kill -0 "$pid" 2>/dev/null; do sleep 1; done
    kill "$pid" 2>/dev/null || true
  ) >/dev/null 2>&1 </dev/null &
  for _ in $(seq 1 100); do
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "server exited at start:" >&2
      cat "$DIR/stderr.log" "$DIR"/error.log "$DIR"/run/error.log 2>/dev/null >&2 || true
      exit 1
    fi
    if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then exit 0; fi
    sleep 0.1
  done
  echo "server did not open port $PORT" >&2
  kill "$pid" 2>/dev/null || true
  exit 1
}
