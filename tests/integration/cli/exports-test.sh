#!/usr/bin/env bash
# The exports people open (issue 17) end to end: `igsgov export composition|mandates|members|findings`
# as CSV and XLSX, each read back by an independent reader (Python's csv module, python3-openpyxl)
# and compared cell by cell with the JSON of the operations that show the same data
# (check_exports.py), with hostile text in the register (quotes, semicolons, a line break, a
# leading = + - @); the composition as known before a change; refusals with Dutch messages; and
# igsgovd answering the same files over REST (media type, file name, same cells).
# Usage: exports-test.sh BUILD_DIR SOURCE_DIR
set -uo pipefail
build=$(cd "$1" && pwd)
src=$(cd "$2" && pwd)
igsgov="$build/bin/igsgov"
py=/usr/bin/python3  # Debian's python, with python3-openpyxl (scripts/packages/exports.txt)
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
pid=
trap '[ -n "$pid" ] && { kill -TERM "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; }; rm -rf "$work"' EXIT
. "$here/checks.sh"

export IGSGOV_ACTOR=exports-test
reg="$work/r.db"
g() { "$igsgov" --db "$reg" "$@"; }
j() { "$igsgov" --db "$reg" --format json "$@"; }
g init >/dev/null && g import "$src/config/sample/register.json" >/dev/null || { echo "FAIL: register set-up"; exit 1; }
body=igs-cultuur-va-rvb
coop=igs-cultuur-va
before=$(j audit head | "$py" -c 'import json,sys; print(json.load(sys.stdin)["at"])')  # after the import

# Hostile text: a name starting with '=' holding quotes and semicolons, a partner starting with '@',
# a fractie starting with '+', a reason with a line break, quotes and a leading '-'.
hostile='=HYPERLINK("http://x.invalid";"klik"); "Jan" ;-) Dé Smet'
check "hostile person" 0 g person create --id p-hostile --name "$hostile" --fictitious
check "hostile partner" 0 g member add --id "$coop-partner" --cooperation "$coop" --kind partner \
  --name '@Zuid "vzw"; -test' --partner-kind privaat_zonder_winstoogmerk --from 2026-01-01
check "seat for the partner" 0 g seat create --id "$body-partner" --body "$body" --label 'zetel "partner"; -1' \
  --member "$coop-partner" --holders 1
check "hostile mandate" 0 g mandate appoint --id m-hostile --person p-hostile --body "$body" --seat "$body-partner" \
  --member "$coop-partner" --role bestuurder_raadgevend --no-voting --fractie '+Lijst "A";B' --from 2026-01-01 \
  --decision-council 'algemene vergadering; "bijzondere"' --decision-date 2025-12-15 --decision-ref '-AV/2025/9'
check "correction with a hostile reason" 0 g --reason $'-verkeerd; "fractie"\ntweede regel' mandate correct \
  --id m-hostile --fractie '@Lijst "B"'
check "a schedule" 0 g contribution compute --key noordrand-werking --year 2026

j body composition --body "$body" >"$work/composition.json"
j body composition --body "$body" --as-of 2026-06-01 --known-at "$before" >"$work/composition-before.json"
j cooperation show --id "$coop" >"$work/coop.json"
j cooperation show --id igs-noordrand >"$work/coop-noordrand.json"
j person list >"$work/persons.json"
j contribution show --key noordrand-werking --year 2026 >"$work/schedule.json"
j check --cooperation "$coop" >"$work/findings.json"
seats=()
for seat in $("$py" -c 'import json,sys
for b in json.load(open(sys.argv[1]))["bodies"]:
    if b["id"] == sys.argv[2]: print(" ".join(s["id"] for s in b["seats"]))' "$work/coop.json" "$body"); do
  j seat history --id "$seat" >"$work/seat-$seat.json"
  seats+=("$work/seat-$seat.json")
done
contains "the hostile name is in the register" composition.json 'HYPERLINK'
lacks "as known before: no hostile mandate" composition-before.json 'm-hostile'

oracle() {  # oracle NAME KIND FILE JSON...
  local name=$1
  shift
  if "$py" "$here/check_exports.py" "$@" >"$work/oracle" 2>&1; then pass=$((pass + 1)); else
    fail=$((fail + 1)); echo "FAIL $name:"; sed 's/^/  /' "$work/oracle"; fi
}
for f in csv xlsx; do
  check "composition $f" 0 g export composition --body "$body" --format "$f" --out "$work/c.$f"
  oracle "composition $f" composition "$work/c.$f" "$work/composition.json"
  check "composition as known before, $f" 0 g export composition --body "$body" --as-of 2026-06-01 \
    --known-at "$before" --format "$f" --out "$work/cb.$f"
  oracle "composition as known before, $f" composition "$work/cb.$f" "$work/composition-before.json"
  check "mandates $f" 0 g export mandates --body "$body" --format "$f" --out "$work/m.$f"
  oracle "mandates $f" mandates "$work/m.$f" "$work/coop.json" "$work/persons.json" "$body" "${seats[@]}"
  check "members with contributions $f" 0 g export members --cooperation igs-noordrand --key noordrand-werking \
    --format "$f" --out "$work/d.$f"
  oracle "members with contributions $f" members "$work/d.$f" "$work/coop-noordrand.json" "$work/schedule.json"
  check "members with inhabitants $f" 0 g export members --cooperation "$coop" --format "$f" --out "$work/di.$f"
  oracle "members with inhabitants $f" members "$work/di.$f" "$work/coop.json"
  check "findings $f" 0 g export findings --cooperation "$coop" --format "$f" --out "$work/f.$f"
  oracle "findings $f" findings "$work/f.$f" "$work/findings.json"
done
# The neutralised cells as they are in the CSV bytes, and the line break kept inside one quoted cell.
check "csv to stdout" 0 g export composition --body "$body" --format csv
contains "leading = neutralised and quoted" out "\"'=HYPERLINK(\"\"http://x.invalid\"\";\"\"klik\"\"); \"\"Jan\"\" ;-) Dé Smet\""
contains "leading @ neutralised" out "'@Zuid"
contains "leading + neutralised" out "'@Lijst"
check "mandates csv to stdout" 0 g export mandates --body "$body" --format csv
contains "reason with its line break in one cell" out $'"\'-verkeerd; ""fractie""\r\ntweede regel"'
check "members csv" 0 g export members --cooperation igs-noordrand --key noordrand-werking --format csv
contains "amount with a decimal comma" out ";13167,80;"

# Refusals: Dutch, naming the field, nothing written.
check "unknown format" 2 g export composition --body "$body" --format pdf --out "$work/x.pdf"
contains "format refusal names the field" err "format"
[ ! -e "$work/x.pdf" ] && pass=$((pass + 1)) || { fail=$((fail + 1)); echo "FAIL: a refused export wrote a file"; }
check "unknown body" 3 g export composition --body geen-orgaan --out "$work/x.xlsx"
check "key of another cooperation" 2 g export members --cooperation "$coop" --key noordrand-werking --out "$work/x.xlsx"
contains "key refusal in Dutch" err "hoort niet bij samenwerkingsverband"
check "xlsx without --out says so" 0 g export findings --cooperation "$coop"
contains "xlsx without --out says so" out "geef --out"

# REST: the same files, answered as themselves with their media type and name.
port=$("$py" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
printf '{"register": "%s"}\n' "$reg" >"$work/igsgovd.json"
secret=$(j token create --name t-exports --role auditor | "$py" -c 'import json,sys; print(json.load(sys.stdin)["secret"])')
"$build/bin/igsgovd" --config "$work/igsgovd.json" --port "$port" 2>"$work/igsgovd.log" &
pid=$!
for _ in $(seq 1 200); do
  curl -fsS "http://127.0.0.1:$port/api/v1/health" >/dev/null 2>&1 && break
  sleep 0.05
done
api="http://127.0.0.1:$port/api/v1"
auth="Authorization: Bearer $secret"
rest() {  # rest NAME URL FILE EXPECTED_TYPE EXPECTED_NAME
  local got
  got=$(curl -sS -H "$auth" "$2" -o "$3" -D "$work/headers" -w '%{http_code} %{content_type}')
  if [ "$got" = "200 $4" ] && grep -qiF "filename=\"$5\"" "$work/headers"; then pass=$((pass + 1)); else
    fail=$((fail + 1)); echo "FAIL $1: $got"; head -c 300 "$3"; echo; cat "$work/headers"; fi
}
rest "REST composition csv" "$api/export.composition?body=$body&format=csv" "$work/rest-c.csv" \
  "text/csv; charset=utf-8" "samenstelling-$body-$(date +%Y-%m-%d).csv"
oracle "REST composition csv" composition "$work/rest-c.csv" "$work/composition.json"
rest "REST findings xlsx" "$api/export.findings?cooperation=$coop" "$work/rest-f.xlsx" \
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" "bevindingen-$coop-$(date +%Y-%m-%d).xlsx"
oracle "REST findings xlsx" findings "$work/rest-f.xlsx" "$work/findings.json"
rest "REST members xlsx" "$api/export.members?cooperation=igs-noordrand&key=noordrand-werking" "$work/rest-d.xlsx" \
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" "deelnemers-igs-noordrand-2026.xlsx"
oracle "REST members xlsx" members "$work/rest-d.xlsx" "$work/coop-noordrand.json" "$work/schedule.json"
code=$(curl -sS -H "$auth" "$api/export.findings?cooperation=$coop&out=/tmp/x.xlsx" -o "$work/rest-err" -w '%{http_code}')
[ "$code" = 400 ] || [ "$code" = 403 ] && pass=$((pass + 1)) || { fail=$((fail + 1)); echo "FAIL REST out path: $code"; }

echo "exports: $pass passed, $fail failed"
[ "$fail" = 0 ]
