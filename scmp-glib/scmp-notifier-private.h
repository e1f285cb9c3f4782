/* scmp-notifier-private.h: the notifier inside, shared by scmp-notifier.c,
 * scmp-notifier-receive.c and scmp-notification.c
 *
 * SPDX-FileCopyrightText: 2026 The scmp-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <glib.h>
#include <linux/seccomp.h>

#include "scmp-notifier.h"

G_BEGIN_DECLS

struct _ScmpNotifier
{
  GObject parent_instance;

  /* Read-held for each ioctl on @fd; write-held to close it. */
  GRWLock fd_lock;
  int fd;
  /* Serialises "poll(0), then RECV", so that RECV never blocks: several
   * readers may be waiting on one listener. */
  GMutex recv_lock;
  /* Signalled for good when the notifier is closed: wakes every reader. */
  int closed_event;
  gint closed;  /* atomic */

  GMainContext *context;
  GSource *source;  /* while active */
  /* Counts RECV calls, under recv_lock: a reader whose poll saw a request
   * and who finds the count unchanged since before that poll knows the
   * request is still there (or its target killed: RECV then fails at once
   * with ENOENT), and skips the poll(0) that would make sure. */
  gint recv_generation;  /* atomic */
  gint fallback_errno;  /* atomic */
  gint sync_wakeup;  /* atomic */
  gsize notif_size;
  gsize resp_size;
};

/* Waits until @fd is readable (or hung up), @other_fd (-1: none) is
 * readable, or @cancellable is cancelled; retries EINTR. Stores @fd's
 * revents in @revents. FALSE with G_IO_ERROR_CANCELLED if cancelled. */
gboolean          _scmp_notifier_wait        (int                         fd,
                                              int                         other_fd,
                                              GCancellable               *cancellable,
                                              gushort                    *revents,
                                              GError                    **error);

/* A new GError: SCMP_ERROR_CLOSED. */
GError           *_scmp_notifier_closed_error_new (void);

/* The source scmp_notifier_start() attaches: each request it receives
 * goes to _scmp_notifier_emit(). */
GSource          *_scmp_notifier_signal_source_new (ScmpNotifier             *self);

/* Emits ::notification, and answers with the fallback errno if no
 * handler claimed @notification. */
void              _scmp_notifier_emit        (ScmpNotifier               *self,
                                              ScmpNotification           *notification);

/* The listener fd for one ioctl, or -1 once the notifier is closed. The fd
 * stays open until _scmp_notifier_release_fd(): scmp_notifier_close()
 * waits for every ioctl in flight, so an fd number is never used after
 * another file took it. Call release only after a successful acquire. */
int               _scmp_notifier_acquire_fd  (ScmpNotifier               *self);
void              _scmp_notifier_release_fd  (ScmpNotifier               *self);

/* The size of struct seccomp_notif_resp the kernel reads, at least ours
 * (SECCOMP_GET_NOTIF_SIZES). */
gsize             _scmp_notifier_resp_size   (ScmpNotifier               *self);

/* A notification for @req, received on @notifier (holds a reference). */
ScmpNotification *_scmp_notification_new     (ScmpNotifier               *notifier,
                                              const struct seccomp_notif *req);

/* Answers with the notifier's fallback errno if nothing answered yet. */
void              _scmp_notification_answer_fallback (ScmpNotification   *self);

/* Sets @error for a failed ioctl on a notification (-@neg_errno), naming
 * @what ("answer", "add a descriptor to"...). */
void              _scmp_notification_set_ioctl_error (GError            **error,
                                                      int                 neg_errno,
                                                      const char         *what);

G_END_DECLS
