/* scmp-oci.h: OCI and Docker seccomp profiles
 *
 * SPDX-FileCopyrightText: 2026 The scmp-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined (__SCMP_GLIB_INSIDE__) && !defined (SCMP_GLIB_COMPILATION)
#error "Only <scmp-glib/scmp-glib.h> can be included directly."
#endif

#include <gio/gio.h>
#include <scmp-glib/scmp-architecture.h>
#include <scmp-glib/scmp-filter.h>
#include <scmp-glib/scmp-version-macros.h>

G_BEGIN_DECLS

/**
 * ScmpOciProfileFlags:
 * @SCMP_OCI_PROFILE_FLAGS_NONE: the defaults: a syscall name the tables
 *   do not know is skipped with a warning, as runc does, and so is a
 *   field the format does not have
 * @SCMP_OCI_PROFILE_FLAGS_STRICT_SYSCALLS: a syscall name the tables do
 *   not know is an error
 * @SCMP_OCI_PROFILE_FLAGS_STRICT_FIELDS: a field the format does not have
 *   (other than `comment`) is an error
 *
 * How strictly scmp_oci_profile_load_from_file() reads a profile.
 *
 * Since: 0.1
 */
typedef enum /*< flags >*/ {
  SCMP_OCI_PROFILE_FLAGS_NONE            = 0,
  SCMP_OCI_PROFILE_FLAGS_STRICT_SYSCALLS = 1 << 0,
  SCMP_OCI_PROFILE_FLAGS_STRICT_FIELDS   = 1 << 1,
} ScmpOciProfileFlags;

/**
 * ScmpOciExportFlags:
 * @SCMP_OCI_EXPORT_FLAGS_NONE: what the format cannot express is left out
 *   and reported as a warning
 * @SCMP_OCI_EXPORT_FLAGS_STRICT: what the format cannot express is an
 *   error, and nothing is written
 *
 * How scmp_filter_export_oci() treats what an OCI profile cannot say.
 *
 * Since: 0.1
 */
typedef enum /*< flags >*/ {
  SCMP_OCI_EXPORT_FLAGS_NONE   = 0,
  SCMP_OCI_EXPORT_FLAGS_STRICT = 1 << 0,
} ScmpOciExportFlags;

/**
 * ScmpOciProfile:
 *
 * An OCI or Docker seccomp profile, read for one container: its granted
 * capabilities, its architecture and its kernel. All fields are private.
 *
 * Since: 0.1
 */
#define SCMP_TYPE_OCI_PROFILE (scmp_oci_profile_get_type ())

SCMP_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (ScmpOciProfile, scmp_oci_profile, SCMP, OCI_PROFILE, GObject)

SCMP_AVAILABLE_IN_ALL
ScmpOciProfile      *scmp_oci_profile_new                  (void);

/* What the profile is resolved for */
SCMP_AVAILABLE_IN_ALL
const char * const  *scmp_oci_profile_get_capabilities     (ScmpOciProfile       *self);
SCMP_AVAILABLE_IN_ALL
void                 scmp_oci_profile_set_capabilities     (ScmpOciProfile       *self,
                                                            const char * const   *capabilities);
SCMP_AVAILABLE_IN_ALL
ScmpArchitecture     scmp_oci_profile_get_architecture     (ScmpOciProfile       *self);
SCMP_AVAILABLE_IN_ALL
gboolean             scmp_oci_profile_set_architecture     (ScmpOciProfile       *self,
                                                            ScmpArchitecture      arch,
                                                            GError              **error);
SCMP_AVAILABLE_IN_ALL
const char          *scmp_oci_profile_get_kernel_version   (ScmpOciProfile       *self);
SCMP_AVAILABLE_IN_ALL
gboolean             scmp_oci_profile_set_kernel_version   (ScmpOciProfile       *self,
                                                            const char           *version,
                                                            GError              **error);
SCMP_AVAILABLE_IN_ALL
ScmpOciProfileFlags  scmp_oci_profile_get_flags            (ScmpOciProfile       *self);
SCMP_AVAILABLE_IN_ALL
void                 scmp_oci_profile_set_flags            (ScmpOciProfile       *self,
                                                            ScmpOciProfileFlags   flags);

/* Reading */
SCMP_AVAILABLE_IN_ALL
gboolean             scmp_oci_profile_load_from_file       (ScmpOciProfile       *self,
                                                            const char           *path,
                                                            GError              **error);
SCMP_AVAILABLE_IN_ALL
gboolean             scmp_oci_profile_load_from_data       (ScmpOciProfile       *self,
                                                            const char           *data,
                                                            gssize                length,
                                                            GError              **error);

/* What was read */
SCMP_AVAILABLE_IN_ALL
ScmpFilter          *scmp_oci_profile_get_filter           (ScmpOciProfile       *self);
SCMP_AVAILABLE_IN_ALL
const char * const  *scmp_oci_profile_get_warnings         (ScmpOciProfile       *self);
SCMP_AVAILABLE_IN_ALL
const char          *scmp_oci_profile_get_listener_path    (ScmpOciProfile       *self);
SCMP_AVAILABLE_IN_ALL
const char          *scmp_oci_profile_get_listener_metadata (ScmpOciProfile      *self);

/* Writing (scmp-oci-export.c) */
SCMP_AVAILABLE_IN_ALL
char                *scmp_filter_export_oci                (ScmpFilter           *filter,
                                                            ScmpOciExportFlags    flags,
                                                            char               ***warnings,
                                                            GError              **error);

G_END_DECLS
