/* scmp-filter-variant-text.c: the text form of a filter's GVariant, and
 * where in the text a policy went wrong
 *
 * SPDX-FileCopyrightText: 2026 The scmp-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "scmp-filter.h"
#include "scmp-filter-variant-private.h"

#include "scmp-error.h"

#include <string.h>

/* The 1-based line and column (in characters) of byte @offset of @text. */
static void
text_position (const char *text,
               gsize       length,
               gsize       offset,
               guint      *line,
               guint      *column,
               gsize      *line_start)
{
  const char *p;

  offset = MIN (offset, length);
  *line = 1;
  *line_start = 0;
  for (gsize i = 0; i < offset; i++)
    if (text[i] == '\n')
      {
        (*line)++;
        *line_start = i + 1;
      }
  *column = 1;
  for (p = text + *line_start; p < text + offset; p = g_utf8_next_char (p))
    (*column)++;
}

/* Turns g_variant_parse()'s error, whose message starts with byte
 * offsets ("A:", "A-B:" or "A-B,C-D:"), into a policy error that starts
 * with "LINE:COLUMN:" and shows the line. */
static void
set_parse_error (GError     **error,
                 const char  *text,
                 gsize        length,
                 GError      *parse_error)
{
  const char *message = parse_error->message;
  const char *reason;
  char *end;
  guint64 start, stop;
  guint line, column;
  gsize line_start, line_end;
  g_autoptr(GString) marks = g_string_new (NULL);

  start = g_ascii_strtoull (message, &end, 10);
  if (end == message)
    {
      _scmp_policy_error (error, NULL, "Policy text: %s", message);
      return;
    }
  stop = start + 1;
  if (*end == '-')
    {
      const char *from = end + 1;

      stop = g_ascii_strtoull (from, &end, 10);
      if (end == from || stop <= start)
        stop = start + 1;
    }
  reason = strchr (end, ':');
  reason = reason != NULL ? reason + 1 : end;

  text_position (text, length, start, &line, &column, &line_start);
  for (line_end = line_start; line_end < length && text[line_end] != '\n'; line_end++)
    ;
  for (const char *p = text + line_start; p < text + MIN (start, length); p = g_utf8_next_char (p))
    g_string_append_c (marks, *p == '\t' ? '\t' : ' ');
  g_string_append_c (marks, '^');
  for (const char *p = text + MIN (start, length); p < text + MIN (stop, line_end); p = g_utf8_next_char (p))
    if (p > text + start)
      g_string_append_c (marks, '^');

  g_set_error (error, SCMP_ERROR, SCMP_ERROR_INVALID_POLICY,
               "%u:%u: %s\n  %.*s\n  %s", line, column, reason,
               (int) (line_end - line_start), text + line_start, marks->str);
}

/* Finding a place in the text form. The scan knows only what it needs of
 * g_variant_print()'s grammar: string literals ('...' and "...", with
 * backslash escapes), brackets ((), [], {}, <>) and commas; the text has
 * parsed already, so it is well formed. Offsets are bytes; -1 is "not
 * found". */

static gsize
skip_space (const char *text,
            gsize       size,
            gsize       i)
{
  while (i < size && g_ascii_isspace (text[i]))
    i++;
  return i;
}

/* The offset just past the string literal that starts at @i. */
static gsize
skip_string (const char *text,
             gsize       size,
             gsize       i)
{
  char quote = text[i++];

  while (i < size && text[i] != quote)
    i += text[i] == '\\' ? 2 : 1;
  return MIN (i + 1, size);
}

/* The first @bracket at nesting depth 0 from @i, before the value that
 * starts there ends; it skips a type annotation such as `@a{sy}`. */
static gssize
find_bracket (const char *text,
              gsize       size,
              gsize       i,
              char        bracket)
{
  int depth = 0;

  i = skip_space (text, size, i);
  if (i < size && text[i] == '@')
    {
      const char *end;

      if (!g_variant_type_string_scan (text + i + 1, text + size, &end))
        return -1;
      i = end - text;
    }

  while (i < size)
    {
      char c = text[i];

      if (c == '\'' || c == '"')
        {
          i = skip_string (text, size, i);
          continue;
        }
      if (depth == 0 && c == bracket)
        return i;
      if (strchr ("([{<", c) != NULL)
        depth++;
      else if (strchr (")]}>", c) != NULL && --depth < 0)
        return -1;
      else if (c == ',' && depth == 0)
        return -1;
      i++;
    }
  return -1;
}

/* The start of element @index (from 0) of the container whose opening
 * bracket is at @open. */
static gssize
find_element (const char *text,
              gsize       size,
              gssize      open,
              guint       index)
{
  guint element = 0;
  int depth = 0;
  gsize i;

  if (open < 0)
    return -1;
  i = skip_space (text, size, open + 1);
  if (index == 0)
    return i < size && strchr (")]}>", text[i]) == NULL ? (gssize) i : -1;

  while (i < size)
    {
      char c = text[i];

      if (c == '\'' || c == '"')
        {
          i = skip_string (text, size, i);
          continue;
        }
      if (strchr ("([{<", c) != NULL)
        depth++;
      else if (strchr (")]}>", c) != NULL && --depth < 0)
        return -1;
      else if (c == ',' && depth == 0 && ++element == index)
        return skip_space (text, size, i + 1);
      i++;
    }
  return -1;
}

/* The entry for @key in the dictionary value that starts at @start. */
static gssize
find_key (const char *text,
          gsize       size,
          gssize      start,
          const char *key)
{
  gssize open;

  if (start < 0)
    return -1;
  open = find_bracket (text, size, start, '{');
  for (guint i = 0; open >= 0; i++)
    {
      gssize entry = find_element (text, size, open, i);
      g_autoptr(GVariant) literal = NULL;
      const char *end;

      if (entry < 0)
        return -1;
      /* (the parser reads the key's literal, escapes and all) */
      literal = g_variant_parse (G_VARIANT_TYPE_STRING, text + entry, text + size, &end, NULL);
      if (literal != NULL && strcmp (g_variant_get_string (literal, NULL), key) == 0)
        return entry;
    }
  return -1;
}

/* Where @place is in @text: the rule, or the key in the rule or in the
 * attributes. */
static gssize
find_place (const char        *text,
            gsize              size,
            const ScmpPolicyPlace *place)
{
  gssize top = find_bracket (text, size, 0, '(');
  gssize start;

  if (place->version)
    return find_element (text, size, top, 0);
  if (place->rule == 0)
    {
      start = find_element (text, size, top, 1);
      return place->key != NULL ? find_key (text, size, start, place->key) : start;
    }

  start = find_element (text, size, find_bracket (text, size, find_element (text, size, top, 2), '['),
                        place->rule - 1);
  if (start >= 0 && place->key != NULL)
    {
      gssize key = find_key (text, size,
                             find_element (text, size, find_bracket (text, size, start, '('), 1),
                             place->key);
      if (key >= 0)
        return key;
    }
  return start;
}

/**
 * scmp_filter_new_from_variant_text: (constructor)
 * @text: a policy in the text form of g_variant_print() (type annotations
 *   optional), as scmp_filter_serialize() describes it
 * @length: the length of @text in bytes, or -1 if it is nul-terminated
 * @error: return location for a #GError, or %NULL
 *
 * Builds a filter from a policy file: parses @text as a #GVariant of type
 * %SCMP_FILTER_VARIANT_TYPE with g_variant_parse(), then reads it as
 * scmp_filter_new_from_variant() does. White space and line breaks are
 * free, so a policy can be laid out by hand.
 *
 * A syntax or type error in the text is %SCMP_ERROR_INVALID_POLICY with a
 * message that starts with the line and column, counted from 1, then
 * shows the line with a caret under the place. For this policy, whose
 * third line lacks a colon:
 *
 * |[
 * (uint32 1,
 *  {'default-action': <'allow'>},
 *  [('read', {'action' <'allow'>})])
 * ]|
 *
 * the message is:
 *
 * |[
 * 3:22: expected ':' or ',' to follow dictionary entry key
 *    [('read', {'action' <'allow'>})])
 *                        ^
 * ]|
 *
 * Other errors are those of scmp_filter_new_from_variant(), with the line
 * and column of what they are about in front: the version, the attribute,
 * the rule, or the key in the rule's dictionary, such as
 * `5:3: Rule 2 (“socket”): Unknown syscall “sockett”: ...`.
 *
 * A text over 16 MiB is refused before it is parsed, as OCI profiles are
 * (%SCMP_ERROR_INVALID_POLICY).
 *
 * Returns: (transfer full): a new #ScmpFilter, or %NULL with @error set
 *
 * Since: 0.1
 */
ScmpFilter *
scmp_filter_new_from_variant_text (const char  *text,
                                   gssize       length,
                                   GError     **error)
{
  g_autoptr(GVariant) variant = NULL;
  g_autoptr(GError) local = NULL;
  ScmpPolicyPlace place = { FALSE, 0, NULL };
  const char *invalid = NULL;
  ScmpFilter *filter;
  gsize size;

  g_return_val_if_fail (text != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (text == NULL)
    text = "";
  size = length < 0 ? strlen (text) : (gsize) length;

  if (size > SCMP_POLICY_TEXT_MAX_SIZE)
    {
      _scmp_policy_error (error, NULL, "The policy text is %" G_GSIZE_FORMAT " bytes long; "
                          "policies over %u MiB are refused", size,
                          SCMP_POLICY_TEXT_MAX_SIZE / (1024 * 1024));
      return NULL;
    }
  if (!g_utf8_validate_len (text, size, &invalid))
    {
      guint line, column;
      gsize line_start;

      text_position (text, size, invalid - text, &line, &column, &line_start);
      _scmp_policy_error (error, NULL, "%u:%u: the policy text is not valid UTF-8", line, column);
      return NULL;
    }

  variant = g_variant_parse (SCMP_FILTER_VARIANT_TYPE, text, text + size, NULL, &local);
  if (variant == NULL)
    {
      set_parse_error (error, text, size, local);
      return NULL;
    }
  filter = _scmp_filter_from_variant (variant, &place, &local);
  if (filter == NULL)
    {
      gssize offset = find_place (text, size, &place);

      if (offset >= 0)
        {
          guint line, column;
          gsize line_start;

          text_position (text, size, offset, &line, &column, &line_start);
          g_prefix_error (&local, "%u:%u: ", line, column);
        }
      g_propagate_error (error, g_steal_pointer (&local));
    }
  g_free (place.key);
  return filter;
}
