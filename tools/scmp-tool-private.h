/* scmp-tool-private.h: what the subcommands of scmp-tool share
 *
 * SPDX-FileCopyrightText: 2026 The scmp-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <scmp-glib/scmp-glib.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Exit statuses, the same for every subcommand (see scmp-tool(1)). */
enum {
  TOOL_EXIT_OK      = 0,
  TOOL_EXIT_FAILED  = 1,   /* a check failed, or the input was refused */
  TOOL_EXIT_USAGE   = 2,   /* the command line itself is wrong */
};

typedef struct {
  const char *name;
  const char *parameters;  /* after "scmp-tool NAME [OPTION…]" */
  const char *summary;     /* one line, for --help and the overview */
  int       (*run) (int    argc,
                    char **argv);
  const char *exit_status; /* for --help, where it is not the usual one */
} ToolCommand;

/* The subcommands, one function each. */
int tool_cmd_compile (int argc, char **argv);
int tool_cmd_disasm  (int argc, char **argv);
int tool_cmd_pfc     (int argc, char **argv);
int tool_cmd_eval    (int argc, char **argv);
int tool_cmd_lint    (int argc, char **argv);
int tool_cmd_resolve (int argc, char **argv);
int tool_cmd_arches  (int argc, char **argv);
int tool_cmd_run     (int argc, char **argv);
int tool_cmd_diff    (int argc, char **argv);

/* Messages: "scmp-tool: …" on stderr. */
void tool_error         (const char *format,
                         ...) G_GNUC_PRINTF (1, 2);
void tool_warning       (const char *format,
                         ...) G_GNUC_PRINTF (1, 2);
int  tool_usage_error   (const char *command,
                         const char *format,
                         ...) G_GNUC_PRINTF (2, 3);

/* Parses argv for @command with @entries plus the policy options when
 * @with_policy_options is set. On a bad command line, prints why and
 * returns FALSE: the caller exits with TOOL_EXIT_USAGE. */
gboolean tool_parse_options (const char          *command,
                             const GOptionEntry  *entries,
                             gboolean             with_policy_options,
                             int                 *argc,
                             char              ***argv);

/* Reads @path ("-" for standard input) whole, up to TOOL_MAX_FILE_SIZE
 * bytes: a larger file, or one that never ends (/dev/zero), is an error
 * once the limit is passed, before more memory goes to it. @contents is
 * nul-terminated. */
#define TOOL_MAX_FILE_SIZE (16 * 1024 * 1024)
gboolean tool_read_file (const char  *path,
                         char       **contents,
                         gsize       *length,
                         GError     **error);

/* Policies: an OCI/Docker profile (JSON) or a GVariant text policy. */
ScmpFilter *tool_load_policy (const char  *path,
                              GError     **error);

/* Reports a tool_load_policy() error: bad usage (2) when the options
 * do not fit the policy, else a refused input (1). */
int tool_policy_error (const char *command,
                       GError     *error);

/* --arch ABI, repeated: the names, parsed; NULL on error. An empty array
 * when no --arch was given. */
GArray  *tool_parse_arches    (char * const  *names,
                               GError       **error);
/* Makes @arches (not empty) the filter's ABIs. */
gboolean tool_set_arches      (ScmpFilter     *filter,
                               GArray         *arches,
                               GError        **error);
const char *tool_arch_name    (ScmpArchitecture arch);

/* A number as a user types it: decimal, 0x hex or 0 octal, or negative
 * (then two's complement in 64 bits, as a register holds it). */
gboolean tool_parse_u64       (const char  *text,
                               guint64     *out);

/* SYSCALL as a name or a number on @arch. *name is NULL for a number the
 * tables do not name. */
gboolean tool_parse_syscall   (ScmpArchitecture   arch,
                               const char        *text,
                               int               *nr,
                               const char       **name,
                               GError           **error);

/* The action for JSON: its nick ("errno"), value and text. */
void     tool_json_add_action (JsonBuilder    *builder,
                               const char     *member,
                               ScmpAction     *action);
void     tool_print_json      (JsonBuilder    *builder);

/* Writes @data to @path, or to stdout when @path is NULL or "-". */
gboolean tool_write_output    (const char     *path,
                               const void     *data,
                               gsize           size,
                               GError        **error);

G_END_DECLS
