/* scmp-filter-attributes.c: a filter's attributes — its actions, flags,
 * known kernel and priorities
 *
 * SPDX-FileCopyrightText: 2026 The scmp-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "scmp-filter.h"
#include "scmp-filter-private.h"

#include "scmp-arch-private.h"
#include "scmp-error.h"
#include "scmp-error-private.h"

/* ------------------------------------------------------------------ */
/* Attributes                                                          */
/* ------------------------------------------------------------------ */

/**
 * scmp_filter_get_default_action:
 * @self: a #ScmpFilter
 *
 * Gets the action for calls no rule matches.
 *
 * Returns: (transfer none): the default action
 *
 * Since: 0.1
 */
ScmpAction *
scmp_filter_get_default_action (ScmpFilter *self)
{
  g_return_val_if_fail (SCMP_IS_FILTER (self), NULL);

  return self->default_action;
}

/**
 * scmp_filter_get_bad_arch_action:
 * @self: a #ScmpFilter
 *
 * Gets the action for calls from architectures not in the filter.
 *
 * Returns: (transfer none): the bad-arch action
 *
 * Since: 0.1
 */
ScmpAction *
scmp_filter_get_bad_arch_action (ScmpFilter *self)
{
  g_return_val_if_fail (SCMP_IS_FILTER (self), NULL);

  return self->bad_arch_action;
}

/**
 * scmp_filter_set_bad_arch_action:
 * @self: a #ScmpFilter
 * @action: (nullable): the action, or %NULL for kill-process
 *
 * Sets the action for calls from architectures not in the filter. Any
 * action will do: an #ScmpAction cannot be invalid, so there is nothing
 * to refuse here.
 *
 * Since: 0.1
 */
void
scmp_filter_set_bad_arch_action (ScmpFilter *self,
                                 ScmpAction *action)
{
  g_autoptr(ScmpFilter) hold = NULL;

  g_return_if_fail (SCMP_IS_FILTER (self));
  g_return_if_fail (action == NULL || SCMP_IS_ACTION (action));

  hold = g_object_ref (self);
  if (_scmp_filter_replace_bad_arch_action (self, action))
    _scmp_filter_invalidate (self);
}

/* Sets the bad-arch action (%NULL for kill-process) and notifies, without
 * ::changed. The caller holds a reference on @self. Returns whether the
 * action changed. */
gboolean
_scmp_filter_replace_bad_arch_action (ScmpFilter *self,
                                      ScmpAction *action)
{
  g_autoptr(ScmpAction) new_action = NULL;

  new_action = action != NULL ? g_object_ref (action) : scmp_action_new_kill_process ();
  if (scmp_action_equal (self->bad_arch_action, new_action))
    return FALSE;

  g_set_object (&self->bad_arch_action, new_action);
  g_object_notify_by_pspec (G_OBJECT (self), _scmp_filter_properties[SCMP_FILTER_PROP_BAD_ARCH_ACTION]);
  return TRUE;
}

/**
 * scmp_filter_get_unknown_syscall_action:
 * @self: a #ScmpFilter
 *
 * Gets the action for syscall numbers the tables do not name
 * (#ScmpFilter:unknown-syscall-action).
 *
 * Returns: (transfer none) (nullable): the action, or %NULL when those
 *   numbers get the default action
 *
 * Since: 0.1
 */
ScmpAction *
scmp_filter_get_unknown_syscall_action (ScmpFilter *self)
{
  g_return_val_if_fail (SCMP_IS_FILTER (self), NULL);

  return self->unknown_action;
}

/**
 * scmp_filter_set_unknown_syscall_action:
 * @self: a #ScmpFilter
 * @action: (nullable): the action, or %NULL for the default action
 *
 * Sets the action for syscall numbers the tables do not name on each of
 * the filter's ABIs, where no rule decides
 * (#ScmpFilter:unknown-syscall-action).
 *
 * Since: 0.1
 */
void
scmp_filter_set_unknown_syscall_action (ScmpFilter *self,
                                        ScmpAction *action)
{
  g_autoptr(ScmpFilter) hold = NULL;

  g_return_if_fail (SCMP_IS_FILTER (self));
  g_return_if_fail (action == NULL || SCMP_IS_ACTION (action));

  hold = g_object_ref (self);
  if (_scmp_filter_replace_unknown_syscall_action (self, action))
    _scmp_filter_invalidate (self);
}

/* Sets the unknown-syscall action and notifies, without ::changed;
 * returns whether it changed. */
gboolean
_scmp_filter_replace_unknown_syscall_action (ScmpFilter *self,
                                             ScmpAction *action)
{
  if (self->unknown_action == action ||
      (self->unknown_action != NULL && action != NULL &&
       scmp_action_equal (self->unknown_action, action)))
    return FALSE;

  g_set_object (&self->unknown_action, action);
  g_object_notify_by_pspec (G_OBJECT (self), _scmp_filter_properties[SCMP_FILTER_PROP_UNKNOWN_SYSCALL_ACTION]);
  return TRUE;
}

/**
 * scmp_filter_dup_known_kernel:
 * @self: a #ScmpFilter
 *
 * Gets the newest kernel release the policy knows
 * (#ScmpFilter:known-kernel), as "MAJOR.MINOR".
 *
 * Returns: (transfer full) (nullable): the release, or %NULL for none
 *
 * Since: 0.1
 */
char *
scmp_filter_dup_known_kernel (ScmpFilter *self)
{
  g_return_val_if_fail (SCMP_IS_FILTER (self), NULL);

  if (self->known_kernel == 0)
    return NULL;
  return g_strdup_printf ("%u.%u", self->known_kernel >> 8, self->known_kernel & 0xff);
}

/**
 * scmp_filter_set_known_kernel:
 * @self: a #ScmpFilter
 * @version: (nullable): a Linux release such as "6.1" or "6.12.3" (the
 *   third number is ignored), or %NULL for none
 * @error: return location for a #GError
 *
 * Sets the newest kernel release the policy knows
 * (#ScmpFilter:known-kernel): syscalls added after it get the
 * unknown-syscall action where no rule decides.
 *
 * The tables record when each syscall was added from Linux 5.1 on (see
 * `arch-data/syscall-versions.csv`), so the release must be 5.1 or newer.
 *
 * Returns: %TRUE on success, %FALSE with %SCMP_ERROR_INVALID_ARGUMENT
 *   when @version is not a release number, or older than 5.1 (the filter
 *   is unchanged)
 *
 * Since: 0.1
 */
gboolean
scmp_filter_set_known_kernel (ScmpFilter  *self,
                              const char  *version,
                              GError     **error)
{
  g_autoptr(ScmpFilter) hold = NULL;
  guint parsed = 0;

  g_return_val_if_fail (SCMP_IS_FILTER (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (version != NULL)
    {
      parsed = _scmp_kernel_version_parse (version);
      if (parsed == 0)
        {
          g_set_error (error, SCMP_ERROR, SCMP_ERROR_INVALID_ARGUMENT,
                       "“%s” is not a Linux release: write it as MAJOR.MINOR, such as 6.1",
                       version);
          return FALSE;
        }
      /* The tables know when a syscall came from 5.1 on only: older
       * releases would silently let later syscalls through. */
      if (parsed < 0x0501)
        {
          g_set_error (error, SCMP_ERROR, SCMP_ERROR_INVALID_ARGUMENT,
                       "Linux %s is older than the tables' history, which starts at 5.1: "
                       "a known kernel must be 5.1 or newer", version);
          return FALSE;
        }
    }
  hold = g_object_ref (self);
  if (_scmp_filter_replace_known_kernel (self, parsed))
    _scmp_filter_invalidate (self);
  return TRUE;
}

/* Sets the known kernel ((major << 8) | minor, 0 for none) and notifies,
 * without ::changed; returns whether it changed. */
gboolean
_scmp_filter_replace_known_kernel (ScmpFilter *self,
                                   guint       version)
{
  if (self->known_kernel == version)
    return FALSE;
  self->known_kernel = version;
  g_object_notify_by_pspec (G_OBJECT (self), _scmp_filter_properties[SCMP_FILTER_PROP_KNOWN_KERNEL]);
  return TRUE;
}

/* Sets one of the boolean attributes and notifies, without ::changed.
 * Returns whether it changed. */
static gboolean
set_flag (ScmpFilter *self,
          gboolean   *field,
          guint       prop_id,
          gboolean    value)
{
  g_autoptr(ScmpFilter) hold = NULL;

  value = !!value;
  if (*field == value)
    return FALSE;
  hold = g_object_ref (self);
  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), _scmp_filter_properties[prop_id]);
  return TRUE;
}

/**
 * scmp_filter_get_no_new_privs:
 * @self: a #ScmpFilter
 *
 * Gets #ScmpFilter:no-new-privs.
 *
 * Returns: whether loading sets no_new_privs first
 *
 * Since: 0.1
 */
gboolean
scmp_filter_get_no_new_privs (ScmpFilter *self)
{
  g_return_val_if_fail (SCMP_IS_FILTER (self), FALSE);

  return self->no_new_privs;
}

/**
 * scmp_filter_set_no_new_privs:
 * @self: a #ScmpFilter
 * @no_new_privs: the new value
 *
 * Sets #ScmpFilter:no-new-privs.
 *
 * Since: 0.1
 */
void
scmp_filter_set_no_new_privs (ScmpFilter *self,
                              gboolean    no_new_privs)
{
  g_return_if_fail (SCMP_IS_FILTER (self));

  set_flag (self, &self->no_new_privs, SCMP_FILTER_PROP_NO_NEW_PRIVS, no_new_privs);
}

/**
 * scmp_filter_get_thread_sync:
 * @self: a #ScmpFilter
 *
 * Gets #ScmpFilter:thread-sync.
 *
 * Returns: whether the filter is loaded on all threads
 *
 * Since: 0.1
 */
gboolean
scmp_filter_get_thread_sync (ScmpFilter *self)
{
  g_return_val_if_fail (SCMP_IS_FILTER (self), FALSE);

  return self->thread_sync;
}

/**
 * scmp_filter_set_thread_sync:
 * @self: a #ScmpFilter
 * @thread_sync: the new value
 *
 * Sets #ScmpFilter:thread-sync.
 *
 * Since: 0.1
 */
void
scmp_filter_set_thread_sync (ScmpFilter *self,
                             gboolean    thread_sync)
{
  g_return_if_fail (SCMP_IS_FILTER (self));

  set_flag (self, &self->thread_sync, SCMP_FILTER_PROP_THREAD_SYNC, thread_sync);
}

/**
 * scmp_filter_get_log:
 * @self: a #ScmpFilter
 *
 * Gets #ScmpFilter:log.
 *
 * Returns: whether the kernel logs the filter's actions
 *
 * Since: 0.1
 */
gboolean
scmp_filter_get_log (ScmpFilter *self)
{
  g_return_val_if_fail (SCMP_IS_FILTER (self), FALSE);

  return self->log;
}

/**
 * scmp_filter_set_log:
 * @self: a #ScmpFilter
 * @log: the new value
 *
 * Sets #ScmpFilter:log.
 *
 * Since: 0.1
 */
void
scmp_filter_set_log (ScmpFilter *self,
                     gboolean    log)
{
  g_return_if_fail (SCMP_IS_FILTER (self));

  set_flag (self, &self->log, SCMP_FILTER_PROP_LOG, log);
}

/**
 * scmp_filter_get_spec_allow:
 * @self: a #ScmpFilter
 *
 * Gets #ScmpFilter:spec-allow.
 *
 * Returns: whether the SSB mitigation is left off
 *
 * Since: 0.1
 */
gboolean
scmp_filter_get_spec_allow (ScmpFilter *self)
{
  g_return_val_if_fail (SCMP_IS_FILTER (self), FALSE);

  return self->spec_allow;
}

/**
 * scmp_filter_set_spec_allow:
 * @self: a #ScmpFilter
 * @spec_allow: the new value
 *
 * Sets #ScmpFilter:spec-allow.
 *
 * Since: 0.1
 */
void
scmp_filter_set_spec_allow (ScmpFilter *self,
                            gboolean    spec_allow)
{
  g_return_if_fail (SCMP_IS_FILTER (self));

  set_flag (self, &self->spec_allow, SCMP_FILTER_PROP_SPEC_ALLOW, spec_allow);
}

/**
 * scmp_filter_get_wait_killable:
 * @self: a #ScmpFilter
 *
 * Gets #ScmpFilter:wait-killable.
 *
 * Returns: whether notified calls wait killably
 *
 * Since: 0.1
 */
gboolean
scmp_filter_get_wait_killable (ScmpFilter *self)
{
  g_return_val_if_fail (SCMP_IS_FILTER (self), FALSE);

  return self->wait_killable;
}

/**
 * scmp_filter_set_wait_killable:
 * @self: a #ScmpFilter
 * @wait_killable: the new value
 *
 * Sets #ScmpFilter:wait-killable.
 *
 * Since: 0.1
 */
void
scmp_filter_set_wait_killable (ScmpFilter *self,
                               gboolean    wait_killable)
{
  g_return_if_fail (SCMP_IS_FILTER (self));

  set_flag (self, &self->wait_killable, SCMP_FILTER_PROP_WAIT_KILLABLE, wait_killable);
}

/**
 * scmp_filter_get_allow_tracer_skip:
 * @self: a #ScmpFilter
 *
 * Gets #ScmpFilter:allow-tracer-skip.
 *
 * Returns: whether syscall -1 is allowed
 *
 * Since: 0.1
 */
gboolean
scmp_filter_get_allow_tracer_skip (ScmpFilter *self)
{
  g_return_val_if_fail (SCMP_IS_FILTER (self), FALSE);

  return self->allow_tracer_skip;
}

/**
 * scmp_filter_set_allow_tracer_skip:
 * @self: a #ScmpFilter
 * @allow: the new value
 *
 * Sets #ScmpFilter:allow-tracer-skip.
 *
 * Since: 0.1
 */
void
scmp_filter_set_allow_tracer_skip (ScmpFilter *self,
                                   gboolean    allow)
{
  g_autoptr(ScmpFilter) hold = NULL;

  g_return_if_fail (SCMP_IS_FILTER (self));

  hold = g_object_ref (self);
  if (_scmp_filter_replace_allow_tracer_skip (self, allow))
    _scmp_filter_invalidate (self);
}

/* Sets #ScmpFilter:allow-tracer-skip and notifies, without ::changed.
 * Returns whether it changed. */
gboolean
_scmp_filter_replace_allow_tracer_skip (ScmpFilter *self,
                                        gboolean    allow)
{
  return set_flag (self, &self->allow_tracer_skip, SCMP_FILTER_PROP_ALLOW_TRACER_SKIP, allow);
}

/**
 * scmp_filter_set_priority:
 * @self: a #ScmpFilter
 * @syscall: a syscall name
 * @priority: 0 (the default) to 255; higher is hotter
 * @error: return location for a #GError
 *
 * Hints that @syscall is called often, so that the compiled filter
 * reaches its decision in fewer instructions. It does not change what the
 * filter decides.
 *
 * Returns: %TRUE on success, %FALSE with %SCMP_ERROR_INVALID_SYSCALL for
 *   an unknown syscall
 *
 * Since: 0.1
 */
gboolean
scmp_filter_set_priority (ScmpFilter  *self,
                          const char  *syscall,
                          guint8       priority,
                          GError     **error)
{
  g_autoptr(ScmpFilter) hold = NULL;

  g_return_val_if_fail (SCMP_IS_FILTER (self), FALSE);
  g_return_val_if_fail (syscall != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (_scmp_syscall_lookup (syscall) < 0)
    {
      _scmp_set_unknown_syscall_error (error, syscall);
      return FALSE;
    }
  if (GPOINTER_TO_UINT (g_hash_table_lookup (self->priorities, syscall)) == priority)
    return TRUE;

  hold = g_object_ref (self);
  if (priority == SCMP_PRIORITY_DEFAULT)
    g_hash_table_remove (self->priorities, syscall);
  else
    g_hash_table_insert (self->priorities, g_strdup (syscall), GUINT_TO_POINTER (priority));
  _scmp_filter_invalidate (self);
  return TRUE;
}

/**
 * scmp_filter_get_priority:
 * @self: a #ScmpFilter
 * @syscall: a syscall name
 *
 * Gets the priority hint of @syscall.
 *
 * Returns: the priority set by scmp_filter_set_priority(), or
 *   %SCMP_PRIORITY_DEFAULT
 *
 * Since: 0.1
 */
guint8
scmp_filter_get_priority (ScmpFilter *self,
                          const char *syscall)
{
  g_return_val_if_fail (SCMP_IS_FILTER (self), 0);
  g_return_val_if_fail (syscall != NULL, 0);

  return GPOINTER_TO_UINT (g_hash_table_lookup (self->priorities, syscall));
}
