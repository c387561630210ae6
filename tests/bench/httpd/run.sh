#!/usr/bin/env bash
# Load test of igsgovd against nginx on the same machine (the upper bound).
#
# Both serve the same bytes over HTTP/1.1 keep-alive on 127.0.0.1: igsgovd
# answers GET /api/v1/body.composition of the sample register (a real read:
# token check + composition query + JSON), nginx a static file holding exactly
# that response body. Both run without per-request logging. wrk drives both
# with the same threads/connections/duration, one after the other, and the
# script prints requests per second, p99 latency and the ratios.
#
# Usage: tests/bench/httpd/run.sh [BUILD_DIR] [DURATION_SECONDS] [CONNECTIONS]
#   (or: cmake --build BUILD_DIR --target bench_httpd)
# Needs: wrk, nginx (Debian packages wrk, nginx-light), curl.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../../.." && pwd)
build=$(cd "${1:-$top/build}" && pwd)
duration=${2:-10}
connections=${3:-16}
threads=2
body=igs-cultuur-va-rvb

for tool in wrk nginx curl; do
  command -v "$tool" >/dev/null || { echo "bench: $tool ontbreekt (apt-get install -y wrk nginx-light curl)" >&2; exit 2; }
done
work=$(mktemp -d /tmp/igsgov-bench-httpd.XXXXXX)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill -TERM "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
wait_for() { for _ in $(seq 1 200); do curl -fsS -o /dev/null "$@" 2>/dev/null && return 0; sleep 0.05; done; echo "bench: $* answers not" >&2; exit 1; }

# The register and a read-only token.
igsgov() { "$build/bin/igsgov" --db "$work/register.db" "$@"; }
igsgov init >/dev/null
igsgov import "$top/config/sample/register.json" >/dev/null
secret=$(igsgov --format json token create --name bench --role auditor | python3 -c 'import json,sys; print(json.load(sys.stdin)["secret"])')

# igsgovd
api_port=$(free_port)
cat >"$work/igsgovd.json" <<JSON
{"register": "register.db", "listen": {"host": "127.0.0.1", "port": $api_port},
 "limits": {"max_threads": $connections, "max_queued": 256, "max_connections_per_address": $((connections + 16))},
 "log": {"level": "warn"}}
JSON
"$build/bin/igsgovd" --config "$work/igsgovd.json" 2>"$work/igsgovd.log" &
pids+=($!)
api_url="http://127.0.0.1:$api_port/api/v1/body.composition?body=$body"
wait_for "http://127.0.0.1:$api_port/api/v1/health"
curl -fsS -H "Authorization: Bearer $secret" "$api_url" -o "$work/composition.json"

# nginx with the same bytes as a static file
web_port=$(free_port)
mkdir -p "$work/www" "$work/nginx"
cp "$work/composition.json" "$work/www/composition.json"
chmod 755 "$work" "$work/www" && chmod 644 "$work/www/composition.json"  # nginx workers run as nobody
cat >"$work/nginx/nginx.conf" <<CONF
worker_processes auto;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log;
daemon off;
events { worker_connections 1024; }
http {
  access_log off;
  default_type application/json;
  keepalive_requests 1000000;
  client_body_temp_path $work/nginx/body;
  proxy_temp_path $work/nginx/proxy;
  fastcgi_temp_path $work/nginx/fastcgi;
  uwsgi_temp_path $work/nginx/uwsgi;
  scgi_temp_path $work/nginx/scgi;
  server {
    listen 127.0.0.1:$web_port;
    root $work/www;
  }
}
CONF
nginx -c "$work/nginx/nginx.conf" -p "$work/nginx" &
pids+=($!)
web_url="http://127.0.0.1:$web_port/composition.json"
wait_for "$web_url"
size_api=$(curl -fsS -H "Authorization: Bearer $secret" "$api_url" | wc -c)
size_web=$(curl -fsS "$web_url" | wc -c)
[ "$size_api" = "$size_web" ] || { echo "bench: sizes differ ($size_api vs $size_web)" >&2; exit 1; }

# wrk prints "Requests/sec: N" and, with --latency, a "99%  Xms" line.
measure() {
  local out
  out=$(wrk -t"$threads" -c"$connections" -d"${duration}s" --latency "$@")
  echo "$out" >>"$work/wrk.txt"
  local errors
  errors=$(echo "$out" | awk '/Non-2xx/ {print $NF}')
  [ -z "$errors" ] || { echo "bench: non-2xx answers: $errors" >&2; echo "$out" >&2; exit 1; }
  local rps p99
  rps=$(echo "$out" | awk '/Requests\/sec:/ {print $2}')
  p99=$(echo "$out" | awk '$1 == "99%" {print $2}')
  echo "$rps $p99"
}
to_ms() { python3 -c 'import re,sys; v,u=re.match(r"([\d.]+)(us|ms|s)$",sys.argv[1]).groups(); print(float(v)*{"us":0.001,"ms":1,"s":1000}[u])' "$1"; }

measure -H "Authorization: Bearer $secret" "$api_url" >/dev/null  # warm-up (page cache, connections)
read -r api_rps api_p99 < <(measure -H "Authorization: Bearer $secret" "$api_url")
read -r web_rps web_p99 < <(measure "$web_url")
api_p99_ms=$(to_ms "$api_p99")
web_p99_ms=$(to_ms "$web_p99")

echo "httpd bench: GET body.composition ($size_api bytes), wrk -t$threads -c$connections -d${duration}s, $(nproc) cores"
printf '%-34s %14s %12s\n' "server" "requests/s" "p99 (ms)"
printf '%-34s %14.0f %12.3f\n' "igsgovd (REST, token, SQLite)" "$api_rps" "$api_p99_ms"
printf '%-34s %14.0f %12.3f\n' "nginx (static file, same bytes)" "$web_rps" "$web_p99_ms"
python3 - "$api_rps" "$web_rps" "$api_p99_ms" "$web_p99_ms" <<'PY'
import sys
a, w, ap, wp = map(float, sys.argv[1:])
print(f"ratio igsgovd/nginx: throughput {a / w:.3f}x, p99 latency {ap / wp:.2f}x")
PY
