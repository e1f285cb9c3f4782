/* test-tables.c: the generated syscall tables against the system's kernel
 * headers and against libseccomp's tables
 *
 * SPDX-FileCopyrightText: 2026 The scmp-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "scmp-arch-private.h"
#include "scmp-condition-private.h"
#include "scmp-enums.h"

#include <seccomp.h>
#include <stdlib.h>
#include <string.h>

/* Every deliberate difference from libseccomp 2.5.4, with the reason. The
 * socketcall/ipc names are handled by a rule (see multiplexed_in_libseccomp)
 * rather than listed here. */
static const struct {
  const char *abi;
  const char *name;
  const char *why;
} known_differences[] = {
  { "x32", "map_shadow_stack",
    "453 is 'common' in Linux 6.12's syscall_64.tbl, so x32 has it too; libseccomp 2.5.4 lists it for x86_64 only" },
  { "parisc64", "_llseek",
    "140 is abi '32' in the kernel's parisc syscall.tbl (no __NR__llseek in unistd_64.h); libseccomp 2.5.4 lists it for parisc64" },
};

static const char *
known_difference (const char *abi,
                  const char *name)
{
  for (gsize i = 0; i < G_N_ELEMENTS (known_differences); i++)
    if (strcmp (known_differences[i].abi, abi) == 0 && strcmp (known_differences[i].name, name) == 0)
      return known_differences[i].why;
  return NULL;
}

/* libseccomp resolves the socket and SysV IPC calls to pseudo numbers on the
 * ABIs that have socketcall/ipc, even where a direct syscall exists: its rule
 * code adds the direct and the multiplexed forms itself. Our tables give the
 * direct number and report the multiplexer separately. */
static gboolean
multiplexed_in_libseccomp (int              name_index,
                           ScmpArchitecture arch)
{
  return _scmp_syscall_mux (name_index, arch, NULL) != SCMP_MULTIPLEXER_NONE;
}

static void
test_internal_consistency (void)
{
  guint n = _scmp_syscall_n_names ();

  g_assert_cmpuint (n, >, 400);

  for (ScmpArchitecture arch = SCMP_ARCHITECTURE_X86; arch <= SCMP_ARCHITECTURE_SHEB; arch++)
    {
      const ScmpArchInfo *info = _scmp_arch_get_info (arch);

      g_assert_nonnull (info);
      g_assert_cmpint (info->arch, ==, arch);
      g_assert_cmpint (_scmp_arch_resolve (arch), ==, arch);
      g_assert_cmpstr (scmp_architecture_to_name (arch), ==, info->name);

      /* The compiler files multiplexed calls under these names' numbers. */
      g_assert_cmpint (_scmp_syscall_number (_scmp_syscall_lookup ("socketcall"), arch), ==,
                       info->socketcall_nr);
      g_assert_cmpint (_scmp_syscall_number (_scmp_syscall_lookup ("ipc"), arch), ==,
                       info->ipc_nr);

      /* ... and walks the syscalls in number order. */
      {
        guint n_sys;
        const guint16 *by_nr = _scmp_arch_syscalls_by_nr (arch, &n_sys);

        guint n_numbered = 0;

        /* every name with a number here, once */
        for (guint idx = 0; idx < _scmp_syscall_n_names (); idx++)
          if (_scmp_syscall_number (idx, arch) >= 0)
            n_numbered++;
        g_assert_cmpuint (n_sys, ==, n_numbered);
        g_assert_cmpuint (n_sys, >, 300);
        for (guint k = 1; k < n_sys; k++)
          g_assert_cmpint (_scmp_syscall_number (by_nr[k - 1], arch), <,
                           _scmp_syscall_number (by_nr[k], arch));
      }
    }
  {
    guint n_sys = 1;

    g_assert_null (_scmp_arch_syscalls_by_nr (SCMP_ARCHITECTURE_UNKNOWN, &n_sys));
    g_assert_cmpuint (n_sys, ==, 0);
  }
  g_assert_null (_scmp_arch_get_info (SCMP_ARCHITECTURE_UNKNOWN));
  g_assert_null (_scmp_arch_get_info ((ScmpArchitecture) (SCMP_ARCHITECTURE_SHEB + 1)));
  g_assert_cmpint (_scmp_arch_resolve ((ScmpArchitecture) 100), ==, SCMP_ARCHITECTURE_UNKNOWN);
  g_assert_cmpint (_scmp_arch_resolve (SCMP_ARCHITECTURE_NATIVE), ==, scmp_architecture_get_native ());

  for (guint i = 0; i < n; i++)
    {
      const char *name = _scmp_syscall_name ((int) i);

      g_assert_nonnull (name);
      if (i > 0)
        g_assert_cmpint (strcmp (_scmp_syscall_name ((int) i - 1), name), <, 0);
      g_assert_cmpint (_scmp_syscall_lookup (name), ==, (int) i);

      for (ScmpArchitecture arch = SCMP_ARCHITECTURE_X86; arch <= SCMP_ARCHITECTURE_SHEB; arch++)
        {
          const ScmpArchInfo *info = _scmp_arch_get_info (arch);
          int nr = _scmp_syscall_number ((int) i, arch);
          guint sub = 1234;
          ScmpMultiplexer mux = _scmp_syscall_mux ((int) i, arch, &sub);

          if (nr >= 0)
            {
              g_assert_cmpstr (scmp_syscall_resolve_number (arch, nr), ==, name);
              if (arch == SCMP_ARCHITECTURE_X32)
                g_assert_cmpint (nr & SCMP_X32_SYSCALL_BIT, ==, SCMP_X32_SYSCALL_BIT);
              else
                g_assert_cmpint (nr, >=, (int) info->nr_base);
            }

          if (mux == SCMP_MULTIPLEXER_NONE)
            g_assert_cmpuint (sub, ==, 0);
          else
            {
              g_assert_cmpuint (sub, >=, 1);
              g_assert_cmpuint (sub, <=, 24);
              g_assert_cmpint (mux == SCMP_MULTIPLEXER_SOCKETCALL ? info->socketcall_nr : info->ipc_nr, >=, 0);
            }
        }
    }

  g_assert_cmpint (_scmp_syscall_lookup (NULL), ==, -1);
  g_assert_cmpint (_scmp_syscall_lookup (""), ==, -1);
  g_assert_cmpint (_scmp_syscall_lookup ("zzzz"), ==, -1);
  g_assert_cmpint (_scmp_syscall_lookup ("_"), ==, -1);
  g_assert_cmpint (_scmp_syscall_number (-1, SCMP_ARCHITECTURE_X86_64), ==, -1);
  g_assert_cmpint (_scmp_syscall_number ((int) n, SCMP_ARCHITECTURE_X86_64), ==, -1);
  g_assert_cmpint (_scmp_syscall_number (_scmp_syscall_lookup ("read"), SCMP_ARCHITECTURE_UNKNOWN), ==, -1);
}

/* Parses "#define __NR_name 12" and "#define __NR_name (__X32_SYSCALL_BIT + 12)"
 * lines of a uapi unistd header into name → number. */
static GHashTable *
parse_unistd_header (const char *path)
{
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  GHashTable *table;
  g_autoptr(GRegex) re = NULL;
  g_autoptr(GError) error = NULL;

  if (!g_file_get_contents (path, &text, NULL, NULL))
    return NULL;

  re = g_regex_new ("^#define\\s+__NR_(\\w+)\\s+(?:\\(__X32_SYSCALL_BIT\\s*\\+\\s*)?(\\d+)\\)?\\s*$",
                    0, 0, &error);
  g_assert_no_error (error);

  table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autoptr(GMatchInfo) match = NULL;

      if (g_regex_match (re, lines[i], 0, &match))
        {
          g_autofree char *name = g_match_info_fetch (match, 1);
          g_autofree char *num = g_match_info_fetch (match, 2);
          gint64 nr = g_ascii_strtoll (num, NULL, 10);

          if (strstr (lines[i], "__X32_SYSCALL_BIT") != NULL)
            nr |= SCMP_X32_SYSCALL_BIT;
          g_hash_table_insert (table, g_steal_pointer (&name), GINT_TO_POINTER ((int) nr));
        }
    }

  return table;
}

static void
test_system_headers (void)
{
  static const struct {
    const char       *file;
    ScmpArchitecture  arch;
  } headers[] = {
    { "unistd_64.h",  SCMP_ARCHITECTURE_X86_64 },
    { "unistd_32.h",  SCMP_ARCHITECTURE_X86 },
    { "unistd_x32.h", SCMP_ARCHITECTURE_X32 },
  };
  static const char *dirs[] = {
    "/usr/include/x86_64-linux-gnu/asm",
    "/usr/include/i386-linux-gnu/asm",
    "/usr/include/asm",
  };
  guint n_checked = 0;

  g_test_summary ("Every __NR_ macro of the system's x86 uapi headers is in "
                  "our tables with the same number.");

  for (gsize h = 0; h < G_N_ELEMENTS (headers); h++)
    {
      g_autoptr(GHashTable) table = NULL;
      GHashTableIter iter;
      gpointer key, value;
      g_autofree char *path = NULL;
      guint ours = 0;

      for (gsize d = 0; d < G_N_ELEMENTS (dirs) && table == NULL; d++)
        {
          g_free (path);
          path = g_build_filename (dirs[d], headers[h].file, NULL);
          table = parse_unistd_header (path);
        }
      if (table == NULL)
        {
          g_test_message ("%s: not found, skipped", headers[h].file);
          continue;
        }

      for (guint i = 0; i < _scmp_syscall_n_names (); i++)
        if (_scmp_syscall_number ((int) i, headers[h].arch) >= 0)
          ours++;

      g_hash_table_iter_init (&iter, table);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          int nr = scmp_syscall_resolve_name (headers[h].arch, key);

          if (nr != GPOINTER_TO_INT (value))
            g_test_message ("%s: __NR_%s is %d, ours %d", path, (const char *) key,
                            GPOINTER_TO_INT (value), nr);
          g_assert_cmpint (nr, ==, GPOINTER_TO_INT (value));
        }

      g_test_message ("%s: %u __NR_ macros, all match; our %s table has %u (%u newer than the header)",
                      path, g_hash_table_size (table), scmp_architecture_to_name (headers[h].arch),
                      ours, ours - g_hash_table_size (table));
      g_assert_cmpuint (ours, >=, g_hash_table_size (table));
      n_checked++;
    }

  if (n_checked == 0)
    g_test_skip ("no x86 uapi unistd headers on this system: install linux-libc-dev");
}

static void
test_libseccomp (void)
{
  guint unexplained_total = 0;
  GString *skipped = g_string_new (NULL);

  g_test_summary ("libseccomp as an oracle: every number both tables know agrees, "
                  "and every difference is explained.");

  for (ScmpArchitecture arch = SCMP_ARCHITECTURE_X86; arch <= SCMP_ARCHITECTURE_SHEB; arch++)
    {
      const ScmpArchInfo *info = _scmp_arch_get_info (arch);
      uint32_t token = seccomp_arch_resolve_name (info->name);
      guint ours = 0, compared = 0, unknown_to_libseccomp = 0, multiplexed = 0;
      guint explained = 0, unexplained = 0, reverse_checked = 0;
      guint32 ranges[2][2] = { { 0, 0 }, { 0, 0 } };
      g_autoptr(GString) newer = g_string_new (NULL);

      if (token == 0)
        {
          g_string_append_printf (skipped, " %s", info->name);
          continue;
        }

      /* Our names → libseccomp. */
      for (guint i = 0; i < _scmp_syscall_n_names (); i++)
        {
          const char *name = _scmp_syscall_name ((int) i);
          int nr = _scmp_syscall_number ((int) i, arch);
          int theirs;
          const char *why;

          if (nr < 0)
            continue;
          ours++;

          theirs = seccomp_syscall_resolve_name_arch (token, name);
          if (theirs == __NR_SCMP_ERROR)
            {
              /* libseccomp's table predates this syscall. */
              unknown_to_libseccomp++;
              g_string_append_printf (newer, " %s", name);
              continue;
            }

          if (theirs >= 0)
            {
              compared++;
              if (theirs == nr)
                continue;
            }
          else if (multiplexed_in_libseccomp ((int) i, arch))
            {
              multiplexed++;
              continue;
            }

          why = known_difference (info->name, name);
          if (why != NULL)
            {
              g_test_message ("%s: %s is %d here, %d in libseccomp: %s", info->name, name, nr, theirs, why);
              explained++;
            }
          else
            {
              g_test_message ("%s: %s is %d here, %d in libseccomp: UNEXPLAINED", info->name, name, nr, theirs);
              unexplained++;
            }
        }

      /* libseccomp's numbers → our names. */
      ranges[0][0] = arch == SCMP_ARCHITECTURE_X32 ? SCMP_X32_SYSCALL_BIT : info->nr_base;
      ranges[0][1] = ranges[0][0] + 1024;
      if (arch == SCMP_ARCHITECTURE_ARM)
        {
          ranges[1][0] = 0x0f0000;
          ranges[1][1] = 0x0f0100;
        }

      for (gsize r = 0; r < G_N_ELEMENTS (ranges); r++)
        for (guint32 num = ranges[r][0]; num < ranges[r][1]; num++)
          {
            char *theirs = seccomp_syscall_resolve_num_arch (token, (int) num);
            int nr;

            if (theirs == NULL)
              continue;

            reverse_checked++;
            nr = scmp_syscall_resolve_name (arch, theirs);
            if (nr != (int) num)
              {
                const char *why = known_difference (info->name, theirs);

                if (why != NULL)
                  {
                    g_test_message ("%s: libseccomp has %s = %u, we have %d: %s",
                                    info->name, theirs, num, nr, why);
                    explained++;
                  }
                else
                  {
                    g_test_message ("%s: libseccomp has %s = %u, we have %d: UNEXPLAINED",
                                    info->name, theirs, num, nr);
                    unexplained++;
                  }
              }
            free (theirs);
          }

      g_test_message ("%-12s ours %u, compared %u (+%u by number), not in libseccomp %u, "
                      "multiplexed %u, explained differences %u, unexplained %u",
                      info->name, ours, compared, reverse_checked, unknown_to_libseccomp,
                      multiplexed, explained, unexplained);
      g_test_message ("%-12s not in libseccomp's tables:%s", info->name, newer->str);
      g_assert_cmpuint (compared, >, 250);
      unexplained_total += unexplained;
    }

  g_test_message ("ABIs libseccomp %u.%u.%u does not know, skipped:%s",
                  seccomp_version ()->major, seccomp_version ()->minor,
                  seccomp_version ()->micro, skipped->str);
  g_string_free (skipped, TRUE);

  g_assert_cmpuint (unexplained_total, ==, 0);
}

/* The one table of comparison symbols (scmp-condition.c), which
 * scmp_condition_to_string() and the PFC export both print. */
static void
test_compare_op_symbols (void)
{
  static const struct {
    ScmpCompareOp op;
    const char   *symbol;
    const char   *text;     /* scmp_condition_to_string() of arg1 op 2 */
  } ops[] = {
    { SCMP_COMPARE_OP_EQ, "==", "arg1 == 2" },
    { SCMP_COMPARE_OP_NE, "!=", "arg1 != 2" },
    { SCMP_COMPARE_OP_LT, "<", "arg1 < 2" },
    { SCMP_COMPARE_OP_LE, "<=", "arg1 <= 2" },
    { SCMP_COMPARE_OP_GT, ">", "arg1 > 2" },
    { SCMP_COMPARE_OP_GE, ">=", "arg1 >= 2" },
    { SCMP_COMPARE_OP_MASKED_EQ, "&", "arg1 & 0x3 == 0x2" },
  };
  g_autoptr(GEnumClass) klass = g_type_class_ref (SCMP_TYPE_COMPARE_OP);

  g_assert_cmpuint (klass->n_values, ==, G_N_ELEMENTS (ops));

  for (gsize i = 0; i < G_N_ELEMENTS (ops); i++)
    {
      ScmpCondition c = { .arg = 1, .op = ops[i].op, .datum = 2, .mask = 3 };
      g_autofree char *text = scmp_condition_to_string (&c);

      g_assert_cmpstr (_scmp_compare_op_symbol (ops[i].op), ==, ops[i].symbol);
      g_assert_cmpstr (text, ==, ops[i].text);
    }

  g_assert_null (_scmp_compare_op_symbol ((ScmpCompareOp) (SCMP_COMPARE_OP_MASKED_EQ + 1)));
  g_assert_null (_scmp_compare_op_symbol ((ScmpCompareOp) -1));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/tables/internal-consistency", test_internal_consistency);
  g_test_add_func ("/tables/system-headers", test_system_headers);
  g_test_add_func ("/tables/libseccomp", test_libseccomp);
  g_test_add_func ("/tables/compare-op-symbols", test_compare_op_symbols);

  return g_test_run ();
}
