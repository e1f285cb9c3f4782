/* scmp-architecture.h
 *
 * SPDX-FileCopyrightText: 2026 The scmp-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined (__SCMP_GLIB_INSIDE__) && !defined (SCMP_GLIB_COMPILATION)
#error "Only <scmp-glib/scmp-glib.h> can be included directly."
#endif

#include <glib.h>
#include <scmp-glib/scmp-version-macros.h>

G_BEGIN_DECLS

/**
 * ScmpArchitecture:
 * @SCMP_ARCHITECTURE_UNKNOWN: not an architecture; returned by lookups
 *   that find nothing
 * @SCMP_ARCHITECTURE_NATIVE: the ABI this library was compiled for
 * @SCMP_ARCHITECTURE_X86: 32-bit x86 (i386)
 * @SCMP_ARCHITECTURE_X86_64: x86-64
 * @SCMP_ARCHITECTURE_X32: the x32 ABI of x86-64
 * @SCMP_ARCHITECTURE_ARM: 32-bit ARM, EABI
 * @SCMP_ARCHITECTURE_AARCH64: 64-bit ARM
 * @SCMP_ARCHITECTURE_LOONGARCH64: 64-bit LoongArch
 * @SCMP_ARCHITECTURE_M68K: Motorola 68000
 * @SCMP_ARCHITECTURE_MIPS: MIPS o32, big endian
 * @SCMP_ARCHITECTURE_MIPSEL: MIPS o32, little endian
 * @SCMP_ARCHITECTURE_MIPS64: MIPS n64, big endian
 * @SCMP_ARCHITECTURE_MIPSEL64: MIPS n64, little endian
 * @SCMP_ARCHITECTURE_MIPS64N32: MIPS n32, big endian
 * @SCMP_ARCHITECTURE_MIPSEL64N32: MIPS n32, little endian
 * @SCMP_ARCHITECTURE_PARISC: 32-bit PA-RISC
 * @SCMP_ARCHITECTURE_PARISC64: 64-bit PA-RISC
 * @SCMP_ARCHITECTURE_PPC: 32-bit PowerPC
 * @SCMP_ARCHITECTURE_PPC64: 64-bit PowerPC, big endian
 * @SCMP_ARCHITECTURE_PPC64LE: 64-bit PowerPC, little endian
 * @SCMP_ARCHITECTURE_RISCV64: 64-bit RISC-V
 * @SCMP_ARCHITECTURE_S390: 31-bit s390
 * @SCMP_ARCHITECTURE_S390X: 64-bit s390x
 * @SCMP_ARCHITECTURE_SH: SuperH, little endian
 * @SCMP_ARCHITECTURE_SHEB: SuperH, big endian
 *
 * The system call ABIs a filter can cover. The names returned by
 * scmp_architecture_to_name() are libseccomp's ("x86_64", "mipsel64n32");
 * scmp_architecture_from_name() and scmp_architecture_parse() also accept
 * the names of OCI profiles, Debian, Go and the kernel ("SCMP_ARCH_X86_64",
 * "amd64", "arm64", "i686").
 *
 * Since: 0.1
 */
typedef enum {
  SCMP_ARCHITECTURE_UNKNOWN = -1,
  SCMP_ARCHITECTURE_NATIVE = 0,
  SCMP_ARCHITECTURE_X86,
  SCMP_ARCHITECTURE_X86_64,
  SCMP_ARCHITECTURE_X32,
  SCMP_ARCHITECTURE_ARM,
  SCMP_ARCHITECTURE_AARCH64,
  SCMP_ARCHITECTURE_LOONGARCH64,
  SCMP_ARCHITECTURE_M68K,
  SCMP_ARCHITECTURE_MIPS,
  SCMP_ARCHITECTURE_MIPSEL,
  SCMP_ARCHITECTURE_MIPS64,
  SCMP_ARCHITECTURE_MIPSEL64,
  SCMP_ARCHITECTURE_MIPS64N32,
  SCMP_ARCHITECTURE_MIPSEL64N32,
  SCMP_ARCHITECTURE_PARISC,
  SCMP_ARCHITECTURE_PARISC64,
  SCMP_ARCHITECTURE_PPC,
  SCMP_ARCHITECTURE_PPC64,
  SCMP_ARCHITECTURE_PPC64LE,
  SCMP_ARCHITECTURE_RISCV64,
  SCMP_ARCHITECTURE_S390,
  SCMP_ARCHITECTURE_S390X,
  SCMP_ARCHITECTURE_SH,
  SCMP_ARCHITECTURE_SHEB,
} ScmpArchitecture;

/**
 * ScmpMultiplexer:
 * @SCMP_MULTIPLEXER_NONE: the syscall is not reachable through a multiplexer
 * @SCMP_MULTIPLEXER_SOCKETCALL: reachable through socketcall(2)
 * @SCMP_MULTIPLEXER_IPC: reachable through ipc(2)
 *
 * The multiplexing syscalls of the older ABIs (x86, m68k, MIPS o32, PowerPC,
 * s390, SuperH), through which socket and System V IPC calls can be made.
 *
 * Since: 0.1
 */
typedef enum {
  SCMP_MULTIPLEXER_NONE,
  SCMP_MULTIPLEXER_SOCKETCALL,
  SCMP_MULTIPLEXER_IPC,
} ScmpMultiplexer;

SCMP_AVAILABLE_IN_ALL
ScmpArchitecture  scmp_architecture_get_native      (void);
SCMP_AVAILABLE_IN_ALL
ScmpArchitecture  scmp_architecture_from_name       (const char       *name);
SCMP_AVAILABLE_IN_ALL
gboolean          scmp_architecture_parse           (const char        *name,
                                                     ScmpArchitecture  *out_arch,
                                                     GError           **error);
SCMP_AVAILABLE_IN_ALL
const char       *scmp_architecture_to_name         (ScmpArchitecture  arch);
SCMP_AVAILABLE_IN_ALL
ScmpArchitecture  scmp_architecture_from_audit_arch (guint32           audit_arch);
SCMP_AVAILABLE_IN_ALL
guint32           scmp_architecture_get_audit_arch  (ScmpArchitecture  arch);
SCMP_AVAILABLE_IN_ALL
gboolean          scmp_architecture_is_big_endian   (ScmpArchitecture  arch);
SCMP_AVAILABLE_IN_ALL
guint             scmp_architecture_get_word_size   (ScmpArchitecture  arch);
SCMP_AVAILABLE_IN_ALL
ScmpArchitecture *scmp_architecture_list_all        (gsize            *n_arches);

SCMP_AVAILABLE_IN_ALL
int               scmp_syscall_resolve_name         (ScmpArchitecture  arch,
                                                     const char       *name);
SCMP_AVAILABLE_IN_ALL
const char       *scmp_syscall_resolve_number       (ScmpArchitecture  arch,
                                                     int               nr);
SCMP_AVAILABLE_IN_ALL
char            **scmp_syscall_list_names           (ScmpArchitecture  arch);
SCMP_AVAILABLE_IN_ALL
ScmpMultiplexer   scmp_syscall_get_multiplexer      (ScmpArchitecture  arch,
                                                     const char       *name,
                                                     int              *multiplexer_nr,
                                                     guint            *sub_call);
SCMP_AVAILABLE_IN_ALL
guint             scmp_syscall_get_argument_width   (ScmpArchitecture  arch,
                                                     const char       *name,
                                                     guint             arg,
                                                     gboolean         *is_signed);

G_END_DECLS
