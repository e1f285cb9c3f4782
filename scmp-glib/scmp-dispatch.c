/* scmp-dispatch.c: arch tests, the x32 split and the search tree over
 * each ABI's syscall numbers
 *
 * SPDX-FileCopyrightText: 2026 The scmp-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "scmp-dispatch-private.h"

#include "scmp-bpf-private.h"
#include "scmp-lower-private.h"
#include "scmp-range-tree-private.h"

#include <linux/audit.h>
#include <linux/seccomp.h>

/* Weight of a range in the search tree: how often a call is expected to
 * land there. Every syscall of the ABI's table counts the same, a priority
 * hint multiplies it, numbers outside the table count (almost) nothing. */
#define WEIGHT_PER_SYSCALL 64

/* Numbers @lo..@hi, which the table does not name: the spans of rules on
 * numbers, and the unknown-syscall action around them. @span walks
 * @ad->spans upwards as the holes do. */
static void
ranges_add_hole (GArray                  *ranges,
                 ScmpDag                 *dag,
                 const ScmpArchDecisions *ad,
                 guint32                  lo,
                 guint32                  hi,
                 guint                   *span,
                 ScmpCompileMode          mode)
{
  ScmpNode *unknown = _scmp_dag_ret (dag, ad->unknown_action);

  while (*span < ad->n_spans && ad->spans[*span].last < lo)
    (*span)++;
  for (; *span < ad->n_spans && ad->spans[*span].first <= hi; (*span)++)
    {
      const ScmpNumberSpan *sp = &ad->spans[*span];

      if (sp->first > lo)
        _scmp_ranges_add (ranges, lo, unknown, 0);
      _scmp_ranges_add (ranges, MAX (sp->first, lo),
                        _scmp_lower_decision (dag, ad->info, &sp->d, ad->unknown_action, mode), 0);
      if (sp->last >= hi)
        return;          /* (the span may go on into the next hole) */
      lo = sp->last + 1;
    }
  _scmp_ranges_add (ranges, lo, unknown, 0);
}

/* Ranges [from, to] of one ABI's number space (to inclusive). */
static void
ranges_add_arch (GArray                  *ranges,
                 ScmpDag                 *dag,
                 const ScmpArchDecisions *ad,
                 guint32                  from,
                 guint32                  to,
                 const ScmpCompileInput  *input,
                 ScmpCompileMode          mode)
{
  ScmpArchitecture arch = ad->info->arch;
  gboolean hints = input->priorities != NULL && g_hash_table_size (input->priorities) > 0;
  guint n_sys;
  const guint16 *by_nr = _scmp_arch_syscalls_by_nr (arch, &n_sys);
  guint32 cursor = from;     /* the first number not yet in @ranges */
  guint span = 0;

  for (guint i = 0; i < n_sys; i++)
    {
      const ScmpDecision *d = &ad->by_name[by_nr[i]];
      guint32 nr = (guint32) _scmp_syscall_number (by_nr[i], arch);
      guint32 fallback = _scmp_arch_decisions_fallback (ad, by_nr[i]);
      guint64 weight = WEIGHT_PER_SYSCALL;

      if (nr < from)
        continue;
      if (nr > to)
        break;
      if (nr > cursor)
        ranges_add_hole (ranges, dag, ad, cursor, nr - 1, &span, mode);
      if (d->n == 0)
        _scmp_ranges_add (ranges, nr, _scmp_dag_ret (dag, fallback), weight);
      else
        {
          if (hints)
            weight *= 1 + GPOINTER_TO_UINT (g_hash_table_lookup (input->priorities,
                                                                 _scmp_syscall_name (by_nr[i])));
          _scmp_ranges_add (ranges, nr, _scmp_lower_decision (dag, ad->info, d, fallback, mode),
                            weight);
        }
      cursor = nr + 1;
    }
  if (cursor <= to)
    ranges_add_hole (ranges, dag, ad, cursor, to, &span, mode);
}

/* The search over nr that leads to each range's node. */
static ScmpNode *
number_tree (ScmpDag         *dag,
             GArray          *ranges,
             ScmpCompileMode  mode)
{
  ScmpRange *r = (ScmpRange *) (void *) ranges->data;

  if (mode == SCMP_COMPILE_NAIVE)
    return _scmp_range_tree_balanced (dag, SCMP_BPF_OFF_NR, r, ranges->len);
  return _scmp_range_tree_optimal (dag, SCMP_BPF_OFF_NR, r, ranges->len);
}

ScmpNode *
_scmp_dispatch_build (ScmpDag                *dag,
                      const ScmpCompileInput *input,
                      const ScmpDecisions    *decisions,
                      ScmpCompileMode         mode)
{
  ScmpNode *bad_arch, *root;
  guint32 skip_value;

  bad_arch = _scmp_dag_ret (dag, scmp_action_get_kernel_value (input->bad_arch_action));
  skip_value = input->allow_tracer_skip ? SECCOMP_RET_ALLOW
                                        : scmp_action_get_kernel_value (input->default_action);

  /* Dispatch on arch, last arch first so that the first added is tested
   * first. x86_64 and x32 share one audit token and split the numbers. */
  root = bad_arch;
  for (gsize i = decisions->n; i-- > 0; )
    {
      const ScmpArchDecisions *ad = &decisions->ads[i];
      const ScmpArchDecisions *partner = NULL;
      g_autoptr(GArray) ranges = g_array_new (FALSE, FALSE, sizeof (ScmpRange));
      gboolean is_x32 = ad->info->arch == SCMP_ARCHITECTURE_X32;
      ScmpNode *skip;

      /* Handle the x86_64 token once, at the first of the pair in order. */
      for (gsize j = 0; j < decisions->n; j++)
        if (j != i && decisions->ads[j].info->audit_arch == ad->info->audit_arch)
          partner = &decisions->ads[j];
      if (partner != NULL && partner < ad)
        continue;

      skip = _scmp_dag_ret (dag, skip_value);
      if (ad->info->audit_arch == AUDIT_ARCH_X86_64)
        {
          const ScmpArchDecisions *x86_64 = is_x32 ? partner : ad;
          const ScmpArchDecisions *x32 = is_x32 ? ad : partner;

          if (x86_64 != NULL && x32 != NULL && mode != SCMP_COMPILE_NAIVE)
            {
              g_autoptr(GArray) native = g_array_new (FALSE, FALSE, sizeof (ScmpRange));

              /* Both ABIs: the x32 bit is tested first, then each side
               * searches its own numbers (two small trees are much
               * cheaper to plan than one). A side never sees the
               * quarters of the 32-bit space where the bit has the other
               * value: they fall into whatever range precedes them. */
              ranges_add_arch (native, dag, x86_64, 0, SCMP_X32_SYSCALL_BIT - 1, input, mode);
              ranges_add_arch (native, dag, x86_64, 2 * SCMP_X32_SYSCALL_BIT, 3 * SCMP_X32_SYSCALL_BIT - 1, input, mode);
              ranges_add_arch (ranges, dag, x32, SCMP_X32_SYSCALL_BIT, 2 * SCMP_X32_SYSCALL_BIT - 1, input, mode);
              ranges_add_arch (ranges, dag, x32, 3 * SCMP_X32_SYSCALL_BIT, SCMP_NR_TRACER_SKIP - 1, input, mode);
              _scmp_ranges_add (ranges, SCMP_NR_TRACER_SKIP, skip, 0);
              root = _scmp_dag_test (dag, SCMP_BPF_OFF_ARCH, SCMP_WORD_ALL, BPF_JEQ, ad->info->audit_arch,
                                _scmp_dag_test (dag, SCMP_BPF_OFF_NR, SCMP_WORD_ALL, BPF_JSET, SCMP_X32_SYSCALL_BIT,
                                           number_tree (dag, ranges, mode),
                                           number_tree (dag, native, mode)),
                                root);
              continue;
            }

          /* One of them (or the naive compile): the x32 bit decides,
           * wherever it sits in the 32-bit space: 0x4…, 0x7… and
           * 0xc…–0xf… are x32 numbers, the rest x86_64. */
          for (guint32 quarter = 0; quarter < 4; quarter++)
            {
              guint32 from = quarter << 30;
              guint32 to = quarter == 3 ? SCMP_NR_TRACER_SKIP - 1 : from + (SCMP_X32_SYSCALL_BIT - 1);
              const ScmpArchDecisions *owner = (from & SCMP_X32_SYSCALL_BIT) ? x32 : x86_64;

              if (owner != NULL)
                ranges_add_arch (ranges, dag, owner, from, to, input, mode);
              else
                _scmp_ranges_add (ranges, from, bad_arch, 0);
            }
        }
      else
        ranges_add_arch (ranges, dag, ad, 0, SCMP_NR_TRACER_SKIP - 1, input, mode);
      _scmp_ranges_add (ranges, SCMP_NR_TRACER_SKIP, skip, 0);

      root = _scmp_dag_test (dag, SCMP_BPF_OFF_ARCH, SCMP_WORD_ALL, BPF_JEQ, ad->info->audit_arch,
                        number_tree (dag, ranges, mode), root);
    }
  return root;
}
