/* scmp-oci.c: reading OCI and Docker seccomp profiles
 *
 * SPDX-FileCopyrightText: 2026 The scmp-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "scmp-oci.h"
#include "scmp-oci-private.h"

#include "scmp-arch-private.h"
#include "scmp-enums.h"
#include "scmp-error.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/utsname.h>
#include <unistd.h>

/**
 * SECTION:scmp-oci
 * @title: ScmpOciProfile
 * @short_description: OCI and Docker seccomp profiles
 *
 * #ScmpOciProfile reads the seccomp profiles of container runtimes: the
 * `linux.seccomp` object of the OCI runtime specification that runc and
 * crun consume, and Docker's (moby's) profile format around it, with
 * `archMap`, `includes` and `excludes`. The result is an ordinary
 * #ScmpFilter (scmp_oci_profile_get_filter()).
 *
 * A Docker profile depends on the container it is for. Like Docker, the
 * profile is resolved for a set of granted capabilities
 * (#ScmpOciProfile:capabilities, none by default), a host architecture
 * (#ScmpOciProfile:architecture, the native one by default, which picks
 * the `archMap` entry and matches `includes`/`excludes` `arches`) and a
 * kernel version (#ScmpOciProfile:kernel-version, the running kernel by
 * default, for `minKernel`). Set them before loading.
 *
 * The rules mean what runc, through libseccomp, makes of them:
 *
 * - a rule whose action is the default action is left out;
 * - the `args` of an entry must all hold (AND), except when two of them
 *   test the same argument: then each is a rule of its own (OR), as runc
 *   does;
 * - for a syscall with a rule without `args`, the first such rule decides
 *   every call, and the syscall's other rules are left out;
 * - `SCMP_CMP_MASKED_EQ` takes the mask in `value` and the value to
 *   compare with in `valueTwo`;
 * - `SCMP_ACT_ERRNO` and `SCMP_ACT_TRACE` without `errnoRet` use EPERM;
 * - conditional rules of one syscall with different actions are taken in
 *   the file's order (the first whose conditions hold decides), where
 *   libseccomp uses an order of its own: the profile gets a warning.
 *
 * As an extension, a name may be a named syscall set such as
 * `@network-io` (see scmp_syscall_set_list()), which stands for its
 * members; runc would skip it as an unknown syscall.
 *
 * Unlike runc, arguments are compared as the kernel reads them (an `int`
 * argument is 32 bits wide), and the bad-architecture action is the
 * filter's default, kill-process.
 *
 * A syscall name the tables do not know is skipped with a warning
 * (scmp_oci_profile_get_warnings()), as runc does: Docker's profile names
 * calls that older tables lack. With %SCMP_OCI_PROFILE_FLAGS_STRICT_SYSCALLS
 * it is an error. Fields the format does not have are warnings too (or
 * errors, with %SCMP_OCI_PROFILE_FLAGS_STRICT_FIELDS), except `comment`.
 *
 * A profile that cannot be read — not JSON, a wrong type, an unknown
 * action, operator, architecture or flag, an argument index above 5, a
 * number that does not fit, nesting deeper than 64, a file over 16 MiB —
 * is a #GError of %SCMP_ERROR_INVALID_POLICY whose message names the file,
 * the line and column or the JSON path (`syscalls[3].args[0].op`), and
 * what is wrong. A failed load leaves the profile as it was: no
 * half-built filter is ever returned.
 *
 * `listenerPath` and `listenerMetadata` belong to the runtime, which
 * sends the listener to an agent: they are kept for the caller
 * (scmp_oci_profile_get_listener_path()).
 *
 * scmp_filter_export_oci() writes a filter back as an OCI profile, and
 * says what the format cannot express.
 *
 * Since: 0.1
 */

struct _ScmpOciProfile
{
  GObject parent_instance;

  /* What the profile is resolved for */
  char              **capabilities;     /* (owned) */
  ScmpArchitecture    arch;
  char               *kernel_version;   /* (owned) (nullable): the running kernel */
  ScmpOciProfileFlags flags;

  /* What was read */
  ScmpFilter         *filter;           /* (owned) (nullable) */
  char              **warnings;         /* (owned) */
  char               *listener_path;    /* (owned) (nullable) */
  char               *listener_metadata;/* (owned) (nullable) */
};

G_DEFINE_FINAL_TYPE (ScmpOciProfile, scmp_oci_profile, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CAPABILITIES,
  PROP_ARCHITECTURE,
  PROP_KERNEL_VERSION,
  PROP_FLAGS,
  PROP_FILTER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ------------------------------------------------------------------ */
/* The names the format uses                                           */
/* ------------------------------------------------------------------ */

const ScmpOciName _scmp_oci_actions[] = {
  { "SCMP_ACT_KILL_PROCESS", SCMP_ACTION_KIND_KILL_PROCESS },
  { "SCMP_ACT_KILL_THREAD",  SCMP_ACTION_KIND_KILL_THREAD },
  { "SCMP_ACT_KILL",         SCMP_ACTION_KIND_KILL_THREAD },
  { "SCMP_ACT_TRAP",         SCMP_ACTION_KIND_TRAP },
  { "SCMP_ACT_ERRNO",        SCMP_ACTION_KIND_ERRNO },
  { "SCMP_ACT_NOTIFY",       SCMP_ACTION_KIND_NOTIFY },
  { "SCMP_ACT_TRACE",        SCMP_ACTION_KIND_TRACE },
  { "SCMP_ACT_LOG",          SCMP_ACTION_KIND_LOG },
  { "SCMP_ACT_ALLOW",        SCMP_ACTION_KIND_ALLOW },
  { NULL, 0 }
};

const ScmpOciName _scmp_oci_ops[] = {
  { "SCMP_CMP_NE",        SCMP_COMPARE_OP_NE },
  { "SCMP_CMP_LT",        SCMP_COMPARE_OP_LT },
  { "SCMP_CMP_LE",        SCMP_COMPARE_OP_LE },
  { "SCMP_CMP_EQ",        SCMP_COMPARE_OP_EQ },
  { "SCMP_CMP_GE",        SCMP_COMPARE_OP_GE },
  { "SCMP_CMP_GT",        SCMP_COMPARE_OP_GT },
  { "SCMP_CMP_MASKED_EQ", SCMP_COMPARE_OP_MASKED_EQ },
  { NULL, 0 }
};

const ScmpOciName _scmp_oci_flags[] = {
  { "SECCOMP_FILTER_FLAG_TSYNC",              SCMP_OCI_FLAG_TSYNC },
  { "SECCOMP_FILTER_FLAG_LOG",                SCMP_OCI_FLAG_LOG },
  { "SECCOMP_FILTER_FLAG_SPEC_ALLOW",         SCMP_OCI_FLAG_SPEC_ALLOW },
  { "SECCOMP_FILTER_FLAG_WAIT_KILLABLE_RECV", SCMP_OCI_FLAG_WAIT_KILLABLE },
  { "SECCOMP_FILTER_FLAG_NEW_LISTENER",       SCMP_OCI_FLAG_NEW_LISTENER },
  { NULL, 0 }
};

gboolean
_scmp_oci_lookup (const ScmpOciName *names,
                  const char        *text,
                  int               *value)
{
  for (; names->name != NULL; names++)
    if (g_strcmp0 (names->name, text) == 0)
      {
        *value = names->value;
        return TRUE;
      }
  return FALSE;
}

const char *
_scmp_oci_name_of (const ScmpOciName *names,
                   int                value)
{
  for (; names->name != NULL; names++)
    if (names->value == value)
      return names->name;
  return NULL;
}


/* ------------------------------------------------------------------ */
/* The object                                                          */
/* ------------------------------------------------------------------ */

static void
scmp_oci_profile_finalize (GObject *object)
{
  ScmpOciProfile *self = SCMP_OCI_PROFILE (object);

  g_strfreev (self->capabilities);
  g_free (self->kernel_version);
  g_clear_object (&self->filter);
  g_strfreev (self->warnings);
  g_free (self->listener_path);
  g_free (self->listener_metadata);

  G_OBJECT_CLASS (scmp_oci_profile_parent_class)->finalize (object);
}

static void
scmp_oci_profile_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  ScmpOciProfile *self = SCMP_OCI_PROFILE (object);

  switch (prop_id)
    {
    case PROP_CAPABILITIES:
      g_value_set_boxed (value, self->capabilities);
      break;
    case PROP_ARCHITECTURE:
      g_value_set_enum (value, self->arch);
      break;
    case PROP_KERNEL_VERSION:
      g_value_set_string (value, self->kernel_version);
      break;
    case PROP_FLAGS:
      g_value_set_flags (value, self->flags);
      break;
    case PROP_FILTER:
      g_value_set_object (value, self->filter);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
scmp_oci_profile_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  ScmpOciProfile *self = SCMP_OCI_PROFILE (object);
  g_autoptr(GError) error = NULL;

  switch (prop_id)
    {
    case PROP_CAPABILITIES:
      scmp_oci_profile_set_capabilities (self, g_value_get_boxed (value));
      break;
    case PROP_ARCHITECTURE:
      if (!scmp_oci_profile_set_architecture (self, g_value_get_enum (value), &error))
        g_critical ("ScmpOciProfile:architecture: %s", error->message);
      break;
    case PROP_KERNEL_VERSION:
      if (!scmp_oci_profile_set_kernel_version (self, g_value_get_string (value), &error))
        g_critical ("ScmpOciProfile:kernel-version: %s", error->message);
      break;
    case PROP_FLAGS:
      scmp_oci_profile_set_flags (self, g_value_get_flags (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
scmp_oci_profile_class_init (ScmpOciProfileClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = scmp_oci_profile_finalize;
  object_class->get_property = scmp_oci_profile_get_property;
  object_class->set_property = scmp_oci_profile_set_property;

  /**
   * ScmpOciProfile:capabilities: (attributes org.gtk.Property.get=scmp_oci_profile_get_capabilities org.gtk.Property.set=scmp_oci_profile_set_capabilities)
   *
   * The capabilities the container is granted (its bounding set), such
   * as `CAP_SYS_ADMIN`, for the `caps` of `includes` and `excludes`.
   * None by default.
   *
   * Since: 0.1
   */
  properties[PROP_CAPABILITIES] =
    g_param_spec_boxed ("capabilities", NULL, "The capabilities the container is granted (its bounding set)", G_TYPE_STRV,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * ScmpOciProfile:architecture: (attributes org.gtk.Property.get=scmp_oci_profile_get_architecture org.gtk.Property.set=scmp_oci_profile_set_architecture)
   *
   * The host architecture the profile is read for: the ABI of the
   * filter, the `archMap` entry that adds the others, and what the
   * `arches` of `includes` and `excludes` are matched with (Docker's
   * names: `amd64`, `x86`, `arm64`, `arm`, `ppc64le`, `s390x`, `riscv64`,
   * `loongarch64`, `mipsel64`, …). The native one by default.
   *
   * Since: 0.1
   */
  properties[PROP_ARCHITECTURE] =
    g_param_spec_enum ("architecture", NULL, "The host architecture the profile is read for", SCMP_TYPE_ARCHITECTURE,
                       SCMP_ARCHITECTURE_NATIVE,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * ScmpOciProfile:kernel-version: (attributes org.gtk.Property.get=scmp_oci_profile_get_kernel_version org.gtk.Property.set=scmp_oci_profile_set_kernel_version)
   *
   * The kernel release the profile is read for (`minKernel`), such as
   * "6.1"; %NULL, the default, for the running kernel.
   *
   * Since: 0.1
   */
  properties[PROP_KERNEL_VERSION] =
    g_param_spec_string ("kernel-version", NULL, "The kernel release the profile is read for (minKernel), such as \"6.1\"", NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * ScmpOciProfile:flags: (attributes org.gtk.Property.get=scmp_oci_profile_get_flags org.gtk.Property.set=scmp_oci_profile_set_flags)
   *
   * How strictly profiles are read.
   *
   * Since: 0.1
   */
  properties[PROP_FLAGS] =
    g_param_spec_flags ("flags", NULL, "How strictly profiles are read", SCMP_TYPE_OCI_PROFILE_FLAGS,
                        SCMP_OCI_PROFILE_FLAGS_NONE,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * ScmpOciProfile:filter: (attributes org.gtk.Property.get=scmp_oci_profile_get_filter)
   *
   * The filter of the profile last loaded, %NULL before.
   *
   * Since: 0.1
   */
  properties[PROP_FILTER] =
    g_param_spec_object ("filter", NULL, "The filter of the profile last loaded, NULL before", SCMP_TYPE_FILTER,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
scmp_oci_profile_init (ScmpOciProfile *self)
{
  self->capabilities = g_new0 (char *, 1);
  self->arch = scmp_architecture_get_native ();
  self->warnings = g_new0 (char *, 1);
}

/**
 * scmp_oci_profile_new:
 *
 * Creates a profile reader for the native architecture, the running
 * kernel and no capabilities.
 *
 * Returns: (transfer full): a new #ScmpOciProfile
 *
 * Since: 0.1
 */
ScmpOciProfile *
scmp_oci_profile_new (void)
{
  return g_object_new (SCMP_TYPE_OCI_PROFILE, NULL);
}

/**
 * scmp_oci_profile_get_capabilities:
 * @self: a #ScmpOciProfile
 *
 * Gets #ScmpOciProfile:capabilities.
 *
 * Returns: (transfer none) (array zero-terminated=1): the capabilities
 *   the profile is read for
 *
 * Since: 0.1
 */
const char * const *
scmp_oci_profile_get_capabilities (ScmpOciProfile *self)
{
  g_return_val_if_fail (SCMP_IS_OCI_PROFILE (self), NULL);

  return (const char * const *) self->capabilities;
}

/**
 * scmp_oci_profile_set_capabilities:
 * @self: a #ScmpOciProfile
 * @capabilities: (nullable) (array zero-terminated=1): the granted
 *   capabilities, such as "CAP_SYS_ADMIN"; %NULL for none
 *
 * Sets #ScmpOciProfile:capabilities, for the next load.
 *
 * Since: 0.1
 */
void
scmp_oci_profile_set_capabilities (ScmpOciProfile     *self,
                                   const char * const *capabilities)
{
  g_return_if_fail (SCMP_IS_OCI_PROFILE (self));

  g_strfreev (self->capabilities);
  self->capabilities = capabilities ? g_strdupv ((char **) capabilities) : g_new0 (char *, 1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAPABILITIES]);
}

/**
 * scmp_oci_profile_get_architecture:
 * @self: a #ScmpOciProfile
 *
 * Gets #ScmpOciProfile:architecture.
 *
 * Returns: the host architecture the profile is read for
 *
 * Since: 0.1
 */
ScmpArchitecture
scmp_oci_profile_get_architecture (ScmpOciProfile *self)
{
  g_return_val_if_fail (SCMP_IS_OCI_PROFILE (self), SCMP_ARCHITECTURE_UNKNOWN);

  return self->arch;
}

/**
 * scmp_oci_profile_set_architecture:
 * @self: a #ScmpOciProfile
 * @arch: the host architecture, or %SCMP_ARCHITECTURE_NATIVE
 * @error: return location for a #GError
 *
 * Sets #ScmpOciProfile:architecture, for the next load.
 *
 * Returns: %TRUE, or %FALSE with %SCMP_ERROR_INVALID_ARCHITECTURE for a
 *   value that is no architecture
 *
 * Since: 0.1
 */
gboolean
scmp_oci_profile_set_architecture (ScmpOciProfile    *self,
                                   ScmpArchitecture   arch,
                                   GError           **error)
{
  g_return_val_if_fail (SCMP_IS_OCI_PROFILE (self), FALSE);

  if (arch == SCMP_ARCHITECTURE_NATIVE)
    arch = scmp_architecture_get_native ();
  if (scmp_architecture_to_name (arch) == NULL || arch == SCMP_ARCHITECTURE_UNKNOWN)
    {
      g_set_error (error, SCMP_ERROR, SCMP_ERROR_INVALID_ARCHITECTURE,
                   "%d is not an architecture", (int) arch);
      return FALSE;
    }
  if (self->arch != arch)
    {
      self->arch = arch;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ARCHITECTURE]);
    }
  return TRUE;
}

/**
 * scmp_oci_profile_get_kernel_version:
 * @self: a #ScmpOciProfile
 *
 * Gets #ScmpOciProfile:kernel-version.
 *
 * Returns: (nullable): the kernel version the profile is read for, or
 *   %NULL for the running kernel
 *
 * Since: 0.1
 */
const char *
scmp_oci_profile_get_kernel_version (ScmpOciProfile *self)
{
  g_return_val_if_fail (SCMP_IS_OCI_PROFILE (self), NULL);

  return self->kernel_version;
}

/**
 * scmp_oci_profile_set_kernel_version:
 * @self: a #ScmpOciProfile
 * @version: (nullable): a kernel release such as "6.1" or "6.12.3", or
 *   %NULL for the running kernel
 * @error: return location for a #GError
 *
 * Sets #ScmpOciProfile:kernel-version, for the next load.
 *
 * Returns: %TRUE, or %FALSE with %SCMP_ERROR_INVALID_ARGUMENT when
 *   @version is no kernel release
 *
 * Since: 0.1
 */
gboolean
scmp_oci_profile_set_kernel_version (ScmpOciProfile  *self,
                                     const char      *version,
                                     GError         **error)
{
  g_return_val_if_fail (SCMP_IS_OCI_PROFILE (self), FALSE);

  if (version != NULL && _scmp_kernel_version_parse (version) == 0)
    {
      g_set_error (error, SCMP_ERROR, SCMP_ERROR_INVALID_ARGUMENT,
                   "“%s” is not a kernel release such as 6.1 or 6.12.3", version);
      return FALSE;
    }
  if (g_strcmp0 (self->kernel_version, version) != 0)
    {
      g_free (self->kernel_version);
      self->kernel_version = g_strdup (version);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KERNEL_VERSION]);
    }
  return TRUE;
}

/**
 * scmp_oci_profile_get_flags:
 * @self: a #ScmpOciProfile
 *
 * Gets #ScmpOciProfile:flags.
 *
 * Returns: how strictly profiles are read
 *
 * Since: 0.1
 */
ScmpOciProfileFlags
scmp_oci_profile_get_flags (ScmpOciProfile *self)
{
  g_return_val_if_fail (SCMP_IS_OCI_PROFILE (self), SCMP_OCI_PROFILE_FLAGS_NONE);

  return self->flags;
}

/**
 * scmp_oci_profile_set_flags:
 * @self: a #ScmpOciProfile
 * @flags: how strictly to read profiles
 *
 * Sets #ScmpOciProfile:flags, for the next load.
 *
 * Since: 0.1
 */
void
scmp_oci_profile_set_flags (ScmpOciProfile      *self,
                            ScmpOciProfileFlags  flags)
{
  g_return_if_fail (SCMP_IS_OCI_PROFILE (self));

  if (self->flags != flags)
    {
      self->flags = flags;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FLAGS]);
    }
}

static guint
running_kernel (void)
{
  struct utsname u;

  return uname (&u) == 0 ? _scmp_kernel_version_parse (u.release) : 0;
}

static gboolean
load_text (ScmpOciProfile  *self,
           const char      *where,
           const char      *text,
           gsize            length,
           GError         **error)
{
  ScmpOciReadOptions options = {
    .flags = self->flags,
    .host = self->arch,
    .kernel = self->kernel_version ? _scmp_kernel_version_parse (self->kernel_version)
                                   : running_kernel (),
    .capabilities = (const char * const *) self->capabilities,
  };
  ScmpOciReadResult result = { 0 };

  if (!_scmp_oci_read (where, text, length, &options, &result, error))
    return FALSE;

  g_strfreev (self->warnings);
  self->warnings = result.warnings;
  g_free (self->listener_path);
  self->listener_path = result.listener_path;
  g_free (self->listener_metadata);
  self->listener_metadata = result.listener_metadata;
  g_clear_object (&self->filter);
  self->filter = result.filter;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILTER]);
  return TRUE;
}

/**
 * scmp_oci_profile_load_from_data:
 * @self: a #ScmpOciProfile
 * @data: (array length=length) (element-type guint8): the profile's JSON
 * @length: the length of @data, or -1 if it is nul-terminated
 * @error: return location for a #GError
 *
 * Reads a profile from memory; see scmp_oci_profile_load_from_file().
 * Messages name the place as "profile data".
 *
 * Returns: %TRUE if the profile was read, %FALSE with @error set (and
 *   @self unchanged) otherwise
 *
 * Since: 0.1
 */
gboolean
scmp_oci_profile_load_from_data (ScmpOciProfile  *self,
                                 const char      *data,
                                 gssize           length,
                                 GError         **error)
{
  g_return_val_if_fail (SCMP_IS_OCI_PROFILE (self), FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return load_text (self, "profile data", data ? data : "",
                    length < 0 ? strlen (data) : (gsize) length, error);
}

/**
 * scmp_oci_profile_load_from_file:
 * @self: a #ScmpOciProfile
 * @path: (type filename): the profile's file
 * @error: return location for a #GError
 *
 * Reads an OCI or Docker seccomp profile, resolved for
 * #ScmpOciProfile:capabilities, #ScmpOciProfile:architecture and
 * #ScmpOciProfile:kernel-version, into a new filter
 * (scmp_oci_profile_get_filter()), and replaces the warnings, the
 * listener path and metadata of the previous load.
 *
 * Returns: %TRUE if the profile was read, %FALSE with @error set (and
 *   @self unchanged) otherwise: %SCMP_ERROR_INVALID_POLICY for a profile
 *   that is malformed, a #GFileError for a file that cannot be read, and
 *   the filter's own errors (an argument value the kernel's type cannot
 *   hold, for example), each prefixed with the file and the place in it
 *
 * Since: 0.1
 */
gboolean
scmp_oci_profile_load_from_file (ScmpOciProfile  *self,
                                 const char      *path,
                                 GError         **error)
{
  g_autofree char *text = NULL;
  g_autofree char *display = NULL;
  struct stat st;
  gsize length = 0;
  int fd;
  gboolean ok;

  g_return_val_if_fail (SCMP_IS_OCI_PROFILE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  display = g_filename_display_name (path);
  fd = open (path, O_RDONLY | O_CLOEXEC | O_NOCTTY);
  if (fd < 0)
    {
      int saved = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   "%s: %s", display, g_strerror (saved));
      return FALSE;
    }
  /* The size is checked on the open file, before anything is read. */
  if (fstat (fd, &st) == 0 && S_ISREG (st.st_mode) && st.st_size > SCMP_OCI_MAX_SIZE)
    {
      close (fd);
      g_set_error (error, SCMP_ERROR, SCMP_ERROR_INVALID_POLICY,
                   "%s: the profile is %" G_GINT64_FORMAT " bytes long; profiles over %u MiB "
                   "are refused", display, (gint64) st.st_size, SCMP_OCI_MAX_SIZE / (1024 * 1024));
      return FALSE;
    }
  text = g_malloc (SCMP_OCI_MAX_SIZE + 1);
  for (;;)
    {
      gssize n = read (fd, text + length, SCMP_OCI_MAX_SIZE + 1 - length);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved = errno;

          close (fd);
          g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                       "%s: %s", display, g_strerror (saved));
          return FALSE;
        }
      if (n == 0 || (length += n) > SCMP_OCI_MAX_SIZE)
        break;
    }
  close (fd);
  ok = load_text (self, display, text, length, error);
  return ok;
}

/**
 * scmp_oci_profile_get_filter:
 * @self: a #ScmpOciProfile
 *
 * Gets #ScmpOciProfile:filter.
 *
 * Returns: (transfer none) (nullable): the filter of the profile last
 *   loaded, or %NULL before the first load. The filter is the caller's
 *   to change; the next load replaces it with a new one.
 *
 * Since: 0.1
 */
ScmpFilter *
scmp_oci_profile_get_filter (ScmpOciProfile *self)
{
  g_return_val_if_fail (SCMP_IS_OCI_PROFILE (self), NULL);

  return self->filter;
}

/**
 * scmp_oci_profile_get_warnings:
 * @self: a #ScmpOciProfile
 *
 * What the last load skipped or read differently from libseccomp:
 * unknown syscall names, fields the format does not have, an `errnoRet`
 * an action does not use, conditional rules whose order matters. Each is
 * a sentence starting with the file and the place in it.
 *
 * Returns: (transfer none) (array zero-terminated=1): the warnings,
 *   empty when there are none
 *
 * Since: 0.1
 */
const char * const *
scmp_oci_profile_get_warnings (ScmpOciProfile *self)
{
  g_return_val_if_fail (SCMP_IS_OCI_PROFILE (self), NULL);

  return (const char * const *) self->warnings;
}

/**
 * scmp_oci_profile_get_listener_path:
 * @self: a #ScmpOciProfile
 *
 * The `listenerPath` of the profile last loaded: the UNIX socket a
 * runtime sends the user-notification listener to. The library does not
 * use it; see #ScmpNotifier for answering notifications.
 *
 * Returns: (nullable): the path, or %NULL
 *
 * Since: 0.1
 */
const char *
scmp_oci_profile_get_listener_path (ScmpOciProfile *self)
{
  g_return_val_if_fail (SCMP_IS_OCI_PROFILE (self), NULL);

  return self->listener_path;
}

/**
 * scmp_oci_profile_get_listener_metadata:
 * @self: a #ScmpOciProfile
 *
 * The `listenerMetadata` of the profile last loaded: opaque data a
 * runtime sends along with the listener.
 *
 * Returns: (nullable): the metadata, or %NULL
 *
 * Since: 0.1
 */
const char *
scmp_oci_profile_get_listener_metadata (ScmpOciProfile *self)
{
  g_return_val_if_fail (SCMP_IS_OCI_PROFILE (self), NULL);

  return self->listener_metadata;
}
