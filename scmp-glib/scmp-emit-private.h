/* scmp-emit-private.h: a DAG of word tests → cBPF instructions
 *
 * SPDX-FileCopyrightText: 2026 The scmp-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The last stage of the compiler (see scmp-compiler.c): the nodes are
 * laid out in topological order (every jump forward), loads the
 * accumulator already holds are dropped, and a conditional jump whose
 * target is out of its 8-bit reach goes to a copy of the RET placed
 * within reach (a "RET island" later jumps share) or through a JA.
 */

#pragma once

#include <glib.h>

#include "scmp-compiler-private.h"
#include "scmp-dag-private.h"

G_BEGIN_DECLS

/* Fills @program's instructions (and uses_notify) with the program that
 * starts at @root, a node of @dag. SCMP_ERROR_TOO_LARGE when it needs
 * more than the kernel's 4096 instructions. */
gboolean _scmp_emit_program (const ScmpDag   *dag,
                             const ScmpNode  *root,
                             ScmpProgram     *program,
                             GError         **error);

G_END_DECLS
