#!/usr/bin/env bash
# libigsgov.so exports the C ABI and nothing else: every dynamic symbol it
# defines is igsgov_* (plus the version node IGSGOV_0); no C++ (mangled _Z),
# Poco, spdlog, fmt, SQLite or OpenSSL symbol leaks. Those stay private
# dependencies (ldd may list them; that is fine).
#   check_symbols.sh <libigsgov.so> <path to igsgov.h>
set -euo pipefail
lib=$1
header=$2
status=0
defined=$(nm -D --defined-only "$lib" | awk '{print $NF}' | sed 's/@.*//')
[ -n "$defined" ] || { echo "no dynamic symbols in $lib"; exit 1; }
leaks=$(printf '%s\n' "$defined" | grep -v -E '^(igsgov_[a-z_]+|IGSGOV_0)$' || true)
if [ -n "$leaks" ]; then
  echo "symbols other than igsgov_* exported from $lib:"
  printf '%s\n' "$leaks" | head -20
  status=1
fi
for pattern in '^_Z' 'Poco' 'spdlog' 'fmt' '^sqlite3_' '^SSL_' '^EVP_' '^CRYPTO_'; do
  if printf '%s\n' "$defined" | grep -q -E "$pattern"; then
    echo "exported symbol matches $pattern"
    status=1
  fi
done
# Every function declared in the header is exported, and nothing more.
declared=$(grep -o -E 'IGSGOV_API [^(]*\b(igsgov_[a-z_]+)\(' "$header" | grep -o -E 'igsgov_[a-z_]+\($' | tr -d '(' | sort)
exported=$(printf '%s\n' "$defined" | grep '^igsgov_' | sort)
if [ "$declared" != "$exported" ]; then
  echo "header and exports differ:"
  diff <(printf '%s\n' "$declared") <(printf '%s\n' "$exported") || true
  status=1
fi
[ $status -eq 0 ] && echo "exports: $(printf '%s\n' "$exported" | wc -l) igsgov_* functions, nothing else"
exit $status
