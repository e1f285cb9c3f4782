/* scmp-decision.c: rules → per ABI, per syscall number, an ordered list
 * of clauses
 *
 * SPDX-FileCopyrightText: 2026 The scmp-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "scmp-decision-private.h"

#include "scmp-rule-private.h"

#include <linux/seccomp.h>
#include <string.h>

/* Kernel precedence: the smaller the signed action part, the more
 * restrictive. On a tie the earlier candidate is kept. */
static inline gint32
action_rank (guint32 ret)
{
  return (gint32) (ret & SECCOMP_RET_ACTION_FULL);
}

static inline guint32
most_restrictive (guint32 earlier,
                  guint32 later)
{
  return action_rank (later) < action_rank (earlier) ? later : earlier;
}

/* Storage that lives as long as the decisions: multiplexer expansion is
 * the only thing that makes new clauses and conditions, and it is rare. */
static gpointer
arena_take (GPtrArray *arena,
            gpointer   block)
{
  g_ptr_array_add (arena, block);
  return block;
}

static guint
arg_cond_hash (gconstpointer data)
{
  const ScmpArgCond *c = data;
  guint h = c->arg * 7919u + c->bits * 31u + c->is_signed * 104729u + c->op * 1299709u;

  return h ^ g_int64_hash (&c->datum) ^ (g_int64_hash (&c->mask) * 31u);
}

static gboolean
arg_cond_equal_func (gconstpointer a,
                     gconstpointer b)
{
  return _scmp_arg_cond_equal (a, b);
}

/* Up to this many pairs of conditions, the pairwise test beats a hash set. */
#define CONDS_PAIRWISE_MAX 256

/* Every condition of @a is one of @b: whenever @b holds, @a does. */
static gboolean
conds_subset (const ScmpClause *a,
              const ScmpClause *b)
{
  g_autoptr(GHashTable) set = NULL;

  if ((guint64) a->n_conds * b->n_conds > CONDS_PAIRWISE_MAX)
    {
      set = g_hash_table_new (arg_cond_hash, arg_cond_equal_func);
      for (guint i = 0; i < b->n_conds; i++)
        g_hash_table_add (set, (gpointer) &b->conds[i]);
      for (guint i = 0; i < a->n_conds; i++)
        if (!g_hash_table_contains (set, &a->conds[i]))
          return FALSE;
      return TRUE;
    }
  for (guint i = 0; i < a->n_conds; i++)
    if (!_scmp_arg_conds_contain (b->conds, b->n_conds, &a->conds[i]))
      return FALSE;
  return TRUE;
}

/* Two equality tests of the same word with different values can never
 * both hold: used to prune the clauses multiplexer expansion creates. */
static gboolean
conds_unsatisfiable (const ScmpArgCond *conds,
                     guint              n)
{
  /* The first EQ datum per argument and width (8, 16, 32, 64 bits):
   * one pass, however long the list. */
  guint64 first[SCMP_CONDITION_MAX_ARG + 1][4];
  gboolean seen[SCMP_CONDITION_MAX_ARG + 1][4] = { { FALSE } };

  for (guint i = 0; i < n; i++)
    {
      const ScmpArgCond *a = &conds[i];
      guint w = a->bits == 8 ? 0 : a->bits == 16 ? 1 : a->bits == 32 ? 2 : 3;

      if (a->op != SCMP_COMPARE_OP_EQ)
        continue;
      g_assert (a->arg <= SCMP_CONDITION_MAX_ARG);
      if (!seen[a->arg][w])
        {
          seen[a->arg][w] = TRUE;
          first[a->arg][w] = a->datum;
        }
      else if (first[a->arg][w] != a->datum)
        return TRUE;
    }
  return FALSE;
}

/* The test of sub-call @sub ∧ @more (without repeating a condition). */
static void
clause_list_append_sub (GArray            *list,
                        GPtrArray         *arena,
                        const ScmpArgCond *sub_test,
                        const ScmpArgCond *more,
                        guint              n_more,
                        guint32            action,
                        guint              rule,
                        gboolean           unchecked,
                        guint              tested)
{
  ScmpArgCond *conds = arena_take (arena, g_new (ScmpArgCond, 1 + n_more));
  ScmpClause c = { conds, 1, action, -1, FALSE, rule, unchecked, tested };

  conds[0] = *sub_test;
  for (guint i = 0; i < n_more; i++)
    if (!_scmp_arg_conds_contain (conds, c.n_conds, &more[i]))
      conds[c.n_conds++] = more[i];
  if (!conds_unsatisfiable (conds, c.n_conds))
    g_array_append_val (list, c);
}

/* The clauses of a multiplexer syscall (socketcall, ipc) come from rules
 * for the multiplexer itself, whose conditions BPF can check, and from
 * rules for multiplexed calls, whose conditions it cannot (the arguments
 * are behind a pointer). For each sub-call s, a call may then end with any
 * of the actions of the unreadable rules met on the way, or with what
 * comes after them: the filter takes the most restrictive of those (the
 * earliest on a tie), which is never laxer than the rules. Rewrites the
 * list into plain clauses:
 *
 *   for each sub-call s:  s ∧ (the list as s sees it, actions tightened)
 *   then:                 the multiplexer's own rules, for the other calls
 *
 * The result grows with (sub-calls × own rules), never exponentially. */
static void
decision_expand (ScmpDecision    *d,
                 ScmpMultiplexer  mux,
                 guint32          default_action,
                 GPtrArray       *arena)
{
  g_autoptr(GArray) subs = g_array_new (FALSE, FALSE, sizeof (gint32));
  GArray *out;

  for (guint i = 0; i < d->n; i++)
    {
      gint32 sub = d->clauses[i].sub;
      gboolean seen = FALSE;

      for (guint k = 0; k < subs->len && !seen; k++)
        seen = g_array_index (subs, gint32, k) == sub;
      if (sub >= 0 && !seen)
        g_array_append_val (subs, sub);
    }
  if (subs->len == 0)
    return;

  out = g_array_new (FALSE, FALSE, sizeof (ScmpClause));
  for (guint k = 0; k < subs->len; k++)
    {
      guint32 s = (guint32) g_array_index (subs, gint32, k);
      gboolean have_acc = FALSE, closed = FALSE;
      guint32 acc = 0;
      guint acc_rule = SCMP_CLAUSE_NO_RULE;
      /* __sys_socketcall (int call, …) reads an int; ksys_ipc (unsigned
       * int call, …) dispatches on call & 0xffff, the rest is a version. */
      ScmpArgCond test = mux == SCMP_MULTIPLEXER_IPC
        ? (ScmpArgCond) { 0, 32, FALSE, SCMP_COMPARE_OP_MASKED_EQ, s, 0xffff }
        : (ScmpArgCond) { 0, 32, TRUE, SCMP_COMPARE_OP_EQ, s, 0 };

      for (guint i = 0; i < d->n && !closed; i++)
        {
          const ScmpClause *c = &d->clauses[i];
          /* the rule whose action is taken: the unreadable ones met so
           * far win unless c's is stricter */
          gboolean take_c = !have_acc || most_restrictive (acc, c->action) != acc;
          guint32 action = take_c ? c->action : acc;
          guint rule = take_c ? c->rule : acc_rule;

          if (c->sub >= 0 && (guint32) c->sub != s)
            continue;
          if ((guint32) c->sub == s && c->maybe)
            {
              acc = action;
              acc_rule = rule;
              have_acc = TRUE;
            }
          else if ((guint32) c->sub == s)
            {
              clause_list_append_sub (out, arena, &test, NULL, 0, action, rule, !take_c, c->tested);
              closed = TRUE;
            }
          else
            clause_list_append_sub (out, arena, &test, c->conds, c->n_conds, action, rule, !take_c,
                                    c->tested);
        }
      if (!closed)
        {
          gboolean take_acc = have_acc && most_restrictive (acc, default_action) == acc;

          clause_list_append_sub (out, arena, &test, NULL, 0,
                                  take_acc ? acc : default_action,
                                  take_acc ? acc_rule : SCMP_CLAUSE_NO_RULE, take_acc,
                                  SCMP_CLAUSE_NO_RULE);
        }
    }

  for (guint i = 0; i < d->n; i++)
    if (d->clauses[i].sub < 0)
      g_array_append_val (out, d->clauses[i]);

  d->n = out->len;
  d->clauses = arena_take (arena, g_array_free (out, FALSE));
}

/* After the first unconditional clause nothing can fire; a trailing clause
 * whose action is the default changes nothing. */
static void
decision_trim (ScmpDecision *d,
               guint32       default_action)
{
  for (guint i = 0; i < d->n; i++)
    {
      if (d->clauses[i].n_conds == 0)
        {
          d->n = i + 1;
          break;
        }
    }

  /* A clause whose conditions include an earlier clause's never fires.
   * (Quadratic: skipped on huge lists, where it is only a size gain.) */
  for (guint j = 1; j < d->n && d->n <= 128; j++)
    {
      for (guint i = 0; i < j; i++)
        {
          if (conds_subset (&d->clauses[i], &d->clauses[j]))
            {
              memmove (&d->clauses[j], &d->clauses[j + 1], (d->n - j - 1) * sizeof (ScmpClause));
              d->n--;
              j--;
              break;
            }
        }
    }

  while (d->n > 0 && d->clauses[d->n - 1].action == default_action)
    d->n--;
}

/* What every ABI reads of a rule, taken once per compile. */
typedef struct {
  ScmpRule            *rule;
  int                  idx;        /* name index, -1 for an unknown name or numbers */
  guint32              action;
  const ScmpCondition *conds;
  guint                n_conds;
  gboolean             numbers;    /* a rule on numbers: */
  ScmpArchitecture     nr_arch;    /*   their ABI */
  guint32              first, last;
} RuleView;

static void
arch_decisions_clear (ScmpArchDecisions *ad)
{
  g_clear_pointer (&ad->by_name, g_free);
  g_clear_pointer (&ad->store, g_free);
  g_clear_pointer (&ad->cond_store, g_free);
  g_clear_pointer (&ad->spans, g_free);
  g_clear_pointer (&ad->arena, g_ptr_array_unref);
}

/* Where a rule lands on one ABI: the lists of its own number (or, for a
 * rule on numbers, of the table's syscalls by_nr[nr_from..nr_to) in its
 * range), and the multiplexer's when the call also goes through
 * socketcall/ipc. */
typedef struct {
  gboolean applies;
  int      direct;       /* name index, or -1 */
  int      muxed;        /* the multiplexer's name index, or -1 */
  guint    sub;          /* (muxed) the sub-call */
  guint    nr_from, nr_to;
} RuleSlots;

static void
rule_slots (const RuleView     *r,
            const ScmpArchInfo *info,
            const int           mux_idx[3],
            RuleSlots          *out)
{
  ScmpMultiplexer mux;

  out->applies = _scmp_rule_applies_to (r->rule, info->arch) &&
                 (!r->numbers || r->nr_arch == info->arch);
  out->direct = out->muxed = -1;
  out->nr_from = out->nr_to = 0;
  if (!out->applies)
    return;
  if (r->numbers)
    {
      _scmp_arch_syscalls_in_range (info->arch, r->first, r->last, &out->nr_from, &out->nr_to);
      return;
    }
  if (r->idx < 0)
    return;
  mux = _scmp_syscall_mux (r->idx, info->arch, &out->sub);
  out->direct = _scmp_syscall_number (r->idx, info->arch) >= 0 ? r->idx : -1;
  out->muxed = mux != SCMP_MULTIPLEXER_NONE ? mux_idx[mux] : -1;
}

static int
compare_guint32 (gconstpointer a,
                 gconstpointer b)
{
  guint32 x = *(const guint32 *) a, y = *(const guint32 *) b;

  return x < y ? -1 : x > y;
}

/* The decisions for numbers the tables do not name: the rules on numbers
 * cut the number space into spans, each with the clauses of the rules
 * covering it, in order. (Numbers the table names inside a span are
 * decided by their own list; dispatch only asks the spans for the others.) */
static void
spans_build (ScmpArchDecisions *ad,
             const RuleView    *rules,
             guint              n_rules,
             const RuleSlots   *slots)
{
  g_autoptr(GArray) cuts = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (ScmpNumberSpan));

  for (guint r = 0; r < n_rules; r++)
    if (slots[r].applies && rules[r].numbers)
      {
        guint32 end = rules[r].last + 1;

        g_array_append_val (cuts, rules[r].first);
        if (end != 0)
          g_array_append_val (cuts, end);
      }
  if (cuts->len == 0)
    return;
  g_array_sort (cuts, compare_guint32);

  for (guint c = 0; c < cuts->len; c++)
    {
      guint32 lo = g_array_index (cuts, guint32, c);
      guint32 hi;
      ScmpNumberSpan span;
      GArray *clauses;

      if (c + 1 < cuts->len && g_array_index (cuts, guint32, c + 1) == lo)
        continue;
      hi = c + 1 < cuts->len ? g_array_index (cuts, guint32, c + 1) - 1 : G_MAXUINT32;
      clauses = g_array_new (FALSE, FALSE, sizeof (ScmpClause));
      for (guint r = 0; r < n_rules; r++)
        if (slots[r].applies && rules[r].numbers && rules[r].first <= lo && hi <= rules[r].last)
          {
            const RuleView *rv = &rules[r];
            ScmpArgCond *conds = rv->n_conds > 0 ? g_new (ScmpArgCond, rv->n_conds) : NULL;
            ScmpClause clause = { conds, rv->n_conds, rv->action, -1, FALSE, r, FALSE, r };

            /* no table entry: every argument is the whole register */
            for (guint i = 0; i < rv->n_conds; i++)
              _scmp_arg_cond_init (&conds[i], &rv->conds[i],
                                   _scmp_condition_type (&rv->conds[i], -1, ad->info->arch));
            if (conds != NULL)
              g_ptr_array_add (ad->arena, conds);
            if (!conds_unsatisfiable (conds, rv->n_conds))
              g_array_append_val (clauses, clause);
          }
      span.first = lo;
      span.last = hi;
      span.d.n = clauses->len;
      span.d.clauses = (ScmpClause *) (void *) clauses->data;
      g_ptr_array_add (ad->arena, g_array_free (clauses, FALSE));
      if (span.d.n > 0)
        decision_trim (&span.d, ad->unknown_action);
      if (span.d.n > 0)
        g_array_append_val (spans, span);
    }
  ad->n_spans = spans->len;
  ad->spans = (ScmpNumberSpan *) (void *) g_array_free (g_steal_pointer (&spans), FALSE);
}

/* @slots: room for @n_rules, scratch shared by the ABIs. */
static void
arch_decisions_build (ScmpArchDecisions      *ad,
                      ScmpArchitecture        arch,
                      const ScmpCompileInput *input,
                      const RuleView         *rules,
                      guint                   n_rules,
                      const int               mux_idx[3],
                      RuleSlots              *slots)
{
  guint n_names = _scmp_syscall_n_names ();
  guint total = 0, total_conds = 0;
  guint n_by_nr;
  const guint16 *by_nr = _scmp_arch_syscalls_by_nr (arch, &n_by_nr);

  ad->info = _scmp_arch_get_info (arch);
  ad->default_action = scmp_action_get_kernel_value (input->default_action);
  ad->unknown_action = input->unknown_action != NULL
                       ? scmp_action_get_kernel_value (input->unknown_action)
                       : ad->default_action;
  ad->known_kernel = input->known_kernel;
  ad->by_name = g_new0 (ScmpDecision, n_names);
  ad->arena = g_ptr_array_new_with_free_func (g_free);

  /* Count each list's clauses, lay the lists out in one block, fill them. */
  for (guint r = 0; r < n_rules; r++)
    {
      const RuleSlots *slot = &slots[r];

      rule_slots (&rules[r], ad->info, mux_idx, &slots[r]);
      for (guint k = slot->nr_from; k < slot->nr_to; k++)
        ad->by_name[by_nr[k]].n++;
      if (slot->direct >= 0)
        {
          ad->by_name[slot->direct].n++;
          total_conds += rules[r].n_conds;
        }
      if (slot->muxed >= 0)
        ad->by_name[slot->muxed].n++;
    }
  for (guint i = 0; i < n_names; i++)
    total += ad->by_name[i].n;
  ad->store = g_new (ScmpClause, MAX (total, 1));
  ad->cond_store = total_conds > 0 ? g_new (ScmpArgCond, total_conds) : NULL;
  total = 0;
  total_conds = 0;
  for (guint i = 0; i < n_names; i++)
    {
      ad->by_name[i].clauses = ad->store + total;
      total += ad->by_name[i].n;
      ad->by_name[i].n = 0;
    }

  for (guint r = 0; r < n_rules; r++)
    {
      const RuleView *rv = &rules[r];
      const RuleSlots *slot = &slots[r];

      /* (a range of numbers has no conditions) */
      for (guint k = slot->nr_from; k < slot->nr_to; k++)
        {
          ScmpDecision *d = &ad->by_name[by_nr[k]];

          d->clauses[d->n++] = (ScmpClause) { NULL, 0, rv->action, -1, FALSE, r, FALSE, r };
        }
      if (slot->direct >= 0)
        {
          ScmpArgCond *conds = ad->cond_store != NULL ? ad->cond_store + total_conds : NULL;

          for (guint i = 0; i < rv->n_conds; i++)
            _scmp_arg_cond_init (&conds[i], &rv->conds[i],
                                 _scmp_condition_type (&rv->conds[i], slot->direct, arch));
          if (!conds_unsatisfiable (conds, rv->n_conds))
            {
              ScmpDecision *d = &ad->by_name[slot->direct];

              d->clauses[d->n++] = (ScmpClause) { conds, rv->n_conds, rv->action, -1, FALSE, r, FALSE, r };
              total_conds += rv->n_conds;
            }
        }
      if (slot->muxed >= 0)
        {
          ScmpDecision *d = &ad->by_name[slot->muxed];
          d->clauses[d->n++] = (ScmpClause) { NULL, 0, rv->action, (gint32) slot->sub,
                                              rv->n_conds > 0, r, FALSE, r };
        }
    }

  for (guint m = SCMP_MULTIPLEXER_SOCKETCALL; m <= SCMP_MULTIPLEXER_IPC; m++)
    if (mux_idx[m] >= 0)
      decision_expand (&ad->by_name[mux_idx[m]], m, ad->default_action, ad->arena);
  for (guint i = 0; i < n_names; i++)
    if (ad->by_name[i].n > 0)
      decision_trim (&ad->by_name[i], _scmp_arch_decisions_fallback (ad, i));
  spans_build (ad, rules, n_rules, slots);
}

guint32
_scmp_arch_decisions_fallback (const ScmpArchDecisions *ad,
                               int                      name_index)
{
  if (ad->known_kernel != 0 &&
      _scmp_syscall_kernel_version (name_index, ad->info->arch) > ad->known_kernel)
    return ad->unknown_action;
  return ad->default_action;
}

void
_scmp_decisions_build (ScmpDecisions          *d,
                       const ScmpCompileInput *input)
{
  guint n_rules = input->rules->len;
  g_autofree RuleView *rules = g_new (RuleView, MAX (n_rules, 1));
  g_autofree RuleSlots *slots = g_new (RuleSlots, MAX (n_rules, 1));
  int mux_idx[3] = { -1, -1, -1 };

  for (guint r = 0; r < n_rules; r++)
    {
      ScmpRule *rule = g_ptr_array_index (input->rules, r);

      rules[r].rule = rule;
      rules[r].idx = _scmp_rule_get_syscall_index (rule);
      rules[r].action = scmp_action_get_kernel_value (scmp_rule_get_action (rule));
      rules[r].conds = _scmp_rule_get_conditions (rule, &rules[r].n_conds);
      rules[r].numbers = _scmp_rule_get_number_range (rule, &rules[r].nr_arch,
                                                      &rules[r].first, &rules[r].last);
    }

  mux_idx[SCMP_MULTIPLEXER_SOCKETCALL] = _scmp_syscall_lookup ("socketcall");
  mux_idx[SCMP_MULTIPLEXER_IPC] = _scmp_syscall_lookup ("ipc");
  d->n = input->n_arches;
  d->ads = g_new0 (ScmpArchDecisions, input->n_arches);
  for (gsize i = 0; i < input->n_arches; i++)
    arch_decisions_build (&d->ads[i], input->arches[i], input, rules, n_rules, mux_idx, slots);
}

void
_scmp_decisions_clear (ScmpDecisions *d)
{
  for (gsize i = 0; i < d->n; i++)
    arch_decisions_clear (&d->ads[i]);
  g_clear_pointer (&d->ads, g_free);
  d->n = 0;
}
