/* scmp-lower-private.h: one syscall number's decision → word tests
 *
 * SPDX-FileCopyrightText: 2026 The scmp-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The third stage of the compiler (see scmp-compiler.c). Each condition
 * becomes the 32-bit word tests cBPF can make (a 64-bit argument is two
 * words, in the ABI's byte order); clauses sharing a test share it in the
 * program, and long runs of "argument == K" clauses become search trees.
 */

#pragma once

#include <glib.h>

#include "scmp-arch-private.h"
#include "scmp-compiler-private.h"
#include "scmp-dag-private.h"
#include "scmp-decision-private.h"

G_BEGIN_DECLS

/* The node deciding a call whose number has decision @d on @info's ABI:
 * the first clause that holds gives its action, else @default_action. */
ScmpNode *_scmp_lower_decision (ScmpDag             *dag,
                                const ScmpArchInfo  *info,
                                const ScmpDecision  *d,
                                guint32              default_action,
                                ScmpCompileMode      mode);

G_END_DECLS
