/* test-libseccomp.h: scmp-glib's values in libseccomp's terms, for the
 * tests and benchmarks that use libseccomp as the oracle and the peer
 *
 * SPDX-FileCopyrightText: 2026 The scmp-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Include after the scmp-glib headers.
 */

#pragma once

#include <glib.h>
#include <seccomp.h>

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
