/* scmp-bpf-private.h: classic-BPF programs — building, byte order, running
 *
 * SPDX-FileCopyrightText: 2026 The scmp-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <glib.h>
#include <linux/filter.h>

G_BEGIN_DECLS

/* The kernel's limit per filter (BPF_MAXINSNS). */
#define SCMP_BPF_MAX_INSNS 4096

/* Offsets inside struct seccomp_data. */
#define SCMP_BPF_OFF_NR     0
#define SCMP_BPF_OFF_ARCH   4
#define SCMP_BPF_OFF_IP     8
#define SCMP_BPF_OFF_ARGS  16

/* The input of a filter, exactly as the kernel lays out struct seccomp_data. */
typedef struct {
  gint32  nr;
  guint32 arch;
  guint64 instruction_pointer;
  guint64 args[6];
} ScmpBpfData;

/* Result of running a program. */
typedef struct {
  guint32 ret;           /* the value the program returned */
  guint   n_executed;    /* instructions executed, RET included */
  gboolean error;        /* the program was invalid (fell off the end,
                            bad load, jump out of range; a division by
                            X = 0 is not one: it returns 0, as the
                            kernel's program does) */
} ScmpBpfResult;

/* Runs @prog (instructions in host order) over @data as the kernel of an
 * ABI with the given byte order would: a 32-bit load at 16 + 8*i reads the
 * low word of args[i] on little endian and the high word on big endian
 * (+4 the other half). Scratch memory M[16], X register, ALU as cBPF. */
ScmpBpfResult _scmp_bpf_run            (const struct sock_filter *prog,
                                        gsize                     n_insns,
                                        const ScmpBpfData        *data,
                                        gboolean                  big_endian);

/* Checks @prog as the kernel's seccomp_check_filter() + sk_chk_filter()
 * would: allowed opcodes, aligned in-bounds loads, jumps in range, ends in
 * RET. Returns FALSE with a reason in @error (SCMP_ERROR_FAILED). */
gboolean      _scmp_bpf_validate       (const struct sock_filter *prog,
                                        gsize                     n_insns,
                                        GError                  **error);

/* Whether seccomp_check_filter() takes the opcode @code (BPF_MOD, the
 * 16- and 8-bit loads, indirect loads are classic BPF it refuses). */
gboolean      _scmp_bpf_opcode_allowed (guint16                   code);

/* Serializes @prog to the wire layout of struct sock_filter in the given
 * byte order (code u16, jt u8, jf u8, k u32). */
GBytes       *_scmp_bpf_serialize      (const struct sock_filter *prog,
                                        gsize                     n_insns,
                                        gboolean                  big_endian);

/* The reverse of _scmp_bpf_serialize(): @size bytes of struct sock_filter
 * in the given byte order → a host-order array of *@n_insns instructions
 * (free it with g_free()). NULL and 0 when @size is 0 or not a multiple
 * of 8. */
struct sock_filter *_scmp_bpf_deserialize (const guint8 *data,
                                           gsize         size,
                                           gboolean      big_endian,
                                           gsize        *n_insns);

/* One instruction in the notation of the kernel's tools/bpf (bpf_asm,
 * bpf_dbg), with absolute jump targets, each written as @target_prefix
 * followed by its index: with "" "jeq #0xc000003e jt 3 jf 10", with "L"
 * "jeq #0xc000003e jt L3 jf L10"; also "ld [4]", "ldh [x + 2]", "ja 12",
 * "ret #0x7fff0000", "ret a". An opcode classic BPF does not have is shown raw, as
 * ".insn code=0x1234 jt 0 jf 0 k 0x7". @pc is the index of @insn, which
 * the targets are relative to. Free the result with g_free(). */
char               *_scmp_bpf_format_insn (const struct sock_filter *insn,
                                           guint                     pc,
                                           const char               *target_prefix);

G_END_DECLS
