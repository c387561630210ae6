#!/usr/bin/env bash
# End-to-end checks of `igsgov template check` and `igsgov generate` against
# hostile and broken templates, and of generated documents found from any
# working directory (issue 14, "Documents and templates"): exit codes, Dutch
# messages naming the file, positions within the paragraph, no crash, no file
# written for a refused template, sync from another folder than generate's.
# Usage: templates-test.sh BUILD_DIR SOURCE_DIR
set -uo pipefail
build=$(cd "$1" && pwd)
src=$(cd "$2" && pwd)
igsgov="$build/bin/igsgov"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
. "$(dirname "$0")/checks.sh"
slow() { timeout 60 "$@"; }  # a command that hangs (a FIFO, /dev/zero) fails instead

export IGSGOV_ACTOR=templates-test
reg="$work/register/r.db"
mkdir -p "$work/register" "$work/t"
"$igsgov" --db "$reg" init >/dev/null && "$igsgov" --db "$reg" import "$src/config/sample/register.json" >/dev/null \
  || { echo "FAIL: register set-up"; exit 1; }

# Templates written by python3's zipfile: a DOCX with the given paragraphs
# (a list of strings, one per paragraph) and extra members.
docx() {  # docx FILE PARAGRAPHS_PY [EXTRA_MEMBERS_PY]
  python3 - "$1" "$2" "${3:-}" <<'EOF'
import sys, zipfile
out, paragraphs, extra = sys.argv[1], eval(sys.argv[2]), eval(sys.argv[3] or '{}')
W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main'
body = ''.join('<w:p><w:r><w:t xml:space="preserve">%s</w:t></w:r></w:p>' % p for p in paragraphs)
members = {
  '[Content_Types].xml': '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  '_rels/.rels': '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  'word/document.xml': '<?xml version="1.0"?><w:document xmlns:w="%s"><w:body>%s</w:body></w:document>' % (W, body),
  'word/styles.xml': '<?xml version="1.0"?><w:styles xmlns:w="%s">%s</w:styles>' % (W, ' ' * 400),
}
members.update(extra)
with zipfile.ZipFile(out, 'w', zipfile.ZIP_DEFLATED) as z:
  for name, data in members.items():
    z.writestr(name, data)
EOF
}

# --- template check: exit codes -------------------------------------------
docx "$work/t/goed.docx" "['Beste {naam},', 'Tot ziens.']"
check "check: a good template" 0 slow "$igsgov" --db "$reg" template check "$work/t/goed.docx"
contains "check: good is in orde" out "is in orde"
check "check: a shipped template" 0 slow "$igsgov" --db "$reg" template check engagementsverklaring

docx "$work/t/fout.docx" "['Eerste alinea met wat tekst', '12345 {x']"
check "check: errors exit 2" 2 slow "$igsgov" --db "$reg" template check "$work/t/fout.docx"
contains "check: position within the paragraph" out "deel word/document.xml, alinea 2, positie 7: …12345 {x…"
lacks "check: snippet stays in its paragraph" out "tekst12345"
lacks "check: one word, alinea" out "paragraaf"
check "check json: errors exit 2" 2 slow "$igsgov" --db "$reg" --format json template check "$work/t/fout.docx"
python3 -c "
import json,sys
d=json.load(open('$work/out')); e=d['errors'][0]
assert d['ok'] is False and d['exit_code']==2 and e['paragraph']==2 and e['position']==7, d" \
  && pass=$((pass + 1)) || { fail=$((fail + 1)); echo "FAIL check json: exit_code and position"; }

printf 'abc\n12345678 }\n' >"$work/t/fout.md"
check "check md: errors exit 2" 2 slow "$igsgov" --db "$reg" template check "$work/t/fout.md"
contains "check md: lines, not paragraphs" out "regel 2, positie 10: …12345678 }…"

# --- template check: what is not a regular file, and size -----------------
mkdir "$work/t/map.docx"
check "check: a folder" 2 slow "$igsgov" --db "$reg" template check "$work/t/map.docx"
contains "check: folder named" err "is een map"
contains "check: folder file named" err "$work/t/map.docx"
lacks "check: folder is not in orde" out "in orde"
check "check: /dev/zero refused at once" 2 slow "$igsgov" --db "$reg" template check /dev/zero
contains "check: /dev/zero is a device" err "'/dev/zero' is een apparaat"
mkfifo "$work/t/pijp.md"
check "check: a FIFO does not block" 2 slow "$igsgov" --db "$reg" template check "$work/t/pijp.md"
truncate -s $((64 * 1024 * 1024 + 1)) "$work/t/groot.docx"
check "check: over the size cap" 2 slow "$igsgov" --db "$reg" template check "$work/t/groot.docx"
contains "check: size cap in Dutch naming the file" err "het sjabloon '$work/t/groot.docx' is te groot (64,0 MiB; maximum 64 MiB)"
check "check: a missing file" 3 slow "$igsgov" --db "$reg" template check "$work/t/geen.docx"

# --- nesting 40,000 deep: a clear error, never SIGSEGV --------------------
python3 -c "open('$work/t/diep.md','w').write('{#a}'*40000+'x'+'{/a}'*40000)"
check "check: 40,000 nested loops (md)" 2 slow "$igsgov" --db "$reg" template check "$work/t/diep.md"
contains "check: nesting error (md)" out "[nesting_too_deep]"
docx "$work/t/diep.docx" "['{#leden}']*40000 + ['{naam}'] + ['{/leden}']*40000"
check "check: 40,000 nested loops (docx)" 2 slow "$igsgov" --db "$reg" template check "$work/t/diep.docx"
contains "check: nesting error (docx)" out "[nesting_too_deep]"
check "generate: 40,000 nested loops" 2 slow "$igsgov" --db "$reg" generate --template "$work/t/diep.docx" \
  --cooperation igs-cultuur-va --all-members --format docx --out "$work/uit-diep"
contains "generate: nesting error" err "secties in elkaar"
[ ! -e "$work/uit-diep" ] || [ -z "$(ls -A "$work/uit-diep")" ] && pass=$((pass + 1)) \
  || { fail=$((fail + 1)); echo "FAIL generate: nested template wrote files"; }

# --- a damaged member without tags: refused, never copied -----------------
docx "$work/t/crc.docx" "['Beste {naam},']"
python3 - "$work/t/crc.docx" <<'EOF'
import sys
p = sys.argv[1]; b = bytearray(open(p, 'rb').read()); name = b'word/styles.xml'
for sig, name_at, crc_at in ((b'PK\x03\x04', 30, 14), (b'PK\x01\x02', 46, 16)):
  i = b.find(sig)
  while i >= 0:
    if b[i + name_at:i + name_at + len(name)] == name:
      b[i + crc_at:i + crc_at + 4] = b'\x78\x56\x34\x12'
    i = b.find(sig, i + 1)
open(p, 'wb').write(bytes(b))
EOF
check "check: bad CRC in word/styles.xml" 2 slow "$igsgov" --db "$reg" template check "$work/t/crc.docx"
contains "check: damaged member named" err "word/styles.xml"
contains "check: damaged in Dutch" err "beschadigd"
check "generate: bad CRC refused" 2 slow "$igsgov" --db "$reg" generate --template "$work/t/crc.docx" \
  --cooperation igs-cultuur-va --all-members --format docx --out "$work/uit-crc"
[ ! -e "$work/uit-crc" ] || [ -z "$(ls -A "$work/uit-crc")" ] && pass=$((pass + 1)) \
  || { fail=$((fail + 1)); echo "FAIL generate: damaged template wrote files"; }

# --- generate in one folder, sync from another -----------------------------
mkdir -p "$work/register/werk" "$work/elders" "$work/archief"
cat >"$work/register/sync.json" <<EOF
{"targets": {"archief": {"adapter": {"type": "folder", "root": "$work/archief"}, "sources": ["documents"]}}}
EOF
check "generate from a subfolder, --out relative" 0 slow env -C "$work/register/werk" "$igsgov" --db ../r.db generate \
  --template engagementsverklaring --cooperation igs-cultuur-va --all-members --format docx --out docs --as-of 2025-10-01
contains "generate: prints where it wrote, absolute" out "$work/register/werk/docs/"
check "sync from another folder" 0 slow env -C "$work/elders" "$igsgov" --db ../register/r.db sync run --target archief
lacks "sync: nothing missing" err "ontbreekt"
n=$(find "$work/archief/igs-cultuur-va/engagementsverklaringen/2025" -name '*.docx' | wc -l)
[ "$n" -gt 0 ] && pass=$((pass + 1)) || { fail=$((fail + 1)); echo "FAIL sync pushed no documents"; }
check "documents list from /" 0 slow env -C / "$igsgov" --db "$reg" --format json documents list --limit 1
python3 -c "
import json,os
d=json.load(open('$work/out'))['documents'][0]
assert d['recorded_path'].startswith('werk/docs/') and os.path.isfile(d['path']), d" \
  && pass=$((pass + 1)) || { fail=$((fail + 1)); echo "FAIL documents list: recorded below the register, found from /"; }

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
