/* scmp-resolve.c: a rule's conditions as one ABI's kernel reads them, and
 * the check that a rule can be compiled for a filter's ABIs
 *
 * SPDX-FileCopyrightText: 2026 The scmp-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "scmp-resolve-private.h"

#include "scmp-compiler-private.h"
#include "scmp-condition-private.h"
#include "scmp-error.h"
#include "scmp-error-private.h"
#include "scmp-rule-private.h"

/* A datum or mask may be given as a @bits-bit number zero- or
 * sign-extended to 64 bits ((guint64) AT_FDCWD for an int, say). */
static gboolean
value_fits (guint64 value,
            guint   bits)
{
  if (bits >= 64)
    return TRUE;
  return (value >> bits) == 0 || (value >> (bits - 1)) == (G_MAXUINT64 >> (bits - 1));
}

ScmpArgType
_scmp_condition_type (const ScmpCondition *c,
                      int                  name_index,
                      ScmpArchitecture     arch)
{
  ScmpArgType t = _scmp_syscall_arg_type (name_index, arch, c->arg);

  if (c->is_32bit && t.bits > 32)
    {
      t.bits = 32;
      t.is_signed = FALSE;
    }
  return t;
}

void
_scmp_arg_cond_init (ScmpArgCond         *out,
                     const ScmpCondition *c,
                     ScmpArgType          t)
{
  guint64 m = _scmp_bits_mask (t.bits);

  out->arg = (guint8) c->arg;
  out->bits = t.bits;
  out->is_signed = t.is_signed;
  out->op = c->op;
  out->datum = c->datum & m;
  out->mask = c->op == SCMP_COMPARE_OP_MASKED_EQ ? c->mask & m : 0;
}

/* The check runs when a rule joins a filter (or an ABI joins a filter
 * with rules), so that compiling never meets a rule it cannot compile. */
gboolean
_scmp_compiler_check_rule (ScmpRule                *rule,
                           const ScmpArchitecture  *arches,
                           gsize                    n_arches,
                           GError                 **error)
{
  const char *name = scmp_rule_get_syscall (rule);
  guint n_conds = scmp_rule_get_n_conditions (rule);
  gboolean exact = scmp_rule_get_exact (rule);
  ScmpArchitecture nr_arch;
  guint32 first, last;
  gboolean numbers = _scmp_rule_get_number_range (rule, &nr_arch, &first, &last);
  g_autofree char *label = NULL;
  int idx;

  /* A rule built by property bag may lack its syscall or action. */
  if ((!numbers && (name == NULL || *name == '\0')) || scmp_rule_get_action (rule) == NULL)
    {
      g_set_error (error, SCMP_ERROR, SCMP_ERROR_INVALID_ARGUMENT,
                   "The rule has no %s", scmp_rule_get_action (rule) != NULL ? "syscall" : "action");
      return FALSE;
    }
  if (numbers)
    name = label = g_strdup_printf ("#%u on %s", first, scmp_architecture_to_name (nr_arch));
  if (!scmp_action_validate (scmp_rule_get_action (rule), error))
    return FALSE;

  for (guint i = 0; i < n_conds; i++)
    {
      const ScmpCondition *c = scmp_rule_get_condition (rule, i);

      /* The constructors check this too, but the struct is public. */
      if (!_scmp_condition_check (c, error))
        {
          g_prefix_error (error, "The rule for “%s” is invalid. ", name);
          return FALSE;
        }
    }

  /* Numbers the tables do not name: every argument is the whole
   * register, unsigned (the struct is public: checked again). */
  if (numbers)
    {
      if (_scmp_rule_get_invalid (rule) != NULL)
        {
          g_set_error (error, SCMP_ERROR, SCMP_ERROR_INVALID_ARGUMENT,
                       "The rule for %s is invalid. %s", name, _scmp_rule_get_invalid (rule));
          return FALSE;
        }
      for (guint i = 0; i < n_conds; i++)
        if (!_scmp_rule_check_number_condition (scmp_rule_get_condition (rule, i), nr_arch,
                                                (gint) first, error))
          return FALSE;
      return TRUE;
    }

  idx = _scmp_rule_get_syscall_index (rule);
  if (idx < 0)
    {
      _scmp_set_unknown_syscall_error (error, name);
      return FALSE;
    }

  for (gsize a = 0; a < n_arches; a++)
    {
      const ScmpArchInfo *info = _scmp_arch_get_info (arches[a]);
      gboolean direct = _scmp_syscall_number (idx, arches[a]) >= 0;
      guint sub;
      gboolean muxed = _scmp_syscall_mux (idx, arches[a], &sub) != SCMP_MULTIPLEXER_NONE;

      if (!_scmp_rule_applies_to (rule, arches[a]))
        continue;

      if (!direct && !muxed)
        {
          if (exact)
            {
              g_set_error (error, SCMP_ERROR, SCMP_ERROR_SYSCALL_NOT_ON_ARCHITECTURE,
                           "The syscall “%s” does not exist on %s, and the rule "
                           "for it is exact", name, info->name);
              return FALSE;
            }
          continue;
        }

      if (exact && muxed && n_conds > 0)
        {
          g_set_error (error, SCMP_ERROR, SCMP_ERROR_INVALID_ARGUMENT,
                       "On %s, “%s” can also be called through %s(2), where its "
                       "arguments are behind a pointer that a filter cannot "
                       "read: an exact rule with conditions cannot be enforced there",
                       info->name, name,
                       _scmp_syscall_mux (idx, arches[a], &sub) == SCMP_MULTIPLEXER_IPC
                       ? "ipc" : "socketcall");
          return FALSE;
        }

      /* Conditions are compiled where the call is direct: there the
       * value must be one the argument can hold. */
      for (guint i = 0; i < n_conds && direct; i++)
        {
          const ScmpCondition *c = scmp_rule_get_condition (rule, i);
          ScmpArgType t = _scmp_condition_type (c, idx, arches[a]);
          gboolean masked = c->op == SCMP_COMPARE_OP_MASKED_EQ;
          gboolean datum_ok = value_fits (c->datum, t.bits);

          if (!datum_ok || (masked && !value_fits (c->mask, t.bits)))
            {
              g_set_error (error, SCMP_ERROR, SCMP_ERROR_INVALID_ARGUMENT,
                           "On %s, the kernel reads argument %u of “%s” as "
                           "%s %u-bit number, which cannot hold the %s "
                           "0x%" G_GINT64_MODIFIER "x",
                           info->name, c->arg, name,
                           t.is_signed ? "a signed" : "an unsigned", t.bits,
                           datum_ok ? "mask" : "value", datum_ok ? c->mask : c->datum);
              return FALSE;
            }
        }
    }

  return TRUE;
}
