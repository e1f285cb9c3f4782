/* scmp-verdict.c: what a filter did with one call, and why
 *
 * SPDX-FileCopyrightText: 2026 The scmp-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "scmp-verdict.h"

#include "scmp-arch-private.h"
#include "scmp-decision-private.h"
#include "scmp-enums.h"
#include "scmp-error.h"
#include "scmp-filter-private.h"
#include "scmp-rule-private.h"

#include <linux/seccomp.h>

/**
 * SECTION:scmp-verdict
 * @title: ScmpVerdict
 * @short_description: which rule decided a call
 *
 * scmp_filter_evaluate() tells what the kernel would do with a call;
 * scmp_filter_explain() also tells why: the rule that decided (its
 * position in the filter and the rule itself), or that no rule matched and
 * the default action applied, or the bad-arch or unknown-syscall action.
 *
 * The action is always the compiled program's, run in scmp-glib's BPF
 * interpreter; the explanation comes from the compiler's own view of the
 * rules on that ABI, and the two are checked against each other on every
 * call. The rule is the first one, in filter order, whose conditions hold
 * as the kernel reads the arguments on that ABI (see #ScmpCondition).
 *
 * Two things can make the rule that decided differ from the first rule a
 * reader would pick:
 *
 * - a call through a multiplexer (socketcall(2) or ipc(2) on the ABIs
 *   that have them) whose rules test arguments the filter cannot read:
 *   there the most restrictive action the rules could give applies
 *   (scmp_verdict_get_unchecked() is %TRUE, and
 *   scmp_verdict_get_multiplexer() names the multiplexer);
 * - on such a multiplexer call, a rule whose action is the default's,
 *   with nothing after it: it is not compiled (it changes nothing), and
 *   the verdict says the default action decided. (On a direct call the
 *   verdict names such a rule.) scmp_filter_lint() reports such rules.
 *
 * |[<!-- language="C" -->
 * g_autoptr(ScmpVerdict) v =
 *   scmp_filter_explain_syscall (filter, SCMP_ARCHITECTURE_X86_64,
 *                                "ptrace", NULL, 0, &error);
 * g_autofree char *why = scmp_verdict_to_string (v);
 * // "On x86_64, ptrace gets errno(1) from rule 12 (ptrace: errno 1 …)."
 * ]|
 */

/**
 * ScmpVerdict:
 *
 * What a filter does with one call, and what decided it. Made by
 * scmp_filter_explain(); immutable.
 *
 * Since: 0.1
 */
struct _ScmpVerdict
{
  GObject           parent_instance;

  ScmpAction       *action;
  ScmpVerdictSource source;
  int               rule_index;
  ScmpRule         *rule;
  ScmpArchitecture  arch;
  int               nr;
  const char       *syscall;       /* static, from the tables */
  ScmpMultiplexer   multiplexer;
  gboolean          unchecked;
  guint             known_kernel;  /* (UNKNOWN_SYSCALL) for the sentence */
};

G_DEFINE_FINAL_TYPE (ScmpVerdict, scmp_verdict, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ACTION,
  PROP_SOURCE,
  PROP_RULE_INDEX,
  PROP_RULE,
  PROP_ARCHITECTURE,
  PROP_SYSCALL_NUMBER,
  PROP_SYSCALL,
  PROP_MULTIPLEXER,
  PROP_UNCHECKED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
scmp_verdict_finalize (GObject *object)
{
  ScmpVerdict *self = SCMP_VERDICT (object);

  g_clear_object (&self->action);
  g_clear_object (&self->rule);
  G_OBJECT_CLASS (scmp_verdict_parent_class)->finalize (object);
}

static void
scmp_verdict_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  ScmpVerdict *self = SCMP_VERDICT (object);

  switch (prop_id)
    {
    case PROP_ACTION:
      g_value_set_object (value, self->action);
      break;
    case PROP_SOURCE:
      g_value_set_enum (value, self->source);
      break;
    case PROP_RULE_INDEX:
      g_value_set_int (value, self->rule_index);
      break;
    case PROP_RULE:
      g_value_set_object (value, self->rule);
      break;
    case PROP_ARCHITECTURE:
      g_value_set_enum (value, self->arch);
      break;
    case PROP_SYSCALL_NUMBER:
      g_value_set_int (value, self->nr);
      break;
    case PROP_SYSCALL:
      g_value_set_string (value, self->syscall);
      break;
    case PROP_MULTIPLEXER:
      g_value_set_enum (value, self->multiplexer);
      break;
    case PROP_UNCHECKED:
      g_value_set_boolean (value, self->unchecked);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
scmp_verdict_class_init (ScmpVerdictClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = scmp_verdict_finalize;
  object_class->get_property = scmp_verdict_get_property;

  /**
   * ScmpVerdict:action:
   *
   * The action the compiled filter gives the call.
   *
   * Since: 0.1
   */
  properties[PROP_ACTION] = g_param_spec_object ("action", NULL, "The action the compiled filter gives the call", SCMP_TYPE_ACTION, flags);
  /**
   * ScmpVerdict:source:
   *
   * What decided: a rule, or one of the filter's fallback actions.
   *
   * Since: 0.1
   */
  properties[PROP_SOURCE] = g_param_spec_enum ("source", NULL, "What decided: a rule, or one of the filter's fallback actions", SCMP_TYPE_VERDICT_SOURCE,
                                               SCMP_VERDICT_SOURCE_DEFAULT, flags);
  /**
   * ScmpVerdict:rule-index:
   *
   * The position of the rule that decided in the filter (as
   * scmp_filter_get_rule() counts), or -1 when no rule did.
   *
   * Since: 0.1
   */
  properties[PROP_RULE_INDEX] = g_param_spec_int ("rule-index", NULL, "The position of the rule that decided in the filter", -1, G_MAXINT, -1, flags);
  /**
   * ScmpVerdict:rule:
   *
   * The rule that decided, or %NULL.
   *
   * Since: 0.1
   */
  properties[PROP_RULE] = g_param_spec_object ("rule", NULL, "The rule that decided, or NULL", SCMP_TYPE_RULE, flags);
  /**
   * ScmpVerdict:architecture:
   *
   * The ABI of the call (x32 for an x86-64 call with the x32 bit).
   *
   * Since: 0.1
   */
  properties[PROP_ARCHITECTURE] = g_param_spec_enum ("architecture", NULL, "The ABI of the call (x32 for an x86-64 call with the x32 bit)",
                                                     SCMP_TYPE_ARCHITECTURE,
                                                     SCMP_ARCHITECTURE_NATIVE, flags);
  /**
   * ScmpVerdict:syscall-number:
   *
   * The syscall number of the call, as `seccomp_data.nr`.
   *
   * Since: 0.1
   */
  properties[PROP_SYSCALL_NUMBER] = g_param_spec_int ("syscall-number", NULL, "The syscall number of the call, as seccomp_data.nr",
                                                      G_MININT, G_MAXINT, 0, flags);
  /**
   * ScmpVerdict:syscall:
   *
   * The name of the syscall on #ScmpVerdict:architecture, or %NULL for a
   * number the tables do not name.
   *
   * Since: 0.1
   */
  properties[PROP_SYSCALL] = g_param_spec_string ("syscall", NULL, "The name of the syscall on ScmpVerdict:architecture", NULL, flags);
  /**
   * ScmpVerdict:multiplexer:
   *
   * %SCMP_MULTIPLEXER_SOCKETCALL or %SCMP_MULTIPLEXER_IPC when the call is
   * that multiplexer (its sub-call in argument 0).
   *
   * Since: 0.1
   */
  properties[PROP_MULTIPLEXER] = g_param_spec_enum ("multiplexer", NULL, "The multiplexer (socketcall or ipc) the call went through, if any",
                                                    SCMP_TYPE_MULTIPLEXER,
                                                    SCMP_MULTIPLEXER_NONE, flags);
  /**
   * ScmpVerdict:unchecked:
   *
   * %TRUE when the rule that decided has conditions the filter could not
   * check on this call (a multiplexed call's arguments are behind a
   * pointer): its action applies whatever the arguments, because it is
   * the most restrictive outcome the rules allow.
   *
   * Since: 0.1
   */
  properties[PROP_UNCHECKED] = g_param_spec_boolean ("unchecked", NULL, "Whether the rule that decided has conditions not checkable on this call", FALSE, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
scmp_verdict_init (ScmpVerdict *self)
{
  self->rule_index = -1;
}

/**
 * scmp_verdict_get_action:
 * @self: a #ScmpVerdict
 *
 * The action the compiled filter gives the call: what the kernel would do.
 *
 * Returns: (transfer none): the action the filter gives the call
 *
 * Since: 0.1
 */
ScmpAction *
scmp_verdict_get_action (ScmpVerdict *self)
{
  g_return_val_if_fail (SCMP_IS_VERDICT (self), NULL);
  return self->action;
}

/**
 * scmp_verdict_get_source:
 * @self: a #ScmpVerdict
 *
 * What decided the call: a rule, or one of the filter's own actions.
 *
 * Returns: what decided the call
 *
 * Since: 0.1
 */
ScmpVerdictSource
scmp_verdict_get_source (ScmpVerdict *self)
{
  g_return_val_if_fail (SCMP_IS_VERDICT (self), SCMP_VERDICT_SOURCE_DEFAULT);
  return self->source;
}

/**
 * scmp_verdict_get_rule_index:
 * @self: a #ScmpVerdict
 *
 * The position of the rule that decided, as scmp_filter_get_rule() counts.
 *
 * Returns: the position of the rule that decided, or -1 when no rule did
 *
 * Since: 0.1
 */
int
scmp_verdict_get_rule_index (ScmpVerdict *self)
{
  g_return_val_if_fail (SCMP_IS_VERDICT (self), -1);
  return self->rule_index;
}

/**
 * scmp_verdict_get_rule:
 * @self: a #ScmpVerdict
 *
 * The rule that decided, when a rule did.
 *
 * Returns: (transfer none) (nullable): the rule that decided, or %NULL
 *
 * Since: 0.1
 */
ScmpRule *
scmp_verdict_get_rule (ScmpVerdict *self)
{
  g_return_val_if_fail (SCMP_IS_VERDICT (self), NULL);
  return self->rule;
}

/**
 * scmp_verdict_get_architecture:
 * @self: a #ScmpVerdict
 *
 * The ABI of the call: x32 for an x86-64 call whose number has the x32 bit.
 *
 * Returns: the ABI of the call
 *
 * Since: 0.1
 */
ScmpArchitecture
scmp_verdict_get_architecture (ScmpVerdict *self)
{
  g_return_val_if_fail (SCMP_IS_VERDICT (self), SCMP_ARCHITECTURE_NATIVE);
  return self->arch;
}

/**
 * scmp_verdict_get_syscall_number:
 * @self: a #ScmpVerdict
 *
 * The syscall number of the call, as `seccomp_data.nr` holds it.
 *
 * Returns: the syscall number of the call
 *
 * Since: 0.1
 */
int
scmp_verdict_get_syscall_number (ScmpVerdict *self)
{
  g_return_val_if_fail (SCMP_IS_VERDICT (self), -1);
  return self->nr;
}

/**
 * scmp_verdict_get_syscall:
 * @self: a #ScmpVerdict
 *
 * The name of the syscall on the call's ABI.
 *
 * Returns: (nullable): the syscall's name on the call's ABI, or %NULL for
 *   a number the tables do not name
 *
 * Since: 0.1
 */
const char *
scmp_verdict_get_syscall (ScmpVerdict *self)
{
  g_return_val_if_fail (SCMP_IS_VERDICT (self), NULL);
  return self->syscall;
}

/**
 * scmp_verdict_get_multiplexer:
 * @self: a #ScmpVerdict
 *
 * Whether the call is a multiplexer (socketcall(2) or ipc(2)).
 *
 * Returns: the multiplexer the call is, or %SCMP_MULTIPLEXER_NONE
 *
 * Since: 0.1
 */
ScmpMultiplexer
scmp_verdict_get_multiplexer (ScmpVerdict *self)
{
  g_return_val_if_fail (SCMP_IS_VERDICT (self), SCMP_MULTIPLEXER_NONE);
  return self->multiplexer;
}

/**
 * scmp_verdict_get_unchecked:
 * @self: a #ScmpVerdict
 *
 * See #ScmpVerdict:unchecked.
 *
 * Returns: whether the deciding rule's conditions went unchecked
 *
 * Since: 0.1
 */
gboolean
scmp_verdict_get_unchecked (ScmpVerdict *self)
{
  g_return_val_if_fail (SCMP_IS_VERDICT (self), FALSE);
  return self->unchecked;
}

/**
 * scmp_verdict_to_string:
 * @self: a #ScmpVerdict
 *
 * The verdict as a sentence for people, for example `On x86_64, ptrace
 * gets errno(1) from rule 12 (ptrace: errno(1)).` or `On
 * aarch64, getpid matches no rule: the default action, allow.`
 *
 * Returns: (transfer full): a new string; free it with g_free()
 *
 * Since: 0.1
 */
char *
scmp_verdict_to_string (ScmpVerdict *self)
{
  g_autofree char *action = NULL;
  g_autofree char *call = NULL;
  const char *arch;

  g_return_val_if_fail (SCMP_IS_VERDICT (self), NULL);

  action = scmp_action_to_string (self->action);
  arch = scmp_architecture_to_name (self->arch);
  call = self->syscall != NULL ? g_strdup (self->syscall)
                               : g_strdup_printf ("syscall %d", self->nr);

  switch (self->source)
    {
    case SCMP_VERDICT_SOURCE_RULE:
      {
        g_autofree char *rule = scmp_rule_to_string (self->rule);

        if (self->unchecked)
          return g_strdup_printf ("On %s, %s gets %s from rule %d (%s): through %s(2) the "
                                  "filter cannot read the arguments the rule tests, so "
                                  "its action applies whatever they are.",
                                  arch, call, action, self->rule_index, rule,
                                  self->multiplexer == SCMP_MULTIPLEXER_IPC ? "ipc" : "socketcall");
        return g_strdup_printf ("On %s, %s gets %s from rule %d (%s).",
                                arch, call, action, self->rule_index, rule);
      }
    case SCMP_VERDICT_SOURCE_DEFAULT:
      return g_strdup_printf ("On %s, %s matches no rule: the default action, %s.",
                              arch, call, action);
    case SCMP_VERDICT_SOURCE_BAD_ARCH:
      return g_strdup_printf ("The filter does not cover %s: the bad-arch action, %s.",
                              arch, action);
    case SCMP_VERDICT_SOURCE_UNKNOWN_SYSCALL:
      if (self->syscall != NULL)
        return g_strdup_printf ("On %s, %s is newer than the filter's known kernel "
                                "%u.%u: the unknown-syscall action, %s.", arch, call,
                                self->known_kernel >> 8, self->known_kernel & 0xff, action);
      return g_strdup_printf ("On %s, syscall %d is not in scmp-glib's tables: the "
                              "unknown-syscall action, %s.", arch, self->nr, action);
    case SCMP_VERDICT_SOURCE_TRACER_SKIP:
      return g_strdup_printf ("On %s, syscall -1 is a tracer skipping a call: %s, as the "
                              "filter allows tracers to skip calls.", arch, action);
    default:
      g_assert_not_reached ();
    }
}

/* ------------------------------------------------------------------ */
/* Explaining                                                          */
/* ------------------------------------------------------------------ */

/* @c on the arguments, as the kernel reads them on the ABI. */
static gboolean
arg_cond_holds (const ScmpArgCond *c,
                const guint64     *args)
{
  guint64 m = _scmp_bits_mask (c->bits);
  guint64 v = args[c->arg] & m;
  guint64 d = c->datum;

  if (c->op == SCMP_COMPARE_OP_MASKED_EQ)
    return (v & c->mask) == d;
  if (c->is_signed && c->bits < 64)
    {
      /* sign-extend both, then compare as unsigned with the sign flipped */
      guint64 sign = G_GUINT64_CONSTANT (1) << (c->bits - 1);

      v = (v ^ sign) - sign;
      d = (d ^ sign) - sign;
    }
  if (c->is_signed)
    {
      v ^= G_GUINT64_CONSTANT (1) << 63;
      d ^= G_GUINT64_CONSTANT (1) << 63;
    }
  switch (c->op)
    {
    case SCMP_COMPARE_OP_EQ: return v == d;
    case SCMP_COMPARE_OP_NE: return v != d;
    case SCMP_COMPARE_OP_LT: return v < d;
    case SCMP_COMPARE_OP_LE: return v <= d;
    case SCMP_COMPARE_OP_GT: return v > d;
    case SCMP_COMPARE_OP_GE: return v >= d;
    default:                 g_assert_not_reached ();
    }
}

/* The first clause of @d that holds, or NULL. */
static const ScmpClause *
decision_first_match (const ScmpDecision *d,
                      const guint64      *args)
{
  for (guint i = 0; i < d->n; i++)
    {
      const ScmpClause *cl = &d->clauses[i];
      gboolean holds = TRUE;

      for (guint k = 0; k < cl->n_conds && holds; k++)
        holds = arg_cond_holds (&cl->conds[k], args);
      if (holds)
        return cl;
    }
  return NULL;
}

/* The first rule that applies to direct syscall @name_index (-1: a number
 * the tables do not name) or number @nr on @arch and whose conditions
 * hold, or -1. The compiler drops rules that change nothing (a trailing
 * rule with the action the call would get anyway): when no compiled
 * clause matched, this finds the rule a reader would say decided. */
static int
first_matching_rule (const ScmpCompileInput *input,
                     ScmpArchitecture        arch,
                     int                     name_index,
                     guint32                 nr,
                     const guint64          *args)
{
  for (guint r = 0; r < input->rules->len; r++)
    {
      ScmpRule *rule = g_ptr_array_index (input->rules, r);
      ScmpArchitecture nr_arch;
      guint32 first, last;
      const ScmpCondition *conds;
      guint n_conds;
      gboolean holds = TRUE;
      int idx = name_index;

      if (!_scmp_rule_applies_to (rule, arch))
        continue;
      if (_scmp_rule_get_number_range (rule, &nr_arch, &first, &last))
        {
          if (nr_arch != arch || nr < first || nr > last)
            continue;
          idx = -1;
        }
      else if (name_index < 0 || _scmp_rule_get_syscall_index (rule) != name_index)
        continue;

      conds = _scmp_rule_get_conditions (rule, &n_conds);
      for (guint i = 0; i < n_conds && holds; i++)
        {
          ScmpArgCond c;

          _scmp_arg_cond_init (&c, &conds[i], _scmp_condition_type (&conds[i], idx, arch));
          holds = arg_cond_holds (&c, args);
        }
      if (holds)
        return (int) r;
    }
  return -1;
}

static void
verdict_set_rule (ScmpVerdict            *self,
                  const ScmpCompileInput *input,
                  guint                   rule)
{
  self->source = SCMP_VERDICT_SOURCE_RULE;
  self->rule_index = (int) rule;
  self->rule = g_object_ref (g_ptr_array_index (input->rules, rule));
}

/* Where the compiler's decisions say the call goes, in @self's fields. */
static void
verdict_classify (ScmpVerdict            *self,
                  const ScmpCompileInput *input,
                  const guint64          *args,
                  guint32                *expected)
{
  g_auto(ScmpDecisions) decisions = { 0 };
  ScmpCompileInput one = *input;
  const ScmpArchDecisions *ad;
  const ScmpDecision *d = NULL;
  const ScmpClause *cl;
  gboolean covered = FALSE;
  int name_index = -1;
  guint from, to, n_by_nr;
  const guint16 *by_nr;

  for (gsize i = 0; i < input->n_arches && !covered; i++)
    covered = input->arches[i] == self->arch;
  if (!covered)
    {
      self->source = SCMP_VERDICT_SOURCE_BAD_ARCH;
      *expected = scmp_action_get_kernel_value (input->bad_arch_action);
      return;
    }
  if ((guint32) self->nr == SCMP_NR_TRACER_SKIP)
    {
      self->source = input->allow_tracer_skip ? SCMP_VERDICT_SOURCE_TRACER_SKIP
                                              : SCMP_VERDICT_SOURCE_DEFAULT;
      *expected = input->allow_tracer_skip ? SECCOMP_RET_ALLOW
                                           : scmp_action_get_kernel_value (input->default_action);
      return;
    }

  one.arches = &self->arch;
  one.n_arches = 1;
  _scmp_decisions_build (&decisions, &one);
  ad = &decisions.ads[0];

  by_nr = _scmp_arch_syscalls_by_nr (self->arch, &n_by_nr);
  _scmp_arch_syscalls_in_range (self->arch, (guint32) self->nr, (guint32) self->nr, &from, &to);
  if (from < to)
    {
      name_index = by_nr[from];
      d = &ad->by_name[name_index];
    }
  else
    {
      for (guint s = 0; s < ad->n_spans && d == NULL; s++)
        if (ad->spans[s].first <= (guint32) self->nr && (guint32) self->nr <= ad->spans[s].last)
          d = &ad->spans[s].d;
    }

  cl = d != NULL ? decision_first_match (d, args) : NULL;
  if (cl != NULL && cl->rule != SCMP_CLAUSE_NO_RULE)
    {
      verdict_set_rule (self, input, cl->rule);
      self->unchecked = cl->unchecked;
      *expected = cl->action;
      return;
    }
  if (cl != NULL)
    {
      /* a multiplexed sub-call no rule reaches */
      self->source = SCMP_VERDICT_SOURCE_DEFAULT;
      *expected = cl->action;
      return;
    }

  if (name_index < 0)
    {
      self->source = input->unknown_action != NULL ? SCMP_VERDICT_SOURCE_UNKNOWN_SYSCALL
                                                   : SCMP_VERDICT_SOURCE_DEFAULT;
      *expected = ad->unknown_action;
    }
  else
    {
      *expected = _scmp_arch_decisions_fallback (ad, name_index);
      self->source = input->unknown_action != NULL && *expected == ad->unknown_action &&
                     *expected != ad->default_action
                     ? SCMP_VERDICT_SOURCE_UNKNOWN_SYSCALL : SCMP_VERDICT_SOURCE_DEFAULT;
      self->known_kernel = input->known_kernel;
    }
  if (self->multiplexer == SCMP_MULTIPLEXER_NONE)
    {
      int r = first_matching_rule (input, self->arch, name_index, (guint32) self->nr, args);

      if (r >= 0)
        verdict_set_rule (self, input, (guint) r);
    }
}

/**
 * scmp_filter_explain:
 * @self: a #ScmpFilter
 * @arch: the architecture the call is made on
 * @nr: the syscall number on @arch, as in scmp_filter_evaluate()
 * @args: (array length=n_args) (nullable): the arguments; missing ones are 0
 * @n_args: the number of arguments, at most 6
 * @error: return location for a #GError
 *
 * Like scmp_filter_evaluate(), and says which rule decided, or which of
 * the filter's fallback actions applied (see #ScmpVerdict).
 *
 * Returns: (transfer full): the verdict, or %NULL with @error set
 *
 * Since: 0.1
 */
ScmpVerdict *
scmp_filter_explain (ScmpFilter        *self,
                     ScmpArchitecture   arch,
                     int                nr,
                     const guint64     *args,
                     gsize              n_args,
                     GError           **error)
{
  g_autoptr(ScmpVerdict) verdict = NULL;
  ScmpCompileInput input;
  guint64 all_args[SCMP_CONDITION_MAX_ARG + 1] = { 0 };
  guint32 ret, expected;

  g_return_val_if_fail (SCMP_IS_FILTER (self), NULL);
  g_return_val_if_fail (args != NULL || n_args == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!_scmp_filter_run (self, arch, nr, args, n_args, &ret, error))
    return NULL;
  for (gsize i = 0; i < n_args; i++)
    all_args[i] = args[i];

  verdict = g_object_new (SCMP_TYPE_VERDICT, NULL);
  verdict->nr = nr;
  verdict->arch = _scmp_arch_resolve (arch);
  /* x86-64 and x32 share an audit arch: the x32 bit tells them apart,
   * except on a tracer's skip (-1), which either of them covers */
  if (verdict->arch == SCMP_ARCHITECTURE_X86_64 || verdict->arch == SCMP_ARCHITECTURE_X32)
    {
      if ((guint32) nr != SCMP_NR_TRACER_SKIP)
        verdict->arch = ((guint32) nr & SCMP_X32_SYSCALL_BIT) ? SCMP_ARCHITECTURE_X32
                                                              : SCMP_ARCHITECTURE_X86_64;
      else if (!scmp_filter_has_arch (self, verdict->arch))
        verdict->arch = verdict->arch == SCMP_ARCHITECTURE_X32 ? SCMP_ARCHITECTURE_X86_64
                                                               : SCMP_ARCHITECTURE_X32;
    }
  verdict->syscall = scmp_syscall_resolve_number (verdict->arch, nr);
  verdict->multiplexer = verdict->syscall == NULL ? SCMP_MULTIPLEXER_NONE
                         : g_str_equal (verdict->syscall, "socketcall") ? SCMP_MULTIPLEXER_SOCKETCALL
                         : g_str_equal (verdict->syscall, "ipc") ? SCMP_MULTIPLEXER_IPC
                         : SCMP_MULTIPLEXER_NONE;

  _scmp_filter_get_compile_input (self, &input);
  verdict_classify (verdict, &input, all_args, &expected);

  /* The explanation and the program come from different stages: a
   * disagreement is a compiler bug, never an explanation to give. */
  if (expected != ret)
    {
      g_set_error (error, SCMP_ERROR, SCMP_ERROR_FAILED,
                   "Internal error: the compiled program returns 0x%08x for syscall %d on "
                   "%s, but the rules give 0x%08x (a bug in scmp-glib)",
                   ret, nr, scmp_architecture_to_name (verdict->arch), expected);
      return NULL;
    }
  verdict->action = scmp_action_new_from_kernel_value (ret, error);
  if (verdict->action == NULL)
    return NULL;
  return g_steal_pointer (&verdict);
}

/**
 * scmp_filter_explain_syscall:
 * @self: a #ScmpFilter
 * @arch: the architecture the call is made on
 * @syscall: the syscall name
 * @args: (array length=n_args) (nullable): the arguments; missing ones are 0
 * @n_args: the number of arguments, at most 6
 * @error: return location for a #GError
 *
 * Like scmp_filter_explain(), with the syscall given by name. Fails with
 * %SCMP_ERROR_INVALID_SYSCALL when @arch has no direct syscall of that
 * name.
 *
 * Returns: (transfer full): the verdict, or %NULL with @error set
 *
 * Since: 0.1
 */
ScmpVerdict *
scmp_filter_explain_syscall (ScmpFilter        *self,
                             ScmpArchitecture   arch,
                             const char        *syscall,
                             const guint64     *args,
                             gsize              n_args,
                             GError           **error)
{
  int nr;

  g_return_val_if_fail (SCMP_IS_FILTER (self), NULL);
  g_return_val_if_fail (syscall != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!_scmp_filter_resolve_syscall (arch, syscall, &nr, error))
    return NULL;
  return scmp_filter_explain (self, arch, nr, args, n_args, error);
}
