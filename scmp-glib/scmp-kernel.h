/* scmp-kernel.h
 *
 * SPDX-FileCopyrightText: 2026 The scmp-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined (__SCMP_GLIB_INSIDE__) && !defined (SCMP_GLIB_COMPILATION)
#error "Only <scmp-glib/scmp-glib.h> can be included directly."
#endif

#include <glib.h>
#include <scmp-glib/scmp-action.h>
#include <scmp-glib/scmp-version-macros.h>

G_BEGIN_DECLS

/**
 * ScmpLoadFlags:
 * @SCMP_LOAD_FLAGS_NONE: no flag
 * @SCMP_LOAD_FLAGS_TSYNC: synchronize the filter to all threads
 *   (`SECCOMP_FILTER_FLAG_TSYNC`)
 * @SCMP_LOAD_FLAGS_LOG: log every action but ALLOW (`SECCOMP_FILTER_FLAG_LOG`)
 * @SCMP_LOAD_FLAGS_SPEC_ALLOW: do not enable the speculative store bypass
 *   mitigation (`SECCOMP_FILTER_FLAG_SPEC_ALLOW`)
 * @SCMP_LOAD_FLAGS_NEW_LISTENER: return a user-notification listener
 *   (`SECCOMP_FILTER_FLAG_NEW_LISTENER`)
 * @SCMP_LOAD_FLAGS_TSYNC_ESRCH: report a TSYNC failure as `ESRCH`, so that
 *   TSYNC can be combined with NEW_LISTENER (`SECCOMP_FILTER_FLAG_TSYNC_ESRCH`)
 * @SCMP_LOAD_FLAGS_WAIT_KILLABLE_RECV: once a notification is received, wait
 *   killably (`SECCOMP_FILTER_FLAG_WAIT_KILLABLE_RECV`)
 *
 * The flags of `seccomp(SECCOMP_SET_MODE_FILTER)`. #ScmpFilter sets them
 * from its properties; scmp_kernel_get_supported_flags() tells which ones
 * the running kernel knows.
 *
 * Since: 0.1
 */
typedef enum /*< flags >*/ {
  SCMP_LOAD_FLAGS_NONE               = 0,
  SCMP_LOAD_FLAGS_TSYNC              = 1 << 0,
  SCMP_LOAD_FLAGS_LOG                = 1 << 1,
  SCMP_LOAD_FLAGS_SPEC_ALLOW         = 1 << 2,
  SCMP_LOAD_FLAGS_NEW_LISTENER       = 1 << 3,
  SCMP_LOAD_FLAGS_TSYNC_ESRCH        = 1 << 4,
  SCMP_LOAD_FLAGS_WAIT_KILLABLE_RECV = 1 << 5,
} ScmpLoadFlags;

SCMP_AVAILABLE_IN_ALL
gboolean      scmp_kernel_supports_action     (ScmpActionKind kind);
SCMP_AVAILABLE_IN_ALL
ScmpLoadFlags scmp_kernel_get_supported_flags (void);
SCMP_AVAILABLE_IN_ALL
gboolean      scmp_kernel_has_seccomp         (void);

G_END_DECLS
