/* test-scale.c: ScmpFilter at its limits: the kernel's 4096-instruction
 * limit, rules with many conditions, many filters built and freed
 *
 * SPDX-FileCopyrightText: 2026 The scmp-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <scmp-glib/scmp-glib.h>

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include "test-rules.h"

/* Rule @i of a filter too large for the kernel: ioctl with one distinct
 * 64-bit value on arg 2-5 (fd and cmd are 32-bit). */
static ScmpRule *
big_rule (ScmpAction *action,
          guint       i)
{
  ScmpCondition c = { .arg = 2 + i % 4, .op = SCMP_COMPARE_OP_EQ,
                      .datum = (G_GUINT64_CONSTANT (1) << 33) + i };

  return scmp_rule_newv ("ioctl", action, &c, 1);
}

/* The action of ioctl(0, 0, @arg2, @arg3, @arg4, @arg5), as a string. */
static char *
eval_ioctl (ScmpFilter *filter,
            guint       rule_index)
{
  guint64 args[6] = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(ScmpAction) action = NULL;

  args[2 + rule_index % 4] = (G_GUINT64_CONSTANT (1) << 33) + rule_index;
  action = scmp_filter_evaluate_syscall (filter, SCMP_ARCHITECTURE_X86_64, "ioctl", args, 6, &error);
  g_assert_no_error (error);
  return scmp_action_to_string (action);
}

/* The instruction count in "The compiled filter has N instructions". */
static guint
count_in_message (const char *message)
{
  const char *p = strstr (message, " has ");

  g_assert_nonnull (p);
  return (guint) g_ascii_strtoull (p + 5, NULL, 10);
}

static void
assert_too_large (GError *error)
{
  g_assert_error (error, SCMP_ERROR, SCMP_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "4096"));
  g_assert_nonnull (strstr (error->message, "instructions"));
  g_assert_cmpuint (count_in_message (error->message), >, 4096);
}

/* Over the limit: every way out of the filter fails with
 * SCMP_ERROR_TOO_LARGE and a message that names the limit and the
 * length; the filter is unchanged, takes more rules, and compiles again
 * once rules are removed. */
static void
test_limit_error (void)
{
  g_autoptr(ScmpAction) allow = scmp_action_new_allow ();
  g_autoptr(ScmpAction) eperm = scmp_action_new_errno (EPERM, NULL);
  g_autoptr(ScmpFilter) filter = test_filter_new_x86_64 (eperm);
  g_autoptr(GPtrArray) rules = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *first_message = NULL;
  g_autofree char *pfc = NULL;
  g_autoptr(ScmpRule) extra = NULL;
  guint n = 3000, len;
  int fd;

  for (guint i = 0; i < n; i++)
    {
      g_ptr_array_add (rules, big_rule (allow, i));
      test_add_rule_ok (filter, g_ptr_array_index (rules, i));
    }

  bytes = scmp_filter_export_bpf (filter, &error);
  g_assert_null (bytes);
  assert_too_large (error);
  g_test_message ("%u rules: %s", n, error->message);
  first_message = g_strdup (error->message);
  g_clear_error (&error);

  /* The same answer again (nothing half-compiled was kept), and from
   * the other exits. */
  bytes = scmp_filter_export_bpf (filter, &error);
  g_assert_null (bytes);
  assert_too_large (error);
  g_assert_cmpstr (error->message, ==, first_message);
  g_clear_error (&error);

  fd = open ("/dev/null", O_WRONLY | O_CLOEXEC);
  g_assert_cmpint (fd, >=, 0);
  g_assert_false (scmp_filter_write_bpf_to_fd (filter, fd, &error));
  assert_too_large (error);
  g_clear_error (&error);
  close (fd);

  g_assert_false (scmp_filter_prepare (filter, &error));
  assert_too_large (error);
  g_clear_error (&error);

  g_assert_null (scmp_filter_evaluate_syscall (filter, SCMP_ARCHITECTURE_X86_64, "ioctl", NULL, 0, &error));
  assert_too_large (error);
  g_clear_error (&error);

  /* The PFC text has no length limit. */
  pfc = scmp_filter_export_pfc (filter, &error);
  g_assert_no_error (error);
  g_assert_nonnull (pfc);

  /* Unchanged: the same rules in the same order. */
  g_assert_cmpuint (scmp_filter_get_n_rules (filter), ==, n);
  for (guint i = 0; i < n; i++)
    g_assert_true (scmp_filter_get_rule (filter, i) == g_ptr_array_index (rules, i));

  /* Still takes rules, and is still too large. */
  extra = scmp_rule_new ("getpid", allow);
  test_add_rule_ok (filter, extra);
  g_assert_cmpuint (scmp_filter_get_n_rules (filter), ==, n + 1);
  bytes = scmp_filter_export_bpf (filter, &error);
  g_assert_null (bytes);
  assert_too_large (error);
  g_clear_error (&error);

  /* Remove ioctl rules from the end until it fits. */
  while (TRUE)
    {
      g_assert_cmpuint (n, >, 0);
      for (guint k = 0; k < 100; k++)
        g_assert_true (scmp_filter_remove_rule (filter, g_ptr_array_index (rules, --n)));
      bytes = scmp_filter_export_bpf (filter, &error);
      if (bytes != NULL)
        break;
      assert_too_large (error);
      g_clear_error (&error);
    }
  g_assert_no_error (error);
  len = g_bytes_get_size (bytes) / 8;
  g_test_message ("fits again with %u ioctl rules: %u instructions", n, len);
  g_assert_cmpuint (len, <=, 4096);
  g_assert_cmpuint (len, >, 0);
  g_assert_cmpuint (scmp_filter_get_n_rules (filter), ==, n + 1);

  /* The compiled program means what the rules say. */
  for (guint i = 0; i < n; i += 97)
    {
      g_autofree char *got = eval_ioctl (filter, i);

      g_assert_cmpstr (got, ==, "allow");
    }
  {
    g_autofree char *removed = eval_ioctl (filter, n);
    g_autofree char *getpid = NULL;
    g_autoptr(ScmpAction) action = NULL;

    g_assert_cmpstr (removed, ==, "errno(1)");
    action = scmp_filter_evaluate_syscall (filter, SCMP_ARCHITECTURE_X86_64, "getpid", NULL, 0, &error);
    g_assert_no_error (error);
    getpid = scmp_action_to_string (action);
    g_assert_cmpstr (getpid, ==, "allow");
  }
  g_assert_true (scmp_filter_prepare (filter, &error));
  g_assert_no_error (error);
}

/* The condition @k of a deep rule: per argument GE, LE, GT, LT, NE and
 * MASKED_EQ (36 for six arguments), all true for arguments 0x5000. */
static ScmpCondition
deep_condition (guint k)
{
  ScmpCondition c = { .arg = k % 6 };

  switch (k / 6)
    {
    case 0: c.op = SCMP_COMPARE_OP_GE; c.datum = 0x100 + k; break;
    case 1: c.op = SCMP_COMPARE_OP_LE; c.datum = 0xffff0000 + k; break;
    case 2: c.op = SCMP_COMPARE_OP_GT; c.datum = 0xff + k; break;
    case 3: c.op = SCMP_COMPARE_OP_LT; c.datum = 0xffff0001 + k; break;
    case 4: c.op = SCMP_COMPARE_OP_NE; c.datum = 0x1000000 + k; break;
    default:
      c.op = SCMP_COMPARE_OP_MASKED_EQ;
      c.mask = G_GUINT64_CONSTANT (0xf00000000) << (k % 6);
      c.datum = 0;
      break;
    }
  return c;
}

static const char *
eval_mmap (ScmpFilter    *filter,
           const guint64 *args)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScmpAction) action = scmp_filter_evaluate_syscall (filter, SCMP_ARCHITECTURE_X86_64,
                                                               "mmap", args, 6, &error);

  g_assert_no_error (error);
  return scmp_action_get_kind (action) == SCMP_ACTION_KIND_ALLOW ? "allow" : "default";
}

/* One rule with six comparisons on each of the six arguments: several
 * conditions on one argument are allowed, and all must hold. */
static void
test_deep_rule (void)
{
  g_autoptr(ScmpAction) allow = scmp_action_new_allow ();
  g_autoptr(ScmpAction) eperm = scmp_action_new_errno (EPERM, NULL);
  g_autoptr(ScmpFilter) filter = test_filter_new_x86_64 (eperm);
  ScmpCondition conds[36];
  g_autoptr(ScmpRule) rule = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  guint64 args[6];

  for (guint k = 0; k < G_N_ELEMENTS (conds); k++)
    conds[k] = deep_condition (k);
  rule = scmp_rule_newv ("mmap", allow, conds, G_N_ELEMENTS (conds));
  g_assert_cmpuint (scmp_rule_get_n_conditions (rule), ==, 36);
  test_add_rule_ok (filter, rule);
  bytes = scmp_filter_export_bpf (filter, &error);
  g_assert_no_error (error);
  g_assert_nonnull (bytes);

  for (guint a = 0; a < 6; a++)
    args[a] = 0x5000;
  g_assert_cmpstr (eval_mmap (filter, args), ==, "allow");
  g_assert_true (scmp_rule_matches (rule, args, 6));
  /* Break each condition in turn. */
  for (guint k = 0; k < G_N_ELEMENTS (conds); k++)
    {
      guint64 bad[6];
      guint64 v;

      memcpy (bad, args, sizeof bad);
      switch (conds[k].op)
        {
        case SCMP_COMPARE_OP_GE: case SCMP_COMPARE_OP_GT: v = 0x10; break;
        case SCMP_COMPARE_OP_LE: case SCMP_COMPARE_OP_LT: v = G_GUINT64_CONSTANT (0x1ffff0000); break;
        case SCMP_COMPARE_OP_NE: v = conds[k].datum; break;
        default: v = 0x5000 | conds[k].mask; break;
        }
      bad[conds[k].arg] = v;
      g_assert_false (scmp_condition_matches (&conds[k], v));
      g_assert_cmpstr (eval_mmap (filter, bad), ==, "default");
    }
}

/* Thousands of conditions on one rule, alone and shared by two rules:
 * the compiler used to peel one condition a level (quadratic time and a
 * stack frame per condition); it now answers in well under a second,
 * here with the limit error. */
static void
test_long_rule_limit (void)
{
  g_autoptr(ScmpAction) allow = scmp_action_new_allow ();
  g_autoptr(ScmpAction) eperm = scmp_action_new_errno (EPERM, NULL);
  guint n = 10000;
  g_autofree ScmpCondition *conds = g_new0 (ScmpCondition, n + 1);

  for (guint i = 0; i < n; i++)
    conds[i] = (ScmpCondition) { .arg = i % 6, .op = SCMP_COMPARE_OP_NE, .datum = 0x1000000 + i };
  for (guint shared = 1; shared <= 2; shared++)
    {
      g_autoptr(ScmpFilter) filter = test_filter_new_x86_64 (eperm);
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;

      for (guint r = 0; r < shared; r++)
        {
          g_autoptr(ScmpRule) rule = NULL;

          conds[n] = (ScmpCondition) { .arg = 0, .op = SCMP_COMPARE_OP_GE, .datum = r + 1 };
          rule = scmp_rule_newv ("mmap", allow, conds, n + 1);
          test_add_rule_ok (filter, rule);
          /* the same rule again: a duplicate, found among 10,001 conditions */
          g_object_unref (rule);
          rule = scmp_rule_newv ("mmap", allow, conds, n + 1);
          test_add_rule_ok (filter, rule);
        }
      g_assert_cmpuint (scmp_filter_get_n_rules (filter), ==, shared);
      bytes = scmp_filter_export_bpf (filter, &error);
      g_assert_null (bytes);
      assert_too_large (error);
    }
}

/* A random condition on one of mmap's arguments (all 64-bit on x86_64),
 * from a small pool so that rules share conditions. */
static ScmpCondition
pool_condition (GRand *rand)
{
  static const guint64 values[] = { 0, 1, 2, 0x80, 0xffff, 0x7fffffff, 0x80000000,
                                    G_GUINT64_CONSTANT (0x100000000),
                                    G_GUINT64_CONSTANT (0xffffffffffffffff) };
  ScmpCondition c = { 0 };

  c.arg = g_rand_int_range (rand, 0, 3);
  c.op = g_rand_int_range (rand, SCMP_COMPARE_OP_EQ, SCMP_COMPARE_OP_MASKED_EQ + 1);
  c.datum = values[g_rand_int_range (rand, 0, G_N_ELEMENTS (values))];
  if (c.op == SCMP_COMPARE_OP_MASKED_EQ)
    {
      c.mask = values[g_rand_int_range (rand, 0, G_N_ELEMENTS (values))];
      c.datum &= c.mask;
    }
  return c;
}

/* Rules with long condition lists (17-40, more than the compiler's
 * pairwise thresholds), sharing and repeating conditions, against the
 * rules' own meaning: the first rule whose conditions hold decides. */
static void
test_long_clauses_meaning (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261204);
  g_autoptr(ScmpAction) eperm = scmp_action_new_errno (EPERM, NULL);
  ScmpAction *actions[3];
  guint filters = g_test_quick () ? 40 : 200;
  guint matched = 0, probes = 0;

  actions[0] = scmp_action_new_allow ();
  actions[1] = scmp_action_new_errno (EACCES, NULL);
  actions[2] = scmp_action_new_log ();
  for (guint f = 0; f < filters; f++)
    {
      g_autoptr(ScmpFilter) filter = test_filter_new_x86_64 (eperm);
      g_autoptr(GPtrArray) rules = g_ptr_array_new_with_free_func (g_object_unref);
      g_autoptr(GArray) common = g_array_new (FALSE, FALSE, sizeof (ScmpCondition));
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;
      guint n_rules = g_rand_int_range (rand, 1, 6);
      guint n_common = g_rand_int_range (rand, 0, 30);

      /* Conditions every rule starts with, mostly true ones (NE, GE 0,
       * LE max) so that the rules can still match. */
      for (guint i = 0; i < n_common; i++)
        {
          ScmpCondition c = pool_condition (rand);

          if (g_rand_int_range (rand, 0, 4) != 0)
            c = (ScmpCondition) { .arg = g_rand_int_range (rand, 0, 6), .op = SCMP_COMPARE_OP_NE,
                                  .datum = 0x1000 + g_rand_int_range (rand, 0, 50) };
          g_array_append_val (common, c);
        }
      for (guint r = 0; r < n_rules; r++)
        {
          g_autoptr(GArray) conds = g_array_copy (common);
          guint more = g_rand_int_range (rand, 17 - MIN (n_common, 16), 41 - n_common);
          ScmpRule *rule;

          for (guint i = 0; i < more; i++)
            {
              ScmpCondition c;

              if (g_rand_int_range (rand, 0, 3) == 0)
                c = pool_condition (rand);
              else
                c = (ScmpCondition) { .arg = g_rand_int_range (rand, 0, 6), .op = SCMP_COMPARE_OP_NE,
                                      .datum = 0x1000 + g_rand_int_range (rand, 0, 50) };
              g_array_append_val (conds, c);
            }
          /* repeats, at random places */
          if (conds->len > 0 && g_rand_boolean (rand))
            {
              ScmpCondition c = g_array_index (conds, ScmpCondition, g_rand_int_range (rand, 0, conds->len));

              g_array_insert_val (conds, g_rand_int_range (rand, 0, conds->len + 1), c);
            }
          rule = scmp_rule_newv ("mmap", actions[g_rand_int_range (rand, 0, 3)],
                                 (ScmpCondition *) (void *) conds->data, conds->len);
          if (scmp_filter_add_rule (filter, rule, NULL))
            g_ptr_array_add (rules, rule);
          else
            g_object_unref (rule);      /* the same conditions, another action */
        }
      bytes = scmp_filter_export_bpf (filter, &error);
      g_assert_no_error (error);

      for (guint p = 0; p < 200; p++)
        {
          static const guint64 values[] = { 0, 1, 2, 0x80, 0xffff, 0x1000, 0x1001, 0x1010,
                                            0x7fffffff, 0x80000000,
                                            G_GUINT64_CONSTANT (0x100000000),
                                            G_GUINT64_CONSTANT (0xffffffffffffffff) };
          guint64 args[6];
          ScmpAction *expected = eperm;
          g_autoptr(ScmpAction) got = NULL;

          for (guint a = 0; a < 6; a++)
            args[a] = values[g_rand_int_range (rand, 0, G_N_ELEMENTS (values))];
          /* Every other probe aims at a rule: per argument, a value
           * that meets all the rule's conditions on it, when one of the
           * candidates does (the conditions on one argument are
           * independent of the others'). */
          if (p % 2 == 0 && rules->len > 0)
            {
              ScmpRule *target = g_ptr_array_index (rules, g_rand_int_range (rand, 0, rules->len));

              for (guint a = 0; a < 6; a++)
                for (guint v = 0; v < G_N_ELEMENTS (values) + 3 * scmp_rule_get_n_conditions (target) + 1; v++)
                  {
                    guint64 cand;
                    gboolean ok = TRUE;

                    if (v == 0)
                      cand = 0x5000;
                    else if (v <= G_N_ELEMENTS (values))
                      cand = values[v - 1];
                    else
                      {
                        const ScmpCondition *c = scmp_rule_get_condition (target, (v - 1 - G_N_ELEMENTS (values)) / 3);

                        cand = c->datum + (v - 1 - G_N_ELEMENTS (values)) % 3 - 1;
                      }
                    for (guint k = 0; k < scmp_rule_get_n_conditions (target) && ok; k++)
                      {
                        const ScmpCondition *c = scmp_rule_get_condition (target, k);

                        ok = c->arg != a || scmp_condition_matches (c, cand);
                      }
                    if (ok)
                      {
                        args[a] = cand;
                        break;
                      }
                  }
            }
          for (guint r = 0; r < rules->len; r++)
            if (scmp_rule_matches (g_ptr_array_index (rules, r), args, 6))
              {
                expected = scmp_rule_get_action (g_ptr_array_index (rules, r));
                break;
              }
          matched += expected != eperm;
          probes++;
          got = scmp_filter_evaluate_syscall (filter, SCMP_ARCHITECTURE_X86_64, "mmap", args, 6, &error);
          g_assert_no_error (error);
          if (!scmp_action_equal (got, expected))
            {
              g_autofree char *pfc = scmp_filter_export_pfc (filter, NULL);

              g_test_message ("filter %u probe %u: args %" G_GINT64_MODIFIER "x %" G_GINT64_MODIFIER
                              "x %" G_GINT64_MODIFIER "x %" G_GINT64_MODIFIER "x %" G_GINT64_MODIFIER
                              "x %" G_GINT64_MODIFIER "x\n%s", f, p, args[0], args[1], args[2],
                              args[3], args[4], args[5], pfc);
              g_assert_true (scmp_action_equal (got, expected));
            }
        }
    }
  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    g_object_unref (actions[i]);
  /* The probes must reach the rules, not only the default. */
  g_test_message ("%u of %u probes matched a rule", matched, probes);
  g_assert_cmpuint (matched, >=, probes / 20);
}

/* Many filters built and freed: under ASan (./run asan) or valgrind
 * (./run valgrind) a leak of any of them fails the test. */
static void
test_build_free_loop (void)
{
  static const char * const names[] = { "read", "write", "openat", "close", "mmap",
                                        "ioctl", "futex", "getpid", "socket", "kill" };
  static const ScmpArchitecture arches[] = { SCMP_ARCHITECTURE_X86_64, SCMP_ARCHITECTURE_X86,
                                             SCMP_ARCHITECTURE_X32 };
  guint loops = g_test_quick () ? 2000 : 10000;

  for (guint l = 0; l < loops; l++)
    {
      g_autoptr(ScmpAction) allow = scmp_action_new_allow ();
      g_autoptr(ScmpAction) eperm = scmp_action_new_errno (EPERM, NULL);
      g_autoptr(ScmpFilter) filter = scmp_filter_new (eperm);
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;

      for (guint a = 0; a < G_N_ELEMENTS (arches); a++)
        g_assert_true (scmp_filter_add_arch (filter, arches[a], NULL));
      for (guint i = 0; i < 30; i++)
        {
          ScmpCondition c = { .arg = i % 3, .op = SCMP_COMPARE_OP_EQ, .datum = i, .is_32bit = TRUE };
          g_autoptr(ScmpRule) rule = i % 3 == 0
            ? scmp_rule_new (names[i % G_N_ELEMENTS (names)], allow)
            : scmp_rule_newv (names[i % G_N_ELEMENTS (names)], allow, &c, 1);

          g_assert_true (scmp_filter_add_rule (filter, rule, &error));
        }
      bytes = scmp_filter_export_bpf (filter, &error);
      g_assert_no_error (error);
      g_assert_nonnull (bytes);
      /* every hundredth also fails at the limit, and frees that path */
      if (l % 100 == 0)
        {
          g_autoptr(ScmpFilter) big = test_filter_new_x86_64 (eperm);

          for (guint i = 0; i < 3000; i++)
            {
              g_autoptr(ScmpRule) rule = big_rule (allow, i);

              g_assert_true (scmp_filter_add_rule (big, rule, NULL));
            }
          g_clear_pointer (&bytes, g_bytes_unref);
          bytes = scmp_filter_export_bpf (big, &error);
          g_assert_null (bytes);
          g_assert_error (error, SCMP_ERROR, SCMP_ERROR_TOO_LARGE);
        }
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/scale/limit/error", test_limit_error);
  g_test_add_func ("/scale/conditions/deep-rule", test_deep_rule);
  g_test_add_func ("/scale/conditions/long-rule-limit", test_long_rule_limit);
  g_test_add_func ("/scale/conditions/long-clauses-meaning", test_long_clauses_meaning);
  g_test_add_func ("/scale/memory/build-free-loop", test_build_free_loop);

  return g_test_run ();
}
