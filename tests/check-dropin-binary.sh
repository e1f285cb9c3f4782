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
status=0
# the test runner may have put the drop-in on LD_LIBRARY_PATH already
env -u LD_LIBRARY_PATH "$@" > "$tmp/real" 2>&1
env -u LD_LIBRARY_PATH LD_DEBUG=libs "$@" > /dev/null 2> "$tmp/libs-real"
if grep -q "calling init: $dropin/" "$tmp/libs-real"; then
  echo "FAIL: $1 loaded the drop-in without LD_LIBRARY_PATH"
  status=1
fi
LD_LIBRARY_PATH="$dropin" LD_DEBUG=libs "$@" > /dev/null 2> "$tmp/libs"
if ! grep -q "calling init: $dropin/libseccomp.so.2" "$tmp/libs"; then
  echo "FAIL: $1 did not load $dropin/libseccomp.so.2"
  grep seccomp "$tmp/libs"
  status=1
fi
LD_LIBRARY_PATH="$dropin" "$@" > "$tmp/ours" 2>&1
if ! cmp -s "$tmp/real" "$tmp/ours"; then
  echo "FAIL: $* prints something else on the drop-in:"
  diff "$tmp/real" "$tmp/ours" | head -40
  status=1
fi
[ $status -eq 0 ] && echo "OK: $* ran on the drop-in and printed the same $(wc -l < "$tmp/ours") lines"
rm -rf "$tmp"
exit $status
