/* test-seccomp-compat-differential.c: the compat API against libseccomp
 *
 * SPDX-FileCopyrightText: 2026 The scmp-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The real libseccomp is dlopen()ed with RTLD_DEEPBIND, so its seccomp_*
 * and the compat layer's (linked in) live side by side. The same calls go
 * to both, on random rule lists where their documented semantics agree:
 * merging per syscall (an argument-free rule wins, later ones are ignored,
 * a contradicting identical chain is -EEXIST, the default action is
 * -EACCES), with one argument chain per syscall (libseccomp documents no
 * order between overlapping chains of different actions, and 2.5.4 does
 * not always build the union of two chains of one action, see
 * run_policy ()) and values below 2^31 (where comparing as the kernel reads an int and
 * comparing 64 bits agree). Every return code must be the same, and both
 * exported programs must give the same action on every probe.
 */

#include <seccomp.h>

#include <scmp-glib/scmp-glib.h>

#include <dlfcn.h>
#include <errno.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "scmp-bpf-private.h"

typedef struct {
  void            *handle;
  scmp_filter_ctx (*init) (uint32_t);
  void            (*release) (scmp_filter_ctx);
  int             (*arch_add) (scmp_filter_ctx, uint32_t);
  int             (*rule_add_array) (scmp_filter_ctx, uint32_t, int, unsigned int,
                                     const struct scmp_arg_cmp *);
  int             (*export_bpf) (scmp_filter_ctx, int);
  int             (*resolve_name_arch) (uint32_t, const char *);
  int             (*resolve_name_rewrite) (uint32_t, const char *);
} RealLib;

static RealLib real;

static gboolean
real_open (void)
{
  real.handle = dlopen ("libseccomp.so.2", RTLD_NOW | RTLD_LOCAL | RTLD_DEEPBIND);
  if (real.handle == NULL)
    return FALSE;
  real.init = dlsym (real.handle, "seccomp_init");
  real.release = dlsym (real.handle, "seccomp_release");
  real.arch_add = dlsym (real.handle, "seccomp_arch_add");
  real.rule_add_array = dlsym (real.handle, "seccomp_rule_add_array");
  real.export_bpf = dlsym (real.handle, "seccomp_export_bpf");
  real.resolve_name_arch = dlsym (real.handle, "seccomp_syscall_resolve_name_arch");
  real.resolve_name_rewrite = dlsym (real.handle, "seccomp_syscall_resolve_name_rewrite");
  g_assert_true (real.init != seccomp_init);
  return TRUE;
}

static struct sock_filter *
export_program (int      (*export_bpf) (scmp_filter_ctx, int),
                scmp_filter_ctx ctx,
                gsize           *n_insns)
{
  int fd = memfd_create ("compat-differential", MFD_CLOEXEC);
  g_autofree guint8 *buf = NULL;
  off_t size;

  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (export_bpf (ctx, fd), ==, 0);
  size = lseek (fd, 0, SEEK_END);
  g_assert_cmpint (size, >, 0);
  buf = g_malloc (size);
  g_assert_cmpint (pread (fd, buf, size, 0), ==, size);
  close (fd);
  return _scmp_bpf_deserialize (buf, size, FALSE, n_insns);
}

/* Names both tables know, on the ABIs both have: the same numbers,
 * pseudo-numbers and rewrites. A name libseccomp's older table lacks
 * (it answers __NR_SCMP_ERROR) is newer than that table, not a
 * difference. */
static void
test_resolve (void)
{
  static const char *arch_names[] = {
    "x86", "x86_64", "x32", "arm", "aarch64", "mips", "mipsel", "mips64", "mipsel64",
    "mips64n32", "mipsel64n32", "parisc", "ppc", "ppc64", "ppc64le", "riscv64", "s390", "s390x",
  };
  guint compared = 0, newer = 0;

  for (gsize a = 0; a < G_N_ELEMENTS (arch_names); a++)
    {
      uint32_t token = seccomp_arch_resolve_name (arch_names[a]);
      ScmpArchitecture arch = scmp_architecture_from_name (arch_names[a]);
      g_auto(GStrv) names = NULL;
      gsize n_all;
      g_autofree ScmpArchitecture *all = scmp_architecture_list_all (&n_all);
      g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

      /* every name of any ABI, so that absent ones are compared too */
      for (gsize k = 0; k < n_all; k++)
        {
          g_auto(GStrv) these = scmp_syscall_list_names (all[k]);

          for (gsize i = 0; these[i] != NULL; i++)
            if (!g_hash_table_contains (seen, these[i]))
              g_hash_table_add (seen, (gpointer) g_intern_string (these[i]));
        }
      g_assert_cmphex (token, !=, 0);
      g_assert_cmpint (arch, !=, SCMP_ARCHITECTURE_UNKNOWN);
      {
        GHashTableIter iter;
        gpointer key;

        g_hash_table_iter_init (&iter, seen);
        while (g_hash_table_iter_next (&iter, &key, NULL))
          {
            const char *name = key;
            int ours = seccomp_syscall_resolve_name_arch (token, name);
            int theirs = real.resolve_name_arch (token, name);

            /* parisc64 _llseek: libseccomp's table has it, the kernel's has not */
            if (g_str_equal (arch_names[a], "parisc") && g_str_equal (name, "_llseek"))
              continue;
            /* a syscall libseccomp 2.5's table does not number there yet */
            if ((theirs == __NR_SCMP_ERROR && ours != __NR_SCMP_ERROR) ||
                (theirs < 0 && ours >= 0 &&
                 scmp_syscall_get_multiplexer (arch, name, NULL, NULL) == SCMP_MULTIPLEXER_NONE))
              {
                newer++;
                continue;
              }
            /* absent here, and unnumbered in libseccomp 2.5's pseudo list */
            if (ours == __NR_SCMP_ERROR && theirs < 0)
              {
                newer++;
                continue;
              }
            if (ours != theirs)
              g_error ("%s on %s: ours %d, libseccomp %d", name, arch_names[a], ours, theirs);
            g_assert_cmpint (seccomp_syscall_resolve_name_rewrite (token, name), ==,
                             real.resolve_name_rewrite (token, name));
            compared++;
          }
      }
    }
  g_test_message ("%u (arch, name) pairs agree; %u are newer than libseccomp's table", compared, newer);
  g_assert_cmpuint (compared, >, 5000);
}

static const char *pool[] = {
  "read", "write", "lseek", "fcntl", "madvise", "mprotect", "ioctl", "readv", "writev",
  "dup3", "getpriority", "getpid",
};

/* how many arguments each takes: conditions stay within them */
static const guint pool_args[] = { 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 2, 0 };

static const guint64 data_values[] = { 0, 1, 2, 3, 5, 8, 100, 0x7fff0000 };
static const guint64 masks[] = { 0xff, 0xf0, 0x7fffffff, 0x3 };

/* Data and masks an int (or unsigned int) argument cannot hold on x86_64:
 * the compat layer gives libseccomp's answer for the registers a C
 * library passes (the value zero- or sign-extended), and the probes, all
 * non-negative and within 32 bits, are such registers. On x86 both
 * truncate them to 32 bits. */
static const guint64 wide_data[] = { 0x100000005, 0x17ffffffe, 0x1fffffffe, 0xffffffff00000003,
                                     0x8000000000000000 };
/* the first three are positive as 64-bit signed numbers: the orderings
 * use only those, since on lseek's off_t (64 bits, signed, where they
 * fit) scmp-glib orders a negative datum as the kernel does, and
 * libseccomp as an unsigned number */
#define N_WIDE_POSITIVE 3
static const guint64 wide_masks[] = { 0xffffffff000000ff, 0x1000000ff, 0xff00000000000000 };

static guint64
pick (GRand         *rand,
      const guint64 *narrow,
      gsize          n_narrow,
      const guint64 *wide,
      gsize          n_wide)
{
  if (g_rand_int_range (rand, 0, 4) == 0)
    return wide[g_rand_int_range (rand, 0, n_wide)];
  return narrow[g_rand_int_range (rand, 0, n_narrow)];
}

static const uint32_t all_actions[] = {
  SCMP_ACT_ALLOW, SCMP_ACT_ERRNO (1), SCMP_ACT_ERRNO (2), SCMP_ACT_ERRNO (3),
  SCMP_ACT_KILL_THREAD, SCMP_ACT_TRAP, SCMP_ACT_LOG, SCMP_ACT_TRACE (5),
};
static uint32_t actions[G_N_ELEMENTS (all_actions)];
static guint n_actions;

/* libseccomp refuses actions it cannot find in the running kernel (LOG
 * under valgrind, which does not pass seccomp(2) through); the compat
 * layer leaves that to the load. Only actions both take are used. */
static void
pick_actions (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (all_actions); i++)
    {
      scmp_filter_ctx probe = real.init (all_actions[i]);

      if (probe == NULL)
        {
          g_test_message ("libseccomp refuses action 0x%08x here: not used", all_actions[i]);
          continue;
        }
      real.release (probe);
      actions[n_actions++] = all_actions[i];
    }
}

static uint32_t
random_action (GRand *rand)
{
  return actions[g_rand_int_range (rand, 0, n_actions)];
}

static guint
random_chain (GRand               *rand,
              guint                n_args,
              struct scmp_arg_cmp *cmp)
{
  guint n = g_rand_int_range (rand, 1, n_args + 1);
  gboolean used[6] = { FALSE };

  for (guint i = 0; i < n; i++)
    {
      guint arg;

      do
        arg = g_rand_int_range (rand, 0, n_args);
      while (used[arg]);
      used[arg] = TRUE;
      cmp[i].arg = arg;
      cmp[i].op = g_rand_int_range (rand, SCMP_CMP_NE, SCMP_CMP_MASKED_EQ + 1);
      if (cmp[i].op == SCMP_CMP_MASKED_EQ)
        {
          cmp[i].datum_a = pick (rand, masks, G_N_ELEMENTS (masks), wide_masks, G_N_ELEMENTS (wide_masks));
          cmp[i].datum_b = pick (rand, data_values, G_N_ELEMENTS (data_values), wide_data,
                                 G_N_ELEMENTS (wide_data));
          /* mostly a datum within the mask; sometimes not, which never matches */
          if (g_rand_int_range (rand, 0, 4) > 0)
            cmp[i].datum_b &= cmp[i].datum_a;
        }
      else
        {
          gboolean ordering = cmp[i].op != SCMP_CMP_EQ && cmp[i].op != SCMP_CMP_NE;

          cmp[i].datum_a = pick (rand, data_values, G_N_ELEMENTS (data_values), wide_data,
                                 ordering ? N_WIDE_POSITIVE : G_N_ELEMENTS (wide_data));
          cmp[i].datum_b = 0;
        }
    }
  return n;
}

static guint64
probe_value (GRand *rand)
{
  guint64 v = data_values[g_rand_int_range (rand, 0, G_N_ELEMENTS (data_values))];

  switch (g_rand_int_range (rand, 0, 4))
    {
    case 0:
      return v + 1;
    case 1:
      return v > 0 ? v - 1 : v;
    case 2:
      return g_rand_int_range (rand, 0, 300);
    default:
      return v;
    }
}

static void
run_policy (GRand *rand,
            guint  round)
{
  static const uint32_t defaults[] = { SCMP_ACT_ALLOW, SCMP_ACT_ERRNO (1), SCMP_ACT_KILL_THREAD };
  uint32_t def = defaults[g_rand_int_range (rand, 0, G_N_ELEMENTS (defaults))];
  scmp_filter_ctx ours = seccomp_init (def);
  scmp_filter_ctx theirs = real.init (def);
  gboolean with_x86 = g_rand_boolean (rand);
  uint32_t chain_action[G_N_ELEMENTS (pool)];
  gboolean has_chain[G_N_ELEMENTS (pool)] = { FALSE };
  struct scmp_arg_cmp chains[G_N_ELEMENTS (pool)][6];
  guint n_chain[G_N_ELEMENTS (pool)] = { 0 };
  struct scmp_arg_cmp last[6];
  guint n_last = 0;
  int last_sys = -1;
  guint n_rules = g_rand_int_range (rand, 1, 16);
  g_autofree struct sock_filter *p_ours = NULL, *p_theirs = NULL;
  gsize n_ours, n_theirs;

  for (gsize i = 0; i < G_N_ELEMENTS (pool); i++)
    chain_action[i] = random_action (rand);
  if (with_x86)
    {
      g_assert_cmpint (seccomp_arch_add (ours, SCMP_ARCH_X86), ==, 0);
      g_assert_cmpint (real.arch_add (theirs, SCMP_ARCH_X86), ==, 0);
    }

  for (guint r = 0; r < n_rules; r++)
    {
      guint s = g_rand_int_range (rand, 0, G_N_ELEMENTS (pool));
      int nr = seccomp_syscall_resolve_name (pool[s]);
      struct scmp_arg_cmp cmp[6];
      guint n = 0;
      uint32_t action;
      int a, b;
      guint kind = g_rand_int_range (rand, 0, 10);

      if (kind < 3 || pool_args[s] == 0)
        action = random_action (rand);                    /* argument-free */
      else if (kind == 3 && last_sys >= 0)
        {
          /* the previous chain again, with some action: same → 0, else -EEXIST */
          s = last_sys;
          nr = seccomp_syscall_resolve_name (pool[s]);
          memcpy (cmp, last, sizeof last);
          n = n_last;
          action = random_action (rand);
        }
      else if (has_chain[s])
        {
          /* libseccomp 2.5.4 does not build the union of two chains of a
           * syscall reliably even with one action (TRAP for writev when
           * a0 <= 1 && a1 > 0 && a2 <= 3, or a0 <= 5 && a1 != 5 && a2 > 2:
           * it traps writev (2, 151, 2)), so a syscall gets one chain, and
           * later only that chain again or an argument-free rule */
          memcpy (cmp, chains[s], sizeof cmp);
          n = n_chain[s];
          action = g_rand_boolean (rand) ? chain_action[s] : random_action (rand);
        }
      else
        {
          n = random_chain (rand, pool_args[s], cmp);
          action = chain_action[s];
        }
      a = seccomp_rule_add_array (ours, action, nr, n, cmp);
      b = real.rule_add_array (theirs, action, nr, n, cmp);
      if (g_test_verbose ())
        {
          g_autoptr(GString) text = g_string_new (NULL);

          for (guint k = 0; k < n; k++)
            g_string_append_printf (text, " a%u op%d 0x%" G_GINT64_MODIFIER "x/0x%" G_GINT64_MODIFIER "x",
                                    cmp[k].arg, cmp[k].op, cmp[k].datum_a, cmp[k].datum_b);
          g_test_message ("round %u def 0x%08x%s: %s 0x%08x%s -> %d", round, def,
                          with_x86 ? " +x86" : "", pool[s], action, text->str, a);
        }
      if (a != b)
        g_error ("round %u rule %u (%s, %u conditions, action 0x%08x): ours %d, libseccomp %d",
                 round, r, pool[s], n, action, a, b);
      if (n > 0 && a == 0)
        {
          memcpy (last, cmp, sizeof cmp);
          n_last = n;
          last_sys = s;
          /* an accepted repeat fixes the syscall's chain action */
          chain_action[s] = action;
          has_chain[s] = TRUE;
          memcpy (chains[s], cmp, sizeof cmp);
          n_chain[s] = n;
        }
    }

  p_ours = export_program (seccomp_export_bpf, ours, &n_ours);
  p_theirs = export_program (real.export_bpf, theirs, &n_theirs);

  for (guint probe = 0; probe < 400; probe++)
    {
      ScmpArchitecture arch = with_x86 && g_rand_boolean (rand) ? SCMP_ARCHITECTURE_X86 : SCMP_ARCHITECTURE_X86_64;
      guint s = g_rand_int_range (rand, 0, G_N_ELEMENTS (pool));
      ScmpBpfData d = { 0 };
      ScmpBpfResult x, y;

      d.arch = scmp_architecture_get_audit_arch (arch);
      d.nr = scmp_syscall_resolve_name (arch, pool[s]);
      if (d.nr < 0)
        continue;
      for (guint k = 0; k < 6; k++)
        d.args[k] = probe_value (rand);
      x = _scmp_bpf_run (p_ours, n_ours, &d, FALSE);
      y = _scmp_bpf_run (p_theirs, n_theirs, &d, FALSE);
      g_assert_false (x.error);
      g_assert_false (y.error);
      if (x.ret != y.ret)
        g_error ("round %u: %s %s (%" G_GUINT64_FORMAT ", %" G_GUINT64_FORMAT ", %" G_GUINT64_FORMAT
                 ", %" G_GUINT64_FORMAT "): ours 0x%08x, libseccomp 0x%08x",
                 round, scmp_architecture_to_name (arch), pool[s], d.args[0], d.args[1], d.args[2],
                 d.args[3], x.ret, y.ret);
    }

  seccomp_release (ours);
  real.release (theirs);
}

static void
test_random_policies (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (g_test_rand_int ());
  guint rounds = g_test_slow () ? 20000 : 1000;

  if (scmp_architecture_get_native () != SCMP_ARCHITECTURE_X86_64)
    {
      g_test_skip ("the policies are written for x86_64 hosts");
      return;
    }
  pick_actions ();
  g_assert_cmpuint (n_actions, >=, 4);
  for (guint round = 0; round < rounds; round++)
    run_policy (rand, round);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  if (!real_open ())
    {
      g_test_message ("libseccomp.so.2 not found: %s", dlerror ());
      return 77;
    }
  g_test_add_func ("/compat/differential/resolve", test_resolve);
  g_test_add_func ("/compat/differential/random-policies", test_random_policies);

  return g_test_run ();
}
