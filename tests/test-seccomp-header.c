/* test-seccomp-header.c: <seccomp.h> as programs written for libseccomp use it
 *
 * SPDX-FileCopyrightText: 2026 The scmp-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Built with -Wall -Wextra -Werror and only <seccomp.h>: the macros in
 * their short forms compile cleanly, as they do with libseccomp's header.
 */

#include <seccomp.h>

#include <stdio.h>

int
main (void)
{
  struct scmp_arg_cmp cmps[] = {
    SCMP_A0 (SCMP_CMP_EQ, 1),
    SCMP_A1_64 (SCMP_CMP_MASKED_EQ, 0xff, 2),
    SCMP_A2_32 (SCMP_CMP_LT, -1),
    SCMP_CMP32 (3, SCMP_CMP_MASKED_EQ, -1, 4),
    SCMP_CMP (4, SCMP_CMP_NE, 5),
  };
  /* KILL, not KILL_PROCESS: that needs API level 3, which valgrind
   * (no seccomp(2)) does not reach */
  scmp_filter_ctx ctx = seccomp_init (SCMP_ACT_KILL);
  int r;

  if (ctx == NULL)
    return 1;
  r = seccomp_rule_add_array (ctx, SCMP_ACT_ALLOW, SCMP_SYS (ioctl), 5, cmps);
  r |= seccomp_rule_add (ctx, SCMP_ACT_ERRNO (1), SCMP_SYS (socket), 1, SCMP_A0 (SCMP_CMP_EQ, 16));
  r |= seccomp_rule_add (ctx, SCMP_ACT_TRAPX (3), SCMP_SYS (accept4), 0);
  seccomp_release (ctx);
  printf ("%d %u.%u\n", r, seccomp_version ()->major, seccomp_version ()->minor);
  return r == 0 ? 0 : 1;
}
