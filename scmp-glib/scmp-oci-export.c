/* scmp-oci-export.c: writing a filter as an OCI seccomp profile
 *
 * SPDX-FileCopyrightText: 2026 The scmp-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "scmp-oci.h"
#include "scmp-oci-private.h"

#include "scmp-arch-private.h"
#include "scmp-error.h"
#include "scmp-rule-private.h"


typedef struct {
  ScmpFilter          *filter;
  ScmpOciExportFlags   flags;
  GPtrArray           *warnings;   /* (element-type utf8) */
  GError             **error;
  gboolean             failed;
} Writer;

/* Something the format cannot say: an error in strict mode (the first
 * one is kept), a warning otherwise. */
G_GNUC_PRINTF (2, 3)
static void
cannot_express (Writer     *w,
                const char *format,
                ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  if (w->flags & SCMP_OCI_EXPORT_FLAGS_STRICT)
    {
      if (!w->failed)
        g_set_error (w->error, SCMP_ERROR, SCMP_ERROR_NOT_SUPPORTED,
                     "An OCI profile cannot express this filter: %s", message);
      w->failed = TRUE;
    }
  else
    g_ptr_array_add (w->warnings, g_steal_pointer (&message));
}

static char *
oci_arch_name (ScmpArchitecture arch)
{
  g_autofree char *upper = g_ascii_strup (scmp_architecture_to_name (arch), -1);

  return g_strconcat ("SCMP_ARCH_", upper, NULL);
}

/* Whether @action can be written, and its name and errnoRet. */
static gboolean
action_parts (Writer      *w,
              ScmpAction  *action,
              const char  *what,
              const char **name,
              gboolean    *has_errno,
              guint       *errno_ret)
{
  ScmpActionKind kind = scmp_action_get_kind (action);

  *name = _scmp_oci_name_of (_scmp_oci_actions, kind);
  *has_errno = FALSE;
  switch (kind)
    {
    case SCMP_ACTION_KIND_ERRNO:
      *has_errno = TRUE;
      *errno_ret = scmp_action_get_errno_value (action);
      break;
    case SCMP_ACTION_KIND_TRACE:
      *has_errno = TRUE;
      *errno_ret = scmp_action_get_trace_value (action);
      break;
    case SCMP_ACTION_KIND_TRAP:
      if (scmp_action_get_trap_value (action) != 0)
        {
          cannot_express (w, "%s traps with the value %u, and SCMP_ACT_TRAP has none",
                          what, scmp_action_get_trap_value (action));
          return FALSE;
        }
      break;
    case SCMP_ACTION_KIND_KILL_PROCESS:
    case SCMP_ACTION_KIND_KILL_THREAD:
    case SCMP_ACTION_KIND_NOTIFY:
    case SCMP_ACTION_KIND_LOG:
    case SCMP_ACTION_KIND_ALLOW:
    default:
      break;
    }
  return TRUE;
}

/* Whether the conditions of @rule mean the same read by runc: no
 * argument tested twice (runc makes each such test a rule of its own),
 * and no 32-bit comparison of an argument that an ABI reads wider. */
static gboolean
conditions_expressible (Writer                 *w,
                        ScmpRule               *rule,
                        const char             *what,
                        const ScmpArchitecture *arches,
                        gsize                   n_arches)
{
  guint n = scmp_rule_get_n_conditions (rule);
  guint seen = 0;
  int idx = _scmp_rule_get_syscall_index (rule);

  for (guint i = 0; i < n; i++)
    {
      const ScmpCondition *c = scmp_rule_get_condition (rule, i);

      if (seen & (1u << c->arg))
        {
          cannot_express (w, "%s tests argument %u twice, and runc makes each test of one "
                          "argument a rule of its own (OR, not AND)", what, c->arg);
          return FALSE;
        }
      seen |= 1u << c->arg;
      for (gsize a = 0; c->is_32bit && a < n_arches; a++)
        if (_scmp_syscall_arg_type (idx, arches[a], c->arg).bits > 32)
          {
            cannot_express (w, "%s compares the low 32 bits of argument %u, which %s reads "
                            "as 64 bits; the format compares whole arguments", what, c->arg,
                            scmp_architecture_to_name (arches[a]));
            return FALSE;
          }
    }
  return TRUE;
}

/* A JSON string, escaped. */
static void
append_string (GString    *out,
               const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"' || *p == '\\')
        g_string_append_printf (out, "\\%c", *p);
      else if ((guchar) *p < 0x20)
        g_string_append_printf (out, "\\u%04x", (guchar) *p);
      else
        g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

/* `"name": [ "a", "b" ]` over several lines, at @indent. */
static void
append_string_list (GString            *out,
                    const char         *indent,
                    const char         *member,
                    const char * const *items,
                    guint               n_items)
{
  g_string_append_printf (out, "%s\"%s\": [\n", indent, member);
  for (guint i = 0; i < n_items; i++)
    {
      g_string_append_printf (out, "%s  ", indent);
      append_string (out, items[i]);
      g_string_append (out, i + 1 < n_items ? ",\n" : "\n");
    }
  g_string_append_printf (out, "%s]", indent);
}

/* The rule's conditions as `args`. Values are unsigned 64-bit, which is
 * why the text is written by hand: json-glib writes gint64. */
static void
append_args (GString  *out,
             ScmpRule *rule)
{
  guint n = scmp_rule_get_n_conditions (rule);

  g_string_append (out, ",\n      \"args\": [\n");
  for (guint i = 0; i < n; i++)
    {
      const ScmpCondition *c = scmp_rule_get_condition (rule, i);
      gboolean masked = c->op == SCMP_COMPARE_OP_MASKED_EQ;

      /* libseccomp's MASKED_EQ takes the mask first: `value` is the mask. */
      g_string_append_printf (out, "        { \"index\": %u, \"value\": %" G_GUINT64_FORMAT,
                              c->arg, masked ? c->mask : c->datum);
      if (masked)
        g_string_append_printf (out, ", \"valueTwo\": %" G_GUINT64_FORMAT, c->datum);
      g_string_append_printf (out, ", \"op\": \"%s\" }%s\n",
                              _scmp_oci_name_of (_scmp_oci_ops, c->op), i + 1 < n ? "," : "");
    }
  g_string_append (out, "      ]");
}

/* Whether @a and @b test the same (scmp_rule_same_conditions() also
 * compares the syscalls). */
static gboolean
same_condition_list (ScmpRule *a,
                     ScmpRule *b)
{
  guint n = scmp_rule_get_n_conditions (a);

  if (n != scmp_rule_get_n_conditions (b))
    return FALSE;
  for (guint i = 0; i < n; i++)
    if (!scmp_condition_equal (scmp_rule_get_condition (a, i), scmp_rule_get_condition (b, i)))
      return FALSE;
  return TRUE;
}

/* The rules as runc will read them: a list of the rules to write, in
 * order, with what cannot be said reported. */
static GPtrArray *
rules_to_write (Writer                 *w,
                const ScmpArchitecture *arches,
                gsize                   n_arches)
{
  ScmpFilter *filter = w->filter;
  ScmpAction *default_action = scmp_filter_get_default_action (filter);
  GPtrArray *out = g_ptr_array_new ();
  g_autoptr(GHashTable) by_name = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                         (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GHashTable) keep = g_hash_table_new (NULL, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();   /* in the filter's order */
  guint n_rules = scmp_filter_get_n_rules (filter);

  /* First, each rule on its own. */
  for (guint i = 0; i < n_rules; i++)
    {
      ScmpRule *rule = scmp_filter_get_rule (filter, i);
      g_autofree char *what = NULL;
      g_autofree char *text = scmp_rule_to_string (rule);
      const char *name;
      gboolean has_errno;
      guint errno_ret;
      GPtrArray *list;
      gboolean restricted = FALSE;
      ScmpArchitecture nr_arch;
      guint32 first_nr, last_nr;

      what = g_strdup_printf ("rule %u (%s)", i, text);
      if (_scmp_rule_get_number_range (rule, &nr_arch, &first_nr, &last_nr))
        {
          cannot_express (w, "%s is for syscall numbers, and the format only has names", what);
          continue;
        }
      for (gsize a = 0; a < n_arches; a++)
        if (!_scmp_rule_applies_to (rule, arches[a]))
          restricted = TRUE;
      if (restricted)
        {
          cannot_express (w, "%s applies to some of the filter's architectures only, and the "
                          "format's rules apply to all", what);
          continue;
        }
      if (!action_parts (w, scmp_rule_get_action (rule), what, &name, &has_errno, &errno_ret) ||
          !conditions_expressible (w, rule, what, arches, n_arches))
        continue;

      list = g_hash_table_lookup (by_name, scmp_rule_get_syscall (rule));
      if (list == NULL)
        {
          list = g_ptr_array_new ();
          g_hash_table_insert (by_name, (gpointer) scmp_rule_get_syscall (rule), list);
          g_ptr_array_add (names, (gpointer) scmp_rule_get_syscall (rule));
        }
      g_ptr_array_add (list, rule);
    }

  /* Then each syscall's rules, against libseccomp's merging: runc drops
   * a rule for the default action, and the first rule without
   * conditions decides every call of its syscall. */
  for (guint n = 0; n < names->len; n++)
    {
      const char *syscall = names->pdata[n];
      GPtrArray *list = g_hash_table_lookup (by_name, syscall);
      gboolean mixed = FALSE, shadowing_default = FALSE, overridden = FALSE;
      ScmpAction *first = NULL;
      guint end = list->len;

      /* Rules after one without conditions never decide: left out. */
      for (guint k = 0; k < list->len; k++)
        if (scmp_rule_get_n_conditions (list->pdata[k]) == 0)
          {
            end = k + 1;
            break;
          }
      for (guint k = 0; k < end; k++)
        {
          ScmpRule *rule = list->pdata[k];
          ScmpAction *action = scmp_rule_get_action (rule);

          if (scmp_action_equal (action, default_action))
            {
              /* Left out by runc; only a loss if a later rule differs. */
              for (guint j = k + 1; j < end; j++)
                if (!scmp_action_equal (scmp_rule_get_action (list->pdata[j]), action))
                  shadowing_default = TRUE;
              continue;
            }
          if (first == NULL)
            first = action;
          else if (!scmp_action_equal (first, action))
            {
              if (scmp_rule_get_n_conditions (rule) == 0)
                overridden = TRUE;
              else
                mixed = TRUE;
            }
          g_hash_table_add (keep, rule);
        }
      if (shadowing_default)
        cannot_express (w, "“%s” has a rule for the default action before rules with "
                        "other actions; runc leaves such a rule out", syscall);
      if (overridden)
        cannot_express (w, "“%s” has conditional rules before a rule without conditions "
                        "with another action; with runc the rule without conditions "
                        "decides every call", syscall);
      if (mixed)
        cannot_express (w, "“%s” has conditional rules with different actions; runc's "
                        "libseccomp may test them in another order than the filter's",
                        syscall);
    }

  for (guint i = 0; i < n_rules; i++)
    if (g_hash_table_contains (keep, scmp_filter_get_rule (filter, i)))
      g_ptr_array_add (out, scmp_filter_get_rule (filter, i));
  return out;
}

/**
 * scmp_filter_export_oci:
 * @filter: a #ScmpFilter
 * @flags: what to do with what the format cannot express
 * @warnings: (out) (optional) (array zero-terminated=1) (transfer full):
 *   return location for what was left out or may be read differently,
 *   one sentence each
 * @error: return location for a #GError
 *
 * Writes @filter as the `linux.seccomp` object of the OCI runtime
 * specification, which runc, crun and Docker read and
 * scmp_oci_profile_load_from_data() reads back: the default action,
 * the architectures, the flags (from #ScmpFilter:thread-sync,
 * #ScmpFilter:log, #ScmpFilter:spec-allow and #ScmpFilter:wait-killable)
 * and the rules, consecutive rules with the same action and conditions
 * as one entry.
 *
 * The format cannot express everything a filter can. These are reported
 * (a warning each, or with %SCMP_OCI_EXPORT_FLAGS_STRICT an error of
 * %SCMP_ERROR_NOT_SUPPORTED and no output) and left out or written as
 * close as the format allows:
 *
 * - rules on syscall numbers, and rules for some of the filter's
 *   architectures only;
 * - a trap with a value;
 * - a rule that tests one argument twice (runc makes each test a rule of
 *   its own), and a 32-bit comparison of an argument some architecture
 *   reads as 64 bits;
 * - where the first-match order of the filter decides and libseccomp's
 *   merging would not: a rule for the default action before rules with
 *   other actions for the same syscall, conditional rules with different
 *   actions for one syscall, conditional rules before an unconditional
 *   rule with another action;
 * - the bad-architecture action unless it kills, the unknown-syscall
 *   action, #ScmpFilter:known-kernel and #ScmpFilter:allow-tracer-skip.
 *
 * Left out without a word, since they do not change what the filter
 * decides or are not the seccomp object's: rules that never decide (after
 * a rule without conditions for the same syscall), rules for the default
 * action where nothing follows them, priorities, whether rules are exact,
 * and #ScmpFilter:no-new-privs (the OCI `process.noNewPrivileges`).
 *
 * Arguments are written as the filter compares them; runc compares all 64
 * bits where scmp-glib compares what the kernel reads, so that a runtime
 * built on libseccomp may let through values with garbage in bits the
 * kernel ignores.
 *
 * Returns: (transfer full) (nullable): the profile as JSON text, or %NULL
 *   with @error set
 *
 * Since: 0.1
 */
char *
scmp_filter_export_oci (ScmpFilter           *filter,
                        ScmpOciExportFlags    flags,
                        char               ***warnings,
                        GError              **error)
{
  g_autoptr(GPtrArray) warning_list = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) rules = NULL;
  g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) out = g_string_new ("{\n");
  g_autofree ScmpArchitecture *arches = NULL;
  g_autofree char *known = NULL;
  const char *flag_names[4];
  ScmpAction *bad_arch;
  const char *name;
  gboolean has_errno;
  guint errno_ret, n_flags = 0;
  gsize n_arches;
  Writer w = { filter, flags, warning_list, error, FALSE };

  g_return_val_if_fail (SCMP_IS_FILTER (filter), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (warnings != NULL)
    *warnings = NULL;
  arches = scmp_filter_list_arches (filter, &n_arches);

  if (action_parts (&w, scmp_filter_get_default_action (filter), "the default action",
                    &name, &has_errno, &errno_ret))
    {
      g_string_append_printf (out, "  \"defaultAction\": \"%s\",\n", name);
      if (has_errno)
        g_string_append_printf (out, "  \"defaultErrnoRet\": %u,\n", errno_ret);
    }

  for (gsize a = 0; a < n_arches; a++)
    g_ptr_array_add (strings, oci_arch_name (arches[a]));
  append_string_list (out, "  ", "architectures", (const char * const *) strings->pdata,
                      strings->len);
  g_string_append (out, ",\n");

  if (scmp_filter_get_thread_sync (filter))
    flag_names[n_flags++] = _scmp_oci_name_of (_scmp_oci_flags, SCMP_OCI_FLAG_TSYNC);
  if (scmp_filter_get_log (filter))
    flag_names[n_flags++] = _scmp_oci_name_of (_scmp_oci_flags, SCMP_OCI_FLAG_LOG);
  if (scmp_filter_get_spec_allow (filter))
    flag_names[n_flags++] = _scmp_oci_name_of (_scmp_oci_flags, SCMP_OCI_FLAG_SPEC_ALLOW);
  if (scmp_filter_get_wait_killable (filter))
    flag_names[n_flags++] = _scmp_oci_name_of (_scmp_oci_flags, SCMP_OCI_FLAG_WAIT_KILLABLE);
  if (n_flags > 0)
    {
      append_string_list (out, "  ", "flags", flag_names, n_flags);
      g_string_append (out, ",\n");
    }

  bad_arch = scmp_filter_get_bad_arch_action (filter);
  if (scmp_action_get_kind (bad_arch) != SCMP_ACTION_KIND_KILL_PROCESS &&
      scmp_action_get_kind (bad_arch) != SCMP_ACTION_KIND_KILL_THREAD)
    {
      g_autofree char *text = scmp_action_to_string (bad_arch);

      cannot_express (&w, "the bad-architecture action is %s, and the format has none "
                      "(runtimes kill)", text);
    }
  if (scmp_filter_get_unknown_syscall_action (filter) != NULL)
    {
      g_autofree char *text = scmp_action_to_string (scmp_filter_get_unknown_syscall_action (filter));

      cannot_express (&w, "the format has no unknown-syscall action (%s)", text);
    }
  known = scmp_filter_dup_known_kernel (filter);
  if (known != NULL)
    cannot_express (&w, "the format has no known kernel (%s)", known);
  if (scmp_filter_get_allow_tracer_skip (filter))
    cannot_express (&w, "the format cannot let a tracer skip calls (allow-tracer-skip)");

  rules = rules_to_write (&w, arches, n_arches);
  if (w.failed)
    return NULL;

  g_string_append (out, "  \"syscalls\": [");
  for (guint i = 0; i < rules->len;)
    {
      ScmpRule *rule = rules->pdata[i];
      ScmpAction *action = scmp_rule_get_action (rule);
      g_autoptr(GPtrArray) names = g_ptr_array_new ();
      guint j;

      for (j = i; j < rules->len; j++)
        {
          ScmpRule *next = rules->pdata[j];

          if (j > i && (!scmp_action_equal (scmp_rule_get_action (next), action) ||
                        !same_condition_list (next, rule)))
            break;
          g_ptr_array_add (names, (gpointer) scmp_rule_get_syscall (next));
        }
      g_string_append (out, i == 0 ? "\n    {\n" : ",\n    {\n");
      append_string_list (out, "      ", "names", (const char * const *) names->pdata, names->len);
      action_parts (&w, action, "", &name, &has_errno, &errno_ret);
      g_string_append_printf (out, ",\n      \"action\": \"%s\"", name);
      if (has_errno)
        g_string_append_printf (out, ",\n      \"errnoRet\": %u", errno_ret);
      if (scmp_rule_get_n_conditions (rule) > 0)
        append_args (out, rule);
      g_string_append (out, "\n    }");
      i = j;
    }
  g_string_append (out, rules->len > 0 ? "\n  ]\n}\n" : "]\n}\n");

  if (warnings != NULL)
    {
      g_ptr_array_add (warning_list, NULL);
      *warnings = (char **) g_ptr_array_steal (warning_list, NULL);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}
