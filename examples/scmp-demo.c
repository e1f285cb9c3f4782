/* scmp-demo.c: a guided tour of scmp-glib
 *
 * SPDX-FileCopyrightText: 2026 The scmp-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Run it with `./run demo`. Each section is one function: the ABI tables
 * first, then the embedded default policy, a sandbox for a desktop
 * application, compiled, explained, evaluated in scmp-glib's own BPF
 * interpreter and finally loaded into the kernel in a child process, whose
 * real system calls are checked against the interpreter's predictions.
 *
 * `scmp-demo --print-policy` prints the default policy as GVariant text
 * instead (examples/default-policy.gvariant, which `./run demo` hands to
 * scmp-tool).
 */

#include <scmp-glib/scmp-glib.h>

#include <errno.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

/* The x32 ABI shares x86-64's audit arch and tells its calls apart by this
 * bit in the syscall number (the kernel's __X32_SYSCALL_BIT). */
#define DEMO_X32_SYSCALL_BIT 0x40000000u

static const char * const demo_syscalls[] = {
  "read", "openat", "socket", "accept", "file_setattr",
};

static const ScmpArchitecture demo_arches[] = {
  SCMP_ARCHITECTURE_X86_64,
  SCMP_ARCHITECTURE_X86,
  SCMP_ARCHITECTURE_X32,
  SCMP_ARCHITECTURE_AARCH64,
  SCMP_ARCHITECTURE_ARM,
  SCMP_ARCHITECTURE_RISCV64,
  SCMP_ARCHITECTURE_S390X,
  SCMP_ARCHITECTURE_MIPSEL,
};

static void
print_heading (const char *title)
{
  g_print ("\n== %s ==\n\n", title);
}

/* Formats a syscall number for the table: "-" where the ABI has no direct
 * syscall of that name, "x32+N" for x32 numbers. */
static char *
format_syscall_number (ScmpArchitecture arch,
                       int              nr)
{
  if (nr < 0)
    return g_strdup ("-");
  if (arch == SCMP_ARCHITECTURE_X32 && ((guint) nr & DEMO_X32_SYSCALL_BIT) != 0)
    return g_strdup_printf ("x32+%u", (guint) nr & ~DEMO_X32_SYSCALL_BIT);
  return g_strdup_printf ("%d", nr);
}

/* Section 1: the ABI this program runs under. */
static gboolean
show_native_abi (void)
{
  ScmpArchitecture native = scmp_architecture_get_native ();
  const char *name = scmp_architecture_to_name (native);

  print_heading ("The native ABI");

  if (name == NULL)
    {
      g_printerr ("scmp-demo: the native ABI (%d) has no name\n", native);
      return FALSE;
    }

  g_print ("This program runs as %s: a %u-bit, %s-endian ABI whose\n"
           "seccomp_data.arch value (AUDIT_ARCH_*) is 0x%08x.\n",
           name,
           scmp_architecture_get_word_size (native),
           scmp_architecture_is_big_endian (native) ? "big" : "little",
           scmp_architecture_get_audit_arch (native));

  if (scmp_architecture_from_name (name) != native)
    {
      g_printerr ("scmp-demo: \"%s\" does not map back to its ABI\n", name);
      return FALSE;
    }

  return TRUE;
}

/* Section 2: one syscall name, a different number on every ABI. */
static gboolean
show_syscall_table (void)
{
  gsize i, j;

  print_heading ("One name, many numbers");

  g_print ("A filter names syscalls; scmp-glib resolves each name per ABI when\n"
           "it compiles the filter. \"-\" means the ABI has no such syscall\n"
           "(see the next section for why).\n\n");

  g_print ("%-10s", "ABI");
  for (j = 0; j < G_N_ELEMENTS (demo_syscalls); j++)
    g_print (" %12s", demo_syscalls[j]);
  g_print ("\n");

  for (i = 0; i < G_N_ELEMENTS (demo_arches); i++)
    {
      ScmpArchitecture arch = demo_arches[i];

      g_print ("%-10s", scmp_architecture_to_name (arch));

      for (j = 0; j < G_N_ELEMENTS (demo_syscalls); j++)
        {
          int nr = scmp_syscall_resolve_name (arch, demo_syscalls[j]);
          g_autofree char *cell = format_syscall_number (arch, nr);

          /* Every number must resolve back to the name it came from. */
          if (nr >= 0 && g_strcmp0 (scmp_syscall_resolve_number (arch, nr),
                                    demo_syscalls[j]) != 0)
            {
              g_printerr ("\nscmp-demo: %s %d does not resolve back to %s\n",
                          scmp_architecture_to_name (arch), nr, demo_syscalls[j]);
              return FALSE;
            }

          g_print (" %12s", cell);
        }
      g_print ("\n");
    }

  g_print ("\nx32 numbers carry the x32 bit (0x%08x), shown as x32+N.\n",
           DEMO_X32_SYSCALL_BIT);

  return TRUE;
}

/* Section 3: socketcall(2) on 32-bit x86. */
static gboolean
show_multiplexer (void)
{
  ScmpArchitecture arch = SCMP_ARCHITECTURE_X86;
  int direct_nr = scmp_syscall_resolve_name (arch, "accept");
  int mux_nr = -1;
  guint sub_call = 0;
  ScmpMultiplexer mux;

  print_heading ("Multiplexed syscalls");

  mux = scmp_syscall_get_multiplexer (arch, "accept", &mux_nr, &sub_call);
  if (mux != SCMP_MULTIPLEXER_SOCKETCALL)
    {
      g_printerr ("scmp-demo: x86 accept should go through socketcall\n");
      return FALSE;
    }

  g_print ("On x86, accept has %s direct syscall number; programs reach it\n"
           "through socketcall (syscall %d) with call number %u as the first\n"
           "argument. A rule for accept therefore covers both paths, and is\n"
           "never laxer on the socketcall path than the rule asks.\n",
           direct_nr < 0 ? "no" : "also a", mux_nr, sub_call);

  return TRUE;
}

/* The embedded default policy: what a desktop sandbox usually refuses.
 * Everything else is allowed (a deny-list, as flatpak's is). */
typedef struct {
  const char   *syscall;
  int           errno_value;
  int           arg;           /* -1: unconditional */
  ScmpCompareOp op;
  guint64       mask;
  guint64       datum;
  gboolean      is_32bit;
  const char   *why;
} DemoRule;

static const DemoRule demo_policy[] = {
  { "socket", EAFNOSUPPORT, 0, SCMP_COMPARE_OP_EQ, 0, AF_INET, TRUE, "no IPv4 sockets" },
  { "socket", EAFNOSUPPORT, 0, SCMP_COMPARE_OP_EQ, 0, AF_INET6, TRUE, "no IPv6 sockets" },
  { "ioctl", EPERM, 1, SCMP_COMPARE_OP_MASKED_EQ, 0xffffffff, TIOCSTI, FALSE, "no typing into the terminal" },
  { "clone", EPERM, 0, SCMP_COMPARE_OP_MASKED_EQ, CLONE_NEWUSER, CLONE_NEWUSER, FALSE, "no new user namespaces" },
  { "unshare", EPERM, 0, SCMP_COMPARE_OP_MASKED_EQ, CLONE_NEWUSER, CLONE_NEWUSER, FALSE, "no new user namespaces" },
  { "ptrace", EPERM, -1, 0, 0, 0, FALSE, "no debugging other processes" },
  { "mount", EPERM, -1, 0, 0, 0, FALSE, "no mounts" },
  { "umount2", EPERM, -1, 0, 0, 0, FALSE, "no unmounts" },
  { "pivot_root", EPERM, -1, 0, 0, 0, FALSE, "no root changes" },
  { "bpf", EPERM, -1, 0, 0, 0, FALSE, "no eBPF" },
  { "perf_event_open", EPERM, -1, 0, 0, 0, FALSE, "no perf events" },
  { "kexec_load", EPERM, -1, 0, 0, 0, FALSE, "no new kernels" },
  { "add_key", EPERM, -1, 0, 0, 0, FALSE, "no kernel keyring" },
  { "keyctl", EPERM, -1, 0, 0, 0, FALSE, "no kernel keyring" },
  { "request_key", EPERM, -1, 0, 0, 0, FALSE, "no kernel keyring" },
  { "userfaultfd", EPERM, -1, 0, 0, 0, FALSE, "no userfaultfd" },
};

/* Calls the demo makes, in the interpreter and for real. */
typedef struct {
  const char *label;
  const char *syscall;
  guint64     args[6];
} DemoCall;

static const DemoCall demo_calls[] = {
  { "getpid()", "getpid", { 0 } },
  { "socket(AF_UNIX, SOCK_STREAM)", "socket", { AF_UNIX, SOCK_STREAM } },
  { "socket(AF_INET, SOCK_STREAM)", "socket", { AF_INET, SOCK_STREAM } },
  { "socket(AF_INET6, SOCK_DGRAM)", "socket", { AF_INET6, SOCK_DGRAM } },
  { "ioctl(0, TIOCSTI)", "ioctl", { 0, TIOCSTI } },
  { "ioctl(0, TIOCGWINSZ)", "ioctl", { 0, TIOCGWINSZ } },
  { "unshare(CLONE_NEWUSER)", "unshare", { CLONE_NEWUSER } },
  { "mount(NULL, NULL, NULL)", "mount", { 0 } },
  { "bpf(-1)", "bpf", { G_MAXUINT32 } },
};

static ScmpFilter *
build_demo_filter (GError **error)
{
  g_autoptr(ScmpAction) allow = scmp_action_new_allow ();
  g_autoptr(ScmpFilter) filter = scmp_filter_new (allow);
  g_autoptr(GPtrArray) rules = g_ptr_array_new_with_free_func (g_object_unref);

  for (gsize i = 0; i < G_N_ELEMENTS (demo_policy); i++)
    {
      const DemoRule *r = &demo_policy[i];
      g_autoptr(ScmpAction) deny = scmp_action_new_errno (r->errno_value, NULL);
      ScmpCondition cond = { .arg = r->arg, .op = r->op, .datum = r->datum,
                             .mask = r->mask, .is_32bit = r->is_32bit };

      g_ptr_array_add (rules, scmp_rule_newv (r->syscall, deny, &cond, r->arg < 0 ? 0 : 1));
    }

  /* A policy goes in whole or not at all. */
  if (!scmp_filter_add_rules (filter, (ScmpRule **) rules->pdata, rules->len, error))
    return NULL;

  /* On x86-64, cover the 32-bit and x32 ABIs too: a sandboxed program could
   * otherwise switch ABI to dodge the rules. */
  if (scmp_architecture_get_native () == SCMP_ARCHITECTURE_X86_64)
    {
      if (!scmp_filter_add_arch (filter, SCMP_ARCHITECTURE_X86, error) ||
          !scmp_filter_add_arch (filter, SCMP_ARCHITECTURE_X32, error))
        return NULL;
    }
  return g_steal_pointer (&filter);
}

/* Section 4: the embedded default policy, compiled. */
static ScmpFilter *
show_policy (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScmpFilter) filter = build_demo_filter (&error);
  g_autoptr(GBytes) bpf = NULL;
  g_autofree char *pfc = NULL;
  g_autofree ScmpArchitecture *arches = NULL;
  g_auto(GStrv) lines = NULL;
  gsize n_arches;

  print_heading ("The default policy, compiled");

  if (filter == NULL)
    {
      g_printerr ("scmp-demo: could not build the policy: %s\n", error->message);
      return NULL;
    }

  /* numbered from 0, as scmp_filter_get_rule() and the explanations
   * (scmp-tool eval --explain) count them */
  g_print ("Default action: allow. Rules, first match wins:\n");
  for (guint i = 0; i < scmp_filter_get_n_rules (filter); i++)
    {
      g_autofree char *text = scmp_rule_to_string (scmp_filter_get_rule (filter, i));
      g_print ("  rule %2u: %-48s %s\n", i, text, demo_policy[i].why);
    }

  arches = scmp_filter_list_arches (filter, &n_arches);
  g_print ("\nABIs:");
  for (gsize i = 0; i < n_arches; i++)
    g_print (" %s", scmp_architecture_to_name (arches[i]));

  bpf = scmp_filter_export_bpf (filter, &error);
  if (bpf == NULL)
    {
      g_printerr ("\nscmp-demo: could not compile the policy: %s\n", error->message);
      return NULL;
    }
  g_print ("\nCompiled: %" G_GSIZE_FORMAT " BPF instructions "
           "(the kernel accepts up to 4096).\n", g_bytes_get_size (bpf) / 8);

  pfc = scmp_filter_export_pfc (filter, &error);
  lines = g_strsplit (pfc, "\n", -1);
  g_print ("\nWhat it decides (scmp_filter_export_pfc, first lines):\n");
  for (guint i = 0; lines[i] != NULL && i < 22; i++)
    g_print ("  %s\n", lines[i]);
  g_print ("  ...\n");

  return g_steal_pointer (&filter);
}

/* Section 5: the interpreter's predictions. */
static gboolean
predict_calls (ScmpFilter *filter,
               guint32    *predicted)
{
  ScmpArchitecture native = scmp_architecture_get_native ();

  print_heading ("Evaluated in scmp-glib's BPF interpreter");

  for (gsize i = 0; i < G_N_ELEMENTS (demo_calls); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(ScmpAction) action =
        scmp_filter_evaluate_syscall (filter, native, demo_calls[i].syscall,
                                      demo_calls[i].args, 6, &error);
      g_autofree char *text = NULL;

      if (action == NULL)
        {
          g_printerr ("scmp-demo: %s: %s\n", demo_calls[i].label, error->message);
          return FALSE;
        }
      text = scmp_action_to_string (action);
      predicted[i] = scmp_action_get_kernel_value (action);
      g_print ("  %-30s -> %s\n", demo_calls[i].label, text);
    }
  return TRUE;
}

/* What a real call returned: 0 for success, else the errno, as the
 * low bits of an ERRNO action would carry it. */
static int
make_call (const DemoCall *call)
{
  long nr = scmp_syscall_resolve_name (SCMP_ARCHITECTURE_NATIVE, call->syscall);
  long r = syscall (nr, call->args[0], call->args[1], call->args[2],
                    call->args[3], call->args[4], call->args[5]);

  if (r >= 0)
    {
      /* socket() gave us an fd; don't leak it. */
      if (g_str_equal (call->syscall, "socket"))
        close ((int) r);
      return 0;
    }
  return errno;
}

/* Section 6: the kernel runs the filter in a child process. */
static gboolean
run_in_kernel (ScmpFilter    *filter,
               const guint32 *predicted)
{
  g_autoptr(GError) error = NULL;
  int pipefd[2];
  int results[G_N_ELEMENTS (demo_calls)];
  int status;
  pid_t pid;
  gboolean ok = TRUE;

  print_heading ("Loaded into the kernel (in a child process)");

  /* Compile before forking: the child only loads, which allocates nothing. */
  if (!scmp_filter_prepare (filter, &error))
    {
      g_printerr ("scmp-demo: %s\n", error->message);
      return FALSE;
    }
  if (pipe (pipefd) < 0)
    return FALSE;

  pid = fork ();
  if (pid < 0)
    return FALSE;
  if (pid == 0)
    {
      int r = scmp_filter_load_prepared (filter);

      close (pipefd[0]);
      if (r < 0)
        _exit (100);
      for (gsize i = 0; i < G_N_ELEMENTS (demo_calls); i++)
        results[i] = make_call (&demo_calls[i]);
      if (write (pipefd[1], results, sizeof results) != sizeof results)
        _exit (101);
      _exit (0);
    }

  close (pipefd[1]);
  if (read (pipefd[0], results, sizeof results) != sizeof results)
    ok = FALSE;
  close (pipefd[0]);
  waitpid (pid, &status, 0);
  if (!ok || !WIFEXITED (status) || WEXITSTATUS (status) != 0)
    {
      g_printerr ("scmp-demo: the child could not load the filter (status %d)\n", status);
      return FALSE;
    }

  for (gsize i = 0; i < G_N_ELEMENTS (demo_calls); i++)
    {
      gboolean denied = (predicted[i] & 0xffff0000u) == 0x00050000u;
      /* A denied call must fail with the filter's errno; an allowed one
       * reaches the kernel and may still fail on its own. */
      gboolean match = !denied || results[i] == (int) (predicted[i] & 0xffffu);

      g_print ("  %-30s -> %-28s %s\n", demo_calls[i].label,
               results[i] == 0 ? "succeeded" : g_strerror (results[i]),
               match ? "as predicted" : "NOT AS PREDICTED");
      ok = ok && match;
    }

  g_print ("\nThe kernel %s the interpreter on every call.\n",
           ok ? "agreed with" : "DISAGREED with");
  return ok;
}

/* scmp-demo --print-policy: the policy as GVariant text, one rule a line,
 * which examples/default-policy.gvariant holds for scmp-tool. */
static int
print_policy (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScmpFilter) filter = build_demo_filter (&error);
  g_autoptr(GVariant) policy = NULL;
  g_autoptr(GVariant) attributes = NULL;
  g_autoptr(GVariant) rules = NULL;
  g_autofree char *attributes_text = NULL;
  guint32 version;

  if (filter == NULL)
    {
      g_printerr ("scmp-demo: could not build the policy: %s\n", error->message);
      return EXIT_FAILURE;
    }

  policy = scmp_filter_serialize (filter);
  g_variant_get (policy, "(u@a{sv}@a(sa{sv}))", &version, &attributes, &rules);
  attributes_text = g_variant_print (attributes, TRUE);
  g_print ("(uint32 %u,\n %s,\n [", version, attributes_text);
  for (gsize i = 0; i < g_variant_n_children (rules); i++)
    {
      g_autoptr(GVariant) rule = g_variant_get_child_value (rules, i);
      g_autofree char *rule_text = g_variant_print (rule, FALSE);

      g_print ("%s%s", i == 0 ? "" : ",\n  ", rule_text);
    }
  g_print ("])\n");
  return EXIT_SUCCESS;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(ScmpFilter) filter = NULL;
  guint32 predicted[G_N_ELEMENTS (demo_calls)];

  if (argc == 2 && g_str_equal (argv[1], "--print-policy"))
    return print_policy ();

  g_print ("scmp-glib %d.%d.%d\n",
           SCMP_MAJOR_VERSION, SCMP_MINOR_VERSION, SCMP_MICRO_VERSION);

  if (!show_native_abi ())
    return EXIT_FAILURE;
  if (!show_syscall_table ())
    return EXIT_FAILURE;
  if (!show_multiplexer ())
    return EXIT_FAILURE;

  filter = show_policy ();
  if (filter == NULL)
    return EXIT_FAILURE;
  if (!predict_calls (filter, predicted))
    return EXIT_FAILURE;
  if (!run_in_kernel (filter, predicted))
    return EXIT_FAILURE;

  return EXIT_SUCCESS;
}
