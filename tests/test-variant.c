/* test-variant.c: a whole ScmpFilter as a GVariant, in memory, as text and
 * over D-Bus
 *
 * SPDX-FileCopyrightText: 2026 The scmp-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <scmp-glib/scmp-glib.h>

#include "test-abi.h"
#include "test-preconditions.h"
#include "test-rules.h"

#include <errno.h>
#include <string.h>

/* A filter that uses every part of the format: three ABIs (x32 too) in
 * an order that is not the native one first, every attribute away from
 * its default, priorities, exact rules, 32-bit and masked conditions,
 * restricted rules, and rules on numbers and ranges. */
static ScmpFilter *
new_rich_filter (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScmpAction) deny = scmp_action_new_errno (EPERM, NULL);
  g_autoptr(ScmpAction) enosys = scmp_action_new_errno (ENOSYS, NULL);
  g_autoptr(ScmpAction) eafnosupport = scmp_action_new_errno (EAFNOSUPPORT, NULL);
  g_autoptr(ScmpAction) allow = scmp_action_new_allow ();
  g_autoptr(ScmpAction) log = scmp_action_new_log ();
  g_autoptr(ScmpAction) trap = scmp_action_new_trap (0xbeef);
  g_autoptr(ScmpAction) trace = scmp_action_new_trace (G_MAXUINT16);
  g_autoptr(ScmpAction) notify = scmp_action_new_notify ();
  g_autoptr(ScmpAction) kill_thread = scmp_action_new_kill_thread ();
  g_autoptr(ScmpAction) kill_process = scmp_action_new_kill_process ();
  g_autoptr(ScmpAction) errno0 = scmp_action_new_errno (0, NULL);
  g_autoptr(ScmpAction) errno_max = scmp_action_new_errno (SCMP_ACTION_ERRNO_MAX, NULL);
  g_autoptr(ScmpCondition) af_inet = scmp_condition_new (0, SCMP_COMPARE_OP_EQ, 2, NULL);
  g_autoptr(ScmpCondition) stream = scmp_condition_new_32 (1, SCMP_COMPARE_OP_NE, 1, NULL);
  g_autoptr(ScmpCondition) wronly = scmp_condition_new_32 (2, SCMP_COMPARE_OP_MASKED_EQ, 1, NULL);
  g_autoptr(ScmpCondition) tty_ioctl = scmp_condition_new_masked (1, 0xff00, 0x5400, NULL);
  g_autoptr(ScmpCondition) big_fd = scmp_condition_new (0, SCMP_COMPARE_OP_GE, 1024, NULL);
  g_autoptr(ScmpCondition) low_fd = scmp_condition_new_32 (0, SCMP_COMPARE_OP_LT, 3, NULL);
  g_autoptr(ScmpCondition) high = scmp_condition_new (3, SCMP_COMPARE_OP_GT, G_MAXUINT64 - 1, NULL);
  g_autoptr(ScmpCondition) le = scmp_condition_new (5, SCMP_COMPARE_OP_LE, 7, NULL);
  ScmpArchitecture x86_64_only = SCMP_ARCHITECTURE_X86_64;
  ScmpArchitecture two[] = { SCMP_ARCHITECTURE_X32, SCMP_ARCHITECTURE_X86 };
  ScmpFilter *filter = scmp_filter_new (deny);
  g_autoptr(ScmpRule) mount = NULL;
  g_autoptr(ScmpRule) chroot = NULL;
  ScmpCondition socket_conditions[2];
  ScmpCondition write_conditions[2];
  g_autofree ScmpArchitecture *old = NULL;
  gsize n_old;

  /* (a 32-bit masked-eq with its own mask: only a hand-filled struct) */
  wronly->mask = 0x3;

  old = scmp_filter_list_arches (filter, &n_old);
  for (gsize i = 0; i < n_old; i++)
    g_assert_true (scmp_filter_remove_arch (filter, old[i], NULL));
  g_assert_true (scmp_filter_add_arch (filter, SCMP_ARCHITECTURE_X86, &error));
  g_assert_true (scmp_filter_add_arch (filter, SCMP_ARCHITECTURE_X86_64, &error));
  g_assert_true (scmp_filter_add_arch (filter, SCMP_ARCHITECTURE_X32, &error));
  g_assert_no_error (error);

  scmp_filter_set_bad_arch_action (filter, kill_thread);
  scmp_filter_set_unknown_syscall_action (filter, enosys);
  g_assert_true (scmp_filter_set_known_kernel (filter, "6.1", &error));
  g_assert_no_error (error);
  scmp_filter_set_no_new_privs (filter, FALSE);
  scmp_filter_set_thread_sync (filter, TRUE);
  scmp_filter_set_log (filter, TRUE);
  scmp_filter_set_spec_allow (filter, TRUE);
  scmp_filter_set_wait_killable (filter, TRUE);
  scmp_filter_set_allow_tracer_skip (filter, TRUE);
  g_assert_true (scmp_filter_set_priority (filter, "write", 100, NULL));
  g_assert_true (scmp_filter_set_priority (filter, "read", 200, NULL));
  g_assert_true (scmp_filter_set_priority (filter, "futex", 255, NULL));

  socket_conditions[0] = *af_inet;
  socket_conditions[1] = *stream;
  test_add_rule_take (filter, scmp_rule_newv ("socket", eafnosupport, socket_conditions, 2));
  test_add_rule_take (filter, scmp_rule_newv ("read", allow, NULL, 0));
  test_add_rule_take (filter, scmp_rule_new_exact ("openat", deny, wronly, 1));
  test_add_rule_take (filter, scmp_rule_newv ("ioctl", log, tty_ioctl, 1));
  write_conditions[0] = *low_fd;
  write_conditions[1] = *high;
  test_add_rule_take (filter, scmp_rule_newv ("write", allow, write_conditions, 2));
  test_add_rule_take (filter, scmp_rule_newv ("close", errno0, big_fd, 1));
  test_add_rule_take (filter, scmp_rule_newv ("ptrace", trace, NULL, 0));
  test_add_rule_take (filter, scmp_rule_newv ("kill", trap, le, 1));
  test_add_rule_take (filter, scmp_rule_new ("reboot", kill_process));
  test_add_rule_take (filter, scmp_rule_new ("acct", errno_max));

  mount = scmp_rule_new ("mount", kill_process);
  test_add_rule_take (filter, scmp_rule_restrict_to (mount, &x86_64_only, 1, &error));
  chroot = scmp_rule_new_exact ("chroot", deny, NULL, 0);
  test_add_rule_take (filter, scmp_rule_restrict_to (chroot, two, G_N_ELEMENTS (two), &error));
  g_assert_no_error (error);

  /* A number the tables name becomes that rule, limited to the ABI. */
  test_add_rule_take (filter, scmp_rule_new_for_number (SCMP_ARCHITECTURE_X86, 11, notify, &error));
  test_add_rule_take (filter, scmp_rule_new_for_numberv (SCMP_ARCHITECTURE_X86_64, 1000, enosys,
                                                  af_inet, 1, &error));
  test_add_rule_take (filter, scmp_rule_new_for_range (SCMP_ARCHITECTURE_X32, X32_SYSCALL_BIT | 1000,
                                                G_MAXINT, enosys, &error));
  test_add_rule_take (filter, scmp_rule_new_for_range (SCMP_ARCHITECTURE_X86, 2000, 2100, log, &error));
  g_assert_no_error (error);

  return filter;
}

static GBytes *
export_ok (ScmpFilter *filter)
{
  g_autoptr(GError) error = NULL;
  GBytes *bpf = scmp_filter_export_bpf (filter, &error);

  g_assert_no_error (error);
  g_assert_nonnull (bpf);
  return bpf;
}

static void
assert_variants_equal (GVariant *a,
                       GVariant *b)
{
  if (!g_variant_equal (a, b))
    {
      g_autofree char *ta = g_variant_print (a, TRUE);
      g_autofree char *tb = g_variant_print (b, TRUE);

      g_assert_cmpstr (ta, ==, tb);
    }
}

/* The copy serializes to an equal variant and compiles to the same BPF. */
static void
assert_same_filter (ScmpFilter *a,
                    ScmpFilter *b)
{
  g_autoptr(GVariant) va = scmp_filter_serialize (a);
  g_autoptr(GVariant) vb = scmp_filter_serialize (b);
  g_autoptr(GBytes) bpf_a = export_ok (a);
  g_autoptr(GBytes) bpf_b = export_ok (b);
  g_autofree char *pfc_a = scmp_filter_export_pfc (a, NULL);
  g_autofree char *pfc_b = scmp_filter_export_pfc (b, NULL);

  assert_variants_equal (va, vb);
  g_assert_true (g_bytes_equal (bpf_a, bpf_b));
  g_assert_cmpstr (pfc_a, ==, pfc_b);
  g_assert_cmpuint (scmp_filter_get_n_rules (a), ==, scmp_filter_get_n_rules (b));
}

static void
test_action_strings (void)
{
  g_autoptr(GPtrArray) actions = g_ptr_array_new_with_free_func (g_object_unref);
  guint errnos[] = { 0, 1, EPERM, ENOSYS, 255, 256, SCMP_ACTION_ERRNO_MAX };
  guint16 values[] = { 0, 1, 7, 0x7fff, 0x8000, G_MAXUINT16 };

  g_test_summary ("Every action survives scmp_action_to_string() and "
                  "scmp_action_new_from_string(), which the format relies on");

  g_ptr_array_add (actions, scmp_action_new_allow ());
  g_ptr_array_add (actions, scmp_action_new_log ());
  g_ptr_array_add (actions, scmp_action_new_notify ());
  g_ptr_array_add (actions, scmp_action_new_kill_thread ());
  g_ptr_array_add (actions, scmp_action_new_kill_process ());
  for (gsize i = 0; i < G_N_ELEMENTS (errnos); i++)
    g_ptr_array_add (actions, scmp_action_new_errno (errnos[i], NULL));
  for (gsize i = 0; i < G_N_ELEMENTS (values); i++)
    {
      g_ptr_array_add (actions, scmp_action_new_trap (values[i]));
      g_ptr_array_add (actions, scmp_action_new_trace (values[i]));
    }

  for (guint i = 0; i < actions->len; i++)
    {
      ScmpAction *action = g_ptr_array_index (actions, i);
      g_autofree char *text = scmp_action_to_string (action);
      g_autoptr(GError) error = NULL;
      g_autoptr(ScmpAction) back = scmp_action_new_from_string (text, &error);

      g_assert_no_error (error);
      g_assert_true (scmp_action_equal (action, back));
      g_assert_cmpuint (scmp_action_get_kernel_value (action), ==,
                        scmp_action_get_kernel_value (back));
    }
}

static void
test_round_trip_rich (void)
{
  g_autoptr(ScmpFilter) filter = new_rich_filter ();
  g_autoptr(GVariant) variant = scmp_filter_serialize (filter);
  g_autoptr(GError) error = NULL;
  g_autoptr(ScmpFilter) copy = NULL;
  g_autoptr(GVariant) attributes = NULL;
  g_autoptr(GVariant) rules = NULL;
  g_autoptr(GVariant) arches = NULL;
  const char *text;
  guint32 version;

  g_assert_true (g_variant_is_of_type (variant, SCMP_FILTER_VARIANT_TYPE));
  g_assert_false (g_variant_is_floating (variant));

  g_variant_get (variant, "(u@a{sv}@a(sa{sv}))", &version, &attributes, &rules);
  g_assert_cmpuint (version, ==, 1);
  g_assert_true (g_variant_lookup (attributes, "default-action", "&s", &text));
  g_assert_cmpstr (text, ==, "errno(1)");
  g_assert_true (g_variant_lookup (attributes, "unknown-syscall-action", "&s", &text));
  g_assert_cmpstr (text, ==, "errno(38)");
  g_assert_true (g_variant_lookup (attributes, "known-kernel", "&s", &text));
  g_assert_cmpstr (text, ==, "6.1");
  arches = g_variant_lookup_value (attributes, "architectures", G_VARIANT_TYPE_STRING_ARRAY);
  g_assert_nonnull (arches);
  g_assert_cmpuint (g_variant_n_children (arches), ==, 3);
  g_variant_get_child (arches, 0, "&s", &text);
  g_assert_cmpstr (text, ==, "x86");
  g_variant_get_child (arches, 2, "&s", &text);
  g_assert_cmpstr (text, ==, "x32");
  g_assert_cmpuint (g_variant_n_children (rules), ==, scmp_filter_get_n_rules (filter));

  copy = scmp_filter_new_from_variant (variant, &error);
  g_assert_no_error (error);
  g_assert_nonnull (copy);
  assert_same_filter (filter, copy);

  /* The attributes themselves. */
  g_assert_false (scmp_filter_get_no_new_privs (copy));
  g_assert_true (scmp_filter_get_thread_sync (copy));
  g_assert_true (scmp_filter_get_log (copy));
  g_assert_true (scmp_filter_get_spec_allow (copy));
  g_assert_true (scmp_filter_get_wait_killable (copy));
  g_assert_true (scmp_filter_get_allow_tracer_skip (copy));
  g_assert_cmpuint (scmp_filter_get_priority (copy, "read"), ==, 200);
  g_assert_cmpuint (scmp_filter_get_priority (copy, "futex"), ==, 255);
  g_assert_cmpint (scmp_action_get_kind (scmp_filter_get_bad_arch_action (copy)), ==,
                   SCMP_ACTION_KIND_KILL_THREAD);
  {
    g_autofree char *kernel = scmp_filter_dup_known_kernel (copy);
    g_assert_cmpstr (kernel, ==, "6.1");
  }
  for (guint i = 0; i < scmp_filter_get_n_rules (filter); i++)
    {
      g_autofree char *a = scmp_rule_to_string (scmp_filter_get_rule (filter, i));
      g_autofree char *b = scmp_rule_to_string (scmp_filter_get_rule (copy, i));

      g_assert_cmpstr (a, ==, b);
    }
}

static void
test_round_trip_text (void)
{
  g_autoptr(ScmpFilter) filter = new_rich_filter ();
  g_autoptr(GVariant) variant = scmp_filter_serialize (filter);
  g_autofree char *annotated = g_variant_print (variant, TRUE);
  g_autofree char *plain = g_variant_print (variant, FALSE);
  g_autoptr(GError) error = NULL;
  g_autoptr(ScmpFilter) from_annotated = NULL;
  g_autoptr(ScmpFilter) from_plain = NULL;
  g_autoptr(ScmpFilter) from_prefix = NULL;
  g_autofree char *with_tail = NULL;

  from_annotated = scmp_filter_new_from_variant_text (annotated, -1, &error);
  g_assert_no_error (error);
  assert_same_filter (filter, from_annotated);

  /* The type is given to the parser, so annotations are optional. */
  from_plain = scmp_filter_new_from_variant_text (plain, strlen (plain), &error);
  g_assert_no_error (error);
  assert_same_filter (filter, from_plain);

  /* @length limits the text. */
  with_tail = g_strconcat (annotated, " trailing words", NULL);
  from_prefix = scmp_filter_new_from_variant_text (with_tail, strlen (annotated), &error);
  g_assert_no_error (error);
  assert_same_filter (filter, from_prefix);
}

/* scmp_rule_new_for_range() over one number the tables name stays a rule
 * on the number (direct calls only); read back, it must not become the
 * rule by name, which also covers the call through socketcall(2). */
static void
test_round_trip_range_of_one (void)
{
  g_autoptr(ScmpAction) allow = scmp_action_new_allow ();
  g_autoptr(ScmpAction) kill = scmp_action_new_kill_process ();
  g_autoptr(ScmpFilter) filter = scmp_filter_new (allow);
  g_autoptr(ScmpFilter) copy = NULL;
  g_autoptr(GVariant) variant = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ScmpAction) before = NULL, after = NULL;
  int connect = scmp_syscall_resolve_name (SCMP_ARCHITECTURE_X86, "connect");
  int socketcall;
  guint sub = 0;

  g_assert_cmpint (scmp_syscall_get_multiplexer (SCMP_ARCHITECTURE_X86, "connect", &socketcall, &sub),
                   ==, SCMP_MULTIPLEXER_SOCKETCALL);
  g_assert_true (scmp_filter_add_arch (filter, SCMP_ARCHITECTURE_X86, &error));
  g_assert_no_error (error);
  test_add_rule_take (filter, scmp_rule_new_for_range (SCMP_ARCHITECTURE_X86, connect, connect, kill, &error));
  g_assert_no_error (error);

  variant = scmp_filter_serialize (filter);
  copy = scmp_filter_new_from_variant (variant, &error);
  g_assert_no_error (error);
  assert_same_filter (filter, copy);

  before = scmp_filter_evaluate (filter, SCMP_ARCHITECTURE_X86, socketcall, (guint64[]) { sub }, 1, &error);
  g_assert_no_error (error);
  after = scmp_filter_evaluate (copy, SCMP_ARCHITECTURE_X86, socketcall, (guint64[]) { sub }, 1, &error);
  g_assert_no_error (error);
  g_assert_true (scmp_action_equal (before, after));
}

static void
test_round_trip_default (void)
{
  g_autoptr(ScmpFilter) filter = scmp_filter_new (NULL);
  g_autoptr(GVariant) variant = scmp_filter_serialize (filter);
  g_autoptr(GVariant) attributes = g_variant_get_child_value (variant, 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(ScmpFilter) copy = NULL;
  g_autoptr(ScmpFilter) empty = NULL;
  g_autoptr(GVariant) empty_variant = NULL;
  gboolean flag;

  g_test_summary ("A default filter writes every attribute but the unset optional ones");

  g_assert_false (g_variant_lookup (attributes, "unknown-syscall-action", "s", NULL));
  g_assert_false (g_variant_lookup (attributes, "known-kernel", "s", NULL));
  g_assert_true (g_variant_lookup (attributes, "no-new-privs", "b", &flag));
  g_assert_true (flag);
  g_assert_true (g_variant_lookup (attributes, "allow-tracer-skip", "b", &flag));
  g_assert_false (flag);
  g_assert_true (g_variant_lookup (attributes, "bad-arch-action", "s", NULL));
  g_assert_true (g_variant_lookup (attributes, "wait-killable", "b", NULL));

  copy = scmp_filter_new_from_variant (variant, &error);
  g_assert_no_error (error);
  assert_same_filter (filter, copy);
  g_assert_null (scmp_filter_get_unknown_syscall_action (copy));

  /* A filter with no architecture at all is still a filter. */
  g_assert_true (scmp_filter_remove_arch (filter, SCMP_ARCHITECTURE_NATIVE, &error));
  empty_variant = scmp_filter_serialize (filter);
  empty = scmp_filter_new_from_variant (empty_variant, &error);
  g_assert_no_error (error);
  g_assert_false (scmp_filter_has_arch (empty, SCMP_ARCHITECTURE_NATIVE));
  g_clear_pointer (&empty_variant, g_variant_unref);
  empty_variant = scmp_filter_serialize (empty);
  g_assert_cmpuint (g_variant_n_children (empty_variant), ==, 3);
}

static void
test_floating (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScmpFilter) filter = NULL;
  g_autoptr(GVariant) kept = NULL;
  g_autoptr(ScmpFilter) again = NULL;
  GVariantBuilder attributes;

  g_test_summary ("A floating policy is taken over (valgrind checks it is freed), "
                  "a normal one is left to its owner");

  g_variant_builder_init (&attributes, G_VARIANT_TYPE_VARDICT);
  g_variant_builder_add (&attributes, "{sv}", "default-action", g_variant_new_string ("allow"));
  filter = scmp_filter_new_from_variant (g_variant_new ("(u@a{sv}@a(sa{sv}))", 1,
                                                        g_variant_builder_end (&attributes),
                                                        g_variant_new_array (G_VARIANT_TYPE ("(sa{sv})"),
                                                                             NULL, 0)),
                                         &error);
  g_assert_no_error (error);
  g_assert_cmpint (scmp_action_get_kind (scmp_filter_get_default_action (filter)), ==,
                   SCMP_ACTION_KIND_ALLOW);

  kept = scmp_filter_serialize (filter);
  again = scmp_filter_new_from_variant (kept, &error);
  g_assert_no_error (error);
  g_assert_false (g_variant_is_floating (kept));
  g_assert_true (g_variant_is_of_type (kept, SCMP_FILTER_VARIANT_TYPE));

  /* Floating and failing: still freed. */
  g_assert_null (scmp_filter_new_from_variant (g_variant_new ("(s)", "nope"), &error));
  g_assert_error (error, SCMP_ERROR, SCMP_ERROR_INVALID_POLICY);
}

static void
test_hand_written (void)
{
  const char *text =
    "# not a comment: GVariant text has none, so this policy starts below\n";
  const char *policy =
    "(uint32 1,\n"
    " {'default-action': <'SCMP_ACT_ERRNO(EPERM)'>,\n"
    "  'architectures': <['x86_64']>},\n"
    " [('read', {'action': <'allow'>}),\n"
    "  ('write', {'action': <'allow'>,\n"
    "             'conditions': <[(uint32 0, 'le', uint64 2, uint64 0, true)]>})])\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(ScmpFilter) filter = NULL;
  g_autoptr(ScmpAction) action = NULL;
  guint64 args[6] = { 1, 0, 0, 0, 0, 0 };

  g_test_summary ("A policy file written by hand: only default-action is required, "
                  "actions in any spelling scmp_action_new_from_string() reads");

  filter = scmp_filter_new_from_variant_text (text, -1, &error);
  g_assert_error (error, SCMP_ERROR, SCMP_ERROR_INVALID_POLICY);
  g_assert_null (filter);
  g_assert_true (g_str_has_prefix (error->message, "1:1:"));
  g_clear_error (&error);

  filter = scmp_filter_new_from_variant_text (policy, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (scmp_filter_get_n_rules (filter), ==, 2);
  g_assert_true (scmp_filter_get_no_new_privs (filter));
  action = scmp_filter_evaluate_syscall (filter, SCMP_ARCHITECTURE_X86_64, "write", args, 6, &error);
  g_assert_no_error (error);
  g_assert_cmpint (scmp_action_get_kind (action), ==, SCMP_ACTION_KIND_ALLOW);
  g_clear_object (&action);
  args[0] = 3;
  action = scmp_filter_evaluate_syscall (filter, SCMP_ARCHITECTURE_X86_64, "write", args, 6, &error);
  g_assert_no_error (error);
  g_assert_cmpint (scmp_action_get_kind (action), ==, SCMP_ACTION_KIND_ERRNO);
}

#define PLACED_POLICY(kernel, rules) \
  "(uint32 1,\n" \
  " @a{sv} {'default-action': <'allow'>,\n" \
  "  'known-kernel': <'" kernel "'>},\n" \
  " [('read', {'action': <'allow'>})" \
  rules "])\n"

static const struct
{
  const char *text;
  const char *prefix;
} placed[] = {
  { PLACED_POLICY ("4.19", ""), "3:3: Attributes: “known-kernel”: " },
  { PLACED_POLICY ("6.1", ",\n  ('socket', {'action': <'allow'>,\n"
                          "              'conditions': <[(uint32 7, 'eq', uint64 2, uint64 0, false)]>})"),
    "6:15: Rule 2 (“socket”): condition 1: " },
  { PLACED_POLICY ("6.1", ",\n  ('socket', {'action': <'allow'>}),\n"
                          "  (\"nosuchcall\", {'action': <'allow'>})"),
    "6:3: Rule 3 (“nosuchcall”): " },
  { PLACED_POLICY ("6.1", ",\n  ('socket', {'action': <'allow'>, 'a\\'b': <1>})"),
    "5:36: Rule 2 (“socket”): unknown key “a'b”" },
  { PLACED_POLICY ("6.1", ",\n  ('socket', {'action': <'a,}b'>, 'exact': <1>})"),
    "5:35: Rule 2 (“socket”): “exact” must be of type ‘b’" },
  { PLACED_POLICY ("6.1", ",\n  ('socket', {'action': <'errno(1)'>, 'architectures': <['x86', 'x86']>})"),
    "5:39: Rule 2 (“socket”): “architectures”: the architecture “x86” is listed twice" },
  { PLACED_POLICY ("6.1", ",\n  ('read', {'action': <'errno(1)'>})"),
    "5:3: Rule 2 (“read”): " },
};

static void
test_text_position (void)
{
  const char *policy =
    "(uint32 1,\n"
    " {'default-action': <'allow'>},\n"
    " [('read', {'action' <'allow'>})])\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(ScmpFilter) filter = NULL;
  g_autofree char *bad_utf8 = NULL;

  g_test_summary ("Parse errors say line:column and show the line");

  filter = scmp_filter_new_from_variant_text (policy, -1, &error);
  g_assert_null (filter);
  g_assert_error (error, SCMP_ERROR, SCMP_ERROR_INVALID_POLICY);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, "3:22: "));
  g_assert_nonnull (strstr (error->message, "expected ':'"));
  g_assert_nonnull (strstr (error->message, "\n   [('read', {'action' <'allow'>})])\n"));
  g_assert_nonnull (strstr (error->message, "\n                       ^"));
  g_clear_error (&error);

  /* Columns count characters, not bytes. */
  filter = scmp_filter_new_from_variant_text ("(uint32 1, {'d\xc3\xa9': <'x'> 'y'}, [])", -1, &error);
  g_assert_null (filter);
  g_assert_error (error, SCMP_ERROR, SCMP_ERROR_INVALID_POLICY);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, "1:25: "));
  g_clear_error (&error);

  bad_utf8 = g_strdup ("(uint32 1,\n {'\xff': <'allow'>}, [])");
  filter = scmp_filter_new_from_variant_text (bad_utf8, -1, &error);
  g_assert_null (filter);
  g_assert_error (error, SCMP_ERROR, SCMP_ERROR_INVALID_POLICY);
  g_assert_true (g_str_has_prefix (error->message, "2:4: "));
  g_assert_nonnull (strstr (error->message, "UTF-8"));
  g_clear_error (&error);

  /* Errors after parsing point at the attribute, the rule, or the key in
   * the rule. */
  for (gsize i = 0; i < G_N_ELEMENTS (placed); i++)
    {
      filter = scmp_filter_new_from_variant_text (placed[i].text, -1, &error);
      g_assert_null (filter);
      g_assert_nonnull (error);
      g_test_message ("%s", error->message);
      g_assert_true (g_str_has_prefix (error->message, placed[i].prefix));
      g_clear_error (&error);
    }

  filter = scmp_filter_new_from_variant_text ("", 0, &error);
  g_assert_null (filter);
  g_assert_error (error, SCMP_ERROR, SCMP_ERROR_INVALID_POLICY);
  g_assert_true (g_str_has_prefix (error->message, "1:1: "));
}

/* The example in the documentation of scmp_filter_serialize(), as it
 * stands there. */
static const char doc_example[] =
  "(uint32 1,\n"
  " {'default-action': <'allow'>, 'bad-arch-action': <'kill-process'>,\n"
  "  'known-kernel': <'6.1'>, 'architectures': <['x86_64', 'x32']>,\n"
  "  'no-new-privs': <true>, 'thread-sync': <false>, 'log': <false>,\n"
  "  'spec-allow': <false>, 'wait-killable': <false>,\n"
  "  'allow-tracer-skip': <false>, 'priorities': <@a{sy} {}>},\n"
  " [('socket', {'action': <'errno(97)'>,\n"
  "              'conditions': <[(uint32 0, 'eq', uint64 2, uint64 0, false)]>}),\n"
  "  ('', {'action': <'errno(38)'>,\n"
  "        'numbers': <('x86_64', 1000, 1073741823)>})])\n";

static void
test_doc_example (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScmpAction) allow = scmp_action_new_allow ();
  g_autoptr(ScmpAction) eafnosupport = scmp_action_new_errno (EAFNOSUPPORT, NULL);
  g_autoptr(ScmpAction) enosys = scmp_action_new_errno (ENOSYS, NULL);
  g_autoptr(ScmpCondition) af_inet = scmp_condition_new (0, SCMP_COMPARE_OP_EQ, 2, NULL);
  g_autoptr(ScmpFilter) built = scmp_filter_new (allow);
  g_autoptr(ScmpFilter) parsed = NULL;
  g_autoptr(GVariant) variant = NULL;
  g_autofree char *printed = NULL;
  g_autofree char *expected = NULL;

  g_test_summary ("The documented example is what the library prints, and parses");

  if (scmp_architecture_get_native () != SCMP_ARCHITECTURE_X86_64)
    {
      g_test_skip ("the example is a filter made on x86_64");
      return;
    }
  g_assert_true (scmp_filter_add_arch (built, SCMP_ARCHITECTURE_X32, &error));
  g_assert_true (scmp_filter_set_known_kernel (built, "6.1", &error));
  g_assert_no_error (error);
  test_add_rule_take (built, scmp_rule_newv ("socket", eafnosupport, af_inet, 1));
  test_add_rule_take (built, scmp_rule_new_for_range (SCMP_ARCHITECTURE_X86_64, 1000, G_MAXINT,
                                               enosys, &error));

  variant = scmp_filter_serialize (built);
  printed = g_variant_print (variant, TRUE);
  expected = g_strdelimit (g_strdup (doc_example), "\n", ' ');
  {
    /* (the documentation adds line breaks and indentation) */
    g_autoptr(GRegex) spaces = g_regex_new ("\\s+", 0, 0, NULL);
    g_autofree char *squeezed = g_regex_replace_literal (spaces, expected, -1, 0, " ", 0, NULL);
    g_autofree char *tidy = g_regex_replace_literal (spaces, printed, -1, 0, " ", 0, NULL);

    g_assert_cmpstr (g_strstrip (tidy), ==, g_strstrip (squeezed));
  }

  parsed = scmp_filter_new_from_variant_text (doc_example, -1, &error);
  g_assert_no_error (error);
  assert_same_filter (built, parsed);
}

/* The rich filter's attributes, and room for one more. */
#define POLICY(attributes, rules) \
  "(uint32 1, {'default-action': <'errno(1)'>, 'architectures': <['x86_64']>" \
  attributes "}, [" rules "])"
#define READ_OK "('read', {'action': <'allow'>})"

typedef struct
{
  const char *text;
  ScmpError code;
  const char *says[3];
} BadPolicy;

static const BadPolicy bad_policies[] = {
  /* The text itself */
  { "(uint32 1, {'default-action' <'allow'>}, [])", SCMP_ERROR_INVALID_POLICY,
    { "1:30: ", "expected ':'" } },
  { "(1, {'default-action': <'allow'>})", SCMP_ERROR_INVALID_POLICY,
    { "1:1: ", "(ua{sv}a(sa{sv}))" } },
  { POLICY ("", READ_OK) " and more", SCMP_ERROR_INVALID_POLICY,
    { "1:", "expected end of input" } },
  /* The envelope */
  { "(uint32 2, {'default-action': <'allow'>}, [])", SCMP_ERROR_INVALID_POLICY,
    { "1:2: ", "version 2 is not supported" } },
  { "(uint32 1, {'architectures': <['x86_64']>}, [])", SCMP_ERROR_INVALID_POLICY,
    { "1:12: Attributes: ", "“default-action” is missing" } },
  /* Attributes */
  { POLICY (", 'no-new-priv': <true>", ""), SCMP_ERROR_INVALID_POLICY,
    { "Attributes: ", "unknown key “no-new-priv”", "refused, not ignored" } },
  { POLICY (", 'log': <1>", ""), SCMP_ERROR_INVALID_POLICY,
    { "Attributes: ", "“log” must be of type ‘b’, not ‘i’" } },
  { POLICY (", 'log': <true>, 'log': <false>", ""), SCMP_ERROR_INVALID_POLICY,
    { "Attributes: ", "“log” is given twice" } },
  { "(uint32 1, {'default-action': <'permit'>}, [])", SCMP_ERROR_INVALID_POLICY,
    { "Attributes: “default-action”: ", "“permit”" } },
  { POLICY (", 'bad-arch-action': <'errno(4096)'>", ""), SCMP_ERROR_INVALID_POLICY,
    { "Attributes: “bad-arch-action”: ", "4096" } },
  { POLICY (", 'unknown-syscall-action': <'trace(65536)'>", ""), SCMP_ERROR_INVALID_POLICY,
    { "“unknown-syscall-action”", "65536" } },
  { "(uint32 1, {'default-action': <'allow'>, 'architectures': <['x86_64', 'vax']>}, [])",
    SCMP_ERROR_INVALID_POLICY, { "Attributes: “architectures”: ", "“vax” is not an architecture" } },
  { "(uint32 1, {'default-action': <'allow'>, 'architectures': <['x86', 'i386']>}, [])",
    SCMP_ERROR_INVALID_POLICY, { "“i386” is listed twice" } },
  { "(uint32 1, {'default-action': <'allow'>, 'architectures': <['x86_64', 's390x']>}, [])",
    SCMP_ERROR_INVALID_ARCHITECTURE, { "Attributes: “architectures”: ", "byte order" } },
  { POLICY (", 'known-kernel': <'six'>", ""), SCMP_ERROR_INVALID_ARGUMENT,
    { "Attributes: “known-kernel”: ", "“six” is not a Linux release" } },
  { POLICY (", 'known-kernel': <'4.19'>", ""), SCMP_ERROR_INVALID_ARGUMENT,
    { "“known-kernel”", "older" } },
  { POLICY (", 'priorities': <{'nosuchcall': byte 3}>", ""), SCMP_ERROR_INVALID_SYSCALL,
    { "Attributes: “priorities”: ", "nosuchcall" } },
  { POLICY (", 'priorities': <{'read': 3}>", ""), SCMP_ERROR_INVALID_POLICY,
    { "“priorities” must be of type ‘a{sy}’, not ‘a{si}’" } },
  /* Rules */
  { POLICY ("", "('nosuchcall', {'action': <'allow'>})"), SCMP_ERROR_INVALID_SYSCALL,
    { "Rule 1 (“nosuchcall”): ", "nosuchcall" } },
  { POLICY ("", READ_OK ", ('write', {})"), SCMP_ERROR_INVALID_POLICY,
    { "Rule 2 (“write”): ", "“action” is missing" } },
  { POLICY ("", "('write', {'action': <'allow'>, 'comment': <'hi'>})"), SCMP_ERROR_INVALID_POLICY,
    { "Rule 1 (“write”): ", "unknown key “comment”" } },
  { POLICY ("", "('write', {'action': <'errno(5000)'>})"), SCMP_ERROR_INVALID_POLICY,
    { "Rule 1 (“write”): “action”: ", "5000" } },
  { POLICY ("", "('write', {'action': <'deny'>})"), SCMP_ERROR_INVALID_POLICY,
    { "Rule 1 (“write”): “action”: ", "“deny”" } },
  { POLICY ("", "('write', {'action': <'allow'>, 'exact': <'yes'>})"), SCMP_ERROR_INVALID_POLICY,
    { "Rule 1 (“write”): ", "“exact” must be of type ‘b’, not ‘s’" } },
  { POLICY ("", "('write', {'action': <'allow'>, 'conditions': <[(0, 'eq', 1, 0, false)]>})"),
    SCMP_ERROR_INVALID_POLICY, { "Rule 1 (“write”): ", "‘a(usttb)’, not ‘a(isiib)’" } },
  { POLICY ("", READ_OK ", ('socket', {'action': <'allow'>, 'conditions': <["
                "(uint32 0, 'eq', uint64 2, uint64 0, false), "
                "(uint32 1, 'contains', uint64 1, uint64 0, false)]>})"),
    SCMP_ERROR_INVALID_POLICY,
    { "Rule 2 (“socket”): condition 2: ", "“contains” is not a comparison operator" } },
  { POLICY ("", "('write', {'action': <'allow'>, 'conditions': <[(uint32 6, 'eq', uint64 1, uint64 0, false)]>})"),
    SCMP_ERROR_INVALID_ARGUMENT, { "Rule 1 (“write”): condition 1: ", "argument index 6" } },
  { POLICY ("", "('write', {'action': <'allow'>, 'conditions': <[(uint32 0, 'eq', uint64 1, uint64 3, false)]>})"),
    SCMP_ERROR_INVALID_POLICY, { "condition 1: ", "“eq” takes no mask" } },
  { POLICY ("", "('write', {'action': <'allow'>, 'conditions': <[(uint32 0, 'ge', uint64 0x100000000, uint64 0, true)]>})"),
    SCMP_ERROR_INVALID_ARGUMENT, { "Rule 1 (“write”): condition 1: ", "does not fit in 32 bits" } },
  { POLICY ("", "('write', {'action': <'allow'>, 'conditions': <[(uint32 0, 'masked-eq', uint64 1, uint64 0x100000000, true)]>})"),
    SCMP_ERROR_INVALID_ARGUMENT, { "Rule 1 (“write”): condition 1: ", "mask" } },
  { POLICY ("", READ_OK ", ('read', {'action': <'errno(1)'>})"), SCMP_ERROR_EXISTS,
    { "Rule 2 (“read”): " } },
  { POLICY ("", "('', {'action': <'allow'>})"), SCMP_ERROR_INVALID_POLICY,
    { "Rule 1 (on numbers): ", "needs a syscall name" } },
  { POLICY ("", "('read', {'action': <'allow'>, 'numbers': <('x86_64', 0, 0)>})"),
    SCMP_ERROR_INVALID_POLICY, { "Rule 1 (“read”): ", "not both" } },
  { POLICY ("", "('', {'action': <'allow'>, 'numbers': <('x86_64', 1000, 1010)>, "
                "'conditions': <[(uint32 0, 'eq', uint64 1, uint64 0, false)]>})"),
    SCMP_ERROR_INVALID_POLICY, { "Rule 1 (on numbers): ", "cannot have conditions" } },
  { POLICY ("", "('', {'action': <'allow'>, 'numbers': <('x32', 1000, 1000)>})"),
    SCMP_ERROR_INVALID_ARGUMENT, { "Rule 1 (on numbers): ", "x32 bit" } },
  { POLICY ("", "('', {'action': <'allow'>, 'numbers': <('pdp11', 1000, 1000)>})"),
    SCMP_ERROR_INVALID_POLICY, { "Rule 1 (on numbers): “numbers”: ", "“pdp11”" } },
  { POLICY ("", "('', {'action': <'allow'>, 'exact': <true>, 'numbers': <('x86_64', 1000, 1000)>})"),
    SCMP_ERROR_INVALID_POLICY, { "Rule 1 (on numbers): ", "“exact”" } },
  { POLICY ("", "('mount', {'action': <'allow'>, 'architectures': <@as []>})"),
    SCMP_ERROR_INVALID_ARCHITECTURE, { "Rule 1 (“mount”): ", "no architecture" } },
  { POLICY ("", "('mount', {'action': <'allow'>, 'architectures': <['x86', 'x86']>})"),
    SCMP_ERROR_INVALID_POLICY, { "Rule 1 (“mount”): “architectures”: ", "listed twice" } },
  { POLICY ("", "('socketcall', {'action': <'allow'>, 'exact': <true>})"),
    SCMP_ERROR_SYSCALL_NOT_ON_ARCHITECTURE, { "Rule 1 (“socketcall”): " } },
};

static void
test_bad_policies (void)
{
  g_test_summary ("Malformed policies give a GError with the right code and a "
                  "message that names the place and the problem");

  for (gsize i = 0; i < G_N_ELEMENTS (bad_policies); i++)
    {
      const BadPolicy *bad = &bad_policies[i];
      g_autoptr(GError) error = NULL;
      g_autoptr(ScmpFilter) filter = NULL;

      filter = scmp_filter_new_from_variant_text (bad->text, -1, &error);
      g_test_message ("%" G_GSIZE_FORMAT ": %s\n  → %s", i, bad->text,
                      error != NULL ? error->message : "(no error)");
      g_assert_null (filter);
      g_assert_error (error, SCMP_ERROR, (gint) bad->code);
      for (gsize k = 0; k < G_N_ELEMENTS (bad->says) && bad->says[k] != NULL; k++)
        g_assert_true (strstr (error->message, bad->says[k]) != NULL);
    }
  g_assert_cmpuint (G_N_ELEMENTS (bad_policies), >=, 20);
}

static void
test_bad_variants (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScmpFilter) filter = NULL;
  g_autoptr(GVariant) future = NULL;
  g_autoptr(GVariant) other = NULL;

  g_test_summary ("Variants of another type or format version");

  other = g_variant_ref_sink (g_variant_new ("(s)", "policy"));
  filter = scmp_filter_new_from_variant (other, &error);
  g_assert_null (filter);
  g_assert_error (error, SCMP_ERROR, SCMP_ERROR_INVALID_POLICY);
  g_assert_true (strstr (error->message, "type ‘(ua{sv}a(sa{sv}))’, not ‘(s)’") != NULL);
  g_clear_error (&error);

  /* A later version may change the shape: the version still comes first. */
  future = g_variant_ref_sink (g_variant_new ("(us)", 7, "new things"));
  filter = scmp_filter_new_from_variant (future, &error);
  g_assert_null (filter);
  g_assert_error (error, SCMP_ERROR, SCMP_ERROR_INVALID_POLICY);
  g_assert_true (strstr (error->message, "version 7 is not supported") != NULL);
}

static void
test_corrupted (void)
{
  g_autoptr(ScmpFilter) filter = new_rich_filter ();
  g_autoptr(GVariant) variant = scmp_filter_serialize (filter);
  g_autoptr(GBytes) bytes = g_variant_get_data_as_bytes (variant);
  gsize size = g_bytes_get_size (bytes);
  guint n_filters = 0, n_errors = 0;
  g_autofree char *text = NULL;
  gsize text_size;

  g_test_summary ("Serialized data with random bytes changed, as an untrusted "
                  "D-Bus peer could send: a filter or an error, never a crash");

  for (guint i = 0; i < 200; i++)
    {
      g_autofree guint8 *data = g_memdup2 (g_bytes_get_data (bytes, NULL), size);
      g_autoptr(GVariant) corrupted = NULL;
      g_autoptr(ScmpFilter) copy = NULL;
      g_autoptr(GError) error = NULL;
      guint n_changes = g_test_rand_int_range (1, 4);

      for (guint k = 0; k < n_changes; k++)
        data[g_test_rand_int_range (0, size)] = g_test_rand_int_range (0, 256);
      corrupted = g_variant_new_from_data (SCMP_FILTER_VARIANT_TYPE, data, size,
                                           FALSE, NULL, NULL);
      g_variant_ref_sink (corrupted);
      copy = scmp_filter_new_from_variant (corrupted, &error);
      if (copy != NULL)
        {
          g_autoptr(GVariant) again = scmp_filter_serialize (copy);

          g_assert_no_error (error);
          g_assert_true (g_variant_is_of_type (again, SCMP_FILTER_VARIANT_TYPE));
          n_filters++;
        }
      else
        {
          g_assert_nonnull (error);
          g_assert_true (error->domain == SCMP_ERROR);
          n_errors++;
        }
    }
  g_test_message ("%u filters, %u errors", n_filters, n_errors);
  g_assert_cmpuint (n_errors, >, 0);

  /* The same for the text form, whose error positions scan the text. */
  text = g_variant_print (variant, TRUE);
  text_size = strlen (text);
  for (guint i = 0; i < 200; i++)
    {
      static const char alphabet[] = "'\"\\,:{}[]()<>@ \n0123xyz";
      g_autofree char *changed = g_strdup (text);
      g_autoptr(ScmpFilter) copy = NULL;
      g_autoptr(GError) error = NULL;
      guint n_changes = g_test_rand_int_range (1, 3);

      for (guint k = 0; k < n_changes; k++)
        changed[g_test_rand_int_range (0, text_size)] =
          alphabet[g_test_rand_int_range (0, sizeof alphabet - 1)];
      copy = scmp_filter_new_from_variant_text (changed, -1, &error);
      g_assert_true ((copy == NULL) == (error != NULL));
      if (error != NULL)
        g_assert_true (error->domain == SCMP_ERROR);
    }
}

/* ------------------------------------------------------------------ */
/* D-Bus                                                               */
/* ------------------------------------------------------------------ */

static const char policy_interface_xml[] =
  "<node>"
  "  <interface name='org.example.ScmpPolicy'>"
  "    <method name='Rebuild'>"
  "      <arg type='v' name='policy' direction='in'/>"
  "      <arg type='v' name='serialized' direction='out'/>"
  "      <arg type='ay' name='bpf' direction='out'/>"
  "    </method>"
  "  </interface>"
  "</node>";

static void
handle_method_call (GDBusConnection       *connection,
                    const char            *sender,
                    const char            *object_path,
                    const char            *interface_name,
                    const char            *method_name,
                    GVariant              *parameters,
                    GDBusMethodInvocation *invocation,
                    gpointer               user_data)
{
  g_autoptr(GVariant) policy = NULL;
  g_autoptr(GVariant) serialized = NULL;
  g_autoptr(ScmpFilter) filter = NULL;
  g_autoptr(GBytes) bpf = NULL;
  GError *error = NULL;

  g_assert_cmpstr (method_name, ==, "Rebuild");
  g_variant_get (parameters, "(v)", &policy);

  filter = scmp_filter_new_from_variant (policy, &error);
  if (filter != NULL)
    bpf = scmp_filter_export_bpf (filter, &error);
  if (bpf == NULL)
    {
      g_dbus_method_invocation_take_error (invocation, error);
      return;
    }

  serialized = scmp_filter_serialize (filter);
  g_dbus_method_invocation_return_value (invocation,
                                         g_variant_new ("(v@ay)", serialized,
                                                        g_variant_new_from_bytes (G_VARIANT_TYPE_BYTESTRING,
                                                                                  bpf, TRUE)));
}

static const GDBusInterfaceVTable policy_vtable = { handle_method_call, NULL, NULL, { NULL, } };

static GDBusConnection *
connect_to (const char *address)
{
  g_autoptr(GError) error = NULL;
  GDBusConnection *connection;

  connection = g_dbus_connection_new_for_address_sync (address,
                                                       G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT |
                                                       G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
                                                       NULL, NULL, &error);
  g_assert_no_error (error);
  return connection;
}

static void
call_done (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

/* Calls Rebuild on @service from @client, running the main context (where
 * the service's handler runs) until the reply comes. */
static GVariant *
call_rebuild (GDBusConnection  *client,
              const char       *service,
              GVariant         *policy,
              GError          **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  g_dbus_connection_call (client, service, "/org/example/ScmpPolicy",
                          "org.example.ScmpPolicy", "Rebuild",
                          g_variant_new ("(v)", policy), G_VARIANT_TYPE ("(vay)"),
                          G_DBUS_CALL_FLAGS_NONE, 10000, NULL, call_done, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return g_dbus_connection_call_finish (client, result, error);
}

static void
test_dbus (void)
{
  g_autoptr(GTestDBus) bus = NULL;
  g_autoptr(GDBusConnection) service = NULL;
  g_autoptr(GDBusConnection) client = NULL;
  g_autoptr(GDBusNodeInfo) node = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ScmpFilter) filter = new_rich_filter ();
  g_autoptr(GVariant) policy = scmp_filter_serialize (filter);
  g_autoptr(GBytes) local_bpf = export_ok (filter);
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GVariant) remote_policy = NULL;
  g_autoptr(GVariant) remote_bpf = NULL;
  g_autoptr(GBytes) remote_bytes = NULL;
  g_autoptr(GVariant) bad = NULL;
  g_autoptr(GVariant) bad_reply = NULL;
  guint registration;

  g_test_summary ("A policy sent over a private bus comes back the same and "
                  "compiles to the same BPF there");

  bus = g_test_dbus_new (G_TEST_DBUS_NONE);
  g_test_dbus_up (bus);

  service = connect_to (g_test_dbus_get_bus_address (bus));
  client = connect_to (g_test_dbus_get_bus_address (bus));

  node = g_dbus_node_info_new_for_xml (policy_interface_xml, &error);
  g_assert_no_error (error);
  registration = g_dbus_connection_register_object (service, "/org/example/ScmpPolicy",
                                                    node->interfaces[0], &policy_vtable,
                                                    NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (registration, >, 0);

  reply = call_rebuild (client, g_dbus_connection_get_unique_name (service), policy, &error);
  g_assert_no_error (error);
  g_variant_get (reply, "(v@ay)", &remote_policy, &remote_bpf);
  assert_variants_equal (policy, remote_policy);
  remote_bytes = g_variant_get_data_as_bytes (remote_bpf);
  g_assert_true (g_bytes_equal (local_bpf, remote_bytes));

  /* The copy that crossed the bus twice still builds the same filter. */
  {
    g_autoptr(ScmpFilter) copy = scmp_filter_new_from_variant (remote_policy, &error);

    g_assert_no_error (error);
    assert_same_filter (filter, copy);
  }

  /* A bad policy comes back as a D-Bus error with the message. */
  bad = g_variant_parse (SCMP_FILTER_VARIANT_TYPE, POLICY (", 'sandbox': <true>", ""),
                         NULL, NULL, &error);
  g_assert_no_error (error);
  bad_reply = call_rebuild (client, g_dbus_connection_get_unique_name (service), bad, &error);
  g_assert_null (bad_reply);
  /* SCMP_ERROR is a registered D-Bus error domain: a stable name on the
   * wire, the same code and message back */
  g_assert_error (error, SCMP_ERROR, SCMP_ERROR_INVALID_POLICY);
  g_assert_true (g_dbus_error_is_remote_error (error));
  {
    g_autofree char *name = g_dbus_error_get_remote_error (error);

    g_assert_cmpstr (name, ==, "org.gnome.ScmpGlib.Error.InvalidPolicy");
  }
  g_assert_true (g_dbus_error_strip_remote_error (error));
  g_assert_true (strstr (error->message, "unknown key “sandbox”") != NULL);
  g_clear_error (&error);

  g_assert_true (g_dbus_connection_unregister_object (service, registration));
  g_assert_true (g_dbus_connection_close_sync (client, NULL, &error));
  g_assert_true (g_dbus_connection_close_sync (service, NULL, &error));
  g_assert_no_error (error);
  g_clear_object (&client);
  g_clear_object (&service);
  g_test_dbus_down (bus);
}

static void
call_serialize_null (void)
{
  scmp_filter_serialize (NULL);
}

static void
call_new_from_variant_null (void)
{
  scmp_filter_new_from_variant (NULL, NULL);
}

static void
call_new_from_variant_text_null (void)
{
  scmp_filter_new_from_variant_text (NULL, -1, NULL);
}

static const PreconditionCase preconditions[] = {
  { "/variant/preconditions/serialize", call_serialize_null, "*Scmp-CRITICAL*SCMP_IS_FILTER*" },
  { "/variant/preconditions/new-from-variant", call_new_from_variant_null,
    "*Scmp-CRITICAL*variant != NULL*" },
  { "/variant/preconditions/new-from-variant-text", call_new_from_variant_text_null,
    "*Scmp-CRITICAL*text != NULL*" },
};

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/variant/action-strings", test_action_strings);
  g_test_add_func ("/variant/round-trip/rich", test_round_trip_rich);
  g_test_add_func ("/variant/round-trip/text", test_round_trip_text);
  g_test_add_func ("/variant/round-trip/default", test_round_trip_default);
  g_test_add_func ("/variant/round-trip/range-of-one", test_round_trip_range_of_one);
  g_test_add_func ("/variant/floating", test_floating);
  g_test_add_func ("/variant/hand-written", test_hand_written);
  g_test_add_func ("/variant/doc-example", test_doc_example);
  g_test_add_func ("/variant/text-position", test_text_position);
  g_test_add_func ("/variant/bad-policies", test_bad_policies);
  g_test_add_func ("/variant/bad-variants", test_bad_variants);
  g_test_add_func ("/variant/corrupted", test_corrupted);
  g_test_add_func ("/variant/dbus", test_dbus);
  add_precondition_tests (preconditions, G_N_ELEMENTS (preconditions));

  return g_test_run ();
}
