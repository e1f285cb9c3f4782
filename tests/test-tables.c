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

#include <errno.h>
#include <seccomp.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/utsname.h>
#include <unistd.h>

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

/* The number as seen in seccomp_data.nr of a syscall with unified number
 * @nr (424 and up) on @arch. */
static int
unified_number (ScmpArchitecture arch,
                int              nr)
{
  const ScmpArchInfo *info = _scmp_arch_get_info (arch);

  if (arch == SCMP_ARCHITECTURE_X32)
    return (int) ((guint) nr | SCMP_X32_SYSCALL_BIT);
  return nr + (int) info->nr_base;
}

static int
lookup (const char *name)
{
  int idx = _scmp_syscall_lookup (name);

  g_assert_cmpint (idx, >=, 0);
  return idx;
}

/* Linux 6.19's listns and 7.0's rseq_slice_yield, the newest syscalls: on
 * every ABI but s390, whose 31-bit compat ABI 6.19 removed. */
static void
test_newest_syscalls (void)
{
  static const struct {
    const char *name;
    int         nr;
    guint       version;
  } added[] = {
    { "listns", 470, 0x0613 },
    { "rseq_slice_yield", 471, 0x0700 },
  };

  g_test_summary ("listns (470, Linux 6.19) and rseq_slice_yield (471, 7.0) "
                  "have the unified numbers on every ABI but s390");

  for (gsize i = 0; i < G_N_ELEMENTS (added); i++)
    {
      int idx = lookup (added[i].name);

      for (ScmpArchitecture arch = SCMP_ARCHITECTURE_X86; arch <= SCMP_ARCHITECTURE_SHEB; arch++)
        {
          g_test_message ("%s on %s", added[i].name, scmp_architecture_to_name (arch));
          if (arch == SCMP_ARCHITECTURE_S390)
            {
              g_assert_cmpint (_scmp_syscall_number (idx, arch), ==, -1);
              g_assert_cmpuint (_scmp_syscall_kernel_version (idx, arch), ==, 0);
              continue;
            }
          g_assert_cmpint (_scmp_syscall_number (idx, arch), ==, unified_number (arch, added[i].nr));
          g_assert_cmpuint (_scmp_syscall_kernel_version (idx, arch), ==, added[i].version);
        }
    }

  /* spelled out for a few, bases and bit included */
  g_assert_cmpint (scmp_syscall_resolve_name (SCMP_ARCHITECTURE_X86_64, "listns"), ==, 470);
  g_assert_cmpint (scmp_syscall_resolve_name (SCMP_ARCHITECTURE_X86, "listns"), ==, 470);
  g_assert_cmpint (scmp_syscall_resolve_name (SCMP_ARCHITECTURE_X32, "listns"), ==, 0x400001d6);
  g_assert_cmpint (scmp_syscall_resolve_name (SCMP_ARCHITECTURE_AARCH64, "listns"), ==, 470);
  g_assert_cmpint (scmp_syscall_resolve_name (SCMP_ARCHITECTURE_MIPSEL, "listns"), ==, 4470);
  g_assert_cmpint (scmp_syscall_resolve_name (SCMP_ARCHITECTURE_MIPS64, "listns"), ==, 5470);
  g_assert_cmpint (scmp_syscall_resolve_name (SCMP_ARCHITECTURE_MIPS64N32, "listns"), ==, 6470);
  g_assert_cmpint (scmp_syscall_resolve_name (SCMP_ARCHITECTURE_S390X, "listns"), ==, 470);
  g_assert_cmpint (scmp_syscall_resolve_name (SCMP_ARCHITECTURE_S390, "listns"), <, 0);
  g_assert_cmpint (scmp_syscall_resolve_name (SCMP_ARCHITECTURE_X86_64, "rseq_slice_yield"), ==, 471);
  g_assert_cmpint (scmp_syscall_resolve_name (SCMP_ARCHITECTURE_X32, "rseq_slice_yield"), ==, 0x400001d7);
  g_assert_cmpint (scmp_syscall_resolve_name (SCMP_ARCHITECTURE_PPC64LE, "rseq_slice_yield"), ==, 471);
  g_assert_cmpint (scmp_syscall_resolve_name (SCMP_ARCHITECTURE_RISCV64, "rseq_slice_yield"), ==, 471);
  g_assert_cmpint (scmp_syscall_resolve_name (SCMP_ARCHITECTURE_MIPS, "rseq_slice_yield"), ==, 4471);
  g_assert_cmpint (scmp_syscall_resolve_name (SCMP_ARCHITECTURE_SHEB, "rseq_slice_yield"), ==, 471);
  g_assert_cmpstr (scmp_syscall_resolve_number (SCMP_ARCHITECTURE_LOONGARCH64, 471), ==, "rseq_slice_yield");
  g_assert_cmpstr (scmp_syscall_resolve_number (SCMP_ARCHITECTURE_X32, 0x400001d6), ==, "listns");
}

/* Versions of a few syscalls whose history is well known, including the
 * ABIs that got them late. */
static void
test_kernel_versions_known (void)
{
  static const struct {
    const char      *name;
    ScmpArchitecture arch;
    int              nr;          /* -1: the ABI lacks it */
    guint            version;     /* 0: the data does not say */
  } known[] = {
    { "pidfd_open", SCMP_ARCHITECTURE_X86_64, 434, 0x0503 },
    { "pidfd_open", SCMP_ARCHITECTURE_AARCH64, 434, 0x0503 },
    { "pidfd_open", SCMP_ARCHITECTURE_LOONGARCH64, 434, 0x0513 },  /* the port, 5.19 */
    { "clone3", SCMP_ARCHITECTURE_X86_64, 435, 0x0503 },
    { "clone3", SCMP_ARCHITECTURE_X32, 0x400001b3, 0x0503 },
    { "clone3", SCMP_ARCHITECTURE_PPC64LE, 435, 0x0503 },
    { "clone3", SCMP_ARCHITECTURE_MIPSEL, 4435, 0x0504 },
    { "clone3", SCMP_ARCHITECTURE_M68K, 435, 0x0506 },
    { "clone3", SCMP_ARCHITECTURE_RISCV64, 435, 0 },   /* 5.3 .. 5.5, unsettled */
    { "clone3", SCMP_ARCHITECTURE_SH, -1, 0 },
    { "openat2", SCMP_ARCHITECTURE_X86_64, 437, 0x0506 },
    { "openat2", SCMP_ARCHITECTURE_S390, 437, 0x0506 },
    { "faccessat2", SCMP_ARCHITECTURE_X86_64, 439, 0x0508 },
    { "faccessat2", SCMP_ARCHITECTURE_MIPS64N32, 6439, 0x0508 },
    { "memfd_secret", SCMP_ARCHITECTURE_X86_64, 447, 0x050e },
    { "memfd_secret", SCMP_ARCHITECTURE_RISCV64, 447, 0x0513 },
    { "memfd_secret", SCMP_ARCHITECTURE_S390X, 447, 0x0604 },
    { "memfd_secret", SCMP_ARCHITECTURE_ARM, -1, 0 },
    { "map_shadow_stack", SCMP_ARCHITECTURE_X86_64, 453, 0x0606 },
    { "map_shadow_stack", SCMP_ARCHITECTURE_AARCH64, 453, 0x0607 },
    { "map_shadow_stack", SCMP_ARCHITECTURE_X32, 0x400001c5, 0x060a },
    { "mseal", SCMP_ARCHITECTURE_X86_64, 462, 0x060a },
    { "mseal", SCMP_ARCHITECTURE_PARISC64, 462, 0x060a },
    { "uprobe", SCMP_ARCHITECTURE_X86_64, 336, 0x0612 },
    { "uprobe", SCMP_ARCHITECTURE_AARCH64, -1, 0 },
    { "uretprobe", SCMP_ARCHITECTURE_X86_64, 335, 0x060b },
    { "clock_gettime64", SCMP_ARCHITECTURE_X86, 403, 0x0501 },
    { "clock_gettime64", SCMP_ARCHITECTURE_X86_64, -1, 0 },
    { "semget", SCMP_ARCHITECTURE_X86, 393, 0x0501 },
    { "fstat", SCMP_ARCHITECTURE_LOONGARCH64, 80, 0x060b },
    { "read", SCMP_ARCHITECTURE_LOONGARCH64, 63, 0x0513 },
    { "read", SCMP_ARCHITECTURE_X86_64, 0, 0 },         /* older than the data */
    { "openat", SCMP_ARCHITECTURE_AARCH64, 56, 0 },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (known); i++)
    {
      int idx = lookup (known[i].name);

      g_test_message ("%s on %s", known[i].name, scmp_architecture_to_name (known[i].arch));
      g_assert_cmpint (_scmp_syscall_number (idx, known[i].arch), ==, known[i].nr);
      g_assert_cmpuint (_scmp_syscall_kernel_version (idx, known[i].arch), ==, known[i].version);
    }

  /* NATIVE is resolved; junk gives 0 */
  {
    int idx = lookup ("listns");
    ScmpArchitecture native = scmp_architecture_get_native ();

    g_assert_cmpuint (_scmp_syscall_kernel_version (idx, SCMP_ARCHITECTURE_NATIVE), ==,
                      _scmp_syscall_kernel_version (idx, native));
    g_assert_cmpuint (_scmp_syscall_kernel_version (idx, SCMP_ARCHITECTURE_UNKNOWN), ==, 0);
    g_assert_cmpuint (_scmp_syscall_kernel_version (idx, (ScmpArchitecture) (SCMP_ARCHITECTURE_SHEB + 1)), ==, 0);
    g_assert_cmpuint (_scmp_syscall_kernel_version (-1, SCMP_ARCHITECTURE_X86_64), ==, 0);
    g_assert_cmpuint (_scmp_syscall_kernel_version ((int) _scmp_syscall_n_names (), SCMP_ARCHITECTURE_X86_64), ==, 0);
  }
}

/* The whole data: a version only where there is a number, never newer
 * than the tables, never older than 5.1 (where the data starts), and one
 * for every number of the unified range (424 .. 511), but the one that
 * arch-data/README.md says is unsettled. */
static void
test_kernel_versions_all (void)
{
  guint tables = _scmp_syscall_tables_kernel_version ();
  guint max = 0, n_versions = 0, n_unified = 0;

  g_assert_cmpuint (tables, ==, 0x0701);

  for (guint idx = 0; idx < _scmp_syscall_n_names (); idx++)
    for (ScmpArchitecture arch = SCMP_ARCHITECTURE_X86; arch <= SCMP_ARCHITECTURE_SHEB; arch++)
      {
        const ScmpArchInfo *info = _scmp_arch_get_info (arch);
        guint v = _scmp_syscall_kernel_version ((int) idx, arch);
        int nr = _scmp_syscall_number ((int) idx, arch);
        int raw;

        if (v != 0)
          {
            g_test_message ("%s on %s: %u.%u", _scmp_syscall_name ((int) idx),
                            info->name, v >> 8, v & 0xff);
            g_assert_cmpint (nr, >=, 0);
            g_assert_cmpuint (v, <=, tables);
            g_assert_cmpuint (v, >=, 0x0501);
            g_assert_cmpuint (v & 0xff, <, 32);
            max = MAX (max, v);
            n_versions++;
          }
        if (nr < 0)
          continue;
        raw = arch == SCMP_ARCHITECTURE_X32 ? (int) ((guint) nr & ~SCMP_X32_SYSCALL_BIT)
                                            : nr - (int) info->nr_base;
        if (raw >= 424 && raw < 512)
          {
            n_unified++;
            if (arch == SCMP_ARCHITECTURE_RISCV64 && g_str_equal (_scmp_syscall_name ((int) idx), "clone3"))
              g_assert_cmpuint (v, ==, 0);
            else
              g_assert_cmpuint (v, >=, 0x0501);
          }
        /* loongarch64 came in 5.19: the data covers all of it */
        if (arch == SCMP_ARCHITECTURE_LOONGARCH64)
          g_assert_cmpuint (v, >=, 0x0513);
      }

  g_assert_cmpuint (max, ==, 0x0700);         /* rseq_slice_yield; 7.1 added none */
  g_assert_cmpuint (n_unified, ==, 1084);     /* arch-data/README.md */
  g_assert_cmpuint (n_versions, ==, 1744);
}

static void
test_kernel_version_parse (void)
{
  static const struct {
    const char *text;
    guint       version;
  } cases[] = {
    { "6.1", 0x0601 },
    { "7.1", 0x0701 },
    { "6.12.3", 0x060c },
    { "6.3", 0x0603 },
    { "5.19", 0x0513 },
    { "3.0", 0x0300 },
    { "255.255", 0xffff },
    { "6.18.44-fc-v1147", 0x0612 },
    { "7.0-rc3", 0x0700 },
    { "6.1+", 0x0601 },
    { "006.001", 0x0601 },
    { "0006.1", 0 },           /* more than three digits */
    { "6.0001", 0 },
    { "6.1.1234", 0 },
    { "06.01", 0x0601 },
    { "", 0 },
    { "6", 0 },
    { "6.", 0 },
    { ".1", 0 },
    { "6.1.", 0 },
    { "6.1.2.3", 0 },
    { "6..1", 0 },
    { " 6.1", 0 },
    { "6.1 ", 0 },
    { "6.1x", 0 },
    { "6,1", 0 },
    { "0.1", 0 },
    { "256.1", 0 },
    { "6.256", 0 },
    { "1000.1", 0 },
    { "-6.1", 0 },
    { "v6.1", 0 },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("\"%s\"", cases[i].text);
      g_assert_cmpuint (_scmp_kernel_version_parse (cases[i].text), ==, cases[i].version);
    }
  g_assert_cmpuint (_scmp_kernel_version_parse (NULL), ==, 0);

  /* every version in the data prints and parses back */
  for (guint idx = 0; idx < _scmp_syscall_n_names (); idx++)
    for (ScmpArchitecture arch = SCMP_ARCHITECTURE_X86; arch <= SCMP_ARCHITECTURE_SHEB; arch++)
      {
        guint v = _scmp_syscall_kernel_version ((int) idx, arch);
        g_autofree char *text = NULL;

        if (v == 0)
          continue;
        text = g_strdup_printf ("%u.%u", v >> 8, v & 0xff);
        g_assert_cmpuint (_scmp_kernel_version_parse (text), ==, v);
      }
}

/* On the running kernel: a syscall the data says came after it is not
 * there (the kernel answers ENOSYS). Only the two newest, whose calls
 * without arguments are harmless anyway. */
static void
test_kernel_versions_running (void)
{
  static const char *const names[] = { "listns", "rseq_slice_yield" };
  struct utsname u;
  guint running;
  gboolean probed = FALSE;

  g_assert_cmpint (uname (&u), ==, 0);
  running = _scmp_kernel_version_parse (u.release);
  if (running == 0)
    {
      g_test_skip_printf ("cannot parse the kernel release \"%s\"", u.release);
      return;
    }
  if (scmp_architecture_get_native () == SCMP_ARCHITECTURE_UNKNOWN)
    {
      g_test_skip ("no tables for the native ABI");
      return;
    }

  for (gsize i = 0; i < G_N_ELEMENTS (names); i++)
    {
      int idx = lookup (names[i]);
      int nr = _scmp_syscall_number (idx, SCMP_ARCHITECTURE_NATIVE);
      guint added = _scmp_syscall_kernel_version (idx, SCMP_ARCHITECTURE_NATIVE);
      long ret;
      int saved;

      if (nr < 0 || added == 0 || running >= added)
        continue;
      errno = 0;
      ret = syscall (nr, 0, 0, 0, 0);
      saved = errno;
      g_test_message ("%s (%d, Linux %u.%u) on Linux %s: %ld, %s", names[i], nr,
                      added >> 8, added & 0xff, u.release, ret, g_strerror (saved));
      g_assert_cmpint (ret, ==, -1);
      g_assert_cmpint (saved, ==, ENOSYS);
      probed = TRUE;
    }
  if (!probed)
    g_test_skip_printf ("Linux %s has every syscall probed here", u.release);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/tables/internal-consistency", test_internal_consistency);
  g_test_add_func ("/tables/system-headers", test_system_headers);
  g_test_add_func ("/tables/libseccomp", test_libseccomp);
  g_test_add_func ("/tables/compare-op-symbols", test_compare_op_symbols);
  g_test_add_func ("/tables/newest-syscalls", test_newest_syscalls);
  g_test_add_func ("/tables/kernel-versions/known", test_kernel_versions_known);
  g_test_add_func ("/tables/kernel-versions/all", test_kernel_versions_all);
  g_test_add_func ("/tables/kernel-versions/parse", test_kernel_version_parse);
  g_test_add_func ("/tables/kernel-versions/running", test_kernel_versions_running);

  return g_test_run ();
}
