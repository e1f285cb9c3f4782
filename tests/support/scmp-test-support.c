/* scmp-test-support.c: deserialising, disassembling and the kernel's action-cache
 * emulation, for tests and the benchmark
 *
 * SPDX-FileCopyrightText: 2026 The scmp-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "scmp-test-support.h"

#include "scmp-bpf-private.h"

#include <linux/seccomp.h>

static guint32
get_u32 (const guint8 *p,
         gboolean      big_endian)
{
  if (big_endian)
    return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) |
           ((guint32) p[2] << 8) | (guint32) p[3];
  return ((guint32) p[3] << 24) | ((guint32) p[2] << 16) |
         ((guint32) p[1] << 8) | (guint32) p[0];
}

static guint16
get_u16 (const guint8 *p,
         gboolean      big_endian)
{
  if (big_endian)
    return ((guint16) p[0] << 8) | p[1];
  return ((guint16) p[1] << 8) | p[0];
}

/* Returns NULL (and 0 in @n_insns) when @bytes is empty or its size is not
 * a multiple of 8. */
struct sock_filter *
test_bpf_deserialize (GBytes   *bytes,
                       gboolean  big_endian,
                       gsize    *n_insns)
{
  const guint8 *data;
  gsize size, n, i;
  struct sock_filter *prog;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (n_insns != NULL, NULL);

  *n_insns = 0;
  data = g_bytes_get_data (bytes, &size);
  if (size == 0 || size % 8 != 0)
    return NULL;

  n = size / 8;
  prog = g_new (struct sock_filter, n);
  for (i = 0; i < n; i++)
    {
      const guint8 *p = data + 8 * i;

      prog[i].code = get_u16 (p, big_endian);
      prog[i].jt = p[2];
      prog[i].jf = p[3];
      prog[i].k = get_u32 (p + 4, big_endian);
    }

  *n_insns = n;
  return prog;
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

static const char *
alu_mnemonic (guint16 op)
{
  switch (op)
    {
    case BPF_ADD: return "add";
    case BPF_SUB: return "sub";
    case BPF_MUL: return "mul";
    case BPF_DIV: return "div";
    case BPF_MOD: return "mod";
    case BPF_AND: return "and";
    case BPF_OR:  return "or";
    case BPF_XOR: return "xor";
    case BPF_LSH: return "lsh";
    case BPF_RSH: return "rsh";
    default:      return NULL;
    }
}

static const char *
jmp_mnemonic (guint16 op)
{
  switch (op)
    {
    case BPF_JEQ:  return "jeq";
    case BPF_JGT:  return "jgt";
    case BPF_JGE:  return "jge";
    case BPF_JSET: return "jset";
    default:       return NULL;
    }
}

/* Notation of the kernel's tools/bpf (bpf_asm, bpf_dbg), with absolute
 * jump targets: "ld [4]", "jeq #0xc000003e jt 3 jf 10", "ja 12",
 * "ret #0x7fff0000", "ret a". Anything else is shown raw as
 * ".insn code=0x.. jt .. jf .. k 0x..". */
char *
test_bpf_disassemble (const struct sock_filter *insn,
                       guint                     pc)
{
  guint16 code;
  guint32 k;
  guint64 next;

  g_return_val_if_fail (insn != NULL, NULL);

  code = insn->code;
  k = insn->k;
  next = (guint64) pc + 1;

  switch (code)
    {
    case BPF_LD | BPF_W | BPF_ABS:
      return g_strdup_printf ("ld [%u]", k);
    case BPF_LD | BPF_W | BPF_LEN:
      return g_strdup ("ld #len");
    case BPF_LDX | BPF_W | BPF_LEN:
      return g_strdup ("ldx #len");
    case BPF_LD | BPF_IMM:
      return g_strdup_printf ("ld #0x%x", k);
    case BPF_LDX | BPF_IMM:
      return g_strdup_printf ("ldx #0x%x", k);
    case BPF_LD | BPF_MEM:
      return g_strdup_printf ("ld M[%u]", k);
    case BPF_LDX | BPF_MEM:
      return g_strdup_printf ("ldx M[%u]", k);
    case BPF_ST:
      return g_strdup_printf ("st M[%u]", k);
    case BPF_STX:
      return g_strdup_printf ("stx M[%u]", k);
    case BPF_ALU | BPF_NEG:
      return g_strdup ("neg");
    case BPF_MISC | BPF_TAX:
      return g_strdup ("tax");
    case BPF_MISC | BPF_TXA:
      return g_strdup ("txa");
    case BPF_RET | BPF_K:
      return g_strdup_printf ("ret #0x%x", k);
    case BPF_RET | BPF_A:
      return g_strdup ("ret a");
    case BPF_JMP | BPF_JA:
      return g_strdup_printf ("ja %" G_GUINT64_FORMAT, next + k);
    default:
      break;
    }

  if (BPF_CLASS (code) == BPF_ALU && code <= 0xff)
    {
      const char *m = alu_mnemonic (BPF_OP (code));

      if (m != NULL)
        {
          if (BPF_SRC (code) == BPF_X)
            return g_strdup_printf ("%s x", m);
          return g_strdup_printf ("%s #0x%x", m, k);
        }
    }
  else if (BPF_CLASS (code) == BPF_JMP && code <= 0xff)
    {
      const char *m = jmp_mnemonic (BPF_OP (code));

      if (m != NULL)
        {
          guint64 jt = next + insn->jt, jf = next + insn->jf;

          if (BPF_SRC (code) == BPF_X)
            return g_strdup_printf ("%s x jt %" G_GUINT64_FORMAT
                                    " jf %" G_GUINT64_FORMAT, m, jt, jf);
          return g_strdup_printf ("%s #0x%x jt %" G_GUINT64_FORMAT
                                  " jf %" G_GUINT64_FORMAT, m, k, jt, jf);
        }
    }

  return g_strdup_printf (".insn code=0x%04x jt %u jf %u k 0x%x",
                          code, insn->jt, insn->jf, k);
}

