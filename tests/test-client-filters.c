/* test-client-filters.c: the filters real applications build
 *
 * SPDX-FileCopyrightText: 2026 The scmp-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * tests/data/client-filters.json records, as data, the seccomp filters
 * that flatpak, WebKitGTK, glycin and systemd build with libseccomp: the
 * default action, the architectures, the attributes, the rules in the
 * order the application adds them, and test vectors with the action
 * libseccomp 2.5/2.6 gives. Its "schema" key describes the fields.
 *
 * Each filter is built here with scmp-glib as the application builds it,
 * and every vector is run through the compiled program
 * (scmp_filter_evaluate()). Where scmp-glib's documented semantics give
 * another answer than libseccomp's, the vector is listed in
 * known_differences[] below with our expected action and the reason; any
 * other difference fails the test.
 */

#include <scmp-glib/scmp-glib.h>

#include <json-glib/json-glib.h>
#include <string.h>

#include "test-client-filters-data.h"
#include "test-pinned.h"

/* A vector whose expected action under scmp-glib's semantics differs from
 * the libseccomp expectation recorded in the JSON. */
typedef struct {
  const char *filter;           /* the filter's "name" */
  guint       vector;           /* index in its "tests" array */
  const char *syscall;          /* the vector's syscall, as a guard */
  const char *expect;           /* our expected action, in the JSON's syntax */
  const char *reason;
} KnownDifference;

static const KnownDifference known_differences[] = {
  /* socket's family is an int: the kernel reads 0x100000001 as AF_UNIX,
   * which flatpak allows. libseccomp compares all 64 bits, so its ">= 17"
   * rule sees a huge family and denies; with high bits that the kernel
   * ignores, the same compare would let AF_INET6 (0x10000000a) through a
   * rule on 10. */
  { "flatpak", 16, "socket", "allow",
    "family is an int: the kernel reads 0x100000001 as AF_UNIX (1), allowed" },
  { "flatpak-multiarch", 16, "socket", "allow",
    "family is an int: the kernel reads 0x100000001 as AF_UNIX (1), allowed" },
  { NULL, 0, NULL, NULL, NULL }
};

/* Compiling any of these takes milliseconds; this only catches hangs. */
#define COMPILE_TIMEOUT_S 30

/* A syscall of a rule that libseccomp's table (the file's "syscall_numbers",
 * from libseccomp's syscalls.csv) numbers on an arch where scmp-glib's
 * arch-data does not, or the other way round. */
typedef struct {
  const char *syscall;
  const char *arch;
  const char *reason;
} TableDifference;

/* None since the tables reached Linux 7.1 (listns and rseq_slice_yield,
 * the last two, were libseccomp-only while the tables stopped at 6.18). */
static const TableDifference table_differences[] = {
  { NULL, NULL, NULL }
};

static JsonObject *root;        /* (owned) the parsed file */

/* ------------------------------------------------------------------ */
/* JSON → scmp-glib                                                    */
/* ------------------------------------------------------------------ */

/* "allow | kill_process | kill_thread | trap | log | errno:N | trace:N"
 * (trap:N and notify accepted too). */
static ScmpAction *
parse_action (const char *text)
{
  const char *colon = strchr (text, ':');
  g_autofree char *name = colon != NULL ? g_strndup (text, colon - text) : g_strdup (text);
  guint64 value = 0;

  if (colon != NULL)
    {
      g_autoptr(GError) error = NULL;

      g_ascii_string_to_unsigned (colon + 1, 10, 0, G_MAXUINT16, &value, &error);
      g_assert_no_error (error);
    }

  if (g_str_equal (name, "allow") && colon == NULL)
    return scmp_action_new_allow ();
  if (g_str_equal (name, "kill_process") && colon == NULL)
    return scmp_action_new_kill_process ();
  if (g_str_equal (name, "kill_thread") && colon == NULL)
    return scmp_action_new_kill_thread ();
  if (g_str_equal (name, "log") && colon == NULL)
    return scmp_action_new_log ();
  if (g_str_equal (name, "notify") && colon == NULL)
    return scmp_action_new_notify ();
  if (g_str_equal (name, "trap"))
    return scmp_action_new_trap (value);
  if (g_str_equal (name, "errno") && colon != NULL)
    {
      g_autoptr(GError) error = NULL;
      ScmpAction *action = scmp_action_new_errno (value, &error);

      g_assert_no_error (error);
      return action;
    }
  if (g_str_equal (name, "trace") && colon != NULL)
    return scmp_action_new_trace (value);

  g_error ("Unknown action “%s” in client-filters.json", text);
  return NULL;
}

static ScmpCompareOp
parse_op (const char *op)
{
  static const struct { const char *name; ScmpCompareOp op; } ops[] = {
    { "eq", SCMP_COMPARE_OP_EQ },
    { "ne", SCMP_COMPARE_OP_NE },
    { "lt", SCMP_COMPARE_OP_LT },
    { "le", SCMP_COMPARE_OP_LE },
    { "gt", SCMP_COMPARE_OP_GT },
    { "ge", SCMP_COMPARE_OP_GE },
    { "masked_eq", SCMP_COMPARE_OP_MASKED_EQ },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (ops); i++)
    if (g_str_equal (op, ops[i].name))
      return ops[i].op;
  g_error ("Unknown operator “%s” in client-filters.json", op);
  return SCMP_COMPARE_OP_EQ;
}

/* A 64-bit unsigned value; json-glib reads integers as gint64, which is
 * enough for the file (checked: a larger value would be a double). */
static guint64
get_u64 (JsonNode *node)
{
  g_assert_true (JSON_NODE_HOLDS_VALUE (node));
  g_assert_cmpint (json_node_get_value_type (node), ==, G_TYPE_INT64);
  g_assert_cmpint (json_node_get_int (node), >=, 0);
  return (guint64) json_node_get_int (node);
}

static ScmpArchitecture
parse_arch (const char *name)
{
  ScmpArchitecture arch;

  if (g_str_equal (name, "native"))
    return scmp_architecture_get_native ();
  arch = scmp_architecture_from_name (name);
  if (arch == SCMP_ARCHITECTURE_UNKNOWN)
    g_error ("Unknown architecture “%s” in client-filters.json", name);
  return arch;
}

static gboolean
action_matches (ScmpAction *got,
                const char *expect)
{
  g_autoptr(ScmpAction) want = parse_action (expect);

  return scmp_action_equal (got, want);
}

/* The JSON's spelling of an action, for messages. */
static char *
action_to_json (ScmpAction *action)
{
  switch (scmp_action_get_kind (action))
    {
    case SCMP_ACTION_KIND_KILL_PROCESS:
      return g_strdup ("kill_process");
    case SCMP_ACTION_KIND_KILL_THREAD:
      return g_strdup ("kill_thread");
    case SCMP_ACTION_KIND_TRAP:
      return g_strdup_printf ("trap:%u", scmp_action_get_trap_value (action));
    case SCMP_ACTION_KIND_ERRNO:
      return g_strdup_printf ("errno:%u", scmp_action_get_errno_value (action));
    case SCMP_ACTION_KIND_NOTIFY:
      return g_strdup ("notify");
    case SCMP_ACTION_KIND_TRACE:
      return g_strdup_printf ("trace:%u", scmp_action_get_trace_value (action));
    case SCMP_ACTION_KIND_LOG:
      return g_strdup ("log");
    case SCMP_ACTION_KIND_ALLOW:
      return g_strdup ("allow");
    default:
      g_assert_not_reached ();
    }
}

typedef struct {
  guint rules_json;             /* rules in the file */
  guint rules_added;            /* rules the filter took */
  guint rules_tolerated;        /* failed adds the application tolerates */
  guint vectors;
  guint differences;            /* documented, from known_differences[] */
  guint numbers;                /* (rule syscall, arch) numbers compared */
  guint number_differences;     /* documented, from table_differences[] */
} FilterCounts;

/* Whether a failed add is one the application tolerates. libseccomp's
 * -EFAULT (flatpak, WebKit: the syscall has no number on an arch) and
 * unknown names systemd skips, are scmp-glib's INVALID_SYSCALL, and
 * -EDOM (systemd: rule_add_exact for a syscall an arch lacks) is its
 * SYSCALL_NOT_ON_ARCHITECTURE; "ignore" tolerates anything. */
static gboolean
error_tolerated (const char   *on_error,
                 const GError *error)
{
  if (g_str_equal (on_error, "fail"))
    return FALSE;
  if (g_str_equal (on_error, "ignore"))
    return TRUE;
  if (g_str_equal (on_error, "ignore_efault"))
    return g_error_matches (error, SCMP_ERROR, SCMP_ERROR_INVALID_SYSCALL);
  if (g_str_equal (on_error, "ignore_edom"))
    return g_error_matches (error, SCMP_ERROR, SCMP_ERROR_SYSCALL_NOT_ON_ARCHITECTURE) ||
           g_error_matches (error, SCMP_ERROR, SCMP_ERROR_INVALID_SYSCALL);
  g_error ("Unknown on_error “%s” in client-filters.json", on_error);
  return FALSE;
}

static void
add_json_rule (ScmpFilter   *filter,
               JsonObject   *jrule,
               FilterCounts *counts)
{
  const char *syscall = json_object_get_string_member (jrule, "syscall");
  g_autoptr(ScmpAction) action = parse_action (json_object_get_string_member (jrule, "action"));
  const char *api = json_object_get_string_member_with_default (jrule, "api", "add");
  const char *on_error = json_object_get_string_member_with_default (jrule, "on_error", "fail");
  JsonArray *jargs = json_object_get_array_member (jrule, "args");
  guint n_args = json_array_get_length (jargs);
  g_autofree ScmpCondition *conds = g_new0 (ScmpCondition, MAX (n_args, 1));
  g_autoptr(ScmpRule) rule = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < n_args; i++)
    {
      JsonObject *jarg = json_array_get_object_element (jargs, i);

      conds[i].arg = json_object_get_int_member (jarg, "arg");
      conds[i].op = parse_op (json_object_get_string_member (jarg, "op"));
      conds[i].datum = get_u64 (json_object_get_member (jarg, "value"));
      if (conds[i].op == SCMP_COMPARE_OP_MASKED_EQ)
        conds[i].mask = get_u64 (json_object_get_member (jarg, "mask"));
    }

  if (g_str_equal (api, "add_exact"))
    rule = scmp_rule_new_exact (syscall, action, conds, n_args);
  else if (g_str_equal (api, "add"))
    rule = scmp_rule_newv (syscall, action, conds, n_args);
  else
    g_error ("Unknown api “%s” in client-filters.json", api);
  g_assert_nonnull (rule);

  counts->rules_json++;
  if (scmp_filter_add_rule (filter, rule, &error))
    {
      counts->rules_added++;
      return;
    }

  if (!error_tolerated (on_error, error))
    {
      g_autofree char *text = scmp_rule_to_string (rule);

      g_error ("Rule %s (on_error “%s”) was refused: %s", text, on_error, error->message);
    }
  g_test_message ("  tolerated (%s): %s: %s", on_error, syscall, error->message);
  counts->rules_tolerated++;
}

static ScmpFilter *
build_filter (JsonObject   *jfilter,
              FilterCounts *counts)
{
  g_autoptr(ScmpAction) def = parse_action (json_object_get_string_member (jfilter, "default_action"));
  g_autoptr(ScmpFilter) filter = scmp_filter_new (def);
  JsonArray *jarches = json_object_get_array_member (jfilter, "arches");
  JsonObject *attrs = json_object_get_object_member (jfilter, "attrs");
  JsonArray *jrules = json_object_get_array_member (jfilter, "rules");
  ScmpArchitecture native = scmp_architecture_get_native ();
  gboolean keep_native = FALSE;
  g_autoptr(GError) error = NULL;

  /* seccomp_init() gives the native arch; the application adds the others */
  for (guint i = 0; i < json_array_get_length (jarches); i++)
    {
      ScmpArchitecture arch = parse_arch (json_array_get_string_element (jarches, i));

      if (arch == native)
        keep_native = TRUE;
      scmp_filter_add_arch (filter, arch, &error);
      g_assert_no_error (error);
    }
  if (!keep_native)
    {
      scmp_filter_remove_arch (filter, native, &error);
      g_assert_no_error (error);
    }

  /* attributes: null means "libseccomp's default, not set" */
  if (json_object_has_member (attrs, "act_badarch") &&
      !json_object_get_null_member (attrs, "act_badarch"))
    {
      g_autoptr(ScmpAction) bad = parse_action (json_object_get_string_member (attrs, "act_badarch"));

      scmp_filter_set_bad_arch_action (filter, bad);
    }
  if (json_object_has_member (attrs, "nnp") && !json_object_get_null_member (attrs, "nnp"))
    scmp_filter_set_no_new_privs (filter, json_object_get_boolean_member (attrs, "nnp"));
  if (json_object_has_member (attrs, "tsync") && !json_object_get_null_member (attrs, "tsync"))
    scmp_filter_set_thread_sync (filter, json_object_get_boolean_member (attrs, "tsync"));
  if (json_object_has_member (attrs, "log") && !json_object_get_null_member (attrs, "log"))
    scmp_filter_set_log (filter, json_object_get_boolean_member (attrs, "log"));
  /* "optimize" (libseccomp's code layout) has no meaning here */

  for (guint i = 0; i < json_array_get_length (jrules); i++)
    add_json_rule (filter, json_array_get_object_element (jrules, i), counts);

  return g_steal_pointer (&filter);
}

static const TableDifference *
find_table_difference (const char *syscall,
                       const char *arch)
{
  for (gsize i = 0; table_differences[i].syscall != NULL; i++)
    if (g_str_equal (table_differences[i].syscall, syscall) &&
        g_str_equal (table_differences[i].arch, arch))
      return &table_differences[i];
  return NULL;
}

/* For every rule and every arch of the filter that the file's table
 * covers: scmp-glib numbers the syscall as libseccomp does. Where a
 * documented table difference leaves the syscall out, the compiled filter
 * gives libseccomp's number the default action, not the rule's. */
static void
check_numbers (ScmpFilter   *filter,
               JsonObject   *jfilter,
               FilterCounts *counts,
               GPtrArray    *mismatches)
{
  JsonObject *map = json_object_get_object_member (json_object_get_object_member (root, "syscall_numbers"),
                                                   "map");
  JsonArray *jrules = json_object_get_array_member (jfilter, "rules");
  const char *filter_name = json_object_get_string_member (jfilter, "name");
  ScmpAction *def = scmp_filter_get_default_action (filter);
  g_autofree ScmpArchitecture *arches = NULL;
  gsize n_arches;

  arches = scmp_filter_list_arches (filter, &n_arches);
  for (guint r = 0; r < json_array_get_length (jrules); r++)
    {
      JsonObject *jrule = json_array_get_object_element (jrules, r);
      const char *syscall = json_object_get_string_member (jrule, "syscall");
      JsonObject *numbers = NULL;

      g_assert_true (json_object_has_member (map, syscall));
      if (!json_object_get_null_member (map, syscall))
        numbers = json_object_get_object_member (map, syscall);

      for (gsize a = 0; a < n_arches; a++)
        {
          const char *arch_name = scmp_architecture_to_name (arches[a]);
          const TableDifference *diff = find_table_difference (syscall, arch_name);
          int theirs = -1, ours;

          if (numbers != NULL && !json_object_has_member (numbers, arch_name))
            continue;           /* the file does not cover this arch */
          if (numbers != NULL && !json_object_get_null_member (numbers, arch_name))
            theirs = json_object_get_int_member (numbers, arch_name);
          ours = scmp_syscall_resolve_name (arches[a], syscall);
          if (ours < 0)
            ours = -1;
          counts->numbers++;

          if (diff != NULL)
            {
              g_autoptr(ScmpAction) got = NULL;
              g_autoptr(ScmpAction) rule_action =
                parse_action (json_object_get_string_member (jrule, "action"));
              g_autoptr(GError) error = NULL;

              /* documented: libseccomp has a number, we do not */
              g_assert_cmpint (theirs, >=, 0);
              g_assert_cmpint (ours, ==, -1);
              got = scmp_filter_evaluate (filter, arches[a], theirs, NULL, 0, &error);
              g_assert_no_error (error);
              g_assert_true (scmp_action_equal (got, def));
              g_assert_false (scmp_action_equal (rule_action, def));
              counts->number_differences++;
              g_test_message ("  %s: %s %s (nr %d) -> default: %s", filter_name,
                              arch_name, syscall, theirs, diff->reason);
              continue;
            }

          if (theirs != ours)
            g_ptr_array_add (mismatches,
                             g_strdup_printf ("%s: rule %u, %s on %s: libseccomp's number %d, "
                                              "scmp-glib's %d", filter_name, r, syscall,
                                              arch_name, theirs, ours));
        }
    }
}

static const KnownDifference *
find_difference (const char *filter,
                 guint       vector)
{
  for (gsize i = 0; known_differences[i].filter != NULL; i++)
    if (g_str_equal (known_differences[i].filter, filter) &&
        known_differences[i].vector == vector)
      return &known_differences[i];
  return NULL;
}

/* Runs one vector; returns a description of the mismatch, or NULL. */
static char *
check_vector (ScmpFilter   *filter,
              const char   *filter_name,
              guint         index,
              JsonObject   *jtest,
              FilterCounts *counts)
{
  ScmpArchitecture arch = parse_arch (json_object_get_string_member (jtest, "arch"));
  const char *expect = json_object_get_string_member (jtest, "expect");
  JsonArray *jargs = json_object_get_array_member (jtest, "args");
  guint n_args = json_array_get_length (jargs);
  const char *syscall = json_object_get_string_member_with_default (jtest, "syscall", NULL);
  const KnownDifference *diff = find_difference (filter_name, index);
  guint64 args[6] = { 0 };
  g_autoptr(ScmpAction) got = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *got_text = NULL;
  g_autofree char *what = NULL;
  g_autoptr(GString) args_text = g_string_new ("(");
  int nr;

  g_assert_cmpuint (n_args, <=, 6);
  for (guint i = 0; i < n_args; i++)
    {
      args[i] = get_u64 (json_array_get_element (jargs, i));
      g_string_append_printf (args_text, "%s0x%" G_GINT64_MODIFIER "x", i > 0 ? ", " : "", args[i]);
    }
  g_string_append_c (args_text, ')');

  if (syscall != NULL)
    {
      nr = scmp_syscall_resolve_name (arch, syscall);
      g_assert_cmpint (nr, >=, 0);
      got = scmp_filter_evaluate_syscall (filter, arch, syscall, args, n_args, &error);
      what = g_strdup_printf ("%s #%u: %s %s%s", filter_name, index,
                              scmp_architecture_to_name (arch), syscall, args_text->str);
    }
  else
    {
      nr = json_object_get_int_member (jtest, "nr");
      got = scmp_filter_evaluate (filter, arch, nr, args, n_args, &error);
      what = g_strdup_printf ("%s #%u: %s nr %d%s", filter_name, index,
                              scmp_architecture_to_name (arch), nr, args_text->str);
    }
  g_assert_no_error (error);
  g_assert_nonnull (got);
  got_text = action_to_json (got);
  counts->vectors++;

  if (diff != NULL)
    {
      /* a documented difference: the guard, ours, and really different */
      g_assert_cmpstr (diff->syscall, ==, syscall);
      g_assert_false (g_str_equal (diff->expect, expect));
      counts->differences++;
      g_test_message ("  %s -> %s (libseccomp: %s): %s", what, got_text, expect, diff->reason);
      if (!action_matches (got, diff->expect))
        return g_strdup_printf ("%s: got %s, documented difference expects %s",
                                what, got_text, diff->expect);
      return NULL;
    }

  if (!action_matches (got, expect))
    return g_strdup_printf ("%s: got %s, libseccomp expects %s", what, got_text, expect);
  return NULL;
}

static void
test_client_filter (gconstpointer data)
{
  const char *name = data;
  JsonObject *jfilter = client_filters_find (root, name);
  g_autoptr(ScmpFilter) filter = NULL;
  g_autoptr(GPtrArray) mismatches = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GBytes) bpf = NULL;
  g_autoptr(GError) error = NULL;
  FilterCounts counts = { 0 };
  JsonArray *jtests;
  guint expected_diffs = 0;

  /* Compile once in a subprocess first, so that a compiler that never
   * finishes fails this filter clearly instead of hanging the program. */
  if (g_test_subprocess ())
    {
      g_autoptr(ScmpFilter) f = build_filter (jfilter, &counts);
      g_autoptr(GBytes) b = scmp_filter_export_bpf (f, &error);

      g_assert_no_error (error);
      g_assert_nonnull (b);
      return;
    }
  g_test_trap_subprocess (NULL, COMPILE_TIMEOUT_S * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
  if (g_test_trap_reached_timeout ())
    {
      g_test_fail_printf ("%s: building and compiling the filter did not finish "
                          "within %d s", name, COMPILE_TIMEOUT_S);
      return;
    }
  g_test_trap_assert_passed ();

  g_test_message ("%s: %s", name, json_object_get_string_member (jfilter, "source"));

  filter = build_filter (jfilter, &counts);
  g_assert_cmpuint (counts.rules_added, ==, scmp_filter_get_n_rules (filter));

  /* it compiles within the kernel's limit */
  bpf = scmp_filter_export_bpf (filter, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (bpf) / 8, <=, 4096);

  /* and it is the program this filter has always compiled to */
  {
    g_autofree char *pin_file = g_test_build_filename (G_TEST_DIST, "data", "pinned-programs.txt", NULL);
    g_autofree char *key = g_strdup_printf ("client/%s", name);
    g_autofree char *got = pinned_format (bpf, NULL);

    g_assert_true (pinned_check (pin_file, key, got));
  }

  jtests = json_object_get_array_member (jfilter, "tests");
  for (guint i = 0; i < json_array_get_length (jtests); i++)
    {
      char *mismatch = check_vector (filter, name, i, json_array_get_object_element (jtests, i),
                                     &counts);

      if (mismatch != NULL)
        g_ptr_array_add (mismatches, mismatch);
    }

  check_numbers (filter, jfilter, &counts, mismatches);

  for (gsize i = 0; known_differences[i].filter != NULL; i++)
    if (g_str_equal (known_differences[i].filter, name))
      expected_diffs++;

  g_test_message ("%s: %u rules (%u added, %u refused as the application tolerates), "
                  "%u instructions, %u vectors checked, %u documented differences; "
                  "%u syscall numbers compared with libseccomp's table, %u documented "
                  "differences",
                  name, counts.rules_json, counts.rules_added, counts.rules_tolerated,
                  (guint) (g_bytes_get_size (bpf) / 8), counts.vectors, counts.differences,
                  counts.numbers, counts.number_differences);

  for (guint i = 0; i < mismatches->len; i++)
    g_test_message ("UNEXPLAINED: %s", (const char *) g_ptr_array_index (mismatches, i));
  g_assert_cmpuint (mismatches->len, ==, 0);
  /* every documented difference was met (no stale entry) */
  g_assert_cmpuint (counts.differences, ==, expected_diffs);
  g_assert_cmpuint (counts.vectors, ==, json_array_get_length (jtests));
  g_assert_cmpuint (counts.vectors, >, 0);
}

/* What scmp_filter_lint() reports on the real filters, each checked by
 * hand and true: anything else it reports is a false alarm, and a test
 * failure. (Rules are named by syscall; a filter may have several findings
 * for one syscall.) */
typedef struct {
  const char      *filter;
  ScmpFindingKind  kind;
  const char      *syscall;
  const char      *why;
} KnownFinding;

static const KnownFinding known_findings[] = {
  { "flatpak", SCMP_FINDING_KIND_SYSCALL_MISSING, "umount",
    "x86_64 has only umount2; libseccomp refuses the rule with EFAULT and flatpak ignores that" },
  { "flatpak-multiarch", SCMP_FINDING_KIND_SYSCALL_PARTIAL, "umount",
    "umount exists on x86, not on x86_64" },
  { "flatpak-multiarch", SCMP_FINDING_KIND_MULTIPLEXER, "socket",
    "on x86, socketcall(SYS_SOCKET, …) hides the family: every such call gets EAFNOSUPPORT "
    "(libseccomp does the same)" },
  { "webkitgtk-web-process", SCMP_FINDING_KIND_SYSCALL_MISSING, "umount",
    "as in flatpak" },
  { "glycin-loader", SCMP_FINDING_KIND_SYSCALL_PARTIAL, "umount",
    "glycin's filter covers x86 too, where umount exists" },
  { NULL, 0, NULL, NULL }
};

static void
test_client_filter_lint (gconstpointer data)
{
  const char *name = data;
  JsonObject *jfilter = client_filters_find (root, name);
  FilterCounts counts = { 0 };
  g_autoptr(ScmpFilter) filter = build_filter (jfilter, &counts);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) findings = scmp_filter_lint (filter, &error);
  guint expected = 0, unexpected = 0, n;

  g_assert_no_error (error);
  n = g_list_model_get_n_items (findings);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ScmpFinding) f = g_list_model_get_item (findings, i);
      ScmpRule *rule = scmp_filter_get_rule (filter, scmp_finding_get_rule_index (f));
      const char *syscall = scmp_rule_get_syscall (rule);
      gboolean known = FALSE;

      for (gsize k = 0; known_findings[k].filter != NULL && !known; k++)
        known = g_str_equal (known_findings[k].filter, name) &&
                known_findings[k].kind == scmp_finding_get_kind (f) &&
                g_strcmp0 (known_findings[k].syscall, syscall) == 0;
      g_test_message ("%s: %s", known ? "known" : "UNEXPECTED", scmp_finding_get_message (f));
      unexpected += !known;
    }
  for (gsize k = 0; known_findings[k].filter != NULL; k++)
    if (g_str_equal (known_findings[k].filter, name))
      {
        gboolean met = FALSE;

        for (guint i = 0; i < n && !met; i++)
          {
            g_autoptr(ScmpFinding) f = g_list_model_get_item (findings, i);
            ScmpRule *rule = scmp_filter_get_rule (filter, scmp_finding_get_rule_index (f));

            met = known_findings[k].kind == scmp_finding_get_kind (f) &&
                  g_strcmp0 (known_findings[k].syscall, scmp_rule_get_syscall (rule)) == 0;
          }
        if (!met)
          g_test_message ("NOT MET: %s %d %s", name, known_findings[k].kind, known_findings[k].syscall);
        g_assert_true (met);
        expected++;
      }
  g_test_message ("%s: %u findings, all known (%u entries)", name, n, expected);
  g_assert_cmpuint (unexpected, ==, 0);
}

/* Every entry of known_differences[] names a filter of the file. */
static void
test_differences_table (void)
{
  JsonArray *filters = json_object_get_array_member (root, "filters");

  for (gsize i = 0; known_differences[i].filter != NULL; i++)
    {
      gboolean found = FALSE;

      for (guint j = 0; j < json_array_get_length (filters); j++)
        if (g_str_equal (json_object_get_string_member (json_array_get_object_element (filters, j), "name"),
                         known_differences[i].filter))
          found = TRUE;
      g_assert_true (found);
      g_assert_nonnull (known_differences[i].reason);
    }
}

static void
test_schema (void)
{
  JsonObject *schema = json_object_get_object_member (root, "schema");

  g_assert_nonnull (schema);
  g_assert_cmpint (json_object_get_int_member (schema, "version"), ==, 1);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "filters")), >=, 5);
}

int
main (int   argc,
      char *argv[])
{
  JsonArray *filters;

  g_test_init (&argc, &argv, NULL);

  root = client_filters_load ();

  g_test_add_func ("/client-filters/schema", test_schema);
  g_test_add_func ("/client-filters/differences-table", test_differences_table);

  filters = json_object_get_array_member (root, "filters");
  for (guint i = 0; i < json_array_get_length (filters); i++)
    {
      const char *name = json_object_get_string_member (json_array_get_object_element (filters, i), "name");
      g_autofree char *test_path = g_strdup_printf ("/client-filters/filter/%s", name);

      g_autofree char *lint_path = g_strdup_printf ("/client-filters/lint/%s", name);

      g_test_add_data_func (test_path, name, test_client_filter);
      g_test_add_data_func (lint_path, name, test_client_filter_lint);
    }

  {
    int ret = g_test_run ();

    json_object_unref (root);
    return ret;
  }
}
