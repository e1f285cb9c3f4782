/* test-hostile.c: a catalogue of hostile input, one table for all of it
 *
 * SPDX-FileCopyrightText: 2026 The scmp-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Every row makes one bad call, on the public API, the OCI and GVariant
 * readers or scmp-tool, against a reference filter (a few rules, two
 * ABIs, a priority). The runner snapshots the filter first (its BPF
 * program, its rules, its serialized form, its pseudo code) and counts
 * every signal it emits; after the row it checks the GError (domain,
 * code, and that the message names the offending value), that the filter
 * is byte-for-byte what it was, that no signal was emitted, and that the
 * call kept no reference on the filter (it is finalized by the runner's
 * own unref). ASan and valgrind, which run this suite, see the rest of
 * the leaks.
 *
 * Three smaller tables follow the same runner: programmer errors (NULL
 * and out-of-range arguments, which are criticals in the "Scmp" log
 * domain), re-entrant signal handlers (which add or remove rules, or drop
 * the last reference, while the filter emits) and removals while a
 * #GListModel consumer iterates.
 */

#include <scmp-glib/scmp-glib.h>

#include <glib/gstdio.h>

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define LOG_DOMAIN "Scmp"

/* ------------------------------------------------------------------ */
/* The reference filter                                                */
/* ------------------------------------------------------------------ */

static ScmpFilter *
reference_filter_new (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScmpAction) deny = scmp_action_new_errno (EPERM, &error);
  g_autoptr(ScmpAction) eacces = scmp_action_new_errno (EACCES, &error);
  g_autoptr(ScmpAction) allow = scmp_action_new_allow ();
  ScmpCondition to_stdout = { .arg = 0, .op = SCMP_COMPARE_OP_EQ, .datum = 1 };
  ScmpCondition low_flags = { .arg = 2, .op = SCMP_COMPARE_OP_MASKED_EQ, .mask = 0x3, .datum = 0 };
  g_autoptr(ScmpRule) read_rule = scmp_rule_new ("read", allow);
  g_autoptr(ScmpRule) write_rule = scmp_rule_newv ("write", allow, &to_stdout, 1);
  g_autoptr(ScmpRule) openat_rule = scmp_rule_newv ("openat", eacces, &low_flags, 1);
  g_autoptr(ScmpRule) close_rule = scmp_rule_new ("close", allow);
  g_autoptr(ScmpAction) trap = scmp_action_new_trap (7);
  g_autoptr(ScmpRule) uname_rule = scmp_rule_new ("uname", trap);
  ScmpRule *rules[] = { read_rule, write_rule, openat_rule, close_rule, uname_rule };
  ScmpFilter *filter = scmp_filter_new (deny);

  /* Two ABIs, pinned, so the rows read the same on every host. */
  if (!scmp_filter_has_arch (filter, SCMP_ARCHITECTURE_X86_64))
    {
      g_assert_true (scmp_filter_add_arch (filter, SCMP_ARCHITECTURE_X86_64, &error));
      g_assert_true (scmp_filter_remove_arch (filter, SCMP_ARCHITECTURE_NATIVE, &error));
    }
  g_assert_true (scmp_filter_add_arch (filter, SCMP_ARCHITECTURE_X86, &error));
  g_assert_true (scmp_filter_add_rules (filter, rules, G_N_ELEMENTS (rules), &error));
  g_assert_true (scmp_filter_set_priority (filter, "read", 10, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (scmp_filter_get_n_rules (filter), ==, G_N_ELEMENTS (rules));
  return filter;
}

static ScmpRule *
allow_rule (const char *syscall)
{
  g_autoptr(ScmpAction) allow = scmp_action_new_allow ();

  return scmp_rule_new (syscall, allow);
}

/* ------------------------------------------------------------------ */
/* Snapshots and signal counts                                         */
/* ------------------------------------------------------------------ */

typedef struct {
  GBytes    *bpf;
  GVariant  *serialized;
  char      *pfc;
  GPtrArray *rules;   /* (element-type ScmpRule) (owned) */
} Snapshot;

static void
snapshot_take (ScmpFilter *filter,
               Snapshot   *snap)
{
  g_autoptr(GError) error = NULL;

  snap->bpf = scmp_filter_export_bpf (filter, &error);
  g_assert_no_error (error);
  snap->pfc = scmp_filter_export_pfc (filter, &error);
  g_assert_no_error (error);
  snap->serialized = scmp_filter_serialize (filter);
  snap->rules = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < scmp_filter_get_n_rules (filter); i++)
    g_ptr_array_add (snap->rules, g_object_ref (scmp_filter_get_rule (filter, i)));
}

static void
snapshot_clear (Snapshot *snap)
{
  g_clear_pointer (&snap->bpf, g_bytes_unref);
  g_clear_pointer (&snap->serialized, g_variant_unref);
  g_clear_pointer (&snap->pfc, g_free);
  g_clear_pointer (&snap->rules, g_ptr_array_unref);
}

/* The filter is what it was: the same rule objects in the same order, the
 * same program to the byte, the same attributes. */
static void
snapshot_assert_unchanged (ScmpFilter *filter,
                           Snapshot   *before)
{
  Snapshot after = { NULL, };

  snapshot_take (filter, &after);
  g_assert_cmpuint (after.rules->len, ==, before->rules->len);
  for (guint i = 0; i < before->rules->len; i++)
    g_assert_true (g_ptr_array_index (after.rules, i) == g_ptr_array_index (before->rules, i));
  g_assert_true (g_bytes_equal (after.bpf, before->bpf));
  g_assert_cmpstr (after.pfc, ==, before->pfc);
  if (!g_variant_equal (after.serialized, before->serialized))
    {
      g_autofree char *a = g_variant_print (before->serialized, FALSE);
      g_autofree char *b = g_variant_print (after.serialized, FALSE);

      g_error ("The filter changed:\n  before: %s\n  after:  %s", a, b);
    }
  snapshot_clear (&after);
}

typedef struct {
  GObject *object;
  GArray  *handlers;   /* (element-type gulong) */
  GString *log;        /* what was emitted, for the failure message */
  guint    n;
} Counter;

static void
counter_note (Counter    *counter,
              const char *what)
{
  counter->n++;
  g_string_append_printf (counter->log, " %s", what);
}

static void
on_counted_rule_added (ScmpFilter *filter, ScmpRule *rule, guint position, Counter *c)
{
  counter_note (c, "rule-added");
}

static void
on_counted_rule_removed (ScmpFilter *filter, ScmpRule *rule, guint position, Counter *c)
{
  counter_note (c, "rule-removed");
}

static void
on_counted_changed (GObject *object, Counter *c)
{
  counter_note (c, "changed");
}

static void
on_counted_items_changed (GListModel *model, guint position, guint removed, guint added, Counter *c)
{
  counter_note (c, "items-changed");
}

static void
on_counted_notify (GObject *object, GParamSpec *pspec, Counter *c)
{
  g_autofree char *what = g_strdup_printf ("notify::%s", pspec->name);

  counter_note (c, what);
}

static void
counter_add (Counter    *c,
             gulong      id)
{
  g_array_append_val (c->handlers, id);
}

/* Counts every signal of @object: all of #ScmpFilter's for a filter,
 * GObject::notify for anything. */
static void
counter_connect (Counter *c,
                 gpointer object)
{
  c->object = g_object_ref (object);
  c->handlers = g_array_new (FALSE, FALSE, sizeof (gulong));
  c->log = g_string_new (NULL);
  c->n = 0;
  counter_add (c, g_signal_connect (object, "notify", G_CALLBACK (on_counted_notify), c));
  if (SCMP_IS_FILTER (object))
    {
      counter_add (c, g_signal_connect (object, "rule-added", G_CALLBACK (on_counted_rule_added), c));
      counter_add (c, g_signal_connect (object, "rule-removed", G_CALLBACK (on_counted_rule_removed), c));
      counter_add (c, g_signal_connect (object, "changed", G_CALLBACK (on_counted_changed), c));
      counter_add (c, g_signal_connect (object, "items-changed", G_CALLBACK (on_counted_items_changed), c));
    }
}

static void
counter_assert_silent_and_disconnect (Counter *c)
{
  if (c->n != 0)
    g_error ("%u signals were emitted:%s", c->n, c->log->str);
  for (guint i = 0; i < c->handlers->len; i++)
    g_signal_handler_disconnect (c->object, g_array_index (c->handlers, gulong, i));
  g_clear_pointer (&c->handlers, g_array_unref);
  g_string_free (g_steal_pointer (&c->log), TRUE);
  g_clear_object (&c->object);
}

/* The message names the problem: @needle, and nothing cut short. */
static void
assert_message_names (const GError *error,
                      const char   *needle)
{
  if (strstr (error->message, needle) == NULL)
    g_error ("The message “%s” does not name “%s”", error->message, needle);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
}

/* ------------------------------------------------------------------ */
/* Rows: the public API                                                */
/* ------------------------------------------------------------------ */

typedef gboolean (*HostileFunc) (ScmpFilter *filter, GError **error);

typedef struct {
  const char   *name;
  HostileFunc   func;
  GQuark      (*domain) (void);
  int           code;
  const char   *needle;   /* the message must contain it */
  const char   *input;    /* read_variant_parsed(), read_variant_text(), read_oci(): the text */
} ErrorRow;

static gboolean
add_rule_or_fail (ScmpFilter  *filter,
                  ScmpRule    *rule,
                  GError     **error)
{
  g_assert_nonnull (rule);
  return scmp_filter_add_rule (filter, rule, error);
}

static gboolean
row_unknown_syscall (ScmpFilter *filter, GError **error)
{
  g_autoptr(ScmpRule) rule = allow_rule ("no_such_call");

  return add_rule_or_fail (filter, rule, error);
}

static gboolean
row_unknown_syscall_insert (ScmpFilter *filter, GError **error)
{
  g_autoptr(ScmpRule) rule = allow_rule ("openat2x");

  return scmp_filter_insert_rule (filter, 0, rule, error);
}

static gboolean
row_syscall_name_with_nul_tail (ScmpFilter *filter, GError **error)
{
  g_autoptr(ScmpRule) rule = allow_rule ("read\x01");

  return add_rule_or_fail (filter, rule, error);
}

static gboolean
row_huge_syscall_name (ScmpFilter *filter, GError **error)
{
  g_autofree char *name = g_strnfill (1024 * 1024, 'x');
  g_autoptr(ScmpRule) rule = allow_rule (name);

  return add_rule_or_fail (filter, rule, error);
}

static gboolean
row_exact_missing_on_x86 (ScmpFilter *filter, GError **error)
{
  g_autoptr(ScmpAction) allow = scmp_action_new_allow ();
  g_autoptr(ScmpRule) rule = scmp_rule_new_exact ("kexec_file_load", allow, NULL, 0);

  return add_rule_or_fail (filter, rule, error);
}

static gboolean
add_rule_with_condition (ScmpFilter           *filter,
                         const char           *syscall,
                         const ScmpCondition  *condition,
                         GError              **error)
{
  g_autoptr(ScmpAction) allow = scmp_action_new_allow ();
  g_autoptr(ScmpRule) rule = scmp_rule_newv (syscall, allow, condition, 1);

  return add_rule_or_fail (filter, rule, error);
}

static gboolean
row_arg_index_6 (ScmpFilter *filter, GError **error)
{
  ScmpCondition c = { .arg = 6, .op = SCMP_COMPARE_OP_EQ, .datum = 0 };

  return add_rule_with_condition (filter, "ioctl", &c, error);
}

static gboolean
row_arg_index_huge (ScmpFilter *filter, GError **error)
{
  ScmpCondition c = { .arg = G_MAXUINT, .op = SCMP_COMPARE_OP_EQ, .datum = 0 };

  return add_rule_with_condition (filter, "ioctl", &c, error);
}

static gboolean
row_bad_op (ScmpFilter *filter, GError **error)
{
  ScmpCondition c = { .arg = 0, .op = (ScmpCompareOp) 77, .datum = 0 };

  return add_rule_with_condition (filter, "ioctl", &c, error);
}

static gboolean
row_negative_op (ScmpFilter *filter, GError **error)
{
  ScmpCondition c = { .arg = 0, .op = (ScmpCompareOp) -3, .datum = 0 };

  return add_rule_with_condition (filter, "ioctl", &c, error);
}

static gboolean
row_32bit_datum_too_wide (ScmpFilter *filter, GError **error)
{
  ScmpCondition c = { .arg = 1, .op = SCMP_COMPARE_OP_EQ, .datum = G_GUINT64_CONSTANT (0x100000000), .is_32bit = TRUE };

  return add_rule_with_condition (filter, "ioctl", &c, error);
}

static gboolean
row_32bit_mask_too_wide (ScmpFilter *filter, GError **error)
{
  ScmpCondition c = { .arg = 1, .op = SCMP_COMPARE_OP_MASKED_EQ, .mask = G_GUINT64_CONSTANT (0x1ff00000000), .datum = 0, .is_32bit = TRUE };

  return add_rule_with_condition (filter, "ioctl", &c, error);
}

static gboolean
row_datum_too_wide_for_x86 (ScmpFilter *filter, GError **error)
{
  /* mmap's length is a size_t: 32 bits on x86, which is in the filter. */
  ScmpCondition c = { .arg = 1, .op = SCMP_COMPARE_OP_EQ, .datum = G_GUINT64_CONSTANT (0x123456789) };

  return add_rule_with_condition (filter, "mmap", &c, error);
}

static gboolean
row_conflicting_action (ScmpFilter *filter, GError **error)
{
  g_autoptr(ScmpAction) kill = scmp_action_new_kill_process ();
  g_autoptr(ScmpRule) rule = scmp_rule_new ("read", kill);

  return add_rule_or_fail (filter, rule, error);
}

static gboolean
row_add_rules_second_bad (ScmpFilter *filter, GError **error)
{
  g_autoptr(ScmpRule) good = allow_rule ("getpid");
  g_autoptr(ScmpRule) bad = allow_rule ("not_a_syscall");
  ScmpRule *rules[] = { good, bad };

  return scmp_filter_add_rules (filter, rules, G_N_ELEMENTS (rules), error);
}

static gboolean
row_add_rules_conflict_in_batch (ScmpFilter *filter, GError **error)
{
  g_autoptr(ScmpAction) kill = scmp_action_new_kill_process ();
  g_autoptr(ScmpRule) a = allow_rule ("getuid");
  g_autoptr(ScmpRule) b = scmp_rule_new ("getuid", kill);
  ScmpRule *rules[] = { a, b };

  return scmp_filter_add_rules (filter, rules, G_N_ELEMENTS (rules), error);
}

static gboolean
row_add_rules_for_unknown_set (ScmpFilter *filter, GError **error)
{
  g_autoptr(ScmpAction) allow = scmp_action_new_allow ();

  return scmp_filter_add_rules_for_set (filter, "@no-such-set", allow, NULL, 0, error);
}

static gboolean
row_add_rules_for_set_bad_condition (ScmpFilter *filter, GError **error)
{
  g_autoptr(ScmpAction) allow = scmp_action_new_allow ();
  ScmpCondition c = { .arg = 9, .op = SCMP_COMPARE_OP_EQ, .datum = 0 };

  return scmp_filter_add_rules_for_set (filter, "@basic-io", allow, &c, 1, error);
}

static gboolean
row_add_arch_number (ScmpFilter *filter, GError **error)
{
  return scmp_filter_add_arch (filter, (ScmpArchitecture) 9999, error);
}

static gboolean
row_add_arch_unknown (ScmpFilter *filter, GError **error)
{
  return scmp_filter_add_arch (filter, SCMP_ARCHITECTURE_UNKNOWN, error);
}

static gboolean
row_add_arch_other_endian (ScmpFilter *filter, GError **error)
{
  return scmp_filter_add_arch (filter, SCMP_ARCHITECTURE_PPC64, error);
}

static gboolean
row_remove_arch_absent (ScmpFilter *filter, GError **error)
{
  return scmp_filter_remove_arch (filter, SCMP_ARCHITECTURE_AARCH64, error);
}

static gboolean
row_remove_arch_number (ScmpFilter *filter, GError **error)
{
  return scmp_filter_remove_arch (filter, (ScmpArchitecture) -42, error);
}

static gboolean
row_known_kernel_word (ScmpFilter *filter, GError **error)
{
  return scmp_filter_set_known_kernel (filter, "banana", error);
}

static gboolean
row_known_kernel_old (ScmpFilter *filter, GError **error)
{
  return scmp_filter_set_known_kernel (filter, "4.19", error);
}

static gboolean
row_known_kernel_overflow (ScmpFilter *filter, GError **error)
{
  return scmp_filter_set_known_kernel (filter, "99999999999999999999.1", error);
}

static gboolean
row_priority_unknown_syscall (ScmpFilter *filter, GError **error)
{
  return scmp_filter_set_priority (filter, "no_such_call", 200, error);
}

static gboolean
row_merge_other_default (ScmpFilter *filter, GError **error)
{
  g_autoptr(ScmpFilter) other = scmp_filter_new (NULL);

  return scmp_filter_merge (filter, other, error);
}

static ScmpFilter *
same_default_filter (ScmpFilter *filter)
{
  return scmp_filter_new (scmp_filter_get_default_action (filter));
}

static gboolean
row_merge_conflict (ScmpFilter *filter, GError **error)
{
  g_autoptr(ScmpFilter) other = same_default_filter (filter);
  g_autoptr(ScmpAction) trap = scmp_action_new_trap (7);
  g_autoptr(ScmpRule) getpid = allow_rule ("getpid");
  g_autoptr(ScmpRule) close_trap = scmp_rule_new ("close", trap);

  /* The first rule would fit; the second conflicts with "close". */
  g_assert_true (scmp_filter_add_rule (other, getpid, NULL));
  g_assert_true (scmp_filter_add_rule (other, close_trap, NULL));
  return scmp_filter_merge (filter, other, error);
}

static gboolean
row_merge_other_endian (ScmpFilter *filter, GError **error)
{
  g_autoptr(ScmpFilter) other = same_default_filter (filter);

  g_assert_true (scmp_filter_remove_arch (other, SCMP_ARCHITECTURE_NATIVE, NULL));
  g_assert_true (scmp_filter_add_arch (other, SCMP_ARCHITECTURE_S390X, NULL));
  return scmp_filter_merge (filter, other, error);
}

static gboolean
row_merge_exact_rule_missing_here (ScmpFilter *filter, GError **error)
{
  g_autoptr(ScmpFilter) other = same_default_filter (filter);
  g_autoptr(ScmpAction) allow = scmp_action_new_allow ();
  g_autoptr(ScmpRule) rule = scmp_rule_new_exact ("newfstatat", allow, NULL, 0);

  g_assert_true (scmp_filter_add_arch (other, SCMP_ARCHITECTURE_X86_64, NULL));
  g_assert_true (scmp_filter_add_rule (other, rule, NULL));
  return scmp_filter_merge (filter, other, error);
}

static gboolean
returns_action (ScmpAction *action)
{
  g_assert_null (action);
  return action != NULL;
}

static gboolean
row_evaluate_too_many_args (ScmpFilter *filter, GError **error)
{
  guint64 args[7] = { 0, };

  return returns_action (scmp_filter_evaluate (filter, SCMP_ARCHITECTURE_X86_64, 0, args, 7, error));
}

static gboolean
row_evaluate_bad_arch (ScmpFilter *filter, GError **error)
{
  return returns_action (scmp_filter_evaluate (filter, (ScmpArchitecture) 777, 0, NULL, 0, error));
}

static gboolean
row_evaluate_unknown_syscall (ScmpFilter *filter, GError **error)
{
  return returns_action (scmp_filter_evaluate_syscall (filter, SCMP_ARCHITECTURE_X86_64,
                                                       "no_such_call", NULL, 0, error));
}

static gboolean
row_write_bpf_closed_fd (ScmpFilter *filter, GError **error)
{
  int fds[2];
  gboolean ok;

  /* A pipe whose reader is gone: EPIPE, with SIGPIPE ignored. */
  g_assert_no_errno (pipe (fds));
  close (fds[0]);
  signal (SIGPIPE, SIG_IGN);
  ok = scmp_filter_write_bpf_to_fd (filter, fds[1], error);
  close (fds[1]);
  return ok;
}

static gboolean
row_write_bpf_read_only_fd (ScmpFilter *filter, GError **error)
{
  int fd = open ("/dev/null", O_RDONLY | O_CLOEXEC);
  gboolean ok;

  g_assert_cmpint (fd, >=, 0);
  ok = scmp_filter_write_bpf_to_fd (filter, fd, error);
  close (fd);
  return ok;
}

static gboolean
row_write_bpf_closed_stream (ScmpFilter *filter, GError **error)
{
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();

  g_assert_true (g_output_stream_close (stream, NULL, NULL));
  return scmp_filter_write_bpf_to_stream (filter, stream, NULL, error);
}

static gboolean
row_export_oci_strict (ScmpFilter *filter, GError **error)
{
  g_auto(GStrv) warnings = NULL;
  g_autofree char *json = scmp_filter_export_oci (filter, SCMP_OCI_EXPORT_FLAGS_STRICT,
                                                  &warnings, error);

  g_assert_null (json);
  return json != NULL;
}

/* Constructors of values: nothing of the filter is involved, and the
 * runner checks that it stays so. */

static gboolean
returns_object (gpointer object)
{
  g_assert_null (object);
  return object != NULL;
}

static gboolean
row_errno_4096 (ScmpFilter *filter, GError **error)
{
  return returns_object (scmp_action_new_errno (SCMP_ACTION_ERRNO_MAX + 1, error));
}

static gboolean
row_errno_huge (ScmpFilter *filter, GError **error)
{
  return returns_object (scmp_action_new_errno (G_MAXUINT, error));
}

static gboolean
row_action_string_unknown (ScmpFilter *filter, GError **error)
{
  return returns_object (scmp_action_new_from_string ("frobnicate", error));
}

static gboolean
row_action_string_errno_range (ScmpFilter *filter, GError **error)
{
  return returns_object (scmp_action_new_from_string ("errno(5000)", error));
}

static gboolean
row_action_string_errno_name (ScmpFilter *filter, GError **error)
{
  return returns_object (scmp_action_new_from_string ("errno(EBOGUS)", error));
}

static gboolean
row_action_string_trace_range (ScmpFilter *filter, GError **error)
{
  return returns_object (scmp_action_new_from_string ("trace(70000)", error));
}

static gboolean
row_action_string_truncated (ScmpFilter *filter, GError **error)
{
  return returns_object (scmp_action_new_from_string ("errno(1", error));
}

static gboolean
row_action_string_empty (ScmpFilter *filter, GError **error)
{
  return returns_object (scmp_action_new_from_string ("", error));
}

static gboolean
row_action_kernel_value (ScmpFilter *filter, GError **error)
{
  return returns_object (scmp_action_new_from_kernel_value (0x12345678, error));
}

static gboolean
row_condition_arg (ScmpFilter *filter, GError **error)
{
  return returns_object (scmp_condition_new (6, SCMP_COMPARE_OP_EQ, 0, error));
}

static gboolean
row_condition_op (ScmpFilter *filter, GError **error)
{
  return returns_object (scmp_condition_new (0, (ScmpCompareOp) 42, 0, error));
}

static gboolean
row_condition_32_datum (ScmpFilter *filter, GError **error)
{
  return returns_object (scmp_condition_new_32 (0, SCMP_COMPARE_OP_EQ,
                                                G_GUINT64_CONSTANT (0x200000000), error));
}

static gboolean
row_condition_masked_arg (ScmpFilter *filter, GError **error)
{
  return returns_object (scmp_condition_new_masked (8, 0xff, 0x1, error));
}

static gboolean
row_rule_number_out_of_range (ScmpFilter *filter, GError **error)
{
  g_autoptr(ScmpAction) allow = scmp_action_new_allow ();

  /* An x86_64 number on x32, whose numbers carry the x32 bit. */
  return returns_object (scmp_rule_new_for_number (SCMP_ARCHITECTURE_X32, 5, allow, error));
}

static gboolean
row_rule_number_negative (ScmpFilter *filter, GError **error)
{
  g_autoptr(ScmpAction) allow = scmp_action_new_allow ();

  return returns_object (scmp_rule_new_for_number (SCMP_ARCHITECTURE_X86_64, -7, allow, error));
}

static gboolean
row_rule_number_bad_arch (ScmpFilter *filter, GError **error)
{
  g_autoptr(ScmpAction) allow = scmp_action_new_allow ();

  return returns_object (scmp_rule_new_for_number ((ScmpArchitecture) 31337, 0, allow, error));
}

static gboolean
row_rule_range_inverted (ScmpFilter *filter, GError **error)
{
  g_autoptr(ScmpAction) allow = scmp_action_new_allow ();

  return returns_object (scmp_rule_new_for_range (SCMP_ARCHITECTURE_X86_64, 20, 10, allow, error));
}

static gboolean
row_rule_number_bad_condition (ScmpFilter *filter, GError **error)
{
  g_autoptr(ScmpAction) allow = scmp_action_new_allow ();
  ScmpCondition c = { .arg = 7, .op = SCMP_COMPARE_OP_EQ, .datum = 0 };

  return returns_object (scmp_rule_new_for_numberv (SCMP_ARCHITECTURE_X86_64, 0, allow, &c, 1, error));
}

static gboolean
row_rule_restrict_bad_arch (ScmpFilter *filter, GError **error)
{
  ScmpArchitecture arches[] = { SCMP_ARCHITECTURE_X86_64, (ScmpArchitecture) 4242 };

  return returns_object (scmp_rule_restrict_to (scmp_filter_get_rule (filter, 0),
                                                arches, G_N_ELEMENTS (arches), error));
}

static gboolean
row_rule_restrict_none (ScmpFilter *filter, GError **error)
{
  return returns_object (scmp_rule_restrict_to (scmp_filter_get_rule (filter, 0), NULL, 0, error));
}

static gboolean
row_arch_parse_unknown (ScmpFilter *filter, GError **error)
{
  ScmpArchitecture arch = SCMP_ARCHITECTURE_X86;
  gboolean ok = scmp_architecture_parse ("vax", &arch, error);

  g_assert_cmpint (arch, ==, SCMP_ARCHITECTURE_X86);
  return ok;
}

static gboolean
row_arch_parse_empty (ScmpFilter *filter, GError **error)
{
  ScmpArchitecture arch;

  return scmp_architecture_parse ("", &arch, error);
}

static gboolean
row_syscall_set_unknown (ScmpFilter *filter, GError **error)
{
  g_auto(GStrv) members = scmp_syscall_set_get_members ("@nope", TRUE, error);

  g_assert_null (members);
  return members != NULL;
}

/* ------------------------------------------------------------------ */
/* Rows: GVariant policies                                             */
/* ------------------------------------------------------------------ */

static gboolean
variant_policy (GVariant  *variant,
                GError   **error)
{
  g_autoptr(ScmpFilter) filter = scmp_filter_new_from_variant (variant, error);

  g_assert_null (filter);
  return filter != NULL;
}

static gboolean
variant_text (const char  *text,
              gssize       length,
              GError     **error)
{
  g_autoptr(ScmpFilter) filter = scmp_filter_new_from_variant_text (text, length, error);

  g_assert_null (filter);
  return filter != NULL;
}

static gboolean
row_variant_wrong_type (ScmpFilter *filter, GError **error)
{
  return variant_policy (g_variant_new_string ("allow"), error);
}

static gboolean
row_variant_bad_operator (ScmpFilter *filter, GError **error)
{
  return variant_policy (g_variant_new_parsed (
    "(uint32 1, {'default-action': <'allow'>}, [('write', {'action': <'kill-process'>, "
    "'conditions': <[(uint32 0, '<=>', uint64 1, uint64 0, false)]>})])"), error);
}

/* The reference filter as a message, cut in half: GVariant reads
 * non-normal data as default values, which must not be a policy. */
static gboolean
row_variant_truncated_bytes (ScmpFilter *filter, GError **error)
{
  g_autoptr(GVariant) whole = scmp_filter_serialize (filter);
  gsize size = g_variant_get_size (whole);
  g_autofree guint8 *half = g_memdup2 (g_variant_get_data (whole), size / 2);

  return variant_policy (g_variant_new_from_data (SCMP_FILTER_VARIANT_TYPE, half, size / 2,
                                                  FALSE, NULL, NULL), error);
}

static gboolean
row_variant_garbage_bytes (ScmpFilter *filter, GError **error)
{
  static const guint8 garbage[64] = {
    0x01, 0x00, 0x00, 0x00, 0xff, 0xff, 0xff, 0xff, 0x7f, 0x00, 0xfe, 0xca,
    0x00, 0x61, 0x6c, 0x6c, 0x6f, 0x77, 0x00, 0xff, 0x13, 0x37, 0x42, 0xff,
  };

  return variant_policy (g_variant_new_from_data (SCMP_FILTER_VARIANT_TYPE, garbage,
                                                  sizeof garbage, FALSE, NULL, NULL), error);
}

/* The reference filter's bytes with the boolean allow-tracer-skip (false)
 * set to 0xff: GVariant would read it as true, a policy reader must not
 * read it at all. */
static gboolean
row_variant_bytes_bad_boolean (ScmpFilter *filter, GError **error)
{
  g_autoptr(GVariant) whole = scmp_filter_serialize (filter);
  gsize size = g_variant_get_size (whole);
  g_autofree char *data = g_memdup2 (g_variant_get_data (whole), size);
  const char *key = "allow-tracer-skip";
  char *at = memmem (data, size, key, strlen (key) + 1);
  char *value;

  g_assert_nonnull (at);
  /* the variant's value: its byte, a NUL, then its type "b" */
  value = memmem (at, size - (at - data), "\0\0b", 3);
  g_assert_nonnull (value);
  value[0] = (char) 0xff;
  return variant_policy (g_variant_new_from_data (SCMP_FILTER_VARIANT_TYPE, data, size,
                                                  FALSE, NULL, NULL), error);
}

/* The reference filter's bytes with its default action's string turned
 * into an unknown one of the same length, so the framing is intact. */
static gboolean
row_variant_bytes_bad_action (ScmpFilter *filter, GError **error)
{
  g_autoptr(GVariant) whole = scmp_filter_serialize (filter);
  gsize size = g_variant_get_size (whole);
  g_autofree char *data = g_memdup2 (g_variant_get_data (whole), size);
  char *at = memmem (data, size, "errno(1)", strlen ("errno(1)"));

  g_assert_nonnull (at);
  memcpy (at, "errno(!)", strlen ("errno(!)"));
  return variant_policy (g_variant_new_from_data (SCMP_FILTER_VARIANT_TYPE, data, size,
                                                  FALSE, NULL, NULL), error);
}

static gboolean
row_variant_text_truncated_length (ScmpFilter *filter, GError **error)
{
  const char *text = "(uint32 1, {'default-action': <'allow'>}, @a(sa{sv}) [])";

  /* A length that cuts the text, with no NUL there. */
  return variant_text (text, 20, error);
}

static gboolean
row_variant_text_deep (ScmpFilter *filter, GError **error)
{
  const gsize depth = 100000;
  g_autoptr(GString) text = g_string_new ("(uint32 1, {'default-action': <'allow'>, 'x': <");

  for (gsize i = 0; i < depth; i++)
    g_string_append_c (text, '[');
  for (gsize i = 0; i < depth; i++)
    g_string_append_c (text, ']');
  g_string_append (text, ">}, @a(sa{sv}) [])");
  return variant_text (text->str, text->len, error);
}

#define HUGE_SIZE (50 * 1024 * 1024)

/* A 50 MB syscall name: refused on its size, not parsed (which took
 * 400 MB and gave a 100 MB message quoting the name twice). */
static gboolean
row_variant_text_huge (ScmpFilter *filter, GError **error)
{
  g_autoptr(GString) text = g_string_sized_new (HUGE_SIZE + 128);
  gsize at;

  g_string_append (text, "(uint32 1, {'default-action': <'allow'>}, [('");
  at = text->len;
  g_string_set_size (text, at + HUGE_SIZE);
  memset (text->str + at, 'x', HUGE_SIZE);
  g_string_append (text, "', {'action': <'allow'>})])");
  return variant_text (text->str, text->len, error);
}

static gboolean
row_variant_text_nul (ScmpFilter *filter, GError **error)
{
  static const char text[] = "(uint32 1, {'default-action': <'al\0low'>}, @a(sa{sv}) [])";

  return variant_text (text, sizeof text - 1, error);
}

/* ------------------------------------------------------------------ */
/* Rows: OCI profiles                                                  */
/* ------------------------------------------------------------------ */

static const char good_profile[] =
  "{\n"
  "  \"defaultAction\": \"SCMP_ACT_ERRNO\",\n"
  "  \"architectures\": [\"SCMP_ARCH_X86_64\", \"SCMP_ARCH_X86\"],\n"
  "  \"syscalls\": [\n"
  "    { \"names\": [\"read\", \"write\"], \"action\": \"SCMP_ACT_ALLOW\" },\n"
  "    { \"names\": [\"openat\"], \"action\": \"SCMP_ACT_ERRNO\", \"errnoRet\": 13 }\n"
  "  ]\n"
  "}\n";

/* For oci_load_flags(): @text is the path of a file to load. */
#define OCI_FILE (-2)

/* A profile that has read good_profile is given @text: the load fails and
 * leaves the profile as it was (its filter, the very object, and that
 * filter's program; its warnings), without a notification. */
static gboolean
oci_load_flags (const char           *text,
                gssize                length,
                ScmpOciProfileFlags   flags,
                GError              **error)
{
  g_autoptr(ScmpOciProfile) profile = scmp_oci_profile_new ();
  g_autoptr(GError) local = NULL;
  g_autoptr(GBytes) bpf = NULL;
  g_autoptr(GBytes) bpf_after = NULL;
  g_auto(GStrv) warnings = NULL;
  ScmpFilter *previous;
  Counter counter;
  Counter filter_counter;
  Snapshot snap = { NULL, };
  gboolean ok;

  g_assert_true (scmp_oci_profile_set_architecture (profile, SCMP_ARCHITECTURE_X86_64, &local));
  g_assert_true (scmp_oci_profile_set_kernel_version (profile, "6.1", &local));
  scmp_oci_profile_set_flags (profile, flags);
  g_assert_true (scmp_oci_profile_load_from_data (profile, good_profile, -1, &local));
  g_assert_no_error (local);
  previous = scmp_oci_profile_get_filter (profile);
  g_assert_nonnull (previous);
  warnings = g_strdupv ((char **) scmp_oci_profile_get_warnings (profile));
  snapshot_take (previous, &snap);

  counter_connect (&counter, profile);
  counter_connect (&filter_counter, previous);
  if (length == OCI_FILE)
    ok = scmp_oci_profile_load_from_file (profile, text, error);
  else
    ok = scmp_oci_profile_load_from_data (profile, text, length, error);
  counter_assert_silent_and_disconnect (&filter_counter);
  counter_assert_silent_and_disconnect (&counter);

  g_assert_true (scmp_oci_profile_get_filter (profile) == previous);
  snapshot_assert_unchanged (previous, &snap);
  g_assert_true (g_strv_equal ((const char * const *) warnings,
                               scmp_oci_profile_get_warnings (profile)));
  snapshot_clear (&snap);
  return ok;
}

static gboolean
oci_load (const char  *text,
          GError     **error)
{
  return oci_load_flags (text, -1, SCMP_OCI_PROFILE_FLAGS_NONE, error);
}

/* The readers' rows that are one text each: ErrorRow.input. */
static const char *row_input;

static gboolean
read_variant_parsed (ScmpFilter *filter, GError **error)
{
  return variant_policy (g_variant_new_parsed (row_input), error);
}

static gboolean
read_variant_text (ScmpFilter *filter, GError **error)
{
  return variant_text (row_input, -1, error);
}

static gboolean
read_oci (ScmpFilter *filter, GError **error)
{
  return oci_load (row_input, error);
}

static gboolean
row_oci_truncated (ScmpFilter *filter, GError **error)
{
  return oci_load_flags (good_profile, strlen (good_profile) / 2, SCMP_OCI_PROFILE_FLAGS_NONE, error);
}

static gboolean
row_oci_empty (ScmpFilter *filter, GError **error)
{
  return oci_load_flags ("", 0, SCMP_OCI_PROFILE_FLAGS_NONE, error);
}

static gboolean
row_oci_nul_byte (ScmpFilter *filter, GError **error)
{
  static const char text[] = "{\"defaultAction\": \"SCMP_ACT_ALLOW\"\0}";

  return oci_load_flags (text, sizeof text - 1, SCMP_OCI_PROFILE_FLAGS_NONE, error);
}

static gboolean
row_oci_strict_unknown_syscall (ScmpFilter *filter, GError **error)
{
  return oci_load_flags ("{\"defaultAction\": \"SCMP_ACT_ALLOW\", \"syscalls\": "
                         "[{\"names\": [\"no_such_call\"], \"action\": \"SCMP_ACT_ERRNO\"}]}",
                         -1, SCMP_OCI_PROFILE_FLAGS_STRICT_SYSCALLS, error);
}

static gboolean
row_oci_strict_unknown_field (ScmpFilter *filter, GError **error)
{
  return oci_load_flags ("{\"defaultAction\": \"SCMP_ACT_ALLOW\", \"flavour\": \"mint\"}",
                         -1, SCMP_OCI_PROFILE_FLAGS_STRICT_FIELDS, error);
}

static gboolean
row_oci_deep_arrays (ScmpFilter *filter, GError **error)
{
  const gsize depth = 100000;
  g_autoptr(GString) text = g_string_new ("{\"defaultAction\": \"SCMP_ACT_ALLOW\", \"x\": ");

  for (gsize i = 0; i < depth; i++)
    g_string_append_c (text, '[');
  for (gsize i = 0; i < depth; i++)
    g_string_append_c (text, ']');
  g_string_append_c (text, '}');
  return oci_load_flags (text->str, text->len, SCMP_OCI_PROFILE_FLAGS_NONE, error);
}

static gboolean
row_oci_huge_string (ScmpFilter *filter, GError **error)
{
  g_autoptr(GString) text = g_string_sized_new (HUGE_SIZE + 64);
  gboolean ok;

  g_string_append (text, "{\"defaultAction\": \"SCMP_ACT_ALLOW\", \"comment\": \"");
  memset (text->str + text->len, 'a', HUGE_SIZE);
  g_string_set_size (text, text->len + HUGE_SIZE);
  g_string_append (text, "\"}");
  ok = oci_load_flags (text->str, text->len, SCMP_OCI_PROFILE_FLAGS_NONE, error);
  return ok;
}

static char *
temp_file (const char *contents,
           gssize      length)
{
  g_autoptr(GError) error = NULL;
  char *path = NULL;
  int fd = g_file_open_tmp ("test-hostile-XXXXXX.json", &path, &error);

  g_assert_no_error (error);
  close (fd);
  g_assert_true (g_file_set_contents (path, contents, length, &error));
  g_assert_no_error (error);
  return path;
}

static gboolean
row_oci_file_missing (ScmpFilter *filter, GError **error)
{
  return oci_load_flags ("/nonexistent/test-hostile/profile.json", OCI_FILE,
                         SCMP_OCI_PROFILE_FLAGS_NONE, error);
}

static gboolean
row_oci_file_directory (ScmpFilter *filter, GError **error)
{
  return oci_load_flags ("/", OCI_FILE, SCMP_OCI_PROFILE_FLAGS_NONE, error);
}

static gboolean
row_oci_file_truncated (ScmpFilter *filter, GError **error)
{
  g_autofree char *path = temp_file (good_profile, strlen (good_profile) - 9);
  gboolean ok = oci_load_flags (path, OCI_FILE, SCMP_OCI_PROFILE_FLAGS_NONE, error);

  g_unlink (path);
  return ok;
}

/* A sparse file of 50 MB: refused on its size, before it is read. */
static gboolean
row_oci_file_huge (ScmpFilter *filter, GError **error)
{
  g_autofree char *path = temp_file ("{", 1);
  int fd = open (path, O_WRONLY | O_CLOEXEC);
  gboolean ok;

  g_assert_cmpint (fd, >=, 0);
  g_assert_no_errno (ftruncate (fd, HUGE_SIZE));
  close (fd);
  ok = oci_load_flags (path, OCI_FILE, SCMP_OCI_PROFILE_FLAGS_NONE, error);
  g_unlink (path);
  return ok;
}

/* ------------------------------------------------------------------ */
/* Rows: scmp-tool                                                     */
/* ------------------------------------------------------------------ */

static const char *
tool_path (void)
{
  const char *path = g_getenv ("SCMP_TOOL");

  if (path == NULL || !g_file_test (path, G_FILE_TEST_IS_EXECUTABLE))
    g_error ("SCMP_TOOL must name the built scmp-tool (tests/meson.build sets it), not “%s”",
             path ? path : "(unset)");
  return path;
}

/* Runs scmp-tool with @args (NULL-terminated, "@" replaced by @file):
 * it must fail with @status, say nothing on stdout, and say one
 * "scmp-tool: " sentence (and maybe a "Try" line) on stderr. The
 * message is passed on in a G_SPAWN_ERROR of code @status, for the
 * runner to check. */
static gboolean
run_tool (int           status,
          const char   *file,
          GError      **error,
          ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) local = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *arg;
  int wait_status = 0;
  va_list args;

  g_ptr_array_add (argv, (char *) tool_path ());
  va_start (args, error);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (char *) (g_str_equal (arg, "@") ? file : arg));
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT,
                               NULL, NULL, &out, &err, &wait_status, &local));
  g_assert_no_error (local);
  g_assert_true (WIFEXITED (wait_status));
  if (WEXITSTATUS (wait_status) != status)
    g_error ("scmp-tool exited with %d, not %d; stderr: %s", WEXITSTATUS (wait_status), status, err);
  g_assert_cmpstr (out, ==, "");
  g_assert_true (g_str_has_prefix (err, "scmp-tool: "));
  g_assert_true (g_str_has_suffix (err, "\n"));
  g_assert_null (strstr (err, "CRITICAL"));
  g_assert_null (strstr (err, "WARNING"));
  /* Nothing from the input drives the terminal: no control character
   * but newlines and tabs, no C1 control (U+0080 to U+009F) either. */
  for (const char *p = err; *p != '\0'; p++)
    {
      if ((*p > 0 && *p < 0x20 && *p != '\n' && *p != '\t') || *p == 0x7f ||
          ((guchar) p[0] == 0xc2 && (guchar) p[1] >= 0x80 && (guchar) p[1] <= 0x9f))
        g_error ("scmp-tool wrote the control character 0x%02x to stderr: %s",
                 (guchar) p[(guchar) p[0] == 0xc2 ? 1 : 0], err);
    }
  g_set_error (error, G_SPAWN_EXIT_ERROR, status, "%s", err);
  return FALSE;
}

static gboolean
row_tool_unknown_command (ScmpFilter *filter, GError **error)
{
  return run_tool (2, NULL, error, "frobnicate", NULL);
}

static gboolean
row_tool_unknown_option (ScmpFilter *filter, GError **error)
{
  return run_tool (2, NULL, error, "compile", "--frobnicate", "x.json", NULL);
}

static gboolean
row_tool_missing_operand (ScmpFilter *filter, GError **error)
{
  return run_tool (2, NULL, error, "compile", NULL);
}

static gboolean
row_tool_missing_file (ScmpFilter *filter, GError **error)
{
  return run_tool (1, NULL, error, "compile", "/nonexistent/test-hostile.json", NULL);
}

static gboolean
row_tool_truncated_profile (ScmpFilter *filter, GError **error)
{
  g_autofree char *path = temp_file (good_profile, strlen (good_profile) / 2);
  gboolean ok = run_tool (1, path, error, "compile", "@", NULL);

  g_unlink (path);
  return ok;
}

static gboolean
row_tool_bad_host (ScmpFilter *filter, GError **error)
{
  g_autofree char *path = temp_file (good_profile, -1);
  gboolean ok = run_tool (2, path, error, "compile", "--host", "vax", "@", NULL);

  g_unlink (path);
  return ok;
}

static gboolean
row_tool_bad_kernel (ScmpFilter *filter, GError **error)
{
  g_autofree char *path = temp_file (good_profile, -1);
  gboolean ok = run_tool (2, path, error, "pfc", "--kernel", "banana", "@", NULL);

  g_unlink (path);
  return ok;
}

static gboolean
row_tool_bad_variant_policy (ScmpFilter *filter, GError **error)
{
  g_autofree char *path = temp_file ("(uint32 1, {'default-action': <'allow'>},\n"
                                     " [('no_such_call', {'action': <'errno(EPERM)'>})])\n", -1);
  gboolean ok = run_tool (1, path, error, "compile", "@", NULL);

  g_unlink (path);
  return ok;
}

static gboolean
row_tool_resolve_unknown (ScmpFilter *filter, GError **error)
{
  return run_tool (1, NULL, error, "resolve", "no_such_call", NULL);
}

static gboolean
row_tool_resolve_bad_arch (ScmpFilter *filter, GError **error)
{
  return run_tool (2, NULL, error, "resolve", "--arch", "vax", "read", NULL);
}

static gboolean
row_tool_resolve_escape (ScmpFilter *filter, GError **error)
{
  return run_tool (1, NULL, error, "resolve", "no\033[2Jcall\a", NULL);
}

static gboolean
row_tool_escape_in_policy (ScmpFilter *filter, GError **error)
{
  /* U+009B is CSI for the terminals that read C1 controls. */
  g_autofree char *path = temp_file ("(uint32 1, {'default-action': <'allow'>},\n"
                                     " [('no\033]0;owned\007\302\233call', {'action': <'kill-process'>})])\n", -1);
  gboolean ok = run_tool (1, path, error, "compile", "@", NULL);

  g_unlink (path);
  return ok;
}

/* Files that never end, or are too large: read up to the limit only. */
static gboolean
row_tool_policy_dev_zero (ScmpFilter *filter, GError **error)
{
  return run_tool (1, NULL, error, "compile", "/dev/zero", NULL);
}

static gboolean
row_tool_disasm_dev_zero (ScmpFilter *filter, GError **error)
{
  return run_tool (1, NULL, error, "disasm", "/dev/zero", NULL);
}

static gboolean
row_tool_policy_huge (ScmpFilter *filter, GError **error)
{
  g_autofree char *path = temp_file ("{", 1);
  int fd = open (path, O_WRONLY | O_CLOEXEC);
  gboolean ok;

  g_assert_cmpint (fd, >=, 0);
  g_assert_no_errno (ftruncate (fd, HUGE_SIZE));
  close (fd);
  ok = run_tool (1, path, error, "lint", "@", NULL);
  g_unlink (path);
  return ok;
}

static gboolean
row_tool_eval_bad_argument (ScmpFilter *filter, GError **error)
{
  g_autofree char *path = temp_file (good_profile, -1);
  gboolean ok = run_tool (2, path, error, "eval", "@", "read", "banana", NULL);

  g_unlink (path);
  return ok;
}

static gboolean
row_tool_disasm_odd_length (ScmpFilter *filter, GError **error)
{
  g_autofree char *path = temp_file ("abc", 3);
  gboolean ok = run_tool (1, path, error, "disasm", "@", NULL);

  g_unlink (path);
  return ok;
}

static gboolean
row_tool_diff_missing (ScmpFilter *filter, GError **error)
{
  g_autofree char *path = temp_file (good_profile, -1);
  gboolean ok = run_tool (1, path, error, "diff", "@", "/nonexistent/test-hostile.json", NULL);

  g_unlink (path);
  return ok;
}

static gboolean
row_tool_run_bad_policy (ScmpFilter *filter, GError **error)
{
  g_autofree char *path = temp_file (good_profile, strlen (good_profile) / 2);
  gboolean ok = run_tool (1, path, error, "run", "@", "--", "true", NULL);

  g_unlink (path);
  return ok;
}

/* ------------------------------------------------------------------ */
/* The error catalogue                                                 */
/* ------------------------------------------------------------------ */

#define SCMP scmp_error_quark
#define FILE_ERR g_file_error_quark
#define IO g_io_error_quark
#define TOOL g_spawn_exit_error_quark

static const ErrorRow error_rows[] = {
  /* rules */
  { "rule/unknown-syscall", row_unknown_syscall, SCMP, SCMP_ERROR_INVALID_SYSCALL, "“no_such_call”" },
  { "rule/unknown-syscall-insert", row_unknown_syscall_insert, SCMP, SCMP_ERROR_INVALID_SYSCALL, "openat2x" },
  { "rule/control-character", row_syscall_name_with_nul_tail, SCMP, SCMP_ERROR_INVALID_SYSCALL, "read\x01" },
  { "rule/huge-name", row_huge_syscall_name, SCMP, SCMP_ERROR_INVALID_SYSCALL, "xxxxxxxx" },
  { "rule/exact-missing-on-abi", row_exact_missing_on_x86, SCMP, SCMP_ERROR_SYSCALL_NOT_ON_ARCHITECTURE, "kexec_file_load" },
  { "rule/arg-index-6", row_arg_index_6, SCMP, SCMP_ERROR_INVALID_ARGUMENT, "6" },
  { "rule/arg-index-maxuint", row_arg_index_huge, SCMP, SCMP_ERROR_INVALID_ARGUMENT, "4294967295" },
  { "rule/bad-op", row_bad_op, SCMP, SCMP_ERROR_INVALID_ARGUMENT, "77" },
  { "rule/negative-op", row_negative_op, SCMP, SCMP_ERROR_INVALID_ARGUMENT, "-3" },
  { "rule/32bit-datum", row_32bit_datum_too_wide, SCMP, SCMP_ERROR_INVALID_ARGUMENT, "0x100000000" },
  { "rule/32bit-mask", row_32bit_mask_too_wide, SCMP, SCMP_ERROR_INVALID_ARGUMENT, "0x1ff00000000" },
  { "rule/datum-too-wide-for-abi", row_datum_too_wide_for_x86, SCMP, SCMP_ERROR_INVALID_ARGUMENT, "0x123456789" },
  { "rule/conflicting-action", row_conflicting_action, SCMP, SCMP_ERROR_EXISTS, "“read”" },
  { "rule/batch-second-bad", row_add_rules_second_bad, SCMP, SCMP_ERROR_INVALID_SYSCALL, "Rule 2 of 2" },
  { "rule/batch-conflict", row_add_rules_conflict_in_batch, SCMP, SCMP_ERROR_EXISTS, "getuid" },
  { "rule/unknown-set", row_add_rules_for_unknown_set, SCMP, SCMP_ERROR_INVALID_SYSCALL, "@no-such-set" },
  { "rule/set-bad-condition", row_add_rules_for_set_bad_condition, SCMP, SCMP_ERROR_INVALID_ARGUMENT, "9" },
  /* architectures */
  { "arch/add-number", row_add_arch_number, SCMP, SCMP_ERROR_INVALID_ARCHITECTURE, "9999" },
  { "arch/add-unknown", row_add_arch_unknown, SCMP, SCMP_ERROR_INVALID_ARCHITECTURE, "-1" },
  { "arch/add-other-endian", row_add_arch_other_endian, SCMP, SCMP_ERROR_INVALID_ARCHITECTURE, "ppc64" },
  { "arch/remove-absent", row_remove_arch_absent, SCMP, SCMP_ERROR_INVALID_ARCHITECTURE, "aarch64" },
  { "arch/remove-number", row_remove_arch_number, SCMP, SCMP_ERROR_INVALID_ARCHITECTURE, "-42" },
  { "arch/parse-unknown", row_arch_parse_unknown, SCMP, SCMP_ERROR_INVALID_ARCHITECTURE, "vax" },
  { "arch/parse-empty", row_arch_parse_empty, SCMP, SCMP_ERROR_INVALID_ARCHITECTURE, "empty string" },
  /* attributes */
  { "attr/known-kernel-word", row_known_kernel_word, SCMP, SCMP_ERROR_INVALID_ARGUMENT, "banana" },
  { "attr/known-kernel-old", row_known_kernel_old, SCMP, SCMP_ERROR_INVALID_ARGUMENT, "4.19" },
  { "attr/known-kernel-overflow", row_known_kernel_overflow, SCMP, SCMP_ERROR_INVALID_ARGUMENT, "99999999999999999999.1" },
  { "attr/priority-unknown-syscall", row_priority_unknown_syscall, SCMP, SCMP_ERROR_INVALID_SYSCALL, "no_such_call" },
  /* whole-filter operations */
  { "merge/other-default", row_merge_other_default, SCMP, SCMP_ERROR_INVALID_ARGUMENT, "kill" },
  { "merge/conflict", row_merge_conflict, SCMP, SCMP_ERROR_EXISTS, "close" },
  { "merge/other-endian", row_merge_other_endian, SCMP, SCMP_ERROR_INVALID_ARCHITECTURE, "s390x" },
  { "merge/exact-rule-missing-here", row_merge_exact_rule_missing_here, SCMP, SCMP_ERROR_SYSCALL_NOT_ON_ARCHITECTURE, "newfstatat" },
  /* outputs */
  { "output/evaluate-7-args", row_evaluate_too_many_args, SCMP, SCMP_ERROR_INVALID_ARGUMENT, "7" },
  { "output/evaluate-bad-arch", row_evaluate_bad_arch, SCMP, SCMP_ERROR_INVALID_ARCHITECTURE, "777" },
  { "output/evaluate-unknown-syscall", row_evaluate_unknown_syscall, SCMP, SCMP_ERROR_INVALID_SYSCALL, "no_such_call" },
  { "output/write-broken-pipe", row_write_bpf_closed_fd, SCMP, SCMP_ERROR_FAILED, "EPIPE" },
  { "output/write-read-only-fd", row_write_bpf_read_only_fd, SCMP, SCMP_ERROR_FAILED, "EBADF" },
  { "output/write-closed-stream", row_write_bpf_closed_stream, IO, G_IO_ERROR_CLOSED, "closed" },
  { "output/export-oci-strict", row_export_oci_strict, SCMP, SCMP_ERROR_NOT_SUPPORTED, "uname" },
  /* values */
  { "value/errno-4096", row_errno_4096, SCMP, SCMP_ERROR_INVALID_ARGUMENT, "4096" },
  { "value/errno-maxuint", row_errno_huge, SCMP, SCMP_ERROR_INVALID_ARGUMENT, "4294967295" },
  { "value/action-unknown", row_action_string_unknown, SCMP, SCMP_ERROR_INVALID_ARGUMENT, "frobnicate" },
  { "value/action-errno-range", row_action_string_errno_range, SCMP, SCMP_ERROR_INVALID_ARGUMENT, "5000" },
  { "value/action-errno-name", row_action_string_errno_name, SCMP, SCMP_ERROR_INVALID_ARGUMENT, "EBOGUS" },
  { "value/action-trace-range", row_action_string_trace_range, SCMP, SCMP_ERROR_INVALID_ARGUMENT, "70000" },
  { "value/action-truncated", row_action_string_truncated, SCMP, SCMP_ERROR_INVALID_ARGUMENT, "errno(1" },
  { "value/action-empty", row_action_string_empty, SCMP, SCMP_ERROR_INVALID_ARGUMENT, "“”" },
  { "value/action-kernel-value", row_action_kernel_value, SCMP, SCMP_ERROR_INVALID_ARGUMENT, "0x12345678" },
  { "value/condition-arg", row_condition_arg, SCMP, SCMP_ERROR_INVALID_ARGUMENT, "6" },
  { "value/condition-op", row_condition_op, SCMP, SCMP_ERROR_INVALID_ARGUMENT, "42" },
  { "value/condition-32-datum", row_condition_32_datum, SCMP, SCMP_ERROR_INVALID_ARGUMENT, "0x200000000" },
  { "value/condition-masked-arg", row_condition_masked_arg, SCMP, SCMP_ERROR_INVALID_ARGUMENT, "8" },
  { "value/rule-number-range", row_rule_number_out_of_range, SCMP, SCMP_ERROR_INVALID_ARGUMENT, "1073741829" },
  { "value/rule-number-negative", row_rule_number_negative, SCMP, SCMP_ERROR_INVALID_ARGUMENT, "-7" },
  { "value/rule-number-arch", row_rule_number_bad_arch, SCMP, SCMP_ERROR_INVALID_ARCHITECTURE, "31337" },
  { "value/rule-range-inverted", row_rule_range_inverted, SCMP, SCMP_ERROR_INVALID_ARGUMENT, "20" },
  { "value/rule-number-condition", row_rule_number_bad_condition, SCMP, SCMP_ERROR_INVALID_ARGUMENT, "7" },
  { "value/restrict-bad-arch", row_rule_restrict_bad_arch, SCMP, SCMP_ERROR_INVALID_ARCHITECTURE, "4242" },
  { "value/restrict-none", row_rule_restrict_none, SCMP, SCMP_ERROR_INVALID_ARCHITECTURE, "architecture" },
  { "value/syscall-set-unknown", row_syscall_set_unknown, SCMP, SCMP_ERROR_INVALID_SYSCALL, "@nope" },
  /* GVariant policies */
  { "variant/wrong-type", row_variant_wrong_type, SCMP, SCMP_ERROR_INVALID_POLICY, "‘s’" },
  { "variant/future-version", read_variant_parsed, SCMP, SCMP_ERROR_INVALID_POLICY, "99",
    "(uint32 99, @a{sv} {}, @a(sa{sv}) [])" },
  { "variant/unknown-attribute", read_variant_parsed, SCMP, SCMP_ERROR_INVALID_POLICY, "flavour",
    "(uint32 1, {'default-action': <'allow'>, 'flavour': <'mint'>}, @a(sa{sv}) [])" },
  { "variant/attribute-wrong-type", read_variant_parsed, SCMP, SCMP_ERROR_INVALID_POLICY, "default-action",
    "(uint32 1, {'default-action': <uint32 7>}, @a(sa{sv}) [])" },
  { "variant/unknown-action", read_variant_parsed, SCMP, SCMP_ERROR_INVALID_POLICY, "frobnicate",
    "(uint32 1, {'default-action': <'frobnicate'>}, @a(sa{sv}) [])" },
  { "variant/missing-action", read_variant_parsed, SCMP, SCMP_ERROR_INVALID_POLICY, "action",
    "(uint32 1, {'default-action': <'allow'>}, [('read', @a{sv} {})])" },
  { "variant/unknown-syscall", read_variant_parsed, SCMP, SCMP_ERROR_INVALID_SYSCALL, "no_such_call",
    "(uint32 1, {'default-action': <'allow'>}, [('no_such_call', {'action': <'errno(EPERM)'>})])" },
  { "variant/unknown-arch", read_variant_parsed, SCMP, SCMP_ERROR_INVALID_POLICY, "vax",
    "(uint32 1, {'default-action': <'allow'>, 'architectures': <['x86_64', 'vax']>}, @a(sa{sv}) [])" },
  { "variant/errno-range", read_variant_parsed, SCMP, SCMP_ERROR_INVALID_POLICY, "4096",
    "(uint32 1, {'default-action': <'errno(4096)'>}, @a(sa{sv}) [])" },
  { "variant/bad-operator", row_variant_bad_operator, SCMP, SCMP_ERROR_INVALID_POLICY, "<=>" },
  { "variant/truncated-bytes", row_variant_truncated_bytes, SCMP, SCMP_ERROR_INVALID_POLICY, "normal form" },
  { "variant/garbage-bytes", row_variant_garbage_bytes, SCMP, SCMP_ERROR_INVALID_POLICY, "normal form" },
  { "variant/bytes-bad-boolean", row_variant_bytes_bad_boolean, SCMP, SCMP_ERROR_INVALID_POLICY, "normal form" },
  { "variant/bytes-bad-action", row_variant_bytes_bad_action, SCMP, SCMP_ERROR_INVALID_POLICY, "errno(!)" },
  { "variant/text-syntax", read_variant_text, SCMP, SCMP_ERROR_INVALID_POLICY, "1:",
    "(uint32 1, {'default-action': <'allow'>" },
  { "variant/text-cut-length", row_variant_text_truncated_length, SCMP, SCMP_ERROR_INVALID_POLICY, "1:" },
  { "variant/text-unknown-syscall", read_variant_text, SCMP, SCMP_ERROR_INVALID_SYSCALL, "no_such_call",
    "(uint32 1, {'default-action': <'allow'>},\n" " [('no_such_call', {'action': <'errno(EPERM)'>})])" },
  { "variant/text-deep", row_variant_text_deep, SCMP, SCMP_ERROR_INVALID_POLICY, "1:" },
  { "variant/text-50mb", row_variant_text_huge, SCMP, SCMP_ERROR_INVALID_POLICY, "16 MiB" },
  { "variant/text-nul", row_variant_text_nul, SCMP, SCMP_ERROR_INVALID_POLICY, "1:" },
  { "variant/text-wrong-type", read_variant_text, SCMP, SCMP_ERROR_INVALID_POLICY, "1:",
    "[1, 2, 3]" },
  /* OCI profiles */
  { "oci/truncated", row_oci_truncated, SCMP, SCMP_ERROR_INVALID_POLICY, "profile data:" },
  { "oci/truncated-after-value", read_oci, SCMP, SCMP_ERROR_INVALID_POLICY, "profile data:",
    "{\"defaultAction\": \"SCMP_ACT_ALLOW\", \"syscalls\": [" },
  { "oci/not-json", read_oci, SCMP, SCMP_ERROR_INVALID_POLICY, "profile data:1:",
    "defaultAction = allow" },
  { "oci/empty", row_oci_empty, SCMP, SCMP_ERROR_INVALID_POLICY, "empty" },
  { "oci/root-array", read_oci, SCMP, SCMP_ERROR_INVALID_POLICY, "object",
    "[\"SCMP_ACT_ALLOW\"]" },
  { "oci/default-action-number", read_oci, SCMP, SCMP_ERROR_INVALID_POLICY, "defaultAction",
    "{\"defaultAction\": 5}" },
  { "oci/names-string", read_oci, SCMP, SCMP_ERROR_INVALID_POLICY, "names",
    "{\"defaultAction\": \"SCMP_ACT_ALLOW\", " "\"syscalls\": [{\"names\": \"read\", \"action\": \"SCMP_ACT_ERRNO\"}]}" },
  { "oci/index-string", read_oci, SCMP, SCMP_ERROR_INVALID_POLICY, "index",
    "{\"defaultAction\": \"SCMP_ACT_ALLOW\", \"syscalls\": [{\"names\": [\"read\"], " "\"action\": \"SCMP_ACT_ERRNO\", \"args\": [{\"index\": \"zero\", \"value\": 1, " "\"op\": \"SCMP_CMP_EQ\"}]}]}" },
  { "oci/unknown-action", read_oci, SCMP, SCMP_ERROR_INVALID_POLICY, "SCMP_ACT_FROBNICATE",
    "{\"defaultAction\": \"SCMP_ACT_FROBNICATE\"}" },
  { "oci/unknown-arch", read_oci, SCMP, SCMP_ERROR_INVALID_POLICY, "SCMP_ARCH_VAX",
    "{\"defaultAction\": \"SCMP_ACT_ALLOW\", \"architectures\": [\"SCMP_ARCH_VAX\"]}" },
  { "oci/unknown-op", read_oci, SCMP, SCMP_ERROR_INVALID_POLICY, "SCMP_CMP_SPACESHIP",
    "{\"defaultAction\": \"SCMP_ACT_ALLOW\", \"syscalls\": [{\"names\": [\"read\"], " "\"action\": \"SCMP_ACT_ERRNO\", \"args\": [{\"index\": 0, \"value\": 1, " "\"op\": \"SCMP_CMP_SPACESHIP\"}]}]}" },
  { "oci/arg-index-6", read_oci, SCMP, SCMP_ERROR_INVALID_POLICY, "argument 6",
    "{\"defaultAction\": \"SCMP_ACT_ALLOW\", \"syscalls\": [{\"names\": [\"read\"], " "\"action\": \"SCMP_ACT_ERRNO\", \"args\": [{\"index\": 6, \"value\": 1, " "\"op\": \"SCMP_CMP_EQ\"}]}]}" },
  { "oci/negative-number", read_oci, SCMP, SCMP_ERROR_INVALID_POLICY, "-1",
    "{\"defaultAction\": \"SCMP_ACT_ERRNO\", \"defaultErrnoRet\": -1}" },
  { "oci/number-too-big", read_oci, SCMP, SCMP_ERROR_INVALID_POLICY, "99999999999999999999",
    "{\"defaultAction\": \"SCMP_ACT_ERRNO\", \"defaultErrnoRet\": 99999999999999999999}" },
  { "oci/errno-range", read_oci, SCMP, SCMP_ERROR_INVALID_POLICY, "4096",
    "{\"defaultAction\": \"SCMP_ACT_ERRNO\", \"defaultErrnoRet\": 4096}" },
  { "oci/nul-byte", row_oci_nul_byte, SCMP, SCMP_ERROR_INVALID_POLICY, "NUL" },
  { "oci/strict-unknown-syscall", row_oci_strict_unknown_syscall, SCMP, SCMP_ERROR_INVALID_SYSCALL, "no_such_call" },
  { "oci/strict-unknown-field", row_oci_strict_unknown_field, SCMP, SCMP_ERROR_INVALID_POLICY, "flavour" },
  { "oci/arrays-100k-deep", row_oci_deep_arrays, SCMP, SCMP_ERROR_INVALID_POLICY, "64" },
  { "oci/string-50mb", row_oci_huge_string, SCMP, SCMP_ERROR_INVALID_POLICY, "16 MiB" },
  { "oci/file-missing", row_oci_file_missing, FILE_ERR, G_FILE_ERROR_NOENT, "/nonexistent/test-hostile/profile.json" },
  { "oci/file-directory", row_oci_file_directory, FILE_ERR, G_FILE_ERROR_ISDIR, "/" },
  { "oci/file-truncated", row_oci_file_truncated, SCMP, SCMP_ERROR_INVALID_POLICY, "test-hostile-" },
  { "oci/file-50mb", row_oci_file_huge, SCMP, SCMP_ERROR_INVALID_POLICY, "52428800" },
  /* scmp-tool */
  { "tool/unknown-command", row_tool_unknown_command, TOOL, 2, "“frobnicate”" },
  { "tool/unknown-option", row_tool_unknown_option, TOOL, 2, "--frobnicate" },
  { "tool/missing-operand", row_tool_missing_operand, TOOL, 2, "POLICY" },
  { "tool/missing-file", row_tool_missing_file, TOOL, 1, "/nonexistent/test-hostile.json" },
  { "tool/truncated-profile", row_tool_truncated_profile, TOOL, 1, "test-hostile-" },
  { "tool/bad-host", row_tool_bad_host, TOOL, 2, "vax" },
  { "tool/bad-kernel", row_tool_bad_kernel, TOOL, 2, "banana" },
  { "tool/variant-unknown-syscall", row_tool_bad_variant_policy, TOOL, 1, "no_such_call" },
  { "tool/resolve-unknown", row_tool_resolve_unknown, TOOL, 1, "no_such_call" },
  { "tool/resolve-bad-arch", row_tool_resolve_bad_arch, TOOL, 2, "vax" },
  { "tool/resolve-escape", row_tool_resolve_escape, TOOL, 1, "no\\x1b[2Jcall\\x07" },
  { "tool/escape-in-policy", row_tool_escape_in_policy, TOOL, 1, "no\\x1b]0;owned\\x07\\u009bcall" },
  { "tool/policy-dev-zero", row_tool_policy_dev_zero, TOOL, 1, "/dev/zero: the file is larger than 16 MiB" },
  { "tool/disasm-dev-zero", row_tool_disasm_dev_zero, TOOL, 1, "/dev/zero: the file is larger than 16 MiB" },
  { "tool/policy-50mb", row_tool_policy_huge, TOOL, 1, "the file is larger than 16 MiB" },
  { "tool/eval-bad-argument", row_tool_eval_bad_argument, TOOL, 2, "banana" },
  { "tool/disasm-odd-length", row_tool_disasm_odd_length, TOOL, 1, "3 bytes" },
  { "tool/diff-missing", row_tool_diff_missing, TOOL, 1, "/nonexistent/test-hostile.json" },
  { "tool/run-bad-policy", row_tool_run_bad_policy, TOOL, 1, "test-hostile-" },
};

static void
test_error_row (gconstpointer data)
{
  const ErrorRow *row = data;
  g_autoptr(GError) error = NULL;
  ScmpFilter *filter = reference_filter_new ();
  ScmpFilter *weak = filter;
  Snapshot before = { NULL, };
  Counter counter;
  gboolean ok;

  g_object_add_weak_pointer (G_OBJECT (filter), (gpointer *) &weak);
  snapshot_take (filter, &before);
  counter_connect (&counter, filter);

  row_input = row->input;
  ok = row->func (filter, &error);

  g_assert_false (ok);
  g_assert_nonnull (error);
  g_test_message ("%s: %.300s", row->name, error->message);
  g_assert_error (error, row->domain (), row->code);
  assert_message_names (error, row->needle);
  counter_assert_silent_and_disconnect (&counter);
  snapshot_assert_unchanged (filter, &before);
  snapshot_clear (&before);

  /* The failed call kept no reference. */
  g_object_unref (filter);
  g_assert_null (weak);
}

/* ------------------------------------------------------------------ */
/* Programmer errors: criticals                                        */
/* ------------------------------------------------------------------ */

typedef void (*CriticalFunc) (ScmpFilter *filter);

typedef struct {
  const char   *name;
  CriticalFunc  func;
  const char   *pattern;   /* of the critical, which names the function */
} CriticalRow;

static ScmpRule *
first_rule (ScmpFilter *filter)
{
  return scmp_filter_get_rule (filter, 0);
}

static void
crit_add_rule_null_filter (ScmpFilter *filter)
{
  g_assert_false (scmp_filter_add_rule (NULL, first_rule (filter), NULL));
}

static void
crit_add_rule_null_rule (ScmpFilter *filter)
{
  g_assert_false (scmp_filter_add_rule (filter, NULL, NULL));
}

static void
crit_add_rule_not_a_rule (ScmpFilter *filter)
{
  g_autoptr(ScmpAction) allow = scmp_action_new_allow ();

  g_assert_false (scmp_filter_add_rule (filter, (ScmpRule *) allow, NULL));
}

static void
crit_add_rule_error_set (ScmpFilter *filter)
{
  g_autoptr(ScmpRule) rule = allow_rule ("getpid");
  g_autoptr(GError) error = g_error_new_literal (SCMP_ERROR, SCMP_ERROR_FAILED, "already");

  g_assert_false (scmp_filter_add_rule (filter, rule, &error));
  g_assert_cmpstr (error->message, ==, "already");
}

static void
crit_add_rules_null_array (ScmpFilter *filter)
{
  g_assert_false (scmp_filter_add_rules (filter, NULL, 2, NULL));
}

static void
crit_add_rules_null_element (ScmpFilter *filter)
{
  g_autoptr(ScmpRule) rule = allow_rule ("getpid");
  ScmpRule *rules[] = { rule, NULL };

  g_assert_false (scmp_filter_add_rules (filter, rules, G_N_ELEMENTS (rules), NULL));
}

static void
crit_insert_rule_past_end (ScmpFilter *filter)
{
  g_autoptr(ScmpRule) rule = allow_rule ("getpid");

  g_assert_false (scmp_filter_insert_rule (filter, 6, rule, NULL));
}

static void
crit_insert_rule_maxuint (ScmpFilter *filter)
{
  g_autoptr(ScmpRule) rule = allow_rule ("getpid");

  g_assert_false (scmp_filter_insert_rule (filter, G_MAXUINT, rule, NULL));
}

static void
crit_remove_rule_null (ScmpFilter *filter)
{
  g_assert_false (scmp_filter_remove_rule (filter, NULL));
}

static void
crit_remove_rule_at_past_end (ScmpFilter *filter)
{
  scmp_filter_remove_rule_at (filter, 5);
}

static void
crit_get_n_rules_null (ScmpFilter *filter)
{
  g_assert_cmpuint (scmp_filter_get_n_rules (NULL), ==, 0);
}

static void
crit_list_arches_null_out (ScmpFilter *filter)
{
  g_assert_null (scmp_filter_list_arches (filter, NULL));
}

static void
crit_bad_arch_action_not_action (ScmpFilter *filter)
{
  scmp_filter_set_bad_arch_action (filter, (ScmpAction *) first_rule (filter));
}

static void
crit_unknown_action_not_action (ScmpFilter *filter)
{
  scmp_filter_set_unknown_syscall_action (filter, (ScmpAction *) first_rule (filter));
}

static void
crit_set_priority_null (ScmpFilter *filter)
{
  g_assert_false (scmp_filter_set_priority (filter, NULL, 3, NULL));
}

static void
crit_get_priority_null (ScmpFilter *filter)
{
  g_assert_cmpuint (scmp_filter_get_priority (filter, NULL), ==, 0);
}

static void
crit_merge_self (ScmpFilter *filter)
{
  g_assert_false (scmp_filter_merge (filter, filter, NULL));
}

static void
crit_merge_null (ScmpFilter *filter)
{
  g_assert_false (scmp_filter_merge (filter, NULL, NULL));
}

static void
crit_commit_without_begin (ScmpFilter *filter)
{
  scmp_filter_commit (filter);
}

static void
crit_rollback_without_begin (ScmpFilter *filter)
{
  scmp_filter_rollback (filter);
}

static void
crit_export_null (ScmpFilter *filter)
{
  g_assert_null (scmp_filter_export_bpf (NULL, NULL));
}

static void
crit_write_fd_negative (ScmpFilter *filter)
{
  g_assert_false (scmp_filter_write_bpf_to_fd (filter, -1, NULL));
}

static void
crit_write_stream_null (ScmpFilter *filter)
{
  g_assert_false (scmp_filter_write_bpf_to_stream (filter, NULL, NULL, NULL));
}

static void
crit_evaluate_null_args (ScmpFilter *filter)
{
  g_assert_null (scmp_filter_evaluate (filter, SCMP_ARCHITECTURE_X86_64, 0, NULL, 3, NULL));
}

static void
crit_evaluate_syscall_null (ScmpFilter *filter)
{
  g_assert_null (scmp_filter_evaluate_syscall (filter, SCMP_ARCHITECTURE_X86_64, NULL, NULL, 0, NULL));
}

static void
crit_serialize_null (ScmpFilter *filter)
{
  g_assert_null (scmp_filter_serialize (NULL));
}

static void
crit_new_from_variant_null (ScmpFilter *filter)
{
  g_assert_null (scmp_filter_new_from_variant (NULL, NULL));
}

static void
crit_new_from_variant_text_null (ScmpFilter *filter)
{
  g_assert_null (scmp_filter_new_from_variant_text (NULL, 12, NULL));
}

static void
crit_export_oci_null (ScmpFilter *filter)
{
  g_assert_null (scmp_filter_export_oci (NULL, SCMP_OCI_EXPORT_FLAGS_NONE, NULL, NULL));
}

static void
crit_add_rules_for_set_null (ScmpFilter *filter)
{
  g_autoptr(ScmpAction) allow = scmp_action_new_allow ();

  g_assert_false (scmp_filter_add_rules_for_set (filter, NULL, allow, NULL, 0, NULL));
}

static void
crit_add_rules_for_set_null_action (ScmpFilter *filter)
{
  g_assert_false (scmp_filter_add_rules_for_set (filter, "@basic-io", NULL, NULL, 0, NULL));
}

static void
crit_oci_load_data_null (ScmpFilter *filter)
{
  g_autoptr(ScmpOciProfile) profile = scmp_oci_profile_new ();

  g_assert_false (scmp_oci_profile_load_from_data (profile, NULL, -1, NULL));
  g_assert_null (scmp_oci_profile_get_filter (profile));
}

static void
crit_oci_load_file_null (ScmpFilter *filter)
{
  g_autoptr(ScmpOciProfile) profile = scmp_oci_profile_new ();

  g_assert_false (scmp_oci_profile_load_from_file (profile, NULL, NULL));
}

static void
crit_rule_new_null_name (ScmpFilter *filter)
{
  g_autoptr(ScmpAction) allow = scmp_action_new_allow ();

  g_assert_null (scmp_rule_new (NULL, allow));
}

static void
crit_rule_new_empty_name (ScmpFilter *filter)
{
  g_autoptr(ScmpAction) allow = scmp_action_new_allow ();

  g_assert_null (scmp_rule_new ("", allow));
}

static void
crit_rule_new_null_action (ScmpFilter *filter)
{
  g_assert_null (scmp_rule_new ("read", NULL));
}

static void
crit_rule_newv_null_conditions (ScmpFilter *filter)
{
  g_autoptr(ScmpAction) allow = scmp_action_new_allow ();

  g_assert_null (scmp_rule_newv ("read", allow, NULL, 2));
}

static void
crit_rule_get_condition_past_end (ScmpFilter *filter)
{
  g_assert_null (scmp_rule_get_condition (first_rule (filter), 3));
}

static void
crit_rule_matches_null_args (ScmpFilter *filter)
{
  g_assert_false (scmp_rule_matches (first_rule (filter), NULL, 6));
}

static void
crit_arch_parse_null (ScmpFilter *filter)
{
  ScmpArchitecture arch;

  g_assert_false (scmp_architecture_parse (NULL, &arch, NULL));
}

static void
crit_syscall_set_members_null (ScmpFilter *filter)
{
  g_assert_null (scmp_syscall_set_get_members (NULL, TRUE, NULL));
}

static void
crit_action_equal_null (ScmpFilter *filter)
{
  g_assert_false (scmp_action_equal (scmp_filter_get_default_action (filter), NULL));
}

static const CriticalRow critical_rows[] = {
  { "add-rule/null-filter", crit_add_rule_null_filter, "*scmp_filter_add_rule*SCMP_IS_FILTER*" },
  { "add-rule/null-rule", crit_add_rule_null_rule, "*scmp_filter_insert_rule*SCMP_IS_RULE*" },
  { "add-rule/not-a-rule", crit_add_rule_not_a_rule, "*scmp_filter_insert_rule*SCMP_IS_RULE*" },
  { "add-rule/error-already-set", crit_add_rule_error_set, "*scmp_filter_insert_rule*error == NULL*" },
  { "add-rules/null-array", crit_add_rules_null_array, "*scmp_filter_add_rules*rules != NULL*" },
  { "add-rules/null-element", crit_add_rules_null_element, "*scmp_filter_add_rules*SCMP_IS_RULE*" },
  { "insert-rule/past-end", crit_insert_rule_past_end, "*scmp_filter_insert_rule*position*" },
  { "insert-rule/maxuint", crit_insert_rule_maxuint, "*scmp_filter_insert_rule*position*" },
  { "remove-rule/null", crit_remove_rule_null, "*scmp_filter_remove_rule*SCMP_IS_RULE*" },
  { "remove-rule-at/past-end", crit_remove_rule_at_past_end, "*scmp_filter_remove_rule_at*position*" },
  { "get-n-rules/null", crit_get_n_rules_null, "*scmp_filter_get_n_rules*SCMP_IS_FILTER*" },
  { "list-arches/null-out", crit_list_arches_null_out, "*scmp_filter_list_arches*n_arches*" },
  { "bad-arch-action/not-an-action", crit_bad_arch_action_not_action, "*scmp_filter_set_bad_arch_action*SCMP_IS_ACTION*" },
  { "unknown-syscall-action/not-an-action", crit_unknown_action_not_action, "*scmp_filter_set_unknown_syscall_action*SCMP_IS_ACTION*" },
  { "set-priority/null", crit_set_priority_null, "*scmp_filter_set_priority*syscall != NULL*" },
  { "get-priority/null", crit_get_priority_null, "*scmp_filter_get_priority*syscall != NULL*" },
  { "merge/self", crit_merge_self, "*scmp_filter_merge*self != other*" },
  { "merge/null", crit_merge_null, "*scmp_filter_merge*SCMP_IS_FILTER (other)*" },
  { "commit/no-transaction", crit_commit_without_begin, "*scmp_filter_commit*transactions*" },
  { "rollback/no-transaction", crit_rollback_without_begin, "*scmp_filter_rollback*transactions*" },
  { "export-bpf/null", crit_export_null, "*scmp_filter_export_bpf*SCMP_IS_FILTER*" },
  { "write-bpf-to-fd/negative", crit_write_fd_negative, "*scmp_filter_write_bpf_to_fd*fd >= 0*" },
  { "write-bpf-to-stream/null", crit_write_stream_null, "*scmp_filter_write_bpf_to_stream*G_IS_OUTPUT_STREAM*" },
  { "evaluate/null-args", crit_evaluate_null_args, "*scmp_filter_evaluate*args != NULL*" },
  { "evaluate-syscall/null", crit_evaluate_syscall_null, "*scmp_filter_evaluate_syscall*syscall != NULL*" },
  { "serialize/null", crit_serialize_null, "*scmp_filter_serialize*SCMP_IS_FILTER*" },
  { "new-from-variant/null", crit_new_from_variant_null, "*scmp_filter_new_from_variant*variant != NULL*" },
  { "new-from-variant-text/null", crit_new_from_variant_text_null, "*scmp_filter_new_from_variant_text*text != NULL*" },
  { "export-oci/null", crit_export_oci_null, "*scmp_filter_export_oci*SCMP_IS_FILTER*" },
  { "add-rules-for-set/null-set", crit_add_rules_for_set_null, "*scmp_filter_add_rules_for_set*set != NULL*" },
  { "add-rules-for-set/null-action", crit_add_rules_for_set_null_action, "*scmp_filter_add_rules_for_set*SCMP_IS_ACTION*" },
  { "oci-load-from-data/null", crit_oci_load_data_null, "*scmp_oci_profile_load_from_data*data != NULL*" },
  { "oci-load-from-file/null", crit_oci_load_file_null, "*scmp_oci_profile_load_from_file*path != NULL*" },
  { "rule-new/null-name", crit_rule_new_null_name, "*scmp_rule_new*syscall != NULL*" },
  { "rule-new/empty-name", crit_rule_new_empty_name, "*scmp_rule_new*syscall[0]*" },
  { "rule-new/null-action", crit_rule_new_null_action, "*scmp_rule_new*SCMP_IS_ACTION*" },
  { "rule-newv/null-conditions", crit_rule_newv_null_conditions, "*scmp_rule_newv*conditions != NULL*" },
  { "rule-get-condition/past-end", crit_rule_get_condition_past_end, "*scmp_rule_get_condition*index*" },
  { "rule-matches/null-args", crit_rule_matches_null_args, "*scmp_rule_matches*args != NULL*" },
  { "architecture-parse/null", crit_arch_parse_null, "*scmp_architecture_parse*name != NULL*" },
  { "syscall-set-get-members/null", crit_syscall_set_members_null, "*scmp_syscall_set_get_members*name != NULL*" },
  { "action-equal/null", crit_action_equal_null, "*scmp_action_equal*SCMP_IS_ACTION*" },
};

static void
test_critical_row (gconstpointer data)
{
  const CriticalRow *row = data;
  ScmpFilter *filter = reference_filter_new ();
  ScmpFilter *weak = filter;
  Snapshot before = { NULL, };
  Counter counter;

  g_object_add_weak_pointer (G_OBJECT (filter), (gpointer *) &weak);
  snapshot_take (filter, &before);
  counter_connect (&counter, filter);

  g_test_expect_message (LOG_DOMAIN, G_LOG_LEVEL_CRITICAL, row->pattern);
  row->func (filter);
  g_test_assert_expected_messages ();

  counter_assert_silent_and_disconnect (&counter);
  snapshot_assert_unchanged (filter, &before);
  snapshot_clear (&before);
  g_object_unref (filter);
  g_assert_null (weak);
}

/* ------------------------------------------------------------------ */
/* Re-entrant handlers                                                 */
/* ------------------------------------------------------------------ */

/* What every #GListModel consumer relies on, checked at each
 * ::items-changed: the model already has its new length, and the added
 * items are there. Connected before the hostile handler, so it sees each
 * emission before anything else changes the model. */
typedef struct {
  guint n_items;
  guint n_emissions;
} ModelWatch;

static void
on_watch_items_changed (GListModel *model,
                        guint       position,
                        guint       removed,
                        guint       added,
                        ModelWatch *watch)
{
  guint n = g_list_model_get_n_items (model);

  watch->n_emissions++;
  g_assert_cmpuint (position + removed, <=, watch->n_items);
  g_assert_cmpuint (n, ==, watch->n_items - removed + added);
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(ScmpRule) item = g_list_model_get_item (model, i);

      g_assert_nonnull (item);
    }
  watch->n_items = n;
}

typedef enum {
  HANDLER_ADD_RULE,        /* adds "getpid" */
  HANDLER_REMOVE_FIRST,    /* removes the rule at 0 */
  HANDLER_REMOVE_ALL,      /* removes every rule */
  HANDLER_DROP_REF,        /* drops the last reference */
  HANDLER_BEGIN_ROLLBACK,  /* a transaction of its own, rolled back */
} HandlerKind;

typedef struct {
  const char  *name;
  const char  *signal;
  HandlerKind  handler;
  void       (*prepare) (ScmpFilter *filter);   /* (nullable) */
  void       (*change) (ScmpFilter *filter);
} ReentrantRow;

typedef struct {
  const ReentrantRow *row;
  ScmpFilter         *filter;     /* (owned) for HANDLER_DROP_REF */
  guint               n_runs;
} Hostile;

static void
hostile_act (Hostile *h,
             ScmpFilter *filter)
{
  g_autoptr(GError) error = NULL;

  /* Once: a handler that changes the filter on every emission it causes
   * itself would never end, whatever the library did. */
  if (h->n_runs++ > 0)
    return;

  switch (h->row->handler)
    {
    case HANDLER_ADD_RULE:
      {
        g_autoptr(ScmpRule) rule = allow_rule ("getpid");

        g_assert_true (scmp_filter_add_rule (filter, rule, &error));
        g_assert_no_error (error);
      }
      break;
    case HANDLER_REMOVE_FIRST:
      if (scmp_filter_get_n_rules (filter) > 0)
        scmp_filter_remove_rule_at (filter, 0);
      break;
    case HANDLER_REMOVE_ALL:
      while (scmp_filter_get_n_rules (filter) > 0)
        scmp_filter_remove_rule_at (filter, scmp_filter_get_n_rules (filter) - 1);
      break;
    case HANDLER_DROP_REF:
      g_clear_object (&h->filter);
      break;
    case HANDLER_BEGIN_ROLLBACK:
      {
        g_autoptr(ScmpRule) rule = allow_rule ("getppid");

        scmp_filter_begin (filter);
        g_assert_true (scmp_filter_add_rule (filter, rule, &error));
        scmp_filter_rollback (filter);
      }
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
on_hostile_rule (ScmpFilter *filter, ScmpRule *rule, guint position, Hostile *h)
{
  g_assert_true (SCMP_IS_RULE (rule));
  g_assert_cmpstr (scmp_rule_get_syscall (rule), !=, NULL);
  hostile_act (h, filter);
}

static void
on_hostile_items_changed (GListModel *model, guint position, guint removed, guint added, Hostile *h)
{
  hostile_act (h, SCMP_FILTER (model));
}

static void
on_hostile_plain (GObject *object, Hostile *h)
{
  hostile_act (h, SCMP_FILTER (object));
}

static void
on_hostile_notify (GObject *object, GParamSpec *pspec, Hostile *h)
{
  hostile_act (h, SCMP_FILTER (object));
}

/* The filter is whole after the storm: its list and its model agree, its
 * rule set knows exactly the listed rules (each added again is a no-op),
 * and it compiles to the program a fresh filter with the same rules
 * gives. */
static void
assert_consistent (ScmpFilter *filter)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bpf = NULL;
  g_autoptr(GBytes) fresh_bpf = NULL;
  g_autoptr(ScmpFilter) fresh = scmp_filter_new (scmp_filter_get_default_action (filter));
  g_autoptr(GPtrArray) rules = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree ScmpArchitecture *arches = NULL;
  guint n = scmp_filter_get_n_rules (filter);
  gsize n_arches;
  g_autoptr(GVariant) serialized = NULL;
  g_autoptr(ScmpFilter) reread = NULL;
  g_autoptr(GBytes) reread_bpf = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (filter)), ==, n);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (filter), n));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ScmpRule) item = g_list_model_get_item (G_LIST_MODEL (filter), i);

      g_assert_true (item == scmp_filter_get_rule (filter, i));
      g_ptr_array_add (rules, g_object_ref (item));
    }
  for (guint i = 0; i < n; i++)
    {
      g_assert_true (scmp_filter_add_rule (filter, g_ptr_array_index (rules, i), &error));
      g_assert_no_error (error);
      g_assert_cmpuint (scmp_filter_get_n_rules (filter), ==, n);
    }

  bpf = scmp_filter_export_bpf (filter, &error);
  g_assert_no_error (error);

  g_assert_true (scmp_filter_remove_arch (fresh, SCMP_ARCHITECTURE_NATIVE, &error));
  arches = scmp_filter_list_arches (filter, &n_arches);
  for (gsize i = 0; i < n_arches; i++)
    g_assert_true (scmp_filter_add_arch (fresh, arches[i], &error));
  g_assert_true (scmp_filter_add_rules (fresh, (ScmpRule **) rules->pdata, rules->len, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (scmp_filter_get_n_rules (fresh), ==, n);
  for (guint i = 0; i < n; i++)
    g_assert_true (scmp_filter_get_rule (fresh, i) == g_ptr_array_index (rules, i));

  /* The priorities and attributes too, through the serialized form. */
  serialized = scmp_filter_serialize (filter);
  reread = scmp_filter_new_from_variant (serialized, &error);
  g_assert_no_error (error);
  reread_bpf = scmp_filter_export_bpf (reread, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (bpf, reread_bpf));
}

static void
prepare_transaction_removing_all (ScmpFilter *filter)
{
  scmp_filter_begin (filter);
  while (scmp_filter_get_n_rules (filter) > 0)
    scmp_filter_remove_rule_at (filter, 0);
}

static void
prepare_transaction_adding (ScmpFilter *filter)
{
  g_autoptr(ScmpRule) a = allow_rule ("getpid");
  g_autoptr(ScmpRule) b = allow_rule ("getuid");

  scmp_filter_begin (filter);
  g_assert_true (scmp_filter_add_rule (filter, a, NULL));
  g_assert_true (scmp_filter_add_rule (filter, b, NULL));
}

static void
change_add_rule (ScmpFilter *filter)
{
  g_autoptr(ScmpRule) rule = allow_rule ("getuid");

  g_assert_true (scmp_filter_add_rule (filter, rule, NULL));
}

static void
change_insert_rule (ScmpFilter *filter)
{
  g_autoptr(ScmpRule) rule = allow_rule ("getuid");

  g_assert_true (scmp_filter_insert_rule (filter, 1, rule, NULL));
}

/* A rule equal to the last one, inserted before it: it moves, a removal
 * then an insertion. */
static void
change_insert_duplicate (ScmpFilter *filter)
{
  g_autoptr(ScmpRule) rule = allow_rule ("close");

  g_assert_true (scmp_filter_insert_rule (filter, 2, rule, NULL));
}

static void
change_add_rules (ScmpFilter *filter)
{
  g_autoptr(ScmpRule) a = allow_rule ("getuid");
  g_autoptr(ScmpRule) b = allow_rule ("getgid");
  ScmpRule *rules[] = { a, b };

  g_assert_true (scmp_filter_add_rules (filter, rules, G_N_ELEMENTS (rules), NULL));
}

static void
change_add_rules_for_set (ScmpFilter *filter)
{
  g_autoptr(ScmpAction) trap = scmp_action_new_trap (3);

  g_assert_true (scmp_filter_add_rules_for_set (filter, "@sync", trap, NULL, 0, NULL));
}

static void
change_remove_rule (ScmpFilter *filter)
{
  g_assert_true (scmp_filter_remove_rule (filter, scmp_filter_get_rule (filter, 1)));
}

static void
change_remove_last (ScmpFilter *filter)
{
  scmp_filter_remove_rule_at (filter, scmp_filter_get_n_rules (filter) - 1);
}

static void
change_merge (ScmpFilter *filter)
{
  g_autoptr(ScmpFilter) other = scmp_filter_new (scmp_filter_get_default_action (filter));
  g_autoptr(ScmpRule) a = allow_rule ("getuid");
  g_autoptr(ScmpRule) b = allow_rule ("getgid");

  g_assert_true (scmp_filter_add_rule (other, a, NULL));
  g_assert_true (scmp_filter_add_rule (other, b, NULL));
  g_assert_true (scmp_filter_merge (filter, other, NULL));
}

static void
change_reset (ScmpFilter *filter)
{
  scmp_filter_reset (filter);
}

static void
change_rollback (ScmpFilter *filter)
{
  scmp_filter_rollback (filter);
}

static void
change_set_known_kernel (ScmpFilter *filter)
{
  g_assert_true (scmp_filter_set_known_kernel (filter, "6.1", NULL));
}

static void
change_set_unknown_action (ScmpFilter *filter)
{
  g_autoptr(ScmpAction) enosys = scmp_action_new_errno (ENOSYS, NULL);

  scmp_filter_set_unknown_syscall_action (filter, enosys);
}

static void
change_set_log (ScmpFilter *filter)
{
  scmp_filter_set_log (filter, TRUE);
}

static void
change_add_arch (ScmpFilter *filter)
{
  g_assert_true (scmp_filter_add_arch (filter, SCMP_ARCHITECTURE_X32, NULL));
}

static const ReentrantRow reentrant_rows[] = {
  { "add-rule/rule-added/adds", "rule-added", HANDLER_ADD_RULE, NULL, change_add_rule },
  { "add-rule/rule-added/removes", "rule-added", HANDLER_REMOVE_FIRST, NULL, change_add_rule },
  { "add-rule/items-changed/removes-all", "items-changed", HANDLER_REMOVE_ALL, NULL, change_add_rule },
  { "add-rule/changed/drops-ref", "changed", HANDLER_DROP_REF, NULL, change_add_rule },
  { "insert-rule/items-changed/adds", "items-changed", HANDLER_ADD_RULE, NULL, change_insert_rule },
  { "insert-rule/rule-added/transaction", "rule-added", HANDLER_BEGIN_ROLLBACK, NULL, change_insert_rule },
  { "insert-duplicate/rule-removed/removes-all", "rule-removed", HANDLER_REMOVE_ALL, NULL, change_insert_duplicate },
  { "insert-duplicate/items-changed/removes-all", "items-changed", HANDLER_REMOVE_ALL, NULL, change_insert_duplicate },
  { "insert-duplicate/rule-removed/adds", "rule-removed", HANDLER_ADD_RULE, NULL, change_insert_duplicate },
  { "insert-duplicate/rule-removed/drops-ref", "rule-removed", HANDLER_DROP_REF, NULL, change_insert_duplicate },
  { "add-rules/items-changed/removes-all", "items-changed", HANDLER_REMOVE_ALL, NULL, change_add_rules },
  { "add-rules/rule-added/removes", "rule-added", HANDLER_REMOVE_FIRST, NULL, change_add_rules },
  { "add-rules/rule-added/adds", "rule-added", HANDLER_ADD_RULE, NULL, change_add_rules },
  { "add-rules-for-set/rule-added/drops-ref", "rule-added", HANDLER_DROP_REF, NULL, change_add_rules_for_set },
  { "add-rules-for-set/items-changed/removes-all", "items-changed", HANDLER_REMOVE_ALL, NULL, change_add_rules_for_set },
  { "remove-rule/rule-removed/adds", "rule-removed", HANDLER_ADD_RULE, NULL, change_remove_rule },
  { "remove-rule/items-changed/removes-all", "items-changed", HANDLER_REMOVE_ALL, NULL, change_remove_rule },
  { "remove-rule-at/notify/drops-ref", "notify::n-rules", HANDLER_DROP_REF, NULL, change_remove_last },
  { "merge/items-changed/removes-all", "items-changed", HANDLER_REMOVE_ALL, NULL, change_merge },
  { "merge/rule-added/adds", "rule-added", HANDLER_ADD_RULE, NULL, change_merge },
  { "reset/rule-removed/adds", "rule-removed", HANDLER_ADD_RULE, NULL, change_reset },
  { "reset/rule-removed/removes", "rule-removed", HANDLER_REMOVE_FIRST, NULL, change_reset },
  { "reset/items-changed/drops-ref", "items-changed", HANDLER_DROP_REF, NULL, change_reset },
  { "rollback/rule-added/removes", "rule-added", HANDLER_REMOVE_FIRST, prepare_transaction_removing_all, change_rollback },
  { "rollback/rule-added/removes-all", "rule-added", HANDLER_REMOVE_ALL, prepare_transaction_removing_all, change_rollback },
  { "rollback/items-changed/adds", "items-changed", HANDLER_ADD_RULE, prepare_transaction_removing_all, change_rollback },
  { "rollback/rule-removed/adds", "rule-removed", HANDLER_ADD_RULE, prepare_transaction_adding, change_rollback },
  { "rollback/rule-removed/drops-ref", "rule-removed", HANDLER_DROP_REF, prepare_transaction_adding, change_rollback },
  { "known-kernel/notify/drops-ref", "notify::known-kernel", HANDLER_DROP_REF, NULL, change_set_known_kernel },
  { "unknown-action/changed/drops-ref", "changed", HANDLER_DROP_REF, NULL, change_set_unknown_action },
  { "unknown-action/notify/removes-all", "notify::unknown-syscall-action", HANDLER_REMOVE_ALL, NULL, change_set_unknown_action },
  { "log/notify/drops-ref", "notify::log", HANDLER_DROP_REF, NULL, change_set_log },
  { "add-arch/changed/adds", "changed", HANDLER_ADD_RULE, NULL, change_add_arch },
};

static void
test_reentrant_row (gconstpointer data)
{
  const ReentrantRow *row = data;
  ScmpFilter *filter = reference_filter_new ();
  ScmpFilter *weak = filter;
  Hostile h = { row, NULL, 0 };
  ModelWatch watch = { 0, 0 };
  GCallback callback;

  g_object_add_weak_pointer (G_OBJECT (filter), (gpointer *) &weak);
  if (row->prepare != NULL)
    row->prepare (filter);

  watch.n_items = g_list_model_get_n_items (G_LIST_MODEL (filter));
  g_signal_connect (filter, "items-changed", G_CALLBACK (on_watch_items_changed), &watch);

  if (g_str_equal (row->signal, "items-changed"))
    callback = G_CALLBACK (on_hostile_items_changed);
  else if (g_str_has_prefix (row->signal, "rule-"))
    callback = G_CALLBACK (on_hostile_rule);
  else if (g_str_has_prefix (row->signal, "notify"))
    callback = G_CALLBACK (on_hostile_notify);
  else
    callback = G_CALLBACK (on_hostile_plain);
  g_signal_connect (filter, row->signal, callback, &h);

  if (row->handler == HANDLER_DROP_REF)
    {
      /* The handler holds the only reference once the change starts. */
      h.filter = filter;
      row->change (filter);
      g_assert_cmpuint (h.n_runs, >=, 1);
      g_assert_null (h.filter);
      g_assert_null (weak);
      return;
    }

  row->change (filter);
  g_assert_cmpuint (h.n_runs, >=, 1);
  g_assert_cmpuint (watch.n_items, ==, g_list_model_get_n_items (G_LIST_MODEL (filter)));
  g_signal_handlers_disconnect_by_data (filter, &h);
  g_signal_handlers_disconnect_by_data (filter, &watch);
  while (scmp_filter_in_transaction (filter))
    scmp_filter_commit (filter);
  assert_consistent (filter);

  g_object_unref (filter);
  g_assert_null (weak);
}

/* ------------------------------------------------------------------ */
/* Removals while iterating the list model                             */
/* ------------------------------------------------------------------ */

/* Forward, removing each item as it is reached: the index stays, the
 * length shrinks, and the items taken out stay valid. */
static void
test_iterate_remove_forward (void)
{
  g_autoptr(ScmpFilter) filter = reference_filter_new ();
  GListModel *model = G_LIST_MODEL (filter);
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_object_unref);
  guint i = 0;

  while (i < g_list_model_get_n_items (model))
    {
      ScmpRule *item = g_list_model_get_item (model, i);

      g_assert_nonnull (item);
      g_ptr_array_add (seen, item);
      g_assert_true (scmp_filter_remove_rule (filter, item));
      g_assert_false (scmp_filter_remove_rule (filter, item));
    }
  g_assert_cmpuint (seen->len, ==, 5);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  g_assert_null (g_list_model_get_item (model, 0));
  for (guint k = 0; k < seen->len; k++)
    g_assert_nonnull (scmp_rule_get_syscall (g_ptr_array_index (seen, k)));
  assert_consistent (filter);
}

/* An index loop that does not re-read the length: past the end after
 * removals, get_item() says NULL rather than reading freed memory. */
static void
test_iterate_stale_length (void)
{
  g_autoptr(ScmpFilter) filter = reference_filter_new ();
  GListModel *model = G_LIST_MODEL (filter);
  guint n = g_list_model_get_n_items (model);
  guint n_null = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ScmpRule) item = g_list_model_get_item (model, i);

      if (item == NULL)
        {
          n_null++;
          g_assert_null (scmp_filter_get_rule (filter, i));
          continue;
        }
      scmp_filter_remove_rule (filter, item);
    }
  g_assert_cmpuint (n_null, ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
  assert_consistent (filter);
}

/* Backwards, while a ::rule-removed handler removes the rule before the
 * one removed: the loop clamps its index to the length it reads. */
static void
on_removed_remove_previous (ScmpFilter *filter,
                            ScmpRule   *rule,
                            guint       position,
                            gpointer    user_data)
{
  if (position > 0 && position <= scmp_filter_get_n_rules (filter))
    scmp_filter_remove_rule_at (filter, position - 1);
}

static void
test_iterate_remove_backwards_reentrant (void)
{
  g_autoptr(ScmpFilter) filter = reference_filter_new ();
  GListModel *model = G_LIST_MODEL (filter);
  guint i = g_list_model_get_n_items (model);
  guint n_removals = 0;

  g_signal_connect (filter, "rule-removed", G_CALLBACK (on_removed_remove_previous), NULL);
  while (i > 0)
    {
      g_autoptr(ScmpRule) item = NULL;

      i = MIN (i, g_list_model_get_n_items (model));
      if (i == 0)
        break;
      i--;
      item = g_list_model_get_item (model, i);
      g_assert_nonnull (item);
      scmp_filter_remove_rule (filter, item);
      n_removals++;
    }
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  g_assert_cmpuint (n_removals, <, 5);
  assert_consistent (filter);
}

/* ------------------------------------------------------------------ */

static char *
test_path (const char *prefix,
           const char *name)
{
  return g_strdup_printf ("/hostile/%s/%s", prefix, name);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (gsize i = 0; i < G_N_ELEMENTS (error_rows); i++)
    {
      g_autofree char *path = test_path ("error", error_rows[i].name);

      g_test_add_data_func (path, &error_rows[i], test_error_row);
    }
  for (gsize i = 0; i < G_N_ELEMENTS (critical_rows); i++)
    {
      g_autofree char *path = test_path ("critical", critical_rows[i].name);

      g_test_add_data_func (path, &critical_rows[i], test_critical_row);
    }
  for (gsize i = 0; i < G_N_ELEMENTS (reentrant_rows); i++)
    {
      g_autofree char *path = test_path ("reentrant", reentrant_rows[i].name);

      g_test_add_data_func (path, &reentrant_rows[i], test_reentrant_row);
    }
  g_test_add_func ("/hostile/iterate/remove-forward", test_iterate_remove_forward);
  g_test_add_func ("/hostile/iterate/stale-length", test_iterate_stale_length);
  g_test_add_func ("/hostile/iterate/remove-backwards-reentrant", test_iterate_remove_backwards_reentrant);

  return g_test_run ();
}
