/* test-bpf.c: the classic-BPF interpreter, checker, byte order and
 * action-cache emulation, checked by hand and against the running kernel
 *
 * SPDX-FileCopyrightText: 2026 The scmp-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "scmp-arch-private.h"
#include "scmp-bpf-private.h"
#include "scmp-test-support.h"
#include "scmp-error.h"

#include "test-skip.h"

#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>

#define RET_ERRNO(e) (SECCOMP_RET_ERRNO | ((e) & SECCOMP_RET_DATA))

#define N(p) G_N_ELEMENTS (p)

static const ScmpBpfData sample_data = {
  .nr = 59,
  .arch = AUDIT_ARCH_X86_64,
  .instruction_pointer = G_GUINT64_CONSTANT (0x00007f0011223344),
  .args = {
    G_GUINT64_CONSTANT (0x1111111122222222),
    G_GUINT64_CONSTANT (0x3333333344444444),
    G_GUINT64_CONSTANT (0xffffffff00000001),
    G_GUINT64_CONSTANT (0x0000000000000005),
    G_GUINT64_CONSTANT (0x8000000000000000),
    G_GUINT64_CONSTANT (0xdeadbeefcafef00d),
  },
};

static ScmpBpfResult
run (const struct sock_filter *prog,
     gsize                     n)
{
  return _scmp_bpf_run (prog, n, &sample_data, FALSE);
}

static void
assert_returns (const struct sock_filter *prog,
                gsize                     n,
                guint32                   expected)
{
  ScmpBpfResult r = run (prog, n);

  g_assert_false (r.error);
  g_assert_cmphex (r.ret, ==, expected);
}

static void
assert_fails (const struct sock_filter *prog,
              gsize                     n)
{
  ScmpBpfResult r = run (prog, n);

  g_assert_true (r.error);
  g_assert_cmphex (r.ret, ==, 0);
}

/* --- the interpreter ---------------------------------------------------- */

static void
test_run_ret (void)
{
  const struct sock_filter ret_k[] = {
    BPF_STMT (BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
  };
  const struct sock_filter ret_a[] = {
    BPF_STMT (BPF_LD | BPF_IMM, 0x12345678),
    BPF_STMT (BPF_RET | BPF_A, 0),
  };
  const struct sock_filter ret_a_initial[] = {
    BPF_STMT (BPF_RET | BPF_A, 0),
  };
  ScmpBpfResult r;

  r = run (ret_k, N (ret_k));
  g_assert_false (r.error);
  g_assert_cmphex (r.ret, ==, SECCOMP_RET_ALLOW);
  g_assert_cmpuint (r.n_executed, ==, 1);

  r = run (ret_a, N (ret_a));
  g_assert_false (r.error);
  g_assert_cmphex (r.ret, ==, 0x12345678);
  g_assert_cmpuint (r.n_executed, ==, 2);

  /* A starts at 0, as the kernel clears it. */
  assert_returns (ret_a_initial, 1, 0);
}

static guint32
load_word (guint    k,
           gboolean big_endian)
{
  struct sock_filter prog[] = {
    BPF_STMT (BPF_LD | BPF_W | BPF_ABS, k),
    BPF_STMT (BPF_RET | BPF_A, 0),
  };
  ScmpBpfResult r = _scmp_bpf_run (prog, 2, &sample_data, big_endian);

  g_assert_false (r.error);
  return r.ret;
}

static void
test_run_load_endianness (void)
{
  guint i;

  /* nr and arch are 32-bit fields: the same in both orders. */
  g_assert_cmphex (load_word (0, FALSE), ==, 59);
  g_assert_cmphex (load_word (0, TRUE), ==, 59);
  g_assert_cmphex (load_word (4, FALSE), ==, AUDIT_ARCH_X86_64);
  g_assert_cmphex (load_word (4, TRUE), ==, AUDIT_ARCH_X86_64);

  /* 64-bit fields: little endian has the low word first. */
  g_assert_cmphex (load_word (8, FALSE), ==, 0x11223344);
  g_assert_cmphex (load_word (12, FALSE), ==, 0x00007f00);
  g_assert_cmphex (load_word (8, TRUE), ==, 0x00007f00);
  g_assert_cmphex (load_word (12, TRUE), ==, 0x11223344);

  for (i = 0; i < 6; i++)
    {
      guint32 lo = (guint32) sample_data.args[i];
      guint32 hi = sample_data.args[i] >> 32;

      g_assert_cmphex (load_word (16 + 8 * i, FALSE), ==, lo);
      g_assert_cmphex (load_word (20 + 8 * i, FALSE), ==, hi);
      g_assert_cmphex (load_word (16 + 8 * i, TRUE), ==, hi);
      g_assert_cmphex (load_word (20 + 8 * i, TRUE), ==, lo);
    }

  /* A negative nr is the 32-bit pattern: -1, a tracer's skip, loads as
   * the word the filters compare with. */
  {
    ScmpBpfData d = sample_data;
    const struct sock_filter prog[] = {
      BPF_STMT (BPF_LD | BPF_W | BPF_ABS, 0),
      BPF_STMT (BPF_RET | BPF_A, 0),
    };

    d.nr = -1;
    g_assert_cmphex (_scmp_bpf_run (prog, 2, &d, FALSE).ret, ==, SCMP_NR_TRACER_SKIP);
    g_assert_cmphex (_scmp_bpf_run (prog, 2, &d, TRUE).ret, ==, SCMP_NR_TRACER_SKIP);
  }
}

static void
test_run_len (void)
{
  const struct sock_filter ld_len[] = {
    BPF_STMT (BPF_LD | BPF_W | BPF_LEN, 0),
    BPF_STMT (BPF_RET | BPF_A, 0),
  };
  const struct sock_filter ldx_len[] = {
    BPF_STMT (BPF_LDX | BPF_W | BPF_LEN, 0),
    BPF_STMT (BPF_MISC | BPF_TXA, 0),
    BPF_STMT (BPF_RET | BPF_A, 0),
  };

  assert_returns (ld_len, N (ld_len), 64);
  assert_returns (ldx_len, N (ldx_len), 64);
}

typedef struct {
  guint16 op;
  guint32 a;
  guint32 operand;
  guint32 expected;
} AluCase;

static void
test_run_alu (void)
{
  static const AluCase cases[] = {
    { BPF_ADD, 5, 7, 12 },
    { BPF_ADD, 0xffffffff, 2, 1 },
    { BPF_SUB, 5, 7, 0xfffffffe },
    { BPF_SUB, 9, 4, 5 },
    { BPF_MUL, 0x10000, 0x10000, 0 },
    { BPF_MUL, 6, 7, 42 },
    { BPF_DIV, 42, 5, 8 },
    { BPF_DIV, 0xffffffff, 0x10000, 0xffff },
    { BPF_AND, 0xf0f0, 0xff00, 0xf000 },
    { BPF_OR, 0xf0f0, 0x0f00, 0xfff0 },
    { BPF_XOR, 0xf0f0, 0xffff, 0x0f0f },
    { BPF_LSH, 0x80000001, 1, 2 },
    { BPF_LSH, 1, 31, 0x80000000 },
    { BPF_RSH, 0x80000000, 31, 1 },
    { BPF_RSH, 0xffffffff, 4, 0x0fffffff },
  };
  gsize i;

  for (i = 0; i < N (cases); i++)
    {
      const struct sock_filter with_k[] = {
        BPF_STMT (BPF_LD | BPF_IMM, cases[i].a),
        BPF_STMT (BPF_ALU | cases[i].op | BPF_K, cases[i].operand),
        BPF_STMT (BPF_RET | BPF_A, 0),
      };
      const struct sock_filter with_x[] = {
        BPF_STMT (BPF_LDX | BPF_IMM, cases[i].operand),
        BPF_STMT (BPF_LD | BPF_IMM, cases[i].a),
        BPF_STMT (BPF_ALU | cases[i].op | BPF_X, 0),
        BPF_STMT (BPF_RET | BPF_A, 0),
      };

      g_test_message ("case %" G_GSIZE_FORMAT, i);
      assert_returns (with_k, N (with_k), cases[i].expected);
      assert_returns (with_x, N (with_x), cases[i].expected);
      g_assert_true (_scmp_bpf_validate (with_k, N (with_k), NULL));
      g_assert_true (_scmp_bpf_validate (with_x, N (with_x), NULL));
    }

  /* NEG */
  {
    const struct sock_filter neg[] = {
      BPF_STMT (BPF_LD | BPF_IMM, 1),
      BPF_STMT (BPF_ALU | BPF_NEG, 0),
      BPF_STMT (BPF_RET | BPF_A, 0),
    };
    assert_returns (neg, N (neg), 0xffffffff);
  }

  /* Shifts by X count modulo 32, as kernel/bpf/core.c and the JITs do. */
  {
    const struct sock_filter lsh_x[] = {
      BPF_STMT (BPF_LDX | BPF_IMM, 33),
      BPF_STMT (BPF_LD | BPF_IMM, 1),
      BPF_STMT (BPF_ALU | BPF_LSH | BPF_X, 0),
      BPF_STMT (BPF_RET | BPF_A, 0),
    };
    const struct sock_filter rsh_x[] = {
      BPF_STMT (BPF_LDX | BPF_IMM, 32),
      BPF_STMT (BPF_LD | BPF_IMM, 0x80),
      BPF_STMT (BPF_ALU | BPF_RSH | BPF_X, 0),
      BPF_STMT (BPF_RET | BPF_A, 0),
    };
    assert_returns (lsh_x, N (lsh_x), 2);
    assert_returns (rsh_x, N (rsh_x), 0x80);
  }
}

static void
test_run_alu_refused (void)
{
  const struct sock_filter div_k0[] = {
    BPF_STMT (BPF_LD | BPF_IMM, 1),
    BPF_STMT (BPF_ALU | BPF_DIV | BPF_K, 0),
    BPF_STMT (BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
  };
  const struct sock_filter div_x0[] = {
    BPF_STMT (BPF_LD | BPF_IMM, 1),
    BPF_STMT (BPF_ALU | BPF_DIV | BPF_X, 0),
    BPF_STMT (BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
  };
  const struct sock_filter mod_k[] = {
    BPF_STMT (BPF_LD | BPF_IMM, 7),
    BPF_STMT (BPF_ALU | BPF_MOD | BPF_K, 2),
    BPF_STMT (BPF_RET | BPF_A, 0),
  };
  const struct sock_filter lsh_32[] = {
    BPF_STMT (BPF_ALU | BPF_LSH | BPF_K, 32),
    BPF_STMT (BPF_RET | BPF_A, 0),
  };
  ScmpBpfResult r;

  g_test_summary ("Division by X = 0 makes the kernel's program return 0 "
                  "(KILL_THREAD); MOD is classic BPF but not seccomp.");

  assert_fails (div_k0, N (div_k0));
  r = run (div_x0, N (div_x0));
  g_assert_false (r.error);
  g_assert_cmphex (r.ret, ==, 0);
  g_assert_cmpuint (r.n_executed, ==, 2);
  g_assert_true (_scmp_bpf_validate (div_x0, N (div_x0), NULL));

  assert_fails (mod_k, N (mod_k));
  assert_fails (lsh_32, N (lsh_32));
}

static void
test_run_registers (void)
{
  const struct sock_filter prog[] = {
    BPF_STMT (BPF_LD | BPF_IMM, 0xabc),
    BPF_STMT (BPF_MISC | BPF_TAX, 0),
    BPF_STMT (BPF_LD | BPF_IMM, 1),
    BPF_STMT (BPF_MISC | BPF_TXA, 0),
    BPF_STMT (BPF_RET | BPF_A, 0),
  };
  const struct sock_filter x_initial[] = {
    BPF_STMT (BPF_LD | BPF_IMM, 7),
    BPF_STMT (BPF_MISC | BPF_TXA, 0),
    BPF_STMT (BPF_RET | BPF_A, 0),
  };

  assert_returns (prog, N (prog), 0xabc);
  assert_returns (x_initial, N (x_initial), 0);
}

static void
test_run_memory (void)
{
  const struct sock_filter prog[] = {
    BPF_STMT (BPF_LD | BPF_IMM, 0x11),
    BPF_STMT (BPF_ST, 0),
    BPF_STMT (BPF_LDX | BPF_IMM, 0x22),
    BPF_STMT (BPF_STX, 15),
    BPF_STMT (BPF_LD | BPF_IMM, 0),
    BPF_STMT (BPF_LDX | BPF_IMM, 0),
    BPF_STMT (BPF_LDX | BPF_MEM, 0),   /* X = 0x11 */
    BPF_STMT (BPF_LD | BPF_MEM, 15),   /* A = 0x22 */
    BPF_STMT (BPF_ALU | BPF_ADD | BPF_X, 0),
    BPF_STMT (BPF_RET | BPF_A, 0),
  };
  const struct sock_filter unwritten[] = {
    BPF_STMT (BPF_LD | BPF_MEM, 3),
    BPF_STMT (BPF_RET | BPF_A, 0),
  };
  const struct sock_filter out_of_range[] = {
    BPF_STMT (BPF_ST, 16),
    BPF_STMT (BPF_RET | BPF_A, 0),
  };

  assert_returns (prog, N (prog), 0x33);
  g_assert_true (_scmp_bpf_validate (prog, N (prog), NULL));
  assert_fails (unwritten, N (unwritten));
  assert_fails (out_of_range, N (out_of_range));
}

typedef struct {
  guint16 op;
  guint32 a;
  guint32 operand;
  gboolean taken;
} JumpCase;

static void
test_run_jumps (void)
{
  static const JumpCase cases[] = {
    { BPF_JEQ, 5, 5, TRUE },
    { BPF_JEQ, 5, 6, FALSE },
    { BPF_JGT, 6, 5, TRUE },
    { BPF_JGT, 5, 5, FALSE },
    { BPF_JGT, 0x80000000, 1, TRUE },  /* unsigned */
    { BPF_JGE, 5, 5, TRUE },
    { BPF_JGE, 4, 5, FALSE },
    { BPF_JSET, 0x10, 0x30, TRUE },
    { BPF_JSET, 0x10, 0x20, FALSE },
  };
  const struct sock_filter ja[] = {
    BPF_STMT (BPF_JMP | BPF_JA, 1),
    BPF_STMT (BPF_RET | BPF_K, 1),
    BPF_STMT (BPF_RET | BPF_K, 2),
  };
  gsize i;
  ScmpBpfResult r;

  r = run (ja, N (ja));
  g_assert_false (r.error);
  g_assert_cmphex (r.ret, ==, 2);
  g_assert_cmpuint (r.n_executed, ==, 2);

  for (i = 0; i < N (cases); i++)
    {
      /* jt skips 2, jf skips 1: both land on a distinct RET. */
      const struct sock_filter with_k[] = {
        BPF_STMT (BPF_LD | BPF_IMM, cases[i].a),
        BPF_JUMP (BPF_JMP | cases[i].op | BPF_K, cases[i].operand, 2, 1),
        BPF_STMT (BPF_RET | BPF_K, 100),
        BPF_STMT (BPF_RET | BPF_K, 200),
        BPF_STMT (BPF_RET | BPF_K, 300),
      };
      const struct sock_filter with_x[] = {
        BPF_STMT (BPF_LDX | BPF_IMM, cases[i].operand),
        BPF_STMT (BPF_LD | BPF_IMM, cases[i].a),
        BPF_JUMP (BPF_JMP | cases[i].op | BPF_X, 0, 2, 1),
        BPF_STMT (BPF_RET | BPF_K, 100),
        BPF_STMT (BPF_RET | BPF_K, 200),
        BPF_STMT (BPF_RET | BPF_K, 300),
      };
      guint32 expected = cases[i].taken ? 300 : 200;

      g_test_message ("case %" G_GSIZE_FORMAT, i);
      r = run (with_k, N (with_k));
      g_assert_false (r.error);
      g_assert_cmphex (r.ret, ==, expected);
      g_assert_cmpuint (r.n_executed, ==, 3);
      assert_returns (with_x, N (with_x), expected);
    }
}

static void
test_run_errors (void)
{
  const struct sock_filter bad_opcode[] = {
    BPF_STMT (0xffff, 0),
    BPF_STMT (BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
  };
  const struct sock_filter ld_half[] = {
    BPF_STMT (BPF_LD | BPF_H | BPF_ABS, 0),
    BPF_STMT (BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
  };
  const struct sock_filter ld_ind[] = {
    BPF_STMT (BPF_LD | BPF_W | BPF_IND, 0),
    BPF_STMT (BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
  };
  const struct sock_filter jt_out[] = {
    BPF_JUMP (BPF_JMP | BPF_JEQ | BPF_K, 0, 5, 0),
    BPF_STMT (BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
  };
  const struct sock_filter ja_out[] = {
    BPF_STMT (BPF_JMP | BPF_JA, 0xffffffff),
    BPF_STMT (BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
  };
  const struct sock_filter ja_end[] = {
    BPF_STMT (BPF_JMP | BPF_JA, 1),
    BPF_STMT (BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
  };
  const struct sock_filter misaligned[] = {
    BPF_STMT (BPF_LD | BPF_W | BPF_ABS, 2),
    BPF_STMT (BPF_RET | BPF_A, 0),
  };
  const struct sock_filter beyond[] = {
    BPF_STMT (BPF_LD | BPF_W | BPF_ABS, 64),
    BPF_STMT (BPF_RET | BPF_A, 0),
  };
  const struct sock_filter huge_k[] = {
    BPF_STMT (BPF_LD | BPF_W | BPF_ABS, 0xfffffffc),
    BPF_STMT (BPF_RET | BPF_A, 0),
  };
  const struct sock_filter fall_off[] = {
    BPF_STMT (BPF_LD | BPF_IMM, 1),
    BPF_STMT (BPF_LD | BPF_IMM, 2),
  };
  ScmpBpfResult r;

  assert_fails (bad_opcode, N (bad_opcode));
  assert_fails (ld_half, N (ld_half));
  assert_fails (ld_ind, N (ld_ind));
  assert_fails (jt_out, N (jt_out));
  assert_fails (ja_out, N (ja_out));
  assert_fails (ja_end, N (ja_end));
  assert_fails (misaligned, N (misaligned));
  assert_fails (beyond, N (beyond));
  assert_fails (huge_k, N (huge_k));

  r = run (fall_off, N (fall_off));
  g_assert_true (r.error);
  g_assert_cmpuint (r.n_executed, ==, 2);

  r = run (NULL, 0);
  g_assert_true (r.error);
  g_assert_cmpuint (r.n_executed, ==, 0);
}

static void
test_run_fuzz (void)
{
  GRand *rand = g_rand_new_with_seed (0x5eccc0b);
  struct sock_filter prog[64];
  guint iter, errors = 0;

  g_test_summary ("Random garbage never crashes the interpreter, which "
                  "stops within the program's length.");

  for (iter = 0; iter < 20000; iter++)
    {
      guint n = g_rand_int_range (rand, 1, N (prog) + 1);
      guint i;
      ScmpBpfResult r;
      ScmpBpfData d;

      for (i = 0; i < n; i++)
        {
          /* Half plausible codes, half anything. */
          prog[i].code = g_rand_boolean (rand) ? g_rand_int_range (rand, 0, 0x100)
                                               : g_rand_int_range (rand, 0, 0x10000);
          prog[i].jt = g_rand_int_range (rand, 0, 256);
          prog[i].jf = g_rand_int_range (rand, 0, g_rand_boolean (rand) ? 4 : 256);
          prog[i].k = g_rand_boolean (rand) ? (guint32) g_rand_int_range (rand, 0, 80)
                                            : g_rand_int (rand);
        }
      if (g_rand_boolean (rand))
        prog[n - 1].code = BPF_RET | BPF_A;

      d.nr = g_rand_int (rand);
      d.arch = g_rand_int (rand);
      d.instruction_pointer = g_rand_int (rand);
      for (i = 0; i < 6; i++)
        d.args[i] = ((guint64) g_rand_int (rand) << 32) | g_rand_int (rand);

      r = _scmp_bpf_run (prog, n, &d, g_rand_boolean (rand));
      g_assert_cmpuint (r.n_executed, <=, n);
      if (r.error)
        errors++;

      /* Whatever validate accepts runs without error (a division by
       * X = 0 included: it returns 0). */
      if (_scmp_bpf_validate (prog, n, NULL))
        g_assert_false (r.error);

      g_free (test_bpf_disassemble (&prog[g_rand_int_range (rand, 0, n)], iter));
      (void) test_bpf_is_const_allow (prog, n, d.arch, d.nr);
    }

  g_assert_cmpuint (errors, >, 0);
  g_rand_free (rand);
}

/* --- byte order ----------------------------------------------------------- */

static void
test_serialize (void)
{
  const struct sock_filter prog[] = {
    BPF_JUMP (BPF_JMP | BPF_JEQ | BPF_K, AUDIT_ARCH_X86_64, 0x01, 0x07),
    BPF_STMT (BPF_RET | BPF_K, 0x7fff0000),
  };
  static const guint8 le[] = {
    0x15, 0x00, 0x01, 0x07, 0x3e, 0x00, 0x00, 0xc0,
    0x06, 0x00, 0x00, 0x00, 0x00, 0x00, 0xff, 0x7f,
  };
  static const guint8 be[] = {
    0x00, 0x15, 0x01, 0x07, 0xc0, 0x00, 0x00, 0x3e,
    0x00, 0x06, 0x00, 0x00, 0x7f, 0xff, 0x00, 0x00,
  };
  const gboolean orders[] = { FALSE, TRUE };
  gsize i;

  for (i = 0; i < N (orders); i++)
    {
      GBytes *bytes = _scmp_bpf_serialize (prog, N (prog), orders[i]);
      const guint8 *expected = orders[i] ? be : le;
      gsize size, n = 0;
      const guint8 *data = g_bytes_get_data (bytes, &size);
      struct sock_filter *back;

      g_assert_cmpmem (data, size, expected, sizeof le);

      back = test_bpf_deserialize (bytes, orders[i], &n);
      g_assert_nonnull (back);
      g_assert_cmpuint (n, ==, N (prog));
      g_assert_cmpmem (back, n * sizeof *back, prog, sizeof prog);
      g_free (back);

      /* Read in the wrong order, the fields come out byte-swapped. */
      back = test_bpf_deserialize (bytes, !orders[i], &n);
      g_assert_cmpuint (n, ==, 2);
      g_assert_cmphex (back[0].code, ==, 0x1500);
      g_assert_cmphex (back[0].k, ==, 0x3e0000c0);
      g_assert_cmpuint (back[0].jt, ==, 1);
      g_assert_cmpuint (back[0].jf, ==, 7);
      g_free (back);

      g_bytes_unref (bytes);
    }

  /* The host order is the wire order of the running machine. */
  {
    GBytes *bytes = _scmp_bpf_serialize (prog, N (prog),
                                         G_BYTE_ORDER == G_BIG_ENDIAN);
    g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                     prog, sizeof prog);
    g_bytes_unref (bytes);
  }

  /* Truncated or empty input. */
  {
    GBytes *odd = g_bytes_new_static (le, 12);
    GBytes *empty = g_bytes_new_static (le, 0);
    gsize n = 99;

    g_assert_null (test_bpf_deserialize (odd, FALSE, &n));
    g_assert_cmpuint (n, ==, 0);
    n = 99;
    g_assert_null (test_bpf_deserialize (empty, FALSE, &n));
    g_assert_cmpuint (n, ==, 0);
    g_bytes_unref (odd);
    g_bytes_unref (empty);
  }
}

static void
test_serialize_random (void)
{
  GRand *rand = g_rand_new_with_seed (42);
  struct sock_filter prog[300];
  guint iter;
  gsize i;

  for (iter = 0; iter < 100; iter++)
    {
      gboolean big = g_rand_boolean (rand);
      GBytes *bytes;
      struct sock_filter *back;
      const guint8 *raw;
      gsize n;

      for (i = 0; i < N (prog); i++)
        {
          prog[i].code = g_rand_int (rand);
          prog[i].jt = g_rand_int (rand);
          prog[i].jf = g_rand_int (rand);
          prog[i].k = g_rand_int (rand);
        }
      bytes = _scmp_bpf_serialize (prog, N (prog), big);
      raw = g_bytes_get_data (bytes, NULL);
      for (i = 0; i < N (prog); i++)
        {
          const guint8 *p = raw + 8 * i;
          guint16 code = big ? GUINT16_FROM_BE (*(guint16 *) p) : GUINT16_FROM_LE (*(guint16 *) p);
          guint32 k;

          memcpy (&k, p + 4, 4);
          k = big ? GUINT32_FROM_BE (k) : GUINT32_FROM_LE (k);
          g_assert_cmphex (code, ==, prog[i].code);
          g_assert_cmphex (k, ==, prog[i].k);
          g_assert_cmpuint (p[2], ==, prog[i].jt);
          g_assert_cmpuint (p[3], ==, prog[i].jf);
        }
      back = test_bpf_deserialize (bytes, big, &n);
      g_assert_cmpmem (back, n * sizeof *back, prog, sizeof prog);
      g_free (back);
      g_bytes_unref (bytes);
    }

  g_rand_free (rand);
}

/* --- the checker ---------------------------------------------------------- */

static void
test_validate_accept (void)
{
  const struct sock_filter every_opcode[] = {
    BPF_STMT (BPF_LD | BPF_W | BPF_ABS, 4),                    /* 0 */
    BPF_JUMP (BPF_JMP | BPF_JEQ | BPF_K, AUDIT_ARCH_X86_64, 1, 0),
    BPF_STMT (BPF_RET | BPF_K, SECCOMP_RET_KILL_PROCESS),
    BPF_STMT (BPF_LD | BPF_W | BPF_ABS, 60),
    BPF_STMT (BPF_LD | BPF_W | BPF_LEN, 0),
    BPF_STMT (BPF_LDX | BPF_W | BPF_LEN, 0),                   /* 5 */
    BPF_STMT (BPF_LD | BPF_IMM, 3),
    BPF_STMT (BPF_LDX | BPF_IMM, 2),
    BPF_STMT (BPF_ST, 0),
    BPF_STMT (BPF_STX, 15),
    BPF_STMT (BPF_LD | BPF_MEM, 0),                            /* 10 */
    BPF_STMT (BPF_LDX | BPF_MEM, 15),
    BPF_STMT (BPF_ALU | BPF_ADD | BPF_K, 1),
    BPF_STMT (BPF_ALU | BPF_ADD | BPF_X, 0),
    BPF_STMT (BPF_ALU | BPF_SUB | BPF_K, 1),
    BPF_STMT (BPF_ALU | BPF_SUB | BPF_X, 0),                   /* 15 */
    BPF_STMT (BPF_ALU | BPF_MUL | BPF_K, 3),
    BPF_STMT (BPF_ALU | BPF_MUL | BPF_X, 0),
    BPF_STMT (BPF_ALU | BPF_DIV | BPF_K, 2),
    BPF_STMT (BPF_ALU | BPF_DIV | BPF_X, 0),
    BPF_STMT (BPF_ALU | BPF_AND | BPF_K, 0xff),                /* 20 */
    BPF_STMT (BPF_ALU | BPF_AND | BPF_X, 0),
    BPF_STMT (BPF_ALU | BPF_OR | BPF_K, 1),
    BPF_STMT (BPF_ALU | BPF_OR | BPF_X, 0),
    BPF_STMT (BPF_ALU | BPF_XOR | BPF_K, 1),
    BPF_STMT (BPF_ALU | BPF_XOR | BPF_X, 0),                   /* 25 */
    BPF_STMT (BPF_ALU | BPF_LSH | BPF_K, 31),
    BPF_STMT (BPF_ALU | BPF_LSH | BPF_X, 0),
    BPF_STMT (BPF_ALU | BPF_RSH | BPF_K, 0),
    BPF_STMT (BPF_ALU | BPF_RSH | BPF_X, 0),
    BPF_STMT (BPF_ALU | BPF_NEG, 0),                           /* 30 */
    BPF_STMT (BPF_MISC | BPF_TAX, 0),
    BPF_STMT (BPF_MISC | BPF_TXA, 0),
    BPF_STMT (BPF_JMP | BPF_JA, 0),
    BPF_JUMP (BPF_JMP | BPF_JEQ | BPF_X, 0, 0, 0),
    BPF_JUMP (BPF_JMP | BPF_JGT | BPF_K, 1, 0, 0),             /* 35 */
    BPF_JUMP (BPF_JMP | BPF_JGT | BPF_X, 0, 0, 0),
    BPF_JUMP (BPF_JMP | BPF_JGE | BPF_K, 1, 0, 0),
    BPF_JUMP (BPF_JMP | BPF_JGE | BPF_X, 0, 0, 0),
    BPF_JUMP (BPF_JMP | BPF_JSET | BPF_K, 1, 0, 1),
    BPF_JUMP (BPF_JMP | BPF_JSET | BPF_X, 0, 1, 0),            /* 40 */
    BPF_STMT (BPF_RET | BPF_A, 0),
    BPF_STMT (BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
  };
  /* A cell written on both branches counts as written at the join. */
  const struct sock_filter both_paths[] = {
    BPF_STMT (BPF_LD | BPF_W | BPF_ABS, 0),
    BPF_JUMP (BPF_JMP | BPF_JEQ | BPF_K, 1, 0, 2),
    BPF_STMT (BPF_ST, 3),
    BPF_STMT (BPF_JMP | BPF_JA, 1),
    BPF_STMT (BPF_STX, 3),
    BPF_STMT (BPF_LD | BPF_MEM, 3),
    BPF_STMT (BPF_RET | BPF_A, 0),
  };
  struct sock_filter *longest;
  GError *error = NULL;
  gsize i;

  g_assert_true (_scmp_bpf_validate (every_opcode, N (every_opcode), &error));
  g_assert_no_error (error);
  g_assert_false (run (every_opcode, N (every_opcode)).error);

  g_assert_true (_scmp_bpf_validate (both_paths, N (both_paths), &error));
  g_assert_no_error (error);

  longest = g_new (struct sock_filter, SCMP_BPF_MAX_INSNS);
  for (i = 0; i < SCMP_BPF_MAX_INSNS; i++)
    longest[i] = (struct sock_filter) BPF_STMT (BPF_RET | BPF_K, SECCOMP_RET_ALLOW);
  g_assert_true (_scmp_bpf_validate (longest, SCMP_BPF_MAX_INSNS, &error));
  g_assert_no_error (error);
  g_free (longest);
}

typedef struct {
  const char *name;
  struct sock_filter prog[4];
  gsize n;
  const char *message;  /* a pattern for g_pattern_match_simple() */
} RejectCase;

static const RejectCase reject_cases[] = {
  { "no return at the end",
    { BPF_STMT (BPF_LD | BPF_IMM, 1) }, 1,
    "*instruction 0: the last instruction is not a return" },
  { "unknown opcode",
    { BPF_STMT (0xffff, 0), BPF_STMT (BPF_RET | BPF_A, 0) }, 2,
    "*instruction 0: unknown or disallowed opcode 0xffff" },
  { "mod",
    { BPF_STMT (BPF_ALU | BPF_MOD | BPF_K, 3), BPF_STMT (BPF_RET | BPF_A, 0) }, 2,
    "*instruction 0: opcode 0x0094 (mod #k) is classic BPF but not allowed in a seccomp filter" },
  { "half-word load",
    { BPF_STMT (BPF_RET | BPF_A, 0), BPF_STMT (BPF_LD | BPF_H | BPF_ABS, 0), BPF_STMT (BPF_RET | BPF_A, 0) }, 3,
    "*instruction 1: opcode 0x0028 (ldh [k]) is classic BPF*" },
  { "misaligned load",
    { BPF_STMT (BPF_LD | BPF_W | BPF_ABS, 6), BPF_STMT (BPF_RET | BPF_A, 0) }, 2,
    "*instruction 0: ld [6] is not aligned to 4 bytes" },
  { "load past seccomp_data",
    { BPF_STMT (BPF_LD | BPF_W | BPF_ABS, 64), BPF_STMT (BPF_RET | BPF_A, 0) }, 2,
    "*instruction 0: ld [64] reads outside struct seccomp_data (64 bytes)" },
  { "ancillary load",
    { BPF_STMT (BPF_LD | BPF_W | BPF_ABS, SKF_AD_OFF + SKF_AD_PROTOCOL), BPF_STMT (BPF_RET | BPF_A, 0) }, 2,
    "*instruction 0: ld [4294963200] reads outside*" },
  { "division by constant zero",
    { BPF_STMT (BPF_ALU | BPF_DIV | BPF_K, 0), BPF_STMT (BPF_RET | BPF_A, 0) }, 2,
    "*instruction 0: division by the constant 0" },
  { "shift by 32",
    { BPF_STMT (BPF_ALU | BPF_RSH | BPF_K, 32), BPF_STMT (BPF_RET | BPF_A, 0) }, 2,
    "*instruction 0: shift by 32, the limit is 31" },
  { "memory index",
    { BPF_STMT (BPF_STX, 16), BPF_STMT (BPF_RET | BPF_A, 0) }, 2,
    "*instruction 0: scratch memory index 16 is out of range (M[0] to M[15])" },
  { "unwritten memory",
    { BPF_STMT (BPF_ST, 1), BPF_STMT (BPF_LDX | BPF_MEM, 2), BPF_STMT (BPF_RET | BPF_A, 0) }, 3,
    "*instruction 1: ldx reads scratch memory M[2], which is not written on every path leading to it" },
  { "memory written on one path only",
    { BPF_JUMP (BPF_JMP | BPF_JSET | BPF_K, 1, 0, 1), BPF_STMT (BPF_ST, 2), BPF_STMT (BPF_LD | BPF_MEM, 2), BPF_STMT (BPF_RET | BPF_A, 0) }, 4,
    "*instruction 2: ld reads scratch memory M[2]*" },
  { "ja past the end",
    { BPF_STMT (BPF_JMP | BPF_JA, 1), BPF_STMT (BPF_RET | BPF_A, 0) }, 2,
    "*instruction 0: ja +1 jumps to 2, outside the program (2 instructions)" },
  { "ja wrapping",
    { BPF_STMT (BPF_JMP | BPF_JA, 0xffffffff), BPF_STMT (BPF_RET | BPF_A, 0) }, 2,
    "*instruction 0: ja +4294967295 jumps to 4294967296, outside*" },
  { "jt past the end",
    { BPF_JUMP (BPF_JMP | BPF_JGE | BPF_X, 0, 1, 0), BPF_STMT (BPF_RET | BPF_A, 0) }, 2,
    "*instruction 0: the true branch jumps to 2, outside the program (2 instructions)" },
  { "jf past the end",
    { BPF_STMT (BPF_RET | BPF_A, 0), BPF_JUMP (BPF_JMP | BPF_JEQ | BPF_K, 0, 0, 255), BPF_STMT (BPF_RET | BPF_A, 0) }, 3,
    "*instruction 1: the false branch jumps to 257, outside the program (3 instructions)" },
  { "empty",
    { BPF_STMT (BPF_RET | BPF_A, 0) }, 0,
    "*it has 0 instructions, the kernel accepts 1 to 4096" },
};

static void
test_validate_reject (void)
{
  const RejectCase *cases = reject_cases;
  gsize i;

  for (i = 0; i < N (reject_cases); i++)
    {
      GError *error = NULL;

      g_test_message ("%s", cases[i].name);
      g_assert_false (_scmp_bpf_validate (cases[i].prog, cases[i].n, &error));
      g_assert_error (error, SCMP_ERROR, SCMP_ERROR_FAILED);
      if (!g_pattern_match_simple (cases[i].message, error->message))
        g_error ("%s: message “%s” does not match “%s”",
                 cases[i].name, error->message, cases[i].message);
      g_assert_true (g_str_has_prefix (error->message, "Invalid seccomp program"));
      g_clear_error (&error);

      /* NULL error is fine too. */
      g_assert_false (_scmp_bpf_validate (cases[i].prog, cases[i].n, NULL));
    }

  /* Too long. */
  {
    struct sock_filter *p = g_new0 (struct sock_filter, SCMP_BPF_MAX_INSNS + 1);
    GError *error = NULL;

    for (i = 0; i <= SCMP_BPF_MAX_INSNS; i++)
      p[i] = (struct sock_filter) BPF_STMT (BPF_RET | BPF_K, 0);
    g_assert_false (_scmp_bpf_validate (p, SCMP_BPF_MAX_INSNS + 1, &error));
    g_assert_error (error, SCMP_ERROR, SCMP_ERROR_FAILED);
    g_assert_nonnull (strstr (error->message, "it has 4097 instructions"));
    g_clear_error (&error);
    g_free (p);
  }
}

/* --- the action cache ----------------------------------------------------- */

static void
test_const_allow (void)
{
  const struct sock_filter prog[] = {
    BPF_STMT (BPF_LD | BPF_W | BPF_ABS, 4),                     /* 0 */
    BPF_JUMP (BPF_JMP | BPF_JEQ | BPF_K, AUDIT_ARCH_X86_64, 0, 5),    /* 1 → 2 / 7 */
    BPF_STMT (BPF_LD | BPF_W | BPF_ABS, 0),                     /* 2 */
    BPF_JUMP (BPF_JMP | BPF_JEQ | BPF_K, 1, 2, 0),              /* 3 → 6 / 4 */
    BPF_JUMP (BPF_JMP | BPF_JEQ | BPF_K, 2, 0, 2),              /* 4 → 5 / 7 */
    BPF_STMT (BPF_LD | BPF_W | BPF_ABS, 16),                    /* 5: args[0] */
    BPF_STMT (BPF_RET | BPF_K, SECCOMP_RET_ALLOW),              /* 6 */
    BPF_STMT (BPF_RET | BPF_K, SECCOMP_RET_KILL_PROCESS),       /* 7 */
  };
  const struct sock_filter ops[] = {
    BPF_STMT (BPF_LD | BPF_W | BPF_ABS, 0),                     /* 0 */
    BPF_STMT (BPF_ALU | BPF_AND | BPF_K, 0xff),                 /* 1 */
    BPF_JUMP (BPF_JMP | BPF_JGT | BPF_K, 200, 4, 0),            /* 2 → 7 / 3 */
    BPF_JUMP (BPF_JMP | BPF_JGE | BPF_K, 100, 0, 1),            /* 3 → 4 / 5 */
    BPF_STMT (BPF_JMP | BPF_JA, 2),                             /* 4 → 7 */
    BPF_JUMP (BPF_JMP | BPF_JSET | BPF_K, 1, 1, 0),             /* 5 → 7 / 6 */
    BPF_STMT (BPF_RET | BPF_K, RET_ERRNO (1)),                  /* 6 */
    BPF_STMT (BPF_RET | BPF_K, SECCOMP_RET_ALLOW),              /* 7 */
  };
  const struct sock_filter not_understood[][3] = {
    { BPF_STMT (BPF_LD | BPF_IMM, 0), BPF_STMT (BPF_RET | BPF_K, SECCOMP_RET_ALLOW) },
    { BPF_STMT (BPF_MISC | BPF_TAX, 0), BPF_STMT (BPF_RET | BPF_K, SECCOMP_RET_ALLOW) },
    { BPF_JUMP (BPF_JMP | BPF_JEQ | BPF_X, 0, 0, 0), BPF_STMT (BPF_RET | BPF_K, SECCOMP_RET_ALLOW) },
    { BPF_STMT (BPF_ALU | BPF_OR | BPF_K, 0), BPF_STMT (BPF_RET | BPF_K, SECCOMP_RET_ALLOW) },
    { BPF_STMT (BPF_LD | BPF_W | BPF_ABS, 8), BPF_STMT (BPF_RET | BPF_K, SECCOMP_RET_ALLOW) },
    { BPF_STMT (BPF_LD | BPF_W | BPF_LEN, 0), BPF_STMT (BPF_RET | BPF_K, SECCOMP_RET_ALLOW) },
    { BPF_STMT (BPF_LD | BPF_IMM, SECCOMP_RET_ALLOW), BPF_STMT (BPF_RET | BPF_A, 0) },
    { BPF_STMT (BPF_RET | BPF_K, SECCOMP_RET_LOG) },
    { BPF_STMT (BPF_RET | BPF_K, SECCOMP_RET_ALLOW | 1) },
  };
  const struct sock_filter fall_off[] = {
    BPF_STMT (BPF_LD | BPF_W | BPF_ABS, 0),
  };
  const struct sock_filter allow[] = {
    BPF_STMT (BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
  };
  gsize i;

  g_assert_true (test_bpf_is_const_allow (prog, N (prog), AUDIT_ARCH_X86_64, 1));
  /* nr 2 reaches RET ALLOW only through an argument load: not cacheable. */
  g_assert_false (test_bpf_is_const_allow (prog, N (prog), AUDIT_ARCH_X86_64, 2));
  g_assert_false (test_bpf_is_const_allow (prog, N (prog), AUDIT_ARCH_X86_64, 3));
  g_assert_false (test_bpf_is_const_allow (prog, N (prog), AUDIT_ARCH_I386, 1));

  /* nr & 0xff: > 200 allowed; 100..200 allowed via JA; below 100 odd
   * numbers allowed (JSET), even ones ERRNO. */
  g_assert_true (test_bpf_is_const_allow (ops, N (ops), 0, 201));
  g_assert_true (test_bpf_is_const_allow (ops, N (ops), 0, 0x100 + 201));
  g_assert_true (test_bpf_is_const_allow (ops, N (ops), 0, 150));
  g_assert_true (test_bpf_is_const_allow (ops, N (ops), 0, 99));
  g_assert_false (test_bpf_is_const_allow (ops, N (ops), 0, 98));
  g_assert_false (test_bpf_is_const_allow (ops, N (ops), 0, 0x100 + 98));
  g_assert_true (test_bpf_is_const_allow (ops, N (ops), 0, -1));

  for (i = 0; i < N (not_understood); i++)
    {
      gsize n = not_understood[i][1].code == 0 && not_understood[i][1].k == 0 ? 1 : 2;

      g_test_message ("not understood %" G_GSIZE_FORMAT, i);
      g_assert_false (test_bpf_is_const_allow (not_understood[i], n, AUDIT_ARCH_X86_64, 0));
    }

  g_assert_false (test_bpf_is_const_allow (fall_off, N (fall_off), AUDIT_ARCH_X86_64, 0));
  g_assert_true (test_bpf_is_const_allow (allow, N (allow), AUDIT_ARCH_X86_64, 0));
}

/* Random programs made only of what the emulator knows: whenever it says
 * "constant allow", running the program on any arguments must allow. */
static void
test_const_allow_random (void)
{
  GRand *rand = g_rand_new_with_seed (7);
  struct sock_filter prog[24];
  guint iter, n_true = 0, n_false = 0;

  for (iter = 0; iter < 3000; iter++)
    {
      guint n = g_rand_int_range (rand, 4, N (prog) + 1);
      guint i, j;
      gint32 nr = g_rand_int_range (rand, 0, 8);
      guint32 arch = g_rand_boolean (rand) ? AUDIT_ARCH_X86_64 : AUDIT_ARCH_I386;

      for (i = 0; i < n - 2; i++)
        {
          guint room = n - i - 2;  /* max relative offset */

          switch (g_rand_int_range (rand, 0, 7))
            {
            case 0:
              prog[i] = (struct sock_filter) BPF_STMT (BPF_LD | BPF_W | BPF_ABS, g_rand_boolean (rand) ? 0 : 4);
              break;
            case 1:
              prog[i] = (struct sock_filter) BPF_STMT (BPF_LD | BPF_W | BPF_ABS, 16 + 4 * g_rand_int_range (rand, 0, 12));
              break;
            case 2:
              prog[i] = (struct sock_filter) BPF_STMT (BPF_ALU | BPF_AND | BPF_K, g_rand_int_range (rand, 0, 8));
              break;
            case 3:
              prog[i] = (struct sock_filter) BPF_STMT (BPF_JMP | BPF_JA, g_rand_int_range (rand, 0, room + 1));
              break;
            case 4:
              prog[i] = (struct sock_filter) BPF_STMT (BPF_RET | BPF_K, g_rand_boolean (rand) ? SECCOMP_RET_ALLOW : RET_ERRNO (1));
              break;
            default:
              {
                static const guint16 jops[] = { BPF_JEQ, BPF_JGT, BPF_JGE, BPF_JSET };
                guint32 k = g_rand_boolean (rand) ? (guint32) g_rand_int_range (rand, 0, 8)
                                                  : (g_rand_boolean (rand) ? AUDIT_ARCH_X86_64 : AUDIT_ARCH_I386);

                prog[i] = (struct sock_filter) BPF_JUMP (BPF_JMP | jops[g_rand_int_range (rand, 0, 4)] | BPF_K, k,
                                                         g_rand_int_range (rand, 0, room + 1),
                                                         g_rand_int_range (rand, 0, room + 1));
              }
              break;
            }
        }
      prog[n - 2] = (struct sock_filter) BPF_STMT (BPF_RET | BPF_K, SECCOMP_RET_ALLOW);
      prog[n - 1] = (struct sock_filter) BPF_STMT (BPF_RET | BPF_K, RET_ERRNO (2));
      g_assert_true (_scmp_bpf_validate (prog, n, NULL));

      if (test_bpf_is_const_allow (prog, n, arch, nr))
        {
          n_true++;
          for (j = 0; j < 8; j++)
            {
              ScmpBpfData d = { .nr = nr, .arch = arch };
              ScmpBpfResult r;
              guint a;

              for (a = 0; a < 6; a++)
                d.args[a] = ((guint64) g_rand_int (rand) << 32) | g_rand_int_range (rand, 0, 8);
              r = _scmp_bpf_run (prog, n, &d, FALSE);
              g_assert_false (r.error);
              g_assert_cmphex (r.ret, ==, SECCOMP_RET_ALLOW);
            }
        }
      else
        n_false++;
    }

  g_test_message ("%u constant, %u not", n_true, n_false);
  g_assert_cmpuint (n_true, >, 100);
  g_assert_cmpuint (n_false, >, 100);
  g_rand_free (rand);
}

/* --- disassembly ---------------------------------------------------------- */

static void
test_disassemble (void)
{
  static const struct {
    struct sock_filter insn;
    guint pc;
    const char *text;
  } cases[] = {
    { BPF_STMT (BPF_LD | BPF_W | BPF_ABS, 4), 0, "ld [4]" },
    { BPF_STMT (BPF_LD | BPF_H | BPF_ABS, 2), 0, "ldh [2]" },
    { BPF_STMT (BPF_LD | BPF_B | BPF_ABS, 3), 0, "ldb [3]" },
    { BPF_STMT (BPF_LD | BPF_W | BPF_IND, 4), 0, "ld [x + 4]" },
    { BPF_STMT (BPF_LD | BPF_H | BPF_IND, 2), 0, "ldh [x + 2]" },
    { BPF_STMT (BPF_LD | BPF_B | BPF_IND, 1), 0, "ldb [x + 1]" },
    { BPF_STMT (BPF_LDX | BPF_B | BPF_MSH, 14), 0, "ldxb 4*([14]&0xf)" },
    { BPF_STMT (BPF_LD | BPF_W | BPF_LEN, 0), 0, "ld #len" },
    { BPF_STMT (BPF_LDX | BPF_W | BPF_LEN, 0), 0, "ldx #len" },
    { BPF_STMT (BPF_LD | BPF_IMM, 42), 0, "ld #0x2a" },
    { BPF_STMT (BPF_LDX | BPF_IMM, 42), 0, "ldx #0x2a" },
    { BPF_STMT (BPF_LD | BPF_MEM, 3), 0, "ld M[3]" },
    { BPF_STMT (BPF_LDX | BPF_MEM, 3), 0, "ldx M[3]" },
    { BPF_STMT (BPF_ST, 15), 0, "st M[15]" },
    { BPF_STMT (BPF_STX, 0), 0, "stx M[0]" },
    { BPF_STMT (BPF_ALU | BPF_ADD | BPF_K, 1), 0, "add #0x1" },
    { BPF_STMT (BPF_ALU | BPF_AND | BPF_X, 0), 0, "and x" },
    { BPF_STMT (BPF_ALU | BPF_RSH | BPF_K, 3), 0, "rsh #0x3" },
    { BPF_STMT (BPF_ALU | BPF_NEG, 0), 0, "neg" },
    { BPF_STMT (BPF_MISC | BPF_TAX, 0), 0, "tax" },
    { BPF_STMT (BPF_MISC | BPF_TXA, 0), 0, "txa" },
    { BPF_STMT (BPF_JMP | BPF_JA, 5), 10, "ja 16" },
    { BPF_JUMP (BPF_JMP | BPF_JEQ | BPF_K, AUDIT_ARCH_X86_64, 1, 8), 1, "jeq #0xc000003e jt 3 jf 10" },
    { BPF_JUMP (BPF_JMP | BPF_JSET | BPF_X, 0, 0, 0), 4, "jset x jt 5 jf 5" },
    { BPF_STMT (BPF_RET | BPF_K, SECCOMP_RET_ALLOW), 0, "ret #0x7fff0000" },
    { BPF_STMT (BPF_RET | BPF_A, 0), 0, "ret a" },
    { BPF_STMT (0x1234, 7), 0, ".insn code=0x1234 jt 0 jf 0 k 0x7" },
  };
  gsize i;

  for (i = 0; i < N (cases); i++)
    {
      char *text = test_bpf_disassemble (&cases[i].insn, cases[i].pc);

      g_assert_cmpstr (text, ==, cases[i].text);
      g_free (text);
    }

  /* The library's listing writes the targets as labels. */
  {
    const struct sock_filter jeq = BPF_JUMP (BPF_JMP | BPF_JEQ | BPF_K, AUDIT_ARCH_X86_64, 1, 8);
    const struct sock_filter jset = BPF_JUMP (BPF_JMP | BPF_JSET | BPF_X, 0, 0, 0);
    const struct sock_filter ja = BPF_STMT (BPF_JMP | BPF_JA, 0xffffffff);
    g_autofree char *jeq_text = _scmp_bpf_format_insn (&jeq, 1, "L");
    g_autofree char *jset_text = _scmp_bpf_format_insn (&jset, 4, "L");
    g_autofree char *ja_text = _scmp_bpf_format_insn (&ja, 4095, "L");

    g_assert_cmpstr (jeq_text, ==, "jeq #0xc000003e jt L3 jf L10");
    g_assert_cmpstr (jset_text, ==, "jset x jt L5 jf L5");
    /* 64 bits: no wrap-around to 4095. */
    g_assert_cmpstr (ja_text, ==, "ja L4294971391");
  }
}

/* --- against the kernel --------------------------------------------------- */

#if defined(__x86_64__)
# define NATIVE_ARCH AUDIT_ARCH_X86_64
#elif defined(__aarch64__)
# define NATIVE_ARCH AUDIT_ARCH_AARCH64
#endif

/* No ABI has a syscall 1000: allowed, it fails with ENOSYS and does
 * nothing, but the filter sees it with its six arguments. */
#define TEST_NR 1000
#define PREFIX_LEN 3
#define N_INPUTS 8

/* Loads @prog in a forked child, then makes TEST_NR calls with each
 * input's arguments and writes what each returned (errno, or 0) to a
 * pipe. Returns the number of results read into @observed and the child's
 * wait status in @status. When @load_result is not NULL, the child only
 * loads and reports 0, or the errno of the failed load, then exits. */
static guint
run_in_child (const struct sock_filter *prog,
              gsize                     n,
              const ScmpBpfData        *inputs,
              guint                     n_inputs,
              int                      *observed,
              int                      *status,
              int                      *load_result)
{
  struct sock_fprog fprog = { (unsigned short) n, (struct sock_filter *) prog };
  int fds[2];
  pid_t pid;
  guint got = 0;
  ssize_t r;

  g_assert_no_errno (pipe (fds));
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);

  if (pid == 0)
    {
      /* Child: async-signal-safe calls only. */
      guint i;
      int res;

      close (fds[0]);
      if (prctl (PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0)
        _exit (99);
      if (syscall (SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &fprog) != 0)
        {
          if (load_result == NULL)
            _exit (97);
          res = errno;
          (void) !write (fds[1], &res, sizeof res);
          _exit (0);
        }
      if (load_result != NULL)
        {
          res = 0;
          (void) !write (fds[1], &res, sizeof res);
          _exit (0);
        }

      for (i = 0; i < n_inputs; i++)
        {
          const guint64 *a = inputs[i].args;
          long rc;

          errno = 0;
          rc = syscall (TEST_NR, a[0], a[1], a[2], a[3], a[4], a[5]);
          res = rc == -1 ? errno : (rc == 0 ? 0 : -2);
          if (write (fds[1], &res, sizeof res) != sizeof res)
            _exit (98);
        }
      _exit (0);
    }

  close (fds[1]);
  if (load_result != NULL)
    {
      r = read (fds[0], load_result, sizeof *load_result);
      g_assert_cmpint (r, ==, sizeof *load_result);
    }
  else
    {
      int value;

      while (got < n_inputs &&
             (r = read (fds[0], &value, sizeof value)) == sizeof value)
        observed[got++] = value;
    }
  close (fds[0]);
  g_assert_cmpint (waitpid (pid, status, 0), ==, pid);
  return got;
}

/* Whether a child can load a filter at all: not under valgrind (which does
 * not know seccomp(2)), nor in a container that forbids it. */
static gboolean
skip_without_kernel_filters (void)
{
  static const struct sock_filter allow[] = {
    BPF_STMT (BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
  };
  int load_result = -1, status;
  const char *preload = g_getenv ("LD_PRELOAD");

  if (preload != NULL && strstr (preload, "vgpreload") != NULL)
    {
      scmp_test_skip_machine ("valgrind, which runs this test, cannot run seccomp(2)");
      return TRUE;
    }

  run_in_child (allow, 1, NULL, 0, NULL, &status, &load_result);
  if (!WIFEXITED (status) || load_result != 0)
    {
      scmp_test_skip_machine ("this process cannot load seccomp filters (forbidden here)");
      return TRUE;
    }
  return FALSE;
}

static guint32
random_k (GRand             *rand,
          const ScmpBpfData *inputs)
{
  const ScmpBpfData *d = &inputs[g_rand_int_range (rand, 0, N_INPUTS)];
  guint a = g_rand_int_range (rand, 0, 6);

  switch (g_rand_int_range (rand, 0, 6))
    {
    case 0: return g_rand_int_range (rand, 0, 4);
    case 1: return g_rand_int (rand);
    case 2: return (guint32) d->args[a];
    case 3: return d->args[a] >> 32;
    case 4: return 0xffffffff;
    default: return g_rand_int_range (rand, 0, 72);
    }
}

static guint64
random_arg (GRand *rand)
{
  switch (g_rand_int_range (rand, 0, 5))
    {
    case 0: return g_rand_int_range (rand, 0, 4);
    case 1: return (guint64) -(gint64) g_rand_int_range (rand, 1, 4);
    case 2: return (guint64) g_rand_int (rand) << 32;
    case 3: return g_rand_int (rand);
    default: return ((guint64) g_rand_int (rand) << 32) | g_rand_int (rand);
    }
}

/* A valid random program: PREFIX (only TEST_NR gets past it), a body of
 * loads, stores, ALU and forward jumps, and a tail of returns. Every
 * return is ALLOW or ERRNO, so the child can observe the value. */
static gsize
random_program (GRand              *rand,
                const ScmpBpfData  *inputs,
                struct sock_filter *prog,
                gsize               max)
{
  gsize body = g_rand_int_range (rand, 1, MIN (48, max - PREFIX_LEN - 6));
  gsize n = PREFIX_LEN + body + 6;
  gsize i;

  prog[0] = (struct sock_filter) BPF_STMT (BPF_LD | BPF_W | BPF_ABS, 0);
  prog[1] = (struct sock_filter) BPF_JUMP (BPF_JMP | BPF_JEQ | BPF_K, TEST_NR, 1, 0);
  prog[2] = (struct sock_filter) BPF_STMT (BPF_RET | BPF_K, SECCOMP_RET_ALLOW);

  for (i = PREFIX_LEN; i < PREFIX_LEN + body; i++)
    {
      guint room = MIN (n - i - 2, 255);
      static const guint16 alu[] = { BPF_ADD, BPF_SUB, BPF_MUL, BPF_DIV, BPF_AND,
                                     BPF_OR, BPF_XOR, BPF_LSH, BPF_RSH };
      static const guint16 jmp[] = { BPF_JEQ, BPF_JGT, BPF_JGE, BPF_JSET };
      guint16 op;
      guint32 k;

      switch (g_rand_int_range (rand, 0, 12))
        {
        case 0:
        case 1:
          /* nr, arch or an argument word; not the instruction pointer */
          k = g_rand_int_range (rand, 0, 14);
          k = k < 2 ? 4 * k : 16 + 4 * (k - 2);
          prog[i] = (struct sock_filter) BPF_STMT (BPF_LD | BPF_W | BPF_ABS, k);
          break;
        case 2:
          switch (g_rand_int_range (rand, 0, 4))
            {
            case 0: prog[i] = (struct sock_filter) BPF_STMT (BPF_LD | BPF_IMM, random_k (rand, inputs)); break;
            case 1: prog[i] = (struct sock_filter) BPF_STMT (BPF_LDX | BPF_IMM, random_k (rand, inputs)); break;
            case 2: prog[i] = (struct sock_filter) BPF_STMT (BPF_LD | BPF_W | BPF_LEN, 0); break;
            default: prog[i] = (struct sock_filter) BPF_STMT (BPF_LDX | BPF_W | BPF_LEN, 0); break;
            }
          break;
        case 3:
          switch (g_rand_int_range (rand, 0, 6))
            {
            case 0: prog[i] = (struct sock_filter) BPF_STMT (BPF_ST, g_rand_int_range (rand, 0, 3)); break;
            case 1: prog[i] = (struct sock_filter) BPF_STMT (BPF_STX, g_rand_int_range (rand, 0, 3)); break;
            case 2: prog[i] = (struct sock_filter) BPF_STMT (BPF_LD | BPF_MEM, g_rand_int_range (rand, 0, 3)); break;
            case 3: prog[i] = (struct sock_filter) BPF_STMT (BPF_LDX | BPF_MEM, g_rand_int_range (rand, 0, 3)); break;
            case 4: prog[i] = (struct sock_filter) BPF_STMT (BPF_MISC | BPF_TAX, 0); break;
            default: prog[i] = (struct sock_filter) BPF_STMT (BPF_MISC | BPF_TXA, 0); break;
            }
          break;
        case 4:
        case 5:
          op = alu[g_rand_int_range (rand, 0, N (alu))];
          k = random_k (rand, inputs);
          if (op == BPF_LSH || op == BPF_RSH)
            k &= 31;
          if (op == BPF_DIV && k == 0)
            k = 3;
          prog[i] = (struct sock_filter) BPF_STMT (BPF_ALU | op | BPF_K, k);
          break;
        case 6:
          op = alu[g_rand_int_range (rand, 0, N (alu))];
          prog[i] = (struct sock_filter) BPF_STMT (BPF_ALU | op | BPF_X, 0);
          break;
        case 7:
          prog[i] = (struct sock_filter) BPF_STMT (BPF_ALU | BPF_NEG, 0);
          break;
        case 8:
          prog[i] = (struct sock_filter) BPF_STMT (BPF_JMP | BPF_JA, g_rand_int_range (rand, 0, MIN (room, 8) + 1));
          break;
        default:
          op = jmp[g_rand_int_range (rand, 0, N (jmp))];
          prog[i] = (struct sock_filter) BPF_JUMP (BPF_JMP | op | (g_rand_int_range (rand, 0, 4) == 0 ? BPF_X : BPF_K),
                                                   random_k (rand, inputs),
                                                   g_rand_int_range (rand, 0, room + 1),
                                                   g_rand_int_range (rand, 0, room + 1));
          break;
        }
    }

  /* The tail: body falls through into an ERRNO built from A. */
  prog[i++] = (struct sock_filter) BPF_STMT (BPF_ALU | BPF_AND | BPF_K, 0xfff);
  prog[i++] = (struct sock_filter) BPF_STMT (BPF_ALU | BPF_OR | BPF_K, SECCOMP_RET_ERRNO);
  prog[i++] = (struct sock_filter) BPF_STMT (BPF_RET | BPF_A, 0);
  prog[i++] = (struct sock_filter) BPF_STMT (BPF_RET | BPF_K, RET_ERRNO (g_rand_int_range (rand, 1, 4096)));
  prog[i++] = (struct sock_filter) BPF_STMT (BPF_RET | BPF_K, SECCOMP_RET_ALLOW);
  prog[i++] = (struct sock_filter) BPF_STMT (BPF_RET | BPF_K, RET_ERRNO (g_rand_int_range (rand, 1, 4096)));
  g_assert_cmpuint (i, ==, n);

  return n;
}

static void
random_inputs (GRand       *rand,
               ScmpBpfData *inputs)
{
  guint i, a;

  for (i = 0; i < N_INPUTS; i++)
    {
      memset (&inputs[i], 0, sizeof inputs[i]);
      inputs[i].nr = TEST_NR;
#ifdef NATIVE_ARCH
      inputs[i].arch = NATIVE_ARCH;
#endif
      for (a = 0; a < 6; a++)
        inputs[i].args[a] = random_arg (rand);
    }
  /* Some inputs share arguments, so that equality tests can succeed. */
  for (i = 1; i < N_INPUTS; i += 2)
    for (a = 0; a < 6; a++)
      if (g_rand_boolean (rand))
        inputs[i].args[a] = inputs[i - 1].args[a];
}

typedef struct {
  guint n_programs;
  guint n_checked;
  guint n_killed;
  guint n_allow;
  guint n_errno_values;
} DiffCounters;

static void
dump_program (const struct sock_filter *prog,
              gsize                     n)
{
  gsize pc;

  for (pc = 0; pc < n; pc++)
    {
      char *line = test_bpf_disassemble (&prog[pc], pc);
      g_printerr ("%3" G_GSIZE_FORMAT ": %s\n", pc, line);
      g_free (line);
    }
}

/* Runs @prog in the kernel on each input and compares with the
 * interpreter's prediction. */
static void
check_against_kernel (const struct sock_filter *prog,
                      gsize                     n,
                      const ScmpBpfData        *inputs,
                      DiffCounters             *c)
{
  int observed[N_INPUTS];
  guint got, i;
  int status;

  c->n_programs++;
  got = run_in_child (prog, n, inputs, N_INPUTS, observed, &status, NULL);

  for (i = 0; i < N_INPUTS; i++)
    {
      ScmpBpfResult r = _scmp_bpf_run (prog, n, &inputs[i], FALSE);
      guint32 action = r.ret & SECCOMP_RET_ACTION_FULL;
      int expected;

      /* A valid program never fails: a division by X = 0 returns 0
       * (KILL_THREAD), as the kernel's program does. */
      g_assert_false (r.error);

      if (action == SECCOMP_RET_ERRNO)
        {
          /* capped at MAX_ERRNO; ERRNO(0) makes the call return 0 */
          expected = MIN (r.ret & SECCOMP_RET_DATA, 4095);
          c->n_errno_values++;
        }
      else if (action == SECCOMP_RET_ALLOW || action == SECCOMP_RET_LOG ||
               action == SECCOMP_RET_TRACE || action == SECCOMP_RET_USER_NOTIF)
        {
          /* The call runs and TEST_NR does not exist; or no tracer, or
           * no listener: ENOSYS either way. */
          expected = ENOSYS;
          c->n_allow++;
        }
      else
        {
          /* KILL_THREAD (the only thread), KILL_PROCESS, TRAP and unknown
           * actions: the child dies of SIGSYS. */
          if (got != i || !WIFSIGNALED (status) || WTERMSIG (status) != SIGSYS)
            {
              dump_program (prog, n);
              g_error ("program %u input %u: predicted SIGSYS (ret 0x%x), "
                       "the child gave %u results, status 0x%x",
                       c->n_programs, i, r.ret, got, status);
            }
          c->n_killed++;
          return;
        }

      if (i >= got)
        {
          dump_program (prog, n);
          g_error ("program %u input %u: the child stopped early (status 0x%x)",
                   c->n_programs, i, status);
        }
      if (observed[i] != expected)
        {
          dump_program (prog, n);
          g_error ("program %u input %u: kernel gave %d, interpreter "
                   "predicted %d (ret 0x%x)", c->n_programs, i, observed[i],
                   expected, r.ret);
        }
      c->n_checked++;
    }

  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);
}

static void
test_run_kernel_differential (void)
{
#ifndef NATIVE_ARCH
  g_test_skip ("The native audit arch of this machine is not known to the test: add it");
#else
  /* Edge cases, as bodies between the prefix and the tail (which turns A
   * into ERRNO(A & 0xfff)). */
  static const struct {
    gsize n;
    struct sock_filter body[4];
  } edges[] = {
    /* shift counts by X are taken modulo 32 */
    { 3, { BPF_STMT (BPF_LDX | BPF_IMM, 33), BPF_STMT (BPF_LD | BPF_IMM, 1), BPF_STMT (BPF_ALU | BPF_LSH | BPF_X, 0) } },
    { 3, { BPF_STMT (BPF_LDX | BPF_IMM, 32), BPF_STMT (BPF_LD | BPF_IMM, 1), BPF_STMT (BPF_ALU | BPF_LSH | BPF_X, 0) } },
    { 3, { BPF_STMT (BPF_LDX | BPF_IMM, 63), BPF_STMT (BPF_LD | BPF_IMM, 0x800), BPF_STMT (BPF_ALU | BPF_LSH | BPF_X, 0) } },
    { 3, { BPF_STMT (BPF_LDX | BPF_IMM, 36), BPF_STMT (BPF_LD | BPF_IMM, 0x800), BPF_STMT (BPF_ALU | BPF_RSH | BPF_X, 0) } },
    { 3, { BPF_STMT (BPF_LDX | BPF_IMM, 0xffffffe1), BPF_STMT (BPF_LD | BPF_IMM, 0x800), BPF_STMT (BPF_ALU | BPF_RSH | BPF_X, 0) } },
    /* division by X = 0 returns 0: KILL_THREAD */
    { 2, { BPF_STMT (BPF_LD | BPF_IMM, 7), BPF_STMT (BPF_ALU | BPF_DIV | BPF_X, 0) } },
    /* unsigned division */
    { 2, { BPF_STMT (BPF_LD | BPF_IMM, 0xfffffff0), BPF_STMT (BPF_ALU | BPF_DIV | BPF_K, 0x100000) } },
    /* ERRNO data above MAX_ERRNO is capped at 4095 */
    { 2, { BPF_STMT (BPF_LD | BPF_IMM, SECCOMP_RET_ERRNO | 0xffff), BPF_STMT (BPF_RET | BPF_A, 0) } },
    { 2, { BPF_STMT (BPF_LD | BPF_IMM, SECCOMP_RET_ERRNO | 0x1000), BPF_STMT (BPF_RET | BPF_A, 0) } },
    { 2, { BPF_STMT (BPF_LD | BPF_IMM, SECCOMP_RET_ERRNO), BPF_STMT (BPF_RET | BPF_A, 0) } },
    /* other actions */
    { 2, { BPF_STMT (BPF_LD | BPF_IMM, SECCOMP_RET_LOG), BPF_STMT (BPF_RET | BPF_A, 0) } },
    { 2, { BPF_STMT (BPF_LD | BPF_IMM, SECCOMP_RET_TRACE | 5), BPF_STMT (BPF_RET | BPF_A, 0) } },
    { 2, { BPF_STMT (BPF_LD | BPF_IMM, SECCOMP_RET_USER_NOTIF), BPF_STMT (BPF_RET | BPF_A, 0) } },
    { 2, { BPF_STMT (BPF_LD | BPF_IMM, SECCOMP_RET_TRAP | 3), BPF_STMT (BPF_RET | BPF_A, 0) } },
    { 2, { BPF_STMT (BPF_LD | BPF_IMM, 0x12340000), BPF_STMT (BPF_RET | BPF_A, 0) } },
    /* both halves of an argument; the high word of args[5] */
    { 4, { BPF_STMT (BPF_LD | BPF_W | BPF_ABS, 16), BPF_STMT (BPF_MISC | BPF_TAX, 0), BPF_STMT (BPF_LD | BPF_W | BPF_ABS, 20), BPF_STMT (BPF_ALU | BPF_XOR | BPF_X, 0) } },
    { 2, { BPF_STMT (BPF_LD | BPF_W | BPF_ABS, 60), BPF_STMT (BPF_ALU | BPF_RSH | BPF_K, 20) } },
    /* arch and length */
    { 3, { BPF_STMT (BPF_LD | BPF_W | BPF_ABS, 4), BPF_JUMP (BPF_JMP | BPF_JEQ | BPF_K, NATIVE_ARCH, 0, 1), BPF_STMT (BPF_LD | BPF_W | BPF_LEN, 0) } },
    /* NEG and wrap-around */
    { 3, { BPF_STMT (BPF_LD | BPF_IMM, 5), BPF_STMT (BPF_ALU | BPF_NEG, 0), BPF_STMT (BPF_ALU | BPF_ADD | BPF_K, 0x1000) } },
    { 2, { BPF_STMT (BPF_LD | BPF_IMM, 0x10001), BPF_STMT (BPF_ALU | BPF_MUL | BPF_K, 0x10001) } },
  };
  GRand *rand;
  struct sock_filter prog[64];
  DiffCounters c = { 0 };
  guint n_rejected = 0, attempts, e;

  if (skip_without_kernel_filters ())
    return;

  g_test_summary ("Runs hand-written and random valid programs in the "
                  "kernel (in forked children) and compares what TEST_NR "
                  "returned with what _scmp_bpf_run() predicts.");

  rand = g_rand_new_with_seed (g_test_rand_int ());

  for (e = 0; e < N (edges); e++)
    {
      ScmpBpfData inputs[N_INPUTS];
      gsize n = 0, i;

      random_inputs (rand, inputs);
      /* the prefix and tail of a random program, around this body */
      random_program (rand, inputs, prog, N (prog));
      for (i = 0; i < edges[e].n; i++)
        prog[PREFIX_LEN + i] = edges[e].body[i];
      prog[PREFIX_LEN + i++] = (struct sock_filter) BPF_STMT (BPF_ALU | BPF_AND | BPF_K, 0xfff);
      prog[PREFIX_LEN + i++] = (struct sock_filter) BPF_STMT (BPF_ALU | BPF_OR | BPF_K, SECCOMP_RET_ERRNO);
      prog[PREFIX_LEN + i++] = (struct sock_filter) BPF_STMT (BPF_RET | BPF_A, 0);
      n = PREFIX_LEN + i;
      g_assert_true (_scmp_bpf_validate (prog, n, NULL));
      check_against_kernel (prog, n, inputs, &c);
    }

  for (attempts = 0; c.n_programs < N (edges) + 200 && attempts < 5000; attempts++)
    {
      ScmpBpfData inputs[N_INPUTS];
      gsize n;

      random_inputs (rand, inputs);
      n = random_program (rand, inputs, prog, N (prog));
      if (!_scmp_bpf_validate (prog, n, NULL))
        {
          n_rejected++;  /* scratch memory read before written */
          continue;
        }
      check_against_kernel (prog, n, inputs, &c);
    }

  g_test_message ("%u programs (%u hand-written), %u inputs checked "
                  "(%u ALLOW-like, %u ERRNO), %u SIGSYS deaths, %u generated "
                  "programs rejected", c.n_programs, (guint) N (edges),
                  c.n_checked, c.n_allow, c.n_errno_values, c.n_killed,
                  n_rejected);
  g_assert_cmpuint (c.n_programs, ==, N (edges) + 200);
  g_assert_cmpuint (c.n_allow, >, 0);
  g_assert_cmpuint (c.n_errno_values, >, 0);
  g_assert_cmpuint (c.n_killed, >, 0);
  g_rand_free (rand);
#endif
}

/* Mutates valid programs and checks that the kernel accepts exactly what
 * _scmp_bpf_validate() accepts. The prefix is left alone, so a program
 * that loads only affects TEST_NR and the child can exit normally. */
static void
test_validate_kernel_differential (void)
{
#ifndef NATIVE_ARCH
  g_test_skip ("The native audit arch of this machine is not known to the test: add it");
#else
  static const guint16 codes[] = {
    BPF_ALU | BPF_MOD | BPF_K, BPF_ALU | BPF_MOD | BPF_X,
    BPF_LD | BPF_H | BPF_ABS, BPF_LD | BPF_B | BPF_ABS, BPF_LD | BPF_W | BPF_IND,
    BPF_LDX | BPF_B | BPF_MSH, BPF_ALU | BPF_NEG | BPF_X, BPF_ST, BPF_LD | BPF_MEM,
    BPF_ALU | BPF_DIV | BPF_K, BPF_ALU | BPF_LSH | BPF_K, BPF_JMP | BPF_JA,
    BPF_RET | BPF_X, BPF_LD | BPF_W | BPF_ABS, BPF_LDX | BPF_W | BPF_ABS,
    BPF_JMP | BPF_JEQ | BPF_K, BPF_MISC | 0x10, 0x00ff,
  };
  GRand *rand = g_rand_new_with_seed (g_test_rand_int ());
  struct sock_filter prog[64];
  guint iter, n_accept = 0, n_reject = 0;
  gsize i;

  if (skip_without_kernel_filters ())
    {
      g_rand_free (rand);
      return;
    }

  /* Every hand-written rejection is a rejection by the kernel too. */
  for (i = 0; i < N (reject_cases); i++)
    {
      int load_result = -1, status;

      g_test_message ("%s", reject_cases[i].name);
      run_in_child (reject_cases[i].prog, reject_cases[i].n, NULL, 0, NULL,
                    &status, &load_result);
      g_assert_true (WIFEXITED (status));
      g_assert_cmpint (WEXITSTATUS (status), ==, 0);
      g_assert_cmpint (load_result, ==, EINVAL);
    }

  /* Jumps to the last instruction and one past it. */
  for (i = 0; i < 6; i++)
    {
      struct sock_filter p[] = {
        BPF_STMT (BPF_LD | BPF_W | BPF_ABS, 0),
        BPF_JUMP (BPF_JMP | BPF_JEQ | BPF_K, TEST_NR, 1, 0),
        BPF_STMT (BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
        BPF_STMT (BPF_JMP | BPF_JA, 0),                           /* 3 */
        BPF_JUMP (BPF_JMP | BPF_JGE | BPF_X, 0, 0, 0),            /* 4 */
        BPF_STMT (BPF_RET | BPF_K, SECCOMP_RET_ERRNO | 1),        /* 5 */
      };
      int load_result = -1, status;
      gboolean predicted;

      switch (i)
        {
        case 0: p[3].k = 1; break;   /* lands on 5 */
        case 1: p[3].k = 2; break;   /* past the end */
        case 2: p[4].jt = 0; p[4].jf = 0; break;
        case 3: p[4].jt = 1; break;
        case 4: p[4].jf = 1; break;
        default: p[3].k = 0xfffffffc; break;
        }
      predicted = _scmp_bpf_validate (p, N (p), NULL);
      g_assert_cmpint (predicted, ==, i == 0 || i == 2);
      run_in_child (p, N (p), NULL, 0, NULL, &status, &load_result);
      g_assert_true (WIFEXITED (status));
      g_assert_cmpint (load_result, ==, predicted ? 0 : EINVAL);
    }

  for (iter = 0; iter < 300; iter++)
    {
      ScmpBpfData inputs[N_INPUTS];
      gsize n, pc;
      int load_result = -1, status;
      gboolean predicted;

      random_inputs (rand, inputs);
      n = random_program (rand, inputs, prog, N (prog));
      pc = g_rand_int_range (rand, PREFIX_LEN, n);

      switch (g_rand_int_range (rand, 0, 7))
        {
        case 0:
          prog[pc].code = codes[g_rand_int_range (rand, 0, N (codes))];
          break;
        case 1:
          prog[pc].k = g_rand_boolean (rand) ? (guint32) g_rand_int_range (rand, 0, 70)
                                             : g_rand_int (rand);
          break;
        case 2:
          prog[pc].jt = g_rand_int_range (rand, 0, 256);
          prog[pc].jf = g_rand_int_range (rand, 0, 64);
          break;
        case 3:
          n = pc + 1;  /* may end without RET */
          break;
        case 4:
          prog[pc].code = codes[g_rand_int_range (rand, 0, N (codes))];
          prog[pc].k = g_rand_int_range (rand, 0, 70);
          break;
        default:
          break;  /* unchanged: mostly valid, unless memory is read early */
        }

      predicted = _scmp_bpf_validate (prog, n, NULL);
      run_in_child (prog, n, NULL, 0, NULL, &status, &load_result);
      g_assert_true (WIFEXITED (status));
      g_assert_cmpint (WEXITSTATUS (status), ==, 0);

      if (predicted != (load_result == 0) ||
          (load_result != 0 && load_result != EINVAL))
        {
          GError *error = NULL;

          _scmp_bpf_validate (prog, n, &error);
          dump_program (prog, n);
          g_error ("iteration %u: validate says %s (%s), kernel says %s",
                   iter, predicted ? "valid" : "invalid",
                   error != NULL ? error->message : "",
                   load_result == 0 ? "loaded" : g_strerror (load_result));
        }

      if (predicted)
        n_accept++;
      else
        n_reject++;
    }

  g_test_message ("%u accepted, %u rejected, all as the kernel did",
                  n_accept, n_reject);
  g_assert_cmpuint (n_accept, >, 20);
  g_assert_cmpuint (n_reject, >, 20);
  g_rand_free (rand);
#endif
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/bpf/run/ret", test_run_ret);
  g_test_add_func ("/bpf/run/load-endianness", test_run_load_endianness);
  g_test_add_func ("/bpf/run/len", test_run_len);
  g_test_add_func ("/bpf/run/alu", test_run_alu);
  g_test_add_func ("/bpf/run/alu-refused", test_run_alu_refused);
  g_test_add_func ("/bpf/run/registers", test_run_registers);
  g_test_add_func ("/bpf/run/memory", test_run_memory);
  g_test_add_func ("/bpf/run/jumps", test_run_jumps);
  g_test_add_func ("/bpf/run/errors", test_run_errors);
  g_test_add_func ("/bpf/run/fuzz", test_run_fuzz);
  g_test_add_func ("/bpf/run/kernel-differential", test_run_kernel_differential);
  g_test_add_func ("/bpf/serialize/fixed", test_serialize);
  g_test_add_func ("/bpf/serialize/random", test_serialize_random);
  g_test_add_func ("/bpf/validate/accept", test_validate_accept);
  g_test_add_func ("/bpf/validate/reject", test_validate_reject);
  g_test_add_func ("/bpf/validate/kernel-differential", test_validate_kernel_differential);
  g_test_add_func ("/bpf/const-allow/fixed", test_const_allow);
  g_test_add_func ("/bpf/const-allow/random", test_const_allow_random);
  g_test_add_func ("/bpf/disassemble", test_disassemble);

  return g_test_run ();
}
