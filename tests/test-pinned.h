/* test-pinned.h: compiled programs pinned by checksum
 *
 * SPDX-FileCopyrightText: 2026 The scmp-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * A refactoring of the compiler must not change what it emits: the test
 * of the client filters and the benchmark's workloads (bench-compilers
 * --check-pinned) compare the SHA-256 of every program they compile with
 * tests/data/pinned-programs.txt, one "key<TAB>instructions<TAB>sha256"
 * line per program.
 *
 * A change that is meant to change programs regenerates the file:
 *
 *   rm tests/data/pinned-programs.txt
 *   SCMP_PIN_WRITE=$PWD/tests/data/pinned-programs.txt meson test -C _build \
 *     test-client-filters bench-pinned
 *   sort -o tests/data/pinned-programs.txt tests/data/pinned-programs.txt
 *
 * and the commit says why the programs changed.
 */

#pragma once

#include <errno.h>
#include <glib.h>
#include <stdio.h>
#include <string.h>

/* The pinned "instructions<TAB>sha256" of @key, or NULL. */
static inline const char *
pinned_lookup (const char *path,
               const char *key)
{
  static GHashTable *pins;

  if (pins == NULL)
    {
      g_autofree char *text = NULL;
      g_auto(GStrv) lines = NULL;
      g_autoptr(GError) error = NULL;

      if (!g_file_get_contents (path, &text, NULL, &error))
        g_error ("Could not read the pinned programs: %s", error->message);
      pins = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      lines = g_strsplit (text, "\n", -1);
      for (guint i = 0; lines[i] != NULL; i++)
        {
          char *tab = strchr (lines[i], '\t');

          if (lines[i][0] == '\0' || lines[i][0] == '#' || tab == NULL)
            continue;
          g_hash_table_insert (pins, g_strndup (lines[i], tab - lines[i]), g_strdup (tab + 1));
        }
    }
  return g_hash_table_lookup (pins, key);
}

/* "instructions<TAB>sha256" of a program, as exported (@bpf: NULL for a
 * program that did not compile, with @why). */
static inline char *
pinned_format (GBytes     *bpf,
               const char *why)
{
  g_autofree char *sum = NULL;

  if (bpf == NULL)
    return g_strdup_printf ("-\t%s", why);
  sum = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bpf);
  return g_strdup_printf ("%" G_GSIZE_FORMAT "\t%s", g_bytes_get_size (bpf) / 8, sum);
}

/* With SCMP_PIN_WRITE=FILE, appends @key's line to FILE and returns
 * TRUE; otherwise returns whether @got is what @pin_file pins for @key
 * (and says what differs on stderr). */
static inline gboolean
pinned_check (const char *pin_file,
              const char *key,
              const char *got)
{
  const char *write_to = g_getenv ("SCMP_PIN_WRITE");
  const char *want;

  if (write_to != NULL && *write_to != '\0')
    {
      FILE *f = fopen (write_to, "a");

      if (f == NULL)
        g_error ("Could not open %s: %s", write_to, g_strerror (errno));
      fprintf (f, "%s\t%s\n", key, got);
      fclose (f);
      return TRUE;
    }
  want = pinned_lookup (pin_file, key);
  if (want != NULL && g_str_equal (want, got))
    return TRUE;
  fprintf (stderr, "pinned program %s: expected %s, got %s\n", key,
           want != NULL ? want : "(not pinned)", got);
  return FALSE;
}
