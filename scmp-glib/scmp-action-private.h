/* scmp-action-private.h: the action kinds' table, shared by the object
 * (scmp-action.c) and the parser (scmp-action-string.c)
 *
 * SPDX-FileCopyrightText: 2026 The scmp-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "scmp-action.h"
#include "scmp-kernel-private.h"

G_BEGIN_DECLS

/* Everything about an action kind, in one place: the SECCOMP_RET_* value,
 * the canonical name (scmp_action_to_string()), the other name the parser
 * accepts, and the property holding the kind's 16-bit value, if it has
 * one. Names are lower case with '-' for '_', as the parser normalises
 * its input. */
typedef struct {
  guint32     kernel_value;
  const char *name;
  const char *alias;           /* (nullable) */
  const char *value_property;  /* (nullable) */
} ScmpActionKindInfo;

extern const ScmpActionKindInfo _scmp_action_kinds[SCMP_N_ACTION_KINDS];

/* @kind with its 16-bit @data, which kinds without a value ignore. */
ScmpAction *_scmp_action_new_kind (ScmpActionKind kind,
                                   guint          data);

G_END_DECLS
