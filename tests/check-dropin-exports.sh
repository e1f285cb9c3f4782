#!/bin/sh
# SPDX-FileCopyrightText: 2026 The scmp-glib authors
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# The drop-in libseccomp.so.2 has libseccomp's soname and exports exactly
# the symbols its version script lists (no scmp-glib or GLib internals).
set -eu
lib="$1"
map="$2"
soname=$(readelf -d "$lib" | sed -n 's/.*(SONAME).*\[\(.*\)\]/\1/p')
[ "$soname" = "libseccomp.so.2" ] || { echo "FAIL: soname is '$soname'"; exit 1; }
want=$(sed -n 's/^ *\(seccomp_[a-z_]*\);$/\1/p' "$map" | sort)
got=$(nm -D --defined-only "$lib" | awk '$2 ~ /^[TDBR]$/ {print $3}' | sort)
if [ "$want" != "$got" ]; then
  echo "FAIL: exported symbols differ from $map:"
  echo "$want" > "${TMPDIR:-/tmp}/dropin-want.$$"
  echo "$got" | diff "${TMPDIR:-/tmp}/dropin-want.$$" - || true
  rm -f "${TMPDIR:-/tmp}/dropin-want.$$"
  exit 1
fi
echo "OK: $lib is libseccomp.so.2 and exports $(echo "$want" | wc -l) symbols, all libseccomp's"
