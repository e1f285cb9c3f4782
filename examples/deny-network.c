/* deny-network.c: refuse IPv4 and IPv6 sockets, keep everything else
 *
 * SPDX-FileCopyrightText: 2026 The scmp-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Builds a filter, shows what it decides, loads it into this process and
 * checks that the kernel enforces it. Exits 0 when it does.
 */

#include <scmp-glib/scmp-glib.h>

#include <errno.h>
#include <stdio.h>
#include <sys/socket.h>
#include <unistd.h>

int
main (void)
{
  g_autoptr(ScmpAction) allow = scmp_action_new_allow ();
  g_autoptr(ScmpAction) refuse = scmp_action_new_errno (EAFNOSUPPORT, NULL);
  g_autoptr(ScmpFilter) filter = scmp_filter_new (allow);
  g_autoptr(GError) error = NULL;
  g_autofree char *pfc = NULL;
  const int families[] = { AF_INET, AF_INET6 };
  int fd;

  for (gsize i = 0; i < G_N_ELEMENTS (families); i++)
    {
      ScmpCondition family = { .arg = 0, .op = SCMP_COMPARE_OP_EQ, .datum = families[i] };
      g_autoptr(ScmpRule) rule = scmp_rule_newv ("socket", refuse, &family, 1);

      if (!scmp_filter_add_rule (filter, rule, &error))
        {
          g_printerr ("Could not add a rule: %s\n", error->message);
          return 1;
        }
    }

  pfc = scmp_filter_export_pfc (filter, &error);
  g_print ("%s\n", pfc);

  if (!scmp_filter_load (filter, &error))
    {
      g_printerr ("Could not load the filter: %s\n", error->message);
      return 1;
    }

  fd = socket (AF_INET, SOCK_STREAM, 0);
  if (fd >= 0 || errno != EAFNOSUPPORT)
    {
      g_printerr ("socket(AF_INET) was not refused\n");
      return 1;
    }
  g_print ("socket(AF_INET): %s, as the filter asks\n", g_strerror (errno));

  fd = socket (AF_UNIX, SOCK_STREAM, 0);
  if (fd < 0)
    {
      g_printerr ("socket(AF_UNIX) failed: %s\n", g_strerror (errno));
      return 1;
    }
  g_print ("socket(AF_UNIX): fd %d, allowed\n", fd);
  close (fd);
  return 0;
}
