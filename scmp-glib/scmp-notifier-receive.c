/* scmp-notifier-receive.c: receiving requests: the listener's GSource, the
 * signal's dispatch, scmp_notifier_receive() and _async()
 *
 * SPDX-FileCopyrightText: 2026 The scmp-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "scmp-notifier.h"
#include "scmp-notifier-private.h"
#include "scmp-error.h"

#include <errno.h>
#include <poll.h>
#include <string.h>
#include <sys/ioctl.h>

#include <linux/seccomp.h>

GError *
_scmp_notifier_closed_error_new (void)
{
  return g_error_new_literal (SCMP_ERROR, SCMP_ERROR_CLOSED,
                              "The notification listener is closed: it was "
                              "closed explicitly, or no process uses its "
                              "filter any more");
}

typedef enum {
  RECEIVE_GOT,      /* *out holds a request */
  RECEIVE_NOTHING,  /* nothing to receive now */
  RECEIVE_CLOSED,   /* closed, or hung up (and now closed) */
} ReceiveResult;

/* Takes one request if one is waiting, without blocking. @readable: the
 * caller's own poll saw a request, and @generation is what
 * recv_generation was before that poll. */
static ReceiveResult
try_receive (ScmpNotifier      *self,
             gboolean           readable,
             guint              generation,
             ScmpNotification **out)
{
  struct pollfd pfd;
  ReceiveResult result = RECEIVE_NOTHING;
  gboolean hangup = FALSE;
  int fd;

  *out = NULL;
  fd = _scmp_notifier_acquire_fd (self);
  if (fd < 0)
    return RECEIVE_CLOSED;

  g_mutex_lock (&self->recv_lock);

  pfd.fd = fd;
  pfd.events = POLLIN;
  pfd.revents = 0;
  if (readable && (guint) g_atomic_int_get (&self->recv_generation) == generation)
    pfd.revents = POLLIN;
  else
    while (poll (&pfd, 1, 0) < 0 && errno == EINTR)
      ;

  if ((pfd.revents & POLLIN) != 0)
    {
      /* POLLIN means a request nobody has taken; under recv_lock nobody
       * else can take it, so RECV returns at once: with the request, or
       * with ENOENT if its target was killed in between. */
      union {
        struct seccomp_notif req;
        guint8 bytes[256];
      } stack_buf;
      guint8 *buf = self->notif_size <= sizeof stack_buf ? stack_buf.bytes
                                                          : g_malloc (self->notif_size);
      int r;

      /* The kernel refuses a buffer that is not zeroed. */
      memset (buf, 0, self->notif_size);
      do
        r = ioctl (fd, SECCOMP_IOCTL_NOTIF_RECV, buf);
      while (r < 0 && errno == EINTR);
      g_atomic_int_inc (&self->recv_generation);

      if (r == 0)
        {
          *out = _scmp_notification_new (self, (const struct seccomp_notif *) buf);
          result = RECEIVE_GOT;
        }
      if (buf != stack_buf.bytes)
        g_free (buf);
    }
  else if ((pfd.revents & (POLLHUP | POLLERR | POLLNVAL)) != 0)
    hangup = TRUE;

  g_mutex_unlock (&self->recv_lock);
  _scmp_notifier_release_fd (self);

  if (hangup)
    {
      scmp_notifier_close (self);
      result = RECEIVE_CLOSED;
    }
  return result;
}

/* ------------------------------------------------------------------ */
/* The source: wakes on the listener, the closing, a cancellable        */
/* ------------------------------------------------------------------ */

typedef struct {
  GSource source;
  ScmpNotifier *notifier;  /* unowned: the notifier outlives its sources */
  gpointer listener_tag;
  guint generation;  /* recv_generation before the poll */
  gboolean readable;  /* for the dispatch: the poll saw a request */
} ListenerSource;

static gboolean
listener_source_prepare (GSource *source,
                         gint    *timeout)
{
  ListenerSource *self = (ListenerSource *) source;

  self->generation = (guint) g_atomic_int_get (&self->notifier->recv_generation);
  *timeout = -1;
  return FALSE;
}

static gboolean
listener_source_dispatch (GSource     *source,
                          GSourceFunc  callback,
                          gpointer     user_data)
{
  ListenerSource *self = (ListenerSource *) source;

  self->readable = (g_source_query_unix_fd (source, self->listener_tag) & G_IO_IN) != 0;
  if (callback == NULL)
    return G_SOURCE_REMOVE;
  return callback (user_data);
}

static GSourceFuncs listener_source_funcs = {
  listener_source_prepare, NULL, listener_source_dispatch, NULL, NULL, NULL,
};

static GSource *
listener_source_new (ScmpNotifier *self,
                     GCancellable *cancellable,
                     gboolean      for_signal)
{
  GSource *source = g_source_new (&listener_source_funcs, sizeof (ListenerSource));
  ListenerSource *ls = (ListenerSource *) source;

  ls->notifier = self;
  g_source_set_static_name (source, "ScmpNotifier");
  /* Otherwise GLib 2.74 removes and re-adds the fds around each dispatch,
   * waking the context twice per request. Re-entering is safe: no lock is
   * held across the signal. */
  g_source_set_can_recurse (source, TRUE);
  ls->listener_tag = g_source_add_unix_fd (source, self->fd, G_IO_IN | G_IO_HUP | G_IO_ERR);
  /* scmp_notifier_close() destroys the signal's source itself; the
   * others, in other contexts, wake on closed_event. */
  if (!for_signal)
    g_source_add_unix_fd (source, self->closed_event, G_IO_IN);
  if (cancellable != NULL)
    {
      GSource *cancel = g_cancellable_source_new (cancellable);

      /* A child source wakes its parent; the parent checks the
       * cancellable itself. */
      g_source_set_dummy_callback (cancel);
      g_source_add_child_source (source, cancel);
      g_source_unref (cancel);
    }
  return source;
}

/* ------------------------------------------------------------------ */
/* The signal                                                           */
/* ------------------------------------------------------------------ */

/* One request per dispatch: after an answer, the main loop's own poll is
 * the cheapest way to learn whether another one waits, and a flood of
 * requests cannot starve the loop's other sources. */
static gboolean
on_listener_ready (gpointer user_data)
{
  /* A handler may drop the last reference to the notifier. */
  g_autoptr(ScmpNotifier) self = g_object_ref (user_data);
  ScmpNotification *notification = NULL;
  gboolean readable = FALSE;
  guint generation = 0;

  g_rw_lock_reader_lock (&self->fd_lock);
  if (self->source != NULL)
    {
      ListenerSource *ls = (ListenerSource *) self->source;

      readable = ls->readable;
      generation = ls->generation;
    }
  g_rw_lock_reader_unlock (&self->fd_lock);

  switch (try_receive (self, readable, generation, &notification))
    {
    case RECEIVE_GOT:
      _scmp_notifier_emit (self, notification);
      g_object_unref (notification);
      return G_SOURCE_CONTINUE;
    case RECEIVE_NOTHING:
      return G_SOURCE_CONTINUE;
    case RECEIVE_CLOSED:
    default:
      return G_SOURCE_REMOVE;
    }
}

GSource *
_scmp_notifier_signal_source_new (ScmpNotifier *self)
{
  GSource *source = listener_source_new (self, NULL, TRUE);

  /* The source does not own the notifier: dispose destroys it first. */
  g_source_set_callback (source, on_listener_ready, self, NULL);
  return source;
}

/* ------------------------------------------------------------------ */
/* Receiving                                                            */
/* ------------------------------------------------------------------ */

gboolean
_scmp_notifier_wait (int            fd,
                     int            other_fd,
                     GCancellable  *cancellable,
                     gushort       *revents,
                     GError       **error)
{
  GPollFD fds[3] = { { fd, G_IO_IN | G_IO_HUP | G_IO_ERR, 0 } };
  guint n_fds = 1;
  gboolean has_cancel_fd, cancelled;

  if (other_fd >= 0)
    fds[n_fds++] = (GPollFD) { other_fd, G_IO_IN, 0 };
  has_cancel_fd = g_cancellable_make_pollfd (cancellable, &fds[n_fds]);
  if (has_cancel_fd)
    n_fds++;

  while (g_poll (fds, n_fds, -1) < 0 && errno == EINTR)
    ;

  cancelled = g_cancellable_set_error_if_cancelled (cancellable, error);
  if (has_cancel_fd)
    g_cancellable_release_fd (cancellable);
  if (revents != NULL)
    *revents = fds[0].revents;
  return !cancelled;
}

/**
 * scmp_notifier_receive:
 * @self: a #ScmpNotifier
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Waits for the next request, blocking the calling thread. Requests whose
 * target was killed before they were taken are skipped.
 *
 * Returns: (transfer full): the request, or %NULL with @error set:
 *   %SCMP_ERROR_CLOSED, %G_IO_ERROR_CANCELLED
 *
 * Since: 0.1
 */
ScmpNotification *
scmp_notifier_receive (ScmpNotifier  *self,
                       GCancellable  *cancellable,
                       GError       **error)
{
  ScmpNotification *notification = NULL;
  ReceiveResult result;

  g_return_val_if_fail (SCMP_IS_NOTIFIER (self), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  for (;;)
    {
      gushort revents = 0;
      guint generation = (guint) g_atomic_int_get (&self->recv_generation);
      int fd;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        break;

      /* Poll first (it returns at once when a request waits), without
       * the fd lock, so that closing never waits for a request: the
       * closing wakes the poll through closed_event, which stays
       * readable, so a number reused after the closing is never waited
       * on. */
      fd = scmp_notifier_get_fd (self);
      if (fd >= 0 &&
          !_scmp_notifier_wait (fd, self->closed_event, cancellable, &revents, error))
        break;

      result = try_receive (self, fd >= 0 && (revents & G_IO_IN) != 0,
                            generation, &notification);
      if (result == RECEIVE_GOT)
        break;
      if (result == RECEIVE_CLOSED)
        {
          g_propagate_error (error, _scmp_notifier_closed_error_new ());
          break;
        }
    }
  return notification;
}

static gboolean
on_receive_ready (gpointer user_data)
{
  GTask *task = user_data;
  ScmpNotifier *self = g_task_get_source_object (task);
  ScmpNotification *notification = NULL;
  ReceiveResult result;

  if (g_task_return_error_if_cancelled (task))
    {
      return G_SOURCE_REMOVE;
    }

  result = try_receive (self, FALSE, 0, &notification);
  if (result == RECEIVE_NOTHING)
    return G_SOURCE_CONTINUE;

  if (result == RECEIVE_GOT)
    g_task_return_pointer (task, notification, g_object_unref);
  else
    g_task_return_error (task, _scmp_notifier_closed_error_new ());
  return G_SOURCE_REMOVE;
}

/**
 * scmp_notifier_receive_async:
 * @self: a #ScmpNotifier
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called with the request
 * @user_data: data for @callback
 *
 * Waits for the next request in the thread-default main context of the
 * caller, then calls @callback there; it gets the request with
 * scmp_notifier_receive_finish().
 *
 * Since: 0.1
 */
void
scmp_notifier_receive_async (ScmpNotifier        *self,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  GSource *source;
  int fd;

  g_return_if_fail (SCMP_IS_NOTIFIER (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, scmp_notifier_receive_async);
  g_task_set_name (task, "scmp_notifier_receive_async");

  fd = _scmp_notifier_acquire_fd (self);
  if (fd < 0)
    {
      g_task_return_error (task, _scmp_notifier_closed_error_new ());
      return;
    }
  source = listener_source_new (self, cancellable, FALSE);
  _scmp_notifier_release_fd (self);

  g_task_attach_source (task, source, on_receive_ready);
  g_source_unref (source);
}

/**
 * scmp_notifier_receive_finish:
 * @self: a #ScmpNotifier
 * @result: the #GAsyncResult of scmp_notifier_receive_async()
 * @error: return location for a #GError
 *
 * Finishes scmp_notifier_receive_async().
 *
 * Returns: (transfer full): the request, or %NULL with @error set:
 *   %SCMP_ERROR_CLOSED, %G_IO_ERROR_CANCELLED
 *
 * Since: 0.1
 */
ScmpNotification *
scmp_notifier_receive_finish (ScmpNotifier  *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (SCMP_IS_NOTIFIER (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == scmp_notifier_receive_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
