/* test-abi.h: kernel ABI numbers the public tests need and no public
 * header gives
 *
 * SPDX-FileCopyrightText: 2026 The scmp-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The library's own names (SCMP_X32_SYSCALL_BIT, SCMP_NR_TRACER_SKIP) are
 * in scmp-arch-private.h, which only the internal tests see. The audit
 * arch values come from <linux/audit.h>. tests/reference.c, the oracle,
 * keeps its own copies on purpose.
 */

#pragma once

#include <linux/audit.h>

/* The kernel's __X32_SYSCALL_BIT (in <asm/unistd.h> on x86 only): set in
 * seccomp_data.nr for every x32 call. */
#define X32_SYSCALL_BIT 0x40000000u

#ifndef AUDIT_ARCH_LOONGARCH64  /* Linux 5.19 */
#define AUDIT_ARCH_LOONGARCH64 (EM_LOONGARCH | __AUDIT_ARCH_64BIT | __AUDIT_ARCH_LE)
#endif
