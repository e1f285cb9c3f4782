/* reference.c: the tests' oracle, from the kernel's behaviour
 *
 * SPDX-FileCopyrightText: 2026 The scmp-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * See reference.h. Everything here is written from what the kernel does,
 * not from the compiler:
 *
 *  - seccomp_data.arch picks the ABI; on AUDIT_ARCH_X86_64 the x32 bit
 *    (0x40000000) of nr tells x32 calls from x86_64 ones. An ABI the
 *    filter lacks gets the bad-arch action; nr == -1 (a tracer skipped
 *    the call) gets ALLOW with allow-tracer-skip, else the default.
 *  - An argument register holds reg_bits bits; the entry point reads the
 *    low `bits` of them, as signed or unsigned (SYSCALL_DEFINEn's cast).
 *  - ksys_ipc(): `version = call >> 16; call &= 0xffff`, where call is an
 *    unsigned int. __sys_socketcall(): `int call`. The sub-call's own
 *    arguments are in memory, out of a filter's reach: a rule with
 *    conditions can only be "maybe" there, and the most restrictive of
 *    the candidates is what the filter must give.
 *  - Rules are ordered, first match decides.
 *  - A rule may be limited to some ABIs (scmp_rule_get_architectures()):
 *    on the others it is not there at all.
 *  - A rule on numbers (scmp_rule_get_numbers()) belongs to one ABI and
 *    matches a direct call whose nr is in [first, last] there; nothing
 *    is known of the kernel's types, so its conditions read the whole
 *    reg_bits-wide register, unsigned.
 *  - The unknown-syscall action: a number the ABI's column of
 *    syscalls.csv does not hold (a hole, above the newest, negative other
 *    than -1, or 0x80000000-0xbfffffff on the x86_64 token) gets it
 *    instead of the default when no rule decides. The kernel answers
 *    ENOSYS for such numbers; nr == -1 is the tracer skip, handled first.
 */

#include "reference.h"

#include <string.h>

#include <linux/audit.h>

#define MAX_ABIS          32
/* The kernel's __X32_SYSCALL_BIT, written out: the oracle does not use
 * the library's headers. */
#define X32_SYSCALL_BIT   0x40000000u
/* The nr a tracer's skip leaves in seccomp_data. */
#define NR_TRACER_SKIP    (-1)
#define RET_ALLOW         0x7fff0000u
#define RET_ACTION_FULL   0xffff0000u

typedef enum { MUX_NONE, MUX_SOCKETCALL, MUX_IPC } Mux;

typedef struct {
  guint8   bits;
  gboolean is_signed;
} RefType;

typedef struct {
  char            *name;
  ScmpArchitecture arch;
  guint32          audit_arch;
  guint            reg_bits;
  gint32           socketcall_nr;
  gint32           ipc_nr;
} RefAbi;

typedef struct {
  char    *name;
  Mux      mux;
  guint32  mux_sub;
  gint32   nr[MAX_ABIS];          /* -1: no direct number */
  RefType  types[MAX_ABIS][6];
} RefSyscall;

typedef struct {
  RefAbi     abis[MAX_ABIS];
  guint      n_abis;
  GHashTable *syscalls;           /* name → RefSyscall */
  GHashTable *named[MAX_ABIS];    /* per ABI: the numbers its column holds (named_key()) */
} RefData;

typedef struct {
  const RefSyscall *syscall;      /* NULL: a rule on numbers */
  guint32           abis;         /* bit i: applies on RefData.abis[i] */
  gint32            first, last;  /* a rule on numbers: its range on its one ABI */
  guint32           action;
  guint             n_conds;
  ScmpCondition    *conds;
} RefRule;

struct _RefFilter {
  const RefAbi *abis[MAX_ABIS];
  guint         n_abis;
  guint32       default_action;
  guint32       bad_arch_action;
  gboolean      have_unknown_action;
  guint32       unknown_action;
  gboolean      allow_tracer_skip;
  GArray       *rules;            /* RefRule */
};

/* A hash key for a syscall number (never NULL: 0 is a number). */
#define named_key(nr) GUINT_TO_POINTER ((guint32) (nr) + 1u)

/* ------------------------------------------------------------------ */
/* The data                                                            */
/* ------------------------------------------------------------------ */

/* One CSV line (RFC 4180 quoting, no newlines inside fields). */
static GPtrArray *
csv_split (const char *line)
{
  GPtrArray *fields = g_ptr_array_new_with_free_func (g_free);
  const char *p = line;

  for (;;)
    {
      GString *field = g_string_new (NULL);

      if (*p == '"')
        {
          for (p++; *p != '\0'; p++)
            {
              if (*p == '"' && p[1] == '"')
                g_string_append_c (field, *p++);
              else if (*p == '"')
                {
                  p++;
                  break;
                }
              else
                g_string_append_c (field, *p);
            }
        }
      while (*p != '\0' && *p != ',')
        g_string_append_c (field, *p++);
      g_ptr_array_add (fields, g_string_free (field, FALSE));
      if (*p != ',')
        return fields;
      p++;
    }
}

typedef struct {
  GPtrArray *header;
  GPtrArray *rows;                /* GPtrArray of fields */
} Csv;

static void
csv_clear (Csv *csv)
{
  g_ptr_array_unref (csv->header);
  g_ptr_array_unref (csv->rows);
}

static void
csv_read (Csv        *csv,
          const char *dir,
          const char *file)
{
  g_autofree char *path = g_build_filename (dir, file, NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;

  if (!g_file_get_contents (path, &text, NULL, &error))
    g_error ("reference: %s", error->message);
  lines = g_strsplit (text, "\n", -1);
  csv->header = csv_split (lines[0]);
  csv->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  for (guint i = 1; lines[i] != NULL; i++)
    {
      GPtrArray *fields;

      g_strchomp (lines[i]);
      if (lines[i][0] == '\0')
        continue;
      fields = csv_split (lines[i]);
      if (fields->len != csv->header->len)
        g_error ("reference: %s line %u has %u fields, the header %u",
                 path, i + 1, fields->len, csv->header->len);
      g_ptr_array_add (csv->rows, fields);
    }
}

static guint
csv_column (const Csv  *csv,
            const char *name)
{
  for (guint i = 0; i < csv->header->len; i++)
    if (strcmp (g_ptr_array_index (csv->header, i), name) == 0)
      return i;
  g_error ("reference: no column “%s”", name);
}

static const char *
csv_get (GPtrArray *row,
         guint      column)
{
  return g_ptr_array_index (row, column);
}

/* A decimal or 0x-hexadecimal number, maybe negative. */
static gint64
parse_int (const char *text)
{
  gboolean negative = text[0] == '-';
  const char *digits = text + (negative ? 1 : 0);
  guint base = g_str_has_prefix (digits, "0x") ? 16 : 10;
  guint64 value;

  if (!g_ascii_string_to_unsigned (digits + (base == 16 ? 2 : 0), base, 0, G_MAXINT64, &value, NULL))
    g_error ("reference: bad number “%s”", text);
  return negative ? -(gint64) value : (gint64) value;
}

/* u64 s64 u32 s32 u16 s16 u8 s8, or "-" for an argument the entry point
 * does not have: then the filter sees the bare register. */
static RefType
parse_type (const char *token,
            guint       reg_bits)
{
  RefType t = { (guint8) reg_bits, FALSE };
  guint64 bits = 0;

  if (strcmp (token, "-") == 0)
    return t;
  if ((token[0] != 'u' && token[0] != 's') ||
      !g_ascii_string_to_unsigned (token + 1, 10, 8, 64, &bits, NULL) ||
      (bits != 8 && bits != 16 && bits != 32 && bits != 64))
    g_error ("reference: bad argument type “%s”", token);
  if (bits > reg_bits)
    g_error ("reference: argument type “%s” is wider than the register", token);
  t.bits = (guint8) bits;
  t.is_signed = token[0] == 's';
  return t;
}

static void
ref_syscall_free (gpointer p)
{
  RefSyscall *s = p;

  g_free (s->name);
  g_free (s);
}

static RefData *
load_data (void)
{
  const char *dir = g_getenv ("SCMP_ARCH_DATA_DIR");
  RefData *data = g_new0 (RefData, 1);
  Csv abis, syscalls, args;
  guint abi_col[MAX_ABIS];

  if (dir == NULL)
    g_error ("reference: set SCMP_ARCH_DATA_DIR to the arch-data directory");

  csv_read (&abis, dir, "abis.csv");
  if (abis.rows->len > MAX_ABIS)
    g_error ("reference: too many ABIs");
  for (guint i = 0; i < abis.rows->len; i++)
    {
      GPtrArray *row = g_ptr_array_index (abis.rows, i);
      RefAbi *abi = &data->abis[data->n_abis++];

      abi->name = g_strdup (csv_get (row, csv_column (&abis, "name")));
      abi->arch = scmp_architecture_from_name (abi->name);
      abi->audit_arch = (guint32) parse_int (csv_get (row, csv_column (&abis, "audit_arch")));
      abi->reg_bits = (guint) parse_int (csv_get (row, csv_column (&abis, "reg_bits")));
      abi->socketcall_nr = (gint32) parse_int (csv_get (row, csv_column (&abis, "socketcall_nr")));
      abi->ipc_nr = (gint32) parse_int (csv_get (row, csv_column (&abis, "ipc_nr")));
      if (abi->arch == SCMP_ARCHITECTURE_UNKNOWN)
        g_error ("reference: scmp-glib does not know the ABI “%s”", abi->name);
    }
  csv_clear (&abis);

  data->syscalls = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, ref_syscall_free);
  for (guint a = 0; a < data->n_abis; a++)
    data->named[a] = g_hash_table_new (g_direct_hash, g_direct_equal);
  csv_read (&syscalls, dir, "syscalls.csv");
  for (guint a = 0; a < data->n_abis; a++)
    abi_col[a] = csv_column (&syscalls, data->abis[a].name);
  for (guint i = 0; i < syscalls.rows->len; i++)
    {
      GPtrArray *row = g_ptr_array_index (syscalls.rows, i);
      RefSyscall *s = g_new0 (RefSyscall, 1);
      const char *mux = csv_get (row, csv_column (&syscalls, "mux"));

      s->name = g_strdup (csv_get (row, csv_column (&syscalls, "name")));
      s->mux = strcmp (mux, "socketcall") == 0 ? MUX_SOCKETCALL
             : strcmp (mux, "ipc") == 0 ? MUX_IPC : MUX_NONE;
      if (s->mux != MUX_NONE)
        s->mux_sub = (guint32) parse_int (csv_get (row, csv_column (&syscalls, "mux_sub")));
      for (guint a = 0; a < data->n_abis; a++)
        {
          const char *cell = csv_get (row, abi_col[a]);

          s->nr[a] = *cell == '\0' ? -1 : (gint32) parse_int (cell);
          if (s->nr[a] >= 0)
            g_hash_table_add (data->named[a], named_key (s->nr[a]));
          for (guint k = 0; k < 6; k++)
            s->types[a][k] = (RefType) { (guint8) data->abis[a].reg_bits, FALSE };
        }
      g_hash_table_insert (data->syscalls, s->name, s);
    }
  csv_clear (&syscalls);

  csv_read (&args, dir, "syscall-args.csv");
  for (guint i = 0; i < args.rows->len; i++)
    {
      GPtrArray *row = g_ptr_array_index (args.rows, i);
      const char *abi_name = csv_get (row, csv_column (&args, "abi"));
      const char *name = csv_get (row, csv_column (&args, "syscall"));
      RefSyscall *s = g_hash_table_lookup (data->syscalls, name);
      guint a;

      for (a = 0; a < data->n_abis; a++)
        if (strcmp (data->abis[a].name, abi_name) == 0)
          break;
      if (a == data->n_abis || s == NULL || s->nr[a] < 0)
        g_error ("reference: syscall-args.csv types %s on %s, which has no number for it",
                 name, abi_name);
      for (guint k = 0; k < 6; k++)
        {
          char column[] = "argN";

          column[3] = (char) ('0' + k);
          s->types[a][k] = parse_type (csv_get (row, csv_column (&args, column)),
                                       data->abis[a].reg_bits);
        }
    }
  csv_clear (&args);
  return data;
}

static const RefData *
ref_data (void)
{
  static gsize once = 0;
  static RefData *data;

  if (g_once_init_enter (&once))
    {
      data = load_data ();
      g_once_init_leave (&once, 1);
    }
  return data;
}

static guint
abi_index (const RefAbi *abi)
{
  return (guint) (abi - ref_data ()->abis);
}

static const RefAbi *
abi_for_arch (ScmpArchitecture arch)
{
  const RefData *data = ref_data ();

  for (guint a = 0; a < data->n_abis; a++)
    if (data->abis[a].arch == arch)
      return &data->abis[a];
  return NULL;
}

gboolean
ref_arg_type (ScmpArchitecture  arch,
              const char       *syscall,
              guint             arg,
              guint            *bits,
              gboolean         *is_signed)
{
  const RefAbi *abi = abi_for_arch (arch);
  const RefSyscall *s = g_hash_table_lookup (ref_data ()->syscalls, syscall);
  RefType t;

  g_assert (arg < 6);
  if (abi == NULL || s == NULL || s->nr[abi_index (abi)] < 0)
    return FALSE;
  t = s->types[abi_index (abi)][arg];
  *bits = t.bits;
  *is_signed = t.is_signed;
  return TRUE;
}

gint32
ref_syscall_number (ScmpArchitecture  arch,
                    const char       *syscall)
{
  const RefAbi *abi = abi_for_arch (arch);
  const RefSyscall *s = g_hash_table_lookup (ref_data ()->syscalls, syscall);

  return abi != NULL && s != NULL ? s->nr[abi_index (abi)] : -1;
}

gboolean
ref_number_is_named (ScmpArchitecture arch,
                     gint32           nr)
{
  const RefAbi *abi = abi_for_arch (arch);

  return abi != NULL && g_hash_table_contains (ref_data ()->named[abi_index (abi)], named_key (nr));
}

gint32
ref_highest_number (ScmpArchitecture arch)
{
  const RefAbi *abi = abi_for_arch (arch);
  GHashTableIter iter;
  gpointer key;
  gint32 highest = -1;

  if (abi == NULL)
    return -1;
  g_hash_table_iter_init (&iter, ref_data ()->named[abi_index (abi)]);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    highest = MAX (highest, (gint32) (GPOINTER_TO_UINT (key) - 1u));
  return highest;
}

static guint64
low_bits (guint bits)
{
  return bits >= 64 ? G_MAXUINT64 : (G_GUINT64_CONSTANT (1) << bits) - 1;
}

gboolean
ref_value_fits (guint64 value,
                guint   bits)
{
  guint64 high = value & ~low_bits (bits);

  if (bits >= 64)
    return TRUE;
  /* Zero-extended, or sign-extended (the sign bit and all above set). */
  return high == 0 || (value | low_bits (bits - 1)) == G_MAXUINT64;
}

/* ------------------------------------------------------------------ */
/* Evaluation                                                          */
/* ------------------------------------------------------------------ */

RefFilter *
ref_filter_new (ScmpFilter *filter)
{
  const RefData *data = ref_data ();
  RefFilter *ref = g_new0 (RefFilter, 1);
  gsize n_arches;
  g_autofree ScmpArchitecture *arches = scmp_filter_list_arches (filter, &n_arches);

  for (gsize i = 0; i < n_arches; i++)
    {
      const RefAbi *abi = abi_for_arch (arches[i]);

      g_assert (abi != NULL && ref->n_abis < MAX_ABIS);
      ref->abis[ref->n_abis++] = abi;
    }
  ref->default_action = scmp_action_get_kernel_value (scmp_filter_get_default_action (filter));
  ref->bad_arch_action = scmp_action_get_kernel_value (scmp_filter_get_bad_arch_action (filter));
  ref->allow_tracer_skip = scmp_filter_get_allow_tracer_skip (filter);
  if (scmp_filter_get_unknown_syscall_action (filter) != NULL)
    {
      ref->have_unknown_action = TRUE;
      ref->unknown_action = scmp_action_get_kernel_value (scmp_filter_get_unknown_syscall_action (filter));
    }
  ref->rules = g_array_new (FALSE, TRUE, sizeof (RefRule));

  for (guint r = 0; r < scmp_filter_get_n_rules (filter); r++)
    {
      ScmpRule *rule = scmp_filter_get_rule (filter, r);
      RefRule rr = { 0 };
      ScmpArchitecture numbers_arch = SCMP_ARCHITECTURE_UNKNOWN;
      gint first = 0, last = 0;
      gsize n_limited = 0;
      g_autofree ScmpArchitecture *limited = scmp_rule_get_architectures (rule, &n_limited);

      /* The ABIs the rule applies on: all, or those it is limited to. */
      rr.abis = limited == NULL ? G_MAXUINT32 : 0;
      for (gsize i = 0; i < n_limited; i++)
        {
          const RefAbi *abi = abi_for_arch (limited[i]);

          g_assert (abi != NULL);
          rr.abis |= 1u << abi_index (abi);
        }

      if (scmp_rule_get_numbers (rule, &numbers_arch, &first, &last))
        {
          const RefAbi *abi = abi_for_arch (numbers_arch);

          /* A rule on numbers has no name and belongs to its ABI. */
          g_assert (abi != NULL);
          g_assert_null (scmp_rule_get_syscall (rule));
          g_assert_cmpint (first, >=, 0);
          g_assert_cmpint (first, <=, last);
          rr.abis &= 1u << abi_index (abi);
          rr.first = first;
          rr.last = last;
        }
      else
        {
          rr.syscall = g_hash_table_lookup (data->syscalls, scmp_rule_get_syscall (rule));
          g_assert (rr.syscall != NULL);
        }
      rr.action = scmp_action_get_kernel_value (scmp_rule_get_action (rule));
      rr.n_conds = scmp_rule_get_n_conditions (rule);
      rr.conds = g_new (ScmpCondition, MAX (rr.n_conds, 1));
      for (guint c = 0; c < rr.n_conds; c++)
        rr.conds[c] = *scmp_rule_get_condition (rule, c);
      g_array_append_val (ref->rules, rr);
    }
  return ref;
}

void
ref_filter_free (RefFilter *ref)
{
  for (guint r = 0; r < ref->rules->len; r++)
    g_free (g_array_index (ref->rules, RefRule, r).conds);
  g_array_unref (ref->rules);
  g_free (ref);
}

static gint64
sign_extend (guint64 v,
             guint   bits)
{
  guint64 sign = G_GUINT64_CONSTANT (1) << (bits - 1);

  return (gint64) ((v ^ sign) - sign);
}

/* Does @c hold for register value @reg, read as @t? A condition made with
 * scmp_condition_new_32() compares at most the low 32 bits, unsigned
 * unless the kernel's type is itself a signed 32-bit or narrower one. */
static gboolean
condition_holds (const ScmpCondition *c,
                 RefType              t,
                 guint64              reg)
{
  guint bits = t.bits;
  gboolean is_signed = t.is_signed;
  guint64 v, d;
  int order;

  if (c->is_32bit && bits > 32)
    {
      bits = 32;
      is_signed = FALSE;
    }
  v = reg & low_bits (bits);
  d = c->datum & low_bits (bits);

  if (c->op == SCMP_COMPARE_OP_MASKED_EQ)
    return (v & c->mask & low_bits (bits)) == d;

  /* -1, 0 or 1: the argument against the datum, in the kernel's order. */
  if (is_signed)
    {
      gint64 sv = sign_extend (v, bits), sd = sign_extend (d, bits);

      order = (sv > sd) - (sv < sd);
    }
  else
    order = (v > d) - (v < d);

  switch (c->op)
    {
    case SCMP_COMPARE_OP_EQ: return order == 0;
    case SCMP_COMPARE_OP_NE: return order != 0;
    case SCMP_COMPARE_OP_LT: return order < 0;
    case SCMP_COMPARE_OP_LE: return order <= 0;
    case SCMP_COMPARE_OP_GT: return order > 0;
    case SCMP_COMPARE_OP_GE: return order >= 0;
    default: g_assert_not_reached ();
    }
}

typedef enum { MATCH_NO, MATCH_YES, MATCH_MAYBE } Match;

static Match
rule_match (const RefRule *rule,
            const RefAbi  *abi,
            gint32         nr,
            const guint64  args[6])
{
  const RefSyscall *s = rule->syscall;
  guint a = abi_index (abi);
  gint32 mux_nr;
  guint32 call;

  if ((rule->abis & (1u << a)) == 0)
    return MATCH_NO;

  /* A rule on numbers: direct calls only, the whole register unsigned. */
  if (s == NULL)
    {
      const RefType whole = { (guint8) abi->reg_bits, FALSE };

      if (nr < rule->first || nr > rule->last)
        return MATCH_NO;
      for (guint c = 0; c < rule->n_conds; c++)
        if (!condition_holds (&rule->conds[c], whole, args[rule->conds[c].arg]))
          return MATCH_NO;
      return MATCH_YES;
    }

  if (s->nr[a] >= 0 && nr == s->nr[a])
    {
      for (guint c = 0; c < rule->n_conds; c++)
        if (!condition_holds (&rule->conds[c], s->types[a][rule->conds[c].arg],
                              args[rule->conds[c].arg]))
          return MATCH_NO;
      return MATCH_YES;
    }

  mux_nr = s->mux == MUX_SOCKETCALL ? abi->socketcall_nr
         : s->mux == MUX_IPC ? abi->ipc_nr : -1;
  if (mux_nr < 0 || nr != mux_nr)
    return MATCH_NO;
  /* Both multiplexers take the call as a 32-bit number (int, unsigned
   * int); ksys_ipc() keeps its low 16 bits. */
  call = (guint32) args[0];
  if (s->mux == MUX_IPC)
    call &= 0xffff;
  if (call != s->mux_sub)
    return MATCH_NO;
  return rule->n_conds == 0 ? MATCH_YES : MATCH_MAYBE;
}

/* The kernel's precedence: the smaller the signed action part, the more
 * restrictive; of equals, the earlier stays. */
static guint32
more_restrictive (guint32 earlier,
                  guint32 later)
{
  return (gint32) (later & RET_ACTION_FULL) < (gint32) (earlier & RET_ACTION_FULL) ? later : earlier;
}

guint32
ref_filter_evaluate (RefFilter     *ref,
                     guint32        audit_arch,
                     gint32         nr,
                     const guint64  args[6])
{
  return ref_filter_explain (ref, audit_arch, nr, args, NULL);
}

guint32
ref_filter_explain (RefFilter     *ref,
                    guint32        audit_arch,
                    gint32         nr,
                    const guint64  args[6],
                    int           *rule_index)
{
  const RefAbi *abi = NULL;
  guint32 outcome = 0, fallback;
  gboolean have_outcome = FALSE;
  int outcome_rule = -1, dummy;

  if (rule_index == NULL)
    rule_index = &dummy;
  *rule_index = -1;

  for (guint i = 0; i < ref->n_abis && abi == NULL; i++)
    {
      const RefAbi *candidate = ref->abis[i];
      gboolean x32_call = ((guint32) nr & X32_SYSCALL_BIT) != 0;

      if (candidate->audit_arch != audit_arch)
        continue;
      if (audit_arch == AUDIT_ARCH_X86_64 && nr != NR_TRACER_SKIP &&
          x32_call != (strcmp (candidate->name, "x32") == 0))
        continue;
      abi = candidate;
    }
  if (abi == NULL)
    return ref->bad_arch_action;
  if (nr == NR_TRACER_SKIP)
    return ref->allow_tracer_skip ? RET_ALLOW : ref->default_action;

  /* What no rule decides: the unknown-syscall action for a number the
   * ABI's table does not name, else the default. */
  fallback = ref->default_action;
  if (ref->have_unknown_action &&
      !g_hash_table_contains (ref_data ()->named[abi_index (abi)], named_key (nr)))
    fallback = ref->unknown_action;

  /* The rule whose action is the outcome: a later one only when strictly
   * more restrictive. */
  for (guint r = 0; r < ref->rules->len; r++)
    {
      const RefRule *rule = &g_array_index (ref->rules, RefRule, r);
      Match m = rule_match (rule, abi, nr, args);

      if (m == MATCH_NO)
        continue;
      if (!have_outcome || more_restrictive (outcome, rule->action) != outcome)
        {
          outcome = rule->action;
          outcome_rule = (int) r;
        }
      have_outcome = TRUE;
      if (m == MATCH_YES)
        {
          *rule_index = outcome_rule;
          return outcome;
        }
    }
  if (have_outcome && more_restrictive (outcome, fallback) == outcome)
    {
      *rule_index = outcome_rule;
      return outcome;
    }
  return fallback;
}
