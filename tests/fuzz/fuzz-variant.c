/* fuzz-variant.c: GVariant policies → a filter → its program
 *
 * SPDX-FileCopyrightText: 2026 The scmp-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The first byte picks the form: serialized bytes of type
 * SCMP_FILTER_VARIANT_TYPE (g_variant_new_from_data(), trusted = FALSE,
 * as a message off a socket would be), or the text form
 * (scmp_filter_new_from_variant_text()). A policy that loads must
 * compile, and serialize to one that loads to the same program.
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
  g_autoptr(GError) error = NULL;
  g_autoptr(ScmpFilter) filter = NULL;
  g_autoptr(ScmpFilter) again = NULL;
  g_autoptr(GVariant) serialized = NULL;
  g_autoptr(GBytes) program = NULL;
  g_autoptr(GBytes) program_again = NULL;

  if (size < 1)
    return 0;
  if (data[0] & 1)
    filter = scmp_filter_new_from_variant_text ((const char *) data + 1, size - 1, &error);
  else
    {
      /* a copy: GVariant wants its data aligned, and keeps it */
      g_autoptr(GBytes) bytes = g_bytes_new (data + 1, size - 1);
      g_autoptr(GVariant) variant =
        g_variant_ref_sink (g_variant_new_from_bytes (SCMP_FILTER_VARIANT_TYPE, bytes, FALSE));

      filter = scmp_filter_new_from_variant (variant, &error);
    }
  if (filter == NULL)
    {
      g_assert_nonnull (error);
      return 0;
    }
  g_assert_no_error (error);

  program = scmp_filter_export_bpf (filter, &error);
  if (program == NULL)
    {
      g_assert_nonnull (error);
      return 0;
    }

  serialized = scmp_filter_serialize (filter);   /* non-floating already */
  again = scmp_filter_new_from_variant (serialized, &error);
  if (again == NULL)
    {
      g_autofree char *text = g_variant_print (serialized, TRUE);

      g_error ("the serialized filter does not load: %s\n%s", error->message, text);
    }
  program_again = scmp_filter_export_bpf (again, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (program, program_again));
  return 0;
}
