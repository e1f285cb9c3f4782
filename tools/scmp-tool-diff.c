/* scmp-tool-diff.c: scmp-tool diff, where two policies decide differently
 *
 * SPDX-FileCopyrightText: 2026 The scmp-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Both filters are compiled and run in scmp-glib's interpreter, so what is
 * compared is what the kernel would do, not how the rules are written: two
 * policies that say the same thing differently have no differences. Each
 * syscall of each ABI is probed with all-zero arguments and with the values
 * around every datum that a rule of either policy for that syscall
 * mentions, which is where a decision can change.
 */

#include "scmp-tool-private.h"

#include <string.h>

typedef struct {
  guint64 v[6];
} ArgVector;

/* Where a rule of either policy acts on one ABI. */
typedef struct {
  ScmpRule *rule;
  int       first;      /* syscall numbers, first..last; -1 if none */
  int       last;
  int       mux_nr;     /* the multiplexer it is also reached through, or -1 */
  guint     sub_call;
} RuleSpan;

/* One syscall on one ABI whose outcome differs. */
typedef struct {
  ScmpArchitecture arch;
  int              nr;
  char            *label;       /* "openat", or "syscall 1000" */
  ArgVector        args;
  gboolean         everywhere;  /* the same change at every probed vector */
  ScmpAction      *before;
  ScmpAction      *after;
} Difference;

static void
difference_free (gpointer data)
{
  Difference *d = data;

  g_free (d->label);
  g_clear_object (&d->before);
  g_clear_object (&d->after);
  g_free (d);
}

static void
add_vector (GArray        *vectors,
            const guint64 *v)
{
  for (guint i = 0; i < vectors->len; i++)
    if (memcmp (&g_array_index (vectors, ArgVector, i), v, sizeof (ArgVector)) == 0)
      return;
  g_array_append_vals (vectors, v, 1);
}

/* A value that makes @c true, for a vector that meets all of a rule's
 * conditions at once. */
static guint64
satisfying_value (const ScmpCondition *c)
{
  switch (c->op)
    {
    case SCMP_COMPARE_OP_NE:
    case SCMP_COMPARE_OP_GT:
      return c->datum + 1;
    case SCMP_COMPARE_OP_LT:
      return c->datum - 1;
    case SCMP_COMPARE_OP_MASKED_EQ:
      return c->datum & c->mask;
    case SCMP_COMPARE_OP_EQ:
    case SCMP_COMPARE_OP_LE:
    case SCMP_COMPARE_OP_GE:
    default:
      return c->datum;
    }
}

static void
add_rule_vectors (GArray   *vectors,
                  ScmpRule *rule)
{
  guint n = scmp_rule_get_n_conditions (rule);
  ArgVector witness = { { 0 } };

  for (guint i = 0; i < n; i++)
    {
      const ScmpCondition *c = scmp_rule_get_condition (rule, i);
      guint64 probes[4] = { c->datum, c->datum - 1, c->datum + 1, c->mask };
      guint n_probes = c->op == SCMP_COMPARE_OP_MASKED_EQ ? 4 : 3;

      for (guint p = 0; p < n_probes; p++)
        {
          ArgVector v = { { 0 } };

          v.v[c->arg] = probes[p];
          add_vector (vectors, v.v);
        }
      witness.v[c->arg] = satisfying_value (c);
    }
  if (n > 0)
    add_vector (vectors, witness.v);
}

static void
collect_spans (GArray           *spans,
               ScmpFilter       *filter,
               ScmpArchitecture  arch)
{
  for (guint i = 0; i < scmp_filter_get_n_rules (filter); i++)
    {
      ScmpRule *rule = scmp_filter_get_rule (filter, i);
      RuleSpan span = { rule, -1, -1, -1, 0 };
      ScmpArchitecture rule_arch;
      const char *name = scmp_rule_get_syscall (rule);

      if (!scmp_rule_applies_to (rule, arch))
        continue;
      if (scmp_rule_get_numbers (rule, &rule_arch, &span.first, &span.last))
        {
          /* Rules on numbers belong to one ABI. */
          if (rule_arch != arch)
            continue;
        }
      else
        {
          span.first = span.last = scmp_syscall_resolve_name (arch, name);
          if (scmp_syscall_get_multiplexer (arch, name, &span.mux_nr, &span.sub_call) ==
              SCMP_MULTIPLEXER_NONE)
            span.mux_nr = -1;
        }
      g_array_append_val (spans, span);
    }
}

static int
compare_int (gconstpointer a,
             gconstpointer b)
{
  int x = *(const int *) a, y = *(const int *) b;

  return (x > y) - (x < y);
}

/* Every syscall number to probe on @arch: the tables', the numbers that
 * rules on numbers name (and their neighbours), and the first number past
 * the tables, which stands for the numbers no table names. */
static GArray *
collect_numbers (ScmpArchitecture  arch,
                 GArray           *spans)
{
  g_autoptr(GArray) numbers = g_array_new (FALSE, FALSE, sizeof (int));
  g_auto(GStrv) names = scmp_syscall_list_names (arch);
  GArray *unique = g_array_new (FALSE, FALSE, sizeof (int));
  int highest = -1;

  for (guint i = 0; names[i] != NULL; i++)
    {
      int nr = scmp_syscall_resolve_name (arch, names[i]);

      g_array_append_val (numbers, nr);
      highest = MAX (highest, nr);
    }
  highest++;
  g_array_append_val (numbers, highest);

  for (guint i = 0; i < spans->len; i++)
    {
      const RuleSpan *s = &g_array_index (spans, RuleSpan, i);
      gint64 around[] = { (gint64) s->first - 1, s->first, s->last, (gint64) s->last + 1 };

      if (s->first < 0)
        continue;
      for (gsize j = 0; j < G_N_ELEMENTS (around); j++)
        if (around[j] >= 0 && around[j] <= G_MAXINT)
          {
            int nr = (int) around[j];

            g_array_append_val (numbers, nr);
          }
    }

  g_array_sort (numbers, compare_int);
  for (guint i = 0; i < numbers->len; i++)
    {
      int nr = g_array_index (numbers, int, i);

      if (nr >= 0 && (unique->len == 0 || g_array_index (unique, int, unique->len - 1) != nr))
        g_array_append_val (unique, nr);
    }
  return unique;
}

static gboolean
diff_syscall (ScmpFilter        *a,
              ScmpFilter        *b,
              ScmpArchitecture   arch,
              int                nr,
              GArray            *spans,
              GPtrArray         *differences,
              GError           **error)
{
  g_autoptr(GArray) vectors = g_array_new (FALSE, FALSE, sizeof (ArgVector));
  g_autoptr(GPtrArray) found = g_ptr_array_new ();
  ArgVector zero = { { 0 } };
  guint n_different = 0;

  add_vector (vectors, zero.v);
  for (guint i = 0; i < spans->len; i++)
    {
      const RuleSpan *s = &g_array_index (spans, RuleSpan, i);

      if (s->first <= nr && nr <= s->last)
        add_rule_vectors (vectors, s->rule);
      if (s->mux_nr == nr)
        {
          /* Through the multiplexer, arg0 picks the call. */
          ArgVector v = { { s->sub_call } };

          add_vector (vectors, v.v);
        }
    }

  for (guint i = 0; i < vectors->len; i++)
    {
      const ArgVector *v = &g_array_index (vectors, ArgVector, i);
      g_autoptr(ScmpAction) before = scmp_filter_evaluate (a, arch, nr, v->v, 6, error);
      g_autoptr(ScmpAction) after = NULL;
      gboolean known = FALSE;

      if (before == NULL)
        return FALSE;
      after = scmp_filter_evaluate (b, arch, nr, v->v, 6, error);
      if (after == NULL)
        return FALSE;
      if (scmp_action_get_kernel_value (before) == scmp_action_get_kernel_value (after))
        continue;
      n_different++;

      /* One report per change, at the first vector that shows it. */
      for (guint j = 0; j < found->len && !known; j++)
        {
          Difference *d = g_ptr_array_index (found, j);

          known = scmp_action_equal (d->before, before) && scmp_action_equal (d->after, after);
        }
      if (!known)
        {
          Difference *d = g_new0 (Difference, 1);
          const char *name = scmp_syscall_resolve_number (arch, nr);

          d->arch = arch;
          d->nr = nr;
          d->label = name != NULL ? g_strdup (name) : g_strdup_printf ("syscall %d", nr);
          d->args = *v;
          d->before = g_steal_pointer (&before);
          d->after = g_steal_pointer (&after);
          g_ptr_array_add (found, d);
        }
    }

  for (guint j = 0; j < found->len; j++)
    {
      Difference *d = g_ptr_array_index (found, j);

      d->everywhere = found->len == 1 && n_different == vectors->len;
      g_ptr_array_add (differences, d);
    }
  return TRUE;
}

static char *
describe_vector (const Difference *d)
{
  GString *text;
  gboolean first = TRUE;

  if (d->everywhere)
    return g_strdup ("");

  text = g_string_new (" (when ");
  for (guint i = 0; i < 6; i++)
    {
      if (d->args.v[i] == 0)
        continue;
      g_string_append_printf (text, "%sarg%u = 0x%" G_GINT64_MODIFIER "x",
                              first ? "" : ", ", i, d->args.v[i]);
      first = FALSE;
    }
  g_string_append (text, first ? "all arguments are 0)" : ")");
  return g_string_free (text, FALSE);
}

/* For text: "openat (x86_64, x32): allow → errno(1) (when arg2 = 0x1)",
 * one line for each change the ABIs share. */
typedef struct {
  char    *label;
  char    *change;
  GString *arches;
} Line;

static void
line_free (gpointer data)
{
  Line *line = data;

  g_free (line->label);
  g_free (line->change);
  g_string_free (line->arches, TRUE);
  g_free (line);
}

static int
compare_lines (gconstpointer a,
               gconstpointer b)
{
  const Line *x = *(const Line * const *) a;
  const Line *y = *(const Line * const *) b;

  return g_strcmp0 (x->label, y->label);
}

static void
print_differences (GPtrArray *differences)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (line_free);
  g_autoptr(GHashTable) by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < differences->len; i++)
    {
      const Difference *d = g_ptr_array_index (differences, i);
      g_autofree char *before = scmp_action_to_string (d->before);
      g_autofree char *after = scmp_action_to_string (d->after);
      g_autofree char *when = describe_vector (d);
      char *change = g_strdup_printf ("%s → %s%s", before, after, when);
      char *key = g_strdup_printf ("%s\n%s", d->label, change);
      Line *line = g_hash_table_lookup (by_key, key);

      if (line == NULL)
        {
          line = g_new0 (Line, 1);
          line->label = g_strdup (d->label);
          line->change = change;
          line->arches = g_string_new (tool_arch_name (d->arch));
          g_ptr_array_add (lines, line);
          g_hash_table_insert (by_key, key, line);
        }
      else
        {
          g_string_append_printf (line->arches, ", %s", tool_arch_name (d->arch));
          g_free (change);
          g_free (key);
        }
    }

  /* g_ptr_array_sort is not stable; the labels are unique per change
   * anyway, and ties keep no meaningful order. */
  g_ptr_array_sort (lines, compare_lines);
  for (guint i = 0; i < lines->len; i++)
    {
      const Line *line = g_ptr_array_index (lines, i);

      g_print ("%s (%s): %s\n", line->label, line->arches->str, line->change);
    }
}

typedef struct {
  const char *name;
  char       *before;
  char       *after;
} AttributeChange;

static char *
action_or_none (ScmpAction *action)
{
  return action != NULL ? scmp_action_to_string (action) : g_strdup ("none");
}

static char *
describe_boolean (gboolean value)
{
  return g_strdup (value ? "true" : "false");
}

static char *
describe_known_kernel (ScmpFilter *filter)
{
  char *version = scmp_filter_dup_known_kernel (filter);

  return version != NULL ? version : g_strdup ("none");
}

static GArray *
diff_attributes (ScmpFilter *a,
                 ScmpFilter *b)
{
  GArray *changes = g_array_new (FALSE, FALSE, sizeof (AttributeChange));
  struct {
    const char *name;
    char       *before;
    char       *after;
  } all[] = {
    { "default-action", action_or_none (scmp_filter_get_default_action (a)),
      action_or_none (scmp_filter_get_default_action (b)) },
    { "bad-arch-action", action_or_none (scmp_filter_get_bad_arch_action (a)),
      action_or_none (scmp_filter_get_bad_arch_action (b)) },
    { "unknown-syscall-action", action_or_none (scmp_filter_get_unknown_syscall_action (a)),
      action_or_none (scmp_filter_get_unknown_syscall_action (b)) },
    { "known-kernel", describe_known_kernel (a), describe_known_kernel (b) },
    { "no-new-privs", describe_boolean (scmp_filter_get_no_new_privs (a)),
      describe_boolean (scmp_filter_get_no_new_privs (b)) },
    { "thread-sync", describe_boolean (scmp_filter_get_thread_sync (a)),
      describe_boolean (scmp_filter_get_thread_sync (b)) },
    { "log", describe_boolean (scmp_filter_get_log (a)),
      describe_boolean (scmp_filter_get_log (b)) },
    { "spec-allow", describe_boolean (scmp_filter_get_spec_allow (a)),
      describe_boolean (scmp_filter_get_spec_allow (b)) },
    { "wait-killable", describe_boolean (scmp_filter_get_wait_killable (a)),
      describe_boolean (scmp_filter_get_wait_killable (b)) },
    { "allow-tracer-skip", describe_boolean (scmp_filter_get_allow_tracer_skip (a)),
      describe_boolean (scmp_filter_get_allow_tracer_skip (b)) },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (all); i++)
    {
      if (g_str_equal (all[i].before, all[i].after))
        {
          g_free (all[i].before);
          g_free (all[i].after);
          continue;
        }
      g_array_append_vals (changes, &all[i], 1);
    }
  return changes;
}

static void
clear_attribute_change (gpointer data)
{
  AttributeChange *change = data;

  g_free (change->before);
  g_free (change->after);
}

int
tool_cmd_diff (int    argc,
               char **argv)
{
  g_auto(GStrv) arch_names = NULL;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "arch", 'a', 0, G_OPTION_ARG_STRING_ARRAY, &arch_names,
      "Compare on ABI (repeat for more; default: the ABIs both policies cover)", "ABI" },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json,
      "Print the differences as JSON", NULL },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) arches = NULL;
  g_autoptr(GArray) only_in = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GArray) only_arches = g_array_new (FALSE, FALSE, sizeof (ScmpArchitecture));
  g_autoptr(GArray) attributes = NULL;
  g_autoptr(GPtrArray) differences = g_ptr_array_new_with_free_func (difference_free);
  g_autoptr(ScmpFilter) a = NULL;
  g_autoptr(ScmpFilter) b = NULL;
  ScmpFilter *filters[2];
  gboolean any;

  if (!tool_parse_options ("diff", entries, TRUE, &argc, &argv))
    return TOOL_EXIT_USAGE;
  if (argc != 3)
    return tool_usage_error ("diff", "Expected two policies, POLICY1 and POLICY2");
  arches = tool_parse_arches (arch_names, &error);
  if (arches == NULL)
    return tool_usage_error ("diff", "%s", error->message);

  a = tool_load_policy (argv[1], &error);
  if (a != NULL)
    b = tool_load_policy (argv[2], &error);
  if (b == NULL)
    return tool_policy_error ("diff", error);
  filters[0] = a;
  filters[1] = b;

  attributes = diff_attributes (a, b);
  g_array_set_clear_func (attributes, clear_attribute_change);

  /* By default, the ABIs both cover; one only one covers is a difference
   * in itself (the other answers every call there with its bad-arch
   * action), not several hundred. */
  if (arches->len == 0)
    for (int f = 0; f < 2; f++)
      {
        gsize n;
        g_autofree ScmpArchitecture *list = scmp_filter_list_arches (filters[f], &n);

        for (gsize i = 0; i < n; i++)
          {
            int which = f + 1;

            if (scmp_filter_has_arch (filters[1 - f], list[i]))
              {
                if (f == 0)
                  g_array_append_val (arches, list[i]);
              }
            else
              {
                g_array_append_val (only_arches, list[i]);
                g_array_append_val (only_in, which);
              }
          }
      }

  for (guint i = 0; i < arches->len; i++)
    {
      ScmpArchitecture arch = g_array_index (arches, ScmpArchitecture, i);
      g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (RuleSpan));
      g_autoptr(GArray) numbers = NULL;

      collect_spans (spans, a, arch);
      collect_spans (spans, b, arch);
      numbers = collect_numbers (arch, spans);
      for (guint j = 0; j < numbers->len; j++)
        if (!diff_syscall (a, b, arch, g_array_index (numbers, int, j), spans,
                           differences, &error))
          {
            tool_error ("%s", error->message);
            return TOOL_EXIT_FAILED;
          }
    }

  any = attributes->len > 0 || only_arches->len > 0 || differences->len > 0;

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "policy1");
      json_builder_add_string_value (builder, argv[1]);
      json_builder_set_member_name (builder, "policy2");
      json_builder_add_string_value (builder, argv[2]);
      json_builder_set_member_name (builder, "attributes");
      json_builder_begin_array (builder);
      for (guint i = 0; i < attributes->len; i++)
        {
          const AttributeChange *c = &g_array_index (attributes, AttributeChange, i);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "name");
          json_builder_add_string_value (builder, c->name);
          json_builder_set_member_name (builder, "before");
          json_builder_add_string_value (builder, c->before);
          json_builder_set_member_name (builder, "after");
          json_builder_add_string_value (builder, c->after);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_set_member_name (builder, "architectures");
      json_builder_begin_array (builder);
      for (guint i = 0; i < only_arches->len; i++)
        {
          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "architecture");
          json_builder_add_string_value (builder,
                                         tool_arch_name (g_array_index (only_arches, ScmpArchitecture, i)));
          json_builder_set_member_name (builder, "only_in");
          json_builder_add_int_value (builder, g_array_index (only_in, int, i));
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_set_member_name (builder, "differences");
      json_builder_begin_array (builder);
      for (guint i = 0; i < differences->len; i++)
        {
          const Difference *d = g_ptr_array_index (differences, i);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "architecture");
          json_builder_add_string_value (builder, tool_arch_name (d->arch));
          json_builder_set_member_name (builder, "syscall");
          json_builder_add_string_value (builder, scmp_syscall_resolve_number (d->arch, d->nr));
          json_builder_set_member_name (builder, "number");
          json_builder_add_int_value (builder, d->nr);
          json_builder_set_member_name (builder, "arguments");
          json_builder_begin_array (builder);
          for (guint k = 0; k < 6; k++)
            {
              g_autofree char *hex = g_strdup_printf ("0x%" G_GINT64_MODIFIER "x", d->args.v[k]);

              json_builder_add_string_value (builder, hex);
            }
          json_builder_end_array (builder);
          json_builder_set_member_name (builder, "every_probe");
          json_builder_add_boolean_value (builder, d->everywhere);
          tool_json_add_action (builder, "before", d->before);
          tool_json_add_action (builder, "after", d->after);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      tool_print_json (builder);
      return any ? TOOL_EXIT_FAILED : TOOL_EXIT_OK;
    }

  for (guint i = 0; i < attributes->len; i++)
    {
      const AttributeChange *c = &g_array_index (attributes, AttributeChange, i);

      g_print ("%s: %s → %s\n", c->name, c->before, c->after);
    }
  for (guint i = 0; i < only_arches->len; i++)
    {
      int which = g_array_index (only_in, int, i);
      ScmpFilter *other = filters[2 - which];
      g_autofree char *bad_arch = action_or_none (scmp_filter_get_bad_arch_action (other));

      g_print ("%s: only %s covers it (%s answers every call there with %s)\n",
               tool_arch_name (g_array_index (only_arches, ScmpArchitecture, i)),
               argv[which], argv[3 - which], bad_arch);
    }
  print_differences (differences);
  return any ? TOOL_EXIT_FAILED : TOOL_EXIT_OK;
}
