// test-gi.js: the Scmp-1.0 API as a GJS user sees it
//
// SPDX-FileCopyrightText: 2026 The scmp-glib authors
// SPDX-License-Identifier: LGPL-2.1-or-later
//
// Run with `gjs -m test-gi.js`; prints TAP. Tests are grouped by API area in
// the `areas` table at the bottom: to cover a new area (actions, rules,
// filters...), write its test functions and add one entry there.

import Gio from 'gi://Gio';
import GLib from 'gi://GLib';
import GObject from 'gi://GObject';
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

// Calls fn(), which must throw a GLib.Error in the SCMP_ERROR domain with
// @code; returns the error.
function assertScmpError(code, fn, what) {
    let error = null;
    try {
        fn();
    } catch (e) {
        error = e;
    }
    assert(error !== null, `${what ?? 'call'}: no error thrown`);
    assert(error instanceof GLib.Error, `${what ?? 'call'}: not a GLib.Error: ${error}`);
    assertEqual(error.domain, Scmp.error_quark(), `${what ?? 'call'}: domain (${error.message})`);
    assertEqual(error.code, code, `${what ?? 'call'}: code (${error.message})`);
    assert(error.matches(Scmp.Error, code), `${what ?? 'call'}: matches(Scmp.Error, ${code})`);
    assert(error.matches(Scmp.error_quark(), code), `${what ?? 'call'}: matches(quark, ${code})`);
    assert(error.message.length > 0, `${what ?? 'call'}: has a message`);
    return error;
}

function bytesEqual(a, b) {
    const x = a.toArray(), y = b.toArray();
    return x.length === y.length && x.every((byte, i) => byte === y[i]);
}

function assertBytesEqual(a, b, what) {
    assertEqual(a.get_size(), b.get_size(), `${what ?? 'bytes'}: size`);
    assert(bytesEqual(a, b), `${what ?? 'bytes'}: contents differ`);
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

// Every concrete ABI.
function realArches() {
    return Scmp.architecture_list_all();
}

// ---- architecture ------------------------------------------------------------

// Names other projects give the ABIs (OCI profiles, Debian, Go, the kernel),
// a few from each source and the ambiguous ones; tests/test-architecture.c
// has them all.
const ARCH_ALIASES = [
    ['SCMP_ARCH_X86_64', 'X86_64'],
    ['SCMP_ARCH_AARCH64', 'AARCH64'],
    ['SCMP_ARCH_MIPSEL64N32', 'MIPSEL64N32'],
    ['SCMP_ARCH_X32', 'X32'],
    ['amd64', 'X86_64'],
    ['i386', 'X86'],
    ['386', 'X86'],
    ['i686', 'X86'],
    ['arm', 'ARM'],
    ['armhf', 'ARM'],
    ['armv7l', 'ARM'],
    ['arm64', 'AARCH64'],
    ['loong64', 'LOONGARCH64'],
    ['mips64', 'MIPS64'],
    ['mips64le', 'MIPSEL64'],
    ['mipsle', 'MIPSEL'],
    ['powerpc', 'PPC'],
    ['ppc64', 'PPC64'],
    ['ppc64el', 'PPC64LE'],
    ['parisc64', 'PARISC64'],
    ['sh4', 'SH'],
    ['AMD64', 'X86_64'],
    ['scmp_arch_riscv64', 'RISCV64'],
];

const PARSE_HINT = 'use a name such as x86_64, aarch64 or SCMP_ARCH_X86_64';

const architectureTests = {
    'aliases'() {
        for (const [name, member] of ARCH_ALIASES) {
            const arch = Scmp.Architecture[member];
            assertEqual(Scmp.architecture_from_name(name), arch, `from_name(${name})`);
            const [ok, parsed] = Scmp.architecture_parse(name);
            assertEqual(ok, true, `parse(${name}) returns true`);
            assertEqual(parsed, arch, `parse(${name})`);
            assertEqual(Scmp.Architecture.parse(name)[1], arch, `Architecture.parse(${name})`);
            assertEqual(Scmp.architecture_to_name(arch), member.toLowerCase(),
                `libseccomp's name for ${name}`);
        }
        assertEqual(Scmp.architecture_parse('native')[1], Scmp.Architecture.NATIVE);
    },

    'parse-error'() {
        let err = assertScmpError(Scmp.Error.INVALID_ARCHITECTURE,
            () => Scmp.architecture_parse('amd46'), 'parse(amd46)');
        assertEqual(err.message, `“amd46” is not an architecture name; ${PARSE_HINT}`);
        err = assertScmpError(Scmp.Error.INVALID_ARCHITECTURE,
            () => Scmp.architecture_parse(''), 'parse("")');
        assertEqual(err.message, `An empty string is not an architecture name; ${PARSE_HINT}`);
        for (const name of ['armeb', 'aarch64_be', 'SCMP_ARCH_AMD64', 'x86_64 ', 'no-such-abi']) {
            assertEqual(Scmp.architecture_from_name(name), Scmp.Architecture.UNKNOWN,
                `from_name(${name})`);
            err = assertScmpError(Scmp.Error.INVALID_ARCHITECTURE,
                () => Scmp.Architecture.parse(name), `parse(${name})`);
            assert(err.message.includes(`“${name}”`), `message names ${name}: ${err.message}`);
        }
    },

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

// An ABI that can join a native filter, and one that cannot (byte order).
function companionArch() {
    const native = Scmp.architecture_get_native();
    const big = Scmp.architecture_is_big_endian(native);
    return realArches().find(a => a !== native && Scmp.architecture_is_big_endian(a) === big);
}

function foreignArch() {
    const big = Scmp.architecture_is_big_endian(Scmp.architecture_get_native());
    return realArches().find(a => Scmp.architecture_is_big_endian(a) !== big);
}

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

// ---- actions -----------------------------------------------------------------

const EACCES = 13;

const actionTests = {
    'property-bag'() {
        const action = new Scmp.Action({kind: Scmp.ActionKind.ERRNO, errno_value: EACCES});
        assert(action instanceof Scmp.Action, 'an Action');
        assertEqual(action.kind, Scmp.ActionKind.ERRNO, 'kind');
        assertEqual(action.errno_value, EACCES, 'errno_value');
        assertEqual(action.errnoValue, EACCES, 'errnoValue');
        assertEqual(action.get_errno_value(), EACCES, 'get_errno_value()');
        assertEqual(action.to_string(), 'errno(13)');
        assert(action.equal(Scmp.Action.new_errno(EACCES)), 'equal to new_errno(13)');

        const trap = GObject.Object.new(Scmp.Action.$gtype,
            {kind: Scmp.ActionKind.TRAP, 'trap-value': 7});
        assert(trap instanceof Scmp.Action, 'GObject.Object.new gives an Action');
        assertEqual(trap.to_string(), 'trap(7)');
        const trace = new Scmp.Action({kind: Scmp.ActionKind.TRACE, traceValue: 9});
        assertEqual(trace.trace_value, 9, 'traceValue');

        assertEqual(new Scmp.Action().kind, Scmp.ActionKind.KILL_PROCESS, 'default kind');
    },

    'construct-only'() {
        // Setting a construct-only property later is a GLib warning, fatal
        // here, so only the flags are read.
        for (const name of ['kind', 'errno-value', 'trap-value', 'trace-value']) {
            const pspec = GObject.Object.find_property.call(Scmp.Action, name);
            assert(pspec !== null, `${name} exists`);
            assert(pspec.flags & GObject.ParamFlags.CONSTRUCT_ONLY, `${name} is construct-only`);
        }
    },

    'named-constructors'() {
        const cases = [
            [Scmp.Action.new_allow(), Scmp.ActionKind.ALLOW, 'allow'],
            [Scmp.Action.new_kill_process(), Scmp.ActionKind.KILL_PROCESS, 'kill-process'],
            [Scmp.Action.new_kill_thread(), Scmp.ActionKind.KILL_THREAD, 'kill-thread'],
            [Scmp.Action.new_trap(3), Scmp.ActionKind.TRAP, 'trap(3)'],
            [Scmp.Action.new_errno(1), Scmp.ActionKind.ERRNO, 'errno(1)'],
            [Scmp.Action.new_trace(0xffff), Scmp.ActionKind.TRACE, 'trace(65535)'],
            [Scmp.Action.new_log(), Scmp.ActionKind.LOG, 'log'],
            [Scmp.Action.new_notify(), Scmp.ActionKind.NOTIFY, 'notify'],
        ];
        for (const [action, kind, text] of cases) {
            assert(action instanceof Scmp.Action, `${text} is an Action`);
            assertEqual(action.get_kind(), kind, `${text} get_kind()`);
            assertEqual(action.kind, kind, `${text} kind`);
            assertEqual(action.to_string(), text);
            assertEqual(action.validate(), true, `${text} validates`);
        }
    },

    'string-round-trip'() {
        for (const text of ['allow', 'kill-process', 'kill-thread', 'trap(5)', 'errno(1)',
            'errno(4095)', 'trace(0)', 'log', 'notify']) {
            const action = Scmp.Action.new_from_string(text);
            assert(action instanceof Scmp.Action, `${text} parses`);
            assertEqual(action.to_string(), text, 'round trip');
            assert(Scmp.Action.new_from_string(action.to_string()).equal(action), `${text} equal`);
        }
        assertEqual(Scmp.Action.new_from_string(' ERRNO(EPERM) ').to_string(), 'errno(1)');
        assertEqual(Scmp.Action.new_from_string('SCMP_ACT_KILL').kind, Scmp.ActionKind.KILL_THREAD);
    },

    'kernel-value'() {
        const action = Scmp.Action.new_errno(1);
        assertEqual(action.get_kernel_value(), 0x00050001);
        assertEqual(Scmp.Action.new_allow().get_kernel_value(), 0x7fff0000);
        assert(Scmp.Action.new_from_kernel_value(0x00050001).equal(action), 'round trip');
    },

    'errors'() {
        assertScmpError(Scmp.Error.INVALID_ARGUMENT,
            () => Scmp.Action.new_from_string('errno(5000)'), 'errno(5000)');
        assertScmpError(Scmp.Error.INVALID_ARGUMENT,
            () => Scmp.Action.new_from_string('no such action'), 'garbage');
        assertScmpError(Scmp.Error.INVALID_ARGUMENT,
            () => Scmp.Action.new_from_kernel_value(0x00051000), 'errno 4096');
        assertEqual(Scmp.Action.new_from_kernel_value(0x00050000).to_string(), 'errno(0)',
            'errno 0 is "pretend it succeeded"');
        // new_errno() refuses a value above 4095 where it is made.
        const err = assertScmpError(Scmp.Error.INVALID_ARGUMENT,
            () => Scmp.Action.new_errno(5000), 'new_errno(5000)');
        assertEqual(err.message, 'The errno value 5000 is out of range: it must be between 0 and 4095');
        assertScmpError(Scmp.Error.INVALID_ARGUMENT, () => Scmp.Action.new_errno(4096),
            'new_errno(4096)');
        assertEqual(Scmp.Action.new_errno(4095).to_string(), 'errno(4095)');
        assertEqual(Scmp.Action.new_errno(0).to_string(), 'errno(0)');
        // So does the property: GObject warns and leaves it at 0.
        GLib.test_expect_message('GLib-GObject', GLib.LogLevelFlags.LEVEL_WARNING,
            '*out of range*errno-value*');
        const bag = new Scmp.Action({kind: Scmp.ActionKind.ERRNO, errno_value: 5000});
        GLib.test_assert_expected_messages_internal('Scmp', 'test-gi.js', 0, 'errno-value 5000');
        assertEqual(bag.errno_value, 0, 'errno-value 5000 not set');
        assert(bag.validate(), 'the action is valid');
    },
};

// ---- conditions --------------------------------------------------------------

const conditionTests = {
    'property-bag'() {
        const cond = new Scmp.Condition({arg: 2, op: Scmp.CompareOp.LE, datum: 10});
        assert(cond instanceof Scmp.Condition, 'a Condition');
        assertEqual(cond.to_string(), 'arg2 <= 10');
        cond.is_32bit = true;
        assertEqual(cond.to_string(), 'arg2 <= 10 (32-bit)');
        assert(cond.equal(Scmp.Condition.new_32(2, Scmp.CompareOp.LE, 10)), 'equal to new_32');

        const zero = new Scmp.Condition();
        assertEqual(zero.to_string(), 'arg0 == 0');
    },

    'named-constructors'() {
        const cond = Scmp.Condition.new(1, Scmp.CompareOp.EQ, 0x5401);
        assert(cond instanceof Scmp.Condition, 'a Condition');
        assertEqual(cond.arg, 1, 'arg');
        assertEqual(cond.op, Scmp.CompareOp.EQ, 'op');
        assertEqual(cond.datum, 0x5401, 'datum');
        assertEqual(cond.is_32bit, false, 'is_32bit');
        assertEqual(cond.to_string(), 'arg1 == 0x5401');
        assert(cond.matches(0x5401), 'matches');

        const masked = Scmp.Condition.new_masked(0, 0xff, 0x1);
        assertEqual(masked.op, Scmp.CompareOp.MASKED_EQ, 'masked op');
        assertEqual(masked.mask, 0xff, 'mask');
        assertEqual(masked.to_string(), 'arg0 & 0xff == 0x1');
        assert(masked.matches(0x101), 'masked matches');
        assert(!masked.matches(0x102), 'masked does not match');

        const c32 = Scmp.Condition.new_32(0, Scmp.CompareOp.EQ, 1);
        assertEqual(c32.is_32bit, true, '32-bit');
        assertEqual(c32.to_string(), 'arg0 == 1 (32-bit)');
    },

    'constructor-errors'() {
        // A syscall has arguments 0 to 5.
        const err = assertScmpError(Scmp.Error.INVALID_ARGUMENT,
            () => Scmp.Condition.new(6, Scmp.CompareOp.EQ, 0), 'arg 6');
        assertEqual(err.message, 'The argument index 6 is out of range: a syscall has arguments 0 to 5');
        assertScmpError(Scmp.Error.INVALID_ARGUMENT,
            () => Scmp.Condition.new_masked(6, 1, 1), 'masked arg 6');
        assertScmpError(Scmp.Error.INVALID_ARGUMENT,
            () => Scmp.Condition.new_32(6, Scmp.CompareOp.EQ, 0), '32-bit arg 6');
        // A 32-bit condition takes a 32-bit datum.
        const wide = assertScmpError(Scmp.Error.INVALID_ARGUMENT,
            () => Scmp.Condition.new_32(0, Scmp.CompareOp.EQ, 0x100000000), '32-bit datum');
        assert(wide.message.includes('0x100000000'), wide.message);
        assertEqual(Scmp.Condition.new_32(0, Scmp.CompareOp.EQ, 0xffffffff).datum, 0xffffffff);
        assertEqual(Scmp.Condition.new(5, Scmp.CompareOp.EQ, 0).arg, 5);
    },

    'copy-equal'() {
        const cond = Scmp.Condition.new(0, Scmp.CompareOp.NE, 7);
        const copy = cond.copy();
        assert(copy !== cond, 'a new wrapper');
        assert(copy.equal(cond), 'equal');
        copy.datum = 8;
        assert(!copy.equal(cond), 'copy changed');
        assertEqual(cond.datum, 7, 'original unchanged');
    },
};

// ---- rules -------------------------------------------------------------------

const ruleTests = {
    'property-bag'() {
        const allow = Scmp.Action.new_allow();
        const rule = new Scmp.Rule({syscall: 'openat', action: allow, exact: true});
        assert(rule instanceof Scmp.Rule, 'a Rule');
        assertEqual(rule.syscall, 'openat', 'syscall');
        assertEqual(rule.action, allow, 'action');
        assertEqual(rule.exact, true, 'exact');
        assertEqual(rule.get_exact(), true, 'get_exact()');
        assertEqual(rule.n_conditions, 0, 'n_conditions');
        assertEqual(rule.nConditions, 0, 'nConditions');
        assertEqual(rule.to_string(), 'openat: allow [exact]');

        const read = GObject.Object.new(Scmp.Rule.$gtype, {syscall: 'read', action: allow});
        assert(read instanceof Scmp.Rule, 'GObject.Object.new gives a Rule');
        assertEqual(read.exact, false, 'not exact');
        assertEqual(read.to_string(), 'read: allow');
    },

    'named-constructors'() {
        const allow = Scmp.Action.new_allow();
        const rule = Scmp.Rule.new('close', allow);
        assertEqual(rule.get_syscall(), 'close');
        assertEqual(rule.get_action(), allow, 'same action object');
        assertEqual(rule.get_exact(), false);

        const conds = [Scmp.Condition.new(0, Scmp.CompareOp.EQ, 1),
            Scmp.Condition.new(2, Scmp.CompareOp.LE, 10)];
        const write = Scmp.Rule.new_with_conditions('write', allow, conds);
        assertEqual(write.get_n_conditions(), 2);
        assertEqual(write.n_conditions, 2);
        assertEqual(write.to_string(), 'write: allow if arg0 == 1 && arg2 <= 10');
        assert(write.get_condition(1).equal(conds[1]), 'get_condition(1)');

        const exact = Scmp.Rule.new_exact('write', allow, conds);
        assertEqual(exact.exact, true, 'exact');
        assert(exact.same_conditions(write), 'same conditions');
        assertEqual(exact.to_string(), 'write: allow if arg0 == 1 && arg2 <= 10 [exact]');

        assertEqual(Scmp.Rule.new_with_conditions('read', allow, []).get_n_conditions(), 0);
        assertEqual(Scmp.Rule.new_exact('read', allow, null).get_n_conditions(), 0);
    },

    'dup-conditions'() {
        const conds = [Scmp.Condition.new(0, Scmp.CompareOp.EQ, 1),
            Scmp.Condition.new_masked(1, 0xf0, 0x10)];
        let rule = Scmp.Rule.new_with_conditions('write', Scmp.Action.new_allow(), conds);
        const dup = rule.dup_conditions();
        rule = null;
        System.gc();
        assert(Array.isArray(dup), 'an array');
        assertEqual(dup.length, 2);
        dup.forEach((got, i) => {
            assert(got instanceof Scmp.Condition, 'a Condition');
            assert(got.equal(conds[i]), `condition ${i}`);
            assertEqual(got.to_string(), conds[i].to_string());
        });
    },

    'matches'() {
        const rule = Scmp.Rule.new_with_conditions('write', Scmp.Action.new_allow(),
            [Scmp.Condition.new(0, Scmp.CompareOp.EQ, 1)]);
        assertEqual(rule.matches([1, 0, 0]), true);
        assertEqual(rule.matches([2]), false);
        assertEqual(rule.matches(null), false);
    },
};

// ---- filters -----------------------------------------------------------------

// errno(EACCES) by default; write(1, ...) allowed.
function stdoutFilter() {
    const filter = Scmp.Filter.new(Scmp.Action.new_errno(EACCES));
    filter.add_rule(Scmp.Rule.new_with_conditions('write', Scmp.Action.new_allow(),
        [Scmp.Condition.new(0, Scmp.CompareOp.EQ, 1)]));
    return filter;
}

// Calls fn(), which must throw @code and leave @filter as it was.
function assertFailsUnchanged(filter, code, fn, what) {
    const nRules = filter.get_n_rules();
    const bpf = filter.export_bpf();
    let changed = 0;
    const id = filter.connect('changed', () => changed++);
    try {
        assertScmpError(code, fn, what);
    } finally {
        filter.disconnect(id);
    }
    assertEqual(filter.get_n_rules(), nRules, `${what}: n_rules`);
    assertEqual(filter.n_rules, nRules, `${what}: n-rules property`);
    assertBytesEqual(filter.export_bpf(), bpf, `${what}: program`);
    assertEqual(changed, 0, `${what}: no "changed"`);
}

const filterTests = {
    'property-bag'() {
        const deny = Scmp.Action.new_errno(EACCES);
        const filter = new Scmp.Filter({default_action: deny, thread_sync: true, log: true});
        assert(filter instanceof Scmp.Filter, 'a Filter');
        assert(filter instanceof Gio.ListModel, 'a Gio.ListModel');
        assertEqual(filter.default_action, deny, 'default_action');
        assertEqual(filter.defaultAction, deny, 'defaultAction');
        assertEqual(filter.get_default_action(), deny, 'get_default_action()');
        assertEqual(filter.thread_sync, true, 'thread_sync');
        assertEqual(filter.get_thread_sync(), true, 'get_thread_sync()');
        assertEqual(filter.log, true, 'log');
        assertEqual(filter.no_new_privs, true, 'no_new_privs defaults to true');
        assertEqual(filter.spec_allow, false, 'spec_allow');
        assertEqual(filter.wait_killable, false, 'wait_killable');
        assertEqual(filter.allow_tracer_skip, false, 'allow_tracer_skip');
        assertEqual(filter.n_rules, 0, 'n_rules');
        assertEqual(filter.bad_arch_action.kind, Scmp.ActionKind.KILL_PROCESS, 'bad_arch_action');

        const other = GObject.Object.new(Scmp.Filter.$gtype, {'no-new-privs': false});
        assertEqual(other.get_no_new_privs(), false, 'no-new-privs');
        assertEqual(other.get_default_action().to_string(), 'kill-process');
        assertEqual(new Scmp.Filter().default_action.to_string(), 'kill-process');
    },

    'named-constructor'() {
        const filter = Scmp.Filter.new(Scmp.Action.new_allow());
        assertEqual(filter.get_default_action().kind, Scmp.ActionKind.ALLOW);
        assertEqual(filter.get_n_rules(), 0);
        assert(filter.has_arch(Scmp.architecture_get_native()), 'native arch');
        assertEqual(Scmp.Filter.new(null).get_default_action().to_string(), 'kill-process');
    },

    'notify'() {
        const filter = Scmp.Filter.new(null);
        const seen = [];
        filter.connect('notify::thread-sync', (self, pspec) => seen.push(pspec.name));
        filter.connect('notify::bad-arch-action', (self, pspec) => seen.push(pspec.name));
        filter.set_thread_sync(true);
        filter.thread_sync = true;  // same value: no notification
        assertEqual(seen.join(), 'thread-sync');
        filter.thread_sync = false;
        assertEqual(seen.join(), 'thread-sync,thread-sync');
        seen.length = 0;

        const changed = [];
        filter.connect('changed', self => changed.push(self));
        filter.set_bad_arch_action(Scmp.Action.new_errno(38));
        assertEqual(seen.join(), 'bad-arch-action');
        assertEqual(filter.bad_arch_action.to_string(), 'errno(38)');
        assertEqual(changed.length, 1, '"changed" once');
        assertEqual(changed[0], filter, '"changed" from the filter');
        filter.bad_arch_action = Scmp.Action.new_errno(38);  // equal: no notification
        assertEqual(seen.join(), 'bad-arch-action');
        filter.bad_arch_action = null;
        assertEqual(seen.join(), 'bad-arch-action,bad-arch-action');
        assertEqual(filter.get_bad_arch_action().to_string(), 'kill-process');
    },

    'rule-added-detail'() {
        const filter = Scmp.Filter.new(Scmp.Action.new_errno(EACCES));
        const allow = Scmp.Action.new_allow();
        const openatAdded = [], anyAdded = [];
        let changed = 0;
        filter.connect('rule-added::openat', (self, rule, pos) => openatAdded.push([rule, pos]));
        filter.connect('rule-added', (self, rule, pos) => anyAdded.push([rule, pos]));
        filter.connect('changed', () => changed++);

        const read = Scmp.Rule.new('read', allow);
        filter.add_rule(read);
        assertEqual(openatAdded.length, 0, 'not for read');
        assertEqual(anyAdded.length, 1, 'undetailed for read');
        assertEqual(anyAdded[0][0], read, 'the read rule');
        assertEqual(anyAdded[0][1], 0, 'at 0');
        assertEqual(changed, 1, '"changed"');

        const openat = Scmp.Rule.new('openat', allow);
        filter.insert_rule(0, openat);
        assertEqual(openatAdded.length, 1, 'for openat');
        const [rule, pos] = openatAdded[0];
        assertEqual(rule, openat, 'the openat rule');
        assert(rule instanceof Scmp.Rule, 'a Rule');
        assertEqual(pos, 0, 'position');
        assertEqual(anyAdded.length, 2);
        assertEqual(changed, 2);

        const removed = [];
        filter.connect('rule-removed::openat', (self, r, p) => removed.push([r, p]));
        filter.remove_rule(read);
        assertEqual(removed.length, 0, 'not removed for read');
        assertEqual(filter.remove_rule(openat), true);
        assertEqual(removed.length, 1, 'removed for openat');
        assertEqual(removed[0][0], openat);
        assertEqual(removed[0][1], 0);
        assertEqual(filter.remove_rule(openat), false, 'not there any more');
    },

    'list-model'() {
        const filter = Scmp.Filter.new(Scmp.Action.new_errno(EACCES));
        assertEqual(filter.get_item_type(), Scmp.Rule.$gtype, 'item type');
        const changes = [];
        filter.connect('items-changed', (model, pos, removed, added) =>
            changes.push(`${pos}-${removed}+${added}`));
        const allow = Scmp.Action.new_allow();
        const rules = ['read', 'write', 'close'].map(name => Scmp.Rule.new(name, allow));
        for (const rule of rules)
            filter.add_rule(rule);
        assertEqual(changes.join(), '0-0+1,1-0+1,2-0+1', 'items-changed');
        assertEqual(filter.get_n_items(), 3);
        rules.forEach((rule, i) => {
            const item = filter.get_item(i);
            assert(item instanceof Scmp.Rule, `item ${i} is a Rule`);
            assertEqual(item, rule, `item ${i}`);
            assertEqual(filter.get_rule(i), rule, `get_rule(${i})`);
        });
        assertEqual(filter.get_item(3), null, 'past the end');
        assertEqual(filter.get_rule(3), null, 'get_rule past the end');

        filter.remove_rule_at(1);
        assertEqual(changes[changes.length - 1], '1-1+0', 'removal');
        assertEqual(filter.get_n_items(), 2);
        assertEqual(filter.get_item(1), rules[2]);

        filter.add_rule(Scmp.Rule.new('read', allow));  // identical: no-op
        assertEqual(changes.length, 4, 'no signal for an identical rule');
        assertEqual(filter.get_n_items(), 2);
    },

    'add-rules'() {
        const filter = Scmp.Filter.new(Scmp.Action.new_errno(EACCES));
        const allow = Scmp.Action.new_allow();
        const changes = [], added = [];
        filter.connect('items-changed', (model, pos, removed, n) =>
            changes.push(`${pos}-${removed}+${n}`));
        filter.connect('rule-added', (self, rule, pos) => added.push([rule, pos]));
        const rules = ['read', 'write', 'read'].map(name => Scmp.Rule.new(name, allow));
        assertEqual(filter.add_rules(rules), true, 'add_rules');
        assertEqual(changes.join(), '0-0+2', 'one change, the repeat skipped');
        assertEqual(added.length, 2, 'rule-added per rule');
        assertEqual(added[1][0], rules[1], 'the write rule');
        assertEqual(added[1][1], 1, 'at 1');
        assertEqual(filter.get_n_rules(), 2);

        assertFailsUnchanged(filter, Scmp.Error.INVALID_SYSCALL,
            () => filter.add_rules([Scmp.Rule.new('close', allow),
                                    Scmp.Rule.new('no_such_call', allow)]),
            'all or nothing');
        assertEqual(filter.get_n_rules(), 2);
    },

    'errors-leave-filter-unchanged'() {
        const filter = stdoutFilter();
        const allow = Scmp.Action.new_allow();
        assertFailsUnchanged(filter, Scmp.Error.INVALID_SYSCALL,
            () => filter.add_rule(Scmp.Rule.new('no_such_call', allow)), 'unknown syscall');
        assertFailsUnchanged(filter, Scmp.Error.EXISTS,
            () => filter.add_rule(Scmp.Rule.new_with_conditions('write', Scmp.Action.new_errno(1),
                [Scmp.Condition.new(0, Scmp.CompareOp.EQ, 1)])), 'exists');
        // Condition.new() refuses argument 6; a struct filled in by hand
        // reaches the filter, which refuses it too.
        const arg6 = new Scmp.Condition({arg: 6, op: Scmp.CompareOp.EQ});
        assertFailsUnchanged(filter, Scmp.Error.INVALID_ARGUMENT,
            () => filter.add_rule(Scmp.Rule.new_with_conditions('read', allow, [arg6])), 'arg 6');
        assertFailsUnchanged(filter, Scmp.Error.INVALID_SYSCALL,
            () => filter.insert_rule(0, Scmp.Rule.new('no_such_call', allow)), 'insert unknown');
        assertFailsUnchanged(filter, Scmp.Error.INVALID_SYSCALL,
            () => filter.set_priority('no_such_call', 10), 'priority');
        assertFailsUnchanged(filter, Scmp.Error.INVALID_ARCHITECTURE,
            () => filter.add_arch(foreignArch()), 'other byte order');
        assertFailsUnchanged(filter, Scmp.Error.INVALID_ARCHITECTURE,
            () => filter.remove_arch(companionArch()), 'remove absent arch');

        const n = filter.get_n_rules();
        assertEqual(filter.add_rule(Scmp.Rule.new_with_conditions('write', allow,
            [Scmp.Condition.new(0, Scmp.CompareOp.EQ, 1)])), true, 'identical rule accepted');
        assertEqual(filter.get_n_rules(), n, 'identical rule not added');
    },

    'arches'() {
        // The arrays of ABIs are gint in the GIR: gjs 1.74 reads C arrays
        // of enums with a pointer-sized stride (x86_64, x86, x32 came out
        // as [2, 3, 0]).
        const all = Scmp.architecture_list_all();
        const fromEnum = Object.values(Scmp.Architecture).filter(value =>
            typeof value === 'number' && value > Scmp.Architecture.NATIVE);
        assertEqual(all.join(), fromEnum.sort((a, b) => a - b).join(), 'list_all: every ABI, in order');

        const filter = Scmp.Filter.new(Scmp.Action.new_allow());
        const native = Scmp.architecture_get_native();
        const other = companionArch();
        assertEqual(filter.list_arches().join(), `${native}`, 'list_arches: the native ABI');
        assert(filter.has_arch(native), 'native');
        assert(filter.has_arch(Scmp.Architecture.NATIVE), 'NATIVE');
        assert(!filter.has_arch(other), 'not the other yet');

        let changed = 0;
        filter.connect('changed', () => changed++);
        assertEqual(filter.add_arch(other), true, 'add_arch');
        assert(filter.has_arch(other), 'the other now');
        assertEqual(changed, 1, '"changed"');
        assertEqual(filter.add_arch(other), true, 'adding again is fine');
        assertEqual(filter.list_arches().join(), `${native},${other}`, 'list_arches: in order');

        assertEqual(filter.remove_arch(native), true, 'remove_arch');
        assert(!filter.has_arch(native), 'native gone');
        assert(filter.has_arch(other), 'the other stays');
    },

    'export-bpf'() {
        const filter = stdoutFilter();
        const bpf = filter.export_bpf();
        assert(bpf instanceof GLib.Bytes, 'a GLib.Bytes');
        assert(bpf.get_size() > 0, 'not empty');
        assertEqual(bpf.get_size() % 8, 0, 'a whole number of struct sock_filter');
        assertEqual(bpf.toArray().length, bpf.get_size(), 'toArray()');
        assertBytesEqual(filter.export_bpf(), bpf, 'stable');

        const stream = Gio.MemoryOutputStream.new_resizable();
        assertEqual(filter.write_bpf_to_stream(stream, null), true);
        stream.close(null);
        assertBytesEqual(stream.steal_as_bytes(), bpf, 'write_bpf_to_stream');

        filter.add_rule(Scmp.Rule.new('read', Scmp.Action.new_allow()));
        assert(!bytesEqual(filter.export_bpf(), bpf), 'a new rule changes the program');
    },

    'export-pfc'() {
        const filter = stdoutFilter();
        filter.add_rule(Scmp.Rule.new('openat', Scmp.Action.new_log()));
        const pfc = filter.export_pfc();
        assertEqual(typeof pfc, 'string');
        assert(pfc.includes('write'), 'mentions write');
        assert(pfc.includes('openat'), 'mentions openat');
        assert(pfc.includes(Scmp.architecture_to_name(Scmp.architecture_get_native())),
            'mentions the architecture');
    },

    'evaluate-syscall'() {
        const filter = stdoutFilter();
        let verdict = filter.evaluate_syscall(Scmp.Architecture.NATIVE, 'write', [1]);
        assert(verdict instanceof Scmp.Action, 'an Action');
        assertEqual(verdict.kind, Scmp.ActionKind.ALLOW, 'write(1) allowed');

        verdict = filter.evaluate_syscall(Scmp.Architecture.NATIVE, 'write', [2, 0, 10]);
        assertEqual(verdict.kind, Scmp.ActionKind.ERRNO, 'write(2) kind');
        assertEqual(verdict.errno_value, EACCES, 'write(2) errno');
        assertEqual(verdict.to_string(), 'errno(13)');

        assertEqual(filter.evaluate_syscall(Scmp.Architecture.NATIVE, 'write', null).kind,
            Scmp.ActionKind.ERRNO, 'no arguments: fd 0');
        assertEqual(filter.evaluate_syscall(Scmp.architecture_get_native(), 'read', []).to_string(),
            'errno(13)');
        assertScmpError(Scmp.Error.INVALID_SYSCALL,
            () => filter.evaluate_syscall(Scmp.Architecture.NATIVE, 'no_such_call', []), 'unknown');

        filter.set_bad_arch_action(Scmp.Action.new_errno(38));
        assertEqual(filter.evaluate_syscall(companionArch(), 'write', [1]).to_string(),
            'errno(38)', 'bad arch');
    },

    'evaluate-number'() {
        const filter = stdoutFilter();
        const native = Scmp.architecture_get_native();
        const nr = Scmp.syscall_resolve_name(native, 'write');
        assert(nr >= 0, 'write has a number');
        assertEqual(filter.evaluate(native, nr, [1]).kind, Scmp.ActionKind.ALLOW);
        const verdict = filter.evaluate(Scmp.Architecture.NATIVE, nr, [2]);
        assertEqual(verdict.kind, Scmp.ActionKind.ERRNO);
        assertEqual(verdict.errno_value, EACCES);
        assertEqual(filter.evaluate(native, -1, null).to_string(), 'errno(13)', 'tracer skip');
        filter.allow_tracer_skip = true;
        assertEqual(filter.evaluate(native, -1, null).to_string(), 'allow', 'tracer skip allowed');
    },

    'transaction-rollback'() {
        const filter = stdoutFilter();
        const bpf = filter.export_bpf();
        const changes = [];
        filter.connect('items-changed', (model, pos, removed, added) =>
            changes.push(`${pos}-${removed}+${added}`));

        assertEqual(filter.in_transaction(), false);
        filter.begin();
        assertEqual(filter.in_transaction(), true);
        filter.add_rule(Scmp.Rule.new('read', Scmp.Action.new_allow()));
        filter.add_rule(Scmp.Rule.new('close', Scmp.Action.new_allow()));
        filter.add_arch(companionArch());
        filter.set_bad_arch_action(Scmp.Action.new_errno(38));
        assertEqual(filter.get_n_rules(), 3);
        filter.rollback();
        assertEqual(filter.in_transaction(), false);
        assertEqual(filter.get_n_rules(), 1, 'n_rules restored');
        assertEqual(filter.n_rules, 1, 'n-rules restored');
        assertEqual(filter.get_n_items(), 1, 'n_items restored');
        assert(!filter.has_arch(companionArch()), 'arch removed');
        assertEqual(filter.get_bad_arch_action().to_string(), 'kill-process');
        assertBytesEqual(filter.export_bpf(), bpf, 'program restored');
        assertEqual(changes.slice(0, 2).join(), '1-0+1,2-0+1');
        // the rollback takes both rules out in one change
        assertEqual(changes.slice(2).join(), '1-2+0');

        filter.begin();
        filter.add_rule(Scmp.Rule.new('read', Scmp.Action.new_allow()));
        filter.commit();
        assertEqual(filter.in_transaction(), false);
        assertEqual(filter.get_n_rules(), 2, 'committed');
    },

    'merge'() {
        const filter = stdoutFilter();
        const other = Scmp.Filter.new(Scmp.Action.new_errno(EACCES));
        other.add_rule(Scmp.Rule.new('read', Scmp.Action.new_allow()));
        other.add_arch(companionArch());
        assertEqual(filter.merge(other), true);
        assertEqual(filter.get_n_rules(), 2);
        assertEqual(filter.get_rule(1).get_syscall(), 'read');
        assert(filter.has_arch(companionArch()), 'arch merged');
        assertEqual(other.get_n_rules(), 1, 'other unchanged');
        assertEqual(filter.evaluate_syscall(Scmp.Architecture.NATIVE, 'read', []).to_string(),
            'allow');

        const conflicting = Scmp.Filter.new(Scmp.Action.new_errno(EACCES));
        conflicting.add_rule(Scmp.Rule.new('read', Scmp.Action.new_log()));
        assertFailsUnchanged(filter, Scmp.Error.EXISTS,
            () => filter.merge(conflicting), 'conflict');
        const otherDefault = Scmp.Filter.new(Scmp.Action.new_allow());
        assertFailsUnchanged(filter, Scmp.Error.INVALID_ARGUMENT,
            () => filter.merge(otherDefault), 'default actions differ');
    },

    'priority'() {
        const filter = stdoutFilter();
        assertEqual(filter.get_priority('write'), Scmp.PRIORITY_DEFAULT);
        assertEqual(filter.set_priority('write', 200), true);
        assertEqual(filter.get_priority('write'), 200);
    },

    'reset'() {
        const filter = stdoutFilter();
        filter.add_arch(companionArch());
        filter.thread_sync = true;
        filter.reset();
        assertEqual(filter.get_n_rules(), 0);
        assert(!filter.has_arch(companionArch()), 'back to native only');
        assert(filter.has_arch(Scmp.architecture_get_native()), 'native');
        assertEqual(filter.thread_sync, true, 'attributes stay');
        assertEqual(filter.get_default_action().to_string(), 'errno(13)');
    },
};

// ---- rules on numbers, rules for some ABIs, the unknown-syscall action ----------

const X86_64 = Scmp.Architecture.X86_64;
const X32 = Scmp.Architecture.X32;

function x86_64Filter() {
    const filter = Scmp.Filter.new(Scmp.Action.new_errno(1));
    if (Scmp.architecture_get_native() !== X86_64) {
        filter.add_arch(X86_64);
        filter.remove_arch(Scmp.architecture_get_native());
    }
    return filter;
}

const ruleModelTests = {
    'number-named'() {
        const nr = Scmp.syscall_resolve_name(X86_64, 'getpid');
        const rule = Scmp.Rule.new_for_number(X86_64, nr, Scmp.Action.new_allow());
        assertEqual(rule.get_syscall(), 'getpid');
        assertEqual(JSON.stringify(rule.get_architectures()), JSON.stringify([X86_64]));
        assert(rule.applies_to(X86_64), 'applies on x86_64');
        assert(!rule.applies_to(X32), 'not on x32');
        assertEqual(rule.to_string(), 'getpid: allow [only on x86_64]');
    },
    'number-unnamed'() {
        const rule = Scmp.Rule.new_for_numberv(X86_64, 400, Scmp.Action.new_errno(EACCES),
            [Scmp.Condition.new(0, Scmp.CompareOp.EQ, 7)]);
        assertEqual(rule.get_syscall(), null);
        assertEqual(JSON.stringify(rule.get_numbers()), JSON.stringify([true, X86_64, 400, 400]));
        assertEqual(rule.first_number, 400);
        assertEqual(rule.to_string(), '#400 on x86_64: errno(13) if arg0 == 7');
    },
    'range'() {
        const rule = Scmp.Rule.new_for_range(X86_64, 472, GLib.MAXINT32, Scmp.Action.new_errno(38));
        assertEqual(rule.last_number, 0x3fffffff, 'clipped to x86_64');
        const filter = x86_64Filter();
        filter.add_rule(rule);
        assertEqual(filter.evaluate(X86_64, 472, null).to_string(), 'errno(38)');
        assertEqual(filter.evaluate(X86_64, 471, null).to_string(), 'errno(1)');
    },
    'errors'() {
        const allow = Scmp.Action.new_allow();
        assertScmpError(Scmp.Error.INVALID_ARGUMENT,
            () => Scmp.Rule.new_for_number(X32, 39, allow), 'x32 number without the bit');
        assertScmpError(Scmp.Error.INVALID_ARCHITECTURE,
            () => Scmp.Rule.new('read', allow).restrict_to([]), 'no ABI');
        const filter = x86_64Filter();
        assertFailsUnchanged(filter, Scmp.Error.SYSCALL_NOT_ON_ARCHITECTURE,
            () => filter.add_rule(Scmp.Rule.new_exact('socketcall', allow, null)), 'exact');
    },
    'restricted'() {
        const filter = x86_64Filter();
        filter.add_rule(Scmp.Rule.new('getpid', Scmp.Action.new_allow()).restrict_to([X32]));
        const getpid64 = Scmp.syscall_resolve_name(X86_64, 'getpid');
        assertEqual(filter.evaluate(X86_64, getpid64, null).to_string(), 'errno(1)');
        filter.add_arch(X32);
        const getpid32 = Scmp.syscall_resolve_name(X32, 'getpid');
        assertEqual(filter.evaluate(X32, getpid32, null).to_string(), 'allow');
    },
    'unknown-syscall-action'() {
        const filter = x86_64Filter();
        assertEqual(filter.unknown_syscall_action, null);
        filter.unknown_syscall_action = Scmp.Action.new_errno(38);
        assertEqual(filter.evaluate(X86_64, 400, null).to_string(), 'errno(38)');
        const getppid = Scmp.syscall_resolve_name(X86_64, 'getppid');
        assertEqual(filter.evaluate(X86_64, getppid, null).to_string(), 'errno(1)');
        filter.set_unknown_syscall_action(null);
        assertEqual(filter.evaluate(X86_64, 400, null).to_string(), 'errno(1)');
    },
    'known-kernel'() {
        const filter = x86_64Filter();
        filter.set_unknown_syscall_action(Scmp.Action.new_errno(38));
        const clone3 = Scmp.syscall_resolve_name(X86_64, 'clone3');
        assertEqual(filter.evaluate(X86_64, clone3, null).to_string(), 'errno(1)');
        filter.set_known_kernel('5.2');
        assertEqual(filter.dup_known_kernel(), '5.2');
        assertEqual(filter.known_kernel, '5.2');
        assertEqual(filter.evaluate(X86_64, clone3, null).to_string(), 'errno(38)');
        assertFailsUnchanged(filter, Scmp.Error.INVALID_ARGUMENT,
            () => filter.set_known_kernel('six'), 'bad release');
        filter.set_known_kernel(null);
        assertEqual(filter.dup_known_kernel(), null);
    },
};

// ---- filter-variant ------------------------------------------------------------
//
// A whole filter as a GLib.Variant: serialize() and new_from_variant().

function variantPolicyFilter() {
    const filter = Scmp.Filter.new(Scmp.Action.new_errno(1));
    filter.set_log(true);
    filter.set_priority('read', 9);
    filter.add_rule(Scmp.Rule.new('read', Scmp.Action.new_allow()));
    filter.add_rule(Scmp.Rule.new_with_conditions('socket', Scmp.Action.new_errno(97),
        [Scmp.Condition.new(0, Scmp.CompareOp.EQ, 2), Scmp.Condition.new_32(1, Scmp.CompareOp.NE, 1)]));
    return filter;
}

const filterVariantTests = {
    'round-trip'() {
        const filter = variantPolicyFilter();
        const policy = filter.serialize();
        assert(policy instanceof GLib.Variant, 'a GLib.Variant');
        assertEqual(policy.get_type_string(), Scmp.FILTER_VARIANT_TYPE_STRING, 'type');
        const [version, attributes, rules] = policy.deepUnpack();
        assertEqual(version, 1, 'version');
        assertEqual(attributes['default-action'].unpack(), 'errno(1)', 'default-action');
        assertEqual(rules.map(([name]) => name).join(','), 'read,socket', 'rule names');

        const copy = Scmp.Filter.new_from_variant(policy);
        assert(copy.serialize().equal(policy), 'serializes the same');
        assertBytesEqual(copy.export_bpf(), filter.export_bpf(), 'BPF');

        const fromText = Scmp.Filter.new_from_variant_text(policy.print(true), -1);
        assert(fromText.serialize().equal(policy), 'text round trip');

        const built = new GLib.Variant(Scmp.FILTER_VARIANT_TYPE_STRING, [1, {
            'default-action': GLib.Variant.new_string('allow'),
        }, [['read', {action: GLib.Variant.new_string('errno(1)')}]]]);
        assertEqual(Scmp.Filter.new_from_variant(built).get_n_rules(), 1, 'built in JS');
    },

    'error'() {
        const bad = new GLib.Variant(Scmp.FILTER_VARIANT_TYPE_STRING, [1, {
            'default-action': GLib.Variant.new_string('allow'),
            'sandbox': GLib.Variant.new_boolean(true),
        }, []]);
        const error = assertScmpError(Scmp.Error.INVALID_POLICY,
            () => Scmp.Filter.new_from_variant(bad), 'unknown key');
        assert(error.message.includes('unknown key \u201csandbox\u201d'), error.message);

        const textError = assertScmpError(Scmp.Error.INVALID_POLICY,
            () => Scmp.Filter.new_from_variant_text("(uint32 1,\n {'default-action' <'x'>}, [])", -1),
            'syntax');
        assert(textError.message.startsWith('2:20: '), textError.message);
    },
};

// ---- notifier ------------------------------------------------------------------
//
// A real target: the notify-child helper (getppid -> NOTIFY). GJS cannot make
// a socketpair, so the helper connects to a listening AF_UNIX socket and
// sends its listener there.

const notifyChildPath = GLib.getenv('SCMP_NOTIFY_CHILD');

// Starts the helper making @calls getppid() calls (or 'close'); returns
// {proc, notifier, conn}, or {proc, error} when new_from_socket() threw.
function spawnNotifyChild(calls) {
    assert(notifyChildPath !== null, 'SCMP_NOTIFY_CHILD is not set (tests/bindings/meson.build sets it)');
    const dir = GLib.dir_make_tmp('scmp-gjs-XXXXXX');
    const path = GLib.build_filenamev([dir, 'sock']);
    const server = Gio.Socket.new(Gio.SocketFamily.UNIX, Gio.SocketType.STREAM, Gio.SocketProtocol.DEFAULT);
    server.bind(Gio.UnixSocketAddress.new(path), true);
    server.listen();
    const proc = Gio.Subprocess.new([notifyChildPath, path, `${calls}`], Gio.SubprocessFlags.STDOUT_PIPE);
    const conn = server.accept(null);
    server.close();
    GLib.unlink(path);
    GLib.rmdir(dir);
    try {
        return {proc, conn, notifier: Scmp.Notifier.new_from_socket(conn.get_fd(), null)};
    } catch (e) {
        return {proc, conn, error: e};
    } finally {
        conn.close();
    }
}

// Waits for the helper; returns the lines it printed.
function finishNotifyChild(proc) {
    const [ok, out] = proc.communicate_utf8(null, null);
    assert(ok, 'communicate');
    assert(proc.get_if_exited(), 'helper exited');
    assertEqual(proc.get_exit_status(), 0, 'helper exit status');
    return JSON.stringify(out.split('\n').filter(l => l.length > 0));
}

function runUntil(done, seconds = 10) {
    const context = GLib.MainContext.default();
    const deadline = GLib.get_monotonic_time() + seconds * 1000000;
    while (!done()) {
        assert(GLib.get_monotonic_time() < deadline, 'timed out');
        if (!context.iteration(false))
            GLib.usleep(1000);
    }
}

const notifierTests = {
    'signal'() {
        const {proc, notifier} = spawnNotifyChild(2);
        assert(notifier instanceof Scmp.Notifier, 'a notifier');
        assert(notifier.get_fd() >= 0, 'fd');
        assert(!notifier.closed, 'not closed');
        const seen = [];
        notifier.connect('notification', (self, n) => {
            assertEqual(self, notifier, 'emitter');
            assert(n instanceof Scmp.Notification, 'a notification');
            assertEqual(n.get_notifier(), notifier, 'get_notifier');
            assertEqual(n.get_syscall_name(), 'getppid');
            assertEqual(n.get_syscall(), Scmp.syscall_resolve_name(Scmp.architecture_get_native(), 'getppid'));
            assertEqual(n.get_architecture(), Scmp.architecture_get_native());
            assertEqual(`${n.get_pid()}`, proc.get_identifier(), 'pid');
            // Not checked here: get_id() and the arguments are guint64 values
            // that need not fit a JS Number (ids are random 64-bit): GJS
            // warns, and G_DEBUG=fatal-warnings aborts.
            assert(n.is_valid(), 'valid');
            assert(!n.is_answered(), 'unanswered');
            if (seen.length === 0)
                assert(n.respond_value(4242), 'respond_value');
            else
                assert(n.respond_errno(EACCES), 'respond_errno');
            assert(n.is_answered(), 'answered');
            assert(!n.is_valid(), 'no longer valid');
            assertScmpError(Scmp.Error.NOT_PENDING, () => n.respond_value(1), 'second answer');
            assertScmpError(Scmp.Error.NOT_PENDING, () => n.respond_continue(), 'third answer');
            seen.push(n);
            return true;
        });
        notifier.start();
        assert(notifier.active, 'active');
        runUntil(() => seen.length === 2);
        notifier.stop();
        assert(!notifier.is_active(), 'stopped');
        assertEqual(finishNotifyChild(proc), JSON.stringify(['value 4242', `errno ${EACCES}`]));
        assert(seen[0] !== seen[1], 'two requests');
    },
    'fallback-errno'() {
        const {proc, notifier} = spawnNotifyChild(1);
        assertEqual(notifier.fallback_errno, 38);
        notifier.fallback_errno = 1;
        assertEqual(notifier.get_fallback_errno(), 1);
        const seen = [];
        notifier.connect('notification', (self, n) => {
            seen.push(n);
            return false;
        });
        notifier.start();
        runUntil(() => seen.length > 0 && seen[0].is_answered());
        notifier.stop();
        assertEqual(finishNotifyChild(proc), JSON.stringify(['errno 1']));
    },
    'receive-async'() {
        const {proc, notifier} = spawnNotifyChild(1);
        const results = [];
        const cancellable = new Gio.Cancellable();
        cancellable.cancel();
        notifier.receive_async(cancellable, (self, res) => {
            try {
                results.push(self.receive_finish(res));
            } catch (e) {
                results.push(e);
            }
        });
        runUntil(() => results.length === 1);
        assert(results[0] instanceof GLib.Error, `an error: ${results[0]}`);
        assert(results[0].matches(Gio.IOErrorEnum, Gio.IOErrorEnum.CANCELLED),
            `G_IO_ERROR_CANCELLED: ${results[0].message}`);
        notifier.receive_async(null, (self, res) => results.push(self.receive_finish(res)));
        runUntil(() => results.length === 2);
        const n = results[1];
        assert(n instanceof Scmp.Notification, 'a notification');
        assertEqual(n.get_syscall_name(), 'getppid');
        assert(n.respond_value(7), 'respond_value');
        assertScmpError(Scmp.Error.NOT_PENDING, () => n.respond_errno(1), 'second answer');
        assertEqual(finishNotifyChild(proc), JSON.stringify(['value 7']));
    },
    'receive-async-promise'() {
        // Gio._promisify turns the pair into a Promise-returning call.
        Gio._promisify(Scmp.Notifier.prototype, 'receive_async', 'receive_finish');
        const {proc, notifier} = spawnNotifyChild(1);
        let n = null, error = null;
        notifier.receive_async(null).then(r => (n = r)).catch(e => (error = e));
        runUntil(() => n !== null || error !== null);
        assertEqual(error, null, 'no error');
        assert(n.respond_errno(EACCES), 'respond_errno');
        assertEqual(finishNotifyChild(proc), JSON.stringify([`errno ${EACCES}`]));
    },
    'closed'() {
        const {proc, notifier} = spawnNotifyChild(0);
        assertEqual(finishNotifyChild(proc), '[]');
        const results = [];
        notifier.receive_async(null, (self, res) => results.push(res));
        runUntil(() => results.length === 1);
        assertScmpError(Scmp.Error.CLOSED, () => notifier.receive_finish(results[0]), 'hung up');
        assert(notifier.closed, 'closed property');
        assert(notifier.is_closed(), 'is_closed');
        assertScmpError(Scmp.Error.CLOSED, () => notifier.receive(null), 'receive');
    },
    'close'() {
        const {proc, notifier} = spawnNotifyChild(1);
        let notified = false;
        notifier.connect('notify::closed', () => (notified = true));
        notifier.close();
        assert(notified, 'notify::closed');
        assertEqual(notifier.get_fd(), -1);
        assertEqual(finishNotifyChild(proc), JSON.stringify(['errno 38']));
    },
    'no-listener'() {
        const {proc, error} = spawnNotifyChild('close');
        assertScmpError(Scmp.Error.FAILED, () => {
            throw error;
        }, 'new_from_socket');
        proc.wait(null);
    },
};

// ---- syscall sets ------------------------------------------------------------

const syscallSetTests = {
    'list'() {
        const sets = Scmp.syscall_set_list();
        assertEqual(sets.length, 30, 'number of sets');
        assertEqual(sets[0], '@default');
        assertEqual(sets[sets.length - 1], '@known');
        assertEqual(Scmp.syscall_set_get_description('@clock'), 'Changing the system clock');
        assertEqual(Scmp.syscall_set_get_description('@foo'), null);
    },

    'members'() {
        assert(Scmp.syscall_set_get_members('@system-service', false).includes('@basic-io'),
            'direct members keep @basic-io');
        const all = Scmp.syscall_set_get_members('@system-service', true);
        assert(all.includes('read') && !all.some(n => n.startsWith('@')), 'expanded');
        assert(Scmp.syscall_set_contains('@network-io', 'connect'), 'connect');
        assertScmpError(Scmp.Error.INVALID_SYSCALL,
            () => Scmp.syscall_set_get_members('@foo', false), 'unknown set');
    },

    'add-rules-for-set'() {
        const filter = x86_64Filter();
        const allow = Scmp.Action.new_allow();
        filter.add_rules_for_set('@basic-io', allow, null);
        assertEqual(filter.evaluate_syscall(X86_64, 'write', [0, 0, 0, 0, 0, 0]).to_string(), 'allow');
        assertEqual(filter.evaluate_syscall(X86_64, 'socket', [0, 0, 0, 0, 0, 0]).to_string(), 'errno(1)');
        assertFailsUnchanged(filter, Scmp.Error.INVALID_SYSCALL,
            () => filter.add_rules_for_set('@foo', allow, null), 'unknown set');
        assertFailsUnchanged(filter, Scmp.Error.EXISTS,
            () => filter.add_rules_for_set('@basic-io', Scmp.Action.new_errno(13), null), 'other action');
    },
};

// ---- OCI profiles --------------------------------------------------------------

const dockerProfile = GLib.getenv('SCMP_DOCKER_PROFILE');

function docker(caps) {
    const profile = Scmp.OciProfile.new();
    profile.set_architecture(X86_64);
    profile.set_kernel_version('6.12');
    if (caps)
        profile.set_capabilities(caps);
    profile.load_from_file(dockerProfile);
    return profile;
}

const ociTests = {
    'docker'() {
        const profile = docker(null);
        assertEqual(profile.get_warnings().length, 0, 'no warnings');
        assertEqual(profile.get_filter().list_arches().join(','),
            [X86_64, Scmp.Architecture.X86, X32].join(','), 'archMap');
        assertEqual(profile.get_filter().evaluate_syscall(X86_64, 'mount', [0, 0, 0, 0, 0, 0]).to_string(),
            'errno(1)');
        assertEqual(docker(['CAP_SYS_ADMIN']).filter.evaluate_syscall(X86_64, 'mount',
            [0, 0, 0, 0, 0, 0]).to_string(), 'allow');
    },

    'errors'() {
        const profile = Scmp.OciProfile.new();
        const bad = new TextEncoder().encode('{"defaultAction": "SCMP_ACT_SOMETIMES"}');
        assertScmpError(Scmp.Error.INVALID_POLICY, () => profile.load_from_data(bad), 'bad action');
        assertEqual(profile.get_filter(), null, 'no filter');
    },

    'export'() {
        const filter = docker(null).get_filter();
        const [text, warnings] = filter.export_oci(Scmp.OciExportFlags.STRICT);
        assertEqual(warnings.length, 0, 'no warnings');
        const again = Scmp.OciProfile.new();
        again.set_architecture(X86_64);
        again.load_from_data(new TextEncoder().encode(text));
        assertBytesEqual(again.get_filter().export_bpf(), filter.export_bpf(), 'same program');
    },
};

// ---- explain and lint ----------------------------------------------------------

function writeFilter() {
    const filter = Scmp.Filter.new(Scmp.Action.new_errno(EACCES));
    filter.add_rule(Scmp.Rule.new_with_conditions('write', Scmp.Action.new_allow(),
        [Scmp.Condition.new(0, Scmp.CompareOp.EQ, 1)]));
    return filter;
}

const explainLintTests = {
    'explain'() {
        const filter = writeFilter();
        const verdict = filter.explain_syscall(Scmp.Architecture.NATIVE, 'write', [1]);
        assertEqual(verdict.source, Scmp.VerdictSource.RULE, 'a rule decided');
        assertEqual(verdict.rule_index, 0, 'rule 0');
        assertEqual(verdict.get_rule().to_string(), 'write: allow if arg0 == 1', 'the rule');
        assert(verdict.to_string().includes('from rule 0'), 'the sentence');
        const other = filter.explain_syscall(Scmp.Architecture.NATIVE, 'write', [2]);
        assertEqual(other.get_source(), Scmp.VerdictSource.DEFAULT, 'the default');
        assertEqual(other.get_action().to_string(), 'errno(13)', 'its action');
        assertScmpError(Scmp.Error.INVALID_SYSCALL,
            () => filter.explain_syscall(Scmp.Architecture.NATIVE, 'no_such_call', []), 'bad name');
    },

    'lint'() {
        const filter = writeFilter();
        assertEqual(filter.lint().get_n_items(), 0, 'nothing to find');
        filter.add_rule(Scmp.Rule.new_with_conditions('write', Scmp.Action.new_log(),
            [Scmp.Condition.new(0, Scmp.CompareOp.EQ, 1), Scmp.Condition.new(2, Scmp.CompareOp.LT, 100)]));
        const model = filter.lint();
        assertEqual(model.get_n_items(), 1, 'one finding');
        const findings = [model.get_item(0)];
        assertEqual(findings[0].kind, Scmp.FindingKind.SHADOWED, 'shadowed');
        assertEqual(findings[0].get_other_rule_index(), 0, 'by rule 0');
        assertEqual(findings[0].get_architectures().length, 1, 'on one ABI');
        assert(findings[0].message.includes('never fires'), 'the sentence');
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
    action: actionTests,
    condition: conditionTests,
    rule: ruleTests,
    filter: filterTests,
    'filter-variant': filterVariantTests,
    'rule-model': ruleModelTests,
    notifier: notifierTests,
    'syscall-set': syscallSetTests,
    oci: ociTests,
    'explain-lint': explainLintTests,
    version: versionTests,
}));
