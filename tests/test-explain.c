/* test-explain.c: scmp_filter_explain() says which rule decided, and the
 * independent reference agrees
 *
 * SPDX-FileCopyrightText: 2026 The scmp-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <scmp-glib/scmp-glib.h>

#include <errno.h>

#include "reference.h"
#include "test-random-filter.h"
#include "test-rules.h"

static ScmpVerdict *
explain (ScmpFilter       *filter,
         ScmpArchitecture  arch,
         const char       *syscall,
         guint64           arg0,
         guint64           arg1)
{
  g_autoptr(GError) error = NULL;
  guint64 args[2] = { arg0, arg1 };
  ScmpVerdict *v = scmp_filter_explain_syscall (filter, arch, syscall, args, 2, &error);

  g_assert_no_error (error);
  g_assert_nonnull (v);
  return v;
}

static void
assert_sentence_has (ScmpVerdict *v,
                     const char  *part)
{
  g_autofree char *s = scmp_verdict_to_string (v);

  if (strstr (s, part) == NULL)
    g_error ("“%s” does not say “%s”", s, part);
}

/* A rule, the default, and a trailing rule that changes nothing. */
static void
test_explain_rules (void)
{
  g_autoptr(ScmpAction) allow = scmp_action_new_allow ();
  g_autoptr(ScmpAction) eperm = scmp_action_new_errno (EPERM, NULL);
  g_autoptr(ScmpFilter) filter = scmp_filter_new (allow);
  ScmpCondition fd1 = { 0, SCMP_COMPARE_OP_EQ, 1, 0, FALSE };
  ScmpCondition fd2 = { 0, SCMP_COMPARE_OP_EQ, 2, 0, FALSE };
  g_autoptr(ScmpVerdict) v0 = NULL, v1 = NULL, v2 = NULL, v3 = NULL;
  g_autoptr(ScmpAction) action = NULL;
  g_autofree char *syscall = NULL;
  ScmpVerdictSource source;
  int index;

  test_add_rule (filter, "write", eperm, &fd1, 1);     /* 0 */
  test_add_rule (filter, "ptrace", eperm, NULL, 0);    /* 1 */
  test_add_rule (filter, "write", allow, &fd2, 1);     /* 2: changes nothing */

  v0 = explain (filter, SCMP_ARCHITECTURE_X86_64, "write", 1, 0);
  g_assert_cmpint (scmp_verdict_get_source (v0), ==, SCMP_VERDICT_SOURCE_RULE);
  g_assert_cmpint (scmp_verdict_get_rule_index (v0), ==, 0);
  g_assert_true (scmp_verdict_get_rule (v0) == scmp_filter_get_rule (filter, 0));
  g_assert_true (scmp_action_equal (scmp_verdict_get_action (v0), eperm));
  g_assert_false (scmp_verdict_get_unchecked (v0));
  g_assert_cmpstr (scmp_verdict_get_syscall (v0), ==, "write");
  g_assert_cmpint (scmp_verdict_get_syscall_number (v0), ==, 1);
  assert_sentence_has (v0, "On x86_64, write gets ");
  assert_sentence_has (v0, "from rule 0 (write: ");

  v1 = explain (filter, SCMP_ARCHITECTURE_X86_64, "write", 3, 0);
  g_assert_cmpint (scmp_verdict_get_source (v1), ==, SCMP_VERDICT_SOURCE_DEFAULT);
  g_assert_cmpint (scmp_verdict_get_rule_index (v1), ==, -1);
  g_assert_null (scmp_verdict_get_rule (v1));
  assert_sentence_has (v1, "matches no rule: the default action");

  /* The compiler drops rule 2 (its action is what happens anyway), but a
   * reader asking about write(2, …) wants to hear about it. */
  v2 = explain (filter, SCMP_ARCHITECTURE_X86_64, "write", 2, 0);
  g_assert_cmpint (scmp_verdict_get_source (v2), ==, SCMP_VERDICT_SOURCE_RULE);
  g_assert_cmpint (scmp_verdict_get_rule_index (v2), ==, 2);
  g_assert_true (scmp_action_equal (scmp_verdict_get_action (v2), allow));

  /* The properties say the same as the getters. */
  v3 = explain (filter, SCMP_ARCHITECTURE_X86_64, "ptrace", 0, 0);
  g_object_get (v3, "source", &source, "rule-index", &index, "action", &action,
                "syscall", &syscall, NULL);
  g_assert_cmpint (source, ==, SCMP_VERDICT_SOURCE_RULE);
  g_assert_cmpint (index, ==, 1);
  g_assert_true (scmp_action_equal (action, eperm));
  g_assert_cmpstr (syscall, ==, "ptrace");
}

/* The filter's own actions: bad arch, unknown numbers, syscalls newer
 * than the known kernel, a tracer's skip. */
static void
test_explain_fallbacks (void)
{
  g_autoptr(ScmpAction) allow = scmp_action_new_allow ();
  g_autoptr(ScmpAction) enosys = scmp_action_new_errno (ENOSYS, NULL);
  g_autoptr(ScmpAction) kill = scmp_action_new_kill_process ();
  g_autoptr(ScmpFilter) filter = scmp_filter_new (allow);
  g_autoptr(GError) error = NULL;
  g_autoptr(ScmpVerdict) bad = NULL, unknown = NULL, newer = NULL, skip = NULL, old = NULL;
  int cachestat = scmp_syscall_resolve_name (SCMP_ARCHITECTURE_X86_64, "cachestat");

  g_assert_true (scmp_filter_add_arch (filter, SCMP_ARCHITECTURE_X86_64, &error));
  g_assert_no_error (error);
  scmp_filter_set_bad_arch_action (filter, kill);
  scmp_filter_set_unknown_syscall_action (filter, enosys);
  g_assert_true (scmp_filter_set_known_kernel (filter, "6.1", &error));
  g_assert_no_error (error);
  scmp_filter_set_allow_tracer_skip (filter, TRUE);

  bad = explain (filter, SCMP_ARCHITECTURE_AARCH64, "read", 0, 0);
  g_assert_cmpint (scmp_verdict_get_source (bad), ==, SCMP_VERDICT_SOURCE_BAD_ARCH);
  g_assert_true (scmp_action_equal (scmp_verdict_get_action (bad), kill));
  assert_sentence_has (bad, "does not cover aarch64");

  unknown = scmp_filter_explain (filter, SCMP_ARCHITECTURE_X86_64, 4000, NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (scmp_verdict_get_source (unknown), ==, SCMP_VERDICT_SOURCE_UNKNOWN_SYSCALL);
  g_assert_null (scmp_verdict_get_syscall (unknown));
  g_assert_true (scmp_action_equal (scmp_verdict_get_action (unknown), enosys));
  assert_sentence_has (unknown, "syscall 4000 is not in scmp-glib's tables");

  /* cachestat came in Linux 6.5 */
  g_assert_cmpint (cachestat, >, 0);
  newer = scmp_filter_explain (filter, SCMP_ARCHITECTURE_X86_64, cachestat, NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (scmp_verdict_get_source (newer), ==, SCMP_VERDICT_SOURCE_UNKNOWN_SYSCALL);
  g_assert_true (scmp_action_equal (scmp_verdict_get_action (newer), enosys));
  assert_sentence_has (newer, "cachestat is newer than the filter's known kernel 6.1");

  old = explain (filter, SCMP_ARCHITECTURE_X86_64, "read", 0, 0);
  g_assert_cmpint (scmp_verdict_get_source (old), ==, SCMP_VERDICT_SOURCE_DEFAULT);

  skip = scmp_filter_explain (filter, SCMP_ARCHITECTURE_X86_64, -1, NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (scmp_verdict_get_source (skip), ==, SCMP_VERDICT_SOURCE_TRACER_SKIP);
  g_assert_true (scmp_action_equal (scmp_verdict_get_action (skip), allow));
}

/* On x86, connect(2) is also socketcall(SYS_CONNECT, args): the filter
 * cannot read the arguments there, and the verdict says so. */
static void
test_explain_multiplexer (void)
{
  g_autoptr(ScmpAction) allow = scmp_action_new_allow ();
  g_autoptr(ScmpAction) eacces = scmp_action_new_errno (EACCES, NULL);
  g_autoptr(ScmpFilter) filter = scmp_filter_new (allow);
  g_autoptr(GError) error = NULL;
  ScmpCondition fd7 = { 0, SCMP_COMPARE_OP_EQ, 7, 0, FALSE };
  g_autoptr(ScmpVerdict) direct = NULL, muxed = NULL, other = NULL;
  int socketcall;
  guint sub = 0;

  g_assert_true (scmp_filter_add_arch (filter, SCMP_ARCHITECTURE_X86, &error));
  g_assert_no_error (error);
  test_add_rule (filter, "getpid", allow, NULL, 0);
  test_add_rule (filter, "connect", eacces, &fd7, 1);   /* 1 */

  g_assert_cmpint (scmp_syscall_get_multiplexer (SCMP_ARCHITECTURE_X86, "connect", &socketcall, &sub),
                   ==, SCMP_MULTIPLEXER_SOCKETCALL);

  direct = explain (filter, SCMP_ARCHITECTURE_X86, "connect", 8, 0);
  g_assert_cmpint (scmp_verdict_get_source (direct), ==, SCMP_VERDICT_SOURCE_DEFAULT);

  muxed = scmp_filter_explain (filter, SCMP_ARCHITECTURE_X86, socketcall,
                               (guint64[]) { sub, 0 }, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpint (scmp_verdict_get_source (muxed), ==, SCMP_VERDICT_SOURCE_RULE);
  g_assert_cmpint (scmp_verdict_get_rule_index (muxed), ==, 1);
  g_assert_true (scmp_verdict_get_unchecked (muxed));
  g_assert_cmpint (scmp_verdict_get_multiplexer (muxed), ==, SCMP_MULTIPLEXER_SOCKETCALL);
  g_assert_true (scmp_action_equal (scmp_verdict_get_action (muxed), eacces));
  assert_sentence_has (muxed, "through socketcall(2) the filter cannot read the arguments");

  /* another sub-call: no rule reaches it */
  other = scmp_filter_explain (filter, SCMP_ARCHITECTURE_X86, socketcall,
                               (guint64[]) { sub + 1, 0 }, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpint (scmp_verdict_get_source (other), ==, SCMP_VERDICT_SOURCE_DEFAULT);
  g_assert_false (scmp_verdict_get_unchecked (other));
}

static void
test_explain_errors (void)
{
  g_autoptr(ScmpAction) allow = scmp_action_new_allow ();
  g_autoptr(ScmpFilter) filter = scmp_filter_new (allow);
  guint64 args[7] = { 0 };
  g_autoptr(GError) e1 = NULL, e2 = NULL, e3 = NULL;

  g_assert_null (scmp_filter_explain_syscall (filter, SCMP_ARCHITECTURE_X86_64, "no_such_call",
                                              NULL, 0, &e1));
  g_assert_error (e1, SCMP_ERROR, SCMP_ERROR_INVALID_SYSCALL);
  g_assert_nonnull (strstr (e1->message, "no_such_call"));
  g_assert_null (scmp_filter_explain (filter, SCMP_ARCHITECTURE_X86_64, 0, args, 7, &e2));
  g_assert_error (e2, SCMP_ERROR, SCMP_ERROR_INVALID_ARGUMENT);
  g_assert_null (scmp_filter_explain (filter, (ScmpArchitecture) 999, 0, NULL, 0, &e3));
  g_assert_error (e3, SCMP_ERROR, SCMP_ERROR_INVALID_ARCHITECTURE);
}

/* Random policies against the reference */
static void
test_explain_random (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (g_test_rand_int ());
  guint checked = 0, by_rule = 0, unchecked = 0;

  for (guint iter = 0; iter < (g_test_slow () ? 400 : 60); iter++)
    {
      g_autoptr(ScmpFilter) filter = random_filter (rand);
      g_autoptr(RefFilter) ref = ref_filter_new (filter);

      for (gsize a = 0; a < G_N_ELEMENTS (pool_arches); a++)
        for (gsize s = 0; s < G_N_ELEMENTS (pool_syscalls) + 2; s++)
          for (guint probe = 0; probe < 6; probe++)
            {
              ScmpArchitecture arch = pool_arches[a];
              guint64 args[6] = { 0 };
              g_autoptr(ScmpVerdict) v = NULL;
              g_autoptr(GError) error = NULL;
              int nr, ref_rule;
              guint sub = 0;
              guint32 ref_ret;
              ScmpMultiplexer mux = SCMP_MULTIPLEXER_NONE;

              if (s < G_N_ELEMENTS (pool_syscalls))
                nr = scmp_syscall_resolve_name (arch, pool_syscalls[s]);
              else
                {
                  /* the multiplexers, with the sub-call of a pool syscall */
                  const char *via = pool_syscalls[g_rand_int_range (rand, RANDOM_POOL_FIRST_MUXED, G_N_ELEMENTS (pool_syscalls))];

                  mux = scmp_syscall_get_multiplexer (arch, via, &nr, &sub);
                  if (mux == SCMP_MULTIPLEXER_NONE)
                    continue;
                }
              if (nr < 0)
                continue;
              for (guint i = 0; i < 3; i++)
                args[i] = pool_values[g_rand_int_range (rand, 0, G_N_ELEMENTS (pool_values))];
              if (mux != SCMP_MULTIPLEXER_NONE)
                args[0] = sub | (g_rand_boolean (rand) ? 0 : (guint64) g_rand_int (rand) << 16);

              v = scmp_filter_explain (filter, arch, nr, args, 6, &error);
              g_assert_no_error (error);
              ref_ret = ref_filter_explain (ref, scmp_architecture_get_audit_arch (arch), nr, args,
                                            &ref_rule);
              g_assert_cmphex (scmp_action_get_kernel_value (scmp_verdict_get_action (v)), ==, ref_ret);

              /* The one place the two may differ: a rule whose action is
               * what a multiplexed call gets anyway is not compiled. */
              if (scmp_verdict_get_rule_index (v) != ref_rule)
                {
                  g_autofree char *why = scmp_verdict_to_string (v);

                  if (scmp_verdict_get_multiplexer (v) == SCMP_MULTIPLEXER_NONE ||
                      scmp_verdict_get_source (v) == SCMP_VERDICT_SOURCE_RULE || ref_rule < 0)
                    g_error ("%s, nr %d, args 0x%" G_GINT64_MODIFIER "x 0x%" G_GINT64_MODIFIER
                             "x 0x%" G_GINT64_MODIFIER "x: explained as rule %d (%s), the "
                             "reference says rule %d", scmp_architecture_to_name (arch), nr,
                             args[0], args[1], args[2], scmp_verdict_get_rule_index (v), why,
                             ref_rule);
                }
              if (scmp_verdict_get_unchecked (v))
                {
                  g_assert_cmpint (scmp_verdict_get_multiplexer (v), !=, SCMP_MULTIPLEXER_NONE);
                  g_assert_cmpuint (scmp_rule_get_n_conditions (scmp_verdict_get_rule (v)), >, 0);
                  unchecked++;
                }
              by_rule += scmp_verdict_get_source (v) == SCMP_VERDICT_SOURCE_RULE;
              checked++;
            }
    }
  g_test_message ("%u calls explained, %u by a rule, %u unchecked on a multiplexer",
                  checked, by_rule, unchecked);
  g_assert_cmpuint (by_rule, >, checked / 10);
  g_assert_cmpuint (unchecked, >, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/explain/rules", test_explain_rules);
  g_test_add_func ("/explain/fallbacks", test_explain_fallbacks);
  g_test_add_func ("/explain/multiplexer", test_explain_multiplexer);
  g_test_add_func ("/explain/errors", test_explain_errors);
  g_test_add_func ("/explain/random", test_explain_random);

  return g_test_run ();
}
