/* scmp-finding.h: what scmp_filter_lint() finds in a filter
 *
 * SPDX-FileCopyrightText: 2026 The scmp-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined (__SCMP_GLIB_INSIDE__) && !defined (SCMP_GLIB_COMPILATION)
#error "Only <scmp-glib/scmp-glib.h> can be included directly."
#endif

#include <gio/gio.h>
#include <scmp-glib/scmp-version-macros.h>
#include <scmp-glib/scmp-architecture.h>
#include <scmp-glib/scmp-filter.h>

G_BEGIN_DECLS

/**
 * ScmpFindingKind:
 * @SCMP_FINDING_KIND_SHADOWED: the rule never fires on some ABIs: earlier
 *   rules decide every call it matches (scmp_finding_get_other_rule_index()
 *   names one when a single earlier rule does)
 * @SCMP_FINDING_KIND_UNSATISFIABLE: no arguments satisfy all the rule's
 *   conditions as the kernel reads them, so it never fires
 * @SCMP_FINDING_KIND_REDUNDANT: the calls the rule matches get its action
 *   anyway (the default action, or the unknown-syscall action): removing
 *   it changes nothing
 * @SCMP_FINDING_KIND_SYSCALL_MISSING: the rule's syscall exists on none of
 *   the ABIs the rule applies to: it does nothing
 * @SCMP_FINDING_KIND_SYSCALL_PARTIAL: the rule's syscall exists on only
 *   some of the ABIs the rule applies to
 * @SCMP_FINDING_KIND_ALWAYS_TRUE: a condition holds for every value the
 *   kernel can read for that argument (for example `arg0 <= 0xffffffff` on
 *   an `unsigned int`): it tests nothing
 * @SCMP_FINDING_KIND_ARGUMENT_IGNORED: a condition tests an argument the
 *   syscall does not take: the kernel ignores that register, and the caller
 *   can put any value there
 * @SCMP_FINDING_KIND_MULTIPLEXER: the syscall can also be called through a
 *   multiplexer (socketcall(2) or ipc(2)) whose arguments the filter cannot
 *   read: there, the rule's conditions are not tested and the call gets the
 *   most restrictive outcome the rules allow, stricter than written
 *
 * The kinds of finding. Each comes with a sentence
 * (scmp_finding_get_message()) and the ABIs it holds on.
 *
 * Since: 0.1
 */
typedef enum {
  SCMP_FINDING_KIND_SHADOWED,
  SCMP_FINDING_KIND_UNSATISFIABLE,
  SCMP_FINDING_KIND_REDUNDANT,
  SCMP_FINDING_KIND_SYSCALL_MISSING,
  SCMP_FINDING_KIND_SYSCALL_PARTIAL,
  SCMP_FINDING_KIND_ALWAYS_TRUE,
  SCMP_FINDING_KIND_ARGUMENT_IGNORED,
  SCMP_FINDING_KIND_MULTIPLEXER,
} ScmpFindingKind;

#define SCMP_TYPE_FINDING (scmp_finding_get_type ())

SCMP_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (ScmpFinding, scmp_finding, SCMP, FINDING, GObject)

SCMP_AVAILABLE_IN_ALL
ScmpFindingKind         scmp_finding_get_kind              (ScmpFinding *self);
SCMP_AVAILABLE_IN_ALL
int                     scmp_finding_get_rule_index        (ScmpFinding *self);
SCMP_AVAILABLE_IN_ALL
int                     scmp_finding_get_other_rule_index  (ScmpFinding *self);
SCMP_AVAILABLE_IN_ALL
int                     scmp_finding_get_condition_index   (ScmpFinding *self);
SCMP_AVAILABLE_IN_ALL
const ScmpArchitecture *scmp_finding_get_architectures     (ScmpFinding *self,
                                                            gsize       *n_arches);
SCMP_AVAILABLE_IN_ALL
const char             *scmp_finding_get_message           (ScmpFinding *self);

SCMP_AVAILABLE_IN_ALL
GListModel             *scmp_filter_lint                   (ScmpFilter  *self,
                                                            GError     **error);

G_END_DECLS
