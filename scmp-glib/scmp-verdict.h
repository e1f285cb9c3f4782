/* scmp-verdict.h: what a filter did with one call, and why
 *
 * SPDX-FileCopyrightText: 2026 The scmp-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined (__SCMP_GLIB_INSIDE__) && !defined (SCMP_GLIB_COMPILATION)
#error "Only <scmp-glib/scmp-glib.h> can be included directly."
#endif

#include <glib-object.h>
#include <scmp-glib/scmp-version-macros.h>
#include <scmp-glib/scmp-action.h>
#include <scmp-glib/scmp-architecture.h>
#include <scmp-glib/scmp-filter.h>
#include <scmp-glib/scmp-rule.h>

G_BEGIN_DECLS

/**
 * ScmpVerdictSource:
 * @SCMP_VERDICT_SOURCE_RULE: a rule of the filter decided
 *   (scmp_verdict_get_rule())
 * @SCMP_VERDICT_SOURCE_DEFAULT: no rule matched: the filter's default
 *   action
 * @SCMP_VERDICT_SOURCE_BAD_ARCH: the call came from an architecture the
 *   filter does not cover: the bad-arch action
 * @SCMP_VERDICT_SOURCE_UNKNOWN_SYSCALL: the syscall number is one the
 *   tables do not name, or a syscall newer than the filter's known kernel:
 *   the unknown-syscall action (see scmp_filter_set_unknown_syscall_action())
 * @SCMP_VERDICT_SOURCE_TRACER_SKIP: syscall number -1, which a tracer sets
 *   to skip a call, allowed by scmp_filter_set_allow_tracer_skip()
 *
 * What decided the action of a call.
 *
 * Since: 0.1
 */
typedef enum {
  SCMP_VERDICT_SOURCE_RULE,
  SCMP_VERDICT_SOURCE_DEFAULT,
  SCMP_VERDICT_SOURCE_BAD_ARCH,
  SCMP_VERDICT_SOURCE_UNKNOWN_SYSCALL,
  SCMP_VERDICT_SOURCE_TRACER_SKIP,
} ScmpVerdictSource;

#define SCMP_TYPE_VERDICT (scmp_verdict_get_type ())

SCMP_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (ScmpVerdict, scmp_verdict, SCMP, VERDICT, GObject)

SCMP_AVAILABLE_IN_ALL
ScmpAction        *scmp_verdict_get_action        (ScmpVerdict       *self);
SCMP_AVAILABLE_IN_ALL
ScmpVerdictSource  scmp_verdict_get_source        (ScmpVerdict       *self);
SCMP_AVAILABLE_IN_ALL
int                scmp_verdict_get_rule_index    (ScmpVerdict       *self);
SCMP_AVAILABLE_IN_ALL
ScmpRule          *scmp_verdict_get_rule          (ScmpVerdict       *self);
SCMP_AVAILABLE_IN_ALL
ScmpArchitecture   scmp_verdict_get_architecture  (ScmpVerdict       *self);
SCMP_AVAILABLE_IN_ALL
int                scmp_verdict_get_syscall_number (ScmpVerdict      *self);
SCMP_AVAILABLE_IN_ALL
const char        *scmp_verdict_get_syscall       (ScmpVerdict       *self);
SCMP_AVAILABLE_IN_ALL
ScmpMultiplexer    scmp_verdict_get_multiplexer   (ScmpVerdict       *self);
SCMP_AVAILABLE_IN_ALL
gboolean           scmp_verdict_get_unchecked     (ScmpVerdict       *self);
SCMP_AVAILABLE_IN_ALL
char              *scmp_verdict_to_string         (ScmpVerdict       *self);

SCMP_AVAILABLE_IN_ALL
ScmpVerdict       *scmp_filter_explain            (ScmpFilter        *self,
                                                   ScmpArchitecture   arch,
                                                   int                nr,
                                                   const guint64     *args,
                                                   gsize              n_args,
                                                   GError           **error);
SCMP_AVAILABLE_IN_ALL
ScmpVerdict       *scmp_filter_explain_syscall    (ScmpFilter        *self,
                                                   ScmpArchitecture   arch,
                                                   const char        *syscall,
                                                   const guint64     *args,
                                                   gsize              n_args,
                                                   GError           **error);

G_END_DECLS
