#!/usr/bin/env python3
# test-gi.py: the Scmp-1.0 API as a PyGObject user sees it
#
# SPDX-FileCopyrightText: 2026 The scmp-glib authors
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# One TestCase class per API area. To cover a new area (actions, rules,
# filters...), add a class below; unittest finds it on its own.

import os
import socket
import unittest

import gi

gi.require_version('GLib', '2.0')
gi.require_version('GObject', '2.0')
gi.require_version('Gio', '2.0')
gi.require_version('Scmp', '1.0')
from gi.repository import Gio, GLib, GObject, Scmp  # noqa: E402

# Syscall names that exist on every ABI scmp-glib knows.
COMMON_SYSCALLS = ('read', 'write', 'close', 'exit_group')


def real_arches():
    """Every concrete ABI, as Scmp.Architecture values (the list itself
    holds plain integers: see test_arches)."""
    return [Scmp.Architecture(arch) for arch in Scmp.architecture_list_all()]


def native_arch():
    return Scmp.architecture_get_native()


def companion_arch():
    """An ABI that can join a native filter: another one, same byte order."""
    native = native_arch()
    big = Scmp.architecture_is_big_endian(native)
    return next(a for a in real_arches()
                if a != native and Scmp.architecture_is_big_endian(a) == big)


def foreign_arch():
    """An ABI that cannot join a native filter: the other byte order."""
    big = Scmp.architecture_is_big_endian(native_arch())
    return next(a for a in real_arches() if Scmp.architecture_is_big_endian(a) != big)


EACCES = 13


class ScmpTestCase(unittest.TestCase):
    """Assertions about GErrors and filters shared by the classes below."""

    def assertScmpError(self, code, func, *args):
        """func(*args) raises a GLib.Error in the SCMP_ERROR domain with @code."""
        with self.assertRaises(GLib.Error) as cm:
            func(*args)
        err = cm.exception
        self.assertIsInstance(err, GLib.GError)
        self.assertEqual(err.domain, 'scmp-error-quark', err.message)
        self.assertEqual(err.code, int(code), err.message)
        self.assertTrue(err.matches(Scmp.error_quark(), code), err.message)
        self.assertTrue(err.message)
        return err

    def assertFailsUnchanged(self, flt, code, func, *args):
        """func(*args) fails with @code and leaves @flt as it was."""
        n_rules = flt.get_n_rules()
        arches = list(flt.list_arches())
        bpf = flt.export_bpf()
        changed = []
        handler = flt.connect('changed', lambda f: changed.append(f))
        try:
            err = self.assertScmpError(code, func, *args)
        finally:
            flt.disconnect(handler)
        self.assertEqual(flt.get_n_rules(), n_rules)
        self.assertEqual(flt.props.n_rules, n_rules)
        self.assertEqual(list(flt.list_arches()), arches)
        self.assertEqual(flt.export_bpf().get_data(), bpf.get_data())
        self.assertTrue(flt.export_bpf().equal(bpf))
        self.assertEqual(changed, [])
        return err


# Names other projects give the ABIs (OCI profiles, Debian, Go, the kernel),
# a few from each source and the ambiguous ones; tests/test-architecture.c
# has them all.
ARCH_ALIASES = [
    ('SCMP_ARCH_X86_64', 'X86_64'),
    ('SCMP_ARCH_AARCH64', 'AARCH64'),
    ('SCMP_ARCH_MIPSEL64N32', 'MIPSEL64N32'),
    ('SCMP_ARCH_X32', 'X32'),
    ('x32', 'X32'),
    ('amd64', 'X86_64'),
    ('x86-64', 'X86_64'),
    ('i386', 'X86'),
    ('386', 'X86'),
    ('i686', 'X86'),
    ('arm', 'ARM'),
    ('armhf', 'ARM'),
    ('armel', 'ARM'),
    ('armv7l', 'ARM'),
    ('arm64', 'AARCH64'),
    ('loong64', 'LOONGARCH64'),
    ('mips', 'MIPS'),
    ('mipsle', 'MIPSEL'),
    ('mips64', 'MIPS64'),
    ('mips64le', 'MIPSEL64'),
    ('mips64el', 'MIPSEL64'),
    ('mipsn32el', 'MIPSEL64N32'),
    ('hppa', 'PARISC'),
    ('parisc64', 'PARISC64'),
    ('powerpc', 'PPC'),
    ('ppc64', 'PPC64'),
    ('ppc64el', 'PPC64LE'),
    ('s390x', 'S390X'),
    ('sh4', 'SH'),
    ('X86_64', 'X86_64'),
    ('Amd64', 'X86_64'),
    ('scmp_arch_riscv64', 'RISCV64'),
]

PARSE_HINT = 'use a name such as x86_64, aarch64 or SCMP_ARCH_X86_64'


class TestArchitecture(ScmpTestCase):
    """ScmpArchitecture: names, audit arches, word size."""

    def test_enum_values(self):
        self.assertIsInstance(Scmp.Architecture.X86_64, Scmp.Architecture)
        self.assertEqual(int(Scmp.Architecture.NATIVE), 0)
        self.assertEqual(int(Scmp.Architecture.UNKNOWN), -1)
        self.assertNotEqual(Scmp.Architecture.X86, Scmp.Architecture.X86_64)
        self.assertEqual(Scmp.Architecture.__gtype__.name, 'ScmpArchitecture')

    def test_native(self):
        native = Scmp.architecture_get_native()
        self.assertNotEqual(native, Scmp.Architecture.UNKNOWN)
        self.assertNotEqual(native, Scmp.Architecture.NATIVE)
        self.assertIn(native, real_arches())

    def test_name_round_trip(self):
        arches = real_arches()
        self.assertGreaterEqual(len(arches), 20)
        for arch in arches:
            with self.subTest(arch=arch):
                name = Scmp.architecture_to_name(arch)
                self.assertIsInstance(name, str)
                self.assertEqual(Scmp.architecture_from_name(name), arch)

    def test_known_names(self):
        self.assertEqual(Scmp.architecture_to_name(Scmp.Architecture.X86_64), 'x86_64')
        self.assertEqual(Scmp.architecture_to_name(Scmp.Architecture.MIPSEL64N32),
                         'mipsel64n32')
        self.assertEqual(Scmp.architecture_from_name('aarch64'), Scmp.Architecture.AARCH64)
        self.assertEqual(Scmp.architecture_from_name('no-such-abi'),
                         Scmp.Architecture.UNKNOWN)

    def test_aliases(self):
        for name, member in ARCH_ALIASES:
            with self.subTest(name=name):
                arch = getattr(Scmp.Architecture, member)
                self.assertEqual(Scmp.architecture_from_name(name), arch)
                self.assertEqual(Scmp.architecture_parse(name), (True, arch))
                self.assertEqual(Scmp.Architecture.parse(name), (True, arch))
                # The name given back is libseccomp's.
                self.assertEqual(Scmp.architecture_to_name(arch), member.lower())
        self.assertEqual(Scmp.architecture_parse('native'),
                         (True, Scmp.Architecture.NATIVE))

    def test_parse_error(self):
        err = self.assertScmpError(Scmp.Error.INVALID_ARCHITECTURE,
                                   Scmp.architecture_parse, 'amd46')
        self.assertEqual(err.message, '“amd46” is not an architecture name; ' + PARSE_HINT)
        err = self.assertScmpError(Scmp.Error.INVALID_ARCHITECTURE,
                                   Scmp.architecture_parse, '')
        self.assertEqual(err.message, 'An empty string is not an architecture name; ' + PARSE_HINT)
        for name in ['armeb', 'aarch64_be', 'SCMP_ARCH_AMD64', 'x86_64 ', 'no-such-abi']:
            with self.subTest(name=name):
                self.assertEqual(Scmp.architecture_from_name(name),
                                 Scmp.Architecture.UNKNOWN)
                err = self.assertScmpError(Scmp.Error.INVALID_ARCHITECTURE,
                                           Scmp.Architecture.parse, name)
                self.assertIn('“%s”' % name, err.message)

    def test_parse_feeds_a_filter(self):
        ok, arch = Scmp.architecture_parse('SCMP_ARCH_X86_64')
        self.assertTrue(ok)
        flt = Scmp.Filter.new(Scmp.Action.new_allow())
        if Scmp.architecture_is_big_endian(native_arch()):
            ok, arch = Scmp.architecture_parse('SCMP_ARCH_S390X')
        flt.add_arch(arch)
        self.assertTrue(flt.has_arch(arch))

    def test_audit_arch_round_trip(self):
        self.assertEqual(Scmp.architecture_get_audit_arch(Scmp.Architecture.X86_64),
                         0xc000003e)
        for arch in real_arches():
            if arch == Scmp.Architecture.X32:
                continue  # shares x86-64's audit arch
            with self.subTest(arch=arch):
                audit = Scmp.architecture_get_audit_arch(arch)
                self.assertEqual(Scmp.architecture_from_audit_arch(audit), arch)

    def test_word_size_and_endianness(self):
        self.assertEqual(Scmp.architecture_get_word_size(Scmp.Architecture.X86_64), 64)
        self.assertEqual(Scmp.architecture_get_word_size(Scmp.Architecture.X86), 32)
        self.assertEqual(Scmp.architecture_get_word_size(Scmp.Architecture.X32), 32)
        self.assertFalse(Scmp.architecture_is_big_endian(Scmp.Architecture.X86_64))
        self.assertTrue(Scmp.architecture_is_big_endian(Scmp.Architecture.S390X))


class TestSyscall(unittest.TestCase):
    """Syscall name/number resolution and multiplexers."""

    def test_resolve_name(self):
        self.assertEqual(Scmp.syscall_resolve_name(Scmp.Architecture.X86_64, 'read'), 0)
        self.assertEqual(Scmp.syscall_resolve_name(Scmp.Architecture.AARCH64, 'openat'), 56)
        self.assertEqual(Scmp.syscall_resolve_name(Scmp.Architecture.X32, 'read'),
                         0x40000000)
        self.assertLess(Scmp.syscall_resolve_name(Scmp.Architecture.X86_64, 'no_such_call'), 0)
        # aarch64 has no open(2), only openat(2).
        self.assertLess(Scmp.syscall_resolve_name(Scmp.Architecture.AARCH64, 'open'), 0)

    def test_resolve_number(self):
        self.assertEqual(Scmp.syscall_resolve_number(Scmp.Architecture.X86_64, 0), 'read')
        self.assertIsNone(Scmp.syscall_resolve_number(Scmp.Architecture.X86_64, 100000))

    def test_round_trip(self):
        for arch in real_arches():
            for name in COMMON_SYSCALLS:
                with self.subTest(arch=arch, name=name):
                    nr = Scmp.syscall_resolve_name(arch, name)
                    self.assertGreaterEqual(nr, 0)
                    self.assertEqual(Scmp.syscall_resolve_number(arch, nr), name)

    def test_list_names(self):
        names = Scmp.syscall_list_names(Scmp.Architecture.X86_64)
        self.assertIsInstance(names, list)
        self.assertGreater(len(names), 300)
        self.assertIn('openat', names)
        self.assertEqual(len(set(names)), len(names))
        for name in names[:50]:
            self.assertGreaterEqual(Scmp.syscall_resolve_name(Scmp.Architecture.X86_64, name), 0)

    def test_multiplexer(self):
        mux, mux_nr, sub_call = Scmp.syscall_get_multiplexer(Scmp.Architecture.X86, 'accept')
        self.assertEqual(mux, Scmp.Multiplexer.SOCKETCALL)
        self.assertEqual(mux_nr, 102)
        self.assertEqual(sub_call, 5)

        mux, mux_nr, sub_call = Scmp.syscall_get_multiplexer(Scmp.Architecture.X86_64, 'accept')
        self.assertEqual(mux, Scmp.Multiplexer.NONE)

    def test_argument_width(self):
        # (out) is_signed comes back as the second value
        self.assertEqual(tuple(Scmp.syscall_get_argument_width(Scmp.Architecture.X86_64, 'socket', 0)),
                         (32, True))
        self.assertEqual(tuple(Scmp.syscall_get_argument_width(Scmp.Architecture.X86_64, 'openat', 3)),
                         (16, False))
        self.assertEqual(tuple(Scmp.syscall_get_argument_width(Scmp.Architecture.X86, 'mmap', 0)),
                         (32, False))


class TestError(unittest.TestCase):
    """The SCMP_ERROR domain."""

    def test_quark(self):
        quark = Scmp.error_quark()
        self.assertNotEqual(quark, 0)
        self.assertEqual(GLib.quark_to_string(quark), 'scmp-error-quark')

    def test_codes(self):
        self.assertEqual(int(Scmp.Error.FAILED), 0)
        self.assertEqual(int(Scmp.Error.INVALID_SYSCALL), 1)
        self.assertEqual(int(Scmp.Error.EXISTS), 3)
        err = GLib.Error.new_literal(Scmp.error_quark(), 'x', Scmp.Error.EXISTS)
        self.assertTrue(err.matches(Scmp.error_quark(), Scmp.Error.EXISTS))


class TestAction(ScmpTestCase):
    """ScmpAction: constructors, properties, string form, validation."""

    def test_property_bag(self):
        action = Scmp.Action(kind=Scmp.ActionKind.ERRNO, errno_value=EACCES)
        self.assertIsInstance(action, Scmp.Action)
        self.assertEqual(action.props.kind, Scmp.ActionKind.ERRNO)
        self.assertIsInstance(action.props.kind, Scmp.ActionKind)
        self.assertEqual(action.props.errno_value, EACCES)
        self.assertEqual(action.get_errno_value(), EACCES)
        self.assertEqual(action.to_string(), 'errno(13)')
        self.assertTrue(action.equal(Scmp.Action.new_errno(EACCES)))

        trap = GObject.new(Scmp.Action, kind=Scmp.ActionKind.TRAP, trap_value=7)
        self.assertIsInstance(trap, Scmp.Action)
        self.assertEqual(trap.get_trap_value(), 7)
        self.assertEqual(trap.to_string(), 'trap(7)')

        # Without a kind, the most restrictive action.
        self.assertEqual(Scmp.Action().props.kind, Scmp.ActionKind.KILL_PROCESS)

    def test_construct_only(self):
        # An action is immutable: its properties are construct-only (setting
        # one later is a GLib warning, fatal here, so only the flags are read).
        for name in ('kind', 'errno-value', 'trap-value', 'trace-value'):
            with self.subTest(name=name):
                pspec = Scmp.Action.find_property(name)
                self.assertTrue(pspec.flags & GObject.ParamFlags.CONSTRUCT_ONLY)
                self.assertTrue(pspec.flags & GObject.ParamFlags.READABLE)

    def test_named_constructors(self):
        cases = [
            (Scmp.Action.new_allow(), Scmp.ActionKind.ALLOW, 'allow'),
            (Scmp.Action.new_kill_process(), Scmp.ActionKind.KILL_PROCESS, 'kill-process'),
            (Scmp.Action.new_kill_thread(), Scmp.ActionKind.KILL_THREAD, 'kill-thread'),
            (Scmp.Action.new_trap(3), Scmp.ActionKind.TRAP, 'trap(3)'),
            (Scmp.Action.new_errno(1), Scmp.ActionKind.ERRNO, 'errno(1)'),
            (Scmp.Action.new_trace(0xffff), Scmp.ActionKind.TRACE, 'trace(65535)'),
            (Scmp.Action.new_log(), Scmp.ActionKind.LOG, 'log'),
            (Scmp.Action.new_notify(), Scmp.ActionKind.NOTIFY, 'notify'),
        ]
        for action, kind, text in cases:
            with self.subTest(text=text):
                self.assertIsInstance(action, Scmp.Action)
                self.assertEqual(action.get_kind(), kind)
                self.assertEqual(action.props.kind, kind)
                self.assertEqual(action.to_string(), text)
                self.assertTrue(action.validate())
        self.assertEqual(Scmp.Action.new_trace(9).props.trace_value, 9)

    def test_string_round_trip(self):
        for text in ('allow', 'kill-process', 'kill-thread', 'trap(5)', 'errno(1)',
                     'errno(4095)', 'trace(0)', 'log', 'notify'):
            with self.subTest(text=text):
                action = Scmp.Action.new_from_string(text)
                self.assertIsInstance(action, Scmp.Action)
                self.assertEqual(action.to_string(), text)
                again = Scmp.Action.new_from_string(action.to_string())
                self.assertTrue(again.equal(action))
        self.assertEqual(Scmp.Action.new_from_string(' ERRNO(EPERM) ').to_string(), 'errno(1)')
        self.assertEqual(Scmp.Action.new_from_string('SCMP_ACT_KILL').props.kind,
                         Scmp.ActionKind.KILL_THREAD)

    def test_kernel_value_round_trip(self):
        action = Scmp.Action.new_errno(1)
        self.assertEqual(action.get_kernel_value(), 0x00050001)
        self.assertEqual(Scmp.Action.new_allow().get_kernel_value(), 0x7fff0000)
        back = Scmp.Action.new_from_kernel_value(action.get_kernel_value())
        self.assertTrue(back.equal(action))

    def test_errors(self):
        self.assertScmpError(Scmp.Error.INVALID_ARGUMENT,
                             Scmp.Action.new_from_string, 'errno(5000)')
        self.assertScmpError(Scmp.Error.INVALID_ARGUMENT,
                             Scmp.Action.new_from_string, 'no such action')
        self.assertScmpError(Scmp.Error.INVALID_ARGUMENT,
                             Scmp.Action.new_from_kernel_value, 0x00051000)
        # errno 0 is "pretend it succeeded".
        self.assertEqual(Scmp.Action.new_from_kernel_value(0x00050000).to_string(),
                         'errno(0)')
        # new_errno() refuses a value above 4095 where it is made.
        with self.assertRaises(GLib.Error) as cm:
            Scmp.Action.new_errno(5000)
        self.assertTrue(cm.exception.matches(Scmp.error_quark(), Scmp.Error.INVALID_ARGUMENT))
        self.assertEqual(cm.exception.message,
                         'The errno value 5000 is out of range: it must be between 0 and 4095')
        self.assertScmpError(Scmp.Error.INVALID_ARGUMENT, Scmp.Action.new_errno, 4096)
        self.assertEqual(Scmp.Action.new_errno(4095).to_string(), 'errno(4095)')
        self.assertEqual(Scmp.Action.new_errno(0).to_string(), 'errno(0)')
        # So does the property: GObject warns and leaves it at 0.
        GLib.test_expect_message('GLib-GObject', GLib.LogLevelFlags.LEVEL_WARNING,
                                 '*out of range*errno-value*')
        bad = Scmp.Action(kind=Scmp.ActionKind.ERRNO, errno_value=5000)
        GLib.test_assert_expected_messages_internal('Scmp', 'test-gi.py', 0, 'errno-value')
        self.assertEqual(bad.props.errno_value, 0)
        self.assertTrue(bad.validate())


class TestCondition(ScmpTestCase):
    """ScmpCondition, a boxed struct with public fields."""

    def test_fields(self):
        cond = Scmp.Condition()
        cond.arg = 2
        cond.op = Scmp.CompareOp.LE
        cond.datum = 10
        self.assertEqual(cond.to_string(), 'arg2 <= 10')
        cond.is_32bit = True
        self.assertEqual(cond.to_string(), 'arg2 <= 10 (32-bit)')
        self.assertTrue(cond.equal(Scmp.Condition.new_32(2, Scmp.CompareOp.LE, 10)))

    def test_named_constructors(self):
        cond = Scmp.Condition.new(1, Scmp.CompareOp.EQ, 0x5401)
        self.assertIsInstance(cond, Scmp.Condition)
        self.assertEqual((cond.arg, cond.op, cond.datum, cond.is_32bit),
                         (1, Scmp.CompareOp.EQ, 0x5401, False))
        self.assertEqual(cond.to_string(), 'arg1 == 0x5401')

        masked = Scmp.Condition.new_masked(0, 0xff, 0x1)
        self.assertEqual(masked.op, Scmp.CompareOp.MASKED_EQ)
        self.assertEqual(masked.mask, 0xff)
        self.assertEqual(masked.to_string(), 'arg0 & 0xff == 0x1')
        self.assertTrue(masked.matches(0x101))
        self.assertFalse(masked.matches(0x102))

        c32 = Scmp.Condition.new_32(0, Scmp.CompareOp.EQ, 1)
        self.assertTrue(c32.is_32bit)
        self.assertTrue(c32.matches(0xffffffff00000001))
        self.assertFalse(cond.matches(0xffffffff00005401))
        self.assertTrue(cond.matches(0x5401))

    def test_constructor_errors(self):
        # A syscall has arguments 0 to 5.
        with self.assertRaises(GLib.Error) as cm:
            Scmp.Condition.new(6, Scmp.CompareOp.EQ, 0)
        self.assertTrue(cm.exception.matches(Scmp.error_quark(), Scmp.Error.INVALID_ARGUMENT))
        self.assertEqual(cm.exception.message,
                         'The argument index 6 is out of range: a syscall has arguments 0 to 5')
        self.assertScmpError(Scmp.Error.INVALID_ARGUMENT, Scmp.Condition.new_masked, 6, 1, 1)
        self.assertScmpError(Scmp.Error.INVALID_ARGUMENT, Scmp.Condition.new_32,
                             6, Scmp.CompareOp.EQ, 0)
        # A 32-bit condition takes a 32-bit datum.
        err = self.assertScmpError(Scmp.Error.INVALID_ARGUMENT, Scmp.Condition.new_32,
                                   0, Scmp.CompareOp.EQ, 0x100000000)
        self.assertIn('0x100000000', err.message)
        self.assertEqual(Scmp.Condition.new_32(0, Scmp.CompareOp.EQ, 0xffffffff).datum,
                         0xffffffff)
        self.assertEqual(Scmp.Condition.new(5, Scmp.CompareOp.EQ, 0).arg, 5)

    def test_full_64_bit_datum(self):
        cond = Scmp.Condition.new(3, Scmp.CompareOp.GE, 0xffffffff00000000)
        self.assertEqual(cond.datum, 0xffffffff00000000)
        self.assertTrue(cond.matches(0xffffffffffffffff))
        self.assertFalse(cond.matches(0xfffffffe00000000))

    def test_copy_equal(self):
        cond = Scmp.Condition.new(0, Scmp.CompareOp.NE, 7)
        copy = cond.copy()
        self.assertIsNot(copy, cond)
        self.assertTrue(copy.equal(cond))
        copy.datum = 8
        self.assertFalse(copy.equal(cond))
        self.assertEqual(cond.datum, 7)


class TestRule(ScmpTestCase):
    """ScmpRule: constructors, properties, conditions."""

    def test_property_bag(self):
        allow = Scmp.Action.new_allow()
        rule = Scmp.Rule(syscall='openat', action=allow, exact=True)
        self.assertIsInstance(rule, Scmp.Rule)
        self.assertEqual(rule.props.syscall, 'openat')
        self.assertIs(rule.props.action, allow)
        self.assertTrue(rule.props.exact)
        self.assertTrue(rule.get_exact())
        self.assertEqual(rule.props.n_conditions, 0)
        self.assertEqual(rule.to_string(), 'openat: allow [exact]')

        rule = GObject.new(Scmp.Rule, syscall='read', action=allow)
        self.assertIsInstance(rule, Scmp.Rule)
        self.assertFalse(rule.props.exact)
        self.assertEqual(rule.to_string(), 'read: allow')

    def test_named_constructors(self):
        allow = Scmp.Action.new_allow()
        rule = Scmp.Rule.new('close', allow)
        self.assertEqual(rule.get_syscall(), 'close')
        self.assertIs(rule.get_action(), allow)
        self.assertFalse(rule.get_exact())

        conds = [Scmp.Condition.new(0, Scmp.CompareOp.EQ, 1),
                 Scmp.Condition.new(2, Scmp.CompareOp.LE, 10)]
        rule = Scmp.Rule.new_with_conditions('write', allow, conds)
        self.assertEqual(rule.get_n_conditions(), 2)
        self.assertEqual(rule.props.n_conditions, 2)
        self.assertEqual(rule.to_string(), 'write: allow if arg0 == 1 && arg2 <= 10')
        self.assertTrue(rule.get_condition(1).equal(conds[1]))

        exact = Scmp.Rule.new_exact('write', allow, conds)
        self.assertTrue(exact.props.exact)
        self.assertTrue(exact.same_conditions(rule))
        self.assertEqual(exact.to_string(), 'write: allow if arg0 == 1 && arg2 <= 10 [exact]')

        # The nullable condition array may be empty or None.
        self.assertEqual(Scmp.Rule.new_with_conditions('read', allow, []).get_n_conditions(), 0)
        self.assertEqual(Scmp.Rule.new_exact('read', allow, None).get_n_conditions(), 0)

    def test_dup_conditions(self):
        allow = Scmp.Action.new_allow()
        conds = [Scmp.Condition.new(0, Scmp.CompareOp.EQ, 1),
                 Scmp.Condition.new_masked(1, 0xf0, 0x10)]
        rule = Scmp.Rule.new_with_conditions('write', allow, conds)
        dup = rule.dup_conditions()
        self.assertIsInstance(dup, list)
        self.assertEqual(len(dup), 2)
        del rule
        for got, want in zip(dup, conds):
            self.assertIsInstance(got, Scmp.Condition)
            self.assertTrue(got.equal(want))
            self.assertEqual(got.to_string(), want.to_string())

    def test_matches(self):
        rule = Scmp.Rule.new_with_conditions(
            'write', Scmp.Action.new_allow(), [Scmp.Condition.new(0, Scmp.CompareOp.EQ, 1)])
        self.assertTrue(rule.matches([1, 0, 0]))
        self.assertFalse(rule.matches([2]))
        self.assertFalse(rule.matches(None))  # missing arguments count as 0


class TestRuleModel(ScmpTestCase):
    """Rules on numbers and ranges, rules for some ABIs, the unknown-syscall action."""

    X86_64 = Scmp.Architecture.X86_64
    X32 = Scmp.Architecture.X32

    def x86_64_filter(self):
        flt = Scmp.Filter.new(Scmp.Action.new_errno(1))
        if native_arch() != self.X86_64:
            flt.add_arch(self.X86_64)
            flt.remove_arch(native_arch())
        return flt

    def test_number_named(self):
        nr = Scmp.syscall_resolve_name(self.X86_64, 'getpid')
        rule = Scmp.Rule.new_for_number(self.X86_64, nr, Scmp.Action.new_allow())
        self.assertEqual(rule.get_syscall(), 'getpid')
        self.assertEqual(list(rule.get_architectures()), [self.X86_64])
        self.assertTrue(rule.applies_to(self.X86_64))
        self.assertFalse(rule.applies_to(self.X32))
        self.assertEqual(rule.to_string(), 'getpid: allow [only on x86_64]')

    def test_number_unnamed(self):
        rule = Scmp.Rule.new_for_numberv(self.X86_64, 400, Scmp.Action.new_errno(EACCES),
                                         [Scmp.Condition.new(0, Scmp.CompareOp.EQ, 7)])
        self.assertIsNone(rule.get_syscall())
        self.assertEqual(tuple(rule.get_numbers()), (True, self.X86_64, 400, 400))
        self.assertEqual(rule.props.first_number, 400)
        self.assertEqual(rule.props.number_architecture, self.X86_64)
        self.assertEqual(rule.to_string(), '#400 on x86_64: errno(13) if arg0 == 7')
        named = Scmp.Rule.new('read', Scmp.Action.new_allow())
        self.assertFalse(named.get_numbers()[0])
        self.assertEqual(list(named.get_architectures() or []), [])  # NULL: every ABI

    def test_range(self):
        rule = Scmp.Rule.new_for_range(self.X86_64, 472, GLib.MAXINT32, Scmp.Action.new_errno(38))
        self.assertEqual(tuple(rule.get_numbers()), (True, self.X86_64, 472, 0x3fffffff))
        flt = self.x86_64_filter()
        flt.add_rule(rule)
        self.assertEqual(flt.evaluate(self.X86_64, 472, None).to_string(), 'errno(38)')
        self.assertEqual(flt.evaluate(self.X86_64, 471, None).to_string(), 'errno(1)')

    def test_errors(self):
        allow = Scmp.Action.new_allow()
        err = self.assertScmpError(Scmp.Error.INVALID_ARGUMENT, Scmp.Rule.new_for_number,
                                   self.X32, 39, allow)
        self.assertIn('x32 bit', err.message)
        self.assertScmpError(Scmp.Error.INVALID_ARGUMENT, Scmp.Rule.new_for_range,
                             self.X86_64, 10, 9, allow)
        self.assertScmpError(Scmp.Error.INVALID_ARCHITECTURE,
                             Scmp.Rule.new('read', allow).restrict_to, [])
        flt = self.x86_64_filter()
        self.assertFailsUnchanged(flt, Scmp.Error.SYSCALL_NOT_ON_ARCHITECTURE, flt.add_rule,
                                  Scmp.Rule.new_exact('socketcall', allow, None))
        self.assertEqual(int(Scmp.Error.SYSCALL_NOT_ON_ARCHITECTURE), 8)

    def test_restricted(self):
        allow = Scmp.Action.new_allow()
        flt = self.x86_64_filter()
        flt.add_rule(Scmp.Rule.new('getpid', allow).restrict_to([self.X32]))
        getpid64 = Scmp.syscall_resolve_name(self.X86_64, 'getpid')
        self.assertEqual(flt.evaluate(self.X86_64, getpid64, None).to_string(), 'errno(1)')
        flt.add_arch(self.X32)
        getpid32 = Scmp.syscall_resolve_name(self.X32, 'getpid')
        self.assertEqual(flt.evaluate(self.X32, getpid32, None).to_string(), 'allow')

    def test_unknown_syscall_action(self):
        flt = self.x86_64_filter()
        self.assertIsNone(flt.props.unknown_syscall_action)
        flt.props.unknown_syscall_action = Scmp.Action.new_errno(38)
        self.assertEqual(flt.get_unknown_syscall_action().to_string(), 'errno(38)')
        self.assertEqual(flt.evaluate(self.X86_64, 400, None).to_string(), 'errno(38)')
        getppid = Scmp.syscall_resolve_name(self.X86_64, 'getppid')
        self.assertEqual(flt.evaluate(self.X86_64, getppid, None).to_string(), 'errno(1)')
        flt.set_unknown_syscall_action(None)
        self.assertEqual(flt.evaluate(self.X86_64, 400, None).to_string(), 'errno(1)')

    def test_known_kernel(self):
        flt = self.x86_64_filter()
        flt.set_unknown_syscall_action(Scmp.Action.new_errno(38))
        clone3 = Scmp.syscall_resolve_name(self.X86_64, 'clone3')
        self.assertEqual(flt.evaluate(self.X86_64, clone3, None).to_string(), 'errno(1)')
        self.assertTrue(flt.set_known_kernel('5.2'))
        self.assertEqual(flt.dup_known_kernel(), '5.2')
        self.assertEqual(flt.props.known_kernel, '5.2')
        self.assertEqual(flt.evaluate(self.X86_64, clone3, None).to_string(), 'errno(38)')
        self.assertFailsUnchanged(flt, Scmp.Error.INVALID_ARGUMENT, flt.set_known_kernel, 'six')
        flt.set_known_kernel(None)
        self.assertIsNone(flt.dup_known_kernel())


def stdout_filter():
    """errno(EACCES) by default; write(1, ...) allowed."""
    flt = Scmp.Filter.new(Scmp.Action.new_errno(EACCES))
    flt.add_rule(Scmp.Rule.new_with_conditions(
        'write', Scmp.Action.new_allow(), [Scmp.Condition.new(0, Scmp.CompareOp.EQ, 1)]))
    return flt


class TestFilter(ScmpTestCase):
    """ScmpFilter: construction, properties, rules, errors, output."""

    def test_property_bag(self):
        deny = Scmp.Action.new_errno(EACCES)
        flt = Scmp.Filter(default_action=deny, thread_sync=True, log=True)
        self.assertIsInstance(flt, Scmp.Filter)
        self.assertIsInstance(flt, Gio.ListModel)
        self.assertIs(flt.props.default_action, deny)
        self.assertIs(flt.get_default_action(), deny)
        self.assertTrue(flt.props.thread_sync)
        self.assertTrue(flt.get_thread_sync())
        self.assertTrue(flt.props.log)
        self.assertTrue(flt.props.no_new_privs)
        self.assertFalse(flt.props.spec_allow)
        self.assertFalse(flt.props.wait_killable)
        self.assertFalse(flt.props.allow_tracer_skip)
        self.assertEqual(flt.props.n_rules, 0)
        self.assertEqual(flt.props.bad_arch_action.props.kind, Scmp.ActionKind.KILL_PROCESS)

        flt = GObject.new(Scmp.Filter, no_new_privs=False)
        self.assertFalse(flt.get_no_new_privs())
        # Without a default action, kill-process.
        self.assertEqual(flt.get_default_action().to_string(), 'kill-process')
        self.assertEqual(Scmp.Filter().props.default_action.to_string(), 'kill-process')

    def test_named_constructor(self):
        flt = Scmp.Filter.new(Scmp.Action.new_allow())
        self.assertEqual(flt.get_default_action().props.kind, Scmp.ActionKind.ALLOW)
        self.assertEqual(flt.get_n_rules(), 0)
        self.assertTrue(flt.has_arch(native_arch()))
        self.assertEqual(Scmp.Filter.new(None).get_default_action().to_string(), 'kill-process')

    def test_notify(self):
        flt = Scmp.Filter.new(None)
        seen = []
        flt.connect('notify::thread-sync', lambda f, pspec: seen.append(pspec.name))
        flt.connect('notify::bad-arch-action', lambda f, pspec: seen.append(pspec.name))
        flt.set_thread_sync(True)
        flt.props.thread_sync = True  # same value: no notification
        self.assertEqual(seen, ['thread-sync'])
        flt.props.thread_sync = False
        self.assertEqual(seen, ['thread-sync', 'thread-sync'])
        del seen[:]

        changed = []
        flt.connect('changed', lambda f: changed.append(f))
        flt.set_bad_arch_action(Scmp.Action.new_errno(38))
        self.assertEqual(seen, ['bad-arch-action'])
        self.assertEqual(flt.props.bad_arch_action.to_string(), 'errno(38)')
        self.assertEqual(len(changed), 1)
        self.assertIs(changed[0], flt)
        # An equal action: no notification. (Hold it in a variable: PyGObject
        # warns when a property is set from a temporary it alone references.)
        same = Scmp.Action.new_errno(38)
        flt.props.bad_arch_action = same
        self.assertEqual(seen, ['bad-arch-action'])
        flt.props.bad_arch_action = None  # back to kill-process
        self.assertEqual(seen, ['bad-arch-action', 'bad-arch-action'])
        self.assertEqual(flt.get_bad_arch_action().to_string(), 'kill-process')

    def test_rule_added_detail(self):
        flt = Scmp.Filter.new(Scmp.Action.new_errno(EACCES))
        allow = Scmp.Action.new_allow()
        openat_added = []
        any_added = []
        changed = []
        flt.connect('rule-added::openat', lambda f, rule, pos: openat_added.append((rule, pos)))
        flt.connect('rule-added', lambda f, rule, pos: any_added.append((rule, pos)))
        flt.connect('changed', lambda f: changed.append(True))

        read = Scmp.Rule.new('read', allow)
        flt.add_rule(read)
        self.assertEqual(openat_added, [])
        self.assertEqual(any_added, [(read, 0)])
        self.assertEqual(len(changed), 1)

        openat = Scmp.Rule.new('openat', allow)
        flt.insert_rule(0, openat)
        self.assertEqual(len(openat_added), 1)
        rule, pos = openat_added[0]
        self.assertIs(rule, openat)
        self.assertIsInstance(rule, Scmp.Rule)
        self.assertIsInstance(pos, int)
        self.assertEqual(pos, 0)
        self.assertEqual(len(any_added), 2)
        self.assertEqual(len(changed), 2)

        removed = []
        flt.connect('rule-removed::openat', lambda f, rule, pos: removed.append((rule, pos)))
        flt.remove_rule(read)
        self.assertEqual(removed, [])
        self.assertTrue(flt.remove_rule(openat))
        self.assertEqual(removed, [(openat, 0)])
        self.assertFalse(flt.remove_rule(openat))

    def test_list_model(self):
        flt = Scmp.Filter.new(Scmp.Action.new_errno(EACCES))
        self.assertEqual(flt.get_item_type(), Scmp.Rule.__gtype__)
        changes = []
        flt.connect('items-changed', lambda model, pos, removed, added:
                    changes.append((pos, removed, added)))
        allow = Scmp.Action.new_allow()
        rules = [Scmp.Rule.new(name, allow) for name in ('read', 'write', 'close')]
        for rule in rules:
            flt.add_rule(rule)
        self.assertEqual(changes, [(0, 0, 1), (1, 0, 1), (2, 0, 1)])
        self.assertEqual(flt.get_n_items(), 3)
        self.assertEqual(len(flt), 3)
        for i, rule in enumerate(rules):
            item = flt.get_item(i)
            self.assertIsInstance(item, Scmp.Rule)
            self.assertIs(item, rule)
            self.assertIs(flt.get_rule(i), rule)
            self.assertIs(flt[i], rule)
        self.assertIsNone(flt.get_item(3))
        self.assertIsNone(flt.get_rule(3))
        self.assertEqual(list(flt), rules)

        flt.remove_rule_at(1)
        self.assertEqual(changes[-1], (1, 1, 0))
        self.assertEqual(flt.get_n_items(), 2)
        self.assertIs(flt.get_item(1), rules[2])

        # An identical rule is a no-op: no signal.
        flt.add_rule(Scmp.Rule.new('read', allow))
        self.assertEqual(len(changes), 4)
        self.assertEqual(flt.get_n_items(), 2)

    def test_add_rules(self):
        flt = Scmp.Filter.new(Scmp.Action.new_errno(EACCES))
        allow = Scmp.Action.new_allow()
        changes, added = [], []
        flt.connect('items-changed', lambda model, pos, removed, n:
                    changes.append((pos, removed, n)))
        flt.connect('rule-added', lambda f, rule, pos: added.append((rule, pos)))
        rules = [Scmp.Rule.new(name, allow) for name in ('read', 'write', 'read')]
        self.assertTrue(flt.add_rules(rules))
        self.assertEqual(changes, [(0, 0, 2)])   # one change; the repeat is skipped
        self.assertEqual(added, [(rules[0], 0), (rules[1], 1)])
        self.assertEqual(list(flt), rules[:2])

        # All or nothing: the unknown name sinks the whole list.
        err = self.assertFailsUnchanged(
            flt, Scmp.Error.INVALID_SYSCALL, flt.add_rules,
            [Scmp.Rule.new('close', allow), Scmp.Rule.new('no_such_call', allow)])
        self.assertTrue(err.message.startswith('Rule 2 of 2: '), err.message)
        self.assertEqual(len(flt), 2)

    def test_errors_leave_filter_unchanged(self):
        flt = stdout_filter()
        allow = Scmp.Action.new_allow()

        self.assertFailsUnchanged(flt, Scmp.Error.INVALID_SYSCALL, flt.add_rule,
                                  Scmp.Rule.new('no_such_call', allow))
        self.assertFailsUnchanged(flt, Scmp.Error.EXISTS, flt.add_rule,
                                  Scmp.Rule.new_with_conditions(
                                      'write', Scmp.Action.new_errno(1),
                                      [Scmp.Condition.new(0, Scmp.CompareOp.EQ, 1)]))
        # Condition.new() refuses argument 6; a struct filled in by hand
        # reaches the filter, which refuses it too.
        arg6 = Scmp.Condition()
        arg6.arg = 6
        arg6.op = Scmp.CompareOp.EQ
        self.assertFailsUnchanged(flt, Scmp.Error.INVALID_ARGUMENT, flt.add_rule,
                                  Scmp.Rule.new_with_conditions('read', allow, [arg6]))
        self.assertFailsUnchanged(flt, Scmp.Error.INVALID_SYSCALL, flt.insert_rule, 0,
                                  Scmp.Rule.new('no_such_call', allow))
        self.assertFailsUnchanged(flt, Scmp.Error.INVALID_SYSCALL, flt.set_priority,
                                  'no_such_call', 10)
        self.assertFailsUnchanged(flt, Scmp.Error.INVALID_ARCHITECTURE, flt.add_arch,
                                  foreign_arch())
        self.assertFailsUnchanged(flt, Scmp.Error.INVALID_ARCHITECTURE, flt.remove_arch,
                                  companion_arch())

        # An identical rule is accepted and changes nothing.
        n_rules = flt.get_n_rules()
        self.assertTrue(flt.add_rule(Scmp.Rule.new_with_conditions(
            'write', allow, [Scmp.Condition.new(0, Scmp.CompareOp.EQ, 1)])))
        self.assertEqual(flt.get_n_rules(), n_rules)

    def test_arches(self):
        flt = Scmp.Filter.new(Scmp.Action.new_allow())
        native = native_arch()
        other = companion_arch()
        self.assertEqual(flt.list_arches(), [native])
        # Arrays of ABIs come as integers (the GIR says gint: GJS 1.74
        # misreads arrays of enums); they compare equal to the enum's values.
        self.assertIsInstance(flt.list_arches()[0], int)
        self.assertIs(Scmp.Architecture(flt.list_arches()[0]), native)
        self.assertEqual(len(Scmp.architecture_list_all()), len(set(Scmp.architecture_list_all())))
        self.assertTrue(flt.has_arch(native))
        self.assertTrue(flt.has_arch(Scmp.Architecture.NATIVE))
        self.assertFalse(flt.has_arch(other))

        changed = []
        flt.connect('changed', lambda f: changed.append(True))
        self.assertTrue(flt.add_arch(other))
        self.assertTrue(flt.has_arch(other))
        self.assertEqual(flt.list_arches(), [native, other])
        self.assertEqual(len(changed), 1)
        self.assertTrue(flt.add_arch(other))  # already there
        self.assertEqual(flt.list_arches(), [native, other])

        self.assertTrue(flt.remove_arch(native))
        self.assertEqual(flt.list_arches(), [other])
        self.assertFalse(flt.has_arch(native))

    def test_export_bpf(self):
        flt = stdout_filter()
        bpf = flt.export_bpf()
        self.assertIsInstance(bpf, GLib.Bytes)
        self.assertGreater(bpf.get_size(), 0)
        self.assertEqual(bpf.get_size() % 8, 0)  # struct sock_filter
        self.assertEqual(len(bpf.get_data()), bpf.get_size())
        self.assertEqual(flt.export_bpf().get_data(), bpf.get_data())

        stream = Gio.MemoryOutputStream.new_resizable()
        self.assertTrue(flt.write_bpf_to_stream(stream, None))
        stream.close(None)
        self.assertEqual(stream.steal_as_bytes().get_data(), bpf.get_data())

        fd = flt.export_bpf_memfd()
        self.assertIsInstance(fd, int)
        with os.fdopen(fd, 'rb') as memfd:
            self.assertEqual(memfd.read(), bpf.get_data())

        # A new rule changes the program.
        flt.add_rule(Scmp.Rule.new('read', Scmp.Action.new_allow()))
        self.assertNotEqual(flt.export_bpf().get_data(), bpf.get_data())

    def test_export_pfc(self):
        flt = stdout_filter()
        flt.add_rule(Scmp.Rule.new('openat', Scmp.Action.new_log()))
        pfc = flt.export_pfc()
        self.assertIsInstance(pfc, str)
        self.assertIn('write', pfc)
        self.assertIn('openat', pfc)
        self.assertIn(Scmp.architecture_to_name(native_arch()), pfc)

    def test_evaluate_syscall(self):
        flt = stdout_filter()
        verdict = flt.evaluate_syscall(Scmp.Architecture.NATIVE, 'write', [1])
        self.assertIsInstance(verdict, Scmp.Action)
        self.assertEqual(verdict.props.kind, Scmp.ActionKind.ALLOW)

        verdict = flt.evaluate_syscall(Scmp.Architecture.NATIVE, 'write', [2, 0, 10])
        self.assertEqual(verdict.props.kind, Scmp.ActionKind.ERRNO)
        self.assertEqual(verdict.props.errno_value, EACCES)
        self.assertEqual(verdict.to_string(), 'errno(13)')

        # No arguments: all 0, so fd 0.
        self.assertEqual(flt.evaluate_syscall(Scmp.Architecture.NATIVE, 'write', None)
                         .props.kind, Scmp.ActionKind.ERRNO)
        self.assertEqual(flt.evaluate_syscall(native_arch(), 'read', []).to_string(),
                         'errno(13)')
        self.assertScmpError(Scmp.Error.INVALID_SYSCALL, flt.evaluate_syscall,
                             Scmp.Architecture.NATIVE, 'no_such_call', [])
        # Seven arguments: an error, not a CRITICAL and None.
        self.assertScmpError(Scmp.Error.INVALID_ARGUMENT, flt.evaluate_syscall,
                             Scmp.Architecture.NATIVE, 'write', [1, 2, 3, 4, 5, 6, 7])

        # Another architecture than the filter's gets the bad-arch action.
        flt.set_bad_arch_action(Scmp.Action.new_errno(38))
        self.assertEqual(flt.evaluate_syscall(companion_arch(), 'write', [1]).to_string(),
                         'errno(38)')

    def test_evaluate_number(self):
        flt = stdout_filter()
        native = native_arch()
        nr = Scmp.syscall_resolve_name(native, 'write')
        self.assertGreaterEqual(nr, 0)
        self.assertEqual(flt.evaluate(native, nr, [1]).props.kind, Scmp.ActionKind.ALLOW)
        verdict = flt.evaluate(Scmp.Architecture.NATIVE, nr, [2])
        self.assertEqual((verdict.props.kind, verdict.props.errno_value),
                         (Scmp.ActionKind.ERRNO, EACCES))
        # -1 is a tracer skipping the call.
        self.assertEqual(flt.evaluate(native, -1, None).to_string(), 'errno(13)')
        flt.set_allow_tracer_skip(True)
        self.assertEqual(flt.evaluate(native, -1, None).to_string(), 'allow')

    def test_transaction_rollback(self):
        flt = stdout_filter()
        bpf = flt.export_bpf()
        changes = []
        flt.connect('items-changed', lambda model, pos, removed, added:
                    changes.append((pos, removed, added)))

        self.assertFalse(flt.in_transaction())
        flt.begin()
        self.assertTrue(flt.in_transaction())
        flt.add_rule(Scmp.Rule.new('read', Scmp.Action.new_allow()))
        flt.add_rule(Scmp.Rule.new('close', Scmp.Action.new_allow()))
        flt.add_arch(companion_arch())
        flt.set_bad_arch_action(Scmp.Action.new_errno(38))
        self.assertEqual(flt.get_n_rules(), 3)
        flt.rollback()
        self.assertFalse(flt.in_transaction())
        self.assertEqual(flt.get_n_rules(), 1)
        self.assertEqual(flt.props.n_rules, 1)
        self.assertEqual(flt.get_n_items(), 1)
        self.assertEqual(flt.list_arches(), [native_arch()])
        self.assertEqual(flt.get_bad_arch_action().to_string(), 'kill-process')
        self.assertEqual(flt.export_bpf().get_data(), bpf.get_data())
        self.assertEqual(changes[:2], [(1, 0, 1), (2, 0, 1)])
        # the rollback takes both rules out in one change
        self.assertEqual(changes[2:], [(1, 2, 0)])

        flt.begin()
        flt.add_rule(Scmp.Rule.new('read', Scmp.Action.new_allow()))
        flt.commit()
        self.assertFalse(flt.in_transaction())
        self.assertEqual(flt.get_n_rules(), 2)

    def test_merge(self):
        flt = stdout_filter()
        other = Scmp.Filter.new(Scmp.Action.new_errno(EACCES))
        other.add_rule(Scmp.Rule.new('read', Scmp.Action.new_allow()))
        other.add_arch(companion_arch())
        self.assertTrue(flt.merge(other))
        self.assertEqual(flt.get_n_rules(), 2)
        self.assertEqual(flt.get_rule(1).get_syscall(), 'read')
        self.assertTrue(flt.has_arch(companion_arch()))
        self.assertEqual(other.get_n_rules(), 1)
        self.assertEqual(flt.evaluate_syscall(Scmp.Architecture.NATIVE, 'read', []).to_string(),
                         'allow')

        conflicting = Scmp.Filter.new(Scmp.Action.new_errno(EACCES))
        conflicting.add_rule(Scmp.Rule.new('read', Scmp.Action.new_log()))
        self.assertFailsUnchanged(flt, Scmp.Error.EXISTS, flt.merge, conflicting)

        other_default = Scmp.Filter.new(Scmp.Action.new_allow())
        self.assertFailsUnchanged(flt, Scmp.Error.INVALID_ARGUMENT, flt.merge, other_default)

    def test_priority(self):
        flt = stdout_filter()
        self.assertEqual(flt.get_priority('write'), Scmp.PRIORITY_DEFAULT)
        self.assertTrue(flt.set_priority('write', 200))
        self.assertEqual(flt.get_priority('write'), 200)

    def test_reset(self):
        flt = stdout_filter()
        flt.add_arch(companion_arch())
        flt.set_thread_sync(True)
        flt.reset()
        self.assertEqual(flt.get_n_rules(), 0)
        self.assertEqual(flt.list_arches(), [native_arch()])
        self.assertTrue(flt.get_thread_sync())
        self.assertEqual(flt.get_default_action().to_string(), 'errno(13)')


class TestFilterVariant(ScmpTestCase):
    """A whole filter as a GLib.Variant: serialize() and new_from_variant()."""

    def make_filter(self):
        flt = Scmp.Filter.new(Scmp.Action.new_errno(1))
        flt.set_log(True)
        flt.set_priority('read', 9)
        flt.add_rule(Scmp.Rule.new('read', Scmp.Action.new_allow()))
        conds = [Scmp.Condition.new(0, Scmp.CompareOp.EQ, 2),
                 Scmp.Condition.new_masked(1, 0xf, 1)]
        flt.add_rule(Scmp.Rule.new_with_conditions(
            'socket', Scmp.Action.new_errno(97), conds))
        return flt

    def test_round_trip(self):
        flt = self.make_filter()
        policy = flt.serialize()
        self.assertIsInstance(policy, GLib.Variant)
        self.assertEqual(policy.get_type_string(),
                         Scmp.FILTER_VARIANT_TYPE_STRING)
        version, attributes, rules = policy.unpack()
        self.assertEqual(version, 1)
        self.assertEqual(attributes['default-action'], 'errno(1)')
        self.assertEqual(attributes['priorities'], {'read': 9})
        self.assertEqual([name for name, _ in rules], ['read', 'socket'])

        copy = Scmp.Filter.new_from_variant(policy)
        self.assertTrue(copy.serialize().equal(policy))
        self.assertEqual(copy.export_bpf().get_data(),
                         flt.export_bpf().get_data())

        text = Scmp.Filter.new_from_variant_text(policy.print_(True), -1)
        self.assertTrue(text.serialize().equal(policy))

        # A variant built in Python is read too.
        built = GLib.Variant(Scmp.FILTER_VARIANT_TYPE_STRING, (1, {
            'default-action': GLib.Variant('s', 'allow'),
        }, [('read', {'action': GLib.Variant('s', 'errno(1)')})]))
        self.assertEqual(Scmp.Filter.new_from_variant(built).get_n_rules(), 1)

    def test_error(self):
        bad = GLib.Variant(Scmp.FILTER_VARIANT_TYPE_STRING, (1, {
            'default-action': GLib.Variant('s', 'allow'),
            'sandbox': GLib.Variant('b', True),
        }, []))
        err = self.assertScmpError(Scmp.Error.INVALID_POLICY,
                                   Scmp.Filter.new_from_variant, bad)
        self.assertIn('unknown key “sandbox”', err.message)

        err = self.assertScmpError(Scmp.Error.INVALID_POLICY,
                                   Scmp.Filter.new_from_variant_text,
                                   "(uint32 1,\n {'default-action' <'x'>}, [])", -1)
        self.assertTrue(err.message.startswith('2:20: '), err.message)


class TestNotifier(ScmpTestCase):
    """ScmpNotifier and ScmpNotification against a real target: the
    notify-child helper (getppid -> NOTIFY), launched with
    Gio.SubprocessLauncher; its listener comes back over a socket on fd 3."""

    def setUp(self):
        # Set by tests/bindings/meson.build: a missing helper is an error.
        self.child_path = os.environ['SCMP_NOTIFY_CHILD']
        self.assertTrue(os.access(self.child_path, os.X_OK), self.child_path)

    def spawn(self, calls):
        """Starts the helper making @calls getppid() calls; returns the
        process and (unless @calls is 'close') its notifier."""
        ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
        launcher = Gio.SubprocessLauncher.new(Gio.SubprocessFlags.STDOUT_PIPE)
        launcher.take_fd(theirs.detach(), 3)
        proc = launcher.spawnv([self.child_path, 'fd', str(calls)])
        launcher.close()       # our copy of the child's end: gone
        try:
            return proc, Scmp.Notifier.new_from_socket(ours.fileno(), None)
        finally:
            ours.close()

    def finish(self, proc):
        """Waits for the helper; returns the lines it printed."""
        ok, out, err = proc.communicate_utf8(None, None)
        self.assertTrue(ok)
        self.assertTrue(proc.get_if_exited())
        self.assertEqual(proc.get_exit_status(), 0)
        return out.splitlines()

    def run_until(self, done, seconds=10):
        context = GLib.MainContext.default()
        deadline = GLib.get_monotonic_time() + seconds * 1000000
        while not done():
            self.assertLess(GLib.get_monotonic_time(), deadline, 'timed out')
            context.iteration(False) or GLib.usleep(1000)

    def test_signal(self):
        proc, notifier = self.spawn(2)
        self.assertIsInstance(notifier, Scmp.Notifier)
        self.assertGreaterEqual(notifier.get_fd(), 0)
        self.assertFalse(notifier.is_closed())
        seen = []

        def on_notification(self_, n):
            self.assertIs(self_, notifier)
            self.assertIsInstance(n, Scmp.Notification)
            self.assertIs(n.get_notifier(), notifier)
            self.assertEqual(n.get_syscall_name(), 'getppid')
            self.assertEqual(n.get_syscall(),
                             Scmp.syscall_resolve_name(native_arch(), 'getppid'))
            self.assertEqual(n.get_architecture(), native_arch())
            self.assertEqual(n.get_pid(), int(proc.get_identifier()))
            self.assertEqual(len(n.get_arguments()), Scmp.NOTIFICATION_N_ARGUMENTS)
            self.assertIsInstance(n.get_id(), int)
            self.assertTrue(n.is_valid())
            self.assertFalse(n.is_answered())
            if not seen:
                self.assertTrue(n.respond_value(4242))
            else:
                self.assertTrue(n.respond_errno(EACCES))
            self.assertTrue(n.is_answered())
            self.assertFalse(n.is_valid())
            # Each request is answered exactly once.
            self.assertScmpError(Scmp.Error.NOT_PENDING, n.respond_value, 1)
            self.assertScmpError(Scmp.Error.NOT_PENDING, n.respond_errno, 1)
            self.assertScmpError(Scmp.Error.NOT_PENDING, n.respond_continue)
            seen.append(n.get_id())
            return True

        notifier.connect('notification', on_notification)
        self.assertFalse(notifier.is_active())
        notifier.start()
        self.assertTrue(notifier.is_active())
        self.assertTrue(notifier.props.active)
        self.run_until(lambda: len(seen) == 2)
        notifier.stop()
        self.assertFalse(notifier.props.active)
        self.assertEqual(self.finish(proc), ['value 4242', 'errno %d' % EACCES])
        self.assertNotEqual(seen[0], seen[1])

    def test_fallback_errno(self):
        proc, notifier = self.spawn(1)
        self.assertEqual(notifier.props.fallback_errno, 38)   # ENOSYS
        notifier.props.fallback_errno = 1                    # EPERM
        self.assertEqual(notifier.get_fallback_errno(), 1)
        seen = []

        def declines(notifier_, n):
            seen.append(n)
            return False

        notifier.connect('notification', declines)
        notifier.start()
        self.run_until(lambda: seen and seen[0].is_answered())
        notifier.stop()
        self.assertEqual(self.finish(proc), ['errno 1'])

    def test_receive_async(self):
        proc, notifier = self.spawn(1)
        results = []

        def on_received(source, result, tag):
            self.assertIs(source, notifier)
            try:
                results.append((tag, source.receive_finish(result)))
            except GLib.Error as e:
                results.append((tag, e))

        cancellable = Gio.Cancellable()
        cancellable.cancel()
        notifier.receive_async(cancellable, on_received, 'cancelled')
        self.run_until(lambda: len(results) == 1)
        tag, err = results[0]
        self.assertEqual(tag, 'cancelled')
        self.assertIsInstance(err, GLib.Error)
        self.assertTrue(err.matches(Gio.io_error_quark(), Gio.IOErrorEnum.CANCELLED), err.message)

        # The cancelled receive took nothing: the request is still there.
        notifier.receive_async(None, on_received, 'real')
        self.run_until(lambda: len(results) == 2)
        tag, n = results[1]
        self.assertEqual(tag, 'real')
        self.assertIsInstance(n, Scmp.Notification)
        self.assertEqual(n.get_syscall_name(), 'getppid')
        self.assertTrue(n.respond_value(7))
        self.assertScmpError(Scmp.Error.NOT_PENDING, n.respond_value, 7)
        self.assertEqual(self.finish(proc), ['value 7'])

    def test_receive_sync(self):
        proc, notifier = self.spawn(1)
        n = notifier.receive(None)
        self.assertEqual(n.get_syscall_name(), 'getppid')
        self.assertTrue(n.respond_errno(EACCES))
        self.assertEqual(self.finish(proc), ['errno %d' % EACCES])

    def test_closed(self):
        proc, notifier = self.spawn(0)
        self.assertEqual(self.finish(proc), [])
        # No process uses the filter any more: the listener hangs up.
        results = []
        notifier.receive_async(None, lambda s, r: results.append(r))
        self.run_until(lambda: results)
        self.assertScmpError(Scmp.Error.CLOSED, notifier.receive_finish, results[0])
        self.assertTrue(notifier.is_closed())
        self.assertTrue(notifier.props.closed)
        self.assertScmpError(Scmp.Error.CLOSED, notifier.receive, None)

    def test_close(self):
        proc, notifier = self.spawn(1)
        closed = []
        notifier.connect('notify::closed', lambda *a: closed.append(True))
        notifier.close()
        self.assertTrue(closed)
        self.assertTrue(notifier.is_closed())
        self.assertEqual(notifier.get_fd(), -1)
        # The kernel answers the pending call with ENOSYS.
        self.assertEqual(self.finish(proc), ['errno 38'])
        self.assertScmpError(Scmp.Error.CLOSED, notifier.receive, None)

    def test_new_from_socket_without_listener(self):
        ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
        launcher = Gio.SubprocessLauncher.new(Gio.SubprocessFlags.NONE)
        launcher.take_fd(theirs.detach(), 3)
        proc = launcher.spawnv([self.child_path, 'fd', 'close'])
        launcher.close()
        try:
            self.assertScmpError(Scmp.Error.FAILED, Scmp.Notifier.new_from_socket,
                                 ours.fileno(), None)
        finally:
            ours.close()
        proc.wait(None)
        self.assertEqual(proc.get_exit_status(), 0)

    def test_new_bad_fd(self):
        self.assertScmpError(Scmp.Error.INVALID_ARGUMENT, Scmp.Notifier.new, -1)
        flt = Scmp.Filter.new(Scmp.Action.new_allow())
        self.assertScmpError(Scmp.Error.INVALID_ARGUMENT, Scmp.Notifier.new_for_filter, flt)


class TestSyscallSet(ScmpTestCase):
    """scmp_syscall_set_*() and Filter.add_rules_for_set()."""

    def x86_64_filter(self):
        flt = Scmp.Filter.new(Scmp.Action.new_errno(1))
        if Scmp.architecture_get_native() != Scmp.Architecture.X86_64:
            flt.add_arch(Scmp.Architecture.X86_64)
            flt.remove_arch(Scmp.architecture_get_native())
        return flt

    def test_list(self):
        sets = Scmp.syscall_set_list()
        self.assertEqual(len(sets), 30)
        self.assertEqual(sets[0], '@default')
        self.assertEqual(sets[-1], '@known')
        self.assertIn('@system-service', sets)
        self.assertEqual(Scmp.syscall_set_get_description('@clock'),
                         'Changing the system clock')
        self.assertIsNone(Scmp.syscall_set_get_description('@foo'))

    def test_members(self):
        direct = Scmp.syscall_set_get_members('@system-service', False)
        self.assertIn('@basic-io', direct)
        expanded = Scmp.syscall_set_get_members('@system-service', True)
        self.assertIn('read', expanded)
        self.assertEqual(expanded, sorted(set(expanded)))
        self.assertTrue(Scmp.syscall_set_contains('@network-io', 'socket'))
        self.assertFalse(Scmp.syscall_set_contains('@network-io', 'read'))
        err = self.assertScmpError(Scmp.Error.INVALID_SYSCALL,
                                   Scmp.syscall_set_get_members, '@foo', True)
        self.assertIn('“@foo” is not a syscall set', err.message)

    def test_add_rules_for_set(self):
        flt = self.x86_64_filter()
        allow = Scmp.Action.new_allow()
        flt.add_rules_for_set('@basic-io', allow, None)
        self.assertEqual(flt.evaluate_syscall(Scmp.Architecture.X86_64, 'read',
                                              [0] * 6).to_string(), 'allow')
        cond = Scmp.Condition.new(0, Scmp.CompareOp.EQ, 2)
        flt.add_rules_for_set('@network-io', allow, [cond])
        self.assertEqual(flt.evaluate_syscall(Scmp.Architecture.X86_64, 'socket',
                                              [2, 0, 0, 0, 0, 0]).to_string(), 'allow')
        self.assertEqual(flt.evaluate_syscall(Scmp.Architecture.X86_64, 'socket',
                                              [1, 0, 0, 0, 0, 0]).to_string(), 'errno(1)')
        self.assertFailsUnchanged(flt, Scmp.Error.INVALID_SYSCALL,
                                  flt.add_rules_for_set, '@foo', allow, None)
        deny = Scmp.Action.new_errno(13)
        self.assertFailsUnchanged(flt, Scmp.Error.EXISTS,
                                  flt.add_rules_for_set, '@file-system', deny, None)


class TestExplainLint(ScmpTestCase):
    """Filter.explain() and Filter.lint()."""

    def test_explain(self):
        flt = stdout_filter()
        native = native_arch()
        verdict = flt.explain_syscall(native, 'write', [1])
        self.assertIsInstance(verdict, Scmp.Verdict)
        self.assertEqual(verdict.get_source(), Scmp.VerdictSource.RULE)
        self.assertEqual(verdict.props.rule_index, 0)
        self.assertEqual(verdict.get_rule().to_string(), 'write: allow if arg0 == 1')
        self.assertEqual(verdict.get_action().to_string(), 'allow')
        self.assertEqual(verdict.props.syscall, 'write')
        self.assertIn('from rule 0 (write: allow if arg0 == 1)', verdict.to_string())

        other = flt.explain(native, Scmp.syscall_resolve_name(native, 'write'), [2])
        self.assertEqual(other.props.source, Scmp.VerdictSource.DEFAULT)
        self.assertEqual(other.props.rule_index, -1)
        self.assertIsNone(other.get_rule())
        self.assertEqual(other.get_action().to_string(), 'errno(13)')

        self.assertEqual(flt.explain_syscall(companion_arch(), 'write', [1]).props.source,
                         Scmp.VerdictSource.BAD_ARCH)
        self.assertScmpError(Scmp.Error.INVALID_SYSCALL, flt.explain_syscall,
                             Scmp.Architecture.NATIVE, 'no_such_call', [])
        self.assertScmpError(Scmp.Error.INVALID_ARGUMENT, flt.explain_syscall,
                             Scmp.Architecture.NATIVE, 'write', [1, 2, 3, 4, 5, 6, 7])

    def test_lint(self):
        flt = stdout_filter()
        self.assertEqual(flt.lint().get_n_items(), 0)
        flt.add_rule(Scmp.Rule.new_with_conditions(
            'write', Scmp.Action.new_log(), [Scmp.Condition.new(0, Scmp.CompareOp.EQ, 1),
                                             Scmp.Condition.new(2, Scmp.CompareOp.LT, 100)]))
        flt.add_rule(Scmp.Rule.new('close', Scmp.Action.new_errno(EACCES)))
        findings = list(flt.lint())
        self.assertEqual([(f.get_kind(), f.props.rule_index, f.props.other_rule_index)
                          for f in findings],
                         [(Scmp.FindingKind.SHADOWED, 1, 0),
                          (Scmp.FindingKind.REDUNDANT, 2, -1)])
        self.assertEqual(findings[0].get_architectures(), [native_arch()])
        self.assertIn('rule 0 (write: allow if arg0 == 1) decides every call it matches first',
                      findings[0].props.message)


class TestDisassembler(ScmpTestCase):
    """scmp_bpf_disassemble()."""

    def test_listing(self):
        flt = Scmp.Filter.new(Scmp.Action.new_errno(1))
        if Scmp.architecture_get_native() != Scmp.Architecture.X86_64:
            flt.remove_arch(Scmp.architecture_get_native())
            flt.add_arch(Scmp.Architecture.X86_64)
        flt.add_rule(Scmp.Rule.new('openat', Scmp.Action.new_allow()))
        bpf = flt.export_bpf()
        listing = Scmp.bpf_disassemble(bpf, Scmp.Architecture.X86_64)
        self.assertIsInstance(listing, str)
        lines = listing.splitlines()
        insns = [line for line in lines if line.startswith('  ')]
        self.assertEqual(len(insns), bpf.get_size() // 8)
        self.assertTrue(insns[0].startswith('  0000: ld [4]'), insns[0])
        self.assertTrue(any(line.endswith('; openat') or line.endswith('(openat)')
                            for line in insns), listing)
        self.assertTrue(any(line.endswith('; ERRNO(1)') for line in insns), listing)

    def test_errors(self):
        self.assertScmpError(Scmp.Error.INVALID_ARGUMENT, Scmp.bpf_disassemble,
                             GLib.Bytes.new(b''), Scmp.Architecture.X86_64)
        self.assertScmpError(Scmp.Error.INVALID_ARGUMENT, Scmp.bpf_disassemble,
                             GLib.Bytes.new(b'1234567'), Scmp.Architecture.X86_64)
        self.assertScmpError(Scmp.Error.INVALID_ARCHITECTURE, Scmp.bpf_disassemble,
                             GLib.Bytes.new(b'\x06\0\0\0\0\0\xff\x7f'),
                             Scmp.Architecture.UNKNOWN)


class TestOciProfile(ScmpTestCase):
    """ScmpOciProfile and Filter.export_oci()."""

    DOCKER = os.environ['SCMP_DOCKER_PROFILE']

    def docker(self, caps=None):
        profile = Scmp.OciProfile.new()
        profile.set_architecture(Scmp.Architecture.X86_64)
        profile.set_kernel_version('6.12')
        if caps is not None:
            profile.set_capabilities(caps)
        profile.load_from_file(self.DOCKER)
        return profile

    def test_docker(self):
        profile = self.docker()
        flt = profile.get_filter()
        self.assertEqual(profile.get_warnings(), [])
        self.assertEqual(flt.list_arches(), [Scmp.Architecture.X86_64,
                                              Scmp.Architecture.X86,
                                              Scmp.Architecture.X32])
        self.assertGreater(flt.get_n_rules(), 300)
        self.assertEqual(flt.evaluate_syscall(Scmp.Architecture.X86_64, 'mount',
                                              [0] * 6).to_string(), 'errno(1)')
        admin = self.docker(['CAP_SYS_ADMIN']).props.filter
        self.assertEqual(admin.evaluate_syscall(Scmp.Architecture.X86_64, 'mount',
                                                [0] * 6).to_string(), 'allow')

    def test_properties(self):
        profile = Scmp.OciProfile(capabilities=['CAP_SYS_BOOT'],
                                  architecture=Scmp.Architecture.AARCH64,
                                  kernel_version='5.10',
                                  flags=Scmp.OciProfileFlags.STRICT_SYSCALLS)
        self.assertEqual(profile.get_capabilities(), ['CAP_SYS_BOOT'])
        self.assertEqual(profile.get_architecture(), Scmp.Architecture.AARCH64)
        self.assertEqual(profile.get_kernel_version(), '5.10')
        self.assertIsNone(profile.get_filter())

    def test_errors(self):
        profile = Scmp.OciProfile.new()
        bad = b'{"defaultAction": "SCMP_ACT_ALLOW", "syscalls": [{"names": ["read"], ' \
              b'"action": "SCMP_ACT_KILL", "args": [{"index": 6, "op": "SCMP_CMP_EQ"}]}]}'
        err = self.assertScmpError(Scmp.Error.INVALID_POLICY, profile.load_from_data, bad)
        self.assertIn('syscalls[0].args[0].index: argument 6 does not exist', err.message)
        self.assertIsNone(profile.get_filter())
        warned = b'{"defaultAction": "SCMP_ACT_ALLOW", "syscalls": [{"names": ["nosuchcall"], ' \
                 b'"action": "SCMP_ACT_KILL"}]}'
        profile.load_from_data(warned)
        self.assertEqual(len(profile.get_warnings()), 1)
        self.assertIn('“nosuchcall” is not a system call', profile.get_warnings()[0])

    def test_export(self):
        flt = self.docker().get_filter()
        text, warnings = flt.export_oci(Scmp.OciExportFlags.STRICT)
        self.assertEqual(warnings, [])
        again = Scmp.OciProfile.new()
        again.set_architecture(Scmp.Architecture.X86_64)
        again.load_from_data(text.encode())
        self.assertEqual(again.get_filter().export_bpf().get_data(),
                         flt.export_bpf().get_data())
        flt.set_bad_arch_action(Scmp.Action.new_allow())
        text, warnings = flt.export_oci(Scmp.OciExportFlags.NONE)
        self.assertEqual(len(warnings), 1)
        self.assertIn('bad-architecture action', warnings[0])
        self.assertScmpError(Scmp.Error.NOT_SUPPORTED, flt.export_oci,
                             Scmp.OciExportFlags.STRICT)


class TestVersion(unittest.TestCase):
    """SCMP_*_VERSION constants."""

    def test_constants(self):
        self.assertIsInstance(Scmp.MAJOR_VERSION, int)
        self.assertIsInstance(Scmp.MINOR_VERSION, int)
        self.assertIsInstance(Scmp.MICRO_VERSION, int)


if __name__ == '__main__':
    unittest.main()
