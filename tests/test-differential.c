/* test-differential.c: three-way differential test of the compiler
 *
 * SPDX-FileCopyrightText: 2026 The scmp-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Three independent answers to "what does this filter return for this
 * call?" are compared on random policies and many probe inputs:
 *
 *  - the oracle (tests/reference.c: the rule list read through the public
 *    API, evaluated the way the kernel reads the call, from the committed
 *    arch-data/ tables; it shares no code with the compiler);
 *  - our compiled program, run in the built-in BPF interpreter;
 *  - libseccomp 2.5.4's program for the same policy, run in the same
 *    interpreter with the same seccomp_data layout (target byte order),
 *    for policies whose meaning is the same under both libraries'
 *    semantics (see FACTS.md, "libseccomp's rule semantics").
 *
 * Deliberate differences from libseccomp, kept out of the libseccomp
 * comparison (they are still covered by the reference-vs-BPF part):
 *
 *  - Rule merging: libseccomp merges a syscall's rules into a tree (an
 *    unconditional rule wipes conditional ones, later conflicting rules are
 *    ignored, overlaps are sorted), we use ordered first match. Compared
 *    policies therefore have, per syscall, either one unconditional rule or
 *    only conditional rules that all share one action.
 *  - A rule whose action is the filter's default: libseccomp refuses it
 *    (-EACCES); we accept it. Never generated for the libseccomp part.
 *  - Several conditions on the same argument in one rule: libseccomp 2.5.4
 *    refuses them (-EINVAL); we AND them (ranges). Reference part only.
 *  - MASKED_EQ with a datum that has bits outside the mask: libseccomp
 *    stores datum & mask (so it can match); ours never matches (documented
 *    in scmp_condition_new_masked()). The libseccomp part uses datum ⊆ mask.
 *  - socketcall/ipc: libseccomp resolves socket/IPC names to pseudo
 *    numbers on the multiplexing ABIs and its multiplexer paths can be
 *    laxer than the rules (libseccomp #8, #476); ours give the most
 *    restrictive outcome there. Names multiplexed on any ABI of a set, and
 *    socketcall/ipc themselves, are left out of the libseccomp part.
 *  - libseccomp's own miscompile: libseccomp 2.5.4 elides the reload of
 *    the accumulator when it jumps from a failed compare deep in one rule's
 *    chain to the next rule's compare of the same argument word, so that
 *    compare tests whatever word was loaded last. Minimal case (x86_64,
 *    default errno(9)): truncate: kill-process if arg1 > 0x100000000;
 *    truncate: kill-process if arg1 < 41; input arg1 = 0x7fffffff gives
 *    KILL_PROCESS instead of errno(9) ("ld [24]; jge #0x29 jt L" where L
 *    is "jgt #0x1", a test of the high word). So the rules of one syscall
 *    compare pairwise disjoint arguments in the libseccomp part
 *    (SCMP_DIFF_LIBSECCOMP_BUGS=1 generates the failing shapes anyway).
 *  - libseccomp 2.5.4 byte-swaps some RET K instructions of big-endian
 *    programs twice ("ret #0x80" for KILL_PROCESS): the oracle's RETs are
 *    put back (lsc_fix_be_rets) and the count is reported.
 *  - Names that some ABI of a multi-ABI set lacks, and names whose pseudo
 *    number libseccomp translates to another syscall: see diff_names().
 *  - 32-bit compares (scmp_condition_new_32) on 64-bit ABIs have no
 *    libseccomp counterpart: reference part only.
 *  - Arguments the kernel reads narrower than libseccomp compares them
 *    (an int on a 64-bit ABI, a umode_t anywhere, any 64-bit argument on
 *    x32, whose words libseccomp compares as 32-bit): libseccomp lets bits
 *    the kernel ignores decide (its issue #383). The libseccomp part only
 *    puts conditions on arguments the kernel reads as wide as libseccomp
 *    compares them, and orderings only on unsigned ones (libseccomp's are
 *    unsigned, ours follow the kernel's signed types).
 *  - User notification (NOTIFY) needs a listener in libseccomp's API
 *    model; it is only used in the reference part.
 *  - TRAP with data: libseccomp 2.5.4 only knows SCMP_ACT_TRAP (data 0)
 *    and refuses 0x00030000 | data (-EINVAL); trap(n) with n != 0 is only
 *    used in the reference part.
 *
 *  - Rules on numbers (scmp_rule_new_for_number(v)(), _for_range()), rules
 *    limited to some ABIs (scmp_rule_restrict_to()) and the
 *    unknown-syscall action are reference part only. libseccomp's
 *    seccomp_rule_add() takes a number of the native ABI and carries it to
 *    the filter's other ABIs by its name (arch_syscall_translate()), so a
 *    number of one ABI, or one no table names on a non-native ABI, cannot
 *    be said; it has no per-ABI rules (only whole filters per ABI, merged),
 *    no ranges (a rule per number, which G_MAXINT rules out), and no
 *    action for the numbers its tables do not name. Nothing of these is
 *    expressible exactly, so random_compatible_policy() never makes them.
 *
 * No difference found: nr == -1 (tracer skip) gets the default action in
 * both when allow-tracer-skip is off; numbers >= 0x40000000 on a filter
 * without x32 get the bad-arch action in both.
 *
 * x32 numbers: scmp-glib tells x32 from x86_64 calls by the x32 bit
 * (0x40000000), as DESIGN.md asks, so on the x86_64 token the numbers
 * 0x80000000-0xbfffffff (no x32 bit) are x86_64 calls; libseccomp sends
 * every number >= 0x40000000 to the x32 side. The kernel answers ENOSYS
 * for these numbers either way; they are left out of the libseccomp
 * comparison only (libseccomp_differs()).
 *
 * Regressions of compiler bugs this test found are in /differential/regression/.
 *
 * The seed is fixed unless --seed is given (or SCMP_DIFF_SEED=random or
 * SCMP_DIFF_SEED=<seed>); SCMP_DIFF_ITERATIONS=N multiplies the number of
 * random policies.
 */

#include "config.h"

#include "scmp-arch-private.h"
#include "scmp-test-support.h"
#include "scmp-bpf-private.h"
#include "scmp-compiler-private.h"
#include "scmp-error.h"
#include "scmp-filter-private.h"

#include "reference.h"
#include "test-libseccomp.h"

#include <errno.h>
#include <seccomp.h>
#include <valgrind/valgrind.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include <linux/seccomp.h>

#define DEFAULT_SEED   "R02S5c6d9e2a0f1b3c4d5e6f708192a3b4c5"
#define MAX_SET_ARCHES 3
#define DETAILS_MAX    3     /* mismatches printed in full per arch set */

static guint scale = 1;
/* Under valgrind the same checks run on a twelfth of the policies. */
static guint divisor = 1;

/* SCMP_DIFF_LIBSECCOMP_BUGS=1: generate the policy shapes that trip
 * libseccomp 2.5.4's own miscompile, to see it (expect mismatches). */
static gboolean allow_libseccomp_bugs = FALSE;


/* ------------------------------------------------------------------ */
/* Arch sets                                                           */
/* ------------------------------------------------------------------ */

typedef struct {
  const char       *label;
  ScmpArchitecture  arches[MAX_SET_ARCHES];
  gsize             n;
} ArchSet;

/* Sets compared with libseccomp (and with the reference). */
static const ArchSet diff_sets[] = {
  { "x86_64",         { SCMP_ARCHITECTURE_X86_64 }, 1 },
  { "x86",            { SCMP_ARCHITECTURE_X86 }, 1 },
  { "x32",            { SCMP_ARCHITECTURE_X32 }, 1 },
  { "aarch64",        { SCMP_ARCHITECTURE_AARCH64 }, 1 },
  { "arm",            { SCMP_ARCHITECTURE_ARM }, 1 },
  { "ppc64le",        { SCMP_ARCHITECTURE_PPC64LE }, 1 },
  { "s390x",          { SCMP_ARCHITECTURE_S390X }, 1 },
  { "mips",           { SCMP_ARCHITECTURE_MIPS }, 1 },
  { "mips64",         { SCMP_ARCHITECTURE_MIPS64 }, 1 },
  { "x86_64+x86+x32", { SCMP_ARCHITECTURE_X86_64, SCMP_ARCHITECTURE_X86, SCMP_ARCHITECTURE_X32 }, 3 },
};

/* Sets for the reference-vs-BPF part: the above and more multiplexing,
 * big-endian and 32-bit ABIs. */
static const ArchSet ref_sets[] = {
  { "x86_64",         { SCMP_ARCHITECTURE_X86_64 }, 1 },
  { "x86",            { SCMP_ARCHITECTURE_X86 }, 1 },
  { "x32",            { SCMP_ARCHITECTURE_X32 }, 1 },
  { "aarch64",        { SCMP_ARCHITECTURE_AARCH64 }, 1 },
  { "arm",            { SCMP_ARCHITECTURE_ARM }, 1 },
  { "ppc64le",        { SCMP_ARCHITECTURE_PPC64LE }, 1 },
  { "ppc",            { SCMP_ARCHITECTURE_PPC }, 1 },
  { "s390x",          { SCMP_ARCHITECTURE_S390X }, 1 },
  { "s390",           { SCMP_ARCHITECTURE_S390 }, 1 },
  { "mips",           { SCMP_ARCHITECTURE_MIPS }, 1 },
  { "mips64",         { SCMP_ARCHITECTURE_MIPS64 }, 1 },
  { "mipsel64n32",    { SCMP_ARCHITECTURE_MIPSEL64N32 }, 1 },
  { "sheb",           { SCMP_ARCHITECTURE_SHEB }, 1 },
  { "riscv64",        { SCMP_ARCHITECTURE_RISCV64 }, 1 },
  { "x86_64+x32",     { SCMP_ARCHITECTURE_X86_64, SCMP_ARCHITECTURE_X32 }, 2 },
  { "x32+x86",        { SCMP_ARCHITECTURE_X32, SCMP_ARCHITECTURE_X86 }, 2 },
  { "x86_64+x86+x32", { SCMP_ARCHITECTURE_X86_64, SCMP_ARCHITECTURE_X86, SCMP_ARCHITECTURE_X32 }, 3 },
  { "s390x+s390",     { SCMP_ARCHITECTURE_S390X, SCMP_ARCHITECTURE_S390 }, 2 },
  { "ppc64+ppc",      { SCMP_ARCHITECTURE_PPC64, SCMP_ARCHITECTURE_PPC }, 2 },
  { "mips64+mips64n32+mips", { SCMP_ARCHITECTURE_MIPS64, SCMP_ARCHITECTURE_MIPS64N32, SCMP_ARCHITECTURE_MIPS }, 3 },
};

static gboolean
set_has (const ArchSet    *set,
         ScmpArchitecture  arch)
{
  for (gsize i = 0; i < set->n; i++)
    if (set->arches[i] == arch)
      return TRUE;
  return FALSE;
}

static gboolean
set_big_endian (const ArchSet *set)
{
  return _scmp_arch_get_info (set->arches[0])->big_endian;
}

static gboolean
set_has_32bit (const ArchSet *set)
{
  for (gsize i = 0; i < set->n; i++)
    if (_scmp_arch_get_info (set->arches[i])->word_bits == 32)
      return TRUE;
  return FALSE;
}

/* The ScmpArchitecture a call (audit arch, nr) belongs to in @set, or
 * UNKNOWN (the bad-arch path). */
static ScmpArchitecture
set_arch_of_call (const ArchSet *set,
                  guint32        audit_arch,
                  guint32        nr)
{
  for (gsize i = 0; i < set->n; i++)
    {
      const ScmpArchInfo *info = _scmp_arch_get_info (set->arches[i]);

      if (info->audit_arch != audit_arch)
        continue;
      if (audit_arch == AUDIT_ARCH_X86_64 && nr != SCMP_NR_TRACER_SKIP &&
          ((nr & SCMP_X32_SYSCALL_BIT) != 0) != (info->arch == SCMP_ARCHITECTURE_X32))
        continue;
      return info->arch;
    }
  return SCMP_ARCHITECTURE_UNKNOWN;
}

/* ------------------------------------------------------------------ */
/* Random values                                                       */
/* ------------------------------------------------------------------ */

static guint64
rand64 (void)
{
  return ((guint64) g_test_rand_int () << 32) | g_test_rand_int ();
}

static guint
rand_below (guint n)
{
  return (guint) g_test_rand_int_range (0, (gint32) n);
}

static gboolean
chance (guint percent)
{
  return rand_below (100) < percent;
}

static const guint64 boundaries[] = {
  0, 1, 2, 0x7fffffff, 0x80000000, 0xfffffffe, 0xffffffff,
  G_GUINT64_CONSTANT (0x100000000), G_GUINT64_CONSTANT (0x100000001),
  G_GUINT64_CONSTANT (0xffffffff00000000), G_GUINT64_CONSTANT (0x7fffffffffffffff),
  G_GUINT64_CONSTANT (0x8000000000000000), G_MAXUINT64, G_MAXUINT64 - 1,
};

static inline guint64
low_bits (guint bits)
{
  return bits >= 64 ? G_MAXUINT64 : (G_GUINT64_CONSTANT (1) << bits) - 1;
}

/* @v made a value an argument read in @bits bits can hold: its low
 * @bits bits, zero-extended or (unless @zero_only), when its sign bit is
 * set, sometimes sign-extended as (guint64) (int) -1 would be. */
static guint64
fit_value (guint64  v,
           guint    bits,
           gboolean zero_only)
{
  if (bits >= 64)
    return v;
  v &= low_bits (bits);
  if (!zero_only && (v >> (bits - 1)) != 0 && chance (50))
    v |= ~low_bits (bits);
  return v;
}

static guint64
random_raw_datum (void)
{
  switch (rand_below (7))
    {
    case 0: case 1: case 2:
      return boundaries[rand_below (G_N_ELEMENTS (boundaries))];
    case 3:
      return rand_below (64);
    case 4:
      return g_test_rand_int ();
    case 5:
      return -(guint64) (1 + rand_below (200));    /* small negatives */
    default:
      return rand64 ();
    }
}

static guint64
random_datum (guint    bits,
              gboolean zero_only)
{
  return fit_value (random_raw_datum (), bits, zero_only);
}

static guint64
random_mask (guint bits)
{
  static const guint64 masks[] = {
    0xff, 0xffffffff, G_GUINT64_CONSTANT (0xffffffff00000000),
    G_GUINT64_CONSTANT (0xf0f0f0f0f0f0f0f0), G_MAXUINT64, 0x80000000,
    G_GUINT64_CONSTANT (0x8000000000000000), G_GUINT64_CONSTANT (0x00000001ffffffff),
    0x3, 0x0800,
  };
  guint64 m;

  do
    {
      switch (rand_below (3))
        {
        case 0:
          m = masks[rand_below (G_N_ELEMENTS (masks))];
          break;
        case 1:
          m = G_GUINT64_CONSTANT (1) << rand_below (64);
          break;
        default:
          m = rand64 ();
          break;
        }
      m = fit_value (m, bits, FALSE);
    }
  while (m == 0);
  return m;
}

/* The narrowest width in which the kernel reads argument @arg of @name on
 * the ABIs of @set that call it directly (64 when none does): the datum
 * of a condition must fit there. */
static guint
set_arg_bits (const ArchSet *set,
              const char    *name,
              guint          arg)
{
  guint bits = 64;

  for (gsize a = 0; a < set->n; a++)
    {
      guint b;
      gboolean is_signed;

      if (ref_arg_type (set->arches[a], name, arg, &b, &is_signed))
        bits = MIN (bits, b);
    }
  return bits;
}

/* The width conditions of @rule compare argument @arg in on @set: a rule
 * on numbers the tables do not name compares its ABI's whole register. */
static guint
rule_arg_bits (const ArchSet *set,
               ScmpRule      *rule,
               guint          arg)
{
  ScmpArchitecture arch;

  if (scmp_rule_get_numbers (rule, &arch, NULL, NULL))
    return _scmp_arch_get_info (arch)->reg_bits;
  return set_arg_bits (set, scmp_rule_get_syscall (rule), arg);
}

/* Do the kernel and libseccomp see the same value of argument @arg of
 * @name on every ABI of @set: the kernel reads it as wide as libseccomp
 * compares (the ABI's word), and for orderings (@ordering), unsigned? */
static gboolean
lsc_comparable (const ArchSet *set,
                const char    *name,
                guint          arg,
                gboolean       ordering)
{
  for (gsize a = 0; a < set->n; a++)
    {
      guint bits;
      gboolean is_signed;

      if (!ref_arg_type (set->arches[a], name, arg, &bits, &is_signed))
        continue;
      if (bits != scmp_architecture_get_word_size (set->arches[a]) || (ordering && is_signed))
        return FALSE;
    }
  return TRUE;
}

/* Does every condition of @rule hold a datum (and mask) that the
 * argument can hold on every ABI of @set that calls it directly? */
static gboolean
rule_data_fit (const ArchSet *set,
               ScmpRule      *rule)
{
  for (guint i = 0; i < scmp_rule_get_n_conditions (rule); i++)
    {
      const ScmpCondition *c = scmp_rule_get_condition (rule, i);
      guint bits = rule_arg_bits (set, rule, c->arg);

      /* A 32-bit condition's datum and mask are plain 32-bit numbers. */
      if (c->is_32bit && (c->datum > G_MAXUINT32 ||
                          (c->op == SCMP_COMPARE_OP_MASKED_EQ && c->mask > G_MAXUINT32)))
        return FALSE;
      if (c->is_32bit)
        bits = MIN (bits, 32);
      if (!ref_value_fits (c->datum, bits) ||
          (c->op == SCMP_COMPARE_OP_MASKED_EQ && !ref_value_fits (c->mask, bits)))
        return FALSE;
    }
  return TRUE;
}

/* A value near the datum of @c on an argument the kernel reads in @bits
 * bits: where off-by-one, word, mask, width and sign mistakes show up. */
#define N_NEAR_VALUES 18

static guint64
near_value (const ScmpCondition *c,
            guint                bits,
            guint                variant)
{
  guint64 d = c->datum;
  guint64 width = c->is_32bit ? MIN (bits, 32) : bits;

  switch (variant % N_NEAR_VALUES)
    {
    case 0: return d;
    case 1: return d - 1;
    case 2: return d + 1;
    case 3: return d ^ G_GUINT64_CONSTANT (0x100000000);            /* hi word changes */
    case 4: return d | G_GUINT64_CONSTANT (0xffffffff00000000);
    case 5: return d & 0xffffffffu;
    case 6: return G_MAXUINT64;
    case 7: return 0;
    case 8: return (d << 32) | (d >> 32);                            /* words swapped */
    case 9: return c->op == SCMP_COMPARE_OP_MASKED_EQ ? ((d & c->mask) | (rand64 () & ~c->mask)) : d + 2;
    case 10: return c->op == SCMP_COMPARE_OP_MASKED_EQ ? (d ^ (c->mask & (G_GUINT64_CONSTANT (1) << rand_below (64)))) : d - 2;
    case 11: return d ^ (G_GUINT64_CONSTANT (1) << 63);
    case 12: return (d & 0xffffffffu) | ((guint64) g_test_rand_int () << 32);  /* garbage hi */
    case 13: return rand64 ();
    /* Bits the kernel does not read: just above, all above, random above. */
    case 14: return width >= 64 ? d ^ 1 : d ^ (G_GUINT64_CONSTANT (1) << width);
    case 15: return d | ~low_bits (width);
    case 16: return (d & low_bits (width)) | (rand64 () & ~low_bits (width));
    /* Across the sign of the kernel's width. */
    default: return d ^ (G_GUINT64_CONSTANT (1) << (width - 1));
    }
}

/* A value of the argument that satisfies @c (read unsigned in @bits bits),
 * when one exists, with garbage in the bits the kernel ignores. */
static guint64
satisfying_value (const ScmpCondition *c,
                  guint                bits)
{
  guint64 d = c->datum & low_bits (bits);
  guint64 garbage = rand64 () & ~low_bits (bits);

  switch (c->op)
    {
    case SCMP_COMPARE_OP_EQ: return d | garbage;
    case SCMP_COMPARE_OP_NE: return (d + 1 + rand_below (3)) | garbage;
    case SCMP_COMPARE_OP_LT: return (d > 0 ? d - 1 - (d > 1 ? rand_below (2) : 0) : 0) | garbage;
    case SCMP_COMPARE_OP_LE: return (d - rand_below (2) * (d > 0)) | garbage;
    case SCMP_COMPARE_OP_GT: return (d + 1) | garbage;
    case SCMP_COMPARE_OP_GE: return (d + rand_below (2)) | garbage;
    case SCMP_COMPARE_OP_MASKED_EQ:
      {
        guint64 mask = c->mask & low_bits (bits);
        return (((d & mask) | (rand64 () & ~mask)) & low_bits (bits)) | garbage;
      }
    default: g_assert_not_reached ();
    }
}

/* ------------------------------------------------------------------ */
/* Actions                                                             */
/* ------------------------------------------------------------------ */

/* @full: every action and data value we have (reference part); else only
 * what libseccomp 2.5.4 can express: no NOTIFY, and TRAP without data
 * (it refuses SCMP_ACT_TRAP | data with -EINVAL). */
static ScmpAction *
random_action (gboolean full)
{
  switch (rand_below (full ? 8 : 7))
    {
    case 0: return scmp_action_new_allow ();
    case 1: return scmp_action_new_errno (1 + rand_below (chance (50) ? 40 : 4095), NULL);
    case 2: return scmp_action_new_trap (full ? (guint16) rand_below (chance (50) ? 4 : 65536) : 0);
    case 3: return scmp_action_new_kill_process ();
    case 4: return scmp_action_new_kill_thread ();
    case 5: return scmp_action_new_log ();
    case 6: return scmp_action_new_trace ((guint16) rand_below (chance (50) ? 4 : 65536));
    default: return scmp_action_new_notify ();
    }
}

static ScmpAction *
random_action_other_than (ScmpAction *avoid,
                          gboolean    full)
{
  for (;;)
    {
      ScmpAction *a = random_action (full);

      if (avoid == NULL || scmp_action_get_kernel_value (a) != scmp_action_get_kernel_value (avoid))
        return a;
      g_object_unref (a);
    }
}

/* ------------------------------------------------------------------ */
/* Filters                                                             */
/* ------------------------------------------------------------------ */

static ScmpFilter *
filter_new_for_set (const ArchSet *set,
                    ScmpAction    *default_action)
{
  g_autoptr(GError) error = NULL;
  ScmpFilter *filter = scmp_filter_new (default_action);
  ScmpArchitecture native = scmp_architecture_get_native ();

  /* Remove the native arch first: a filter has one byte order. */
  if (!set_has (set, native))
    {
      scmp_filter_remove_arch (filter, native, &error);
      g_assert_no_error (error);
    }
  for (gsize i = 0; i < set->n; i++)
    {
      scmp_filter_add_arch (filter, set->arches[i], &error);
      g_assert_no_error (error);
    }
  return filter;
}

static char *
describe_rules (ScmpFilter *filter)
{
  GString *s = g_string_new (NULL);
  g_autofree char *dflt = scmp_action_to_string (scmp_filter_get_default_action (filter));
  g_autofree char *bad = scmp_action_to_string (scmp_filter_get_bad_arch_action (filter));
  g_autofree char *unknown = scmp_filter_get_unknown_syscall_action (filter) != NULL ?
    scmp_action_to_string (scmp_filter_get_unknown_syscall_action (filter)) : NULL;
  gsize n_arches;
  g_autofree ScmpArchitecture *arches = scmp_filter_list_arches (filter, &n_arches);

  g_string_append (s, "arches:");
  for (gsize i = 0; i < n_arches; i++)
    g_string_append_printf (s, " %s", scmp_architecture_to_name (arches[i]));
  g_string_append_printf (s, "\ndefault: %s, bad arch: %s, unknown syscall: %s, allow-tracer-skip: %d\n",
                          dflt, bad, unknown ? unknown : "(default)", scmp_filter_get_allow_tracer_skip (filter));
  for (guint i = 0; i < scmp_filter_get_n_rules (filter); i++)
    {
      ScmpRule *rule = scmp_filter_get_rule (filter, i);
      g_autofree char *text = scmp_rule_to_string (rule);

      g_string_append_printf (s, "  rule %u: %s%s\n", i, text,
                              scmp_rule_get_exact (rule) ? " (exact)" : "");
    }
  return g_string_free (s, FALSE);
}

static char *
describe_input (const ScmpBpfData *d)
{
  return g_strdup_printf ("arch=0x%08x nr=%d (0x%08x) args={0x%" G_GINT64_MODIFIER "x, 0x%"
                          G_GINT64_MODIFIER "x, 0x%" G_GINT64_MODIFIER "x, 0x%" G_GINT64_MODIFIER
                          "x, 0x%" G_GINT64_MODIFIER "x, 0x%" G_GINT64_MODIFIER "x}",
                          d->arch, d->nr, (guint32) d->nr, d->args[0], d->args[1], d->args[2],
                          d->args[3], d->args[4], d->args[5]);
}

/* ------------------------------------------------------------------ */
/* libseccomp                                                          */
/* ------------------------------------------------------------------ */

static char *
libseccomp_pfc (scmp_filter_ctx ctx)
{
  int fd = memfd_create ("libseccomp-pfc", MFD_CLOEXEC);
  off_t size;
  char *text;

  if (fd < 0 || seccomp_export_pfc (ctx, fd) != 0)
    return g_strdup ("(no pfc)");
  size = lseek (fd, 0, SEEK_END);
  text = g_malloc0 (size + 1);
  if (pread (fd, text, size, 0) != size)
    text[0] = '\0';
  close (fd);
  return text;
}

/* ------------------------------------------------------------------ */
/* Syscall name pools                                                  */
/* ------------------------------------------------------------------ */

static gboolean
is_multiplexer_name (const char *name)
{
  return strcmp (name, "socketcall") == 0 || strcmp (name, "ipc") == 0;
}

/* Names whose meaning is the same for both libraries on every ABI of
 * @set: not multiplexed anywhere in the set, with the same number in both
 * on every ABI of the set. A name missing on some ABI of a multi-ABI set
 * is left out: libseccomp 2.5.4 then miscompiles the x86_64/x32 preamble
 * (e.g. x86_64+x86+x32 with a rule for x86-only "ftime": the nr load
 * after the arch test disappears, so nr is compared with the arch token)
 * or refuses the rule (-EINVAL for clock_nanosleep_time64). */
static GPtrArray *
diff_names (const ArchSet *set)
{
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  guint dropped = 0;

  for (guint i = 0; i < _scmp_syscall_n_names (); i++)
    {
      const char *name = _scmp_syscall_name ((int) i);
      gboolean somewhere = FALSE, ok = TRUE;

      if (is_multiplexer_name (name))
        continue;

      /* seccomp_rule_add() takes the host's number (a pseudo number for a
       * syscall the host lacks) and translates it through its name: that
       * round trip has to give the name back. (It does not always:
       * libseccomp 2.5.4 turns sys_debug_setcontext's pseudo number into
       * switch_endian on ppc64le.) */
      {
        int host_nr = seccomp_syscall_resolve_name (name);
        char *back = seccomp_syscall_resolve_num_arch (seccomp_arch_native (), host_nr);

        ok = back != NULL && strcmp (back, name) == 0;
        free (back);
      }

      for (gsize a = 0; a < set->n; a++)
        if (_scmp_syscall_number ((int) i, set->arches[a]) >= 0)
          somewhere = TRUE;

      for (gsize a = 0; a < set->n && ok; a++)
        {
          int ours = _scmp_syscall_number ((int) i, set->arches[a]);
          int theirs = seccomp_syscall_resolve_name_arch (lsc_arch_token (set->arches[a]), name);

          if (scmp_syscall_get_multiplexer (set->arches[a], name, NULL, NULL) != SCMP_MULTIPLEXER_NONE)
            ok = FALSE;
          else if (ours >= 0)
            ok = theirs == ours;
          else
            ok = FALSE;
        }
      if (ok && somewhere)
        g_ptr_array_add (names, g_strdup (name));
      else if (somewhere)
        dropped++;
    }
  g_test_message ("%s: %u names usable with libseccomp, %u left out (multiplexed, numbered differently, or not translated back by libseccomp)",
                  set->label, names->len, dropped);
  return names;
}

/* Every name that exists on some ABI of @set, directly or multiplexed. */
static GPtrArray *
ref_names (const ArchSet *set)
{
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < _scmp_syscall_n_names (); i++)
    {
      const char *name = _scmp_syscall_name ((int) i);

      for (gsize a = 0; a < set->n; a++)
        {
          if (_scmp_syscall_number ((int) i, set->arches[a]) >= 0 ||
              _scmp_syscall_mux ((int) i, set->arches[a], NULL) != SCMP_MULTIPLEXER_NONE)
            {
              g_ptr_array_add (names, g_strdup (name));
              break;
            }
        }
    }
  return names;
}

/* ------------------------------------------------------------------ */
/* Probe inputs                                                        */
/* ------------------------------------------------------------------ */

typedef struct {
  const ArchSet *set;
  ScmpFilter    *filter;
  gboolean       narrow;      /* some ABI of the set has 32-bit args */
} Probe;

/* The number of @name on @arch as the program sees it, with args[0] set
 * to the sub-call for names reached through a multiplexer; -1 if none. */
static gint64
call_number (ScmpArchitecture  arch,
             const char       *name,
             guint64          *args)
{
  int nr = scmp_syscall_resolve_name (arch, name);
  int mux_nr;
  guint sub;
  ScmpMultiplexer mux;

  if (nr >= 0 && (!chance (30) || scmp_syscall_get_multiplexer (arch, name, NULL, NULL) == SCMP_MULTIPLEXER_NONE))
    return nr;
  mux = scmp_syscall_get_multiplexer (arch, name, &mux_nr, &sub);
  if (mux != SCMP_MULTIPLEXER_NONE)
    {
      /* The kernel reads the call as a 32-bit number: garbage above it;
       * ksys_ipc() takes the version from its upper 16 bits. */
      args[0] = sub | (chance (30) ? ((guint64) g_test_rand_int () << 32) : 0);
      if (mux == SCMP_MULTIPLEXER_IPC && chance (40))
        args[0] |= (guint64) (chance (50) ? 1 : rand_below (0x10000)) << 16;
      if (chance (10))
        args[0] += 1;
      return mux_nr;
    }
  return nr;
}

/* A number in [@first, @last]: an end, next to one, or anywhere. */
static gint32
number_in (gint32 first,
           gint32 last)
{
  guint64 span = (guint64) last - (guint64) first;

  switch (rand_below (5))
    {
    case 0: return first;
    case 1: return last;
    case 2: return span > 0 ? first + 1 : first;
    case 3: return span > 0 ? last - 1 : last;
    default: return (gint32) ((guint64) first + rand64 () % (span + 1));
    }
}

/* The number of a call @rule is for on @arch (see call_number()); for a
 * rule on numbers, one of its numbers, whatever @arch: on another ABI it
 * is another call (or, on the x86_64 token, the other ABI's). */
static gint64
rule_call_number (ScmpArchitecture  arch,
                  ScmpRule         *rule,
                  guint64          *args)
{
  gint first, last;

  if (scmp_rule_get_numbers (rule, NULL, &first, &last))
    return number_in (first, last);
  return call_number (arch, scmp_rule_get_syscall (rule), args);
}

static void
fill_random_args (guint64  *args,
                  gboolean  narrow)
{
  for (guint i = 0; i < 6; i++)
    {
      args[i] = random_raw_datum ();
      if (narrow && chance (70))
        args[i] &= 0xffffffffu;
    }
}

static void
fill_satisfying_args (const ArchSet *set,
                      ScmpRule      *rule,
                      guint64       *args)
{
  for (guint c = 0; c < scmp_rule_get_n_conditions (rule); c++)
    {
      const ScmpCondition *cond = scmp_rule_get_condition (rule, c);
      guint bits = rule_arg_bits (set, rule, cond->arg);

      args[cond->arg] = satisfying_value (cond, cond->is_32bit ? MIN (bits, 32) : bits);
    }
}

/* The first number at or after a random one of @arch's table that the
 * table does not name (above the newest when none). */
static guint32
random_hole (ScmpArchitecture arch)
{
  const ScmpArchInfo *info = _scmp_arch_get_info (arch);
  guint32 base = info->nr_base | (arch == SCMP_ARCHITECTURE_X32 ? SCMP_X32_SYSCALL_BIT : 0);
  gint32 highest = ref_highest_number (arch);
  guint32 nr = base + rand_below ((guint) MAX (1, highest - (gint32) base + 1));

  while (ref_number_is_named (arch, (gint32) nr))
    nr++;
  return nr;
}

static guint32
special_nr (const Probe      *p,
            ScmpArchitecture  arch)
{
  const ScmpArchInfo *info = _scmp_arch_get_info (arch);
  guint32 base = info->nr_base | (arch == SCMP_ARCHITECTURE_X32 ? SCMP_X32_SYSCALL_BIT : 0);

  switch (rand_below (19))
    {
    case 0: return 0;
    case 1: return 0x3ff;
    case 2: return base + 0x3ff;
    case 3: return SCMP_X32_SYSCALL_BIT + rand_below (600);
    case 4: return SCMP_NR_TRACER_SKIP;
    case 5: return 0x7fffffff;
    case 6: return 0x80000000;
    case 7: return 0xfffffffe;
    case 8: return g_test_rand_int ();
    case 9: return info->socketcall_nr >= 0 ? (guint32) info->socketcall_nr : base;
    case 10: return info->ipc_nr >= 0 ? (guint32) info->ipc_nr : base + 1;
    case 11: return base + rand_below (500);
    case 12: return (base + rand_below (500)) ^ SCMP_X32_SYSCALL_BIT;
    /* Numbers the ABI's table does not name: above the newest, a hole,
     * the top of the ABI, below the base. */
    case 14: return (guint32) ref_highest_number (arch) + 1 + rand_below (chance (50) ? 3 : 2000);
    case 15: return random_hole (arch);
    case 16: return (arch == SCMP_ARCHITECTURE_X86_64 ? 0x3fffffffu : 0x7fffffffu) - rand_below (3);
    case 17: return base - 1 - rand_below (3);
    default: return 0x000f0000 + rand_below (16); /* arm private calls */
    }
}

static void
random_input (const Probe *p,
              ScmpBpfData *d)
{
  const ArchSet *set = p->set;
  guint n_rules = scmp_filter_get_n_rules (p->filter);
  ScmpArchitecture arch = set->arches[rand_below (set->n)];
  ScmpRule *rule = n_rules > 0 ? scmp_filter_get_rule (p->filter, rand_below (n_rules)) : NULL;
  guint r = rand_below (100);
  gint64 nr = -1;

  memset (d, 0, sizeof *d);
  d->instruction_pointer = rand64 ();
  fill_random_args (d->args, p->narrow);
  if (rule != NULL && chance (65))
    fill_satisfying_args (set, rule, d->args);

  if (rule != NULL && r < 60)
    nr = rule_call_number (arch, rule, d->args);
  if (nr >= 0 && r >= 50)
    nr += chance (50) ? 1 : -1;
  if (nr < 0 && r < 80)
    {
      g_auto(GStrv) names = scmp_syscall_list_names (arch);
      guint n = g_strv_length (names);

      if (n > 0)
        nr = scmp_syscall_resolve_name (arch, names[rand_below (n)]);
    }
  if (nr < 0)
    nr = special_nr (p, arch);
  d->nr = (gint32) (guint32) nr;
  d->arch = _scmp_arch_get_info (arch)->audit_arch;

  /* Mutate one argument around some condition's datum. */
  if (rule != NULL && scmp_rule_get_n_conditions (rule) > 0 && chance (60))
    {
      const ScmpCondition *c = scmp_rule_get_condition (rule, rand_below (scmp_rule_get_n_conditions (rule)));
      d->args[c->arg] = near_value (c, rule_arg_bits (set, rule, c->arg),
                                    rand_below (N_NEAR_VALUES));
    }

  /* Other ABIs' tokens, a bogus token. */
  if (chance (8))
    d->arch = _scmp_arch_get_info (SCMP_ARCHITECTURE_X86 + rand_below (SCMP_N_ARCHES))->audit_arch;
  else if (chance (3))
    {
      static const guint32 bogus[] = { 0, 0x12345678, 0xffffffff, 0x4000003e /* libseccomp's x32 token */ };
      d->arch = bogus[rand_below (G_N_ELEMENTS (bogus))];
    }
}

/* Systematic inputs: every rule's syscall on every ABI of the set, with
 * arguments that satisfy it and every near-boundary variant of each
 * condition; and the policy's numbers ± 1. Calls @fn for each. */
typedef void (*InputFunc) (const ScmpBpfData *d, gpointer user_data);

static void
systematic_inputs (const Probe *p,
                   InputFunc    fn,
                   gpointer     user_data)
{
  const ArchSet *set = p->set;

  for (guint r = 0; r < scmp_filter_get_n_rules (p->filter); r++)
    {
      ScmpRule *rule = scmp_filter_get_rule (p->filter, r);

      for (gsize a = 0; a < set->n; a++)
        {
          const ScmpArchInfo *info = _scmp_arch_get_info (set->arches[a]);
          ScmpBpfData d = { 0 };
          gint64 nr;

          fill_random_args (d.args, p->narrow);
          fill_satisfying_args (set, rule, d.args);
          nr = rule_call_number (set->arches[a], rule, d.args);
          if (nr < 0)
            continue;
          d.arch = info->audit_arch;
          d.nr = (gint32) nr;
          fn (&d, user_data);

          for (int delta = -1; delta <= 1; delta += 2)
            {
              ScmpBpfData e = d;
              e.nr = (gint32) ((guint32) d.nr + delta);
              fn (&e, user_data);
            }

          for (guint c = 0; c < scmp_rule_get_n_conditions (rule); c++)
            {
              const ScmpCondition *cond = scmp_rule_get_condition (rule, c);
              guint bits = rule_arg_bits (set, rule, cond->arg);

              for (guint v = 0; v < N_NEAR_VALUES; v++)
                {
                  ScmpBpfData e = d;
                  e.args[cond->arg] = near_value (cond, bits, v);
                  if (p->narrow && v != 12 && chance (50))
                    e.args[cond->arg] &= 0xffffffffu;
                  fn (&e, user_data);
                }
            }
        }

      /* A rule on numbers: its ends and just outside, on every ABI. */
      {
        gint first, last;

        if (scmp_rule_get_numbers (rule, NULL, &first, &last))
          {
            /* (as the kernel's unsigned arithmetic: G_MAXINT + 1 wraps) */
            const gint32 ends[] = { (gint32) ((guint32) first - 1), first, last,
                                    (gint32) ((guint32) last + 1) };

            for (gsize a = 0; a < set->n; a++)
              for (gsize i = 0; i < G_N_ELEMENTS (ends); i++)
                {
                  ScmpBpfData d = { 0 };

                  fill_random_args (d.args, p->narrow);
                  if (chance (70))
                    fill_satisfying_args (set, rule, d.args);
                  d.arch = _scmp_arch_get_info (set->arches[a])->audit_arch;
                  d.nr = ends[i];
                  fn (&d, user_data);
                }
          }
      }
    }

  /* The edges of every ABI's table: the numbers the unknown-syscall
   * action and the ranges are about. */
  for (gsize a = 0; a < set->n; a++)
    {
      ScmpArchitecture arch = set->arches[a];
      const ScmpArchInfo *info = _scmp_arch_get_info (arch);
      guint32 base = info->nr_base | (arch == SCMP_ARCHITECTURE_X32 ? SCMP_X32_SYSCALL_BIT : 0);
      guint32 highest = (guint32) ref_highest_number (arch);
      const guint32 nrs[] = {
        base - 1, base, highest, highest + 1, highest + 2, random_hole (arch), random_hole (arch),
        0x3fffffff, 0x40000000, 0x7fffffff, 0x80000000, 0xbfffffff, 0xc0000000,
        (guint32) SCMP_NR_TRACER_SKIP, 0xfffffffe,
      };

      for (gsize i = 0; i < G_N_ELEMENTS (nrs); i++)
        {
          ScmpBpfData d = { 0 };

          fill_random_args (d.args, p->narrow);
          d.arch = info->audit_arch;
          d.nr = (gint32) nrs[i];
          fn (&d, user_data);
        }
    }
}

/* ------------------------------------------------------------------ */
/* Statistics                                                          */
/* ------------------------------------------------------------------ */

typedef struct {
  const char *label;
  guint  policies;
  guint  skipped;          /* too large, or refused by libseccomp */
  guint  rules;
  guint64 inputs;
  guint  insns_ours;
  guint  insns_theirs;
  guint  mismatches;       /* vs libseccomp */
  guint  ref_mismatches;   /* reference vs our BPF */
  guint  naive_mismatches; /* optimised vs unoptimised program */
  guint  naive_compared;   /* policies whose unoptimised program fits */
  guint  api_mismatches;   /* scmp_filter_evaluate() vs our BPF */
  guint  printed;
  guint  excluded;         /* inputs left out of the libseccomp comparison */
  guint  lsc_refused;      /* policies libseccomp refused to build */
  guint  be_ret_fixups;    /* libseccomp RETs put back in order */
} Stats;

/* ------------------------------------------------------------------ */
/* One comparison                                                      */
/* ------------------------------------------------------------------ */

typedef struct {
  Probe                    probe;
  ScmpCompileInput         input;     /* for the unoptimised program */
  RefFilter               *ref;
  const ScmpProgram       *ours;
  ScmpProgram             *naive;     /* the unoptimised program, or NULL */
  const struct sock_filter *theirs;   /* NULL: no libseccomp comparison */
  gsize                    n_theirs;
  scmp_filter_ctx          ctx;
  Stats                   *stats;
  guint                    n;         /* inputs compared for this policy */
} Compare;

static ScmpFilter *
filter_copy_subset (const ArchSet *set,
                    ScmpFilter    *filter,
                    const gboolean *keep)
{
  ScmpFilter *copy = filter_new_for_set (set, scmp_filter_get_default_action (filter));

  scmp_filter_set_bad_arch_action (copy, scmp_filter_get_bad_arch_action (filter));
  scmp_filter_set_allow_tracer_skip (copy, scmp_filter_get_allow_tracer_skip (filter));
  scmp_filter_set_unknown_syscall_action (copy, scmp_filter_get_unknown_syscall_action (filter));
  for (guint i = 0; i < scmp_filter_get_n_rules (filter); i++)
    {
      g_autoptr(GError) error = NULL;

      if (keep[i])
        scmp_filter_add_rule (copy, scmp_filter_get_rule (filter, i), &error);
      g_assert_no_error (error);
    }
  return copy;
}

/* Does libseccomp still disagree with us (who agree with the reference)
 * on @d for @filter? */
static gboolean
libseccomp_disagrees (const ArchSet     *set,
                      ScmpFilter        *filter,
                      const ScmpBpfData *d)
{
  const ScmpProgram *ours = _scmp_filter_get_program (filter, NULL);
  scmp_filter_ctx ctx;
  g_autofree struct sock_filter *theirs = NULL;
  gsize n_theirs;
  ScmpBpfResult a, b;
  gboolean result;

  if (ours == NULL)
    return FALSE;
  ctx = lsc_build_from_filter (filter);
  if (ctx == NULL)
    return FALSE;
  theirs = lsc_export_program (ctx, ours->big_endian, &n_theirs);
  if (ours->big_endian)
    lsc_fix_be_rets (theirs, n_theirs, filter);
  a = _scmp_bpf_run (ours->insns, ours->n_insns, d, ours->big_endian);
  b = _scmp_bpf_run (theirs, n_theirs, d, ours->big_endian);
  result = a.ret != b.ret || b.error;
  seccomp_release (ctx);
  return result;
}

/* Greedy minimisation of a libseccomp mismatch: drop rules while the
 * disagreement persists. Returns the minimal filter. */
static ScmpFilter *
minimize_libseccomp_mismatch (const ArchSet     *set,
                              ScmpFilter        *filter,
                              const ScmpBpfData *d)
{
  guint n = scmp_filter_get_n_rules (filter);
  g_autofree gboolean *keep = g_new (gboolean, n);
  gboolean progress = TRUE;

  for (guint i = 0; i < n; i++)
    keep[i] = TRUE;
  while (progress)
    {
      progress = FALSE;
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(ScmpFilter) trial = NULL;

          if (!keep[i])
            continue;
          keep[i] = FALSE;
          trial = filter_copy_subset (set, filter, keep);
          if (libseccomp_disagrees (set, trial, d))
            progress = TRUE;
          else
            keep[i] = TRUE;
        }
    }
  return filter_copy_subset (set, filter, keep);
}

static void
print_mismatch (Compare           *cmp,
                const char        *what,
                const ScmpBpfData *d,
                guint32            expected,
                guint32            got)
{
  g_autofree char *rules = describe_rules (cmp->probe.filter);
  g_autofree char *input = describe_input (d);
  g_autofree char *pfc = scmp_filter_export_pfc (cmp->probe.filter, NULL);
  g_autofree char *their_pfc = cmp->ctx != NULL ? libseccomp_pfc (cmp->ctx) : NULL;

  if (cmp->stats->printed++ >= DETAILS_MAX)
    return;
  g_test_message ("MISMATCH (%s) on %s\n%s\ninput: %s\nexpected 0x%08x, got 0x%08x\n"
                  "our pfc:\n%s\nlibseccomp pfc:\n%s",
                  what, cmp->stats->label, rules, input, expected, got,
                  pfc ? pfc : "(none)", their_pfc ? their_pfc : "(not compared)");

  if (cmp->ctx != NULL && libseccomp_disagrees (cmp->probe.set, cmp->probe.filter, d))
    {
      g_autoptr(ScmpFilter) min = minimize_libseccomp_mismatch (cmp->probe.set, cmp->probe.filter, d);
      g_autofree char *min_rules = describe_rules (min);
      scmp_filter_ctx ctx = lsc_build_from_filter (min);
      g_autofree char *min_pfc = ctx != NULL ? libseccomp_pfc (ctx) : NULL;
      const ScmpProgram *ours = _scmp_filter_get_program (min, NULL);
      g_autoptr(RefFilter) min_ref = ref_filter_new (min);
      g_autofree struct sock_filter *theirs = NULL;
      gsize n_theirs = 0;
      g_autofree char *dis = NULL;

      if (ctx != NULL)
        {
          gsize n_arches;
          g_autofree ScmpArchitecture *arches = scmp_filter_list_arches (min, &n_arches);
          g_autoptr(GBytes) their_bytes = NULL;

          theirs = lsc_export_program (ctx, ours->big_endian, &n_theirs);
          if (ours->big_endian)
            lsc_fix_be_rets (theirs, n_theirs, min);
          /* The labelled listing, with syscall names: libseccomp's
           * programs test the arch, the first ABI only gives the byte
           * order. */
          their_bytes = _scmp_bpf_serialize (theirs, n_theirs, ours->big_endian);
          g_assert_cmpuint (n_arches, >, 0);
          dis = scmp_bpf_disassemble (their_bytes, arches[0], NULL);
          seccomp_release (ctx);
        }
      g_test_message ("MINIMAL libseccomp mismatch:\n%s\ninput: %s\nreference 0x%08x, ours 0x%08x, "
                      "libseccomp 0x%08x\nlibseccomp pfc:\n%s\nlibseccomp bpf:\n%s",
                      min_rules, input,
                      ref_filter_evaluate (min_ref, d->arch, d->nr, d->args),
                      _scmp_bpf_run (ours->insns, ours->n_insns, d, ours->big_endian).ret,
                      theirs ? _scmp_bpf_run (theirs, n_theirs, d, ours->big_endian).ret : 0,
                      min_pfc, dis != NULL ? dis : "(none)\n");
    }
}

/* Inputs where libseccomp deliberately differs (see the top of the file). */
static const char *
libseccomp_differs (const ArchSet     *set,
                    const ScmpBpfData *d)
{
  if (!set_has (set, SCMP_ARCHITECTURE_X86_64) && !set_has (set, SCMP_ARCHITECTURE_X32))
    return NULL;
  /* On the x86_64 token, numbers 0x80000000-0xbfffffff have no x32 bit:
   * x86_64 calls for scmp-glib, x32 ones for libseccomp. */
  if (d->arch == AUDIT_ARCH_X86_64 && ((guint32) d->nr & 0xc0000000u) == 0x80000000u)
    return "x32 told apart by range in libseccomp, by bit in scmp-glib";
  return NULL;
}

static void
compare_one (const ScmpBpfData *d,
             gpointer           user_data)
{
  Compare *cmp = user_data;
  gboolean be = cmp->ours->big_endian;
  ScmpBpfResult ours;
  guint32 ref;

  ours = _scmp_bpf_run (cmp->ours->insns, cmp->ours->n_insns, d, be);
  ref = ref_filter_evaluate (cmp->ref, d->arch, d->nr, d->args);
  cmp->n++;
  cmp->stats->inputs++;

  if (ours.error)
    {
      cmp->stats->ref_mismatches++;
      print_mismatch (cmp, "our program fails to run", d, ref, ours.ret);
      return;
    }
  if (ours.ret != ref)
    {
      cmp->stats->ref_mismatches++;
      print_mismatch (cmp, "reference vs our BPF", d, ref, ours.ret);
    }
  if (cmp->naive != NULL)
    {
      ScmpBpfResult naive = _scmp_bpf_run (cmp->naive->insns, cmp->naive->n_insns, d, be);

      if (naive.error || naive.ret != ours.ret)
        {
          cmp->stats->naive_mismatches++;
          print_mismatch (cmp, "unoptimised (expected) vs optimised (got)", d, naive.ret, ours.ret);
        }
    }

  if (cmp->theirs != NULL && libseccomp_differs (cmp->probe.set, d) != NULL)
    cmp->stats->excluded++;
  else if (cmp->theirs != NULL)
    {
      ScmpBpfResult theirs = _scmp_bpf_run (cmp->theirs, cmp->n_theirs, d, be);

      if (theirs.error || theirs.ret != ours.ret)
        {
          cmp->stats->mismatches++;
          print_mismatch (cmp, theirs.error ? "libseccomp's program fails to run" : "libseccomp (expected) vs ours (got)",
                          d, theirs.ret, ours.ret);
        }
    }

  /* The public API, on a sample. */
  if (cmp->n % 16 == 0)
    {
      ScmpArchitecture arch = set_arch_of_call (cmp->probe.set, d->arch, (guint32) d->nr);
      g_autoptr(GError) error = NULL;
      g_autoptr(ScmpAction) action = NULL;

      if (arch != SCMP_ARCHITECTURE_UNKNOWN)
        {
          action = scmp_filter_evaluate (cmp->probe.filter, arch, d->nr, d->args, 6, &error);
          g_assert_no_error (error);
          if (scmp_action_get_kernel_value (action) != ours.ret)
            {
              cmp->stats->api_mismatches++;
              print_mismatch (cmp, "scmp_filter_evaluate vs our BPF", d, ours.ret,
                              scmp_action_get_kernel_value (action));
            }
        }
    }
}

/* Compiles @filter (and the libseccomp twin when @with_libseccomp), runs
 * systematic and @n_random random inputs. */
static void
compare_policy (const ArchSet *set,
                ScmpFilter    *filter,
                gboolean       with_libseccomp,
                guint          n_random,
                Stats         *stats)
{
  g_autoptr(GError) error = NULL;
  g_autofree struct sock_filter *theirs = NULL;
  Compare cmp = { 0 };

  cmp.probe.set = set;
  cmp.probe.filter = filter;
  cmp.probe.narrow = set_has_32bit (set);
  cmp.stats = stats;
  _scmp_filter_get_compile_input (filter, &cmp.input);

  {
    gint64 t0 = g_get_monotonic_time ();

    cmp.ours = _scmp_filter_get_program (filter, &error);
    if (g_get_monotonic_time () - t0 > 500000)
      {
        g_autofree char *rules = describe_rules (filter);
        g_test_message ("SLOW compile: %.2f s (%s) for\n%s", (g_get_monotonic_time () - t0) / 1e6,
                        error ? error->message : "ok", rules);
      }
  }
  if (cmp.ours == NULL)
    {
      g_assert_error (error, SCMP_ERROR, SCMP_ERROR_TOO_LARGE);
      stats->skipped++;
      return;
    }
  g_assert_cmpint (cmp.ours->big_endian, ==, set_big_endian (set));
  if (!_scmp_bpf_validate (cmp.ours->insns, cmp.ours->n_insns, &error))
    {
      g_autofree char *rules = describe_rules (filter);
      g_test_message ("invalid program for\n%s", rules);
      g_assert_no_error (error);
    }

  if (with_libseccomp)
    {
      cmp.ctx = lsc_build_from_filter (filter);
      if (cmp.ctx == NULL)
        {
          /* libseccomp refused a rule scmp-glib accepts (its own limits,
           * printed above): nothing to compare, and not our failure. */
          stats->lsc_refused++;
          return;
        }
      theirs = lsc_export_program (cmp.ctx, set_big_endian (set), &cmp.n_theirs);
      if (set_big_endian (set))
        stats->be_ret_fixups += lsc_fix_be_rets (theirs, cmp.n_theirs, filter);
      cmp.theirs = theirs;
      stats->insns_theirs += cmp.n_theirs;
    }

  /* The optimisations must not change a single answer. */
  cmp.naive = _scmp_compiler_compile (&cmp.input, SCMP_COMPILE_NAIVE, NULL);
  if (cmp.naive != NULL)
    stats->naive_compared++;

  stats->policies++;
  stats->rules += scmp_filter_get_n_rules (filter);
  stats->insns_ours += cmp.ours->n_insns;

  cmp.ref = ref_filter_new (filter);
  systematic_inputs (&cmp.probe, compare_one, &cmp);
  for (guint i = 0; i < n_random || cmp.n < 200; i++)
    {
      ScmpBpfData d;
      random_input (&cmp.probe, &d);
      compare_one (&d, &cmp);
    }

  if (cmp.ctx != NULL)
    seccomp_release (cmp.ctx);
  g_clear_pointer (&cmp.naive, _scmp_program_free);
  ref_filter_free (cmp.ref);
}

static void
report (Stats *stats,
        gboolean with_libseccomp)
{
  g_autofree char *theirs = with_libseccomp ? g_strdup_printf (" theirs %7u", stats->insns_theirs) : g_strdup ("");

  g_test_message ("%-22s policies %5u (skipped %u, libseccomp refused %u), rules %6u, inputs %9" G_GUINT64_FORMAT
                  " (%u excluded), insns ours %7u%s, mismatches: libseccomp %u, reference %u, evaluate() %u, "
                  "unoptimised %u (on %u policies)",
                  stats->label, stats->policies, stats->skipped, stats->lsc_refused, stats->rules, stats->inputs,
                  stats->excluded, stats->insns_ours,
                  theirs,
                  stats->mismatches, stats->ref_mismatches, stats->api_mismatches,
                  stats->naive_mismatches, stats->naive_compared);
}

static void
assert_no_mismatches (const Stats *stats)
{
  g_assert_cmpuint (stats->mismatches, ==, 0);
  g_assert_cmpuint (stats->ref_mismatches, ==, 0);
  g_assert_cmpuint (stats->api_mismatches, ==, 0);
  g_assert_cmpuint (stats->naive_mismatches, ==, 0);
}

/* Every policy was compared (none skipped), and nothing disagreed. */
static void
assert_all_compared_and_agree (const Stats *stats)
{
  g_assert_cmpuint (stats->skipped, ==, 0);
  assert_no_mismatches (stats);
}

/* ------------------------------------------------------------------ */
/* 1. Policies with the same meaning in both libraries                 */
/* ------------------------------------------------------------------ */

/* One condition usable with libseccomp on argument @arg of @name (see
 * lsc_comparable()). */
static ScmpCondition
random_compatible_condition (const ArchSet *set,
                             const char    *name,
                             guint          arg)
{
  static const ScmpCompareOp equalities[] = { SCMP_COMPARE_OP_EQ, SCMP_COMPARE_OP_NE, SCMP_COMPARE_OP_MASKED_EQ };
  guint bits = set_arg_bits (set, name, arg);
  ScmpCondition c = { arg, (ScmpCompareOp) rand_below (7), random_datum (bits, TRUE), 0, FALSE };

  if (!lsc_comparable (set, name, arg, TRUE))
    c.op = equalities[rand_below (G_N_ELEMENTS (equalities))];
  if (c.op == SCMP_COMPARE_OP_MASKED_EQ)
    {
      c.mask = fit_value (random_mask (bits), bits, TRUE);
      c.datum &= c.mask;   /* libseccomp stores datum & mask */
      if (chance (20))
        c.datum = c.mask;
    }
  return c;
}

/* The conditional rules of one syscall, all with @action. libseccomp
 * refuses two compares of one argument in a rule, and libseccomp 2.5.4
 * miscompiles two rules of one syscall that compare the same argument
 * (see "libseccomp's own miscompile" at the top): the rules of a syscall
 * use pairwise disjoint sets of arguments, unless
 * SCMP_DIFF_LIBSECCOMP_BUGS=1 asks for the shapes that trip it. */
static void
random_compatible_rules (GPtrArray     *rules,
                         const ArchSet *set,
                         const char    *name,
                         ScmpAction    *action)
{
  guint n_rules = 1 + rand_below (chance (70) ? 3 : 6);
  guint args[6];
  guint n_args = 0, next_arg = 0;

  for (guint i = 0; i < 6; i++)
    if (lsc_comparable (set, name, i, FALSE))
      args[n_args++] = i;
  if (n_args == 0)
    {
      g_ptr_array_add (rules, scmp_rule_new (name, action));
      return;
    }

  for (guint r = 0; r < n_rules; r++)
    {
      ScmpCondition conds[6];
      guint n;

      if (r == 0 || allow_libseccomp_bugs)
        {
          for (guint i = 0; i < n_args; i++)
            {
              guint j = i + rand_below (n_args - i);
              guint t = args[i]; args[i] = args[j]; args[j] = t;
            }
          next_arg = 0;
        }
      if (next_arg == n_args)
        break;
      n = chance (70) ? 2 : 4;
      n = 1 + rand_below (MIN (n, n_args - next_arg));
      for (guint i = 0; i < n; i++)
        conds[i] = random_compatible_condition (set, name, args[next_arg++]);
      g_ptr_array_add (rules, scmp_rule_newv (name, action, conds, n));
    }
}

static ScmpFilter *
random_compatible_policy (const ArchSet *set,
                          GPtrArray     *names)
{
  g_autoptr(ScmpAction) dflt = random_action (FALSE);
  ScmpFilter *filter = filter_new_for_set (set, dflt);
  g_autoptr(GPtrArray) rules = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) used = g_hash_table_new (g_str_hash, g_str_equal);
  guint n_syscalls = 1 + rand_below (chance (20) ? 60 : 16);

  for (guint s = 0; s < n_syscalls; s++)
    {
      const char *name = g_ptr_array_index (names, rand_below (names->len));
      g_autoptr(ScmpAction) action = random_action_other_than (dflt, FALSE);

      if (!g_hash_table_add (used, (gpointer) name))
        continue;
      if (chance (35))
        g_ptr_array_add (rules, scmp_rule_new (name, action));
      else
        random_compatible_rules (rules, set, name, action);
    }

  /* Rules of different syscalls interleave freely. */
  for (guint i = 0; i + 1 < rules->len; i++)
    {
      guint j = i + rand_below (rules->len - i);
      gpointer t = rules->pdata[i]; rules->pdata[i] = rules->pdata[j]; rules->pdata[j] = t;
    }
  for (guint i = 0; i < rules->len; i++)
    {
      g_autoptr(GError) error = NULL;
      scmp_filter_add_rule (filter, g_ptr_array_index (rules, i), &error);
      g_assert_no_error (error);
    }

  if (chance (30))
    {
      g_autoptr(ScmpAction) bad = random_action (FALSE);
      scmp_filter_set_bad_arch_action (filter, bad);
    }
  return filter;
}

static void
test_libseccomp_differential (gconstpointer data)
{
  const ArchSet *set = data;
  g_autoptr(GPtrArray) names = diff_names (set);
  Stats stats = { .label = set->label };
  guint n_policies = MAX (1, 120 * scale / divisor);
  gint64 start = g_get_monotonic_time ();

  g_assert_cmpuint (names->len, >, 100);

  for (guint i = 0; i < n_policies; i++)
    {
      g_autoptr(ScmpFilter) filter = random_compatible_policy (set, names);
      compare_policy (set, filter, TRUE, 200, &stats);
    }

  report (&stats, TRUE);
  if (stats.be_ret_fixups > 0)
    g_test_message ("%s: %u RET instructions of libseccomp's programs were byte-swapped twice (libseccomp bug) and put back",
                    set->label, stats.be_ret_fixups);
  g_test_message ("%s: %.2f s", set->label, (g_get_monotonic_time () - start) / 1e6);
  assert_all_compared_and_agree (&stats);
}

/* ------------------------------------------------------------------ */
/* 3. Reference vs compiled on unrestricted policies                   */
/* ------------------------------------------------------------------ */

/* A rule whose data fit the arguments as the kernel reads them on every
 * ABI of @set, except now and then (@raw_data_percent) a raw 64-bit
 * datum, which the filter must refuse exactly when it does not fit. */
static ScmpRule *
random_rule (const ArchSet *set,
             const char    *name,
             ScmpAction    *action,
             guint          raw_data_percent,
             gboolean       allow_exact)
{
  ScmpCondition conds[6];
  guint n = chance (30) ? 0 : 1 + rand_below (chance (70) ? 2 : 4);
  guint range_arg = rand_below (6);
  guint range_bits = set_arg_bits (set, name, range_arg);

  for (guint i = 0; i < n; i++)
    {
      ScmpCompareOp op = (ScmpCompareOp) rand_below (7);
      guint arg = chance (25) ? range_arg : rand_below (6);
      guint bits = set_arg_bits (set, name, arg);
      gboolean is_32bit = bits > 32 && chance (20);
      gboolean raw = chance (raw_data_percent);

      if (is_32bit)
        bits = 32;
      conds[i].arg = arg;
      conds[i].op = op;
      conds[i].is_32bit = is_32bit;
      conds[i].datum = raw ? random_raw_datum () : random_datum (bits, is_32bit);
      conds[i].mask = 0;
      if (op == SCMP_COMPARE_OP_MASKED_EQ)
        {
          conds[i].mask = raw ? random_mask (64) : random_mask (bits);
          if (chance (80))
            conds[i].datum &= conds[i].mask;
        }
    }

  /* A range on one argument, sometimes. */
  if (n > 0 && n < 5 && chance (15))
    {
      guint64 lo = random_datum (range_bits, FALSE), hi = random_datum (range_bits, FALSE);
      if (lo > hi) { guint64 t = lo; lo = hi; hi = t; }
      conds[n++] = (ScmpCondition) { range_arg, SCMP_COMPARE_OP_GE, lo, 0, FALSE };
      conds[n++] = (ScmpCondition) { range_arg, SCMP_COMPARE_OP_LE, hi, 0, FALSE };
    }

  return allow_exact && chance (5) ? scmp_rule_new_exact (name, action, conds, n) : scmp_rule_newv (name, action, conds, n);
}

/* How often the generator used the features of rules on numbers. */
typedef struct {
  guint number_rules;     /* scmp_rule_new_for_number(v)() */
  guint named_numbers;    /* of those, numbers the tables name */
  guint ranges;           /* scmp_rule_new_for_range() */
  guint restricted;       /* scmp_rule_restrict_to() */
  guint unknown_action;   /* policies with an unknown-syscall action */
  guint late_arches;      /* policies with ABIs added after their rules */
} Features;

static Features features;

/* Up to 5 conditions on whole registers of @reg_bits bits, as a rule on a
 * number the tables do not name compares them (unsigned, no kernel type). */
static guint
random_whole_conditions (guint          reg_bits,
                         ScmpCondition *conds)
{
  guint n = chance (40) ? 0 : 1 + rand_below (3);
  guint64 whole = reg_bits >= 64 ? G_MAXUINT64 : (G_GUINT64_CONSTANT (1) << reg_bits) - 1;

  for (guint i = 0; i < n; i++)
    {
      gboolean is_32bit = reg_bits > 32 && chance (15);
      guint bits = is_32bit ? 32 : reg_bits;

      conds[i].arg = rand_below (6);
      conds[i].op = (ScmpCompareOp) rand_below (7);
      conds[i].is_32bit = is_32bit;
      /* (the register, unsigned: nothing above its width is accepted) */
      conds[i].datum = random_datum (bits, is_32bit) & whole;
      conds[i].mask = 0;
      if (conds[i].op == SCMP_COMPARE_OP_MASKED_EQ)
        {
          conds[i].mask = fit_value (random_mask (bits), bits, is_32bit) & whole;
          if (chance (80))
            conds[i].datum &= conds[i].mask;
        }
    }
  if (n > 0 && chance (20))
    {
      guint arg = rand_below (6);
      guint64 lo = random_datum (reg_bits, TRUE) & whole, hi = random_datum (reg_bits, TRUE) & whole;

      if (lo > hi) { guint64 t = lo; lo = hi; hi = t; }
      conds[n++] = (ScmpCondition) { arg, SCMP_COMPARE_OP_GE, lo, 0, FALSE };
      conds[n++] = (ScmpCondition) { arg, SCMP_COMPARE_OP_LE, hi, 0, FALSE };
    }
  return n;
}

/* A rule on numbers of one ABI of @set (now and then of one @set lacks):
 * the number of a syscall the tables name (with conditions typed as that
 * syscall's), a number they do not name (a hole, above the newest, the
 * top of the ABI; conditions on the whole register or none), or a range
 * (from some number up to G_MAXINT, around named numbers, over holes). */
static ScmpRule *
random_number_rule (const ArchSet      *set,
                    const char * const *pool,
                    guint               n_pool,
                    ScmpAction         *action)
{
  ScmpArchitecture arch = chance (8) ? (ScmpArchitecture) (SCMP_ARCHITECTURE_X86 + rand_below (SCMP_N_ARCHES))
                                     : set->arches[rand_below (set->n)];
  const ScmpArchInfo *info = _scmp_arch_get_info (arch);
  gint32 base = (gint32) (info->nr_base | (arch == SCMP_ARCHITECTURE_X32 ? SCMP_X32_SYSCALL_BIT : 0));
  gint32 highest = ref_highest_number (arch);
  gint32 top = arch == SCMP_ARCHITECTURE_X86_64 ? 0x3fffffff : G_MAXINT;
  guint span = (guint) (highest - base + 1);
  g_autoptr(GError) error = NULL;
  ScmpCondition conds[8];
  ScmpRule *rule = NULL;
  gint32 first, last;

  switch (rand_below (7))
    {
    case 0: case 1:
      {
        g_auto(GStrv) names = scmp_syscall_list_names (arch);
        const char *name = NULL;
        g_autoptr(ScmpRule) by_name = NULL;
        guint n = 0;

        for (guint i = 0; i < 4 && name == NULL; i++)
          {
            const char *candidate = pool[rand_below (n_pool)];

            if (ref_syscall_number (arch, candidate) >= 0)
              name = candidate;
          }
        while (name == NULL || ref_syscall_number (arch, name) < 0)
          name = names[rand_below (g_strv_length (names))];
        /* Data that fit (a 32-bit compare's mask can be sign-extended;
         * the rule by name is refused when added, this one when made). */
        do
          {
            g_clear_object (&by_name);
            by_name = random_rule (set, name, action, 0, FALSE);
          }
        while (!rule_data_fit (set, by_name));
        n = scmp_rule_get_n_conditions (by_name);
        for (guint c = 0; c < n; c++)
          conds[c] = *scmp_rule_get_condition (by_name, c);
        rule = scmp_rule_new_for_numberv (arch, ref_syscall_number (arch, name), action, conds, n, &error);
        g_assert_no_error (error);
        g_assert_cmpstr (scmp_rule_get_syscall (rule), ==, name);
        features.named_numbers++;
        features.number_rules++;
        return rule;
      }
    case 2: case 3:
      {
        gint32 nr;
        guint n;

        if (chance (50))
          nr = (gint32) random_hole (arch);
        else if (chance (80))
          nr = highest + 1 + (gint32) rand_below (chance (50) ? 3 : 5000);
        else
          nr = top - (gint32) rand_below (2);
        n = random_whole_conditions (info->reg_bits, conds);
        rule = scmp_rule_new_for_numberv (arch, nr, action, conds, n, &error);
        g_assert_no_error (error);
        g_assert_null (scmp_rule_get_syscall (rule));
        features.number_rules++;
        return rule;
      }
    default:
      switch (rand_below (5))
        {
        case 0:  /* the numbers the tables do not know yet */
          first = highest + 1 - (gint32) rand_below (3);
          last = G_MAXINT;
          break;
        case 1:  /* from anywhere up */
          first = base + (gint32) rand_below (span);
          last = chance (70) ? G_MAXINT : top;
          break;
        case 2:  /* around a named number */
          first = base + (gint32) rand_below (span);
          last = first + (gint32) rand_below (chance (50) ? 10 : 200);
          first -= (gint32) rand_below (10);
          first = MAX (base, first);
          break;
        case 3:  /* a hole, or from one */
          first = (gint32) random_hole (arch);
          last = first + (gint32) rand_below (3);
          break;
        default:
          first = last = base + (gint32) rand_below (span + 3);
          break;
        }
      rule = scmp_rule_new_for_range (arch, first, last, action, &error);
      g_assert_no_error (error);
      features.ranges++;
      return rule;
    }
}

/* @rule limited to some of @set's ABIs, now and then with one it lacks
 * (a new reference; @rule itself when that leaves none of the ABIs it is
 * already limited to, which scmp_rule_restrict_to() refuses). */
static ScmpRule *
random_restriction (const ArchSet *set,
                    ScmpRule      *rule)
{
  ScmpArchitecture arches[MAX_SET_ARCHES + 1];
  gsize n = 0, n_old = 0;
  g_autofree ScmpArchitecture *old = scmp_rule_get_architectures (rule, &n_old);
  g_autoptr(GError) error = NULL;
  gboolean common = old == NULL;
  ScmpRule *restricted;

  for (gsize a = 0; a < set->n; a++)
    if (chance (50))
      arches[n++] = set->arches[a];
  if (n == 0 || chance (15))
    {
      ScmpArchitecture other = (ScmpArchitecture) (SCMP_ARCHITECTURE_X86 + rand_below (SCMP_N_ARCHES));

      if (!set_has (set, other) || n == 0)
        {
          gboolean dup = FALSE;

          for (gsize i = 0; i < n; i++)
            dup |= arches[i] == other;
          if (!dup)
            arches[n++] = other;
        }
    }
  for (gsize i = 0; i < n_old; i++)
    for (gsize j = 0; j < n; j++)
      common |= old[i] == arches[j];

  restricted = scmp_rule_restrict_to (rule, arches, n, &error);
  if (!common)
    {
      g_assert_error (error, SCMP_ERROR, SCMP_ERROR_INVALID_ARCHITECTURE);
      g_assert_null (restricted);
      return g_object_ref (rule);
    }
  g_assert_no_error (error);
  features.restricted++;
  return restricted;
}

/* A filter on @arches with @default_action. */
static ScmpFilter *
filter_new_for_arches (const ScmpArchitecture *arches,
                       gsize                   n,
                       ScmpAction             *default_action)
{
  const ArchSet set = { "", { arches[0], n > 1 ? arches[1] : 0, n > 2 ? arches[2] : 0 }, n };

  g_assert_cmpuint (n, <=, MAX_SET_ARCHES);
  return filter_new_for_set (&set, default_action);
}


static ScmpFilter *
random_policy (const ArchSet *set,
               GPtrArray     *names)
{
  g_autoptr(ScmpAction) dflt = random_action (TRUE);
  const char *pool[10];
  guint n_pool = 1 + rand_below (G_N_ELEMENTS (pool));
  guint n_rules = 1 + rand_below (chance (15) ? 120 : 30);
  /* Rules on numbers and ranges, rules limited to some ABIs, ABIs added
   * after the rules (their data then fit every ABI, and no rule is exact,
   * so that adding the ABI cannot fail), an unknown-syscall action. */
  gboolean numbers = chance (35);
  gboolean limit = chance (25);
  gboolean late = set->n > 1 && chance (30);
  ScmpArchitecture order[MAX_SET_ARCHES];
  gsize n_first = set->n;
  ScmpFilter *filter;

  memcpy (order, set->arches, sizeof order);
  if (late)
    {
      for (gsize i = 0; i + 1 < set->n; i++)
        {
          gsize j = i + rand_below ((guint) (set->n - i));
          ScmpArchitecture t = order[i]; order[i] = order[j]; order[j] = t;
        }
      n_first = 1 + rand_below ((guint) set->n - 1);
      features.late_arches++;
    }
  filter = filter_new_for_arches (order, n_first, dflt);

  /* A small pool of syscalls, so rules interact (shadowing, conflicts);
   * multiplexed calls and the multiplexers themselves often among them. */
  for (guint i = 0; i < n_pool; i++)
    {
      static const char *muxy[] = { "socket", "connect", "accept", "accept4", "sendmsg",
                                    "recvmmsg", "shmat", "semop", "msgrcv", "socketcall", "ipc",
                                    "bind", "shmctl", "semtimedop" };
      const char *name = NULL;

      if (chance (35))
        {
          const char *m = muxy[rand_below (G_N_ELEMENTS (muxy))];
          for (guint k = 0; k < names->len && name == NULL; k++)
            if (strcmp (g_ptr_array_index (names, k), m) == 0)
              name = g_ptr_array_index (names, k);
        }
      if (name == NULL)
        name = g_ptr_array_index (names, rand_below (names->len));
      pool[i] = name;
    }

  for (guint r = 0; r < n_rules; r++)
    {
      const char *name = chance (85) ? pool[rand_below (n_pool)] : g_ptr_array_index (names, rand_below (names->len));
      g_autoptr(ScmpAction) action = chance (10) ? g_object_ref (dflt) : random_action (TRUE);
      g_autoptr(ScmpRule) rule = NULL;
      gboolean fits;
      g_autoptr(GError) error = NULL;
      guint n = scmp_filter_get_n_rules (filter);

      if (numbers && chance (30))
        rule = random_number_rule (set, pool, n_pool, action);
      else
        rule = random_rule (set, name, action, late ? 0 : 3, !late);
      fits = rule_data_fit (set, rule);
      if (limit && fits && chance (40))
        {
          ScmpRule *restricted = random_restriction (set, rule);

          g_object_unref (rule);
          rule = restricted;
        }

      if (chance (20))
        scmp_filter_insert_rule (filter, rand_below (n + 1), rule, &error);
      else
        scmp_filter_add_rule (filter, rule, &error);

      /* A datum the argument cannot hold is refused, and only then. */
      if (!fits)
        {
          if (!(scmp_rule_get_exact (rule) &&
                g_error_matches (error, SCMP_ERROR, SCMP_ERROR_SYSCALL_NOT_ON_ARCHITECTURE)))
            g_assert_error (error, SCMP_ERROR, SCMP_ERROR_INVALID_ARGUMENT);
          g_assert_cmpuint (scmp_filter_get_n_rules (filter), ==, n);
          continue;
        }
      /* Allowed failures: a conflict, or an exact rule that cannot apply. */
      if (error != NULL &&
          !g_error_matches (error, SCMP_ERROR, SCMP_ERROR_EXISTS) &&
          !(scmp_rule_get_exact (rule) &&
            (g_error_matches (error, SCMP_ERROR, SCMP_ERROR_SYSCALL_NOT_ON_ARCHITECTURE) ||
             g_error_matches (error, SCMP_ERROR, SCMP_ERROR_INVALID_ARGUMENT))))
        g_assert_no_error (error);
    }

  for (gsize i = n_first; i < set->n; i++)
    {
      g_autoptr(GError) error = NULL;

      scmp_filter_add_arch (filter, order[i], &error);
      g_assert_no_error (error);
    }

  scmp_filter_set_allow_tracer_skip (filter, chance (50));
  if (chance (40))
    {
      g_autoptr(ScmpAction) bad = random_action (TRUE);
      scmp_filter_set_bad_arch_action (filter, bad);
    }
  if (chance (35))
    {
      g_autoptr(ScmpAction) unknown = chance (15) ? g_object_ref (dflt) : random_action (TRUE);

      scmp_filter_set_unknown_syscall_action (filter, unknown);
      features.unknown_action++;
    }
  if (chance (20))
    {
      g_autoptr(GError) error = NULL;
      scmp_filter_set_priority (filter, pool[rand_below (n_pool)], (guint8) rand_below (256), &error);
      g_assert_no_error (error);
    }
  return filter;
}

static void
test_reference (gconstpointer data)
{
  const ArchSet *set = data;
  g_autoptr(GPtrArray) names = ref_names (set);
  Stats stats = { .label = set->label };
  guint n_policies = MAX (1, 150 * scale / divisor);
  gint64 start = g_get_monotonic_time ();

  for (guint i = 0; i < n_policies; i++)
    {
      g_autoptr(ScmpFilter) filter = random_policy (set, names);
      compare_policy (set, filter, FALSE, 250, &stats);
    }

  report (&stats, FALSE);
  g_test_message ("%s: rules on numbers %u (%u named), ranges %u, limited to ABIs %u; "
                  "unknown-syscall action on %u policies, ABIs added late on %u",
                  set->label, features.number_rules, features.named_numbers, features.ranges,
                  features.restricted, features.unknown_action, features.late_arches);
  features = (Features) { 0 };
  g_test_message ("%s: %.2f s", set->label, (g_get_monotonic_time () - start) / 1e6);
  assert_no_mismatches (&stats);
}

/* ------------------------------------------------------------------ */
/* 5. Regressions for other compilers' known miscompiles               */
/* ------------------------------------------------------------------ */

/* > 255 instructions between a jump and its target: 300 conditional
 * rules for one syscall, and a long chain of syscalls. */
static void
test_long_jumps (void)
{
  static const ScmpArchitecture arches[] = { SCMP_ARCHITECTURE_X86_64, SCMP_ARCHITECTURE_S390X,
                                             SCMP_ARCHITECTURE_ARM };

  for (gsize a = 0; a < G_N_ELEMENTS (arches); a++)
    {
      const ArchSet set = { scmp_architecture_to_name (arches[a]), { arches[a] }, 1 };
      gboolean narrow = set_has_32bit (&set);
      Stats stats = { .label = set.label };

      /* Same action: comparable with libseccomp. */
      {
        g_autoptr(ScmpAction) dflt = scmp_action_new_errno (1, NULL);
        g_autoptr(ScmpAction) allow = scmp_action_new_allow ();
        g_autoptr(ScmpFilter) filter = filter_new_for_set (&set, dflt);
        g_autoptr(GError) error = NULL;
        const ScmpProgram *prog;

        for (guint i = 0; i < 300; i++)
          {
            guint64 datum = narrow ? i * 0x00100001u : i * G_GUINT64_CONSTANT (0x0000000100000001);
            ScmpCondition c = { 2, SCMP_COMPARE_OP_EQ, datum, 0, FALSE };   /* size_t count */
            g_autoptr(ScmpRule) rule = scmp_rule_newv ("read", allow, &c, 1);

            scmp_filter_add_rule (filter, rule, &error);
            g_assert_no_error (error);
          }
        {
          g_autoptr(ScmpRule) rule = scmp_rule_new ("write", allow);
          scmp_filter_add_rule (filter, rule, &error);
          g_assert_no_error (error);
        }
        prog = _scmp_filter_get_program (filter, &error);
        g_assert_no_error (error);
        g_assert_cmpuint (prog->n_insns, >, 300);   /* jumps over > 255 instructions */
        compare_policy (&set, filter, TRUE, 2000, &stats);

        /* And explicitly. */
        for (guint i = 0; i < 300; i += 7)
          {
            guint64 datum = narrow ? i * 0x00100001u : i * G_GUINT64_CONSTANT (0x0000000100000001);
            guint64 args[6] = { 0, 0, datum, 0, 0, 0 };
            g_autoptr(ScmpAction) yes = scmp_filter_evaluate_syscall (filter, arches[a], "read", args, 6, &error);
            g_assert_no_error (error);
            g_assert_cmphex (scmp_action_get_kernel_value (yes), ==, SECCOMP_RET_ALLOW);
            args[2] = datum + 1;   /* hi word of datum i, lo word of another */
            if (i < 299)
              {
                g_autoptr(ScmpAction) no = scmp_filter_evaluate_syscall (filter, arches[a], "read", args, 6, &error);
                g_assert_no_error (error);
                g_assert_cmphex (scmp_action_get_kernel_value (no), ==, SECCOMP_RET_ERRNO | 1);
              }
          }
      }

      /* Ordered, one action per rule: reference only. */
      {
        g_autoptr(ScmpAction) dflt = scmp_action_new_kill_process ();
        g_autoptr(ScmpFilter) filter = filter_new_for_set (&set, dflt);
        g_autoptr(GError) error = NULL;
        g_auto(GStrv) names = scmp_syscall_list_names (arches[a]);

        for (guint i = 0; i < 300; i++)
          {
            ScmpCondition c = { i % 6, SCMP_COMPARE_OP_LE, 1000 - i, 0, FALSE };
            g_autoptr(ScmpAction) act = scmp_action_new_errno (1 + i, NULL);
            g_autoptr(ScmpRule) rule = scmp_rule_newv ("read", act, &c, 1);

            scmp_filter_add_rule (filter, rule, &error);
            g_assert_no_error (error);
          }
        for (guint i = 0; names[i] != NULL && i < 200; i++)
          {
            g_autoptr(ScmpAction) act = scmp_action_new_trace (i);
            g_autoptr(ScmpRule) rule = scmp_rule_new (names[i], act);

            scmp_filter_add_rule (filter, rule, &error);
            if (g_error_matches (error, SCMP_ERROR, SCMP_ERROR_EXISTS))
              g_clear_error (&error);
            g_assert_no_error (error);
          }
        compare_policy (&set, filter, FALSE, 3000, &stats);
      }

      report (&stats, TRUE);
      assert_all_compared_and_agree (&stats);
    }
}

/* CVE-2019-9893-style: 64-bit <, <=, >, >=, != around the word boundary,
 * checked against the condition's own meaning, the reference, and
 * libseccomp; on both byte orders. */
static void
test_hi_word_boundaries (void)
{
  static const ScmpArchitecture arches[] = { SCMP_ARCHITECTURE_X86_64, SCMP_ARCHITECTURE_AARCH64,
                                             SCMP_ARCHITECTURE_S390X, SCMP_ARCHITECTURE_MIPS64,
                                             SCMP_ARCHITECTURE_PPC64LE };
  static const guint64 data[] = {
    0, 1, 0x7fffffff, 0x80000000, 0xfffffffe, 0xffffffff,
    G_GUINT64_CONSTANT (0x100000000), G_GUINT64_CONSTANT (0x100000001),
    G_GUINT64_CONSTANT (0x1ffffffff), G_GUINT64_CONSTANT (0x200000000),
    G_GUINT64_CONSTANT (0xffffffff00000000), G_GUINT64_CONSTANT (0xfffffffeffffffff),
    G_GUINT64_CONSTANT (0x8000000000000000), G_GUINT64_CONSTANT (0x7fffffffffffffff),
    G_MAXUINT64, G_MAXUINT64 - 1, G_GUINT64_CONSTANT (0x0000000500000003),
  };
  static const ScmpCompareOp ops[] = { SCMP_COMPARE_OP_EQ, SCMP_COMPARE_OP_NE, SCMP_COMPARE_OP_LT,
                                       SCMP_COMPARE_OP_LE, SCMP_COMPARE_OP_GT, SCMP_COMPARE_OP_GE };
  guint checked = 0;

  for (gsize a = 0; a < G_N_ELEMENTS (arches); a++)
    {
      const ArchSet set = { scmp_architecture_to_name (arches[a]), { arches[a] }, 1 };
      Stats stats = { .label = set.label };

      for (gsize o = 0; o < G_N_ELEMENTS (ops); o++)
        for (gsize di = 0; di < G_N_ELEMENTS (data); di++)
          {
            g_autoptr(ScmpAction) dflt = scmp_action_new_errno (9, NULL);
            g_autoptr(ScmpAction) allow = scmp_action_new_allow ();
            g_autoptr(ScmpFilter) filter = filter_new_for_set (&set, dflt);
            g_autoptr(GError) error = NULL;
            ScmpCondition c = { 2, ops[o], data[di], 0, FALSE };
            g_autoptr(ScmpRule) rule = scmp_rule_newv ("read", allow, &c, 1);

            scmp_filter_add_rule (filter, rule, &error);
            g_assert_no_error (error);
            compare_policy (&set, filter, TRUE, 200, &stats);

            /* The condition's own meaning, independent of the compiler. */
            for (gsize vi = 0; vi < G_N_ELEMENTS (data); vi++)
              for (int delta = -1; delta <= 1; delta++)
                {
                  guint64 args[6] = { 0, 0, data[vi] + delta, 0, 0, 0 };
                  g_autoptr(ScmpAction) got = scmp_filter_evaluate_syscall (filter, arches[a], "read", args, 6, &error);
                  guint32 expected = scmp_condition_matches (&c, args[2]) ? SECCOMP_RET_ALLOW : (SECCOMP_RET_ERRNO | 9);

                  g_assert_no_error (error);
                  if (scmp_action_get_kernel_value (got) != expected)
                    {
                      g_autofree char *s = scmp_condition_to_string (&c);
                      g_test_message ("%s: %s with arg2=0x%" G_GINT64_MODIFIER "x: expected 0x%08x, got 0x%08x",
                                      set.label, s, args[2], expected, scmp_action_get_kernel_value (got));
                    }
                  g_assert_cmphex (scmp_action_get_kernel_value (got), ==, expected);
                  checked++;
                }
          }
      report (&stats, TRUE);
      assert_all_compared_and_agree (&stats);
    }
  g_test_message ("%u explicit boundary checks", checked);
}

/* Long runs of "argN == value" rules on one syscall become search trees
 * over the values (and ranges where values are contiguous): first match
 * must still win for repeated values, and rules of other shapes in between
 * must cut the runs correctly. */
static void
test_value_search (void)
{
  static const ScmpArchitecture arches[] = { SCMP_ARCHITECTURE_X86_64, SCMP_ARCHITECTURE_X86,
                                             SCMP_ARCHITECTURE_S390X, SCMP_ARCHITECTURE_AARCH64 };

  for (gsize a = 0; a < G_N_ELEMENTS (arches); a++)
    for (guint round = 0; round < 20; round++)
      {
        const ArchSet set = { scmp_architecture_to_name (arches[a]), { arches[a] }, 1 };
        Stats stats = { .label = set.label };
        g_autoptr(ScmpAction) dflt = scmp_action_new_errno (9, NULL);
        g_autoptr(ScmpFilter) filter = filter_new_for_set (&set, dflt);
        guint n_rules = 20 + rand_below (80);
        /* Half the rounds give a contiguous block one action, so that a
         * range search wins over the value tree. */
        g_autoptr(ScmpAction) block_action = round % 2 ? random_action (TRUE) : NULL;

        for (guint r = 0; r < n_rules; r++)
          {
            g_autoptr(ScmpAction) action = random_action (TRUE);
            g_autoptr(ScmpRule) rule = NULL;
            ScmpCondition c = { 1, SCMP_COMPARE_OP_EQ, 0, 0, chance (20) };
            gboolean in_block = chance (50);

            /* Contiguous blocks, scattered values, and repeats. */
            c.datum = in_block ? 0x5400 + rand_below (24)
                               : chance (50) ? (guint32) g_test_rand_int () : rand_below (8);
            if (in_block && block_action != NULL)
              g_set_object (&action, block_action);
            if (chance (10))
              c.op = chance (50) ? SCMP_COMPARE_OP_GT : SCMP_COMPARE_OP_MASKED_EQ,
              c.mask = 0xff00;
            if (chance (5))
              c.arg = 0;
            /* cmd is an unsigned int: 64-bit values go on the unsigned long. */
            if (chance (5) && scmp_architecture_get_word_size (arches[a]) == 64)
              c.arg = 2, c.datum |= G_GUINT64_CONSTANT (1) << 40;
            rule = scmp_rule_newv ("ioctl", action, &c, 1);
            /* Same value, other action: EXISTS, as documented; skip it. */
            scmp_filter_add_rule (filter, rule, NULL);
          }

        /* And one dense block in order, after the random rules: a
         * contiguous run of values with one action is a single range. */
        if (round % 4 == 3)
          {
            g_autoptr(ScmpAction) dense = random_action (TRUE);
            guint base = 0x8000 + rand_below (16);

            for (guint v = 0; v < 30; v++)
              {
                ScmpCondition c = { 1, SCMP_COMPARE_OP_EQ, base + v, 0, FALSE };
                g_autoptr(ScmpRule) rule = scmp_rule_newv ("ioctl", dense, &c, 1);

                scmp_filter_add_rule (filter, rule, NULL);
              }
          }

        compare_policy (&set, filter, FALSE, 500, &stats);
        assert_all_compared_and_agree (&stats);
        if (round == 0)
          report (&stats, FALSE);
      }
}

/* On big-endian ABIs the high word is at +0: a datum whose words differ
 * must not match its word-swapped value. */
static void
test_big_endian_words (void)
{
  static const ScmpArchitecture arches[] = { SCMP_ARCHITECTURE_S390X, SCMP_ARCHITECTURE_MIPS64,
                                             SCMP_ARCHITECTURE_PPC64, SCMP_ARCHITECTURE_X86_64 };
  const guint64 datum = G_GUINT64_CONSTANT (0x1122334455667788);
  const guint64 swapped = G_GUINT64_CONSTANT (0x5566778811223344);

  for (gsize a = 0; a < G_N_ELEMENTS (arches); a++)
    {
      const ArchSet set = { scmp_architecture_to_name (arches[a]), { arches[a] }, 1 };
      Stats stats = { .label = set.label };
      g_autoptr(ScmpAction) dflt = scmp_action_new_errno (9, NULL);
      g_autoptr(ScmpAction) allow = scmp_action_new_allow ();
      g_autoptr(ScmpAction) trap = scmp_action_new_trap (0);   /* libseccomp has no trap data */
      g_autoptr(ScmpAction) log = scmp_action_new_log ();
      g_autoptr(ScmpFilter) filter = filter_new_for_set (&set, dflt);
      g_autoptr(GError) error = NULL;
      ScmpCondition eq = { 1, SCMP_COMPARE_OP_EQ, datum, 0, FALSE };
      ScmpCondition masked = { 3, SCMP_COMPARE_OP_MASKED_EQ, G_GUINT64_CONSTANT (0x1122000000007788),
                               G_GUINT64_CONSTANT (0xffff00000000ffff), FALSE };
      ScmpCondition gt = { 2, SCMP_COMPARE_OP_GT, G_GUINT64_CONSTANT (0x0000000100000002), 0, FALSE };
      g_autoptr(ScmpRule) r1 = scmp_rule_newv ("read", allow, &eq, 1);
      g_autoptr(ScmpRule) r2 = scmp_rule_newv ("write", trap, &masked, 1);
      g_autoptr(ScmpRule) r3 = scmp_rule_newv ("pwrite64", log, &gt, 1);
      struct {
        const char *name;
        guint arg;
        guint64 value;
        guint32 expected;
      } checks[] = {
        { "read", 1, datum, SECCOMP_RET_ALLOW },
        { "read", 1, swapped, SECCOMP_RET_ERRNO | 9 },
        { "read", 1, datum & 0xffffffffu, SECCOMP_RET_ERRNO | 9 },
        { "read", 1, datum >> 32, SECCOMP_RET_ERRNO | 9 },
        { "write", 3, G_GUINT64_CONSTANT (0x1122abcdef017788), SECCOMP_RET_TRAP },
        { "write", 3, G_GUINT64_CONSTANT (0x7788abcdef011122), SECCOMP_RET_ERRNO | 9 },
        { "pwrite64", 2, G_GUINT64_CONSTANT (0x0000000100000003), SECCOMP_RET_LOG },
        { "pwrite64", 2, G_GUINT64_CONSTANT (0x0000000200000000), SECCOMP_RET_LOG },
        { "pwrite64", 2, G_GUINT64_CONSTANT (0x0000000100000002), SECCOMP_RET_ERRNO | 9 },
        { "pwrite64", 2, G_GUINT64_CONSTANT (0x0000000300000001), SECCOMP_RET_LOG },
        { "pwrite64", 2, G_GUINT64_CONSTANT (0x0000000000000005), SECCOMP_RET_ERRNO | 9 },
        { "pwrite64", 2, G_GUINT64_CONSTANT (0x0000000500000000), SECCOMP_RET_LOG },
      };

      scmp_filter_add_rule (filter, r1, &error);
      g_assert_no_error (error);
      scmp_filter_add_rule (filter, r2, &error);
      g_assert_no_error (error);
      scmp_filter_add_rule (filter, r3, &error);
      g_assert_no_error (error);

      for (gsize i = 0; i < G_N_ELEMENTS (checks); i++)
        {
          guint64 args[6] = { 0 };
          g_autoptr(ScmpAction) got = NULL;

          args[checks[i].arg] = checks[i].value;
          got = scmp_filter_evaluate_syscall (filter, arches[a], checks[i].name, args, 6, &error);
          g_assert_no_error (error);
          g_assert_cmphex (scmp_action_get_kernel_value (got), ==, checks[i].expected);
        }

      compare_policy (&set, filter, TRUE, 2000, &stats);
      report (&stats, TRUE);
      assert_all_compared_and_agree (&stats);
    }
}

/* ------------------------------------------------------------------ */
/* Regressions: compiler bugs this test found                         */
/* ------------------------------------------------------------------ */

static void
regression_multiplexer_child (ScmpArchitecture arch)
{
  const ArchSet set = { scmp_architecture_to_name (arch), { arch }, 1 };
  g_autoptr(ScmpAction) dflt = scmp_action_new_errno (1000, NULL);
  g_autoptr(ScmpAction) allow = scmp_action_new_allow ();
  g_autoptr(ScmpFilter) filter = filter_new_for_set (&set, dflt);
  g_autoptr(GError) error = NULL;
  ScmpCondition c1 = { 0, SCMP_COMPARE_OP_EQ, 1, 0, FALSE };
  ScmpCondition c2 = { 0, SCMP_COMPARE_OP_EQ, 2, 0, FALSE };
  g_autoptr(ScmpRule) r1 = scmp_rule_newv ("socket", allow, &c1, 1);
  g_autoptr(ScmpRule) r2 = scmp_rule_newv ("socket", allow, &c2, 1);
  Stats stats = { .label = set.label };

  scmp_filter_add_rule (filter, r1, &error);
  g_assert_no_error (error);
  scmp_filter_add_rule (filter, r2, &error);
  g_assert_no_error (error);
  compare_policy (&set, filter, FALSE, 1000, &stats);
  report (&stats, FALSE);
  assert_all_compared_and_agree (&stats);
}

/* Two conditional rules for one multiplexed syscall: the compile must
 * finish (in a child, with a time limit). */
static void
test_regression_multiplexer (void)
{
  static const ScmpArchitecture arches[] = { SCMP_ARCHITECTURE_X86, SCMP_ARCHITECTURE_S390X,
                                             SCMP_ARCHITECTURE_PPC64LE };

  if (g_test_subprocess ())
    {
      for (gsize a = 0; a < G_N_ELEMENTS (arches); a++)
        regression_multiplexer_child (arches[a]);
      return;
    }
  g_test_trap_subprocess (NULL, 20 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

/* nr 0x80000000-0xbfffffff on the x86_64 token: the reference takes them
 * as x86_64 calls (no x32 bit), the compiled program as x32 calls. */
static void
test_regression_x32_bit (void)
{
  static const ArchSet sets[] = {
    { "x86_64", { SCMP_ARCHITECTURE_X86_64 }, 1 },
    { "x32",    { SCMP_ARCHITECTURE_X32 }, 1 },
    { "x86_64+x32", { SCMP_ARCHITECTURE_X86_64, SCMP_ARCHITECTURE_X32 }, 2 },
  };
  static const guint32 nrs[] = { 0x80000000, 0x80000001, 0xbfffffff, 0x9000003b };
  guint bad = 0;


  for (gsize s = 0; s < G_N_ELEMENTS (sets); s++)
    {
      g_autoptr(ScmpAction) dflt = scmp_action_new_errno (38, NULL);
      g_autoptr(ScmpAction) allow = scmp_action_new_allow ();
      g_autoptr(ScmpFilter) filter = filter_new_for_set (&sets[s], dflt);
      g_autoptr(ScmpRule) rule = scmp_rule_new ("read", allow);
      g_autoptr(GError) error = NULL;
      const ScmpProgram *prog;
      g_autoptr(RefFilter) oracle = NULL;

      scmp_filter_add_rule (filter, rule, &error);
      g_assert_no_error (error);
      prog = _scmp_filter_get_program (filter, &error);
      g_assert_no_error (error);
      oracle = ref_filter_new (filter);
      for (gsize i = 0; i < G_N_ELEMENTS (nrs); i++)
        {
          ScmpBpfData d = { .nr = (gint32) nrs[i], .arch = AUDIT_ARCH_X86_64 };
          guint32 ref = ref_filter_evaluate (oracle, d.arch, d.nr, d.args);
          guint32 got = _scmp_bpf_run (prog->insns, prog->n_insns, &d, FALSE).ret;

          if (ref != got)
            {
              g_test_message ("%s: nr 0x%08x: reference 0x%08x, compiled 0x%08x",
                              sets[s].label, nrs[i], ref, got);
              bad++;
            }
        }
    }
  g_assert_cmpuint (bad, ==, 0);
}

/* ------------------------------------------------------------------ */
/* 6. Rules on numbers at the edges, every number swept                */
/* ------------------------------------------------------------------ */

/* Compiles @filter and compares it with the oracle on every number from
 * below each ABI's base to above its newest, and the far ends, each with
 * zeroed and with random arguments. Returns the mismatches. */
static guint
sweep_numbers (const char    *label,
               const ArchSet *set,
               ScmpFilter    *filter)
{
  g_autoptr(GError) error = NULL;
  const ScmpProgram *prog = _scmp_filter_get_program (filter, &error);
  g_autoptr(RefFilter) oracle = ref_filter_new (filter);
  guint bad = 0;

  g_assert_no_error (error);
  for (gsize a = 0; a < set->n; a++)
    {
      const ScmpArchInfo *info = _scmp_arch_get_info (set->arches[a]);
      guint32 base = info->nr_base | (set->arches[a] == SCMP_ARCHITECTURE_X32 ? SCMP_X32_SYSCALL_BIT : 0);
      guint32 highest = (guint32) ref_highest_number (set->arches[a]);
      GArray *nrs = g_array_new (FALSE, FALSE, sizeof (guint32));
      static const guint32 far[] = {
        0, 1, 0x3ffffffe, 0x3fffffff, 0x40000000, 0x40000001, 0x7ffffffe, 0x7fffffff,
        0x80000000, 0xbfffffff, 0xc0000000, 0xfffffffe, 0xffffffff, 0x000f0000, 0x000f0005, 0x000f00ff,
      };

      for (guint32 nr = base >= 5 ? base - 5 : 0; nr <= highest + 5; nr++)
        g_array_append_val (nrs, nr);
      g_array_append_vals (nrs, far, G_N_ELEMENTS (far));
      for (guint i = 0; i < nrs->len; i++)
        for (guint k = 0; k < 2; k++)
          {
            ScmpBpfData d = { .nr = (gint32) g_array_index (nrs, guint32, i), .arch = info->audit_arch };
            guint32 ref, got;

            if (k == 1)
              fill_random_args (d.args, set_has_32bit (set));
            ref = ref_filter_evaluate (oracle, d.arch, d.nr, d.args);
            got = _scmp_bpf_run (prog->insns, prog->n_insns, &d, prog->big_endian).ret;
            if (ref != got && bad++ < 5)
              {
                g_autofree char *rules = describe_rules (filter);
                g_autofree char *input = describe_input (&d);

                g_test_message ("MISMATCH (%s)\n%s\ninput: %s\nreference 0x%08x, compiled 0x%08x",
                                label, rules, input, ref, got);
              }
          }
      g_array_unref (nrs);
    }
  return bad;
}

static ScmpFilter *
edge_filter (const ArchSet *set,
             ScmpAction    *dflt,
             ScmpAction    *unknown)
{
  ScmpFilter *filter = filter_new_for_set (set, dflt);

  scmp_filter_set_unknown_syscall_action (filter, unknown);
  return filter;
}

static void
edge_add (ScmpFilter *filter,
          ScmpRule   *rule,
          GError     *error)
{
  g_assert_no_error (error);
  g_assert_nonnull (rule);
  scmp_filter_add_rule (filter, rule, &error);
  g_assert_no_error (error);
  g_object_unref (rule);
}

static void
test_number_edges (void)
{
  static const ArchSet x86_64 = { "x86_64+x32", { SCMP_ARCHITECTURE_X86_64, SCMP_ARCHITECTURE_X32 }, 2 };
  static const ArchSet x86 = { "x86", { SCMP_ARCHITECTURE_X86 }, 1 };
  static const ArchSet arm = { "arm", { SCMP_ARCHITECTURE_ARM }, 1 };
  static const ArchSet mips = { "mips64+mips64n32+mips", { SCMP_ARCHITECTURE_MIPS64, SCMP_ARCHITECTURE_MIPS64N32, SCMP_ARCHITECTURE_MIPS }, 3 };
  g_autoptr(ScmpAction) allow = scmp_action_new_allow ();
  g_autoptr(ScmpAction) nosys = scmp_action_new_errno (ENOSYS, NULL);
  g_autoptr(ScmpAction) kill = scmp_action_new_kill_process ();
  g_autoptr(ScmpAction) trap = scmp_action_new_trap (1);
  g_autoptr(ScmpAction) log = scmp_action_new_log ();
  const ScmpCondition big = { 0, SCMP_COMPARE_OP_GE, G_GUINT64_CONSTANT (0x100000000), 0, FALSE };
  const ScmpCondition low = { 1, SCMP_COMPARE_OP_MASKED_EQ, 1, 1, TRUE };
  const ScmpCondition unix_family = { 0, SCMP_COMPARE_OP_EQ, 1, 0, FALSE };
  const ScmpArchitecture only_x32[] = { SCMP_ARCHITECTURE_X32 };
  GError *error = NULL;
  guint bad = 0;

  /* x86_64 and x32: the number 512 is x32's rt_sigaction with the bit and
   * nothing on x86_64; ranges to the top of each; every number of x86_64
   * ranged, with the unknown action behind it. */
  {
    g_autoptr(ScmpFilter) f = edge_filter (&x86_64, allow, nosys);
    ScmpRule *r;

    edge_add (f, scmp_rule_new_for_numberv (SCMP_ARCHITECTURE_X86_64, 512, trap, &big, 1, &error), error);
    edge_add (f, scmp_rule_new_for_number (SCMP_ARCHITECTURE_X32, SCMP_X32_SYSCALL_BIT | 512, log, &error), error);
    edge_add (f, scmp_rule_new_for_range (SCMP_ARCHITECTURE_X32, SCMP_X32_SYSCALL_BIT | 540, G_MAXINT, kill, &error), error);
    edge_add (f, scmp_rule_new_for_numberv (SCMP_ARCHITECTURE_X32, G_MAXINT, trap, &low, 1, &error), error);
    edge_add (f, scmp_rule_new_for_range (SCMP_ARCHITECTURE_X86_64, 300, 340, log, &error), error);
    r = scmp_rule_new ("read", kill);
    edge_add (f, scmp_rule_restrict_to (r, only_x32, 1, &error), error);
    g_object_unref (r);
    bad += sweep_numbers ("x86_64/x32 numbers", &x86_64, f);
    edge_add (f, scmp_rule_new_for_range (SCMP_ARCHITECTURE_X86_64, 0, G_MAXINT, log, &error), error);
    bad += sweep_numbers ("x86_64 all ranged", &x86_64, f);
  }

  /* x86: named numbers of multiplexed calls (semget 393, socket 359) are
   * the rules by name there; a range over socketcall and ipc themselves. */
  {
    g_autoptr(ScmpFilter) f = edge_filter (&x86, log, kill);

    edge_add (f, scmp_rule_new_for_number (SCMP_ARCHITECTURE_X86, 393, trap, &error), error);
    edge_add (f, scmp_rule_new_for_numberv (SCMP_ARCHITECTURE_X86, 359, nosys, &unix_family, 1, &error), error);
    edge_add (f, scmp_rule_new_for_range (SCMP_ARCHITECTURE_X86, 100, 120, allow, &error), error);
    edge_add (f, scmp_rule_new_for_range (SCMP_ARCHITECTURE_X86, 220, 225, nosys, &error), error);
    bad += sweep_numbers ("x86 multiplexed numbers", &x86, f);
  }

  /* arm: the private calls at 0xf0000 + n, and the holes between. */
  {
    g_autoptr(ScmpFilter) f = edge_filter (&arm, allow, trap);

    edge_add (f, scmp_rule_new_for_range (SCMP_ARCHITECTURE_ARM, 0xf0000, 0xf0003, log, &error), error);
    edge_add (f, scmp_rule_new_for_number (SCMP_ARCHITECTURE_ARM, 0xf0005, kill, &error), error);
    bad += sweep_numbers ("arm private", &arm, f);
  }

  /* MIPS: three bases on one token set; a range from one ABI's base up
   * runs through the numbers of the next. */
  {
    g_autoptr(ScmpFilter) f = edge_filter (&mips, allow, nosys);

    edge_add (f, scmp_rule_new_for_range (SCMP_ARCHITECTURE_MIPS, 4400, G_MAXINT, log, &error), error);
    edge_add (f, scmp_rule_new_for_range (SCMP_ARCHITECTURE_MIPS64, 5000, 5999, kill, &error), error);
    edge_add (f, scmp_rule_new_for_numberv (SCMP_ARCHITECTURE_MIPS64N32, 6999, trap, &big, 1, &error), error);
    /* Below o32's base: no call of it, whether the library takes the
     * number or not. */
    {
      ScmpRule *r = scmp_rule_new_for_number (SCMP_ARCHITECTURE_MIPS, 5, kill, &error);

      if (r != NULL)
        edge_add (f, r, error);
      else
        {
          g_test_message ("scmp_rule_new_for_number (mips, 5): %s", error->message);
          g_clear_error (&error);
        }
    }
    bad += sweep_numbers ("mips bases", &mips, f);
  }

  g_assert_cmpuint (bad, ==, 0);
}

/* ------------------------------------------------------------------ */

int
main (int    argc,
      char **argv)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  const char *iterations = g_getenv ("SCMP_DIFF_ITERATIONS");
  const char *seed_env = g_getenv ("SCMP_DIFF_SEED");
  const char *seed = NULL;
  g_autofree char *seed_arg = NULL;
  int new_argc;
  char **new_argv;

  /* A fixed seed unless one is given: the run is reproducible, and a
   * failing seed from a fuzz run can be replayed with --seed. */
  for (int i = 0; i < argc; i++)
    {
      g_ptr_array_add (args, argv[i]);
      if (g_str_has_prefix (argv[i], "--seed="))
        seed = argv[i] + strlen ("--seed=");
      else if (strcmp (argv[i], "--seed") == 0 && i + 1 < argc)
        seed = argv[i + 1];
    }
  if (seed == NULL && g_strcmp0 (seed_env, "random") != 0)
    {
      seed = seed_env != NULL ? seed_env : DEFAULT_SEED;
      seed_arg = g_strconcat ("--seed=", seed, NULL);
      g_ptr_array_add (args, seed_arg);
    }
  g_ptr_array_add (args, NULL);
  new_argc = (int) args->len - 1;
  new_argv = (char **) args->pdata;

  allow_libseccomp_bugs = g_strcmp0 (g_getenv ("SCMP_DIFF_LIBSECCOMP_BUGS"), "1") == 0;
  if (iterations != NULL)
    scale = MAX (1, (guint) g_ascii_strtoull (iterations, NULL, 10));
  if (RUNNING_ON_VALGRIND)
    divisor = 12;
  /* libseccomp probes the kernel for its API level, and valgrind knows
   * no seccomp(2): pin the level so the oracle behaves the same anywhere. */
  g_assert_cmpint (seccomp_api_set (6), ==, 0);

  g_test_init (&new_argc, &new_argv, NULL);

  g_test_message ("seed: %s (replay with --seed=<seed>), SCMP_DIFF_ITERATIONS=%u",
                  seed != NULL ? seed : "random (see '# random seed' above)", scale);

  for (gsize i = 0; i < G_N_ELEMENTS (diff_sets); i++)
    {
      g_autofree char *path = g_strdup_printf ("/differential/libseccomp/%s", diff_sets[i].label);
      g_test_add_data_func (path, &diff_sets[i], test_libseccomp_differential);
    }
  for (gsize i = 0; i < G_N_ELEMENTS (ref_sets); i++)
    {
      g_autofree char *path = g_strdup_printf ("/differential/reference/%s", ref_sets[i].label);
      g_test_add_data_func (path, &ref_sets[i], test_reference);
    }
  g_test_add_func ("/differential/regression/long-jumps", test_long_jumps);
  g_test_add_func ("/differential/regression/hi-word-boundaries", test_hi_word_boundaries);
  g_test_add_func ("/differential/regression/big-endian-words", test_big_endian_words);
  g_test_add_func ("/differential/regression/value-search", test_value_search);
  g_test_add_func ("/differential/regression/multiplexer-conditional-rules", test_regression_multiplexer);
  g_test_add_func ("/differential/regression/x32-bit", test_regression_x32_bit);
  g_test_add_func ("/differential/numbers/edges", test_number_edges);

  return g_test_run ();
}
