/* test-kernel-args.c: arguments as the kernel reads them, in the kernel
 *
 * SPDX-FileCopyrightText: 2026 The scmp-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Each test loads a filter in a child process and makes real system calls
 * with raw syscall(2), so that bits above what the kernel's entry point
 * reads (an int's upper half, a umode_t's upper 48 bits) reach the
 * kernel; the child checks the kernel's answer, and the parent checks
 * that the built-in interpreter (scmp_filter_evaluate_syscall()) gives the
 * same verdict for the same raw arguments.
 */

#include <scmp-glib/scmp-glib.h>

#include "test-rules.h"
#include "test-seccomp-helpers.h"

#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>

#define HIGH G_GUINT64_CONSTANT (0x100000000)

typedef struct {
  ScmpFilter *filter;
  const char *dir;
} Child;

static ScmpFilter *
filter_with_rule (const char          *syscall,
                  guint                errno_value,
                  const ScmpCondition *cond)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScmpAction) allow = scmp_action_new_allow ();
  g_autoptr(ScmpAction) deny = scmp_action_new_errno (errno_value, &error);
  ScmpFilter *filter = scmp_filter_new (allow);

  g_assert_no_error (error);
  test_add_rule (filter, syscall, deny, cond, 1);
  return filter;
}

/* The interpreter's verdict: 0 for allow, else the errno. */
static guint
interpreter_errno (ScmpFilter *filter,
                   const char *syscall,
                   guint64     a0,
                   guint64     a1,
                   guint64     a2,
                   guint64     a3)
{
  const guint64 args[6] = { a0, a1, a2, a3, 0, 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(ScmpAction) action = scmp_filter_evaluate_syscall (filter, SCMP_ARCHITECTURE_X86_64,
                                                               syscall, args, 6, &error);

  g_assert_no_error (error);
  if (scmp_action_get_kind (action) == SCMP_ACTION_KIND_ALLOW)
    return 0;
  g_assert_cmpint (scmp_action_get_kind (action), ==, SCMP_ACTION_KIND_ERRNO);
  return scmp_action_get_errno_value (action);
}

static void
run_child (ChildFunc  func,
           Child     *child)
{
  assert_exited_ok (fork_and_wait (func, child));
}

static gboolean
load_in_child (ScmpFilter *filter)
{
  g_autoptr(GError) error = NULL;

  return scmp_filter_load (filter, &error);
}

/* socket (int family, ...): the kernel reads the low 32 bits. */
static int
socket_child (gpointer data)
{
  Child *c = data;
  long fd;

  CHILD_CHECK (load_in_child (c->filter));
  errno = 0;
  CHILD_CHECK (syscall (SYS_socket, (unsigned long) (HIGH | AF_INET), SOCK_STREAM, 0) == -1 &&
               errno == EAFNOSUPPORT);
  CHILD_CHECK (syscall (SYS_socket, (unsigned long) AF_INET, SOCK_STREAM, 0) == -1 &&
               errno == EAFNOSUPPORT);
  fd = syscall (SYS_socket, (unsigned long) (HIGH | AF_UNIX), SOCK_STREAM, 0);
  CHILD_CHECK (fd >= 0);
  close ((int) fd);
  return 0;
}

static void
test_socket_high_bits (void)
{
  const ScmpCondition inet = { 0, SCMP_COMPARE_OP_EQ, AF_INET, 0, FALSE };
  g_autoptr(ScmpFilter) filter = NULL;
  Child child = { 0 };

  if (skip_without_seccomp () || skip_unless_x86_64 ())
    return;
  filter = filter_with_rule ("socket", EAFNOSUPPORT, &inet);
  child.filter = filter;
  run_child (socket_child, &child);

  g_assert_cmpuint (interpreter_errno (filter, "socket", HIGH | AF_INET, SOCK_STREAM, 0, 0), ==, EAFNOSUPPORT);
  g_assert_cmpuint (interpreter_errno (filter, "socket", HIGH | AF_UNIX, SOCK_STREAM, 0, 0), ==, 0);
}

/* Only AF_UNIX allowed: AF_UNIX with garbage above it is AF_UNIX. */
static int
socket_unix_only_child (gpointer data)
{
  Child *c = data;
  long fd;

  CHILD_CHECK (load_in_child (c->filter));
  fd = syscall (SYS_socket, (unsigned long) (G_GUINT64_CONSTANT (0xffffffff00000000) | AF_UNIX), SOCK_STREAM, 0);
  CHILD_CHECK (fd >= 0);
  close ((int) fd);
  errno = 0;
  CHILD_CHECK (syscall (SYS_socket, (unsigned long) AF_INET6, SOCK_STREAM, 0) == -1 && errno == EPERM);
  return 0;
}

static void
test_socket_unix_only (void)
{
  const ScmpCondition not_unix = { 0, SCMP_COMPARE_OP_NE, AF_UNIX, 0, FALSE };
  g_autoptr(ScmpFilter) filter = NULL;
  Child child = { 0 };

  if (skip_without_seccomp () || skip_unless_x86_64 ())
    return;
  filter = filter_with_rule ("socket", EPERM, &not_unix);
  child.filter = filter;
  run_child (socket_unix_only_child, &child);

  g_assert_cmpuint (interpreter_errno (filter, "socket", G_GUINT64_CONSTANT (0xffffffff00000000) | AF_UNIX,
                                       SOCK_STREAM, 0, 0), ==, 0);
  g_assert_cmpuint (interpreter_errno (filter, "socket", AF_INET6, SOCK_STREAM, 0, 0), ==, EPERM);
}

/* openat (int dfd, ...): AT_FDCWD as 0xffffff9c and sign-extended. */
static int
openat_child (gpointer data)
{
  Child *c = data;

  CHILD_CHECK (load_in_child (c->filter));
  errno = 0;
  CHILD_CHECK (syscall (SYS_openat, (unsigned long) 0xffffff9cu, "/", O_RDONLY | O_DIRECTORY) == -1 &&
               errno == ENOTSUP);
  errno = 0;
  CHILD_CHECK (syscall (SYS_openat, (unsigned long) (long) AT_FDCWD, "/", O_RDONLY | O_DIRECTORY) == -1 &&
               errno == ENOTSUP);
  return 0;
}

static void
test_openat_at_fdcwd (void)
{
  const ScmpCondition cwd = { 0, SCMP_COMPARE_OP_EQ, (guint64) (gint64) AT_FDCWD, 0, FALSE };
  g_autoptr(ScmpFilter) filter = NULL;
  Child child = { 0 };

  if (skip_without_seccomp () || skip_unless_x86_64 ())
    return;
  filter = filter_with_rule ("openat", ENOTSUP, &cwd);
  child.filter = filter;
  run_child (openat_child, &child);

  g_assert_cmpuint (interpreter_errno (filter, "openat", 0xffffff9cu, 0, O_RDONLY, 0), ==, ENOTSUP);
  g_assert_cmpuint (interpreter_errno (filter, "openat", (guint64) (gint64) AT_FDCWD, 0, O_RDONLY, 0), ==, ENOTSUP);
  g_assert_cmpuint (interpreter_errno (filter, "openat", 3, 0, O_RDONLY, 0), ==, 0);
}

/* mkdirat (int dfd, const char *, umode_t mode): 16 bits of the mode. */
static int
mkdirat_child (gpointer data)
{
  Child *c = data;
  g_autofree char *denied = g_build_filename (c->dir, "denied", NULL);
  g_autofree char *made = g_build_filename (c->dir, "made", NULL);

  CHILD_CHECK (load_in_child (c->filter));
  errno = 0;
  CHILD_CHECK (syscall (SYS_mkdirat, AT_FDCWD, denied, (unsigned long) (0x10000 | 0700)) == -1 && errno == EROFS);
  errno = 0;
  CHILD_CHECK (syscall (SYS_mkdirat, AT_FDCWD, denied, (unsigned long) (G_GUINT64_CONSTANT (0xffffffff00000000) | 0700)) == -1 &&
               errno == EROFS);
  CHILD_CHECK (syscall (SYS_mkdirat, AT_FDCWD, made, (unsigned long) 0755) == 0);
  return 0;
}

static void
test_mkdirat_mode_high_bits (void)
{
  const ScmpCondition mode = { 2, SCMP_COMPARE_OP_EQ, 0700, 0, FALSE };
  g_autoptr(ScmpFilter) filter = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *denied = NULL;
  g_autofree char *made = NULL;
  Child child = { 0 };

  if (skip_without_seccomp () || skip_unless_x86_64 ())
    return;
  dir = g_dir_make_tmp ("scmp-kernel-args-XXXXXX", &error);
  g_assert_no_error (error);
  denied = g_build_filename (dir, "denied", NULL);
  made = g_build_filename (dir, "made", NULL);
  filter = filter_with_rule ("mkdirat", EROFS, &mode);
  child.filter = filter;
  child.dir = dir;
  run_child (mkdirat_child, &child);

  g_assert_false (g_file_test (denied, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (made, G_FILE_TEST_IS_DIR));
  g_assert_no_errno (rmdir (made));
  g_assert_no_errno (rmdir (dir));

  g_assert_cmpuint (interpreter_errno (filter, "mkdirat", (guint64) (gint64) AT_FDCWD, 0, 0x10000 | 0700, 0), ==, EROFS);
  g_assert_cmpuint (interpreter_errno (filter, "mkdirat", (guint64) (gint64) AT_FDCWD, 0, 0755, 0), ==, 0);
}

/* kill (pid_t pid, int sig): "pid < 0" is a negative int. Signal 0 only
 * checks, so nothing is sent even if the filter failed. */
/* Rules on syscalls typed only by arch-data/update-arg-types.py (no
 * hand-written row): umask (int mask) and getpriority (int which, int who).
 * The kernel reads 32 bits; garbage above must not change the verdict. */
static int
generated_types_child (gpointer data)
{
  Child *c = data;

  CHILD_CHECK (load_in_child (c->filter));
  errno = 0;
  CHILD_CHECK (syscall (SYS_umask, (unsigned long) (HIGH | 077)) == -1 && errno == EPERM);
  errno = 0;
  CHILD_CHECK (syscall (SYS_umask, (unsigned long) 077) == -1 && errno == EPERM);
  CHILD_CHECK (syscall (SYS_umask, (unsigned long) (HIGH | 022)) >= 0);
  return 0;
}

static int
getpriority_child (gpointer data)
{
  Child *c = data;

  CHILD_CHECK (load_in_child (c->filter));
  errno = 0;
  /* who = 0xffffffff is -1 to the kernel: negative, denied. */
  CHILD_CHECK (syscall (SYS_getpriority, (unsigned long) PRIO_PROCESS,
                        (unsigned long) 0xffffffffu) == -1 && errno == EPERM);
  /* who = our pid with garbage above: positive, the call runs. */
  errno = 0;
  CHILD_CHECK (syscall (SYS_getpriority, (unsigned long) PRIO_PROCESS,
                        (unsigned long) (HIGH | (guint64) getpid ())) >= 0);
  return 0;
}

static void
test_generated_types (void)
{
  const ScmpCondition mask = { 0, SCMP_COMPARE_OP_EQ, 077, 0, FALSE };
  const ScmpCondition negative_who = { 1, SCMP_COMPARE_OP_LT, 0, 0, FALSE };
  g_autoptr(ScmpFilter) umask_filter = NULL;
  g_autoptr(ScmpFilter) prio_filter = NULL;
  Child child = { 0 };

  if (skip_without_seccomp () || skip_unless_x86_64 ())
    return;
  umask_filter = filter_with_rule ("umask", EPERM, &mask);
  child.filter = umask_filter;
  run_child (generated_types_child, &child);
  g_assert_cmpuint (interpreter_errno (umask_filter, "umask", HIGH | 077, 0, 0, 0), ==, EPERM);
  g_assert_cmpuint (interpreter_errno (umask_filter, "umask", HIGH | 022, 0, 0, 0), ==, 0);

  prio_filter = filter_with_rule ("getpriority", EPERM, &negative_who);
  child.filter = prio_filter;
  run_child (getpriority_child, &child);
  g_assert_cmpuint (interpreter_errno (prio_filter, "getpriority", PRIO_PROCESS, 0xffffffffu, 0, 0), ==, EPERM);
  g_assert_cmpuint (interpreter_errno (prio_filter, "getpriority", PRIO_PROCESS, HIGH | 1, 0, 0), ==, 0);
}

static int
kill_child (gpointer data)
{
  Child *c = data;

  CHILD_CHECK (load_in_child (c->filter));
  errno = 0;
  CHILD_CHECK (syscall (SYS_kill, (unsigned long) 0xffffffffu, 0) == -1 && errno == EPERM);
  errno = 0;
  CHILD_CHECK (syscall (SYS_kill, (unsigned long) (long) -getpid (), 0) == -1 && errno == EPERM);
  /* Our own pid with garbage above it: positive, allowed, delivered to us. */
  CHILD_CHECK (syscall (SYS_kill, (unsigned long) (HIGH | (guint64) getpid ()), 0) == 0);
  return 0;
}

static void
test_kill_signed_ordering (void)
{
  const ScmpCondition negative = { 0, SCMP_COMPARE_OP_LT, 0, 0, FALSE };
  g_autoptr(ScmpFilter) filter = NULL;
  Child child = { 0 };

  if (skip_without_seccomp () || skip_unless_x86_64 ())
    return;
  filter = filter_with_rule ("kill", EPERM, &negative);
  child.filter = filter;
  run_child (kill_child, &child);

  g_assert_cmpuint (interpreter_errno (filter, "kill", 0xffffffffu, 0, 0, 0), ==, EPERM);
  g_assert_cmpuint (interpreter_errno (filter, "kill", HIGH | 42, 0, 0, 0), ==, 0);
}

/* errno(0): the kernel returns 0 and does not run the call. */
static int
errno0_child (gpointer data)
{
  Child *c = data;
  g_autofree char *path = g_build_filename (c->dir, "never", NULL);

  CHILD_CHECK (load_in_child (c->filter));
  CHILD_CHECK (syscall (SYS_mkdirat, AT_FDCWD, path, (unsigned long) 0755) == 0);
  CHILD_CHECK (access (path, F_OK) == -1 && errno == ENOENT);
  return 0;
}

static void
test_errno0_pretends (void)
{
  const ScmpCondition any_mode = { 2, SCMP_COMPARE_OP_GE, 0, 0, FALSE };
  g_autoptr(ScmpFilter) filter = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  Child child = { 0 };

  if (skip_without_seccomp () || skip_unless_x86_64 ())
    return;
  dir = g_dir_make_tmp ("scmp-kernel-args-XXXXXX", &error);
  g_assert_no_error (error);
  filter = filter_with_rule ("mkdirat", 0, &any_mode);
  child.filter = filter;
  child.dir = dir;
  run_child (errno0_child, &child);
  g_assert_no_errno (rmdir (dir));
}

#if defined(__x86_64__)
#define X86_NR_IPC 117

typedef struct {
  ScmpFilter *filter;
  guint       sub_call;
} IpcChild;

/* i386 ipc (int $0x80) with version bits above the sub-call. */
static int
ipc_child (gpointer data)
{
  IpcChild *c = data;

  CHILD_CHECK (load_in_child (c->filter));
  CHILD_CHECK (int80_syscall4 (X86_NR_IPC, c->sub_call, 0, 0, 0) == -EACCES);
  CHILD_CHECK (int80_syscall4 (X86_NR_IPC, c->sub_call | 0x10000, 0, 0, 0) == -EACCES);
  CHILD_CHECK (int80_syscall4 (X86_NR_IPC, c->sub_call | 0xffff0000u, 0, 0, 0) == -EACCES);
  return 0;
}
#endif

static void
test_ipc_version_bits (void)
{
#if defined(__x86_64__)
  static const struct { const char *name; guint sub_call; } calls[] = {
    { "semget", 2 }, { "shmget", 23 },
  };

  if (skip_without_seccomp () || skip_without_ia32 ())
    return;

  for (gsize i = 0; i < G_N_ELEMENTS (calls); i++)
    {
      g_autoptr(ScmpAction) allow = scmp_action_new_allow ();
      g_autoptr(ScmpAction) deny = scmp_action_new_errno (EACCES, NULL);
      g_autoptr(ScmpRule) rule = scmp_rule_new (calls[i].name, deny);
      g_autoptr(ScmpFilter) filter = scmp_filter_new (allow);
      g_autoptr(GError) error = NULL;
      IpcChild child = { filter, calls[i].sub_call };
      const guint64 args[6] = { calls[i].sub_call | 0xffff0000u, 0, 0, 0, 0, 0 };
      g_autoptr(ScmpAction) verdict = NULL;

      g_assert_true (scmp_filter_add_arch (filter, SCMP_ARCHITECTURE_X86, &error));
      g_assert_true (scmp_filter_add_rule (filter, rule, &error));
      g_assert_no_error (error);
      assert_exited_ok (fork_and_wait (ipc_child, &child));

      verdict = scmp_filter_evaluate (filter, SCMP_ARCHITECTURE_X86, X86_NR_IPC, args, 6, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (scmp_action_get_errno_value (verdict), ==, EACCES);
    }
#else
  skip_without_ia32 ();
#endif
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/kernel-args/socket/high-bits", test_socket_high_bits);
  g_test_add_func ("/kernel-args/socket/unix-only", test_socket_unix_only);
  g_test_add_func ("/kernel-args/openat/at-fdcwd", test_openat_at_fdcwd);
  g_test_add_func ("/kernel-args/mkdirat/mode-high-bits", test_mkdirat_mode_high_bits);
  g_test_add_func ("/kernel-args/kill/signed-ordering", test_kill_signed_ordering);
  g_test_add_func ("/kernel-args/errno-0", test_errno0_pretends);
  g_test_add_func ("/kernel-args/generated-types", test_generated_types);
  g_test_add_func ("/kernel-args/ipc/version-bits", test_ipc_version_bits);

  return g_test_run ();
}
