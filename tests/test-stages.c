/* test-stages.c: the compiler's stages, one at a time
 *
 * SPDX-FileCopyrightText: 2026 The scmp-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The end-to-end tests (test-filter, test-differential, test-kernel-args)
 * check what a filter does; these check what each stage hands the next:
 * the decisions (expansion of multiplexed calls, trimming), the search
 * tree over ranges, and emission (far jumps, RET islands, the size limit).
 */

#include "config.h"

#include "scmp-action.h"
#include "scmp-architecture.h"
#include "scmp-condition.h"
#include "scmp-error.h"
#include "scmp-filter.h"
#include "scmp-rule.h"

#include "scmp-arch-private.h"
#include "scmp-bpf-private.h"
#include "scmp-dag-private.h"
#include "scmp-decision-private.h"
#include "scmp-emit-private.h"
#include "scmp-filter-private.h"
#include "scmp-range-tree-private.h"

#include "test-rules.h"

#include <errno.h>
#include <string.h>
#include <linux/seccomp.h>

#define RET_ERRNO(e) (SECCOMP_RET_ERRNO | (e))

/* --- decisions ------------------------------------------------------ */

/* A filter for one ABI with default ERRNO(EPERM). */
static ScmpFilter *
filter_for (ScmpArchitecture arch)
{
  g_autoptr(ScmpAction) deny = scmp_action_new_errno (EPERM, NULL);
  g_autoptr(ScmpFilter) filter = scmp_filter_new (deny);
  g_autoptr(GError) error = NULL;
  ScmpArchitecture native = scmp_architecture_get_native ();

  if (arch != native)
    {
      g_assert_true (scmp_filter_add_arch (filter, arch, &error));
      g_assert_true (scmp_filter_remove_arch (filter, native, &error));
    }
  g_assert_no_error (error);
  return g_steal_pointer (&filter);
}

/* The decision the filter's rules give @syscall's number on its only ABI. */
static const ScmpDecision *
decision_of (ScmpDecisions *decisions,
             ScmpFilter    *filter,
             const char    *syscall)
{
  ScmpCompileInput input;
  int idx = _scmp_syscall_lookup (syscall);

  g_assert_cmpint (idx, >=, 0);
  _scmp_filter_get_compile_input (filter, &input);
  g_assert_cmpuint (input.n_arches, ==, 1);
  _scmp_decisions_build (decisions, &input);
  g_assert_cmpuint (decisions->n, ==, 1);
  return &decisions->ads[0].by_name[idx];
}

static void
test_decision_trim (void)
{
  g_autoptr(ScmpFilter) filter = filter_for (SCMP_ARCHITECTURE_X86_64);
  g_autoptr(ScmpAction) allow = scmp_action_new_allow ();
  g_autoptr(ScmpAction) eacces = scmp_action_new_errno (EACCES, NULL);
  g_autoptr(ScmpAction) kill = scmp_action_new_kill_process ();
  g_autoptr(ScmpAction) deny = scmp_action_new_errno (EPERM, NULL);
  g_auto(ScmpDecisions) decisions = { NULL, 0 };
  ScmpCondition a0_1 = { 0, SCMP_COMPARE_OP_EQ, 1, 0, FALSE };
  ScmpCondition a0_1_and_a1_2[] = { { 0, SCMP_COMPARE_OP_EQ, 1, 0, FALSE },
                                    { 1, SCMP_COMPARE_OP_EQ, 2, 0, FALSE } };
  ScmpCondition never[] = { { 0, SCMP_COMPARE_OP_EQ, 3, 0, FALSE },
                            { 0, SCMP_COMPARE_OP_EQ, 4, 0, FALSE } };
  ScmpCondition a0_5 = { 0, SCMP_COMPARE_OP_EQ, 5, 0, FALSE };
  ScmpCondition a0_6 = { 0, SCMP_COMPARE_OP_EQ, 6, 0, FALSE };
  const ScmpDecision *d;

  /* read: a0 == 1 → ALLOW; a0 == 1 && a1 == 2 → EACCES (never fires:
   * the first holds whenever it does); a0 == 3 && a0 == 4 → KILL (can
   * never hold); a0 == 5 → EACCES; a0 == 6 → EPERM (the default, and last
   * before the unconditional: kept, since KILL follows); unconditional
   * KILL; a0 == 5 → ALLOW (after an unconditional clause). */
  test_add_rule (filter, "read", allow, &a0_1, 1);
  test_add_rule (filter, "read", eacces, a0_1_and_a1_2, 2);
  test_add_rule (filter, "read", kill, never, 2);
  test_add_rule (filter, "read", eacces, &a0_5, 1);
  test_add_rule (filter, "read", deny, &a0_6, 1);
  test_add_rule (filter, "read", kill, NULL, 0);

  /* write: a0 == 1 → ALLOW, a0 == 5 → EPERM (the default: trailing, dropped) */
  test_add_rule (filter, "write", allow, &a0_1, 1);
  test_add_rule (filter, "write", deny, &a0_5, 1);

  d = decision_of (&decisions, filter, "read");
  g_assert_cmpuint (d->n, ==, 4);
  g_assert_cmpuint (d->clauses[0].n_conds, ==, 1);
  g_assert_cmphex (d->clauses[0].action, ==, SECCOMP_RET_ALLOW);
  g_assert_cmpuint (d->clauses[1].conds[0].datum, ==, 5);
  g_assert_cmphex (d->clauses[1].action, ==, RET_ERRNO (EACCES));
  g_assert_cmpuint (d->clauses[2].conds[0].datum, ==, 6);
  g_assert_cmphex (d->clauses[2].action, ==, RET_ERRNO (EPERM));
  g_assert_cmpuint (d->clauses[3].n_conds, ==, 0);
  g_assert_cmphex (d->clauses[3].action, ==, SECCOMP_RET_KILL_PROCESS);

  /* read's argument 0 is an unsigned int on x86_64: 32 bits, unsigned */
  g_assert_cmpuint (d->clauses[0].conds[0].bits, ==, 32);
  g_assert_false (d->clauses[0].conds[0].is_signed);

  _scmp_decisions_clear (&decisions);
  d = decision_of (&decisions, filter, "write");
  g_assert_cmpuint (d->n, ==, 1);
  g_assert_cmphex (d->clauses[0].action, ==, SECCOMP_RET_ALLOW);

  _scmp_decisions_clear (&decisions);
  d = decision_of (&decisions, filter, "close");
  g_assert_cmpuint (d->n, ==, 0);
}

/* On x86 (32-bit), socket(2) is also socketcall(SYS_SOCKET, args): the
 * sub-call is readable (args[0], an int), the socket arguments are not. */
static void
test_decision_expand_socketcall (void)
{
  g_autoptr(ScmpFilter) filter = filter_for (SCMP_ARCHITECTURE_X86);
  g_autoptr(ScmpAction) allow = scmp_action_new_allow ();
  g_autoptr(ScmpAction) eacces = scmp_action_new_errno (EACCES, NULL);
  g_auto(ScmpDecisions) decisions = { NULL, 0 };
  ScmpCondition unix_only = { 0, SCMP_COMPARE_OP_EQ, 1 /* AF_UNIX */, 0, FALSE };
  ScmpCondition sub_99 = { 0, SCMP_COMPARE_OP_EQ, 99, 0, FALSE };
  const ScmpDecision *d;

  /* socket(AF_UNIX, …) → ALLOW: through socketcall the family cannot be
   * read, so the call gets the most restrictive outcome the rules could
   * give — here the default — and never ALLOW. connect → EACCES whatever
   * its arguments: exactly that through socketcall too. */
  test_add_rule (filter, "socket", allow, &unix_only, 1);
  test_add_rule (filter, "connect", eacces, NULL, 0);
  test_add_rule (filter, "socketcall", allow, &sub_99, 1);

  d = decision_of (&decisions, filter, "socketcall");
  /* socket's sub-call gives the default (kept: more clauses follow),
   * connect's EACCES, then the multiplexer's own rule */
  g_assert_cmpuint (d->n, ==, 3);

  g_assert_cmpuint (d->clauses[0].n_conds, ==, 1);
  g_assert_cmpint (d->clauses[0].conds[0].op, ==, SCMP_COMPARE_OP_EQ);
  g_assert_cmpuint (d->clauses[0].conds[0].datum, ==, 1 /* SYS_SOCKET */);
  g_assert_true (d->clauses[0].conds[0].is_signed);
  g_assert_cmphex (d->clauses[0].action, ==, RET_ERRNO (EPERM));

  g_assert_cmpuint (d->clauses[1].conds[0].datum, ==, 3 /* SYS_CONNECT */);
  g_assert_cmphex (d->clauses[1].action, ==, RET_ERRNO (EACCES));

  g_assert_cmpuint (d->clauses[2].n_conds, ==, 1);
  g_assert_cmpuint (d->clauses[2].conds[0].datum, ==, 99);
  g_assert_cmphex (d->clauses[2].action, ==, SECCOMP_RET_ALLOW);

  /* socket's own number keeps its readable condition */
  _scmp_decisions_clear (&decisions);
  d = decision_of (&decisions, filter, "socket");
  g_assert_cmpuint (d->n, ==, 1);
  g_assert_cmpuint (d->clauses[0].conds[0].datum, ==, 1);
  g_assert_cmphex (d->clauses[0].action, ==, SECCOMP_RET_ALLOW);
}

/* ipc(2) dispatches on call & 0xffff; the rest is a version. */
static void
test_decision_expand_ipc (void)
{
  g_autoptr(ScmpFilter) filter = filter_for (SCMP_ARCHITECTURE_X86);
  g_autoptr(ScmpAction) allow = scmp_action_new_allow ();
  g_auto(ScmpDecisions) decisions = { NULL, 0 };
  const ScmpDecision *d;

  test_add_rule (filter, "shmat", allow, NULL, 0);
  d = decision_of (&decisions, filter, "ipc");
  g_assert_cmpuint (d->n, ==, 1);
  g_assert_cmpuint (d->clauses[0].n_conds, ==, 1);
  g_assert_cmpint (d->clauses[0].conds[0].op, ==, SCMP_COMPARE_OP_MASKED_EQ);
  g_assert_cmphex (d->clauses[0].conds[0].mask, ==, 0xffff);
  g_assert_cmpuint (d->clauses[0].conds[0].datum, ==, 21 /* SHMAT */);
  g_assert_cmphex (d->clauses[0].action, ==, SECCOMP_RET_ALLOW);
}

/* --- the range tree ------------------------------------------------- */

/* Where a call with number @nr (and arch 0) leads from @n, and how many
 * tests it takes. */
static const ScmpNode *
walk (const ScmpNode *n,
      guint32         nr,
      guint          *n_tests)
{
  *n_tests = 0;
  while (n->kind == SCMP_NODE_TEST)
    {
      guint32 a;
      gboolean taken;

      g_assert_true (n->off == SCMP_BPF_OFF_NR || n->off == SCMP_BPF_OFF_ARCH);
      a = (n->off == SCMP_BPF_OFF_NR ? nr : 0) & n->mask;
      switch (n->jop)
        {
        case BPF_JEQ: taken = a == n->k; break;
        case BPF_JGE: taken = a >= n->k; break;
        case BPF_JGT: taken = a > n->k; break;
        case BPF_JSET: taken = (a & n->k) != 0; break;
        default: g_assert_not_reached ();
        }
      n = taken ? n->t : n->f;
      (*n_tests)++;
    }
  return n;
}

/* The range of @value in @r[0..n). */
static guint
range_of (const ScmpRange *r,
          guint            n,
          guint32          value)
{
  guint i = 0;

  while (i + 1 < n && r[i + 1].lo <= value)
    i++;
  return i;
}

static double
expected_tests (const ScmpNode  *root,
                const ScmpRange *r,
                guint            n)
{
  double sum = 0, total = 0;

  for (guint i = 0; i < n; i++)
    {
      guint tests;

      walk (root, r[i].lo, &tests);
      sum += (double) (r[i].weight + 1) * tests;
      total += (double) r[i].weight + 1;
    }
  return sum / total;
}

static void
test_range_tree (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (0x5ca1ab1e);

  for (guint round = 0; round < 40; round++)
    {
      ScmpDag dag;
      g_autoptr(GArray) ranges = g_array_new (FALSE, FALSE, sizeof (ScmpRange));
      guint n_targets = 2 + round % 5, n;
      ScmpNode *targets[8];
      guint32 lo = 0;
      ScmpNode *optimal, *balanced;
      ScmpRange *r;

      _scmp_dag_init (&dag);
      for (guint t = 0; t < n_targets; t++)
        targets[t] = _scmp_dag_ret (&dag, 0x1000 + t);
      for (guint i = 0; i < 3 + round * 3; i++)
        {
          /* mostly small steps, sometimes lone numbers (JEQ triples) */
          _scmp_ranges_add (ranges, lo, targets[g_rand_int_range (rand, 0, n_targets)],
                            g_rand_int_range (rand, 0, 4) == 0 ? 0 : g_rand_int_range (rand, 1, 500));
          lo += g_rand_int_range (rand, 0, 3) == 0 ? 1 : g_rand_int_range (rand, 2, 40);
        }
      r = (ScmpRange *) (void *) ranges->data;
      n = ranges->len;

      /* ranges_add merged neighbours with the same target */
      for (guint i = 1; i < n; i++)
        {
          g_assert_true (r[i].node != r[i - 1].node);
          g_assert_cmpuint (r[i].lo, >, r[i - 1].lo);
        }

      optimal = _scmp_range_tree_optimal (&dag, SCMP_BPF_OFF_NR, r, n);
      balanced = _scmp_range_tree_balanced (&dag, SCMP_BPF_OFF_NR, r, n);

      /* every value of every range, and the edges, lands in its range */
      for (guint i = 0; i < n; i++)
        {
          guint32 last = i + 1 < n ? r[i + 1].lo - 1 : G_MAXUINT32;
          guint32 probes[] = { r[i].lo, last, r[i].lo + (last - r[i].lo) / 2 };

          for (guint p = 0; p < G_N_ELEMENTS (probes); p++)
            {
              guint tests;

              g_assert_true (walk (optimal, probes[p], &tests) ==
                             r[range_of (r, n, probes[p])].node);
              g_assert_true (walk (balanced, probes[p], &tests) ==
                             r[range_of (r, n, probes[p])].node);
            }
        }

      /* optimal is never worse than balanced on the expected tests */
      g_assert_cmpfloat (expected_tests (optimal, r, n), <=, expected_tests (balanced, r, n) + 1e-9);
      _scmp_dag_clear (&dag);
    }
}

/* A lone number between two ranges with the same outcome is one JEQ. */
static void
test_range_tree_jeq (void)
{
  ScmpDag dag;
  g_autoptr(GArray) ranges = g_array_new (FALSE, FALSE, sizeof (ScmpRange));
  ScmpNode *a, *b, *root;

  _scmp_dag_init (&dag);
  a = _scmp_dag_ret (&dag, 1);
  b = _scmp_dag_ret (&dag, 2);
  _scmp_ranges_add (ranges, 0, a, 10);
  _scmp_ranges_add (ranges, 60, b, 10);
  _scmp_ranges_add (ranges, 61, a, 10);
  root = _scmp_range_tree_optimal (&dag, SCMP_BPF_OFF_NR, (ScmpRange *) (void *) ranges->data,
                                   ranges->len);
  g_assert_cmpint (root->kind, ==, SCMP_NODE_TEST);
  g_assert_cmpuint (root->jop, ==, BPF_JEQ);
  g_assert_cmpuint (root->k, ==, 60);
  g_assert_true (root->t == b);
  g_assert_true (root->f == a);
  _scmp_dag_clear (&dag);
}

/* --- emission ------------------------------------------------------- */

/* Emits @root and checks the program against the DAG on nr = 0..n_values
 * (arch 0, no arguments): the kernel's checker accepts it and the
 * interpreter returns what a walk of the DAG does. */
static ScmpProgram *
emit_and_check (ScmpDag  *dag,
                ScmpNode *root,
                guint32   n_values)
{
  g_autoptr(ScmpProgram) program = g_new0 (ScmpProgram, 1);
  g_autoptr(GError) error = NULL;

  g_assert_true (_scmp_emit_program (dag, root, program, &error));
  g_assert_no_error (error);
  g_assert_true (_scmp_bpf_validate (program->insns, program->n_insns, &error));
  g_assert_no_error (error);

  for (guint32 v = 0; v <= n_values; v++)
    {
      ScmpBpfData data = { .nr = (gint32) v };
      ScmpBpfResult res = _scmp_bpf_run (program->insns, program->n_insns, &data, FALSE);
      guint tests;
      const ScmpNode *leaf = walk (root, v, &tests);

      g_assert_false (res.error);
      g_assert_cmphex (res.ret, ==, leaf->k);
    }
  return g_steal_pointer (&program);
}

static guint
count_insns (const ScmpProgram *p,
             guint16            code,
             guint32            k)
{
  guint n = 0;

  for (guint i = 0; i < p->n_insns; i++)
    if (p->insns[i].code == code && p->insns[i].k == k)
      n++;
  return n;
}

/* "nr == 0 ? @far : a chain of @chain tests": the chain is laid out
 * before @far, out of an 8-bit jump's reach. */
static ScmpNode *
far_dag (ScmpDag  *dag,
         guint     chain,
         ScmpNode *far)
{
  ScmpNode *node = _scmp_dag_ret (dag, 0xdead);

  for (guint i = chain; i >= 1; i--)
    node = _scmp_dag_test (dag, SCMP_BPF_OFF_NR, SCMP_WORD_ALL, BPF_JEQ, i,
                           _scmp_dag_ret (dag, 0x10000 + i), node);
  return _scmp_dag_test (dag, SCMP_BPF_OFF_NR, SCMP_WORD_ALL, BPF_JEQ, 0, far, node);
}

/* A far RET is reached through a copy placed within reach. */
static void
test_emit_ret_island (void)
{
  ScmpDag dag;
  g_autoptr(ScmpProgram) program = NULL;
  ScmpNode *root;

  _scmp_dag_init (&dag);
  root = far_dag (&dag, 300, _scmp_dag_ret (&dag, SECCOMP_RET_KILL_PROCESS));
  program = emit_and_check (&dag, root, 310);
  g_assert_cmpuint (count_insns (program, BPF_RET | BPF_K, SECCOMP_RET_KILL_PROCESS), >=, 2);
  for (guint i = 0; i < program->n_insns; i++)
    g_assert_cmpuint (program->insns[i].code, !=, BPF_JMP | BPF_JA);
  _scmp_dag_clear (&dag);
}

/* A far test is reached through a JA trampoline. */
static void
test_emit_far_jump (void)
{
  ScmpDag dag;
  g_autoptr(ScmpProgram) program = NULL;
  ScmpNode *root, *far;
  guint n_ja = 0;

  _scmp_dag_init (&dag);
  far = _scmp_dag_test (&dag, SCMP_BPF_OFF_ARCH, SCMP_WORD_ALL, BPF_JEQ, 0,
                        _scmp_dag_ret (&dag, SECCOMP_RET_ALLOW), _scmp_dag_ret (&dag, 0xbad));
  root = far_dag (&dag, 300, far);
  program = emit_and_check (&dag, root, 310);
  for (guint i = 0; i < program->n_insns; i++)
    if (program->insns[i].code == (BPF_JMP | BPF_JA))
      n_ja++;
  g_assert_cmpuint (n_ja, >=, 1);
  _scmp_dag_clear (&dag);
}

/* Loads the accumulator already holds are left out. */
static void
test_emit_loads (void)
{
  ScmpDag dag;
  g_autoptr(ScmpProgram) program = NULL;
  ScmpNode *root;

  _scmp_dag_init (&dag);
  root = far_dag (&dag, 20, _scmp_dag_ret (&dag, SECCOMP_RET_ALLOW));
  program = emit_and_check (&dag, root, 25);
  /* one load of nr for 21 tests of it */
  g_assert_cmpuint (count_insns (program, BPF_LD | BPF_W | BPF_ABS, SCMP_BPF_OFF_NR), ==, 1);
  _scmp_dag_clear (&dag);
}

static void
test_emit_too_large (void)
{
  ScmpDag dag;
  g_autoptr(ScmpProgram) program = g_new0 (ScmpProgram, 1);
  g_autoptr(GError) error = NULL;

  _scmp_dag_init (&dag);
  g_assert_false (_scmp_emit_program (&dag, far_dag (&dag, 2100, _scmp_dag_ret (&dag, 0)),
                                      program, &error));
  g_assert_error (error, SCMP_ERROR, SCMP_ERROR_TOO_LARGE);
  g_assert_null (program->insns);
  _scmp_dag_clear (&dag);
}

/* The safety net: a program the kernel would refuse never leaves the
 * compiler; the error says it is an internal one, and why. */
static void
test_check_program (void)
{
  struct sock_filter good[] = {
    BPF_STMT (BPF_LD | BPF_W | BPF_ABS, SCMP_BPF_OFF_NR),
    BPF_JUMP (BPF_JMP | BPF_JEQ | BPF_K, 1, 0, 1),
    BPF_STMT (BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
    BPF_STMT (BPF_RET | BPF_K, SECCOMP_RET_KILL_PROCESS),
  };
  struct sock_filter far[G_N_ELEMENTS (good)];
  ScmpProgram program = { good, G_N_ELEMENTS (good), FALSE, FALSE };
  g_autoptr(GError) error = NULL;

  g_assert_true (_scmp_compiler_check_program (&program, &error));
  g_assert_no_error (error);

  /* the false side jumps past the end */
  memcpy (far, good, sizeof good);
  far[1].jf = 2;
  program.insns = far;
  g_assert_false (_scmp_compiler_check_program (&program, &error));
  g_assert_error (error, SCMP_ERROR, SCMP_ERROR_FAILED);
  g_assert_true (g_str_has_prefix (error->message, "Internal error: "));
  g_assert_nonnull (strstr (error->message, "false branch"));
}

/* Hash-consing: the same test twice is one node; folds need no node. */
static void
test_dag_sharing (void)
{
  ScmpDag dag;
  ScmpNode *a, *b, *t, *f;

  _scmp_dag_init (&dag);
  t = _scmp_dag_ret (&dag, 1);
  f = _scmp_dag_ret (&dag, 2);
  a = _scmp_dag_test (&dag, SCMP_BPF_OFF_ARGS, SCMP_WORD_ALL, BPF_JEQ, 7, t, f);
  b = _scmp_dag_test (&dag, SCMP_BPF_OFF_ARGS, SCMP_WORD_ALL, BPF_JEQ, 7, t, f);
  g_assert_true (a == b);
  g_assert_cmpuint (dag.n_nodes, ==, 3);
  /* t == f, a JEQ on bits the mask clears, a JGE 0 */
  g_assert_true (_scmp_dag_test (&dag, 0, SCMP_WORD_ALL, BPF_JEQ, 3, t, t) == t);
  g_assert_true (_scmp_dag_test (&dag, 0, 0xff, BPF_JEQ, 0x100, t, f) == f);
  g_assert_true (_scmp_dag_test (&dag, 0, SCMP_WORD_ALL, BPF_JGE, 0, t, f) == t);
  g_assert_cmpuint (dag.n_nodes, ==, 3);
  _scmp_dag_clear (&dag);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/stages/decision/trim", test_decision_trim);
  g_test_add_func ("/stages/decision/expand-socketcall", test_decision_expand_socketcall);
  g_test_add_func ("/stages/decision/expand-ipc", test_decision_expand_ipc);
  g_test_add_func ("/stages/dag/sharing", test_dag_sharing);
  g_test_add_func ("/stages/range-tree/cover", test_range_tree);
  g_test_add_func ("/stages/range-tree/jeq", test_range_tree_jeq);
  g_test_add_func ("/stages/emit/ret-island", test_emit_ret_island);
  g_test_add_func ("/stages/emit/far-jump", test_emit_far_jump);
  g_test_add_func ("/stages/emit/loads", test_emit_loads);
  g_test_add_func ("/stages/emit/too-large", test_emit_too_large);
  g_test_add_func ("/stages/check-program", test_check_program);

  return g_test_run ();
}
