/* scmp-architecture.c
 *
 * SPDX-FileCopyrightText: 2026 The scmp-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "scmp-architecture.h"
#include "scmp-arch-private.h"
#include "scmp-condition.h"
#include "scmp-error.h"
#include "scmp-syscall-tables-private.h"

#include <string.h>

/**
 * SECTION:scmp-architecture
 * @title: Architectures and syscalls
 * @short_description: system call ABIs and syscall name resolution
 *
 * A seccomp filter sees a system call as a pair of numbers: the ABI it was
 * made through (`seccomp_data.arch`, an `AUDIT_ARCH_*` token) and the
 * syscall number in that ABI (`seccomp_data.nr`). The same name has a
 * different number on each ABI, and some ABIs lack some syscalls. An
 * #ScmpArchitecture names one ABI, with libseccomp's spelling ("x86_64",
 * "mipsel64n32"); %SCMP_ARCHITECTURE_NATIVE stands for the ABI the library
 * was compiled for.
 *
 * scmp-glib carries its own syscall tables for all 23 ABIs, generated from
 * the Linux kernel's syscall tables (see `arch-data/README.md` in the
 * sources) and covering the syscalls of Linux 7.1. Numbers are given as a
 * filter sees them: MIPS numbers include the ABI base (4000, 5000, 6000)
 * and x32 numbers include `__X32_SYSCALL_BIT` (0x40000000).
 *
 * On ABIs that have the socketcall(2) and ipc(2) multiplexers (x86, m68k,
 * MIPS o32, PowerPC, s390, SuperH), socket and System V IPC calls can also
 * be made through them; scmp_syscall_get_multiplexer() tells how.
 *
 * |[<!-- language="C" -->
 * ScmpArchitecture arch = scmp_architecture_from_name ("aarch64");
 * int nr = scmp_syscall_resolve_name (arch, "openat");     // 56
 * const char *name = scmp_syscall_resolve_number (arch, nr); // "openat"
 * int mux_nr;
 * guint sub;
 *
 * // x86 has no direct accept(2): it goes through socketcall(2).
 * if (scmp_syscall_get_multiplexer (SCMP_ARCHITECTURE_X86, "accept",
 *                                   &mux_nr, &sub) == SCMP_MULTIPLEXER_SOCKETCALL)
 *   g_print ("socketcall is %d, accept is sub-call %u\n", mux_nr, sub);
 * ]|
 */

/* ---------------------------------------------------------------------- */
/* Private API (scmp-arch-private.h)                                       */

static gboolean
arch_is_real (ScmpArchitecture arch)
{
  return arch >= SCMP_ARCHITECTURE_X86 && arch <= SCMP_ARCHITECTURE_SHEB;
}

ScmpArchitecture
_scmp_arch_resolve (ScmpArchitecture arch)
{
  if (arch == SCMP_ARCHITECTURE_NATIVE)
    return scmp_architecture_get_native ();
  if (arch_is_real (arch))
    return arch;
  return SCMP_ARCHITECTURE_UNKNOWN;
}

const ScmpArchInfo *
_scmp_arch_get_info (ScmpArchitecture arch)
{
  arch = _scmp_arch_resolve (arch);
  if (arch == SCMP_ARCHITECTURE_UNKNOWN)
    return NULL;
  return &_scmp_arch_infos[arch - SCMP_ARCHITECTURE_X86];
}

guint
_scmp_syscall_n_names (void)
{
  return _scmp_syscall_n_names_total;
}

const char *
_scmp_syscall_name (int name_index)
{
  g_return_val_if_fail (name_index >= 0 && (guint) name_index < _scmp_syscall_n_names_total, NULL);

  return _scmp_syscall_name_pool + _scmp_syscall_name_offsets[name_index];
}

int
_scmp_syscall_lookup (const char *name)
{
  guint32 h = 0x811c9dc5;   /* FNV-1a, as arch-data/gen-tables.py computes it */
  guint mask = _scmp_syscall_name_hash_size - 1;

  if (name == NULL)
    return -1;
  for (const guchar *p = (const guchar *) name; *p != '\0'; p++)
    h = (h ^ *p) * 0x01000193u;

  for (guint slot = h & mask; ; slot = (slot + 1) & mask)
    {
      guint16 idx = _scmp_syscall_name_hash[slot];

      if (idx == SCMP_SYSCALL_HASH_EMPTY)
        return -1;
      if (strcmp (name, _scmp_syscall_name_pool + _scmp_syscall_name_offsets[idx]) == 0)
        return idx;
    }
}

int
_scmp_syscall_number (int              name_index,
                      ScmpArchitecture arch)
{
  arch = _scmp_arch_resolve (arch);
  if (arch == SCMP_ARCHITECTURE_UNKNOWN)
    return -1;
  if (name_index < 0 || (guint) name_index >= _scmp_syscall_n_names_total)
    return -1;

  return _scmp_syscall_numbers[name_index][arch - SCMP_ARCHITECTURE_X86];
}

ScmpMultiplexer
_scmp_syscall_mux (int              name_index,
                   ScmpArchitecture arch,
                   guint           *sub_call)
{
  const ScmpArchInfo *info = _scmp_arch_get_info (arch);
  const ScmpSyscallMux *mux;
  gboolean has_mux = FALSE;

  if (sub_call != NULL)
    *sub_call = 0;
  if (info == NULL || name_index < 0 || (guint) name_index >= _scmp_syscall_n_names_total)
    return SCMP_MULTIPLEXER_NONE;

  mux = &_scmp_syscall_mux_info[name_index];
  switch ((ScmpMultiplexer) mux->kind)
    {
    case SCMP_MULTIPLEXER_SOCKETCALL:
      has_mux = info->socketcall_nr >= 0;
      break;
    case SCMP_MULTIPLEXER_IPC:
      has_mux = info->ipc_nr >= 0;
      break;
    case SCMP_MULTIPLEXER_NONE:
    default:
      break;
    }

  if (!has_mux)
    return SCMP_MULTIPLEXER_NONE;
  if (sub_call != NULL)
    *sub_call = mux->sub_call;
  return (ScmpMultiplexer) mux->kind;
}

/* ---------------------------------------------------------------------- */
/* Public API                                                              */

/**
 * scmp_architecture_get_native:
 *
 * Returns the ABI this library was compiled for, as decided by the
 * compiler's predefined macros (so an x32 build answers
 * %SCMP_ARCHITECTURE_X32, not %SCMP_ARCHITECTURE_X86_64).
 *
 * Returns: the native #ScmpArchitecture, or %SCMP_ARCHITECTURE_UNKNOWN on
 *   an ABI scmp-glib has no tables for
 *
 * Since: 0.1
 */
ScmpArchitecture
scmp_architecture_get_native (void)
{
#if defined (__x86_64__) && defined (__ILP32__)
  return SCMP_ARCHITECTURE_X32;
#elif defined (__x86_64__)
  return SCMP_ARCHITECTURE_X86_64;
#elif defined (__i386__)
  return SCMP_ARCHITECTURE_X86;
#elif defined (__aarch64__) && !defined (__ILP32__) && (__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__)
  return SCMP_ARCHITECTURE_AARCH64;
#elif defined (__arm__) && defined (__ARM_EABI__) && (__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__)
  return SCMP_ARCHITECTURE_ARM;
#elif defined (__loongarch__) && defined (__loongarch_grlen) && (__loongarch_grlen == 64)
  return SCMP_ARCHITECTURE_LOONGARCH64;
#elif defined (__m68k__)
  return SCMP_ARCHITECTURE_M68K;
#elif defined (__mips__) && defined (_ABIO32) && (_MIPS_SIM == _ABIO32)
# if __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
  return SCMP_ARCHITECTURE_MIPS;
# else
  return SCMP_ARCHITECTURE_MIPSEL;
# endif
#elif defined (__mips__) && defined (_ABI64) && (_MIPS_SIM == _ABI64)
# if __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
  return SCMP_ARCHITECTURE_MIPS64;
# else
  return SCMP_ARCHITECTURE_MIPSEL64;
# endif
#elif defined (__mips__) && defined (_ABIN32) && (_MIPS_SIM == _ABIN32)
# if __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
  return SCMP_ARCHITECTURE_MIPS64N32;
# else
  return SCMP_ARCHITECTURE_MIPSEL64N32;
# endif
#elif defined (__hppa__) && defined (__LP64__)
  return SCMP_ARCHITECTURE_PARISC64;
#elif defined (__hppa__)
  return SCMP_ARCHITECTURE_PARISC;
#elif defined (__powerpc64__) && (__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__)
  return SCMP_ARCHITECTURE_PPC64LE;
#elif defined (__powerpc64__)
  return SCMP_ARCHITECTURE_PPC64;
#elif defined (__powerpc__) && (__BYTE_ORDER__ == __ORDER_BIG_ENDIAN__)
  return SCMP_ARCHITECTURE_PPC;
#elif defined (__riscv) && defined (__riscv_xlen) && (__riscv_xlen == 64)
  return SCMP_ARCHITECTURE_RISCV64;
#elif defined (__s390x__)
  return SCMP_ARCHITECTURE_S390X;
#elif defined (__s390__)
  return SCMP_ARCHITECTURE_S390;
#elif defined (__sh__) && (__BYTE_ORDER__ == __ORDER_BIG_ENDIAN__)
  return SCMP_ARCHITECTURE_SHEB;
#elif defined (__sh__)
  return SCMP_ARCHITECTURE_SH;
#else
  return SCMP_ARCHITECTURE_UNKNOWN;
#endif
}

/* Names other projects give our ABIs, besides libseccomp's own (the
 * `name` column of _scmp_arch_infos) and its SCMP_ARCH_* constants, which
 * lookup_name() derives from those. Each name means one ABI: a name that
 * two of the sources below give to different ABIs, or that names an ABI
 * we have no tables for (armeb, aarch64_be, arm64ilp32, powerpcel), is not
 * here. Keep this table, the one in the scmp_architecture_from_name()
 * documentation and tests/test-architecture.c in step.
 *
 * Sources: Debian is dpkg's architecture names (/usr/share/dpkg/cputable
 * and tupletable); Go is the GOARCH values of its Linux ports; uname is
 * the kernel's UTS_MACHINE (`uname -m`); x86-64 is the spelling of GCC
 * (-march=x86-64) and of the ELF tools. */
static const struct {
  const char       *name;
  ScmpArchitecture  arch;
} arch_aliases[] = {
  { "i386",        SCMP_ARCHITECTURE_X86 },          /* Debian, uname */
  { "i486",        SCMP_ARCHITECTURE_X86 },          /* uname */
  { "i586",        SCMP_ARCHITECTURE_X86 },          /* uname */
  { "i686",        SCMP_ARCHITECTURE_X86 },          /* uname */
  { "386",         SCMP_ARCHITECTURE_X86 },          /* Go */
  { "amd64",       SCMP_ARCHITECTURE_X86_64 },       /* Debian, Go */
  { "x86-64",      SCMP_ARCHITECTURE_X86_64 },       /* GCC, ELF */
  { "armel",       SCMP_ARCHITECTURE_ARM },          /* Debian (EABI) */
  { "armhf",       SCMP_ARCHITECTURE_ARM },          /* Debian (EABI) */
  { "armv5tel",    SCMP_ARCHITECTURE_ARM },          /* uname */
  { "armv6l",      SCMP_ARCHITECTURE_ARM },          /* uname */
  { "armv7l",      SCMP_ARCHITECTURE_ARM },          /* uname */
  { "armv8l",      SCMP_ARCHITECTURE_ARM },          /* uname (32-bit on arm64) */
  { "arm64",       SCMP_ARCHITECTURE_AARCH64 },      /* Debian, Go */
  { "loong64",     SCMP_ARCHITECTURE_LOONGARCH64 },  /* Debian, Go */
  { "mipsr6",      SCMP_ARCHITECTURE_MIPS },         /* Debian */
  { "mipsle",      SCMP_ARCHITECTURE_MIPSEL },       /* Go */
  { "mipsr6el",    SCMP_ARCHITECTURE_MIPSEL },       /* Debian */
  { "mips64r6",    SCMP_ARCHITECTURE_MIPS64 },       /* Debian */
  { "mips64el",    SCMP_ARCHITECTURE_MIPSEL64 },     /* Debian */
  { "mips64le",    SCMP_ARCHITECTURE_MIPSEL64 },     /* Go */
  { "mips64r6el",  SCMP_ARCHITECTURE_MIPSEL64 },     /* Debian */
  { "mipsn32",     SCMP_ARCHITECTURE_MIPS64N32 },    /* Debian */
  { "mipsn32r6",   SCMP_ARCHITECTURE_MIPS64N32 },    /* Debian */
  { "mipsn32el",   SCMP_ARCHITECTURE_MIPSEL64N32 },  /* Debian */
  { "mipsn32r6el", SCMP_ARCHITECTURE_MIPSEL64N32 },  /* Debian */
  { "hppa",        SCMP_ARCHITECTURE_PARISC },       /* Debian */
  { "powerpc",     SCMP_ARCHITECTURE_PPC },          /* Debian */
  { "powerpcspe",  SCMP_ARCHITECTURE_PPC },          /* Debian */
  { "ppc64el",     SCMP_ARCHITECTURE_PPC64LE },      /* Debian */
  { "sh3",         SCMP_ARCHITECTURE_SH },           /* Debian */
  { "sh4",         SCMP_ARCHITECTURE_SH },           /* Debian */
  { "sh3eb",       SCMP_ARCHITECTURE_SHEB },         /* Debian */
  { "sh4eb",       SCMP_ARCHITECTURE_SHEB },         /* Debian */
};

#define SCMP_ARCH_PREFIX "SCMP_ARCH_"

/* The end of scmp_architecture_parse()'s messages. */
#define PARSE_HINT "use a name such as x86_64, aarch64 or SCMP_ARCH_X86_64"

static ScmpArchitecture
lookup_name (const char *name)
{
  gboolean prefixed = FALSE;

  if (g_ascii_strncasecmp (name, SCMP_ARCH_PREFIX, strlen (SCMP_ARCH_PREFIX)) == 0)
    {
      /* SCMP_ARCH_<libseccomp's name>, and nothing else after the prefix:
       * SCMP_ARCH_AMD64 is no libseccomp constant. */
      name += strlen (SCMP_ARCH_PREFIX);
      prefixed = TRUE;
    }

  if (g_ascii_strcasecmp (name, "native") == 0)
    return SCMP_ARCHITECTURE_NATIVE;

  for (guint i = 0; i < SCMP_N_ARCHES; i++)
    if (g_ascii_strcasecmp (name, _scmp_arch_infos[i].name) == 0)
      return _scmp_arch_infos[i].arch;

  if (prefixed)
    return SCMP_ARCHITECTURE_UNKNOWN;

  for (guint i = 0; i < G_N_ELEMENTS (arch_aliases); i++)
    if (g_ascii_strcasecmp (name, arch_aliases[i].name) == 0)
      return arch_aliases[i].arch;

  return SCMP_ARCHITECTURE_UNKNOWN;
}

/**
 * scmp_architecture_from_name:
 * @name: (nullable): an ABI name: libseccomp's ("x86_64", "mipsel64n32"),
 *   an OCI or Docker profile's ("SCMP_ARCH_X86_64"), Debian's ("amd64"),
 *   Go's ("arm64"), the kernel's ("aarch64"), or "native"
 *
 * Looks up an ABI by any of the names the usual sources give it, as listed
 * below. Case does not matter ("X86_64", "AMD64" and "scmp_arch_x86_64"
 * are accepted); nothing else is forgiven: no spaces are trimmed and no
 * name is guessed. "native" (and "SCMP_ARCH_NATIVE") give
 * %SCMP_ARCHITECTURE_NATIVE.
 *
 * To report a name that is not accepted, use scmp_architecture_parse(),
 * which says so in a #GError. scmp_architecture_to_name() gives back
 * libseccomp's spelling, the first column below.
 *
 * <informaltable>
 *   <tgroup cols="5">
 *     <thead>
 *       <row>
 *         <entry>libseccomp</entry>
 *         <entry>OCI, Docker</entry>
 *         <entry>Debian</entry>
 *         <entry>Go</entry>
 *         <entry>kernel (uname -m)</entry>
 *       </row>
 *     </thead>
 *     <tbody>
 *       <row><entry>x86</entry><entry>SCMP_ARCH_X86</entry><entry>i386</entry><entry>386</entry><entry>i386, i486, i586, i686</entry></row>
 *       <row><entry>x86_64</entry><entry>SCMP_ARCH_X86_64</entry><entry>amd64</entry><entry>amd64</entry><entry>x86_64, x86-64 (GCC)</entry></row>
 *       <row><entry>x32</entry><entry>SCMP_ARCH_X32</entry><entry>x32</entry><entry></entry><entry></entry></row>
 *       <row><entry>arm</entry><entry>SCMP_ARCH_ARM</entry><entry>armel, armhf</entry><entry>arm</entry><entry>armv5tel, armv6l, armv7l, armv8l</entry></row>
 *       <row><entry>aarch64</entry><entry>SCMP_ARCH_AARCH64</entry><entry>arm64</entry><entry>arm64</entry><entry>aarch64</entry></row>
 *       <row><entry>loongarch64</entry><entry>SCMP_ARCH_LOONGARCH64</entry><entry>loong64</entry><entry>loong64</entry><entry>loongarch64</entry></row>
 *       <row><entry>m68k</entry><entry>SCMP_ARCH_M68K</entry><entry>m68k</entry><entry></entry><entry>m68k</entry></row>
 *       <row><entry>mips</entry><entry>SCMP_ARCH_MIPS</entry><entry>mips, mipsr6</entry><entry>mips</entry><entry>mips (see below)</entry></row>
 *       <row><entry>mipsel</entry><entry>SCMP_ARCH_MIPSEL</entry><entry>mipsel, mipsr6el</entry><entry>mipsle</entry><entry></entry></row>
 *       <row><entry>mips64</entry><entry>SCMP_ARCH_MIPS64</entry><entry>mips64, mips64r6</entry><entry>mips64</entry><entry>mips64 (see below)</entry></row>
 *       <row><entry>mipsel64</entry><entry>SCMP_ARCH_MIPSEL64</entry><entry>mips64el, mips64r6el</entry><entry>mips64le</entry><entry></entry></row>
 *       <row><entry>mips64n32</entry><entry>SCMP_ARCH_MIPS64N32</entry><entry>mipsn32, mipsn32r6</entry><entry></entry><entry></entry></row>
 *       <row><entry>mipsel64n32</entry><entry>SCMP_ARCH_MIPSEL64N32</entry><entry>mipsn32el, mipsn32r6el</entry><entry></entry><entry></entry></row>
 *       <row><entry>parisc</entry><entry>SCMP_ARCH_PARISC</entry><entry>hppa</entry><entry></entry><entry>parisc</entry></row>
 *       <row><entry>parisc64</entry><entry>SCMP_ARCH_PARISC64</entry><entry></entry><entry></entry><entry>parisc64 (see below)</entry></row>
 *       <row><entry>ppc</entry><entry>SCMP_ARCH_PPC</entry><entry>powerpc, powerpcspe</entry><entry></entry><entry>ppc</entry></row>
 *       <row><entry>ppc64</entry><entry>SCMP_ARCH_PPC64</entry><entry>ppc64</entry><entry>ppc64</entry><entry>ppc64</entry></row>
 *       <row><entry>ppc64le</entry><entry>SCMP_ARCH_PPC64LE</entry><entry>ppc64el</entry><entry>ppc64le</entry><entry>ppc64le</entry></row>
 *       <row><entry>riscv64</entry><entry>SCMP_ARCH_RISCV64</entry><entry>riscv64</entry><entry>riscv64</entry><entry>riscv64</entry></row>
 *       <row><entry>s390</entry><entry>SCMP_ARCH_S390</entry><entry>s390</entry><entry></entry><entry>s390</entry></row>
 *       <row><entry>s390x</entry><entry>SCMP_ARCH_S390X</entry><entry>s390x</entry><entry>s390x</entry><entry>s390x</entry></row>
 *       <row><entry>sh</entry><entry>SCMP_ARCH_SH</entry><entry>sh3, sh4</entry><entry></entry><entry></entry></row>
 *       <row><entry>sheb</entry><entry>SCMP_ARCH_SHEB</entry><entry>sh3eb, sh4eb</entry><entry></entry><entry></entry></row>
 *     </tbody>
 *   </tgroup>
 * </informaltable>
 *
 * The sources: libseccomp 2.6's names and `SCMP_ARCH_*` constants (which
 * OCI runtime specs and Docker profiles use), dpkg's architecture names,
 * the `GOARCH` values of Go's Linux ports, and the machine names the Linux
 * kernel reports. They agree wherever they share a name, so every name
 * above means one ABI.
 *
 * `uname -m` names the kernel, not the ABI of a process: an x86_64 kernel
 * also runs x86 and x32 programs, a parisc64 kernel runs Debian's 32-bit
 * hppa userland, and a MIPS kernel reports mips or mips64 whatever its
 * byte order. Those names are read as libseccomp and Go read them: mips
 * and mips64 are big endian (o32 and n64), parisc64 is the 64-bit ABI.
 * Names of ABIs scmp-glib has no tables for (big-endian ARM such as armeb
 * and aarch64_be, arm64ilp32, powerpcel, riscv32, sparc64) are not
 * accepted.
 *
 * Returns: the #ScmpArchitecture, or %SCMP_ARCHITECTURE_UNKNOWN when @name
 *   is %NULL, empty or names no ABI
 *
 * Since: 0.1
 */
ScmpArchitecture
scmp_architecture_from_name (const char *name)
{
  if (name == NULL)
    return SCMP_ARCHITECTURE_UNKNOWN;

  return lookup_name (name);
}

/**
 * scmp_architecture_parse:
 * @name: an ABI name, as scmp_architecture_from_name() accepts it
 * @out_arch: (out) (optional): where to store the #ScmpArchitecture
 * @error: return location for a #GError
 *
 * Looks up an ABI by name as scmp_architecture_from_name() does, but tells
 * a name it does not accept apart with a #GError a user can read, such as
 * "“amd46” is not an architecture name; use a name such as x86_64, aarch64
 * or SCMP_ARCH_X86_64". Use it where the name comes from a user or a
 * profile, so that a typo is reported where it is made rather than as an
 * unknown architecture later.
 *
 * "native" gives %SCMP_ARCHITECTURE_NATIVE.
 *
 * Returns: %TRUE with @out_arch set; %FALSE with
 *   %SCMP_ERROR_INVALID_ARCHITECTURE if @name is empty or names no ABI,
 *   leaving @out_arch untouched
 *
 * Since: 0.1
 */
gboolean
scmp_architecture_parse (const char        *name,
                         ScmpArchitecture  *out_arch,
                         GError           **error)
{
  ScmpArchitecture arch;

  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  arch = lookup_name (name);
  if (arch == SCMP_ARCHITECTURE_UNKNOWN)
    {
      if (*name == '\0')
        {
          g_set_error_literal (error, SCMP_ERROR, SCMP_ERROR_INVALID_ARCHITECTURE,
                               "An empty string is not an architecture name; " PARSE_HINT);
        }
      else
        {
          /* The text may come from anywhere: valid UTF-8 in the message,
           * control characters escaped, other characters as they are. */
          g_autofree char *valid = g_utf8_make_valid (name, -1);
          g_autofree char *shown = NULL;
          char keep[128];

          for (guint i = 0; i < 127; i++)
            keep[i] = (char) (0x80 + i);
          keep[127] = '\0';
          shown = g_strescape (valid, keep);
          g_set_error (error, SCMP_ERROR, SCMP_ERROR_INVALID_ARCHITECTURE,
                       "“%s” is not an architecture name; " PARSE_HINT,
                       shown);
        }
      return FALSE;
    }

  if (out_arch != NULL)
    *out_arch = arch;
  return TRUE;
}

/**
 * scmp_architecture_to_name:
 * @arch: an #ScmpArchitecture
 *
 * Gives the name of an ABI, as libseccomp spells it.
 * %SCMP_ARCHITECTURE_NATIVE gives the name of the native ABI, never
 * "native".
 *
 * Returns: (nullable) (transfer none): a static string, or %NULL for
 *   %SCMP_ARCHITECTURE_UNKNOWN and values that are no ABI
 *
 * Since: 0.1
 */
const char *
scmp_architecture_to_name (ScmpArchitecture arch)
{
  const ScmpArchInfo *info = _scmp_arch_get_info (arch);

  return info != NULL ? info->name : NULL;
}

/**
 * scmp_architecture_from_audit_arch:
 * @audit_arch: an `AUDIT_ARCH_*` value, as in `seccomp_data.arch`
 *
 * Finds the ABI a kernel `AUDIT_ARCH_*` token stands for. x86-64 and x32
 * share `AUDIT_ARCH_X86_64` (0xc000003e; x32 calls are told apart by
 * `__X32_SYSCALL_BIT` in the syscall number), so that token gives
 * %SCMP_ARCHITECTURE_X86_64. libseccomp's private x32 token (0x4000003e)
 * is not a kernel value and gives %SCMP_ARCHITECTURE_UNKNOWN.
 *
 * Returns: the #ScmpArchitecture, or %SCMP_ARCHITECTURE_UNKNOWN
 *
 * Since: 0.1
 */
ScmpArchitecture
scmp_architecture_from_audit_arch (guint32 audit_arch)
{
  /* The first match wins: x86_64 comes before x32 in the table. */
  for (guint i = 0; i < SCMP_N_ARCHES; i++)
    if (_scmp_arch_infos[i].audit_arch == audit_arch)
      return _scmp_arch_infos[i].arch;

  return SCMP_ARCHITECTURE_UNKNOWN;
}

/**
 * scmp_architecture_get_audit_arch:
 * @arch: an #ScmpArchitecture other than %SCMP_ARCHITECTURE_UNKNOWN
 *
 * Gives the `AUDIT_ARCH_*` value the kernel puts in `seccomp_data.arch`
 * for calls made through @arch (0xc000003e for both x86-64 and x32).
 *
 * Returns: the audit arch token, or 0 if @arch is not an ABI
 *
 * Since: 0.1
 */
guint32
scmp_architecture_get_audit_arch (ScmpArchitecture arch)
{
  const ScmpArchInfo *info = _scmp_arch_get_info (arch);

  g_return_val_if_fail (info != NULL, 0);

  return info->audit_arch;
}

/**
 * scmp_architecture_is_big_endian:
 * @arch: an #ScmpArchitecture other than %SCMP_ARCHITECTURE_UNKNOWN
 *
 * Tells the byte order of an ABI, which decides where the high and low
 * words of a 64-bit argument are in `seccomp_data` and the byte order of an
 * exported program.
 *
 * Returns: %TRUE for a big-endian ABI, %FALSE for a little-endian one or if
 *   @arch is not an ABI
 *
 * Since: 0.1
 */
gboolean
scmp_architecture_is_big_endian (ScmpArchitecture arch)
{
  const ScmpArchInfo *info = _scmp_arch_get_info (arch);

  g_return_val_if_fail (info != NULL, FALSE);

  return info->big_endian != 0;
}

/**
 * scmp_architecture_get_word_size:
 * @arch: an #ScmpArchitecture other than %SCMP_ARCHITECTURE_UNKNOWN
 *
 * Gives the width of a syscall argument on @arch: 64 on the 64-bit ABIs,
 * 32 on the others (x32 and MIPS n32 included), where only the low word of
 * an argument exists.
 *
 * Returns: 32 or 64, or 0 if @arch is not an ABI
 *
 * Since: 0.1
 */
guint
scmp_architecture_get_word_size (ScmpArchitecture arch)
{
  const ScmpArchInfo *info = _scmp_arch_get_info (arch);

  g_return_val_if_fail (info != NULL, 0);

  return info->word_bits;
}

/**
 * scmp_architecture_list_all:
 * @n_arches: (out) (optional): where to store the number of ABIs
 *
 * Lists every ABI scmp-glib has tables for, in the order of the
 * #ScmpArchitecture enumeration. %SCMP_ARCHITECTURE_NATIVE and
 * %SCMP_ARCHITECTURE_UNKNOWN are not included.
 *
 * Language bindings get the values as integers: GJS 1.74 misreads arrays
 * of enumerations, so the introspection data gives the elements as #gint.
 *
 * Returns: (array length=n_arches) (element-type gint) (transfer full):
 *   a newly allocated array, free it with g_free()
 *
 * Since: 0.1
 */
ScmpArchitecture *
scmp_architecture_list_all (gsize *n_arches)
{
  ScmpArchitecture *arches = g_new (ScmpArchitecture, SCMP_N_ARCHES);

  for (guint i = 0; i < SCMP_N_ARCHES; i++)
    arches[i] = _scmp_arch_infos[i].arch;

  if (n_arches != NULL)
    *n_arches = SCMP_N_ARCHES;
  return arches;
}

/**
 * scmp_syscall_resolve_name:
 * @arch: an #ScmpArchitecture
 * @name: (nullable): a syscall name, as in the kernel's `__NR_<name>`
 *
 * Finds the number of a syscall on an ABI, as a filter sees it in
 * `seccomp_data.nr` (MIPS base and x32 bit included). A name that the ABI
 * can reach only through a multiplexer (accept(2) on x86) has no number:
 * see scmp_syscall_get_multiplexer().
 *
 * Returns: the syscall number, or -1 if @arch lacks the syscall, @name is
 *   unknown or %NULL, or @arch is %SCMP_ARCHITECTURE_UNKNOWN
 *
 * Since: 0.1
 */
int
scmp_syscall_resolve_name (ScmpArchitecture  arch,
                           const char       *name)
{
  return _scmp_syscall_number (_scmp_syscall_lookup (name), arch);
}

/**
 * scmp_syscall_resolve_number:
 * @arch: an #ScmpArchitecture
 * @nr: a syscall number as in `seccomp_data.nr` (MIPS base and x32 bit
 *   included)
 *
 * Finds the name of a syscall number on an ABI.
 *
 * Returns: (nullable) (transfer none): a static string, or %NULL if @arch
 *   has no syscall @nr or is %SCMP_ARCHITECTURE_UNKNOWN
 *
 * Since: 0.1
 */
const char *
scmp_syscall_resolve_number (ScmpArchitecture arch,
                             int              nr)
{
  guint lo, hi, col;

  arch = _scmp_arch_resolve (arch);
  if (arch == SCMP_ARCHITECTURE_UNKNOWN || nr < 0)
    return NULL;

  col = arch - SCMP_ARCHITECTURE_X86;
  lo = _scmp_syscall_by_nr_start[col];
  hi = _scmp_syscall_by_nr_start[col + 1];
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      guint name_index = _scmp_syscall_by_nr[mid];
      gint32 mid_nr = _scmp_syscall_numbers[name_index][col];

      if (mid_nr == nr)
        return _scmp_syscall_name (name_index);
      if (nr < mid_nr)
        hi = mid;
      else
        lo = mid + 1;
    }

  return NULL;
}

/* Index in column @col's by-number order of the first syscall whose
 * number is >= @nr. */
static guint
by_nr_lower_bound (guint   col,
                   guint64 nr)
{
  guint lo = _scmp_syscall_by_nr_start[col];
  guint hi = _scmp_syscall_by_nr_start[col + 1];

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if ((guint32) _scmp_syscall_numbers[_scmp_syscall_by_nr[mid]][col] < nr)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

void
_scmp_arch_syscalls_in_range (ScmpArchitecture arch,
                              guint32          first,
                              guint32          last,
                              guint           *from,
                              guint           *to)
{
  guint col;

  arch = _scmp_arch_resolve (arch);
  *from = *to = 0;
  if (arch == SCMP_ARCHITECTURE_UNKNOWN || first > last)
    return;
  col = arch - SCMP_ARCHITECTURE_X86;
  *from = by_nr_lower_bound (col, first) - _scmp_syscall_by_nr_start[col];
  *to = by_nr_lower_bound (col, (guint64) last + 1) - _scmp_syscall_by_nr_start[col];
}

const guint16 *
_scmp_arch_syscalls_by_nr (ScmpArchitecture arch,
                           guint           *n_syscalls)
{
  guint col;

  arch = _scmp_arch_resolve (arch);
  *n_syscalls = 0;
  if (arch == SCMP_ARCHITECTURE_UNKNOWN)
    return NULL;
  col = arch - SCMP_ARCHITECTURE_X86;
  *n_syscalls = _scmp_syscall_by_nr_start[col + 1] - _scmp_syscall_by_nr_start[col];
  return &_scmp_syscall_by_nr[_scmp_syscall_by_nr_start[col]];
}

/**
 * scmp_syscall_list_names:
 * @arch: an #ScmpArchitecture
 *
 * Lists the syscalls that have a number on @arch, sorted by name (in
 * strcmp() order). Names reachable only through a multiplexer are not
 * included.
 *
 * Returns: (transfer full) (array zero-terminated=1) (element-type utf8):
 *   a newly allocated %NULL-terminated array of names, empty for
 *   %SCMP_ARCHITECTURE_UNKNOWN; free it with g_strfreev()
 *
 * Since: 0.1
 */
char **
scmp_syscall_list_names (ScmpArchitecture arch)
{
  GPtrArray *names = g_ptr_array_new ();
  guint col;

  arch = _scmp_arch_resolve (arch);
  if (arch != SCMP_ARCHITECTURE_UNKNOWN)
    {
      col = arch - SCMP_ARCHITECTURE_X86;
      for (guint i = 0; i < _scmp_syscall_n_names_total; i++)
        if (_scmp_syscall_numbers[i][col] >= 0)
          g_ptr_array_add (names, g_strdup (_scmp_syscall_name (i)));
    }

  g_ptr_array_add (names, NULL);
  return (char **) g_ptr_array_free (names, FALSE);
}

/**
 * scmp_syscall_get_multiplexer:
 * @arch: an #ScmpArchitecture
 * @name: (nullable): a syscall name
 * @multiplexer_nr: (out) (optional): where to store the number of the
 *   multiplexer syscall (socketcall(2) or ipc(2)) on @arch, or -1
 * @sub_call: (out) (optional): where to store the sub-call number (the
 *   first argument of the multiplexer), or 0
 *
 * Tells whether @name can be called through a multiplexer on @arch. On the
 * ABIs that have socketcall(2) and ipc(2), socket and System V IPC calls can
 * be made through them even where a direct syscall exists too (x86 has
 * `socket` = 359 and socketcall sub-call 1), so a filter that means to cover
 * such a call has to deal with both.
 *
 * Returns: the #ScmpMultiplexer, %SCMP_MULTIPLEXER_NONE if @arch has no
 *   multiplexer for @name (or @arch is %SCMP_ARCHITECTURE_UNKNOWN)
 *
 * Since: 0.1
 */
ScmpMultiplexer
scmp_syscall_get_multiplexer (ScmpArchitecture  arch,
                              const char       *name,
                              int              *multiplexer_nr,
                              guint            *sub_call)
{
  const ScmpArchInfo *info = _scmp_arch_get_info (arch);
  ScmpMultiplexer mux;
  guint sub = 0;

  mux = _scmp_syscall_mux (_scmp_syscall_lookup (name), arch, &sub);

  if (multiplexer_nr != NULL)
    {
      if (mux == SCMP_MULTIPLEXER_SOCKETCALL)
        *multiplexer_nr = info->socketcall_nr;
      else if (mux == SCMP_MULTIPLEXER_IPC)
        *multiplexer_nr = info->ipc_nr;
      else
        *multiplexer_nr = -1;
    }
  if (sub_call != NULL)
    *sub_call = sub;
  return mux;
}

/**
 * scmp_syscall_get_argument_width:
 * @arch: an #ScmpArchitecture other than %SCMP_ARCHITECTURE_UNKNOWN
 * @name: (nullable): a syscall name
 * @arg: an argument index, 0 to %SCMP_CONDITION_MAX_ARG
 * @is_signed: (out) (optional): where to store whether the kernel reads
 *   the argument as a signed number
 *
 * Tells how the kernel's entry point for @name on @arch reads the
 * argument @arg, that is how many of the register's low bits it uses, and
 * whether as a signed number. This is the width a filter compares the argument in (see
 * the "Rule semantics" chapter): on x86_64, socket(2)'s `int domain` is 32
 * bits, signed; openat(2)'s `umode_t mode` 16 bits, unsigned; mmap(2)'s
 * `unsigned long addr` 64 bits. An argument the syscall does not take, and
 * a name @arch lacks or does not know, is the full register, unsigned.
 *
 * Returns: 8, 16, 32 or 64, or 0 if @arch is not an ABI or @arg is out of
 *   range
 *
 * Since: 0.1
 */
guint
scmp_syscall_get_argument_width (ScmpArchitecture  arch,
                                 const char       *name,
                                 guint             arg,
                                 gboolean         *is_signed)
{
  ScmpArgType t;

  arch = _scmp_arch_resolve (arch);
  g_return_val_if_fail (arch != SCMP_ARCHITECTURE_UNKNOWN, 0);
  g_return_val_if_fail (arg <= SCMP_CONDITION_MAX_ARG, 0);

  t = _scmp_syscall_arg_type (name != NULL ? _scmp_syscall_lookup (name) : -1, arch, arg);
  if (is_signed != NULL)
    *is_signed = t.is_signed;
  return t.bits;
}

ScmpArgType
_scmp_syscall_arg_type (int              name_index,
                        ScmpArchitecture arch,
                        guint            arg)
{
  const ScmpArchInfo *info = _scmp_arch_get_info (arch);
  ScmpArgType full = { info != NULL ? info->reg_bits : 64, FALSE };
  guint8 t;

  if (info == NULL || name_index < 0 || (guint) name_index >= _scmp_syscall_n_names_total || arg >= 6)
    return full;
  t = _scmp_syscall_arg_sigs[_scmp_syscall_arg_sig_index[name_index][arch - SCMP_ARCHITECTURE_X86]][arg];
  if (t == 0)
    return full;
  return (ScmpArgType) { t & 0x7f, (t & 0x80) != 0 };
}

gboolean
_scmp_syscall_takes_arg (int              name_index,
                         ScmpArchitecture arch,
                         guint            arg)
{
  const ScmpArchInfo *info = _scmp_arch_get_info (arch);

  if (info == NULL || name_index < 0 || (guint) name_index >= _scmp_syscall_n_names_total || arg >= 6)
    return FALSE;
  return _scmp_syscall_arg_sigs[_scmp_syscall_arg_sig_index[name_index][info->arch - SCMP_ARCHITECTURE_X86]][arg] != 0;
}

/* ---------------------------------------------------------------------- */
/* Kernel versions (scmp-arch-private.h)                                   */

guint
_scmp_syscall_kernel_version (int              name_index,
                              ScmpArchitecture arch)
{
  arch = _scmp_arch_resolve (arch);
  if (arch == SCMP_ARCHITECTURE_UNKNOWN)
    return 0;
  if (name_index < 0 || (guint) name_index >= _scmp_syscall_n_names_total)
    return 0;

  /* gen-tables.py puts a version only where the ABI has a number */
  return _scmp_syscall_kernel_versions[name_index][arch - SCMP_ARCHITECTURE_X86];
}

guint
_scmp_syscall_tables_kernel_version (void)
{
  return _scmp_syscall_tables_kernel;
}

/* Reads 1 to 3 decimal digits at *p into *value, moving *p past them. */
static gboolean
parse_version_part (const char **p,
                    guint       *value)
{
  guint v = 0, n = 0;

  while (g_ascii_isdigit (**p) && n < 3)
    {
      v = v * 10 + (guint) (**p - '0');
      (*p)++;
      n++;
    }
  if (n == 0 || g_ascii_isdigit (**p))
    return FALSE;
  *value = v;
  return TRUE;
}

guint
_scmp_kernel_version_parse (const char *text)
{
  const char *p = text;
  guint major, minor, patch;

  if (p == NULL)
    return 0;
  if (!parse_version_part (&p, &major) || *p++ != '.' ||
      !parse_version_part (&p, &minor))
    return 0;
  if (*p == '.')
    {
      p++;
      if (!parse_version_part (&p, &patch))
        return 0;
    }
  /* A release string may go on: "6.18.44-fc-v1147", "7.0-rc3", "6.1+". */
  if (*p != '\0' && *p != '-' && *p != '+')
    return 0;
  if (major == 0 || major > 255 || minor > 255)
    return 0;
  return (major << 8) | minor;
}
