/* scmp-tool-run.c: scmp-tool run, a command under a policy
 *
 * SPDX-FileCopyrightText: 2026 The scmp-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "scmp-tool-private.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

/* What went wrong in the child, sent up a close-on-exec pipe: nothing
 * arrives when exec succeeds. */
typedef struct {
  int stage;
  int errsv;
} ChildReport;

enum {
  STAGE_LOAD = 1,
  STAGE_EXEC,
};

/* The child's own failures, as env(1) and the shells report them. */
enum {
  RUN_EXIT_LOAD_FAILED   = 125,
  RUN_EXIT_CANNOT_EXEC   = 126,
  RUN_EXIT_NOT_FOUND     = 127,
};

static void
report_and_exit (int fd,
                 int stage,
                 int errsv,
                 int status)
{
  ChildReport report = { stage, errsv };
  ssize_t r;

  do
    r = write (fd, &report, sizeof report);
  while (r < 0 && errno == EINTR);
  _exit (status);
}

static gboolean
has_action_kind (ScmpFilter     *filter,
                 ScmpActionKind  kind)
{
  ScmpAction *attributes[] = {
    scmp_filter_get_default_action (filter),
    scmp_filter_get_bad_arch_action (filter),
    scmp_filter_get_unknown_syscall_action (filter),
  };

  for (gsize i = 0; i < G_N_ELEMENTS (attributes); i++)
    if (attributes[i] != NULL && scmp_action_get_kind (attributes[i]) == kind)
      return TRUE;
  for (guint i = 0; i < scmp_filter_get_n_rules (filter); i++)
    if (scmp_action_get_kind (scmp_rule_get_action (scmp_filter_get_rule (filter, i))) == kind)
      return TRUE;
  return FALSE;
}

/* Why a child died of SIGSYS: seccomp's kill actions end a process that
 * way, and its trap action sends SIGSYS, which kills when unhandled. */
static const char *
describe_sigsys (ScmpFilter *filter)
{
  gboolean kills = has_action_kind (filter, SCMP_ACTION_KIND_KILL_PROCESS) ||
                   has_action_kind (filter, SCMP_ACTION_KIND_KILL_THREAD);
  gboolean traps = has_action_kind (filter, SCMP_ACTION_KIND_TRAP);

  if (kills && traps)
    return " (the filter's kill or trap action)";
  if (kills)
    return " (the filter's kill action)";
  if (traps)
    return " (the filter's trap action)";
  return "";
}

static char *
signal_name (int sig)
{
  const char *abbrev = sigabbrev_np (sig);

  if (abbrev != NULL)
    return g_strdup_printf ("SIG%s", abbrev);
  return g_strdup_printf ("signal %d", sig);
}

int
tool_cmd_run (int    argc,
              char **argv)
{
  gboolean no_nnp = FALSE;
  const GOptionEntry entries[] = {
    { "no-nnp", 0, 0, G_OPTION_ARG_NONE, &no_nnp,
      "Do not set no-new-privs (loading then needs CAP_SYS_ADMIN)", NULL },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(ScmpFilter) filter = NULL;
  g_autofree char **option_argv = NULL;
  char **command;
  int option_argc;
  int separator = -1;
  int pipefd[2];
  struct sigaction ignore = { .sa_handler = SIG_IGN }, old_int, old_quit;
  ChildReport report;
  ssize_t got;
  int wstatus;
  pid_t pid;

  /* Everything after "--" is the command's, options included: GOption
   * must not see it. */
  for (int i = 1; i < argc; i++)
    if (g_str_equal (argv[i], "--"))
      {
        separator = i;
        break;
      }

  option_argc = separator < 0 ? argc : separator;
  option_argv = g_new0 (char *, option_argc + 1);
  memcpy (option_argv, argv, option_argc * sizeof (char *));
  if (!tool_parse_options ("run", entries, TRUE, &option_argc, &option_argv))
    return TOOL_EXIT_USAGE;
  if (separator < 0 || separator + 1 >= argc)
    return tool_usage_error ("run", "Expected POLICY -- COMMAND [ARG…]");
  if (option_argc != 2)
    return tool_usage_error ("run", "Expected one POLICY before “--”");
  command = argv + separator + 1;

  filter = tool_load_policy (option_argv[1], &error);
  if (filter == NULL)
    return tool_policy_error ("run", error);
  scmp_filter_set_no_new_privs (filter, !no_nnp);

  /* Compile here: the child only loads, which does not allocate. */
  if (!scmp_filter_prepare (filter, &error))
    {
      tool_error ("%s", error->message);
      return TOOL_EXIT_FAILED;
    }

  if (pipe2 (pipefd, O_CLOEXEC) < 0)
    {
      tool_error ("Could not create a pipe: %s", g_strerror (errno));
      return TOOL_EXIT_FAILED;
    }

  /* As system(3): the terminal's ^C and ^\ are for the command. */
  sigaction (SIGINT, &ignore, &old_int);
  sigaction (SIGQUIT, &ignore, &old_quit);

  pid = fork ();
  if (pid < 0)
    {
      tool_error ("Could not fork: %s", g_strerror (errno));
      return TOOL_EXIT_FAILED;
    }
  if (pid == 0)
    {
      int r;

      close (pipefd[0]);
      sigaction (SIGINT, &old_int, NULL);
      sigaction (SIGQUIT, &old_quit, NULL);

      r = scmp_filter_load_prepared (filter);
      if (r < 0)
        report_and_exit (pipefd[1], STAGE_LOAD, -r, RUN_EXIT_LOAD_FAILED);
      execvp (command[0], command);
      report_and_exit (pipefd[1], STAGE_EXEC, errno,
                       errno == ENOENT ? RUN_EXIT_NOT_FOUND : RUN_EXIT_CANNOT_EXEC);
    }

  close (pipefd[1]);
  do
    got = read (pipefd[0], &report, sizeof report);
  while (got < 0 && errno == EINTR);
  close (pipefd[0]);

  while (waitpid (pid, &wstatus, 0) < 0)
    {
      if (errno != EINTR)
        {
          tool_error ("Could not wait for %s: %s", command[0], g_strerror (errno));
          return TOOL_EXIT_FAILED;
        }
    }
  sigaction (SIGINT, &old_int, NULL);
  sigaction (SIGQUIT, &old_quit, NULL);

  if (got == sizeof report && report.stage == STAGE_LOAD)
    tool_error ("Could not load the filter: %s%s", g_strerror (report.errsv),
                no_nnp && report.errsv == EACCES
                  ? " (without no-new-privs, loading needs CAP_SYS_ADMIN)" : "");
  else if (got == sizeof report && report.stage == STAGE_EXEC)
    tool_error ("Could not run “%s” under the filter: %s", command[0],
                g_strerror (report.errsv));

  if (WIFSIGNALED (wstatus))
    {
      int sig = WTERMSIG (wstatus);
      g_autofree char *name = signal_name (sig);

      tool_error ("%s was killed by %s%s", command[0], name,
                  sig == SIGSYS ? describe_sigsys (filter) : "");
      return 128 + sig;
    }
  return WIFEXITED (wstatus) ? WEXITSTATUS (wstatus) : TOOL_EXIT_FAILED;
}
