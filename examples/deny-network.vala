// deny-network.vala: refuse IPv4 and IPv6 sockets, keep everything else.
//
// SPDX-FileCopyrightText: 2026 The scmp-glib authors
// SPDX-License-Identifier: LGPL-2.1-or-later

const int EAFNOSUPPORT = 97;

int main () {
    var filter = new Scmp.Filter (new Scmp.Action.allow ());

    try {
        // Throws for an errno value above Scmp.ACTION_ERRNO_MAX (4095).
        var refuse = new Scmp.Action.errno (EAFNOSUPPORT);
        foreach (var family in new int[] { Posix.AF_INET, Posix.AF_INET6 }) {
            Scmp.Condition cond = { 0, Scmp.CompareOp.EQ, family, 0, false };
            filter.add_rule (new Scmp.Rule.with_conditions ("socket", refuse, { cond }));
        }
        print ("%s\n", filter.export_pfc ());
        filter.load ();
    } catch (Error e) {
        printerr ("%s\n", e.message);
        return 1;
    }

    try {
        new Socket (SocketFamily.IPV4, SocketType.STREAM, SocketProtocol.DEFAULT);
        printerr ("socket(AF_INET) was not refused\n");
        return 1;
    } catch (Error e) {
        print ("socket(AF_INET): %s, as the filter asks\n", e.message);
    }

    try {
        var local = new Socket (SocketFamily.UNIX, SocketType.STREAM, SocketProtocol.DEFAULT);
        print ("socket(AF_UNIX): fd %d allowed\n", local.get_fd ());
    } catch (Error e) {
        printerr ("socket(AF_UNIX) failed: %s\n", e.message);
        return 1;
    }
    return 0;
}
