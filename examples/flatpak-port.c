/* flatpak-port.c: the shape of flatpak's setup_seccomp(), ported from
 * libseccomp to scmp-glib
 *
 * SPDX-FileCopyrightText: 2026 The scmp-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * A deny-list on an allow-by-default filter: a table of syscalls that fail
 * with an errno, some of them only for some arguments, the socket families
 * an app may not use, the 32-bit ABI next to the native one, and the
 * program handed to bwrap --seccomp as a sealed memfd. The checks at the
 * end ask the filter, then bwrap, what a sandboxed app would see.
 */

#include <scmp-glib/scmp-glib.h>

#include <errno.h>
#include <sched.h>
#include <sys/ioctl.h>
#include <sys/personality.h>
#include <sys/socket.h>

/* One entry of the deny-list, as flatpak writes it: a syscall, the errno
 * it fails with, and at most one condition (arg, op, datum, mask). */
typedef struct {
  const char    *syscall;
  int            errnum;
  gboolean       conditional;
  ScmpCondition  condition;
} Denial;

/* Conditions as designated initializers; scmp_condition_new() is the
 * checked, introspectable form. */
#define ARG(n, o, d) TRUE, { .arg = (n), .op = SCMP_COMPARE_OP_##o, .datum = (d) }
#define ARG_MASKED(n, m, d) TRUE, { .arg = (n), .op = SCMP_COMPARE_OP_MASKED_EQ, .datum = (d), .mask = (m) }

static const Denial denials[] = {
  /* Kernel interfaces an app has no business with. */
  { "syslog", EPERM }, { "uselib", EPERM }, { "acct", EPERM },
  { "quotactl", EPERM }, { "add_key", EPERM }, { "keyctl", EPERM },
  { "request_key", EPERM }, { "move_pages", EPERM }, { "mbind", EPERM },
  { "get_mempolicy", EPERM }, { "set_mempolicy", EPERM },
  { "migrate_pages", EPERM }, { "perf_event_open", EPERM }, { "ptrace", EPERM },
  /* No new namespaces, no mounts: the sandbox's shape is bwrap's. */
  { "unshare", EPERM }, { "setns", EPERM }, { "mount", EPERM },
  { "umount", EPERM }, { "umount2", EPERM }, { "pivot_root", EPERM },
  { "chroot", EPERM },
  { "clone", EPERM, ARG_MASKED (0, CLONE_NEWUSER, CLONE_NEWUSER) },
  /* Typing into the terminal that started the app (CVE-2017-5226). The
   * command is an unsigned int to the kernel, and scmp-glib compares it so:
   * flatpak needed a 0xffffffff mask to close CVE-2019-10063. */
  { "ioctl", EPERM, ARG (1, EQ, TIOCSTI) },
  { "ioctl", EPERM, ARG (1, EQ, TIOCLINUX) },
  /* Calls whose flags live behind a pointer: "does not exist", so that
   * the C library falls back on the older call a filter can check. */
  { "clone3", ENOSYS }, { "open_tree", ENOSYS }, { "move_mount", ENOSYS },
  { "fsopen", ENOSYS }, { "fsconfig", ENOSYS }, { "fsmount", ENOSYS },
  { "fspick", ENOSYS }, { "mount_setattr", ENOSYS },
  /* Only the default personality (and the one that disables ASLR is not it). */
  { "personality", EPERM, ARG (0, NE, PER_LINUX) },
};

/* The socket families an app may use; any other fails with EAFNOSUPPORT. */
static const int socket_families[] = { AF_UNSPEC, AF_UNIX, AF_INET, AF_INET6, AF_NETLINK };

static ScmpFilter *
setup_seccomp (GError **error)
{
  g_autoptr(ScmpAction) allow = scmp_action_new_allow ();
  g_autoptr(ScmpFilter) filter = scmp_filter_new (allow);
  g_autoptr(GPtrArray) rules = g_ptr_array_new_with_free_func (g_object_unref);

  /* An x86_64 host runs i386 binaries too: the filter must cover that
   * ABI, or its calls would meet the bad-arch action (kill) instead. */
  if (scmp_architecture_get_native () == SCMP_ARCHITECTURE_X86_64 &&
      !scmp_filter_add_arch (filter, SCMP_ARCHITECTURE_X86, error))
    return NULL;

  for (gsize i = 0; i < G_N_ELEMENTS (denials); i++)
    {
      g_autoptr(ScmpAction) deny = scmp_action_new_errno (denials[i].errnum, error);

      if (deny == NULL)
        return NULL;
      g_ptr_array_add (rules, scmp_rule_newv (denials[i].syscall, deny,
                                              &denials[i].condition,
                                              denials[i].conditional ? 1 : 0));
    }

  /* The first rule that matches decides: an allow rule per family, then
   * one that refuses every socket. flatpak, on libseccomp, where rules
   * have no order, computes the gaps between the allowed families and
   * adds a range rule for each. */
  for (gsize i = 0; i < G_N_ELEMENTS (socket_families); i++)
    {
      ScmpCondition family = { .arg = 0, .op = SCMP_COMPARE_OP_EQ, .datum = socket_families[i] };

      g_ptr_array_add (rules, scmp_rule_newv ("socket", allow, &family, 1));
    }
  {
    g_autoptr(ScmpAction) no_family = scmp_action_new_errno (EAFNOSUPPORT, NULL);

    g_ptr_array_add (rules, scmp_rule_new ("socket", no_family));
  }

  /* All of it or none of it: a rule that does not fit leaves the filter
   * as it was, with a GError that names the rule. libseccomp callers
   * check each return value, and flatpak has to guess what -EFAULT means. */
  if (!scmp_filter_add_rules (filter, (ScmpRule * const *) rules->pdata, rules->len, error))
    return NULL;
  return g_steal_pointer (&filter);
}

/* What the filter does with syscall(args) on @arch, as a string. */
static char *
decide (ScmpFilter       *filter,
        ScmpArchitecture  arch,
        const char       *syscall,
        guint64           arg0,
        guint64           arg1)
{
  g_autoptr(GError) error = NULL;
  const guint64 args[] = { arg0, arg1, 0, 0, 0, 0 };
  g_autoptr(ScmpAction) action =
    scmp_filter_evaluate_syscall (filter, arch, syscall, args, G_N_ELEMENTS (args), &error);

  g_assert_no_error (error);
  return scmp_action_to_string (action);
}

int
main (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScmpFilter) filter = setup_seccomp (&error);
  const ScmpArchitecture native = scmp_architecture_get_native ();
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) child = NULL;
  g_autofree char *err = NULL;
  int fd;

  if (filter == NULL)
    {
      g_printerr ("setup_seccomp: %s\n", error->message);
      return 1;
    }

#define CHECK(expected, syscall, a0, a1) \
  G_STMT_START { \
    g_autofree char *got = decide (filter, native, syscall, a0, a1); \
    g_print ("%s(%s, %s): %s\n", syscall, #a0, #a1, got); \
    g_assert_cmpstr (got, ==, expected); \
  } G_STMT_END

  CHECK ("errno(1)", "clone", CLONE_NEWUSER | SIGCHLD, 0);
  CHECK ("allow", "clone", SIGCHLD, 0);
  CHECK ("errno(1)", "ioctl", 0, TIOCSTI);
  CHECK ("errno(1)", "ioctl", 0, G_GUINT64_CONSTANT (0x100000000) | TIOCSTI);
  CHECK ("allow", "ioctl", 0, TIOCGWINSZ);
  CHECK ("errno(38)", "clone3", 0, 0);
  CHECK ("allow", "socket", AF_INET6, 0);
  CHECK ("allow", "socket", AF_NETLINK, 0);
  CHECK ("errno(97)", "socket", AF_PACKET, 0);
  CHECK ("errno(97)", "socket", AF_INET + 1, 0);
  CHECK ("errno(97)", "socket", G_GUINT64_CONSTANT (0x100000000) | AF_PACKET, 0);
  CHECK ("allow", "personality", PER_LINUX, 0);
  CHECK ("errno(1)", "personality", PER_LINUX | ADDR_NO_RANDOMIZE, 0);

  if (native == SCMP_ARCHITECTURE_X86_64)
    {
      /* The i386 ABI has the same rules, resolved to its own numbers. */
      g_autofree char *got = decide (filter, SCMP_ARCHITECTURE_X86, "socket", AF_PACKET, 0);

      g_print ("socket(AF_PACKET, 0) on x86: %s\n", got);
      g_assert_cmpstr (got, ==, "errno(97)");
    }

  /* The sandbox for real: bwrap loads the program just before it execs
   * unshare(1), whose unshare(CLONE_NEWUSER) then fails. */
  fd = scmp_filter_export_bpf_memfd (filter, &error);
  g_assert_no_error (error);
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_setenv (launcher, "LC_ALL", "C", TRUE);
  g_subprocess_launcher_take_fd (launcher, fd, 10);
  child = g_subprocess_launcher_spawn (launcher, &error,
                                       "bwrap", "--ro-bind", "/", "/", "--dev", "/dev",
                                       "--seccomp", "10", "--", "unshare", "--user", "true",
                                       NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (child, NULL, NULL, NULL, &err, &error);
  g_assert_no_error (error);
  g_print ("bwrap --seccomp: %s", err);
  g_assert_true (g_subprocess_get_if_exited (child));
  g_assert_cmpint (g_subprocess_get_exit_status (child), !=, 0);
  g_assert_nonnull (strstr (err, g_strerror (EPERM)));
  return 0;
}
