/* test-architecture.c: ABIs and syscall resolution, public API
 *
 * SPDX-FileCopyrightText: 2026 The scmp-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <scmp-glib/scmp-glib.h>

#include "test-abi.h"

#include <string.h>

/* libseccomp's SCMP_ARCH_X32: AUDIT_ARCH_X86_64 without the 64-bit flag,
 * a token of its own that the kernel never puts in seccomp_data.arch. */
#define LIBSECCOMP_X32_TOKEN (AUDIT_ARCH_X86_64 & ~__AUDIT_ARCH_64BIT)

/* FACTS.md writes the values out; the table takes them from the kernel. */
G_STATIC_ASSERT (AUDIT_ARCH_X86_64 == 0xc000003e);
G_STATIC_ASSERT (LIBSECCOMP_X32_TOKEN == 0x4000003e);

/* The ABI table of FACTS.md, with the audit arch values of <linux/audit.h>. */
static const struct {
  const char       *name;
  ScmpArchitecture  arch;
  guint32           audit_arch;      /* <linux/audit.h> */
  gboolean          big_endian;
  guint             word_size;
  int               socketcall_nr;
  int               ipc_nr;
} abis[] = {
  { "x86",         SCMP_ARCHITECTURE_X86,         AUDIT_ARCH_I386,        FALSE, 32, 102,  117 },
  { "x86_64",      SCMP_ARCHITECTURE_X86_64,      AUDIT_ARCH_X86_64,      FALSE, 64, -1,   -1 },
  { "x32",         SCMP_ARCHITECTURE_X32,         AUDIT_ARCH_X86_64,      FALSE, 32, -1,   -1 },
  { "arm",         SCMP_ARCHITECTURE_ARM,         AUDIT_ARCH_ARM,         FALSE, 32, -1,   -1 },
  { "aarch64",     SCMP_ARCHITECTURE_AARCH64,     AUDIT_ARCH_AARCH64,     FALSE, 64, -1,   -1 },
  { "loongarch64", SCMP_ARCHITECTURE_LOONGARCH64, AUDIT_ARCH_LOONGARCH64, FALSE, 64, -1,   -1 },
  { "m68k",        SCMP_ARCHITECTURE_M68K,        AUDIT_ARCH_M68K,        TRUE,  32, 102,  117 },
  { "mips",        SCMP_ARCHITECTURE_MIPS,        AUDIT_ARCH_MIPS,        TRUE,  32, 4102, 4117 },
  { "mipsel",      SCMP_ARCHITECTURE_MIPSEL,      AUDIT_ARCH_MIPSEL,      FALSE, 32, 4102, 4117 },
  { "mips64",      SCMP_ARCHITECTURE_MIPS64,      AUDIT_ARCH_MIPS64,      TRUE,  64, -1,   -1 },
  { "mipsel64",    SCMP_ARCHITECTURE_MIPSEL64,    AUDIT_ARCH_MIPSEL64,    FALSE, 64, -1,   -1 },
  { "mips64n32",   SCMP_ARCHITECTURE_MIPS64N32,   AUDIT_ARCH_MIPS64N32,   TRUE,  32, -1,   -1 },
  { "mipsel64n32", SCMP_ARCHITECTURE_MIPSEL64N32, AUDIT_ARCH_MIPSEL64N32, FALSE, 32, -1,   -1 },
  { "parisc",      SCMP_ARCHITECTURE_PARISC,      AUDIT_ARCH_PARISC,      TRUE,  32, -1,   -1 },
  { "parisc64",    SCMP_ARCHITECTURE_PARISC64,    AUDIT_ARCH_PARISC64,    TRUE,  64, -1,   -1 },
  { "ppc",         SCMP_ARCHITECTURE_PPC,         AUDIT_ARCH_PPC,         TRUE,  32, 102,  117 },
  { "ppc64",       SCMP_ARCHITECTURE_PPC64,       AUDIT_ARCH_PPC64,       TRUE,  64, 102,  117 },
  { "ppc64le",     SCMP_ARCHITECTURE_PPC64LE,     AUDIT_ARCH_PPC64LE,     FALSE, 64, 102,  117 },
  { "riscv64",     SCMP_ARCHITECTURE_RISCV64,     AUDIT_ARCH_RISCV64,     FALSE, 64, -1,   -1 },
  { "s390",        SCMP_ARCHITECTURE_S390,        AUDIT_ARCH_S390,        TRUE,  32, 102,  117 },
  { "s390x",       SCMP_ARCHITECTURE_S390X,       AUDIT_ARCH_S390X,       TRUE,  64, 102,  117 },
  { "sh",          SCMP_ARCHITECTURE_SH,          AUDIT_ARCH_SHEL,        FALSE, 32, 102,  117 },
  { "sheb",        SCMP_ARCHITECTURE_SHEB,        AUDIT_ARCH_SH,          TRUE,  32, 102,  117 },
};

static void
test_from_name_all (void)
{
  g_assert_cmpuint (G_N_ELEMENTS (abis), ==, 23);

  for (gsize i = 0; i < G_N_ELEMENTS (abis); i++)
    {
      g_assert_cmpint (abis[i].arch, ==, (int) i + 1);
      g_assert_cmpint (scmp_architecture_from_name (abis[i].name), ==, abis[i].arch);
      g_assert_cmpstr (scmp_architecture_to_name (abis[i].arch), ==, abis[i].name);
    }
}

/* Every name scmp_architecture_from_name() accepts, with its ABI: the
 * table in its documentation, row by row (libseccomp, SCMP_ARCH_*, Debian,
 * Go, kernel). test_from_name_doc_table() checks the two agree. */
static const struct {
  const char       *name;
  ScmpArchitecture  arch;
} aliases[] = {
  { "x86",                   SCMP_ARCHITECTURE_X86 },
  { "SCMP_ARCH_X86",         SCMP_ARCHITECTURE_X86 },
  { "i386",                  SCMP_ARCHITECTURE_X86 },
  { "386",                   SCMP_ARCHITECTURE_X86 },
  { "i486",                  SCMP_ARCHITECTURE_X86 },
  { "i586",                  SCMP_ARCHITECTURE_X86 },
  { "i686",                  SCMP_ARCHITECTURE_X86 },
  { "x86_64",                SCMP_ARCHITECTURE_X86_64 },
  { "SCMP_ARCH_X86_64",      SCMP_ARCHITECTURE_X86_64 },
  { "amd64",                 SCMP_ARCHITECTURE_X86_64 },
  { "x86-64",                SCMP_ARCHITECTURE_X86_64 },
  { "x32",                   SCMP_ARCHITECTURE_X32 },
  { "SCMP_ARCH_X32",         SCMP_ARCHITECTURE_X32 },
  { "arm",                   SCMP_ARCHITECTURE_ARM },
  { "SCMP_ARCH_ARM",         SCMP_ARCHITECTURE_ARM },
  { "armel",                 SCMP_ARCHITECTURE_ARM },
  { "armhf",                 SCMP_ARCHITECTURE_ARM },
  { "armv5tel",              SCMP_ARCHITECTURE_ARM },
  { "armv6l",                SCMP_ARCHITECTURE_ARM },
  { "armv7l",                SCMP_ARCHITECTURE_ARM },
  { "armv8l",                SCMP_ARCHITECTURE_ARM },
  { "aarch64",               SCMP_ARCHITECTURE_AARCH64 },
  { "SCMP_ARCH_AARCH64",     SCMP_ARCHITECTURE_AARCH64 },
  { "arm64",                 SCMP_ARCHITECTURE_AARCH64 },
  { "loongarch64",           SCMP_ARCHITECTURE_LOONGARCH64 },
  { "SCMP_ARCH_LOONGARCH64", SCMP_ARCHITECTURE_LOONGARCH64 },
  { "loong64",               SCMP_ARCHITECTURE_LOONGARCH64 },
  { "m68k",                  SCMP_ARCHITECTURE_M68K },
  { "SCMP_ARCH_M68K",        SCMP_ARCHITECTURE_M68K },
  { "mips",                  SCMP_ARCHITECTURE_MIPS },
  { "SCMP_ARCH_MIPS",        SCMP_ARCHITECTURE_MIPS },
  { "mipsr6",                SCMP_ARCHITECTURE_MIPS },
  { "mipsel",                SCMP_ARCHITECTURE_MIPSEL },
  { "SCMP_ARCH_MIPSEL",      SCMP_ARCHITECTURE_MIPSEL },
  { "mipsr6el",              SCMP_ARCHITECTURE_MIPSEL },
  { "mipsle",                SCMP_ARCHITECTURE_MIPSEL },
  { "mips64",                SCMP_ARCHITECTURE_MIPS64 },
  { "SCMP_ARCH_MIPS64",      SCMP_ARCHITECTURE_MIPS64 },
  { "mips64r6",              SCMP_ARCHITECTURE_MIPS64 },
  { "mipsel64",              SCMP_ARCHITECTURE_MIPSEL64 },
  { "SCMP_ARCH_MIPSEL64",    SCMP_ARCHITECTURE_MIPSEL64 },
  { "mips64el",              SCMP_ARCHITECTURE_MIPSEL64 },
  { "mips64r6el",            SCMP_ARCHITECTURE_MIPSEL64 },
  { "mips64le",              SCMP_ARCHITECTURE_MIPSEL64 },
  { "mips64n32",             SCMP_ARCHITECTURE_MIPS64N32 },
  { "SCMP_ARCH_MIPS64N32",   SCMP_ARCHITECTURE_MIPS64N32 },
  { "mipsn32",               SCMP_ARCHITECTURE_MIPS64N32 },
  { "mipsn32r6",             SCMP_ARCHITECTURE_MIPS64N32 },
  { "mipsel64n32",           SCMP_ARCHITECTURE_MIPSEL64N32 },
  { "SCMP_ARCH_MIPSEL64N32", SCMP_ARCHITECTURE_MIPSEL64N32 },
  { "mipsn32el",             SCMP_ARCHITECTURE_MIPSEL64N32 },
  { "mipsn32r6el",           SCMP_ARCHITECTURE_MIPSEL64N32 },
  { "parisc",                SCMP_ARCHITECTURE_PARISC },
  { "SCMP_ARCH_PARISC",      SCMP_ARCHITECTURE_PARISC },
  { "hppa",                  SCMP_ARCHITECTURE_PARISC },
  { "parisc64",              SCMP_ARCHITECTURE_PARISC64 },
  { "SCMP_ARCH_PARISC64",    SCMP_ARCHITECTURE_PARISC64 },
  { "ppc",                   SCMP_ARCHITECTURE_PPC },
  { "SCMP_ARCH_PPC",         SCMP_ARCHITECTURE_PPC },
  { "powerpc",               SCMP_ARCHITECTURE_PPC },
  { "powerpcspe",            SCMP_ARCHITECTURE_PPC },
  { "ppc64",                 SCMP_ARCHITECTURE_PPC64 },
  { "SCMP_ARCH_PPC64",       SCMP_ARCHITECTURE_PPC64 },
  { "ppc64le",               SCMP_ARCHITECTURE_PPC64LE },
  { "SCMP_ARCH_PPC64LE",     SCMP_ARCHITECTURE_PPC64LE },
  { "ppc64el",               SCMP_ARCHITECTURE_PPC64LE },
  { "riscv64",               SCMP_ARCHITECTURE_RISCV64 },
  { "SCMP_ARCH_RISCV64",     SCMP_ARCHITECTURE_RISCV64 },
  { "s390",                  SCMP_ARCHITECTURE_S390 },
  { "SCMP_ARCH_S390",        SCMP_ARCHITECTURE_S390 },
  { "s390x",                 SCMP_ARCHITECTURE_S390X },
  { "SCMP_ARCH_S390X",       SCMP_ARCHITECTURE_S390X },
  { "sh",                    SCMP_ARCHITECTURE_SH },
  { "SCMP_ARCH_SH",          SCMP_ARCHITECTURE_SH },
  { "sh3",                   SCMP_ARCHITECTURE_SH },
  { "sh4",                   SCMP_ARCHITECTURE_SH },
  { "sheb",                  SCMP_ARCHITECTURE_SHEB },
  { "SCMP_ARCH_SHEB",        SCMP_ARCHITECTURE_SHEB },
  { "sh3eb",                 SCMP_ARCHITECTURE_SHEB },
  { "sh4eb",                 SCMP_ARCHITECTURE_SHEB },
};

/* The ambiguous ones, spelled out: each is one ABI, never another. */
static void
test_from_name_ambiguous (void)
{
  g_test_summary ("Names that could be read two ways mean what libseccomp, "
                  "Go and Debian agree they mean.");

  /* Go's and libseccomp's mips64 is big-endian n64, not n32 or little endian. */
  g_assert_cmpint (scmp_architecture_from_name ("mips64"), ==, SCMP_ARCHITECTURE_MIPS64);
  g_assert_cmpint (scmp_architecture_from_name ("mips64le"), ==, SCMP_ARCHITECTURE_MIPSEL64);
  g_assert_cmpint (scmp_architecture_from_name ("mips"), ==, SCMP_ARCHITECTURE_MIPS);
  g_assert_cmpint (scmp_architecture_from_name ("mipsle"), ==, SCMP_ARCHITECTURE_MIPSEL);
  /* ppc is 32-bit, ppc64 big endian, and so is Debian's powerpc. */
  g_assert_cmpint (scmp_architecture_from_name ("ppc"), ==, SCMP_ARCHITECTURE_PPC);
  g_assert_cmpint (scmp_architecture_from_name ("powerpc"), ==, SCMP_ARCHITECTURE_PPC);
  g_assert_cmpint (scmp_architecture_from_name ("ppc64"), ==, SCMP_ARCHITECTURE_PPC64);
  g_assert_cmpint (scmp_architecture_from_name ("ppc64el"), ==, SCMP_ARCHITECTURE_PPC64LE);
  /* arm is the 32-bit EABI, never aarch64. */
  g_assert_cmpint (scmp_architecture_from_name ("arm"), ==, SCMP_ARCHITECTURE_ARM);
  g_assert_cmpint (scmp_architecture_from_name ("armv8l"), ==, SCMP_ARCHITECTURE_ARM);
  /* x32 in every spelling is x32, not x86_64; amd64 is never x32. */
  g_assert_cmpint (scmp_architecture_from_name ("x32"), ==, SCMP_ARCHITECTURE_X32);
  g_assert_cmpint (scmp_architecture_from_name ("SCMP_ARCH_X32"), ==, SCMP_ARCHITECTURE_X32);
  g_assert_cmpint (scmp_architecture_from_name ("amd64"), ==, SCMP_ARCHITECTURE_X86_64);
  /* s390 is 31-bit, parisc 32-bit, sh little endian. */
  g_assert_cmpint (scmp_architecture_from_name ("s390"), ==, SCMP_ARCHITECTURE_S390);
  g_assert_cmpint (scmp_architecture_from_name ("hppa"), ==, SCMP_ARCHITECTURE_PARISC);
  g_assert_cmpint (scmp_architecture_from_name ("sh4"), ==, SCMP_ARCHITECTURE_SH);
}

static void
test_from_name_aliases (void)
{
  g_test_summary ("Every accepted name gives its ABI, in any case, through "
                  "both lookups, and the ABI's name is libseccomp's.");

  for (gsize i = 0; i < G_N_ELEMENTS (aliases); i++)
    {
      const char *name = aliases[i].name;
      g_autofree char *upper = g_ascii_strup (name, -1);
      g_autofree char *lower = g_ascii_strdown (name, -1);
      g_autofree char *mixed = g_strdup (name);
      ScmpArchitecture arch = SCMP_ARCHITECTURE_UNKNOWN;
      g_autoptr(GError) error = NULL;

      for (char *p = mixed; *p != '\0'; p += 2)
        {
          *p = g_ascii_isupper (*p) ? g_ascii_tolower (*p) : g_ascii_toupper (*p);
          if (p[1] == '\0')
            break;
        }

      g_test_message ("%s", name);
      g_assert_cmpint (scmp_architecture_from_name (name), ==, aliases[i].arch);
      g_assert_cmpint (scmp_architecture_from_name (upper), ==, aliases[i].arch);
      g_assert_cmpint (scmp_architecture_from_name (lower), ==, aliases[i].arch);
      g_assert_cmpint (scmp_architecture_from_name (mixed), ==, aliases[i].arch);

      g_assert_true (scmp_architecture_parse (name, &arch, &error));
      g_assert_no_error (error);
      g_assert_cmpint (arch, ==, aliases[i].arch);
      arch = SCMP_ARCHITECTURE_UNKNOWN;
      g_assert_true (scmp_architecture_parse (mixed, &arch, &error));
      g_assert_no_error (error);
      g_assert_cmpint (arch, ==, aliases[i].arch);
      g_assert_true (scmp_architecture_parse (name, NULL, NULL));

      /* Round trip: the name given back is libseccomp's, and names the same ABI. */
      g_assert_cmpstr (scmp_architecture_to_name (aliases[i].arch), ==,
                       abis[aliases[i].arch - SCMP_ARCHITECTURE_X86].name);
      g_assert_cmpint (scmp_architecture_from_name (scmp_architecture_to_name (arch)), ==, arch);
    }
}

static void
test_from_name_aliases_complete (void)
{
  g_test_summary ("The alias table covers every ABI under libseccomp's name "
                  "and its SCMP_ARCH_* constant, and gives no name twice.");

  for (gsize i = 0; i < G_N_ELEMENTS (abis); i++)
    {
      g_autofree char *upper = g_ascii_strup (abis[i].name, -1);
      g_autofree char *constant = g_strconcat ("SCMP_ARCH_", upper, NULL);
      gboolean has_name = FALSE, has_constant = FALSE;

      for (gsize j = 0; j < G_N_ELEMENTS (aliases); j++)
        {
          if (strcmp (aliases[j].name, abis[i].name) == 0)
            {
              g_assert_cmpint (aliases[j].arch, ==, abis[i].arch);
              has_name = TRUE;
            }
          if (strcmp (aliases[j].name, constant) == 0)
            {
              g_assert_cmpint (aliases[j].arch, ==, abis[i].arch);
              has_constant = TRUE;
            }
        }
      g_test_message ("%s, %s", abis[i].name, constant);
      g_assert_true (has_name);
      g_assert_true (has_constant);
    }

  for (gsize i = 0; i < G_N_ELEMENTS (aliases); i++)
    for (gsize j = i + 1; j < G_N_ELEMENTS (aliases); j++)
      g_assert_cmpint (g_ascii_strcasecmp (aliases[i].name, aliases[j].name), !=, 0);
}

/* The names in the <informaltable> of scmp_architecture_from_name()'s
 * documentation, row by row: the first cell is libseccomp's name, the
 * others list names separated by ", ", with remarks in parentheses. */
static void
test_from_name_doc_table (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "scmp-glib",
                                                 "scmp-architecture.c", NULL);
  g_autofree char *source = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) documented = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_auto(GStrv) lines = NULL;
  guint n_rows = 0;

  g_test_summary ("The documented table of names and the tested one agree.");

  g_assert_true (g_file_get_contents (path, &source, NULL, &error));
  g_assert_no_error (error);
  lines = g_strsplit (source, "\n", -1);

  for (guint l = 0; lines[l] != NULL; l++)
    {
      const char *row = strstr (lines[l], "<row><entry>");
      g_auto(GStrv) cells = NULL;
      ScmpArchitecture arch;

      if (row == NULL)
        continue;
      cells = g_strsplit (row + strlen ("<row><entry>"), "</entry><entry>", -1);
      g_assert_cmpuint (g_strv_length (cells), ==, 5);
      *strstr (cells[4], "</entry></row>") = '\0';
      arch = scmp_architecture_from_name (cells[0]);
      g_assert_cmpint (arch, ==, abis[n_rows].arch);
      n_rows++;

      for (guint c = 0; c < 5; c++)
        {
          g_auto(GStrv) names = g_strsplit (cells[c], ", ", -1);

          for (guint k = 0; names[k] != NULL; k++)
            {
              char *remark = strstr (names[k], " (");

              if (remark != NULL)
                *remark = '\0';
              if (*names[k] == '\0')
                continue;
              g_test_message ("documented: %s", names[k]);
              g_assert_cmpint (scmp_architecture_from_name (names[k]), ==, arch);
              g_hash_table_add (documented, g_strdup (names[k]));
            }
        }
    }

  g_assert_cmpuint (n_rows, ==, G_N_ELEMENTS (abis));
  for (gsize i = 0; i < G_N_ELEMENTS (aliases); i++)
    {
      g_test_message ("tested: %s", aliases[i].name);
      g_assert_true (g_hash_table_contains (documented, aliases[i].name));
    }
  g_assert_cmpuint (g_hash_table_size (documented), ==, G_N_ELEMENTS (aliases));
}

static void
test_from_name_unknown (void)
{
  static const char *const unknown[] = {
    "", "amd46", "x86_64 ", " x86_64", "x86_64\n", "x86_32", "x86-32", "i86",
    "i786", "ia32", "x64", "amd64p32", "armeb", "armv7b", "aarch64_be",
    "arm64be", "arm64ilp32", "arm32", "armv7", "mips32", "mipseb",
    "mips64p32", "mips64p32le", "mips64n32el", "mipsn64", "powerpc64",
    "powerpc64le", "powerpcel", "ppc32", "ppcle", "ppc64be", "riscv",
    "riscv32", "loongarch", "loongarch32", "s390xx", "sh4a", "sh64",
    "sparc64", "ia64", "alpha", "hppa64", "SCMP_ARCH_", "SCMP_ARCH",
    "SCMP_ARCH_AMD64", "SCMP_ARCH_I386", "SCMP_ARCH_ARM64",
    "SCMP_ARCH_MIPS64LE", "SCMP_ARCH_X86-64", "SCMP_ARCH_UNKNOWN",
    "SCMP_ARCH_SCMP_ARCH_X86_64", "SCMP_ARCHX86_64", "SCMP_X86_64",
    "unknown", "native ", "x86_64\xff",
  };

  /* Names of ABIs we have no tables for, typos, and no trimming. */
  for (gsize i = 0; i < G_N_ELEMENTS (unknown); i++)
    {
      ScmpArchitecture arch = (ScmpArchitecture) 12345;
      g_autoptr(GError) error = NULL;
      g_autofree char *escaped = g_strescape (unknown[i], NULL);

      /* TAP output has to be UTF-8: some of the names are not. */
      g_test_message ("“%s”", escaped);
      g_assert_cmpint (scmp_architecture_from_name (unknown[i]), ==, SCMP_ARCHITECTURE_UNKNOWN);
      g_assert_false (scmp_architecture_parse (unknown[i], &arch, &error));
      g_assert_error (error, SCMP_ERROR, SCMP_ERROR_INVALID_ARCHITECTURE);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      g_assert_nonnull (strstr (error->message, "SCMP_ARCH_X86_64"));
      g_assert_cmpint (arch, ==, 12345);
      g_assert_false (scmp_architecture_parse (unknown[i], NULL, NULL));
    }

  g_assert_cmpint (scmp_architecture_from_name (NULL), ==, SCMP_ARCHITECTURE_UNKNOWN);

  g_assert_null (scmp_architecture_to_name (SCMP_ARCHITECTURE_UNKNOWN));
  g_assert_null (scmp_architecture_to_name ((ScmpArchitecture) 24));
  g_assert_null (scmp_architecture_to_name ((ScmpArchitecture) -2));
}

#define PARSE_HINT "use a name such as x86_64, aarch64 or SCMP_ARCH_X86_64"

/* parse (@name) fails with @message and leaves the out argument alone. */
static void
assert_parse_fails (const char *name,
                    const char *message)
{
  ScmpArchitecture arch = SCMP_ARCHITECTURE_X86;
  g_autoptr(GError) error = NULL;

  g_assert_false (scmp_architecture_parse (name, &arch, &error));
  g_assert_error (error, SCMP_ERROR, SCMP_ERROR_INVALID_ARCHITECTURE);
  g_assert_cmpstr (error->message, ==, message);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_assert_cmpint (arch, ==, SCMP_ARCHITECTURE_X86);
}

static void
test_parse_messages (void)
{
  ScmpArchitecture arch = SCMP_ARCHITECTURE_X86;
  g_autoptr(GError) error = NULL;

  assert_parse_fails ("amd46", "“amd46” is not an architecture name; " PARSE_HINT);
  assert_parse_fails ("", "An empty string is not an architecture name; " PARSE_HINT);

  /* Control characters are shown escaped, other text as it is, invalid
   * UTF-8 replaced. */
  assert_parse_fails ("x86_64\n", "“x86_64\\n” is not an architecture name; " PARSE_HINT);
  assert_parse_fails ("x86_64 ", "“x86_64 ” is not an architecture name; " PARSE_HINT);
  assert_parse_fails ("ärm", "“ärm” is not an architecture name; " PARSE_HINT);
  assert_parse_fails ("arm\xff", "“arm\xef\xbf\xbd” is not an architecture name; " PARSE_HINT);

  /* "native", in any case, and its libseccomp constant. */
  g_assert_true (scmp_architecture_parse ("native", &arch, &error));
  g_assert_no_error (error);
  g_assert_cmpint (arch, ==, SCMP_ARCHITECTURE_NATIVE);
  arch = SCMP_ARCHITECTURE_X86;
  g_assert_true (scmp_architecture_parse ("SCMP_ARCH_NATIVE", &arch, &error));
  g_assert_no_error (error);
  g_assert_cmpint (arch, ==, SCMP_ARCHITECTURE_NATIVE);
  g_assert_cmpint (scmp_architecture_from_name ("NATIVE"), ==, SCMP_ARCHITECTURE_NATIVE);
  g_assert_cmpint (scmp_architecture_from_name ("scmp_arch_native"), ==, SCMP_ARCHITECTURE_NATIVE);
}

static void
test_parse_null_critical (void)
{
  if (g_test_subprocess ())
    {
      ScmpArchitecture arch;

      scmp_architecture_parse (NULL, &arch, NULL);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*Scmp-CRITICAL*name != NULL*");
}

static void
test_native (void)
{
  ScmpArchitecture native = scmp_architecture_get_native ();

  g_assert_cmpint (scmp_architecture_from_name ("native"), ==, SCMP_ARCHITECTURE_NATIVE);

#if defined (__x86_64__) && defined (__ILP32__)
  g_assert_cmpint (native, ==, SCMP_ARCHITECTURE_X32);
#elif defined (__x86_64__)
  g_assert_cmpint (native, ==, SCMP_ARCHITECTURE_X86_64);
#elif defined (__i386__)
  g_assert_cmpint (native, ==, SCMP_ARCHITECTURE_X86);
#elif defined (__aarch64__)
  g_assert_cmpint (native, ==, SCMP_ARCHITECTURE_AARCH64);
#endif

  if (native == SCMP_ARCHITECTURE_UNKNOWN)
    {
      g_test_skip ("scmp-glib has no tables for this ABI");
      return;
    }

  g_assert_cmpint (native, >=, SCMP_ARCHITECTURE_X86);
  g_assert_cmpint (native, <=, SCMP_ARCHITECTURE_SHEB);
  g_assert_nonnull (scmp_architecture_to_name (SCMP_ARCHITECTURE_NATIVE));
  g_assert_cmpstr (scmp_architecture_to_name (SCMP_ARCHITECTURE_NATIVE), ==,
                   scmp_architecture_to_name (native));
  g_assert_cmpuint (scmp_architecture_get_audit_arch (SCMP_ARCHITECTURE_NATIVE), ==,
                    scmp_architecture_get_audit_arch (native));
  g_assert_cmpuint (scmp_architecture_get_word_size (SCMP_ARCHITECTURE_NATIVE), ==,
                    scmp_architecture_get_word_size (native));
  g_assert_cmpint (scmp_syscall_resolve_name (SCMP_ARCHITECTURE_NATIVE, "close"), ==,
                   scmp_syscall_resolve_name (native, "close"));
  g_assert_cmpstr (scmp_syscall_resolve_number (SCMP_ARCHITECTURE_NATIVE,
                                                scmp_syscall_resolve_name (native, "close")),
                   ==, "close");

  /* The word size of the running ABI is the size of a pointer on Linux. */
  g_assert_cmpuint (scmp_architecture_get_word_size (native), ==, GLIB_SIZEOF_VOID_P * 8);
  g_assert_cmpint (scmp_architecture_is_big_endian (native), ==,
                   G_BYTE_ORDER == G_BIG_ENDIAN);
}

static void
test_audit_arch (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (abis); i++)
    {
      g_assert_cmpuint (scmp_architecture_get_audit_arch (abis[i].arch), ==, abis[i].audit_arch);
      if (abis[i].arch == SCMP_ARCHITECTURE_X32)
        g_assert_cmpint (scmp_architecture_from_audit_arch (abis[i].audit_arch), ==,
                         SCMP_ARCHITECTURE_X86_64);
      else
        g_assert_cmpint (scmp_architecture_from_audit_arch (abis[i].audit_arch), ==,
                         abis[i].arch);
    }

  g_assert_cmpint (scmp_architecture_from_audit_arch (AUDIT_ARCH_X86_64), ==, SCMP_ARCHITECTURE_X86_64);
  /* libseccomp's private x32 token is no kernel value. */
  g_assert_cmpint (scmp_architecture_from_audit_arch (LIBSECCOMP_X32_TOKEN), ==, SCMP_ARCHITECTURE_UNKNOWN);
  g_assert_cmpint (scmp_architecture_from_audit_arch (0), ==, SCMP_ARCHITECTURE_UNKNOWN);
  g_assert_cmpint (scmp_architecture_from_audit_arch (0xffffffff), ==, SCMP_ARCHITECTURE_UNKNOWN);
}

static void
test_endian_word_size (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (abis); i++)
    {
      g_test_message ("%s", abis[i].name);
      g_assert_cmpint (scmp_architecture_is_big_endian (abis[i].arch), ==, abis[i].big_endian);
      g_assert_cmpuint (scmp_architecture_get_word_size (abis[i].arch), ==, abis[i].word_size);
    }
}

static void
test_invalid_arch_critical (void)
{
  if (g_test_subprocess ())
    {
      scmp_architecture_get_word_size (SCMP_ARCHITECTURE_UNKNOWN);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*Scmp-CRITICAL*info != NULL*");
}

static void
test_list_all (void)
{
  gsize n = 0;
  g_autofree ScmpArchitecture *arches = scmp_architecture_list_all (&n);
  g_autofree ScmpArchitecture *again = scmp_architecture_list_all (NULL);

  g_assert_cmpuint (n, ==, G_N_ELEMENTS (abis));
  for (gsize i = 0; i < n; i++)
    {
      g_assert_cmpint (arches[i], ==, abis[i].arch);
      g_assert_cmpint (again[i], ==, abis[i].arch);
    }
}

static void
test_resolve_known (void)
{
  static const struct {
    ScmpArchitecture  arch;
    const char       *name;
    int               nr;
  } cases[] = {
    { SCMP_ARCHITECTURE_X86_64,      "read",        0 },
    { SCMP_ARCHITECTURE_X32,         "read",        X32_SYSCALL_BIT + 0 },
    { SCMP_ARCHITECTURE_X86,         "read",        3 },
    { SCMP_ARCHITECTURE_AARCH64,     "read",        63 },
    { SCMP_ARCHITECTURE_RISCV64,     "read",        63 },
    { SCMP_ARCHITECTURE_LOONGARCH64, "read",        63 },
    { SCMP_ARCHITECTURE_MIPS,        "read",        4003 },
    { SCMP_ARCHITECTURE_MIPSEL,      "read",        4003 },
    { SCMP_ARCHITECTURE_MIPS64,      "read",        5000 },
    { SCMP_ARCHITECTURE_MIPSEL64,    "read",        5000 },
    { SCMP_ARCHITECTURE_MIPS64N32,   "read",        6000 },
    { SCMP_ARCHITECTURE_MIPSEL64N32, "read",        6000 },
    { SCMP_ARCHITECTURE_ARM,         "read",        3 },
    { SCMP_ARCHITECTURE_S390X,       "read",        3 },
    { SCMP_ARCHITECTURE_PPC64LE,     "read",        3 },
    { SCMP_ARCHITECTURE_X86_64,      "openat",      257 },
    { SCMP_ARCHITECTURE_X86,         "openat",      295 },
    { SCMP_ARCHITECTURE_AARCH64,     "openat",      56 },
    { SCMP_ARCHITECTURE_X86_64,      "open",        2 },
    { SCMP_ARCHITECTURE_X86,         "socket",      359 },
    { SCMP_ARCHITECTURE_X86_64,      "socket",      41 },
    { SCMP_ARCHITECTURE_X86_64,      "accept",      43 },
    { SCMP_ARCHITECTURE_X86,         "socketcall",  102 },
    { SCMP_ARCHITECTURE_S390X,       "ipc",         117 },
    { SCMP_ARCHITECTURE_X86_64,      "uretprobe",   335 },
    { SCMP_ARCHITECTURE_X32,         "rt_sigaction", X32_SYSCALL_BIT + 512 },
    { SCMP_ARCHITECTURE_X32,         "execve",      X32_SYSCALL_BIT + 520 },
    { SCMP_ARCHITECTURE_X86_64,      "execve",      59 },
    { SCMP_ARCHITECTURE_ARM,         "cacheflush",  0x0f0002 },
    { SCMP_ARCHITECTURE_ARM,         "set_tls",     0x0f0005 },
    { SCMP_ARCHITECTURE_ARM,         "breakpoint",  0x0f0001 },
    { SCMP_ARCHITECTURE_X86_64,      "mseal",       462 },
    { SCMP_ARCHITECTURE_MIPS64N32,   "mseal",       6462 },
    { SCMP_ARCHITECTURE_AARCH64,     "renameat",    38 },
    { SCMP_ARCHITECTURE_RISCV64,     "getrlimit",   163 },
    { SCMP_ARCHITECTURE_LOONGARCH64, "newfstatat",  79 },
    { SCMP_ARCHITECTURE_RISCV64,     "riscv_hwprobe", 258 },
    { SCMP_ARCHITECTURE_PPC64,       "spu_run",     278 },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("%s on %s", cases[i].name, scmp_architecture_to_name (cases[i].arch));
      g_assert_cmpint (scmp_syscall_resolve_name (cases[i].arch, cases[i].name), ==, cases[i].nr);
      g_assert_cmpstr (scmp_syscall_resolve_number (cases[i].arch, cases[i].nr), ==, cases[i].name);
    }
}

static void
test_resolve_absent (void)
{
  static const struct {
    ScmpArchitecture  arch;
    const char       *name;
  } cases[] = {
    { SCMP_ARCHITECTURE_AARCH64,     "open" },
    { SCMP_ARCHITECTURE_RISCV64,     "open" },
    { SCMP_ARCHITECTURE_RISCV64,     "renameat" },
    { SCMP_ARCHITECTURE_LOONGARCH64, "renameat" },
    { SCMP_ARCHITECTURE_LOONGARCH64, "getrlimit" },
    { SCMP_ARCHITECTURE_AARCH64,     "mmap2" },
    { SCMP_ARCHITECTURE_X86_64,      "fstatat64" },
    { SCMP_ARCHITECTURE_X86,         "accept" },
    { SCMP_ARCHITECTURE_X86_64,      "socketcall" },
    { SCMP_ARCHITECTURE_X86_64,      "ipc" },
    { SCMP_ARCHITECTURE_X32,         "uselib" },
    { SCMP_ARCHITECTURE_X86_64,      "mmap2" },
    { SCMP_ARCHITECTURE_X86_64,      "cacheflush" },
    { SCMP_ARCHITECTURE_AARCH64,     "uretprobe" },
    { SCMP_ARCHITECTURE_X86,         "uretprobe" },
    { SCMP_ARCHITECTURE_PPC64,       "mmap2" },
    { SCMP_ARCHITECTURE_X86,         "spu_run" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("%s on %s", cases[i].name, scmp_architecture_to_name (cases[i].arch));
      g_assert_cmpint (scmp_syscall_resolve_name (cases[i].arch, cases[i].name), ==, -1);
    }

  /* unknown names, UNKNOWN arch: quietly -1 / NULL */
  g_assert_cmpint (scmp_syscall_resolve_name (SCMP_ARCHITECTURE_X86_64, "no_such_syscall"), ==, -1);
  g_assert_cmpint (scmp_syscall_resolve_name (SCMP_ARCHITECTURE_X86_64, ""), ==, -1);
  g_assert_cmpint (scmp_syscall_resolve_name (SCMP_ARCHITECTURE_X86_64, "READ"), ==, -1);
  g_assert_cmpint (scmp_syscall_resolve_name (SCMP_ARCHITECTURE_X86_64, NULL), ==, -1);
  g_assert_cmpint (scmp_syscall_resolve_name (SCMP_ARCHITECTURE_UNKNOWN, "read"), ==, -1);
  g_assert_null (scmp_syscall_resolve_number (SCMP_ARCHITECTURE_UNKNOWN, 0));
  g_assert_null (scmp_syscall_resolve_number (SCMP_ARCHITECTURE_X86_64, -1));
  g_assert_null (scmp_syscall_resolve_number (SCMP_ARCHITECTURE_X86_64, 100000));
  g_assert_null (scmp_syscall_resolve_number (SCMP_ARCHITECTURE_X86_64, X32_SYSCALL_BIT));
  g_assert_null (scmp_syscall_resolve_number (SCMP_ARCHITECTURE_X32, 0));
  g_assert_null (scmp_syscall_resolve_number (SCMP_ARCHITECTURE_MIPS, 3));
  g_assert_null (scmp_syscall_resolve_number (SCMP_ARCHITECTURE_MIPS64, 4003));
  g_assert_null (scmp_syscall_resolve_number (SCMP_ARCHITECTURE_AARCH64, G_MAXINT));
}

static void
test_list_names (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (abis); i++)
    {
      g_auto(GStrv) names = scmp_syscall_list_names (abis[i].arch);
      guint n = g_strv_length (names);
      GHashTable *numbers = g_hash_table_new (NULL, NULL);

      g_test_message ("%s: %u syscalls", abis[i].name, n);
      g_assert_cmpuint (n, >, 300);

      for (guint j = 0; j < n; j++)
        {
          int nr = scmp_syscall_resolve_name (abis[i].arch, names[j]);

          if (j > 0)
            g_assert_cmpint (strcmp (names[j - 1], names[j]), <, 0);
          g_assert_cmpint (nr, >=, 0);
          g_assert_cmpstr (scmp_syscall_resolve_number (abis[i].arch, nr), ==, names[j]);
          g_assert_false (g_hash_table_contains (numbers, GINT_TO_POINTER (nr)));
          g_hash_table_add (numbers, GINT_TO_POINTER (nr));
        }

      /* Every number that resolves to a name is in the list. */
      for (int nr = 0; nr < 0x1000; nr++)
        {
          int base = nr;

          if (abis[i].arch == SCMP_ARCHITECTURE_X32)
            base = nr | X32_SYSCALL_BIT;
          else if (abis[i].arch == SCMP_ARCHITECTURE_MIPS || abis[i].arch == SCMP_ARCHITECTURE_MIPSEL)
            base = nr + 4000;
          else if (abis[i].arch == SCMP_ARCHITECTURE_MIPS64 || abis[i].arch == SCMP_ARCHITECTURE_MIPSEL64)
            base = nr + 5000;
          else if (abis[i].arch == SCMP_ARCHITECTURE_MIPS64N32 || abis[i].arch == SCMP_ARCHITECTURE_MIPSEL64N32)
            base = nr + 6000;

          if (scmp_syscall_resolve_number (abis[i].arch, base) != NULL)
            g_assert_true (g_hash_table_contains (numbers, GINT_TO_POINTER (base)));
        }

      g_hash_table_unref (numbers);
    }

  {
    g_auto(GStrv) none = scmp_syscall_list_names (SCMP_ARCHITECTURE_UNKNOWN);
    g_auto(GStrv) native = scmp_syscall_list_names (SCMP_ARCHITECTURE_NATIVE);
    g_auto(GStrv) real = scmp_syscall_list_names (scmp_architecture_get_native ());

    g_assert_nonnull (none);
    g_assert_null (none[0]);
    g_assert_true (g_strv_equal ((const char * const *) native, (const char * const *) real));
  }
}

static void
test_argument_width (void)
{
  gboolean is_signed = TRUE;

  /* int domain: 32 bits, signed; umode_t mode: 16 bits, unsigned */
  g_assert_cmpuint (scmp_syscall_get_argument_width (SCMP_ARCHITECTURE_X86_64, "socket", 0, &is_signed), ==, 32);
  g_assert_true (is_signed);
  g_assert_cmpuint (scmp_syscall_get_argument_width (SCMP_ARCHITECTURE_X86_64, "openat", 3, &is_signed), ==, 16);
  g_assert_false (is_signed);
  g_assert_cmpuint (scmp_syscall_get_argument_width (SCMP_ARCHITECTURE_X86_64, "mmap", 0, NULL), ==, 64);

  /* off_t: 64 bits on x86_64 and x32 (the 64-bit entry point), 32 on x86 */
  g_assert_cmpuint (scmp_syscall_get_argument_width (SCMP_ARCHITECTURE_X86_64, "lseek", 1, &is_signed), ==, 64);
  g_assert_true (is_signed);
  g_assert_cmpuint (scmp_syscall_get_argument_width (SCMP_ARCHITECTURE_X32, "lseek", 1, NULL), ==, 64);
  g_assert_cmpuint (scmp_syscall_get_argument_width (SCMP_ARCHITECTURE_X86, "lseek", 1, &is_signed), ==, 32);
  g_assert_true (is_signed);

  /* an argument not taken, an unknown name: the full register, unsigned */
  is_signed = TRUE;
  g_assert_cmpuint (scmp_syscall_get_argument_width (SCMP_ARCHITECTURE_X86_64, "getpid", 0, &is_signed), ==, 64);
  g_assert_false (is_signed);
  g_assert_cmpuint (scmp_syscall_get_argument_width (SCMP_ARCHITECTURE_X86, "getpid", 0, NULL), ==, 32);
  g_assert_cmpuint (scmp_syscall_get_argument_width (SCMP_ARCHITECTURE_X86, "no_such_call", 5, NULL), ==, 32);
  g_assert_cmpuint (scmp_syscall_get_argument_width (SCMP_ARCHITECTURE_X86, NULL, 0, NULL), ==, 32);

  /* the native ABI is the machine's */
  g_assert_cmpuint (scmp_syscall_get_argument_width (SCMP_ARCHITECTURE_NATIVE, "socket", 0, NULL), ==,
                    scmp_syscall_get_argument_width (scmp_architecture_get_native (), "socket", 0, NULL));

  if (g_test_undefined ())
    {
      g_test_expect_message ("Scmp", G_LOG_LEVEL_CRITICAL, "*arch != SCMP_ARCHITECTURE_UNKNOWN*");
      g_assert_cmpuint (scmp_syscall_get_argument_width (SCMP_ARCHITECTURE_UNKNOWN, "socket", 0, NULL), ==, 0);
      g_test_assert_expected_messages ();
      g_test_expect_message ("Scmp", G_LOG_LEVEL_CRITICAL, "*arg <= SCMP_CONDITION_MAX_ARG*");
      g_assert_cmpuint (scmp_syscall_get_argument_width (SCMP_ARCHITECTURE_X86_64, "socket", 6, NULL), ==, 0);
      g_test_assert_expected_messages ();
    }
}

static void
test_multiplexer (void)
{
  int mux_nr = 12345;
  guint sub = 12345;

  g_assert_cmpint (scmp_syscall_get_multiplexer (SCMP_ARCHITECTURE_X86, "accept", &mux_nr, &sub), ==,
                   SCMP_MULTIPLEXER_SOCKETCALL);
  g_assert_cmpint (mux_nr, ==, 102);
  g_assert_cmpuint (sub, ==, 5);

  /* A direct syscall exists too: still reachable through socketcall. */
  g_assert_cmpint (scmp_syscall_get_multiplexer (SCMP_ARCHITECTURE_X86, "socket", &mux_nr, &sub), ==,
                   SCMP_MULTIPLEXER_SOCKETCALL);
  g_assert_cmpint (mux_nr, ==, 102);
  g_assert_cmpuint (sub, ==, 1);
  g_assert_cmpint (scmp_syscall_get_multiplexer (SCMP_ARCHITECTURE_X86, "sendmmsg", &mux_nr, &sub), ==,
                   SCMP_MULTIPLEXER_SOCKETCALL);
  g_assert_cmpuint (sub, ==, 20);

  g_assert_cmpint (scmp_syscall_get_multiplexer (SCMP_ARCHITECTURE_X86_64, "accept", &mux_nr, &sub), ==,
                   SCMP_MULTIPLEXER_NONE);
  g_assert_cmpint (mux_nr, ==, -1);
  g_assert_cmpuint (sub, ==, 0);
  g_assert_cmpint (scmp_syscall_get_multiplexer (SCMP_ARCHITECTURE_X86_64, "shmat", &mux_nr, &sub), ==,
                   SCMP_MULTIPLEXER_NONE);
  g_assert_cmpint (scmp_syscall_get_multiplexer (SCMP_ARCHITECTURE_AARCH64, "semop", NULL, NULL), ==,
                   SCMP_MULTIPLEXER_NONE);
  g_assert_cmpint (scmp_syscall_get_multiplexer (SCMP_ARCHITECTURE_ARM, "accept", NULL, NULL), ==,
                   SCMP_MULTIPLEXER_NONE);

  g_assert_cmpint (scmp_syscall_get_multiplexer (SCMP_ARCHITECTURE_S390X, "shmat", &mux_nr, &sub), ==,
                   SCMP_MULTIPLEXER_IPC);
  g_assert_cmpint (mux_nr, ==, 117);
  g_assert_cmpuint (sub, ==, 21);

  g_assert_cmpint (scmp_syscall_get_multiplexer (SCMP_ARCHITECTURE_MIPS, "connect", &mux_nr, &sub), ==,
                   SCMP_MULTIPLEXER_SOCKETCALL);
  g_assert_cmpint (mux_nr, ==, 4102);
  g_assert_cmpuint (sub, ==, 3);
  g_assert_cmpint (scmp_syscall_get_multiplexer (SCMP_ARCHITECTURE_MIPSEL, "msgctl", &mux_nr, &sub), ==,
                   SCMP_MULTIPLEXER_IPC);
  g_assert_cmpint (mux_nr, ==, 4117);
  g_assert_cmpuint (sub, ==, 14);
  g_assert_cmpint (scmp_syscall_get_multiplexer (SCMP_ARCHITECTURE_MIPS64, "connect", &mux_nr, &sub), ==,
                   SCMP_MULTIPLEXER_NONE);

  g_assert_cmpint (scmp_syscall_get_multiplexer (SCMP_ARCHITECTURE_PPC64LE, "semtimedop", &mux_nr, &sub), ==,
                   SCMP_MULTIPLEXER_IPC);
  g_assert_cmpint (mux_nr, ==, 117);
  g_assert_cmpuint (sub, ==, 4);

  /* Not multiplexed, unknown name, unknown arch. */
  g_assert_cmpint (scmp_syscall_get_multiplexer (SCMP_ARCHITECTURE_X86, "read", &mux_nr, &sub), ==,
                   SCMP_MULTIPLEXER_NONE);
  g_assert_cmpint (mux_nr, ==, -1);
  g_assert_cmpint (scmp_syscall_get_multiplexer (SCMP_ARCHITECTURE_X86, "socketcall", NULL, NULL), ==,
                   SCMP_MULTIPLEXER_NONE);
  g_assert_cmpint (scmp_syscall_get_multiplexer (SCMP_ARCHITECTURE_X86, "no_such", NULL, NULL), ==,
                   SCMP_MULTIPLEXER_NONE);
  g_assert_cmpint (scmp_syscall_get_multiplexer (SCMP_ARCHITECTURE_X86, NULL, NULL, NULL), ==,
                   SCMP_MULTIPLEXER_NONE);
  g_assert_cmpint (scmp_syscall_get_multiplexer (SCMP_ARCHITECTURE_UNKNOWN, "accept", &mux_nr, &sub), ==,
                   SCMP_MULTIPLEXER_NONE);
  g_assert_cmpint (mux_nr, ==, -1);

  /* Every ABI with the multiplexers, every multiplexed name. */
  for (gsize i = 0; i < G_N_ELEMENTS (abis); i++)
    {
      ScmpMultiplexer m = scmp_syscall_get_multiplexer (abis[i].arch, "recvmmsg", &mux_nr, &sub);

      if (abis[i].socketcall_nr < 0)
        g_assert_cmpint (m, ==, SCMP_MULTIPLEXER_NONE);
      else
        {
          g_assert_cmpint (m, ==, SCMP_MULTIPLEXER_SOCKETCALL);
          g_assert_cmpint (mux_nr, ==, abis[i].socketcall_nr);
          g_assert_cmpuint (sub, ==, 19);
          g_assert_cmpint (scmp_syscall_resolve_name (abis[i].arch, "socketcall"), ==, abis[i].socketcall_nr);
        }

      m = scmp_syscall_get_multiplexer (abis[i].arch, "shmctl", &mux_nr, &sub);
      if (abis[i].ipc_nr < 0)
        g_assert_cmpint (m, ==, SCMP_MULTIPLEXER_NONE);
      else
        {
          g_assert_cmpint (m, ==, SCMP_MULTIPLEXER_IPC);
          g_assert_cmpint (mux_nr, ==, abis[i].ipc_nr);
          g_assert_cmpuint (sub, ==, 24);
          g_assert_cmpint (scmp_syscall_resolve_name (abis[i].arch, "ipc"), ==, abis[i].ipc_nr);
        }
    }
}

static void
test_post_6_12 (void)
{
  static const struct {
    const char *name;
    int         nr;
  } added[] = {
    { "setxattrat",     463 },
    { "getxattrat",     464 },
    { "listxattrat",    465 },
    { "removexattrat",  466 },
    { "open_tree_attr", 467 },
    { "file_getattr",   468 },
    { "file_setattr",   469 },
  };

  g_test_summary ("Syscalls added between Linux 6.13 and 6.18 are in the tables "
                  "on every ABI, with the unified numbering.");

  for (gsize i = 0; i < G_N_ELEMENTS (abis); i++)
    for (gsize j = 0; j < G_N_ELEMENTS (added); j++)
      {
        int expected = added[j].nr;

        switch (abis[i].arch)
          {
          case SCMP_ARCHITECTURE_X32:
            expected |= X32_SYSCALL_BIT;
            break;
          case SCMP_ARCHITECTURE_MIPS:
          case SCMP_ARCHITECTURE_MIPSEL:
            expected += 4000;
            break;
          case SCMP_ARCHITECTURE_MIPS64:
          case SCMP_ARCHITECTURE_MIPSEL64:
            expected += 5000;
            break;
          case SCMP_ARCHITECTURE_MIPS64N32:
          case SCMP_ARCHITECTURE_MIPSEL64N32:
            expected += 6000;
            break;
          default:
            break;
          }

        g_test_message ("%s on %s", added[j].name, abis[i].name);
        g_assert_cmpint (scmp_syscall_resolve_name (abis[i].arch, added[j].name), ==, expected);
        g_assert_cmpstr (scmp_syscall_resolve_number (abis[i].arch, expected), ==, added[j].name);
      }

  /* uprobe (Linux 6.18) is x86-64 only. */
  g_assert_cmpint (scmp_syscall_resolve_name (SCMP_ARCHITECTURE_X86_64, "uprobe"), ==, 336);
  g_assert_cmpint (scmp_syscall_resolve_name (SCMP_ARCHITECTURE_AARCH64, "uprobe"), ==, -1);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/architecture/from-name/all", test_from_name_all);
  g_test_add_func ("/architecture/from-name/aliases", test_from_name_aliases);
  g_test_add_func ("/architecture/from-name/aliases-complete", test_from_name_aliases_complete);
  g_test_add_func ("/architecture/from-name/ambiguous", test_from_name_ambiguous);
  g_test_add_func ("/architecture/from-name/doc-table", test_from_name_doc_table);
  g_test_add_func ("/architecture/from-name/unknown", test_from_name_unknown);
  g_test_add_func ("/architecture/parse/messages", test_parse_messages);
  g_test_add_func ("/architecture/parse/null-critical", test_parse_null_critical);
  g_test_add_func ("/architecture/native", test_native);
  g_test_add_func ("/architecture/audit-arch", test_audit_arch);
  g_test_add_func ("/architecture/endian-word-size", test_endian_word_size);
  g_test_add_func ("/architecture/invalid/critical", test_invalid_arch_critical);
  g_test_add_func ("/architecture/list-all", test_list_all);
  g_test_add_func ("/architecture/resolve/known", test_resolve_known);
  g_test_add_func ("/architecture/resolve/absent", test_resolve_absent);
  g_test_add_func ("/architecture/list-names", test_list_names);
  g_test_add_func ("/architecture/multiplexer", test_multiplexer);
  g_test_add_func ("/architecture/argument-width", test_argument_width);
  g_test_add_func ("/architecture/post-6.12", test_post_6_12);

  return g_test_run ();
}
