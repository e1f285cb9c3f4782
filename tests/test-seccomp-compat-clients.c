/* test-seccomp-compat-clients.c: the real filters, through seccomp.h
 *
 * SPDX-FileCopyrightText: 2026 The scmp-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Builds each filter of tests/data/client-filters.json through the
 * libseccomp-compatible API as its application does (seccomp_init, the
 * arches, the attributes, then seccomp_rule_add*() in the application's
 * order with syscall numbers from seccomp_syscall_resolve_name(), which
 * is what SCMP_SYS() gives at compile time on this machine), and checks
 * every vector against the action the JSON records for libseccomp.
 * Here the compat layer's merge model is in force, so the vectors that
 * test libseccomp's merging apply unchanged; the one difference left is
 * the deliberate one (arguments compared as the kernel reads them).
 */

#include <seccomp.h>

#include <scmp-glib/scmp-glib.h>

#include <errno.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "scmp-seccomp-private.h"
#include "test-client-filters-data.h"
#include "test-seccomp-compat-level.h"

typedef struct {
  const char *filter;
  guint       vector;
  const char *expect;
  const char *reason;
} KnownDifference;

static const KnownDifference known_differences[] = {
  { "flatpak", 16, "allow",
    "socket's family is an int: the kernel reads 0x100000001 as AF_UNIX, which flatpak allows" },
  { "flatpak-multiarch", 16, "allow",
    "socket's family is an int: the kernel reads 0x100000001 as AF_UNIX, which flatpak allows" },
  { NULL, 0, NULL, NULL }
};

static JsonObject *root;        /* (owned) */

/* The JSON's action syntax as a libseccomp action value. */
static uint32_t
parse_action (const char *text)
{
  const char *colon = strchr (text, ':');
  guint64 value = 0;

  if (colon != NULL)
    g_assert_true (g_ascii_string_to_unsigned (colon + 1, 10, 0, G_MAXUINT16, &value, NULL));
  if (g_str_equal (text, "allow"))
    return SCMP_ACT_ALLOW;
  if (g_str_equal (text, "kill_process"))
    return SCMP_ACT_KILL_PROCESS;
  if (g_str_equal (text, "kill_thread"))
    return SCMP_ACT_KILL_THREAD;
  if (g_str_equal (text, "log"))
    return SCMP_ACT_LOG;
  if (g_str_equal (text, "notify"))
    return SCMP_ACT_NOTIFY;
  if (g_str_has_prefix (text, "trap"))
    return SCMP_ACT_TRAPX (value);
  if (g_str_has_prefix (text, "errno:"))
    return SCMP_ACT_ERRNO (value);
  if (g_str_has_prefix (text, "trace:"))
    return SCMP_ACT_TRACE (value);
  g_error ("Unknown action “%s”", text);
}

static enum scmp_compare
parse_op (const char *op)
{
  static const struct { const char *name; enum scmp_compare op; } ops[] = {
    { "eq", SCMP_CMP_EQ }, { "ne", SCMP_CMP_NE }, { "lt", SCMP_CMP_LT }, { "le", SCMP_CMP_LE },
    { "gt", SCMP_CMP_GT }, { "ge", SCMP_CMP_GE }, { "masked_eq", SCMP_CMP_MASKED_EQ },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (ops); i++)
    if (g_str_equal (op, ops[i].name))
      return ops[i].op;
  g_error ("Unknown operator “%s”", op);
}

static guint64
get_u64 (JsonNode *node)
{
  g_assert_cmpint (json_node_get_value_type (node), ==, G_TYPE_INT64);
  g_assert_cmpint (json_node_get_int (node), >=, 0);
  return (guint64) json_node_get_int (node);
}

static uint32_t
parse_arch_token (const char *name)
{
  uint32_t token;

  if (g_str_equal (name, "native"))
    return seccomp_arch_native ();
  token = seccomp_arch_resolve_name (name);
  g_assert_cmphex (token, !=, 0);
  return token;
}

/* Whether the application goes on after rule_add() returned @r. */
static gboolean
error_tolerated (const char *on_error,
                 int         r)
{
  if (g_str_equal (on_error, "ignore"))
    return TRUE;
  if (g_str_equal (on_error, "ignore_efault"))
    return r == -EFAULT;
  if (g_str_equal (on_error, "ignore_edom"))
    return r == -EDOM;
  g_assert_cmpstr (on_error, ==, "fail");
  return FALSE;
}

static scmp_filter_ctx
build_ctx (JsonObject *jfilter,
           guint      *n_tolerated)
{
  scmp_filter_ctx ctx = seccomp_init (parse_action (json_object_get_string_member (jfilter, "default_action")));
  JsonArray *jarches = json_object_get_array_member (jfilter, "arches");
  JsonObject *attrs = json_object_get_object_member (jfilter, "attrs");
  JsonArray *jrules = json_object_get_array_member (jfilter, "rules");
  gboolean keep_native = FALSE;

  g_assert_nonnull (ctx);
  for (guint i = 0; i < json_array_get_length (jarches); i++)
    {
      uint32_t token = parse_arch_token (json_array_get_string_element (jarches, i));
      int r = seccomp_arch_add (ctx, token);

      if (token == seccomp_arch_native ())
        {
          keep_native = TRUE;
          g_assert_cmpint (r, ==, -EEXIST);
        }
      else
        g_assert_cmpint (r, ==, 0);
    }
  if (!keep_native)
    g_assert_cmpint (seccomp_arch_remove (ctx, SCMP_ARCH_NATIVE), ==, 0);

  if (json_object_has_member (attrs, "act_badarch") && !json_object_get_null_member (attrs, "act_badarch"))
    g_assert_cmpint (seccomp_attr_set (ctx, SCMP_FLTATR_ACT_BADARCH,
                                       parse_action (json_object_get_string_member (attrs, "act_badarch"))), ==, 0);
  if (json_object_has_member (attrs, "nnp") && !json_object_get_null_member (attrs, "nnp"))
    g_assert_cmpint (seccomp_attr_set (ctx, SCMP_FLTATR_CTL_NNP,
                                       json_object_get_boolean_member (attrs, "nnp")), ==, 0);
  if (json_object_has_member (attrs, "tsync") && !json_object_get_null_member (attrs, "tsync"))
    g_assert_cmpint (seccomp_attr_set (ctx, SCMP_FLTATR_CTL_TSYNC,
                                       json_object_get_boolean_member (attrs, "tsync")), ==, 0);
  if (json_object_has_member (attrs, "log") && !json_object_get_null_member (attrs, "log"))
    g_assert_cmpint (seccomp_attr_set (ctx, SCMP_FLTATR_CTL_LOG,
                                       json_object_get_boolean_member (attrs, "log")), ==, 0);
  if (json_object_has_member (attrs, "optimize") && !json_object_get_null_member (attrs, "optimize"))
    g_assert_cmpint (seccomp_attr_set (ctx, SCMP_FLTATR_CTL_OPTIMIZE,
                                       json_object_get_int_member (attrs, "optimize")), ==, 0);

  for (guint i = 0; i < json_array_get_length (jrules); i++)
    {
      JsonObject *jrule = json_array_get_object_element (jrules, i);
      const char *syscall = json_object_get_string_member (jrule, "syscall");
      const char *api = json_object_get_string_member_with_default (jrule, "api", "add");
      const char *on_error = json_object_get_string_member_with_default (jrule, "on_error", "fail");
      JsonArray *jargs = json_object_get_array_member (jrule, "args");
      struct scmp_arg_cmp cmp[6];
      guint n = json_array_get_length (jargs);
      int nr = seccomp_syscall_resolve_name (syscall);
      int r;

      g_assert_cmpuint (n, <=, 6);
      for (guint k = 0; k < n; k++)
        {
          JsonObject *jarg = json_array_get_object_element (jargs, k);
          enum scmp_compare op = parse_op (json_object_get_string_member (jarg, "op"));
          guint64 value = get_u64 (json_object_get_member (jarg, "value"));

          cmp[k].arg = json_object_get_int_member (jarg, "arg");
          cmp[k].op = op;
          if (op == SCMP_CMP_MASKED_EQ)
            {
              cmp[k].datum_a = get_u64 (json_object_get_member (jarg, "mask"));
              cmp[k].datum_b = value;
            }
          else
            {
              cmp[k].datum_a = value;
              cmp[k].datum_b = 0;
            }
        }

      if (nr == __NR_SCMP_ERROR)
        {
          /* names the applications skip (systemd) or never compile */
          g_assert_false (g_str_equal (on_error, "fail"));
          (*n_tolerated)++;
          continue;
        }
      if (g_str_equal (api, "add_exact"))
        r = seccomp_rule_add_exact_array (ctx, parse_action (json_object_get_string_member (jrule, "action")),
                                          nr, n, cmp);
      else
        r = seccomp_rule_add_array (ctx, parse_action (json_object_get_string_member (jrule, "action")),
                                    nr, n, cmp);
      if (r != 0)
        {
          if (!error_tolerated (on_error, r))
            g_error ("rule %u (%s) refused with %d (%s)", i, syscall, r, on_error);
          (*n_tolerated)++;
        }
    }
  return ctx;
}

static void
test_client (gconstpointer data)
{
  const char *name = data;
  JsonObject *jfilter = client_filters_find (root, name);
  guint n_tolerated = 0, n_diffs = 0, n_expected_diffs = 0, n_bad = 0;
  scmp_filter_ctx ctx = build_ctx (jfilter, &n_tolerated);
  g_autoptr(GError) error = NULL;
  g_autoptr(ScmpFilter) filter = _scmp_seccomp_build_filter (ctx, &error);
  JsonArray *jtests = json_object_get_array_member (jfilter, "tests");
  size_t len = 0;

  g_assert_no_error (error);
  g_assert_cmpint (seccomp_export_bpf_mem (ctx, NULL, &len), ==, 0);
  g_assert_cmpuint (len / 8, <=, 4096);

  for (guint i = 0; i < json_array_get_length (jtests); i++)
    {
      JsonObject *jtest = json_array_get_object_element (jtests, i);
      const char *arch_name = json_object_get_string_member (jtest, "arch");
      ScmpArchitecture arch = g_str_equal (arch_name, "native") ? scmp_architecture_get_native ()
                                                                 : scmp_architecture_from_name (arch_name);
      const char *syscall = json_object_get_string_member_with_default (jtest, "syscall", NULL);
      const char *expect = json_object_get_string_member (jtest, "expect");
      JsonArray *jargs = json_object_get_array_member (jtest, "args");
      guint64 args[6] = { 0 };
      g_autoptr(ScmpAction) got = NULL;
      uint32_t want = parse_action (expect);

      for (guint k = 0; k < json_array_get_length (jargs); k++)
        args[k] = get_u64 (json_array_get_element (jargs, k));
      if (syscall != NULL)
        got = scmp_filter_evaluate_syscall (filter, arch, syscall, args, 6, &error);
      else
        got = scmp_filter_evaluate (filter, arch, json_object_get_int_member (jtest, "nr"), args, 6, &error);
      g_assert_no_error (error);

      for (gsize d = 0; known_differences[d].filter != NULL; d++)
        if (g_str_equal (known_differences[d].filter, name) && known_differences[d].vector == i)
          {
            g_test_message ("%s #%u: %s (libseccomp: %s): %s", name, i, known_differences[d].expect,
                            expect, known_differences[d].reason);
            want = parse_action (known_differences[d].expect);
            n_diffs++;
          }
      if (scmp_action_get_kernel_value (got) != want)
        {
          g_test_message ("MISMATCH %s #%u %s: got 0x%08x, want 0x%08x", name, i,
                          syscall != NULL ? syscall : "(nr)", scmp_action_get_kernel_value (got), want);
          n_bad++;
        }
    }
  for (gsize d = 0; known_differences[d].filter != NULL; d++)
    n_expected_diffs += g_str_equal (known_differences[d].filter, name);

  g_test_message ("%s: %u vectors, %u rules tolerated as refused, %u documented differences, %zu instructions",
                  name, json_array_get_length (jtests), n_tolerated, n_diffs, len / 8);
  g_assert_cmpuint (n_bad, ==, 0);
  g_assert_cmpuint (n_diffs, ==, n_expected_diffs);
  seccomp_release (ctx);
}

int
main (int   argc,
      char *argv[])
{
  JsonArray *filters;
  int ret;

  g_test_init (&argc, &argv, NULL);
  pin_api_level ();

  root = client_filters_load ();

  filters = json_object_get_array_member (root, "filters");
  for (guint i = 0; i < json_array_get_length (filters); i++)
    {
      const char *name = json_object_get_string_member (json_array_get_object_element (filters, i), "name");
      g_autofree char *test_path = g_strdup_printf ("/compat/client-filters/%s", name);

      g_test_add_data_func (test_path, name, test_client);
    }

  ret = g_test_run ();
  json_object_unref (root);
  return ret;
}
