/* scmp-compiler-private.h: rules → classic-BPF program
 *
 * SPDX-FileCopyrightText: 2026 The scmp-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <glib.h>
#include <linux/filter.h>

#include "scmp-action.h"
#include "scmp-architecture.h"
#include "scmp-rule.h"

G_BEGIN_DECLS

/* Everything the compiler reads: a snapshot of a filter's state. */
typedef struct {
  GPtrArray        *rules;              /* (element-type ScmpRule), in order */
  const ScmpArchitecture *arches;       /* concrete arches, no NATIVE */
  gsize             n_arches;
  ScmpAction       *default_action;
  ScmpAction       *bad_arch_action;
  ScmpAction       *unknown_action;     /* (nullable) for numbers the tables do not name */
  guint             known_kernel;       /* (major << 8) | minor: syscalls added later
                                           get unknown_action too; 0 for none */
  gboolean          allow_tracer_skip;
  GHashTable       *priorities;         /* (nullable) syscall name → GUINT_TO_POINTER (priority) */
} ScmpCompileInput;

/* A compiled program, in host byte order. */
typedef struct {
  struct sock_filter *insns;
  guint               n_insns;
  gboolean            big_endian;
  gboolean            uses_notify;      /* some path returns USER_NOTIF */
} ScmpProgram;

/* How the compiler trades program size for speed. */
typedef enum {
  SCMP_COMPILE_FAST,      /* search trees for runs of values, shared tests */
  SCMP_COMPILE_COMPACT,   /* fewest instructions: no value search trees */
  SCMP_COMPILE_NAIVE,     /* no shared tests, no search trees, a weight-
                             balanced tree over numbers: the yardstick
                             tests compare the optimised program with */
} ScmpCompileMode;

/* Checks that @rule can be part of a filter covering @arches: valid
 * action and conditions, and, for each arch, either resolvable (exact) or
 * skippable (best effort); values the argument's type cannot hold
 * refused. (In scmp-resolve.c, with the argument types.) */
gboolean     _scmp_compiler_check_rule  (ScmpRule                *rule,
                                         const ScmpArchitecture  *arches,
                                         gsize                    n_arches,
                                         GError                 **error);

/* The program in @mode; in SCMP_COMPILE_FAST, the COMPACT program when
 * the FAST one does not fit the kernel's limit. Every program has passed
 * the kernel's checker. */
ScmpProgram *_scmp_compiler_compile     (const ScmpCompileInput  *input,
                                         ScmpCompileMode          mode,
                                         GError                 **error);

/* The safety net every program passes before it leaves the compiler: the
 * kernel's rules (_scmp_bpf_validate()). A program that breaks them is a
 * compiler bug, reported as SCMP_ERROR_FAILED, "Internal error: …". */
gboolean     _scmp_compiler_check_program (const ScmpProgram    *program,
                                           GError              **error);

void         _scmp_program_free         (ScmpProgram             *program);

/* Readable pseudo code of the filter's decision for every arch and syscall. */
char        *_scmp_compiler_pfc         (const ScmpCompileInput  *input,
                                         GError                 **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScmpProgram, _scmp_program_free)

G_END_DECLS
