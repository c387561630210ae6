#!/usr/bin/env bash
# The auditor's evidence pack end to end (issue 18): `igsgov audit pack` writes
# a ZIP that the real sha256sum and openssl check without igsgov; `igsgov audit
# pack verify` checks it again; a file changed inside the ZIP, or a manifest
# changed to match it, makes every check fail naming the file; a failed write
# leaves no half ZIP and an existing file untouched.
# Usage: pack-test.sh BUILD_DIR SOURCE_DIR
set -uo pipefail
build=$(cd "$1" && pwd)
src=$(cd "$2" && pwd)
igsgov="$build/bin/igsgov"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
. "$(dirname "$0")/checks.sh"

export IGSGOV_ACTOR=pack-test
reg="$work/r.db"
"$igsgov" --db "$reg" init >/dev/null && "$igsgov" --db "$reg" import "$src/config/sample/register.json" >/dev/null \
  || { echo "FAIL: register set-up"; exit 1; }
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout "$work/key.pem" -out "$work/cert.pem" \
  -days 30 -subj "/CN=Cultuurregio Vlaamse Ardennen/O=IGS test" 2>/dev/null || { echo "FAIL: openssl req"; exit 1; }
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout "$work/other-key.pem" \
  -out "$work/other-cert.pem" -days 30 -subj "/CN=Iemand anders" 2>/dev/null
sign=(--pack-key "$work/key.pem" --pack-certificate "$work/cert.pem")

unpack() {  # unpack ZIP DIR
  rm -rf "$2" && mkdir -p "$2" && python3 -c "import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])" "$1" "$2"
}
# Rewrites one member of a ZIP with new bytes (python3's zipfile; the rest copied).
tamper() {  # tamper ZIP MEMBER PYTHON_EXPR_OF_OLD_BYTES
  python3 - "$@" <<'PY'
import sys, zipfile
path, member, expr = sys.argv[1], sys.argv[2], sys.argv[3]
with zipfile.ZipFile(path) as z:
    items = [(i, z.read(i.filename)) for i in z.infolist()]
with zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED) as z:
    for info, data in items:
        if info.filename == member:
            old = data
            data = eval(expr)
        z.writestr(info, data)
PY
}
cms_verify() {  # cms_verify DIR
  (cd "$1" && openssl cms -verify -binary -inform DER -in MANIFEST.sha256.p7s -content MANIFEST.sha256 \
     -CAfile certificaat.pem -purpose any -out /dev/null)
}

mkdir -p "$work/gen"
check "a generated document" 0 "$igsgov" --db "$reg" generate --template samenstelling --cooperation igs-cultuur-va \
  --format md --out "$work/gen"
check "pack" 0 "$igsgov" --db "$reg" audit pack --cooperation igs-cultuur-va --from 2021-01-01 --until 2026-12-31 \
  --out "$work/pack.zip" "${sign[@]}"
contains "pack says where" out "Bewijspakket geschreven: $work/pack.zip"
contains "pack says the journal is intact" out "Het journaal is intact."
fingerprint=$(openssl x509 -in "$work/cert.pem" -noout -fingerprint -sha256 | sed 's/.*=//')
contains "pack shows the certificate's fingerprint" out "$fingerprint"
unpack "$work/pack.zip" "$work/p"
for f in LEESMIJ.txt pakket.json MANIFEST.sha256 MANIFEST.sha256.p7s certificaat.pem journaal/regels.json \
  journaal/regels.csv journaal/controle.txt journaal/controlepunt.txt bestuur/igs-cultuur-va-rvb.csv \
  statuten/va-statuten/geschiedenis.json statuten/va-statuten/va-statuten-2021.docx bevindingen/bevindingen.json \
  documenten/herkomst.json; do
  [ -f "$work/p/$f" ] && pass=$((pass + 1)) || { fail=$((fail + 1)); echo "FAIL pack holds $f"; }
done
check "sha256sum -c accepts the manifest" 0 sh -c "cd '$work/p' && sha256sum -c MANIFEST.sha256"
check "openssl cms -verify accepts the signature" 0 cms_verify "$work/p"
contains "openssl says so" err "Verification successful"
# Every file but the manifest and its signature is in the manifest.
listed=$(cut -c67- "$work/p/MANIFEST.sha256" | sort | tr '\n' ' ')
present=$(cd "$work/p" && find . -type f ! -name MANIFEST.sha256 ! -name MANIFEST.sha256.p7s | sed 's#^\./##' | sort | tr '\n' ' ')
[ "$listed" = "$present" ] && pass=$((pass + 1)) || { fail=$((fail + 1)); echo "FAIL manifest lists every file: $listed / $present"; }
check "igsgov checks the pack again" 0 "$igsgov" audit pack verify "$work/pack.zip"
contains "verify names the signer" out "Cultuurregio Vlaamse Ardennen"
check "verify with the expected certificate" 0 "$igsgov" audit pack verify "$work/pack.zip" --certificate "$work/cert.pem"
check "verify with another certificate" 5 "$igsgov" audit pack verify "$work/pack.zip" --certificate "$work/other-cert.pem"
contains "another certificate is named" err "ondertekend met een ander certificaat"

# The content: a period, the journal's result, the board as Belgian Excel reads it, the approvals.
contains "readme is Dutch and says how" p/LEESMIJ.txt "sha256sum -c MANIFEST.sha256"
contains "readme gives the openssl command" p/LEESMIJ.txt "openssl cms -verify"
contains "readme names the period" p/LEESMIJ.txt "van 1 januari 2021 tot en met 31 december 2026"
contains "verify result in the pack" p/journaal/controle.txt "Journaal intact"
contains "chain head in the pack" p/journaal/controlepunt.txt "igsgov-checkpoint v1"
python3 - "$work/p" <<'PY' && pass=$((pass + 1)) || { fail=$((fail + 1)); echo "FAIL pack content"; }
import json, sys
d = sys.argv[1]
raw = open(d + '/bestuur/igs-cultuur-va-rvb.csv', 'rb').read()
assert raw.startswith(b'\xef\xbb\xbf'), 'no BOM'
assert b'\r\n' in raw and b'\n' not in raw.replace(b'\r\n', b''), 'not CRLF'
rows = [r.split(';') for r in raw[3:].decode('utf-8').split('\r\n') if r]
assert rows[0][0] == 'datum' and len(rows) > 2, rows[:2]
dates = sorted({r[0] for r in rows[1:]})
assert dates[0] == '2021-01-01' and len(dates) >= 2, dates
h = json.load(open(d + '/statuten/va-statuten/geschiedenis.json'))
assert all(v.get('approvals') for v in h['versions'] if v['status'] == 'in_werking'), 'approvals'
assert all(v['file_in_pack'].startswith('statuten/va-statuten/') for v in h['versions'] if 'file_sha256' in v)
f = json.load(open(d + '/bevindingen/bevindingen.json'))
assert 'findings' in f and all('basis' in x for x in f['findings'])
g = json.load(open(d + '/documenten/herkomst.json'))['documents']
assert len(g) == 1 and g[0]['template'] == 'samenstelling', g
import hashlib
assert hashlib.sha256(open(d + '/' + g[0]['file_in_pack'], 'rb').read()).hexdigest() == g[0]['sha256']
p = json.load(open(d + '/pakket.json'))
assert p['journal_intact'] is True and p['signed'] is True and p['from'] == '2021-01-01'
PY

# One file changed inside the ZIP: every check fails and names it.
cp "$work/pack.zip" "$work/tampered.zip"
tamper "$work/tampered.zip" bestuur/igs-cultuur-va-rvb.csv "old.replace(b'voorzitter', b'bestuurder', 1)"
check "igsgov refuses a changed file" 5 "$igsgov" audit pack verify "$work/tampered.zip"
contains "igsgov names the changed file" err "bestuur/igs-cultuur-va-rvb.csv"
unpack "$work/tampered.zip" "$work/t"
check "sha256sum -c refuses a changed file" 1 sh -c "cd '$work/t' && sha256sum -c MANIFEST.sha256"
contains "sha256sum names the changed file" out "bestuur/igs-cultuur-va-rvb.csv: FAILED"
# ... and a manifest changed to match it: the signature no longer holds.
newhash=$(sha256sum "$work/t/bestuur/igs-cultuur-va-rvb.csv" | cut -c1-64)
tamper "$work/tampered.zip" MANIFEST.sha256 \
  "b''.join((b'$newhash' + l[64:]) if l.endswith(b'bestuur/igs-cultuur-va-rvb.csv\n') else l for l in old.splitlines(True))"
unpack "$work/tampered.zip" "$work/t"
check "sha256sum -c accepts the forged manifest" 0 sh -c "cd '$work/t' && sha256sum -c MANIFEST.sha256"
check "openssl cms -verify refuses the forged manifest" 4 cms_verify "$work/t"
check "igsgov refuses the forged manifest" 5 "$igsgov" audit pack verify "$work/tampered.zip"
contains "igsgov names the manifest" err "MANIFEST.sha256"
# A file added that the manifest does not name.
cp "$work/pack.zip" "$work/extra.zip"
python3 -c "import sys, zipfile; zipfile.ZipFile(sys.argv[1], 'a').writestr('bestuur/extra.csv', 'x')" "$work/extra.zip"
check "igsgov refuses an extra file" 5 "$igsgov" audit pack verify "$work/extra.zip"
contains "igsgov names the extra file" err "bestuur/extra.csv"

# Unsigned: made, said plainly, and refused by verify.
check "unsigned pack" 0 "$igsgov" --db "$reg" audit pack --cooperation igs-cultuur-va --out "$work/unsigned.zip"
contains "unsigned is said" out "NIET ondertekend"
check "verify refuses an unsigned pack" 5 "$igsgov" audit pack verify "$work/unsigned.zip"
check "key without certificate" 2 "$igsgov" --db "$reg" audit pack --cooperation igs-cultuur-va --out "$work/x.zip" \
  --pack-key "$work/key.pem"
contains "key without certificate named" err "pack_certificate"
check "key and certificate that do not match" 2 "$igsgov" --db "$reg" audit pack --cooperation igs-cultuur-va \
  --out "$work/x.zip" --pack-key "$work/other-key.pem" --pack-certificate "$work/cert.pem"
contains "mismatch named" err "hoort niet bij het certificaat"
[ ! -e "$work/x.zip" ] && pass=$((pass + 1)) || { fail=$((fail + 1)); echo "FAIL refused pack left a file"; }

# No half ZIP: a failure leaves an existing file as it was and nothing beside it.
cp "$work/pack.zip" "$work/keep.zip"
before=$(sha256sum "$work/keep.zip")
check "unknown cooperation" 3 "$igsgov" --db "$reg" audit pack --cooperation nope --out "$work/keep.zip" "${sign[@]}"
[ "$(sha256sum "$work/keep.zip")" = "$before" ] && pass=$((pass + 1)) || { fail=$((fail + 1)); echo "FAIL existing file changed"; }
check "missing folder" 3 "$igsgov" --db "$reg" audit pack --cooperation igs-cultuur-va --out "$work/nope/p.zip" "${sign[@]}"
leftovers=$(find "$work" -maxdepth 1 -name '.igsgov-tmp-*' | wc -l)
[ "$leftovers" = 0 ] && pass=$((pass + 1)) || { fail=$((fail + 1)); echo "FAIL temporary files left"; }
check "until before from" 2 "$igsgov" --db "$reg" audit pack --cooperation igs-cultuur-va --from 2026-01-01 \
  --until 2025-01-01 --out "$work/y.zip"
contains "until before from named" err "until"

# A register whose journal was changed behind igsgov's back: the pack says so.
cp "$reg" "$work/forged.db"
sqlite3 "$work/forged.db" "UPDATE mandate SET fractie = 'Vooruit' WHERE rowid = (SELECT min(rowid) FROM mandate)"
check "pack of a forged register" 0 "$igsgov" --db "$work/forged.db" audit pack --cooperation igs-cultuur-va \
  --out "$work/forged.zip" "${sign[@]}"
contains "forged: said" out "NIET intact"
unpack "$work/forged.zip" "$work/f"
contains "forged: in the pack" f/journaal/controle.txt "Journaal NIET intact"

# The shipped auditrapport says whether the journal is intact, in words, without commands.
mkdir -p "$work/rapport" "$work/rapport-vervalst"
check "auditrapport" 0 "$igsgov" --db "$reg" generate --template auditrapport --cooperation igs-cultuur-va --format md \
  --out "$work/rapport"
cat "$work/rapport"/*.md > "$work/rapport.md"
contains "report: journal intact" rapport.md "Het journaal is intact"
for cmd in "igsgov audit" "igsgov check" "igsgov generate" "'igsgov"; do lacks "report: no command $cmd" rapport.md "$cmd"; done
lacks "report: no options" rapport.md " --"
check "auditrapport of a forged register" 0 "$igsgov" --db "$work/forged.db" generate --template auditrapport \
  --cooperation igs-cultuur-va --format md --out "$work/rapport-vervalst"
cat "$work/rapport-vervalst"/*.md > "$work/rapport-vervalst.md"
contains "report: journal not intact" rapport-vervalst.md "Het journaal is NIET intact"

echo "pack: $pass passed, $fail failed"
[ "$fail" = 0 ]
