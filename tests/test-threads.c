/* test-threads.c: one filter read from eight threads at once (export,
 * evaluation, explanation, lint) while a ninth builds and frees filters of
 * its own; every thread checks the values it gets, not only that nothing
 * crashed. `./run test` also runs it under ThreadSanitizer.
 *
 * SPDX-FileCopyrightText: 2026 The scmp-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <scmp-glib/scmp-glib.h>

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "test-rules.h"

#define N_READERS 8

/* Rounds each reader makes; the builder keeps going until the readers are
 * done. Small enough for ThreadSanitizer and valgrind on two cores. */
#define N_ROUNDS 20

/* Minimum number of filters the builder makes, even if the readers are
 * done first. */
#define MIN_BUILDS 4

/* The calls the readers evaluate: by name, or by number when @syscall is
 * NULL. */
typedef struct {
  ScmpArchitecture arch;
  const char      *syscall;
  int              nr;
  guint64          args[6];
} Call;

static const Call calls[] = {
  { SCMP_ARCHITECTURE_X86_64,  "write",   0, { 1 } },
  { SCMP_ARCHITECTURE_X86_64,  "write",   0, { 2 } },
  { SCMP_ARCHITECTURE_X86_64,  "write",   0, { 3 } },
  { SCMP_ARCHITECTURE_X86,     "write",   0, { 1 } },
  { SCMP_ARCHITECTURE_X32,     "write",   0, { 4 } },
  { SCMP_ARCHITECTURE_AARCH64, "read",    0, { 0 } },
  { SCMP_ARCHITECTURE_AARCH64, "openat",  0, { (guint64) AT_FDCWD, 0, O_WRONLY | O_CREAT } },
  { SCMP_ARCHITECTURE_AARCH64, "openat",  0, { (guint64) AT_FDCWD, 0, O_RDONLY } },
  { SCMP_ARCHITECTURE_X86_64,  "kill",    0, { 1234, SIGKILL } },
  { SCMP_ARCHITECTURE_X86_64,  "kill",    0, { 1234, SIGTERM } },
  { SCMP_ARCHITECTURE_X86,     "connect", 0, { 3 } },
  /* socketcall (102 on i386) with SYS_CONNECT: the multiplexed connect */
  { SCMP_ARCHITECTURE_X86,     NULL,      102, { 3 } },
  { SCMP_ARCHITECTURE_X32,     "ptrace",  0, { 0 } },
  { SCMP_ARCHITECTURE_X86_64,  "getpid",  0, { 0 } },
  { SCMP_ARCHITECTURE_AARCH64, "ioctl",   0, { 0, 0x5401 /* TCGETS */ } },
  /* a number no table knows: the unknown-syscall action */
  { SCMP_ARCHITECTURE_X86_64,  NULL,      4000, { 0 } },
  { SCMP_ARCHITECTURE_X86_64,  "mkdir",   0, { 0 } },
};

#define N_CALLS G_N_ELEMENTS (calls)

/* What one reader (or the main thread) got from the filter. */
typedef struct {
  GBytes  *bpf;
  char    *pfc;
  char    *variant;                /* scmp_filter_serialize(), printed */
  char    *oci;
  guint    n_oci_warnings;
  char    *getters;                /* what the getters say, as text */
  guint32  verdicts[N_CALLS];      /* kernel values of scmp_filter_evaluate() */
  int      rule_indices[N_CALLS];  /* scmp_verdict_get_rule_index() */
  guint32  explained[N_CALLS];     /* the kernel value of the verdict's action */
  guint    n_findings;
  char    *findings;               /* one line per finding: kind, rule, message */
} Results;

static void
results_clear (Results *r)
{
  g_clear_pointer (&r->bpf, g_bytes_unref);
  g_clear_pointer (&r->pfc, g_free);
  g_clear_pointer (&r->variant, g_free);
  g_clear_pointer (&r->oci, g_free);
  g_clear_pointer (&r->getters, g_free);
  g_clear_pointer (&r->findings, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Results, results_clear)

/* The shared filter: four ABIs, rules with and without arguments, each
 * kind of action, and rules the linter has something to say about. */
static ScmpFilter *
build_shared_filter (void)
{
  g_autoptr(ScmpAction) eperm = scmp_action_new_errno (EPERM, NULL);
  g_autoptr(ScmpAction) eacces = scmp_action_new_errno (EACCES, NULL);
  g_autoptr(ScmpAction) refused = scmp_action_new_errno (ECONNREFUSED, NULL);
  g_autoptr(ScmpAction) enosys = scmp_action_new_errno (ENOSYS, NULL);
  g_autoptr(ScmpAction) allow = scmp_action_new_allow ();
  g_autoptr(ScmpAction) trap = scmp_action_new_trap (5);
  g_autoptr(ScmpAction) kill = scmp_action_new_kill_process ();
  g_autoptr(ScmpAction) log = scmp_action_new_log ();
  g_autoptr(ScmpAction) notify = scmp_action_new_notify ();
  g_autoptr(ScmpAction) trace = scmp_action_new_trace (7);
  g_autoptr(ScmpFilter) filter = scmp_filter_new (eperm);
  const ScmpArchitecture arches[] = {
    SCMP_ARCHITECTURE_X86_64, SCMP_ARCHITECTURE_X86,
    SCMP_ARCHITECTURE_X32, SCMP_ARCHITECTURE_AARCH64,
  };
  ScmpCondition fd1 = { 0, SCMP_COMPARE_OP_EQ, 1, 0, FALSE };
  ScmpCondition fd2 = { 0, SCMP_COMPARE_OP_EQ, 2, 0, FALSE };
  ScmpCondition fd1_short[2] = { { 0, SCMP_COMPARE_OP_EQ, 1, 0, FALSE },
                                 { 2, SCMP_COMPARE_OP_LT, 100, 0, FALSE } };
  ScmpCondition writing = { 2, SCMP_COMPARE_OP_MASKED_EQ, O_WRONLY, O_ACCMODE, FALSE };
  ScmpCondition sigkill = { 1, SCMP_COMPARE_OP_EQ, SIGKILL, 0, FALSE };
  ScmpCondition tcgets = { 1, SCMP_COMPARE_OP_EQ, 0x5401, 0, FALSE };
  ScmpCondition never[2] = { { 0, SCMP_COMPARE_OP_GT, 5, 0, FALSE },
                             { 0, SCMP_COMPARE_OP_LT, 3, 0, FALSE } };

  for (gsize i = 0; i < G_N_ELEMENTS (arches); i++)
    {
      g_autoptr(GError) error = NULL;

      if (scmp_filter_has_arch (filter, arches[i]))
        continue;
      g_assert_true (scmp_filter_add_arch (filter, arches[i], &error));
      g_assert_no_error (error);
    }
  /* only those four, whatever the native ABI is */
  {
    ScmpArchitecture native = scmp_architecture_get_native ();
    gboolean wanted = FALSE;

    for (gsize i = 0; i < G_N_ELEMENTS (arches); i++)
      wanted |= arches[i] == native;
    if (!wanted)
      g_assert_true (scmp_filter_remove_arch (filter, native, NULL));
  }

  scmp_filter_set_unknown_syscall_action (filter, enosys);
  g_assert_true (scmp_filter_set_known_kernel (filter, "6.1", NULL));
  g_assert_true (scmp_filter_set_priority (filter, "read", 5, NULL));
  test_add_rule (filter, "write", allow, &fd1, 1);      /* 0 */
  test_add_rule (filter, "write", allow, &fd2, 1);      /* 1 */
  test_add_rule (filter, "write", eacces, fd1_short, 2); /* 2: shadowed by 0 */
  test_add_rule (filter, "read", allow, NULL, 0);       /* 3 */
  test_add_rule (filter, "openat", eacces, &writing, 1); /* 4 */
  test_add_rule (filter, "kill", trap, &sigkill, 1);    /* 5 */
  test_add_rule (filter, "connect", refused, NULL, 0);  /* 6 */
  test_add_rule (filter, "ptrace", kill, NULL, 0);      /* 7 */
  test_add_rule (filter, "getpid", log, NULL, 0);       /* 8 */
  test_add_rule (filter, "ioctl", notify, &tcgets, 1);  /* 9 */
  test_add_rule (filter, "mkdir", trace, NULL, 0);      /* 10: not on aarch64 */
  test_add_rule (filter, "close", kill, never, 2);      /* 11: unsatisfiable */
  test_add_rule (filter, "getuid", eperm, NULL, 0);     /* 12: the default anyway */
  return g_steal_pointer (&filter);
}

/* The whole content of @fd, from offset 0. */
static GBytes *
read_fd (int fd)
{
  g_autoptr(GByteArray) data = g_byte_array_new ();
  guint8 buf[4096];
  off_t offset = 0;
  ssize_t n;

  while ((n = pread (fd, buf, sizeof buf, offset)) > 0)
    {
      g_byte_array_append (data, buf, (guint) n);
      offset += n;
    }
  g_assert_cmpint (n, ==, 0);
  return g_byte_array_free_to_bytes (g_steal_pointer (&data));
}

/* The other ways out of the program: each must give the bytes of
 * scmp_filter_export_bpf(). */
static void
assert_other_exports (ScmpFilter *filter,
                      GBytes     *bpf)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(GBytes) from_memfd = NULL;
  g_autoptr(GBytes) from_fd = NULL;
  g_autoptr(GBytes) from_stream = NULL;
  int fd;

  g_assert_true (scmp_filter_prepare (filter, &error));
  g_assert_no_error (error);

  fd = scmp_filter_export_bpf_memfd (filter, &error);
  g_assert_no_error (error);
  g_assert_cmpint (fd, >=, 0);
  from_memfd = read_fd (fd);
  g_assert_cmpint (close (fd), ==, 0);
  g_assert_true (g_bytes_equal (from_memfd, bpf));

  fd = memfd_create ("test-threads", MFD_CLOEXEC);
  g_assert_cmpint (fd, >=, 0);
  g_assert_true (scmp_filter_write_bpf_to_fd (filter, fd, &error));
  g_assert_no_error (error);
  from_fd = read_fd (fd);
  g_assert_cmpint (close (fd), ==, 0);
  g_assert_true (g_bytes_equal (from_fd, bpf));

  g_assert_true (scmp_filter_write_bpf_to_stream (filter, stream, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_close (stream, NULL, &error));
  g_assert_no_error (error);
  from_stream = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (stream));
  g_assert_true (g_bytes_equal (from_stream, bpf));
}

/* What the getters and the list model say about @filter. */
static char *
describe_filter (ScmpFilter *filter)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree ScmpArchitecture *arches = NULL;
  g_autofree char *dflt = scmp_action_to_string (scmp_filter_get_default_action (filter));
  g_autofree char *bad_arch = scmp_action_to_string (scmp_filter_get_bad_arch_action (filter));
  g_autofree char *unknown = scmp_action_to_string (scmp_filter_get_unknown_syscall_action (filter));
  g_autofree char *kernel = scmp_filter_dup_known_kernel (filter);
  g_autoptr(ScmpAction) dflt_property = NULL;
  gsize n_arches;
  guint n_rules;
  gboolean nnp;

  g_object_get (filter, "default-action", &dflt_property, "n-rules", &n_rules,
                "no-new-privs", &nnp, NULL);
  g_assert_true (dflt_property == scmp_filter_get_default_action (filter));
  g_assert_cmpuint (n_rules, ==, scmp_filter_get_n_rules (filter));
  g_assert_cmpint (nnp, ==, scmp_filter_get_no_new_privs (filter));

  arches = scmp_filter_list_arches (filter, &n_arches);
  for (gsize i = 0; i < n_arches; i++)
    g_string_append_printf (text, "%s ", scmp_architecture_to_name (arches[i]));
  g_string_append_printf (text, "\n%s %s %s %s nnp=%d tsync=%d log=%d spec=%d wait=%d skip=%d prio=%u\n",
                          dflt, bad_arch, unknown, kernel != NULL ? kernel : "-",
                          scmp_filter_get_no_new_privs (filter),
                          scmp_filter_get_thread_sync (filter),
                          scmp_filter_get_log (filter),
                          scmp_filter_get_spec_allow (filter),
                          scmp_filter_get_wait_killable (filter),
                          scmp_filter_get_allow_tracer_skip (filter),
                          scmp_filter_get_priority (filter, "read"));
  g_assert_cmpuint (scmp_filter_get_n_rules (filter),
                    ==, g_list_model_get_n_items (G_LIST_MODEL (filter)));
  for (guint i = 0; i < scmp_filter_get_n_rules (filter); i++)
    {
      g_autoptr(ScmpRule) item = g_list_model_get_item (G_LIST_MODEL (filter), i);
      g_autofree char *rule = scmp_rule_to_string (scmp_filter_get_rule (filter, i));

      g_assert_true (item == scmp_filter_get_rule (filter, i));
      g_string_append_printf (text, "%s\n", rule);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Everything the readers do, once. */
static void
read_filter (ScmpFilter *filter,
             Results    *out)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) findings = NULL;
  g_autoptr(GString) lines = g_string_new (NULL);

  out->bpf = scmp_filter_export_bpf (filter, &error);
  g_assert_no_error (error);
  g_assert_nonnull (out->bpf);

  out->pfc = scmp_filter_export_pfc (filter, &error);
  g_assert_no_error (error);
  g_assert_nonnull (out->pfc);

  assert_other_exports (filter, out->bpf);

  {
    g_autoptr(GVariant) variant = scmp_filter_serialize (filter);
    g_auto(GStrv) warnings = NULL;

    out->variant = g_variant_print (variant, FALSE);
    out->oci = scmp_filter_export_oci (filter, SCMP_OCI_EXPORT_FLAGS_NONE, &warnings, &error);
    g_assert_no_error (error);
    g_assert_nonnull (out->oci);
    out->n_oci_warnings = warnings != NULL ? g_strv_length (warnings) : 0;
  }
  out->getters = describe_filter (filter);

  for (gsize i = 0; i < N_CALLS; i++)
    {
      const Call *c = &calls[i];
      g_autoptr(ScmpAction) action = NULL;
      g_autoptr(ScmpVerdict) verdict = NULL;

      if (c->syscall != NULL)
        {
          action = scmp_filter_evaluate_syscall (filter, c->arch, c->syscall, c->args, 6, &error);
          g_assert_no_error (error);
          verdict = scmp_filter_explain_syscall (filter, c->arch, c->syscall, c->args, 6, &error);
          g_assert_no_error (error);
        }
      else
        {
          action = scmp_filter_evaluate (filter, c->arch, c->nr, c->args, 6, &error);
          g_assert_no_error (error);
          verdict = scmp_filter_explain (filter, c->arch, c->nr, c->args, 6, &error);
          g_assert_no_error (error);
        }
      g_assert_nonnull (action);
      g_assert_nonnull (verdict);
      out->verdicts[i] = scmp_action_get_kernel_value (action);
      out->rule_indices[i] = scmp_verdict_get_rule_index (verdict);
      out->explained[i] = scmp_action_get_kernel_value (scmp_verdict_get_action (verdict));
    }

  findings = scmp_filter_lint (filter, &error);
  g_assert_no_error (error);
  g_assert_nonnull (findings);
  out->n_findings = g_list_model_get_n_items (findings);
  for (guint i = 0; i < out->n_findings; i++)
    {
      g_autoptr(ScmpFinding) f = g_list_model_get_item (findings, i);

      g_string_append_printf (lines, "%d %d %s\n", scmp_finding_get_kind (f),
                              scmp_finding_get_rule_index (f),
                              scmp_finding_get_message (f));
    }
  out->findings = g_string_free (g_steal_pointer (&lines), FALSE);
}

static void
assert_same_results (const Results *got,
                     const Results *expected)
{
  g_assert_true (g_bytes_equal (got->bpf, expected->bpf));
  g_assert_cmpstr (got->pfc, ==, expected->pfc);
  g_assert_cmpstr (got->variant, ==, expected->variant);
  g_assert_cmpstr (got->oci, ==, expected->oci);
  g_assert_cmpuint (got->n_oci_warnings, ==, expected->n_oci_warnings);
  g_assert_cmpstr (got->getters, ==, expected->getters);
  for (gsize i = 0; i < N_CALLS; i++)
    {
      g_assert_cmphex (got->verdicts[i], ==, expected->verdicts[i]);
      g_assert_cmpint (got->rule_indices[i], ==, expected->rule_indices[i]);
      g_assert_cmphex (got->explained[i], ==, expected->explained[i]);
    }
  g_assert_cmpuint (got->n_findings, ==, expected->n_findings);
  g_assert_cmpstr (got->findings, ==, expected->findings);
}

/* The values the single-threaded reference must have, written out so that
 * a reference that is itself wrong cannot pass. */
static void
assert_expected_reference (const Results *ref)
{
  static const struct {
    guint32 verdict;
    int     rule;
  } expected[N_CALLS] = {
    { 0x7fff0000, 0 },                    /* write(1): allow */
    { 0x7fff0000, 1 },                    /* write(2): allow */
    { 0x00050000 | EPERM, -1 },           /* write(3): the default */
    { 0x7fff0000, 0 },                    /* i386 write(1) */
    { 0x00050000 | EPERM, -1 },           /* x32 write(4) */
    { 0x7fff0000, 3 },                    /* aarch64 read */
    { 0x00050000 | EACCES, 4 },           /* openat for writing */
    { 0x00050000 | EPERM, -1 },           /* openat read-only */
    { 0x00030000 | 5, 5 },                /* kill(SIGKILL): trap(5) */
    { 0x00050000 | EPERM, -1 },           /* kill(SIGTERM) */
    { 0x00050000 | ECONNREFUSED, 6 },     /* i386 connect */
    { 0x00050000 | ECONNREFUSED, 6 },     /* socketcall(SYS_CONNECT) */
    { 0x80000000, 7 },                    /* x32 ptrace: kill-process */
    { 0x7ffc0000, 8 },                    /* getpid: log */
    { 0x7fc00000, 9 },                    /* ioctl(TCGETS): notify */
    { 0x00050000 | ENOSYS, -1 },          /* 4000: unknown syscall */
    { 0x7ff00000 | 7, 10 },               /* mkdir: trace(7) */
  };

  for (gsize i = 0; i < N_CALLS; i++)
    {
      g_test_message ("call %" G_GSIZE_FORMAT ": 0x%08x, rule %d", i,
                      ref->verdicts[i], ref->rule_indices[i]);
      g_assert_cmphex (ref->verdicts[i], ==, expected[i].verdict);
      g_assert_cmphex (ref->explained[i], ==, expected[i].verdict);
      g_assert_cmpint (ref->rule_indices[i], ==, expected[i].rule);
    }
  /* 2 shadowed, 10 missing on aarch64, 11 unsatisfiable, 12 redundant */
  g_test_message ("findings:\n%s", ref->findings);
  g_assert_cmpuint (ref->n_findings, ==, 4);
  g_test_message ("getters:\n%s", ref->getters);
  g_assert_true (g_str_has_prefix (ref->getters,
                                   "x86_64 x86 x32 aarch64 \n"
                                   "errno(1) kill-process errno(38) 6.1 nnp=1 tsync=0 "
                                   "log=0 spec=0 wait=0 skip=0 prio=5\n"
                                   "write: allow if arg0 == 1\n"));
  g_assert_nonnull (strstr (ref->variant, "'known-kernel': <'6.1'>"));
  g_assert_nonnull (strstr (ref->oci, "\"SCMP_ACT_ERRNO\""));
  g_assert_cmpuint (g_bytes_get_size (ref->bpf) % 8, ==, 0);
  g_assert_cmpuint (g_bytes_get_size (ref->bpf), >, 8 * 20);
}

/* ------------------------------------------------------------------ */

typedef struct {
  ScmpFilter    *filter;
  const Results *reference;   /* NULL: the readers compare among themselves */
  gint           waiting;        /* atomic */
  guint          n_threads;
  gint           readers_done;   /* atomic */
  Results        first[N_READERS];
  guint          builds;
} Shared;

/* Returns once all @n_threads threads have called it. A spinning barrier
 * of atomics rather than a GMutex and a GCond: GLib's are futexes in a
 * library ThreadSanitizer does not instrument, so it could not see the
 * order they give, while the atomics here are compiled into this program. */
static void
barrier_wait (Shared *shared)
{
  g_atomic_int_inc (&shared->waiting);
  while ((guint) g_atomic_int_get (&shared->waiting) < shared->n_threads)
    g_thread_yield ();
}

typedef struct {
  Shared *shared;
  guint   index;
} Reader;

static gpointer
reader_thread (gpointer data)
{
  Reader *reader = data;
  Shared *shared = reader->shared;
  Results *first = &shared->first[reader->index];

  barrier_wait (shared);
  for (guint round = 0; round < N_ROUNDS; round++)
    {
      g_auto(Results) got = { 0 };

      read_filter (shared->filter, &got);
      if (shared->reference != NULL)
        assert_same_results (&got, shared->reference);
      if (round == 0)
        {
          *first = got;
          memset (&got, 0, sizeof got);
        }
      else
        {
          assert_same_results (&got, first);
        }
    }
  g_atomic_int_inc (&shared->readers_done);
  return NULL;
}

typedef struct {
  GThread *thread;   /* the builder's */
  guint    n_added;
} Added;

/* ScmpFilter::rule-added: signals come in the thread that makes the
 * change, from within the call. */
static void
rule_added_cb (ScmpFilter *filter,
               ScmpRule   *rule,
               guint       position,
               gpointer    data)
{
  Added *added = data;

  g_assert_true (g_thread_self () == added->thread);
  g_assert_true (scmp_filter_get_rule (filter, position) == rule);
  added->n_added++;
}

/* A filter of the builder's own; @n varies its rules a little. */
static ScmpFilter *
build_own_filter (guint  n,
                  Added *added)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScmpAction) dflt = scmp_action_new_from_string ("errno(EACCES)", &error);
  g_autoptr(ScmpAction) allow = scmp_action_new_from_string ("allow", &error);
  g_autoptr(ScmpAction) eperm = scmp_action_new_from_string ("errno(EPERM)", &error);
  g_autoptr(ScmpFilter) filter = NULL;
  ScmpCondition low_fd = { 0, SCMP_COMPARE_OP_LE, 2 + n % 3, 0, FALSE };

  g_assert_no_error (error);
  filter = scmp_filter_new (dflt);
  g_signal_connect (filter, "rule-added", G_CALLBACK (rule_added_cb), added);
  g_assert_true (scmp_filter_add_arch (filter, SCMP_ARCHITECTURE_AARCH64, &error) ||
                 g_error_matches (error, SCMP_ERROR, SCMP_ERROR_EXISTS));
  g_clear_error (&error);
  g_assert_true (scmp_filter_add_rules_for_set (filter, "@default", allow, NULL, 0, &error));
  g_assert_no_error (error);
  test_add_rule (filter, "write", allow, &low_fd, 1);
  test_add_rule (filter, "unshare", eperm, NULL, 0);
  g_assert_cmpuint (added->n_added, ==, scmp_filter_get_n_rules (filter));
  g_assert_cmpuint (added->n_added, >, 30);
  return g_steal_pointer (&filter);
}

static gpointer
builder_thread (gpointer data)
{
  Shared *shared = data;
  GBytes *first[3] = { NULL, NULL, NULL };

  barrier_wait (shared);
  for (guint n = 0; n < MIN_BUILDS || g_atomic_int_get (&shared->readers_done) < N_READERS; n++)
    {
      Added added = { g_thread_self (), 0 };
      g_autoptr(ScmpFilter) filter = build_own_filter (n, &added);
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bpf = scmp_filter_export_bpf (filter, &error);
      g_autoptr(ScmpAction) got = NULL;
      guint64 args[6] = { 2 + n % 3 + 1 };

      g_assert_no_error (error);
      /* the same rules give the same program, every time */
      if (first[n % 3] == NULL)
        first[n % 3] = g_bytes_ref (bpf);
      else
        g_assert_true (g_bytes_equal (bpf, first[n % 3]));

      got = scmp_filter_evaluate_syscall (filter, SCMP_ARCHITECTURE_AARCH64, "write", args, 6, &error);
      g_assert_no_error (error);
      g_assert_cmpint (scmp_action_get_kind (got), ==, SCMP_ACTION_KIND_ERRNO);
      g_assert_cmpuint (scmp_action_get_errno_value (got), ==, EACCES);
      g_clear_object (&got);
      args[0] = 1;
      got = scmp_filter_evaluate_syscall (filter, SCMP_ARCHITECTURE_AARCH64, "write", args, 6, &error);
      g_assert_no_error (error);
      g_assert_cmpint (scmp_action_get_kind (got), ==, SCMP_ACTION_KIND_ALLOW);

      /* and change it after it was compiled: the program follows */
      scmp_filter_remove_rule_at (filter, scmp_filter_get_n_rules (filter) - 1);
      g_clear_object (&got);
      got = scmp_filter_evaluate_syscall (filter, SCMP_ARCHITECTURE_AARCH64, "unshare", args, 6, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (scmp_action_get_errno_value (got), ==, EACCES);
      shared->builds = n + 1;
    }
  for (guint i = 0; i < G_N_ELEMENTS (first); i++)
    g_clear_pointer (&first[i], g_bytes_unref);
  return NULL;
}

/* Starts the readers and the builder on @filter together, and waits for
 * them. */
static void
run_threads (Shared *shared)
{
  GThread *readers[N_READERS];
  Reader reader_data[N_READERS];
  GThread *builder;

  shared->n_threads = N_READERS + 1;

  for (guint i = 0; i < N_READERS; i++)
    {
      g_autofree char *name = g_strdup_printf ("reader-%u", i);

      reader_data[i].shared = shared;
      reader_data[i].index = i;
      readers[i] = g_thread_new (name, reader_thread, &reader_data[i]);
    }
  builder = g_thread_new ("builder", builder_thread, shared);

  for (guint i = 0; i < N_READERS; i++)
    g_thread_join (readers[i]);
  g_thread_join (builder);
  g_test_message ("the builder made %u filters", shared->builds);
  g_assert_cmpuint (shared->builds, >=, MIN_BUILDS);
}

static void
shared_clear (Shared *shared)
{
  for (guint i = 0; i < N_READERS; i++)
    results_clear (&shared->first[i]);
}

/* The reference is computed in this thread first; each reader checks
 * every round against it. */
static void
test_threads_warm (void)
{
  g_autoptr(ScmpFilter) filter = build_shared_filter ();
  g_auto(Results) reference = { 0 };
  Shared shared = { 0 };

  g_test_summary ("Eight threads export, evaluate, explain and lint one compiled "
                  "filter while a ninth builds and frees filters; all get the "
                  "single-threaded results.");

  read_filter (filter, &reference);
  assert_expected_reference (&reference);

  shared.filter = filter;
  shared.reference = &reference;
  run_threads (&shared);
  for (guint i = 0; i < N_READERS; i++)
    assert_same_results (&shared.first[i], &reference);
  shared_clear (&shared);

  /* the readers changed nothing */
  g_assert_cmpuint (scmp_filter_get_n_rules (filter), ==, 13);
}

/* In a fresh process, nothing of the library has run but building the
 * filter: the readers race to compile it and to set up whatever the
 * library sets up on first use; the reference comes afterwards. */
static void
test_threads_cold (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(ScmpFilter) filter = build_shared_filter ();
      GType classes[] = { SCMP_TYPE_VERDICT, SCMP_TYPE_FINDING, G_TYPE_LIST_STORE,
                          G_TYPE_MEMORY_OUTPUT_STREAM };
      g_auto(Results) reference = { 0 };
      Shared shared = { 0 };

      /* GObject classes are made on first use, and published to the
       * other threads by an atomic inside libgobject, which
       * ThreadSanitizer does not instrument: it would take the first
       * reads of a class made in another thread for races. These are
       * GLib's, not the library's, so the classes the readers use are
       * made here; everything of scmp-glib's own stays for the threads
       * to set up. */
      for (gsize i = 0; i < G_N_ELEMENTS (classes); i++)
        g_type_class_unref (g_type_class_ref (classes[i]));

      shared.filter = filter;
      run_threads (&shared);

      read_filter (filter, &reference);
      assert_expected_reference (&reference);
      for (guint i = 0; i < N_READERS; i++)
        assert_same_results (&shared.first[i], &reference);
      shared_clear (&shared);
      return;
    }

  g_test_summary ("The same, with the first compilation, lint and explanation "
                  "of the process made by the threads at once.");
  g_test_trap_subprocess (NULL, 0,
                          G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/threads/cold", test_threads_cold);
  g_test_add_func ("/threads/warm", test_threads_warm);

  return g_test_run ();
}
