/* test-seccomp-helpers.h: preconditions the kernel tests share
 *
 * SPDX-FileCopyrightText: 2026 The scmp-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Include after the scmp-glib headers (scmp_kernel_has_seccomp()).
 */

#pragma once

#include <glib.h>

#include "test-skip.h"

#include <sys/syscall.h>
#include <unistd.h>

#include <linux/capability.h>

static inline gboolean
skip_without_seccomp (void)
{
  if (!scmp_kernel_has_seccomp ())
    {
      scmp_test_skip_machine ("the kernel has no seccomp filters (or they are forbidden here)");
      return TRUE;
    }
  return FALSE;
}

static inline gboolean
has_cap_sys_admin (void)
{
  struct __user_cap_header_struct hdr = { _LINUX_CAPABILITY_VERSION_3, 0 };
  struct __user_cap_data_struct data[2] = { { 0 } };

  g_assert_no_errno (syscall (SYS_capget, &hdr, data));
  return (data[CAP_TO_INDEX (CAP_SYS_ADMIN)].effective & CAP_TO_MASK (CAP_SYS_ADMIN)) != 0;
}

/* Gives CAP_SYS_ADMIN up for good (effective, permitted and inheritable):
 * without it and without no-new-privs, the kernel refuses a filter. */
static inline void
drop_cap_sys_admin (void)
{
  struct __user_cap_header_struct hdr = { _LINUX_CAPABILITY_VERSION_3, 0 };
  struct __user_cap_data_struct data[2] = { { 0 } };
  guint idx = CAP_TO_INDEX (CAP_SYS_ADMIN);

  g_assert_no_errno (syscall (SYS_capget, &hdr, data));
  data[idx].effective &= ~CAP_TO_MASK (CAP_SYS_ADMIN);
  data[idx].permitted &= ~CAP_TO_MASK (CAP_SYS_ADMIN);
  data[idx].inheritable &= ~CAP_TO_MASK (CAP_SYS_ADMIN);
  g_assert_no_errno (syscall (SYS_capset, &hdr, data));
  g_assert_false (has_cap_sys_admin ());
}
