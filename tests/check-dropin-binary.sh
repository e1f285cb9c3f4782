#!/bin/sh
# SPDX-FileCopyrightText: 2026 The scmp-glib authors
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# An installed program linked against the real libseccomp, run unchanged
# on the drop-in: it must load the drop-in and print what it prints on
# libseccomp. Usage: check-dropin-binary.sh DROPIN_DIR PROGRAM [ARGS...]
set -eu
dropin="$1"
shift
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$@" > "$tmp/real" 2>&1
LD_LIBRARY_PATH="$dropin" LD_DEBUG=libs "$@" > /dev/null 2> "$tmp/libs"
grep -q "calling init: $dropin/libseccomp.so.2" "$tmp/libs" ||
  { echo "FAIL: $1 did not load $dropin/libseccomp.so.2"; grep seccomp "$tmp/libs"; exit 1; }
LD_LIBRARY_PATH="$dropin" "$@" > "$tmp/ours" 2>&1
if ! cmp -s "$tmp/real" "$tmp/ours"; then
  echo "FAIL: $* prints something else on the drop-in:"
  diff "$tmp/real" "$tmp/ours" | head -40
  exit 1
fi
echo "OK: $* ran on the drop-in and printed the same $(wc -l < "$tmp/ours") lines"
