/* portal-supervisor.c: answer a child's mkdir and openat like a portal
 *
 * SPDX-FileCopyrightText: 2026 The scmp-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The parent builds a filter that hands mkdir(2), mkdirat(2) and openat(2)
 * to a supervisor (NOTIFY), prepares it and forks. The child loads it,
 * sends the listener back over a socket and does its work; the parent
 * answers each call in its main loop:
 *
 *  - mkdir inside the "Downloads" directory: the parent makes the
 *    directory itself and answers 0;
 *  - mkdir anywhere else: EACCES;
 *  - open of the granted document: the parent opens it (read-only) and
 *    installs the descriptor in the child as the call's result;
 *  - open of anything else: EACCES.
 *
 * The child checks every answer and exits 0 if all were as expected; the
 * parent exits with the child's verdict.
 *
 * Paths: the child uses absolute paths only. A real portal must resolve a
 * relative path against the target's cwd (/proc/PID/cwd) or the dirfd
 * argument (/proc/PID/fd/N), and must mind that the target can change them
 * meanwhile; this example refuses relative paths instead.
 */

#include <scmp-glib/scmp-glib.h>

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#define DOCUMENT_TEXT "Dear portal, please let me in.\n"

typedef struct {
  char *downloads;     /* where the child may make directories */
  char *document;      /* the one file the portal grants */
  GMainLoop *loop;
  int child_status;
  gboolean child_exited;
} Portal;

/* ---- the child: runs with the filter loaded; plain libc only ---------- */

static int
child_check (gboolean ok, const char *what)
{
  printf ("child: %s: %s\n", what, ok ? "as expected" : "WRONG");
  fflush (stdout);
  return ok ? 0 : 1;
}

static int
child_work (const char *root, const char *downloads, const char *document)
{
  char path[4096];
  char buf[256];
  struct stat st;
  int failures = 0;
  int fd;
  ssize_t n;

  snprintf (path, sizeof path, "%s/new-folder", downloads);
  failures += child_check (mkdir (path, 0700) == 0 && stat (path, &st) == 0 &&
                           S_ISDIR (st.st_mode), "mkdir in Downloads succeeds");

  snprintf (path, sizeof path, "%s/outside", root);
  errno = 0;
  failures += child_check (mkdir (path, 0700) == -1 && errno == EACCES &&
                           stat (path, &st) == -1, "mkdir outside Downloads: EACCES");

  fd = open (document, O_RDONLY | O_CLOEXEC);
  failures += child_check (fd >= 0, "open of the granted document gives an fd");
  if (fd >= 0)
    {
      n = read (fd, buf, sizeof buf - 1);
      buf[n > 0 ? n : 0] = '\0';
      failures += child_check (strcmp (buf, DOCUMENT_TEXT) == 0,
                               "the fd reads the document");
      failures += child_check ((fcntl (fd, F_GETFD) & FD_CLOEXEC) != 0,
                               "the fd is close-on-exec, as asked");
      close (fd);
    }

  snprintf (path, sizeof path, "%s/secret.txt", root);
  errno = 0;
  fd = open (path, O_RDONLY);
  failures += child_check (fd == -1 && errno == EACCES, "open of another file: EACCES");

  return failures == 0 ? 0 : 1;
}

/* ---- the parent: the portal ------------------------------------------- */

static gboolean
is_inside (const char *path, const char *dir)
{
  gsize len = strlen (dir);

  /* A real portal canonicalises the path (and mind "..", symlinks). */
  return strncmp (path, dir, len) == 0 && path[len] == '/' &&
         strstr (path + len, "/..") == NULL;
}

static void
answer_errno (ScmpNotification *n, int errnum)
{
  g_autoptr(GError) error = NULL;

  if (!scmp_notification_respond_errno (n, errnum, &error))
    g_print ("portal: could not answer: %s\n", error->message);
}

static gboolean
on_notification (ScmpNotifier     *notifier,
                 ScmpNotification *n,
                 gpointer          user_data)
{
  Portal *portal = user_data;
  const char *name = scmp_notification_get_syscall_name (n);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  gboolean is_mkdir = g_strcmp0 (name, "mkdir") == 0;
  guint path_arg = is_mkdir ? 0 : 1;   /* mkdirat/openat: (dirfd, path, ...) */

  /* The path is copied out of the child's memory once; the portal acts on
   * its own copy, so the child cannot change it behind our back. */
  path = scmp_notification_read_path (n, path_arg, &error);
  if (path == NULL)
    {
      g_print ("portal: %s from pid %d: cannot read the path (%s)\n",
               name, scmp_notification_get_pid (n), error->message);
      if (!g_error_matches (error, SCMP_ERROR, SCMP_ERROR_NOT_PENDING))
        answer_errno (n, EFAULT);
      return TRUE;
    }

  if (!g_path_is_absolute (path))
    {
      /* Resolving it needs the child's cwd or its dirfd: not done here. */
      g_print ("portal: %s \"%s\": relative path, refused (EACCES)\n", name, path);
      answer_errno (n, EACCES);
      return TRUE;
    }

  if (is_mkdir || g_strcmp0 (name, "mkdirat") == 0)
    {
      guint mode = scmp_notification_get_argument (n, is_mkdir ? 1 : 2) & 07777;

      if (!is_inside (path, portal->downloads))
        {
          g_print ("portal: %s \"%s\": outside Downloads, refused (EACCES)\n", name, path);
          answer_errno (n, EACCES);
          return TRUE;
        }
      if (g_mkdir (path, mode) != 0)
        {
          int saved = errno;

          g_print ("portal: %s \"%s\": made by the portal, failed (%s)\n",
                   name, path, g_strerror (saved));
          answer_errno (n, saved);
          return TRUE;
        }
      g_print ("portal: %s \"%s\" 0%o: made by the portal, answered 0\n", name, path, mode);
      if (!scmp_notification_respond_value (n, 0, &error))
        g_print ("portal: could not answer: %s\n", error->message);
      return TRUE;
    }

  if (g_strcmp0 (name, "openat") == 0)
    {
      int flags = (int) scmp_notification_get_argument (n, 2);
      int fd, target_fd;

      if (g_strcmp0 (path, portal->document) != 0 || (flags & O_ACCMODE) != O_RDONLY)
        {
          g_print ("portal: openat \"%s\": not granted, refused (EACCES)\n", path);
          answer_errno (n, EACCES);
          return TRUE;
        }
      fd = open (path, O_RDONLY | O_CLOEXEC);
      if (fd < 0)
        {
          int saved = errno;

          g_print ("portal: openat \"%s\": failed (%s)\n", path, g_strerror (saved));
          answer_errno (n, saved);
          return TRUE;
        }
      target_fd = scmp_notification_respond_fd (n, fd,
                                                (flags & O_CLOEXEC) ? SCMP_ADD_FD_FLAGS_CLOEXEC
                                                                    : SCMP_ADD_FD_FLAGS_NONE,
                                                &error);
      if (target_fd < 0)
        g_print ("portal: openat \"%s\": could not pass the fd: %s\n", path, error->message);
      else
        g_print ("portal: openat \"%s\": granted read-only, fd %d in the child\n", path, target_fd);
      close (fd);
      return TRUE;
    }

  /* Not ours: let the fallback errno (ENOSYS) answer it. */
  g_print ("portal: unexpected %s\n", name ? name : "syscall");
  return FALSE;
}

static void
on_child_exit (GPid     pid,
               int      status,
               gpointer user_data)
{
  Portal *portal = user_data;

  portal->child_status = status;
  portal->child_exited = TRUE;
  g_main_loop_quit (portal->loop);
}

static gboolean
on_timeout (gpointer user_data)
{
  Portal *portal = user_data;

  g_printerr ("portal: the child did not finish in time\n");
  g_main_loop_quit (portal->loop);
  return G_SOURCE_REMOVE;
}

static void
remove_tree (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          remove_tree (child);
        }
      g_dir_close (dir);
    }
  g_remove (path);
}

int
main (void)
{
  const char *notified[] = { "mkdir", "mkdirat", "openat" };
  g_autoptr(ScmpAction) allow = scmp_action_new_allow ();
  g_autoptr(ScmpAction) notify = scmp_action_new_notify ();
  g_autoptr(ScmpFilter) filter = scmp_filter_new (allow);
  g_autoptr(ScmpNotifier) notifier = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *root = NULL;
  g_autofree char *documents = NULL;
  g_autofree char *secret = NULL;
  Portal portal = { 0 };
  int sv[2];
  pid_t pid;
  int ret;

  /* The files the portal guards. */
  root = g_dir_make_tmp ("portal-supervisor-XXXXXX", &error);
  if (root == NULL)
    {
      g_printerr ("Could not make a temporary directory: %s\n", error->message);
      return 1;
    }
  portal.downloads = g_build_filename (root, "Downloads", NULL);
  documents = g_build_filename (root, "Documents", NULL);
  portal.document = g_build_filename (documents, "letter.txt", NULL);
  secret = g_build_filename (root, "secret.txt", NULL);
  if (g_mkdir (portal.downloads, 0700) != 0 || g_mkdir (documents, 0700) != 0 ||
      !g_file_set_contents (portal.document, DOCUMENT_TEXT, -1, &error) ||
      !g_file_set_contents (secret, "not for the child\n", -1, &error))
    {
      g_printerr ("Could not set up %s: %s\n", root,
                  error ? error->message : g_strerror (errno));
      return 1;
    }

  /* Only the calls glibc's mkdir() and open() make on this ABI. */
  for (gsize i = 0; i < G_N_ELEMENTS (notified); i++)
    {
      g_autoptr(ScmpRule) rule = NULL;

      if (scmp_syscall_resolve_name (SCMP_ARCHITECTURE_NATIVE, notified[i]) < 0)
        continue;
      rule = scmp_rule_new (notified[i], notify);
      if (!scmp_filter_add_rule (filter, rule, &error))
        {
          g_printerr ("Could not add a rule: %s\n", error->message);
          return 1;
        }
    }
  if (!scmp_filter_prepare (filter, &error))
    {
      g_printerr ("Could not prepare the filter: %s\n", error->message);
      return 1;
    }

  if (socketpair (AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) != 0)
    {
      g_printerr ("socketpair: %s\n", g_strerror (errno));
      return 1;
    }

  fflush (stdout);
  pid = fork ();
  if (pid < 0)
    {
      g_printerr ("fork: %s\n", g_strerror (errno));
      return 1;
    }
  if (pid == 0)
    {
      close (sv[0]);
      ret = scmp_filter_load_prepared_send_listener (filter, sv[1]);
      close (sv[1]);
      if (ret < 0)
        _exit (2);
      _exit (child_work (root, portal.downloads, portal.document));
    }
  close (sv[1]);

  notifier = scmp_notifier_new_from_socket (sv[0], NULL, &error);
  close (sv[0]);
  if (notifier == NULL)
    {
      g_printerr ("Could not get the child's listener: %s\n", error->message);
      waitpid (pid, NULL, 0);
      return 1;
    }

  portal.loop = g_main_loop_new (NULL, FALSE);
  g_signal_connect (notifier, "notification", G_CALLBACK (on_notification), &portal);
  scmp_notifier_start (notifier);
  g_child_watch_add (pid, on_child_exit, &portal);
  g_timeout_add_seconds (20, on_timeout, &portal);
  g_main_loop_run (portal.loop);
  g_main_loop_unref (portal.loop);

  remove_tree (root);
  g_free (portal.downloads);
  g_free (portal.document);

  if (!portal.child_exited)
    return 1;
  if (!g_spawn_check_wait_status (portal.child_status, &error))
    {
      g_printerr ("The child's checks failed: %s\n", error->message);
      return 1;
    }
  g_print ("portal: the child got every answer it expected\n");
  return 0;
}
