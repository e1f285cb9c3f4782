/* scmp-filter-private.h
 *
 * SPDX-FileCopyrightText: 2026 The scmp-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "scmp-compiler-private.h"
#include "scmp-filter.h"
#include "scmp-kernel.h"

G_BEGIN_DECLS

/* Fills @input with borrowed pointers into @self's current state. */
void               _scmp_filter_get_compile_input (ScmpFilter        *self,
                                                   ScmpCompileInput  *input);

/* The compiled program (cached until the next change), or NULL + @error. */
const ScmpProgram *_scmp_filter_get_program       (ScmpFilter        *self,
                                                   GError           **error);

/* The load flags the filter's properties and program ask for. */
ScmpLoadFlags      _scmp_filter_get_load_flags    (ScmpFilter        *self);

G_END_DECLS
