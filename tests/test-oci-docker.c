/* test-oci-docker.c: Docker's default profile against libseccomp, and in
 * the kernel
 *
 * SPDX-FileCopyrightText: 2026 The scmp-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The profile is read for five hosts, with and without capabilities, and
 * its compiled decisions are compared with libseccomp's for the same
 * resolved rules on every syscall number (the oracle: libseccomp's
 * program, run in the same interpreter), with argument values around
 * every datum of the rules. Then a child loads it and makes real calls.
 */

#include "config.h"

#include <scmp-glib/scmp-glib.h>

#include "scmp-arch-private.h"
#include "scmp-bpf-private.h"
#include "test-libseccomp.h"
#include "test-oci-helpers.h"
#include "test-seccomp-helpers.h"

#include <errno.h>
#include <sys/syscall.h>
#include <unistd.h>

/* ------------------------------------------------------------------ */
/* Differential: the Docker profile against libseccomp                 */
/* ------------------------------------------------------------------ */

/* The values worth trying for an argument: around every datum and mask
 * of the filter's conditions, within what an ABI's word can hold. */
static GArray *
interesting_values (ScmpFilter *filter)
{
  GArray *values = g_array_new (FALSE, FALSE, sizeof (guint64));
  guint64 fixed[] = { 0, 1, 2, 0xffffffff, 0x7fffffff, 0x80000000 };

  g_array_append_vals (values, fixed, G_N_ELEMENTS (fixed));
  for (guint i = 0; i < scmp_filter_get_n_rules (filter); i++)
    {
      ScmpRule *rule = scmp_filter_get_rule (filter, i);

      for (guint c = 0; c < scmp_rule_get_n_conditions (rule); c++)
        {
          const ScmpCondition *cond = scmp_rule_get_condition (rule, c);
          guint64 v[] = { cond->datum, cond->datum - 1, cond->datum + 1, cond->mask,
                          cond->datum | (cond->mask & -cond->mask) };

          g_array_append_vals (values, v, G_N_ELEMENTS (v));
        }
    }
  return values;
}

typedef struct {
  guint compared;
  guint differ;
  guint newer;        /* differences on syscalls libseccomp does not know */
  guint multiplexed;  /* differences on socketcall(2) and ipc(2) */
} DiffCount;

/* Whether the kernel reads all of @value in argument @a of syscall @nr on
 * @arch: the differential keeps to such values, since for the others
 * (garbage in the high bits of an int) scmp-glib compares what the
 * kernel reads and libseccomp all 64 bits, by design; test-kernel-args
 * covers them. */
static gboolean
value_is_clean (ScmpArchitecture arch,
                gint32           nr,
                guint            a,
                guint64          value)
{
  const char *name = scmp_syscall_resolve_number (arch, nr);
  ScmpArgType t;

  if (name == NULL)
    return TRUE;
  t = _scmp_syscall_arg_type (_scmp_syscall_lookup (name), arch, a);
  if (t.bits >= 64)
    return TRUE;
  if (t.is_signed)
    {
      gint64 low = (gint64) (value << (64 - t.bits)) >> (64 - t.bits);

      return (guint64) low == value;
    }
  return value >> t.bits == 0;
}

/* Where the two differ by design: socketcall(2) and ipc(2), whose
 * sub-calls' arguments are behind a pointer. scmp-glib lets a sub-call
 * through there only if its rules need no argument (never laxer than
 * written); libseccomp decides otherwise. */
static gboolean
is_multiplexer (ScmpArchitecture arch,
                gint32           nr)
{
  const char *name = scmp_syscall_resolve_number (arch, nr);

  return name != NULL && (g_str_equal (name, "socketcall") || g_str_equal (name, "ipc"));
}

static void
compare_programs (ScmpFilter       *filter,
                  ScmpArchitecture  arch,
                  const struct sock_filter *ours, gsize n_ours,
                  const struct sock_filter *theirs, gsize n_theirs,
                  GArray           *values,
                  DiffCount        *count)
{
  gboolean be = scmp_architecture_is_big_endian (arch);
  guint word = scmp_architecture_get_word_size (arch);
  guint32 base = arch == SCMP_ARCHITECTURE_X32 ? 0x40000000 : 0;
  ScmpBpfData d = { .arch = scmp_architecture_get_audit_arch (arch) };

  for (gint32 nr = -1; nr < 1100; nr++)
    {
      d.nr = nr < 0 ? nr : (gint32) (base + nr);
      for (guint a = 0; a < 6; a++)
        for (guint v = 0; v < values->len; v++)
          {
            guint64 value = g_array_index (values, guint64, v);
            ScmpBpfResult x, y;

            if ((word == 32 && value > G_MAXUINT32) || !value_is_clean (arch, d.nr, a, value))
              continue;
            if (a > 0 && v == 0)
              continue;
            memset (d.args, 0, sizeof d.args);
            d.args[a] = value;
            x = _scmp_bpf_run (ours, n_ours, &d, be);
            y = _scmp_bpf_run (theirs, n_theirs, &d, be);
            g_assert_false (x.error);
            g_assert_false (y.error);
            count->compared++;
            /* A syscall newer than libseccomp's tables: its rule was left
             * out there. */
            if (x.ret != y.ret && d.nr >= 0 &&
                seccomp_syscall_resolve_num_arch (lsc_arch_token (arch), d.nr) == NULL &&
                scmp_syscall_resolve_number (arch, d.nr) != NULL)
              {
                count->newer++;
                continue;
              }
            if (x.ret != y.ret && is_multiplexer (arch, d.nr))
              {
                count->multiplexed++;
                continue;
              }
            if (x.ret != y.ret)
              {
                const char *name = scmp_syscall_resolve_number (arch, d.nr);

                count->differ++;
                g_test_message ("%s nr %d (%s) arg%u=0x%" G_GINT64_MODIFIER "x: "
                                "ours 0x%08x, libseccomp 0x%08x",
                                scmp_architecture_to_name (arch), d.nr, name ? name : "?",
                                a, value, x.ret, y.ret);
              }
          }
    }
}

#define HOST_ONLY 0x100

static void
test_docker_differential (gconstpointer data)
{
  ScmpArchitecture host = GPOINTER_TO_INT (data) & 0xff;
  gboolean host_only = (GPOINTER_TO_INT (data) & HOST_ONLY) != 0;
  const char *caps_none[] = { NULL };
  const char *caps_admin[] = { "CAP_SYS_ADMIN", "CAP_SYS_PTRACE", NULL };
  const char *const *cap_sets[] = { caps_none, caps_admin };

  for (guint cs = 0; cs < G_N_ELEMENTS (cap_sets); cs++)
    {
      g_autoptr(ScmpOciProfile) profile = load_docker (host, cap_sets[cs]);
      ScmpFilter *filter = scmp_oci_profile_get_filter (profile);
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autofree struct sock_filter *ours = NULL, *theirs = NULL;
      g_autoptr(GArray) values = interesting_values (filter);
      g_autofree ScmpArchitecture *arches = NULL;
      gsize n_arches, n_ours, n_theirs;
      scmp_filter_ctx ctx;
      DiffCount count = { 0 };
      gboolean be = scmp_architecture_is_big_endian (host);

      /* The profile's archMap adds x86 and x32 to x86_64: also try the
       * host's ABI alone. */
      arches = scmp_filter_list_arches (filter, &n_arches);
      for (gsize a = 1; host_only && a < n_arches; a++)
        g_assert_true (scmp_filter_remove_arch (filter, arches[a], NULL));
      g_clear_pointer (&arches, g_free);

      g_assert_cmpstrv (scmp_oci_profile_get_warnings (profile), ((const char *[]) { NULL }));
      arches = scmp_filter_list_arches (filter, &n_arches);
      g_assert_cmpint (arches[0], ==, host);

      bytes = scmp_filter_export_bpf (filter, &error);
      g_assert_no_error (error);
      ours = test_bpf_deserialize (bytes, be, &n_ours);
      ctx = lsc_build_from_filter_full (filter, TRUE);
      g_assert_nonnull (ctx);
      theirs = lsc_export_program (ctx, be, &n_theirs);
      seccomp_release (ctx);
      if (be)
        lsc_fix_be_rets (theirs, n_theirs, filter);

      for (gsize a = 0; a < n_arches; a++)
        {
          DiffCount here = { 0 };

          compare_programs (filter, arches[a], ours, n_ours, theirs, n_theirs, values, &here);
          count.compared += here.compared;
          count.newer += here.newer;
          count.multiplexed += here.multiplexed;
          g_assert_cmpuint (here.differ, ==, 0);
        }
      g_test_message ("%s with %u capabilities: %u ABIs, %u rules, %u decisions compared "
                      "(different: %u on syscalls libseccomp does not know, %u on "
                      "socketcall/ipc), "
                      "%" G_GSIZE_FORMAT " vs %" G_GSIZE_FORMAT " instructions",
                      scmp_architecture_to_name (host), g_strv_length ((char **) cap_sets[cs]),
                      (guint) n_arches, scmp_filter_get_n_rules (filter), count.compared,
                      count.newer, count.multiplexed,
                      n_ours, n_theirs);
      g_assert_cmpuint (count.compared, >, 100000);
    }
}

/* ------------------------------------------------------------------ */
/* In the kernel                                                       */
/* ------------------------------------------------------------------ */

static int
docker_child (gpointer data)
{
  ScmpOciProfile *profile = data;
  ScmpFilter *filter = scmp_oci_profile_get_filter (profile);

  CHILD_CHECK (scmp_filter_prepare (filter, NULL));
  CHILD_CHECK (scmp_filter_load_prepared (filter) == 0);
  /* Allowed */
  CHILD_CHECK (syscall (SYS_getpid) == getpid ());
  /* Docker's default: EPERM (defaultErrnoRet 1) for what it does not list. */
  errno = 0;
  CHILD_CHECK (syscall (SYS_unshare, 0) == -1 && errno == EPERM);
  errno = 0;
  CHILD_CHECK (syscall (SYS_personality, 0x1234) == -1 && errno == EPERM);
  CHILD_CHECK (syscall (SYS_personality, 0xffffffff) >= 0);
#ifdef SYS_clone3
  errno = 0;
  CHILD_CHECK (syscall (SYS_clone3, NULL, 0) == -1 && errno == ENOSYS);
#endif
  return 0;
}

static void
test_docker_kernel_load (void)
{
  g_autoptr(ScmpOciProfile) profile = NULL;

  if (skip_without_seccomp ())
    return;
  profile = load_docker (SCMP_ARCHITECTURE_NATIVE, NULL);
  assert_exited_ok (fork_and_wait (docker_child, profile));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_data_func ("/oci/docker/differential/x86_64",
                        GINT_TO_POINTER (SCMP_ARCHITECTURE_X86_64), test_docker_differential);
  g_test_add_data_func ("/oci/docker/differential/x86_64-only",
                        GINT_TO_POINTER (SCMP_ARCHITECTURE_X86_64 | HOST_ONLY), test_docker_differential);
  g_test_add_data_func ("/oci/docker/differential/aarch64",
                        GINT_TO_POINTER (SCMP_ARCHITECTURE_AARCH64), test_docker_differential);
  g_test_add_data_func ("/oci/docker/differential/x86",
                        GINT_TO_POINTER (SCMP_ARCHITECTURE_X86), test_docker_differential);
  g_test_add_data_func ("/oci/docker/differential/s390x",
                        GINT_TO_POINTER (SCMP_ARCHITECTURE_S390X), test_docker_differential);
  g_test_add_func ("/oci/docker/load", test_docker_kernel_load);

  return g_test_run ();
}
