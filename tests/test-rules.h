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

/* Appends @rule (transfer none) to @filter, which must accept it. */
static inline void
test_add_rule_ok (ScmpFilter *filter,
                  ScmpRule   *rule)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (scmp_filter_add_rule (filter, rule, &error));
  g_assert_no_error (error);
}

/* A filter for x86_64 alone, whatever the host, so that the tests read
 * the same everywhere. */
static inline ScmpFilter *
test_filter_new_x86_64 (ScmpAction *dflt)
{
  ScmpFilter *filter = scmp_filter_new (dflt);
  g_autoptr(GError) error = NULL;

  if (!scmp_filter_has_arch (filter, SCMP_ARCHITECTURE_X86_64))
    {
      g_assert_true (scmp_filter_add_arch (filter, SCMP_ARCHITECTURE_X86_64, &error));
      g_assert_true (scmp_filter_remove_arch (filter, SCMP_ARCHITECTURE_NATIVE, &error));
      g_assert_no_error (error);
    }
  return filter;
}
