// sandbox-bwrap.js: run a child in bubblewrap under a filter (gjs -m).
//
// SPDX-FileCopyrightText: 2026 The scmp-glib authors
// SPDX-License-Identifier: LGPL-2.1-or-later
//
// The filter travels to bwrap as a sealed memfd; bwrap loads it just
// before it execs the child, so no JavaScript runs in the child.

import Gio from 'gi://Gio';
import Scmp from 'gi://Scmp?version=1.0';
import System from 'system';

const EPERM = 1;

const filter = Scmp.Filter.new(Scmp.Action.new_allow());
const deny = Scmp.Action.new_errno(EPERM);
for (const syscall of ['mkdir', 'mkdirat'])
    filter.add_rule(Scmp.Rule.new(syscall, deny));

const launcher = Gio.SubprocessLauncher.new(Gio.SubprocessFlags.STDERR_PIPE);
launcher.setenv('LC_ALL', 'C', true);
launcher.take_fd(filter.export_bpf_memfd(), 10);   // the child's fd 10; ours is closed
const child = launcher.spawnv(['bwrap', '--ro-bind', '/', '/', '--dev', '/dev',
    '--tmpfs', '/tmp', '--seccomp', '10',
    '--', 'mkdir', '/tmp/made-by-the-child']);
const [, , err] = child.communicate_utf8(null, null);

// mkdir(1) got EPERM from the filter, said so and exited with 1.
print(`child: ${err.trim()}`);
if (!child.get_if_exited() || child.get_exit_status() !== 1 ||
    !err.includes('Operation not permitted')) {
    printerr('the child was not refused mkdir(2)');
    System.exit(1);
}
