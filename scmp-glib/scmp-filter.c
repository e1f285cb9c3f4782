/* scmp-filter.c
 *
 * SPDX-FileCopyrightText: 2026 The scmp-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "scmp-filter.h"
#include "scmp-filter-private.h"

#include "scmp-arch-private.h"
#include "scmp-condition-private.h"
#include "scmp-error.h"
#include "scmp-error-private.h"
#include "scmp-rule-private.h"

#include <unistd.h>

/**
 * SECTION:scmp-filter
 * @title: ScmpFilter
 * @short_description: a seccomp filter: rules, architectures, attributes
 *
 * An #ScmpFilter is an ordered list of #ScmpRule objects, a set of
 * architectures (ABIs) and a few attributes. It compiles them into a
 * classic-BPF program that can be exported (scmp_filter_export_bpf(),
 * scmp_filter_export_bpf_memfd() for `bwrap --seccomp`), printed as
 * readable pseudo code (scmp_filter_export_pfc()), tried out
 * (scmp_filter_evaluate()) or loaded into the kernel (scmp_filter_load()).
 *
 * ## Semantics
 *
 * For a system call made on one of the filter's architectures, the
 * <emphasis>first rule, in list order, whose syscall is the one called and
 * whose conditions all hold decides</emphasis> the action. When no rule matches, the
 * default action applies. Calls from an architecture that is not in the
 * filter get the #ScmpFilter:bad-arch-action.
 *
 * Adding a rule for a syscall with the same conditions as an earlier rule
 * is a no-op when the action is the same, and fails with
 * %SCMP_ERROR_EXISTS when it is not: a filter never ignores a rule
 * silently.
 *
 * Syscall names are resolved for each architecture when the filter is
 * compiled, so an architecture added after the rules gets them all. A
 * syscall that an architecture lacks is skipped there, unless the rule is
 * exact (scmp_rule_new_exact()), in which case adding the rule or the
 * architecture fails.
 *
 * On the ABIs that multiplex socket and System V IPC calls through
 * socketcall(2) and ipc(2), a rule for, say, `connect` covers both the
 * direct syscall and the multiplexer with the matching sub-call. A
 * filter cannot read the arguments of a multiplexed call (they are behind
 * a pointer), so there the outcome is the most restrictive one the rules
 * could give: the compiled filter is never laxer than the rules ask.
 *
 * Conditions compare each argument as the kernel reads it on each ABI: an
 * `int` in its low 32 bits and signed, a `umode_t` in 16 bits, a `long` or
 * a pointer in the full register, so bits the kernel ignores never change
 * a verdict. A value the argument cannot hold is refused with
 * %SCMP_ERROR_INVALID_ARGUMENT rather than truncated.
 *
 * The x32 ABI shares x86-64's audit token; the filter tells the two apart
 * by the x32 bit of the syscall number. A syscall number of -1 (a tracer
 * skipping the call) gets the default action, or ALLOW when
 * #ScmpFilter:allow-tracer-skip is set.
 *
 * Every failed call leaves the filter exactly as it was.
 *
 * ## Threads
 *
 * A filter can be read from several threads at once as long as none of
 * them changes it. These calls only read, and may run concurrently on one
 * filter, in any mix:
 *
 * - the exports: scmp_filter_export_bpf(), scmp_filter_write_bpf_to_fd(),
 *   scmp_filter_write_bpf_to_stream() (each thread with a stream of its
 *   own), scmp_filter_export_bpf_memfd(), scmp_filter_export_pfc(),
 *   scmp_filter_export_oci() and scmp_filter_serialize();
 * - trying calls out: scmp_filter_evaluate(),
 *   scmp_filter_evaluate_syscall(), scmp_filter_explain() and
 *   scmp_filter_explain_syscall();
 * - scmp_filter_lint();
 * - scmp_filter_prepare();
 * - the getters, g_object_get() and the #GListModel methods.
 *
 * The program is compiled once, by whichever of them needs it first,
 * while the others wait for it; each thread gets its own results (the
 * #GBytes, strings, actions, verdicts and lists returned are new, or
 * immutable). Every other call changes the filter: adding or removing
 * rules and architectures, the setters (g_object_set() too), priorities,
 * scmp_filter_merge() (on @self; @other is only read),
 * scmp_filter_reset(), transactions, loading and taking the listener fd.
 * A change must not run at the same time as any other call on the same
 * filter, a read included: use the filter from one thread, or hold a lock
 * of your own around changes and reads alike. Signals
 * (#GListModel::items-changed, #ScmpFilter::rule-added,
 * #ScmpFilter::rule-removed, #ScmpFilter::changed and the
 * #GObject::notify of the properties) are emitted in the thread that
 * makes the change, synchronously, from within the call that makes it
 * (scmp_filter_rollback() included), never from a main context.
 * Different filters need no care at all: each thread may build, use and
 * free filters of its own while others use theirs. Actions and rules are
 * immutable and can be shared between threads freely.
 *
 * The test suite holds the library to this: tests/test-threads.c has eight
 * threads make the read-only calls on one filter, from a fresh process,
 * while a ninth builds and frees filters, under ThreadSanitizer too.
 *
 * |[<!-- language="C" -->
 * g_autoptr(ScmpAction) deny = scmp_action_new_errno (EPERM, NULL);
 * g_autoptr(ScmpFilter) filter = scmp_filter_new (deny);
 * g_autoptr(ScmpAction) allow = scmp_action_new_allow ();
 * ScmpCondition to_stdout = { .arg = 0, .op = SCMP_COMPARE_OP_EQ, .datum = 1 };
 * g_autoptr(ScmpRule) rule = scmp_rule_newv ("write", allow, &to_stdout, 1);
 * g_autoptr(GError) error = NULL;
 *
 * if (!scmp_filter_add_rule (filter, rule, &error) ||
 *     !scmp_filter_load (filter, &error))
 *   g_printerr ("%s\n", error->message);
 * ]|
 */

static void scmp_filter_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (ScmpFilter, scmp_filter, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      scmp_filter_list_model_init))

GParamSpec *_scmp_filter_properties[SCMP_FILTER_N_PROPS];

enum {
  RULE_ADDED,
  RULE_REMOVED,
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ------------------------------------------------------------------ */

static GHashTable *
priorities_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

GHashTable *
_scmp_filter_priorities_copy (GHashTable *src)
{
  GHashTable *copy = priorities_new ();
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, src);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (copy, g_strdup (key), value);
  return copy;
}

/* Drops the compiled program and tells listeners. Every public method
 * that emits holds a reference on the filter until it returns: a handler
 * may drop the caller's last one. */
void
_scmp_filter_invalidate (ScmpFilter *self)
{
  g_clear_pointer (&self->program, _scmp_program_free);
  g_signal_emit (self, signals[CHANGED], 0);
}

gboolean
_scmp_filter_arches_contain (GArray           *arches,
                             ScmpArchitecture  arch)
{
  for (guint i = 0; i < arches->len; i++)
    if (g_array_index (arches, ScmpArchitecture, i) == arch)
      return TRUE;
  return FALSE;
}

/* Equal for rules with the same syscall and the same set of conditions
 * (in any order, repeats ignored), the rules the EXISTS check compares. */
static guint
rule_hash (gconstpointer data)
{
  ScmpRule *rule = (ScmpRule *) data;
  int idx = _scmp_rule_get_syscall_index (rule);
  guint n;
  const ScmpCondition *conds = _scmp_rule_get_conditions (rule, &n);
  ScmpArchitecture nr_arch;
  guint32 first, last;
  guint key;

  if (_scmp_rule_get_number_range (rule, &nr_arch, &first, &last))
    key = nr_arch * 7919u + first * 31u + last;
  else
    key = idx >= 0 ? (guint) idx : g_str_hash (scmp_rule_get_syscall (rule));

  key += _scmp_conditions_hash_set (conds, n);
  return key;
}

static gboolean
rule_equal (gconstpointer a,
            gconstpointer b)
{
  return scmp_rule_same_conditions ((ScmpRule *) a, (ScmpRule *) b);
}

GHashTable *
_scmp_filter_rule_set_new (void)
{
  return g_hash_table_new (rule_hash, rule_equal);
}

/* ::rule-added or ::rule-removed, with the rule's syscall as the detail:
 * interning only names someone may listen for, the GActionGroup way. */
static void
emit_rule_signal (ScmpFilter *self,
                  guint       signal,
                  ScmpRule   *rule,
                  guint       position)
{
  g_signal_emit (self, signals[signal],
                 g_quark_try_string (scmp_rule_get_syscall (rule)), rule, position);
}

/* Inserts without checks; emits the list and rule signals. */
void
_scmp_filter_insert_rule_unchecked (ScmpFilter *self,
                                    guint       position,
                                    ScmpRule   *rule)
{
  g_ptr_array_insert (self->rules, position, g_object_ref (rule));
  g_hash_table_add (self->rule_set, rule);
  g_list_model_items_changed (G_LIST_MODEL (self), position, 0, 1);
  g_object_notify_by_pspec (G_OBJECT (self), _scmp_filter_properties[SCMP_FILTER_PROP_N_RULES]);
  emit_rule_signal (self, RULE_ADDED, rule, position);
}

/* Appends @rules (already in the rule set) without checks: one list and
 * n-rules notification for all of them, then ::rule-added for each. */
void
_scmp_filter_append_rules_unchecked (ScmpFilter *self,
                                     ScmpRule  **rules,
                                     guint       n_rules)
{
  guint first = self->rules->len;

  if (n_rules == 0)
    return;
  for (guint i = 0; i < n_rules; i++)
    g_ptr_array_add (self->rules, g_object_ref (rules[i]));
  g_list_model_items_changed (G_LIST_MODEL (self), first, 0, n_rules);
  g_object_notify_by_pspec (G_OBJECT (self), _scmp_filter_properties[SCMP_FILTER_PROP_N_RULES]);
  for (guint i = 0; i < n_rules; i++)
    emit_rule_signal (self, RULE_ADDED, rules[i], first + i);
}

void
_scmp_filter_remove_rule_unchecked (ScmpFilter *self,
                                    guint       position)
{
  g_autoptr(ScmpRule) rule = g_object_ref (g_ptr_array_index (self->rules, position));

  g_ptr_array_remove_index (self->rules, position);
  g_hash_table_remove (self->rule_set, rule);
  g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 0);
  g_object_notify_by_pspec (G_OBJECT (self), _scmp_filter_properties[SCMP_FILTER_PROP_N_RULES]);
  emit_rule_signal (self, RULE_REMOVED, rule, position);
}

/* Replaces the rule at @from, which @rule equals, with @rule at @to
 * (@to < @from): one list change over the rules in between, then
 * ::rule-removed and ::rule-added. n-rules stays. */
void
_scmp_filter_move_rule_unchecked (ScmpFilter *self,
                                  guint       from,
                                  guint       to,
                                  ScmpRule   *rule)
{
  g_autoptr(ScmpRule) old = g_object_ref (g_ptr_array_index (self->rules, from));

  g_assert (to < from);
  g_ptr_array_remove_index (self->rules, from);
  g_hash_table_remove (self->rule_set, old);
  g_ptr_array_insert (self->rules, to, g_object_ref (rule));
  g_hash_table_add (self->rule_set, rule);
  g_list_model_items_changed (G_LIST_MODEL (self), to, from - to + 1, from - to + 1);
  emit_rule_signal (self, RULE_REMOVED, old, from);
  emit_rule_signal (self, RULE_ADDED, rule, to);
}

/* Replaces the @n_removed rules from @position with @added: one list
 * change and n-rules notification, then ::rule-removed for each rule
 * taken out (the last first) and ::rule-added for each rule put in. The
 * result must be a valid list (no two equal rules). */
void
_scmp_filter_splice_rules_unchecked (ScmpFilter *self,
                                     guint       position,
                                     guint       n_removed,
                                     ScmpRule  **added,
                                     guint       n_added)
{
  g_autoptr(GPtrArray) removed = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) inserted = g_ptr_array_new_with_free_func (g_object_unref);

  g_assert (position + n_removed <= self->rules->len);
  if (n_removed == 0 && n_added == 0)
    return;

  /* Out first, then in: an added rule may equal a removed one. */
  for (guint i = 0; i < n_removed; i++)
    {
      ScmpRule *rule = g_ptr_array_index (self->rules, position + i);

      g_ptr_array_add (removed, g_object_ref (rule));
      g_hash_table_remove (self->rule_set, rule);
    }
  g_ptr_array_remove_range (self->rules, position, n_removed);
  for (guint i = 0; i < n_added; i++)
    {
      /* Held here too: @added may belong to something a handler frees. */
      g_ptr_array_add (inserted, g_object_ref (added[i]));
      g_ptr_array_insert (self->rules, position + i, g_object_ref (added[i]));
      g_hash_table_add (self->rule_set, added[i]);
    }

  g_list_model_items_changed (G_LIST_MODEL (self), position, n_removed, n_added);
  if (n_removed != n_added)
    g_object_notify_by_pspec (G_OBJECT (self), _scmp_filter_properties[SCMP_FILTER_PROP_N_RULES]);
  for (guint i = n_removed; i-- > 0;)
    {
      ScmpRule *rule = g_ptr_array_index (removed, i);

      emit_rule_signal (self, RULE_REMOVED, rule, position + i);
    }
  for (guint i = 0; i < n_added; i++)
    {
      ScmpRule *rule = g_ptr_array_index (inserted, i);

      emit_rule_signal (self, RULE_ADDED, rule, position + i);
    }
}

/* ------------------------------------------------------------------ */
/* GListModel                                                          */
/* ------------------------------------------------------------------ */

static GType
scmp_filter_get_item_type (GListModel *model)
{
  return SCMP_TYPE_RULE;
}

static guint
scmp_filter_get_n_items (GListModel *model)
{
  return SCMP_FILTER (model)->rules->len;
}

static gpointer
scmp_filter_get_item (GListModel *model,
                      guint       position)
{
  ScmpFilter *self = SCMP_FILTER (model);

  if (position >= self->rules->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->rules, position));
}

static void
scmp_filter_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = scmp_filter_get_item_type;
  iface->get_n_items = scmp_filter_get_n_items;
  iface->get_item = scmp_filter_get_item;
}

/* ------------------------------------------------------------------ */
/* GObject                                                             */
/* ------------------------------------------------------------------ */

static void
scmp_filter_finalize (GObject *object)
{
  ScmpFilter *self = SCMP_FILTER (object);

  g_clear_object (&self->default_action);
  g_clear_object (&self->bad_arch_action);
  g_clear_object (&self->unknown_action);
  g_clear_pointer (&self->rules, g_ptr_array_unref);
  g_clear_pointer (&self->rule_set, g_hash_table_unref);
  g_clear_pointer (&self->arches, g_array_unref);
  g_clear_pointer (&self->priorities, g_hash_table_unref);
  g_clear_pointer (&self->transactions, g_ptr_array_unref);
  g_clear_pointer (&self->program, _scmp_program_free);
  g_mutex_clear (&self->program_lock);
  if (self->listener_fd >= 0)
    close (self->listener_fd);

  G_OBJECT_CLASS (scmp_filter_parent_class)->finalize (object);
}

static void
scmp_filter_constructed (GObject *object)
{
  ScmpFilter *self = SCMP_FILTER (object);

  G_OBJECT_CLASS (scmp_filter_parent_class)->constructed (object);

  if (self->default_action == NULL)
    self->default_action = scmp_action_new_kill_process ();
}

static void
scmp_filter_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  ScmpFilter *self = SCMP_FILTER (object);

  switch (prop_id)
    {
    case SCMP_FILTER_PROP_DEFAULT_ACTION:
      g_value_set_object (value, self->default_action);
      break;
    case SCMP_FILTER_PROP_BAD_ARCH_ACTION:
      g_value_set_object (value, self->bad_arch_action);
      break;

    case SCMP_FILTER_PROP_UNKNOWN_SYSCALL_ACTION:
      g_value_set_object (value, self->unknown_action);
      break;
    case SCMP_FILTER_PROP_NO_NEW_PRIVS:
      g_value_set_boolean (value, self->no_new_privs);
      break;
    case SCMP_FILTER_PROP_THREAD_SYNC:
      g_value_set_boolean (value, self->thread_sync);
      break;
    case SCMP_FILTER_PROP_LOG:
      g_value_set_boolean (value, self->log);
      break;
    case SCMP_FILTER_PROP_SPEC_ALLOW:
      g_value_set_boolean (value, self->spec_allow);
      break;
    case SCMP_FILTER_PROP_WAIT_KILLABLE:
      g_value_set_boolean (value, self->wait_killable);
      break;
    case SCMP_FILTER_PROP_ALLOW_TRACER_SKIP:
      g_value_set_boolean (value, self->allow_tracer_skip);
      break;

    case SCMP_FILTER_PROP_KNOWN_KERNEL:
      g_value_take_string (value, scmp_filter_dup_known_kernel (self));
      break;
    case SCMP_FILTER_PROP_N_RULES:
      g_value_set_uint (value, self->rules->len);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
scmp_filter_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  ScmpFilter *self = SCMP_FILTER (object);

  switch (prop_id)
    {
    case SCMP_FILTER_PROP_DEFAULT_ACTION:
      self->default_action = g_value_dup_object (value);
      break;
    case SCMP_FILTER_PROP_BAD_ARCH_ACTION:
      scmp_filter_set_bad_arch_action (self, g_value_get_object (value));
      break;

    case SCMP_FILTER_PROP_UNKNOWN_SYSCALL_ACTION:
      scmp_filter_set_unknown_syscall_action (self, g_value_get_object (value));
      break;
    case SCMP_FILTER_PROP_NO_NEW_PRIVS:
      scmp_filter_set_no_new_privs (self, g_value_get_boolean (value));
      break;
    case SCMP_FILTER_PROP_THREAD_SYNC:
      scmp_filter_set_thread_sync (self, g_value_get_boolean (value));
      break;
    case SCMP_FILTER_PROP_LOG:
      scmp_filter_set_log (self, g_value_get_boolean (value));
      break;
    case SCMP_FILTER_PROP_SPEC_ALLOW:
      scmp_filter_set_spec_allow (self, g_value_get_boolean (value));
      break;
    case SCMP_FILTER_PROP_WAIT_KILLABLE:
      scmp_filter_set_wait_killable (self, g_value_get_boolean (value));
      break;
    case SCMP_FILTER_PROP_ALLOW_TRACER_SKIP:
      scmp_filter_set_allow_tracer_skip (self, g_value_get_boolean (value));
      break;

    case SCMP_FILTER_PROP_KNOWN_KERNEL:
      {
        g_autoptr(GError) error = NULL;

        if (!scmp_filter_set_known_kernel (self, g_value_get_string (value), &error))
          g_critical ("ScmpFilter:known-kernel: %s", error->message);
      }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
scmp_filter_class_init (ScmpFilterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = scmp_filter_finalize;
  object_class->constructed = scmp_filter_constructed;
  object_class->get_property = scmp_filter_get_property;
  object_class->set_property = scmp_filter_set_property;

  /**
   * ScmpFilter:default-action: (attributes org.gtk.Property.get=scmp_filter_get_default_action)
   *
   * The action for calls that no rule matches. Set at construction; a
   * filter built without one kills the process.
   *
   * Since: 0.1
   */
  _scmp_filter_properties[SCMP_FILTER_PROP_DEFAULT_ACTION] =
    g_param_spec_object ("default-action", NULL, "The action for calls that no rule matches",
                         SCMP_TYPE_ACTION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * ScmpFilter:bad-arch-action: (attributes org.gtk.Property.get=scmp_filter_get_bad_arch_action org.gtk.Property.set=scmp_filter_set_bad_arch_action)
   *
   * The action for calls made from an architecture the filter does not
   * cover. Kill-process by default.
   *
   * Since: 0.1
   */
  _scmp_filter_properties[SCMP_FILTER_PROP_BAD_ARCH_ACTION] =
    g_param_spec_object ("bad-arch-action", NULL, "The action for calls made from an architecture the filter does not cover",
                         SCMP_TYPE_ACTION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * ScmpFilter:unknown-syscall-action: (attributes org.gtk.Property.get=scmp_filter_get_unknown_syscall_action org.gtk.Property.set=scmp_filter_set_unknown_syscall_action)
   *
   * The action for syscall numbers the tables do not name on an ABI of
   * the filter — numbers above the newest syscall, holes between
   * numbers, private numbers — where no rule decides; %NULL (the
   * default) gives them the default action like every other call.
   *
   * With `errno(ENOSYS)` a filter says "this syscall does not exist" for
   * every call newer than it knows, which is what C libraries expect
   * before they fall back to an older call (clone3() to clone(),
   * faccessat2() to faccessat()), while the default action can still be
   * a harsher one for the calls it does know. It costs no instruction
   * beyond the ranges it adds.
   *
   * Since: 0.1
   */
  _scmp_filter_properties[SCMP_FILTER_PROP_UNKNOWN_SYSCALL_ACTION] =
    g_param_spec_object ("unknown-syscall-action", NULL, "The action for syscall numbers the tables do not name on an ABI of the filter",
                         SCMP_TYPE_ACTION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * ScmpFilter:no-new-privs: (attributes org.gtk.Property.get=scmp_filter_get_no_new_privs org.gtk.Property.set=scmp_filter_set_no_new_privs)
   *
   * Whether scmp_filter_load() sets `PR_SET_NO_NEW_PRIVS` first, which an
   * unprivileged process needs to load a filter. On by default.
   *
   * Since: 0.1
   */
  _scmp_filter_properties[SCMP_FILTER_PROP_NO_NEW_PRIVS] =
    g_param_spec_boolean ("no-new-privs", NULL, "Whether scmp_filter_load() sets PR_SET_NO_NEW_PRIVS first", TRUE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * ScmpFilter:thread-sync: (attributes org.gtk.Property.get=scmp_filter_get_thread_sync org.gtk.Property.set=scmp_filter_set_thread_sync)
   *
   * Whether the filter is loaded on every thread of the process
   * (`SECCOMP_FILTER_FLAG_TSYNC`).
   *
   * Since: 0.1
   */
  _scmp_filter_properties[SCMP_FILTER_PROP_THREAD_SYNC] =
    g_param_spec_boolean ("thread-sync", NULL, "Whether the filter is loaded on every thread of the process", FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * ScmpFilter:log: (attributes org.gtk.Property.get=scmp_filter_get_log org.gtk.Property.set=scmp_filter_set_log)
   *
   * Whether the kernel logs every action the filter takes except ALLOW
   * (`SECCOMP_FILTER_FLAG_LOG`).
   *
   * Since: 0.1
   */
  _scmp_filter_properties[SCMP_FILTER_PROP_LOG] =
    g_param_spec_boolean ("log", NULL, "Whether the kernel logs every action the filter takes except ALLOW", FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * ScmpFilter:spec-allow: (attributes org.gtk.Property.get=scmp_filter_get_spec_allow org.gtk.Property.set=scmp_filter_set_spec_allow)
   *
   * Whether loading the filter leaves the speculative store bypass
   * mitigation off (`SECCOMP_FILTER_FLAG_SPEC_ALLOW`).
   *
   * Since: 0.1
   */
  _scmp_filter_properties[SCMP_FILTER_PROP_SPEC_ALLOW] =
    g_param_spec_boolean ("spec-allow", NULL, "Whether loading the filter leaves the speculative store bypass mitigation off", FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * ScmpFilter:wait-killable: (attributes org.gtk.Property.get=scmp_filter_get_wait_killable org.gtk.Property.set=scmp_filter_set_wait_killable)
   *
   * Whether a call waiting for a user-notification supervisor can only be
   * interrupted by a fatal signal once the supervisor has received it
   * (`SECCOMP_FILTER_FLAG_WAIT_KILLABLE_RECV`). Used only by filters with
   * a NOTIFY action.
   *
   * Since: 0.1
   */
  _scmp_filter_properties[SCMP_FILTER_PROP_WAIT_KILLABLE] =
    g_param_spec_boolean ("wait-killable", NULL, "Whether a call waiting for a supervisor can only be killed", FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * ScmpFilter:allow-tracer-skip: (attributes org.gtk.Property.get=scmp_filter_get_allow_tracer_skip org.gtk.Property.set=scmp_filter_set_allow_tracer_skip)
   *
   * Whether syscall number -1, which a ptrace tracer sets to skip a call
   * (the filter runs again after the tracer since Linux 4.8), is allowed.
   * When off, it gets the default action.
   *
   * Since: 0.1
   */
  _scmp_filter_properties[SCMP_FILTER_PROP_ALLOW_TRACER_SKIP] =
    g_param_spec_boolean ("allow-tracer-skip", NULL, "Whether a ptrace tracer may skip a call with syscall number -1", FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * ScmpFilter:known-kernel: (attributes org.gtk.Property.get=scmp_filter_dup_known_kernel org.gtk.Property.set=scmp_filter_set_known_kernel)
   *
   * The newest Linux release the policy was written for, as "6.1" (5.1 or
   * newer: the tables' history of when syscalls came starts there); %NULL
   * (the default) for none. Syscalls the tables know were added after it
   * on an ABI are treated there like numbers the tables do not name: they
   * get #ScmpFilter:unknown-syscall-action where no rule decides. A
   * policy written for 6.1 with `errno(ENOSYS)` as that action so tells
   * a program "no such call" for everything newer than what it allows or
   * denies by name, which is the answer C libraries fall back on.
   *
   * Since: 0.1
   */
  _scmp_filter_properties[SCMP_FILTER_PROP_KNOWN_KERNEL] =
    g_param_spec_string ("known-kernel", NULL, "The newest Linux release the policy was written for, as \"6.1\"", NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * ScmpFilter:n-rules: (attributes org.gtk.Property.get=scmp_filter_get_n_rules)
   *
   * The number of rules in the filter.
   *
   * Since: 0.1
   */
  _scmp_filter_properties[SCMP_FILTER_PROP_N_RULES] =
    g_param_spec_uint ("n-rules", NULL, "The number of rules in the filter", 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, SCMP_FILTER_N_PROPS, _scmp_filter_properties);

  /**
   * ScmpFilter::rule-added:
   * @self: the filter
   * @rule: the rule added
   * @position: its position in the list
   *
   * Emitted after a rule was added. The detail is the rule's syscall name,
   * so `rule-added::openat` is emitted only for rules about openat().
   *
   * Since: 0.1
   */
  signals[RULE_ADDED] =
    g_signal_new ("rule-added", G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, SCMP_TYPE_RULE, G_TYPE_UINT);

  /**
   * ScmpFilter::rule-removed:
   * @self: the filter
   * @rule: the rule removed
   * @position: the position it had
   *
   * Emitted after a rule was removed, detailed by its syscall name.
   *
   * Since: 0.1
   */
  signals[RULE_REMOVED] =
    g_signal_new ("rule-removed", G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, SCMP_TYPE_RULE, G_TYPE_UINT);

  /**
   * ScmpFilter::changed:
   * @self: the filter
   *
   * Emitted after any change that alters the compiled program: rules,
   * architectures, the bad-arch action, priorities, the tracer-skip
   * setting, a reset or a rolled-back transaction.
   *
   * Since: 0.1
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
scmp_filter_init (ScmpFilter *self)
{
  ScmpArchitecture native = scmp_architecture_get_native ();

  self->rules = g_ptr_array_new_with_free_func (g_object_unref);
  self->rule_set = _scmp_filter_rule_set_new ();
  self->arches = g_array_new (FALSE, FALSE, sizeof (ScmpArchitecture));
  g_array_append_val (self->arches, native);
  self->priorities = priorities_new ();
  self->transactions = g_ptr_array_new_with_free_func (_scmp_filter_snapshot_free);
  self->bad_arch_action = scmp_action_new_kill_process ();
  /* no_new_privs is left to its G_PARAM_CONSTRUCT default, the one
   * source of its default value. */
  self->listener_fd = -1;
  g_mutex_init (&self->program_lock);
}

/**
 * scmp_filter_new:
 * @default_action: (nullable): the action for calls no rule matches;
 *   %NULL for kill-process
 *
 * Creates an empty filter for the native architecture.
 *
 * This cannot fail: every #ScmpAction is valid, since its constructors
 * refuse the values a filter could not use (see scmp_action_new_errno()).
 *
 * Returns: (transfer full): a new #ScmpFilter
 *
 * Since: 0.1
 */
ScmpFilter *
scmp_filter_new (ScmpAction *default_action)
{
  g_return_val_if_fail (default_action == NULL || SCMP_IS_ACTION (default_action), NULL);

  return g_object_new (SCMP_TYPE_FILTER, "default-action", default_action, NULL);
}
