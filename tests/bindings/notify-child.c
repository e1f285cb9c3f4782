/* notify-child.c: a target for the binding tests of ScmpNotifier
 *
 * SPDX-FileCopyrightText: 2026 The scmp-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Usage: notify-child SOCKET N
 *
 * SOCKET is "fd" (an AF_UNIX socket inherited as fd 3) or the path of a
 * listening AF_UNIX socket to connect to (for GJS, which cannot make a
 * socketpair). Loads a filter whose only rule is getppid -> NOTIFY, sends
 * its listener over the socket with scmp_filter_load_prepared_send_listener()
 * and calls getppid() N times, printing one line per call: "value V" or
 * "errno E". With N = "close", it closes the socket without sending anything.
 */

#include <scmp-glib/scmp-glib.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/un.h>
#include <unistd.h>

int
main (int argc, char **argv)
{
  g_autoptr(ScmpAction) allow = scmp_action_new_allow ();
  g_autoptr(ScmpAction) notify = scmp_action_new_notify ();
  g_autoptr(ScmpFilter) filter = scmp_filter_new (allow);
  g_autoptr(ScmpRule) rule = scmp_rule_new ("getppid", notify);
  g_autoptr(GError) error = NULL;
  int sock, n, r;

  if (argc != 3)
    {
      fprintf (stderr, "usage: %s fd|SOCKET-PATH N|close\n", argv[0]);
      return 2;
    }

  if (strcmp (argv[1], "fd") == 0)
    sock = 3;
  else
    {
      struct sockaddr_un addr = { .sun_family = AF_UNIX };

      sock = socket (AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
      g_strlcpy (addr.sun_path, argv[1], sizeof addr.sun_path);
      if (sock < 0 || connect (sock, (struct sockaddr *) &addr, sizeof addr) != 0)
        {
          fprintf (stderr, "connect %s: %s\n", argv[1], strerror (errno));
          return 2;
        }
    }

  if (strcmp (argv[2], "close") == 0)
    {
      close (sock);
      return 0;
    }
  n = atoi (argv[2]);

  if (!scmp_filter_add_rule (filter, rule, &error) ||
      !scmp_filter_prepare (filter, &error))
    {
      fprintf (stderr, "filter: %s\n", error->message);
      return 2;
    }
  r = scmp_filter_load_prepared_send_listener (filter, sock);
  close (sock);
  if (r < 0)
    {
      fprintf (stderr, "load: %s\n", strerror (-r));
      return 2;
    }

  for (int i = 0; i < n; i++)
    {
      long v;

      errno = 0;
      v = syscall (SYS_getppid);
      if (v == -1 && errno != 0)
        printf ("errno %d\n", errno);
      else
        printf ("value %ld\n", v);
      fflush (stdout);
    }
  return 0;
}
