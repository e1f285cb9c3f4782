/* scmp-filter-program.c: compiling, exporting and evaluating an ScmpFilter
 *
 * SPDX-FileCopyrightText: 2026 The scmp-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "scmp-filter.h"
#include "scmp-filter-private.h"

#include "scmp-arch-private.h"
#include "scmp-bpf-private.h"
#include "scmp-error.h"
#include "scmp-error-private.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>

/* ------------------------------------------------------------------ */
/* Compiling and output                                                */
/* ------------------------------------------------------------------ */

void
_scmp_filter_get_compile_input (ScmpFilter       *self,
                                ScmpCompileInput *input)
{
  input->rules = self->rules;
  input->arches = (const ScmpArchitecture *) (void *) self->arches->data;
  input->n_arches = self->arches->len;
  input->default_action = self->default_action;
  input->bad_arch_action = self->bad_arch_action;
  input->unknown_action = self->unknown_action;
  input->known_kernel = self->known_kernel;
  input->allow_tracer_skip = self->allow_tracer_skip;
  input->priorities = self->priorities;
}

/* Readers may call this from several threads at once: the first one
 * compiles, under the lock, and the others wait for its program. */
const ScmpProgram *
_scmp_filter_get_program (ScmpFilter  *self,
                          GError     **error)
{
  ScmpProgram *program = g_atomic_pointer_get (&self->program);

  if (program != NULL)
    return program;

  g_mutex_lock (&self->program_lock);
  program = g_atomic_pointer_get (&self->program);
  if (program == NULL)
    {
      ScmpCompileInput input;

      _scmp_filter_get_compile_input (self, &input);
      program = _scmp_compiler_compile (&input, SCMP_COMPILE_FAST, error);
      g_atomic_pointer_set (&self->program, program);
    }
  g_mutex_unlock (&self->program_lock);
  return program;
}

/**
 * scmp_filter_export_bpf:
 * @self: a #ScmpFilter
 * @error: return location for a #GError
 *
 * Compiles the filter into an array of `struct sock_filter`, in the byte
 * order of its architectures, ready for `seccomp(2)` on that machine.
 *
 * Fails with %SCMP_ERROR_TOO_LARGE when the program would exceed 4096
 * instructions and %SCMP_ERROR_INVALID_ARCHITECTURE when the filter has no
 * architecture.
 *
 * Returns: (transfer full): the program, or %NULL with @error set
 *
 * Since: 0.1
 */
GBytes *
scmp_filter_export_bpf (ScmpFilter  *self,
                        GError     **error)
{
  const ScmpProgram *program;

  g_return_val_if_fail (SCMP_IS_FILTER (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  program = _scmp_filter_get_program (self, error);
  if (program == NULL)
    return NULL;
  return _scmp_bpf_serialize (program->insns, program->n_insns, program->big_endian);
}

/**
 * scmp_filter_write_bpf_to_fd:
 * @self: a #ScmpFilter
 * @fd: a file descriptor open for writing; not closed
 * @error: return location for a #GError
 *
 * Writes the program of scmp_filter_export_bpf() to @fd.
 *
 * Returns: %TRUE on success, %FALSE with @error set otherwise
 *
 * Since: 0.1
 */
gboolean
scmp_filter_write_bpf_to_fd (ScmpFilter  *self,
                             int          fd,
                             GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  const guint8 *data;
  gsize len;

  g_return_val_if_fail (SCMP_IS_FILTER (self), FALSE);
  g_return_val_if_fail (fd >= 0, FALSE);

  bytes = scmp_filter_export_bpf (self, error);
  if (bytes == NULL)
    return FALSE;

  data = g_bytes_get_data (bytes, &len);
  while (len > 0)
    {
      ssize_t n = write (fd, data, len);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          _scmp_set_error_from_errno (error, SCMP_ERROR_FAILED, errno,
                                      "Could not write the filter");
          return FALSE;
        }
      data += n;
      len -= n;
    }
  return TRUE;
}

/**
 * scmp_filter_write_bpf_to_stream:
 * @self: a #ScmpFilter
 * @stream: a #GOutputStream
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Writes the program of scmp_filter_export_bpf() to @stream.
 *
 * Returns: %TRUE on success, %FALSE with @error set otherwise
 *
 * Since: 0.1
 */
gboolean
scmp_filter_write_bpf_to_stream (ScmpFilter     *self,
                                 GOutputStream  *stream,
                                 GCancellable   *cancellable,
                                 GError        **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (SCMP_IS_FILTER (self), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);

  bytes = scmp_filter_export_bpf (self, error);
  if (bytes == NULL)
    return FALSE;
  return g_output_stream_write_all (stream, g_bytes_get_data (bytes, NULL),
                                    g_bytes_get_size (bytes), NULL,
                                    cancellable, error);
}

/**
 * scmp_filter_export_bpf_memfd:
 * @self: a #ScmpFilter
 * @error: return location for a #GError
 *
 * Writes the program into a sealed memfd, positioned at its start, as
 * `bwrap --seccomp FD` reads it. The fd is close-on-exec: hand it to the
 * child with g_subprocess_launcher_take_fd() or similar.
 *
 * Returns: a file descriptor owned by the caller, or -1 with @error set
 *
 * Since: 0.1
 */
int
scmp_filter_export_bpf_memfd (ScmpFilter  *self,
                              GError     **error)
{
  int fd;

  g_return_val_if_fail (SCMP_IS_FILTER (self), -1);
  g_return_val_if_fail (error == NULL || *error == NULL, -1);

  fd = memfd_create ("scmp-glib-filter", MFD_CLOEXEC | MFD_ALLOW_SEALING);
  if (fd < 0)
    {
      _scmp_set_error_from_errno (error, SCMP_ERROR_FAILED, errno,
                                  "Could not create a memfd for the filter");
      return -1;
    }

  if (!scmp_filter_write_bpf_to_fd (self, fd, error))
    {
      close (fd);
      return -1;
    }

  if (fcntl (fd, F_ADD_SEALS, F_SEAL_SHRINK | F_SEAL_GROW | F_SEAL_WRITE | F_SEAL_SEAL) < 0 ||
      lseek (fd, 0, SEEK_SET) < 0)
    {
      int errsv = errno;

      close (fd);
      _scmp_set_error_from_errno (error, SCMP_ERROR_FAILED, errsv,
                                  "Could not seal the filter's memfd");
      return -1;
    }
  return fd;
}

/**
 * scmp_filter_export_pfc:
 * @self: a #ScmpFilter
 * @error: return location for a #GError
 *
 * Describes what the filter decides, per architecture and syscall, as
 * readable pseudo code (the "pseudo filter code" of libseccomp, in
 * scmp-glib's own notation).
 *
 * Returns: (transfer full): the text, or %NULL with @error set
 *
 * Since: 0.1
 */
char *
scmp_filter_export_pfc (ScmpFilter  *self,
                        GError     **error)
{
  ScmpCompileInput input;

  g_return_val_if_fail (SCMP_IS_FILTER (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  _scmp_filter_get_compile_input (self, &input);
  return _scmp_compiler_pfc (&input, error);
}

/**
 * scmp_filter_evaluate:
 * @self: a #ScmpFilter
 * @arch: the architecture the call is made on
 * @nr: the syscall number on @arch, as in `seccomp_data.nr` (with the x32
 *   bit or the MIPS base, as scmp_syscall_resolve_name() returns it)
 * @args: (array length=n_args) (nullable): the arguments; missing ones are 0
 * @n_args: the number of arguments, at most 6 (more is
 *   %SCMP_ERROR_INVALID_ARGUMENT)
 * @error: return location for a #GError
 *
 * Runs the compiled program in scmp-glib's own BPF interpreter and tells
 * what the kernel would do with this call. Calls on an architecture that
 * is not in the filter get the bad-arch action, as they would in the
 * kernel.
 *
 * Returns: (transfer full): the action, or %NULL with @error set
 *
 * Since: 0.1
 */
ScmpAction *
scmp_filter_evaluate (ScmpFilter        *self,
                      ScmpArchitecture   arch,
                      int                nr,
                      const guint64     *args,
                      gsize              n_args,
                      GError           **error)
{
  guint32 ret;

  g_return_val_if_fail (SCMP_IS_FILTER (self), NULL);
  g_return_val_if_fail (args != NULL || n_args == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!_scmp_filter_run (self, arch, nr, args, n_args, &ret, error))
    return NULL;
  return scmp_action_new_from_kernel_value (ret, error);
}

gboolean
_scmp_filter_run (ScmpFilter        *self,
                  ScmpArchitecture   arch,
                  int                nr,
                  const guint64     *args,
                  gsize              n_args,
                  guint32           *ret,
                  GError           **error)
{
  const ScmpArchInfo *info;
  const ScmpProgram *program;
  ScmpBpfData data = { 0 };
  ScmpBpfResult result;

  /* Bindings pass whatever list they are given: say so, do not crash. */
  if (n_args > SCMP_CONDITION_MAX_ARG + 1)
    {
      g_set_error (error, SCMP_ERROR, SCMP_ERROR_INVALID_ARGUMENT,
                   "A system call has at most %d arguments, not %" G_GSIZE_FORMAT,
                   SCMP_CONDITION_MAX_ARG + 1, n_args);
      return FALSE;
    }

  info = _scmp_arch_get_info (arch);
  if (info == NULL)
    {
      g_set_error (error, SCMP_ERROR, SCMP_ERROR_INVALID_ARCHITECTURE,
                   "Unknown architecture (%d)", (int) arch);
      return FALSE;
    }

  program = _scmp_filter_get_program (self, error);
  if (program == NULL)
    return FALSE;

  data.nr = nr;
  data.arch = info->audit_arch;
  for (gsize i = 0; i < n_args; i++)
    data.args[i] = args[i];

  result = _scmp_bpf_run (program->insns, program->n_insns, &data, program->big_endian);
  if (result.error)
    {
      g_set_error (error, SCMP_ERROR, SCMP_ERROR_FAILED,
                   "The compiled program is invalid (a bug in scmp-glib)");
      return FALSE;
    }
  *ret = result.ret;
  return TRUE;
}

/**
 * scmp_filter_evaluate_syscall:
 * @self: a #ScmpFilter
 * @arch: the architecture the call is made on
 * @syscall: the syscall name
 * @args: (array length=n_args) (nullable): the arguments; missing ones are 0
 * @n_args: the number of arguments, at most 6
 * @error: return location for a #GError
 *
 * Like scmp_filter_evaluate(), with the syscall given by name. Fails with
 * %SCMP_ERROR_INVALID_SYSCALL when @arch has no direct syscall of that name.
 *
 * Returns: (transfer full): the action, or %NULL with @error set
 *
 * Since: 0.1
 */
ScmpAction *
scmp_filter_evaluate_syscall (ScmpFilter        *self,
                              ScmpArchitecture   arch,
                              const char        *syscall,
                              const guint64     *args,
                              gsize              n_args,
                              GError           **error)
{
  int nr;

  g_return_val_if_fail (SCMP_IS_FILTER (self), NULL);
  g_return_val_if_fail (syscall != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!_scmp_filter_resolve_syscall (arch, syscall, &nr, error))
    return NULL;
  return scmp_filter_evaluate (self, arch, nr, args, n_args, error);
}

gboolean
_scmp_filter_resolve_syscall (ScmpArchitecture   arch,
                              const char        *syscall,
                              int               *nr,
                              GError           **error)
{
  *nr = scmp_syscall_resolve_name (arch, syscall);
  if (*nr < 0)
    {
      const char *arch_name = scmp_architecture_to_name (arch);

      g_set_error (error, SCMP_ERROR, SCMP_ERROR_INVALID_SYSCALL,
                   "The architecture %s has no syscall “%s”",
                   arch_name != NULL ? arch_name : "(unknown)", syscall);
      return FALSE;
    }
  return TRUE;
}
