// deny-network.js: refuse IPv4 and IPv6 sockets, keep everything else.
//
// SPDX-FileCopyrightText: 2026 The scmp-glib authors
// SPDX-License-Identifier: LGPL-2.1-or-later

import Gio from 'gi://Gio';
import Scmp from 'gi://Scmp?version=1.0';
import System from 'system';

const EAFNOSUPPORT = 97;
const AF_INET = 2, AF_INET6 = 10;

const filter = Scmp.Filter.new(Scmp.Action.new_allow());
const refuse = Scmp.Action.new_errno(EAFNOSUPPORT);
for (const family of [AF_INET, AF_INET6]) {
    const cond = Scmp.Condition.new(0, Scmp.CompareOp.EQ, family);
    filter.add_rule(Scmp.Rule.new_with_conditions('socket', refuse, [cond]));
}

print(filter.export_pfc());
filter.load();

try {
    Gio.Socket.new(Gio.SocketFamily.IPV4, Gio.SocketType.STREAM, Gio.SocketProtocol.DEFAULT);
    printerr('socket(AF_INET) was not refused');
    System.exit(1);
} catch (e) {
    print(`socket(AF_INET): ${e.message}, as the filter asks`);
}

const unix = Gio.Socket.new(Gio.SocketFamily.UNIX, Gio.SocketType.STREAM, Gio.SocketProtocol.DEFAULT);
print(`socket(AF_UNIX): fd ${unix.get_fd()} allowed`);
