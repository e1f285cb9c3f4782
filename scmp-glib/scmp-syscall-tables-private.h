/* scmp-syscall-tables-private.h: the data generated from arch-data/
 *
 * SPDX-FileCopyrightText: 2026 The scmp-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * scmp-syscall-tables.c is written at build time by arch-data/gen-tables.py
 * from arch-data/abis.csv, syscalls.csv, syscall-args.csv and
 * syscall-versions.csv. Only
 * scmp-architecture.c reads these arrays; everything else goes through
 * scmp-arch-private.h.
 */

#pragma once

#include "scmp-arch-private.h"

G_BEGIN_DECLS

typedef struct {
  guint8 kind;        /* ScmpMultiplexer */
  guint8 sub_call;    /* socketcall/ipc sub-call number, 0 for NONE */
} ScmpSyscallMux;

/* Indexed by arch - SCMP_ARCHITECTURE_X86, in enum order. */
extern const ScmpArchInfo   _scmp_arch_infos[SCMP_N_ARCHES];

/* Every syscall name of every ABI, sorted with strcmp(). Name i starts at
 * _scmp_syscall_name_pool + _scmp_syscall_name_offsets[i]. */
extern const guint          _scmp_syscall_n_names_total;
extern const char           _scmp_syscall_name_pool[];
extern const guint32        _scmp_syscall_name_offsets[];

/* [name index][arch - 1]: the number as seen in seccomp_data.nr, or -1. */
extern const gint32         _scmp_syscall_numbers[][SCMP_N_ARCHES];

/* [name index]: the multiplexer the name belongs to on the ABIs that have
 * it (abis.csv socketcall_nr/ipc_nr >= 0). */
extern const ScmpSyscallMux _scmp_syscall_mux_info[];

/* Argument types, from syscall-args.csv: signature
 * _scmp_syscall_arg_sig_index[name index][arch - 1] of
 * _scmp_syscall_arg_sigs holds one byte per argument, its width in bits
 * ORed with 0x80 when signed; 0 (and signature 0) for the full register,
 * unsigned. */
extern const guint8         _scmp_syscall_arg_sigs[][6];
extern const guint16        _scmp_syscall_arg_sig_index[][SCMP_N_ARCHES];

/* Reverse lookup: for ABI a (0-based), the name indices of its syscalls
 * sorted by number are _scmp_syscall_by_nr[start[a] .. start[a + 1]). */
extern const guint16        _scmp_syscall_by_nr_start[SCMP_N_ARCHES + 1];
extern const guint16        _scmp_syscall_by_nr[];

/* Kernel versions, from syscall-versions.csv: the release that added
 * syscall [name index] on ABI [arch - 1], as (major << 8) | minor, or 0
 * where the data does not say (see arch-data/README.md for what it
 * covers). _scmp_syscall_tables_kernel is the newest release the tables
 * cover, in the same encoding; no entry is newer. */
extern const guint          _scmp_syscall_tables_kernel;
extern const guint16        _scmp_syscall_kernel_versions[][SCMP_N_ARCHES];

/* Name lookup: _scmp_syscall_name_hash[FNV-1a (name) & (size - 1)] and
 * the slots after it (linear probing) hold name indices, 0xffff for an
 * empty slot; the table is at most half full. */
#define SCMP_SYSCALL_HASH_EMPTY 0xffff
extern const guint          _scmp_syscall_name_hash_size;
extern const guint16        _scmp_syscall_name_hash[];

G_END_DECLS
