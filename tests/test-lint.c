/* test-lint.c: scmp_filter_lint() finds each kind of problem, on the ABIs
 * it holds on, and nothing on rules that are fine
 *
 * SPDX-FileCopyrightText: 2026 The scmp-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <scmp-glib/scmp-glib.h>

#include <errno.h>
#include <string.h>

#include "test-random-filter.h"
#include "test-rules.h"

static ScmpFilter *
filter_for (ScmpAction             *dflt,
            const ScmpArchitecture *arches,
            gsize                   n_arches)
{
  ScmpFilter *filter = scmp_filter_new (dflt);
  gboolean keep_native = FALSE;

  for (gsize i = 0; i < n_arches; i++)
    {
      g_autoptr(GError) error = NULL;

      if (scmp_filter_has_arch (filter, arches[i]))
        {
          keep_native = TRUE;
          continue;
        }
      g_assert_true (scmp_filter_add_arch (filter, arches[i], &error));
      g_assert_no_error (error);
    }
  /* a new filter comes with the native ABI: keep only those asked for */
  if (!keep_native)
    g_assert_true (scmp_filter_remove_arch (filter, scmp_architecture_get_native (), NULL));
  return filter;
}

/* The findings, as an array for the tests. */
static GPtrArray *
lint_quietly (ScmpFilter *filter)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) model = scmp_filter_lint (filter, &error);
  GPtrArray *findings = g_ptr_array_new_with_free_func (g_object_unref);

  g_assert_no_error (error);
  g_assert_nonnull (model);
  g_assert_true (g_list_model_get_item_type (model) == SCMP_TYPE_FINDING);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    g_ptr_array_add (findings, g_list_model_get_item (model, i));
  return findings;
}

static GPtrArray *
lint (ScmpFilter *filter)
{
  GPtrArray *findings = lint_quietly (filter);

  for (guint i = 0; i < findings->len; i++)
    g_test_message ("%s", scmp_finding_get_message (g_ptr_array_index (findings, i)));
  return findings;
}

/* Asserts that @findings holds exactly one finding of @kind about @rule,
 * on exactly @arches, whose message says @part; returns it. */
static ScmpFinding *
assert_finding (GPtrArray              *findings,
                ScmpFindingKind         kind,
                int                     rule,
                const ScmpArchitecture *arches,
                gsize                   n_arches,
                const char             *part)
{
  ScmpFinding *found = NULL;
  const ScmpArchitecture *got;
  gsize n_got;

  for (guint i = 0; i < findings->len; i++)
    {
      ScmpFinding *f = g_ptr_array_index (findings, i);

      if (scmp_finding_get_kind (f) == kind && scmp_finding_get_rule_index (f) == rule)
        {
          g_assert_null (found);
          found = f;
        }
    }
  if (found == NULL)
    g_error ("no finding of kind %d about rule %d", kind, rule);
  got = scmp_finding_get_architectures (found, &n_got);
  g_assert_cmpuint (n_got, ==, n_arches);
  for (gsize i = 0; i < n_arches; i++)
    g_assert_cmpint (got[i], ==, arches[i]);
  if (strstr (scmp_finding_get_message (found), part) == NULL)
    g_error ("“%s” does not say “%s”", scmp_finding_get_message (found), part);
  return found;
}

static const ScmpArchitecture x86_64[] = { SCMP_ARCHITECTURE_X86_64 };

static void
test_lint_clean (void)
{
  g_autoptr(ScmpAction) allow = scmp_action_new_allow ();
  g_autoptr(ScmpAction) eperm = scmp_action_new_errno (EPERM, NULL);
  g_autoptr(ScmpFilter) filter = filter_for (eperm, x86_64, 1);
  ScmpCondition fd1 = { 0, SCMP_COMPARE_OP_EQ, 1, 0, FALSE };
  g_autoptr(GPtrArray) findings = NULL;

  test_add_rule (filter, "write", allow, &fd1, 1);
  test_add_rule (filter, "write", eperm, NULL, 0);   /* not redundant: it is the default,
                                                        but inert only after the tail */
  test_add_rule (filter, "read", allow, NULL, 0);
  test_add_rule (filter, "close", allow, NULL, 0);
  findings = lint (filter);
  /* rule 1 is redundant (the default), and that is the only finding */
  g_assert_cmpuint (findings->len, ==, 1);
  assert_finding (findings, SCMP_FINDING_KIND_REDUNDANT, 1, x86_64, 1,
                  "changes nothing on x86_64: the calls it matches get errno(1)");
}

static void
test_lint_shadowed (void)
{
  g_autoptr(ScmpAction) allow = scmp_action_new_allow ();
  g_autoptr(ScmpAction) eperm = scmp_action_new_errno (EPERM, NULL);
  g_autoptr(ScmpAction) kill = scmp_action_new_kill_process ();
  g_autoptr(ScmpFilter) filter = filter_for (kill, x86_64, 1);
  ScmpCondition fd1 = { 0, SCMP_COMPARE_OP_EQ, 1, 0, FALSE };
  ScmpCondition both[2] = { { 0, SCMP_COMPARE_OP_EQ, 1, 0, FALSE },
                            { 2, SCMP_COMPARE_OP_LT, 100, 0, FALSE } };
  g_autoptr(GPtrArray) findings = NULL;
  ScmpFinding *f;

  test_add_rule (filter, "write", eperm, NULL, 0);    /* 0 */
  test_add_rule (filter, "write", allow, &fd1, 1);    /* 1: never fires */
  test_add_rule (filter, "read", allow, &fd1, 1);     /* 2 */
  test_add_rule (filter, "read", eperm, both, 2);     /* 3: never fires */
  findings = lint (filter);
  g_assert_cmpuint (findings->len, ==, 2);
  f = assert_finding (findings, SCMP_FINDING_KIND_SHADOWED, 1, x86_64, 1,
                      "never fires on x86_64: rule 0 (write: ");
  g_assert_cmpint (scmp_finding_get_other_rule_index (f), ==, 0);
  f = assert_finding (findings, SCMP_FINDING_KIND_SHADOWED, 3, x86_64, 1,
                      "rule 2 (read: allow if arg0 == 1) decides every call it matches first");
  g_assert_cmpint (scmp_finding_get_other_rule_index (f), ==, 2);
}

static void
test_lint_unsatisfiable (void)
{
  g_autoptr(ScmpAction) allow = scmp_action_new_allow ();
  g_autoptr(ScmpAction) kill = scmp_action_new_kill_process ();
  g_autoptr(ScmpFilter) filter = filter_for (allow, x86_64, 1);
  ScmpCondition range[2] = { { 0, SCMP_COMPARE_OP_GT, 5, 0, FALSE },
                             { 0, SCMP_COMPARE_OP_LT, 3, 0, FALSE } };
  ScmpCondition masked = { 1, SCMP_COMPARE_OP_MASKED_EQ, 0x3, 0xf0, FALSE };
  /* the kernel reads kill()'s pid as an int: below INT_MIN is nothing */
  ScmpCondition below_min = { 0, SCMP_COMPARE_OP_LT, 0xffffffff80000000, 0, FALSE };
  ScmpCondition ok[2] = { { 0, SCMP_COMPARE_OP_GT, 5, 0, FALSE },
                          { 0, SCMP_COMPARE_OP_LT, 7, 0, FALSE } };
  g_autoptr(GPtrArray) findings = NULL;

  test_add_rule (filter, "read", kill, range, 2);        /* 0 */
  test_add_rule (filter, "write", kill, &masked, 1);     /* 1 */
  test_add_rule (filter, "kill", kill, &below_min, 1);   /* 2 */
  test_add_rule (filter, "close", kill, ok, 2);          /* 3: arg0 == 6 */
  findings = lint (filter);
  g_assert_cmpuint (findings->len, ==, 3);
  assert_finding (findings, SCMP_FINDING_KIND_UNSATISFIABLE, 0, x86_64, 1,
                  "never fires on x86_64: no arguments satisfy all its conditions");
  assert_finding (findings, SCMP_FINDING_KIND_UNSATISFIABLE, 1, x86_64, 1, "write: ");
  assert_finding (findings, SCMP_FINDING_KIND_UNSATISFIABLE, 2, x86_64, 1, "kill: ");
}

static void
test_lint_redundant (void)
{
  g_autoptr(ScmpAction) allow = scmp_action_new_allow ();
  g_autoptr(ScmpAction) enosys = scmp_action_new_errno (ENOSYS, NULL);
  g_autoptr(ScmpFilter) filter = filter_for (allow, x86_64, 1);
  ScmpRule *newer = scmp_rule_new_for_number (SCMP_ARCHITECTURE_X86_64, 4000, enosys, NULL);
  g_autoptr(GPtrArray) findings = NULL;

  scmp_filter_set_unknown_syscall_action (filter, enosys);
  test_add_rule (filter, "getpid", allow, NULL, 0);      /* 0 */
  test_add_rule_take (filter, newer); /* 1: 4000 gets ENOSYS anyway */
  findings = lint (filter);
  g_assert_cmpuint (findings->len, ==, 2);
  assert_finding (findings, SCMP_FINDING_KIND_REDUNDANT, 0, x86_64, 1,
                  "get allow (the default action) anyway");
  assert_finding (findings, SCMP_FINDING_KIND_REDUNDANT, 1, x86_64, 1,
                  "(the unknown-syscall action) anyway");
}

static void
test_lint_missing (void)
{
  static const ScmpArchitecture both[] = { SCMP_ARCHITECTURE_X86_64, SCMP_ARCHITECTURE_AARCH64 };
  static const ScmpArchitecture aarch64[] = { SCMP_ARCHITECTURE_AARCH64 };
  g_autoptr(ScmpAction) kill = scmp_action_new_kill_process ();
  g_autoptr(ScmpAction) eperm = scmp_action_new_errno (EPERM, NULL);
  g_autoptr(ScmpFilter) filter = filter_for (kill, both, 2);
  g_autoptr(ScmpFilter) arm = filter_for (kill, aarch64, 1);
  g_autoptr(GPtrArray) findings = NULL, arm_findings = NULL;

  test_add_rule (filter, "open", eperm, NULL, 0);        /* 0: not on aarch64 */
  test_add_rule (filter, "openat", eperm, NULL, 0);      /* 1: everywhere */
  findings = lint (filter);
  g_assert_cmpuint (findings->len, ==, 1);
  assert_finding (findings, SCMP_FINDING_KIND_SYSCALL_PARTIAL, 0, aarch64, 1,
                  "does nothing on aarch64, which has no open");

  test_add_rule (arm, "open", eperm, NULL, 0);
  arm_findings = lint (arm);
  g_assert_cmpuint (arm_findings->len, ==, 1);
  assert_finding (arm_findings, SCMP_FINDING_KIND_SYSCALL_MISSING, 0, aarch64, 1,
                  "open exists on none of its ABIs (aarch64)");
}

static void
test_lint_arguments (void)
{
  static const ScmpArchitecture two[] = { SCMP_ARCHITECTURE_X86_64, SCMP_ARCHITECTURE_X86 };
  g_autoptr(ScmpAction) allow = scmp_action_new_allow ();
  g_autoptr(ScmpAction) kill = scmp_action_new_kill_process ();
  g_autoptr(ScmpFilter) filter = filter_for (kill, two, 2);
  /* the kernel reads getpgid()'s pid as an int */
  ScmpCondition any_pid = { 0, SCMP_COMPARE_OP_LE, 0x7fffffff, 0, FALSE };
  ScmpCondition close_arg1 = { 1, SCMP_COMPARE_OP_EQ, 0, 0, FALSE };
  ScmpCondition masked0 = { 2, SCMP_COMPARE_OP_MASKED_EQ, 0, 0, FALSE };
  /* 64-bit on x86_64, 32-bit on x86: always true only on x86 */
  ScmpCondition len = { 2, SCMP_COMPARE_OP_LE, 0xffffffff, 0, FALSE };
  g_autoptr(GPtrArray) findings = NULL;
  ScmpFinding *f;

  test_add_rule (filter, "getpgid", allow, &any_pid, 1);   /* 0 */
  test_add_rule (filter, "close", allow, &close_arg1, 1);  /* 1 */
  test_add_rule (filter, "read", allow, &masked0, 1);      /* 2 */
  test_add_rule (filter, "write", allow, &len, 1);         /* 3 */
  findings = lint (filter);
  g_assert_cmpuint (findings->len, ==, 4);
  f = assert_finding (findings, SCMP_FINDING_KIND_ALWAYS_TRUE, 0, two, 2,
                      "the condition arg0 <= 0x7fffffff holds for every value on x86_64 and x86, "
                      "where the kernel reads the argument as a signed 32-bit number");
  g_assert_cmpint (scmp_finding_get_condition_index (f), ==, 0);
  f = assert_finding (findings, SCMP_FINDING_KIND_ARGUMENT_IGNORED, 1, two, 2,
                      "tests an argument close does not take on x86_64 and x86");
  g_assert_cmpint (scmp_finding_get_condition_index (f), ==, 0);
  assert_finding (findings, SCMP_FINDING_KIND_ALWAYS_TRUE, 2, two, 2, "arg2 & 0x0 == 0x0");
  assert_finding (findings, SCMP_FINDING_KIND_ALWAYS_TRUE, 3, two + 1, 1, "on x86,");
}

static void
test_lint_multiplexer (void)
{
  static const ScmpArchitecture abis[] = { SCMP_ARCHITECTURE_X86_64, SCMP_ARCHITECTURE_X86,
                                           SCMP_ARCHITECTURE_PPC64LE };
  g_autoptr(ScmpAction) allow = scmp_action_new_allow ();
  g_autoptr(ScmpAction) eacces = scmp_action_new_errno (EACCES, NULL);
  g_autoptr(ScmpFilter) filter = filter_for (allow, abis, 3);
  ScmpCondition fd7 = { 0, SCMP_COMPARE_OP_EQ, 7, 0, FALSE };
  g_autoptr(GPtrArray) findings = NULL;
  ScmpFindingKind kind;

  test_add_rule (filter, "connect", eacces, &fd7, 1);  /* 0 */
  test_add_rule (filter, "socket", eacces, NULL, 0);   /* 1: no conditions, fine */
  test_add_rule (filter, "semop", eacces, &fd7, 1);    /* 2: through ipc */
  findings = lint (filter);
  g_assert_cmpuint (findings->len, ==, 2);
  assert_finding (findings, SCMP_FINDING_KIND_MULTIPLEXER, 0, abis + 1, 2,
                  "on x86 and ppc64le, connect can also be called through socketcall(2)");
  assert_finding (findings, SCMP_FINDING_KIND_MULTIPLEXER, 2, abis + 1, 2, "through ipc(2)");

  g_object_get (g_ptr_array_index (findings, 0), "kind", &kind, NULL);
  g_assert_cmpint (kind, ==, SCMP_FINDING_KIND_MULTIPLEXER);
}

/* ABI-limited rules and rules on numbers are looked at only where they
 * apply; an empty filter has nothing to say. */
static void
test_lint_limited (void)
{
  static const ScmpArchitecture two[] = { SCMP_ARCHITECTURE_X86_64, SCMP_ARCHITECTURE_AARCH64 };
  g_autoptr(ScmpAction) allow = scmp_action_new_allow ();
  g_autoptr(ScmpAction) eperm = scmp_action_new_errno (EPERM, NULL);
  g_autoptr(ScmpFilter) filter = filter_for (allow, two, 2);
  g_autoptr(ScmpRule) open = scmp_rule_new ("open", eperm);
  g_autoptr(GPtrArray) empty = NULL, findings = NULL;
  g_autoptr(GError) error = NULL;
  ScmpRule *limited;

  empty = lint (filter);
  g_assert_cmpuint (empty->len, ==, 0);

  limited = scmp_rule_restrict_to (open, x86_64, 1, &error);
  g_assert_no_error (error);
  test_add_rule_take (filter, limited);
  findings = lint (filter);
  g_assert_cmpuint (findings->len, ==, 0);
}

/* What a finding claims can be checked: a rule that never fires or
 * changes nothing can be removed without changing a single decision on
 * those ABIs, and scmp_filter_explain() never names a rule that never
 * fires. */
static void
test_lint_random (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (g_test_rand_int ());
  guint claims = 0, calls = 0;

  for (guint iter = 0; iter < (g_test_slow () ? 600 : 120); iter++)
    {
      g_autoptr(ScmpFilter) filter = random_filter (rand);
      g_autoptr(GPtrArray) findings = lint_quietly (filter);

      for (guint i = 0; i < findings->len; i++)
        {
          ScmpFinding *f = g_ptr_array_index (findings, i);
          ScmpFindingKind kind = scmp_finding_get_kind (f);
          g_autoptr(GVariant) copy = NULL;
          g_autoptr(ScmpFilter) without = NULL;
          const ScmpArchitecture *arches;
          gsize n_arches;

          if (kind != SCMP_FINDING_KIND_SHADOWED && kind != SCMP_FINDING_KIND_UNSATISFIABLE &&
              kind != SCMP_FINDING_KIND_REDUNDANT)
            continue;
          copy = scmp_filter_serialize (filter);
          without = scmp_filter_new_from_variant (copy, NULL);
          g_assert_nonnull (without);
          scmp_filter_remove_rule_at (without, (guint) scmp_finding_get_rule_index (f));
          arches = scmp_finding_get_architectures (f, &n_arches);
          claims++;

          for (gsize a = 0; a < n_arches; a++)
            for (gsize s = 0; s < 2 * G_N_ELEMENTS (pool_syscalls); s++)
              for (guint probe = 0; probe < 8; probe++)
                {
                  guint64 args[6] = { 0 };
                  const char *name = pool_syscalls[s % G_N_ELEMENTS (pool_syscalls)];
                  int nr = scmp_syscall_resolve_name (arches[a], name);
                  g_autoptr(ScmpAction) with_rule = NULL, without_rule = NULL;
                  g_autoptr(ScmpVerdict) v = NULL;
                  guint sub = 0;

                  for (guint k = 0; k < 3; k++)
                    args[k] = pool_values[g_rand_int_range (rand, 0, G_N_ELEMENTS (pool_values))];
                  /* the second round: through the multiplexer */
                  if (s >= G_N_ELEMENTS (pool_syscalls))
                    {
                      if (scmp_syscall_get_multiplexer (arches[a], name, &nr, &sub) == SCMP_MULTIPLEXER_NONE)
                        continue;
                      args[0] = sub;
                    }
                  if (nr < 0)
                    continue;
                  with_rule = scmp_filter_evaluate (filter, arches[a], nr, args, 6, NULL);
                  without_rule = scmp_filter_evaluate (without, arches[a], nr, args, 6, NULL);
                  if (!scmp_action_equal (with_rule, without_rule))
                    g_error ("%s — but removing it changes %s (nr %d) on %s", scmp_finding_get_message (f),
                             name, nr, scmp_architecture_to_name (arches[a]));
                  v = scmp_filter_explain (filter, arches[a], nr, args, 6, NULL);
                  g_assert_nonnull (v);
                  if (kind != SCMP_FINDING_KIND_REDUNDANT)
                    g_assert_cmpint (scmp_verdict_get_rule_index (v), !=,
                                     scmp_finding_get_rule_index (f));
                  calls++;
                }
        }
    }
  g_test_message ("%u claims checked on %u calls", claims, calls);
  g_assert_cmpuint (claims, >, 20);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/lint/clean", test_lint_clean);
  g_test_add_func ("/lint/shadowed", test_lint_shadowed);
  g_test_add_func ("/lint/unsatisfiable", test_lint_unsatisfiable);
  g_test_add_func ("/lint/redundant", test_lint_redundant);
  g_test_add_func ("/lint/missing", test_lint_missing);
  g_test_add_func ("/lint/arguments", test_lint_arguments);
  g_test_add_func ("/lint/multiplexer", test_lint_multiplexer);
  g_test_add_func ("/lint/limited", test_lint_limited);
  g_test_add_func ("/lint/random", test_lint_random);

  return g_test_run ();
}
