/* scmp-version-macros.h
 *
 * SPDX-FileCopyrightText: 2026 The scmp-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined (__SCMP_GLIB_INSIDE__) && !defined (SCMP_GLIB_COMPILATION)
#error "Only <scmp-glib/scmp-glib.h> can be included directly."
#endif

#include <glib.h>

#if defined (__GNUC__) && (__GNUC__ >= 4)
# define _SCMP_EXPORT __attribute__((visibility ("default")))
#else
# define _SCMP_EXPORT
#endif

#define _SCMP_EXTERN _SCMP_EXPORT extern

/* Everything in 0.1. Add one macro per minor release. */
#define SCMP_AVAILABLE_IN_ALL _SCMP_EXTERN
