/* scmp-disassembler.h: readable listings of seccomp BPF programs
 *
 * SPDX-FileCopyrightText: 2026 The scmp-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined (__SCMP_GLIB_INSIDE__) && !defined (SCMP_GLIB_COMPILATION)
#error "Only <scmp-glib/scmp-glib.h> can be included directly."
#endif

#include <glib.h>
#include <scmp-glib/scmp-version-macros.h>
#include <scmp-glib/scmp-architecture.h>

G_BEGIN_DECLS

SCMP_AVAILABLE_IN_ALL
char *scmp_bpf_disassemble (GBytes           *program,
                            ScmpArchitecture  arch,
                            GError          **error);

G_END_DECLS
