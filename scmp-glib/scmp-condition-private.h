/* scmp-condition-private.h
 *
 * SPDX-FileCopyrightText: 2026 The scmp-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "scmp-condition.h"

G_BEGIN_DECLS

/* The checks that need no syscall or ABI: an argument index of 0 to
 * SCMP_CONDITION_MAX_ARG, a known ScmpCompareOp and, for a 32-bit
 * condition, a datum that fits in 32 bits. The constructors refuse such a
 * condition with this error, and rules check it again since ScmpCondition
 * is a public struct anyone can fill in; the sentence lives here only.
 * Sets SCMP_ERROR_INVALID_ARGUMENT. */
gboolean _scmp_condition_check (const ScmpCondition  *self,
                                GError              **error);

/* The symbol of @op, as scmp_condition_to_string() and the PFC export
 * write it: "==", "!=", "<", "<=", ">", ">=", and "&" for
 * SCMP_COMPARE_OP_MASKED_EQ (the mask follows it, then "==" and the
 * datum). NULL for a value that is not an ScmpCompareOp, which is how
 * _scmp_condition_check() tells a valid operator. */
const char *_scmp_compare_op_symbol (ScmpCompareOp op);

/* Whether one of @conds[0..n) is scmp_condition_equal() to @c: what a
 * rule's set of conditions is compared with. */
gboolean    _scmp_conditions_contain (const ScmpCondition *conds,
                                      guint                n,
                                      const ScmpCondition *c);

/* A hash of the set of @conds[0..n): the same for two lists that hold
 * the same conditions (scmp_condition_equal()) in any order, however
 * often each is repeated. O(n log n). */
guint       _scmp_conditions_hash_set (const ScmpCondition *conds,
                                       guint                n);

/* Whether @a[0..na) and @b[0..nb) hold the same set of conditions, in
 * any order and with any repeats. O(n log n) for long lists (the pairwise
 * test, for short ones). */
gboolean    _scmp_conditions_same_set (const ScmpCondition *a,
                                       guint                na,
                                       const ScmpCondition *b,
                                       guint                nb);

G_END_DECLS
