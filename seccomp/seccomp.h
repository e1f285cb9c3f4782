/* seccomp.h: libseccomp's C API, implemented on scmp-glib
 *
 * SPDX-FileCopyrightText: 2026 The scmp-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The names, numeric values and prototypes are libseccomp 2.6's: they are
 * its ABI, so that a program built against libseccomp runs on this
 * library. What differs from libseccomp is listed in
 * docs/seccomp-compat.md.
 */

#ifndef _SECCOMP_H
#define _SECCOMP_H

/* Installed outside the system include path, yet programs built with
 * -Wextra -Werror against libseccomp's header (found in /usr/include)
 * never see warnings from SCMP_A0 (op, value) leaving datum_b implicit:
 * keep it that way. */
#if defined (__GNUC__)
# pragma GCC system_header
#endif

#include <inttypes.h>
#include <stddef.h>
#include <linux/audit.h>
#include <linux/seccomp.h>
#include <linux/types.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined (__GNUC__) && (__GNUC__ >= 4)
# define _SCMP_SECCOMP_API __attribute__((visibility ("default")))
#else
# define _SCMP_SECCOMP_API
#endif

/* The libseccomp release whose API this is. */
#define SCMP_VER_MAJOR 2
#define SCMP_VER_MINOR 6
#define SCMP_VER_MICRO 0

struct scmp_version {
  unsigned int major;
  unsigned int minor;
  unsigned int micro;
};

typedef void *scmp_filter_ctx;

enum scmp_filter_attr {
  _SCMP_FLTATR_MIN = 0,
  SCMP_FLTATR_ACT_DEFAULT = 1,
  SCMP_FLTATR_ACT_BADARCH = 2,
  SCMP_FLTATR_CTL_NNP = 3,
  SCMP_FLTATR_CTL_TSYNC = 4,
  SCMP_FLTATR_API_TSKIP = 5,
  SCMP_FLTATR_CTL_LOG = 6,
  SCMP_FLTATR_CTL_SSB = 7,
  SCMP_FLTATR_CTL_OPTIMIZE = 8,
  SCMP_FLTATR_API_SYSRAWRC = 9,
  SCMP_FLTATR_CTL_WAITKILL = 10,
  _SCMP_FLTATR_MAX,
};

enum scmp_compare {
  _SCMP_CMP_MIN = 0,
  SCMP_CMP_NE = 1,
  SCMP_CMP_LT = 2,
  SCMP_CMP_LE = 3,
  SCMP_CMP_EQ = 4,
  SCMP_CMP_GE = 5,
  SCMP_CMP_GT = 6,
  SCMP_CMP_MASKED_EQ = 7,
  _SCMP_CMP_MAX,
};

typedef uint64_t scmp_datum_t;

/* For SCMP_CMP_MASKED_EQ, datum_a is the mask and datum_b the value. */
struct scmp_arg_cmp {
  unsigned int arg;
  enum scmp_compare op;
  scmp_datum_t datum_a;
  scmp_datum_t datum_b;
};

/* Architecture tokens: the kernel's AUDIT_ARCH_* values, except x32. */
#define SCMP_ARCH_NATIVE 0
#ifndef __AUDIT_ARCH_64BIT
# define __AUDIT_ARCH_64BIT 0x80000000
#endif
#ifndef __AUDIT_ARCH_LE
# define __AUDIT_ARCH_LE 0x40000000
#endif
#define SCMP_ARCH_X86         0x40000003U
#define SCMP_ARCH_X86_64      0xc000003eU
#define SCMP_ARCH_X32         0x4000003eU
#define SCMP_ARCH_ARM         0x40000028U
#define SCMP_ARCH_AARCH64     0xc00000b7U
#define SCMP_ARCH_LOONGARCH64 0xc0000102U
#define SCMP_ARCH_M68K        0x00000004U
#define SCMP_ARCH_MIPS        0x00000008U
#define SCMP_ARCH_MIPSEL      0x40000008U
#define SCMP_ARCH_MIPS64      0x80000008U
#define SCMP_ARCH_MIPSEL64    0xc0000008U
#define SCMP_ARCH_MIPS64N32   0xa0000008U
#define SCMP_ARCH_MIPSEL64N32 0xe0000008U
#define SCMP_ARCH_PARISC      0x0000000fU
#define SCMP_ARCH_PARISC64    0x8000000fU
#define SCMP_ARCH_PPC         0x00000014U
#define SCMP_ARCH_PPC64       0x80000015U
#define SCMP_ARCH_PPC64LE     0xc0000015U
#define SCMP_ARCH_RISCV64     0xc00000f3U
#define SCMP_ARCH_S390        0x00000016U
#define SCMP_ARCH_S390X       0x80000016U
#define SCMP_ARCH_SH          0x4000002aU
#define SCMP_ARCH_SHEB        0x0000002aU

/* The syscall of a rule: the build target's number, or a pseudo-number. */
#define SCMP_SYS(x) (__SNR_##x)

/* Comparison builders. SCMP_CMP32 and SCMP_A*_32 take 32-bit values, so
 * that a negative int datum is not sign-extended to 64 bits. */
#define SCMP_CMP64(...) ((struct scmp_arg_cmp){__VA_ARGS__})
#define SCMP_CMP SCMP_CMP64

#define _SCMP_CMP32_PICK(_1, _2, name, ...) name
#define _SCMP_CMP32_ONE(arg, op, a) \
  SCMP_CMP64 (arg, op, (uint32_t) (a), 0)
#define _SCMP_CMP32_TWO(arg, op, a, b) \
  SCMP_CMP64 (arg, op, (uint32_t) (a), (uint32_t) (b))
#define SCMP_CMP32(arg, op, ...) \
  _SCMP_CMP32_PICK (__VA_ARGS__, _SCMP_CMP32_TWO, _SCMP_CMP32_ONE, unused) (arg, op, __VA_ARGS__)

#define SCMP_A0_64(...) SCMP_CMP64 (0, __VA_ARGS__)
#define SCMP_A1_64(...) SCMP_CMP64 (1, __VA_ARGS__)
#define SCMP_A2_64(...) SCMP_CMP64 (2, __VA_ARGS__)
#define SCMP_A3_64(...) SCMP_CMP64 (3, __VA_ARGS__)
#define SCMP_A4_64(...) SCMP_CMP64 (4, __VA_ARGS__)
#define SCMP_A5_64(...) SCMP_CMP64 (5, __VA_ARGS__)
#define SCMP_A0 SCMP_A0_64
#define SCMP_A1 SCMP_A1_64
#define SCMP_A2 SCMP_A2_64
#define SCMP_A3 SCMP_A3_64
#define SCMP_A4 SCMP_A4_64
#define SCMP_A5 SCMP_A5_64
#define SCMP_A0_32(op, ...) SCMP_CMP32 (0, op, __VA_ARGS__)
#define SCMP_A1_32(op, ...) SCMP_CMP32 (1, op, __VA_ARGS__)
#define SCMP_A2_32(op, ...) SCMP_CMP32 (2, op, __VA_ARGS__)
#define SCMP_A3_32(op, ...) SCMP_CMP32 (3, op, __VA_ARGS__)
#define SCMP_A4_32(op, ...) SCMP_CMP32 (4, op, __VA_ARGS__)
#define SCMP_A5_32(op, ...) SCMP_CMP32 (5, op, __VA_ARGS__)

/* Actions: the kernel's SECCOMP_RET_* values. */
#define SCMP_ACT_KILL_PROCESS 0x80000000U
#define SCMP_ACT_KILL_THREAD  0x00000000U
#define SCMP_ACT_KILL         SCMP_ACT_KILL_THREAD
#define SCMP_ACT_TRAPX(x)     (0x00030000U | ((x) & 0x0000ffffU))
#define SCMP_ACT_TRAP         SCMP_ACT_TRAPX (0)
#define SCMP_ACT_NOTIFY       0x7fc00000U
#define SCMP_ACT_ERRNO(x)     (0x00050000U | ((x) & 0x0000ffffU))
#define SCMP_ACT_TRACE(x)     (0x7ff00000U | ((x) & 0x0000ffffU))
#define SCMP_ACT_LOG          0x7ffc0000U
#define SCMP_ACT_ALLOW        0x7fff0000U

/* User notification (the structures are <linux/seccomp.h>'s). */
#ifndef SECCOMP_RET_USER_NOTIF
# define SECCOMP_RET_USER_NOTIF 0x7fc00000U
#endif
#ifndef SECCOMP_USER_NOTIF_FLAG_CONTINUE
# define SECCOMP_USER_NOTIF_FLAG_CONTINUE (1UL << 0)
#endif
#ifndef SECCOMP_ADDFD_FLAG_SETFD
# define SECCOMP_ADDFD_FLAG_SETFD (1UL << 0)
#endif
#ifndef SECCOMP_ADDFD_FLAG_SEND
# define SECCOMP_ADDFD_FLAG_SEND (1UL << 1)
#endif

/* Library */
_SCMP_SECCOMP_API const struct scmp_version *seccomp_version (void);
_SCMP_SECCOMP_API unsigned int seccomp_api_get (void);
_SCMP_SECCOMP_API int seccomp_api_set (unsigned int level);

/* Filter contexts */
_SCMP_SECCOMP_API scmp_filter_ctx seccomp_init (uint32_t def_action);
_SCMP_SECCOMP_API int seccomp_reset (scmp_filter_ctx ctx, uint32_t def_action);
_SCMP_SECCOMP_API void seccomp_release (scmp_filter_ctx ctx);
_SCMP_SECCOMP_API int seccomp_merge (scmp_filter_ctx ctx_dst, scmp_filter_ctx ctx_src);

/* Architectures */
_SCMP_SECCOMP_API uint32_t seccomp_arch_resolve_name (const char *arch_name);
_SCMP_SECCOMP_API uint32_t seccomp_arch_native (void);
_SCMP_SECCOMP_API int seccomp_arch_exist (const scmp_filter_ctx ctx, uint32_t arch_token);
_SCMP_SECCOMP_API int seccomp_arch_add (scmp_filter_ctx ctx, uint32_t arch_token);
_SCMP_SECCOMP_API int seccomp_arch_remove (scmp_filter_ctx ctx, uint32_t arch_token);

/* Loading and attributes */
_SCMP_SECCOMP_API int seccomp_load (const scmp_filter_ctx ctx);
_SCMP_SECCOMP_API int seccomp_attr_get (const scmp_filter_ctx ctx,
                                        enum scmp_filter_attr attr, uint32_t *value);
_SCMP_SECCOMP_API int seccomp_attr_set (scmp_filter_ctx ctx,
                                        enum scmp_filter_attr attr, uint32_t value);

/* Syscall names and numbers */
_SCMP_SECCOMP_API char *seccomp_syscall_resolve_num_arch (uint32_t arch_token, int num);
_SCMP_SECCOMP_API int seccomp_syscall_resolve_name_arch (uint32_t arch_token, const char *name);
_SCMP_SECCOMP_API int seccomp_syscall_resolve_name_rewrite (uint32_t arch_token, const char *name);
_SCMP_SECCOMP_API int seccomp_syscall_resolve_name (const char *name);
_SCMP_SECCOMP_API int seccomp_syscall_priority (scmp_filter_ctx ctx, int syscall, uint8_t priority);

/* Rules */
_SCMP_SECCOMP_API int seccomp_rule_add (scmp_filter_ctx ctx, uint32_t action, int syscall,
                                        unsigned int arg_cnt, ...);
_SCMP_SECCOMP_API int seccomp_rule_add_array (scmp_filter_ctx ctx, uint32_t action, int syscall,
                                              unsigned int arg_cnt,
                                              const struct scmp_arg_cmp *arg_array);
_SCMP_SECCOMP_API int seccomp_rule_add_exact (scmp_filter_ctx ctx, uint32_t action, int syscall,
                                              unsigned int arg_cnt, ...);
_SCMP_SECCOMP_API int seccomp_rule_add_exact_array (scmp_filter_ctx ctx, uint32_t action,
                                                    int syscall, unsigned int arg_cnt,
                                                    const struct scmp_arg_cmp *arg_array);

/* Output */
_SCMP_SECCOMP_API int seccomp_export_pfc (const scmp_filter_ctx ctx, int fd);
_SCMP_SECCOMP_API int seccomp_export_bpf (const scmp_filter_ctx ctx, int fd);
_SCMP_SECCOMP_API int seccomp_export_bpf_mem (const scmp_filter_ctx ctx, void *buf, size_t *len);

/* Transactions and precomputation */
_SCMP_SECCOMP_API int seccomp_transaction_start (const scmp_filter_ctx ctx);
_SCMP_SECCOMP_API void seccomp_transaction_reject (const scmp_filter_ctx ctx);
_SCMP_SECCOMP_API int seccomp_transaction_commit (const scmp_filter_ctx ctx);
_SCMP_SECCOMP_API int seccomp_precompute (const scmp_filter_ctx ctx);

/* User notification: the listener of the last load that asked for one
 * (a filter with SCMP_ACT_NOTIFY rules), and the kernel's requests. */
_SCMP_SECCOMP_API int seccomp_notify_alloc (struct seccomp_notif **req,
                                            struct seccomp_notif_resp **resp);
_SCMP_SECCOMP_API void seccomp_notify_free (struct seccomp_notif *req,
                                            struct seccomp_notif_resp *resp);
_SCMP_SECCOMP_API int seccomp_notify_receive (int fd, struct seccomp_notif *req);
_SCMP_SECCOMP_API int seccomp_notify_respond (int fd, struct seccomp_notif_resp *resp);
_SCMP_SECCOMP_API int seccomp_notify_id_valid (int fd, uint64_t id);
_SCMP_SECCOMP_API int seccomp_notify_fd (const scmp_filter_ctx ctx);
_SCMP_SECCOMP_API int seccomp_notify_addfd (int fd, struct seccomp_notif_addfd *addfd);

/* Values seccomp_syscall_resolve_name*() return for "no such syscall". */
#define __NR_SCMP_ERROR -1
#define __NR_SCMP_UNDEF -2

#include <seccomp-syscalls.h>

#ifdef __cplusplus
}
#endif

#endif /* _SECCOMP_H */
