/* scmp-condition.h
 *
 * SPDX-FileCopyrightText: 2026 The scmp-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined (__SCMP_GLIB_INSIDE__) && !defined (SCMP_GLIB_COMPILATION)
#error "Only <scmp-glib/scmp-glib.h> can be included directly."
#endif

#include <glib-object.h>
#include <scmp-glib/scmp-version-macros.h>

G_BEGIN_DECLS

/**
 * ScmpCompareOp:
 * @SCMP_COMPARE_OP_EQ: the argument equals the datum
 * @SCMP_COMPARE_OP_NE: the argument differs from the datum
 * @SCMP_COMPARE_OP_LT: the argument is less than the datum
 * @SCMP_COMPARE_OP_LE: the argument is less than or equal to the datum
 * @SCMP_COMPARE_OP_GT: the argument is greater than the datum
 * @SCMP_COMPARE_OP_GE: the argument is greater than or equal to the datum
 * @SCMP_COMPARE_OP_MASKED_EQ: the argument AND the mask equals the datum
 *
 * How a condition compares a syscall argument. In a filter the argument is
 * the value the kernel reads (its width and signedness on each ABI), so the
 * orderings are signed on a signed argument (`fd < 0` means a negative fd)
 * and unsigned otherwise; scmp_condition_matches(), which knows no ABI,
 * compares 64-bit unsigned values.
 *
 * Since: 0.1
 */
typedef enum {
  SCMP_COMPARE_OP_EQ,
  SCMP_COMPARE_OP_NE,
  SCMP_COMPARE_OP_LT,
  SCMP_COMPARE_OP_LE,
  SCMP_COMPARE_OP_GT,
  SCMP_COMPARE_OP_GE,
  SCMP_COMPARE_OP_MASKED_EQ,
} ScmpCompareOp;

/**
 * SCMP_CONDITION_MAX_ARG:
 *
 * The highest argument index a condition can test (a syscall has six).
 *
 * Since: 0.1
 */
#define SCMP_CONDITION_MAX_ARG 5

/**
 * ScmpCondition:
 * @arg: the argument index, 0 to 5
 * @op: the comparison
 * @datum: the value compared with
 * @mask: for %SCMP_COMPARE_OP_MASKED_EQ, the mask applied to the argument
 *   first; ignored (0) for the other operators
 * @is_32bit: compare only the low 32 bits of the argument, for `int`-typed
 *   arguments whose upper half the kernel leaves undefined on 64-bit ABIs
 *
 * One test on one argument of a system call. A rule's conditions are
 * ANDed. This is a plain value type: copy it, don't share it.
 *
 * Since: 0.1
 */
typedef struct {
  guint         arg;
  ScmpCompareOp op;
  guint64       datum;
  guint64       mask;
  gboolean      is_32bit;
} ScmpCondition;

#define SCMP_TYPE_CONDITION (scmp_condition_get_type ())

SCMP_AVAILABLE_IN_ALL
GType          scmp_condition_get_type   (void) G_GNUC_CONST;
SCMP_AVAILABLE_IN_ALL
ScmpCondition *scmp_condition_new        (guint                arg,
                                          ScmpCompareOp        op,
                                          guint64              datum,
                                          GError             **error);
SCMP_AVAILABLE_IN_ALL
ScmpCondition *scmp_condition_new_masked (guint                arg,
                                          guint64              mask,
                                          guint64              datum,
                                          GError             **error);
SCMP_AVAILABLE_IN_ALL
ScmpCondition *scmp_condition_new_32     (guint                arg,
                                          ScmpCompareOp        op,
                                          guint64              datum,
                                          GError             **error);
SCMP_AVAILABLE_IN_ALL
ScmpCondition *scmp_condition_copy       (const ScmpCondition *self);
SCMP_AVAILABLE_IN_ALL
void           scmp_condition_free       (ScmpCondition       *self);
SCMP_AVAILABLE_IN_ALL
gboolean       scmp_condition_equal      (const ScmpCondition *a,
                                          const ScmpCondition *b);
SCMP_AVAILABLE_IN_ALL
gboolean       scmp_condition_matches    (const ScmpCondition *self,
                                          guint64              value);
SCMP_AVAILABLE_IN_ALL
char          *scmp_condition_to_string  (const ScmpCondition *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScmpCondition, scmp_condition_free)

G_END_DECLS
