/* test-syscall-sets.c: named syscall sets, public API
 *
 * SPDX-FileCopyrightText: 2026 The scmp-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <scmp-glib/scmp-glib.h>

#include <errno.h>
#include <string.h>

#define N_SETS 30

/* arch-data/syscall-sets.txt, read here on its own (the format of
 * arch-data/README.md), to hold the generated tables to it and to know
 * the exempt syscalls. */
typedef struct {
  GPtrArray  *sets;      /* (element-type utf8) set names, in data order */
  GHashTable *members;   /* set name → GPtrArray of direct members */
  GHashTable *exempt;    /* syscall → reason */
} DataFile;

static void
data_file_free (DataFile *data)
{
  g_ptr_array_unref (data->sets);
  g_hash_table_unref (data->members);
  g_hash_table_unref (data->exempt);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DataFile, data_file_free)

static DataFile *
read_data_file (void)
{
  const char *dir = g_getenv ("SCMP_ARCH_DATA_DIR");
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GError) error = NULL;
  DataFile *data = g_new0 (DataFile, 1);
  GPtrArray *current = NULL;
  gboolean in_exempt = FALSE;

  if (dir != NULL)
    path = g_build_filename (dir, "syscall-sets.txt", NULL);
  else
    path = g_test_build_filename (G_TEST_DIST, "..", "arch-data", "syscall-sets.txt", NULL);
  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);

  data->sets = g_ptr_array_new_with_free_func (g_free);
  data->members = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                         (GDestroyNotify) g_ptr_array_unref);
  data->exempt = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];
      g_auto(GStrv) words = NULL;
      g_autofree char *stripped = g_strstrip (g_strdup (line));

      if (stripped[0] == '\0' || stripped[0] == '#')
        continue;
      words = g_strsplit_set (stripped, " ", 2);
      if (!g_ascii_isspace (line[0]))
        {
          in_exempt = g_str_equal (words[0], "!exempt");
          if (in_exempt)
            continue;
          g_assert_true (words[0][0] == '@');
          current = g_ptr_array_new_with_free_func (g_free);
          g_ptr_array_add (data->sets, g_strdup (words[0]));
          g_hash_table_insert (data->members, g_strdup (words[0]), current);
          continue;
        }
      if (in_exempt)
        {
          g_assert_nonnull (words[1]);
          g_hash_table_insert (data->exempt, g_strdup (words[0]), g_strdup (words[1]));
          continue;
        }
      g_assert_nonnull (current);
      g_ptr_array_add (current, g_strdup (words[0]));
    }
  return data;
}

/* Every name of the tables: the union over all ABIs. */
static GHashTable *
all_table_names (void)
{
  GHashTable *names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gsize n_arches;
  g_autofree ScmpArchitecture *arches = scmp_architecture_list_all (&n_arches);

  for (gsize a = 0; a < n_arches; a++)
    {
      g_auto(GStrv) list = scmp_syscall_list_names (arches[a]);

      for (guint i = 0; list[i] != NULL; i++)
        g_hash_table_add (names, g_strdup (list[i]));
    }
  return names;
}

static char **
members (const char *set,
         gboolean    expand)
{
  g_autoptr(GError) error = NULL;
  char **list = scmp_syscall_set_get_members (set, expand, &error);

  g_assert_no_error (error);
  g_assert_nonnull (list);
  return list;
}

static void
test_list (void)
{
  g_auto(GStrv) sets = scmp_syscall_set_list ();
  static const char *expected[] = {
    "@default", "@aio", "@basic-io", "@chown", "@clock", "@cpu-emulation",
    "@debug", "@file-system", "@io-event", "@ipc", "@keyring", "@memlock",
    "@module", "@mount", "@network-io", "@obsolete", "@pkey", "@privileged",
    "@process", "@raw-io", "@reboot", "@resources", "@sandbox", "@setuid",
    "@signal", "@swap", "@sync", "@system-service", "@timer", "@known",
  };

  G_STATIC_ASSERT (G_N_ELEMENTS (expected) == N_SETS);
  g_assert_cmpuint (g_strv_length (sets), ==, N_SETS);
  for (guint i = 0; i < N_SETS; i++)
    {
      const char *description;

      g_assert_cmpstr (sets[i], ==, expected[i]);
      description = scmp_syscall_set_get_description (sets[i]);
      g_assert_nonnull (description);
      g_assert_cmpuint (strlen (description), >, 0);
      g_assert_null (strchr (description, '\n'));
    }
  g_assert_cmpstr (scmp_syscall_set_get_description ("@clock"), ==, "Changing the system clock");
  g_assert_null (scmp_syscall_set_get_description ("@foo"));
  g_assert_null (scmp_syscall_set_get_description ("clock"));
  g_assert_null (scmp_syscall_set_get_description (""));
}

static void
test_data_file (void)
{
  g_autoptr(DataFile) data = read_data_file ();
  g_auto(GStrv) sets = scmp_syscall_set_list ();
  g_autoptr(GHashTable) names = all_table_names ();

  g_test_summary ("The generated sets are arch-data/syscall-sets.txt's, "
                  "and every syscall the file names is in the tables.");

  g_assert_cmpuint (data->sets->len, ==, g_strv_length (sets));
  for (guint i = 0; i < data->sets->len; i++)
    {
      const char *set = g_ptr_array_index (data->sets, i);
      GPtrArray *listed = g_hash_table_lookup (data->members, set);
      g_auto(GStrv) direct = members (set, FALSE);

      g_assert_cmpstr (set, ==, sets[i]);
      if (g_str_equal (set, "@known"))
        {
          g_assert_cmpuint (listed->len, ==, 1);
          g_assert_cmpstr (g_ptr_array_index (listed, 0), ==, "*");
          g_assert_cmpuint (g_strv_length (direct), ==, g_hash_table_size (names));
          continue;
        }
      g_assert_cmpuint (g_strv_length (direct), ==, listed->len);
      for (guint k = 0; k < listed->len; k++)
        {
          const char *member = g_ptr_array_index (listed, k);

          g_assert_cmpstr (direct[k], ==, member);
          if (member[0] == '@')
            g_assert_nonnull (g_hash_table_lookup (data->members, member));
          else if (!g_hash_table_contains (names, member))
            g_error ("%s names %s, which the syscall tables do not know", set, member);
        }
    }

  /* Exempt syscalls are real syscalls, in no set. */
  {
    GHashTableIter iter;
    const char *syscall;

    g_hash_table_iter_init (&iter, data->exempt);
    while (g_hash_table_iter_next (&iter, (gpointer *) &syscall, NULL))
      {
        g_assert_true (g_hash_table_contains (names, syscall));
        for (guint i = 0; sets[i] != NULL; i++)
          if (!g_str_equal (sets[i], "@known"))
            g_assert_false (scmp_syscall_set_contains (sets[i], syscall));
      }
  }
}

static void
test_coverage (void)
{
  g_autoptr(DataFile) data = read_data_file ();
  g_autoptr(GHashTable) names = all_table_names ();
  g_autoptr(GHashTable) covered = g_hash_table_new (g_str_hash, g_str_equal);
  g_auto(GStrv) sets = scmp_syscall_set_list ();
  g_autoptr(GPtrArray) expansions = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  GHashTableIter iter;
  const char *syscall;
  guint n_missing = 0;

  g_test_summary ("Every syscall of the tables (all ABIs) is in a set other "
                  "than @known or exempt in arch-data/syscall-sets.txt, so "
                  "that a table update forces a decision.");

  for (guint i = 0; sets[i] != NULL; i++)
    {
      char **expanded;

      if (g_str_equal (sets[i], "@known"))
        continue;
      expanded = members (sets[i], TRUE);
      g_ptr_array_add (expansions, expanded);
      for (guint k = 0; expanded[k] != NULL; k++)
        {
          if (!g_hash_table_contains (names, expanded[k]))
            g_error ("%s has %s, which the syscall tables do not know", sets[i], expanded[k]);
          g_hash_table_add (covered, expanded[k]);
        }
    }

  g_hash_table_iter_init (&iter, names);
  while (g_hash_table_iter_next (&iter, (gpointer *) &syscall, NULL))
    if (!g_hash_table_contains (covered, syscall)
        && !g_hash_table_contains (data->exempt, syscall))
      {
        g_test_message ("%s is in no set and not exempt: put it in the set "
                        "whose meaning fits (arch-data/syscall-sets.txt)", syscall);
        n_missing++;
      }
  g_assert_cmpuint (n_missing, ==, 0);
  g_assert_cmpuint (g_hash_table_size (names), >=, 500);
}

static void
test_known (void)
{
  g_autoptr(GHashTable) names = all_table_names ();
  g_auto(GStrv) known = members ("@known", TRUE);

  g_assert_cmpuint (g_strv_length (known), ==, g_hash_table_size (names));
  for (guint i = 0; known[i] != NULL; i++)
    {
      g_assert_true (g_hash_table_contains (names, known[i]));
      g_assert_true (scmp_syscall_set_contains ("@known", known[i]));
    }
  g_assert_true (scmp_syscall_set_contains ("@known", "cacheflush"));
  g_assert_true (scmp_syscall_set_contains ("@known", "riscv_flush_icache"));
  g_assert_true (scmp_syscall_set_contains ("@known", "s390_pci_mmio_read"));
}

static void
test_systemd_meaning (void)
{
  static const struct {
    const char *set;
    const char *syscall;
    gboolean    in;
  } checks[] = {
    { "@basic-io", "read", TRUE },
    { "@basic-io", "write", TRUE },
    { "@basic-io", "close", TRUE },
    { "@basic-io", "socket", FALSE },
    { "@network-io", "socket", TRUE },
    { "@network-io", "connect", TRUE },
    { "@network-io", "socketcall", TRUE },
    { "@network-io", "read", FALSE },
    { "@file-system", "openat", TRUE },
    { "@file-system", "close", TRUE },
    { "@clock", "settimeofday", TRUE },
    { "@clock", "clock_gettime", FALSE },
    { "@default", "clock_gettime", TRUE },
    { "@default", "exit_group", TRUE },
    { "@default", "cacheflush", TRUE },
    { "@mount", "mount", TRUE },
    { "@mount", "chroot", TRUE },
    { "@privileged", "chroot", TRUE },
    { "@privileged", "settimeofday", TRUE },      /* through @clock */
    { "@privileged", "reboot", TRUE },            /* through @reboot */
    { "@privileged", "setgid", FALSE },
    { "@setuid", "setgid", TRUE },
    { "@sandbox", "seccomp", TRUE },
    { "@sandbox", "landlock_restrict_self", TRUE },
    { "@obsolete", "create_module", TRUE },
    { "@raw-io", "s390_pci_mmio_write", TRUE },
    { "@debug", "ptrace", TRUE },
    { "@system-service", "read", TRUE },          /* through @basic-io */
    { "@system-service", "ioctl", TRUE },
    { "@system-service", "mount", FALSE },
    { "@system-service", "reboot", FALSE },
    { "@system-service", "ptrace", FALSE },
    { "@system-service", "seccomp", FALSE },
    /* Ours: syscalls systemd does not classify. */
    { "@sync", "arm_sync_file_range", TRUE },
    { "@obsolete", "sysmips", TRUE },
    { "@obsolete", "spu_run", TRUE },
    { "@default", "futex_wake", TRUE },
    { "@file-system", "setxattrat", TRUE },
    { "@privileged", "syslog", TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (checks); i++)
    if (scmp_syscall_set_contains (checks[i].set, checks[i].syscall) != checks[i].in)
      g_error ("%s should %shave %s", checks[i].set, checks[i].in ? "" : "not ",
               checks[i].syscall);

  g_assert_false (scmp_syscall_set_contains ("@foo", "read"));
  g_assert_false (scmp_syscall_set_contains ("@basic-io", "no_such_syscall"));
  g_assert_false (scmp_syscall_set_contains ("@basic-io", "@basic-io"));
  g_assert_false (scmp_syscall_set_contains ("basic-io", "read"));
}

/* @name's syscalls computed from the direct members, recursively. */
static void
expand_by_hand (const char *name,
                GHashTable *out)
{
  g_auto(GStrv) direct = members (name, FALSE);

  for (guint i = 0; direct[i] != NULL; i++)
    if (direct[i][0] == '@')
      expand_by_hand (direct[i], out);
    else
      g_hash_table_add (out, g_strdup (direct[i]));
}

static void
test_expand (void)
{
  g_auto(GStrv) sets = scmp_syscall_set_list ();
  g_auto(GStrv) service = members ("@system-service", FALSE);
  g_auto(GStrv) service_all = members ("@system-service", TRUE);
  g_auto(GStrv) basic_io = members ("@basic-io", TRUE);
  g_auto(GStrv) privileged = members ("@privileged", FALSE);

  /* Direct members keep the nesting. */
  g_assert_true (g_strv_contains ((const char * const *) service, "@basic-io"));
  g_assert_true (g_strv_contains ((const char * const *) service, "@default"));
  g_assert_false (g_strv_contains ((const char * const *) service, "read"));
  g_assert_true (g_strv_contains ((const char * const *) privileged, "@clock"));

  for (guint i = 0; basic_io[i] != NULL; i++)
    g_assert_true (g_strv_contains ((const char * const *) service_all, basic_io[i]));

  /* Every set: sorted (strcmp), no duplicates, no set names, equal to the
   * expansion computed from the direct members. */
  for (guint s = 0; sets[s] != NULL; s++)
    {
      g_auto(GStrv) all = members (sets[s], TRUE);
      g_autoptr(GHashTable) by_hand = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

      if (!g_str_equal (sets[s], "@known"))
        expand_by_hand (sets[s], by_hand);
      for (guint i = 0; all[i] != NULL; i++)
        {
          g_assert_true (all[i][0] != '@');
          if (i > 0)
            g_assert_cmpint (strcmp (all[i - 1], all[i]), <, 0);
          if (!g_str_equal (sets[s], "@known"))
            g_assert_true (g_hash_table_contains (by_hand, all[i]));
        }
      if (!g_str_equal (sets[s], "@known"))
        g_assert_cmpuint (g_strv_length (all), ==, g_hash_table_size (by_hand));
      g_assert_cmpuint (g_strv_length (all), >, 0);
    }

  /* close is in both @basic-io and @file-system, both in @system-service:
   * it appears once. */
  {
    guint n_close = 0;

    for (guint i = 0; service_all[i] != NULL; i++)
      n_close += g_str_equal (service_all[i], "close");
    g_assert_cmpuint (n_close, ==, 1);
  }

  {
    g_auto(GStrv) clock = members ("@clock", TRUE);
    static const char *expected[] = {
      "adjtimex", "clock_adjtime", "clock_adjtime64", "clock_settime",
      "clock_settime64", "settimeofday", NULL,
    };

    g_assert_true (g_strv_equal ((const char * const *) clock, expected));
  }
}

static void
test_errors (void)
{
  static const char *bad[] = { "@foo", "read", "", "@", "@Basic-io" };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    for (int expand = 0; expand < 2; expand++)
      {
        g_autoptr(GError) error = NULL;
        g_auto(GStrv) list = scmp_syscall_set_get_members (bad[i], expand, &error);
        g_autofree char *expected = g_strdup_printf ("“%s” is not a syscall set; "
                                                     "scmp_syscall_set_list() has them",
                                                     bad[i]);

        g_assert_null (list);
        g_assert_error (error, SCMP_ERROR, SCMP_ERROR_INVALID_SYSCALL);
        g_assert_cmpstr (error->message, ==, expected);
      }
}

static ScmpFilter *
new_filter (ScmpAction       *dflt,
            ScmpArchitecture  first,
            ScmpArchitecture  second)
{
  ScmpFilter *filter = scmp_filter_new (dflt);
  g_autoptr(GError) error = NULL;

  g_assert_true (scmp_filter_add_arch (filter, first, &error));
  g_assert_no_error (error);
  if (second != SCMP_ARCHITECTURE_UNKNOWN)
    {
      g_assert_true (scmp_filter_add_arch (filter, second, &error));
      g_assert_no_error (error);
    }
  if (first != scmp_architecture_get_native () && second != scmp_architecture_get_native ())
    {
      g_assert_true (scmp_filter_remove_arch (filter, SCMP_ARCHITECTURE_NATIVE, &error));
      g_assert_no_error (error);
    }
  return filter;
}

static char *
eval_str (ScmpFilter       *filter,
          ScmpArchitecture  arch,
          const char       *syscall,
          guint64           a0)
{
  guint64 args[6] = { a0, 0, 0, 0, 0, 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(ScmpAction) action = scmp_filter_evaluate_syscall (filter, arch, syscall, args, 6, &error);

  g_assert_no_error (error);
  g_assert_nonnull (action);
  return scmp_action_to_string (action);
}

#define assert_eval(filter, arch, syscall, a0, expected) \
  G_STMT_START { \
    g_autofree char *_got = eval_str (filter, arch, syscall, a0); \
    g_assert_cmpstr (_got, ==, expected); \
  } G_STMT_END

static gboolean
on_arch (const char       *syscall,
         ScmpArchitecture  arch)
{
  return scmp_syscall_resolve_name (arch, syscall) >= 0
    || scmp_syscall_get_multiplexer (arch, syscall, NULL, NULL) != SCMP_MULTIPLEXER_NONE;
}

/* How many of @set's syscalls one of @arches has. */
static guint
count_on (const char             *set,
          const ScmpArchitecture *arches,
          guint                   n_arches)
{
  g_auto(GStrv) all = members (set, TRUE);
  guint n = 0;

  for (guint i = 0; all[i] != NULL; i++)
    for (guint a = 0; a < n_arches; a++)
      if (on_arch (all[i], arches[a]))
        {
          n++;
          break;
        }
  return n;
}

static void
test_add_rules_x86_64 (void)
{
  g_autoptr(ScmpAction) deny = scmp_action_new_errno (EPERM, NULL);
  g_autoptr(ScmpAction) allow = scmp_action_new_allow ();
  g_autoptr(ScmpFilter) filter = new_filter (deny, SCMP_ARCHITECTURE_X86_64, SCMP_ARCHITECTURE_UNKNOWN);
  ScmpArchitecture arches[] = { SCMP_ARCHITECTURE_X86_64 };
  g_autoptr(GError) error = NULL;

  g_assert_true (scmp_filter_add_rules_for_set (filter, "@network-io", allow, NULL, 0, &error));
  g_assert_no_error (error);
  /* recv, send and socketcall are not x86-64 syscalls, nor is the
   * 32-bit recvmmsg_time64: skipped. */
  g_assert_cmpuint (scmp_filter_get_n_rules (filter), ==, count_on ("@network-io", arches, 1));
  g_assert_cmpuint (scmp_filter_get_n_rules (filter), ==, 22 - 4);
  for (guint i = 0; i < scmp_filter_get_n_rules (filter); i++)
    {
      ScmpRule *rule = scmp_filter_get_rule (filter, i);
      g_assert_true (on_arch (scmp_rule_get_syscall (rule), SCMP_ARCHITECTURE_X86_64));
    }

  assert_eval (filter, SCMP_ARCHITECTURE_X86_64, "socket", 0, "allow");
  assert_eval (filter, SCMP_ARCHITECTURE_X86_64, "connect", 0, "allow");
  assert_eval (filter, SCMP_ARCHITECTURE_X86_64, "recvmsg", 0, "allow");
  assert_eval (filter, SCMP_ARCHITECTURE_X86_64, "read", 0, "errno(1)");
  assert_eval (filter, SCMP_ARCHITECTURE_X86_64, "openat", 0, "errno(1)");

  /* A set whose syscalls are all elsewhere adds nothing, and succeeds. */
  {
    g_autoptr(ScmpFilter) empty = new_filter (deny, SCMP_ARCHITECTURE_X86_64, SCMP_ARCHITECTURE_UNKNOWN);
    g_auto(GStrv) cpu = members ("@cpu-emulation", TRUE);

    g_assert_true (scmp_filter_add_rules_for_set (empty, "@cpu-emulation", allow, NULL, 0, &error));
    g_assert_no_error (error);
    /* modify_ldt is x86-64's; vm86, vm86old (x86), subpage_prot and
     * switch_endian (ppc64) are not. */
    g_assert_cmpuint (g_strv_length (cpu), ==, 5);
    g_assert_cmpuint (scmp_filter_get_n_rules (empty), ==, 1);
  }

  /* Adding the same set again changes nothing (identical rules). */
  {
    guint n = scmp_filter_get_n_rules (filter);

    g_assert_true (scmp_filter_add_rules_for_set (filter, "@network-io", allow, NULL, 0, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (scmp_filter_get_n_rules (filter), ==, n);
  }
}

static void
test_add_rules_two_abis (void)
{
  g_autoptr(ScmpAction) deny = scmp_action_new_errno (EPERM, NULL);
  g_autoptr(ScmpAction) allow = scmp_action_new_allow ();
  g_autoptr(ScmpFilter) filter = new_filter (deny, SCMP_ARCHITECTURE_X86_64, SCMP_ARCHITECTURE_X86);
  ScmpArchitecture arches[] = { SCMP_ARCHITECTURE_X86_64, SCMP_ARCHITECTURE_X86 };
  g_autoptr(GError) error = NULL;

  g_assert_true (scmp_filter_add_rules_for_set (filter, "@network-io", allow, NULL, 0, &error));
  g_assert_no_error (error);
  /* Every member now: x86 has recv, send (through socketcall),
   * socketcall and recvmmsg_time64. */
  g_assert_cmpuint (scmp_filter_get_n_rules (filter), ==, count_on ("@network-io", arches, 2));
  g_assert_cmpuint (scmp_filter_get_n_rules (filter), ==, 22);

  g_assert_true (scmp_filter_add_rules_for_set (filter, "@cpu-emulation", allow, NULL, 0, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (scmp_filter_get_n_rules (filter), ==, 22 + 3);  /* modify_ldt, vm86, vm86old */

  assert_eval (filter, SCMP_ARCHITECTURE_X86_64, "socket", 0, "allow");
  assert_eval (filter, SCMP_ARCHITECTURE_X86, "socket", 0, "allow");
  assert_eval (filter, SCMP_ARCHITECTURE_X86, "socketcall", 0, "allow");
  assert_eval (filter, SCMP_ARCHITECTURE_X86, "recvmmsg_time64", 0, "allow");
  assert_eval (filter, SCMP_ARCHITECTURE_X86, "vm86", 0, "allow");
  assert_eval (filter, SCMP_ARCHITECTURE_X86_64, "modify_ldt", 0, "allow");
  assert_eval (filter, SCMP_ARCHITECTURE_X86, "read", 0, "errno(1)");
  assert_eval (filter, SCMP_ARCHITECTURE_X86_64, "read", 0, "errno(1)");
}

static void
test_add_rules_conditions (void)
{
  g_autoptr(ScmpAction) deny = scmp_action_new_errno (EPERM, NULL);
  g_autoptr(ScmpAction) allow = scmp_action_new_allow ();
  g_autoptr(ScmpFilter) filter = new_filter (deny, SCMP_ARCHITECTURE_X86_64, SCMP_ARCHITECTURE_UNKNOWN);
  ScmpCondition fd2 = { .arg = 0, .op = SCMP_COMPARE_OP_EQ, .datum = 2 };
  g_autoptr(GError) error = NULL;

  g_assert_true (scmp_filter_add_rules_for_set (filter, "@basic-io", allow, &fd2, 1, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < scmp_filter_get_n_rules (filter); i++)
    {
      ScmpRule *rule = scmp_filter_get_rule (filter, i);
      g_assert_cmpuint (scmp_rule_get_n_conditions (rule), ==, 1);
    }
  assert_eval (filter, SCMP_ARCHITECTURE_X86_64, "write", 2, "allow");
  assert_eval (filter, SCMP_ARCHITECTURE_X86_64, "write", 1, "errno(1)");
  assert_eval (filter, SCMP_ARCHITECTURE_X86_64, "close", 2, "allow");
}

static void
assert_unchanged (ScmpFilter *filter,
                  guint       n_rules,
                  GBytes     *bpf)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) now = scmp_filter_export_bpf (filter, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (scmp_filter_get_n_rules (filter), ==, n_rules);
  g_assert_true (g_bytes_equal (now, bpf));
}

static void
test_add_rules_errors (void)
{
  g_autoptr(ScmpAction) deny = scmp_action_new_errno (EPERM, NULL);
  g_autoptr(ScmpAction) eacces = scmp_action_new_errno (EACCES, NULL);
  g_autoptr(ScmpAction) allow = scmp_action_new_allow ();
  g_autoptr(ScmpFilter) filter = new_filter (deny, SCMP_ARCHITECTURE_X86_64, SCMP_ARCHITECTURE_UNKNOWN);
  g_autoptr(ScmpRule) write_rule = scmp_rule_new ("write", eacces);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GError) error = NULL;
  guint n_rules;

  g_assert_true (scmp_filter_add_rule (filter, write_rule, &error));
  g_assert_true (scmp_filter_add_rules_for_set (filter, "@timer", allow, NULL, 0, &error));
  g_assert_no_error (error);
  n_rules = scmp_filter_get_n_rules (filter);
  before = scmp_filter_export_bpf (filter, &error);
  g_assert_no_error (error);

  /* write has another action already: nothing of @basic-io goes in,
   * not even the syscalls before write. */
  g_assert_false (scmp_filter_add_rules_for_set (filter, "@basic-io", allow, NULL, 0, &error));
  g_assert_error (error, SCMP_ERROR, SCMP_ERROR_EXISTS);
  g_assert_nonnull (strstr (error->message, "@basic-io"));
  g_clear_error (&error);
  assert_unchanged (filter, n_rules, before);
  assert_eval (filter, SCMP_ARCHITECTURE_X86_64, "read", 0, "errno(1)");

  /* Through @system-service too. */
  g_assert_false (scmp_filter_add_rules_for_set (filter, "@system-service", allow, NULL, 0, &error));
  g_assert_error (error, SCMP_ERROR, SCMP_ERROR_EXISTS);
  g_clear_error (&error);
  assert_unchanged (filter, n_rules, before);

  /* Not a set, or a syscall name instead of one. */
  g_assert_false (scmp_filter_add_rules_for_set (filter, "@foo", allow, NULL, 0, &error));
  g_assert_error (error, SCMP_ERROR, SCMP_ERROR_INVALID_SYSCALL);
  g_assert_cmpstr (error->message, ==, "“@foo” is not a syscall set; scmp_syscall_set_list() has them");
  g_clear_error (&error);
  g_assert_false (scmp_filter_add_rules_for_set (filter, "read", allow, NULL, 0, &error));
  g_assert_error (error, SCMP_ERROR, SCMP_ERROR_INVALID_SYSCALL);
  g_clear_error (&error);
  assert_unchanged (filter, n_rules, before);

  /* A condition the filter refuses (argument index 6). */
  {
    ScmpCondition bad = { .arg = 6, .op = SCMP_COMPARE_OP_EQ, .datum = 0 };

    g_assert_false (scmp_filter_add_rules_for_set (filter, "@aio", allow, &bad, 1, &error));
    g_assert_error (error, SCMP_ERROR, SCMP_ERROR_INVALID_ARGUMENT);
    g_clear_error (&error);
    assert_unchanged (filter, n_rules, before);
  }
}

static void
test_add_rules_preconditions (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(ScmpAction) allow = scmp_action_new_allow ();

      scmp_filter_add_rules_for_set (NULL, "@basic-io", allow, NULL, 0, NULL);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*Scmp-CRITICAL*SCMP_IS_FILTER*");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/syscall-set/list", test_list);
  g_test_add_func ("/syscall-set/data-file", test_data_file);
  g_test_add_func ("/syscall-set/coverage", test_coverage);
  g_test_add_func ("/syscall-set/known", test_known);
  g_test_add_func ("/syscall-set/systemd-meaning", test_systemd_meaning);
  g_test_add_func ("/syscall-set/expand", test_expand);
  g_test_add_func ("/syscall-set/errors", test_errors);
  g_test_add_func ("/syscall-set/add-rules/x86-64", test_add_rules_x86_64);
  g_test_add_func ("/syscall-set/add-rules/x86-64-and-x86", test_add_rules_two_abis);
  g_test_add_func ("/syscall-set/add-rules/conditions", test_add_rules_conditions);
  g_test_add_func ("/syscall-set/add-rules/unchanged-on-error", test_add_rules_errors);
  g_test_add_func ("/syscall-set/add-rules/preconditions", test_add_rules_preconditions);

  return g_test_run ();
}
