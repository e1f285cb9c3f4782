/* scmp-seccomp-private.h: the compat layer's filter context
 *
 * SPDX-FileCopyrightText: 2026 The scmp-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <scmp-glib/scmp-glib.h>

#include "seccomp.h"

G_BEGIN_DECLS

#define SCMP_COMPAT_MAX_ARGS 6

/* One argument chain: at most one condition per argument, kept sorted by
 * argument so that equal chains compare equal whatever order they were
 * given in. @written holds the conditions as given (the datum of a masked
 * compare masked); @conds, on an ABI, libseccomp's form of them there,
 * which the merge compares (see chain_for_arch()). */
typedef struct {
  guint          n_conds;
  ScmpCondition  conds[SCMP_COMPAT_MAX_ARGS];
  ScmpCondition  written[SCMP_COMPAT_MAX_ARGS];
  guint32        action;
  gboolean       exact;
} ScmpCompatChain;

/* libseccomp's per-syscall model, one per (architecture, syscall): an
 * argument-free rule, once there, is the whole answer; otherwise the
 * argument chains. */
typedef struct {
  char      *name;             /* (owned) (nullable) NULL for a number rule */
  int        nr;               /* for a number rule: the arch's own number */
  gboolean   has_plain;
  guint32    plain_action;
  gboolean   plain_exact;
  GArray    *chains;           /* (owned) (element-type ScmpCompatChain) */
} ScmpCompatSyscall;

typedef struct {
  ScmpArchitecture  arch;
  GPtrArray        *syscalls;  /* (owned) (element-type ScmpCompatSyscall) in order of first rule */
  GHashTable       *by_key;    /* (owned) key → ScmpCompatSyscall (borrowed) */
} ScmpCompatArch;

typedef struct {
  guint32     def_action;
  guint32     badarch_action;
  gboolean    nnp;
  gboolean    tsync;
  gboolean    tskip;
  gboolean    log;
  gboolean    ssb;
  guint32     optimize;
  gboolean    sysrawrc;
  gboolean    waitkill;
  gboolean    skip_allowed;    /* an ALLOW rule for syscall -1 was added */
  gboolean    notify_used;     /* a NOTIFY rule was added (until a reset) */
  GPtrArray  *arches;          /* (owned) (element-type ScmpCompatArch) in order added */
  GHashTable *priorities;      /* (owned) syscall name → priority + 1 */
  GPtrArray  *transactions;    /* (owned) (element-type ScmpCompatCtx) state at each open
                                  transaction's start, innermost last */
  ScmpFilter *prepared;        /* (owned) (nullable) seccomp_precompute()'s, until a change */
} ScmpCompatCtx;

/* Builds the ordered scmp-glib filter that decides as the context's
 * libseccomp model does. Hidden: the tests link the objects. */
ScmpFilter *_scmp_seccomp_build_filter (const scmp_filter_ctx   ctx,
                                        GError                **error);

G_END_DECLS
