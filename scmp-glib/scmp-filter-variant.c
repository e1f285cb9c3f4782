/* scmp-filter-variant.c: a whole filter as a GVariant, for D-Bus messages
 * and text policy files
 *
 * SPDX-FileCopyrightText: 2026 The scmp-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "scmp-filter.h"
#include "scmp-filter-private.h"
#include "scmp-filter-variant-private.h"

#include "scmp-enums.h"
#include "scmp-error.h"
#include "scmp-rule-private.h"

#include <stdlib.h>
#include <string.h>

/* The format version scmp_filter_serialize() writes and the only one
 * scmp_filter_new_from_variant() reads. */
#define FORMAT_VERSION 1

/* ------------------------------------------------------------------ */
/* Writing                                                             */
/* ------------------------------------------------------------------ */

static GEnumClass *
compare_op_class (void)
{
  static GEnumClass *klass = NULL;

  if (g_once_init_enter (&klass))
    g_once_init_leave (&klass, g_type_class_ref (SCMP_TYPE_COMPARE_OP));
  return klass;
}

static void
add_action (GVariantBuilder *dict,
            const char      *key,
            ScmpAction      *action)
{
  g_autofree char *text = scmp_action_to_string (action);

  g_variant_builder_add (dict, "{sv}", key, g_variant_new_string (text));
}

static GVariant *
arches_to_variant (const ScmpArchitecture *arches,
                   guint                   n_arches)
{
  GVariantBuilder names;

  g_variant_builder_init (&names, G_VARIANT_TYPE_STRING_ARRAY);
  for (guint i = 0; i < n_arches; i++)
    g_variant_builder_add (&names, "s", scmp_architecture_to_name (arches[i]));
  return g_variant_builder_end (&names);
}

static int
compare_strings (const void *a,
                 const void *b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static GVariant *
priorities_to_variant (GHashTable *priorities)
{
  g_autofree const char **names = NULL;
  GVariantBuilder dict;
  guint n = 0;

  /* Sorted, so that equal filters give equal variants. */
  names = (const char **) g_hash_table_get_keys_as_array (priorities, &n);
  qsort (names, n, sizeof *names, compare_strings);

  g_variant_builder_init (&dict, G_VARIANT_TYPE ("a{sy}"));
  for (guint i = 0; i < n; i++)
    g_variant_builder_add (&dict, "{sy}", names[i],
                           (guchar) GPOINTER_TO_UINT (g_hash_table_lookup (priorities, names[i])));
  return g_variant_builder_end (&dict);
}

static GVariant *
rule_to_variant (ScmpRule *rule)
{
  GVariantBuilder dict;
  ScmpArchitecture number_arch;
  gint first, last;
  gboolean on_numbers;
  const char *name;

  on_numbers = scmp_rule_get_numbers (rule, &number_arch, &first, &last);
  name = on_numbers ? "" : scmp_rule_get_syscall (rule);

  g_variant_builder_init (&dict, G_VARIANT_TYPE_VARDICT);
  add_action (&dict, "action", rule->action);
  if (rule->exact)
    g_variant_builder_add (&dict, "{sv}", "exact", g_variant_new_boolean (TRUE));

  if (rule->n_conditions > 0)
    {
      GVariantBuilder conditions;

      g_variant_builder_init (&conditions, G_VARIANT_TYPE ("a(usttb)"));
      for (guint i = 0; i < rule->n_conditions; i++)
        {
          const ScmpCondition *c = &rule->conditions[i];
          GEnumValue *op = g_enum_get_value (compare_op_class (), c->op);

          g_variant_builder_add (&conditions, "(usttb)",
                                 c->arg, op->value_nick, c->datum,
                                 c->op == SCMP_COMPARE_OP_MASKED_EQ ? c->mask : 0,
                                 c->is_32bit);
        }
      g_variant_builder_add (&dict, "{sv}", "conditions", g_variant_builder_end (&conditions));
    }

  /* A rule on numbers is limited to their ABI by construction. */
  if (on_numbers)
    g_variant_builder_add (&dict, "{sv}", "numbers",
                           g_variant_new ("(sii)", scmp_architecture_to_name (number_arch),
                                          first, last));
  else if (rule->arches != NULL)
    g_variant_builder_add (&dict, "{sv}", "architectures",
                           arches_to_variant (rule->arches, rule->n_arches));

  return g_variant_new ("(s@a{sv})", name, g_variant_builder_end (&dict));
}

/**
 * scmp_filter_serialize:
 * @self: a #ScmpFilter
 *
 * Describes the whole filter — its attributes, architectures, priorities
 * and rules — as a #GVariant of type %SCMP_FILTER_VARIANT_TYPE, for a
 * D-Bus message (wrap it in a `v`) or, through g_variant_print(), a text
 * policy file. scmp_filter_new_from_variant() and
 * scmp_filter_new_from_variant_text() build the filter back: the copy
 * serializes to a g_variant_equal() variant and compiles to the same BPF.
 * The filter's signal handlers, open transactions and listener are not
 * part of it.
 *
 * # The format, version 1
 *
 * The variant is a tuple `(ua{sv}a(sa{sv}))`:
 *
 * - `u`: the format version, 1. Readers refuse other versions.
 * - `a{sv}`: the filter's attributes. scmp_filter_serialize() writes
 *   every one, defaults included, in this order, except the two optional
 *   ones that are unset. A reader needs only `default-action`; an absent
 *   key keeps the value of a new filter (scmp_filter_new()).
 *   - `default-action` (`s`): the default action, in the form of
 *     scmp_action_to_string() (`allow`, `kill-process`, `kill-thread`,
 *     `trap(N)`, `errno(N)`, `trace(N)`, `log`, `notify`); readers take
 *     every form scmp_action_new_from_string() parses;
 *   - `bad-arch-action` (`s`): the action for other architectures;
 *   - `unknown-syscall-action` (`s`): #ScmpFilter:unknown-syscall-action,
 *     absent when unset;
 *   - `known-kernel` (`s`): #ScmpFilter:known-kernel, "MAJOR.MINOR",
 *     absent when unset;
 *   - `architectures` (`as`): the filter's ABIs in the filter's order, by
 *     their scmp_architecture_to_name() names (`x86_64`, `x32`, `aarch64`,
 *     ...); it may be empty;
 *   - `no-new-privs`, `thread-sync`, `log`, `spec-allow`, `wait-killable`,
 *     `allow-tracer-skip` (`b`): the boolean properties of the same names;
 *   - `priorities` (`a{sy}`): scmp_filter_set_priority() hints, syscall
 *     name to priority, sorted by name; syscalls at
 *     %SCMP_PRIORITY_DEFAULT are left out.
 * - `a(sa{sv})`: the rules, in the filter's order, each a syscall name
 *   (the empty string for a rule on numbers) and a dictionary:
 *   - `action` (`s`, required): the rule's action, as above;
 *   - `exact` (`b`): %TRUE for a rule from scmp_rule_new_exact(); written
 *     only when true;
 *   - `conditions` (`a(usttb)`): the conditions, each (argument index,
 *     operator, datum, mask, 32-bit). The operator is the nickname of an
 *     #ScmpCompareOp: `eq`, `ne`, `lt`, `le`, `gt`, `ge` or `masked-eq`;
 *     the mask is 0 except for `masked-eq`; the last member is the
 *     `is_32bit` field of #ScmpCondition. Written only when there are
 *     conditions;
 *   - `architectures` (`as`): for a rule limited with
 *     scmp_rule_restrict_to(), the ABIs it applies to;
 *   - `numbers` (`(sii)`): for a rule from scmp_rule_new_for_number() or
 *     scmp_rule_new_for_range(), the ABI's name and the first and last
 *     numbers; a rule on one number can have conditions, a rule on a
 *     range cannot. One number without conditions reads back as a rule
 *     on the number, as scmp_rule_new_for_range() makes it, even where
 *     the tables name it (scmp_rule_new_for_number() gives the rule by
 *     name there, which is written with its name).
 *
 * # Reading is strict
 *
 * A reader refuses a policy with a key it does not know, rather than
 * ignoring it: the key could be a restriction that would silently be
 * dropped. It refuses a value of the wrong type, a missing required key,
 * a key given twice, an unknown action, operator or architecture, and
 * anything the library itself refuses (an unknown syscall, an argument
 * index above 5, an errno above 4095, a rule that conflicts with an
 * earlier one). The #GError names the place: for example
 * `Rule 3 (“socket”): condition 2: “contains” is not a comparison
 * operator`, rules and conditions counted from 1. See
 * scmp_filter_new_from_variant() for the error codes.
 *
 * # An example
 *
 * A filter that denies `socket()` for `AF_INET` on x86_64 and x32,
 * printed with g_variant_print() and `type_annotate` set, as a policy
 * file holds it (the line breaks are added here; the parser ignores
 * white space):
 *
 * |[
 * (uint32 1,
 *  {'default-action': <'allow'>, 'bad-arch-action': <'kill-process'>,
 *   'known-kernel': <'6.1'>, 'architectures': <['x86_64', 'x32']>,
 *   'no-new-privs': <true>, 'thread-sync': <false>, 'log': <false>,
 *   'spec-allow': <false>, 'wait-killable': <false>,
 *   'allow-tracer-skip': <false>, 'priorities': <@a{sy} {}>},
 *  [('socket', {'action': <'errno(97)'>,
 *               'conditions': <[(uint32 0, 'eq', uint64 2, uint64 0, false)]>}),
 *   ('', {'action': <'errno(38)'>,
 *         'numbers': <('x86_64', 1000, 1073741823)>})])
 * ]|
 *
 * In C, sending it over D-Bus and reading it back:
 *
 * |[<!-- language="C" -->
 *   g_autoptr(GVariant) policy = scmp_filter_serialize (filter);
 *   g_dbus_connection_call (connection, name, path, iface, "SetPolicy",
 *                           g_variant_new ("(v)", policy), ...);
 *
 *   // in the method handler, with parameters of type (v):
 *   g_autoptr(GVariant) received = NULL;
 *   g_variant_get (parameters, "(v)", &received);
 *   g_autoptr(ScmpFilter) copy = scmp_filter_new_from_variant (received, &error);
 * ]|
 *
 * Returns: (transfer full): a new, non-floating #GVariant of type
 *   %SCMP_FILTER_VARIANT_TYPE; free it with g_variant_unref(). Unlike the
 *   result of g_variant_builder_end() it is not floating, so
 *   g_variant_new() does not take it over: this keeps ownership plain in
 *   Python, JavaScript and Vala
 *
 * Since: 0.1
 */
GVariant *
scmp_filter_serialize (ScmpFilter *self)
{
  GVariantBuilder attributes;
  GVariantBuilder rules;

  g_return_val_if_fail (SCMP_IS_FILTER (self), NULL);

  g_variant_builder_init (&attributes, G_VARIANT_TYPE_VARDICT);
  add_action (&attributes, "default-action", self->default_action);
  add_action (&attributes, "bad-arch-action", self->bad_arch_action);
  if (self->unknown_action != NULL)
    add_action (&attributes, "unknown-syscall-action", self->unknown_action);
  if (self->known_kernel != 0)
    {
      g_autofree char *release = scmp_filter_dup_known_kernel (self);

      g_variant_builder_add (&attributes, "{sv}", "known-kernel", g_variant_new_string (release));
    }
  g_variant_builder_add (&attributes, "{sv}", "architectures",
                         arches_to_variant ((const ScmpArchitecture *) (gpointer) self->arches->data,
                                            self->arches->len));
  g_variant_builder_add (&attributes, "{sv}", "no-new-privs", g_variant_new_boolean (self->no_new_privs));
  g_variant_builder_add (&attributes, "{sv}", "thread-sync", g_variant_new_boolean (self->thread_sync));
  g_variant_builder_add (&attributes, "{sv}", "log", g_variant_new_boolean (self->log));
  g_variant_builder_add (&attributes, "{sv}", "spec-allow", g_variant_new_boolean (self->spec_allow));
  g_variant_builder_add (&attributes, "{sv}", "wait-killable", g_variant_new_boolean (self->wait_killable));
  g_variant_builder_add (&attributes, "{sv}", "allow-tracer-skip",
                         g_variant_new_boolean (self->allow_tracer_skip));
  g_variant_builder_add (&attributes, "{sv}", "priorities", priorities_to_variant (self->priorities));

  g_variant_builder_init (&rules, G_VARIANT_TYPE ("a(sa{sv})"));
  for (guint i = 0; i < self->rules->len; i++)
    g_variant_builder_add_value (&rules, rule_to_variant (g_ptr_array_index (self->rules, i)));

  return g_variant_ref_sink (g_variant_new ("(u@a{sv}@a(sa{sv}))", FORMAT_VERSION,
                                            g_variant_builder_end (&attributes),
                                            g_variant_builder_end (&rules)));
}

/* ------------------------------------------------------------------ */
/* Reading                                                             */
/* ------------------------------------------------------------------ */

void
_scmp_policy_error (GError     **error,
                    const char  *where,
                    const char  *format,
                    ...)
{
  g_autofree char *reason = NULL;
  va_list args;

  va_start (args, format);
  reason = g_strdup_vprintf (format, args);
  va_end (args);

  if (where != NULL)
    g_set_error (error, SCMP_ERROR, SCMP_ERROR_INVALID_POLICY, "%s: %s", where, reason);
  else
    g_set_error_literal (error, SCMP_ERROR, SCMP_ERROR_INVALID_POLICY, reason);
}

/* Moves @local into @error with @where in front, keeping its code. */
static void
propagate_at (GError     **error,
              GError      *local,
              const char  *where)
{
  g_propagate_prefixed_error (error, local, "%s: ", where);
}

/* One key a dictionary of the format may have. */
typedef struct
{
  const char *key;
  const char *type;
  gboolean required;
} KeySpec;

static void
set_place_key (ScmpPolicyPlace *place,
               const char  *key)
{
  g_free (place->key);
  place->key = g_strdup (key);
}

/* Reads the a{sv} @dict into @values (one owned, nullable reference per
 * spec, in @specs' order), refusing unknown, repeated and mistyped keys
 * and missing required ones. */
static gboolean
read_dict (GVariant       *dict,
           const KeySpec  *specs,
           gsize           n_specs,
           GVariant      **values,
           const char     *where,
           ScmpPolicyPlace    *place,
           GError        **error)
{
  GVariantIter iter;
  const char *key;
  GVariant *value;

  g_variant_iter_init (&iter, dict);
  while (g_variant_iter_next (&iter, "{&sv}", &key, &value))
    {
      g_autoptr(GVariant) owned = value;
      gsize i;

      for (i = 0; i < n_specs; i++)
        if (strcmp (key, specs[i].key) == 0)
          break;

      set_place_key (place, key);

      if (i == n_specs)
        {
          g_autoptr(GString) known = g_string_new (NULL);

          for (gsize k = 0; k < n_specs; k++)
            g_string_append_printf (known, "%s“%s”", k > 0 ? ", " : "", specs[k].key);
          _scmp_policy_error (error, where,
                            "unknown key “%s” (the known keys are %s; a key this version "
                            "does not know is refused, not ignored)", key, known->str);
          return FALSE;
        }
      if (values[i] != NULL)
        {
          _scmp_policy_error (error, where, "the key “%s” is given twice", key);
          return FALSE;
        }
      if (!g_variant_is_of_type (value, G_VARIANT_TYPE (specs[i].type)))
        {
          _scmp_policy_error (error, where, "“%s” must be of type ‘%s’, not ‘%s’",
                            key, specs[i].type, g_variant_get_type_string (value));
          return FALSE;
        }
      values[i] = g_steal_pointer (&owned);
    }
  set_place_key (place, NULL);

  for (gsize i = 0; i < n_specs; i++)
    if (specs[i].required && values[i] == NULL)
      {
        _scmp_policy_error (error, where, "the required key “%s” is missing", specs[i].key);
        return FALSE;
      }
  return TRUE;
}

static void
clear_values (GVariant **values,
              gsize      n_values)
{
  for (gsize i = 0; i < n_values; i++)
    g_clear_pointer (&values[i], g_variant_unref);
}

/* An action from its string; any failure is a malformed policy. */
static ScmpAction *
read_action (GVariant    *value,
             const char  *where,
             const char  *key,
             GError     **error)
{
  g_autoptr(GError) local = NULL;
  ScmpAction *action = scmp_action_new_from_string (g_variant_get_string (value, NULL), &local);

  if (action == NULL)
    _scmp_policy_error (error, where, "“%s”: %s", key, local->message);
  return action;
}

static gboolean
read_arch (const char        *name,
           ScmpArchitecture  *arch,
           const char        *where,
           const char        *key,
           GError           **error)
{
  *arch = scmp_architecture_from_name (name);
  if (*arch == SCMP_ARCHITECTURE_UNKNOWN)
    {
      _scmp_policy_error (error, where, "“%s”: “%s” is not an architecture "
                        "(use the names of scmp_architecture_to_name(), such as “x86_64”)",
                        key, name);
      return FALSE;
    }
  return TRUE;
}

/* An as of architecture names, without repeats. */
static GArray *
read_arches (GVariant    *value,
             const char  *where,
             const char  *key,
             GError     **error)
{
  g_autoptr(GArray) arches = g_array_new (FALSE, FALSE, sizeof (ScmpArchitecture));
  GVariantIter iter;
  const char *name;

  g_variant_iter_init (&iter, value);
  while (g_variant_iter_next (&iter, "&s", &name))
    {
      ScmpArchitecture arch;

      if (!read_arch (name, &arch, where, key, error))
        return NULL;
      if (_scmp_filter_arches_contain (arches, arch))
        {
          _scmp_policy_error (error, where, "“%s”: the architecture “%s” is listed twice", key, name);
          return NULL;
        }
      g_array_append_val (arches, arch);
    }
  return g_steal_pointer (&arches);
}

/* Condition @index (from 1) of a rule, into @out. */
static gboolean
read_condition (GVariant       *value,
                guint           index,
                const char     *rule_where,
                ScmpCondition  *out,
                GError        **error)
{
  g_autofree char *where = g_strdup_printf ("%s: condition %u", rule_where, index);
  g_autoptr(ScmpCondition) condition = NULL;
  g_autoptr(GError) local = NULL;
  GEnumValue *op;
  const char *op_name;
  guint32 arg;
  guint64 datum, mask;
  gboolean is_32bit;

  g_variant_get (value, "(u&sttb)", &arg, &op_name, &datum, &mask, &is_32bit);

  op = g_enum_get_value_by_nick (compare_op_class (), op_name);
  if (op == NULL)
    {
      _scmp_policy_error (error, where, "“%s” is not a comparison operator "
                        "(use eq, ne, lt, le, gt, ge or masked-eq)", op_name);
      return FALSE;
    }
  if (op->value != SCMP_COMPARE_OP_MASKED_EQ && mask != 0)
    {
      _scmp_policy_error (error, where, "the operator “%s” takes no mask, but the mask is "
                        "0x%" G_GINT64_MODIFIER "x (only masked-eq has one; write 0)",
                        op_name, mask);
      return FALSE;
    }

  if (op->value == SCMP_COMPARE_OP_MASKED_EQ && !is_32bit)
    condition = scmp_condition_new_masked (arg, mask, datum, &local);
  else if (is_32bit)
    condition = scmp_condition_new_32 (arg, op->value, datum, &local);
  else
    condition = scmp_condition_new (arg, op->value, datum, &local);
  if (condition == NULL)
    {
      propagate_at (error, g_steal_pointer (&local), where);
      return FALSE;
    }

  /* A 32-bit masked-eq keeps its own mask (scmp_condition_new_32() gives
   * 0xffffffff), as a condition filled by hand can have. */
  if (op->value == SCMP_COMPARE_OP_MASKED_EQ && is_32bit)
    {
      if (mask > G_MAXUINT32)
        {
          g_set_error (error, SCMP_ERROR, SCMP_ERROR_INVALID_ARGUMENT,
                       "%s: the 32-bit comparison of argument %u has the mask "
                       "0x%" G_GINT64_MODIFIER "x, which does not fit in 32 bits",
                       where, arg, mask);
          return FALSE;
        }
      condition->mask = mask;
    }

  *out = *condition;
  return TRUE;
}

enum {
  RULE_ACTION,
  RULE_EXACT,
  RULE_CONDITIONS,
  RULE_ARCHITECTURES,
  RULE_NUMBERS,
  N_RULE_KEYS
};

static const KeySpec rule_keys[N_RULE_KEYS] = {
  [RULE_ACTION] = { "action", "s", TRUE },
  [RULE_EXACT] = { "exact", "b", FALSE },
  [RULE_CONDITIONS] = { "conditions", "a(usttb)", FALSE },
  [RULE_ARCHITECTURES] = { "architectures", "as", FALSE },
  [RULE_NUMBERS] = { "numbers", "(sii)", FALSE },
};

/* Rule @index (from 1): a (sa{sv}). */
static ScmpRule *
read_rule (GVariant     *value,
           guint         index,
           ScmpPolicyPlace  *place,
           char        **out_where,
           GError      **error)
{
  g_autoptr(GVariant) dict = NULL;
  g_autoptr(GArray) conditions = g_array_new (FALSE, FALSE, sizeof (ScmpCondition));
  g_autoptr(ScmpAction) action = NULL;
  g_autoptr(ScmpRule) rule = NULL;
  g_autoptr(GError) local = NULL;
  GVariant *values[N_RULE_KEYS] = { NULL, };
  g_autofree char *where = NULL;
  const char *name;
  gboolean exact;

  g_variant_get (value, "(&s@a{sv})", &name, &dict);
  if (*name != '\0')
    where = g_strdup_printf ("Rule %u (“%s”)", index, name);
  else
    where = g_strdup_printf ("Rule %u (on numbers)", index);

  if (!read_dict (dict, rule_keys, N_RULE_KEYS, values, where, place, error))
    goto out;

  if (*name == '\0' && values[RULE_NUMBERS] == NULL)
    {
      _scmp_policy_error (error, where, "a rule needs a syscall name, or “numbers” with an empty name");
      goto out;
    }
  if (*name != '\0' && values[RULE_NUMBERS] != NULL)
    {
      _scmp_policy_error (error, where, "a rule has a syscall name or “numbers”, not both "
                        "(give “numbers” with an empty name)");
      goto out;
    }
  exact = values[RULE_EXACT] != NULL && g_variant_get_boolean (values[RULE_EXACT]);
  if (exact && values[RULE_NUMBERS] != NULL)
    {
      set_place_key (place, "exact");
      _scmp_policy_error (error, where, "“exact” is for rules on syscall names, not on “numbers”");
      goto out;
    }

  set_place_key (place, "action");
  action = read_action (values[RULE_ACTION], where, "action", error);
  if (action == NULL)
    goto out;

  if (values[RULE_CONDITIONS] != NULL)
    {
      set_place_key (place, "conditions");
      gsize n = g_variant_n_children (values[RULE_CONDITIONS]);

      g_array_set_size (conditions, n);
      for (gsize i = 0; i < n; i++)
        {
          g_autoptr(GVariant) child = g_variant_get_child_value (values[RULE_CONDITIONS], i);

          if (!read_condition (child, i + 1, where,
                               &g_array_index (conditions, ScmpCondition, i), error))
            goto out;
        }
    }

  if (values[RULE_NUMBERS] != NULL)
    {
      ScmpArchitecture arch;
      const char *arch_name;
      gint first, last;

      set_place_key (place, "numbers");
      g_variant_get (values[RULE_NUMBERS], "(&sii)", &arch_name, &first, &last);
      if (!read_arch (arch_name, &arch, where, "numbers", error))
        goto out;
      /* (a range of one number stays a rule on numbers: for a number
       * the tables name, scmp_rule_new_for_number() would give the rule
       * by name, which also covers the call through a multiplexer) */
      if (first == last && conditions->len > 0)
        rule = scmp_rule_new_for_numberv (arch, first, action,
                                          (const ScmpCondition *) (gpointer) conditions->data,
                                          conditions->len, &local);
      else if (conditions->len > 0)
        {
          _scmp_policy_error (error, where, "a rule on a range of numbers (%d to %d) "
                            "cannot have conditions", first, last);
          goto out;
        }
      else
        rule = scmp_rule_new_for_range (arch, first, last, action, &local);
      if (rule == NULL)
        {
          propagate_at (error, g_steal_pointer (&local), where);
          goto out;
        }
    }
  else if (exact)
    rule = scmp_rule_new_exact (name, action,
                                (const ScmpCondition *) (gpointer) conditions->data,
                                conditions->len);
  else
    rule = scmp_rule_newv (name, action,
                           (const ScmpCondition *) (gpointer) conditions->data,
                           conditions->len);

  if (values[RULE_ARCHITECTURES] != NULL)
    {
      g_autoptr(GArray) arches = NULL;
      ScmpRule *restricted;

      set_place_key (place, "architectures");
      arches = read_arches (values[RULE_ARCHITECTURES], where, "architectures", error);
      if (arches == NULL)
        {
          g_clear_object (&rule);
          goto out;
        }
      restricted = scmp_rule_restrict_to (rule,
                                          (const ScmpArchitecture *) (gpointer) arches->data,
                                          arches->len, &local);
      g_clear_object (&rule);
      if (restricted == NULL)
        {
          propagate_at (error, g_steal_pointer (&local), where);
          goto out;
        }
      rule = restricted;
    }

out:
  clear_values (values, N_RULE_KEYS);
  if (rule != NULL)
    {
      set_place_key (place, NULL);
      *out_where = g_steal_pointer (&where);
    }
  return g_steal_pointer (&rule);
}

enum {
  ATTR_DEFAULT_ACTION,
  ATTR_BAD_ARCH_ACTION,
  ATTR_UNKNOWN_SYSCALL_ACTION,
  ATTR_KNOWN_KERNEL,
  ATTR_ARCHITECTURES,
  ATTR_NO_NEW_PRIVS,
  ATTR_THREAD_SYNC,
  ATTR_LOG,
  ATTR_SPEC_ALLOW,
  ATTR_WAIT_KILLABLE,
  ATTR_ALLOW_TRACER_SKIP,
  ATTR_PRIORITIES,
  N_ATTRS
};

static const KeySpec attribute_keys[N_ATTRS] = {
  [ATTR_DEFAULT_ACTION] = { "default-action", "s", TRUE },
  [ATTR_BAD_ARCH_ACTION] = { "bad-arch-action", "s", FALSE },
  [ATTR_UNKNOWN_SYSCALL_ACTION] = { "unknown-syscall-action", "s", FALSE },
  [ATTR_KNOWN_KERNEL] = { "known-kernel", "s", FALSE },
  [ATTR_ARCHITECTURES] = { "architectures", "as", FALSE },
  [ATTR_NO_NEW_PRIVS] = { "no-new-privs", "b", FALSE },
  [ATTR_THREAD_SYNC] = { "thread-sync", "b", FALSE },
  [ATTR_LOG] = { "log", "b", FALSE },
  [ATTR_SPEC_ALLOW] = { "spec-allow", "b", FALSE },
  [ATTR_WAIT_KILLABLE] = { "wait-killable", "b", FALSE },
  [ATTR_ALLOW_TRACER_SKIP] = { "allow-tracer-skip", "b", FALSE },
  [ATTR_PRIORITIES] = { "priorities", "a{sy}", FALSE },
};

static void
set_flag_attribute (ScmpFilter *filter,
                    GVariant   *value,
                    void      (*setter) (ScmpFilter *, gboolean))
{
  if (value != NULL)
    setter (filter, g_variant_get_boolean (value));
}

static gboolean
read_attributes (ScmpFilter   *filter,
                 GVariant    **values,
                 ScmpPolicyPlace  *place,
                 GError      **error)
{
  g_autoptr(GError) local = NULL;

  if (values[ATTR_BAD_ARCH_ACTION] != NULL)
    {
      set_place_key (place, "bad-arch-action");
      g_autoptr(ScmpAction) action = read_action (values[ATTR_BAD_ARCH_ACTION], "Attributes",
                                                  "bad-arch-action", error);
      if (action == NULL)
        return FALSE;
      scmp_filter_set_bad_arch_action (filter, action);
    }
  if (values[ATTR_UNKNOWN_SYSCALL_ACTION] != NULL)
    {
      set_place_key (place, "unknown-syscall-action");
      g_autoptr(ScmpAction) action = read_action (values[ATTR_UNKNOWN_SYSCALL_ACTION], "Attributes",
                                                  "unknown-syscall-action", error);
      if (action == NULL)
        return FALSE;
      scmp_filter_set_unknown_syscall_action (filter, action);
    }
  set_place_key (place, "known-kernel");
  if (values[ATTR_KNOWN_KERNEL] != NULL &&
      !scmp_filter_set_known_kernel (filter, g_variant_get_string (values[ATTR_KNOWN_KERNEL], NULL),
                                     &local))
    {
      propagate_at (error, g_steal_pointer (&local), "Attributes: “known-kernel”");
      return FALSE;
    }

  if (values[ATTR_ARCHITECTURES] != NULL)
    {
      g_autoptr(GArray) arches = NULL;
      g_autofree ScmpArchitecture *old = NULL;
      gsize n_old = 0;

      set_place_key (place, "architectures");
      arches = read_arches (values[ATTR_ARCHITECTURES], "Attributes", "architectures", error);
      if (arches == NULL)
        return FALSE;

      /* The filter has no rules yet, so this keeps the policy's order. */
      old = scmp_filter_list_arches (filter, &n_old);
      for (gsize i = 0; i < n_old; i++)
        scmp_filter_remove_arch (filter, old[i], NULL);
      for (guint i = 0; i < arches->len; i++)
        if (!scmp_filter_add_arch (filter, g_array_index (arches, ScmpArchitecture, i), &local))
          {
            propagate_at (error, g_steal_pointer (&local), "Attributes: “architectures”");
            return FALSE;
          }
    }

  set_flag_attribute (filter, values[ATTR_NO_NEW_PRIVS], scmp_filter_set_no_new_privs);
  set_flag_attribute (filter, values[ATTR_THREAD_SYNC], scmp_filter_set_thread_sync);
  set_flag_attribute (filter, values[ATTR_LOG], scmp_filter_set_log);
  set_flag_attribute (filter, values[ATTR_SPEC_ALLOW], scmp_filter_set_spec_allow);
  set_flag_attribute (filter, values[ATTR_WAIT_KILLABLE], scmp_filter_set_wait_killable);
  set_flag_attribute (filter, values[ATTR_ALLOW_TRACER_SKIP], scmp_filter_set_allow_tracer_skip);

  if (values[ATTR_PRIORITIES] != NULL)
    {
      GVariantIter iter;
      const char *name;
      guchar priority;

      set_place_key (place, "priorities");
      g_variant_iter_init (&iter, values[ATTR_PRIORITIES]);
      while (g_variant_iter_next (&iter, "{&sy}", &name, &priority))
        if (!scmp_filter_set_priority (filter, name, priority, &local))
          {
            propagate_at (error, g_steal_pointer (&local), "Attributes: “priorities”");
            return FALSE;
          }
    }
  set_place_key (place, NULL);
  return TRUE;
}

/* @variant is not a policy: say whether it is a later version of one or
 * something else. */
static void
set_type_error (GVariant  *variant,
                GError   **error)
{
  if (g_variant_is_of_type (variant, G_VARIANT_TYPE_TUPLE) &&
      g_variant_n_children (variant) > 0)
    {
      g_autoptr(GVariant) first = g_variant_get_child_value (variant, 0);

      if (g_variant_is_of_type (first, G_VARIANT_TYPE_UINT32) &&
          g_variant_get_uint32 (first) != FORMAT_VERSION)
        {
          _scmp_policy_error (error, NULL, "Policy format version %u is not supported "
                            "(this scmp-glib reads version %d)",
                            g_variant_get_uint32 (first), FORMAT_VERSION);
          return;
        }
    }
  _scmp_policy_error (error, NULL, "A policy is a GVariant of type ‘%s’, not ‘%s’",
                    SCMP_FILTER_VARIANT_TYPE_STRING, g_variant_get_type_string (variant));
}

ScmpFilter *
_scmp_filter_from_variant (GVariant        *variant,
                           ScmpPolicyPlace *place,
                           GError         **error)
{
  g_autoptr(GVariant) attributes = NULL;
  g_autoptr(GVariant) rules = NULL;
  g_autoptr(ScmpAction) default_action = NULL;
  g_autoptr(ScmpFilter) filter = NULL;
  GVariant *values[N_ATTRS] = { NULL, };
  gboolean ok = FALSE;
  guint32 version;
  gsize n_rules;

  if (!g_variant_is_of_type (variant, SCMP_FILTER_VARIANT_TYPE))
    {
      set_type_error (variant, error);
      return NULL;
    }
  /* Untrusted bytes (g_variant_new_from_data()) that are not in normal
   * form read as default values wherever they are malformed: a cut or
   * corrupt message could come out as another policy, with its
   * architectures emptied or a flag turned on. GDBus refuses such
   * messages; so does a policy reader. (Trusted and parsed variants
   * are in normal form.) */
  if (!g_variant_is_normal_form (variant))
    {
      _scmp_policy_error (error, NULL, "The policy's serialized data is not in GVariant "
                          "normal form: it is truncated or corrupt");
      return NULL;
    }

  g_variant_get (variant, "(u@a{sv}@a(sa{sv}))", &version, &attributes, &rules);
  if (version != FORMAT_VERSION)
    {
      place->version = TRUE;
      _scmp_policy_error (error, NULL, "Policy format version %u is not supported "
                        "(this scmp-glib reads version %d)", version, FORMAT_VERSION);
      return NULL;
    }

  if (!read_dict (attributes, attribute_keys, N_ATTRS, values, "Attributes", place, error))
    goto out;
  set_place_key (place, "default-action");
  default_action = read_action (values[ATTR_DEFAULT_ACTION], "Attributes", "default-action", error);
  if (default_action == NULL)
    goto out;

  filter = scmp_filter_new (default_action);
  if (!read_attributes (filter, values, place, error))
    goto out;

  n_rules = g_variant_n_children (rules);
  for (gsize i = 0; i < n_rules; i++)
    {
      g_autoptr(GVariant) child = g_variant_get_child_value (rules, i);
      g_autoptr(GError) local = NULL;
      g_autoptr(ScmpRule) rule = NULL;
      g_autofree char *where = NULL;

      place->rule = i + 1;
      rule = read_rule (child, i + 1, place, &where, error);
      if (rule == NULL)
        goto out;
      if (!scmp_filter_add_rule (filter, rule, &local))
        {
          propagate_at (error, g_steal_pointer (&local), where);
          goto out;
        }
    }
  ok = TRUE;

out:
  clear_values (values, N_ATTRS);
  return ok ? g_steal_pointer (&filter) : NULL;
}

/**
 * scmp_filter_new_from_variant: (constructor)
 * @variant: a policy of type %SCMP_FILTER_VARIANT_TYPE, such as
 *   scmp_filter_serialize() returns; a floating reference is taken over
 * @error: return location for a #GError, or %NULL
 *
 * Builds a filter from its #GVariant form, described in
 * scmp_filter_serialize(): a policy received over D-Bus, or parsed from
 * a file. The checks are strict: a key the format does not have is an
 * error, not something to skip.
 *
 * The error names the place, such as `Rule 3 (“socket”): condition 2:`
 * (rules and conditions counted from 1) or `Attributes: “known-kernel”:`.
 * Its code is %SCMP_ERROR_INVALID_POLICY for what is malformed as a
 * policy: a variant of another type or format version, serialized data
 * that is not in normal form (truncated or corrupt bytes given to
 * g_variant_new_from_data(), which GVariant would read as default
 * values), an unknown or
 * repeated key, a value of the wrong type, a missing required key, an
 * action scmp_action_new_from_string() cannot read (an errno above 4095
 * included), an unknown operator or architecture name. What the library
 * refuses on its own keeps the library's code: %SCMP_ERROR_INVALID_SYSCALL
 * for an unknown syscall, %SCMP_ERROR_INVALID_ARGUMENT for an argument
 * index above 5, a datum too wide, bad syscall numbers or a bad kernel
 * release, %SCMP_ERROR_INVALID_ARCHITECTURE for architectures that cannot
 * be combined, %SCMP_ERROR_EXISTS for a rule that conflicts with an
 * earlier one, and so on.
 *
 * Returns: (transfer full): a new #ScmpFilter, or %NULL with @error set;
 *   no partly built filter is returned
 *
 * Since: 0.1
 */
ScmpFilter *
scmp_filter_new_from_variant (GVariant  *variant,
                              GError   **error)
{
  g_autoptr(GVariant) held = NULL;
  ScmpPolicyPlace place = { FALSE, 0, NULL };
  ScmpFilter *filter;

  g_return_val_if_fail (variant != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  held = g_variant_ref_sink (variant);
  filter = _scmp_filter_from_variant (held, &place, error);
  g_free (place.key);
  return filter;
}
