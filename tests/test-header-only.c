/* SPDX-FileCopyrightText: 2026 The scmp-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Including the umbrella header alone must be enough to use the library.
 */

#include <scmp-glib/scmp-glib.h>

int
main (void)
{
  GType t = scmp_architecture_get_type ();

  if (!SCMP_CHECK_VERSION (0, 1, 0))
    return 1;
  return g_type_is_a (t, G_TYPE_ENUM) && scmp_error_quark () != 0 ? 0 : 1;
}
