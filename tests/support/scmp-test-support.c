/* scmp-test-support.c: deserialising, disassembling and the kernel's action-cache
 * emulation, for tests and the benchmark (the first two are the library's)
 *
 * SPDX-FileCopyrightText: 2026 The scmp-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "scmp-test-support.h"

#include "scmp-bpf-private.h"

#include <linux/seccomp.h>

/* Returns NULL (and 0 in @n_insns) when @bytes is empty or its size is not
 * a multiple of 8. The library's own reader, shared with
 * scmp_bpf_disassemble(). */
struct sock_filter *
test_bpf_deserialize (GBytes   *bytes,
                       gboolean  big_endian,
                       gsize    *n_insns)
{
  const guint8 *data;
  gsize size;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (n_insns != NULL, NULL);

  data = g_bytes_get_data (bytes, &size);
  return _scmp_bpf_deserialize (data, size, big_endian, n_insns);
}

/* A copy of seccomp_is_const_allow() (kernel/seccomp.c, Linux 6.12), minus
 * seccomp_uprobe_exception(), which depends on the kernel's native ABI and
 * not on the program. The kernel runs it only on checked programs; pc is
 * 64-bit here so that a huge JA offset in an unchecked one ends the loop
 * instead of wrapping around. */
gboolean
test_bpf_is_const_allow (const struct sock_filter *prog,
                          gsize                     n_insns,
                          guint32                   arch,
                          gint32                    nr)
{
  guint32 reg_value = 0;
  guint64 pc;

  g_return_val_if_fail (prog != NULL || n_insns == 0, FALSE);

  for (pc = 0; pc < n_insns; pc++)
    {
      const struct sock_filter *insn = &prog[pc];
      guint16 code = insn->code;
      guint32 k = insn->k;
      gboolean op_res;

      switch (code)
        {
        case BPF_LD | BPF_W | BPF_ABS:
          switch (k)
            {
            case SCMP_BPF_OFF_NR:
              reg_value = (guint32) nr;
              break;
            case SCMP_BPF_OFF_ARCH:
              reg_value = arch;
              break;
            default:
              return FALSE;  /* non-constant value load */
            }
          break;
        case BPF_RET | BPF_K:
          return k == SECCOMP_RET_ALLOW;
        case BPF_JMP | BPF_JA:
          pc += k;
          break;
        case BPF_JMP | BPF_JEQ | BPF_K:
        case BPF_JMP | BPF_JGE | BPF_K:
        case BPF_JMP | BPF_JGT | BPF_K:
        case BPF_JMP | BPF_JSET | BPF_K:
          switch (BPF_OP (code))
            {
            case BPF_JEQ:
              op_res = reg_value == k;
              break;
            case BPF_JGE:
              op_res = reg_value >= k;
              break;
            case BPF_JGT:
              op_res = reg_value > k;
              break;
            case BPF_JSET:
            default:
              op_res = (reg_value & k) != 0;
              break;
            }
          pc += op_res ? insn->jt : insn->jf;
          break;
        case BPF_ALU | BPF_AND | BPF_K:
          reg_value &= k;
          break;
        default:
          return FALSE;  /* anything else is not understood */
        }
    }

  return FALSE;  /* ran off the end */
}

/* The library's formatter (scmp_bpf_disassemble() uses it too), with
 * jump targets as bare indices. */
char *
test_bpf_disassemble (const struct sock_filter *insn,
                       guint                     pc)
{
  g_return_val_if_fail (insn != NULL, NULL);

  return _scmp_bpf_format_insn (insn, pc, "");
}
