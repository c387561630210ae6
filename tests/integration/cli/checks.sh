# Shared helpers of the CLI test scripts (sourced): counters `pass`/`fail`
# and checks on a command's exit code and output. Needs $work (a folder).
pass=0
fail=0
check() {  # check NAME EXPECTED_EXIT COMMAND... ; stdout in $work/out, stderr in $work/err
  local name=$1 want=$2
  shift 2
  "$@" >"$work/out" 2>"$work/err"
  local got=$?
  if [ "$got" = "$want" ]; then
    pass=$((pass + 1))
  else
    fail=$((fail + 1))
    echo "FAIL $name: exit $got, expected $want"
    sed 's/^/  stdout: /' "$work/out" | head -5
    sed 's/^/  stderr: /' "$work/err" | head -5
  fi
}
contains() {  # contains NAME FILE TEXT
  if grep -qF -- "$3" "$work/$2"; then pass=$((pass + 1)); else
    fail=$((fail + 1)); echo "FAIL $1: '$3' not in $2"; sed 's/^/  /' "$work/$2" | head -5; fi
}
lacks() {  # lacks NAME FILE TEXT
  if grep -qF -- "$3" "$work/$2"; then
    fail=$((fail + 1)); echo "FAIL $1: '$3' in $2"; sed 's/^/  /' "$work/$2" | head -5; else pass=$((pass + 1)); fi
}
