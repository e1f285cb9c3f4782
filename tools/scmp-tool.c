/* scmp-tool.c: the command-line front end of scmp-glib
 *
 * SPDX-FileCopyrightText: 2026 The scmp-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * One subcommand per function (scmp-tool-*.c); this file dispatches and
 * holds what they share: option parsing, policy loading, messages and
 * JSON output.
 */

#include "scmp-tool-private.h"

#include <errno.h>
#include <fcntl.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const ToolCommand commands[] = {
  { "compile", "POLICY",
    "Compile a policy to a BPF program", tool_cmd_compile },
  { "disasm", "FILE",
    "List a compiled BPF program, one instruction a line", tool_cmd_disasm },
  { "pfc", "POLICY",
    "Show what a policy decides, as pseudo filter code", tool_cmd_pfc },
  { "eval", "POLICY SYSCALL [ARG…]",
    "Tell what a policy does with one system call", tool_cmd_eval },
  { "lint", "POLICY",
    "Find rules that never fire, do nothing, or mean less than written", tool_cmd_lint },
  { "resolve", "NAME|NUMBER…",
    "Translate syscall names to numbers and back", tool_cmd_resolve },
  { "arches", "",
    "List the ABIs scmp-glib has tables for", tool_cmd_arches },
  { "run", "POLICY -- COMMAND [ARG…]",
    "Run a command under a policy", tool_cmd_run,
    "Exit status: the command's, or 128+N when signal N killed it; 125 when the\n"
    "filter could not be loaded, 126 when the command could not be executed,\n"
    "127 when it was not found; 1 when the policy is refused, 2 on bad usage.\n"
    "See scmp-tool(1)." },
  { "diff", "POLICY1 POLICY2",
    "Show every call two policies decide differently", tool_cmd_diff },
};

/* Options every subcommand that reads a policy has. */
static char *opt_capabilities;
static char *opt_kernel;
static char *opt_host;

static const GOptionEntry policy_entries[] = {
  { "capabilities", 0, 0, G_OPTION_ARG_STRING, &opt_capabilities,
    "OCI profiles: the capabilities the container has (comma-separated)", "CAP,…" },
  { "kernel", 0, 0, G_OPTION_ARG_STRING, &opt_kernel,
    "OCI profiles: the kernel release the container runs on", "X.Y" },
  { "host", 0, 0, G_OPTION_ARG_STRING, &opt_host,
    "OCI profiles: the host's ABI, which picks the profile's ABIs (default: this machine's)", "ABI" },
  { NULL }
};

/* @text with its control characters written out: the C0 ones (but
 * the newline and the tab, which parse errors quote in their excerpt)
 * and DEL as \xHH, the C1 ones (U+0080 to U+009F, which some terminals
 * obey like ESC sequences) as \uHHHH. Messages quote names from the
 * command line and from policies, which must not drive the terminal. */
static char *
escape_controls (const char *text)
{
  GString *escaped = g_string_sized_new (strlen (text));

  for (const guchar *p = (const guchar *) text; *p != '\0'; p++)
    {
      if ((*p < 0x20 && *p != '\n' && *p != '\t') || *p == 0x7f)
        g_string_append_printf (escaped, "\\x%02x", *p);
      else if (p[0] == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f)
        g_string_append_printf (escaped, "\\u%04x", *++p);
      else
        g_string_append_c (escaped, (char) *p);
    }
  return g_string_free (escaped, FALSE);
}

static void
print_message (const char *prefix,
               const char *format,
               va_list     args)
{
  g_autofree char *message = g_strdup_vprintf (format, args);
  g_autofree char *escaped = escape_controls (message);

  fflush (stdout);
  fprintf (stderr, "scmp-tool: %s%s\n", prefix, escaped);
}

void
tool_error (const char *format,
            ...)
{
  va_list args;

  va_start (args, format);
  print_message ("", format, args);
  va_end (args);
}

void
tool_warning (const char *format,
              ...)
{
  va_list args;

  va_start (args, format);
  print_message ("warning: ", format, args);
  va_end (args);
}

int
tool_usage_error (const char *command,
                  const char *format,
                  ...)
{
  va_list args;

  va_start (args, format);
  print_message ("", format, args);
  va_end (args);
  if (command != NULL)
    fprintf (stderr, "Try “scmp-tool %s --help”.\n", command);
  else
    fprintf (stderr, "Try “scmp-tool --help”.\n");
  return TOOL_EXIT_USAGE;
}

static const ToolCommand *
find_command (const char *name)
{
  for (gsize i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (commands[i].name, name))
      return &commands[i];
  return NULL;
}

gboolean
tool_parse_options (const char          *command,
                    const GOptionEntry  *entries,
                    gboolean             with_policy_options,
                    int                 *argc,
                    char              ***argv)
{
  const ToolCommand *cmd = find_command (command);
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *prgname = g_strdup_printf ("scmp-tool %s", command);

  g_assert (cmd != NULL);

  /* GOption's usage line is "Usage: PRGNAME [OPTION…] PARAMETERS". */
  g_set_prgname (prgname);
  context = g_option_context_new (cmd->parameters);
  g_option_context_set_summary (context, cmd->summary);
  g_option_context_set_description (context, cmd->exit_status != NULL ? cmd->exit_status :
                                    "Exit status: 0 on success, 1 when a check fails or the input "
                                    "is refused, 2 on bad usage.\nSee scmp-tool(1).");
  /* One list, so that --help shows the policy options too. */
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, NULL);
  if (with_policy_options)
    g_option_context_add_main_entries (context, policy_entries, NULL);

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      tool_usage_error (command, "%s", error->message);
      return FALSE;
    }

  /* GOption stops at "--" but leaves it in: the arguments after it are
   * plain arguments (a negative number, say). */
  for (int i = 1; i < *argc; i++)
    if (g_str_equal ((*argv)[i], "--"))
      {
        memmove (&(*argv)[i], &(*argv)[i + 1], (*argc - i) * sizeof (char *));
        (*argc)--;
        break;
      }
  return TRUE;
}

/* An OCI profile is a JSON object; a GVariant text policy is a tuple. */
static gboolean
looks_like_json (const char *text)
{
  while (g_ascii_isspace (*text))
    text++;
  return *text == '{';
}

static ScmpFilter *
load_oci_profile (const char  *path,
                  const char  *text,
                  gsize        length,
                  GError     **error)
{
  g_autoptr(ScmpOciProfile) profile = scmp_oci_profile_new ();
  const char * const *warnings;

  if (opt_capabilities != NULL)
    {
      g_auto(GStrv) caps = g_strsplit (opt_capabilities, ",", -1);

      for (guint i = 0; caps[i] != NULL; i++)
        g_strstrip (caps[i]);
      scmp_oci_profile_set_capabilities (profile, (const char * const *) caps);
    }
  if (opt_kernel != NULL)
    {
      g_autoptr(GError) local_error = NULL;

      if (!scmp_oci_profile_set_kernel_version (profile, opt_kernel, &local_error))
        {
          /* The command line is wrong, not the policy. */
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       "--kernel: %s", local_error->message);
          return NULL;
        }
    }

  if (opt_host != NULL)
    {
      g_autoptr(GError) local_error = NULL;
      ScmpArchitecture host;

      if (!scmp_architecture_parse (opt_host, &host, &local_error) ||
          !scmp_oci_profile_set_architecture (profile, host, &local_error))
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       "--host: %s", local_error->message);
          return NULL;
        }
    }

  if (!scmp_oci_profile_load_from_data (profile, text, length, error))
    {
      g_prefix_error (error, "%s: ", path);
      return NULL;
    }

  warnings = scmp_oci_profile_get_warnings (profile);
  for (guint i = 0; warnings != NULL && warnings[i] != NULL; i++)
    tool_warning ("%s: %s", path, warnings[i]);

  return g_object_ref (scmp_oci_profile_get_filter (profile));
}

gboolean
tool_read_file (const char  *path,
                char       **contents,
                gsize       *length,
                GError     **error)
{
  g_autofree char *display = g_filename_display_name (path);
  g_autofree char *data = NULL;
  gboolean is_stdin = g_str_equal (path, "-");
  gsize size = 0;
  int fd;

  fd = is_stdin ? STDIN_FILENO : open (path, O_RDONLY | O_CLOEXEC | O_NOCTTY);
  if (fd < 0)
    {
      int saved = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   "Failed to open file “%s”: %s", display, g_strerror (saved));
      return FALSE;
    }

  /* One byte over the limit tells a file at the limit from a larger one. */
  data = g_malloc (TOOL_MAX_FILE_SIZE + 2);
  while (size <= TOOL_MAX_FILE_SIZE)
    {
      gssize n = read (fd, data + size, TOOL_MAX_FILE_SIZE + 1 - size);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved = errno;

          if (!is_stdin)
            close (fd);
          g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                       "Failed to read file “%s”: %s", display, g_strerror (saved));
          return FALSE;
        }
      if (n == 0)
        break;
      size += n;
    }
  if (!is_stdin)
    close (fd);
  if (size > TOOL_MAX_FILE_SIZE)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED,
                   "%s: the file is larger than %u MiB; policies and programs that "
                   "large are refused", display, TOOL_MAX_FILE_SIZE / (1024 * 1024));
      return FALSE;
    }
  data[size] = '\0';
  *contents = g_realloc (g_steal_pointer (&data), size + 1);
  *length = size;
  return TRUE;
}

ScmpFilter *
tool_load_policy (const char  *path,
                  GError     **error)
{
  g_autofree char *text = NULL;
  gsize length;
  ScmpFilter *filter;

  if (!tool_read_file (path, &text, &length, error))
    return NULL;

  if (looks_like_json (text))
    return load_oci_profile (path, text, length, error);

  if (opt_capabilities != NULL || opt_kernel != NULL || opt_host != NULL)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   "%s: --capabilities, --kernel and --host apply to OCI profiles only, "
                   "and this is a GVariant text policy", path);
      return NULL;
    }

  /* Parse errors start with "LINE:COLUMN: ", so this reads as a compiler
   * message; the others get a space. */
  filter = scmp_filter_new_from_variant_text (text, length, error);
  if (filter == NULL)
    g_prefix_error (error, g_ascii_isdigit ((*error)->message[0]) ? "%s:" : "%s: ", path);
  return filter;
}

int
tool_policy_error (const char *command,
                   GError     *error)
{
  if (g_error_matches (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE))
    return tool_usage_error (command, "%s", error->message);
  tool_error ("%s", error->message);
  return TOOL_EXIT_FAILED;
}

GArray *
tool_parse_arches (char * const  *names,
                   GError       **error)
{
  g_autoptr(GArray) arches = g_array_new (FALSE, FALSE, sizeof (ScmpArchitecture));

  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    {
      ScmpArchitecture arch;

      if (!scmp_architecture_parse (names[i], &arch, error))
        return NULL;
      if (arch == SCMP_ARCHITECTURE_NATIVE)
        arch = scmp_architecture_get_native ();
      g_array_append_val (arches, arch);
    }
  return g_steal_pointer (&arches);
}

gboolean
tool_set_arches (ScmpFilter  *filter,
                 GArray      *arches,
                 GError     **error)
{
  g_autofree ScmpArchitecture *old = NULL;
  gsize n_old;

  /* Remove first, so that the new ABIs need only agree with each other
   * (on byte order, say), not with the policy's. */
  old = scmp_filter_list_arches (filter, &n_old);
  for (gsize i = 0; i < n_old; i++)
    if (!scmp_filter_remove_arch (filter, old[i], error))
      return FALSE;

  for (guint i = 0; i < arches->len; i++)
    if (!scmp_filter_add_arch (filter, g_array_index (arches, ScmpArchitecture, i), error))
      return FALSE;
  return TRUE;
}

const char *
tool_arch_name (ScmpArchitecture arch)
{
  const char *name = scmp_architecture_to_name (arch);

  return name != NULL ? name : "(unknown)";
}

gboolean
tool_parse_u64 (const char *text,
                guint64    *out)
{
  char *end = NULL;

  if (text == NULL || *text == '\0' || g_ascii_isspace (*text))
    return FALSE;

  errno = 0;
  if (*text == '-')
    {
      gint64 value = g_ascii_strtoll (text, &end, 0);

      if (errno != 0 || *end != '\0' || end == text)
        return FALSE;
      *out = (guint64) value;
      return TRUE;
    }

  *out = g_ascii_strtoull (text, &end, 0);
  return errno == 0 && *end == '\0' && end != text && *text != '+';
}

gboolean
tool_parse_syscall (ScmpArchitecture   arch,
                    const char        *text,
                    int               *nr,
                    const char       **name,
                    GError           **error)
{
  guint64 value;

  if (g_ascii_isdigit (*text))
    {
      if (!tool_parse_u64 (text, &value) || value > G_MAXINT32)
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       "“%s” is not a syscall number", text);
          return FALSE;
        }
      *nr = (int) value;
      *name = scmp_syscall_resolve_number (arch, *nr);
      return TRUE;
    }

  *nr = scmp_syscall_resolve_name (arch, text);
  if (*nr < 0)
    {
      int mux_nr = -1;
      guint sub_call = 0;

      if (scmp_syscall_get_multiplexer (arch, text, &mux_nr, &sub_call) != SCMP_MULTIPLEXER_NONE)
        g_set_error (error, SCMP_ERROR, SCMP_ERROR_INVALID_SYSCALL,
                     "%s has no direct syscall “%s”: it is reached through %s (%d) with "
                     "arg0 = %u",
                     tool_arch_name (arch), text,
                     scmp_syscall_resolve_number (arch, mux_nr), mux_nr, sub_call);
      else
        g_set_error (error, SCMP_ERROR, SCMP_ERROR_INVALID_SYSCALL,
                     "%s has no syscall “%s”", tool_arch_name (arch), text);
      return FALSE;
    }
  *name = scmp_syscall_resolve_number (arch, *nr);
  return TRUE;
}

void
tool_json_add_action (JsonBuilder *builder,
                      const char  *member,
                      ScmpAction  *action)
{
  g_autofree char *text = scmp_action_to_string (action);
  ScmpActionKind kind = scmp_action_get_kind (action);
  GEnumClass *klass = g_type_class_ref (SCMP_TYPE_ACTION_KIND);
  GEnumValue *value = g_enum_get_value (klass, kind);

  json_builder_set_member_name (builder, member);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "action");
  json_builder_add_string_value (builder, text);
  json_builder_set_member_name (builder, "kind");
  json_builder_add_string_value (builder, value != NULL ? value->value_nick : NULL);
  json_builder_set_member_name (builder, "value");
  switch (kind)
    {
    case SCMP_ACTION_KIND_ERRNO:
      json_builder_add_int_value (builder, scmp_action_get_errno_value (action));
      break;
    case SCMP_ACTION_KIND_TRAP:
      json_builder_add_int_value (builder, scmp_action_get_trap_value (action));
      break;
    case SCMP_ACTION_KIND_TRACE:
      json_builder_add_int_value (builder, scmp_action_get_trace_value (action));
      break;
    default:
      json_builder_add_null_value (builder);
      break;
    }
  json_builder_set_member_name (builder, "kernel_value");
  json_builder_add_int_value (builder, scmp_action_get_kernel_value (action));
  json_builder_end_object (builder);
  g_type_class_unref (klass);
}

void
tool_print_json (JsonBuilder *builder)
{
  g_autoptr(JsonNode) root = json_builder_get_root (builder);
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, NULL);
  g_print ("%s\n", text);
}

gboolean
tool_write_output (const char  *path,
                   const void  *data,
                   gsize        size,
                   GError     **error)
{
  if (path != NULL && !g_str_equal (path, "-"))
    return g_file_set_contents (path, data, size, error);

  if (fwrite (data, 1, size, stdout) != size || fflush (stdout) != 0)
    {
      int errsv = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
                   "Could not write to standard output: %s", g_strerror (errsv));
      return FALSE;
    }
  return TRUE;
}

static void
print_overview (FILE *out)
{
  fprintf (out,
           "Usage:\n"
           "  scmp-tool COMMAND [OPTION…] [ARGUMENT…]\n"
           "\n"
           "Build, inspect and run seccomp-BPF filters with scmp-glib.\n"
           "\n"
           "Commands:\n");
  for (gsize i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (out, "  %-10s %s\n", commands[i].name, commands[i].summary);
  fprintf (out,
           "\n"
           "A POLICY is an OCI or Docker seccomp profile (JSON) or a GVariant\n"
           "text policy, told apart by the first character other than a space.\n"
           "\n"
           "“scmp-tool COMMAND --help” shows the options of a command; see also\n"
           "scmp-tool(1).\n");
}

int
main (int    argc,
      char **argv)
{
  const ToolCommand *cmd;
  int status;

  setlocale (LC_ALL, "");

  if (argc < 2)
    return tool_usage_error (NULL, "Expected a COMMAND");

  if (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h") ||
      g_str_equal (argv[1], "help"))
    {
      if (argc > 2 && g_str_equal (argv[1], "help"))
        {
          char *help_argv[] = { argv[2], (char *) "--help", NULL };

          cmd = find_command (argv[2]);
          if (cmd == NULL)
            return tool_usage_error (NULL, "Unknown command “%s”", argv[2]);
          return cmd->run (2, help_argv);
        }
      print_overview (stdout);
      return TOOL_EXIT_OK;
    }

  if (g_str_equal (argv[1], "--version"))
    {
      g_print ("scmp-tool (scmp-glib) %d.%d.%d\n",
               SCMP_MAJOR_VERSION, SCMP_MINOR_VERSION, SCMP_MICRO_VERSION);
      return TOOL_EXIT_OK;
    }

  cmd = find_command (argv[1]);
  if (cmd == NULL)
    return tool_usage_error (NULL, "Unknown command “%s”", argv[1]);

  /* The subcommand sees itself as argv[0]. */
  status = cmd->run (argc - 1, argv + 1);

  g_clear_pointer (&opt_capabilities, g_free);
  g_clear_pointer (&opt_kernel, g_free);
  g_clear_pointer (&opt_host, g_free);
  return status;
}
