/* scmp-notifier-private.h: what ScmpNotification needs of its notifier
 *
 * SPDX-FileCopyrightText: 2026 The scmp-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <glib.h>
#include <linux/seccomp.h>

#include "scmp-notifier.h"

G_BEGIN_DECLS

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
