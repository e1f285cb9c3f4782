/* test-rule.c
 *
 * SPDX-FileCopyrightText: 2026 The scmp-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <scmp-glib/scmp-glib.h>

#include "test-preconditions.h"

#include <errno.h>

static void
test_new (void)
{
  g_autoptr(ScmpAction) allow = scmp_action_new_allow ();
  g_autoptr(ScmpRule) rule = scmp_rule_new ("write", allow);
  g_autoptr(GPtrArray) conditions = NULL;

  g_assert_true (SCMP_IS_RULE (rule));
  g_assert_cmpstr (scmp_rule_get_syscall (rule), ==, "write");
  g_assert_true (scmp_rule_get_action (rule) == allow);
  g_assert_false (scmp_rule_get_exact (rule));
  g_assert_cmpuint (scmp_rule_get_n_conditions (rule), ==, 0);

  conditions = scmp_rule_dup_conditions (rule);
  g_assert_nonnull (conditions);
  g_assert_cmpuint (conditions->len, ==, 0);

  /* A rule without conditions matches every call. */
  g_assert_true (scmp_rule_matches (rule, NULL, 0));
}

static void
test_new_keeps_action (void)
{
  ScmpAction *action = scmp_action_new_errno (EPERM, NULL);
  g_autoptr(ScmpRule) rule = scmp_rule_new ("openat", action);

  g_test_summary ("A rule holds its own reference to the action");

  g_object_add_weak_pointer (G_OBJECT (action), (gpointer *) &action);
  g_object_unref (action);
  g_assert_nonnull (action);
  g_assert_true (scmp_rule_get_action (rule) == action);
  g_assert_cmpuint (scmp_action_get_errno_value (scmp_rule_get_action (rule)), ==, EPERM);

  g_clear_object (&rule);
  g_assert_null (action);
}

static void
test_newv (void)
{
  g_autoptr(ScmpAction) deny = scmp_action_new_errno (EACCES, NULL);
  const ScmpCondition conditions[] = {
    { 2, SCMP_COMPARE_OP_MASKED_EQ, 0x40, 0x40, FALSE },
    { 0, SCMP_COMPARE_OP_EQ, 1, 0, TRUE },
    { 1, SCMP_COMPARE_OP_LE, 10, 0, FALSE },
  };
  g_autoptr(ScmpRule) rule = scmp_rule_newv ("openat", deny, conditions, G_N_ELEMENTS (conditions));
  g_autoptr(ScmpRule) empty = scmp_rule_newv ("close", deny, NULL, 0);

  g_assert_cmpstr (scmp_rule_get_syscall (rule), ==, "openat");
  g_assert_false (scmp_rule_get_exact (rule));
  g_assert_cmpuint (scmp_rule_get_n_conditions (rule), ==, 3);

  /* Kept in the given order, and copied. */
  for (guint i = 0; i < G_N_ELEMENTS (conditions); i++)
    {
      const ScmpCondition *condition = scmp_rule_get_condition (rule, i);

      g_assert_true (condition != &conditions[i]);
      g_assert_true (scmp_condition_equal (condition, &conditions[i]));
    }

  g_assert_cmpuint (scmp_rule_get_n_conditions (empty), ==, 0);
}

static void
test_new_with_conditions (void)
{
  g_autoptr(ScmpAction) allow = scmp_action_new_allow ();
  g_autoptr(ScmpCondition) a = scmp_condition_new (0, SCMP_COMPARE_OP_EQ, 1, NULL);
  g_autoptr(ScmpCondition) b = scmp_condition_new_32 (2, SCMP_COMPARE_OP_LE, 10, NULL);
  g_autoptr(ScmpRule) rule = scmp_rule_new_with_conditions ("write", allow, a, b, NULL);
  g_autoptr(ScmpRule) none = scmp_rule_new_with_conditions ("write", allow, NULL, NULL);

  g_assert_cmpuint (scmp_rule_get_n_conditions (rule), ==, 2);
  g_assert_true (scmp_condition_equal (scmp_rule_get_condition (rule, 0), a));
  g_assert_true (scmp_condition_equal (scmp_rule_get_condition (rule, 1), b));
  g_assert_false (scmp_rule_get_exact (rule));

  g_assert_cmpuint (scmp_rule_get_n_conditions (none), ==, 0);
}

static void
test_new_exact (void)
{
  g_autoptr(ScmpAction) allow = scmp_action_new_allow ();
  ScmpCondition condition = { 0, SCMP_COMPARE_OP_EQ, 2, 0, FALSE };
  g_autoptr(ScmpRule) rule = scmp_rule_new_exact ("socket", allow, &condition, 1);
  g_autoptr(ScmpRule) bare = scmp_rule_new_exact ("socket", allow, NULL, 0);
  gboolean exact = FALSE;

  g_assert_true (scmp_rule_get_exact (rule));
  g_assert_cmpuint (scmp_rule_get_n_conditions (rule), ==, 1);
  g_assert_true (scmp_rule_get_exact (bare));
  g_assert_cmpuint (scmp_rule_get_n_conditions (bare), ==, 0);

  g_object_get (rule, "exact", &exact, NULL);
  g_assert_true (exact);
}

/* The named constructors and g_object_new() build a rule the same way:
 * same fields, the name copied when no table has it, no critical (the
 * tests run with fatal warnings). */
static void
test_new_same_as_property_bag (void)
{
  g_autoptr(ScmpAction) allow = scmp_action_new_allow ();
  const char *names[] = { "openat", "no_such_syscall" };

  g_test_summary ("Named constructors and g_object_new() give the same rule");

  for (gsize i = 0; i < G_N_ELEMENTS (names); i++)
    for (int exact = FALSE; exact <= TRUE; exact++)
      {
        g_autofree char *name = g_strdup (names[i]);
        g_autoptr(ScmpRule) named = exact ? scmp_rule_new_exact (name, allow, NULL, 0)
                                          : scmp_rule_new (name, allow);
        g_autoptr(ScmpRule) bag = g_object_new (SCMP_TYPE_RULE,
                                                "syscall", names[i],
                                                "action", allow,
                                                "exact", exact,
                                                NULL);
        g_autofree char *syscall = NULL;
        g_autoptr(ScmpAction) action = NULL;
        g_autofree char *named_text = NULL;
        g_autofree char *bag_text = NULL;
        gboolean got_exact = !exact;

        g_clear_pointer (&name, g_free);   /* the rule has its own copy */

        g_object_get (named, "syscall", &syscall, "action", &action, "exact", &got_exact, NULL);
        g_assert_cmpstr (syscall, ==, names[i]);
        g_assert_true (action == allow);
        g_assert_cmpint (got_exact, ==, exact);

        named_text = scmp_rule_to_string (named);
        bag_text = scmp_rule_to_string (bag);
        g_assert_cmpstr (named_text, ==, bag_text);
        g_assert_true (scmp_rule_same_conditions (named, bag));
      }
}

static void
test_new_arg_out_of_range (void)
{
  g_autoptr(ScmpAction) allow = scmp_action_new_allow ();
  ScmpCondition condition = { 6, SCMP_COMPARE_OP_EQ, 0, 0, FALSE };
  g_autoptr(ScmpRule) rule = scmp_rule_newv ("write", allow, &condition, 1);

  g_test_summary ("A rule stores a condition on argument 6; the filter reports it");

  g_assert_cmpuint (scmp_rule_get_condition (rule, 0)->arg, ==, 6);
}

static void
test_property_bag (void)
{
  g_autoptr(ScmpAction) log = scmp_action_new_log ();
  g_autoptr(ScmpRule) rule = NULL;
  g_autofree char *syscall = NULL;
  g_autoptr(ScmpAction) action = NULL;
  gboolean exact = TRUE;
  guint n_conditions = 99;

  rule = g_object_new (SCMP_TYPE_RULE,
                       "syscall", "getpid",
                       "action", log,
                       NULL);

  g_object_get (rule,
                "syscall", &syscall,
                "action", &action,
                "exact", &exact,
                "n-conditions", &n_conditions,
                NULL);
  g_assert_cmpstr (syscall, ==, "getpid");
  g_assert_true (action == log);
  g_assert_false (exact);
  g_assert_cmpuint (n_conditions, ==, 0);

  g_clear_object (&rule);
  rule = g_object_new (SCMP_TYPE_RULE,
                       "syscall", "getpid",
                       "action", log,
                       "exact", TRUE,
                       NULL);
  g_assert_true (scmp_rule_get_exact (rule));
}

static void
test_property_n_conditions (void)
{
  g_autoptr(ScmpAction) allow = scmp_action_new_allow ();
  const ScmpCondition conditions[] = {
    { 0, SCMP_COMPARE_OP_GE, 3, 0, FALSE },
    { 0, SCMP_COMPARE_OP_LT, 10, 0, FALSE },
  };
  g_autoptr(ScmpRule) rule = scmp_rule_newv ("close", allow, conditions, 2);
  guint n_conditions = 0;

  g_object_get (rule, "n-conditions", &n_conditions, NULL);
  g_assert_cmpuint (n_conditions, ==, 2);
}

static void
test_property_missing (void)
{
  g_test_summary ("A rule built from properties needs a syscall and an action");

  if (g_test_subprocess ())
    {
      ScmpRule *rule = g_object_new (SCMP_TYPE_RULE, NULL);

      g_clear_object (&rule);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*Scmp-CRITICAL*non-empty*syscall*property*");
}

static void
test_dup_conditions (void)
{
  g_autoptr(ScmpAction) allow = scmp_action_new_allow ();
  const ScmpCondition conditions[] = {
    { 1, SCMP_COMPARE_OP_NE, 0, 0, FALSE },
    { 0, SCMP_COMPARE_OP_MASKED_EQ, 4, 0xf, TRUE },
  };
  g_autoptr(ScmpRule) rule = scmp_rule_newv ("ioctl", allow, conditions, 2);
  g_autoptr(GPtrArray) copies = scmp_rule_dup_conditions (rule);
  ScmpCondition *first;

  g_assert_cmpuint (copies->len, ==, 2);
  for (guint i = 0; i < copies->len; i++)
    {
      g_assert_true (g_ptr_array_index (copies, i) != scmp_rule_get_condition (rule, i));
      g_assert_true (scmp_condition_equal (g_ptr_array_index (copies, i), &conditions[i]));
    }

  /* The copies are the caller's: changing them leaves the rule alone. */
  first = g_ptr_array_index (copies, 0);
  first->datum = 12345;
  g_assert_cmpuint (scmp_rule_get_condition (rule, 0)->datum, ==, 0);
}

static ScmpRule *
rule_with (const char          *syscall,
           const ScmpCondition *conditions,
           gsize                n_conditions)
{
  g_autoptr(ScmpAction) allow = scmp_action_new_allow ();

  return scmp_rule_newv (syscall, allow, conditions, n_conditions);
}

static void
test_same_conditions (void)
{
  const ScmpCondition a = { 0, SCMP_COMPARE_OP_EQ, 1, 0, FALSE };
  const ScmpCondition b = { 2, SCMP_COMPARE_OP_LE, 10, 0, TRUE };
  const ScmpCondition c = { 1, SCMP_COMPARE_OP_MASKED_EQ, 0x10, 0xff, FALSE };
  const ScmpCondition abc[] = { a, b, c };
  const ScmpCondition cba[] = { c, b, a };
  const ScmpCondition bac_a[] = { b, a, c, a };
  const ScmpCondition ab[] = { a, b };
  const ScmpCondition aab[] = { a, a, b };
  g_autoptr(ScmpRule) r_abc = rule_with ("write", abc, 3);
  g_autoptr(ScmpRule) r_cba = rule_with ("write", cba, 3);
  g_autoptr(ScmpRule) r_bac_a = rule_with ("write", bac_a, 4);
  g_autoptr(ScmpRule) r_ab = rule_with ("write", ab, 2);
  g_autoptr(ScmpRule) r_aab = rule_with ("write", aab, 3);
  g_autoptr(ScmpRule) r_none = rule_with ("write", NULL, 0);
  g_autoptr(ScmpRule) r_none2 = rule_with ("write", NULL, 0);
  g_autoptr(ScmpRule) r_read_abc = rule_with ("read", abc, 3);
  g_autoptr(ScmpAction) deny = scmp_action_new_errno (EPERM, NULL);
  g_autoptr(ScmpRule) r_deny_cba = scmp_rule_new_exact ("write", deny, cba, 3);

  g_test_summary ("Same syscall and same set of conditions, whatever the order and repeats");

  g_assert_true (scmp_rule_same_conditions (r_abc, r_abc));
  g_assert_true (scmp_rule_same_conditions (r_abc, r_cba));
  g_assert_true (scmp_rule_same_conditions (r_cba, r_abc));
  g_assert_true (scmp_rule_same_conditions (r_abc, r_bac_a));
  g_assert_true (scmp_rule_same_conditions (r_bac_a, r_abc));
  g_assert_true (scmp_rule_same_conditions (r_ab, r_aab));
  g_assert_true (scmp_rule_same_conditions (r_aab, r_ab));
  g_assert_true (scmp_rule_same_conditions (r_none, r_none2));

  /* The action and exactness don't count. */
  g_assert_true (scmp_rule_same_conditions (r_abc, r_deny_cba));

  g_assert_false (scmp_rule_same_conditions (r_abc, r_ab));
  g_assert_false (scmp_rule_same_conditions (r_ab, r_abc));
  g_assert_false (scmp_rule_same_conditions (r_none, r_ab));
  g_assert_false (scmp_rule_same_conditions (r_ab, r_none));
  g_assert_false (scmp_rule_same_conditions (r_abc, r_read_abc));
}

static void
test_same_conditions_fields (void)
{
  const ScmpCondition eq = { 0, SCMP_COMPARE_OP_EQ, 1, 0, FALSE };
  const ScmpCondition eq_mask = { 0, SCMP_COMPARE_OP_EQ, 1, 0xff, FALSE };
  const ScmpCondition eq32 = { 0, SCMP_COMPARE_OP_EQ, 1, 0, TRUE };
  const ScmpCondition eq_arg1 = { 1, SCMP_COMPARE_OP_EQ, 1, 0, FALSE };
  g_autoptr(ScmpRule) r_eq = rule_with ("write", &eq, 1);
  g_autoptr(ScmpRule) r_eq_mask = rule_with ("write", &eq_mask, 1);
  g_autoptr(ScmpRule) r_eq32 = rule_with ("write", &eq32, 1);
  g_autoptr(ScmpRule) r_eq_arg1 = rule_with ("write", &eq_arg1, 1);

  g_assert_true (scmp_rule_same_conditions (r_eq, r_eq_mask));
  g_assert_false (scmp_rule_same_conditions (r_eq, r_eq32));
  g_assert_false (scmp_rule_same_conditions (r_eq, r_eq_arg1));
}

static void
test_matches (void)
{
  const ScmpCondition conditions[] = {
    { 0, SCMP_COMPARE_OP_EQ, 1, 0, FALSE },
    { 2, SCMP_COMPARE_OP_LE, 10, 0, FALSE },
  };
  g_autoptr(ScmpRule) rule = rule_with ("write", conditions, 2);
  const guint64 yes[6] = { 1, 999, 10, 0, 0, 0 };
  const guint64 no_arg0[6] = { 2, 0, 0, 0, 0, 0 };
  const guint64 no_arg2[6] = { 1, 0, 11, 0, 0, 0 };
  const guint64 high[6] = { 1, 0, G_GUINT64_CONSTANT (0x100000000), 0, 0, 0 };
  const guint64 arg0_only[1] = { 1 };
  const guint64 arg0_zero[1] = { 0 };

  g_assert_true (scmp_rule_matches (rule, yes, 6));
  g_assert_false (scmp_rule_matches (rule, no_arg0, 6));
  g_assert_false (scmp_rule_matches (rule, no_arg2, 6));
  g_assert_false (scmp_rule_matches (rule, high, 6));

  /* Missing arguments count as 0: arg2 = 0 <= 10. */
  g_assert_true (scmp_rule_matches (rule, arg0_only, 1));
  g_assert_false (scmp_rule_matches (rule, arg0_zero, 1));
  g_assert_false (scmp_rule_matches (rule, NULL, 0));
}

static void
test_matches_range (void)
{
  const ScmpCondition range[] = {
    { 0, SCMP_COMPARE_OP_GE, 3, 0, TRUE },
    { 0, SCMP_COMPARE_OP_LT, 10, 0, TRUE },
  };
  g_autoptr(ScmpRule) rule = rule_with ("close", range, 2);

  g_test_summary ("The same argument may be tested twice, as a range; 32-bit mode applies");

  for (guint64 fd = 0; fd < 20; fd++)
    {
      guint64 args[1] = { fd };
      guint64 garbage[1] = { fd | G_GUINT64_CONSTANT (0xdead000000000000) };

      g_assert_cmpint (scmp_rule_matches (rule, args, 1), ==, fd >= 3 && fd < 10);
      g_assert_cmpint (scmp_rule_matches (rule, garbage, 1), ==, fd >= 3 && fd < 10);
    }
}

static void
test_matches_arg_out_of_range (void)
{
  const ScmpCondition on_arg6 = { 6, SCMP_COMPARE_OP_EQ, 0, 0, FALSE };
  g_autoptr(ScmpRule) rule = rule_with ("write", &on_arg6, 1);
  const guint64 args[6] = { 1, 1, 1, 1, 1, 1 };

  /* Argument 6 does not exist, so it counts as 0. */
  g_assert_true (scmp_rule_matches (rule, args, 6));
}

static void
test_to_string (void)
{
  g_autoptr(ScmpAction) allow = scmp_action_new_allow ();
  g_autoptr(ScmpAction) deny = scmp_action_new_errno (EPERM, NULL);
  const ScmpCondition conditions[] = {
    { 0, SCMP_COMPARE_OP_EQ, 1, 0, FALSE },
    { 2, SCMP_COMPARE_OP_LE, 10, 0, FALSE },
  };
  const ScmpCondition masked = { 1, SCMP_COMPARE_OP_MASKED_EQ, 0, 0x80000, TRUE };
  g_autoptr(ScmpRule) plain = scmp_rule_new ("getpid", allow);
  g_autoptr(ScmpRule) two = scmp_rule_newv ("write", allow, conditions, 2);
  g_autoptr(ScmpRule) exact = scmp_rule_new_exact ("socket", deny, &masked, 1);
  g_autoptr(ScmpRule) exact_plain = scmp_rule_new_exact ("socket", deny, NULL, 0);
  g_autofree char *plain_text = scmp_rule_to_string (plain);
  g_autofree char *two_text = scmp_rule_to_string (two);
  g_autofree char *exact_text = scmp_rule_to_string (exact);
  g_autofree char *exact_plain_text = scmp_rule_to_string (exact_plain);

  g_assert_cmpstr (plain_text, ==, "getpid: allow");
  g_assert_cmpstr (two_text, ==, "write: allow if arg0 == 1 && arg2 <= 10");
  g_assert_cmpstr (exact_text, ==, "socket: errno(1) if arg1 & 0x80000 == 0x0 (32-bit) [exact]");
  g_assert_cmpstr (exact_plain_text, ==, "socket: errno(1) [exact]");
}

/* Preconditions */

static void
call_new_null_syscall (void)
{
  g_autoptr(ScmpAction) allow = scmp_action_new_allow ();

  scmp_rule_new (NULL, allow);
}

static void
call_new_empty_syscall (void)
{
  g_autoptr(ScmpAction) allow = scmp_action_new_allow ();

  scmp_rule_new ("", allow);
}

static void
call_new_null_action (void)
{
  scmp_rule_new ("write", NULL);
}

static void
call_new_wrong_action (void)
{
  g_autoptr(GObject) object = g_object_new (G_TYPE_OBJECT, NULL);

  scmp_rule_new ("write", (ScmpAction *) object);
}

static void
call_newv_null_conditions (void)
{
  g_autoptr(ScmpAction) allow = scmp_action_new_allow ();

  scmp_rule_newv ("write", allow, NULL, 2);
}

static void
call_newv_null_syscall (void)
{
  g_autoptr(ScmpAction) allow = scmp_action_new_allow ();

  scmp_rule_newv (NULL, allow, NULL, 0);
}

static void
call_new_exact_null_action (void)
{
  scmp_rule_new_exact ("write", NULL, NULL, 0);
}

static void
call_new_exact_empty_syscall (void)
{
  g_autoptr(ScmpAction) allow = scmp_action_new_allow ();

  scmp_rule_new_exact ("", allow, NULL, 0);
}

static void
call_new_with_conditions_null_action (void)
{
  g_autoptr(ScmpCondition) condition = scmp_condition_new (0, SCMP_COMPARE_OP_EQ, 1, NULL);

  scmp_rule_new_with_conditions ("write", NULL, condition, NULL);
}

static void
call_new_with_conditions_empty_syscall (void)
{
  g_autoptr(ScmpAction) allow = scmp_action_new_allow ();
  g_autoptr(ScmpCondition) condition = scmp_condition_new (0, SCMP_COMPARE_OP_EQ, 1, NULL);

  scmp_rule_new_with_conditions ("", allow, condition, NULL);
}

static void
call_property_no_action (void)
{
  ScmpRule *rule = g_object_new (SCMP_TYPE_RULE, "syscall", "write", NULL);

  g_clear_object (&rule);
}

static void
call_get_syscall_null (void)
{
  scmp_rule_get_syscall (NULL);
}

static void
call_get_action_null (void)
{
  scmp_rule_get_action (NULL);
}

static void
call_get_exact_null (void)
{
  scmp_rule_get_exact (NULL);
}

static void
call_get_n_conditions_null (void)
{
  scmp_rule_get_n_conditions (NULL);
}

static void
call_get_condition_out_of_range (void)
{
  g_autoptr(ScmpAction) allow = scmp_action_new_allow ();
  g_autoptr(ScmpRule) rule = scmp_rule_new ("write", allow);

  scmp_rule_get_condition (rule, 0);
}

static void
call_dup_conditions_null (void)
{
  scmp_rule_dup_conditions (NULL);
}

static void
call_same_conditions_null (void)
{
  g_autoptr(ScmpAction) allow = scmp_action_new_allow ();
  g_autoptr(ScmpRule) rule = scmp_rule_new ("write", allow);

  scmp_rule_same_conditions (rule, NULL);
}

static void
call_matches_null_args (void)
{
  g_autoptr(ScmpAction) allow = scmp_action_new_allow ();
  g_autoptr(ScmpRule) rule = scmp_rule_new ("write", allow);

  scmp_rule_matches (rule, NULL, 3);
}

static void
call_to_string_null (void)
{
  scmp_rule_to_string (NULL);
}


static const PreconditionCase preconditions[] = {
  { "/rule/precondition/new-null-syscall", call_new_null_syscall, "*Scmp-CRITICAL*syscall != NULL*" },
  { "/rule/precondition/new-empty-syscall", call_new_empty_syscall, "*Scmp-CRITICAL*syscall[0] != '\\0'*" },
  { "/rule/precondition/new-null-action", call_new_null_action, "*Scmp-CRITICAL*SCMP_IS_ACTION (action)*" },
  { "/rule/precondition/new-wrong-action", call_new_wrong_action, "*Scmp-CRITICAL*SCMP_IS_ACTION (action)*" },
  { "/rule/precondition/newv-null-conditions", call_newv_null_conditions, "*Scmp-CRITICAL*conditions != NULL*" },
  { "/rule/precondition/newv-null-syscall", call_newv_null_syscall, "*Scmp-CRITICAL*syscall != NULL*" },
  { "/rule/precondition/new-exact-null-action", call_new_exact_null_action, "*Scmp-CRITICAL*SCMP_IS_ACTION (action)*" },
  { "/rule/precondition/new-exact-empty-syscall", call_new_exact_empty_syscall, "*Scmp-CRITICAL*syscall*" },
  { "/rule/precondition/new-with-conditions-null-action", call_new_with_conditions_null_action, "*Scmp-CRITICAL*SCMP_IS_ACTION (action)*" },
  { "/rule/precondition/new-with-conditions-empty-syscall", call_new_with_conditions_empty_syscall, "*Scmp-CRITICAL*syscall*" },
  { "/rule/precondition/property-no-action", call_property_no_action, "*Scmp-CRITICAL*needs an*action*property*" },
  { "/rule/precondition/get-syscall-null", call_get_syscall_null, "*Scmp-CRITICAL*SCMP_IS_RULE*" },
  { "/rule/precondition/get-action-null", call_get_action_null, "*Scmp-CRITICAL*SCMP_IS_RULE*" },
  { "/rule/precondition/get-exact-null", call_get_exact_null, "*Scmp-CRITICAL*SCMP_IS_RULE*" },
  { "/rule/precondition/get-n-conditions-null", call_get_n_conditions_null, "*Scmp-CRITICAL*SCMP_IS_RULE*" },
  { "/rule/precondition/get-condition-out-of-range", call_get_condition_out_of_range, "*Scmp-CRITICAL*index < *" },
  { "/rule/precondition/dup-conditions-null", call_dup_conditions_null, "*Scmp-CRITICAL*SCMP_IS_RULE*" },
  { "/rule/precondition/same-conditions-null", call_same_conditions_null, "*Scmp-CRITICAL*SCMP_IS_RULE (b)*" },
  { "/rule/precondition/matches-null-args", call_matches_null_args, "*Scmp-CRITICAL*args != NULL*" },
  { "/rule/precondition/to-string-null", call_to_string_null, "*Scmp-CRITICAL*SCMP_IS_RULE*" },
};

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/rule/new/plain", test_new);
  g_test_add_func ("/rule/new/keeps-action", test_new_keeps_action);
  g_test_add_func ("/rule/new/v", test_newv);
  g_test_add_func ("/rule/new/with-conditions", test_new_with_conditions);
  g_test_add_func ("/rule/new/exact", test_new_exact);
  g_test_add_func ("/rule/new/same-as-property-bag", test_new_same_as_property_bag);
  g_test_add_func ("/rule/new/arg-out-of-range", test_new_arg_out_of_range);
  g_test_add_func ("/rule/property/bag", test_property_bag);
  g_test_add_func ("/rule/property/n-conditions", test_property_n_conditions);
  g_test_add_func ("/rule/property/missing", test_property_missing);
  g_test_add_func ("/rule/dup-conditions", test_dup_conditions);
  g_test_add_func ("/rule/same-conditions/order", test_same_conditions);
  g_test_add_func ("/rule/same-conditions/fields", test_same_conditions_fields);
  g_test_add_func ("/rule/matches/conditions", test_matches);
  g_test_add_func ("/rule/matches/range", test_matches_range);
  g_test_add_func ("/rule/matches/arg-out-of-range", test_matches_arg_out_of_range);
  g_test_add_func ("/rule/to-string", test_to_string);

  add_precondition_tests (preconditions, G_N_ELEMENTS (preconditions));

  return g_test_run ();
}
