/* test-oci.c: OCI and Docker seccomp profiles, read and written
 *
 * SPDX-FileCopyrightText: 2026 The scmp-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The resolution of Docker's profile (capabilities, kernel, host), runc's
 * meaning of the rules, warnings, malformed and hostile profiles, syscall
 * sets and export, through the public API. test-oci-docker.c compares
 * Docker's profile with libseccomp and loads it in the kernel.
 */

#include <scmp-glib/scmp-glib.h>

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "test-oci-helpers.h"

static ScmpOciProfile *
load_text (const char *json,
           GError    **error)
{
  g_autoptr(ScmpOciProfile) profile = scmp_oci_profile_new ();

  g_assert_true (scmp_oci_profile_set_kernel_version (profile, "6.12", NULL));
  if (!scmp_oci_profile_load_from_data (profile, json, -1, error))
    return NULL;
  return g_steal_pointer (&profile);
}

/* ------------------------------------------------------------------ */
/* Resolution                                                          */
/* ------------------------------------------------------------------ */

static ScmpActionKind
decide (ScmpFilter       *filter,
        ScmpArchitecture  arch,
        const char       *syscall,
        guint64           arg0)
{
  guint64 args[6] = { arg0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(ScmpAction) action = scmp_filter_evaluate_syscall (filter, arch, syscall, args, 6, &error);

  g_assert_no_error (error);
  return scmp_action_get_kind (action);
}

static void
test_docker_hosts (void)
{
  struct {
    ScmpArchitecture host;
    ScmpArchitecture arches[3];
  } cases[] = {
    { SCMP_ARCHITECTURE_X86_64, { SCMP_ARCHITECTURE_X86_64, SCMP_ARCHITECTURE_X86, SCMP_ARCHITECTURE_X32 } },
    { SCMP_ARCHITECTURE_AARCH64, { SCMP_ARCHITECTURE_AARCH64, SCMP_ARCHITECTURE_ARM } },
    { SCMP_ARCHITECTURE_S390X, { SCMP_ARCHITECTURE_S390X, SCMP_ARCHITECTURE_S390 } },
    { SCMP_ARCHITECTURE_RISCV64, { SCMP_ARCHITECTURE_RISCV64 } },
    { SCMP_ARCHITECTURE_X86, { SCMP_ARCHITECTURE_X86 } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(ScmpOciProfile) profile = load_docker (cases[i].host, NULL);
      ScmpFilter *filter = scmp_oci_profile_get_filter (profile);
      g_autofree ScmpArchitecture *arches = NULL;
      gsize n;

      arches = scmp_filter_list_arches (filter, &n);
      for (gsize a = 0; a < G_N_ELEMENTS (cases[i].arches); a++)
        if (cases[i].arches[a] != 0)
          g_assert_cmpint (arches[a], ==, cases[i].arches[a]);
      g_assert_cmpuint (n, ==, cases[i].arches[2] ? 3 : cases[i].arches[1] ? 2 : 1);
    }

  /* includes.arches uses Docker's names for the host: "amd64". */
  {
    g_autoptr(ScmpOciProfile) p64 = load_docker (SCMP_ARCHITECTURE_X86_64, NULL);
    g_autoptr(ScmpOciProfile) parm = load_docker (SCMP_ARCHITECTURE_AARCH64, NULL);
    g_autoptr(ScmpOciProfile) ps390 = load_docker (SCMP_ARCHITECTURE_S390X, NULL);

    g_assert_cmpint (decide (scmp_oci_profile_get_filter (p64), SCMP_ARCHITECTURE_X86_64,
                             "arch_prctl", 0), ==, SCMP_ACTION_KIND_ALLOW);
    g_assert_cmpint (decide (scmp_oci_profile_get_filter (p64), SCMP_ARCHITECTURE_X86_64,
                             "modify_ldt", 0), ==, SCMP_ACTION_KIND_ALLOW);
    /* arm: "arm64" includes arm_fadvise64_64 on the arm ABI. */
    g_assert_cmpint (decide (scmp_oci_profile_get_filter (parm), SCMP_ARCHITECTURE_ARM,
                             "arm_fadvise64_64", 0), ==, SCMP_ACTION_KIND_ALLOW);
    /* s390's clone takes its flags second: excludes arches s390/s390x. */
    g_assert_cmpint (decide (scmp_oci_profile_get_filter (ps390), SCMP_ARCHITECTURE_S390X,
                             "clone", 0x10000000), ==, SCMP_ACTION_KIND_ALLOW);
    g_assert_cmpint (decide (scmp_oci_profile_get_filter (p64), SCMP_ARCHITECTURE_X86_64,
                             "clone", 0x10000000), ==, SCMP_ACTION_KIND_ERRNO);
  }
}

static void
test_docker_capabilities (void)
{
  const char *admin[] = { "CAP_SYS_ADMIN", NULL };
  g_autoptr(ScmpOciProfile) plain = load_docker (SCMP_ARCHITECTURE_X86_64, NULL);
  g_autoptr(ScmpOciProfile) priv = load_docker (SCMP_ARCHITECTURE_X86_64, admin);
  ScmpFilter *f = scmp_oci_profile_get_filter (plain);
  ScmpFilter *g = scmp_oci_profile_get_filter (priv);
  g_autoptr(GError) error = NULL;
  g_autoptr(ScmpAction) clone3 = NULL;

  g_assert_cmpstrv (scmp_oci_profile_get_capabilities (priv), admin);
  /* Without CAP_SYS_ADMIN: clone without namespace flags, clone3 ENOSYS,
   * mount denied with EPERM (defaultErrnoRet 1). */
  g_assert_cmpint (decide (f, SCMP_ARCHITECTURE_X86_64, "clone", 0x00011000), ==, SCMP_ACTION_KIND_ALLOW);
  g_assert_cmpint (decide (f, SCMP_ARCHITECTURE_X86_64, "clone", 0x20000000), ==, SCMP_ACTION_KIND_ERRNO);
  clone3 = scmp_filter_evaluate_syscall (f, SCMP_ARCHITECTURE_X86_64, "clone3", NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (scmp_action_get_errno_value (clone3), ==, ENOSYS);
  g_clear_object (&clone3);
  clone3 = scmp_filter_evaluate_syscall (f, SCMP_ARCHITECTURE_X86_64, "mount", NULL, 0, &error);
  g_assert_cmpuint (scmp_action_get_errno_value (clone3), ==, EPERM);
  /* With it: every clone, clone3 and mount. */
  g_assert_cmpint (decide (g, SCMP_ARCHITECTURE_X86_64, "clone", 0x20000000), ==, SCMP_ACTION_KIND_ALLOW);
  g_assert_cmpint (decide (g, SCMP_ARCHITECTURE_X86_64, "clone3", 0), ==, SCMP_ACTION_KIND_ALLOW);
  g_assert_cmpint (decide (g, SCMP_ARCHITECTURE_X86_64, "mount", 0), ==, SCMP_ACTION_KIND_ALLOW);
  g_assert_cmpint (decide (f, SCMP_ARCHITECTURE_X86_64, "personality", 8), ==, SCMP_ACTION_KIND_ALLOW);
  g_assert_cmpint (decide (f, SCMP_ARCHITECTURE_X86_64, "personality", 0xffffffff), ==, SCMP_ACTION_KIND_ALLOW);
  g_assert_cmpint (decide (f, SCMP_ARCHITECTURE_X86_64, "personality", 9), ==, SCMP_ACTION_KIND_ERRNO);
}

static void
test_docker_kernel (void)
{
  g_autofree char *path = docker_profile_path ();
  g_autoptr(ScmpOciProfile) profile = scmp_oci_profile_new ();
  g_autoptr(GError) error = NULL;

  /* ptrace needs minKernel 4.8. */
  g_assert_true (scmp_oci_profile_set_kernel_version (profile, "4.7", &error));
  g_assert_true (scmp_oci_profile_load_from_file (profile, path, &error));
  g_assert_cmpint (decide (scmp_oci_profile_get_filter (profile), SCMP_ARCHITECTURE_NATIVE,
                           "ptrace", 0), ==, SCMP_ACTION_KIND_ERRNO);
  g_assert_true (scmp_oci_profile_set_kernel_version (profile, "4.8.1", &error));
  g_assert_true (scmp_oci_profile_load_from_file (profile, path, &error));
  g_assert_cmpint (decide (scmp_oci_profile_get_filter (profile), SCMP_ARCHITECTURE_NATIVE,
                           "ptrace", 0), ==, SCMP_ACTION_KIND_ALLOW);
  /* The running kernel (this machine's is far newer than 4.8). */
  g_assert_true (scmp_oci_profile_set_kernel_version (profile, NULL, &error));
  g_assert_null (scmp_oci_profile_get_kernel_version (profile));
  g_assert_true (scmp_oci_profile_load_from_file (profile, path, &error));
  g_assert_cmpint (decide (scmp_oci_profile_get_filter (profile), SCMP_ARCHITECTURE_NATIVE,
                           "ptrace", 0), ==, SCMP_ACTION_KIND_ALLOW);

  g_assert_false (scmp_oci_profile_set_kernel_version (profile, "four", &error));
  g_assert_error (error, SCMP_ERROR, SCMP_ERROR_INVALID_ARGUMENT);
  g_assert_null (scmp_oci_profile_get_kernel_version (profile));
}

/* ------------------------------------------------------------------ */
/* runc's meaning of the rules                                         */
/* ------------------------------------------------------------------ */

static void
test_semantics (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScmpOciProfile) p = NULL;
  g_autoptr(ScmpAction) a = NULL;
  ScmpFilter *f;
  guint64 args[6] = { 0 };

  p = load_text ("{\"defaultAction\": \"SCMP_ACT_ERRNO\", \"syscalls\": ["
                 /* the default action's rule is left out */
                 " {\"names\": [\"getpid\"], \"action\": \"SCMP_ACT_ERRNO\"},"
                 /* conditional then unconditional: the unconditional decides */
                 " {\"names\": [\"read\"], \"action\": \"SCMP_ACT_KILL\","
                 "  \"args\": [{\"index\": 0, \"value\": 5, \"op\": \"SCMP_CMP_EQ\"}]},"
                 " {\"names\": [\"read\"], \"action\": \"SCMP_ACT_ALLOW\"},"
                 /* unconditional then another: the first decides */
                 " {\"names\": [\"write\"], \"action\": \"SCMP_ACT_LOG\"},"
                 " {\"names\": [\"write\"], \"action\": \"SCMP_ACT_ALLOW\"},"
                 /* one argument twice: OR */
                 " {\"names\": [\"close\"], \"action\": \"SCMP_ACT_ALLOW\", \"args\": ["
                 "  {\"index\": 0, \"value\": 3, \"op\": \"SCMP_CMP_EQ\"},"
                 "  {\"index\": 0, \"value\": 7, \"op\": \"SCMP_CMP_EQ\"}]},"
                 /* two arguments: AND; MASKED_EQ's value is the mask */
                 " {\"name\": \"mmap\", \"action\": \"SCMP_ACT_ALLOW\", \"args\": ["
                 "  {\"index\": 2, \"value\": 4, \"valueTwo\": 0, \"op\": \"SCMP_CMP_MASKED_EQ\"},"
                 "  {\"index\": 3, \"value\": 2, \"op\": \"SCMP_CMP_GE\"}]},"
                 " {\"names\": [\"kill\"], \"action\": \"SCMP_ACT_KILL\"},"
                 " {\"names\": [\"ptrace\"], \"action\": \"SCMP_ACT_TRACE\", \"errnoRet\": 42},"
                 " {\"names\": [\"dup\"], \"action\": \"SCMP_ACT_TRACE\"},"
                 " {\"names\": [\"pipe\"], \"action\": \"SCMP_ACT_ERRNO\", \"errnoRet\": 0}"
                 "], \"flags\": [\"SECCOMP_FILTER_FLAG_LOG\", \"SECCOMP_FILTER_FLAG_SPEC_ALLOW\","
                 " \"SECCOMP_FILTER_FLAG_TSYNC\", \"SECCOMP_FILTER_FLAG_WAIT_KILLABLE_RECV\"],"
                 " \"listenerPath\": \"/run/agent.sock\", \"listenerMetadata\": \"hello\"}",
                 &error);
  g_assert_no_error (error);
  f = scmp_oci_profile_get_filter (p);

  /* read (1) + write (1) + close (2) + mmap + kill + ptrace + dup + pipe */
  g_assert_cmpuint (scmp_filter_get_n_rules (f), ==, 9);
  g_assert_cmpuint (scmp_action_get_errno_value (scmp_filter_get_default_action (f)), ==, EPERM);
  g_assert_cmpint (decide (f, 0, "getpid", 0), ==, SCMP_ACTION_KIND_ERRNO);
  g_assert_cmpint (decide (f, 0, "read", 5), ==, SCMP_ACTION_KIND_ALLOW);
  g_assert_cmpint (decide (f, 0, "write", 0), ==, SCMP_ACTION_KIND_LOG);
  g_assert_cmpint (decide (f, 0, "close", 3), ==, SCMP_ACTION_KIND_ALLOW);
  g_assert_cmpint (decide (f, 0, "close", 7), ==, SCMP_ACTION_KIND_ALLOW);
  g_assert_cmpint (decide (f, 0, "close", 4), ==, SCMP_ACTION_KIND_ERRNO);
  g_assert_cmpint (decide (f, 0, "kill", 0), ==, SCMP_ACTION_KIND_KILL_THREAD);

  args[2] = 3;             /* PROT_READ | PROT_WRITE: no PROT_EXEC */
  args[3] = 2;
  a = scmp_filter_evaluate_syscall (f, 0, "mmap", args, 6, &error);
  g_assert_cmpint (scmp_action_get_kind (a), ==, SCMP_ACTION_KIND_ALLOW);
  g_clear_object (&a);
  args[2] = 7;
  a = scmp_filter_evaluate_syscall (f, 0, "mmap", args, 6, &error);
  g_assert_cmpint (scmp_action_get_kind (a), ==, SCMP_ACTION_KIND_ERRNO);
  g_clear_object (&a);
  args[2] = 3;
  args[3] = 1;
  a = scmp_filter_evaluate_syscall (f, 0, "mmap", args, 6, &error);
  g_assert_cmpint (scmp_action_get_kind (a), ==, SCMP_ACTION_KIND_ERRNO);

  g_clear_object (&a);
  a = scmp_filter_evaluate_syscall (f, 0, "ptrace", NULL, 0, &error);
  g_assert_cmpuint (scmp_action_get_trace_value (a), ==, 42);
  g_clear_object (&a);
  a = scmp_filter_evaluate_syscall (f, 0, "dup", NULL, 0, &error);
  g_assert_cmpuint (scmp_action_get_trace_value (a), ==, EPERM);
  g_clear_object (&a);
  a = scmp_filter_evaluate_syscall (f, 0, "pipe", NULL, 0, &error);
  g_assert_cmpint (scmp_action_get_kind (a), ==, SCMP_ACTION_KIND_ERRNO);
  g_assert_cmpuint (scmp_action_get_errno_value (a), ==, 0);

  g_assert_true (scmp_filter_get_log (f));
  g_assert_true (scmp_filter_get_spec_allow (f));
  g_assert_true (scmp_filter_get_thread_sync (f));
  g_assert_true (scmp_filter_get_wait_killable (f));
  g_assert_cmpstr (scmp_oci_profile_get_listener_path (p), ==, "/run/agent.sock");
  g_assert_cmpstr (scmp_oci_profile_get_listener_metadata (p), ==, "hello");
  g_assert_cmpstrv (scmp_oci_profile_get_warnings (p), ((const char *[]) { NULL }));
}

static void
test_warnings (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScmpOciProfile) p = NULL;
  const char * const *w;
  const char *json =
    "{\"defaultAction\": \"SCMP_ACT_ERRNO\", \"novelty\": 1, \"syscalls\": ["
    " {\"names\": [\"read\", \"not_a_syscall_at_all\"], \"action\": \"SCMP_ACT_ALLOW\","
    "  \"errnoRet\": 3},"
    " {\"names\": [\"ioctl\"], \"action\": \"SCMP_ACT_ALLOW\","
    "  \"args\": [{\"index\": 1, \"value\": 21505, \"op\": \"SCMP_CMP_EQ\"}]},"
    " {\"names\": [\"ioctl\"], \"action\": \"SCMP_ACT_LOG\","
    "  \"args\": [{\"index\": 0, \"value\": 1, \"op\": \"SCMP_CMP_EQ\"}]}]}";

  p = load_text (json, &error);
  g_assert_no_error (error);
  w = scmp_oci_profile_get_warnings (p);
  g_assert_cmpuint (g_strv_length ((char **) w), ==, 4);
  g_assert_nonnull (strstr (w[0], "profile data: novelty: the format has no field"));
  g_assert_nonnull (strstr (w[1], "syscalls[0].errnoRet: errnoRet has no meaning with SCMP_ACT_ALLOW"));
  g_assert_nonnull (strstr (w[2], "syscalls[0].names[1]: “not_a_syscall_at_all” is not a system call"));
  g_assert_nonnull (strstr (w[3], "syscalls[2].names[0]: “ioctl” has conditional rules with different actions"));
  g_assert_cmpuint (scmp_filter_get_n_rules (scmp_oci_profile_get_filter (p)), ==, 3);

  /* Strict: each is an error. */
  g_clear_object (&p);
  p = scmp_oci_profile_new ();
  scmp_oci_profile_set_flags (p, SCMP_OCI_PROFILE_FLAGS_STRICT_FIELDS);
  g_assert_false (scmp_oci_profile_load_from_data (p, json, -1, &error));
  g_assert_error (error, SCMP_ERROR, SCMP_ERROR_INVALID_POLICY);
  g_assert_nonnull (strstr (error->message, "novelty"));
  g_clear_error (&error);
  scmp_oci_profile_set_flags (p, SCMP_OCI_PROFILE_FLAGS_STRICT_SYSCALLS);
  g_assert_false (scmp_oci_profile_load_from_data (p, json + 0, -1, &error));
  g_assert_error (error, SCMP_ERROR, SCMP_ERROR_INVALID_SYSCALL);
  g_assert_nonnull (strstr (error->message, "syscalls[0].names[1]: “not_a_syscall_at_all”"));
  g_assert_null (scmp_oci_profile_get_filter (p));
}

/* ------------------------------------------------------------------ */
/* Malformed and hostile profiles                                      */
/* ------------------------------------------------------------------ */

static void
test_malformed (void)
{
  const struct {
    const char *json;
    int code;
    const char *message;
  } cases[] = {
    { "", SCMP_ERROR_INVALID_POLICY, "profile data" },
    { "{\"defaultAction\": \"SCMP_ACT_ALLOW\",\n  \"syscalls\": [}", SCMP_ERROR_INVALID_POLICY, "profile data:2:" },
    { "[]", SCMP_ERROR_INVALID_POLICY, "the profile: must be an object, not an array" },
    { "{}", SCMP_ERROR_INVALID_POLICY, "defaultAction: this field is required" },
    { "{\"defaultAction\": 1}", SCMP_ERROR_INVALID_POLICY, "defaultAction: must be a string, not a number" },
    { "{\"defaultAction\": \"SCMP_ACT_MAYBE\"}", SCMP_ERROR_INVALID_POLICY, "“SCMP_ACT_MAYBE” is not an action (the actions are SCMP_ACT_KILL_PROCESS" },
    { "{\"defaultAction\": \"SCMP_ACT_ERRNO\", \"defaultErrnoRet\": 5000}", SCMP_ERROR_INVALID_POLICY, "defaultErrnoRet: errno 5000 is out of range (at most 4095)" },
    { "{\"defaultAction\": \"SCMP_ACT_ERRNO\", \"defaultErrnoRet\": 1.5}", SCMP_ERROR_INVALID_POLICY, "defaultErrnoRet: must be a whole number, not a fractional number" },
    { "{\"defaultAction\": \"SCMP_ACT_ERRNO\", \"defaultErrnoRet\": -1}", SCMP_ERROR_INVALID_POLICY, "profile data:1:56: the number -1 is negative" },
    { "{\"defaultAction\": \"SCMP_ACT_ALLOW\", \"syscalls\": [{\"names\": [\"read\"], \"action\": \"SCMP_ACT_ERRNO\", \"args\": [{\"index\": 0, \"value\": 99999999999999999999999, \"op\": \"SCMP_CMP_EQ\"}]}]}",
      SCMP_ERROR_INVALID_POLICY, "the number 99999999999999999999999 is larger than 18446744073709551615" },
    { "{\"defaultAction\": \"SCMP_ACT_ALLOW\", \"syscalls\": {}}", SCMP_ERROR_INVALID_POLICY, "syscalls: must be an array, not an object" },
    { "{\"defaultAction\": \"SCMP_ACT_ALLOW\", \"syscalls\": [7]}", SCMP_ERROR_INVALID_POLICY, "syscalls[0]: must be an object, not a number" },
    { "{\"defaultAction\": \"SCMP_ACT_ALLOW\", \"syscalls\": [{\"names\": [\"read\"]}]}", SCMP_ERROR_INVALID_POLICY, "syscalls[0].action: this field is required" },
    { "{\"defaultAction\": \"SCMP_ACT_ALLOW\", \"syscalls\": [{\"names\": [\"read\", 3], \"action\": \"SCMP_ACT_KILL\"}]}", SCMP_ERROR_INVALID_POLICY, "syscalls[0].names[1]: must be a string, not a number" },
    { "{\"defaultAction\": \"SCMP_ACT_ALLOW\", \"syscalls\": [{\"names\": [\"\"], \"action\": \"SCMP_ACT_KILL\"}]}", SCMP_ERROR_INVALID_POLICY, "syscalls[0].names[0]: a syscall name is empty" },
    { "{\"defaultAction\": \"SCMP_ACT_ALLOW\", \"syscalls\": [{\"name\": \"read\", \"names\": [\"write\"], \"action\": \"SCMP_ACT_KILL\"}]}", SCMP_ERROR_INVALID_POLICY, "syscalls[0]: has both “name” and “names”" },
    { "{\"defaultAction\": \"SCMP_ACT_ALLOW\", \"syscalls\": [{\"names\": [\"read\"], \"action\": \"SCMP_ACT_KILL\", \"args\": [{\"index\": 6, \"value\": 1, \"op\": \"SCMP_CMP_EQ\"}]}]}",
      SCMP_ERROR_INVALID_POLICY, "syscalls[0].args[0].index: argument 6 does not exist: a system call has arguments 0 to 5" },
    { "{\"defaultAction\": \"SCMP_ACT_ALLOW\", \"syscalls\": [{\"names\": [\"read\"], \"action\": \"SCMP_ACT_KILL\", \"args\": [{\"value\": 1, \"op\": \"SCMP_CMP_EQ\"}]}]}",
      SCMP_ERROR_INVALID_POLICY, "syscalls[0].args[0].index: this field is required" },
    { "{\"defaultAction\": \"SCMP_ACT_ALLOW\", \"syscalls\": [{\"names\": [\"read\"], \"action\": \"SCMP_ACT_KILL\", \"args\": [{\"index\": 0, \"value\": 1, \"op\": \"SCMP_CMP_ABOUT\"}]}]}",
      SCMP_ERROR_INVALID_POLICY, "syscalls[0].args[0].op: “SCMP_CMP_ABOUT” is not an operator (the operators are SCMP_CMP_NE" },
    { "{\"defaultAction\": \"SCMP_ACT_ALLOW\", \"syscalls\": [{\"names\": [\"read\"], \"action\": \"SCMP_ACT_KILL\", \"args\": [{\"index\": 0, \"value\": \"1\", \"op\": \"SCMP_CMP_EQ\"}]}]}",
      SCMP_ERROR_INVALID_POLICY, "syscalls[0].args[0].value: must be a whole number, not a string" },
    { "{\"defaultAction\": \"SCMP_ACT_ALLOW\", \"syscalls\": [{\"names\": [\"read\"], \"action\": \"SCMP_ACT_KILL\", \"args\": [1,2,3,4,5,6,7]}]}",
      SCMP_ERROR_INVALID_POLICY, "syscalls[0].args: has 7 conditions; a rule can test at most 6" },
    /* A value personality()'s unsigned int cannot hold: the filter's error, placed. */
    { "{\"defaultAction\": \"SCMP_ACT_ERRNO\", \"syscalls\": [{\"names\": [\"personality\"], \"action\": \"SCMP_ACT_ALLOW\", \"args\": [{\"index\": 0, \"value\": 4294967296, \"op\": \"SCMP_CMP_EQ\"}]}]}",
      SCMP_ERROR_INVALID_ARGUMENT, "profile data: syscalls[0].names[0]: On x86_64, the kernel reads argument 0 of “personality” as an unsigned 32-bit number" },
    { "{\"defaultAction\": \"SCMP_ACT_ERRNO\", \"syscalls\": ["
      "{\"names\": [\"read\"], \"action\": \"SCMP_ACT_ALLOW\", \"args\": [{\"index\": 0, \"value\": 1, \"op\": \"SCMP_CMP_EQ\"}]},"
      "{\"names\": [\"read\"], \"action\": \"SCMP_ACT_LOG\", \"args\": [{\"index\": 0, \"value\": 1, \"op\": \"SCMP_CMP_EQ\"}]}]}",
      SCMP_ERROR_EXISTS, "profile data: syscalls[1].names[0]: The filter already has a rule for “read”" },
    { "{\"defaultAction\": \"SCMP_ACT_ALLOW\", \"architectures\": [\"SCMP_ARCH_VAX\"]}", SCMP_ERROR_INVALID_POLICY, "architectures[0]: “SCMP_ARCH_VAX” is not an architecture" },
    { "{\"defaultAction\": \"SCMP_ACT_ALLOW\", \"architectures\": [\"SCMP_ARCH_S390X\"]}", SCMP_ERROR_INVALID_POLICY, "architectures: Cannot add s390x" },
    { "{\"defaultAction\": \"SCMP_ACT_ALLOW\", \"architectures\": [\"SCMP_ARCH_X86\"], \"archMap\": [{\"architecture\": \"SCMP_ARCH_X86_64\"}]}", SCMP_ERROR_INVALID_POLICY, "has both “architectures” and “archMap”" },
    { "{\"defaultAction\": \"SCMP_ACT_ALLOW\", \"archMap\": [{\"architecture\": \"SCMP_ARCH_X86_64\", \"subArchitectures\": [\"SCMP_ARCH_Z80\"]}]}", SCMP_ERROR_INVALID_POLICY, "archMap[0].subArchitectures[0]: “SCMP_ARCH_Z80” is not an architecture" },
    { "{\"defaultAction\": \"SCMP_ACT_ALLOW\", \"flags\": [\"SECCOMP_FILTER_FLAG_FAST\"]}", SCMP_ERROR_INVALID_POLICY, "flags[0]: “SECCOMP_FILTER_FLAG_FAST” is not a seccomp filter flag" },
    { "{\"defaultAction\": \"SCMP_ACT_ALLOW\", \"syscalls\": [{\"names\": [\"read\"], \"action\": \"SCMP_ACT_KILL\", \"includes\": {\"minKernel\": \"5\"}}]}",
      SCMP_ERROR_INVALID_POLICY, "syscalls[0].includes.minKernel: “5” is not a kernel version of the form <major>.<minor>" },
    { "{\"defaultAction\": \"SCMP_ACT_ALLOW\", \"syscalls\": [{\"names\": [\"read\"], \"action\": \"SCMP_ACT_KILL\", \"excludes\": {\"caps\": \"CAP_SYS_ADMIN\"}}]}",
      SCMP_ERROR_INVALID_POLICY, "syscalls[0].excludes.caps: must be an array, not a string" },
    /* Checked even when includes leaves the entry out. */
    { "{\"defaultAction\": \"SCMP_ACT_ALLOW\", \"syscalls\": [{\"names\": [\"read\"], \"action\": \"SCMP_ACT_NOPE\", \"includes\": {\"caps\": [\"CAP_NOBODY_HAS\"]}}]}",
      SCMP_ERROR_INVALID_POLICY, "syscalls[0].action: “SCMP_ACT_NOPE” is not an action" },
    { "{\"defaultAction\": \"SCMP_ACT_TRACE\", \"defaultErrnoRet\": 70000}", SCMP_ERROR_INVALID_POLICY, "defaultErrnoRet: the tracer's value 70000 is out of range" },
    { "{\"defaultAction\": \"SCMP_ACT_ALLOW\", \"listenerPath\": 5}", SCMP_ERROR_INVALID_POLICY, "listenerPath: must be a string, not a number" },
    { "{\"defaultAction\": \"SCMP_ACT_ALLOW\", \"x\": \"\\\"-1\\\"\", \"syscalls\": [{\"names\": [\"read\"], \"action\": \"SCMP_ACT_KILL\", \"args\": [{\"index\": 0, \"value\": -5, \"op\": \"SCMP_CMP_EQ\"}]}]}",
      SCMP_ERROR_INVALID_POLICY, "the number -5 is negative" },
    /* json-glib's scanner takes more than JSON: where a number could hide
     * from the pre-scan, the profile is refused as a JSON parser would */
    { "{\"defaultAction\": \"SCMP_ACT_ALLOW\", 'x\"': 0, \"syscalls\": [{\"names\": [\"read\"], \"action\": \"SCMP_ACT_KILL\", \"args\": [{\"index\": 0, \"value\": -1, \"op\": \"SCMP_CMP_EQ\"}]}]}",
      SCMP_ERROR_INVALID_POLICY, "profile data:1:37: strings are written in double quotes in JSON" },
    { "{\"defaultAction\": \"SCMP_ACT_ALLOW\" /* \" */, \"defaultErrnoRet\": 18446744073709551616}",
      SCMP_ERROR_INVALID_POLICY, "profile data:1:36: JSON has no comments" },
    { "{\"defaultAction\": \"SCMP_ACT_ERRNO\", \"defaultErrnoRet\": 0x10}",
      SCMP_ERROR_INVALID_POLICY, "profile data:1:56: 0x10 is not a JSON number" },
    { "{\"defaultAction\": \"SCMP_ACT_ERRNO\", \"defaultErrnoRet\": 012}",
      SCMP_ERROR_INVALID_POLICY, "012 is not a JSON number" },
    { "{\"defaultAction\": \"SCMP_ACT_ERRNO\",\n \"defaultErrnoRet\": 18446744073709551616}",
      SCMP_ERROR_INVALID_POLICY, "profile data:2:21: the number 18446744073709551616 is larger than" },
    { "{\"defaultAction\": \"SCMP_ACT_ALLOW\n\"}",
      SCMP_ERROR_INVALID_POLICY, "profile data:1:19: the string is not closed on its line" },
    /* json-glib would take the first of two values (and leak the second):
     * a profile is one value, as for runc (found by fuzz-oci) */
    { "{\"defaultAction\": \"SCMP_ACT_ALLOW\"}\n {\"defaultAction\": \"SCMP_ACT_KILL\"}",
      SCMP_ERROR_INVALID_POLICY, "profile data:2:2: there is more after the profile, which ended at 1:35" },
    { "{\"defaultAction\": \"SCMP_ACT_ALLOW\"} 5",
      SCMP_ERROR_INVALID_POLICY, "profile data:1:37: there is more after the profile" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(ScmpOciProfile) profile = NULL;
      g_autoptr(GError) error = NULL;

      profile = load_text (cases[i].json, &error);
      g_assert_null (profile);
      g_assert_nonnull (error);
      if (error->domain != SCMP_ERROR || error->code != cases[i].code ||
          strstr (error->message, cases[i].message) == NULL)
        g_error ("case %u: got “%s” (code %d), expected code %d and “%s”", i,
                 error->message, error->code, cases[i].code, cases[i].message);
    }
}

/* Deep nesting, a huge file, and a failed load keeping the last good one. */
static void
test_hostile (void)
{
  g_autoptr(ScmpOciProfile) profile = scmp_oci_profile_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) deep = g_string_new ("{\"defaultAction\": \"SCMP_ACT_ALLOW\", \"x\": ");
  g_autofree char *dir = g_dir_make_tmp ("test-oci-XXXXXX", &error);
  g_autofree char *big = g_build_filename (dir, "big.json", NULL);
  g_autofree char *path = docker_profile_path ();
  ScmpFilter *before;
  int fd;

  for (guint i = 0; i < 100000; i++)
    g_string_append_c (deep, '[');
  for (guint i = 0; i < 100000; i++)
    g_string_append_c (deep, ']');
  g_string_append_c (deep, '}');
  g_assert_false (scmp_oci_profile_load_from_data (profile, deep->str, deep->len, &error));
  g_assert_error (error, SCMP_ERROR, SCMP_ERROR_INVALID_POLICY);
  g_assert_nonnull (strstr (error->message, "profile data:1:105: the profile nests arrays and objects deeper than 64 levels"));
  g_clear_error (&error);

  /* 100 MB, refused before it is read (a sparse file). */
  fd = open (big, O_CREAT | O_WRONLY | O_CLOEXEC, 0600);
  g_assert_cmpint (fd, >=, 0);
  g_assert_no_errno (ftruncate (fd, 100 * 1024 * 1024));
  close (fd);
  g_assert_false (scmp_oci_profile_load_from_file (profile, big, &error));
  g_assert_error (error, SCMP_ERROR, SCMP_ERROR_INVALID_POLICY);
  g_assert_nonnull (strstr (error->message, "big.json: the profile is 104857600 bytes long; profiles over 16 MiB are refused"));
  g_clear_error (&error);
  g_unlink (big);
  g_rmdir (dir);

  g_assert_false (scmp_oci_profile_load_from_file (profile, "/nonexistent/profile.json", &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_assert_nonnull (strstr (error->message, "/nonexistent/profile.json"));
  g_clear_error (&error);

  /* A failed load leaves the last good one. */
  g_assert_true (scmp_oci_profile_load_from_file (profile, path, &error));
  before = scmp_oci_profile_get_filter (profile);
  g_assert_false (scmp_oci_profile_load_from_data (profile, "{\"defaultAction\": \"SCMP_ACT_ALLOW\", "
                                                   "\"syscalls\": [{\"names\": [\"bogus_call\"], "
                                                   "\"action\": 4}]}", -1, &error));
  g_assert_error (error, SCMP_ERROR, SCMP_ERROR_INVALID_POLICY);
  g_assert_true (scmp_oci_profile_get_filter (profile) == before);
  g_assert_cmpstrv (scmp_oci_profile_get_warnings (profile), ((const char *[]) { NULL }));
}

/* Docker's profile with random bytes changed, and cut short: each is read
 * or refused with an error, never a crash, and a refusal leaves the last
 * good filter. */
static void
test_mutations (void)
{
  g_autofree char *path = docker_profile_path ();
  g_autofree char *text = NULL;
  g_autoptr(ScmpOciProfile) profile = scmp_oci_profile_new ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (11);
  const char noise[] = "{}[]\",:-0123456789eE.\\ntruefalsenull \x01\xff";
  guint read_ok = 0, refused = 0;
  gsize length;

  g_assert_true (g_file_get_contents (path, &text, &length, NULL));
  g_assert_true (scmp_oci_profile_load_from_data (profile, text, length, NULL));
  for (guint i = 0; i < 150; i++)
    {
      g_autofree char *copy = g_memdup2 (text, length);
      gsize n = length;
      ScmpFilter *before = scmp_oci_profile_get_filter (profile);
      g_autoptr(GError) error = NULL;

      if (i % 3 == 2)
        n = g_rand_int_range (rand, 0, length);
      else
        for (guint k = 0; k < 1 + i % 4; k++)
          copy[g_rand_int_range (rand, 0, length)] = noise[g_rand_int_range (rand, 0, sizeof noise - 1)];
      if (scmp_oci_profile_load_from_data (profile, copy, n, &error))
        {
          g_assert_no_error (error);
          read_ok++;
        }
      else
        {
          g_assert_nonnull (error);
          g_assert_true (error->message[0] != '\0');
          g_assert_true (scmp_oci_profile_get_filter (profile) == before);
          refused++;
        }
    }
  g_test_message ("%u mutated profiles read, %u refused", read_ok, refused);
  g_assert_cmpuint (refused, >, 50);
}

/* ------------------------------------------------------------------ */
/* Export                                                              */
/* ------------------------------------------------------------------ */

static GBytes *
program_of (ScmpFilter *filter)
{
  g_autoptr(GError) error = NULL;
  GBytes *bytes = scmp_filter_export_bpf (filter, &error);

  g_assert_no_error (error);
  return bytes;
}

static void
test_export_roundtrip (void)
{
  const char *admin[] = { "CAP_SYS_ADMIN", NULL };
  const char *const *cap_sets[] = { NULL, admin };

  for (guint cs = 0; cs < G_N_ELEMENTS (cap_sets); cs++)
    {
      g_autoptr(ScmpOciProfile) profile = load_docker (SCMP_ARCHITECTURE_X86_64, cap_sets[cs]);
      g_autoptr(ScmpOciProfile) again = scmp_oci_profile_new ();
      ScmpFilter *filter = scmp_oci_profile_get_filter (profile);
      g_autoptr(GError) error = NULL;
      g_auto(GStrv) warnings = NULL;
      g_autofree char *json = NULL, *json2 = NULL;
      g_autoptr(GBytes) a = NULL, b = NULL;

      scmp_filter_set_log (filter, TRUE);
      json = scmp_filter_export_oci (filter, SCMP_OCI_EXPORT_FLAGS_STRICT, &warnings, &error);
      g_assert_no_error (error);
      g_assert_cmpstrv (warnings, ((const char *[]) { NULL }));
      g_assert_nonnull (strstr (json, "\"defaultAction\": \"SCMP_ACT_ERRNO\""));
      g_assert_nonnull (strstr (json, "\"SCMP_ARCH_X32\""));
      g_assert_nonnull (strstr (json, "\"SECCOMP_FILTER_FLAG_LOG\""));

      g_assert_true (scmp_oci_profile_load_from_data (again, json, -1, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (scmp_filter_get_n_rules (scmp_oci_profile_get_filter (again)), ==,
                        scmp_filter_get_n_rules (filter));
      a = program_of (filter);
      b = program_of (scmp_oci_profile_get_filter (again));
      g_assert_true (g_bytes_equal (a, b));
      /* and a second time, the same text */
      json2 = scmp_filter_export_oci (scmp_oci_profile_get_filter (again),
                                      SCMP_OCI_EXPORT_FLAGS_NONE, NULL, &error);
      g_assert_cmpstr (json, ==, json2);
    }
}

/* Values above 2^63 survive the trip (json-glib would write them
 * negative), and so does everything a profile can say. */
static void
test_export_values (void)
{
  g_autoptr(ScmpAction) deny = scmp_action_new_errno (EACCES, NULL);
  g_autoptr(ScmpAction) trace = scmp_action_new_trace (7);
  g_autoptr(ScmpAction) notify = scmp_action_new_notify ();
  g_autoptr(ScmpFilter) filter = scmp_filter_new (deny);
  g_autoptr(ScmpOciProfile) back = scmp_oci_profile_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) a = NULL, b = NULL;
  g_autofree char *json = NULL;
  g_auto(GStrv) warnings = NULL;
  ScmpCondition minus_one = { .arg = 1, .op = SCMP_COMPARE_OP_EQ, .datum = G_MAXUINT64, .mask = G_MAXUINT64 };
  ScmpCondition high = { .arg = 0, .op = SCMP_COMPARE_OP_MASKED_EQ, .datum = 0x8000000000000000,
                         .mask = 0xffffffff00000000 };
  ScmpCondition both[] = { minus_one, high };
  ScmpRule *rules[] = {
    scmp_rule_newv ("mmap", trace, both, 2),
    scmp_rule_new ("mkdir", notify),
    scmp_rule_new ("getpid", notify),
  };

  g_assert_true (scmp_filter_add_rules (filter, rules, G_N_ELEMENTS (rules), &error));
  scmp_filter_set_wait_killable (filter, TRUE);
  json = scmp_filter_export_oci (filter, SCMP_OCI_EXPORT_FLAGS_STRICT, &warnings, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (json, "\"value\": 18446744073709551615"));
  g_assert_nonnull (strstr (json, "\"value\": 18446744069414584320, \"valueTwo\": 9223372036854775808"));
  g_assert_nonnull (strstr (json, "\"names\": [\n        \"mkdir\",\n        \"getpid\"\n      ]"));
  g_assert_nonnull (strstr (json, "\"action\": \"SCMP_ACT_TRACE\",\n      \"errnoRet\": 7"));
  g_assert_true (scmp_oci_profile_load_from_data (back, json, -1, &error));
  g_assert_no_error (error);
  g_assert_true (scmp_filter_get_wait_killable (scmp_oci_profile_get_filter (back)));
  a = program_of (filter);
  b = program_of (scmp_oci_profile_get_filter (back));
  g_assert_true (g_bytes_equal (a, b));
  for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
    g_object_unref (rules[i]);
}

static ScmpRule *
rule_with (const char *syscall,
           ScmpAction *action,
           const ScmpCondition *conds,
           gsize n)
{
  return scmp_rule_newv (syscall, action, conds, n);
}

static void
test_export_inexpressible (void)
{
  g_autoptr(ScmpAction) deny = scmp_action_new_errno (EPERM, NULL);
  g_autoptr(ScmpAction) allow = scmp_action_new_allow ();
  g_autoptr(ScmpAction) log = scmp_action_new_log ();
  g_autoptr(ScmpAction) trap = scmp_action_new_trap (5);
  g_autoptr(ScmpAction) enosys = scmp_action_new_errno (ENOSYS, NULL);
  g_autoptr(ScmpFilter) filter = scmp_filter_new (deny);
  ScmpArchitecture x86_64 = SCMP_ARCHITECTURE_X86_64;
  ScmpCondition fd3 = { .arg = 0, .op = SCMP_COMPARE_OP_EQ, .datum = 3, .mask = G_MAXUINT64 };
  ScmpCondition fd5 = { .arg = 0, .op = SCMP_COMPARE_OP_EQ, .datum = 5, .mask = G_MAXUINT64 };
  ScmpCondition ge1 = { .arg = 1, .op = SCMP_COMPARE_OP_GE, .datum = 1, .mask = G_MAXUINT64 };
  ScmpCondition le9 = { .arg = 1, .op = SCMP_COMPARE_OP_LE, .datum = 9, .mask = G_MAXUINT64 };
  ScmpCondition low32 = { .arg = 1, .op = SCMP_COMPARE_OP_EQ, .datum = 7, .mask = G_MAXUINT32, .is_32bit = TRUE };
  ScmpCondition range[] = { ge1, le9 };
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) warnings = NULL;
  g_autofree char *json = NULL;
  const char *expected[] = {
    "the bad-architecture action is allow",
    "the format has no unknown-syscall action (errno(38))",
    "the format has no known kernel (6.1)",
    "allow-tracer-skip",
    "rule 0 (getpid: trap(5)) traps with the value 5",
    "rule 1 (#1000 on x86_64: allow) is for syscall numbers",
    "rule 2 (getppid: allow [only on x86_64]) applies to some of the filter's architectures only",
    "rule 3 (read: allow if arg1 >= 1 && arg1 <= 9) tests argument 1 twice",
    "rule 4 (lseek: allow if arg1 == 7 (32-bit)) compares the low 32 bits of argument 1, which x86_64 reads as 64 bits",
    "“close” has a rule for the default action before rules with other actions",
    "“dup” has conditional rules before a rule without conditions with another action",
    "“write” has conditional rules with different actions",
    NULL
  };
  g_autoptr(ScmpRule) getppid = scmp_rule_new ("getppid", allow);
  ScmpRule *rules[] = {
    scmp_rule_new ("getpid", trap),
    scmp_rule_new_for_number (SCMP_ARCHITECTURE_X86_64, 1000, allow, NULL),
    scmp_rule_restrict_to (getppid, &x86_64, 1, NULL),
    rule_with ("read", allow, range, 2),
    rule_with ("lseek", allow, &low32, 1),
    rule_with ("close", deny, &fd3, 1),
    rule_with ("close", allow, NULL, 0),
    rule_with ("dup", log, &fd3, 1),
    rule_with ("dup", allow, NULL, 0),
    rule_with ("write", allow, &fd3, 1),
    rule_with ("write", log, &fd5, 1),
    rule_with ("exit", allow, NULL, 0),
  };

  g_assert_true (scmp_filter_set_known_kernel (filter, "6.1", NULL));
  g_assert_true (scmp_filter_add_arch (filter, SCMP_ARCHITECTURE_X86, NULL) ||
                 scmp_filter_has_arch (filter, SCMP_ARCHITECTURE_X86));
  g_assert_true (scmp_filter_add_rules (filter, rules, G_N_ELEMENTS (rules), &error));
  g_assert_no_error (error);
  scmp_filter_set_bad_arch_action (filter, allow);
  scmp_filter_set_unknown_syscall_action (filter, enosys);
  scmp_filter_set_allow_tracer_skip (filter, TRUE);

  json = scmp_filter_export_oci (filter, SCMP_OCI_EXPORT_FLAGS_NONE, &warnings, &error);
  g_assert_no_error (error);
  g_assert_nonnull (json);
  for (guint i = 0; expected[i] != NULL; i++)
    {
      if (warnings[i] == NULL || strstr (warnings[i], expected[i]) == NULL)
        g_error ("warning %u: got “%s”, expected “%s”", i, warnings[i], expected[i]);
    }
  g_assert_null (warnings[G_N_ELEMENTS (expected) - 1]);
  /* What was written still reads. */
  {
    g_autoptr(ScmpOciProfile) back = scmp_oci_profile_new ();

    g_assert_true (scmp_oci_profile_load_from_data (back, json, -1, &error));
    g_assert_no_error (error);
  }

  /* Strict: the first as an error, no text, no warnings. */
  g_clear_pointer (&json, g_free);
  g_clear_pointer (&warnings, g_strfreev);
  json = scmp_filter_export_oci (filter, SCMP_OCI_EXPORT_FLAGS_STRICT, &warnings, &error);
  g_assert_null (json);
  g_assert_null (warnings);
  g_assert_error (error, SCMP_ERROR, SCMP_ERROR_NOT_SUPPORTED);
  g_assert_nonnull (strstr (error->message, "An OCI profile cannot express this filter: the bad-architecture action"));
  for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
    g_object_unref (rules[i]);
}

static void
test_syscall_sets (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScmpOciProfile) p = NULL;
  g_auto(GStrv) members = scmp_syscall_set_get_members ("@basic-io", TRUE, &error);

  p = load_text ("{\"defaultAction\": \"SCMP_ACT_ERRNO\", \"syscalls\": ["
                 "{\"names\": [\"@basic-io\"], \"action\": \"SCMP_ACT_ALLOW\"}]}", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (scmp_filter_get_n_rules (scmp_oci_profile_get_filter (p)), ==,
                    g_strv_length (members));
  g_assert_cmpint (decide (scmp_oci_profile_get_filter (p), 0, "read", 0), ==, SCMP_ACTION_KIND_ALLOW);
  g_assert_cmpint (decide (scmp_oci_profile_get_filter (p), 0, "socket", 0), ==, SCMP_ACTION_KIND_ERRNO);
  g_clear_object (&p);

  p = load_text ("{\"defaultAction\": \"SCMP_ACT_ERRNO\", \"syscalls\": ["
                 "{\"names\": [\"read\", \"@no-such-set\"], \"action\": \"SCMP_ACT_ALLOW\"}]}", &error);
  g_assert_null (p);
  g_assert_error (error, SCMP_ERROR, SCMP_ERROR_INVALID_SYSCALL);
  g_assert_nonnull (strstr (error->message, "profile data: syscalls[0].names[1]: “@no-such-set” is not a syscall set"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/oci/docker/hosts", test_docker_hosts);
  g_test_add_func ("/oci/docker/capabilities", test_docker_capabilities);
  g_test_add_func ("/oci/docker/kernel", test_docker_kernel);
  g_test_add_func ("/oci/semantics", test_semantics);
  g_test_add_func ("/oci/warnings", test_warnings);
  g_test_add_func ("/oci/malformed", test_malformed);
  g_test_add_func ("/oci/hostile", test_hostile);
  g_test_add_func ("/oci/mutations", test_mutations);
  g_test_add_func ("/oci/syscall-sets", test_syscall_sets);
  g_test_add_func ("/oci/export/round-trip", test_export_roundtrip);
  g_test_add_func ("/oci/export/inexpressible", test_export_inexpressible);
  g_test_add_func ("/oci/export/values", test_export_values);

  return g_test_run ();
}
