/* test-rules.h: adding a rule that must be accepted, for the tests
 *
 * SPDX-FileCopyrightText: 2026 The scmp-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Include after the scmp-glib headers.
 */

#pragma once

#include <glib.h>

/* Appends "@syscall with @conds → @action" to @filter; the test fails if
 * the filter refuses it. */
static inline void
test_add_rule (ScmpFilter          *filter,
               const char          *syscall,
               ScmpAction          *action,
               const ScmpCondition *conds,
               gsize                n_conds)
{
  g_autoptr(ScmpRule) rule = scmp_rule_newv (syscall, action, conds, n_conds);
  g_autoptr(GError) error = NULL;
  gboolean added = scmp_filter_add_rule (filter, rule, &error);

  g_assert_no_error (error);
  g_assert_true (added);
}

/* Appends @rule (transfer full) to @filter, which must accept it. */
static inline void
test_add_rule_take (ScmpFilter *filter,
                    ScmpRule   *rule)
{
  g_autoptr(ScmpRule) owned = rule;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (owned);
  g_assert_true (scmp_filter_add_rule (filter, owned, &error));
  g_assert_no_error (error);
}
