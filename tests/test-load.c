/* test-load.c: filters loaded into the kernel, through the public API
 *
 * SPDX-FileCopyrightText: 2026 The scmp-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Every load happens in a child process: either a trapped subprocess
 * (g_test_trap_subprocess(), whose child runs the same test with
 * g_test_subprocess() true) or a plain fork() where the parent has to see
 * the signal that killed the child. Forked children never use g_assert
 * (its TAP output would reach the runner's stdout): they report a failed
 * check on stderr and exit with status 1.
 */

#include <scmp-glib/scmp-glib.h>

#include "test-abi.h"
#include "test-rules.h"
#include "test-seccomp-helpers.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <unistd.h>

#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>

#ifndef SYS_SECCOMP
# define SYS_SECCOMP 1          /* si_code of a seccomp SIGSYS */
#endif

/* ------------------------------------------------------------------ */
/* Helpers                                                             */
/* ------------------------------------------------------------------ */

/* A filter with the given default action (allow when NULL) and rules
 * "syscall → action" given as (name, action) pairs ending with NULL.
 * Takes ownership of the actions. */
static ScmpFilter *
filter_new_with_rules (ScmpAction *default_action,
                       ...)
{
  g_autoptr(ScmpAction) def = default_action != NULL ? default_action : scmp_action_new_allow ();
  ScmpFilter *filter = scmp_filter_new (def);
  const char *name;
  va_list ap;

  va_start (ap, default_action);
  while ((name = va_arg (ap, const char *)) != NULL)
    {
      g_autoptr(ScmpAction) action = va_arg (ap, ScmpAction *);
      g_autoptr(ScmpRule) rule = scmp_rule_new (name, action);
      g_autoptr(GError) error = NULL;

      scmp_filter_add_rule (filter, rule, &error);
      g_assert_no_error (error);
    }
  va_end (ap);
  return filter;
}

static void
load_or_die (ScmpFilter *filter)
{
  g_autoptr(GError) error = NULL;

  scmp_filter_load (filter, &error);
  g_assert_no_error (error);
}

/* raw syscall: -1 and errno on failure, as glibc's syscall() */
static void
assert_fails_with (long result,
                   int  expected_errno)
{
  int errsv = errno;

  g_assert_cmpint (result, ==, -1);
  g_assert_cmpint (errsv, ==, expected_errno);
}

static gboolean
proc_status_field (const char *field,
                   char      **value_out)
{
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  size_t len = strlen (field);

  if (!g_file_get_contents ("/proc/self/status", &contents, NULL, NULL))
    return FALSE;
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (strncmp (lines[i], field, len) == 0 && lines[i][len] == ':')
      {
        *value_out = g_strstrip (g_strdup (lines[i] + len + 1));
        return TRUE;
      }
  return FALSE;
}

/* ------------------------------------------------------------------ */
/* Actions                                                             */
/* ------------------------------------------------------------------ */

static void
test_action_errno (void)
{
  if (skip_without_seccomp ())
    return;

  if (g_test_subprocess ())
    {
      g_autoptr(ScmpFilter) filter =
        filter_new_with_rules (NULL,
                               "getppid", scmp_action_new_errno (EPERM, NULL),
                               "uname", scmp_action_new_errno (ENOSYS, NULL),
                               "dup", scmp_action_new_errno (123, NULL),
                               "getpgid", scmp_action_new_errno (SCMP_ACTION_ERRNO_MAX, NULL),
                               NULL);
      struct utsname u;
      pid_t pid = getpid ();

      load_or_die (filter);

      assert_fails_with (syscall (SYS_getppid), EPERM);
      assert_fails_with (uname (&u), ENOSYS);
      assert_fails_with (dup (0), 123);
      assert_fails_with (syscall (SYS_getpgid, 0), SCMP_ACTION_ERRNO_MAX);
      /* everything else goes through (default allow) */
      g_assert_cmpint (syscall (SYS_getpid), ==, pid);
      g_assert_cmpint (syscall (SYS_getuid), ==, getuid ());
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

/* The default action applies to what no rule matches; an errno default
 * needs ALLOW rules for what the child itself does, so use LOG. */
static void
test_action_default (void)
{
  if (skip_without_seccomp () ||
      skip_without_action (SCMP_ACTION_KIND_LOG, "LOG"))
    return;

  if (g_test_subprocess ())
    {
      g_autoptr(ScmpFilter) filter =
        filter_new_with_rules (scmp_action_new_log (),
                               "getppid", scmp_action_new_errno (EXDEV, NULL),
                               NULL);
      pid_t ppid = getppid ();

      load_or_die (filter);

      g_assert_cmpint (syscall (SYS_getpid), ==, getpid ());
      assert_fails_with (syscall (SYS_getppid), EXDEV);
      g_assert_cmpint (ppid, >, 0);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

static int
kill_getppid_child (gpointer data)
{
  ScmpFilter *filter = data;

  CHILD_CHECK (scmp_filter_load_prepared (filter) == 0);
  syscall (SYS_getppid);
  return 3;                     /* not reached if the filter works */
}

static void
test_action_kill_process (void)
{
  g_autoptr(ScmpFilter) filter = NULL;
  g_autoptr(GError) error = NULL;

  if (skip_without_seccomp () ||
      skip_without_action (SCMP_ACTION_KIND_KILL_PROCESS, "KILL_PROCESS"))
    return;

  filter = filter_new_with_rules (NULL, "getppid", scmp_action_new_kill_process (), NULL);
  scmp_filter_prepare (filter, &error);
  g_assert_no_error (error);

  assert_killed_by (fork_and_wait (kill_getppid_child, filter), SIGSYS);
}

static void
test_action_kill_thread (void)
{
  g_autoptr(ScmpFilter) filter = NULL;
  g_autoptr(GError) error = NULL;

  if (skip_without_seccomp ())
    return;

  filter = filter_new_with_rules (NULL, "getppid", scmp_action_new_kill_thread (), NULL);
  scmp_filter_prepare (filter, &error);
  g_assert_no_error (error);

  /* A single-threaded process dies with its only thread, by SIGSYS. */
  assert_killed_by (fork_and_wait (kill_getppid_child, filter), SIGSYS);
}

static void *
call_getppid_thread (void *data)
{
  long *result = data;

  *result = syscall (SYS_getppid);
  return NULL;
}

static int
kill_thread_multithreaded_child (gpointer data)
{
  ScmpFilter *filter = data;
  long result = 12345;
  pthread_t thread;

  CHILD_CHECK (scmp_filter_load_prepared (filter) == 0);
  CHILD_CHECK (pthread_create (&thread, NULL, call_getppid_thread, &result) == 0);
  CHILD_CHECK (pthread_join (thread, NULL) == 0);
  /* The thread died inside the syscall: it never stored the result, and
   * this thread, and so the process, lives on. */
  CHILD_CHECK (result == 12345);
  CHILD_CHECK (syscall (SYS_getpid) == getpid ());
  return 0;
}

static void
test_action_kill_thread_multithreaded (void)
{
  g_autoptr(ScmpFilter) filter = NULL;
  g_autoptr(GError) error = NULL;

  g_test_summary ("KILL_THREAD kills only the calling thread of a multi-threaded process");

  if (skip_without_seccomp ())
    return;

  filter = filter_new_with_rules (NULL, "getppid", scmp_action_new_kill_thread (), NULL);
  scmp_filter_prepare (filter, &error);
  g_assert_no_error (error);

  assert_exited_ok (fork_and_wait (kill_thread_multithreaded_child, filter));
}

static volatile sig_atomic_t trap_count;
static volatile int trap_signo, trap_code, trap_syscall, trap_errno;
static volatile unsigned int trap_arch;

static void
sigsys_handler (int        signo,
                siginfo_t *info,
                void      *context)
{
  trap_count++;
  trap_signo = info->si_signo;
  trap_code = info->si_code;
  trap_syscall = info->si_syscall;
  trap_arch = info->si_arch;
  trap_errno = info->si_errno;
}

static void
test_action_trap (void)
{
  if (skip_without_seccomp () ||
      skip_without_action (SCMP_ACTION_KIND_TRAP, "TRAP"))
    return;

  if (g_test_subprocess ())
    {
      g_autoptr(ScmpFilter) filter =
        filter_new_with_rules (NULL,
                               "getppid", scmp_action_new_trap (0x1234),
                               "getpgrp", scmp_action_new_trap (0),
                               NULL);
      struct sigaction sa = { 0 };

      sa.sa_sigaction = sigsys_handler;
      sa.sa_flags = SA_SIGINFO;
      sigemptyset (&sa.sa_mask);
      g_assert_no_errno (sigaction (SIGSYS, &sa, NULL));

      load_or_die (filter);

      syscall (SYS_getppid);
      g_assert_cmpint (trap_count, ==, 1);
      g_assert_cmpint (trap_signo, ==, SIGSYS);
      g_assert_cmpint (trap_code, ==, SYS_SECCOMP);
      g_assert_cmpint (trap_syscall, ==, __NR_getppid);
      g_assert_cmphex (trap_arch, ==, AUDIT_ARCH_X86_64);
      g_assert_cmpint (trap_errno, ==, 0x1234);

      syscall (SYS_getpgrp);
      g_assert_cmpint (trap_count, ==, 2);
      g_assert_cmpint (trap_syscall, ==, __NR_getpgrp);
      g_assert_cmpint (trap_errno, ==, 0);

      /* not trapped */
      g_assert_cmpint (syscall (SYS_getpid), ==, getpid ());
      g_assert_cmpint (trap_count, ==, 2);
      return;
    }

  if (skip_unless_x86_64 ())
    return;
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

static void
test_action_log_allow (void)
{
  if (skip_without_seccomp () ||
      skip_without_action (SCMP_ACTION_KIND_LOG, "LOG"))
    return;

  if (g_test_subprocess ())
    {
      g_autoptr(ScmpAction) allow = scmp_action_new_allow ();
      g_autoptr(ScmpAction) log = scmp_action_new_log ();
      g_autoptr(ScmpAction) eperm = scmp_action_new_errno (EPERM, NULL);
      g_autoptr(ScmpFilter) filter = scmp_filter_new (allow);
      ScmpCondition fd0 = { .arg = 0, .op = SCMP_COMPARE_OP_EQ, .datum = 0 };
      g_autoptr(GError) error = NULL;
      pid_t ppid = getppid ();
      int fd;

      /* first match: ALLOW dup(0), errno for any other dup; LOG getppid */
      test_add_rule (filter, "dup", allow, &fd0, 1);
      test_add_rule (filter, "dup", eperm, NULL, 0);
      test_add_rule (filter, "getppid", log, NULL, 0);
      test_add_rule (filter, "getpid", allow, NULL, 0);
      scmp_filter_load (filter, &error);
      g_assert_no_error (error);

      /* LOG and ALLOW let the call through with its real result */
      g_assert_cmpint (syscall (SYS_getppid), ==, ppid);
      g_assert_cmpint (syscall (SYS_getpid), ==, getpid ());
      fd = dup (0);
      g_assert_cmpint (fd, >, 2);
      g_assert_no_errno (fcntl (fd, F_GETFD));
      close (fd);
      assert_fails_with (dup (1), EPERM);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

static void
test_action_trace_without_tracer (void)
{
  if (skip_without_seccomp () ||
      skip_without_action (SCMP_ACTION_KIND_TRACE, "TRACE"))
    return;

  if (g_test_subprocess ())
    {
      g_autoptr(ScmpFilter) filter =
        filter_new_with_rules (NULL, "getppid", scmp_action_new_trace (7), NULL);

      load_or_die (filter);
      assert_fails_with (syscall (SYS_getppid), ENOSYS);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

static int
notify_caller (void)
{
  long r;

  /* first call: the supervisor returns a value */
  r = syscall (SYS_getppid);
  CHILD_CHECK (r == 4242);
  /* second call: the supervisor returns an error */
  errno = 0;
  r = syscall (SYS_getppid);
  CHILD_CHECK (r == -1 && errno == ENOTTY);
  return 0;
}

static void
notify_answer (int   listener,
               pid_t caller,
               gint64 val,
               int   error_value)
{
  struct seccomp_notif req;
  struct seccomp_notif_resp resp;
  struct pollfd pfd = { listener, POLLIN, 0 };

  g_assert_cmpint (poll (&pfd, 1, 10000), ==, 1);
  memset (&req, 0, sizeof req);
  g_assert_no_errno (ioctl (listener, SECCOMP_IOCTL_NOTIF_RECV, &req));
  g_assert_cmpint (req.pid, ==, caller);
  g_assert_cmpint (req.data.nr, ==, __NR_getppid);
  g_assert_cmphex (req.data.arch, ==, AUDIT_ARCH_X86_64);
  g_assert_no_errno (ioctl (listener, SECCOMP_IOCTL_NOTIF_ID_VALID, &req.id));

  memset (&resp, 0, sizeof resp);
  resp.id = req.id;
  resp.val = val;
  resp.error = error_value;
  resp.flags = 0;
  g_assert_no_errno (ioctl (listener, SECCOMP_IOCTL_NOTIF_SEND, &resp));
}

static void
test_action_notify (void)
{
  if (skip_without_seccomp () ||
      skip_without_action (SCMP_ACTION_KIND_NOTIFY, "NOTIFY (user notification)"))
    return;

  if (g_test_subprocess ())
    {
      g_autoptr(ScmpFilter) filter =
        filter_new_with_rules (NULL, "getppid", scmp_action_new_notify (), NULL);
      int listener, status = 0;
      pid_t caller;

      g_assert_cmpint (scmp_filter_get_listener_fd (filter), ==, -1);
      load_or_die (filter);

      listener = scmp_filter_get_listener_fd (filter);
      g_assert_cmpint (listener, >, 2);
      g_assert_cmpint (fcntl (listener, F_GETFD), >=, 0);

      fflush (stdout);
      fflush (stderr);
      caller = fork ();
      g_assert_cmpint (caller, >=, 0);
      if (caller == 0)
        _exit (notify_caller ());

      notify_answer (listener, caller, 4242, 0);
      notify_answer (listener, caller, 0, -ENOTTY);

      g_assert_cmpint (waitpid (caller, &status, 0), ==, caller);
      assert_exited_ok (status);

      /* stealing hands the fd over */
      g_assert_cmpint (scmp_filter_steal_listener_fd (filter), ==, listener);
      g_assert_cmpint (scmp_filter_get_listener_fd (filter), ==, -1);
      close (listener);
      return;
    }

  if (skip_unless_x86_64 ())
    return;
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

/* ------------------------------------------------------------------ */
/* Argument conditions                                                 */
/* ------------------------------------------------------------------ */

static void
test_args_write_fd (void)
{
  if (skip_without_seccomp ())
    return;

  if (g_test_subprocess ())
    {
      g_autoptr(ScmpFilter) filter = NULL;
      g_autoptr(ScmpAction) allow = scmp_action_new_allow ();
      g_autoptr(ScmpAction) eacces = scmp_action_new_errno (EACCES, NULL);
      ScmpCondition fd1 = { .arg = 0, .op = SCMP_COMPARE_OP_EQ, .datum = 1 };
      /* fd is an int: the kernel ignores the high word, so must the rule */
      ScmpCondition fd2 = { .arg = 0, .op = SCMP_COMPARE_OP_EQ, .datum = 2, .is_32bit = TRUE };
      int devnull = open ("/dev/null", O_WRONLY | O_CLOEXEC);

      g_assert_no_errno (devnull);
      g_assert_no_errno (dup2 (devnull, 1));
      filter = scmp_filter_new (allow);
      test_add_rule (filter, "write", allow, &fd1, 1);
      test_add_rule (filter, "write", eacces, &fd2, 1);
      load_or_die (filter);

      g_assert_cmpint (write (1, "abc", 3), ==, 3);
      assert_fails_with (write (2, "abc", 3), EACCES);
      assert_fails_with (write (2, "", 0), EACCES);
      /* garbage in the high word: the 32-bit compare still denies fd 2 */
      assert_fails_with (syscall (SYS_write, 0xdead00000002ull, "abc", 3), EACCES);
      /* ... and the 64-bit EQ 1 no longer matches, so the default (allow)
       * applies, and the kernel writes to fd 1 */
      g_assert_cmpint (syscall (SYS_write, 0x100000001ull, "abc", 3), ==, 3);
      g_assert_cmpint (write (devnull, "abc", 3), ==, 3);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

static void
test_args_64bit (void)
{
  if (skip_without_seccomp ())
    return;

  g_test_summary ("A 64-bit GT compare on lseek()'s offset: both words count");

  if (g_test_subprocess ())
    {
      g_autoptr(ScmpFilter) filter = NULL;
      g_autoptr(ScmpAction) allow = scmp_action_new_allow ();
      g_autoptr(ScmpAction) eacces = scmp_action_new_errno (EACCES, NULL);
      g_autoptr(ScmpAction) exdev = scmp_action_new_errno (EXDEV, NULL);
      ScmpCondition big = { .arg = 1, .op = SCMP_COMPARE_OP_GT, .datum = 0x100000000ull };
      /* 32-bit compare of whence: only the low word counts */
      ScmpCondition whence_end = { .arg = 2, .op = SCMP_COMPARE_OP_EQ, .datum = SEEK_END,
                                   .is_32bit = TRUE };
      int fd = memfd_create ("test-load", MFD_CLOEXEC);

      g_assert_no_errno (fd);
      filter = scmp_filter_new (allow);
      test_add_rule (filter, "lseek", eacces, &big, 1);
      test_add_rule (filter, "lseek", exdev, &whence_end, 1);
      load_or_die (filter);

      /* allowed: the offset is not above 2^32 */
      g_assert_cmpint (lseek (fd, 0x1000, SEEK_SET), ==, 0x1000);
      g_assert_cmpint (lseek (fd, 0xffffffffll, SEEK_SET), ==, 0xffffffffll);
      g_assert_cmpint (lseek (fd, 0x100000000ll, SEEK_SET), ==, 0x100000000ll);
      g_assert_cmpint (lseek (fd, 0, SEEK_SET), ==, 0);
      /* denied: above 2^32, whatever the low word */
      assert_fails_with (lseek (fd, 0x100000001ll, SEEK_SET), EACCES);
      assert_fails_with (lseek (fd, 0x200000000ll, SEEK_SET), EACCES);
      assert_fails_with (lseek (fd, 0x200000005ll, SEEK_SET), EACCES);
      assert_fails_with (lseek (fd, 0x7fffffff00000000ll, SEEK_SET), EACCES);
      /* the 32-bit condition ignores the high word of whence */
      assert_fails_with (lseek (fd, 0, SEEK_END), EXDEV);
      assert_fails_with (syscall (SYS_lseek, fd, 0L, 0xdead00000000ull | SEEK_END), EXDEV);
      g_assert_cmpint (syscall (SYS_lseek, fd, 0L, 0xdead00000000ull | SEEK_SET), ==, 0);
      close (fd);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

/* ------------------------------------------------------------------ */
/* Architectures: i386 and x32 calls from a 64-bit process             */
/* ------------------------------------------------------------------ */

#if defined(__x86_64__)
static void
test_arch_x86_in_filter (void)
{
  if (skip_without_seccomp () || skip_without_ia32 ())
    return;

  g_test_summary ("A rule applies to the i386 ABI too when the filter has x86");

  if (g_test_subprocess ())
    {
      g_autoptr(ScmpFilter) filter =
        filter_new_with_rules (NULL, "getpid", scmp_action_new_errno (99, NULL), NULL);
      g_autoptr(GError) error = NULL;

      scmp_filter_add_arch (filter, SCMP_ARCHITECTURE_X86, &error);
      g_assert_no_error (error);
      g_assert_true (scmp_filter_has_arch (filter, SCMP_ARCHITECTURE_X86_64));
      load_or_die (filter);

      g_assert_cmpint (int80_syscall0 (X86_NR_GETPID), ==, -99);
      assert_fails_with (syscall (SYS_getpid), 99);
      /* i386 getppid (64) is allowed and real */
      g_assert_cmpint (int80_syscall0 (64), ==, getppid ());
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

static void
test_arch_x86_bad_arch_errno (void)
{
  if (skip_without_seccomp () || skip_without_ia32 ())
    return;

  if (g_test_subprocess ())
    {
      g_autoptr(ScmpFilter) filter =
        filter_new_with_rules (NULL, "getpid", scmp_action_new_errno (99, NULL), NULL);
      g_autoptr(ScmpAction) bad = scmp_action_new_errno (77, NULL);

      scmp_filter_set_bad_arch_action (filter, bad);
      g_assert_false (scmp_filter_has_arch (filter, SCMP_ARCHITECTURE_X86));
      load_or_die (filter);

      /* every i386 call gets the bad-arch action, ruled or not */
      g_assert_cmpint (int80_syscall0 (X86_NR_GETPID), ==, -77);
      g_assert_cmpint (int80_syscall0 (64), ==, -77);
      /* the native ABI is unaffected */
      assert_fails_with (syscall (SYS_getpid), 99);
      g_assert_cmpint (syscall (SYS_getppid), ==, getppid ());
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

static int
int80_getpid_child (gpointer data)
{
  ScmpFilter *filter = data;

  CHILD_CHECK (scmp_filter_load_prepared (filter) == 0);
  CHILD_CHECK (syscall (SYS_getpid) == getpid ());  /* native: allowed */
  int80_syscall0 (X86_NR_GETPID);
  return 3;
}

static void
test_arch_x86_bad_arch_kill (void)
{
  g_autoptr(ScmpFilter) filter = NULL;
  g_autoptr(ScmpAction) action = NULL;
  g_autoptr(GError) error = NULL;

  if (skip_without_seccomp () || skip_without_ia32 ())
    return;

  action = scmp_action_new_allow ();
  filter = scmp_filter_new (action);
  /* the default bad-arch action is kill-process */
  g_assert_cmpint (scmp_action_get_kind (scmp_filter_get_bad_arch_action (filter)), ==,
                   SCMP_ACTION_KIND_KILL_PROCESS);
  scmp_filter_prepare (filter, &error);
  g_assert_no_error (error);

  assert_killed_by (fork_and_wait (int80_getpid_child, filter), SIGSYS);
}

static long
x32_syscall0 (long nr)
{
  return syscall (X32_SYSCALL_BIT | nr);
}

static int
x32_getpid_child (gpointer data)
{
  ScmpFilter *filter = data;

  CHILD_CHECK (scmp_filter_load_prepared (filter) == 0);
  x32_syscall0 (39);
  return 3;
}

static void
test_arch_x32 (void)
{
  g_autoptr(ScmpFilter) filter = NULL;
  g_autoptr(ScmpAction) allow = NULL;
  g_autoptr(GError) error = NULL;

  if (skip_without_seccomp () || skip_unless_x86_64 ())
    return;

  g_test_summary ("A filter for x86_64 alone treats x32 numbers (bit 30 set) "
                  "as another architecture; the filter runs before the kernel "
                  "looks the number up, whether x32 is enabled or not");

  if (g_test_subprocess ())
    {
      const char *which = g_getenv ("TEST_LOAD_X32_CASE");

      if (g_strcmp0 (which, "bad-arch") == 0)
        {
          g_autoptr(ScmpFilter) f =
            filter_new_with_rules (NULL, "getpid", scmp_action_new_errno (99, NULL), NULL);
          g_autoptr(ScmpAction) bad = scmp_action_new_errno (77, NULL);

          scmp_filter_set_bad_arch_action (f, bad);
          load_or_die (f);
          /* x32 getpid (39) and x32 read (0): not x86_64's getpid/read */
          assert_fails_with (x32_syscall0 (39), 77);
          assert_fails_with (x32_syscall0 (0), 77);
          assert_fails_with (syscall (SYS_getpid), 99);
        }
      else if (g_strcmp0 (which, "with-x32") == 0)
        {
          g_autoptr(ScmpFilter) f =
            filter_new_with_rules (NULL, "getpid", scmp_action_new_errno (99, NULL), NULL);
          g_autoptr(ScmpAction) bad = scmp_action_new_errno (77, NULL);
          g_autoptr(GError) err = NULL;

          scmp_filter_set_bad_arch_action (f, bad);
          scmp_filter_add_arch (f, SCMP_ARCHITECTURE_X32, &err);
          g_assert_no_error (err);
          load_or_die (f);
          /* the rule applies to x32 getpid, whether the kernel runs x32
           * calls or not (the filter decides first) */
          assert_fails_with (x32_syscall0 (39), 99);
          assert_fails_with (syscall (SYS_getpid), 99);
          /* an x32 call no rule matches gets the default (allow): either
           * it runs, or the kernel says ENOSYS when x32 is disabled, but
           * it never gets the bad-arch action */
          errno = 0;
          if (x32_syscall0 (110) == -1)     /* x32 getppid */
            g_assert_cmpint (errno, ==, ENOSYS);
        }
      else
        g_assert_not_reached ();
      return;
    }

  /* Unfiltered, for the record: x32 disabled in the kernel gives ENOSYS. */
  errno = 0;
  if (x32_syscall0 (39) == -1)
    g_test_message ("x32 is disabled in this kernel (x32 getpid: errno %d)", errno);
  else
    g_test_message ("x32 is enabled in this kernel");

  g_setenv ("TEST_LOAD_X32_CASE", "bad-arch", TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();

  g_setenv ("TEST_LOAD_X32_CASE", "with-x32", TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
  g_unsetenv ("TEST_LOAD_X32_CASE");

  /* the default bad-arch action kills the process */
  allow = scmp_action_new_allow ();
  filter = scmp_filter_new (allow);
  scmp_filter_prepare (filter, &error);
  g_assert_no_error (error);
  assert_killed_by (fork_and_wait (x32_getpid_child, filter), SIGSYS);
}
#endif

static void
test_bad_arch_action_property (void)
{
  g_autoptr(ScmpAction) allow = scmp_action_new_allow ();
  g_autoptr(ScmpFilter) filter = scmp_filter_new (allow);
  g_autoptr(ScmpAction) errno77 = scmp_action_new_errno (77, NULL);
  g_autoptr(ScmpAction) got = NULL;

  g_assert_cmpint (scmp_action_get_kind (scmp_filter_get_bad_arch_action (filter)), ==,
                   SCMP_ACTION_KIND_KILL_PROCESS);
  scmp_filter_set_bad_arch_action (filter, errno77);
  g_assert_true (scmp_action_equal (scmp_filter_get_bad_arch_action (filter), errno77));
  g_object_get (filter, "bad-arch-action", &got, NULL);
  g_assert_true (scmp_action_equal (got, errno77));
}

/* ------------------------------------------------------------------ */
/* Attributes                                                          */
/* ------------------------------------------------------------------ */

static void
test_no_new_privs (void)
{
  if (skip_without_seccomp ())
    return;

  if (g_test_subprocess ())
    {
      const char *which = g_getenv ("TEST_LOAD_NNP");
      g_autoptr(ScmpFilter) filter =
        filter_new_with_rules (NULL, "getppid", scmp_action_new_errno (EPERM, NULL), NULL);
      g_autofree char *nnp = NULL;
      g_autofree char *seccomp = NULL;

      g_assert_cmpint (prctl (PR_GET_NO_NEW_PRIVS, 0, 0, 0, 0), ==, 0);
      g_assert_true (scmp_filter_get_no_new_privs (filter));   /* on by default */
      if (g_strcmp0 (which, "off") == 0)
        scmp_filter_set_no_new_privs (filter, FALSE);
      load_or_die (filter);

      g_assert_true (proc_status_field ("NoNewPrivs", &nnp));
      g_assert_true (proc_status_field ("Seccomp", &seccomp));
      g_assert_cmpstr (seccomp, ==, "2");
      assert_fails_with (syscall (SYS_getppid), EPERM);
      if (g_strcmp0 (which, "off") == 0)
        {
          g_assert_cmpstr (nnp, ==, "0");
          g_assert_cmpint (prctl (PR_GET_NO_NEW_PRIVS, 0, 0, 0, 0), ==, 0);
        }
      else
        {
          g_assert_cmpstr (nnp, ==, "1");
          g_assert_cmpint (prctl (PR_GET_NO_NEW_PRIVS, 0, 0, 0, 0), ==, 1);
        }
      return;
    }

  if (prctl (PR_GET_NO_NEW_PRIVS, 0, 0, 0, 0) != 0)
    {
      g_test_skip ("The test runs with no_new_privs already set: run it from a shell without it");
      return;
    }

  g_setenv ("TEST_LOAD_NNP", "on", TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();

  if (!has_cap_sys_admin ())
    {
      g_unsetenv ("TEST_LOAD_NNP");
      g_test_skip ("Without CAP_SYS_ADMIN a filter cannot be loaded with no-new-privs off: run as root");
      return;
    }
  g_setenv ("TEST_LOAD_NNP", "off", TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
  g_unsetenv ("TEST_LOAD_NNP");
}

typedef struct {
  int    go[2];                 /* pipe: main → thread "make the call now" */
  long   result;
  int    error;
  ScmpFilter *own_filter;       /* (nullable) loaded by the thread first */
  int    ready[2];              /* pipe: thread → main "filter loaded" */
} ThreadCall;

static void *
thread_call_getppid (void *data)
{
  ThreadCall *tc = data;
  char c;

  if (tc->own_filter != NULL)
    {
      g_autoptr(GError) error = NULL;

      scmp_filter_load (tc->own_filter, &error);
      g_assert_no_error (error);
      g_assert_cmpint (write (tc->ready[1], "r", 1), ==, 1);
    }

  g_assert_cmpint (read (tc->go[0], &c, 1), ==, 1);
  errno = 0;
  tc->result = syscall (SYS_getppid);
  tc->error = errno;
  return NULL;
}

static void
test_thread_sync (void)
{
  if (skip_without_seccomp ())
    return;

  g_test_summary ("thread-sync puts the filter on threads started before the load");

  if (g_test_subprocess ())
    {
      gboolean tsync = g_strcmp0 (g_getenv ("TEST_LOAD_TSYNC"), "on") == 0;
      g_autoptr(ScmpFilter) filter =
        filter_new_with_rules (NULL, "getppid", scmp_action_new_errno (EPERM, NULL), NULL);
      ThreadCall tc = { .result = 0 };
      pid_t ppid = getppid ();
      pthread_t thread;

      g_assert_no_errno (pipe (tc.go));
      g_assert_cmpint (pthread_create (&thread, NULL, thread_call_getppid, &tc), ==, 0);

      g_assert_false (scmp_filter_get_thread_sync (filter));
      scmp_filter_set_thread_sync (filter, tsync);
      load_or_die (filter);
      assert_fails_with (syscall (SYS_getppid), EPERM);

      g_assert_cmpint (write (tc.go[1], "g", 1), ==, 1);
      g_assert_cmpint (pthread_join (thread, NULL), ==, 0);
      if (tsync)
        {
          g_assert_cmpint (tc.result, ==, -1);
          g_assert_cmpint (tc.error, ==, EPERM);
        }
      else
        {
          g_assert_cmpint (tc.result, ==, ppid);
          g_assert_cmpint (tc.error, ==, 0);
        }
      return;
    }

  g_setenv ("TEST_LOAD_TSYNC", "on", TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();

  g_setenv ("TEST_LOAD_TSYNC", "off", TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
  g_unsetenv ("TEST_LOAD_TSYNC");
}

static void
test_thread_sync_refused (void)
{
  if (skip_without_seccomp ())
    return;

  g_test_summary ("TSYNC fails (ESRCH, nothing installed) when another thread "
                  "has a filter this thread does not have");

  if (g_test_subprocess ())
    {
      g_autoptr(ScmpFilter) filter =
        filter_new_with_rules (NULL, "getppid", scmp_action_new_errno (EPERM, NULL), NULL);
      g_autoptr(ScmpFilter) other =
        filter_new_with_rules (NULL, "getpgrp", scmp_action_new_errno (EXDEV, NULL), NULL);
      g_autoptr(GError) error = NULL;
      ThreadCall tc = { .own_filter = other };
      g_autofree char *seccomp = NULL;
      pid_t ppid = getppid ();
      pthread_t thread;
      char c;

      g_assert_no_errno (pipe (tc.go));
      g_assert_no_errno (pipe (tc.ready));
      g_assert_cmpint (pthread_create (&thread, NULL, thread_call_getppid, &tc), ==, 0);
      g_assert_cmpint (read (tc.ready[0], &c, 1), ==, 1);

      scmp_filter_set_thread_sync (filter, TRUE);
      g_assert_false (scmp_filter_load (filter, &error));
      g_assert_error (error, SCMP_ERROR, SCMP_ERROR_LOAD_FAILED);
      g_assert_true (g_str_match_string ("synchronized", error->message, FALSE));
      g_assert_true (strstr (error->message, "ESRCH") != NULL);

      /* nothing was installed on this thread */
      g_assert_cmpint (syscall (SYS_getppid), ==, ppid);
      g_assert_true (proc_status_field ("Seccomp", &seccomp));
      g_assert_cmpstr (seccomp, ==, "0");

      g_assert_cmpint (write (tc.go[1], "g", 1), ==, 1);
      g_assert_cmpint (pthread_join (thread, NULL), ==, 0);
      g_assert_cmpint (tc.result, ==, ppid);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

/* ------------------------------------------------------------------ */
/* Prepared loads (between fork and exec)                              */
/* ------------------------------------------------------------------ */

static int
load_prepared_child (gpointer data)
{
  ScmpFilter *filter = data;
  int r;

  /* nothing here allocates: load_prepared and raw syscalls only */
  r = scmp_filter_load_prepared (filter);
  CHILD_CHECK (r == 0);
  errno = 0;
  CHILD_CHECK (syscall (SYS_getppid) == -1 && errno == EPERM);
  CHILD_CHECK (syscall (SYS_getpid) == getpid ());
  return 0;
}

static int
load_unprepared_child (gpointer data)
{
  ScmpFilter *filter = data;
  int r;

  r = scmp_filter_load_prepared (filter);
  CHILD_CHECK (r == -EINVAL);
  /* and no filter got loaded */
  CHILD_CHECK (syscall (SYS_getppid) == getppid ());
  CHILD_CHECK (prctl (PR_GET_SECCOMP, 0, 0, 0, 0) == 0);
  return 0;
}

static void
test_load_prepared (void)
{
  g_autoptr(ScmpFilter) filter = NULL;
  g_autoptr(ScmpAction) eperm = scmp_action_new_errno (EPERM, NULL);
  g_autoptr(ScmpRule) rule = NULL;
  g_autoptr(GError) error = NULL;

  if (skip_without_seccomp ())
    return;

  filter = filter_new_with_rules (NULL, "getppid", scmp_action_new_errno (EPERM, NULL), NULL);

  /* not prepared yet */
  assert_exited_ok (fork_and_wait (load_unprepared_child, filter));

  g_assert_true (scmp_filter_prepare (filter, &error));
  g_assert_no_error (error);
  assert_exited_ok (fork_and_wait (load_prepared_child, filter));
  /* the parent still has no filter */
  g_assert_cmpint (prctl (PR_GET_SECCOMP, 0, 0, 0, 0), ==, 0);

  /* a change after prepare drops the program: unprepared again */
  rule = scmp_rule_new ("getpgrp", eperm);
  g_assert_true (scmp_filter_add_rule (filter, rule, &error));
  g_assert_no_error (error);
  assert_exited_ok (fork_and_wait (load_unprepared_child, filter));

  /* NULL is refused without a critical (async-signal-safe contract) */
  g_assert_cmpint (scmp_filter_load_prepared (NULL), ==, -EINVAL);
}

/* ------------------------------------------------------------------ */
/* Kernel refusal                                                      */
/* ------------------------------------------------------------------ */

static void
test_load_refused (void)
{
  if (skip_without_seccomp ())
    return;

  g_test_summary ("Without no_new_privs and without CAP_SYS_ADMIN the kernel "
                  "refuses the filter with EACCES");

  if (g_test_subprocess ())
    {
      g_autoptr(ScmpFilter) filter =
        filter_new_with_rules (NULL, "getppid", scmp_action_new_errno (EPERM, NULL), NULL);
      g_autoptr(GError) error = NULL;
      g_autofree char *seccomp = NULL;
      pid_t ppid = getppid ();

      drop_cap_sys_admin ();
      scmp_filter_set_no_new_privs (filter, FALSE);

      g_assert_false (scmp_filter_load (filter, &error));
      g_assert_error (error, SCMP_ERROR, SCMP_ERROR_LOAD_FAILED);
      g_test_message ("%s", error->message);
      g_assert_true (strstr (error->message, "EACCES") != NULL);
      g_assert_true (strstr (error->message, "no_new_privs") != NULL);
      g_assert_true (strstr (error->message, "CAP_SYS_ADMIN") != NULL);

      /* nothing was loaded, and no_new_privs was not set behind our back */
      g_assert_cmpint (syscall (SYS_getppid), ==, ppid);
      g_assert_true (proc_status_field ("Seccomp", &seccomp));
      g_assert_cmpstr (seccomp, ==, "0");
      g_assert_cmpint (prctl (PR_GET_NO_NEW_PRIVS, 0, 0, 0, 0), ==, 0);
      g_assert_cmpint (scmp_filter_load_prepared (filter), ==, -EACCES);

      /* with no-new-privs on, the unprivileged load works */
      g_clear_error (&error);
      scmp_filter_set_no_new_privs (filter, TRUE);
      g_assert_true (scmp_filter_load (filter, &error));
      g_assert_no_error (error);
      assert_fails_with (syscall (SYS_getppid), EPERM);
      return;
    }

  if (prctl (PR_GET_NO_NEW_PRIVS, 0, 0, 0, 0) != 0)
    {
      g_test_skip ("The test runs with no_new_privs already set: run it from a shell without it");
      return;
    }
  if (!has_cap_sys_admin ())
    {
      g_test_skip ("The test needs CAP_SYS_ADMIN to drop: run as root");
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

/* ------------------------------------------------------------------ */
/* Sealed memfd export                                                 */
/* ------------------------------------------------------------------ */

typedef struct {
  const guint8 *program;
  gsize size;
} RawProgram;

static int
raw_load_child (gpointer data)
{
  RawProgram *raw = data;
  struct sock_fprog fprog = {
    .len = raw->size / sizeof (struct sock_filter),
    .filter = (struct sock_filter *) raw->program,
  };

  CHILD_CHECK (prctl (PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) == 0);
  CHILD_CHECK (syscall (SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &fprog) == 0);
  errno = 0;
  CHILD_CHECK (syscall (SYS_getppid) == -1 && errno == EPERM);
  errno = 0;
  CHILD_CHECK (syscall (SYS_getpgid, 0) == -1 && errno == 123);
  CHILD_CHECK (syscall (SYS_getpid) == getpid ());
  return 0;
}

static void
test_export_memfd (void)
{
  g_autoptr(ScmpFilter) filter = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree guint8 *content = NULL;
  gsize size;
  guint8 extra;
  int fd, seals;
  RawProgram raw;

  filter = filter_new_with_rules (NULL,
                                  "getppid", scmp_action_new_errno (EPERM, NULL),
                                  "getpgid", scmp_action_new_errno (123, NULL),
                                  NULL);
  fd = scmp_filter_export_bpf_memfd (filter, &error);
  g_assert_no_error (error);
  g_assert_cmpint (fd, >=, 0);

  bytes = scmp_filter_export_bpf (filter, &error);
  g_assert_no_error (error);
  size = g_bytes_get_size (bytes);
  g_assert_cmpuint (size, >, 0);
  g_assert_cmpuint (size % sizeof (struct sock_filter), ==, 0);

  /* sealed, close-on-exec, positioned at 0 */
  seals = fcntl (fd, F_GET_SEALS);
  g_assert_no_errno (seals);
  g_assert_cmphex (seals & (F_SEAL_WRITE | F_SEAL_SHRINK | F_SEAL_GROW | F_SEAL_SEAL), ==,
                   F_SEAL_WRITE | F_SEAL_SHRINK | F_SEAL_GROW | F_SEAL_SEAL);
  g_assert_cmpint (fcntl (fd, F_GETFD) & FD_CLOEXEC, ==, FD_CLOEXEC);
  g_assert_cmpint (lseek (fd, 0, SEEK_CUR), ==, 0);
  g_assert_cmpint (lseek (fd, 0, SEEK_END), ==, (off_t) size);
  g_assert_cmpint (lseek (fd, 0, SEEK_SET), ==, 0);

  /* content == export_bpf */
  content = g_malloc (size);
  g_assert_cmpint (read (fd, content, size), ==, (gssize) size);
  g_assert_cmpint (read (fd, &extra, 1), ==, 0);
  g_assert_cmpmem (content, size, g_bytes_get_data (bytes, NULL), size);

  /* the seals hold */
  g_assert_cmpint (write (fd, "x", 1), ==, -1);
  g_assert_cmpint (errno, ==, EPERM);
  g_assert_cmpint (ftruncate (fd, 0), ==, -1);
  g_assert_cmpint (errno, ==, EPERM);
  g_assert_cmpint (fcntl (fd, F_ADD_SEALS, F_SEAL_FUTURE_WRITE), ==, -1);
  g_assert_cmpint (errno, ==, EPERM);
  close (fd);

  if (skip_without_seccomp ())
    return;

  /* the bytes, loaded with raw seccomp(2), behave as the filter says */
  raw.program = content;
  raw.size = size;
  assert_exited_ok (fork_and_wait (raw_load_child, &raw));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/load/action/errno", test_action_errno);
  g_test_add_func ("/load/action/default", test_action_default);
  g_test_add_func ("/load/action/kill-process", test_action_kill_process);
  g_test_add_func ("/load/action/kill-thread/single", test_action_kill_thread);
  g_test_add_func ("/load/action/kill-thread/multithreaded", test_action_kill_thread_multithreaded);
  g_test_add_func ("/load/action/trap", test_action_trap);
  g_test_add_func ("/load/action/log-allow", test_action_log_allow);
  g_test_add_func ("/load/action/trace-without-tracer", test_action_trace_without_tracer);
  g_test_add_func ("/load/action/notify", test_action_notify);
  g_test_add_func ("/load/args/write-fd", test_args_write_fd);
  g_test_add_func ("/load/args/64bit", test_args_64bit);
#if defined(__x86_64__)
  g_test_add_func ("/load/arch/x86/in-filter", test_arch_x86_in_filter);
  g_test_add_func ("/load/arch/x86/bad-arch-errno", test_arch_x86_bad_arch_errno);
  g_test_add_func ("/load/arch/x86/bad-arch-kill", test_arch_x86_bad_arch_kill);
  g_test_add_func ("/load/arch/x32", test_arch_x32);
#endif
  g_test_add_func ("/load/bad-arch-action/property", test_bad_arch_action_property);
  g_test_add_func ("/load/no-new-privs", test_no_new_privs);
  g_test_add_func ("/load/thread-sync/synced", test_thread_sync);
  g_test_add_func ("/load/thread-sync/refused", test_thread_sync_refused);
  g_test_add_func ("/load/prepared", test_load_prepared);
  g_test_add_func ("/load/refused/eacces", test_load_refused);
  g_test_add_func ("/load/export/memfd", test_export_memfd);

  return g_test_run ();
}
