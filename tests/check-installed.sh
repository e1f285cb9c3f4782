#!/bin/sh
# check-installed.sh BUILDDIR SRCDIR PYTHON: installs the build into a
# scratch directory and builds and runs examples/getting-started.* in
# the four languages against that copy, with the variables the README
# and the "Getting started" chapter give for a custom prefix.
#
# SPDX-FileCopyrightText: 2026 The scmp-glib authors
# SPDX-License-Identifier: LGPL-2.1-or-later

set -eu
build=$1
src=$2
python=$3

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

meson install -C "$build" --no-rebuild --quiet --destdir "$tmp/root" >/dev/null
eval "$("$python" - "$build" <<'PY'
import json, subprocess, sys
opts = {o['name']: o['value'] for o in json.loads(subprocess.check_output(
    ['meson', 'introspect', '--buildoptions', sys.argv[1]]))}
print(f"prefix='{opts['prefix']}' libdir='{opts['libdir']}'")
PY
)"
case $libdir in /*) ;; *) libdir=$prefix/$libdir ;; esac

# The copy lives under $tmp/root: a prefix of its own, as if installed
# with --prefix=$tmp/root$prefix.
root=$tmp/root$prefix
libdir=$tmp/root$libdir
sed -i "s|^prefix=.*|prefix=$root|" "$libdir/pkgconfig/scmp-glib-1.0.pc"

export PKG_CONFIG_PATH="$libdir/pkgconfig"
export LD_LIBRARY_PATH="$libdir"
export GI_TYPELIB_PATH="$libdir/girepository-1.0"

# Runs a command, its output as TAP comments; fails when it fails.
run () {
  status=0
  out=$("$@" 2>&1) || status=$?
  [ -n "$out" ] && printf '%s\n' "$out" | sed 's/^/# /'
  return $status
}

cd "$tmp"
run cc "$src/examples/getting-started.c" $(pkg-config --cflags --libs scmp-glib-1.0) -o getting-started-c
run ./getting-started-c
echo "ok 1 C, through pkg-config"

run valac --vapidir="$root/share/vala/vapi" --pkg scmp-glib-1.0 --pkg posix \
  "$src/examples/getting-started.vala" -o getting-started-vala
run ./getting-started-vala
echo "ok 2 Vala, through valac --vapidir"

run "$python" "$src/examples/getting-started.py"
echo "ok 3 Python, through GI_TYPELIB_PATH"

run gjs -m "$src/examples/getting-started.js"
echo "ok 4 GJS, through GI_TYPELIB_PATH"
echo "1..4"
