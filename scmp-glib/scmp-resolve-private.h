/* scmp-resolve-private.h: a rule's conditions as one ABI's kernel reads them
 *
 * SPDX-FileCopyrightText: 2026 The scmp-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The first stage of the compiler (see scmp-compiler.c). A condition is
 * written against a 64-bit argument; the kernel's entry point of a syscall
 * reads fewer bits on many ABIs (an int, a 32-bit compat long, a u16
 * uid), signed or not. Every later stage sees conditions only in this
 * form, so that bits the kernel ignores can never change a verdict.
 */

#pragma once

#include <glib.h>

#include "scmp-arch-private.h"
#include "scmp-condition.h"

G_BEGIN_DECLS

/* A condition as the kernel reads the argument on one ABI: its low @bits
 * bits, signed or not, with datum and mask cut to them. */
typedef struct {
  guint8        arg;
  guint8        bits;         /* 8, 16, 32 or 64 */
  guint8        is_signed;
  ScmpCompareOp op;
  guint64       datum;
  guint64       mask;         /* (MASKED_EQ) */
} ScmpArgCond;

static inline guint64
_scmp_bits_mask (guint bits)
{
  return bits >= 64 ? G_MAXUINT64 : (G_GUINT64_CONSTANT (1) << bits) - 1;
}

/* The type condition @c compares on @arch for syscall @name_index: the
 * kernel's, and at most 32 unsigned bits for a condition made with
 * scmp_condition_new_32(). */
ScmpArgType _scmp_condition_type    (const ScmpCondition *c,
                                     int                  name_index,
                                     ScmpArchitecture     arch);

/* @c compared as type @t. */
void        _scmp_arg_cond_init     (ScmpArgCond         *out,
                                     const ScmpCondition *c,
                                     ScmpArgType          t);

static inline gboolean
_scmp_arg_cond_equal (const ScmpArgCond *a,
                      const ScmpArgCond *b)
{
  return a->arg == b->arg && a->bits == b->bits && a->is_signed == b->is_signed &&
         a->op == b->op && a->datum == b->datum && a->mask == b->mask;
}

/* Whether @c is one of @conds[0..n). */
static inline gboolean
_scmp_arg_conds_contain (const ScmpArgCond *conds,
                         guint              n,
                         const ScmpArgCond *c)
{
  for (guint i = 0; i < n; i++)
    if (_scmp_arg_cond_equal (&conds[i], c))
      return TRUE;
  return FALSE;
}

G_END_DECLS
