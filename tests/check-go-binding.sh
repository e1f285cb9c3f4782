#!/bin/sh
# SPDX-FileCopyrightText: 2026 The scmp-glib authors
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# The Go binding's own test suite, as Debian ships it
# (golang-github-seccomp-libseccomp-golang-dev), unchanged: built through
# cgo and `pkg-config libseccomp` against the compat <seccomp.h>, linked
# against the drop-in libseccomp.so.2 and run on it. Every test must pass;
# the one skip allowed is TestNotifUnsupported, which only runs where the
# kernel has no user notification.
#
# Usage: check-go-binding.sh SOURCE_ROOT BUILD_ROOT
set -eu
src="$1"
build="$2"
pkg=/usr/share/gocode/src/github.com/seccomp/libseccomp-golang
dropin="$build/seccomp/dropin"

command -v go >/dev/null || { echo "FAIL: no go (Debian package golang-go)"; exit 1; }
[ -f "$pkg/seccomp_test.go" ] || { echo "FAIL: no $pkg (Debian package golang-github-seccomp-libseccomp-golang-dev)"; exit 1; }

work="$build/tests/go-binding"
rm -rf "$work/src" "$work/pc"
mkdir -p "$work/pc"
cp -r "$pkg" "$work/src"
cat > "$work/pc/libseccomp.pc" <<PC
Name: libseccomp
Description: libseccomp's API over scmp-glib (the drop-in)
Version: 2.6.0
Cflags: -I$src/seccomp -I$build/seccomp
Libs: -L$dropin -lseccomp
PC

# Offline, with caches in the build tree.
export GOCACHE="$work/cache" GOPATH="$work/gopath" GOFLAGS=-mod=mod GOPROXY=off \
       GO111MODULE=on CGO_ENABLED=1 PKG_CONFIG_PATH="$work/pc"
(cd "$work/src" && go test -c -o "$work/seccomp.test" .)

if ! LD_LIBRARY_PATH="$dropin" ldd "$work/seccomp.test" | grep -q "libseccomp.so.2 => $dropin/libseccomp.so.2"; then
  echo "FAIL: the test binary does not load $dropin/libseccomp.so.2:"
  LD_LIBRARY_PATH="$dropin" ldd "$work/seccomp.test"
  exit 1
fi

status=0
# TestExpectedSeccompVersion checks the version the library reports.
(cd "$work/src" && LD_LIBRARY_PATH="$dropin" _EXPECTED_LIBSECCOMP_VERSION=2.6.0 \
   "$work/seccomp.test" -test.v -test.count=1) > "$work/log" 2>&1 || status=$?
cat "$work/log"
passed=$(grep -c '^--- PASS: ' "$work/log" || true)
failed=$(grep -c -- '--- FAIL: ' "$work/log" || true)
skips=$(grep -- '--- SKIP: ' "$work/log" | grep -v 'TestNotifUnsupported/subprocess' || true)
if [ "$status" -ne 0 ] || [ "$failed" -ne 0 ]; then
  echo "FAIL: the Go binding's suite failed on the drop-in ($failed failures, exit $status)"
  exit 1
fi
if [ -n "$skips" ]; then
  echo "FAIL: tests of the Go binding's suite were skipped:"
  echo "$skips"
  exit 1
fi
if [ "$passed" -lt 20 ]; then
  echo "FAIL: only $passed tests of the Go binding's suite passed"
  exit 1
fi
echo "OK: the Go binding's suite passed on the drop-in ($passed tests)"
