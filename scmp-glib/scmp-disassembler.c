/* scmp-disassembler.c: readable listings of seccomp BPF programs
 *
 * SPDX-FileCopyrightText: 2026 The scmp-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "scmp-disassembler.h"

#include "scmp-arch-private.h"
#include "scmp-bpf-private.h"
#include "scmp-error.h"

#include <linux/filter.h>
#include <linux/seccomp.h>

/**
 * SECTION:scmp-disassembler
 * @title: Disassembly
 * @short_description: a readable listing of a seccomp BPF program
 *
 * scmp_bpf_disassemble() lists any classic-BPF seccomp program, one
 * instruction a line, in the notation of the kernel's `tools/bpf`
 * (bpf_asm, bpf_dbg). Jump targets are labels (`L12`), and a label line
 * comes before each instruction a jump goes to. Comments after `;` say
 * what the program looks at and decides: which field of `struct
 * seccomp_data` a load reads (the syscall number, the architecture, the
 * low or high word of an argument, in the byte order of the ABI), the
 * architecture an `AUDIT_ARCH_*` constant stands for, the name of a
 * syscall number on the ABI the program has established on that path,
 * and the action a return gives. It works on the programs of
 * scmp_filter_export_bpf(), of libseccomp's `seccomp_export_bpf` and on
 * hand-written ones; a program the kernel would refuse is listed too,
 * with its faults (a jump past the end, an opcode classic BPF does not
 * have, one seccomp refuses) said in comments.
 *
 * The listing of a filter for x86_64 and x32 that allows read(2) and
 * openat(2) and returns ERRNO(1) for the rest (scmp_filter_new() with
 * scmp_action_new_errno(), then scmp_filter_add_arch() for x32 and a rule
 * for each syscall):
 *
 * |[
 *   0000: ld [4]                             ; architecture
 *   0001: jeq #0xc000003e jt L3 jf L2        ; x86_64 or x32
 * L2:
 *   0002: ret #0x80000000                    ; KILL_PROCESS
 * L3:
 *   0003: ld [0]                             ; syscall number
 *   0004: jset #0x40000000 jt L7 jf L5       ; x32 syscall bit
 * L5:
 *   0005: jge #0x1 jt L6 jf L10              ; nr >= 1 (write)
 * L6:
 *   0006: jeq #0x101 jt L10 jf L9            ; openat
 * L7:
 *   0007: jge #0x40000001 jt L8 jf L10       ; nr >= 0x40000001 (write)
 * L8:
 *   0008: jeq #0x40000101 jt L10 jf L9       ; openat
 * L9:
 *   0009: ret #0x50001                       ; ERRNO(1)
 * L10:
 *   0010: ret #0x7fff0000                    ; ALLOW
 * ]|
 *
 * To know a syscall number's name, the disassembler follows what the
 * program has found out on each path (classic BPF only jumps forward):
 * after `ld [4]`, the taken branch of `jeq #k` knows the architecture is
 * the one `k` stands for; on AUDIT_ARCH_X86_64, a test of the x32 bit of
 * the syscall number tells x32 from x86_64. Where paths meet, what they
 * disagree on is no longer known; a number whose ABI is not known goes
 * unnamed. A program
 * that never tests the architecture is read as one for the ABI the
 * caller gives.
 */

/* --- one instruction ------------------------------------------------------ */

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

/* The conditional jumps _scmp_bpf_format_insn() knows, which are all
 * that classic BPF has. */
static gboolean
is_known_cond_jump (guint16 code)
{
  return BPF_CLASS (code) == BPF_JMP && code <= 0xff &&
         jmp_mnemonic (BPF_OP (code)) != NULL;
}

char *
_scmp_bpf_format_insn (const struct sock_filter *insn,
                       guint                     pc,
                       const char               *target_prefix)
{
  guint16 code;
  guint32 k;
  guint64 next;
  const char *t = target_prefix;

  g_return_val_if_fail (insn != NULL, NULL);
  g_return_val_if_fail (target_prefix != NULL, NULL);

  code = insn->code;
  k = insn->k;
  /* 64 bits: "ja" with a huge k points far past the end, it does not wrap. */
  next = (guint64) pc + 1;

  switch (code)
    {
    case BPF_LD | BPF_W | BPF_ABS:
      return g_strdup_printf ("ld [%u]", k);
    case BPF_LD | BPF_H | BPF_ABS:
      return g_strdup_printf ("ldh [%u]", k);
    case BPF_LD | BPF_B | BPF_ABS:
      return g_strdup_printf ("ldb [%u]", k);
    case BPF_LD | BPF_W | BPF_IND:
      return g_strdup_printf ("ld [x + %u]", k);
    case BPF_LD | BPF_H | BPF_IND:
      return g_strdup_printf ("ldh [x + %u]", k);
    case BPF_LD | BPF_B | BPF_IND:
      return g_strdup_printf ("ldb [x + %u]", k);
    case BPF_LDX | BPF_B | BPF_MSH:
      return g_strdup_printf ("ldxb 4*([%u]&0xf)", k);
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
      return g_strdup_printf ("ja %s%" G_GUINT64_FORMAT, t, next + k);
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
  else if (is_known_cond_jump (code))
    {
      const char *m = jmp_mnemonic (BPF_OP (code));
      guint64 jt = next + insn->jt, jf = next + insn->jf;

      if (BPF_SRC (code) == BPF_X)
        return g_strdup_printf ("%s x jt %s%" G_GUINT64_FORMAT
                                " jf %s%" G_GUINT64_FORMAT, m, t, jt, t, jf);
      return g_strdup_printf ("%s #0x%x jt %s%" G_GUINT64_FORMAT
                              " jf %s%" G_GUINT64_FORMAT, m, k, t, jt, t, jf);
    }

  return g_strdup_printf (".insn code=0x%04x jt %u jf %u k 0x%x",
                          code, insn->jt, insn->jf, k);
}

/* --- what a path knows ---------------------------------------------------- */

/* What the accumulator holds, as far as naming goes: the load comments
 * already say which argument word a compare sees. */
typedef enum {
  VALUE_OTHER,
  VALUE_NR,
  VALUE_ARCH,
} ValueKind;

/* On AUDIT_ARCH_X86_64, whether the call is an x32 one. */
typedef enum {
  X32_UNDECIDED,
  X32_NO,
  X32_YES,
} X32Knowledge;

typedef struct {
  guint8  reached;
  guint8  a;           /* ValueKind */
  guint8  x32;         /* X32Knowledge, when audit_arch is AUDIT_ARCH_X86_64 */
  guint32 audit_arch;  /* seccomp_data.arch on every path here; 0 if not known
                        * (no ABI has 0) */
} PathState;

/* @into is what the paths met so far know; @from is one more path. */
static void
path_state_merge (PathState       *into,
                  const PathState *from)
{
  if (!into->reached)
    {
      *into = *from;
      return;
    }
  if (into->a != from->a)
    into->a = VALUE_OTHER;
  if (into->audit_arch != from->audit_arch)
    into->audit_arch = 0;
  if (into->x32 != from->x32)
    into->x32 = X32_UNDECIDED;
}

/* The ABI whose table names @nr on a path in @state, or UNKNOWN. */
static ScmpArchitecture
path_state_abi (const PathState *state,
                guint32          nr)
{
  if (state->audit_arch == 0)
    return SCMP_ARCHITECTURE_UNKNOWN;
  if (state->audit_arch == AUDIT_ARCH_X86_64)
    {
      switch (state->x32)
        {
        case X32_YES:
          return SCMP_ARCHITECTURE_X32;
        case X32_NO:
          return SCMP_ARCHITECTURE_X86_64;
        default:
          /* Every x32 number has the bit and no x86_64 number has it. */
          return (nr & SCMP_X32_SYSCALL_BIT) ? SCMP_ARCHITECTURE_X32 : SCMP_ARCHITECTURE_X86_64;
        }
    }
  return scmp_architecture_from_audit_arch (state->audit_arch);
}

/* The test of __X32_SYSCALL_BIT that tells x32 calls from x86_64 ones,
 * as scmp-glib (jset) and libseccomp (jge, jgt) write it. */
static gboolean
is_x32_bit_test (guint16 code,
                 guint32 k)
{
  switch (code)
    {
    case BPF_JMP | BPF_JSET | BPF_K:
    case BPF_JMP | BPF_JGE | BPF_K:
      return k == SCMP_X32_SYSCALL_BIT;
    case BPF_JMP | BPF_JGT | BPF_K:
      return k == SCMP_X32_SYSCALL_BIT - 1;
    default:
      return FALSE;
    }
}

/* --- comments ------------------------------------------------------------- */

static void
add_comment (GString    *comment,
             const char *format,
             ...) G_GNUC_PRINTF (2, 3);

static void
add_comment (GString    *comment,
             const char *format,
             ...)
{
  va_list args;

  if (comment->len > 0)
    g_string_append (comment, "; ");
  va_start (args, format);
  g_string_append_vprintf (comment, format, args);
  va_end (args);
}

static void
describe_load (GString  *comment,
               guint32   k,
               gboolean  big_endian)
{
  /* A word of a 64-bit field: on big endian the high word comes first. */
  const char *first_word = big_endian ? "high" : "low";
  const char *second_word = big_endian ? "low" : "high";

  if (k >= sizeof (ScmpBpfData) || k % 4 != 0)
    add_comment (comment, "not a word of seccomp_data");
  else if (k == SCMP_BPF_OFF_NR)
    add_comment (comment, "syscall number");
  else if (k == SCMP_BPF_OFF_ARCH)
    add_comment (comment, "architecture");
  else if (k < SCMP_BPF_OFF_ARGS)
    add_comment (comment, "instruction pointer, %s word",
                 k == SCMP_BPF_OFF_IP ? first_word : second_word);
  else
    add_comment (comment, "arg %u %s word", (k - SCMP_BPF_OFF_ARGS) / 8,
                 (k - SCMP_BPF_OFF_ARGS) % 8 == 0 ? first_word : second_word);
}

static void
describe_arch_constant (GString *comment,
                        guint32  audit_arch)
{
  ScmpArchitecture arch = scmp_architecture_from_audit_arch (audit_arch);

  if (audit_arch == AUDIT_ARCH_X86_64)
    add_comment (comment, "x86_64 or x32");
  else if (arch != SCMP_ARCHITECTURE_UNKNOWN)
    add_comment (comment, "%s", scmp_architecture_to_name (arch));
  else
    add_comment (comment, "not a known architecture");
}

static void
describe_nr_test (GString         *comment,
                  const PathState *state,
                  guint16          code,
                  guint32          k)
{
  ScmpArchitecture abi = path_state_abi (state, k);
  const char *name;
  g_autofree char *number = NULL;

  if (state->audit_arch == AUDIT_ARCH_X86_64 && is_x32_bit_test (code, k))
    {
      add_comment (comment, "x32 syscall bit");
      return;
    }

  if (code == (BPF_JMP | BPF_JEQ | BPF_K) && k == SCMP_NR_TRACER_SKIP)
    {
      add_comment (comment, "-1: a tracer skipped the call");
      return;
    }

  name = k <= G_MAXINT ? scmp_syscall_resolve_number (abi, (int) k) : NULL;
  /* Small numbers read best in decimal, x32 and MIPS ones in hex. */
  number = k < 0x10000 ? g_strdup_printf ("%u", k) : g_strdup_printf ("0x%x", k);

  switch (code)
    {
    case BPF_JMP | BPF_JEQ | BPF_K:
      if (name != NULL)
        add_comment (comment, "%s", name);
      break;
    case BPF_JMP | BPF_JGE | BPF_K:
      if (name != NULL)
        add_comment (comment, "nr >= %s (%s)", number, name);
      else
        add_comment (comment, "nr >= %s", number);
      break;
    case BPF_JMP | BPF_JGT | BPF_K:
      if (name != NULL)
        add_comment (comment, "nr > %s (%s)", number, name);
      else
        add_comment (comment, "nr > %s", number);
      break;
    default:
      break;
    }
}

static void
describe_action (GString *comment,
                 guint32  ret)
{
  guint data = ret & SECCOMP_RET_DATA;

  switch (ret & SECCOMP_RET_ACTION_FULL)
    {
    case SECCOMP_RET_KILL_PROCESS:
      add_comment (comment, "KILL_PROCESS");
      break;
    case SECCOMP_RET_KILL_THREAD:
      add_comment (comment, "KILL_THREAD");
      break;
    case SECCOMP_RET_TRAP:
      add_comment (comment, "TRAP(%u)", data);
      break;
    case SECCOMP_RET_ERRNO:
      add_comment (comment, "ERRNO(%u)", data);
      break;
    case SECCOMP_RET_USER_NOTIF:
      add_comment (comment, "NOTIFY");
      break;
    case SECCOMP_RET_TRACE:
      add_comment (comment, "TRACE(%u)", data);
      break;
    case SECCOMP_RET_LOG:
      add_comment (comment, "LOG");
      break;
    case SECCOMP_RET_ALLOW:
      add_comment (comment, "ALLOW");
      break;
    default:
      /* The kernel's __seccomp_filter() treats it as KILL_PROCESS. */
      add_comment (comment, "not an action: KILL_PROCESS");
      break;
    }
}

/* --- the listing ---------------------------------------------------------- */

/* The state after @insn, on its branch @taken (for conditional jumps;
 * FALSE for the others). */
static PathState
step (const PathState          *before,
      const struct sock_filter *insn,
      gboolean                  taken)
{
  PathState after = *before;
  guint16 code = insn->code;
  guint32 k = insn->k;

  switch (code)
    {
    case BPF_LD | BPF_W | BPF_ABS:
      after.a = VALUE_OTHER;
      if (k == SCMP_BPF_OFF_NR)
        after.a = VALUE_NR;
      else if (k == SCMP_BPF_OFF_ARCH)
        after.a = VALUE_ARCH;
      return after;

    case BPF_JMP | BPF_JEQ | BPF_K:
      if (before->a == VALUE_ARCH)
        {
          if (taken)
            {
              after.audit_arch = k;
              after.x32 = X32_UNDECIDED;
            }
          else if (before->audit_arch == k)
            {
              /* What was assumed (the caller's ABI) is not so. */
              after.audit_arch = 0;
              after.x32 = X32_UNDECIDED;
            }
        }
      return after;

    case BPF_JMP | BPF_JSET | BPF_K:
    case BPF_JMP | BPF_JGE | BPF_K:
    case BPF_JMP | BPF_JGT | BPF_K:
      if (before->a == VALUE_NR && before->audit_arch == AUDIT_ARCH_X86_64 &&
          is_x32_bit_test (code, k))
        after.x32 = taken ? X32_YES : X32_NO;
      return after;

    /* Those that leave A alone. */
    case BPF_LDX | BPF_W | BPF_LEN:
    case BPF_LDX | BPF_IMM:
    case BPF_LDX | BPF_MEM:
    case BPF_ST:
    case BPF_STX:
    case BPF_MISC | BPF_TAX:
    case BPF_JMP | BPF_JA:
    case BPF_RET | BPF_K:
    case BPF_RET | BPF_A:
      return after;

    default:
      if (is_known_cond_jump (code))
        return after;
      /* Anything else may write A (an unknown opcode, as far as we know). */
      after.a = VALUE_OTHER;
      return after;
    }
}

static void
describe (GString                  *comment,
          const PathState          *state,
          const struct sock_filter *insn,
          gboolean                  big_endian)
{
  guint16 code = insn->code;

  switch (code)
    {
    case BPF_LD | BPF_W | BPF_ABS:
      describe_load (comment, insn->k, big_endian);
      return;
    case BPF_LD | BPF_W | BPF_LEN:
    case BPF_LDX | BPF_W | BPF_LEN:
      add_comment (comment, "size of seccomp_data (%u)", (guint) sizeof (ScmpBpfData));
      return;
    case BPF_RET | BPF_K:
      describe_action (comment, insn->k);
      return;
    case BPF_JMP | BPF_JEQ | BPF_K:
    case BPF_JMP | BPF_JGE | BPF_K:
    case BPF_JMP | BPF_JGT | BPF_K:
    case BPF_JMP | BPF_JSET | BPF_K:
      if (state->a == VALUE_ARCH && code == (BPF_JMP | BPF_JEQ | BPF_K))
        describe_arch_constant (comment, insn->k);
      else if (state->a == VALUE_NR)
        describe_nr_test (comment, state, code, insn->k);
      return;
    default:
      return;
    }
}

/* Where the listing's comments start, past most instructions' text. */
#define COMMENT_COLUMN 34

static gboolean
check_program (gsize     size,
               GError  **error)
{
  if (size == 0)
    {
      g_set_error (error, SCMP_ERROR, SCMP_ERROR_INVALID_ARGUMENT,
                   "The BPF program is empty: a program has at least one instruction");
      return FALSE;
    }
  if (size % sizeof (struct sock_filter) != 0)
    {
      g_set_error (error, SCMP_ERROR, SCMP_ERROR_INVALID_ARGUMENT,
                   "The BPF program is %" G_GSIZE_FORMAT " bytes long, which is not a whole "
                   "number of %u-byte instructions",
                   size, (guint) sizeof (struct sock_filter));
      return FALSE;
    }
  if (size / sizeof (struct sock_filter) > SCMP_BPF_MAX_INSNS)
    {
      g_set_error (error, SCMP_ERROR, SCMP_ERROR_TOO_LARGE,
                   "The BPF program has %" G_GSIZE_FORMAT " instructions, more than the "
                   "kernel's limit of %u",
                   size / sizeof (struct sock_filter), (guint) SCMP_BPF_MAX_INSNS);
      return FALSE;
    }
  return TRUE;
}

/**
 * scmp_bpf_disassemble:
 * @program: the bytes of a `struct sock_filter` array, in @arch's byte
 *   order, as scmp_filter_export_bpf() and libseccomp's
 *   `seccomp_export_bpf` write it
 * @arch: the ABI the program is for (%SCMP_ARCHITECTURE_NATIVE is the
 *   ABI the library was built for)
 * @error: return location for a #GError, or %NULL
 *
 * Lists @program one instruction a line, as `  NNNN: insn`, with a label
 * line `Lnn:` before each instruction a jump goes to and comments after
 * `;`: the fields of `struct seccomp_data` loads read, the architectures
 * of `AUDIT_ARCH_*` constants, the names of syscall numbers and the
 * actions of returns (the Disassembly section has an example). @arch gives the byte order in which @program and the
 * arguments in `struct seccomp_data` are read, and the ABI whose syscall
 * names are used on paths where the program has not tested the
 * architecture.
 *
 * The program need not be one the kernel would load: a jump past the end
 * is listed with the comment "jumps past the end", an instruction that
 * classic BPF does not have as `.insn` with its fields, one that seccomp
 * refuses (`mod`, `ldh`, `ld [x + k]` …) with a comment that says so,
 * and an instruction no path reaches is said to be unreachable.
 *
 * Returns: (transfer full): the listing, each line ending in a newline; %NULL
 *   with @error set when @program is empty, is not a whole number of
 *   8-byte instructions (%SCMP_ERROR_INVALID_ARGUMENT), has more than the
 *   kernel's limit of 4096 instructions (%SCMP_ERROR_TOO_LARGE), or when
 *   @arch is not an ABI (%SCMP_ERROR_INVALID_ARCHITECTURE)
 *
 * Since: 0.1
 */
char *
scmp_bpf_disassemble (GBytes            *program,
                      ScmpArchitecture   arch,
                      GError           **error)
{
  const ScmpArchInfo *info;
  const guint8 *data;
  gsize size, n_insns;
  g_autofree struct sock_filter *insns = NULL;
  g_autofree PathState *states = NULL;
  g_autofree guint8 *is_target = NULL;
  GString *out;
  GString *comment;

  g_return_val_if_fail (program != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  info = _scmp_arch_get_info (arch);
  if (info == NULL)
    {
      if (arch == SCMP_ARCHITECTURE_NATIVE)
        g_set_error_literal (error, SCMP_ERROR, SCMP_ERROR_INVALID_ARCHITECTURE,
                             "scmp-glib has no syscall tables for the ABI it was built for, "
                             "so SCMP_ARCHITECTURE_NATIVE cannot give the program's ABI: "
                             "name one");
      else
        g_set_error (error, SCMP_ERROR, SCMP_ERROR_INVALID_ARCHITECTURE,
                     "%d is not an architecture, so the program's byte order is not "
                     "known: use an ScmpArchitecture value, or scmp_architecture_parse() "
                     "to find one by name", (int) arch);
      return NULL;
    }

  data = g_bytes_get_data (program, &size);
  if (!check_program (size, error))
    return NULL;
  insns = _scmp_bpf_deserialize (data, size, info->big_endian, &n_insns);

  /* Every state is final when the walk gets to it: all jumps go forward. */
  states = g_new0 (PathState, n_insns);
  states[0].reached = TRUE;
  states[0].a = VALUE_OTHER;
  states[0].audit_arch = info->audit_arch;
  if (info->arch == SCMP_ARCHITECTURE_X32)
    states[0].x32 = X32_YES;
  else if (info->arch == SCMP_ARCHITECTURE_X86_64)
    states[0].x32 = X32_NO;
  is_target = g_new0 (guint8, n_insns);

  out = g_string_sized_new (n_insns * 48);
  comment = g_string_new (NULL);
  for (gsize pc = 0; pc < n_insns; pc++)
    {
      const struct sock_filter *insn = &insns[pc];
      const PathState *state = &states[pc];
      g_autofree char *text = _scmp_bpf_format_insn (insn, pc, "L");
      guint64 successors[2];
      PathState after[2];
      guint n_successors = 0;
      gboolean is_jump = insn->code == (BPF_JMP | BPF_JA) || is_known_cond_jump (insn->code);
      gboolean past_end = FALSE;

      g_string_truncate (comment, 0);
      if (g_str_has_prefix (text, ".insn"))
        add_comment (comment, "not a classic BPF instruction");
      else if (!_scmp_bpf_opcode_allowed (insn->code))
        add_comment (comment, "seccomp refuses this instruction");
      /* An unreached state knows nothing: what A holds is "other". */
      describe (comment, state, insn, info->big_endian);
      if (!state->reached)
        add_comment (comment, "unreachable");

      /* Successors, in 64 bits: a huge "ja" must not wrap around. A
       * return has none. */
      if (insn->code == (BPF_JMP | BPF_JA))
        {
          successors[n_successors] = (guint64) pc + 1 + insn->k;
          after[n_successors++] = step (state, insn, FALSE);
        }
      else if (is_known_cond_jump (insn->code))
        {
          successors[n_successors] = (guint64) pc + 1 + insn->jt;
          after[n_successors++] = step (state, insn, TRUE);
          successors[n_successors] = (guint64) pc + 1 + insn->jf;
          after[n_successors++] = step (state, insn, FALSE);
        }
      else if (BPF_CLASS (insn->code) != BPF_RET)
        {
          successors[n_successors] = (guint64) pc + 1;
          after[n_successors++] = step (state, insn, FALSE);
        }

      for (guint i = 0; i < n_successors; i++)
        {
          if (successors[i] >= n_insns)
            {
              past_end = TRUE;
              continue;
            }
          if (state->reached)
            path_state_merge (&states[successors[i]], &after[i]);
          if (is_jump)
            is_target[successors[i]] = TRUE;
        }
      if (past_end)
        add_comment (comment, is_jump ? "jumps past the end" : "runs past the end");

      if (is_target[pc])
        g_string_append_printf (out, "L%" G_GSIZE_FORMAT ":\n", pc);
      if (comment->len > 0)
        g_string_append_printf (out, "  %04" G_GSIZE_FORMAT ": %-*s ; %s\n",
                                pc, COMMENT_COLUMN, text, comment->str);
      else
        g_string_append_printf (out, "  %04" G_GSIZE_FORMAT ": %s\n", pc, text);
    }

  g_string_free (comment, TRUE);
  return g_string_free (out, FALSE);
}
