/* fuzz-common.h: what every libFuzzer harness of tests/fuzz/ shares
 *
 * SPDX-FileCopyrightText: 2026 The scmp-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <glib.h>
#include <stdint.h>
#include <stdlib.h>

int LLVMFuzzerInitialize   (int            *argc,
                            char         ***argv);
int LLVMFuzzerTestOneInput (const uint8_t  *data,
                            size_t          size);

/* Untrusted input must come back as a GError: a critical or a warning
 * means it reached a programmer-error check, which is a bug too. */
static inline void
fuzz_init (void)
{
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING | G_LOG_FATAL_MASK);
  /* the reference evaluator (tests/reference.c) reads the committed tables */
  g_setenv ("SCMP_ARCH_DATA_DIR", SCMP_FUZZ_ARCH_DATA_DIR, FALSE);
}

/* Bytes → a reader that gives 0 once they run out, so that every input
 * decodes to something. */
typedef struct {
  const uint8_t *data;
  size_t         size;
  size_t         pos;
} FuzzReader;

static inline guint8
fuzz_u8 (FuzzReader *r)
{
  return r->pos < r->size ? r->data[r->pos++] : 0;
}

static inline guint32
fuzz_u32 (FuzzReader *r)
{
  guint32 v = 0;

  for (int i = 0; i < 4; i++)
    v = (v << 8) | fuzz_u8 (r);
  return v;
}

static inline guint64
fuzz_u64 (FuzzReader *r)
{
  return ((guint64) fuzz_u32 (r) << 32) | fuzz_u32 (r);
}

/* A value in [0, n) */
static inline guint
fuzz_below (FuzzReader *r,
            guint       n)
{
  return n > 256 ? ((guint) fuzz_u8 (r) << 8 | fuzz_u8 (r)) % n : fuzz_u8 (r) % n;
}
