/* flatpak-libseccomp.c: the libseccomp side of the worked port, in the
 * shape of flatpak's setup_seccomp() (abridged: the same kinds of
 * entries, fewer of them)
 *
 * SPDX-FileCopyrightText: 2026 The scmp-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Built and run by the test suite against libseccomp; it writes the
 * program to a memfd, as flatpak does for bwrap --seccomp.
 */

#ifndef _GNU_SOURCE
#define _GNU_SOURCE   /* memfd_create */
#endif
#include <errno.h>
#include <sched.h>
#include <seccomp.h>
#include <stdio.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/personality.h>
#include <sys/socket.h>
#include <unistd.h>

static const struct {
  int                  scall;
  int                  errnum;
  struct scmp_arg_cmp *arg;
} syscall_blocklist[] = {
  { SCMP_SYS (syslog), EPERM },
  { SCMP_SYS (unshare), EPERM },
  { SCMP_SYS (mount), EPERM },
  { SCMP_SYS (clone), EPERM, &SCMP_A0 (SCMP_CMP_MASKED_EQ, CLONE_NEWUSER, CLONE_NEWUSER) },
  /* The mask is the fix for CVE-2019-10063: libseccomp compares 64 bits. */
  { SCMP_SYS (ioctl), EPERM, &SCMP_A1 (SCMP_CMP_MASKED_EQ, 0xFFFFFFFFu, (int) TIOCSTI) },
  { SCMP_SYS (clone3), ENOSYS },
  { SCMP_SYS (personality), EPERM, &SCMP_A0 (SCMP_CMP_NE, PER_LINUX) },
};

/* Allowed socket families, in increasing order: the gaps are blocked. */
static const int socket_family_allowlist[] = {
  AF_UNSPEC, AF_UNIX, AF_INET, AF_INET6, AF_NETLINK,
};

int
main (void)
{
  scmp_filter_ctx seccomp = seccomp_init (SCMP_ACT_ALLOW);
  int last_allowed_family = -1;
  int fd, r;

  if (seccomp == NULL)
    return 1;

#if defined(__x86_64__)
  /* Also filter the 32-bit ABI of the host. */
  r = seccomp_arch_add (seccomp, SCMP_ARCH_X86);
  if (r < 0 && r != -EEXIST)
    return 1;
#endif

  for (size_t i = 0; i < sizeof syscall_blocklist / sizeof syscall_blocklist[0]; i++)
    {
      if (syscall_blocklist[i].arg)
        r = seccomp_rule_add (seccomp, SCMP_ACT_ERRNO (syscall_blocklist[i].errnum),
                              syscall_blocklist[i].scall, 1, *syscall_blocklist[i].arg);
      else
        r = seccomp_rule_add (seccomp, SCMP_ACT_ERRNO (syscall_blocklist[i].errnum),
                              syscall_blocklist[i].scall, 0);
      /* -EFAULT: a number libseccomp cannot map on a secondary ABI. */
      if (r < 0 && r != -EFAULT)
        return 1;
    }

  /* Block the families between the allowed ones, then the ones above. */
  for (size_t i = 0; i < sizeof socket_family_allowlist / sizeof socket_family_allowlist[0]; i++)
    {
      int family = socket_family_allowlist[i];

      for (int disallowed = last_allowed_family + 1; disallowed < family; disallowed++)
        {
          r = seccomp_rule_add_exact (seccomp, SCMP_ACT_ERRNO (EAFNOSUPPORT), SCMP_SYS (socket),
                                      1, SCMP_A0 (SCMP_CMP_EQ, disallowed));
          if (r < 0 && r != -EOPNOTSUPP)
            return 1;
        }
      last_allowed_family = family;
    }
  r = seccomp_rule_add_exact (seccomp, SCMP_ACT_ERRNO (EAFNOSUPPORT), SCMP_SYS (socket),
                              1, SCMP_A0 (SCMP_CMP_GE, last_allowed_family + 1));
  /* -EOPNOTSUPP: with x86 in the filter, libseccomp 2.5.4 refuses an
   * exact rule with a condition on socket (socketcall() cannot check it),
   * and then adds it for no ABI at all. */
  if (r < 0 && r != -EOPNOTSUPP)
    return 1;

  /* The program, for bwrap --seccomp. */
  fd = memfd_create ("seccomp-bpf", MFD_CLOEXEC);
  if (fd < 0 || seccomp_export_bpf (seccomp, fd) != 0)
    return 1;
  printf ("exported %ld bytes\n", (long) lseek (fd, 0, SEEK_CUR));
  close (fd);
  seccomp_release (seccomp);
  return 0;
}
