/* test-disassembler.c: scmp_bpf_disassemble(), public API
 *
 * SPDX-FileCopyrightText: 2026 The scmp-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <scmp-glib/scmp-glib.h>

#include <errno.h>
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <seccomp.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "test-libseccomp-export.h"

/* --- helpers -------------------------------------------------------------- */

/* The bytes of @prog in the given byte order, as the kernel's ABI of that
 * order reads struct sock_filter. Written here, apart from the library's
 * serializer, so that a byte-order slip in the library cannot hide. */
static GBytes *
encode (const struct sock_filter *prog,
        gsize                     n,
        gboolean                  big_endian)
{
  guint8 *buf = g_malloc (n * 8);

  for (gsize i = 0; i < n; i++)
    {
      guint8 *p = buf + 8 * i;
      guint16 code = prog[i].code;
      guint32 k = prog[i].k;

      if (big_endian)
        {
          p[0] = code >> 8, p[1] = code;
          p[4] = k >> 24, p[5] = k >> 16, p[6] = k >> 8, p[7] = k;
        }
      else
        {
          p[0] = code, p[1] = code >> 8;
          p[4] = k, p[5] = k >> 8, p[6] = k >> 16, p[7] = k >> 24;
        }
      p[2] = prog[i].jt;
      p[3] = prog[i].jf;
    }
  return g_bytes_new_take (buf, n * 8);
}

/* Checks the shape of a listing of @n_insns instructions: each line is a
 * label "Lnn:" right before instruction nn, or "  NNNN: ..." with NNNN
 * counting from 0 to @n_insns - 1; every label an instruction names (that
 * is inside the program) has its line. Returns the instruction lines,
 * index = instruction. */
static GPtrArray *
check_listing (const char *listing,
               gsize       n_insns)
{
  g_auto(GStrv) lines = g_strsplit (listing, "\n", -1);
  g_autoptr(GRegex) insn_re = g_regex_new ("^  ([0-9]{4}): (\\S.*)$", 0, 0, NULL);
  g_autoptr(GRegex) label_re = g_regex_new ("^L([0-9]+):$", 0, 0, NULL);
  g_autoptr(GRegex) ref_re = g_regex_new ("\\bL([0-9]+)\\b", 0, 0, NULL);
  g_autoptr(GHashTable) labels = g_hash_table_new (g_direct_hash, g_direct_equal);
  g_autoptr(GPtrArray) refs = g_ptr_array_new ();
  GPtrArray *insns = g_ptr_array_new_with_free_func (g_free);
  gint64 pending_label = -1;
  guint n_lines;

  g_assert_true (g_str_has_suffix (listing, "\n"));
  n_lines = g_strv_length (lines);
  g_assert_cmpstr (lines[n_lines - 1], ==, "");

  for (guint i = 0; i + 1 < n_lines; i++)
    {
      g_autoptr(GMatchInfo) match = NULL;

      if (g_regex_match (label_re, lines[i], 0, &match))
        {
          g_autofree char *number = g_match_info_fetch (match, 1);

          g_assert_cmpint (pending_label, ==, -1);
          pending_label = g_ascii_strtoll (number, NULL, 10);
          g_assert_cmpint (pending_label, ==, insns->len);
          g_hash_table_add (labels, GSIZE_TO_POINTER ((gsize) pending_label));
          continue;
        }
      g_clear_pointer (&match, g_match_info_free);

      if (!g_regex_match (insn_re, lines[i], 0, &match))
        g_error ("not a listing line: “%s”", lines[i]);
      else
        {
          g_autofree char *number = g_match_info_fetch (match, 1);
          g_autofree char *text = g_match_info_fetch (match, 2);
          char *semicolon = strstr (text, " ; ");
          g_autoptr(GMatchInfo) ref = NULL;

          g_assert_cmpint (g_ascii_strtoll (number, NULL, 10), ==, insns->len);
          pending_label = -1;
          /* Labels are referenced in the instruction, not in comments. */
          if (semicolon != NULL)
            *semicolon = '\0';
          g_regex_match (ref_re, text, 0, &ref);
          while (g_match_info_matches (ref))
            {
              g_autofree char *target = g_match_info_fetch (ref, 1);
              guint64 t = g_ascii_strtoull (target, NULL, 10);

              if (t < n_insns)
                g_ptr_array_add (refs, GSIZE_TO_POINTER ((gsize) t));
              g_match_info_next (ref, NULL);
            }
          g_ptr_array_add (insns, g_strdup (lines[i]));
        }
    }

  g_assert_cmpint (pending_label, ==, -1);
  g_assert_cmpuint (insns->len, ==, n_insns);
  for (guint i = 0; i < refs->len; i++)
    g_assert_true (g_hash_table_contains (labels, refs->pdata[i]));
  return insns;
}

/* The instruction line whose instruction starts with @insn_prefix (e.g.
 * "jeq #0x101 "), or NULL. */
static const char *
find_insn (GPtrArray  *insns,
           const char *insn_prefix)
{
  for (guint i = 0; i < insns->len; i++)
    {
      const char *line = insns->pdata[i];

      if (g_str_has_prefix (line + strlen ("  0000: "), insn_prefix))
        return line;
    }
  return NULL;
}

/* The comment of the instruction line that compares the syscall number
 * with @nr (jeq, jge or jgt), which must exist. */
static const char *
comment_for_nr (GPtrArray *insns,
                guint32    nr)
{
  static const char *ops[] = { "jeq", "jge", "jgt" };

  for (guint i = 0; i < G_N_ELEMENTS (ops); i++)
    {
      g_autofree char *prefix = g_strdup_printf ("%s #0x%x ", ops[i], nr);
      const char *line = find_insn (insns, prefix);

      if (line != NULL)
        {
          const char *comment = strstr (line, " ; ");

          g_assert_nonnull (comment);
          return comment + 3;
        }
    }
  g_error ("no comparison with 0x%x in the listing", nr);
  return NULL;
}

/* Whether an instruction line starting with @insn_prefix has @comment. */
static gboolean
listing_has (GPtrArray  *insns,
             const char *insn_prefix,
             const char *comment)
{
  for (guint i = 0; i < insns->len; i++)
    {
      const char *line = insns->pdata[i];

      if (g_str_has_prefix (line + strlen ("  0000: "), insn_prefix) &&
          strstr (line, comment) != NULL)
        return TRUE;
    }
  return FALSE;
}

static gboolean
wanted_native (const ScmpArchitecture *arches,
               gsize                   n_arches)
{
  for (gsize i = 0; i < n_arches; i++)
    if (arches[i] == scmp_architecture_get_native ())
      return TRUE;
  return FALSE;
}

/* A filter for @arches that allows openat, read and write and returns
 * ERRNO(1) for the rest. */
/* Whether @comment gives @name as the syscall of a number: "openat" for
 * jeq, "nr >= 257 (openat)" for jge. */
static gboolean
names (const char *comment,
       const char *name)
{
  g_autofree char *in_parens = g_strdup_printf ("(%s)", name);

  return g_str_equal (comment, name) || g_str_has_suffix (comment, in_parens);
}

static ScmpFilter *
new_filter (const ScmpArchitecture *arches,
            gsize                   n_arches)
{
  g_autoptr(ScmpAction) errno_action = scmp_action_new_errno (EPERM, NULL);
  g_autoptr(ScmpAction) allow = scmp_action_new_allow ();
  g_autoptr(GError) error = NULL;
  ScmpFilter *filter = scmp_filter_new (errno_action);
  static const char *allowed[] = { "openat", "read", "write" };

  /* Only the ABIs asked for, not the native one scmp_filter_new() adds. */
  if (!wanted_native (arches, n_arches))
    {
      scmp_filter_remove_arch (filter, scmp_architecture_get_native (), &error);
      g_assert_no_error (error);
    }
  for (gsize i = 0; i < n_arches; i++)
    {
      scmp_filter_add_arch (filter, arches[i], &error);
      g_assert_no_error (error);
    }
  for (gsize i = 0; i < G_N_ELEMENTS (allowed); i++)
    {
      g_autoptr(ScmpRule) rule = scmp_rule_new (allowed[i], allow);

      scmp_filter_add_rule (filter, rule, &error);
      g_assert_no_error (error);
    }
  return filter;
}

/* --- filters of the public API ------------------------------------------- */

static void
test_x86_family (void)
{
  static const ScmpArchitecture arches[] = {
    SCMP_ARCHITECTURE_X86_64, SCMP_ARCHITECTURE_X86, SCMP_ARCHITECTURE_X32,
  };
  g_autoptr(ScmpFilter) filter = NULL;
  g_autoptr(GBytes) bpf = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *listing = NULL;
  g_autoptr(GPtrArray) insns = NULL;
  gboolean has_allow = FALSE, has_errno = FALSE;

  filter = new_filter (arches, G_N_ELEMENTS (arches));
  bpf = scmp_filter_export_bpf (filter, &error);
  g_assert_no_error (error);

  listing = scmp_bpf_disassemble (bpf, SCMP_ARCHITECTURE_X86_64, &error);
  g_assert_no_error (error);
  g_test_message ("%s", listing);
  insns = check_listing (listing, g_bytes_get_size (bpf) / 8);
  g_assert_nonnull (strstr (listing, "\nL"));

  g_assert_true (listing_has (insns, "ld [4]", "; architecture"));
  g_assert_true (listing_has (insns, "ld [0]", "; syscall number"));
  g_assert_true (listing_has (insns, "jeq #0xc000003e ", "; x86_64 or x32"));
  g_assert_true (listing_has (insns, "jeq #0x40000003 ", "; x86"));
  g_assert_true (listing_has (insns, "jset #0x40000000 ", "; x32 syscall bit"));

  /* openat on each ABI, and what the same number is elsewhere: 257 is
   * remap_file_pages on x86, 295 is preadv on x86_64. */
  g_assert_true (names (comment_for_nr (insns, 257), "openat"));
  g_assert_true (names (comment_for_nr (insns, 295), "openat"));
  g_assert_true (names (comment_for_nr (insns, 0x40000101), "openat"));

  for (guint i = 0; i < insns->len; i++)
    {
      const char *line = insns->pdata[i];

      has_allow |= strstr (line, "ret #0x7fff0000") != NULL && g_str_has_suffix (line, "; ALLOW");
      has_errno |= strstr (line, "ret #0x50001") != NULL && g_str_has_suffix (line, "; ERRNO(1)");
      g_assert_null (strstr (line, "unreachable"));
      g_assert_null (strstr (line, "past the end"));
    }
  g_assert_true (has_allow);
  g_assert_true (has_errno);
}

/* NATIVE is the native ABI: the same listing. */
static void
test_native (void)
{
  ScmpArchitecture native = scmp_architecture_get_native ();
  g_autoptr(ScmpFilter) filter = new_filter (&native, 1);
  g_autoptr(GBytes) bpf = scmp_filter_export_bpf (filter, NULL);
  g_autofree char *as_native = NULL;
  g_autofree char *as_named = NULL;
  g_autoptr(GPtrArray) insns = NULL;

  g_assert_nonnull (bpf);
  as_native = scmp_bpf_disassemble (bpf, SCMP_ARCHITECTURE_NATIVE, NULL);
  as_named = scmp_bpf_disassemble (bpf, native, NULL);
  g_assert_nonnull (as_native);
  g_assert_cmpstr (as_native, ==, as_named);
  g_test_message ("%s", as_native);
  insns = check_listing (as_native, g_bytes_get_size (bpf) / 8);
  g_assert_true (names (comment_for_nr (insns, scmp_syscall_resolve_name (native, "openat")), "openat"));
}

/* s390x is big endian: its listing reads the words in that order. */
static void
test_big_endian_filter (void)
{
  ScmpArchitecture s390x = SCMP_ARCHITECTURE_S390X;
  g_autoptr(ScmpFilter) filter = new_filter (&s390x, 1);
  g_autoptr(GBytes) bpf = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *listing = NULL;
  g_autoptr(GPtrArray) insns = NULL;
  g_autofree char *arch_insn = g_strdup_printf ("jeq #0x%x ", AUDIT_ARCH_S390X);

  bpf = scmp_filter_export_bpf (filter, &error);
  g_assert_no_error (error);
  listing = scmp_bpf_disassemble (bpf, SCMP_ARCHITECTURE_S390X, &error);
  g_assert_no_error (error);
  g_test_message ("%s", listing);
  insns = check_listing (listing, g_bytes_get_size (bpf) / 8);

  g_assert_cmpuint (AUDIT_ARCH_S390X, ==, 0x80000016);
  g_assert_true (listing_has (insns, arch_insn, "; s390x"));
  g_assert_true (names (comment_for_nr (insns, scmp_syscall_resolve_name (s390x, "openat")), "openat"));
  g_assert_nonnull (strstr (listing, "; ALLOW\n"));
  g_assert_nonnull (strstr (listing, "; ERRNO(1)\n"));
}

/* One hand-written program, in both byte orders: the listings are the
 * same but for the argument words, whose offsets swap. */
static void
test_byte_orders (void)
{
  const struct sock_filter prog[] = {
    /* 0 */ BPF_STMT (BPF_LD | BPF_W | BPF_ABS, 4),
    /* 1 */ BPF_JUMP (BPF_JMP | BPF_JEQ | BPF_K, AUDIT_ARCH_S390X, 1, 0),
    /* 2 */ BPF_STMT (BPF_RET | BPF_K, SECCOMP_RET_KILL_PROCESS),
    /* 3 */ BPF_STMT (BPF_LD | BPF_W | BPF_ABS, 0),
    /* 4 */ BPF_JUMP (BPF_JMP | BPF_JEQ | BPF_K, 288, 0, 5),  /* openat on s390x */
    /* 5 */ BPF_STMT (BPF_LD | BPF_W | BPF_ABS, 16),
    /* 6 */ BPF_JUMP (BPF_JMP | BPF_JEQ | BPF_K, 0, 0, 3),
    /* 7 */ BPF_STMT (BPF_LD | BPF_W | BPF_ABS, 20),
    /* 8 */ BPF_JUMP (BPF_JSET | BPF_JMP | BPF_K, 0x12345678, 1, 0),
    /* 9 */ BPF_STMT (BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
    /* 10 */ BPF_STMT (BPF_RET | BPF_K, SECCOMP_RET_ERRNO | 0x1234),
  };
  g_autoptr(GBytes) be = encode (prog, G_N_ELEMENTS (prog), TRUE);
  g_autoptr(GBytes) le = encode (prog, G_N_ELEMENTS (prog), FALSE);
  g_autofree char *be_listing = NULL;
  g_autofree char *le_listing = NULL;
  g_autofree char *le_swapped = NULL;
  g_autoptr(GPtrArray) insns = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) parts = NULL;

  /* The two byte orders differ: not a palindrome by accident. */
  g_assert_false (g_bytes_equal (be, le));

  be_listing = scmp_bpf_disassemble (be, SCMP_ARCHITECTURE_S390X, &error);
  g_assert_no_error (error);
  /* x86_64 only gives the byte order: the program says it is on s390x. */
  le_listing = scmp_bpf_disassemble (le, SCMP_ARCHITECTURE_X86_64, &error);
  g_assert_no_error (error);
  g_test_message ("%s", be_listing);

  insns = check_listing (be_listing, G_N_ELEMENTS (prog));
  g_assert_cmpstr (insns->pdata[1], ==,
                   "  0001: jeq #0x80000016 jt L3 jf L2        ; s390x");
  g_assert_cmpstr (insns->pdata[4], ==,
                   "  0004: jeq #0x120 jt L5 jf L10            ; openat");
  g_assert_cmpstr (insns->pdata[5], ==,
                   "  0005: ld [16]                            ; arg 0 high word");
  g_assert_cmpstr (insns->pdata[7], ==,
                   "  0007: ld [20]                            ; arg 0 low word");
  g_assert_cmpstr (insns->pdata[8], ==, "  0008: jset #0x12345678 jt L10 jf L9");
  g_assert_cmpstr (insns->pdata[10], ==,
                   "  0010: ret #0x51234                       ; ERRNO(4660)");

  /* Little endian: ld [16] is the low word. */
  parts = g_strsplit (le_listing, "high word", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *low = strstr (parts[i], "low word");

      if (low != NULL)
        memcpy (low, "LOW", 3);
    }
  le_swapped = g_strjoinv ("low word", parts);
  g_strfreev (parts);
  parts = g_strsplit (le_swapped, "LOW word", -1);
  g_free (le_swapped);
  le_swapped = g_strjoinv ("high word", parts);
  g_assert_cmpstr (le_swapped, !=, le_listing);
  g_assert_cmpstr (le_swapped, ==, be_listing);
}

/* --- errors --------------------------------------------------------------- */

static void
assert_refused (GBytes           *bytes,
                ScmpArchitecture  arch,
                int               code,
                const char       *in_message)
{
  g_autoptr(GError) error = NULL;
  char *listing = scmp_bpf_disassemble (bytes, arch, &error);

  g_assert_null (listing);
  g_assert_error (error, SCMP_ERROR, code);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, in_message));
}

static void
test_errors (void)
{
  const struct sock_filter allow = BPF_STMT (BPF_RET | BPF_K, SECCOMP_RET_ALLOW);
  g_autoptr(GBytes) empty = g_bytes_new (NULL, 0);
  g_autoptr(GBytes) one = encode (&allow, 1, FALSE);
  g_autoptr(GBytes) seven = g_bytes_new_from_bytes (one, 0, 7);
  g_autofree struct sock_filter *many = g_new (struct sock_filter, 4097);
  g_autoptr(GBytes) too_many = NULL;
  g_autoptr(GBytes) most = NULL;
  g_autofree char *listing = NULL;

  for (guint i = 0; i < 4097; i++)
    many[i] = allow;
  too_many = encode (many, 4097, FALSE);
  most = encode (many, 4096, FALSE);

  assert_refused (empty, SCMP_ARCHITECTURE_X86_64, SCMP_ERROR_INVALID_ARGUMENT, "empty");
  assert_refused (seven, SCMP_ARCHITECTURE_X86_64, SCMP_ERROR_INVALID_ARGUMENT, "7 bytes");
  assert_refused (too_many, SCMP_ARCHITECTURE_X86_64, SCMP_ERROR_TOO_LARGE, "4097");
  assert_refused (one, SCMP_ARCHITECTURE_UNKNOWN, SCMP_ERROR_INVALID_ARCHITECTURE, "-1");
  assert_refused (one, (ScmpArchitecture) 999, SCMP_ERROR_INVALID_ARCHITECTURE, "999");

  /* The kernel's limit itself is fine. */
  listing = scmp_bpf_disassemble (most, SCMP_ARCHITECTURE_X86_64, NULL);
  g_assert_nonnull (listing);
  g_assert_true (g_str_has_prefix (listing, "  0000: ret #0x7fff0000                    ; ALLOW\n"
                                             "  0001: ret #0x7fff0000                    ; ALLOW; unreachable\n"));
  g_assert_true (g_str_has_suffix (listing, "\n  4095: ret #0x7fff0000                    ; ALLOW; unreachable\n"));
  g_assert_cmpuint (strlen (listing), ==,
                    strlen ("  0000: ret #0x7fff0000                    ; ALLOW\n") +
                    4095 * strlen ("  4095: ret #0x7fff0000                    ; ALLOW; unreachable\n"));
}

/* --- broken programs ------------------------------------------------------ */

static void
test_broken (void)
{
  const struct sock_filter prog[] = {
    /* 0 */ BPF_STMT (BPF_LD | BPF_W | BPF_ABS, 0),
    /* 1 */ BPF_JUMP (BPF_JMP | BPF_JEQ | BPF_K, 1, 200, 0),
    /* 2 */ BPF_STMT (0x00ff, 0x42),
    /* 3 */ BPF_STMT (BPF_LD | BPF_W | BPF_ABS, 66),
    /* 4 */ BPF_STMT (BPF_JMP | BPF_JA, 0xffffffff),
    /* 5 */ BPF_STMT (BPF_RET | BPF_K, SECCOMP_RET_KILL_THREAD),
    /* 6 */ BPF_STMT (BPF_RET | BPF_K, SECCOMP_RET_TRAP | 5),
    /* 7 */ BPF_STMT (BPF_RET | BPF_K, SECCOMP_RET_USER_NOTIF),
    /* 8 */ BPF_STMT (BPF_RET | BPF_K, SECCOMP_RET_TRACE | 7),
    /* 9 */ BPF_STMT (BPF_RET | BPF_K, SECCOMP_RET_LOG),
    /* 10 */ BPF_STMT (BPF_RET | BPF_K, 0x12340000),
    /* 11 */ BPF_STMT (BPF_LD | BPF_H | BPF_ABS, 0),
    /* 12 */ BPF_STMT (BPF_ALU | BPF_MOD | BPF_K, 3),
    /* 13 */ BPF_STMT (BPF_LD | BPF_W | BPF_ABS, 0),
  };
  static const char *expected[] = {
    "  0000: ld [0]                             ; syscall number",
    "  0001: jeq #0x1 jt L202 jf L2             ; write; jumps past the end",
    "  0002: .insn code=0x00ff jt 0 jf 0 k 0x42 ; not a classic BPF instruction",
    "  0003: ld [66]                            ; not a word of seccomp_data",
    "  0004: ja L4294967300                     ; jumps past the end",
    "  0005: ret #0x0                           ; KILL_THREAD; unreachable",
    "  0006: ret #0x30005                       ; TRAP(5); unreachable",
    "  0007: ret #0x7fc00000                    ; NOTIFY; unreachable",
    "  0008: ret #0x7ff00007                    ; TRACE(7); unreachable",
    "  0009: ret #0x7ffc0000                    ; LOG; unreachable",
    "  0010: ret #0x12340000                    ; not an action: KILL_PROCESS; unreachable",
    "  0011: ldh [0]                            ; seccomp refuses this instruction; unreachable",
    "  0012: mod #0x3                           ; seccomp refuses this instruction; unreachable",
    "  0013: ld [0]                             ; syscall number; unreachable; runs past the end",
  };
  g_autoptr(GBytes) bytes = encode (prog, G_N_ELEMENTS (prog), FALSE);
  g_autoptr(GError) error = NULL;
  g_autofree char *listing = scmp_bpf_disassemble (bytes, SCMP_ARCHITECTURE_X86_64, &error);
  g_autoptr(GString) want = g_string_new ("");

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      if (i == 2)
        g_string_append (want, "L2:\n");
      g_string_append_printf (want, "%s\n", expected[i]);
    }
  g_assert_cmpstr (listing, ==, want->str);
}

/* A path where two ABIs meet knows neither: no names there. */
static void
test_merged_paths (void)
{
  const struct sock_filter prog[] = {
    /* 0 */ BPF_STMT (BPF_LD | BPF_W | BPF_ABS, 4),
    /* 1 */ BPF_JUMP (BPF_JMP | BPF_JEQ | BPF_K, AUDIT_ARCH_AARCH64, 1, 0),
    /* 2 */ BPF_JUMP (BPF_JMP | BPF_JEQ | BPF_K, AUDIT_ARCH_RISCV64, 0, 4),
    /* 3 */ BPF_STMT (BPF_LD | BPF_W | BPF_ABS, 0),
    /* 4 */ BPF_JUMP (BPF_JMP | BPF_JEQ | BPF_K, 56, 0, 1),  /* openat on both */
    /* 5 */ BPF_STMT (BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
    /* 6 */ BPF_STMT (BPF_RET | BPF_K, SECCOMP_RET_KILL_PROCESS),
    /* 7 */ BPF_STMT (BPF_LD | BPF_W | BPF_ABS, 0),
    /* 8 */ BPF_JUMP (BPF_JMP | BPF_JEQ | BPF_K, 56, 0, 1),  /* arch unknown here */
    /* 9 */ BPF_STMT (BPF_RET | BPF_K, SECCOMP_RET_LOG),
    /* 10 */ BPF_STMT (BPF_RET | BPF_K, SECCOMP_RET_ERRNO | 1),
  };
  g_autoptr(GBytes) bytes = encode (prog, G_N_ELEMENTS (prog), FALSE);
  g_autofree char *listing = scmp_bpf_disassemble (bytes, SCMP_ARCHITECTURE_AARCH64, NULL);
  g_autoptr(GPtrArray) insns = NULL;

  g_assert_nonnull (listing);
  g_test_message ("%s", listing);
  insns = check_listing (listing, G_N_ELEMENTS (prog));
  g_assert_true (g_str_has_suffix (insns->pdata[1], "; aarch64"));
  g_assert_true (g_str_has_suffix (insns->pdata[2], "; riscv64"));
  /* aarch64 and riscv64 have the same openat, yet: merged audit arches are
   * two different ABIs. */
  g_assert_true (g_str_has_suffix (insns->pdata[4], "jf L6"));
  /* Not aarch64 (the caller's guess is refuted) and not riscv64. */
  g_assert_true (g_str_has_suffix (insns->pdata[8], "jf L10"));
}

/* A program that never tests the architecture is read as @arch's. */
static void
test_untested_arch (void)
{
  const struct sock_filter prog[] = {
    BPF_STMT (BPF_LD | BPF_W | BPF_ABS, 0),
    BPF_JUMP (BPF_JMP | BPF_JEQ | BPF_K, 0x40000002, 1, 0),
    BPF_JUMP (BPF_JMP | BPF_JEQ | BPF_K, 2, 0, 1),
    BPF_STMT (BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
    BPF_STMT (BPF_RET | BPF_K, SECCOMP_RET_KILL_PROCESS),
  };
  g_autoptr(GBytes) bytes = encode (prog, G_N_ELEMENTS (prog), FALSE);
  g_autofree char *x86_64 = scmp_bpf_disassemble (bytes, SCMP_ARCHITECTURE_X86_64, NULL);
  g_autofree char *x32 = scmp_bpf_disassemble (bytes, SCMP_ARCHITECTURE_X32, NULL);
  g_autofree char *x86 = scmp_bpf_disassemble (bytes, SCMP_ARCHITECTURE_X86, NULL);
  g_autoptr(GPtrArray) on_x86_64 = check_listing (x86_64, G_N_ELEMENTS (prog));
  g_autoptr(GPtrArray) on_x32 = check_listing (x32, G_N_ELEMENTS (prog));
  g_autoptr(GPtrArray) on_x86 = check_listing (x86, G_N_ELEMENTS (prog));

  /* 0x40000002 is x32's open; x86_64 has no such number. */
  g_assert_true (g_str_has_suffix (on_x86_64->pdata[1], "jf L2"));
  g_assert_true (g_str_has_suffix (on_x86_64->pdata[2], "; open"));
  g_assert_true (g_str_has_suffix (on_x32->pdata[1], "; open"));
  g_assert_true (g_str_has_suffix (on_x32->pdata[2], "jf L4"));
  g_assert_true (g_str_has_suffix (on_x86->pdata[2], "; fork"));
}

/* Random programs, valid opcodes or not, with the constants the
 * disassembler looks at: every one is listed, in shape. */
static void
test_random (void)
{
  static const guint16 codes[] = {
    BPF_LD | BPF_W | BPF_ABS, BPF_LD | BPF_W | BPF_LEN, BPF_LDX | BPF_W | BPF_LEN,
    BPF_LD | BPF_IMM, BPF_LDX | BPF_IMM, BPF_LD | BPF_MEM, BPF_LDX | BPF_MEM,
    BPF_ST, BPF_STX, BPF_MISC | BPF_TAX, BPF_MISC | BPF_TXA,
    BPF_ALU | BPF_ADD | BPF_K, BPF_ALU | BPF_AND | BPF_X, BPF_ALU | BPF_NEG,
    BPF_JMP | BPF_JA, BPF_JMP | BPF_JEQ | BPF_K, BPF_JMP | BPF_JGE | BPF_K,
    BPF_JMP | BPF_JGT | BPF_K, BPF_JMP | BPF_JSET | BPF_K, BPF_JMP | BPF_JEQ | BPF_X,
    BPF_RET | BPF_K, BPF_RET | BPF_A,
  };
  static const guint32 constants[] = {
    0, 4, 8, 12, 16, 20, 60, 64, 1, 257, 0x40000000, 0x3fffffff, 0x40000101,
    AUDIT_ARCH_X86_64, AUDIT_ARCH_I386, AUDIT_ARCH_S390X, AUDIT_ARCH_AARCH64,
    SECCOMP_RET_ALLOW, SECCOMP_RET_ERRNO | 1, 0xffffffff,
  };
  gsize n_arches;
  g_autofree ScmpArchitecture *arches = scmp_architecture_list_all (&n_arches);

  for (guint iteration = 0; iteration < 500; iteration++)
    {
      ScmpArchitecture arch = arches[g_test_rand_int_range (0, n_arches)];
      gsize n = g_test_rand_int_range (1, 80);
      g_autofree struct sock_filter *prog = g_new (struct sock_filter, n);
      g_autoptr(GBytes) bytes = NULL;
      g_autofree char *listing = NULL;
      g_autoptr(GPtrArray) insns = NULL;
      g_autoptr(GError) error = NULL;

      for (gsize i = 0; i < n; i++)
        {
          prog[i].code = g_test_rand_int_range (0, 8) == 0 ?
                         (guint16) g_test_rand_int () :
                         codes[g_test_rand_int_range (0, G_N_ELEMENTS (codes))];
          /* Mostly short jumps, so that they land inside. */
          prog[i].jt = g_test_rand_int_range (0, 4) == 0 ? g_test_rand_int_range (0, 256) :
                       g_test_rand_int_range (0, 4);
          prog[i].jf = g_test_rand_int_range (0, 4) == 0 ? g_test_rand_int_range (0, 256) :
                       g_test_rand_int_range (0, 4);
          prog[i].k = g_test_rand_int_range (0, 4) == 0 ? (guint32) g_test_rand_int () :
                      constants[g_test_rand_int_range (0, G_N_ELEMENTS (constants))];
          if (prog[i].code == (BPF_JMP | BPF_JA) && g_test_rand_int_range (0, 2) == 0)
            prog[i].k %= 4;
        }
      bytes = encode (prog, n, scmp_architecture_is_big_endian (arch));
      listing = scmp_bpf_disassemble (bytes, arch, &error);
      g_assert_no_error (error);
      insns = check_listing (listing, n);
    }
}

/* --- libseccomp's programs ------------------------------------------------ */

static void
test_libseccomp (void)
{
  scmp_filter_ctx ctx = seccomp_init (SCMP_ACT_ERRNO (1));
  g_autoptr(GBytes) bpf = NULL;
  g_autofree char *listing = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) insns = NULL;

  g_assert_nonnull (ctx);
  if (seccomp_arch_exist (ctx, SCMP_ARCH_X86_64) != 0)
    g_assert_cmpint (seccomp_arch_add (ctx, SCMP_ARCH_X86_64), ==, 0);
  if (seccomp_arch_native () != SCMP_ARCH_X86_64)
    g_assert_cmpint (seccomp_arch_remove (ctx, SCMP_ARCH_NATIVE), ==, 0);
  g_assert_cmpint (seccomp_arch_add (ctx, SCMP_ARCH_X32), ==, 0);
  g_assert_cmpint (seccomp_rule_add (ctx, SCMP_ACT_ALLOW, SCMP_SYS (openat), 0), ==, 0);
  g_assert_cmpint (seccomp_rule_add (ctx, SCMP_ACT_ALLOW, SCMP_SYS (read), 1,
                                     SCMP_A0 (SCMP_CMP_EQ, 3)), ==, 0);
  bpf = lsc_export_bytes (ctx);
  seccomp_release (ctx);

  listing = scmp_bpf_disassemble (bpf, SCMP_ARCHITECTURE_X86_64, &error);
  g_assert_no_error (error);
  g_test_message ("%s", listing);
  insns = check_listing (listing, g_bytes_get_size (bpf) / 8);

  g_assert_true (listing_has (insns, "jeq #0xc000003e ", "; x86_64 or x32"));
  g_assert_true (names (comment_for_nr (insns, 257), "openat"));
  g_assert_true (names (comment_for_nr (insns, 0x40000101), "openat"));
  g_assert_true (listing_has (insns, "jeq #0x0 ", "; read"));
  g_assert_true (listing_has (insns, "jeq #0x40000000 ", "; read"));
  g_assert_true (listing_has (insns, "ld [16]", "; arg 0 low word"));
  g_assert_nonnull (strstr (listing, "; ALLOW\n"));
  g_assert_nonnull (strstr (listing, "; ERRNO(1)\n"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/disassembler/x86-family", test_x86_family);
  g_test_add_func ("/disassembler/native", test_native);
  g_test_add_func ("/disassembler/big-endian-filter", test_big_endian_filter);
  g_test_add_func ("/disassembler/byte-orders", test_byte_orders);
  g_test_add_func ("/disassembler/errors", test_errors);
  g_test_add_func ("/disassembler/broken", test_broken);
  g_test_add_func ("/disassembler/merged-paths", test_merged_paths);
  g_test_add_func ("/disassembler/untested-arch", test_untested_arch);
  g_test_add_func ("/disassembler/random", test_random);
  g_test_add_func ("/disassembler/libseccomp", test_libseccomp);

  return g_test_run ();
}
