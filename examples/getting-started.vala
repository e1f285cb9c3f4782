// getting-started.vala: a sandbox in ten lines, in Vala.
//
// SPDX-FileCopyrightText: 2026 The scmp-glib authors
// SPDX-License-Identifier: LGPL-2.1-or-later
//
// valac --pkg scmp-glib-1.0 --pkg posix getting-started.vala

int main () {
    try {
        var sandbox = new Scmp.Filter (new Scmp.Action.allow ());   // what no rule names
        var deny = new Scmp.Action.errno (Posix.EPERM);
        foreach (unowned string syscall in new string[] { "mkdir", "mkdirat" })
            sandbox.add_rule (new Scmp.Rule (syscall, deny));
        sandbox.load ();                                            // for good
    } catch (Error e) {
        printerr ("Could not load the sandbox: %s\n", e.message);
        return 1;
    }

    // The filter answers before the kernel looks at the path: EPERM, not ENOENT.
    if (Posix.mkdir ("/nonexistent/scmp-glib", 0700) == 0 || Posix.errno != Posix.EPERM)
        return 1;
    print ("mkdir: %s\n", Posix.strerror (Posix.errno));
    return 0;
}
