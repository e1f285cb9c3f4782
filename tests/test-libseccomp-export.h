/* test-libseccomp-export.h: the bytes libseccomp exports for a filter,
 * for the tests that use it as an oracle (public-API tests included)
 *
 * SPDX-FileCopyrightText: 2026 The scmp-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <glib.h>
#include <seccomp.h>
#include <sys/mman.h>
#include <unistd.h>

/* What seccomp_export_bpf() writes for @ctx: the program in the target's
 * byte order. */
static inline GBytes *
lsc_export_bytes (scmp_filter_ctx ctx)
{
  int fd = memfd_create ("libseccomp-bpf", MFD_CLOEXEC);
  off_t size;
  guint8 *buf;

  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (seccomp_export_bpf (ctx, fd), ==, 0);
  size = lseek (fd, 0, SEEK_END);
  g_assert_cmpint (size, >, 0);
  buf = g_malloc (size);
  g_assert_cmpint (pread (fd, buf, size, 0), ==, size);
  close (fd);
  return g_bytes_new_take (buf, size);
}
