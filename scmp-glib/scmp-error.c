/* scmp-error.c
 *
 * SPDX-FileCopyrightText: 2026 The scmp-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "scmp-error.h"
#include "scmp-error-private.h"

#include <errno.h>
#include <string.h>

/**
 * SECTION:scmp-error
 * @title: Errors
 * @short_description: the scmp-glib error domain
 *
 * Every function of scmp-glib that can fail on its input, its tables or the
 * kernel reports a #GError in the %SCMP_ERROR domain. The message is a
 * sentence meant for a person; the code (#ScmpError) is for programs.
 */

/**
 * scmp_error_quark:
 *
 * Returns the quark of the %SCMP_ERROR domain.
 *
 * Returns: the error domain quark
 *
 * Since: 0.1
 */
G_DEFINE_QUARK (scmp-error-quark, scmp_error)

const char *
_scmp_errno_name (int errsv)
{
  const char *errname = strerrorname_np (errsv);

  return errname != NULL ? errname : "unknown errno";
}

void
_scmp_set_error_from_errno (GError     **error,
                            ScmpError    code,
                            int          errsv,
                            const char  *what)
{
  g_set_error (error, SCMP_ERROR, code, "%s: %s (%s)",
               what, g_strerror (errsv), _scmp_errno_name (errsv));
}

void
_scmp_set_unknown_syscall_error (GError     **error,
                                 const char  *name)
{
  g_set_error (error, SCMP_ERROR, SCMP_ERROR_INVALID_SYSCALL,
               "Unknown syscall “%s”: no architecture has a system call of that name",
               name);
}
