#!/usr/bin/env python3
# test-gi.py: the Scmp-1.0 API as a PyGObject user sees it
#
# SPDX-FileCopyrightText: 2026 The scmp-glib authors
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# One TestCase class per API area. To cover a new area (actions, rules,
# filters...), add a class below; unittest finds it on its own.

import unittest

import gi

gi.require_version('GLib', '2.0')
gi.require_version('Scmp', '1.0')
from gi.repository import GLib, Scmp  # noqa: E402

# Syscall names that exist on every ABI scmp-glib knows.
COMMON_SYSCALLS = ('read', 'write', 'close', 'exit_group')


def real_arches():
    """Every concrete ABI, as Scmp.Architecture values."""
    return list(Scmp.architecture_list_all())


class TestArchitecture(unittest.TestCase):
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


class TestVersion(unittest.TestCase):
    """SCMP_*_VERSION constants."""

    def test_constants(self):
        self.assertIsInstance(Scmp.MAJOR_VERSION, int)
        self.assertIsInstance(Scmp.MINOR_VERSION, int)
        self.assertIsInstance(Scmp.MICRO_VERSION, int)


if __name__ == '__main__':
    unittest.main()
