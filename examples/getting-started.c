/* getting-started.c: a ten-line sandbox, with its error handling, in C
 *
 * SPDX-FileCopyrightText: 2026 The scmp-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Allows every system call but mkdir(2), loads the filter into this
 * process and checks that the kernel enforces it. Build it with
 *   cc getting-started.c $(pkg-config --cflags --libs scmp-glib-1.0)
 */

#include <scmp-glib/scmp-glib.h>

#include <errno.h>
#include <sys/stat.h>

int
main (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScmpAction) allow = scmp_action_new_allow ();
  g_autoptr(ScmpAction) deny = scmp_action_new_errno (EPERM, NULL);
  g_autoptr(ScmpFilter) sandbox = scmp_filter_new (allow);   /* what no rule names */
  g_autoptr(ScmpRule) mkdir_rule = scmp_rule_new ("mkdir", deny);
  g_autoptr(ScmpRule) mkdirat_rule = scmp_rule_new ("mkdirat", deny);

  if (!scmp_filter_add_rule (sandbox, mkdir_rule, &error) ||
      !scmp_filter_add_rule (sandbox, mkdirat_rule, &error) ||
      !scmp_filter_load (sandbox, &error))                    /* for good */
    {
      g_printerr ("Could not load the sandbox: %s\n", error->message);
      return 1;
    }

  /* The filter answers before the kernel looks at the path: EPERM, not ENOENT. */
  if (mkdir ("/nonexistent/scmp-glib", 0700) == 0 || errno != EPERM)
    return 1;
  g_print ("mkdir: %s\n", g_strerror (errno));
  return 0;
}
