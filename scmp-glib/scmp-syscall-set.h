/* scmp-syscall-set.h: named syscall sets (systemd's SystemCallFilter= groups)
 *
 * SPDX-FileCopyrightText: 2026 The scmp-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined (__SCMP_GLIB_INSIDE__) && !defined (SCMP_GLIB_COMPILATION)
#error "Only <scmp-glib/scmp-glib.h> can be included directly."
#endif

#include <glib.h>
#include <scmp-glib/scmp-version-macros.h>
#include <scmp-glib/scmp-action.h>
#include <scmp-glib/scmp-condition.h>
#include <scmp-glib/scmp-filter.h>

G_BEGIN_DECLS

SCMP_AVAILABLE_IN_ALL
char       **scmp_syscall_set_list             (void);
SCMP_AVAILABLE_IN_ALL
const char  *scmp_syscall_set_get_description  (const char           *name);
SCMP_AVAILABLE_IN_ALL
char       **scmp_syscall_set_get_members      (const char           *name,
                                                gboolean              expand,
                                                GError              **error);
SCMP_AVAILABLE_IN_ALL
gboolean     scmp_syscall_set_contains         (const char           *name,
                                                const char           *syscall);

SCMP_AVAILABLE_IN_ALL
gboolean     scmp_filter_add_rules_for_set     (ScmpFilter           *self,
                                                const char           *set,
                                                ScmpAction           *action,
                                                const ScmpCondition  *conditions,
                                                gsize                 n_conditions,
                                                GError              **error);

G_END_DECLS
