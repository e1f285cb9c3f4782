/* scmp-filter.h
 *
 * SPDX-FileCopyrightText: 2026 The scmp-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined (__SCMP_GLIB_INSIDE__) && !defined (SCMP_GLIB_COMPILATION)
#error "Only <scmp-glib/scmp-glib.h> can be included directly."
#endif

#include <gio/gio.h>
#include <scmp-glib/scmp-action.h>
#include <scmp-glib/scmp-architecture.h>
#include <scmp-glib/scmp-rule.h>
#include <scmp-glib/scmp-version-macros.h>

G_BEGIN_DECLS

/**
 * SCMP_PRIORITY_DEFAULT:
 *
 * The priority a syscall has until scmp_filter_set_priority() changes it.
 *
 * Since: 0.1
 */
#define SCMP_PRIORITY_DEFAULT 0

/**
 * ScmpFilter:
 *
 * A seccomp filter being built: an ordered list of rules (it is a
 * #GListModel of #ScmpRule), a set of architectures and attributes. All
 * fields are private.
 *
 * Read-only calls (exports, evaluation, explanation, lint, getters) may
 * run in several threads at once on one filter; a change may not run
 * alongside any other call on it. See the description of #ScmpFilter for
 * the list.
 *
 * Since: 0.1
 */
#define SCMP_TYPE_FILTER (scmp_filter_get_type ())

SCMP_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (ScmpFilter, scmp_filter, SCMP, FILTER, GObject)

SCMP_AVAILABLE_IN_ALL
ScmpFilter       *scmp_filter_new                (ScmpAction        *default_action);

/* Rules */
SCMP_AVAILABLE_IN_ALL
gboolean          scmp_filter_add_rule           (ScmpFilter        *self,
                                                  ScmpRule          *rule,
                                                  GError           **error);
SCMP_AVAILABLE_IN_ALL
gboolean          scmp_filter_add_rules          (ScmpFilter        *self,
                                                  ScmpRule * const  *rules,
                                                  gsize              n_rules,
                                                  GError           **error);
SCMP_AVAILABLE_IN_ALL
gboolean          scmp_filter_insert_rule        (ScmpFilter        *self,
                                                  guint              position,
                                                  ScmpRule          *rule,
                                                  GError           **error);
SCMP_AVAILABLE_IN_ALL
gboolean          scmp_filter_remove_rule        (ScmpFilter        *self,
                                                  ScmpRule          *rule);
SCMP_AVAILABLE_IN_ALL
void              scmp_filter_remove_rule_at     (ScmpFilter        *self,
                                                  guint              position);
SCMP_AVAILABLE_IN_ALL
guint             scmp_filter_get_n_rules        (ScmpFilter        *self);
SCMP_AVAILABLE_IN_ALL
ScmpRule         *scmp_filter_get_rule           (ScmpFilter        *self,
                                                  guint              position);

/* Architectures */
SCMP_AVAILABLE_IN_ALL
gboolean          scmp_filter_add_arch           (ScmpFilter        *self,
                                                  ScmpArchitecture   arch,
                                                  GError           **error);
SCMP_AVAILABLE_IN_ALL
gboolean          scmp_filter_remove_arch        (ScmpFilter        *self,
                                                  ScmpArchitecture   arch,
                                                  GError           **error);
SCMP_AVAILABLE_IN_ALL
gboolean          scmp_filter_has_arch           (ScmpFilter        *self,
                                                  ScmpArchitecture   arch);
SCMP_AVAILABLE_IN_ALL
ScmpArchitecture *scmp_filter_list_arches        (ScmpFilter        *self,
                                                  gsize             *n_arches);

/* Attributes (also properties) */
SCMP_AVAILABLE_IN_ALL
ScmpAction       *scmp_filter_get_default_action (ScmpFilter        *self);
SCMP_AVAILABLE_IN_ALL
ScmpAction       *scmp_filter_get_bad_arch_action (ScmpFilter       *self);
SCMP_AVAILABLE_IN_ALL
void              scmp_filter_set_bad_arch_action (ScmpFilter       *self,
                                                   ScmpAction       *action);
SCMP_AVAILABLE_IN_ALL
ScmpAction       *scmp_filter_get_unknown_syscall_action (ScmpFilter        *self);
SCMP_AVAILABLE_IN_ALL
void              scmp_filter_set_unknown_syscall_action (ScmpFilter        *self,
                                                          ScmpAction        *action);
SCMP_AVAILABLE_IN_ALL
char             *scmp_filter_dup_known_kernel   (ScmpFilter        *self);
SCMP_AVAILABLE_IN_ALL
gboolean          scmp_filter_set_known_kernel   (ScmpFilter        *self,
                                                  const char        *version,
                                                  GError           **error);
SCMP_AVAILABLE_IN_ALL
gboolean          scmp_filter_get_no_new_privs   (ScmpFilter        *self);
SCMP_AVAILABLE_IN_ALL
void              scmp_filter_set_no_new_privs   (ScmpFilter        *self,
                                                  gboolean           no_new_privs);
SCMP_AVAILABLE_IN_ALL
gboolean          scmp_filter_get_thread_sync    (ScmpFilter        *self);
SCMP_AVAILABLE_IN_ALL
void              scmp_filter_set_thread_sync    (ScmpFilter        *self,
                                                  gboolean           thread_sync);
SCMP_AVAILABLE_IN_ALL
gboolean          scmp_filter_get_log            (ScmpFilter        *self);
SCMP_AVAILABLE_IN_ALL
void              scmp_filter_set_log            (ScmpFilter        *self,
                                                  gboolean           log);
SCMP_AVAILABLE_IN_ALL
gboolean          scmp_filter_get_spec_allow     (ScmpFilter        *self);
SCMP_AVAILABLE_IN_ALL
void              scmp_filter_set_spec_allow     (ScmpFilter        *self,
                                                  gboolean           spec_allow);
SCMP_AVAILABLE_IN_ALL
gboolean          scmp_filter_get_wait_killable  (ScmpFilter        *self);
SCMP_AVAILABLE_IN_ALL
void              scmp_filter_set_wait_killable  (ScmpFilter        *self,
                                                  gboolean           wait_killable);
SCMP_AVAILABLE_IN_ALL
gboolean          scmp_filter_get_allow_tracer_skip (ScmpFilter     *self);
SCMP_AVAILABLE_IN_ALL
void              scmp_filter_set_allow_tracer_skip (ScmpFilter     *self,
                                                     gboolean        allow);
SCMP_AVAILABLE_IN_ALL
gboolean          scmp_filter_set_priority       (ScmpFilter        *self,
                                                  const char        *syscall,
                                                  guint8             priority,
                                                  GError           **error);
SCMP_AVAILABLE_IN_ALL
guint8            scmp_filter_get_priority       (ScmpFilter        *self,
                                                  const char        *syscall);

/* Whole-filter operations */
SCMP_AVAILABLE_IN_ALL
gboolean          scmp_filter_merge              (ScmpFilter        *self,
                                                  ScmpFilter        *other,
                                                  GError           **error);
SCMP_AVAILABLE_IN_ALL
void              scmp_filter_reset              (ScmpFilter        *self);
SCMP_AVAILABLE_IN_ALL
void              scmp_filter_begin              (ScmpFilter        *self);
SCMP_AVAILABLE_IN_ALL
void              scmp_filter_commit             (ScmpFilter        *self);
SCMP_AVAILABLE_IN_ALL
void              scmp_filter_rollback           (ScmpFilter        *self);
SCMP_AVAILABLE_IN_ALL
gboolean          scmp_filter_in_transaction     (ScmpFilter        *self);

/* Output */
SCMP_AVAILABLE_IN_ALL
GBytes           *scmp_filter_export_bpf         (ScmpFilter        *self,
                                                  GError           **error);
SCMP_AVAILABLE_IN_ALL
gboolean          scmp_filter_write_bpf_to_fd    (ScmpFilter        *self,
                                                  int                fd,
                                                  GError           **error);
SCMP_AVAILABLE_IN_ALL
gboolean          scmp_filter_write_bpf_to_stream (ScmpFilter       *self,
                                                   GOutputStream    *stream,
                                                   GCancellable     *cancellable,
                                                   GError          **error);
SCMP_AVAILABLE_IN_ALL
int               scmp_filter_export_bpf_memfd   (ScmpFilter        *self,
                                                  GError           **error);
SCMP_AVAILABLE_IN_ALL
char             *scmp_filter_export_pfc         (ScmpFilter        *self,
                                                  GError           **error);
SCMP_AVAILABLE_IN_ALL
ScmpAction       *scmp_filter_evaluate           (ScmpFilter        *self,
                                                  ScmpArchitecture   arch,
                                                  int                nr,
                                                  const guint64     *args,
                                                  gsize              n_args,
                                                  GError           **error);
SCMP_AVAILABLE_IN_ALL
ScmpAction       *scmp_filter_evaluate_syscall   (ScmpFilter        *self,
                                                  ScmpArchitecture   arch,
                                                  const char        *syscall,
                                                  const guint64     *args,
                                                  gsize              n_args,
                                                  GError           **error);

/* Policies as messages (scmp-filter-variant.c) */

/**
 * SCMP_FILTER_VARIANT_TYPE_STRING:
 *
 * The #GVariant type of a whole filter as scmp_filter_serialize() writes
 * it and scmp_filter_new_from_variant() reads it, as a string:
 * `(ua{sv}a(sa{sv}))` (format version, attributes, rules). The format is
 * described in scmp_filter_serialize().
 *
 * Since: 0.1
 */
#define SCMP_FILTER_VARIANT_TYPE_STRING "(ua{sv}a(sa{sv}))"

/**
 * SCMP_FILTER_VARIANT_TYPE:
 *
 * %SCMP_FILTER_VARIANT_TYPE_STRING as a #GVariantType, for
 * g_variant_is_of_type() and g_variant_parse().
 *
 * Since: 0.1
 */
#define SCMP_FILTER_VARIANT_TYPE ((const GVariantType *) SCMP_FILTER_VARIANT_TYPE_STRING)

SCMP_AVAILABLE_IN_ALL
GVariant         *scmp_filter_serialize          (ScmpFilter        *self);
SCMP_AVAILABLE_IN_ALL
ScmpFilter       *scmp_filter_new_from_variant   (GVariant          *variant,
                                                  GError           **error);
SCMP_AVAILABLE_IN_ALL
ScmpFilter       *scmp_filter_new_from_variant_text (const char     *text,
                                                     gssize          length,
                                                     GError        **error);

/* Kernel */
SCMP_AVAILABLE_IN_ALL
gboolean          scmp_filter_prepare            (ScmpFilter        *self,
                                                  GError           **error);
SCMP_AVAILABLE_IN_ALL
int               scmp_filter_load_prepared      (ScmpFilter        *self);
SCMP_AVAILABLE_IN_ALL
gboolean          scmp_filter_load               (ScmpFilter        *self,
                                                  GError           **error);
SCMP_AVAILABLE_IN_ALL
int               scmp_filter_get_listener_fd    (ScmpFilter        *self);
SCMP_AVAILABLE_IN_ALL
int               scmp_filter_steal_listener_fd  (ScmpFilter        *self);
SCMP_AVAILABLE_IN_ALL
int               scmp_filter_load_prepared_send_listener (ScmpFilter *self,
                                                           int         socket_fd);

G_END_DECLS
