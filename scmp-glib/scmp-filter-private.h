/* scmp-filter-private.h
 *
 * SPDX-FileCopyrightText: 2026 The scmp-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "scmp-compiler-private.h"
#include "scmp-filter.h"
#include "scmp-kernel.h"

#include <sys/socket.h>

G_BEGIN_DECLS

/* The message scmp_filter_load_prepared_send_listener() sends and
 * scmp_notifier_new_from_socket() reads: a gint32 status (0, or the errno
 * of a failed load) as data and, with status 0, the listener as
 * SCM_RIGHTS in this control buffer. */
typedef union {
  struct cmsghdr header;
  char bytes[CMSG_SPACE (sizeof (int))];
} ScmpListenerControl;

/* ScmpFilter is one object in six files:
 *
 *   scmp-filter.c              the object, its properties, signals and
 *                              GListModel, the rule list's primitives
 *   scmp-filter-attributes.c   the attributes' accessors, priorities
 *   scmp-filter-rules.c        adding and removing rules and
 *                              architectures, with their checks
 *   scmp-filter-transaction.c  merge, reset and transactions
 *   scmp-filter-program.c      the compiled program, the exports and
 *                              evaluation
 *   scmp-filter-load.c         loading into the kernel, the listener fd
 */
struct _ScmpFilter
{
  GObject parent_instance;

  ScmpAction *default_action;       /* (owned) */
  ScmpAction *bad_arch_action;      /* (owned) */
  ScmpAction *unknown_action;       /* (owned) (nullable) */
  guint       known_kernel;         /* (major << 8) | minor, 0 for none */
  GPtrArray  *rules;                /* (owned) (element-type ScmpRule) */
  GHashTable *rule_set;             /* (owned) the rules, borrowed, as a set
                                       under scmp_rule_same_conditions(): a
                                       filter never holds two such rules */
  GArray     *arches;               /* (owned) (element-type ScmpArchitecture) */
  GHashTable *priorities;           /* (owned) name → priority */
  GPtrArray  *transactions;         /* (owned) (element-type Snapshot) */

  gboolean no_new_privs;
  gboolean thread_sync;
  gboolean log;
  gboolean spec_allow;
  gboolean wait_killable;
  gboolean allow_tracer_skip;

  ScmpProgram *program;             /* (owned) (nullable) cache, read
                                       atomically, filled under program_lock */
  GMutex       program_lock;
  int listener_fd;
};

/* The properties (scmp-filter.c installs them, scmp-filter-attributes.c
 * notifies most). */
typedef enum {
  SCMP_FILTER_PROP_0,
  SCMP_FILTER_PROP_DEFAULT_ACTION,
  SCMP_FILTER_PROP_BAD_ARCH_ACTION,
  SCMP_FILTER_PROP_UNKNOWN_SYSCALL_ACTION,
  SCMP_FILTER_PROP_NO_NEW_PRIVS,
  SCMP_FILTER_PROP_THREAD_SYNC,
  SCMP_FILTER_PROP_LOG,
  SCMP_FILTER_PROP_SPEC_ALLOW,
  SCMP_FILTER_PROP_WAIT_KILLABLE,
  SCMP_FILTER_PROP_ALLOW_TRACER_SKIP,
  SCMP_FILTER_PROP_KNOWN_KERNEL,
  SCMP_FILTER_PROP_N_RULES,
  SCMP_FILTER_N_PROPS
} ScmpFilterProp;


extern GParamSpec *_scmp_filter_properties[SCMP_FILTER_N_PROPS];

/* Shared by the scmp-filter*.c files; defined in scmp-filter.c unless
 * said otherwise. */

/* Drops the compiled program and emits ::changed. */
void               _scmp_filter_invalidate        (ScmpFilter        *self);

/* Whether @arches (element-type ScmpArchitecture) holds @arch. */
gboolean           _scmp_filter_arches_contain    (GArray            *arches,
                                                   ScmpArchitecture   arch);

/* An empty set of borrowed rules, equal under scmp_rule_same_conditions(). */
GHashTable        *_scmp_filter_rule_set_new      (void);

/* A copy of a name → priority table. */
GHashTable        *_scmp_filter_priorities_copy   (GHashTable        *src);

/* Whether @rule can join a filter covering @arches whose rules are @set;
 * an identical rule already in @set makes @rule a @duplicate
 * (scmp-filter-rules.c). */
gboolean           _scmp_filter_check_new_rule    (GArray            *arches,
                                                   GHashTable        *set,
                                                   ScmpRule          *rule,
                                                   gboolean          *duplicate,
                                                   GError           **error);

/* Whether @arch can join @arches with @rules (scmp-filter-rules.c). */
gboolean           _scmp_filter_check_new_arch    (GArray            *arches,
                                                   GPtrArray         *rules,
                                                   ScmpArchitecture   arch,
                                                   GError           **error);

/* Change the rule list without checks, emitting the list and rule
 * signals but not ::changed. Each makes its whole change before the
 * first signal: a handler may change the filter again, so nothing may
 * be left to do once one has run. */
void               _scmp_filter_insert_rule_unchecked  (ScmpFilter   *self,
                                                        guint         position,
                                                        ScmpRule     *rule);
void               _scmp_filter_append_rules_unchecked (ScmpFilter   *self,
                                                        ScmpRule    **rules,
                                                        guint         n_rules);
void               _scmp_filter_remove_rule_unchecked  (ScmpFilter   *self,
                                                        guint         position);
void               _scmp_filter_move_rule_unchecked    (ScmpFilter   *self,
                                                        guint         from,
                                                        guint         to,
                                                        ScmpRule     *rule);
void               _scmp_filter_splice_rules_unchecked (ScmpFilter   *self,
                                                        guint         position,
                                                        guint         n_removed,
                                                        ScmpRule    **added,
                                                        guint         n_added);

/* Set the attribute and notify, without ::changed, so that a caller
 * changing several things emits it once; return whether it changed. */
gboolean           _scmp_filter_replace_bad_arch_action   (ScmpFilter *self,
                                                           ScmpAction *action);
gboolean           _scmp_filter_replace_unknown_syscall_action (ScmpFilter *self,
                                                                ScmpAction *action);
gboolean           _scmp_filter_replace_known_kernel (ScmpFilter *self,
                                                      guint       version);
gboolean           _scmp_filter_replace_allow_tracer_skip (ScmpFilter *self,
                                                           gboolean    allow);

/* Frees a transaction's snapshot (scmp-filter-transaction.c). */
void               _scmp_filter_snapshot_free     (gpointer           data);

/* Fills @input with borrowed pointers into @self's current state
 * (scmp-filter-program.c). */
void               _scmp_filter_get_compile_input (ScmpFilter        *self,
                                                   ScmpCompileInput  *input);

/* The compiled program (cached until the next change), or NULL + @error
 * (scmp-filter-program.c). */
const ScmpProgram *_scmp_filter_get_program       (ScmpFilter        *self,
                                                   GError           **error);

/* Runs the compiled program on one call, as scmp_filter_evaluate() does,
 * and gives the kernel's return value (scmp-filter-program.c). */
gboolean           _scmp_filter_run               (ScmpFilter        *self,
                                                   ScmpArchitecture   arch,
                                                   int                nr,
                                                   const guint64     *args,
                                                   gsize              n_args,
                                                   guint32           *ret,
                                                   GError           **error);

/* @syscall's number on @arch, or SCMP_ERROR_INVALID_SYSCALL
 * (scmp-filter-program.c). */
gboolean           _scmp_filter_resolve_syscall   (ScmpArchitecture   arch,
                                                   const char        *syscall,
                                                   int               *nr,
                                                   GError           **error);

/* The load flags the filter's properties and program ask for
 * (scmp-filter-load.c). */
ScmpLoadFlags      _scmp_filter_get_load_flags    (ScmpFilter        *self);

G_END_DECLS
