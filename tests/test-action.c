/* test-action.c
 *
 * SPDX-FileCopyrightText: 2026 The scmp-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <scmp-glib/scmp-glib.h>

#include "test-preconditions.h"

#include <errno.h>
#include <string.h>

typedef struct
{
  const char *text;
  ScmpActionKind kind;
  guint value;                  /* errno, trap or trace value */
  guint32 kernel_value;
} ActionCase;

static ScmpAction *
new_action (ScmpActionKind kind,
            guint          value)
{
  switch (kind)
    {
    case SCMP_ACTION_KIND_KILL_PROCESS:
      return scmp_action_new_kill_process ();
    case SCMP_ACTION_KIND_KILL_THREAD:
      return scmp_action_new_kill_thread ();
    case SCMP_ACTION_KIND_TRAP:
      return scmp_action_new_trap (value);
    case SCMP_ACTION_KIND_ERRNO:
      {
        g_autoptr(GError) error = NULL;
        ScmpAction *action = scmp_action_new_errno (value, &error);

        g_assert_no_error (error);
        return action;
      }
    case SCMP_ACTION_KIND_NOTIFY:
      return scmp_action_new_notify ();
    case SCMP_ACTION_KIND_TRACE:
      return scmp_action_new_trace (value);
    case SCMP_ACTION_KIND_LOG:
      return scmp_action_new_log ();
    case SCMP_ACTION_KIND_ALLOW:
      return scmp_action_new_allow ();
    default:
      g_assert_not_reached ();
    }
}

/* One of each kind, in canonical form. */
static const ActionCase canonical[] = {
  { "kill-process", SCMP_ACTION_KIND_KILL_PROCESS, 0, 0x80000000 },
  { "kill-thread", SCMP_ACTION_KIND_KILL_THREAD, 0, 0x00000000 },
  { "trap(0)", SCMP_ACTION_KIND_TRAP, 0, 0x00030000 },
  { "trap(42)", SCMP_ACTION_KIND_TRAP, 42, 0x0003002a },
  { "trap(65535)", SCMP_ACTION_KIND_TRAP, 65535, 0x0003ffff },
  { "errno(1)", SCMP_ACTION_KIND_ERRNO, 1, 0x00050001 },
  { "errno(38)", SCMP_ACTION_KIND_ERRNO, 38, 0x00050026 },
  { "errno(4095)", SCMP_ACTION_KIND_ERRNO, 4095, 0x00050fff },
  { "notify", SCMP_ACTION_KIND_NOTIFY, 0, 0x7fc00000 },
  { "trace(0)", SCMP_ACTION_KIND_TRACE, 0, 0x7ff00000 },
  { "trace(7)", SCMP_ACTION_KIND_TRACE, 7, 0x7ff00007 },
  { "trace(65535)", SCMP_ACTION_KIND_TRACE, 65535, 0x7ff0ffff },
  { "log", SCMP_ACTION_KIND_LOG, 0, 0x7ffc0000 },
  { "allow", SCMP_ACTION_KIND_ALLOW, 0, 0x7fff0000 },
};

static void
assert_action (ScmpAction     *action,
               ScmpActionKind  kind,
               guint           value)
{
  g_assert_true (SCMP_IS_ACTION (action));
  g_assert_cmpint (scmp_action_get_kind (action), ==, kind);
  g_assert_cmpuint (scmp_action_get_errno_value (action), ==,
                    kind == SCMP_ACTION_KIND_ERRNO ? value : 0);
  g_assert_cmpuint (scmp_action_get_trap_value (action), ==,
                    kind == SCMP_ACTION_KIND_TRAP ? value : 0);
  g_assert_cmpuint (scmp_action_get_trace_value (action), ==,
                    kind == SCMP_ACTION_KIND_TRACE ? value : 0);
}

static void
test_new_constructors (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (canonical); i++)
    {
      g_autoptr(ScmpAction) action = new_action (canonical[i].kind, canonical[i].value);
      g_autoptr(GError) error = NULL;

      assert_action (action, canonical[i].kind, canonical[i].value);
      g_assert_true (scmp_action_validate (action, &error));
      g_assert_no_error (error);
    }
}

static void
test_new_property_bag (void)
{
  g_autoptr(ScmpAction) errno_action = NULL;
  g_autoptr(ScmpAction) trap = NULL;
  g_autoptr(ScmpAction) trace = NULL;
  g_autoptr(ScmpAction) expected = scmp_action_new_errno (EACCES, NULL);
  ScmpActionKind kind;
  guint errno_value, trap_value, trace_value;

  errno_action = g_object_new (SCMP_TYPE_ACTION,
                               "kind", SCMP_ACTION_KIND_ERRNO,
                               "errno-value", EACCES,
                               NULL);
  assert_action (errno_action, SCMP_ACTION_KIND_ERRNO, EACCES);
  g_assert_true (scmp_action_equal (errno_action, expected));

  g_object_get (errno_action,
                "kind", &kind,
                "errno-value", &errno_value,
                "trap-value", &trap_value,
                "trace-value", &trace_value,
                NULL);
  g_assert_cmpint (kind, ==, SCMP_ACTION_KIND_ERRNO);
  g_assert_cmpuint (errno_value, ==, EACCES);
  g_assert_cmpuint (trap_value, ==, 0);
  g_assert_cmpuint (trace_value, ==, 0);

  trap = g_object_new (SCMP_TYPE_ACTION,
                       "kind", SCMP_ACTION_KIND_TRAP,
                       "trap-value", 65535,
                       NULL);
  assert_action (trap, SCMP_ACTION_KIND_TRAP, 65535);
  g_assert_cmpuint (scmp_action_get_kernel_value (trap), ==, 0x0003ffff);

  trace = g_object_new (SCMP_TYPE_ACTION,
                        "kind", SCMP_ACTION_KIND_TRACE,
                        "trace-value", 12,
                        NULL);
  assert_action (trace, SCMP_ACTION_KIND_TRACE, 12);
  g_assert_cmpuint (scmp_action_get_kernel_value (trace), ==, 0x7ff0000c);
}

static void
test_new_property_default (void)
{
  g_autoptr(ScmpAction) action = g_object_new (SCMP_TYPE_ACTION, NULL);
  g_autoptr(ScmpAction) errno_action = NULL;
  g_autoptr(GError) error = NULL;

  g_test_summary ("An action built without properties is the most restrictive one");

  assert_action (action, SCMP_ACTION_KIND_KILL_PROCESS, 0);
  g_assert_cmpuint (scmp_action_get_kernel_value (action), ==, 0x80000000);

  /* An errno action without an errno value is errno(0): the kernel
   * returns 0 without running the call. */
  errno_action = g_object_new (SCMP_TYPE_ACTION, "kind", SCMP_ACTION_KIND_ERRNO, NULL);
  g_assert_true (scmp_action_validate (errno_action, &error));
  g_assert_no_error (error);
  g_assert_cmphex (scmp_action_get_kernel_value (errno_action), ==, 0x00050000);
}

static void
test_property_read_only (void)
{
  g_autoptr(ScmpAction) action = scmp_action_new_allow ();

  g_test_summary ("The properties of an action are construct-only");

  if (g_test_subprocess ())
    {
      g_object_set (action, "kind", SCMP_ACTION_KIND_LOG, NULL);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*construct property*kind*");
}

static void
test_property_out_of_range (void)
{
  if (g_test_subprocess ())
    {
      ScmpAction *action = g_object_new (SCMP_TYPE_ACTION,
                                         "kind", SCMP_ACTION_KIND_TRAP,
                                         "trap-value", 65536,
                                         NULL);
      g_clear_object (&action);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*65536*out of range*trap-value*");
}

static void
test_kernel_value (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (canonical); i++)
    {
      g_autoptr(ScmpAction) action = new_action (canonical[i].kind, canonical[i].value);
      g_autoptr(ScmpAction) parsed = NULL;
      g_autoptr(GError) error = NULL;

      g_assert_cmphex (scmp_action_get_kernel_value (action), ==, canonical[i].kernel_value);

      parsed = scmp_action_new_from_kernel_value (canonical[i].kernel_value, &error);
      g_assert_no_error (error);
      assert_action (parsed, canonical[i].kind, canonical[i].value);
      g_assert_true (scmp_action_equal (action, parsed));
    }
}

static void
test_kernel_value_ignored_data (void)
{
  static const struct {
    guint32 value;
    ScmpActionKind kind;
  } cases[] = {
    { 0x80000001, SCMP_ACTION_KIND_KILL_PROCESS },
    { 0x0000ffff, SCMP_ACTION_KIND_KILL_THREAD },
    { 0x7fc00005, SCMP_ACTION_KIND_NOTIFY },
    { 0x7ffc0100, SCMP_ACTION_KIND_LOG },
    { 0x7fff0001, SCMP_ACTION_KIND_ALLOW },
  };

  g_test_summary ("The kernel ignores the data of actions without a value, and so do we");

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(ScmpAction) action = scmp_action_new_from_kernel_value (cases[i].value, &error);

      g_assert_no_error (error);
      assert_action (action, cases[i].kind, 0);
    }
}

static void
test_kernel_value_unknown (void)
{
  static const struct {
    guint32 value;
    const char *message;
  } cases[] = {
    { 0x00010000, "The seccomp return value 0x00010000 is not a valid action: 0x00010000 is not a known action" },
    { 0x7ff80000, "*0x7ff80000 is not a known action" },
    { 0xffff0000, "*0xffff0000 is not a known action" },
    { 0x80010000, "*0x80010000 is not a known action" },
    { 0x12345678, "*0x12340000 is not a known action" },
    { 0x00051000, "The seccomp return value 0x00051000 is not a valid action: "
                  "the errno value 4096 is out of range: it must be between 0 and 4095" },
    { 0x0005ffff, "*the errno value 65535 is out of range*" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(ScmpAction) action = scmp_action_new_from_kernel_value (cases[i].value, &error);

      g_assert_null (action);
      g_assert_error (error, SCMP_ERROR, SCMP_ERROR_INVALID_ARGUMENT);
      g_assert_true (g_pattern_match_simple (cases[i].message, error->message));
    }
}

static void
test_new_errno_range (void)
{
  static const struct {
    guint value;
    gboolean valid;
  } cases[] = {
    { 0, TRUE },        /* "pretend it succeeded" */
    { 1, TRUE },
    { 13, TRUE },
    { 4095, TRUE },
    { 4096, FALSE },
    { 5000, FALSE },
    { 65536, FALSE },
    { G_MAXUINT, FALSE },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(ScmpAction) action = scmp_action_new_errno (cases[i].value, &error);
      g_autofree char *expected = NULL;

      if (cases[i].valid)
        {
          g_assert_no_error (error);
          g_assert_nonnull (action);
          g_assert_cmpint (scmp_action_get_kind (action), ==, SCMP_ACTION_KIND_ERRNO);
          g_assert_cmpuint (scmp_action_get_errno_value (action), ==, cases[i].value);
          g_assert_cmphex (scmp_action_get_kernel_value (action), ==, 0x00050000 | cases[i].value);
          g_assert_true (scmp_action_validate (action, &error));
          g_assert_no_error (error);
          continue;
        }

      /* Refused where it is made, with the sentence scmp_action_validate()
       * uses too. */
      g_assert_null (action);
      g_assert_error (error, SCMP_ERROR, SCMP_ERROR_INVALID_ARGUMENT);
      expected = g_strdup_printf ("The errno value %u is out of range: "
                                  "it must be between 0 and 4095", cases[i].value);
      g_assert_cmpstr (error->message, ==, expected);
      g_assert_null (scmp_action_new_errno (cases[i].value, NULL));
    }
}

static void
test_validate_other_kinds (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (canonical); i++)
    {
      g_autoptr(ScmpAction) action = new_action (canonical[i].kind, canonical[i].value);

      g_assert_true (scmp_action_validate (action, NULL));
    }
}

static void
test_validate_property_bag (void)
{
  g_autoptr(ScmpAction) max = NULL;
  g_autoptr(ScmpAction) allow = NULL;
  g_autoptr(GError) error = NULL;

  g_test_summary ("g_object_new() makes valid actions; other kinds ignore the errno value");

  max = g_object_new (SCMP_TYPE_ACTION,
                      "kind", SCMP_ACTION_KIND_ERRNO,
                      "errno-value", SCMP_ACTION_ERRNO_MAX,
                      NULL);
  g_assert_true (scmp_action_validate (max, &error));
  g_assert_no_error (error);
  g_assert_cmphex (scmp_action_get_kernel_value (max), ==, 0x00050fff);

  allow = g_object_new (SCMP_TYPE_ACTION,
                        "kind", SCMP_ACTION_KIND_ALLOW,
                        "errno-value", 13,
                        NULL);
  g_assert_true (scmp_action_validate (allow, &error));
  g_assert_no_error (error);
  g_assert_cmphex (scmp_action_get_kernel_value (allow), ==, 0x7fff0000);
}

static void
test_property_errno_out_of_range (void)
{
  g_autoptr(ScmpAction) action = NULL;

  g_test_summary ("g_object_new() cannot make an errno action above SCMP_ACTION_ERRNO_MAX");

  /* GObject refuses a value outside the property's range, warns and
   * leaves the property at its default. */
  g_test_expect_message ("GLib-GObject", G_LOG_LEVEL_WARNING,
                         "*5000*out of range*errno-value*");
  action = g_object_new (SCMP_TYPE_ACTION,
                         "kind", SCMP_ACTION_KIND_ERRNO,
                         "errno-value", 5000,
                         NULL);
  g_test_assert_expected_messages ();

  g_assert_cmpint (scmp_action_get_kind (action), ==, SCMP_ACTION_KIND_ERRNO);
  g_assert_cmpuint (scmp_action_get_errno_value (action), !=, 5000);
  g_assert_cmpuint (scmp_action_get_errno_value (action), ==, 0);
  g_assert_true (scmp_action_validate (action, NULL));
}

static void
test_equal (void)
{
  g_autoptr(ScmpAction) errno1 = scmp_action_new_errno (1, NULL);
  g_autoptr(ScmpAction) errno1_again = scmp_action_new_errno (1, NULL);
  g_autoptr(ScmpAction) errno2 = scmp_action_new_errno (2, NULL);
  g_autoptr(ScmpAction) trap1 = scmp_action_new_trap (1);
  g_autoptr(ScmpAction) trace1 = scmp_action_new_trace (1);
  g_autoptr(ScmpAction) allow = scmp_action_new_allow ();
  g_autoptr(ScmpAction) allow_with_junk = NULL;
  g_autoptr(ScmpAction) kill_process = scmp_action_new_kill_process ();
  g_autoptr(ScmpAction) kill_thread = scmp_action_new_kill_thread ();

  g_assert_true (scmp_action_equal (errno1, errno1));
  g_assert_true (scmp_action_equal (errno1, errno1_again));
  g_assert_true (scmp_action_equal (errno1_again, errno1));
  g_assert_false (scmp_action_equal (errno1, errno2));
  g_assert_false (scmp_action_equal (errno1, trap1));
  g_assert_false (scmp_action_equal (trap1, trace1));
  g_assert_false (scmp_action_equal (kill_process, kill_thread));
  g_assert_false (scmp_action_equal (allow, kill_thread));

  /* Values that don't belong to the kind are not compared. */
  allow_with_junk = g_object_new (SCMP_TYPE_ACTION,
                                  "kind", SCMP_ACTION_KIND_ALLOW,
                                  "errno-value", 3,
                                  "trap-value", 4,
                                  "trace-value", 5,
                                  NULL);
  g_assert_true (scmp_action_equal (allow, allow_with_junk));

  /* Every pair of canonical actions differs. */
  for (gsize i = 0; i < G_N_ELEMENTS (canonical); i++)
    for (gsize j = 0; j < G_N_ELEMENTS (canonical); j++)
      {
        g_autoptr(ScmpAction) a = new_action (canonical[i].kind, canonical[i].value);
        g_autoptr(ScmpAction) b = new_action (canonical[j].kind, canonical[j].value);

        g_assert_cmpint (scmp_action_equal (a, b), ==, i == j);
      }
}

static void
test_to_string (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (canonical); i++)
    {
      g_autoptr(ScmpAction) action = new_action (canonical[i].kind, canonical[i].value);
      g_autofree char *text = scmp_action_to_string (action);

      g_assert_cmpstr (text, ==, canonical[i].text);
    }
}

static void
test_to_string_errno_max (void)
{
  g_autoptr(ScmpAction) action = scmp_action_new_errno (SCMP_ACTION_ERRNO_MAX, NULL);
  g_autofree char *text = scmp_action_to_string (action);
  g_autoptr(GError) error = NULL;
  g_autoptr(ScmpAction) parsed = NULL;

  g_assert_cmpstr (text, ==, "errno(4095)");

  parsed = scmp_action_new_from_string (text, &error);
  g_assert_no_error (error);
  g_assert_true (scmp_action_equal (action, parsed));
}

static void
test_from_string_round_trip (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (canonical); i++)
    {
      g_autoptr(ScmpAction) action = new_action (canonical[i].kind, canonical[i].value);
      g_autofree char *text = scmp_action_to_string (action);
      g_autoptr(GError) error = NULL;
      g_autoptr(ScmpAction) parsed = scmp_action_new_from_string (text, &error);
      g_autofree char *text_again = NULL;

      g_assert_no_error (error);
      assert_action (parsed, canonical[i].kind, canonical[i].value);
      g_assert_true (scmp_action_equal (action, parsed));

      text_again = scmp_action_to_string (parsed);
      g_assert_cmpstr (text, ==, text_again);
    }
}

static void
assert_parses_to (const char *text,
                  guint32     kernel_value)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScmpAction) action = scmp_action_new_from_string (text, &error);

  g_test_message ("parsing “%s”", text);
  g_assert_no_error (error);
  g_assert_true (SCMP_IS_ACTION (action));
  g_assert_cmphex (scmp_action_get_kernel_value (action), ==, kernel_value);
  g_assert_true (scmp_action_validate (action, NULL));
}

static void
test_from_string_aliases (void)
{
  static const struct {
    const char *text;
    guint32 kernel_value;
  } cases[] = {
    { "allow", 0x7fff0000 },
    { "ALLOW", 0x7fff0000 },
    { "Allow", 0x7fff0000 },
    { "kill", 0x00000000 },
    { "KILL", 0x00000000 },
    { "kill-thread", 0x00000000 },
    { "kill_thread", 0x00000000 },
    { "Kill_Thread", 0x00000000 },
    { "kill-process", 0x80000000 },
    { "kill_process", 0x80000000 },
    { "KILL_PROCESS", 0x80000000 },
    { "trap", 0x00030000 },
    { "trap(0)", 0x00030000 },
    { "trap(9)", 0x00030009 },
    { "trap:9", 0x00030009 },
    { "TRAP(9)", 0x00030009 },
    { "errno(1)", 0x00050001 },
    { "errno:1", 0x00050001 },
    { "errno:38", 0x00050026 },
    { "errno:97", 0x00050061 },
    { "ERRNO(13)", 0x0005000d },
    { "trace", 0x7ff00000 },
    { "trace(3)", 0x7ff00003 },
    { "trace:3", 0x7ff00003 },
    { "log", 0x7ffc0000 },
    { "LOG", 0x7ffc0000 },
    { "notify", 0x7fc00000 },
    { "user-notif", 0x7fc00000 },
    { "user_notif", 0x7fc00000 },
    { "USER-NOTIF", 0x7fc00000 },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    assert_parses_to (cases[i].text, cases[i].kernel_value);
}

static void
test_from_string_oci (void)
{
  static const struct {
    const char *text;
    guint32 kernel_value;
  } cases[] = {
    { "SCMP_ACT_ALLOW", 0x7fff0000 },
    { "scmp_act_allow", 0x7fff0000 },
    { "SCMP_ACT_ERRNO(1)", 0x00050001 },
    { "SCMP_ACT_ERRNO(EPERM)", 0x00050001 },
    { "SCMP_ACT_KILL", 0x00000000 },
    { "SCMP_ACT_KILL_THREAD", 0x00000000 },
    { "SCMP_ACT_KILL_PROCESS", 0x80000000 },
    { "SCMP_ACT_TRAP", 0x00030000 },
    { "SCMP_ACT_TRAP(2)", 0x00030002 },
    { "SCMP_ACT_LOG", 0x7ffc0000 },
    { "SCMP_ACT_NOTIFY", 0x7fc00000 },
    { "SCMP_ACT_USER_NOTIF", 0x7fc00000 },
    { "SCMP_ACT_TRACE(5)", 0x7ff00005 },
    { "Scmp_Act_Trace(0x10)", 0x7ff00010 },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    assert_parses_to (cases[i].text, cases[i].kernel_value);
}

static void
test_from_string_numbers (void)
{
  static const struct {
    const char *text;
    guint32 kernel_value;
  } cases[] = {
    { "errno(0x1)", 0x00050001 },
    { "errno(0X1f)", 0x0005001f },
    { "errno(0xfff)", 0x00050fff },
    { "errno(4095)", 0x00050fff },
    { "errno(001)", 0x00050001 },
    { "trap(0xffff)", 0x0003ffff },
    { "trap(65535)", 0x0003ffff },
    { "trace:0xABCD", 0x7ff0abcd },
    { "trace(0)", 0x7ff00000 },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    assert_parses_to (cases[i].text, cases[i].kernel_value);
}

static void
test_from_string_whitespace (void)
{
  static const struct {
    const char *text;
    guint32 kernel_value;
  } cases[] = {
    { "  allow", 0x7fff0000 },
    { "allow  ", 0x7fff0000 },
    { "\tlog\n", 0x7ffc0000 },
    { " errno ( 1 ) ", 0x00050001 },
    { "errno( EPERM )", 0x00050001 },
    { "errno: 13", 0x0005000d },
    { "errno :13", 0x0005000d },
    { " SCMP_ACT_TRACE (4) ", 0x7ff00004 },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    assert_parses_to (cases[i].text, cases[i].kernel_value);
}

static void
test_from_string_errno_name (void)
{
  static const struct {
    const char *text;
    guint errno_value;
  } cases[] = {
    { "errno(EPERM)", EPERM },
    { "errno(eperm)", EPERM },
    { "errno(EACCES)", EACCES },
    { "errno(ENOSYS)", ENOSYS },
    { "errno:ENOSYS", ENOSYS },
    { "errno(EAFNOSUPPORT)", EAFNOSUPPORT },
    { "errno(EAGAIN)", EAGAIN },
    { "errno(EWOULDBLOCK)", EWOULDBLOCK },
    { "errno(EDEADLK)", EDEADLK },
    { "errno(EDEADLOCK)", EDEADLOCK },
    { "errno(EOPNOTSUPP)", EOPNOTSUPP },
    { "errno(ENOTSUP)", ENOTSUP },
    { "errno(EHWPOISON)", EHWPOISON },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(ScmpAction) action = scmp_action_new_from_string (cases[i].text, &error);

      g_assert_no_error (error);
      assert_action (action, SCMP_ACTION_KIND_ERRNO, cases[i].errno_value);
    }
}

static void
test_from_string_errno_name_all (void)
{
  guint n_names = 0;

  g_test_summary ("Every errno name the C library knows is accepted");

  for (int i = 1; i <= SCMP_ACTION_ERRNO_MAX; i++)
    {
      const char *name = strerrorname_np (i);
      g_autofree char *text = NULL;
      g_autoptr(ScmpAction) action = NULL;
      g_autoptr(GError) error = NULL;

      if (name == NULL)
        continue;

      text = g_strdup_printf ("errno(%s)", name);
      action = scmp_action_new_from_string (text, &error);
      g_assert_no_error (error);
      assert_action (action, SCMP_ACTION_KIND_ERRNO, i);
      n_names++;
    }

  g_assert_cmpuint (n_names, >, 100);
}

typedef struct
{
  const char *text;
  const char *message;          /* a g_pattern_match_simple() pattern */
} BadCase;

static void
test_from_string_bad (void)
{
  static const BadCase cases[] = {
    { "errno(EFOO)", "“errno(EFOO)” is not an action: “EFOO” is not a known errno name" },
    { "", "“” is not an action: it is empty" },
    { "   ", "“” is not an action: it is empty" },
    { "frobnicate", "“frobnicate” is not an action: “frobnicate” is not a known action name" },
    { "SCMP_ACT_FROB", "*“SCMP_ACT_FROB” is not a known action name" },
    { "SCMP_ACT_", "*“SCMP_ACT_” is not a known action name" },
    { "allowed", "*“allowed” is not a known action name" },
    { "(1)", "“(1)” is not an action: it does not start with an action name" },
    { "errno", "“errno” is not an action: an errno action needs a value*" },
    { "SCMP_ACT_ERRNO", "*an errno action needs a value*" },
    { "errno()", "“errno()” is not an action: the parentheses are empty" },
    { "errno( )", "*the parentheses are empty" },
    { "errno:", "“errno:” is not an action: a value must follow the colon" },
    { "errno(1", "“errno(1” is not an action: the closing parenthesis is missing" },
    { "errno(1))", "“errno(1))” is not an action: “)” follows the closing parenthesis" },
    { "errno(1) x", "*“x” follows the closing parenthesis" },
    { "allow now", "“allow now” is not an action: “now” follows the action name" },
    { "errno 1", "*“1” follows the action name" },
    { "errno(1x)", "*“1x” is neither a number nor an errno name" },
    { "errno(-1)", "*“-1” is neither a number nor an errno name" },
    { "errno(0x)", "*“0x” is neither a number nor an errno name" },
    { "errno(+1)", "*“+1” is neither a number nor an errno name" },
    { "errno(1.0)", "*“1.0” is neither a number nor an errno name" },
    { "errno(99999999999999999999999)", "*neither a number nor an errno name" },
    { "errno(4096)", "“errno(4096)” is not an action: the errno value 4096 is out of range: it must be between 0 and 4095" },
    { "errno(5000)", "*the errno value 5000 is out of range*" },
    { "errno(0x1000)", "*the errno value 4096 is out of range*" },
    { "errno:18446744073709551615", "*the errno value 18446744073709551615 is out of range*" },
    { "trap(65536)", "“trap(65536)” is not an action: the value 65536 is out of range: it must be between 0 and 65535" },
    { "trace:0x10000", "*the value 65536 is out of range*" },
    { "trap(EPERM)", "*“EPERM” is not a number" },
    { "trace(x)", "*“x” is not a number" },
    { "allow(1)", "“allow(1)” is not an action: “allow” takes no value" },
    { "log:0", "*“log” takes no value" },
    { "kill_process(1)", "*“kill-process” takes no value" },
    { "SCMP_ACT_NOTIFY(1)", "*“notify” takes no value" },
    { "errno(1)(2)", "*“(2)” follows the closing parenthesis" },
    { "errno:1:2", "*“1:2” is neither a number nor an errno name" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(ScmpAction) action = scmp_action_new_from_string (cases[i].text, &error);

      g_test_message ("parsing “%s”", cases[i].text);
      g_assert_null (action);
      g_assert_error (error, SCMP_ERROR, SCMP_ERROR_INVALID_ARGUMENT);
      if (!g_pattern_match_simple (cases[i].message, error->message))
        g_error ("“%s” gave the message “%s”, expected “%s”",
                 cases[i].text, error->message, cases[i].message);
    }
}

static void
test_from_string_bad_utf8 (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScmpAction) action = scmp_action_new_from_string ("errno(\xff)", &error);

  g_assert_null (action);
  g_assert_error (error, SCMP_ERROR, SCMP_ERROR_INVALID_ARGUMENT);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
}

/* Preconditions */

static void
call_from_string_null (void)
{
  scmp_action_new_from_string (NULL, NULL);
}

static void
call_from_string_error_set (void)
{
  GError *error = g_error_new_literal (SCMP_ERROR, SCMP_ERROR_FAILED, "already set");

  scmp_action_new_from_string ("allow", &error);
}

static void
call_from_kernel_value_error_set (void)
{
  GError *error = g_error_new_literal (SCMP_ERROR, SCMP_ERROR_FAILED, "already set");

  scmp_action_new_from_kernel_value (0x7fff0000, &error);
}

static void
call_new_errno_error_set (void)
{
  GError *error = g_error_new_literal (SCMP_ERROR, SCMP_ERROR_FAILED, "already set");

  scmp_action_new_errno (1, &error);
}

static void
call_get_kind_null (void)
{
  scmp_action_get_kind (NULL);
}

static void
call_get_kind_wrong_type (void)
{
  g_autoptr(GObject) object = g_object_new (G_TYPE_OBJECT, NULL);

  scmp_action_get_kind ((ScmpAction *) object);
}

static void
call_get_errno_value_null (void)
{
  scmp_action_get_errno_value (NULL);
}

static void
call_get_trap_value_null (void)
{
  scmp_action_get_trap_value (NULL);
}

static void
call_get_trace_value_null (void)
{
  scmp_action_get_trace_value (NULL);
}

static void
call_get_kernel_value_null (void)
{
  scmp_action_get_kernel_value (NULL);
}

static void
call_validate_null (void)
{
  scmp_action_validate (NULL, NULL);
}

static void
call_equal_null (void)
{
  g_autoptr(ScmpAction) allow = scmp_action_new_allow ();

  scmp_action_equal (allow, NULL);
}

static void
call_to_string_null (void)
{
  scmp_action_to_string (NULL);
}


static const PreconditionCase preconditions[] = {
  { "/action/precondition/from-string-null", call_from_string_null, "*Scmp-CRITICAL*text != NULL*" },
  { "/action/precondition/from-string-error-set", call_from_string_error_set, "*Scmp-CRITICAL*error == NULL*" },
  { "/action/precondition/from-kernel-value-error-set", call_from_kernel_value_error_set, "*Scmp-CRITICAL*error == NULL*" },
  { "/action/precondition/new-errno-error-set", call_new_errno_error_set, "*Scmp-CRITICAL*error == NULL*" },
  { "/action/precondition/get-kind-null", call_get_kind_null, "*Scmp-CRITICAL*SCMP_IS_ACTION*" },
  { "/action/precondition/get-kind-wrong-type", call_get_kind_wrong_type, "*Scmp-CRITICAL*SCMP_IS_ACTION*" },
  { "/action/precondition/get-errno-value-null", call_get_errno_value_null, "*Scmp-CRITICAL*SCMP_IS_ACTION*" },
  { "/action/precondition/get-trap-value-null", call_get_trap_value_null, "*Scmp-CRITICAL*SCMP_IS_ACTION*" },
  { "/action/precondition/get-trace-value-null", call_get_trace_value_null, "*Scmp-CRITICAL*SCMP_IS_ACTION*" },
  { "/action/precondition/get-kernel-value-null", call_get_kernel_value_null, "*Scmp-CRITICAL*SCMP_IS_ACTION*" },
  { "/action/precondition/validate-null", call_validate_null, "*Scmp-CRITICAL*SCMP_IS_ACTION*" },
  { "/action/precondition/equal-null", call_equal_null, "*Scmp-CRITICAL*SCMP_IS_ACTION (b)*" },
  { "/action/precondition/to-string-null", call_to_string_null, "*Scmp-CRITICAL*SCMP_IS_ACTION*" },
};

/* The action names and kernel values come from one table in
 * scmp-action.c: every kind of the enum must be in it, named as its enum
 * nick, with its own kernel value, and read back from both. */
static void
test_every_kind (void)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (SCMP_TYPE_ACTION_KIND);
  g_autoptr(GHashTable) values = g_hash_table_new (NULL, NULL);

  g_test_summary ("Every ScmpActionKind has its enum nick as name and a kernel value of its own");

  g_assert_cmpuint (klass->n_values, ==, SCMP_ACTION_KIND_ALLOW + 1);

  for (guint i = 0; i < klass->n_values; i++)
    {
      ScmpActionKind kind = klass->values[i].value;
      const char *nick = klass->values[i].value_nick;
      g_autoptr(ScmpAction) action = new_action (kind, 7);
      g_autoptr(ScmpAction) from_kernel = NULL;
      g_autoptr(ScmpAction) from_nick = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *text = scmp_action_to_string (action);
      g_autofree char *nick_text = NULL;
      guint32 kernel_value = scmp_action_get_kernel_value (action);

      g_assert_true (g_str_has_prefix (text, nick));
      g_assert_true (text[strlen (nick)] == '\0' || text[strlen (nick)] == '(');

      g_assert_false (g_hash_table_contains (values, GUINT_TO_POINTER (kernel_value & 0xffff0000)));
      g_hash_table_add (values, GUINT_TO_POINTER (kernel_value & 0xffff0000));

      from_kernel = scmp_action_new_from_kernel_value (kernel_value, &error);
      g_assert_no_error (error);
      g_assert_true (scmp_action_equal (action, from_kernel));

      nick_text = kind == SCMP_ACTION_KIND_ERRNO ? g_strdup ("errno(7)")
                                                 : g_strdup (nick);
      from_nick = scmp_action_new_from_string (nick_text, &error);
      g_assert_no_error (error);
      g_assert_cmpint (scmp_action_get_kind (from_nick), ==, kind);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/action/new/constructors", test_new_constructors);
  g_test_add_func ("/action/new/property-bag", test_new_property_bag);
  g_test_add_func ("/action/new/property-default", test_new_property_default);
  g_test_add_func ("/action/property/read-only", test_property_read_only);
  g_test_add_func ("/action/property/out-of-range", test_property_out_of_range);
  g_test_add_func ("/action/property/errno-out-of-range", test_property_errno_out_of_range);
  g_test_add_func ("/action/kernel-value/round-trip", test_kernel_value);
  g_test_add_func ("/action/kind/every-kind", test_every_kind);
  g_test_add_func ("/action/kernel-value/ignored-data", test_kernel_value_ignored_data);
  g_test_add_func ("/action/kernel-value/unknown", test_kernel_value_unknown);
  g_test_add_func ("/action/new/errno-range", test_new_errno_range);
  g_test_add_func ("/action/validate/other-kinds", test_validate_other_kinds);
  g_test_add_func ("/action/validate/property-bag", test_validate_property_bag);
  g_test_add_func ("/action/equal", test_equal);
  g_test_add_func ("/action/to-string/canonical", test_to_string);
  g_test_add_func ("/action/to-string/errno-max", test_to_string_errno_max);
  g_test_add_func ("/action/from-string/round-trip", test_from_string_round_trip);
  g_test_add_func ("/action/from-string/aliases", test_from_string_aliases);
  g_test_add_func ("/action/from-string/oci", test_from_string_oci);
  g_test_add_func ("/action/from-string/numbers", test_from_string_numbers);
  g_test_add_func ("/action/from-string/whitespace", test_from_string_whitespace);
  g_test_add_func ("/action/from-string/errno-name", test_from_string_errno_name);
  g_test_add_func ("/action/from-string/errno-name-all", test_from_string_errno_name_all);
  g_test_add_func ("/action/from-string/bad", test_from_string_bad);
  g_test_add_func ("/action/from-string/bad-utf8", test_from_string_bad_utf8);

  add_precondition_tests (preconditions, G_N_ELEMENTS (preconditions));

  return g_test_run ();
}
