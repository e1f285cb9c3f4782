/* scmp-oci-read.c: an OCI or Docker profile's text → a filter
 *
 * SPDX-FileCopyrightText: 2026 The scmp-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The meaning of the fields is documented in scmp-oci.c's SECTION.
 */

#include "config.h"

#include "scmp-oci.h"
#include "scmp-oci-private.h"

#include "scmp-arch-private.h"
#include "scmp-error.h"
#include "scmp-syscall-set.h"

#include <errno.h>
#include <json-glib/json-glib.h>

/* json-glib recurses: deeper profiles are refused. */
#define MAX_DEPTH 64

/* Docker's names for the host architecture in `includes`/`excludes`
 * `arches` (moby's "native" names, which are neither Go's nor
 * libseccomp's: "amd64", "arm64", "mips3l64n32"). x32 has none in
 * Docker; "x32" matches an x32 host here. */
static const char *const host_arch_names[] = {
  [SCMP_ARCHITECTURE_X86] = "x86",
  [SCMP_ARCHITECTURE_X86_64] = "amd64",
  [SCMP_ARCHITECTURE_X32] = "x32",
  [SCMP_ARCHITECTURE_ARM] = "arm",
  [SCMP_ARCHITECTURE_AARCH64] = "arm64",
  [SCMP_ARCHITECTURE_LOONGARCH64] = "loongarch64",
  [SCMP_ARCHITECTURE_M68K] = "m68k",
  [SCMP_ARCHITECTURE_MIPS] = "mips",
  [SCMP_ARCHITECTURE_MIPSEL] = "mipsel",
  [SCMP_ARCHITECTURE_MIPS64] = "mips64",
  [SCMP_ARCHITECTURE_MIPSEL64] = "mipsel64",
  [SCMP_ARCHITECTURE_MIPS64N32] = "mips64n32",
  [SCMP_ARCHITECTURE_MIPSEL64N32] = "mips3l64n32",
  [SCMP_ARCHITECTURE_PARISC] = "parisc",
  [SCMP_ARCHITECTURE_PARISC64] = "parisc64",
  [SCMP_ARCHITECTURE_PPC] = "ppc",
  [SCMP_ARCHITECTURE_PPC64] = "ppc64",
  [SCMP_ARCHITECTURE_PPC64LE] = "ppc64le",
  [SCMP_ARCHITECTURE_RISCV64] = "riscv64",
  [SCMP_ARCHITECTURE_S390] = "s390",
  [SCMP_ARCHITECTURE_S390X] = "s390x",
  [SCMP_ARCHITECTURE_SH] = "sh",
  [SCMP_ARCHITECTURE_SHEB] = "sheb",
};

/* "SCMP_CMP_NE, SCMP_CMP_LT, …", for messages. */
static char *
list_names (const ScmpOciName *names)
{
  GString *s = g_string_new (NULL);

  for (; names->name != NULL; names++)
    g_string_append_printf (s, "%s%s", s->len ? ", " : "", names->name);
  return g_string_free (s, FALSE);
}

/* ------------------------------------------------------------------ */
/* Checks on the text, before json-glib reads it                       */
/* ------------------------------------------------------------------ */

/* json-glib reads an integer literal with strtoull and casts it: "-1" and
 * "18446744073709551615" both come out as -1, and 99999999999999999999
 * silently as -1 too. Every number of the format is unsigned, so the text
 * is checked first: no negative number, no integer above 2^64 - 1, and no
 * nesting deeper than MAX_DEPTH (json-glib recurses). json-glib also
 * takes what JSON does not have (its scanner reads 'single-quoted'
 * strings, C comments, hexadecimal numbers), where a number could hide
 * from this check: those are refused here too, as a JSON parser would.
 * After this, a negative gint64 from json-glib is a number from 2^63 to
 * 2^64 - 1. */

/* Sets "WHERE:LINE:COLUMN: message" in @error; returns FALSE. */
static gboolean G_GNUC_PRINTF (5, 6)
text_error (GError     **error,
            const char  *where,
            guint        line,
            gsize        column,
            const char  *format,
            ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, SCMP_ERROR, SCMP_ERROR_INVALID_POLICY, "%s:%u:%" G_GSIZE_FORMAT ": %s",
               where, line, column, message);
  return FALSE;
}

#define TEXT_ERROR(at, ...) text_error (error, where, line, (at) - line_start + 1, __VA_ARGS__)

static gboolean
check_text (const char  *where,
            const char  *text,
            gsize        length,
            GError     **error)
{
  guint line = 1, depth = 0;
  gsize line_start = 0;
  guint end_line = 0;           /* where the top-level value closed, or 0 */
  gsize end_column = 0;

  for (gsize i = 0; i < length; i++)
    {
      char c = text[i];

      if (c == '\n')
        {
          line++;
          line_start = i + 1;
        }
      else if (end_line > 0 && c != ' ' && c != '\t' && c != '\r')
        /* json-glib would take the first value and drop the rest */
        return TEXT_ERROR (i, "there is more after the profile, which ended at %u:%" G_GSIZE_FORMAT,
                           end_line, end_column);
      else if (c == '\0')
        return TEXT_ERROR (i, "the profile holds a NUL byte: it is not text");
      else if (c == '\'')
        return TEXT_ERROR (i, "strings are written in double quotes in JSON");
      else if (c == '/')
        return TEXT_ERROR (i, "JSON has no comments");
      else if (c == '"')
        {
          gsize start = i;

          for (i++; i < length && text[i] != '"'; i++)
            {
              if (text[i] == '\\')
                i++;
              else if (text[i] == '\n' || text[i] == '\0')
                break;
            }
          if (i >= length || text[i] != '"')
            return TEXT_ERROR (start, "the string is not closed on its line");
        }
      else if (c == '[' || c == '{')
        {
          if (++depth > MAX_DEPTH)
            return TEXT_ERROR (i, "the profile nests arrays and objects deeper than %u levels",
                               MAX_DEPTH);
        }
      else if (c == ']' || c == '}')
        {
          if (depth > 0 && --depth == 0)
            {
              end_line = line;
              end_column = i - line_start + 1;
            }
        }
      else if (c == '-' || g_ascii_isdigit (c))
        {
          gsize start = i, int_end;
          guint64 v = 0;
          gboolean overflow = FALSE;

          /* JSON: -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)? */
          if (c == '-')
            i++;
          for (; i < length && g_ascii_isdigit (text[i]); i++)
            {
              guint d = text[i] - '0';

              if (v > (G_MAXUINT64 - d) / 10)
                overflow = TRUE;
              else
                v = v * 10 + d;
            }
          int_end = i;
          if (i < length && text[i] == '.')
            for (i++; i < length && g_ascii_isdigit (text[i]); i++)
              ;
          if (i < length && (text[i] == 'e' || text[i] == 'E'))
            {
              i++;
              if (i < length && (text[i] == '+' || text[i] == '-'))
                i++;
              for (; i < length && g_ascii_isdigit (text[i]); i++)
                ;
            }
          if ((i < length && (g_ascii_isalnum (text[i]) || text[i] == '.')) ||
              int_end == start + (c == '-') ||
              (text[start + (c == '-')] == '0' && int_end > start + (c == '-') + 1))
            {
              gsize end = i;

              while (end < length && (g_ascii_isalnum (text[end]) || text[end] == '.'))
                end++;
              return TEXT_ERROR (start, "%.*s is not a JSON number", (int) MIN (end - start, 24),
                                 text + start);
            }
          if (c == '-')
            return TEXT_ERROR (start, "the number %.*s is negative; the numbers of a seccomp "
                               "profile are unsigned", (int) MIN (i - start, 24), text + start);
          if (overflow && int_end == i)
            return TEXT_ERROR (start, "the number %.*s%s is larger than 18446744073709551615, "
                               "the largest a 64-bit argument holds", (int) MIN (i - start, 24),
                               text + start, i - start > 24 ? "…" : "");
          i--;
        }
    }
  return TRUE;
}

#undef TEXT_ERROR

/* ------------------------------------------------------------------ */
/* Reading the tree                                                    */
/* ------------------------------------------------------------------ */

typedef struct {
  const char          *where;       /* the file, or "profile data" */
  ScmpOciProfileFlags  flags;
  ScmpArchitecture     host;
  guint                kernel;      /* (major << 8) | minor */
  const char * const  *capabilities;
  GPtrArray           *warnings;    /* (element-type utf8) */
  GPtrArray           *expansions;  /* (element-type GStrv) the members of
                                       the sets named, for the rules */
} Reader;

/* One rule as the profile gives it, before libseccomp's merging. */
typedef struct {
  const char    *syscall;           /* borrowed from the tree */
  guint          entry;             /* syscalls[entry] */
  gint           name;              /* .names[name], or -1 for .name */
  ScmpAction    *action;            /* (owned) */
  ScmpCondition  conditions[SCMP_CONDITION_MAX_ARG + 1];
  guint          n_conditions;
  gboolean       dropped;
} Pending;

/* Where a rule comes from, formatted only for a message. */
static char *
entry_name_path (guint entry,
                 gint  name)
{
  return name < 0 ? g_strdup_printf ("syscalls[%u].name", entry)
                  : g_strdup_printf ("syscalls[%u].names[%d]", entry, name);
}

static char *
pending_path (const Pending *p)
{
  return entry_name_path (p->entry, p->name);
}

static void
pending_free (gpointer data)
{
  Pending *p = data;

  g_clear_object (&p->action);
  g_free (p);
}

G_GNUC_PRINTF (4, 5)
static void
reader_error (Reader      *r,
              GError     **error,
              const char  *path,
              const char  *format,
              ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, SCMP_ERROR, SCMP_ERROR_INVALID_POLICY, "%s: %s: %s", r->where, path, message);
}

G_GNUC_PRINTF (3, 4)
static void
reader_warn (Reader     *r,
             const char *path,
             const char *format,
             ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (r->warnings, g_strdup_printf ("%s: %s: %s", r->where, path, message));
}

static const char *
node_kind (JsonNode *node)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      return "an object";
    case JSON_NODE_ARRAY:
      return "an array";
    case JSON_NODE_NULL:
      return "null";
    case JSON_NODE_VALUE:
    default:
      break;
    }
  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      return "a string";
    case G_TYPE_BOOLEAN:
      return "a boolean";
    case G_TYPE_DOUBLE:
      return "a fractional number";
    default:
      return "a number";
    }
}

static char *
member_path (const char *path,
             const char *member)
{
  return *path ? g_strdup_printf ("%s.%s", path, member) : g_strdup (member);
}

/* @o's members must be among @known; the others are warnings, or errors
 * in strict mode. "comment" is always allowed. */
static gboolean
check_members (Reader            *r,
               JsonObject        *o,
               const char        *path,
               const char *const *known,
               GError           **error)
{
  g_autoptr(GList) members = json_object_get_members (o);

  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *name = l->data;
      g_autofree char *p = NULL;

      if (g_str_equal (name, "comment") || g_strv_contains (known, name))
        continue;
      p = member_path (path, name);
      if (r->flags & SCMP_OCI_PROFILE_FLAGS_STRICT_FIELDS)
        {
          reader_error (r, error, p, "the format has no field “%s”", name);
          return FALSE;
        }
      reader_warn (r, p, "the format has no field “%s”; it is ignored", name);
    }
  return TRUE;
}

/* The member @name of @o, NULL when it is absent or null (Go reads null
 * as absent). */
static JsonNode *
get_member (JsonObject *o,
            const char *name)
{
  JsonNode *node = json_object_get_member (o, name);

  return node != NULL && !JSON_NODE_HOLDS_NULL (node) ? node : NULL;
}

static gboolean
read_string (Reader      *r,
             JsonObject  *o,
             const char  *path,
             const char  *name,
             gboolean     required,
             const char **out,
             GError     **error)
{
  JsonNode *node = get_member (o, name);
  g_autofree char *p = member_path (path, name);

  *out = NULL;
  if (node == NULL)
    {
      if (required)
        reader_error (r, error, p, "this field is required");
      return !required;
    }
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      reader_error (r, error, p, "must be a string, not %s", node_kind (node));
      return FALSE;
    }
  *out = json_node_get_string (node);
  return TRUE;
}

static gboolean
read_uint (Reader     *r,
           JsonObject *o,
           const char *path,
           const char *name,
           guint64     max,
           gboolean   *present,
           guint64    *out,
           GError    **error)
{
  JsonNode *node = get_member (o, name);
  g_autofree char *p = member_path (path, name);

  *present = node != NULL;
  *out = 0;
  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    {
      reader_error (r, error, p, "must be a whole number, not %s", node_kind (node));
      return FALSE;
    }
  /* check_text() let through no negative literal: see there. */
  *out = (guint64) json_node_get_int (node);
  if (*out > max)
    {
      reader_error (r, error, p, "%" G_GUINT64_FORMAT " is out of range (at most %"
                    G_GUINT64_FORMAT ")", *out, max);
      return FALSE;
    }
  return TRUE;
}

/* An array member: NULL in @out when absent. */
static gboolean
read_array (Reader      *r,
            JsonObject  *o,
            const char  *path,
            const char  *name,
            JsonArray  **out,
            GError     **error)
{
  JsonNode *node = get_member (o, name);

  *out = NULL;
  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      g_autofree char *p = member_path (path, name);

      reader_error (r, error, p, "must be an array, not %s", node_kind (node));
      return FALSE;
    }
  *out = json_node_get_array (node);
  return TRUE;
}

/* An array of strings, borrowed from the tree, NULL-terminated (an empty
 * array when absent). */
static gboolean
read_strings (Reader       *r,
              JsonObject   *o,
              const char   *path,
              const char   *name,
              GPtrArray   **out,
              GError      **error)
{
  JsonArray *array;

  *out = NULL;
  if (!read_array (r, o, path, name, &array, error))
    return FALSE;
  *out = g_ptr_array_new ();
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);

      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
        {
          g_autofree char *p = g_strdup_printf ("%s%s%s[%u]", path, *path ? "." : "", name, i);

          reader_error (r, error, p, "must be a string, not %s", node_kind (node));
          g_clear_pointer (out, g_ptr_array_unref);
          return FALSE;
        }
      g_ptr_array_add (*out, (gpointer) json_node_get_string (node));
    }
  g_ptr_array_add (*out, NULL);
  return TRUE;
}

static gboolean
read_object (Reader      *r,
             JsonNode    *node,
             const char  *path,
             JsonObject **out,
             GError     **error)
{
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      reader_error (r, error, path, "must be an object, not %s", node_kind (node));
      return FALSE;
    }
  *out = json_node_get_object (node);
  return TRUE;
}

static gboolean
parse_arch (Reader           *r,
            const char       *path,
            const char       *name,
            ScmpArchitecture *out,
            GError          **error)
{
  ScmpArchitecture arch = scmp_architecture_from_name (name);

  if (arch == SCMP_ARCHITECTURE_UNKNOWN || arch == SCMP_ARCHITECTURE_NATIVE)
    {
      reader_error (r, error, path, "“%s” is not an architecture (use SCMP_ARCH_X86_64, "
                    "SCMP_ARCH_AARCH64 and the like)", name);
      return FALSE;
    }
  *out = arch;
  return TRUE;
}

/* The action @name with @errno_ret (present or not) at @path. */
static ScmpAction *
parse_action (Reader      *r,
              const char  *path,
              const char  *name,
              gboolean     has_errno,
              guint64      errno_ret,
              const char  *errno_path,
              GError     **error)
{
  int kind;

  if (!_scmp_oci_lookup (_scmp_oci_actions, name, &kind))
    {
      g_autofree char *known = list_names (_scmp_oci_actions);

      reader_error (r, error, path, "“%s” is not an action (the actions are %s)", name, known);
      return NULL;
    }
  switch ((ScmpActionKind) kind)
    {
    case SCMP_ACTION_KIND_ERRNO:
      if (errno_ret > SCMP_ACTION_ERRNO_MAX)
        {
          reader_error (r, error, errno_path, "errno %" G_GUINT64_FORMAT " is out of range "
                        "(at most %u)", errno_ret, SCMP_ACTION_ERRNO_MAX);
          return NULL;
        }
      return scmp_action_new_errno (has_errno ? (guint) errno_ret : EPERM, NULL);
    case SCMP_ACTION_KIND_TRACE:
      if (errno_ret > G_MAXUINT16)
        {
          reader_error (r, error, errno_path, "the tracer's value %" G_GUINT64_FORMAT
                        " is out of range (at most 65535)", errno_ret);
          return NULL;
        }
      return scmp_action_new_trace (has_errno ? (guint16) errno_ret : EPERM);
    case SCMP_ACTION_KIND_KILL_PROCESS:
    case SCMP_ACTION_KIND_KILL_THREAD:
    case SCMP_ACTION_KIND_TRAP:
    case SCMP_ACTION_KIND_NOTIFY:
    case SCMP_ACTION_KIND_LOG:
    case SCMP_ACTION_KIND_ALLOW:
    default:
      break;
    }
  if (has_errno)
    reader_warn (r, errno_path, "errnoRet has no meaning with %s; it is ignored", name);
  switch ((ScmpActionKind) kind)
    {
    case SCMP_ACTION_KIND_KILL_PROCESS:
      return scmp_action_new_kill_process ();
    case SCMP_ACTION_KIND_KILL_THREAD:
      return scmp_action_new_kill_thread ();
    case SCMP_ACTION_KIND_TRAP:
      return scmp_action_new_trap (0);
    case SCMP_ACTION_KIND_NOTIFY:
      return scmp_action_new_notify ();
    case SCMP_ACTION_KIND_LOG:
      return scmp_action_new_log ();
    case SCMP_ACTION_KIND_ALLOW:
    case SCMP_ACTION_KIND_ERRNO:
    case SCMP_ACTION_KIND_TRACE:
    default:
      return scmp_action_new_allow ();
    }
}

/* "4.8" as Docker writes minKernel: two numbers, not 0.0. */
static gboolean
parse_min_kernel (Reader     *r,
                  const char *path,
                  const char *text,
                  guint      *out,
                  GError    **error)
{
  g_auto(GStrv) parts = g_strsplit (text, ".", 3);
  guint64 major, minor;

  if (g_strv_length (parts) != 2 ||
      !g_ascii_string_to_unsigned (parts[0], 10, 0, 255, &major, NULL) ||
      !g_ascii_string_to_unsigned (parts[1], 10, 0, 255, &minor, NULL) ||
      (major == 0 && minor == 0))
    {
      reader_error (r, error, path, "“%s” is not a kernel version of the form "
                    "<major>.<minor>, such as 5.10", text);
      return FALSE;
    }
  *out = (guint) (major << 8 | minor);
  return TRUE;
}

static gboolean
strings_contain (GPtrArray  *strings,
                 const char *value)
{
  for (guint i = 0; i + 1 < strings->len; i++)
    if (g_str_equal (g_ptr_array_index (strings, i), value))
      return TRUE;
  return FALSE;
}

/* An `includes` or `excludes` object: whether it matches the container
 * (for includes: all of it holds; for excludes: any of it does). */
static gboolean
read_selector (Reader      *r,
               JsonObject  *entry,
               const char  *path,
               const char  *name,
               gboolean     is_include,
               gboolean    *skip,
               GError     **error)
{
  static const char *const known[] = { "caps", "arches", "minKernel", NULL };
  JsonNode *node = get_member (entry, name);
  g_autofree char *p = member_path (path, name);
  g_autoptr(GPtrArray) caps = NULL, arches = NULL;
  const char *host_name = host_arch_names[r->host];
  const char *min_kernel;
  JsonObject *o;
  guint kernel = 0;

  if (node == NULL)
    return TRUE;
  if (!read_object (r, node, p, &o, error) ||
      !check_members (r, o, p, known, error) ||
      !read_strings (r, o, p, "caps", &caps, error) ||
      !read_strings (r, o, p, "arches", &arches, error) ||
      !read_string (r, o, p, "minKernel", FALSE, &min_kernel, error))
    return FALSE;
  if (min_kernel != NULL && *min_kernel != '\0')
    {
      g_autofree char *kp = member_path (p, "minKernel");

      if (!parse_min_kernel (r, kp, min_kernel, &kernel, error))
        return FALSE;
    }

  if (is_include)
    {
      if (arches->len > 1 && !strings_contain (arches, host_name))
        *skip = TRUE;
      for (guint i = 0; i + 1 < caps->len; i++)
        if (!g_strv_contains (r->capabilities, caps->pdata[i]))
          *skip = TRUE;
      if (kernel != 0 && r->kernel < kernel)
        *skip = TRUE;
    }
  else
    {
      if (strings_contain (arches, host_name))
        *skip = TRUE;
      for (guint i = 0; i + 1 < caps->len; i++)
        if (g_strv_contains (r->capabilities, caps->pdata[i]))
          *skip = TRUE;
      if (kernel != 0 && r->kernel >= kernel)
        *skip = TRUE;
    }
  return TRUE;
}

/* One `args` element. */
static gboolean
read_arg (Reader        *r,
          JsonNode      *node,
          const char    *path,
          ScmpCondition *out,
          GError       **error)
{
  static const char *const known[] = { "index", "value", "valueTwo", "op", NULL };
  g_autoptr(ScmpCondition) cond = NULL;
  g_autoptr(GError) local = NULL;
  g_autofree char *op_path = member_path (path, "op");
  guint64 index, value, two;
  gboolean has_index, present;
  const char *op_name;
  JsonObject *o;
  int op;

  if (!read_object (r, node, path, &o, error) ||
      !check_members (r, o, path, known, error) ||
      !read_uint (r, o, path, "index", G_MAXUINT64, &has_index, &index, error) ||
      !read_uint (r, o, path, "value", G_MAXUINT64, &present, &value, error) ||
      !read_uint (r, o, path, "valueTwo", G_MAXUINT64, &present, &two, error) ||
      !read_string (r, o, path, "op", TRUE, &op_name, error))
    return FALSE;
  if (!has_index)
    {
      g_autofree char *p = member_path (path, "index");

      reader_error (r, error, p, "this field is required");
      return FALSE;
    }
  if (index > SCMP_CONDITION_MAX_ARG)
    {
      g_autofree char *p = member_path (path, "index");

      reader_error (r, error, p, "argument %" G_GUINT64_FORMAT " does not exist: a system "
                    "call has arguments 0 to %u", index, SCMP_CONDITION_MAX_ARG);
      return FALSE;
    }
  if (!_scmp_oci_lookup (_scmp_oci_ops, op_name, &op))
    {
      g_autofree char *ops = list_names (_scmp_oci_ops);

      reader_error (r, error, op_path, "“%s” is not an operator (the operators are %s)",
                    op_name, ops);
      return FALSE;
    }
  /* libseccomp's MASKED_EQ takes the mask first: `value` is the mask. */
  if (op == SCMP_COMPARE_OP_MASKED_EQ)
    cond = scmp_condition_new_masked ((guint) index, value, two, &local);
  else
    cond = scmp_condition_new ((guint) index, (ScmpCompareOp) op, value, &local);
  if (cond == NULL)
    {
      reader_error (r, error, path, "%s", local->message);
      return FALSE;
    }
  *out = *cond;
  return TRUE;
}

/* The rules of one name of an entry, as runc makes them: none for the
 * default action (libseccomp refuses those), and one rule per condition
 * when an argument is tested twice (@split). */
static void
add_pending (Reader              *r,
             GPtrArray           *pending,
             const char          *syscall,
             guint                entry,
             gint                 name,
             ScmpAction          *action,
             ScmpAction          *default_action,
             const ScmpCondition *conds,
             guint                n_conds,
             gboolean             split)
{
  if (scmp_action_equal (action, default_action))
    return;
  for (guint k = 0; k < (split ? n_conds : 1); k++)
    {
      Pending *pr = g_new0 (Pending, 1);

      pr->syscall = syscall;
      pr->entry = entry;
      pr->name = name;
      pr->action = g_object_ref (action);
      if (split)
        {
          pr->conditions[0] = conds[k];
          pr->n_conditions = 1;
        }
      else
        {
          memcpy (pr->conditions, conds, n_conds * sizeof conds[0]);
          pr->n_conditions = n_conds;
        }
      g_ptr_array_add (pending, pr);
    }
}

/* One `syscalls` element: its rules join @pending unless `includes` or
 * `excludes` leave it out. The element is checked whole either way. */
static gboolean
read_syscall (Reader     *r,
              JsonNode   *node,
              guint       index,
              ScmpAction *default_action,
              GPtrArray  *pending,
              GError    **error)
{
  static const char *const known[] = {
    "names", "name", "action", "errnoRet", "args", "includes", "excludes", NULL
  };
  g_autofree char *path = g_strdup_printf ("syscalls[%u]", index);
  g_autofree char *action_path = member_path (path, "action");
  g_autofree char *errno_path = member_path (path, "errnoRet");
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(ScmpAction) action = NULL;
  ScmpCondition conds[SCMP_CONDITION_MAX_ARG + 1];
  guint n_conds = 0, arg_count[SCMP_CONDITION_MAX_ARG + 1] = { 0 };
  gboolean split = FALSE, skip = FALSE, has_errno;
  const char *name, *action_name;
  guint64 errno_ret;
  JsonArray *args;
  JsonObject *o;

  if (!read_object (r, node, path, &o, error) ||
      !check_members (r, o, path, known, error) ||
      !read_strings (r, o, path, "names", &names, error) ||
      !read_string (r, o, path, "name", FALSE, &name, error) ||
      !read_string (r, o, path, "action", TRUE, &action_name, error) ||
      !read_uint (r, o, path, "errnoRet", G_MAXUINT64, &has_errno, &errno_ret, error) ||
      !read_array (r, o, path, "args", &args, error) ||
      !read_selector (r, o, path, "excludes", FALSE, &skip, error) ||
      !read_selector (r, o, path, "includes", TRUE, &skip, error))
    return FALSE;

  if (name != NULL && *name != '\0')
    {
      if (names->len > 1)
        {
          reader_error (r, error, path, "has both “name” and “names”; use one of them");
          return FALSE;
        }
      g_ptr_array_insert (names, 0, (gpointer) name);
    }

  action = parse_action (r, action_path, action_name, has_errno, errno_ret, errno_path, error);
  if (action == NULL)
    return FALSE;

  if (args != NULL && json_array_get_length (args) > G_N_ELEMENTS (conds))
    {
      g_autofree char *p = member_path (path, "args");

      reader_error (r, error, p, "has %u conditions; a rule can test at most %u",
                    json_array_get_length (args), (guint) G_N_ELEMENTS (conds));
      return FALSE;
    }
  for (guint i = 0; args != NULL && i < json_array_get_length (args); i++)
    {
      g_autofree char *p = g_strdup_printf ("%s.args[%u]", path, i);

      if (!read_arg (r, json_array_get_element (args, i), p, &conds[n_conds], error))
        return FALSE;
      if (++arg_count[conds[n_conds].arg] > 1)
        split = TRUE;
      n_conds++;
    }

  for (guint i = 0; i + 1 < names->len; i++)
    {
      const char *syscall = names->pdata[i];
      /* "name" went first in names: -1 for it. */
      gint at = name != NULL && *name != '\0' ? (gint) i - 1 : (gint) i;
      g_autofree char *p = NULL;

      if (*syscall == '\0' || *syscall == '@' || _scmp_syscall_lookup (syscall) < 0)
        p = entry_name_path (index, at);
      if (*syscall == '\0')
        {
          reader_error (r, error, p, "a syscall name is empty");
          return FALSE;
        }
      /* An extension: a named set ("@network-io") stands for its
       * members. */
      if (*syscall == '@')
        {
          g_autoptr(GError) local = NULL;
          char **members = scmp_syscall_set_get_members (syscall, TRUE, &local);

          if (members == NULL)
            {
              g_set_error (error, SCMP_ERROR, local->code, "%s: %s: %s", r->where, p,
                           local->message);
              return FALSE;
            }
          /* Kept until the rules are made; the names stay borrowed. */
          g_ptr_array_add (r->expansions, members);
          for (guint m = 0; !skip && members[m] != NULL; m++)
            add_pending (r, pending, members[m], index, at, action, default_action, conds,
                         n_conds, split);
          continue;
        }
      if (p != NULL)
        {
          if (r->flags & SCMP_OCI_PROFILE_FLAGS_STRICT_SYSCALLS)
            {
              g_set_error (error, SCMP_ERROR, SCMP_ERROR_INVALID_SYSCALL,
                           "%s: %s: “%s” is not a system call on any architecture",
                           r->where, p, syscall);
              return FALSE;
            }
          if (!skip)
            reader_warn (r, p, "“%s” is not a system call on any architecture; it is skipped",
                         syscall);
          continue;
        }
      if (skip)
        continue;

      add_pending (r, pending, syscall, index, at, action, default_action, conds, n_conds, split);
    }
  return TRUE;
}

/* libseccomp's merging, which runc relies on: for a syscall with a rule
 * without conditions, the first such rule decides every call and the
 * others are dropped. Conditional rules with different actions for one
 * syscall get a warning: libseccomp orders them its own way, and here the
 * first that matches decides. */
static void
merge_like_libseccomp (Reader    *r,
                       GPtrArray *pending)
{
  g_autoptr(GHashTable) unconditional = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) first_action = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) warned = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < pending->len; i++)
    {
      Pending *p = pending->pdata[i];

      if (p->n_conditions == 0 && !g_hash_table_contains (unconditional, p->syscall))
        g_hash_table_insert (unconditional, (gpointer) p->syscall, p);
    }
  for (guint i = 0; i < pending->len; i++)
    {
      Pending *p = pending->pdata[i];
      Pending *u = g_hash_table_lookup (unconditional, p->syscall);
      Pending *first;

      if (u != NULL)
        {
          p->dropped = p != u;
          continue;
        }
      first = g_hash_table_lookup (first_action, p->syscall);
      if (first == NULL)
        g_hash_table_insert (first_action, (gpointer) p->syscall, p);
      else if (!scmp_action_equal (first->action, p->action) &&
               !g_hash_table_contains (warned, p->syscall))
        {
          g_hash_table_add (warned, (gpointer) p->syscall);
          g_autofree char *here = pending_path (p), *there = pending_path (first);

          reader_warn (r, here, "“%s” has conditional rules with different actions "
                       "(also at %s): the first whose conditions hold decides, where "
                       "libseccomp may test them in another order", p->syscall, there);
        }
    }
}

/* The whole profile → a new filter, or NULL with @error. */
static ScmpFilter *
read_profile (Reader      *r,
              JsonNode    *root_node,
              char       **listener_path,
              char       **listener_metadata,
              GError     **error)
{
  static const char *const known[] = {
    "defaultAction", "defaultErrnoRet", "architectures", "archMap", "syscalls", "flags",
    "listenerPath", "listenerMetadata", NULL
  };
  g_autoptr(ScmpAction) default_action = NULL;
  g_autoptr(ScmpFilter) filter = NULL;
  g_autoptr(GPtrArray) arch_names = NULL, flag_names = NULL;
  g_autoptr(GPtrArray) pending = g_ptr_array_new_with_free_func (pending_free);
  g_autoptr(GPtrArray) rules = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) arches = g_array_new (FALSE, FALSE, sizeof (ScmpArchitecture));
  const char *default_name, *lpath, *lmeta;
  JsonArray *arch_map, *syscalls;
  gboolean has_errno;
  guint64 errno_ret;
  guint oci_flags = 0;
  gboolean host_mapped = FALSE;
  JsonObject *root;

  if (!read_object (r, root_node, "the profile", &root, error) ||
      !check_members (r, root, "", known, error) ||
      !read_string (r, root, "", "defaultAction", TRUE, &default_name, error) ||
      !read_uint (r, root, "", "defaultErrnoRet", G_MAXUINT64, &has_errno, &errno_ret, error) ||
      !read_strings (r, root, "", "architectures", &arch_names, error) ||
      !read_array (r, root, "", "archMap", &arch_map, error) ||
      !read_array (r, root, "", "syscalls", &syscalls, error) ||
      !read_strings (r, root, "", "flags", &flag_names, error) ||
      !read_string (r, root, "", "listenerPath", FALSE, &lpath, error) ||
      !read_string (r, root, "", "listenerMetadata", FALSE, &lmeta, error))
    return NULL;

  default_action = parse_action (r, "defaultAction", default_name, has_errno, errno_ret,
                                 "defaultErrnoRet", error);
  if (default_action == NULL)
    return NULL;

  /* The host's ABI first, then the others the profile names. */
  g_array_append_val (arches, r->host);
  if (arch_names->len > 1 && arch_map != NULL && json_array_get_length (arch_map) > 0)
    {
      reader_error (r, error, "archMap", "the profile has both “architectures” and "
                    "“archMap”; use one of them");
      return NULL;
    }
  for (guint i = 0; i + 1 < arch_names->len; i++)
    {
      g_autofree char *p = g_strdup_printf ("architectures[%u]", i);
      ScmpArchitecture arch;

      if (!parse_arch (r, p, arch_names->pdata[i], &arch, error))
        return NULL;
      g_array_append_val (arches, arch);
    }
  for (guint i = 0; arch_map != NULL && i < json_array_get_length (arch_map); i++)
    {
      static const char *const map_known[] = { "architecture", "subArchitectures", NULL };
      g_autofree char *p = g_strdup_printf ("archMap[%u]", i);
      g_autoptr(GPtrArray) subs = NULL;
      gboolean for_host;
      ScmpArchitecture arch;
      const char *name;
      JsonObject *o;

      if (!read_object (r, json_array_get_element (arch_map, i), p, &o, error) ||
          !check_members (r, o, p, map_known, error) ||
          !read_string (r, o, p, "architecture", TRUE, &name, error) ||
          !read_strings (r, o, p, "subArchitectures", &subs, error))
        return NULL;
      {
        g_autofree char *ap = member_path (p, "architecture");

        if (!parse_arch (r, ap, name, &arch, error))
          return NULL;
      }
      /* Docker takes the first entry for the host. */
      for_host = arch == r->host && !host_mapped;
      host_mapped |= for_host;
      for (guint k = 0; k + 1 < subs->len; k++)
        {
          g_autofree char *sp = g_strdup_printf ("%s.subArchitectures[%u]", p, k);
          ScmpArchitecture sub;

          if (!parse_arch (r, sp, subs->pdata[k], &sub, error))
            return NULL;
          if (for_host)
            g_array_append_val (arches, sub);
        }
    }

  for (guint i = 0; i + 1 < flag_names->len; i++)
    {
      g_autofree char *p = g_strdup_printf ("flags[%u]", i);
      int flag;

      if (!_scmp_oci_lookup (_scmp_oci_flags, flag_names->pdata[i], &flag))
        {
          g_autofree char *all = list_names (_scmp_oci_flags);

          reader_error (r, error, p, "“%s” is not a seccomp filter flag (the flags are %s)",
                        (const char *) flag_names->pdata[i], all);
          return NULL;
        }
      oci_flags |= flag;
    }

  for (guint i = 0; syscalls != NULL && i < json_array_get_length (syscalls); i++)
    if (!read_syscall (r, json_array_get_element (syscalls, i), i, default_action, pending, error))
      return NULL;
  merge_like_libseccomp (r, pending);

  /* The filter, built whole before anyone sees it. */
  filter = scmp_filter_new (default_action);
  scmp_filter_remove_arch (filter, scmp_architecture_get_native (), NULL);
  for (guint i = 0; i < arches->len; i++)
    {
      ScmpArchitecture arch = g_array_index (arches, ScmpArchitecture, i);
      g_autoptr(GError) local = NULL;

      if (!scmp_filter_has_arch (filter, arch) && !scmp_filter_add_arch (filter, arch, &local))
        {
          reader_error (r, error, i == 0 ? "the host architecture" : "architectures",
                        "%s", local->message);
          return NULL;
        }
    }
  scmp_filter_set_thread_sync (filter, (oci_flags & SCMP_OCI_FLAG_TSYNC) != 0);
  scmp_filter_set_log (filter, (oci_flags & SCMP_OCI_FLAG_LOG) != 0);
  scmp_filter_set_spec_allow (filter, (oci_flags & SCMP_OCI_FLAG_SPEC_ALLOW) != 0);
  scmp_filter_set_wait_killable (filter, (oci_flags & SCMP_OCI_FLAG_WAIT_KILLABLE) != 0);

  for (guint i = 0; i < pending->len; i++)
    {
      Pending *p = pending->pdata[i];

      if (!p->dropped)
        g_ptr_array_add (rules, scmp_rule_newv (p->syscall, p->action, p->conditions,
                                                p->n_conditions));
    }
  if (!scmp_filter_add_rules (filter, (ScmpRule **) rules->pdata, rules->len, NULL))
    {
      /* Find the rule that failed, to name its place in the file. */
      g_autoptr(ScmpFilter) scratch = scmp_filter_new (default_action);
      g_autofree ScmpArchitecture *list = NULL;
      gsize n_list;
      guint k = 0;

      list = scmp_filter_list_arches (filter, &n_list);
      scmp_filter_remove_arch (scratch, scmp_architecture_get_native (), NULL);
      for (gsize a = 0; a < n_list; a++)
        scmp_filter_add_arch (scratch, list[a], NULL);
      for (guint i = 0; i < pending->len; i++)
        {
          Pending *p = pending->pdata[i];
          g_autoptr(GError) local = NULL;

          if (p->dropped)
            continue;
          if (!scmp_filter_add_rule (scratch, rules->pdata[k++], &local))
            {
              g_autofree char *where = pending_path (p);

              g_set_error (error, SCMP_ERROR, local->code, "%s: %s: %s", r->where, where,
                           local->message);
              return NULL;
            }
        }
      g_set_error (error, SCMP_ERROR, SCMP_ERROR_FAILED, "%s: the rules could not be added",
                   r->where);
      return NULL;
    }

  *listener_path = g_strdup (lpath);
  *listener_metadata = g_strdup (lmeta);
  return g_steal_pointer (&filter);
}

/* The size, text and JSON checks, then the tree → a new filter. */
gboolean
_scmp_oci_read (const char                *where,
                const char                *text,
                gsize                      length,
                const ScmpOciReadOptions  *options,
                ScmpOciReadResult         *result,
                GError                   **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) expansions = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GError) local = NULL;
  g_autofree char *listener_path = NULL, *listener_metadata = NULL;
  ScmpFilter *filter;
  Reader r = {
    .where = where,
    .flags = options->flags,
    .host = options->host,
    .kernel = options->kernel,
    .capabilities = options->capabilities,
    .warnings = warnings,
    .expansions = expansions,
  };

  if (length > SCMP_OCI_MAX_SIZE)
    {
      g_set_error (error, SCMP_ERROR, SCMP_ERROR_INVALID_POLICY,
                   "%s: the profile is %" G_GSIZE_FORMAT " bytes long; profiles over %u MiB "
                   "are refused", where, length, SCMP_OCI_MAX_SIZE / (1024 * 1024));
      return FALSE;
    }
  if (!check_text (where, text, length, error))
    return FALSE;
  if (!json_parser_load_from_data (parser, text, length, &local))
    {
      /* json-glib says "<data>:LINE:COL: Parse error: …". */
      const char *message = g_str_has_prefix (local->message, "<data>")
                            ? local->message + strlen ("<data>") : local->message;

      g_set_error (error, SCMP_ERROR, SCMP_ERROR_INVALID_POLICY, "%s%s%s", where,
                   *message == ':' ? "" : ": ", message);
      return FALSE;
    }
  if (json_parser_get_root (parser) == NULL)
    {
      g_set_error (error, SCMP_ERROR, SCMP_ERROR_INVALID_POLICY,
                   "%s: the profile is empty", where);
      return FALSE;
    }
  filter = read_profile (&r, json_parser_get_root (parser), &listener_path,
                         &listener_metadata, error);
  if (filter == NULL)
    return FALSE;

  g_ptr_array_add (warnings, NULL);
  result->filter = filter;
  result->warnings = (char **) g_ptr_array_steal (warnings, NULL);
  result->listener_path = g_steal_pointer (&listener_path);
  result->listener_metadata = g_steal_pointer (&listener_metadata);
  return TRUE;
}
