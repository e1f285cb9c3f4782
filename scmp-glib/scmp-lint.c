/* scmp-lint.c: rules that never fire, do nothing, or mean less than they
 * say, as the kernel will read them
 *
 * SPDX-FileCopyrightText: 2026 The scmp-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "scmp-finding.h"

#include "scmp-arch-private.h"
#include "scmp-decision-private.h"
#include "scmp-enums.h"
#include "scmp-filter-private.h"
#include "scmp-rule-private.h"

#include <string.h>

/**
 * SECTION:scmp-finding
 * @title: Lint
 * @short_description: rules that never fire, and rules that mean less
 *   than they say
 *
 * scmp_filter_lint() looks at a filter as the kernel will run it, on each
 * of its ABIs, and returns an #ScmpFinding for each of these:
 *
 * - %SCMP_FINDING_KIND_SHADOWED: `write: allow if arg0 == 1` after
 *   `write: errno 1`: the earlier rule decides every write.
 * - %SCMP_FINDING_KIND_UNSATISFIABLE: `read: kill if arg0 > 5 && arg0 < 3`.
 * - %SCMP_FINDING_KIND_REDUNDANT: `getpid: allow` in a filter whose default
 *   action is allow, with no other getpid rule.
 * - %SCMP_FINDING_KIND_SYSCALL_MISSING: `open: errno 1` in a filter for
 *   aarch64 only (aarch64 has openat, not open).
 * - %SCMP_FINDING_KIND_SYSCALL_PARTIAL: the same rule in a filter for
 *   x86_64 and aarch64.
 * - %SCMP_FINDING_KIND_ALWAYS_TRUE: `setuid: allow if arg0 <= 0xffffffff`:
 *   the kernel reads a uid as an unsigned 32-bit number.
 * - %SCMP_FINDING_KIND_ARGUMENT_IGNORED: `close: allow if arg1 == 0`: close
 *   takes one argument.
 * - %SCMP_FINDING_KIND_MULTIPLEXER: `connect: errno 13 if arg0 == 7` in a
 *   filter for x86: socketcall(SYS_CONNECT, …) carries the arguments
 *   behind a pointer, so there every connect gets errno 13.
 *
 * A finding names the rule (its position, as scmp_filter_get_rule()
 * counts), for some kinds a second rule or one of the rule's conditions,
 * the ABIs it holds on, and a sentence. A rule that is fine on some ABIs
 * and not on others gets a finding for those others only.
 *
 * Findings are about what the filter does, never about style; rules the
 * compiler can show are dead or inert are the only ones reported as such,
 * so a finding is worth reading. What lint does not look for: rules
 * shadowed only by a combination of earlier rules with different
 * conditions, and conditions that can never hold together on different
 * arguments.
 *
 * Two problems are never findings, because a filter cannot hold them:
 * a datum or mask that the argument, as the kernel reads it on one of the
 * filter's ABIs, cannot hold (`setuid: … if arg0 == 0x100000000`), and an
 * exact rule (scmp_rule_new_exact()) that cannot be enforced on one of
 * them. Adding such a rule, or the ABI that makes it so, fails with
 * %SCMP_ERROR_INVALID_ARGUMENT or %SCMP_ERROR_SYSCALL_NOT_ON_ARCHITECTURE
 * and leaves the filter as it was.
 */

/**
 * ScmpFinding:
 *
 * One thing scmp_filter_lint() found. Immutable.
 *
 * Since: 0.1
 */
struct _ScmpFinding
{
  GObject          parent_instance;

  ScmpFindingKind  kind;
  int              rule_index;
  int              other_rule_index;
  int              condition_index;
  GArray          *arches;          /* (element-type ScmpArchitecture) */
  char            *message;
  char            *detail;          /* (while linting) what the sentence adds */
};

G_DEFINE_FINAL_TYPE (ScmpFinding, scmp_finding, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_KIND,
  PROP_RULE_INDEX,
  PROP_OTHER_RULE_INDEX,
  PROP_CONDITION_INDEX,
  PROP_MESSAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
scmp_finding_finalize (GObject *object)
{
  ScmpFinding *self = SCMP_FINDING (object);

  g_clear_pointer (&self->arches, g_array_unref);
  g_clear_pointer (&self->message, g_free);
  g_clear_pointer (&self->detail, g_free);
  G_OBJECT_CLASS (scmp_finding_parent_class)->finalize (object);
}

static void
scmp_finding_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  ScmpFinding *self = SCMP_FINDING (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_RULE_INDEX:
      g_value_set_int (value, self->rule_index);
      break;
    case PROP_OTHER_RULE_INDEX:
      g_value_set_int (value, self->other_rule_index);
      break;
    case PROP_CONDITION_INDEX:
      g_value_set_int (value, self->condition_index);
      break;
    case PROP_MESSAGE:
      g_value_set_string (value, self->message);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
scmp_finding_class_init (ScmpFindingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = scmp_finding_finalize;
  object_class->get_property = scmp_finding_get_property;

  /**
   * ScmpFinding:kind:
   *
   * What was found.
   *
   * Since: 0.1
   */
  properties[PROP_KIND] = g_param_spec_enum ("kind", NULL, "What was found", SCMP_TYPE_FINDING_KIND,
                                             SCMP_FINDING_KIND_SHADOWED, flags);
  /**
   * ScmpFinding:rule-index:
   *
   * The position of the rule the finding is about.
   *
   * Since: 0.1
   */
  properties[PROP_RULE_INDEX] = g_param_spec_int ("rule-index", NULL, "The position of the rule the finding is about",
                                                  -1, G_MAXINT, -1, flags);
  /**
   * ScmpFinding:other-rule-index:
   *
   * The position of a second rule involved (the earlier rule that shadows
   * a %SCMP_FINDING_KIND_SHADOWED one), or -1.
   *
   * Since: 0.1
   */
  properties[PROP_OTHER_RULE_INDEX] = g_param_spec_int ("other-rule-index", NULL, "The position of a second rule involved",
                                                        -1, G_MAXINT, -1, flags);
  /**
   * ScmpFinding:condition-index:
   *
   * The position of the rule's condition the finding is about
   * (%SCMP_FINDING_KIND_ALWAYS_TRUE, %SCMP_FINDING_KIND_ARGUMENT_IGNORED),
   * as scmp_rule_get_condition() counts, or -1.
   *
   * Since: 0.1
   */
  properties[PROP_CONDITION_INDEX] = g_param_spec_int ("condition-index", NULL, "The position of the rule's condition the finding is about",
                                                       -1, G_MAXINT, -1, flags);
  /**
   * ScmpFinding:message:
   *
   * The finding as a sentence for people.
   *
   * Since: 0.1
   */
  properties[PROP_MESSAGE] = g_param_spec_string ("message", NULL, "The finding as a sentence for people", NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
scmp_finding_init (ScmpFinding *self)
{
  self->rule_index = self->other_rule_index = self->condition_index = -1;
  self->arches = g_array_new (FALSE, FALSE, sizeof (ScmpArchitecture));
}

/**
 * scmp_finding_get_kind:
 * @self: a #ScmpFinding
 *
 * What was found.
 *
 * Returns: the kind of finding
 *
 * Since: 0.1
 */
ScmpFindingKind
scmp_finding_get_kind (ScmpFinding *self)
{
  g_return_val_if_fail (SCMP_IS_FINDING (self), SCMP_FINDING_KIND_SHADOWED);
  return self->kind;
}

/**
 * scmp_finding_get_rule_index:
 * @self: a #ScmpFinding
 *
 * The rule the finding is about, as scmp_filter_get_rule() counts.
 *
 * Returns: its position in the filter
 *
 * Since: 0.1
 */
int
scmp_finding_get_rule_index (ScmpFinding *self)
{
  g_return_val_if_fail (SCMP_IS_FINDING (self), -1);
  return self->rule_index;
}

/**
 * scmp_finding_get_other_rule_index:
 * @self: a #ScmpFinding
 *
 * See #ScmpFinding:other-rule-index.
 *
 * Returns: the position of a second rule involved, or -1
 *
 * Since: 0.1
 */
int
scmp_finding_get_other_rule_index (ScmpFinding *self)
{
  g_return_val_if_fail (SCMP_IS_FINDING (self), -1);
  return self->other_rule_index;
}

/**
 * scmp_finding_get_condition_index:
 * @self: a #ScmpFinding
 *
 * See #ScmpFinding:condition-index.
 *
 * Returns: the position of the condition involved, or -1
 *
 * Since: 0.1
 */
int
scmp_finding_get_condition_index (ScmpFinding *self)
{
  g_return_val_if_fail (SCMP_IS_FINDING (self), -1);
  return self->condition_index;
}

/**
 * scmp_finding_get_architectures:
 * @self: a #ScmpFinding
 * @n_arches: (out): return location for the number of ABIs
 *
 * The ABIs of the filter the finding holds on, in the filter's order.
 *
 * Returns: (array length=n_arches) (transfer none): the ABIs
 *
 * Since: 0.1
 */
const ScmpArchitecture *
scmp_finding_get_architectures (ScmpFinding *self,
                                gsize       *n_arches)
{
  g_return_val_if_fail (SCMP_IS_FINDING (self), NULL);
  g_return_val_if_fail (n_arches != NULL, NULL);

  *n_arches = self->arches->len;
  return (const ScmpArchitecture *) (void *) self->arches->data;
}

/**
 * scmp_finding_get_message:
 * @self: a #ScmpFinding
 *
 * The finding as a sentence, naming the rule, the ABIs and what is wrong,
 * for example `Rule 2 (write: allow if arg0 == 1) never fires on x86_64:
 * rule 0 (write: errno(1)) decides every call it matches first.`
 *
 * Returns: the sentence
 *
 * Since: 0.1
 */
const char *
scmp_finding_get_message (ScmpFinding *self)
{
  g_return_val_if_fail (SCMP_IS_FINDING (self), NULL);
  return self->message;
}

/* ------------------------------------------------------------------ */
/* The analysis                                                        */
/* ------------------------------------------------------------------ */

/* What one rule is on one ABI. */
typedef struct {
  gboolean     applies;       /* not limited away from the ABI */
  gboolean     direct;        /* a number of its own there, or a rule on numbers */
  gboolean     muxed;         /* also reached through socketcall/ipc */
  ScmpMultiplexer mux;
  ScmpArgCond *conds;         /* (owned) the rule's conditions, read as there */
  guint        n_conds;
} RuleOnAbi;

static gboolean
is_number_rule (ScmpRule *rule)
{
  ScmpArchitecture arch;
  guint32 first, last;

  return _scmp_rule_get_number_range (rule, &arch, &first, &last);
}

typedef struct {
  const ScmpCompileInput *input;
  GPtrArray              *findings;   /* (element-type ScmpFinding) */
} Lint;

/* Records finding @kind about rule @rule (and @other, @cond) on @arch:
 * made on the first ABI it holds on, extended on the next ones that say
 * the same (@detail, taken, is what its sentence adds). */
static void
lint_finding (Lint             *lint,
              ScmpFindingKind   kind,
              guint             rule,
              int               other,
              int               cond,
              ScmpArchitecture  arch,
              char             *detail)
{
  ScmpFinding *f = NULL;

  for (guint i = 0; i < lint->findings->len && f == NULL; i++)
    {
      ScmpFinding *g = g_ptr_array_index (lint->findings, i);

      if (g->kind == kind && g->rule_index == (int) rule && g->other_rule_index == other &&
          g->condition_index == cond && g_strcmp0 (g->detail, detail) == 0)
        f = g;
    }
  if (f == NULL)
    {
      f = g_object_new (SCMP_TYPE_FINDING, NULL);
      f->kind = kind;
      f->rule_index = (int) rule;
      f->other_rule_index = other;
      f->condition_index = cond;
      f->detail = g_steal_pointer (&detail);
      g_ptr_array_add (lint->findings, f);
    }
  g_array_append_val (f->arches, arch);
  g_free (detail);
}

static void
rule_on_abi (const ScmpCompileInput *input,
             guint                   r,
             ScmpArchitecture        arch,
             RuleOnAbi              *out)
{
  ScmpRule *rule = g_ptr_array_index (input->rules, r);
  ScmpArchitecture nr_arch;
  guint32 first, last;
  const ScmpCondition *conds;
  guint n_conds, sub;
  int idx = _scmp_rule_get_syscall_index (rule);

  conds = _scmp_rule_get_conditions (rule, &n_conds);
  if (out->conds == NULL || out->n_conds != n_conds)
    {
      g_free (out->conds);
      out->conds = g_new (ScmpArgCond, MAX (n_conds, 1));
    }
  out->n_conds = n_conds;
  out->direct = out->muxed = FALSE;
  out->mux = SCMP_MULTIPLEXER_NONE;
  out->applies = _scmp_rule_applies_to (rule, arch);
  if (_scmp_rule_get_number_range (rule, &nr_arch, &first, &last))
    {
      out->applies = out->applies && nr_arch == arch;
      out->direct = out->applies;
      idx = -1;
    }
  else if (idx >= 0)
    {
      out->direct = _scmp_syscall_number (idx, arch) >= 0;
      out->mux = _scmp_syscall_mux (idx, arch, &sub);
      out->muxed = out->mux != SCMP_MULTIPLEXER_NONE;
    }

  for (guint i = 0; i < out->n_conds; i++)
    _scmp_arg_cond_init (&out->conds[i], &conds[i], _scmp_condition_type (&conds[i], idx, arch));
}

/* A compare's datum as a point in the argument's order: signed values
 * shifted so that unsigned order is theirs. */
static guint64
order_key (const ScmpArgCond *c,
           guint64            v)
{
  return c->is_signed ? (v ^ (G_GUINT64_CONSTANT (1) << (c->bits - 1))) & _scmp_bits_mask (c->bits) : v;
}

/* Whether the values the conditions on one argument (read the same way)
 * leave form an empty set: an interval for the order compares, then the
 * equalities and masks. */
static gboolean
conds_unsatisfiable (const ScmpArgCond *conds,
                     guint              n)
{
  for (guint i = 0; i < n; i++)
    {
      const ScmpArgCond *a = &conds[i];
      guint64 lo = 0, hi = _scmp_bits_mask (a->bits);
      gboolean empty = FALSE;

      for (guint j = 0; j < n && !empty; j++)
        {
          const ScmpArgCond *c = &conds[j];
          guint64 k = order_key (c, c->datum), max = _scmp_bits_mask (c->bits);

          if (c->arg != a->arg || c->bits != a->bits || c->is_signed != a->is_signed)
            continue;
          switch (c->op)
            {
            case SCMP_COMPARE_OP_EQ: lo = MAX (lo, k); hi = MIN (hi, k); break;
            case SCMP_COMPARE_OP_LT: empty = k == 0; hi = MIN (hi, k - 1); break;
            case SCMP_COMPARE_OP_LE: hi = MIN (hi, k); break;
            case SCMP_COMPARE_OP_GT: empty = k == max; lo = MAX (lo, k + 1); break;
            case SCMP_COMPARE_OP_GE: lo = MAX (lo, k); break;
            case SCMP_COMPARE_OP_MASKED_EQ: empty = (c->datum & ~c->mask) != 0; break;
            case SCMP_COMPARE_OP_NE: break;
            default: break;
            }
        }
      if (empty || lo > hi)
        return TRUE;
      /* one value left: the inequalities and masks must allow it */
      for (guint j = 0; j < n && lo == hi; j++)
        {
          const ScmpArgCond *c = &conds[j];
          guint64 v;

          if (c->arg != a->arg || c->bits != a->bits || c->is_signed != a->is_signed)
            continue;
          v = order_key (c, lo);   /* the key is its own inverse */
          if ((c->op == SCMP_COMPARE_OP_NE && v == c->datum) ||
              (c->op == SCMP_COMPARE_OP_MASKED_EQ && (v & c->mask) != c->datum))
            return TRUE;
        }
    }
  return FALSE;
}

static gboolean
cond_always_true (const ScmpArgCond *c)
{
  guint64 k = order_key (c, c->datum);

  switch (c->op)
    {
    case SCMP_COMPARE_OP_LE:        return k == _scmp_bits_mask (c->bits);
    case SCMP_COMPARE_OP_GE:        return k == 0;
    case SCMP_COMPARE_OP_MASKED_EQ: return c->mask == 0 && c->datum == 0;
    default:                        return FALSE;
    }
}

/* Every condition of @a is one of @b's: whenever @b holds, @a does. */
static gboolean
conds_subset (const RuleOnAbi *a,
              const RuleOnAbi *b)
{
  for (guint i = 0; i < a->n_conds; i++)
    if (!_scmp_arg_conds_contain (b->conds, b->n_conds, &a->conds[i]))
      return FALSE;
  return TRUE;
}

static const char *
kind_of_number (const ScmpArgCond *c)
{
  static const char * const names[2][4] = {
    { "an unsigned 8-bit", "an unsigned 16-bit", "an unsigned 32-bit", "an unsigned 64-bit" },
    { "a signed 8-bit", "a signed 16-bit", "a signed 32-bit", "a signed 64-bit" },
  };
  guint i = c->bits == 8 ? 0 : c->bits == 16 ? 1 : c->bits == 32 ? 2 : 3;

  return names[c->is_signed ? 1 : 0][i];
}

/* "x86_64, x86 and aarch64" */
static char *
arches_text (GArray *arches)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < arches->len; i++)
    {
      if (i > 0)
        g_string_append (s, i + 1 == arches->len ? " and " : ", ");
      g_string_append (s, scmp_architecture_to_name (g_array_index (arches, ScmpArchitecture, i)));
    }
  return g_string_free (s, FALSE);
}

static char *
rule_text (const ScmpCompileInput *input,
           int                     r)
{
  g_autofree char *rule = scmp_rule_to_string (g_ptr_array_index (input->rules, r));

  return g_strdup_printf ("rule %d (%s)", r, rule);
}

/* The sentence of @f, once its ABIs are known. */
static void
finding_write_message (ScmpFinding            *f,
                       const ScmpCompileInput *input,
                       const char             *detail)
{
  g_autofree char *rule = rule_text (input, f->rule_index);
  g_autofree char *arches = arches_text (f->arches);
  g_autofree char *other = f->other_rule_index >= 0 ? rule_text (input, f->other_rule_index) : NULL;
  ScmpRule *r = g_ptr_array_index (input->rules, f->rule_index);
  const char *name = scmp_rule_get_syscall (r);
  g_autofree char *cond = NULL;
  char *m = NULL;

  if (f->condition_index >= 0)
    cond = scmp_condition_to_string (scmp_rule_get_condition (r, f->condition_index));

  rule[0] = g_ascii_toupper (rule[0]);
  switch (f->kind)
    {
    case SCMP_FINDING_KIND_SHADOWED:
      m = other != NULL
          ? g_strdup_printf ("%s never fires on %s: %s decides every call it matches first.",
                             rule, arches, other)
          : g_strdup_printf ("%s never fires on %s: earlier rules decide every call it matches.",
                             rule, arches);
      break;
    case SCMP_FINDING_KIND_UNSATISFIABLE:
      m = g_strdup_printf ("%s never fires on %s: no arguments satisfy all its conditions as "
                           "the kernel reads them%s.", rule, arches, detail);
      break;
    case SCMP_FINDING_KIND_REDUNDANT:
      m = g_strdup_printf ("%s changes nothing on %s: the calls it matches get %s anyway.",
                           rule, arches, detail);
      break;
    case SCMP_FINDING_KIND_SYSCALL_MISSING:
      m = g_strdup_printf ("%s does nothing: %s exists on none of its ABIs (%s).",
                           rule, name, arches);
      break;
    case SCMP_FINDING_KIND_SYSCALL_PARTIAL:
      m = g_strdup_printf ("%s does nothing on %s, which %s no %s.", rule, arches,
                           f->arches->len > 1 ? "have" : "has", name);
      break;
    case SCMP_FINDING_KIND_ALWAYS_TRUE:
      if (*detail == '\0')
        m = g_strdup_printf ("%s: the condition %s holds for every value on %s: it tests nothing.",
                             rule, cond, arches);
      else
        m = g_strdup_printf ("%s: the condition %s holds for every value on %s, where the "
                           "kernel reads the argument as %s number: it tests nothing.",
                           rule, cond, arches, detail);
      break;
    case SCMP_FINDING_KIND_ARGUMENT_IGNORED:
      m = g_strdup_printf ("%s: the condition %s tests an argument %s does not take on %s: "
                           "the kernel ignores that register, and the caller can put any "
                           "value there.", rule, cond, name, arches);
      break;
    case SCMP_FINDING_KIND_MULTIPLEXER:
      m = g_strdup_printf ("%s: on %s, %s can also be called through %s(2), whose arguments "
                           "are behind a pointer the filter cannot read: there its conditions "
                           "are not tested, and the call gets the most restrictive outcome the "
                           "rules allow, stricter than written.", rule, arches, name, detail);
      break;
    default:
      g_assert_not_reached ();
    }
  g_free (f->message);
  f->message = m;
}

/* Which rules decide some call on @ad's ABI: those whose conditions a
 * clause of their own syscall's list (or, for rules on numbers, of any
 * list) tests. (On a multiplexer path such a clause may give an earlier
 * rule's stricter action: the rule still ends the search there.) */
static void
mark_firing (const ScmpArchDecisions *ad,
             const ScmpCompileInput  *input,
             gboolean                *fires)
{
  guint n_names = _scmp_syscall_n_names ();

  for (guint i = 0; i < n_names; i++)
    for (guint c = 0; c < ad->by_name[i].n; c++)
      {
        guint r = ad->by_name[i].clauses[c].tested;
        ScmpRule *rule;

        if (r == SCMP_CLAUSE_NO_RULE)
          continue;
        rule = g_ptr_array_index (input->rules, r);
        if (_scmp_rule_get_syscall_index (rule) == (int) i || is_number_rule (rule))
          fires[r] = TRUE;
      }
  for (guint s = 0; s < ad->n_spans; s++)
    for (guint c = 0; c < ad->spans[s].d.n; c++)
      if (ad->spans[s].d.clauses[c].tested != SCMP_CLAUSE_NO_RULE)
        fires[ad->spans[s].d.clauses[c].tested] = TRUE;
}

/* The action rule @r's calls get when it does not decide them. */
static guint32
fallback_for_rule (const ScmpArchDecisions *ad,
                   ScmpRule                *rule)
{
  int idx = _scmp_rule_get_syscall_index (rule);

  if (is_number_rule (rule))
    return ad->unknown_action;
  return _scmp_arch_decisions_fallback (ad, idx);
}

/* The numbers rule @rule covers on @arch: its own range, or its syscall's
 * number. FALSE for a syscall @arch has no number for. */
static gboolean
rule_numbers (ScmpRule         *rule,
              ScmpArchitecture  arch,
              guint32          *first,
              guint32          *last)
{
  ScmpArchitecture nr_arch;
  int nr;

  if (_scmp_rule_get_number_range (rule, &nr_arch, first, last))
    return nr_arch == arch;
  nr = _scmp_syscall_number (_scmp_rule_get_syscall_index (rule), arch);
  *first = *last = (guint32) nr;
  return nr >= 0;
}

/* The syscall lists (as the decisions have them) rule @r lands on, on
 * the ABI @v was read for: its own syscall's, and the multiplexer's. */
static void
rule_lists (ScmpRule        *rule,
            const RuleOnAbi *v,
            int              lists[2])
{
  lists[0] = v->direct ? _scmp_rule_get_syscall_index (rule) : -1;
  lists[1] = !v->muxed ? -1
             : _scmp_syscall_lookup (v->mux == SCMP_MULTIPLEXER_IPC ? "ipc" : "socketcall");
}

static gboolean
number_in (int     nr,
           guint32 first,
           guint32 last)
{
  return nr >= 0 && first <= (guint32) nr && (guint32) nr <= last;
}

/* Whether a rule after @r that decides calls on a list @r is on (@views
 * read on @arch) gives something else than @fallback: then @r, which
 * gives @fallback, keeps it from deciding, and is not redundant. */
static gboolean
later_rule_differs (const ScmpCompileInput *input,
                    const RuleOnAbi        *views,
                    guint                   r,
                    ScmpArchitecture        arch,
                    guint32                 fallback)
{
  ScmpRule *rule = g_ptr_array_index (input->rules, r);
  guint32 first, last;
  gboolean numbered = rule_numbers (rule, arch, &first, &last);
  int lists[2];

  rule_lists (rule, &views[r], lists);
  for (guint l = r + 1; l < input->rules->len; l++)
    {
      ScmpRule *later = g_ptr_array_index (input->rules, l);
      guint32 l_first, l_last;
      int l_lists[2];
      gboolean same = FALSE;

      if (!views[l].applies || (!views[l].direct && !views[l].muxed) ||
          scmp_action_get_kernel_value (scmp_rule_get_action (later)) == fallback)
        continue;
      rule_lists (later, &views[l], l_lists);
      for (guint a = 0; a < 2; a++)
        for (guint b = 0; b < 2; b++)
          same |= lists[a] >= 0 && lists[a] == l_lists[b];
      if (!same && numbered && rule_numbers (later, arch, &l_first, &l_last))
        same = l_first <= last && first <= l_last;
      /* a rule on numbers and a list of the other rule's (its
       * multiplexer's, say) on a number in that range */
      for (guint b = 0; b < 2 && !same; b++)
        same = numbered && is_number_rule (rule) && l_lists[b] >= 0 &&
               number_in (_scmp_syscall_number (l_lists[b], arch), first, last);
      for (guint a = 0; a < 2 && !same; a++)
        same = is_number_rule (later) && lists[a] >= 0 &&
               rule_numbers (later, arch, &l_first, &l_last) &&
               number_in (_scmp_syscall_number (lists[a], arch), l_first, l_last);
      if (same)
        return TRUE;
    }
  return FALSE;
}

static void
lint_abi (Lint                    *lint,
          const ScmpArchDecisions *ad,
          RuleOnAbi               *views,     /* scratch, one per rule */
          gboolean                *fires)     /* scratch, one per rule */
{
  const ScmpCompileInput *input = lint->input;
  ScmpArchitecture arch = ad->info->arch;
  guint n_rules = input->rules->len;

  memset (fires, 0, n_rules * sizeof (gboolean));
  mark_firing (ad, input, fires);
  for (guint r = 0; r < n_rules; r++)
    rule_on_abi (input, r, arch, &views[r]);

  for (guint r = 0; r < n_rules; r++)
    {
      ScmpRule *rule = g_ptr_array_index (input->rules, r);
      RuleOnAbi *v = &views[r];
      int idx = _scmp_rule_get_syscall_index (rule);

      if (!v->applies || (!v->direct && !v->muxed))
        continue;

      if (v->muxed && v->n_conds > 0)
        {
          lint_finding (lint, SCMP_FINDING_KIND_MULTIPLEXER, r, -1, -1, arch,
                        g_strdup (v->mux == SCMP_MULTIPLEXER_IPC ? "ipc" : "socketcall"));
        }
      if (!v->direct)
        continue;

      for (guint c = 0; c < v->n_conds; c++)
        {
          const ScmpArgCond *ac = &v->conds[c];

          if (idx >= 0 && !_scmp_syscall_takes_arg (idx, arch, ac->arg))
            lint_finding (lint, SCMP_FINDING_KIND_ARGUMENT_IGNORED, r, -1, (int) c, arch, NULL);
          /* (through a multiplexer the condition makes the rule one the
           * filter cannot check: dropping it would change those calls) */
          else if (cond_always_true (ac) && !v->muxed)
            lint_finding (lint, SCMP_FINDING_KIND_ALWAYS_TRUE, r, -1, (int) c, arch,
                          /* a zero mask tests nothing whatever the type */
                          ac->op == SCMP_COMPARE_OP_MASKED_EQ ? NULL : g_strdup (kind_of_number (ac)));
        }

      /* Through a multiplexer a rule with conditions always counts: its
       * action is one of the outcomes, whatever the conditions say. */
      if (v->muxed && v->n_conds > 0)
        continue;
      /* (the compiler keeps most such rules: they cost a few tests) */
      if (conds_unsatisfiable (v->conds, v->n_conds))
        {
          lint_finding (lint, SCMP_FINDING_KIND_UNSATISFIABLE, r, -1, -1, arch, NULL);
          continue;
        }
      if (fires[r])
        continue;

      /* An earlier rule for the same call whose conditions are a subset
       * fires whenever this one would. */
      {
        guint32 fallback = fallback_for_rule (ad, rule);
        gboolean gives_fallback = scmp_action_get_kernel_value (scmp_rule_get_action (rule)) == fallback;
        int shadow = -1;

        for (guint e = 0; e < r && shadow < 0; e++)
          {
            ScmpRule *earlier = g_ptr_array_index (input->rules, e);

            if (!views[e].applies || !views[e].direct ||
                _scmp_rule_get_syscall_index (earlier) != idx || idx < 0)
              continue;
            if (conds_subset (&views[e], v) && !conds_unsatisfiable (views[e].conds, views[e].n_conds))
              shadow = (int) e;
          }

        /* (an unconditional rule shadows on the multiplexer path too;
         * a rule on numbers does not reach it) */
        if (shadow >= 0 || (!gives_fallback && !v->muxed))
          lint_finding (lint, SCMP_FINDING_KIND_SHADOWED, r, shadow, -1, arch, NULL);
        else if (gives_fallback && !later_rule_differs (input, views, r, arch, fallback))
          {
            g_autoptr(ScmpAction) action = scmp_action_new_from_kernel_value (fallback, NULL);
            g_autofree char *text = action != NULL ? scmp_action_to_string (action) : g_strdup ("its action");

            lint_finding (lint, SCMP_FINDING_KIND_REDUNDANT, r, -1, -1, arch,
                          g_strdup_printf ("%s (the %s action)", text,
                                           fallback == ad->default_action ? "default" : "unknown-syscall"));
          }
        /* else it gives the fallback on purpose, before rules that would
         * decide otherwise */
      }
    }
}

static int
compare_findings (gconstpointer a,
                  gconstpointer b)
{
  const ScmpFinding *x = *(ScmpFinding * const *) a, *y = *(ScmpFinding * const *) b;

  if (x->rule_index != y->rule_index)
    return x->rule_index < y->rule_index ? -1 : 1;
  if (x->kind != y->kind)
    return x->kind < y->kind ? -1 : 1;
  return x->condition_index < y->condition_index ? -1 : x->condition_index > y->condition_index;
}

/**
 * scmp_filter_lint:
 * @self: a #ScmpFilter
 * @error: return location for a #GError
 *
 * Looks for rules that never fire, do nothing, or mean less than they say
 * on the filter's ABIs, as the kernel will read them (see #ScmpFinding
 * for the kinds). The findings are in rule order; an empty list means
 * nothing was found.
 *
 * |[<!-- language="C" -->
 * g_autoptr(GListModel) findings = scmp_filter_lint (filter, &error);
 *
 * for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
 *   {
 *     g_autoptr(ScmpFinding) f = g_list_model_get_item (findings, i);
 *
 *     g_print ("%s\n", scmp_finding_get_message (f));
 *   }
 * ]|
 *
 * Returns: (transfer full): a list of #ScmpFinding, or %NULL with @error
 *   set
 *
 * Since: 0.1
 */
GListModel *
scmp_filter_lint (ScmpFilter  *self,
                  GError     **error)
{
  g_auto(ScmpDecisions) decisions = { 0 };
  g_autofree RuleOnAbi *views = NULL;
  g_autofree gboolean *fires = NULL;
  ScmpCompileInput input;
  Lint lint;
  guint n_rules;
  GListStore *store;

  g_return_val_if_fail (SCMP_IS_FILTER (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  _scmp_filter_get_compile_input (self, &input);
  n_rules = input.rules->len;
  lint.input = &input;
  lint.findings = g_ptr_array_new_with_free_func (g_object_unref);
  views = g_new0 (RuleOnAbi, MAX (n_rules, 1));
  fires = g_new0 (gboolean, MAX (n_rules, 1));

  _scmp_decisions_build (&decisions, &input);
  for (gsize a = 0; a < decisions.n; a++)
    lint_abi (&lint, &decisions.ads[a], views, fires);

  /* Syscalls absent from some or all of the ABIs a rule applies to. */
  for (guint r = 0; r < n_rules; r++)
    {
      ScmpRule *rule = g_ptr_array_index (input.rules, r);
      g_autoptr(GArray) missing = g_array_new (FALSE, FALSE, sizeof (ScmpArchitecture));
      guint applies = 0;

      if (is_number_rule (rule))
        continue;
      for (gsize a = 0; a < input.n_arches; a++)
        {
          RuleOnAbi *v = &views[r];

          rule_on_abi (&input, r, input.arches[a], v);
          if (!v->applies)
            continue;
          applies++;
          if (!v->direct && !v->muxed)
            g_array_append_val (missing, input.arches[a]);
        }
      for (guint i = 0; i < missing->len; i++)
        lint_finding (&lint, missing->len == applies ? SCMP_FINDING_KIND_SYSCALL_MISSING
                                                     : SCMP_FINDING_KIND_SYSCALL_PARTIAL,
                      r, -1, -1, g_array_index (missing, ScmpArchitecture, i), NULL);
    }

  for (guint r = 0; r < n_rules; r++)
    g_free (views[r].conds);

  g_ptr_array_sort (lint.findings, compare_findings);
  for (guint i = 0; i < lint.findings->len; i++)
    {
      ScmpFinding *f = g_ptr_array_index (lint.findings, i);

      finding_write_message (f, &input, f->detail != NULL ? f->detail : "");
      g_clear_pointer (&f->detail, g_free);
    }
  store = g_list_store_new (SCMP_TYPE_FINDING);
  g_list_store_splice (store, 0, 0, lint.findings->pdata, lint.findings->len);
  g_ptr_array_unref (lint.findings);
  return G_LIST_MODEL (store);
}
