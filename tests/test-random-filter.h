/* test-random-filter.h: small random filters over a pool of syscalls,
 * values and ABIs where the hard cases meet (multiplexers, 32-bit and
 * signed arguments, x32), for the tests
 *
 * SPDX-FileCopyrightText: 2026 The scmp-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Include after the scmp-glib headers.
 */

#pragma once

#include <errno.h>
#include <glib.h>

/* The first RANDOM_POOL_FIRST_MUXED syscalls are plain; the rest are
 * multiplexed on some ABIs. */
#define RANDOM_POOL_FIRST_MUXED 7

static const G_GNUC_UNUSED char * const pool_syscalls[] = {
  "read", "write", "openat", "close", "mmap", "kill", "setuid",
  "socket", "connect", "sendto", "accept4",           /* socketcall on x86, s390x */
  "semop", "shmget", "msgsnd",                        /* ipc on x86, s390x */
  "socketcall", "ipc",                                /* the multiplexers themselves */
};

static const G_GNUC_UNUSED guint64 pool_values[] = {
  0, 1, 2, 3, 7, 0x80, 0xffff, 0x7fffffff, 0x80000000, 0xffffffff,
  G_GUINT64_CONSTANT (0x100000000), G_GUINT64_CONSTANT (0xffffffffffffffff),
};

static const G_GNUC_UNUSED ScmpArchitecture pool_arches[] = {
  SCMP_ARCHITECTURE_X86_64, SCMP_ARCHITECTURE_X86, SCMP_ARCHITECTURE_X32,
  SCMP_ARCHITECTURE_AARCH64, SCMP_ARCHITECTURE_S390X, SCMP_ARCHITECTURE_PPC64LE,
};

/* A condition on argument 0-2 with a value from the pool; with
 * @maybe_32bit, a third of them compare the low 32 bits only. */
static inline ScmpCondition
random_condition (GRand    *rand,
                  gboolean  maybe_32bit)
{
  ScmpCondition c;

  c.arg = g_rand_int_range (rand, 0, 3);
  c.op = g_rand_int_range (rand, SCMP_COMPARE_OP_EQ, SCMP_COMPARE_OP_MASKED_EQ + 1);
  c.datum = pool_values[g_rand_int_range (rand, 0, G_N_ELEMENTS (pool_values))];
  c.mask = c.op == SCMP_COMPARE_OP_MASKED_EQ
           ? pool_values[g_rand_int_range (rand, 0, G_N_ELEMENTS (pool_values))] : 0;
  c.is_32bit = maybe_32bit && g_rand_int_range (rand, 0, 3) == 0;
  if (c.is_32bit)
    {
      c.datum &= 0xffffffff;
      c.mask &= 0xffffffff;
    }
  if (c.op == SCMP_COMPARE_OP_MASKED_EQ)
    c.datum &= c.mask;
  return c;
}

static inline ScmpAction *
random_action (GRand *rand)
{
  switch (g_rand_int_range (rand, 0, 5))
    {
    case 0: return scmp_action_new_allow ();
    case 1: return scmp_action_new_errno (EPERM, NULL);
    case 2: return scmp_action_new_errno (EACCES, NULL);
    case 3: return scmp_action_new_log ();
    default: return scmp_action_new_kill_process ();
    }
}

static inline ScmpFilter *
random_filter (GRand *rand)
{
  g_autoptr(ScmpAction) dflt = random_action (rand);
  ScmpFilter *filter = scmp_filter_new (dflt);
  guint n_rules = g_rand_int_range (rand, 1, 24);

  for (gsize a = 0; a < G_N_ELEMENTS (pool_arches); a++)
    if (g_rand_boolean (rand))
      scmp_filter_add_arch (filter, pool_arches[a], NULL);

  for (guint r = 0; r < n_rules; r++)
    {
      g_autoptr(ScmpAction) action = random_action (rand);
      ScmpCondition conds[3];
      guint n = g_rand_int_range (rand, 0, 3);
      const char *name = pool_syscalls[g_rand_int_range (rand, 0, G_N_ELEMENTS (pool_syscalls))];
      g_autoptr(ScmpRule) rule = NULL;

      for (guint c = 0; c < n; c++)
        conds[c] = random_condition (rand, FALSE);
      rule = scmp_rule_newv (name, action, conds, n);
      /* values an argument cannot hold and repeated rules are refused:
       * that is fine here, the filter stays as it was */
      scmp_filter_add_rule (filter, rule, NULL);
    }
  return filter;
}


/* Wider: the ABIs with other number bases and byte orders, rules on
 * numbers and ranges (also ones the tables name), rules limited to some
 * ABIs, 32-bit conditions, an unknown-syscall action, the tracer skip. */
static const G_GNUC_UNUSED ScmpArchitecture pool_wide_arches[] = {
  SCMP_ARCHITECTURE_X86_64, SCMP_ARCHITECTURE_X86, SCMP_ARCHITECTURE_X32,
  SCMP_ARCHITECTURE_AARCH64, SCMP_ARCHITECTURE_S390X, SCMP_ARCHITECTURE_S390,
  SCMP_ARCHITECTURE_PPC64, SCMP_ARCHITECTURE_MIPS, SCMP_ARCHITECTURE_MIPSEL64,
  SCMP_ARCHITECTURE_MIPS64N32, SCMP_ARCHITECTURE_ARM,
};

/* A number on @arch worth probing: one of @names, a hole, past the table,
 * with the x32 bit or in 0x80000000-0xbfffffff, -1. */
static inline gint32
random_probe_number (GRand              *rand,
                     ScmpArchitecture    arch,
                     const char * const *names,
                     gsize               n_names)
{
  int base = scmp_syscall_resolve_name (arch, "read");
  int nr;

  if (base < 0)
    base = scmp_syscall_resolve_name (arch, "close");
  base = MAX (base, 0) & ~0xfff;
  switch (g_rand_int_range (rand, 0, 8))
    {
    case 0: nr = scmp_syscall_resolve_name (arch, names[g_rand_int_range (rand, 0, n_names)]); break;
    case 1: nr = base + g_rand_int_range (rand, 0, 520); break;
    case 2: nr = base + g_rand_int_range (rand, 1000, 1010); break;
    case 3: nr = (base | 0x40000000) + g_rand_int_range (rand, 0, 600); break;
    case 4: nr = (int) (0x80000000u + (guint32) g_rand_int_range (rand, 0, 4)); break;
    case 5: nr = (int) (0xbfffffffu - (guint32) g_rand_int_range (rand, 0, 4)); break;
    case 6: nr = -1; break;
    default: nr = base + g_rand_int_range (rand, 0, 40); break;
    }
  return nr < -1 ? -1 : nr;
}

static inline gint32
random_wide_number (GRand            *rand,
                    ScmpArchitecture  arch)
{
  return random_probe_number (rand, arch, pool_syscalls, G_N_ELEMENTS (pool_syscalls));
}

static inline ScmpFilter *
random_filter_wide (GRand *rand)
{
  g_autoptr(ScmpAction) dflt = random_action (rand);
  ScmpFilter *filter = scmp_filter_new (dflt);
  guint n_rules = g_rand_int_range (rand, 1, 24);
  g_autoptr(GArray) arches = g_array_new (FALSE, FALSE, sizeof (ScmpArchitecture));

  /* one byte order: the filter starts without its native ABI */
  scmp_filter_remove_arch (filter, scmp_architecture_get_native (), NULL);
  while (arches->len == 0)
    {
      gboolean big = g_rand_boolean (rand);

      for (gsize a = 0; a < G_N_ELEMENTS (pool_wide_arches); a++)
        if (scmp_architecture_is_big_endian (pool_wide_arches[a]) == big &&
            g_rand_int_range (rand, 0, 3) == 0 && scmp_filter_add_arch (filter, pool_wide_arches[a], NULL))
          g_array_append_val (arches, pool_wide_arches[a]);
    }
  if (g_rand_boolean (rand))
    {
      g_autoptr(ScmpAction) unknown = random_action (rand);

      scmp_filter_set_unknown_syscall_action (filter, unknown);
    }
  scmp_filter_set_allow_tracer_skip (filter, g_rand_boolean (rand));
  for (guint p = g_rand_int_range (rand, 0, 3); p > 0; p--)
    scmp_filter_set_priority (filter, pool_syscalls[g_rand_int_range (rand, 0, G_N_ELEMENTS (pool_syscalls))],
                              g_rand_int_range (rand, 0, 256), NULL);

  for (guint r = 0; r < n_rules; r++)
    {
      g_autoptr(ScmpAction) action = random_action (rand);
      ScmpCondition conds[3];
      guint n = g_rand_int_range (rand, 0, 3);
      const char *name = pool_syscalls[g_rand_int_range (rand, 0, G_N_ELEMENTS (pool_syscalls))];
      g_autoptr(ScmpRule) rule = NULL;
      ScmpArchitecture on = arches->len > 0
        ? g_array_index (arches, ScmpArchitecture, g_rand_int_range (rand, 0, arches->len))
        : SCMP_ARCHITECTURE_X86_64;

      for (guint c = 0; c < n; c++)
        conds[c] = random_condition (rand, TRUE);
      switch (g_rand_int_range (rand, 0, 6))
        {
        case 0:
          {
            gint32 nr = random_wide_number (rand, on);

            rule = nr >= 0 ? scmp_rule_new_for_numberv (on, nr, action, conds, n, NULL) : NULL;
          }
          break;
        case 1:
          {
            gint32 first = random_wide_number (rand, on);

            rule = first >= 0
                   ? scmp_rule_new_for_range (on, first, first + g_rand_int_range (rand, 0, 300), action, NULL)
                   : NULL;
          }
          break;
        default:
          rule = scmp_rule_newv (name, action, conds, n);
        }
      if (rule != NULL && arches->len > 0 && g_rand_int_range (rand, 0, 3) == 0)
        {
          ScmpRule *limited = scmp_rule_restrict_to (rule, &on, 1, NULL);

          if (limited != NULL)
            {
              g_object_unref (rule);
              rule = limited;
            }
        }
      if (rule != NULL)
        scmp_filter_add_rule (filter, rule, NULL);
    }
  return filter;
}
