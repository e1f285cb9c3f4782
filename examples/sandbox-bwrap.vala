// sandbox-bwrap.vala: run a child in bubblewrap under a filter.
//
// SPDX-FileCopyrightText: 2026 The scmp-glib authors
// SPDX-License-Identifier: LGPL-2.1-or-later
//
// The filter travels to bwrap as a sealed memfd; bwrap loads it just
// before it execs the child.

int main () {
    try {
        var filter = new Scmp.Filter (new Scmp.Action.allow ());
        var deny = new Scmp.Action.errno (Posix.EPERM);
        foreach (unowned string syscall in new string[] { "mkdir", "mkdirat" })
            filter.add_rule (new Scmp.Rule (syscall, deny));

        var launcher = new SubprocessLauncher (SubprocessFlags.STDERR_PIPE);
        launcher.setenv ("LC_ALL", "C", true);
        launcher.take_fd (filter.export_bpf_memfd (), 10);   // the child's fd 10
        var child = launcher.spawnv ({ "bwrap", "--ro-bind", "/", "/", "--dev", "/dev",
                                       "--tmpfs", "/tmp", "--seccomp", "10",
                                       "--", "mkdir", "/tmp/made-by-the-child" });
        string err;
        child.communicate_utf8 (null, null, null, out err);

        // mkdir(1) got EPERM from the filter, said so and exited with 1.
        print ("child: %s", err);
        if (!child.get_if_exited () || child.get_exit_status () != 1 ||
            !("Operation not permitted" in err)) {
            printerr ("the child was not refused mkdir(2)\n");
            return 1;
        }
    } catch (Error e) {
        printerr ("%s\n", e.message);
        return 1;
    }
    return 0;
}
