/* portal-supervisor.c: answer a sandboxed child's mkdir and open like a
 * portal would
 *
 * SPDX-FileCopyrightText: 2026 The scmp-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The child's filter hands every mkdir/mkdirat and open/openat to this
 * process (the NOTIFY action). The supervisor, in its main loop, reads the
 * path from the child's memory and decides:
 *
 *  - mkdir inside the "documents" directory: it makes the directory
 *    itself and answers 0; anywhere else: EACCES;
 *  - open of a granted file: it opens the file itself, read-only, and
 *    installs the descriptor in the child (scmp_notification_respond_fd());
 *    anything else: EACCES, even a file the child could open on its own.
 *
 * It never lets a call continue: the child could change the path between
 * the supervisor's check and the kernel's reading it. A real portal also
 * resolves relative paths against the child's working directory or dirfd
 * (/proc/PID/cwd, /proc/PID/fd/N); this one takes absolute paths only.
 *
 * Run: ./portal-supervisor — exits 0 when the child saw every answer it
 * expected.
 */

#include <scmp-glib/scmp-glib.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#define GRANTED_TEXT "granted by the portal\n"

typedef struct {
  char *documents;  /* where the child may make directories */
  char *granted;    /* the one file the child may open */
  GMainLoop *loop;
  int child_status;
} Portal;

/* Which argument holds the path, and whether a dirfd comes first. */
static gboolean
path_argument (const char *name,
               guint      *index,
               gboolean   *is_open)
{
  *is_open = g_str_equal (name, "open") || g_str_equal (name, "openat");
  if (g_str_equal (name, "mkdir") || g_str_equal (name, "open"))
    *index = 0;
  else if (g_str_equal (name, "mkdirat") || g_str_equal (name, "openat"))
    *index = 1;
  else
    return FALSE;
  return TRUE;
}

static gboolean
is_inside (const char *path,
           const char *dir)
{
  gsize len = strlen (dir);

  return strncmp (path, dir, len) == 0 && path[len] == '/' &&
         strstr (path + len, "/..") == NULL && strchr (path + len + 1, '/') == NULL;
}

static gboolean
on_notification (ScmpNotifier     *notifier,
                 ScmpNotification *notification,
                 gpointer          user_data)
{
  Portal *portal = user_data;
  const char *name = scmp_notification_get_syscall_name (notification);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  gboolean is_open;
  guint index;

  if (name == NULL || !path_argument (name, &index, &is_open))
    return FALSE;  /* not ours: the fallback errno answers */

  path = scmp_notification_read_path (notification, index, &error);
  if (path == NULL)
    {
      /* The child died or was interrupted: nothing to answer. */
      g_print ("portal: %s from %d: %s\n", name,
               scmp_notification_get_pid (notification), error->message);
      scmp_notification_respond_errno (notification, EFAULT, NULL);
      return TRUE;
    }

  if (!is_open && is_inside (path, portal->documents))
    {
      int r = mkdir (path, 0700);
      int errsv = errno;

      g_print ("portal: %s(\"%s\"): made it, answering %s\n", name, path,
               r == 0 ? "0" : g_strerror (errsv));
      if (r == 0)
        scmp_notification_respond_value (notification, 0, &error);
      else
        scmp_notification_respond_errno (notification, errsv, &error);
    }
  else if (is_open && g_str_equal (path, portal->granted))
    {
      int fd = open (path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);

      if (fd < 0)
        scmp_notification_respond_errno (notification, errno, &error);
      else
        {
          int child_fd = scmp_notification_respond_fd (notification, fd,
                                                       SCMP_ADD_FD_FLAGS_CLOEXEC,
                                                       &error);
          g_print ("portal: %s(\"%s\"): granted, read-only, as fd %d\n",
                   name, path, child_fd);
          close (fd);
        }
    }
  else
    {
      g_print ("portal: %s(\"%s\"): denied, EACCES\n", name, path);
      scmp_notification_respond_errno (notification, EACCES, &error);
    }

  if (error != NULL)
    g_print ("portal: could not answer: %s\n", error->message);
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* The sandboxed child                                                 */
/* ------------------------------------------------------------------ */

#define CHECK(cond)                                                  \
  G_STMT_START {                                                     \
    if (!(cond))                                                     \
      {                                                              \
        dprintf (2, "child: %s failed (errno %d)\n", #cond, errno);  \
        failed = TRUE;                                               \
      }                                                              \
  } G_STMT_END

/* Runs after the filter is loaded: only system calls, no allocation. */
static int
child_main (const char *documents,
            const char *outside,
            const char *granted,
            const char *private_file)
{
  char dir[4096], buf[64];
  gboolean failed = FALSE;
  ssize_t n;
  int fd;

  snprintf (dir, sizeof dir, "%s/new", documents);
  CHECK (mkdir (dir, 0700) == 0);
  snprintf (dir, sizeof dir, "%s/new", outside);
  CHECK (mkdir (dir, 0700) < 0 && errno == EACCES);

  fd = open (granted, O_RDONLY);
  CHECK (fd >= 0);
  if (fd >= 0)
    {
      CHECK ((fcntl (fd, F_GETFD) & FD_CLOEXEC) != 0);
      n = read (fd, buf, sizeof buf - 1);
      CHECK (n == (ssize_t) strlen (GRANTED_TEXT));
      CHECK (n > 0 && memcmp (buf, GRANTED_TEXT, (size_t) n) == 0);
      close (fd);
    }
  /* The child may open this file by its permissions; the portal says no. */
  CHECK (open (private_file, O_RDONLY) < 0 && errno == EACCES);

  return failed ? 1 : 0;
}

static void
on_child_exit (GPid     pid,
               int      status,
               gpointer user_data)
{
  Portal *portal = user_data;

  portal->child_status = status;
  g_main_loop_quit (portal->loop);
}

static ScmpFilter *
portal_filter_new (GError **error)
{
  const char *calls[] = { "mkdir", "mkdirat", "open", "openat" };
  g_autoptr(ScmpAction) allow = scmp_action_new_allow ();
  g_autoptr(ScmpAction) notify = scmp_action_new_notify ();
  g_autoptr(ScmpFilter) filter = scmp_filter_new (allow);

  for (gsize i = 0; i < G_N_ELEMENTS (calls); i++)
    {
      g_autoptr(ScmpRule) rule = scmp_rule_new (calls[i], notify);

      if (!scmp_filter_add_rule (filter, rule, error))
        return NULL;
    }
  return g_steal_pointer (&filter);
}

int
main (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScmpFilter) filter = NULL;
  g_autoptr(ScmpNotifier) notifier = NULL;
  g_autofree char *tmp = NULL;
  g_autofree char *outside = NULL;
  g_autofree char *private_file = NULL;
  g_autofree char *made = NULL;
  Portal portal = { 0 };
  int sv[2];
  pid_t pid;
  int ret = 1;

  if (!scmp_kernel_supports_action (SCMP_ACTION_KIND_NOTIFY))
    {
      g_printerr ("This kernel has no user notification\n");
      return 77;
    }

  tmp = g_dir_make_tmp ("portal-XXXXXX", &error);
  g_assert_no_error (error);
  portal.documents = g_build_filename (tmp, "documents", NULL);
  portal.granted = g_build_filename (tmp, "granted.txt", NULL);
  outside = g_build_filename (tmp, "elsewhere", NULL);
  private_file = g_build_filename (tmp, "private.txt", NULL);
  g_assert_no_errno (mkdir (portal.documents, 0700));
  g_assert_no_errno (mkdir (outside, 0700));
  g_file_set_contents (portal.granted, GRANTED_TEXT, -1, &error);
  g_assert_no_error (error);
  g_file_set_contents (private_file, "private\n", -1, &error);
  g_assert_no_error (error);

  /* Compile in the parent: the child must not allocate after fork(). */
  filter = portal_filter_new (&error);
  if (filter == NULL || !scmp_filter_prepare (filter, &error))
    {
      g_printerr ("Could not build the filter: %s\n", error->message);
      return 1;
    }

  g_assert_no_errno (socketpair (AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, sv));
  fflush (stdout);
  pid = fork ();
  g_assert_no_errno (pid);
  if (pid == 0)
    {
      close (sv[0]);
      if (scmp_filter_load_prepared_send_listener (filter, sv[1]) < 0)
        _exit (127);
      _exit (child_main (portal.documents, outside, portal.granted, private_file));
    }
  close (sv[1]);

  notifier = scmp_notifier_new_from_socket (sv[0], NULL, &error);
  close (sv[0]);
  if (notifier == NULL)
    {
      g_printerr ("No listener from the child: %s\n", error->message);
      waitpid (pid, NULL, 0);
      return 1;
    }

  portal.loop = g_main_loop_new (NULL, FALSE);
  g_signal_connect (notifier, "notification", G_CALLBACK (on_notification), &portal);
  g_child_watch_add (pid, on_child_exit, &portal);
  scmp_notifier_start (notifier);
  g_main_loop_run (portal.loop);

  made = g_build_filename (portal.documents, "new", NULL);
  if (!g_spawn_check_wait_status (portal.child_status, &error))
    g_print ("portal: the child's checks failed: %s\n", error->message);
  else if (!g_file_test (made, G_FILE_TEST_IS_DIR))
    g_print ("portal: %s was not made\n", made);
  else
    {
      g_print ("portal: the child saw every answer it expected\n");
      ret = 0;
    }

  rmdir (made);
  rmdir (portal.documents);
  rmdir (outside);
  unlink (portal.granted);
  unlink (private_file);
  rmdir (tmp);
  g_main_loop_unref (portal.loop);
  g_free (portal.documents);
  g_free (portal.granted);
  return ret;
}
