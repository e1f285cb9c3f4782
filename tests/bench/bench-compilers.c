/* bench-compilers.c: scmp-glib's BPF compiler against libseccomp's two
 * layouts (the default one and the binary tree, SCMP_FLTATR_CTL_OPTIMIZE 2),
 * on the same policies, in one run.
 *
 * SPDX-FileCopyrightText: 2026 The scmp-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Figures per workload and compiler: program length; BPF instructions
 * executed per syscall (counted by scmp-glib's interpreter) over every
 * number of the ABI's table plus numbers outside it; the share of
 * unconditionally allowed syscalls the kernel's action cache can serve
 * (scmp-glib's emulation of seccomp_is_const_allow()); compile time (the
 * rules made, the filter built, exported and freed, phase by phase, over
 * repetitions that run the compilers in a rotating order: medians and
 * 10th-90th percentiles); nanoseconds per call in the kernel with each
 * filter loaded in a forked child; the effect of priority hints.
 *
 *   bench-compilers [--quick] [--markdown FILE] [--svg FILE]
 *
 * --quick is the smoke test (suite bench-smoke): few repetitions, fewer
 * sizes, but every correctness check of the full run. The exit status is
 * non-zero when a check fails (a program the kernel's checker would
 * refuse, the interpreter stopping on an error, scmp-glib and libseccomp
 * disagreeing on a workload whose meaning is the same for both, a program
 * over 4096 instructions from scmp-glib); missed performance targets are
 * only reported.
 *
 * libseccomp is used here as the peer to measure against; the library
 * itself never links it.
 */

#include "config.h"

#include "scmp-action.h"
#include "scmp-architecture.h"
#include "scmp-condition.h"
#include "scmp-error.h"
#include "scmp-filter.h"
#include "scmp-oci.h"
#include "scmp-rule.h"
#include "scmp-version.h"
#include "scmp-arch-private.h"
#include "scmp-test-support.h"

#include "bench-common.h"
#include "scmp-bpf-private.h"

#include "../test-libseccomp.h"
#include "../test-pinned.h"

#include <sched.h>
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <seccomp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <json-glib/json-glib.h>
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>

#ifndef BENCH_DATADIR
#define BENCH_DATADIR "tests/data"
#endif

#define RET_ALLOW  0x7fff0000u
#define RET_ERRNO(e) (0x00050000u | ((e) & 0xffffu))
#define RET_KILL_PROCESS 0x80000000u
#define X32_BIT 0x40000000

/* ------------------------------------------------------------------ */
/* Options and bookkeeping                                             */
/* ------------------------------------------------------------------ */

static gboolean opt_quick;
static gint opt_profile_compile;
static gint opt_profile_large;
static char *opt_check_pinned;
static char *opt_markdown;
static char *opt_svg;
static guint n_failures;      /* correctness checks that failed */
static GString *notes_md;     /* remarks collected for the report */
static GString *failures_md;  /* failed checks, for the report */

static void
fail (const char *fmt, ...) G_GNUC_PRINTF (1, 2);

static void
fail (const char *fmt, ...)
{
  va_list ap;
  g_autofree char *msg = NULL;

  va_start (ap, fmt);
  msg = g_strdup_vprintf (fmt, ap);
  va_end (ap);
  fprintf (stderr, "FAIL: %s\n", msg);
  if (failures_md)
    g_string_append_printf (failures_md, "- %s\n", msg);
  n_failures++;
}

static void
note (const char *fmt, ...) G_GNUC_PRINTF (1, 2);

static void
note (const char *fmt, ...)
{
  va_list ap;
  g_autofree char *msg = NULL;

  va_start (ap, fmt);
  msg = g_strdup_vprintf (fmt, ap);
  va_end (ap);
  printf ("note: %s\n", msg);
  g_string_append_printf (notes_md, "- %s\n", msg);
}

/* ------------------------------------------------------------------ */
/* Tables: plain text on stdout, Markdown for the report               */
/* ------------------------------------------------------------------ */

typedef struct {
  char *title;
  GPtrArray *header;          /* char* */
  GPtrArray *rows;            /* GPtrArray of char* */
  char *footnote;
} Table;

static GPtrArray *all_tables;

static Table *
table_new (const char *title, ...)
{
  Table *t = g_new0 (Table, 1);
  va_list ap;
  const char *h;

  t->title = g_strdup (title);
  t->header = g_ptr_array_new_with_free_func (g_free);
  t->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  va_start (ap, title);
  while ((h = va_arg (ap, const char *)) != NULL)
    g_ptr_array_add (t->header, g_strdup (h));
  va_end (ap);
  g_ptr_array_add (all_tables, t);
  return t;
}

static GPtrArray *
table_row (Table *t)
{
  GPtrArray *row = g_ptr_array_new_with_free_func (g_free);

  g_ptr_array_add (t->rows, row);
  return row;
}

static void
cell (GPtrArray *row, const char *fmt, ...) G_GNUC_PRINTF (2, 3);

static void
cell (GPtrArray *row, const char *fmt, ...)
{
  va_list ap;

  va_start (ap, fmt);
  g_ptr_array_add (row, g_strdup_vprintf (fmt, ap));
  va_end (ap);
}

static guint
utf8_width (const char *s)
{
  return (guint) g_utf8_strlen (s, -1);
}

static void
table_print (Table *t)
{
  guint ncol = t->header->len;
  g_autofree guint *w = g_new0 (guint, ncol);

  for (guint c = 0; c < ncol; c++)
    w[c] = utf8_width (g_ptr_array_index (t->header, c));
  for (guint r = 0; r < t->rows->len; r++)
    {
      GPtrArray *row = g_ptr_array_index (t->rows, r);
      for (guint c = 0; c < ncol && c < row->len; c++)
        w[c] = MAX (w[c], utf8_width (g_ptr_array_index (row, c)));
    }

  printf ("\n%s\n", t->title);
  for (guint c = 0; c < ncol; c++)
    {
      const char *h = g_ptr_array_index (t->header, c);
      if (c == 0)
        printf ("%s%*s", h, (int) (w[c] - utf8_width (h)), "");
      else
        printf ("  %*s%s", (int) (w[c] - utf8_width (h)), "", h);
    }
  printf ("\n");
  for (guint c = 0; c < ncol; c++)
    {
      printf (c == 0 ? "" : "  ");
      for (guint i = 0; i < w[c]; i++)
        putchar ('-');
    }
  printf ("\n");
  for (guint r = 0; r < t->rows->len; r++)
    {
      GPtrArray *row = g_ptr_array_index (t->rows, r);
      for (guint c = 0; c < ncol; c++)
        {
          const char *s = c < row->len ? g_ptr_array_index (row, c) : "";
          if (c == 0)
            printf ("%s%*s", s, (int) (w[c] - utf8_width (s)), "");
          else
            printf ("  %*s%s", (int) (w[c] - utf8_width (s)), "", s);
        }
      printf ("\n");
    }
  if (t->footnote)
    printf ("%s\n", t->footnote);
}

static void
table_markdown (Table *t, GString *md)
{
  guint ncol = t->header->len;

  g_string_append_printf (md, "\n### %s\n\n|", t->title);
  for (guint c = 0; c < ncol; c++)
    g_string_append_printf (md, " %s |", (char *) g_ptr_array_index (t->header, c));
  g_string_append (md, "\n|");
  for (guint c = 0; c < ncol; c++)
    g_string_append (md, c == 0 ? " --- |" : " ---: |");
  g_string_append (md, "\n");
  for (guint r = 0; r < t->rows->len; r++)
    {
      GPtrArray *row = g_ptr_array_index (t->rows, r);
      g_string_append (md, "|");
      for (guint c = 0; c < ncol; c++)
        g_string_append_printf (md, " %s |",
                                c < row->len ? (char *) g_ptr_array_index (row, c) : "");
      g_string_append (md, "\n");
    }
  if (t->footnote)
    g_string_append_printf (md, "\n%s%s\n", t->footnote[0] == '*' ? "\\" : "", t->footnote);
}

/* ------------------------------------------------------------------ */
/* Workloads                                                           */
/* ------------------------------------------------------------------ */

typedef enum {
  ON_ERROR_FAIL,
  ON_ERROR_IGNORE,          /* any error */
  ON_ERROR_IGNORE_MISSING,  /* syscall unknown / absent on an arch */
} OnError;

typedef struct {
  char         *name;
  guint32       action;            /* kernel value */
  ScmpCondition conds[6];
  guint         n_conds;
  gboolean      exact;
  OnError       on_error;
} BRule;

typedef struct {
  const char *name;
  guint       weight;              /* share of calls, for the weighted mean */
} Hot;

typedef struct {
  char            *label;
  guint32          default_action;
  guint32          badarch;
  ScmpArchitecture arches[4];
  guint            n_arches;
  GArray          *rules;           /* BRule */
  gboolean         same_meaning;    /* assert that the compilers agree */
  const Hot       *hot;             /* priority hints, when set */
  guint            n_hot;
  gboolean         scmp_one_by_one; /* scmp-glib refuses some rules: add them
                                       one at a time (see compile_scmp) */
  guint32          unknown_action;  /* scmp-glib's unknown-syscall-action, or 0 */
} Workload;

static void
brule_clear (BRule *r)
{
  g_free (r->name);
}

static Workload *
workload_new (const char *label, guint32 default_action)
{
  Workload *w = g_new0 (Workload, 1);

  w->label = g_strdup (label);
  w->default_action = default_action;
  w->badarch = RET_KILL_PROCESS;
  w->arches[w->n_arches++] = SCMP_ARCHITECTURE_X86_64;
  w->rules = g_array_new (FALSE, TRUE, sizeof (BRule));
  g_array_set_clear_func (w->rules, (GDestroyNotify) brule_clear);
  return w;
}

static void
workload_free (Workload *w)
{
  g_array_unref (w->rules);
  g_free (w->label);
  g_free (w);
}

/* libseccomp's pseudo numbers for multiplexed calls (socketcall -1xx, ipc
 * -2xx): the name is known, and compiled to the multiplexer (and the
 * direct call). */
static gboolean
lsc_multiplexed (int l)
{
  return l <= -101 && l >= -299;
}

/* Both compilers must give a syscall name the same meaning. A name is used
 * when libseccomp knows it, scmp-glib has it on some ABI of the workload,
 * and on the first (native) ABI both tables give it the same number (or
 * both have none). With @strict, every ABI must agree and the name must be
 * a direct, non-multiplexed call on all of them (the synthetic and large
 * workloads). Sets @mismatch when the tables differ on the native ABI;
 * @secondary (may be NULL) collects names used although another ABI's
 * tables differ. */
static gboolean
name_usable_full (const Workload *w, const char *name, gboolean strict,
                  gboolean *mismatch, GHashTable *secondary)
{
  gboolean any = FALSE, differs = FALSE;

  *mismatch = FALSE;
  if (seccomp_syscall_resolve_name (name) == __NR_SCMP_ERROR)
    {
      *mismatch = scmp_syscall_resolve_name (w->arches[0], name) >= 0;
      return FALSE;
    }
  for (guint a = 0; a < w->n_arches; a++)
    {
      int s = scmp_syscall_resolve_name (w->arches[a], name);
      int l = seccomp_syscall_resolve_name_arch (lsc_arch_token (w->arches[a]), name);
      gboolean muxed = scmp_syscall_get_multiplexer (w->arches[a], name, NULL, NULL) != SCMP_MULTIPLEXER_NONE;

      if (s >= 0)
        any = TRUE;
      if (strict && (s < 0 || l != s || muxed))
        return FALSE;
      if (s < 0)
        s = -1;
      if (l < 0 && !(lsc_multiplexed (l) && muxed))
        l = -1;
      if (lsc_multiplexed (l))
        continue;   /* both compile it to the direct call and the multiplexer */
      if (s != l)
        {
          if (a == 0)
            {
              *mismatch = TRUE;
              return FALSE;
            }
          differs = TRUE;
        }
    }
  if (any && differs && secondary)
    g_hash_table_add (secondary, g_strdup (name));
  return any;
}

/* Adds a rule unless the name is unusable (see name_usable_full) or the action
 * equals the default action (libseccomp refuses such rules). @dropped
 * collects the names dropped because the tables differ. */
static GHashTable *secondary_diffs;   /* names whose non-native numbers differ */

static void
workload_add (Workload *w, const char *name, guint32 action,
              const ScmpCondition *conds, guint n_conds, gboolean exact,
              OnError on_error, GHashTable *dropped, guint *n_same_as_default)
{
  BRule r = { 0 };
  gboolean mismatch;

  if (action == w->default_action)
    {
      if (n_same_as_default)
        (*n_same_as_default)++;
      return;
    }
  if (!name_usable_full (w, name, FALSE, &mismatch, secondary_diffs))
    {
      if (mismatch && dropped)
        g_hash_table_add (dropped, g_strdup (name));
      return;
    }
  r.name = g_strdup (name);
  r.action = action;
  r.n_conds = n_conds;
  if (n_conds > 0)
    memcpy (r.conds, conds, n_conds * sizeof *conds);
  r.exact = exact;
  r.on_error = on_error;
  g_array_append_val (w->rules, r);
}

static int
strcmp_p (const void *a, const void *b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

static char *
sorted_join (GHashTable *set)
{
  guint n = 0;
  g_autofree char **keys = (char **) g_hash_table_get_keys_as_array (set, &n);

  qsort (keys, n, sizeof *keys, strcmp_p);
  return g_strjoinv (", ", keys);
}

static ScmpCondition
make_cond (guint arg, ScmpCompareOp op, guint64 datum, guint64 mask)
{
  g_autoptr (ScmpCondition) c = op == SCMP_COMPARE_OP_MASKED_EQ
    ? scmp_condition_new_masked (arg, mask, datum, NULL)
    : scmp_condition_new (arg, op, datum, NULL);

  return *c;
}

/* --- the Docker / moby default profile ----------------------------- */

static guint
json_array_len (JsonObject *o, const char *member)
{
  JsonNode *n = o ? json_object_get_member (o, member) : NULL;

  return n && JSON_NODE_HOLDS_ARRAY (n) ? json_array_get_length (json_node_get_array (n)) : 0;
}

static JsonObject *
json_obj (JsonObject *o, const char *member)
{
  JsonNode *n = json_object_get_member (o, member);

  return n && JSON_NODE_HOLDS_OBJECT (n) ? json_node_get_object (n) : NULL;
}

/* The profile as scmp-glib's ScmpOciProfile reads it for an unprivileged
 * container (no capabilities) on an amd64 host and the running kernel, as
 * moby selects the entries; the filter's ABIs are the workload's. */
static Workload *
load_docker (const char *label, const ScmpArchitecture *extra, guint n_extra,
             gboolean report)
{
  g_autofree char *path = g_build_filename (BENCH_DATADIR, "docker-default.json", NULL);
  g_autoptr (ScmpOciProfile) profile = scmp_oci_profile_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GHashTable) dropped = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GHashTable) secondary = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  ScmpFilter *filter;
  Workload *w;

  scmp_oci_profile_set_architecture (profile, SCMP_ARCHITECTURE_X86_64, NULL);
  if (!scmp_oci_profile_load_from_file (profile, path, &error))
    g_error ("%s", error->message);
  filter = scmp_oci_profile_get_filter (profile);

  w = workload_new (label, scmp_action_get_kernel_value (scmp_filter_get_default_action (filter)));
  for (guint i = 0; i < n_extra; i++)
    w->arches[w->n_arches++] = extra[i];
  w->same_meaning = n_extra == 0;

  secondary_diffs = secondary;
  for (guint i = 0; i < scmp_filter_get_n_rules (filter); i++)
    {
      ScmpRule *rule = scmp_filter_get_rule (filter, i);
      ScmpCondition conds[6];
      guint n_conds = scmp_rule_get_n_conditions (rule);

      for (guint k = 0; k < n_conds; k++)
        conds[k] = *scmp_rule_get_condition (rule, k);
      workload_add (w, scmp_rule_get_syscall (rule),
                    scmp_action_get_kernel_value (scmp_rule_get_action (rule)),
                    conds, n_conds, FALSE, ON_ERROR_IGNORE_MISSING, dropped, NULL);
    }

  secondary_diffs = NULL;
  if (report)
    {
      g_autofree char *list = sorted_join (dropped);
      g_autofree char *list2 = sorted_join (secondary);
      note ("%s: %u rules (ScmpOciProfile, no capabilities, amd64 host); names dropped "
            "because libseccomp %u.%u.%u does not know them or numbers them differently on "
            "x86_64: %s",
            label, w->rules->len,
            seccomp_version ()->major, seccomp_version ()->minor, seccomp_version ()->micro,
            g_hash_table_size (dropped) ? list : "none");
      if (g_hash_table_size (secondary))
        note ("%s: kept, although the two tables differ on x86 or x32 (the programs may "
              "differ there): %s", label, list2);
    }
  return w;
}

/* --- client filters (flatpak, systemd) ----------------------------- */

static guint32
client_action (const char *text)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ScmpAction) a = scmp_action_new_from_string (text, &error);

  if (a == NULL)
    g_error ("action %s: %s", text, error->message);
  return scmp_action_get_kernel_value (a);
}

static Workload *
load_client (const char *filter_name, const char *label, gboolean report)
{
  g_autofree char *path = g_build_filename (BENCH_DATADIR, "client-filters.json", NULL);
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GHashTable) dropped = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  JsonArray *filters;
  JsonObject *f = NULL, *attrs;
  JsonArray *rules, *arches;
  Workload *w;
  guint n_unknown = 0, n_same = 0;

  if (!json_parser_load_from_file (parser, path, &error))
    g_error ("%s: %s", path, error->message);
  filters = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "filters");
  for (guint i = 0; i < json_array_get_length (filters); i++)
    if (g_str_equal (json_object_get_string_member (json_array_get_object_element (filters, i), "name"),
                     filter_name))
      f = json_array_get_object_element (filters, i);
  g_assert (f != NULL);

  w = workload_new (label, client_action (json_object_get_string_member (f, "default_action")));
  attrs = json_obj (f, "attrs");
  if (attrs && json_object_has_member (attrs, "act_badarch"))
    w->badarch = client_action (json_object_get_string_member (attrs, "act_badarch"));
  arches = json_object_get_array_member (f, "arches");
  for (guint i = 0; i < json_array_get_length (arches); i++)
    {
      const char *a = json_array_get_string_element (arches, i);
      if (!g_str_equal (a, "native") && !g_str_equal (a, "x86_64"))
        g_error ("%s: arch %s not handled by the benchmark", filter_name, a);
    }
  w->same_meaning = FALSE;   /* reported, not asserted (libseccomp merges rules) */

  rules = json_object_get_array_member (f, "rules");
  for (guint i = 0; i < json_array_get_length (rules); i++)
    {
      JsonObject *r = json_array_get_object_element (rules, i);
      const char *name = json_object_get_string_member (r, "syscall");
      const char *api = json_object_get_string_member_with_default (r, "api", "add");
      const char *on_error = json_object_get_string_member_with_default (r, "on_error", "fail");
      ScmpCondition conds[6];
      guint n_conds = 0;
      OnError oe;

      for (guint k = 0; k < json_array_len (r, "args"); k++)
        {
          JsonObject *a = json_array_get_object_element (json_object_get_array_member (r, "args"), k);
          const char *op = json_object_get_string_member (a, "op");
          static const char *ops[] = { "eq", "ne", "lt", "le", "gt", "ge", "masked_eq" };
          guint o;

          for (o = 0; o < G_N_ELEMENTS (ops); o++)
            if (g_str_equal (op, ops[o]))
              break;
          g_assert (o < G_N_ELEMENTS (ops));
          conds[n_conds++] = make_cond (json_object_get_int_member (a, "arg"), (ScmpCompareOp) o,
                                        (guint64) json_object_get_int_member (a, "value"),
                                        json_object_has_member (a, "mask")
                                          ? (guint64) json_object_get_int_member (a, "mask") : 0);
        }
      oe = g_str_equal (on_error, "fail") ? ON_ERROR_FAIL
         : g_str_equal (on_error, "ignore") ? ON_ERROR_IGNORE : ON_ERROR_IGNORE_MISSING;
      if (scmp_syscall_resolve_name (SCMP_ARCHITECTURE_X86_64, name) < 0 &&
          seccomp_syscall_resolve_name_arch (SCMP_ARCH_X86_64, name) < 0)
        {
          n_unknown++;
          continue;
        }
      workload_add (w, name, client_action (json_object_get_string_member (r, "action")),
                    conds, n_conds, g_str_equal (api, "add_exact"), oe, dropped, &n_same);
    }

  if (report)
    {
      g_autofree char *list = sorted_join (dropped);
      note ("%s: %u rules of %u (%u name(s) without an x86_64 number in either table, "
            "skipped as the application does; %u with the default action); names dropped "
            "because the two tables differ: %s",
            label, w->rules->len, json_array_get_length (rules), n_unknown, n_same,
            g_hash_table_size (dropped) ? list : "none");
    }
  return w;
}

/* --- synthetic allow-lists ----------------------------------------- */

/* Names both tables give the same number on every ABI in @arches (and
 * that are direct syscalls there), shuffled with a fixed seed. */
static GPtrArray *
name_pool (const ScmpArchitecture *arches, guint n_arches, guint32 seed)
{
  GPtrArray *pool = g_ptr_array_new_with_free_func (g_free);
  g_auto (GStrv) names = scmp_syscall_list_names (arches[0]);
  g_autoptr (GRand) rand = g_rand_new_with_seed (seed);
  Workload probe = { 0 };

  memcpy (probe.arches, arches, n_arches * sizeof *arches);
  probe.n_arches = n_arches;
  for (guint i = 0; names[i]; i++)
    {
      gboolean mismatch;
      if (name_usable_full (&probe, names[i], TRUE, &mismatch, NULL))
        g_ptr_array_add (pool, g_strdup (names[i]));
    }
  for (guint i = pool->len; i > 1; i--)
    {
      guint j = g_rand_int_range (rand, 0, i);
      gpointer t = pool->pdata[i - 1];
      pool->pdata[i - 1] = pool->pdata[j];
      pool->pdata[j] = t;
    }
  return pool;
}

/* N rules allowing syscalls on x86_64, default ERRNO(EPERM); a quarter of
 * the rules carry a condition (alternately arg0 == k and (arg1 & 0xff) ==
 * m). Unconditional rules name distinct syscalls; conditional rules go to
 * other syscalls, two per syscall when the table runs out (x86_64 has
 * fewer than 400 syscalls), and 8 syscalls always stay unlisted. */
static Workload *
make_synthetic (guint n)
{
  ScmpArchitecture arch = SCMP_ARCHITECTURE_X86_64;
  g_autoptr (GPtrArray) pool = name_pool (&arch, 1, 0x5eed0001);
  g_autoptr (GRand) rand = g_rand_new_with_seed (0x5eed0002 + n);
  g_autofree char *label = g_strdup_printf ("synthetic %u", n);
  Workload *w = workload_new (label, RET_ERRNO (1));
  guint n_cond = n / 4, n_uncond = n - n_cond, n_cond_sys;

  g_assert (n_uncond + 8 < pool->len);
  n_cond_sys = MIN (n_cond, pool->len - n_uncond - 8);
  w->same_meaning = TRUE;
  for (guint i = 0; i < n_uncond; i++)
    workload_add (w, pool->pdata[i], RET_ALLOW, NULL, 0, FALSE, ON_ERROR_FAIL, NULL, NULL);
  for (guint j = 0; j < n_cond; j++)
    {
      ScmpCondition c = j % 2 == 0
        ? make_cond (0, SCMP_COMPARE_OP_EQ, g_rand_int_range (rand, 0, 4096), 0)
        : make_cond (1, SCMP_COMPARE_OP_MASKED_EQ, g_rand_int (rand) & 0xff, 0xff);
      workload_add (w, pool->pdata[n_uncond + j % n_cond_sys], RET_ALLOW, &c, 1, FALSE,
                    ON_ERROR_FAIL, NULL, NULL);
    }
  return w;
}

/* --- the large filter ---------------------------------------------- */

/* An argument (0 or 1, @preferred first) that the kernel reads as at
 * least 32 bits on both ABIs of the large filter, or -1. */
static int
wide_argument (const char       *name,
               const ScmpArchitecture arches[2],
               guint             preferred)
{
  int idx = _scmp_syscall_lookup (name);

  for (guint k = 0; k < 2; k++)
    {
      guint arg = (preferred + k) % 2;
      if (_scmp_syscall_arg_type (idx, arches[0], arg).bits >= 32 &&
          _scmp_syscall_arg_type (idx, arches[1], arg).bits >= 32)
        return (int) arg;
    }
  return -1;
}

/* N argument rules over x86_64 + x86: 64 syscalls, N/64 values each,
 * arg0 or arg1 (one argument per syscall, one the kernel reads as at least
 * 32 bits: a 16-bit uid or mode cannot hold the values) == a distinct
 * 32-bit value; every fifth rule ERRNO(EACCES), the others ALLOW; default
 * ERRNO(EPERM). */
static Workload *
make_large (guint n)
{
  ScmpArchitecture arches[] = { SCMP_ARCHITECTURE_X86_64, SCMP_ARCHITECTURE_X86 };
  g_autoptr (GPtrArray) pool = name_pool (arches, 2, 0x5eed0003);
  g_autofree char *label = g_strdup_printf ("large %u", n);
  Workload *w = workload_new (label, RET_ERRNO (1));
  const char *names[64];
  guint args[64];
  guint n_sys = 0;

  w->arches[w->n_arches++] = SCMP_ARCHITECTURE_X86;
  w->same_meaning = TRUE;
  for (guint i = 0; i < pool->len && n_sys < G_N_ELEMENTS (names); i++)
    {
      int arg = wide_argument (pool->pdata[i], arches, n_sys % 2);
      if (arg < 0)
        continue;
      names[n_sys] = pool->pdata[i];
      args[n_sys++] = (guint) arg;
    }
  g_assert (n_sys == G_N_ELEMENTS (names));
  for (guint i = 0; i < n; i++)
    {
      guint s = i % n_sys;
      ScmpCondition c = make_cond (args[s], SCMP_COMPARE_OP_EQ, (guint32) (i * 2654435761u), 0);
      workload_add (w, names[s], i % 5 == 0 ? RET_ERRNO (13) : RET_ALLOW, &c, 1, FALSE,
                    ON_ERROR_FAIL, NULL, NULL);
    }
  return w;
}

/* ------------------------------------------------------------------ */
/* The compilers                                                       */
/* ------------------------------------------------------------------ */

/* A policy no compiler can fit in 4096 instructions: 12000 distinct
 * 64-bit equality rules on x86_64 + x86. scmp-glib must refuse it with
 * SCMP_ERROR_TOO_LARGE at export (libseccomp is not run on it: at this
 * size it takes minutes). */
#define OVERFLOW_RULES 12000

static gboolean
overflow_gives_too_large (void)
{
  g_autoptr (ScmpAction) deny = scmp_action_new_errno (EPERM, NULL);
  g_autoptr (ScmpAction) allow = scmp_action_new_allow ();
  g_autoptr (ScmpFilter) filter = scmp_filter_new (deny);
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GError) error = NULL;
  static const char * const names[] = { "read", "write", "close", "lseek", "ioctl", "fcntl" };

  if (!scmp_filter_has_arch (filter, SCMP_ARCHITECTURE_X86_64))
    return FALSE;
  if (!scmp_filter_add_arch (filter, SCMP_ARCHITECTURE_X86, &error))
    return FALSE;
  for (guint i = 0; i < OVERFLOW_RULES; i++)
    {
      ScmpCondition c = make_cond (i % 2, SCMP_COMPARE_OP_EQ, (guint32) (i * 2654435761u), 0);
      g_autoptr (ScmpRule) rule = scmp_rule_newv (names[i % G_N_ELEMENTS (names)], allow, &c, 1);

      if (!scmp_filter_add_rule (filter, rule, &error))
        return FALSE;
    }
  bytes = scmp_filter_export_bpf (filter, &error);
  return bytes == NULL && g_error_matches (error, SCMP_ERROR, SCMP_ERROR_TOO_LARGE);
}

enum { C_SCMP, C_LSC, C_TREE, N_COMP };
static const char *comp_names[N_COMP] = { "scmp-glib", "libseccomp", "libseccomp tree" };

/* The phases a user pays for, timed separately; their sum is the compile
 * time. libseccomp has no separate "make": it takes each rule as it is
 * added, so its rule building is all in PH_BUILD. */
enum { PH_MAKE, PH_BUILD, PH_EXPORT, PH_FREE, N_PHASE };

typedef struct {
  struct sock_filter *insns;
  gsize               n;
  gboolean            too_large;     /* scmp-glib: SCMP_ERROR_TOO_LARGE */
  gboolean            hung;          /* did not finish in time (see compiles_in_time) */
  char               *error;         /* another failure */
  gint64              phase_ns[N_PHASE];
  gint64              total_ns;      /* the sum of the phases */
} Prog;

static void
prog_clear (Prog *p)
{
  g_clear_pointer (&p->insns, g_free);
  g_clear_pointer (&p->error, g_free);
  p->n = 0;
}

static gboolean
rule_error_ignored (const BRule *r, gboolean missing)
{
  return r->on_error == ON_ERROR_IGNORE || (r->on_error == ON_ERROR_IGNORE_MISSING && missing);
}

static guint8
hot_priority (const Workload *w, guint i)
{
  guint max = 1;

  for (guint k = 0; k < w->n_hot; k++)
    max = MAX (max, w->hot[k].weight);
  return (guint8) MAX (1, w->hot[i].weight * 255 / max);
}

/* @r as an scmp-glib rule with @action. */
static ScmpRule *
brule_new (const BRule *r, ScmpAction *action)
{
  return r->exact ? scmp_rule_new_exact (r->name, action, r->conds, r->n_conds)
                  : scmp_rule_newv (r->name, action, r->conds, r->n_conds);
}

/* An empty scmp-glib filter for @w's ABIs, with @def as its default action
 * and @bad (unless NULL) for the other ABIs. */
static ScmpFilter *
scmp_filter_for (const Workload *w, ScmpAction *def, ScmpAction *bad, GError **error)
{
  g_autoptr (ScmpFilter) filter = scmp_filter_new (def);

  if (bad != NULL)
    scmp_filter_set_bad_arch_action (filter, bad);
  if (w->unknown_action != 0)
    {
      g_autoptr (ScmpAction) unknown = scmp_action_new_from_kernel_value (w->unknown_action, NULL);

      scmp_filter_set_unknown_syscall_action (filter, unknown);
    }
  for (guint a = 0; a < w->n_arches; a++)
    if (!scmp_filter_has_arch (filter, w->arches[a]) &&
        !scmp_filter_add_arch (filter, w->arches[a], error))
      return NULL;
  return g_steal_pointer (&filter);
}

/* Whether scmp-glib takes every rule of @w (on its arches). */
static gboolean
scmp_accepts_all (const Workload *w)
{
  g_autoptr (ScmpAction) def = scmp_action_new_from_kernel_value (w->default_action, NULL);
  g_autoptr (ScmpFilter) filter = scmp_filter_for (w, def, NULL, NULL);
  g_autoptr (GPtrArray) rules = g_ptr_array_new_with_free_func (g_object_unref);

  if (filter == NULL)
    return FALSE;
  for (guint i = 0; i < w->rules->len; i++)
    {
      const BRule *r = &g_array_index (w->rules, BRule, i);
      g_autoptr (ScmpAction) act = scmp_action_new_from_kernel_value (r->action, NULL);

      if (act == NULL)
        return FALSE;
      g_ptr_array_add (rules, brule_new (r, act));
    }
  return scmp_filter_add_rules (filter, (ScmpRule **) rules->pdata, rules->len, NULL);
}

/* scmp-glib builds a filter from a list the way an application importing
 * a profile would: scmp_filter_add_rules(), all or nothing. A workload
 * with rules scmp-glib refuses (unknown to it, or ignored on error) adds
 * them one by one instead, skipping the failures as the application
 * would; w->scmp_one_by_one is found out before anything is timed.
 *
 * Timed, phase by phase: making the actions and rule objects; building
 * the filter (new, arches, rules, hints); exporting; freeing the filter,
 * the rules, the actions and the exported bytes. Turning the bytes into
 * the benchmark's own copy of the program is not timed: a user would not
 * do it. */
static void
compile_scmp (const Workload *w, gboolean hints, GPtrArray *log, Prog *out)
{
  struct { guint32 v; ScmpAction *a; } cache[16];
  guint n_cache = 0;
  g_autoptr (GError) error = NULL;
  ScmpAction *def, *bad;
  ScmpFilter *filter;
  GBytes *bytes;
  GPtrArray *rules;
  gint64 t[N_PHASE + 1];

  memset (out, 0, sizeof *out);
  t[0] = now_ns ();
  def = scmp_action_new_from_kernel_value (w->default_action, NULL);
  bad = scmp_action_new_from_kernel_value (w->badarch, NULL);
  rules = g_ptr_array_new_full (w->rules->len, g_object_unref);
  for (guint i = 0; i < w->rules->len; i++)
    {
      const BRule *r = &g_array_index (w->rules, BRule, i);
      ScmpAction *act = NULL;

      for (guint k = 0; k < n_cache; k++)
        if (cache[k].v == r->action)
          act = cache[k].a;
      if (act == NULL)
        {
          g_assert (n_cache < G_N_ELEMENTS (cache));
          act = scmp_action_new_from_kernel_value (r->action, NULL);
          cache[n_cache].v = r->action;
          cache[n_cache++].a = act;
        }
      g_ptr_array_add (rules, brule_new (r, act));
    }

  t[1] = now_ns ();
  filter = scmp_filter_for (w, def, bad, &error);
  if (filter == NULL)
    g_error ("add_arch: %s", error->message);
  if (!w->scmp_one_by_one)
    {
      if (!scmp_filter_add_rules (filter, (ScmpRule **) rules->pdata, rules->len, &error))
        g_error ("%s: scmp_filter_add_rules: %s (and w->scmp_one_by_one is not set)",
                 w->label, error->message);
    }
  else
    for (guint i = 0; i < rules->len; i++)
      {
        const BRule *r = &g_array_index (w->rules, BRule, i);

        if (!scmp_filter_add_rule (filter, g_ptr_array_index (rules, i), &error))
          {
            gboolean missing = g_error_matches (error, SCMP_ERROR, SCMP_ERROR_INVALID_SYSCALL);
            if (log)
              g_ptr_array_add (log, g_strdup_printf ("scmp-glib: rule %u (%s) %s: %s", i, r->name,
                                                     rule_error_ignored (r, missing) ? "skipped" : "FAILED",
                                                     error->message));
            g_clear_error (&error);
          }
      }
  if (hints)
    for (guint k = 0; k < w->n_hot; k++)
      if (!scmp_filter_set_priority (filter, w->hot[k].name, hot_priority (w, k), &error))
        g_error ("set_priority %s: %s", w->hot[k].name, error->message);

  t[2] = now_ns ();
  bytes = scmp_filter_export_bpf (filter, &error);
  t[3] = now_ns ();

  /* outside the timed phases */
  if (bytes == NULL)
    {
      if (g_error_matches (error, SCMP_ERROR, SCMP_ERROR_TOO_LARGE))
        out->too_large = TRUE;
      else
        out->error = g_strdup (error->message);
    }
  else
    out->insns = test_bpf_deserialize (bytes, FALSE, &out->n);

  {
    gint64 f0 = now_ns ();

    g_object_unref (filter);
    g_ptr_array_unref (rules);
    for (guint k = 0; k < n_cache; k++)
      g_object_unref (cache[k].a);
    g_object_unref (def);
    g_object_unref (bad);
    g_clear_pointer (&bytes, g_bytes_unref);
    t[4] = now_ns ();
    out->phase_ns[PH_FREE] = t[4] - f0;
  }
  for (guint ph = 0; ph < PH_FREE; ph++)
    out->phase_ns[ph] = t[ph + 1] - t[ph];
  out->total_ns = 0;
  for (guint ph = 0; ph < N_PHASE; ph++)
    out->total_ns += out->phase_ns[ph];
}

static int lsc_memfd = -1;

/* Timed: seccomp_init, the arches and the rules (names resolved as they
 * are added) as "build", seccomp_export_bpf() into a memfd, and
 * seccomp_release() as "free". */
static void
compile_lsc (const Workload *w, gboolean tree, gboolean hints, GPtrArray *log, Prog *out)
{
  scmp_filter_ctx ctx;
  gint64 t0, t1, t2, t3;
  off_t size;
  int rc;

  memset (out, 0, sizeof *out);
  if (ftruncate (lsc_memfd, 0) < 0 || lseek (lsc_memfd, 0, SEEK_SET) < 0)
    g_error ("memfd: %s", g_strerror (errno));

  t0 = now_ns ();
  ctx = seccomp_init (w->default_action);
  if (ctx == NULL)
    g_error ("seccomp_init failed");
  seccomp_attr_set (ctx, SCMP_FLTATR_ACT_BADARCH, w->badarch);
  if (tree)
    seccomp_attr_set (ctx, SCMP_FLTATR_CTL_OPTIMIZE, 2);
  for (guint a = 0; a < w->n_arches; a++)
    {
      rc = seccomp_arch_add (ctx, lsc_arch_token (w->arches[a]));
      if (rc < 0 && rc != -EEXIST)
        g_error ("seccomp_arch_add: %s", g_strerror (-rc));
    }

  for (guint i = 0; i < w->rules->len; i++)
    {
      const BRule *r = &g_array_index (w->rules, BRule, i);
      struct scmp_arg_cmp c[6];
      int nr = seccomp_syscall_resolve_name (r->name);

      if (nr == __NR_SCMP_ERROR)
        {
          if (log)
            g_ptr_array_add (log, g_strdup_printf ("libseccomp: rule %u (%s): unknown name", i, r->name));
          continue;
        }
      for (guint k = 0; k < r->n_conds; k++)
        c[k] = lsc_arg_cmp (&r->conds[k]);
      rc = r->exact ? seccomp_rule_add_exact_array (ctx, r->action, nr, r->n_conds, c)
                    : seccomp_rule_add_array (ctx, r->action, nr, r->n_conds, c);
      if (rc < 0 && log)
        g_ptr_array_add (log, g_strdup_printf ("%s: rule %u (%s) %s: %s", comp_names[tree ? C_TREE : C_LSC],
                                               i, r->name,
                                               rule_error_ignored (r, rc == -EFAULT || rc == -EDOM)
                                                 ? "skipped" : "FAILED",
                                               g_strerror (-rc)));
    }
  if (hints)
    for (guint k = 0; k < w->n_hot; k++)
      seccomp_syscall_priority (ctx, seccomp_syscall_resolve_name (w->hot[k].name), hot_priority (w, k));

  t1 = now_ns ();
  rc = seccomp_export_bpf (ctx, lsc_memfd);
  t2 = now_ns ();
  seccomp_release (ctx);
  t3 = now_ns ();
  out->phase_ns[PH_BUILD] = t1 - t0;
  out->phase_ns[PH_EXPORT] = t2 - t1;
  out->phase_ns[PH_FREE] = t3 - t2;
  out->total_ns = t3 - t0;
  if (rc < 0)
    {
      out->error = g_strdup_printf ("seccomp_export_bpf: %s", g_strerror (-rc));
      return;
    }

  size = lseek (lsc_memfd, 0, SEEK_CUR);
  out->n = size / sizeof (struct sock_filter);
  out->insns = g_new (struct sock_filter, MAX (out->n, 1));
  if (pread (lsc_memfd, out->insns, size, 0) != size)
    g_error ("pread: %s", g_strerror (errno));
}

static void
compile (const Workload *w, guint comp, gboolean hints, GPtrArray *log, Prog *out)
{
  if (comp == C_SCMP)
    compile_scmp (w, hints, log, out);
  else
    compile_lsc (w, comp == C_TREE, hints, log, out);
}

/* --profile-compile: the scmp-glib compile of one workload, phase by
 * phase, for profiling (perf record) rather than comparing. */
static void
profile_compile (const Workload *w,
                 guint           reps)
{
  static const char *phases[] = { "make rules", "add rules", "export", "free",
                                  "add_rule one by one (instead of add rules)" };
  g_autofree double *t = g_new (double, 5 * reps);
  g_autoptr (ScmpAction) def = scmp_action_new_from_kernel_value (w->default_action, NULL);
  g_autoptr (ScmpAction) bad = scmp_action_new_from_kernel_value (w->badarch, NULL);
  g_autoptr (GPtrArray) actions = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree double *col = g_new (double, reps);
  double total = 0;

  /* The first compile of each in this process: what an application that
   * builds one filter at start pays (types registered, pages mapped). */
  {
    Prog first;

    compile_scmp (w, FALSE, NULL, &first);
    printf ("%s, first compile in the process: scmp-glib %.3f ms", w->label, first.total_ns / 1e6);
    prog_clear (&first);
    compile_lsc (w, TRUE, FALSE, NULL, &first);
    printf (", libseccomp's tree %.3f ms\n", first.total_ns / 1e6);
    prog_clear (&first);
  }

  for (guint i = 0; i < w->rules->len; i++)
    g_ptr_array_add (actions, scmp_action_new_from_kernel_value (
                       g_array_index (w->rules, BRule, i).action, NULL));

  for (guint rep = 0; rep < reps; rep++)
    {
      g_autoptr (GPtrArray) rules = g_ptr_array_new_with_free_func (g_object_unref);
      g_autoptr (GBytes) bytes = NULL;
      ScmpFilter *filter;
      gint64 t0, t1, t2, t3, t4;

      t0 = now_ns ();
      for (guint i = 0; i < w->rules->len; i++)
        {
          g_ptr_array_add (rules, brule_new (&g_array_index (w->rules, BRule, i),
                                             g_ptr_array_index (actions, i)));
        }
      t1 = now_ns ();
      filter = scmp_filter_for (w, def, bad, NULL);
      if (filter == NULL || !scmp_filter_add_rules (filter, (ScmpRule **) rules->pdata, rules->len, NULL))
        g_error ("%s: scmp-glib refuses a rule", w->label);
      t2 = now_ns ();
      bytes = scmp_filter_export_bpf (filter, NULL);
      g_assert (bytes != NULL);
      t3 = now_ns ();
      g_object_unref (filter);
      g_ptr_array_set_size (rules, 0);
      t4 = now_ns ();
      t[0 * reps + rep] = (t1 - t0) / 1e6;
      t[1 * reps + rep] = (t2 - t1) / 1e6;
      t[2 * reps + rep] = (t3 - t2) / 1e6;
      t[3 * reps + rep] = (t4 - t3) / 1e6;

      /* The same rules again, one add_rule() at a time: four signals each. */
      filter = scmp_filter_for (w, def, bad, NULL);
      t0 = now_ns ();
      for (guint i = 0; i < w->rules->len; i++)
        {
          g_autoptr (ScmpRule) rule = brule_new (&g_array_index (w->rules, BRule, i),
                                                 g_ptr_array_index (actions, i));

          scmp_filter_add_rule (filter, rule, NULL);
        }
      t1 = now_ns ();
      t[4 * reps + rep] = (t1 - t0) / 1e6 - t[0 * reps + rep];
      g_object_unref (filter);
    }

  printf ("%s, scmp-glib, %u rules, median over %u:\n", w->label, w->rules->len, reps);
  for (guint p = 0; p < G_N_ELEMENTS (phases); p++)
    {
      memcpy (col, t + p * reps, reps * sizeof (double));
      printf ("  %s %.3f ms\n", phases[p], median (col, reps));
      if (p < 4)
        total += median (col, reps);
    }
  printf ("  total (make + add + export + free) %.3f ms\n", total);

  /* up to 100 repetitions, fewer after 5 s: the tree takes seconds on
   * the large filters */
  {
    gint64 start = now_ns ();
    guint n = 0;

    while (n < MIN (reps, 100) && (n < 3 || now_ns () - start < 5 * G_GINT64_CONSTANT (1000000000)))
      {
        Prog p;

        compile_lsc (w, TRUE, FALSE, NULL, &p);
        col[n++] = p.total_ns / 1e6;
        prog_clear (&p);
      }
    printf ("libseccomp's binary tree: %.3f ms (median of %u), %.1f× scmp-glib's time\n",
            median (col, n), n, median (col, n) / total);
  }
}

/* A compiler that never returns would stall the whole benchmark: the first
 * scmp-glib compile of every workload runs in a forked child first, with
 * a deadline. */
static gboolean
compiles_in_time (const Workload *w, guint comp, guint seconds)
{
  pid_t pid;
  int status;

  fflush (stdout);
  fflush (stderr);
  pid = fork ();
  if (pid < 0)
    g_error ("fork: %s", g_strerror (errno));
  if (pid == 0)
    {
      Prog p;
      alarm (seconds);
      compile (w, comp, FALSE, NULL, &p);
      _exit (0);
    }
  if (waitpid (pid, &status, 0) < 0)
    g_error ("waitpid: %s", g_strerror (errno));
  return WIFEXITED (status) && WEXITSTATUS (status) == 0;
}

/* Compile times of one workload, per compiler: medians of the total and
 * of each phase, the 10th and 90th percentiles of the total, and the
 * median of the total without freeing. */
typedef struct {
  double total_ms, lo_ms, hi_ms;
  double phase_ms[N_PHASE];
  double nofree_ms;               /* make + build + export */
  guint  reps;
} Timing;

/* Repetition r runs the compilers in the order rotated by r (scmp-glib,
 * libseccomp, tree; then libseccomp, tree, scmp-glib; …), so that no
 * compiler always runs first and none runs twice in a row on its own warm
 * caches. Up to 101 repetitions (3 in --quick), fewer when they take
 * long: at least 5 (3), then stop once one compiler has spent about 4 s
 * (0.3 s), the budget per compiler the back-to-back loop this replaces
 * had. A compiler whose first compile (@first, from evaluate) took over a
 * second (half a second in --quick) keeps that one measurement and is
 * left out of the rotation. */
static void
time_compilers (const Workload *w, const Prog first[N_COMP], Timing out[N_COMP])
{
  guint max_reps = opt_quick ? 3 : 101;
  double budget = opt_quick ? 0.3 : 4.0;
  gint64 slow = opt_quick ? 500000000 : 1000000000;
  gboolean rotate[N_COMP];
  guint n_rotate = 0, reps = 0, min_reps = opt_quick ? 3 : 5;
  double spent[N_COMP] = { 0 };
  g_autofree double *t = g_new0 (double, (gsize) N_COMP * (N_PHASE + 2) * max_reps);

  /* t[((c * (N_PHASE + 2)) + k) * max_reps + r]: k < N_PHASE a phase,
   * N_PHASE the total, N_PHASE + 1 the total without freeing */
#define T(c, k, r) t[((gsize) (c) * (N_PHASE + 2) + (k)) * max_reps + (r)]
  for (guint c = 0; c < N_COMP; c++)
    {
      memset (&out[c], 0, sizeof out[c]);
      rotate[c] = !first[c].hung && first[c].total_ns <= slow;
      n_rotate += rotate[c];
      if (first[c].hung)
        {
          out[c].total_ms = out[c].lo_ms = out[c].hi_ms = out[c].nofree_ms = NAN;
          for (guint k = 0; k < N_PHASE; k++)
            out[c].phase_ms[k] = NAN;
        }
      else if (!rotate[c])
        {
          out[c].reps = 1;
          out[c].total_ms = out[c].lo_ms = out[c].hi_ms = first[c].total_ns / 1e6;
          out[c].nofree_ms = (first[c].total_ns - first[c].phase_ns[PH_FREE]) / 1e6;
          for (guint k = 0; k < N_PHASE; k++)
            out[c].phase_ms[k] = first[c].phase_ns[k] / 1e6;
        }
    }
  if (n_rotate == 0)
    return;

  while (reps < max_reps)
    {
      gboolean over = FALSE;

      for (guint k = 0; k < N_COMP; k++)
        {
          guint c = (reps + k) % N_COMP;
          gint64 t0 = now_ns ();
          Prog p;

          if (!rotate[c])
            continue;
          compile (w, c, FALSE, NULL, &p);
          for (guint ph = 0; ph < N_PHASE; ph++)
            T (c, ph, reps) = p.phase_ns[ph] / 1e6;
          T (c, N_PHASE, reps) = p.total_ns / 1e6;
          T (c, N_PHASE + 1, reps) = (p.total_ns - p.phase_ns[PH_FREE]) / 1e6;
          prog_clear (&p);
          spent[c] += (now_ns () - t0) / 1e9;
          over = over || spent[c] > budget;
        }
      reps++;
      /* every compiler gets the same repetitions: the slowest one's
       * budget decides */
      if (reps >= min_reps && over)
        break;
    }

  for (guint c = 0; c < N_COMP; c++)
    {
      if (!rotate[c])
        continue;
      out[c].reps = reps;
      for (guint ph = 0; ph < N_PHASE; ph++)
        out[c].phase_ms[ph] = median (&T (c, ph, 0), reps);
      out[c].total_ms = median (&T (c, N_PHASE, 0), reps);   /* sorts them */
      out[c].lo_ms = percentile (&T (c, N_PHASE, 0), reps, 0.1);
      out[c].hi_ms = percentile (&T (c, N_PHASE, 0), reps, 0.9);
      out[c].nofree_ms = median (&T (c, N_PHASE + 1, 0), reps);
    }
#undef T
}

/* ------------------------------------------------------------------ */
/* Probing                                                             */
/* ------------------------------------------------------------------ */

typedef struct {
  ScmpArchitecture arch;
  guint32          audit;
  GArray          *data;       /* ScmpBpfData */
  GArray          *zero_nrs;   /* gint32: the numbers probed with zero args, table first */
  guint            n_table;    /* how many of zero_nrs are in the table */
} Probes;

/* A value of the argument that satisfies every condition on it, if the
 * first condition's natural witness does. */
static gboolean
witness (const BRule *r, guint64 args[6])
{
  memset (args, 0, 6 * sizeof (guint64));
  for (guint k = 0; k < r->n_conds; k++)
    {
      const ScmpCondition *c = &r->conds[k];
      guint64 v;
      switch (c->op)
        {
        case SCMP_COMPARE_OP_EQ: case SCMP_COMPARE_OP_LE: case SCMP_COMPARE_OP_GE:
          v = c->datum; break;
        case SCMP_COMPARE_OP_NE: v = c->datum + 1; break;
        case SCMP_COMPARE_OP_LT: v = c->datum ? c->datum - 1 : 0; break;
        case SCMP_COMPARE_OP_GT: v = c->datum + 1; break;
        case SCMP_COMPARE_OP_MASKED_EQ: default: v = c->datum; break;
        }
      args[c->arg] = v;
    }
  for (guint k = 0; k < r->n_conds; k++)
    if (!scmp_condition_matches (&r->conds[k], args[r->conds[k].arg]))
      return FALSE;
  return r->n_conds > 0;
}

static Probes *
make_probes (const Workload *w, ScmpArchitecture arch)
{
  Probes *p = g_new0 (Probes, 1);
  g_auto (GStrv) names = scmp_syscall_list_names (arch);
  gint32 max = 0, base = arch == SCMP_ARCHITECTURE_X32 ? X32_BIT : 0;
  gboolean wide = scmp_architecture_get_word_size (arch) == 64;

  p->arch = arch;
  p->audit = scmp_architecture_get_audit_arch (arch);
  p->data = g_array_new (FALSE, TRUE, sizeof (ScmpBpfData));
  p->zero_nrs = g_array_new (FALSE, FALSE, sizeof (gint32));
  for (guint i = 0; names[i]; i++)
    {
      gint32 nr = scmp_syscall_resolve_name (arch, names[i]);
      g_array_append_val (p->zero_nrs, nr);
      max = MAX (max, nr);
    }
  p->n_table = p->zero_nrs->len;
  max = MAX (max, base);
  for (gint32 k = 1; k <= 64; k++)
    {
      gint32 nr = max + k;
      g_array_append_val (p->zero_nrs, nr);
    }
  {
    gint32 m1 = -1;
    g_array_append_val (p->zero_nrs, m1);
  }
  for (guint i = 0; i < p->zero_nrs->len; i++)
    {
      ScmpBpfData d = { 0 };
      d.nr = g_array_index (p->zero_nrs, gint32, i);
      d.arch = p->audit;
      g_array_append_val (p->data, d);
    }
  /* one argument vector per conditional rule that matches it */
  for (guint i = 0; i < w->rules->len; i++)
    {
      const BRule *r = &g_array_index (w->rules, BRule, i);
      gint32 nr = scmp_syscall_resolve_name (arch, r->name);
      ScmpBpfData d = { 0 };
      gboolean fits = TRUE;

      if (nr < 0 || r->n_conds == 0 || !witness (r, d.args))
        continue;
      for (guint k = 0; k < 6; k++)
        if (!wide && d.args[k] > G_MAXUINT32)
          fits = FALSE;
      if (!fits)
        continue;
      d.nr = nr;
      d.arch = p->audit;
      g_array_append_val (p->data, d);
    }
  return p;
}

static void
probes_free (Probes *p)
{
  g_array_unref (p->data);
  g_array_unref (p->zero_nrs);
  g_free (p);
}

/* What the policy allows for every input: the rules of @nr (first match
 * decides) can only produce ALLOW, and some unconditional rule or the
 * default ends it with ALLOW. */
static gboolean
policy_always_allows (const Workload *w, ScmpArchitecture arch, gint32 nr)
{
  for (guint i = 0; i < w->rules->len; i++)
    {
      const BRule *r = &g_array_index (w->rules, BRule, i);
      if (scmp_syscall_resolve_name (arch, r->name) != nr)
        continue;
      if (r->action != RET_ALLOW)
        return FALSE;
      if (r->n_conds == 0)
        return TRUE;
    }
  return w->default_action == RET_ALLOW;
}

static char *
action_name (guint32 ret)
{
  switch (ret & 0xffff0000u)
    {
    case 0x7fff0000u: return g_strdup ("ALLOW");
    case 0x00050000u: return g_strdup_printf ("ERRNO(%u)", ret & 0xffff);
    case 0x80000000u: return g_strdup ("KILL_PROCESS");
    case 0x00000000u: return g_strdup ("KILL_THREAD");
    case 0x00030000u: return g_strdup_printf ("TRAP(%u)", ret & 0xffff);
    case 0x7ff00000u: return g_strdup_printf ("TRACE(%u)", ret & 0xffff);
    case 0x7ffc0000u: return g_strdup ("LOG");
    case 0x7fc00000u: return g_strdup ("NOTIFY");
    default: return g_strdup_printf ("0x%08x", ret);
    }
}

typedef struct {
  double   mean;
  double   mean_table;      /* the table's numbers with zero args only */
  guint    max;
  guint32 *rets;            /* per probe */
  gboolean ok;
} ExecStats;

static ExecStats
run_probes (const Prog *prog, const Probes *p, const char *what)
{
  ExecStats s = { 0 };
  double sum = 0;

  s.rets = g_new0 (guint32, p->data->len);
  if (prog->insns == NULL)
    return s;
  for (guint i = 0; i < p->data->len; i++)
    {
      const ScmpBpfData *d = &g_array_index (p->data, ScmpBpfData, i);
      ScmpBpfResult r = _scmp_bpf_run (prog->insns, prog->n, d, FALSE);
      if (r.error)
        {
          fail ("%s: the interpreter stopped on an error for nr %d", what, d->nr);
          return s;
        }
      s.rets[i] = r.ret;
      if (i == p->n_table)
        s.mean_table = sum / p->n_table;
      sum += r.n_executed;
      s.max = MAX (s.max, r.n_executed);
    }
  s.mean = sum / p->data->len;
  s.ok = TRUE;
  return s;
}

/* ------------------------------------------------------------------ */
/* Kernel cost                                                         */
/* ------------------------------------------------------------------ */

typedef struct {
  double min_ns, median_ns;
  gboolean ok, skipped;
  long first_ret;
} KernelCost;

#define MAX_BATCHES 64

static int bench_cpu = -1;   /* the CPU the children run on */

/* Runs, in a forked child with @prog loaded (NULL: no filter), @batches
 * batches of @calls calls of syscall(@nr, @a0); returns ns per call of
 * each batch through @out. */
static gboolean
kernel_batches (const Prog *prog, long nr, unsigned long a0, guint batches, guint calls,
                double *out, long *first_ret)
{
  int fds[2];
  pid_t pid;
  double buf[MAX_BATCHES + 1];
  ssize_t got;
  int status;

  g_assert (batches <= MAX_BATCHES);
  if (pipe (fds) < 0)
    return FALSE;
  fflush (stdout);
  fflush (stderr);
  pid = fork ();
  if (pid < 0)
    return FALSE;
  if (pid == 0)
    {
      close (fds[0]);
      if (bench_cpu >= 0)
        {
          cpu_set_t set;
          CPU_ZERO (&set);
          CPU_SET (bench_cpu, &set);
          sched_setaffinity (0, sizeof set, &set);
        }
      if (prog)
        {
          struct sock_fprog fp = { .len = (unsigned short) prog->n, .filter = prog->insns };
          if (prctl (PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) < 0 ||
              syscall (SYS_seccomp, SECCOMP_SET_MODE_FILTER, SECCOMP_FILTER_FLAG_SPEC_ALLOW, &fp) < 0)
            _exit (2);
        }
      buf[0] = (double) syscall (nr, a0, 0, 0, 0, 0, 0);
      for (guint i = 0; i < calls; i++)   /* warm up */
        syscall (nr, a0, 0, 0, 0, 0, 0);
      for (guint b = 0; b < batches; b++)
        {
          struct timespec t0, t1;
          /* CPU time of the thread: the machine may be shared, and time
           * slices given to other processes must not count */
          clock_gettime (CLOCK_THREAD_CPUTIME_ID, &t0);
          for (guint i = 0; i < calls; i++)
            syscall (nr, a0, 0, 0, 0, 0, 0);
          clock_gettime (CLOCK_THREAD_CPUTIME_ID, &t1);
          buf[b + 1] = ((t1.tv_sec - t0.tv_sec) * 1e9 + (t1.tv_nsec - t0.tv_nsec)) / calls;
        }
      if (write (fds[1], buf, (batches + 1) * sizeof (double)) < 0)
        _exit (3);
      _exit (0);
    }
  close (fds[1]);
  got = read (fds[0], buf, sizeof buf);
  close (fds[0]);
  waitpid (pid, &status, 0);
  if (!WIFEXITED (status) || WEXITSTATUS (status) != 0 ||
      got != (ssize_t) ((batches + 1) * sizeof (double)))
    return FALSE;
  *first_ret = (long) buf[0];
  memcpy (out, buf + 1, batches * sizeof (double));
  return TRUE;
}

/* Configurations (no filter + the three programs) take turns, round after
 * round, so that drift in the machine hits all of them alike. */
static void
kernel_cost (Prog *progs, long nr, unsigned long a0, KernelCost out[N_COMP + 1])
{
  guint rounds = opt_quick ? 1 : 4, batches = opt_quick ? 5 : 15;
  guint calls = opt_quick ? 10000 : 20000;
  double all[N_COMP + 1][3 * MAX_BATCHES];
  guint n[N_COMP + 1] = { 0 };

  for (guint c = 0; c <= N_COMP; c++)
    {
      out[c].ok = TRUE;
      out[c].skipped = FALSE;
      out[c].first_ret = 0;
    }
  for (guint r = 0; r < rounds; r++)
    for (guint c = 0; c <= N_COMP; c++)
      {
        const Prog *p = c == 0 ? NULL : &progs[c - 1];
        long first;
        if (p && (p->insns == NULL || p->n > SCMP_BPF_MAX_INSNS))
          {
            out[c].ok = FALSE;
            out[c].skipped = TRUE;
            continue;
          }
        if (!kernel_batches (p, nr, a0, batches, calls, all[c] + n[c], &first))
          {
            out[c].ok = FALSE;
            continue;
          }
        out[c].first_ret = first;
        n[c] += batches;
      }
  for (guint c = 0; c <= N_COMP; c++)
    {
      if (n[c] == 0)
        {
          out[c].ok = FALSE;
          continue;
        }
      out[c].median_ns = median (all[c], n[c]);
      out[c].min_ns = all[c][0];   /* sorted by median() */
    }
}

/* ------------------------------------------------------------------ */
/* Results                                                             */
/* ------------------------------------------------------------------ */

typedef struct {
  Workload *w;
  Prog      progs[N_COMP];
  Probes   *probes[4];
  ExecStats exec[N_COMP][4];
  guint     cached[N_COMP][4];   /* unconditional allows served by the cache */
  guint     uncond[4];           /* unconditional allows in the table, per ABI */
  Timing    time[N_COMP];
  guint     disagree_lsc, disagree_tree, n_probes;
} Result;

static const char *
abi_name (ScmpArchitecture a)
{
  return scmp_architecture_to_name (a);
}

static gboolean
cacheable_abi (const Workload *w, guint a)
{
  /* The kernel caches the native ABI (x86_64) and the compat one (x86);
   * x32 numbers are never cached. */
  (void) w;
  return w->arches[a] == SCMP_ARCHITECTURE_X86_64 || w->arches[a] == SCMP_ARCHITECTURE_X86;
}

static void
check_program (const Prog *p, const char *what, gboolean is_scmp)
{
  g_autoptr (GError) error = NULL;

  if (p->error)
    {
      fail ("%s: %s", what, p->error);
      return;
    }
  if (p->insns == NULL)
    return;
  if (is_scmp && p->n > SCMP_BPF_MAX_INSNS)
    fail ("%s: %zu instructions, over the kernel's limit, and no SCMP_ERROR_TOO_LARGE", what, p->n);
  if (p->n <= SCMP_BPF_MAX_INSNS && !_scmp_bpf_validate (p->insns, p->n, &error))
    fail ("%s: the kernel's checker would refuse the program: %s", what, error->message);
}

static void
report_disagreement (const Result *res, guint a, guint i, guint comp)
{
  const Probes *p = res->probes[a];
  const ScmpBpfData *d = &g_array_index (p->data, ScmpBpfData, i);
  const char *name = scmp_syscall_resolve_number (p->arch, d->nr);
  g_autofree char *s = action_name (res->exec[C_SCMP][a].rets[i]);
  g_autofree char *l = action_name (res->exec[comp][a].rets[i]);

  char *msg = g_strdup_printf ("%s %s: nr %d (%s) args {0x%" G_GINT64_MODIFIER "x, 0x%"
                               G_GINT64_MODIFIER "x, 0x%" G_GINT64_MODIFIER "x, …}: "
                               "scmp-glib %s, %s %s",
                               res->w->label, abi_name (p->arch), d->nr, name ? name : "?",
                               d->args[0], d->args[1], d->args[2], s, comp_names[comp], l);

  if (res->w->same_meaning)
    printf ("  %s\n", msg);
  else
    note ("disagreement (not asserted): %s", msg);
  g_free (msg);
}

static Result *
evaluate (Workload *w, gboolean timing)
{
  Result *res = g_new0 (Result, 1);
  g_autoptr (GPtrArray) log = g_ptr_array_new_with_free_func (g_free);

  res->w = w;
  fprintf (stderr, "… %s\n", w->label);
  w->scmp_one_by_one = !scmp_accepts_all (w);
  for (guint c = 0; c < N_COMP; c++)
    {
      g_autofree char *what = g_strdup_printf ("%s / %s", w->label, comp_names[c]);
      guint deadline = opt_quick ? 5 : 60;
      if (c == C_SCMP && !compiles_in_time (w, c, deadline))
        {
          fail ("%s: scmp-glib's compiler did not finish within %u s (the child was killed); "
                "no figures for scmp-glib on this workload", w->label, deadline);
          memset (&res->progs[c], 0, sizeof res->progs[c]);
          res->progs[c].hung = TRUE;
          continue;
        }
      compile (w, c, FALSE, log, &res->progs[c]);
      check_program (&res->progs[c], what, c == C_SCMP);
    }
  for (guint i = 0; i < log->len; i++)
    {
      const char *m = g_ptr_array_index (log, i);
      if (strstr (m, "FAILED"))
        fail ("%s: %s", w->label, m);
      else
        note ("%s: %s", w->label, m);
    }

  for (guint a = 0; a < w->n_arches; a++)
    {
      Probes *p = res->probes[a] = make_probes (w, w->arches[a]);

      for (guint c = 0; c < N_COMP; c++)
        {
          g_autofree char *what = g_strdup_printf ("%s / %s / %s", w->label, comp_names[c],
                                                   abi_name (w->arches[a]));
          res->exec[c][a] = run_probes (&res->progs[c], p, what);
        }
      res->n_probes += p->data->len;

      /* agreement on the action, probe by probe */
      for (guint c = C_LSC; c < N_COMP; c++)
        {
          guint shown = 0;
          if (!res->exec[C_SCMP][a].ok || !res->exec[c][a].ok)
            continue;
          for (guint i = 0; i < p->data->len; i++)
            if (res->exec[C_SCMP][a].rets[i] != res->exec[c][a].rets[i])
              {
                if (c == C_LSC)
                  res->disagree_lsc++;
                else
                  res->disagree_tree++;
                if (shown++ < 10)
                  report_disagreement (res, a, i, c);
              }
        }

      /* the action cache, for the ABIs the kernel caches */
      if (cacheable_abi (w, a))
        for (guint i = 0; i < p->n_table; i++)
          {
            gint32 nr = g_array_index (p->zero_nrs, gint32, i);
            if (!policy_always_allows (w, w->arches[a], nr))
              continue;
            res->uncond[a]++;
            for (guint c = 0; c < N_COMP; c++)
              if (res->progs[c].insns &&
                  test_bpf_is_const_allow (res->progs[c].insns, res->progs[c].n, p->audit, nr))
                res->cached[c][a]++;
          }
    }
  if (w->same_meaning && (res->disagree_lsc || res->disagree_tree) &&
      res->progs[C_LSC].n <= SCMP_BPF_MAX_INSNS && res->progs[C_SCMP].insns)
    fail ("%s: scmp-glib and libseccomp disagree on %u (default) / %u (tree) of %u probes",
          w->label, res->disagree_lsc, res->disagree_tree, res->n_probes);

  if (timing)
    time_compilers (w, res->progs, res->time);
  return res;
}

static void
result_free (Result *res)
{
  for (guint c = 0; c < N_COMP; c++)
    {
      prog_clear (&res->progs[c]);
      for (guint a = 0; a < 4; a++)
        g_free (res->exec[c][a].rets);
    }
  for (guint a = 0; a < 4; a++)
    if (res->probes[a])
      probes_free (res->probes[a]);
  workload_free (res->w);
  g_free (res);
}

static char *
fmt_len (const Prog *p)
{
  if (p->too_large)
    return g_strdup ("TOO_LARGE");
  if (p->hung)
    return g_strdup ("HANG");
  if (p->insns == NULL)
    return g_strdup ("error");
  if (p->n > SCMP_BPF_MAX_INSNS)
    return g_strdup_printf ("%zu*", p->n);
  return g_strdup_printf ("%zu", p->n);
}

static char *
fmt_ms (double ms, int digits)
{
  if (isnan (ms))
    return g_strdup ("HANG");
  return g_strdup_printf ("%.*f", digits, ms);
}

/* "median (p10–p90)", or the single measurement */
static char *
fmt_timing (const Timing *t, int digits)
{
  if (isnan (t->total_ms))
    return g_strdup ("HANG");
  if (t->reps <= 1)
    return g_strdup_printf ("%.*f", digits, t->total_ms);
  return g_strdup_printf ("%.*f (%.*f–%.*f)", digits, t->total_ms, digits, t->lo_ms,
                          digits, t->hi_ms);
}

static char *
fmt_share (double part, double whole)
{
  if (!(whole > 0) || isnan (part))
    return g_strdup ("—");
  return g_strdup_printf ("%.0f%%", 100 * part / whole);
}

static char *
fmt_ratio (double a, double b)
{
  if (!(b > 0) || !(a > 0))
    return g_strdup ("—");
  return g_strdup_printf ("%.2f", a / b);
}

/* ------------------------------------------------------------------ */
/* SVG plot                                                            */
/* ------------------------------------------------------------------ */

typedef struct {
  double x[16], y[16];
  gboolean hollow[16];   /* a program the kernel would not take */
  guint n;
} Series;

static const char *comp_colors[N_COMP] = { "#1a73e8", "#d93025", "#f29900" };

static void
svg_panel (GString *svg, double ox, double oy, double w, double h,
           const char *title, const char *xlabel, const char *ylabel,
           const char *hollow_note, Series s[N_COMP], gboolean logx, gboolean logy)
{
  double xmin = G_MAXDOUBLE, xmax = -G_MAXDOUBLE, ymin = G_MAXDOUBLE, ymax = -G_MAXDOUBLE;
  double px0 = ox + 60, py0 = oy + 30, pw = w - 80, ph = h - 80;

#define TX(v) (px0 + ((logx ? log10 (v) : (v)) - xmin) / (xmax - xmin) * pw)
#define TY(v) (py0 + ph - ((logy ? log10 (v) : (v)) - ymin) / (ymax - ymin) * ph)

  for (guint c = 0; c < N_COMP; c++)
    for (guint i = 0; i < s[c].n; i++)
      {
        double x = logx ? log10 (s[c].x[i]) : s[c].x[i];
        double y = logy ? log10 (s[c].y[i]) : s[c].y[i];
        xmin = MIN (xmin, x); xmax = MAX (xmax, x);
        ymin = MIN (ymin, y); ymax = MAX (ymax, y);
      }
  if (xmin > xmax)
    return;
  if (logy)
    {
      ymin = floor (ymin);
      ymax = ceil (ymax);
    }
  else
    {
      double step;
      ymin = 0;
      step = pow (10, floor (log10 (ymax)));
      ymax = ceil (ymax / step) * step;
    }
  if (logx)
    {
      xmin = floor (xmin * 2) / 2;
      xmax = ceil (xmax * 2) / 2;
    }
  else
    xmin = 0;
  if (ymax <= ymin)
    ymax = ymin + 1;

  g_string_append_printf (svg, "<text x='%.1f' y='%.1f' font-weight='bold'>%s</text>\n",
                          ox + 60, oy + 18, title);
  g_string_append_printf (svg, "<rect x='%.1f' y='%.1f' width='%.1f' height='%.1f' fill='none' stroke='#888'/>\n",
                          px0, py0, pw, ph);
  /* y ticks: 1, 2, 5 × 10^k on a log axis, fifths otherwise */
  for (int k = 0; k <= (logy ? 3 * (int) (ymax - ymin) : 5); k++)
    {
      static const double mant[] = { 1, 2, 5 };
      double label = logy ? mant[k % 3] * pow (10, ymin + k / 3) : ymin + (ymax - ymin) * k / 5;
      if (logy && ymax - ymin > 4 && k % 3 != 0)
        continue;   /* many decades: powers of ten only */
      double v = logy ? log10 (label) : label;
      double y = py0 + ph - (v - ymin) / (ymax - ymin) * ph;
      if (v > ymax + 1e-9)
        break;
      g_string_append_printf (svg, "<line x1='%.1f' y1='%.1f' x2='%.1f' y2='%.1f' stroke='#eee'/>\n",
                              px0, y, px0 + pw, y);
      g_string_append_printf (svg, label >= 1
                              ? "<text x='%.1f' y='%.1f' text-anchor='end' font-size='11'>%.0f</text>\n"
                              : "<text x='%.1f' y='%.1f' text-anchor='end' font-size='11'>%g</text>\n",
                              px0 - 4, y + 4, label);
    }
  /* x ticks at the data points of the first series */
  for (guint i = 0; i < s[0].n; i++)
    {
      double x = TX (s[0].x[i]);
      g_string_append_printf (svg, "<line x1='%.1f' y1='%.1f' x2='%.1f' y2='%.1f' stroke='#eee'/>\n",
                              x, py0, x, py0 + ph);
      g_string_append_printf (svg, "<text x='%.1f' y='%.1f' text-anchor='middle' font-size='11'>%g</text>\n",
                              x, py0 + ph + 14, s[0].x[i]);
    }
  g_string_append_printf (svg, "<text x='%.1f' y='%.1f' text-anchor='middle' font-size='12'>%s</text>\n",
                          px0 + pw / 2, py0 + ph + 32, xlabel);
  g_string_append_printf (svg, "<text x='%.1f' y='%.1f' text-anchor='middle' font-size='12' "
                          "transform='rotate(-90 %.1f %.1f)'>%s</text>\n",
                          ox + 14, py0 + ph / 2, ox + 14, py0 + ph / 2, ylabel);
  for (guint c = 0; c < N_COMP; c++)
    {
      if (s[c].n == 0)
        continue;
      g_string_append_printf (svg, "<polyline fill='none' stroke='%s' stroke-width='2' points='", comp_colors[c]);
      for (guint i = 0; i < s[c].n; i++)
        g_string_append_printf (svg, "%.1f,%.1f ", TX (s[c].x[i]), TY (s[c].y[i]));
      g_string_append (svg, "'/>\n");
      for (guint i = 0; i < s[c].n; i++)
        g_string_append_printf (svg, "<circle cx='%.1f' cy='%.1f' r='%s' fill='%s' stroke='%s' stroke-width='1.5'/>\n",
                                TX (s[c].x[i]), TY (s[c].y[i]), s[c].hollow[i] ? "4" : "3",
                                s[c].hollow[i] ? "white" : comp_colors[c], comp_colors[c]);
    }
  /* legend */
  for (guint c = 0; c < N_COMP; c++)
    {
      double ly = py0 + 12 + 16 * c;
      g_string_append_printf (svg, "<line x1='%.1f' y1='%.1f' x2='%.1f' y2='%.1f' stroke='%s' stroke-width='2'/>\n",
                              px0 + 10, ly - 4, px0 + 30, ly - 4, comp_colors[c]);
      g_string_append_printf (svg, "<text x='%.1f' y='%.1f' font-size='11'>%s</text>\n",
                              px0 + 35, ly, comp_names[c]);
    }
  if (hollow_note)
    g_string_append_printf (svg, "<circle cx='%.1f' cy='%.1f' r='4' fill='white' stroke='#555' stroke-width='1.5'/>"
                            "<text x='%.1f' y='%.1f' font-size='11'>%s</text>\n",
                            px0 + 20, py0 + 12 + 16 * N_COMP - 4, px0 + 35, py0 + 12 + 16 * N_COMP, hollow_note);
#undef TX
#undef TY
}

/* ------------------------------------------------------------------ */
/* Main                                                                */
/* ------------------------------------------------------------------ */

static const Hot hot_syscalls[] = {
  { "read", 25 }, { "write", 20 }, { "futex", 20 }, { "epoll_wait", 10 },
  { "recvfrom", 8 }, { "sendto", 7 }, { "close", 4 }, { "mmap", 3 }, { "openat", 3 },
};

/* The least-squares slope of @y against @x. */
static double
loglog_slope (const double *x, const double *y, guint n)
{
  double mx = 0, my = 0, sxy = 0, sxx = 0;

  for (guint i = 0; i < n; i++)
    {
      mx += x[i] / n;
      my += y[i] / n;
    }
  for (guint i = 0; i < n; i++)
    {
      sxy += (x[i] - mx) * (y[i] - my);
      sxx += (x[i] - mx) * (x[i] - mx);
    }
  return sxx > 0 ? sxy / sxx : NAN;
}

/* Whether some rule of @w looks at the arguments of @nr on @arch. */
static gboolean
policy_checks_args (const Workload *w, ScmpArchitecture arch, gint32 nr)
{
  for (guint i = 0; i < w->rules->len; i++)
    {
      const BRule *r = &g_array_index (w->rules, BRule, i);

      if (r->n_conds > 0 && scmp_syscall_resolve_name (arch, r->name) == nr)
        return TRUE;
    }
  return FALSE;
}

/* The most instructions @p executes for a number whose decision needs no
 * argument (every zero-argument probe of a syscall no rule checks the
 * arguments of, numbers outside the table included): the cost of the
 * dispatch alone. */
static guint
max_outside_args (const Prog *p, const Workload *w, const Probes *pr)
{
  guint max = 0;

  if (p->insns == NULL)
    return 0;
  for (guint i = 0; i < pr->zero_nrs->len; i++)
    {
      const ScmpBpfData *d = &g_array_index (pr->data, ScmpBpfData, i);

      if (!policy_checks_args (w, pr->arch, d->nr))
        max = MAX (max, _scmp_bpf_run (p->insns, p->n, d, FALSE).n_executed);
    }
  return max;
}

static double
weighted_mean (const Prog *p, const Workload *w)
{
  double sum = 0, wsum = 0;

  if (p->insns == NULL)
    return NAN;
  for (guint k = 0; k < w->n_hot; k++)
    {
      ScmpBpfData d = { 0 };
      ScmpBpfResult r;
      d.nr = scmp_syscall_resolve_name (SCMP_ARCHITECTURE_X86_64, w->hot[k].name);
      d.arch = AUDIT_ARCH_X86_64;
      r = _scmp_bpf_run (p->insns, p->n, &d, FALSE);
      sum += (double) r.n_executed * w->hot[k].weight;
      wsum += w->hot[k].weight;
    }
  return sum / wsum;
}

static char *
cpu_model (void)
{
  g_autofree char *text = NULL;
  g_auto (GStrv) lines = NULL;

  if (!g_file_get_contents ("/proc/cpuinfo", &text, NULL, NULL))
    return g_strdup ("unknown");
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    if (g_str_has_prefix (lines[i], "model name"))
      {
        const char *colon = strchr (lines[i], ':');
        if (colon)
          return g_strstrip (g_strdup (colon + 1));
      }
  return g_strdup ("unknown");
}

typedef struct {
  const char *what;
  gboolean met;
  char *figure;
} Target;

/* What ScmpFilter:unknown-syscall-action = errno(ENOSYS) costs on @w's
 * first ABI: program length and executed instructions with and without. */
static void
unknown_action_cost (Workload *w)
{
  Probes *p = make_probes (w, w->arches[0]);
  Prog plain, nosys;
  ExecStats a, b;

  compile_scmp (w, FALSE, NULL, &plain);
  w->unknown_action = RET_ERRNO (ENOSYS);
  compile_scmp (w, FALSE, NULL, &nosys);
  w->unknown_action = 0;
  a = run_probes (&plain, p, w->label);
  b = run_probes (&nosys, p, w->label);
  note ("%s with unknown-syscall-action errno(ENOSYS): %" G_GSIZE_FORMAT " instructions "
        "instead of %" G_GSIZE_FORMAT "; executed per call, mean over the table's numbers "
        "%.2f instead of %.2f, over all probes %.2f instead of %.2f, max %u instead of %u",
        w->label, nosys.n, plain.n, b.mean_table, a.mean_table, b.mean, a.mean, b.max, a.max);
  g_free (a.rets);
  g_free (b.rets);
  prog_clear (&plain);
  prog_clear (&nosys);
  probes_free (p);
}

/* --check-pinned: every workload's scmp-glib program, with and without
 * the priority hints, is the one tests/data/pinned-programs.txt pins
 * (see tests/test-pinned.h). Nothing is timed. */
static gboolean
check_pinned_workload (const char *pin_file, Workload *w)
{
  gboolean ok = TRUE;

  for (int hints = 0; hints < 2; hints++)
    {
      Prog p;
      g_autofree char *key = g_strdup_printf ("bench/%s%s", w->label, hints ? " (hints)" : "");
      g_autoptr (GBytes) bpf = NULL;
      g_autofree char *got = NULL;

      compile_scmp (w, hints, NULL, &p);
      if (p.insns != NULL)
        bpf = _scmp_bpf_serialize (p.insns, p.n, FALSE);
      got = pinned_format (bpf, p.too_large ? "too large" : p.error != NULL ? "error" : "?");
      ok = pinned_check (pin_file, key, got) && ok;
      prog_clear (&p);
    }
  workload_free (w);
  return ok;
}

static int
check_pinned (const char *pin_file, const ScmpArchitecture *extra3,
              const guint *synth, guint n_synth, const guint *plot, guint n_plot,
              const guint *large, guint n_large)
{
  gboolean ok = TRUE;
  Workload *w = load_docker ("Docker default, x86_64", NULL, 0, FALSE);

  w->hot = hot_syscalls;
  w->n_hot = G_N_ELEMENTS (hot_syscalls);
  ok = check_pinned_workload (pin_file, w) && ok;
  w = load_docker ("Docker default, x86_64+x86+x32", extra3, 2, FALSE);
  w->hot = hot_syscalls;
  w->n_hot = G_N_ELEMENTS (hot_syscalls);
  ok = check_pinned_workload (pin_file, w) && ok;
  ok = check_pinned_workload (pin_file, load_client ("flatpak", "flatpak (x86_64)", FALSE)) && ok;
  ok = check_pinned_workload (pin_file, load_client ("systemd-system-service",
                                                     "systemd @system-service (x86_64)", FALSE)) && ok;
  for (guint i = 0; i < n_synth; i++)
    ok = check_pinned_workload (pin_file, make_synthetic (synth[i])) && ok;
  for (guint i = 0; i < n_plot; i++)
    ok = check_pinned_workload (pin_file, make_synthetic (plot[i])) && ok;
  for (guint i = 0; i < n_large; i++)
    ok = check_pinned_workload (pin_file, make_large (large[i])) && ok;
  printf ("%s\n", ok ? "every pinned program is unchanged" : "some programs changed (see above)");
  return ok ? 0 : 1;
}

int
main (int argc, char **argv)
{
  GOptionEntry entries[] = {
    { "quick", 0, 0, G_OPTION_ARG_NONE, &opt_quick, "Fast smoke run (few repetitions and sizes)", NULL },
    { "markdown", 0, 0, G_OPTION_ARG_FILENAME, &opt_markdown, "Write the report (docs/performance.md) to FILE", "FILE" },
    { "svg", 0, 0, G_OPTION_ARG_FILENAME, &opt_svg, "Write the plot to FILE", "FILE" },
    { "profile-compile", 0, 0, G_OPTION_ARG_INT, &opt_profile_compile,
      "Only compile the 3-ABI Docker profile N times with scmp-glib (for perf)", "N" },
    { "profile-large", 0, 0, G_OPTION_ARG_INT, &opt_profile_large,
      "With --profile-compile: the large filter with RULES rules instead", "RULES" },
    { "check-pinned", 0, 0, G_OPTION_ARG_FILENAME, &opt_check_pinned,
      "Only compile every workload with scmp-glib and compare the programs with FILE", "FILE" },
    { NULL }
  };
  g_autoptr (GOptionContext) ctx = g_option_context_new ("- compare scmp-glib's BPF compiler with libseccomp");
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) results = g_ptr_array_new_with_free_func ((GDestroyNotify) result_free);
  g_autoptr (GArray) targets = g_array_new (FALSE, TRUE, sizeof (Target));
  ScmpArchitecture extra3[] = { SCMP_ARCHITECTURE_X86, SCMP_ARCHITECTURE_X32 };
  static const guint synth_sizes[] = { 50, 200, 400 };
  static const guint plot_sizes[] = { 25, 50, 100, 150, 200, 300, 400 };
  static const guint large_full[] = { 250, 500, 1000, 2000, 4000, 8000 };
  static const guint large_quick[] = { 250, 2000 };
  const guint *large_sizes = opt_quick ? large_quick : large_full;
  guint n_large;
  Result *docker64 = NULL, *docker3 = NULL, *synth400 = NULL;
  Result *large_res[G_N_ELEMENTS (large_full)] = { 0 };
  Series plot_exec[N_COMP] = { 0 }, plot_compile[N_COMP] = { 0 };
  gint64 run_start = now_ns ();
  Table *t;
  struct utsname uts;
  const struct scmp_version *lv = seccomp_version ();
  g_autofree char *cpu = cpu_model ();
  g_autofree char *scmp_version = g_strdup_printf ("%d.%d.%d", SCMP_MAJOR_VERSION, SCMP_MINOR_VERSION, SCMP_MICRO_VERSION);

  g_option_context_add_main_entries (ctx, entries, NULL);
  if (!g_option_context_parse (ctx, &argc, &argv, &error))
    {
      fprintf (stderr, "%s\n", error->message);
      return 2;
    }
  large_sizes = opt_quick ? large_quick : large_full;
  n_large = opt_quick ? G_N_ELEMENTS (large_quick) : G_N_ELEMENTS (large_full);
  setvbuf (stdout, NULL, _IOLBF, 0);
  all_tables = g_ptr_array_new ();
  notes_md = g_string_new (NULL);
  failures_md = g_string_new (NULL);
  uname (&uts);

  lsc_memfd = memfd_create ("bench-lsc", MFD_CLOEXEC);
  if (lsc_memfd < 0)
    g_error ("memfd_create: %s", g_strerror (errno));

  if (opt_check_pinned != NULL)
    return check_pinned (opt_check_pinned, extra3, synth_sizes, G_N_ELEMENTS (synth_sizes),
                         plot_sizes, G_N_ELEMENTS (plot_sizes), large_full, G_N_ELEMENTS (large_full));

  if (opt_profile_compile > 0)
    {
      profile_compile (opt_profile_large > 0 ? make_large ((guint) opt_profile_large)
                       : load_docker ("Docker default, x86_64+x86+x32", extra3, 2, FALSE),
                       (guint) opt_profile_compile);
      return 0;
    }

  bench_cpu = g_get_num_processors () - 1;

  printf ("scmp-glib %s vs libseccomp %u.%u.%u — %s, Linux %s%s\n",
          scmp_version, lv->major, lv->minor, lv->micro, cpu, uts.release,
          opt_quick ? " (--quick: few repetitions, smoke run)" : "");

  /* --- the workloads ------------------------------------------------ */
  {
    Workload *w = load_docker ("Docker default, x86_64", NULL, 0, TRUE);
    w->hot = hot_syscalls;
    w->n_hot = G_N_ELEMENTS (hot_syscalls);
    docker64 = evaluate (w, TRUE);
    g_ptr_array_add (results, docker64);
    note ("%s: mean executed instructions over the table's numbers alone (zero arguments, no "
          "numbers outside the table): scmp-glib %.1f, libseccomp %.1f, libseccomp tree %.1f",
          w->label, docker64->exec[C_SCMP][0].mean_table, docker64->exec[C_LSC][0].mean_table,
          docker64->exec[C_TREE][0].mean_table);
  }
  {
    Workload *w = load_docker ("Docker default, x86_64", NULL, 0, FALSE);

    unknown_action_cost (w);
    workload_free (w);
  }
  docker3 = evaluate (load_docker ("Docker default, x86_64+x86+x32", extra3, 2, TRUE), TRUE);
  g_ptr_array_add (results, docker3);
  g_ptr_array_add (results, evaluate (load_client ("flatpak", "flatpak (x86_64)", TRUE), TRUE));
  g_ptr_array_add (results, evaluate (load_client ("systemd-system-service",
                                                   "systemd @system-service (x86_64)", TRUE), TRUE));
  for (guint i = 0; i < G_N_ELEMENTS (synth_sizes); i++)
    {
      Result *r = evaluate (make_synthetic (synth_sizes[i]), TRUE);
      g_ptr_array_add (results, r);
      if (synth_sizes[i] == 400)
        synth400 = r;
    }
  /* the plot's series: executed instructions against the number of rules */
  for (guint i = 0; i < G_N_ELEMENTS (plot_sizes); i++)
    {
      Result *r = evaluate (make_synthetic (plot_sizes[i]), FALSE);
      for (guint c = 0; c < N_COMP; c++)
        if (r->exec[c][0].ok)
          {
            plot_exec[c].x[plot_exec[c].n] = plot_sizes[i];
            plot_exec[c].y[plot_exec[c].n++] = r->exec[c][0].mean;
          }
      result_free (r);
    }
  for (guint i = 0; i < n_large; i++)
    large_res[i] = evaluate (make_large (large_sizes[i]), TRUE);

  /* --- tables -------------------------------------------------------- */
  t = table_new ("Program length (instructions)", "workload", "scmp-glib", "libseccomp",
                 "libseccomp tree", "scmp/lsc", "scmp/tree", NULL);
  t->footnote = g_strdup ("* over 4096 instructions: the kernel refuses this program. "
                          "TOO_LARGE: scmp-glib refused at export (SCMP_ERROR_TOO_LARGE).");
  for (guint i = 0; i < results->len; i++)
    {
      Result *r = g_ptr_array_index (results, i);
      GPtrArray *row = table_row (t);
      cell (row, "%s", r->w->label);
      for (guint c = 0; c < N_COMP; c++)
        g_ptr_array_add (row, fmt_len (&r->progs[c]));
      g_ptr_array_add (row, fmt_ratio (r->progs[C_SCMP].n, r->progs[C_LSC].n));
      g_ptr_array_add (row, fmt_ratio (r->progs[C_SCMP].n, r->progs[C_TREE].n));
    }

  t = table_new ("BPF instructions executed per syscall, mean / max (interpreter)", "workload",
                 "ABI", "probes", "scmp-glib", "libseccomp", "libseccomp tree", "scmp/lsc", "scmp/tree", NULL);
  t->footnote = g_strdup ("Probes: every number in the ABI's table and 64 numbers past its end, "
                          "all arguments 0, plus nr -1, plus one matching argument vector per "
                          "conditional rule. Ratios compare the means.");
  for (guint i = 0; i < results->len; i++)
    {
      Result *r = g_ptr_array_index (results, i);
      for (guint a = 0; a < r->w->n_arches; a++)
        {
          GPtrArray *row = table_row (t);
          cell (row, "%s", a == 0 ? r->w->label : "");
          cell (row, "%s", abi_name (r->w->arches[a]));
          cell (row, "%u", r->probes[a]->data->len);
          for (guint c = 0; c < N_COMP; c++)
            if (r->exec[c][a].ok)
              cell (row, "%.1f / %u", r->exec[c][a].mean, r->exec[c][a].max);
            else
              cell (row, "—");
          g_ptr_array_add (row, fmt_ratio (r->exec[C_SCMP][a].mean, r->exec[C_LSC][a].mean));
          g_ptr_array_add (row, fmt_ratio (r->exec[C_SCMP][a].mean, r->exec[C_TREE][a].mean));
        }
    }

  t = table_new ("Unconditionally allowed syscalls served by the kernel's action cache",
                 "workload", "ABI", "always allowed", "scmp-glib", "libseccomp", "libseccomp tree", NULL);
  t->footnote = g_strdup ("Syscalls of the ABI's table that the policy allows for every argument, "
                          "and how many of them seccomp_is_const_allow() (emulated) proves ALLOW "
                          "from nr and arch alone. The kernel caches the native (x86_64) and compat "
                          "(x86) ABIs only; x32 numbers always run the filter.");
  for (guint i = 0; i < results->len; i++)
    {
      Result *r = g_ptr_array_index (results, i);
      for (guint a = 0; a < r->w->n_arches; a++)
        {
          GPtrArray *row;
          if (!cacheable_abi (r->w, a))
            continue;
          row = table_row (t);
          cell (row, "%s", a == 0 ? r->w->label : "");
          cell (row, "%s", abi_name (r->w->arches[a]));
          cell (row, "%u", r->uncond[a]);
          for (guint c = 0; c < N_COMP; c++)
            if (r->progs[c].insns == NULL)
              cell (row, "—");
            else
              cell (row, "%u (%.0f%%)", r->cached[c][a],
                    r->uncond[a] ? 100.0 * r->cached[c][a] / r->uncond[a] : 100.0);
        }
    }

  t = table_new ("Compile time: make the rules, build, export, free; ms, median (10th–90th "
                 "percentile)", "workload", "reps", "scmp-glib", "libseccomp", "libseccomp tree",
                 "lsc/scmp", "tree/scmp", NULL);
  t->footnote = g_strdup_printf (
    "What a user pays, from nothing to the exported program and back: scmp-glib makes the "
    "actions and rule objects, builds the filter (scmp_filter_new + add_arch + "
    "scmp_filter_add_rules, all or nothing; add_rule one by one, skipping failures, on a "
    "workload with rules scmp-glib refuses), exports it (export_bpf) and frees the filter, "
    "the rules, the actions and the GBytes; libseccomp runs seccomp_init + arch_add + "
    "rule_add (names resolved as it goes) + seccomp_export_bpf into a memfd + seccomp_release. "
    "Repetitions interleave the compilers in a rotating order (repetition r starts with "
    "compiler r mod 3); up to %u, fewer when one compiler has spent about %.1f s; a "
    "compiler whose first compile took over %s keeps that single measurement (reps 1, no "
    "spread). Ratios compare the medians.", opt_quick ? 3 : 101, opt_quick ? 0.3 : 4.0,
    opt_quick ? "0.5 s" : "1 s");
  for (guint i = 0; i < results->len; i++)
    {
      Result *r = g_ptr_array_index (results, i);
      GPtrArray *row = table_row (t);
      cell (row, "%s", r->w->label);
      cell (row, "%u/%u/%u", r->time[C_SCMP].reps, r->time[C_LSC].reps, r->time[C_TREE].reps);
      for (guint c = 0; c < N_COMP; c++)
        g_ptr_array_add (row, fmt_timing (&r->time[c], 3));
      g_ptr_array_add (row, fmt_ratio (r->time[C_LSC].total_ms, r->time[C_SCMP].total_ms));
      g_ptr_array_add (row, fmt_ratio (r->time[C_TREE].total_ms, r->time[C_SCMP].total_ms));
    }

  t = table_new ("Compile phases, ms (median)", "workload", "scmp make", "build", "export", "free",
                 "free share", "lsc build", "export", "release", "tree build", "export", "release",
                 NULL);
  t->footnote = g_strdup (
    "The phases of the compile times above, medians over the same repetitions (so they need "
    "not add up to the median total). scmp-glib: *make* the actions and ScmpRule objects, "
    "*build* the filter, its arches and rules, *export* the BPF, *free* the filter, the "
    "rules, the actions and the exported bytes. libseccomp has no separate make: it takes "
    "each rule as it is added (*build*); *release* is seccomp_release(). *free share*: "
    "scmp-glib's free over its total.");
  for (guint i = 0; i < results->len + n_large; i++)
    {
      Result *r = i < results->len ? g_ptr_array_index (results, i) : large_res[i - results->len];
      GPtrArray *row = table_row (t);
      cell (row, "%s", r->w->label);
      for (guint ph = 0; ph < N_PHASE; ph++)
        g_ptr_array_add (row, fmt_ms (r->time[C_SCMP].phase_ms[ph], 3));
      g_ptr_array_add (row, fmt_share (r->time[C_SCMP].phase_ms[PH_FREE], r->time[C_SCMP].total_ms));
      for (guint c = C_LSC; c < N_COMP; c++)
        for (guint ph = PH_BUILD; ph < N_PHASE; ph++)
          g_ptr_array_add (row, fmt_ms (r->time[c].phase_ms[ph], ph == PH_BUILD ? 2 : 3));
    }

  t = table_new ("Large filter (x86_64 + x86): N argument rules on 64 syscalls", "rules",
                 "length scmp-glib", "length lsc", "length tree",
                 "exec mean scmp (x86_64)", "lsc", "tree",
                 "compile ms scmp", "lsc", "tree", "tree/scmp", NULL);
  t->footnote = g_strdup ("* over 4096 instructions: libseccomp exports it, the kernel would "
                          "refuse it at load (EINVAL). TOO_LARGE: scmp-glib's export fails with "
                          "SCMP_ERROR_TOO_LARGE (its compile time is the time to that error, "
                          "freeing included). Compile times: median totals, measured as in the "
                          "compile-time table (phases in the table above).");
  for (guint i = 0; i < n_large; i++)
    {
      Result *r = large_res[i];
      GPtrArray *row = table_row (t);
      cell (row, "%u", large_sizes[i]);
      for (guint c = 0; c < N_COMP; c++)
        g_ptr_array_add (row, fmt_len (&r->progs[c]));
      for (guint c = 0; c < N_COMP; c++)
        if (r->exec[c][0].ok)
          cell (row, "%.1f", r->exec[c][0].mean);
        else
          cell (row, "—");
      for (guint c = 0; c < N_COMP; c++)
        {
          g_ptr_array_add (row, fmt_ms (r->time[c].total_ms, 2));
          if (isnan (r->time[c].total_ms))
            continue;
          plot_compile[c].x[plot_compile[c].n] = large_sizes[i];
          plot_compile[c].hollow[plot_compile[c].n] = r->progs[c].too_large || r->progs[c].n > SCMP_BPF_MAX_INSNS;
          plot_compile[c].y[plot_compile[c].n++] = MAX (r->time[c].total_ms, 1e-3);
        }
      g_ptr_array_add (row, fmt_ratio (r->time[C_TREE].total_ms, r->time[C_SCMP].total_ms));
    }

  /* --- kernel cost ---------------------------------------------------- */
  t = table_new ("Kernel: ns per syscall with the filter loaded, min / median of batches "
                 "(× no filter, min)", "workload", "syscall", "no filter",
                 "scmp-glib", "libseccomp", "libseccomp tree", NULL);
  t->footnote = g_strdup ("personality(0xffffffff) queries the persona; the Docker profile allows "
                          "it by a rule on arg0, so the filter runs on every call (not cacheable). "
                          "getppid is allowed unconditionally: served by the action cache. Each "
                          "configuration runs in a forked child (PR_SET_NO_NEW_PRIVS + "
                          "seccomp(SECCOMP_SET_MODE_FILTER, SECCOMP_FILTER_FLAG_SPEC_ALLOW): without "
                          "SPEC_ALLOW the kernel turns on the speculative-store-bypass mitigation for "
                          "every seccomp'd task, a cost that has nothing to do with the program), pinned "
                          "to one CPU, 4 rounds × 15 batches × 20000 calls timed with the thread's "
                          "CPU clock (CLOCK_THREAD_CPUTIME_ID); the ratio is min over min.");
  {
    Result *kr[] = { docker64, docker3 };
    struct { const char *label; long nr; unsigned long a0; } calls[] = {
      { "personality(0xffffffff)", SYS_personality, 0xffffffffUL },
      { "getppid()", SYS_getppid, 0 },
    };
    for (guint k = 0; k < G_N_ELEMENTS (kr); k++)
      for (guint s = 0; s < G_N_ELEMENTS (calls); s++)
        {
          KernelCost kc[N_COMP + 1];
          GPtrArray *row = table_row (t);

          kernel_cost (kr[k]->progs, calls[s].nr, calls[s].a0, kc);
          cell (row, "%s", s == 0 ? kr[k]->w->label : "");
          cell (row, "%s", calls[s].label);
          for (guint c = 0; c <= N_COMP; c++)
            {
              if (kc[c].skipped)
                {
                  cell (row, "—");
                  continue;
                }
              if (!kc[c].ok)
                {
                  cell (row, "failed");
                  fail ("%s: %s: the child with %s's filter failed", kr[k]->w->label, calls[s].label,
                        c == 0 ? "no" : comp_names[c - 1]);
                  continue;
                }
              if (c > 0 && kc[c].first_ret < 0)
                fail ("%s: %s was refused by %s's filter", kr[k]->w->label, calls[s].label,
                      comp_names[c - 1]);
              if (c == 0)
                cell (row, "%.1f / %.1f", kc[c].min_ns, kc[c].median_ns);
              else
                cell (row, "%.1f / %.1f (×%.2f)", kc[c].min_ns, kc[c].median_ns,
                      kc[0].ok ? kc[c].min_ns / kc[0].min_ns : NAN);
            }
        }
  }

  /* --- priority hints ------------------------------------------------- */
  {
    Workload *w = docker64->w;
    GString *names = g_string_new (NULL);
    double before[N_COMP], after[N_COMP];

    for (guint k = 0; k < w->n_hot; k++)
      g_string_append_printf (names, "%s%s %u%%", k ? ", " : "", w->hot[k].name, w->hot[k].weight);
    for (guint c = 0; c < N_COMP; c++)
      {
        Prog p;
        g_autofree char *what = g_strdup_printf ("%s with priority hints / %s", w->label, comp_names[c]);
        before[c] = weighted_mean (&docker64->progs[c], w);
        if (docker64->progs[c].hung)
          {
            after[c] = NAN;
            continue;
          }
        compile (w, c, TRUE, NULL, &p);
        check_program (&p, what, c == C_SCMP);
        after[c] = weighted_mean (&p, w);
        /* hints must not change any decision */
        if (p.insns && docker64->exec[c][0].ok)
          {
            ExecStats s = run_probes (&p, docker64->probes[0], what);
            for (guint i = 0; s.ok && i < docker64->probes[0]->data->len; i++)
              if (s.rets[i] != docker64->exec[c][0].rets[i])
                {
                  fail ("%s: priority hints changed the action of probe %u", what, i);
                  break;
                }
            g_free (s.rets);
          }
        prog_clear (&p);
      }
    t = table_new ("Priority hints (Docker default, x86_64): weighted mean of executed instructions "
                   "over the hot syscalls", "", "scmp-glib", "libseccomp", "libseccomp tree", NULL);
    t->footnote = g_strdup_printf ("Hot syscalls and weights: %s; priority = 255 × weight / max "
                                   "(scmp_filter_set_priority, seccomp_syscall_priority).", names->str);
    {
      GPtrArray *row = table_row (t);
      cell (row, "without hints");
      for (guint c = 0; c < N_COMP; c++)
        g_ptr_array_add (row, isnan (before[c]) ? g_strdup ("—") : g_strdup_printf ("%.2f", before[c]));
      row = table_row (t);
      cell (row, "with hints");
      for (guint c = 0; c < N_COMP; c++)
        g_ptr_array_add (row, isnan (after[c]) ? g_strdup ("—") : g_strdup_printf ("%.2f", after[c]));
    }
    {
      Target tg = { "Priority hints lower the weighted mean for the hinted syscalls",
                    after[C_SCMP] < before[C_SCMP],
                    g_strdup_printf ("%.2f → %.2f", before[C_SCMP], after[C_SCMP]) };
      g_array_append_val (targets, tg);
    }
    g_string_free (names, TRUE);
  }

  t = table_new ("Agreement: probes where the compiled programs return different actions",
                 "workload", "probes", "scmp vs lsc", "scmp vs tree", "asserted", NULL);
  t->footnote = g_strdup ("Asserted where both compilers are given the same meaning (one meaning "
                          "for every rule set: no rules libseccomp would merge differently). The "
                          "client filters and the 3-ABI Docker profile are reported only: "
                          "libseccomp's merge semantics and its socketcall/x32 handling differ "
                          "by design.");
  for (guint i = 0; i < results->len + n_large; i++)
    {
      Result *r = i < results->len ? g_ptr_array_index (results, i) : large_res[i - results->len];
      GPtrArray *row = table_row (t);
      cell (row, "%s", r->w->label);
      cell (row, "%u", r->n_probes);
      cell (row, "%u", r->disagree_lsc);
      cell (row, "%u", r->disagree_tree);
      cell (row, "%s", r->w->same_meaning ? "yes" : "no");
    }

  /* --- targets -------------------------------------------------------- */
  {
    Target tg;
    double ratio;
    gboolean all_cached = TRUE, too_large_seen = FALSE, never_over = TRUE;
    GString *uncached = g_string_new (NULL);
    double slope;
    guint first = 0, last = 0;

    tg.what = "Docker default x86_64: mean executed instructions ≤ 10";
    tg.met = docker64->exec[C_SCMP][0].ok && docker64->exec[C_SCMP][0].mean <= 10;
    tg.figure = g_strdup_printf ("%.2f (libseccomp %.1f, tree %.1f)", docker64->exec[C_SCMP][0].mean,
                                 docker64->exec[C_LSC][0].mean, docker64->exec[C_TREE][0].mean);
    g_array_append_val (targets, tg);

    tg.what = "Docker default x86_64: program ≤ 100 instructions";
    tg.met = docker64->progs[C_SCMP].insns && docker64->progs[C_SCMP].n <= 100;
    tg.figure = g_strdup_printf ("%zu (libseccomp %zu, tree %zu)", docker64->progs[C_SCMP].n,
                                 docker64->progs[C_LSC].n, docker64->progs[C_TREE].n);
    g_array_append_val (targets, tg);

    /* Issue 15: compile times interleaved, teardown included. */
    {
      Result *dr[] = { docker3, docker64 };
      static const char *const what[] = {
        "Docker default x86_64+x86+x32: compile (interleaved, freeing included) ≥ 50× faster "
        "than libseccomp's tree",
        "Docker default x86_64: compile (interleaved, freeing included) ≥ 10× faster than "
        "libseccomp's tree",
      };
      static const double want[] = { 50, 10 };

      for (guint k = 0; k < G_N_ELEMENTS (dr); k++)
        {
          const Timing *ts = &dr[k]->time[C_SCMP], *tt = &dr[k]->time[C_TREE];

          ratio = tt->total_ms / ts->total_ms;
          tg.what = what[k];
          tg.met = ratio >= want[k];
          tg.figure = dr[k]->progs[C_SCMP].hung ? g_strdup ("scmp-glib's compiler did not finish")
            : g_strdup_printf ("%.1f× (%.3f ms, %.3f–%.3f, vs %.3f ms, %.3f–%.3f)", ratio,
                               ts->total_ms, ts->lo_ms, ts->hi_ms, tt->total_ms, tt->lo_ms, tt->hi_ms);
          g_array_append_val (targets, tg);
        }

      tg.what = "Docker default: freeing the filter and its rules ≤ 15% of the compile time";
      tg.met = TRUE;
      {
        GString *f = g_string_new (NULL);

        for (guint k = 0; k < G_N_ELEMENTS (dr); k++)
          {
            const Timing *ts = &dr[k]->time[C_SCMP];
            double share = ts->phase_ms[PH_FREE] / ts->total_ms;

            tg.met = tg.met && share <= 0.15;
            g_string_append_printf (f, "%s%s: %.0f%% (%.3f of %.3f ms)", k ? "; " : "",
                                    dr[k]->w->label, 100 * share, ts->phase_ms[PH_FREE], ts->total_ms);
          }
        tg.figure = g_string_free (f, FALSE);
      }
      g_array_append_val (targets, tg);
    }
    {
      Result *r1000 = NULL;

      for (guint i = 0; i < n_large; i++)
        if (large_sizes[i] == 1000)
          r1000 = large_res[i];
      tg.what = "Large 1000: the filter is freed in less time than it compiles";
      if (r1000 == NULL)
        {
          tg.met = FALSE;
          tg.figure = g_strdup ("not measured (no 1000-rule workload in --quick)");
        }
      else
        {
          const Timing *ts = &r1000->time[C_SCMP];

          tg.met = ts->phase_ms[PH_FREE] < ts->nofree_ms;
          tg.figure = g_strdup_printf ("free %.3f ms vs make + build + export %.3f ms (total %.3f ms)",
                                       ts->phase_ms[PH_FREE], ts->nofree_ms, ts->total_ms);
        }
      g_array_append_val (targets, tg);
    }
    {
      GString *longer = g_string_new (NULL), *slower = g_string_new (NULL);
      double worst = 0;
      const char *worst_w = NULL, *worst_abi = NULL;
      guint n_longer = 0, n_slower = 0, n_cmp = 0;

      for (guint i = 0; i < results->len + n_large; i++)
        {
          Result *r = i < results->len ? g_ptr_array_index (results, i) : large_res[i - results->len];
          const Prog *ps = &r->progs[C_SCMP], *pt = &r->progs[C_TREE];

          /* no program (TOO_LARGE) is not a longer one */
          if (ps->insns == NULL || pt->insns == NULL)
            continue;
          n_cmp++;
          if (ps->n > pt->n)
            g_string_append_printf (longer, "%s%s %zu vs %zu", n_longer++ ? ", " : "",
                                    r->w->label, ps->n, pt->n);
          for (guint a = 0; a < r->w->n_arches; a++)
            {
              double q;

              if (!r->exec[C_SCMP][a].ok || !r->exec[C_TREE][a].ok)
                continue;
              q = r->exec[C_SCMP][a].mean / r->exec[C_TREE][a].mean;
              if (q > worst)
                {
                  worst = q;
                  worst_w = r->w->label;
                  worst_abi = abi_name (r->w->arches[a]);
                }
              if (q > 0.7)
                g_string_append_printf (slower, "%s%s/%s %.2f×", n_slower++ ? ", " : "",
                                        r->w->label, abi_name (r->w->arches[a]), q);
            }
        }
      tg.what = "No program longer than libseccomp tree's on any workload (large 1000 and 2000 included)";
      tg.met = n_longer == 0;
      tg.figure = n_longer == 0 ? g_strdup_printf ("none of %u", n_cmp)
        : g_strdup_printf ("%u of %u longer: %s", n_longer, n_cmp, longer->str);
      g_array_append_val (targets, tg);
      tg.what = "…while executed instructions stay ≤ 0.7× the tree's (mean, every workload and ABI)";
      tg.met = n_slower == 0 && worst_w != NULL;
      tg.figure = n_slower == 0 ? g_strdup_printf ("worst %.2f× (%s/%s)", worst,
                                                   worst_w ? worst_w : "—", worst_abi ? worst_abi : "—")
        : g_strdup_printf ("%u over 0.7×: %s", n_slower, slower->str);
      g_array_append_val (targets, tg);
      g_string_free (longer, TRUE);
      g_string_free (slower, TRUE);
    }
    {
      const ExecStats *e = &docker64->exec[C_SCMP][0];
      guint max_ours = max_outside_args (&docker64->progs[C_SCMP], docker64->w, docker64->probes[0]);
      guint max_tree = max_outside_args (&docker64->progs[C_TREE], docker64->w, docker64->probes[0]);
      gboolean cached = docker64->cached[C_SCMP][0] == docker64->uncond[0];

      tg.what = "Docker default x86_64: mean executed ≤ 8.5 (the issue's bound: 7.7)";
      tg.met = e->ok && e->mean <= 8.5;
      tg.figure = g_strdup_printf ("%.2f (tree %.2f)", e->mean, docker64->exec[C_TREE][0].mean);
      g_array_append_val (targets, tg);

      tg.what = "Docker default x86_64: max executed ≤ 12 outside argument checks, "
                "100% of unconditional allows cacheable";
      tg.met = e->ok && max_ours <= 12 && cached;
      tg.figure = g_strdup_printf ("max %u (tree %u) over the syscalls decided without their "
                                   "arguments; max %u over all probes; cache %u of %u", max_ours,
                                   max_tree, e->max, docker64->cached[C_SCMP][0], docker64->uncond[0]);
      g_array_append_val (targets, tg);
    }

    ratio = (double) docker3->progs[C_SCMP].n / docker3->progs[C_TREE].n;
    tg.what = "Docker default x86_64+x86+x32: program ≤ 0.3× libseccomp tree's length";
    tg.met = docker3->progs[C_SCMP].insns && ratio <= 0.3;
    tg.figure = docker3->progs[C_SCMP].hung ? g_strdup ("scmp-glib's compiler did not finish")
      : g_strdup_printf ("%.2f× (%zu vs %zu)", ratio, docker3->progs[C_SCMP].n,
                                 docker3->progs[C_TREE].n);
    g_array_append_val (targets, tg);

    ratio = synth400->exec[C_SCMP][0].mean / synth400->exec[C_TREE][0].mean;
    tg.what = "Synthetic 400: mean executed ≤ 0.7× libseccomp tree";
    tg.met = synth400->exec[C_SCMP][0].ok && ratio <= 0.7;
    tg.figure = g_strdup_printf ("%.2f× (%.2f vs %.2f)", ratio, synth400->exec[C_SCMP][0].mean,
                                 synth400->exec[C_TREE][0].mean);
    g_array_append_val (targets, tg);

    for (guint i = 0; i < results->len; i++)
      {
        Result *r = g_ptr_array_index (results, i);
        for (guint a = 0; a < r->w->n_arches; a++)
          if (cacheable_abi (r->w, a) && !r->progs[C_SCMP].hung &&
              r->cached[C_SCMP][a] != r->uncond[a])
            {
              all_cached = FALSE;
              g_string_append_printf (uncached, "%s%s/%s %u of %u", uncached->len ? "; " : "",
                                      r->w->label, abi_name (r->w->arches[a]),
                                      r->cached[C_SCMP][a], r->uncond[a]);
            }
      }
    tg.what = "Every unconditionally allowed syscall served by the action cache";
    tg.met = all_cached;
    tg.figure = all_cached ? g_strdup ("100% on every workload scmp-glib compiled") : g_string_free (g_steal_pointer (&uncached), FALSE);
    if (uncached)
      g_string_free (uncached, TRUE);
    g_array_append_val (targets, tg);

    for (guint i = 0; i < n_large; i++)
      {
        if (large_res[i]->progs[C_SCMP].too_large)
          too_large_seen = TRUE;
        if (large_res[i]->progs[C_SCMP].n > SCMP_BPF_MAX_INSNS)
          never_over = FALSE;
      }
    tg.what = "Large filter: SCMP_ERROR_TOO_LARGE at export when over 4096, never a program over 4096";
    {
      GString *s = g_string_new (NULL);
      gboolean overflow = overflow_gives_too_large ();

      for (guint i = 0; i < n_large; i++)
        g_string_append_printf (s, "%s%u: %s", i ? ", " : "", large_sizes[i],
                                large_res[i]->progs[C_SCMP].too_large ? "TOO_LARGE"
                                : large_res[i]->progs[C_SCMP].insns ? "fits" : "error");
      g_string_append_printf (s, "; %u rules (scmp-glib only): %s", OVERFLOW_RULES,
                              overflow ? "TOO_LARGE" : "NOT REFUSED");
      tg.met = (too_large_seen || overflow) && never_over;
      tg.figure = g_string_free (s, FALSE);
    }
    g_array_append_val (targets, tg);

    last = n_large - 1;
    /* A least-squares fit over every size: two end points alone move
     * with one noisy median. */
    {
      double x[G_N_ELEMENTS (large_full)], y[G_N_ELEMENTS (large_full)], ynlogn[G_N_ELEMENTS (large_full)];
      double ends = log (large_res[last]->time[C_SCMP].total_ms / large_res[first]->time[C_SCMP].total_ms) /
                    log ((double) large_sizes[last] / large_sizes[first]);

      for (guint i = 0; i < n_large; i++)
        {
          x[i] = log (large_sizes[i]);
          y[i] = log (large_res[i]->time[C_SCMP].total_ms);
          ynlogn[i] = log (large_sizes[i] * log (large_sizes[i]));
        }
      slope = loglog_slope (x, y, n_large);
      tg.what = "Large filter: compile time grows no faster than n log n (log-log slope ≤ 1.2, "
                "least squares over 250–8000 rules, in this run) and stays in milliseconds";
      tg.met = slope <= 1.2 && large_res[last]->time[C_SCMP].total_ms < 1000;
      tg.figure = g_strdup_printf ("slope %.2f over %u sizes from %u to %u rules (n log n: %.2f; end "
                                   "points alone: %.2f); %.2f ms at %u (libseccomp tree %.2f ms)",
                                   slope, n_large, large_sizes[first], large_sizes[last],
                                   loglog_slope (x, ynlogn, n_large), ends,
                                   large_res[last]->time[C_SCMP].total_ms, large_sizes[last],
                                   large_res[last]->time[C_TREE].total_ms);
    }
    g_array_append_val (targets, tg);

    {
      Result *r2000 = NULL;

      for (guint i = 0; i < n_large; i++)
        if (large_sizes[i] == 2000)
          r2000 = large_res[i];
      g_assert (r2000 != NULL);
      ratio = r2000->time[C_TREE].total_ms / r2000->time[C_SCMP].total_ms;
      tg.what = "Large 2000: compile ≥ 500× faster than libseccomp's tree";
      tg.met = ratio >= 500;
      tg.figure = g_strdup_printf ("%.0f× (%.2f ms vs %.1f ms)", ratio, r2000->time[C_SCMP].total_ms,
                                   r2000->time[C_TREE].total_ms);
      g_array_append_val (targets, tg);
    }
  }

  for (guint i = 0; i < all_tables->len; i++)
    table_print (g_ptr_array_index (all_tables, i));

  printf ("\nTargets (issues 4 and 15)\n");
  for (guint i = 0; i < targets->len; i++)
    {
      Target *tg = &g_array_index (targets, Target, i);
      printf ("  [%s] %s: %s\n", tg->met ? "MET" : "NOT MET", tg->what, tg->figure);
    }

  printf ("\nTotal run time: %.1f s%s\n", (now_ns () - run_start) / 1e9,
          n_failures ? "" : "; all correctness checks passed");

  /* --- the plot and the report --------------------------------------- */
  if (opt_svg)
    {
      GString *svg = g_string_new (NULL);
      g_string_append (svg, "<?xml version='1.0' encoding='UTF-8'?>\n"
                       "<svg xmlns='http://www.w3.org/2000/svg' width='960' height='400' "
                       "font-family='sans-serif' font-size='13'>\n"
                       "<rect width='960' height='400' fill='white'/>\n");
      svg_panel (svg, 0, 0, 480, 400, "Executed instructions per syscall (x86_64)",
                 "rules in the synthetic allow-list (¼ with argument conditions)",
                 "mean executed instructions (log scale)", NULL, plot_exec, FALSE, TRUE);
      svg_panel (svg, 480, 0, 480, 400, "Compile time, large filter (x86_64 + x86)",
                 "argument rules", "ms (median, log scale)",
                 "no loadable program (TOO_LARGE / over 4096)", plot_compile, TRUE, TRUE);
      g_string_append (svg, "</svg>\n");
      if (!g_file_set_contents (opt_svg, svg->str, svg->len, &error))
        fail ("%s", error->message);
      g_clear_error (&error);
      g_string_free (svg, TRUE);
    }

  if (opt_markdown)
    {
      GString *md = g_string_new (NULL);
      g_autoptr (GDateTime) dt = g_date_time_new_now_utc ();
      g_autofree char *date = g_date_time_format (dt, "%Y-%m-%d");
      g_autofree char *svg_base = opt_svg ? g_path_get_basename (opt_svg) : NULL;

      g_string_append_printf (md,
        "# Performance: scmp-glib's compiler against libseccomp\n\n"
        "<!-- Generated by tests/bench/bench-compilers --markdown; do not edit by hand. -->\n\n"
        "One run of `tests/bench/bench-compilers` compiles the same policies with three "
        "compilers — scmp-glib, libseccomp with its default layout, and libseccomp with its "
        "binary tree (`SCMP_FLTATR_CTL_OPTIMIZE` = 2) — and measures the programs they "
        "produce. libseccomp is only the peer measured against; the library never links it.\n\n"
        "## Reproduce\n\n"
        "```sh\n./run bench            # builds, runs the benchmark, rewrites this file and the plot\n"
        "meson test -C _build --benchmark --verbose   # the same, by hand\n"
        "_build/tests/bench/bench-compilers --quick  # smoke run (also: meson test --suite bench-smoke)\n"
        "```\n\n"
        "## Machine\n\n"
        "| | |\n| --- | --- |\n"
        "| CPU | %s (%u logical CPUs) |\n"
        "| kernel | Linux %s (%s) |\n"
        "| libseccomp | %u.%u.%u |\n"
        "| scmp-glib | %s |\n"
        "| run | %s, %s, %.0f s |\n\n",
        cpu, g_get_num_processors (), uts.release, uts.machine,
        lv->major, lv->minor, lv->micro, scmp_version, date,
        opt_quick ? "`--quick` (smoke run: few repetitions — figures are not stable)" : "full run",
        (now_ns () - run_start) / 1e9);

      g_string_append (md,
        "## Workloads\n\n"
        "- **Docker default** — `tests/data/docker-default.json` (moby's default profile, "
        "Apache-2.0), as moby applies it to an unprivileged container on an amd64 host: entries "
        "whose `includes.caps` asks for a capability are left out, `includes.arches` is matched "
        "against the host (`amd64`), `minKernel` against the running kernel, `excludes.caps` "
        "excludes nothing (no capabilities). `SCMP_ACT_ERRNO` without `errnoRet` is EPERM (runc), "
        "MASKED_EQ takes the mask from `value` and the datum from `valueTwo`. Rules whose action "
        "is the default action are skipped (libseccomp refuses them). Once on x86_64 alone, once "
        "on x86_64 + x86 + x32.\n"
        "- **flatpak**, **systemd @system-service** — from `tests/data/client-filters.json`: the "
        "rules in the application's order, with its default and bad-arch actions and its error "
        "policy (`on_error`, `add_exact`).\n"
        "- **synthetic N** — N ALLOW rules on x86_64, default ERRNO(EPERM), a quarter with an "
        "argument condition (alternately `arg0 == k` and `(arg1 & 0xff) == m`), names and values "
        "from a fixed seed. x86_64 has fewer than 400 syscalls, so above ~370 some syscalls get "
        "two conditional rules.\n"
        "- **large N** — N argument rules over x86_64 + x86: 64 syscalls, each with N/64 rules "
        "`argK == v` on one argument (distinct 32-bit values), every fifth ERRNO(EACCES), the "
        "rest ALLOW; default ERRNO(EPERM).\n\n"
        "A syscall name is used only when libseccomp knows it and scmp-glib's table and "
        "libseccomp's give it the same x86_64 number (the synthetic and large workloads: the "
        "same number on every ABI, and no multiplexed calls), so both compilers get the same "
        "policy; the names dropped for this are listed under *Notes*. Every program passes scmp-glib's copy of the "
        "kernel's checker, and on the workloads whose meaning is the same for both libraries "
        "(Docker x86_64, synthetic, large) the three programs must return the same action for "
        "every probe, or the run fails.\n\n"
        "## How it measures\n\n"
        "- **Program shape** — length, BPF instructions executed per syscall, what the "
        "kernel's action cache can serve, agreement — comes from one compile per compiler and "
        "workload; it is exact and reproduces from run to run (`bench-pinned` pins scmp-glib's "
        "programs). Executed instructions are counted by scmp-glib's interpreter over the probes "
        "described under the table.\n"
        "- **Compile time** is what a user pays for one filter, from nothing back to nothing: "
        "making the rules (scmp-glib: the actions and `ScmpRule` objects; libseccomp takes each "
        "rule as it is added, so it has no separate step), building the filter (new, arches, "
        "rules), exporting the BPF, and freeing everything (scmp-glib: the filter, the rules, "
        "the actions and the exported `GBytes`; libseccomp: `seccomp_release()`). Each phase is "
        "timed on its own and the total is their sum; the benchmark's own copy of the program, "
        "for its checks, is made outside the timed phases.\n"
        "- **Interleaved repetitions** — repetition *r* runs the three compilers in an order "
        "rotated by *r* (scmp-glib, libseccomp, tree; then libseccomp, tree, scmp-glib; …), so "
        "that none always runs first or twice in a row on its own warm caches. Each workload "
        "has been compiled once by every compiler (and its programs probed) before the first "
        "timed repetition. Up to 101 repetitions, at least 5, stopping once one compiler has "
        "spent about 4 s; a compiler whose first compile took over 1 s is measured once (that "
        "compile). Times are medians over the repetitions with the 10th–90th percentile "
        "spread; phases are each phase's median; ratios compare median totals.\n"
        "- **Kernel cost** is measured in forked children with each filter loaded (see the "
        "table's note).\n"
        "- `--quick` (the smoke test) runs 3 repetitions, a 0.5 s single-measurement threshold "
        "and only the 250- and 2000-rule large filters: its times are not stable.\n\n"
        "## Results\n");

      for (guint i = 0; i < all_tables->len; i++)
        table_markdown (g_ptr_array_index (all_tables, i), md);

      if (svg_base)
        g_string_append_printf (md, "\n### Plot\n\n![executed instructions and compile time against "
                                "filter size](%s)\n", svg_base);

      g_string_append (md, "\n## Targets (issues 4 and 15)\n\n| target | | figure |\n| --- | --- | --- |\n");
      for (guint i = 0; i < targets->len; i++)
        {
          Target *tg = &g_array_index (targets, Target, i);
          g_string_append_printf (md, "| %s | %s | %s |\n", tg->what, tg->met ? "**MET**" : "NOT MET",
                                  tg->figure);
        }
      g_string_append_printf (md, "\n## Correctness checks\n\n%s",
                              n_failures ? "These checks **failed** in this run:\n\n"
                                         : "All passed: every program accepted by the checker, the "
                                           "interpreter never stopped on an error, no disagreement "
                                           "on the asserted workloads, no scmp-glib program over 4096 "
                                           "instructions, every compile finished.\n");
      g_string_append (md, failures_md->str);
      g_string_append_printf (md, "\n## Notes\n\n%s", notes_md->str);
      /* bench-scale writes its own section into the same file, between
       * its markers: keep it, at the end. */
      {
        g_autofree char *old = NULL;
        const char *begin, *end;

        if (g_file_get_contents (opt_markdown, &old, NULL, NULL) &&
            (begin = strstr (old, "<!-- bench-scale: begin")) != NULL &&
            (end = strstr (begin, "<!-- bench-scale: end -->")) != NULL)
          {
            g_string_append_c (md, '\n');
            g_string_append_len (md, begin, end - begin);
            g_string_append (md, "<!-- bench-scale: end -->\n");
          }
      }
      if (!g_file_set_contents (opt_markdown, md->str, md->len, &error))
        fail ("%s", error->message);
      g_string_free (md, TRUE);
    }

  for (guint i = 0; i < n_large; i++)
    result_free (large_res[i]);
  for (guint i = 0; i < targets->len; i++)
    g_free (g_array_index (targets, Target, i).figure);
  close (lsc_memfd);

  if (n_failures)
    {
      fprintf (stderr, "\n%u correctness check(s) failed\n", n_failures);
      return 1;
    }
  return 0;
}
