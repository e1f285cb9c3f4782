/* reference.h: what the kernel does with a call under a filter, worked out
 * from the filter's rules without the compiler
 *
 * SPDX-FileCopyrightText: 2026 The scmp-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The tests' oracle. It reads the rules through the public API only, and
 * the syscall numbers, multiplexers and argument types from the committed
 * arch-data/ CSV files (the directory in $SCMP_ARCH_DATA_DIR), never the
 * library's generated tables; and it evaluates a call the way the kernel
 * would: the entry point's cast of each argument register, ksys_ipc()'s
 * `call & 0xffff`, __sys_socketcall()'s `int call`. It shares no code with
 * scmp-glib/.
 */

#pragma once

#include <scmp-glib/scmp-glib.h>

G_BEGIN_DECLS

typedef struct _RefFilter RefFilter;

/* How the kernel's entry point for @syscall on @arch reads argument @arg:
 * @bits (8, 16, 32 or 64) and signedness. FALSE when @arch has no direct
 * number for @syscall. */
gboolean   ref_arg_type        (ScmpArchitecture  arch,
                                const char       *syscall,
                                guint             arg,
                                guint            *bits,
                                gboolean         *is_signed);

/* Whether @value can be given for an argument the kernel reads in @bits
 * bits: a @bits-bit number, zero- or sign-extended to 64 bits. */
gboolean   ref_value_fits      (guint64           value,
                                guint             bits);

/* The syscall number of @syscall on @arch as seccomp_data.nr holds it, or
 * -1 when @arch has no direct number for it. */
gint32     ref_syscall_number  (ScmpArchitecture  arch,
                                const char       *syscall);

/* Whether @arch's column of syscalls.csv holds @nr (as seccomp_data.nr
 * holds it: MIPS base and x32 bit included). */
gboolean   ref_number_is_named (ScmpArchitecture  arch,
                                gint32            nr);

/* The highest number @arch's table names, or -1 for none. */
gint32     ref_highest_number  (ScmpArchitecture  arch);

/* A snapshot of @filter's rules (by name or on numbers, each on the ABIs
 * it applies to), ABIs, actions and attributes. */
RefFilter *ref_filter_new      (ScmpFilter       *filter);
void       ref_filter_free     (RefFilter        *ref);

/* The return value the kernel gets from the filter for seccomp_data
 * { .arch = @audit_arch, .nr = @nr, .args = @args }. */
guint32    ref_filter_evaluate (RefFilter        *ref,
                                guint32           audit_arch,
                                gint32            nr,
                                const guint64     args[6]);

/* ref_filter_evaluate(), and in @rule_index the position of the rule
 * whose action it is (the first that matches; on a multiplexer path where
 * rules' arguments cannot be read, the one whose action is the most
 * restrictive, the earliest on a tie), or -1 for the filter's own
 * actions. */
guint32    ref_filter_explain  (RefFilter        *ref,
                                guint32           audit_arch,
                                gint32            nr,
                                const guint64     args[6],
                                int              *rule_index);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RefFilter, ref_filter_free)

G_END_DECLS
