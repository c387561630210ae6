#!/usr/bin/env bash
# crash.sh IGSGOV_CLI
# Crash test of the sync engine: 'igsgov sync --target dav' against a real
# Apache mod_dav server (127.0.0.1, FileETag Digest) is killed with SIGKILL at
# a random moment 50 times, while files are added, edited and deleted in the
# local tree every third round (also files whose upload a killed run completed
# without recording it). Then one run to completion, and the server, the local
# tree and the register must agree exactly:
#   - every local file is on the server once, with the same SHA-256, with its
#     sidecar and its WebDAV properties (sha256 property = the file's hash);
#     nothing else is there (no conflict copies, no temporary files,
#     no connect probes: killed runs leave those, the next run removes them);
#   - the register's sync state lists exactly those paths with those hashes,
#     nothing needs attention, another run plans nothing;
#   - audit verify is clean; the interrupted runs are recorded as such.
set -euo pipefail
CLI=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
SRC=$(cd "$(dirname "$0")/../../.." && pwd)
SERVERS=$SRC/tests/integration/adapters/servers
WORK=$(mktemp -d "${TMPDIR:-/tmp}/igsgov-synccrash-XXXXXX")
chmod 755 "$WORK"
cleanup() {
  if [ -f "$WORK/apache/server.pid" ]; then kill "$(cat "$WORK/apache/server.pid")" 2>/dev/null || true; fi
  sleep 0.2
  rm -rf "$WORK"
}
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

free_port() {
  local p
  while :; do
    p=$((20000 + RANDOM % 40000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then echo "$p"; return; fi
  done
}
PORT=$(free_port)
export IGSGOV_TEST_DAV_PASSWORD=crash-pass-7
"$SERVERS/start-apache.sh" "$WORK/apache" "$PORT" $$ basic
DATA=$WORK/apache/www/dav

LOCAL=$WORK/local
mkdir -p "$LOCAL"
make_file() { head -c $((512 + RANDOM % 16384)) /dev/urandom > "$1"; }
for d in igs-a/statuten igs-a/engagementsverklaringen/2025 igs-b/statuten; do
  mkdir -p "$LOCAL/$d"
  for i in $(seq 1 100); do make_file "$LOCAL/$d/doc-$i.docx"; done
done

cat > "$WORK/sync.json" <<JSON
{"targets": {"dav": {
  "adapter": {"type": "webdav", "url": "http://127.0.0.1:$PORT/dav/", "user": "igsgov",
              "password_env": "IGSGOV_TEST_DAV_PASSWORD", "stale_seconds": 1},
  "root": "archief", "sources": ["directory:$LOCAL"], "batch": 25, "max_delete": 1000}}}
JSON
export IGSGOV_DB=$WORK/register.db IGSGOV_SYNC_CONFIG=$WORK/sync.json IGSGOV_ACTOR=crash-test
"$CLI" init >/dev/null

# Files on the server that hold the local content but whose register state
# does not say so: uploaded by a run that was killed before recording them.
unrecorded() {
  [ -d "$DATA/archief" ] || return 0
  sqlite3 "$IGSGOV_DB" "SELECT path || ' ' || sha256 FROM sync_state WHERE target='dav' AND rec_to IS NULL AND kind='push'" |
    sort > "$WORK/recorded.txt"
  (cd "$DATA/archief" && find . -name .DAV -prune -o -type f ! -name '*.igsgov.json' ! -name '.igsgov-*' -printf '%P\0' |
     xargs -0 -r sha256sum | awk '{ print $2 " " $1 }' | sort) > "$WORK/server.txt"
  comm -13 "$WORK/recorded.txt" "$WORK/server.txt" | while read -r f h; do
    [ -f "$LOCAL/$f" ] && [ "$(sha256sum < "$LOCAL/$f" | cut -d' ' -f1)" = "$h" ] && echo "$f"
  done
  return 0
}

# Kill inside the run's work, not during process start-up: a no-op run's time
# (start-up, configuration, register) is the base of the random delay, so the
# test keeps its reach on a loaded machine.
t0=$(date +%s%N)
"$CLI" sync --target dav --dry-run --no-progress >/dev/null
base_ms=$(( ($(date +%s%N) - t0) / 1000000 ))
echo "start-up of a run: $base_ms ms"

kills=0
seen_unrecorded=0
for round in $(seq 1 50); do
  if [ $((round % 3)) = 2 ]; then  # the register side changes between crashes
    # Edits and deletions, first of files a killed run uploaded without
    # recording it (the case the write-ahead intents of 0008_sync_intent.sql
    # exist for: the next run must recognise that content as ours, so the edit
    # is an update and the deletion a delete, never a conflict copy or a
    # forgotten file), then of random files; and new files.
    mapfile -t unrec < <(unrecorded | shuf)
    echo "round $round: ${#unrec[@]} uploads not recorded by killed runs"
    seen_unrecorded=$((seen_unrecorded + ${#unrec[@]}))
    for f in "${unrec[@]:0:2}"; do make_file "$LOCAL/$f"; done
    for f in "${unrec[@]:2:1}"; do rm -f "$LOCAL/$f"; done
    for k in 1 2; do f=$(find "$LOCAL" -type f | shuf -n 1); make_file "$f"; done
    f=$(find "$LOCAL" -type f | shuf -n 1); rm -f "$f"
    for k in 1 2 3; do make_file "$LOCAL/igs-b/statuten/new-$round-$k.docx"; done
  fi
  "$CLI" sync --target dav --no-progress >/dev/null 2>&1 &
  pid=$!
  delay=$((base_ms * 2 / 3 + RANDOM % 450))
  sleep "$((delay / 1000)).$(printf '%03d' $((delay % 1000)))"
  if kill -9 "$pid" 2>/dev/null; then kills=$((kills + 1)); fi
  wait "$pid" 2>/dev/null || true
done
echo "killed $kills of 50 runs"
[ "$kills" -ge 25 ] || fail "too few runs were still busy when killed ($kills): make the data larger"
[ "$seen_unrecorded" -ge 1 ] || fail "no killed run left an unrecorded upload behind: the kills missed the case under test"

probes=$(find "$DATA" -maxdepth 1 -name '.igsgov-probe-*' | wc -l)
echo "connect-probe files left by killed runs: $probes"
sleep 1.2  # older than stale_seconds: the next run removes them
"$CLI" sync --target dav --no-progress >/dev/null || "$CLI" sync --target dav --no-progress >/dev/null
out=$("$CLI" --format json sync --target dav --no-progress)
grep -q '"planned" *: *0' <<<"$out" || fail "a further run still plans actions: $out"

# Server == local tree (+ one sidecar per file), nothing else. ".DAV" folders are
# Apache mod_dav_fs's own property store (the documents' WebDAV properties), not served files.
(cd "$LOCAL" && find . -type f | sed 's|^\./||' | sort) > "$WORK/want.txt"
(cd "$DATA/archief" && find . -name .DAV -prune -o -type f -print | sed 's|^\./||' | sort) > "$WORK/have-all.txt"
grep -v '\.igsgov\.json$' "$WORK/have-all.txt" > "$WORK/have.txt" || true
grep '\.igsgov\.json$' "$WORK/have-all.txt" | sed 's/\.igsgov\.json$//' > "$WORK/sidecars.txt" || true
diff -u "$WORK/want.txt" "$WORK/have.txt" || fail "server files differ from the local tree"
diff -u "$WORK/want.txt" "$WORK/sidecars.txt" || fail "sidecars differ from the files"
while read -r f; do
  [ "$(sha256sum < "$LOCAL/$f")" = "$(sha256sum < "$DATA/archief/$f")" ] || fail "content differs: $f"
  grep -q "\"sha256\": *\"$(sha256sum < "$LOCAL/$f" | cut -d' ' -f1)\"" "$DATA/archief/$f.igsgov.json" ||
    fail "sidecar of $f names another hash"
done < "$WORK/want.txt"
# Every document carries the WebDAV properties of what it holds (also those whose
# upload a killed run completed before it could set them: adopted, then set).
python3 - "$PORT" "$IGSGOV_TEST_DAV_PASSWORD" "$LOCAL" "$WORK/want.txt" <<'PY' || fail "WebDAV properties do not match the files"
import base64, hashlib, http.client, sys, urllib.parse, xml.etree.ElementTree as ET
port, password, local, want = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]
files = [l.strip() for l in open(want) if l.strip()]
auth = "Basic " + base64.b64encode(("igsgov:" + password).encode()).decode()
body = ('<?xml version="1.0"?><D:propfind xmlns:D="DAV:" xmlns:i="https://igsgov.be/ns/1.0">'
        '<D:prop><i:sha256/></D:prop></D:propfind>')
found = {}
for folder in sorted({f.rsplit("/", 1)[0] for f in files}):
    c = http.client.HTTPConnection("127.0.0.1", int(port))
    c.request("PROPFIND", "/dav/archief/" + urllib.parse.quote(folder) + "/", body,
              {"Depth": "1", "Authorization": auth, "Content-Type": "application/xml"})
    r = c.getresponse()
    assert r.status == 207, (folder, r.status)
    for resp in ET.fromstring(r.read()).findall("{DAV:}response"):
        href = urllib.parse.unquote(resp.find("{DAV:}href").text)
        for ps in resp.findall("{DAV:}propstat"):
            v = ps.find("{DAV:}prop/{https://igsgov.be/ns/1.0}sha256")
            if v is not None and "200" in ps.find("{DAV:}status").text:
                found[href.split("/dav/archief/", 1)[1]] = v.text
bad = [f for f in files if found.get(f) != hashlib.sha256(open(local + "/" + f, "rb").read()).hexdigest()]
if bad:
    print("properties missing or wrong for %d of %d files, e.g. %s" % (len(bad), len(files), bad[:3]), file=sys.stderr)
    sys.exit(1)
print("WebDAV properties match for all %d files" % len(files))
PY
find "$DATA/archief" -name '.igsgov-*' | grep -q . && fail "temporary files left in the target folder"
# The WebDAV adapter's connect probes (".igsgov-probe-*", at the URL's folder)
# left by killed runs are removed by the next run once stale.
find "$DATA" -name '.igsgov-*' | grep -q . && fail "probe or temporary files left on the server: $(find "$DATA" -name '.igsgov-*')"

# Register == server.
status=$("$CLI" --format json sync status --target dav)
files=$(wc -l < "$WORK/want.txt")
n=$(sqlite3 "$IGSGOV_DB" "SELECT count(*) FROM sync_state WHERE target='dav' AND rec_to IS NULL")
[ "$n" = $((files * 2)) ] || fail "register tracks $n paths, not $((files * 2))"
bad=$(sqlite3 "$IGSGOV_DB" "SELECT path || ' ' || status FROM sync_state WHERE target='dav' AND rec_to IS NULL AND status <> 'synced'")
[ -z "$bad" ] || fail "paths need attention after the crashes: $bad"
"$CLI" --format json audit verify | grep -q '"ok" *: *true' || fail "audit verify is not clean"
state=$(sqlite3 "$IGSGOV_DB" "SELECT path || ' ' || sha256 FROM sync_state WHERE target='dav' AND rec_to IS NULL AND kind='push' ORDER BY path")
while read -r f; do
  want="$f $(sha256sum < "$LOCAL/$f" | cut -d' ' -f1)"
  grep -qxF "$want" <<<"$state" || fail "register state of $f does not match the file"
done < "$WORK/want.txt"
interrupted=$(sqlite3 "$IGSGOV_DB" "SELECT count(*) FROM sync_run WHERE target='dav' AND rec_to IS NULL AND status='interrupted'")
[ "$interrupted" -ge 1 ] || fail "no interrupted run was recorded"
echo "ok: $files files, $kills kills ($interrupted runs recorded as interrupted), server and register agree"
