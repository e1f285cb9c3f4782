/* test-condition.c
 *
 * SPDX-FileCopyrightText: 2026 The scmp-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <scmp-glib/scmp-glib.h>

#include "test-preconditions.h"

#define U32_MAX G_GUINT64_CONSTANT (0xffffffff)
#define U32_END G_GUINT64_CONSTANT (0x100000000)
#define U64_MAX G_MAXUINT64

static const ScmpCompareOp all_ops[] = {
  SCMP_COMPARE_OP_EQ,
  SCMP_COMPARE_OP_NE,
  SCMP_COMPARE_OP_LT,
  SCMP_COMPARE_OP_LE,
  SCMP_COMPARE_OP_GT,
  SCMP_COMPARE_OP_GE,
  SCMP_COMPARE_OP_MASKED_EQ,
};

/* Boundary values for arguments and data. */
static const guint64 boundaries[] = {
  0, 1, 2, 0x7fffffff, 0x80000000, U32_MAX - 1, U32_MAX, U32_END, U32_END + 1,
  G_GUINT64_CONSTANT (0x7fffffffffffffff), G_GUINT64_CONSTANT (0x8000000000000000),
  U64_MAX - 1, U64_MAX,
};

static void
test_new_ops (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (all_ops); i++)
    {
      g_autoptr(ScmpCondition) condition = scmp_condition_new (3, all_ops[i], 42, NULL);

      g_assert_nonnull (condition);
      g_assert_cmpuint (condition->arg, ==, 3);
      g_assert_cmpint (condition->op, ==, all_ops[i]);
      g_assert_cmpuint (condition->datum, ==, 42);
      g_assert_false (condition->is_32bit);
      if (all_ops[i] == SCMP_COMPARE_OP_MASKED_EQ)
        g_assert_cmphex (condition->mask, ==, U64_MAX);
      else
        g_assert_cmphex (condition->mask, ==, 0);
    }
}

static void
test_new_masked (void)
{
  g_autoptr(ScmpCondition) condition = scmp_condition_new_masked (1, 0xff00, 0x1200, NULL);

  g_assert_cmpuint (condition->arg, ==, 1);
  g_assert_cmpint (condition->op, ==, SCMP_COMPARE_OP_MASKED_EQ);
  g_assert_cmphex (condition->mask, ==, 0xff00);
  g_assert_cmphex (condition->datum, ==, 0x1200);
  g_assert_false (condition->is_32bit);

  /* Every mask is kept as given, 0 and the high half alone included, and
   * so is a datum with bits outside it (such a condition never matches). */
  for (gsize m = 0; m < G_N_ELEMENTS (boundaries); m++)
    for (gsize d = 0; d < G_N_ELEMENTS (boundaries); d++)
      {
        g_autoptr(ScmpCondition) c = scmp_condition_new_masked (4, boundaries[m], boundaries[d], NULL);

        g_assert_cmphex (c->mask, ==, boundaries[m]);
        g_assert_cmphex (c->datum, ==, boundaries[d]);
      }
}

static void
test_new_32 (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (all_ops); i++)
    {
      g_autoptr(ScmpCondition) condition = scmp_condition_new_32 (0, all_ops[i], 7, NULL);

      g_assert_cmpuint (condition->arg, ==, 0);
      g_assert_cmpint (condition->op, ==, all_ops[i]);
      g_assert_cmpuint (condition->datum, ==, 7);
      g_assert_true (condition->is_32bit);
      if (all_ops[i] == SCMP_COMPARE_OP_MASKED_EQ)
        g_assert_cmphex (condition->mask, ==, U32_MAX);
      else
        g_assert_cmphex (condition->mask, ==, 0);
    }
}

static void
assert_refused (ScmpCondition *condition,
                GError        *error,
                const char    *message)
{
  g_assert_null (condition);
  g_assert_error (error, SCMP_ERROR, SCMP_ERROR_INVALID_ARGUMENT);
  g_assert_cmpstr (error->message, ==, message);
}

static void
test_new_arg_out_of_range (void)
{
  g_autoptr(GError) error = NULL;
  ScmpCondition *condition;

  g_test_summary ("The constructors refuse an argument index above 5 with a GError");

  condition = scmp_condition_new (6, SCMP_COMPARE_OP_EQ, 1, &error);
  assert_refused (condition, error,
                  "The argument index 6 is out of range: a syscall has arguments 0 to 5");
  g_clear_error (&error);

  condition = scmp_condition_new_masked (G_MAXUINT, 1, 1, &error);
  assert_refused (condition, error,
                  "The argument index 4294967295 is out of range: a syscall has arguments 0 to 5");
  g_clear_error (&error);

  condition = scmp_condition_new_32 (100, SCMP_COMPARE_OP_GE, 1, &error);
  assert_refused (condition, error,
                  "The argument index 100 is out of range: a syscall has arguments 0 to 5");
  g_clear_error (&error);

  /* Without a GError, the result says it alone. */
  g_assert_null (scmp_condition_new (6, SCMP_COMPARE_OP_EQ, 1, NULL));

  /* The last valid index. */
  condition = scmp_condition_new (SCMP_CONDITION_MAX_ARG, SCMP_COMPARE_OP_EQ, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (condition->arg, ==, 5);
  scmp_condition_free (condition);
}

static void
test_new_bad_op (void)
{
  g_autoptr(GError) error = NULL;
  ScmpCondition *condition;

  g_test_summary ("The constructors refuse a value that is not an ScmpCompareOp with a GError");

  condition = scmp_condition_new (0, SCMP_COMPARE_OP_MASKED_EQ + 1, 0, &error);
  assert_refused (condition, error,
                  "The comparison 7 is unknown: an ScmpCompareOp is between 0 (equal) and 6 (masked equal)");
  g_clear_error (&error);

  condition = scmp_condition_new_32 (0, (ScmpCompareOp) 100, 0, &error);
  assert_refused (condition, error,
                  "The comparison 100 is unknown: an ScmpCompareOp is between 0 (equal) and 6 (masked equal)");
  g_clear_error (&error);

  condition = scmp_condition_new (0, (ScmpCompareOp) -1, 0, &error);
  assert_refused (condition, error,
                  "The comparison -1 is unknown: an ScmpCompareOp is between 0 (equal) and 6 (masked equal)");
  g_clear_error (&error);

  /* The argument index is checked first. */
  condition = scmp_condition_new (9, (ScmpCompareOp) 100, 0, &error);
  assert_refused (condition, error,
                  "The argument index 9 is out of range: a syscall has arguments 0 to 5");
}

static void
test_new_32_wide_datum (void)
{
  g_autoptr(GError) error = NULL;
  ScmpCondition *condition;

  g_test_summary ("scmp_condition_new_32() refuses a datum above 0xffffffff with a GError");

  condition = scmp_condition_new_32 (2, SCMP_COMPARE_OP_EQ, U32_END, &error);
  assert_refused (condition, error,
                  "The 32-bit comparison of argument 2 has the value 0x100000000, "
                  "which does not fit in 32 bits");
  g_clear_error (&error);

  condition = scmp_condition_new_32 (0, SCMP_COMPARE_OP_MASKED_EQ, U64_MAX, &error);
  assert_refused (condition, error,
                  "The 32-bit comparison of argument 0 has the value 0xffffffffffffffff, "
                  "which does not fit in 32 bits");
  g_clear_error (&error);

  condition = scmp_condition_new_32 (2, SCMP_COMPARE_OP_EQ, U32_MAX, &error);
  g_assert_no_error (error);
  g_assert_cmphex (condition->datum, ==, U32_MAX);
  scmp_condition_free (condition);

  /* A 64-bit condition takes any datum. */
  condition = scmp_condition_new (2, SCMP_COMPARE_OP_EQ, U64_MAX, &error);
  g_assert_no_error (error);
  scmp_condition_free (condition);
}

/* The 32-bit condition scmp_condition_new_32() makes, for any datum: the
 * constructor refuses a datum above 0xffffffff, but matches() still
 * ignores the upper half of one in a structure filled in by hand. */
static ScmpCondition
condition_32 (guint         arg,
              ScmpCompareOp op,
              guint64       datum)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScmpCondition) made = scmp_condition_new_32 (arg, op, datum, &error);
  ScmpCondition by_hand = {
    .arg = arg,
    .op = op,
    .datum = datum,
    .mask = op == SCMP_COMPARE_OP_MASKED_EQ ? U32_MAX : 0,
    .is_32bit = TRUE,
  };

  if (datum > U32_MAX)
    {
      g_assert_null (made);
      g_assert_error (error, SCMP_ERROR, SCMP_ERROR_INVALID_ARGUMENT);
      return by_hand;
    }

  g_assert_no_error (error);
  g_assert_true (scmp_condition_equal (made, &by_hand));
  return *made;
}

static void
test_boxed (void)
{
  g_autoptr(ScmpCondition) condition = scmp_condition_new_32 (2, SCMP_COMPARE_OP_LE, 10, NULL);
  ScmpCondition *copy;
  GValue value = G_VALUE_INIT;
  const ScmpCondition *stored;

  g_assert_true (G_TYPE_IS_BOXED (SCMP_TYPE_CONDITION));
  g_assert_cmpstr (g_type_name (SCMP_TYPE_CONDITION), ==, "ScmpCondition");

  copy = g_boxed_copy (SCMP_TYPE_CONDITION, condition);
  g_assert_true (copy != condition);
  g_assert_true (scmp_condition_equal (copy, condition));
  g_boxed_free (SCMP_TYPE_CONDITION, copy);

  g_value_init (&value, SCMP_TYPE_CONDITION);
  g_value_set_boxed (&value, condition);
  stored = g_value_get_boxed (&value);
  g_assert_true (stored != condition);
  g_assert_true (scmp_condition_equal (stored, condition));
  g_value_unset (&value);
}

static void
test_copy (void)
{
  ScmpCondition on_stack = { 4, SCMP_COMPARE_OP_MASKED_EQ, 0x10, 0xf0, TRUE };
  g_autoptr(ScmpCondition) copy = scmp_condition_copy (&on_stack);

  g_assert_true (copy != &on_stack);
  g_assert_cmpuint (copy->arg, ==, 4);
  g_assert_cmpint (copy->op, ==, SCMP_COMPARE_OP_MASKED_EQ);
  g_assert_cmphex (copy->datum, ==, 0x10);
  g_assert_cmphex (copy->mask, ==, 0xf0);
  g_assert_true (copy->is_32bit);

  /* Freeing NULL does nothing. */
  scmp_condition_free (NULL);
}

static void
test_equal (void)
{
  ScmpCondition a = { 1, SCMP_COMPARE_OP_EQ, 5, 0, FALSE };
  ScmpCondition b = a;

  g_assert_true (scmp_condition_equal (&a, &a));
  g_assert_true (scmp_condition_equal (&a, &b));

  /* The mask is ignored unless the operator is MASKED_EQ. */
  b.mask = 0x1234;
  g_assert_true (scmp_condition_equal (&a, &b));

  /* Any true value is the same 32-bit mode. */
  a.is_32bit = TRUE;
  b.is_32bit = 2;
  g_assert_true (scmp_condition_equal (&a, &b));
  b.is_32bit = FALSE;
  g_assert_false (scmp_condition_equal (&a, &b));
  b.is_32bit = TRUE;

  b.arg = 2;
  g_assert_false (scmp_condition_equal (&a, &b));
  b.arg = 1;

  b.op = SCMP_COMPARE_OP_NE;
  g_assert_false (scmp_condition_equal (&a, &b));
  b.op = SCMP_COMPARE_OP_EQ;

  b.datum = 6;
  g_assert_false (scmp_condition_equal (&a, &b));
  b.datum = 5;
  g_assert_true (scmp_condition_equal (&a, &b));

  /* For MASKED_EQ the mask counts. */
  a.op = b.op = SCMP_COMPARE_OP_MASKED_EQ;
  a.mask = 0xff;
  b.mask = 0xff;
  g_assert_true (scmp_condition_equal (&a, &b));
  b.mask = 0xfff;
  g_assert_false (scmp_condition_equal (&a, &b));
}

static void
test_equal_constructors (void)
{
  g_autoptr(ScmpCondition) eq = scmp_condition_new (0, SCMP_COMPARE_OP_EQ, 1, NULL);
  g_autoptr(ScmpCondition) eq_again = scmp_condition_new (0, SCMP_COMPARE_OP_EQ, 1, NULL);
  g_autoptr(ScmpCondition) eq32 = scmp_condition_new_32 (0, SCMP_COMPARE_OP_EQ, 1, NULL);
  g_autoptr(ScmpCondition) masked_all = scmp_condition_new (0, SCMP_COMPARE_OP_MASKED_EQ, 1, NULL);
  g_autoptr(ScmpCondition) masked = scmp_condition_new_masked (0, U64_MAX, 1, NULL);
  g_autoptr(ScmpCondition) masked_other = scmp_condition_new_masked (0, 1, 1, NULL);

  g_assert_true (scmp_condition_equal (eq, eq_again));
  g_assert_false (scmp_condition_equal (eq, eq32));
  g_assert_false (scmp_condition_equal (eq, masked));
  g_assert_true (scmp_condition_equal (masked_all, masked));
  g_assert_false (scmp_condition_equal (masked, masked_other));
}

typedef struct
{
  ScmpCompareOp op;
  guint64 datum;
  guint64 value;
  gboolean matches;
} MatchCase;

static void
test_matches_64 (void)
{
  static const MatchCase cases[] = {
    { SCMP_COMPARE_OP_EQ, 0, 0, TRUE },
    { SCMP_COMPARE_OP_EQ, 0, U32_END, FALSE },
    { SCMP_COMPARE_OP_EQ, U32_MAX, U32_MAX, TRUE },
    { SCMP_COMPARE_OP_EQ, U32_MAX, U64_MAX, FALSE },
    { SCMP_COMPARE_OP_EQ, U64_MAX, U64_MAX, TRUE },
    { SCMP_COMPARE_OP_EQ, U32_END, U32_END, TRUE },
    { SCMP_COMPARE_OP_EQ, 1, U32_END + 1, FALSE },
    { SCMP_COMPARE_OP_NE, 0, 0, FALSE },
    { SCMP_COMPARE_OP_NE, 0, U32_END, TRUE },
    { SCMP_COMPARE_OP_NE, U64_MAX, U32_MAX, TRUE },
    { SCMP_COMPARE_OP_LT, 0, 0, FALSE },
    { SCMP_COMPARE_OP_LT, 1, 0, TRUE },
    { SCMP_COMPARE_OP_LT, U32_END, U32_MAX, TRUE },
    { SCMP_COMPARE_OP_LT, U32_END, U32_END, FALSE },
    { SCMP_COMPARE_OP_LT, U32_MAX, U32_END, FALSE },
    { SCMP_COMPARE_OP_LT, U64_MAX, U64_MAX - 1, TRUE },
    { SCMP_COMPARE_OP_LT, U64_MAX, U64_MAX, FALSE },
    { SCMP_COMPARE_OP_LE, 0, 0, TRUE },
    { SCMP_COMPARE_OP_LE, 0, 1, FALSE },
    { SCMP_COMPARE_OP_LE, U32_MAX, U32_MAX, TRUE },
    { SCMP_COMPARE_OP_LE, U32_MAX, U32_END, FALSE },
    { SCMP_COMPARE_OP_LE, U64_MAX, U64_MAX, TRUE },
    { SCMP_COMPARE_OP_GT, 0, 0, FALSE },
    { SCMP_COMPARE_OP_GT, 0, 1, TRUE },
    { SCMP_COMPARE_OP_GT, U32_MAX, U32_END, TRUE },
    { SCMP_COMPARE_OP_GT, U32_MAX, U32_MAX, FALSE },
    { SCMP_COMPARE_OP_GT, U32_END, U32_END + 1, TRUE },
    { SCMP_COMPARE_OP_GT, U64_MAX, U64_MAX, FALSE },
    { SCMP_COMPARE_OP_GT, U64_MAX - 1, U64_MAX, TRUE },
    { SCMP_COMPARE_OP_GE, 0, 0, TRUE },
    { SCMP_COMPARE_OP_GE, U32_END, U32_MAX, FALSE },
    { SCMP_COMPARE_OP_GE, U32_END, U32_END, TRUE },
    { SCMP_COMPARE_OP_GE, U64_MAX, U64_MAX, TRUE },
    { SCMP_COMPARE_OP_GE, U64_MAX, U64_MAX - 1, FALSE },
    /* signedness: all compares are unsigned */
    { SCMP_COMPARE_OP_LT, 0, U64_MAX, FALSE },
    { SCMP_COMPARE_OP_GT, G_GUINT64_CONSTANT (0x7fffffffffffffff),
      G_GUINT64_CONSTANT (0x8000000000000000), TRUE },
    { SCMP_COMPARE_OP_GT, 0x7fffffff, 0x80000000, TRUE },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(ScmpCondition) condition = scmp_condition_new (0, cases[i].op, cases[i].datum, NULL);

      g_test_message ("case %" G_GSIZE_FORMAT, i);
      g_assert_cmpint (scmp_condition_matches (condition, cases[i].value), ==, cases[i].matches);
    }
}

static gboolean
reference_matches (ScmpCompareOp op,
                   guint64       value,
                   guint64       datum,
                   guint64       mask)
{
  switch (op)
    {
    case SCMP_COMPARE_OP_EQ: return value == datum;
    case SCMP_COMPARE_OP_NE: return value != datum;
    case SCMP_COMPARE_OP_LT: return value < datum;
    case SCMP_COMPARE_OP_LE: return value <= datum;
    case SCMP_COMPARE_OP_GT: return value > datum;
    case SCMP_COMPARE_OP_GE: return value >= datum;
    case SCMP_COMPARE_OP_MASKED_EQ: return (value & mask) == datum;
    default: g_assert_not_reached ();
    }
}

static void
test_matches_boundaries (void)
{
  g_test_summary ("Every operator, on every pair of boundary values, in both modes");

  for (gsize o = 0; o < G_N_ELEMENTS (all_ops); o++)
    for (gsize d = 0; d < G_N_ELEMENTS (boundaries); d++)
      for (gsize v = 0; v < G_N_ELEMENTS (boundaries); v++)
        {
          ScmpCompareOp op = all_ops[o];
          guint64 datum = boundaries[d];
          guint64 value = boundaries[v];
          g_autoptr(ScmpCondition) c64 = scmp_condition_new (5, op, datum, NULL);
          ScmpCondition c32 = condition_32 (5, op, datum);

          g_assert_cmpint (scmp_condition_matches (c64, value), ==,
                           reference_matches (op, value, datum, U64_MAX));
          g_assert_cmpint (scmp_condition_matches (&c32, value), ==,
                           reference_matches (op, value & U32_MAX, datum & U32_MAX, U32_MAX));

          for (gsize m = 0; m < G_N_ELEMENTS (boundaries); m++)
            {
              guint64 mask = boundaries[m];
              g_autoptr(ScmpCondition) masked = scmp_condition_new_masked (5, mask, datum, NULL);

              g_assert_cmpint (scmp_condition_matches (masked, value), ==,
                               (value & mask) == datum);
              masked->is_32bit = TRUE;
              g_assert_cmpint (scmp_condition_matches (masked, value), ==,
                               (value & mask & U32_MAX) == (datum & U32_MAX));
            }
        }
}

static void
test_matches_32 (void)
{
  static const MatchCase cases[] = {
    /* the upper half of the argument is ignored */
    { SCMP_COMPARE_OP_EQ, 1, G_GUINT64_CONSTANT (0xffffffff00000001), TRUE },
    { SCMP_COMPARE_OP_EQ, 1, U32_END + 1, TRUE },
    { SCMP_COMPARE_OP_EQ, 0, U32_END, TRUE },
    { SCMP_COMPARE_OP_EQ, U32_MAX, U64_MAX, TRUE },
    { SCMP_COMPARE_OP_NE, 0, U32_END, FALSE },
    /* ... and so is the upper half of the datum */
    { SCMP_COMPARE_OP_EQ, U32_END + 1, 1, TRUE },
    { SCMP_COMPARE_OP_EQ, U64_MAX, U32_MAX, TRUE },
    /* a sign-extended -1 is 0xffffffff */
    { SCMP_COMPARE_OP_EQ, U32_MAX, G_GUINT64_CONSTANT (0xffffffffffffffff), TRUE },
    { SCMP_COMPARE_OP_GT, 0x7fffffff, G_GUINT64_CONSTANT (0xffffffff80000000), TRUE },
    { SCMP_COMPARE_OP_LT, U32_END, 0, FALSE },     /* datum is 0: nothing is below */
    { SCMP_COMPARE_OP_LT, U32_END, U32_MAX, FALSE },
    { SCMP_COMPARE_OP_LT, 10, U32_END + 9, TRUE },
    { SCMP_COMPARE_OP_LE, 10, U32_END + 10, TRUE },
    { SCMP_COMPARE_OP_LE, 10, 11, FALSE },
    { SCMP_COMPARE_OP_GT, 10, U32_END + 10, FALSE },
    { SCMP_COMPARE_OP_GT, 10, U32_END, FALSE },
    { SCMP_COMPARE_OP_GE, 1, U32_END, FALSE },
    { SCMP_COMPARE_OP_GE, U32_MAX, U64_MAX, TRUE },
    { SCMP_COMPARE_OP_GE, 0, 0, TRUE },
    /* the default mask of MASKED_EQ is the low 32 bits */
    { SCMP_COMPARE_OP_MASKED_EQ, 5, U32_END + 5, TRUE },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      ScmpCondition condition = condition_32 (0, cases[i].op, cases[i].datum);

      g_test_message ("case %" G_GSIZE_FORMAT, i);
      g_assert_cmpint (scmp_condition_matches (&condition, cases[i].value), ==, cases[i].matches);
    }
}

static void
test_matches_masked (void)
{
  g_autoptr(ScmpCondition) flag = scmp_condition_new_masked (1, 0x80000, 0x80000, NULL);
  g_autoptr(ScmpCondition) no_flag = scmp_condition_new_masked (1, 0x3, 0, NULL);
  g_autoptr(ScmpCondition) impossible = scmp_condition_new_masked (1, 0xff, 0x100, NULL);
  g_autoptr(ScmpCondition) high = scmp_condition_new_masked (1, G_GUINT64_CONSTANT (0xffffffff00000000), 0, NULL);
  g_autoptr(ScmpCondition) zero_mask = scmp_condition_new_masked (1, 0, 0, NULL);
  g_autoptr(ScmpCondition) all = scmp_condition_new (1, SCMP_COMPARE_OP_MASKED_EQ, U32_END, NULL);

  g_assert_true (scmp_condition_matches (flag, 0x80001));
  g_assert_true (scmp_condition_matches (flag, U64_MAX));
  g_assert_false (scmp_condition_matches (flag, 0x1));
  g_assert_false (scmp_condition_matches (flag, 0));

  g_assert_true (scmp_condition_matches (no_flag, 0));
  g_assert_true (scmp_condition_matches (no_flag, 0x4));
  g_assert_false (scmp_condition_matches (no_flag, 0x2));

  /* A datum with bits outside the mask never matches. */
  for (gsize i = 0; i < G_N_ELEMENTS (boundaries); i++)
    g_assert_false (scmp_condition_matches (impossible, boundaries[i]));
  g_assert_false (scmp_condition_matches (impossible, 0x100));

  g_assert_true (scmp_condition_matches (high, U32_MAX));
  g_assert_false (scmp_condition_matches (high, U32_END));

  for (gsize i = 0; i < G_N_ELEMENTS (boundaries); i++)
    g_assert_true (scmp_condition_matches (zero_mask, boundaries[i]));

  /* The default mask has every bit set: MASKED_EQ is EQ. */
  g_assert_true (scmp_condition_matches (all, U32_END));
  g_assert_false (scmp_condition_matches (all, 0));
  g_assert_false (scmp_condition_matches (all, U32_END + 1));
}

static void
test_to_string (void)
{
  static const struct {
    ScmpCondition condition;
    const char *text;
  } cases[] = {
    { { 0, SCMP_COMPARE_OP_EQ, 1, 0, FALSE }, "arg0 == 1" },
    { { 1, SCMP_COMPARE_OP_NE, 0, 0, FALSE }, "arg1 != 0" },
    { { 2, SCMP_COMPARE_OP_LT, 4095, 0, FALSE }, "arg2 < 4095" },
    { { 2, SCMP_COMPARE_OP_LT, 4096, 0, FALSE }, "arg2 < 0x1000" },
    { { 3, SCMP_COMPARE_OP_LE, 10, 0, TRUE }, "arg3 <= 10 (32-bit)" },
    { { 4, SCMP_COMPARE_OP_GT, 0x5401, 0, FALSE }, "arg4 > 0x5401" },
    { { 5, SCMP_COMPARE_OP_GE, G_MAXUINT64, 0, FALSE }, "arg5 >= 0xffffffffffffffff" },
    { { 0, SCMP_COMPARE_OP_MASKED_EQ, 1, 0xff, FALSE }, "arg0 & 0xff == 0x1" },
    { { 1, SCMP_COMPARE_OP_MASKED_EQ, 0, 0x80000, FALSE }, "arg1 & 0x80000 == 0x0" },
    { { 1, SCMP_COMPARE_OP_MASKED_EQ, 0x10, 0xf0, TRUE }, "arg1 & 0xf0 == 0x10 (32-bit)" },
    { { 7, SCMP_COMPARE_OP_EQ, 0, 0, FALSE }, "arg7 == 0" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = scmp_condition_to_string (&cases[i].condition);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

static void
test_to_string_constructors (void)
{
  g_autoptr(ScmpCondition) a = scmp_condition_new (1, SCMP_COMPARE_OP_MASKED_EQ, 2, NULL);
  g_autoptr(ScmpCondition) b = scmp_condition_new_32 (1, SCMP_COMPARE_OP_MASKED_EQ, 2, NULL);
  g_autofree char *a_text = scmp_condition_to_string (a);
  g_autofree char *b_text = scmp_condition_to_string (b);

  g_assert_cmpstr (a_text, ==, "arg1 & 0xffffffffffffffff == 0x2");
  g_assert_cmpstr (b_text, ==, "arg1 & 0xffffffff == 0x2 (32-bit)");
}

/* Preconditions */

static void
call_new_error_set (void)
{
  GError *error = g_error_new_literal (SCMP_ERROR, SCMP_ERROR_FAILED, "already set");

  scmp_condition_new (0, SCMP_COMPARE_OP_EQ, 0, &error);
}

static void
call_copy_null (void)
{
  scmp_condition_copy (NULL);
}

static void
call_equal_null (void)
{
  ScmpCondition a = { 0, SCMP_COMPARE_OP_EQ, 0, 0, FALSE };

  scmp_condition_equal (&a, NULL);
}

static void
call_matches_null (void)
{
  scmp_condition_matches (NULL, 0);
}

static void
call_matches_bad_op (void)
{
  ScmpCondition bad = { 0, (ScmpCompareOp) 42, 0, 0, FALSE };

  scmp_condition_matches (&bad, 0);
}

static void
call_to_string_null (void)
{
  scmp_condition_to_string (NULL);
}

static void
call_to_string_bad_op (void)
{
  ScmpCondition bad = { 0, (ScmpCompareOp) 42, 0, 0, FALSE };

  scmp_condition_to_string (&bad);
}


static const PreconditionCase preconditions[] = {
  { "/condition/precondition/new-error-set", call_new_error_set, "*Scmp-CRITICAL*error == NULL || *error == NULL*" },
  { "/condition/precondition/copy-null", call_copy_null, "*Scmp-CRITICAL*self != NULL*" },
  { "/condition/precondition/equal-null", call_equal_null, "*Scmp-CRITICAL*b != NULL*" },
  { "/condition/precondition/matches-null", call_matches_null, "*Scmp-CRITICAL*self != NULL*" },
  { "/condition/precondition/matches-bad-op", call_matches_bad_op, "*Scmp-CRITICAL*should not be reached*" },
  { "/condition/precondition/to-string-null", call_to_string_null, "*Scmp-CRITICAL*self != NULL*" },
  { "/condition/precondition/to-string-bad-op", call_to_string_bad_op, "*Scmp-CRITICAL*op <= SCMP_COMPARE_OP_MASKED_EQ*" },
};

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/condition/new/ops", test_new_ops);
  g_test_add_func ("/condition/new/masked", test_new_masked);
  g_test_add_func ("/condition/new/32", test_new_32);
  g_test_add_func ("/condition/new/arg-out-of-range", test_new_arg_out_of_range);
  g_test_add_func ("/condition/new/bad-op", test_new_bad_op);
  g_test_add_func ("/condition/new/32-wide-datum", test_new_32_wide_datum);
  g_test_add_func ("/condition/boxed", test_boxed);
  g_test_add_func ("/condition/copy", test_copy);
  g_test_add_func ("/condition/equal/fields", test_equal);
  g_test_add_func ("/condition/equal/constructors", test_equal_constructors);
  g_test_add_func ("/condition/matches/64-bit", test_matches_64);
  g_test_add_func ("/condition/matches/32-bit", test_matches_32);
  g_test_add_func ("/condition/matches/masked", test_matches_masked);
  g_test_add_func ("/condition/matches/boundaries", test_matches_boundaries);
  g_test_add_func ("/condition/to-string/fields", test_to_string);
  g_test_add_func ("/condition/to-string/constructors", test_to_string_constructors);

  add_precondition_tests (preconditions, G_N_ELEMENTS (preconditions));

  return g_test_run ();
}
