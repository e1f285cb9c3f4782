/* scmp-action.h
 *
 * SPDX-FileCopyrightText: 2026 The scmp-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined (__SCMP_GLIB_INSIDE__) && !defined (SCMP_GLIB_COMPILATION)
#error "Only <scmp-glib/scmp-glib.h> can be included directly."
#endif

#include <glib-object.h>
#include <scmp-glib/scmp-version-macros.h>

G_BEGIN_DECLS

/**
 * ScmpActionKind:
 * @SCMP_ACTION_KIND_KILL_PROCESS: kill the whole process (SIGSYS, core dump)
 * @SCMP_ACTION_KIND_KILL_THREAD: kill the calling thread
 * @SCMP_ACTION_KIND_TRAP: send SIGSYS to the thread, with a 16-bit value
 *   in `si_errno`
 * @SCMP_ACTION_KIND_ERRNO: fail the call with an errno value (0..4095; 0
 *   returns 0 without running the call)
 * @SCMP_ACTION_KIND_TRACE: notify a ptrace tracer with a 16-bit value;
 *   without a tracer the call fails with `ENOSYS`
 * @SCMP_ACTION_KIND_LOG: allow the call and log it
 * @SCMP_ACTION_KIND_NOTIFY: suspend the call and notify a supervisor through
 *   the listener file descriptor (user notification)
 * @SCMP_ACTION_KIND_ALLOW: allow the call
 *
 * What a filter does with a system call. The values are ordered from the
 * most to the least restrictive, as the kernel ranks them.
 *
 * Since: 0.1
 */
typedef enum {
  SCMP_ACTION_KIND_KILL_PROCESS,
  SCMP_ACTION_KIND_KILL_THREAD,
  SCMP_ACTION_KIND_TRAP,
  SCMP_ACTION_KIND_ERRNO,
  SCMP_ACTION_KIND_NOTIFY,
  SCMP_ACTION_KIND_TRACE,
  SCMP_ACTION_KIND_LOG,
  SCMP_ACTION_KIND_ALLOW,
} ScmpActionKind;

/**
 * SCMP_ACTION_ERRNO_MAX:
 *
 * The largest errno value an %SCMP_ACTION_KIND_ERRNO action can carry
 * (the kernel's `MAX_ERRNO`).
 *
 * Since: 0.1
 */
#define SCMP_ACTION_ERRNO_MAX 4095

#define SCMP_TYPE_ACTION (scmp_action_get_type ())

SCMP_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (ScmpAction, scmp_action, SCMP, ACTION, GObject)

SCMP_AVAILABLE_IN_ALL
ScmpAction     *scmp_action_new_allow        (void);
SCMP_AVAILABLE_IN_ALL
ScmpAction     *scmp_action_new_kill_process (void);
SCMP_AVAILABLE_IN_ALL
ScmpAction     *scmp_action_new_kill_thread  (void);
SCMP_AVAILABLE_IN_ALL
ScmpAction     *scmp_action_new_trap         (guint16          trap_value);
SCMP_AVAILABLE_IN_ALL
ScmpAction     *scmp_action_new_errno        (guint            errno_value,
                                              GError         **error);
SCMP_AVAILABLE_IN_ALL
ScmpAction     *scmp_action_new_trace        (guint16          trace_value);
SCMP_AVAILABLE_IN_ALL
ScmpAction     *scmp_action_new_log          (void);
SCMP_AVAILABLE_IN_ALL
ScmpAction     *scmp_action_new_notify       (void);
SCMP_AVAILABLE_IN_ALL
ScmpAction     *scmp_action_new_from_string  (const char      *text,
                                              GError         **error);
SCMP_AVAILABLE_IN_ALL
ScmpAction     *scmp_action_new_from_kernel_value (guint32     value,
                                                   GError    **error);

SCMP_AVAILABLE_IN_ALL
ScmpActionKind  scmp_action_get_kind         (ScmpAction      *self);
SCMP_AVAILABLE_IN_ALL
guint           scmp_action_get_errno_value  (ScmpAction      *self);
SCMP_AVAILABLE_IN_ALL
guint16         scmp_action_get_trap_value   (ScmpAction      *self);
SCMP_AVAILABLE_IN_ALL
guint16         scmp_action_get_trace_value  (ScmpAction      *self);
SCMP_AVAILABLE_IN_ALL
guint32         scmp_action_get_kernel_value (ScmpAction      *self);
SCMP_AVAILABLE_IN_ALL
gboolean        scmp_action_validate         (ScmpAction      *self,
                                              GError         **error);
SCMP_AVAILABLE_IN_ALL
gboolean        scmp_action_equal            (ScmpAction      *a,
                                              ScmpAction      *b);
SCMP_AVAILABLE_IN_ALL
char           *scmp_action_to_string        (ScmpAction      *self);

G_END_DECLS
