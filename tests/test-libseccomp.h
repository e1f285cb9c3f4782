/* test-libseccomp.h: scmp-glib's values in libseccomp's terms, for the
 * tests and benchmarks that use libseccomp as the oracle and the peer
 *
 * SPDX-FileCopyrightText: 2026 The scmp-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Include after the scmp-glib headers; needs the test support library.
 */

#pragma once

#include <glib.h>
#include <seccomp.h>
#include <sys/mman.h>
#include <unistd.h>

#include "scmp-test-support.h"
#include "scmp-bpf-private.h"
#include "test-libseccomp-export.h"

/* libseccomp's token for @arch (the two libraries spell ABIs the same). */
static inline uint32_t
lsc_arch_token (ScmpArchitecture arch)
{
  uint32_t token = seccomp_arch_resolve_name (scmp_architecture_to_name (arch));

  g_assert_cmpuint (token, !=, 0);
  return token;
}

/* @c as libseccomp's comparison; its MASKED_EQ takes the mask first. */
static inline struct scmp_arg_cmp
lsc_arg_cmp (const ScmpCondition *c)
{
  static const enum scmp_compare ops[] = {
    [SCMP_COMPARE_OP_EQ] = SCMP_CMP_EQ,
    [SCMP_COMPARE_OP_NE] = SCMP_CMP_NE,
    [SCMP_COMPARE_OP_LT] = SCMP_CMP_LT,
    [SCMP_COMPARE_OP_LE] = SCMP_CMP_LE,
    [SCMP_COMPARE_OP_GT] = SCMP_CMP_GT,
    [SCMP_COMPARE_OP_GE] = SCMP_CMP_GE,
    [SCMP_COMPARE_OP_MASKED_EQ] = SCMP_CMP_MASKED_EQ,
  };
  struct scmp_arg_cmp cmp = { .arg = c->arg };

  g_assert_cmpuint (c->op, <, G_N_ELEMENTS (ops));
  cmp.op = ops[c->op];
  if (c->op == SCMP_COMPARE_OP_MASKED_EQ)
    {
      cmp.datum_a = c->mask;
      cmp.datum_b = c->datum;
    }
  else
    cmp.datum_a = c->datum;
  return cmp;
}

/* The same policy built with libseccomp; NULL (and a message) if
 * libseccomp refused part of it. */
/* With @skip_unknown, rules for syscalls libseccomp does not know (newer
 * than its tables) are left out instead of failing the build. */
static inline scmp_filter_ctx
lsc_build_from_filter_full (ScmpFilter *filter,
                            gboolean    skip_unknown)
{
  g_autofree ScmpArchitecture *arches = NULL;
  gsize n_arches;
  uint32_t dflt = scmp_action_get_kernel_value (scmp_filter_get_default_action (filter));
  uint32_t bad = scmp_action_get_kernel_value (scmp_filter_get_bad_arch_action (filter));
  scmp_filter_ctx ctx = seccomp_init (dflt);
  int rc;

  /* libseccomp 2.5.4 refuses errno 4095, which the kernel allows. */
  if (ctx == NULL)
    {
      g_test_message ("libseccomp refused the default action 0x%08x", dflt);
      return NULL;
    }
  g_assert_cmpint (seccomp_attr_set (ctx, SCMP_FLTATR_CTL_NNP, 0), ==, 0);
  if (seccomp_attr_set (ctx, SCMP_FLTATR_ACT_BADARCH, bad) != 0)
    {
      g_test_message ("libseccomp refused the bad-arch action 0x%08x", bad);
      seccomp_release (ctx);
      return NULL;
    }
  if (!scmp_filter_has_arch (filter, scmp_architecture_get_native ()))
    g_assert_cmpint (seccomp_arch_remove (ctx, SCMP_ARCH_NATIVE), ==, 0);
  arches = scmp_filter_list_arches (filter, &n_arches);
  for (gsize i = 0; i < n_arches; i++)
    {
      rc = seccomp_arch_add (ctx, lsc_arch_token (arches[i]));
      g_assert_true (rc == 0 || rc == -EEXIST);
    }

  for (guint i = 0; i < scmp_filter_get_n_rules (filter); i++)
    {
      ScmpRule *rule = scmp_filter_get_rule (filter, i);
      guint n = scmp_rule_get_n_conditions (rule);
      struct scmp_arg_cmp cmps[6];
      int nr = seccomp_syscall_resolve_name (scmp_rule_get_syscall (rule));

      if (skip_unknown && nr == __NR_SCMP_ERROR)
        continue;

      g_assert_cmpuint (n, <=, 6);
      for (guint c = 0; c < n; c++)
        cmps[c] = lsc_arg_cmp (scmp_rule_get_condition (rule, c));
      rc = seccomp_rule_add_array (ctx,
                                   scmp_action_get_kernel_value (scmp_rule_get_action (rule)),
                                   nr, n, cmps);
      if (rc != 0)
        {
          g_autofree char *text = scmp_rule_to_string (rule);
          g_test_message ("libseccomp refused rule %u (%s): %s", i, text, g_strerror (-rc));
          seccomp_release (ctx);
          return NULL;
        }
    }
  return ctx;
}

static inline scmp_filter_ctx
lsc_build_from_filter (ScmpFilter *filter)
{
  return lsc_build_from_filter_full (filter, FALSE);
}

/* The program libseccomp exports for @ctx, deserialised (host order). */
static inline struct sock_filter *
lsc_export_program (scmp_filter_ctx  ctx,
                    gboolean         big_endian,
                    gsize           *n_insns)
{
  g_autoptr(GBytes) bytes = lsc_export_bytes (ctx);
  struct sock_filter *prog;

  /* libseccomp writes the target's byte order, as we do. */
  prog = test_bpf_deserialize (bytes, big_endian, n_insns);
  g_assert_nonnull (prog);
  g_assert_cmphex (prog[0].code, ==, BPF_LD | BPF_W | BPF_ABS);
  g_assert_cmphex (prog[0].k, ==, SCMP_BPF_OFF_ARCH);
  return prog;
}

/* libseccomp 2.5.4 byte-swaps some RET K instructions of big-endian
 * programs twice (they come out in host order: "ret #0x80" for
 * KILL_PROCESS, "ret #0xff7f" for ALLOW). Puts those back, so that the
 * oracle stays usable for everything else; returns how many. */
static inline guint
lsc_fix_be_rets (struct sock_filter *prog,
                 gsize               n_insns,
                 ScmpFilter         *filter)
{
  g_autoptr(GHashTable) legit = g_hash_table_new (NULL, NULL);
  guint fixed = 0;

  g_hash_table_add (legit, GUINT_TO_POINTER (scmp_action_get_kernel_value (scmp_filter_get_default_action (filter))));
  g_hash_table_add (legit, GUINT_TO_POINTER (scmp_action_get_kernel_value (scmp_filter_get_bad_arch_action (filter))));
  for (guint i = 0; i < scmp_filter_get_n_rules (filter); i++)
    g_hash_table_add (legit, GUINT_TO_POINTER (scmp_action_get_kernel_value (
                            scmp_rule_get_action (scmp_filter_get_rule (filter, i)))));

  for (gsize i = 0; i < n_insns; i++)
    {
      if (prog[i].code != (BPF_RET | BPF_K))
        continue;
      if (!g_hash_table_contains (legit, GUINT_TO_POINTER (prog[i].k)) &&
          g_hash_table_contains (legit, GUINT_TO_POINTER (GUINT32_SWAP_LE_BE (prog[i].k))))
        {
          prog[i].k = GUINT32_SWAP_LE_BE (prog[i].k);
          fixed++;
        }
    }
  return fixed;
}
