#!/usr/bin/python3
# getting-started.py: a sandbox in ten lines, in Python.
#
# SPDX-FileCopyrightText: 2026 The scmp-glib authors
# SPDX-License-Identifier: LGPL-2.1-or-later

import errno
import os

import gi
gi.require_version('Scmp', '1.0')
from gi.repository import Scmp  # noqa: E402

sandbox = Scmp.Filter.new(Scmp.Action.new_allow())   # what no rule names
deny = Scmp.Action.new_errno(errno.EPERM)
for syscall in ('mkdir', 'mkdirat'):
    sandbox.add_rule(Scmp.Rule.new(syscall, deny))
sandbox.load()                                       # for good; GLib.Error on failure

# The filter answers before the kernel looks at the path: EPERM, not ENOENT.
try:
    os.mkdir('/nonexistent/scmp-glib')
    raise SystemExit('mkdir was allowed')
except PermissionError as e:
    assert e.errno == errno.EPERM
    print('mkdir:', e.strerror)
