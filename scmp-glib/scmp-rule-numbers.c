/* scmp-rule-numbers.c: rules on syscall numbers and ranges, and rules
 * limited to some ABIs
 *
 * SPDX-FileCopyrightText: 2026 The scmp-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "scmp-rule.h"
#include "scmp-rule-private.h"

#include "scmp-arch-private.h"
#include "scmp-condition-private.h"
#include "scmp-error.h"

#include <stdlib.h>

/* The numbers @arch's calls can carry in seccomp_data.nr: x86-64 and x32
 * share one AUDIT_ARCH token and are told apart by the x32 bit. */
static void
number_space (const ScmpArchInfo *info,
              gint               *lo,
              gint               *hi)
{
  /* (x32's base is the x32 bit; MIPS's are 4000, 5000 and 6000) */
  *lo = (gint) info->nr_base;
  *hi = info->arch == SCMP_ARCHITECTURE_X86_64 ? (gint) SCMP_X32_SYSCALL_BIT - 1 : G_MAXINT;
}

/* Checks @arch and @first..@last for a rule on numbers; clips @last to
 * the ABI's highest number. */
gboolean
_scmp_rule_check_numbers (ScmpArchitecture *arch,
               gint              first,
               gint             *last,
               GError          **error)
{
  const ScmpArchInfo *info = _scmp_arch_get_info (*arch);
  gint lo, hi;

  if (info == NULL)
    {
      g_set_error (error, SCMP_ERROR, SCMP_ERROR_INVALID_ARCHITECTURE,
                   "%d is not an architecture", (int) *arch);
      return FALSE;
    }
  *arch = info->arch;
  number_space (info, &lo, &hi);
  if (first > *last)
    {
      g_set_error (error, SCMP_ERROR, SCMP_ERROR_INVALID_ARGUMENT,
                   "The syscall numbers %d to %d are no range: the first is above the last",
                   first, *last);
      return FALSE;
    }
  if (first < lo || first > hi)
    {
      if (*arch == SCMP_ARCHITECTURE_X32 && first >= 0 && first < lo)
        g_set_error (error, SCMP_ERROR, SCMP_ERROR_INVALID_ARGUMENT,
                     "x32 syscall numbers include the x32 bit (0x%x): %d is "
                     "an x86_64 number (did you mean %d?)",
                     SCMP_X32_SYSCALL_BIT, first, first | (gint) SCMP_X32_SYSCALL_BIT);
      else if (first >= 0 && first < lo)
        g_set_error (error, SCMP_ERROR, SCMP_ERROR_INVALID_ARGUMENT,
                     "%s syscall numbers include the ABI's base, %d: %d is below "
                     "it (did you mean %d?)", info->name, lo, first, lo + first);
      else
        g_set_error (error, SCMP_ERROR, SCMP_ERROR_INVALID_ARGUMENT,
                     "%d is not a syscall number on %s, whose numbers run "
                     "from %d to %d", first, info->name, lo, hi);
      return FALSE;
    }
  *last = MIN (*last, hi);
  return TRUE;
}

/* The rule on numbers @first..@last of @arch, which applies there only. */
static ScmpRule *
new_number_rule (ScmpArchitecture     arch,
                 gint                 first,
                 gint                 last,
                 ScmpAction          *action,
                 const ScmpCondition *conditions,
                 gsize                n_conditions)
{
  ScmpRule *self = g_object_new (SCMP_TYPE_RULE,
                                 "action", action,
                                 "number-architecture", arch,
                                 "first-number", first,
                                 "last-number", last,
                                 NULL);

  /* (constructed() limited it to @arch) */
  if (n_conditions > 0)
    {
      self->conditions = g_memdup2 (conditions, n_conditions * sizeof (ScmpCondition));
      self->n_conditions = n_conditions;
    }
  return self;
}

gboolean
_scmp_rule_check_number_condition (const ScmpCondition  *c,
                                   ScmpArchitecture      arch,
                                   gint                  nr,
                                   GError              **error)
{
  const ScmpArchInfo *info = _scmp_arch_get_info (arch);
  guint bits = c->is_32bit ? 32 : info->reg_bits;
  guint64 over = bits >= 64 ? 0 : ~((G_GUINT64_CONSTANT (1) << bits) - 1);
  gboolean masked = c->op == SCMP_COMPARE_OP_MASKED_EQ;

  if ((c->datum & over) == 0 && (!masked || (c->mask & over) == 0))
    return TRUE;
  g_set_error (error, SCMP_ERROR, SCMP_ERROR_INVALID_ARGUMENT,
               "On %s, an argument of syscall number %d is a %u-bit register, "
               "compared unsigned, which cannot hold the %s 0x%" G_GINT64_MODIFIER "x",
               info->name, nr, bits, (c->datum & over) != 0 ? "value" : "mask",
               (c->datum & over) != 0 ? c->datum : c->mask);
  return FALSE;
}

static ScmpRule *
scmp_rule_new_numbers (ScmpArchitecture     arch,
                       gint                 first,
                       gint                 last,
                       ScmpAction          *action,
                       const ScmpCondition *conditions,
                       gsize                n_conditions,
                       GError             **error)
{
  ScmpRule *self;
  const char *name;

  if (!_scmp_rule_check_numbers (&arch, first, &last, error))
    return NULL;
  for (gsize i = 0; i < n_conditions; i++)
    if (!_scmp_condition_check (&conditions[i], error))
      return NULL;

  /* A number the tables name is the rule by name, on that ABI alone. */
  name = first == last ? scmp_syscall_resolve_number (arch, first) : NULL;
  if (name != NULL)
    {
      self = _scmp_rule_new_internal (name, action, FALSE, conditions, n_conditions);
      self->arches = g_memdup2 (&arch, sizeof arch);
      self->n_arches = 1;
      return self;
    }

  /* (a rule by name has its arguments' types: the filter checks those) */
  for (gsize i = 0; i < n_conditions; i++)
    if (!_scmp_rule_check_number_condition (&conditions[i], arch, first, error))
      return NULL;
  return new_number_rule (arch, first, last, action, conditions, n_conditions);
}

/**
 * scmp_rule_new_for_number: (constructor)
 * @arch: the ABI @nr is a number of (%SCMP_ARCHITECTURE_NATIVE is resolved)
 * @nr: the syscall number, as `seccomp_data.nr` holds it on @arch: x32
 *   numbers include the x32 bit (0x40000000), MIPS numbers their base
 *   (4000 for o32, 5000 for n64, 6000 for n32)
 * @action: (transfer none): what to do with it
 * @error: return location for a #GError, or %NULL
 *
 * Creates a rule for a syscall number on one ABI: for a syscall newer
 * than the tables, a private one, or code that has numbers rather than
 * names.
 *
 * A number the tables name is the same as the rule for that name limited
 * to @arch (scmp_rule_restrict_to()): scmp_rule_get_syscall() gives the
 * name, and where the call is also multiplexed (socketcall, ipc) the rule
 * applies there too. Any other number is a rule on the number alone, with
 * no #ScmpRule:syscall. Either way the rule applies only on @arch: a
 * filter with other ABIs ignores it there, and keeps it for @arch should
 * @arch be added later.
 *
 * Returns: (transfer full): a new #ScmpRule, or %NULL with @error set to
 *   %SCMP_ERROR_INVALID_ARCHITECTURE for an unknown @arch or to
 *   %SCMP_ERROR_INVALID_ARGUMENT for a number @arch cannot have (negative,
 *   an x32 number without the x32 bit, an x86_64 number with it, a MIPS
 *   number below its ABI's base)
 *
 * Since: 0.1
 */
ScmpRule *
scmp_rule_new_for_number (ScmpArchitecture   arch,
                          gint               nr,
                          ScmpAction        *action,
                          GError           **error)
{
  g_return_val_if_fail (SCMP_IS_ACTION (action), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return scmp_rule_new_numbers (arch, nr, nr, action, NULL, 0, error);
}

/**
 * scmp_rule_new_for_numberv: (constructor)
 * @arch: the ABI @nr is a number of (%SCMP_ARCHITECTURE_NATIVE is resolved)
 * @nr: the syscall number, as for scmp_rule_new_for_number()
 * @action: (transfer none): what to do with it
 * @conditions: (array length=n_conditions) (nullable): the conditions,
 *   all of which must hold for the rule to apply
 * @n_conditions: the number of @conditions
 * @error: return location for a #GError, or %NULL
 *
 * Creates a rule for a syscall number on one ABI with conditions on its
 * arguments: scmp_rule_new_for_number() with conditions. For a number the
 * tables do not name, the kernel's types of the arguments are unknown:
 * each is compared as the whole register, unsigned — 32 bits on a 32-bit
 * ABI, where a wider value is refused.
 *
 * Returns: (transfer full): a new #ScmpRule, or %NULL with @error set as
 *   for scmp_rule_new_for_number(), or to %SCMP_ERROR_INVALID_ARGUMENT
 *   for an invalid condition or a value the register cannot hold
 *
 * Since: 0.1
 */
ScmpRule *
scmp_rule_new_for_numberv (ScmpArchitecture     arch,
                           gint                 nr,
                           ScmpAction          *action,
                           const ScmpCondition *conditions,
                           gsize                n_conditions,
                           GError             **error)
{
  g_return_val_if_fail (SCMP_IS_ACTION (action), NULL);
  g_return_val_if_fail (conditions != NULL || n_conditions == 0, NULL);
  g_return_val_if_fail (n_conditions <= G_MAXUINT, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return scmp_rule_new_numbers (arch, nr, nr, action, conditions, n_conditions, error);
}

/**
 * scmp_rule_new_for_range: (constructor)
 * @arch: the ABI of the numbers (%SCMP_ARCHITECTURE_NATIVE is resolved)
 * @first: the first syscall number, as for scmp_rule_new_for_number()
 * @last: the last syscall number; a number above the ABI's highest
 *   stands for that one, so %G_MAXINT means "every number from @first up"
 *   (to 0x7fffffff; x86_64's end at 0x3fffffff, below x32's)
 * @action: (transfer none): what to do with them
 * @error: return location for a #GError, or %NULL
 *
 * Creates a rule for every syscall number from @first to @last on one
 * ABI, named by the tables or not, compiled as ranges of numbers rather
 * than one test each. A rule for `@first = 472, @last = G_MAXINT` with
 * `errno(ENOSYS)`, say, tells a program that every syscall from 472 up
 * does not exist (see also #ScmpFilter:unknown-syscall-action).
 *
 * The rule applies to the numbers as such: a syscall in the range that is
 * also reachable through socketcall(2) or ipc(2) is not covered there (a
 * rule by name is), and a range has no conditions, since its numbers'
 * arguments mean different things. Like every rule on numbers it applies
 * only on @arch.
 *
 * Returns: (transfer full): a new #ScmpRule, or %NULL with @error set as
 *   for scmp_rule_new_for_number(), or to %SCMP_ERROR_INVALID_ARGUMENT
 *   when @first is above @last
 *
 * Since: 0.1
 */
ScmpRule *
scmp_rule_new_for_range (ScmpArchitecture   arch,
                         gint               first,
                         gint               last,
                         ScmpAction        *action,
                         GError           **error)
{
  g_return_val_if_fail (SCMP_IS_ACTION (action), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!_scmp_rule_check_numbers (&arch, first, &last, error))
    return NULL;
  return new_number_rule (arch, first, last, action, NULL, 0);
}

static int
compare_arches (gconstpointer a,
                gconstpointer b)
{
  ScmpArchitecture x = *(const ScmpArchitecture *) a, y = *(const ScmpArchitecture *) b;

  return x < y ? -1 : x > y;
}

/**
 * scmp_rule_restrict_to:
 * @self: an #ScmpRule
 * @arches: (array length=n_arches): the ABIs the new rule applies to
 *   (%SCMP_ARCHITECTURE_NATIVE is resolved)
 * @n_arches: the number of @arches, at least 1
 * @error: return location for a #GError, or %NULL
 *
 * Makes a copy of @self that applies only on some ABIs, as an OCI
 * profile's `includes.arches` asks: a filter compiles it for those of its
 * ABIs that @arches names and ignores it on the others, including ABIs
 * added to the filter later that @arches does not name. A rule already
 * limited keeps the ABIs both lists name.
 *
 * Returns: (transfer full): a new #ScmpRule, or %NULL with @error set to
 *   %SCMP_ERROR_INVALID_ARCHITECTURE when @arches is empty, names an
 *   unknown ABI, or leaves none of the ABIs @self is limited to
 *
 * Since: 0.1
 */
ScmpRule *
scmp_rule_restrict_to (ScmpRule               *self,
                       const ScmpArchitecture *arches,
                       gsize                   n_arches,
                       GError                **error)
{
  g_autofree ScmpArchitecture *set = NULL;
  ScmpRule *copy;
  guint n = 0;

  g_return_val_if_fail (SCMP_IS_RULE (self), NULL);
  g_return_val_if_fail (arches != NULL || n_arches == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (n_arches == 0)
    {
      g_set_error_literal (error, SCMP_ERROR, SCMP_ERROR_INVALID_ARCHITECTURE,
                           "A rule cannot be limited to no architecture at all");
      return NULL;
    }

  set = g_new (ScmpArchitecture, n_arches);
  for (gsize i = 0; i < n_arches; i++)
    {
      ScmpArchitecture arch = _scmp_arch_resolve (arches[i]);
      gboolean seen = FALSE;

      if (arch == SCMP_ARCHITECTURE_UNKNOWN)
        {
          g_set_error (error, SCMP_ERROR, SCMP_ERROR_INVALID_ARCHITECTURE,
                       "%d is not an architecture", (int) arches[i]);
          return NULL;
        }
      for (guint k = 0; k < n && !seen; k++)
        seen = set[k] == arch;
      if (!seen && scmp_rule_applies_to (self, arch))
        set[n++] = arch;
    }
  if (n == 0)
    {
      g_autofree char *text = scmp_rule_to_string (self);

      g_set_error (error, SCMP_ERROR, SCMP_ERROR_INVALID_ARCHITECTURE,
                   "The rule “%s” already applies to none of those architectures", text);
      return NULL;
    }
  qsort (set, n, sizeof *set, compare_arches);

  copy = g_object_new (SCMP_TYPE_RULE,
                       "syscall", self->syscall,
                       "action", self->action,
                       "exact", self->exact,
                       "number-architecture", self->number_arch,
                       "first-number", self->first_number,
                       "last-number", self->last_number,
                       NULL);
  if (self->n_conditions > 0)
    {
      copy->conditions = g_memdup2 (self->conditions, self->n_conditions * sizeof (ScmpCondition));
      copy->n_conditions = self->n_conditions;
    }
  g_free (copy->arches);
  copy->arches = g_steal_pointer (&set);
  copy->n_arches = n;
  return copy;
}

/**
 * scmp_rule_applies_to:
 * @self: an #ScmpRule
 * @arch: an ABI (%SCMP_ARCHITECTURE_NATIVE is resolved)
 *
 * Checks whether a filter covering @arch compiles the rule there: every
 * rule does, except rules limited to other ABIs (scmp_rule_restrict_to(),
 * and rules on numbers, which belong to one ABI).
 *
 * Returns: %TRUE if the rule applies on @arch
 *
 * Since: 0.1
 */
gboolean
scmp_rule_applies_to (ScmpRule         *self,
                      ScmpArchitecture  arch)
{
  g_return_val_if_fail (SCMP_IS_RULE (self), FALSE);

  arch = _scmp_arch_resolve (arch);
  return arch != SCMP_ARCHITECTURE_UNKNOWN && _scmp_rule_applies_to (self, arch);
}

/**
 * scmp_rule_get_architectures:
 * @self: an #ScmpRule
 * @n_arches: (out): return location for the number of ABIs
 *
 * Gets the ABIs the rule is limited to, in #ScmpArchitecture order.
 *
 * Returns: (transfer full) (array length=n_arches) (nullable): the ABIs,
 *   or %NULL (and 0 in @n_arches) for a rule that applies on every ABI
 *
 * Since: 0.1
 */
ScmpArchitecture *
scmp_rule_get_architectures (ScmpRule *self,
                             gsize    *n_arches)
{
  g_return_val_if_fail (SCMP_IS_RULE (self), NULL);
  g_return_val_if_fail (n_arches != NULL, NULL);

  *n_arches = self->n_arches;
  if (self->arches == NULL)
    return NULL;
  return g_memdup2 (self->arches, self->n_arches * sizeof (ScmpArchitecture));
}

/**
 * scmp_rule_get_numbers:
 * @self: an #ScmpRule
 * @arch: (out) (optional): return location for the ABI of the numbers
 * @first: (out) (optional): return location for the first number
 * @last: (out) (optional): return location for the last number
 *
 * Gets the numbers of a rule on syscall numbers the tables do not name
 * (scmp_rule_new_for_number(), scmp_rule_new_for_range()).
 *
 * Returns: %TRUE for a rule on numbers (and the out arguments set);
 *   %FALSE for a rule on a #ScmpRule:syscall, leaving them untouched
 *
 * Since: 0.1
 */
gboolean
scmp_rule_get_numbers (ScmpRule         *self,
                       ScmpArchitecture *arch,
                       gint             *first,
                       gint             *last)
{
  g_return_val_if_fail (SCMP_IS_RULE (self), FALSE);

  if (self->number_arch == SCMP_ARCHITECTURE_UNKNOWN)
    return FALSE;
  if (arch != NULL)
    *arch = self->number_arch;
  if (first != NULL)
    *first = self->first_number;
  if (last != NULL)
    *last = self->last_number;
  return TRUE;
}

gboolean
_scmp_rule_get_number_range (ScmpRule         *rule,
                             ScmpArchitecture *arch,
                             guint32          *first,
                             guint32          *last)
{
  if (rule->number_arch == SCMP_ARCHITECTURE_UNKNOWN)
    return FALSE;
  *arch = rule->number_arch;
  *first = (guint32) rule->first_number;
  *last = (guint32) rule->last_number;
  return TRUE;
}

gboolean
_scmp_rule_applies_to (ScmpRule         *rule,
                       ScmpArchitecture  arch)
{
  if (rule->arches == NULL)
    return TRUE;
  for (guint i = 0; i < rule->n_arches; i++)
    if (rule->arches[i] == arch)
      return TRUE;
  return FALSE;
}
