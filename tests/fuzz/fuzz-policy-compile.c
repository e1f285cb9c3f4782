/* fuzz-policy-compile.c: bytes → a rule list → the compiler → the
 * exported program in the library's interpreter, against the reference
 * evaluator of tests/reference.c
 *
 * SPDX-FileCopyrightText: 2026 The scmp-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The bytes are decoded, not hashed into a seed, so that libFuzzer's
 * mutations map onto the policy: the ABIs (one byte order, x32 and
 * big-endian among them), the actions, priorities, the tracer skip, then
 * rules by name (multiplexed ones too), on numbers and on ranges, with
 * every operator and width, some limited to one ABI, and ABIs added after
 * the rules. Probes come from a GRand seeded with the input: numbers that
 * are named, holes, past the table, with the x32 bit, -1; arguments with
 * garbage high bits and ipc version bits. Any disagreement aborts.
 */

#include "config.h"

#include <errno.h>
#include <scmp-glib/scmp-glib.h>

#include "scmp-bpf-private.h"
#include "scmp-filter-private.h"
#include "reference.h"
#include "test-random-filter.h"
#include "fuzz-common.h"

/* SCMP_FUZZ_STATS=1: at exit, how many policies compiled and how many
 * probes hit a rule rather than the filter's own actions, so that a
 * decoder that stops reaching the compiler shows. */
static guint n_compiled, n_probes, n_rule_hits;

static void
print_stats (void)
{
  g_printerr ("fuzz-policy-compile: %u policies compiled, %u probes, %u on a rule\n",
              n_compiled, n_probes, n_rule_hits);
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_init ();
  if (g_getenv ("SCMP_FUZZ_STATS") != NULL)
    atexit (print_stats);
  return 0;
}

static const char * const syscalls[] = {
  "read", "write", "openat", "close", "mmap", "kill", "setuid", "ioctl",
  "socket", "connect", "sendto", "accept4", "recvmmsg",  /* socketcall */
  "semop", "shmget", "msgsnd", "semtimedop",             /* ipc */
  "socketcall", "ipc", "_llseek", "mmap2", "fstatat64",  /* some ABIs only */
};

static const guint64 values[] = {
  0, 1, 2, 3, 7, 0x80, 0xffff, 0x7fffffff, 0x80000000, 0xffffffff,
  G_GUINT64_CONSTANT (0x100000000), G_GUINT64_CONSTANT (0xffffffff80000000),
  G_GUINT64_CONSTANT (0xffffffffffffffff), G_GUINT64_CONSTANT (0x8000000000000000),
};

static const ScmpArchitecture arches[] = {
  SCMP_ARCHITECTURE_X86_64, SCMP_ARCHITECTURE_X86, SCMP_ARCHITECTURE_X32,
  SCMP_ARCHITECTURE_AARCH64, SCMP_ARCHITECTURE_ARM, SCMP_ARCHITECTURE_S390X,
  SCMP_ARCHITECTURE_PPC64LE, SCMP_ARCHITECTURE_MIPSEL, SCMP_ARCHITECTURE_RISCV64,
  /* big endian */
  SCMP_ARCHITECTURE_S390, SCMP_ARCHITECTURE_PPC64, SCMP_ARCHITECTURE_MIPS,
  SCMP_ARCHITECTURE_MIPS64N32, SCMP_ARCHITECTURE_PPC, SCMP_ARCHITECTURE_PARISC,
};

static ScmpAction *
decode_action (FuzzReader *r)
{
  switch (fuzz_u8 (r) % 9)
    {
    case 0: return scmp_action_new_allow ();
    case 1: return scmp_action_new_errno (fuzz_u8 (r) % 2 ? EPERM : fuzz_below (r, 4096), NULL);
    case 2: return scmp_action_new_log ();
    case 3: return scmp_action_new_trap (fuzz_u8 (r));
    case 4: return scmp_action_new_trace (fuzz_u8 (r));
    case 5: return scmp_action_new_kill_thread ();
    case 6: return scmp_action_new_notify ();
    case 7: return scmp_action_new_errno (EACCES, NULL);
    default: return scmp_action_new_kill_process ();
    }
}

static guint64
decode_value (FuzzReader *r)
{
  guint8 b = fuzz_u8 (r);

  if (b < 200)
    return values[b % G_N_ELEMENTS (values)];
  return fuzz_u64 (r);
}

static ScmpCondition
decode_condition (FuzzReader *r)
{
  ScmpCondition c = { 0 };
  guint8 b = fuzz_u8 (r);

  c.arg = b % 6;
  c.op = (b >> 3) % (SCMP_COMPARE_OP_MASKED_EQ + 1);
  c.is_32bit = (b & 0x80) != 0;
  c.datum = decode_value (r);
  c.mask = c.op == SCMP_COMPARE_OP_MASKED_EQ ? decode_value (r) : 0;
  /* unnormalised values stay in: the library must refuse them cleanly */
  if (fuzz_u8 (r) % 4 != 0)
    {
      if (c.is_32bit)
        {
          c.datum &= 0xffffffff;
          c.mask &= 0xffffffff;
        }
      if (c.op == SCMP_COMPARE_OP_MASKED_EQ)
        c.datum &= c.mask;
    }
  return c;
}

static guint64
probe_arg (GRand *rand)
{
  guint64 v = values[g_rand_int_range (rand, 0, G_N_ELEMENTS (values))];

  switch (g_rand_int_range (rand, 0, 4))
    {
    case 0: /* garbage in the high word of a 32-bit argument */
      return (v & 0xffffffff) | ((guint64) g_rand_int (rand) << 32);
    case 1: /* ipc()'s version in the high half of the call */
      return (v & 0xffff) | ((guint64) g_rand_int_range (rand, 0, 4) << 16);
    case 2:
      return v + (guint64) g_rand_int_range (rand, -2, 3);
    default:
      return v;
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  FuzzReader r = { data, size, 0 };
  g_autoptr(ScmpAction) dflt = decode_action (&r);
  g_autoptr(ScmpFilter) filter = scmp_filter_new (dflt);
  g_autoptr(GArray) in = g_array_new (FALSE, FALSE, sizeof (ScmpArchitecture));
  g_autoptr(GArray) late = g_array_new (FALSE, FALSE, sizeof (ScmpArchitecture));
  g_autoptr(GBytes) program = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RefFilter) ref = NULL;
  g_autofree struct sock_filter *insns = NULL;
  g_autoptr(GRand) rand = NULL;
  gsize n_insns = 0;
  guint32 arch_bits = fuzz_u32 (&r);
  gboolean big = (arch_bits & 1) != 0;
  guint8 flags = fuzz_u8 (&r);
  guint n_rules;
  /* what the rules name, for probes that reach them */
  g_autoptr(GPtrArray) used_names = g_ptr_array_new ();
  g_autoptr(GArray) used_nrs = g_array_new (FALSE, FALSE, sizeof (gint32));
  g_autoptr(GArray) used_values = g_array_new (FALSE, FALSE, sizeof (guint64));

  /* one byte order: the native ABI goes unless the input keeps it */
  if (!(flags & 1))
    scmp_filter_remove_arch (filter, scmp_architecture_get_native (), NULL);
  for (gsize a = 0; a < G_N_ELEMENTS (arches); a++)
    if (arch_bits & (2u << a) && scmp_architecture_is_big_endian (arches[a]) == big)
      {
        /* bit 17+a: added after the rules */
        if (arch_bits & (0x20000u << (a % 15)) && a % 3 == 0)
          g_array_append_val (late, arches[a]);
        else if (scmp_filter_add_arch (filter, arches[a], NULL))
          g_array_append_val (in, arches[a]);
      }
  if (flags & 2)
    {
      g_autoptr(ScmpAction) unknown = decode_action (&r);

      scmp_filter_set_unknown_syscall_action (filter, unknown);
    }
  if (flags & 4)
    {
      g_autoptr(ScmpAction) bad_arch = decode_action (&r);

      scmp_filter_set_bad_arch_action (filter, bad_arch);
    }
  scmp_filter_set_allow_tracer_skip (filter, (flags & 8) != 0);
  for (guint p = (flags >> 4) % 4; p > 0; p--)
    {
      const char *name = syscalls[fuzz_below (&r, G_N_ELEMENTS (syscalls))];

      scmp_filter_set_priority (filter, name, fuzz_u8 (&r), NULL);
    }

  n_rules = fuzz_u8 (&r) % 32;
  for (guint i = 0; i < n_rules && r.pos < r.size; i++)
    {
      g_autoptr(ScmpAction) action = decode_action (&r);
      g_autoptr(ScmpRule) rule = NULL;
      ScmpCondition conds[6];
      guint8 kind = fuzz_u8 (&r);
      guint n = (kind >> 4) % 4;
      ScmpArchitecture on = in->len > 0
        ? g_array_index (in, ScmpArchitecture, fuzz_below (&r, in->len))
        : arches[fuzz_below (&r, G_N_ELEMENTS (arches))];

      const char *name = syscalls[fuzz_below (&r, G_N_ELEMENTS (syscalls))];

      for (guint c = 0; c < n; c++)
        {
          conds[c] = decode_condition (&r);
          g_array_append_val (used_values, conds[c].datum);
        }
      switch (kind % 8)
        {
        case 0:
          {
            /* mostly near the ABI's own numbers; sometimes anything */
            gint32 nr = fuzz_u8 (&r) & 1
              ? (gint32) fuzz_u32 (&r)
              : (gint32) (((guint32) MAX (scmp_syscall_resolve_name (on, "close"), 0) & ~0xfffu) + fuzz_below (&r, 1100));

            rule = scmp_rule_new_for_numberv (on, nr, action, conds, n, NULL);
            g_array_append_val (used_nrs, nr);
          }
          break;
        case 1:
          {
            /* unsigned: x32's base already has the x32 bit */
            guint32 first = ((guint32) MAX (scmp_syscall_resolve_name (on, "close"), 0) & ~0xfffu)
                            + fuzz_below (&r, 1100) + (fuzz_u8 (&r) & 0x40 ? 0x40000000u : 0);
            guint32 last = first + fuzz_below (&r, 600);

            rule = scmp_rule_new_for_range (on, (gint) first, (gint) last, action, NULL);
            g_array_append_val (used_nrs, first);   /* as a gint32 */
          }
          break;
        case 2:
          rule = scmp_rule_new_exact (name, action, conds, n);
          g_ptr_array_add (used_names, (gpointer) name);
          break;
        default:
          rule = scmp_rule_newv (name, action, conds, n);
          g_ptr_array_add (used_names, (gpointer) name);
        }
      if (rule != NULL && kind & 8)
        {
          ScmpRule *limited = scmp_rule_restrict_to (rule, &on, 1, NULL);

          if (limited != NULL)
            {
              g_object_unref (rule);
              rule = limited;
            }
        }
      /* refusals (values an argument cannot hold, repeats) are fine */
      if (rule != NULL)
        scmp_filter_add_rule (filter, rule, NULL);
    }
  for (guint a = 0; a < late->len; a++)
    if (scmp_filter_add_arch (filter, g_array_index (late, ScmpArchitecture, a), NULL))
      g_array_append_val (in, g_array_index (late, ScmpArchitecture, a));

  program = scmp_filter_export_bpf (filter, &error);
  if (program == NULL)
    {
      /* only a program too long for the kernel may be refused */
      g_assert_nonnull (error);
      return 0;
    }
  {
    gsize n_all = 0;
    g_autofree ScmpArchitecture *all = scmp_filter_list_arches (filter, &n_all);

    /* the byte order the exported bytes are in */
    big = _scmp_filter_get_program (filter, NULL)->big_endian;
    g_array_set_size (in, 0);
    g_array_append_vals (in, all, n_all);
  }
  insns = _scmp_bpf_deserialize (g_bytes_get_data (program, NULL), g_bytes_get_size (program), big, &n_insns);
  g_assert_nonnull (insns);
  ref = ref_filter_new (filter);
  n_compiled++;
  {
    guint32 seed = 2166136261u;   /* FNV-1a of the input: the same probes on a rerun */

    for (size_t i = 0; i < size; i++)
      seed = (seed ^ data[i]) * 16777619u;
    rand = g_rand_new_with_seed (seed);
  }

  for (guint i = 0; i < 96; i++)
    {
      ScmpBpfData d = { 0 };
      ScmpBpfResult ours;
      guint32 want;
      ScmpArchitecture arch = in->len > 0 && g_rand_int_range (rand, 0, 8) != 0
        ? g_array_index (in, ScmpArchitecture, g_rand_int_range (rand, 0, in->len))
        : arches[g_rand_int_range (rand, 0, G_N_ELEMENTS (arches))];

      d.arch = scmp_architecture_get_audit_arch (arch);
      d.nr = random_probe_number (rand, arch, syscalls, G_N_ELEMENTS (syscalls));
      if (used_names->len > 0 && g_rand_boolean (rand))
        {
          const char *name = g_ptr_array_index (used_names, g_rand_int_range (rand, 0, used_names->len));
          int mux_nr = -1;
          guint sub = 0;

          d.nr = scmp_syscall_resolve_name (arch, name);
          /* the multiplexer with the sub-call in args[0], below */
          if (scmp_syscall_get_multiplexer (arch, name, &mux_nr, &sub) != SCMP_MULTIPLEXER_NONE &&
              (d.nr < 0 || g_rand_boolean (rand)))
            d.nr = mux_nr;
          else
            sub = G_MAXUINT;
          d.args[0] = sub;
        }
      else if (used_nrs->len > 0 && g_rand_int_range (rand, 0, 3) == 0)
        d.nr = (gint32) ((guint32) g_array_index (used_nrs, gint32, g_rand_int_range (rand, 0, used_nrs->len))
                         + (guint32) g_rand_int_range (rand, -1, 3));
      d.instruction_pointer = g_rand_int (rand);
      for (int a = d.args[0] != 0 ? 1 : 0; a < 6; a++)
        d.args[a] = used_values->len > 0 && g_rand_boolean (rand)
                    ? g_array_index (used_values, guint64, g_rand_int_range (rand, 0, used_values->len))
                      + (guint64) g_rand_int_range (rand, -1, 2)
                    : probe_arg (rand);
      if (d.args[0] == G_MAXUINT || d.args[0] == 0)
        d.args[0] = probe_arg (rand);
      else if (g_rand_boolean (rand))
        /* ipc's version bits, socketcall's int: garbage above the call */
        d.args[0] |= (guint64) g_rand_int (rand) << 16;
      int rule_index = -1;

      ours = _scmp_bpf_run (insns, n_insns, &d, big);
      want = ref_filter_explain (ref, d.arch, d.nr, d.args, &rule_index);
      n_probes++;
      n_rule_hits += rule_index >= 0;
      if (ours.error || ours.ret != want)
        {
          g_autofree char *pfc = scmp_filter_export_pfc (filter, NULL);

          g_error ("reference %#x, program %#x%s on arch %#x nr %d args "
                   "%#" G_GINT64_MODIFIER "x %#" G_GINT64_MODIFIER "x %#" G_GINT64_MODIFIER "x "
                   "%#" G_GINT64_MODIFIER "x %#" G_GINT64_MODIFIER "x %#" G_GINT64_MODIFIER "x\n%s",
                   want, ours.ret, ours.error ? " (error)" : "", d.arch, d.nr,
                   d.args[0], d.args[1], d.args[2], d.args[3], d.args[4], d.args[5],
                   pfc != NULL ? pfc : "");
        }
    }
  return 0;
}
