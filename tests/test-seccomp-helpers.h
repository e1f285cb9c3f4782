/* test-seccomp-helpers.h: preconditions and child processes the kernel
 * tests share
 *
 * SPDX-FileCopyrightText: 2026 The scmp-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Include after the scmp-glib headers (scmp_kernel_has_seccomp()).
 *
 * A filter is loaded in a child process: either a trapped subprocess
 * (g_test_trap_subprocess()) or a plain fork_and_wait(). Forked children
 * never use g_assert (its TAP output would reach the runner's stdout):
 * they report a failed CHILD_CHECK() on stderr and exit with status 1.
 */

#pragma once

#include <glib.h>

#include "test-skip.h"

#include <errno.h>
#include <stdio.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <linux/capability.h>

static inline gboolean
skip_without_seccomp (void)
{
  if (!scmp_kernel_has_seccomp ())
    {
      scmp_test_skip_machine ("the kernel has no seccomp filters (or they are forbidden here)");
      return TRUE;
    }
  return FALSE;
}

static inline gboolean
skip_without_action (ScmpActionKind  kind,
                     const char     *name)
{
  if (!scmp_kernel_supports_action (kind))
    {
      scmp_test_skip_machine ("the kernel lacks the %s action", name);
      return TRUE;
    }
  return FALSE;
}

static inline gboolean
has_cap_sys_admin (void)
{
  struct __user_cap_header_struct hdr = { _LINUX_CAPABILITY_VERSION_3, 0 };
  struct __user_cap_data_struct data[2] = { { 0 } };

  g_assert_no_errno (syscall (SYS_capget, &hdr, data));
  return (data[CAP_TO_INDEX (CAP_SYS_ADMIN)].effective & CAP_TO_MASK (CAP_SYS_ADMIN)) != 0;
}

/* Gives CAP_SYS_ADMIN up for good (effective, permitted and inheritable):
 * without it and without no-new-privs, the kernel refuses a filter. */
static inline void
drop_cap_sys_admin (void)
{
  struct __user_cap_header_struct hdr = { _LINUX_CAPABILITY_VERSION_3, 0 };
  struct __user_cap_data_struct data[2] = { { 0 } };
  guint idx = CAP_TO_INDEX (CAP_SYS_ADMIN);

  g_assert_no_errno (syscall (SYS_capget, &hdr, data));
  data[idx].effective &= ~CAP_TO_MASK (CAP_SYS_ADMIN);
  data[idx].permitted &= ~CAP_TO_MASK (CAP_SYS_ADMIN);
  data[idx].inheritable &= ~CAP_TO_MASK (CAP_SYS_ADMIN);
  g_assert_no_errno (syscall (SYS_capset, &hdr, data));
  g_assert_false (has_cap_sys_admin ());
}

/* Inside a forked child: report and exit 1. */
#define CHILD_CHECK(cond)                                                     \
  G_STMT_START {                                                              \
    if (!(cond))                                                              \
      {                                                                       \
        dprintf (2, "child check failed, %s:%d: %s (errno %d)\n",            \
                 __FILE__, __LINE__, #cond, errno);                           \
        _exit (1);                                                            \
      }                                                                       \
  } G_STMT_END

typedef int (*ChildFunc) (gpointer data);

/* fork() with stdio flushed (so that no buffered TAP line is written
 * twice); in the child, core dumps are off. Returns fork()'s value. */
static inline pid_t
fork_child (void)
{
  pid_t pid;

  fflush (stdout);
  fflush (stderr);
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      struct rlimit no_core = { 0, 0 };

      setrlimit (RLIMIT_CORE, &no_core);
    }
  return pid;
}

/* Runs @func in a forked child, with core dumps off, and returns the wait
 * status. The child exits with @func's return value. */
static inline int
fork_and_wait (ChildFunc func,
               gpointer  data)
{
  int status = 0;
  pid_t pid;

  pid = fork_child ();
  if (pid == 0)
    {
      prctl (PR_SET_DUMPABLE, 0, 0, 0, 0);
      _exit (func (data));
    }

  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  return status;
}

static inline void
assert_exited_ok (int status)
{
  if (WIFSIGNALED (status))
    g_error ("The child was killed by signal %d (%s)", WTERMSIG (status),
             g_strsignal (WTERMSIG (status)));
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);
}

static inline void
assert_killed_by (int status,
                  int signo)
{
  if (WIFEXITED (status))
    g_error ("The child exited with status %d instead of being killed by %s",
             WEXITSTATUS (status), g_strsignal (signo));
  g_assert_true (WIFSIGNALED (status));
  g_assert_cmpint (WTERMSIG (status), ==, signo);
}

#if defined(__x86_64__)
#define X86_NR_GETPID 20        /* i386 getpid */

/* A syscall without arguments through the i386 entry (int $0x80) of a
 * 64-bit process. Returns the raw kernel result (-errno on failure). */
static inline long
int80_syscall0 (long nr)
{
  long ret = nr;

  __asm__ volatile ("int $0x80"
                    : "+a" (ret)
                    :
                    : "memory", "cc", "r8", "r9", "r10", "r11");
  return ret;
}

/* The same with four arguments (ebx, ecx, edx, esi), which the i386 entry
 * sees as 32-bit registers. */
static inline long
int80_syscall4 (long    nr,
                guint32 a0,
                guint32 a1,
                guint32 a2,
                guint32 a3)
{
  long ret = nr;

  __asm__ volatile ("int $0x80"
                    : "+a" (ret)
                    : "b" ((unsigned long) a0), "c" ((unsigned long) a1),
                      "d" ((unsigned long) a2), "S" ((unsigned long) a3)
                    : "memory", "cc", "r8", "r9", "r10", "r11");
  return (int) ret;
}

static inline int
probe_int80_child (gpointer data)
{
  long r = int80_syscall0 (X86_NR_GETPID);

  return r == (long) getpid () ? 0 : 2;
}
#endif

/* Whether this process can make i386 system calls (int $0x80). A kernel
 * without CONFIG_IA32_EMULATION, or booted with ia32_emulation=0, refuses
 * them; on some machines int $0x80 faults (SIGSEGV) even with it. The
 * probe runs once, in a child. */
static inline gboolean
skip_without_ia32 (void)
{
#if defined(__x86_64__)
  static int available = -1;

  if (available < 0)
    {
      int status = fork_and_wait (probe_int80_child, NULL);

      available = WIFEXITED (status) && WEXITSTATUS (status) == 0;
    }
  if (!available)
    {
      scmp_test_skip_machine ("i386 syscalls (int $0x80) do not work in a 64-bit process "
                              "here: no CONFIG_IA32_EMULATION, ia32_emulation=0, or the "
                              "probe faulted");
      return TRUE;
    }
  return FALSE;
#else
  scmp_test_skip_machine ("only on x86_64");
  return TRUE;
#endif
}

/* Whether this is an x86_64 (not x32) build, whose native ABI is x86_64. */
static inline gboolean
skip_unless_x86_64 (void)
{
#if defined(__x86_64__) && !defined(__ILP32__)
  return FALSE;
#else
  scmp_test_skip_machine ("only on x86_64");
  return TRUE;
#endif
}
