/* test-skip.h: the two kinds of skipped test
 *
 * SPDX-FileCopyrightText: 2026 The scmp-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * `./run test` fails on every skipped test or subtest except those whose
 * reason starts with SCMP_TEST_SKIP_MACHINE_MARKER: the machine cannot do
 * what the test needs (the kernel lacks a feature, int $0x80 does not
 * work, seccomp is forbidden in this container). Skip for such a reason
 * with scmp_test_skip_machine(). A plain g_test_skip() is for anything
 * else (a missing package, not running as root, a test that does not know
 * this ABI): it shows in the run's summary and fails it.
 *
 * The Python, GJS and Vala tests use the same marker.
 */

#pragma once

#include <glib.h>

#define SCMP_TEST_SKIP_MACHINE_MARKER "machine: "

/* Skips the current test because the machine cannot do what it needs.
 * @format says what is missing. */
static inline void scmp_test_skip_machine (const char *format,
                                           ...) G_GNUC_PRINTF (1, 2);

static inline void
scmp_test_skip_machine (const char *format,
                        ...)
{
  g_autofree char *why = NULL;
  g_autofree char *msg = NULL;
  va_list ap;

  va_start (ap, format);
  why = g_strdup_vprintf (format, ap);
  va_end (ap);
  msg = g_strconcat (SCMP_TEST_SKIP_MACHINE_MARKER, why, NULL);
  g_test_skip (msg);
}
