/* test-reference.c: the oracle (reference.c) against facts about the kernel
 *
 * SPDX-FileCopyrightText: 2026 The scmp-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Every expected value here is worked out by hand from the kernel's code
 * (the syscall entry's cast, ksys_ipc(), __sys_socketcall(), seccomp's
 * action precedence), not from scmp-glib: the oracle must be right on its
 * own before the differential tests may trust it.
 */

#include <scmp-glib/scmp-glib.h>

#include <errno.h>
#include <linux/seccomp.h>

#include "reference.h"
#include "test-rules.h"

#define X32_BIT 0x40000000u

static guint32 audit_x86_64 = 0xc000003e, audit_x86 = 0x40000003, audit_s390x = 0x80000016;

/* A filter on @arches only. */
static ScmpFilter *
filter_new (ScmpAction             *dflt,
            const ScmpArchitecture *arches,
            gsize                   n_arches)
{
  ScmpFilter *filter = scmp_filter_new (dflt);
  ScmpArchitecture native = scmp_architecture_get_native ();
  gboolean keep_native = FALSE;

  for (gsize i = 0; i < n_arches; i++)
    keep_native |= arches[i] == native;
  if (!keep_native)
    g_assert_true (scmp_filter_remove_arch (filter, native, NULL));
  for (gsize i = 0; i < n_arches; i++)
    if (arches[i] != native)
      g_assert_true (scmp_filter_add_arch (filter, arches[i], NULL));
  return filter;
}

static guint32
eval (ScmpFilter *filter,
      guint32     audit_arch,
      guint32     nr,
      guint64     a0,
      guint64     a1,
      guint64     a2,
      guint64     a3)
{
  g_autoptr(RefFilter) ref = ref_filter_new (filter);
  const guint64 args[6] = { a0, a1, a2, a3, 0, 0 };

  return ref_filter_evaluate (ref, audit_arch, (gint32) nr, args);
}

/* socket(int family, ...): SYSCALL_DEFINE3's cast keeps the low 32 bits. */
static void
test_int_argument (void)
{
  const ScmpArchitecture arches[] = { SCMP_ARCHITECTURE_X86_64 };
  g_autoptr(ScmpAction) allow = scmp_action_new_allow ();
  g_autoptr(ScmpAction) deny = scmp_action_new_errno (EAFNOSUPPORT, NULL);
  g_autoptr(ScmpFilter) filter = filter_new (allow, arches, 1);
  const ScmpCondition inet = { 0, SCMP_COMPARE_OP_EQ, 2, 0, FALSE };
  const guint32 denied = SECCOMP_RET_ERRNO | EAFNOSUPPORT;

  test_add_rule (filter, "socket", deny, &inet, 1);
  g_assert_cmphex (eval (filter, audit_x86_64, 41, 2, 1, 0, 0), ==, denied);
  g_assert_cmphex (eval (filter, audit_x86_64, 41, G_GUINT64_CONSTANT (0x100000002), 1, 0, 0), ==, denied);
  g_assert_cmphex (eval (filter, audit_x86_64, 41, G_GUINT64_CONSTANT (0xffffffff00000002), 1, 0, 0), ==, denied);
  g_assert_cmphex (eval (filter, audit_x86_64, 41, 10, 1, 0, 0), ==, SECCOMP_RET_ALLOW);
}

/* kill(pid_t pid, int sig): "pid < 0" is a negative int, whatever the
 * upper half of the register holds. */
static void
test_signed_ordering (void)
{
  const ScmpArchitecture arches[] = { SCMP_ARCHITECTURE_X86_64 };
  g_autoptr(ScmpAction) allow = scmp_action_new_allow ();
  g_autoptr(ScmpAction) deny = scmp_action_new_errno (EPERM, NULL);
  g_autoptr(ScmpFilter) filter = filter_new (allow, arches, 1);
  const ScmpCondition negative = { 0, SCMP_COMPARE_OP_LT, 0, 0, FALSE };
  const guint32 denied = SECCOMP_RET_ERRNO | EPERM;

  test_add_rule (filter, "kill", deny, &negative, 1);
  g_assert_cmphex (eval (filter, audit_x86_64, 62, G_MAXUINT64, 0, 0, 0), ==, denied);
  g_assert_cmphex (eval (filter, audit_x86_64, 62, 0xffffffff, 0, 0, 0), ==, denied);
  g_assert_cmphex (eval (filter, audit_x86_64, 62, 0x80000000, 0, 0, 0), ==, denied);
  g_assert_cmphex (eval (filter, audit_x86_64, 62, 0x7fffffff, 0, 0, 0), ==, SECCOMP_RET_ALLOW);
  g_assert_cmphex (eval (filter, audit_x86_64, 62, G_GUINT64_CONSTANT (0x100000000), 0, 0, 0), ==, SECCOMP_RET_ALLOW);
  g_assert_cmphex (eval (filter, audit_x86_64, 62, 1, 0, 0, 0), ==, SECCOMP_RET_ALLOW);
}

/* lseek(unsigned int fd, off_t offset, ...): off_t is a long, and x32's
 * lseek is the x86_64 entry, so the whole 64-bit register counts there. */
static void
test_x32_long (void)
{
  const ScmpArchitecture arches[] = { SCMP_ARCHITECTURE_X86_64, SCMP_ARCHITECTURE_X32 };
  g_autoptr(ScmpAction) deny = scmp_action_new_errno (EPERM, NULL);
  g_autoptr(ScmpAction) allow = scmp_action_new_allow ();
  g_autoptr(ScmpFilter) filter = filter_new (deny, arches, 2);
  const ScmpCondition zero = { 1, SCMP_COMPARE_OP_EQ, 0, 0, FALSE };
  const guint32 denied = SECCOMP_RET_ERRNO | EPERM;

  test_add_rule (filter, "lseek", allow, &zero, 1);
  g_assert_cmphex (eval (filter, audit_x86_64, 8, 3, 0, 0, 0), ==, SECCOMP_RET_ALLOW);
  g_assert_cmphex (eval (filter, audit_x86_64, 8, 3, G_GUINT64_CONSTANT (0x100000000), 0, 0), ==, denied);
  g_assert_cmphex (eval (filter, audit_x86_64, 8 | X32_BIT, 3, 0, 0, 0), ==, SECCOMP_RET_ALLOW);
  g_assert_cmphex (eval (filter, audit_x86_64, 8 | X32_BIT, 3, G_GUINT64_CONSTANT (0x100000000), 0, 0), ==, denied);
  /* fd is an unsigned int: its upper half is ignored. */
  g_assert_cmphex (eval (filter, audit_x86_64, 8, G_GUINT64_CONSTANT (0x500000003), 0, 0, 0), ==, SECCOMP_RET_ALLOW);
}

/* ksys_ipc(): version = call >> 16, call &= 0xffff. semget is 2. */
static void
test_ipc_version_bits (void)
{
  const ScmpArchitecture arches[] = { SCMP_ARCHITECTURE_X86 };
  g_autoptr(ScmpAction) allow = scmp_action_new_allow ();
  g_autoptr(ScmpAction) kill = scmp_action_new_kill_process ();
  g_autoptr(ScmpFilter) filter = filter_new (allow, arches, 1);

  test_add_rule (filter, "semget", kill, NULL, 0);
  g_assert_cmphex (eval (filter, audit_x86, 117, 2, 0, 0, 0), ==, SECCOMP_RET_KILL_PROCESS);
  g_assert_cmphex (eval (filter, audit_x86, 117, 0x10002, 0, 0, 0), ==, SECCOMP_RET_KILL_PROCESS);
  g_assert_cmphex (eval (filter, audit_x86, 117, 0xffff0002, 0, 0, 0), ==, SECCOMP_RET_KILL_PROCESS);
  g_assert_cmphex (eval (filter, audit_x86, 117, 3, 0, 0, 0), ==, SECCOMP_RET_ALLOW);
  g_assert_cmphex (eval (filter, audit_x86, 117, 0x20003, 0, 0, 0), ==, SECCOMP_RET_ALLOW);
  /* The direct semget number of i386 (393). */
  g_assert_cmphex (eval (filter, audit_x86, 393, 0, 0, 0, 0), ==, SECCOMP_RET_KILL_PROCESS);
}

/* __sys_socketcall(int call, ...) on s390x, a 64-bit ABI: the low 32 bits
 * of the register. socket is 1. A rule with conditions cannot see the
 * arguments in memory: the more restrictive outcome. */
static void
test_socketcall (void)
{
  const ScmpArchitecture arches[] = { SCMP_ARCHITECTURE_S390X };
  g_autoptr(ScmpAction) allow = scmp_action_new_allow ();
  g_autoptr(ScmpAction) deny = scmp_action_new_errno (EACCES, NULL);
  g_autoptr(ScmpAction) trap = scmp_action_new_trap (7);
  g_autoptr(ScmpFilter) filter = filter_new (allow, arches, 1);
  const ScmpCondition unix_family = { 0, SCMP_COMPARE_OP_EQ, 1, 0, FALSE };
  const guint32 denied = SECCOMP_RET_ERRNO | EACCES;

  test_add_rule (filter, "socket", deny, NULL, 0);
  test_add_rule (filter, "connect", trap, &unix_family, 1);
  g_assert_cmphex (eval (filter, audit_s390x, 102, 1, 0, 0, 0), ==, denied);
  g_assert_cmphex (eval (filter, audit_s390x, 102, G_GUINT64_CONSTANT (0xffffffff00000001), 0, 0, 0), ==, denied);
  g_assert_cmphex (eval (filter, audit_s390x, 102, G_GUINT64_CONSTANT (0x100000002), 0, 0, 0), ==, SECCOMP_RET_ALLOW);
  /* connect (3) through socketcall: trap is more restrictive than allow. */
  g_assert_cmphex (eval (filter, audit_s390x, 102, 3, 0, 0, 0), ==, SECCOMP_RET_TRAP | 7);
  /* The direct connect (362 on s390x) sees its argument. */
  g_assert_cmphex (eval (filter, audit_s390x, 362, 1, 0, 0, 0), ==, SECCOMP_RET_TRAP | 7);
  g_assert_cmphex (eval (filter, audit_s390x, 362, 2, 0, 0, 0), ==, SECCOMP_RET_ALLOW);
}

/* Masks and 32-bit conditions cut to what the kernel reads. */
static void
test_masks_and_32bit (void)
{
  const ScmpArchitecture arches[] = { SCMP_ARCHITECTURE_X86_64 };
  g_autoptr(ScmpAction) allow = scmp_action_new_allow ();
  g_autoptr(ScmpAction) log = scmp_action_new_log ();
  g_autoptr(ScmpAction) trap = scmp_action_new_trap (0);
  g_autoptr(ScmpFilter) filter = filter_new (allow, arches, 1);
  /* openat's umode_t mode: 16 bits. */
  const ScmpCondition mode = { 3, SCMP_COMPARE_OP_MASKED_EQ, 0x1c0, 0x1ff, FALSE };
  /* lseek's off_t, compared in 32 bits on request. */
  const ScmpCondition low_offset = { 1, SCMP_COMPARE_OP_EQ, 5, 0, TRUE };

  test_add_rule (filter, "openat", log, &mode, 1);
  test_add_rule (filter, "lseek", trap, &low_offset, 1);
  g_assert_cmphex (eval (filter, audit_x86_64, 257, 0, 0, 0, 0x1c0), ==, SECCOMP_RET_LOG);
  g_assert_cmphex (eval (filter, audit_x86_64, 257, 0, 0, 0, G_GUINT64_CONSTANT (0xffff0000000fe1c0)), ==, SECCOMP_RET_LOG);
  g_assert_cmphex (eval (filter, audit_x86_64, 257, 0, 0, 0, 0x1c1), ==, SECCOMP_RET_ALLOW);
  g_assert_cmphex (eval (filter, audit_x86_64, 8, 0, G_GUINT64_CONSTANT (0xabcdef0000000005), 0, 0), ==, SECCOMP_RET_TRAP);
  g_assert_cmphex (eval (filter, audit_x86_64, 8, 0, 6, 0, 0), ==, SECCOMP_RET_ALLOW);
}

/* The ABI: unknown tokens, the x32 bit, and nr == -1. */
static void
test_abi_and_tracer_skip (void)
{
  const ScmpArchitecture arches[] = { SCMP_ARCHITECTURE_X86_64 };
  g_autoptr(ScmpAction) deny = scmp_action_new_errno (EPERM, NULL);
  g_autoptr(ScmpAction) kill = scmp_action_new_kill_thread ();
  g_autoptr(ScmpAction) allow = scmp_action_new_allow ();
  g_autoptr(ScmpFilter) filter = filter_new (deny, arches, 1);

  test_add_rule (filter, "read", allow, NULL, 0);
  scmp_filter_set_bad_arch_action (filter, kill);
  g_assert_cmphex (eval (filter, audit_x86_64, 0, 0, 0, 0, 0), ==, SECCOMP_RET_ALLOW);
  g_assert_cmphex (eval (filter, audit_x86, 3, 0, 0, 0, 0), ==, SECCOMP_RET_KILL_THREAD);
  /* An x32 call on a filter without x32. */
  g_assert_cmphex (eval (filter, audit_x86_64, X32_BIT, 0, 0, 0, 0), ==, SECCOMP_RET_KILL_THREAD);
  g_assert_cmphex (eval (filter, audit_x86_64, 0xffffffff, 0, 0, 0, 0), ==, SECCOMP_RET_ERRNO | EPERM);
  scmp_filter_set_allow_tracer_skip (filter, TRUE);
  g_assert_cmphex (eval (filter, audit_x86_64, 0xffffffff, 0, 0, 0, 0), ==, SECCOMP_RET_ALLOW);
}

/* The data the oracle reads: a few types straight from the kernel source. */
static void
test_types (void)
{
  static const struct {
    ScmpArchitecture arch;
    const char *syscall;
    guint arg, bits;
    gboolean is_signed;
  } cases[] = {
    { SCMP_ARCHITECTURE_X86_64, "socket", 0, 32, TRUE },      /* int family */
    { SCMP_ARCHITECTURE_X86_64, "mkdirat", 2, 16, FALSE },    /* umode_t mode */
    { SCMP_ARCHITECTURE_X86_64, "close", 0, 32, FALSE },      /* unsigned int fd */
    { SCMP_ARCHITECTURE_X86_64, "lseek", 1, 64, TRUE },       /* off_t offset */
    { SCMP_ARCHITECTURE_X32, "lseek", 1, 64, TRUE },          /* the x86_64 entry */
    { SCMP_ARCHITECTURE_X86, "lseek", 1, 32, TRUE },          /* compat_off_t */
    { SCMP_ARCHITECTURE_AARCH64, "kill", 0, 32, TRUE },       /* pid_t */
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      guint bits = 0;
      gboolean is_signed = FALSE;

      g_assert_true (ref_arg_type (cases[i].arch, cases[i].syscall, cases[i].arg, &bits, &is_signed));
      g_assert_cmpuint (bits, ==, cases[i].bits);
      g_assert_cmpint (is_signed, ==, cases[i].is_signed);
    }
  g_assert_false (ref_arg_type (SCMP_ARCHITECTURE_X86_64, "socketcall", 0, &(guint) { 0 }, &(gboolean) { 0 }));

  g_assert_true (ref_value_fits (0xffffff9c, 32));
  g_assert_true (ref_value_fits (G_GUINT64_CONSTANT (0xffffffffffffff9c), 32));
  g_assert_false (ref_value_fits (G_GUINT64_CONSTANT (0x100000000), 32));
  g_assert_false (ref_value_fits (G_GUINT64_CONSTANT (0xfffffffeffffff9c), 32));
  g_assert_true (ref_value_fits (0xffff, 16));
  g_assert_false (ref_value_fits (0x10000, 16));
  g_assert_true (ref_value_fits (G_MAXUINT64, 16));
  g_assert_true (ref_value_fits (G_MAXUINT64, 64));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/reference/int-argument", test_int_argument);
  g_test_add_func ("/reference/signed-ordering", test_signed_ordering);
  g_test_add_func ("/reference/x32-long", test_x32_long);
  g_test_add_func ("/reference/ipc-version-bits", test_ipc_version_bits);
  g_test_add_func ("/reference/socketcall", test_socketcall);
  g_test_add_func ("/reference/masks-and-32bit", test_masks_and_32bit);
  g_test_add_func ("/reference/abi-and-tracer-skip", test_abi_and_tracer_skip);
  g_test_add_func ("/reference/types", test_types);

  return g_test_run ();
}
