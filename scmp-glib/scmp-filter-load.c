/* scmp-filter-load.c: loading an ScmpFilter into the kernel, its listener fd
 *
 * SPDX-FileCopyrightText: 2026 The scmp-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "scmp-filter.h"
#include "scmp-filter-private.h"

#include "scmp-kernel-private.h"

#include <errno.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

ScmpLoadFlags
_scmp_filter_get_load_flags (ScmpFilter *self)
{
  ScmpLoadFlags flags = SCMP_LOAD_FLAGS_NONE;
  const ScmpProgram *program = g_atomic_pointer_get (&self->program);
  gboolean notify = program != NULL && program->uses_notify;

  if (self->thread_sync)
    flags |= SCMP_LOAD_FLAGS_TSYNC;
  if (self->log)
    flags |= SCMP_LOAD_FLAGS_LOG;
  if (self->spec_allow)
    flags |= SCMP_LOAD_FLAGS_SPEC_ALLOW;
  if (notify)
    {
      flags |= SCMP_LOAD_FLAGS_NEW_LISTENER;
      /* TSYNC alone reports a failed thread by its id, which collides
       * with the listener fd: ask for ESRCH instead. */
      if (self->thread_sync)
        flags |= SCMP_LOAD_FLAGS_TSYNC_ESRCH;
      if (self->wait_killable)
        flags |= SCMP_LOAD_FLAGS_WAIT_KILLABLE_RECV;
    }
  return flags;
}

/* ------------------------------------------------------------------ */
/* Loading                                                             */
/* ------------------------------------------------------------------ */

/**
 * scmp_filter_prepare:
 * @self: a #ScmpFilter
 * @error: return location for a #GError
 *
 * Compiles the filter now, so that scmp_filter_load_prepared() can load
 * it later without allocating (for instance between fork() and exec()).
 *
 * Returns: %TRUE on success, %FALSE with @error set otherwise
 *
 * Since: 0.1
 */
gboolean
scmp_filter_prepare (ScmpFilter  *self,
                     GError     **error)
{
  g_return_val_if_fail (SCMP_IS_FILTER (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return _scmp_filter_get_program (self, error) != NULL;
}

/**
 * scmp_filter_load_prepared:
 * @self: a #ScmpFilter, prepared with scmp_filter_prepare() and unchanged
 *   since
 *
 * Loads the prepared program into the kernel for the calling thread (all
 * threads with #ScmpFilter:thread-sync). This function is
 * async-signal-safe: it neither allocates nor locks, so it can be called
 * in a child between fork() and exec(). It emits no signal and reports
 * errors as a negative errno.
 *
 * Returns: 0 on success, `-EINVAL` if the filter is not prepared, or the
 *   negative errno of `prctl(2)`/`seccomp(2)`
 *
 * Since: 0.1
 */
int
scmp_filter_load_prepared (ScmpFilter *self)
{
  const ScmpProgram *program;
  ScmpLoadFlags flags;
  int listener = -1;
  int r;

  if (self == NULL)
    return -EINVAL;
  program = g_atomic_pointer_get (&self->program);
  if (program == NULL)
    return -EINVAL;

  flags = _scmp_filter_get_load_flags (self);
  r = _scmp_kernel_load (program->insns, program->n_insns, flags,
                         self->no_new_privs, &listener);
  if (r == 0 && listener >= 0)
    {
      if (self->listener_fd >= 0)
        close (self->listener_fd);
      self->listener_fd = listener;
    }
  return r;
}

/**
 * scmp_filter_load:
 * @self: a #ScmpFilter
 * @error: return location for a #GError
 *
 * Compiles the filter and loads it into the kernel for the calling thread
 * (or all threads, with #ScmpFilter:thread-sync), setting no_new_privs
 * first when #ScmpFilter:no-new-privs is on. This cannot be undone.
 *
 * When a rule uses %SCMP_ACTION_KIND_NOTIFY the kernel returns a listener
 * file descriptor, available with scmp_filter_get_listener_fd().
 *
 * Returns: %TRUE on success, %FALSE with @error set (%SCMP_ERROR_LOAD_FAILED
 *   for a kernel refusal, whose message names the errno)
 *
 * Since: 0.1
 */
gboolean
scmp_filter_load (ScmpFilter  *self,
                  GError     **error)
{
  int r;

  g_return_val_if_fail (SCMP_IS_FILTER (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!scmp_filter_prepare (self, error))
    return FALSE;

  r = scmp_filter_load_prepared (self);
  if (r < 0)
    {
      _scmp_kernel_set_load_error (error, r, _scmp_filter_get_load_flags (self));
      return FALSE;
    }
  return TRUE;
}

/**
 * scmp_filter_get_listener_fd:
 * @self: a #ScmpFilter
 *
 * Gets the user-notification listener of the last successful load, if the
 * filter has a NOTIFY action. The filter keeps ownership.
 *
 * Returns: a file descriptor owned by the filter, or -1
 *
 * Since: 0.1
 */
int
scmp_filter_get_listener_fd (ScmpFilter *self)
{
  g_return_val_if_fail (SCMP_IS_FILTER (self), -1);

  return self->listener_fd;
}

/**
 * scmp_filter_steal_listener_fd:
 * @self: a #ScmpFilter
 *
 * Takes the user-notification listener out of the filter.
 *
 * Returns: a file descriptor owned by the caller, or -1
 *
 * Since: 0.1
 */
int
scmp_filter_steal_listener_fd (ScmpFilter *self)
{
  int fd;

  g_return_val_if_fail (SCMP_IS_FILTER (self), -1);

  fd = self->listener_fd;
  self->listener_fd = -1;
  return fd;
}

/**
 * scmp_filter_load_prepared_send_listener:
 * @self: a #ScmpFilter with a NOTIFY rule, prepared with
 *   scmp_filter_prepare() and unchanged since
 * @socket_fd: one end of an `AF_UNIX` socket (socketpair(2)) whose other
 *   end the supervisor reads with scmp_notifier_new_from_socket()
 *
 * Loads the prepared filter as scmp_filter_load_prepared() does, then
 * sends its listener over @socket_fd (`SCM_RIGHTS`) and closes this
 * process's copy: the supervisor owns it from then on. If loading fails,
 * the errno is sent instead, so that the supervisor's
 * scmp_notifier_new_from_socket() fails with it. @socket_fd stays the
 * caller's.
 *
 * Like scmp_filter_load_prepared(), this is async-signal-safe: call it in
 * a child between fork() and exec(), or in a #GSpawnChildSetupFunc.
 *
 * Returns: 0 on success; a negative errno otherwise: that of loading, or
 *   of sendmsg(2), or `-EINVAL` if the filter has no NOTIFY rule
 *
 * Since: 0.1
 */
int
scmp_filter_load_prepared_send_listener (ScmpFilter *self,
                                         int         socket_fd)
{
  ScmpListenerControl control;
  gint32 status = 0;
  struct iovec iov = { &status, sizeof status };
  struct msghdr msg;
  int listener = -1;
  int errsv = errno;
  int r;

  r = scmp_filter_load_prepared (self);
  if (r == 0)
    {
      listener = self->listener_fd;
      self->listener_fd = -1;
      if (listener < 0)
        r = -EINVAL;
    }

  memset (&msg, 0, sizeof msg);
  memset (&control, 0, sizeof control);
  msg.msg_iov = &iov;
  msg.msg_iovlen = 1;
  if (r == 0)
    {
      struct cmsghdr *cmsg;

      msg.msg_control = control.bytes;
      msg.msg_controllen = sizeof control.bytes;
      cmsg = CMSG_FIRSTHDR (&msg);
      cmsg->cmsg_level = SOL_SOCKET;
      cmsg->cmsg_type = SCM_RIGHTS;
      cmsg->cmsg_len = CMSG_LEN (sizeof (int));
      memcpy (CMSG_DATA (cmsg), &listener, sizeof (int));
    }
  else
    status = -r;

  while (sendmsg (socket_fd, &msg, MSG_NOSIGNAL) < 0)
    {
      if (errno != EINTR)
        {
          if (r == 0)
            r = -errno;
          break;
        }
    }

  if (listener >= 0)
    close (listener);
  errno = errsv;
  return r;
}
