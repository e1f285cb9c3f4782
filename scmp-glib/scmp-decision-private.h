/* scmp-decision-private.h: what each syscall number does, per ABI
 *
 * SPDX-FileCopyrightText: 2026 The scmp-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The second stage of the compiler (see scmp-compiler.c): the rules
 * become, for every ABI of the filter and every syscall number on it, an
 * ordered list of clauses (conditions → action); the first clause that
 * holds decides, and the default action when none does. The lists are
 * normalised: rules for calls that a multiplexer (socketcall, ipc) also
 * reaches become clauses of the multiplexer's number, never laxer than
 * the rules; nothing follows an unconditional clause; clauses that can
 * never fire and trailing clauses giving the default action are dropped.
 */

#pragma once

#include <glib.h>

#include "scmp-arch-private.h"
#include "scmp-compiler-private.h"
#include "scmp-resolve-private.h"

G_BEGIN_DECLS

typedef struct {
  const ScmpArgCond *conds;     /* (array length=n_conds) all must hold */
  guint              n_conds;
  guint32            action;    /* the kernel's return value */
  gint32             sub;       /* (while building) a multiplexed call's sub-call, else -1 */
  gboolean           maybe;     /* (with sub) has conditions BPF cannot see */
  guint              rule;      /* the index of the rule whose action this is, in
                                   the compile input; SCMP_CLAUSE_NO_RULE for the
                                   default a multiplexed call falls back to */
  gboolean           unchecked; /* the rule's conditions are not checked: on a
                                   multiplexer path they are behind a pointer, and
                                   the action applies whatever they are */
} ScmpClause;

#define SCMP_CLAUSE_NO_RULE G_MAXUINT

/* What one syscall number does: the first clause that holds decides. */
typedef struct {
  ScmpClause *clauses;
  guint       n;
} ScmpDecision;

/* The decision for numbers @first..@last that the tables do not name. */
typedef struct {
  guint32      first, last;
  ScmpDecision d;
} ScmpNumberSpan;

/* The decisions of one ABI, and the storage they point into. */
typedef struct {
  const ScmpArchInfo *info;
  guint32       default_action;
  guint32       unknown_action;  /* for the numbers the tables do not name */
  guint         known_kernel;    /* syscalls added after it get unknown_action */
  ScmpDecision *by_name;         /* [name index]: the decision for its number on this ABI */
  ScmpNumberSpan *spans;         /* (array length=n_spans) sorted, disjoint: the
                                    rules on numbers the tables do not name */
  guint         n_spans;

  ScmpClause   *store;         /* the clauses of by_name before expansion */
  ScmpArgCond  *cond_store;    /* their conditions */
  GPtrArray    *arena;         /* what multiplexer expansion makes */
} ScmpArchDecisions;

typedef struct {
  ScmpArchDecisions *ads;      /* one per ABI, in the filter's order */
  gsize              n;
} ScmpDecisions;

/* The decisions of @input's rules on each of its ABIs. */
void _scmp_decisions_build (ScmpDecisions          *decisions,
                            const ScmpCompileInput *input);
void _scmp_decisions_clear (ScmpDecisions          *decisions);

/* What syscall @name_index gets on @ad's ABI when none of its clauses
 * holds: the unknown-syscall action for a syscall added after the known
 * kernel there, the default action otherwise. */
guint32 _scmp_arch_decisions_fallback (const ScmpArchDecisions *ad,
                                       int                      name_index);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ScmpDecisions, _scmp_decisions_clear)

G_END_DECLS
