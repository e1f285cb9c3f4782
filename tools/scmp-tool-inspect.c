/* scmp-tool-inspect.c: compile, disasm, pfc, eval, resolve and arches
 *
 * SPDX-FileCopyrightText: 2026 The scmp-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "scmp-tool-private.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

/* compile and pfc: a policy, its ABIs replaced by --arch. */
static ScmpFilter *
load_with_arches (const char  *command,
                  const char  *path,
                  char       **arch_names,
                  int         *status)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) arches = tool_parse_arches (arch_names, &error);
  g_autoptr(ScmpFilter) filter = NULL;

  if (arches == NULL)
    {
      *status = tool_usage_error (command, "%s", error->message);
      return NULL;
    }

  filter = tool_load_policy (path, &error);
  if (filter == NULL)
    {
      *status = tool_policy_error (command, error);
      return NULL;
    }

  if (arches->len > 0 && !tool_set_arches (filter, arches, &error))
    {
      tool_error ("%s", error->message);
      *status = TOOL_EXIT_FAILED;
      return NULL;
    }
  return g_steal_pointer (&filter);
}

static void
add_arch_list (JsonBuilder *builder,
               ScmpFilter  *filter)
{
  gsize n_arches;
  g_autofree ScmpArchitecture *arches = scmp_filter_list_arches (filter, &n_arches);

  json_builder_set_member_name (builder, "architectures");
  json_builder_begin_array (builder);
  for (gsize i = 0; i < n_arches; i++)
    json_builder_add_string_value (builder, tool_arch_name (arches[i]));
  json_builder_end_array (builder);
}

int
tool_cmd_compile (int    argc,
                  char **argv)
{
  g_auto(GStrv) arch_names = NULL;
  g_autofree char *output = NULL;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "arch", 'a', 0, G_OPTION_ARG_STRING_ARRAY, &arch_names,
      "Compile for ABI (repeat for more; replaces the policy's ABIs)", "ABI" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      "Write the program to FILE (default: standard output)", "FILE" },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json,
      "Report the size and ABIs as JSON on standard output (needs --output)", NULL },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(ScmpFilter) filter = NULL;
  g_autoptr(GBytes) bpf = NULL;
  gboolean to_stdout;
  int status = TOOL_EXIT_OK;

  if (!tool_parse_options ("compile", entries, TRUE, &argc, &argv))
    return TOOL_EXIT_USAGE;
  if (argc != 2)
    return tool_usage_error ("compile", "Expected one POLICY");

  to_stdout = output == NULL || g_str_equal (output, "-");
  if (json && to_stdout)
    return tool_usage_error ("compile", "--json reports on standard output: "
                             "give the program a file with --output");
  /* A program is binary: do not scramble a terminal with it. */
  if (to_stdout && isatty (STDOUT_FILENO))
    return tool_usage_error ("compile", "Not writing a binary program to a terminal: "
                             "use --output FILE or a redirection");

  filter = load_with_arches ("compile", argv[1], arch_names, &status);
  if (filter == NULL)
    return status;

  bpf = scmp_filter_export_bpf (filter, &error);
  if (bpf == NULL ||
      !tool_write_output (output, g_bytes_get_data (bpf, NULL), g_bytes_get_size (bpf), &error))
    {
      tool_error ("%s", error->message);
      return TOOL_EXIT_FAILED;
    }

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "output");
      json_builder_add_string_value (builder, output);
      json_builder_set_member_name (builder, "size");
      json_builder_add_int_value (builder, g_bytes_get_size (bpf));
      json_builder_set_member_name (builder, "instructions");
      json_builder_add_int_value (builder, g_bytes_get_size (bpf) / 8);
      add_arch_list (builder, filter);
      json_builder_end_object (builder);
      tool_print_json (builder);
    }
  else if (!to_stdout)
    {
      /* Say what was written, where it cannot mix with the program. */
      fprintf (stderr, "scmp-tool: wrote %s: %" G_GSIZE_FORMAT " instructions (%"
               G_GSIZE_FORMAT " bytes)\n",
               output, g_bytes_get_size (bpf) / 8, g_bytes_get_size (bpf));
    }
  return TOOL_EXIT_OK;
}

int
tool_cmd_pfc (int    argc,
              char **argv)
{
  g_auto(GStrv) arch_names = NULL;
  g_autofree char *output = NULL;
  const GOptionEntry entries[] = {
    { "arch", 'a', 0, G_OPTION_ARG_STRING_ARRAY, &arch_names,
      "Show the filter for ABI (repeat for more; replaces the policy's ABIs)", "ABI" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      "Write to FILE (default: standard output)", "FILE" },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(ScmpFilter) filter = NULL;
  g_autofree char *pfc = NULL;
  int status = TOOL_EXIT_OK;

  if (!tool_parse_options ("pfc", entries, TRUE, &argc, &argv))
    return TOOL_EXIT_USAGE;
  if (argc != 2)
    return tool_usage_error ("pfc", "Expected one POLICY");

  filter = load_with_arches ("pfc", argv[1], arch_names, &status);
  if (filter == NULL)
    return status;

  pfc = scmp_filter_export_pfc (filter, &error);
  if (pfc == NULL || !tool_write_output (output, pfc, strlen (pfc), &error))
    {
      tool_error ("%s", error->message);
      return TOOL_EXIT_FAILED;
    }
  return TOOL_EXIT_OK;
}

/* FILE, or standard input for "-": a program is often piped from
 * compile. */
static GBytes *
read_program (const char  *path,
              GError     **error)
{
  char *contents;
  gsize length;

  if (!tool_read_file (path, &contents, &length, error))
    return NULL;
  return g_bytes_new_take (contents, length);
}

/* Whether @p, read in @big_endian order, is a seccomp program's usual
 * first instruction: a word load of seccomp_data.arch or .nr. */
static gboolean
looks_like_first_insn (const guint8 *p,
                       gboolean      big_endian)
{
  guint16 code = big_endian ? (p[0] << 8) | p[1] : (p[1] << 8) | p[0];
  guint32 k = big_endian
              ? ((guint32) p[4] << 24) | ((guint32) p[5] << 16) | ((guint32) p[6] << 8) | p[7]
              : ((guint32) p[7] << 24) | ((guint32) p[6] << 16) | ((guint32) p[5] << 8) | p[4];

  return code == 0x20 && (k == 0 || k == 4);   /* BPF_LD | BPF_W | BPF_ABS */
}

/* A program written for the other byte order lists as nonsense: say so,
 * and which --arch would read it. */
static void
warn_byte_order (const char       *path,
                 GBytes           *program,
                 ScmpArchitecture  arch)
{
  gsize size;
  const guint8 *p = g_bytes_get_data (program, &size);
  gboolean big = scmp_architecture_is_big_endian (arch);

  if (size < 8 || looks_like_first_insn (p, big) || !looks_like_first_insn (p, !big))
    return;
  tool_warning ("%s looks like a %s-endian program, and %s is %s-endian: give --arch "
                "with the program's ABI (such as %s)", path, big ? "little" : "big",
                scmp_architecture_to_name (arch), big ? "big" : "little",
                big ? "x86_64" : "s390x");
}

int
tool_cmd_disasm (int    argc,
                 char **argv)
{
  g_auto(GStrv) arch_names = NULL;
  g_autofree char *output = NULL;
  const GOptionEntry entries[] = {
    { "arch", 'a', 0, G_OPTION_ARG_STRING_ARRAY, &arch_names,
      "The ABI the program is for: its byte order and syscall names (default: the native one)", "ABI" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      "Write to FILE (default: standard output)", "FILE" },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) arches = NULL;
  g_autoptr(GBytes) program = NULL;
  g_autofree char *listing = NULL;
  ScmpArchitecture arch = scmp_architecture_get_native ();

  if (!tool_parse_options ("disasm", entries, FALSE, &argc, &argv))
    return TOOL_EXIT_USAGE;
  if (argc != 2)
    return tool_usage_error ("disasm", "Expected one FILE (“-” for standard input)");
  arches = tool_parse_arches (arch_names, &error);
  if (arches == NULL)
    return tool_usage_error ("disasm", "%s", error->message);
  if (arches->len > 1)
    return tool_usage_error ("disasm", "Give --arch once: a program is read for one ABI");
  if (arches->len == 1)
    arch = g_array_index (arches, ScmpArchitecture, 0);

  program = read_program (argv[1], &error);
  if (program != NULL)
    {
      warn_byte_order (argv[1], program, arch);
      listing = scmp_bpf_disassemble (program, arch, &error);
    }
  if (listing == NULL)
    {
      /* The library's messages do not know the file's name. */
      if (program != NULL)
        tool_error ("%s: %s", argv[1], error->message);
      else
        tool_error ("%s", error->message);
      return TOOL_EXIT_FAILED;
    }
  if (!tool_write_output (output, listing, strlen (listing), &error))
    {
      tool_error ("%s", error->message);
      return TOOL_EXIT_FAILED;
    }
  return TOOL_EXIT_OK;
}

/* "ptrace (101)", or "syscall 1000" for a number the tables do not name. */
static char *
describe_call (const char *name,
               int         nr)
{
  if (name == NULL)
    return g_strdup_printf ("syscall %d", nr);
  return g_strdup_printf ("%s (%d)", name, nr);
}

static void
add_arguments (JsonBuilder   *builder,
               const guint64 *args,
               gsize          n_args)
{
  json_builder_set_member_name (builder, "arguments");
  json_builder_begin_array (builder);
  for (gsize i = 0; i < n_args; i++)
    {
      /* As hex strings: JSON numbers do not hold 64 bits everywhere. */
      g_autofree char *text = g_strdup_printf ("0x%" G_GINT64_MODIFIER "x", args[i]);

      json_builder_add_string_value (builder, text);
    }
  json_builder_end_array (builder);
}

static void
add_verdict (JsonBuilder *builder,
             ScmpVerdict *verdict)
{
  GEnumClass *klass = g_type_class_ref (SCMP_TYPE_VERDICT_SOURCE);
  GEnumValue *source = g_enum_get_value (klass, scmp_verdict_get_source (verdict));
  ScmpRule *rule = scmp_verdict_get_rule (verdict);
  g_autofree char *text = scmp_verdict_to_string (verdict);

  json_builder_set_member_name (builder, "explanation");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "source");
  json_builder_add_string_value (builder, source != NULL ? source->value_nick : NULL);
  json_builder_set_member_name (builder, "rule_index");
  if (scmp_verdict_get_rule_index (verdict) >= 0)
    json_builder_add_int_value (builder, scmp_verdict_get_rule_index (verdict));
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "rule");
  if (rule != NULL)
    {
      g_autofree char *rule_text = scmp_rule_to_string (rule);

      json_builder_add_string_value (builder, rule_text);
    }
  else
    {
      json_builder_add_null_value (builder);
    }
  json_builder_set_member_name (builder, "unchecked");
  json_builder_add_boolean_value (builder, scmp_verdict_get_unchecked (verdict));
  json_builder_set_member_name (builder, "text");
  json_builder_add_string_value (builder, text);
  json_builder_end_object (builder);
  g_type_class_unref (klass);
}

int
tool_cmd_eval (int    argc,
               char **argv)
{
  g_auto(GStrv) arch_names = NULL;
  g_autofree char *expect = NULL;
  gboolean json = FALSE;
  gboolean explain = FALSE;
  const GOptionEntry entries[] = {
    { "arch", 'a', 0, G_OPTION_ARG_STRING_ARRAY, &arch_names,
      "The ABI the call is made on (default: the native one)", "ABI" },
    { "explain", 'e', 0, G_OPTION_ARG_NONE, &explain,
      "Also tell what decided: the rule, or the default, bad-arch or unknown-syscall action", NULL },
    { "expect", 0, 0, G_OPTION_ARG_STRING, &expect,
      "Exit with status 1 unless the action is ACTION (such as allow or errno(EPERM))", "ACTION" },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json,
      "Print the result as JSON", NULL },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) arches = NULL;
  g_autoptr(ScmpFilter) filter = NULL;
  g_autoptr(ScmpAction) action = NULL;
  g_autoptr(ScmpAction) expected = NULL;
  g_autoptr(ScmpVerdict) verdict = NULL;
  g_autofree char *action_text = NULL;
  g_autofree char *call = NULL;
  ScmpArchitecture arch = scmp_architecture_get_native ();
  guint64 args[6] = { 0 };
  gsize n_args;
  const char *name;
  int nr;
  gboolean as_expected = TRUE;

  if (!tool_parse_options ("eval", entries, TRUE, &argc, &argv))
    return TOOL_EXIT_USAGE;
  if (argc < 3)
    return tool_usage_error ("eval", "Expected a POLICY and a SYSCALL");
  n_args = argc - 3;
  if (n_args > G_N_ELEMENTS (args))
    return tool_usage_error ("eval", "A system call has at most 6 arguments, not %" G_GSIZE_FORMAT,
                             n_args);

  arches = tool_parse_arches (arch_names, &error);
  if (arches == NULL)
    return tool_usage_error ("eval", "%s", error->message);
  if (arches->len > 1)
    return tool_usage_error ("eval", "Give --arch once: a call is made on one ABI");
  if (arches->len == 1)
    arch = g_array_index (arches, ScmpArchitecture, 0);

  if (!tool_parse_syscall (arch, argv[2], &nr, &name, &error))
    return tool_usage_error ("eval", "%s", error->message);
  for (gsize i = 0; i < n_args; i++)
    if (!tool_parse_u64 (argv[3 + i], &args[i]))
      return tool_usage_error ("eval", "Argument %" G_GSIZE_FORMAT " (“%s”) is not a number",
                               i, argv[3 + i]);
  if (expect != NULL)
    {
      expected = scmp_action_new_from_string (expect, &error);
      if (expected == NULL)
        return tool_usage_error ("eval", "--expect: %s", error->message);
    }

  filter = tool_load_policy (argv[1], &error);
  if (filter == NULL)
    return tool_policy_error ("eval", error);

  if (explain)
    {
      /* The verdict's action is the compiled program's, as evaluate's. */
      verdict = scmp_filter_explain (filter, arch, nr, args, G_N_ELEMENTS (args), &error);
      if (verdict != NULL)
        action = g_object_ref (scmp_verdict_get_action (verdict));
    }
  else
    {
      action = scmp_filter_evaluate (filter, arch, nr, args, G_N_ELEMENTS (args), &error);
    }
  if (action == NULL)
    {
      tool_error ("%s", error->message);
      return TOOL_EXIT_FAILED;
    }
  action_text = scmp_action_to_string (action);
  call = describe_call (name, nr);
  if (expected != NULL)
    as_expected = scmp_action_get_kernel_value (action) == scmp_action_get_kernel_value (expected);

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "architecture");
      json_builder_add_string_value (builder, tool_arch_name (arch));
      json_builder_set_member_name (builder, "syscall");
      json_builder_add_string_value (builder, name);
      json_builder_set_member_name (builder, "number");
      json_builder_add_int_value (builder, nr);
      add_arguments (builder, args, G_N_ELEMENTS (args));
      tool_json_add_action (builder, "result", action);
      if (expected != NULL)
        {
          json_builder_set_member_name (builder, "as_expected");
          json_builder_add_boolean_value (builder, as_expected);
        }
      if (verdict != NULL)
        add_verdict (builder, verdict);
      json_builder_end_object (builder);
      tool_print_json (builder);
    }
  else
    {
      g_print ("%s\n", action_text);
      if (verdict != NULL)
        {
          g_autofree char *why = scmp_verdict_to_string (verdict);

          g_print ("%s\n", why);
        }
    }

  if (!as_expected)
    {
      g_autofree char *expected_text = scmp_action_to_string (expected);

      tool_error ("%s on %s: %s, not %s as expected",
                  call, tool_arch_name (arch), action_text, expected_text);
      return TOOL_EXIT_FAILED;
    }
  return TOOL_EXIT_OK;
}

typedef struct {
  ScmpArchitecture arch;
  const char      *query;
  const char      *name;       /* NULL if not found */
  int              nr;         /* -1 if none */
  ScmpMultiplexer  mux;
  int              mux_nr;
  guint            sub_call;
} Resolved;

static gboolean
resolve_one (ScmpArchitecture  arch,
             const char       *query,
             Resolved         *r)
{
  guint64 value;

  *r = (Resolved) { .arch = arch, .query = query, .nr = -1, .mux_nr = -1 };

  if (g_ascii_isdigit (*query) || *query == '-')
    {
      if (!tool_parse_u64 (query, &value) || (gint64) value < G_MININT32 ||
          ((gint64) value > G_MAXINT32 && value > G_MAXUINT32))
        return FALSE;
      r->nr = (int) value;
      r->name = scmp_syscall_resolve_number (arch, r->nr);
      return r->name != NULL;
    }

  r->name = query;
  r->nr = scmp_syscall_resolve_name (arch, query);
  if (r->nr >= 0)
    return TRUE;
  r->mux = scmp_syscall_get_multiplexer (arch, query, &r->mux_nr, &r->sub_call);
  if (r->mux != SCMP_MULTIPLEXER_NONE)
    return TRUE;
  r->name = NULL;
  return FALSE;
}

int
tool_cmd_resolve (int    argc,
                  char **argv)
{
  g_auto(GStrv) arch_names = NULL;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "arch", 'a', 0, G_OPTION_ARG_STRING_ARRAY, &arch_names,
      "Look up on ABI (repeat for more; default: the native one)", "ABI" },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json,
      "Print the results as JSON", NULL },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) arches = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  int status = TOOL_EXIT_OK;

  if (!tool_parse_options ("resolve", entries, FALSE, &argc, &argv))
    return TOOL_EXIT_USAGE;
  if (argc < 2)
    return tool_usage_error ("resolve", "Expected a syscall NAME or NUMBER");

  arches = tool_parse_arches (arch_names, &error);
  if (arches == NULL)
    return tool_usage_error ("resolve", "%s", error->message);
  if (arches->len == 0)
    {
      ScmpArchitecture native = scmp_architecture_get_native ();

      g_array_append_val (arches, native);
    }

  if (json)
    {
      builder = json_builder_new ();
      json_builder_begin_array (builder);
    }

  for (guint a = 0; a < arches->len; a++)
    for (int i = 1; i < argc; i++)
      {
        ScmpArchitecture arch = g_array_index (arches, ScmpArchitecture, a);
        g_autofree char *prefix = NULL;
        Resolved r;
        gboolean found = resolve_one (arch, argv[i], &r);

        if (!found)
          {
            status = TOOL_EXIT_FAILED;
            if (g_ascii_isdigit (*argv[i]) || *argv[i] == '-')
              tool_error ("%s has no syscall number %s", tool_arch_name (arch), argv[i]);
            else
              tool_error ("%s has no syscall “%s”", tool_arch_name (arch), argv[i]);
          }

        if (json)
          {
            json_builder_begin_object (builder);
            json_builder_set_member_name (builder, "architecture");
            json_builder_add_string_value (builder, tool_arch_name (arch));
            json_builder_set_member_name (builder, "query");
            json_builder_add_string_value (builder, r.query);
            json_builder_set_member_name (builder, "name");
            json_builder_add_string_value (builder, r.name);
            json_builder_set_member_name (builder, "number");
            if (found && r.nr >= 0)
              json_builder_add_int_value (builder, r.nr);
            else
              json_builder_add_null_value (builder);
            json_builder_set_member_name (builder, "multiplexer");
            if (r.mux != SCMP_MULTIPLEXER_NONE)
              {
                json_builder_begin_object (builder);
                json_builder_set_member_name (builder, "name");
                json_builder_add_string_value (builder, scmp_syscall_resolve_number (arch, r.mux_nr));
                json_builder_set_member_name (builder, "number");
                json_builder_add_int_value (builder, r.mux_nr);
                json_builder_set_member_name (builder, "sub_call");
                json_builder_add_int_value (builder, r.sub_call);
                json_builder_end_object (builder);
              }
            else
              {
                json_builder_add_null_value (builder);
              }
            json_builder_end_object (builder);
            continue;
          }

        if (!found)
          continue;
        /* Name the ABI only when there is more than one to tell apart. */
        prefix = arches->len > 1 ? g_strdup_printf ("%s ", tool_arch_name (arch)) : g_strdup ("");
        if (r.mux != SCMP_MULTIPLEXER_NONE)
          g_print ("%s%s %s(%d) call %u\n", prefix, r.name,
                   scmp_syscall_resolve_number (arch, r.mux_nr), r.mux_nr, r.sub_call);
        else
          g_print ("%s%s %d\n", prefix, r.name, r.nr);
      }

  if (json)
    {
      json_builder_end_array (builder);
      tool_print_json (builder);
    }
  return status;
}

int
tool_cmd_arches (int    argc,
                 char **argv)
{
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json,
      "Print the list as JSON", NULL },
    { NULL }
  };
  g_autoptr(JsonBuilder) builder = NULL;
  g_autofree ScmpArchitecture *arches = NULL;
  ScmpArchitecture native = scmp_architecture_get_native ();
  gsize n_arches;

  if (!tool_parse_options ("arches", entries, FALSE, &argc, &argv))
    return TOOL_EXIT_USAGE;
  if (argc != 1)
    return tool_usage_error ("arches", "Unexpected argument “%s”", argv[1]);

  arches = scmp_architecture_list_all (&n_arches);
  if (json)
    {
      builder = json_builder_new ();
      json_builder_begin_array (builder);
    }
  else
    {
      g_print ("%-12s %4s %-7s %-10s %s\n", "ABI", "BITS", "ENDIAN", "AUDIT_ARCH", "SYSCALLS");
    }

  for (gsize i = 0; i < n_arches; i++)
    {
      g_auto(GStrv) names = scmp_syscall_list_names (arches[i]);
      guint n_syscalls = g_strv_length (names);
      const char *endian = scmp_architecture_is_big_endian (arches[i]) ? "big" : "little";
      guint32 audit_arch = scmp_architecture_get_audit_arch (arches[i]);

      if (!json)
        {
          g_print ("%-12s %4u %-7s 0x%08x %8u%s\n", tool_arch_name (arches[i]),
                   scmp_architecture_get_word_size (arches[i]), endian, audit_arch,
                   n_syscalls, arches[i] == native ? "  (native)" : "");
          continue;
        }

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, tool_arch_name (arches[i]));
      json_builder_set_member_name (builder, "word_size");
      json_builder_add_int_value (builder, scmp_architecture_get_word_size (arches[i]));
      json_builder_set_member_name (builder, "endian");
      json_builder_add_string_value (builder, endian);
      json_builder_set_member_name (builder, "audit_arch");
      json_builder_add_int_value (builder, audit_arch);
      json_builder_set_member_name (builder, "syscalls");
      json_builder_add_int_value (builder, n_syscalls);
      json_builder_set_member_name (builder, "native");
      json_builder_add_boolean_value (builder, arches[i] == native);
      json_builder_end_object (builder);
    }

  if (json)
    {
      json_builder_end_array (builder);
      tool_print_json (builder);
    }
  return TOOL_EXIT_OK;
}
