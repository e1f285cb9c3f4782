/* scmp-error.h
 *
 * SPDX-FileCopyrightText: 2026 The scmp-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined (__SCMP_GLIB_INSIDE__) && !defined (SCMP_GLIB_COMPILATION)
#error "Only <scmp-glib/scmp-glib.h> can be included directly."
#endif

#include <glib.h>
#include <scmp-glib/scmp-version-macros.h>

G_BEGIN_DECLS

/**
 * SCMP_ERROR:
 *
 * The error domain of scmp-glib.
 *
 * Since: 0.1
 */
#define SCMP_ERROR (scmp_error_quark ())

/**
 * ScmpError:
 * @SCMP_ERROR_FAILED: a generic failure
 * @SCMP_ERROR_INVALID_SYSCALL: a syscall name or number is unknown on the
 *   architecture it is used for
 * @SCMP_ERROR_INVALID_ARGUMENT: a value is out of range (argument index,
 *   errno value, a datum too wide for the architecture, a malformed string)
 * @SCMP_ERROR_EXISTS: a rule with the same syscall and conditions but another
 *   action is already in the filter
 * @SCMP_ERROR_NOT_SUPPORTED: the running kernel, or the architecture, does
 *   not support what was asked
 * @SCMP_ERROR_LOAD_FAILED: the kernel refused to load the filter
 * @SCMP_ERROR_INVALID_ARCHITECTURE: the architecture is not known, not in
 *   the filter, or cannot be combined with the others
 * @SCMP_ERROR_TOO_LARGE: the compiled program would exceed the kernel's
 *   limit of 4096 instructions
 * @SCMP_ERROR_SYSCALL_NOT_ON_ARCHITECTURE: an exact rule names a system
 *   call that one of the filter's architectures lacks (a name no
 *   architecture has is %SCMP_ERROR_INVALID_SYSCALL)
 * @SCMP_ERROR_NOT_PENDING: a user notification no longer waits for an
 *   answer: it was answered already, its process was killed, or a signal
 *   interrupted its system call
 * @SCMP_ERROR_CLOSED: the user-notification listener is closed, by
 *   scmp_notifier_close() or because no process uses its filter any more
 * @SCMP_ERROR_INVALID_POLICY: a policy (an OCI profile, a #GVariant
 *   policy) is malformed: not JSON, a wrong type, an unknown field, action
 *   or operator; the message names the place (file, line, field)
 *
 * Error codes in the %SCMP_ERROR domain.
 *
 * Since: 0.1
 */
typedef enum {
  SCMP_ERROR_FAILED,
  SCMP_ERROR_INVALID_SYSCALL,
  SCMP_ERROR_INVALID_ARGUMENT,
  SCMP_ERROR_EXISTS,
  SCMP_ERROR_NOT_SUPPORTED,
  SCMP_ERROR_LOAD_FAILED,
  SCMP_ERROR_INVALID_ARCHITECTURE,
  SCMP_ERROR_TOO_LARGE,
  SCMP_ERROR_SYSCALL_NOT_ON_ARCHITECTURE,
  SCMP_ERROR_NOT_PENDING,
  SCMP_ERROR_CLOSED,
  SCMP_ERROR_INVALID_POLICY,
} ScmpError;

SCMP_AVAILABLE_IN_ALL
GQuark scmp_error_quark (void);

G_END_DECLS
