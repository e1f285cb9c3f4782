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
        {
          conds[c].arg = g_rand_int_range (rand, 0, 3);
          conds[c].op = g_rand_int_range (rand, SCMP_COMPARE_OP_EQ, SCMP_COMPARE_OP_MASKED_EQ + 1);
          conds[c].datum = pool_values[g_rand_int_range (rand, 0, G_N_ELEMENTS (pool_values))];
          conds[c].mask = conds[c].op == SCMP_COMPARE_OP_MASKED_EQ
                          ? pool_values[g_rand_int_range (rand, 0, G_N_ELEMENTS (pool_values))] : 0;
          conds[c].is_32bit = FALSE;
          if (conds[c].op == SCMP_COMPARE_OP_MASKED_EQ)
            conds[c].datum &= conds[c].mask;
        }
      rule = scmp_rule_newv (name, action, conds, n);
      /* values an argument cannot hold and repeated rules are refused:
       * that is fine here, the filter stays as it was */
      scmp_filter_add_rule (filter, rule, NULL);
    }
  return filter;
}

