/* scmp-pfc-private.h: a filter's decisions as readable pseudo code
 *
 * SPDX-FileCopyrightText: 2026 The scmp-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * PFC (libseccomp's "pseudo filter code") prints the decisions stage's
 * output: for every ABI and syscall number, its clauses in order, with
 * each argument shown as the kernel reads it ("$a0.s32").
 */

#pragma once

#include <glib.h>

#include "scmp-compiler-private.h"
#include "scmp-decision-private.h"

G_BEGIN_DECLS

char *_scmp_pfc_print (const ScmpCompileInput *input,
                       const ScmpDecisions    *decisions);

G_END_DECLS
