/* scmp-error.c
 *
 * SPDX-FileCopyrightText: 2026 The scmp-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "scmp-error.h"
#include "scmp-error-private.h"

#include <errno.h>
#include <gio/gio.h>
#include <string.h>

/**
 * SECTION:scmp-error
 * @title: Errors
 * @short_description: the scmp-glib error domain
 *
 * Every function of scmp-glib that can fail on its input, its tables or the
 * kernel reports a #GError in the %SCMP_ERROR domain. The message is a
 * sentence meant for a person; the code (#ScmpError) is for programs.
 *
 * The domain is registered with GDBus: a service that returns an
 * %SCMP_ERROR (say, a portal refusing a policy it received as a
 * #GVariant) sends it as the D-Bus error `org.gnome.ScmpGlib.Error.` and
 * the code's name (`InvalidPolicy`), and the caller gets it back as the
 * same %SCMP_ERROR code, message included.
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
static const GDBusErrorEntry scmp_dbus_errors[] = {
  { SCMP_ERROR_FAILED,                      "org.gnome.ScmpGlib.Error.Failed" },
  { SCMP_ERROR_INVALID_SYSCALL,             "org.gnome.ScmpGlib.Error.InvalidSyscall" },
  { SCMP_ERROR_INVALID_ARGUMENT,            "org.gnome.ScmpGlib.Error.InvalidArgument" },
  { SCMP_ERROR_EXISTS,                      "org.gnome.ScmpGlib.Error.Exists" },
  { SCMP_ERROR_NOT_SUPPORTED,               "org.gnome.ScmpGlib.Error.NotSupported" },
  { SCMP_ERROR_LOAD_FAILED,                 "org.gnome.ScmpGlib.Error.LoadFailed" },
  { SCMP_ERROR_INVALID_ARCHITECTURE,        "org.gnome.ScmpGlib.Error.InvalidArchitecture" },
  { SCMP_ERROR_TOO_LARGE,                   "org.gnome.ScmpGlib.Error.TooLarge" },
  { SCMP_ERROR_SYSCALL_NOT_ON_ARCHITECTURE, "org.gnome.ScmpGlib.Error.SyscallNotOnArchitecture" },
  { SCMP_ERROR_NOT_PENDING,                 "org.gnome.ScmpGlib.Error.NotPending" },
  { SCMP_ERROR_CLOSED,                      "org.gnome.ScmpGlib.Error.Closed" },
  { SCMP_ERROR_INVALID_POLICY,              "org.gnome.ScmpGlib.Error.InvalidPolicy" },
};

GQuark
scmp_error_quark (void)
{
  static gsize quark = 0;

  /* (the quark's name pairs the domain with ScmpError for the bindings) */
  g_dbus_error_register_error_domain ("scmp-error-quark", &quark, scmp_dbus_errors,
                                      G_N_ELEMENTS (scmp_dbus_errors));
  return (GQuark) quark;
}

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
