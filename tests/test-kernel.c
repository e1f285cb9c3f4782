/* test-kernel.c: kernel probes and the seccomp loader
 *
 * SPDX-FileCopyrightText: 2026 The scmp-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "scmp-kernel.h"
#include "scmp-kernel-private.h"
#include "scmp-error.h"
#include "scmp-error-private.h"

#include "test-seccomp-helpers.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/utsname.h>
#include <unistd.h>

#include <linux/filter.h>
#include <linux/seccomp.h>

#define ALL_FLAGS (SCMP_LOAD_FLAGS_TSYNC | SCMP_LOAD_FLAGS_LOG | \
                   SCMP_LOAD_FLAGS_SPEC_ALLOW | SCMP_LOAD_FLAGS_NEW_LISTENER | \
                   SCMP_LOAD_FLAGS_TSYNC_ESRCH | SCMP_LOAD_FLAGS_WAIT_KILLABLE_RECV)

/* getppid() fails with EPERM; everything else is allowed. */
static const struct sock_filter deny_getppid[] = {
  BPF_STMT (BPF_LD | BPF_W | BPF_ABS, 0),
  BPF_JUMP (BPF_JMP | BPF_JEQ | BPF_K, __NR_getppid, 0, 1),
  BPF_STMT (BPF_RET | BPF_K, SECCOMP_RET_ERRNO | EPERM),
  BPF_STMT (BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
};

/* getppid() fails with EACCES. */
static const struct sock_filter deny_getppid_eacces[] = {
  BPF_STMT (BPF_LD | BPF_W | BPF_ABS, 0),
  BPF_JUMP (BPF_JMP | BPF_JEQ | BPF_K, __NR_getppid, 0, 1),
  BPF_STMT (BPF_RET | BPF_K, SECCOMP_RET_ERRNO | EACCES),
  BPF_STMT (BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
};

static const struct sock_filter allow_all[] = {
  BPF_STMT (BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
};

static const struct sock_filter no_ret[] = {
  BPF_STMT (BPF_LD | BPF_W | BPF_ABS, 0),
};

static gboolean
kernel_at_least (int major,
                 int minor)
{
  struct utsname u;
  int ma = 0, mi = 0;

  g_assert_no_errno (uname (&u));
  if (sscanf (u.release, "%d.%d", &ma, &mi) != 2)
    return FALSE;
  return ma > major || (ma == major && mi >= minor);
}

static void
assert_getppid_fails (int expected_errno)
{
  errno = 0;
  g_assert_cmpint (syscall (SYS_getppid), ==, -1);
  g_assert_cmpint (errno, ==, expected_errno);
}

static void
assert_getppid_works (void)
{
  g_assert_cmpint (syscall (SYS_getppid), >, 0);
}

/* --- probes ---------------------------------------------------------------- */

static void
test_probe_has_seccomp (void)
{
  char *status = NULL;

  g_assert_true (g_file_get_contents ("/proc/self/status", &status, NULL, NULL));
  /* "Seccomp_filters:" exists when CONFIG_SECCOMP_FILTER does. */
  g_assert_cmpint (scmp_kernel_has_seccomp (), ==,
                   strstr (status, "\nSeccomp_filters:") != NULL);
  /* Cached: the same answer again, and errno untouched. */
  errno = 1234;
  g_assert_cmpint (scmp_kernel_has_seccomp (), ==,
                   strstr (status, "\nSeccomp_filters:") != NULL);
  g_assert_cmpint (errno, ==, 1234);
  g_free (status);
}

static void
test_probe_actions (void)
{
  static const struct {
    ScmpActionKind kind;
    const char *name;
  } names[] = {
    { SCMP_ACTION_KIND_KILL_PROCESS, "kill_process" },
    { SCMP_ACTION_KIND_KILL_THREAD, "kill_thread" },
    { SCMP_ACTION_KIND_TRAP, "trap" },
    { SCMP_ACTION_KIND_ERRNO, "errno" },
    { SCMP_ACTION_KIND_NOTIFY, "user_notif" },
    { SCMP_ACTION_KIND_TRACE, "trace" },
    { SCMP_ACTION_KIND_LOG, "log" },
    { SCMP_ACTION_KIND_ALLOW, "allow" },
  };
  char *contents = NULL;
  char **avail;
  gsize i;

  if (!g_file_get_contents ("/proc/sys/kernel/seccomp/actions_avail",
                            &contents, NULL, NULL))
    {
      scmp_test_skip_machine ("the kernel has no /proc/sys/kernel/seccomp/actions_avail");
      return;
    }

  avail = g_strsplit_set (g_strstrip (contents), " ", -1);
  for (i = 0; i < G_N_ELEMENTS (names); i++)
    {
      gboolean listed = g_strv_contains ((const char * const *) avail, names[i].name);

      g_test_message ("%s: %s", names[i].name, listed ? "yes" : "no");
      g_assert_cmpint (scmp_kernel_supports_action (names[i].kind), ==, listed);
      /* Cached answer. */
      g_assert_cmpint (scmp_kernel_supports_action (names[i].kind), ==, listed);
    }

  g_strfreev (avail);
  g_free (contents);
}

static void
test_probe_actions_invalid (void)
{
  if (g_test_subprocess ())
    {
      scmp_kernel_supports_action ((ScmpActionKind) 100);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*Scmp-CRITICAL*kind*");
}

static void
test_probe_flags (void)
{
  ScmpLoadFlags flags;

  if (skip_without_seccomp ())
    return;

  flags = scmp_kernel_get_supported_flags ();
  g_test_message ("supported flags: 0x%x", flags);
  g_assert_cmphex (flags & ~ALL_FLAGS, ==, 0);

  /* TSYNC is Linux 3.17, WAIT_KILLABLE_RECV 5.19. */
  g_assert_true (flags & SCMP_LOAD_FLAGS_TSYNC);
  if (kernel_at_least (5, 19))
    g_assert_cmphex (flags, ==, ALL_FLAGS);

  g_assert_cmphex (scmp_kernel_get_supported_flags (), ==, flags);

  /* Probing installed nothing. */
  g_assert_cmpint (prctl (PR_GET_SECCOMP, 0, 0, 0, 0), ==, 0);
  g_assert_cmpint (prctl (PR_GET_NO_NEW_PRIVS, 0, 0, 0, 0), ==, 0);
}

static gpointer
probe_thread (gpointer data)
{
  guint i;
  guint *results = data;

  for (i = 0; i < 100; i++)
    {
      results[0] |= scmp_kernel_get_supported_flags ();
      results[1] += scmp_kernel_supports_action (SCMP_ACTION_KIND_LOG);
      results[2] += scmp_kernel_has_seccomp ();
    }
  return NULL;
}

static void
test_probe_threads (void)
{
  /* Run in a fresh process so that the caches start empty. */
  if (g_test_subprocess ())
    {
      GThread *threads[8];
      guint results[8][3] = { { 0 } };
      gsize i;

      for (i = 0; i < G_N_ELEMENTS (threads); i++)
        threads[i] = g_thread_new ("probe", probe_thread, results[i]);
      for (i = 0; i < G_N_ELEMENTS (threads); i++)
        g_thread_join (threads[i]);
      for (i = 1; i < G_N_ELEMENTS (threads); i++)
        {
          g_assert_cmphex (results[i][0], ==, results[0][0]);
          g_assert_cmpuint (results[i][1], ==, results[0][1]);
          g_assert_cmpuint (results[i][2], ==, results[0][2]);
        }
      g_assert_cmphex (results[0][0], ==, scmp_kernel_get_supported_flags ());
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

static void
test_flag_mapping (void)
{
  g_assert_cmphex (_scmp_kernel_flags_from_load_flags (SCMP_LOAD_FLAGS_NONE), ==, 0);
  g_assert_cmphex (_scmp_kernel_flags_from_load_flags (SCMP_LOAD_FLAGS_TSYNC), ==, SECCOMP_FILTER_FLAG_TSYNC);
  g_assert_cmphex (_scmp_kernel_flags_from_load_flags (SCMP_LOAD_FLAGS_LOG), ==, SECCOMP_FILTER_FLAG_LOG);
  g_assert_cmphex (_scmp_kernel_flags_from_load_flags (SCMP_LOAD_FLAGS_SPEC_ALLOW), ==, SECCOMP_FILTER_FLAG_SPEC_ALLOW);
  g_assert_cmphex (_scmp_kernel_flags_from_load_flags (SCMP_LOAD_FLAGS_NEW_LISTENER), ==, SECCOMP_FILTER_FLAG_NEW_LISTENER);
  g_assert_cmphex (_scmp_kernel_flags_from_load_flags (SCMP_LOAD_FLAGS_TSYNC_ESRCH), ==, SECCOMP_FILTER_FLAG_TSYNC_ESRCH);
  g_assert_cmphex (_scmp_kernel_flags_from_load_flags (SCMP_LOAD_FLAGS_WAIT_KILLABLE_RECV), ==, SECCOMP_FILTER_FLAG_WAIT_KILLABLE_RECV);
  g_assert_cmphex (_scmp_kernel_flags_from_load_flags (ALL_FLAGS), ==, 0x3f);

  g_assert_cmphex (_scmp_kernel_action_value (SCMP_ACTION_KIND_KILL_PROCESS), ==, 0x80000000);
  g_assert_cmphex (_scmp_kernel_action_value (SCMP_ACTION_KIND_KILL_THREAD), ==, 0);
  g_assert_cmphex (_scmp_kernel_action_value (SCMP_ACTION_KIND_TRAP), ==, 0x30000);
  g_assert_cmphex (_scmp_kernel_action_value (SCMP_ACTION_KIND_ERRNO), ==, 0x50000);
  g_assert_cmphex (_scmp_kernel_action_value (SCMP_ACTION_KIND_NOTIFY), ==, 0x7fc00000);
  g_assert_cmphex (_scmp_kernel_action_value (SCMP_ACTION_KIND_TRACE), ==, 0x7ff00000);
  g_assert_cmphex (_scmp_kernel_action_value (SCMP_ACTION_KIND_LOG), ==, 0x7ffc0000);
  g_assert_cmphex (_scmp_kernel_action_value (SCMP_ACTION_KIND_ALLOW), ==, 0x7fff0000);
  g_assert_cmphex (_scmp_kernel_action_value ((ScmpActionKind) 99), ==, 0xffffffff);
}

/* --- error messages -------------------------------------------------------- */

static void
assert_load_error (int           neg_errno,
                   ScmpLoadFlags flags,
                   const char   *pattern)
{
  GError *error = NULL;

  _scmp_kernel_set_load_error (&error, neg_errno, flags);
  g_assert_error (error, SCMP_ERROR, SCMP_ERROR_LOAD_FAILED);
  if (!g_pattern_match_simple (pattern, error->message))
    g_error ("“%s” does not match “%s”", error->message, pattern);
  g_error_free (error);
}

static void
test_load_error_messages (void)
{
  assert_load_error (-EACCES, 0,
                     "The kernel refused the filter: the process has neither "
                     "no_new_privs set nor CAP_SYS_ADMIN (EACCES)");
  assert_load_error (-EINVAL, 0,
                     "The kernel refused the filter as invalid: the program "
                     "failed the kernel's checks, or the flags (none) are not "
                     "accepted (EINVAL)");
  assert_load_error (-EINVAL, SCMP_LOAD_FLAGS_TSYNC | SCMP_LOAD_FLAGS_NEW_LISTENER,
                     "*TSYNC and NEW_LISTENER can only be combined with TSYNC_ESRCH (EINVAL)");
  assert_load_error (-EINVAL, SCMP_LOAD_FLAGS_WAIT_KILLABLE_RECV,
                     "*WAIT_KILLABLE_RECV needs NEW_LISTENER (EINVAL)");
  assert_load_error (-EINVAL, SCMP_LOAD_FLAGS_LOG,
                     "*flags (LOG) are not accepted (EINVAL)");
  assert_load_error (-ENOMEM, 0, "*exceed 32768 instructions*(ENOMEM)");
  assert_load_error (-EBUSY, SCMP_LOAD_FLAGS_NEW_LISTENER,
                     "*another filter of this thread already has a user-notification listener (EBUSY)");
  assert_load_error (-EBUSY, 0, "The kernel refused the filter: Device or resource busy (EBUSY)");
  assert_load_error (-ESRCH, SCMP_LOAD_FLAGS_TSYNC,
                     "*another thread could not be synchronized*no thread got the filter (ESRCH)");
  assert_load_error (-EFAULT, 0, "The kernel could not read the filter program (bad address) (EFAULT)");
  assert_load_error (-ENOSYS, 0, "The kernel does not support seccomp filters (ENOSYS)");
  assert_load_error (-ENOSYS, SCMP_LOAD_FLAGS_LOG, "*no seccomp(2) system call*(ENOSYS)");
  assert_load_error (-E2BIG, 0, "The kernel refused the filter: Argument list too long (E2BIG)");
  assert_load_error (-4000, 0, "The kernel refused the filter: *4000 (unknown errno)");

  /* The one place both kinds of message take the name from. */
  g_assert_cmpstr (_scmp_errno_name (EPERM), ==, "EPERM");
  g_assert_cmpstr (_scmp_errno_name (EACCES), ==, "EACCES");
  g_assert_cmpstr (_scmp_errno_name (4000), ==, "unknown errno");
}

/* --- loading, always in a child -------------------------------------------- */

static void
test_load_basic (void)
{
  if (skip_without_seccomp ())
    return;

  if (g_test_subprocess ())
    {
      int fd = 1234;

      assert_getppid_works ();
      g_assert_cmpint (_scmp_kernel_load (deny_getppid, G_N_ELEMENTS (deny_getppid),
                                          SCMP_LOAD_FLAGS_NONE, TRUE, &fd), ==, 0);
      g_assert_cmpint (fd, ==, -1);
      g_assert_cmpint (prctl (PR_GET_NO_NEW_PRIVS, 0, 0, 0, 0), ==, 1);
      g_assert_cmpint (prctl (PR_GET_SECCOMP, 0, 0, 0, 0), ==, SECCOMP_MODE_FILTER);
      assert_getppid_fails (EPERM);

      /* Filters stack: the most restrictive wins; ERRNO ties go to the
       * newest filter. */
      g_assert_cmpint (_scmp_kernel_load (deny_getppid_eacces, G_N_ELEMENTS (deny_getppid_eacces),
                                          SCMP_LOAD_FLAGS_LOG, FALSE, NULL), ==, 0);
      assert_getppid_fails (EACCES);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

static void
test_load_invalid (void)
{
  if (skip_without_seccomp ())
    return;

  if (g_test_subprocess ())
    {
      GError *error = NULL;
      int ret;

      ret = _scmp_kernel_load (no_ret, G_N_ELEMENTS (no_ret), SCMP_LOAD_FLAGS_NONE, TRUE, NULL);
      g_assert_cmpint (ret, ==, -EINVAL);
      _scmp_kernel_set_load_error (&error, ret, SCMP_LOAD_FLAGS_NONE);
      g_assert_error (error, SCMP_ERROR, SCMP_ERROR_LOAD_FAILED);
      g_assert_nonnull (strstr (error->message, "refused the filter as invalid"));
      g_clear_error (&error);

      /* Zero instructions. */
      g_assert_cmpint (_scmp_kernel_load (allow_all, 0, SCMP_LOAD_FLAGS_NONE, TRUE, NULL), ==, -EINVAL);

      /* A bad pointer. */
      g_assert_cmpint (_scmp_kernel_load ((const struct sock_filter *) 8, 1,
                                          SCMP_LOAD_FLAGS_NONE, TRUE, NULL), ==, -EFAULT);

      /* Flags the kernel refuses together. */
      ret = _scmp_kernel_load (allow_all, 1, SCMP_LOAD_FLAGS_TSYNC | SCMP_LOAD_FLAGS_NEW_LISTENER,
                               TRUE, NULL);
      g_assert_cmpint (ret, ==, -EINVAL);
      _scmp_kernel_set_load_error (&error, ret, SCMP_LOAD_FLAGS_TSYNC | SCMP_LOAD_FLAGS_NEW_LISTENER);
      g_assert_nonnull (strstr (error->message, "TSYNC_ESRCH"));
      g_clear_error (&error);

      g_assert_cmpint (_scmp_kernel_load (allow_all, 1, SCMP_LOAD_FLAGS_WAIT_KILLABLE_RECV,
                                          TRUE, NULL), ==, -EINVAL);

      /* Nothing was installed, but NNP stays set. */
      g_assert_cmpint (prctl (PR_GET_SECCOMP, 0, 0, 0, 0), ==, 0);
      g_assert_cmpint (prctl (PR_GET_NO_NEW_PRIVS, 0, 0, 0, 0), ==, 1);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

static void
test_load_without_nnp (void)
{
  if (skip_without_seccomp ())
    return;

  if (!has_cap_sys_admin ())
    {
      g_test_skip ("Needs CAP_SYS_ADMIN (run as root)");
      return;
    }

  if (g_test_subprocess ())
    {
      /* CAP_SYS_ADMIN is enough without no_new_privs. */
      g_assert_cmpint (_scmp_kernel_load (deny_getppid, G_N_ELEMENTS (deny_getppid),
                                          SCMP_LOAD_FLAGS_NONE, FALSE, NULL), ==, 0);
      g_assert_cmpint (prctl (PR_GET_NO_NEW_PRIVS, 0, 0, 0, 0), ==, 0);
      assert_getppid_fails (EPERM);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

static void
test_load_eacces (void)
{
  if (skip_without_seccomp ())
    return;

  if (g_test_subprocess ())
    {
      GError *error = NULL;
      int ret;

      if (has_cap_sys_admin ())
        drop_cap_sys_admin ();
      g_assert_cmpint (prctl (PR_GET_NO_NEW_PRIVS, 0, 0, 0, 0), ==, 0);

      ret = _scmp_kernel_load (deny_getppid, G_N_ELEMENTS (deny_getppid),
                               SCMP_LOAD_FLAGS_NONE, FALSE, NULL);
      g_assert_cmpint (ret, ==, -EACCES);
      _scmp_kernel_set_load_error (&error, ret, SCMP_LOAD_FLAGS_NONE);
      g_assert_error (error, SCMP_ERROR, SCMP_ERROR_LOAD_FAILED);
      g_assert_cmpstr (error->message, ==,
                       "The kernel refused the filter: the process has neither "
                       "no_new_privs set nor CAP_SYS_ADMIN (EACCES)");
      g_clear_error (&error);
      assert_getppid_works ();

      /* With no_new_privs it works. */
      g_assert_cmpint (_scmp_kernel_load (deny_getppid, G_N_ELEMENTS (deny_getppid),
                                          SCMP_LOAD_FLAGS_NONE, TRUE, NULL), ==, 0);
      assert_getppid_fails (EPERM);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

/* A second thread, waiting for the main thread's go-ahead to call getppid. */
typedef struct {
  GMutex mutex;
  GCond cond;
  gboolean loaded;       /* main → thread: the main thread has loaded */
  gboolean own_filter;   /* thread → main: the thread loaded a filter */
  gboolean load_own;     /* main → thread: load a filter of your own first */
  int getppid_errno;     /* what the thread saw: 0 or errno */
} ThreadState;

static gpointer
getppid_thread (gpointer data)
{
  ThreadState *s = data;

  g_mutex_lock (&s->mutex);
  if (s->load_own)
    {
      g_assert_cmpint (_scmp_kernel_load (allow_all, 1, SCMP_LOAD_FLAGS_NONE, TRUE, NULL), ==, 0);
      s->own_filter = TRUE;
      g_cond_broadcast (&s->cond);
    }
  while (!s->loaded)
    g_cond_wait (&s->cond, &s->mutex);
  errno = 0;
  s->getppid_errno = syscall (SYS_getppid) == -1 ? errno : 0;
  g_mutex_unlock (&s->mutex);
  return NULL;
}

static void
release_thread (ThreadState *s)
{
  g_mutex_lock (&s->mutex);
  s->loaded = TRUE;
  g_cond_broadcast (&s->cond);
  g_mutex_unlock (&s->mutex);
}

static void
test_load_tsync (void)
{
  if (skip_without_seccomp ())
    return;

  if (g_test_subprocess ())
    {
      ThreadState plain = { 0 }, synced = { 0 };
      GThread *plain_thread, *synced_thread;

      g_mutex_init (&plain.mutex);
      g_cond_init (&plain.cond);
      g_mutex_init (&synced.mutex);
      g_cond_init (&synced.cond);
      plain_thread = g_thread_new ("plain", getppid_thread, &plain);
      synced_thread = g_thread_new ("synced", getppid_thread, &synced);

      /* Without TSYNC, a thread that already runs stays unfiltered. */
      g_assert_cmpint (_scmp_kernel_load (deny_getppid, G_N_ELEMENTS (deny_getppid),
                                          SCMP_LOAD_FLAGS_NONE, TRUE, NULL), ==, 0);
      assert_getppid_fails (EPERM);
      release_thread (&plain);
      g_thread_join (plain_thread);
      g_assert_cmpint (plain.getppid_errno, ==, 0);

      /* With TSYNC, it gets the caller's whole filter chain (its own, empty
       * chain is an ancestor of it). Between two ERRNO results the newest
       * filter wins, so both threads see EACCES. */
      g_assert_cmpint (_scmp_kernel_load (deny_getppid_eacces, G_N_ELEMENTS (deny_getppid_eacces),
                                          SCMP_LOAD_FLAGS_TSYNC, FALSE, NULL), ==, 0);
      release_thread (&synced);
      g_thread_join (synced_thread);
      g_assert_cmpint (synced.getppid_errno, ==, EACCES);
      assert_getppid_fails (EACCES);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

static void
test_load_tsync_fails (void)
{
  if (skip_without_seccomp ())
    return;

  if (g_test_subprocess ())
    {
      ThreadState s = { 0 };
      GThread *thread;
      GError *error = NULL;
      int ret;

      g_mutex_init (&s.mutex);
      g_cond_init (&s.cond);
      s.load_own = TRUE;

      /* The thread loads a filter the main thread does not have: its
       * filters are no longer an ancestor of the main thread's, and TSYNC
       * cannot synchronize it. */
      thread = g_thread_new ("diverging", getppid_thread, &s);
      g_mutex_lock (&s.mutex);
      while (!s.own_filter)
        g_cond_wait (&s.cond, &s.mutex);
      g_mutex_unlock (&s.mutex);

      ret = _scmp_kernel_load (deny_getppid, G_N_ELEMENTS (deny_getppid),
                               SCMP_LOAD_FLAGS_TSYNC, TRUE, NULL);
      g_assert_cmpint (ret, ==, -ESRCH);
      _scmp_kernel_set_load_error (&error, ret, SCMP_LOAD_FLAGS_TSYNC);
      g_assert_error (error, SCMP_ERROR, SCMP_ERROR_LOAD_FAILED);
      g_assert_nonnull (strstr (error->message, "another thread could not be synchronized"));
      g_clear_error (&error);

      ret = _scmp_kernel_load (deny_getppid, G_N_ELEMENTS (deny_getppid),
                               SCMP_LOAD_FLAGS_TSYNC | SCMP_LOAD_FLAGS_TSYNC_ESRCH, TRUE, NULL);
      g_assert_cmpint (ret, ==, -ESRCH);

      /* Nothing was installed on the main thread. */
      g_assert_cmpint (prctl (PR_GET_SECCOMP, 0, 0, 0, 0), ==, 0);
      assert_getppid_works ();

      g_mutex_lock (&s.mutex);
      s.loaded = TRUE;
      g_cond_broadcast (&s.cond);
      g_mutex_unlock (&s.mutex);
      g_thread_join (thread);
      g_assert_cmpint (s.getppid_errno, ==, 0);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

static void
test_load_listener (void)
{
  if (skip_without_seccomp ())
    return;
  if (!(scmp_kernel_get_supported_flags () & SCMP_LOAD_FLAGS_NEW_LISTENER))
    {
      scmp_test_skip_machine ("the kernel has no user notification");
      return;
    }

  if (g_test_subprocess ())
    {
      GError *error = NULL;
      int fd = -1, fd2 = 1234, ret;

      g_assert_cmpint (_scmp_kernel_load (allow_all, 1,
                                          SCMP_LOAD_FLAGS_NEW_LISTENER |
                                          SCMP_LOAD_FLAGS_WAIT_KILLABLE_RECV,
                                          TRUE, &fd), ==, 0);
      g_assert_cmpint (fd, >, 2);
      g_assert_cmpint (fcntl (fd, F_GETFD), ==, FD_CLOEXEC);

      /* Only one listener per filter chain. */
      ret = _scmp_kernel_load (allow_all, 1, SCMP_LOAD_FLAGS_NEW_LISTENER, TRUE, &fd2);
      g_assert_cmpint (ret, ==, -EBUSY);
      g_assert_cmpint (fd2, ==, -1);
      _scmp_kernel_set_load_error (&error, ret, SCMP_LOAD_FLAGS_NEW_LISTENER);
      g_assert_nonnull (strstr (error->message, "already has a user-notification listener"));
      g_clear_error (&error);

      /* TSYNC with a listener needs TSYNC_ESRCH; then it works (one
       * thread), but the first listener is still there: EBUSY. */
      g_assert_cmpint (_scmp_kernel_load (allow_all, 1,
                                          SCMP_LOAD_FLAGS_NEW_LISTENER | SCMP_LOAD_FLAGS_TSYNC |
                                          SCMP_LOAD_FLAGS_TSYNC_ESRCH,
                                          TRUE, &fd2), ==, -EBUSY);
      close (fd);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

static void
test_load_listener_tsync (void)
{
  if (skip_without_seccomp ())
    return;
  if ((scmp_kernel_get_supported_flags () & SCMP_LOAD_FLAGS_TSYNC_ESRCH) == 0)
    {
      scmp_test_skip_machine ("the kernel has no TSYNC_ESRCH");
      return;
    }

  if (g_test_subprocess ())
    {
      int fd = -1;

      g_assert_cmpint (_scmp_kernel_load (allow_all, 1,
                                          SCMP_LOAD_FLAGS_NEW_LISTENER | SCMP_LOAD_FLAGS_TSYNC |
                                          SCMP_LOAD_FLAGS_TSYNC_ESRCH,
                                          TRUE, &fd), ==, 0);
      g_assert_cmpint (fd, >, 2);
      close (fd);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/kernel/probe/has-seccomp", test_probe_has_seccomp);
  g_test_add_func ("/kernel/probe/actions", test_probe_actions);
  g_test_add_func ("/kernel/probe/actions-invalid", test_probe_actions_invalid);
  g_test_add_func ("/kernel/probe/flags", test_probe_flags);
  g_test_add_func ("/kernel/probe/threads", test_probe_threads);
  g_test_add_func ("/kernel/flag-mapping", test_flag_mapping);
  g_test_add_func ("/kernel/load/error-messages", test_load_error_messages);
  g_test_add_func ("/kernel/load/basic", test_load_basic);
  g_test_add_func ("/kernel/load/invalid", test_load_invalid);
  g_test_add_func ("/kernel/load/without-nnp", test_load_without_nnp);
  g_test_add_func ("/kernel/load/eacces", test_load_eacces);
  g_test_add_func ("/kernel/load/tsync", test_load_tsync);
  g_test_add_func ("/kernel/load/tsync-fails", test_load_tsync_fails);
  g_test_add_func ("/kernel/load/listener", test_load_listener);
  g_test_add_func ("/kernel/load/listener-tsync", test_load_listener_tsync);

  return g_test_run ();
}
