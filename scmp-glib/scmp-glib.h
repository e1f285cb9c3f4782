/* scmp-glib.h: the only header users include
 *
 * SPDX-FileCopyrightText: 2026 The scmp-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#define __SCMP_GLIB_INSIDE__

#include <scmp-glib/scmp-version-macros.h>
#include <scmp-glib/scmp-version.h>
#include <scmp-glib/scmp-action.h>
#include <scmp-glib/scmp-architecture.h>
#include <scmp-glib/scmp-condition.h>
#include <scmp-glib/scmp-rule.h>
#include <scmp-glib/scmp-disassembler.h>
#include <scmp-glib/scmp-enums.h>
#include <scmp-glib/scmp-error.h>
#include <scmp-glib/scmp-filter.h>
#include <scmp-glib/scmp-finding.h>
#include <scmp-glib/scmp-kernel.h>
#include <scmp-glib/scmp-notifier.h>
#include <scmp-glib/scmp-oci.h>
#include <scmp-glib/scmp-syscall-set.h>
#include <scmp-glib/scmp-verdict.h>

#undef __SCMP_GLIB_INSIDE__
