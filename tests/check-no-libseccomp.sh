#!/bin/sh
# SPDX-FileCopyrightText: 2026 The scmp-glib authors
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# The library has its own compiler and tables: it must never link libseccomp
# (only the tests and benchmarks may).
set -eu
lib="$1"
needed=$(readelf -d "$lib" | grep NEEDED) || { echo "readelf found no NEEDED entries in $lib"; exit 1; }
echo "$needed"
if echo "$needed" | grep -q libseccomp; then
  echo "FAIL: $lib links libseccomp"
  exit 1
fi
echo "OK: $lib does not link libseccomp"
