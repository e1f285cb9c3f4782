/* scmp-notification.c: one notified system call and its answer
 *
 * SPDX-FileCopyrightText: 2026 The scmp-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "scmp-notifier.h"
#include "scmp-notifier-private.h"
#include "scmp-arch-private.h"
#include "scmp-enums.h"
#include "scmp-error.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/uio.h>
#include <unistd.h>

#include <linux/seccomp.h>

/**
 * SECTION:scmp-notification
 * @title: ScmpNotification
 * @short_description: a system call waiting for a supervisor's answer
 *
 * An #ScmpNotification is one system call a NOTIFY rule stopped: who made
 * it (scmp_notification_get_pid()), through which ABI, which call with
 * which six arguments. Its thread waits until the supervisor answers,
 * exactly once, with one of:
 *
 * - scmp_notification_respond_value(): the call returns a value;
 * - scmp_notification_respond_errno(): the call fails with an errno;
 * - scmp_notification_respond_continue(): the kernel runs the call as if
 *   the filter had allowed it;
 * - scmp_notification_respond_fd(): a descriptor of the supervisor's is
 *   installed in the target, and the call returns its number.
 *
 * scmp_notification_add_fd() installs descriptors without answering.
 *
 * Pointer arguments point into the target's memory:
 * scmp_notification_read_memory() and scmp_notification_read_path() read
 * it, and check afterwards that the request is still pending, so that what
 * they return came from the target and not from a process that took its
 * pid after it died. Another thread of the target can still change that
 * memory after it was read: a supervisor that decides from pointer
 * contents must act on what it read (open the file itself and hand over
 * the descriptor), never let the call continue on them.
 *
 * A notification freed unanswered is answered with the notifier's
 * #ScmpNotifier:fallback-errno.
 */

struct _ScmpNotification
{
  GObject parent_instance;

  ScmpNotifier *notifier;
  guint64 id;
  guint32 pid;
  ScmpArchitecture arch;
  int nr;
  guint64 instruction_pointer;
  guint64 args[SCMP_NOTIFICATION_N_ARGUMENTS];
  gint answered;  /* atomic */
};

enum {
  PROP_0,
  PROP_NOTIFIER,
  PROP_ID,
  PROP_PID,
  PROP_ARCHITECTURE,
  PROP_SYSCALL,
  PROP_SYSCALL_NAME,
  PROP_INSTRUCTION_POINTER,
  PROP_ANSWERED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (ScmpNotification, scmp_notification, G_TYPE_OBJECT)

/* ------------------------------------------------------------------ */
/* Errors                                                               */
/* ------------------------------------------------------------------ */

void
_scmp_notification_set_ioctl_error (GError     **error,
                                    int          neg_errno,
                                    const char  *what)
{
  int errsv = -neg_errno;

  switch (errsv)
    {
    case ENOENT:
      g_set_error (error, SCMP_ERROR, SCMP_ERROR_NOT_PENDING,
                   "Could not %s the notification: its system call no "
                   "longer waits (the process was killed, or a signal "
                   "interrupted the call)", what);
      break;
    case EINPROGRESS:
      g_set_error (error, SCMP_ERROR, SCMP_ERROR_NOT_PENDING,
                   "Could not %s the notification: it is being answered "
                   "already", what);
      break;
    case ENOTTY:
    case EOPNOTSUPP:
      g_set_error (error, SCMP_ERROR, SCMP_ERROR_NOT_SUPPORTED,
                   "Could not %s the notification: the running kernel "
                   "does not support it (%s)", what, g_strerror (errsv));
      break;
    default:
      g_set_error (error, SCMP_ERROR, SCMP_ERROR_FAILED,
                   "Could not %s the notification: %s", what,
                   g_strerror (errsv));
      break;
    }
}

static void
set_closed_error (GError     **error,
                  const char  *what)
{
  g_set_error (error, SCMP_ERROR, SCMP_ERROR_CLOSED,
               "Could not %s the notification: its listener is closed, and "
               "the kernel answered it with ENOSYS", what);
}

static void
set_answered_error (GError     **error,
                    const char  *what)
{
  g_set_error (error, SCMP_ERROR, SCMP_ERROR_NOT_PENDING,
               "Could not %s the notification: it was answered already", what);
}

/* ------------------------------------------------------------------ */
/* Construction                                                         */
/* ------------------------------------------------------------------ */

ScmpNotification *
_scmp_notification_new (ScmpNotifier               *notifier,
                        const struct seccomp_notif *req)
{
  ScmpNotification *self = g_object_new (SCMP_TYPE_NOTIFICATION, NULL);
  ScmpArchitecture arch = scmp_architecture_from_audit_arch (req->data.arch);

  /* x86-64 and x32 share their token; the number tells them apart. */
  if (arch == SCMP_ARCHITECTURE_X86_64 && (req->data.nr & SCMP_X32_SYSCALL_BIT) != 0)
    arch = SCMP_ARCHITECTURE_X32;

  self->notifier = g_object_ref (notifier);
  self->id = req->id;
  self->pid = req->pid;
  self->arch = arch;
  self->nr = req->data.nr;
  self->instruction_pointer = req->data.instruction_pointer;
  memcpy (self->args, req->data.args, sizeof self->args);
  return self;
}

static void
scmp_notification_dispose (GObject *object)
{
  ScmpNotification *self = SCMP_NOTIFICATION (object);

  if (self->notifier != NULL)
    {
      _scmp_notification_answer_fallback (self);
      g_clear_object (&self->notifier);
    }

  G_OBJECT_CLASS (scmp_notification_parent_class)->dispose (object);
}

static void
scmp_notification_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  ScmpNotification *self = SCMP_NOTIFICATION (object);

  switch (prop_id)
    {
    case PROP_NOTIFIER:
      g_value_set_object (value, self->notifier);
      break;
    case PROP_ID:
      g_value_set_uint64 (value, self->id);
      break;
    case PROP_PID:
      g_value_set_int (value, (int) self->pid);
      break;
    case PROP_ARCHITECTURE:
      g_value_set_enum (value, self->arch);
      break;
    case PROP_SYSCALL:
      g_value_set_int (value, self->nr);
      break;
    case PROP_SYSCALL_NAME:
      g_value_set_string (value, scmp_notification_get_syscall_name (self));
      break;
    case PROP_INSTRUCTION_POINTER:
      g_value_set_uint64 (value, self->instruction_pointer);
      break;
    case PROP_ANSWERED:
      g_value_set_boolean (value, scmp_notification_is_answered (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
scmp_notification_class_init (ScmpNotificationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->dispose = scmp_notification_dispose;
  object_class->get_property = scmp_notification_get_property;

  /**
   * ScmpNotification:notifier:
   *
   * The notifier that received the request.
   *
   * Since: 0.1
   */
  properties[PROP_NOTIFIER] =
    g_param_spec_object ("notifier", NULL, "The notifier that received the request", SCMP_TYPE_NOTIFIER, flags);

  /**
   * ScmpNotification:id:
   *
   * The kernel's id of the request, unique on its listener.
   *
   * Since: 0.1
   */
  properties[PROP_ID] =
    g_param_spec_uint64 ("id", NULL, "The kernel's id of the request, unique on its listener", 0, G_MAXUINT64, 0, flags);

  /**
   * ScmpNotification:pid:
   *
   * The thread that made the call, as a thread id of the supervisor's pid
   * namespace; 0 when it is not visible there.
   *
   * Since: 0.1
   */
  properties[PROP_PID] =
    g_param_spec_int ("pid", NULL, "The thread that made the call", 0, G_MAXINT, 0, flags);

  /**
   * ScmpNotification:architecture:
   *
   * The ABI of the call (%SCMP_ARCHITECTURE_X32 for x32 calls).
   *
   * Since: 0.1
   */
  properties[PROP_ARCHITECTURE] =
    g_param_spec_enum ("architecture", NULL, "The ABI of the call (SCMP_ARCHITECTURE_X32 for x32 calls)", SCMP_TYPE_ARCHITECTURE,
                       SCMP_ARCHITECTURE_UNKNOWN, flags);

  /**
   * ScmpNotification:syscall:
   *
   * The system-call number, as the kernel reported it.
   *
   * Since: 0.1
   */
  properties[PROP_SYSCALL] =
    g_param_spec_int ("syscall", NULL, "The system-call number, as the kernel reported it", G_MININT, G_MAXINT, 0, flags);

  /**
   * ScmpNotification:syscall-name:
   *
   * The name of #ScmpNotification:syscall on its ABI, or %NULL.
   *
   * Since: 0.1
   */
  properties[PROP_SYSCALL_NAME] =
    g_param_spec_string ("syscall-name", NULL, "The name of ScmpNotification:syscall on its ABI, or NULL", NULL, flags);

  /**
   * ScmpNotification:instruction-pointer:
   *
   * Where the call was made in the target.
   *
   * Since: 0.1
   */
  properties[PROP_INSTRUCTION_POINTER] =
    g_param_spec_uint64 ("instruction-pointer", NULL, "Where the call was made in the target", 0, G_MAXUINT64, 0, flags);

  /**
   * ScmpNotification:answered:
   *
   * Whether an answer was sent (or the fallback one, or the notifier
   * closed).
   *
   * Since: 0.1
   */
  properties[PROP_ANSWERED] =
    g_param_spec_boolean ("answered", NULL, "Whether an answer was sent (or the fallback one, or the notifier closed)", FALSE, flags | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
scmp_notification_init (ScmpNotification *self)
{
}

/* ------------------------------------------------------------------ */
/* The request                                                          */
/* ------------------------------------------------------------------ */

/**
 * scmp_notification_get_notifier:
 * @self: a #ScmpNotification
 *
 * Gets the notifier that received the request.
 *
 * Returns: (transfer none): the #ScmpNotifier
 *
 * Since: 0.1
 */
ScmpNotifier *
scmp_notification_get_notifier (ScmpNotification *self)
{
  g_return_val_if_fail (SCMP_IS_NOTIFICATION (self), NULL);

  return self->notifier;
}

/**
 * scmp_notification_get_id:
 * @self: a #ScmpNotification
 *
 * Gets #ScmpNotification:id.
 *
 * Returns: the kernel's id of the request
 *
 * Since: 0.1
 */
guint64
scmp_notification_get_id (ScmpNotification *self)
{
  g_return_val_if_fail (SCMP_IS_NOTIFICATION (self), 0);

  return self->id;
}

/**
 * scmp_notification_get_pid:
 * @self: a #ScmpNotification
 *
 * Gets the thread that made the call. The number may belong to another
 * process once the request is no longer pending: check
 * scmp_notification_is_valid() after using it.
 *
 * Returns: the thread id in the supervisor's pid namespace, or 0 when the
 *   thread is not visible there
 *
 * Since: 0.1
 */
int
scmp_notification_get_pid (ScmpNotification *self)
{
  g_return_val_if_fail (SCMP_IS_NOTIFICATION (self), 0);

  return (int) self->pid;
}

/**
 * scmp_notification_get_architecture:
 * @self: a #ScmpNotification
 *
 * Gets the ABI of the call, from the kernel's `AUDIT_ARCH_*` token and,
 * for x32, the syscall number.
 *
 * Returns: the #ScmpArchitecture, or %SCMP_ARCHITECTURE_UNKNOWN
 *
 * Since: 0.1
 */
ScmpArchitecture
scmp_notification_get_architecture (ScmpNotification *self)
{
  g_return_val_if_fail (SCMP_IS_NOTIFICATION (self), SCMP_ARCHITECTURE_UNKNOWN);

  return self->arch;
}

/**
 * scmp_notification_get_syscall:
 * @self: a #ScmpNotification
 *
 * Gets the system-call number as the kernel reported it (x32 numbers
 * include `__X32_SYSCALL_BIT`, 0x40000000).
 *
 * Returns: the number
 *
 * Since: 0.1
 */
int
scmp_notification_get_syscall (ScmpNotification *self)
{
  g_return_val_if_fail (SCMP_IS_NOTIFICATION (self), -1);

  return self->nr;
}

/**
 * scmp_notification_get_syscall_name:
 * @self: a #ScmpNotification
 *
 * Gets the name of the system call on its ABI.
 *
 * Returns: (nullable): the name, or %NULL if the number has none
 *
 * Since: 0.1
 */
const char *
scmp_notification_get_syscall_name (ScmpNotification *self)
{
  g_return_val_if_fail (SCMP_IS_NOTIFICATION (self), NULL);

  if (self->arch == SCMP_ARCHITECTURE_UNKNOWN)
    return NULL;
  return scmp_syscall_resolve_number (self->arch, self->nr);
}

/**
 * scmp_notification_get_argument:
 * @self: a #ScmpNotification
 * @index: an argument index, less than %SCMP_NOTIFICATION_N_ARGUMENTS
 *
 * Gets one argument of the call, as the kernel's `seccomp_data` holds it:
 * the register's value, zero-extended on 32-bit ABIs.
 *
 * Returns: the argument
 *
 * Since: 0.1
 */
guint64
scmp_notification_get_argument (ScmpNotification *self,
                                guint             index)
{
  g_return_val_if_fail (SCMP_IS_NOTIFICATION (self), 0);
  g_return_val_if_fail (index < SCMP_NOTIFICATION_N_ARGUMENTS, 0);

  return self->args[index];
}

/**
 * scmp_notification_get_arguments:
 * @self: a #ScmpNotification
 * @n_arguments: (out): return location for the number of arguments
 *   (%SCMP_NOTIFICATION_N_ARGUMENTS)
 *
 * Gets the six arguments of the call.
 *
 * Returns: (array length=n_arguments) (transfer none): the arguments,
 *   owned by @self
 *
 * Since: 0.1
 */
const guint64 *
scmp_notification_get_arguments (ScmpNotification *self,
                                 gsize            *n_arguments)
{
  g_return_val_if_fail (SCMP_IS_NOTIFICATION (self), NULL);
  g_return_val_if_fail (n_arguments != NULL, NULL);

  *n_arguments = SCMP_NOTIFICATION_N_ARGUMENTS;
  return self->args;
}

/**
 * scmp_notification_get_instruction_pointer:
 * @self: a #ScmpNotification
 *
 * Gets the address of the instruction that made the call.
 *
 * Returns: the instruction pointer
 *
 * Since: 0.1
 */
guint64
scmp_notification_get_instruction_pointer (ScmpNotification *self)
{
  g_return_val_if_fail (SCMP_IS_NOTIFICATION (self), 0);

  return self->instruction_pointer;
}

/**
 * scmp_notification_is_answered:
 * @self: a #ScmpNotification
 *
 * Tells whether an answer was sent.
 *
 * Returns: %TRUE once one of the respond functions (or the fallback
 *   answer) ran, whatever the kernel said
 *
 * Since: 0.1
 */
gboolean
scmp_notification_is_answered (ScmpNotification *self)
{
  g_return_val_if_fail (SCMP_IS_NOTIFICATION (self), FALSE);

  return g_atomic_int_get (&self->answered);
}

/* An ioctl on the listener: 0, or a negative errno (-EBADF once closed). */
static int
listener_ioctl (ScmpNotification *self,
                unsigned long     request,
                void             *arg,
                int              *result)
{
  int fd = _scmp_notifier_acquire_fd (self->notifier);
  int r;

  if (fd < 0)
    return -EBADF;
  do
    r = ioctl (fd, request, arg);
  while (r < 0 && errno == EINTR);
  if (r < 0)
    r = -errno;
  else if (result != NULL)
    *result = r;
  _scmp_notifier_release_fd (self->notifier);
  return r < 0 ? r : 0;
}

/**
 * scmp_notification_is_valid:
 * @self: a #ScmpNotification
 *
 * Asks the kernel whether the call still waits for its answer
 * (`SECCOMP_IOCTL_NOTIF_ID_VALID`). Check it after using the pid or
 * reading the target's memory by other means than
 * scmp_notification_read_memory(), which checks itself: if the request
 * went away, the pid may name another process.
 *
 * Returns: %FALSE once the request was answered, its target killed or its
 *   call interrupted, or the notifier closed
 *
 * Since: 0.1
 */
gboolean
scmp_notification_is_valid (ScmpNotification *self)
{
  guint64 id;

  g_return_val_if_fail (SCMP_IS_NOTIFICATION (self), FALSE);

  if (g_atomic_int_get (&self->answered))
    return FALSE;
  id = self->id;
  return listener_ioctl (self, SECCOMP_IOCTL_NOTIF_ID_VALID, &id, NULL) == 0;
}

/* ------------------------------------------------------------------ */
/* The target's memory                                                  */
/* ------------------------------------------------------------------ */

/* Reads up to @size bytes at @address; returns how many, or -1 with errno
 * when not even the first byte could be read. Reads page by page so that
 * an unmapped page ends the read instead of failing it. */
static gssize
read_target (ScmpNotification *self,
             int              *mem_fd,
             guint64           address,
             guint8           *buf,
             gsize             size)
{
  const gsize page = (gsize) sysconf (_SC_PAGESIZE);
  gsize done = 0;

  while (done < size)
    {
      guint64 at = address + done;
      gsize chunk = MIN (size - done, page - (gsize) (at % page));
      struct iovec local = { buf + done, chunk };
      struct iovec remote = { (void *) (guintptr) at, chunk };
      gssize n = -1;

      if (*mem_fd < 0)
        {
          n = process_vm_readv ((pid_t) self->pid, &local, 1, &remote, 1, 0);
          if (n < 0 && errno == ENOSYS)
            {
              char path[64];

              /* /proc/PID/mem: opened, then checked, then read, as the
               * kernel's documentation says, so that the file is the
               * target's. */
              g_snprintf (path, sizeof path, "/proc/%u/mem", self->pid);
              *mem_fd = open (path, O_RDONLY | O_CLOEXEC);
              if (*mem_fd < 0)
                break;
              if (!scmp_notification_is_valid (self))
                {
                  errno = ENOENT;
                  break;
                }
            }
        }
      if (*mem_fd >= 0)
        do
          n = pread (*mem_fd, buf + done, chunk, (off_t) at);
        while (n < 0 && errno == EINTR);

      if (n <= 0)
        {
          if (n == 0)
            errno = EFAULT;
          break;
        }
      done += (gsize) n;
      if ((gsize) n < chunk)
        break;
    }

  return done > 0 ? (gssize) done : -1;
}

static gboolean
check_readable (ScmpNotification  *self,
                const char        *what,
                GError           **error)
{
  if (self->pid == 0)
    {
      g_set_error (error, SCMP_ERROR, SCMP_ERROR_NOT_SUPPORTED,
                   "Could not %s: the target process is in a pid namespace "
                   "the supervisor cannot see", what);
      return FALSE;
    }
  return TRUE;
}

/* The request must still be pending after a read, or the bytes may come
 * from a process that reused the pid. */
static gboolean
check_still_pending (ScmpNotification  *self,
                     const char        *what,
                     GError           **error)
{
  guint64 id = self->id;
  int r;

  if (g_atomic_int_get (&self->answered))
    {
      g_set_error (error, SCMP_ERROR, SCMP_ERROR_NOT_PENDING,
                   "Could not %s: the notification was answered already, so "
                   "its process may have changed", what);
      return FALSE;
    }
  r = listener_ioctl (self, SECCOMP_IOCTL_NOTIF_ID_VALID, &id, NULL);
  if (r == -EBADF)
    {
      set_closed_error (error, "read the target of");
      return FALSE;
    }
  if (r < 0)
    {
      g_set_error (error, SCMP_ERROR, SCMP_ERROR_NOT_PENDING,
                   "Could not %s: the system call no longer waits (its "
                   "process was killed, or a signal interrupted it), so "
                   "what was read may not be the target's", what);
      return FALSE;
    }
  return TRUE;
}

static void
set_read_error (GError     **error,
                int          errsv,
                guint64      address,
                const char  *what)
{
  if (errsv == ENOENT || errsv == ESRCH)
    g_set_error (error, SCMP_ERROR, SCMP_ERROR_NOT_PENDING,
                 "Could not %s: the target process is gone", what);
  else
    g_set_error (error, SCMP_ERROR, SCMP_ERROR_FAILED,
                 "Could not %s at 0x%" G_GINT64_MODIFIER "x in the target "
                 "process: %s", what, address, g_strerror (errsv));
}

/**
 * scmp_notification_read_memory:
 * @self: a #ScmpNotification
 * @address: an address in the target process, e.g. a pointer argument
 * @size: how many bytes to read
 * @error: return location for a #GError
 *
 * Reads the target's memory, with `process_vm_readv(2)` or
 * `/proc/PID/mem`, and then checks that the request is still pending. The
 * supervisor needs the right to ptrace the target (same user, or
 * `CAP_SYS_PTRACE`, and Yama's rules).
 *
 * Returns: (transfer full): the bytes, fewer than @size if the readable
 *   memory ends before; or %NULL with @error set: %SCMP_ERROR_NOT_PENDING
 *   when the request went away (what was read is discarded),
 *   %SCMP_ERROR_FAILED when nothing could be read
 *
 * Since: 0.1
 */
GBytes *
scmp_notification_read_memory (ScmpNotification  *self,
                               guint64            address,
                               gsize              size,
                               GError           **error)
{
  g_autofree guint8 *buf = NULL;
  int mem_fd = -1;
  gssize n;
  int errsv;

  g_return_val_if_fail (SCMP_IS_NOTIFICATION (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_readable (self, "read the target's memory", error))
    return NULL;
  if (size == 0)
    return check_still_pending (self, "read the target's memory", error)
      ? g_bytes_new (NULL, 0) : NULL;

  buf = g_malloc (size);
  n = read_target (self, &mem_fd, address, buf, size);
  errsv = errno;
  if (mem_fd >= 0)
    close (mem_fd);
  if (!check_still_pending (self, "read the target's memory", error))
    return NULL;
  if (n < 0)
    {
      set_read_error (error, errsv, address, "read memory");
      return NULL;
    }
  return g_bytes_new_take (g_steal_pointer (&buf), (gsize) n);
}

/**
 * scmp_notification_read_path:
 * @self: a #ScmpNotification
 * @index: the index of a pointer argument, e.g. 0 for the path of
 *   `mkdir(2)`, 1 for that of `openat(2)`
 * @error: return location for a #GError
 *
 * Reads the NUL-terminated string argument @index points to, such as a
 * path, as scmp_notification_read_memory() does. A relative path is
 * relative to the target's working directory or to a descriptor argument
 * of the target (`/proc/PID/cwd`, `/proc/PID/fd/N`), not to the
 * supervisor's.
 *
 * Returns: (transfer full): the string, or %NULL with @error set:
 *   %SCMP_ERROR_INVALID_ARGUMENT when it is longer than `PATH_MAX` (4096
 *   bytes with its NUL), otherwise as scmp_notification_read_memory()
 *
 * Since: 0.1
 */
char *
scmp_notification_read_path (ScmpNotification  *self,
                             guint              index,
                             GError           **error)
{
  guint8 buf[PATH_MAX];
  guint64 address;
  int mem_fd = -1;
  gssize n;
  int errsv;
  const guint8 *nul;

  g_return_val_if_fail (SCMP_IS_NOTIFICATION (self), NULL);
  g_return_val_if_fail (index < SCMP_NOTIFICATION_N_ARGUMENTS, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_readable (self, "read the path argument", error))
    return NULL;

  address = self->args[index];
  n = read_target (self, &mem_fd, address, buf, sizeof buf);
  errsv = errno;
  if (mem_fd >= 0)
    close (mem_fd);
  if (!check_still_pending (self, "read the path argument", error))
    return NULL;
  if (n < 0)
    {
      set_read_error (error, errsv, address, "read the path argument");
      return NULL;
    }

  nul = memchr (buf, '\0', (gsize) n);
  if (nul == NULL)
    {
      if ((gsize) n == sizeof buf)
        g_set_error (error, SCMP_ERROR, SCMP_ERROR_INVALID_ARGUMENT,
                     "The path argument %u is longer than %d bytes",
                     index, PATH_MAX - 1);
      else
        set_read_error (error, EFAULT, address + (guint64) n, "read the path argument");
      return NULL;
    }
  return g_strndup ((const char *) buf, (gsize) (nul - buf));
}

/* ------------------------------------------------------------------ */
/* Answers                                                              */
/* ------------------------------------------------------------------ */

/* Claims the one answer; FALSE (and @error) if it was claimed already. */
static gboolean
claim_answer (ScmpNotification  *self,
              const char        *what,
              GError           **error)
{
  if (!g_atomic_int_compare_and_exchange (&self->answered, FALSE, TRUE))
    {
      set_answered_error (error, what);
      return FALSE;
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ANSWERED]);
  return TRUE;
}

static gboolean
send_response (ScmpNotification  *self,
               gint64             val,
               gint32             error_value,
               guint32            flags,
               GError           **error)
{
  gsize size = _scmp_notifier_resp_size (self->notifier);
  union {
    struct seccomp_notif_resp resp;
    guint8 bytes[128];
  } stack_buf;
  guint8 *buf = size <= sizeof stack_buf ? stack_buf.bytes : g_malloc (size);
  struct seccomp_notif_resp *resp = (struct seccomp_notif_resp *) buf;
  int r;

  memset (buf, 0, size);
  resp->id = self->id;
  resp->val = val;
  resp->error = error_value;
  resp->flags = flags;
  r = listener_ioctl (self, SECCOMP_IOCTL_NOTIF_SEND, buf, NULL);
  if (buf != stack_buf.bytes)
    g_free (buf);

  if (r == -EBADF)
    {
      set_closed_error (error, "answer");
      return FALSE;
    }
  if (r == -EINVAL && flags != 0)
    {
      g_set_error_literal (error, SCMP_ERROR, SCMP_ERROR_NOT_SUPPORTED,
                           "Could not let the call continue: the running "
                           "kernel has no SECCOMP_USER_NOTIF_FLAG_CONTINUE "
                           "(Linux 5.5 or later)");
      return FALSE;
    }
  if (r < 0)
    {
      _scmp_notification_set_ioctl_error (error, r, "answer");
      return FALSE;
    }
  return TRUE;
}

/* The target may be gone, or the notifier closed: nothing to tell. */
static void
send_fallback (ScmpNotification *self)
{
  send_response (self, 0, -scmp_notifier_get_fallback_errno (self->notifier), 0, NULL);
}

void
_scmp_notification_answer_fallback (ScmpNotification *self)
{
  if (self->notifier == NULL ||
      !g_atomic_int_compare_and_exchange (&self->answered, FALSE, TRUE))
    return;
  send_fallback (self);
}

/**
 * scmp_notification_respond_continue:
 * @self: a #ScmpNotification
 * @error: return location for a #GError
 *
 * Lets the kernel run the call as if the filter had allowed it
 * (`SECCOMP_USER_NOTIF_FLAG_CONTINUE`).
 *
 * This is no security decision: the target's memory can change between
 * the supervisor's reading it and the kernel's, so a call let through on
 * the strength of what a pointer argument held may do something else. Let
 * a call continue only when it would have been allowed whatever its
 * pointers hold; otherwise act in the target's place.
 *
 * Returns: %TRUE on success, %FALSE with @error set:
 *   %SCMP_ERROR_NOT_PENDING, %SCMP_ERROR_CLOSED, %SCMP_ERROR_NOT_SUPPORTED
 *   (before Linux 5.5)
 *
 * Since: 0.1
 */
gboolean
scmp_notification_respond_continue (ScmpNotification  *self,
                                    GError           **error)
{
  g_return_val_if_fail (SCMP_IS_NOTIFICATION (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!claim_answer (self, "answer", error))
    return FALSE;
  return send_response (self, 0, 0, SECCOMP_USER_NOTIF_FLAG_CONTINUE, error);
}

/**
 * scmp_notification_respond_errno:
 * @self: a #ScmpNotification
 * @errnum: an errno value, 1 to 4095
 * @error: return location for a #GError
 *
 * Makes the call fail with @errnum: it returns -1 with `errno` set, as
 * libc reports it.
 *
 * Returns: %TRUE on success, %FALSE with @error set:
 *   %SCMP_ERROR_INVALID_ARGUMENT for an @errnum out of range (nothing is
 *   sent), %SCMP_ERROR_NOT_PENDING, %SCMP_ERROR_CLOSED
 *
 * Since: 0.1
 */
gboolean
scmp_notification_respond_errno (ScmpNotification  *self,
                                 int                errnum,
                                 GError           **error)
{
  g_return_val_if_fail (SCMP_IS_NOTIFICATION (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (errnum < 1 || errnum > 4095)
    {
      g_set_error (error, SCMP_ERROR, SCMP_ERROR_INVALID_ARGUMENT,
                   "errno %d is out of range: a call can fail with 1 to "
                   "4095 (use scmp_notification_respond_value() for a "
                   "success)", errnum);
      return FALSE;
    }
  if (!claim_answer (self, "answer", error))
    return FALSE;
  return send_response (self, 0, -errnum, 0, error);
}

/**
 * scmp_notification_respond_value:
 * @self: a #ScmpNotification
 * @value: what the call returns
 * @error: return location for a #GError
 *
 * Makes the call succeed and return @value. A value from -4095 to -1 is
 * what a failing call returns, and libc reports it as an error.
 *
 * Returns: %TRUE on success, %FALSE with @error set:
 *   %SCMP_ERROR_NOT_PENDING, %SCMP_ERROR_CLOSED
 *
 * Since: 0.1
 */
gboolean
scmp_notification_respond_value (ScmpNotification  *self,
                                 gint64             value,
                                 GError           **error)
{
  g_return_val_if_fail (SCMP_IS_NOTIFICATION (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!claim_answer (self, "answer", error))
    return FALSE;
  return send_response (self, value, 0, 0, error);
}

static int
add_fd (ScmpNotification  *self,
        int                fd,
        int                target_fd,
        guint32            addfd_flags,
        ScmpAddFdFlags     flags,
        const char        *what,
        GError           **error)
{
  struct seccomp_notif_addfd addfd = { 0 };
  int result = -1;
  int r;

  addfd.id = self->id;
  addfd.srcfd = (guint32) fd;
  addfd.flags = addfd_flags;
  if (target_fd >= 0)
    {
      addfd.flags |= SECCOMP_ADDFD_FLAG_SETFD;
      addfd.newfd = (guint32) target_fd;
    }
  if ((flags & SCMP_ADD_FD_FLAGS_CLOEXEC) != 0)
    addfd.newfd_flags = O_CLOEXEC;

  r = listener_ioctl (self, SECCOMP_IOCTL_NOTIF_ADDFD, &addfd, &result);
  if (r == -EBADF && scmp_notifier_is_closed (self->notifier))
    {
      set_closed_error (error, what);
      return -1;
    }
  if (r == -EINVAL && (addfd_flags & SECCOMP_ADDFD_FLAG_SEND) != 0)
    {
      g_set_error_literal (error, SCMP_ERROR, SCMP_ERROR_NOT_SUPPORTED,
                           "Could not answer with a descriptor: the running "
                           "kernel has no SECCOMP_ADDFD_FLAG_SEND (Linux 5.14 "
                           "or later)");
      return -1;
    }
  if (r == -EBADF)
    {
      g_set_error (error, SCMP_ERROR, SCMP_ERROR_INVALID_ARGUMENT,
                   "Could not %s the notification: %d is not an open file "
                   "descriptor of the supervisor", what, fd);
      return -1;
    }
  if (r < 0)
    {
      _scmp_notification_set_ioctl_error (error, r, what);
      return -1;
    }
  return result;
}

/**
 * scmp_notification_add_fd:
 * @self: a #ScmpNotification
 * @fd: a file descriptor of the supervisor's
 * @target_fd: the number it gets in the target, or -1 for the lowest free
 *   one; an open descriptor with that number is closed first
 *   (`SECCOMP_ADDFD_FLAG_SETFD`)
 * @flags: #ScmpAddFdFlags
 * @error: return location for a #GError
 *
 * Installs a copy of @fd in the target process while its call waits
 * (`SECCOMP_IOCTL_NOTIF_ADDFD`, Linux 5.9 or later), without answering
 * the call. @fd stays the caller's.
 *
 * Returns: the descriptor's number in the target, or -1 with @error set:
 *   %SCMP_ERROR_NOT_PENDING, %SCMP_ERROR_CLOSED,
 *   %SCMP_ERROR_INVALID_ARGUMENT for a bad @fd, %SCMP_ERROR_NOT_SUPPORTED,
 *   %SCMP_ERROR_FAILED (e.g. the target has too many open files)
 *
 * Since: 0.1
 */
int
scmp_notification_add_fd (ScmpNotification  *self,
                          int                fd,
                          int                target_fd,
                          ScmpAddFdFlags     flags,
                          GError           **error)
{
  g_return_val_if_fail (SCMP_IS_NOTIFICATION (self), -1);
  g_return_val_if_fail (target_fd >= -1, -1);
  g_return_val_if_fail (error == NULL || *error == NULL, -1);

  if (g_atomic_int_get (&self->answered))
    {
      set_answered_error (error, "add a descriptor to");
      return -1;
    }
  return add_fd (self, fd, target_fd, 0, flags, "add a descriptor to", error);
}

/**
 * scmp_notification_respond_fd:
 * @self: a #ScmpNotification
 * @fd: a file descriptor of the supervisor's
 * @flags: #ScmpAddFdFlags
 * @error: return location for a #GError
 *
 * Installs a copy of @fd in the target and answers the call with its
 * number, in one step (`SECCOMP_ADDFD_FLAG_SEND`, Linux 5.14 or later):
 * the way to answer an `openat(2)` the supervisor performed itself. @fd
 * stays the caller's.
 *
 * Returns: the descriptor's number in the target, or -1 with @error set,
 *   as scmp_notification_add_fd()
 *
 * Since: 0.1
 */
int
scmp_notification_respond_fd (ScmpNotification  *self,
                              int                fd,
                              ScmpAddFdFlags     flags,
                              GError           **error)
{
  g_autoptr(GError) local_error = NULL;
  int r;

  g_return_val_if_fail (SCMP_IS_NOTIFICATION (self), -1);
  g_return_val_if_fail (error == NULL || *error == NULL, -1);

  if (!claim_answer (self, "answer", error))
    return -1;
  r = add_fd (self, fd, -1, SECCOMP_ADDFD_FLAG_SEND, flags, "answer", &local_error);
  if (r < 0)
    {
      if (!g_error_matches (local_error, SCMP_ERROR, SCMP_ERROR_NOT_PENDING) &&
          !g_error_matches (local_error, SCMP_ERROR, SCMP_ERROR_CLOSED))
        {
          /* Nothing was sent: the call still waits, and gets the fallback
           * errno rather than hanging. */
          send_fallback (self);
        }
      g_propagate_error (error, g_steal_pointer (&local_error));
    }
  return r;
}
