/* scmp-kernel.c: what the running kernel supports, and loading filters
 *
 * SPDX-FileCopyrightText: 2026 The scmp-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "scmp-kernel.h"
#include "scmp-kernel-private.h"
#include "scmp-error.h"
#include "scmp-error-private.h"

#include <errno.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <linux/filter.h>
#include <linux/seccomp.h>

/**
 * SECTION:scmp-kernel
 * @title: Kernel support
 * @short_description: what the running kernel's seccomp can do
 *
 * Seccomp grew over many kernel releases: filters arrived in Linux 3.5, the
 * seccomp(2) system call and %SCMP_LOAD_FLAGS_TSYNC in 3.17, the LOG and
 * KILL_PROCESS actions in 4.14, user notification in 5.0, and more flags
 * since. The functions here ask the running kernel what it supports, so
 * that a program can choose a fallback before it builds or loads a filter.
 *
 * The probes never install a filter and never change the process: an
 * action is checked with `SECCOMP_GET_ACTION_AVAIL`, and a flag by calling
 * `seccomp(SECCOMP_SET_MODE_FILTER, flag, NULL)`, which the kernel refuses
 * with `EINVAL` when it does not know the flag and with `EFAULT` (it could
 * not read the program) when it does — the method libseccomp uses too.
 * Results are computed once per process and cached; all the functions are
 * thread-safe.
 */

#ifndef SECCOMP_GET_ACTION_AVAIL
#define SECCOMP_GET_ACTION_AVAIL 2
#endif
#ifndef SECCOMP_FILTER_FLAG_TSYNC_ESRCH
#define SECCOMP_FILTER_FLAG_TSYNC_ESRCH (1UL << 4)
#endif
#ifndef SECCOMP_FILTER_FLAG_WAIT_KILLABLE_RECV
#define SECCOMP_FILTER_FLAG_WAIT_KILLABLE_RECV (1UL << 5)
#endif

static const struct {
  ScmpLoadFlags flag;
  guint         kernel_flag;
  const char   *name;
} load_flags[] = {
  { SCMP_LOAD_FLAGS_TSYNC, SECCOMP_FILTER_FLAG_TSYNC, "TSYNC" },
  { SCMP_LOAD_FLAGS_LOG, SECCOMP_FILTER_FLAG_LOG, "LOG" },
  { SCMP_LOAD_FLAGS_SPEC_ALLOW, SECCOMP_FILTER_FLAG_SPEC_ALLOW, "SPEC_ALLOW" },
  { SCMP_LOAD_FLAGS_NEW_LISTENER, SECCOMP_FILTER_FLAG_NEW_LISTENER, "NEW_LISTENER" },
  { SCMP_LOAD_FLAGS_TSYNC_ESRCH, SECCOMP_FILTER_FLAG_TSYNC_ESRCH, "TSYNC_ESRCH" },
  { SCMP_LOAD_FLAGS_WAIT_KILLABLE_RECV, SECCOMP_FILTER_FLAG_WAIT_KILLABLE_RECV, "WAIT_KILLABLE_RECV" },
};

static inline long
sys_seccomp (unsigned int  op,
             unsigned int  flags,
             void         *args)
{
#ifdef SYS_seccomp
  return syscall (SYS_seccomp, op, flags, args);
#else
  errno = ENOSYS;
  return -1;
#endif
}

guint
_scmp_kernel_flags_from_load_flags (ScmpLoadFlags flags)
{
  guint kernel_flags = 0;
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (load_flags); i++)
    if ((flags & load_flags[i].flag) != 0)
      kernel_flags |= load_flags[i].kernel_flag;

  return kernel_flags;
}

/* Filter mode is there when a NULL program is refused for being NULL
 * (EFAULT), by seccomp(2) or, before Linux 3.17, by prctl(2). Neither call
 * can install anything: the kernel copies the program before it looks at
 * the process. */
static gboolean
probe_has_seccomp (void)
{
  int errsv = errno;
  gboolean ret = FALSE;

  if (sys_seccomp (SECCOMP_SET_MODE_FILTER, 0, NULL) < 0)
    {
      if (errno == EFAULT)
        ret = TRUE;
      else if (errno == ENOSYS &&
               prctl (PR_SET_SECCOMP, SECCOMP_MODE_FILTER, NULL, 0, 0) < 0 &&
               errno == EFAULT)
        ret = TRUE;
    }

  errno = errsv;
  return ret;
}

/**
 * scmp_kernel_has_seccomp:
 *
 * Tells whether the running kernel supports seccomp filters
 * (`CONFIG_SECCOMP_FILTER`), through seccomp(2) or, on kernels older than
 * Linux 3.17, through `prctl(PR_SET_SECCOMP)`.
 *
 * A process confined by a filter that forbids seccomp(2) and prctl(2)
 * sees %FALSE here.
 *
 * Returns: %TRUE if filters can be loaded
 *
 * Since: 0.1
 */
gboolean
scmp_kernel_has_seccomp (void)
{
  static gsize cached = 0;  /* 0 not probed, 1 no, 2 yes */

  if (g_once_init_enter (&cached))
    g_once_init_leave (&cached, probe_has_seccomp () ? 2 : 1);

  return cached == 2;
}

static gboolean
probe_action (ScmpActionKind kind)
{
  guint32 action = _scmp_kernel_action_value (kind);
  int errsv = errno;
  gboolean ret;

  if (sys_seccomp (SECCOMP_GET_ACTION_AVAIL, 0, &action) == 0)
    ret = TRUE;
  else if (errno == EOPNOTSUPP)
    ret = FALSE;
  else
    {
      /* No SECCOMP_GET_ACTION_AVAIL (before Linux 4.14) or no seccomp(2)
       * at all: the actions of Linux 3.5 exist wherever filters do. */
      switch (kind)
        {
        case SCMP_ACTION_KIND_KILL_THREAD:
        case SCMP_ACTION_KIND_TRAP:
        case SCMP_ACTION_KIND_ERRNO:
        case SCMP_ACTION_KIND_TRACE:
        case SCMP_ACTION_KIND_ALLOW:
          ret = scmp_kernel_has_seccomp ();
          break;
        case SCMP_ACTION_KIND_KILL_PROCESS:
        case SCMP_ACTION_KIND_NOTIFY:
        case SCMP_ACTION_KIND_LOG:
        default:
          ret = FALSE;
          break;
        }
    }

  errno = errsv;
  return ret;
}

/**
 * scmp_kernel_supports_action:
 * @kind: an action kind
 *
 * Tells whether the running kernel knows the action @kind, as reported by
 * `seccomp(SECCOMP_GET_ACTION_AVAIL)` (the same list as
 * `/proc/sys/kernel/seccomp/actions_avail`). On kernels older than 4.14,
 * which cannot be asked, the actions of Linux 3.5 (KILL_THREAD, TRAP,
 * ERRNO, TRACE, ALLOW) are reported as supported whenever
 * scmp_kernel_has_seccomp() is %TRUE, and the others as unsupported.
 *
 * Returns: %TRUE if a filter may return @kind
 *
 * Since: 0.1
 */
gboolean
scmp_kernel_supports_action (ScmpActionKind kind)
{
  static gint cache[SCMP_N_ACTION_KINDS];  /* 0 not probed, 1 no, 2 yes */
  gint value;

  g_return_val_if_fail ((guint) kind < SCMP_N_ACTION_KINDS, FALSE);

  /* Probing twice from two threads is harmless: both get the same answer. */
  value = g_atomic_int_get (&cache[kind]);
  if (value == 0)
    {
      value = probe_action (kind) ? 2 : 1;
      g_atomic_int_set (&cache[kind], value);
    }

  return value == 2;
}

static ScmpLoadFlags
probe_flags (void)
{
  ScmpLoadFlags supported = SCMP_LOAD_FLAGS_NONE;
  int errsv = errno;
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (load_flags); i++)
    {
      guint probe = load_flags[i].kernel_flag;

      /* The kernel refuses WAIT_KILLABLE_RECV without NEW_LISTENER. */
      if (probe == SECCOMP_FILTER_FLAG_WAIT_KILLABLE_RECV)
        probe |= SECCOMP_FILTER_FLAG_NEW_LISTENER;

      if (sys_seccomp (SECCOMP_SET_MODE_FILTER, probe, NULL) < 0 &&
          errno == EFAULT)
        supported |= load_flags[i].flag;
    }

  errno = errsv;
  return supported;
}

/**
 * scmp_kernel_get_supported_flags:
 *
 * Finds out which flags of `seccomp(SECCOMP_SET_MODE_FILTER)` the running
 * kernel knows. Each flag is probed without installing a filter. Without
 * seccomp(2) (Linux < 3.17) no flag can be used, and the result is
 * %SCMP_LOAD_FLAGS_NONE.
 *
 * Returns: the supported #ScmpLoadFlags
 *
 * Since: 0.1
 */
ScmpLoadFlags
scmp_kernel_get_supported_flags (void)
{
  /* Bit 31 marks the value as probed, so that "no flag" is not 0. */
  static gsize cached = 0;

  if (g_once_init_enter (&cached))
    g_once_init_leave (&cached, (gsize) probe_flags () | ((gsize) 1 << 31));

  return (ScmpLoadFlags) (cached & ~((gsize) 1 << 31));
}

int
_scmp_kernel_load (const struct sock_filter *prog,
                   unsigned short            n_insns,
                   ScmpLoadFlags             flags,
                   gboolean                  set_no_new_privs,
                   int                      *listener_fd_out)
{
  struct sock_fprog fprog;
  unsigned int kernel_flags = _scmp_kernel_flags_from_load_flags (flags);
  int errsv = errno;
  long rc;
  int ret = 0;

  /* Nothing here may allocate or lock: this runs after fork(). */
  if (listener_fd_out != NULL)
    *listener_fd_out = -1;

  fprog.len = n_insns;
  fprog.filter = (struct sock_filter *) prog;

  if (set_no_new_privs && prctl (PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0)
    {
      ret = -errno;
      goto out;
    }

  rc = sys_seccomp (SECCOMP_SET_MODE_FILTER, kernel_flags, &fprog);
  if (rc < 0)
    {
      ret = -errno;
      if (ret == -ENOSYS && kernel_flags == 0)
        {
          /* Linux 3.5 to 3.16. */
          if (prctl (PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &fprog, 0, 0) != 0)
            ret = -errno;
          else
            ret = 0;
        }
      goto out;
    }

  if ((kernel_flags & SECCOMP_FILTER_FLAG_NEW_LISTENER) != 0)
    {
      /* The kernel refuses TSYNC | NEW_LISTENER without TSYNC_ESRCH, so a
       * positive value here is the listener. */
      if (listener_fd_out != NULL)
        *listener_fd_out = (int) rc;
      else
        close ((int) rc);
    }
  else if ((kernel_flags & SECCOMP_FILTER_FLAG_TSYNC) != 0 && rc > 0)
    {
      /* TSYNC without TSYNC_ESRCH: rc is the id of a thread that could not
       * be synchronized, and nothing was installed. */
      ret = -ESRCH;
    }

out:
  errno = errsv;
  return ret;
}

static char *
describe_flags (ScmpLoadFlags flags)
{
  GString *s = g_string_new (NULL);
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (load_flags); i++)
    if ((flags & load_flags[i].flag) != 0)
      {
        if (s->len > 0)
          g_string_append (s, ", ");
        g_string_append (s, load_flags[i].name);
      }

  if (s->len == 0)
    g_string_append (s, "none");

  return g_string_free (s, FALSE);
}

void
_scmp_kernel_set_load_error (GError        **error,
                             int             neg_errno,
                             ScmpLoadFlags   flags)
{
  int errsv = -neg_errno;
  char *message = NULL;

  g_return_if_fail (neg_errno < 0);

  switch (errsv)
    {
    case EACCES:
      message = g_strdup ("The kernel refused the filter: the process has "
                          "neither no_new_privs set nor CAP_SYS_ADMIN");
      break;

    case EINVAL:
      {
        ScmpLoadFlags unknown = flags & ~scmp_kernel_get_supported_flags ();

        if ((flags & SCMP_LOAD_FLAGS_TSYNC) != 0 &&
            (flags & SCMP_LOAD_FLAGS_NEW_LISTENER) != 0 &&
            (flags & SCMP_LOAD_FLAGS_TSYNC_ESRCH) == 0)
          message = g_strdup ("The kernel refused the filter: TSYNC and "
                              "NEW_LISTENER can only be combined with "
                              "TSYNC_ESRCH");
        else if ((flags & SCMP_LOAD_FLAGS_WAIT_KILLABLE_RECV) != 0 &&
                 (flags & SCMP_LOAD_FLAGS_NEW_LISTENER) == 0)
          message = g_strdup ("The kernel refused the filter: "
                              "WAIT_KILLABLE_RECV needs NEW_LISTENER");
        else if (unknown != 0 && scmp_kernel_has_seccomp ())
          {
            char *names = describe_flags (unknown);

            message = g_strdup_printf ("The kernel refused the filter: it "
                                       "does not know the flags %s", names);
            g_free (names);
          }
        else
          {
            char *names = describe_flags (flags);

            message = g_strdup_printf ("The kernel refused the filter as "
                                       "invalid: the program failed the "
                                       "kernel's checks, or the flags (%s) "
                                       "are not accepted", names);
            g_free (names);
          }
      }
      break;

    case ENOMEM:
      message = g_strdup ("The kernel refused the filter: the filters "
                          "attached to this thread would exceed 32768 "
                          "instructions in total (each filter counts 4 "
                          "more than its length), or memory is exhausted");
      break;

    case EBUSY:
      if ((flags & SCMP_LOAD_FLAGS_NEW_LISTENER) != 0)
        message = g_strdup ("The kernel refused the filter: another filter "
                            "of this thread already has a user-notification "
                            "listener");
      break;

    case ESRCH:
      if ((flags & SCMP_LOAD_FLAGS_TSYNC) != 0)
        message = g_strdup ("The kernel refused the filter: another thread "
                            "could not be synchronized (its seccomp filters "
                            "differ, or it is in a seccomp mode of its own); "
                            "no thread got the filter");
      break;

    case EFAULT:
      message = g_strdup ("The kernel could not read the filter program "
                          "(bad address)");
      break;

    case ENOSYS:
      if (flags != SCMP_LOAD_FLAGS_NONE)
        message = g_strdup ("The kernel has no seccomp(2) system call, "
                            "which load flags need");
      else
        message = g_strdup ("The kernel does not support seccomp filters");
      break;

    default:
      break;
    }

  if (message == NULL)
    {
      _scmp_set_error_from_errno (error, SCMP_ERROR_LOAD_FAILED, errsv,
                                  "The kernel refused the filter");
      return;
    }

  g_set_error (error, SCMP_ERROR, SCMP_ERROR_LOAD_FAILED, "%s (%s)",
               message, _scmp_errno_name (errsv));
  g_free (message);
}
