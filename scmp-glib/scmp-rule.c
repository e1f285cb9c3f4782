/* scmp-rule.c
 *
 * SPDX-FileCopyrightText: 2026 The scmp-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "scmp-rule.h"
#include "scmp-rule-private.h"

#include "scmp-arch-private.h"
#include "scmp-condition-private.h"
#include "scmp-enums.h"
#include "scmp-error.h"

#include <stdarg.h>
#include <string.h>

/**
 * SECTION:scmp-rule
 * @title: ScmpRule
 * @short_description: a system call, conditions on its arguments, and an action
 *
 * An #ScmpRule says what happens to a system call: it names the system
 * call, holds an #ScmpAction and zero or more #ScmpCondition tests on the
 * call's arguments, all of which must hold (they are ANDed) for the rule to
 * apply. A rule is immutable, so it can be added to several filters.
 *
 * The system call is usually a name: a filter resolves it for each of its
 * architectures when it compiles. By default a filter adapts a rule to an
 * architecture where it cannot be expressed exactly (for example where the
 * call is multiplexed through `socketcall`) or skips the architecture
 * where the call does not exist; a rule made with scmp_rule_new_exact()
 * makes the filter refuse instead.
 *
 * A rule can also be for a syscall number, or a range of numbers, on one
 * architecture (scmp_rule_new_for_number(), scmp_rule_new_for_range()):
 * for syscalls newer than the tables, private ones, or code that has
 * numbers. And any rule can be limited to some architectures
 * (scmp_rule_restrict_to()), as OCI profiles' `includes.arches` asks; a
 * filter compiles a rule only on the architectures it applies to
 * (scmp_rule_applies_to()), including architectures added later.
 *
 * The conditions are kept in the order they were given, which is the
 * order scmp_rule_to_string() shows them in; it does not change the
 * meaning of the rule.
 *
 * scmp_rule_matches() evaluates the conditions on the values it is given,
 * without an ABI. In a filter each argument is compared as the kernel
 * reads it on each ABI (see #ScmpCondition); scmp_filter_evaluate() shows
 * what a filter decides for a call.
 *
 * |[<!-- language="C" -->
 *   g_autoptr(ScmpAction) allow = scmp_action_new_allow ();
 *   g_autoptr(ScmpCondition) fd = scmp_condition_new (0, SCMP_COMPARE_OP_LE, 2, NULL);
 *   g_autoptr(ScmpCondition) len = scmp_condition_new (2, SCMP_COMPARE_OP_LT, 4096, NULL);
 *   g_autoptr(ScmpRule) rule = scmp_rule_new_with_conditions ("write", allow, fd, len, NULL);
 *   g_autofree char *text = scmp_rule_to_string (rule);
 *
 *   // "write: allow if arg0 <= 2 && arg2 < 0x1000"
 *   g_print ("%s\n", text);
 * ]|
 */

/**
 * ScmpRule:
 *
 * An immutable rule: a system call name, an action, and the conditions on
 * the call's arguments. All fields are private.
 *
 * Since: 0.1
 */

enum {
  PROP_0,
  PROP_SYSCALL,
  PROP_ACTION,
  PROP_EXACT,
  PROP_N_CONDITIONS,
  PROP_NUMBER_ARCHITECTURE,
  PROP_FIRST_NUMBER,
  PROP_LAST_NUMBER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (ScmpRule, scmp_rule, G_TYPE_OBJECT)

static void
scmp_rule_constructed (GObject *object)
{
  ScmpRule *self = SCMP_RULE (object);

  G_OBJECT_CLASS (scmp_rule_parent_class)->constructed (object);

  if (self->number_arch != SCMP_ARCHITECTURE_UNKNOWN)
    {
      g_autoptr(GError) error = NULL;
      ScmpArchitecture arch = self->number_arch;
      gint last = self->last_number;

      /* A rule on numbers belongs to their ABI, however it was made. */
      if (self->syscall != NULL)
        self->invalid = g_strdup ("An ScmpRule is for a “syscall” or for numbers, not both");
      else if (!_scmp_rule_check_numbers (&arch, self->first_number, &last, &error))
        self->invalid = g_strdup (error->message);
      else
        {
          self->number_arch = arch;
          self->last_number = last;
          self->arches = g_memdup2 (&arch, sizeof arch);
          self->n_arches = 1;
        }
      if (self->invalid != NULL)
        g_critical ("%s", self->invalid);
    }
  else if (self->syscall == NULL || self->syscall[0] == '\0')
    g_critical ("An ScmpRule needs a non-empty “syscall” property");
  if (self->action == NULL)
    g_critical ("An ScmpRule needs an “action” property");
}

/* Rules are made by the hundred: a known name borrows the table's copy. */
static void
rule_set_syscall (ScmpRule   *self,
                  const char *syscall)
{
  if (self->syscall_index < 0)
    g_free ((char *) self->syscall);
  self->syscall_index = _scmp_syscall_lookup (syscall);
  self->syscall = self->syscall_index >= 0 ? _scmp_syscall_name (self->syscall_index)
                                           : g_strdup (syscall);
}

static void
scmp_rule_finalize (GObject *object)
{
  ScmpRule *self = SCMP_RULE (object);

  rule_set_syscall (self, NULL);
  g_clear_object (&self->action);
  g_clear_pointer (&self->conditions, g_free);
  g_clear_pointer (&self->arches, g_free);
  g_clear_pointer (&self->invalid, g_free);

  G_OBJECT_CLASS (scmp_rule_parent_class)->finalize (object);
}

static void
scmp_rule_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  ScmpRule *self = SCMP_RULE (object);

  switch (prop_id)
    {
    case PROP_SYSCALL:
      g_value_set_string (value, self->syscall);
      break;

    case PROP_ACTION:
      g_value_set_object (value, self->action);
      break;

    case PROP_EXACT:
      g_value_set_boolean (value, self->exact);
      break;

    case PROP_N_CONDITIONS:
      g_value_set_uint (value, self->n_conditions);
      break;

    case PROP_NUMBER_ARCHITECTURE:
      g_value_set_enum (value, self->number_arch);
      break;

    case PROP_FIRST_NUMBER:
      g_value_set_int (value, self->first_number);
      break;

    case PROP_LAST_NUMBER:
      g_value_set_int (value, self->last_number);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
scmp_rule_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  ScmpRule *self = SCMP_RULE (object);

  switch (prop_id)
    {
    case PROP_SYSCALL:
      rule_set_syscall (self, g_value_get_string (value));
      break;

    case PROP_ACTION:
      g_clear_object (&self->action);
      self->action = g_value_dup_object (value);
      break;

    case PROP_EXACT:
      self->exact = g_value_get_boolean (value);
      break;

    case PROP_NUMBER_ARCHITECTURE:
      self->number_arch = g_value_get_enum (value);
      break;

    case PROP_FIRST_NUMBER:
      self->first_number = g_value_get_int (value);
      break;

    case PROP_LAST_NUMBER:
      self->last_number = g_value_get_int (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
scmp_rule_class_init (ScmpRuleClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = scmp_rule_constructed;
  object_class->finalize = scmp_rule_finalize;
  object_class->get_property = scmp_rule_get_property;
  object_class->set_property = scmp_rule_set_property;

  /**
   * ScmpRule:syscall: (attributes org.gtk.Property.get=scmp_rule_get_syscall)
   *
   * The name of the system call, as in the kernel's tables (`openat`,
   * `socket`). It must be set, and not be empty.
   *
   * Since: 0.1
   */
  properties[PROP_SYSCALL] =
    g_param_spec_string ("syscall", NULL, "The name of the system call, as in the kernel's tables (openat, socket)",
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_STATIC_STRINGS);

  /**
   * ScmpRule:action: (attributes org.gtk.Property.get=scmp_rule_get_action)
   *
   * What the filter does with the system call when the rule applies. It
   * must be set.
   *
   * Since: 0.1
   */
  properties[PROP_ACTION] =
    g_param_spec_object ("action", NULL, "What the filter does with the system call when the rule applies",
                         SCMP_TYPE_ACTION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_STATIC_STRINGS);

  /**
   * ScmpRule:exact: (attributes org.gtk.Property.get=scmp_rule_get_exact)
   *
   * Whether a filter must refuse the rule, with a #GError, on an
   * architecture where it cannot be expressed exactly as written, instead
   * of adapting it (multiplexed system calls) or skipping that
   * architecture (a system call it does not have).
   *
   * Since: 0.1
   */
  properties[PROP_EXACT] =
    g_param_spec_boolean ("exact", NULL, "Whether a filter refuses the rule where its syscall does not exist",
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS);

  /**
   * ScmpRule:n-conditions: (attributes org.gtk.Property.get=scmp_rule_get_n_conditions)
   *
   * The number of conditions on the system call's arguments. A rule built
   * with g_object_new() has none; use scmp_rule_newv() to give some.
   *
   * Since: 0.1
   */
  properties[PROP_N_CONDITIONS] =
    g_param_spec_uint ("n-conditions", NULL, "The number of conditions on the system call's arguments",
                       0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * ScmpRule:number-architecture:
   *
   * For a rule on syscall numbers (scmp_rule_new_for_number(),
   * scmp_rule_new_for_range()) that the tables do not name, the ABI the
   * numbers belong to; %SCMP_ARCHITECTURE_UNKNOWN for a rule on a
   * #ScmpRule:syscall.
   *
   * Since: 0.1
   */
  properties[PROP_NUMBER_ARCHITECTURE] =
    g_param_spec_enum ("number-architecture", NULL, "The ABI of a rule on syscall numbers",
                       SCMP_TYPE_ARCHITECTURE, SCMP_ARCHITECTURE_UNKNOWN,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                       G_PARAM_STATIC_STRINGS);

  /**
   * ScmpRule:first-number:
   *
   * The first syscall number of a rule on numbers, as `seccomp_data.nr`
   * holds it on #ScmpRule:number-architecture (x32's numbers include the
   * x32 bit, MIPS's their base); -1 for a rule on a #ScmpRule:syscall.
   *
   * Since: 0.1
   */
  properties[PROP_FIRST_NUMBER] =
    g_param_spec_int ("first-number", NULL, "The first syscall number of a rule on numbers",
                      -1, G_MAXINT, -1,
                      G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                      G_PARAM_STATIC_STRINGS);

  /**
   * ScmpRule:last-number:
   *
   * The last syscall number of a rule on numbers (equal to
   * #ScmpRule:first-number for one number); -1 for a rule on a
   * #ScmpRule:syscall.
   *
   * Since: 0.1
   */
  properties[PROP_LAST_NUMBER] =
    g_param_spec_int ("last-number", NULL, "The last syscall number of a rule on numbers",
                      -1, G_MAXINT, -1,
                      G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                      G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
scmp_rule_init (ScmpRule *self)
{
  self->syscall_index = -1;
  self->number_arch = SCMP_ARCHITECTURE_UNKNOWN;
  self->first_number = -1;
  self->last_number = -1;
}

ScmpRule *
_scmp_rule_new_internal (const char          *syscall,
                        ScmpAction          *action,
                        gboolean             exact,
                        const ScmpCondition *conditions,
                        gsize                n_conditions)
{
  ScmpRule *self;

  /* The named constructors take the same path as g_object_new() from a
   * binding, so constructed() checks every rule. It costs no more than
   * filling the fields in by hand (about 0.5 µs a rule either way). The
   * conditions have no property: they are the one field set here. */
  self = g_object_new (SCMP_TYPE_RULE,
                       "syscall", syscall,
                       "action", action,
                       "exact", exact,
                       NULL);
  if (n_conditions > 0)
    {
      self->conditions = g_memdup2 (conditions, n_conditions * sizeof (ScmpCondition));
      self->n_conditions = n_conditions;
    }

  return self;
}

/**
 * scmp_rule_new: (constructor)
 * @syscall: the name of the system call
 * @action: (transfer none): what to do with it
 *
 * Creates a rule without conditions: it applies to every call of
 * @syscall.
 *
 * Returns: (transfer full): a new #ScmpRule
 *
 * Since: 0.1
 */
ScmpRule *
scmp_rule_new (const char *syscall,
               ScmpAction *action)
{
  g_return_val_if_fail (syscall != NULL && syscall[0] != '\0', NULL);
  g_return_val_if_fail (SCMP_IS_ACTION (action), NULL);

  return _scmp_rule_new_internal (syscall, action, FALSE, NULL, 0);
}

/**
 * scmp_rule_newv: (constructor) (rename-to scmp_rule_new_with_conditions)
 * @syscall: the name of the system call
 * @action: (transfer none): what to do with it
 * @conditions: (array length=n_conditions) (nullable): the conditions,
 *   all of which must hold for the rule to apply
 * @n_conditions: the number of @conditions
 *
 * Creates a rule with conditions on the arguments of the system call.
 * The conditions are copied, and kept in the given order.
 *
 * Returns: (transfer full): a new #ScmpRule
 *
 * Since: 0.1
 */
ScmpRule *
scmp_rule_newv (const char          *syscall,
                ScmpAction          *action,
                const ScmpCondition *conditions,
                gsize                n_conditions)
{
  g_return_val_if_fail (syscall != NULL && syscall[0] != '\0', NULL);
  g_return_val_if_fail (SCMP_IS_ACTION (action), NULL);
  g_return_val_if_fail (conditions != NULL || n_conditions == 0, NULL);
  g_return_val_if_fail (n_conditions <= G_MAXUINT, NULL);

  return _scmp_rule_new_internal (syscall, action, FALSE, conditions, n_conditions);
}

/**
 * scmp_rule_new_with_conditions: (skip)
 * @syscall: the name of the system call
 * @action: (transfer none): what to do with it
 * @first_condition: (nullable): the first condition, or %NULL for none
 * @...: more `const ScmpCondition *`, ending with %NULL
 *
 * Creates a rule with conditions on the arguments of the system call,
 * given as a %NULL-terminated list. The conditions are copied, and kept
 * in the given order. This is the C convenience form of scmp_rule_newv().
 *
 * Returns: (transfer full): a new #ScmpRule
 *
 * Since: 0.1
 */
ScmpRule *
scmp_rule_new_with_conditions (const char          *syscall,
                               ScmpAction          *action,
                               const ScmpCondition *first_condition,
                               ...)
{
  g_autoptr(GArray) conditions = NULL;
  const ScmpCondition *condition;
  va_list args;

  g_return_val_if_fail (syscall != NULL && syscall[0] != '\0', NULL);
  g_return_val_if_fail (SCMP_IS_ACTION (action), NULL);

  conditions = g_array_new (FALSE, FALSE, sizeof (ScmpCondition));

  va_start (args, first_condition);
  for (condition = first_condition;
       condition != NULL;
       condition = va_arg (args, const ScmpCondition *))
    g_array_append_vals (conditions, condition, 1);
  va_end (args);

  return _scmp_rule_new_internal (syscall, action, FALSE,
                                 (const ScmpCondition *) (gpointer) conditions->data,
                                 conditions->len);
}

/**
 * scmp_rule_new_exact: (constructor)
 * @syscall: the name of the system call
 * @action: (transfer none): what to do with it
 * @conditions: (array length=n_conditions) (nullable): the conditions,
 *   all of which must hold for the rule to apply
 * @n_conditions: the number of @conditions
 *
 * Creates an exact rule (#ScmpRule:exact): a filter refuses it, with a
 * #GError, on an architecture where it cannot be compiled exactly as
 * written, instead of adapting it or skipping the architecture.
 *
 * Returns: (transfer full): a new #ScmpRule
 *
 * Since: 0.1
 */
ScmpRule *
scmp_rule_new_exact (const char          *syscall,
                     ScmpAction          *action,
                     const ScmpCondition *conditions,
                     gsize                n_conditions)
{
  g_return_val_if_fail (syscall != NULL && syscall[0] != '\0', NULL);
  g_return_val_if_fail (SCMP_IS_ACTION (action), NULL);
  g_return_val_if_fail (conditions != NULL || n_conditions == 0, NULL);
  g_return_val_if_fail (n_conditions <= G_MAXUINT, NULL);

  return _scmp_rule_new_internal (syscall, action, TRUE, conditions, n_conditions);
}

/**
 * scmp_rule_get_syscall: (attributes org.gtk.Method.get_property=syscall)
 * @self: an #ScmpRule
 *
 * Gets the name of the system call the rule is for.
 *
 * Returns: (transfer none) (nullable): the system call name, or %NULL for
 *   a rule on numbers the tables do not name (scmp_rule_get_numbers())
 *
 * Since: 0.1
 */
const char *
scmp_rule_get_syscall (ScmpRule *self)
{
  g_return_val_if_fail (SCMP_IS_RULE (self), NULL);

  return self->syscall;
}

/**
 * scmp_rule_get_action: (attributes org.gtk.Method.get_property=action)
 * @self: an #ScmpRule
 *
 * Gets the action the rule applies.
 *
 * Returns: (transfer none): the action
 *
 * Since: 0.1
 */
ScmpAction *
scmp_rule_get_action (ScmpRule *self)
{
  g_return_val_if_fail (SCMP_IS_RULE (self), NULL);

  return self->action;
}

/**
 * scmp_rule_get_exact: (attributes org.gtk.Method.get_property=exact)
 * @self: an #ScmpRule
 *
 * Gets whether the rule is exact (#ScmpRule:exact).
 *
 * Returns: %TRUE if filters must refuse rather than adapt the rule
 *
 * Since: 0.1
 */
gboolean
scmp_rule_get_exact (ScmpRule *self)
{
  g_return_val_if_fail (SCMP_IS_RULE (self), FALSE);

  return self->exact;
}

/**
 * scmp_rule_get_n_conditions: (attributes org.gtk.Method.get_property=n-conditions)
 * @self: an #ScmpRule
 *
 * Gets the number of conditions on the system call's arguments.
 *
 * Returns: the number of conditions, 0 for a rule that always applies
 *
 * Since: 0.1
 */
guint
scmp_rule_get_n_conditions (ScmpRule *self)
{
  g_return_val_if_fail (SCMP_IS_RULE (self), 0);

  return self->n_conditions;
}

/**
 * scmp_rule_get_condition:
 * @self: an #ScmpRule
 * @index: the position of the condition, below scmp_rule_get_n_conditions()
 *
 * Gets one of the rule's conditions, in the order they were given.
 *
 * Returns: (transfer none): the condition at @index, owned by @self
 *
 * Since: 0.1
 */
const ScmpCondition *
scmp_rule_get_condition (ScmpRule *self,
                         guint     index)
{
  g_return_val_if_fail (SCMP_IS_RULE (self), NULL);
  g_return_val_if_fail (index < self->n_conditions, NULL);

  return &self->conditions[index];
}

/**
 * scmp_rule_dup_conditions:
 * @self: an #ScmpRule
 *
 * Copies the rule's conditions, in the order they were given.
 *
 * The array owns its elements: it frees them, with scmp_condition_free(),
 * when it is freed, so a C caller only unrefs the array. It is annotated
 * `(transfer container)` because bindings that take `(transfer full)` to
 * mean they own the elements as well would free them twice.
 *
 * Returns: (transfer container) (element-type ScmpCondition): a new array
 *   of copies of the conditions; free it with g_ptr_array_unref()
 *
 * Since: 0.1
 */
GPtrArray *
scmp_rule_dup_conditions (ScmpRule *self)
{
  GPtrArray *copies;

  g_return_val_if_fail (SCMP_IS_RULE (self), NULL);

  copies = g_ptr_array_new_full (self->n_conditions,
                                 (GDestroyNotify) scmp_condition_free);
  for (guint i = 0; i < self->n_conditions; i++)
    g_ptr_array_add (copies, scmp_condition_copy (&self->conditions[i]));

  return copies;
}

/**
 * scmp_rule_same_conditions:
 * @a: an #ScmpRule
 * @b: another #ScmpRule
 *
 * Checks whether two rules are for the same system call (or the same
 * numbers) on the same ABIs with the same set of conditions, whatever
 * their order and however often a condition is repeated (conditions are
 * compared with scmp_condition_equal()). The actions and #ScmpRule:exact
 * are not compared.
 *
 * A filter uses this to find a rule that a new rule would duplicate
 * (%SCMP_ERROR_EXISTS).
 *
 * Returns: %TRUE if @a and @b have the same system call and conditions
 *
 * Since: 0.1
 */
gboolean
scmp_rule_same_conditions (ScmpRule *a,
                           ScmpRule *b)
{
  g_return_val_if_fail (SCMP_IS_RULE (a), FALSE);
  g_return_val_if_fail (SCMP_IS_RULE (b), FALSE);

  if (a == b)
    return TRUE;

  if (a->syscall_index != b->syscall_index ||
      (a->syscall_index < 0 && g_strcmp0 (a->syscall, b->syscall) != 0))
    return FALSE;
  if (a->number_arch != b->number_arch || a->first_number != b->first_number ||
      a->last_number != b->last_number)
    return FALSE;
  if (a->n_arches != b->n_arches ||
      (a->n_arches > 0 && memcmp (a->arches, b->arches, a->n_arches * sizeof *a->arches) != 0))
    return FALSE;

  return _scmp_conditions_same_set (a->conditions, a->n_conditions,
                                    b->conditions, b->n_conditions);
}

/**
 * scmp_rule_matches:
 * @self: an #ScmpRule
 * @args: (array length=n_args) (nullable): the system call's arguments
 * @n_args: the number of @args; arguments past the end count as 0
 *
 * Evaluates the rule's conditions for one call of its system call, each
 * with scmp_condition_matches() (raw values, no ABI). The system call
 * itself is not checked.
 *
 * Returns: %TRUE if every condition holds (always, for a rule without
 *   conditions)
 *
 * Since: 0.1
 */
gboolean
scmp_rule_matches (ScmpRule      *self,
                   const guint64 *args,
                   gsize          n_args)
{
  g_return_val_if_fail (SCMP_IS_RULE (self), FALSE);
  g_return_val_if_fail (args != NULL || n_args == 0, FALSE);

  for (guint i = 0; i < self->n_conditions; i++)
    {
      const ScmpCondition *condition = &self->conditions[i];
      guint64 value = condition->arg < n_args ? args[condition->arg] : 0;

      if (!scmp_condition_matches (condition, value))
        return FALSE;
    }

  return TRUE;
}

/**
 * scmp_rule_to_string:
 * @self: an #ScmpRule
 *
 * Formats the rule for people, as `SYSCALL: ACTION` or
 * `SYSCALL: ACTION if CONDITION && CONDITION…`, followed by ` [exact]`
 * for an exact rule and ` [only on ABI, ABI…]` for a rule limited to some
 * ABIs, with the action as scmp_action_to_string() and the conditions as
 * scmp_condition_to_string() print them, in the order they were given:
 * for example `write: allow if arg0 == 1 && arg2 <= 10`. A rule on
 * numbers starts with them and their ABI instead of a name: `#472 on
 * x86_64: …`, or `#472-#1073741823 on x86_64: …` for a range.
 *
 * Returns: (transfer full): a new string; free it with g_free()
 *
 * Since: 0.1
 */
char *
scmp_rule_to_string (ScmpRule *self)
{
  g_autofree char *action = NULL;
  GString *string;

  g_return_val_if_fail (SCMP_IS_RULE (self), NULL);

  if (self->number_arch != SCMP_ARCHITECTURE_UNKNOWN)
    {
      string = g_string_new (NULL);
      g_string_append_printf (string, "#%d", self->first_number);
      if (self->last_number != self->first_number)
        g_string_append_printf (string, "-#%d", self->last_number);
      g_string_append_printf (string, " on %s", scmp_architecture_to_name (self->number_arch));
    }
  else
    string = g_string_new (self->syscall);
  g_string_append (string, ": ");

  if (self->action != NULL)
    action = scmp_action_to_string (self->action);
  g_string_append (string, action != NULL ? action : "(none)");

  for (guint i = 0; i < self->n_conditions; i++)
    {
      g_autofree char *condition = scmp_condition_to_string (&self->conditions[i]);

      g_string_append (string, i == 0 ? " if " : " && ");
      g_string_append (string, condition != NULL ? condition : "(invalid)");
    }

  if (self->exact)
    g_string_append (string, " [exact]");

  /* (a rule on numbers names its one ABI up front) */
  if (self->arches != NULL && self->number_arch == SCMP_ARCHITECTURE_UNKNOWN)
    {
      g_string_append (string, " [only on ");
      for (guint i = 0; i < self->n_arches; i++)
        g_string_append_printf (string, "%s%s", i == 0 ? "" : ", ",
                                scmp_architecture_to_name (self->arches[i]));
      g_string_append_c (string, ']');
    }

  return g_string_free (string, FALSE);
}

int
_scmp_rule_get_syscall_index (ScmpRule *rule)
{
  return rule->syscall_index;
}

const ScmpCondition *
_scmp_rule_get_conditions (ScmpRule *rule,
                           guint    *n_conditions)
{
  *n_conditions = rule->n_conditions;
  return rule->conditions;
}

const char *
_scmp_rule_get_invalid (ScmpRule *rule)
{
  return rule->invalid;
}
