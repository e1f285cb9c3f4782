/* scmp-test-support.h: what tests and the benchmark need to look at programs,
 * which the library itself does not need
 *
 * SPDX-FileCopyrightText: 2026 The scmp-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Built into a static library that only tests/ links (tests/meson.build).
 */

#pragma once

#include <glib.h>
#include <linux/filter.h>

G_BEGIN_DECLS

/* The reverse of _scmp_bpf_serialize(), through the library's
 * _scmp_bpf_deserialize(): wire layout in @big_endian order → host-order
 * array. NULL (and 0 in @n_insns) when @bytes is empty or its size is not
 * a multiple of 8. */
struct sock_filter *test_bpf_deserialize     (GBytes                   *bytes,
                                              gboolean                  big_endian,
                                              gsize                    *n_insns);

/* Emulates the kernel's seccomp_is_const_allow() (Linux >= 5.11 action
 * cache) for one syscall number and arch: TRUE when the path provably ends
 * in RET ALLOW reading only nr and arch. */
gboolean            test_bpf_is_const_allow  (const struct sock_filter *prog,
                                              gsize                     n_insns,
                                              guint32                   arch,
                                              gint32                    nr);

/* One line of disassembly, e.g. "jeq #0x3c jt 4 jf 7": the library's
 * _scmp_bpf_format_insn() with bare jump targets. Free with g_free(). */
char               *test_bpf_disassemble     (const struct sock_filter *insn,
                                              guint                     pc);

G_END_DECLS
