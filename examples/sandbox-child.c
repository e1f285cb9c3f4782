/* sandbox-child.c: run a child program under a filter, with fork and exec
 *
 * SPDX-FileCopyrightText: 2026 The scmp-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Runs mkdir(1) three times, under a filter that answers mkdir(2) with
 * an errno, a trap and a kill, and checks what the parent sees each time.
 * The filter is compiled in the parent (scmp_filter_prepare()); the child
 * only loads it (scmp_filter_load_prepared(), async-signal-safe) and execs.
 */

#include <scmp-glib/scmp-glib.h>
#include <glib-unix.h>
#include <glib/gstdio.h>

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

/* Runs `mkdir PATH` under @filter and returns its wait status; the
 * child's stderr goes to @err. */
static int
run_sandboxed (ScmpFilter  *filter,
               const char  *mkdir_path,
               const char  *path,
               char       **err)
{
  g_autoptr(GError) error = NULL;
  const char *argv[] = { "mkdir", path, NULL };
  const char *envp[] = { "LC_ALL=C", NULL };
  const struct rlimit no_core = { 0, 0 };
  int fds[2], status;
  GString *output = g_string_new (NULL);
  char buf[256];
  gssize n;
  pid_t pid;

  /* Everything that allocates or can fail with a GError happens here,
   * before fork: compiling the program, preparing the arguments. */
  if (!scmp_filter_prepare (filter, &error))
    g_error ("Could not compile the filter: %s", error->message);
  if (!g_unix_open_pipe (fds, FD_CLOEXEC, &error))
    g_error ("%s", error->message);

  pid = fork ();
  if (pid == 0)
    {
      /* The child of a possibly multi-threaded parent: only
       * async-signal-safe calls until execve(). */
      dup2 (fds[1], STDERR_FILENO);
      setrlimit (RLIMIT_CORE, &no_core);   /* a trap or a kill dumps core */
      if (scmp_filter_load_prepared (filter) != 0)
        _exit (127);
      execve (mkdir_path, (char **) argv, (char **) envp);
      _exit (127);
    }
  g_assert_cmpint (pid, >, 0);
  close (fds[1]);

  while ((n = read (fds[0], buf, sizeof buf)) > 0 || (n < 0 && errno == EINTR))
    if (n > 0)
      g_string_append_len (output, buf, n);
  close (fds[0]);
  while (waitpid (pid, &status, 0) < 0 && errno == EINTR)
    ;

  *err = g_string_free (output, FALSE);
  return status;
}

/* Allows everything but mkdir(2), which gets @deny. */
static ScmpFilter *
make_filter (ScmpAction *deny)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScmpAction) allow = scmp_action_new_allow ();
  g_autoptr(ScmpFilter) filter = scmp_filter_new (allow);
  g_autoptr(ScmpRule) mkdir_rule = scmp_rule_new ("mkdir", deny);
  g_autoptr(ScmpRule) mkdirat_rule = scmp_rule_new ("mkdirat", deny);

  if (!scmp_filter_add_rule (filter, mkdir_rule, &error) ||
      !scmp_filter_add_rule (filter, mkdirat_rule, &error))
    g_error ("%s", error->message);
  return g_steal_pointer (&filter);
}

int
main (void)
{
  g_autofree char *mkdir_path = g_find_program_in_path ("mkdir");
  g_autofree char *tmp = g_dir_make_tmp ("sandbox-child-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (tmp, "made-by-the-child", NULL);
  ScmpAction *denials[] = {
    scmp_action_new_errno (EPERM, NULL),
    scmp_action_new_trap (0),
    scmp_action_new_kill_process (),
  };

  g_assert_nonnull (mkdir_path);
  g_assert_nonnull (tmp);

  for (gsize i = 0; i < G_N_ELEMENTS (denials); i++)
    {
      g_autoptr(ScmpAction) deny = denials[i];
      g_autoptr(ScmpFilter) filter = make_filter (deny);
      g_autofree char *what = scmp_action_to_string (deny);
      g_autofree char *err = NULL;
      int status = run_sandboxed (filter, mkdir_path, path, &err);

      g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
      if (scmp_action_get_kind (deny) == SCMP_ACTION_KIND_ERRNO)
        {
          /* The call fails; mkdir(1) reports it and exits 1. */
          g_assert_true (WIFEXITED (status));
          g_assert_cmpint (WEXITSTATUS (status), ==, 1);
          g_assert_nonnull (strstr (err, g_strerror (EPERM)));
          g_print ("%s: mkdir exited with 1: %s", what, err);
        }
      else
        {
          /* A trap sends SIGSYS, which mkdir(1) does not catch; a kill
           * ends the process as if by SIGSYS, and cannot be caught. */
          g_assert_true (WIFSIGNALED (status));
          g_assert_cmpint (WTERMSIG (status), ==, SIGSYS);
          g_print ("%s: mkdir was killed by SIGSYS\n", what);
        }
    }

  g_rmdir (tmp);
  return 0;
}
