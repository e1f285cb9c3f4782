/* test-client-filters-data.h: tests/data/client-filters.json, the real
 * applications' filters, for the tests that build them
 *
 * SPDX-FileCopyrightText: 2026 The scmp-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Call after g_test_init().
 */

#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

/* The file's root object. (transfer full) */
static inline JsonObject *
client_filters_load (void)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "client-filters.json", NULL);

  if (!json_parser_load_from_file (parser, path, &error))
    g_error ("Could not read %s: %s", path, error->message);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

/* The filter called @name in @root. (transfer none) */
static inline JsonObject *
client_filters_find (JsonObject *root,
                     const char *name)
{
  JsonArray *filters = json_object_get_array_member (root, "filters");

  for (guint i = 0; i < json_array_get_length (filters); i++)
    {
      JsonObject *f = json_array_get_object_element (filters, i);

      if (g_str_equal (json_object_get_string_member (f, "name"), name))
        return f;
    }
  g_error ("no filter “%s” in client-filters.json", name);
}
