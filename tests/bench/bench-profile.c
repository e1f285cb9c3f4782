/* bench-profile.c: reading and compiling Docker's default profile, against
 * libseccomp doing the same, in one run
 *
 * SPDX-FileCopyrightText: 2026 The scmp-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 *   bench-profile [--quick] [--markdown FILE]
 *
 * scmp-glib: ScmpOciProfile reads the profile's text (JSON, includes and
 * excludes, archMap), the filter is compiled to BPF, and everything is
 * freed. libseccomp has no profile reader; its side is what a runtime
 * does with it: the same JSON parsed by json-glib, then the resolved
 * rules given to seccomp_rule_add_array() (names resolved on the way),
 * seccomp_export_bpf() and seccomp_release(), with the default layout and
 * with the binary tree (SCMP_FLTATR_CTL_OPTIMIZE 2). Resolving includes
 * and excludes is left out of libseccomp's time (it favours libseccomp).
 *
 * Each repetition runs the three in a rotating order, so that none is
 * always first with a warm cache. Medians and the 10th-90th percentile
 * spread; ratios are libseccomp's median over scmp-glib's.
 */

#include <scmp-glib/scmp-glib.h>

#include "bench-common.h"

#include <json-glib/json-glib.h>
#include <seccomp.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

typedef struct {
  char               *name;
  guint32             action;
  struct scmp_arg_cmp cmps[6];
  guint               n;
} LscRule;

typedef struct {
  const char *label;
  char       *text;                /* the profile */
  gsize       length;
  ScmpArchitecture arches[3];
  guint       n_arches;
  guint32     default_action;
  GArray     *rules;               /* LscRule, resolved once */
} Case;

enum { OURS, LSC, LSC_TREE, N_COMP };
static const char *const comp_names[N_COMP] = { "scmp-glib", "libseccomp", "libseccomp tree" };

static ScmpOciProfile *
read_profile (const Case *c)
{
  ScmpOciProfile *profile = scmp_oci_profile_new ();
  g_autoptr(GError) error = NULL;

  scmp_oci_profile_set_architecture (profile, SCMP_ARCHITECTURE_X86_64, NULL);
  scmp_oci_profile_set_kernel_version (profile, "6.12", NULL);
  if (!scmp_oci_profile_load_from_data (profile, c->text, c->length, &error))
    g_error ("%s: %s", c->label, error->message);
  return profile;
}

static void
lsc_rule_clear (gpointer data)
{
  g_free (((LscRule *) data)->name);
}

/* The libseccomp side's input: the rules the profile resolves to, in
 * libseccomp's terms (names it does not know are left out). */
static void
case_resolve (Case *c)
{
  g_autoptr(ScmpOciProfile) profile = read_profile (c);
  ScmpFilter *filter = scmp_oci_profile_get_filter (profile);
  g_autofree ScmpArchitecture *arches = NULL;
  gsize n;

  arches = scmp_filter_list_arches (filter, &n);
  g_assert (n <= G_N_ELEMENTS (c->arches));
  memcpy (c->arches, arches, n * sizeof *arches);
  c->n_arches = n;
  c->default_action = scmp_action_get_kernel_value (scmp_filter_get_default_action (filter));
  c->rules = g_array_new (FALSE, TRUE, sizeof (LscRule));
  g_array_set_clear_func (c->rules, lsc_rule_clear);
  for (guint i = 0; i < scmp_filter_get_n_rules (filter); i++)
    {
      ScmpRule *rule = scmp_filter_get_rule (filter, i);
      LscRule r = { 0 };

      if (seccomp_syscall_resolve_name (scmp_rule_get_syscall (rule)) == __NR_SCMP_ERROR)
        continue;
      r.name = g_strdup (scmp_rule_get_syscall (rule));
      r.action = scmp_action_get_kernel_value (scmp_rule_get_action (rule));
      r.n = scmp_rule_get_n_conditions (rule);
      for (guint k = 0; k < r.n; k++)
        {
          const ScmpCondition *cond = scmp_rule_get_condition (rule, k);
          static const enum scmp_compare ops[] = {
            SCMP_CMP_EQ, SCMP_CMP_NE, SCMP_CMP_LT, SCMP_CMP_LE, SCMP_CMP_GT, SCMP_CMP_GE,
            SCMP_CMP_MASKED_EQ,
          };

          r.cmps[k].arg = cond->arg;
          r.cmps[k].op = ops[cond->op];
          r.cmps[k].datum_a = cond->op == SCMP_COMPARE_OP_MASKED_EQ ? cond->mask : cond->datum;
          r.cmps[k].datum_b = cond->op == SCMP_COMPARE_OP_MASKED_EQ ? cond->datum : 0;
        }
      g_array_append_val (c->rules, r);
    }
}

static guint
run_ours (const Case *c)
{
  g_autoptr(ScmpOciProfile) profile = read_profile (c);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bpf = scmp_filter_export_bpf (scmp_oci_profile_get_filter (profile), &error);

  g_assert_no_error (error);
  return g_bytes_get_size (bpf) / 8;
}

static guint
run_lsc (const Case *c,
         gboolean    tree,
         int         out_fd)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  scmp_filter_ctx ctx;
  off_t size;

  if (!json_parser_load_from_data (parser, c->text, c->length, NULL))
    g_error ("json");
  ctx = seccomp_init (c->default_action);
  seccomp_attr_set (ctx, SCMP_FLTATR_CTL_NNP, 0);
  if (tree)
    seccomp_attr_set (ctx, SCMP_FLTATR_CTL_OPTIMIZE, 2);
  for (guint a = 0; a < c->n_arches; a++)
    {
      uint32_t token = seccomp_arch_resolve_name (scmp_architecture_to_name (c->arches[a]));
      int rc = seccomp_arch_add (ctx, token);

      g_assert (rc == 0 || rc == -EEXIST);
    }
  for (guint i = 0; i < c->rules->len; i++)
    {
      const LscRule *r = &g_array_index (c->rules, LscRule, i);

      /* A runtime resolves each name as it goes. */
      if (seccomp_rule_add_array (ctx, r->action, seccomp_syscall_resolve_name (r->name),
                                  r->n, r->cmps) != 0)
        g_error ("libseccomp refused rule %u", i);
    }
  g_assert (lseek (out_fd, 0, SEEK_SET) == 0 && ftruncate (out_fd, 0) == 0);
  g_assert (seccomp_export_bpf (ctx, out_fd) == 0);
  seccomp_release (ctx);
  size = lseek (out_fd, 0, SEEK_CUR);
  return size / 8;
}

int
main (int   argc,
      char *argv[])
{
  gboolean quick = FALSE;
  const char *markdown = NULL;
  g_autofree char *path = g_build_filename (BENCH_DATADIR, "docker-default.json", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GString) md = g_string_new (NULL);
  gsize length;
  Case cases[2] = { { "Docker default, x86_64 + x86 + x32 (archMap)" },
                    { "Docker default, x86_64 only" } };
  int out_fd = memfd_create ("bench-profile", MFD_CLOEXEC);
  guint reps;

  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--quick"))
        quick = TRUE;
      else if (g_str_equal (argv[i], "--markdown") && i + 1 < argc)
        markdown = argv[++i];
      else
        {
          g_printerr ("Usage: %s [--quick] [--markdown FILE]\n", argv[0]);
          return 2;
        }
    }
  reps = quick ? 5 : 400;
  g_assert (out_fd >= 0);

  if (!g_file_get_contents (path, &text, &length, NULL))
    g_error ("cannot read %s", path);
  cases[0].text = g_strdup (text);
  cases[0].length = length;
  /* The same profile with "architectures": [] instead of its archMap. */
  {
    g_autoptr(JsonParser) parser = json_parser_new ();
    g_autoptr(JsonGenerator) gen = json_generator_new ();
    JsonObject *root;

    g_assert (json_parser_load_from_data (parser, text, length, NULL));
    root = json_node_get_object (json_parser_get_root (parser));
    json_object_remove_member (root, "archMap");
    json_generator_set_root (gen, json_parser_get_root (parser));
    cases[1].text = json_generator_to_data (gen, &cases[1].length);
  }

  g_string_append_printf (md, "# Reading and compiling Docker's profile\n\n"
                          "Written by `tests/bench/bench-profile` (`./run bench`); %u "
                          "repetitions, the three in a rotating order. scmp-glib: "
                          "`ScmpOciProfile` reads the JSON and resolves it, then the filter is "
                          "compiled and freed. libseccomp: the same JSON parsed by json-glib, "
                          "then the resolved rules added, exported and released (resolving the "
                          "profile is not counted for it). Times in ms: median (10th–90th "
                          "percentile).\n\n"
                          "| Profile | Program (ours / libseccomp / tree) | scmp-glib | libseccomp | "
                          "libseccomp tree | libseccomp ÷ scmp-glib | tree ÷ scmp-glib |\n"
                          "|---|---|---|---|---|---|---|\n", reps);

  for (guint ci = 0; ci < G_N_ELEMENTS (cases); ci++)
    {
      Case *c = &cases[ci];
      g_autofree double *times[N_COMP] = { g_new (double, reps), g_new (double, reps),
                                           g_new (double, reps) };
      guint len[N_COMP] = { 0 };
      double med[N_COMP];

      case_resolve (c);
      for (guint r = 0; r < reps + 2; r++)
        for (guint k = 0; k < N_COMP; k++)
          {
            guint comp = (r + k) % N_COMP;
            gint64 t0 = now_ns ();

            len[comp] = comp == OURS ? run_ours (c) : run_lsc (c, comp == LSC_TREE, out_fd);
            /* The first two rounds warm everything up. */
            if (r >= 2)
              times[comp][r - 2] = (now_ns () - t0) / 1e6;
          }

      printf ("%s: %u rules for libseccomp, %u ABIs\n", c->label, c->rules->len, c->n_arches);
      for (guint k = 0; k < N_COMP; k++)
        {
          med[k] = median (times[k], reps);
          printf ("  %-16s %5u instructions  %.3f ms (%.3f-%.3f)\n", comp_names[k], len[k],
                  med[k], percentile (times[k], reps, 0.1), percentile (times[k], reps, 0.9));
        }
      printf ("  libseccomp / scmp-glib: %.1fx, tree / scmp-glib: %.1fx\n",
              med[LSC] / med[OURS], med[LSC_TREE] / med[OURS]);
      g_string_append_printf (md, "| %s | %u / %u / %u |", c->label, len[OURS], len[LSC], len[LSC_TREE]);
      for (guint k = 0; k < N_COMP; k++)
        g_string_append_printf (md, " %.3f (%.3f–%.3f) |", med[k],
                                percentile (times[k], reps, 0.1), percentile (times[k], reps, 0.9));
      g_string_append_printf (md, " %.1f× | %.1f× |\n", med[LSC] / med[OURS], med[LSC_TREE] / med[OURS]);
      g_array_unref (c->rules);
      g_free (c->text);
    }

  printf ("libseccomp %u.%u.%u\n", seccomp_version ()->major, seccomp_version ()->minor,
          seccomp_version ()->micro);
  g_string_append_printf (md, "\nlibseccomp %u.%u.%u.\n", seccomp_version ()->major,
                          seccomp_version ()->minor, seccomp_version ()->micro);
  if (markdown != NULL && !g_file_set_contents (markdown, md->str, md->len, NULL))
    g_error ("cannot write %s", markdown);
  close (out_fd);
  return 0;
}
