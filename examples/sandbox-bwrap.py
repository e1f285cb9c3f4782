#!/usr/bin/python3
# sandbox-bwrap.py: run a child in bubblewrap under a filter.
#
# SPDX-FileCopyrightText: 2026 The scmp-glib authors
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# The filter travels to bwrap as a sealed memfd; bwrap loads it just
# before it execs the child, so no Python code runs in the child.

import errno
import signal

import gi
gi.require_version('Scmp', '1.0')
from gi.repository import Gio, Scmp  # noqa: E402


def run_sandboxed(deny):
    """Runs mkdir(1) in bwrap, with mkdir(2) answered by deny."""
    flt = Scmp.Filter.new(Scmp.Action.new_allow())
    for syscall in ('mkdir', 'mkdirat'):
        flt.add_rule(Scmp.Rule.new(syscall, deny))

    launcher = Gio.SubprocessLauncher.new(Gio.SubprocessFlags.STDERR_PIPE)
    launcher.setenv('LC_ALL', 'C', True)
    launcher.take_fd(flt.export_bpf_memfd(), 10)   # the child's fd 10; ours is closed
    child = launcher.spawnv(['bwrap', '--ro-bind', '/', '/', '--dev', '/dev',
                             '--tmpfs', '/tmp', '--seccomp', '10',
                             '--', 'mkdir', '/tmp/made-by-the-child'])
    _, _, err = child.communicate_utf8(None, None)
    return child.get_exit_status(), err.strip()


# errno: mkdir(1) gets EPERM, says so and exits with 1.
status, err = run_sandboxed(Scmp.Action.new_errno(errno.EPERM))
print('errno:', status, err)
assert status == 1 and 'Operation not permitted' in err, err

# kill: mkdir(1) dies of SIGSYS; bwrap exits with 128 + the signal.
status, err = run_sandboxed(Scmp.Action.new_kill_process())
print('kill-process:', status)
assert status == 128 + signal.SIGSYS, (status, err)
