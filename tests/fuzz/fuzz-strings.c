/* fuzz-strings.c: every string parser of the public API on one input
 *
 * SPDX-FileCopyrightText: 2026 The scmp-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Action strings, architecture names, syscall names (direct, multiplexed,
 * in rules), syscall-set names, kernel versions. What parses must print
 * back to something that parses to the same value.
 */

#include "config.h"

#include <scmp-glib/scmp-glib.h>

#include "fuzz-common.h"

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_init ();
  return 0;
}

static void
check_action (const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScmpAction) action = scmp_action_new_from_string (text, &error);
  g_autofree char *printed = NULL;
  g_autoptr(ScmpAction) again = NULL;

  if (action == NULL)
    {
      g_assert_nonnull (error);
      return;
    }
  g_assert_no_error (error);
  printed = scmp_action_to_string (action);
  again = scmp_action_new_from_string (printed, &error);
  g_assert_no_error (error);
  g_assert_true (scmp_action_equal (action, again));
  /* a parsed action has a kernel value that reads back as itself */
  if (scmp_action_validate (action, NULL))
    {
      g_autoptr(ScmpAction) from_kernel =
        scmp_action_new_from_kernel_value (scmp_action_get_kernel_value (action), NULL);

      if (from_kernel != NULL)
        g_assert_cmpuint (scmp_action_get_kernel_value (from_kernel), ==,
                          scmp_action_get_kernel_value (action));
    }
}

static void
check_architecture (const char *text)
{
  g_autoptr(GError) error = NULL;
  ScmpArchitecture arch = SCMP_ARCHITECTURE_UNKNOWN;
  ScmpArchitecture by_name = scmp_architecture_from_name (text);

  if (!scmp_architecture_parse (text, &arch, &error))
    {
      g_assert_nonnull (error);
      g_assert_cmpint (by_name, ==, SCMP_ARCHITECTURE_UNKNOWN);
      return;
    }
  g_assert_no_error (error);
  g_assert_cmpint (by_name, ==, arch);
  if (arch != SCMP_ARCHITECTURE_NATIVE)
    g_assert_cmpint (scmp_architecture_from_name (scmp_architecture_to_name (arch)), ==, arch);
}

static void
check_syscall (const char *text)
{
  static const ScmpArchitecture arches[] = {
    SCMP_ARCHITECTURE_X86_64, SCMP_ARCHITECTURE_X86, SCMP_ARCHITECTURE_X32,
    SCMP_ARCHITECTURE_S390X, SCMP_ARCHITECTURE_MIPS, SCMP_ARCHITECTURE_AARCH64,
  };

  for (gsize a = 0; a < G_N_ELEMENTS (arches); a++)
    {
      int nr = scmp_syscall_resolve_name (arches[a], text);
      int mux_nr = -1;
      guint sub = 0;

      if (nr >= 0)
        {
          const char *name = scmp_syscall_resolve_number (arches[a], nr);

          g_assert_nonnull (name);
          g_assert_cmpint (scmp_syscall_resolve_name (arches[a], name), ==, nr);
        }
      scmp_syscall_get_multiplexer (arches[a], text, &mux_nr, &sub);
      for (guint arg = 0; arg <= SCMP_CONDITION_MAX_ARG; arg++)
        {
          guint bits = scmp_syscall_get_argument_width (arches[a], text, arg, NULL);

          /* a name the ABI lacks reads the full register */
          g_assert_true (bits == 8 || bits == 16 || bits == 32 || bits == 64);
          if (nr < 0)
            g_assert_cmpuint (bits, ==, scmp_architecture_get_word_size (arches[a]) == 64 ||
                              arches[a] == SCMP_ARCHITECTURE_X32 ? 64 : 32);
        }
    }
}

static void
check_in_filter (const char *text)
{
  g_autoptr(ScmpAction) dflt = scmp_action_new_kill_process ();
  g_autoptr(ScmpAction) allow = scmp_action_new_allow ();
  g_autoptr(ScmpFilter) filter = scmp_filter_new (dflt);
  /* an empty name is a programmer error (a critical), not input */
  g_autoptr(ScmpRule) rule = text[0] != '\0' ? scmp_rule_new (text, allow) : NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) program = NULL;
  g_autoptr(ScmpOciProfile) profile = scmp_oci_profile_new ();
  g_auto(GStrv) members = NULL;

  if (rule != NULL)
    scmp_filter_add_rule (filter, rule, NULL);
  scmp_filter_add_rules_for_set (filter, text, allow, NULL, 0, NULL);
  scmp_filter_set_known_kernel (filter, text, NULL);
  program = scmp_filter_export_bpf (filter, &error);
  g_assert_no_error (error);

  scmp_oci_profile_set_kernel_version (profile, text, NULL);

  scmp_syscall_set_get_description (text);
  scmp_syscall_set_contains (text, "read");
  members = scmp_syscall_set_get_members (text, TRUE, NULL);
  g_clear_pointer (&members, g_strfreev);
  members = scmp_syscall_set_get_members (text, FALSE, NULL);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = g_strndup ((const char *) data, size);

  check_action (text);
  check_architecture (text);
  check_syscall (text);
  check_in_filter (text);
  return 0;
}
