/* fuzz-oci.c: OCI JSON seccomp profiles → a filter → its program
 *
 * SPDX-FileCopyrightText: 2026 The scmp-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * A profile that loads must compile, and what scmp_filter_export_oci()
 * writes of its filter must load again.
 */

#include "config.h"

#include <scmp-glib/scmp-glib.h>

#include "fuzz-common.h"

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_init ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(ScmpOciProfile) profile = scmp_oci_profile_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) program = NULL;
  g_autofree char *exported = NULL;
  g_auto(GStrv) warnings = NULL;
  ScmpFilter *filter;

  if (!scmp_oci_profile_load_from_data (profile, (const char *) data, size, &error))
    {
      g_assert_nonnull (error);
      return 0;
    }
  g_assert_no_error (error);
  filter = scmp_oci_profile_get_filter (profile);
  g_assert_nonnull (filter);
  program = scmp_filter_export_bpf (filter, &error);
  if (program == NULL)
    {
      /* too big for the kernel is the one refusal a loaded profile may get */
      g_assert_nonnull (error);
      return 0;
    }

  exported = scmp_filter_export_oci (filter, 0, &warnings, &error);
  if (exported != NULL)
    {
      g_autoptr(ScmpOciProfile) again = scmp_oci_profile_new ();

      if (!scmp_oci_profile_load_from_data (again, exported, -1, &error))
        g_error ("the exported profile does not load: %s\n%s", error->message, exported);
    }
  return 0;
}
