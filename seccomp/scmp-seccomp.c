/* scmp-seccomp.c: libseccomp's C API over scmp-glib
 *
 * SPDX-FileCopyrightText: 2026 The scmp-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * A scmp_filter_ctx keeps libseccomp's model: for each architecture in the
 * filter when a rule is added, and for each syscall, either one
 * argument-free rule or a set of argument chains. Nothing is compiled
 * until an export or a load, which translates that model into an ordered
 * ScmpFilter (see _scmp_seccomp_build_filter ()) and lets scmp-glib
 * compile it. docs/seccomp-compat.md describes the model.
 */

#include "scmp-seccomp-private.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "scmp-seccomp-pseudo.h"

/* libseccomp refuses errno values from MAX_ERRNO (4095) up. */
#define COMPAT_ERRNO_LIMIT 4095

/* The API level seccomp_api_set() forced, 0 while none was. */
static unsigned int api_level_forced;

/* The user-notification listener of the last load that asked for one. As
 * in libseccomp it belongs to the process, not to a context: the kernel
 * gives one per filter chain, seccomp_notify_fd() returns it for any
 * context, and seccomp_reset (NULL, …) closes it. */
static int compat_notify_fd = -1;

/* ------------------------------------------------------------------ */
/* Tokens, names and numbers                                           */
/* ------------------------------------------------------------------ */

/* libseccomp's token for x32 is not the kernel's audit value. */
static ScmpArchitecture
arch_from_token (uint32_t token)
{
  if (token == SCMP_ARCH_NATIVE)
    return scmp_architecture_get_native ();
  if (token == SCMP_ARCH_X32)
    return SCMP_ARCHITECTURE_X32;
  if (token == SCMP_ARCH_X86_64)
    return SCMP_ARCHITECTURE_X86_64;
  return scmp_architecture_from_audit_arch (token);
}

static uint32_t
arch_to_token (ScmpArchitecture arch)
{
  if (arch == SCMP_ARCHITECTURE_X32)
    return SCMP_ARCH_X32;
  return scmp_architecture_get_audit_arch (arch);
}

static const char *
pseudo_name (int nr)
{
  for (gsize i = 0; i < G_N_ELEMENTS (_scmp_seccomp_pseudo); i++)
    if (_scmp_seccomp_pseudo[i].nr == nr)
      return _scmp_seccomp_pseudo[i].name;
  return NULL;
}

static int
pseudo_number (const char *name)
{
  for (gsize i = 0; i < G_N_ELEMENTS (_scmp_seccomp_pseudo); i++)
    if (strcmp (_scmp_seccomp_pseudo[i].name, name) == 0)
      return _scmp_seccomp_pseudo[i].nr;
  return __NR_SCMP_ERROR;
}

/* libseccomp's number for a name on an ABI: on ABIs with socketcall/ipc,
 * the calls those multiplex have their pseudo-number even where a direct
 * syscall exists too (a rule on them covers both paths); a name the ABI
 * lacks has its pseudo-number. */
static int
compat_resolve_name (ScmpArchitecture  arch,
                     const char       *name)
{
  int nr;

  if (scmp_syscall_get_multiplexer (arch, name, NULL, NULL) != SCMP_MULTIPLEXER_NONE)
    {
      nr = pseudo_number (name);
      if (nr != __NR_SCMP_ERROR)
        return nr;
    }
  nr = scmp_syscall_resolve_name (arch, name);
  if (nr >= 0)
    return nr;
  return pseudo_number (name);
}

static const char *
compat_resolve_number (ScmpArchitecture arch,
                       int              nr)
{
  const char *name = nr < 0 ? pseudo_name (nr) : scmp_syscall_resolve_number (arch, nr);

  if (name == NULL || compat_resolve_name (arch, name) != nr)
    return NULL;
  return name;
}

/* Whether a rule on @name means anything on @arch: a direct syscall or a
 * multiplexer sub-call. */
static gboolean
syscall_on_arch (ScmpArchitecture  arch,
                 const char       *name)
{
  return scmp_syscall_resolve_name (arch, name) >= 0 ||
         scmp_syscall_get_multiplexer (arch, name, NULL, NULL) != SCMP_MULTIPLEXER_NONE;
}

/* ------------------------------------------------------------------ */
/* Actions                                                             */
/* ------------------------------------------------------------------ */

/* NULL if libseccomp would refuse @value. Whether the running kernel has
 * the action is left to seccomp_load(): a filter may be exported for
 * another machine (and probing fails under valgrind). */
static ScmpAction *
action_new (uint32_t value)
{
  g_autoptr(ScmpAction) action = scmp_action_new_from_kernel_value (value, NULL);

  if (action == NULL)
    return NULL;
  if (scmp_action_get_kind (action) == SCMP_ACTION_KIND_ERRNO &&
      scmp_action_get_errno_value (action) >= COMPAT_ERRNO_LIMIT)
    return NULL;
  return g_steal_pointer (&action);
}

static unsigned int api_level (void);

/* A well-formed action the API level (the kernel's, or seccomp_api_set()'s)
 * has: LOG and KILL_PROCESS came with level 3, NOTIFY with 5. With a
 * context, also libseccomp's check that the kernel can take NOTIFY with
 * TSYNC (level 6, TSYNC_ESRCH). */
static gboolean
action_valid (ScmpCompatCtx *ctx,
              uint32_t       value)
{
  g_autoptr(ScmpAction) action = action_new (value);
  unsigned int level;

  if (action == NULL)
    return FALSE;
  level = api_level ();
  switch (scmp_action_get_kind (action))
    {
    case SCMP_ACTION_KIND_LOG:
    case SCMP_ACTION_KIND_KILL_PROCESS:
      return level >= 3;
    case SCMP_ACTION_KIND_NOTIFY:
      return level >= 5 && (ctx == NULL || !ctx->tsync || level >= 6);
    default:
      return TRUE;
    }
}

/* ------------------------------------------------------------------ */
/* The context                                                         */
/* ------------------------------------------------------------------ */

static void
compat_syscall_free (gpointer data)
{
  ScmpCompatSyscall *sys = data;

  g_free (sys->name);
  g_array_unref (sys->chains);
  g_free (sys);
}

static ScmpCompatArch *
compat_arch_new (ScmpArchitecture arch)
{
  ScmpCompatArch *a = g_new0 (ScmpCompatArch, 1);

  a->arch = arch;
  a->syscalls = g_ptr_array_new_with_free_func (compat_syscall_free);
  a->by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  return a;
}

static void
compat_arch_free (gpointer data)
{
  ScmpCompatArch *a = data;

  g_hash_table_unref (a->by_key);
  g_ptr_array_unref (a->syscalls);
  g_free (a);
}

static ScmpCompatArch *
ctx_find_arch (ScmpCompatCtx    *ctx,
               ScmpArchitecture  arch)
{
  for (guint i = 0; i < ctx->arches->len; i++)
    {
      ScmpCompatArch *a = g_ptr_array_index (ctx->arches, i);

      if (a->arch == arch)
        return a;
    }
  return NULL;
}

static ScmpCompatArch *
compat_arch_copy (const ScmpCompatArch *src)
{
  ScmpCompatArch *a = compat_arch_new (src->arch);

  for (guint i = 0; i < src->syscalls->len; i++)
    {
      const ScmpCompatSyscall *s = g_ptr_array_index (src->syscalls, i);
      ScmpCompatSyscall *copy = g_new0 (ScmpCompatSyscall, 1);

      *copy = *s;
      copy->name = g_strdup (s->name);
      copy->chains = g_array_copy (s->chains);
      g_ptr_array_add (a->syscalls, copy);
      g_hash_table_insert (a->by_key,
                           s->name != NULL ? g_strdup (s->name) : g_strdup_printf ("#%d", s->nr),
                           copy);
    }
  return a;
}

static void ctx_state_free (ScmpCompatCtx *state);

/* A deep copy of everything a transaction can roll back. */
static ScmpCompatCtx *
ctx_state_copy (const ScmpCompatCtx *src)
{
  ScmpCompatCtx *copy = g_new0 (ScmpCompatCtx, 1);
  GHashTableIter iter;
  gpointer key, value;

  *copy = *src;
  copy->transactions = NULL;
  copy->prepared = NULL;
  copy->arches = g_ptr_array_new_with_free_func (compat_arch_free);
  for (guint i = 0; i < src->arches->len; i++)
    g_ptr_array_add (copy->arches, compat_arch_copy (g_ptr_array_index (src->arches, i)));
  copy->priorities = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_hash_table_iter_init (&iter, src->priorities);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (copy->priorities, g_strdup (key), value);
  return copy;
}

static void
ctx_state_free (ScmpCompatCtx *state)
{
  g_clear_pointer (&state->arches, g_ptr_array_unref);
  g_clear_pointer (&state->priorities, g_hash_table_unref);
  g_clear_pointer (&state->transactions, g_ptr_array_unref);
  g_clear_object (&state->prepared);
  g_free (state);
}

/* Every change drops the precomputed program. */
static void
ctx_changed (ScmpCompatCtx *ctx)
{
  g_clear_object (&ctx->prepared);
}

/* libseccomp's defaults: only the native ABI, NO_NEW_PRIVS on, a bad
 * architecture kills the thread. */
static void
ctx_init (ScmpCompatCtx *ctx,
          uint32_t       def_action)
{
  ctx->def_action = def_action;
  ctx->badarch_action = SCMP_ACT_KILL_THREAD;
  ctx->nnp = TRUE;
  ctx->tsync = FALSE;
  ctx->tskip = FALSE;
  ctx->log = FALSE;
  ctx->ssb = FALSE;
  ctx->optimize = 1;
  ctx->sysrawrc = FALSE;
  ctx->waitkill = FALSE;
  ctx->skip_allowed = FALSE;
  ctx->notify_used = FALSE;
  g_clear_pointer (&ctx->arches, g_ptr_array_unref);
  g_clear_pointer (&ctx->priorities, g_hash_table_unref);
  g_clear_pointer (&ctx->transactions, g_ptr_array_unref);
  ctx_changed (ctx);
  ctx->transactions = g_ptr_array_new_with_free_func ((GDestroyNotify) ctx_state_free);
  ctx->arches = g_ptr_array_new_with_free_func (compat_arch_free);
  g_ptr_array_add (ctx->arches, compat_arch_new (scmp_architecture_get_native ()));
  ctx->priorities = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

scmp_filter_ctx
seccomp_init (uint32_t def_action)
{
  ScmpCompatCtx *ctx;

  if (!action_valid (NULL, def_action))
    return NULL;
  ctx = g_new0 (ScmpCompatCtx, 1);
  ctx_init (ctx, def_action);
  return ctx;
}

int
seccomp_reset (scmp_filter_ctx ctx,
               uint32_t        def_action)
{
  /* a NULL context resets the library's own state: the forced API level
   * and the listener */
  if (ctx == NULL)
    {
      api_level_forced = 0;
      if (compat_notify_fd >= 0)
        close (compat_notify_fd);
      compat_notify_fd = -1;
      return 0;
    }
  if (!action_valid (NULL, def_action))
    return -EINVAL;
  ctx_init (ctx, def_action);
  return 0;
}

void
seccomp_release (scmp_filter_ctx ctx)
{
  ScmpCompatCtx *c = ctx;

  if (c == NULL)
    return;
  ctx_state_free (c);
}

/* ------------------------------------------------------------------ */
/* Library level                                                       */
/* ------------------------------------------------------------------ */

const struct scmp_version *
seccomp_version (void)
{
  static const struct scmp_version version = { SCMP_VER_MAJOR, SCMP_VER_MINOR, SCMP_VER_MICRO };

  return &version;
}

/* The levels as libseccomp 2.6 numbers them: 2 TSYNC, 3 LOG and
 * KILL_PROCESS, 4 SPEC_ALLOW, 5 NOTIFY, 6 TSYNC with NOTIFY (TSYNC_ESRCH),
 * 7 WAIT_KILLABLE_RECV. */
static unsigned int
api_level_detect (void)
{
  ScmpLoadFlags flags;

  if (!scmp_kernel_has_seccomp ())
    return 1;
  flags = scmp_kernel_get_supported_flags ();
  if (!(flags & SCMP_LOAD_FLAGS_TSYNC))
    return 1;
  if (!(flags & SCMP_LOAD_FLAGS_LOG) ||
      !scmp_kernel_supports_action (SCMP_ACTION_KIND_LOG) ||
      !scmp_kernel_supports_action (SCMP_ACTION_KIND_KILL_PROCESS))
    return 2;
  if (!(flags & SCMP_LOAD_FLAGS_SPEC_ALLOW))
    return 3;
  if (!(flags & SCMP_LOAD_FLAGS_NEW_LISTENER) ||
      !scmp_kernel_supports_action (SCMP_ACTION_KIND_NOTIFY))
    return 4;
  if (!(flags & SCMP_LOAD_FLAGS_TSYNC_ESRCH))
    return 5;
  if (!(flags & SCMP_LOAD_FLAGS_WAIT_KILLABLE_RECV))
    return 6;
  return 7;
}

static unsigned int
api_level (void)
{
  if (api_level_forced != 0)
    return api_level_forced;
  return api_level_detect ();
}

unsigned int
seccomp_api_get (void)
{
  return api_level ();
}

int
seccomp_api_set (unsigned int level)
{
  if (level < 1 || level > 7)
    return -EINVAL;
  api_level_forced = level;
  return 0;
}

/* ------------------------------------------------------------------ */
/* Architectures                                                       */
/* ------------------------------------------------------------------ */

uint32_t
seccomp_arch_resolve_name (const char *arch_name)
{
  ScmpArchitecture arch;

  if (arch_name == NULL)
    return 0;
  arch = scmp_architecture_from_name (arch_name);
  if (arch == SCMP_ARCHITECTURE_UNKNOWN || arch == SCMP_ARCHITECTURE_NATIVE)
    return 0;
  return arch_to_token (arch);
}

uint32_t
seccomp_arch_native (void)
{
  return arch_to_token (scmp_architecture_get_native ());
}

int
seccomp_arch_exist (const scmp_filter_ctx ctx,
                    uint32_t              arch_token)
{
  ScmpArchitecture arch = arch_from_token (arch_token);

  if (ctx == NULL || arch == SCMP_ARCHITECTURE_UNKNOWN)
    return -EINVAL;
  return ctx_find_arch (ctx, arch) != NULL ? 0 : -EEXIST;
}

int
seccomp_arch_add (scmp_filter_ctx ctx,
                  uint32_t        arch_token)
{
  ScmpCompatCtx *c = ctx;
  ScmpArchitecture arch = arch_from_token (arch_token);

  if (c == NULL || arch == SCMP_ARCHITECTURE_UNKNOWN)
    return -EINVAL;
  if (ctx_find_arch (c, arch) != NULL)
    return -EEXIST;
  /* one program serves every ABI of a filter, so they share a byte order */
  if (c->arches->len > 0)
    {
      ScmpCompatArch *first = g_ptr_array_index (c->arches, 0);

      if (scmp_architecture_is_big_endian (first->arch) != scmp_architecture_is_big_endian (arch))
        return -EDOM;
    }
  g_ptr_array_add (c->arches, compat_arch_new (arch));
  ctx_changed (c);
  return 0;
}

int
seccomp_arch_remove (scmp_filter_ctx ctx,
                     uint32_t        arch_token)
{
  ScmpCompatCtx *c = ctx;
  ScmpArchitecture arch = arch_from_token (arch_token);
  ScmpCompatArch *a;

  if (c == NULL || arch == SCMP_ARCHITECTURE_UNKNOWN)
    return -EINVAL;
  a = ctx_find_arch (c, arch);
  if (a == NULL)
    return -EEXIST;
  g_ptr_array_remove (c->arches, a);
  ctx_changed (c);
  return 0;
}

/* ------------------------------------------------------------------ */
/* Attributes                                                          */
/* ------------------------------------------------------------------ */

int
seccomp_attr_get (const scmp_filter_ctx  ctx,
                  enum scmp_filter_attr  attr,
                  uint32_t              *value)
{
  ScmpCompatCtx *c = ctx;

  if (c == NULL || value == NULL)
    return -EINVAL;
  switch (attr)
    {
    case SCMP_FLTATR_ACT_DEFAULT:
      *value = c->def_action;
      return 0;
    case SCMP_FLTATR_ACT_BADARCH:
      *value = c->badarch_action;
      return 0;
    case SCMP_FLTATR_CTL_NNP:
      *value = c->nnp;
      return 0;
    case SCMP_FLTATR_CTL_TSYNC:
      *value = c->tsync;
      return 0;
    case SCMP_FLTATR_API_TSKIP:
      *value = c->tskip;
      return 0;
    case SCMP_FLTATR_CTL_LOG:
      *value = c->log;
      return 0;
    case SCMP_FLTATR_CTL_SSB:
      *value = c->ssb;
      return 0;
    case SCMP_FLTATR_CTL_OPTIMIZE:
      *value = c->optimize;
      return 0;
    case SCMP_FLTATR_API_SYSRAWRC:
      *value = c->sysrawrc;
      return 0;
    case SCMP_FLTATR_CTL_WAITKILL:
      *value = c->waitkill;
      return 0;
    case _SCMP_FLTATR_MIN:
    case _SCMP_FLTATR_MAX:
    default:
      return -EINVAL;
    }
}

int
seccomp_attr_set (scmp_filter_ctx       ctx,
                  enum scmp_filter_attr attr,
                  uint32_t              value)
{
  ScmpCompatCtx *c = ctx;

  if (c == NULL)
    return -EINVAL;
  ctx_changed (c);
  switch (attr)
    {
    case SCMP_FLTATR_ACT_DEFAULT:
      /* fixed by seccomp_init() and seccomp_reset() */
      return -EACCES;
    case SCMP_FLTATR_ACT_BADARCH:
      if (!action_valid (c, value))
        return -EINVAL;
      c->badarch_action = value;
      return 0;
    case SCMP_FLTATR_CTL_NNP:
      c->nnp = value != 0;
      return 0;
    case SCMP_FLTATR_CTL_TSYNC:
      /* the kernel flags: -EOPNOTSUPP, even to turn them off, where the
       * API level (the kernel's, or seccomp_api_set()'s) lacks them */
      if (api_level () < 2)
        return -EOPNOTSUPP;
      /* the kernel takes TSYNC with a listener only with TSYNC_ESRCH */
      if (value != 0 && c->notify_used && api_level () < 6)
        return -EINVAL;
      c->tsync = value != 0;
      return 0;
    case SCMP_FLTATR_API_TSKIP:
      c->tskip = value != 0;
      return 0;
    case SCMP_FLTATR_CTL_LOG:
      if (api_level () < 3)
        return -EOPNOTSUPP;
      c->log = value != 0;
      return 0;
    case SCMP_FLTATR_CTL_SSB:
      if (api_level () < 4)
        return -EOPNOTSUPP;
      c->ssb = value != 0;
      return 0;
    case SCMP_FLTATR_CTL_OPTIMIZE:
      /* scmp-glib always builds its range tree: both levels give it */
      if (value != 1 && value != 2)
        return -EOPNOTSUPP;
      c->optimize = value;
      return 0;
    case SCMP_FLTATR_API_SYSRAWRC:
      c->sysrawrc = value != 0;
      return 0;
    case SCMP_FLTATR_CTL_WAITKILL:
      c->waitkill = value != 0;
      return 0;
    case _SCMP_FLTATR_MIN:
    case _SCMP_FLTATR_MAX:
    default:
      return -EINVAL;
    }
}

/* ------------------------------------------------------------------ */
/* Syscall resolution                                                  */
/* ------------------------------------------------------------------ */

char *
seccomp_syscall_resolve_num_arch (uint32_t arch_token,
                                  int      num)
{
  ScmpArchitecture arch = arch_from_token (arch_token);
  const char *name;

  if (arch == SCMP_ARCHITECTURE_UNKNOWN)
    return NULL;
  name = compat_resolve_number (arch, num);
  return name != NULL ? strdup (name) : NULL;
}

int
seccomp_syscall_resolve_name_arch (uint32_t    arch_token,
                                   const char *name)
{
  ScmpArchitecture arch = arch_from_token (arch_token);

  if (arch == SCMP_ARCHITECTURE_UNKNOWN || name == NULL)
    return __NR_SCMP_ERROR;
  return compat_resolve_name (arch, name);
}

int
seccomp_syscall_resolve_name_rewrite (uint32_t    arch_token,
                                      const char *name)
{
  ScmpArchitecture arch = arch_from_token (arch_token);
  ScmpMultiplexer mux;
  int mux_nr = -1;
  int nr;

  if (arch == SCMP_ARCHITECTURE_UNKNOWN || name == NULL)
    return __NR_SCMP_ERROR;
  nr = compat_resolve_name (arch, name);
  if (nr >= 0)
    return nr;
  /* a multiplexed call becomes its multiplexer */
  mux = scmp_syscall_get_multiplexer (arch, name, &mux_nr, NULL);
  if (mux != SCMP_MULTIPLEXER_NONE && mux_nr >= 0)
    return mux_nr;
  return nr;
}

int
seccomp_syscall_resolve_name (const char *name)
{
  return seccomp_syscall_resolve_name_arch (SCMP_ARCH_NATIVE, name);
}

/* The name a rule's syscall number stands for: numbers are the native
 * ABI's, negative ones libseccomp's pseudo-numbers. */
static const char *
rule_syscall_name (int syscall)
{
  if (syscall < 0)
    return pseudo_name (syscall);
  return scmp_syscall_resolve_number (scmp_architecture_get_native (), syscall);
}

int
seccomp_syscall_priority (scmp_filter_ctx ctx,
                          int             syscall,
                          uint8_t         priority)
{
  ScmpCompatCtx *c = ctx;
  const char *name;

  if (c == NULL)
    return -EINVAL;
  name = rule_syscall_name (syscall);
  if (name == NULL)
    return -EFAULT;
  g_hash_table_insert (c->priorities, g_strdup (name), GUINT_TO_POINTER (priority + 1u));
  ctx_changed (c);
  return 0;
}

/* ------------------------------------------------------------------ */
/* Rules                                                               */
/* ------------------------------------------------------------------ */

static gboolean
condition_from_arg_cmp (const struct scmp_arg_cmp *cmp,
                        ScmpCondition             *cond)
{
  static const ScmpCompareOp ops[] = {
    [SCMP_CMP_NE] = SCMP_COMPARE_OP_NE,
    [SCMP_CMP_LT] = SCMP_COMPARE_OP_LT,
    [SCMP_CMP_LE] = SCMP_COMPARE_OP_LE,
    [SCMP_CMP_EQ] = SCMP_COMPARE_OP_EQ,
    [SCMP_CMP_GE] = SCMP_COMPARE_OP_GE,
    [SCMP_CMP_GT] = SCMP_COMPARE_OP_GT,
    [SCMP_CMP_MASKED_EQ] = SCMP_COMPARE_OP_MASKED_EQ,
  };

  if (cmp->arg > 5 || cmp->op <= _SCMP_CMP_MIN || cmp->op >= _SCMP_CMP_MAX)
    return FALSE;
  memset (cond, 0, sizeof *cond);
  cond->arg = cmp->arg;
  cond->op = ops[cmp->op];
  if (cmp->op == SCMP_CMP_MASKED_EQ)
    {
      /* libseccomp compares with the masked datum (seccomp_rule_add(3)):
       * bits of datum_b outside the mask do not count */
      cond->mask = cmp->datum_a;
      cond->datum = cmp->datum_b & cmp->datum_a;
    }
  else
    cond->datum = cmp->datum_a;
  return TRUE;
}

static gboolean
chain_equal (const ScmpCompatChain *a,
             const ScmpCompatChain *b)
{
  if (a->n_conds != b->n_conds)
    return FALSE;
  for (guint i = 0; i < a->n_conds; i++)
    if (!scmp_condition_equal (&a->conds[i], &b->conds[i]))
      return FALSE;
  return TRUE;
}

static char *
syscall_key (const char *name,
             int         nr)
{
  return name != NULL ? g_strdup (name) : g_strdup_printf ("#%d", nr);
}

static ScmpCompatSyscall *
arch_lookup_syscall (ScmpCompatArch *a,
                     const char     *name,
                     int             nr)
{
  g_autofree char *key = syscall_key (name, nr);

  return g_hash_table_lookup (a->by_key, key);
}

static ScmpCompatSyscall *
arch_ensure_syscall (ScmpCompatArch *a,
                     const char     *name,
                     int             nr)
{
  ScmpCompatSyscall *sys = arch_lookup_syscall (a, name, nr);

  if (sys != NULL)
    return sys;
  sys = g_new0 (ScmpCompatSyscall, 1);
  sys->name = g_strdup (name);
  sys->nr = nr;
  sys->chains = g_array_new (FALSE, FALSE, sizeof (ScmpCompatChain));
  g_ptr_array_add (a->syscalls, sys);
  g_hash_table_insert (a->by_key, syscall_key (name, nr), sys);
  return sys;
}

/* libseccomp's merge: 0 when the rule is taken or made redundant,
 * -EEXIST when it contradicts an identical chain. With @apply FALSE it
 * only checks. */
static int
syscall_merge (ScmpCompatSyscall     *sys,
               const ScmpCompatChain *chain,
               gboolean               apply)
{
  if (sys != NULL && sys->has_plain)
    return 0;                   /* the argument-free rule already decides */

  if (chain->n_conds == 0)
    {
      if (apply)
        {
          sys->has_plain = TRUE;
          sys->plain_action = chain->action;
          sys->plain_exact = chain->exact;
          g_array_set_size (sys->chains, 0);
        }
      return 0;
    }

  if (sys != NULL)
    for (guint i = 0; i < sys->chains->len; i++)
      {
        const ScmpCompatChain *old = &g_array_index (sys->chains, ScmpCompatChain, i);

        if (chain_equal (old, chain))
          return old->action == chain->action ? 0 : -EEXIST;
      }
  if (apply)
    g_array_append_vals (sys->chains, chain, 1);
  return 0;
}

/* Whether @v is a @bits-bit value zero- or sign-extended to 64 bits:
 * what scmp-glib takes as a datum or mask for such an argument. */
static gboolean
value_fits (guint64 v,
            guint   bits)
{
  return bits >= 64 || (v >> bits) == 0 || (v >> (bits - 1)) == (G_MAXUINT64 >> (bits - 1));
}

static gboolean
condition_fits (ScmpArchitecture     arch,
                const char          *name,
                const ScmpCondition *c)
{
  guint bits = scmp_syscall_get_argument_width (arch, name, c->arg, NULL);

  return value_fits (c->datum, bits) &&
         (c->op != SCMP_COMPARE_OP_MASKED_EQ || value_fits (c->mask, bits));
}

/* @chain as libseccomp keeps it on @arch, in @out: on a 32-bit ABI it
 * keeps the low 32 bits of data and masks, and it keeps no test for a
 * masked compare whose mask is 0 (always true), so a chain of only such
 * compares is an argument-free rule there. The merge compares this form.
 * Where the kernel reads 64 bits on a 32-bit ABI (x32's and MIPS n32's
 * long and off_t), scmp-glib keeps all 64: comparing only the low half,
 * as libseccomp does there, would let the upper half through. */
static void
chain_for_arch (ScmpArchitecture       arch,
                const char            *name,
                const ScmpCompatChain *chain,
                ScmpCompatChain       *out)
{
  gboolean word32 = scmp_architecture_get_word_size (arch) < 64;

  *out = *chain;
  out->n_conds = 0;
  for (guint i = 0; i < chain->n_conds; i++)
    {
      ScmpCondition c = chain->written[i];

      if (word32 && scmp_syscall_get_argument_width (arch, name, c.arg, NULL) <= 32)
        {
          c.datum &= G_MAXUINT32;
          c.mask &= G_MAXUINT32;
        }
      if (c.op == SCMP_COMPARE_OP_MASKED_EQ && c.mask == 0)
        continue;
      out->written[out->n_conds] = chain->written[i];
      out->conds[out->n_conds++] = c;
    }
}

/* What one condition becomes for scmp-glib: alternatives (ORed), each of
 * at most two conditions (ANDed). No alternative: it never holds; one
 * alternative without conditions: it always holds. */
typedef struct {
  guint          n_alts;
  guint          n_conds[2];
  ScmpCondition  conds[2][2];
} Reduction;

static void
reduction_add (Reduction          *red,
               ScmpCompareOp       op,
               ScmpCondition       base,
               guint64             datum,
               guint64             mask)
{
  ScmpCondition *c = &red->conds[red->n_alts - 1][red->n_conds[red->n_alts - 1]++];

  *c = base;
  c->op = op;
  c->datum = datum;
  c->mask = op == SCMP_COMPARE_OP_MASKED_EQ ? mask : 0;
}

static void
reduction_alt (Reduction *red)
{
  red->n_conds[red->n_alts++] = 0;
}

/* libseccomp's `u < d` on a 32-bit register u holding a signed 32-bit
 * value k (u = k mod 2^32), in terms of k; @negate for `u >= d`. */
static void
reduce_unsigned_below (Reduction     *red,
                       ScmpCondition  base,
                       guint64        d,
                       gboolean       negate)
{
  const guint64 half = G_GUINT64_CONSTANT (0x80000000);
  guint64 neg = d > half ? (guint64) (gint64) (gint32) (guint32) d : 0;   /* d - 2^32 */

  if (d == 0 || d > G_MAXUINT32)
    {
      /* u < 0 never holds, u < 2^32 always */
      if ((d == 0) == negate)
        reduction_alt (red);
      return;
    }
  reduction_alt (red);
  if (!negate && d <= half)
    {
      /* 0 <= k < d */
      reduction_add (red, SCMP_COMPARE_OP_GE, base, 0, 0);
      if (d < half)
        reduction_add (red, SCMP_COMPARE_OP_LT, base, d, 0);
    }
  else if (!negate)
    {
      /* k >= 0, or k < d - 2^32 */
      reduction_add (red, SCMP_COMPARE_OP_GE, base, 0, 0);
      reduction_alt (red);
      reduction_add (red, SCMP_COMPARE_OP_LT, base, neg, 0);
    }
  else if (d <= half)
    {
      /* k < 0, or k >= d */
      reduction_add (red, SCMP_COMPARE_OP_LT, base, 0, 0);
      if (d < half)
        {
          reduction_alt (red);
          reduction_add (red, SCMP_COMPARE_OP_GE, base, d, 0);
        }
    }
  else
    {
      /* d - 2^32 <= k < 0 */
      reduction_add (red, SCMP_COMPARE_OP_LT, base, 0, 0);
      reduction_add (red, SCMP_COMPARE_OP_GE, base, neg, 0);
    }
}

/* scmp-glib compares the value the kernel reads (a b-bit type) and takes
 * only data and masks that type can hold. A written condition it can
 * hold is taken as written (so, as everywhere in scmp-glib, orderings on
 * signed types are signed). One it cannot hold gives libseccomp's answer
 * (@lsc, its form on @arch, chain_for_arch()) for the registers a C
 * library passes for each value the kernel can read: the value zero-
 * extended (unsigned types) or sign-extended (signed ones) to the ABI's
 * word. That answer depends on the value's low b bits and, for a signed
 * type, its sign, so scmp-glib can express it. */
static void
condition_on_arch (ScmpArchitecture     arch,
                   const char          *name,
                   const ScmpCondition *written,
                   const ScmpCondition *lsc,
                   Reduction           *red)
{
  gboolean is_signed = FALSE;
  guint bits = scmp_syscall_get_argument_width (arch, name, lsc->arg, &is_signed);
  guint word = scmp_architecture_get_word_size (arch);
  guint64 word_mask = word >= 64 ? G_MAXUINT64 : G_MAXUINT32;
  guint64 datum = lsc->datum, mask = lsc->op == SCMP_COMPARE_OP_MASKED_EQ ? lsc->mask : 0;
  guint64 lo, sign, m_hi, d_hi;
  ScmpCondition base = *lsc;

  memset (red, 0, sizeof *red);
  if (condition_fits (arch, name, written))
    {
      reduction_alt (red);
      red->conds[0][red->n_conds[0]++] = *written;
      return;
    }

  if (bits >= word)
    {
      /* a 32-bit type on a 32-bit ABI: libseccomp's low 32 bits fit; its
       * orderings are unsigned on the register, which a signed type's
       * compare in scmp-glib is not */
      gboolean below = lsc->op == SCMP_COMPARE_OP_LT || lsc->op == SCMP_COMPARE_OP_LE;
      gboolean ordering = below || lsc->op == SCMP_COMPARE_OP_GT || lsc->op == SCMP_COMPARE_OP_GE;
      gboolean inclusive = lsc->op == SCMP_COMPARE_OP_LE || lsc->op == SCMP_COMPARE_OP_GT;

      g_assert (bits == 32 && word == 32);
      if (!ordering || !is_signed)
        {
          reduction_alt (red);
          red->conds[0][red->n_conds[0]++] = *lsc;
          return;
        }
      /* u <= d is u < d + 1; u > d is u >= d + 1 */
      reduce_unsigned_below (red, base, datum + (inclusive ? 1 : 0), !below);
      return;
    }

  /* bits < word: the value's upper bits in the register are 0, or (a
   * negative signed value) all 1 */
  lo = (G_GUINT64_CONSTANT (1) << bits) - 1;
  sign = G_GUINT64_CONSTANT (1) << (bits - 1);
  if (value_fits (datum, bits) && value_fits (mask, bits))
    {
      /* what libseccomp kept (its 32 bits) fits: a umode_t on a 32-bit
       * ABI (the tables have no narrower signed type) */
      reduction_alt (red);
      reduction_add (red, lsc->op, base, datum, mask);
      return;
    }

  switch (lsc->op)
    {
    case SCMP_COMPARE_OP_EQ:
      /* no extended value equals a datum the type cannot hold */
      return;
    case SCMP_COMPARE_OP_NE:
      reduction_alt (red);
      return;
    case SCMP_COMPARE_OP_LT:
    case SCMP_COMPARE_OP_LE:
    case SCMP_COMPARE_OP_GT:
    case SCMP_COMPARE_OP_GE:
      {
        /* the datum lies above every zero-extended value and below every
         * sign-extended negative one */
        gboolean below = lsc->op == SCMP_COMPARE_OP_LT || lsc->op == SCMP_COMPARE_OP_LE;

        if (!is_signed)
          {
            if (below)
              reduction_alt (red);
            return;
          }
        reduction_alt (red);
        reduction_add (red, below ? SCMP_COMPARE_OP_GE : SCMP_COMPARE_OP_LT, base, 0, 0);
        return;
      }
    case SCMP_COMPARE_OP_MASKED_EQ:
      break;
    default:
      g_assert_not_reached ();
    }

  m_hi = mask & word_mask & ~lo;
  d_hi = datum & word_mask & ~lo;
  mask &= lo;
  datum &= lo;
  if (!is_signed || m_hi == 0)
    {
      if (d_hi == 0)
        {
          reduction_alt (red);
          reduction_add (red, SCMP_COMPARE_OP_MASKED_EQ, base, datum, mask);
        }
      return;
    }
  if (d_hi == 0)
    {
      /* only non-negative values can match */
      if ((datum & sign) != 0)
        return;
    }
  else if (d_hi == m_hi)
    {
      /* only negative values can match */
      if (((mask & sign) != 0) != ((datum & sign) != 0))
        return;             /* the sign bit asked for the other way, or not at all */
      datum |= sign;
    }
  else
    return;
  reduction_alt (red);
  reduction_add (red, SCMP_COMPARE_OP_MASKED_EQ, base, datum, mask | sign);
}

/* The chain's rules for scmp-glib on @arch (condition_on_arch() for each
 * condition, the alternatives multiplied out): none when it can never
 * match there. Each is sorted, so that equal ones compare equal. */
typedef struct {
  guint          n_conds;
  ScmpCondition  conds[2 * SCMP_COMPAT_MAX_ARGS];
} Conjunction;

static gint
condition_compare (gconstpointer a,
                   gconstpointer b)
{
  const ScmpCondition *x = a, *y = b;

  if (x->arg != y->arg)
    return x->arg < y->arg ? -1 : 1;
  if (x->op != y->op)
    return x->op < y->op ? -1 : 1;
  if (x->datum != y->datum)
    return x->datum < y->datum ? -1 : 1;
  if (x->mask != y->mask)
    return x->mask < y->mask ? -1 : 1;
  return 0;
}

static GArray *
chain_on_arch (ScmpArchitecture       arch,
               const char            *name,
               const ScmpCompatChain *chain)
{
  GArray *conjs = g_array_new (FALSE, TRUE, sizeof (Conjunction));

  g_array_set_size (conjs, 1);
  for (guint i = 0; i < chain->n_conds && conjs->len > 0; i++)
    {
      Reduction red;
      guint n = conjs->len;

      condition_on_arch (arch, name, &chain->written[i], &chain->conds[i], &red);
      /* each conjunction so far, once per alternative */
      if (red.n_alts > 1)
        {
          g_autofree Conjunction *copy = g_memdup2 (conjs->data, n * sizeof (Conjunction));

          for (guint a = 1; a < red.n_alts; a++)
            g_array_append_vals (conjs, copy, n);
        }
      if (red.n_alts == 0)
        g_array_set_size (conjs, 0);
      for (guint a = 0; a < red.n_alts; a++)
        for (guint k = 0; k < n; k++)
          {
            Conjunction *cj = &g_array_index (conjs, Conjunction, a * n + k);

            for (guint j = 0; j < red.n_conds[a]; j++)
              cj->conds[cj->n_conds++] = red.conds[a][j];
          }
    }
  for (guint k = 0; k < conjs->len; k++)
    {
      Conjunction *cj = &g_array_index (conjs, Conjunction, k);

      qsort (cj->conds, cj->n_conds, sizeof (ScmpCondition), condition_compare);
    }
  return conjs;
}

/* One ABI's rule for one conjunction, as scmp-glib takes it. */
static ScmpRule *
rule_for_arch (ScmpArchitecture   arch,
               const char        *name,
               int                nr,
               guint32            action_value,
               const Conjunction *cj,
               gboolean           exact,
               GError           **error)
{
  g_autoptr(ScmpAction) action = action_new (action_value);
  g_autoptr(ScmpRule) rule = NULL;

  g_assert (action != NULL);
  if (name == NULL)
    return scmp_rule_new_for_numberv (arch, nr, action, cj->conds, cj->n_conds, error);
  if (exact)
    rule = scmp_rule_new_exact (name, action, cj->conds, cj->n_conds);
  else
    rule = scmp_rule_newv (name, action, cj->conds, cj->n_conds);
  return scmp_rule_restrict_to (rule, &arch, 1, error);
}

static int
errno_from_rule_error (const GError *error)
{
  if (g_error_matches (error, SCMP_ERROR, SCMP_ERROR_SYSCALL_NOT_ON_ARCHITECTURE) ||
      g_error_matches (error, SCMP_ERROR, SCMP_ERROR_NOT_SUPPORTED))
    return -EDOM;
  if (g_error_matches (error, SCMP_ERROR, SCMP_ERROR_INVALID_SYSCALL))
    return -EFAULT;
  return -EINVAL;
}

/* Whether scmp-glib takes the chain (in its form on @arch) there (an
 * exact rule for a syscall the ABI lacks is -EDOM). */
static int
rule_check (ScmpArchitecture     arch,
            const char          *name,
            int                  nr,
            const ScmpCompatChain *chain)
{
  g_autoptr(ScmpAction) kill = scmp_action_new_kill_thread ();
  g_autoptr(ScmpFilter) scratch = scmp_filter_new (kill);
  g_autoptr(GArray) conjs = chain_on_arch (arch, name, chain);
  Conjunction plain = { 0 };
  guint32 action = chain->action == SCMP_ACT_KILL_THREAD ? SCMP_ACT_ALLOW : chain->action;

  if (arch != scmp_architecture_get_native ())
    {
      /* native out first: @arch may have the other byte order */
      scmp_filter_remove_arch (scratch, scmp_architecture_get_native (), NULL);
      scmp_filter_add_arch (scratch, arch, NULL);
    }
  /* a chain that never matches still needs the syscall on the ABI */
  if (conjs->len == 0)
    g_array_append_val (conjs, plain);
  for (guint k = 0; k < conjs->len; k++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(ScmpRule) rule = rule_for_arch (arch, name, nr, action,
                                                &g_array_index (conjs, Conjunction, k),
                                                chain->exact, &error);

      if (rule == NULL || !scmp_filter_add_rule (scratch, rule, &error))
        return errno_from_rule_error (error);
    }
  return 0;
}

static int
rule_add (ScmpCompatCtx             *ctx,
          gboolean                   exact,
          uint32_t                   action,
          int                        syscall,
          unsigned int               arg_cnt,
          const struct scmp_arg_cmp *args)
{
  ScmpCompatChain chain = { 0 };
  const char *name = NULL;
  guint targets[64];           /* indices into ctx->arches; there are fewer ABIs */
  guint n_targets = 0;
  gboolean seen[6] = { FALSE };

  if (ctx == NULL || !action_valid (ctx, action))
    return -EINVAL;
  if (arg_cnt > 6 || (arg_cnt > 0 && args == NULL))
    return -EINVAL;
  for (unsigned int i = 0; i < arg_cnt; i++)
    {
      ScmpCondition cond;
      guint pos;

      if (!condition_from_arg_cmp (&args[i], &cond) || seen[cond.arg])
        return -EINVAL;
      seen[cond.arg] = TRUE;
      /* keep the chain sorted by argument */
      for (pos = chain.n_conds; pos > 0 && chain.written[pos - 1].arg > cond.arg; pos--)
        chain.written[pos] = chain.written[pos - 1];
      chain.written[pos] = cond;
      chain.n_conds++;
    }
  chain.action = action;
  chain.exact = exact;

  if (action == ctx->def_action)
    return -EACCES;
  if (ctx->arches->len == 0)
    return -EINVAL;
  if (exact && ctx->arches->len > 1)
    return -EOPNOTSUPP;

  if (syscall == -1)
    {
      /* the tracer's "skip": only with API_TSKIP. scmp-glib has it as the
       * allow-tracer-skip switch (otherwise -1 gets the default action),
       * so an ALLOW rule is all it can take */
      if (!ctx->tskip)
        return -EINVAL;
      if (action != SCMP_ACT_ALLOW || chain.n_conds > 0)
        return -EOPNOTSUPP;
      ctx->skip_allowed = TRUE;
      ctx_changed (ctx);
      return 0;
    }

  name = rule_syscall_name (syscall);
  if (name == NULL && syscall < 0)
    return 0;                   /* an unknown pseudo-number: no call has it */

  /* which of the present ABIs take the rule, checked before any changes */
  for (guint i = 0; i < ctx->arches->len; i++)
    {
      ScmpCompatArch *a = g_ptr_array_index (ctx->arches, i);
      ScmpCompatChain kept;
      int nr = -1;
      int r;

      if (name != NULL && !syscall_on_arch (a->arch, name))
        {
          if (exact)
            return -EDOM;
          continue;
        }
      if (name == NULL)
        {
          /* a number no name has: the native ABI's own */
          if (a->arch != scmp_architecture_get_native ())
            continue;
          nr = syscall;
        }
      /* arguments behind socketcall's/ipc's pointer cannot be checked
       * exactly: that is the ABI's limit, not bad input */
      chain_for_arch (a->arch, name, &chain, &kept);
      if (exact && name != NULL && kept.n_conds > 0 &&
          scmp_syscall_get_multiplexer (a->arch, name, NULL, NULL) != SCMP_MULTIPLEXER_NONE)
        return -EDOM;
      r = rule_check (a->arch, name, nr, &kept);
      if (r < 0)
        {
          if (exact || r != -EDOM)
            return r;
          continue;
        }
      r = syscall_merge (arch_lookup_syscall (a, name, nr), &kept, FALSE);
      if (r < 0)
        return r;
      targets[n_targets++] = i;
    }

  for (guint t = 0; t < n_targets; t++)
    {
      ScmpCompatArch *a = g_ptr_array_index (ctx->arches, targets[t]);
      ScmpCompatChain kept;
      int nr = name == NULL ? syscall : -1;

      chain_for_arch (a->arch, name, &chain, &kept);
      syscall_merge (arch_ensure_syscall (a, name, nr), &kept, TRUE);
    }
  if (action == SCMP_ACT_NOTIFY)
    ctx->notify_used = TRUE;
  ctx_changed (ctx);
  return 0;
}

int
seccomp_rule_add_array (scmp_filter_ctx            ctx,
                        uint32_t                   action,
                        int                        syscall,
                        unsigned int               arg_cnt,
                        const struct scmp_arg_cmp *arg_array)
{
  return rule_add (ctx, FALSE, action, syscall, arg_cnt, arg_array);
}

int
seccomp_rule_add_exact_array (scmp_filter_ctx            ctx,
                              uint32_t                   action,
                              int                        syscall,
                              unsigned int               arg_cnt,
                              const struct scmp_arg_cmp *arg_array)
{
  return rule_add (ctx, TRUE, action, syscall, arg_cnt, arg_array);
}

static int
rule_add_va (scmp_filter_ctx ctx,
             gboolean        exact,
             uint32_t        action,
             int             syscall,
             unsigned int    arg_cnt,
             va_list         ap)
{
  struct scmp_arg_cmp args[6];

  if (arg_cnt > 6)
    return -EINVAL;
  for (unsigned int i = 0; i < arg_cnt; i++)
    args[i] = va_arg (ap, struct scmp_arg_cmp);
  return rule_add (ctx, exact, action, syscall, arg_cnt, args);
}

int
seccomp_rule_add (scmp_filter_ctx ctx,
                  uint32_t        action,
                  int             syscall,
                  unsigned int    arg_cnt,
                  ...)
{
  va_list ap;
  int r;

  va_start (ap, arg_cnt);
  r = rule_add_va (ctx, FALSE, action, syscall, arg_cnt, ap);
  va_end (ap);
  return r;
}

int
seccomp_rule_add_exact (scmp_filter_ctx ctx,
                        uint32_t        action,
                        int             syscall,
                        unsigned int    arg_cnt,
                        ...)
{
  va_list ap;
  int r;

  va_start (ap, arg_cnt);
  r = rule_add_va (ctx, TRUE, action, syscall, arg_cnt, ap);
  va_end (ap);
  return r;
}

/* ------------------------------------------------------------------ */
/* Merging contexts                                                    */
/* ------------------------------------------------------------------ */

int
seccomp_merge (scmp_filter_ctx ctx_dst,
               scmp_filter_ctx ctx_src)
{
  ScmpCompatCtx *dst = ctx_dst, *src = ctx_src;

  if (dst == NULL || src == NULL || dst == src)
    return -EINVAL;
  /* the two must agree on everything but their ABIs */
  if (dst->def_action != src->def_action || dst->badarch_action != src->badarch_action ||
      dst->nnp != src->nnp || dst->tsync != src->tsync || dst->tskip != src->tskip ||
      dst->log != src->log || dst->ssb != src->ssb || dst->optimize != src->optimize ||
      dst->sysrawrc != src->sysrawrc || dst->waitkill != src->waitkill)
    return -EINVAL;
  for (guint i = 0; i < src->arches->len; i++)
    {
      ScmpCompatArch *a = g_ptr_array_index (src->arches, i);

      if (ctx_find_arch (dst, a->arch) != NULL)
        return -EEXIST;
      if (dst->arches->len > 0)
        {
          ScmpCompatArch *first = g_ptr_array_index (dst->arches, 0);

          if (scmp_architecture_is_big_endian (first->arch) != scmp_architecture_is_big_endian (a->arch))
            return -EDOM;
        }
    }

  while (src->arches->len > 0)
    g_ptr_array_add (dst->arches, g_ptr_array_steal_index (src->arches, 0));
  dst->skip_allowed |= src->skip_allowed;
  dst->notify_used |= src->notify_used;
  {
    GHashTableIter iter;
    gpointer key, value;

    g_hash_table_iter_init (&iter, src->priorities);
    while (g_hash_table_iter_next (&iter, &key, &value))
      if (!g_hash_table_contains (dst->priorities, key))
        g_hash_table_insert (dst->priorities, g_strdup (key), value);
  }
  seccomp_release (src);
  ctx_changed (dst);
  return 0;
}

/* ------------------------------------------------------------------ */
/* Translation into an ordered ScmpFilter                              */
/* ------------------------------------------------------------------ */

/* Among a syscall's argument chains the most restrictive action comes
 * first, so that when two chains match one call the result never depends
 * on the order the rules were added and is never the laxer one. */
static gint
chain_compare (gconstpointer a,
               gconstpointer b)
{
  const ScmpCompatChain *ca = a, *cb = b;
  g_autoptr(ScmpAction) aa = action_new (ca->action);
  g_autoptr(ScmpAction) ab = action_new (cb->action);

  return (gint) scmp_action_get_kind (aa) - (gint) scmp_action_get_kind (ab);
}

/* @chain's rules on @arch into @filter. A rule that comes out the same as
 * an earlier one of the syscall (@emitted), which the most restrictive
 * action already has, is left out: chains libseccomp tells apart can mean
 * the same to the kernel (`pid < 0x100000000` and `pid >= 0`). */
static gboolean
filter_add (ScmpFilter            *filter,
            ScmpArchitecture       arch,
            ScmpCompatSyscall     *sys,
            const ScmpCompatChain *chain,
            GArray                *emitted,
            GError               **error)
{
  g_autoptr(GArray) conjs = chain_on_arch (arch, sys->name, chain);

  for (guint k = 0; k < conjs->len; k++)
    {
      const Conjunction *cj = &g_array_index (conjs, Conjunction, k);
      g_autoptr(ScmpRule) rule = NULL;
      gboolean seen = FALSE;

      for (guint e = 0; e < emitted->len && !seen; e++)
        {
          const Conjunction *old = &g_array_index (emitted, Conjunction, e);

          seen = old->n_conds == cj->n_conds;
          for (guint j = 0; j < cj->n_conds && seen; j++)
            seen = scmp_condition_equal (&old->conds[j], &cj->conds[j]);
        }
      if (seen)
        continue;
      rule = rule_for_arch (arch, sys->name, sys->nr, chain->action, cj, chain->exact, error);
      if (rule == NULL || !scmp_filter_add_rule (filter, rule, error))
        return FALSE;
      g_array_append_vals (emitted, cj, 1);
    }
  return TRUE;
}

ScmpFilter *
_scmp_seccomp_build_filter (const scmp_filter_ctx   ctx,
                            GError                **error)
{
  ScmpCompatCtx *c = ctx;
  g_autoptr(ScmpAction) def = action_new (c->def_action);
  g_autoptr(ScmpAction) bad = action_new (c->badarch_action);
  g_autoptr(ScmpFilter) filter = scmp_filter_new (def);
  ScmpArchitecture native = scmp_architecture_get_native ();
  gboolean keep_native = FALSE;
  GHashTableIter iter;
  gpointer key, value;

  scmp_filter_set_bad_arch_action (filter, bad);
  scmp_filter_set_no_new_privs (filter, c->nnp);
  scmp_filter_set_thread_sync (filter, c->tsync);
  scmp_filter_set_log (filter, c->log);
  scmp_filter_set_spec_allow (filter, c->ssb);
  scmp_filter_set_wait_killable (filter, c->waitkill);
  scmp_filter_set_allow_tracer_skip (filter, c->skip_allowed);

  for (guint i = 0; i < c->arches->len; i++)
    if (((ScmpCompatArch *) g_ptr_array_index (c->arches, i))->arch == native)
      keep_native = TRUE;
  /* the native ABI goes before the others come: they may have the other
   * byte order (s390x alone on an x86_64 host) */
  if (!keep_native && !scmp_filter_remove_arch (filter, native, error))
    return NULL;
  for (guint i = 0; i < c->arches->len; i++)
    {
      ScmpCompatArch *a = g_ptr_array_index (c->arches, i);

      if (a->arch != native && !scmp_filter_add_arch (filter, a->arch, error))
        return NULL;
    }

  for (guint i = 0; i < c->arches->len; i++)
    {
      ScmpCompatArch *a = g_ptr_array_index (c->arches, i);

      for (guint s = 0; s < a->syscalls->len; s++)
        {
          ScmpCompatSyscall *sys = g_ptr_array_index (a->syscalls, s);
          g_autoptr(GArray) chains = NULL;
          g_autoptr(GArray) emitted = g_array_new (FALSE, FALSE, sizeof (Conjunction));

          if (sys->has_plain)
            {
              ScmpCompatChain plain = { .action = sys->plain_action, .exact = sys->plain_exact };

              if (!filter_add (filter, a->arch, sys, &plain, emitted, error))
                return NULL;
              continue;
            }
          chains = g_array_copy (sys->chains);
          g_array_sort (chains, chain_compare);
          for (guint k = 0; k < chains->len; k++)
            if (!filter_add (filter, a->arch, sys, &g_array_index (chains, ScmpCompatChain, k),
                             emitted, error))
              return NULL;
        }
    }

  g_hash_table_iter_init (&iter, c->priorities);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!scmp_filter_set_priority (filter, key, GPOINTER_TO_UINT (value) - 1, error))
      return NULL;

  return g_steal_pointer (&filter);
}

/* ------------------------------------------------------------------ */
/* Output and loading                                                  */
/* ------------------------------------------------------------------ */

static GBytes *
export_program (ScmpCompatCtx *ctx,
                int           *err)
{
  g_autoptr(ScmpFilter) filter = NULL;
  g_autoptr(GError) error = NULL;
  GBytes *bpf = NULL;

  filter = _scmp_seccomp_build_filter (ctx, &error);
  if (filter != NULL)
    bpf = scmp_filter_export_bpf (filter, &error);
  if (filter == NULL || bpf == NULL)
    {
      g_debug ("seccomp compat: cannot compile the filter: %s", error->message);
      *err = -EFAULT;
      return NULL;
    }
  return bpf;
}

static int
write_all (int         fd,
           const void *data,
           gsize       size,
           gboolean    raw)
{
  const char *p = data;

  while (size > 0)
    {
      ssize_t n = write (fd, p, size);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        return raw ? -errno : -ECANCELED;
      p += n;
      size -= n;
    }
  return 0;
}

int
seccomp_export_bpf (const scmp_filter_ctx ctx,
                    int                   fd)
{
  ScmpCompatCtx *c = ctx;
  g_autoptr(GBytes) bpf = NULL;
  int err = 0;

  if (c == NULL)
    return -EINVAL;
  bpf = export_program (c, &err);
  if (bpf == NULL)
    return err;
  return write_all (fd, g_bytes_get_data (bpf, NULL), g_bytes_get_size (bpf), c->sysrawrc);
}

int
seccomp_export_bpf_mem (const scmp_filter_ctx  ctx,
                        void                  *buf,
                        size_t                *len)
{
  ScmpCompatCtx *c = ctx;
  g_autoptr(GBytes) bpf = NULL;
  size_t available;
  int err = 0;

  if (c == NULL || len == NULL)
    return -EINVAL;
  bpf = export_program (c, &err);
  if (bpf == NULL)
    return err;
  available = *len;
  *len = g_bytes_get_size (bpf);
  if (buf == NULL)
    return 0;
  if (available < g_bytes_get_size (bpf))
    return -ERANGE;
  memcpy (buf, g_bytes_get_data (bpf, NULL), g_bytes_get_size (bpf));
  return 0;
}

int
seccomp_export_pfc (const scmp_filter_ctx ctx,
                    int                   fd)
{
  ScmpCompatCtx *c = ctx;
  g_autoptr(ScmpFilter) filter = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  if (c == NULL)
    return -EINVAL;
  filter = _scmp_seccomp_build_filter (c, &error);
  if (filter != NULL)
    text = scmp_filter_export_pfc (filter, &error);
  if (text == NULL)
    return -EFAULT;
  return write_all (fd, text, strlen (text), c->sysrawrc);
}

static int load_result (ScmpCompatCtx *c,
                        int            r);
static void keep_listener (ScmpFilter *filter);

int
seccomp_load (const scmp_filter_ctx ctx)
{
  ScmpCompatCtx *c = ctx;
  g_autoptr(ScmpFilter) filter = NULL;
  g_autoptr(GError) error = NULL;
  int r;

  if (c == NULL)
    return -EINVAL;
  if (c->prepared != NULL)
    {
      /* no allocation on this path: async-signal-safe after precompute */
      r = scmp_filter_load_prepared (c->prepared);
      keep_listener (c->prepared);
      return load_result (c, r);
    }
  filter = _scmp_seccomp_build_filter (c, &error);
  if (filter == NULL || !scmp_filter_prepare (filter, &error))
    return -EFAULT;
  r = scmp_filter_load_prepared (filter);
  keep_listener (filter);
  return load_result (c, r);
}

/* The listener a load asked for outlives the ScmpFilter it was loaded
 * from (closing it would make every notifying syscall fail with ENOSYS). */
static void
keep_listener (ScmpFilter *filter)
{
  int fd = scmp_filter_steal_listener_fd (filter);

  if (fd < 0)
    return;
  if (compat_notify_fd >= 0)
    close (compat_notify_fd);
  compat_notify_fd = fd;
}

static int
load_result (ScmpCompatCtx *c,
             int            r)
{
  if (r == 0)
    return 0;
  if (c->sysrawrc)
    return r;
  /* TSYNC's failure names a thread that could not be synchronised */
  if (c->tsync && r > 0)
    return -ESRCH;
  return r == -ESRCH ? -ESRCH : -ECANCELED;
}

int
seccomp_precompute (const scmp_filter_ctx ctx)
{
  ScmpCompatCtx *c = ctx;
  g_autoptr(ScmpFilter) filter = NULL;
  g_autoptr(GError) error = NULL;

  if (c == NULL)
    return -EINVAL;
  if (c->prepared != NULL)
    return 0;
  filter = _scmp_seccomp_build_filter (c, &error);
  if (filter == NULL || !scmp_filter_prepare (filter, &error))
    return -EFAULT;
  c->prepared = g_steal_pointer (&filter);
  return 0;
}

/* ------------------------------------------------------------------ */
/* Transactions                                                        */
/* ------------------------------------------------------------------ */

int
seccomp_transaction_start (const scmp_filter_ctx ctx)
{
  ScmpCompatCtx *c = ctx;

  if (c == NULL)
    return -EINVAL;
  g_ptr_array_add (c->transactions, ctx_state_copy (c));
  return 0;
}

void
seccomp_transaction_reject (const scmp_filter_ctx ctx)
{
  ScmpCompatCtx *c = ctx;
  ScmpCompatCtx *saved;

  if (c == NULL || c->transactions->len == 0)
    return;
  saved = g_ptr_array_steal_index (c->transactions, c->transactions->len - 1);
  /* take the saved state, keep the outer transactions */
  ctx_changed (c);
  g_ptr_array_unref (c->arches);
  g_hash_table_unref (c->priorities);
  {
    GPtrArray *outer = c->transactions;

    *c = *saved;
    c->transactions = outer;
    c->prepared = NULL;
  }
  saved->arches = NULL;
  saved->priorities = NULL;
  ctx_state_free (saved);
}

int
seccomp_transaction_commit (const scmp_filter_ctx ctx)
{
  ScmpCompatCtx *c = ctx;

  if (c == NULL || c->transactions->len == 0)
    return -EINVAL;
  g_ptr_array_remove_index (c->transactions, c->transactions->len - 1);
  return 0;
}

/* ------------------------------------------------------------------ */
/* User notification                                                   */
/* ------------------------------------------------------------------ */

/* As in libseccomp, the notify functions answer -EOPNOTSUPP below API
 * level 5 (a kernel without listeners, or seccomp_api_set()). */
static gboolean
notify_supported (void)
{
  return seccomp_api_get () >= 5;
}

int
seccomp_notify_alloc (struct seccomp_notif      **req,
                      struct seccomp_notif_resp **resp)
{
  static struct seccomp_notif_sizes sizes;
  size_t req_size, resp_size;

  if (!notify_supported ())
    return -EOPNOTSUPP;
  /* the kernel's sizes, which may exceed the headers' */
  if (sizes.seccomp_notif == 0 &&
      syscall (__NR_seccomp, SECCOMP_GET_NOTIF_SIZES, 0, &sizes) != 0)
    return -ECANCELED;
  if (sizes.seccomp_notif == 0 || sizes.seccomp_notif_resp == 0)
    return -EFAULT;
  /* never less than the headers' either: seccomp_notify_receive() clears
   * a struct seccomp_notif */
  req_size = MAX (sizes.seccomp_notif, sizeof (struct seccomp_notif));
  resp_size = MAX (sizes.seccomp_notif_resp, sizeof (struct seccomp_notif_resp));

  /* malloc(), not g_malloc(): the caller may free() them, and running out
   * of memory is -ENOMEM, not an abort */
  if (req != NULL)
    {
      *req = calloc (1, req_size);
      if (*req == NULL)
        return -ENOMEM;
    }
  if (resp != NULL)
    {
      *resp = calloc (1, resp_size);
      if (*resp == NULL)
        {
          if (req != NULL)
            {
              free (*req);
              *req = NULL;
            }
          return -ENOMEM;
        }
    }
  return 0;
}

void
seccomp_notify_free (struct seccomp_notif      *req,
                     struct seccomp_notif_resp *resp)
{
  free (req);
  free (resp);
}

/* Blocks until a request arrives. The kernel refuses a buffer that is not
 * zeroed, so it is cleared first and may be reused. No retry on EINTR
 * (libseccomp has none): -ECANCELED, with errno saying why. */
int
seccomp_notify_receive (int                   fd,
                        struct seccomp_notif *req)
{
  if (!notify_supported ())
    return -EOPNOTSUPP;
  if (req == NULL)
    return -EINVAL;
  memset (req, 0, sizeof (*req));
  if (ioctl (fd, SECCOMP_IOCTL_NOTIF_RECV, req) < 0)
    return -ECANCELED;
  return 0;
}

int
seccomp_notify_respond (int                        fd,
                        struct seccomp_notif_resp *resp)
{
  if (!notify_supported ())
    return -EOPNOTSUPP;
  if (resp == NULL)
    return -EINVAL;
  if (ioctl (fd, SECCOMP_IOCTL_NOTIF_SEND, resp) < 0)
    return -ECANCELED;
  return 0;
}

int
seccomp_notify_id_valid (int      fd,
                         uint64_t id)
{
  if (!notify_supported ())
    return -EOPNOTSUPP;
  if (ioctl (fd, SECCOMP_IOCTL_NOTIF_ID_VALID, &id) < 0)
    return -ENOENT;
  return 0;
}

int
seccomp_notify_fd (const scmp_filter_ctx ctx)
{
  if (ctx == NULL)
    return -EINVAL;
  return compat_notify_fd;
}

/* The fd number in the target on success. A kernel that does not know
 * the request or its flags says EINVAL, which is -EOPNOTSUPP. */
int
seccomp_notify_addfd (int                         fd,
                      struct seccomp_notif_addfd *addfd)
{
  int r;

  if (!notify_supported ())
    return -EOPNOTSUPP;
  if (addfd == NULL)
    return -EINVAL;
  r = ioctl (fd, SECCOMP_IOCTL_NOTIF_ADDFD, addfd);
  if (r < 0)
    return errno == EINVAL ? -EOPNOTSUPP : -ECANCELED;
  return r;
}
