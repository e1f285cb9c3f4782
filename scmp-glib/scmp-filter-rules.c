/* scmp-filter-rules.c: a filter's rules and architectures, and the checks
 * that keep every rule compilable for every architecture
 *
 * SPDX-FileCopyrightText: 2026 The scmp-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "scmp-filter.h"
#include "scmp-filter-private.h"

#include "scmp-arch-private.h"
#include "scmp-error.h"
#include "scmp-error-private.h"
#include "scmp-rule-private.h"

/* ------------------------------------------------------------------ */
/* Rules                                                               */
/* ------------------------------------------------------------------ */

/**
 * scmp_filter_add_rule:
 * @self: a #ScmpFilter
 * @rule: (transfer none): the rule to append
 * @error: return location for a #GError
 *
 * Appends @rule to the filter. See scmp_filter_insert_rule() for the
 * checks made.
 *
 * Returns: %TRUE if the rule is in the filter (or an identical one
 *   already was), %FALSE with @error set otherwise
 *
 * Since: 0.1
 */
gboolean
scmp_filter_add_rule (ScmpFilter  *self,
                      ScmpRule    *rule,
                      GError     **error)
{
  g_return_val_if_fail (SCMP_IS_FILTER (self), FALSE);

  return scmp_filter_insert_rule (self, self->rules->len, rule, error);
}

/* Whether @rule can join a filter covering @arches whose rules are @set:
 * the rule itself must be valid there (_scmp_compiler_check_rule()), and
 * a rule of @set with the same syscall and conditions must have the same
 * action (SCMP_ERROR_EXISTS otherwise), in which case @rule is a
 * @duplicate that changes nothing. */
gboolean
_scmp_filter_check_new_rule (GArray      *arches,
                             GHashTable  *set,
                             ScmpRule    *rule,
                             gboolean    *duplicate,
                             GError     **error)
{
  ScmpRule *other;
  g_autofree char *existing = NULL;

  *duplicate = FALSE;
  if (!_scmp_compiler_check_rule (rule, (const ScmpArchitecture *) (void *) arches->data,
                                  arches->len, error))
    return FALSE;
  other = g_hash_table_lookup (set, rule);
  if (other == NULL)
    return TRUE;
  if (scmp_action_equal (scmp_rule_get_action (other), scmp_rule_get_action (rule)))
    {
      *duplicate = TRUE;
      return TRUE;
    }
  existing = scmp_rule_to_string (other);
  g_set_error (error, SCMP_ERROR, SCMP_ERROR_EXISTS,
               "The filter already has a rule for “%s” with the same "
               "conditions and another action (%s)",
               scmp_rule_get_syscall (rule), existing);
  return FALSE;
}

/**
 * scmp_filter_add_rules:
 * @self: a #ScmpFilter
 * @rules: (array length=n_rules): the rules, in order
 * @n_rules: the number of @rules
 * @error: return location for a #GError
 *
 * Appends @rules in order, with the checks of scmp_filter_insert_rule()
 * for each, but all or nothing: when one of them cannot be added, none
 * is, and @error names the first that failed. A rule identical to one
 * already in the filter, or to an earlier one of @rules, is skipped.
 *
 * This is the way to build a filter from a list (a profile, a policy
 * file): #GListModel::items-changed, #GObject::notify for
 * #ScmpFilter:n-rules and #ScmpFilter::changed are emitted once, then
 * #ScmpFilter::rule-added for each rule added, once they are all in place.
 *
 * Returns: %TRUE if the rules are in the filter, %FALSE with @error set
 *   (and the filter unchanged) otherwise
 *
 * Since: 0.1
 */
gboolean
scmp_filter_add_rules (ScmpFilter       *self,
                       ScmpRule * const *rules,
                       gsize             n_rules,
                       GError          **error)
{
  g_autoptr(ScmpFilter) hold = NULL;
  g_autofree ScmpRule **added = NULL;
  guint n_added = 0;

  g_return_val_if_fail (SCMP_IS_FILTER (self), FALSE);
  g_return_val_if_fail (rules != NULL || n_rules == 0, FALSE);
  g_return_val_if_fail (n_rules <= G_MAXUINT - self->rules->len, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  for (gsize i = 0; i < n_rules; i++)
    g_return_val_if_fail (SCMP_IS_RULE (rules[i]), FALSE);

  hold = g_object_ref (self);

  added = g_new (ScmpRule *, MAX (n_rules, 1));
  for (gsize i = 0; i < n_rules; i++)
    {
      gboolean duplicate;

      /* The rule set takes each new rule at once, so that the later ones
       * are checked against it; a failure takes them out again. */
      if (!_scmp_filter_check_new_rule (self->arches, self->rule_set, rules[i], &duplicate, error))
        {
          for (guint k = 0; k < n_added; k++)
            g_hash_table_remove (self->rule_set, added[k]);
          g_prefix_error (error, "Rule %" G_GSIZE_FORMAT " of %" G_GSIZE_FORMAT ": ",
                          i + 1, n_rules);
          return FALSE;
        }
      if (duplicate)
        continue;
      g_hash_table_add (self->rule_set, rules[i]);
      added[n_added++] = rules[i];
    }

  if (n_added == 0)
    return TRUE;
  _scmp_filter_append_rules_unchecked (self, added, n_added);
  _scmp_filter_invalidate (self);
  return TRUE;
}

/**
 * scmp_filter_insert_rule:
 * @self: a #ScmpFilter
 * @position: where to insert, 0 to the number of rules
 * @rule: (transfer none): the rule
 * @error: return location for a #GError
 *
 * Inserts @rule at @position. Since the first matching rule decides,
 * position matters.
 *
 * The rule is checked against the filter's architectures it applies to
 * (scmp_rule_applies_to()): an unknown syscall gives
 * %SCMP_ERROR_INVALID_SYSCALL, an exact rule whose syscall an
 * architecture lacks %SCMP_ERROR_SYSCALL_NOT_ON_ARCHITECTURE; an errno value above 4095, an
 * argument index above 5, a value wider than 32 bits on a 32-bit
 * architecture, or an exact rule with conditions on a multiplexed syscall
 * give %SCMP_ERROR_INVALID_ARGUMENT; a rule with the same syscall and
 * conditions as an existing rule but another action gives
 * %SCMP_ERROR_EXISTS. On error the filter is unchanged. Inserting a rule
 * identical to an existing one succeeds and changes nothing when the
 * existing one comes first; when @position is before it, the rule moves
 * to @position, since the first match decides.
 *
 * Returns: %TRUE on success, %FALSE with @error set otherwise
 *
 * Since: 0.1
 */
gboolean
scmp_filter_insert_rule (ScmpFilter  *self,
                         guint        position,
                         ScmpRule    *rule,
                         GError     **error)
{
  g_autoptr(ScmpFilter) hold = NULL;
  gboolean duplicate;

  g_return_val_if_fail (SCMP_IS_FILTER (self), FALSE);
  g_return_val_if_fail (SCMP_IS_RULE (rule), FALSE);
  g_return_val_if_fail (position <= self->rules->len, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  hold = g_object_ref (self);
  if (!_scmp_filter_check_new_rule (self->arches, self->rule_set, rule, &duplicate, error))
    return FALSE;
  if (duplicate)
    {
      guint existing = 0;

      /* Further down, the copy already there decides nothing new; further
       * up, the first match would skip rules in between: it moves. */
      g_ptr_array_find (self->rules, g_hash_table_lookup (self->rule_set, rule), &existing);
      if (existing <= position)
        return TRUE;
      /* In one step: the handlers of a removal could otherwise change
       * the list under the insertion that follows. */
      _scmp_filter_move_rule_unchecked (self, existing, position, rule);
      _scmp_filter_invalidate (self);
      return TRUE;
    }

  _scmp_filter_insert_rule_unchecked (self, position, rule);
  _scmp_filter_invalidate (self);
  return TRUE;
}

/**
 * scmp_filter_remove_rule:
 * @self: a #ScmpFilter
 * @rule: the rule to remove
 *
 * Removes @rule (the object itself, not an equal rule) from the filter.
 *
 * Returns: %TRUE if @rule was in the filter
 *
 * Since: 0.1
 */
gboolean
scmp_filter_remove_rule (ScmpFilter *self,
                         ScmpRule   *rule)
{
  guint position;

  g_return_val_if_fail (SCMP_IS_FILTER (self), FALSE);
  g_return_val_if_fail (SCMP_IS_RULE (rule), FALSE);

  if (!g_ptr_array_find (self->rules, rule, &position))
    return FALSE;
  scmp_filter_remove_rule_at (self, position);
  return TRUE;
}

/**
 * scmp_filter_remove_rule_at:
 * @self: a #ScmpFilter
 * @position: the position of the rule to remove
 *
 * Removes the rule at @position.
 *
 * Since: 0.1
 */
void
scmp_filter_remove_rule_at (ScmpFilter *self,
                            guint       position)
{
  g_autoptr(ScmpFilter) hold = NULL;

  g_return_if_fail (SCMP_IS_FILTER (self));
  g_return_if_fail (position < self->rules->len);

  hold = g_object_ref (self);
  _scmp_filter_remove_rule_unchecked (self, position);
  _scmp_filter_invalidate (self);
}

/**
 * scmp_filter_get_n_rules:
 * @self: a #ScmpFilter
 *
 * Gets the number of rules.
 *
 * Returns: the number of rules in the filter
 *
 * Since: 0.1
 */
guint
scmp_filter_get_n_rules (ScmpFilter *self)
{
  g_return_val_if_fail (SCMP_IS_FILTER (self), 0);

  return self->rules->len;
}

/**
 * scmp_filter_get_rule:
 * @self: a #ScmpFilter
 * @position: a position
 *
 * Gets the rule at @position.
 *
 * Returns: (transfer none) (nullable): the rule, or %NULL if @position is
 *   past the end
 *
 * Since: 0.1
 */
ScmpRule *
scmp_filter_get_rule (ScmpFilter *self,
                      guint       position)
{
  g_return_val_if_fail (SCMP_IS_FILTER (self), NULL);

  if (position >= self->rules->len)
    return NULL;
  return g_ptr_array_index (self->rules, position);
}

/* ------------------------------------------------------------------ */
/* Architectures                                                       */
/* ------------------------------------------------------------------ */

/* Whether @arch can join @arches: known, same byte order, and every rule
 * still valid there. */
gboolean
_scmp_filter_check_new_arch (GArray            *arches,
                             GPtrArray         *rules,
                             ScmpArchitecture   arch,
                             GError           **error)
{
  const ScmpArchInfo *info = _scmp_arch_get_info (arch);

  if (info == NULL)
    {
      g_set_error (error, SCMP_ERROR, SCMP_ERROR_INVALID_ARCHITECTURE,
                   "Unknown architecture (%d)", (int) arch);
      return FALSE;
    }

  for (guint i = 0; i < arches->len; i++)
    {
      const ScmpArchInfo *other = _scmp_arch_get_info (g_array_index (arches, ScmpArchitecture, i));

      if (other->big_endian != info->big_endian)
        {
          g_set_error (error, SCMP_ERROR, SCMP_ERROR_INVALID_ARCHITECTURE,
                       "Cannot add %s (%s endian) to a filter for %s (%s endian): "
                       "a filter runs on one machine, so its architectures must "
                       "share a byte order",
                       info->name, info->big_endian ? "big" : "little",
                       other->name, other->big_endian ? "big" : "little");
          return FALSE;
        }
    }

  for (guint i = 0; i < rules->len; i++)
    if (!_scmp_compiler_check_rule (g_ptr_array_index (rules, i), &info->arch, 1, error))
      return FALSE;

  return TRUE;
}

/* @arch is no ABI scmp-glib has tables for: UNKNOWN, a value outside the
 * enum, or NATIVE on a machine whose ABI has none. */
static void
set_unknown_arch_error (GError           **error,
                        ScmpArchitecture   arch)
{
  if (arch == SCMP_ARCHITECTURE_NATIVE)
    g_set_error_literal (error, SCMP_ERROR, SCMP_ERROR_INVALID_ARCHITECTURE,
                         "scmp-glib has no syscall tables for the ABI it was built for, "
                         "so SCMP_ARCHITECTURE_NATIVE names no architecture here");
  else
    g_set_error (error, SCMP_ERROR, SCMP_ERROR_INVALID_ARCHITECTURE,
                 "%d is not an architecture: use an ScmpArchitecture value, or "
                 "scmp_architecture_parse() to find one by name", (int) arch);
}

/**
 * scmp_filter_add_arch:
 * @self: a #ScmpFilter
 * @arch: the architecture to add (%SCMP_ARCHITECTURE_NATIVE is resolved)
 * @error: return location for a #GError
 *
 * Adds an architecture to the filter; every rule applies to it. Adding an
 * architecture already there does nothing.
 *
 * Fails with %SCMP_ERROR_INVALID_ARCHITECTURE for an unknown architecture
 * or one whose byte order differs from the others', and with the rule
 * errors of scmp_filter_insert_rule() when an existing rule cannot apply
 * there (an exact rule for a missing syscall, a 64-bit value on a 32-bit
 * architecture). On error the filter is unchanged.
 *
 * Returns: %TRUE on success, %FALSE with @error set otherwise
 *
 * Since: 0.1
 */
gboolean
scmp_filter_add_arch (ScmpFilter        *self,
                      ScmpArchitecture   arch,
                      GError           **error)
{
  g_autoptr(ScmpFilter) hold = NULL;
  ScmpArchitecture real = _scmp_arch_resolve (arch);

  g_return_val_if_fail (SCMP_IS_FILTER (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  hold = g_object_ref (self);
  if (real == SCMP_ARCHITECTURE_UNKNOWN)
    {
      set_unknown_arch_error (error, arch);
      return FALSE;
    }
  if (_scmp_filter_arches_contain (self->arches, real))
    return TRUE;
  if (!_scmp_filter_check_new_arch (self->arches, self->rules, real, error))
    return FALSE;

  g_array_append_val (self->arches, real);
  _scmp_filter_invalidate (self);
  return TRUE;
}

/**
 * scmp_filter_remove_arch:
 * @self: a #ScmpFilter
 * @arch: the architecture to remove
 * @error: return location for a #GError
 *
 * Removes an architecture: its calls then get the bad-arch action. A
 * filter needs at least one architecture to be compiled.
 *
 * Returns: %TRUE on success, %FALSE with %SCMP_ERROR_INVALID_ARCHITECTURE
 *   if @arch is not in the filter
 *
 * Since: 0.1
 */
gboolean
scmp_filter_remove_arch (ScmpFilter        *self,
                         ScmpArchitecture   arch,
                         GError           **error)
{
  g_autoptr(ScmpFilter) hold = NULL;
  ScmpArchitecture real = _scmp_arch_resolve (arch);

  g_return_val_if_fail (SCMP_IS_FILTER (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  hold = g_object_ref (self);
  for (guint i = 0; i < self->arches->len; i++)
    {
      if (g_array_index (self->arches, ScmpArchitecture, i) == real)
        {
          g_array_remove_index (self->arches, i);
          _scmp_filter_invalidate (self);
          return TRUE;
        }
    }

  if (real == SCMP_ARCHITECTURE_UNKNOWN)
    set_unknown_arch_error (error, arch);
  else
    g_set_error (error, SCMP_ERROR, SCMP_ERROR_INVALID_ARCHITECTURE,
                 "The architecture %s is not in the filter", scmp_architecture_to_name (real));
  return FALSE;
}

/**
 * scmp_filter_has_arch:
 * @self: a #ScmpFilter
 * @arch: an architecture
 *
 * Checks whether the filter covers @arch.
 *
 * Returns: %TRUE if @arch is in the filter
 *
 * Since: 0.1
 */
gboolean
scmp_filter_has_arch (ScmpFilter       *self,
                      ScmpArchitecture  arch)
{
  g_return_val_if_fail (SCMP_IS_FILTER (self), FALSE);

  return _scmp_filter_arches_contain (self->arches, _scmp_arch_resolve (arch));
}

/**
 * scmp_filter_list_arches:
 * @self: a #ScmpFilter
 * @n_arches: (out): the number of architectures
 *
 * Lists the filter's architectures in the order they were added.
 *
 * Language bindings get the values as integers, as with
 * scmp_architecture_list_all().
 *
 * Returns: (array length=n_arches) (element-type gint) (transfer full):
 *   the architectures
 *
 * Since: 0.1
 */
ScmpArchitecture *
scmp_filter_list_arches (ScmpFilter *self,
                         gsize      *n_arches)
{
  g_return_val_if_fail (SCMP_IS_FILTER (self), NULL);
  g_return_val_if_fail (n_arches != NULL, NULL);

  *n_arches = self->arches->len;
  return g_memdup2 (self->arches->data, sizeof (ScmpArchitecture) * self->arches->len);
}
