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

const EPERM = 1, SIGSYS = 31;

// Runs mkdir(1) in bwrap, with mkdir(2) answered by `deny`.
function runSandboxed(deny) {
    const filter = Scmp.Filter.new(Scmp.Action.new_allow());
    for (const syscall of ['mkdir', 'mkdirat'])
        filter.add_rule(Scmp.Rule.new(syscall, deny));

    const launcher = Gio.SubprocessLauncher.new(Gio.SubprocessFlags.STDERR_PIPE);
    launcher.setenv('LC_ALL', 'C', true);
    launcher.take_fd(filter.export_bpf_memfd(), 10);   // the child's fd 10; ours is closed
    const child = launcher.spawnv(['bwrap', '--ro-bind', '/', '/', '--dev', '/dev',
        '--tmpfs', '/tmp', '--seccomp', '10',
        '--', 'mkdir', '/tmp/made-by-the-child']);
    const [, , err] = child.communicate_utf8(null, null);
    return [child.get_exit_status(), err.trim()];
}

function check(ok, what) {
    if (!ok) {
        printerr(`unexpected: ${what}`);
        System.exit(1);
    }
}

// errno: mkdir(1) gets EPERM, says so and exits with 1.
let [status, err] = runSandboxed(Scmp.Action.new_errno(EPERM));
print(`errno: ${status} ${err}`);
check(status === 1 && err.includes('Operation not permitted'), err);

// kill: mkdir(1) dies of SIGSYS; bwrap exits with 128 + the signal.
[status, err] = runSandboxed(Scmp.Action.new_kill_process());
print(`kill-process: ${status}`);
check(status === 128 + SIGSYS, `${status} ${err}`);
