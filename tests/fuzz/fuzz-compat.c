/* fuzz-compat.c: bytes → a sequence of libseccomp API calls on the compat
 * layer (seccomp/) → its program
 *
 * SPDX-FileCopyrightText: 2026 The scmp-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Each input drives two contexts through init, arch_add/remove, every
 * rule_add form (actions, syscall numbers and pseudo-numbers, conditions
 * with any argument, operator and data), attr_set, priorities, merge,
 * reset, transactions and precompute, never loading. Checked:
 *
 * - every call answers 0 or one of the negative errnos libseccomp's man
 *   pages list, and never reaches a critical or warning in scmp-glib;
 * - a call that fails leaves the context's program byte-identical, and a
 *   rejected transaction brings back the program from its start;
 * - what the layer took compiles (only a program over the kernel's
 *   limit may fail to);
 * - the program exported to memory passes the kernel's checker (the
 *   library's copy), and is the same from seccomp_export_bpf() to a file,
 *   from a second export and after seccomp_precompute(); the PFC export
 *   writes something.
 */

#include "config.h"

#include <errno.h>
#include <scmp-glib/scmp-glib.h>
#include <seccomp.h>
#include <stdio.h>
#include <sys/mman.h>
#include <unistd.h>

#include "scmp-bpf-private.h"
#include "scmp-seccomp-private.h"
#include "fuzz-common.h"

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_init ();
  return 0;
}

static const uint32_t arch_tokens[] = {
  SCMP_ARCH_NATIVE, SCMP_ARCH_X86_64, SCMP_ARCH_X86, SCMP_ARCH_X32, SCMP_ARCH_ARM,
  SCMP_ARCH_AARCH64, SCMP_ARCH_MIPS, SCMP_ARCH_MIPSEL64N32, SCMP_ARCH_PPC64LE, SCMP_ARCH_PPC,
  SCMP_ARCH_S390X, SCMP_ARCH_S390, SCMP_ARCH_RISCV64, SCMP_ARCH_LOONGARCH64, 0x12345678,
};

static const char * const names[] = {
  "read", "write", "open", "openat", "close", "kill", "ioctl", "mmap", "clone", "socket",
  "accept", "connect", "shmat", "semop", "msgrcv", "umount", "chmod", "getpid", "lseek",
  "socketcall", "ipc", "personality", "fcntl64", "_llseek",
};

static const guint64 data_values[] = {
  0, 1, 2, 5, 0x7f, 0xff, 0x8000, 0xffff, 0x7fffffff, 0x80000000, 0xffffffff,
  0x100000000, 0x100000001, 0xffffffff80000000, 0xffffffff00000000, G_MAXUINT64,
  G_MAXUINT64 - 99, 0x8000000000000000,
};

static uint32_t
pick_action (FuzzReader *r)
{
  switch (fuzz_below (r, 10))
    {
    case 0: return SCMP_ACT_ALLOW;
    case 1: return SCMP_ACT_KILL_PROCESS;
    case 2: return SCMP_ACT_KILL_THREAD;
    case 3: return SCMP_ACT_TRAP;
    case 4: return SCMP_ACT_ERRNO (fuzz_u8 (r) | (fuzz_below (r, 8) == 0 ? 0xf00 : 0));
    case 5: return SCMP_ACT_TRACE (fuzz_u8 (r));
    case 6: return SCMP_ACT_LOG;
    case 7: return SCMP_ACT_NOTIFY;
    case 8: return SCMP_ACT_ERRNO (1);
    default: return fuzz_u32 (r);
    }
}

static int
pick_syscall (FuzzReader *r)
{
  const char *name = names[fuzz_below (r, G_N_ELEMENTS (names))];

  switch (fuzz_below (r, 6))
    {
    case 0:
      return -1;
    case 1:
      return (int) fuzz_u32 (r);
    case 2:
      return fuzz_below (r, 600);
    case 3:
      /* libseccomp's pseudo-number on x86, where socket calls have one */
      return seccomp_syscall_resolve_name_arch (SCMP_ARCH_X86, name);
    default:
      return seccomp_syscall_resolve_name (name);
    }
}

static guint64
pick_datum (FuzzReader *r)
{
  if (fuzz_below (r, 4) == 0)
    return fuzz_u64 (r);
  return data_values[fuzz_below (r, G_N_ELEMENTS (data_values))];
}

/* The context's program, or NULL where it has none to export (no ABIs,
 * or a kernel refusal): compared byte for byte. */
static GBytes *
export_mem (scmp_filter_ctx ctx)
{
  /* one compile: room for more than the kernel's 4096 instructions */
  size_t len = 8 * 4200;
  guint8 *buf = g_malloc (len);

  if (seccomp_export_bpf_mem (ctx, buf, &len) != 0)
    {
      g_free (buf);
      return NULL;
    }
  return g_bytes_new_take (buf, len);
}

static gboolean
same_program (GBytes *a,
              GBytes *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return g_bytes_equal (a, b);
}

static gboolean
documented_errno (int r)
{
  switch (r)
    {
    case 0:
    case -EACCES:
    case -ECANCELED:
    case -EDOM:
    case -EEXIST:
    case -EFAULT:
    case -EINVAL:
    case -ENOMEM:
    case -EOPNOTSUPP:
    case -ESRCH:
      return TRUE;
    default:
      return FALSE;
    }
}

/* The exported program passes the checker, and reads the same however
 * it is written out. */
static void
check_program (scmp_filter_ctx ctx)
{
  g_autoptr(GBytes) mem = export_mem (ctx);
  g_autoptr(GBytes) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree struct sock_filter *insns = NULL;
  gsize n_insns = 0;
  int fd;

  if (mem == NULL)
    {
      /* what the layer took must compile: only a program over the
       * kernel's limit, or a context left without ABIs, may fail */
      g_autoptr(ScmpFilter) filter = _scmp_seccomp_build_filter (ctx, &error);
      g_autoptr(GBytes) bpf = NULL;
      g_autofree ScmpArchitecture *arches = NULL;
      gsize n_arches = 0;

      if (filter == NULL)
        g_error ("the compat layer took rules it cannot translate: %s", error->message);
      arches = scmp_filter_list_arches (filter, &n_arches);
      bpf = scmp_filter_export_bpf (filter, &error);
      g_assert_null (bpf);
      if (n_arches == 0)
        g_assert_error (error, SCMP_ERROR, SCMP_ERROR_INVALID_ARCHITECTURE);
      else if (!g_error_matches (error, SCMP_ERROR, SCMP_ERROR_TOO_LARGE))
        g_error ("the compat layer took rules that do not compile: %s", error->message);
      return;
    }
  {
    /* the program is in its ABIs' byte order */
    g_autoptr(ScmpFilter) filter = _scmp_seccomp_build_filter (ctx, &error);
    g_autofree ScmpArchitecture *arches = NULL;
    gsize n_arches = 0;

    g_assert_no_error (error);
    arches = scmp_filter_list_arches (filter, &n_arches);
    g_assert_cmpuint (n_arches, >, 0);
    insns = _scmp_bpf_deserialize (g_bytes_get_data (mem, NULL), g_bytes_get_size (mem),
                                   scmp_architecture_is_big_endian (arches[0]), &n_insns);
  }
  g_assert_nonnull (insns);
  if (!_scmp_bpf_validate (insns, n_insns, &error))
    g_error ("the compat layer exported a program the kernel refuses: %s", error->message);

  fd = memfd_create ("fuzz-compat", MFD_CLOEXEC);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (seccomp_export_bpf (ctx, fd), ==, 0);
  {
    off_t size = lseek (fd, 0, SEEK_END);
    g_autofree guint8 *buf = g_malloc (size + 1);

    g_assert_cmpint (pread (fd, buf, size, 0), ==, size);
    g_assert_cmpmem (buf, size, g_bytes_get_data (mem, NULL), g_bytes_get_size (mem));
  }
  close (fd);

  /* the text form of the same filter */
  fd = memfd_create ("fuzz-compat-pfc", MFD_CLOEXEC);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (seccomp_export_pfc (ctx, fd), ==, 0);
  g_assert_cmpint (lseek (fd, 0, SEEK_END), >, 0);
  close (fd);

  g_assert_cmpint (seccomp_precompute (ctx), ==, 0);
  again = export_mem (ctx);
  g_assert_true (same_program (mem, again));
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  FuzzReader r = { data, size, 0 };
  scmp_filter_ctx ctx[2];
  GPtrArray *saved[2];          /* the program at each open transaction's start */
  guint n_calls = 0;

  for (int i = 0; i < 2; i++)
    {
      ctx[i] = seccomp_init (pick_action (&r));
      if (ctx[i] == NULL)
        ctx[i] = seccomp_init (SCMP_ACT_ALLOW);
      g_assert_nonnull (ctx[i]);
      saved[i] = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
    }

  while (r.pos < r.size && n_calls++ < 40)
    {
      guint which = fuzz_below (&r, 2);
      scmp_filter_ctx c = ctx[which];
      /* the program before the call, for one call in four (a compile
       * each) and at every transaction's start */
      gboolean check_unchanged = fuzz_below (&r, 4) == 0;
      g_autoptr(GBytes) before = NULL;
      g_autoptr(GBytes) after = NULL;
      int ret = 0;

      if (check_unchanged)
        before = export_mem (c);
      switch (fuzz_below (&r, 12))
        {
        case 0:
          ret = seccomp_arch_add (c, arch_tokens[fuzz_below (&r, G_N_ELEMENTS (arch_tokens))]);
          break;
        case 1:
          ret = seccomp_arch_remove (c, arch_tokens[fuzz_below (&r, G_N_ELEMENTS (arch_tokens))]);
          break;
        case 2:
        case 3:
        case 4:
        case 5:
          {
            struct scmp_arg_cmp cmp[8];
            guint n = fuzz_below (&r, 8) == 0 ? fuzz_below (&r, 8) : fuzz_below (&r, 4);
            uint32_t action = pick_action (&r);
            int nr = pick_syscall (&r);
            gboolean exact = fuzz_below (&r, 4) == 0;

            for (guint i = 0; i < n; i++)
              {
                cmp[i].arg = fuzz_below (&r, 8) == 0 ? fuzz_below (&r, 8) : fuzz_below (&r, 6);
                cmp[i].op = fuzz_below (&r, _SCMP_CMP_MAX + 1);
                cmp[i].datum_a = pick_datum (&r);
                cmp[i].datum_b = pick_datum (&r);
              }
            ret = exact ? seccomp_rule_add_exact_array (c, action, nr, n, cmp)
                        : seccomp_rule_add_array (c, action, nr, n, cmp);
          }
          break;
        case 6:
          {
            int attr = fuzz_below (&r, _SCMP_FLTATR_MAX + 1);
            uint32_t value = fuzz_below (&r, 3) == 0 ? pick_action (&r) : fuzz_below (&r, 3);
            uint32_t got = 0;

            ret = seccomp_attr_set (c, attr, value);
            /* what was set reads back (a switch as 0 or 1) */
            if (ret == 0)
              {
                g_assert_cmpint (seccomp_attr_get (c, attr, &got), ==, 0);
                g_assert_true (got == value || (value > 1 && got == 1));
              }
          }
          break;
        case 7:
          ret = seccomp_syscall_priority (c, pick_syscall (&r), fuzz_u8 (&r));
          break;
        case 8:
          ret = seccomp_merge (ctx[0], ctx[1]);
          if (ret == 0)
            {
              /* ctx[1] is gone, its transactions with it */
              ctx[1] = seccomp_init (SCMP_ACT_ALLOW);
              g_ptr_array_set_size (saved[1], 0);
              continue;
            }
          break;
        case 9:
          {
            uint32_t action = pick_action (&r);

            ret = seccomp_reset (c, action);
            if (ret == 0)
              {
                g_ptr_array_set_size (saved[which], 0);
                continue;
              }
          }
          break;
        case 10:
          switch (fuzz_below (&r, 3))
            {
            case 0:
              ret = seccomp_transaction_start (c);
              g_assert_cmpint (ret, ==, 0);
              g_ptr_array_add (saved[which], export_mem (c));
              continue;
            case 1:
              ret = seccomp_transaction_commit (c);
              g_assert_cmpint (ret, ==, saved[which]->len > 0 ? 0 : -EINVAL);
              if (saved[which]->len > 0)
                g_ptr_array_set_size (saved[which], saved[which]->len - 1);
              break;
            default:
              seccomp_transaction_reject (c);
              if (saved[which]->len > 0)
                {
                  GBytes *start = g_ptr_array_index (saved[which], saved[which]->len - 1);

                  after = export_mem (c);
                  g_assert_true (same_program (start, after));
                  g_ptr_array_set_size (saved[which], saved[which]->len - 1);
                }
              continue;
            }
          break;
        default:
          check_program (c);
          continue;
        }

      if (!documented_errno (ret))
        g_error ("a compat call answered %d, which libseccomp's man pages do not list", ret);
      if (ret < 0 && check_unchanged)
        {
          after = export_mem (c);
          if (!same_program (before, after))
            g_error ("a compat call failed with %d but changed the program", ret);
        }
    }

  for (int i = 0; i < 2; i++)
    {
      check_program (ctx[i]);
      seccomp_release (ctx[i]);
      g_ptr_array_unref (saved[i]);
    }
  return 0;
}
