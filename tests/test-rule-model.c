/* test-rule-model.c: rules on numbers and ranges, rules for some ABIs,
 * the unknown-syscall action — in the interpreter and in the kernel
 *
 * SPDX-FileCopyrightText: 2026 The scmp-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <scmp-glib/scmp-glib.h>

#include "test-abi.h"
#include "test-rules.h"
#include "test-seccomp-helpers.h"

#include <errno.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

/* An x86_64 number the tables do not name: a hole. (471,
 * rseq_slice_yield, came in Linux 7.0: the running kernel may lack it,
 * and a policy that knows 6.18 does.) */
#define X86_64_HOLE 400

static ScmpAction *
errno_action (guint e)
{
  g_autoptr(GError) error = NULL;
  ScmpAction *a = scmp_action_new_errno (e, &error);

  g_assert_no_error (error);
  return a;
}

/* A filter for x86_64 alone, default ERRNO(EPERM). */
static ScmpFilter *
x86_64_filter (void)
{
  g_autoptr(ScmpAction) deny = errno_action (EPERM);
  g_autoptr(GError) error = NULL;
  ScmpFilter *filter = scmp_filter_new (deny);
  ScmpArchitecture native = scmp_architecture_get_native ();

  if (native != SCMP_ARCHITECTURE_X86_64)
    {
      g_assert_true (scmp_filter_add_arch (filter, SCMP_ARCHITECTURE_X86_64, &error));
      g_assert_true (scmp_filter_remove_arch (filter, native, &error));
    }
  g_assert_no_error (error);
  return filter;
}

/* The errno the filter gives (arch, nr, no arguments); 0 for allow. */
static guint
verdict (ScmpFilter       *filter,
         ScmpArchitecture  arch,
         int               nr)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScmpAction) action = scmp_filter_evaluate (filter, arch, nr, NULL, 0, &error);

  g_assert_no_error (error);
  if (scmp_action_get_kind (action) == SCMP_ACTION_KIND_ALLOW)
    return 0;
  g_assert_cmpint (scmp_action_get_kind (action), ==, SCMP_ACTION_KIND_ERRNO);
  return scmp_action_get_errno_value (action);
}

static int
nr_of (ScmpArchitecture  arch,
       const char       *name)
{
  return scmp_syscall_resolve_name (arch, name);
}

/* --- constructors ------------------------------------------------------ */

static void
test_number_named (void)
{
  g_autoptr(ScmpAction) allow = scmp_action_new_allow ();
  g_autoptr(GError) error = NULL;
  g_autoptr(ScmpRule) rule = scmp_rule_new_for_number (SCMP_ARCHITECTURE_X86_64,
                                                       nr_of (SCMP_ARCHITECTURE_X86_64, "getpid"),
                                                       allow, &error);
  g_autoptr(ScmpRule) by_name = scmp_rule_new ("getpid", allow);
  g_autoptr(ScmpRule) limited = NULL;
  g_autofree ScmpArchitecture *arches = NULL;
  g_autofree char *text = NULL;
  ScmpArchitecture x86_64 = SCMP_ARCHITECTURE_X86_64;
  gsize n = 0;

  /* a number the tables name is the rule by name, on that ABI */
  g_assert_no_error (error);
  g_assert_cmpstr (scmp_rule_get_syscall (rule), ==, "getpid");
  g_assert_false (scmp_rule_get_numbers (rule, NULL, NULL, NULL));
  arches = scmp_rule_get_architectures (rule, &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpint (arches[0], ==, SCMP_ARCHITECTURE_X86_64);
  g_assert_true (scmp_rule_applies_to (rule, SCMP_ARCHITECTURE_X86_64));
  g_assert_false (scmp_rule_applies_to (rule, SCMP_ARCHITECTURE_X32));
  text = scmp_rule_to_string (rule);
  g_assert_cmpstr (text, ==, "getpid: allow [only on x86_64]");

  limited = scmp_rule_restrict_to (by_name, &x86_64, 1, &error);
  g_assert_no_error (error);
  g_assert_true (scmp_rule_same_conditions (rule, limited));
  g_assert_false (scmp_rule_same_conditions (rule, by_name));
  g_assert_null (scmp_rule_get_architectures (by_name, &n));
  g_assert_cmpuint (n, ==, 0);
}

static void
test_number_unnamed (void)
{
  g_autoptr(ScmpAction) deny = errno_action (EACCES);
  g_autoptr(GError) error = NULL;
  const ScmpCondition a0 = { 0, SCMP_COMPARE_OP_EQ, 7, 0, FALSE };
  g_autoptr(ScmpRule) rule = scmp_rule_new_for_numberv (SCMP_ARCHITECTURE_X86_64, X86_64_HOLE,
                                                        deny, &a0, 1, &error);
  g_autofree char *text = NULL;
  ScmpArchitecture arch = SCMP_ARCHITECTURE_UNKNOWN;
  gint first = 0, last = 0;

  g_assert_no_error (error);
  g_assert_null (scmp_rule_get_syscall (rule));
  g_assert_true (scmp_rule_get_numbers (rule, &arch, &first, &last));
  g_assert_cmpint (arch, ==, SCMP_ARCHITECTURE_X86_64);
  g_assert_cmpint (first, ==, X86_64_HOLE);
  g_assert_cmpint (last, ==, X86_64_HOLE);
  text = scmp_rule_to_string (rule);
  g_assert_cmpstr (text, ==, "#400 on x86_64: errno(13) if arg0 == 7");
}

static void
test_number_errors (void)
{
  g_autoptr(ScmpAction) allow = scmp_action_new_allow ();
  g_autoptr(GError) error = NULL;
  ScmpRule *rule;

  rule = scmp_rule_new_for_number (SCMP_ARCHITECTURE_X32, 39, allow, &error);
  g_assert_null (rule);
  g_assert_error (error, SCMP_ERROR, SCMP_ERROR_INVALID_ARGUMENT);
  g_assert_nonnull (strstr (error->message, "x32 bit"));
  g_clear_error (&error);

  rule = scmp_rule_new_for_number (SCMP_ARCHITECTURE_X86_64, 39 | X32_SYSCALL_BIT, allow, &error);
  g_assert_null (rule);
  g_assert_error (error, SCMP_ERROR, SCMP_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  rule = scmp_rule_new_for_number (SCMP_ARCHITECTURE_MIPS64, 59, allow, &error);
  g_assert_null (rule);
  g_assert_error (error, SCMP_ERROR, SCMP_ERROR_INVALID_ARGUMENT);
  g_assert_nonnull (strstr (error->message, "did you mean 5059?"));
  g_clear_error (&error);

  rule = scmp_rule_new_for_number (SCMP_ARCHITECTURE_AARCH64, -1, allow, &error);
  g_assert_null (rule);
  g_assert_error (error, SCMP_ERROR, SCMP_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  rule = scmp_rule_new_for_number ((ScmpArchitecture) 999, 1, allow, &error);
  g_assert_null (rule);
  g_assert_error (error, SCMP_ERROR, SCMP_ERROR_INVALID_ARCHITECTURE);
  g_clear_error (&error);

  rule = scmp_rule_new_for_range (SCMP_ARCHITECTURE_X86_64, 10, 9, allow, &error);
  g_assert_null (rule);
  g_assert_error (error, SCMP_ERROR, SCMP_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  {
    g_autoptr(ScmpRule) r = scmp_rule_new ("read", allow);
    ScmpArchitecture x32 = SCMP_ARCHITECTURE_X32, bad = (ScmpArchitecture) 999;
    g_autoptr(ScmpRule) only_x32 = scmp_rule_restrict_to (r, &x32, 1, &error);
    ScmpArchitecture x86_64 = SCMP_ARCHITECTURE_X86_64;

    g_assert_no_error (error);
    g_assert_null (scmp_rule_restrict_to (r, NULL, 0, &error));
    g_assert_error (error, SCMP_ERROR, SCMP_ERROR_INVALID_ARCHITECTURE);
    g_clear_error (&error);
    g_assert_null (scmp_rule_restrict_to (r, &bad, 1, &error));
    g_assert_error (error, SCMP_ERROR, SCMP_ERROR_INVALID_ARCHITECTURE);
    g_clear_error (&error);
    /* limiting a rule for x32 to x86_64 leaves nothing */
    g_assert_null (scmp_rule_restrict_to (only_x32, &x86_64, 1, &error));
    g_assert_error (error, SCMP_ERROR, SCMP_ERROR_INVALID_ARCHITECTURE);
  }
}

static void
test_range_clipped (void)
{
  g_autoptr(ScmpAction) nosys = errno_action (ENOSYS);
  g_autoptr(GError) error = NULL;
  g_autoptr(ScmpRule) rule = scmp_rule_new_for_range (SCMP_ARCHITECTURE_X86_64, 472, G_MAXINT,
                                                      nosys, &error);
  g_autofree char *text = NULL;
  gint first, last;

  g_assert_no_error (error);
  g_assert_true (scmp_rule_get_numbers (rule, NULL, &first, &last));
  g_assert_cmpint (first, ==, 472);
  g_assert_cmpint (last, ==, X32_SYSCALL_BIT - 1);
  text = scmp_rule_to_string (rule);
  g_assert_cmpstr (text, ==, "#472-#1073741823 on x86_64: errno(38)");
}

/* An ABI value that is none says which value, and what to use instead. */
static void
test_unknown_arch_message (void)
{
  g_autoptr(ScmpFilter) filter = x86_64_filter ();
  g_autoptr(GError) error = NULL;

  g_assert_false (scmp_filter_add_arch (filter, (ScmpArchitecture) 99, &error));
  g_assert_error (error, SCMP_ERROR, SCMP_ERROR_INVALID_ARCHITECTURE);
  g_assert_true (g_str_has_prefix (error->message, "99 is not an architecture"));
  g_assert_nonnull (strstr (error->message, "scmp_architecture_parse()"));
  g_clear_error (&error);
  g_assert_false (scmp_filter_remove_arch (filter, SCMP_ARCHITECTURE_UNKNOWN, &error));
  g_assert_true (g_str_has_prefix (error->message, "-1 is not an architecture"));
}

/* --- in a filter --------------------------------------------------------- */

static void
test_filter_numbers (void)
{
  g_autoptr(ScmpFilter) filter = x86_64_filter ();
  g_autoptr(ScmpAction) allow = scmp_action_new_allow ();
  g_autoptr(ScmpAction) eacces = errno_action (EACCES);
  g_autoptr(ScmpAction) nosys = errno_action (ENOSYS);
  g_autoptr(GError) error = NULL;
  int getpid_nr = nr_of (SCMP_ARCHITECTURE_X86_64, "getpid");
  int read_nr = nr_of (SCMP_ARCHITECTURE_X86_64, "read");
  int write_nr = nr_of (SCMP_ARCHITECTURE_X86_64, "write");
  const ScmpCondition a0_7 = { 0, SCMP_COMPARE_OP_EQ, 7, 0, FALSE };
  const guint64 args7[6] = { 7 }, args7_high[6] = { G_GUINT64_CONSTANT (0x100000007) };

  /* first match: the single number, then the ranges */
  test_add_rule_take (filter, scmp_rule_new_for_number (SCMP_ARCHITECTURE_X86_64, getpid_nr, allow, &error));
  test_add_rule_take (filter, scmp_rule_new_for_numberv (SCMP_ARCHITECTURE_X86_64, X86_64_HOLE, allow, &a0_7, 1, &error));
  test_add_rule_take (filter, scmp_rule_new_for_range (SCMP_ARCHITECTURE_X86_64, read_nr, write_nr, eacces, &error));
  test_add_rule_take (filter, scmp_rule_new_for_range (SCMP_ARCHITECTURE_X86_64, 390, 410, nosys, &error));
  test_add_rule_take (filter, scmp_rule_new_for_range (SCMP_ARCHITECTURE_X86_64, 472, G_MAXINT, nosys, &error));

  g_assert_cmpuint (verdict (filter, SCMP_ARCHITECTURE_X86_64, getpid_nr), ==, 0);
  g_assert_cmpuint (verdict (filter, SCMP_ARCHITECTURE_X86_64, read_nr), ==, EACCES);
  g_assert_cmpuint (verdict (filter, SCMP_ARCHITECTURE_X86_64, write_nr), ==, EACCES);
  g_assert_cmpuint (verdict (filter, SCMP_ARCHITECTURE_X86_64, 389), ==, EPERM);
  g_assert_cmpuint (verdict (filter, SCMP_ARCHITECTURE_X86_64, 390), ==, ENOSYS);
  g_assert_cmpuint (verdict (filter, SCMP_ARCHITECTURE_X86_64, 410), ==, ENOSYS);
  g_assert_cmpuint (verdict (filter, SCMP_ARCHITECTURE_X86_64, 411), ==, EPERM);
  g_assert_cmpuint (verdict (filter, SCMP_ARCHITECTURE_X86_64, 471), ==, EPERM);
  g_assert_cmpuint (verdict (filter, SCMP_ARCHITECTURE_X86_64, 472), ==, ENOSYS);
  g_assert_cmpuint (verdict (filter, SCMP_ARCHITECTURE_X86_64, X32_SYSCALL_BIT - 1), ==, ENOSYS);

  /* the hole's own rule comes before the range covering it; its argument
   * is the whole register */
  {
    g_autoptr(ScmpAction) a = scmp_filter_evaluate (filter, SCMP_ARCHITECTURE_X86_64,
                                                    X86_64_HOLE, args7, 6, &error);
    g_autoptr(ScmpAction) b = scmp_filter_evaluate (filter, SCMP_ARCHITECTURE_X86_64,
                                                    X86_64_HOLE, args7_high, 6, &error);

    g_assert_no_error (error);
    g_assert_cmpint (scmp_action_get_kind (a), ==, SCMP_ACTION_KIND_ALLOW);
    g_assert_cmpint (scmp_action_get_kind (b), ==, SCMP_ACTION_KIND_ERRNO);
    g_assert_cmpuint (scmp_action_get_errno_value (b), ==, ENOSYS);
  }
}

/* A range is compiled as ranges: 300 numbers, named or not, cost a
 * couple of tests, not 300. */
static void
test_filter_range_size (void)
{
  g_autoptr(ScmpFilter) filter = x86_64_filter ();
  g_autoptr(ScmpAction) eacces = errno_action (EACCES);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) empty = NULL, ranged = NULL;

  empty = scmp_filter_export_bpf (filter, &error);
  g_assert_no_error (error);
  test_add_rule_take (filter, scmp_rule_new_for_range (SCMP_ARCHITECTURE_X86_64, 0, 299, eacces, &error));
  test_add_rule_take (filter, scmp_rule_new_for_range (SCMP_ARCHITECTURE_X86_64, 380, 420, eacces, &error));
  ranged = scmp_filter_export_bpf (filter, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (ranged) / 8, <=, g_bytes_get_size (empty) / 8 + 6);
  g_assert_cmpuint (verdict (filter, SCMP_ARCHITECTURE_X86_64, 0), ==, EACCES);
  g_assert_cmpuint (verdict (filter, SCMP_ARCHITECTURE_X86_64, 299), ==, EACCES);
  g_assert_cmpuint (verdict (filter, SCMP_ARCHITECTURE_X86_64, 300), ==, EPERM);
  g_assert_cmpuint (verdict (filter, SCMP_ARCHITECTURE_X86_64, 400), ==, EACCES);
}

/* Rules for some ABIs, and ABIs added after them. */
static void
test_filter_restricted (void)
{
  g_autoptr(ScmpFilter) filter = x86_64_filter ();
  g_autoptr(ScmpAction) allow = scmp_action_new_allow ();
  g_autoptr(GError) error = NULL;
  g_autoptr(ScmpRule) getpid = scmp_rule_new ("getpid", allow);
  g_autoptr(ScmpRule) getppid = scmp_rule_new ("getppid", allow);
  ScmpArchitecture only_x32 = SCMP_ARCHITECTURE_X32, only_x86_64 = SCMP_ARCHITECTURE_X86_64;
  int x32_nosys = X32_SYSCALL_BIT | 500;

  test_add_rule_take (filter, scmp_rule_restrict_to (getpid, &only_x32, 1, &error));
  test_add_rule_take (filter, scmp_rule_restrict_to (getppid, &only_x86_64, 1, &error));
  /* a rule on x32's numbers, kept while the filter lacks x32 */
  test_add_rule_take (filter, scmp_rule_new_for_number (SCMP_ARCHITECTURE_X32, x32_nosys, allow, &error));

  g_assert_cmpuint (verdict (filter, SCMP_ARCHITECTURE_X86_64, nr_of (SCMP_ARCHITECTURE_X86_64, "getpid")), ==, EPERM);
  g_assert_cmpuint (verdict (filter, SCMP_ARCHITECTURE_X86_64, nr_of (SCMP_ARCHITECTURE_X86_64, "getppid")), ==, 0);

  g_assert_true (scmp_filter_add_arch (filter, SCMP_ARCHITECTURE_X32, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (verdict (filter, SCMP_ARCHITECTURE_X32, nr_of (SCMP_ARCHITECTURE_X32, "getpid")), ==, 0);
  g_assert_cmpuint (verdict (filter, SCMP_ARCHITECTURE_X32, nr_of (SCMP_ARCHITECTURE_X32, "getppid")), ==, EPERM);
  g_assert_cmpuint (verdict (filter, SCMP_ARCHITECTURE_X32, x32_nosys), ==, 0);
  g_assert_cmpuint (verdict (filter, SCMP_ARCHITECTURE_X86_64, 500), ==, EPERM);

  /* The same rule for two different ABI sets is two rules. */
  {
    g_autoptr(ScmpRule) again = scmp_rule_restrict_to (getpid, &only_x86_64, 1, &error);

    g_assert_no_error (error);
    test_add_rule_take (filter, g_object_ref (again));
    g_assert_cmpuint (scmp_filter_get_n_rules (filter), ==, 4);
  }
}

static void
test_filter_unknown_action (void)
{
  g_autoptr(ScmpFilter) filter = x86_64_filter ();
  g_autoptr(ScmpAction) allow = scmp_action_new_allow ();
  g_autoptr(ScmpAction) nosys = errno_action (ENOSYS);
  g_autoptr(ScmpAction) eacces = errno_action (EACCES);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = NULL, after = NULL;
  g_autofree char *pfc = NULL;
  int getpid_nr = nr_of (SCMP_ARCHITECTURE_X86_64, "getpid");

  test_add_rule (filter, "getpid", allow, NULL, 0);
  test_add_rule_take (filter, scmp_rule_new_for_number (SCMP_ARCHITECTURE_X86_64, X86_64_HOLE, eacces, &error));
  before = scmp_filter_export_bpf (filter, &error);
  g_assert_no_error (error);

  g_assert_null (scmp_filter_get_unknown_syscall_action (filter));
  scmp_filter_set_unknown_syscall_action (filter, nosys);
  g_assert_true (scmp_filter_get_unknown_syscall_action (filter) == nosys);

  g_assert_cmpuint (verdict (filter, SCMP_ARCHITECTURE_X86_64, getpid_nr), ==, 0);
  /* a known syscall without rules: the default */
  g_assert_cmpuint (verdict (filter, SCMP_ARCHITECTURE_X86_64, nr_of (SCMP_ARCHITECTURE_X86_64, "getppid")), ==, EPERM);
  /* numbers the tables do not name: holes, after the newest, way up */
  g_assert_cmpuint (verdict (filter, SCMP_ARCHITECTURE_X86_64, 401), ==, ENOSYS);
  g_assert_cmpuint (verdict (filter, SCMP_ARCHITECTURE_X86_64, 9999), ==, ENOSYS);
  g_assert_cmpuint (verdict (filter, SCMP_ARCHITECTURE_X86_64, 0x3fffffff), ==, ENOSYS);
  /* …unless a rule decides */
  g_assert_cmpuint (verdict (filter, SCMP_ARCHITECTURE_X86_64, X86_64_HOLE), ==, EACCES);

  pfc = scmp_filter_export_pfc (filter, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (pfc, "if ($syscall == 400) # not in the tables"));
  g_assert_nonnull (strstr (pfc, "# any other number the tables do not name\n  action errno(38);"));

  /* it costs only the ranges it adds: unset, the program is as before */
  scmp_filter_set_unknown_syscall_action (filter, NULL);
  after = scmp_filter_export_bpf (filter, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (before, after));

  /* and a rollback takes it back */
  scmp_filter_begin (filter);
  scmp_filter_set_unknown_syscall_action (filter, nosys);
  scmp_filter_rollback (filter);
  g_assert_null (scmp_filter_get_unknown_syscall_action (filter));
}

/* Syscalls newer than the known kernel get the unknown-syscall action. */
static void
test_filter_known_kernel (void)
{
  g_autoptr(ScmpFilter) filter = x86_64_filter ();
  g_autoptr(ScmpAction) allow = scmp_action_new_allow ();
  g_autoptr(ScmpAction) nosys = errno_action (ENOSYS);
  g_autoptr(GError) error = NULL;
  g_autofree char *known = NULL;
  int clone3 = nr_of (SCMP_ARCHITECTURE_X86_64, "clone3");           /* 5.3 */
  int faccessat2 = nr_of (SCMP_ARCHITECTURE_X86_64, "faccessat2");   /* 5.8 */
  int openat2 = nr_of (SCMP_ARCHITECTURE_X86_64, "openat2");         /* 5.6 */
  int pidfd_open = nr_of (SCMP_ARCHITECTURE_X86_64, "pidfd_open");   /* 5.3 */

  test_add_rule (filter, "openat2", allow, NULL, 0);
  scmp_filter_set_unknown_syscall_action (filter, nosys);

  /* without a known kernel, only numbers the tables do not name */
  g_assert_null (scmp_filter_dup_known_kernel (filter));
  g_assert_cmpuint (verdict (filter, SCMP_ARCHITECTURE_X86_64, clone3), ==, EPERM);

  g_assert_true (scmp_filter_set_known_kernel (filter, "5.4.0", &error));
  g_assert_no_error (error);
  known = scmp_filter_dup_known_kernel (filter);
  g_assert_cmpstr (known, ==, "5.4");
  g_assert_cmpuint (verdict (filter, SCMP_ARCHITECTURE_X86_64, clone3), ==, EPERM);
  g_assert_cmpuint (verdict (filter, SCMP_ARCHITECTURE_X86_64, pidfd_open), ==, EPERM);
  g_assert_cmpuint (verdict (filter, SCMP_ARCHITECTURE_X86_64, faccessat2), ==, ENOSYS);
  /* a rule decides first */
  g_assert_cmpuint (verdict (filter, SCMP_ARCHITECTURE_X86_64, openat2), ==, 0);
  g_assert_cmpuint (verdict (filter, SCMP_ARCHITECTURE_X86_64, nr_of (SCMP_ARCHITECTURE_X86_64, "read")), ==, EPERM);

  g_assert_true (scmp_filter_set_known_kernel (filter, "5.2", &error));
  g_assert_cmpuint (verdict (filter, SCMP_ARCHITECTURE_X86_64, clone3), ==, ENOSYS);

  /* a bad release leaves the filter as it was */
  g_assert_false (scmp_filter_set_known_kernel (filter, "six", &error));
  g_assert_error (error, SCMP_ERROR, SCMP_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_clear_pointer (&known, g_free);
  known = scmp_filter_dup_known_kernel (filter);
  g_assert_cmpstr (known, ==, "5.2");

  g_assert_true (scmp_filter_set_known_kernel (filter, NULL, &error));
  g_assert_cmpuint (verdict (filter, SCMP_ARCHITECTURE_X86_64, clone3), ==, EPERM);
}

/* Review findings: each of these made a program laxer than its rules. */
static void
test_number_condition_width (void)
{
  g_autoptr(ScmpAction) allow = scmp_action_new_allow ();
  g_autoptr(GError) error = NULL;
  const ScmpCondition wide = { 0, SCMP_COMPARE_OP_EQ, G_GUINT64_CONSTANT (0x100000000), 0, FALSE };
  const ScmpCondition wide_mask = { 0, SCMP_COMPARE_OP_MASKED_EQ, 0, G_GUINT64_CONSTANT (0x100000000), FALSE };
  ScmpRule *rule;

  /* a 32-bit register cannot hold it: refused, not cut to 0 */
  rule = scmp_rule_new_for_numberv (SCMP_ARCHITECTURE_X86, 500, allow, &wide, 1, &error);
  g_assert_null (rule);
  g_assert_error (error, SCMP_ERROR, SCMP_ERROR_INVALID_ARGUMENT);
  g_assert_nonnull (strstr (error->message, "32-bit register"));
  g_clear_error (&error);
  rule = scmp_rule_new_for_numberv (SCMP_ARCHITECTURE_X86, 500, allow, &wide_mask, 1, &error);
  g_assert_null (rule);
  g_assert_error (error, SCMP_ERROR, SCMP_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  /* on a 64-bit ABI it fits */
  rule = scmp_rule_new_for_numberv (SCMP_ARCHITECTURE_X86_64, 500, allow, &wide, 1, &error);
  g_assert_no_error (error);
  g_object_unref (rule);
}

/* A rule on numbers made from properties belongs to its ABI too. */
static void
test_number_property_bag (void)
{
  g_autoptr(ScmpFilter) filter = x86_64_filter ();
  g_autoptr(ScmpAction) allow = scmp_action_new_allow ();
  g_autoptr(GError) error = NULL;
  g_autoptr(ScmpRule) rule = NULL;
  g_autofree ScmpArchitecture *arches = NULL;
  gsize n;

  g_assert_true (scmp_filter_add_arch (filter, SCMP_ARCHITECTURE_X86, &error));
  rule = g_object_new (SCMP_TYPE_RULE, "action", allow, "number-architecture", SCMP_ARCHITECTURE_X86,
                       "first-number", 0, "last-number", G_MAXINT, NULL);
  arches = scmp_rule_get_architectures (rule, &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpint (arches[0], ==, SCMP_ARCHITECTURE_X86);
  test_add_rule_take (filter, g_object_ref (rule));
  g_assert_cmpuint (verdict (filter, SCMP_ARCHITECTURE_X86, 11), ==, 0);
  /* execve on x86_64 is not x86's number 59 */
  g_assert_cmpuint (verdict (filter, SCMP_ARCHITECTURE_X86_64, nr_of (SCMP_ARCHITECTURE_X86_64, "execve")), ==, EPERM);

  /* bad numbers from properties: a critical, and the filter refuses it */
  if (g_test_subprocess ())
    {
      g_autoptr(ScmpRule) bad = g_object_new (SCMP_TYPE_RULE, "action", allow,
                                              "number-architecture", SCMP_ARCHITECTURE_X32,
                                              "first-number", 0, "last-number", 10, NULL);
      g_assert_false (scmp_filter_add_rule (filter, bad, &error));
      g_assert_error (error, SCMP_ERROR, SCMP_ERROR_INVALID_ARGUMENT);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*x32 syscall numbers include the x32 bit*");
}

static void
test_known_kernel_floor (void)
{
  g_autoptr(ScmpFilter) filter = x86_64_filter ();
  g_autoptr(GError) error = NULL;

  g_assert_false (scmp_filter_set_known_kernel (filter, "4.4", &error));
  g_assert_error (error, SCMP_ERROR, SCMP_ERROR_INVALID_ARGUMENT);
  g_assert_nonnull (strstr (error->message, "5.1"));
  g_assert_null (scmp_filter_dup_known_kernel (filter));
  g_clear_error (&error);
  g_assert_true (scmp_filter_set_known_kernel (filter, "5.1", &error));
}

/* Inserting a copy of a rule before it moves it: first match decides. */
static void
test_insert_duplicate_earlier (void)
{
  g_autoptr(ScmpFilter) filter = x86_64_filter ();
  g_autoptr(ScmpAction) allow = scmp_action_new_allow ();
  g_autoptr(ScmpAction) e99 = errno_action (99);
  g_autoptr(GError) error = NULL;
  const ScmpCondition fd3 = { 0, SCMP_COMPARE_OP_EQ, 3, 0, FALSE };
  g_autoptr(ScmpRule) deny3 = scmp_rule_newv ("read", e99, &fd3, 1);
  const guint64 args3[6] = { 3 };
  g_autoptr(ScmpAction) got = NULL;

  test_add_rule (filter, "read", allow, NULL, 0);
  test_add_rule (filter, "read", e99, &fd3, 1);
  g_assert_true (scmp_filter_insert_rule (filter, 0, deny3, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (scmp_filter_get_n_rules (filter), ==, 2);
  g_assert_true (scmp_filter_get_rule (filter, 0) == deny3);
  got = scmp_filter_evaluate (filter, SCMP_ARCHITECTURE_X86_64, nr_of (SCMP_ARCHITECTURE_X86_64, "read"),
                              args3, 6, &error);
  g_assert_cmpuint (scmp_action_get_errno_value (got), ==, 99);
  /* after it: nothing changes */
  g_assert_true (scmp_filter_insert_rule (filter, 2, deny3, &error));
  g_assert_cmpuint (scmp_filter_get_n_rules (filter), ==, 2);
}

/* --- in the kernel -------------------------------------------------------- */

/* The default is ALLOW here, so that whatever the child's runtime (ASan's
 * included) calls keeps working: 471 and the hole then reach the kernel,
 * which says ENOSYS itself. A distinct errno as the unknown-syscall
 * action shows that the filter decided. */
typedef struct {
  ScmpFilter *filter;
  int         expect_unknown;     /* errno for 471 and the hole */
} NosysChild;

static int
nosys_child (gpointer data)
{
  NosysChild *c = data;
  g_autoptr(GError) error = NULL;

  CHILD_CHECK (scmp_filter_load (c->filter, &error));
  errno = 0;
  CHILD_CHECK (syscall (471) == -1 && errno == c->expect_unknown);
  errno = 0;
  CHILD_CHECK (syscall (X86_64_HOLE) == -1 && errno == c->expect_unknown);
  /* a syscall the tables name runs, whatever the property */
  CHILD_CHECK (syscall (SYS_getppid) == getppid ());
  /* by number: a rule on getpid's number denies it */
  errno = 0;
  CHILD_CHECK (syscall (SYS_getpid) == -1 && errno == EACCES);
  return 0;
}

static void
test_kernel_enosys (void)
{
  const guint unknown[] = { 0, ENOSYS, EXDEV };
  g_autoptr(GError) error = NULL;

  if (skip_without_seccomp () || skip_unless_x86_64 ())
    return;

  for (guint k = 0; k < G_N_ELEMENTS (unknown); k++)
    {
      g_autoptr(ScmpAction) allow = scmp_action_new_allow ();
      g_autoptr(ScmpAction) eacces = errno_action (EACCES);
      g_autoptr(ScmpFilter) filter = scmp_filter_new (allow);
      NosysChild child = { filter, unknown[k] != 0 ? (int) unknown[k] : ENOSYS };

      test_add_rule_take (filter, scmp_rule_new_for_number (SCMP_ARCHITECTURE_X86_64, SYS_getpid, eacces, &error));
      if (unknown[k] != 0)
        {
          g_autoptr(ScmpAction) action = errno_action (unknown[k]);

          scmp_filter_set_unknown_syscall_action (filter, action);
          /* rseq_slice_yield (471) is newer than the policy */
          g_assert_true (scmp_filter_set_known_kernel (filter, "6.18", &error));
          g_assert_no_error (error);
          g_assert_cmpuint (verdict (filter, SCMP_ARCHITECTURE_X86_64, 471), ==, unknown[k]);
        }
      else
        g_assert_cmpuint (verdict (filter, SCMP_ARCHITECTURE_X86_64, 471), ==, 0);
      assert_exited_ok (fork_and_wait (nosys_child, &child));
    }
}

/* A policy that knows 5.2 answers clone3 (5.3) with ENOSYS, which glibc
 * takes as "fall back to clone": the kernel would have run it. */
static int
clone3_child (gpointer data)
{
  ScmpFilter *filter = data;
  g_autoptr(GError) error = NULL;

  CHILD_CHECK (scmp_filter_load (filter, &error));
  errno = 0;
  CHILD_CHECK (syscall (SYS_clone3, NULL, 0) == -1 && errno == ENOSYS);
  return 0;
}

static void
test_kernel_known_kernel (void)
{
  g_autoptr(ScmpAction) allow = scmp_action_new_allow ();
  g_autoptr(ScmpAction) nosys = errno_action (ENOSYS);
  g_autoptr(ScmpFilter) filter = scmp_filter_new (allow);
  g_autoptr(GError) error = NULL;

  if (skip_without_seccomp () || skip_unless_x86_64 ())
    return;
  /* without a filter, clone3 with no arguments is EINVAL: it runs */
  errno = 0;
  g_assert_cmpint (syscall (SYS_clone3, NULL, 0), ==, -1);
  g_assert_cmpint (errno, !=, ENOSYS);

  scmp_filter_set_unknown_syscall_action (filter, nosys);
  g_assert_true (scmp_filter_set_known_kernel (filter, "5.2", &error));
  g_assert_no_error (error);
  assert_exited_ok (fork_and_wait (clone3_child, filter));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/rule-model/number/named", test_number_named);
  g_test_add_func ("/rule-model/number/unnamed", test_number_unnamed);
  g_test_add_func ("/rule-model/number/errors", test_number_errors);
  g_test_add_func ("/rule-model/range/clipped", test_range_clipped);
  g_test_add_func ("/rule-model/unknown-arch-message", test_unknown_arch_message);
  g_test_add_func ("/rule-model/filter/numbers", test_filter_numbers);
  g_test_add_func ("/rule-model/filter/range-size", test_filter_range_size);
  g_test_add_func ("/rule-model/filter/restricted", test_filter_restricted);
  g_test_add_func ("/rule-model/filter/unknown-action", test_filter_unknown_action);
  g_test_add_func ("/rule-model/filter/known-kernel", test_filter_known_kernel);
  g_test_add_func ("/rule-model/number/condition-width", test_number_condition_width);
  g_test_add_func ("/rule-model/number/property-bag", test_number_property_bag);
  g_test_add_func ("/rule-model/filter/known-kernel-floor", test_known_kernel_floor);
  g_test_add_func ("/rule-model/filter/insert-duplicate-earlier", test_insert_duplicate_earlier);
  g_test_add_func ("/rule-model/kernel/enosys", test_kernel_enosys);
  g_test_add_func ("/rule-model/kernel/known-kernel", test_kernel_known_kernel);

  return g_test_run ();
}
