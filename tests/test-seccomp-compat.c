/* test-seccomp-compat.c: the libseccomp-compatible API, from its man pages
 *
 * SPDX-FileCopyrightText: 2026 The scmp-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Every function of seccomp.h that libscmp-glib-seccomp implements, with
 * the return values the libseccomp man pages document, and the rule
 * semantics they describe (checked by evaluating the ScmpFilter a context
 * translates into, and the BPF it exports).
 */

#include <seccomp.h>

#include <scmp-glib/scmp-glib.h>

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "scmp-seccomp-private.h"
#include "test-seccomp-compat-level.h"
#include "test-skip.h"

/* The action @ctx gives a call, from the filter it translates into, which
 * is also checked to be the program seccomp_export_bpf_mem() writes. */
static uint32_t
evaluate (scmp_filter_ctx  ctx,
          ScmpArchitecture arch,
          const char      *syscall,
          guint64          a0,
          guint64          a1)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScmpFilter) filter = _scmp_seccomp_build_filter (ctx, &error);
  g_autoptr(ScmpAction) action = NULL;
  g_autoptr(GBytes) bpf = NULL;
  guint64 args[6] = { a0, a1, 0, 0, 0, 0 };
  g_autofree guint8 *buf = NULL;
  size_t len = 0;

  g_assert_no_error (error);
  bpf = scmp_filter_export_bpf (filter, &error);
  g_assert_no_error (error);
  g_assert_cmpint (seccomp_export_bpf_mem (ctx, NULL, &len), ==, 0);
  g_assert_cmpuint (len, ==, g_bytes_get_size (bpf));
  buf = g_malloc (len);
  g_assert_cmpint (seccomp_export_bpf_mem (ctx, buf, &len), ==, 0);
  g_assert_cmpmem (buf, len, g_bytes_get_data (bpf, NULL), g_bytes_get_size (bpf));

  action = scmp_filter_evaluate_syscall (filter, arch, syscall, args, 6, &error);
  g_assert_no_error (error);
  return scmp_action_get_kernel_value (action);
}

#define NATIVE (scmp_architecture_get_native ())

static void
test_version (void)
{
  const struct scmp_version *v = seccomp_version ();

  g_assert_nonnull (v);
  g_assert_cmpuint (v->major, ==, SCMP_VER_MAJOR);
  g_assert_cmpuint (v->minor, ==, SCMP_VER_MINOR);
  g_assert_cmpuint (v->micro, ==, SCMP_VER_MICRO);
  g_assert_cmpuint (v->major, ==, 2);
  g_assert_cmpuint (v->minor, ==, 6);
}

static void
test_api_level (void)
{
  g_assert_cmpuint (machine_api_level, >=, 1);
  g_assert_cmpuint (machine_api_level, <=, 7);
  g_assert_cmpint (seccomp_api_set (0), ==, -EINVAL);
  g_assert_cmpint (seccomp_api_set (8), ==, -EINVAL);
  g_assert_cmpint (seccomp_api_set (3), ==, 0);
  g_assert_cmpuint (seccomp_api_get (), ==, 3);

  /* a level lacks the kernel flags of the levels above it */
  {
    scmp_filter_ctx ctx = seccomp_init (SCMP_ACT_ALLOW);
    uint32_t value = 7;

    g_assert_cmpint (seccomp_attr_set (ctx, SCMP_FLTATR_CTL_TSYNC, 1), ==, 0);
    g_assert_cmpint (seccomp_attr_set (ctx, SCMP_FLTATR_CTL_LOG, 1), ==, 0);
    g_assert_cmpint (seccomp_attr_set (ctx, SCMP_FLTATR_CTL_SSB, 1), ==, -EOPNOTSUPP);
    g_assert_cmpint (seccomp_attr_set (ctx, SCMP_FLTATR_CTL_SSB, 0), ==, -EOPNOTSUPP);
    g_assert_cmpint (seccomp_attr_get (ctx, SCMP_FLTATR_CTL_SSB, &value), ==, 0);
    g_assert_cmpuint (value, ==, 0);
    g_assert_cmpint (seccomp_api_set (1), ==, 0);
    g_assert_cmpint (seccomp_attr_set (ctx, SCMP_FLTATR_CTL_TSYNC, 0), ==, -EOPNOTSUPP);
    g_assert_cmpint (seccomp_attr_set (ctx, SCMP_FLTATR_CTL_LOG, 0), ==, -EOPNOTSUPP);
    g_assert_cmpint (seccomp_attr_get (ctx, SCMP_FLTATR_CTL_TSYNC, &value), ==, 0);
    g_assert_cmpuint (value, ==, 1);
    /* the others have no level */
    g_assert_cmpint (seccomp_attr_set (ctx, SCMP_FLTATR_CTL_NNP, 0), ==, 0);
    g_assert_cmpint (seccomp_attr_set (ctx, SCMP_FLTATR_API_SYSRAWRC, 1), ==, 0);
    seccomp_release (ctx);
  }
  /* ... and the actions: LOG and KILL_PROCESS come with 3, NOTIFY with 5 */
  {
    scmp_filter_ctx ctx;

    g_assert_cmpint (seccomp_api_set (2), ==, 0);
    g_assert_null (seccomp_init (SCMP_ACT_LOG));
    g_assert_null (seccomp_init (SCMP_ACT_KILL_PROCESS));
    ctx = seccomp_init (SCMP_ACT_ALLOW);
    g_assert_nonnull (ctx);
    g_assert_cmpint (seccomp_rule_add (ctx, SCMP_ACT_LOG, SCMP_SYS (getpid), 0), ==, -EINVAL);
    g_assert_cmpint (seccomp_attr_set (ctx, SCMP_FLTATR_ACT_BADARCH, SCMP_ACT_KILL_PROCESS), ==, -EINVAL);
    g_assert_cmpint (seccomp_reset (ctx, SCMP_ACT_LOG), ==, -EINVAL);
    g_assert_cmpint (seccomp_api_set (4), ==, 0);
    g_assert_cmpint (seccomp_rule_add (ctx, SCMP_ACT_LOG, SCMP_SYS (getpid), 0), ==, 0);
    g_assert_cmpint (seccomp_rule_add (ctx, SCMP_ACT_NOTIFY, SCMP_SYS (getppid), 0), ==, -EINVAL);
    g_assert_null (seccomp_init (SCMP_ACT_NOTIFY));

    /* NOTIFY with TSYNC needs TSYNC_ESRCH (6), in either order */
    g_assert_cmpint (seccomp_api_set (5), ==, 0);
    g_assert_cmpint (seccomp_rule_add (ctx, SCMP_ACT_NOTIFY, SCMP_SYS (getppid), 0), ==, 0);
    g_assert_cmpint (seccomp_attr_set (ctx, SCMP_FLTATR_CTL_TSYNC, 1), ==, -EINVAL);
    g_assert_cmpint (seccomp_attr_set (ctx, SCMP_FLTATR_CTL_TSYNC, 0), ==, 0);
    g_assert_cmpint (seccomp_reset (ctx, SCMP_ACT_ALLOW), ==, 0);
    g_assert_cmpint (seccomp_attr_set (ctx, SCMP_FLTATR_CTL_TSYNC, 1), ==, 0);
    g_assert_cmpint (seccomp_rule_add (ctx, SCMP_ACT_NOTIFY, SCMP_SYS (getppid), 0), ==, -EINVAL);
    g_assert_cmpint (seccomp_api_set (6), ==, 0);
    g_assert_cmpint (seccomp_rule_add (ctx, SCMP_ACT_NOTIFY, SCMP_SYS (getppid), 0), ==, 0);
    seccomp_release (ctx);
  }
  /* seccomp_reset (NULL, …) resets the library's state */
  g_assert_cmpint (seccomp_reset (NULL, SCMP_ACT_ALLOW), ==, 0);
  g_assert_cmpuint (seccomp_api_get (), ==, machine_api_level);
  pin_api_level ();
}

static void
test_init (void)
{
  scmp_filter_ctx ctx;
  uint32_t value;

  g_assert_null (seccomp_init (0x12345678));
  g_assert_null (seccomp_init (SCMP_ACT_ERRNO (4095)));
  g_assert_null (seccomp_init (SCMP_ACT_ERRNO (5000)));

  ctx = seccomp_init (SCMP_ACT_ERRNO (4094));
  g_assert_nonnull (ctx);
  g_assert_cmpint (seccomp_attr_get (ctx, SCMP_FLTATR_ACT_DEFAULT, &value), ==, 0);
  g_assert_cmpuint (value, ==, SCMP_ACT_ERRNO (4094));
  /* the native ABI is there from the start */
  g_assert_cmpint (seccomp_arch_exist (ctx, SCMP_ARCH_NATIVE), ==, 0);
  seccomp_release (ctx);

  /* every action is a valid default */
  {
    const uint32_t actions[] = {
      SCMP_ACT_KILL_PROCESS, SCMP_ACT_KILL_THREAD, SCMP_ACT_KILL, SCMP_ACT_TRAP,
      SCMP_ACT_TRAPX (7), SCMP_ACT_ERRNO (1), SCMP_ACT_TRACE (3), SCMP_ACT_LOG,
      SCMP_ACT_ALLOW, SCMP_ACT_NOTIFY,
    };

    for (gsize i = 0; i < G_N_ELEMENTS (actions); i++)
      {
        ctx = seccomp_init (actions[i]);
        g_assert_nonnull (ctx);
        seccomp_release (ctx);
      }
  }

  seccomp_release (NULL);
}

static void
test_reset (void)
{
  scmp_filter_ctx ctx = seccomp_init (SCMP_ACT_ALLOW);
  uint32_t value;

  g_assert_cmpint (seccomp_arch_add (ctx, SCMP_ARCH_X86), ==, 0);
  g_assert_cmpint (seccomp_attr_set (ctx, SCMP_FLTATR_CTL_LOG, 1), ==, 0);
  g_assert_cmpint (seccomp_rule_add (ctx, SCMP_ACT_ERRNO (1), SCMP_SYS (read), 0), ==, 0);

  g_assert_cmpint (seccomp_reset (ctx, 0x12345678), ==, -EINVAL);
  g_assert_cmpint (seccomp_reset (ctx, SCMP_ACT_KILL), ==, 0);

  g_assert_cmpint (seccomp_attr_get (ctx, SCMP_FLTATR_ACT_DEFAULT, &value), ==, 0);
  g_assert_cmpuint (value, ==, SCMP_ACT_KILL);
  g_assert_cmpint (seccomp_attr_get (ctx, SCMP_FLTATR_CTL_LOG, &value), ==, 0);
  g_assert_cmpuint (value, ==, 0);
  g_assert_cmpint (seccomp_arch_exist (ctx, SCMP_ARCH_X86), ==, -EEXIST);
  g_assert_cmpint (seccomp_arch_exist (ctx, SCMP_ARCH_NATIVE), ==, 0);
  /* the rule went with the old state */
  g_assert_cmpuint (evaluate (ctx, NATIVE, "read", 0, 0), ==, SCMP_ACT_KILL);
  seccomp_release (ctx);
}

static void
test_arch_names (void)
{
  static const struct { const char *name; uint32_t token; } arches[] = {
    { "x86", SCMP_ARCH_X86 }, { "x86_64", SCMP_ARCH_X86_64 }, { "x32", SCMP_ARCH_X32 },
    { "arm", SCMP_ARCH_ARM }, { "aarch64", SCMP_ARCH_AARCH64 },
    { "loongarch64", SCMP_ARCH_LOONGARCH64 }, { "m68k", SCMP_ARCH_M68K },
    { "mips", SCMP_ARCH_MIPS }, { "mipsel", SCMP_ARCH_MIPSEL }, { "mips64", SCMP_ARCH_MIPS64 },
    { "mipsel64", SCMP_ARCH_MIPSEL64 }, { "mips64n32", SCMP_ARCH_MIPS64N32 },
    { "mipsel64n32", SCMP_ARCH_MIPSEL64N32 }, { "parisc", SCMP_ARCH_PARISC },
    { "parisc64", SCMP_ARCH_PARISC64 }, { "ppc", SCMP_ARCH_PPC }, { "ppc64", SCMP_ARCH_PPC64 },
    { "ppc64le", SCMP_ARCH_PPC64LE }, { "riscv64", SCMP_ARCH_RISCV64 },
    { "s390", SCMP_ARCH_S390 }, { "s390x", SCMP_ARCH_S390X }, { "sh", SCMP_ARCH_SH },
    { "sheb", SCMP_ARCH_SHEB },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (arches); i++)
    g_assert_cmphex (seccomp_arch_resolve_name (arches[i].name), ==, arches[i].token);
  g_assert_cmphex (seccomp_arch_resolve_name ("vax"), ==, 0);
  g_assert_cmphex (seccomp_arch_resolve_name (NULL), ==, 0);
  g_assert_cmphex (seccomp_arch_native (), ==,
                   seccomp_arch_resolve_name (scmp_architecture_to_name (NATIVE)));
  /* the values are the kernel's AUDIT_ARCH_*, except x32's token */
  g_assert_cmphex (SCMP_ARCH_X86_64, ==, AUDIT_ARCH_X86_64);
  g_assert_cmphex (SCMP_ARCH_AARCH64, ==, AUDIT_ARCH_AARCH64);
  g_assert_cmphex (SCMP_ARCH_X32, ==, 0x4000003e);
}

static void
test_arch_add_remove (void)
{
  scmp_filter_ctx ctx = seccomp_init (SCMP_ACT_ALLOW);

  g_assert_cmpint (seccomp_arch_add (NULL, SCMP_ARCH_X86), ==, -EINVAL);
  g_assert_cmpint (seccomp_arch_add (ctx, 0x1234), ==, -EINVAL);
  g_assert_cmpint (seccomp_arch_exist (ctx, 0x1234), ==, -EINVAL);
  g_assert_cmpint (seccomp_arch_remove (ctx, 0x1234), ==, -EINVAL);
  g_assert_cmpint (seccomp_arch_exist (NULL, SCMP_ARCH_X86), ==, -EINVAL);
  g_assert_cmpint (seccomp_arch_remove (NULL, SCMP_ARCH_X86), ==, -EINVAL);

  g_assert_cmpint (seccomp_arch_exist (ctx, SCMP_ARCH_X86), ==, -EEXIST);
  g_assert_cmpint (seccomp_arch_add (ctx, SCMP_ARCH_X86), ==, 0);
  g_assert_cmpint (seccomp_arch_add (ctx, SCMP_ARCH_X86), ==, -EEXIST);
  g_assert_cmpint (seccomp_arch_exist (ctx, SCMP_ARCH_X86), ==, 0);
  g_assert_cmpint (seccomp_arch_add (ctx, SCMP_ARCH_NATIVE), ==, -EEXIST);

  /* one program for all ABIs: a big-endian one cannot join */
  g_assert_cmpint (seccomp_arch_add (ctx, SCMP_ARCH_PPC64), ==, -EDOM);
  g_assert_cmpint (seccomp_arch_exist (ctx, SCMP_ARCH_PPC64), ==, -EEXIST);

  g_assert_cmpint (seccomp_arch_remove (ctx, SCMP_ARCH_X86), ==, 0);
  g_assert_cmpint (seccomp_arch_remove (ctx, SCMP_ARCH_X86), ==, -EEXIST);
  g_assert_cmpint (seccomp_arch_remove (ctx, SCMP_ARCH_NATIVE), ==, 0);
  g_assert_cmpint (seccomp_arch_exist (ctx, SCMP_ARCH_NATIVE), ==, -EEXIST);
  /* with no ABI, no rule can be added */
  g_assert_cmpint (seccomp_rule_add (ctx, SCMP_ACT_ERRNO (1), SCMP_SYS (read), 0), ==, -EINVAL);
  /* an empty filter can become big-endian, and it exports (found by
   * fuzz-compat: the translation added the ABI next to the native one) */
  g_assert_cmpint (seccomp_arch_add (ctx, SCMP_ARCH_PPC64), ==, 0);
  g_assert_cmpint (seccomp_rule_add (ctx, SCMP_ACT_ERRNO (1), SCMP_SYS (getpid), 0), ==, 0);
  g_assert_cmpint (seccomp_rule_add (ctx, SCMP_ACT_ERRNO (2), SCMP_SYS (kill), 1,
                                     SCMP_A0 (SCMP_CMP_EQ, 7)), ==, 0);
  g_assert_cmpuint (evaluate (ctx, SCMP_ARCHITECTURE_PPC64, "getpid", 0, 0), ==, SCMP_ACT_ERRNO (1));
  g_assert_cmpuint (evaluate (ctx, SCMP_ARCHITECTURE_PPC64, "kill", 7, 0), ==, SCMP_ACT_ERRNO (2));
  g_assert_cmpuint (evaluate (ctx, SCMP_ARCHITECTURE_PPC64, "kill", 8, 0), ==, SCMP_ACT_ALLOW);
  seccomp_release (ctx);
}

static void
test_attributes (void)
{
  scmp_filter_ctx ctx = seccomp_init (SCMP_ACT_ALLOW);
  static const struct { enum scmp_filter_attr attr; uint32_t def; } flags[] = {
    { SCMP_FLTATR_CTL_NNP, 1 }, { SCMP_FLTATR_CTL_TSYNC, 0 }, { SCMP_FLTATR_API_TSKIP, 0 },
    { SCMP_FLTATR_CTL_LOG, 0 }, { SCMP_FLTATR_CTL_SSB, 0 }, { SCMP_FLTATR_API_SYSRAWRC, 0 },
    { SCMP_FLTATR_CTL_WAITKILL, 0 },
  };
  uint32_t value;

  /* the numbers are libseccomp's ABI */
  g_assert_cmpint (SCMP_FLTATR_ACT_DEFAULT, ==, 1);
  g_assert_cmpint (SCMP_FLTATR_API_SYSRAWRC, ==, 9);
  g_assert_cmpint (SCMP_FLTATR_CTL_WAITKILL, ==, 10);

  for (gsize i = 0; i < G_N_ELEMENTS (flags); i++)
    {
      g_assert_cmpint (seccomp_attr_get (ctx, flags[i].attr, &value), ==, 0);
      g_assert_cmpuint (value, ==, flags[i].def);
      g_assert_cmpint (seccomp_attr_set (ctx, flags[i].attr, 5), ==, 0);
      g_assert_cmpint (seccomp_attr_get (ctx, flags[i].attr, &value), ==, 0);
      g_assert_cmpuint (value, ==, 1);
      g_assert_cmpint (seccomp_attr_set (ctx, flags[i].attr, 0), ==, 0);
      g_assert_cmpint (seccomp_attr_get (ctx, flags[i].attr, &value), ==, 0);
      g_assert_cmpuint (value, ==, 0);
    }

  g_assert_cmpint (seccomp_attr_get (ctx, SCMP_FLTATR_ACT_BADARCH, &value), ==, 0);
  g_assert_cmphex (value, ==, SCMP_ACT_KILL_THREAD);
  g_assert_cmpint (seccomp_attr_set (ctx, SCMP_FLTATR_ACT_BADARCH, 0x12345678), ==, -EINVAL);
  g_assert_cmpint (seccomp_attr_set (ctx, SCMP_FLTATR_ACT_BADARCH, SCMP_ACT_ERRNO (9)), ==, 0);
  g_assert_cmpint (seccomp_attr_get (ctx, SCMP_FLTATR_ACT_BADARCH, &value), ==, 0);
  g_assert_cmphex (value, ==, SCMP_ACT_ERRNO (9));

  /* the default action is fixed */
  g_assert_cmpint (seccomp_attr_set (ctx, SCMP_FLTATR_ACT_DEFAULT, SCMP_ACT_KILL), ==, -EACCES);

  g_assert_cmpint (seccomp_attr_get (ctx, SCMP_FLTATR_CTL_OPTIMIZE, &value), ==, 0);
  g_assert_cmpuint (value, ==, 1);
  g_assert_cmpint (seccomp_attr_set (ctx, SCMP_FLTATR_CTL_OPTIMIZE, 2), ==, 0);
  g_assert_cmpint (seccomp_attr_get (ctx, SCMP_FLTATR_CTL_OPTIMIZE, &value), ==, 0);
  g_assert_cmpuint (value, ==, 2);
  g_assert_cmpint (seccomp_attr_set (ctx, SCMP_FLTATR_CTL_OPTIMIZE, 0), ==, -EOPNOTSUPP);
  g_assert_cmpint (seccomp_attr_set (ctx, SCMP_FLTATR_CTL_OPTIMIZE, 3), ==, -EOPNOTSUPP);

  g_assert_cmpint (seccomp_attr_get (ctx, 0, &value), ==, -EINVAL);
  g_assert_cmpint (seccomp_attr_get (ctx, 11, &value), ==, -EINVAL);
  g_assert_cmpint (seccomp_attr_set (ctx, 0, 1), ==, -EINVAL);
  g_assert_cmpint (seccomp_attr_set (ctx, 11, 1), ==, -EINVAL);
  g_assert_cmpint (seccomp_attr_get (NULL, SCMP_FLTATR_CTL_NNP, &value), ==, -EINVAL);
  g_assert_cmpint (seccomp_attr_get (ctx, SCMP_FLTATR_CTL_NNP, NULL), ==, -EINVAL);
  g_assert_cmpint (seccomp_attr_set (NULL, SCMP_FLTATR_CTL_NNP, 1), ==, -EINVAL);

  /* the attributes reach the filter */
  g_assert_cmpint (seccomp_attr_set (ctx, SCMP_FLTATR_CTL_TSYNC, 1), ==, 0);
  g_assert_cmpint (seccomp_attr_set (ctx, SCMP_FLTATR_CTL_LOG, 1), ==, 0);
  g_assert_cmpint (seccomp_attr_set (ctx, SCMP_FLTATR_CTL_SSB, 1), ==, 0);
  g_assert_cmpint (seccomp_attr_set (ctx, SCMP_FLTATR_CTL_NNP, 0), ==, 0);
  g_assert_cmpint (seccomp_attr_set (ctx, SCMP_FLTATR_CTL_WAITKILL, 1), ==, 0);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(ScmpFilter) filter = _scmp_seccomp_build_filter (ctx, &error);
    g_autoptr(ScmpAction) bad = scmp_action_new_errno (9, NULL);

    g_assert_no_error (error);
    g_assert_true (scmp_filter_get_thread_sync (filter));
    g_assert_true (scmp_filter_get_log (filter));
    g_assert_true (scmp_filter_get_spec_allow (filter));
    g_assert_false (scmp_filter_get_no_new_privs (filter));
    g_assert_true (scmp_filter_get_wait_killable (filter));
    g_assert_true (scmp_action_equal (scmp_filter_get_bad_arch_action (filter), bad));
  }
  seccomp_release (ctx);
}

static void
test_resolve (void)
{
  char *name;

  g_assert_cmpint (seccomp_syscall_resolve_name ("read"), ==, SCMP_SYS (read));
  g_assert_cmpint (seccomp_syscall_resolve_name ("nosuchcall"), ==, __NR_SCMP_ERROR);
  g_assert_cmpint (seccomp_syscall_resolve_name (NULL), ==, __NR_SCMP_ERROR);
  g_assert_cmpint (seccomp_syscall_resolve_name_arch (0x1234, "read"), ==, __NR_SCMP_ERROR);
  g_assert_cmpint (seccomp_syscall_resolve_name_arch (SCMP_ARCH_X86_64, "read"), ==, 0);
  g_assert_cmpint (seccomp_syscall_resolve_name_arch (SCMP_ARCH_AARCH64, "openat"), ==, 56);
  g_assert_cmpint (seccomp_syscall_resolve_name_arch (SCMP_ARCH_X32, "read"), ==, 0x40000000);
  g_assert_cmpint (seccomp_syscall_resolve_name_arch (SCMP_ARCH_MIPS, "read"), ==, 4003);

  /* absent: the negative pseudo-number */
  g_assert_cmpint (seccomp_syscall_resolve_name_arch (SCMP_ARCH_X86_64, "umount"), ==, __PNR_umount);
  g_assert_cmpint (__PNR_umount, <, 0);
  /* multiplexed calls keep their pseudo-number (a rule covers both paths)… */
  g_assert_cmpint (seccomp_syscall_resolve_name_arch (SCMP_ARCH_X86, "socket"), ==, __PNR_socket);
  g_assert_cmpint (seccomp_syscall_resolve_name_arch (SCMP_ARCH_X86, "accept"), ==, __PNR_accept);
  g_assert_cmpint (seccomp_syscall_resolve_name_arch (SCMP_ARCH_X86, "shmat"), ==, __PNR_shmat);
  g_assert_cmpint (__PNR_socket, ==, -101);
  /* …and the rewrite gives the multiplexer */
  g_assert_cmpint (seccomp_syscall_resolve_name_rewrite (SCMP_ARCH_X86, "accept"), ==, 102);
  g_assert_cmpint (seccomp_syscall_resolve_name_rewrite (SCMP_ARCH_X86, "socket"), ==, 102);
  g_assert_cmpint (seccomp_syscall_resolve_name_rewrite (SCMP_ARCH_X86, "shmat"), ==, 117);
  g_assert_cmpint (seccomp_syscall_resolve_name_rewrite (SCMP_ARCH_X86_64, "socket"), ==, 41);
  g_assert_cmpint (seccomp_syscall_resolve_name_rewrite (SCMP_ARCH_X86_64, "umount"), ==, __PNR_umount);
  g_assert_cmpint (seccomp_syscall_resolve_name_rewrite (SCMP_ARCH_X86_64, NULL), ==, __NR_SCMP_ERROR);
  g_assert_cmpint (seccomp_syscall_resolve_name_rewrite (0x1234, "read"), ==, __NR_SCMP_ERROR);

  name = seccomp_syscall_resolve_num_arch (SCMP_ARCH_X86_64, 0);
  g_assert_cmpstr (name, ==, "read");
  free (name);
  name = seccomp_syscall_resolve_num_arch (SCMP_ARCH_NATIVE, SCMP_SYS (openat));
  g_assert_cmpstr (name, ==, "openat");
  free (name);
  name = seccomp_syscall_resolve_num_arch (SCMP_ARCH_X86, __PNR_accept);
  g_assert_cmpstr (name, ==, "accept");
  free (name);
  /* a name and number that do not go together on the ABI */
  g_assert_null (seccomp_syscall_resolve_num_arch (SCMP_ARCH_X86_64, __PNR_socket));
  g_assert_null (seccomp_syscall_resolve_num_arch (SCMP_ARCH_X86_64, 99999));
  g_assert_null (seccomp_syscall_resolve_num_arch (0x1234, 0));
}

static void
test_rule_errors (void)
{
  scmp_filter_ctx ctx = seccomp_init (SCMP_ACT_ALLOW);
  struct scmp_arg_cmp cmp[7];

  /* -EINVAL: context, action, arguments */
  g_assert_cmpint (seccomp_rule_add (NULL, SCMP_ACT_KILL, SCMP_SYS (read), 0), ==, -EINVAL);
  g_assert_cmpint (seccomp_rule_add (ctx, 0x12345678, SCMP_SYS (read), 0), ==, -EINVAL);
  g_assert_cmpint (seccomp_rule_add (ctx, SCMP_ACT_ERRNO (4095), SCMP_SYS (read), 0), ==, -EINVAL);
  g_assert_cmpint (seccomp_rule_add (ctx, SCMP_ACT_KILL, SCMP_SYS (read), 1,
                                     SCMP_CMP (6, SCMP_CMP_EQ, 1)), ==, -EINVAL);
  g_assert_cmpint (seccomp_rule_add (ctx, SCMP_ACT_KILL, SCMP_SYS (read), 1,
                                     SCMP_CMP (0, _SCMP_CMP_MIN, 1)), ==, -EINVAL);
  g_assert_cmpint (seccomp_rule_add (ctx, SCMP_ACT_KILL, SCMP_SYS (read), 1,
                                     SCMP_CMP (0, _SCMP_CMP_MAX, 1)), ==, -EINVAL);
  /* each argument at most once in a rule */
  g_assert_cmpint (seccomp_rule_add (ctx, SCMP_ACT_KILL, SCMP_SYS (read), 2,
                                     SCMP_A0 (SCMP_CMP_GT, 1), SCMP_A0 (SCMP_CMP_LT, 5)), ==, -EINVAL);
  for (int i = 0; i < 7; i++)
    cmp[i] = SCMP_CMP (i % 6, SCMP_CMP_EQ, 1);
  g_assert_cmpint (seccomp_rule_add_array (ctx, SCMP_ACT_KILL, SCMP_SYS (read), 7, cmp), ==, -EINVAL);
  g_assert_cmpint (seccomp_rule_add_array (ctx, SCMP_ACT_KILL, SCMP_SYS (read), 1, NULL), ==, -EINVAL);
  g_assert_cmpint (seccomp_rule_add_exact_array (NULL, SCMP_ACT_KILL, SCMP_SYS (read), 0, NULL), ==, -EINVAL);

  /* -EACCES: the default action */
  g_assert_cmpint (seccomp_rule_add (ctx, SCMP_ACT_ALLOW, SCMP_SYS (read), 0), ==, -EACCES);
  g_assert_cmpint (seccomp_rule_add_exact (ctx, SCMP_ACT_ALLOW, SCMP_SYS (read), 1,
                                           SCMP_A0 (SCMP_CMP_EQ, 0)), ==, -EACCES);

  /* -EEXIST: the same chain with another action */
  g_assert_cmpint (seccomp_rule_add (ctx, SCMP_ACT_ERRNO (1), SCMP_SYS (write), 2,
                                     SCMP_A0 (SCMP_CMP_EQ, 1), SCMP_A2 (SCMP_CMP_LT, 5)), ==, 0);
  g_assert_cmpint (seccomp_rule_add (ctx, SCMP_ACT_ERRNO (2), SCMP_SYS (write), 2,
                                     SCMP_A2 (SCMP_CMP_LT, 5), SCMP_A0 (SCMP_CMP_EQ, 1)), ==, -EEXIST);
  /* the same action is a no-op */
  g_assert_cmpint (seccomp_rule_add (ctx, SCMP_ACT_ERRNO (1), SCMP_SYS (write), 2,
                                     SCMP_A2 (SCMP_CMP_LT, 5), SCMP_A0 (SCMP_CMP_EQ, 1)), ==, 0);

  /* -EDOM: an exact rule for a syscall the ABI lacks */
  g_assert_cmpint (seccomp_rule_add_exact (ctx, SCMP_ACT_KILL, SCMP_SYS (umount), 0), ==, -EDOM);
  /* best effort skips it */
  g_assert_cmpint (seccomp_rule_add (ctx, SCMP_ACT_KILL, SCMP_SYS (umount), 0), ==, 0);

  /* the tracer's -1 needs API_TSKIP (see /compat/rule/tracer-skip) */
  g_assert_cmpint (seccomp_rule_add (ctx, SCMP_ACT_KILL, -1, 0), ==, -EINVAL);

  /* -EOPNOTSUPP: exact rules on a filter of several ABIs */
  g_assert_cmpint (seccomp_arch_add (ctx, SCMP_ARCH_X86), ==, 0);
  g_assert_cmpint (seccomp_rule_add_exact (ctx, SCMP_ACT_KILL, SCMP_SYS (read), 0), ==, -EOPNOTSUPP);
  g_assert_cmpint (seccomp_rule_add (ctx, SCMP_ACT_KILL, SCMP_SYS (read), 0), ==, 0);
  seccomp_release (ctx);

  /* -EDOM: an exact rule with arguments on a multiplexed call */
  ctx = seccomp_init (SCMP_ACT_ALLOW);
  g_assert_cmpint (seccomp_arch_add (ctx, SCMP_ARCH_X86), ==, 0);
  g_assert_cmpint (seccomp_arch_remove (ctx, SCMP_ARCH_NATIVE), ==, 0);
  g_assert_cmpint (seccomp_rule_add_exact (ctx, SCMP_ACT_KILL, __PNR_accept, 1,
                                           SCMP_A0 (SCMP_CMP_EQ, 3)), ==, -EDOM);
  g_assert_cmpint (seccomp_rule_add (ctx, SCMP_ACT_KILL, __PNR_accept, 1,
                                     SCMP_A0 (SCMP_CMP_EQ, 3)), ==, 0);
  seccomp_release (ctx);
}

/* The man page's merge: an argument-free rule wins over argument rules,
 * whatever their order and actions. */
static void
test_rule_merge (void)
{
  scmp_filter_ctx ctx = seccomp_init (SCMP_ACT_ALLOW);

  /* argument rules, then a plain one: the plain one wipes them */
  g_assert_cmpint (seccomp_rule_add (ctx, SCMP_ACT_ERRNO (1), SCMP_SYS (read), 1,
                                     SCMP_A0 (SCMP_CMP_EQ, 3)), ==, 0);
  g_assert_cmpuint (evaluate (ctx, NATIVE, "read", 3, 0), ==, SCMP_ACT_ERRNO (1));
  g_assert_cmpuint (evaluate (ctx, NATIVE, "read", 4, 0), ==, SCMP_ACT_ALLOW);
  g_assert_cmpint (seccomp_rule_add (ctx, SCMP_ACT_ERRNO (2), SCMP_SYS (read), 0), ==, 0);
  g_assert_cmpuint (evaluate (ctx, NATIVE, "read", 3, 0), ==, SCMP_ACT_ERRNO (2));
  g_assert_cmpuint (evaluate (ctx, NATIVE, "read", 4, 0), ==, SCMP_ACT_ERRNO (2));
  /* later rules on that syscall are ignored, plain or not */
  g_assert_cmpint (seccomp_rule_add (ctx, SCMP_ACT_ERRNO (3), SCMP_SYS (read), 0), ==, 0);
  g_assert_cmpint (seccomp_rule_add (ctx, SCMP_ACT_KILL, SCMP_SYS (read), 1,
                                     SCMP_A0 (SCMP_CMP_EQ, 5)), ==, 0);
  g_assert_cmpuint (evaluate (ctx, NATIVE, "read", 5, 0), ==, SCMP_ACT_ERRNO (2));

  /* argument rules of one syscall are a union */
  g_assert_cmpint (seccomp_rule_add (ctx, SCMP_ACT_ERRNO (7), SCMP_SYS (write), 1,
                                     SCMP_A0 (SCMP_CMP_EQ, 1)), ==, 0);
  g_assert_cmpint (seccomp_rule_add (ctx, SCMP_ACT_ERRNO (7), SCMP_SYS (write), 1,
                                     SCMP_A1 (SCMP_CMP_MASKED_EQ, 0xf0, 0x20)), ==, 0);
  g_assert_cmpuint (evaluate (ctx, NATIVE, "write", 1, 0), ==, SCMP_ACT_ERRNO (7));
  g_assert_cmpuint (evaluate (ctx, NATIVE, "write", 2, 0x2f), ==, SCMP_ACT_ERRNO (7));
  g_assert_cmpuint (evaluate (ctx, NATIVE, "write", 2, 0x3f), ==, SCMP_ACT_ALLOW);

  /* overlapping chains of different actions: the more restrictive one */
  g_assert_cmpint (seccomp_rule_add (ctx, SCMP_ACT_LOG, SCMP_SYS (close), 1,
                                     SCMP_A0 (SCMP_CMP_GE, 10)), ==, 0);
  g_assert_cmpint (seccomp_rule_add (ctx, SCMP_ACT_KILL, SCMP_SYS (close), 1,
                                     SCMP_A0 (SCMP_CMP_LE, 20)), ==, 0);
  g_assert_cmpuint (evaluate (ctx, NATIVE, "close", 15, 0), ==, SCMP_ACT_KILL);
  g_assert_cmpuint (evaluate (ctx, NATIVE, "close", 25, 0), ==, SCMP_ACT_LOG);
  g_assert_cmpuint (evaluate (ctx, NATIVE, "close", 5, 0), ==, SCMP_ACT_KILL);
  seccomp_release (ctx);
}

/* SCMP_CMP32 / SCMP_A*_32 take 32-bit data: no sign extension. */
static void
test_rule_cmp32 (void)
{
  scmp_filter_ctx ctx = seccomp_init (SCMP_ACT_ALLOW);
  struct scmp_arg_cmp c = SCMP_A0_32 (SCMP_CMP_EQ, -1);
  struct scmp_arg_cmp m = SCMP_CMP32 (2, SCMP_CMP_MASKED_EQ, -1, -2);
  struct scmp_arg_cmp w = SCMP_A1_64 (SCMP_CMP_EQ, -1);

  g_assert_cmpuint (c.arg, ==, 0);
  g_assert_cmphex (c.datum_a, ==, 0xffffffffu);
  g_assert_cmpuint (m.arg, ==, 2);
  g_assert_cmphex (m.datum_a, ==, 0xffffffffu);
  g_assert_cmphex (m.datum_b, ==, 0xfffffffeu);
  g_assert_cmphex (w.datum_a, ==, G_MAXUINT64);

  /* close's fd is an int: compared as the kernel reads it */
  g_assert_cmpint (seccomp_rule_add (ctx, SCMP_ACT_ERRNO (9), SCMP_SYS (close), 1, c), ==, 0);
  g_assert_cmpuint (evaluate (ctx, NATIVE, "close", 0xffffffffu, 0), ==, SCMP_ACT_ERRNO (9));
  g_assert_cmpuint (evaluate (ctx, NATIVE, "close", G_MAXUINT64, 0), ==, SCMP_ACT_ERRNO (9));
  g_assert_cmpuint (evaluate (ctx, NATIVE, "close", 3, 0), ==, SCMP_ACT_ALLOW);
  seccomp_release (ctx);
}

/* Data and masks the kernel-read argument cannot hold: libseccomp's answer
 * for the registers a C library passes (the value zero- or sign-extended),
 * and its own 32-bit truncation on a 32-bit ABI. */
static void
test_rule_wide_data (void)
{
  scmp_filter_ctx ctx = seccomp_init (SCMP_ACT_ALLOW);
  scmp_filter_ctx x86 = seccomp_init (SCMP_ACT_ALLOW);

  g_assert_nonnull (ctx);
  g_assert_nonnull (x86);

  /* seccomp_rule_add(3): a masked compare is with the masked datum */
  g_assert_cmpint (seccomp_rule_add (ctx, SCMP_ACT_ERRNO (1), SCMP_SYS (close), 1,
                                     SCMP_A0 (SCMP_CMP_MASKED_EQ, 0xf0, 0x08)), ==, 0);
  g_assert_cmpuint (evaluate (ctx, NATIVE, "close", 3, 0), ==, SCMP_ACT_ERRNO (1));
  g_assert_cmpuint (evaluate (ctx, NATIVE, "close", 0x13, 0), ==, SCMP_ACT_ALLOW);

  if (NATIVE == SCMP_ARCHITECTURE_X86_64)
    {
      /* kill's pid is an int: no int equals 0x100000001, every int differs */
      g_assert_cmpint (seccomp_rule_add (ctx, SCMP_ACT_ERRNO (2), SCMP_SYS (kill), 1,
                                         SCMP_A0 (SCMP_CMP_EQ, 0x100000001)), ==, 0);
      g_assert_cmpuint (evaluate (ctx, NATIVE, "kill", 1, 0), ==, SCMP_ACT_ALLOW);
      g_assert_cmpuint (evaluate (ctx, NATIVE, "kill", 0x100000001, 0), ==, SCMP_ACT_ALLOW);
      g_assert_cmpint (seccomp_rule_add (ctx, SCMP_ACT_ERRNO (3), SCMP_SYS (socket), 1,
                                         SCMP_A0 (SCMP_CMP_NE, 0x100000001)), ==, 0);
      g_assert_cmpuint (evaluate (ctx, NATIVE, "socket", 1, 0), ==, SCMP_ACT_ERRNO (3));
      g_assert_cmpuint (evaluate (ctx, NATIVE, "socket", 0x100000001, 0), ==, SCMP_ACT_ERRNO (3));

      /* uid_t is unsigned: below every wide datum, never above */
      g_assert_cmpint (seccomp_rule_add (ctx, SCMP_ACT_ERRNO (4), SCMP_SYS (setuid), 1,
                                         SCMP_A0 (SCMP_CMP_GT, 0x100000000)), ==, 0);
      g_assert_cmpuint (evaluate (ctx, NATIVE, "setuid", 0xffffffff, 0), ==, SCMP_ACT_ALLOW);
      g_assert_cmpint (seccomp_rule_add (ctx, SCMP_ACT_ERRNO (5), SCMP_SYS (setgid), 1,
                                         SCMP_A0 (SCMP_CMP_LT, 0x100000000)), ==, 0);
      g_assert_cmpuint (evaluate (ctx, NATIVE, "setgid", 0xffffffff, 0), ==, SCMP_ACT_ERRNO (5));

      /* pid_t is signed: a negative pid's register is sign-extended, above
       * 0x100000000; a non-negative one is below it */
      g_assert_cmpint (seccomp_rule_add (ctx, SCMP_ACT_ERRNO (6), SCMP_SYS (getpgid), 1,
                                         SCMP_A0 (SCMP_CMP_LT, 0x100000000)), ==, 0);
      g_assert_cmpuint (evaluate (ctx, NATIVE, "getpgid", 5, 0), ==, SCMP_ACT_ERRNO (6));
      g_assert_cmpuint (evaluate (ctx, NATIVE, "getpgid", (guint64) -5, 0), ==, SCMP_ACT_ALLOW);
      g_assert_cmpuint (evaluate (ctx, NATIVE, "getpgid", 0xfffffffb, 0), ==, SCMP_ACT_ALLOW);
      /* upper half all ones: negative pids only, however they are passed */
      g_assert_cmpint (seccomp_rule_add (ctx, SCMP_ACT_ERRNO (7), SCMP_SYS (setpgid), 1,
                                         SCMP_A0 (SCMP_CMP_MASKED_EQ, 0xffffffff00000000,
                                                  0xffffffff00000000)), ==, 0);
      g_assert_cmpuint (evaluate (ctx, NATIVE, "setpgid", (guint64) -1, 0), ==, SCMP_ACT_ERRNO (7));
      g_assert_cmpuint (evaluate (ctx, NATIVE, "setpgid", 0xffffffff, 0), ==, SCMP_ACT_ERRNO (7));
      g_assert_cmpuint (evaluate (ctx, NATIVE, "setpgid", 1, 0), ==, SCMP_ACT_ALLOW);
      /* the datum's upper half outside what an extended value can have */
      g_assert_cmpint (seccomp_rule_add (ctx, SCMP_ACT_ERRNO (8), SCMP_SYS (getsid), 1,
                                         SCMP_A0 (SCMP_CMP_MASKED_EQ, 0xffffffff00000000,
                                                  0x0000000100000000)), ==, 0);
      g_assert_cmpuint (evaluate (ctx, NATIVE, "getsid", 0x100000000, 0), ==, SCMP_ACT_ALLOW);
      g_assert_cmpuint (evaluate (ctx, NATIVE, "getsid", (guint64) -1, 0), ==, SCMP_ACT_ALLOW);

      /* x86 (32-bit): libseccomp truncates to 32 bits, and a mask that is
       * 0 there is no test: that chain is an argument-free rule, so the
       * later argument-free rule is ignored on x86 and wins on x86_64 */
      g_assert_cmpint (seccomp_arch_add (ctx, SCMP_ARCH_X86), ==, 0);
      g_assert_cmpint (seccomp_rule_add (ctx, SCMP_ACT_ERRNO (9), SCMP_SYS (ioctl), 1,
                                         SCMP_A0 (SCMP_CMP_MASKED_EQ, 0xff00000000000000, 0)), ==, 0);
      g_assert_cmpint (seccomp_rule_add (ctx, SCMP_ACT_ERRNO (10), SCMP_SYS (ioctl), 0), ==, 0);
      g_assert_cmpuint (evaluate (ctx, SCMP_ARCHITECTURE_X86_64, "ioctl", 3, 0), ==, SCMP_ACT_ERRNO (10));
      g_assert_cmpuint (evaluate (ctx, SCMP_ARCHITECTURE_X86, "ioctl", 3, 0), ==, SCMP_ACT_ERRNO (9));
    }

  g_assert_cmpint (seccomp_arch_add (x86, SCMP_ARCH_X86), ==, 0);
  g_assert_cmpint (seccomp_arch_remove (x86, SCMP_ARCH_NATIVE), ==, 0);
  g_assert_cmpint (seccomp_rule_add (x86, SCMP_ACT_ERRNO (2), SCMP_SYS (kill), 1,
                                     SCMP_A0 (SCMP_CMP_EQ, 0x100000001)), ==, 0);
  g_assert_cmpuint (evaluate (x86, SCMP_ARCHITECTURE_X86, "kill", 1, 0), ==, SCMP_ACT_ERRNO (2));
  g_assert_cmpuint (evaluate (x86, SCMP_ARCHITECTURE_X86, "kill", 2, 0), ==, SCMP_ACT_ALLOW);
  /* fchmod's and chmod's mode is a umode_t, 16 bits of x86's 32-bit register */
  g_assert_cmpint (seccomp_rule_add (x86, SCMP_ACT_ERRNO (3), SCMP_SYS (fchmod), 1,
                                     SCMP_A1 (SCMP_CMP_EQ, 0x7fff0000)), ==, 0);
  g_assert_cmpuint (evaluate (x86, SCMP_ARCHITECTURE_X86, "fchmod", 0, 0), ==, SCMP_ACT_ALLOW);
  g_assert_cmpint (seccomp_rule_add (x86, SCMP_ACT_ERRNO (4), SCMP_SYS (chmod), 1,
                                     SCMP_A1 (SCMP_CMP_MASKED_EQ, 0xffff0007, 0x5)), ==, 0);
  g_assert_cmpuint (evaluate (x86, SCMP_ARCHITECTURE_X86, "chmod", 0, 0755), ==, SCMP_ACT_ERRNO (4));
  g_assert_cmpuint (evaluate (x86, SCMP_ARCHITECTURE_X86, "chmod", 0, 0750), ==, SCMP_ACT_ALLOW);

  /* on x86, pid < 0x100000000 is libseccomp's unsigned pid < 0 there:
   * never; >= is always; below 0xfffffff0 is every pid but -16 .. -1 */
  g_assert_cmpint (seccomp_rule_add (x86, SCMP_ACT_ERRNO (5), SCMP_SYS (getpgid), 1,
                                     SCMP_A0 (SCMP_CMP_LT, 0x100000000)), ==, 0);
  g_assert_cmpuint (evaluate (x86, SCMP_ARCHITECTURE_X86, "getpgid", 5, 0), ==, SCMP_ACT_ALLOW);
  g_assert_cmpuint (evaluate (x86, SCMP_ARCHITECTURE_X86, "getpgid", 0xffffffff, 0), ==, SCMP_ACT_ALLOW);
  g_assert_cmpint (seccomp_rule_add (x86, SCMP_ACT_ERRNO (6), SCMP_SYS (getsid), 1,
                                     SCMP_A0 (SCMP_CMP_GE, 0x100000000)), ==, 0);
  g_assert_cmpuint (evaluate (x86, SCMP_ARCHITECTURE_X86, "getsid", 5, 0), ==, SCMP_ACT_ERRNO (6));
  g_assert_cmpuint (evaluate (x86, SCMP_ARCHITECTURE_X86, "getsid", 0xffffffff, 0), ==, SCMP_ACT_ERRNO (6));
  g_assert_cmpint (seccomp_rule_add (x86, SCMP_ACT_ERRNO (7), SCMP_SYS (setpgid), 1,
                                     SCMP_A0 (SCMP_CMP_LT, 0x1fffffff0)), ==, 0);
  g_assert_cmpuint (evaluate (x86, SCMP_ARCHITECTURE_X86, "setpgid", 5, 0), ==, SCMP_ACT_ERRNO (7));
  g_assert_cmpuint (evaluate (x86, SCMP_ARCHITECTURE_X86, "setpgid", (guint32) -20, 0), ==, SCMP_ACT_ERRNO (7));
  g_assert_cmpuint (evaluate (x86, SCMP_ARCHITECTURE_X86, "setpgid", (guint32) -16, 0), ==, SCMP_ACT_ALLOW);
  g_assert_cmpuint (evaluate (x86, SCMP_ARCHITECTURE_X86, "setpgid", (guint32) -1, 0), ==, SCMP_ACT_ALLOW);
  /* and x86 truncates as libseccomp does, so these two are one chain */
  g_assert_cmpint (seccomp_rule_add (x86, SCMP_ACT_ERRNO (8), SCMP_SYS (kill), 1,
                                     SCMP_A0 (SCMP_CMP_EQ, 1)), ==, -EEXIST);

  seccomp_release (ctx);
  seccomp_release (x86);
}

/* Chains libseccomp tells apart can mean the same to the kernel: both are
 * taken, and the filter exports, with the more restrictive action. */
static void
test_rule_wide_data_same_meaning (void)
{
  scmp_filter_ctx ctx = seccomp_init (SCMP_ACT_ALLOW);

  if (NATIVE != SCMP_ARCHITECTURE_X86_64)
    {
      g_test_skip ("the data are wide for x86_64's pid_t");
      seccomp_release (ctx);
      return;
    }
  /* pid < 0x100000000 is pid >= 0 */
  g_assert_cmpint (seccomp_rule_add (ctx, SCMP_ACT_ERRNO (1), SCMP_SYS (kill), 1,
                                     SCMP_A0 (SCMP_CMP_LT, 0x100000000)), ==, 0);
  g_assert_cmpint (seccomp_rule_add (ctx, SCMP_ACT_KILL, SCMP_SYS (kill), 1,
                                     SCMP_A0 (SCMP_CMP_GE, 0)), ==, 0);
  g_assert_cmpuint (evaluate (ctx, NATIVE, "kill", 5, 0), ==, SCMP_ACT_KILL);
  g_assert_cmpuint (evaluate (ctx, NATIVE, "kill", (guint64) -5, 0), ==, SCMP_ACT_ALLOW);
  /* pid != 0x100000001 always holds */
  g_assert_cmpint (seccomp_rule_add (ctx, SCMP_ACT_ERRNO (2), SCMP_SYS (setpgid), 2,
                                     SCMP_A0 (SCMP_CMP_NE, 0x100000001), SCMP_A1 (SCMP_CMP_EQ, 9)), ==, 0);
  g_assert_cmpint (seccomp_rule_add (ctx, SCMP_ACT_ERRNO (3), SCMP_SYS (setpgid), 1,
                                     SCMP_A1 (SCMP_CMP_EQ, 9)), ==, 0);
  g_assert_cmpuint (evaluate (ctx, NATIVE, "setpgid", 1, 9), ==, SCMP_ACT_ERRNO (2));
  seccomp_release (ctx);

  /* x32 reads lseek's offset in 64 bits: its data keep all 64 */
  ctx = seccomp_init (SCMP_ACT_ALLOW);
  g_assert_cmpint (seccomp_arch_add (ctx, SCMP_ARCH_X32), ==, 0);
  g_assert_cmpint (seccomp_rule_add (ctx, SCMP_ACT_ERRNO (4), SCMP_SYS (lseek), 1,
                                     SCMP_A1 (SCMP_CMP_EQ, 0x100000000)), ==, 0);
  g_assert_cmpuint (evaluate (ctx, SCMP_ARCHITECTURE_X32, "lseek", 3, 0), ==, SCMP_ACT_ALLOW);
  g_assert_cmpuint (evaluate (ctx, SCMP_ARCHITECTURE_X32, "lseek", 3, 0x100000000), ==, SCMP_ACT_ERRNO (4));
  seccomp_release (ctx);
}

/* Rules go to the ABIs present when they are added. */
static void
test_rule_arches_at_add (void)
{
  scmp_filter_ctx ctx = seccomp_init (SCMP_ACT_ALLOW);

  g_assert_cmpint (seccomp_rule_add (ctx, SCMP_ACT_ERRNO (1), SCMP_SYS (getpid), 0), ==, 0);
  g_assert_cmpint (seccomp_arch_add (ctx, SCMP_ARCH_X86), ==, 0);
  g_assert_cmpint (seccomp_rule_add (ctx, SCMP_ACT_ERRNO (2), SCMP_SYS (getppid), 0), ==, 0);

  g_assert_cmpuint (evaluate (ctx, NATIVE, "getpid", 0, 0), ==, SCMP_ACT_ERRNO (1));
  g_assert_cmpuint (evaluate (ctx, SCMP_ARCHITECTURE_X86, "getpid", 0, 0), ==, SCMP_ACT_ALLOW);
  g_assert_cmpuint (evaluate (ctx, NATIVE, "getppid", 0, 0), ==, SCMP_ACT_ERRNO (2));
  g_assert_cmpuint (evaluate (ctx, SCMP_ARCHITECTURE_X86, "getppid", 0, 0), ==, SCMP_ACT_ERRNO (2));

  /* numbers are the native ABI's, applied by name elsewhere */
  g_assert_cmpint (seccomp_rule_add (ctx, SCMP_ACT_ERRNO (3), SCMP_SYS (openat), 0), ==, 0);
  g_assert_cmpuint (evaluate (ctx, SCMP_ARCHITECTURE_X86, "openat", 0, 0), ==, SCMP_ACT_ERRNO (3));

  /* a syscall one ABI lacks is added where it exists */
  g_assert_cmpint (seccomp_rule_add (ctx, SCMP_ACT_ERRNO (4), SCMP_SYS (umount), 0), ==, 0);
  g_assert_cmpuint (evaluate (ctx, SCMP_ARCHITECTURE_X86, "umount", 0, 0), ==, SCMP_ACT_ERRNO (4));

  /* a removed ABI takes its rules with it */
  g_assert_cmpint (seccomp_arch_remove (ctx, SCMP_ARCH_X86), ==, 0);
  g_assert_cmpint (seccomp_arch_add (ctx, SCMP_ARCH_X86), ==, 0);
  g_assert_cmpuint (evaluate (ctx, SCMP_ARCHITECTURE_X86, "getppid", 0, 0), ==, SCMP_ACT_ALLOW);
  seccomp_release (ctx);
}

/* Best effort covers socketcall(2) too; never laxer on that path. */
static void
test_rule_multiplexed (void)
{
  scmp_filter_ctx ctx = seccomp_init (SCMP_ACT_ALLOW);

  g_assert_cmpint (seccomp_arch_add (ctx, SCMP_ARCH_X86), ==, 0);
  g_assert_cmpint (seccomp_rule_add (ctx, SCMP_ACT_ERRNO (13), SCMP_SYS (socket), 1,
                                     SCMP_A0 (SCMP_CMP_EQ, 16)), ==, 0);
  g_assert_cmpint (seccomp_rule_add (ctx, SCMP_ACT_ERRNO (1), __PNR_accept, 0), ==, 0);

  g_assert_cmpuint (evaluate (ctx, SCMP_ARCHITECTURE_X86, "socket", 16, 0), ==, SCMP_ACT_ERRNO (13));
  g_assert_cmpuint (evaluate (ctx, SCMP_ARCHITECTURE_X86, "socket", 2, 0), ==, SCMP_ACT_ALLOW);
  g_assert_cmpuint (evaluate (ctx, NATIVE, "socket", 16, 0), ==, SCMP_ACT_ERRNO (13));
  /* socketcall (SYS_SOCKET, …): the family is out of reach, deny */
  g_assert_cmpuint (evaluate (ctx, SCMP_ARCHITECTURE_X86, "socketcall", 1, 0), ==, SCMP_ACT_ERRNO (13));
  /* socketcall (SYS_ACCEPT, …) */
  g_assert_cmpuint (evaluate (ctx, SCMP_ARCHITECTURE_X86, "socketcall", 5, 0), ==, SCMP_ACT_ERRNO (1));
  g_assert_cmpuint (evaluate (ctx, NATIVE, "accept", 0, 0), ==, SCMP_ACT_ERRNO (1));
  seccomp_release (ctx);
}

/* Syscall -1, a tracer's skip: with SCMP_FLTATR_API_TSKIP, an ALLOW rule. */
static void
test_rule_tracer_skip (void)
{
  scmp_filter_ctx ctx = seccomp_init (SCMP_ACT_KILL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ScmpFilter) before = NULL;
  g_autoptr(ScmpFilter) after = NULL;
  g_autoptr(ScmpAction) got = NULL;

  g_assert_cmpint (seccomp_rule_add (ctx, SCMP_ACT_ALLOW, -1, 0), ==, -EINVAL);
  g_assert_cmpint (seccomp_attr_set (ctx, SCMP_FLTATR_API_TSKIP, 1), ==, 0);
  before = _scmp_seccomp_build_filter (ctx, &error);
  g_assert_no_error (error);
  got = scmp_filter_evaluate (before, NATIVE, -1, NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_cmphex (scmp_action_get_kernel_value (got), ==, SCMP_ACT_KILL);
  g_clear_object (&got);

  /* scmp-glib can allow the skip, not give it another action */
  g_assert_cmpint (seccomp_rule_add (ctx, SCMP_ACT_ERRNO (1), -1, 0), ==, -EOPNOTSUPP);
  g_assert_cmpint (seccomp_rule_add (ctx, SCMP_ACT_ALLOW, -1, 1, SCMP_A0 (SCMP_CMP_EQ, 1)), ==, -EOPNOTSUPP);
  g_assert_cmpint (seccomp_rule_add_exact (ctx, SCMP_ACT_ALLOW, -1, 0), ==, 0);
  after = _scmp_seccomp_build_filter (ctx, &error);
  g_assert_no_error (error);
  got = scmp_filter_evaluate (after, NATIVE, -1, NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_cmphex (scmp_action_get_kernel_value (got), ==, SCMP_ACT_ALLOW);
  seccomp_release (ctx);
}

static void
test_priority (void)
{
  scmp_filter_ctx ctx = seccomp_init (SCMP_ACT_ALLOW);
  g_autoptr(GError) error = NULL;
  g_autoptr(ScmpFilter) filter = NULL;

  g_assert_cmpint (seccomp_syscall_priority (NULL, SCMP_SYS (read), 10), ==, -EINVAL);
  g_assert_cmpint (seccomp_syscall_priority (ctx, -12345, 10), ==, -EFAULT);
  g_assert_cmpint (seccomp_syscall_priority (ctx, SCMP_SYS (read), 200), ==, 0);
  g_assert_cmpint (seccomp_syscall_priority (ctx, __PNR_umount, 5), ==, 0);
  g_assert_cmpint (seccomp_rule_add (ctx, SCMP_ACT_ERRNO (1), SCMP_SYS (read), 0), ==, 0);
  filter = _scmp_seccomp_build_filter (ctx, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (scmp_filter_get_priority (filter, "read"), ==, 200);
  g_assert_cmpuint (scmp_filter_get_priority (filter, "umount"), ==, 5);
  /* a priority changes the order, never the answer */
  g_assert_cmpuint (evaluate (ctx, NATIVE, "read", 0, 0), ==, SCMP_ACT_ERRNO (1));
  seccomp_release (ctx);
}

static void
test_merge (void)
{
  scmp_filter_ctx a = seccomp_init (SCMP_ACT_ALLOW);
  scmp_filter_ctx b = seccomp_init (SCMP_ACT_ALLOW);
  scmp_filter_ctx k = seccomp_init (SCMP_ACT_KILL);

  g_assert_cmpint (seccomp_merge (NULL, b), ==, -EINVAL);
  g_assert_cmpint (seccomp_merge (a, NULL), ==, -EINVAL);
  /* another default action */
  g_assert_cmpint (seccomp_merge (a, k), ==, -EINVAL);
  /* the same ABI in both */
  g_assert_cmpint (seccomp_merge (a, b), ==, -EEXIST);

  g_assert_cmpint (seccomp_arch_remove (b, SCMP_ARCH_NATIVE), ==, 0);
  g_assert_cmpint (seccomp_arch_add (b, SCMP_ARCH_X86), ==, 0);
  /* other attributes */
  g_assert_cmpint (seccomp_attr_set (b, SCMP_FLTATR_CTL_NNP, 0), ==, -0);
  g_assert_cmpint (seccomp_merge (a, b), ==, -EINVAL);
  g_assert_cmpint (seccomp_attr_set (b, SCMP_FLTATR_CTL_NNP, 1), ==, 0);

  g_assert_cmpint (seccomp_rule_add (a, SCMP_ACT_ERRNO (1), SCMP_SYS (read), 0), ==, 0);
  g_assert_cmpint (seccomp_rule_add (b, SCMP_ACT_ERRNO (2), SCMP_SYS (getppid), 0), ==, 0);
  g_assert_cmpint (seccomp_merge (a, b), ==, 0);     /* b is released */
  g_assert_cmpint (seccomp_arch_exist (a, SCMP_ARCH_X86), ==, 0);
  g_assert_cmpuint (evaluate (a, NATIVE, "read", 0, 0), ==, SCMP_ACT_ERRNO (1));
  g_assert_cmpuint (evaluate (a, SCMP_ARCHITECTURE_X86, "read", 0, 0), ==, SCMP_ACT_ALLOW);
  g_assert_cmpuint (evaluate (a, SCMP_ARCHITECTURE_X86, "getppid", 0, 0), ==, SCMP_ACT_ERRNO (2));
  g_assert_cmpuint (evaluate (a, NATIVE, "getppid", 0, 0), ==, SCMP_ACT_ALLOW);

  /* -EDOM: byte orders that cannot share a program */
  b = seccomp_init (SCMP_ACT_ALLOW);
  g_assert_cmpint (seccomp_arch_remove (b, SCMP_ARCH_NATIVE), ==, 0);
  g_assert_cmpint (seccomp_arch_add (b, SCMP_ARCH_S390X), ==, 0);
  g_assert_cmpint (seccomp_merge (a, b), ==, -EDOM);
  seccomp_release (b);
  seccomp_release (a);
  seccomp_release (k);
}

static void
test_export (void)
{
  scmp_filter_ctx ctx = seccomp_init (SCMP_ACT_ALLOW);
  int fds[2];
  char buf[65536];
  ssize_t n;
  size_t len = 0;
  g_autofree char *small = NULL;

  g_assert_cmpint (seccomp_rule_add (ctx, SCMP_ACT_ERRNO (1), SCMP_SYS (read), 0), ==, 0);

  g_assert_cmpint (seccomp_export_bpf (NULL, 1), ==, -EINVAL);
  g_assert_cmpint (seccomp_export_pfc (NULL, 1), ==, -EINVAL);
  g_assert_cmpint (seccomp_export_bpf_mem (NULL, NULL, &len), ==, -EINVAL);
  g_assert_cmpint (seccomp_export_bpf_mem (ctx, NULL, NULL), ==, -EINVAL);

  /* a system failure is -ECANCELED, or the system's errno with SYSRAWRC */
  g_assert_cmpint (seccomp_export_bpf (ctx, -1), ==, -ECANCELED);
  g_assert_cmpint (seccomp_export_pfc (ctx, -1), ==, -ECANCELED);
  g_assert_cmpint (seccomp_attr_set (ctx, SCMP_FLTATR_API_SYSRAWRC, 1), ==, 0);
  g_assert_cmpint (seccomp_export_bpf (ctx, -1), ==, -EBADF);
  g_assert_cmpint (seccomp_export_pfc (ctx, -1), ==, -EBADF);

  g_assert_cmpint (seccomp_export_bpf_mem (ctx, NULL, &len), ==, 0);
  g_assert_cmpuint (len, >, 0);
  g_assert_cmpuint (len % 8, ==, 0);
  small = g_malloc (len);
  len--;
  g_assert_cmpint (seccomp_export_bpf_mem (ctx, small, &len), ==, -ERANGE);
  g_assert_cmpuint (len % 8, ==, 0);

  g_assert_no_errno (pipe (fds));
  g_assert_cmpint (seccomp_export_bpf (ctx, fds[1]), ==, 0);
  close (fds[1]);
  n = read (fds[0], buf, sizeof buf);
  close (fds[0]);
  g_assert_cmpint (n, ==, (ssize_t) len);
  g_assert_cmpint (seccomp_export_bpf_mem (ctx, small, &len), ==, 0);
  g_assert_cmpmem (buf, n, small, len);

  g_assert_no_errno (pipe (fds));
  g_assert_cmpint (seccomp_export_pfc (ctx, fds[1]), ==, 0);
  close (fds[1]);
  n = read (fds[0], buf, sizeof buf - 1);
  close (fds[0]);
  g_assert_cmpint (n, >, 0);
  buf[n] = '\0';
  g_assert_nonnull (strstr (buf, "read"));
  seccomp_release (ctx);
}

static void
test_transactions (void)
{
  scmp_filter_ctx ctx = seccomp_init (SCMP_ACT_ALLOW);
  uint32_t value;

  g_assert_cmpint (seccomp_transaction_start (NULL), ==, -EINVAL);
  g_assert_cmpint (seccomp_transaction_commit (NULL), ==, -EINVAL);
  seccomp_transaction_reject (NULL);
  /* nothing to commit */
  g_assert_cmpint (seccomp_transaction_commit (ctx), ==, -EINVAL);
  seccomp_transaction_reject (ctx);

  g_assert_cmpint (seccomp_rule_add (ctx, SCMP_ACT_ERRNO (1), SCMP_SYS (read), 0), ==, 0);

  /* rejected: the filter as it was at the start */
  g_assert_cmpint (seccomp_transaction_start (ctx), ==, 0);
  g_assert_cmpint (seccomp_rule_add (ctx, SCMP_ACT_ERRNO (2), SCMP_SYS (write), 0), ==, 0);
  g_assert_cmpint (seccomp_arch_add (ctx, SCMP_ARCH_X86), ==, 0);
  g_assert_cmpint (seccomp_attr_set (ctx, SCMP_FLTATR_CTL_LOG, 1), ==, 0);
  g_assert_cmpint (seccomp_syscall_priority (ctx, SCMP_SYS (read), 9), ==, 0);
  g_assert_cmpuint (evaluate (ctx, NATIVE, "write", 0, 0), ==, SCMP_ACT_ERRNO (2));
  seccomp_transaction_reject (ctx);
  g_assert_cmpuint (evaluate (ctx, NATIVE, "write", 0, 0), ==, SCMP_ACT_ALLOW);
  g_assert_cmpuint (evaluate (ctx, NATIVE, "read", 0, 0), ==, SCMP_ACT_ERRNO (1));
  g_assert_cmpint (seccomp_arch_exist (ctx, SCMP_ARCH_X86), ==, -EEXIST);
  g_assert_cmpint (seccomp_attr_get (ctx, SCMP_FLTATR_CTL_LOG, &value), ==, 0);
  g_assert_cmpuint (value, ==, 0);

  /* committed: kept */
  g_assert_cmpint (seccomp_transaction_start (ctx), ==, 0);
  g_assert_cmpint (seccomp_rule_add (ctx, SCMP_ACT_ERRNO (3), SCMP_SYS (close), 0), ==, 0);
  g_assert_cmpint (seccomp_transaction_commit (ctx), ==, 0);
  g_assert_cmpuint (evaluate (ctx, NATIVE, "close", 0, 0), ==, SCMP_ACT_ERRNO (3));

  /* nested: an inner commit is still undone by the outer reject */
  g_assert_cmpint (seccomp_transaction_start (ctx), ==, 0);
  g_assert_cmpint (seccomp_rule_add (ctx, SCMP_ACT_ERRNO (4), SCMP_SYS (dup), 0), ==, 0);
  g_assert_cmpint (seccomp_transaction_start (ctx), ==, 0);
  g_assert_cmpint (seccomp_rule_add (ctx, SCMP_ACT_ERRNO (5), SCMP_SYS (dup2), 0), ==, 0);
  g_assert_cmpint (seccomp_transaction_commit (ctx), ==, 0);
  g_assert_cmpint (seccomp_transaction_start (ctx), ==, 0);
  g_assert_cmpint (seccomp_rule_add (ctx, SCMP_ACT_ERRNO (6), SCMP_SYS (dup3), 0), ==, 0);
  seccomp_transaction_reject (ctx);
  g_assert_cmpuint (evaluate (ctx, NATIVE, "dup2", 0, 0), ==, SCMP_ACT_ERRNO (5));
  g_assert_cmpuint (evaluate (ctx, NATIVE, "dup3", 0, 0), ==, SCMP_ACT_ALLOW);
  seccomp_transaction_reject (ctx);
  g_assert_cmpuint (evaluate (ctx, NATIVE, "dup", 0, 0), ==, SCMP_ACT_ALLOW);
  g_assert_cmpuint (evaluate (ctx, NATIVE, "dup2", 0, 0), ==, SCMP_ACT_ALLOW);
  g_assert_cmpuint (evaluate (ctx, NATIVE, "close", 0, 0), ==, SCMP_ACT_ERRNO (3));

  /* an open transaction at release is freed with the context */
  g_assert_cmpint (seccomp_transaction_start (ctx), ==, 0);
  seccomp_release (ctx);
}

static void
test_precompute (void)
{
  scmp_filter_ctx ctx = seccomp_init (SCMP_ACT_ALLOW);

  g_assert_cmpint (seccomp_precompute (NULL), ==, -EINVAL);
  g_assert_cmpint (seccomp_rule_add (ctx, SCMP_ACT_ERRNO (1), SCMP_SYS (read), 0), ==, 0);
  g_assert_cmpint (seccomp_precompute (ctx), ==, 0);
  g_assert_cmpint (seccomp_precompute (ctx), ==, 0);
  /* a change after it is not lost */
  g_assert_cmpint (seccomp_rule_add (ctx, SCMP_ACT_ERRNO (2), SCMP_SYS (write), 0), ==, 0);
  g_assert_cmpuint (evaluate (ctx, NATIVE, "write", 0, 0), ==, SCMP_ACT_ERRNO (2));
  g_assert_cmpint (seccomp_precompute (ctx), ==, 0);
  seccomp_release (ctx);
}

/* Loading is irreversible: in a child. */
static void
test_load (void)
{
  if (g_test_subprocess ())
    {
      scmp_filter_ctx ctx = seccomp_init (SCMP_ACT_ALLOW);
      scmp_filter_ctx second = seccomp_init (SCMP_ACT_ALLOW);

      g_assert_cmpint (seccomp_load (NULL), ==, -EINVAL);
      g_assert_cmpint (seccomp_rule_add (ctx, SCMP_ACT_ERRNO (EROFS), SCMP_SYS (getppid), 0), ==, 0);
      /* a change after seccomp_precompute() drops its program */
      g_assert_cmpint (seccomp_precompute (ctx), ==, 0);
      g_assert_cmpint (seccomp_rule_add (ctx, SCMP_ACT_ERRNO (EXDEV), SCMP_SYS (dup), 1,
                                         SCMP_A0 (SCMP_CMP_EQ, 1000)), ==, 0);
      g_assert_cmpint (seccomp_load (ctx), ==, 0);
      seccomp_release (ctx);
      g_assert_cmpint (syscall (__NR_getppid), ==, -1);
      g_assert_cmpint (errno, ==, EROFS);
      g_assert_cmpint (dup (1000), ==, -1);
      g_assert_cmpint (errno, ==, EXDEV);
      g_assert_cmpint (dup (1001), ==, -1);
      g_assert_cmpint (errno, ==, EBADF);

      /* precomputed and unchanged: loaded as prepared */
      g_assert_cmpint (seccomp_rule_add (second, SCMP_ACT_ERRNO (EDOM), SCMP_SYS (getpid), 0), ==, 0);
      g_assert_cmpint (seccomp_precompute (second), ==, 0);
      g_assert_cmpint (seccomp_load (second), ==, 0);
      seccomp_release (second);
      g_assert_cmpint (syscall (__NR_getpid), ==, -1);
      g_assert_cmpint (errno, ==, EDOM);
      return;
    }
  if (!scmp_kernel_has_seccomp ())
    {
      g_test_skip ("no seccomp in this kernel");
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

/* A refused load: without NO_NEW_PRIVS and without CAP_SYS_ADMIN the
 * kernel says EACCES, which is -ECANCELED, or -EACCES with SYSRAWRC. */
static void
test_load_refused (void)
{
  if (g_test_subprocess ())
    {
      scmp_filter_ctx ctx = seccomp_init (SCMP_ACT_ALLOW);

      if (getuid () == 0)
        g_assert_no_errno (setresuid (65534, 65534, 65534));
      g_assert_cmpint (seccomp_rule_add (ctx, SCMP_ACT_ERRNO (EROFS), SCMP_SYS (getppid), 0), ==, 0);
      g_assert_cmpint (seccomp_attr_set (ctx, SCMP_FLTATR_CTL_NNP, 0), ==, 0);
      g_assert_cmpint (seccomp_load (ctx), ==, -ECANCELED);
      g_assert_cmpint (seccomp_attr_set (ctx, SCMP_FLTATR_API_SYSRAWRC, 1), ==, 0);
      g_assert_cmpint (seccomp_load (ctx), ==, -EACCES);
      /* nothing was loaded */
      g_assert_cmpint (syscall (__NR_getppid), >, 0);
      seccomp_release (ctx);
      return;
    }
  if (!scmp_kernel_has_seccomp ())
    {
      g_test_skip ("no seccomp in this kernel");
      return;
    }
  if (prctl (PR_GET_NO_NEW_PRIVS, 0, 0, 0, 0) == 1)
    {
      g_test_skip ("NO_NEW_PRIVS is already set: the kernel cannot refuse");
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

/* The supervisor's side of /compat/load/notify, in its own thread (the
 * filter is loaded in the main thread only, without TSYNC). */
typedef struct {
  int fd;
  int pipe_fd;                  /* installed in the target with addfd */
  int installed_fd;
  uint64_t first_id;
  int failures;
} NotifySupervisor;

#define NOTIFY_CHECK(cond) \
  G_STMT_START { if (!(cond)) { g_printerr ("%s:%d: %s\n", __FILE__, __LINE__, #cond); s->failures++; } } G_STMT_END

static gpointer
notify_supervisor (gpointer data)
{
  NotifySupervisor *s = data;
  struct seccomp_notif *req = NULL;
  struct seccomp_notif_resp *resp = NULL;
  struct seccomp_notif_addfd addfd = { 0 };

  NOTIFY_CHECK (seccomp_notify_alloc (&req, &resp) == 0);

  /* 1: answered with a value, after an fd was put in the target */
  req->id = 0xdeadbeef;           /* receive clears the buffer first */
  NOTIFY_CHECK (seccomp_notify_receive (s->fd, req) == 0);
  NOTIFY_CHECK (req->data.nr == __NR_getppid);
  NOTIFY_CHECK (req->data.arch == seccomp_arch_native ());
  NOTIFY_CHECK (req->data.args[0] == 0x1234);
  NOTIFY_CHECK ((pid_t) req->pid == getpid ());
  NOTIFY_CHECK (seccomp_notify_id_valid (s->fd, req->id) == 0);
  s->first_id = req->id;
  addfd.id = req->id;
  addfd.srcfd = s->pipe_fd;
  s->installed_fd = seccomp_notify_addfd (s->fd, &addfd);
  addfd.flags = 0x80000000;       /* no such flag */
  NOTIFY_CHECK (seccomp_notify_addfd (s->fd, &addfd) == -EOPNOTSUPP);
  resp->id = req->id;
  resp->val = 4242;
  resp->error = 0;
  resp->flags = 0;
  NOTIFY_CHECK (seccomp_notify_respond (s->fd, resp) == 0);
  /* answered: gone, and a second answer is a kernel error: ENOENT once
   * the target has woken, EINPROGRESS while the answer is on its way */
  NOTIFY_CHECK (seccomp_notify_id_valid (s->fd, s->first_id) == -ENOENT);
  errno = 0;
  NOTIFY_CHECK (seccomp_notify_respond (s->fd, resp) == -ECANCELED);
  NOTIFY_CHECK (errno == ENOENT || errno == EINPROGRESS);

  /* 2: answered with an error, in the same (reused) buffers */
  NOTIFY_CHECK (seccomp_notify_receive (s->fd, req) == 0);
  NOTIFY_CHECK (req->data.nr == __NR_getppid);
  NOTIFY_CHECK (req->id != s->first_id);
  memset (resp, 0, sizeof (*resp));
  resp->id = req->id;
  resp->error = -ENOMEDIUM;
  resp->val = 0;
  NOTIFY_CHECK (seccomp_notify_respond (s->fd, resp) == 0);

  /* 3: let the call run */
  NOTIFY_CHECK (seccomp_notify_receive (s->fd, req) == 0);
  memset (resp, 0, sizeof (*resp));
  resp->id = req->id;
  resp->flags = SECCOMP_USER_NOTIF_FLAG_CONTINUE;
  NOTIFY_CHECK (seccomp_notify_respond (s->fd, resp) == 0);

  seccomp_notify_free (req, resp);
  return NULL;
}

/* The notify API on a loaded SCMP_ACT_NOTIFY rule, in a child: the
 * listener of seccomp_load(), receive, id_valid, addfd, respond with a
 * value, an error and CONTINUE; the documented errors; API levels. */
static void
test_load_notify (void)
{
  if (g_test_subprocess ())
    {
      scmp_filter_ctx ctx = seccomp_init (SCMP_ACT_ALLOW);
      struct seccomp_notif *req = NULL;
      struct seccomp_notif_resp *resp = NULL;
      NotifySupervisor s = { .fd = -1, .installed_fd = -1 };
      GThread *thread;
      pid_t ppid = getppid ();
      struct stat a, b;
      int pipe_fds[2];
      long r;

      g_assert_no_errno (pipe (pipe_fds));
      s.pipe_fd = pipe_fds[0];

      /* buffers: zeroed, at least the headers' size; either may be NULL */
      g_assert_cmpint (seccomp_notify_alloc (&req, &resp), ==, 0);
      g_assert_nonnull (req);
      g_assert_nonnull (resp);
      g_assert_cmpuint (req->id, ==, 0);
      g_assert_cmpuint (resp->id, ==, 0);
      seccomp_notify_free (req, resp);
      req = NULL;
      g_assert_cmpint (seccomp_notify_alloc (&req, NULL), ==, 0);
      seccomp_notify_free (req, NULL);
      seccomp_notify_free (NULL, NULL);

      /* no listener yet; a bad listener is a kernel error */
      g_assert_cmpint (seccomp_notify_fd (NULL), ==, -EINVAL);
      g_assert_cmpint (seccomp_notify_fd (ctx), ==, -1);
      g_assert_cmpint (seccomp_notify_id_valid (-1, 1), ==, -ENOENT);
      g_assert_cmpint (seccomp_notify_alloc (&req, &resp), ==, 0);
      errno = 0;
      g_assert_cmpint (seccomp_notify_receive (-1, req), ==, -ECANCELED);
      g_assert_cmpint (errno, ==, EBADF);
      g_assert_cmpint (seccomp_notify_respond (-1, resp), ==, -ECANCELED);

      /* below API level 5 there is no notify API */
      g_assert_cmpint (seccomp_api_set (4), ==, 0);
      g_assert_cmpint (seccomp_notify_receive (-1, req), ==, -EOPNOTSUPP);
      g_assert_cmpint (seccomp_notify_respond (-1, resp), ==, -EOPNOTSUPP);
      g_assert_cmpint (seccomp_notify_id_valid (-1, 1), ==, -EOPNOTSUPP);
      g_assert_cmpint (seccomp_notify_addfd (-1, &(struct seccomp_notif_addfd) { 0 }), ==, -EOPNOTSUPP);
      seccomp_notify_free (req, resp);
      req = NULL;
      resp = NULL;
      g_assert_cmpint (seccomp_notify_alloc (&req, &resp), ==, -EOPNOTSUPP);
      g_assert_cmpint (seccomp_reset (NULL, 0), ==, 0);
      g_assert_cmpuint (seccomp_api_get (), >=, 6);

      g_assert_cmpint (seccomp_rule_add (ctx, SCMP_ACT_NOTIFY, SCMP_SYS (getppid), 0), ==, 0);
      g_assert_cmpint (seccomp_load (ctx), ==, 0);
      s.fd = seccomp_notify_fd (ctx);
      g_assert_cmpint (s.fd, >=, 3);
      /* the process's listener, whichever context asks */
      {
        scmp_filter_ctx other = seccomp_init (SCMP_ACT_ALLOW);

        g_assert_cmpint (seccomp_notify_fd (other), ==, s.fd);
        seccomp_release (other);
      }
      /* and it outlives the context it was loaded from */
      seccomp_release (ctx);

      thread = g_thread_new ("supervisor", notify_supervisor, &s);
      r = syscall (__NR_getppid, 0x1234);
      g_assert_cmpint (r, ==, 4242);
      errno = 0;
      g_assert_cmpint (syscall (__NR_getppid), ==, -1);
      g_assert_cmpint (errno, ==, ENOMEDIUM);
      g_assert_cmpint (syscall (__NR_getppid), ==, ppid);
      g_thread_join (thread);
      g_assert_cmpint (s.failures, ==, 0);

      /* addfd put the pipe's read end into this process */
      g_assert_cmpint (s.installed_fd, >=, 0);
      g_assert_cmpint (s.installed_fd, !=, pipe_fds[0]);
      g_assert_no_errno (fstat (s.installed_fd, &a));
      g_assert_no_errno (fstat (pipe_fds[0], &b));
      g_assert_cmpuint (a.st_ino, ==, b.st_ino);

      /* seccomp_reset (NULL, …) closes the listener */
      g_assert_cmpint (seccomp_reset (NULL, 0), ==, 0);
      g_assert_cmpint (fcntl (s.fd, F_GETFD), ==, -1);
      g_assert_cmpint (errno, ==, EBADF);
      ctx = seccomp_init (SCMP_ACT_ALLOW);
      g_assert_cmpint (seccomp_notify_fd (ctx), ==, -1);
      seccomp_release (ctx);
      return;
    }
  if (!scmp_kernel_has_seccomp () || !scmp_kernel_supports_action (SCMP_ACTION_KIND_NOTIFY))
    {
      scmp_test_skip_machine ("the kernel has no user notification");
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  pin_api_level ();

  g_test_add_func ("/compat/version", test_version);
  g_test_add_func ("/compat/api-level", test_api_level);
  g_test_add_func ("/compat/init", test_init);
  g_test_add_func ("/compat/reset", test_reset);
  g_test_add_func ("/compat/arch/names", test_arch_names);
  g_test_add_func ("/compat/arch/add-remove", test_arch_add_remove);
  g_test_add_func ("/compat/attributes", test_attributes);
  g_test_add_func ("/compat/resolve", test_resolve);
  g_test_add_func ("/compat/rule/errors", test_rule_errors);
  g_test_add_func ("/compat/rule/merge", test_rule_merge);
  g_test_add_func ("/compat/rule/cmp32", test_rule_cmp32);
  g_test_add_func ("/compat/rule/wide-data", test_rule_wide_data);
  g_test_add_func ("/compat/rule/wide-data/same-meaning", test_rule_wide_data_same_meaning);
  g_test_add_func ("/compat/rule/arches-at-add", test_rule_arches_at_add);
  g_test_add_func ("/compat/rule/multiplexed", test_rule_multiplexed);
  g_test_add_func ("/compat/rule/tracer-skip", test_rule_tracer_skip);
  g_test_add_func ("/compat/priority", test_priority);
  g_test_add_func ("/compat/merge", test_merge);
  g_test_add_func ("/compat/export", test_export);
  g_test_add_func ("/compat/transactions", test_transactions);
  g_test_add_func ("/compat/precompute", test_precompute);
  if (g_getenv ("SCMP_COMPAT_NO_LOAD") == NULL)
    {
      g_test_add_func ("/compat/load/filter", test_load);
      g_test_add_func ("/compat/load/refused", test_load_refused);
      g_test_add_func ("/compat/load/notify", test_load_notify);
    }

  return g_test_run ();
}
