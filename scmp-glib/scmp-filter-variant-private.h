/* scmp-filter-variant-private.h: what the GVariant reader
 * (scmp-filter-variant.c) and the text form (scmp-filter-variant-text.c)
 * share
 *
 * SPDX-FileCopyrightText: 2026 The scmp-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "scmp-filter.h"

G_BEGIN_DECLS

/* Longer policy texts are refused before they are parsed, as OCI
 * profiles are (SCMP_OCI_MAX_SIZE): g_variant_parse() takes several
 * times the text's size, and a message would quote a huge name twice. */
#define SCMP_POLICY_TEXT_MAX_SIZE (16 * 1024 * 1024)

/* Where reading stopped, for the text form to show: the version, or a
 * rule (from 1; 0 for the attributes) and a key of its dictionary or of
 * the attributes (NULL for the whole rule or dictionary). */
typedef struct
{
  gboolean version;
  guint rule;
  char *key;    /* (owned) (nullable) */
} ScmpPolicyPlace;

/* Sets @error to SCMP_ERROR_INVALID_POLICY, "@where: message" (or the
 * message alone when @where is NULL). */
G_GNUC_PRINTF (3, 4)
void        _scmp_policy_error        (GError          **error,
                                       const char       *where,
                                       const char       *format,
                                       ...);

/* The filter @variant describes, or NULL with @error set and @place at
 * where reading stopped (@place->key owned by the caller). */
ScmpFilter *_scmp_filter_from_variant (GVariant         *variant,
                                       ScmpPolicyPlace  *place,
                                       GError          **error);

G_END_DECLS
