/* test-preconditions.h: a table of programmer errors, each checked in a
 * subprocess for the critical it must log
 *
 * SPDX-FileCopyrightText: 2026 The scmp-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <glib.h>

typedef struct
{
  const char *path;
  void (*call) (void);
  const char *stderr_pattern;
} PreconditionCase;

static void
test_precondition (gconstpointer data)
{
  const PreconditionCase *test = data;

  if (g_test_subprocess ())
    {
      test->call ();
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr (test->stderr_pattern);
}

static inline void
add_precondition_tests (const PreconditionCase *cases,
                        gsize                   n_cases)
{
  for (gsize i = 0; i < n_cases; i++)
    g_test_add_data_func (cases[i].path, &cases[i], test_precondition);
}
