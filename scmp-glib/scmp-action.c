/* scmp-action.c
 *
 * SPDX-FileCopyrightText: 2026 The scmp-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "scmp-action.h"
#include "scmp-action-private.h"
#include "scmp-enums.h"
#include "scmp-error.h"
#include "scmp-kernel-private.h"

#include <errno.h>
#include <string.h>

#include <linux/seccomp.h>

/**
 * SECTION:scmp-action
 * @title: ScmpAction
 * @short_description: what a filter does with a system call
 *
 * An #ScmpAction is an immutable value: what the kernel does with a system
 * call that a rule (or a filter's default) decides. It has a kind
 * (#ScmpActionKind) and, for %SCMP_ACTION_KIND_ERRNO, %SCMP_ACTION_KIND_TRAP
 * and %SCMP_ACTION_KIND_TRACE, a value. Since an action never changes, one
 * action can be shared by any number of rules and filters.
 *
 * Create actions with the named constructors, from a string with
 * scmp_action_new_from_string(), or from a value a seccomp program returns
 * with scmp_action_new_from_kernel_value().
 *
 * Every action is valid: scmp_action_new_errno() refuses an errno value
 * above %SCMP_ACTION_ERRNO_MAX with a #GError, and the #ScmpAction:errno-value
 * property does not accept one either. scmp_action_validate() checks the
 * same rule again, for code that wants to be sure.
 *
 * ## String form
 *
 * scmp_action_to_string() prints one of `allow`, `kill-process`,
 * `kill-thread`, `trap(N)`, `errno(N)`, `trace(N)`, `log` or `notify`, with
 * N in decimal. scmp_action_new_from_string() reads these back, and also
 * accepts, ignoring case and surrounding white space:
 *
 * - the names `kill` (the same as `kill-thread`, as `SCMP_ACT_KILL` is in
 *   libseccomp), `kill_thread`, `kill_process`, `user-notif` and
 *   `user_notif` (the same as `notify`); `-` and `_` are interchangeable;
 * - `trap` and `trace` without a value, meaning 0;
 * - a value after a colon instead of in parentheses: `errno:1`, `trace:7`
 *   (the spelling of the `client-filters.json` test data);
 * - a symbolic errno name instead of a number: `errno(EPERM)`, `errno:enosys`;
 * - numbers in decimal or, with a `0x` prefix, in hexadecimal;
 * - the spellings of libseccomp and of OCI seccomp profiles:
 *   `SCMP_ACT_ALLOW`, `SCMP_ACT_ERRNO(1)`, `SCMP_ACT_KILL`,
 *   `SCMP_ACT_KILL_THREAD`, `SCMP_ACT_KILL_PROCESS`, `SCMP_ACT_TRAP`,
 *   `SCMP_ACT_LOG`, `SCMP_ACT_NOTIFY`, `SCMP_ACT_TRACE(N)`.
 *
 * |[<!-- language="C" -->
 *   g_autoptr(GError) error = NULL;
 *   g_autoptr(ScmpAction) deny = scmp_action_new_errno (EPERM, NULL);  // EPERM is in range
 *   g_autoptr(ScmpAction) parsed = scmp_action_new_from_string ("errno(EPERM)", &error);
 *   g_autofree char *text = NULL;
 *
 *   g_assert_no_error (error);
 *   g_assert_true (scmp_action_equal (deny, parsed));
 *
 *   text = scmp_action_to_string (deny);        // "errno(1)"
 *   g_print ("%s = 0x%08x\n", text, scmp_action_get_kernel_value (deny));
 * ]|
 */

/**
 * ScmpAction:
 *
 * An immutable action: the kind of outcome and its value. All fields are
 * private.
 *
 * Since: 0.1
 */
struct _ScmpAction
{
  GObject parent_instance;

  ScmpActionKind kind;
  guint errno_value;
  guint16 trap_value;
  guint16 trace_value;
};

enum {
  PROP_0,
  PROP_KIND,
  PROP_ERRNO_VALUE,
  PROP_TRAP_VALUE,
  PROP_TRACE_VALUE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (ScmpAction, scmp_action, G_TYPE_OBJECT)

/* See scmp-action-private.h. The kernel probes read the values through
 * _scmp_kernel_action_value(). */
const ScmpActionKindInfo _scmp_action_kinds[SCMP_N_ACTION_KINDS] = {
  [SCMP_ACTION_KIND_KILL_PROCESS] = { SECCOMP_RET_KILL_PROCESS, "kill-process", NULL, NULL },
  /* "kill" is SCMP_ACT_KILL, which libseccomp defines as KILL_THREAD. */
  [SCMP_ACTION_KIND_KILL_THREAD]  = { SECCOMP_RET_KILL_THREAD, "kill-thread", "kill", NULL },
  [SCMP_ACTION_KIND_TRAP]         = { SECCOMP_RET_TRAP, "trap", NULL, "trap-value" },
  [SCMP_ACTION_KIND_ERRNO]        = { SECCOMP_RET_ERRNO, "errno", NULL, "errno-value" },
  [SCMP_ACTION_KIND_NOTIFY]       = { SECCOMP_RET_USER_NOTIF, "notify", "user-notif", NULL },
  [SCMP_ACTION_KIND_TRACE]        = { SECCOMP_RET_TRACE, "trace", NULL, "trace-value" },
  [SCMP_ACTION_KIND_LOG]          = { SECCOMP_RET_LOG, "log", NULL, NULL },
  [SCMP_ACTION_KIND_ALLOW]        = { SECCOMP_RET_ALLOW, "allow", NULL, NULL },
};

/* Declared in scmp-kernel-private.h: the probes need the value of a kind
 * without an action. */
guint32
_scmp_kernel_action_value (ScmpActionKind kind)
{
  if ((guint) kind >= SCMP_N_ACTION_KINDS)
    return 0xffffffff;

  return _scmp_action_kinds[kind].kernel_value;
}

static void
scmp_action_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  ScmpAction *self = SCMP_ACTION (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    case PROP_ERRNO_VALUE:
      g_value_set_uint (value, self->errno_value);
      break;

    case PROP_TRAP_VALUE:
      g_value_set_uint (value, self->trap_value);
      break;

    case PROP_TRACE_VALUE:
      g_value_set_uint (value, self->trace_value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
scmp_action_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  ScmpAction *self = SCMP_ACTION (object);

  switch (prop_id)
    {
    case PROP_KIND:
      self->kind = g_value_get_enum (value);
      break;

    case PROP_ERRNO_VALUE:
      self->errno_value = g_value_get_uint (value);
      break;

    case PROP_TRAP_VALUE:
      self->trap_value = (guint16) g_value_get_uint (value);
      break;

    case PROP_TRACE_VALUE:
      self->trace_value = (guint16) g_value_get_uint (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
scmp_action_class_init (ScmpActionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = scmp_action_get_property;
  object_class->set_property = scmp_action_set_property;

  /**
   * ScmpAction:kind: (attributes org.gtk.Property.get=scmp_action_get_kind)
   *
   * The kind of action. The default, for an action built with
   * g_object_new() without it, is %SCMP_ACTION_KIND_KILL_PROCESS, the most
   * restrictive one.
   *
   * Since: 0.1
   */
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, "The kind of action",
                       SCMP_TYPE_ACTION_KIND,
                       SCMP_ACTION_KIND_KILL_PROCESS,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                       G_PARAM_STATIC_STRINGS);

  /**
   * ScmpAction:errno-value: (attributes org.gtk.Property.get=scmp_action_get_errno_value)
   *
   * The errno value the system call fails with, for an
   * %SCMP_ACTION_KIND_ERRNO action; unused by the other kinds.
   *
   * 0 to %SCMP_ACTION_ERRNO_MAX: g_object_new() warns about a larger
   * value and leaves the property at 0, as for any value out of a
   * property's range. 0 makes the kernel return 0 without running the
   * call: "pretend it succeeded".
   *
   * Since: 0.1
   */
  properties[PROP_ERRNO_VALUE] =
    g_param_spec_uint ("errno-value", NULL, "The errno value the system call fails with",
                       0, SCMP_ACTION_ERRNO_MAX, 0,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                       G_PARAM_STATIC_STRINGS);

  /**
   * ScmpAction:trap-value: (attributes org.gtk.Property.get=scmp_action_get_trap_value)
   *
   * The 16-bit value delivered in `si_errno` of the SIGSYS signal, for an
   * %SCMP_ACTION_KIND_TRAP action; unused by the other kinds.
   *
   * Since: 0.1
   */
  properties[PROP_TRAP_VALUE] =
    g_param_spec_uint ("trap-value", NULL, "The 16-bit value delivered in si_errno of the SIGSYS signal",
                       0, G_MAXUINT16, 0,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                       G_PARAM_STATIC_STRINGS);

  /**
   * ScmpAction:trace-value: (attributes org.gtk.Property.get=scmp_action_get_trace_value)
   *
   * The 16-bit value a ptrace tracer reads with `PTRACE_GETEVENTMSG`, for
   * an %SCMP_ACTION_KIND_TRACE action; unused by the other kinds.
   *
   * Since: 0.1
   */
  properties[PROP_TRACE_VALUE] =
    g_param_spec_uint ("trace-value", NULL, "The 16-bit value a ptrace tracer reads with PTRACE_GETEVENTMSG",
                       0, G_MAXUINT16, 0,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                       G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
scmp_action_init (ScmpAction *self)
{
  self->kind = SCMP_ACTION_KIND_KILL_PROCESS;
}

/* The one check of an errno value, and its sentence: for
 * scmp_action_new_errno() and scmp_action_validate(). */
static gboolean
check_errno_value (guint    errno_value,
                   GError **error)
{
  if (errno_value > SCMP_ACTION_ERRNO_MAX)
    {
      g_set_error (error, SCMP_ERROR, SCMP_ERROR_INVALID_ARGUMENT,
                   "The errno value %u is out of range: it must be between 0 and %u",
                   errno_value, (guint) SCMP_ACTION_ERRNO_MAX);
      return FALSE;
    }

  return TRUE;
}

ScmpAction *
_scmp_action_new_kind (ScmpActionKind kind,
                       guint          data)
{
  /* A kind without a value property ends the list after "kind". */
  return g_object_new (SCMP_TYPE_ACTION,
                       "kind", kind,
                       _scmp_action_kinds[kind].value_property, data,
                       NULL);
}

/**
 * scmp_action_new_allow: (constructor)
 *
 * Creates an action that allows the system call.
 *
 * Returns: (transfer full): a new #ScmpAction
 *
 * Since: 0.1
 */
ScmpAction *
scmp_action_new_allow (void)
{
  return _scmp_action_new_kind (SCMP_ACTION_KIND_ALLOW, 0);
}

/**
 * scmp_action_new_kill_process: (constructor)
 *
 * Creates an action that kills the whole process, as if by an uncaught
 * SIGSYS (Linux 4.14).
 *
 * Returns: (transfer full): a new #ScmpAction
 *
 * Since: 0.1
 */
ScmpAction *
scmp_action_new_kill_process (void)
{
  return _scmp_action_new_kind (SCMP_ACTION_KIND_KILL_PROCESS, 0);
}

/**
 * scmp_action_new_kill_thread: (constructor)
 *
 * Creates an action that kills the calling thread only.
 *
 * Returns: (transfer full): a new #ScmpAction
 *
 * Since: 0.1
 */
ScmpAction *
scmp_action_new_kill_thread (void)
{
  return _scmp_action_new_kind (SCMP_ACTION_KIND_KILL_THREAD, 0);
}

/**
 * scmp_action_new_trap: (constructor)
 * @trap_value: the value delivered in `si_errno` of the SIGSYS signal
 *
 * Creates an action that sends SIGSYS to the calling thread.
 *
 * Returns: (transfer full): a new #ScmpAction
 *
 * Since: 0.1
 */
ScmpAction *
scmp_action_new_trap (guint16 trap_value)
{
  return _scmp_action_new_kind (SCMP_ACTION_KIND_TRAP, trap_value);
}

/**
 * scmp_action_new_errno: (constructor)
 * @errno_value: the errno value the system call fails with, 0 to
 *   %SCMP_ACTION_ERRNO_MAX (0: the call returns 0 without running)
 * @error: return location for a #GError, or %NULL
 *
 * Creates an action that makes the system call fail with @errno_value
 * without running it.
 *
 * An @errno_value above %SCMP_ACTION_ERRNO_MAX (the kernel's `MAX_ERRNO`)
 * is refused: nothing is created and @error says why. A value known to be
 * in range, such as `EPERM`, can be passed with a %NULL @error.
 *
 * Returns: (transfer full): a new #ScmpAction, or %NULL with @error set
 *   to %SCMP_ERROR_INVALID_ARGUMENT when @errno_value is out of range
 *
 * Since: 0.1
 */
ScmpAction *
scmp_action_new_errno (guint    errno_value,
                       GError **error)
{
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_errno_value (errno_value, error))
    return NULL;

  return _scmp_action_new_kind (SCMP_ACTION_KIND_ERRNO, errno_value);
}

/**
 * scmp_action_new_trace: (constructor)
 * @trace_value: the value a tracer reads with `PTRACE_GETEVENTMSG`
 *
 * Creates an action that stops the thread and notifies its ptrace tracer
 * (`PTRACE_EVENT_SECCOMP`). Without a tracer, the system call fails with
 * `ENOSYS`.
 *
 * Returns: (transfer full): a new #ScmpAction
 *
 * Since: 0.1
 */
ScmpAction *
scmp_action_new_trace (guint16 trace_value)
{
  return _scmp_action_new_kind (SCMP_ACTION_KIND_TRACE, trace_value);
}

/**
 * scmp_action_new_log: (constructor)
 *
 * Creates an action that allows the system call and logs it (Linux 4.14).
 *
 * Returns: (transfer full): a new #ScmpAction
 *
 * Since: 0.1
 */
ScmpAction *
scmp_action_new_log (void)
{
  return _scmp_action_new_kind (SCMP_ACTION_KIND_LOG, 0);
}

/**
 * scmp_action_new_notify: (constructor)
 *
 * Creates an action that suspends the system call and notifies the
 * supervisor holding the filter's listener file descriptor (user
 * notification, Linux 5.0).
 *
 * Returns: (transfer full): a new #ScmpAction
 *
 * Since: 0.1
 */
ScmpAction *
scmp_action_new_notify (void)
{
  return _scmp_action_new_kind (SCMP_ACTION_KIND_NOTIFY, 0);
}

/**
 * scmp_action_new_from_kernel_value: (constructor)
 * @value: a value returned by a seccomp program (`SECCOMP_RET_*`)
 * @error: return location for a #GError, or %NULL
 *
 * Creates the action a seccomp program's return value stands for: the
 * inverse of scmp_action_get_kernel_value().
 *
 * The action is in the high 16 bits of @value and its data in the low 16
 * bits. For actions without a value (allow, log, notify and the kills) the
 * data is ignored, as the kernel ignores it. The errno value must be
 * between 0 and %SCMP_ACTION_ERRNO_MAX, as for scmp_action_new_errno().
 *
 * Returns: (transfer full): a new #ScmpAction, or %NULL with @error set
 *   to %SCMP_ERROR_INVALID_ARGUMENT when the action bits are not a known
 *   action or the errno value is out of range
 *
 * Since: 0.1
 */
ScmpAction *
scmp_action_new_from_kernel_value (guint32   value,
                                   GError  **error)
{
  guint32 action = value & SECCOMP_RET_ACTION_FULL;
  guint16 data = value & SECCOMP_RET_DATA;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  for (guint kind = 0; kind < SCMP_N_ACTION_KINDS; kind++)
    {
      if (_scmp_action_kinds[kind].kernel_value != action)
        continue;

      if (kind == SCMP_ACTION_KIND_ERRNO && data > SCMP_ACTION_ERRNO_MAX)
        {
          g_set_error (error, SCMP_ERROR, SCMP_ERROR_INVALID_ARGUMENT,
                       "The seccomp return value 0x%08x is not a valid action: "
                       "the errno value %u is out of range: it must be between 0 and %u",
                       value, (guint) data, (guint) SCMP_ACTION_ERRNO_MAX);
          return NULL;
        }

      return _scmp_action_new_kind ((ScmpActionKind) kind, data);
    }

  g_set_error (error, SCMP_ERROR, SCMP_ERROR_INVALID_ARGUMENT,
               "The seccomp return value 0x%08x is not a valid action: "
               "0x%08x is not a known action",
               value, action);
  return NULL;
}

/**
 * scmp_action_get_kind: (attributes org.gtk.Method.get_property=kind)
 * @self: an #ScmpAction
 *
 * Gets the kind of action.
 *
 * Returns: the kind of @self
 *
 * Since: 0.1
 */
ScmpActionKind
scmp_action_get_kind (ScmpAction *self)
{
  g_return_val_if_fail (SCMP_IS_ACTION (self), SCMP_ACTION_KIND_KILL_PROCESS);

  return self->kind;
}

/**
 * scmp_action_get_errno_value: (attributes org.gtk.Method.get_property=errno-value)
 * @self: an #ScmpAction
 *
 * Gets the errno value of an %SCMP_ACTION_KIND_ERRNO action.
 *
 * Returns: the errno value; meaningless for other kinds of action
 *
 * Since: 0.1
 */
guint
scmp_action_get_errno_value (ScmpAction *self)
{
  g_return_val_if_fail (SCMP_IS_ACTION (self), 0);

  return self->errno_value;
}

/**
 * scmp_action_get_trap_value: (attributes org.gtk.Method.get_property=trap-value)
 * @self: an #ScmpAction
 *
 * Gets the value of an %SCMP_ACTION_KIND_TRAP action.
 *
 * Returns: the trap value; meaningless for other kinds of action
 *
 * Since: 0.1
 */
guint16
scmp_action_get_trap_value (ScmpAction *self)
{
  g_return_val_if_fail (SCMP_IS_ACTION (self), 0);

  return self->trap_value;
}

/**
 * scmp_action_get_trace_value: (attributes org.gtk.Method.get_property=trace-value)
 * @self: an #ScmpAction
 *
 * Gets the value of an %SCMP_ACTION_KIND_TRACE action.
 *
 * Returns: the trace value; meaningless for other kinds of action
 *
 * Since: 0.1
 */
guint16
scmp_action_get_trace_value (ScmpAction *self)
{
  g_return_val_if_fail (SCMP_IS_ACTION (self), 0);

  return self->trace_value;
}

/* The 16-bit value that goes with the action, 0 for kinds without one. */
static guint
scmp_action_get_data (ScmpAction *self)
{
  switch (self->kind)
    {
    case SCMP_ACTION_KIND_TRAP:
      return self->trap_value;
    case SCMP_ACTION_KIND_ERRNO:
      return self->errno_value;
    case SCMP_ACTION_KIND_TRACE:
      return self->trace_value;
    case SCMP_ACTION_KIND_KILL_PROCESS:
    case SCMP_ACTION_KIND_KILL_THREAD:
    case SCMP_ACTION_KIND_NOTIFY:
    case SCMP_ACTION_KIND_LOG:
    case SCMP_ACTION_KIND_ALLOW:
    default:
      return 0;
    }
}

/**
 * scmp_action_get_kernel_value:
 * @self: an #ScmpAction
 *
 * Gets the value a seccomp program returns for this action: the
 * `SECCOMP_RET_*` action in the high 16 bits and the errno, trap or trace
 * value in the low 16 bits. For example, `errno(1)` is `0x00050001` and
 * `allow` is `0x7fff0000`.
 *
 * Every action's value fits in the low 16 bits, since an errno value
 * above %SCMP_ACTION_ERRNO_MAX cannot be set.
 *
 * Returns: the kernel return value of @self
 *
 * Since: 0.1
 */
guint32
scmp_action_get_kernel_value (ScmpAction *self)
{
  guint32 data;

  g_return_val_if_fail (SCMP_IS_ACTION (self), SECCOMP_RET_KILL_PROCESS);

  g_return_val_if_fail ((guint) self->kind < SCMP_N_ACTION_KINDS, SECCOMP_RET_KILL_PROCESS);

  data = scmp_action_get_data (self) & SECCOMP_RET_DATA;

  return _scmp_action_kinds[self->kind].kernel_value | data;
}

/**
 * scmp_action_validate:
 * @self: an #ScmpAction
 * @error: return location for a #GError, or %NULL
 *
 * Checks that the action can be used in a filter: an
 * %SCMP_ACTION_KIND_ERRNO action needs an errno value between 0 and
 * %SCMP_ACTION_ERRNO_MAX (the kernel's MAX_ERRNO; 0 makes the call return
 * 0 without running it). Every other action is valid.
 *
 * The constructors and the #ScmpAction:errno-value property already refuse
 * an errno value out of range, so every #ScmpAction passes; filters still
 * call this as a defence, and it reports the same error as
 * scmp_action_new_errno().
 *
 * Returns: %TRUE if @self is valid, %FALSE with @error set to
 *   %SCMP_ERROR_INVALID_ARGUMENT otherwise
 *
 * Since: 0.1
 */
gboolean
scmp_action_validate (ScmpAction  *self,
                      GError     **error)
{
  g_return_val_if_fail (SCMP_IS_ACTION (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->kind == SCMP_ACTION_KIND_ERRNO)
    return check_errno_value (self->errno_value, error);

  return TRUE;
}

/**
 * scmp_action_equal:
 * @a: an #ScmpAction
 * @b: another #ScmpAction
 *
 * Compares two actions by value: they are equal when they have the same
 * kind and, for the kinds that have one, the same errno, trap or trace
 * value. Values that do not belong to the kind are not compared.
 *
 * Returns: %TRUE if @a and @b are the same action
 *
 * Since: 0.1
 */
gboolean
scmp_action_equal (ScmpAction *a,
                   ScmpAction *b)
{
  g_return_val_if_fail (SCMP_IS_ACTION (a), FALSE);
  g_return_val_if_fail (SCMP_IS_ACTION (b), FALSE);

  if (a == b)
    return TRUE;

  return a->kind == b->kind &&
         scmp_action_get_data (a) == scmp_action_get_data (b);
}

/**
 * scmp_action_to_string:
 * @self: an #ScmpAction
 *
 * Formats the action in its canonical string form, one of `allow`,
 * `kill-process`, `kill-thread`, `trap(N)`, `errno(N)`, `trace(N)`, `log`
 * and `notify`, with N in decimal (`errno(1)`, never `errno(EPERM)`).
 * scmp_action_new_from_string() parses it back.
 *
 * Returns: (transfer full): a new string; free it with g_free()
 *
 * Since: 0.1
 */
char *
scmp_action_to_string (ScmpAction *self)
{
  g_return_val_if_fail (SCMP_IS_ACTION (self), NULL);
  g_return_val_if_fail ((guint) self->kind < SCMP_N_ACTION_KINDS, NULL);

  if (_scmp_action_kinds[self->kind].value_property == NULL)
    return g_strdup (_scmp_action_kinds[self->kind].name);

  return g_strdup_printf ("%s(%u)", _scmp_action_kinds[self->kind].name,
                          scmp_action_get_data (self));
}
