/* dropin-probe.c: a program built against the real libseccomp
 *
 * SPDX-FileCopyrightText: 2026 The scmp-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Built with the system's <seccomp.h> and -lseccomp, and run twice: as
 * is, and with LD_LIBRARY_PATH at the drop-in libseccomp.so.2. With
 * --expect-scmp-glib it checks that the drop-in answered: the library
 * that holds seccomp_init, scmp-glib's tables (mseal, which libseccomp
 * 2.5 does not know) and a filter built and exported through the same
 * calls.
 */

#include <seccomp.h>

#include <dlfcn.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#define CHECK(cond) \
  do { if (!(cond)) { fprintf (stderr, "FAIL: %s\n", #cond); return 1; } } while (0)

int
main (int   argc,
      char *argv[])
{
  int expect_scmp = argc > 1 && strcmp (argv[1], "--expect-scmp-glib") == 0;
  const struct scmp_version *v = seccomp_version ();
  scmp_filter_ctx ctx;
  Dl_info info;
  int fds[2];
  char buf[65536];
  ssize_t n;
  int mseal;

  CHECK (dladdr ((void *) seccomp_init, &info) != 0);
  mseal = seccomp_syscall_resolve_name_arch (SCMP_ARCH_X86_64, "mseal");
  printf ("seccomp_init from %s, version %u.%u.%u, mseal %d\n",
          info.dli_fname, v->major, v->minor, v->micro, mseal);

  /* the same calls work on either library */
  ctx = seccomp_init (SCMP_ACT_ALLOW);
  CHECK (ctx != NULL);
  CHECK (seccomp_rule_add (ctx, SCMP_ACT_ERRNO (EPERM), SCMP_SYS (ptrace), 0) == 0);
  CHECK (seccomp_rule_add (ctx, SCMP_ACT_ERRNO (EAFNOSUPPORT), SCMP_SYS (socket), 1,
                           SCMP_A0 (SCMP_CMP_EQ, 40)) == 0);
  CHECK (seccomp_rule_add (ctx, SCMP_ACT_ALLOW, SCMP_SYS (read), 0) == -EACCES);
  CHECK (pipe (fds) == 0);
  CHECK (seccomp_export_bpf (ctx, fds[1]) == 0);
  close (fds[1]);
  n = read (fds[0], buf, sizeof buf);
  close (fds[0]);
  CHECK (n > 0 && n % 8 == 0);
  printf ("exported %zd instructions\n", n / 8);
  seccomp_release (ctx);

  if (expect_scmp)
    {
      CHECK (strstr (info.dli_fname, "dropin") != NULL);
      CHECK (v->major == 2 && v->minor == 6);
      CHECK (mseal == 462);
    }
  else
    CHECK (strstr (info.dli_fname, "dropin") == NULL);
  return 0;
}
