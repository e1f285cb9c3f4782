/* scmp-rule.h
 *
 * SPDX-FileCopyrightText: 2026 The scmp-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined (__SCMP_GLIB_INSIDE__) && !defined (SCMP_GLIB_COMPILATION)
#error "Only <scmp-glib/scmp-glib.h> can be included directly."
#endif

#include <glib-object.h>
#include <scmp-glib/scmp-action.h>
#include <scmp-glib/scmp-architecture.h>
#include <scmp-glib/scmp-condition.h>
#include <scmp-glib/scmp-version-macros.h>

G_BEGIN_DECLS

#define SCMP_TYPE_RULE (scmp_rule_get_type ())

SCMP_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (ScmpRule, scmp_rule, SCMP, RULE, GObject)

SCMP_AVAILABLE_IN_ALL
ScmpRule            *scmp_rule_new                  (const char          *syscall,
                                                     ScmpAction          *action);
SCMP_AVAILABLE_IN_ALL
ScmpRule            *scmp_rule_newv                 (const char          *syscall,
                                                     ScmpAction          *action,
                                                     const ScmpCondition *conditions,
                                                     gsize                n_conditions);
SCMP_AVAILABLE_IN_ALL
ScmpRule            *scmp_rule_new_with_conditions  (const char          *syscall,
                                                     ScmpAction          *action,
                                                     const ScmpCondition *first_condition,
                                                     ...) G_GNUC_NULL_TERMINATED;
SCMP_AVAILABLE_IN_ALL
ScmpRule            *scmp_rule_new_exact            (const char          *syscall,
                                                     ScmpAction          *action,
                                                     const ScmpCondition *conditions,
                                                     gsize                n_conditions);

SCMP_AVAILABLE_IN_ALL
ScmpRule            *scmp_rule_new_for_number       (ScmpArchitecture     arch,
                                                     gint                 nr,
                                                     ScmpAction          *action,
                                                     GError             **error);
SCMP_AVAILABLE_IN_ALL
ScmpRule            *scmp_rule_new_for_numberv      (ScmpArchitecture     arch,
                                                     gint                 nr,
                                                     ScmpAction          *action,
                                                     const ScmpCondition *conditions,
                                                     gsize                n_conditions,
                                                     GError             **error);
SCMP_AVAILABLE_IN_ALL
ScmpRule            *scmp_rule_new_for_range        (ScmpArchitecture     arch,
                                                     gint                 first,
                                                     gint                 last,
                                                     ScmpAction          *action,
                                                     GError             **error);
SCMP_AVAILABLE_IN_ALL
ScmpRule            *scmp_rule_restrict_to          (ScmpRule            *self,
                                                     const ScmpArchitecture *arches,
                                                     gsize                n_arches,
                                                     GError             **error);

SCMP_AVAILABLE_IN_ALL
const char          *scmp_rule_get_syscall          (ScmpRule            *self);
SCMP_AVAILABLE_IN_ALL
ScmpAction          *scmp_rule_get_action           (ScmpRule            *self);
SCMP_AVAILABLE_IN_ALL
gboolean             scmp_rule_get_exact            (ScmpRule            *self);
SCMP_AVAILABLE_IN_ALL
gboolean             scmp_rule_applies_to           (ScmpRule            *self,
                                                     ScmpArchitecture     arch);
SCMP_AVAILABLE_IN_ALL
ScmpArchitecture    *scmp_rule_get_architectures    (ScmpRule            *self,
                                                     gsize               *n_arches);
SCMP_AVAILABLE_IN_ALL
gboolean             scmp_rule_get_numbers          (ScmpRule            *self,
                                                     ScmpArchitecture    *arch,
                                                     gint                *first,
                                                     gint                *last);
SCMP_AVAILABLE_IN_ALL
guint                scmp_rule_get_n_conditions     (ScmpRule            *self);
SCMP_AVAILABLE_IN_ALL
const ScmpCondition *scmp_rule_get_condition        (ScmpRule            *self,
                                                     guint                index);
SCMP_AVAILABLE_IN_ALL
GPtrArray           *scmp_rule_dup_conditions       (ScmpRule            *self);
SCMP_AVAILABLE_IN_ALL
gboolean             scmp_rule_same_conditions      (ScmpRule            *a,
                                                     ScmpRule            *b);
SCMP_AVAILABLE_IN_ALL
gboolean             scmp_rule_matches              (ScmpRule            *self,
                                                     const guint64       *args,
                                                     gsize                n_args);
SCMP_AVAILABLE_IN_ALL
char                *scmp_rule_to_string            (ScmpRule            *self);

G_END_DECLS
