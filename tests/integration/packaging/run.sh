#!/usr/bin/env bash
# Packaging test: install the build tree into a staging prefix, build the
# consumer project against it with find_package(igsgov) and with pkg-config,
# run both, check that an incompatible version is refused (SameMajorVersion),
# then build the Debian package with CPack and list what it holds.
#   run.sh <build dir> <source dir> <work dir> <version> <with igsgovd: 1|0>
set -euo pipefail
build=$1
src=$2
work=$3
version=$4
daemon=$5
here=$(cd "$(dirname "$0")" && pwd)
rm -rf "$work"
mkdir -p "$work"
stage=$work/stage
sample=$src/config/sample/register.json
generator=()
command -v ninja >/dev/null && generator=(-G Ninja)
fail() { echo "FAIL: $*" >&2; exit 1; }
step() { echo "== $*"; }

step "cmake --install to $stage"
cmake --install "$build" --prefix "$stage" >"$work/install.log"
for f in include/igsgov/igsgov.h lib/cmake/igsgov/igsgovConfig.cmake lib/cmake/igsgov/igsgovConfigVersion.cmake \
         lib/cmake/igsgov/igsgovTargets.cmake lib/pkgconfig/igsgov.pc bin/igsgov; do
  [ -e "$stage/$f" ] || fail "$f not installed"
done
ls "$stage"/lib/libigsgov.so.0* >/dev/null 2>&1 || fail "libigsgov.so.0 not installed"
[ -L "$stage/lib/libigsgov.so" ] || fail "libigsgov.so (development link) not installed"

step "installed CLI runs from the staging prefix (RPATH \$ORIGIN/../lib)"
"$stage/bin/igsgov" --db "$work/cli.db" init >/dev/null || fail "installed igsgov init"

step "consumer with find_package(igsgov 0.1) and igsgov::igsgov"
cmake -S "$here/consumer" -B "$work/consumer" "${generator[@]}" -DCMAKE_PREFIX_PATH="$stage" >"$work/consumer-configure.log" \
  || { cat "$work/consumer-configure.log"; fail "consumer configure"; }
grep -q "$stage" "$work/consumer/CMakeCache.txt" || fail "igsgov not found in the staging prefix"
cmake --build "$work/consumer" >"$work/consumer-build.log" || { cat "$work/consumer-build.log"; fail "consumer build"; }
out=$("$work/consumer/consumer_c" "$sample" "$work/consumer.db") || fail "consumer_c run"
echo "$out"
[[ $out == "consumer ok $version "* ]] || fail "consumer_c output: $out"
"$work/consumer/consumer_cxx" || fail "consumer_cxx run"
# The consumer must use the installed library, not the build tree's.
ldd "$work/consumer/consumer_c" | grep -q "$stage/lib/libigsgov.so.0" || { ldd "$work/consumer/consumer_c"; fail "consumer_c does not load the staged libigsgov"; }

step "SameMajorVersion: find_package(igsgov 1.0) must fail"
if cmake -S "$here/consumer" -B "$work/consumer-v1" "${generator[@]}" -DCMAKE_PREFIX_PATH="$stage" -DIGSGOV_WANT=1.0 \
    >"$work/consumer-v1.log" 2>&1; then
  fail "find_package(igsgov 1.0) accepted version $(grep -o 'igsgov_VERSION:[^=]*=.*' "$work/consumer-v1/CMakeCache.txt" || true)"
fi
grep -q "requested version \"1.0\"" "$work/consumer-v1.log" && grep -q "igsgovConfig.cmake, version: $version" "$work/consumer-v1.log" || { cat "$work/consumer-v1.log"; fail "refused for another reason"; }

step "consumer with pkg-config"
export PKG_CONFIG_PATH=$stage/lib/pkgconfig
[ "$(pkg-config --modversion igsgov)" = "$version" ] || fail "pkg-config --modversion: $(pkg-config --modversion igsgov)"
cc -std=c99 -Wall -Wextra -pedantic -Werror -o "$work/consumer-pc" "$here/consumer/consumer.c" \
  $(pkg-config --cflags --libs igsgov) -Wl,-rpath,"$(pkg-config --variable=libdir igsgov)" || fail "pkg-config build"
out=$("$work/consumer-pc" "$sample" "$work/consumer-pc.db") || fail "pkg-config consumer run"
echo "$out"
[[ $out == "consumer ok $version "* ]] || fail "pkg-config consumer output: $out"

step "CPack DEB"
(cd "$work" && cpack --config "$build/CPackConfig.cmake" -G DEB -B "$work/deb" >"$work/cpack.log" 2>&1) \
  || { cat "$work/cpack.log"; fail "cpack"; }
deb=$(ls "$work"/deb/*.deb)
dpkg-deb -c "$deb" | awk '{print $6}' >"$work/deb-contents.txt"
dpkg-deb -I "$deb" >"$work/deb-info.txt"
cat "$work/deb-info.txt" | sed -n '/Package:/,$p'
need=(./usr/include/igsgov/igsgov.h ./usr/lib/cmake/igsgov/igsgovConfig.cmake ./usr/lib/cmake/igsgov/igsgovConfigVersion.cmake
      ./usr/lib/cmake/igsgov/igsgovTargets.cmake ./usr/lib/pkgconfig/igsgov.pc ./usr/bin/igsgov ./usr/lib/libigsgov.so)
if [ "$daemon" = 1 ]; then
  need+=(./usr/bin/igsgovd)
  [ -e "$stage/bin/igsgovd" ] || fail "bin/igsgovd not installed"
fi
if [ -e "$src/packaging/systemd/igsgovd.service" ]; then
  need+=(./usr/lib/systemd/system/igsgovd.service)
fi
# Every Dutch user document and both manual pages (issue 18).
for doc in "$src"/docs/*.md; do need+=("./usr/share/doc/igsgov/$(basename "$doc")"); done
need+=(./usr/share/man/man1/igsgov.1 ./usr/share/man/man1/igsgovd.1)
for f in "${need[@]}"; do
  grep -qx "$f" "$work/deb-contents.txt" || { cat "$work/deb-contents.txt"; fail "$f missing from $(basename "$deb")"; }
done
grep -q '^./usr/lib/libigsgov.so.0' "$work/deb-contents.txt" || fail "versioned library missing from the package"
grep -q "Depends:.*libpoco" "$work/deb-info.txt" || fail "Depends lacks the Poco libraries (dpkg-shlibdeps)"
grep -q "Depends:.*adduser" "$work/deb-info.txt" || fail "Depends lacks adduser (postinst)"
# The manual pages render without a groff warning; igsgov(1) has every
# command of the catalogue, igsgovd(1) every option of igsgovd --help.
for page in "$stage"/share/man/man1/igsgov.1 "$stage"/share/man/man1/igsgovd.1; do
  [ -s "$page" ] || fail "$page missing from the staged install"
  warnings=$(LC_ALL=C.UTF-8 groff -man -ww -z -K utf8 "$page" 2>&1) || fail "groff failed on $page"
  [ -z "$warnings" ] || fail "groff warns on $(basename "$page"): $warnings"
done
man_text=$(LC_ALL=C.UTF-8 MANWIDTH=200 man -l "$stage/share/man/man1/igsgov.1" 2>/dev/null | sed 's/\x08.//g')
while read -r cmd; do
  grep -qF -- "$cmd" <<<"$man_text" || fail "igsgov(1) lacks the command '$cmd'"
done < <("$stage/bin/igsgov" --help | sed -n '/^Commando/,/^$/p' | sed -n 's/^  \([a-z][a-z -]*[a-z]\)\( ([a-z ]*)\)\{0,1\}  .*/\1/p')
if [ "$daemon" = 1 ]; then
  daemon_text=$(LC_ALL=C.UTF-8 MANWIDTH=200 man -l "$stage/share/man/man1/igsgovd.1" 2>/dev/null)
  for opt in $("$stage/bin/igsgovd" --help 2>&1 | grep -oE '^--[a-z-]+'); do
    grep -qF -- "$opt" <<<"$daemon_text" || fail "igsgovd(1) lacks the option $opt"
  done
fi
echo "packaging ok: $(basename "$deb") with ${#need[@]} checked paths"
