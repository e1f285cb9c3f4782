/* scmp-filter-transaction.c: ScmpFilter merge, reset and transactions
 *
 * SPDX-FileCopyrightText: 2026 The scmp-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "scmp-filter.h"
#include "scmp-filter-private.h"

#include "scmp-error.h"

typedef struct {
  GPtrArray  *rules;
  GArray     *arches;
  GHashTable *priorities;
  ScmpAction *bad_arch_action;
  ScmpAction *unknown_action;       /* (nullable) */
  guint       known_kernel;
  gboolean    allow_tracer_skip;
} Snapshot;

void
_scmp_filter_snapshot_free (gpointer data)
{
  Snapshot *s = data;

  g_ptr_array_unref (s->rules);
  g_array_unref (s->arches);
  g_hash_table_unref (s->priorities);
  g_object_unref (s->bad_arch_action);
  g_clear_object (&s->unknown_action);
  g_free (s);
}

/* ------------------------------------------------------------------ */
/* Merge, reset, transactions                                          */
/* ------------------------------------------------------------------ */

/**
 * scmp_filter_merge:
 * @self: a #ScmpFilter
 * @other: the filter to merge into @self
 * @error: return location for a #GError
 *
 * Appends @other's rules to @self's (after them, so @self's rules come
 * first) and adds @other's architectures. Both filters must have equal
 * default actions. Fails, leaving @self unchanged, when the filters do
 * not fit together: different default actions, byte orders, a rule of
 * one that cannot apply to an architecture of the other, or conflicting
 * rules (%SCMP_ERROR_EXISTS). Priorities of @other are taken where @self
 * has none; @self keeps its own attributes (the bad-arch and
 * unknown-syscall actions, the known kernel, the flags). @other is not
 * modified.
 *
 * Returns: %TRUE on success, %FALSE with @error set otherwise
 *
 * Since: 0.1
 */
gboolean
scmp_filter_merge (ScmpFilter  *self,
                   ScmpFilter  *other,
                   GError     **error)
{
  g_autoptr(ScmpFilter) hold = NULL;
  g_autoptr(GArray) arches = NULL;
  g_autoptr(GPtrArray) rules = NULL;
  g_autoptr(GHashTable) set = NULL;
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (SCMP_IS_FILTER (self), FALSE);
  g_return_val_if_fail (SCMP_IS_FILTER (other), FALSE);
  g_return_val_if_fail (self != other, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!scmp_action_equal (self->default_action, other->default_action))
    {
      g_autofree char *a = scmp_action_to_string (self->default_action);
      g_autofree char *b = scmp_action_to_string (other->default_action);

      g_set_error (error, SCMP_ERROR, SCMP_ERROR_INVALID_ARGUMENT,
                   "Cannot merge a filter whose default action is %s into one "
                   "whose default action is %s", b, a);
      return FALSE;
    }

  /* Check everything on copies first, so a failure changes nothing. */
  arches = g_array_copy (self->arches);
  rules = g_ptr_array_copy (self->rules, (GCopyFunc) (void (*) (void)) g_object_ref, NULL);
  g_ptr_array_set_free_func (rules, g_object_unref);
  set = _scmp_filter_rule_set_new ();
  for (guint i = 0; i < rules->len; i++)
    g_hash_table_add (set, g_ptr_array_index (rules, i));

  for (guint i = 0; i < other->arches->len; i++)
    {
      ScmpArchitecture arch = g_array_index (other->arches, ScmpArchitecture, i);

      if (_scmp_filter_arches_contain (arches, arch))
        continue;
      if (!_scmp_filter_check_new_arch (arches, rules, arch, error))
        return FALSE;
      g_array_append_val (arches, arch);
    }

  for (guint i = 0; i < other->rules->len; i++)
    {
      ScmpRule *rule = g_ptr_array_index (other->rules, i);
      gboolean duplicate;

      if (!_scmp_filter_check_new_rule (arches, set, rule, &duplicate, error))
        return FALSE;
      if (!duplicate)
        {
          g_ptr_array_add (rules, g_object_ref (rule));
          g_hash_table_add (set, rule);
        }
    }

  /* Now apply: the checks above covered every step. */
  hold = g_object_ref (self);
  g_array_set_size (self->arches, 0);
  g_array_append_vals (self->arches, arches->data, arches->len);
  for (guint i = self->rules->len; i < rules->len; i++)
    g_hash_table_add (self->rule_set, g_ptr_array_index (rules, i));
  _scmp_filter_append_rules_unchecked (self, (ScmpRule **) rules->pdata + self->rules->len,
                                       rules->len - self->rules->len);

  g_hash_table_iter_init (&iter, other->priorities);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!g_hash_table_contains (self->priorities, key))
      g_hash_table_insert (self->priorities, g_strdup (key), value);

  _scmp_filter_invalidate (self);
  return TRUE;
}

/* Puts rules back to @target with the fewest signals: keep the common
 * prefix, replace the rest with what @target has beyond it. All in one
 * step, before any signal: a handler of one removal could otherwise
 * change the list under the removals and insertions still to come. */
static void
restore_rules (ScmpFilter *self,
               GPtrArray  *target)
{
  guint common = 0;

  while (common < self->rules->len && common < target->len &&
         g_ptr_array_index (self->rules, common) == g_ptr_array_index (target, common))
    common++;
  _scmp_filter_splice_rules_unchecked (self, common, self->rules->len - common,
                                       (ScmpRule **) target->pdata + common,
                                       target->len - common);
}

/**
 * scmp_filter_reset:
 * @self: a #ScmpFilter
 *
 * Removes every rule and priority and brings the architectures back to the
 * native one alone. Attributes and the default action stay.
 *
 * Since: 0.1
 */
void
scmp_filter_reset (ScmpFilter *self)
{
  g_autoptr(ScmpFilter) hold = NULL;
  g_autoptr(GPtrArray) none = g_ptr_array_new ();
  ScmpArchitecture native = scmp_architecture_get_native ();

  g_return_if_fail (SCMP_IS_FILTER (self));

  hold = g_object_ref (self);
  restore_rules (self, none);
  g_array_set_size (self->arches, 0);
  g_array_append_val (self->arches, native);
  g_hash_table_remove_all (self->priorities);
  _scmp_filter_invalidate (self);
}

/**
 * scmp_filter_begin:
 * @self: a #ScmpFilter
 *
 * Starts a transaction: the changes made until scmp_filter_commit() or
 * scmp_filter_rollback() land together or not at all. Changes apply (and
 * signals are emitted) as they are made; a rollback restores the rules,
 * architectures, priorities, bad-arch action and tracer-skip setting as
 * they were at scmp_filter_begin(), emitting the signals that restoring
 * them implies. Transactions nest.
 *
 * Since: 0.1
 */
void
scmp_filter_begin (ScmpFilter *self)
{
  Snapshot *s;

  g_return_if_fail (SCMP_IS_FILTER (self));

  s = g_new0 (Snapshot, 1);
  s->rules = g_ptr_array_copy (self->rules, (GCopyFunc) (void (*) (void)) g_object_ref, NULL);
  g_ptr_array_set_free_func (s->rules, g_object_unref);
  s->arches = g_array_copy (self->arches);
  s->priorities = _scmp_filter_priorities_copy (self->priorities);
  s->bad_arch_action = g_object_ref (self->bad_arch_action);
  s->unknown_action = self->unknown_action != NULL ? g_object_ref (self->unknown_action) : NULL;
  s->known_kernel = self->known_kernel;
  s->allow_tracer_skip = self->allow_tracer_skip;
  g_ptr_array_add (self->transactions, s);
}

/**
 * scmp_filter_commit:
 * @self: a #ScmpFilter
 *
 * Ends the innermost transaction, keeping its changes.
 *
 * Since: 0.1
 */
void
scmp_filter_commit (ScmpFilter *self)
{
  g_return_if_fail (SCMP_IS_FILTER (self));
  g_return_if_fail (self->transactions->len > 0);

  g_ptr_array_remove_index (self->transactions, self->transactions->len - 1);
}

/**
 * scmp_filter_rollback:
 * @self: a #ScmpFilter
 *
 * Ends the innermost transaction, undoing its changes.
 *
 * Since: 0.1
 */
void
scmp_filter_rollback (ScmpFilter *self)
{
  g_autoptr(ScmpFilter) hold = NULL;
  Snapshot *s;

  g_return_if_fail (SCMP_IS_FILTER (self));
  g_return_if_fail (self->transactions->len > 0);

  hold = g_object_ref (self);
  s = g_ptr_array_steal_index (self->transactions, self->transactions->len - 1);
  restore_rules (self, s->rules);
  g_array_set_size (self->arches, 0);
  g_array_append_vals (self->arches, s->arches->data, s->arches->len);
  g_hash_table_unref (self->priorities);
  self->priorities = g_hash_table_ref (s->priorities);
  /* Not the public setters: each would emit ::changed of its own. */
  _scmp_filter_replace_bad_arch_action (self, s->bad_arch_action);
  _scmp_filter_replace_unknown_syscall_action (self, s->unknown_action);
  _scmp_filter_replace_known_kernel (self, s->known_kernel);
  _scmp_filter_replace_allow_tracer_skip (self, s->allow_tracer_skip);
  _scmp_filter_snapshot_free (s);
  _scmp_filter_invalidate (self);
}

/**
 * scmp_filter_in_transaction:
 * @self: a #ScmpFilter
 *
 * Checks whether a transaction is open.
 *
 * Returns: %TRUE between scmp_filter_begin() and the matching commit or
 *   rollback
 *
 * Since: 0.1
 */
gboolean
scmp_filter_in_transaction (ScmpFilter *self)
{
  g_return_val_if_fail (SCMP_IS_FILTER (self), FALSE);

  return self->transactions->len > 0;
}
