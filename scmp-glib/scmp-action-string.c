/* scmp-action-string.c: actions from their string forms
 *
 * SPDX-FileCopyrightText: 2026 The scmp-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "scmp-action.h"
#include "scmp-action-private.h"

#include "scmp-error.h"
#include "scmp-kernel-private.h"

#include <errno.h>
#include <string.h>

typedef struct
{
  const char *name;
  int value;
} ErrnoName;

/* glibc's strerrorname_np() gives one name per value; these are the
 * aliases it does not return. */
static const ErrnoName errno_aliases[] = {
#ifdef EWOULDBLOCK
  { "EWOULDBLOCK", EWOULDBLOCK },
#endif
#ifdef EDEADLOCK
  { "EDEADLOCK", EDEADLOCK },
#endif
#ifdef ENOTSUP
  { "ENOTSUP", ENOTSUP },
#endif
};

/* (element-type utf8 guint): lower-case errno name → value */
static GHashTable *
get_errno_names (void)
{
  static GHashTable *names = NULL;

  if (g_once_init_enter (&names))
    {
      GHashTable *table = g_hash_table_new_full (g_str_hash, g_str_equal,
                                                 g_free, NULL);

      for (int i = 1; i <= SCMP_ACTION_ERRNO_MAX; i++)
        {
          const char *name = strerrorname_np (i);

          if (name != NULL)
            g_hash_table_insert (table, g_ascii_strdown (name, -1),
                                 GINT_TO_POINTER (i));
        }

      for (gsize i = 0; i < G_N_ELEMENTS (errno_aliases); i++)
        g_hash_table_insert (table, g_ascii_strdown (errno_aliases[i].name, -1),
                             GINT_TO_POINTER (errno_aliases[i].value));

      g_once_init_leave (&names, table);
    }

  return names;
}

static gboolean
lookup_errno_name (const char *name,
                   guint      *value)
{
  g_autofree char *lower = g_ascii_strdown (name, -1);
  gpointer found;

  if (!g_hash_table_lookup_extended (get_errno_names (), lower, NULL, &found))
    return FALSE;

  *value = GPOINTER_TO_UINT (found);
  return TRUE;
}

/* Parses all of @text as a decimal or 0x-prefixed hexadecimal number. */
static gboolean
parse_number (const char *text,
              guint64    *value)
{
  guint base = 10;
  guint64 result = 0;
  const char *p = text;

  if (p[0] == '0' && (p[1] == 'x' || p[1] == 'X'))
    {
      base = 16;
      p += 2;
    }

  if (*p == '\0')
    return FALSE;

  for (; *p != '\0'; p++)
    {
      int digit = base == 16 ? g_ascii_xdigit_value (*p) : g_ascii_digit_value (*p);

      if (digit < 0)
        return FALSE;
      if (result > (G_MAXUINT64 - digit) / base)
        return FALSE;
      result = result * base + digit;
    }

  *value = result;
  return TRUE;
}

static gboolean
is_name_char (char c)
{
  return g_ascii_isalnum (c) || c == '_' || c == '-';
}

G_GNUC_PRINTF (3, 4)
static void
set_parse_error (GError     **error,
                 const char  *text,
                 const char  *format,
                 ...)
{
  g_autofree char *reason = NULL;
  va_list args;

  va_start (args, format);
  reason = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, SCMP_ERROR, SCMP_ERROR_INVALID_ARGUMENT,
               "“%s” is not an action: %s", text, reason);
}

/**
 * scmp_action_new_from_string: (constructor)
 * @text: an action, such as `allow`, `errno(EPERM)` or `SCMP_ACT_LOG`
 * @error: return location for a #GError, or %NULL
 *
 * Parses an action from its string form. Every string
 * scmp_action_to_string() returns is accepted, and so are the other
 * spellings listed in the description of the ScmpAction section: for
 * example `kill`, `errno:1`, `errno(enosys)`, `trap`, `trace:0x10`,
 * `user-notif` and `SCMP_ACT_KILL_PROCESS`, in any case and with white
 * space around.
 *
 * As scmp_action_new_errno() does, this refuses an errno value above
 * %SCMP_ACTION_ERRNO_MAX; a trap or trace value above 65535 is an error
 * too.
 *
 * Returns: (transfer full): a new #ScmpAction, or %NULL with @error set
 *   to %SCMP_ERROR_INVALID_ARGUMENT
 *
 * Since: 0.1
 */
ScmpAction *
scmp_action_new_from_string (const char  *text,
                             GError     **error)
{
  g_autofree char *trimmed = NULL;
  g_autofree char *name = NULL;
  g_autofree char *argument = NULL;
  const char *p;
  const char *bare_name;
  gboolean found = FALSE;
  ScmpActionKind kind = SCMP_ACTION_KIND_KILL_PROCESS;
  guint64 value = 0;
  guint max;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error_literal (error, SCMP_ERROR, SCMP_ERROR_INVALID_ARGUMENT,
                           "An action must be valid UTF-8");
      return NULL;
    }

  trimmed = g_strstrip (g_strdup (text));

  if (*trimmed == '\0')
    {
      set_parse_error (error, trimmed, "it is empty");
      return NULL;
    }

  /* The name: letters, digits, '-' and '_', normalised to lower case and '-'. */
  for (p = trimmed; is_name_char (*p); p++)
    ;
  name = g_ascii_strdown (trimmed, p - trimmed);
  g_strdelimit (name, "_", '-');

  bare_name = name;
  if (g_str_has_prefix (bare_name, "scmp-act-"))
    bare_name += strlen ("scmp-act-");

  for (guint i = 0; i < SCMP_N_ACTION_KINDS && !found; i++)
    {
      if (strcmp (bare_name, _scmp_action_kinds[i].name) == 0 ||
          g_strcmp0 (bare_name, _scmp_action_kinds[i].alias) == 0)
        {
          kind = (ScmpActionKind) i;
          found = TRUE;
        }
    }

  if (!found)
    {
      g_autofree char *shown = g_strndup (trimmed, p - trimmed);

      if (*shown == '\0')
        set_parse_error (error, trimmed, "it does not start with an action name");
      else
        set_parse_error (error, trimmed, "“%s” is not a known action name", shown);
      return NULL;
    }

  /* The argument: "(value)" or ":value", with optional white space. */
  while (g_ascii_isspace (*p))
    p++;

  if (*p == '(')
    {
      const char *end;

      p++;
      end = strchr (p, ')');
      if (end == NULL)
        {
          set_parse_error (error, trimmed, "the closing parenthesis is missing");
          return NULL;
        }
      if (end[1] != '\0')
        {
          const char *rest = end + 1;

          while (g_ascii_isspace (*rest))
            rest++;
          set_parse_error (error, trimmed, "“%s” follows the closing parenthesis",
                           rest);
          return NULL;
        }
      argument = g_strstrip (g_strndup (p, end - p));
      if (*argument == '\0')
        {
          set_parse_error (error, trimmed, "the parentheses are empty");
          return NULL;
        }
    }
  else if (*p == ':')
    {
      argument = g_strstrip (g_strdup (p + 1));
      if (*argument == '\0')
        {
          set_parse_error (error, trimmed, "a value must follow the colon");
          return NULL;
        }
    }
  else if (*p != '\0')
    {
      set_parse_error (error, trimmed, "“%s” follows the action name", p);
      return NULL;
    }

  if (_scmp_action_kinds[kind].value_property == NULL)
    {
      if (argument != NULL)
        {
          set_parse_error (error, trimmed, "“%s” takes no value", bare_name);
          return NULL;
        }
      return _scmp_action_new_kind (kind, 0);
    }

  if (kind == SCMP_ACTION_KIND_ERRNO)
    {
      if (argument == NULL)
        {
          set_parse_error (error, trimmed,
                           "an errno action needs a value, as in errno(EPERM) or errno(1)");
          return NULL;
        }
      if (g_ascii_isalpha (argument[0]))
        {
          guint errno_value;

          if (!lookup_errno_name (argument, &errno_value))
            {
              set_parse_error (error, trimmed, "“%s” is not a known errno name",
                               argument);
              return NULL;
            }
          value = errno_value;
        }
      else if (!parse_number (argument, &value))
        {
          set_parse_error (error, trimmed, "“%s” is neither a number nor an errno name",
                           argument);
          return NULL;
        }
    }
  else if (argument != NULL && !parse_number (argument, &value))
    {
      /* trap and trace: the value is optional, 0 by default. */
      set_parse_error (error, trimmed, "“%s” is not a number", argument);
      return NULL;
    }

  max = kind == SCMP_ACTION_KIND_ERRNO ? SCMP_ACTION_ERRNO_MAX : G_MAXUINT16;
  if (value > max)
    {
      set_parse_error (error, trimmed,
                       "the %s %" G_GUINT64_FORMAT " is out of range: "
                       "it must be between 0 and %u",
                       kind == SCMP_ACTION_KIND_ERRNO ? "errno value" : "value",
                       value, max);
      return NULL;
    }

  return _scmp_action_new_kind (kind, (guint) value);
}
