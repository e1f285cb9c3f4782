/* scmp-dispatch-private.h: the search over arch and syscall number
 *
 * SPDX-FileCopyrightText: 2026 The scmp-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The fourth stage of the compiler (see scmp-compiler.c): the test of
 * seccomp_data.arch for each ABI, then a search tree over ranges of
 * syscall numbers covering the whole 32-bit space (x32 numbers, unknown
 * numbers and -1 included) that leads to each number's lowered decision.
 */

#pragma once

#include <glib.h>

#include "scmp-compiler-private.h"
#include "scmp-dag-private.h"
#include "scmp-decision-private.h"

G_BEGIN_DECLS

/* The root of the whole program for @decisions of @input, in @dag. */
ScmpNode *_scmp_dispatch_build (ScmpDag                *dag,
                                const ScmpCompileInput *input,
                                const ScmpDecisions    *decisions,
                                ScmpCompileMode         mode);

G_END_DECLS
