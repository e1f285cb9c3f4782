/* test-filter.c: ScmpFilter without the kernel
 *
 * SPDX-FileCopyrightText: 2026 The scmp-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <scmp-glib/scmp-glib.h>

#include "test-abi.h"
#include "test-rules.h"

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

/* The action the compiled program gives, as its string. */
static char *
eval_str (ScmpFilter       *filter,
          ScmpArchitecture  arch,
          const char       *syscall,
          guint64           a0,
          guint64           a1)
{
  guint64 args[6] = { a0, a1, 0, 0, 0, 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(ScmpAction) action = scmp_filter_evaluate_syscall (filter, arch, syscall, args, 6, &error);

  g_assert_no_error (error);
  g_assert_nonnull (action);
  return scmp_action_to_string (action);
}

#define assert_eval(filter, arch, syscall, a0, a1, expected) \
  G_STMT_START { \
    g_autofree char *_got = eval_str (filter, arch, syscall, a0, a1); \
    g_assert_cmpstr (_got, ==, expected); \
  } G_STMT_END

static void
test_new_defaults (void)
{
  g_autoptr(ScmpAction) deny = scmp_action_new_errno (EPERM, NULL);
  g_autoptr(ScmpFilter) filter = scmp_filter_new (deny);
  g_autoptr(ScmpFilter) bare = g_object_new (SCMP_TYPE_FILTER, NULL);
  g_autoptr(ScmpAction) bad_arch = NULL;
  gboolean nnp, tsync;
  guint n_rules;

  g_assert_true (scmp_filter_get_default_action (filter) == deny);
  g_assert_true (scmp_filter_has_arch (filter, SCMP_ARCHITECTURE_NATIVE));
  g_assert_true (scmp_filter_has_arch (filter, scmp_architecture_get_native ()));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (filter)), ==, 0);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (filter)) == SCMP_TYPE_RULE);

  g_object_get (filter, "no-new-privs", &nnp, "thread-sync", &tsync,
                "bad-arch-action", &bad_arch, "n-rules", &n_rules, NULL);
  g_assert_true (nnp);
  g_assert_false (tsync);
  g_assert_cmpint (scmp_action_get_kind (bad_arch), ==, SCMP_ACTION_KIND_KILL_PROCESS);
  g_assert_cmpuint (n_rules, ==, 0);

  /* A filter built by property bag without a default action kills. */
  g_assert_cmpint (scmp_action_get_kind (scmp_filter_get_default_action (bare)), ==,
                   SCMP_ACTION_KIND_KILL_PROCESS);
}

static void
test_first_match_order (void)
{
  g_autoptr(ScmpAction) dflt = scmp_action_new_errno (EPERM, NULL);
  g_autoptr(ScmpAction) allow = scmp_action_new_allow ();
  g_autoptr(ScmpAction) eacces = scmp_action_new_errno (EACCES, NULL);
  g_autoptr(ScmpFilter) filter = test_filter_new_x86_64 (dflt);
  ScmpCondition fd1 = { .arg = 0, .op = SCMP_COMPARE_OP_EQ, .datum = 1 };
  ScmpCondition low = { .arg = 0, .op = SCMP_COMPARE_OP_LE, .datum = 2 };
  g_autoptr(ScmpRule) allow_fd1 = scmp_rule_newv ("write", allow, &fd1, 1);
  g_autoptr(ScmpRule) deny_low = scmp_rule_newv ("write", eacces, &low, 1);
  g_autoptr(ScmpRule) allow_all = scmp_rule_new ("write", allow);

  g_test_summary ("The first rule in list order whose conditions hold decides.");

  test_add_rule_ok (filter, allow_fd1);
  test_add_rule_ok (filter, deny_low);
  assert_eval (filter, SCMP_ARCHITECTURE_X86_64, "write", 1, 0, "allow");
  assert_eval (filter, SCMP_ARCHITECTURE_X86_64, "write", 2, 0, "errno(13)");
  assert_eval (filter, SCMP_ARCHITECTURE_X86_64, "write", 3, 0, "errno(1)");

  /* The same rules in the other order: fd 1 is now denied. */
  scmp_filter_remove_rule (filter, allow_fd1);
  test_add_rule_ok (filter, allow_fd1);
  assert_eval (filter, SCMP_ARCHITECTURE_X86_64, "write", 1, 0, "errno(13)");

  /* An unconditional rule at the front shadows everything after it. */
  g_assert_true (scmp_filter_insert_rule (filter, 0, allow_all, NULL));
  assert_eval (filter, SCMP_ARCHITECTURE_X86_64, "write", 2, 0, "allow");
  g_assert_true (scmp_filter_get_rule (filter, 0) == allow_all);
  g_assert_null (scmp_filter_get_rule (filter, 3));
}

static void
test_exists (void)
{
  g_autoptr(ScmpAction) dflt = scmp_action_new_kill_process ();
  g_autoptr(ScmpAction) allow = scmp_action_new_allow ();
  g_autoptr(ScmpAction) deny = scmp_action_new_errno (EPERM, NULL);
  g_autoptr(ScmpFilter) filter = test_filter_new_x86_64 (dflt);
  ScmpCondition c[2] = {
    { .arg = 0, .op = SCMP_COMPARE_OP_EQ, .datum = 1 },
    { .arg = 1, .op = SCMP_COMPARE_OP_GT, .datum = 7 },
  };
  ScmpCondition swapped[2] = { c[1], c[0] };
  g_autoptr(ScmpRule) first = scmp_rule_newv ("read", allow, c, 2);
  g_autoptr(ScmpRule) same = scmp_rule_newv ("read", allow, swapped, 2);
  g_autoptr(ScmpRule) conflict = scmp_rule_newv ("read", deny, swapped, 2);
  g_autoptr(ScmpRule) other_syscall = scmp_rule_newv ("write", deny, c, 2);
  g_autoptr(GError) error = NULL;

  test_add_rule_ok (filter, first);
  /* Same conditions (in any order) and action: a no-op. */
  test_add_rule_ok (filter, same);
  g_assert_cmpuint (scmp_filter_get_n_rules (filter), ==, 1);

  g_assert_false (scmp_filter_add_rule (filter, conflict, &error));
  g_assert_error (error, SCMP_ERROR, SCMP_ERROR_EXISTS);
  g_assert_nonnull (strstr (error->message, "read"));
  g_assert_cmpuint (scmp_filter_get_n_rules (filter), ==, 1);

  test_add_rule_ok (filter, other_syscall);
  g_assert_cmpuint (scmp_filter_get_n_rules (filter), ==, 2);
}

/* Every bad input fails with a clear error and changes nothing. */
static void
test_bad_input_unchanged (void)
{
  g_autoptr(ScmpAction) dflt = scmp_action_new_allow ();
  g_autoptr(ScmpAction) deny = scmp_action_new_errno (EPERM, NULL);
  g_autoptr(ScmpFilter) filter = test_filter_new_x86_64 (dflt);
  g_autoptr(ScmpRule) good = scmp_rule_new ("openat", deny);
  g_autoptr(GBytes) before = NULL;
  g_autofree char *pfc_before = NULL;
  /* The constructors refuse these; structs filled in by hand reach the
   * filter, which checks them with the same sentences. */
  ScmpCondition arg6 = { .arg = 6, .op = SCMP_COMPARE_OP_EQ, .datum = 0 };
  ScmpCondition bad_op = { .arg = 0, .op = (ScmpCompareOp) 9, .datum = 0 };
  ScmpCondition wide = { .arg = 2, .op = SCMP_COMPARE_OP_LT, .datum = G_GUINT64_CONSTANT (1) << 32 };
  ScmpCondition wide32 = { .arg = 2, .op = SCMP_COMPARE_OP_EQ, .datum = G_GUINT64_CONSTANT (1) << 40, .is_32bit = TRUE };
  ScmpCondition wide_mask32 = { .arg = 2, .op = SCMP_COMPARE_OP_MASKED_EQ, .datum = 0,
                                .mask = G_GUINT64_CONSTANT (1) << 41, .is_32bit = TRUE };
  ScmpCondition family = { .arg = 0, .op = SCMP_COMPARE_OP_EQ, .datum = 2 };
  struct {
    const char *what;
    ScmpRule *rule;
    int code;
    const char *message_part;
  } cases[] = {
    { "unknown syscall", scmp_rule_new ("no_such_syscall", deny),
      SCMP_ERROR_INVALID_SYSCALL, "no_such_syscall" },
    { "arg index 6", scmp_rule_newv ("read", deny, &arg6, 1),
      SCMP_ERROR_INVALID_ARGUMENT,
      "The rule for “read” is invalid. The argument index 6 is out of range: a syscall has arguments 0 to 5" },
    { "unknown comparison", scmp_rule_newv ("read", deny, &bad_op, 1),
      SCMP_ERROR_INVALID_ARGUMENT, "The comparison 9 is unknown" },
    { "32-bit compare of a 64-bit value", scmp_rule_newv ("read", deny, &wide32, 1),
      SCMP_ERROR_INVALID_ARGUMENT, "32 bits" },
    /* read's arg2 is a size_t: only the 32-bit condition itself is wrong */
    { "32-bit compare with a 64-bit mask", scmp_rule_newv ("read", deny, &wide_mask32, 1),
      SCMP_ERROR_INVALID_ARGUMENT, "has the mask 0x20000000000, which does not fit in 32 bits" },
    { "exact rule for a syscall x86_64 lacks", scmp_rule_new_exact ("socketcall", deny, NULL, 0),
      SCMP_ERROR_SYSCALL_NOT_ON_ARCHITECTURE, "x86_64" },
  };
  g_autoptr(GError) error = NULL;

  test_add_rule_ok (filter, good);
  before = scmp_filter_export_bpf (filter, &error);
  g_assert_no_error (error);
  pfc_before = scmp_filter_export_pfc (filter, &error);

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) after = NULL;

      g_test_message ("bad input: %s", cases[i].what);
      g_assert_false (scmp_filter_add_rule (filter, cases[i].rule, &error));
      g_assert_error (error, SCMP_ERROR, cases[i].code);
      g_assert_nonnull (strstr (error->message, cases[i].message_part));
      g_clear_error (&error);

      g_assert_cmpuint (scmp_filter_get_n_rules (filter), ==, 1);
      after = scmp_filter_export_bpf (filter, &error);
      g_assert_no_error (error);
      g_assert_true (g_bytes_equal (before, after));
      g_object_unref (cases[i].rule);
    }

  /* A 64-bit datum on a 32-bit ABI: refused when the ABI is added... */
  {
    g_autoptr(ScmpRule) wide_rule = scmp_rule_newv ("read", deny, &wide, 1);
    g_autoptr(GBytes) after = NULL;
    g_autofree char *pfc_after = NULL;

    test_add_rule_ok (filter, wide_rule);
    g_assert_false (scmp_filter_add_arch (filter, SCMP_ARCHITECTURE_X86, &error));
    g_assert_error (error, SCMP_ERROR, SCMP_ERROR_INVALID_ARGUMENT);
    g_assert_nonnull (strstr (error->message, "x86"));
    g_clear_error (&error);
    g_assert_false (scmp_filter_has_arch (filter, SCMP_ARCHITECTURE_X86));
    scmp_filter_remove_rule (filter, wide_rule);

    /* ... and when the rule is added to a filter that has it. */
    g_assert_true (scmp_filter_add_arch (filter, SCMP_ARCHITECTURE_X86, &error));
    g_assert_false (scmp_filter_add_rule (filter, wide_rule, &error));
    g_assert_error (error, SCMP_ERROR, SCMP_ERROR_INVALID_ARGUMENT);
    g_clear_error (&error);
    g_assert_true (scmp_filter_remove_arch (filter, SCMP_ARCHITECTURE_X86, &error));

    after = scmp_filter_export_bpf (filter, &error);
    g_assert_true (g_bytes_equal (before, after));
    pfc_after = scmp_filter_export_pfc (filter, &error);
    g_assert_cmpstr (pfc_before, ==, pfc_after);
  }

  /* Conditions on a multiplexed syscall in exact mode. */
  {
    g_autoptr(ScmpRule) exact = scmp_rule_new_exact ("socket", deny, &family, 1);

    g_assert_true (scmp_filter_add_arch (filter, SCMP_ARCHITECTURE_X86, &error));
    g_assert_false (scmp_filter_add_rule (filter, exact, &error));
    g_assert_error (error, SCMP_ERROR, SCMP_ERROR_INVALID_ARGUMENT);
    g_assert_nonnull (strstr (error->message, "socketcall"));
    g_clear_error (&error);
    g_assert_cmpuint (scmp_filter_get_n_rules (filter), ==, 1);
  }

  /* Mixing byte orders, and unknown architectures. */
  g_assert_false (scmp_filter_add_arch (filter, SCMP_ARCHITECTURE_S390X, &error));
  g_assert_error (error, SCMP_ERROR, SCMP_ERROR_INVALID_ARCHITECTURE);
  g_assert_nonnull (strstr (error->message, "endian"));
  g_clear_error (&error);
  g_assert_false (scmp_filter_add_arch (filter, (ScmpArchitecture) 99, &error));
  g_assert_error (error, SCMP_ERROR, SCMP_ERROR_INVALID_ARCHITECTURE);
  g_clear_error (&error);
  g_assert_false (scmp_filter_remove_arch (filter, SCMP_ARCHITECTURE_ARM, &error));
  g_assert_error (error, SCMP_ERROR, SCMP_ERROR_INVALID_ARCHITECTURE);
  g_clear_error (&error);
  g_assert_false (scmp_filter_has_arch (filter, SCMP_ARCHITECTURE_S390X));

  /* Priority for an unknown syscall. */
  g_assert_false (scmp_filter_set_priority (filter, "no_such_syscall", 10, &error));
  g_assert_error (error, SCMP_ERROR, SCMP_ERROR_INVALID_SYSCALL);
}

static void
test_no_arch (void)
{
  g_autoptr(ScmpFilter) filter = test_filter_new_x86_64 (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_assert_true (scmp_filter_remove_arch (filter, SCMP_ARCHITECTURE_X86_64, &error));
  bytes = scmp_filter_export_bpf (filter, &error);
  g_assert_null (bytes);
  g_assert_error (error, SCMP_ERROR, SCMP_ERROR_INVALID_ARCHITECTURE);
}

static void
on_rule_added (ScmpFilter *filter,
               ScmpRule   *rule,
               guint       position,
               gpointer    user_data)
{
  GPtrArray *log = user_data;

  g_ptr_array_add (log, g_strdup_printf ("+%s@%u", scmp_rule_get_syscall (rule), position));
}

static void
on_rule_removed (ScmpFilter *filter,
                 ScmpRule   *rule,
                 guint       position,
                 gpointer    user_data)
{
  GPtrArray *log = user_data;

  g_ptr_array_add (log, g_strdup_printf ("-%s@%u", scmp_rule_get_syscall (rule), position));
}

static void
on_changed (ScmpFilter *filter,
            gpointer    user_data)
{
  (*(guint *) user_data)++;
}

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  gpointer    user_data)
{
  GPtrArray *log = user_data;

  g_ptr_array_add (log, g_strdup_printf ("items %u-%u+%u", position, removed, added));
}

static char *
join_log (GPtrArray *log)
{
  g_ptr_array_add (log, NULL);
  return g_strjoinv (" ", (char **) log->pdata);
}

static void
test_signals (void)
{
  g_autoptr(ScmpAction) allow = scmp_action_new_allow ();
  g_autoptr(ScmpFilter) filter = test_filter_new_x86_64 (NULL);
  g_autoptr(ScmpRule) openat = scmp_rule_new ("openat", allow);
  g_autoptr(ScmpRule) read_rule = scmp_rule_new ("read", allow);
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) only_openat = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *all_s = NULL, *openat_s = NULL, *items_s = NULL;
  guint n_changed = 0;

  g_signal_connect (filter, "rule-added", G_CALLBACK (on_rule_added), all);
  g_signal_connect (filter, "rule-removed", G_CALLBACK (on_rule_removed), all);
  g_signal_connect (filter, "rule-added::openat", G_CALLBACK (on_rule_added), only_openat);
  g_signal_connect (filter, "changed", G_CALLBACK (on_changed), &n_changed);
  g_signal_connect (filter, "items-changed", G_CALLBACK (on_items_changed), items);

  test_add_rule_ok (filter, read_rule);
  g_assert_true (scmp_filter_insert_rule (filter, 0, openat, NULL));
  g_assert_cmpuint (n_changed, ==, 2);
  scmp_filter_remove_rule_at (filter, 1);
  g_assert_cmpuint (n_changed, ==, 3);
  g_assert_true (scmp_filter_add_arch (filter, SCMP_ARCHITECTURE_X86, NULL));
  g_assert_cmpuint (n_changed, ==, 4);
  /* Load flags don't change the program. */
  scmp_filter_set_log (filter, TRUE);
  g_assert_cmpuint (n_changed, ==, 4);
  scmp_filter_set_allow_tracer_skip (filter, TRUE);
  g_assert_cmpuint (n_changed, ==, 5);

  all_s = join_log (all);
  openat_s = join_log (only_openat);
  items_s = join_log (items);
  g_assert_cmpstr (all_s, ==, "+read@0 +openat@0 -read@1");
  g_assert_cmpstr (openat_s, ==, "+openat@0");
  g_assert_cmpstr (items_s, ==, "items 0-0+1 items 0-0+1 items 1-1+0");
}

/* A signal handler that drops the filter's last reference: the method
 * that emitted must still finish its work, emit ::changed and return its
 * result before the filter goes. */
typedef struct {
  ScmpFilter *filter;   /* (owned) until the handler drops it */
  guint       n_changed;
} DropRef;

typedef struct {
  const char *name;
  const char *signal;                  /* where the last reference goes */
  void      (*prepare) (ScmpFilter *); /* (nullable) before connecting */
  gboolean  (*change) (ScmpFilter *);
} DropCase;

static void
drop_ref (DropRef *drop)
{
  g_clear_object (&drop->filter);
}

static void
count_changed (DropRef *drop)
{
  drop->n_changed++;
}

static ScmpRule *
new_allow_rule (const char *syscall)
{
  g_autoptr(ScmpAction) allow = scmp_action_new_allow ();

  return scmp_rule_new (syscall, allow);
}

static void
prepare_one_rule (ScmpFilter *filter)
{
  g_autoptr(ScmpRule) rule = new_allow_rule ("read");

  test_add_rule_ok (filter, rule);
}

static void
prepare_transaction (ScmpFilter *filter)
{
  scmp_filter_begin (filter);
  prepare_one_rule (filter);
}

static void
prepare_x86 (ScmpFilter *filter)
{
  g_assert_true (scmp_filter_add_arch (filter, SCMP_ARCHITECTURE_X86, NULL));
}

static gboolean
change_add_rule (ScmpFilter *filter)
{
  g_autoptr(ScmpRule) rule = new_allow_rule ("read");

  return scmp_filter_add_rule (filter, rule, NULL);
}

static gboolean
change_insert_rule (ScmpFilter *filter)
{
  g_autoptr(ScmpRule) rule = new_allow_rule ("read");

  return scmp_filter_insert_rule (filter, 0, rule, NULL);
}

static gboolean
change_add_rules (ScmpFilter *filter)
{
  g_autoptr(ScmpRule) read_rule = new_allow_rule ("read");
  g_autoptr(ScmpRule) write_rule = new_allow_rule ("write");
  ScmpRule *rules[] = { read_rule, write_rule };

  return scmp_filter_add_rules (filter, rules, G_N_ELEMENTS (rules), NULL);
}

static gboolean
change_remove_rule (ScmpFilter *filter)
{
  return scmp_filter_remove_rule (filter, scmp_filter_get_rule (filter, 0));
}

static gboolean
change_add_arch (ScmpFilter *filter)
{
  return scmp_filter_add_arch (filter, SCMP_ARCHITECTURE_X86, NULL);
}

static gboolean
change_remove_arch (ScmpFilter *filter)
{
  return scmp_filter_remove_arch (filter, SCMP_ARCHITECTURE_X86, NULL);
}

static gboolean
change_bad_arch_action (ScmpFilter *filter)
{
  g_autoptr(ScmpAction) deny = scmp_action_new_errno (EPERM, NULL);

  scmp_filter_set_bad_arch_action (filter, deny);
  return TRUE;
}

static gboolean
change_tracer_skip (ScmpFilter *filter)
{
  scmp_filter_set_allow_tracer_skip (filter, TRUE);
  return TRUE;
}

static gboolean
change_priority (ScmpFilter *filter)
{
  return scmp_filter_set_priority (filter, "read", 100, NULL);
}

static gboolean
change_merge (ScmpFilter *filter)
{
  g_autoptr(ScmpFilter) other = test_filter_new_x86_64 (NULL);

  prepare_one_rule (other);
  return scmp_filter_merge (filter, other, NULL);
}

static gboolean
change_reset (ScmpFilter *filter)
{
  scmp_filter_reset (filter);
  return TRUE;
}

static gboolean
change_rollback (ScmpFilter *filter)
{
  scmp_filter_rollback (filter);
  return TRUE;
}

static const DropCase drop_cases[] = {
  { "add-rule", "rule-added", NULL, change_add_rule },
  { "insert-rule", "items-changed", NULL, change_insert_rule },
  { "add-rules", "notify::n-rules", NULL, change_add_rules },
  { "remove-rule", "rule-removed", prepare_one_rule, change_remove_rule },
  { "add-arch", "changed", NULL, change_add_arch },
  { "remove-arch", "changed", prepare_x86, change_remove_arch },
  { "set-bad-arch-action", "notify::bad-arch-action", NULL, change_bad_arch_action },
  { "set-allow-tracer-skip", "notify::allow-tracer-skip", NULL, change_tracer_skip },
  { "set-priority", "changed", NULL, change_priority },
  { "merge", "rule-added", NULL, change_merge },
  { "reset", "rule-removed", prepare_one_rule, change_reset },
  { "rollback", "rule-removed", prepare_transaction, change_rollback },
};

static void
test_signal_drops_last_ref (gconstpointer data)
{
  const DropCase *c = data;
  ScmpFilter *filter = test_filter_new_x86_64 (NULL);
  ScmpFilter *weak = filter;
  DropRef drop = { filter, 0 };

  g_test_summary ("A handler may drop the filter's last reference: the call "
                  "still completes, and the filter is finalized once it returns.");

  g_object_add_weak_pointer (G_OBJECT (filter), (gpointer *) &weak);
  if (c->prepare != NULL)
    c->prepare (filter);
  g_signal_connect_swapped (filter, "changed", G_CALLBACK (count_changed), &drop);
  g_signal_connect_swapped (filter, c->signal, G_CALLBACK (drop_ref), &drop);

  g_assert_true (c->change (filter));
  g_assert_null (drop.filter);
  g_assert_cmpuint (drop.n_changed, ==, 1);
  g_assert_null (weak);
}

static void
on_notify (GObject    *object,
           GParamSpec *pspec,
           gpointer    user_data);

/* scmp_filter_add_rules(): all or nothing, one list change, checked
 * against the filter and against the earlier rules of the batch. */
static void
test_add_rules (void)
{
  g_autoptr(ScmpAction) allow = scmp_action_new_allow ();
  g_autoptr(ScmpAction) deny = scmp_action_new_errno (EPERM, NULL);
  g_autoptr(ScmpFilter) filter = test_filter_new_x86_64 (deny);
  ScmpCondition fd1 = { .arg = 0, .op = SCMP_COMPARE_OP_EQ, .datum = 1 };
  g_autoptr(ScmpRule) read_rule = scmp_rule_new ("read", allow);
  g_autoptr(ScmpRule) write1 = scmp_rule_newv ("write", allow, &fd1, 1);
  g_autoptr(ScmpRule) write1_again = scmp_rule_newv ("write", allow, &fd1, 1);
  g_autoptr(ScmpRule) write1_denied = scmp_rule_newv ("write", deny, &fd1, 1);
  g_autoptr(ScmpRule) openat = scmp_rule_new ("openat", allow);
  g_autoptr(ScmpRule) close_rule = scmp_rule_new ("close", allow);
  g_autoptr(ScmpRule) unknown = scmp_rule_new ("no_such_syscall", allow);
  g_autoptr(GPtrArray) added = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GBytes) before = NULL, after = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *added_s = NULL, *items_s = NULL;
  guint n_changed = 0, n_notify = 0;

  test_add_rule_ok (filter, read_rule);
  g_signal_connect (filter, "rule-added", G_CALLBACK (on_rule_added), added);
  g_signal_connect (filter, "items-changed", G_CALLBACK (on_items_changed), items);
  g_signal_connect (filter, "changed", G_CALLBACK (on_changed), &n_changed);
  g_signal_connect (filter, "notify::n-rules", G_CALLBACK (on_notify), &n_notify);

  /* Duplicates (of the filter's rules, or within the batch) are skipped. */
  {
    ScmpRule *batch[] = { write1, read_rule, write1_again, openat };

    g_assert_true (scmp_filter_add_rules (filter, batch, G_N_ELEMENTS (batch), &error));
    g_assert_no_error (error);
  }
  g_assert_cmpuint (scmp_filter_get_n_rules (filter), ==, 3);
  g_assert_cmpuint (n_changed, ==, 1);
  g_assert_cmpuint (n_notify, ==, 1);
  added_s = join_log (added);
  items_s = join_log (items);
  g_assert_cmpstr (added_s, ==, "+write@1 +openat@2");
  g_assert_cmpstr (items_s, ==, "items 1-0+2");
  g_assert_true (scmp_filter_get_rule (filter, 1) == write1);
  assert_eval (filter, SCMP_ARCHITECTURE_X86_64, "write", 1, 0, "allow");
  assert_eval (filter, SCMP_ARCHITECTURE_X86_64, "write", 2, 0, "errno(1)");
  assert_eval (filter, SCMP_ARCHITECTURE_X86_64, "openat", 0, 0, "allow");

  /* A failure anywhere leaves the filter as it was, its signals unsent. */
  before = scmp_filter_export_bpf (filter, &error);
  g_assert_no_error (error);
  {
    ScmpRule *conflict_in_batch[] = { close_rule, write1_denied };
    ScmpRule *unknown_late[] = { close_rule, unknown };

    g_assert_false (scmp_filter_add_rules (filter, conflict_in_batch, 2, &error));
    g_assert_error (error, SCMP_ERROR, SCMP_ERROR_EXISTS);
    g_assert_true (g_str_has_prefix (error->message, "Rule 2 of 2: "));
    g_clear_error (&error);

    g_assert_false (scmp_filter_add_rules (filter, unknown_late, 2, &error));
    g_assert_error (error, SCMP_ERROR, SCMP_ERROR_INVALID_SYSCALL);
    g_assert_nonnull (strstr (error->message, "no_such_syscall"));
    g_clear_error (&error);
  }
  g_assert_cmpuint (scmp_filter_get_n_rules (filter), ==, 3);
  g_assert_cmpuint (n_changed, ==, 1);
  g_assert_cmpuint (items->len, ==, 2);   /* the one change, and join_log()'s NULL */
  after = scmp_filter_export_bpf (filter, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (before, after));

  /* The failed batches left nothing in the EXISTS index: close can come
   * in now, and the denied write still conflicts with the filter's. */
  g_assert_true (scmp_filter_add_rules (filter, &close_rule, 1, &error));
  g_assert_no_error (error);
  g_assert_false (scmp_filter_add_rules (filter, &write1_denied, 1, &error));
  g_assert_error (error, SCMP_ERROR, SCMP_ERROR_EXISTS);
  g_clear_error (&error);
  g_assert_cmpuint (scmp_filter_get_n_rules (filter), ==, 4);

  /* Nothing to add: no signal. */
  g_assert_true (scmp_filter_add_rules (filter, NULL, 0, &error));
  g_assert_cmpuint (n_changed, ==, 2);

  /* A rolled-back batch leaves nothing behind either: its rules can come
   * back with another action. */
  {
    g_autoptr(ScmpRule) mount_allowed = scmp_rule_new ("mount", allow);
    g_autoptr(ScmpAction) eacces = scmp_action_new_errno (EACCES, NULL);
    g_autoptr(ScmpRule) mount_denied = scmp_rule_new ("mount", eacces);
    g_autoptr(ScmpRule) bpf_allowed = scmp_rule_new ("bpf", allow);
    ScmpRule *batch[] = { mount_allowed, bpf_allowed };

    scmp_filter_begin (filter);
    g_assert_true (scmp_filter_add_rules (filter, batch, 2, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (scmp_filter_get_n_rules (filter), ==, 6);
    scmp_filter_rollback (filter);
    g_assert_cmpuint (scmp_filter_get_n_rules (filter), ==, 4);
    g_assert_true (scmp_filter_add_rules (filter, &mount_denied, 1, &error));
    g_assert_no_error (error);
    assert_eval (filter, SCMP_ARCHITECTURE_X86_64, "mount", 0, 0, "errno(13)");
    assert_eval (filter, SCMP_ARCHITECTURE_X86_64, "bpf", 0, 0, "errno(1)");
  }
}

static void
on_notify (GObject    *object,
           GParamSpec *pspec,
           gpointer    user_data)
{
  (*(guint *) user_data)++;
}

static void
test_properties (void)
{
  g_autoptr(ScmpFilter) filter = test_filter_new_x86_64 (NULL);
  g_autoptr(ScmpAction) errno77 = scmp_action_new_errno (77, NULL);
  g_autoptr(ScmpAction) errno77_again = scmp_action_new_errno (77, NULL);
  guint n_notify = 0;

  g_signal_connect (filter, "notify::thread-sync", G_CALLBACK (on_notify), &n_notify);
  g_signal_connect (filter, "notify::bad-arch-action", G_CALLBACK (on_notify), &n_notify);

  scmp_filter_set_thread_sync (filter, TRUE);
  scmp_filter_set_thread_sync (filter, TRUE);
  g_assert_cmpuint (n_notify, ==, 1);
  g_assert_true (scmp_filter_get_thread_sync (filter));

  g_object_set (filter, "bad-arch-action", errno77, NULL);
  scmp_filter_set_bad_arch_action (filter, errno77_again);
  g_assert_cmpuint (n_notify, ==, 2);

  /* The bad-arch action reaches the program. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(ScmpAction) got = scmp_filter_evaluate (filter, SCMP_ARCHITECTURE_X86, 20, NULL, 0, &error);

    g_assert_no_error (error);
    g_assert_true (scmp_action_equal (got, errno77));
  }

  g_assert_true (scmp_filter_set_priority (filter, "read", 200, NULL));
  g_assert_cmpuint (scmp_filter_get_priority (filter, "read"), ==, 200);
  g_assert_cmpuint (scmp_filter_get_priority (filter, "write"), ==, SCMP_PRIORITY_DEFAULT);
}

static void
test_arches_late (void)
{
  g_autoptr(ScmpAction) dflt = scmp_action_new_allow ();
  g_autoptr(ScmpAction) deny = scmp_action_new_errno (EPERM, NULL);
  g_autoptr(ScmpFilter) filter = test_filter_new_x86_64 (dflt);
  g_autoptr(ScmpRule) rule = scmp_rule_new ("getpid", deny);
  g_autoptr(ScmpRule) only64 = scmp_rule_new ("arch_prctl", deny);
  g_autofree ScmpArchitecture *arches = NULL;
  gsize n = 0;

  g_test_summary ("An ABI added after the rules gets them all; syscalls it lacks are skipped.");

  test_add_rule_ok (filter, rule);
  test_add_rule_ok (filter, only64);
  g_assert_true (scmp_filter_add_arch (filter, SCMP_ARCHITECTURE_X86, NULL));
  g_assert_true (scmp_filter_add_arch (filter, SCMP_ARCHITECTURE_X32, NULL));
  g_assert_true (scmp_filter_add_arch (filter, SCMP_ARCHITECTURE_X86, NULL));

  arches = scmp_filter_list_arches (filter, &n);
  g_assert_cmpuint (n, ==, 3);
  g_assert_cmpint (arches[0], ==, SCMP_ARCHITECTURE_X86_64);
  g_assert_cmpint (arches[1], ==, SCMP_ARCHITECTURE_X86);
  g_assert_cmpint (arches[2], ==, SCMP_ARCHITECTURE_X32);

  assert_eval (filter, SCMP_ARCHITECTURE_X86_64, "getpid", 0, 0, "errno(1)");
  assert_eval (filter, SCMP_ARCHITECTURE_X86, "getpid", 0, 0, "errno(1)");
  assert_eval (filter, SCMP_ARCHITECTURE_X32, "getpid", 0, 0, "errno(1)");
  assert_eval (filter, SCMP_ARCHITECTURE_X32, "getppid", 0, 0, "allow");
  assert_eval (filter, SCMP_ARCHITECTURE_X86_64, "arch_prctl", 0, 0, "errno(1)");
  /* A foreign ABI gets the bad-arch action. */
  assert_eval (filter, SCMP_ARCHITECTURE_AARCH64, "getpid", 0, 0, "kill-process");
}

static void
test_list_arches (void)
{
  /* Enough little-endian ABIs to fill a GArray's first allocation and
   * grow it, where reading past the end shows under ASan. */
  static const ScmpArchitecture added[] = {
    SCMP_ARCHITECTURE_X86, SCMP_ARCHITECTURE_X32, SCMP_ARCHITECTURE_AARCH64,
    SCMP_ARCHITECTURE_ARM, SCMP_ARCHITECTURE_RISCV64, SCMP_ARCHITECTURE_PPC64LE,
  };
  g_autoptr(ScmpFilter) filter = test_filter_new_x86_64 (NULL);

  g_test_summary ("scmp_filter_list_arches() returns exactly the ABIs, in order, "
                  "for 1 to 7 of them.");

  for (gsize i = 0; i <= G_N_ELEMENTS (added); i++)
    {
      g_autofree ScmpArchitecture *arches = NULL;
      gsize n = 0;

      if (i > 0)
        g_assert_true (scmp_filter_add_arch (filter, added[i - 1], NULL));
      arches = scmp_filter_list_arches (filter, &n);
      g_assert_cmpuint (n, ==, i + 1);
      g_assert_cmpint (arches[0], ==, SCMP_ARCHITECTURE_X86_64);
      for (gsize k = 0; k < i; k++)
        g_assert_cmpint (arches[k + 1], ==, added[k]);
    }
}

static void
test_x32_split (void)
{
  g_autoptr(ScmpAction) dflt = scmp_action_new_allow ();
  g_autoptr(ScmpFilter) filter = test_filter_new_x86_64 (dflt);
  g_autoptr(GError) error = NULL;
  g_autoptr(ScmpAction) got = NULL;
  int x32_getpid = scmp_syscall_resolve_name (SCMP_ARCHITECTURE_X32, "getpid");

  g_test_summary ("A filter for x86_64 alone must not run x32 calls as x86_64 calls.");

  g_assert_cmpint (x32_getpid, ==, X32_SYSCALL_BIT | 39);
  got = scmp_filter_evaluate (filter, SCMP_ARCHITECTURE_X86_64, x32_getpid, NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (scmp_action_get_kind (got), ==, SCMP_ACTION_KIND_KILL_PROCESS);
  g_clear_object (&got);

  /* And with x32 alone, x86_64 numbers are foreign. */
  g_assert_true (scmp_filter_add_arch (filter, SCMP_ARCHITECTURE_X32, &error));
  g_assert_true (scmp_filter_remove_arch (filter, SCMP_ARCHITECTURE_X86_64, &error));
  got = scmp_filter_evaluate (filter, SCMP_ARCHITECTURE_X86_64, 39, NULL, 0, &error);
  g_assert_cmpint (scmp_action_get_kind (got), ==, SCMP_ACTION_KIND_KILL_PROCESS);
  g_clear_object (&got);
  got = scmp_filter_evaluate (filter, SCMP_ARCHITECTURE_X32, x32_getpid, NULL, 0, &error);
  g_assert_cmpint (scmp_action_get_kind (got), ==, SCMP_ACTION_KIND_ALLOW);
}

static void
test_tracer_skip (void)
{
  g_autoptr(ScmpAction) dflt = scmp_action_new_errno (EPERM, NULL);
  g_autoptr(ScmpFilter) filter = test_filter_new_x86_64 (dflt);
  g_autoptr(GError) error = NULL;
  g_autoptr(ScmpAction) got = NULL;

  got = scmp_filter_evaluate (filter, SCMP_ARCHITECTURE_X86_64, -1, NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_true (scmp_action_equal (got, dflt));
  g_clear_object (&got);

  scmp_filter_set_allow_tracer_skip (filter, TRUE);
  got = scmp_filter_evaluate (filter, SCMP_ARCHITECTURE_X86_64, -1, NULL, 0, &error);
  g_assert_cmpint (scmp_action_get_kind (got), ==, SCMP_ACTION_KIND_ALLOW);
}

static void
test_64bit_compares (void)
{
  g_autoptr(ScmpAction) dflt = scmp_action_new_allow ();
  g_autoptr(ScmpAction) deny = scmp_action_new_errno (EPERM, NULL);
  g_autoptr(ScmpFilter) filter = test_filter_new_x86_64 (dflt);
  ScmpCondition big = { .arg = 1, .op = SCMP_COMPARE_OP_GE, .datum = G_GUINT64_CONSTANT (0x100000000) };
  ScmpCondition low32 = { .arg = 0, .op = SCMP_COMPARE_OP_EQ, .datum = 5, .is_32bit = TRUE };
  g_autoptr(ScmpRule) lseek = scmp_rule_newv ("lseek", deny, &big, 1);
  g_autoptr(ScmpRule) close_rule = scmp_rule_newv ("close", deny, &low32, 1);

  test_add_rule_ok (filter, lseek);
  test_add_rule_ok (filter, close_rule);

  assert_eval (filter, SCMP_ARCHITECTURE_X86_64, "lseek", 0, G_GUINT64_CONSTANT (0xffffffff), "allow");
  assert_eval (filter, SCMP_ARCHITECTURE_X86_64, "lseek", 0, G_GUINT64_CONSTANT (0x100000000), "errno(1)");
  assert_eval (filter, SCMP_ARCHITECTURE_X86_64, "lseek", 0, G_GUINT64_CONSTANT (0x7fffffffffffffff), "errno(1)");
  /* lseek's offset is an off_t: the kernel reads all ones as -1. */
  assert_eval (filter, SCMP_ARCHITECTURE_X86_64, "lseek", 0, G_MAXUINT64, "allow");
  /* The 32-bit compare ignores a garbage high word... */
  assert_eval (filter, SCMP_ARCHITECTURE_X86_64, "close", G_GUINT64_CONSTANT (0xdeadbeef00000005), 0, "errno(1)");
  assert_eval (filter, SCMP_ARCHITECTURE_X86_64, "close", 6, 0, "allow");
}

static void
test_multiplexer_never_laxer (void)
{
  g_autoptr(ScmpAction) dflt = scmp_action_new_errno (EPERM, NULL);
  g_autoptr(ScmpAction) allow = scmp_action_new_allow ();
  g_autoptr(ScmpFilter) filter = scmp_filter_new (dflt);
  ScmpCondition unix_only = { .arg = 0, .op = SCMP_COMPARE_OP_EQ, .datum = 1 };
  g_autoptr(ScmpRule) socket_unix = scmp_rule_newv ("socket", allow, &unix_only, 1);
  g_autoptr(ScmpRule) connect = scmp_rule_new ("connect", allow);
  int socketcall = scmp_syscall_resolve_name (SCMP_ARCHITECTURE_X86, "socketcall");
  guint64 sub_socket[6] = { 1, 0 }, sub_connect[6] = { 3, 0 }, sub_bind[6] = { 2, 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(ScmpAction) got = NULL;

  g_test_summary ("socketcall paths get the most restrictive outcome the rules could give.");

  g_assert_true (scmp_filter_add_arch (filter, SCMP_ARCHITECTURE_X86, &error));
  test_add_rule_ok (filter, socket_unix);
  test_add_rule_ok (filter, connect);

  /* The direct socket(2) checks the family. */
  assert_eval (filter, SCMP_ARCHITECTURE_X86, "socket", 1, 0, "allow");
  assert_eval (filter, SCMP_ARCHITECTURE_X86, "socket", 2, 0, "errno(1)");

  /* Through socketcall, the family is unreadable: the stricter outcome. */
  got = scmp_filter_evaluate (filter, SCMP_ARCHITECTURE_X86, socketcall, sub_socket, 6, &error);
  g_assert_no_error (error);
  g_assert_true (scmp_action_equal (got, dflt));
  g_clear_object (&got);

  /* An unconditional rule covers its sub-call exactly. */
  got = scmp_filter_evaluate (filter, SCMP_ARCHITECTURE_X86, socketcall, sub_connect, 6, &error);
  g_assert_cmpint (scmp_action_get_kind (got), ==, SCMP_ACTION_KIND_ALLOW);
  g_clear_object (&got);
  got = scmp_filter_evaluate (filter, SCMP_ARCHITECTURE_X86, socketcall, sub_bind, 6, &error);
  g_assert_true (scmp_action_equal (got, dflt));
  g_clear_object (&got);

  /* Several conditional rules for one sub-call (this once looped). */
  {
    g_autoptr(ScmpAction) eaf = scmp_action_new_errno (97, NULL);
    g_autoptr(ScmpAction) log = scmp_action_new_log ();
    ScmpCondition inet6 = { .arg = 0, .op = SCMP_COMPARE_OP_EQ, .datum = 10 };
    ScmpCondition netlink = { .arg = 0, .op = SCMP_COMPARE_OP_EQ, .datum = 16 };
    g_autoptr(ScmpRule) deny6 = scmp_rule_newv ("socket", eaf, &inet6, 1);
    g_autoptr(ScmpRule) log_netlink = scmp_rule_newv ("socket", log, &netlink, 1);

    test_add_rule_ok (filter, deny6);
    test_add_rule_ok (filter, log_netlink);
    got = scmp_filter_evaluate (filter, SCMP_ARCHITECTURE_X86, socketcall, sub_socket, 6, &error);
    g_assert_no_error (error);
    /* Possible: allow, errno(97), log, the default errno(1): the first of
     * the most restrictive wins. */
    g_assert_true (scmp_action_equal (got, eaf));
    assert_eval (filter, SCMP_ARCHITECTURE_X86, "socket", 16, 0, "log");
  }
}

static void
test_transactions (void)
{
  g_autoptr(ScmpAction) allow = scmp_action_new_allow ();
  g_autoptr(ScmpFilter) filter = test_filter_new_x86_64 (NULL);
  g_autoptr(ScmpRule) a = scmp_rule_new ("read", allow);
  g_autoptr(ScmpRule) b = scmp_rule_new ("write", allow);
  g_autoptr(GBytes) before = NULL, after = NULL;

  test_add_rule_ok (filter, a);
  before = scmp_filter_export_bpf (filter, NULL);

  scmp_filter_begin (filter);
  g_assert_true (scmp_filter_in_transaction (filter));
  test_add_rule_ok (filter, b);
  scmp_filter_remove_rule (filter, a);
  g_assert_true (scmp_filter_add_arch (filter, SCMP_ARCHITECTURE_X86, NULL));
  g_assert_true (scmp_filter_set_priority (filter, "write", 9, NULL));
  scmp_filter_rollback (filter);
  g_assert_false (scmp_filter_in_transaction (filter));

  g_assert_cmpuint (scmp_filter_get_n_rules (filter), ==, 1);
  g_assert_true (scmp_filter_get_rule (filter, 0) == a);
  g_assert_false (scmp_filter_has_arch (filter, SCMP_ARCHITECTURE_X86));
  g_assert_cmpuint (scmp_filter_get_priority (filter, "write"), ==, 0);
  after = scmp_filter_export_bpf (filter, NULL);
  g_assert_true (g_bytes_equal (before, after));

  /* Nested: the inner commit lands only if the outer one does. */
  scmp_filter_begin (filter);
  scmp_filter_begin (filter);
  test_add_rule_ok (filter, b);
  scmp_filter_commit (filter);
  g_assert_cmpuint (scmp_filter_get_n_rules (filter), ==, 2);
  scmp_filter_rollback (filter);
  g_assert_cmpuint (scmp_filter_get_n_rules (filter), ==, 1);

  scmp_filter_begin (filter);
  test_add_rule_ok (filter, b);
  scmp_filter_commit (filter);
  g_assert_cmpuint (scmp_filter_get_n_rules (filter), ==, 2);
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              gpointer    user_data)
{
  (*(guint *) user_data)++;
}

static void
test_transactions_rollback_changed_once (void)
{
  g_autoptr(ScmpAction) allow = scmp_action_new_allow ();
  g_autoptr(ScmpAction) trap = scmp_action_new_trap (0);
  g_autoptr(ScmpFilter) filter = test_filter_new_x86_64 (NULL);
  g_autoptr(ScmpRule) a = scmp_rule_new ("read", allow);
  g_autoptr(ScmpRule) b = scmp_rule_new ("write", allow);
  g_autoptr(GBytes) before = NULL, after = NULL;
  guint n_changed = 0, n_bad_arch = 0, n_tracer_skip = 0;

  g_test_summary ("A rollback that restores rules, the bad-arch action and "
                  "allow-tracer-skip at once emits ::changed once, and still "
                  "notifies each property it restores");

  test_add_rule_ok (filter, a);
  before = scmp_filter_export_bpf (filter, NULL);
  g_signal_connect (filter, "changed", G_CALLBACK (on_changed), &n_changed);
  g_signal_connect (filter, "notify::bad-arch-action", G_CALLBACK (count_notify), &n_bad_arch);
  g_signal_connect (filter, "notify::allow-tracer-skip", G_CALLBACK (count_notify), &n_tracer_skip);

  scmp_filter_begin (filter);
  test_add_rule_ok (filter, b);
  scmp_filter_set_bad_arch_action (filter, trap);
  scmp_filter_set_allow_tracer_skip (filter, TRUE);
  g_assert_cmpuint (n_changed, ==, 3);
  g_assert_cmpuint (n_bad_arch, ==, 1);
  g_assert_cmpuint (n_tracer_skip, ==, 1);

  n_changed = n_bad_arch = n_tracer_skip = 0;
  scmp_filter_rollback (filter);
  g_assert_cmpuint (n_changed, ==, 1);
  g_assert_cmpuint (n_bad_arch, ==, 1);
  g_assert_cmpuint (n_tracer_skip, ==, 1);

  g_assert_cmpuint (scmp_filter_get_n_rules (filter), ==, 1);
  g_assert_cmpint (scmp_action_get_kind (scmp_filter_get_bad_arch_action (filter)), ==,
                   SCMP_ACTION_KIND_KILL_PROCESS);
  g_assert_false (scmp_filter_get_allow_tracer_skip (filter));
  after = scmp_filter_export_bpf (filter, NULL);
  g_assert_true (g_bytes_equal (before, after));

  /* A rollback with nothing to undo emits it no more than once. */
  n_changed = 0;
  scmp_filter_begin (filter);
  scmp_filter_rollback (filter);
  g_assert_cmpuint (n_changed, <=, 1);
}

static void
test_merge_and_reset (void)
{
  g_autoptr(ScmpAction) dflt = scmp_action_new_errno (EPERM, NULL);
  g_autoptr(ScmpAction) other_dflt = scmp_action_new_allow ();
  g_autoptr(ScmpAction) allow = scmp_action_new_allow ();
  g_autoptr(ScmpAction) deny = scmp_action_new_errno (EACCES, NULL);
  g_autoptr(ScmpFilter) filter = test_filter_new_x86_64 (dflt);
  g_autoptr(ScmpFilter) other = test_filter_new_x86_64 (dflt);
  g_autoptr(ScmpFilter) conflicting = test_filter_new_x86_64 (dflt);
  g_autoptr(ScmpFilter) mismatched = test_filter_new_x86_64 (other_dflt);
  g_autoptr(ScmpRule) read_allow = scmp_rule_new ("read", allow);
  g_autoptr(ScmpRule) read_deny = scmp_rule_new ("read", deny);
  g_autoptr(ScmpRule) write_allow = scmp_rule_new ("write", allow);
  g_autoptr(GError) error = NULL;

  test_add_rule_ok (filter, read_allow);
  test_add_rule_ok (other, write_allow);
  g_assert_true (scmp_filter_add_arch (other, SCMP_ARCHITECTURE_X86, NULL));
  test_add_rule_ok (conflicting, read_deny);

  g_assert_false (scmp_filter_merge (filter, mismatched, &error));
  g_assert_error (error, SCMP_ERROR, SCMP_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_false (scmp_filter_merge (filter, conflicting, &error));
  g_assert_error (error, SCMP_ERROR, SCMP_ERROR_EXISTS);
  g_clear_error (&error);
  g_assert_cmpuint (scmp_filter_get_n_rules (filter), ==, 1);

  g_assert_true (scmp_filter_merge (filter, other, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (scmp_filter_get_n_rules (filter), ==, 2);
  g_assert_true (scmp_filter_has_arch (filter, SCMP_ARCHITECTURE_X86));
  assert_eval (filter, SCMP_ARCHITECTURE_X86, "write", 0, 0, "allow");
  g_assert_cmpuint (scmp_filter_get_n_rules (other), ==, 1);

  scmp_filter_reset (filter);
  g_assert_cmpuint (scmp_filter_get_n_rules (filter), ==, 0);
  g_assert_false (scmp_filter_has_arch (filter, SCMP_ARCHITECTURE_X86));
  g_assert_true (scmp_filter_has_arch (filter, SCMP_ARCHITECTURE_NATIVE));
}

/* What the read-only calls give for one filter. */
typedef struct {
  GBytes *bpf;
  char   *pfc;
  char   *verdicts;   /* scmp_filter_evaluate_syscall() on every probe */
} Outputs;

static void
outputs_clear (Outputs *out)
{
  g_clear_pointer (&out->bpf, g_bytes_unref);
  g_clear_pointer (&out->pfc, g_free);
  g_clear_pointer (&out->verdicts, g_free);
}

/* Computes @out, starting with call number @first of three, so that
 * threads race the first compilation from every entry point. */
static void
outputs_compute (ScmpFilter *filter,
                 guint       first,
                 Outputs    *out)
{
  static const struct {
    ScmpArchitecture arch;
    const char *syscall;
    guint64 arg0;
  } probes[] = {
    { SCMP_ARCHITECTURE_X86_64, "read", 0 },
    { SCMP_ARCHITECTURE_X86_64, "write", 1 },
    { SCMP_ARCHITECTURE_X86_64, "write", 2 },
    { SCMP_ARCHITECTURE_X86, "write", 1 },
    { SCMP_ARCHITECTURE_X86, "openat", 0 },
    { SCMP_ARCHITECTURE_X32, "socket", 2 },
    { SCMP_ARCHITECTURE_X32, "socket", 1 },
    { SCMP_ARCHITECTURE_X86_64, "getpid", 0 },
  };

  for (guint k = 0; k < 3; k++)
    {
      g_autoptr(GError) error = NULL;

      switch ((first + k) % 3)
        {
        case 0:
          out->bpf = scmp_filter_export_bpf (filter, &error);
          break;
        case 1:
          {
            g_autoptr(GString) verdicts = g_string_new (NULL);

            for (gsize i = 0; i < G_N_ELEMENTS (probes) && error == NULL; i++)
              {
                g_autoptr(ScmpAction) action =
                  scmp_filter_evaluate_syscall (filter, probes[i].arch, probes[i].syscall,
                                                &probes[i].arg0, 1, &error);
                g_autofree char *str = action != NULL ? scmp_action_to_string (action) : NULL;

                g_string_append_printf (verdicts, "%s ", str);
              }
            out->verdicts = g_string_free (g_steal_pointer (&verdicts), FALSE);
          }
          break;
        default:
          out->pfc = scmp_filter_export_pfc (filter, &error);
          break;
        }
      g_assert_no_error (error);
    }
}

static ScmpFilter *
new_threads_filter (void)
{
  g_autoptr(ScmpAction) allow = scmp_action_new_allow ();
  g_autoptr(ScmpAction) eacces = scmp_action_new_errno (EACCES, NULL);
  g_autoptr(ScmpAction) kill = scmp_action_new_kill_process ();
  g_autoptr(ScmpAction) deny = scmp_action_new_errno (EPERM, NULL);
  ScmpFilter *filter = test_filter_new_x86_64 (deny);
  ScmpCondition fd1 = { .arg = 0, .op = SCMP_COMPARE_OP_EQ, .datum = 1 };
  ScmpCondition inet = { .arg = 0, .op = SCMP_COMPARE_OP_EQ, .datum = 2 };
  g_autoptr(ScmpRule) read_rule = scmp_rule_new ("read", allow);
  g_autoptr(ScmpRule) write_rule = scmp_rule_newv ("write", allow, &fd1, 1);
  g_autoptr(ScmpRule) openat = scmp_rule_new ("openat", eacces);
  g_autoptr(ScmpRule) socket_rule = scmp_rule_newv ("socket", kill, &inet, 1);
  ScmpRule *rules[] = { read_rule, write_rule, openat, socket_rule };

  g_assert_true (scmp_filter_add_arch (filter, SCMP_ARCHITECTURE_X86, NULL));
  g_assert_true (scmp_filter_add_arch (filter, SCMP_ARCHITECTURE_X32, NULL));
  g_assert_true (scmp_filter_add_rules (filter, rules, G_N_ELEMENTS (rules), NULL));
  return filter;
}

#define N_READERS 8
#define N_ROUNDS 40
#define N_ITERATIONS 25

typedef struct {
  ScmpFilter    *filter;    /* shared, read-only while the readers run */
  const Outputs *expected;
  gint           go;
  gint           n_mismatches;
} Readers;

typedef struct {
  Readers *readers;
  guint    index;
} Reader;

static gpointer
reader_thread (gpointer data)
{
  Reader *reader = data;
  Readers *readers = reader->readers;

  /* Start together, so that the first calls race the compilation. An
   * atomic rather than a GCond: ThreadSanitizer sees atomics, not GLib's
   * futex-based locks. */
  while (!g_atomic_int_get (&readers->go))
    g_thread_yield ();

  for (guint i = 0; i < N_ITERATIONS; i++)
    {
      Outputs got = { 0 };

      outputs_compute (readers->filter, reader->index + i, &got);
      if (!g_bytes_equal (got.bpf, readers->expected->bpf) ||
          g_strcmp0 (got.pfc, readers->expected->pfc) != 0 ||
          g_strcmp0 (got.verdicts, readers->expected->verdicts) != 0)
        g_atomic_int_inc (&readers->n_mismatches);
      outputs_clear (&got);
    }
  return NULL;
}

static void
test_concurrent_reads (void)
{
  g_autoptr(ScmpFilter) reference = new_threads_filter ();
  Outputs expected = { 0 };

  g_test_summary ("Read-only calls on one filter from " G_STRINGIFY (N_READERS)
                  " threads, starting on an empty program cache, give what one "
                  "thread gets (and leak nothing, under ASan or valgrind).");

  outputs_compute (reference, 0, &expected);
  g_assert_cmpstr (expected.verdicts, ==,
                   "allow allow errno(1) allow errno(13) kill-process errno(1) errno(1) ");

  for (guint round = 0; round < N_ROUNDS; round++)
    {
      Readers readers = { .expected = &expected };
      Reader reader[N_READERS];
      GThread *threads[N_READERS];

      readers.filter = new_threads_filter ();
      for (guint i = 0; i < N_READERS; i++)
        {
          reader[i] = (Reader) { &readers, i };
          threads[i] = g_thread_new ("reader", reader_thread, &reader[i]);
        }

      g_atomic_int_set (&readers.go, TRUE);

      for (guint i = 0; i < N_READERS; i++)
        g_thread_join (threads[i]);
      g_assert_cmpint (readers.n_mismatches, ==, 0);

      g_object_unref (readers.filter);
    }
  outputs_clear (&expected);
}

static void
test_export (void)
{
  g_autoptr(ScmpAction) allow = scmp_action_new_allow ();
  g_autoptr(ScmpFilter) filter = test_filter_new_x86_64 (NULL);
  g_autoptr(ScmpRule) rule = scmp_rule_new ("read", allow);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(GBytes) streamed = NULL;
  g_autoptr(GError) error = NULL;
  guint8 from_fd[65536];
  const guint8 *data;
  gsize len;
  int fd;
  ssize_t n;

  test_add_rule_ok (filter, rule);
  bytes = scmp_filter_export_bpf (filter, &error);
  g_assert_no_error (error);
  data = g_bytes_get_data (bytes, &len);
  g_assert_cmpuint (len % 8, ==, 0);
  g_assert_cmpuint (len / 8, >, 3);
  g_assert_cmpuint (len / 8, <=, 4096);
  /* The first instruction loads the arch: BPF_LD|BPF_W|BPF_ABS (0x20), k = 4. */
  g_assert_cmpuint (data[0] | data[1] << 8, ==, 0x20);
  g_assert_cmpuint (data[4], ==, 4);

  g_assert_true (scmp_filter_write_bpf_to_stream (filter, stream, NULL, &error));
  g_assert_true (g_output_stream_close (stream, NULL, &error));
  streamed = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (stream));
  g_assert_true (g_bytes_equal (bytes, streamed));

  fd = scmp_filter_export_bpf_memfd (filter, &error);
  g_assert_no_error (error);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (fcntl (fd, F_GET_SEALS) & F_SEAL_WRITE, !=, 0);
  n = read (fd, from_fd, sizeof from_fd);
  g_assert_cmpint (n, ==, (ssize_t) len);
  g_assert_cmpmem (from_fd, n, data, len);
  close (fd);
}

static void
test_big_endian_export (void)
{
  g_autoptr(ScmpAction) allow = scmp_action_new_allow ();
  g_autoptr(ScmpFilter) filter = scmp_filter_new (NULL);
  g_autoptr(ScmpRule) rule = scmp_rule_new ("read", allow);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  const guint8 *data;

  g_assert_true (scmp_filter_remove_arch (filter, SCMP_ARCHITECTURE_NATIVE, &error));
  g_assert_true (scmp_filter_add_arch (filter, SCMP_ARCHITECTURE_S390X, &error));
  test_add_rule_ok (filter, rule);
  bytes = scmp_filter_export_bpf (filter, &error);
  g_assert_no_error (error);
  data = g_bytes_get_data (bytes, NULL);
  /* code 0x0020 and k = 4, both big endian. */
  g_assert_cmpuint (data[0], ==, 0x00);
  g_assert_cmpuint (data[1], ==, 0x20);
  g_assert_cmpuint (data[7], ==, 4);
  assert_eval (filter, SCMP_ARCHITECTURE_S390X, "read", 0, 0, "allow");
  assert_eval (filter, SCMP_ARCHITECTURE_S390X, "write", 0, 0, "kill-process");
}

static void
test_too_large (void)
{
  g_autoptr(ScmpAction) allow = scmp_action_new_allow ();
  g_autoptr(ScmpFilter) filter = test_filter_new_x86_64 (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;

  /* 3000 distinct 64-bit argument tests cannot fit in 4096 instructions
   * (on ioctl's arg and the registers after it: fd and cmd are 32-bit). */
  for (guint i = 0; i < 3000; i++)
    {
      ScmpCondition c = { .arg = 2 + i % 4, .op = SCMP_COMPARE_OP_EQ,
                          .datum = (G_GUINT64_CONSTANT (1) << 33) + i };
      g_autoptr(ScmpRule) rule = scmp_rule_newv ("ioctl", allow, &c, 1);

      test_add_rule_ok (filter, rule);
    }
  bytes = scmp_filter_export_bpf (filter, &error);
  g_assert_null (bytes);
  g_assert_error (error, SCMP_ERROR, SCMP_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "4096"));
}

static void
test_pfc_golden (void)
{
  g_autoptr(ScmpAction) dflt = scmp_action_new_errno (EPERM, NULL);
  g_autoptr(ScmpAction) allow = scmp_action_new_allow ();
  g_autoptr(ScmpAction) eafnosupport = scmp_action_new_errno (97, NULL);
  g_autoptr(ScmpFilter) filter = test_filter_new_x86_64 (dflt);
  ScmpCondition inet = { .arg = 0, .op = SCMP_COMPARE_OP_EQ, .datum = 2 };
  ScmpCondition stdout_fd = { .arg = 0, .op = SCMP_COMPARE_OP_LE, .datum = 2, .is_32bit = TRUE };
  ScmpCondition flags = { .arg = 2, .op = SCMP_COMPARE_OP_MASKED_EQ, .mask = 3, .datum = 0 };
  g_autoptr(ScmpRule) r1 = scmp_rule_newv ("socket", eafnosupport, &inet, 1);
  g_autoptr(ScmpRule) r2 = scmp_rule_newv ("write", allow, &stdout_fd, 1);
  g_autoptr(ScmpRule) r3 = scmp_rule_newv ("openat", allow, &flags, 1);
  g_autoptr(ScmpRule) r4 = scmp_rule_new ("exit_group", allow);
  g_autoptr(GError) error = NULL;
  g_autofree char *pfc = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "deny-network.pfc", NULL);

  test_add_rule_ok (filter, r1);
  test_add_rule_ok (filter, r2);
  test_add_rule_ok (filter, r3);
  test_add_rule_ok (filter, r4);
  g_assert_true (scmp_filter_add_arch (filter, SCMP_ARCHITECTURE_X86, &error));

  pfc = scmp_filter_export_pfc (filter, &error);
  g_assert_no_error (error);
  if (g_getenv ("SCMP_UPDATE_GOLDEN") != NULL)
    g_assert_true (g_file_set_contents (path, pfc, -1, &error));
  g_assert_true (g_file_get_contents (path, &expected, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (pfc, ==, expected);
}

static void
test_preconditions (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(ScmpAction) allow = scmp_action_new_allow ();
      g_autoptr(ScmpRule) rule = scmp_rule_new ("read", allow);

      scmp_filter_add_rule (NULL, rule, NULL);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*Scmp-CRITICAL*SCMP_IS_FILTER*");
}

/* More than six arguments is a GError (from bindings, it used to be a
 * CRITICAL and NULL); the filter still evaluates afterwards. */
static void
test_evaluate_too_many_args (void)
{
  g_autoptr(ScmpAction) allow = scmp_action_new_allow ();
  g_autoptr(ScmpFilter) filter = scmp_filter_new (allow);
  const guint64 args[7] = { 1, 2, 3, 4, 5, 6, 7 };
  g_autoptr(GError) error = NULL;
  g_autoptr(ScmpAction) none = NULL;
  g_autoptr(ScmpAction) six = NULL;

  none = scmp_filter_evaluate_syscall (filter, SCMP_ARCHITECTURE_NATIVE, "write", args, 7, &error);
  g_assert_null (none);
  g_assert_error (error, SCMP_ERROR, SCMP_ERROR_INVALID_ARGUMENT);
  g_assert_nonnull (strstr (error->message, "at most 6 arguments, not 7"));
  g_clear_error (&error);

  six = scmp_filter_evaluate_syscall (filter, SCMP_ARCHITECTURE_NATIVE, "write", args, 6, &error);
  g_assert_no_error (error);
  g_assert_cmpint (scmp_action_get_kind (six), ==, SCMP_ACTION_KIND_ALLOW);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/filter/new/defaults", test_new_defaults);
  g_test_add_func ("/filter/semantics/first-match", test_first_match_order);
  g_test_add_func ("/filter/semantics/exists", test_exists);
  g_test_add_func ("/filter/semantics/late-arches", test_arches_late);
  g_test_add_func ("/filter/semantics/x32-split", test_x32_split);
  g_test_add_func ("/filter/arches/list", test_list_arches);
  g_test_add_func ("/filter/evaluate/too-many-args", test_evaluate_too_many_args);
  g_test_add_func ("/filter/semantics/tracer-skip", test_tracer_skip);
  g_test_add_func ("/filter/semantics/64bit-compares", test_64bit_compares);
  g_test_add_func ("/filter/semantics/multiplexer-never-laxer", test_multiplexer_never_laxer);
  g_test_add_func ("/filter/bad-input/unchanged", test_bad_input_unchanged);
  g_test_add_func ("/filter/bad-input/no-arch", test_no_arch);
  g_test_add_func ("/filter/bad-input/preconditions", test_preconditions);
  g_test_add_func ("/filter/signals", test_signals);
  for (gsize i = 0; i < G_N_ELEMENTS (drop_cases); i++)
    {
      g_autofree char *path = g_strconcat ("/filter/last-ref-in-handler/",
                                           drop_cases[i].name, NULL);

      g_test_add_data_func (path, &drop_cases[i], test_signal_drops_last_ref);
    }
  g_test_add_func ("/filter/add-rules", test_add_rules);
  g_test_add_func ("/filter/properties", test_properties);
  g_test_add_func ("/filter/transactions", test_transactions);
  g_test_add_func ("/filter/transactions/rollback-changed-once",
                   test_transactions_rollback_changed_once);
  g_test_add_func ("/filter/merge-reset", test_merge_and_reset);
  g_test_add_func ("/filter/threads/concurrent-reads", test_concurrent_reads);
  g_test_add_func ("/filter/export/bpf", test_export);
  g_test_add_func ("/filter/export/big-endian", test_big_endian_export);
  g_test_add_func ("/filter/export/too-large", test_too_large);
  g_test_add_func ("/filter/export/pfc-golden", test_pfc_golden);

  return g_test_run ();
}
