#!/usr/bin/env bash
# Sync benchmark: igsgov's sync engine against rclone (Debian's 1.60) on the
# SAME Apache mod_dav server (FileETag Digest, basic auth, 127.0.0.1), in one run:
#   1. 2,000 files of 4 KiB, first upload
#   2. the same 2,000 files again, nothing changed
#   3. 20 files of 5 MiB, first upload
#   4. correctness: one small file edited keeping its size, then both tools run
#      again; the server must hold the edit (rclone on plain WebDAV compares
#      sizes only and misses it).
# Prints times and ratios (rclone / igsgov). Targets (issue 6): >= 10x faster on
# small files, not slower on large ones, the no-change re-run of 2,000 files
# under 0.2 s.
# Usage: tests/bench/sync/run.sh [BUILD_DIR]   (needs the target sync_bench built)
set -euo pipefail
SRC=$(cd "$(dirname "$0")/../../.." && pwd)
BUILD=$(cd "${1:-$SRC/build}" && pwd)
BENCH=$BUILD/bench/sync_bench
SERVERS=$SRC/tests/integration/adapters/servers
[ -x "$BENCH" ] || { echo "build the target sync_bench first ($BENCH)" >&2; exit 2; }
command -v rclone >/dev/null || { echo "rclone missing: apt-get install rclone" >&2; exit 2; }

WORK=$(mktemp -d /tmp/igsgov-syncbench-XXXXXX)
chmod 755 "$WORK"
cleanup() {
  if [ -f "$WORK/apache/server.pid" ]; then kill "$(cat "$WORK/apache/server.pid")" 2>/dev/null || true; fi
  sleep 0.2
  rm -rf "$WORK"
}
trap cleanup EXIT

free_port() {
  local p
  while :; do
    p=$((20000 + RANDOM % 40000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then echo "$p"; return; fi
  done
}
now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", b - a }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.1f", a / b; else print "inf" }'; }

PORT=$(free_port)
export IGSGOV_BENCH_DAV_PASSWORD=bench-pass-1
IGSGOV_TEST_DAV_PASSWORD=$IGSGOV_BENCH_DAV_PASSWORD "$SERVERS/start-apache.sh" "$WORK/apache" "$PORT" $$ basic
# The test script stores a bcrypt hash (~4 ms of server CPU per request on 2 cores); use
# htpasswd's default (apr1) so the server's password check does not dominate. Same server,
# same file, for both tools (Apache re-reads AuthUserFile on every request).
htpasswd -b -c -m "$WORK/apache/htpasswd" igsgov "$IGSGOV_BENCH_DAV_PASSWORD" 2>/dev/null
URL="http://127.0.0.1:$PORT/dav"
export RCLONE_CONFIG_BENCH_TYPE=webdav RCLONE_CONFIG_BENCH_URL="$URL" RCLONE_CONFIG_BENCH_VENDOR=other
export RCLONE_CONFIG_BENCH_USER=igsgov RCLONE_CONFIG_BENCH_PASS="$(rclone obscure "$IGSGOV_BENCH_DAV_PASSWORD")"
RCLONE=(rclone --config /dev/null -q)

echo "Generating data..."
mkdir -p "$WORK/small" "$WORK/large"
head -c $((2000 * 4096)) /dev/urandom > "$WORK/small.bin"
split -b 4096 -a 4 -d "$WORK/small.bin" "$WORK/small/f-"
rm "$WORK/small.bin"
for i in $(seq -w 1 20); do head -c $((5 * 1024 * 1024)) /dev/urandom > "$WORK/large/big-$i.bin"; done
[ "$(ls "$WORK/small" | wc -l)" = 2000 ] || { echo "data generation failed" >&2; exit 1; }

ours() {  # ours NAME LOCAL REMOTE_FOLDER -> prints seconds measured inside (Engine::run)
  "$BENCH" "$WORK/$1.db" "$2" "$URL/" igsgov IGSGOV_BENCH_DAV_PASSWORD "$3"
}
rclone_copy() {  # rclone_copy LOCAL REMOTE_FOLDER -> prints wall seconds
  local t0 t1
  t0=$(now)
  "${RCLONE[@]}" copy "$1" "bench:$2"
  t1=$(now)
  elapsed "$t0" "$t1"
}

sec() { sed -n 's/.*seconds=\([0-9.e-]*\).*/\1/p' <<<"$1"; }

echo "1. 2,000 x 4 KiB, first upload"
R1=$(rclone_copy "$WORK/small" rclone-small)
T=$(now); O1L=$(ours small "$WORK/small" ours-small); T2=$(now)
O1=$(sec "$O1L"); O1W=$(elapsed "$T" "$T2")
echo "2. the same 2,000 files, nothing changed"
R2=$(rclone_copy "$WORK/small" rclone-small)
T=$(now); O2L=$(ours small "$WORK/small" ours-small); T2=$(now)
O2=$(sec "$O2L"); O2W=$(elapsed "$T" "$T2")
echo "3. 20 x 5 MiB, first upload"
R3=$(rclone_copy "$WORK/large" rclone-large)
T=$(now); O3L=$(ours large "$WORK/large" ours-large); T2=$(now)
O3=$(sec "$O3L"); O3W=$(elapsed "$T" "$T2")

echo "4. correctness: an edit that keeps the size"
F=f-0042
printf 'EDITED-BY-BENCH!' | dd of="$WORK/small/$F" bs=1 seek=0 conv=notrunc status=none
rclone_copy "$WORK/small" rclone-small >/dev/null
O4L=$(ours small "$WORK/small" ours-small)
DATA="$WORK/apache/www/dav"
want=$(sha256sum < "$WORK/small/$F" | cut -d' ' -f1)
got_rclone=$(sha256sum < "$DATA/rclone-small/$F" | cut -d' ' -f1)
got_ours=$(sha256sum < "$DATA/ours-small/$F" | cut -d' ' -f1)
verdict() { [ "$1" = "$want" ] && echo "copied (server has the edit)" || echo "MISSED (server keeps the old content)"; }

echo
echo "Sync benchmark, Apache mod_dav on 127.0.0.1 (FileETag Digest), $(nproc) cores"
printf '%-34s %12s %12s %10s\n' "case" "rclone s" "igsgov s" "ratio"
printf '%-34s %12s %12s %10s\n' "2,000 x 4 KiB first upload" "$R1" "$O1" "$(ratio "$R1" "$O1")x"
printf '%-34s %12s %12s %10s\n' "2,000 x 4 KiB no change" "$R2" "$O2" "$(ratio "$R2" "$O2")x"
printf '%-34s %12s %12s %10s\n' "20 x 5 MiB first upload" "$R3" "$O3" "$(ratio "$R3" "$O3")x"
echo "igsgov process wall time incl. start and register open: $O1W / $O2W / $O3W s"
echo "igsgov details: [1] $O1L | [2] $O2L | [3] $O3L | [4] $O4L"
echo "same-size edit of $F: rclone $(verdict "$got_rclone"); igsgov $(verdict "$got_ours")"
fail=0
awk -v r="$R1" -v o="$O1" 'BEGIN { exit !(r / o >= 10) }' || { echo "TARGET MISSED: small files < 10x"; fail=1; }
awk -v r="$R3" -v o="$O3" 'BEGIN { exit !(o <= r) }' || { echo "TARGET MISSED: large files slower than rclone"; fail=1; }
awk -v o="$O2" 'BEGIN { exit !(o < 0.2) }' || { echo "TARGET MISSED: no-change re-run >= 0.2 s"; fail=1; }
[ "$got_ours" = "$want" ] || { echo "CORRECTNESS: igsgov missed the same-size edit"; fail=1; }
exit $fail
