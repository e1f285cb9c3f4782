/* scmp-demo.c: a guided tour of scmp-glib
 *
 * SPDX-FileCopyrightText: 2026 The scmp-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Run it with `./run demo`. Each section is one function, so the tour can
 * grow (compiling and loading a real filter comes next) without turning into
 * one long main().
 */

#include <scmp-glib/scmp-glib.h>

#include <stdio.h>
#include <stdlib.h>

/* The x32 ABI shares x86-64's audit arch and tells its calls apart by this
 * bit in the syscall number (the kernel's __X32_SYSCALL_BIT). */
#define DEMO_X32_SYSCALL_BIT 0x40000000u

static const char * const demo_syscalls[] = {
  "read", "openat", "socket", "accept", "file_setattr",
};

static const ScmpArchitecture demo_arches[] = {
  SCMP_ARCHITECTURE_X86_64,
  SCMP_ARCHITECTURE_X86,
  SCMP_ARCHITECTURE_X32,
  SCMP_ARCHITECTURE_AARCH64,
  SCMP_ARCHITECTURE_ARM,
  SCMP_ARCHITECTURE_RISCV64,
  SCMP_ARCHITECTURE_S390X,
  SCMP_ARCHITECTURE_MIPSEL,
};

static void
print_heading (const char *title)
{
  g_print ("\n== %s ==\n\n", title);
}

/* Formats a syscall number for the table: "-" where the ABI has no direct
 * syscall of that name, "x32+N" for x32 numbers. */
static char *
format_syscall_number (ScmpArchitecture arch,
                       int              nr)
{
  if (nr < 0)
    return g_strdup ("-");
  if (arch == SCMP_ARCHITECTURE_X32 && ((guint) nr & DEMO_X32_SYSCALL_BIT) != 0)
    return g_strdup_printf ("x32+%u", (guint) nr & ~DEMO_X32_SYSCALL_BIT);
  return g_strdup_printf ("%d", nr);
}

/* Section 1: the ABI this program runs under. */
static gboolean
show_native_abi (void)
{
  ScmpArchitecture native = scmp_architecture_get_native ();
  const char *name = scmp_architecture_to_name (native);

  print_heading ("The native ABI");

  if (name == NULL)
    {
      g_printerr ("scmp-demo: the native ABI (%d) has no name\n", native);
      return FALSE;
    }

  g_print ("This program runs as %s: a %u-bit, %s-endian ABI whose\n"
           "seccomp_data.arch value (AUDIT_ARCH_*) is 0x%08x.\n",
           name,
           scmp_architecture_get_word_size (native),
           scmp_architecture_is_big_endian (native) ? "big" : "little",
           scmp_architecture_get_audit_arch (native));

  if (scmp_architecture_from_name (name) != native)
    {
      g_printerr ("scmp-demo: \"%s\" does not map back to its ABI\n", name);
      return FALSE;
    }

  return TRUE;
}

/* Section 2: one syscall name, a different number on every ABI. */
static gboolean
show_syscall_table (void)
{
  gsize i, j;

  print_heading ("One name, many numbers");

  g_print ("A filter names syscalls; scmp-glib resolves each name per ABI when\n"
           "it compiles the filter. \"-\" means the ABI has no such syscall\n"
           "(see the next section for why).\n\n");

  g_print ("%-10s", "ABI");
  for (j = 0; j < G_N_ELEMENTS (demo_syscalls); j++)
    g_print (" %12s", demo_syscalls[j]);
  g_print ("\n");

  for (i = 0; i < G_N_ELEMENTS (demo_arches); i++)
    {
      ScmpArchitecture arch = demo_arches[i];

      g_print ("%-10s", scmp_architecture_to_name (arch));

      for (j = 0; j < G_N_ELEMENTS (demo_syscalls); j++)
        {
          int nr = scmp_syscall_resolve_name (arch, demo_syscalls[j]);
          g_autofree char *cell = format_syscall_number (arch, nr);

          /* Every number must resolve back to the name it came from. */
          if (nr >= 0 && g_strcmp0 (scmp_syscall_resolve_number (arch, nr),
                                    demo_syscalls[j]) != 0)
            {
              g_printerr ("\nscmp-demo: %s %d does not resolve back to %s\n",
                          scmp_architecture_to_name (arch), nr, demo_syscalls[j]);
              return FALSE;
            }

          g_print (" %12s", cell);
        }
      g_print ("\n");
    }

  g_print ("\nx32 numbers carry the x32 bit (0x%08x), shown as x32+N.\n",
           DEMO_X32_SYSCALL_BIT);

  return TRUE;
}

/* Section 3: socketcall(2) on 32-bit x86. */
static gboolean
show_multiplexer (void)
{
  ScmpArchitecture arch = SCMP_ARCHITECTURE_X86;
  int direct_nr = scmp_syscall_resolve_name (arch, "accept");
  int mux_nr = -1;
  guint sub_call = 0;
  ScmpMultiplexer mux;

  print_heading ("Multiplexed syscalls");

  mux = scmp_syscall_get_multiplexer (arch, "accept", &mux_nr, &sub_call);
  if (mux != SCMP_MULTIPLEXER_SOCKETCALL)
    {
      g_printerr ("scmp-demo: x86 accept should go through socketcall\n");
      return FALSE;
    }

  g_print ("On x86, accept has %s direct syscall number; programs reach it\n"
           "through socketcall (syscall %d) with call number %u as the first\n"
           "argument. A rule for accept therefore covers both paths, and is\n"
           "never laxer on the socketcall path than the rule asks.\n",
           direct_nr < 0 ? "no" : "also a", mux_nr, sub_call);

  return TRUE;
}

int
main (int    argc,
      char **argv)
{
  g_print ("scmp-glib %d.%d.%d\n",
           SCMP_MAJOR_VERSION, SCMP_MINOR_VERSION, SCMP_MICRO_VERSION);

  if (!show_native_abi ())
    return EXIT_FAILURE;
  if (!show_syscall_table ())
    return EXIT_FAILURE;
  if (!show_multiplexer ())
    return EXIT_FAILURE;

  return EXIT_SUCCESS;
}
