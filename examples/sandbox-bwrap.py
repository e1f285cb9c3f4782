#!/usr/bin/python3
# sandbox-bwrap.py: run a child in bubblewrap under a filter.
#
# SPDX-FileCopyrightText: 2026 The scmp-glib authors
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# The filter travels to bwrap as a sealed memfd; bwrap loads it just
# before it execs the child, so no Python code runs in the child.

import errno

import gi
gi.require_version('Scmp', '1.0')
from gi.repository import Gio, Scmp  # noqa: E402

flt = Scmp.Filter.new(Scmp.Action.new_allow())
deny = Scmp.Action.new_errno(errno.EPERM)
for syscall in ('mkdir', 'mkdirat'):
    flt.add_rule(Scmp.Rule.new(syscall, deny))

launcher = Gio.SubprocessLauncher.new(Gio.SubprocessFlags.STDERR_PIPE)
launcher.setenv('LC_ALL', 'C', True)
launcher.take_fd(flt.export_bpf_memfd(), 10)   # the child's fd 10; ours is closed
child = launcher.spawnv(['bwrap', '--ro-bind', '/', '/', '--dev', '/dev',
                         '--tmpfs', '/tmp', '--seccomp', '10',
                         '--', 'mkdir', '/tmp/made-by-the-child'])
_, _, err = child.communicate_utf8(None, None)

# mkdir(1) got EPERM from the filter, said so and exited with 1.
print('child:', err.strip())
assert child.get_if_exited() and child.get_exit_status() == 1, err
assert 'Operation not permitted' in err, err
