/* test-arguments.c: conditions compare what the kernel reads
 *
 * SPDX-FileCopyrightText: 2026 The scmp-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * A syscall's entry point casts each register to the declared type, so a
 * condition on an `int` must ignore the high word, one on a `umode_t` all
 * but 16 bits, and an ordering on a signed type must order as signed.
 * These tests ask the compiled program (the built-in interpreter) about
 * calls whose ignored bits are garbage; tests/test-kernel-args.c makes the
 * same calls in the kernel.
 */

#include <scmp-glib/scmp-glib.h>

#include "test-abi.h"
#include "test-rules.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/socket.h>

#define X86_NR_IPC        117
#define S390X_NR_SOCKETCALL 102
#define X32_NR_LSEEK      (8 | X32_SYSCALL_BIT)

static ScmpAction *
errno_action (guint value)
{
  g_autoptr(GError) error = NULL;
  ScmpAction *action = scmp_action_new_errno (value, &error);

  g_assert_no_error (error);
  return action;
}

static ScmpFilter *
filter_for (ScmpArchitecture  arch,
            ScmpAction       *dflt)
{
  ScmpFilter *filter = scmp_filter_new (dflt);
  g_autoptr(GError) error = NULL;

  if (!scmp_filter_has_arch (filter, arch))
    {
      /* Native first: the ABIs of a filter share a byte order. */
      g_assert_true (scmp_filter_remove_arch (filter, SCMP_ARCHITECTURE_NATIVE, &error));
      g_assert_true (scmp_filter_add_arch (filter, arch, &error));
      g_assert_no_error (error);
    }
  return filter;
}

/* The action string the compiled program gives a call by number. */
static char *
eval_nr (ScmpFilter       *filter,
         ScmpArchitecture  arch,
         int               nr,
         guint64           a0,
         guint64           a1,
         guint64           a2)
{
  guint64 args[6] = { a0, a1, a2, 0, 0, 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(ScmpAction) action = scmp_filter_evaluate (filter, arch, nr, args, 6, &error);

  g_assert_no_error (error);
  g_assert_nonnull (action);
  return scmp_action_to_string (action);
}

#define assert_call(filter, arch, name, a0, a1, a2, expected) \
  G_STMT_START { \
    int _nr = scmp_syscall_resolve_name ((arch), (name)); \
    g_autofree char *_got = NULL; \
    g_assert_cmpint (_nr, >=, 0); \
    _got = eval_nr ((filter), (arch), _nr, (a0), (a1), (a2)); \
    g_assert_cmpstr (_got, ==, (expected)); \
  } G_STMT_END

#define assert_nr(filter, arch, nr, a0, a1, a2, expected) \
  G_STMT_START { \
    g_autofree char *_got = eval_nr ((filter), (arch), (nr), (a0), (a1), (a2)); \
    g_assert_cmpstr (_got, ==, (expected)); \
  } G_STMT_END

static void
test_int_ignores_high_word (void)
{
  g_autoptr(ScmpAction) allow = scmp_action_new_allow ();
  g_autoptr(ScmpAction) deny = errno_action (EAFNOSUPPORT);
  g_autoptr(ScmpFilter) filter = filter_for (SCMP_ARCHITECTURE_X86_64, allow);
  ScmpCondition inet = { .arg = 0, .op = SCMP_COMPARE_OP_EQ, .datum = AF_INET };

  g_test_summary ("socket's family is an int: a garbage high word cannot "
                  "get an AF_INET socket past a rule on AF_INET.");

  test_add_rule (filter, "socket", deny, &inet, 1);
  assert_call (filter, SCMP_ARCHITECTURE_X86_64, "socket", AF_INET, SOCK_STREAM, 0, "errno(97)");
  assert_call (filter, SCMP_ARCHITECTURE_X86_64, "socket",
               G_GUINT64_CONSTANT (0x100000002), SOCK_STREAM, 0, "errno(97)");
  assert_call (filter, SCMP_ARCHITECTURE_X86_64, "socket",
               G_GUINT64_CONSTANT (0xffffffff00000002), SOCK_STREAM, 0, "errno(97)");
  assert_call (filter, SCMP_ARCHITECTURE_X86_64, "socket", AF_UNIX, SOCK_STREAM, 0, "allow");
  assert_call (filter, SCMP_ARCHITECTURE_X86_64, "socket",
               G_GUINT64_CONSTANT (0x200000001), SOCK_STREAM, 0, "allow");
}

static void
test_at_fdcwd_both_forms (void)
{
  g_autoptr(ScmpAction) allow = scmp_action_new_allow ();
  g_autoptr(ScmpAction) deny = errno_action (EACCES);
  const guint64 sign_extended = (guint64) (gint64) AT_FDCWD;
  const guint64 zero_extended = (guint32) AT_FDCWD;
  const ScmpArchitecture arches[] = { SCMP_ARCHITECTURE_X86_64, SCMP_ARCHITECTURE_X86,
                                      SCMP_ARCHITECTURE_AARCH64 };

  g_test_summary ("openat's dirfd is an int: AT_FDCWD matches in either "
                  "register form, whichever form the rule gives.");

  for (gsize a = 0; a < G_N_ELEMENTS (arches); a++)
    for (guint form = 0; form < 2; form++)
      {
        g_autoptr(ScmpFilter) filter = filter_for (arches[a], allow);
        ScmpCondition cwd = { .arg = 0, .op = SCMP_COMPARE_OP_EQ,
                              .datum = form == 0 ? sign_extended : zero_extended };

        test_add_rule (filter, "openat", deny, &cwd, 1);
        assert_call (filter, arches[a], "openat", sign_extended, 0, 0, "errno(13)");
        assert_call (filter, arches[a], "openat", zero_extended, 0, 0, "errno(13)");
        assert_call (filter, arches[a], "openat", 3, 0, 0, "allow");
      }
}

static void
test_umode_t (void)
{
  g_autoptr(ScmpAction) allow = scmp_action_new_allow ();
  g_autoptr(ScmpAction) deny = errno_action (EROFS);
  g_autoptr(ScmpFilter) filter = filter_for (SCMP_ARCHITECTURE_X86_64, allow);
  ScmpCondition mode = { .arg = 2, .op = SCMP_COMPARE_OP_EQ, .datum = 0700 };
  ScmpCondition too_big = { .arg = 2, .op = SCMP_COMPARE_OP_EQ, .datum = 0x10000 };
  g_autoptr(ScmpRule) bad = scmp_rule_newv ("mkdirat", deny, &too_big, 1);
  g_autoptr(GError) error = NULL;

  g_test_summary ("mkdirat's mode is a umode_t: bits 16 and up never count, "
                  "and a value of 17 bits is refused.");

  test_add_rule (filter, "mkdirat", deny, &mode, 1);
  assert_call (filter, SCMP_ARCHITECTURE_X86_64, "mkdirat", 3, 0, 0700, "errno(30)");
  assert_call (filter, SCMP_ARCHITECTURE_X86_64, "mkdirat", 3, 0,
               0700 | 0x10000 | G_GUINT64_CONSTANT (0xffff00000000), "errno(30)");
  assert_call (filter, SCMP_ARCHITECTURE_X86_64, "mkdirat", 3, 0, 0701, "allow");

  g_assert_false (scmp_filter_add_rule (filter, bad, &error));
  g_assert_error (error, SCMP_ERROR, SCMP_ERROR_INVALID_ARGUMENT);
  g_assert_nonnull (strstr (error->message, "argument 2 of “mkdirat”"));
  g_assert_nonnull (strstr (error->message, "unsigned 16-bit"));
  g_assert_nonnull (strstr (error->message, "0x10000"));
  g_assert_cmpuint (scmp_filter_get_n_rules (filter), ==, 1);
}

static void
test_signed_orderings (void)
{
  g_autoptr(ScmpAction) allow = scmp_action_new_allow ();
  g_autoptr(ScmpAction) deny = errno_action (ESRCH);
  const ScmpArchitecture arches[] = { SCMP_ARCHITECTURE_X86_64, SCMP_ARCHITECTURE_X86,
                                      SCMP_ARCHITECTURE_S390X };
  const struct {
    ScmpCompareOp op;
    gint64        datum;
    guint64       value;
    gboolean      holds;
  } cases[] = {
    /* kill's pid is a pid_t: negative values are process groups. */
    { SCMP_COMPARE_OP_LT, 0, 0xffffffff, TRUE },
    { SCMP_COMPARE_OP_LT, 0, 0x80000000, TRUE },
    { SCMP_COMPARE_OP_LT, 0, 0x7fffffff, FALSE },
    { SCMP_COMPARE_OP_LT, 0, 0, FALSE },
    { SCMP_COMPARE_OP_LT, 0, G_GUINT64_CONSTANT (0xdead00000001), FALSE },
    { SCMP_COMPARE_OP_LT, 0, G_GUINT64_CONSTANT (0x1ffffffff), TRUE },
    { SCMP_COMPARE_OP_LE, -2, 0xfffffffe, TRUE },
    { SCMP_COMPARE_OP_LE, -2, 0xffffffff, FALSE },
    { SCMP_COMPARE_OP_LE, -2, 0x80000000, TRUE },
    { SCMP_COMPARE_OP_LE, -2, 5, FALSE },
    /* > -2 holds for -1 and 0 … INT_MAX: as bit patterns, it wraps. */
    { SCMP_COMPARE_OP_GT, -2, 0xffffffff, TRUE },
    { SCMP_COMPARE_OP_GT, -2, 0, TRUE },
    { SCMP_COMPARE_OP_GT, -2, 0x7fffffff, TRUE },
    { SCMP_COMPARE_OP_GT, -2, 0xfffffffe, FALSE },
    { SCMP_COMPARE_OP_GT, -2, 0x80000000, FALSE },
    { SCMP_COMPARE_OP_GE, 1, 1, TRUE },
    { SCMP_COMPARE_OP_GE, 1, 0x80000000, FALSE },
    { SCMP_COMPARE_OP_GE, 1, 0, FALSE },
    { SCMP_COMPARE_OP_GE, G_MININT32, 0x80000000, TRUE },
    { SCMP_COMPARE_OP_GE, G_MININT32, 0, TRUE },
    { SCMP_COMPARE_OP_LT, G_MININT32, 0x80000000, FALSE },
    { SCMP_COMPARE_OP_NE, -1, 0xffffffff, FALSE },
    { SCMP_COMPARE_OP_NE, -1, G_MAXUINT64, FALSE },
    { SCMP_COMPARE_OP_NE, -1, 0x7fffffff, TRUE },
  };

  g_test_summary ("Orderings on a signed argument order as the kernel "
                  "reads it: pid < 0 means negative.");

  for (gsize a = 0; a < G_N_ELEMENTS (arches); a++)
    for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
      {
        g_autoptr(ScmpFilter) filter = filter_for (arches[a], allow);
        ScmpCondition c = { .arg = 0, .op = cases[i].op, .datum = (guint64) cases[i].datum };

        test_add_rule (filter, "kill", deny, &c, 1);
        assert_call (filter, arches[a], "kill", cases[i].value, 9, 0,
                     cases[i].holds ? "errno(3)" : "allow");
      }
}

static void
test_signed_64bit (void)
{
  g_autoptr(ScmpAction) allow = scmp_action_new_allow ();
  g_autoptr(ScmpAction) deny = errno_action (EINVAL);
  g_autoptr(ScmpFilter) filter = filter_for (SCMP_ARCHITECTURE_X86_64, allow);
  ScmpCondition negative = { .arg = 1, .op = SCMP_COMPARE_OP_LT, .datum = 0 };
  ScmpCondition big = { .arg = 1, .op = SCMP_COMPARE_OP_GT, .datum = G_GUINT64_CONSTANT (0x100000000) };

  g_test_summary ("lseek's offset is an off_t: a 64-bit signed number.");

  test_add_rule (filter, "lseek", deny, &negative, 1);
  test_add_rule (filter, "lseek", deny, &big, 1);
  assert_call (filter, SCMP_ARCHITECTURE_X86_64, "lseek", 3, G_MAXUINT64, 0, "errno(22)");
  assert_call (filter, SCMP_ARCHITECTURE_X86_64, "lseek", 3,
               G_GUINT64_CONSTANT (0x8000000000000000), 0, "errno(22)");
  assert_call (filter, SCMP_ARCHITECTURE_X86_64, "lseek", 3, 5, 0, "allow");
  assert_call (filter, SCMP_ARCHITECTURE_X86_64, "lseek", 3, 0xffffffff, 0, "allow");
  assert_call (filter, SCMP_ARCHITECTURE_X86_64, "lseek", 3, G_GUINT64_CONSTANT (0x100000000), 0, "allow");
  assert_call (filter, SCMP_ARCHITECTURE_X86_64, "lseek", 3, G_GUINT64_CONSTANT (0x100000001), 0, "errno(22)");
  assert_call (filter, SCMP_ARCHITECTURE_X86_64, "lseek", 3,
               G_GUINT64_CONSTANT (0x7fffffffffffffff), 0, "errno(22)");
}

static void
test_x32_longs (void)
{
  g_autoptr(ScmpAction) dflt = errno_action (EPERM);
  g_autoptr(ScmpAction) allow = scmp_action_new_allow ();
  g_autoptr(ScmpFilter) filter = filter_for (SCMP_ARCHITECTURE_X32, dflt);
  ScmpCondition at_start = { .arg = 1, .op = SCMP_COMPARE_OP_EQ, .datum = 0 };
  ScmpCondition above_4g = { .arg = 1, .op = SCMP_COMPARE_OP_GE, .datum = G_GUINT64_CONSTANT (0x100000000) };
  g_autoptr(ScmpRule) wide = scmp_rule_newv ("lseek", allow, &above_4g, 1);
  g_autoptr(GError) error = NULL;

  g_test_summary ("x32's lseek enters the 64-bit kernel function: its "
                  "offset is compared in all 64 bits.");

  g_assert_true (scmp_filter_add_arch (filter, SCMP_ARCHITECTURE_X86_64, &error));
  g_assert_no_error (error);
  test_add_rule (filter, "lseek", allow, &at_start, 1);
  assert_nr (filter, SCMP_ARCHITECTURE_X32, X32_NR_LSEEK, 3, 0, 0, "allow");
  assert_nr (filter, SCMP_ARCHITECTURE_X32, X32_NR_LSEEK, 3, G_GUINT64_CONSTANT (0x100000000), 0, "errno(1)");
  assert_call (filter, SCMP_ARCHITECTURE_X86_64, "lseek", 3, G_GUINT64_CONSTANT (0x100000000), 0, "errno(1)");

  /* 64-bit data are fine on x32, where the kernel reads 64 bits. */
  g_assert_true (scmp_filter_add_rule (filter, wide, &error));
  g_assert_no_error (error);
  assert_nr (filter, SCMP_ARCHITECTURE_X32, X32_NR_LSEEK, 3, G_GUINT64_CONSTANT (0x200000000), 0, "allow");
}

/* On i386, arm, m68k, s390 and sh, "setuid" is the old setuid16 entry:
 * its uid is an old_uid_t (unsigned short), so 0x10000 is root. */
static void
test_setuid16 (void)
{
  static const ScmpArchitecture arches16[] = { SCMP_ARCHITECTURE_X86, SCMP_ARCHITECTURE_ARM, SCMP_ARCHITECTURE_S390 };

  for (gsize i = 0; i < G_N_ELEMENTS (arches16); i++)
    {
      g_autoptr(ScmpAction) allow = scmp_action_new_allow ();
      g_autoptr(ScmpAction) deny = errno_action (EPERM);
      g_autoptr(ScmpFilter) filter = filter_for (arches16[i], allow);
      const ScmpCondition root = { 0, SCMP_COMPARE_OP_EQ, 0, 0, FALSE };
      const ScmpCondition big = { 0, SCMP_COMPARE_OP_EQ, 0x10000, 0, FALSE };
      g_autoptr(ScmpRule) too_big = scmp_rule_newv ("setuid", deny, &big, 1);
      g_autoptr(GError) error = NULL;

      test_add_rule (filter, "setuid", deny, &root, 1);
      assert_call (filter, arches16[i], "setuid", 0, 0, 0, "errno(1)");
      assert_call (filter, arches16[i], "setuid", 0x10000, 0, 0, "errno(1)");
      assert_call (filter, arches16[i], "setuid", 0xffff0000, 0, 0, "errno(1)");
      assert_call (filter, arches16[i], "setuid", 1000, 0, 0, "allow");
      /* setuid32 takes a whole uid_t. */
      test_add_rule (filter, "setuid32", deny, &root, 1);
      assert_call (filter, arches16[i], "setuid32", 0x10000, 0, 0, "allow");
      g_assert_false (scmp_filter_add_rule (filter, too_big, &error));
      g_assert_error (error, SCMP_ERROR, SCMP_ERROR_INVALID_ARGUMENT);
    }

  {
    /* x86_64's setuid is the uid_t one. */
    g_autoptr(ScmpAction) allow = scmp_action_new_allow ();
    g_autoptr(ScmpAction) deny = errno_action (EPERM);
    g_autoptr(ScmpFilter) filter = filter_for (SCMP_ARCHITECTURE_X86_64, allow);
    const ScmpCondition root = { 0, SCMP_COMPARE_OP_EQ, 0, 0, FALSE };

    test_add_rule (filter, "setuid", deny, &root, 1);
    assert_call (filter, SCMP_ARCHITECTURE_X86_64, "setuid", 0x10000, 0, 0, "allow");
    assert_call (filter, SCMP_ARCHITECTURE_X86_64, "setuid", G_GUINT64_CONSTANT (0x100000000), 0, 0, "errno(1)");
  }
}

static void
test_ipc_version_bits (void)
{
  g_autoptr(ScmpAction) allow = scmp_action_new_allow ();
  g_autoptr(ScmpAction) kill = scmp_action_new_kill_process ();
  g_autoptr(ScmpFilter) filter = filter_for (SCMP_ARCHITECTURE_X86, allow);
  g_autoptr(ScmpRule) semget = scmp_rule_new ("semget", kill);
  g_autoptr(GError) error = NULL;

  g_test_summary ("ipc(2) dispatches on the low 16 bits of its call; the "
                  "rest is a version a rule on semget cannot be bypassed with.");

  g_assert_true (scmp_filter_add_rule (filter, semget, &error));
  g_assert_no_error (error);
  assert_nr (filter, SCMP_ARCHITECTURE_X86, X86_NR_IPC, 2, 0, 0, "kill-process");
  assert_nr (filter, SCMP_ARCHITECTURE_X86, X86_NR_IPC, 0x10002, 0, 0, "kill-process");
  assert_nr (filter, SCMP_ARCHITECTURE_X86, X86_NR_IPC, 0xffff0002, 0, 0, "kill-process");
  assert_nr (filter, SCMP_ARCHITECTURE_X86, X86_NR_IPC, 3, 0, 0, "allow");
  assert_nr (filter, SCMP_ARCHITECTURE_X86, X86_NR_IPC, 0x10003, 0, 0, "allow");
  assert_call (filter, SCMP_ARCHITECTURE_X86, "semget", 0, 1, 0, "kill-process");
}

static void
test_socketcall_int (void)
{
  g_autoptr(ScmpAction) allow = scmp_action_new_allow ();
  g_autoptr(ScmpAction) deny = errno_action (EACCES);
  g_autoptr(ScmpFilter) filter = filter_for (SCMP_ARCHITECTURE_S390X, allow);
  g_autoptr(ScmpRule) socket_rule = scmp_rule_new ("socket", deny);
  g_autoptr(GError) error = NULL;

  g_test_summary ("socketcall(2) reads its call as an int, also on 64-bit ABIs.");

  g_assert_true (scmp_filter_add_rule (filter, socket_rule, &error));
  g_assert_no_error (error);
  assert_nr (filter, SCMP_ARCHITECTURE_S390X, S390X_NR_SOCKETCALL, 1, 0, 0, "errno(13)");
  assert_nr (filter, SCMP_ARCHITECTURE_S390X, S390X_NR_SOCKETCALL,
             G_GUINT64_CONSTANT (0x100000001), 0, 0, "errno(13)");
  assert_nr (filter, SCMP_ARCHITECTURE_S390X, S390X_NR_SOCKETCALL, 2, 0, 0, "allow");
}

static void
test_data_that_cannot_fit (void)
{
  g_autoptr(ScmpAction) allow = scmp_action_new_allow ();
  g_autoptr(ScmpAction) deny = errno_action (EPERM);
  const ScmpArchitecture arches[] = { SCMP_ARCHITECTURE_X86_64, SCMP_ARCHITECTURE_X86,
                                      SCMP_ARCHITECTURE_AARCH64, SCMP_ARCHITECTURE_X32,
                                      SCMP_ARCHITECTURE_MIPS64N32, SCMP_ARCHITECTURE_PPC64 };

  g_test_summary ("A value an argument cannot hold is an error on every ABI, "
                  "and the filter is left as it was.");

  for (gsize a = 0; a < G_N_ELEMENTS (arches); a++)
    {
      g_autoptr(ScmpFilter) filter = filter_for (arches[a], allow);
      ScmpCondition wide = { .arg = 0, .op = SCMP_COMPARE_OP_EQ, .datum = G_GUINT64_CONSTANT (0x100000000) };
      ScmpCondition neg = { .arg = 0, .op = SCMP_COMPARE_OP_EQ, .datum = G_MAXUINT64 };
      g_autoptr(ScmpRule) bad = scmp_rule_newv ("socket", deny, &wide, 1);
      g_autoptr(ScmpRule) ok = scmp_rule_newv ("socket", deny, &neg, 1);
      g_autofree char *before = NULL, *after = NULL;
      g_autoptr(GError) error = NULL;

      before = scmp_filter_export_pfc (filter, &error);
      g_assert_no_error (error);
      g_assert_false (scmp_filter_add_rule (filter, bad, &error));
      g_assert_error (error, SCMP_ERROR, SCMP_ERROR_INVALID_ARGUMENT);
      g_assert_nonnull (strstr (error->message, scmp_architecture_to_name (arches[a])));
      g_assert_nonnull (strstr (error->message, "argument 0 of “socket”"));
      g_assert_nonnull (strstr (error->message, "signed 32-bit"));
      g_assert_nonnull (strstr (error->message, "0x100000000"));
      g_clear_error (&error);
      after = scmp_filter_export_pfc (filter, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (before, ==, after);
      g_assert_cmpuint (scmp_filter_get_n_rules (filter), ==, 0);

      /* -1, sign-extended, is an int's value. */
      g_assert_true (scmp_filter_add_rule (filter, ok, &error));
      g_assert_no_error (error);
    }
}

static void
test_wide_mask_on_32bit_abi (void)
{
  g_autoptr(ScmpAction) allow = scmp_action_new_allow ();
  g_autoptr(ScmpAction) deny = errno_action (EPERM);
  g_autoptr(ScmpFilter) filter = filter_for (SCMP_ARCHITECTURE_X86, allow);
  ScmpCondition wide_mask = { .arg = 2, .op = SCMP_COMPARE_OP_MASKED_EQ,
                              .mask = G_GUINT64_CONSTANT (0xff00000000), .datum = 0 };
  ScmpCondition all_ones = { .arg = 2, .op = SCMP_COMPARE_OP_MASKED_EQ,
                             .mask = G_MAXUINT64, .datum = 4 };
  g_autoptr(ScmpRule) bad = scmp_rule_newv ("mmap2", deny, &wide_mask, 1);
  g_autoptr(ScmpRule) ok = scmp_rule_newv ("mmap2", deny, &all_ones, 1);
  g_autoptr(GError) error = NULL;

  g_test_summary ("A mask wider than 32 bits is refused on 32-bit ABIs.");

  g_assert_false (scmp_filter_add_rule (filter, bad, &error));
  g_assert_error (error, SCMP_ERROR, SCMP_ERROR_INVALID_ARGUMENT);
  g_assert_nonnull (strstr (error->message, "mask 0xff00000000"));
  g_clear_error (&error);
  g_assert_cmpuint (scmp_filter_get_n_rules (filter), ==, 0);

  g_assert_true (scmp_filter_add_rule (filter, ok, &error));
  g_assert_no_error (error);
  assert_call (filter, SCMP_ARCHITECTURE_X86, "mmap2", 0, 4096, 4, "errno(1)");
  assert_call (filter, SCMP_ARCHITECTURE_X86, "mmap2", 0, 4096, 5, "allow");
}

static void
test_condition_32_keeps_working (void)
{
  g_autoptr(ScmpAction) allow = scmp_action_new_allow ();
  g_autoptr(ScmpAction) deny = errno_action (EPERM);
  g_autoptr(ScmpFilter) filter = filter_for (SCMP_ARCHITECTURE_X86_64, allow);
  ScmpCondition low = { .arg = 1, .op = SCMP_COMPARE_OP_EQ, .datum = 5, .is_32bit = TRUE };

  g_test_summary ("scmp_condition_new_32() compares the low 32 bits, unsigned, "
                  "of a 64-bit argument.");

  test_add_rule (filter, "lseek", deny, &low, 1);
  assert_call (filter, SCMP_ARCHITECTURE_X86_64, "lseek", 3, G_GUINT64_CONSTANT (0xdead00000005), 0, "errno(1)");
  assert_call (filter, SCMP_ARCHITECTURE_X86_64, "lseek", 3, 6, 0, "allow");
}

static void
test_pfc_shows_width (void)
{
  g_autoptr(ScmpAction) allow = scmp_action_new_allow ();
  g_autoptr(ScmpAction) deny = errno_action (EPERM);
  g_autoptr(ScmpFilter) filter = filter_for (SCMP_ARCHITECTURE_X86_64, allow);
  ScmpCondition inet = { .arg = 0, .op = SCMP_COMPARE_OP_EQ, .datum = AF_INET };
  ScmpCondition cwd = { .arg = 0, .op = SCMP_COMPARE_OP_EQ, .datum = (guint64) (gint64) AT_FDCWD };
  ScmpCondition mode = { .arg = 3, .op = SCMP_COMPARE_OP_MASKED_EQ, .mask = 0777, .datum = 0700 };
  ScmpCondition offset = { .arg = 1, .op = SCMP_COMPARE_OP_LT, .datum = 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *pfc = NULL;

  g_test_summary ("PFC shows the width and signedness actually compared.");

  test_add_rule (filter, "socket", deny, &inet, 1);
  test_add_rule (filter, "openat", deny, &cwd, 1);
  test_add_rule (filter, "openat", deny, &mode, 1);
  test_add_rule (filter, "lseek", deny, &offset, 1);
  pfc = scmp_filter_export_pfc (filter, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (pfc, "if ($a0.s32 == 0x2)"));
  g_assert_nonnull (strstr (pfc, "if ($a0.s32 == -0x64)"));
  g_assert_nonnull (strstr (pfc, "if (($a3.u16 & 0x1ff) == 0x1c0)"));
  g_assert_nonnull (strstr (pfc, "if ($a1.s64 < 0x0)"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/arguments/int/high-word", test_int_ignores_high_word);
  g_test_add_func ("/arguments/int/at-fdcwd", test_at_fdcwd_both_forms);
  g_test_add_func ("/arguments/umode-t", test_umode_t);
  g_test_add_func ("/arguments/signed/32-bit", test_signed_orderings);
  g_test_add_func ("/arguments/signed/64-bit", test_signed_64bit);
  g_test_add_func ("/arguments/x32-longs", test_x32_longs);
  g_test_add_func ("/arguments/setuid16", test_setuid16);
  g_test_add_func ("/arguments/multiplexer/ipc-version", test_ipc_version_bits);
  g_test_add_func ("/arguments/multiplexer/socketcall-int", test_socketcall_int);
  g_test_add_func ("/arguments/errors/datum", test_data_that_cannot_fit);
  g_test_add_func ("/arguments/errors/wide-mask", test_wide_mask_on_32bit_abi);
  g_test_add_func ("/arguments/condition-32", test_condition_32_keeps_working);
  g_test_add_func ("/arguments/pfc", test_pfc_shows_width);

  return g_test_run ();
}
