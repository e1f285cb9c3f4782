/* scmp-arch-private.h: the library's view of arch-data
 *
 * SPDX-FileCopyrightText: 2026 The scmp-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "scmp-architecture.h"

/* AUDIT_ARCH_*: the values of seccomp_data.arch (AUDIT_ARCH_X86_64 is
 * both x86_64's and x32's). The tables in arch-data have their own copy,
 * which test-architecture checks against this header. */
#include <linux/audit.h>

G_BEGIN_DECLS

/* Number of real ABIs: SCMP_ARCHITECTURE_X86 .. SCMP_ARCHITECTURE_SHEB. */
#define SCMP_N_ARCHES 23

/* The kernel's __X32_SYSCALL_BIT: set in seccomp_data.nr for every x32
 * call, which tells it from an x86_64 call with the same arch. The x32
 * table numbers include it. */
#define SCMP_X32_SYSCALL_BIT 0x40000000u

/* seccomp_data.nr, as an unsigned 32-bit word, when a tracer skipped the
 * call: the syscall number -1. No table has that number. */
#define SCMP_NR_TRACER_SKIP 0xffffffffu

typedef struct {
  ScmpArchitecture arch;
  const char      *name;            /* libseccomp's spelling, e.g. "mipsel64n32" */
  guint32          audit_arch;      /* value of seccomp_data.arch */
  guint32          nr_base;         /* already included in every table number */
  guint8           big_endian;
  guint8           word_bits;       /* 32 or 64: width of an argument */
  guint8           reg_bits;        /* 32 or 64: width of an argument register
                                     * (64 on x32 and MIPS n32, whose ILP32
                                     * userland runs on 64-bit registers) */
  gint32           socketcall_nr;   /* -1 where the ABI has none */
  gint32           ipc_nr;          /* -1 where the ABI has none */
} ScmpArchInfo;

/* Info for a concrete arch (NATIVE is resolved); NULL for UNKNOWN or junk. */
const ScmpArchInfo *_scmp_arch_get_info    (ScmpArchitecture arch);

/* The arch with NATIVE replaced by the real one; UNKNOWN for junk. */
ScmpArchitecture    _scmp_arch_resolve     (ScmpArchitecture arch);

/* Index of @name in the global sorted name table, or -1 (a hash lookup). */
int                 _scmp_syscall_lookup   (const char      *name);

/* Per name index: the number on @arch as seen in seccomp_data.nr
 * (x32 bit and MIPS base included), or -1 where @arch has no such syscall. */
int                 _scmp_syscall_number   (int              name_index,
                                            ScmpArchitecture arch);

const char         *_scmp_syscall_name     (int              name_index);

/* For names reachable through socketcall/ipc (on the ABIs that have them):
 * which multiplexer and the sub-call number; SCMP_MULTIPLEXER_NONE else. */
ScmpMultiplexer     _scmp_syscall_mux      (int              name_index,
                                            ScmpArchitecture arch,
                                            guint           *sub_call);

guint               _scmp_syscall_n_names  (void);

/* The name indices of @arch's syscalls, sorted by number (signed and
 * unsigned orders agree: no table number is negative); @n_syscalls is set
 * to their count. NULL and 0 for an unknown arch. */
const guint16      *_scmp_arch_syscalls_by_nr (ScmpArchitecture arch,
                                               guint           *n_syscalls);

/* The syscalls of @arch numbered @first..@last: by_nr[@from..@to) of
 * _scmp_arch_syscalls_by_nr(). O(log n). */
void                _scmp_arch_syscalls_in_range (ScmpArchitecture arch,
                                                  guint32          first,
                                                  guint32          last,
                                                  guint           *from,
                                                  guint           *to);

/* How the kernel reads one argument register: its low @bits bits, as a
 * signed or unsigned number. */
typedef struct {
  guint8 bits;        /* 8, 16, 32 or 64 */
  guint8 is_signed;
} ScmpArgType;

/* How the entry point of syscall @name_index on @arch reads argument
 * register @arg (0..5). An argument the syscall does not have, and a name
 * @arch lacks, is the full register, unsigned. */
ScmpArgType         _scmp_syscall_arg_type (int              name_index,
                                            ScmpArchitecture arch,
                                            guint            arg);

/* Whether the entry point of syscall @name_index on @arch takes argument
 * @arg at all (arch-data/syscall-args.csv has a type, not "-"). */
gboolean            _scmp_syscall_takes_arg (int              name_index,
                                             ScmpArchitecture arch,
                                             guint            arg);

/* Kernel versions are (major << 8) | minor: 0x0603 for Linux 6.3, 0x0701
 * for 7.1; 0 stands for "not known". */

/* The mainline release that added syscall @name_index on @arch (NATIVE
 * resolved), from arch-data/syscall-versions.csv: every syscall numbered
 * 424 and up (the numbers all ABIs share since Linux 5.1), the others an
 * ABI got in 5.1 or later, and every loongarch64 syscall (see
 * arch-data/README.md). 0 when the data does not say: a syscall older
 * than 5.1 on @arch, a name @arch lacks, an unknown arch or index. Never
 * newer than _scmp_syscall_tables_kernel_version(). */
guint               _scmp_syscall_kernel_version (int              name_index,
                                                  ScmpArchitecture arch);

/* The newest release the tables cover (0x0701: Linux 7.1). */
guint               _scmp_syscall_tables_kernel_version (void);

/* Parses a kernel release: "6.1" and "7.1" give 0x0601 and 0x0701,
 * "6.12.3" gives 0x060c (the third number is read, then dropped), and a
 * release string's suffix after "-" or "+" is ignored ("6.18.44-fc-v1147"
 * gives 0x0612, "7.0-rc3" 0x0700). Major 1 to 255, minor 0 to 255, each
 * number 1 to 3 decimal digits. 0 for %NULL and anything else: "", "6",
 * "6.", "6.1.", "6.1.2.3", " 6.1", "6.1x", "0.1", "6.256". */
guint               _scmp_kernel_version_parse   (const char      *text);

G_END_DECLS
