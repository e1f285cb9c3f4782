/* docker-profile.c: run a command under Docker's default seccomp profile
 *
 * SPDX-FileCopyrightText: 2026 The scmp-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Usage: docker-profile PROFILE.json [CAPABILITY…]
 *
 * Reads the profile as Docker would for a container with the given
 * capabilities on this machine, says what it made of it, then forks a
 * child that loads the filter and tries a few calls. Exits 0 when the
 * kernel decides them as the profile says.
 */

#include <scmp-glib/scmp-glib.h>

#include <errno.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

static int
child (ScmpFilter *filter)
{
  /* Between fork() and the calls, only async-signal-safe work. */
  if (scmp_filter_load_prepared (filter) != 0)
    return 2;
  if (syscall (SYS_getpid) != getpid ())
    return 3;
  /* Not in the profile: the default action, errno 1 (EPERM). */
  if (syscall (SYS_unshare, 0) != -1 || errno != EPERM)
    return 4;
  return 0;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(ScmpOciProfile) profile = scmp_oci_profile_new ();
  g_autoptr(GError) error = NULL;
  ScmpFilter *filter;
  int status;
  pid_t pid;

  if (argc < 2)
    {
      g_printerr ("Usage: %s PROFILE.json [CAPABILITY…]\n", argv[0]);
      return 2;
    }
  scmp_oci_profile_set_capabilities (profile, (const char * const *) argv + 2);
  if (!scmp_oci_profile_load_from_file (profile, argv[1], &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  for (const char * const *w = scmp_oci_profile_get_warnings (profile); *w != NULL; w++)
    g_printerr ("warning: %s\n", *w);

  filter = scmp_oci_profile_get_filter (profile);
  g_print ("%u rules for %s\n", scmp_filter_get_n_rules (filter),
           scmp_architecture_to_name (scmp_oci_profile_get_architecture (profile)));

  /* Compile before fork(): the child only loads. */
  if (!scmp_filter_prepare (filter, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  pid = fork ();
  if (pid == 0)
    _exit (child (filter));
  if (pid < 0 || waitpid (pid, &status, 0) != pid)
    return 1;
  if (!WIFEXITED (status) || WEXITSTATUS (status) != 0)
    {
      g_printerr ("The child failed (status 0x%x)\n", status);
      return 1;
    }
  g_print ("getpid() allowed, unshare() refused with EPERM, as the profile says\n");
  return 0;
}
