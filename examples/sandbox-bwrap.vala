// sandbox-bwrap.vala: run a child in bubblewrap under a filter.
//
// SPDX-FileCopyrightText: 2026 The scmp-glib authors
// SPDX-License-Identifier: LGPL-2.1-or-later
//
// The filter travels to bwrap as a sealed memfd; bwrap loads it just
// before it execs the child.

// Runs mkdir(1) in bwrap, with mkdir(2) answered by deny.
int run_sandboxed (Scmp.Action deny, out string err) throws Error {
    var filter = new Scmp.Filter (new Scmp.Action.allow ());
    foreach (unowned string syscall in new string[] { "mkdir", "mkdirat" })
        filter.add_rule (new Scmp.Rule (syscall, deny));

    var launcher = new SubprocessLauncher (SubprocessFlags.STDERR_PIPE);
    launcher.setenv ("LC_ALL", "C", true);
    launcher.take_fd (filter.export_bpf_memfd (), 10);   // the child's fd 10
    var child = launcher.spawnv ({ "bwrap", "--ro-bind", "/", "/", "--dev", "/dev",
                                   "--tmpfs", "/tmp", "--seccomp", "10",
                                   "--", "mkdir", "/tmp/made-by-the-child" });
    child.communicate_utf8 (null, null, null, out err);
    return child.get_exit_status ();
}

int main () {
    try {
        string err;

        // errno: mkdir(1) gets EPERM, says so and exits with 1.
        var status = run_sandboxed (new Scmp.Action.errno (Posix.EPERM), out err);
        print ("errno: %d %s", status, err);
        if (status != 1 || !("Operation not permitted" in err))
            return 1;

        // kill: mkdir(1) dies of SIGSYS; bwrap exits with 128 + the signal.
        status = run_sandboxed (new Scmp.Action.kill_process (), out err);
        print ("kill-process: %d\n", status);
        if (status != 128 + (int) Posix.Signal.SYS)
            return 1;
    } catch (Error e) {
        printerr ("%s\n", e.message);
        return 1;
    }
    return 0;
}
