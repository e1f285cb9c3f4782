/* scmp-rule-private.h: what the compiler and the filter read of a rule
 *
 * SPDX-FileCopyrightText: 2026 The scmp-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "scmp-rule.h"

G_BEGIN_DECLS

/* The rule's fields, shared by scmp-rule.c (the object, rules on names)
 * and scmp-rule-numbers.c (rules on numbers, rules for some ABIs). */
struct _ScmpRule
{
  GObject parent_instance;

  const char *syscall;          /* the name table's string when the name is
                                   known (syscall_index >= 0), else owned */
  int syscall_index;            /* _scmp_syscall_lookup (syscall) */
  ScmpAction *action;           /* (owned) */
  gboolean exact;
  ScmpCondition *conditions;    /* (owned) (array length=n_conditions) (nullable) */
  guint n_conditions;

  /* A rule for numbers the tables do not name (scmp_rule_new_for_number(),
   * scmp_rule_new_for_range()) has no syscall: the numbers first..last on
   * number_arch, as seccomp_data.nr holds them. Otherwise number_arch is
   * UNKNOWN and the numbers are -1. */
  ScmpArchitecture number_arch;
  gint first_number;
  gint last_number;

  ScmpArchitecture *arches;     /* (owned) (array length=n_arches) (nullable)
                                   the ABIs the rule is limited to, sorted;
                                   NULL: every ABI of a filter */
  guint n_arches;

  char *invalid;                /* (owned) (nullable) why a rule built from
                                   properties cannot be compiled */
};

/* Checks the ABI and numbers of a rule on numbers: resolves NATIVE in
 * @arch and clips @last to the ABI's highest number. */
gboolean             _scmp_rule_check_numbers     (ScmpArchitecture *arch,
                                                   gint              first,
                                                   gint             *last,
                                                   GError          **error);

/* Whether condition @c fits an argument of an unnamed number @nr on @arch
 * (the whole register, unsigned). */
gboolean             _scmp_rule_check_number_condition (const ScmpCondition  *c,
                                                        ScmpArchitecture      arch,
                                                        gint                  nr,
                                                        GError              **error);

/* Why the rule cannot be compiled (a rule built from properties with bad
 * numbers), or NULL. */
const char          *_scmp_rule_get_invalid       (ScmpRule         *rule);

/* A rule by name; the named constructors all end here. */
ScmpRule            *_scmp_rule_new_internal      (const char          *syscall,
                                                   ScmpAction          *action,
                                                   gboolean             exact,
                                                   const ScmpCondition *conditions,
                                                   gsize                n_conditions);

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
