/* scmp-pfc.c: the decisions as readable pseudo code
 *
 * SPDX-FileCopyrightText: 2026 The scmp-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "scmp-pfc-private.h"

#include "scmp-arch-private.h"
#include "scmp-condition-private.h"

#include <linux/seccomp.h>

static void
pfc_action (GString *out,
            guint32  value)
{
  g_autoptr(ScmpAction) action = scmp_action_new_from_kernel_value (value, NULL);
  g_autofree char *s = action != NULL ? scmp_action_to_string (action) : g_strdup_printf ("0x%08x", value);

  g_string_append_printf (out, "action %s;\n", s);
}

/* "$a1", or "$a0.s32" where the kernel reads fewer bits than 64 or a
 * signed number; a signed datum is shown with its sign. */
static void
pfc_condition (GString           *out,
               const ScmpArgCond *c)
{
  guint64 datum = c->datum;
  gboolean negative = c->is_signed && (datum >> (c->bits - 1)) != 0;

  g_string_append_printf (out, c->op == SCMP_COMPARE_OP_MASKED_EQ ? "($a%u" : "$a%u", c->arg);
  if (c->bits < 64 || c->is_signed)
    g_string_append_printf (out, ".%c%u", c->is_signed ? 's' : 'u', c->bits);
  if (c->op == SCMP_COMPARE_OP_MASKED_EQ)
    g_string_append_printf (out, " & 0x%" G_GINT64_MODIFIER "x) ==", c->mask);
  else
    g_string_append_printf (out, " %s", _scmp_compare_op_symbol (c->op));
  if (negative)
    datum = (_scmp_bits_mask (c->bits) ^ datum) + 1;
  g_string_append_printf (out, " %s0x%" G_GINT64_MODIFIER "x", negative ? "-" : "", datum);
}

/* The clauses of @d, then @fallback unless the last is unconditional. */
static void
pfc_decision (GString            *out,
              const ScmpDecision *d,
              guint32             fallback)
{
  for (guint c = 0; c < d->n; c++)
    {
      const ScmpClause *cl = &d->clauses[c];

      g_string_append (out, "    ");
      if (cl->n_conds > 0)
        {
          g_string_append (out, "if (");
          for (guint k = 0; k < cl->n_conds; k++)
            {
              if (k > 0)
                g_string_append (out, " && ");
              pfc_condition (out, &cl->conds[k]);
            }
          g_string_append (out, ") ");
        }
      pfc_action (out, cl->action);
    }
  if (d->n == 0 || d->clauses[d->n - 1].n_conds > 0)
    {
      g_string_append (out, "    ");
      pfc_action (out, fallback);
    }
}

char *
_scmp_pfc_print (const ScmpCompileInput *input,
                 const ScmpDecisions    *decisions)
{
  GString *out;

  out = g_string_new ("# scmp-glib pseudo filter code\n");
  for (gsize i = 0; i < decisions->n; i++)
    {
      const ScmpArchDecisions *ad = &decisions->ads[i];
      guint n_sys;
      const guint16 *by_nr = _scmp_arch_syscalls_by_nr (ad->info->arch, &n_sys);

      g_string_append_printf (out, "if ($arch == 0x%08x) # %s\n", ad->info->audit_arch, ad->info->name);
      if (ad->info->arch == SCMP_ARCHITECTURE_X32)
        g_string_append_printf (out, "  # only numbers with the x32 bit (0x%08x) set\n", SCMP_X32_SYSCALL_BIT);
      else if (ad->info->arch == SCMP_ARCHITECTURE_X86_64)
        g_string_append_printf (out, "  # only numbers without the x32 bit (0x%08x) set\n", SCMP_X32_SYSCALL_BIT);
      g_string_append (out, "  if ($syscall == -1) # a tracer skipped the call\n    ");
      pfc_action (out, input->allow_tracer_skip ? SECCOMP_RET_ALLOW
                                                : ad->default_action);

      for (guint s = 0; s < n_sys; s++)
        {
          const ScmpDecision *d = &ad->by_name[by_nr[s]];
          guint32 fallback = _scmp_arch_decisions_fallback (ad, by_nr[s]);

          if (d->n == 0 && fallback == ad->default_action)
            continue;
          g_string_append_printf (out, "  if ($syscall == %d) # %s\n",
                                  _scmp_syscall_number (by_nr[s], ad->info->arch),
                                  _scmp_syscall_name (by_nr[s]));
          pfc_decision (out, d, fallback);
        }
      for (guint s = 0; s < ad->n_spans; s++)
        {
          const ScmpNumberSpan *sp = &ad->spans[s];

          if (sp->first == sp->last)
            g_string_append_printf (out, "  if ($syscall == %u) # not in the tables\n", sp->first);
          else
            g_string_append_printf (out, "  if ($syscall >= %u && $syscall <= %u) "
                                    "# the numbers the tables do not name\n", sp->first, sp->last);
          pfc_decision (out, &sp->d, ad->unknown_action);
        }
      if (ad->unknown_action != ad->default_action)
        {
          g_string_append (out, "  # any other number the tables do not name\n  ");
          pfc_action (out, ad->unknown_action);
        }
      g_string_append (out, "  # any other syscall\n  ");
      pfc_action (out, ad->default_action);
    }
  g_string_append (out, "# any other architecture\n");
  pfc_action (out, scmp_action_get_kernel_value (input->bad_arch_action));
  return g_string_free (out, FALSE);
}
