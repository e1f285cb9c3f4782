/* test-vala.vala: the Scmp-1.0 API as a Vala user sees it
 *
 * SPDX-FileCopyrightText: 2026 The scmp-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * GLib.Test, TAP output. One function per test, grouped by API area in
 * main(): to cover a new area (actions, rules, filters...), write its
 * functions and add a block of Test.add_func() calls.
 */

using Scmp;

const string[] COMMON_SYSCALLS = { "read", "write", "close", "exit_group" };

/* ---- architecture ---- */

void test_architecture_enum_values () {
    assert_cmpint ((int) Architecture.NATIVE, CompareOperator.EQ, 0);
    assert_cmpint ((int) Architecture.UNKNOWN, CompareOperator.EQ, -1);
    assert_true (Architecture.X86 != Architecture.X86_64);
}

void test_architecture_native () {
    var native = Architecture.get_native ();
    assert_true (native != Architecture.UNKNOWN);
    assert_true (native != Architecture.NATIVE);
}

void test_architecture_name_round_trip () {
    var arches = Architecture.list_all ();
    assert_cmpint (arches.length, CompareOperator.GE, 20);
    foreach (var arch in arches) {
        unowned string? name = arch.to_name ();
        assert_nonnull (name);
        assert_true (Architecture.from_name (name) == arch);
    }
    assert_cmpstr (Architecture.X86_64.to_name (), CompareOperator.EQ, "x86_64");
    assert_true (Architecture.from_name ("no-such-abi") == Architecture.UNKNOWN);
}

void test_architecture_audit_arch () {
    assert_cmpuint (Architecture.X86_64.get_audit_arch (), CompareOperator.EQ, 0xc000003eU);
    assert_true (Architecture.from_audit_arch (0xc000003eU) == Architecture.X86_64);
    assert_cmpuint (Architecture.X86_64.get_word_size (), CompareOperator.EQ, 64);
    assert_cmpuint (Architecture.ARM.get_word_size (), CompareOperator.EQ, 32);
    assert_true (Architecture.S390X.is_big_endian ());
}

/* ---- syscalls ---- */

void test_syscall_resolve () {
    assert_cmpint (syscall_resolve_name (Architecture.X86_64, "read"), CompareOperator.EQ, 0);
    assert_cmpint (syscall_resolve_name (Architecture.AARCH64, "openat"), CompareOperator.EQ, 56);
    assert_cmpint (syscall_resolve_name (Architecture.AARCH64, "open"), CompareOperator.LT, 0);
    assert_cmpstr (syscall_resolve_number (Architecture.X86_64, 0), CompareOperator.EQ, "read");
    assert_null (syscall_resolve_number (Architecture.X86_64, 100000));
}

void test_syscall_round_trip () {
    foreach (var arch in Architecture.list_all ()) {
        foreach (unowned string name in COMMON_SYSCALLS) {
            int nr = syscall_resolve_name (arch, name);
            assert_cmpint (nr, CompareOperator.GE, 0);
            assert_cmpstr (syscall_resolve_number (arch, nr), CompareOperator.EQ, name);
        }
    }
}

void test_syscall_list_names () {
    string[] names = syscall_list_names (Architecture.X86_64);
    assert_cmpint (names.length, CompareOperator.GT, 300);
    assert_true ("openat" in names);
}

void test_syscall_multiplexer () {
    int mux_nr;
    uint sub_call;
    var mux = syscall_get_multiplexer (Architecture.X86, "accept", out mux_nr, out sub_call);
    assert_true (mux == Multiplexer.SOCKETCALL);
    assert_cmpint (mux_nr, CompareOperator.EQ, 102);
    assert_cmpuint (sub_call, CompareOperator.EQ, 5);
    mux = syscall_get_multiplexer (Architecture.X86_64, "accept", out mux_nr, out sub_call);
    assert_true (mux == Multiplexer.NONE);
}

/* ---- errors ---- */

void test_error_domain () {
    assert_true (Scmp.Error.quark () != 0);
    assert_cmpstr (Scmp.Error.quark ().to_string (), CompareOperator.EQ, "scmp-error-quark");
    var err = new GLib.Error.literal (Scmp.Error.quark (), Scmp.Error.EXISTS, "x");
    assert_true (err is Scmp.Error.EXISTS);
}

/* ---- version ---- */

void test_version () {
    assert_cmpint (MAJOR_VERSION, CompareOperator.GE, 0);
    assert_cmpint (MINOR_VERSION, CompareOperator.GE, 0);
}

int main (string[] args) {
    Test.init (ref args);

    Test.add_func ("/architecture/enum-values", test_architecture_enum_values);
    Test.add_func ("/architecture/native", test_architecture_native);
    Test.add_func ("/architecture/name-round-trip", test_architecture_name_round_trip);
    Test.add_func ("/architecture/audit-arch", test_architecture_audit_arch);

    Test.add_func ("/syscall/resolve", test_syscall_resolve);
    Test.add_func ("/syscall/round-trip", test_syscall_round_trip);
    Test.add_func ("/syscall/list-names", test_syscall_list_names);
    Test.add_func ("/syscall/multiplexer", test_syscall_multiplexer);

    Test.add_func ("/error/domain", test_error_domain);

    Test.add_func ("/version/constants", test_version);

    return Test.run ();
}
