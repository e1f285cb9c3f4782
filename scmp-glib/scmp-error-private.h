/* scmp-error-private.h
 *
 * SPDX-FileCopyrightText: 2026 The scmp-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "scmp-error.h"

G_BEGIN_DECLS

/* The symbolic name of @errsv, such as "EPERM", as error messages show it
 * in parentheses; "unknown errno" for a value the C library cannot name. */
const char *_scmp_errno_name (int errsv);

/* Sets @error to "@what: <strerror> (<ERRNAME>)" with @code. Async-signal
 * safety is not needed here: loaders that must be safe only record errno. */
void _scmp_set_error_from_errno (GError     **error,
                                 ScmpError    code,
                                 int          errsv,
                                 const char  *what);

/* SCMP_ERROR_INVALID_SYSCALL for a name no ABI's table has. */
void _scmp_set_unknown_syscall_error (GError     **error,
                                      const char  *name);

G_END_DECLS
