/* scmp-syscall-sets-private.h: the syscall sets generated from arch-data/
 *
 * SPDX-FileCopyrightText: 2026 The scmp-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * scmp-syscall-sets.c is written at build time by
 * arch-data/gen-syscall-sets.py from arch-data/syscall-sets.txt and
 * syscalls.csv. Only scmp-syscall-set.c reads these arrays.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Set bit of a member: the member is set (member & ~bit), in
 * _scmp_syscall_sets order; otherwise it is a name index of the syscall
 * tables (scmp-arch-private.h). */
#define SCMP_SYSCALL_SET_MEMBER_IS_SET 0x8000

typedef struct {
  const char *name;           /* with its '@' */
  const char *description;    /* one line, no final full stop */
  guint16     first_member;   /* into _scmp_syscall_set_members */
  guint16     n_members;      /* direct members, in data order */
} ScmpSyscallSetInfo;

/* In data order: @default first, @known (every name index) last. */
extern const guint              _scmp_syscall_n_sets;
extern const ScmpSyscallSetInfo _scmp_syscall_sets[];
extern const guint16            _scmp_syscall_set_members[];

G_END_DECLS
