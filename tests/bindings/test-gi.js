// test-gi.js: the Scmp-1.0 API as a GJS user sees it
//
// SPDX-FileCopyrightText: 2026 The scmp-glib authors
// SPDX-License-Identifier: LGPL-2.1-or-later
//
// Run with `gjs -m test-gi.js`; prints TAP. Tests are grouped by API area in
// the `areas` table at the bottom: to cover a new area (actions, rules,
// filters...), write its test functions and add one entry there.

import GLib from 'gi://GLib';
import Scmp from 'gi://Scmp?version=1.0';
import System from 'system';

// ---- a tiny TAP harness ----------------------------------------------------

class AssertionError extends Error {}

function assert(cond, what) {
    if (!cond)
        throw new AssertionError(what ?? 'assertion failed');
}

function assertEqual(actual, expected, what) {
    if (actual !== expected) {
        throw new AssertionError(
            `${what ?? 'values differ'}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
    }
}

function runAreas(areas) {
    const tests = [];
    for (const [area, fns] of Object.entries(areas)) {
        for (const [name, fn] of Object.entries(fns))
            tests.push([`/${area}/${name}`, fn]);
    }

    print('TAP version 13');
    print(`1..${tests.length}`);
    let failed = 0;
    tests.forEach(([path, fn], i) => {
        try {
            fn();
            print(`ok ${i + 1} ${path}`);
        } catch (e) {
            failed++;
            print(`not ok ${i + 1} ${path}`);
            for (const line of `${e}\n${e.stack ?? ''}`.trim().split('\n'))
                print(`# ${line}`);
        }
    });
    return failed === 0 ? 0 : 1;
}

// ---- helpers ---------------------------------------------------------------

const COMMON_SYSCALLS = ['read', 'write', 'close', 'exit_group'];

// Every concrete ABI. Not from Scmp.architecture_list_all(): gjs 1.74
// misreads C arrays of enums ("N is not a valid value for enumeration
// Architecture"), so the list is built by walking the enum instead.
function realArches() {
    return Object.values(Scmp.Architecture).filter(value =>
        typeof value === 'number' && value > Scmp.Architecture.NATIVE);
}

// ---- architecture ------------------------------------------------------------

const architectureTests = {
    'enum-values'() {
        assertEqual(Scmp.Architecture.NATIVE, 0, 'NATIVE');
        assertEqual(Scmp.Architecture.UNKNOWN, -1, 'UNKNOWN');
        assert(Scmp.Architecture.X86 !== Scmp.Architecture.X86_64, 'X86 != X86_64');
    },

    'native'() {
        const native = Scmp.architecture_get_native();
        assert(native !== Scmp.Architecture.UNKNOWN, 'native is known');
        assert(native !== Scmp.Architecture.NATIVE, 'native is a concrete ABI');
        assert(realArches().includes(native), 'native is listed');
    },

    'name-round-trip'() {
        const arches = realArches();
        assert(arches.length >= 20, `at least 20 ABIs, got ${arches.length}`);
        for (const arch of arches) {
            const name = Scmp.architecture_to_name(arch);
            assertEqual(typeof name, 'string', `name of ${arch}`);
            assertEqual(Scmp.architecture_from_name(name), arch, `from_name(${name})`);
        }
        assertEqual(Scmp.architecture_to_name(Scmp.Architecture.X86_64), 'x86_64');
        assertEqual(Scmp.architecture_from_name('no-such-abi'), Scmp.Architecture.UNKNOWN);
    },

    'audit-arch'() {
        assertEqual(Scmp.architecture_get_audit_arch(Scmp.Architecture.X86_64), 0xc000003e);
        assertEqual(Scmp.architecture_from_audit_arch(0xc000003e), Scmp.Architecture.X86_64);
    },

    'word-size'() {
        assertEqual(Scmp.architecture_get_word_size(Scmp.Architecture.X86_64), 64);
        assertEqual(Scmp.architecture_get_word_size(Scmp.Architecture.ARM), 32);
        assertEqual(Scmp.architecture_is_big_endian(Scmp.Architecture.S390X), true);
    },
};

// ---- syscalls ----------------------------------------------------------------

const syscallTests = {
    'resolve-name'() {
        assertEqual(Scmp.syscall_resolve_name(Scmp.Architecture.X86_64, 'read'), 0);
        assertEqual(Scmp.syscall_resolve_name(Scmp.Architecture.AARCH64, 'openat'), 56);
        assert(Scmp.syscall_resolve_name(Scmp.Architecture.AARCH64, 'open') < 0,
            'aarch64 has no open');
        assert(Scmp.syscall_resolve_name(Scmp.Architecture.X86_64, 'no_such_call') < 0,
            'unknown name');
    },

    'resolve-number'() {
        assertEqual(Scmp.syscall_resolve_number(Scmp.Architecture.X86_64, 0), 'read');
        assertEqual(Scmp.syscall_resolve_number(Scmp.Architecture.X86_64, 100000), null);
    },

    'round-trip'() {
        for (const arch of realArches()) {
            for (const name of COMMON_SYSCALLS) {
                const nr = Scmp.syscall_resolve_name(arch, name);
                assert(nr >= 0, `${name} on ${arch}`);
                assertEqual(Scmp.syscall_resolve_number(arch, nr), name, `${arch}/${nr}`);
            }
        }
    },

    'list-names'() {
        const names = Scmp.syscall_list_names(Scmp.Architecture.X86_64);
        assert(Array.isArray(names), 'an array');
        assert(names.length > 300, `many names, got ${names.length}`);
        assert(names.includes('openat'), 'openat listed');
    },

    'multiplexer'() {
        const [mux, muxNr, subCall] =
            Scmp.syscall_get_multiplexer(Scmp.Architecture.X86, 'accept');
        assertEqual(mux, Scmp.Multiplexer.SOCKETCALL, 'multiplexer');
        assertEqual(muxNr, 102, 'socketcall nr');
        assertEqual(subCall, 5, 'SYS_ACCEPT');
        const [none] = Scmp.syscall_get_multiplexer(Scmp.Architecture.X86_64, 'accept');
        assertEqual(none, Scmp.Multiplexer.NONE, 'x86_64 has no socketcall');
    },
};

// ---- errors ------------------------------------------------------------------

const errorTests = {
    'quark'() {
        const quark = Scmp.error_quark();
        assert(quark !== 0, 'non-zero quark');
        assertEqual(GLib.quark_to_string(quark), 'scmp-error-quark');
    },

    'codes'() {
        assertEqual(Scmp.Error.FAILED, 0);
        assertEqual(Scmp.Error.EXISTS, 3);
        const err = new GLib.Error(Scmp.error_quark(), Scmp.Error.EXISTS, 'x');
        assert(err.matches(Scmp.error_quark(), Scmp.Error.EXISTS), 'matches');
    },
};

// ---- version -----------------------------------------------------------------

const versionTests = {
    'constants'() {
        assertEqual(typeof Scmp.MAJOR_VERSION, 'number');
        assertEqual(typeof Scmp.MINOR_VERSION, 'number');
    },
};

System.exit(runAreas({
    architecture: architectureTests,
    syscall: syscallTests,
    error: errorTests,
    version: versionTests,
}));
