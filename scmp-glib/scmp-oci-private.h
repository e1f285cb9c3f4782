/* scmp-oci-private.h: the names of the OCI seccomp format, shared by the
 * reader (scmp-oci.c) and the writer (scmp-oci-export.c)
 *
 * SPDX-FileCopyrightText: 2026 The scmp-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "scmp-oci.h"

G_BEGIN_DECLS

typedef struct {
  const char *name;
  int         value;
} ScmpOciName;

/* The `flags` the format has, as bits. */
typedef enum {
  SCMP_OCI_FLAG_TSYNC         = 1 << 0,
  SCMP_OCI_FLAG_LOG           = 1 << 1,
  SCMP_OCI_FLAG_SPEC_ALLOW    = 1 << 2,
  SCMP_OCI_FLAG_WAIT_KILLABLE = 1 << 3,
  SCMP_OCI_FLAG_NEW_LISTENER  = 1 << 4,
} ScmpOciFlag;

/* Name → value tables, ended by a NULL name; the first entry for a value
 * is the one written. */
extern const ScmpOciName _scmp_oci_actions[];   /* ScmpActionKind */
extern const ScmpOciName _scmp_oci_ops[];       /* ScmpCompareOp */
extern const ScmpOciName _scmp_oci_flags[];     /* ScmpOciFlag */

gboolean    _scmp_oci_lookup      (const ScmpOciName *names,
                                   const char        *text,
                                   int               *value);

/* The first name of @value in @names. */
const char *_scmp_oci_name_of     (const ScmpOciName *names,
                                   int                value);

/* Larger profiles are refused before they are read: Docker's is 20 KiB. */
#define SCMP_OCI_MAX_SIZE (16 * 1024 * 1024)

/* What a profile is read for (see ScmpOciProfile's properties). */
typedef struct {
  ScmpOciProfileFlags  flags;
  ScmpArchitecture     host;
  guint                kernel;          /* (major << 8) | minor */
  const char * const  *capabilities;
} ScmpOciReadOptions;

/* What a profile gave, all owned by the caller. */
typedef struct {
  ScmpFilter *filter;
  char      **warnings;
  char       *listener_path;
  char       *listener_metadata;
} ScmpOciReadResult;

/* Reads @text (@length bytes, named @where in messages) into @result:
 * all of it, or nothing with @error set (scmp-oci-read.c). */
gboolean    _scmp_oci_read        (const char                *where,
                                   const char                *text,
                                   gsize                      length,
                                   const ScmpOciReadOptions  *options,
                                   ScmpOciReadResult         *result,
                                   GError                   **error);

G_END_DECLS
