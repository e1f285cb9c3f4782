/* test-oci-helpers.h: Docker's profile, for test-oci and test-oci-docker
 *
 * SPDX-FileCopyrightText: 2026 The scmp-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <scmp-glib/scmp-glib.h>

static inline char *
docker_profile_path (void)
{
  return g_test_build_filename (G_TEST_DIST, "data", "docker-default.json", NULL);
}

static inline ScmpOciProfile *
load_docker (ScmpArchitecture    host,
             const char * const *caps)
{
  g_autofree char *path = docker_profile_path ();
  ScmpOciProfile *profile = scmp_oci_profile_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (scmp_oci_profile_set_architecture (profile, host, &error));
  scmp_oci_profile_set_capabilities (profile, caps);
  g_assert_true (scmp_oci_profile_set_kernel_version (profile, "6.12", &error));
  g_assert_true (scmp_oci_profile_load_from_file (profile, path, &error));
  g_assert_no_error (error);
  return profile;
}
