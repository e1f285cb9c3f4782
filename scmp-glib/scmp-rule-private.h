/* scmp-rule-private.h: what the compiler and the filter read of a rule
 *
 * SPDX-FileCopyrightText: 2026 The scmp-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "scmp-rule.h"

G_BEGIN_DECLS

/* The rule's syscall as an index in the name table (see
 * scmp-arch-private.h), or -1 for a name no ABI has. Resolved once, when
 * the syscall is set: filters look it up for every rule and ABI. */
int                  _scmp_rule_get_syscall_index (ScmpRule *rule);

/* The conditions in order, without a copy; NULL when there are none. */
const ScmpCondition *_scmp_rule_get_conditions    (ScmpRule *rule,
                                                   guint    *n_conditions);

/* For a rule on numbers the tables do not name: their ABI and range (as
 * seccomp_data.nr holds them, unsigned), and TRUE; FALSE otherwise. */
gboolean             _scmp_rule_get_number_range  (ScmpRule         *rule,
                                                   ScmpArchitecture *arch,
                                                   guint32          *first,
                                                   guint32          *last);

/* scmp_rule_applies_to() for a concrete @arch, without checks: the
 * compiler asks it for every rule and ABI. */
gboolean             _scmp_rule_applies_to        (ScmpRule         *rule,
                                                   ScmpArchitecture  arch);

G_END_DECLS
