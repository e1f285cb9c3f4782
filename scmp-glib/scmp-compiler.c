/* scmp-compiler.c: the compiler's driver — rules → classic-BPF program
 *
 * SPDX-FileCopyrightText: 2026 The scmp-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The stages, one file each, in the order the data flows:
 *
 *  scmp-resolve     a condition as each ABI's kernel reads the argument
 *                   (its width and sign); the check that a rule can be
 *                   compiled for the filter's ABIs (run when it is added);
 *  scmp-decision    per ABI and syscall number, the ordered clauses
 *                   (conditions → action) that decide it, multiplexed
 *                   calls (socketcall, ipc) made never laxer than the rules;
 *  scmp-lower       each decision → a DAG of 32-bit word tests
 *                   (scmp-dag: hash-consed, so that identical bodies are
 *                   one, within an ABI and across ABIs);
 *  scmp-dispatch    the arch tests and a search tree over each ABI's
 *                   numbers (scmp-range-tree: optimal for the expected
 *                   number of tests) leading to the decisions;
 *  scmp-emit        the DAG laid out, far jumps and RET islands, the
 *                   instructions;
 *  scmp-pfc         (export only) the decisions as pseudo code.
 *
 * Every program then passes the kernel's rules (scmp-bpf's checker)
 * before it leaves: a failure there is a bug, reported as an error, never
 * a program.
 */

#include "config.h"

#include "scmp-compiler-private.h"

#include "scmp-arch-private.h"
#include "scmp-bpf-private.h"
#include "scmp-dag-private.h"
#include "scmp-decision-private.h"
#include "scmp-dispatch-private.h"
#include "scmp-emit-private.h"
#include "scmp-error.h"
#include "scmp-pfc-private.h"

static gboolean
check_input (const ScmpCompileInput  *input,
             GError                 **error)
{
  if (input->n_arches == 0)
    {
      g_set_error (error, SCMP_ERROR, SCMP_ERROR_INVALID_ARCHITECTURE,
                   "The filter covers no architecture: add one before compiling it");
      return FALSE;
    }
  if (!scmp_action_validate (input->default_action, error))
    return FALSE;
  if (!scmp_action_validate (input->bad_arch_action, error))
    return FALSE;
  return TRUE;
}

static ScmpProgram *
compile_decisions (const ScmpCompileInput  *input,
                   const ScmpDecisions     *decisions,
                   ScmpCompileMode          mode,
                   GError                 **error)
{
  g_autoptr(ScmpProgram) program = g_new0 (ScmpProgram, 1);
  ScmpDag dag;
  gboolean ok;

  program->big_endian = _scmp_arch_get_info (input->arches[0])->big_endian;
  _scmp_dag_init (&dag);
  ok = _scmp_emit_program (&dag, _scmp_dispatch_build (&dag, input, decisions, mode),
                           program, error);
  _scmp_dag_clear (&dag);
  if (!ok)
    return NULL;

  if (!_scmp_compiler_check_program (program, error))
    return NULL;
  return g_steal_pointer (&program);
}

gboolean
_scmp_compiler_check_program (const ScmpProgram  *program,
                              GError            **error)
{
  g_autoptr(GError) invalid = NULL;

  if (_scmp_bpf_validate (program->insns, program->n_insns, &invalid))
    return TRUE;
  g_set_error (error, SCMP_ERROR, SCMP_ERROR_FAILED,
               "Internal error: the compiler made a program that the kernel "
               "would refuse (%s). This is a bug in scmp-glib; please report "
               "it with the rules that cause it", invalid->message);
  return FALSE;
}

ScmpProgram *
_scmp_compiler_compile (const ScmpCompileInput  *input,
                        ScmpCompileMode          mode,
                        GError                 **error)
{
  g_auto(ScmpDecisions) decisions = { NULL, 0 };
  g_autoptr(GError) local_error = NULL;
  ScmpProgram *program;

  if (!check_input (input, error))
    return NULL;
  _scmp_decisions_build (&decisions, input);

  /* Search trees run faster but take more room: when the program does
   * not fit, fall back to plain chains before giving up. */
  program = compile_decisions (input, &decisions, mode, &local_error);
  if (program == NULL && mode == SCMP_COMPILE_FAST &&
      g_error_matches (local_error, SCMP_ERROR, SCMP_ERROR_TOO_LARGE))
    {
      g_clear_error (&local_error);
      program = compile_decisions (input, &decisions, SCMP_COMPILE_COMPACT, &local_error);
    }
  if (program == NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  return program;
}

void
_scmp_program_free (ScmpProgram *program)
{
  if (program == NULL)
    return;
  g_free (program->insns);
  g_free (program);
}

char *
_scmp_compiler_pfc (const ScmpCompileInput  *input,
                    GError                 **error)
{
  g_auto(ScmpDecisions) decisions = { NULL, 0 };

  if (!check_input (input, error))
    return NULL;
  _scmp_decisions_build (&decisions, input);
  return _scmp_pfc_print (input, &decisions);
}
