/* test-seccomp-compat-level.h: the API level the compat tests build at
 *
 * SPDX-FileCopyrightText: 2026 The scmp-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Include after seccomp.h.
 */

#pragma once

#include <glib.h>

/* The level seccomp_api_get() detected on this machine, before
 * pin_api_level() raised it. */
static unsigned int machine_api_level;

/* Building rules does not depend on the kernel, but the API level gates
 * actions and attributes as in libseccomp (LOG needs 3, NOTIFY 5, ...).
 * Where the kernel reports less (valgrind does not know seccomp(2), so
 * there the level is 1), build at level 6 so the same assertions hold;
 * the tests that load a filter check the kernel themselves. */
static inline void
pin_api_level (void)
{
  if (machine_api_level == 0)
    machine_api_level = seccomp_api_get ();
  if (seccomp_api_get () < 6)
    g_assert_cmpint (seccomp_api_set (6), ==, 0);
}
