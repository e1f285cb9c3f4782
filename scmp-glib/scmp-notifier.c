/* scmp-notifier.c: a user-notification listener in the GLib main loop
 *
 * SPDX-FileCopyrightText: 2026 The scmp-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "scmp-notifier.h"
#include "scmp-notifier-private.h"
#include "scmp-filter-private.h"
#include "scmp-error.h"
#include "scmp-marshal.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <string.h>
#include <sys/eventfd.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <linux/seccomp.h>

/**
 * SECTION:scmp-notifier
 * @title: ScmpNotifier
 * @short_description: answer system calls in a sandboxed process's place
 *
 * A filter rule with the NOTIFY action (scmp_action_new_notify()) stops
 * the calling thread and hands its system call to a supervisor, which
 * answers in the kernel's place: it lets the call go on, fails it with an
 * errno, makes it return a value, or installs a file descriptor in the
 * caller. Container managers emulate `mount` or `mknod` this way; a portal
 * helper can broker file access for a sandboxed child. The supervisor
 * reads the requests from the filter's *listener*, a file descriptor the
 * kernel returns when the filter is loaded; an #ScmpNotifier wraps one
 * listener, and each request is an #ScmpNotification.
 *
 * The kernel accepts one listener per chain of filters, so a supervisor
 * normally loads the filter in a child process and receives the listener
 * there: scmp_filter_prepare() in the parent, then, in the child between
 * fork() and exec(), scmp_filter_load_prepared_send_listener() sends the
 * listener over a Unix socket, and scmp_notifier_new_from_socket() takes
 * it in the parent. A filter loaded in the supervisor's own process gives
 * its listener to scmp_notifier_new_for_filter(), but the supervisor must
 * then never make a notified call itself, or it waits for its own answer.
 *
 * There are three ways to receive requests, and they can be mixed: each
 * request goes to exactly one of them.
 *
 * - scmp_notifier_start(): the ScmpNotifier::notification signal is
 *   emitted for each request in the thread-default main context of the
 *   thread that created the notifier.
 * - scmp_notifier_receive_async(): one request, with a #GTask in the
 *   caller's thread-default main context, cancellable.
 * - scmp_notifier_receive(): one request, blocking, cancellable; for a
 *   supervisor thread of its own.
 *
 * A target is never left waiting forever. A notification that is freed
 * unanswered, or that no signal handler claims, is answered with
 * #ScmpNotifier:fallback-errno (ENOSYS unless changed).
 * scmp_notifier_close() (or disposing the notifier) closes the listener,
 * and the kernel then answers every pending request, and every later
 * notified call, with ENOSYS. When no process uses the filter any more
 * (Linux 5.8 or later tells), the notifier closes itself and
 * #ScmpNotifier:closed changes.
 *
 * Faults are outcomes, not failures of the notifier: a request whose
 * target is killed before it is received is skipped; answering a request
 * whose target was killed, or whose call a signal interrupted, fails with
 * %SCMP_ERROR_NOT_PENDING; calls on a closed notifier fail with
 * %SCMP_ERROR_CLOSED; kernel features the machine lacks give
 * %SCMP_ERROR_NOT_SUPPORTED. `EINTR` is retried.
 *
 * An #ScmpNotifier may be used from several threads; its signals are
 * emitted in the context described above, #ScmpNotifier:closed where the
 * closing happens.
 */

#ifndef SECCOMP_GET_NOTIF_SIZES
#define SECCOMP_GET_NOTIF_SIZES 3
#endif
/* Linux 6.6; its argument is the flags themselves, not a pointer. */
#ifndef SECCOMP_IOCTL_NOTIF_SET_FLAGS
#define SECCOMP_IOCTL_NOTIF_SET_FLAGS SECCOMP_IOW (4, __u64)
#endif
#ifndef SECCOMP_USER_NOTIF_FD_SYNC_WAKE_UP
#define SECCOMP_USER_NOTIF_FD_SYNC_WAKE_UP (1UL << 0)
#endif

enum {
  PROP_0,
  PROP_ACTIVE,
  PROP_CLOSED,
  PROP_FALLBACK_ERRNO,
  PROP_SYNC_WAKEUP,
  N_PROPS
};

enum {
  SIGNAL_NOTIFICATION,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (ScmpNotifier, scmp_notifier, G_TYPE_OBJECT)

/* ------------------------------------------------------------------ */
/* The kernel's structure sizes                                        */
/* ------------------------------------------------------------------ */

typedef struct {
  gsize notif;
  gsize resp;
  int error;  /* errno of SECCOMP_GET_NOTIF_SIZES, 0 if it worked */
} NotifSizes;

static const NotifSizes *
get_notif_sizes (void)
{
  static NotifSizes sizes;
  static gsize once = 0;

  if (g_once_init_enter (&once))
    {
      struct seccomp_notif_sizes kernel = { 0 };
      int errsv = errno;

#ifdef SYS_seccomp
      if (syscall (SYS_seccomp, SECCOMP_GET_NOTIF_SIZES, 0, &kernel) == 0)
        {
          /* The kernel copies its own structures: buffers hold the larger
           * of its size and ours. */
          sizes.notif = MAX ((gsize) kernel.seccomp_notif, sizeof (struct seccomp_notif));
          sizes.resp = MAX ((gsize) kernel.seccomp_notif_resp, sizeof (struct seccomp_notif_resp));
        }
      else
        sizes.error = errno;
#else
      sizes.error = ENOSYS;
#endif
      errno = errsv;
      g_once_init_leave (&once, 1);
    }

  return &sizes;
}

gsize
_scmp_notifier_resp_size (ScmpNotifier *self)
{
  return self->resp_size;
}

/* ------------------------------------------------------------------ */
/* The listener fd                                                      */
/* ------------------------------------------------------------------ */

int
_scmp_notifier_acquire_fd (ScmpNotifier *self)
{
  g_rw_lock_reader_lock (&self->fd_lock);
  if (self->fd < 0)
    {
      g_rw_lock_reader_unlock (&self->fd_lock);
      return -1;
    }
  return self->fd;
}

void
_scmp_notifier_release_fd (ScmpNotifier *self)
{
  g_rw_lock_reader_unlock (&self->fd_lock);
}
void
_scmp_notifier_emit (ScmpNotifier     *self,
                     ScmpNotification *notification)
{
  gboolean handled = FALSE;

  g_signal_emit (self, signals[SIGNAL_NOTIFICATION], 0, notification, &handled);
  if (!handled)
    _scmp_notification_answer_fallback (notification);
}

/* ------------------------------------------------------------------ */
/* GObject                                                              */
/* ------------------------------------------------------------------ */

static void
scmp_notifier_dispose (GObject *object)
{
  ScmpNotifier *self = SCMP_NOTIFIER (object);

  scmp_notifier_close (self);

  G_OBJECT_CLASS (scmp_notifier_parent_class)->dispose (object);
}

static void
scmp_notifier_finalize (GObject *object)
{
  ScmpNotifier *self = SCMP_NOTIFIER (object);

  if (self->closed_event >= 0)
    close (self->closed_event);
  g_clear_pointer (&self->context, g_main_context_unref);
  g_rw_lock_clear (&self->fd_lock);
  g_mutex_clear (&self->recv_lock);

  G_OBJECT_CLASS (scmp_notifier_parent_class)->finalize (object);
}

static void
scmp_notifier_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  ScmpNotifier *self = SCMP_NOTIFIER (object);

  switch (prop_id)
    {
    case PROP_ACTIVE:
      g_value_set_boolean (value, scmp_notifier_is_active (self));
      break;
    case PROP_CLOSED:
      g_value_set_boolean (value, scmp_notifier_is_closed (self));
      break;
    case PROP_FALLBACK_ERRNO:
      g_value_set_int (value, scmp_notifier_get_fallback_errno (self));
      break;
    case PROP_SYNC_WAKEUP:
      g_value_set_boolean (value, scmp_notifier_get_sync_wakeup (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
scmp_notifier_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  ScmpNotifier *self = SCMP_NOTIFIER (object);

  switch (prop_id)
    {
    case PROP_ACTIVE:
      if (g_value_get_boolean (value))
        scmp_notifier_start (self);
      else
        scmp_notifier_stop (self);
      break;
    case PROP_FALLBACK_ERRNO:
      scmp_notifier_set_fallback_errno (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
scmp_notifier_class_init (ScmpNotifierClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = scmp_notifier_dispose;
  object_class->finalize = scmp_notifier_finalize;
  object_class->get_property = scmp_notifier_get_property;
  object_class->set_property = scmp_notifier_set_property;

  /**
   * ScmpNotifier:active:
   *
   * Whether requests are received in the main context and emitted as
   * #ScmpNotifier::notification. See scmp_notifier_start().
   *
   * Since: 0.1
   */
  properties[PROP_ACTIVE] =
    g_param_spec_boolean ("active", NULL, "Whether requests are received and emitted as signals", FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS);

  /**
   * ScmpNotifier:closed:
   *
   * Whether the listener is closed, by scmp_notifier_close() or because
   * no process uses its filter any more.
   *
   * Since: 0.1
   */
  properties[PROP_CLOSED] =
    g_param_spec_boolean ("closed", NULL, "Whether the listener is closed", FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS);

  /**
   * ScmpNotifier:fallback-errno:
   *
   * The errno a request gets when nothing answers it: no
   * #ScmpNotifier::notification handler returned %TRUE, or its
   * #ScmpNotification was freed unanswered. ENOSYS by default, the
   * kernel's own answer when a listener goes away.
   *
   * Since: 0.1
   */
  properties[PROP_FALLBACK_ERRNO] =
    g_param_spec_int ("fallback-errno", NULL, "The errno a request gets when nothing answers it", 1, 4095, ENOSYS,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                      G_PARAM_STATIC_STRINGS);

  /**
   * ScmpNotifier:sync-wakeup:
   *
   * Whether the kernel switches to the supervisor on the target's CPU
   * when a request arrives (`SECCOMP_USER_NOTIF_FD_SYNC_WAKE_UP`, Linux
   * 6.6). Set it with scmp_notifier_set_sync_wakeup().
   *
   * Since: 0.1
   */
  properties[PROP_SYNC_WAKEUP] =
    g_param_spec_boolean ("sync-wakeup", NULL, "Whether the kernel wakes the supervisor on the target's CPU", FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * ScmpNotifier::notification:
   * @self: the #ScmpNotifier
   * @notification: the request
   *
   * Emitted for each request while the notifier is active
   * (scmp_notifier_start()), in the thread-default main context of the
   * thread that created the notifier.
   *
   * A handler answers @notification, or keeps a reference to answer it
   * later, and returns %TRUE; the emission stops there. A handler that
   * returns %FALSE leaves it to the next one. If no handler returns %TRUE
   * and @notification is still unanswered, it is answered with
   * #ScmpNotifier:fallback-errno.
   *
   * Returns: %TRUE if the handler answered @notification or will
   *
   * Since: 0.1
   */
  signals[SIGNAL_NOTIFICATION] =
    g_signal_new ("notification",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  g_signal_accumulator_true_handled, NULL,
                  _scmp_marshal_BOOLEAN__OBJECT,
                  G_TYPE_BOOLEAN, 1, SCMP_TYPE_NOTIFICATION);
  g_signal_set_va_marshaller (signals[SIGNAL_NOTIFICATION],
                              G_TYPE_FROM_CLASS (klass),
                              _scmp_marshal_BOOLEAN__OBJECTv);
}

static void
scmp_notifier_init (ScmpNotifier *self)
{
  g_rw_lock_init (&self->fd_lock);
  g_mutex_init (&self->recv_lock);
  self->fd = -1;
  self->closed_event = -1;
  self->fallback_errno = ENOSYS;
}

/* ------------------------------------------------------------------ */
/* Construction                                                         */
/* ------------------------------------------------------------------ */

/* Whether @fd is a seccomp listener, when /proc can tell. */
static gboolean
is_listener_fd (int fd)
{
  char path[64], target[64];
  ssize_t n;

  g_snprintf (path, sizeof path, "/proc/self/fd/%d", fd);
  n = readlink (path, target, sizeof target - 1);
  if (n < 0)
    return TRUE;  /* no /proc: the first ioctl will tell */
  target[n] = '\0';
  return g_str_equal (target, "anon_inode:seccomp notify");
}

/**
 * scmp_notifier_new:
 * @listener_fd: a user-notification listener, from scmp_filter_load()
 *   and scmp_filter_steal_listener_fd(), or received from the process
 *   that loaded the filter
 * @error: return location for a #GError
 *
 * Creates a notifier for @listener_fd, which it owns from now on, even
 * when this function fails. The notifier emits its signal in the
 * thread-default main context of the calling thread.
 *
 * Returns: (transfer full): a new #ScmpNotifier, or %NULL with @error
 *   set: %SCMP_ERROR_NOT_SUPPORTED when the kernel has no user
 *   notification, %SCMP_ERROR_INVALID_ARGUMENT when @listener_fd is not
 *   a listener
 *
 * Since: 0.1
 */
ScmpNotifier *
scmp_notifier_new (int      listener_fd,
                   GError **error)
{
  const NotifSizes *sizes;
  ScmpNotifier *self;
  int closed_event;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (listener_fd < 0 || fcntl (listener_fd, F_GETFD) < 0)
    {
      g_set_error (error, SCMP_ERROR, SCMP_ERROR_INVALID_ARGUMENT,
                   "%d is not an open file descriptor, so it cannot be a "
                   "notification listener", listener_fd);
      return NULL;
    }

  sizes = get_notif_sizes ();
  if (sizes->error != 0)
    {
      g_set_error (error, SCMP_ERROR, SCMP_ERROR_NOT_SUPPORTED,
                   "The running kernel cannot tell the sizes of its "
                   "notification structures (SECCOMP_GET_NOTIF_SIZES: %s): "
                   "user notification needs Linux 5.0 or later",
                   g_strerror (sizes->error));
      close (listener_fd);
      return NULL;
    }

  if (!is_listener_fd (listener_fd))
    {
      g_set_error (error, SCMP_ERROR, SCMP_ERROR_INVALID_ARGUMENT,
                   "File descriptor %d is not a seccomp notification "
                   "listener", listener_fd);
      close (listener_fd);
      return NULL;
    }

  closed_event = eventfd (0, EFD_CLOEXEC | EFD_NONBLOCK);
  if (closed_event < 0)
    {
      int errsv = errno;

      g_set_error (error, SCMP_ERROR, SCMP_ERROR_FAILED,
                   "Could not create the notifier's wake-up descriptor: %s",
                   g_strerror (errsv));
      close (listener_fd);
      return NULL;
    }

  self = g_object_new (SCMP_TYPE_NOTIFIER, NULL);
  self->fd = listener_fd;
  self->closed_event = closed_event;
  self->notif_size = sizes->notif;
  self->resp_size = sizes->resp;
  self->context = g_main_context_ref_thread_default ();
  return self;
}

/**
 * scmp_notifier_new_for_filter:
 * @filter: a #ScmpFilter loaded with a NOTIFY rule in this process
 * @error: return location for a #GError
 *
 * Creates a notifier for @filter's listener, which it takes from @filter
 * (as scmp_filter_steal_listener_fd() does). The calling thread must not
 * make a notified system call itself: it would wait for its own answer.
 *
 * Returns: (transfer full): a new #ScmpNotifier, or %NULL with @error set
 *   (%SCMP_ERROR_INVALID_ARGUMENT when @filter has no listener)
 *
 * Since: 0.1
 */
ScmpNotifier *
scmp_notifier_new_for_filter (ScmpFilter  *filter,
                              GError     **error)
{
  int fd;

  g_return_val_if_fail (SCMP_IS_FILTER (filter), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (scmp_filter_get_listener_fd (filter) < 0)
    {
      g_set_error_literal (error, SCMP_ERROR, SCMP_ERROR_INVALID_ARGUMENT,
                           "The filter has no notification listener: load "
                           "it first, with a rule whose action is NOTIFY");
      return NULL;
    }

  fd = scmp_filter_steal_listener_fd (filter);
  return scmp_notifier_new (fd, error);
}

/**
 * scmp_notifier_new_from_socket:
 * @socket_fd: the parent's end of an `AF_UNIX` socket whose other end a
 *   child gave to scmp_filter_load_prepared_send_listener()
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Waits for the listener a child process sends with
 * scmp_filter_load_prepared_send_listener(), and creates a notifier for
 * it. This blocks until the child has loaded its filter, failed to, or
 * closed its end of the socket. @socket_fd stays the caller's.
 *
 * Returns: (transfer full): a new #ScmpNotifier, or %NULL with @error set:
 *   %SCMP_ERROR_LOAD_FAILED when the child could not load its filter (the
 *   message names its errno), %SCMP_ERROR_FAILED when the socket closed
 *   without a listener, %G_IO_ERROR_CANCELLED
 *
 * Since: 0.1
 */
ScmpNotifier *
scmp_notifier_new_from_socket (int            socket_fd,
                               GCancellable  *cancellable,
                               GError       **error)
{
  ScmpListenerControl control;
  gint32 status = 0;
  struct iovec iov = { &status, sizeof status };
  struct msghdr msg = { 0 };
  struct cmsghdr *cmsg;
  int fd = -1;
  ssize_t n;

  g_return_val_if_fail (socket_fd >= 0, NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  for (;;)
    {
      if (!_scmp_notifier_wait (socket_fd, -1, cancellable, NULL, error))
        return NULL;

      memset (&control, 0, sizeof control);
      msg.msg_iov = &iov;
      msg.msg_iovlen = 1;
      msg.msg_control = control.bytes;
      msg.msg_controllen = sizeof control.bytes;
      n = recvmsg (socket_fd, &msg, MSG_CMSG_CLOEXEC | MSG_DONTWAIT);
      if (n >= 0 || (errno != EINTR && errno != EAGAIN))
        break;
    }

  if (n < 0)
    {
      int errsv = errno;

      g_set_error (error, SCMP_ERROR, SCMP_ERROR_FAILED,
                   "Could not receive the notification listener: %s",
                   g_strerror (errsv));
      return NULL;
    }

  for (cmsg = CMSG_FIRSTHDR (&msg); cmsg != NULL; cmsg = CMSG_NXTHDR (&msg, cmsg))
    if (cmsg->cmsg_level == SOL_SOCKET && cmsg->cmsg_type == SCM_RIGHTS &&
        cmsg->cmsg_len >= CMSG_LEN (sizeof (int)))
      {
        gsize n_fds = (cmsg->cmsg_len - CMSG_LEN (0)) / sizeof (int);
        int *fds = (int *) (gpointer) CMSG_DATA (cmsg);

        for (gsize i = 0; i < n_fds; i++)
          {
            if (fd < 0)
              fd = fds[i];
            else
              close (fds[i]);
          }
      }

  if (n == (ssize_t) sizeof status && status != 0)
    {
      if (fd >= 0)
        close (fd);
      g_set_error (error, SCMP_ERROR, SCMP_ERROR_LOAD_FAILED,
                   "The child process could not load its filter: %s",
                   g_strerror (status));
      return NULL;
    }

  if (fd < 0 || n != (ssize_t) sizeof status)
    {
      if (fd >= 0)
        close (fd);
      g_set_error_literal (error, SCMP_ERROR, SCMP_ERROR_FAILED,
                           "The socket closed without a notification "
                           "listener: the other end did not call "
                           "scmp_filter_load_prepared_send_listener()");
      return NULL;
    }

  return scmp_notifier_new (fd, error);
}

/* ------------------------------------------------------------------ */
/* State                                                                */
/* ------------------------------------------------------------------ */

/**
 * scmp_notifier_get_fd:
 * @self: a #ScmpNotifier
 *
 * Gets the listener file descriptor, which the notifier keeps owning.
 * Reading requests from it behind the notifier's back is allowed but
 * takes them away from the notifier.
 *
 * Returns: the listener, or -1 once closed
 *
 * Since: 0.1
 */
int
scmp_notifier_get_fd (ScmpNotifier *self)
{
  int fd;

  g_return_val_if_fail (SCMP_IS_NOTIFIER (self), -1);

  g_rw_lock_reader_lock (&self->fd_lock);
  fd = self->fd;
  g_rw_lock_reader_unlock (&self->fd_lock);
  return fd;
}

/**
 * scmp_notifier_start:
 * @self: a #ScmpNotifier
 *
 * Makes the notifier active: each request is received in the
 * thread-default main context of the thread that created the notifier,
 * and emitted as #ScmpNotifier::notification. Does nothing if it is
 * active already or closed.
 *
 * Since: 0.1
 */
void
scmp_notifier_start (ScmpNotifier *self)
{
  GSource *source = NULL;

  g_return_if_fail (SCMP_IS_NOTIFIER (self));

  g_rw_lock_writer_lock (&self->fd_lock);
  if (self->fd >= 0 && self->source == NULL)
    {
      source = _scmp_notifier_signal_source_new (self);
      g_source_attach (source, self->context);
      self->source = source;
    }
  g_rw_lock_writer_unlock (&self->fd_lock);

  if (source != NULL)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTIVE]);
}

/* Detaches the source; the caller notifies. */
static gboolean
detach_source (ScmpNotifier *self)
{
  GSource *source;

  g_rw_lock_writer_lock (&self->fd_lock);
  source = g_steal_pointer (&self->source);
  g_rw_lock_writer_unlock (&self->fd_lock);

  if (source == NULL)
    return FALSE;
  g_source_destroy (source);
  g_source_unref (source);
  return TRUE;
}

/**
 * scmp_notifier_stop:
 * @self: a #ScmpNotifier
 *
 * Stops emitting #ScmpNotifier::notification. Requests wait in the kernel
 * until the notifier starts again, a receive takes them, or it closes.
 *
 * Since: 0.1
 */
void
scmp_notifier_stop (ScmpNotifier *self)
{
  g_return_if_fail (SCMP_IS_NOTIFIER (self));

  if (detach_source (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTIVE]);
}

/**
 * scmp_notifier_is_active:
 * @self: a #ScmpNotifier
 *
 * Tells whether #ScmpNotifier::notification is being emitted.
 *
 * Returns: %TRUE between scmp_notifier_start() and scmp_notifier_stop()
 *   or the closing
 *
 * Since: 0.1
 */
gboolean
scmp_notifier_is_active (ScmpNotifier *self)
{
  gboolean active;

  g_return_val_if_fail (SCMP_IS_NOTIFIER (self), FALSE);

  g_rw_lock_reader_lock (&self->fd_lock);
  active = self->source != NULL;
  g_rw_lock_reader_unlock (&self->fd_lock);
  return active;
}

/**
 * scmp_notifier_close:
 * @self: a #ScmpNotifier
 *
 * Closes the listener. The kernel answers every request still waiting,
 * and every later notified call of the filter's processes, with ENOSYS;
 * pending receives fail with %SCMP_ERROR_CLOSED, and so do answers to
 * notifications received before. Closing twice does nothing. Disposing
 * the notifier closes it.
 *
 * Since: 0.1
 */
void
scmp_notifier_close (ScmpNotifier *self)
{
  GSource *source;
  guint64 one = 1;
  int fd;

  g_return_if_fail (SCMP_IS_NOTIFIER (self));

  if (!g_atomic_int_compare_and_exchange (&self->closed, FALSE, TRUE))
    return;

  /* Waits for the ioctls in flight. */
  g_rw_lock_writer_lock (&self->fd_lock);
  source = g_steal_pointer (&self->source);
  fd = self->fd;
  self->fd = -1;
  g_rw_lock_writer_unlock (&self->fd_lock);

  if (source != NULL)
    {
      g_source_destroy (source);
      g_source_unref (source);
    }
  if (fd >= 0)
    close (fd);
  /* Wakes receives blocked in poll(), and stays readable. */
  if (self->closed_event >= 0 && write (self->closed_event, &one, sizeof one) < 0)
    g_warning ("Could not wake the notifier's receivers: %s", g_strerror (errno));

  g_object_freeze_notify (G_OBJECT (self));
  if (source != NULL)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTIVE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLOSED]);
  g_object_thaw_notify (G_OBJECT (self));
}

/**
 * scmp_notifier_is_closed:
 * @self: a #ScmpNotifier
 *
 * Tells whether the listener is closed.
 *
 * Returns: %TRUE after scmp_notifier_close(), or once no process uses the
 *   filter any more and the notifier saw it
 *
 * Since: 0.1
 */
gboolean
scmp_notifier_is_closed (ScmpNotifier *self)
{
  g_return_val_if_fail (SCMP_IS_NOTIFIER (self), TRUE);

  return g_atomic_int_get (&self->closed);
}

/**
 * scmp_notifier_get_fallback_errno:
 * @self: a #ScmpNotifier
 *
 * Gets #ScmpNotifier:fallback-errno.
 *
 * Returns: the errno of unanswered requests
 *
 * Since: 0.1
 */
int
scmp_notifier_get_fallback_errno (ScmpNotifier *self)
{
  g_return_val_if_fail (SCMP_IS_NOTIFIER (self), ENOSYS);

  return g_atomic_int_get (&self->fallback_errno);
}

/**
 * scmp_notifier_set_fallback_errno:
 * @self: a #ScmpNotifier
 * @errnum: an errno value, 1 to 4095
 *
 * Sets #ScmpNotifier:fallback-errno.
 *
 * Since: 0.1
 */
void
scmp_notifier_set_fallback_errno (ScmpNotifier *self,
                                  int           errnum)
{
  g_return_if_fail (SCMP_IS_NOTIFIER (self));
  g_return_if_fail (errnum >= 1 && errnum <= 4095);

  if (g_atomic_int_exchange (&self->fallback_errno, errnum) != errnum)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FALLBACK_ERRNO]);
}

/**
 * scmp_notifier_get_sync_wakeup:
 * @self: a #ScmpNotifier
 *
 * Gets #ScmpNotifier:sync-wakeup.
 *
 * Returns: %TRUE if requests wake the supervisor synchronously
 *
 * Since: 0.1
 */
gboolean
scmp_notifier_get_sync_wakeup (ScmpNotifier *self)
{
  g_return_val_if_fail (SCMP_IS_NOTIFIER (self), FALSE);

  return g_atomic_int_get (&self->sync_wakeup);
}

/**
 * scmp_notifier_set_sync_wakeup:
 * @self: a #ScmpNotifier
 * @sync_wakeup: whether requests wake the supervisor synchronously
 * @error: return location for a #GError
 *
 * Asks the kernel to switch straight to the supervisor, on the target's
 * CPU, when a request arrives, and back when it is answered
 * (`SECCOMP_USER_NOTIF_FD_SYNC_WAKE_UP`). A supervisor that answers one
 * request at a time at once gets about twice the round trips per second;
 * one that serves many targets, or answers late, may prefer the default,
 * which lets the scheduler spread the targets over CPUs.
 *
 * Returns: %TRUE on success, %FALSE with @error set:
 *   %SCMP_ERROR_NOT_SUPPORTED before Linux 6.6, %SCMP_ERROR_CLOSED
 *
 * Since: 0.1
 */
gboolean
scmp_notifier_set_sync_wakeup (ScmpNotifier  *self,
                               gboolean       sync_wakeup,
                               GError       **error)
{
  int fd, r;

  g_return_val_if_fail (SCMP_IS_NOTIFIER (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  sync_wakeup = !!sync_wakeup;
  fd = _scmp_notifier_acquire_fd (self);
  if (fd < 0)
    {
      g_propagate_error (error, _scmp_notifier_closed_error_new ());
      return FALSE;
    }
  r = ioctl (fd, SECCOMP_IOCTL_NOTIF_SET_FLAGS,
             sync_wakeup ? SECCOMP_USER_NOTIF_FD_SYNC_WAKE_UP : 0UL);
  if (r < 0)
    r = -errno;
  _scmp_notifier_release_fd (self);

  if (r < 0)
    {
      if (r == -EINVAL || r == -ENOTTY)
        g_set_error (error, SCMP_ERROR, SCMP_ERROR_NOT_SUPPORTED,
                     "The running kernel cannot wake the supervisor "
                     "synchronously (SECCOMP_USER_NOTIF_FD_SYNC_WAKE_UP needs "
                     "Linux 6.6 or later): %s", g_strerror (-r));
      else
        g_set_error (error, SCMP_ERROR, SCMP_ERROR_FAILED,
                     "Could not change the listener's wake-up: %s",
                     g_strerror (-r));
      return FALSE;
    }

  if (g_atomic_int_exchange (&self->sync_wakeup, sync_wakeup) != sync_wakeup)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SYNC_WAKEUP]);
  return TRUE;
}
