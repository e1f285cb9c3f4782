/* scmp-tool-lint.c: scmp-tool lint, rules that never fire or mean less
 *
 * SPDX-FileCopyrightText: 2026 The scmp-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "scmp-tool-private.h"

static const char *
kind_nick (GEnumClass      *kinds,
           ScmpFindingKind  kind)
{
  GEnumValue *value = g_enum_get_value (kinds, kind);

  return value != NULL ? value->value_nick : "unknown";
}

/* --ignore KIND: the nicks, checked against the enumeration. */
static gboolean
parse_ignored (GEnumClass  *kinds,
               char       **names,
               GArray      *ignored,
               GError     **error)
{
  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    {
      GEnumValue *value = g_enum_get_value_by_nick (kinds, names[i]);

      if (value == NULL)
        {
          g_autoptr(GString) known = g_string_new (NULL);

          for (guint j = 0; j < kinds->n_values; j++)
            g_string_append_printf (known, "%s%s", j == 0 ? "" : ", ",
                                    kinds->values[j].value_nick);
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       "--ignore: “%s” is not a kind of finding (%s)",
                       names[i], known->str);
          return FALSE;
        }
      g_array_append_val (ignored, value->value);
    }
  return TRUE;
}

static gboolean
is_ignored (GArray      *ignored,
            ScmpFinding *finding)
{
  for (guint i = 0; i < ignored->len; i++)
    if (g_array_index (ignored, int, i) == (int) scmp_finding_get_kind (finding))
      return TRUE;
  return FALSE;
}

static char *
describe_arches (ScmpFinding *finding)
{
  gsize n_arches;
  const ScmpArchitecture *arches = scmp_finding_get_architectures (finding, &n_arches);
  GString *text = g_string_new (NULL);

  for (gsize i = 0; i < n_arches; i++)
    g_string_append_printf (text, "%s%s", i == 0 ? "" : ", ", tool_arch_name (arches[i]));
  return g_string_free (text, FALSE);
}

static void
add_index (JsonBuilder *builder,
           const char  *member,
           int          index)
{
  json_builder_set_member_name (builder, member);
  if (index >= 0)
    json_builder_add_int_value (builder, index);
  else
    json_builder_add_null_value (builder);
}

static void
add_finding (JsonBuilder *builder,
             GEnumClass  *kinds,
             ScmpFilter  *filter,
             ScmpFinding *finding)
{
  int rule_index = scmp_finding_get_rule_index (finding);
  gsize n_arches;
  const ScmpArchitecture *arches = scmp_finding_get_architectures (finding, &n_arches);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "kind");
  json_builder_add_string_value (builder, kind_nick (kinds, scmp_finding_get_kind (finding)));
  add_index (builder, "rule_index", rule_index);
  json_builder_set_member_name (builder, "rule");
  if (rule_index >= 0)
    {
      g_autofree char *rule = scmp_rule_to_string (scmp_filter_get_rule (filter, rule_index));

      json_builder_add_string_value (builder, rule);
    }
  else
    {
      json_builder_add_null_value (builder);
    }
  add_index (builder, "other_rule_index", scmp_finding_get_other_rule_index (finding));
  add_index (builder, "condition_index", scmp_finding_get_condition_index (finding));
  json_builder_set_member_name (builder, "architectures");
  json_builder_begin_array (builder);
  for (gsize i = 0; i < n_arches; i++)
    json_builder_add_string_value (builder, tool_arch_name (arches[i]));
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "message");
  json_builder_add_string_value (builder, scmp_finding_get_message (finding));
  json_builder_end_object (builder);
}

int
tool_cmd_lint (int    argc,
               char **argv)
{
  g_auto(GStrv) ignore_names = NULL;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "ignore", 0, 0, G_OPTION_ARG_STRING_ARRAY, &ignore_names,
      "Do not report findings of KIND, such as syscall-partial (repeat for more)", "KIND" },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json,
      "Print the findings as JSON", NULL },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ignored = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(ScmpFilter) filter = NULL;
  g_autoptr(GListModel) findings = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  GEnumClass *kinds;
  guint n_reported = 0;

  if (!tool_parse_options ("lint", entries, TRUE, &argc, &argv))
    return TOOL_EXIT_USAGE;
  if (argc != 2)
    return tool_usage_error ("lint", "Expected one POLICY");

  kinds = g_type_class_ref (SCMP_TYPE_FINDING_KIND);
  if (!parse_ignored (kinds, ignore_names, ignored, &error))
    {
      g_type_class_unref (kinds);
      return tool_usage_error ("lint", "%s", error->message);
    }

  filter = tool_load_policy (argv[1], &error);
  if (filter != NULL)
    findings = scmp_filter_lint (filter, &error);
  if (findings == NULL)
    {
      g_type_class_unref (kinds);
      return tool_policy_error ("lint", error);
    }

  if (json)
    {
      builder = json_builder_new ();
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "policy");
      json_builder_add_string_value (builder, argv[1]);
      json_builder_set_member_name (builder, "findings");
      json_builder_begin_array (builder);
    }

  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(ScmpFinding) finding = g_list_model_get_item (findings, i);
      g_autofree char *arches = NULL;

      if (is_ignored (ignored, finding))
        continue;
      n_reported++;
      if (json)
        {
          add_finding (builder, kinds, filter, finding);
          continue;
        }

      /* "FILE: shadowed [x86_64]: Rule 3 (…) …", as a compiler's
       * warning; the message names the rule. */
      arches = describe_arches (finding);
      g_print ("%s: %s [%s]: %s\n", argv[1],
               kind_nick (kinds, scmp_finding_get_kind (finding)), arches,
               scmp_finding_get_message (finding));
    }

  if (json)
    {
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      tool_print_json (builder);
    }
  g_type_class_unref (kinds);
  return n_reported > 0 ? TOOL_EXIT_FAILED : TOOL_EXIT_OK;
}
