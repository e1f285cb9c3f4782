/* fuzz-bpf.c: BPF bytes → the checker, the interpreter and the
 * disassembler
 *
 * SPDX-FileCopyrightText: 2026 The scmp-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The first byte picks the ABI (hence the byte order); the rest is the
 * program as scmp_filter_export_bpf() writes it. A program the checker
 * accepts must run without error on any input and in at most as many
 * steps as it has instructions (classic BPF jumps only forwards).
 */

#include "config.h"

#include <scmp-glib/scmp-glib.h>

#include "scmp-arch-private.h"
#include "scmp-bpf-private.h"
#include "fuzz-common.h"

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_init ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  gsize n_arches = 0;
  g_autofree ScmpArchitecture *arches = scmp_architecture_list_all (&n_arches);
  ScmpArchitecture arch;
  gboolean big_endian;
  g_autoptr(GBytes) program = NULL;
  g_autofree char *text = NULL;
  g_autofree struct sock_filter *insns = NULL;
  g_autoptr(GError) error = NULL;
  gsize n_insns = 0;

  if (size < 1)
    return 0;
  arch = arches[data[0] % n_arches];
  big_endian = scmp_architecture_is_big_endian (arch);
  program = g_bytes_new (data + 1, size - 1);

  text = scmp_bpf_disassemble (program, arch, &error);
  g_assert_true ((text == NULL) == (error != NULL));
  g_clear_error (&error);

  insns = _scmp_bpf_deserialize (data + 1, size - 1, big_endian, &n_insns);
  if (insns == NULL)
    return 0;
  if (_scmp_bpf_validate (insns, n_insns, &error))
    {
      /* a few inputs on the ABI's own token, and garbage */
      for (int i = 0; i < 4; i++)
        {
          ScmpBpfData d = { 0 };
          ScmpBpfResult result;

          d.nr = i == 0 ? 0 : (gint32) (size * 2654435761u + i);
          d.arch = i < 3 ? scmp_architecture_get_audit_arch (arch) : 0xdeadbeef;
          for (int a = 0; a < 6; a++)
            d.args[a] = G_GUINT64_CONSTANT (0x9e3779b97f4a7c15) * (guint64) (a + i + 1);
          result = _scmp_bpf_run (insns, n_insns, &d, big_endian);
          g_assert_false (result.error);
          g_assert_cmpuint (result.n_executed, <=, n_insns);
        }
    }
  else
    g_assert_nonnull (error);
  return 0;
}
