/* scmp-condition.c
 *
 * SPDX-FileCopyrightText: 2026 The scmp-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "scmp-condition.h"
#include "scmp-condition-private.h"
#include "scmp-error.h"

#include <stdlib.h>

/**
 * SECTION:scmp-condition
 * @title: ScmpCondition
 * @short_description: a test on one system call argument
 *
 * An #ScmpCondition compares one argument of a system call (0 to 5) with a
 * value. The conditions of a rule are ANDed, and the same argument may be
 * tested more than once, for example to check a range.
 *
 * In a filter, a condition compares the argument as the kernel's entry
 * point for the syscall reads it on each ABI: an `int` argument in its low
 * 32 bits and as a signed number, a `umode_t` in 16 bits, a `long` or a
 * pointer in the full register (see the "Rule semantics" chapter). The
 * datum and mask may be the type's value zero- or sign-extended to 64 bits;
 * a value the argument cannot hold is an error when the rule is added. A
 * 32-bit condition (scmp_condition_new_32()) compares at most the low 32
 * bits, unsigned where the kernel's type is wider.
 *
 * scmp_condition_matches() knows no syscall: it compares the value it is
 * given in 64 bits, unsigned (or the low 32 bits for a 32-bit condition).
 * To ask what a filter does with a call, use scmp_filter_evaluate().
 *
 * #ScmpCondition is a plain structure registered as a boxed type: copy it
 * with scmp_condition_copy(), or on the stack, rather than sharing it.
 *
 * The constructors refuse, with a #GError, what is wrong whatever the
 * syscall: an argument index above %SCMP_CONDITION_MAX_ARG, a value that
 * is not an #ScmpCompareOp, and a datum wider than 32 bits for a 32-bit
 * condition. What depends on the syscall and the ABI (a datum the
 * argument's type cannot hold) is a #GError when the rule is added to a
 * filter, which checks the rest again too, since the structure's fields
 * can be filled in by hand.
 *
 * ## String form
 *
 * scmp_condition_to_string() formats a condition as
 * `arg<N> <op> <datum>`, where `<op>` is one of `==`, `!=`, `<`, `<=`, `>`
 * and `>=`, or as `arg<N> & <mask> == <datum>` for
 * %SCMP_COMPARE_OP_MASKED_EQ. A datum below 4096 is written in decimal and
 * a larger one in hexadecimal with a `0x` prefix; the mask, and the datum
 * it is compared with, are always in hexadecimal. A 32-bit condition ends
 * with ` (32-bit)`. For example: `arg1 == 2`, `arg0 & 0xff == 0x1`,
 * `arg2 <= 10 (32-bit)`, `arg1 == 0x5401`.
 *
 * |[<!-- language="C" -->
 *   // socket (AF_UNIX, ...), with the flags in the type argument ignored
 *   g_autoptr(GError) error = NULL;
 *   g_autoptr(ScmpCondition) family = scmp_condition_new_32 (0, SCMP_COMPARE_OP_EQ, AF_UNIX, NULL);
 *   g_autoptr(ScmpCondition) cloexec = scmp_condition_new_masked (1, SOCK_CLOEXEC, SOCK_CLOEXEC, NULL);
 *   g_autoptr(ScmpCondition) none = scmp_condition_new (6, SCMP_COMPARE_OP_EQ, 0, &error);
 *
 *   g_assert_true (scmp_condition_matches (family, 0xffffffff00000001));
 *   g_assert_false (scmp_condition_matches (cloexec, SOCK_STREAM));
 *   g_assert_null (none);    // "The argument index 6 is out of range: ..."
 *   g_assert_error (error, SCMP_ERROR, SCMP_ERROR_INVALID_ARGUMENT);
 * ]|
 */

G_DEFINE_BOXED_TYPE (ScmpCondition, scmp_condition,
                     scmp_condition_copy, scmp_condition_free)

/* The operators' symbols, for scmp_condition_to_string() and the PFC
 * export; also the list of valid operators. */
static const char * const compare_op_symbols[] = {
  [SCMP_COMPARE_OP_EQ] = "==",
  [SCMP_COMPARE_OP_NE] = "!=",
  [SCMP_COMPARE_OP_LT] = "<",
  [SCMP_COMPARE_OP_LE] = "<=",
  [SCMP_COMPARE_OP_GT] = ">",
  [SCMP_COMPARE_OP_GE] = ">=",
  [SCMP_COMPARE_OP_MASKED_EQ] = "&",
};

const char *
_scmp_compare_op_symbol (ScmpCompareOp op)
{
  /* Compared as an unsigned number, so a negative value is out of range too. */
  if ((guint) op >= G_N_ELEMENTS (compare_op_symbols))
    return NULL;

  return compare_op_symbols[op];
}

gboolean
_scmp_condition_check (const ScmpCondition  *self,
                       GError              **error)
{
  if (self->arg > SCMP_CONDITION_MAX_ARG)
    {
      g_set_error (error, SCMP_ERROR, SCMP_ERROR_INVALID_ARGUMENT,
                   "The argument index %u is out of range: "
                   "a syscall has arguments 0 to %d",
                   self->arg, SCMP_CONDITION_MAX_ARG);
      return FALSE;
    }
  if (_scmp_compare_op_symbol (self->op) == NULL)
    {
      g_set_error (error, SCMP_ERROR, SCMP_ERROR_INVALID_ARGUMENT,
                   "The comparison %d is unknown: an ScmpCompareOp is "
                   "between %d (equal) and %d (masked equal)",
                   (int) self->op, SCMP_COMPARE_OP_EQ, SCMP_COMPARE_OP_MASKED_EQ);
      return FALSE;
    }
  if (self->is_32bit && self->datum > G_MAXUINT32)
    {
      g_set_error (error, SCMP_ERROR, SCMP_ERROR_INVALID_ARGUMENT,
                   "The 32-bit comparison of argument %u has the value "
                   "0x%" G_GINT64_MODIFIER "x, which does not fit in 32 bits",
                   self->arg, self->datum);
      return FALSE;
    }
  /* Only a hand-filled struct can get here: scmp_condition_new_32() gives
   * a 32-bit mask. */
  if (self->is_32bit && self->op == SCMP_COMPARE_OP_MASKED_EQ && self->mask > G_MAXUINT32)
    {
      g_set_error (error, SCMP_ERROR, SCMP_ERROR_INVALID_ARGUMENT,
                   "The 32-bit comparison of argument %u has the mask "
                   "0x%" G_GINT64_MODIFIER "x, which does not fit in 32 bits",
                   self->arg, self->mask);
      return FALSE;
    }

  return TRUE;
}

/* @masked_eq_mask is the mask a MASKED_EQ condition gets; a condition
 * with another operator has none (0), as #ScmpCondition documents. */
static ScmpCondition *
scmp_condition_alloc (guint           arg,
                      ScmpCompareOp   op,
                      guint64         datum,
                      guint64         masked_eq_mask,
                      gboolean        is_32bit,
                      GError        **error)
{
  ScmpCondition condition = {
    .arg = arg,
    .op = op,
    .datum = datum,
    .mask = op == SCMP_COMPARE_OP_MASKED_EQ ? masked_eq_mask : 0,
    .is_32bit = is_32bit,
  };

  if (!_scmp_condition_check (&condition, error))
    return NULL;

  return g_memdup2 (&condition, sizeof condition);
}

/**
 * scmp_condition_new: (constructor)
 * @arg: the argument index, 0 to %SCMP_CONDITION_MAX_ARG
 * @op: the comparison
 * @datum: the value the argument is compared with
 * @error: return location for a #GError, or %NULL
 *
 * Creates a condition that compares the whole 64-bit argument @arg with
 * @datum. For %SCMP_COMPARE_OP_MASKED_EQ the mask has all bits set, so
 * the condition is the same as %SCMP_COMPARE_OP_EQ; use
 * scmp_condition_new_masked() to give a mask.
 *
 * Returns: (transfer full): a new #ScmpCondition; free it with
 *   scmp_condition_free(). %NULL with @error set to
 *   %SCMP_ERROR_INVALID_ARGUMENT when @arg is above
 *   %SCMP_CONDITION_MAX_ARG or @op is not an #ScmpCompareOp
 *
 * Since: 0.1
 */
ScmpCondition *
scmp_condition_new (guint           arg,
                    ScmpCompareOp   op,
                    guint64         datum,
                    GError        **error)
{
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return scmp_condition_alloc (arg, op, datum, G_MAXUINT64, FALSE, error);
}

/**
 * scmp_condition_new_masked: (constructor)
 * @arg: the argument index, 0 to %SCMP_CONDITION_MAX_ARG
 * @mask: the bits of the argument to test
 * @datum: the value the masked argument must equal
 * @error: return location for a #GError, or %NULL
 *
 * Creates a %SCMP_COMPARE_OP_MASKED_EQ condition: it matches when the
 * argument AND @mask equals @datum. A @datum with bits outside @mask
 * never matches.
 *
 * Returns: (transfer full): a new #ScmpCondition; free it with
 *   scmp_condition_free(). %NULL with @error set to
 *   %SCMP_ERROR_INVALID_ARGUMENT when @arg is above
 *   %SCMP_CONDITION_MAX_ARG
 *
 * Since: 0.1
 */
ScmpCondition *
scmp_condition_new_masked (guint     arg,
                           guint64   mask,
                           guint64   datum,
                           GError  **error)
{
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return scmp_condition_alloc (arg, SCMP_COMPARE_OP_MASKED_EQ, datum, mask, FALSE, error);
}

/**
 * scmp_condition_new_32: (constructor)
 * @arg: the argument index, 0 to %SCMP_CONDITION_MAX_ARG
 * @op: the comparison
 * @datum: the value the argument is compared with, at most 0xffffffff
 * @error: return location for a #GError, or %NULL
 *
 * Creates a 32-bit condition: it compares at most the low 32 bits of the
 * argument, unsigned (a narrower or signed kernel type still applies, see
 * #ScmpCondition), with @datum. Filters already compare an `int` argument
 * in 32 bits on their own; this is for a 64-bit argument whose upper half
 * a policy wants to ignore. For %SCMP_COMPARE_OP_MASKED_EQ the mask is
 * 0xffffffff.
 *
 * Returns: (transfer full): a new #ScmpCondition; free it with
 *   scmp_condition_free(). %NULL with @error set to
 *   %SCMP_ERROR_INVALID_ARGUMENT when @arg is above
 *   %SCMP_CONDITION_MAX_ARG, @op is not an #ScmpCompareOp or @datum is
 *   above 0xffffffff
 *
 * Since: 0.1
 */
ScmpCondition *
scmp_condition_new_32 (guint           arg,
                       ScmpCompareOp   op,
                       guint64         datum,
                       GError        **error)
{
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return scmp_condition_alloc (arg, op, datum, G_MAXUINT32, TRUE, error);
}

/**
 * scmp_condition_copy:
 * @self: an #ScmpCondition
 *
 * Copies a condition.
 *
 * Returns: (transfer full): a copy of @self; free it with
 *   scmp_condition_free()
 *
 * Since: 0.1
 */
ScmpCondition *
scmp_condition_copy (const ScmpCondition *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_memdup2 (self, sizeof (ScmpCondition));
}

/**
 * scmp_condition_free:
 * @self: (nullable): an #ScmpCondition
 *
 * Frees a condition allocated by one of the constructors or by
 * scmp_condition_copy(). Does nothing if @self is %NULL.
 *
 * Since: 0.1
 */
void
scmp_condition_free (ScmpCondition *self)
{
  g_free (self);
}

/**
 * scmp_condition_equal:
 * @a: an #ScmpCondition
 * @b: another #ScmpCondition
 *
 * Compares two conditions field by field: argument index, operator,
 * datum, 32-bit mode and, for %SCMP_COMPARE_OP_MASKED_EQ only, the mask.
 *
 * Returns: %TRUE if @a and @b are the same condition
 *
 * Since: 0.1
 */
gboolean
scmp_condition_equal (const ScmpCondition *a,
                      const ScmpCondition *b)
{
  g_return_val_if_fail (a != NULL, FALSE);
  g_return_val_if_fail (b != NULL, FALSE);

  if (a->arg != b->arg ||
      a->op != b->op ||
      a->datum != b->datum ||
      !a->is_32bit != !b->is_32bit)
    return FALSE;

  if (a->op == SCMP_COMPARE_OP_MASKED_EQ && a->mask != b->mask)
    return FALSE;

  return TRUE;
}

gboolean
_scmp_conditions_contain (const ScmpCondition *conds,
                          guint                n,
                          const ScmpCondition *c)
{
  for (guint i = 0; i < n; i++)
    if (scmp_condition_equal (&conds[i], c))
      return TRUE;
  return FALSE;
}

/* The fields scmp_condition_equal() compares, in a fixed order: the mask
 * counts only for MASKED_EQ, is_32bit only as a truth value. */
static int
condition_compare (const ScmpCondition *a,
                   const ScmpCondition *b)
{
  guint64 ma = a->op == SCMP_COMPARE_OP_MASKED_EQ ? a->mask : 0;
  guint64 mb = b->op == SCMP_COMPARE_OP_MASKED_EQ ? b->mask : 0;

  if (a->arg != b->arg)
    return a->arg < b->arg ? -1 : 1;
  if (a->op != b->op)
    return a->op < b->op ? -1 : 1;
  if (a->datum != b->datum)
    return a->datum < b->datum ? -1 : 1;
  if (!a->is_32bit != !b->is_32bit)
    return !a->is_32bit ? -1 : 1;
  if (ma != mb)
    return ma < mb ? -1 : 1;
  return 0;
}

static int
condition_compare_func (gconstpointer a,
                        gconstpointer b)
{
  return condition_compare (a, b);
}

static guint
condition_hash (const ScmpCondition *c)
{
  return (c->arg * 7919u + c->op * 104729u + (c->is_32bit ? 1299709u : 0)) ^
         g_int64_hash (&c->datum) ^
         (c->op == SCMP_COMPARE_OP_MASKED_EQ ? g_int64_hash (&c->mask) * 31u : 0);
}

/* Up to this many conditions, the pairwise tests beat sorting a copy. */
#define CONDITIONS_PAIRWISE_MAX 16

guint
_scmp_conditions_hash_set (const ScmpCondition *conds,
                           guint                n)
{
  g_autofree ScmpCondition *sorted = NULL;
  guint key = 0;

  if (n <= CONDITIONS_PAIRWISE_MAX)
    {
      for (guint i = 0; i < n; i++)
        /* a repeated condition is counted once */
        if (!_scmp_conditions_contain (conds, i, &conds[i]))
          key += condition_hash (&conds[i]);
      return key;
    }

  sorted = g_memdup2 (conds, n * sizeof *conds);
  qsort (sorted, n, sizeof *sorted, condition_compare_func);
  for (guint i = 0; i < n; i++)
    if (i == 0 || condition_compare (&sorted[i - 1], &sorted[i]) != 0)
      key += condition_hash (&sorted[i]);
  return key;
}

/* @conds sorted, without repeats; the length in @n_out. */
static ScmpCondition *
conditions_sorted_set (const ScmpCondition *conds,
                       guint                n,
                       guint               *n_out)
{
  ScmpCondition *sorted = g_memdup2 (conds, MAX (n, 1) * sizeof *conds);
  guint m = 0;

  qsort (sorted, n, sizeof *sorted, condition_compare_func);
  for (guint i = 0; i < n; i++)
    if (m == 0 || condition_compare (&sorted[m - 1], &sorted[i]) != 0)
      sorted[m++] = sorted[i];
  *n_out = m;
  return sorted;
}

gboolean
_scmp_conditions_same_set (const ScmpCondition *a,
                           guint                na,
                           const ScmpCondition *b,
                           guint                nb)
{
  g_autofree ScmpCondition *sa = NULL, *sb = NULL;
  guint ma, mb;

  if (na <= CONDITIONS_PAIRWISE_MAX && nb <= CONDITIONS_PAIRWISE_MAX)
    {
      for (guint i = 0; i < na; i++)
        if (!_scmp_conditions_contain (b, nb, &a[i]))
          return FALSE;
      for (guint i = 0; i < nb; i++)
        if (!_scmp_conditions_contain (a, na, &b[i]))
          return FALSE;
      return TRUE;
    }

  sa = conditions_sorted_set (a, na, &ma);
  sb = conditions_sorted_set (b, nb, &mb);
  if (ma != mb)
    return FALSE;
  for (guint i = 0; i < ma; i++)
    if (condition_compare (&sa[i], &sb[i]) != 0)
      return FALSE;
  return TRUE;
}

/**
 * scmp_condition_matches:
 * @self: an #ScmpCondition
 * @value: the value of the argument @self tests
 *
 * Evaluates the condition for one argument value, without a syscall or an
 * ABI: an unsigned comparison of @value with the datum (after the mask,
 * for %SCMP_COMPARE_OP_MASKED_EQ), on the low 32 bits only of @value, the
 * datum and the mask when @self is a 32-bit condition. A filter compares
 * the argument as the kernel reads it instead (its width and signedness on
 * the ABI), which scmp_filter_evaluate() shows.
 *
 * Returns: %TRUE if @value satisfies @self
 *
 * Since: 0.1
 */
gboolean
scmp_condition_matches (const ScmpCondition *self,
                        guint64              value)
{
  guint64 datum;
  guint64 mask;

  g_return_val_if_fail (self != NULL, FALSE);

  datum = self->datum;
  mask = self->mask;

  if (self->is_32bit)
    {
      value &= G_MAXUINT32;
      datum &= G_MAXUINT32;
      mask &= G_MAXUINT32;
    }

  switch (self->op)
    {
    case SCMP_COMPARE_OP_EQ:
      return value == datum;
    case SCMP_COMPARE_OP_NE:
      return value != datum;
    case SCMP_COMPARE_OP_LT:
      return value < datum;
    case SCMP_COMPARE_OP_LE:
      return value <= datum;
    case SCMP_COMPARE_OP_GT:
      return value > datum;
    case SCMP_COMPARE_OP_GE:
      return value >= datum;
    case SCMP_COMPARE_OP_MASKED_EQ:
      return (value & mask) == datum;
    default:
      g_return_val_if_reached (FALSE);
    }
}

static void
append_value (GString *string,
              guint64  value,
              gboolean hex)
{
  if (hex || value >= 4096)
    g_string_append_printf (string, "0x%" G_GINT64_MODIFIER "x", value);
  else
    g_string_append_printf (string, "%" G_GUINT64_FORMAT, value);
}

/**
 * scmp_condition_to_string:
 * @self: an #ScmpCondition
 *
 * Formats the condition for people, as `arg1 == 2`, `arg0 & 0xff == 0x1`
 * or `arg2 <= 10 (32-bit)`. The format, described in the ScmpCondition
 * section, is stable. It shows the condition as written: the width the
 * kernel reads depends on the syscall and the ABI, and
 * scmp_filter_export_pfc() shows it (`$a0.s32 == 0x2`).
 *
 * Returns: (transfer full): a new string; free it with g_free()
 *
 * Since: 0.1
 */
char *
scmp_condition_to_string (const ScmpCondition *self)
{
  const char *symbol;
  GString *string;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (self->op <= SCMP_COMPARE_OP_MASKED_EQ, NULL);

  symbol = _scmp_compare_op_symbol (self->op);
  string = g_string_new (NULL);
  g_string_append_printf (string, "arg%u %s ", self->arg, symbol);

  if (self->op == SCMP_COMPARE_OP_MASKED_EQ)
    {
      /* arg0 & 0xff == 0x1 */
      append_value (string, self->mask, TRUE);
      g_string_append_printf (string, " %s ", _scmp_compare_op_symbol (SCMP_COMPARE_OP_EQ));
      append_value (string, self->datum, TRUE);
    }
  else
    append_value (string, self->datum, FALSE);

  if (self->is_32bit)
    g_string_append (string, " (32-bit)");

  return g_string_free (string, FALSE);
}
