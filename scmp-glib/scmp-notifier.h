/* scmp-notifier.h: answering user notifications in a main loop
 *
 * SPDX-FileCopyrightText: 2026 The scmp-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined (__SCMP_GLIB_INSIDE__) && !defined (SCMP_GLIB_COMPILATION)
#error "Only <scmp-glib/scmp-glib.h> can be included directly."
#endif

#include <gio/gio.h>
#include <scmp-glib/scmp-architecture.h>
#include <scmp-glib/scmp-filter.h>
#include <scmp-glib/scmp-version-macros.h>

G_BEGIN_DECLS

/**
 * SCMP_NOTIFICATION_N_ARGUMENTS:
 *
 * The number of system-call arguments a notification carries.
 *
 * Since: 0.1
 */
#define SCMP_NOTIFICATION_N_ARGUMENTS 6

/**
 * ScmpAddFdFlags:
 * @SCMP_ADD_FD_FLAGS_NONE: no flag
 * @SCMP_ADD_FD_FLAGS_CLOEXEC: the target's new descriptor is close-on-exec
 *
 * How scmp_notification_add_fd() and scmp_notification_respond_fd()
 * install a descriptor in the target.
 *
 * Since: 0.1
 */
typedef enum /*< flags >*/ {
  SCMP_ADD_FD_FLAGS_NONE    = 0,
  SCMP_ADD_FD_FLAGS_CLOEXEC = 1 << 0,
} ScmpAddFdFlags;

/**
 * ScmpNotification:
 *
 * One system call that a filter's NOTIFY action handed to a supervisor,
 * waiting for its answer. All fields are private.
 *
 * Since: 0.1
 */
#define SCMP_TYPE_NOTIFICATION (scmp_notification_get_type ())

SCMP_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (ScmpNotification, scmp_notification, SCMP, NOTIFICATION, GObject)

/**
 * ScmpNotifier:
 *
 * A supervisor's end of a user-notification listener. All fields are
 * private.
 *
 * Since: 0.1
 */
#define SCMP_TYPE_NOTIFIER (scmp_notifier_get_type ())

SCMP_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (ScmpNotifier, scmp_notifier, SCMP, NOTIFIER, GObject)

/* ScmpNotification: the request */
SCMP_AVAILABLE_IN_ALL
ScmpNotifier     *scmp_notification_get_notifier            (ScmpNotification  *self);
SCMP_AVAILABLE_IN_ALL
guint64           scmp_notification_get_id                  (ScmpNotification  *self);
SCMP_AVAILABLE_IN_ALL
int               scmp_notification_get_pid                 (ScmpNotification  *self);
SCMP_AVAILABLE_IN_ALL
ScmpArchitecture  scmp_notification_get_architecture        (ScmpNotification  *self);
SCMP_AVAILABLE_IN_ALL
int               scmp_notification_get_syscall             (ScmpNotification  *self);
SCMP_AVAILABLE_IN_ALL
const char       *scmp_notification_get_syscall_name        (ScmpNotification  *self);
SCMP_AVAILABLE_IN_ALL
guint64           scmp_notification_get_argument            (ScmpNotification  *self,
                                                             guint              index);
SCMP_AVAILABLE_IN_ALL
const guint64    *scmp_notification_get_arguments           (ScmpNotification  *self,
                                                             gsize             *n_arguments);
SCMP_AVAILABLE_IN_ALL
guint64           scmp_notification_get_instruction_pointer (ScmpNotification  *self);
SCMP_AVAILABLE_IN_ALL
gboolean          scmp_notification_is_valid                (ScmpNotification  *self);
SCMP_AVAILABLE_IN_ALL
gboolean          scmp_notification_is_answered             (ScmpNotification  *self);

/* ScmpNotification: the target's memory */
SCMP_AVAILABLE_IN_ALL
GBytes           *scmp_notification_read_memory             (ScmpNotification  *self,
                                                             guint64            address,
                                                             gsize              size,
                                                             GError           **error);
SCMP_AVAILABLE_IN_ALL
char             *scmp_notification_read_path               (ScmpNotification  *self,
                                                             guint              index,
                                                             GError           **error);

/* ScmpNotification: answers */
SCMP_AVAILABLE_IN_ALL
gboolean          scmp_notification_respond_continue        (ScmpNotification  *self,
                                                             GError           **error);
SCMP_AVAILABLE_IN_ALL
gboolean          scmp_notification_respond_errno           (ScmpNotification  *self,
                                                             int                errnum,
                                                             GError           **error);
SCMP_AVAILABLE_IN_ALL
gboolean          scmp_notification_respond_value           (ScmpNotification  *self,
                                                             gint64             value,
                                                             GError           **error);
SCMP_AVAILABLE_IN_ALL
int               scmp_notification_add_fd                  (ScmpNotification  *self,
                                                             int                fd,
                                                             int                target_fd,
                                                             ScmpAddFdFlags     flags,
                                                             GError           **error);
SCMP_AVAILABLE_IN_ALL
int               scmp_notification_respond_fd              (ScmpNotification  *self,
                                                             int                fd,
                                                             ScmpAddFdFlags     flags,
                                                             GError           **error);

/* ScmpNotifier */
SCMP_AVAILABLE_IN_ALL
ScmpNotifier     *scmp_notifier_new                         (int                listener_fd,
                                                             GError           **error);
SCMP_AVAILABLE_IN_ALL
ScmpNotifier     *scmp_notifier_new_for_filter              (ScmpFilter        *filter,
                                                             GError           **error);
SCMP_AVAILABLE_IN_ALL
ScmpNotifier     *scmp_notifier_new_from_socket             (int                socket_fd,
                                                             GCancellable      *cancellable,
                                                             GError           **error);
SCMP_AVAILABLE_IN_ALL
int               scmp_notifier_get_fd                      (ScmpNotifier      *self);
SCMP_AVAILABLE_IN_ALL
void              scmp_notifier_start                       (ScmpNotifier      *self);
SCMP_AVAILABLE_IN_ALL
void              scmp_notifier_stop                        (ScmpNotifier      *self);
SCMP_AVAILABLE_IN_ALL
gboolean          scmp_notifier_is_active                   (ScmpNotifier      *self);
SCMP_AVAILABLE_IN_ALL
void              scmp_notifier_close                       (ScmpNotifier      *self);
SCMP_AVAILABLE_IN_ALL
gboolean          scmp_notifier_is_closed                   (ScmpNotifier      *self);
SCMP_AVAILABLE_IN_ALL
int               scmp_notifier_get_fallback_errno          (ScmpNotifier      *self);
SCMP_AVAILABLE_IN_ALL
void              scmp_notifier_set_fallback_errno          (ScmpNotifier      *self,
                                                             int                errnum);
SCMP_AVAILABLE_IN_ALL
gboolean          scmp_notifier_get_sync_wakeup             (ScmpNotifier      *self);
SCMP_AVAILABLE_IN_ALL
gboolean          scmp_notifier_set_sync_wakeup             (ScmpNotifier      *self,
                                                             gboolean           sync_wakeup,
                                                             GError           **error);
SCMP_AVAILABLE_IN_ALL
ScmpNotification *scmp_notifier_receive                     (ScmpNotifier      *self,
                                                             GCancellable      *cancellable,
                                                             GError           **error);
SCMP_AVAILABLE_IN_ALL
void              scmp_notifier_receive_async               (ScmpNotifier      *self,
                                                             GCancellable      *cancellable,
                                                             GAsyncReadyCallback callback,
                                                             gpointer           user_data);
SCMP_AVAILABLE_IN_ALL
ScmpNotification *scmp_notifier_receive_finish              (ScmpNotifier      *self,
                                                             GAsyncResult      *result,
                                                             GError           **error);

G_END_DECLS
