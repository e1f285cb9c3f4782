/* scmp-kernel-private.h: seccomp(2) and prctl(2), loading and probing
 *
 * SPDX-FileCopyrightText: 2026 The scmp-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <glib.h>
#include <linux/filter.h>

#include "scmp-action.h"
#include "scmp-kernel.h"

G_BEGIN_DECLS

/* The number of ScmpActionKind values (they start at 0). */
#define SCMP_N_ACTION_KINDS (SCMP_ACTION_KIND_ALLOW + 1)

/* The SECCOMP_FILTER_FLAG_* bits for @flags. */
guint    _scmp_kernel_flags_from_load_flags (ScmpLoadFlags flags);

/* The kernel's SECCOMP_RET_* action value for @kind (data bits 0), or
 * 0xffffffff for a value outside the enum. Defined in scmp-action.c, from
 * the one table of action kinds. */
guint32  _scmp_kernel_action_value          (ScmpActionKind kind);

/* Installs @prog (@n_insns host-order instructions) on the calling thread,
 * or on all threads with TSYNC. Async-signal-safe: no allocation, no lock,
 * only prctl(2) and seccomp(2), so it can run between fork() and exec().
 * errno is preserved.
 *
 * With @set_no_new_privs, PR_SET_NO_NEW_PRIVS is set first (and stays set
 * even if loading then fails). With SCMP_LOAD_FLAGS_NEW_LISTENER the
 * listener fd (close-on-exec) is stored in @listener_fd_out, or closed when
 * @listener_fd_out is NULL; otherwise *@listener_fd_out is set to -1.
 *
 * Returns 0 on success or a negative errno:
 *  - the errno of prctl(PR_SET_NO_NEW_PRIVS) or seccomp(2);
 *  - -ESRCH when TSYNC without TSYNC_ESRCH fails because another thread
 *    cannot be synchronized (the kernel returns that thread's id; nothing
 *    has been installed then);
 *  - -ENOSYS when seccomp(2) is missing and @flags is not NONE (without
 *    flags the loader falls back to prctl(PR_SET_SECCOMP)). */
int      _scmp_kernel_load                  (const struct sock_filter *prog,
                                             unsigned short            n_insns,
                                             ScmpLoadFlags             flags,
                                             gboolean                  set_no_new_privs,
                                             int                      *listener_fd_out);

/* Turns a negative errno from _scmp_kernel_load() into a GError
 * (SCMP_ERROR_LOAD_FAILED) whose message says what went wrong. */
void     _scmp_kernel_set_load_error        (GError                 **error,
                                             int                       neg_errno,
                                             ScmpLoadFlags             flags);

G_END_DECLS
