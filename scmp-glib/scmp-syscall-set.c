/* scmp-syscall-set.c: named syscall sets, usable where a syscall name is
 *
 * SPDX-FileCopyrightText: 2026 The scmp-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "scmp-syscall-set.h"

#include "scmp-arch-private.h"
#include "scmp-error.h"
#include "scmp-rule.h"
#include "scmp-syscall-sets-private.h"

/**
 * SECTION:scmp-syscall-set
 * @title: Syscall sets
 * @short_description: named groups of syscalls, such as @system-service
 *
 * A syscall set is a named group of syscalls, written with a leading
 * '@', that stands for all of them: the groups systemd documents for
 * `SystemCallFilter=` in systemd.exec(5), with the same names, meaning
 * and members. Sets may include other sets (`@system-service` includes
 * `@basic-io`, `@file-system` …); scmp_syscall_set_get_members() lists
 * a set's direct members or, expanded, its syscalls.
 * scmp_filter_add_rules_for_set() adds one rule per syscall of a set.
 *
 * The sets, in the order scmp_syscall_set_list() gives them:
 *
 * - `@default`: system calls that are always permitted (process exit,
 *   identity and time queries, memory mapping for the loader, futexes,
 *   thread setup)
 * - `@aio`: asynchronous I/O, io_uring included
 * - `@basic-io`: reading, writing, seeking, duplicating and closing file
 *   descriptors
 * - `@chown`: changing file ownership
 * - `@clock`: changing the system clock
 * - `@cpu-emulation`: CPU emulation (vm86(2), modify_ldt(2) …)
 * - `@debug`: debugging, performance monitoring and tracing
 * - `@file-system`: file system operations
 * - `@io-event`: event loops (poll(2), select(2), epoll(7), eventfd(2))
 * - `@ipc`: pipes, SysV IPC, POSIX message queues and other IPC
 * - `@keyring`: kernel keyring access
 * - `@memlock`: locking memory in RAM
 * - `@module`: loading and unloading kernel modules
 * - `@mount`: mounting and unmounting file systems
 * - `@network-io`: socket I/O, local AF_UNIX sockets included
 * - `@obsolete`: unusual, obsolete or unimplemented system calls
 * - `@pkey`: memory protection keys
 * - `@privileged`: system calls that need super-user capabilities
 * - `@process`: process control, execution and namespaces
 * - `@raw-io`: raw I/O port and PCI configuration access
 * - `@reboot`: rebooting and preparing a reboot (kexec)
 * - `@resources`: changing resource limits, memory policy and scheduling
 * - `@sandbox`: seccomp, Landlock and the LSM self-attribute calls
 * - `@setuid`: changing user and group credentials
 * - `@signal`: manipulating and handling process signals
 * - `@swap`: enabling and disabling swap devices
 * - `@sync`: synchronising files and memory to storage
 * - `@system-service`: what a typical system service needs
 * - `@timer`: scheduling operations by time
 * - `@known`: every syscall the tables know, on any architecture
 *
 * The chapter [Syscall sets][syscall-sets] lists every member. The data is
 * `arch-data/syscall-sets.txt`: every syscall of the tables is in at
 * least one set other than `@known`; the syscalls systemd does not
 * classify are placed by scmp-glib, each with its reason in that file.
 */

static const ScmpSyscallSetInfo *
find_set (const char *name)
{
  if (name == NULL || name[0] != '@')
    return NULL;
  for (guint i = 0; i < _scmp_syscall_n_sets; i++)
    if (g_str_equal (_scmp_syscall_sets[i].name, name))
      return &_scmp_syscall_sets[i];
  return NULL;
}

static void
set_unknown_set_error (GError     **error,
                       const char  *name)
{
  g_set_error (error, SCMP_ERROR, SCMP_ERROR_INVALID_SYSCALL,
               "“%s” is not a syscall set; scmp_syscall_set_list() has them",
               name);
}

/* Marks the name indices of @set's syscalls in @seen (one byte per name
 * index), nested sets included. @visited guards against a set reached
 * twice (the data has no cycles: gen-syscall-sets.py refuses them). */
static void
collect (const ScmpSyscallSetInfo *set,
         guint8                   *seen,
         guint8                   *visited)
{
  guint set_index = set - _scmp_syscall_sets;

  if (visited[set_index])
    return;
  visited[set_index] = 1;
  for (guint i = 0; i < set->n_members; i++)
    {
      guint16 member = _scmp_syscall_set_members[set->first_member + i];

      if (member & SCMP_SYSCALL_SET_MEMBER_IS_SET)
        collect (&_scmp_syscall_sets[member & ~SCMP_SYSCALL_SET_MEMBER_IS_SET], seen, visited);
      else
        seen[member] = 1;
    }
}

/* The name indices of @set's syscalls, nested sets resolved, each once,
 * in name-table order (which is strcmp() order). */
static GArray *
expand_set (const ScmpSyscallSetInfo *set)
{
  guint n_names = _scmp_syscall_n_names ();
  g_autofree guint8 *seen = g_new0 (guint8, n_names);
  g_autofree guint8 *visited = g_new0 (guint8, _scmp_syscall_n_sets);
  GArray *indices = g_array_new (FALSE, FALSE, sizeof (int));

  collect (set, seen, visited);
  for (guint i = 0; i < n_names; i++)
    if (seen[i])
      {
        int index = i;
        g_array_append_val (indices, index);
      }
  return indices;
}

/**
 * scmp_syscall_set_list:
 *
 * Lists the names of the syscall sets, each with its leading '@', in the
 * order of the data: `@default` first, `@known` last, the others
 * alphabetically.
 *
 * Returns: (transfer full) (array zero-terminated=1) (element-type utf8):
 *   a newly allocated %NULL-terminated array of set names; free it with
 *   g_strfreev()
 *
 * Since: 0.1
 */
char **
scmp_syscall_set_list (void)
{
  char **names = g_new0 (char *, _scmp_syscall_n_sets + 1);

  for (guint i = 0; i < _scmp_syscall_n_sets; i++)
    names[i] = g_strdup (_scmp_syscall_sets[i].name);
  return names;
}

/**
 * scmp_syscall_set_get_description:
 * @name: a set name, with its '@'
 *
 * Gets the one-line description of a syscall set, such as
 * "Changing the system clock" for `@clock`.
 *
 * Returns: (nullable): the description, or %NULL if @name is not a set
 *
 * Since: 0.1
 */
const char *
scmp_syscall_set_get_description (const char *name)
{
  const ScmpSyscallSetInfo *set;

  g_return_val_if_fail (name != NULL, NULL);

  set = find_set (name);
  return set != NULL ? set->description : NULL;
}

/**
 * scmp_syscall_set_get_members:
 * @name: a set name, with its '@'
 * @expand: %TRUE for the syscalls only, nested sets resolved
 * @error: return location for a #GError
 *
 * Lists the members of a syscall set. With @expand %FALSE these are its
 * direct members, in the order of the data: syscall names and the names
 * of the sets it includes (with their '@'). With @expand %TRUE they are
 * the syscall names only, those of the included sets too, each once,
 * sorted in strcmp() order.
 *
 * A name that is not a set gives %SCMP_ERROR_INVALID_SYSCALL.
 *
 * Returns: (transfer full) (array zero-terminated=1) (element-type utf8):
 *   a newly allocated %NULL-terminated array of names (free it with
 *   g_strfreev()), or %NULL with @error set
 *
 * Since: 0.1
 */
char **
scmp_syscall_set_get_members (const char  *name,
                              gboolean     expand,
                              GError     **error)
{
  const ScmpSyscallSetInfo *set;
  GPtrArray *names;

  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  set = find_set (name);
  if (set == NULL)
    {
      set_unknown_set_error (error, name);
      return NULL;
    }

  names = g_ptr_array_new ();
  if (expand)
    {
      g_autoptr(GArray) indices = expand_set (set);

      for (guint i = 0; i < indices->len; i++)
        g_ptr_array_add (names, g_strdup (_scmp_syscall_name (g_array_index (indices, int, i))));
    }
  else
    {
      for (guint i = 0; i < set->n_members; i++)
        {
          guint16 member = _scmp_syscall_set_members[set->first_member + i];

          if (member & SCMP_SYSCALL_SET_MEMBER_IS_SET)
            g_ptr_array_add (names, g_strdup (_scmp_syscall_sets[member & ~SCMP_SYSCALL_SET_MEMBER_IS_SET].name));
          else
            g_ptr_array_add (names, g_strdup (_scmp_syscall_name (member)));
        }
    }
  g_ptr_array_add (names, NULL);
  return (char **) g_ptr_array_free (names, FALSE);
}

/**
 * scmp_syscall_set_contains:
 * @name: a set name, with its '@'
 * @syscall: a syscall name
 *
 * Checks whether @syscall is in the set @name, directly or through a set
 * it includes.
 *
 * Returns: %TRUE if it is, %FALSE if it is not or if @name is not a set
 *   or @syscall not a syscall the tables know
 *
 * Since: 0.1
 */
gboolean
scmp_syscall_set_contains (const char *name,
                           const char *syscall)
{
  const ScmpSyscallSetInfo *set;
  g_autoptr(GArray) indices = NULL;
  int index;

  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (syscall != NULL, FALSE);

  set = find_set (name);
  index = _scmp_syscall_lookup (syscall);
  if (set == NULL || index < 0)
    return FALSE;

  indices = expand_set (set);
  for (guint i = 0; i < indices->len; i++)
    if (g_array_index (indices, int, i) == index)
      return TRUE;
  return FALSE;
}

static gboolean
exists_on_any (int                     name_index,
               const ScmpArchitecture *arches,
               gsize                   n_arches)
{
  for (gsize a = 0; a < n_arches; a++)
    if (_scmp_syscall_number (name_index, arches[a]) >= 0
        || _scmp_syscall_mux (name_index, arches[a], NULL) != SCMP_MULTIPLEXER_NONE)
      return TRUE;
  return FALSE;
}

/**
 * scmp_filter_add_rules_for_set:
 * @self: a #ScmpFilter
 * @set: a set name, with its '@'
 * @action: (transfer none): what to do with the set's syscalls
 * @conditions: (array length=n_conditions) (nullable): conditions every
 *   rule gets, as with scmp_rule_newv()
 * @n_conditions: the number of @conditions
 * @error: return location for a #GError
 *
 * Adds one rule (scmp_rule_newv()) with @action and @conditions for each
 * syscall of the set @set, expanded as scmp_syscall_set_get_members()
 * does, in strcmp() order of the syscall names. A syscall that none of
 * the filter's architectures has (directly or through socketcall/ipc) is
 * skipped: `@default` names ARM's `set_tls` and x86's `arch_prctl`, and
 * a filter for x86-64 only gets the second. Each rule applies on the
 * architectures that have its syscall.
 *
 * The rules are added with scmp_filter_add_rules(), all or nothing: on
 * error (the set is unknown, %SCMP_ERROR_INVALID_SYSCALL; or a rule is
 * refused, for example %SCMP_ERROR_EXISTS when the filter already has a
 * rule with another action for one of the syscalls) the filter is
 * unchanged. Only set names are accepted, not syscall names: use
 * scmp_filter_add_rule() for one syscall.
 *
 * Returns: %TRUE if the rules are in the filter, %FALSE with @error set
 *   otherwise
 *
 * Since: 0.1
 */
gboolean
scmp_filter_add_rules_for_set (ScmpFilter           *self,
                               const char           *set,
                               ScmpAction           *action,
                               const ScmpCondition  *conditions,
                               gsize                 n_conditions,
                               GError              **error)
{
  const ScmpSyscallSetInfo *info;
  g_autoptr(GArray) indices = NULL;
  g_autoptr(GPtrArray) rules = NULL;
  g_autofree ScmpArchitecture *arches = NULL;
  gsize n_arches = 0;

  g_return_val_if_fail (SCMP_IS_FILTER (self), FALSE);
  g_return_val_if_fail (set != NULL, FALSE);
  g_return_val_if_fail (SCMP_IS_ACTION (action), FALSE);
  g_return_val_if_fail (conditions != NULL || n_conditions == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  info = find_set (set);
  if (info == NULL)
    {
      set_unknown_set_error (error, set);
      return FALSE;
    }

  arches = scmp_filter_list_arches (self, &n_arches);
  indices = expand_set (info);
  rules = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < indices->len; i++)
    {
      int index = g_array_index (indices, int, i);

      if (!exists_on_any (index, arches, n_arches))
        continue;
      g_ptr_array_add (rules, scmp_rule_newv (_scmp_syscall_name (index), action,
                                              conditions, n_conditions));
    }

  if (!scmp_filter_add_rules (self, (ScmpRule * const *) rules->pdata, rules->len, error))
    {
      g_prefix_error (error, "Set “%s”: ", set);
      return FALSE;
    }
  return TRUE;
}
