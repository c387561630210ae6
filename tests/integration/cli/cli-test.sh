#!/usr/bin/env bash
# End-to-end checks of the igsgov CLI: commands, exit codes, Dutch messages on
# stderr, and tamper detection after edits made with the sqlite3 shell.
# Usage: cli-test.sh BUILD_DIR SOURCE_DIR
set -uo pipefail
build=$1
src=$2
igsgov="$build/bin/igsgov"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
. "$(dirname "$0")/checks.sh"

fresh() {
  rm -f "$work/r.db"*
  "$igsgov" --db "$work/r.db" init >/dev/null && "$igsgov" --db "$work/r.db" import "$src/config/sample/register.json" >/dev/null
}

export IGSGOV_ACTOR=cli-test
check "version" 0 "$igsgov" --version
contains "version printed" out "igsgov 0."
check "help" 0 "$igsgov" --help
contains "help lists composition" out "composition"
check "command help" 0 "$igsgov" mandate appoint --help
contains "command help lists options" out "--person"
check "no register given" 64 env -u IGSGOV_DB "$igsgov" composition --body x
contains "no register message" err "geen register opgegeven"
check "unknown command" 64 "$igsgov" --db "$work/r.db" fly
check "missing register file" 3 "$igsgov" --db "$work/none.db" composition --body x
contains "missing register is Dutch" err "geen register gevonden"

fresh
check "composition today" 0 "$igsgov" --db "$work/r.db" composition --body igs-rupel-bc
contains "composition names the chair role" out "voorzitter"
check "composition json" 0 "$igsgov" --db "$work/r.db" --format json composition --body igs-rupel-bc --as-of 2020-01-01
python3 -c "import json,sys; d=json.load(open('$work/out')); assert d['as_of']=='2020-01-01' and len(d['mandates'])==5, d" \
  && pass=$((pass + 1)) || { fail=$((fail + 1)); echo "FAIL composition json content"; }
check "IGSGOV_DB default" 0 env IGSGOV_DB="$work/r.db" "$igsgov" audit verify
check "invalid date" 2 "$igsgov" --db "$work/r.db" composition --body igs-rupel-bc --as-of 2020-02-30
contains "invalid date names the field" err "as_of"
check "unknown body" 3 "$igsgov" --db "$work/r.db" composition --body nope
check "seat conflict" 4 "$igsgov" --db "$work/r.db" mandate appoint --id x1 --person p-001 --body igs-rupel-bc \
  --seat igs-rupel-bc-11018 --role bestuurder --from 2025-06-01
contains "seat conflict names the seat" err "zetel 'igs-rupel-bc-11018' is in die periode al bezet"
check "correction needs a reason" 2 "$igsgov" --db "$work/r.db" mandate correct --id igs-rupel-bc-2-11018 --fractie Groen
check "correction" 0 "$igsgov" --db "$work/r.db" mandate correct --id igs-rupel-bc-2-11018 --fractie Groen --reason "tikfout"
check "journal shows actor and reason" 0 "$igsgov" --db "$work/r.db" --format json audit journal
contains "journal actor" out "cli-test"
contains "journal reason" out "tikfout"
check "export" 0 "$igsgov" --db "$work/r.db" export
cp "$work/out" "$work/export.json"
rm -f "$work/r2.db"*
"$igsgov" --db "$work/r2.db" init >/dev/null
check "re-import the export" 0 "$igsgov" --db "$work/r2.db" import "$work/export.json"
"$igsgov" --db "$work/r2.db" export | python3 -c "
import json,sys
a=json.load(open('$work/export.json')); b=json.load(sys.stdin)
for d in (a,b): d.pop('exported_at',None); d.pop('journal',None)
sys.exit(0 if a==b else 1)" && pass=$((pass + 1)) || { fail=$((fail + 1)); echo "FAIL export round trip"; }
echo '{"format":"igsgov-register","version":9}' > "$work/future.json"
check "newer format refused" 7 "$igsgov" --db "$work/r2.db" import "$work/future.json"
contains "newer format message" err "versie 9 is nieuwer"

# Bad input is refused with its place and nothing is stored (issues 13 and 14).
fresh
journal() { sqlite3 "$work/r.db" "SELECT count(*) || '/' || max(seq) FROM journal; SELECT count(*) FROM person_key"; }
before=$(journal)
check "control character in an argument" 2 "$igsgov" --db "$work/r.db" person create --id p-ctl --name $'Jan\x1b[31m' --fictitious
contains "control character named" err "stuurteken U+001B"
contains "control character field" err "veld 'name'"
check "invalid UTF-8 in an argument" 2 "$igsgov" --db "$work/r.db" person create --id p-ctl --name $'Jan\xc0\xaf' --fictitious
contains "invalid UTF-8 named" err "UTF-8"
check "line break in a one-line field" 2 "$igsgov" --db "$work/r.db" person create --id p-ctl --name $'Jan\nPeeters' --fictitious
contains "line break named" err "regeleinde"
check "control character in the reason" 2 "$igsgov" --db "$work/r.db" mandate correct --id igs-rupel-bc-2-11018 \
  --fractie Groen --reason $'tik\afout'
contains "reason named" err "veld 'reason'"
printf '{\n  "council": "11002",\n  "council": "11004"\n}\n' > "$work/decision.json"
check "key given twice in an option file" 2 "$igsgov" --db "$work/r.db" mandate appoint --id x9 --person p-001 \
  --body igs-rupel-bc --role bestuurder --from 2025-06-01 --decision @"$work/decision.json"
contains "key given twice: where" err "optie --decision, bestand $work/decision.json, regel 3, kolom 3, veld 'council'"
check "syntax error in an option" 2 "$igsgov" --db "$work/r.db" mandate appoint --id x9 --person p-001 \
  --body igs-rupel-bc --role bestuurder --from 2025-06-01 --decision '{"council": "11002" "date": "2025-01-01"}'
contains "syntax error: where" err "optie --decision, regel 1, kolom 21"
check "NUL escape in an option" 2 "$igsgov" --db "$work/r.db" mandate appoint --id x9 --person p-001 \
  --body igs-rupel-bc --role bestuurder --from 2025-06-01 --decision '{"council": "1100\u00002"}'
contains "NUL named" err "nulteken"
[ "$(journal)" = "$before" ] && pass=$((pass + 1)) || { fail=$((fail + 1)); echo "FAIL refused input changed the register"; }

# Tamper with the file behind the library's back, with the sqlite3 shell.
tamper() {  # tamper NAME SQL EXPECTED_TEXT
  fresh
  sqlite3 "$work/r.db" "$2"
  check "tamper: $1" 5 "$igsgov" --db "$work/r.db" audit verify
  contains "tamper: $1 located" err "$3"
}
check "intact before tampering" 0 "$igsgov" --db "$work/r.db" audit verify
tamper "mandate edited" "UPDATE mandate SET fractie='X' WHERE id='igs-rupel-bc-1-11030'" "tabel mandate"
tamper "person deleted" "PRAGMA foreign_keys=OFF; DELETE FROM person WHERE id='p-003'" "ontbreekt"
tamper "row inserted" "INSERT INTO person_key(id, jseq) VALUES ('stiekem', 2)" "niet door het register geschreven"
tamper "journal edited" "UPDATE journal SET actor='iemand' WHERE seq=2" "journaalregel 2"
# Removing the newest entry leaves a shorter, intact chain: its rows give it away, by number.
tamper "newest journal entry removed" "DELETE FROM journal_effect WHERE seq=2; DELETE FROM journal WHERE seq=2" "journaalregel 2 ontbreekt"
tamper "newest entry removed, effects kept" "DELETE FROM journal WHERE seq=2" "journaalregel 2 ontbreekt"
# Same bytes, other storage type: the mandate drops out of the composition.
tamper "text turned into blob" "UPDATE mandate SET valid_from=CAST(valid_from AS BLOB) WHERE id='igs-rupel-bc-1-11030'" "kolom valid_from"
tamper "population edited" "UPDATE ref_population SET inwoners=90000 WHERE nis='45035'" "ref_population"
tamper "history reopened" "UPDATE member SET rec_to=NULL WHERE rec_to IS NOT NULL; UPDATE mandate SET rec_to='2020-01-01T00:00:00.000000Z' WHERE id='igs-rupel-bc-1-11030'" "rec_to"

# Signed journal and checkpoints (docs/dev/security.md, "What the journal proves").
forge="$src/tests/integration/cli/forge.py"
check "keygen" 0 "$igsgov" audit keygen "$work/journal.key"
contains "keygen names the public key" out "journal.key.pub"
[ "$(stat -c %a "$work/journal.key")" = 600 ] && pass=$((pass + 1)) || { fail=$((fail + 1)); echo "FAIL private key mode"; }
check "keygen never overwrites" 4 "$igsgov" audit keygen "$work/journal.key"
contains "keygen conflict is Dutch" err "bestaat al"
check "keygen needs a file" 64 "$igsgov" audit keygen
signed() {  # a signed register with the sample and one correction: entries 1-3
  rm -f "$work/s.db"*
  "$igsgov" --db "$work/s.db" --signing-key "$work/journal.key" init >/dev/null &&
    IGSGOV_SIGNING_KEY="$work/journal.key" "$igsgov" --db "$work/s.db" import "$src/config/sample/register.json" >/dev/null &&
    IGSGOV_SIGNING_KEY="$work/journal.key" "$igsgov" --db "$work/s.db" mandate correct --id igs-rupel-bc-2-11018 \
      --fractie Groen --reason tikfout >/dev/null
}
signed
check "head" 0 "$igsgov" --db "$work/s.db" audit head
cp "$work/out" "$work/checkpoint.txt"
contains "head is a checkpoint" out "igsgov-checkpoint v1"
contains "head names the entry" out "seq 3"
contains "head is signed" out "signature "
check "verify with public key and checkpoint" 0 "$igsgov" --db "$work/s.db" audit verify \
  --public-key "$work/journal.key.pub" --checkpoint "$work/checkpoint.txt"
contains "signatures checked" out "alle nagegaan"
contains "checkpoint checked" out "Controlepunten: 1 nagegaan"
check "verify without key says what it did not check" 0 "$igsgov" --db "$work/s.db" audit verify
contains "unchecked signatures are named" out "NIET nagegaan"
check "write without the key refused" 8 "$igsgov" --db "$work/s.db" person create --id p-x --name "X Y" --fictitious
contains "write without the key names the key" err "ondertekend"
check "private key is not a public key" 2 "$igsgov" --db "$work/s.db" audit verify --public-key "$work/journal.key"

# The newest entry removed cleanly (entry, effect lines, its rows, the rec_to it set).
sqlite3 "$work/s.db" "PRAGMA foreign_keys=OFF; DELETE FROM mandate WHERE jseq=3;
  UPDATE mandate SET rec_to=NULL WHERE rec_to=(SELECT at FROM journal WHERE seq=3);
  DELETE FROM journal_effect WHERE seq=3; DELETE FROM journal WHERE seq=3"
check "removed entry: not visible without a checkpoint" 0 "$igsgov" --db "$work/s.db" audit verify --public-key "$work/journal.key.pub"
check "removed entry: caught by the checkpoint" 5 "$igsgov" --db "$work/s.db" audit verify --checkpoint "$work/checkpoint.txt"
contains "removed entry named" err "journaalregel 3 ontbreekt"

# An entry appended with correct hashes and a copied signature.
signed
python3 "$forge" append "$work/s.db" >/dev/null
check "appended entry: not visible without the key" 0 "$igsgov" --db "$work/s.db" audit verify
check "appended entry: caught by the key" 5 "$igsgov" --db "$work/s.db" audit verify --public-key "$work/journal.key.pub"
contains "appended entry named" err "journaalregel 4: de handtekening klopt niet"

# The whole chain rewritten consistently from entry 2 on.
signed
python3 "$forge" rewrite "$work/s.db" 2
check "rewritten chain: not visible to the chain alone" 0 "$igsgov" --db "$work/s.db" audit verify
check "rewritten chain: caught by the key" 5 "$igsgov" --db "$work/s.db" audit verify --public-key "$work/journal.key.pub"
contains "rewritten chain: first rewritten entry named" err "journaalregel 2: de handtekening klopt niet"
check "rewritten chain: caught by the checkpoint" 5 "$igsgov" --db "$work/s.db" audit verify --checkpoint "$work/checkpoint.txt"
contains "rewritten chain: checkpoint entry named" err "journaalregel 3 verschilt van het controlepunt"

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
