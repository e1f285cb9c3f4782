// getting-started.js: a sandbox in ten lines, in JavaScript (gjs -m).
//
// SPDX-FileCopyrightText: 2026 The scmp-glib authors
// SPDX-License-Identifier: LGPL-2.1-or-later

import GLib from 'gi://GLib';
import Gio from 'gi://Gio';
import Scmp from 'gi://Scmp?version=1.0';

const EPERM = 1;

const sandbox = Scmp.Filter.new(Scmp.Action.new_allow());   // what no rule names
const deny = Scmp.Action.new_errno(EPERM);
for (const syscall of ['mkdir', 'mkdirat'])
    sandbox.add_rule(Scmp.Rule.new(syscall, deny));
sandbox.load();                                             // for good; throws on failure

// The filter answers before the kernel looks at the path: EPERM, not ENOENT.
try {
    Gio.File.new_for_path('/nonexistent/scmp-glib').make_directory(null);
    throw new Error('mkdir was allowed');
} catch (e) {
    if (!(e instanceof GLib.Error) || !e.matches(Gio.IOErrorEnum, Gio.IOErrorEnum.PERMISSION_DENIED))
        throw e;
    print(`mkdir: ${e.message}`);
}
