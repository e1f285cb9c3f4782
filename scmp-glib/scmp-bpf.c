/* scmp-bpf.c: classic-BPF programs — checking, byte order, running
 *
 * SPDX-FileCopyrightText: 2026 The scmp-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "scmp-bpf-private.h"
#include "scmp-error.h"

#include <string.h>

#include <linux/filter.h>
#include <linux/seccomp.h>

/* Everything here follows Linux 6.12: net/core/filter.c (bpf_check_classic,
 * check_load_and_stores, bpf_convert_filter), kernel/seccomp.c
 * (seccomp_check_filter, seccomp_is_const_allow) and kernel/bpf/core.c (the
 * interpreter the converted program runs on). */

#define SECCOMP_DATA_SIZE 64
#define MEM_WORDS         BPF_MEMWORDS  /* 16 */

/* The jumps with a true and a false offset. */
static gboolean
is_cond_jump (guint16 code)
{
  switch (code)
    {
    case BPF_JMP | BPF_JEQ | BPF_K:
    case BPF_JMP | BPF_JEQ | BPF_X:
    case BPF_JMP | BPF_JGE | BPF_K:
    case BPF_JMP | BPF_JGE | BPF_X:
    case BPF_JMP | BPF_JGT | BPF_K:
    case BPF_JMP | BPF_JGT | BPF_X:
    case BPF_JMP | BPF_JSET | BPF_K:
    case BPF_JMP | BPF_JSET | BPF_X:
      return TRUE;
    default:
      return FALSE;
    }
}

/* The exact opcodes seccomp_check_filter() lets through (before its own
 * rewriting of LD ABS and LEN). Note that BPF_MOD is *not* among them:
 * bpf_check_classic() accepts it, seccomp refuses it. */
gboolean
_scmp_bpf_opcode_allowed (guint16 code)
{
  switch (code)
    {
    case BPF_LD | BPF_W | BPF_ABS:
    case BPF_LD | BPF_W | BPF_LEN:
    case BPF_LDX | BPF_W | BPF_LEN:
    case BPF_RET | BPF_K:
    case BPF_RET | BPF_A:
    case BPF_ALU | BPF_ADD | BPF_K:
    case BPF_ALU | BPF_ADD | BPF_X:
    case BPF_ALU | BPF_SUB | BPF_K:
    case BPF_ALU | BPF_SUB | BPF_X:
    case BPF_ALU | BPF_MUL | BPF_K:
    case BPF_ALU | BPF_MUL | BPF_X:
    case BPF_ALU | BPF_DIV | BPF_K:
    case BPF_ALU | BPF_DIV | BPF_X:
    case BPF_ALU | BPF_AND | BPF_K:
    case BPF_ALU | BPF_AND | BPF_X:
    case BPF_ALU | BPF_OR | BPF_K:
    case BPF_ALU | BPF_OR | BPF_X:
    case BPF_ALU | BPF_XOR | BPF_K:
    case BPF_ALU | BPF_XOR | BPF_X:
    case BPF_ALU | BPF_LSH | BPF_K:
    case BPF_ALU | BPF_LSH | BPF_X:
    case BPF_ALU | BPF_RSH | BPF_K:
    case BPF_ALU | BPF_RSH | BPF_X:
    case BPF_ALU | BPF_NEG:
    case BPF_LD | BPF_IMM:
    case BPF_LDX | BPF_IMM:
    case BPF_MISC | BPF_TAX:
    case BPF_MISC | BPF_TXA:
    case BPF_LD | BPF_MEM:
    case BPF_LDX | BPF_MEM:
    case BPF_ST:
    case BPF_STX:
    case BPF_JMP | BPF_JA:
      return TRUE;
    default:
      return is_cond_jump (code);
    }
}

static inline void
put_u32 (guint8   *p,
         guint32   v,
         gboolean  big_endian)
{
  if (big_endian)
    {
      p[0] = v >> 24;
      p[1] = v >> 16;
      p[2] = v >> 8;
      p[3] = v;
    }
  else
    {
      p[0] = v;
      p[1] = v >> 8;
      p[2] = v >> 16;
      p[3] = v >> 24;
    }
}

static inline guint32
get_u32 (const guint8 *p,
         gboolean      big_endian)
{
  if (big_endian)
    return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) |
           ((guint32) p[2] << 8) | (guint32) p[3];
  else
    return ((guint32) p[3] << 24) | ((guint32) p[2] << 16) |
           ((guint32) p[1] << 8) | (guint32) p[0];
}

static inline guint16
get_u16 (const guint8 *p,
         gboolean      big_endian)
{
  if (big_endian)
    return ((guint16) p[0] << 8) | p[1];
  else
    return ((guint16) p[1] << 8) | p[0];
}

static inline void
put_u16 (guint8   *p,
         guint16   v,
         gboolean  big_endian)
{
  if (big_endian)
    {
      p[0] = v >> 8;
      p[1] = v;
    }
  else
    {
      p[0] = v;
      p[1] = v >> 8;
    }
}

static inline void
put_u64 (guint8   *p,
         guint64   v,
         gboolean  big_endian)
{
  if (big_endian)
    {
      put_u32 (p, v >> 32, TRUE);
      put_u32 (p + 4, (guint32) v, TRUE);
    }
  else
    {
      put_u32 (p, (guint32) v, FALSE);
      put_u32 (p + 4, v >> 32, FALSE);
    }
}

/* struct seccomp_data as it sits in the memory of a machine with the
 * given byte order. A 32-bit load at offset k is then simply the word at
 * k in that order, which gives the high/low word rule for 64-bit fields. */
static void
layout_data (const ScmpBpfData *data,
             gboolean           big_endian,
             guint8             out[SECCOMP_DATA_SIZE])
{
  guint i;

  put_u32 (out + SCMP_BPF_OFF_NR, (guint32) data->nr, big_endian);
  put_u32 (out + SCMP_BPF_OFF_ARCH, data->arch, big_endian);
  put_u64 (out + SCMP_BPF_OFF_IP, data->instruction_pointer, big_endian);
  for (i = 0; i < 6; i++)
    put_u64 (out + SCMP_BPF_OFF_ARGS + 8 * i, data->args[i], big_endian);
}

ScmpBpfResult
_scmp_bpf_run (const struct sock_filter *prog,
               gsize                     n_insns,
               const ScmpBpfData        *data,
               gboolean                  big_endian)
{
  ScmpBpfResult result = { 0, 0, FALSE };
  guint8 bytes[SECCOMP_DATA_SIZE];
  guint32 A = 0, X = 0;          /* the kernel clears both before running */
  guint32 mem[MEM_WORDS] = { 0 };
  guint32 mem_valid = 0;
  guint64 pc = 0;

  g_return_val_if_fail (prog != NULL || n_insns == 0, result);
  g_return_val_if_fail (data != NULL, result);

  layout_data (data, big_endian, bytes);

  /* Every jump goes forward and every other instruction advances by one,
   * so pc strictly increases: at most n_insns iterations. */
  for (;;)
    {
      const struct sock_filter *insn;
      guint32 k;

      if (pc >= n_insns)
        goto fail;  /* fell off the end, or jumped out of the program */

      insn = &prog[pc];
      k = insn->k;
      result.n_executed++;

      switch (insn->code)
        {
        /* Loads. */
        case BPF_LD | BPF_W | BPF_ABS:
          if (k >= SECCOMP_DATA_SIZE || (k & 3) != 0)
            goto fail;
          A = get_u32 (bytes + k, big_endian);
          break;
        case BPF_LD | BPF_W | BPF_LEN:
          A = SECCOMP_DATA_SIZE;
          break;
        case BPF_LDX | BPF_W | BPF_LEN:
          X = SECCOMP_DATA_SIZE;
          break;
        case BPF_LD | BPF_IMM:
          A = k;
          break;
        case BPF_LDX | BPF_IMM:
          X = k;
          break;
        case BPF_LD | BPF_MEM:
          if (k >= MEM_WORDS || (mem_valid & (1u << k)) == 0)
            goto fail;
          A = mem[k];
          break;
        case BPF_LDX | BPF_MEM:
          if (k >= MEM_WORDS || (mem_valid & (1u << k)) == 0)
            goto fail;
          X = mem[k];
          break;

        /* Stores. */
        case BPF_ST:
          if (k >= MEM_WORDS)
            goto fail;
          mem[k] = A;
          mem_valid |= 1u << k;
          break;
        case BPF_STX:
          if (k >= MEM_WORDS)
            goto fail;
          mem[k] = X;
          mem_valid |= 1u << k;
          break;

        /* ALU, 32 bits, wrapping. */
        case BPF_ALU | BPF_ADD | BPF_K: A += k; break;
        case BPF_ALU | BPF_ADD | BPF_X: A += X; break;
        case BPF_ALU | BPF_SUB | BPF_K: A -= k; break;
        case BPF_ALU | BPF_SUB | BPF_X: A -= X; break;
        case BPF_ALU | BPF_MUL | BPF_K: A *= k; break;
        case BPF_ALU | BPF_MUL | BPF_X: A *= X; break;
        case BPF_ALU | BPF_AND | BPF_K: A &= k; break;
        case BPF_ALU | BPF_AND | BPF_X: A &= X; break;
        case BPF_ALU | BPF_OR | BPF_K:  A |= k; break;
        case BPF_ALU | BPF_OR | BPF_X:  A |= X; break;
        case BPF_ALU | BPF_XOR | BPF_K: A ^= k; break;
        case BPF_ALU | BPF_XOR | BPF_X: A ^= X; break;
        case BPF_ALU | BPF_NEG:         A = -A; break;
        case BPF_ALU | BPF_DIV | BPF_K:
          if (k == 0)
            goto fail;  /* refused by bpf_check_classic() */
          A /= k;
          break;
        case BPF_ALU | BPF_DIV | BPF_X:
          /* bpf_convert_filter() turns this into "if X == 0, return 0":
           * a valid program that ends there (KILL_THREAD), not an error. */
          if (X == 0)
            return result;
          A /= X;
          break;
        case BPF_ALU | BPF_LSH | BPF_K:
          if (k >= 32)
            goto fail;  /* refused by bpf_check_classic() */
          A <<= k;
          break;
        case BPF_ALU | BPF_RSH | BPF_K:
          if (k >= 32)
            goto fail;
          A >>= k;
          break;
        /* kernel/bpf/core.c and the JITs mask a 32-bit shift count by 31. */
        case BPF_ALU | BPF_LSH | BPF_X: A <<= (X & 31); break;
        case BPF_ALU | BPF_RSH | BPF_X: A >>= (X & 31); break;

        case BPF_MISC | BPF_TAX: X = A; break;
        case BPF_MISC | BPF_TXA: A = X; break;

        /* Jumps: targets are relative to pc + 1; they can only go forward. */
        case BPF_JMP | BPF_JA:
          pc += (guint64) k + 1;
          continue;
        case BPF_JMP | BPF_JEQ | BPF_K:
          pc += 1 + (A == k ? insn->jt : insn->jf);
          continue;
        case BPF_JMP | BPF_JEQ | BPF_X:
          pc += 1 + (A == X ? insn->jt : insn->jf);
          continue;
        case BPF_JMP | BPF_JGT | BPF_K:
          pc += 1 + (A > k ? insn->jt : insn->jf);
          continue;
        case BPF_JMP | BPF_JGT | BPF_X:
          pc += 1 + (A > X ? insn->jt : insn->jf);
          continue;
        case BPF_JMP | BPF_JGE | BPF_K:
          pc += 1 + (A >= k ? insn->jt : insn->jf);
          continue;
        case BPF_JMP | BPF_JGE | BPF_X:
          pc += 1 + (A >= X ? insn->jt : insn->jf);
          continue;
        case BPF_JMP | BPF_JSET | BPF_K:
          pc += 1 + ((A & k) != 0 ? insn->jt : insn->jf);
          continue;
        case BPF_JMP | BPF_JSET | BPF_X:
          pc += 1 + ((A & X) != 0 ? insn->jt : insn->jf);
          continue;

        case BPF_RET | BPF_K:
          result.ret = k;
          return result;
        case BPF_RET | BPF_A:
          result.ret = A;
          return result;

        default:
          /* Includes BPF_MOD, byte/half-word and indirect loads: valid
           * classic BPF, but not allowed in a seccomp filter. */
          goto fail;
        }

      pc++;
    }

fail:
  result.ret = 0;
  result.error = TRUE;
  return result;
}

static const char *
opcode_name (guint16 code)
{
  switch (code)
    {
    case BPF_LD | BPF_W | BPF_ABS:   return "ld [k]";
    case BPF_LD | BPF_W | BPF_LEN:   return "ld #len";
    case BPF_LDX | BPF_W | BPF_LEN:  return "ldx #len";
    case BPF_LD | BPF_IMM:           return "ld #k";
    case BPF_LDX | BPF_IMM:          return "ldx #k";
    case BPF_LD | BPF_MEM:           return "ld M[k]";
    case BPF_LDX | BPF_MEM:          return "ldx M[k]";
    case BPF_ST:                     return "st M[k]";
    case BPF_STX:                    return "stx M[k]";
    case BPF_ALU | BPF_DIV | BPF_K:  return "div #k";
    case BPF_ALU | BPF_MOD | BPF_K:  return "mod #k";
    case BPF_ALU | BPF_MOD | BPF_X:  return "mod x";
    case BPF_ALU | BPF_LSH | BPF_K:  return "lsh #k";
    case BPF_ALU | BPF_RSH | BPF_K:  return "rsh #k";
    case BPF_LD | BPF_H | BPF_ABS:   return "ldh [k]";
    case BPF_LD | BPF_B | BPF_ABS:   return "ldb [k]";
    case BPF_LD | BPF_W | BPF_IND:   return "ld [x + k]";
    case BPF_LD | BPF_H | BPF_IND:   return "ldh [x + k]";
    case BPF_LD | BPF_B | BPF_IND:   return "ldb [x + k]";
    case BPF_LDX | BPF_B | BPF_MSH:  return "ldxb 4*([k]&0xf)";
    case BPF_JMP | BPF_JA:           return "ja";
    default:                         return NULL;
    }
}

static gboolean
fail_at (GError    **error,
         gsize       pc,
         const char *format,
         ...) G_GNUC_PRINTF (3, 4);

static gboolean
fail_at (GError    **error,
         gsize       pc,
         const char *format,
         ...)
{
  va_list args;
  char *reason;

  va_start (args, format);
  reason = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, SCMP_ERROR, SCMP_ERROR_FAILED,
               "Invalid seccomp program at instruction %" G_GSIZE_FORMAT ": %s",
               pc, reason);
  g_free (reason);
  return FALSE;
}

/* check_load_and_stores(): a scratch cell may only be read when every path
 * to the reading instruction has written it. Path-insensitive, exactly as
 * the kernel computes it. */
static gboolean
check_load_and_stores (const struct sock_filter *prog,
                       gsize                     n_insns,
                       GError                  **error)
{
  guint16 *masks;
  guint16 memvalid = 0;
  gsize pc;
  gboolean ok = TRUE;

  masks = g_new (guint16, n_insns);
  memset (masks, 0xff, n_insns * sizeof (guint16));

  for (pc = 0; pc < n_insns && ok; pc++)
    {
      const struct sock_filter *insn = &prog[pc];

      memvalid &= masks[pc];

      switch (insn->code)
        {
        case BPF_ST:
        case BPF_STX:
          memvalid |= 1u << insn->k;
          break;
        case BPF_LD | BPF_MEM:
        case BPF_LDX | BPF_MEM:
          if ((memvalid & (1u << insn->k)) == 0)
            ok = fail_at (error, pc,
                          "%s reads scratch memory M[%u], which is not "
                          "written on every path leading to it",
                          insn->code == (BPF_LD | BPF_MEM) ? "ld" : "ldx",
                          insn->k);
          break;
        case BPF_JMP | BPF_JA:
          masks[pc + 1 + insn->k] &= memvalid;
          memvalid = 0xffff;
          break;
        default:
          if (is_cond_jump (insn->code))
            {
              masks[pc + 1 + insn->jt] &= memvalid;
              masks[pc + 1 + insn->jf] &= memvalid;
              memvalid = 0xffff;
            }
          break;
        }
    }

  g_free (masks);
  return ok;
}

gboolean
_scmp_bpf_validate (const struct sock_filter *prog,
                    gsize                     n_insns,
                    GError                  **error)
{
  gsize pc;
  gboolean uses_memory = FALSE;

  g_return_val_if_fail (prog != NULL || n_insns == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (n_insns == 0 || n_insns > SCMP_BPF_MAX_INSNS)
    {
      g_set_error (error, SCMP_ERROR, SCMP_ERROR_FAILED,
                   "Invalid seccomp program: it has %" G_GSIZE_FORMAT
                   " instructions, the kernel accepts 1 to %d",
                   n_insns, SCMP_BPF_MAX_INSNS);
      return FALSE;
    }

  for (pc = 0; pc < n_insns; pc++)
    {
      const struct sock_filter *insn = &prog[pc];
      guint32 k = insn->k;

      if (!_scmp_bpf_opcode_allowed (insn->code))
        {
          const char *name = opcode_name (insn->code);

          if (name != NULL)
            return fail_at (error, pc,
                            "opcode 0x%04x (%s) is classic BPF but not "
                            "allowed in a seccomp filter",
                            insn->code, name);
          return fail_at (error, pc, "unknown or disallowed opcode 0x%04x",
                          insn->code);
        }

      switch (insn->code)
        {
        case BPF_LD | BPF_W | BPF_ABS:
          if (k >= SECCOMP_DATA_SIZE)
            return fail_at (error, pc,
                            "ld [%u] reads outside struct seccomp_data "
                            "(%d bytes)", k, SECCOMP_DATA_SIZE);
          if ((k & 3) != 0)
            return fail_at (error, pc,
                            "ld [%u] is not aligned to 4 bytes", k);
          break;
        case BPF_ALU | BPF_DIV | BPF_K:
          if (k == 0)
            return fail_at (error, pc, "division by the constant 0");
          break;
        case BPF_ALU | BPF_LSH | BPF_K:
        case BPF_ALU | BPF_RSH | BPF_K:
          if (k >= 32)
            return fail_at (error, pc, "shift by %u, the limit is 31", k);
          break;
        case BPF_LD | BPF_MEM:
        case BPF_LDX | BPF_MEM:
        case BPF_ST:
        case BPF_STX:
          if (k >= MEM_WORDS)
            return fail_at (error, pc,
                            "scratch memory index %u is out of range "
                            "(M[0] to M[%d])", k, MEM_WORDS - 1);
          uses_memory = TRUE;
          break;
        case BPF_JMP | BPF_JA:
          if (k >= n_insns - pc - 1)
            return fail_at (error, pc,
                            "ja +%u jumps to %" G_GUINT64_FORMAT
                            ", outside the program (%" G_GSIZE_FORMAT
                            " instructions)",
                            k, (guint64) pc + 1 + k, n_insns);
          break;
        default:
          if (is_cond_jump (insn->code))
            {
              if (pc + 1 + insn->jt >= n_insns)
                return fail_at (error, pc,
                                "the true branch jumps to %" G_GSIZE_FORMAT
                                ", outside the program (%" G_GSIZE_FORMAT
                                " instructions)",
                                pc + 1 + insn->jt, n_insns);
              if (pc + 1 + insn->jf >= n_insns)
                return fail_at (error, pc,
                                "the false branch jumps to %" G_GSIZE_FORMAT
                                ", outside the program (%" G_GSIZE_FORMAT
                                " instructions)",
                                pc + 1 + insn->jf, n_insns);
            }
          break;
        }
    }

  switch (prog[n_insns - 1].code)
    {
    case BPF_RET | BPF_K:
    case BPF_RET | BPF_A:
      break;
    default:
      return fail_at (error, n_insns - 1,
                      "the last instruction is not a return");
    }

  /* (A program without scratch memory, as the compiler's are, has no
   * load to check.) */
  return !uses_memory || check_load_and_stores (prog, n_insns, error);
}

GBytes *
_scmp_bpf_serialize (const struct sock_filter *prog,
                     gsize                     n_insns,
                     gboolean                  big_endian)
{
  guint8 *buf;
  gsize i;

  g_return_val_if_fail (prog != NULL || n_insns == 0, NULL);
  g_return_val_if_fail (n_insns <= G_MAXSIZE / 8, NULL);

  buf = g_malloc (n_insns * 8);
  for (i = 0; i < n_insns; i++)
    {
      guint8 *p = buf + 8 * i;

      put_u16 (p, prog[i].code, big_endian);
      p[2] = prog[i].jt;
      p[3] = prog[i].jf;
      put_u32 (p + 4, prog[i].k, big_endian);
    }

  return g_bytes_new_take (buf, n_insns * 8);
}

struct sock_filter *
_scmp_bpf_deserialize (const guint8 *data,
                       gsize         size,
                       gboolean      big_endian,
                       gsize        *n_insns)
{
  struct sock_filter *prog;
  gsize n, i;

  g_return_val_if_fail (data != NULL || size == 0, NULL);
  g_return_val_if_fail (n_insns != NULL, NULL);

  *n_insns = 0;
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
