#!/usr/bin/env bash
# The CLI speaks Dutch (issue 18): text output without English keys, ISO dates
# or UTC times; suggestions for typos; 'igsgov help'; group listings; JSON
# usage errors; audit journal filters and CSV. Expected values come from the
# JSON output (the stable surface for programs) and the sample file.
# Usage: dutch-test.sh BUILD_DIR SOURCE_DIR
set -uo pipefail
build=$1
src=$2
igsgov="$build/bin/igsgov"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
. "$(dirname "$0")/checks.sh"
export IGSGOV_ACTOR=dutch-test
db=(--db "$work/r.db")
"$igsgov" "${db[@]}" init >/dev/null && "$igsgov" "${db[@]}" import "$src/config/sample/register.json" >/dev/null \
  || { echo "FAIL setup"; exit 1; }

# No English key, ISO date or UTC time in what a person reads.
english() {  # english NAME: fails when $work/out has a 'snake_case:' key, an ISO date or a UTC timestamp
  if grep -nE '^[[:space:]]*[A-Za-z]+_[a-z_]+:|[0-9]{4}-[0-9]{2}-[0-9]{2}|T[0-9]{2}:[0-9]{2}:[0-9]{2}' "$work/out" >"$work/english"; then
    fail=$((fail + 1)); echo "FAIL $1: not Dutch"; sed 's/^/  /' "$work/english" | head -5
  else pass=$((pass + 1)); fi
}
check "mandate change" 0 "$igsgov" "${db[@]}" mandate change --id igs-rupel-bc-2-11038 --new-id m-nieuw --person p-001 \
  --from 2026-06-01 --decision-council "gemeenteraad Schelle" --decision-date 2026-05-20 --reason "nieuwe aanduiding"
english "mandate change"
contains "change says who takes over" out "Mandaat igs-rupel-bc-2-11038 eindigt op 31 mei 2026; mandaat m-nieuw neemt over vanaf 1 juni 2026."
check "mandate correct" 0 "$igsgov" "${db[@]}" mandate correct --id m-nieuw --fractie Vooruit --reason "verkeerde fractie"
english "mandate correct"
contains "correct sentence" out "Correctie van mandaat m-nieuw geregistreerd."
check "mandate history" 0 "$igsgov" "${db[@]}" mandate history --id igs-rupel-bc-2-11038
english "mandate history"
contains "history: the correction's reason" out "reden: verkeerde fractie"
contains "history: what the correction changed" out "fractie: Open VLD → Vooruit"
contains "history: the end" out "beëindiging"
for cmd in "cooperation show --id igs-rupel" "cooperation list" "person list" "token list" "audit journal" "audit verify" \
  "document list" "contribution list" "check"; do
  # shellcheck disable=SC2086
  "$igsgov" "${db[@]}" $cmd >"$work/out" 2>"$work/err"
  english "$cmd"
done
"$igsgov" "${db[@]}" cooperation show --id igs-rupel >"$work/out"
contains "legal form as its label" out "Rechtsvorm: interlokale vereniging"
contains "founded as a Dutch date" out "Opgericht: 1 juli 2019"
"$igsgov" "${db[@]}" check >"$work/out"
lacks "check: record kinds in Dutch" out "betreft: cooperation"
lacks "check: no operator instruction" out "parameter '"

# Suggestions and help.
check "typo in a command" 64 "$igsgov" "${db[@]}" compositon --body x
contains "suggests composition" err "onbekend commando 'compositon'; bedoelde je 'composition'?"
check "typo in a subcommand" 64 "$igsgov" "${db[@]}" mandate apoint
contains "suggests mandate appoint" err "bedoelde je 'mandate appoint'?"
check "value after a group" 64 "$igsgov" "${db[@]}" cooperation igs-rupel
lacks "value not glued into a command name" err "onbekend commando 'cooperation igs-rupel'"
contains "lists the group's commands" err "create, change, correct, list, show"
check "typo in an option" 64 "$igsgov" "${db[@]}" mandate end --id x --unti 2026-01-01
contains "suggests --until" err "bedoelde je --until?"
check "group alone" 0 "$igsgov" mandate
contains "group lists appoint" out "mandate appoint"
contains "group lists history" out "mandate history"
check "help command" 0 "$igsgov" help mandate end
contains "help shows the options" out "--until"
check "help for a group" 0 "$igsgov" help mandate
contains "help lists the group" out "mandate retract"
check "values listed" 0 "$igsgov" mandate appoint --help
contains "side lists its values" out "waarden: meerderheid, onafhankelijk, oppositie"
check "hint names a real command" 64 "$igsgov" "${db[@]}" mandate history --id x extra
contains "hint uses command words" err "zie 'igsgov help mandate history'"
check "usage error as JSON" 64 "$igsgov" "${db[@]}" --format json cooperation shwo
python3 -c "import json; d=json.load(open('$work/out')); assert d['code']=='argument' and 'cooperation show' in d['message'], d" \
  && pass=$((pass + 1)) || { fail=$((fail + 1)); echo "FAIL usage error JSON"; cat "$work/out"; }

# audit journal: filters and CSV.
check "journal of one record" 0 "$igsgov" "${db[@]}" --format json audit journal --record m-nieuw
python3 -c "
import json; d=json.load(open('$work/out'))
ops=[e['operation'] for e in d['entries']]
assert ops==['mandate.change','mandate.correct'], ops" \
  && pass=$((pass + 1)) || { fail=$((fail + 1)); echo "FAIL journal --record"; cat "$work/out"; }
check "journal of an area" 0 "$igsgov" "${db[@]}" --format json audit journal --operation 'mandate.*' --by dutch-test
python3 -c "
import json; d=json.load(open('$work/out'))
assert [e['operation'] for e in d['entries']]==['mandate.change','mandate.correct'], d" \
  && pass=$((pass + 1)) || { fail=$((fail + 1)); echo "FAIL journal --operation/--by"; cat "$work/out"; }
check "journal of another actor" 0 "$igsgov" "${db[@]}" --format json audit journal --by niemand
python3 -c "import json; assert json.load(open('$work/out'))['entries']==[]" \
  && pass=$((pass + 1)) || { fail=$((fail + 1)); echo "FAIL journal --by niemand"; }
check "journal before the register existed" 0 "$igsgov" "${db[@]}" audit journal --until 2000-01-01
contains "journal: none in period" out "Geen journaalregels"
check "journal as CSV" 0 "$igsgov" "${db[@]}" audit journal --operation mandate.correct --csv
python3 - "$work/out" <<'PY' && pass=$((pass + 1)) || { fail=$((fail + 1)); echo "FAIL journal CSV"; cat "$work/out"; }
import csv, sys
text = open(sys.argv[1], encoding='utf-8-sig').read()
rows = list(csv.reader(text.splitlines(), delimiter=';'))
assert rows[0][:4] == ['regel', 'tijdstip (Belgische tijd)', 'tijdstip (UTC)', 'door'], rows[0]
assert len(rows) == 2 and rows[1][4] == 'mandate.correct' and rows[1][5] == 'verkeerde fractie', rows
PY
check "journal: bad date" 2 "$igsgov" "${db[@]}" audit journal --until 2026-13-01
contains "bad date names the field" err "'until'"

# The founding path (issue 18): an IGS in oprichting, its steps as a Dutch
# table, a check-off, the blocker per gemeente, JSON with stable keys.
check "founding: in oprichting" 0 "$igsgov" "${db[@]}" cooperation create --id igs-va --name "IGS cultuur Vlaamse Ardennen" --domain cultuur
check "founding: member" 0 "$igsgov" "${db[@]}" member add --id va-zwalm --cooperation igs-va --kind gemeente --nis 45065 --from 2025-01-01
check "founding status" 0 "$igsgov" "${db[@]}" founding status --cooperation igs-va --as-of 2026-03-01
english "founding status"
contains "founding: table header" out "Stap  Titel"
contains "founding: count" out "Stand op 1 maart 2026: 0 van 11 stappen klaar"
contains "founding: deadline in Dutch" out "ten laatste 1 april 2026"
contains "founding: blocker per gemeente" out "Zwalm: ‘Zorg voor draagvlak’ nog niet afgevinkt"
check "founding check-off" 0 "$igsgov" "${db[@]}" founding check-off --cooperation igs-va --step draagvlak --member va-zwalm \
  --date 2025-02-03 --note "MT akkoord"
english "founding check-off"
contains "founding: check-off said" out "Afgevinkt: stap 'draagvlak'"
check "founding: a decision is not checked off" 2 "$igsgov" "${db[@]}" founding check-off --cooperation igs-va --step afspraken \
  --member va-zwalm --note x
contains "founding: why refused" err "wordt bewezen door het register"
"$igsgov" "${db[@]}" founding status --cooperation igs-va --as-of 2026-03-01 >"$work/out"
contains "founding: next step" out "Volgende stap: 2. Breng samenwerkingen in kaart"
contains "founding: next blocker" out "  - ‘Breng samenwerkingen in kaart’ nog niet afgevinkt"
check "founding status json" 0 "$igsgov" "${db[@]}" --format json founding status --cooperation igs-va --as-of 2026-03-01
python3 - "$work/out" <<'PY' && pass=$((pass + 1)) || { fail=$((fail + 1)); echo "FAIL founding json"; head -c 400 "$work/out"; }
import json, sys
o = json.load(open(sys.argv[1]))
assert o["in_oprichting"] is True and o["done_steps"] == 1 and o["next_step"] == 2, o
s = o["steps"][0]
assert s["done"] and s["conditions"][0]["results"][0]["check_off"]["note"] == "MT akkoord", s
PY
check "founding plans" 0 "$igsgov" "${db[@]}" founding plans
contains "founding: plans table" out "afvinken:oprichtingsakte"

echo "dutch CLI: $pass passed, $fail failed"
[ "$fail" = 0 ]
